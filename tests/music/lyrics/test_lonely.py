"""Loneliness and hope as subjects (helper lonely): how each is named (a phrase, never the style word alone), what it
never fires for (a lonely or hopeful song about something else, a child alone at school, home missed, a love gone, a
death, a song of faith, an illness cared for), the lines each kind keeps to itself, and solitude never welcomed in a
lonely song."""

from tests.music.lyrics.lines import couplet_counts, sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.clash import contradictions
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

CROWD = "a song about being lonely in a crowded room"
PARTY = "an indie song about feeling lonely at a party full of people"
EMPTY = "empty apartment, phone that never rings, sad piano ballad"
CITY = "my first night in Chicago where I don't know a single person"
DINNER = "a lofi song about eating dinner alone and not talking to anyone all day"
CALL = "acoustic song about finally calling an old friend after months of feeling alone"
HOPE = "a song about hope after a really hard year"
SUNNY = "a feel good song about good vibes and sunshine"
THANKS = "a reggae song about being thankful for the simple things in life"


def test_theme_sizes():
    assert couplet_counts(["lonely", "hope"]) == {"lonely": 56, "hope": 40}


def test_loneliness_and_hope_named_as_the_song():
    assert {"lonely", "lonelycrowd"} <= read_topic(CROWD).themes
    assert {"lonely", "lonelycrowd"} <= read_topic(PARTY).themes and "lonelyalone" not in read_topic(PARTY).themes
    assert {"lonely", "lonelyalone"} <= read_topic(EMPTY).themes
    assert {"lonely", "lonelycity"} <= read_topic(CITY).themes
    assert {"lonely", "lonelyeat"} <= read_topic(DINNER).themes
    assert {"lonely", "lonelyreach"} <= read_topic(CALL).themes
    assert {"lonely", "lonelyalone"} <= read_topic("talking to no one all day").themes
    assert {"lonely", "lonelyalone"} <= read_topic("a song about lonely nights").themes  # (the plural: loneliness)
    assert {"lonely", "lonelycrowd"} <= read_topic("i feel so alone even with people around").themes
    assert {"hope", "hopeafter"} <= read_topic("a song about hope").themes
    assert {"hope", "hopeafter"} <= read_topic("an uplifting pop song about better days ahead").themes
    assert {"hope", "hopesun"} <= read_topic(SUNNY).themes
    assert {"hope", "hopethanks"} <= read_topic(THANKS).themes
    for d in (CROWD, EMPTY, CITY, DINNER):
        w = theme_weights(read_topic(d))
        assert w["lonely"] == 2 * STRONG and w["lonely"] > max(v for n, v in w.items() if n != "lonely"), d
    for d in (HOPE, SUNNY, THANKS):
        assert theme_weights(read_topic(d))["hope"] == 2 * STRONG, d
    # what a lonely song is not: the party's dance, a glad first flat, a lofi song's blanket and tea
    assert theme_weights(read_topic(PARTY))["festival"] == 0.0
    assert theme_weights(read_topic(EMPTY))["newstart"] == 0.0
    assert theme_weights(read_topic(DINNER))["calm"] == 0.0
    # the darkest winter of one's life is no cosy snow
    assert theme_weights(read_topic("a song about the light coming back after the darkest winter of my life"))[
        "winter"] == 0.0


def test_never_named_where_another_theme_sings_it():
    for d in ("a lonely song about the night bus home", "a pop song about dancing alone in my room",
              "emo song about sitting alone at lunch", "feeling lonely and invisible at school",
              "a lonely song about spending christmas by myself in a city far from home", "so lonely since she left me",
              "lonely since my wife passed away", "an indie song about the first night alone in my own place",
              "a lonely night in a motel off the highway",
              "a sad song about feeling lonely after my best friend moved away"):
        assert "lonely" not in read_topic(d).themes, d
    for d in ("a hopeful song about my grandmother's garden", "gospel song about hope in hard times",
              "gospel song about finding hope after losing my job",
              "a soul song about the good days and the bad days looking after my father with dementia",
              "a song about hope for my son who is struggling"):
        assert "hope" not in read_topic(d).themes, d
    w = theme_weights(read_topic("a hopeful song about my grandmother's garden"))
    assert w["garden"] >= STRONG and w["hope"] == 0.0
    # a sunny free day is the colour of a song about something else: the dog's song
    w = theme_weights(read_topic("a sunny afternoon in the park with my dog"))
    assert w["pets"] >= STRONG > w["hope"]


def test_each_kind_keeps_its_own_lines():
    party = theme_lines(PARTY, {"lonely"})
    assert "oh a room full of people and I'm on my own" in party
    assert "and I cook for one and eat it standing up" not in party  # (the home's, not the crowd's)
    empty = theme_lines(EMPTY, {"lonely"})
    assert "and I cook for one and eat it standing up" in empty
    assert not {"oh a room full of people and I'm on my own", "oh it only takes one call",
                "and I don't know a single soul in town", "and I work all day from my kitchen chair"} & empty
    assert "oh a million windows, every one aglow" in theme_lines(CITY, {"lonely"})
    call = theme_lines(CALL, {"lonely"})
    assert "oh it only takes one call" in call and "and I set one plate and pour one glass" not in call
    assert "and I set one plate and pour one glass" in theme_lines(DINNER, {"lonely"})
    # a first night is no days or weeks alone; working from home alone is no shift with a boss
    assert "and I've been telling it for days" not in theme_lines(CITY, {"lonely"})
    assert "and I've been telling it for days" in theme_lines(EMPTY, {"lonely"})
    assert theme_weights(read_topic("a bedroom pop song about working from home and not seeing anyone for weeks"))[
        "work"] == 0.0
    hope, sunny, thanks = (theme_lines(d, {"hope"}) for d in (HOPE, SUNNY, THANKS))
    assert "oh better days are on their way" in hope and "oh it's a sunshine kind of day" not in hope
    assert "oh it's a sunshine kind of day" in sunny and "oh better days are on their way" not in sunny
    assert "oh it's the little things, the little things" in thanks and "oh it's the little things, the little things" not in hope
    # no other description's song can sing them: every line is gated by the named theme or its kind
    assert not theme_lines("a pop song about dancing alone in my room", {"lonely", "hope"})
    assert not theme_lines("a hopeful song about my grandmother's garden", {"lonely", "hope"})


def test_solitude_is_never_welcomed_in_a_lonely_song():
    for d in (CROWD, DINNER, "a lonely song about the night bus home"):
        assert "solitude" in contradictions("I'm not afraid to be alone", read_topic(d).facts), d
    assert not contradictions("I'm not afraid to be alone", read_topic("a song about camping in the woods").facts)
    for d in (DINNER, CALL):
        lines = sung_lines(write_song(d, seed=0)[1])
        assert "I'm not afraid to be alone" not in lines and "And I'm making it my own" not in lines, d


def test_the_songs_sing_their_subject():
    party = sung_lines(write_song(PARTY, seed=0)[1])
    assert "A room full of people and I'm on my own" in party and "I take it one day at a time" not in party
    hope = sung_lines(write_song(HOPE, seed=0)[1])
    assert "Better days are on their way" in hope and "I take it one day at a time" not in hope
