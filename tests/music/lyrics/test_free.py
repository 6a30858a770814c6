"""(helper free) Songs of freedom and youth: each kind is named by its phrases and sings its own gated lines; the
other senses of "free" (a free ticket, free time, cancer free) and the neighbouring themes keep their songs."""

import re

from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights, write_song

KINDS = {"freefeel", "freeyoung", "freebreak", "freenow", "freerebel"}


def _lines(description: str, seed: int = 0) -> list[str]:
    return [ln for ln in write_song(description, seed=seed)[1].split("\n") if ln and not ln.startswith("[")]


def _sung(description: str) -> set[str]:
    """The song's lines, lower case, an optional opening word ("and", "oh") dropped as in ``_bank_lines``."""
    return {re.sub(r"^(?:and|oh|but|so) ", "", ln.lower()) for ln in _lines(description)}


def _bank_lines(gate: str) -> set[str]:
    """The sung forms (optional words dropped) of the freedom couplets whose gates name ``gate``."""
    out = set()
    for e in bank().entries:
        if e.theme == "freedom" and any(t.startswith("=") and gate in t[1:].split(",") for t in e.tags):
            out |= {re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", ln)).strip().lower() for ln in e.lines}
    return out


def test_each_kind_names_the_freedom_theme():
    for d, kind in (("a song about feeling free", "freefeel"),
                    ("wild and free, a folk song about dancing barefoot in the field with Maya", "freefeel"),
                    ("a song about freedom", "freefeel"),
                    ("an anthem about being young and wild", "freeyoung"),
                    ("pop song about staying out with my friends till sunrise, young and reckless", "freeyoung"),
                    ("breaking free from my 9 to 5, rock song", "freebreak"),
                    ("a country song about breaking free from this small town and everybody's expectations",
                     "freebreak"),
                    ("living in the moment, upbeat edm", "freenow"),
                    ("punk song about a teenager who's sick of the rules", "freerebel"),
                    ("a rebellious pop punk song about sneaking out past curfew at sixteen", "freerebel")):
        t = read_topic(d)
        assert t.themes & (KINDS | {"freedom"}) == {"freedom", kind}, d
        w = theme_weights(t)
        assert w["freedom"] == max(w.values()), d  # (it leads: above a punk or rock anthem's stage)


def test_other_senses_of_free_name_nothing():
    for d in ("a happy song about my mom being cancer free after two years",
              "a funny song about winning free pizza for a year",
              "chill lofi song about my free time on a sunday afternoon",
              "a song about getting free concert tickets", "sugar free lemonade jingle",
              "a song about my cat, feel free to make it funny", "finally free of debt",
              "the day I got out of prison, finally free", "a protest song about freedom and civil rights",
              "a song about my youth", "a song about my youth group trip"):
        t = read_topic(d)
        assert not t.themes & (KINDS | {"freedom"}), d
        assert theme_weights(t).get("freedom", 0.0) == 0.0, d
    assert theme_weights(read_topic("a protest song about freedom and civil rights"))["protest"] >= 4.0


def test_someone_elses_freedom_and_a_lover_left_are_not_this_song():
    for d in ("a song about my sister who broke free from her small town", "a girl named jo who feels free",
              "a cat who stays out all night", "breaking free from a toxic relationship",
              "breaking up with my boyfriend and finally feeling free", "a runaway teen breaking free"):
        assert "freedom" not in read_topic(d).themes, d
    assert "heartbreak" in read_topic("breaking free from a toxic relationship").themes


def test_neighbours_keep_their_lead():
    w = theme_weights(read_topic("road trip with my best friends, windows down, feeling free"))
    assert w["road"] > w["freedom"] == 4.0  # (shared: no extra weight beside the road)
    w = theme_weights(read_topic("a song about moving into my first apartment and feeling free"))
    assert w["newstart"] > w["freedom"]


def test_a_kind_sings_only_its_own_lines():
    rebel = _bank_lines("freerebel")
    feel = _bank_lines("freefeel") - rebel
    sneak = "a rebellious pop punk song about sneaking out past curfew at sixteen"
    lines = _sung(sneak)
    assert len(lines & rebel) >= 10 and not lines & feel
    job = _sung("breaking free from my 9 to 5, rock song")
    assert "nine to five and five to nine" in job and not job & (rebel | _bank_lines("freeyoung") - _bank_lines(
        "freebreak"))
    # a small town's lines only where a town is left, a job's only where a job is
    town = _sung("a country song about breaking free from this small town and everybody's expectations")
    assert "this town can keep the life it planned" in town and "i hand my badge in at the door" not in town


def test_a_small_town_broken_free_from_is_not_loved():
    t = read_topic("a country song about breaking free from this small town and everybody's expectations")
    assert "restless" in t.tags and "no-belong" in t.tags
    lines = _lines("a country song about breaking free from this small town and everybody's expectations")
    assert "This little town is in my bones" not in lines and "I know I'm the lucky one" not in lines


def test_out_till_sunrise_is_a_night():
    t = read_topic("pop song about staying out with my friends till sunrise, young and reckless")
    assert "night" in t.tags and "day" not in t.tags
    assert not any("all day" in ln for ln in _lines("pop song about staying out with my friends till sunrise, "
                                                    "young and reckless"))


def test_the_moment_is_titled_in_its_own_words():
    title, text = write_song("living in the moment, upbeat edm", seed=0)
    assert title == "Living in the Moment"
    assert "The moment is coming near" not in text


def test_words_of_a_freedom_song_key_none_of_their_other_themes():
    assert theme_weights(read_topic("an indie song about escaping the rat race")).get("sport", 0.0) == 0.0
    assert theme_weights(read_topic("punk song about a teenager who's sick of the rules")).get("illness", 0.0) == 0.0
    w = theme_weights(read_topic("an anthem about being young and wild"))
    assert w.get("childhood", 0.0) == w.get("school", 0.0) == w.get("nature", 0.0) == 0.0
