"""(lead) One's parents or grandparents as a couple, sung by their child: their years, never the couple's own voice."""

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import lyric_variants, sung_form, sung_lines, theme_weights, write_song


def _lines(description: str) -> set[str]:
    return {sung_form(ln) for ln in sung_lines(write_song(description, seed=0)[1])}


def test_parents_or_grandparents_as_a_couple_key_the_childs_theme():
    for d in ("a song about watching my parents dance at their anniversary",
              "a song for my grandparents' fiftieth anniversary",
              "a country song about my mom and dad still holding hands after forty years"):
        weights = theme_weights(read_topic(d))
        assert "kincouple" in read_topic(d).themes and max(weights, key=weights.get) == "kincouple", d
        assert weights.get("love", 0.0) == 0.0 and weights.get("family", 0.0) == 0.0  # ruled out
    # one's own anniversary is the couple's own song
    assert "kincouple" not in read_topic("a love song for my husband on our 25th anniversary").themes
    assert "kincouple" not in read_topic("a song about my parents' divorce").themes


def test_the_child_sings_the_couples_years_not_their_vows():
    lines = _lines("a song about watching my parents dance at their anniversary")
    assert "i watch you two sway across the floor" in lines and "still dancing after all this time" in lines
    assert "i'll love you more than today" not in lines and "dance with me all night" not in lines


def test_the_couples_years_are_titled_as_their_child_sings_them():
    d = "a song about watching my parents dance at their anniversary"
    (first, text), (second, _) = lyric_variants(d)
    assert (first, second) == ("Still Dancing", "All These Years")  # never "Watching My Parents"
    assert "Still dancing, oh, still dancing" in text.splitlines()
    assert write_song("a song called Forever Young about my parents' anniversary")[0] == "Forever Young"  # given
