import pytest

from topline.errors import LyricsError, SensitiveWordError
from topline.music.lyrics import MAX_PROMPT_CHARS, find_sensitive, make_lyrics
from topline.music.style import resolve_controls
from topline.music.types import Lyrics

CONTROLS = resolve_controls(title="Golden Days", style="pop", seed=11)


def test_given_lyrics_word_for_word():
    prompt = "[Verse]\nI can\u2019t sleep 24/7\n(ooh)\n[Chorus]\nSing it, 1999!"
    lyr = make_lyrics(prompt, controls=CONTROLS)
    assert not lyr.written
    assert [w.text for w in lyr.words] == ["I", "can\u2019t", "sleep", "24/7", "ooh", "Sing", "it,", "1999!"]
    assert lyr.text() == "[Verse]\nI can\u2019t sleep 24/7\n(ooh)\n\n[Chorus]\nSing it, 1999!"
    assert Lyrics.from_json(lyr.to_json()) == lyr


def test_description_gets_written_lyrics():
    lyr = make_lyrics("A dreamy pop song about summer nights", controls=CONTROLS)
    assert lyr.written
    assert [s.kind for s in lyr.sections] == ["verse", "chorus", "verse", "pre-chorus", "chorus", "bridge", "chorus"]
    assert lyr.text().startswith("[Verse 1]\n")
    assert "\n\n[Chorus]\nGolden days, oh, golden days\n" in lyr.text()
    again = make_lyrics("A dreamy pop song about summer nights", controls=CONTROLS)
    assert again.text() == lyr.text()


def test_short_duration_shortens_written_lyrics():
    lyr = make_lyrics("a song about the ocean", controls=CONTROLS, duration=45.0)
    assert [s.kind for s in lyr.sections] == ["verse", "chorus"]


def test_style_family_and_seed_change_the_lyrics():
    hiphop = resolve_controls(title="", style="hip hop, rap", seed=11)
    pop = resolve_controls(title="", style="pop", seed=11)
    assert hiphop.profile.family == "hiphop"
    a = make_lyrics("a song about the city", controls=hiphop)
    b = make_lyrics("a song about the city", controls=pop)
    c = make_lyrics("a song about the city", controls=resolve_controls(title="", style="pop", seed=12))
    assert sum(ln.syllable_count for ln in a.lines) / len(a.lines) > sum(ln.syllable_count for ln in b.lines) / len(b.lines)
    assert b.text() != c.text()


@pytest.mark.parametrize("prompt", ["", "   \n\t "])
def test_empty_prompt(prompt):
    with pytest.raises(LyricsError, match="^The prompt is empty: ") as e:
        make_lyrics(prompt, controls=CONTROLS)
    assert e.value.api_code == 422


def test_too_long_prompt():
    make_lyrics("la " * (MAX_PROMPT_CHARS // 3), controls=CONTROLS)  # at the limit is fine
    with pytest.raises(LyricsError, match="5000") as e:
        make_lyrics("la\n" * 1700, controls=CONTROLS)
    assert e.value.api_code == 422


def test_sensitive_words():
    words = ["Badword", "two words"]
    with pytest.raises(SensitiveWordError, match="blocked word"):
        make_lyrics("[Verse]\nthis has a BADWORD, see", controls=CONTROLS, sensitive_words=words)
    with pytest.raises(SensitiveWordError):
        make_lyrics("sing Two   Words now", controls=CONTROLS, sensitive_words=words)
    # whole words only
    lyr = make_lyrics("[Verse]\nbadwords and words two", controls=CONTROLS, sensitive_words=words)
    assert len(lyr.words) == 4
    assert find_sensitive("it\u2019s fine", ["it's"]) == "it's"
    assert find_sensitive("anything", ["", "  "]) is None


def test_sensitive_title_is_not_sung():
    ctl = resolve_controls(title="Badword Anthem", style="pop", seed=1)
    lyr = make_lyrics("a song about rain", controls=ctl, sensitive_words=["badword"])
    assert "badword" not in lyr.text().lower()


def test_written_lyrics_follow_a_given_form():
    from topline.music.types import FormPlan, FormSection

    form = FormPlan(sections=(FormSection("intro", 0.0, 4.0, 2, False), FormSection("verse", 4.0, 12.0, 4, True, (7, 7)),
                              FormSection("chorus", 12.0, 20.0, 4, True, (6, 6, 6, 6))))
    lyr = make_lyrics("a song about rain in the city", controls=CONTROLS, form=form)
    assert lyr.written and [s.kind for s in lyr.sections] == ["verse", "chorus"]
    assert [len(s.lines) for s in lyr.sections] == [2, 4]
    assert "golden days" in " ".join(w.text for w in lyr.sections[1].lines[0].words).lower()


def test_written_lyrics_name_the_song_by_their_hook_when_no_title_is_given():
    ctl = resolve_controls(title="", style="pop", seed=0)
    lyr = make_lyrics("a song about driving home after a night shift", controls=ctl, duration=60.0)
    assert lyr.title == "Driving Home"
    chorus = next(s for s in lyr.sections if s.kind == "chorus")
    assert "driving home" in " ".join(w.text for w in chorus.lines[0].words).lower()
    assert Lyrics.from_json(lyr.to_json()).title == "Driving Home"


def test_a_given_title_names_written_lyrics_and_given_lyrics_have_none():
    assert make_lyrics("a song about rain", controls=CONTROLS).title == "Golden Days"
    assert make_lyrics("[Verse]\nrain on the roof", controls=CONTROLS).title == ""
    assert Lyrics.from_json({"sections": []}).title == ""  # lyrics stored before titles were kept
