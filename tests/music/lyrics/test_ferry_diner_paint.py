"""Ferries, diners and painting a room (2026-12-07, bank10): three themes at the bank's end, each sung for its own
descriptions and kept out of the songs its keys could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.writer import STRONG

NEW = ("ferry", "diner", "paintjob")


@pytest.mark.parametrize("description, theme, line", [
    ("a folk song about taking the ferry to the island in the fog", "ferry",
     "and the island comes up through the mist"),
    ("the last ferry home", "ferry", "oh I'm on the last ferry home tonight"),
    ("the morning ferry crossing with the commuters", "ferry", "and the same commuters take the same seats"),
    ("standing at the ferry railing, gulls over the wake", "ferry", "and the gulls hang white above the wake"),
    ("a song about the foghorn", "ferry", "and the fog horn calls out low and long"),
    ("a country song about the diner where my parents met", "diner",
     "and my father took it black, the way I do"),
    ("a song about our booth at the all night diner", "diner", "and the neon sign buzzes pink outside"),
    ("a waitress at a small town diner who calls everyone honey", "diner",
     "I count my tips out on the counter top"),
    ("a happy song about painting the nursery before the baby comes", "paintjob",
     "I paint the nursery the softest green"),
    ("a funny song about repainting the kitchen together", "paintjob",
     "and we paint the kitchen cupboards sage green"),
    ("painting my bedroom a new color after the breakup", "paintjob",
     "and the first coat's thin in the window light"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    counts = couplet_counts(NEW)
    assert counts == {"ferry": 26, "diner": 29, "paintjob": 23}


@pytest.mark.parametrize("description, theme", [
    ("crossing the border", "ferry"),
    ("crossing the desert at night", "ferry"),
    ("waking up next to you", "ferry"),
    ("a wake for my grandfather", "ferry"),  # "wake" keys nothing: its lines need a boat's words
    ("a sailor's life at sea", "ferry"),
    ("a painter painting the sea", "paintjob"),  # an artist's picture: every line needs a room's word
    ("she paints the sky", "paintjob"),
    ("a painter's life", "paintjob"),
    ("face paint at the carnival", "paintjob"),
    ("apple pie", "diner"),  # "pie" and "booth" key nothing
    ("a phone booth", "diner"),
    ("a waitress working the late shift", "diner"),  # the work theme's waitress, not a customer in a booth
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


def test_a_diner_closing_is_the_letdowns_song_with_its_own_words():
    # a place closing caps every theme but the letdown's: the diner sings only its lines with the description's words
    assert theme_lines("the diner closing down", {"diner"}) == {
        "and the diner is closing down for good", "oh they're closing down the diner on the square"}


def test_a_lines_story_needs_its_words():
    home = candidate_texts("the last ferry home")
    assert "and the same commuters take the same seats" not in home
    assert "I watch you shrinking on the pier" not in home  # a goodbye
    met = candidate_texts("a country song about the diner where my parents met")
    assert "oh pour me one more cup before you close" not in met
    kitchen = candidate_texts("a funny song about repainting the kitchen together")
    assert "I paint the nursery the softest green" not in kitchen
