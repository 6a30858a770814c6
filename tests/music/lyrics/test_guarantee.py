"""Every content word sung by construction; weather lines need support; one person, one voice."""

import re

import pytest

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import (carriers, count_syllables, default_form, weather_supported, weather_tags,
                                         write_song)


def _texts(lines):
    return [" ".join(t for t, optional in ln.parts if not optional) for ln in lines]


def _sung(text: str) -> set[str]:
    words = {re.sub(r"[^a-z']", "", w.lower()) for b in text.split("\n\n") for ln in b.split("\n")[1:]
             for w in ln.split()}
    return words | {w.removesuffix("'s") for w in words}


def test_carriers_sing_the_descriptions_own_clause_in_the_singers_voice():
    d = "a baker opening his shop at dawn"
    lines, openers = carriers(read_topic(d), d, "open")
    assert _texts(lines)[:3] == ["I'm opening my shop", "I'm opening my shop again", "I'm opening my shop, I know"]
    assert "I'm opening my shop at dawn" in _texts(lines) and openers == []
    d = "my best friend moving to another country"
    assert "you're moving to another country" in _texts(carriers(read_topic(d), d, "move")[0])
    d = "a girl teaching her little brother to ride a bike"  # the brother is "you", inside the clause too
    texts = [t for ln, t in zip(carriers(read_topic(d), d, "ride")[0], _texts(carriers(read_topic(d), d, "ride")[0]))
             if ln.theme == "carry"]
    assert texts == ["you're riding a bike", "I'm teaching you to ride a bike"]  # the one taught rides
    d = "quitting my job to travel the world"  # the job does not travel
    texts = [t for ln, t in zip(carriers(read_topic(d), d, "travel")[0], _texts(carriers(read_topic(d), d, "travel")[0]))
             if ln.theme == "carry"]
    assert texts == ["I'm traveling the world", "I'm quitting my job to travel the world"]
    for d, w, line in (("my ex got married yesterday", "marry", "you got married yesterday"),
                       ("the day my son was born", "bear", "you were born"),
                       ("we are young and we have nothing", "nothing", "we have nothing")):
        assert _texts(carriers(read_topic(d), d, w)[0])[0] == line
    d = "firefighters running into a burning building"  # "building" ends a noun phrase here: not a verb
    assert carriers(read_topic(d), d, "build")[1] == ["into a burning building"]
    d = "a couple dancing in the kitchen at midnight"
    assert "we're a couple dancing in the kitchen" in _texts(carriers(read_topic(d), d, "couple")[0])
    d = "getting lost in Tokyo without a phone"  # never past "without": the phone is not there
    assert _texts(carriers(read_topic(d), d, "get")[0])[0] == "I'm getting lost in Tokyo"
    d = "the night our team won the championship"
    assert _texts(carriers(read_topic(d), d, "win")[0])[0] == "we won the championship"


def test_a_word_only_a_prepositional_phrase_holds_opens_or_makes_a_line():
    d = "a fisherman's last trip before retirement"
    lines, openers = carriers(read_topic(d), d, "retirement")
    assert openers == ["before retirement"]
    assert _texts(lines) == ["before retirement, I know", "before retirement, it's true"]  # never "... again": once
    d = "autumn leaves falling in the park where we met"
    assert carriers(read_topic(d), d, "meet")[1] == ["in the park where we met"]


@pytest.mark.parametrize("description", [
    "a baker opening his shop at dawn", "getting lost in Tokyo without a phone", "a cat asleep in the afternoon sun",
    "a fisherman's last trip before retirement", "a marathon runner hitting the wall at mile twenty",
    "my best friend moving to another country", "a truck driver crossing the desert alone",
])
def test_every_content_word_is_sung(description):
    topic = read_topic(description)
    form = default_form("pop")
    plan = [n for s in form.sections for n in s.line_syllables]
    for seed in (0, 1):
        _, text = write_song(description, seed=seed, form=form)
        sung = _sung(text)
        assert [w for w in topic.words if not topic.forms[w] & sung] == []
        lines = [ln for b in text.split("\n\n") for ln in b.split("\n")[1:]]
        assert len(lines) == len(plan)


