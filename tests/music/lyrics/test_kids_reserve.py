"""The children's songs' reserve (theme ``kidstock``, 2026-12-07): a song for children whose subject has few lines of
its own (a goldfish, a penguin, a giraffe) once ran dry and sang its own verse lines again in a new order; its reserve
joins only then, and only in songs for children."""

from collections import Counter

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, sung_lines
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import candidates, default_form, write_song

DRY = ("a kids song about a goldfish named Bubbles", "a kids song about a penguin who hates the cold",
       "a kids song about a giraffe who can't find a hat that fits", "a kids song about the alphabet",
       "a kids song about colors", "a kids song about cleaning up toys")


def _reserve(description: str, *, every_theme: bool) -> set[str]:
    entries = bank().entries
    return {" ".join(p for p, _ in ln.parts) for ln in candidates(read_topic(description), every_theme=every_theme)
            if entries[ln.entry].theme == "kidstock" and not ln.joined}


def _outside_chorus(text: str) -> list[str]:
    out = []
    for block in text.split("\n\n"):
        tag, *lines = block.split("\n")
        if tag not in ("[Chorus]", "[Outro]"):
            out += lines
    return out


@pytest.mark.parametrize("description", DRY)
@pytest.mark.parametrize("seed", [0, 1])
def test_a_dry_childrens_song_sings_no_line_twice_outside_its_chorus(description, seed):
    _, text = write_song(description, seed=seed, form=default_form("pop"))
    repeated = {line: n for line, n in Counter(_outside_chorus(text)).items() if n > 1}
    assert repeated == {}


def test_the_reserve_has_its_couplets():
    assert couplet_counts(("kidstock",)) == {"kidstock": 27}


def test_the_reserve_joins_a_childrens_song_only_when_its_themes_run_dry():
    description = "a kids song about a penguin who hates the cold"
    assert _reserve(description, every_theme=False) == set()
    reserve = _reserve(description, every_theme=True)
    assert "oh the penguin says hello, how do you do" in reserve  # the subject greeted in the reserve's slot lines
    assert "and now let's shout it, here we go" in reserve


@pytest.mark.parametrize("description", [
    "a song about a penguin who hates the cold",  # not for children: a grown-up's song never sings the reserve
    "a happy song about painting the nursery before the baby comes",  # a nursery that is a room
    "a sweet song for my wife about getting the nursery ready and picking baby names",
])
def test_no_song_for_grown_ups_draws_on_the_reserve(description):
    assert _reserve(description, every_theme=True) == set()


def test_a_nursery_rhyme_and_a_lullaby_are_songs_for_children():
    assert _reserve("a nursery rhyme about a little mouse", every_theme=True)
    assert _reserve("a lullaby about a little fox in the snow", every_theme=True)


def test_the_reserve_sings_the_childrens_subject_by_name():
    description = "a kids song about a penguin who hates the cold"  # no theme of its own: the reserve carries it
    _, text = write_song(description, seed=0, form=default_form("pop"))
    assert sum("penguin" in line.lower() for line in _outside_chorus(text)) >= 2
    assert not candidate_texts(description) & {"and stamp your feet and bend your knees"}  # (only once dry)
    assert len(set(sung_lines(text))) >= 14
