"""(helper otherworld) Grown-up and teen songs of the uncanny: each moment keys its own gated lines of the
``otherworld`` theme; a word of the uncanny used of something else, a song for children and Halloween key none."""

import re

from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import in_voice, read_topic
from topline.music.lyrics.writer import STRONG, theme_weights, write_song


def _lines(description: str, seed: int = 0) -> list[str]:
    return [ln for ln in write_song(description, seed=seed)[1].split("\n") if ln and not ln.startswith("[")]


def _bank_lines(gate: str = "", tag: str = "") -> set[str]:
    """The sung forms (optional words dropped) of the otherworld couplets gated by ``gate`` or tagged ``tag``."""
    out = set()
    for e in bank().entries:
        if e.theme == "otherworld" and (("=" + gate) in e.tags if gate else tag in e.tags):
            out |= {re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", ln)).strip().lower() for ln in e.lines}
    return out


def test_each_moment_names_its_theme():
    for d, moments in (
            ("a song about a ghost who haunts a house", {"haunting"}),
            ("sad piano ballad about a ghost who falls in love with the woman living in his house",
             {"haunting", "ghostlove"}),
            ("a song about a witch", {"witchery"}),
            ("witchy folk song about brewing a love potion for the boy next door", {"witchery", "lovespell"}),
            ("the witches they burned at Salem, a dark folk song", {"witchery", "witchfeared"}),
            ("a vampire who has been alone for 500 years", {"undying"}),
            ("a song about a zombie apocalypse", {"survivors", "zombies"}),
            ("a song about the end of the world", {"lastnight"}),
            ("a song about aliens landing", {"visitation"}),
            ("i got abducted by a ufo in arizona", {"visitation", "abduction"}),
            ("an alien who falls in love with a farm girl", {"visitation", "alienvoice"}),
            ("a song about time travel", {"timetravel"}),
            ("going back in time to save my brother", {"timetravel", "changeday"}),
            ("a letter to my younger self", {"youngerself"}),
            ("teen pop song about my vampire boyfriend", {"vampbeloved"}),
            ("a girl in love with a vampire", {"vampbeloved"}),
            ("an alien stranded on earth", {"visitation", "alienvoice"})):
        themes = read_topic(d).themes
        assert themes & {"haunting", "ghostlove", "witchery", "lovespell", "witchfeared", "undying", "vamplove",
                         "vampbeloved", "survivors", "zombies", "lastnight", "visitation", "abduction", "alienvoice", "timetravel",
                         "changeday", "youngerself"} == moments, d
        assert "otherworld" in themes, d


def test_a_word_of_the_uncanny_used_of_something_else_names_nothing():
    for d in ("the ghost of you still haunts me", "got ghosted after three dates", "a ghost town in Nevada",
              "i feel like a zombie on monday mornings", "my ex is an energy vampire",
              "feeling like an alien in a new city", "it's not the end of the world, just a bad day",
              "partying like it's the end of the world", "the holy ghost moves in our church",
              "going back to my hometown for christmas", "haunted by a ghost in my new apartment"):
        assert "otherworld" not in read_topic(d).themes, d


def test_a_song_for_children_or_at_halloween_keeps_its_own_make_believe():
    for d in ("a kids song about a friendly ghost", "a silly witch song for my 5 year old",
              "a lullaby about a little vampire", "a rock song about a haunted house on Halloween night",
              "a halloween party song about zombies"):
        t = read_topic(d)
        assert "otherworld" not in t.themes, d
        assert theme_weights(t).get("otherworld", 0.0) == 0.0, d


def test_the_probes_key_the_story_not_dating_or_a_house():
    w = theme_weights(read_topic("a song about a ghost who haunts a house"))
    assert w["otherworld"] >= 2 * STRONG
    assert w["dating"] == 0.0 and w["house"] == 0.0
    w = theme_weights(read_topic("sultry r&b song about a vampire falling in love with a mortal"))
    assert w["love"] == 0.0 and w["otherworld"] >= 2 * STRONG
    w = theme_weights(read_topic("a funny country song about an alien who crash landed in Texas"))
    assert w["space"] == 0.0


def test_a_moment_sings_its_own_lines_only():
    lines = {ln.lower() for ln in _lines("gothic rock song, a vampire who has lived forever and walks alone every night")}
    assert len(lines & _bank_lines("undying")) >= 8
    assert not lines & (_bank_lines("haunting") | _bank_lines("witchery") | _bank_lines("vamplove"))
    lines = {ln.lower() for ln in _lines("a song about the end of the world")}
    assert not lines & (_bank_lines("survivors") | _bank_lines("zombies"))


def test_the_visitor_sings_no_witness_line():
    assert "no-witness" in read_topic("a funny country song about an alien who crash landed in Texas").tags
    lines = {ln.lower() for ln in _lines("a funny country song about an alien who crash landed in Texas and decided to stay")}
    assert not lines & _bank_lines(tag="witness")
    assert "i crashed my ship in a field of hay" in lines
    lines = {ln.lower() for ln in _lines("synthwave song about ufo lights over the desert")}
    assert lines & _bank_lines(tag="witness")


def test_the_narrower_story_leads():
    t = read_topic("a ghost in love with the girl who just moved into his old house")
    assert "owstory" in t.tags and "no-you" not in t.tags
    lines = {ln.lower() for ln in _lines("a ghost in love with the girl who just moved into his old house")}
    assert len(lines & _bank_lines("ghostlove")) >= 6
    assert "no-you" not in read_topic("emotional ballad about meeting my younger self and telling her it gets better").tags
    assert "owstory" not in read_topic("a song about a ghost who haunts a house").tags


def test_told_by_the_one_it_is_about_names_no_one_new():
    assert in_voice("a folk ballad about the witch the whole village feared, told by the witch herself") \
        == "a folk ballad about the witch the whole village feared"
    lines = _lines("a folk ballad about the witch the whole village feared, told by the witch herself")
    assert not any("witch herself" in ln.lower() for ln in lines)


def test_the_one_a_vampire_is_loved_by_sings_no_vampire_line():
    lines = {ln.lower() for ln in _lines("teen pop song about my vampire boyfriend")}
    assert len(lines & _bank_lines("vampbeloved")) >= 12
    assert not lines & (_bank_lines("undying") | _bank_lines("vamplove"))
