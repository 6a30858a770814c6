"""Lines that contradict the description: a small table of line features against description facts.

``description_facts`` reads the description once (``topic.read_topic`` stores the result as
``Topic.facts``; the objects of a stated fear or hate as ``Topic.fears``); ``line_features`` reads a line; a line
feature contradicts the facts listed for it in ``CONTRADICTS``.  The planner costs such a line
``writer.CLASH_COST`` (below every stock line) rather than dropping it, so a form is still filled where
nothing else fits.

The facts (each from the description's own words):

- ``daytime``: a morning, dawn, breakfast, an afternoon, a "rainy day" or "lazy day" (or a clock time from 5 to
  11 a.m.) and no night;
- ``night``: a night, evening or midnight (or a clock time from 7 p.m. to 4 a.m.) and no daytime;
- ``wet``: rain, a storm, thunder; ``cold``: winter, snow, frost, cold;
- ``afraid``: someone is afraid, scared or frightened (of ``Topic.fears``: "afraid of the dark" -> dark);
- ``uprooted``: a job lost or a home going ("getting fired", "laid off", "the farm being sold", "evicted");
- ``over``: an ending has happened (a breakup, a divorce, "she left"), with nothing ahead ("before",
  "tomorrow", "soon");
- ``guest``: a song for a couple the singer is not one of ("a wedding song for Anna and Ben", "my sister's
  wedding", "an anniversary song for my parents");
- ``lonely``: loneliness (its words, or feeling alone): no line of solitude welcomed ("I'm not afraid to be alone");
- ``offstage``: no word of performing (concert, band, gig, stage, show, guitar, ...): genre words ("punk",
  "rock anthem") are style, not a scene.
"""

from __future__ import annotations

import re

# Line features: what a line asserts, by its words.
LINE_FEATURES = {
    # the day ending or over: lights coming on, sunset, the night
    "evening": re.compile(r"\b(day is done|end of (the )?day|lights come on|sun goes down|sunset|sundown|dusk|"
                          r"evening|twilight|night|tonight|midnight|moon\w*|stars?|streetlights?|after dark)\b", re.I),
    # the sun up and shining, the day under way
    "sunup": re.compile(r"\b(sun is (shining|up|high|out|warm|hot|bright|on)|sun shines|sunshine|sunny|sunlit|"
                        r"blazing sun|noon|midday|broad daylight|sun on my (face|skin|back)|sun beats|"
                        r"morning sun|afternoon sun|all day|the whole day|all afternoon)\b", re.I),
    # a clear sky
    "clear": re.compile(r"\b(sky is (\w+ and )?(clear|blue)|clear skies?|blue skies?|cloudless|not a cloud|"
                        r"isn't any cloud|no clouds?)\b", re.I),
    # summer heat
    "heat": re.compile(r"\b(summer heat|heatwave|scorching|blazing|sunburn\w*|sweltering|hot summer)\b", re.I),
    # winter cold
    "frozen": re.compile(r"\b(snow\w*|frost\w*|freezing|frozen|icy|blizzard|winter)\b", re.I),
    # fearless: not afraid
    "fearless": re.compile(r"\b(not afraid|unafraid|no fear|nothing (\w+ )?to fear|fearless|not scared|"
                           r"never scared|without fear|afraid of nothing|nothing scares me)\b", re.I),
    # fond of a thing: a friend, a home, a freedom in it (contradicts a fear of that thing, ``FOND``)
    "fond": re.compile(r"\b(like an old friend|my friend|i love|set me free|take me|belongs to me|"
                       r"where i belong|feels like home|i'm home|let it rain|dancing in the)\b", re.I),
    # staying put, belonging where one is
    "stay": re.compile(r"\b(where i belong|in my place|(will not|won't|never|don't wanna) leave|here to stay|"
                       r"i'm staying|i'll never go|i'll stay|this is my home|it's where i found)\b", re.I),
    # something still to come
    "ahead": re.compile(r"\b(is near|are near|drawing near|coming near|on its way|i'm ready now|"
                        r"around the corner)\b", re.I),
    # the singer is one of a married couple
    "couple": re.compile(r"\b(when we('re| are) (old|grey|gray)|fifty years|our hair is gr[ae]y|grow old together|"
                         r"marry me|my bride|my groom|our wedding|our vows|we said i do|i said i do|will you marry)\b",
                         re.I),
    # a stage, a band, a concert
    "stage": re.compile(r"\b(speakers?|stage|rafters|amps?|amplifiers?|encore|spotlights?|microphone|mic|setlist|"
                        r"backstage|soundcheck|mosh\w*|guitars?|the band|our band|lights are hot|strings|drumsticks|riffs?|"
                        r"power chords?)\b", re.I),
    # (helper lonely) solitude sung as welcome: contradicts a song of loneliness
    "solitude": re.compile(r"\b(not afraid to be alone|making it my own|never felt so grown|finally on my own|"
                           r"(alone|on my own),? (and|but) (free|fine|happy)|(love|like|enjoy) being alone)\b", re.I),
}

