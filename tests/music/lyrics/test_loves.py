"""Loves and their occasions: an anniversary, a love not allowed, a breakup on a glad day, a house lost,
a city one grew up in or is lost in, the story of someone in their own voice."""

from tests.music.lyrics.lines import candidate_texts as _texts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights


def _has(description: str, words: str) -> bool:
    """True when a candidate line of ``description`` sings ``words`` (any case, optional words and all)."""
    return any(words.lower() in ln for ln in _texts(description, lower=True))


def test_an_anniversary_is_a_couples_years_not_their_wedding_day():
    for d in ("a song for my wife on our tenth anniversary", "a love song for my husband on our fifth wedding anniversary"):
        t = read_topic(d)
        assert {"love", "anniversary"} <= t.themes and {"romance", "together"} <= t.tags, d
        w = theme_weights(t)
        assert w["love"] >= STRONG and w["wedding"] == 0.0, d
        assert _has(d, "the ring's a little worn by now"), d
        assert not _has(d, "you're walking slowly down the aisle"), d
    # a girlfriend's anniversary: the years, not a marriage's vows
    assert _has("song for my girlfriend on our first anniversary", "another year of you and me")
    assert not _has("song for my girlfriend on our first anniversary", "the wedding photo on the shelf")


def test_ones_own_partner_is_sung_to_as_a_lover_unless_gone_or_leaving():
    t = read_topic("a song for my wife")
    assert "love" in t.themes and t.addressee == "wife" and "romance" in t.tags
    assert "love" not in read_topic("a song for my late husband").themes
    assert "love" not in read_topic("my girlfriend breaking up with me").themes


def test_a_love_not_allowed_is_hidden_and_sung_to_the_one_loved():
    t = read_topic("song about being in love with my roommate's girlfriend")
    assert {"love", "forbidden"} <= t.themes
    assert t.addressee == "roommate's girlfriend"
    assert {"alone", "untold"} <= t.tags and "together" not in t.tags and "no-you" not in t.tags
    d = "song about being in love with my roommate's girlfriend"
    assert _has(d, "I can't have you, I know") and _has(d, "I hear you laughing through the wall")
    assert not _has(d, "we stay in bed a little while")
    assert not any(ln.startswith("the roommate's girlfriend,") for ln in _texts(d, lower=True))  # never called so
    w = theme_weights(read_topic("r&b song about falling for my best friend's ex"))
    assert w["love"] >= STRONG and w["friendship"] == 0.0
    # an affair: hidden, but the two share it
    t = read_topic("r&b song about a secret love affair at work")
    assert "forbidden" in t.themes and "alone" in t.tags and "untold" not in t.tags
    assert _has("r&b song about a secret love affair at work", "a secret only we can keep")
    # a crush told to no one is no affair
    assert not _has("k-pop song about a secret crush in class", "a secret only we can keep")


def test_a_breakup_on_a_glad_day_is_sad_the_subject_comes_first():
    for d in ("pop punk song about getting dumped the night before graduation",
              "emo song about my girlfriend breaking up with me on my birthday"):
        t = read_topic(d)
        assert {"down", "alone"} <= t.tags and "up" not in t.tags, d
        assert theme_weights(t)["heartbreak"] >= STRONG, d
    assert not _has("emo song about my girlfriend breaking up with me on my birthday", "clap your hands and stomp your feet")
    # the glad word first: the occasion is the subject
    assert "up" in read_topic("a birthday party the week my dog died").tags
    # a style that names one register and words the other: neither
    t = read_topic("a happy song about my grandma who passed away")
    assert not {"up", "down"} & t.tags


def test_a_house_lost_sings_no_lawn_and_nobody_gone():
    t = read_topic("gospel song about keeping faith when we lost our house")
    assert "houselost" in t.themes and "lost" not in t.tags
    assert theme_weights(t)["house"] == 0.0
    assert not _has("gospel song about keeping faith when we lost our house", "I mow the lawn")


def test_a_city_one_grew_up_in_is_home_and_a_city_one_is_lost_in_is_strange():
    grown = "rap song about growing up in the Bronx with my cousins"
    assert "no-away" in read_topic(grown).tags
    assert _has(grown, "we play ball against the wall") and not _has(grown, "every corner looks the same")
    lost = "getting lost in Tokyo without a phone"
    assert "away" in read_topic(lost).tags
    assert _has(lost, "every corner looks the same") and not _has(lost, "I know every corner of")
    assert "away" not in read_topic("lost in thought on a rainy day").tags
    # childhood lines of the block only where someone grows up there
    assert not _has("rainy night in Seoul, r&b vibes", "we play ball against the wall")


