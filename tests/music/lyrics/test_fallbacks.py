"""Where a description names no theme of its own: the place it happens, the light verbs that anchor no line,
the traveller's lines kept from the one at home, and a lullaby's bedtime."""

from tests.music.lyrics.lines import candidate_texts as _texts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, anchored, mood_themes, theme_weights


def _has(description: str, words: str) -> bool:
    return any(words.lower() in ln for ln in _texts(description, lower=True))


def test_a_longer_description_with_no_theme_is_about_the_place_it_happens():
    t = read_topic("a song about hating Mondays at the office")
    w = theme_weights(t)
    assert w["work"] == 2.0 and not any(v >= STRONG for v in w.values())
    assert mood_themes(t, w) == {"work": STRONG}
    assert _has("a song about hating Mondays at the office", "I punch the clock")
    # not a noun that is no setting: the stars over a town sing no city lines whole
    t = read_topic("a lullaby about the stars watching over the sleeping town")
    assert "city" not in mood_themes(t, theme_weights(t))


def test_a_light_verb_of_the_description_anchors_no_line():
    t = read_topic("a lullaby about the stars watching over the sleeping town")
    assert not anchored("and I watch the eagles fly", t)
    assert anchored("I count the stars above the hill", t)
    # the same word as a thing held does anchor
    assert anchored("I wind the watch he gave to me", read_topic("losing my grandfather's watch on the train"))


def test_the_travellers_lines_are_not_sung_by_the_one_at_home():
    d = "sad song about my boyfriend leaving me at the airport"
    assert "athome" in read_topic(d).tags
    assert not _has(d, "I practise words I can't pronounce")
    assert not _has(d, "they laugh at how I say my name")
    assert _has("moving abroad alone for the first time", "I practise words I can't pronounce")


def test_a_lullaby_sings_bedtime_and_its_fears_only_where_named():
    t = read_topic("a lullaby about the stars watching over the sleeping town")
    assert theme_weights(t)["bedtime"] == 4.3  # "lullaby" a core key among the style words (4), a neighbour (0.3)
    d = "a lullaby about the stars watching over the sleeping town"
    assert _has(d, "pull the blanket to your chin") and _has(d, "the night light glows a friendly blue")
    assert not _has(d, "the closet door is open wide")
    assert _has("a bedtime song about the monster in my closet", "the closet door is open wide")


def test_a_game_at_the_table_is_no_sport_and_is_played_indoors():
    d = "a song about a rainy afternoon playing board games with my brother"
    t = read_topic(d)
    assert "tablegame" in t.themes and "indoors" in t.tags
    assert theme_weights(t)["sport"] == 0.0
    assert not _has(d, "we're the best team in the land")
    assert not _has(d, "let it rain on me") and not _has(d, "I'm dancing in the rain")
    assert _has(d, "I'm staying in until the storm goes by")
    assert "indoors" in read_topic("a song about being snowed in with my family by the fireplace").tags
    # out of doors, the rain may still be sung to
    assert _has("a farmer praying for rain in a dry summer", "let it rain on me")


def test_the_one_a_partner_cheats_with_is_sung_of_not_to():
    t = read_topic("a breakup song about my boyfriend cheating with my best friend")
    assert t.addressee == "boyfriend" and t.title_candidates == ("Breakup", "Boyfriend")
    t = read_topic("heartbreak song about finding out she cheated with my cousin")
    assert t.addressee == "" and "no-you" not in t.tags and "Cousin" not in t.title_candidates
    assert read_topic("my wife left me for my brother").addressee == "wife"


def test_a_title_keeps_both_objects_of_a_verb_of_giving():
    assert read_topic("a rap song about coming from nothing and buying my mom a house").title_candidates[0] == \
        "Buying My Mom a House"
    assert read_topic("building my kids a treehouse").title_candidates[0] == "Building My Kids a Treehouse"
    assert read_topic("teaching my son to fish").title_candidates[0] == "Teaching My Son to Fish"


def test_a_worship_song_is_a_hymn_and_a_love_of_god_no_lovers_song():
    t = read_topic("a worship song about new beginnings")
    assert "worship" in t.style and "worship" not in t.words
    assert theme_weights(t)["faith"] >= STRONG
    t = read_topic("praise song about the love of Jesus")
    assert "divine" in t.themes and "romance" not in t.tags
    w = theme_weights(t)
    assert w["faith"] >= STRONG and w["love"] == 0.0
    # a song about worship itself keeps the word to sing
    assert read_topic("a song about worship").words == ("worship",)


def test_a_worker_in_a_place_sings_no_day_off_there():
    t = read_topic("a folk song about a coal miner in the mountains")
    w = theme_weights(t)
    assert w["nature"] == STRONG - 0.1 and w["mine"] >= STRONG
    assert not _has("a folk song about a coal miner in the mountains", "I climb until I touch the sky")
    # one who goes there for the place sings it whole
    assert theme_weights(read_topic("a hike in the mountains"))["nature"] >= STRONG


def test_only_a_keepsake_is_found_on_the_shelf():
    from topline.music.lyrics.writer import slot_fits
    t = read_topic("a folk song about a coal miner in the mountains")
    coal = next(p for p in t.phrases if p.head == "coal")
    assert not slot_fits("thing", coal, t)
    t = read_topic("losing my grandfather's watch on the train")
    watch = next(p for p in t.phrases if p.head == "watch")
    assert slot_fits("thing", watch, t)


