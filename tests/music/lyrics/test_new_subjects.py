"""Themes for subjects the bank had no lines for (2026-12-07, themesb): zoo and jungle animals, garden bugs,
diggers, a child's bath and getting dressed, jealousy, a veteran home from war, loving one's body, a motorcycle
ride; each is drawn by its own description and kept out of the songs its keys could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

NEW = ("zoo", "bugs", "diggers", "routine", "jealousy", "veteran", "body", "motorcycle")
CHILDREN = ("zoo", "bugs", "diggers", "routine")


@pytest.mark.parametrize("description, theme, line", [
    ("a kids song about a day at the zoo", "zoo", "the penguins waddle in a row"),
    ("a kids song about a monkey who loves bananas", "zoo", "oh I'm a monkey, watch me go"),
    ("a kids song about the bugs in our backyard", "bugs", "I get down low on hands and knees"),
    ("a kids song about a ladybug in the garden", "bugs", "a ladybug lands on my knee"),
    ("a kids song about diggers and dump trucks at the construction site", "diggers", "the digger scoops a heavy load"),
    ("a kids song about bath time", "routine", "my rubber duck goes quack, quack, quack"),
    ("kids song about brushing your teeth", "routine", "and I brush in circles, round and round"),
    ("a song about jealousy when she talks to other guys", "jealousy", "I read your screen from across the room"),
    ("a country song about a veteran coming home from the war", "veteran", "I sit with my back against the wall"),
    ("an empowering song about loving my body", "body", "and I eat the cake and lick the knife"),
    ("a rock song about riding my motorcycle down the coast", "motorcycle", "I twist the throttle, feel it roar"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weights(read_topic(description))[theme] >= STRONG
    assert line in candidate_texts(description)


def test_the_new_themes_lines_say_whose_they_are():
    entries = [e for e in bank().entries if e.theme in NEW]
    assert len(entries) == 190
    # a children's line names what it needs (an animal, a bug, the bath): its keys may be a grown-up's word too
    assert all(any(t.startswith("=") for t in e.tags) for e in entries if e.theme in CHILDREN)
    assert all("grown" in e.tags for e in entries if e.theme not in CHILDREN)
    # the veteran sings in his or her own voice: never the one at home, nor a grandfather's war told by a grandchild
    assert all("gone" in e.tags for e in entries if e.theme == "veteran")


@pytest.mark.parametrize("description, word", [
    ("rap song about surviving the concrete jungle", "jungle trail"),  # no animal: no jungle of the zoo theme
    ("rap song about surviving the concrete jungle", "deep in the jungle"),
    ("welcome to the jungle hard rock song", "the jungle's green"),
    ("eye of the tiger workout anthem", "stripy tail"),
    ("a relaxing bubble bath with candles and wine", "duck"),  # a grown-up's soak, no rubber duck
    ("a relaxing bubble bath with candles and wine", "tub"),
    ("love song about butterflies in my stomach", "a butterfly is what"),
    ("early bird gets the worm motivational song", "little worm"),
    ("my sister's wedding dress", "dressed"),
])
def test_a_key_mistaken_for_another_sense_sings_no_childs_line(description, word):
    assert not any(word in t.lower() for t in candidate_texts(description))


def test_a_childs_song_takes_no_grown_up_subject_line():
    body = {ln for e in bank().entries if e.theme == "body" for ln in e.lines}
    texts = candidate_texts("a kids song about the parts of the body", lower=True)
    assert not any("lick the knife" in t or "swimsuit" in t or "bathroom scale" in t for t in texts)
    assert body  # (the theme is there; its lines are a grown-up's)


def test_jealousy_of_a_friend_sings_no_lovers_line():
    friend = candidate_texts("jealous of my best friend's success")
    assert "I say I'm fine, I say I'm cool" in friend
    assert not any("phone light up" in t or "texting you" in t or "hear you're mine" in t for t in friend)
    lover = candidate_texts("a song about jealousy when she talks to other guys")
    assert "I watch your phone light up at night" in lover


def test_jealousy_is_no_breakup_unless_an_ex_is_named():
    assert theme_weights(read_topic("a song about jealousy when she talks to other guys"))["heartbreak"] < STRONG
    assert theme_weights(read_topic("jealous of my ex's new girlfriend"))["heartbreak"] >= STRONG


def test_a_war_told_by_kin_sings_no_veterans_own_line():
    lines = {ln for e in bank().entries if e.theme == "veteran" for ln in e.lines}
    texts = candidate_texts("song about my grandpa's stories from the war")
    assert not any(t.removeprefix("oh ").removeprefix("and ") in {ln.replace("<oh> ", "").replace("<and> ", "")
                                                                  for ln in lines} for t in texts)
    # nor a soldier at the front: "it is over now" names no war
    assert not candidate_texts("a soldier at war missing his family") & {"oh they tell me it is over now"}
