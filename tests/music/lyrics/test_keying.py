"""Themes keyed by what the description is about (helper keying): a doing pursued ("learning to cook", "who loves to
bake", "teaching me to knit") keys its theme as its -ing form does; a key whose sense the rest of the description
settles ("a band playing in a garage", "the bar exam", "a nursing license") keys nothing; what someone one loves does is
sung to them by the one who watches ("you stir the pot"), never in the doer's voice."""

from tests.music.lyrics.lines import sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.bank import parse_bank
from topline.music.lyrics.topic import pursuits, read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

DAD_COOKS = "a song about my dad learning to cook after mom got sick"
BOYFRIEND = "a love song about my boyfriend who loves to cook for me"
WIFE = "a happy pop song for my wife who loves to bake on sunday mornings"
KNIT = "a cozy folk song about my grandma teaching me to knit"
PAINT = "a song about my dad learning to paint after he retired"
GARAGE_BAND = "a song about a band playing in a garage"
BAR_EXAM = "a song about my sister studying for the bar exam"
NURSING = "a proud song for my sister who just got her nursing license"
PARKING = "a song about a stray cat living in the parking garage at my work"


def weights(description: str) -> dict[str, float]:
    return theme_weights(read_topic(description))


def top(description: str) -> str:
    w = weights(description)
    return max(w, key=w.get)


def test_the_sense_syntax_of_the_bank():
    b = parse_bank("== theme: t | keys: garage*!band,parking x\nV - | a day / a way\n")
    assert b.themes["t"] == {"garage", "x"} and b.core["t"] == {"garage"}
    assert b.senses == {"t": {"garage": frozenset({"band", "parking"})}}


def test_a_doing_pursued_and_whose_it_is():
    assert pursuits(DAD_COOKS.lower()) == (("learn", "cook", "theirs"),)
    assert pursuits(BOYFRIEND) == (("love", "cook", "theirs"),)
    assert pursuits(KNIT) == (("teach", "knit", "mine"),)
    assert pursuits("a sweet acoustic song about teaching my daughter to ride a bike") == (("teach", "ride", "theirs"),)
    assert pursuits("the summer i learned to swim") == (("learn", "swim", "mine"),)
    assert pursuits("a love song about the girl who loves cooking") == (("love", "cook", "theirs"),)
    assert pursuits("i loved the way you tried to call") == ()  # no doing pursued


def test_a_key_whose_sense_the_description_settles_keys_nothing():
    # (the band helper's own theme leads it now; the gig theme before it)
    assert top(GARAGE_BAND) == "band" and weights(GARAGE_BAND)["repair"] < 1.0
    assert weights(PARKING)["repair"] < 1.0 and top(PARKING) == "pets"
    assert top("two brothers fixing an old car in the garage") == "repair"  # (the mechanic's garage keeps its key)
    assert weights(BAR_EXAM)["bar"] < 1.0
    assert weights("country song about whiskey and last call at the bar")["bar"] >= STRONG
    assert weights(NURSING)["drivingtest"] < 1.0
    assert weights("a song about the first time driving alone after I got my license")["drivingtest"] >= STRONG
    assert weights("a song about a court date for custody of my kids")["dating"] < 1.0
    assert weights("a funny song about my husband who sings in the shower every morning")["rain"] < 1.0
    assert weights("a country song about the old ice cream parlor in my hometown")["tattoo"] < 1.0


def test_the_doing_pursued_is_the_song():
    assert weights(DAD_COOKS)["yourcooking"] >= 2 * STRONG
    assert top(WIFE) == "yourcooking" and weights(WIFE)["morning"] < STRONG  # (no baker's dawn in the baker's voice)
    assert top(KNIT) == "needlework"
    assert top("a song about my grandma who loves to sew quilts") == "needlework"
    assert top(PAINT) == "art" and weights(PAINT)["paintjob"] < 1.0
    assert top("a rap song about my little brother who loves to draw") == "art"
    # walls painted are the painting job's, no artist's easel
    assert weights("a happy song about painting the nursery before the baby comes")["art"] < 1.0


def test_a_doing_watched_is_sung_to_the_doer():
    _, text = write_song(BOYFRIEND, seed=0)
    assert "The kitchen's yours, the pans are out" in sung_lines(text)
    # food's own lines are the cook's ("I chop the peppers"): only the watcher's
    assert weights(BOYFRIEND)["food"] < STRONG
    assert not any("peppers" in ln for ln in theme_lines(BOYFRIEND, {"food"}))
    _, text = write_song(WIFE, seed=0)
    assert {"The kitchen's yours, the pans are out", "You lift the lid and close your eyes"} <= set(sung_lines(text))
    # the singer who cooks is never watched
    assert weights("a love song about cooking breakfast together on saturday")["yourcooking"] == 0.0
    assert weights("my grandmother teaching me to bake bread")["yourcooking"] == 0.0


def test_the_doer_and_the_learner_sung():
    _, text = write_song(KNIT, seed=0)
    assert "The yarn ball rolls across the floor" in sung_lines(text)
    _, text = write_song(PAINT, seed=0)
    assert "You wash the brushes in a jar" in sung_lines(text)
    # a quilt made long ago is no needlework sung now ("you pin the squares out on the bed")
    assert weights("a folk song about the quilt my great-grandmother made by hand")["needlework"] < STRONG
