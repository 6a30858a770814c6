"""Whose voice a description puts a song in ("a song from a mother ...", "from a nurse's point of view"), a verb
said bare after someone watched ("watching her son leave"), and a workplace's last shift before it closes."""

from tests.music.lyrics.lines import candidate_texts
from topline.music.lyrics.topic import in_voice, read_topic, tag_proper
from topline.music.lyrics.writer import write_song


def test_a_song_from_someone_is_sung_by_them():
    t = read_topic("a song from a mother watching her son leave for the army")
    assert (t.singer, t.addressee) == ("mother", "son")
    assert t.title_candidates == ("Watching My Son", "Mother", "Son")
    assert in_voice("a song from a mother watching her son leave") == "a song a mother watching her son leave"
    # a place or a time it comes from names no singer
    assert read_topic("a song from Paris").singer == ""
    assert read_topic("a song from the heart about my dad").singer == ""


def test_a_point_of_view_names_the_singer_wherever_it_stands():
    assert read_topic("a song from the point of view of a lighthouse keeper on his last night").singer \
        == "lighthouse keeper"
    assert read_topic("a song from a nurse's perspective").singer == "nurse"
    assert read_topic("a ballad sung by an old sailor").singer == "old sailor"
    t = read_topic("my new baby sister, from a big sister's point of view")
    assert (t.singer, t.addressee) == ("big sister", "new baby sister")
    # whose she is stays hers: the wife sings, not the soldier
    assert read_topic("a song from a soldier's wife").singer == "soldier's wife"


def test_the_singer_never_sings_of_herself():
    for seed in (0, 1):
        title, text = write_song("my new baby sister, from a big sister's point of view", seed=seed)
        assert "my big sister" not in text.lower()  # (she may title it: "Big Sister")
        assert "point" not in text.lower()
    title, text = write_song("a song from a mother watching her son leave for the army", seed=0)
    assert "from a mother" not in text.lower() and "my mother" not in text.lower()


def test_a_bare_verb_after_someone_watched_is_a_verb():
    tags = [(t, pos) for t, _, pos in tag_proper("watching her son leave for the army")]
    assert tags[3] == ("leave", "v")
    assert ("go", "v") in [(t, pos) for t, _, pos in tag_proper("watching the sun go down")]
    # the last noun of a compound stays a noun
    assert ("shower", "n") in [(t, pos) for t, _, pos in tag_proper("watching a meteor shower with you")]


def test_a_workplace_closing_sings_its_last_shift():
    d = "a song about the last shift at the factory before it closes"
    assert {"calledoff", "down"} <= read_topic(d).tags
    lines = candidate_texts(d, lower=True)
    assert "i clear my locker, hook by hook" in lines
    assert not any("another shift is done" in ln or "start again" in ln for ln in lines)
    # a shop's closing lines are a shop's: no aisles in a mill, none on a factory floor
    assert not any("aisles" in ln for ln in candidate_texts("a song about the mill shutting down", lower=True))
    assert "i walk the aisles a final round" in candidate_texts("my favorite bookstore closing down", lower=True)
    # a factory that closed long ago is the job lost, not a last shift
    assert "calledoff" not in read_topic("folk song about a mill town after the factory closed").tags
