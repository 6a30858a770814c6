"""Lines that contradict the description: its facts, a line's features, the planner's cost."""

from topline.music.lyrics.clash import contradictions, description_facts, line_features, lost_things, sings_as_had
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import CLASH_COST, Line, Planner, _parts, write_song


def test_description_facts_of_time_weather_fear_events_and_people():
    assert description_facts("a lazy morning in bed with coffee") == (frozenset({"daytime", "offstage"}), frozenset())
    assert description_facts("rainy day in the city, jazz vibes")[0] == {"daytime", "wet", "offstage"}
    assert description_facts("a lullaby at 2am")[0] == {"night", "offstage"}  # the small hours are no morning
    assert description_facts("a baker waking at 6am")[0] == {"daytime", "offstage"}
    assert description_facts("from midnight until morning")[0] == {"offstage"}  # both: neither settled
    assert description_facts("a puppy scared of the dark") == (frozenset({"afraid", "offstage"}),
                                                               frozenset({"dark", "darkness", "night"}))
    assert description_facts("a girl afraid of the ocean")[1] == {"ocean", "sea", "water", "waves", "tide"}
    assert description_facts("a boy who is scared of thunderstorms")[1] == {
        "thunderstorms", "thunderstorm", "storm", "thunder", "lightning", "rain"}
    assert description_facts("a cold rainy November evening")[0] == {"night", "wet", "cold", "offstage"}
    assert description_facts("losing my job at the mill")[0] == {"uprooted", "offstage"}
    assert description_facts("our family's bakery being sold")[0] == {"uprooted", "offstage"}
    assert description_facts("two months after she left")[0] == {"over", "offstage"}
    assert description_facts("nervous the night before my divorce")[0] == {"night", "offstage"}  # still ahead
    assert description_facts("a wedding song for Anna and Ben")[0] == {"guest"}  # the wedding has its band
    assert description_facts("an anniversary song for my parents")[0] == {"guest", "offstage"}
    assert description_facts("my sister's wedding by the lake")[0] == {"guest"}
    assert description_facts("a love song for my wife on our tenth anniversary")[0] == {"offstage"}
    assert description_facts("my wedding to Sam")[0] == set()
    assert description_facts("the wedding of Priyanka and Tom")[0] == {"guest"}
    assert description_facts("our wedding trip to Paris and Rome")[0] == set()  # (a wedding has its band)
    assert description_facts("our wedding day, for family and friends")[0] == set()
    assert description_facts("a band playing their first concert")[0] == set()
    # a genre or instrument that names the kind of song is no stage
    assert description_facts("sad piano ballad", style=("sad", "piano", "ballad"))[0] == {"offstage"}
    assert description_facts("sad piano ballad")[0] == set()
    assert read_topic("angry punk song").facts == frozenset()  # nothing but a genre: no subject to contradict
    assert read_topic("motivational workout anthem").facts == {"offstage"}


def test_line_features():
    assert line_features("the lights come on one by one") == {"evening"}
    assert line_features("the sun is shining on my face") == {"sunup"}
    assert line_features("I'm right where I belong, in my place") == {"stay", "fond"}
    assert line_features("the rooftops hold the summer heat") == {"heat"}
    assert line_features("oh the sky is big and clear") == {"clear"}
    assert line_features("I talk to the dark like an old friend") == {"fond"}
    assert line_features("the speakers hum, the lights are hot") == {"stage"}
    assert line_features("in fifty years when we are grey") == {"couple"}
    assert line_features("the bread is rising, soft and sweet") == frozenset()


def test_contradictions_against_the_description():
    night, _ = description_facts("a lullaby at midnight")
    assert contradictions("the sun is shining on my face", night) == {"sunup"}
    storm, _ = description_facts("a hiker lost in the mountains during a storm")
    assert contradictions("oh the sky is big and clear", storm) == {"clear"}
    morning, _ = description_facts("a farmer's early morning in the fields")
    assert contradictions("the traffic hums the night away", morning) == {"evening"}
    assert contradictions("the traffic hums the night away", night) == frozenset()
    facts, fears = description_facts("a puppy scared of the dark")
    assert contradictions("and I am not afraid", facts, fears) == {"fearless"}
    assert contradictions("I talk to the dark like an old friend", facts, fears) == {"fond"}
    assert contradictions("the sea is like an old friend", facts, fears) == frozenset()  # not what is feared
    facts, fears = description_facts("a girl afraid of the ocean")
    assert contradictions("oh take me out to sea", facts, fears) == {"fond"}
    assert contradictions("there's nothing here to fear", facts, fears) == {"fearless"}
    over, _ = description_facts("breakup song, two months after she left")
    assert contradictions("the breakup is near", over, filled=True) == {"ahead"}
    assert contradictions("the finish line is near", over) == frozenset()  # no word of the description
    uprooted, _ = description_facts("slow song about our farm being sold")
    assert contradictions("I planted every seed by hand, and I will not leave this land", uprooted) == {"stay"}
    guest, _ = description_facts("a wedding song for Anna and Ben")
    assert contradictions("in fifty years when we are grey", guest) == {"couple"}
    assert contradictions("the speakers hum, the lights are hot", guest) == frozenset()
    offstage, _ = description_facts("punk song about skipping school", style=("punk", "song"))
    assert contradictions("we're gonna make the rafters ring", offstage) == {"stage"}
    assert contradictions("we are loud and we are free", offstage) == frozenset()  # energy, not a scene