# Line feature -> the description facts it contradicts.
CONTRADICTS = {
    "evening": frozenset({"daytime"}),
    "sunup": frozenset({"night", "wet"}),
    "clear": frozenset({"wet"}),
    "heat": frozenset({"cold", "wet"}),
    "frozen": frozenset({"summer"}),
    "fearless": frozenset({"afraid"}),
    "stay": frozenset({"uprooted"}),
    "ahead": frozenset({"over", "uprooted"}),
    "couple": frozenset({"guest"}),
    "stage": frozenset({"offstage"}),
    "solitude": frozenset({"lonely"}),
}

# Description facts, by its words (lowercased tokens).
# (helper lonely) a song of loneliness: its word, style or subject, or feeling alone ("months of feeling alone")
LONELY = frozenset("lonely lonesome loneliness lonelier loneliest".split())
LONELY_ALONE = re.compile(r"\b(?:feel(?:s|ing)?|felt|so|all) alone\b")
DAYTIME = frozenset("morning mornings dawn sunrise breakfast daybreak afternoon noon midday lunch brunch".split())
A_DAY = re.compile(r"\b(rainy|sunny|snowy|lazy|summer|winter|spring|autumn|hot|cold|grey|gray|bright|cloudy|foggy|"
                   r"windy)\s+(day|days)\b")
NIGHT = frozenset("night nights midnight evening nighttime tonight dusk".split())
WET = frozenset("rain rainy raining rains storm storms stormy thunder thunderstorm thunderstorms rainstorm "
                "downpour drizzle monsoon lightning".split())
COLD = frozenset("winter snow snowy snowing frost frosty cold freezing icy blizzard december january".split())
SUMMER = frozenset("summer july august heatwave".split())
AFRAID = re.compile(r"\b(afraid|scared|frightened|terrified|fear(s|ful)?)\b(\s+of\s+(?:the\s+|a\s+|an\s+|my\s+)?"
                    r"([a-z]+))?")
UPROOTED = re.compile(r"\b(fired|laid off|lay ?offs?|getting the sack|sacked|los(e|t|ing) (my|his|her|their|our|the) "
                      r"job|unemployed|evict\w*|foreclos\w*|(being|was|got|get|getting) sold|for sale|sold off|"
                      r"kicked out|being demolished|torn down|s(?:ell|ells|elling|old) (?:our|my|the|their|his|her) "
                      r"(?:old |family |childhood )?(?:house|home|farm|ranch|homestead))\b")
# A workplace closing for good ("after the factory closed", "the mill shutting down"; not "closing the shop for the
# night"): its jobs are lost (``uprooted``; no line of a job one still has).
WORKPLACES = frozenset("factory mill plant mine warehouse cannery foundry shipyard sawmill steelworks".split())
WORKPLACE_CLOSED = re.compile(r"\b(?:%s)s?\s+" % "|".join(sorted(WORKPLACES)) +
                              r"(?:closed|closing|closes|shut|shutting|shuts)\b(?!\s+(?:for|at|early|late|tonight))|"
                              r"\b(?:factory|mill|plant|mine) closures?\b")
ENDED = re.compile(r"\b(breakup|break-up|broke up|divorce\w*|split up|she left|he left|left me|dumped|"
                   r"fired|laid off|funeral|passed away|died)\b")
