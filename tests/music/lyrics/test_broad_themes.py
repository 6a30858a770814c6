"""The broad themes (family, home) where the description's subject is an everyday chore or pastime with no theme of its
own (2026-12-07, bank15): a couplet of one scene is sung only where its scene's words are (a lullaby's needs a baby or
a bedtime, a father's flat tyre a car), and the chores sing lines of their own. (The love, joy and anthem couplets
were gated too on the helper's branch; the lead took those gates out again: love songs with little else said read
worse on the checking sets.)"""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import NO_SUBJECT, gate_words


@pytest.mark.parametrize("line, absent, present", [
    ("oh go to sleep, my little one", "a blues song about waiting in line at the DMV with my teenage son",
     "lullaby for my newborn son"),
    ("and you taught me how to fix a flat", "a country song about my dad teaching me to shave",
     "a song about my dad teaching me to change a flat tire"),
    ("oh I'm not a child anymore", "folding laundry with my mom on a sunday afternoon",
     "a song about visiting my mom back home"),
    ("and the cookie jar is on the shelf", "shelling peas on the back steps with my grandmother",
     "baking cookies in my grandma's kitchen"),
])
def test_a_gated_couplet_is_sung_only_where_its_scene_is(line, absent, present):
    assert line not in candidate_texts(absent)
    assert line in candidate_texts(present)


@pytest.mark.parametrize("description, line", [
    ("folding laundry with my mom on a sunday afternoon", "oh we match the socks and lose a few"),
    ("folding laundry with my mom on a sunday afternoon", "and it's nothing much, an hour or two"),
    ("an r&b song about washing the dishes with my husband after dinner", "and you flick the bubbles at my nose"),
    ("an upbeat pop song about grocery shopping with my girlfriend",
     "and you read the grocery list, I push the cart"),
    ("a gentle folk song about doing a jigsaw puzzle with my grandpa", "and we sort the puzzle edges into piles"),
    ("a jazz song about my wife doing the crossword at breakfast", "and you do the crossword in ink, not lead"),
    ("a country song about my dad teaching me to shave", "and you spread the shaving cream on my chin"),
    ("a song about my dad teaching me to tie a tie", "and over, under, round and through"),
    ("shelling peas on the back steps with my grandmother", "and the peas roll out all in a row"),
    ("a rock song about mowing the lawn while my kids run through the sprinkler", "I mow the lawn in stripes and rows"),
])
def test_a_chore_sings_its_own_lines(description, line):
    assert line in candidate_texts(description)


@pytest.mark.parametrize("description, line", [
    ("a song for my mom's sixtieth birthday", "and it's nothing much, an hour or two"),  # no chore: a life's thanks
    ("lullaby for my newborn son", "oh it's such a little thing we do"),
    ("country love song", "oh it's the little things with you"),
    ("doing laundry alone after the breakup", "oh we match the socks and lose a few"),  # nobody to fold with
    ("a love song about meeting someone at a coffee shop", "oh it's the little things with you"),  # no chore
])
def test_a_chores_lines_stay_out_of_other_songs(description, line):
    assert line not in candidate_texts(description)


@pytest.mark.parametrize("description, bare", [
    ("country love song", True),  # a genre alone names no scene: writer.NO_SUBJECT
    ("an upbeat summer love song", True),  # nor a genre with only its time
    ("a love song about the beach", False),
    ("lullaby for my newborn son", False),
])
def test_a_genre_alone_meets_the_no_subject_gate(description, bare):
    assert (NO_SUBJECT in gate_words(read_topic(description))) is bare


def test_the_broad_themes_have_their_couplets():
    assert couplet_counts(("family", "love", "home", "joy", "anthem", "longing")) == {
        "family": 97, "love": 72, "home": 31, "joy": 19, "anthem": 28, "longing": 19}
