"""Songs whose subject does not happen or goes for good (a cancelled concert, a store closing down), qualities
that name no subject ("a flat tire"), and a description whose words key no theme at all."""

from tests.music.lyrics.lines import sung_lines, theme_lines
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, mood_themes, theme_weights, write_song


def test_calling_off_or_closing_down_makes_a_letdown():
    for d in ("emo song about a cancelled concert", "the wedding was called off", "a song about the record store "
              "on our street closing down", "our trip got postponed again", "the diner shut down for good"):
        t = read_topic(d)
        assert "letdown" in t.themes and {"calledoff", "down"} <= t.tags and "up" not in t.tags, d
    for d in ("closing my eyes", "a close call", "the store down the street", "calling my mom"):
        t = read_topic(d)
        assert "letdown" not in t.themes and "calledoff" not in t.tags, d


def test_what_is_called_off_is_not_sung_under_way():
    t = read_topic("emo song about a cancelled concert")
    w = theme_weights(t)
    assert w["festival"] == STRONG - 0.1 and w["letdown"] >= STRONG
    assert "festival" not in mood_themes(t, w)  # its one noun no longer makes the song the concert's
    _, text = write_song("emo song about a cancelled concert", seed=0)
    sung = sung_lines(text)
    letdown = [w for w in ("ticket", "refund", "group chat", "stage is dark", "plans we made", "counting down")
               if any(w in ln for ln in sung)]
    assert len(letdown) >= 5, sung
    assert "The band is tuning down below" not in sung


def test_an_event_called_off_and_a_place_closing_sing_their_own_lines():
    concert = theme_lines("emo song about a cancelled concert", {"letdown"})
    store = theme_lines("a song about the record store on our street closing down", {"letdown"})
    assert "I had the tickets pinned above my bed" in concert and "I had the tickets pinned above my bed" not in store
    assert "and the sign says everything must go" in store and "and the sign says everything must go" not in concert


def test_a_quality_of_an_object_names_no_subject():
    # "flat" keys the new start (a flat to rent), "old" old age: not as a tire's or recipe cards' qualities
    assert theme_weights(read_topic("blues song about a flat tire in the desert"))["newstart"] < 2.0
    assert theme_weights(read_topic("my mom's handwriting on old recipe cards"))["oldage"] < 2.0
    assert theme_weights(read_topic("moving into a new flat"))["newstart"] >= 2.0
    assert theme_weights(read_topic("an old man on his porch"))["oldage"] >= 2.0
    assert theme_weights(read_topic("a rainy day in London"))["rain"] >= 2.0  # the day's weather is a subject


def test_a_description_that_keys_nothing_takes_its_genres_world():
    t = read_topic("rap song about selling sneakers out of my trunk")
    assert mood_themes(t, theme_weights(t)) == {"hustle": STRONG}
    # not where its words key a theme ("a rap about my paper round" is the paper round's, not the street's)
    t = read_topic("a rap song about my first car")
    assert "hustle" not in mood_themes(t, theme_weights(t))


def test_what_someone_left_behind_sings_them_gone():
    for d in ("r&b song about her perfume still on my pillow", "his jacket is still on the hook",
              "your coffee cup still sits by the sink"):
        t = read_topic(d)
        assert {"down", "alone"} <= t.tags and not {"together", "up"} & t.tags, d
    assert "alone" not in read_topic("my grandmother still lives in her old house").tags
