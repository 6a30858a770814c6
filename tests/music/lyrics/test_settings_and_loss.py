"""A country as the setting, an occasion in a city, a being gone, a time gone by and a love not returned
(none of these descriptions is in a benchmark set)."""

from tests.music.lyrics.lines import sung_lines as _lines
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import Planner, slot_fits, theme_weights, write_song


def _phrase(topic, bare):
    return next(p for p in topic.phrases if p.bare == bare)


def test_a_country_fills_land_lines_a_city_does_not():
    topic = read_topic("fishing with grandpa in Portugal")
    assert slot_fits("land", _phrase(topic, "Portugal"), topic)  # a setting ("in Portugal") too
    away = read_topic("a song about my sister who lives in Spain")  # where she is, not the singer
    assert away.elsewhere == {"Spain"} and not slot_fits("land", _phrase(away, "Spain"), away)
    town = read_topic("a night walk in Tokyo")
    assert not slot_fits("land", _phrase(town, "Tokyo"), town)
    planner = Planner(topic, 0, "fishing with grandpa in Portugal")
    offered = {" ".join(t for t, _ in ln.parts) for ln in planner.lines}
    assert "Portugal is in the way I talk" in offered  # a {land} line: the country, not a city's
    text = write_song("fishing with grandpa in Portugal", seed=0)[1]
    assert "The bobber dances on the lake" in _lines(text)  # and the fishing itself


def test_land_lines_rhyme_and_far_lines_need_a_word_of_distance():
    # (a kin's country: theirs; the land a visitor from the stars stays in: its story's, gated, helper otherworld)
    lands = [e for e in bank().entries if "land" in e.slots and e.theme not in ("heritage", "otherworld")]
    assert len(lands) == 16 and len([e for e in bank().entries if "past" in e.slots]) == 4 and len({e.lines[1].split()[-1] for e in lands}) == 16
    far = [e for e in lands if any(t.startswith("=") and "homesick" in t for t in e.tags)]
    assert len(far) == 5  # "I'm a long way from {land} now": only for one who left, misses or is far


def test_an_occasion_in_a_city_brings_no_city_theme():
    assert theme_weights(read_topic("a wedding in Nairobi"))["city"] < 1.0  # WordNet neighbours only
    assert theme_weights(read_topic("a night walk in Tokyo"))["city"] >= 4.0
    text = write_song("a wedding in Nairobi", seed=0)[1]
    # the wedding's own images (the aisle, the arch, the rice), not the city's subway and corner store
    assert "subway" not in text.lower() and "corner store" not in text.lower()
    assert any(w in text for w in ("aisle", "arch", "rice", "say I do"))


def test_a_late_or_lost_being_is_never_sung_here():
    assert {"lost", "down"} <= read_topic("my late grandmother's garden").tags
    assert {"lost", "down"} <= read_topic("grandpa passed away in june").tags
    assert "lost" not in read_topic("working late at the diner").tags  # late, not a person
    text = write_song("my late grandmother's garden", seed=0)[1].lower()
    assert "she rolls the dough" not in text and "she hums" not in text
    topic = read_topic("losing my dog Max to old age")
    assert "lost" in topic.tags and _phrase(topic, "Max").kind == "animal"
    here = [e for e in bank().entries if "here" in e.tags and e.slots & {"animal", "person"}]
    assert any("{animal} in the hall" in e.lines[0] for e in here)  # "I can hear Max in the hall": here
    text = write_song("losing my dog Max to old age", seed=0)[1]
    assert "Max" in text and "in the hall" not in text


def test_last_spring_is_a_time_gone_by():
    topic = read_topic("the garden we planted last spring")
    last = _phrase(topic, "last spring")
    assert not any(slot_fits(s, last, topic) for s in ("season", "time", "event")) and slot_fits("past", last, topic)
    assert "in the air" not in write_song("the garden we planted last spring", seed=0)[1]
    assert read_topic("the winter we met on the ferry").gone_by == {"winter"}
    assert read_topic("the winter we meet again").gone_by == frozenset()  # a time to come


def test_a_crush_is_not_sung_as_a_couple():
    topic = read_topic("a song about my crush at the bus stop")
    assert "alone" in topic.tags and _phrase(topic, "crush").kind == "person"
    assert "alone" in read_topic("secretly in love with my best friend").tags
    assert "alone" not in read_topic("in love with my best friend").tags
    assert "together" not in read_topic("secretly in love with my best friend").tags
    couple = {ln.replace("<and> ", "").replace("<oh> ", "").lower() for e in bank().entries
              if "together" in e.tags for ln in e.lines}
    for description in ("secretly in love with my best friend", "a song about my crush at the bus stop"):
        sung = {ln.lower() for ln in _lines(write_song(description, seed=0)[1])}
        assert not sung & couple, description


def test_a_crush_on_someone_is_a_state_and_they_are_the_person():
    topic = read_topic("a crush on the girl at the bus stop")
    assert not any(p.head == "crush" for p in topic.phrases)  # a state: no noun slot sings "the crush"
    girl = _phrase(topic, "girl")
    assert (girl.kind, girl.sung, girl.setting) == ("person", "the girl", False)  # not "my girl", not scenery
    assert topic.singer == "" and topic.addressee == "" and {"alone", "untold"} <= topic.tags
    assert "together" not in topic.tags
    # "my crush" is still the one the singer likes, a person
    assert _phrase(read_topic("waving at my crush across the street"), "crush").kind == "person"


def test_a_person_wordnet_lacks_is_a_person_only_as_the_one_loved():
    assert _phrase(read_topic("a crush on the busker by the station"), "busker").kind == "person"
    assert _phrase(read_topic("in love with a vlogger from another town"), "vlogger").kind == "person"
    assert _phrase(read_topic("a busker by the station"), "busker").kind == "thing"  # no love frame: as WordNet
    assert _phrase(read_topic("a crush on the poster on my wall"), "poster").kind == "thing"  # WordNet has it


def test_a_crush_song_sings_the_one_loved_never_the_crush_nor_a_couple():
    couple = {ln.replace("<and> ", "").replace("<oh> ", "").replace("<that> ", "").lower() for e in bank().entries
              if {"together", "shared"} & e.tags for ln in e.lines if "{" not in ln}
    for description, one in (("a crush on the girl at the bus stop", "girl"),
                             ("a crush on the busker by the station", "busker")):
        for seed in range(3):
            sung = [ln.lower() for ln in _lines(write_song(description, seed=seed)[1])]
            assert not [ln for ln in sung if "the crush" in ln or "my girl" in ln], (description, seed)
            assert any(one in ln for ln in sung), (description, seed)
            assert not set(sung) & couple, (description, seed)
            assert "the stories that we'd tell" not in sung and "oh the stories we'd tell" not in sung