def test_a_thing_lost_is_not_sung_as_still_had():
    assert lost_things("losing my wallet on the bus") == {"wallet"}
    assert lost_things("I lost my old guitar") == {"guitar"}
    assert lost_things("losing my grandfather's watch on the train") == {"watch"}
    assert lost_things("our house burned down last winter") == {"house"}
    assert lost_things("a hiker lost in the mountains") == frozenset()  # lost where, not what
    assert lost_things("lost and lonely in a big city") == frozenset()
    assert lost_things("losing you") == frozenset()  # a person gone: the lost/here tags
    assert sings_as_had("I keep my wallet where I can see", frozenset({"wallet"}))
    assert sings_as_had("the coffee's cold, the house is still", frozenset({"house"}))
    assert not sings_as_had("I search the bus for my wallet", frozenset({"wallet"}))
    assert not sings_as_had("I keep a picture of the house", frozenset({"house"}))
    assert not sings_as_had("I keep my wallet where I can see", frozenset({"watch"}))
    planner = Planner(read_topic("losing my wallet on the bus"), 0)
    keep = Line(entry=-5, pos=0, theme="longing", roles="V", tags=frozenset(),
                parts=_parts("I keep my wallet where I can see"), filler="wallet")
    carrier = Line(entry=-1000, pos=0, theme="carry", roles="V", tags=frozenset(),
                   parts=_parts("I keep my wallet in my hand"), filler="")
    assert (planner.clashes(keep), planner.clashes(carrier)) == (1, 0)  # the description's own clause is not costed
    # the bank's own couplet: its second line points back to the wallet kept ("it"), so it goes with the first
    first = next(ln for ln in planner.lines if ln.pos == 0 and "where I can see" in " ".join(t for t, _ in ln.parts))
    second = next(ln for ln in planner.lines if (ln.entry, ln.pos, ln.filler) == (first.entry, 1, first.filler))
    assert " ".join(t for t, _ in second.parts) == "and it's all that's left to me"
    assert (planner.clashes(first), planner.clashes(second)) == (1, 1)


def test_the_planner_costs_a_contradicting_line_below_every_stock_line():
    topic = read_topic("a boy who is scared of thunderstorms")
    planner = Planner(topic, 0)
    fearless = Line(entry=-5, pos=0, theme="general", roles="V", tags=frozenset(), parts=_parts("I am not afraid"),
                    filler="")
    calm = Line(entry=-6, pos=0, theme="general", roles="V", tags=frozenset(), parts=_parts("I am not asleep"),
                filler="")
    planner.jitter.update({fearless.key: 0.0, calm.key: 0.0})
    assert planner.clashes(fearless) == 1 and planner.clashes(calm) == 0
    assert planner.score(calm, 5, "V")[0] - planner.score(fearless, 5, "V")[0] == CLASH_COST
    # belonging where one is, of a bank line tagged so, when the job or the home is being lost
    planner = Planner(read_topic("getting laid off from the factory"), 0)
    belong = Line(entry=-7, pos=0, theme="city", roles="V", tags=frozenset({"belong"}), parts=_parts("I know the block"),
                  filler="")
    assert planner.clashes(belong) == 1
    # a lover's line at someone else's wedding or anniversary
    lover = Line(entry=-8, pos=0, theme="love", roles="V", tags=frozenset({"romance"}),
                 parts=_parts("I'm yours and you are mine"), filler="")
    assert Planner(read_topic("an anniversary song for my parents"), 0).clashes(lover) == 1
    assert Planner(read_topic("a love song for my wife on our anniversary"), 0).clashes(lover) == 0
    mine = Line(entry=-9, pos=0, theme="love", roles="V", tags=frozenset(), parts=_parts("you are mine"), filler="")
    assert Planner(read_topic("a love song for my parents' anniversary"), 0).clashes(mine) == 1


def test_songs_sing_no_line_that_contradicts_their_description():
    songs = {d: write_song(d, seed=0)[1].lower() for d in (
        "a boy who is scared of thunderstorms", "a puppy scared of the dark", "our family's bakery being sold",
        "punk song about skipping school with my friends", "breakup song, two months after she left",
        "motivational gym anthem, lift heavy, stay strong")}
    for d, text in songs.items():
        facts, fears = description_facts(d, style=read_topic(d).style)
        assert [ln for ln in text.splitlines() if contradictions(ln, facts, fears)] == [], d
    assert "not afraid" not in songs["a boy who is scared of thunderstorms"]
    assert "sun is shining" not in songs["a boy who is scared of thunderstorms"]
    assert "rafters" not in songs["punk song about skipping school with my friends"]
    assert "is near" not in songs["breakup song, two months after she left"]
