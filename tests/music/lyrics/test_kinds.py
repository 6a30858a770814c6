"""Descriptions of kinds the bank had no theme for: a trade sung in character, a newborn, a crush not told,
a job lost, a compound's modifier, a rainy day indoors."""

import re

from tests.music.lyrics.lines import candidate_texts as _texts
from tests.music.lyrics.lines import sung_lines
from topline.music.lyrics import lexicon
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, slot_fits, theme_weights, write_song


def _sung(description: str, seed: int = 0) -> list[str]:
    return sung_lines(write_song(description, seed=seed)[1])


def test_a_trade_a_song_is_about_is_sung_in_character():
    assert read_topic("acoustic song about a baker who gets up at 4am").singer == "baker"
    assert read_topic("country song about a truck driver who misses his kids").singer == "truck driver"
    assert read_topic("country song about a truck driver who misses his kids").addressee == "kids"
    # not where someone else says "my", nor a song for or to them, nor someone without a trade
    assert read_topic("song about the nurse who saved my life").singer == ""
    assert read_topic("a song for a nurse").singer == ""
    assert read_topic("song about a dragon").singer == ""
    assert read_topic("k-pop song about a secret crush in class").singer == ""  # (the genre's "k" is no subject)


def test_remembered_people_are_close_ones_not_strangers_by_trade():
    t = read_topic("song about the nurse who saved my life")
    nurse = next(p for p in t.phrases if p.bare == "nurse")
    assert "w" in lexicon.types("nurse") and not slot_fits("person", nurse, t)
    t = read_topic("gospel song about my mother's hands")
    assert slot_fits("person", next(p for p in t.phrases if p.bare == "mother"), t)
    texts = _texts("rock song about a mechanic fixing up an old Mustang")
    assert not any("the mechanic laugh" in x or "the mechanic could see" in x for x in texts)


def test_a_clause_title_keeps_its_time_or_place_or_is_not_offered():
    assert read_topic("acoustic song about a baker who gets up at 4am").title_candidates == ("Baker",)
    assert read_topic("a baker who gets up before dawn").title_candidates[0] == "The Baker Who Gets Up Before Dawn"
    assert read_topic("moving back in with my parents").title_candidates[0] == "Moving Back In"


def test_a_work_song_is_a_kind_of_song_not_a_verb():
    t = read_topic("work song for farmers bringing in the harvest")
    assert t.style == ("work", "song") and "work" not in t.words and t.verbs == ()
    assert read_topic("a song about hard work").words == ("hard", "work")


def test_a_newborn_is_rocked_not_running_down_the_hall():
    sung = _sung("lullaby for my newborn son") + _sung("lullaby for my newborn son", seed=1)
    assert "no-walks" in read_topic("lullaby for my newborn son").tags
    assert not any("running down the hall" in x or "taller than you were" in x for x in sung)
    assert "no-walks" not in read_topic("a song for my daughter on her first day of school").tags


def test_a_noun_that_only_qualifies_another_names_no_theme():
    market = theme_weights(read_topic("sunny song about saturday at the farmers market"))
    assert market["farm"] < STRONG
    assert theme_weights(read_topic("a farmer at harvest time"))["farm"] >= STRONG
    team = theme_weights(read_topic("anthem for our high school basketball team"))
    assert team["sport"] >= STRONG
    assert theme_weights(read_topic("my grandmother's kitchen on a Sunday morning"))["home"] >= STRONG  # a possessor
    assert theme_weights(read_topic("jazz tune about a rainy afternoon in a bookshop"))["rain"] >= STRONG  # adjective


def test_a_basketball_anthem_sings_no_grass_or_ball_at_the_feet():
    texts = _texts("anthem for our high school basketball team")
    assert not any("above the grass" in x or "rolling at my feet" in x for x in texts)
    assert any("sneakers squeak" in x for x in texts)


def test_getting_fired_sings_the_walk_out_not_another_shift():
    t = read_topic("punk song about getting fired from the pizza place")
    assert "no-employed" in t.tags and theme_weights(t)["work"] >= STRONG
    texts = _texts("punk song about getting fired from the pizza place")
    assert any("I walk out through the back door" in x for x in texts)
    assert not any("another shift is done" in x for x in texts)
    assert any("another shift is done" in x for x in _texts("driving home after a night shift"))


