"""Songs of being a teenager (helper teen): each kind named by its phrases (being sixteen, the group chat, a crush at
school, senior year, the pressure, a parent's song to a teenager), the teen's own voice kept apart from a parent's,
what never names them (a freedom song, a grown-up looking back, learning to drive, a crush at work), and the lines each
kind keeps to itself."""

from tests.music.lyrics.lines import couplet_counts, sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

TEEN = "a song about being a teenager"
SIXTEEN = "pop punk song about being sixteen and my parents just don't get me"
DOOR = "angsty alt rock song about slamming my bedroom door and putting my headphones on"
CHAT = "upbeat pop song about my best friends and our group chat"
CRUSH = "a cute pop song about my first crush, the boy who sits behind me in math class"
SUMMER = "a nostalgic country song about our last summer before college"
SENIOR = "indie anthem about senior year with my best friends, prom and graduation coming"
PRESSURE = "a rap about the pressure of being a teenager, grades, social media and trying to fit in"
MOM = "a mom's song to her teenage daughter about letting her grow up"
DAD = "a country ballad from a dad to his sixteen year old son who keeps his door shut"


def test_theme_size():
    assert couplet_counts(["teen"]) == {"teen": 68}


def test_kinds_named():
    assert {"teen", "teenlife"} <= read_topic(TEEN).themes
    assert {"teen", "teenlife"} <= read_topic(SIXTEEN).themes
    assert {"teen", "teenlife"} <= read_topic(DOOR).themes
    assert {"teen", "teenfriends"} <= read_topic(CHAT).themes
    assert {"teen", "teencrush"} <= read_topic(CRUSH).themes
    assert {"teen", "teensenior"} <= read_topic(SUMMER).themes
    assert {"teen", "teensenior"} <= read_topic(SENIOR).themes
    assert {"teen", "teenpressure"} <= read_topic(PRESSURE).themes
    assert {"teen", "teenpressure"} <= read_topic("sad piano ballad about teenage anxiety").themes
    assert {"teen", "teenparent"} <= read_topic(MOM).themes
    assert {"teen", "teenparent", "kidteen"} <= read_topic(DAD).themes  # (the door kept shut: the parent's moment too)
    for d in (TEEN, SIXTEEN, CHAT, SUMMER, PRESSURE, MOM):
        w = theme_weights(read_topic(d))
        assert w["teen"] == 3 * STRONG and w["teen"] > max(v for n, v in w.items() if n != "teen"), d
    # a crush at school alone shares its song with the love theme's crush not told (no more than it)
    w = theme_weights(read_topic("k-pop song about a secret crush in class"))
    assert w["teen"] == STRONG and w["love"] >= STRONG
    # and a teenager who shuts a parent out is the parenthood theme's moment: the letting go beside it only where the
    # door is named
    w = theme_weights(read_topic(DAD))
    assert w["teen"] == STRONG and w["parenthood"] == 2 * STRONG
    assert "teenparent" not in read_topic("a sad song about my teenage son who won't talk to me anymore").themes
    # the school bell, a punk stage and a child's tree house are no teenager's song
    assert theme_weights(read_topic(TEEN))["school"] == 0.0
    assert theme_weights(read_topic(SIXTEEN))["anthem"] == 0.0
    assert theme_weights(read_topic("rap about being fifteen, not a kid anymore but not grown up either"))[
        "childhood"] == 0.0


def test_voices_kept_apart():
    # a parent sings none of the teen's own lines; the pressure is sung sad and is the pressure's alone
    assert read_topic(MOM).themes.isdisjoint({"teenlife", "teenfriends", "teencrush", "teensenior", "teenpressure"})
    assert "teenlife" not in read_topic(PRESSURE).themes and "down" in read_topic(PRESSURE).tags
    mom = theme_lines(MOM, {"teen"})
    assert "and nobody in this house gets me" not in mom and "oh I have to let you grow" in mom
    teen = theme_lines(SIXTEEN, {"teen"})
    assert "oh I have to let you grow" not in teen and "and nobody in this house gets me" in teen


def test_never_named():
    for d in ("a rebellious pop punk song about sneaking out past curfew at sixteen",  # (the freedom theme's)
              "punk song about a teenager who's sick of the rules",
              "a song about when I was sixteen", "remembering my teenage years",  # (a grown-up looking back)
              "a sweet pop song about a crush on the girl who works at the library desk",  # (a crush at work)
              "a cute acoustic song about the boy in the next cubicle",
              "the last dance at a high school prom", "a teenager who can't sleep before the final exam",
              "melancholic indie song about growing up", "song about graduating from college"):
        assert "teen" not in read_topic(d).themes, d
    # learning to drive is another theme's, however old the learner
    for d in ("my dad teaching my sixteen year old self to drive", "a blues song about waiting in line at the DMV with "
              "my teenage son"):
        assert "teenparent" not in read_topic(d).themes, d


def test_lines_sung():
    crush = sung_lines(write_song(CRUSH, seed=0)[1])
    assert "You sit so close to me in class" in crush
    # "you sit so close to me" only where the crush sits near
    assert "and you sit so close to me in class" in theme_lines(CRUSH, {"teen"})
    assert "and you sit so close to me in class" not in theme_lines("k-pop song about a secret crush in class",
                                                                         {"teen"})
    chat = sung_lines(write_song(CHAT, seed=0)[1])
    assert "It's a picture of all of us" in chat and "You're the brother I never had" not in chat
    dad = sung_lines(write_song(DAD, seed=0)[1])
    assert "Your door stays shut, the music's loud" in dad and "Your toys are all across the floor" not in dad
    teen = sung_lines(write_song(TEEN, seed=0)[1])
    assert "Nobody in this house gets me" in teen and "The bell rings at half past three" not in teen
    # the prom's and the college letter's lines only where they are named
    assert "and the gym is dressed up for the prom" in theme_lines(SENIOR, {"teen"})
    assert "and the gym is dressed up for the prom" not in theme_lines(SUMMER, {"teen"})
    assert "and my college letter is on the fridge" in theme_lines(SUMMER, {"teen"})
