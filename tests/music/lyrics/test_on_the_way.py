"""Where a description is on its way to and has not reached ("stuck in traffic on the way to my own wedding"), the
traffic theme, whom a song is for ("a silly song for children"), and a home or a farm sold."""

from tests.music.lyrics.lines import candidate_texts, theme_weight
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import gate_words


def test_where_one_is_on_the_way_to_keys_no_theme():
    d = "a punk song about getting stuck in traffic on the way to my own wedding"
    t = read_topic(d)
    assert t.ahead_of == frozenset({"wedding"})
    assert theme_weight(d, "wedding") < 1.0 < theme_weight(d, "traffic")  # (its neighbours alone: 0.6)
    lines = candidate_texts(d, lower=True)
    assert "and somewhere the organ starts to play" in lines  # late for it, and the lines of the way there
    assert not any("down the aisle" in ln or "lift the veil" in ln for ln in lines)  # never the wedding under way
    assert "enroute" in gate_words(t)
    # going home is no destination kept from the song, nor is being late for school again
    assert read_topic("on the way home from work").ahead_of == frozenset()
    assert read_topic("late for school again").ahead_of == frozenset()


def test_traffic_has_its_own_lines_and_running_late_is_gated():
    lines = candidate_texts("stuck in traffic on the way to the airport", lower=True)
    assert "i drum the wheel and check the clock" in lines
    assert "i call ahead to say i'm late" in lines
    assert "i call ahead to say i'm late" not in candidate_texts("a song about rush hour traffic in the city", lower=True)


def test_a_song_for_children_is_a_childrens_song():
    t = read_topic("a silly song for children about a hamster running on his wheel")
    assert "child" not in t.words and "children" in t.style and "no-grown" in t.tags
    assert "child" in read_topic("a song for my children").words  # one's own children are sung to


def test_a_home_or_farm_sold_sings_the_sale_not_the_farming():
    for d in ("a country song about selling the family farm", "slow ballad about my grandfather's farm being sold"):
        t = read_topic(d)
        assert "houselost" in t.themes and "down" in t.tags
        lines = candidate_texts(d, lower=True)
        assert "i walk the fence line one last time" in lines
        assert not any("tractor hums" in ln for ln in lines)  # the farm kept, worked
    home = candidate_texts("selling my childhood home", lower=True)
    assert "and the kitchen echoes when i speak" in home and "i walk the fence line one last time" not in home
    # an ex who kept the house put up no sign
    assert not any("sign out on the lawn" in ln for ln in candidate_texts("a song about my ex who got the house", lower=True))


def test_a_newcomer_belongs_nowhere_yet():
    d = "a hopeful song about starting over in a new city after a divorce"
    assert "no-belong" in read_topic(d).tags
    assert not any("still knows my name" in ln for ln in candidate_texts(d, lower=True))
    assert "no-belong" not in read_topic("a song about the city where I grew up").tags


def test_an_empty_chair_at_the_table_is_someone_gone():
    d = "a sad song about the empty chair at christmas dinner"
    assert {"lost", "down"} <= read_topic(d).tags
    lines = candidate_texts(d, lower=True)
    assert not any("the table's full" in ln or "glad i'm part of this crowd" in ln for ln in lines)
    full = candidate_texts("a song about christmas dinner with the whole family", lower=True)
    assert any("glad i'm part of this crowd" in ln for ln in full)


def test_what_someone_never_does_keys_no_theme_of_doing_it():
    d = "an angry song about a landlord who never fixes anything"
    assert "fix" in read_topic(d).absent
    lines = candidate_texts(d, lower=True)
    assert not any("carburetor" in ln or "engine catches" in ln for ln in lines)
    assert "fix" not in read_topic("a song about my dad who fixes old cars").absent
    # nor sung without its "never" ("the landlord fixes anything")
    from topline.music.lyrics.writer import carriers
    t = read_topic(d)
    texts = [" ".join(p for p, _ in ln.parts).lower() for w in t.words for ln in carriers(t, d, w)[0]]
    assert not any("fixes" in x and "never" not in x for x in texts)