def test_a_crush_not_told_has_lines_of_its_own():
    sung = _sung("k-pop song about a secret crush in class")
    crush = {"I never say a word to you", "You don't even know my name", "I see you walking down the hall",
             "You sit two rows in front of me", "I write your name and cross it out"}
    assert len(crush & set(sung)) >= 2
    assert not any("your hand is warm in mine" in x.lower() for x in sung)


def test_a_rainy_day_in_a_bookshop_stays_inside():
    t = read_topic("jazz tune about a rainy afternoon in a bookshop")
    assert "indoors" in t.tags and theme_weights(t)["books"] >= STRONG
    sung = _sung("jazz tune about a rainy afternoon in a bookshop")
    assert not any("collar to the rain" in x or "soaking" in x for x in sung)


def test_a_harvest_sings_the_harvest_and_a_drought_its_dry_ground():
    harvest = _texts("work song for farmers bringing in the harvest")
    assert not any("ground is cracking" in x for x in harvest)
    assert any("bring the harvest in tonight" in x for x in harvest)
    assert any("ground is cracking" in x for x in _texts("a farmer praying for rain in a dry summer"))


def test_a_workout_anthem_sings_the_gym_not_only_the_punk_anthems_stock():
    t = read_topic("motivational workout anthem")
    assert theme_weights(t)["workout"] >= STRONG
    # at least two lines of the gym itself (the workout theme's own couplets), not only an anthem's stock
    gym = {re.sub(r"<[^>]*>\s*", "", ln).strip().lower() for e in bank().entries if e.theme == "workout" for ln in e.lines}
    sung = {ln.lower().removeprefix("oh ").removeprefix("and ") for ln in _sung("motivational workout anthem")}
    assert len(gym & sung) >= 2


def test_a_gospel_song_sings_faith():
    assert theme_weights(read_topic("gospel song about hope in hard times"))["faith"] >= STRONG
    assert theme_weights(read_topic("pop song about hope in hard times"))["faith"] < STRONG


def test_a_first_car_is_sung_and_a_broken_down_one_is_not_driven_across_town():
    first = _texts("song about my first car")
    assert any("saved up every summer's pay" in x for x in first)
    assert not any("drive across the town" in x for x in _texts("my mom's old car that finally broke down"))


def test_hustling_graduating_and_breakups_without_a_phone():
    assert any("make it out someday" in x for x in _texts("hip hop track about hustling to make it out"))
    assert any("toss my cap into the air" in x for x in _texts("song about graduating from college"))
    home = _texts("song about moving back home after a breakup")
    assert not any("three dots appear" in x for x in home)
    assert any("three dots appear" in x for x in _texts("a breakup over text message"))


def test_learning_to_drive_is_no_fall_from_a_bike():
    assert not any("scrape my knee" in x for x in _texts("song about my dad teaching me to drive"))
    assert any("scrape my knee" in x for x in _texts("my sister teaching me to ride a bike"))


def test_seeing_a_friend_off_at_the_airport_is_no_song_of_living_abroad():
    assert theme_weights(read_topic("saying goodbye to my best friend at the airport"))["abroad"] < STRONG
    assert theme_weights(read_topic("moving abroad alone"))["abroad"] >= STRONG


def test_bedtime_a_holiday_a_first_job_and_songs_for_children_have_lines_of_their_own():
    assert any("just wants a hug instead" in x for x in _texts("kids song about a monster under the bed who is actually nice"))
    assert any("afraid of what I cannot see" in x for x in _texts("indie pop song about being afraid of the dark"))
    assert any("ferry cuts the water white" in x for x in _texts("tropical house song about a summer on the Greek islands"))
    assert not any("ferry cuts the water white" in x for x in _texts("a hot dry summer night on the rooftop"))
    assert any("dotted line" in x for x in _texts("song about my first paycheck"))
    assert not any("shoes are new" in x for x in _texts("a taxi driver working nights in New York"))
    assert theme_weights(read_topic("kids song about brushing your teeth"))["playful"] >= STRONG
    assert read_topic("reggaeton track about a vacation romance in Puerto Rico").style == ("reggaeton", "track", "about")
