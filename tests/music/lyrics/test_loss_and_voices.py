"""A home burned or flooded, a title that keeps its "never", a city that is someone else's, a parent's own voice."""

import re

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, default_form, theme_weights, write_song


def _sung(description: str, seed: int = 0) -> list[str]:
    _, text = write_song(description, seed=seed, form=default_form("pop"))
    return [ln.lower() for ln in text.splitlines() if ln and not ln.startswith("[")]


def test_a_title_keeps_what_is_never_done():
    assert read_topic("a motivational song about never giving up on your dreams").title_candidates[0] == \
        "Never Giving Up"
    assert read_topic("a song about leaving without saying goodbye").title_candidates[0] == "Without Saying Goodbye"
    assert read_topic("a song about driving home").title_candidates[0] == "Driving Home"


def test_the_city_someone_else_moved_to_is_not_the_singers_streets():
    assert theme_weights(read_topic("a song about my sister who moved to London"))["city"] < STRONG
    assert theme_weights(read_topic("a song about rainy nights in London"))["city"] >= STRONG
    assert not any("this city's where i learned to stand" in x for x in _sung("a song about my sister who moved to London"))


def test_a_parent_who_sings_sings_to_the_child():
    t = read_topic("a song about being a single mom")
    assert t.singer == "single mom"
    assert "no-you" not in t.tags and "no-child" not in t.tags
    lines = _sung("a song about being a single mom")
    assert any(re.search(r"\byou're growing up\b|\byou're taller\b|\bsomeday you'll be grown\b", x) for x in lines)
    assert not any("i'd walk it now, i'd walk it then" in x for x in lines)  # the stock lines it had sung


def test_a_home_burned_down_is_sung_as_ashes_not_kept():
    t = read_topic("a sad song about my house burning down")
    assert "homegone" in t.themes and "down" in t.tags
    lines = _sung("a sad song about my house burning down")
    assert any("ashes" in x for x in lines)
    assert not any(re.search(r"\b(mow the lawn|paint the fence|porch light burns)\b", x) for x in lines)


def test_a_flood_sings_water_and_no_fire():
    t = read_topic("a country song about the flood that took our farm")
    assert "homegone" in t.themes
    lines = _sung("a country song about the flood that took our farm")
    assert any(re.search(r"\b(water|river|mud)\b", x) for x in lines)
    assert not any(re.search(r"\b(ashes|smoke|fire|firemen)\b", x) for x in lines)
    assert "homegone" not in read_topic("a song about a fire in the fireplace at our cabin").themes


def test_an_old_truck_is_no_trucker_hauling_a_load():
    weights = theme_weights(read_topic("a country song about my old truck and a dirt road"))
    assert weights["road"] >= STRONG
    for seed in (0, 1):
        assert not any("hauling home a heavy load" in x for x in _sung("a country song about my old truck and a dirt road", seed))


def test_what_someone_else_does_and_where_keys_no_theme_in_the_singers_voice():
    t = read_topic("a song about my mom working double shifts at the hospital")
    assert t.their_words == frozenset({"shift", "hospital"})
    weights = theme_weights(t)
    assert weights["family"] >= STRONG and weights["illness"] < STRONG and weights["duty"] < STRONG
    lines = _sung("a song about my mom working double shifts at the hospital")
    assert not any("when the call comes in, i run" in x for x in lines)
    assert read_topic("my grandmother teaching me to bake bread").their_words == frozenset()


def test_feeling_invisible_at_a_party_sings_no_party_joy():
    t = read_topic("an indie song about feeling invisible at parties")
    assert "down" in t.tags and "up" not in t.tags
    lines = _sung("an indie song about feeling invisible at parties")
    assert not any(re.search(r"dance until our feet|wanting more|party hats", x) for x in lines)
    assert any("on my own" in x or "nobody" in x for x in lines)
    happy = _sung("a happy song about a summer party with friends")
    assert any("dance until our feet are sore" in x or "wanting more" in x or "party" in x for x in happy)


