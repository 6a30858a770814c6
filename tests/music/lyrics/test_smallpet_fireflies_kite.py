"""A small pet, fireflies at dusk and flying a kite (2026-12-07, bank12): three themes at the bank's end, each sung for
its own descriptions and kept out of the songs its words could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, sung_lines, theme_lines, theme_weight
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic, ruled_out
from topline.music.lyrics.writer import STRONG

NEW = ("smallpet", "fireflies", "kite")


@pytest.mark.parametrize("description, theme, line", [
    ("a kids song about my goldfish swimming round and round his bowl", "smallpet",
     "oh round and round my goldfish goes"),
    ("a silly song for children about a hamster running on his wheel", "smallpet",
     "and the wheel goes squeak, squeak in the night"),
    ("a song about my old turtle", "smallpet", "my turtle's slow, and that's okay"),
    ("my pet bunny", "smallpet", "my bunny twitches its little nose"),
    ("my little sister's guinea pig", "smallpet", "my guinea pig squeaks at the fridge door"),
    ("a kids song about a turtle named Shelly", "smallpet", "my turtle sits upon its rock"),  # a named animal is a pet
    ("a sad song about burying my daughter's hamster in the garden", "smallpet", "I dig a hole out by the shed"),
    ("catching fireflies in a jar on a summer night", "fireflies", "and we punch some holes in the lid of a jar"),
    ("a country song about lightning bugs and crickets on my grandma's porch", "fireflies",
     "and the bugs are lighting up the yard"),
    ("summer nights with the fireflies at my grandpa's house", "fireflies", "my grandpa rocks out on the porch"),
    ("glow worms in the garden at dusk", "fireflies", "I close my hands around the glow"),  # two words: NAMED_GATES
    ("a song about flying a kite with my son on the beach", "kite", "and the wind comes off the water, cold and strong"),
    ("a kids song about my kite getting stuck in a tree", "kite", "and it's tangled in the maple tree"),
    ("a folk song about my dad teaching me to fly a kite on the hill", "kite", "and your hand is folded over mine"),
    ("a song about flying a kite with my daughter", "kite", "I hold the kite up, you take the string"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"smallpet": 58, "fireflies": 27, "kite": 27}


@pytest.mark.parametrize("description, theme", [
    ("high as a kite", "kite"),  # "kite" is no key: a kite is named by topic.THEME_PHRASES, never in the idiom
    ("I'm flying high as a kite tonight", "kite"),  # (weak by "fly": its lines need the kite named, NAMED_GATES)
    ("a string quartet", "kite"),
    ("kite surfing in Maui", "kite"),
    ("kitesurfing at the beach", "kite"),
    ("learning to fly", "kite"),
    ("saving the sea turtles", "smallpet"),  # "turtle", "bunny", "rabbit" and "pet" are no keys
    ("the easter bunny", "smallpet"),
    ("down the rabbit hole", "smallpet"),
    ("my pet dog waiting by the door", "smallpet"),
    ("a bird in a cage", "smallpet"),
    ("fishing with my grandpa at the lake", "smallpet"),
    ("feeling like a hamster on a wheel at my dead end job", "smallpet"),  # a simile: its lines need a pet named
    ("a thunderstorm with lightning over the lake", "fireflies"),  # a line of lightning bugs needs a firefly's word
    ("a cookie jar on the counter", "fireflies"),
    ("a family cookout in the backyard", "fireflies"),
    ("the porch swing at my grandma's house", "fireflies"),
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


def test_a_subject_rules_out_the_themes_it_would_be_mistaken_for():
    # fireflies in a backyard are no cookout's grill, lightning bugs no storm; a goldfish no dog's or angler's
    assert {"cookout", "storm", "bugs"} <= ruled_out(read_topic("fireflies blinking in the backyard"))
    assert not theme_lines("an indie song about the fireflies in my grandparents' backyard", {"cookout", "storm"})
    assert not theme_lines("lightning bugs on the porch", {"storm", "bugs", "house"})
    assert not theme_lines("my pet goldfish", {"pets", "fishing"})
    assert not theme_lines("a sad song about burying my daughter's hamster in the garden", {"garden", "grief"})


def test_a_lines_story_needs_its_words():
    hamster = candidate_texts("a silly song for children about a hamster running on his wheel")
    assert "oh round and round my goldfish goes" not in hamster  # another animal's
    assert "I dig a hole out by the shed" not in hamster  # a burial's
    buried = candidate_texts("a sad song about burying my daughter's hamster in the garden")
    assert "my hamster curls up in a ball" not in buried  # the living pet's ("bury" is a loss: no "here" line)
    assert "and the wheel is still, the cage is bare" in buried
    assert "lost" in read_topic("burying my hamster").tags
    assert "and a shoebox is its little bed" in candidate_texts("we buried our bunny under the apple tree")  # no sad word
    assert not theme_lines("my hamster died", {"grief"})  # no widow's coat by the door, no coffee for two
    missing = candidate_texts("my hamster is missing")
    assert "and I hear a scratching in the wall" in missing and "I dig a hole out by the shed" not in missing
    kids = candidate_texts("a kids song about my turtle")
    assert "my turtle sits upon its rock" in kids
    assert "I got my turtle when I was small" not in kids  # a grown-up's
    beach = candidate_texts("a song about flying a kite with my son on the beach")
    assert "and the wind comes rolling up the hill" not in beach
    assert "and your hand is folded over mine" not in beach  # sung to a parent
    jar = candidate_texts("fireflies in the backyard")
    assert "and we punch some holes in the lid of a jar" not in jar  # a catching word's


@pytest.mark.parametrize("description", ["a kids song about my hamster and his wheel", "a kids song about my goldfish",
                                         "a kids song about a turtle named Shelly"])
def test_a_kids_song_of_a_small_pet_has_lines_enough(description):
    # (it had run dry and sung the children's stock lines again and again: "hop like a bunny, waddle like a duck",
    # "one, two, three, jump up high" 12 times outside the chorus)
    text = write_song(description, seed=0)[1]
    verses = [ln for ln in sung_lines(text.split("[Chorus]")[0] + "".join(
        part.split("\n\n", 1)[1] if "\n\n" in part else "" for part in text.split("[Chorus]")[1:]))]
    assert len(verses) == len(set(verses))  # no line outside the chorus sung twice
    stock = {"Hop like a bunny, waddle like a duck", "And one, two, three, jump up high", "And reach up to the sky"}
    assert sum(ln in stock for ln in sung_lines(text)) <= 2