def test_weather_lines_need_the_descriptions_support():
    assert weather_tags("my shoes are soaking to the bone") == {"rain", "wet"}
    assert weather_tags("and the storm is rolling in") == {"rain"}
    assert weather_tags("the words are cold as ice") == set()  # a simile, not the weather
    assert weather_tags("the snow is falling on the street") == {"snow"}
    nurse = read_topic("a nurse on the night ward during the storm")
    farmer = read_topic("a farmer praying for rain in a dry summer")
    pilot = read_topic("a pilot flying over the ocean at sunrise")
    assert "indoors" in nurse.tags and "dry" in farmer.tags and "rain" in farmer.tags
    assert weather_supported({"rain"}, nurse) and not weather_supported({"rain", "wet"}, nurse)
    assert weather_supported({"rain"}, farmer) and not weather_supported({"rain", "wet"}, farmer)
    assert not weather_supported({"rain"}, pilot) and not weather_supported({"snow"}, pilot)
    for d, banned in (("a nurse on the night ward during the storm", r"soak|wet|in the rain"),
                      ("a farmer praying for rain in a dry summer", r"soak|wet|pouring"),
                      ("a pilot flying over the ocean at sunrise", r"storm|rain|thunder"),
                      ("a hot dry summer night on the rooftop", r"rain|soak|wet|snow")):
        for seed in (0, 1):
            assert not re.search(banned, write_song(d, seed=seed)[1], re.I), (d, seed)


def test_one_person_one_grammatical_person():
    widow = "a widow planting roses in her late husband's garden"
    assert "no-you" in read_topic(widow).tags
    assert "no-you" not in read_topic("a dog that waits by the door").tags  # nobody's dog: may be "you"
    assert "no-you" not in read_topic("a soldier's letter to his wife").tags  # the wife is "you"
    for seed in (0, 1, 2):
        text = write_song(widow, seed=seed)[1]
        assert "late husband" in text.lower()
        assert not re.search(r"\b(you|your|you're|you'll)\b", text, re.I), seed


def test_a_carrier_line_keeps_the_syllable_budget():
    form = default_form("pop")
    plan = [n for s in form.sections for n in s.line_syllables]
    _, text = write_song("a beekeeper checking her hives in the spring", seed=0, form=form)
    lines = [ln for b in text.split("\n\n") for ln in b.split("\n")[1:]]
    held = [(n, ln) for n, ln in zip(plan, lines) if re.search(r"\bcheck", ln, re.I)]
    assert held and all(abs(count_syllables(ln) - n) <= 2 for n, ln in held)


def test_a_named_season_keeps_other_seasons_out():
    spring = read_topic("a beekeeper checking her hives in the spring")
    autumn = read_topic("autumn leaves falling in the park where we met")
    assert "spring" in spring.tags and "autumn" in autumn.tags
    assert not weather_supported({"autumn"}, spring) and not weather_supported({"summer"}, spring)
    assert weather_supported({"spring"}, spring) and weather_supported({"autumn"}, autumn)
    assert weather_supported({"summer"}, read_topic("a dog that waits by the door"))  # no season named
    for seed in (0, 1):
        text = write_song("a beekeeper checking her hives in the spring", seed=seed)[1]
        assert not re.search(r"leaves are falling|letting go again|turning cold|shimmering", text, re.I), seed


def test_verb_clauses_and_adverbs_carry_their_words():
    def carried(d, w):
        lines, openers = carriers(read_topic(d), d, w)
        return [t for ln, t in zip(lines, _texts(lines)) if ln.theme == "carry"], openers

    # an adverb is sung in its verb's clause; a thing's own relative clause is sung of "it"
    assert carried("my uncle's old boat that finally sank", "finally") == (["it finally sank"], [])
    assert carried("my uncle's old boat that finally sank", "sink") == (["it finally sank"], [])
    # "to VERB" after a verb: the verb it is the object of opens the clause
    assert carried("the year I learned to drive", "learn") == (["I learned", "I learned to drive"], [])
    assert carried("the year I learned to drive", "drive") == (["I'm driving", "I learned to drive"], [])
    # a clause after "when" is sung ("when I was nine, I know" too), never opening a line of now ("when I was nine, I ...")
    assert carried("when we finally bought our first car", "buy") == (["we finally bought our first car"], [])
    assert carried("my mom teaching me to sew when I was nine", "nine") == (["I was nine"], [])


def test_every_content_word_of_a_verb_clause_is_sung():
    for d in ("the year I learned to drive", "my uncle's old boat that finally sank"):
        topic = read_topic(d)
        _, text = write_song(d, seed=0, form=default_form("pop"))
        assert [w for w in topic.words if not topic.forms[w] & _sung(text)] == [], d


