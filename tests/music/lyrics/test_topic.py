"""How a description is read: its numbers, the role each word plays, and the titles it gives."""

import re

from topline.music.lyrics.topic import _tokens, number_words, read_topic, spell_numbers, tag_proper
from topline.music.lyrics.writer import make_title, slot_fits, write_song


def _phrase(topic, bare):
    return next(p for p in topic.phrases if p.bare == bare)


def test_numbers_are_read_as_words():
    assert spell_numbers("our 40th anniversary") == "our fortieth anniversary"
    assert spell_numbers("turning 21 in Vegas") == "turning twenty-one in Vegas"
    assert spell_numbers("back in the 90s") == "back in the nineties"
    assert spell_numbers("the summer of 1999") == "the summer of nineteen ninety-nine"
    assert [number_words(n, ordinal=True) for n in (1, 2, 3, 5, 12, 20, 25, 40)] == [
        "first", "second", "third", "fifth", "twelfth", "twentieth", "twenty-fifth", "fortieth"]
    assert number_words(2005) == "two thousand five" and number_words(300) == "three hundred"
    # a time of day is no word of the song (its facts are the night's); a decimal or a percentage neither
    assert _tokens("a party at 2am") == ["a", "party", "at"]
    assert _tokens("texting my ex at 3:30 p.m.") == ["texting", "my", "ex", "at"]
    assert _tokens("100% sure at mile 26.2") == ["sure", "at", "mile"]


def test_a_number_is_never_split_into_letters():
    t = read_topic("a love song for our 25th anniversary")
    assert t.words == ("twenty-fifth", "anniversary")
    assert [p.bare for p in t.phrases] == ["twenty-fifth anniversary"]  # no "the twenty-fifth" of its own
    assert make_title("a love song for our 25th anniversary") == "Twenty-Fifth Anniversary"
    assert read_topic("moving to Tokyo alone at 19").words == ("move", "tokyo", "alone", "nineteen")
    assert make_title("turning 21 in Vegas") == "Turning Twenty-One"
    assert make_title("turning 21 in Vegas", seed=1) == "Turning Twenty-One in Vegas"


def test_titles_are_whole_clauses():
    # two names are the couple, not "The Leo That Met"
    assert read_topic("a wedding song for Ana and Leo, who met at a bus stop").title_candidates[:2] == (
        "Ana and Leo", "Bus Stop")
    # a time and its clause, to the verb's particle
    assert make_title("the night the lights went out in our town") == "The Night the Lights Went Out"
    assert make_title("the night the lights went out in our town", seed=1) == "The Lights Went Out"
    assert make_title("the summer I learned to swim") == "The Summer I Learned to Swim"
    assert make_title("autumn leaves falling in the park where we met") == "The Park Where We Met"
    # a relative clause with its object; a verb that needs nothing may end it
    assert make_title("a band that lost their drummer") == "The Band That Lost Their Drummer"
    assert "The Band That Lost" not in read_topic("a band that lost the game").title_candidates
    assert make_title("a dog that waits by the door") == "The Dog That Waits"
    assert read_topic("my brother who moved to Canada").title_candidates[0] == "My Brother Who Moved to Canada"
    # a clause too long to sing as a title gives way; "The Mechanic That Fixes" is never one
    assert read_topic("a mechanic who fixes everyone's car but his own").title_candidates == (
        "The Mechanic Who Fixes Everyone's Car", "Everyone's Car", "Mechanic", "Everyone")
    assert make_title("a mechanic who fixes everyone's car but his own") == "Everyone's Car"


def test_titles_of_verbs_with_particles_places_and_states():
    assert make_title("melancholic indie song about growing up") == "Growing Up"
    assert read_topic("hip hop track about growing up in the Bronx with nothing").title_candidates[:2] == (
        "Growing Up", "Growing Up in the Bronx")
    assert make_title("dreamy synthpop about driving along the coast at 3am") == "Driving Along the Coast"
    assert make_title("getting lost in Tokyo without a phone", seed=1) == "Getting Lost in Tokyo"
    assert "Lost in Tokyo" in read_topic("getting lost in Tokyo without a phone").title_candidates
    assert make_title("a hiker lost in the mountains during a storm") == "Lost in the Mountains"
    assert make_title("punk song about getting fired from the car wash") == "Getting Fired"
    assert make_title("moving back in with my parents after losing my job") == "Moving Back In"
    # the singer's own words: "my baby", not "her baby"; another's clause keeps no "his"
    assert make_title("a mother singing her baby to sleep") == "Singing My Baby to Sleep"
    assert "Riding Shotgun in His Old Van" not in read_topic(
        "country song about my uncle riding shotgun in his old van").title_candidates
    assert make_title("a firefighter coming home to his daughter") == "Coming Home"


