"""The fair, summer camp and the yard sale (2026-12-07, bank16): three themes at the bank's end, each sung for its own
descriptions and kept out of the songs its keys could be mistaken for."""

import pytest

from tests.music.lyrics.lines import candidate_texts, couplet_counts, theme_lines, theme_weight
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG

NEW = ("fair", "summercamp", "yardsale")


@pytest.mark.parametrize("description, theme, line", [
    ("a love song about our first date at the county fair", "fair", "and our first date, I'm nervous as can be"),
    ("riding the ferris wheel with you at the carnival", "fair", "and the ferris wheel stops us at the top"),
    ("a pop punk song about the roller coaster at the amusement park", "fair",
     "and the coaster clicks up the first big hill"),
    ("taking the kids to the state fair", "fair", "oh just one more ride, you say, one more"),
    ("a nostalgic indie song about the summers I spent at camp as a kid", "summercamp",
     "and they call the mail out after lunch"),
    ("homesick my first night at summer camp", "summercamp", "and the first night I cry into my sleeve"),
    ("a folk song about the best friend I made at summer camp", "summercamp", "we braid our bracelets, blue and white"),
    ("a camp counselor saying goodbye to the kids on the last day of summer camp", "summercamp",
     "I sit up with the one who cries"),
    ("a country song about the garage sale after my divorce", "yardsale", "oh make an offer on the wedding dress"),
    ("selling my mother's things at a yard sale after she passed", "yardsale", "and I fold her sweaters in a pile"),
    ("a cheerful song about our spring cleaning yard sale", "yardsale", "and the kids sell lemonade for a dime"),
    ("digging through a box of old records at the thrift shop", "yardsale", "I flip through racks at the thrift store"),
])
def test_a_new_subject_is_sung_in_its_own_lines(description, theme, line):
    assert theme_weight(description, theme) >= STRONG
    assert line in candidate_texts(description)


def test_the_themes_have_their_couplets():
    assert couplet_counts(NEW) == {"fair": 30, "summercamp": 29, "yardsale": 35}


@pytest.mark.parametrize("description, theme", [
    ("life is not fair", "fair"),  # "fair" is no key: the fair is named by a phrase
    ("a fair fight", "fair"),
    ("a science fair", "fair"),
    ("an emotional rollercoaster", "fair"),  # the coaster's lines need a park's or a ride's word
    ("a camping trip with my dad", "summercamp"),
    ("boot camp", "summercamp"),
    ("the house is for sale", "yardsale"),  # "sale" alone: every line needs a yard, a garage or a thrift shop
    ("a big sale at the mall", "yardsale"),
    ("fixing my truck in the garage", "yardsale"),
    ("the kids play in the yard", "yardsale"),
])
def test_a_key_of_another_sense_sings_none_of_its_lines(description, theme):
    assert not theme_lines(description, {theme})


def test_a_sad_sale_and_a_cheerful_one_never_mix():
    divorce = theme_lines("a country song about the garage sale after my divorce", {"yardsale"})
    spring = theme_lines("a cheerful song about our spring cleaning yard sale", {"yardsale"})
    assert "and I sell the china piece by piece" in divorce
    assert "and the kids sell lemonade for a dime" not in divorce
    assert "and I sell the china piece by piece" not in spring
    assert "and I fold her sweaters in a pile" not in spring | divorce  # a death's lines need a death


def test_a_seller_is_no_thrift_shop_buyer():
    sale = theme_lines("selling my mother's things at a yard sale after she passed", {"yardsale"})
    assert "oh it all had a life before" not in sale  # "I take it home and love it more"
    thrift = theme_lines("digging through a box of old records at the thrift shop", {"yardsale"})
    assert "I price it all with sticker dots" not in thrift


def test_a_camp_counselor_sings_no_campers_lines():
    counselor = theme_lines("a camp counselor saying goodbye to the kids on the last day of summer camp",
                            {"summercamp"})
    assert "and the camp gets small behind the bus" not in counselor
    camper = theme_lines("the last day of summer camp", {"summercamp"})
    assert "and the camp gets small behind the bus" in camper
    assert "I sit up with the one who cries" not in camper  # the counselor's lines need a counselor singer


def test_a_ferris_wheel_is_no_road():
    assert theme_weight("riding the ferris wheel with you at the carnival", "road") == 0.0


def test_passed_with_no_object_is_a_loss():
    assert "lost" in read_topic("selling my mother's things at a yard sale after she passed").tags
    assert "lost" in read_topic("my dad's guitar since he passed").tags
    assert "lost" not in read_topic("the day she passed her driving test").tags
    assert "lost" not in read_topic("he passed me the ball").tags


def test_one_who_passed_passed_no_test():
    lines = candidate_texts("a sad song about learning to play my dad's guitar after he passed")
    assert "oh I passed, I passed, and I'm free" not in lines
    assert "oh I passed, I passed, and I'm free" in candidate_texts("I passed my driving test")
