"""Songs given to one real person in thanks or in memory (helper tributes): how a tribute is named, who sings and
who is sung to, the role-gated lines it opens, an age turned as a birthday, a toast's giver as a wedding guest, and
titles of a clause cut short."""

from tests.music.lyrics.lines import candidate_texts, couplet_counts, sung_lines
from topline.music.lyrics.clash import description_facts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, make_title, theme_weights, write_lyrics


def test_theme_size():
    assert couplet_counts(["tribute"]) == {"tribute": 44}


def test_the_one_thanked_is_sung_to_not_the_singer():
    t = read_topic("a song thanking the teacher who changed my life")
    assert (t.singer, t.addressee) == ("", "teacher") and "tribute" in t.themes
    t = read_topic("a song for the nurse who got me through chemo")
    assert (t.singer, t.addressee) == ("", "nurse")
    assert read_topic("a rock anthem for our coach's last season").addressee == "coach"
    # a memorial is sung to the one remembered
    assert read_topic("a tribute song for my uncle's funeral, he drove a truck for forty years").addressee == "uncle"
    # a nurse who sings is still the singer, and no one thanks her
    t = read_topic("a nurse coming home after a double shift")
    assert t.singer == "nurse" and "tribute" not in t.themes


def test_no_voice_of_the_one_thanked():
    w = theme_weights(read_topic("a song for the nurse who got me through chemo"))
    assert w["tribute"] >= STRONG and w["duty"] == 0.0 and w["illness"] == 0.0
    w = theme_weights(read_topic("a song to thank my boss on her last day before she retires"))
    assert w["oldage"] == 0.0 and w["work"] == 0.0
    w = theme_weights(read_topic("a tribute song for my uncle's funeral, he drove a truck for forty years"))
    assert w["road"] == 0.0 and w["tribute"] >= STRONG
    text = write_lyrics("a song thanking the teacher who changed my life", seed=0)
    assert "I'm tired but I'm proud" not in text and "chalk dust" not in text


def test_role_lines_go_to_their_role():
    nurse = candidate_texts("a song for the nurse who got me through chemo")
    coach = candidate_texts("a rock anthem for our coach's last season")
    assert "and you hung the bag and found the vein" in nurse and "and you had us running hills at dawn" not in nurse
    assert "and you had us running hills at dawn" in coach and "and you hung the bag and found the vein" not in coach
    # the nurse's lines need the song to thank her: not in a nurse's own song
    assert "and you hung the bag and found the vein" not in candidate_texts("a nurse coming home after a double shift")
    single = candidate_texts("a soul song thanking my single dad who did it all")
    assert "and you packed my lunches, signed my notes" in single
    assert "and you packed my lunches, signed my notes" not in candidate_texts("a song thanking my dad")


def test_a_memorial_sings_no_living_friend():
    t = read_topic("a memorial song for my friend who died way too young")
    assert {"memorial", "tribute"} <= t.themes and "way" not in t.words
    w = theme_weights(t)
    assert w["friendship"] == 0.0 and w["drifting"] == 0.0
    lines = sung_lines(write_lyrics("a memorial song for my friend who died way too young", seed=0))
    assert "So many songs you never sung" in lines
    assert not {"You help me move for the third time", "You never ask me for a dime"} & set(lines)
    # a living one is not sung as gone, nor the gone one thanked as here
    assert "oh gone too soon, gone too young" not in candidate_texts("a song thanking the teacher who changed my life")
    assert "oh this song is mine to give to you" not in candidate_texts(
        "a memorial song for my friend who died way too young")


def test_an_age_turned_is_a_birthday():
    for d in ("an upbeat song for my grandma turning 90", "my dad turning sixty"):
        assert "birthday" in read_topic(d).themes, d
    assert "birthday" not in read_topic("turning 90 degrees at the corner").themes
    w = theme_weights(read_topic("an upbeat song for my grandma turning 90"))
    assert w["birthday"] >= STRONG and w["joy"] == 0.0
    text = write_lyrics("an upbeat song for my grandma turning 90", seed=0)
    assert "sprinkler" not in text and "Friday bell" not in text


def test_a_toast_is_given_by_a_guest():
    facts, _ = description_facts("a wedding toast song for my best friend, sung by me as her maid of honor")
    assert "guest" in facts
    d = "a wedding toast song for my best friend, sung by me as her maid of honor"
    assert "and I tap my glass and clear my throat" in candidate_texts(d)
    for seed in (0, 1):  # (the couple's own lines are sung by neither of them)
        text = write_lyrics(d, seed=seed)
        assert "You lift the veil" not in text and "My hands are shaking with the ring" not in text


def test_titles_of_a_clause_cut_short():
    assert make_title("a song for the nurse who got me through chemo", seed=0) == "The Nurse"
    assert make_title("a memorial song for my friend who died way too young", seed=0) == "My Friend Who Died"
    assert make_title("a rock anthem for our coach's last season", seed=0) == "Coach's Last Season"
    # a clause that ends where it should keeps its title
    assert "My Grandma Who Raised Me" in read_topic("song about my grandma who raised me").title_candidates
