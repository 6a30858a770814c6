"""Skateboarding, ice cream and the haircut (2026-12-07, bank13): three themes at the bank's end, each sung for its own
descriptions and kept out of the songs its keys could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

NEW = ("skate", "icecream", "haircut")


@pytest.mark.parametrize("description, theme, line", [
    ("a rap song about my skateboard and the empty streets after midnight", "skate", "oh we roll the city after dark"),
    ("a punk song about getting kicked out of the skatepark", "skate", "and the skate park's loud from noon till eight"),
    ("learning to kickflip in the driveway", "skate", "I miss the kick flip, try once more"),
    ("grinding a rail downtown", "skate", "I grind the handrail down the stairs"),
    ("a love song about roller skating with you at the rink", "skate", "and I hold your hand around the rink"),
    ("riding my bmx to the dirt jumps", "skate", "I hop the curb and pull it high"),
    ("a kids song about the ice cream truck", "icecream", "I hear the truck come round the bend"),
    ("a sweet song about splitting a sundae with you on the boardwalk", "icecream", "and we eat our cones out on the pier"),
    ("a happy summer song about our lemonade stand", "icecream", "the sign's in crayon on a chair"),
    ("a country song about the old ice cream parlor in my hometown", "icecream",
     "the bell rings on the parlor door"),
    ("my dad taking me to the barber shop for the first time", "haircut", "you lift me to the booster seat"),
    ("an indie song about cutting my hair short after the breakup", "haircut", "I cut the hair you used to touch"),
    ("a barber's life, sweeping up hair at closing time", "haircut", "I sweep the hair up when I'm done"),
    ("a pop song about dyeing my hair pink", "haircut", "I brush the dye on by the tub"),
    ("my son's first haircut", "haircut", "I pick a curl up off the floor"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"skate": 30, "icecream": 37, "haircut": 44}


@pytest.mark.parametrize("description, theme", [
    ("ice skating on the frozen pond", "skate"),  # skating on ice is no skater's (topic "iceskate")
    ("a figure skater's dream", "skate"),
    ("hockey at the ice rink", "skate"),
    ("grinding every day to make money", "skate"),  # the hustle's grind
    ("rock and roll all night", "skate"),
    ("walking on thin ice", "icecream"),
    ("parallel parking between the cones", "icecream"),  # a cone or cream alone opens no ice cream line
    ("a cream colored dress", "icecream"),
    ("sprinkle a little love", "icecream"),
    ("the power cut during the storm", "haircut"),  # "cut" and "hair" alone open none of its lines
    ("you cut me deep", "haircut"),
    ("the wind in my hair", "haircut"),
    ("running my fingers through your hair", "haircut"),
    ("my mom's nail salon", "haircut"),
    ("a barbershop quartet song about love", "haircut"),  # a style of singing (topic "barbershopquartet")
    ("cutting ties with my family", "haircut"),
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


def test_the_subject_leads_over_its_setting():
    # a skater's midnight, a sundae on the boardwalk, a haircut after a breakup: the theme the description is about leads
    for description, theme, other in [
            ("a rap song about my skateboard and the empty streets after midnight", "skate", "night"),
            ("skateboarding through the city", "skate", "city"),
            ("a sweet song about splitting a sundae with you on the boardwalk", "icecream", "beach"),
            ("a love song about sharing a sundae", "icecream", "love"),
            ("an indie song about cutting my hair short after the breakup", "haircut", "heartbreak")]:
        weights = theme_weights(read_topic(description))
        assert weights[theme] > weights[other] >= STRONG


def test_what_each_subject_is_not():
    # the ice of ice cream is no winter, and its truck no trucker's road
    assert "winter" not in read_topic("a love song about sharing an ice cream cone on the beach").tags
    assert "summer" in read_topic("ice cream on a summer night").tags
    assert "winter" in read_topic("ice cream in the snow").tags  # (the snow says it)
    truck = theme_weights(read_topic("a kids song about the ice cream truck"))
    assert truck["road"] == 0.0 and truck["winter"] == 0.0
    # a first haircut beside a parent is no family's stock of lessons
    dad = candidate_texts("my dad taking me to the barber shop for the first time")
    assert "you taught me everything I know" not in dad and "I'm swinging both my feet" not in dad
    assert "and I'm swinging both my feet" in dad
    # a rail ground is no hustle
    assert theme_weight("a hip hop song about grinding rails on my skateboard", "hustle") == 0.0
    # learning to skate stays the learning's song (the theme sings its lines with the description's words only)
    assert theme_weight("learning to skate with my sister", "skate") < STRONG


def test_a_line_from_the_chair_is_never_the_barbers():
    chair = "they tie the cape around my neck"
    assert chair in candidate_texts("my dad taking me to the barber shop for the first time")
    assert chair not in candidate_texts("a barber's life, sweeping up hair at closing time")  # a singer with a trade
    assert chair not in candidate_texts("my son's first haircut")  # another's haircut, watched from beside the chair
    barber = candidate_texts("a barber's life, sweeping up hair at closing time")
    assert "I know them by the back of the head" in barber
    assert "I know them by the back of the head" not in candidate_texts("cutting my hair short after the breakup")


def test_a_lines_story_needs_its_words():
    pier = candidate_texts("a sweet song about splitting a sundae with you on the boardwalk")
    assert "I hear the truck come round the bend" not in pier
    assert "a lemonade stand in the shade" not in pier
    kids = candidate_texts("a kids song about the ice cream truck")
    assert "a little chocolate on your lip" not in kids  # a lover's line
    stand = candidate_texts("a happy summer song about our lemonade stand")
    assert "I want the sprinkles on the top" not in stand  # a lemonade stand is no ice cream
    rink = candidate_texts("a love song about roller skating with you at the rink")
    assert "I miss the kick flip, try once more" not in rink  # a board's trick
    pink = candidate_texts("a pop song about dyeing my hair pink")
    assert "I wait and read the sports page twice" not in pink  # the barber's waiting bench
    assert "I cut the hair you used to touch" not in pink
