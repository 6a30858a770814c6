"""Riding a bike, a best friend moving far away, working through school and a night nurse on a children's ward
(helper daily): how each is named, what it rules out, the lines its gates open, and the reading fixes beside them."""

from tests.music.lyrics.lines import couplet_counts, theme_lines
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights


def test_theme_sizes():
    assert couplet_counts(["bike", "farfriend", "workschool", "kidsward"]) == {
        "bike": 33, "farfriend": 57, "workschool": 20, "kidsward": 18}  # (farfriend: 32 kin lines, helper farkin)


def test_bike_lines_by_story():
    lake = theme_lines("a summer pop song about riding bikes to the lake with my friends", {"bike"})
    assert "we drop our bikes down in the grass" in lake and "and the sky goes pink, the bats come out" in lake
    assert "I fold the papers, snap the bands" not in lake  # no paper route
    hill = theme_lines("a punk song about no hands down the big hill on my bike", {"bike"})
    assert "and I let go of the handlebars" in hill and "we drop our bikes down in the grass" not in hill
    route = theme_lines("my paper route on my old bike", {"bike"})
    assert "I fold the papers, snap the bands" in route
    assert theme_weights(read_topic("riding my bike down to the lake"))["bike"] >= 4.0


def test_bike_ruled_out_by_a_lesson_or_a_motorbike():
    assert theme_weights(read_topic("a happy song about learning to ride a bike without training wheels"))["bike"] == 0.0
    assert theme_weights(read_topic("a girl teaching her little brother to ride a bike"))["bike"] == 0.0
    assert theme_weights(read_topic("a biker on his bike down the highway"))["bike"] == 0.0
    assert theme_weights(read_topic("reggae song about fixing bicycles on the beach"))["bike"] == 0.0


def test_far_friend_named_before_or_after():
    t = read_topic("the last night before my best friend moves across the country")
    assert {"farfriend", "friendleaving"} <= t.themes and "friendgone" not in t.themes
    t = read_topic("a sad song about the empty seat at lunch since my best friend moved to Australia")
    assert {"farfriend", "friendgone"} <= t.themes and "friendleaving" not in t.themes
    assert "friendgone" in read_topic("video calls with my best friend who is seven hours ahead now").themes
    assert "farfriend" in read_topic("saying goodbye to my best friend at the airport").themes
    assert "farfriend" not in read_topic("my best friend helping me move to a new apartment").themes
    assert "farfriend" not in read_topic("an indie song about my best friend and me growing apart").themes
    assert "farfriend" not in read_topic("my girlfriend moved to Paris").themes  # a lover, not a friend


def test_far_friend_lines_and_what_they_rule_out():
    gone = theme_lines("a sad song about the empty seat at lunch since my best friend moved to Australia", {"farfriend"})
    assert "and your seat at lunch is empty still" in gone
    assert "and we sit up on your roof tonight" not in gone  # already gone: no last night together
    last = theme_lines("the last night before my best friend moves across the country", {"farfriend"})
    assert "and we sit up on your roof tonight" in last
    assert "oh you're far away, but you're still my friend" not in last  # still here tonight
    w = theme_weights(read_topic("the last night before my best friend moves across the country"))
    assert w["drifting"] == 0.0 and w["movingday"] == 0.0 and w["farfriend"] > w["friendship"]


def test_a_place_someone_else_moved_to_is_theirs():
    assert "Australia" in read_topic("since my best friend moved to Australia").elsewhere
    assert not read_topic("when I moved to Australia").elsewhere  # the singer's own move


def test_work_beside_school():
    assert "workschool" in read_topic("working two jobs to pay my way through college").themes
    assert "workschool" in read_topic("the night shift before my morning class").themes
    assert "workschool" in read_topic("studying on my break at the warehouse so I can finish my degree").themes
    assert "workschool" not in read_topic("song about graduating from college").themes
    assert "workschool" not in read_topic("single mom working two jobs").themes
    night = theme_lines("the night shift before my morning class", {"workschool"})
    assert "and I clock out at six, I'm in class by eight" in night
    assert "and two name tags hang behind the door" not in night  # one job named
    w = theme_weights(read_topic("working two jobs to pay my way through college"))
    assert w["workschool"] > w["work"] and w["school"] == 0.0


def test_childrens_ward():
    assert "kidsward" in read_topic("a gentle song from a night nurse on the children's ward").themes
    assert "kidsward" in read_topic("a lullaby a nurse sings to a little boy who can't sleep in the hospital").themes
    assert "kidsward" not in read_topic("a nurse coming home to her kids after a double shift").themes
    w = theme_weights(read_topic("a gentle song from a night nurse on the children's ward"))
    assert w["playful"] == 0.0 and w["kidsward"] >= 4.0
    hand = theme_lines("the morning hand-over after a long night on the pediatric ward", {"kidsward"})
    assert "and at seven I hand over the floor" in hand
    quiet = theme_lines("a gentle song from a night nurse on the children's ward", {"kidsward"})
    assert "and at seven I hand over the floor" not in quiet and "I draw a smiley on the tape" in quiet


def test_a_verb_after_a_singer_is_lemmatised():
    assert "sing" in read_topic("a lullaby a nurse sings to a little boy").words
