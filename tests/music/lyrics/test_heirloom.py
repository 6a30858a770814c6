"""The bank's theme of something handed down in a family (2026-12-07, bank7): a knife, a toolbox, a sewing machine,
recipe cards, a guitar, a dress, a rod, a watch, a ring, a quilt, a truck that was a parent's or a grandparent's and is
now the singer's.  Its lines of one object need that object's words, its lines of "him" or "her" a man or a woman in
the description, its lines of the one gone a loss; only where the description makes the one it came from "you"
("the ring my dad gave me") is it sung to."""

from tests.music.lyrics.lines import candidate_texts, theme_lines
from topline.music.lyrics.bank import bank
from topline.music.lyrics.phonetics import rhymes
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STORY_NEEDS, STRONG, YOU_LINE, end_word, theme_weights

KNIFE = "and the blade still folds shut with the same old click"
SEWING = "oh the bobbin spins, the needle falls"
GONE = "we found it when we cleared the house in June"  # tagged lost
GIVEN = "he closed my fingers round it tight"  # tagged he, here
PROMISED = "he always said someday it would be mine"  # tagged he, lost


def _entries():
    return [e for e in bank().entries if e.theme == "heirloom"]


def _lines(description: str) -> set[str]:
    return theme_lines(description, ("heirloom",))


def test_the_theme_has_its_couplets_and_keys():
    entries = _entries()
    assert len(entries) == 76
    assert sum(not any(t.startswith("=") for t in e.tags) for e in entries) == 35  # lines for any handed-down thing
    assert {r: sum(r in e.roles for e in entries) for r in "VCPB"} == {"V": 54, "C": 10, "P": 7, "B": 9}
    assert bank().core["heirloom"] == {"heirloom", "hand-me-down"}
    # the keepsake lost on a train is keyed by its own words, no longer by "heirloom"
    assert "heirloom" not in bank().themes["keepsake"]


def test_every_couplet_rhymes_and_only_a_givers_sing_to_you():
    for e in _entries():
        first, second = (end_word(ln.replace("<", "").replace(">", "")) for ln in e.lines)
        assert rhymes(first, second), e.lines
        assert bool(YOU_LINE.search(" ".join(e.lines))) == ("=give,leave,inherit,make" in e.tags), e.lines


def test_an_objects_lines_are_no_other_songs_story():
    # a need of STORY_NEEDS words or fewer would be sung in any song whose subject meets it (a knife, a truck)
    needs = [t[1:].split(",") for e in _entries() for t in e.tags if t.startswith("=")]
    assert len(needs) == 42
    assert all(len(need) > STORY_NEEDS for need in needs)


def test_an_heirloom_is_the_subject_of_its_descriptions():
    for d in ("a song about my grandpa's old pocket knife, a family heirloom",
              "my grandmother's old sewing machine, a family heirloom",
              "a hand-me-down heirloom guitar"):
        assert theme_weights(read_topic(d))["heirloom"] >= STRONG, d
    assert theme_weights(read_topic("a song about my grandpa's old pocket knife, a family heirloom"))["keepsake"] < 1.0


def test_the_knife_sings_the_knife_and_no_sewing_machine():
    lines = _lines("a song about my grandpa's old pocket knife, a family heirloom")
    assert KNIFE in lines
    assert SEWING not in lines
    assert "and he cut the apple slices with it, thin" in lines  # grandpa: "he"
    assert not any(w in ln.split() for ln in lines for w in ("she", "her", "she'd"))
    # not lost: no line of the house cleared after, none of what he always said would come
    assert GONE not in lines and PROMISED not in lines
    assert "and the train pulls out, the seat is bare" not in candidate_texts(
        "a song about my grandpa's old pocket knife, a family heirloom")


def test_a_grandmothers_sewing_machine_sings_her_and_never_him():
    lines = _lines("my grandmother's old sewing machine, a family heirloom")
    assert SEWING in lines
    assert "and she pinned the hems until they'd fit" in lines
    assert KNIFE not in lines
    assert not any(w in ln.split() for ln in lines for w in ("he", "him", "his", "he'd"))


def test_the_one_it_belonged_to_gone_or_giving_it():
    gone = _lines("my late grandfather's fishing rod, a family heirloom")
    assert {GONE, PROMISED, "and the reel still clicks when the line goes out"} <= gone
    assert GIVEN not in gone  # he is gone: he does not hand it over
    given = _lines("my grandpa's pocket watch, a family heirloom")  # nobody said gone
    assert GIVEN in given and GONE not in given
    assert "oh it ticks beside me while I sleep" in given


def test_no_other_song_draws_a_line_of_it():
    for d in ("a country song about my pickup truck", "learning to play guitar", "a punk song about my broken watch",
              "shopping for a wedding dress with my best friend", "a fishing trip with my buddies",
              "a cozy quilt on a cold night", "a love song about a diamond ring",
              "a song about my grandmother's kitchen", "losing my grandfather's watch on the train"):
        assert _lines(d) == set(), d


def test_an_elders_object_is_sung_as_handed_down_without_naming_it_an_heirloom():
    # topic reads "my grandpa's ..." as a thing handed down (``topic._handed_down``): the theme is the song's
    for d in ("my grandpa's old pocket knife", "my dad's toolbox in the garage"):
        assert len(_lines(d)) >= 8, d


def test_the_one_it_came_from_is_sung_to_only_where_the_description_makes_them_you():
    to_dad = _lines("a song about the wedding ring my dad gave me when I got engaged, a family heirloom")
    assert {"oh you put it in my hand", "I hold it just the way I watched you do"} <= to_dad
    assert not any(w in ln.split() for ln in to_dad for w in ("he", "him", "his", "he'd"))  # he is "you"
    of_grandpa = _lines("a song about my grandpa's old pocket knife, a family heirloom")
    assert not any(YOU_LINE.search(ln) for ln in of_grandpa)
