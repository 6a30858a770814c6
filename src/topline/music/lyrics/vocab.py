"""Theme vocabularies for written lyrics (original word lists, plain Python data).

Each theme has trigger ``keys`` (words in a description), ``nouns`` that take
"the" and end lines (rhyme candidates), ``adjs``, ``verbs`` (base form, intransitive)
and ``places`` (phrases after "in"/"through").
"""

THEMES: dict[str, dict[str, list[str]]] = {
    "love": dict(keys=["love", "lover", "romance", "romantic", "kiss", "valentine", "crush", "darling"],
                 nouns=["light", "flame", "sky", "heart", "dance", "glow", "spark", "stars", "moon", "view"],
                 adjs=["tender", "golden", "gentle", "burning", "bright"], verbs=["shine", "fall", "stay", "hold on"],
                 places=["your arms", "the candlelight", "the summer air"]),
    "heartbreak": dict(keys=["heartbreak", "breakup", "broken", "sad", "leaving", "goodbye", "lost", "cry", "tears", "lonely", "miss"],
                       nouns=["rain", "pain", "door", "floor", "night", "cold", "road", "ghost", "stone", "glass"],
                       adjs=["empty", "broken", "quiet", "fading", "lonely"], verbs=["fade", "break", "let go", "walk away"],
                       places=["an empty room", "the pouring rain", "the fading light"]),
    "summer": dict(keys=["summer", "sun", "sunny", "beach", "july", "holiday", "vacation"],
                   nouns=["sun", "sand", "waves", "shore", "heat", "breeze", "haze", "days", "tide", "sky"],
                   adjs=["golden", "endless", "warm", "lazy", "bright"], verbs=["shine", "drift", "run", "dance"],
                   places=["the summer sun", "the salty air", "the August heat"]),
    "night": dict(keys=["night", "midnight", "moon", "dark", "stars", "late"],
                  nouns=["night", "moon", "stars", "light", "dark", "sky", "streets", "glow", "sight", "flight"],
                  adjs=["silver", "midnight", "neon", "quiet", "endless"], verbs=["glow", "wander", "shine", "drive"],
                  places=["the dead of night", "the neon light", "the silver moon"]),
    "city": dict(keys=["city", "town", "street", "streets", "downtown", "urban", "neon", "subway"],
                 nouns=["streets", "lights", "train", "rain", "crowd", "sound", "town", "skyline", "stage", "lane"],
                 adjs=["neon", "crowded", "restless", "electric", "concrete"], verbs=["run", "rise", "roam", "move"],
                 places=["the city lights", "the crowded streets", "the subway train"]),
    "road": dict(keys=["road", "travel", "drive", "driving", "highway", "journey", "car", "trip", "wander", "miles"],
                 nouns=["road", "highway", "wheel", "miles", "line", "sign", "sky", "dust", "west", "rest"],
                 adjs=["open", "dusty", "endless", "lonesome", "winding"], verbs=["drive", "ride", "roll", "roam"],
                 places=["the open road", "the highway lights", "the desert dust"]),
    "home": dict(keys=["home", "hometown", "family", "mother", "father", "house", "back", "return", "small"],
                 nouns=["home", "porch", "door", "field", "town", "yard", "fire", "stone", "road", "light"],
                 adjs=["little", "old", "familiar", "quiet", "wooden"], verbs=["return", "stay", "come back", "remember"],
                 places=["my old hometown", "the kitchen light", "the garden gate"]),
    "freedom": dict(keys=["freedom", "free", "escape", "fly", "wild", "break", "chains", "rebel"],
                    nouns=["sky", "wind", "chains", "wings", "fire", "flight", "storm", "ground", "sound", "line"],
                    adjs=["wild", "open", "restless", "fearless", "free"], verbs=["fly", "run", "rise", "break free"],
                    places=["the open sky", "the rushing wind", "the morning light"]),
    "dreams": dict(keys=["dream", "dreams", "dreaming", "hope", "wish", "future", "believe", "goal"],
                   nouns=["dream", "stars", "sky", "light", "way", "day", "flame", "sun", "height", "gold"],
                   adjs=["distant", "shining", "endless", "golden", "brave"], verbs=["believe", "climb", "rise", "shine"],
                   places=["a brighter day", "the morning sun", "the shining stars"]),
    "party": dict(keys=["party", "dance", "dancing", "club", "celebrate", "weekend", "fun", "upbeat", "friday"],
                  nouns=["beat", "floor", "lights", "night", "bass", "sound", "crowd", "heat", "groove", "room"],
                  adjs=["electric", "loud", "wild", "shining", "crazy"], verbs=["dance", "move", "jump", "let go"],
                  places=["the flashing lights", "the crowded room", "the thumping bass"]),
    "faith": dict(keys=["faith", "god", "pray", "prayer", "church", "grace", "spirit", "heaven", "lord", "gospel"],
                  nouns=["light", "grace", "sky", "morning", "river", "mountain", "door", "flame", "day", "way"],
                  adjs=["holy", "shining", "gentle", "mighty", "golden"], verbs=["rise", "pray", "believe", "sing"],
                  places=["the morning light", "the river wide", "the mountain high"]),
    "friendship": dict(keys=["friend", "friends", "friendship", "together", "buddy", "crew", "brother", "sister"],
                       nouns=["road", "years", "times", "night", "fire", "song", "side", "ride", "town", "end"],
                       adjs=["faithful", "old", "steady", "true", "wild"], verbs=["laugh", "stand", "ride", "stay"],
                       places=["the old back road", "the campfire light", "the summer nights"]),
    "rain": dict(keys=["rain", "storm", "weather", "thunder", "cloud", "clouds", "grey", "gray"],
                 nouns=["rain", "storm", "thunder", "clouds", "pane", "sky", "flood", "lane", "gray", "day"],
                 adjs=["silver", "heavy", "gray", "stormy", "cold"], verbs=["pour", "fall", "wash away", "drift"],
                 places=["the falling rain", "the rolling thunder", "the stormy sky"]),
    "ocean": dict(keys=["ocean", "sea", "waves", "sail", "sailor", "shore", "island", "tide", "water"],
                  nouns=["sea", "tide", "waves", "shore", "sail", "deep", "blue", "foam", "coast", "boat"],
                  adjs=["endless", "blue", "salty", "restless", "deep"], verbs=["sail", "drift", "roll", "swim"],
                  places=["the rolling sea", "the ocean blue", "the sandy shore"]),
    "fire": dict(keys=["fire", "burn", "burning", "flame", "flames", "heat", "passion", "blaze"],
                 nouns=["fire", "flame", "blaze", "smoke", "spark", "heat", "wire", "light", "night", "sky"],
                 adjs=["burning", "wild", "red", "blazing", "fierce"], verbs=["burn", "ignite", "rise", "glow"],
                 places=["the burning light", "the smoke and flame", "the blazing night"]),
    "time": dict(keys=["time", "clock", "years", "memory", "memories", "past", "remember", "old", "young", "nostalgia"],
                 nouns=["time", "years", "clock", "days", "past", "hours", "line", "sign", "rain", "page"],
                 adjs=["faded", "golden", "older", "passing", "distant"], verbs=["remember", "fade", "pass", "hold on"],
                 places=["the days gone by", "the faded years", "an old photograph"]),
    "winter": dict(keys=["winter", "snow", "cold", "ice", "frozen", "december", "christmas", "frost"],
                   nouns=["snow", "cold", "ice", "frost", "night", "wind", "fire", "glow", "light", "white"],
                   adjs=["frozen", "silent", "icy", "bitter", "white"], verbs=["freeze", "fall", "shiver", "glow"],
                   places=["the falling snow", "the winter air", "the frozen lake"]),
}

