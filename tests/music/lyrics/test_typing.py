"""What a line may do with the description's words (WordNet types) and which lines contradict it."""

import re

import pytest

from tests.music.lyrics.lines import candidate_texts as _texts
from topline.music.lyrics import lexicon
from topline.music.lyrics.topic import _tag, _tokens, read_topic
from topline.music.lyrics.writer import STRONG, Planner, candidates, make_title, slot_fits, theme_weights, write_song


def _phrase(topic, bare):
    return next(p for p in topic.phrases if p.bare == bare)


def test_noun_types_from_wordnet():
    assert "h" in lexicon.types("watch") and "h" in lexicon.types("letter") and "h" in lexicon.types("phone")
    assert "h" not in lexicon.types("robot") and "h" not in lexicon.types("interview")  # not held in a hand
    assert "g" in lexicon.types("Mars") and "g" in lexicon.types("kitchen") and "g" in lexicon.types("school")
    assert "e" in lexicon.types("interview") and "e" in lexicon.types("wedding") and "e" in lexicon.types("exam")
    assert lexicon.types("firefighter") == "srwl" and lexicon.types("nurse") == "srw"  # roles one does, trades
    assert lexicon.types("student") == "sr" and lexicon.types("hiker") == "sr"  # roles, but no trade
    assert lexicon.types("widow") == "s" and lexicon.types("kid") == "sc" and lexicon.types("father") == "sp"
    assert lexicon.types("treehouse") == lexicon.types("house")  # a compound WordNet lacks: its tail
    assert lexicon.types("anxiety") == "m" and lexicon.types("dog") == "a"


def test_slots_take_only_nouns_of_their_type():
    t = read_topic("the anxiety of a job interview")
    job = _phrase(t, "job interview")
    assert [s for s in ("thing", "place", "person", "event", "time", "any") if slot_fits(s, job, t)] == ["event", "any"]
    assert slot_fits("feeling", _phrase(t, "anxiety"), t)
    t = read_topic("a robot learning to dance on Mars")
    assert (t.singer, t.addressee) == ("robot", "")
    robot, mars = _phrase(t, "robot"), _phrase(t, "Mars")
    assert [s for s in ("role", "me", "thing", "any", "you") if slot_fits(s, robot, t)] == ["role", "me"]
    assert slot_fits("place", mars, t) and not slot_fits("thing", mars, t)  # gone to, not held
    t = read_topic("a cat asleep in the afternoon sun")
    assert slot_fits("animal", _phrase(t, "cat"), t) and not slot_fits("person", _phrase(t, "cat"), t)


def test_point_of_view_singer_and_you():
    t = read_topic("a firefighter coming home to his daughter")
    assert (t.singer, t.addressee) == ("firefighter", "daughter")
    assert t.words == ("firefighter", "come", "home", "daughter") and t.own_verbs == ("come",)
    daughter = _phrase(t, "daughter")
    assert daughter.sung == "my daughter" and slot_fits("you", daughter, t) and not slot_fits("person", daughter, t)
    assert {"no-she", "no-he", "no-romance"} <= t.tags and "no-child" not in t.tags
    assert make_title("a firefighter coming home to his daughter") == "Coming Home"
    t = read_topic("a widow planting roses in her late husband's garden")
    widow = _phrase(t, "widow")
    assert slot_fits("me", widow, t) and not slot_fits("role", widow, t)  # not "I'm a widow, it's what I do"
    assert t.settings == ("in my late husband's garden",)
    assert read_topic("my grandmother's kitchen").addressee == ""  # named as an owner: "she"
    assert read_topic("missing my dog who ran away").own_verbs == ()  # the dog ran, not the singer
    assert read_topic("a mother singing her baby to sleep").own_verbs == ()
    # the whole clause first; its verb alone too, where its object is what happened ("won the championship")
    assert read_topic("the night our team won the championship").title_candidates == (
        "The Night Our Team Won the Championship", "The Night Our Team Won", "Our Team Won the Championship",
        "Our Team Won", "Night")


def test_themes_need_support_and_lines_of_one_story_need_their_words():
    t = read_topic("a robot learning to dance on Mars")
    w = theme_weights(t)
    assert w["space"] >= STRONG and w["dance"] >= STRONG and w["festival"] < STRONG
    texts = _texts("a robot learning to dance on Mars")
    assert not any("tent" in x or "drink" in x for x in texts)  # a party's lines need a party
    assert any("metal hands" in x for x in texts) and any("red dust" in x for x in texts)
    assert not any("metal hands" in x for x in _texts("an astronaut looking back at the earth"))  # =robot
    dog = _texts("missing my dog who ran away in the winter")
    assert not any("station clock" in x or "leaving" in x for x in dog)  # no leaving-town story


