"""Songs of success, money and fame made (helper success, kinds43): each story named and sung in its own gated lines,
a wish of it never sung as done."""

import re

from topline.music.lyrics import make_title, write_song
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, default_form, theme_weights

FORM = default_form("pop")


def _lines(description, seed=0):
    return [ln for ln in write_song(description, seed=seed, form=FORM)[1].split("\n") if ln and not ln.startswith("[")]


def _plain(text):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", text)).strip().lower()


def _success_lines(outside=()):
    """The success theme's bank lines (optional words dropped); with ``outside``, only those whose story gate names none
    of those stories (lines a song of just them may never sing)."""
    out = set()
    for e in bank().entries:
        gate = {w for t in e.tags if t.startswith("=") for w in t[1:].split(",") if w.startswith("sx")}
        if e.theme == "success" and not gate & set(outside):
            out |= {_plain(ln) for ln in e.lines}
    return out


def _sung(lines, bank_lines):
    """The sung lines that are bank lines (their optional words sung or not)."""
    return [ln for ln in lines if any(_plain(ln).endswith(b.split(" ", 1)[-1]) for b in bank_lines)]


def test_stories_named():
    cases = {
        "trap song about getting rich and buying my mom a house": {"sxrich", "sxhome"},
        "finally made it after years of struggle": {"sxmade"},
        "hip hop track about cashing my first big check": {"sxmade"},
        "a pop song about becoming famous overnight": {"sxfame"},
        "sad song about being rich but empty inside": {"sxrich", "sxlonely"},
        "rap about going from the projects to a penthouse, the whole block watching": {"sxmade"},
        "r&b song about fame, the paparazzi and losing my privacy": {"sxfame"},
        "a song about how my old friends changed when i got famous": {"sxfame", "sxfriends"},
        "a country song about a small town girl named lily who made it big in nashville": {"sxmade", "sxfame"},
        "flex rap with chains, cars and champagne": {"sxrich"},
        "a song about paying off my parents' debts with my first million": {"sxmade", "sxhome"},
        "emotional ballad about being alone at the top with no time for my family": {"sxlonely"},
        "a song about the price of fame": {"sxfame", "sxlonely"},
    }
    for description, stories in cases.items():
        topic = read_topic(description)
        assert {n for n in topic.themes if n.startswith("sx")} == stories, description
        assert "success" in topic.themes
        assert theme_weights(topic)["success"] >= 3 * STRONG, description


def test_wishes_and_others_name_none():
    # a wish is the dream's (nothing sung as done); a kin's success is not in the singer's voice; "rich in love", a
    # beach reached and a first job's paycheck are no success
    for description in ("a song about wanting to be famous", "dreaming of getting rich someday",
                        "someday i'll make it big", "a girl who wants to be a singer",
                        "a song about my dad who made it out of the hood", "a love song about being rich in love",
                        "we made it to the beach", "a song about my first paycheck from my first job",
                        "money can't buy happiness", "coming up from nothing, hustle rap"):
        topic = read_topic(description)
        assert not {n for n in topic.themes if n == "success" or n.startswith("sx")}, description
        assert theme_weights(topic)["success"] < STRONG, description
    assert "dream" in read_topic("dreaming of getting rich someday").themes
    # a wish come true is made
    assert "sxmade" in read_topic("i finally made it, my dream came true").themes


def test_neighbours_kept_out():
    # a success made sings no dream of it, no money worries, no loan paid by brown-bag lunches, no hustle still ahead
    for description in ("finally made it after years of struggle", "a pop song about becoming famous overnight",
                        "a song about paying off my parents' debts with my first million"):
        w = theme_weights(read_topic(description))
        assert w["dream"] == w["money"] == w["payoff"] == w["hustle"] == 0.0, description
    # a first big paycheck is made, not a shift's time clock
    assert theme_weights(read_topic("my first big paycheck"))["work"] == 0.0
    # named in the hustle's own words, the hustle stays, but none of its lines of the climb still ahead
    topic = read_topic("a rap song about coming from nothing and buying my mom a house")
    assert theme_weights(topic)["hustle"] >= STRONG and "no-striving" in topic.tags
    lines = _lines("a rap song about coming from nothing and buying my mom a house")
    assert "I'm gonna make it out someday" not in lines and "I'm taking care of everyone" in lines
    # the hustle's own song is untouched
    assert "no-striving" not in read_topic("coming up from nothing, hustle rap").tags


def test_gated_lines():
    # each story's lines only where it is named: no empty mansion in a flex, no glad stage where fame's price is sung,
    # no parent's paid debts where none are named
    flex = _lines("flex rap with chains, cars and champagne")
    assert not _sung(flex, _success_lines(outside=("sxrich",)))
    assert "I flex for the ones who said I'd fall" in flex and "The champagne is flat, the party's gone" not in flex
    price = _lines("emotional ballad about being alone at the top with no time for my family")
    assert not _sung(price, _success_lines(outside=("sxlonely",)))
    assert "My family sets a plate they never fill" in price and "I made it to the top alone" in price
    fame = _lines("r&b song about fame, the paparazzi and losing my privacy")
    assert not _sung(fame, _success_lines(outside=("sxfame",)))
    assert "The paparazzi wait outside my gate" in fame and "They're singing every word I write" not in fame
    # no success line in songs of other subjects
    every = _success_lines()
    for description in ("a song about my dad who made it out of the hood", "a song about wanting to be famous",
                        "coming up from nothing, hustle rap", "happy pop song about friendship",
                        "a slow sad song about missing home"):
        assert not _sung(_lines(description), every), description


def test_voices_and_titles():
    # one whose success the description tells sings it: "I made it big", never the flower "it" nor "you"
    topic = read_topic("a country song about a small town girl named lily who made it big in nashville")
    assert topic.singer == "small town girl" and not topic.addressee
    assert "I made it big in nashville, I know" in _lines(
        "a country song about a small town girl named lily who made it big in nashville")
    # titles that keep their sense
    assert make_title("finally made it after years of struggle") == "I Made It"
    assert make_title("hip hop track about cashing my first big check") == "I Made It"
    assert make_title("sad song about being rich but empty inside") == "Everything and Nothing"
    assert make_title("emotional ballad about being alone at the top with no time for my family") == "Alone at the Top"
    # what fame loses is nobody gone
    assert "lost" not in read_topic("r&b song about fame, the paparazzi and losing my privacy").tags
