import pytest

from topline.errors import LyricsError
from topline.music.lyrics.parse import is_lyrics, parse_lyrics, tag_kind

TRICKY = (
    "[Verse 1]\n"
    "I can\u2019t stop, it's 24/7 \u2014 rock-n-roll!\n"
    "Back in 1999 we came 3rd \U0001F525 ...\n"
    "(ooh, ooh)\n"
    "\n"
    "[Pre-Chorus]\n"
    "Don't you know -- it's well-known\n"
    "[Chorus]\n"
    "\"Sing\" it loud, y'all\n"
)


def test_tag_kinds():
    assert tag_kind("Verse 2") == "verse"
    assert tag_kind("Pre-Chorus") == "pre-chorus"
    assert tag_kind("Chorus x2") == "chorus"
    assert tag_kind("Refrain") == "chorus"
    assert tag_kind("Hook") == "hook"
    assert tag_kind("Bridge") == "bridge"
    assert tag_kind("Intro") == "intro"
    assert tag_kind("Outro") == "outro"
    assert tag_kind("Spoken") == "verse"


def test_word_for_word_fidelity():
    lyr = parse_lyrics(TRICKY)
    # dashes, the emoji and "..." are dropped; everything else is kept exactly as written
    assert [w.text for w in lyr.words] == [
        "I", "can\u2019t", "stop,", "it's", "24/7", "rock-n-roll!",
        "Back", "in", "1999", "we", "came", "3rd",
        "ooh,", "ooh",
        "Don't", "you", "know", "it's", "well-known",
        "\"Sing\"", "it", "loud,", "y'all",
    ]
    assert [len(w.syllables) for w in lyr.words if w.text in ("1999", "3rd", "well-known")] == [5, 1, 2]
    assert [w.index for w in lyr.words] == list(range(len(lyr.words)))
    assert all(w.syllables for w in lyr.words)


def test_sections_tags_and_backing():
    lyr = parse_lyrics(TRICKY)
    assert [(s.kind, s.tag) for s in lyr.sections] == [
        ("verse", "[Verse 1]"), ("pre-chorus", "[Pre-Chorus]"), ("chorus", "[Chorus]")
    ]
    assert [ln.backing for ln in lyr.sections[0].lines] == [False, False, True]
    assert lyr.lines[0].syllable_count == 1 + 1 + 1 + 1 + 5 + 3  # I can't stop it's twenty-four-seven rock n roll
    assert not lyr.written


def test_text_renders_tags_and_backing():
    lyr = parse_lyrics("[Verse]\nhello there\n(oh yeah)\n[Chorus]\nsing it")
    assert lyr.text() == "[Verse]\nhello there\n(oh yeah)\n\n[Chorus]\nsing it"


def test_inline_tag_and_untagged_repeats_become_chorus():
    lyr = parse_lyrics("[Verse] first line here\nsecond line")
    assert lyr.sections[0].tag == "[Verse]"
    assert [w.text for w in lyr.words] == ["first", "line", "here", "second", "line"]
    lyr = parse_lyrics("a b c\nd e\n\nla la la\nla\n\nf g\n\nla la la\nla")
    assert [s.kind for s in lyr.sections] == ["verse", "chorus", "verse", "chorus"]
    assert [s.tag for s in lyr.sections] == ["", "", "", ""]


def test_no_words_is_an_error():
    with pytest.raises(LyricsError):
        parse_lyrics("[Verse]\n\u2014 \U0001F600 ...")


def test_is_lyrics():
    assert is_lyrics("[Verse]\nhello")
    assert is_lyrics("first line\nsecond line")
    assert is_lyrics("Hello darkness my old friend")
    assert is_lyrics("(ooh)")
    assert not is_lyrics("A sad song about leaving home")
    assert not is_lyrics("upbeat track about summer nights")
    assert not is_lyrics("Write a song about the sea.\nMake it slow.")


def test_a_tag_given_again_alone_repeats_that_section():
    lyr = parse_lyrics("[Verse 1]\nsummer rain\n[Chorus]\nhold me now\n[Verse 2]\nwinter sun\n[Chorus]\n\n[ chorus ]")
    assert [s.tag for s in lyr.sections] == ["[Verse 1]", "[Chorus]", "[Verse 2]", "[Chorus]", "[Chorus]"]
    assert lyr.sections[3].lines is lyr.sections[1].lines and lyr.sections[4].lines is lyr.sections[1].lines
    assert [w.index for w in lyr.words] == [0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 2, 3, 4]
    assert lyr.text().count("hold me now") == 3


def test_a_lone_tag_with_nothing_before_it_is_dropped():
    lyr = parse_lyrics("[Chorus]\n[Verse]\nsummer rain")
    assert [s.tag for s in lyr.sections] == ["[Verse]"]
