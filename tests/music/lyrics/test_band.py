"""Playing music with a band or alone before people (helper band): how each kind is named (``topic.band_kinds``), what
never names it (a garage sale, a mechanic's garage, a favourite band, a wedding band, a city tour), the mechanic's
garage kept out of a band's song, the lines each kind keeps to itself, and the songs sung."""

from tests.music.lyrics.lines import couplet_counts, sung_lines, theme_lines
from topline.music.lyrics import write_song
from topline.music.lyrics.topic import band_kinds, read_topic
from topline.music.lyrics.writer import STRONG, theme_weights

GARAGE = "punk song about my garage band, the neighbors keep calling the cops on our drummer"
SHOW = "indie rock song about our first show in a basement, ten people showed up and it was the best night ever"
BAR = "a country song about playing a dive bar for tips on a Friday night"
VAN = "punk rock song about touring in a beat up van, sleeping on floors and selling shirts at the merch table"
OPENMIC = "an acoustic song about my first open mic night, so nervous my hands were shaking"
BUSK = "a folk song about busking on the street corner with my guitar case open"
SPLIT = "a sad rock song about my band breaking up after ten years together"
REUNION = "a country song about getting the old band back together for one last reunion show"


def test_theme_size():
    assert couplet_counts(["band"]) == {"band": 113}


def test_each_kind_named():
    assert band_kinds(GARAGE.lower()) == {"band", "bandgarage", "bandown"}
    assert band_kinds("a song about jamming with my friends in the garage") == {"band", "bandgarage"}
    assert band_kinds(SHOW.lower()) == {"band", "bandshow"}
    assert band_kinds(BAR.lower()) == {"band", "bandshow"}
    assert band_kinds(VAN.lower()) == {"band", "bandroad"}
    assert band_kinds("a folk song about life on the road with my band") == {"band", "bandroad", "bandown"}
    assert band_kinds(OPENMIC.lower()) == {"band", "openmic"}
    assert band_kinds(BUSK.lower()) == {"band", "busking"}
    assert band_kinds("a street musician playing for coins in the subway") == {"band", "busking"}
    assert band_kinds(SPLIT.lower()) == {"band", "bandsplit"}  # (no band's present: "bandown" is not met)
    assert band_kinds(REUNION.lower()) == {"band", "bandreunion", "bandown"}  # (the reunion wins over the split)
    for d in (GARAGE, SHOW, BAR, VAN, OPENMIC, BUSK, SPLIT, REUNION):
        w = theme_weights(read_topic(d))
        assert w["band"] == 3 * STRONG and w["band"] > max(v for n, v in w.items() if n != "band"), d


def test_never_named_elsewhere():
    for d in ("a country song about the garage sale after my divorce", "two brothers fixing an old car in the garage",
              "my late father's tools hanging in my garage now", "going to see my favorite band live",
              "a song about my wedding band", "a tour of Paris with my mom", "the little drummer boy at christmas",
              "a rock song about the quiet guy from accounting who sang at the karaoke bar",
              "a country song about whiskey and last call at the bar"):
        assert not band_kinds(d.lower()) & {"band", "garagemusic"}, d


def test_no_mechanics_garage_with_a_band():
    for d in (GARAGE, "a fun rock song about starting a band in my parents' garage with three chords and a cheap amp"):
        assert theme_weights(read_topic(d))["repair"] == 0.0, d
        assert not theme_lines(d, {"repair", "car"}), d
    # a guitar in the garage with no band: no mechanic either, and no band's lines
    assert band_kinds("a song about practicing guitar in the garage") == {"garagemusic"}
    assert theme_weights(read_topic("a song about practicing guitar in the garage"))["repair"] == 0.0
    # the mechanic keeps his garage
    assert theme_weights(read_topic("two brothers fixing an old car in the garage"))["repair"] >= STRONG


def test_each_kind_keeps_its_own_lines():
    garage = theme_lines(GARAGE, {"band"})
    assert "and next door they're calling the police again" in garage
    assert "oh the cops pull up and we unplug" in garage  # (needs the cops or the neighbours)
    assert "and I write my name on the list at eight" not in garage
    assert "oh the cops pull up and we unplug" not in theme_lines(
        "a fun rock song about starting a band in my parents' garage with three chords and a cheap amp", {"band"})
    assert "and we set up by the washer and the dryer" in theme_lines(SHOW, {"band"})  # (a basement's)
    assert "and we set up by the washer and the dryer" not in theme_lines(BAR, {"band"})
    assert "and it's a dive bar with a neon sign" in theme_lines(BAR, {"band"})
    assert "and I fold the shirts on the merchandise table" in theme_lines(VAN, {"band"})
    busk = theme_lines(BUSK, {"band"})
    assert "and I lay the case out on the ground" in busk and "and tonight I sleep on a stranger's floor" not in busk
    assert "and down in the subway the echo's good" not in busk
    assert "and down in the subway the echo's good" in theme_lines(
        "an upbeat song about a street musician playing for the people passing by in the subway", {"band"})
    split = theme_lines(SPLIT, {"band"})
    assert "and we split the gear out on the lawn" in split and "oh one more night and one more show" not in split
    assert "and the set list is taped down by my feet" not in split  # (no band playing now)
    assert "oh one more night and one more show" in theme_lines(REUNION, {"band"})
    # no other description's song can sing them
    for d in ("a country song about whiskey and last call at the bar", "two brothers fixing an old car in the garage",
              "a folk song about my morning commute on the subway", "a chill song about my morning coffee"):
        assert not theme_lines(d, {"band"}), d


def test_the_songs_sing_their_subject():
    garage = sung_lines(write_song(GARAGE, seed=0)[1])
    assert "The garage is our only crowd" in garage
    assert "There's grease up to my elbows now" not in garage and "I turn the key and hold my breath" not in garage
    bar = sung_lines(write_song(BAR, seed=0)[1])
    assert "It's a dive bar with a neon sign" in bar and "No clock to punch, no boss to mind" not in bar
    openmic = sung_lines(write_song(OPENMIC, seed=0)[1])
    assert "My hands are shaking on the strings" in openmic and "The chair is hard, the room is white" not in openmic
    split = sung_lines(write_song(SPLIT, seed=0)[1])
    assert "We leave the lot in separate cars" in split
