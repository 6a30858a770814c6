"""Themes the description calls for, the bank's themes of one subject, and no bare carrier fragments."""

from tests.music.lyrics.lines import candidate_texts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import (STRONG, Line, Planner, _parts, anchored, carriers, is_fragment,
                                         moving_away, story_heads, theme_weights, write_song)


def _texts(description: str) -> set[str]:
    return candidate_texts(description, lower=True)


def _carry(text: str, theme: str = "carry+") -> Line:
    parts = (("and", True), ("now", True), *((w, False) for w in text.split()))
    return Line(entry=-1, pos=0, theme=theme, roles="VBP", tags=frozenset(), parts=parts, filler="")


def test_a_mood_word_among_the_descriptions_own_words_is_a_thing_not_the_mood():
    # "metal" names the song's mood only as a style word; a metal box is a plain key (2), not the anthem's subject
    assert theme_weights(read_topic("a metal box of old letters under the bed"))["anthem"] == 2.0
    assert theme_weights(read_topic("heavy metal song about a dragon"))["anthem"] == 4.0
    assert theme_weights(read_topic("the night the power went out in our street"))["anthem"] == 2.0


def test_a_small_town_is_no_song_of_leaving_by_itself():
    assert theme_weights(read_topic("a small town girl who dreams of the stage"))["leaving"] == 2.0
    assert theme_weights(read_topic("leaving a small town for the first time"))["leaving"] == 4.0


def test_a_singer_moving_away_sings_no_line_of_belonging():
    cases = {"pop song about moving to Lisbon by myself": True, "leaving a small town for the first time": True,
             "folk song about emigrating to Australia alone at twenty": True,
             "moving back in with my parents after losing my job": False,  # back home: one belongs there
             "my best friend moving to another country": False,  # the friend moves, not the singer
             "driving home after a night shift": False}
    assert {d: moving_away(read_topic(d), d) for d in cases} == cases
    d = "pop song about moving to Lisbon by myself"
    planner = Planner(read_topic(d), 0, d)
    assert "away" in planner.topic.tags
    assert not any("belong" in ln.tags for ln in planner.lines)
    assert "away" not in Planner(read_topic("rain in the city at night"), 0, "rain in the city at night").topic.tags


def test_bare_phrases_with_a_tail_are_fragments_clauses_are_not():
    fragments = ["at mile twenty, I know", "I'm a hiker, I know", "the video calls again", "in New York, I know",
                 "there's a horse named Blue, I know", "when I was seven, I know", "with nothing again"]
    clauses = ["I'm teaching you to ride a bike, I know", "I'm lost in the mountains, I know", "I'm opening my shop again",
               "it finally broke down, I know", "my cat is asleep, I know", "the puppy's afraid of lightning, I know",
               "we won the championship, I know"]
    assert [is_fragment(_carry(t)) for t in fragments] == [True] * len(fragments)
    assert [is_fragment(_carry(t)) for t in clauses] == [False] * len(clauses)
    assert not is_fragment(_carry("at mile twenty", theme="carry"))  # no tail: a phrase opening a line, not a line


def test_the_singer_named_by_a_noun_phrase_is_sung_as_i():
    d = "a grandfather telling stories by the fire"
    lines, _ = carriers(read_topic(d), d, "grandfather")
    assert " ".join(t for t, o in lines[0].parts if not o) == "I'm a grandfather"
    d = "a college student homesick in the dorm at night"
    lines, _ = carriers(read_topic(d), d, "student")
    assert " ".join(t for t, o in lines[0].parts if not o) == "I'm a college student"


def _opened(description: str, opener: str, line: str, syllables: int) -> str:
    """A stock line as the planner realises it when ``opener`` must open a line."""
    planner = Planner(read_topic(description), 0, description)
    planner.forced_opener, planner.must_sing = opener, True
    stock = Line(entry=-1, pos=0, theme="stock", roles="V", tags=frozenset(), parts=_parts(line), filler="")
    return planner.realise(stock, syllables)[0]


def test_who_the_singer_is_opens_only_a_line_the_singer_sings():
    d = "a grandfather telling stories by the fire"
    assert _opened(d, "a grandfather", "the day is done", 8) == "the day is done"
    assert _opened(d, "a grandfather", "I know the way", 8) == "a grandfather, I know the way"


def test_subjects_with_themes_of_their_own():
    assert theme_weights(read_topic("when we finally paid off the house"))["house"] >= STRONG
    assert theme_weights(read_topic("country ballad about a horse named Blue"))["horse"] >= STRONG
    fire = theme_weights(read_topic("a grandfather telling stories by the fire"))
    assert fire["fireside"] >= STRONG and fire["duty"] < STRONG  # a fire to sit by is not a firefighter's
    assert theme_weights(read_topic("a beekeeper checking her hives in the spring"))["growing"] >= STRONG
    assert theme_weights(read_topic("a boxer training for his last fight"))["sport"] >= STRONG


