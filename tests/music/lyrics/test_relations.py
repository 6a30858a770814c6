"""Who the song is about and how they stand to the singer: a friend who turned, parents who split, the one
at home waiting for one away, someone alive who is celebrated (not mourned)."""

from tests.music.lyrics.lines import candidate_texts as _texts
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, scene_parts, theme_weights


def _has(description: str, words: str) -> bool:
    """True when a candidate line of ``description`` sings ``words`` (any case, optional words and all)."""
    return any(words.lower() in ln for ln in _texts(description, lower=True))


def test_a_friend_who_betrayed_is_sung_as_such_and_never_praised():
    for d in ("song about a friend who stabbed me in the back", "dark trap song about betrayal by a friend",
              "my best friend stole my girlfriend", "fake friends and lies"):
        t = read_topic(d)
        assert "betrayed" in t.tags, d
        assert theme_weights(t)["betrayal"] >= STRONG, d
        assert not _has(d, "you always pick up when I call"), d  # a friend's loyalty, now: not in this song
        assert not _has(d, "here's to you my friend"), d
    assert _has("song about a friend who stabbed me in the back", "I never saw the knife in you")
    # a friend with no betrayal keeps the lines of loyalty
    assert "betrayed" not in read_topic("a song for my best friend").tags
    assert _has("a song for my best friend", "you always pick up when I call")


def test_parents_splitting_up_is_a_childs_song_not_a_lovers_breakup():
    for d in ("song about my parents' divorce when I was ten", "when my parents split up and dad moved out",
              "growing up between two houses after the divorce"):
        t = read_topic(d)
        assert "splitup" in t.themes, d
        w = theme_weights(t)
        assert w["splitup"] >= STRONG and w["heartbreak"] == 0.0 and w["love"] == 0.0, d
        assert "no-romance" in t.tags, d
        assert _has(d, "I've got two doors and two keys"), d
    # an adult's own divorce is still a breakup
    t = read_topic("a song about my divorce")
    assert "splitup" not in t.themes and theme_weights(t)["heartbreak"] >= STRONG


def test_the_one_at_home_stays_and_sings_to_the_one_away():
    t = read_topic("a soldier's mother waiting for a letter")
    assert t.singer == "soldier's mother" and t.addressee == "soldier"
    assert "stay" in t.tags and "go" not in t.tags and "no-you" not in t.tags
    d = "a soldier's mother waiting for a letter"
    assert _has(d, "I read your letter by the light")
    assert not _has(d, "I write to you by candlelight")  # the soldier's own line, from the front
    assert not _has(d, "the soldier,")  # never called so: he is "you"
    d = "ballad about a sailor's wife waiting by the sea"
    assert _has(d, "I watch the harbour every night") and not _has(d, "I hold on to the wheel")
    # the sailor himself still sings his own lines
    assert _has("a sailor's last voyage across the sea", "I hold on to the wheel")


def test_someone_alive_is_not_sung_as_gone():
    d = "a song for my grandma's 90th birthday"
    assert not _has(d, "I remember my grandma so well") and not _has(d, "one more day")
    d = "my grandmother's funeral"
    assert _has(d, "I remember my grandmother so well") and _has(d, "one more day")


def test_an_object_pronoun_is_no_possessive():
    d = "acoustic love song about meeting her at a bookstore in Brooklyn"
    assert "meeting you" in scene_parts(read_topic(d), d)["act"]
    d = "a song about teaching her to ride a bike"
    assert scene_parts(read_topic(d), d)["act"][0].startswith("teaching her to ride")


def test_a_bull_ride_is_the_rodeo_not_a_trail_ride():
    w = theme_weights(read_topic("country song about bull riding at the state fair"))
    assert w["rodeo"] >= STRONG and w["horse"] == 0.0
    d = "country song about bull riding at the state fair"
    assert _has(d, "eight seconds never felt so long") and not _has(d, "mane")


