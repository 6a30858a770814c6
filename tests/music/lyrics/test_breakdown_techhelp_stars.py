"""A vehicle that breaks down, teaching a parent the phone or the computer, stargazing (2026-12-07, bank9): three
themes at the bank's end, each sung for its own descriptions and kept out of the songs its keys could be mistaken
for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

NEW = ("breakdown", "techhelp", "stargazing")


@pytest.mark.parametrize("description, theme, line", [
    ("a blues song about a flat tire in the desert", "breakdown", "I kneel down in the gravel by the wheel"),
    ("a blues song about a flat tire in the desert", "breakdown", "and the road is hot enough to burn"),
    ("broke down on the highway at night waiting for a tow truck", "breakdown",
     "oh here comes the tow truck round the bend"),
    ("broke down on the highway at night waiting for a tow truck", "breakdown", "and my hazards tick into the night"),
    ("jumper cables and a dead battery", "breakdown", "and it turns over with a roaring sound"),
    ("teaching my grandma to use her new smartphone", "techhelp", "and you hold the phone up like a slice of bread"),
    ("a sweet song about showing my dad how to make a video call", "techhelp", "and I see the ceiling and one ear"),
    ("my mom learning to send her first text message", "techhelp", "and you type it with one finger, slow"),
    ("a folk song about helping my grandpa with his email on the computer", "techhelp",
     "and you print out every email I send"),
    ("lying on the hood of the car watching a meteor shower with you", "stargazing",
     "and we lie and wait out the meteor shower"),
    ("a love song about stargazing in a field far from town", "stargazing", "and we spread a blanket in the field"),
    ("a lonely song about looking through my telescope at night", "stargazing", "I wipe the lens and bend and kneel"),
    ("making a wish on a shooting star", "stargazing", "oh I make a wish on a shooting star"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    counts = couplet_counts(NEW)
    assert counts == {"breakdown": 34, "techhelp": 22, "stargazing": 22}


@pytest.mark.parametrize("description, theme", [
    ("tired of waiting", "breakdown"),
    ("a nervous breakdown", "breakdown"),
    ("stranded on a desert island", "breakdown"),
    ("my spare time", "breakdown"),
    ("hit the road jack", "breakdown"),
    ("my phone addiction", "techhelp"),
    ("a text from my ex", "techhelp"),
    ("a video call with my girlfriend overseas", "techhelp"),
    ("my mom calls me every sunday", "techhelp"),
    ("a rock star", "stargazing"),
    ("I wish I was a rock star", "stargazing"),
    ("a song about the stars", "stargazing"),
    ("an astronaut in space", "stargazing"),
    ("a school shooting", "stargazing"),
    ("I wish you were here", "stargazing"),
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


def test_a_star_keys_the_space_and_night_themes_as_before():
    for description in ("a rock star", "a song about the stars"):
        weights = theme_weights(read_topic(description))
        assert weights["stargazing"] < 1.0 <= weights["space"]


def test_a_lines_story_needs_its_words():
    tire = candidate_texts("a blues song about a flat tire in the desert")
    assert not any(w in t for t in tire for w in ("tractor", "tow truck round", "red to red", "old truck"))
    tow = candidate_texts("broke down on the highway at night waiting for a tow truck")
    assert "I kneel down in the gravel by the wheel" not in tow  # a flat's
    assert "and the road is hot enough to burn" not in tow  # a day's: the description is at night
    email = candidate_texts("a folk song about helping my grandpa with his email on the computer")
    assert "and I see the ceiling and one ear" not in email  # a video call's
    video = candidate_texts("a sweet song about showing my dad how to make a video call")
    assert "and you type your emails all in caps" not in video
    alone = theme_lines("a lonely song about looking through my telescope at night", {"stargazing"})
    assert not {"and your head is heavy on my chest", "oh I wish on every falling star"} & alone  # a lover's


def test_every_techhelp_line_needs_a_lesson_and_a_parent():
    gated = [e for e in bank().entries if e.theme == "techhelp"]
    needs = [{t for t in e.tags if t.startswith("=")} for e in gated]
    assert all(any("teach" in t for t in n) and any("grandma" in t for t in n) for n in needs)
