"""What derived tasks compute from a source track: lyrics titles, variants."""

from topline.tasks.derive import _title_from, lyrics_result


def test_title_is_the_hook():
    text = "[Verse 1]\nwalking home\n\n[Chorus]\nOh we hold on into the day\nall night long"
    assert _title_from(text) == "We Hold on into the Day"
    assert _title_from("[Chorus]\nLet it rise like the lonely ground tonight and ever on") == \
        "Let It Rise like the Lonely Ground"  # seven words, not ending on a small word
    assert _title_from("[Verse]\nno chorus here at all") == "No Chorus Here"
    assert _title_from("") == "Untitled"
    assert _title_from("[Chorus]\nOh, small town, oh, small town\nI'm leaving") == "Small Town"


def test_two_variants_seeded_and_family_from_the_description():
    a = lyrics_result("a country song about leaving a small town", seed=5)
    b = lyrics_result("a country song about leaving a small town", seed=5)
    assert a == b and a["family"] == "country" and len(a["variants"]) == 2
    assert a["variants"][0]["text"] != a["variants"][1]["text"]
    # the second variant is the next seed's song, written to avoid the first variant's lines
    from topline.music.lyrics import write_lyrics
    from topline.music.lyrics.writer import sung_lines

    first = sung_lines(a["variants"][0]["text"])
    assert a["variants"][1]["text"] == write_lyrics("a country song about leaving a small town", family="country",
                                                    seed=6, avoid=first)
    plain = write_lyrics("a country song about leaving a small town", family="country", seed=6)
    shared = set(first) & set(a["variants"][1]["text"].split("\n"))
    assert len(shared) < len(set(first) & set(plain.split("\n")))
