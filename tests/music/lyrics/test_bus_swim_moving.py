"""The bus, swimming and moving house (2026-12-07, bank14): three themes at the bank's end, each sung for its own
descriptions and kept out of the songs its keys could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG

NEW = ("bus", "swimming", "movingday")


@pytest.mark.parametrize("description, theme, line", [
    ("a country song about a bus driver who knows every regular on his route", "bus",
     "I know my regulars, every one"),
    ("waiting at the bus stop in the rain", "bus", "I read the timetable again"),
    ("the last bus home", "bus", "and the top deck is empty, lights too bright"),
    ("riding the school bus with my best friend", "bus", "oh save me a seat on the bus"),
    ("a nurse riding the night bus home after her shift", "bus", "oh the night bus rocks me half asleep"),
    ("a summer song about cannonballs at the neighborhood pool", "swimming", "I grab my knees and cannonball"),
    ("jumping off the high diving board for the first time", "swimming", "I climb the ladder, rung by rung"),
    ("a folk song about swimming in the lake at dawn", "swimming", "and the lake is glass at break of day"),
    ("my son's first swimming lessons", "swimming", "I sit up in the steamy stands"),
    ("a sad song about packing up the house I grew up in", "movingday", "I seal the boxes, mark them all"),
    ("my friends helping me carry the couch on moving day", "movingday", "and we tilt the couch around the stair"),
    ("our first night in the new apartment sleeping on a mattress on the floor", "movingday",
     "and the mattress lies there on the floor"),
    ("one last look at our empty house before the moving truck pulls away", "movingday",
     "oh one last look, and I close the door"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"bus": 43, "swimming": 48, "movingday": 35}


@pytest.mark.parametrize("description, theme", [
    ("a pool hall hustler", "swimming"),  # "pool" and "dive" are plain keys, and no line says them alone
    ("a dive bar on the edge of town", "swimming"),
    ("a box of old letters", "movingday"),  # every moving line needs a word of moving
    ("packing for vacation", "movingday"),
    ("a six pack of beer", "movingday"),
    ("a song about moving on", "movingday"),
    ("a moving ballad about my father", "movingday"),
    ("a truck driver on the long haul", "bus"),  # the driver's lines need a bus
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


def test_a_driver_sings_no_passengers_line():
    driver = "a country song about a bus driver who knows every regular on his route"
    assert "no-customer" in read_topic(driver).tags and "no-customer" not in read_topic("a nurse riding the bus").tags
    lines = candidate_texts(driver)
    assert "I tap my pass and find a seat" not in lines and "I leave the depot at half past five" in lines
    # and a passenger sings none of the driver's
    assert "I leave the depot at half past five" not in candidate_texts("the last bus home")


def test_a_bus_only_where_the_song_happens_is_scenery():
    assert theme_weight("losing my wallet on the bus", "bus") < STRONG
    assert theme_weight("a crush on the girl at the bus stop", "bus") < STRONG
    assert theme_weight("a wedding song for Ana and Leo, who met at a bus stop", "bus") < STRONG
    assert theme_weight("waiting at the bus stop in the rain", "bus") >= STRONG  # the stop is the song
    assert theme_weight("stuck on the bus in traffic", "bus") >= STRONG


def test_a_bus_ridden_or_driven_is_named_by_its_phrase():
    school = "a kids song about the wheels on the school bus"  # the bus "on" which the wheels are is still the song
    assert {"bus", "schoolbus"} <= read_topic(school).themes and theme_weight(school, "bus") >= STRONG
    assert not theme_lines(school, {"school"})  # a school bus rings no school bell and slams no locker
    assert "oh save me a seat on the bus" in candidate_texts(school)
    assert "bus" not in read_topic("a crush on the girl at the bus stop").themes


def test_a_lifeguard_sings_the_chair_not_the_dive():
    lines = candidate_texts("a lifeguard at the town pool all summer")
    assert "I climb up to my high white chair" in lines
    assert "I take a breath and slip below" not in lines and "I grab my knees and cannonball" not in lines
    assert "I climb up to my high white chair" not in candidate_texts("a crush on the lifeguard")


def test_a_stop_waited_at_rides_nowhere():
    lines = candidate_texts("waiting at the bus stop in the rain")
    assert "and we sway together round the bend" not in lines  # a riding line (go): the singer waits (stay)
    assert "and a car goes by and soaks my shoes" in lines


def test_a_childs_lessons_watched_are_not_sung_in_the_swimmers_voice():
    watched = "a happy song about my daughter's first swimming lessons"
    assert "teacher" in read_topic(watched).tags
    lines = candidate_texts(watched)
    assert "I take a breath and slip below" not in lines and "oh I can do it on my own" not in lines
    assert "I watch my daughter from the side" in lines
    assert "I take a breath and slip below" in candidate_texts("learning to swim at forty")


@pytest.mark.parametrize("description, named", [
    ("moving day", True),
    ("packing up my apartment", True),
    ("the movers are late", True),
    ("moving out of my parents' house", True),
    ("moving in together", True),
    ("our first night in the new house", True),
    ("a song about moving on", False),
    ("my best friend moving to another country", False),
    ("packing for vacation", False),
])
def test_moving_house_is_named_by_its_phrases(description, named):
    assert ("movingday" in read_topic(description).themes) is named


def test_a_moving_truck_drives_no_highway():
    d = "a country song about one last look at our empty house before the moving truck pulls away"
    assert not theme_lines(d, {"road", "house", "childhood"})
