"""Themes for everyday subjects the bank had no lines for (2026-12-07, bank6): neighbours, adoption, a house falling
apart, a blackout; "heatwave" keys the heat.  Each is drawn by its own descriptions, in the right voice, and kept out
of the songs its keys could be mistaken for ("a power ballad", "my bucket list", "it's in my DNA")."""

import re

import pytest

from tests.music.lyrics.lines import candidate_texts, sung_lines, theme_lines, theme_weight
from topline.music.lyrics import write_song
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

NEW = ("neighbor", "adoption", "disrepair", "blackout")


def _bare(line: str) -> str:
    """A bank line as sung with no optional words, lower-cased, no leading "oh"/"and"."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", line)).strip().lower()


def theme_sung(description: str, theme: str, seeds=range(3)) -> list[str]:
    """The lines of the songs written for ``description`` at ``seeds`` that are lines of ``theme``'s couplets."""
    own = {_bare(ln) for e in bank().entries if e.theme == theme for ln in e.lines}
    out = []
    for seed in seeds:
        for ln in sung_lines(write_song(description, seed=seed)[1]):
            low = re.sub(r"^(oh|and),? ", "", ln.lower().strip(" ,"))
            if low in own or any(o.endswith(low) for o in own if len(low) > 12):
                out.append(ln)
    return out


def test_the_new_themes_have_their_couplets_and_every_line_needs_its_story():
    entries = [e for e in bank().entries if e.theme in NEW]
    assert {t: sum(e.theme == t for e in entries) for t in NEW} == {
        "neighbor": 33, "adoption": 37, "disrepair": 29, "blackout": 27}
    # every line names what it needs: a key alone ("door", "power", "birth", "roof") sings none of them
    assert all(any(t.startswith("=") for t in e.tags) for e in entries)
    # the loss of a neighbour is tagged so; the living neighbour's lines are "here" (never sung where one is gone)
    lost = [e for e in entries if e.theme == "neighbor" and "lost" in e.tags]
    assert len(lost) == 9 and all("down" in e.tags for e in lost)


