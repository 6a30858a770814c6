"""The broad themes (family, love, home, joy, anthem, longing) where the description's subject is an everyday chore or
pastime with no theme of its own (2026-12-07, bank15): a couplet of one scene is sung only where its scene's words
are (a couple's slow dance needs a dance or a kitchen, a lullaby's needs a baby or a bedtime), and the chores sing
lines of their own."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts


@pytest.mark.parametrize("line, absent, present", [
    ("oh slow dance in the kitchen light", "an upbeat pop song about grocery shopping with my girlfriend",
     "a love song about dancing in the kitchen with my wife"),
    ("oh your hand fits in my hand", "an r&b song about washing the dishes with my husband after dinner",
     "a love song about sharing ice cream on the pier"),
    ("and we're waiting in the movie line", "a jazz song about my wife doing the crossword at breakfast",
     "a love song about our first date at the movies"),
    ("oh go to sleep, my little one", "a blues song about waiting in line at the DMV with my teenage son",
     "lullaby for my newborn son"),
    ("and you taught me how to fix a flat", "a country song about my dad teaching me to shave",
     "a song about my dad teaching me to change a flat tire"),
    ("oh I'm not a child anymore", "folding laundry with my mom on a sunday afternoon",
     "a song about visiting my mom back home"),
    ("and the drums are pounding in my chest", "a rock song about mowing the lawn while my kids run through the sprinkler",
     "uplifting rock anthem"),  # a loud genre's style word meets the stage lines' gates (writer.STAGE_STYLES)
    ("oh we are loud and we are free", "a rock song about mowing the lawn while my kids run through the sprinkler",
     "angry punk song"),
    ("and the drums are pounding in my chest", "a rock song about mowing the lawn while my kids run through the sprinkler",
     "a rock anthem for the big game"),
    ("and the cookie jar is on the shelf", "shelling peas on the back steps with my grandmother",
     "baking cookies in my grandma's kitchen"),
    ("I call my friends and make a plan", "a happy song about feeding the ducks at the pond with my toddler",
     "a happy song about the weekend with my friends"),
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


@pytest.mark.parametrize("description, line", [
    ("country love song", "oh slow dance in the kitchen light"),  # a genre alone names no scene: writer.NO_SUBJECT
    ("romantic acoustic love song", "and we're waiting in the movie line"),
])
def test_a_genre_alone_opens_the_scene_lines(description, line):
    assert line in candidate_texts(description)


def test_the_broad_themes_have_their_couplets():
    assert couplet_counts(("family", "love", "home", "joy", "anthem", "longing")) == {
        "family": 97, "love": 65, "home": 31, "joy": 19, "anthem": 28, "longing": 19}