def test_someone_a_clause_tells_of_sings_in_their_own_voice():
    t = read_topic("pop song about a girl who dreams of singing on Broadway")
    assert t.singer == "girl" and t.addressee == "" and "dream" in t.themes
    t = read_topic("rock song about a kid who wants to leave his small town and play guitar")
    assert t.singer == "kid" and any(p.sung == "my small town" for p in t.phrases)
    # kin with a clause is still sung to or of: "a friend who moved away" is missed, not the singer
    assert read_topic("a song about a friend who moved away").singer == ""


def test_siblings_and_fishing_have_lines_of_their_own():
    assert theme_weights(read_topic("growing up with my brothers"))["siblings"] >= STRONG
    assert theme_weights(read_topic("a birthday song for my sister"))["siblings"] < STRONG  # her day, not a sibling song
    assert _has("growing up with my brothers", "you always had my back")
    assert _has("fishing with my dad on Sunday mornings", "the bobber dances on the lake")
    assert _has("my grandpa teaching me to hunt", "you show me how to read a track")
    assert not _has("fishing with my dad on Sunday mornings", "you show me how to read a track")


def test_one_who_moved_or_leaves_is_not_right_here_and_slots_keep_to_their_kind():
    t = read_topic("sad acoustic song about my brother who moved to Canada")
    assert "alone" in t.tags and "together" not in t.tags
    assert not _has("sad acoustic song about my brother who moved to Canada", "I'm right here by your side")
    # a bull does not sleep by the door, snow does not run down the glass, a love letter to a town is no thing
    assert not _has("country song about bull riding at the state fair", "sleeping by the door")
    assert _has("a song about my dog Biscuit", "Biscuit is sleeping by the door")
    assert not _has("the first snow of winter in a mountain village", "running down the glass")
    assert not _has("a love letter to my hometown", "the love letter close to my heart")


def test_an_illness_in_the_family_is_sung_to_them_or_of_them():
    assert theme_weights(read_topic("a song for my best friend going through chemo"))["illness"] >= STRONG
    assert _has("a song for my best friend going through chemo", "you lost your hair, you wear my hat")
    # a grandfather's Alzheimer's is sung of him (he is no "you"), and the name keeps its "'s"
    d = "sad piano song about my grandfather's alzheimer's"
    assert _has(d, "he asks me who I am again") and not _has(d, "you ask me what my name is again")
    assert any(p.sung.endswith("alzheimer's") for p in read_topic(d).phrases)
    # an illness fills no feeling's slot
    assert not _has("country song about my little brother beating cancer", "cancer is what we've found")


def test_a_hometown_loved_is_stayed_in_and_a_fair_is_its_own():
    t = read_topic("a love letter to my hometown")
    assert "hometown" in t.themes and theme_weights(t)["hometown"] >= STRONG
    assert _has("a love letter to my hometown", "you can keep your city lights")
    # one who leaves it sings no line of staying
    assert not _has("rock song about leaving my hometown", "I came home after all")
    assert theme_weights(read_topic("country song about a summer job at the county fair"))["hometown"] >= STRONG


def test_a_parents_work_is_thanked_not_sung_as_the_singers_shift():
    d = "rap song about my mom working three jobs to raise us"
    assert theme_weights(read_topic(d))["work"] < STRONG
    assert not _has(d, "I punch the clock and walk outside")
    assert _has(d, "you fell asleep still in your coat")
    # one's own work is still the work theme's
    assert theme_weights(read_topic("working two jobs to feed my kids"))["work"] >= STRONG
    # a first day of kindergarten is sung to the child whose day it is
    t = read_topic("a song about my little sister's first day of kindergarten")
    assert t.addressee == "little sister"
    assert _has("a song about my little sister's first day of kindergarten", "your bag is bigger than you are")


def test_a_kins_war_is_told_not_sung_in_the_soldiers_voice():
    d = "song about my grandpa's stories from the war"
    assert "no-gone" in read_topic(d).tags
    assert not _has(d, "I hear the boys sing by the fire")
    assert "no-gone" not in read_topic("a soldier writing home from the war").tags


def test_an_owner_that_is_no_one_names_no_song():
    assert read_topic("an anthem for my high school's basketball team").title_candidates[0] == "High School's Basketball Team"
    assert read_topic("my dad's old truck").title_candidates[0] == "Dad's Old Truck"