def test_a_past_clause_is_not_sung_as_now_or_again():
    d = "when we finally bought our first car"
    lines, _ = carriers(read_topic(d), d, "buy")
    assert [" ".join(t for t, _ in ln.parts) for ln in lines] == [
        "and when we finally bought our first car, I know", "and we finally bought our first car",
        "and we finally bought our first car, I know", "and we finally bought our first car, it's true"]
    d = "a baker opening his shop at dawn"  # a clause of now may still be "now" and "again"
    assert " ".join(t for t, _ in carriers(read_topic(d), d, "open")[0][1].parts) == "and now I'm opening my shop again"


def test_a_state_after_the_singer_is_sung_as_a_state():
    d = "a sailor lost at sea"  # "I'm lost at sea", never "I lost at sea"
    texts = _texts(carriers(read_topic(d), d, "lose")[0])
    assert texts[0] == "I'm lost" and "I'm lost at sea" in texts and not any(t.startswith("I lost") for t in texts)


def test_past_and_present_clauses():
    from topline.music.lyrics.writer import _past

    assert [_past(t) for t in ("I was nine", "we finally bought our first car", "we won the championship")] == [True] * 3
    assert [_past(t) for t in ("I'm lost", "my cat is asleep", "you're moving away", "I'm opening my shop")] == [False] * 4


def _carried(d: str, word: str) -> tuple[list[str], list[str]]:
    lines, openers = carriers(read_topic(d), d, word)
    return [t for ln, t in zip(lines, _texts(lines)) if ln.theme == "carry"], openers


def test_carriers_sing_a_predicate_adjective_a_passive_an_imperative_and_a_song_modifier():
    # a predicate after a copula, by the clause's subject: the one sung to is "you", anyone else by name
    assert _carried("my cousin who is bored of the suburbs", "bored") == (
        ["you're bored", "you're bored of the suburbs"], [])  # the predicate alone too, to fit a line
    assert _carried("a kitten that was afraid of the dark", "dark") == (["the kitten was afraid of the dark"], [])
    # a passive with get or being: the singer's, or the thing's before "being"
    assert _carried("getting fired by email", "fired") == (["I'm getting fired", "I'm getting fired by email"], [])
    assert _carried("being kicked out of the band", "band") == (["I'm being kicked out of the band"], [])
    assert _carried("the family farm being sold", "sell") == (  # a long subject by its head too
        ["the family farm is being sold", "the farm is being sold"], [])
    # an imperative is the singer's promise, never a noun phrase ("it's the always keep") nor cut before "back"
    assert _carried("always keep dreaming", "keep") == (["I'll always keep dreaming"], [])
    assert _carried("never turn back after the divorce", "divorce")[0] == [
        "I'll never turn back", "I'll never turn back after the divorce"]
    # a noun before "song" is sung as when
    assert _carried("a breakup song about moving on", "breakup") == ([], ["since the breakup"])
    assert _carried("a funeral song for my grandfather", "funeral")[1] == ["since the funeral", "on the funeral day"]
    assert _carried("a winter song about the old barn", "winter") == ([], ["in the winter"])  # not "it's a winter"
    assert _carried("a christmas song about the old barn", "christmas") == ([], [])  # not "in the christmas"
    assert _carried("we are stuck in traffic", "stick") == (["we're stuck", "we're stuck in traffic"], [])
    assert _carried("just keep swimming", "swim") == (["I'll just keep swimming"], [])
    # a word another carrier already sings keeps only that one
    assert _carried("getting lost in Tokyo", "get") == (["I'm getting lost in Tokyo"], [])


@pytest.mark.parametrize("description, word", [
    ("a puppy who is scared of fireworks", "scared"), ("getting fired by email", "fired"),
    ("being kicked out of the band", "kicked"), ("the family farm being sold", "sold"),
    ("never give up on love", "never"), ("a kitten that was afraid of the dark", "afraid")])
def test_a_predicate_or_passive_or_imperative_word_is_sung(description, word):
    _, text = write_song(description, seed=0)
    assert word in _sung(text)


def test_carriers_of_an_imperative_after_a_genre_and_a_passive_after_about():
    # an imperative after the genre, behind a comma or a song noun, is the singer's promise too
    assert _carried("gym track, never quit", "quit") == (["I'll never quit"], [])
    assert _carried("road trip song never look back", "look") == (["I'll never look back"], [])
    # a place before a song noun is sung where it is, an activity by the one doing it
    assert _carried("gym track, never quit", "gym") == ([], ["in the gym"])
    assert _carried("jogging anthem, keep going", "jog") == (["I'm jogging"], [])
    # a passive after "about getting" is the singer's, short (with its particle) before its preposition too
    assert _carried("a blues song about getting laid off from the factory", "lay") == (
        ["I'm getting laid off", "I'm getting laid off from the factory"], [])
    assert _carried("a punk song about getting sacked from the bakery", "sacked") == (
        ["I'm getting sacked", "I'm getting sacked from the bakery"], [])


