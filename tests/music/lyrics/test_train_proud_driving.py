"""Trains and subways, the proud one in the stands, learning to drive (2026-12-07, bank8): three themes at the bank's
end, each sung for its own descriptions and kept out of the songs its keys could be mistaken for."""

import re

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.bank import bank
from topline.music.lyrics.writer import STRONG, YOU_LINE

NEW = ("train", "proud", "drivingtest")


@pytest.mark.parametrize("description, theme, line", [
    ("the last train home", "train", "and I catch the last train home tonight"),
    ("an indie song about the night train to Berlin", "train", "and a guard comes through at half past three"),
    ("a folk song about my morning commute on the subway", "train", "and the subway screams around the bend"),
    ("a folk song about my morning commute on the subway", "train", "I hold my coffee and the strap"),
    ("a sad song about waving goodbye to you on the train platform", "train",
     "oh the whistle blows, the doors close tight"),
    ("a song about my little sister's piano recital, so proud of her", "proud", "and you walk out to the bench alone"),
    ("my daughter graduating, so proud of you", "proud", "oh you throw your cap up in the air"),
    ("cheering for my brother at his first soccer game", "proud", "and the ball hits the net and I lose my voice"),
    ("a pop song about failing my driving test twice", "drivingtest", "oh I failed it once, I failed it twice"),
    ("a funny country song about my mom teaching me to parallel park", "drivingtest",
     "and I parallel park on my seventh try"),
    ("learning to drive", "drivingtest", "I stall it at the intersection"),
    ("a song about the first time driving alone after I got my license", "drivingtest",
     "and nobody's in the passenger seat"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    counts = couplet_counts(NEW)
    assert counts == {"train": 34, "proud": 30, "drivingtest": 25}


@pytest.mark.parametrize("description, theme", [
    ("a song about my commute in traffic", "train"),  # a drive to work: "commute" is a plain key
    ("a gas station at midnight", "train"),
    ("my baby in her carriage", "train"),
    ("a song full of christmas cheer", "proud"),
    ("a song to cheer up my best friend", "proud"),
    ("an empowering song about being proud of who I am", "proud"),
    ("my dad is proud of me", "proud"),
    ("a song about my own piano recital", "proud"),  # the player's own: no one in the stands
    ("a song about driving at night", "drivingtest"),
    ("studying for my math test", "drivingtest"),
    ("a road trip across the desert", "drivingtest"),
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


@pytest.mark.parametrize("description", [
    "training for a marathon",
    "a happy song about learning to ride a bike without training wheels",
])
def test_training_keys_no_train(description):
    # "training" is read as the verb "train": writer.VERB_NOT_KEY keeps it from keying the trains
    assert theme_weight(description, "train") < STRONG
    assert not theme_lines(description, {"train"})


def test_a_lines_story_needs_its_words():
    home = candidate_texts("the last train home")
    assert "and a guard comes through at half past three" not in home  # the night train across a border
    assert "and I run beside your windowpane" not in home  # a goodbye
    recital = candidate_texts("a song about my little sister's piano recital, so proud of her")
    assert not any(w in t for t in recital for w in ("cap and gown", "ball hits the net", "silver sheet"))
    game = candidate_texts("cheering for my brother at his first soccer game")
    assert not any(w in t for t in game for w in ("bench alone", "cap up in the air", "cardboard sign"))
    passed = candidate_texts("a song about the first time driving alone after I got my license")
    assert "oh I failed it once, I failed it twice" not in passed
    assert "and I back it up and clip the cone" not in passed  # a lesson's, not the first drive alone


def test_the_proud_one_never_sings_in_the_doers_voice():
    lines = [ln for e in bank().entries if e.theme == "proud" for ln in e.lines]
    doer = re.compile(r"\bI('m)? (score|scoring|play|playing|sing|run|running|walk|kick|bow|graduate|win)\b")
    assert not [ln for ln in lines if doer.search(ln.replace("<and> ", "").replace("<oh> ", ""))]
    # every couplet is sung to "you", of "my boy"/"my girl", or of the singer watching, and needs an event's word
    assert all(any(t.startswith("=") for t in e.tags) for e in bank().entries if e.theme == "proud")
    sung_to = [e for e in bank().entries if e.theme == "proud" and YOU_LINE.search(" ".join(e.lines))]
    assert len(sung_to) >= 20