AHEAD = re.compile(r"\b(before|upcoming|tomorrow|soon|about to|going to|next|waiting for|will)\b")
MARRIAGE = re.compile(r"\b(wedding|anniversary|marriage|engagement|newlyweds|bride|groom)\b")
# a couple the singer is not one of: a song "for" two people, for one's parents or the newlyweds, or someone else's
# wedding ("my sister's wedding", "Priya's wedding")
GUEST = re.compile(r"\b(for|of) (?!my (wife|husband|love|fianc\w*|girlfriend|boyfriend|partner)\b)"
                   r"(?!(family|friends|everyone|all|us|me|you|the guests)\b)[\w']+( [\w']+)? and "
                   r"[\w']+|\bfor (my|our) parents\b|\b(newlyweds|bride and groom)\b|"
                   r"\b(?!my\b|our\b)\w+(?:'s|s') (?:[\w-]+ ){0,2}(wedding|anniversary)|"
                   r"\b(maid|matron) of hono(u)?r\b|\bbest man\b|\bbridesmaids?\b|\btoast\b")  # (helper tributes: the toast's giver)
# Something hated is shunned as a fear is ("a penguin who hates the cold": no "cold is what we've found").
HATED = re.compile(r"\b(?:hates?|hated|hating|dislikes?|disliked|can't stand|cannot stand)\s+(?:the\s+|a\s+|an\s+|my\s+)?"
                   r"([a-z]+)")
# What a fear of something also fears ("afraid of the ocean": the sea, the water, the waves).
FEAR_KIN = {
    "ocean": {"sea", "water", "waves", "tide"}, "sea": {"ocean", "water", "waves", "tide"},
    "water": {"sea", "ocean", "river", "lake", "waves"}, "dark": {"darkness", "night"}, "darkness": {"dark", "night"},
    "night": {"dark", "darkness"}, "storm": {"thunder", "lightning", "rain", "storms"},
    "thunderstorm": {"storm", "thunder", "lightning", "rain"}, "thunder": {"storm", "lightning"},
    "heights": {"height", "high", "top", "sky"}, "flying": {"fly", "plane", "sky", "wings"},
}
# A thing lost ("losing my wallet on the bus", "lost my old guitar", "our house burned down"): its head noun.
LOST_THING = re.compile(r"\b(?:los(?:e|es|ing|t)|misplac\w*|stolen|forgot|forgetting)\b")
BURNED = re.compile(r"\b([\w']+)\s+(?:burn(?:ed|t|ing)|burns) down\b")
OWNERS = frozenset("my our his her their the a an".split())
THING_END = frozenset("""on in at to from of and the a an with without when while after before for by during
into onto over under i we you he she they last this next every all""".split())
# Words of a line that sing a thing as gone, not had ("I search the bus for my wallet", "the house is gone").
LOSS_WORDS = re.compile(r"\b(los(e|es|ing|t)|gone|miss\w*|used to|remember\w*|was|were|search\w*|look(ing)? for|"
                        r"find|found|where is|where's|ashes|burn\w*|without|no more|anymore|once|picture|photo\w*|"
                        r"memor\w+|left behind|back then|sank|sunk|sink\w*|tow\w*|impound\w*|stole\w*|wreck\w*|"
                        r"crash\w*|totall?ed|junk\w*|scrap\w*|last time|one last)\b", re.I)
# A thing wrecked, sunk, stolen or towed ("an old fisherman whose boat sank", "getting my car towed", "my bike got
# stolen"): the noun before the deed; lost as surely as a thing lost.
WRECKED = re.compile(r"\b([a-z']+)\s+(?:(?:that|which|whose)\s+)?(?:\w+ly\s+)?"
                     r"(?:(?:got|gets|was|were|is|are|has been|had been|is being|getting)\s+)?"
                     r"(?:sank|sunk|sinks|sinking|stolen|towed|wrecked|totall?ed|repossessed|impounded|"
                     r"crash(?:ed|es|ing)|broke down|broken down|blew up|exploded)\b")
NOT_THINGS = frozenset("i we you he she they it who that which what heart stock market".split())
PERFORM = frozenset("""concert concerts gig gigs band bands stage show shows tour touring perform performing performance
festival musician musicians singer singers guitarist drummer rapper busker busking mic karaoke rehearsal rehearsing
guitar guitars piano drum drums bass club dj audition talent opera orchestra choir recital prom party wedding dance dancing""".split())