def test_lines_of_one_trade_or_sport_need_its_words():
    bees = _texts("a beekeeper checking her hives in the spring")
    assert any("the hive is humming" in t for t in bees)
    assert not any("seedlings" in t or "watering jug" in t for t in bees)  # a gardener's lines
    boxer = _texts("a boxer training for his last fight")
    assert any("count to ten" in t for t in boxer)
    assert not any("best team in the land" in t or "the game's begun" in t or "lungs on fire" in t for t in boxer)
    team = _texts("the night our team won the championship")
    assert any("best team in the land" in t for t in team) and not any("count to ten" in t for t in team)
    gardener = _texts("a gardener waiting for the first tomatoes of july")
    assert any("seedlings" in t for t in gardener)
    assert not any("he planted these the year we met" in t for t in gardener)  # a garden kept for someone gone
    assert any("he planted these the year we met" in t for t in
               _texts("a widow planting roses in her late husband's garden"))


def test_songs_without_a_bank_theme_before_sing_their_own_subject():
    _, text = write_song("when we finally paid off the house", seed=0)
    lines = text.split("\n")
    assert "The paper says the house is ours" in lines
    assert "I take it one day at a time" not in lines
    _, text = write_song("a hiker lost in the mountains during a storm", seed=0)
    assert "And I'm a hiker, I know" not in text.split("\n")


def test_a_town_is_no_story_of_its_own():
    # "=home,town" marks a road line of driving home; a small town's football team is not that story
    assert story_heads(read_topic("anthem for our small town football team winning the cup")) == {"cup", "team"}
    assert not any("ten miles out of town" in t for t in _texts("anthem for our small town football team winning the cup"))
    assert "I'm a teenager" in [" ".join(t for t, o in ln.parts if not o) for ln in carriers(
        read_topic("a teenager who can't sleep before the final exam"), "a teenager who can't sleep before the final exam",
        "teenager")[0]]


def test_a_word_after_a_preposition_no_phrase_took_opens_a_line():
    d = "a doctor on call through a quiet winter night"
    assert carriers(read_topic(d), d, "call") == ([], ["on call"])


def test_the_sun_is_no_spot_to_sit_at():
    texts = _texts("a cat asleep in the afternoon sun")
    assert not any("at the afternoon sun" in t for t in texts)
    assert any("my cat is stretching in the sun" in t for t in texts)


def test_a_description_noun_sung_as_a_verb_anchors_no_line():
    topic = read_topic("the last dance at a high school prom")  # "dance" is a noun here
    assert not anchored("we dance until our feet are sore", topic)
    assert anchored("the last dance is slow", topic)
    assert anchored("we dance until our feet are sore", read_topic("a robot learning to dance"))


def test_frames_that_only_drop_a_word_in_are_gone():
    texts = _texts("a taxi driver working nights in New York") | _texts("my dad teaching me to fish at the lake")
    assert not any("in this town" in t or "trying to get by" in t or "you're the reason why" in t
                   or "if you could only see" in t for t in texts)
    # nor "I can feel {feeling} rising up in me" ("I can feel friendship rising up in me"); the word is still sung
    assert not any("rising up in me" in t for t in _texts("happy pop song about friendship"))
    assert "friendship" in write_song("happy pop song about friendship", seed=0)[1].lower()


def test_a_phrase_opens_a_stock_line_only_where_the_singer_is_its_subject():
    d = "a firefighter's last day before retiring"
    assert _opened(d, "before retiring", "the night has won", 9) == "the night has won"
    assert _opened(d, "before retiring", "I know the way", 9) == "before retiring, I know the way"


def test_line_ends_are_cached_and_immutable():
    from topline.music.lyrics.writer import end_word, line_ends
    assert line_ends("at night, I'm homesick") == frozenset({"night", "homesick"})
    assert line_ends("at night, I'm homesick") is line_ends("at night, I'm homesick")  # cached: one object
    assert end_word("I'm coming home, oh") == "oh" and end_word("") == ""


def test_a_lone_mechanic_passes_no_wrenches_hand_to_hand():
    alone = _texts("a mechanic who fixes everyone's car but his own")
    assert not any("we pass the wrenches" in t or "we lean on them" in t for t in alone)
    assert any("i lean on them with all my might" in t for t in alone)
    assert any("we pass the wrenches" in t for t in _texts("two brothers fixing an old car in the garage"))


def test_one_who_retires_is_going_not_here_to_stay():
    d = "a firefighter's last day before retiring"
    planner = Planner(read_topic(d), 0, d)
    assert "go" in planner.topic.tags
    assert not any("stay" in ln.tags for ln in planner.lines)  # no "I know the way / I'm here to stay"


def test_a_genre_named_house_is_the_music_not_a_song_about_a_house():
    assert theme_weights(read_topic("chill house track about one summer in Ibiza"))["house"] == 0.0
    assert theme_weights(read_topic("deep house song about dancing till sunrise"))["house"] == 0.0
    assert theme_weights(read_topic("a song about the house I grew up in"))["house"] >= STRONG


def test_two_names_joined_by_and_are_they_in_their_relative_clause():
    d = "a wedding song for Ana and Leo, who met at a bus stop"
    lines, _ = carriers(read_topic(d), d, "meet")
    assert [" ".join(p for p, _ in ln.parts) for ln in lines] == [
        "and they met", "and they met, I know", "and they met, it's true", "and they met at a bus stop",
        "and they met at a bus stop, I know", "and they met at a bus stop, it's true"]
