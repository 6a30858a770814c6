"""The bank's themes of family and childhood occasions it had no lines for before (2026-12-07, themesc): expecting a
baby, a new baby brother or sister (in the older child's voice), a sleepover or summer camp, a lost tooth and the tooth
fairy, friends drifting apart, a family reunion or backyard cookout.  Each is drawn by a description of its subject,
and lends no line where one of its keys is met by chance."""

from tests.music.lyrics.lines import candidate_texts, theme_lines
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

NEW = ("expecting", "newsibling", "sleepover", "toothfairy", "drifting", "cookout")



def _new_lines(description: str) -> set[str]:
    return theme_lines(description, NEW)


def test_each_theme_is_the_subject_of_its_descriptions():
    cases = {"a song about expecting our first baby": "expecting",
             "a sweet song for my wife about getting the nursery ready and picking baby names": "expecting",
             "my wife is pregnant with our first": "expecting",
             "a kids song about getting a new baby brother": "newsibling",
             "my new baby sister, from a big sister's point of view": "newsibling",
             "a fun kids song about a sleepover at my best friend's house": "sleepover",
             "a kids song about the first week at summer camp": "sleepover",
             "a kids song about losing my first tooth": "toothfairy",
             "a silly song about the tooth fairy": "toothfairy",
             "a sad song about friends drifting apart": "drifting",
             "an indie song about my best friend and me growing apart after college": "drifting",
             "a country song about the family reunion in the backyard": "cookout",
             "a summer cookout with the whole family, grandpa at the grill": "cookout"}
    weights = {d: theme_weights(read_topic(d)) for d in cases}
    assert {d: weights[d][t] >= STRONG for d, t in cases.items()} == dict.fromkeys(cases, True)
    # the song's main theme: no other weighs more
    assert {d: weights[d][t] == max(weights[d].values()) for d, t in cases.items()} == dict.fromkeys(cases, True)
    assert {t: sum(e.theme == t for e in bank().entries) for t in NEW} == {
        "expecting": 28, "newsibling": 21, "sleepover": 30, "toothfairy": 20, "drifting": 21, "cookout": 24}


def test_a_description_of_the_subject_draws_the_themes_own_lines():
    assert "and there's a heartbeat on the screen" in candidate_texts("a song about expecting our first baby")
    assert "and we read a book of names in bed" in candidate_texts(
        "a sweet song for my wife about getting the nursery ready and picking baby names")
    assert "and the baby holds my finger tight" in candidate_texts("a kids song about getting a new baby brother")
    assert "oh it's a sleepover, nobody sleeps" in candidate_texts(
        "a fun kids song about a sleepover at my best friend's house")
    assert "oh it's my first week away at camp" in candidate_texts("a kids song about the first week at summer camp")
    assert "and my tooth goes wiggle, wiggle, wiggle" in candidate_texts("a kids song about losing my first tooth")
    assert "oh tooth fairy, come tonight" in candidate_texts("a silly song about the tooth fairy")
    assert "and I type hello and then delete" in candidate_texts("a sad song about friends drifting apart")
    assert "and I wear a name tag on my chest" in candidate_texts(
        "a country song about the family reunion in the backyard")
    assert "oh fire up the grill, fire up the grill" in candidate_texts(
        "a summer cookout with the whole family, grandpa at the grill")


def test_a_key_met_by_chance_lends_no_line():
    for d in ("I didn't expect you to leave me", "my baby left me on a Sunday", "a nursery rhyme about a baby duck",
              "a mother singing her baby to sleep", "a baby's first steps in the living room",
              "my brother's wedding", "two brothers fixing an old car in the garage",
              "happy birthday song for my sister", "camping trip in the woods",
              "a summer camping trip with my wife", "kids song about brushing your teeth",
              "punk song about getting my wisdom teeth out", "a fairy in the enchanted forest",
              "my best friend moving to another country", "two old friends meeting again after twenty years",
              "we drifted apart after the wedding", "a song about seeing my first love again at our class reunion",
              "a country song about Thanksgiving dinner with the whole family", "my dog in the backyard",
              "a song about my best friend since first grade", "a long distance relationship, miles apart"):
        assert _new_lines(d) == set(), d


def test_the_lines_keep_the_descriptions_facts():
    # expecting, sung to the baby: no partner's bump; sung to the wife: no "what will we call you"
    baby = candidate_texts("a song about expecting our first baby")
    wife = candidate_texts("a song for my wife about being pregnant")
    assert "oh what will we call you, little one" in baby and "and you lay my hand upon the bump" not in baby
    assert "and you lay my hand upon the bump" in wife and "oh what will we call you, little one" not in wife
    # a baby sister is no baby brother
    sister = candidate_texts("my new baby sister, from a big sister's point of view")
    assert "oh a baby sister, all my own" in sister and "oh a baby brother, all my own" not in sister
    # a sleepover has no camp bunk, summer camp no pillow fight
    sleepover = _new_lines("a fun kids song about a sleepover at my best friend's house")
    camp = _new_lines("a kids song about the first week at summer camp")
    assert "oh pillow fight, pillow fight" in sleepover and "oh summer camp, summer camp" not in sleepover
    assert "oh summer camp, summer camp" in camp and "oh pillow fight, pillow fight" not in camp
    # the first week at camp sings no last night's goodbye
    assert "oh on the last night we all cry" not in camp
    # a drifting friendship is a grown-up's: a children's song sings none of it
    assert _new_lines("a kids song about my best friend and me drifting apart") == set()
    # a reunion whose description names no loss sings no empty chair
    assert "oh we leave one empty chair this year" not in candidate_texts(
        "a country song about the family reunion in the backyard")


def test_a_lost_tooth_is_no_brushing_song():
    # the playful theme's tooth-brushing lines need a brushing word beside the tooth
    assert "oh brush, brush, brush your teeth" in candidate_texts("kids song about brushing your teeth")
    assert "oh brush, brush, brush your teeth" not in candidate_texts("a kids song about losing my first tooth")
    assert "oh brush, brush, brush your teeth" not in candidate_texts("a silly song about the tooth fairy")