def description_facts(description: str, *, style: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """The facts of ``description`` a line may contradict (see the module docstring) and the things
    feared ("afraid of the dark" -> ``{"dark"}``); words of ``style`` ("sad piano ballad") say what kind of
    song, not that anyone performs."""
    low = description.lower().replace("\u2019", "'")
    toks = set(re.findall(r"[a-z]+(?:'[a-z]+)?", low))
    facts = set()
    hours = [int(h) % 12 + (12 if half == "p" else 0) for h, half in
             re.findall(r"\b(\d{1,2})(?::\d\d)?\s*([ap])\.?m\b", low)]  # "at 3am", "7 p.m."
    day = bool(toks & DAYTIME) or bool(A_DAY.search(low)) or any(5 <= h < 12 for h in hours)
    night = bool(toks & NIGHT) or any(h < 5 or h >= 19 for h in hours)
    if day and not night:
        facts.add("daytime")
    if night and not day:
        facts.add("night")
    if toks & WET:
        facts.add("wet")
    if toks & COLD:
        facts.add("cold")
    if toks & SUMMER:
        facts.add("summer")
    fears = set()
    for m in AFRAID.finditer(low):
        facts.add("afraid")
        if m.group(4):
            thing = m.group(4)
            thing = thing[:-1] if thing.endswith("s") and thing[:-1] in FEAR_KIN else thing  # "thunderstorms"
            fears |= {m.group(4), thing, *FEAR_KIN.get(thing, ())}
    for m in HATED.finditer(low):
        fears |= {m.group(1), *FEAR_KIN.get(m.group(1), ())}  # shunned, not feared: no "afraid" fact
    if UPROOTED.search(low) or WORKPLACE_CLOSED.search(low):
        facts.add("uprooted")
    if ENDED.search(low) and not AHEAD.search(low):
        facts.add("over")
    if MARRIAGE.search(low) and GUEST.search(low):
        facts.add("guest")
    if toks & LONELY or LONELY_ALONE.search(low):
        facts.add("lonely")
    if not (toks - {w.lower() for w in style}) & PERFORM:
        facts.add("offstage")
    return frozenset(facts), frozenset(fears)


def lost_things(description: str) -> frozenset[str]:
    """Head nouns of what the description loses ("losing my wallet on the bus" -> wallet, "I lost my old guitar"
    -> guitar, "our house burned down" -> house): a line that sings one as still had contradicts it."""
    low = description.lower().replace("\u2019", "'")
    out = set()
    for m in LOST_THING.finditer(low):
        words = re.findall(r"[\w']+", low[m.end():])[:5]
        while words and words[0] in OWNERS:
            words = words[1:]
        head = []
        for w in words[:3]:
            if w in THING_END:
                break
            head.append(w)
        if head:
            out.add(head[-1].removesuffix("'s"))
    out |= {w for w in BURNED.findall(low) if w not in OWNERS}
    out |= {w.removesuffix("'s") for w in WRECKED.findall(low) if w not in OWNERS and w not in NOT_THINGS}
    return frozenset(out)


def sings_as_had(text: str, things: frozenset[str]) -> bool:
    """True when the line ``text`` names a thing the description loses (``things``, singular or plural) with no
    word of its loss ("I keep my wallet where I can see", "the coffee's cold, the house is still")."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    named = any(t in words or t + "s" in words for t in things)
    return named and not LOSS_WORDS.search(text)


def line_features(text: str) -> frozenset[str]:
    """The features (``LINE_FEATURES``) a line's words assert."""
    return frozenset(f for f, rx in LINE_FEATURES.items() if rx.search(text))


def contradictions(text: str, facts: frozenset[str], fears: frozenset[str] = frozenset(), *,
                   filled: bool = False) -> frozenset[str]:
    """The features of the line ``text`` that contradict the description's ``facts``: a sunny line at night,
    "I am not afraid" in a song of fear, "I talk to the dark like an old friend" when the dark is feared
    (``fears``), "where I belong" when the job or the home is being lost, a stage where nobody performs.
    "... is near" contradicts a past ending or a job being lost only in a line whose slot took a description
    phrase (``filled``: "the breakup is near", "my job is near")."""
    feats = line_features(text)
    out = {f for f in feats if CONTRADICTS.get(f, frozenset()) & facts}
    if "ahead" in out and not filled:
        out.discard("ahead")
    if "fond" in feats:
        words = set(re.findall(r"[a-z]+", text.lower()))
        if fears & words:
            out.add("fond")
    return frozenset(out)
