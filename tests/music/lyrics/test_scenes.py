"""Lines of the description's own situation: scene frames, lines of its own story, genre words as colour."""

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import (Planner, candidates, scene_parts, scenes, story_heads, weather_tags,
                                         write_song)


def _text(line) -> str:
    return " ".join(t for t, optional in line.parts if not optional)


def test_scene_parts_split_the_situation_into_who_what_where_when():
    d = "a college student homesick in the dorm at night"
    parts = scene_parts(read_topic(d), d)
    assert (parts["act"], parts["be"], parts["at"], parts["when"], parts["with"]) == (
        ["homesick"], ["I'm"], ["in the dorm"], ["at night"], [])
    d = "a couple dancing in the kitchen at midnight"  # a couple sings "we"; what they do, not who they are
    parts = scene_parts(read_topic(d), d)
    assert (parts["act"], parts["be"], parts["go"]) == (["dancing"], ["we're"], ["dancing"])


def test_a_person_done_with_is_not_the_singer_and_is_cut_from_the_activity():
    d = "folk song about sailing with grandpa in Portugal"
    topic = read_topic(d)
    assert (topic.singer, topic.addressee) == ("", "grandpa")  # "I" sail with grandpa, sung to as "you"
    assert [_text(ln) for ln in scenes(topic, d)] == [
        "In Portugal, I'm sailing", "you and me, we're sailing in Portugal", "I'm sailing in Portugal with you",
        "you are sailing next to me", "we go sailing in Portugal, you and me", "you are next to me in Portugal"]
    assert {ln.theme for ln in scenes(topic, d)} == {"scene"}
    assert all("together" in ln.tags for ln in scenes(topic, d) if "you" in _text(ln))


def test_scene_frames_need_two_pieces_and_keep_the_facts():
    d = "a college student homesick in the dorm at night"
    texts = [_text(ln) for ln in scenes(read_topic(d), d)]
    assert texts == ["In the dorm, I'm a college student", "In the dorm, I'm homesick", "At night, I'm homesick", "I'm homesick at night",
                     "I'm homesick in the dorm at night", "In the dorm, I'm homesick at night",
                     "At night in the dorm, I'm homesick"]
    assert scenes(read_topic("a baker opening his shop"), "a baker opening his shop") == []  # one piece: the carrier
    d = "my dog who ran away"  # nothing the singer does: no scene
    assert scenes(read_topic(d), d) == []


def test_an_astronaut_looking_back_at_the_earth_is_not_at_the_earth():
    d = "an astronaut looking back at the earth"
    assert not any(_text(ln).lower().startswith("at the earth") for ln in scenes(read_topic(d), d))


def test_a_line_of_the_descriptions_own_story_is_sung_whatever_its_themes_weight():
    topic = read_topic("upbeat pop song for Maya's birthday")
    assert story_heads(topic) == {"maya", "birthday"}
    story = sorted({_text(ln) for ln in candidates(topic) if ln.theme == "story" and not ln.joined})
    assert "the candles go out all too soon" in story and "I keep the candles burning bright" in story
    # a setting, a season or home is where or when, not the story: no firefighter's helmet by the fire, no
    # summer festival for a summer break, no trucker's load for a nurse coming home
    assert story_heads(read_topic("a grandfather telling stories by the fire")) == {"grandfather", "story"}
    assert story_heads(read_topic("a teacher on the last day before summer break")) == {"teacher"}
    assert story_heads(read_topic("a nurse coming home after a double shift")) == {"nurse"}
    for d, word in (("a grandfather telling stories by the fire", "helmet"),
                    ("a teacher on the last day before summer break", "festival"),
                    ("a nurse coming home after a double shift", "hauling")):
        assert not any(word in _text(ln) for ln in candidates(read_topic(d)))


def test_genre_and_mood_words_are_colour_when_the_subject_has_a_theme():
    d = "lofi chill beats about my cat"  # calm (chill, lofi) weighs 8, pets (cat) 4: the cat leads
    planner = Planner(read_topic(d), 0, d)
    assert planner.theme_bonus["calm"] == 0.0 and planner.theme_bonus["pets"] == 0.75
    d = "dreamy chill song for a sunday"  # no subject with a theme: the mood is the song
    assert Planner(read_topic(d), 0, d).theme_bonus["calm"] == 1.5


def test_water_in_the_drain_is_wet_weather():
    assert weather_tags("the water's rushing through the drain") == {"rain", "wet"}


def test_scene_lines_are_sung():
    _, text = write_song("a college student homesick in the dorm at night", seed=0)
    assert {"I'm homesick in the dorm at night", "In the dorm, I'm homesick at night"} & set(text.split("\n"))  # a chorus line
    _, text = write_song("upbeat pop song for Maya's birthday", seed=0)
    assert "The candles go out all too soon" in text.split("\n")


def test_the_one_sung_to_is_called_at_the_head_of_a_line_when_nothing_else_sings_them():
    from topline.music.lyrics.writer import carriers

    d = "a soldier's letter to his wife"
    assert carriers(read_topic(d), d, "wife") == ([], ["my wife"])
    d = "my dog Rex"  # a name given: its own line
    assert carriers(read_topic(d), d, "rex")[1] == []


def test_an_opener_is_not_sung_twice_in_its_line():
    from topline.music.lyrics.writer import Line, _parts

    d = "a college student homesick in the dorm at night"
    planner = Planner(read_topic(d), 0, d)
    planner.used_openers |= {"in the dorm", "at night"}  # the settings are sung: only the forced opener is left
    planner.forced_opener = "at night"
    line = Line(entry=-1, pos=0, theme="scene", roles="V", tags=frozenset(), parts=_parts("I'm homesick at night"),
                filler="")
    assert planner.realise(line, 5)[0] == "I'm homesick at night"
    other = Line(entry=-2, pos=0, theme="scene", roles="V", tags=frozenset(), parts=_parts("I'm homesick"), filler="")
    assert planner.realise(other, 7)[0] == "at night, I'm homesick"


def test_an_and_after_an_opener_is_dropped():
    from topline.music.lyrics.writer import _uncap_and

    assert _uncap_and("and everybody sing") == "everybody sing"
    assert _uncap_and("and I") == "and I"


def test_who_the_singer_is_and_where_make_a_scene_line():
    d = "a taxi driver working nights in New York"
    parts = scene_parts(read_topic(d), d)
    assert (parts["role"], parts["act"], parts["at"], parts["when"]) == (
        ["I'm a taxi driver"], ["working nights"], ["in New York"], [])  # "working nights": no "tonight" besides
    assert [_text(ln) for ln in scenes(read_topic(d), d)] == ["In New York, I'm a taxi driver",
                                                              "In New York, I'm working nights"]


def test_only_a_role_one_has_is_a_scene_piece():
    d = "a girl skateboarding in the park after school"  # a girl is who she is, not a role: no "I'm a girl"
    assert scene_parts(read_topic(d), d)["role"] == []
    d = "a lighthouse keeper alone on an island"
    assert scene_parts(read_topic(d), d)["role"] == ["I'm a lighthouse keeper"]