def test_contradictions_are_rejected():
    cat = _texts("a cat asleep in the afternoon sun")
    assert any("his paws" in x for x in cat) and not any("your paws" in x for x in cat)  # the cat is not "you"
    dog = _texts("missing my dog who ran away in the winter")
    assert any("your collar" in x for x in dog) and not any("he's curled up" in x for x in dog)  # lost, not here
    assert not any(re.search(r"\bphone\b", x) for x in _texts("getting lost in Tokyo without a phone"))
    home = _texts("a firefighter coming home to his daughter")
    assert not any(re.search(r"\b(she|he|hold me tight|kiss)\b", x) for x in home)
    assert any("tuck you in" in x for x in home)  # "you" is a child
    assert not any("tuck you in" in x for x in _texts("a kid building a treehouse with his father"))
    won = read_topic("the night our team won the championship")
    assert "up" in won.tags and not any("down" in ln.tags for ln in candidates(won))
    watch = _texts("losing my grandfather's watch on the train")
    assert not any("hold my grandfather's watch" in x.lower() or "find my grandfather's watch" in x.lower()
                   for x in watch)


def test_lead_descriptions_sing_their_nouns_and_no_other_story():
    for d, nouns, never in [
        ("a robot learning to dance on Mars", ["Mars", "robot"], ["hold the robot", "tent", "money went"]),
        ("missing my dog who ran away in the winter", ["dog", "winter"], ["station clock", "early line", "father shakes"]),
        ("a firefighter coming home to his daughter", ["firefighter", "daughter"], ["firefighter coming home is"]),
        ("the anxiety of a job interview", ["anxiety", "interview"], ["hold the job interview", "punch the clock",
                                                                     "machine"]),
    ]:
        for seed in (0, 3):
            title, text = write_song(d, seed=seed)
            verses = "\n".join(b for b in text.split("\n\n") if not b.startswith("[Chorus]")).lower()
            assert all(n.lower() in verses for n in nouns), (d, seed, text)  # nouns outside the chorus
            assert not any(x in text.lower() for x in never), (d, seed, text)


def test_who_sings_a_baby_a_song_about_someone_and_verbs_after_a_subject():
    topic = read_topic("a toddler's first word")  # a toddler does not sing: its parent sings to it
    assert (topic.singer, topic.addressee) == ("", "toddler")
    topic = read_topic("a rock song about a wizard")  # sung of the wizard, not by him
    assert (topic.singer, topic.words, topic.style) == ("", ("wizard",), ("rock", "song", "about"))
    assert read_topic("heavy metal song about a storm").style == ("heavy", "metal", "song", "about")
    assert read_topic("a heavy heart").words == ("heavy", "heart")  # no song noun: "heavy" is content
    # a verb after a subject (and an adverb): "learned" and "paid" are verbs, not an adjective and a noun
    assert [p for _, _, p in _tag(_tokens("the year I learned to drive"))] == ["f", "n", "f", "v", "f", "v"]
    assert [p for _, _, p in _tag(_tokens("when we finally bought our first car"))][3] == "v"
    assert [p.sung for p in read_topic("postcards from another country").phrases] == ["the postcards",
                                                                                       "another country"]


@pytest.mark.parametrize("description, theme", [
    ("fixing my bike in the shed", "repair"), ("cramming for finals in the library", "study"),
    ("building sandcastles at the beach", "beach"), ("a knight who fights a dragon", "legend"),
    ("a summer heat wave on the roof", "heat"), ("the pigeons on the park bench", "oldage"),
    ("learning to skate with my sister", "learning"), ("growing up in a small town when I was ten", "childhood")])
def test_new_themes_are_the_strongest_for_their_subjects(description, theme):
    weights = theme_weights(read_topic(description))
    assert max(weights, key=weights.get) == theme and weights[theme] >= STRONG


def test_a_setting_opens_a_theme_line_but_not_a_stock_line():
    d = "a student alone in the library"
    planner = Planner(read_topic(d), 0, d)
    words = {ln.key: " ".join(t for t, _ in ln.parts) for ln in planner.lines}
    stock = next(ln for ln in planner.lines if ln.theme == "stock" and not ln.joined and "afraid to know" in words[ln.key])
    assert planner.realise(stock, 10)[0] == "and I'm not afraid to know"  # not "in the library, I'm not ..."
    study = next(ln for ln in planner.lines if ln.theme == "study" and "hundred more" in words[ln.key])
    assert planner.realise(study, 12)[0] == "in the library, I've got a hundred more to go"


def test_a_past_clause_of_the_singer_names_the_song():
    assert read_topic("when we finally bought our first car").title_candidates == (
        "Finally Bought Our First Car", "First Car")
    assert read_topic("the year I learned to drive").title_candidates == (
        "The Year I Learned to Drive", "Learned to Drive", "Year")
    assert read_topic("the night we finally met").title_candidates == ("The Night We Finally Met", "We Finally Met",
                                                                       "Night")


def test_one_who_teaches_is_not_sung_as_the_learner():
    topic = read_topic("a boy teaching his grandfather to use a phone")
    assert "teacher" in topic.tags
    lines = [" ".join(t for t, _ in ln.parts) for ln in candidates(topic) if ln.theme == "learning"]
    assert lines and not any("you show me" in ln or "I slip and fall" in ln for ln in lines)
    assert "teacher" not in read_topic("my aunt teaching me to knit").tags  # "me": the singer learns
