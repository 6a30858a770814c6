"""Descriptions that name a genre and a mood and little else: the genre says what the song sings of."""

from tests.music.lyrics.lines import candidate_texts as _texts
from tests.music.lyrics.lines import sung_lines
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import REFERS, STRONG, mood_themes, theme_weights, write_song


def _whole(description: str) -> dict[str, float]:
    t = read_topic(description)
    return mood_themes(t, theme_weights(t))


def test_rnb_and_eras_are_style_words_not_content():
    t = read_topic("soulful r&b slow jam")
    assert t.words == () and {"soulful", "rnb", "slow", "jam"} <= set(t.style)
    assert read_topic("an R'n'B song about love").words == ("love",)
    t = read_topic("nostalgic 80s pop song")
    assert t.words == () and {"nostalgic", "eighties"} <= set(t.style)
    assert read_topic("feel good song").words == ()


def test_a_genre_with_no_subject_sings_what_the_genre_sings_of():
    assert {"night", "road", "city"} <= _whole("dark synthwave track").keys()
    assert {"hustle", "city"} <= _whole("dark trap beat about the streets").keys()
    assert {"nature", "road"} <= _whole("melancholic indie folk song").keys()
    assert theme_weights(read_topic("nostalgic 80s pop song"))["nostalgia"] >= STRONG  # (its own keys)
    # a description with a subject of its own keeps it: the genre is colour, not the song
    assert "hustle" not in _whole("trap song about my grandmother's kitchen")


def test_a_soul_slow_jam_is_sung_to_a_lover():
    t = read_topic("soulful r&b slow jam")
    assert "romance" in t.tags and "no-you" not in t.tags
    assert set(_whole("soulful r&b slow jam")) == {"love"}
    # a sad song of nothing else stays a song of "we" and "I", as before
    assert "no-you" in read_topic("emotional piano ballad").tags


def test_one_or_two_words_with_no_theme_of_their_own_are_the_subject():
    whole = _whole("upbeat summer pop song")
    assert {"seasons", "heat", "vacation"} <= whole.keys() and all(whole[n] == STRONG for n in whole)
    assert "seasons" not in _whole("upbeat summer pop song about my dog and my grandmother's kitchen")


def test_coming_up_from_nothing_is_the_hustle_and_missing_home_is_homesick():
    t = read_topic("aggressive rap song about coming up from nothing")
    assert t.themes == {"hustle"} and theme_weights(t)["hustle"] >= STRONG
    assert read_topic("the sun coming up over the hills").themes == set()
    assert read_topic("far away from home for christmas").themes == {"homesick"}
    assert read_topic("driving home after a night shift").themes == set()
    w = theme_weights(read_topic("a slow sad song about missing home"))
    assert w["homesick"] >= STRONG
    assert "I call back home on Sunday night" in _texts("a slow sad song about missing home")


def test_a_line_sung_alone_never_points_back_to_a_partner_it_lacks():
    title, text = write_song("dark synthwave track", seed=0)
    chorus = text.split("[Chorus]\n", 1)[1].split("\n\n", 1)[0].split("\n")
    hook = chorus[0]  # the chorus's first line names the song
    assert hook.lower().endswith(title.lower())
    assert not REFERS.search(hook)


def test_a_genre_lends_its_world_only_where_the_description_names_nothing_outside_it():
    assert "hustle" not in _whole("rap about my paper round")
    # a noun inside another is no subject of its own ("paper" of "a paper round" is no study)
    assert "study" not in _whole("rap about my paper round")


def test_a_love_just_met_sings_no_line_of_a_couple_long_together():
    assert "newlove" in read_topic("love song about meeting someone at a coffee shop").tags
    assert "newlove" in read_topic("latin pop song about a summer romance in Barcelona").tags
    assert "newlove" not in read_topic("a love song for my wife on our tenth anniversary").tags
    met = " / ".join(_texts("love song about meeting someone at a coffee shop", lower=True))
    assert "you wear my sweater to the store" not in met and "you're the one i'm coming home to" not in met
    assert "you wear my sweater to the store" in " / ".join(_texts("romantic acoustic love song", lower=True))


def test_a_childrens_song_sings_its_own_story_and_no_grown_up_stock_line():
    t = read_topic("kids song about brushing your teeth")
    assert "no-grown" in t.tags
    texts = " / ".join(_texts("kids song about brushing your teeth", lower=True))
    assert "up and down and underneath" in texts and "the choices that i made" not in texts
    assert "the choices that i made" in " / ".join(_texts("angry punk song", lower=True))
    # "shoes" are a thing held, not a state of mind ("I can feel shoes rising up in me")
    assert "shoes rising" not in " / ".join(_texts("kids song about a little bear who can't find his shoes", lower=True))
    assert "where is the other shoe" in " / ".join(_texts("kids song about a little bear who can't find his shoes",
                                                           lower=True))


def test_an_abstract_word_frame_takes_a_bare_noun_only():
    texts = " / ".join(_texts("a country ballad for my dad who fixed trucks his whole life", lower=True))
    assert "whole life is what we've found" not in texts and "what whole life meant" not in texts
    assert "friendship is what we've found" in " / ".join(_texts("happy pop song about friendship", lower=True))


def test_a_clause_of_style_words_after_a_comma_is_style_not_subject():
    t = read_topic("fake friends and lies, dark hip hop")
    assert t.words == ("fake", "friend", "lie") and {"dark", "hip", "hop"} <= set(t.style)
    assert "motivational" in read_topic("never give up, motivational").style
    t = read_topic("chill lofi vibes, rainy afternoon")  # a clause with a subject of its own stays
    assert t.words == ("rainy", "afternoon")
