"""Love songs where the one loved is defined by their work, where they are seen, how two met or a situation
(helper lovers, kinds33): someone seen at work is loved untold and never sung in their voice, a best friend never
told, one who works nights, a pen pal, met at someone else's wedding, matched on an app."""

import re

from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights


def _lines(description: str, seed: int = 0) -> list[str]:
    _, text = write_song(description, seed=seed)
    return [ln for ln in text.splitlines() if ln and not ln.startswith("[")]


COUPLE = ("We split a sundae at the stand", "You wear my sweater to the store", "You steal the blanket every night",
          "We stay in bed a little while", "You're the one I'm coming home to", "And your hand is warm in mine")


def test_someone_seen_at_work_is_loved_untold():
    for d in ("a love song about the mailman I wait for every morning",
              "an r&b song about the lifeguard at the pool this summer",
              "a cute acoustic song about the boy in the next cubicle",
              "a shy love song about the barista who writes my name on the cup"):
        t = read_topic(d)
        assert "seenlove" in t.themes, d
        assert {"untold", "alone", "romance"} <= t.tags and "together" not in t.tags, d
        assert t.singer == "", d
        lines = _lines(d)
        assert not set(COUPLE) & set(lines), d


def test_the_lifeguard_is_not_the_singer():
    lines = _lines("an r&b song about the lifeguard at the pool this summer")
    assert "I blow the whistle: walk, don't run" not in lines
    assert "My whistle hangs around my neck" not in lines
    assert "Your sunglasses and your sunscreen nose" in lines  # the lifeguard is seen, as "you"


def test_each_work_sings_its_own_lines():
    assert "I hear your truck come down the street" in _lines("a love song about the mailman I wait for every morning")
    # (the mailman brings mail by my name: no "you don't even know my name")
    assert "You don't even know my name" not in _lines("a love song about the mailman I wait for every morning")
    assert "You write my name and draw a star" in _lines(
        "a shy love song about the barista who writes my name on the cup")
    assert "Just a cubicle wall between" in _lines("a cute acoustic song about the boy in the next cubicle")
    bar = _lines("a country song about falling for the bartender at my local bar")
    assert "And watch you work the night away" in bar
    assert "I say I'll never drink again" not in bar  # (the bar's hangover is no crush on its bartender)
    # a barista's line never goes to a lifeguard
    assert not {"You write my name and draw a star", "One more coffee, just one more"} & set(
        _lines("an r&b song about the lifeguard at the pool this summer"))


def test_a_couple_is_no_crush():
    assert "seenlove" not in read_topic("a love song about dating the bartender").themes
    assert "seenlove" not in read_topic("a love song for my husband").themes


def test_a_neighbour_never_spoken_to():
    t = read_topic("a ballad about my neighbour across the hall I've never talked to")
    assert "seenlove" in t.themes and "untold" in t.tags
    title, _ = write_song("a ballad about my neighbour across the hall I've never talked to", seed=0)
    assert title == "Never Talked"  # (not "Hall I've": a contraction is no noun)
    assert "Eleven steps across the hall" in _lines("a ballad about my neighbour across the hall I've never talked to")


def test_a_best_friend_never_told():
    d = "an indie song about being in love with my best friend and never telling her"
    t = read_topic(d)
    assert "friendlove" in t.themes and "untold" in t.tags and "together" not in t.tags
    lines = _lines(d)
    assert "You tell me all about your date" in lines
    assert "You're the brother I never had" not in lines
    assert not set(COUPLE) & set(lines)


def test_one_who_works_nights():
    d = "a love song for my husband who works nights"
    t = read_topic(d)
    assert "nightlove" in t.themes and "no-nightswith" in t.tags
    lines = _lines(d)
    assert "You steal the blanket every night" not in lines
    assert "I hear your key at half past five" in lines
    assert theme_weights(t)["nightlove"] > theme_weights(t)["love"]


def test_a_pen_pal_is_never_held():
    d = "a folk song about falling in love with my pen pal through letters"
    t = read_topic(d)
    assert "penlove" in t.themes and "together" not in t.tags
    lines = _lines(d)
    assert any(re.search(r"letter|handwriting|mailbox|envelope|ink", x, re.I) for x in lines)
    assert not {"Oh your hand fits in my hand", "We're waiting in the movie line"} & set(lines)


def test_met_at_someone_elses_wedding():
    d = "a song about meeting my wife at my cousin's wedding"
    t = read_topic(d)
    assert "howwemet" in t.themes and "no-yourday" in t.tags
    lines = _lines(d)
    assert "Is where you stole my heart away" in lines
    assert not {"You're walking slowly down the aisle", "Today's the day you say I do"} & set(lines)
    # one's own sister's wedding still has her in the aisle
    assert "no-yourday" not in read_topic("my sister's wedding by the lake").tags


def test_matching_on_an_app_is_no_match_played():
    d = "a pop song about matching with someone on a dating app"
    assert theme_weights(read_topic(d))["sport"] < 1.0
    lines = _lines(d)
    assert "It's a match, and my phone goes ding" in lines
    assert "The whistle blows, the game's begun" not in lines


def test_a_name_known_or_not():
    # "I don't even know your name" never beside "I write your name and cross it out"
    lines = _lines("a ballad about my neighbour across the hall I've never talked to")
    assert any(re.search(r"don't even know your name|never say a word|never talked", x, re.I) for x in lines)
    assert not {"I write your name and cross it out", "I never say your name out loud"} & set(lines)
    assert "no-strangertoyou" in read_topic("a shy love song about the barista who writes my name on the cup").tags


def test_a_neighbour_is_not_at_work():
    lines = _lines("a ballad about my neighbour across the hall I've never talked to")
    assert "You're working and I'm in the way" not in lines
    assert "seenwork" in read_topic("a love song about the mailman I wait for every morning").themes
    assert "seenwork" not in read_topic("a ballad about my neighbour across the hall I've never talked to").themes


def test_a_story_of_someone_is_no_crush():
    # a young one with a clause of their own is a story, not one seen and loved
    t = read_topic("a rock song about the quiet guy from accounting who sang at the karaoke bar")
    assert "seenlove" not in t.themes


def test_who_knows_my_name():
    # the barista who writes my name on the cup knows it: never both in one song
    lines = _lines("bedroom pop about a crush on the barista at the corner cafe")
    assert not {"You write my name and draw a star", "You don't even know my name"} <= set(lines)
