"""Titles from a clause about someone ("a cat who thinks he owns the house", "a dragon who is scared of the dark",
"giving back his hoodie"), a children's dragon with no battle, a storm waited out indoors, a pet grown old and a cat
who rules the house."""

from tests.music.lyrics.lines import candidate_texts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import theme_weights


def test_a_clause_about_someone_titles_the_song():
    assert read_topic("a funny song about a cat who thinks he owns the house").title_candidates[0] == "He Owns the House"
    assert read_topic("a kids song about a dragon who is scared of the dark").title_candidates[0] == "Scared of the Dark"
    assert read_topic("a song about a girl who is afraid of the water").title_candidates[0] == "Afraid of the Water"


def test_someone_elses_thing_titles_the_song_as_the_thing():
    assert read_topic("a song about fixing his old car").title_candidates[0] == "Old Car"
    # in a love song his or hers is the one sung to's ("deleting his number": someone's number is no song)
    assert read_topic("a breakup song about giving back his hoodie").title_candidates[0] == "Giving Back Your Hoodie"
    assert read_topic("a breakup song about deleting his number").title_candidates[0] == "Deleting Your Number"
    # a state of mind alone titles its song
    assert read_topic("a song about insomnia at 3am").title_candidates == ("Insomnia",)
    assert read_topic("a song about fixing his truck").title_candidates[0] == "Fixing the Truck"
    # not what is no thing ("her voice") nor someone ("her baby", sung only by the one whose baby it is)
    assert read_topic("a song about a girl finding her voice").title_candidates == ("Girl",)
    assert read_topic("a lullaby: a mother singing her baby to sleep").title_candidates[0] == "Singing My Baby to Sleep"


def test_a_childrens_dragon_fights_no_battle():
    lines = candidate_texts("a kids song about a dragon who is scared of the dark", lower=True)
    assert not any("sword" in ln or "bones of kings" in ln or "beers" in ln for ln in lines)
    assert "i draw my sword and face the flame" in candidate_texts("an epic song about a knight and a dragon", lower=True)


def test_a_storm_waited_out_is_waited_out_indoors():
    assert "indoors" in read_topic("a folk song about a fisherman waiting out a storm").tags
    lines = candidate_texts("a folk song about a fisherman waiting out a storm", lower=True)
    assert not any("dancing in the rain" in ln for ln in lines)


def test_a_pet_grown_old():
    lines = candidate_texts("a sad song about my old dog who can't climb the stairs anymore", lower=True)
    assert "i carry you up every stair" in lines and "and i'll walk you slowly to the gate" in lines
    cat = candidate_texts("sad song about my old cat who sleeps all day", lower=True)
    assert "i carry you up every stair" in cat and "and i'll walk you slowly to the gate" not in cat  # (a dog's walk)
    assert "i carry you up every stair" not in candidate_texts("a song about my new puppy", lower=True)


def test_a_cat_who_rules_the_house():
    lines = candidate_texts("a funny song about a cat who thinks he owns the house", lower=True)
    assert "and he knocks my coffee off the shelf" in lines
    assert "and he knocks my coffee off the shelf" not in candidate_texts("a song about my lazy cat", lower=True)


def test_a_kitchen_where_a_couple_dances_is_no_grandmothers():
    lines = candidate_texts("a love song about slow dancing in the kitchen at midnight", lower=True)
    assert not any("cookie jar" in ln or "smell the bread" in ln for ln in lines)
    assert "and the cookie jar is on the shelf" in candidate_texts("my grandmother's kitchen on a sunday morning",
                                                                   lower=True)


def test_a_little_brother_is_sung_to_as_the_younger():
    d = "a song about my little brother who looks up to me"
    assert theme_weights(read_topic(d))["siblings"] >= 4.0 and "no-elder" in read_topic(d).tags
    lines = candidate_texts(d, lower=True)
    assert "and you laugh at every joke i tell" in lines
    assert not any("handed down" in ln or "walked me home from school" in ln for ln in lines)
    assert "and you laugh at every joke i tell" not in candidate_texts("a song about my brothers and me", lower=True)
    # a song with a subject of its own keeps it: the little brother beating cancer is the illness's song
    assert theme_weights(read_topic("country song about my little brother beating cancer"))["siblings"] < 4.0


def test_her_as_an_object_is_no_ones_thing():
    assert read_topic("long distance relationship, missing her").title_candidates[0] == "Long Distance Relationship"


def test_the_first_warm_day_of_spring():
    lines = candidate_texts("an upbeat song about the first warm day of spring at the park", lower=True)
    assert "and i leave my winter coat at home" in lines and "and we spread a blanket on the lawn" in lines
    sad = candidate_texts("sad piano song about losing my dog biscuit last spring", lower=True)
    assert "and i leave my winter coat at home" not in sad  # (a glad spring's line)
    assert "and we spread a blanket on the lawn" not in candidate_texts("a song about spring cleaning", lower=True)


def test_a_learner_drives_no_highway_at_night():
    lines = candidate_texts("a song about my dad teaching me to drive in an empty parking lot", lower=True)
    assert "and it's sunday in the empty lot" in lines
    assert not any("exit signs" in ln for ln in lines)
    assert theme_weights(read_topic("a song about driving all night on the highway"))["road"] >= 4.0


def test_what_a_clause_says_of_someone_else_keys_no_theme_of_its_own():
    # (the house is what the cat thinks he owns: no homeowner's porch and old house standing strong)
    assert theme_weights(read_topic("a funny song about a cat who thinks he owns the house"))["house"] < 4.0
    # one whose clause is the song keeps its theme ("a boy who loves trains": nothing else keys one)
    assert theme_weights(read_topic("a song about a boy who loves trains"))["train"] >= 4.0