@pytest.mark.parametrize("description, theme, line", [
    ("a country song about the old man next door who waves from his porch every morning", "neighbor",
     "my neighbor waves from the porch at eight"),
    ("a song about borrowing a ladder from my neighbor", "neighbor", "I borrow a ladder and a drill"),
    ("a funny song about the noisy neighbours upstairs", "neighbor", "I bang the ceiling with the broom"),
    ("the new neighbors moving in next door", "neighbor", "the moving truck backs up the drive"),
    ("a song about being adopted", "adoption", "I grew up in a house of love"),
    ("a piano ballad about the day we adopted our son", "adoption", "oh you didn't grow beneath my heart"),
    ("a blues song about a landlord who won't fix the furnace", "disrepair", "the furnace quits the coldest night"),
    ("a blues song about a landlord who won't fix the furnace", "disrepair", "I call the landlord every day"),
    ("a song about a power outage", "blackout", "the fridge goes quiet, the clocks go dark"),
    ("a song about the blackout last summer", "blackout", "the neighbors bring their chairs outside"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_a_birth_parent_is_met_in_lines_of_one_story_sung_to_them():
    # "birth" is a plain key ("the birth of my son"): the lines need "birth" and the parent, and are sung as the
    # description's own story whatever the theme's weight
    mother = candidate_texts("a song about meeting my birth mother for the first time")
    assert {"and you tell me you were seventeen", "I found your name inside a file",
            "oh the same eyes in a stranger's face"} <= mother
    father = candidate_texts("a song about finding my birth father")
    assert "I drive four hours to your town" in father and "and you tell me you were seventeen" not in father
    # where "you" is someone else, no line sings to the birth parent as "you" (tagged ``parent``); the lines of her
    # without "you" stay
    told = theme_lines("a song for my daughter about the day I met my birth mother", {"adoption"})
    assert "oh the same eyes in a stranger's face" in told
    assert not told & {"and you tell me you were seventeen", "I found your name inside a file"}


def test_a_dna_test_finds_a_brother():
    assert {"I type hello and hit delete", "and the test comes back with a brother's name"} <= candidate_texts(
        "a song about a DNA test that found a brother I never knew")
    assert len(theme_sung("a song about a DNA test that found a brother I never knew", "adoption", [0])) >= 6


def test_the_one_adopted_and_the_one_who_adopts_keep_their_voices():
    adoptee = theme_lines("a song about being adopted", {"adoption"})
    assert "I keep the papers in a drawer" in adoptee
    assert not any("your room" in t or "you didn't grow" in t for t in adoptee)  # the parent's, sung to the child
    parent = theme_lines("a lullaby for our adopted daughter", {"adoption"})
    assert "oh you didn't grow beneath my heart" in parent
    assert not parent & {"I keep the papers in a drawer", "I grew up in a house of love"}  # the child's own
    assert not theme_lines("we adopted a rescue dog", {"adoption"})


def test_a_neighbour_gone_is_missed_and_a_living_one_is_not():
    gone = theme_lines("a sad song about my neighbour who passed away and her empty porch", {"neighbor"})
    assert "the porch is empty mornings now" in gone
    assert "my neighbor waves from the porch at eight" not in gone
    here = theme_lines("a country song about the old man next door who waves from his porch every morning",
                       {"neighbor"})
    assert "my neighbor waves from the porch at eight" in here
    assert "the porch is empty mornings now" not in here


def test_noisy_neighbours_are_sung_in_their_own_lines_not_the_friendly_ones():
    noisy = theme_lines("a funny song about the noisy neighbors through the wall", {"neighbor"})
    assert "the bass comes thumping through the wall" in noisy
    assert not noisy & {"oh a wave across the fence each day", "my neighbor waves from the porch at eight"}


def test_the_neighbour_who_waves_sings_no_sea_line():
    # "wave" keys the sea; the neighbour's own lines fill the song.  (The sea's lines stay candidates, anchored by
    # the verb "waves", and one is still sung at some seeds for "the neighbour who waves": writer.anchored)
    assert not theme_sung("a country song about the old man next door who waves from his porch every morning",
                          "sea", range(4))
    assert len(theme_sung("my neighbor waves at me every morning", "neighbor", [0])) >= 8


def test_a_leaky_roof_is_no_heat():
    # "roof" keyed the heat (a rooftop in summer): a leaky roof sang "it's too hot to sleep tonight"
    assert theme_weights(read_topic("a song about a leaky roof")).get("heat", 0.0) == 0.0
    assert not theme_lines("a song about a leaky roof", {"heat"})
    # ("leaky" of "a leaky roof" keys nothing, a quality of a thing: the roof alone makes it the song's subject)
    assert "I set a bucket on the floor" in theme_lines("a song about a leaky roof", {"disrepair"})
    assert theme_weights(read_topic("dancing on the rooftop in summer"))["heat"] >= STRONG


def test_a_house_falls_apart_only_where_it_is_said():
    assert "oh this old house is falling apart" in candidate_texts("a folk song about our old house falling apart")
    for description in ("the house I grew up in", "friends drifting apart", "a song about falling apart after the "
                        "breakup", "my bucket list", "a rap song about my drip", "dancing on the roof in summer"):
        assert not theme_lines(description, {"disrepair"}), description


def test_a_blackout_needs_no_storm_and_sings_no_wind():
    lines = candidate_texts("a song about a power outage", lower=True)
    assert "oh the power's out and we're alright" in lines
    # the storm's lines of wind and wreckage need a storm's word now
    assert not any(t in lines for t in ("oh let it blow, let it roar", "the shutters bang, the rafters groan",
                                        "the morning comes, the wind is gone", "we drag the mattress down the hall"))
    assert "the shutters bang, the rafters groan" in candidate_texts("a hurricane knocked the power out")
    assert len(theme_sung("a song about a power outage", "blackout", [0])) >= 10


@pytest.mark.parametrize("description", [
    "a power ballad about going home", "girl power anthem about going for it", "the power of love",
    "an 80s power ballad about a love that's gone",
])
def test_power_of_another_kind_sings_no_blackout(description):
    assert not theme_lines(description, {"blackout"})


@pytest.mark.parametrize("description, theme", [
    ("it's in my DNA", "adoption"), ("a song about the birth of my daughter", "adoption"),
    ("a song for my mother", "adoption"), ("knocking on your door", "neighbor"), ("next summer", "neighbor"),
    ("a dog that waits by the door", "neighbor"), ("surfing the big waves", "neighbor"),
])
def test_a_key_of_another_sense_sings_no_line_of_the_theme(description, theme):
    assert not theme_lines(description, {theme})


def test_a_heatwave_in_one_word_is_the_heat():
    assert theme_weights(read_topic("a song about the heatwave"))["heat"] >= STRONG
    assert theme_weights(read_topic("a heat wave with no air conditioning"))["heat"] >= STRONG