# Words every theme may end a line with, chosen for many CMU rhymes.
COMMON_NOUNS = ["night", "light", "sky", "fire", "rain", "heart", "road", "sun", "sound", "ground", "day",
                "way", "time", "line", "sign", "door", "floor", "dream", "stream", "town", "crown", "flame",
                "name", "home", "stone", "bone", "shore", "storm", "dawn", "song", "wind", "sea", "tide", "side"]

# Register by style family: extra adjectives and the target syllable factor.
REGISTER: dict[str, dict] = {
    "metal": dict(adjs=["dark", "black", "cold", "iron", "bleeding"], density=1.0),
    "hiphop": dict(adjs=["real", "fresh", "fast", "heavy", "solid"], density=1.35),
    "country": dict(adjs=["dusty", "old", "muddy", "little", "Sunday"], density=1.0),
    "gospel": dict(adjs=["holy", "glorious", "shining", "blessed", "mighty"], density=0.9),
    "ballad": dict(adjs=["gentle", "fragile", "tender", "silent", "softest"], density=0.85),
}

STOPWORDS = frozenset("""a an the and or but of about for to in on at with without from into by is are was were be
been being it its this that these those song songs track tune lyrics write make create compose generate give me my
i we you your our some very really like want need please upbeat sad happy slow fast style genre theme vocals vocal
sing singing sung song's who what when where how which as so up down over under just one two""".split())