def test_where_someone_else_is_named_is_not_the_singers_place():
    t = read_topic("love song about a long distance girlfriend in Australia")
    assert t.elsewhere == {"Australia"} and t.settings == ()
    assert not _has("love song about a long distance girlfriend in Australia", "I'm a long way from Australia now")
    # with the singer there too, the place is the singer's
    assert read_topic("a night out with my friends in Paris").elsewhere == frozenset()
    assert read_topic("fishing with grandpa in Portugal").settings == ("in Portugal",)


def test_a_duet_and_a_bedtime_song_are_kinds_of_song():
    assert read_topic("a duet about two old lovers").words == ("two", "old", "lover")
    t = read_topic("a bedtime song about the stars")
    assert t.words == ("star",) and theme_weights(t)["bedtime"] == STRONG
    assert read_topic("a song about bedtime").words == ("bedtime",)


def test_a_workplace_named_by_what_it_sells_is_the_job_not_the_food():
    w = theme_weights(read_topic("punk song about getting fired from the pizza place"))
    assert w["food"] == 0.0 and w["work"] >= STRONG
    w = theme_weights(read_topic("working the night shift at the taco truck"))
    assert w["food"] == 0.0 and w["road"] < STRONG
    # no job named: the food is the song
    assert theme_weights(read_topic("a song about pizza night with my family"))["food"] >= STRONG


def test_a_title_keeps_the_particle_that_turns_its_sense():
    assert read_topic("upbeat pop song about getting my braces off").title_candidates[0] == "Getting My Braces Off"
    assert read_topic("a song about turning the lights off").title_candidates[0] == "Turning the Lights Off"
    # a preposition with its own object is no particle
    assert read_topic("throwing my phone over the fence").title_candidates[0] == "Throwing My Phone"


def test_a_verb_needing_nothing_takes_where_it_is_done_into_the_title():
    assert read_topic("a lazy song about staying in bed all day").title_candidates[0] == "Staying in Bed"
    assert read_topic("sleeping in class").title_candidates == ("Sleeping in Class",)


def test_nobody_after_a_noun_opens_a_clause():
    t = read_topic("a sad song about being the new kid nobody talks to")
    assert t.singer == "new kid" and t.title_candidates == ("New Kid",)
    assert read_topic("a song about someone I used to know").words[0] == "someone"


def test_staying_in_bed_is_indoors():
    assert "indoors" in read_topic("an r&b slow jam about a rainy sunday in bed with you").tags
    assert "indoors" in read_topic("a lazy afternoon on the couch").tags
    assert "indoors" not in read_topic("a rainy sunday walk with you").tags


def test_the_one_sung_to_who_is_far_away_leaves_the_singer_at_home():
    for d in ("a love song for my husband who works overseas", "a sad song about my brother in prison",
              "a song for my wife who is deployed with the navy"):
        assert {"athome", "alone"} <= read_topic(d).tags, d
        assert "together" not in read_topic(d).tags
    assert "athome" not in read_topic("a song for my husband").tags


def test_a_theme_keyed_by_someone_elses_verb_is_in_their_voice():
    t = read_topic("a song about my dad who drives trucks across the country")
    assert t.their_verbs == ("drive",) and theme_weights(t)["road"] == STRONG - 0.1
    assert read_topic("a song about my mom working three jobs to raise us").their_verbs == ("work",)
    # done with the singer ("teaching me"), or by a dog, or by us: the singer's own lines too
    assert read_topic("my grandmother teaching me to bake bread").their_verbs == ()
    assert read_topic("a dog that waits by the door").their_verbs == ()
    assert read_topic("the night our team won the championship").their_verbs == ()


def test_a_scene_line_says_each_piece_once():
    assert not _has("a lazy song about staying in bed all day", "in bed, i'm staying in bed")


def test_a_childrens_song_takes_no_grown_up_line_for_a_word_it_shares():
    def every(description):  # the reserve of every theme a long song draws on
        return _texts(description, lower=True, every_theme=True)

    kids = every("a kids song about a frog who wants to fly")
    assert "and the coffee's cold, the hours fly" not in kids  # a friendship line with the word "fly"
    assert "and there's no one else i'd want to ride" not in kids  # "wants" is a light verb there: no anchor
    assert "and for the kids who want what i wanted before" not in kids  # the hustle theme is no child's
    assert "and teach me how to fly" in kids
    # the same lines for grown-ups
    assert "and the coffee's cold, the hours fly" in every("a song about a man who wants to fly")


def test_a_clause_of_someone_elses_is_a_title_whole():
    assert read_topic("a breakup song where she keeps the dog").title_candidates[0] == "She Keeps the Dog"
    assert read_topic("sad song about when they tore down my old school").title_candidates[0] == (
        "They Tore Down My Old School")
    assert read_topic("a song about the day he proposed").title_candidates[0] == "He Proposed"


def test_a_bike_is_ridden_not_driven():
    d = "a happy song about learning to ride a bike without training wheels"
    w = theme_weights(read_topic(d))
    assert w["road"] < STRONG and w["learning"] >= STRONG  # ("wheels" it goes without key nothing)
    assert not _has(d, "engine") and not _has(d, "both hands on the wheel")
    assert theme_weights(read_topic("a song about my first car"))["car"] >= STRONG
