"""Songs about causes (helper causes): climate change and the planet, racism and equality, peace against war,
standing up for someone bullied. How each is named (a phrase, never a word of another sense), what it rules out (the
planet's astronaut, the soldier's own letters, the bullied kid's own voice, a lover), the lines each kind keeps to
itself (a child's song of the earth, a parent's talk, a song of faith), and the titles of its own."""

from tests.music.lyrics.lines import couplet_counts, sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

CLIMATE = "a song about climate change"
PLANET = "an anthem about saving the planet before it's too late"
ICE = "a folk song about the ice melting and the summers getting hotter every year"
SMOKE = "a sad piano ballad about wildfire smoke and the world our children will grow up in"
EARTH_KIDS = "a kids song about taking care of the earth"
RACISM = "a rap song about racism, being judged by my skin and my name, and history repeating itself"
GOSPEL = "a gospel song about equality and all of us standing together"
TALK = "a soul song about a mother having the talk with her young son about racism"
SAME_KIDS = "a kids song about how we're all the same inside no matter what color we are"
ANTIWAR = "an anti war folk song about the mothers of the soldiers on both sides"
LAYDOWN = "a peace song asking everyone to lay down their weapons"
STANDUP = "a pop song about standing up for the kid who gets bullied at school"
CAUSE_THEMES = ("climate", "equality", "peace", "standup")


def test_theme_sizes():
    assert couplet_counts(CAUSE_THEMES) == {"climate": 42, "equality": 59, "peace": 29, "standup": 24}


def test_causes_named_as_the_song():
    for d in (CLIMATE, PLANET, ICE, SMOKE):
        assert {"climate", "climategrown"} <= read_topic(d).themes, d
    assert {"climate", "climatekid"} <= read_topic(EARTH_KIDS).themes
    assert "climategrown" not in read_topic(EARTH_KIDS).themes
    assert {"equality", "equalitygrown"} <= read_topic(RACISM).themes
    assert {"equality", "equalitygrown", "equalityfaith"} <= read_topic(GOSPEL).themes
    assert {"equality", "equalitygrown", "equalitytalk"} <= read_topic(TALK).themes
    assert {"equality", "equalitykid"} <= read_topic(SAME_KIDS).themes
    for d in (ANTIWAR, LAYDOWN, "a song for world peace", "no more war"):
        assert {"peace", "peacegrown"} <= read_topic(d).themes, d
    assert {"standup", "standupgrown"} <= read_topic(STANDUP).themes
    assert "standup" in read_topic("speaking up for my friend who gets picked on").themes
    for d, name in ((CLIMATE, "climate"), (PLANET, "climate"), (SMOKE, "climate"), (EARTH_KIDS, "climate"),
                    (RACISM, "equality"), (GOSPEL, "equality"), (TALK, "equality"), (SAME_KIDS, "equality"),
                    (ANTIWAR, "peace"), (LAYDOWN, "peace"), (STANDUP, "standup")):
        w = theme_weights(read_topic(d))
        assert w[name] == 3 * STRONG and w[name] > max(v for n, v in w.items() if n != name), d


def test_never_named_by_a_word_of_another_sense():
    for d in ("a superhero song about saving the world", "an astronaut looking back at the earth",
              "a song about peace and quiet on a sunday morning", "a rock anthem about standing up for myself",
              "a sad song about being the new kid nobody talks to", "a song about getting revenge on the bully from high school",
              "song about my grandpa's stories from the war", "a country song about a veteran coming home from the war",
              "an indie song about painting my bedroom a new color after the breakup", "a kids song about the colors of the rainbow",
              "a love song about my girlfriend", "a slow sad song about the last night on earth before the world ends"):
        assert not read_topic(d).themes & set(CAUSE_THEMES), d


def test_what_a_cause_rules_out():
    w = theme_weights(read_topic(PLANET))
    assert w["space"] == 0.0 and w["anthem"] == 0.0  # the planet saved is no astronaut's earth, no stage's stock
    assert theme_weights(read_topic(CLIMATE))["rain"] == 0.0
    assert theme_weights(read_topic(SMOKE))["childhood"] == 0.0  # the children's world is no singer's own tire swing
    assert theme_weights(read_topic(GOSPEL))["faith"] == 0.0  # (its own lines of God's children)
    assert theme_weights(read_topic(TALK))["family"] == 0.0
    assert theme_weights(read_topic(SAME_KIDS))["protest"] == 0.0  # a child's song of it: no police line
    assert theme_weights(read_topic(ANTIWAR))["war"] == 0.0  # the mothers' song: no soldier's own letters home
    w = theme_weights(read_topic(STANDUP))
    assert w["unseen"] == 0.0 and w["school"] == 0.0  # the one who stands up sings, not the bullied kid


def test_each_kind_keeps_its_lines():
    grown = "and the smoke rolls in and turns the noon to grey"
    kid = "I turn the tap off while I brush"
    assert grown in theme_lines(SMOKE, {"climate"}) and kid not in theme_lines(SMOKE, {"climate"})
    assert kid in theme_lines(EARTH_KIDS, {"climate"}) and grown not in theme_lines(EARTH_KIDS, {"climate"})
    talk = "I fix your collar and I hold your face"
    faith = "oh we are all God's children, every one"
    assert talk in theme_lines(TALK, {"equality"}) and talk not in theme_lines(RACISM, {"equality"})
    assert faith in theme_lines(GOSPEL, {"equality"}) and faith not in theme_lines(RACISM, {"equality"})
    assert "oh we're all the same inside" in theme_lines(SAME_KIDS, {"equality"})
    assert "and they see my skin before they see my face" not in theme_lines(SAME_KIDS, {"equality"})
    # a mother's own line only where the description has a mother
    mine = "oh two mothers on two sides of the line"
    assert mine in theme_lines(ANTIWAR, {"peace"}) and mine not in theme_lines(LAYDOWN, {"peace"})


def test_no_cause_line_in_another_song():
    for d in ("a love song about summer nights", "a kids song about brushing your teeth", "a happy pop song about my dog",
              "a sad song about being the new kid nobody talks to", "a song about my grandpa's stories from the war",
              "a country song about a veteran coming home from the war", "motivational workout anthem"):
        assert not theme_lines(d, set(CAUSE_THEMES)), d


def test_the_songs():
    _, text = write_song(PLANET, seed=0)
    assert "The red dust settles on my feet" not in text and "Save the planet, save it now" in sung_lines(text)
    _, text = write_song(ANTIWAR, seed=0)
    assert "My boots are heavy with the mud" not in text and "A mother on the other side" in sung_lines(text)
    topic = read_topic(TALK)
    assert (topic.singer, topic.addressee) == ("mother", "young son")  # the mother's voice, to her son
    _, text = write_song(TALK, seed=0)
    assert "You taught me everything I know" not in text and "I prayed my child would be free" in sung_lines(text)
    _, text = write_song(STANDUP, seed=0)
    assert "I eat my lunch behind the gym" not in text and "I won't just watch them make you cry" in sung_lines(text)
    _, text = write_song(EARTH_KIDS, seed=0)
    assert "I plant a seed and watch it grow" in sung_lines(text) and "smoke" not in text.lower()


def test_titles():
    assert write_song(RACISM, seed=0)[0] == "History Repeating"
    assert write_song(SAME_KIDS, seed=0)[0] == "The Same Inside"
    assert write_song(ANTIWAR, seed=0)[0] == "No More War"
    assert write_song(LAYDOWN, seed=0)[0] == "Lay It Down"
    assert write_song(CLIMATE, seed=0)[0] == "Climate Change"
