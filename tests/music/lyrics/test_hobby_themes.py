"""Hobbies and small milestones (2026-12-07, helper hobby): an instrument learned, a choir, baking at home, a child at
the dentist or the doctor, a first place of one's own; each sung in its own lines and kept out of the songs its keys
could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG

NEW = ("instrument", "choir", "baking", "checkup")


@pytest.mark.parametrize("description, theme, line", [
    ("a sweet song about taking piano lessons at forty", "instrument", "and I'm learning it at my age"),
    ("practising my scales every night before the piano recital", "instrument", "and one white key and then one black"),
    ("my first violin lesson", "instrument", "and my fingers don't know what to do"),
    ("an uplifting song about singing in a choir with strangers who became my friends", "choir",
     "and we came in strangers, one by one"),
    ("a funny song about the birthday cake I baked for my boyfriend that fell apart", "baking",
     "and the saddest thing I'll ever make"),
    ("baking bread with my grandma on sunday mornings", "baking", "and you show me how to push and fold"),
    ("a kids song about baking cookies with mom for the first time", "baking",
     "and we press the cookie cutters, star and moon"),
    ("a children's song about being brave at the dentist", "checkup", "I climb up in the big blue chair"),
    ("a kids song about getting a shot at the doctor and a sticker after", "checkup",
     "and a little pinch, a tiny sting"),
    ("a gentle song for my little boy's first visit to the dentist", "checkup",
     "and you climb up in the great big chair"),
    ("a song about my first apartment, the empty rooms and a mattress on the floor", "newstart",
     "and my voice comes back off empty walls"),
    ("an indie song about the first night alone in my own place", "newstart",
     "and the first night every sound is new"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"instrument": 25, "choir": 12, "baking": 28, "checkup": 24}


@pytest.mark.parametrize("description, theme", [
    ("a sad piano ballad about my ex", "instrument"),  # a piano in the style names no lesson
    ("stepping on the scale after the holidays", "instrument"),
    ("a cancelled concert", "instrument"),  # a concert-goer takes no bow
    ("a song about my grandmother's kitchen", "baking"),  # no bread, cake or cookies of her own
    ("a baker opening his shop at dawn", "baking"),  # a baker's shop is the morning theme's
    ("a doctor working the night shift", "checkup"),  # no child in the chair
    ("our first night in the new apartment", "newstart"),  # the first-place lines need a first or own place
])
def test_a_key_of_another_sense_sings_none_of_the_new_lines(description, theme):
    new = {"and I'm learning it at my age", "and one white key and then one black", "I stand and bow, they clap out loud",
           "and you show me how to push and fold", "and the saddest thing I'll ever make",
           "and we press the cookie cutters, star and moon", "I climb up in the big blue chair",
           "and a little pinch, a tiny sting", "and my voice comes back off empty walls", "and I never had a door before",
           "and the stethoscope is cold at the start"}
    assert not theme_lines(description, {theme}) & new


def test_a_child_watched_sings_no_line_from_the_chair():
    # "my little boy" is a small child, sung to: the parent's lines, never the child's own
    topic = read_topic("a gentle song for my little boy's first visit to the dentist")
    assert topic.addressee == "little boy"
    assert {"no-customer", "no-grown"} <= topic.tags and "no-child" not in topic.tags
    lines = theme_lines("a gentle song for my little boy's first visit to the dentist", {"checkup", "anthem"})
    assert "and you squeeze my hand, I squeeze it too" in lines
    assert "I climb up in the big blue chair" not in lines
    assert "and I'm laid back in the dentist's chair" not in lines  # a grown-up's wisdom teeth


def test_a_childs_checkup_is_no_doctors_shift():
    assert theme_weight("a kids song about getting a shot at the doctor and a sticker after", "duty") == 0.0
    lines = candidate_texts("a kids song about getting a shot at the doctor and a sticker after", lower=True)
    assert "i walk the ward from bed to bed" not in lines
    assert "and I'm laid back in the dentist's chair" not in candidate_texts(
        "a children's song about being brave at the dentist")  # (grown: no wisdom teeth in a children's song)


def test_home_baking_rings_no_bakery_bell():
    assert theme_weight("a kids song about baking cookies with mom for the first time", "morning") == 0.0
    assert theme_weight("baking bread with my grandma on sunday mornings", "morning") == 0.0
    lines = candidate_texts("my grandmother teaching me to bake bread", lower=True)
    assert "and the bell above the door, a chime" not in lines
    baker = candidate_texts("a baker opening his shop at dawn", lower=True)
    assert "and the bell above the door, a chime" in baker  # the shop's lines stay the baker's


def test_a_thing_that_fell_apart_is_no_distance():
    assert theme_weight("a funny song about the birthday cake I baked for my boyfriend that fell apart",
                        "distance") < STRONG
    assert theme_weight("a funny song about the birthday cake I baked for my boyfriend that fell apart",
                        "seasons") < 1.0  # "fell" is no autumn
    assert theme_weight("a song about friends drifting apart", "drifting") >= STRONG
    assert theme_weight("a folk song about our old house falling apart", "disrepair") >= STRONG


def test_a_clause_after_the_one_something_is_for_is_the_things():
    title, _ = write_song("a funny song about the birthday cake I baked for my boyfriend that fell apart", seed=0)
    assert "Boyfriend" not in title
    assert write_song("the dog that waits", seed=0)[0] == "The Dog That Waits"


def test_with_the_one_sung_to_opens_no_line_to_them():
    _, text = write_song("a kids song about baking cookies with mom for the first time", seed=0)
    assert not [ln for ln in text.split("\n") if ln.lower().startswith("with mom, ") and " you" in ln.lower()]


def test_someone_elses_recital_is_sung_from_the_seats():
    assert "proud" in read_topic("a song about my little sister's piano recital, so proud of her").themes
    assert not theme_lines("a song about my little sister's piano recital, so proud of her", {"instrument"})