def test_the_one_who_ends_it_sings_leaving_not_waiting_by_the_phone():
    for d in ("a song about breaking up with my boyfriend because I outgrew him", "a song about leaving my husband",
              "a breakup song where I am the one who left"):
        t = read_topic(d)
        assert "leaver" in t.tags and {"down", "alone"} <= t.tags and "together" not in t.tags, d
        lines = _sung(d)
        assert any(re.search(r"i leave my key|who i've grown|i had to go|walking out|drove away|broke your heart"
                             r"|packed a bag|couldn't stay|different things", x) for x in lines), d
        assert not any(re.search(r"you didn't even call|porch light on for weeks|two cups at dawn|say it to my face", x)
                       for x in lines), d
    for d in ("a song about my boyfriend breaking up with me", "a song about getting dumped by text", "a sad breakup song",
              "a song about leaving my hometown"):
        assert "leaver" not in read_topic(d).tags, d
    assert "because" not in read_topic("a song about breaking up with my boyfriend because I outgrew him").words


def test_a_town_one_hates_or_is_stuck_in_sings_no_belonging():
    for d in ("a pop punk song about hating my hometown", "a song about being stuck in a small town with big dreams"):
        t = read_topic(d)
        assert {"no-belong", "restless"} <= t.tags, d
        lines = _sung(d)
        assert not any(re.search(r"in my bones|lucky one|came home after all|keep your city lights", x) for x in lines), d
        assert any(re.search(r"same old|too small|stoplight|bag packed|prove them wrong", x) for x in lines), d
    assert "stay" in read_topic("a song about being stuck in a small town with big dreams").tags
    stuck = _sung("a song about being stuck in a small town with big dreams")
    assert not any(re.search(r"fire escape|buses|subway|neon", x) for x in stuck)  # a small town is no city
    fond = _sung("a country song about my small town")
    assert "restless" not in read_topic("a country song about my small town").tags
    assert any(re.search(r"in my bones|main street|lucky one", x) for x in fond)


def test_a_boss_who_takes_the_credit_and_the_parents_anniversary_of_a_guest():
    lines = _sung("an angry song about my boss who takes credit for my work")
    assert any(re.search(r"you take the praise|plan i planned|nowhere on the page|walk out the door|count to ten", x)
               for x in lines)
    assert "guest" in read_topic("a song about my parents' 40th anniversary").facts
    assert "guest" in read_topic("my grandparents' fiftieth wedding anniversary").facts
    assert "guest" not in read_topic("a song for my wife on our anniversary").facts
    assert not any(re.search(r"you wear my sweater|slow dance in the kitchen", x)
                   for x in _sung("a song about my parents' 40th anniversary"))


def test_a_thing_sunk_stolen_or_towed_is_lost_and_its_title_says_what_was_done():
    assert read_topic("a sad song about an old fisherman whose boat sank").lost_things == frozenset({"boat"})
    assert read_topic("my mom's old car that finally broke down").lost_things == frozenset({"car"})
    assert read_topic("a song about my truck that got stolen").lost_things == frozenset({"truck"})
    assert read_topic("when the stock market crashed").lost_things == frozenset()
    assert not any("the boat is rocking at the dock" in x for x in _sung("a sad song about an old fisherman whose boat sank"))
    assert read_topic("a song about getting my wisdom teeth pulled").title_candidates[0] == "Getting My Wisdom Teeth Pulled"
    assert read_topic("a song about getting my license").title_candidates[0] == "Getting My License"


def test_a_thing_loved_is_no_lover_and_a_friend_who_died_is_mourned():
    t = read_topic("a song about a dog who loves the beach")
    assert "love" not in t.words and "together" not in t.tags
    assert not any(re.search(r"wear my sweater|just the way you are|sing off key", x)
                   for x in _sung("a song about a dog who loves the beach"))
    assert "love" in read_topic("a song about a boy who loves her").words
    assert "love" in read_topic("a song about falling in love").words
    friend = "a sad piano song about my best friend who passed away in a car accident"
    assert theme_weights(read_topic(friend))["grief"] >= STRONG
    assert not any(re.search(r"help me move for the third time|always pick up when i call|show up before i even call", x)
                   for x in _sung(friend))
    assert theme_weights(read_topic("a slow sad song about missing home"))["grief"] < STRONG


def test_last_spring_is_when_not_what():
    d = "a song about my grandpa who passed away last spring"
    t = read_topic(d)
    assert t.title_candidates[:2] == ("My Grandpa Who Passed Away Last Spring", "My Grandpa Who Passed Away")
    assert write_song(d, seed=0, form=default_form("pop"))[0] == "My Grandpa Who Passed Away"
    assert theme_weights(t).get("seasons", 0.0) < STRONG
    assert "Took Last Summer" not in read_topic("a song about the road trip we took last summer").title_candidates


