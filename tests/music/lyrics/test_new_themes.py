"""The bank's themes of subjects it had no lines for before (2026-12-07): Halloween, a birthday, New Year's Eve,
a holiday dinner with the relatives, a summer fling, being oneself / coming out.  Each is drawn by a description
of its subject, and lends no line where one of its keys is met by chance."""

from tests.music.lyrics.lines import candidate_texts, theme_lines
from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

NEW = ("halloween", "birthday", "newyear", "thanksgiving", "fling", "pride")



def _new_lines(description: str) -> set[str]:
    return theme_lines(description, NEW)


def test_each_new_theme_is_the_subject_of_its_descriptions():
    cases = {"a spooky kids song about trick or treating": "halloween",
             "a rock song about a haunted house on Halloween night": "halloween",
             "a birthday song for my little girl turning five": "birthday",
             "a new year's eve party song about the countdown to midnight": "newyear",
             "a country song about Thanksgiving dinner with the whole family": "thanksgiving",
             "a funny song about the relatives at the holiday dinner table": "thanksgiving",
             "pop song about a summer fling in Greece": "fling",
             "a sad song about a holiday romance that ended when the summer did": "fling",
             "a pride song about being yourself and loving who you are": "pride"}
    assert {d: theme_weights(read_topic(d))[t] >= STRONG for d, t in cases.items()} == dict.fromkeys(cases, True)
    assert len([e for e in bank().entries if e.theme in NEW]) == 167  # (helper tributes: five birthday couplets of one grown old)
    assert {t: sum(e.theme == t for e in bank().entries) for t in NEW} == {
        "halloween": 30, "birthday": 31, "newyear": 21, "thanksgiving": 27, "fling": 31, "pride": 27}


def test_a_description_of_the_subject_draws_the_themes_own_lines():
    assert "and we knock and shout out trick or treat" in candidate_texts("a spooky kids song about trick or treating")
    assert "oh another year, another candle" in candidate_texts("a birthday song for my little girl turning five")
    assert "and the last few seconds tick and tock" in candidate_texts(
        "a new year's eve party song about the countdown to midnight")
    assert "oh pass the gravy, pass the rolls" in candidate_texts(
        "a country song about Thanksgiving dinner with the whole family")
    assert "and we never talk about September" in candidate_texts("pop song about a summer fling in Greece")
    assert "and I'm done pretending, done with lies" in candidate_texts(
        "a pride song about being yourself and loving who you are")
    assert "and at last the mirror looks like me" in candidate_texts("being trans and finally feeling like myself")


def test_a_key_met_by_chance_lends_no_line():
    for d in ("a song about treating yourself after a long week", "a kids song about a dog learning a new trick",
              "a sad song about being haunted by my past", "swallowing my pride and calling my brother",
              "christmas eve with my family by the fire", "a romantic dinner date at our favorite restaurant",
              "summer vacation with my family at the lake", "a love song for the holidays",
              "a country song about hunting turkey in the fall", "a song about my first year of college",
              "a motivational song about believing in yourself", "a midnight drive through the city",
              "party all night with my friends", "a song about my relatives back in Mexico"):
        assert _new_lines(d) == set(), d


def test_the_lines_keep_the_descriptions_facts():
    # alone and sad on New Year's Eve: no packed room; at the party, no glass raised to no one
    alone = candidate_texts("a sad song about spending New Year's Eve alone")
    party = candidate_texts("a new year's eve party song about the countdown to midnight")
    assert "oh happy new year on my own" in alone and "and the room is packed, the music's loud" not in alone
    assert "and the room is packed, the music's loud" in party and "oh happy new year on my own" not in party
    # a child's birthday has the icing on your nose; a friend turning thirty does not, a lone birthday has no "you"
    assert "and there's icing on your nose and chin" in candidate_texts("a birthday song for my son turning five")
    assert "and there's icing on your nose and chin" not in candidate_texts(
        "a happy birthday song for my best friend turning thirty")
    lone = _new_lines("alone on my birthday again")
    assert lone == {"oh happy birthday, just to me", "and there's nobody here to see", "and I buy myself a little cake",
                    "and one candle for my own sake", "and the phone is quiet all day long",
                    "and nobody calls to sing the song", "oh I make a wish and blow it out",
                    "and there's nobody to wish about"}
    # trick or treating for children: the pillow case of sweets, no grown-up's party; a party has no pillowcase
    kids = candidate_texts("a spooky kids song about trick or treating")
    assert "and I drag my pillow case of sweets" in kids and "and the fog machine is pumping white" not in kids
    assert "and I drag my pillow case of sweets" not in candidate_texts("halloween party")
    # friends at Friendsgiving: no grandpa dozing, no aunts and uncles
    friends = candidate_texts("a country song about friendsgiving with my roommates")
    assert "oh pass the gravy, pass the rolls" in friends and "and grandpa's dozing in the chair" not in friends
    # coming out to one's parents sings to them; a parade does not
    assert "and I ask you both to sit a while" in candidate_texts("a song about coming out as gay to my parents")
    parade = candidate_texts("a pride parade anthem")
    assert "and the flags are flying down the street" in parade
    assert not any("you both" in ln or "closet" in ln for ln in parade)  # a parade is no coming out
    # a fling that ended: its last night, never its first look across the square
    ended = candidate_texts("a sad song about a holiday romance that ended when the summer did")
    assert "and the last night comes around too fast" in ended
    assert "and you catch my eye across the square" not in ended
