"""A family's migration and heritage (helper heritage): how it is named (the one who came, sung to or of by their
child or grandchild; the singer's own move abroad alone), what it never fires for (a soldier come back, someone of
one's own far away now, a move across town), the voice its lines keep, and each story's lines kept to its story."""

from tests.music.lyrics.lines import couplet_counts, sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights

GRANDMA = "a song about my grandma who came to america with nothing"
FATHER = "a country song about my father who crossed the border at seventeen"
SHIP = "a piano ballad about my grandparents who left italy on a ship"
FIRSTGEN = "a hip hop song about being the first generation born here"
ACCENT = "an r&b song about my mother's accent and how i used to be embarrassed by it"
RECIPES = "a warm song about my mom's recipes from back home"
CANADA = "a song about moving to canada alone at twenty with one suitcase"
PHOTOS = "a song about the old photos of my family back in the philippines"


def test_theme_size():
    assert couplet_counts(["heritage"]) == {"heritage": 99}


def test_heritage_named_and_its_voice():
    for d in (GRANDMA, FATHER, SHIP, "a folk song thanking my parents who immigrated so i could have a better life"):
        assert {"heritage", "herkin", "heryou"} <= read_topic(d).themes, d  # sung to the one who came
    for d in (FIRSTGEN, ACCENT, RECIPES, PHOTOS, "a ballad about my grandfather's village in the old country",
              "an indie song about speaking spanish at home and english at school",
              "a song about visiting my parents' homeland for the first time", "being a child of immigrants",
              "my great grandmother who came over on a boat from ireland"):
        t = read_topic(d)
        assert {"heritage", "herkin"} <= t.themes and "herself" not in t.themes, d
    assert {"herof"} <= read_topic(FIRSTGEN).themes and "heryou" not in read_topic(FIRSTGEN).themes
    t = read_topic(CANADA)
    assert {"heritage", "herself"} <= t.themes and "herkin" not in t.themes  # the singer's own move
    assert "herself" in read_topic("i immigrated to the us at 19 with one suitcase").themes
    w = theme_weights(read_topic(GRANDMA))
    assert w["heritage"] >= 8.0 and w["abroad"] == 0.0 and w["homesick"] == 0.0


def test_heritage_never_fires_for_a_soldier_come_back_kin_far_away_or_a_move_at_home():
    for d in ("a song about my dad who came back from Afghanistan different",
              "a folk song about my mom who went back to the philippines to live",
              "a sad song about my little brother who moved to germany for work",
              "a bittersweet song about my grandparents in india that we only visit every few years",
              "pop song about moving to Tokyo alone at nineteen", "moving into my first apartment",
              "my grandmother's kitchen on a Sunday morning", "a song about my grandma who raised me"):
        assert not read_topic(d).themes & {"heritage", "herkin", "herself"}, d


def test_each_story_keeps_its_own_lines():
    ship = theme_lines(SHIP, {"heritage"})
    assert "and three weeks at sea, the ocean wide" in ship
    assert "and you crossed the border in the night" not in ship  # a border's night is the father's
    father = theme_lines(FATHER, {"heritage"})
    assert "and you crossed the border in the night" in father and "and three weeks at sea, the ocean wide" not in father
    assert not any("she" in ln.split() for ln in theme_lines(GRANDMA, {"heritage"}))  # grandma is "you"
    # the mother of the accent is "she" (no one is "you"); the recipes' lines are the kitchen's, not the accent's
    accent = theme_lines(ACCENT, {"heritage"})
    assert "and I used to wince at how she spoke" in accent and not any("you" in ln.split() for ln in accent)
    assert "and she measures nothing, she just knows" not in accent
    assert "and she measures nothing, she just knows" in theme_lines(RECIPES, {"heritage"})
    # the first generation's lines are theirs: no newcomer's "I practise hello in the mirror"
    firstgen = theme_lines(FIRSTGEN, {"heritage", "abroad"})
    assert "oh I'm the first one born on this side" in firstgen and "oh I practise hello in the mirror" not in firstgen
    # one's own move keeps the newcomer's voice, never a grandchild's thanks
    canada = theme_lines(CANADA, {"heritage"})
    assert "oh I came with one bag and a name" in canada and "oh I'm the better life you came to find" not in canada


def test_a_kins_country_is_sung_by_name_in_their_story():
    text = write_song(GRANDMA, seed=0)[1]
    lines = sung_lines(text)
    assert "America never learned to say your name" in lines
    assert "I would walk it all again" not in lines  # the stock of the start tree
    assert "You still dream of Italy in your sleep" in sung_lines(write_song(SHIP, seed=0)[1])
    assert "The Philippines is smiling in a frame" in sung_lines(write_song(PHOTOS, seed=0)[1])
