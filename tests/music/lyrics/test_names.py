"""Names, possessives, kinds of place and genre names in a description (none of these descriptions is in a
benchmark set)."""

from topline.music.lyrics import lexicon
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import carriers, slot_fits, theme_weights, write_song


def _phrase(topic, bare):
    return next(p for p in topic.phrases if p.bare == bare)


def _carried(description: str, word: str) -> list[str]:
    topic = read_topic(description)
    return [" ".join(t for t, _ in ln.parts) for ln in carriers(topic, description, word)[0]]


def test_a_possessive_name_keeps_its_capital_and_no_article():
    topic = read_topic("a rock song for Lena's graduation")
    lena, owned = _phrase(topic, "Lena"), _phrase(topic, "Lena's graduation")
    assert (lena.sung, lena.kind, owned.sung) == ("Lena", "person", "Lena's graduation")
    assert slot_fits("person", lena, topic) and not slot_fits("thing", lena, topic)  # "I can hear Lena laugh"
    assert _carried("a rock song for Lena's graduation", "lena")[0] == "and now it's Lena's graduation"


def test_a_pet_named_is_sung_by_its_name():
    topic = read_topic("folk song about a pony called Pepper")
    pepper = _phrase(topic, "Pepper")
    assert (pepper.sung, pepper.head, pepper.kind) == ("Pepper", "pony", "animal")
    assert slot_fits("animal", pepper, topic) and not slot_fits("animal", _phrase(topic, "pony"), topic)
    assert _carried("folk song about a pony called Pepper", "pepper") == [
        "and now there's a pony named Pepper", "and now there's a pony named Pepper, I know",
        "and now there's a pony named Pepper, it's true"]  # never "named Pepper again"
    topic = read_topic("my old cat Mittens asleep on the sofa")  # a name right after the noun, then the rest
    assert [p.bare for p in topic.phrases] == ["old cat", "Mittens", "sofa"] and topic.addressee == "old cat"
    assert _carried("my old cat Mittens asleep on the sofa", "mittens")[0] == "and now Mittens, you're my old cat"
    text = write_song("folk song about a pony called Pepper", seed=0)[1]
    assert "Pepper" in text and "the pepper" not in text.lower()


def test_the_head_of_a_possessive_phrase_is_the_person():
    topic = read_topic("a miner's son walking to school")
    assert (topic.singer, topic.own_verbs) == ("miner's son", ("walk",))  # the son sings, not the miner
    topic = read_topic("a sailor's last voyage")  # a thing of his: the sailor sings
    assert topic.singer == "sailor"


def test_genre_names_are_style_not_subject():
    for description, words in (("vaporwave about a shopping mall at night", ("shopping", "mall", "night")),
                               ("dream pop about falling asleep", ("fall", "asleep")),
                               ("garage rock song about my first band", ("first", "band")),
                               ("chillwave", ()),
                               ("soft lullaby for my son", ("son",))):
        assert read_topic(description).words == words, description
    assert read_topic("a girl who loves rock music").words == ("girl", "rock")  # rock is what she loves (a thing loved: no lover)


def test_places_are_typed_city_country_natural():
    assert [lexicon.types(w)[1:] for w in ("Lisbon", "Peru", "Ohio", "Africa", "river", "Kingston")] == \
        ["t", "k", "k", "k", "o", "t"]
    assert "city" in theme_weights(read_topic("a night walk in Lisbon")) and theme_weights(
        read_topic("a night walk in Lisbon"))["city"] > theme_weights(read_topic("a night walk in Peru"))["city"]
    topic = read_topic("a picnic in Peru")
    assert not slot_fits("spot", _phrase(topic, "Peru"), topic) and slot_fits("place", _phrase(topic, "Peru"), topic)


def test_imaginary_beings_and_remarks_are_not_people_and_things():
    topic = read_topic("punk song about a unicorn and a goodbye")
    assert not slot_fits("person", _phrase(topic, "unicorn"), topic)
    assert not slot_fits("thing", _phrase(topic, "goodbye"), topic)
    assert read_topic("the bridge that broke").forms["break"] == frozenset({"broke"})  # not "the break of day"


def test_times_in_digits_settle_night_or_day():
    def facts(d):
        return sorted(t for t in read_topic(d).tags if t in ("night", "midnight", "day"))
    assert [facts(d) for d in ("walking home at 4am", "a call at 1 a.m.", "coffee at 7am", "back by 10pm")] == \
        [["midnight", "night"], ["midnight", "night"], ["day"], ["night"]]
