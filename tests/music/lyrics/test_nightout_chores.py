"""A night out, office life and chores (2026-12-07, bank11): three themes at the bank's end, each sung for its own
descriptions (a chore song glad or sad, never both) and kept out of the songs its keys could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.writer import STRONG

NEW = ("nightout", "chores", "officelife")


@pytest.mark.parametrize("description, theme, line", [
    ("a song about karaoke night with my coworkers", "nightout", "and the quiet one from payroll sings"),
    ("an upbeat pop song about singing off key at karaoke with my friends", "nightout",
     "I sing it loud and way off key"),
    ("bowling night with the guys", "nightout", "and the pins go flying, all of ten"),
    ("trivia night at the pub", "nightout", "and the host reads out the music round"),
    ("a funny song about the office christmas party", "nightout", "and the boss is dancing by the punch"),
    ("a sad song about doing laundry alone after she left", "chores", "oh I'm folding laundry just for one"),
    ("a sad song about doing laundry alone after she left", "chores", "and a shirt that isn't mine is in the pile"),
    ("an upbeat song about cleaning the house on a saturday", "chores", "oh I turn it up and grab the broom"),
    ("doing the dishes with my husband", "chores", "oh you wash, I dry, the way we do"),
    ("taking out the trash", "chores", "and the trash bag splits right at the door"),
    ("a mom of three singing about the endless laundry", "chores", "I empty pockets full of sand"),
    ("a song about my work bestie", "officelife", "I tap my badge at ten to nine"),
    ("a song about my coworkers", "officelife", "oh I won't remember what we sold"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"nightout": 46, "chores": 45, "officelife": 23}


def test_a_sad_chore_song_sings_no_glad_line_and_a_glad_one_no_sad_line():
    sad = candidate_texts("a sad song about doing laundry alone after she left")
    assert "I pair the socks across the bed" not in sad  # up
    assert "oh the pile is never ever done" not in sad  # a household's: together
    glad = candidate_texts("an upbeat song about cleaning the house on a saturday")
    assert "and I vacuum where the suitcase stood" not in glad  # alone down
    assert "oh I clean the house from wall to wall" not in glad
    # a line of someone gone needs a word of it: a sad song of the dishes with nobody gone sings none
    dishes = candidate_texts("a sad song about doing the dishes")
    assert "and one mug is drying on the rack" not in dishes


def test_a_night_out_is_no_shift_nor_a_friends_loyalty():
    assert not theme_lines("a song about karaoke night with my coworkers", {"work", "officelife", "friendship"})
    assert not theme_lines("a funny song about the office christmas party", {"festival", "winter"})


def test_housework_and_the_office_coffee_keep_to_their_own_world():
    # cleaning on a Saturday: no porch or mortgage, no Friday night out, no "one more day clean" of drink
    assert not theme_lines("a happy song about cleaning the house on a saturday morning", {"house", "weekend", "sober"})
    # the dishes after a holiday dinner: no turkey still cooking
    assert not theme_lines("doing the dishes after thanksgiving dinner", {"thanksgiving"})
    # a work bestie at the coffee machine: the office's, not a coffee shop or a kitchen at dawn
    bestie = "a song about my work bestie and the gossip at the coffee machine"
    assert not theme_lines(bestie, {"coffee"})
    assert "and we talk about the shows we've seen" in candidate_texts(bestie)


@pytest.mark.parametrize("description, theme", [
    ("floating in the vacuum of space", "chores"),  # "vacuum", "trash", "mop", "dish", "hoover" key nothing:
    ("talking trash about my ex", "chores"),  # the phrases of doing the chore do
    ("a mop of curly hair", "chores"),
    ("my favorite dish", "chores"),
    ("the hoover dam", "chores"),
    ("a tidy sum of money", "chores"),
    ("getting clean and sober", "chores"),
    ("cleaning out my late mother's house", "chores"),
    ("a pop quiz in math class", "nightout"),  # "quiz" and "party" key nothing: "pub quiz", "office party" do
    ("a birthday party with my friends", "nightout"),
    ("a christmas party at my grandma's", "nightout"),
    ("an open mic night", "nightout"),  # the dream's open mic, not karaoke
    ("a bowl of soup", "nightout"),  # "bowling" is read as "bowl": only the phrase names the theme
    ("meeting my birth mother", "officelife"),  # "meeting" is a plain key, and no line needs it
    ("my daily commute on the train", "officelife"),
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})
