from topline.music.lyrics.parse import parse_lyrics
from topline.music.lyrics.phonetics import cmu, rhymes
from topline.music.lyrics.vocab import COMMON_NOUNS, REGISTER, THEMES
from topline.music.lyrics.writer import (
    CHORUS_TEMPLATES,
    FILLERS,
    TEMPLATES,
    choose_themes,
    song_form,
    syllable_range,
    write_lyrics,
)


def _song(**kw):
    args = dict(title="Golden Days", family="pop", seed=7)
    args.update(kw)
    return parse_lyrics(write_lyrics("an upbeat song about summer at the beach", **args))


def _ends(section):
    return [ln.words[-1].text.lower() for ln in section.lines]


def test_themes_from_description():
    assert choose_themes("a summer song about the beach") == ("summer",)
    assert choose_themes("driving down the highway at midnight")[0] == "road"
    assert choose_themes("a song about nothing at all") == ("general",)


def test_form_by_duration():
    assert song_form(None) == ("verse", "chorus", "verse", "chorus", "bridge", "chorus")
    assert song_form(45.0) == ("verse", "chorus")
    assert song_form(90.0) == ("verse", "chorus", "verse", "chorus")
    assert [s.kind for s in _song(duration=40.0).sections] == ["verse", "chorus"]


def test_structure_chorus_repeats_with_title():
    lyr = _song()
    assert [s.kind for s in lyr.sections] == ["verse", "chorus", "verse", "chorus", "bridge", "chorus"]
    choruses = [[[w.text for w in ln.words] for ln in s.lines] for s in lyr.sections if s.kind == "chorus"]
    assert choruses[0] == choruses[1] == choruses[2]
    assert choruses[0][0] == ["Golden", "Days"] == choruses[0][-1]
    assert [w.index for w in lyr.words] == list(range(len(lyr.words)))


def test_lines_fit_syllable_range_and_rhyme():
    for family in ("pop", "hiphop", "ballad"):
        lo, hi = syllable_range(family)
        for seed in range(4):
            lyr = _song(family=family, seed=seed, title="")
            for s in lyr.sections:
                for ln in s.lines:
                    assert lo <= ln.syllable_count <= hi, (family, seed, [w.text for w in ln.words])
                e = _ends(s)
                if s.kind == "verse":
                    assert (rhymes(e[0], e[1]) and rhymes(e[2], e[3])) or (rhymes(e[0], e[2]) and rhymes(e[1], e[3]))
                else:
                    assert rhymes(e[-2], e[-1])


def test_register_hiphop_denser_ballad_shorter():
    assert syllable_range("pop") == (6, 9)
    assert syllable_range("hiphop")[0] > 6 and syllable_range("ballad")[1] < 9

    def mean(family):
        lines = _song(family=family, title="").lines
        return sum(ln.syllable_count for ln in lines) / len(lines)

    assert mean("hiphop") > mean("pop") > mean("ballad")


def test_deterministic_and_seed_dependent():
    assert write_lyrics("love song", seed=3) == write_lyrics("love song", seed=3)
    assert write_lyrics("love song", seed=3) != write_lyrics("love song", seed=4)


def test_every_written_word_is_in_cmu():
    d = cmu()
    words = set()
    for th in THEMES.values():
        for k in ("nouns", "adjs", "verbs", "places"):
            words.update(w for ph in th[k] for w in ph.lower().split())
    words.update(COMMON_NOUNS)
    words.update(a.lower() for r in REGISTER.values() for a in r["adjs"])
    words.update(w for f in FILLERS for w in f.split())
    words.update(w for t in TEMPLATES + CHORUS_TEMPLATES for w in t.lower().split() if "{" not in w)
    assert sorted(w for w in words if w not in d) == []
    for seed in range(3):
        lyr = _song(seed=seed, title="")
        assert [w.text for w in lyr.words if w.text.lower() not in d] == []
