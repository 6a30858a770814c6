"""The phrase bank's loader (``bank.parse_bank``) and what the shipped bank holds: a theme continued further
down the file, the slot frames readers always called filler gone, bridges of a song's own world."""

import re
from importlib import resources

from tests.music.lyrics.lines import candidate_texts
from topline.music.lyrics.bank import bank, parse_bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights


def test_a_theme_continued_further_down_keeps_its_keys_and_adds_its_couplets():
    b = parse_bank("== theme: t | keys: x y*\nV - | a day / a way\n== theme: u | keys: z\nV - | a fall / a wall\n"
                   "== theme: t | keys: w\nB - | a sea / a tree\n")
    assert b.themes["t"] == {"x", "y", "w"} and b.core["t"] == {"y"} and b.themes["u"] == {"z"}
    assert [(e.index, e.theme, e.roles) for e in b.entries] == [(0, "t", "V"), (1, "u", "V"), (2, "t", "B")]


def test_every_continued_theme_of_the_shipped_bank_is_declared_before():
    text = resources.files("topline.music.lyrics").joinpath("data/phrases.txt").read_text("utf-8")
    seen = set()
    for name, keys in re.findall(r"^==\s*theme:\s*(\w+)\s*\|\s*keys:(.*)$", text, re.M):
        if name in seen:
            assert not keys.strip(), name  # a continuation adds couplets, its keys stay in the first header
        else:
            seen.add(name)
    assert len(seen) == len(bank().themes)


def test_the_slot_frames_read_as_filler_are_gone():
    lines = {ln for e in bank().entries for ln in e.lines}
    assert not any("they see {role}" in ln for ln in lines)  # read filler 33 of 49 times
    assert not any(ln.startswith("<oh> {you}, hold on to me") for ln in lines)  # 22 of 22
    # frames that drop an event, a relative or the one missed into a line read filler or nonsense every time
    for frame in ("tell {person} I am on my way", "{event} is all I see", "{event}, I'm ready now",
                  "{you}, can you hear me now", "<and> {event} is near"):
        assert not any(frame in ln for ln in lines), frame
    assert not any("they see a lighthouse keeper" in t for t in candidate_texts("a lighthouse keeper alone"))


def test_a_song_that_runs_dry_has_bridges_of_its_own_world():
    assert "oh I meet the mailman at the gate" in candidate_texts("a soldier's mother waiting for a letter")
    assert "oh the engine coughs its last today" in candidate_texts("my mom's old car that finally broke down")
    # nobody to sing to: its bridge has no "you" ("your side of the bed" would be dropped)
    assert "oh the other side of the bed is made" in candidate_texts("a breakup song")
    # a line of one story needs its word: no Halloween pumpkins at a wedding
    assert not any("pumpkins" in ln for ln in candidate_texts("my sister's wedding by the lake"))


def test_a_song_for_children_draws_no_grown_up_theme_by_a_word():
    # "counting" had lent the debt's "I lie awake and count what I owe" and the likes counted on a phone
    lines = candidate_texts("nursery song about counting stars before bed", lower=True)
    assert not any("count what i owe" in ln or "count the likes" in ln or "count to four" in ln for ln in lines)
    assert any("count what i owe" in ln for ln in candidate_texts("counting my debts at night", lower=True))
    assert not any("count the tiles" in ln or "count my tips" in ln for ln in lines)
    adult = {"bar", "sober", "money", "tattoo", "oldflame"}  # (a teenager's heartbreak, phone and mind are not)
    assert all("grown" in e.tags for e in bank().entries if e.theme in adult)
    assert any("your side of the bed" in ln for ln in candidate_texts("a teenager heartbroken after her first breakup"))


def test_thin_subjects_have_themes_of_their_own():
    # songs that ran out into stock lines ("I'd walk it now, I'd walk it then") before these themes were written:
    # their keys bring the theme in whole, and its lines are candidates
    cases = {
        "a song about my cousin locked up in jail": ("prison", 4.0, "oh they gave you a number for a name"),
        "pop song about finally paying off my car": ("payoff", 4.3, "oh I don't owe a dime"),
        "a song about taco night with my roommates": ("roommates", 4.0, "and we label all the milk and bread"),
        "a night security guard at the museum": ("watchman", 8.0, "and the statues watch me as I pass"),
        "a sad song about being the new kid nobody talks to": ("newkid", 4.0, "and I eat my sandwich on the stairs"),
        "a song about a rainy afternoon playing board games with my brother": (
            "tablegame", 6.0, "and you roll a six and laugh out loud"),
        "a pilot flying over the ocean at sunrise": ("flight", 4.0, "and I run my checklist, line by line"),
        "a taxi driver working nights in New York": ("taxi", 4.3, "and the meter ticks, the wipers sweep"),
        "upbeat song about starting a new job in the city": ("newjob", 8.0, "and I learn the names, I shake each hand"),
        "song about my best friends and our road trip to the coast": (
            "roadtrip", 4.0, "and we're halfway to the coast by noon"),
    }
    for description, (theme, weight, line) in cases.items():
        assert round(theme_weights(read_topic(description))[theme], 1) == weight, description
        assert line in candidate_texts(description), description


def test_the_new_themes_lines_keep_to_their_story():
    # the one outside sings the visits, the one inside the days marked off the wall
    cousin, cell = candidate_texts("a song about my cousin locked up in jail"), candidate_texts("a song from my prison cell")
    assert "and I drive four hours just to see your face" in cousin and "and I mark the days off on the wall" not in cousin
    assert "and I mark the days off on the wall" in cell and "and I drive four hours just to see your face" not in cell
    # the new kid nobody talks to is a sad song's; a paid-off car's key is no house's; the ex keeps the house, a sister not
    assert not any("sandwich on the stairs" in t for t in candidate_texts("a happy song about the new kid in class"))
    assert "and I turn the key and it's all mine" in candidate_texts("pop song about finally paying off my car")
    assert "and I turn the key and it's all mine" not in candidate_texts("when we finally paid off the house")
    assert "and you kept the house with the blue front door" in candidate_texts("a song about my ex who got the house")
    assert not any("blue front door" in t for t in candidate_texts("a song about my sister who got the house"))


def test_a_lesson_sings_the_bike_only_where_a_bike_is_learnt():
    track = "oh I'm right behind you, don't look back"
    assert track in candidate_texts("teaching my daughter to ride a bike")
    assert track not in candidate_texts("a song about teaching my grandmother to use a smartphone")
    # a ferry is the sea's
    assert theme_weights(read_topic("a folk song about a ferry crossing in the fog"))["sea"] >= 2.0