def test_battling_an_illness_is_no_war_and_a_loved_ones_illness_is_sung():
    weights = theme_weights(read_topic("a song about my wife who is battling cancer"))
    assert weights["illness"] >= STRONG and weights.get("war", 0.0) < STRONG
    assert theme_weights(read_topic("soldiers who fight in the war"))["war"] >= STRONG
    assert not any(re.search(r"miss the road i used to roam|tell the kids i'm doing fine", x)
                   for x in _sung("a song about my wife who is battling cancer"))
    assert read_topic("a summer song about driving with the windows down").title_candidates[0] == \
        "Driving with the Windows Down"


def test_time_going_by_is_a_song_of_its_own():
    t = read_topic("a song about time going by too fast")
    assert "timepassing" in t.themes and t.title_candidates == ("Time Going by Too Fast",)
    assert "fast" not in t.words
    assert read_topic("a song about how fast time flies").title_candidates == ("How Fast Time Flies",)
    assert read_topic("a song about my kids growing up and the years slipping by").title_candidates[:2] == \
        ("Growing Up", "The Years Slipping By")
    lines = _sung("a song about time going by too fast")
    assert not any("traffic" in x for x in lines)
    assert any(re.search(r"slow down|blink|calendar|clock|years", x) for x in lines)


def test_first_steps_are_watched_awake():
    for d in ("a song about my daughter learning to walk", "a baby's first steps in the living room"):
        assert "firststeps" in read_topic(d).themes, d
        lines = _sung(d)
        assert any(re.search(r"wobble|one step, two steps|coffee table|bump your knee|walking now|little wings", x)
                   for x in lines), d
        assert not any(re.search(r"tuck you in|running down the hall|pack your bags|close your eyes", x) for x in lines), d
    assert "firststeps" not in read_topic("a song about walking my dog in the rain").themes


def test_a_son_who_joins_the_marines_is_waited_for_and_a_girls_night_goes_out():
    t = read_topic("a song about my son joining the marines")
    assert "athome" in t.tags and theme_weights(t)["war"] >= STRONG
    assert not any(re.search(r"toys are all across the floor|running down the hall", x)
                   for x in _sung("a song about my son joining the marines"))
    t = read_topic("an upbeat song about a girls' night out")
    assert "nightout" in t.themes
    lines = _sung("an upbeat song about a girls' night out")
    assert any(re.search(r"getting ready|back seat|diner late|my girls|dance floor|us tonight", x) for x in lines)
    assert not any(re.search(r"no one else about|stars don't care about my name", x) for x in lines)


def test_a_runaway_belongs_nowhere():
    assert {"no-belong", "go"} <= read_topic("a song about a runaway teenager sleeping in the bus station").tags
    assert "no-belong" not in read_topic("a song about my hometown").tags


def test_wanting_to_be_is_not_being_and_a_rescue_dog_is_a_pet_and_a_widower_was_not_left():
    t = read_topic("a song about a teenage girl who wants to be a pilot")
    assert t.aspired == frozenset({"pilot"}) and "dream" in t.themes and "no-showbiz" in t.tags
    assert theme_weights(t).get("flight", 0.0) < STRONG
    lines = _sung("a song about a teenage girl who wants to be a pilot")
    assert not any(re.search(r"checklist|gauges|thousand feet|runway|the strip|towers", x) for x in lines)
    assert not any(re.search(r"my songs on sunday|count my tips|name up in the lights", x) for x in lines)
    assert "no-showbiz" not in read_topic("a song about a boy who dreams of being a singer").tags
    weights = theme_weights(read_topic("a happy song about adopting a rescue dog"))
    assert weights["pets"] >= STRONG and weights.get("adoption", 0.0) == 0.0 and weights.get("duty", 0.0) == 0.0
    dog = _sung("a happy song about adopting a rescue dog")
    assert not any(re.search(r"call comes in|siren|dispatch|uniform", x) for x in dog)
    assert theme_weights(read_topic("a song about our adopted daughter"))["adoption"] >= STRONG
    assert "no-brokenup" in read_topic("a sad song about a lighthouse keeper who lost his wife").tags
    assert not any(re.search(r"ring i should have thrown|drive past your street|take it back if i could", x)
                   for s in (0, 1) for x in _sung("a sad song about a lighthouse keeper who lost his wife", s))