def test_titles_keep_the_whole_noun_phrase():
    assert make_title("saying goodbye to my best friend at the airport", seed=1) == "Best Friend at the Airport"
    assert make_title("waiting for test results at the hospital") == "Test Results at the Hospital"
    # too long with its owner: what follows the owner
    assert make_title("my father's old guitar in the attic") == "Old Guitar in the Attic"
    assert make_title("country ballad about a horse named Blue") == "A Horse Named Blue"
    assert make_title("lofi chill beats about my cat") == "My Cat"


def test_an_adjective_before_a_noun_is_no_noun():
    tagged = tag_proper("a lonely song about an empty house")
    assert [p for t, _, p in tagged if t == "empty"] == ["a"]
    assert [p.bare for p in read_topic("a lonely song about an empty house").phrases] == ["empty house"]
    # a participle before a noun describes it: the word sung is "broken", not "break"
    assert read_topic("a broken guitar string and an empty bar").words == (
        "broken", "guitar", "string", "empty", "bar")
    assert [p.bare for p in read_topic("a broken guitar string and an empty bar").phrases] == [
        "broken guitar string", "guitar", "empty bar"]


def test_idioms_places_and_names_take_their_roles():
    t = read_topic("country song about my uncle riding shotgun in his old van")
    assert "shotgun" in t.words and "shotgun" not in {p.head for p in t.phrases}  # a way of riding, nothing held
    assert "wall" not in {p.head for p in read_topic("a marathon runner hitting the wall at mile twenty").phrases}
    t = read_topic("punk song about getting fired from the car wash")
    wash = _phrase(t, "car wash")
    assert wash.setting and not slot_fits("thing", wash, t)  # where one worked, not a thing held
    t = read_topic("turning 21 in Vegas")
    assert t.words == ("turn", "twenty-one", "vegas") and t.singer == ""
    assert _phrase(t, "Vegas").kind == "place"  # a place by its name, not the star Vega
    assert read_topic("getting kicked out of the diner").singer == ""  # the diner does not sing
    t = read_topic("a kid building a treehouse with his father")
    assert "treehouse" in t.words and "treehouse" not in t.style  # no genre ending on "house"
    assert read_topic("dreamy synthpop about driving").style == ("dreamy", "synthpop", "about")


def test_songs_hold_no_idiom_adjective_or_site():
    for description, bad in (
            ("country song about my uncle riding shotgun in his old van", r"\bthe shotgun\b"),
            ("blues about a lonely night and an empty glass", r"\bthe empty\b(?! glass)"),
            ("punk song about getting fired from the car wash", r"\b(hold|find|keep)\b.*\bcar wash\b")):
        for seed in (0, 1):
            _, text = write_song(description, seed=seed)
            assert not [ln for ln in text.split("\n") if re.search(bad, ln, re.I)], (description, seed)


def test_adverbs_participles_punctuation_and_years():
    # a verb after "who never" is no noun ("sleeps", "never came" were read as things)
    t = read_topic("a city that never sleeps")
    assert [p.bare for p in t.phrases] == ["city"] and make_title("a city that never sleeps") == "The City That Never Sleeps"
    assert make_title("a sailor who never came back") == "The Sailor Who Never Came Back"
    # a participle before a preposition or a particle is a verb, not a thing ("stuck" was a phrase of its own)
    assert [p.bare for p in read_topic("stuck in traffic on the freeway").phrases] == ["traffic", "freeway"]
    assert make_title("stuck in traffic on the freeway") == "Stuck in Traffic"
    assert make_title("a quiet house after the kids moved out") == "The Kids Moved Out"
    assert make_title("born in a small town") == "Born in a Small Town"
    # no phrase runs over a comma; a year is a time's
    assert [p.bare for p in read_topic("graduation day, class of 2024").phrases] == [
        "graduation day", "class", "twenty twenty-four"]
    assert make_title("summer of '69") == "Summer of Sixty-Nine"
    # "the music" is what the song is about; "music" alone asks for a song
    assert make_title("the night the music stopped") == "The Night the Music Stopped"
    assert read_topic("a song about music").words == ()


def test_clauses_of_time_place_and_relatives_to_their_end():
    assert make_title("the day the war ended") == "The Day the War Ended"  # "ended" is no adjective
    assert make_title("the summer we fell in love") == "The Summer We Fell in Love"  # never "We Fell"
    assert make_title("the night we fell asleep on the beach") == "The Night We Fell Asleep"
    assert make_title("the last time I saw my father") == "The Last Time I Saw My Father"
    assert make_title("a town where nothing happens") == "A Town Where Nothing Happens"
    # "go" of "the lights go down" is a verb (it was the noun of a phrase "lights go", title "Lights Go")
    assert make_title("when the lights go down in the city") == "The Lights Go Down"
    # "called" after "who never" is a verb, not the request word of "a song called ..."
    assert read_topic("the friend who never called back").words == ("friend", "never", "call")
    assert make_title("the friend who never called back") == "The Friend Who Never Called Back"
    assert make_title("a ballad called Summer Rain about my ex") == "Summer Rain"
    # a noun phrase too long for a title: its first word and its head
    assert make_title("our 50th wedding anniversary") == "Fiftieth Anniversary"