def test_common_prompts_of_no_lover_have_their_own_themes():
    # standing up again, a love of oneself (no lover), a love that hurt (no sweet lines), getting sober, the mind
    assert theme_weights(read_topic("never give up, motivational"))["strength"] >= STRONG
    t = read_topic("empowering song about loving myself")
    w = theme_weights(t)
    assert w["strength"] >= STRONG and w["love"] == 0.0 and "no-romance" in t.tags
    w = theme_weights(read_topic("toxic relationship with a manipulative ex"))
    assert w["heartbreak"] >= STRONG and w["love"] == 0.0
    assert _has("my boyfriend cheated on me", "all the nights you said you worked late")
    assert theme_weights(read_topic("getting sober, one year clean"))["sober"] >= STRONG
    assert theme_weights(read_topic("mental health, feeling lost"))["mind"] >= STRONG
    # a retirement sings the years and the farewell, not a lesson learnt ("thirty years of teaching")
    d = "celebrating my mom's retirement after thirty years of teaching"
    assert theme_weights(read_topic(d))["learning"] == 0.0
    assert _has(d, "she gave them every morning that she had") and not _has(d, "braver than I used to be")


def test_a_wedding_is_a_day_broke_is_no_money_and_games_are_no_sport():
    for d in ("song for our wedding", "wedding first dance song", "first dance at our wedding"):
        assert "wedding" in read_topic(d).words and theme_weights(read_topic(d))["wedding"] >= STRONG, d
    assert theme_weights(read_topic("rent is due and I'm broke"))["hustle"] >= STRONG
    assert theme_weights(read_topic("the car broke down"))["hustle"] < 2.0
    w = theme_weights(read_topic("playing video games all night"))
    assert w["gaming"] >= STRONG and w["sport"] == 0.0 and w["distance"] == 0.0
    assert theme_weights(read_topic("got ghosted after three dates"))["dating"] >= STRONG
    assert _has("new year's eve countdown", "we count it down from ten to one")
    assert not _has("a summer festival with friends", "we count it down from ten to one")


def test_a_couples_story_sleeplessness_a_homecoming_and_an_ex_are_named_in_phrases():
    w = theme_weights(read_topic("growing old together"))
    assert w["love"] >= STRONG and w["childhood"] == 0.0  # no childhood of "growing"
    assert theme_weights(read_topic("the day we met"))["love"] >= STRONG
    assert theme_weights(read_topic("can't sleep at 3am"))["night"] >= STRONG
    assert theme_weights(read_topic("coming home after years away"))["homesick"] >= STRONG
    assert theme_weights(read_topic("missing my ex"))["heartbreak"] >= STRONG
    assert theme_weights(read_topic("heartbroken country song"))["heartbreak"] >= STRONG
    # "growing up" is still a childhood
    assert theme_weights(read_topic("growing up in a small town"))["childhood"] >= STRONG


def test_the_one_sung_to_who_leaves_is_sung_from_home_and_a_love_letter_to_a_place_has_no_lover():
    d = "my son leaving for the army"
    assert "athome" in read_topic(d).tags
    assert _has(d, "I read your letter by the light") and not _has(d, "tell the kids I'm doing fine")
    assert "athome" not in read_topic("a soldier going to war").tags
    assert _has("a soldier going to war", "tell the kids I'm doing fine")
    t = read_topic("a love letter to my hometown")
    assert "loveletter" in t.themes and "no-romance" in t.tags and theme_weights(t)["love"] == 0.0
    assert "loveletter" not in read_topic("a love song to my wife").themes
    # a ten-year anniversary sings no silver hair (a couple grown old does)
    assert not _has("a love song for my wife on our tenth anniversary", "your hair is silver")
    assert _has("growing old together", "your hair is silver")


def test_a_kin_sung_in_her_own_voice_still_sings_who_she_is():
    from tests.music.lyrics.lines import sung_lines
    from topline.music.lyrics.writer import write_song

    for seed in (0, 1):
        _, text = write_song("ballad about a sailor's wife watching the sea", seed=seed)
        sung = " ".join(sung_lines(text)).lower()
        assert "sailor" in sung and "wife" in sung, seed
    assert not _has("a song for my grandma's 90th birthday", "I can almost hear her call")