def test_a_named_subjects_is_is_contracted_too_to_fit_a_line():
    d = "a lullaby about a puppy who is afraid of lightning"
    lines, _ = carriers(read_topic(d), d, "lightning")
    assert _texts(lines) == [
        "the puppy is afraid of lightning", "the puppy is afraid of lightning again",
        "the puppy is afraid of lightning, I know", "the puppy is afraid of lightning, it's true",
        "the puppy is afraid of lightning, once more", "the puppy's afraid of lightning",
        "the puppy's afraid of lightning again", "the puppy's afraid of lightning, I know",
        "the puppy's afraid of lightning, it's true", "the puppy's afraid of lightning, once more"]
    assert len({ln.key for ln in lines}) == len(lines)  # each its own candidate


@pytest.mark.parametrize("description, word", [
    ("a lullaby about a puppy who is afraid of lightning", "lightning"),
    ("gym track, never quit", "never"), ("jogging anthem, keep going", "jogging"), ("a rock song about getting dumped at the prom", "dumped"),
    ("a pop song about getting kicked out of the band", "band"),
    ("a blues song about getting laid off from the factory", "laid")])
def test_a_word_in_a_genre_imperative_or_long_clause_is_sung(description, word):
    _, text = write_song(description, seed=0)
    assert word in _sung(text)


def test_a_childrens_song_names_its_audience_not_a_word_to_sing():
    # "children's" before a song word says what kind of song it is (no "I'm a children"); elsewhere it is content
    assert read_topic("a children's song about a puppy who is afraid of lightning").words == (
        "puppy", "afraid", "lightning")
    assert read_topic("a kids song about brushing teeth").words == ("brush", "teeth")
    assert read_topic("a song for the children of the village").words == ("child", "village")


def test_a_gerund_after_a_time_word_opens_a_line():
    # "after losing my job" has no subject of its own: it is sung as when, in the description's words
    d = "moving back in with my parents after losing my job"
    lines, openers = carriers(read_topic(d), d, "job")
    assert openers == ["after losing my job"]
    assert _texts(lines) == ["after losing my job, I know"]  # never "again": it is lost once
    assert any("after losing my job" in ln.lower() for ln in write_song(d, seed=0)[1].split("\n"))


def test_a_carrier_clause_ends_at_a_comma_but_a_relative_clause_keeps_its_noun():
    assert _carried("getting sober, one year clean", "sober") == (["I'm getting sober"], [])
    assert _carried("single mom, working two jobs", "work")[0] == ["I'm working two jobs"]
    lines, _ = _carried("a wedding song for Ana and Leo, who met at a bus stop", "meet")
    assert lines == ["they met", "they met at a bus stop"]


def test_no_again_for_what_happens_once_a_phrase_or_who_one_is():
    for d, w in (("a boxer training for his last fight", "fight"), ("country ballad about a horse named Blue", "blue"),
                 ("when we finally paid off the house", "house")):
        lines, _ = carriers(read_topic(d), d, w)
        assert lines and not any(t.endswith((" again", " once more")) for t in _texts(lines)), d
    d = "a fisherman's daughter waiting on the harbor wall"
    texts = _texts(carriers(read_topic(d), d, "daughter")[0])
    assert "I'm a fisherman's daughter" in texts and "I'm a fisherman's daughter again" not in texts
    lines, _ = carriers(read_topic("a baker opening his shop at dawn"), "a baker opening his shop at dawn", "shop")
    assert "I'm opening my shop again" in _texts(lines)  # a thing one does every day may come again


def test_a_description_opening_on_a_predicate_or_a_contracted_copula_is_the_singers_state():
    assert _carried("jealous of my ex's new girlfriend", "jealous")[0][0] == "I'm jealous"
    assert _carried("rent is due and I'm broke", "broke")[0][0] == "I'm broke"
    assert _carried("never give up, motivational", "motivational") == ([], [])  # a style word is no state


def test_a_bare_noun_singer_takes_its_article():
    assert _carried("single mom working two jobs", "mom")[0][0] == "I'm a single mom"
    assert _carried("firefighter coming home after a night shift", "firefighter")[0][0] == "I'm a firefighter"
    assert _carried("two old friends meeting again", "friend")[0][0] == "we're two old friends"
