"""Where a description names no theme of its own: the place it happens, the light verbs that anchor no line,
the traveller's lines kept from the one at home, and a lullaby's bedtime."""

from tests.music.lyrics.lines import candidate_texts as _texts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, anchored, mood_themes, theme_weights


def _has(description: str, words: str) -> bool:
    return any(words.lower() in ln for ln in _texts(description, lower=True))


def test_a_longer_description_with_no_theme_is_about_the_place_it_happens():
    t = read_topic("a song about hating Mondays at the office")
    w = theme_weights(t)
    assert w["work"] == 2.0 and not any(v >= STRONG for v in w.values())
    assert mood_themes(t, w) == {"work": STRONG}
    assert _has("a song about hating Mondays at the office", "I punch the clock")
    # not a noun that is no setting: the stars over a town sing no city lines whole
    t = read_topic("a lullaby about the stars watching over the sleeping town")
    assert "city" not in mood_themes(t, theme_weights(t))


def test_a_light_verb_of_the_description_anchors_no_line():
    t = read_topic("a lullaby about the stars watching over the sleeping town")
    assert not anchored("and I watch the eagles fly", t)
    assert anchored("I count the stars above the hill", t)
    # the same word as a thing held does anchor
    assert anchored("I wind the watch he gave to me", read_topic("losing my grandfather's watch on the train"))


def test_the_travellers_lines_are_not_sung_by_the_one_at_home():
    d = "sad song about my boyfriend leaving me at the airport"
    assert "athome" in read_topic(d).tags
    assert not _has(d, "I practise words I can't pronounce")
    assert not _has(d, "they laugh at how I say my name")
    assert _has("moving abroad alone for the first time", "I practise words I can't pronounce")


def test_a_lullaby_sings_bedtime_and_its_fears_only_where_named():
    t = read_topic("a lullaby about the stars watching over the sleeping town")
    assert theme_weights(t)["bedtime"] == 4.3  # "lullaby" a core key among the style words (4), a neighbour (0.3)
    d = "a lullaby about the stars watching over the sleeping town"
    assert _has(d, "pull the blanket to your chin") and _has(d, "the night light glows a friendly blue")
    assert not _has(d, "the closet door is open wide")
    assert _has("a bedtime song about the monster in my closet", "the closet door is open wide")
