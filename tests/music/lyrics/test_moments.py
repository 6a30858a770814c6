"""A child just born, a parent with dementia and a night in with one's partner (helper moments): how each is named,
what it rules out, the lines its gates open, and the reading fixes beside them."""

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import make_title, theme_weights


def test_theme_sizes():
    assert couplet_counts(["newborn", "nightin"]) == {"newborn": 20, "nightin": 18}


def test_newborn_named_and_never_walks():
    for d in ("a song about the first time I held my son", "the day you were born, sung to my newborn daughter",
              "hearing my baby's first cry in the delivery room", "your tiny hand wrapped around my finger"):
        t = read_topic(d)
        assert "newborn" in t.themes and "no-walks" in t.tags, d
        assert "no-you" not in t.tags, d  # the baby is sung to
    held = candidate_texts("a song about the first time I held my son")
    assert "and you're running down the hall to me" not in held
    assert "oh your muddy boots are by the door" not in held
    assert "I count ten fingers and ten toes" in held
    assert "newborn" not in read_topic("the first time I held my guitar").themes
    assert "newborn" not in read_topic("a song about my son's first steps").themes
    assert "newborn" not in read_topic("my new baby brother").themes  # the older child's song (newsibling)
    assert "newborn" not in read_topic("a lullaby for my newborn nephew").themes  # a lullaby, no birth


def test_newborn_rules_out_and_weeps_for_joy():
    t = read_topic("an emotional piano song about hearing my baby's first cry in the delivery room")
    assert "no-down" in t.tags  # no cold coffee, no empty house
    w = theme_weights(t)
    assert w["longing"] == w["expecting"] == w["newsibling"] == 0.0 and w["newborn"] > w["family"]
    assert "no-down" not in read_topic("a sad song about the day you were born").tags


def test_dementia_said_without_the_word():
    for d in ("my mother calling me by my aunt's name", "my mom who doesn't know who I am anymore",
              "my dad with alzheimer's", "she forgets my name"):
        t = read_topic(d)
        assert "illness" in t.themes and "no-asever" in t.tags, d
    assert "illness" not in read_topic("call me by my name").themes
    aunt = candidate_texts("an indie song about my mother calling me by my aunt's name")
    assert "oh you don't know who I am today" in aunt and "I hide the car keys in a drawer" in aunt
    assert "my aunt is standing in the door" not in aunt  # no one as they always were
    assert "and she calls me by her sister's name" not in aunt  # sung to her: never "she"
    assert "and you call me by my father's name" not in aunt  # whose name is said
    assert "and you call me by my father's name" in candidate_texts("my dad with dementia")
    w = theme_weights(read_topic("an indie song about my mother calling me by my aunt's name"))
    assert w["expecting"] == w["techhelp"] == 0.0 and w["illness"] >= 4.0


def test_looking_after_is_no_looking():
    t = read_topic("the good days and the bad days looking after my father with dementia")
    assert "look" not in t.words and "father" in t.words


def test_night_in_named_with_a_you():
    for d in ("a song about a movie night on the couch with you", "a rainy sunday in bed with my girlfriend",
              "waking up next to you", "staying in with my boyfriend on a friday night"):
        assert "nightin" in read_topic(d).themes, d
    assert "nightin" not in read_topic("helping my friend carry the couch up three flights").themes
    assert "nightin" not in read_topic("a night out with my girlfriends").themes
    for d in ("a lonely night in a motel off the highway", "a student studying all night in the library",
              "a taxi driver working nights in New York", "our first night in the new apartment"):
        assert "nightin" not in read_topic(d).themes, d
    assert "nightin" in read_topic("a cozy night in with my wife").themes
    movie = read_topic("a song about a movie night on the couch with you")
    assert "no-you" not in movie.tags
    lines = theme_lines("a song about a movie night on the couch with you", {"nightin"})
    assert "and you hide your face at the scary part" in lines
    assert "and I wake up and you're still asleep" not in lines  # a morning in bed is another story
    bed = theme_lines("waking up next to you", {"nightin"})
    assert "and I wake up and you're still asleep" in bed and "and the takeout cartons line the floor" not in bed


def test_titles_not_cut_and_style_adjectives():
    assert make_title("an emotional piano song about hearing my baby's first cry in the delivery room") == \
        "Baby's First Cry"
    assert make_title("a sweet acoustic love song about waking up next to you") != "Waking Up Next"
    t = read_topic("a sweet acoustic love song about waking up next to you")
    assert t.singer == "" and "sweet" not in t.words
