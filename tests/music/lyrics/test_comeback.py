"""Motivational and comeback songs (helper comeback, kinds38): each story named and sung in its own gated lines."""

from topline.music.lyrics import make_title, write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import default_form, theme_weights

FORM = default_form("pop")


def _lines(description, seed=0):
    return write_song(description, seed=seed, form=FORM)[1].split("\n")


def test_stories_named():
    cases = {
        "a rock song about coming back from a knee injury to play again": "cbinjury",
        "a song about being the first in my family to go to college": "cbcollege",
        "a rap song about proving everyone who doubted me wrong": "cbdoubt",
        "an upbeat song about starting over at forty after my divorce": "cbstartover",
        "a pump up song about losing weight and getting healthy": "cbhealth",
        "a song about a single mom going back to school at night": "cbbackschool",
        "an anthem for an underdog basketball team that nobody believed in": "cbunderdog",
        "a pop song about a girl who finally makes the team after getting cut twice": "cbtryout",
        "a hip hop song about grinding every night for a record deal": "cbdeal",
        "an inspirational song about getting back up after losing everything": "cbrebuild",
        "a motivational song about never giving up on your dreams": "cbdream",
    }
    for description, story in cases.items():
        themes = read_topic(description).themes
        assert {"comeback", story} <= themes, description
        assert theme_weights(read_topic(description))["comeback"] >= 12.0


def test_not_comebacks():
    # a deal already signed, a gym anthem with no dream, a gospel song of forgiveness: no comeback story
    for description in ("rap song about signing my first record deal", "motivational gym anthem, never give up",
                        "a gospel song about forgiveness and starting over", "a worship song about grace and second chances"):
        assert "comeback" not in read_topic(description).themes, description


def test_register_and_ruled_out():
    t = read_topic("a pump up song about losing weight and getting healthy")
    assert "lost" not in t.tags and "down" not in t.tags and "up" in t.tags
    assert "weight" not in t.lost_things
    w = theme_weights(t)
    assert w["grief"] == 0.0 and w["keepsake"] == 0.0 and w["workout"] >= 4.0
    assert theme_weights(read_topic("a rock song about coming back from a knee injury to play again"))["anthem"] == 0.0
    assert theme_weights(read_topic("an upbeat song about starting over at forty after my divorce"))["heartbreak"] == 0.0
    assert theme_weights(read_topic("a pop song about a girl who finally makes the team after getting cut twice"))["sport"] == 0.0


def test_single_mom_sings_her_own_comeback():
    t = read_topic("a song about a single mom going back to school at night")
    assert (t.singer, t.addressee) == ("single mom", "")
    assert theme_weights(t)["family"] == 0.0
    text = "\n".join(_lines("a song about a single mom going back to school at night"))
    assert "You packed my lunch" not in text


def test_titles():
    assert make_title("a rap song about proving everyone who doubted me wrong") == "Prove Them Wrong"
    assert make_title("a pop song about a girl who finally makes the team after getting cut twice") == "I Made the Team"
    assert make_title("an anthem for an underdog basketball team that nobody believed in") == "The Underdogs"
    assert make_title("an inspirational song about getting back up after losing everything") == "Back on My Feet"
    assert make_title("a song about being the first in my family to go to college") == "First in My Family"
    assert make_title("an upbeat song about starting over at forty after my divorce") == "Starting Over"


def test_story_lines_sung():
    knee = _lines("a rock song about coming back from a knee injury to play again")
    assert not any("shake the walls" in ln or "drums are pounding" in ln for ln in knee)  # no punk stage
    assert any("knee" in ln or "rehab" in ln or "therapist" in ln or "bench" in ln for ln in knee)
    health = _lines("a pump up song about losing weight and getting healthy")
    assert any("scale" in ln or "pound" in ln for ln in health)
    assert not any("tears" in ln.lower() or "pillow" in ln.lower() for ln in health)
    college = _lines("a song about being the first in my family to go to college")
    assert not any("first car" in ln for ln in college)
    assert any("first in my family" in ln.lower() for ln in college)


def test_no_broken_openers():
    t = read_topic("a country song about getting sober one day at a time")
    assert t.settings == ()
    assert not any(ln.startswith("At a time") for ln in _lines("a country song about getting sober one day at a time"))
    girl = _lines("a pop song about a girl who finally makes the team after getting cut twice")
    assert not any(ln.startswith("After getting") for ln in girl)
