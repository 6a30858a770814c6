from topline.music.lyrics import lexicon


def test_lemmas_from_wordnet_morphology():
    assert [lexicon.lemma(w) for w in ("waits", "kitchens", "geese", "ran", "stopped", "grandmother's", "letters")] \
        == ["wait", "kitchen", "goose", "run", "stop", "grandmother", "letter"]
    assert lexicon.lemma("driving", "v") == "drive" and lexicon.lemma("best", "a") == "good"


def test_parts_of_speech_and_kinds():
    assert lexicon.parts_of_speech("kitchen") == ["n"]
    assert lexicon.parts_of_speech("wait")[0] == "v"
    kinds = {w: lexicon.kind(w) for w in ("grandmother", "kitchen", "lighthouse", "dog", "rain", "letter", "truck",
                                           "summer", "breakup", "bread")}
    assert kinds == {"grandmother": "person", "kitchen": "place", "lighthouse": "place", "dog": "animal",
                     "rain": "weather", "letter": "thing", "truck": "vehicle", "summer": "time", "breakup": "event",
                     "bread": "food"}
    assert lexicon.intransitive("wait") and not lexicon.intransitive("chase")


def test_related_words_and_inflection():
    assert {"beacon", "tower", "ships"} <= set(lexicon.related("lighthouse"))
    assert "room" in lexicon.related("kitchen")
    assert [lexicon.gerund(v) for v in ("drive", "run", "wait", "lie", "see")] == \
        ["driving", "running", "waiting", "lying", "seeing"]
    assert [lexicon.third_person(v) for v in ("wait", "carry", "watch", "go", "be")] == \
        ["waits", "carries", "watches", "goes", "is"]
    assert lexicon.zipf("the") > 7 > lexicon.zipf("lighthouse") > 2
