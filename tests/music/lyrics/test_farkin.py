"""Someone of one's own family far away, and a child leaving home, sung by the one who stays (helper farkin): how each
is named, what it never fires for (a parent who walked out, a partner far away, someone who died, the singer gone),
the lines its gates open and the friend's own lines it keeps shut."""

from tests.music.lyrics.lines import couplet_counts, theme_lines
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights

BROTHER = "a sad song about my brother who moved to Australia"
GRANDMA = "a piano song about my grandma across the ocean who I only see on video calls"
COLLEGE = "an acoustic ballad about my son leaving for college and his empty room"
NEST = "a gentle song about the quiet house after our youngest moved out"


def test_theme_sizes():
    assert couplet_counts(["farfriend", "emptynest"]) == {"farfriend": 57, "emptynest": 23}


def test_kin_far_away_named():
    t = read_topic(BROTHER)
    assert {"farfriend", "farkin", "kingone"} <= t.themes and "kinleaving" not in t.themes
    assert {"farkin", "kingone"} <= read_topic(GRANDMA).themes
    assert "farkin" in read_topic("a song for my dad who works overseas and misses every birthday").themes
    assert "farkin" in read_topic("my twin sister living on the other side of the world").themes
    assert "farkin" in read_topic("my older brother stationed overseas in the army").themes
    assert "farkin" in read_topic("my grandparents in india that we only visit every few years").themes
    assert {"farkin", "kinleaving"} <= read_topic("my sister moving to japan next week").themes
    assert {"farkin", "kinback"} <= read_topic("a folk song about my mom who went back to the philippines").themes
    assert "kinleaving" in read_topic("a song about my little brother leaving for college").themes
    w = theme_weights(read_topic(BROTHER))
    assert w["farfriend"] >= 4.0 and w["abroad"] == 0.0 and w["homesick"] == 0.0


def test_kin_far_away_never_fires_for_abandonment_a_partner_a_death_or_the_singer_gone():
    for d in ("my dad who left us", "a sad song about my dad who left us for good",
              "my dad walked out and moved to texas", "my mom who left us and never calls",
              "my husband who works overseas", "my boyfriend who moved to london",
              "a long distance relationship over video calls",
              "my mom who passed away in india", "my brother who died overseas",
              "missing my family back home after I moved abroad", "my mom crying when I left for college",
              "teaching my grandma to use video calls", "my mom went back to work"):
        t = read_topic(d)
        assert not {"farkin", "emptynest"} & t.themes, d
    assert "farfriend" not in read_topic("my husband who works overseas").themes


def test_friend_lines_stay_a_friends():
    kin = theme_lines(BROTHER, {"farfriend"})
    assert "and I send you pictures of the town" in kin and "oh I still save a place for you" in kin
    assert "and nobody steals my fries at all" in kin  # a sibling's
    for friend_only in ("oh you're far away, but you're still my friend", "and your seat at lunch is empty still",
                        "oh we pinky swear to call each week", "I walk by your old house today"):
        assert friend_only not in kin
    friend = theme_lines("a sad song about the empty seat at lunch since my best friend moved to Australia",
                         {"farfriend"})
    assert "and your seat at lunch is empty still" in friend and "and I send you pictures of the town" in friend
    assert "and nobody steals my fries at all" not in friend  # a kin's
    grandma = theme_lines(GRANDMA, {"farfriend"})
    assert "and you hold the phone against your cheek" in grandma and "and your voice comes in a second late" in grandma
    assert "and you sound so grown up on the phone" not in grandma  # (said to a younger one)
    assert "and nobody steals my fries at all" not in grandma  # (a sibling's)


def test_kin_far_away_is_missed_not_lost_and_the_singer_stays():
    t = read_topic("a song for my dad who works overseas and misses every birthday")
    assert {"athome", "no-youlost", "no-lost"} <= t.tags and "lost" not in t.tags
    lines = {ln.lower() for ln in theme_lines("a song for my dad who works overseas and misses every birthday",
                                              {"family", "slots"})}
    assert "and I come back home with one more bag".lower() not in lines  # the one away's, not the one at home's
    assert "oh my dad, I still say your name".lower() not in lines


def test_child_leaving_home():
    t = read_topic(COLLEGE)
    assert {"emptynest", "nestleaving"} <= t.themes and "farkin" not in t.themes
    assert {"emptynest", "nestgone"} <= read_topic(NEST).themes
    assert "emptynest" in read_topic("a tearful song about dropping my kid off at college and driving home alone").themes
    assert "emptynest" in read_topic("helping my daughter move into her first apartment").themes
    assert "emptynest" in read_topic("a sad song about our empty nest").themes
    assert "emptynest" not in read_topic("dropping my kid off at school on the first day").themes
    assert "emptynest" not in read_topic("my daughter who left us and never calls").themes
    leaving = theme_lines(COLLEGE, {"emptynest"})
    assert "and we fit your life into the car" in leaving and "oh go on, my love, go on and fly" in leaving
    assert "oh the nest is empty, the house is still" not in leaving  # not gone yet
    after = theme_lines(NEST, {"emptynest"})
    assert "and I still cook dinner for a crowd" in after and "oh you'll be back for the holidays" in after
    assert "and we fit your life into the car" not in after
    w = theme_weights(read_topic(NEST))
    assert w["emptynest"] >= 4.0 and w["house"] == 0.0 and w["movingday"] == 0.0
    w = theme_weights(read_topic(COLLEGE))
    assert w["school"] == 0.0 and w["workschool"] == 0.0 and w["leaving"] == 0.0
