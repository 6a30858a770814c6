"""(helper parents) Songs in a parent's own voice about their child: each moment keys its own gated lines."""

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import write_song


def _lines(description: str, seed: int = 0) -> list[str]:
    return [ln for ln in write_song(description, seed=seed)[1].split("\n") if ln and not ln.startswith("[")]


def _bank_lines(gate: str) -> set[str]:
    """The sung forms (optional words dropped) of the parenthood couplets gated by ``gate``."""
    import re

    from topline.music.lyrics.bank import bank

    out = set()
    for e in bank().entries:
        if e.theme == "parenthood" and any(t == "=" + gate for t in e.tags):
            out |= {re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", ln)).strip().lower() for ln in e.lines}
    return out


def test_each_moment_names_its_theme():
    for d, moment in (("my son's first day of kindergarten", "kidschool"),
                      ("a song about watching my daughter graduate high school", "kidgrad"),
                      ("a sad song about my teenage son who won't talk to me anymore", "kidteen"),
                      ("a dad working the night shift to provide for his kids", "kidnights"),
                      ("father of the bride song for my daughter's wedding", "kidwedding"),
                      ("a country song about being a single dad raising two little girls", "singleparent"),
                      ("a funny song about a day in the life of a stay-at-home dad", "stayhome"),
                      ("a song about becoming a grandmother for the first time", "grandbaby"),
                      ("a mom's love letter to her grown son who lives far away", "kidgrown")):
        themes = read_topic(d).themes
        assert {"parenthood", moment} <= themes, d


def test_a_parent_thanked_by_the_child_is_no_parents_song():
    for d in ("a soul song thanking my single dad who did it all", "rap song about my mom working three jobs to raise us",
              "a song about my little sister's first day of kindergarten", "my teenage years in a small town"):
        assert "parenthood" not in read_topic(d).themes, d


def test_the_stay_at_home_dad_sings_his_own_day():
    t = read_topic("a funny song about a day in the life of a stay-at-home dad")
    assert (t.singer, t.addressee) == ("dad", "")
    lines = _lines("a funny song about a day in the life of a stay-at-home dad")
    assert "You taught me everything I know" not in lines  # (the child's thanks, sung before)
    assert len({ln.lower() for ln in lines} & _bank_lines("stayhome")) >= 6


def test_father_of_the_bride_sings_no_bride_line():
    t = read_topic("father of the bride song for my daughter's wedding")
    assert "no-bride" in t.tags and "no-romance" in t.tags
    assert "no-bride" in read_topic("my sister's wedding by the lake").tags
    assert "no-bride" not in read_topic("walking down the aisle at my own wedding").tags
    lines = _lines("father of the bride song for my daughter's wedding")
    assert not any("my dress" in ln.lower() or "my father takes" in ln.lower() for ln in lines)
    assert "I'm giving you away today" in lines


def test_moments_sing_their_own_lines():
    for d, gate, least in (("my son's first day of kindergarten", "kidschool", 3),
                           ("a song about watching my daughter graduate high school", "kidgrad", 4),
                           ("a sad song about my teenage son who won't talk to me anymore", "kidteen", 8),
                           ("a dad working the night shift to provide for his kids", "kidnights", 3),
                           ("a song about becoming a grandmother for the first time", "grandbaby", 8),
                           ("a mom's love letter to her grown son who lives far away", "kidgrown", 8)):
        sung = {ln.lower() for ln in _lines(d)} & _bank_lines(gate)
        assert len(sung) >= least, (d, sung)


def test_a_silent_teenager_is_no_small_child():
    lines = _lines("a sad song about my teenage son who won't talk to me anymore")
    assert "You're running down the hall to me" not in lines
    assert "no-child" in read_topic("a blues song about waiting in line at the DMV with my teenage son").tags


def test_a_love_letter_to_ones_child_is_the_song_not_a_thing_kept():
    t = read_topic("a mom's love letter to her grown son who lives far away")
    assert "heirloom" not in t.themes and "letter" not in t.words
    lines = _lines("a mom's love letter to her grown son who lives far away")
    assert not any("love letter" in ln.lower() for ln in lines)
