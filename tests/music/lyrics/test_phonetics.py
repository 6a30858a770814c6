from topline.music.lyrics.phonetics import (
    letter_to_sound,
    number_words,
    rhyme_key,
    rhymes,
    spell_number,
    split_phonemes,
    syllables,
)


def _sy(token):
    return [(s.phonemes, s.stress) for s in syllables(token)]


def test_known_words_syllables_and_stress():
    assert _sy("hello") == [(("HH", "AH"), 0), (("L", "OW"), 1)]
    assert _sy("beautiful") == [(("B", "Y", "UW"), 1), (("T", "AH"), 0), (("F", "AH", "L"), 0)]
    assert [s.text for s in syllables("beautiful")] == ["beau", "ti", "ful"]
    assert _sy("remember") == [(("R", "IH"), 0), (("M", "EH", "M"), 1), (("B", "ER"), 0)]
    assert [s.text for s in syllables("everything")] == ["eve", "ry", "thing"]
    assert _sy("the") == [(("DH", "AH"), 0)]


def test_phonemes_carry_no_stress_digits():
    for tok in ("beautiful", "yesterday", "1999", "blorptastic"):
        for s in syllables(tok):
            assert all(not p[-1].isdigit() for p in s.phonemes)
            assert s.stress in (0, 1, 2)


def test_split_phonemes_maximal_onset():
    assert split_phonemes(["EH1", "K", "S", "T", "R", "AH0"]) == [(("EH", "K"), 1), (("S", "T", "R", "AH"), 0)]


def test_numbers_spelled():
    assert spell_number(1999) == ["nineteen", "ninety", "nine"]
    assert spell_number(2005) == ["two", "thousand", "five"]
    assert spell_number(1905) == ["nineteen", "oh", "five"]
    assert number_words("24/7") == ["twenty", "four", "seven"]
    assert number_words("3rd") == ["third"]
    assert number_words("21st") == ["twenty", "first"]
    assert number_words("90s") == ["nineties"]
    assert number_words("50%") == ["fifty", "percent"]
    assert number_words("$5") == ["five", "dollars"]
    assert number_words("1,000") == ["one", "thousand"]
    assert number_words("3.5") == ["three", "point", "five"]
    assert number_words("love") is None
    assert len(syllables("1999")) == 5
    assert len(syllables("24/7")) == 5
    assert [s.phonemes for s in syllables("3rd")] == [("TH", "ER", "D")]


def test_token_punctuation_hyphen_and_apostrophes():
    assert _sy("Hello,") == _sy("hello")
    assert _sy("don\u2019t") == _sy("don't") == [(("D", "OW", "N", "T"), 1)]
    assert len(syllables("well-known")) == 2
    assert len(syllables("singin'")) == 2


def test_letter_to_sound_for_nonsense_word():
    phones = letter_to_sound("blorptastic")
    assert phones == ["B", "L", "AO1", "R", "P", "T", "AE0", "S", "T", "IH0", "K"]
    assert [s.stress for s in syllables("blorptastic")] == [1, 0, 0]
    assert [s.phonemes for s in syllables("zib")] == [("Z", "IH", "B")]


def test_rhymes():
    assert rhyme_key("night") == ("AY", "T")
    assert rhyme_key("desire") == rhyme_key("fire")
    assert rhymes("night", "light")
    assert rhymes("love", "above")
    assert rhymes("Rain", "pain")
    assert not rhymes("night", "nights")
    assert not rhymes("night", "night")
    assert not rhymes("day", "night")
