"""Camping, hiking, surfing, skiing and the trucker's road (helper outdoors): how each is named, what it rules out,
and the lines its gates open."""

from tests.music.lyrics.lines import candidate_texts, theme_lines
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights


def test_named_outdoor_themes():
    assert "camping" in read_topic("rain drumming on the tent on our family camping trip").themes
    assert "camping" in read_topic("roasting marshmallows around the campfire with my kids").themes
    assert "camping" not in read_topic("homesick my first night at summer camp").themes  # summer camp's cabin
    assert "camping" not in read_topic("a wedding under a white tent").themes
    assert "hiking" in read_topic("finally reaching the summit after a ten hour climb").themes
    assert "surfing" in read_topic("paddling out at sunrise and waiting for the perfect wave").themes
    assert "surfing" not in read_topic("a surf rock song about my girlfriend").themes  # a genre, no surfer
    assert "skiing" in read_topic("my first time snowboarding").themes
    assert "trucker" in read_topic("a long haul trucker missing his wife").themes
    assert "trucker" not in read_topic("a waitress at the truck stop diner").themes


def test_outdoor_themes_rule_out_other_scenery():
    w = theme_weights(read_topic("camping alone in the woods for a week"))
    assert w["summercamp"] == 0.0 and w["sleepover"] == 0.0  # no cabin, no bunk
    w = theme_weights(read_topic("a punk song about wiping out on a huge wave and getting back on my board"))
    assert w["surfing"] >= 4.0 and w["beach"] == 0.0 and w["tablegame"] == 0.0
    w = theme_weights(read_topic("a fun pop song about my first time snowboarding and falling all day"))
    assert w["seasons"] == 0.0  # falling is no autumn
    assert "winter" in read_topic("a fun pop song about my first time snowboarding").tags
    assert theme_weights(read_topic("an old trucker talking on the radio"))["road"] >= 4.0  # "trucker" keys the road


def test_gated_outdoor_lines():
    rain = theme_lines("a folk song about rain drumming on the tent on our family camping trip", {"camping"})
    assert "and the rain is drumming on the fly" in rain
    assert "and I'm alone out in the woods tonight" not in rain  # a family trip: no camping alone
    alone = theme_lines("camping alone in the woods after my divorce", {"camping"})
    assert "oh the ring is off, it's in my pack" in alone and "and the rain is drumming on the fly" not in alone
    lost = candidate_texts("a tense song about getting lost on a hiking trail")
    assert "oh I'm lost out here and the sun is low" in lost
    assert "oh give me the trail and the open sky" not in lost  # a carefree line is glad
    summit = theme_lines("reaching the summit", {"hiking"})
    assert "oh I'm standing on the summit now" in summit and "oh walk with me one more mile" not in summit
    dad = theme_lines("hiking the old trail with my dad", {"hiking"})
    assert "and you carried me up here on your back" in dad
    board = theme_lines("my first time snowboarding", {"skiing"})
    assert "and I strap in sitting in the snow" in board and "and our skis are dangling in the grey" not in board
    lift = theme_lines("riding the ski lift with my daughter before her first run", {"skiing"})
    assert "and I tell you: pizza, make a wedge" in lift
    fun = theme_lines("a fun pop song about my first time snowboarding and falling all day", {"joy"})
    assert fun and "oh the sprinkler spins, the kids run through" not in fun  # the slopes are a winter's


def test_trucker_lines_are_the_truckers_own():
    kids = theme_lines("a truck driver missing his kids on the road", {"trucker"})
    assert "and I miss the ball game and the school play" in kids
    assert "and you tell me the kids have grown" not in kids  # the kids are "you": no one tells him of them
    wife = theme_lines("a long haul trucker missing his wife and kids", {"trucker"})
    assert "and you tell me the kids have grown" in wife
    assert not theme_lines("a song for my dad who drives trucks", {"trucker"})  # his trade, not the singer's
