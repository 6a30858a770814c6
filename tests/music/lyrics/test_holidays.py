"""Holidays (2026-12-07, helper hol): Christmas, the Fourth of July, Hanukkah, Diwali and Eid, each sung in its own
lines; a sad Christmas sung as sad, a lonely one alone, and the holidays' words kept out of songs they only brush."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG

NEW = ("christmas", "july4", "hanukkah", "diwali", "eid")


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"christmas": 69, "july4": 26, "hanukkah": 13, "diwali": 10, "eid": 11}


@pytest.mark.parametrize("description, theme, line", [
    ("decorating the christmas tree with my son", "christmas", "and you hang the ornaments down low"),
    ("christmas morning with the kids", "christmas", "oh it's Christmas morning, come and see"),
    ("a silly song for kids about santa and his reindeer", "christmas", "and a carrot for the reindeer too"),
    ("coming home for christmas after a year away", "christmas", "and the porch light's on, the door swings wide"),
    ("a sad song about christmas alone in a hotel far away", "christmas", "and I call home and they pass the phone"),
    ("our first christmas without grandpa", "christmas", "oh there's an empty chair tonight"),
    ("watching the fireworks on the 4th of july", "july4", "oh light it up, light up the sky"),
    ("the independence day parade in our town", "july4", "and the fire truck leads the whole parade"),
    ("a cookout in the backyard on the fourth of july", "july4", "and the burgers hiss, the hot dogs split"),
    ("eight nights of hanukkah with my family", "hanukkah", "and one more candle every night"),
    ("a diwali song for my mom", "diwali", "and we set the clay lamps on the sill"),
    ("breaking the fast during ramadan and eid the next morning", "eid", "oh thirty days we fasted through"),
])
def test_a_holiday_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_first_holiday_without_someone_is_a_loss():
    for description in ("our first christmas without dad", "the first thanksgiving without my grandma",
                        "first birthday without her"):
        assert {"lost", "down"} <= read_topic(description).tags, description
    for description in ("a christmas without snow", "my first week without my phone", "our first christmas together"):
        assert "lost" not in read_topic(description).tags, description


def test_a_lonely_song_is_sung_alone_and_down():
    assert {"alone", "down"} <= read_topic("a lonely song about the last train home").tags
    assert "alone" not in read_topic("a song about the last train home").tags


def test_a_grieving_christmas_sings_no_full_table_or_carols():
    texts = candidate_texts("a sad song about our first christmas since my dad passed away")
    assert "oh there's an empty chair tonight" in texts
    for happy in ("oh the table's full, the windows bright", "oh we sing the carols out of tune",
                  "oh everyone is home tonight", "and you tear the paper, rip the tape",
                  "and there's tinsel in my hair"):
        assert happy not in texts, happy


def test_a_lonely_christmas_sings_no_family_morning():
    texts = candidate_texts("a lonely song about christmas by myself far from home")
    assert "oh it's Christmas and I'm far away" in texts
    assert "oh it's Christmas morning, come and see" not in texts
    assert "oh there's an empty chair tonight" not in texts  # (alone is not bereaved)


def test_santa_coming_down_the_chimney_is_no_drive_home():
    texts = candidate_texts("a kids song about santa coming down the chimney")
    assert "oh ho ho ho, he's on his way" in texts
    assert "oh I'm coming home for Christmas Eve" not in texts


def test_christmas_morning_is_no_early_risers_morning():
    assert "and the dew is silver on the grass" not in candidate_texts("christmas morning with my family")
    assert "and the dew is silver on the grass" in candidate_texts("a quiet song about a sunday morning")


@pytest.mark.parametrize("description, theme", [
    ("my fourth child is born in july", "july4"),  # the day must be named
    ("fireworks at midnight on new year's eve", "july4"),
    ("a song about my financial independence", "july4"),
    ("a folk song about the old oak tree in the field", "christmas"),
    ("the present moment is all we have", "christmas"),
    ("reading by the light of a lamp", "diwali"),
    ("a candle in the window for my son at sea", "hanukkah"),
])
def test_a_word_that_only_brushes_a_holiday_sings_none_of_it(description, theme):
    assert theme_lines(description, {theme}) == set()


def test_a_snowy_christmas_is_christmas_before_winter():
    description = "a country song about driving home for christmas through the snow"
    assert theme_weight(description, "christmas") > theme_weight(description, "winter")
