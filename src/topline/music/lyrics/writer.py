"""Original lyrics from a description, rhyme first, to a planned form.

How a song is written:

1. ``read_topic`` reads the description: its content words (lemmas), noun phrases
   with their kinds (person, place, thing, ...), verbs, the facts it settles (night,
   rain, leaving, ...) and title candidates.
2. Themes of the phrase bank are weighted by the description's words and their
   WordNet neighbours; every couplet of the chosen themes (and of the slot couplets,
   which take the description's own noun phrases and verbs) becomes candidate lines.
3. A planner fills each sung section of the ``FormPlan`` couplet by couplet: the two
   lines must end in one CMU rhyme class; each line is realised (optional words in or
   out) to land on its planned syllable count with stressed syllables on strong
   beats; lines that carry description words not sung yet score highest; a line is
   never used twice outside the chorus, no end word or couplet returns, and a line
   whose facts contradict the song's (night/day, staying/leaving, ...) is rejected.
4. The chorus is written once, carries the title (first and last line) and is
   repeated identically at every chorus section.

Everything random is a hash of the seed and a line's own words (``line_jitter``): a seed always writes the same
song, and a couplet added to the bank changes only the songs it can be sung in.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from topline.music.lyrics import clash, lexicon
from topline.music.lyrics.bank import SLOT, bank, line_marks
from topline.music.lyrics.phonetics import is_word, rhyme_key, syllables
from topline.music.lyrics.topic import (APOLOGY_GATES, TEEN_KINDS, CALENDAR, CAUSES, HOPE_KINDS, LONELY_KINDS, COMEBACK_STORIES, TRUTH_STORIES, SUCCESS_STORIES, LIGHT_GERUNDS, CONFLICTS, CORE_GENRES, GENRE_WORDS, FUNCTION, KINSHIP, OWNERS, PREPOSITIONS, Phrase, Topic,
                                        contradicts, home_of, proper_nouns, ruled_out, SONG_NOUNS, in_voice, read_topic, sung_for_children,
                                        KID_CREATURES, KID_AGE, FOR_A_CHILD, OTHERWORLD_MOMENTS, BAND_KINDS,
                                        tag_proper)
from topline.music.lyrics.vocab import REGISTER
from topline.music.types import FormPlan, FormSection, chorus_lines

TAGS = {"verse": "Verse", "chorus": "Chorus", "pre-chorus": "Pre-Chorus", "bridge": "Bridge", "intro": "Intro",
        "outro": "Outro", "hook": "Chorus", "instrumental": "Bridge", "break": "Bridge"}
ROLE = {"verse": "V", "chorus": "C", "pre-chorus": "P", "bridge": "B", "intro": "P", "outro": "C", "hook": "C",
        "instrumental": "B", "break": "B"}
BARE_SLOTS = {"feeling", "weather"}
# How strongly a description must support a theme before any of its lines may be sung: two of its
# keys, or one of its core keys ("dog*").  A theme with less lends only lines that sing a word of the
# description ("we dance until our feet are sore" to a robot learning to dance, never "we share a
# drink beneath the tent").
STRONG = 4.0
# Verbs a verb slot sings ("every day I dance a little more", "I keep on praying day and night"):
# activities one does alone and again, not verbs that need an object or a story ("I cross", "I open").
SLOT_VERBS = frozenset("""dance sing pray run learn heal grow fly swim walk write paint smile laugh breathe dream fight
wait work climb drive ride sail cry play try build march train skate surf dive hike read practise practice study
rise shine""".split())
WEATHER = frozenset("rain storm snow wind fog thunder drizzle hail sun heat frost mist cloud sunshine lightning "
                    "downpour shower breeze".split())
# Lines that sing to "you" as a lover (only in a love song: see ``topic.ROMANCE``).
ROMANCE_LINE = re.compile(r"\b(kiss\w*|lovers?|darling|sweetheart|honey|lips|hold me tight|in your arms|our love|"
                          r"make love|fall in love|my baby|hold you close|next to you tonight)\b", re.I)


YOU_LINE = re.compile(r"\b(you|your|you're|you'll|you've|you'd|yours|yourself)\b", re.I)
# Weather a line sings of: rain (or a storm), being out in it ("my shoes are soaking"), snow.
RAIN_LINE = re.compile(r"\b(rain\w*|storms?|stormy|thunder\w*|lightning|drizzle|downpour)\b", re.I)
WET_LINE = re.compile(r"\b(soak\w*|drench\w*|wet|puddles?|umbrellas?|pouring|raining|dripping|drains?|gutters?)\b|"
                      r"\brain (?:is|runs|falls)\b|\b(?:in|through) the (?:pouring )?rain\b", re.I)
SNOW_LINE = re.compile(r"\b(snow\w*|frost\w*|icy|freez\w*|blizzard|sleet)\b|(?<!as )\bice\b", re.I)


def weather_tags(text: str) -> set[str]:
    """The weather facts a line asserts by its words: ``rain``, ``wet`` (out in it), ``snow``."""
    out = set()
    if RAIN_LINE.search(text):
        out.add("rain")
    if WET_LINE.search(text):
        out |= {"rain", "wet"}
    if SNOW_LINE.search(text):
        out.add("snow")
    return out


def weather_supported(tags: set[str] | frozenset[str], topic: Topic) -> bool:
    """A line's weather needs the description's support: rain or a storm only where it names one
    (not for a pilot at sunrise), being out in it ("my shoes are soaking to the bone") never in a dry
    spell ("a dry summer") nor under a roof ("on the night ward"), snow only in winter, and where the
    description names a season ("in the spring") no line of another ("the heat is shimmering")."""
    if "rain" in tags and "rain" not in topic.tags:
        return False
    if "wet" in tags and topic.tags & {"dry", "indoors"}:
        return False
    if "snow" in tags and "winter" not in topic.tags:
        return False
    named = topic.tags & SEASONS  # a description that names its season sings no line of another
    return not (named and tags & SEASONS - named)


SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
SEASON_LIKE = SEASONS | frozenset({"fall", "christmas", "harvest", "springtime", "summertime", "wintertime"})


def slot_fits(slot: str, phrase: Phrase, topic: Topic) -> bool:
    """True when the description's ``phrase`` may fill ``slot``: by what WordNet says the noun is
    (``lexicon.types``): only a physical object is held (``{thing}``), only a place is gone to
    (``{place}``), only a person laughs or calls (``{person}``), only something that happens comes
    near (``{time}``, ``{event}``).  The singer fills only ``{role}`` ("I'm a firefighter"), the one
    sung to only ``{you}`` ("my daughter, ..."): neither is sung of in the third person."""
    if phrase.bare == topic.singer:  # "I'm a firefighter, it's what I do": a role one does, not "a widow"
        return slot == "me" or (slot == "role" and (phrase.kind != "person" or "r" in lexicon.types(phrase.head)))
    if "loveletter" in topic.themes and "letter" in phrase.bare.lower().split():
        return False  # "a love letter to my hometown": a way of saying, no letter to find on a shelf
    if phrase.bare == topic.addressee:
        # (not the one a singer at home belongs to: "a soldier's mother" sings to "you", never "the soldier, ...")
        # (nor someone else's: "my roommate's girlfriend" is sung to, never called by whose she is)
        return slot == "you" and not home_of(topic, phrase.bare) and phrase.owner != "'s"
    if slot in ("role", "me", "you") or (phrase.setting and slot not in ("place", "spot", "land")):
        return False
    if slot == "thing" and {"tlies", "tfound"} & topic.themes and phrase.owner in ("his", "her", "their", "your"):
        return False  # (helper truth) the liar's phone ("his phone always face down") is kept from the singer, never held
    proper = phrase.sung == phrase.bare and phrase.bare[:1].isupper()
    if slot in ("person", "animal") and not proper and any(
            q.head == phrase.head and q.bare[:1].isupper() and q.sung == q.bare for q in topic.phrases):
        return False  # "a horse named Blue" is sung by name: "Blue is sleeping by the door", not "the horse"
    if phrase.sung == phrase.bare and slot not in BARE_SLOTS and not (proper and slot in ("place", "person", "animal", "spot", "land")):
        return False  # "home": sung by lines of its own
    t = lexicon.types(phrase.head)
    if slot in ("time", "event", "season") and phrase.bare in topic.gone_by:
        return False  # "last spring" is remembered: not "near", "coming" or "in the air"
    return {
        # (not where one's own far away is: "my twin sister living on the other side of the world" is no "side" one
        # comes back to, helper farkin)
        "place": ("g" in t or (not t and phrase.kind == "place")) and not far_off(topic, phrase),
        # a place one sits "at" or knows every corner of: a site, not a country, a city or a region by name
        "spot": ("g" in t or (not t and phrase.kind == "place")) and not (proper or "k" in t or "t" in t)
        and phrase.head not in WEATHER and not far_off(topic, phrase),  # one sits "in" the sun, not "at the afternoon sun"
        # a country or state by name ("Jamaica", "Texas"): one is in it, from it or far from it
        "land": proper and "k" in t and phrase.bare not in topic.elsewhere,
        # (a keepsake: someone's own, a thing lost or one of the keepsake theme's, not "the coal" of a miner's song:
        # "I find the coal on the shelf")
        "thing": "h" in t and phrase.kind not in ("person", "animal") and not phrase.plural  # "keep it"
        and (phrase.owner in (*OWNERS, "'s") or phrase.head in topic.lost_things
             or phrase.head in bank().themes.get("keepsake", frozenset())),
        # one who laughs and calls, remembered: someone close (named, someone's own, kin), not a dragon or a
        # god (WordNet's imaginary beings, "i") and not a stranger by trade ("I can hear the baker laugh")
        "person": phrase.kind == "person" and not phrase.plural and ("i" not in t or proper)
        and (proper or phrase.owner in OWNERS or phrase.head in KINSHIP or "p" in t or "c" in t),
        "animal": phrase.kind == "animal" and not phrase.plural,
        "vehicle": phrase.kind == "vehicle" and not phrase.plural,  # one turns the key in a truck, not "the trucks"
        "past": phrase.kind == "time" and phrase.bare in topic.gone_by,  # "I remember last spring so well"
        "time": phrase.kind == "time",  # "the night", "the winter", "the wedding"; not "my job"
        # what can be "in the air" or "coming on": a season or weather-like time, not "the childhood", "July"
        "season": phrase.kind == "time" and phrase.head in SEASON_LIKE and not phrase.plural,
        # (a job being quit or lost comes near no more: not "my job is coming near"; a new one may)
        "event": "e" in t and "h" not in t and phrase.kind not in ("person", "animal", "place")
        and not (phrase.head in ("job", "work", "career") and "no-employed" in topic.tags),
        # (not a thing held, nor what someone fears: "afraid of the dark" is no "dark is what we've found")
        # (an illness is no feeling: not "cancer is what we've found")
        "feeling": (("m" in t and "e" not in t) or phrase.kind == "feeling") and "h" not in t
        and phrase.head not in topic.fears and len(phrase.bare.split()) == 1  # (not "his whole life")
        and phrase.head not in bank().themes.get("illness", frozenset()),
        "weather": phrase.head in WEATHER,
        "any": bool(t) and phrase.kind not in ("person", "animal") and not phrase.plural,
    }.get(slot, False)
MAX_GENERIC_OPENERS = 2  # "every night, ...", "even now, ...": twice a song, unless its lines are long
MAX_PHRASES = 16  # of a long description, the first phrases and words are the ones the song must sing
JITTER = 2.5  # how far a seed moves the choice between lines of similar merit
# how far readers' judgements of a bank line in other songs move it (``reading_prior``): a line kept everywhere it was
# read gains up to this much, one read as filler or nonsense everywhere loses as much
READ_WEIGHT = 2.5
# What a second variant loses on a line the first already sings: two topliners write two songs, and the reading
# prior alone would draw both to the same best-read lines (a near tie still goes the other way; a clearly better line
# is sung in both).
AVOID_COST = 2.0
LONG_LINE = 12  # from this many syllables a written couplet may be sung as one line
# Openers for long lines (after the description's own settings), with the fact each asserts.
OPENERS = (("every night", "night"), ("every morning", "day"), ("even now", ""), ("after all this time", ""),
           ("every single day", ""), ("all these years", ""), ("one more time", ""), ("every time", ""),
           ("and still", ""), ("late at night", "night"), ("in the morning", "day"))
DEFAULT_FORM = (("verse", 4, 8), ("chorus", 4, 7), ("verse", 4, 8), ("pre-chorus", 2, 7), ("chorus", 4, 7),
                ("bridge", 4, 7), ("chorus", 4, 7))


@lru_cache(maxsize=65536)
def count_syllables(line: str) -> int:
    """Sung syllables of a line (as ``parse_lyrics`` will count them)."""
    return sum(len(syllables(tok)) for tok in line.split() if is_word(tok))


@lru_cache(maxsize=65536)  # the planner scores the same lines' words again and again
def _clean(word: str) -> str:
    return re.sub(r"[^a-z']", "", word.lower()).strip("'")


@lru_cache(maxsize=65536)  # pure functions of a string, asked of the same lines for every couplet drafted
def line_ends(line: str) -> frozenset[str]:
    """The words a line rhymes on: its last word and the last word of each clause before a comma."""
    return frozenset(end_word(part) for part in line.split(",") if end_word(part))


@lru_cache(maxsize=65536)
def end_word(line: str) -> str:
    toks = [t for t in line.split() if is_word(t)]
    return _clean(toks[-1]) if toks else ""


@lru_cache(maxsize=20000)
def _stress(word: str) -> tuple[int, ...]:
    return tuple(s.stress for s in syllables(word))


def stress_misses(line: str) -> float:
    """How many stressed syllables fall on weak beats, counting strong beats back from the
    line's last stress (a duple meter): 1 for a word's main stress, 1/4 for a one-syllable
    content word, function words free."""
    marks: list[tuple[int, float]] = []  # (stress, weight)
    for tok in line.split():
        w = _clean(tok)
        if not w:
            continue
        st = _stress(w)
        if len(st) == 1:
            marks.append((st[0], 0.0 if w in FUNCTION else 0.25))
        else:
            marks += [(s, 1.0 if s == 1 else 0.0) for s in st]
    last = max((i for i, (s, _) in enumerate(marks) if s >= 1), default=len(marks) - 1)
    return sum(wt for i, (s, wt) in enumerate(marks) if s == 1 and (last - i) % 2 == 1)


@dataclass(frozen=True)
class Line:
    """A candidate line: a bank line with its slot filled, optional words still open."""

    entry: int
    pos: int
    theme: str
    roles: str
    tags: frozenset[str]
    parts: tuple[tuple[str, bool], ...]  # (text, optional)
    filler: str
    joined: bool = False  # both lines of the couplet sung as one long line (internal rhyme)

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.entry, self.pos, self.filler)


@lru_cache(maxsize=50000)
def _variants(parts: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, int, float], ...]:
    """Every realisation (optional words in or out): (text, syllables, stress misses)."""
    opt = [i for i, (_, o) in enumerate(parts) if o]
    out = []
    for mask in itertools.product((False, True), repeat=len(opt)):
        keep = dict(zip(opt, mask))
        text = " ".join(t for i, (t, o) in enumerate(parts) if not o or keep[i])
        out.append((text, count_syllables(text), stress_misses(text)))
    return tuple(out)


def _parts(template: str) -> tuple[tuple[str, bool], ...]:
    out = []
    for tok in re.findall(r"<[^>]+>|[^<\s]+", template):
        out.append((tok[1:-1], True) if tok.startswith("<") else (tok, False))
    return tuple(out)


def _fill(template: str, phrase: Phrase | None, verb: str | None) -> str:
    def sub(m: re.Match) -> str:
        slot = m.group(1)
        if slot == "verb":
            return verb or ""
        if slot == "verbing":
            return lexicon.gerund(verb or "")
        assert phrase is not None
        if slot == "you":  # sung to: "my daughter, ..."
            return phrase.sung
        if slot in ("role", "me"):  # the singer's role: "a soldier", "an usher"
            first = _first_phone(phrase.bare)
            return ("an " if first[:1] in "AEIOU" else "a ") + phrase.bare
        if slot == "weather" and phrase.owner:  # "rain", but "the storm"
            return phrase.sung
        return phrase.bare if slot in BARE_SLOTS else phrase.sung
    text = SLOT.sub(sub, template)
    if phrase is not None and phrase.plural:  # "the nets are", not "the nets is"
        for slot in re.findall(r"\{(\w+)\} (?:is|has)\b", template):
            word = phrase.bare if slot in BARE_SLOTS else phrase.sung
            text = text.replace(f"{word} is ", f"{word} are ").replace(f"{word} has ", f"{word} have ")
    return text


EMPTY_WORDS = frozenset("oh ooh ah yeah hey la na da baby well now so just like really".split())


def says_something(text: str) -> bool:
    """A line says something when it holds a word that is neither a function
    word, a contraction nor sung filler ("oh", "yeah", "baby", ...)."""
    words = [_clean(t) for t in text.split()]
    return sum(1 for w in words if w and w not in FUNCTION and w not in EMPTY_WORDS and "'" not in w) >= 1


def _first_phone(word: str) -> str:
    """The first phoneme of ``word`` (for "a" or "an")."""
    syl = syllables(word.split()[0]) if word.split() else []
    return syl[0].phonemes[0] if syl and syl[0].phonemes else ""


# Occasions held somewhere (a walk or a night in a city is still a city song; a wedding there is not).
OCCASIONS = frozenset("""wedding weddings funeral graduation birthday party reunion anniversary ceremony christening
baptism prom proposal engagement honeymoon""".split())


def _sets_the_song(phrase: Phrase, topic: Topic) -> bool:
    """True when ``phrase`` ends one of the description's settings ("the office" of "at the office"): where the
    singer's song happens (``Phrase.setting`` also marks where someone else is)."""
    return any(st.endswith(" " + phrase.bare) for st in topic.settings)


def gate_words(topic: Topic) -> set[str]:
    """The words a bank line's gates (``=w1,w2``) are met by: the description's own ("pass" read "die" where one
    passed), a job lost however it is said (a workplace that closed is a layoff: "I carry out my cardboard box"), a
    theme's own (``NAMED_GATES``), ``NO_SUBJECT`` where it has no words of its own but a time,
    ``forkids`` for a song for children (the kids' reserve, theme ``kidstock``), what a creature of make-believe is
    afraid of ("a dinosaur who is afraid of the dark": the dark) and ``ENROUTE`` on the way somewhere."""
    # one who passed is dead ("after he passed": ``topic.PASSED`` tags it lost): no test passed ("I passed, I passed")
    passed = {"pass"} if "lost" in topic.tags and "pass" in topic.words else set()
    # (where one is on the way to still meets a gate: the lines of being late for it, gated ``ENROUTE`` too)
    # (and what one wants to be opens the dream's lines of it: "wants to be a pilot", the planes overhead)
    return set(topic.words) - (unsaid(topic) - set(topic.ahead_of) - set(topic.aspired)) - passed \
        | ({"die"} if passed else set()) \
        | ({"layoff"} if "no-employed" in topic.tags else set()) \
        | {w for name in topic.themes for w in NAMED_GATES.get(name, ())} \
        | (set() if any(lexicon.kind(w) != "time" for w in topic.words) else {NO_SUBJECT}) \
        | ({KIN_SONG} if kin_song(topic) else set()) \
        | ({"forkids"} if sung_for_children(topic.style, nursery_rhyme(topic.words)) or "kidsong" in topic.tags
           else set()) \
        | (set(topic.fears) if topic.themes & KID_CREATURES.keys() else set()) \
        | ({ENROUTE} if topic.ahead_of else set()) \
        | ({PARTNER_SONG} if "romance" in topic.tags else set())


# A gate word met in a love song however it is said ("a love song about keeping every promise I made to you"): a line
# only a partner is sung (the truth theme's "I said forever at the start", "I'm the best you never had") names it
# beside the partner words, so a friend, a boss or a bully is never sung it.
PARTNER_SONG = "partnersong"

# A gate word met where the description is on its way somewhere and not there yet (``Topic.ahead_of``): the lines of
# running late ("I call ahead to say I'm late").
ENROUTE = "enroute"


def unsaid(topic: Topic) -> set[str]:
    """Lemmas of the description that name nothing there, so they key no theme and meet no gate: a word that calls
    someone ("my honey", ``Topic.called``), what it says is not there ("a snow day with no school") and where it is
    on its way to ("stuck in traffic on the way to my own wedding": no line of the wedding under way), and what
    someone only wants to be ("wants to be a pilot": no cockpit; ``Topic.aspired``, also a pet's "rescue" and "adopt")."""
    return set(topic.called) | {lexicon.lemma(w, "n") for w in topic.absent | topic.ahead_of} | set(topic.aspired)


def far_off(topic: Topic, phrase: Phrase) -> bool:
    """True when ``phrase`` is where someone of the singer's own (a friend, a brother) is far away: theirs, never a
    place the singer is in or comes back to (helper farkin)."""
    return "farfriend" in topic.themes and phrase.bare in topic.elsewhere


def kin_land(phrase: Phrase, topic: Topic) -> bool:
    """True when ``phrase`` is a country by name in a clause of someone of one's own who came or left ("my grandma who
    came to America", "my grandparents who left Italy"): the heritage theme's lines sing it, gated by the clause's verb
    (helper heritage); no other theme's {land} line does, since it is theirs, not the singer's."""
    return ("herkin" in topic.themes and (phrase.bare in topic.elsewhere or "herof" in topic.themes)
            or "herself" in topic.themes) and phrase.kind == "place" and phrase.owner in ("", "the") and "k" in lexicon.types(phrase.head)


def land_named(phrase: Phrase) -> Phrase:
    """A country typed in lower case sung by its name: "america" -> "America", "philippines" -> "the Philippines"."""
    if phrase.bare[:1].isupper():
        return phrase
    name = " ".join(w.capitalize() for w in phrase.bare.split())
    name = ("the " if phrase.owner == "the" else "") + name
    return replace(phrase, bare=name, sung=name)


def never_done(topic: Topic) -> set[str]:
    """The verbs the description says someone never does ("a landlord who never fixes anything": fix), as
    ``topic._absent`` keeps them beside the nouns that are not there."""
    return set(topic.absent) & set(topic.verb_words)


def nursery_rhyme(words) -> set[str]:
    """The description's lemmas with "nursery" only where it is a nursery rhyme: a nursery one paints or gets ready
    for a baby is a room, not a song for children (the kids' reserve stays out of it)."""
    return set(words) - ({"nursery"} if "rhyme" not in words else set())


# A song of someone and nothing they do ("my grandma who raised me", "a song for my father"): it meets the gates of the
# home theme's rooms and kitchen (the key beneath the mat, the bread from the door), which a song of one thing done
# together ("shelling peas with my grandmother") does not open.
KIN_SONG = "kinsong"
KIN_VERBS = frozenset("raise miss love remember lose visit thank".split())


def kin_song(topic: Topic) -> bool:
    """True when every content word of the description is a person or a verb of what one is to them (``KIN_VERBS``)."""
    people = {p.head for p in topic.phrases if p.kind == "person"}
    return bool(people) and all(w in people or w in KIN_VERBS for w in topic.words)


# A description of a genre or mood alone ("country love song"), or with only its time ("an upbeat summer love song"),
# names no scene, so none is false of it: it meets the gates of the scene lines that name this word (a lullaby's "go
# to sleep, my little one").
NO_SUBJECT = "nosubject"


# (helper lonely) the kinds of a lonely or a hopeful song, each its lines' gate (``topic.lonely_kinds``: the lines of
# being alone at home where it is not the crowd's)
LONELY_GATES = frozenset({*LONELY_KINDS, "lonelyalone", *HOPE_KINDS})
# (helper causes) the kinds of a song about a cause, each its lines' gate (``topic.cause_kinds``)
CAUSE_GATES = frozenset({*(c + k for c in CAUSES for k in ("kid", "grown")), "equalitytalk", "equalityfaith"})
# Words a theme named by a phrase (``topic.THEME_PHRASES``) meets its gates with: "next door" is read as no words of
# its own, "the power went out" names no blackout, "my work bestie" and "the commute to work" no office.
NAMED_GATES = {"neighbor": ("neighbor",), "seenlove": ("seenlove", "crush"), "seenwork": ("seenwork",),
               "friendlove": ("friendlove",), "nightlove": ("nightlove",), "penlove": ("penlove",),
               "howwemet": ("howwemet",), "blackout": ("blackout", "outage"), "haircut": ("haircut",),
               "icecream": ("icecream",), "skate": ("skate",), "officelife": ("coworker", "office"),
               "movingday": ("move",),
               "newstart": ("ownplace",),  # (helper hobby) "my first apartment", "a place of my own"
               "kite": ("kiteflying",),  # (a kite flown: never "high as a kite")
               "fireflies": ("firefly",),  # ("fire flies", "glow worms" in two words)
               "smallpet": ("smallpet",),  # (a pet named: not "like a hamster on a wheel")
               # (helper outdoors: a tent named is a camping trip's only where no wedding or circus has it)
               "camping": ("camping",), "hiking": ("hiking",), "surfing": ("surfing",), "skiing": ("skislope",),
               "trucker": ("trucker",),
               "july4": ("fourthofjuly",),  # (helper hol: the day named, never "my fourth child")
               # (helper daily: a friend far away, before or after the leaving; work beside school; a children's ward)
               "farfriend": ("farfriend",), "friendleaving": ("friendleaving",), "friendgone": ("friendgone",),
               "workschool": ("workschool",), "kidsward": ("kidsward",),
               # (helper farkin: someone of one's own family far away, before or after the going; a child leaving home)
               "farkin": ("farkin",), "kinleaving": ("kinleaving",), "kingone": ("kingone",), "kinback": ("kinback",),
               "emptynest": ("emptynest",), "nestleaving": ("nestleaving",), "nestgone": ("nestgone",),
               # (helper moments: a baby just born, a night in with one's partner; a parent's dementia however said)
               "newborn": ("newbornheld",), "nightin": ("nightin",), "illness": ("dementia",),
               # (helper fantasy) a creature of make-believe in a song for children: its own world's lines
               "pirate": ("kidpirate",), "robot": ("kidrobot",), "mermaid": ("kidmermaid",),
               "superhero": ("kidsuperhero",), "unicorn": ("kidunicorn",), "princess": ("kidprincess",),
               "knight": ("kidknight",), "kidmonster": ("kidmonster",), "dinosaur": ("kiddinosaur",),
               "kiddragon": ("kiddragon",), "rocket": ("kidrocket",), "fairies": ("kidfairy",),
               # (helper tributes: a song of thanks or in memory, however it is said)
               "tribute": ("tribute",), "memorial": ("memorial",),
               # (helper comeback: a motivational or comeback story, and which one)
               "comeback": ("comeback",), **{n: (n,) for n in COMEBACK_STORIES},
               # (helper success: success, money and fame made, and which story)
               "success": ("success",), **{n: (n,) for n in SUCCESS_STORIES},
               # (helper heritage: a family's migration, sung to or of the one who came, or the singer's own move)
               "heritage": ("heritage",), "herkin": ("herkin",), "heryou": ("heryou",), "herof": ("herof",),
               "herself": ("herself",),
               # (helper parents: a parent's voice to their child at one of its moments, ``topic.PARENT_MOMENTS``)
               **{n: (n,) for n in ("kidgrad", "kidschool", "kidteen", "kidnights", "kidwedding", "singleparent",
                                    "stayhome", "grandbaby", "kidgrown")},
               # (helper free: a song of freedom and youth, and which kind, ``topic.FREE_KINDS``)
               **{n: (n,) for n in ("freefeel", "freeyoung", "freebreak", "freenow", "freerebel")},
               # (helper truth: a song of secrets, lies or promises, and which one: ``topic.TRUTH_STORIES``)
               **{n: (n,) for n in TRUTH_STORIES},
               # (helper otherworld: a grown-up's or a teen's song of the uncanny, by its moment)
               **{n: (n,) for n in OTHERWORLD_MOMENTS},
               # (helper apology: a sorry or a forgiveness, to whom, ``topic.apology_kind``)
               **{n: (n,) for n in APOLOGY_GATES},
               # (helper lonely: loneliness and hope named by a phrase, and which kind: ``topic.lonely_kinds``)
               "lonely": ("lonelysong",), "hope": ("hopesong",),
               **{n: (n,) for n in LONELY_GATES},
               # (helper band: playing in a band, an open mic, busking, and which kind, ``topic.band_kinds``)
               "band": ("bandsong",), **{n: (n,) for n in (*BAND_KINDS, "bandown")},
               # (helper causes: a song about a cause, for children or not, a parent's talk, a song of faith)
               **{n: (n,) for n in CAUSE_GATES},
               # (helper teen: a teenager's song, and which kind, the teen's own voice or a parent's: ``topic.teen_kinds``)
               **{n: (n,) for n in TEEN_KINDS},
               # (lead: one's parents or grandparents as a couple, sung by their child: ``topic.KIN_COUPLE``)
               "kincouple": ("kincouple",)}


# (helpers tributes, comeback, heritage) the gates only a named theme meets
NAMED_GATE_WORDS = frozenset({"tribute", "memorial", "comeback", *COMEBACK_STORIES, *TRUTH_STORIES, "heritage", "herkin", "heryou", "herof",
                              "herself", *APOLOGY_GATES, "success", *SUCCESS_STORIES, "lonelysong", "hopesong",
                              *LONELY_GATES, *CAUSE_GATES, "kincouple"})


@lru_cache(maxsize=1)
def entry_gates() -> tuple[tuple[frozenset[str], ...], ...]:
    """Each bank couplet's gates, by its index: the word sets (``=w1,w2``) that must each be met."""
    return tuple(tuple(frozenset(t[1:].split(",")) for t in e.tags if t.startswith("=")) for e in bank().entries)


@lru_cache(maxsize=1)
def _gates() -> dict[str, list[tuple[frozenset[str], ...]]]:
    """Each theme's couplets by their gates (``entry_gates``)."""
    out: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for e, needs in zip(bank().entries, entry_gates()):
        out.setdefault(e.theme, []).append(needs)
    return out


MIN_OPEN = 1  # couplets: a theme whose gates open fewer for a description cannot carry its song


def theme_weights(topic: Topic) -> dict[str, float]:
    """How much each theme of the bank suits the description (0 = not at all): 2 for each of
    its keys among the description's words (4 for a core key), 0.3 for each (up to 3) among
    their WordNet neighbours.  ``STRONG`` and above: the song is about the theme."""
    # "Tokyo", "Paris": a city song; not "Canada", "Texas" or "Jamaica" (a country, a state: no streets and
    # subways), typed by WordNet (lexicon.types: t a city or town, k a country or state, o a natural place)
    # (not where the song is an event held in a city, "a wedding in Accra": the wedding is the subject, and
    # subways and the corner store are another song's scenery; the city's name still fills its slots; nor where the city
    # is where someone else is, "my sister who moved to London": her city, not the singer's streets)
    event = bool(OCCASIONS & {f for w in topic.words for f in topic.forms.get(w, {w})})
    words = set(topic.words) | ({"city"} if not event and any(
        p.kind == "place" and p.bare[:1].isupper() and "t" in lexicon.types(p.head) and p.bare not in topic.elsewhere
        for p in topic.phrases) else set())
    # a time gone by named "last ..." ("my grandpa who passed away last spring") says when, not what: its season keys
    # no theme where the description names something else
    when = {lem for p in topic.phrases if p.kind == "time" and p.bare in topic.gone_by
            and p.bare.lower().split()[0] == "last" for lem in p.lemmas}
    if set(topic.words) - when - {"last"}:
        words -= when
    small_town = any(re.search(r"\b(?:small|little|tiny|sleepy|dead-end|one-horse) (?:home)?town$", p.bare.lower())
                     for p in topic.phrases)
    if small_town:
        words = words | {"smalltown"}  # a small town is the hometown's Main Street (and no city's subway: below)
    # people named only to qualify another noun name no subject: a "farmers market" is no farm (a possessor
    # still does: "my grandmother's kitchen" is hers)
    heads = {p.head for p in topic.phrases}
    modifiers = {lem for p in topic.phrases for w, lem in zip(p.bare.split(), p.lemmas)
                 if lem != p.head and not w.endswith("'s") and "s" in lexicon.types(lem)
                 } - heads  # (people: a "high school prom" is the school's all the same)
    # a quality of an object ("a flat tire", "old recipe cards") names no subject either: a word WordNet mostly
    # calls an adjective, before a thing one holds ("an old man" is old age's, a "rainy day" rain's, a "new flat" a
    # flat)
    words -= {lem for p in topic.phrases if p.kind == "thing" and "h" in lexicon.types(p.head) for lem in p.lemmas[:-1]
              if lem != p.head and lexicon.parts_of_speech(lem)[:1] == ["a"]} - heads
    # a workplace named by what it sells, in a song of the job ("fired from the pizza place", "a shift at the taco
    # truck"): the place of work, not pizza night or a road song (its words key no theme but work)
    workplace = set()
    if (set(topic.words) | set(topic.verbs)) & WORK_WORDS:
        workplace = {lem for p in topic.phrases if p.head in BUSINESSES and len(p.lemmas) > 1 for lem in p.lemmas}
    # a key that is the noun of a verb of another sense names nothing where the description only does the verb:
    # "the old man who waves" is no song of the sea, "storming out" none of a storm, "booking a trip" none of books
    words -= VERB_NOT_KEY & topic.verb_words
    # a person called ("my honey": no bees) and what the description says is not there ("a snow day with no school"
    # rings no school bell) key nothing
    words -= unsaid(topic)
    placed = scenery(topic)
    # the words that settle a key's sense (the bank's "garage!band,parking": "a band playing in a garage" is no
    # mechanic's garage, "the bar exam" no bar, "a nursing license" no driving test), in any form written
    settling = set(topic.words) | set(topic.verbs) | {f for fs in topic.forms.values() for f in fs} \
        | {lem for p in topic.phrases for lem in p.lemmas} | {w.lower() for p in topic.phrases for w in p.bare.split()}
    # a doing pursued ("learning to cook", "who loves to bake", "teaching me to surf") keys a theme as its -ing form
    # does ("cooking", a core key of food, where "cook" alone is a plain one): the doing is the song's subject
    pursued = {v: lexicon.gerund(v) for _, v, _ in topic.pursued}
    out = {}
    b = bank()
    for name, keys in b.themes.items():
        if not keys:
            continue
        core = b.core.get(name, frozenset())
        other_sense = {k for k, other in b.senses.get(name, {}).items() if other & settling}
        if other_sense:
            keys, core = keys - other_sense, core - other_sense
        doings = {v for v, g in pursued.items() if g in keys}
        words_here = words | {pursued[v] for v in doings}  # (the doing counted once, as its strongest form)
        if doings:
            keys, core = keys - doings, core - doings
        if workplace and name != "work":
            keys, core = keys - workplace, core - workplace
        if name == "city" and small_town:
            keys, core = keys - {"town"}, core - {"town"}
        if name in APART_THEMES and "apart" in topic.verb_words:
            keys, core = keys - {"apart"}, core - {"apart"}  # the cake "that fell apart": no one far away
        # style words ("sad", "anthem", "love") count only for a theme they name alone: a mood, not a subject;
        # a mood's key among the description's own words is a thing, not the song's mood ("the power went out",
        # "a metal box", "a rock"): a plain key
        named = core & (words_here - modifiers - (placed if name in SCENERY_THEMES else set())) \
            if name not in MOODS else frozenset()
        # a genre's name is the music, never a subject: a "chill house track" is no song about a house
        styled = set(topic.style) - words - (CORE_GENRES if name not in MOODS else frozenset())
        direct = len(keys & words_here) + len(named) + 2 * len(core & styled)
        near = len(keys & topic.neighbours)
        out[name] = 2.0 * direct + 0.3 * min(near, 3)
        if name in WATCHED_THEMES and not b.themes[name] & ({v for _, v, whose in topic.pursued if whose == "theirs"}
                                                  | set(topic.their_verbs)):
            out[name] = 0.0  # (sung to the one who does it, "you stir the pot": never where the singer does it)
    for name in topic.themes & out.keys():
        out[name] += STRONG  # named in a phrase ("coming up from nothing": the hustle, in whatever words)
    for kind in LOVE_KINDS & topic.themes & out.keys():
        # (helper lovers) a love of one kind (someone seen at their work, a best friend, one on nights, in letters, met
        # at a wedding) is the song, above the plain love theme's stock couple and the workplace's own lines (the bar's
        # hangover): its lines are the ones nobody else has
        out[kind] += 2 * STRONG
        for name in out.keys() - LOVE_KINDS:
            out[name] = min(out[name], STRONG)  # (the bar where the bartender works is where, not what)
    if "comeback" in topic.themes and "comeback" in out:
        # (helper comeback) a comeback story is the song, above the motivational style's stock of strength and the
        # stage's anthem: its gated lines are the ones nobody else has; a body got healthy works out too
        out["comeback"] += 2 * STRONG
        if "cbhealth" in topic.themes and "workout" in out:
            out["workout"] = max(out["workout"], STRONG)
    for name in NAMED_LEAD.keys() & topic.themes & out.keys():
        out[name] += NAMED_LEAD[name] * STRONG  # a story named by its phrases is the song (``NAMED_LEAD``)
    if out.get("hope", 0.0) >= STRONG and not topic.themes & {"hopeafter", "hopethanks"} and any(
            w >= STRONG for n, w in out.items() if n not in MOODS and n not in ("hope", "seasons")):
        # (helper lonely) a sunny free day is the colour of a song about something else ("a sunny afternoon in the park
        # with my dog": the dog's song), not its subject
        out["hope"] = STRONG - 0.1
    if "freedom" in topic.themes and "freedom" in out and not any(out.get(n, 0.0) >= STRONG for n in FREE_NEIGHBOURS):
        # (helper free) a song of feeling free, of being young and wild, of breaking free, of the moment or of
        # rebellion leads with its own lines, above a rock or punk anthem's stage and a teenager's school day; a road
        # trip, a night out, a party, a fling or a new place of one's own keeps its song and shares it
        out["freedom"] += STRONG
    if "teen" in topic.themes and "teen" in out:
        # (helper teen) a teenager's song leads with its own lines (the slammed door, the group chat, the long way to
        # class, the last June, the grades checked, a parent outside the door), above a punk anthem's stage, a school
        # day's bell, a child's tree house or a family's stock; a crush at school shares its song with the love theme's crush not told (the name crossed out, the word never
        # said), and a teenager's door kept shut the parenthood theme's moment (``kidteen``): no more than they
        if topic.themes & TEEN_KINDS.keys() != {"teencrush"} and "kidteen" not in topic.themes:
            out["teen"] += 2 * STRONG
    out.update({n: 0.0 for n in ruled_out(topic) if n in out})  # a child's song of the split: no lover's breakup
    if topic.singer and "w" in lexicon.types(topic.singer.split()[-1].lower()):
        # a day off's themes (a hike, a beach, a holiday) are no worker's where only the place names them: a coal
        # miner "in the mountains" does not climb till he touches the sky
        places = {lem for p in topic.phrases if _sets_the_song(p, topic) for lem in p.lemmas}
        for name in LEISURE_THEMES & out.keys():
            if out[name] >= STRONG and not (b.themes[name] & (words - places)) and name not in topic.themes:
                out[name] = STRONG - 0.1
    # only the lines that sing the description's words, never the subject: a lover's themes in a children's song or a
    # child's voice ("a monkey who loves bananas"), the driving themes where a bike is ridden (the exit signs, both
    # hands on the wheel), every theme its words key where it is cancelled or closing down (they would sing it under
    # way; the song is the letdown's: ``mood_themes``), a home's where it is sold or lost (``HOME_THEMES``), the road
    # where one learns to drive ("my dad teaching me to drive in an empty parking lot": no highway at night)
    learner = out.get("drivingtest", 0.0) >= STRONG and bool({"learn", "teach", "lesson"} & set(topic.words))
    capped = (GROWN_LOVE if "no-grown" in topic.tags else frozenset()) \
        | (MOTOR_THEMES if pedalled(topic) else frozenset()) \
        | ({"road"} if learner else frozenset()) \
        | (out.keys() - MOODS - topic.themes if "calledoff" in topic.tags else frozenset()) \
        | (HOME_THEMES if "houselost" in topic.themes else frozenset()) \
        | ({"bedtime"} if topic.themes & KID_CREATURES.keys() else frozenset())  # (helper fantasy) a creature's
    # own world is the song; the closet's fears only where they sing its words ("a dinosaur who is afraid of the dark")
    for name in capped & out.keys():
        out[name] = min(out[name], STRONG - 0.1)
    # a theme whose lines each need their story's words, none of which the description has ("my neighbor's wind
    # chimes at night": the neighbour's porch wave, borrowed ladder and noisy wall): it cannot carry the song
    met = gate_words(topic)
    for name in [n for n, w in out.items() if w >= STRONG]:
        if sum(all(need & met for need in needs) for needs in _gates().get(name, [])) < MIN_OPEN:
            out[name] = STRONG - 0.1
    # a theme keyed only by what a clause says of someone else ("a cat who thinks he owns the house": his idea, not a
    # homeowner's porch), where the one it is said of keys a theme of their own: only its lines that sing the words
    if topic.elsewhere:
        there = {lem for p in topic.phrases if p.bare in topic.elsewhere for lem in p.lemmas}
        here = set(topic.words) - there
        if any(w >= STRONG and b.themes[n] & here for n, w in out.items()):
            for name in [n for n, w in out.items() if w >= STRONG and b.themes[n] & there and not b.themes[n] & here
                         and n not in topic.themes and n not in THEIR_PLIGHT]:
                out[name] = STRONG - 0.1
    doings = set(pursued) | set(pursued.values())
    for name in DOERS_SUNG & out.keys():
        if out[name] >= STRONG and b.themes[name] & doings:
            out[name] += STRONG  # (helper keying) the doing pursued is the song ("my boyfriend who loves to cook for me")
    watched = {v for _, v, whose in topic.pursued if whose == "theirs"} | set(topic.their_verbs)
    if any(out.get(n, 0.0) >= STRONG for n in WATCHED_THEMES) and watched:
        # (helper keying) what someone else does, sung in the watcher's voice ("my boyfriend who loves to cook for me"):
        # the doer's own themes keyed by the same doing ("I chop the peppers, slice the lime") only where a line sings
        # the description's words
        for name in [n for n, w in out.items() if w >= STRONG and n not in WATCHED_THEMES and n not in topic.themes
                     and b.themes[n] & watched]:
            out[name] = STRONG - 0.1
    strong = {n for n, w in out.items() if w >= STRONG}
    if "lost" in topic.tags and DEATH_WORDS & set(topic.words) and "grief" in out and strong <= KIN_THEMES | MOODS \
            and "grief" not in ruled_out(topic) and any(p.kind == "person" for p in topic.phrases):
        # someone of one's own who died is the song ("my best friend who passed away in a car accident"): the
        # mourning's lines, not the friendship's present (nor only a sad song's cold coffee)
        out["grief"] = max(out["grief"], STRONG)
    if SIBLING_BY_AGE.fullmatch(topic.addressee.lower()) and max(out.values(), default=0.0) < STRONG:
        # "my little brother who looks up to me": a song to a sibling, about nothing else, is the siblings' song
        out["siblings"] = STRONG
    others = set(topic.their_verbs) - set(topic.own_verbs)
    if others and not topic.singer:
        # "my mom working three jobs to raise us", "my dad who drives trucks": their work, sung by their child; a
        # theme that one of their verbs keys is in the doer's voice ("I punch the clock", "both hands on the
        # wheel"), so only its lines that sing the description's words
        for name in out:
            if out[name] >= STRONG and b.themes[name] & others and name not in topic.themes \
                    and name not in DOERS_SUNG:
                out[name] = STRONG - 0.1
        # and one that only the nouns of what they do key ("my mom working double shifts at the hospital": her
        # shifts and her hospital, no nurse's call in my voice and no patient's bed; "mom" keys the family's song)
        theirs = set(topic.their_words) - set(topic.own_verbs)
        mine = set(topic.words) - theirs - others
        for name in out:
            if out[name] >= STRONG and b.themes[name] & theirs and not b.themes[name] & mine \
                    and name not in topic.themes and name not in DOERS_SUNG:
                out[name] = STRONG - 0.1
    return out


# How many times ``STRONG`` more a theme named by its phrases (``Topic.themes``) weighs, above the one ``STRONG`` every
# named theme gains: its gated lines are the ones nobody else has, so the story leads the song (each added before any
# cap below; every one of them is at least ``STRONG`` already, so no test of ``>= STRONG`` sees the difference)
NAMED_LEAD = {
    "success": 2,  # (helper success) the story made, above a genre's or a word's stock
    # (helper heritage) a family's migration: the journey, the work, the accent, the food, above a kitchen's or a
    # family's stock ("my mom's recipes from back home": the measures never written down)
    "heritage": 1,
    # (helper lonely) loneliness or hope named, above the place's or the meal's own theme (the empty apartment's glad
    # first flat, the dinner's recipe)
    "lonely": 1, "hope": 1,
    # (helper causes) a cause named, above the words' own themes (the planet's astronaut, the soldier's letters home,
    # the bullied kid's own voice)
    **{name: 2 for name in CAUSES},
    "parenthood": 1,  # (helper parents) the moment's own lines in the parent's voice
    # (helper truth) lies, secrets or promises: the phone face down, the secret at the dinner table, the promise at
    # the crib, above the stock of love, heartbreak or family
    "truth": 2,
    "otherworld": 2,  # (helper otherworld) the uncanny, above a love song's or a sad song's stock
    "band": 2,  # (helper band) the band's own lines, above a rock song's stage and the gig's deal
    "apology": 1,  # (helper apology) the sorry (or the forgiveness), above the lover's or kin's stock
}
# Themes sung to someone one loves about what they do ("my boyfriend who loves to cook for me", "my dad learning to
# cook": "you stir the pot and hum"): keyed only where someone else does it (``Topic.pursued``, ``Topic.their_verbs``),
# and then in the watcher's voice, whoever does it.
WATCHED_THEMES = frozenset({"yourcooking"})
# Themes sung to (or beside) the one who does what they are about, whoever does it ("my grandma who loves to sew
# quilts": "you pin the squares out on the bed"; "my dad learning to paint": "you mix the blue until it's right"):
# a clause about that someone keys them all the same.
DOERS_SUNG = WATCHED_THEMES | {"needlework", "art"}
# Themes written for what befalls someone one loves, sung by the one beside them ("my wife who is battling cancer",
# "my cousin locked up in jail"): a clause about that someone keys them all the same.
THEIR_PLIGHT = frozenset({"illness", "prison"})
# (helper free) Themes a freedom song shares its lead with, where they are the song too ("a road trip with my friends,
# feeling free"): the road's, a night out's, a party's, a fling's, a place of one's own.
FREE_NEIGHBOURS = ("road", "roadtrip", "nightout", "festival", "fling", "newstart", "leaving")
# Themes of the people one loves: where one of them died and the song is about nothing else, it is a song of grief.
KIN_THEMES = frozenset({"friendship", "family", "siblings", "love"})
DEATH_WORDS = frozenset("pass die dead death funeral grave bury".split())  # (not "missing home": no one died)
# Loves of one kind, named by topic.read_topic (helper lovers): their own themes, the song's first.
LOVE_KINDS = frozenset("seenlove friendlove nightlove penlove howwemet".split())
# A brother or sister named by their age ("little brother", "big sister"): sung to, a song of the two of them.
SIBLING_BY_AGE = re.compile(r"(?:little|baby|younger|kid|big|older) (?:brother|sister)")
# Themes of a home and its life, which sing it kept: where it is sold or lost (topic's "houselost") only their lines
# that name the description's words ("the farm being sold": no tractor humming along the row).
HOME_THEMES = frozenset("farm house home childhood hometown garden family cookout".split())
# Themes of a vehicle one rides or of a home whose core key, where the vehicle or the room is only where the song
# happens, counts as a plain one ("losing my wallet on the bus", "a crush on the girl at the bus stop": the wallet and
# the crush are the song; "slow dancing in the kitchen at midnight": the dance is, not a grandmother's kitchen).
SCENERY_THEMES = frozenset({"bus", "home"})
# Themes of people apart, which the "apart" of a thing that fell or broke apart keys not (``topic._broken_apart``).
APART_THEMES = frozenset({"distance", "drifting"})


def scenery(topic: Topic) -> set[str]:
    """The description's words named only where its song happens: every phrase holding one is a setting ("on the
    bus") or lies inside one ("bus" of "at the bus stop"); not "waiting at the bus stop", whose stop is the song."""
    places = [p.bare for p in topic.phrases if p.setting]
    out = set()
    for w in topic.words:
        holding = [p for p in topic.phrases if w in p.lemmas]
        if holding and all(p.setting or any(f" {p.bare} " in f" {q} " for q in places) for p in holding):
            out.add(w)
    return out


# Theme keys whose verb means something else than the theme's noun (to wave a hand, to book, to ghost, to park, to
# block, to fan, to star, to ship, to storm out, to rock a baby, to trip, to soldier on, ...): as verbs they key nothing
# (nor "fell" an autumn).
VERB_NOT_KEY = frozenset("""wave book ghost park block fan star ship dock shower ice net power bench table stable tail
dog snake field trick store board screen level label house front spring leaf collar step floor bottle mug palm shaft
needle ink bug cement mirror fare market stall grill border tower sand port coast tide letter cane champion club cup
team baby doctor police ward school page paper bed shadow trip resort rock trade tool muscle traffic boss wage station
band stage soldier hound storm weather box shore peak trail career best gang mate grace lord spirit taxi alien earth
moon rocket space train fall match battle fight""".split())
LEISURE_THEMES = frozenset({"nature", "beach", "vacation"})  # a day off's: a hike, the sand, a holiday
BUSINESSES = frozenset("place shop joint truck stand parlor parlour restaurant diner shack store van cart".split())
WORK_WORDS = frozenset("work job shift fire fired quit boss hire hired employee manager coworker".split())


# Themes every song may draw on: the description's own words in slots, a few lines for any song, and
# the stock lines that say little (scored far below the rest: only where nothing else fits).
RESERVE = frozenset({"slots", "general", "stock", "kidstock"})  # kidstock: gated to songs for children
SLOT_AGAIN = 2.0  # how much less a slot line counts once its word is sung (the song's own themes say more)
MOOD_COLOUR = 0.0  # the most a mood theme ("chill" -> calm) counts in a song whose subject has a theme of its own
SCENE_BONUS = 1.0  # a line of the description's own situation (``scenes``) counts as a line of its main theme
SHORT_LINE = 6  # syllables: few lines but the stock ones are this short
REFERS = re.compile(r"\b(it|it's|its|they|they're|them|their)\b", re.I)  # a line pointing back to the one before
STOCK_COST = 4.0  # how much less a stock line counts where a line of the song's themes could fit its budget
CLASH_COST = 20.0  # a line that contradicts the description (``clash``): below every stock line even with a description word in it; sung only if nothing else fits
# line tags that tell one side of a theme's story, matched to the description's (helper lonely: and the lonely
# song's kinds, ``topic.LONELY_KINDS``: the crowd's lines first in a crowd)
STORY_TAGS = frozenset({"leaver", "owstory", *LONELY_KINDS})
STORY_TAG_BONUS = 3.0  # how much more such a line counts than the theme's lines for either side
OWN_ROLE = 1.5  # how much a couplet written for its section's role counts over one written for another
# The mood theme a song falls back on when nothing it names has a theme of its own: a sad song sings
# of longing, a glad one of joy (rather than the general lines that could be in any song).
MOOD_THEMES = {"down": "longing", "up": "joy"}
MOODS = frozenset({"joy", "calm", "longing", "anthem"})  # the themes keyed by style words: a song's colour


# What a genre sings of when the description names nothing else ("a dark synthwave track": neon and night
# drives; "a trap beat": the hustle and the street), as a topliner given only a style would write.
GENRE_THEMES = {
    "synthwave": ("night", "road", "city"), "synthpop": ("night", "city"), "retrowave": ("night", "road"),
    "trap": ("hustle", "city"), "drill": ("hustle", "city"), "rap": ("hustle",), "hop": ("hustle", "city"),
    "rnb": ("love",), "soul": ("love",), "soulful": ("love",), "jam": ("love",),
    "country": ("road",), "folk": ("nature", "road"), "bluegrass": ("nature",),
    "blues": ("longing", "road"), "edm": ("festival", "dance", "night"), "house": ("dance", "night"),
    "techno": ("dance", "night"), "disco": ("dance", "festival"), "club": ("dance", "festival", "night"),
    "latin": ("dance", "love"), "reggaeton": ("dance", "love"), "salsa": ("dance", "love"),
    "bachata": ("love", "dance"), "cumbia": ("dance", "festival"), "reggae": ("beach", "calm"),
    "dancehall": ("dance", "beach"), "afrobeat": ("dance", "festival"), "afrobeats": ("dance", "festival"),
    "amapiano": ("dance", "night"), "punk": ("anthem", "protest"), "emo": ("heartbreak", "anxiety"),
    "grunge": ("anxiety", "city"), "nostalgic": ("nostalgia",), "retro": ("nostalgia",), "vintage": ("nostalgia",),
    "sixties": ("nostalgia",), "seventies": ("nostalgia",), "eighties": ("nostalgia", "night"),
    "nineties": ("nostalgia",), "lofi": ("calm", "night"), "lo-fi": ("calm", "night"), "aggressive": ("anthem",),
}
# A description of a word or two with no theme of its own is about what those words name ("an upbeat summer pop
# song" sings of summer, "a trap beat about the streets" of the street): their themes and its genre's are sung whole.
FEW_WORDS = 2


def mood_themes(topic: Topic, weights: dict[str, float]) -> dict[str, float]:
    """``{theme: weight}`` for the themes the song may sing whole beside the ones it names: the mood themes
    its style names, and where no theme is strongly supported, the themes of its genre (``GENRE_THEMES``),
    of its one or two words, and the one its mood (``up``/``down``) calls for."""
    out = {n: w for n, w in weights.items() if n in MOOD_THEMES.values() and w >= STRONG}
    if topic.singer and "w" in lexicon.types(topic.singer.split()[-1].lower()):
        out["craft"] = STRONG  # the singer has a trade ("a beekeeper", "a boxer"; not "a student"): lines of work
    # a cancelled concert, a store closing down: what its words name is not sung (``theme_weights``), nor is it the
    # world of the song's genre; the letdown's mood theme is
    called_off = "calledoff" in topic.tags
    if not any(w >= STRONG for n, w in weights.items() if n not in out):
        themes = bank().themes
        if len(topic.words) <= FEW_WORDS and not called_off:  # (a longer description says what it is about)
            for genre in (*topic.style, *topic.words):
                # a genre's world, where the description names nothing or something of that world ("a trap beat
                # about the streets"; not "a rap about my paper round": no hustle or city of the genre's)
                world = [n for n in GENRE_THEMES.get(genre, ()) if n in themes]
                if not topic.phrases or any(weights.get(n, 0.0) >= 2.0 for n in world):
                    out.update({n: STRONG for n in world if n not in out})
        # keyed by a noun of its own ("summer", "the streets"; not "paper" of "a paper round", a newspaper's), or in
        # a longer description by the place it happens ("hating Mondays at the office"): with no theme of its own, a
        # description is about what those nouns name
        few = len(topic.words) <= FEW_WORDS
        heads = set() if called_off else {p.head for p in topic.phrases
                                          if not any(q is not p and p.bare in q.bare.split() for q in topic.phrases)
                                          and (few or _sets_the_song(p, topic))}
        out.update({n: STRONG for n, w in weights.items() if w >= 2.0 and themes.get(n, frozenset()) & heads
                    and n not in out})
        out.update({MOOD_THEMES[t]: STRONG for t in MOOD_THEMES if t in topic.tags and MOOD_THEMES[t] not in out})
        if not out and not any(w >= 2.0 for n, w in weights.items() if n not in MOODS) and not called_off:
            # nothing the description names keys a theme, nor does its mood ("a rap song about selling sneakers out
            # of my trunk", "an r&b song about her perfume on my pillow"): its genre's world, as a topliner would
            out.update({n: STRONG for genre in topic.style for n in GENRE_THEMES.get(genre, ()) if n in themes})
    return out


def singer_can(tags: frozenset[str], topic: Topic) -> bool:
    """True when the singer's trade allows a line tagged ``@w`` (any trade) or ``@l`` (a hands-on
    one), by the WordNet type letters of the singer's head noun; untagged lines suit anyone.  ``@-w``: never for a
    singer with a trade (a camper's "save my bunk, I'll see you there" is no camp counselor's)."""
    need = {t[1:] for t in tags if t.startswith("@") and not t.startswith("@-")}
    never = {t[2:] for t in tags if t.startswith("@-")}
    if not need and not never:
        return True
    have = lexicon.types(topic.singer.split()[-1].lower()) if topic.singer else ""
    return all(n in have for n in need) and not any(n in have for n in never)


def _singular(phrase: Phrase) -> Phrase | None:
    """A plural phrase with "the" sung in the singular ("the streets" -> "the street"), for a line that
    ends on it: the plural's rhyme class ("-eets") has few lines to pair with, the singular's many."""
    if not phrase.plural or phrase.owner != "the" or phrase.head == phrase.bare.split()[-1]:
        return None
    bare = " ".join([*phrase.bare.split()[:-1], phrase.head])
    return replace(phrase, bare=bare, sung="the " + bare, plural=False)


def own_words(topic: Topic) -> frozenset[str]:
    """Every form of the description's content words ("dance", "dancing", "Mars")."""
    return frozenset(f.lower() for forms in topic.forms.values() for f in forms)


# Words before a verb: a description's noun after one of them is sung as a verb ("a heart can break" is no "summer
# break"), another sense than the description's
BEFORE_VERB = frozenset("""can can't could will won't would to i you we they he she it don't doesn't didn't never
always""".split())


# Verbs any line may hold ("I watch the eagles fly", "we play on through every hurt"): a description's "watching
# over the town" or "playing cards" is not sung by them
LIGHT_VERBS = frozenset("""be have do make take get go come see look watch feel know think say tell give keep hold find
put let want need try call turn play run walk stand sit wait live""".split())


def anchored(text: str, topic: Topic) -> bool:
    """True when a line sings one of the description's own words, in its sense: a word the description has only
    as a noun ("summer break", "the power") does not anchor a line that sings it as a verb ("a heart can break"),
    nor one it has only as a light verb (``LIGHT_VERBS``) a line that sings that verb."""
    nouns = {lem for p in topic.phrases for lem in p.lemmas}
    light = {f.lower() for v in (*topic.verbs, *topic.words) if v in LIGHT_VERBS and v not in nouns
             for f in topic.forms.get(v, {v})}  # ("a frog who wants to fly": no "I'd want to ride")
    own = own_words(topic) - light
    verbs = {f.lower() for v in (*topic.verbs, *topic.own_verbs) for f in topic.forms.get(v, {v})}
    words = [_clean(t) for t in text.split()]
    return any(w in own and (w in verbs or not (k and words[k - 1] in BEFORE_VERB)) for k, w in enumerate(words))


def candidates(topic: Topic, *, every_theme: bool = False) -> list[Line]:
    """Candidate lines for the song: the couplets of suiting themes (of every theme when
    ``every_theme``: the reserve for a long song), slots filled."""
    weights = theme_weights(topic)
    chosen = {n for n, w in weights.items() if w >= 1.0}
    if not chosen:  # no theme named: the nearest ones by WordNet neighbours
        best = max(weights.values(), default=0.0)
        chosen = {n for n, w in weights.items() if best >= 0.9 and w == best}
    whole = mood_themes(topic, weights)
    weights.update(whole)
    chosen |= whole.keys()
    verbs = [v for v in topic.own_verbs if v in SLOT_VERBS]
    out: list[Line] = []
    heads = story_heads(topic)
    excluded = ruled_out(topic)
    ridden = pedalled(topic)
    # a job lost however it is said: a workplace that closed is a layoff ("I carry out my cardboard box")
    named = gate_words(topic)
    role = topic.singer.split()[-1].lower() if topic.singer and not topic.singer[:1].isupper() else ""
    # a trade or role one is ("a waitress", "as a nurse"), not a kid or a mother, nor "the diner closing down"
    role = role if "r" in lexicon.types(role) and any(p.bare == topic.singer and p.owner in ("a", "an", "")
                                                     for p in topic.phrases) else ""
    # (not "I'm a pirate": the singer saying what they are, helper fantasy)
    own_role = re.compile(rf"(?<!\bi'm )\b(?:the|a|an|my|your|his|her) {re.escape(role)}s?\b") if role else None
    for e in bank().entries:
        if e.theme in excluded:
            continue  # not even a line that sings the description's word ("the house" of a child's two houses)
        if e.theme == "kidstock" and not every_theme:
            continue  # a children's song's reserve joins only once its themes run dry (``Planner.widen``)
        needs = entry_gates()[e.index]
        if any(not need & named for need in needs):
            continue  # a line of another story ("we share a drink beneath the tent" needs a party)
        own = story_line(needs, topic, heads)
        if not every_theme and e.theme not in chosen | RESERVE and not own:
            continue
        if "no-grown" in topic.tags and e.theme not in CHILD_THEMES | RESERVE and not own \
                and weights.get(e.theme, 0.0) < STRONG:
            continue  # a children's song takes no grown-up's line for a word it shares ("the coffee's cold, the hours fly")
        if contradicts(e.tags, topic.tags):
            continue
        if not singer_can(e.tags, topic):
            continue  # "I lace my boots" is a hands-on trade's line, not a student's or a teacher's
        slots = e.slots
        fills: list[tuple[Phrase | None, str | None]] = [(None, None)]
        if slots & {"verb", "verbing"}:
            fills = [(None, v) for v in verbs]
        elif slots:
            (slot,) = tuple(slots)[:1]
            fills = [(p, None) for p in topic.phrases[:MAX_PHRASES] if slot_fits(slot, p, topic)
                     and not (slot == "land" and e.theme == "heritage")] + [
                (land_named(p), None) for p in topic.phrases[:MAX_PHRASES]
                if slot == "land" and e.theme == "heritage" and kin_land(p, topic)]
            if any(tpl.rstrip().endswith("{" + slot + "}") for tpl in e.lines):
                fills += [(q, None) for p, _ in fills if (q := _singular(p))]
        weak = e.theme not in RESERVE and weights.get(e.theme, 0.0) < STRONG and not own
        romance = bool(ROMANCE_LINE.search(" ".join(e.lines)))
        for phrase, verb in fills:
            texts = [_fill(tpl, phrase, verb) for tpl in e.lines]
            filler = phrase.bare if phrase else (verb or "")
            joined_text = " ".join(texts).lower()
            tags = {t for t in e.tags if t[0] not in "=@"} | ({"night"} if not e.tags & {"day", "night"} and re.search(
                r"\b(night|tonight|midnight)\b", joined_text) else set())
            if e.theme in GLAD_THEMES and "down" not in e.tags:
                tags.add("up")  # a party's, a dance's joy: not sung where the song is sad ("feeling invisible at parties")
            if "rain" not in e.tags and re.search(r"\b(sun|stars|moon|sunlight|sunset)\b", joined_text):
                tags.add("sun")  # a clear sky
            if re.search(r"\b(dawn|sunrise|daybreak|daylight|sunlight|first light|edge of day|morning light|rising sun|"
                         r"sun (comes|is coming) up|sun is rising)\b",
                         joined_text):
                tags.add("dawn")  # the day breaking: not sung at midnight
            tags |= {"she"} if re.search(r"\b(she|her|she's|she'd)\b", joined_text) else set()
            tags |= {"he"} if re.search(r"\b(he|his|him|he's|he'd)\b", joined_text) else set()
            tags |= {"romance"} if romance else set()
            tags |= weather_tags(joined_text)
            if YOU_LINE.search(joined_text):
                tags.add("you")  # sung to someone: not where the one it would be is sung of as "he"/"she"
            if contradicts(tags, topic.tags) or not weather_supported(tags, topic):
                continue
            said = {w.removesuffix("'s") for w in re.findall(r"[a-z']+", joined_text)}
            if ridden and MOTOR_WORDS & said:
                continue  # a bike is ridden: no engine, no window rolled down, no "I'd drive the bike"
            if "no-grown" in topic.tags and ADULT_WORDS & said:
                continue  # no coffee, whiskey or lover in a children's song, whatever theme the line is of
            if own_role and own_role.search(joined_text):
                continue  # the singer's own role sung as someone else: a waitress is not topped up by "the waitress"
            for pos, text in enumerate(texts):
                if not says_something(re.sub(r"<[^>]*>", "", text)):
                    continue
                if weak and not anchored(re.sub(r"[<>]", "", text), topic):
                    continue
                if topic.absent and topic.absent & _signature(re.sub(r"[<>]", "", text)):
                    continue  # "I'm staring at my phone" for "lost without a phone"
                out.append(Line(entry=e.index, pos=pos, theme="story" if own else e.theme, roles=e.roles,
                                tags=frozenset(tags), parts=_parts(text), filler=filler))
            if weak and not (anchored(re.sub(r"[<>]", "", texts[0]), topic)
                             and anchored(re.sub(r"[<>]", "", texts[1]), topic)):
                continue
            first, second = _parts(texts[0]), _parts(texts[1])
            if second and second[0][0].lower() in ("and", "oh", "so") and second[0][1]:
                second = second[1:]
            joined = (*first[:-1], (first[-1][0] + ",", False), *second)
            out.append(Line(entry=e.index, pos=2, theme="story" if own else e.theme, roles=e.roles,
                            tags=frozenset(tags), parts=joined, filler=filler, joined=True))
    return out


# Themes whose every line is glad (a party, a dance floor, a night out, a fair): none of it in a sad song.
GLAD_THEMES = frozenset({"festival", "dance", "nightout", "joy", "fair", "newyear"})


# Words of a grown-up's life: no line holding one is sung for children or in a child's voice.
ADULT_WORDS = frozenset("""coffee beer wine whiskey bourbon vodka tequila gin liquor booze bar bars drink drinks drunk
hangover cigarette cigarettes smoke lover lovers kiss kissed kisses sexy bottle shots rent mortgage bills paycheck
divorce rum champagne cocktail cocktails margarita pint pints lager cigar cigars tobacco casino tax taxes overtime
""".split())


# Vehicles one rides under one's own power, and the words of a motor vehicle's lines they never sing.
PEDALLED = frozenset("bike bicycle skateboard scooter tricycle trike unicycle canoe kayak sled sleigh".split())
MOTOR_WORDS = frozenset("""engine engines drive drives driving drove gas tank highway dashboard window windows radio
headlights steering ignition key keys wash shotgun wheel""".split())
MOTOR_THEMES = frozenset({"road", "car"})  # the driving themes


def pedalled(topic: Topic) -> bool:
    """True where every vehicle of the description is ridden under one's own power ("learning to ride a bike")."""
    vehicles = {p.head for p in topic.phrases if p.kind == "vehicle"}
    return bool(vehicles) and vehicles <= PEDALLED


# Themes of a grown-up's love: never the subject of a song for children, whatever its words ("loves bananas").
GROWN_LOVE = frozenset("love heartbreak dating fling jealousy oldflame betrayal".split())
# Themes of a child's world: the only ones a song for children (or in a child's voice) draws on beyond its own.
CHILD_THEMES = frozenset("""rain sea winter school nature dream friendship space pets dance family sport seasons farm
morning garden horse growing joy learning beach playful bedtime vacation books siblings fishing storm food adventure
island lullaby childhood calm zoo bugs diggers routine newsibling sleepover toothfairy
pirate robot mermaid superhero unicorn princess knight kidmonster dinosaur kiddragon rocket fairies""".split())


STORY_NEEDS = 2  # a line of one story ("=birthday", "=cat,kitten") names few words: it is that story's line


def story_heads(topic: Topic) -> set[str]:
    """The nouns a description is about, for ``story_line``: heads of its noun phrases, not of a setting
    ("by the fire", "on an island": where, not what), unless sung "for"/"about" ("for Maya's birthday");
    never a season, "home" or a town (a summer break is not a summer festival, coming home not a trucker's)."""
    subject = {p.head for p in topic.phrases if not p.setting or any(
        st.split()[0] in ("for", "about") and st.endswith(p.bare) for st in topic.settings)}
    return subject - SEASON_LIKE - {"home"} - TOWNS


# Where any song may be set, not a story of its own: "a small town football team" is no trucker's "ten miles out of
# town" (a road line that needs home or town)
TOWNS = frozenset("town city village hometown".split())


def story_line(needs: tuple[frozenset[str], ...], topic: Topic, heads: set[str]) -> bool:
    """True when a bank line of one story (``=birthday``, ``=cat,kitten``: a need of at most ``STORY_NEEDS``
    words) is of the description's own story: a noun the description is about (``story_heads``) meets its
    need.  Such a line is sung whatever its theme's weight ("the candles go out all too soon" for "Maya's
    birthday", whose words bring no theme), as a line of the song's main theme (theme ``story``)."""
    # (helper tributes) a need a named theme meets ("=tribute") is the theme's, not the story's: a coach's line
    # ("=tribute =coach") of a song thanking the coach is the coach's story line
    story = [need for need in needs if not need <= NAMED_GATE_WORDS]
    return bool(story) and all(len(need) <= STORY_NEEDS and need & heads & set(topic.words) for need in story)


# Words that end a clause of the description: what follows has another subject or is absent.
PREPS = PREPOSITIONS | frozenset("into onto from over to toward towards past beneath under across through".split())
CLAUSE_END = frozenset("who that which without no and but when because though although".split())
DET = frozenset("a an the my your his her our their this that".split())
HAVE = frozenset("have has had got get need want".split())  # function verbs whose object is the word
AUX = {"was": {"you": "were", "we": "were"}, "were": {"I": "was"}, "is": {"I": "am", "you": "are", "we": "are"},
       "are": {"I": "am"}, "got": {}, "get": {}, "gets": {"I": "get", "you": "get", "we": "get"}, "been": {}}
PARTICLES = frozenset("up down out off away back over".split())  # "waking up", "moving back"
# Past participles that, after a noun, say what state it is in ("a hiker lost", "a sailor stranded"), not what it did.
STATES = frozenset("lost stuck stranded trapped gone broken tired left locked worn scared alone".split())
CONTRACTED = {"i'm": "I'm", "we're": "we're", "you're": "you're"}  # a subject and its copula in one word
COPULA = frozenset("is are am was were".split())  # a predicate after it: "a puppy who is scared of thunder"
GET_FORMS = frozenset("get gets got getting".split())  # a passive: "getting dumped by text", "got laid off"
FREQUENCY = frozenset("never always still just forever".split())  # opening an imperative: "never look back"
SEASONS = frozenset("spring summer autumn fall winter".split())  # "a summer song": "in the summer"
DAY_EVENTS = frozenset("wedding graduation funeral birthday".split())  # "on the wedding day"
GROUPS = frozenset("couple pair family band team crew friends".split())  # sung as "we" when no one else sings


def carriers(topic: Topic, description: str, word: str) -> tuple[list[Line], list[str]]:
    """Lines that sing the description's content ``word`` in its own wording, for when no bank
    line does: a clause around it in the singer's voice ("a baker opening his shop at dawn" ->
    "I'm opening my shop", "... my shop at dawn"; "my best friend moving to another country" ->
    "you're moving to another country"), with a line's person settled by the clause's subject (the
    singer "I", the one sung to "you", a couple "we", anyone else by name), possessives turned
    accordingly ("his shop" -> "my shop") and the one sung to as "you" inside the clause; and the
    prepositional phrases that hold it ("before retirement", "at mile twenty"), to open a line.
    A word no such clause holds is sung in its predicate ("a puppy who is scared of thunder" -> "the
    puppy is scared of thunder"; "the house being sold" -> "the house is being sold"), an imperative as
    the singer's promise ("never look back" -> "I'll never look back"), a noun before "song" as when
    ("since the breakup", "in the winter").
    Returns ``(lines, openers)``; each line ends on a noun of the clause or on the word itself
    before a preposition (a complete phrase)."""
    parts: list[str] = []
    for c in re.split(r"[,;:!?]|\.(?:\s|$)", description):
        if parts and re.match(r"\s*(?:who|whose|which|that|where|when)\b", c, re.I):
            parts[-1] += "," + c  # a relative clause keeps its noun ("Ana and Leo, who met at a bus stop")
        elif c.strip():
            parts.append(c.strip())
    if len(parts) > 1:  # a clause never runs on past a comma ("getting sober, one year clean")
        forms = {f.lower() for f in topic.forms.get(word, frozenset({word}))} | {word.lower()}
        own = [c for c in parts if forms & {w.lower() for t, lem, _ in tag_proper(c) for w in (t, lem)}]
        if own:
            description = own[0]
    tagged = tag_proper(description)
    toks = [t for t, _, _ in tagged]
    low = [t.lower() for t in toks]
    n = len(tagged)
    lines: list[Line] = []
    openers: list[str] = []
    phrase_of = {p.bare.lower().split()[-1]: p for p in topic.phrases}
    you = next((p for p in topic.phrases if p.bare == topic.addressee and word in (*p.lemmas, p.head)
                and not home_of(topic, p.bare)), None)  # (not "the miner, ..." of his wife)
    if you is not None and not _name_line(topic, word):
        return [], [you.sung]  # the one sung to is called, opening a line: "my wife, I write your name ..."
    name = _name_line(topic, word)
    if name:
        return _carrier(name, topic, 0, tails=("", "I know", "it's true")), []  # never "named Blue again"

    def person(k: int) -> tuple[str, str]:
        """(subject, possessive) of a clause starting at token ``k``: the noun before it."""
        j = k - 1
        while j >= 0 and tagged[j][2] in ("a", "r") and (tagged[j][2] == "r" or j + 1 == k or not low[j].endswith(
                "ly")) or (j >= 0 and low[j].endswith("ly") and tagged[j][2] == "a"):
            j -= 1
        if j > 2 and low[j] == "who" and tagged[j - 1][2] == "n" and low[j - 2] == "and" and tagged[j - 3][2] == "n":
            return "they", "their"  # "Priya and Sam, who met on a train": they met, both of them
        if j > 2 and low[j] in ("that", "who", "which") and low[j - 2:j] == ["next", "door"] \
                and tagged[j - 3][2] == "n":
            return person(j - 2)  # "the old man next door who waves": he waves
        if j > 2 and low[j] in ("that", "who") and low[j - 2] in ("named", "called") and tagged[j - 3][2] == "n":
            return person(j - 2)  # (helper success) "a girl named lily who made it big": the girl, not a flower "it"
        if j > 0 and low[j] in ("that", "who", "which") and tagged[j - 1][2] == "n":
            subj = person(j)  # "my mom's old car that finally broke down": the car broke down
            ph = phrase_of.get(low[j - 1])
            # a thing the song names (its title, its chorus) is "it" in its own clause: "it finally broke down"
            return ("it", "its") if ph is not None and ph.kind not in ("person", "animal") else subj
        if j < 0 or tagged[j][2] != "n":
            return {"i": ("I", "my"), "we": ("we", "our"), "you": ("you", "your")}.get(
                low[j] if j >= 0 else "i", ("", ""))
        head = low[j].removesuffix("'s")
        ph = phrase_of.get(head)
        if ph is not None and ph.bare == topic.singer:
            return "I", "my"
        if ph is not None and ph.bare == topic.addressee:
            return "you", "your"
        if head in GROUPS or (ph is not None and ph.plural and not topic.singer):
            return "we", "our"
        return (ph.sung if ph is not None else "the " + head), ""

    def words(a: int, b: int, poss: str) -> list[str]:
        out: list[str] = []
        k = a
        you = topic.addressee.lower().split()
        while k < b:
            if you and low[k] in DET - {"this", "that", "your"} and low[k + 1:k + 1 + len(you)] == you:
                out.append("you")  # the one sung to, inside the clause: "teaching you to ride a bike"
                k += 1 + len(you)
                continue
            if low[k] in ("her", "him") and (k + 1 == n or tagged[k + 1][2] not in ("n", "a")):
                # an object, not a possessive ("meeting her at a bookstore"): in a love song she is the one sung
                # to, "you"; else as written
                out.append("you" if "no-romance" not in topic.tags else toks[k])
                k += 1
                continue
            # "a baker opening his shop": his is the singer's, "my shop"; with no one named singing ("returning his
            # hoodie") his is another's: in a love song with nobody else named, the lover's, sung to ("your hoodie")
            mine = poss and low[k] in ("his", "her", "their") and (topic.singer or poss != "my")
            if not mine and low[k] in ("his", "her") and not topic.singer and "no-romance" not in topic.tags \
                    and not any(p.kind == "person" for p in topic.phrases):
                out.append("your")
                k += 1
                continue
            out.append(poss if mine else "I" if low[k] == "i" else
                       toks[k].capitalize() if low[k] in CALENDAR else toks[k])  # "in July"
            k += 1
        return out

    def ends(i: int) -> list[int]:
        out = []
        for e in range(i + 1, n + 1):
            if low[e - 1] in CLAUSE_END:
                break
            nxt = tagged[e][2] if e < n else ""
            if nxt == "n" or (nxt == "a" and e + 1 < n and tagged[e + 1][2] == "n") or (
                    nxt == "v" and e + 1 == n and low[e].endswith("ing") and tagged[e - 1][2] in ("n", "a")):
                continue  # not inside a noun phrase ("a hotel | room", "a burning | building")
            if tagged[e - 1][2] == "n" or (e == n and tagged[e - 1][2] == "v" and e > i + 1) or (
                    e == i + 1 and (e == n or low[e] in PREPOSITIONS | {"to"})) or (
                    e == i + 2 and low[i + 1] in PARTICLES and (e == n or low[e] in PREPOSITIONS | {"to"})):
                out.append(e)  # a noun ends it, or the word itself (with its particle) before a preposition
        return out

    def be_of(subj: str) -> str:
        return {"I": "I'm", "you": "you're", "we": "we're", "it": "it's"}.get(
            subj, subj + (" are" if subj.endswith("s") else " is"))

    forms = topic.forms.get(word, frozenset({word}))
    clauses: list[str] = []  # predicates, passives, an imperative: kept for a word no other carrier sings
    imperative: list[str] = []
    def predicate_ends(h: int) -> list[int]:
        # the predicate alone too, before its complement ("the kitten was afraid" of "... afraid of the dark")
        # and a passive participle, with its particle, before its preposition ("I'm getting laid off" of "... laid
        # off from the factory"): a short line fits a short budget
        short = [h + 1] if h + 1 < n and low[h + 1] in PREPS | {"of"} and (tagged[h][2] == "a" or (
            tagged[h][2] == "v" and low[h - 1] in GET_FORMS | {"being"})) else []
        if h + 2 < n and low[h + 1] in PARTICLES and low[h + 2] in PREPS and low[h - 1] in GET_FORMS | {"being"}:
            short.append(h + 2)
        return sorted({*short, *ends(h)})

    def subjects(k: int) -> list[tuple[str, str]]:
        # a long subject by its head alone too, to fit a line ("the family farm" -> "the farm")
        subj, poss = person(k)
        if not subj and k and low[k - 1] == "about" and low[k] in GET_FORMS:
            subj, poss = "I", "my"  # a song "about getting sacked" is sung by the one it happens to
        out = [(subj, poss)] if subj else []
        if subj.startswith("the ") and " " in subj[4:]:
            out.append(("the " + subj.split()[-1], poss))
        return out

    for h in range(n):
        if tagged[h][2] not in ("a", "v", "n") or low[h].endswith("ing"):
            continue
        if h == 0 or (h == 1 and low[0] in ("so", "feeling", "still", "always")):
            # a description that opens on a predicate ("jealous of my ex's new girlfriend", "so broke"): the
            # singer's state, "I'm jealous of my ex's new girlfriend"
            if tagged[h][2] == "a" and "a" in lexicon.parts_of_speech(low[h])[:1] and low[h] not in GENRE_WORDS:
                clauses += [f"I'm {' '.join(words(h, e, 'my'))}" for e in predicate_ends(h)]
            continue
        if low[h - 1] in CONTRACTED:  # "rent is due and I'm broke": "I'm broke"
            clauses += [f"{CONTRACTED[low[h - 1]]} {' '.join(words(h, e, ''))}" for e in predicate_ends(h)]
            continue
        if low[h - 1] in COPULA:  # a noun too, right after it: "we are stuck in traffic" ("stuck" read a noun)  # "a puppy who is scared of thunder" -> "the puppy is scared of thunder"
            for subj, poss in subjects(h - 1):
                if low[h - 1] in ("was", "were"):
                    aux = AUX[low[h - 1]].get(subj, low[h - 1]) if subj in ("I", "you", "we") else low[h - 1]
                    head = f"{subj} {aux}"
                else:
                    head = be_of(subj)
                clauses += [f"{head} {' '.join(words(h, e, poss))}" for e in predicate_ends(h)]
        elif low[h - 1] in GET_FORMS | {"being"} and tagged[h][2] != "n":  # "getting dumped by text", "the house being sold"
            for subj, poss in subjects(h - 1):
                aux = {"getting": "getting", "being": "being"}.get(low[h - 1])
                if aux:
                    head = f"{be_of(subj)} {aux}"
                elif subj in ("I", "you", "we") and low[h - 1] == "gets":
                    head = f"{subj} get"
                else:
                    head = f"{subj} {low[h - 1]}"
                clauses += [f"{head} {' '.join(words(h, e, poss))}" for e in predicate_ends(h)]
    # an imperative opens the description or a clause after its genre ("gym song, never quit": after a comma
    # or a song noun): "never look back" -> "I'll never look back"
    starts = [0] + [len(tag_proper(description[:c])) for c, ch in enumerate(description) if ch == ","] + [
        k for k in range(1, n) if low[k - 1] in SONG_NOUNS]
    for s0 in dict.fromkeys(k for k in starts if 0 <= k < n):
        k0 = s0 + 1 if s0 + 1 < n and low[s0] in FREQUENCY else s0
        if "v" in lexicon.parts_of_speech(low[k0]) and low[k0] == lexicon.lemma(low[k0], "v") and (
                k0 > s0 or tagged[s0][2] == "v" or (s0 and tagged[s0][2] == "f")):
            imperative += [" ".join(["I'll", *toks[s0:k0], *words(k0, e, "my")]) for e in ends(k0)
                           if e == n or low[e] not in PARTICLES]  # not "I'll never look" of "never look back"
    for h in range(n - 1):
        if low[h + 1] in SONG_NOUNS and tagged[h][2] == "v" and tagged[h][1] == word and low[h].endswith("ing") \
                and (h == 0 or low[h - 1] in DET):
            # "a running anthem", "a driving song": sung by the one doing it, "I'm running"
            lines += _carrier(f"I'm {low[h]}", topic, len(lines), tails=("", "again", "I know"))
            return lines, openers
        if low[h + 1] in SONG_NOUNS and tagged[h][2] == "n" and tagged[h][1] == word:
            # "a breakup song": the noun sung as when, "since the breakup", "on the wedding day"
            kind = lexicon.kind(word)
            if kind == "event":
                openers.append(f"since the {low[h]}")
                if word in DAY_EVENTS:
                    openers.append(f"on the {low[h]} day")
            elif word in SEASONS:
                openers.append(f"in the {low[h]}")
            elif kind == "place" and "g" in lexicon.types(word):  # "a gym track": sung where it is, "in the gym"
                openers.append(f"{'on' if word in ON_PLACES else 'in'} the {low[h]}")
            for o in openers:
                lines += _carrier(o, topic, len(lines), tails=PP_TAILS)

    def sings(text: str) -> bool:
        return any(w.strip(",").lower() in forms for w in text.split())

    if any(sings(t) for t in imperative):
        for t in imperative:
            lines += _carrier(t, topic, len(lines))
        return lines, list(dict.fromkeys(openers))

    for i, (tok, lem, pos) in enumerate(tagged):
        if lem != word or pos == "f":
            continue
        adverb = ""
        if pos in ("a", "r") and low[i].endswith("ly") and i + 1 < n and tagged[i + 1][2] == "v":
            # "finally" of "that finally broke down": sung in its verb's clause, "... finally broke down"
            adverb, i, (tok, lem, pos) = toks[i], i + 1, tagged[i + 1]
        elif pos == "v" and i and low[i - 1].endswith("ly") and tagged[i - 1][2] in ("a", "r"):
            adverb = toks[i - 1]
        start, frame = i, ""
        j = i
        while j > 0 and tagged[j - 1][2] in ("n", "a"):
            j -= 1
        if pos == "v" and j >= 2 and low[j - 1] in DET and low[j - 2] in PREPS:
            pos = "n"  # ending a noun phrase after a preposition ("into a burning building"): a noun
        if pos == "v":  # the clause's -ing verb at or before it ("teaching her brother to ride")
            for j in range(i, -1, -1):
                if tagged[j][2] == "v" and low[j].endswith("ing"):
                    start = j
                    break
                if low[j] in CLAUSE_END or (low[j] in PREPOSITIONS and j < i):
                    break
            frame = "be" if low[start].endswith("ing") else "do"
            if start == i and i and tagged[i - 1][2] == "n" and low[i] in STATES:
                frame = "be"  # "a hiker lost in the mountains": "I'm lost in the mountains", not "I lost ..."
            if start == i and i >= 2 and low[i - 1] == "to" and tagged[i - 2][2] == "v" \
                    and not low[i - 2].endswith("ing"):
                start = i - 2  # "I learned to swim": the verb it is the object of opens the clause
            if start == i and i and low[i - 1] in AUX:  # "my son was born", "my ex got married"
                start, frame = i - 1, "aux"
            if start < i and i and low[i - 1] == "to" and tagged[i][2] == "v":
                # "quitting my job to travel the world" -> "I'm traveling the world" too; but one taught to ride
                # rides: "teaching her little brother to ride" -> "you're riding a bike", "teaching me to bake"
                # -> "I'm baking bread"
                subj, poss = person(start)
                for k in range(start + 1, i - 1):
                    if low[k] in ("me", "us", "you"):
                        subj, poss = {"me": ("I", "my"), "us": ("we", "our"), "you": ("you", "your")}[low[k]]
                    ph = phrase_of.get(low[k].removesuffix("'s")) if tagged[k][2] == "n" else None
                    if ph is not None and ph.kind in ("person", "animal"):
                        subj, poss = ("I", "my") if ph.bare == topic.singer else ("you", "your") \
                            if ph.bare == topic.addressee else (ph.sung, "")
                if subj:
                    be = {"I": "I'm", "you": "you're", "we": "we're"}.get(subj, subj + " is")
                    for e in ends(i):
                        text = " ".join([be, lexicon.gerund(lem), *words(i + 1, e, poss)])
                        lines += _carrier(text, topic, len(lines))
            if frame == "do" and start >= 2 and low[start - 2] in ("where", "when") and low[start - 1] in (
                    "i", "we", "you"):  # "the park where we met": the place and its clause open a line
                k = start - 3
                while k >= 0 and (tagged[k][2] in ("n", "a") or low[k] in ("a", "an", "the")):
                    k -= 1
                if k >= 0 and low[k] in PREPOSITIONS and k < start - 3:
                    openers.append(" ".join(words(k, i + 1, "my")))
                    # "in the park where we met, I know"
                    lines += _carrier(openers[-1], topic, len(lines), tails=PP_TAILS)
                    continue
        elif pos == "a" and i and tagged[i - 1][2] == "n" and i + 1 < n and low[i + 1] in PREPOSITIONS:
            frame = "be"  # "a cat asleep in the sun"
        elif pos == "n" or (pos == "a" and i + 1 < n and tagged[i + 1][2] in ("n", "a")):  # "the final exam"
            j = i
            while j > 0 and tagged[j - 1][2] in ("n", "a"):
                j -= 1
            before = low[j - 1] if j else ""
            if before in PREPS | {"about", "of"} or (before in DET and j > 1 and low[j - 2] in PREPS | {"about"}):
                p0 = j - 1 if before in PREPS | {"about", "of"} else j - 2
                e = next(iter(ends(i)), i + 1)
                pp = words(p0, e, "my")
                head = lexicon.lemma(_clean(low[e - 1]), "n")  # the phrase's head: "ticket" of "a parking ticket"
                if p0 and (low[p0 - 1], low[p0]) in FALLING:
                    # "a crush on the lifeguard": the singer's own feeling, "I've got a crush on the lifeguard"
                    lines += _carrier(f"{FALLING[low[p0 - 1], low[p0]]} {' '.join(pp[1:])}", topic, len(lines),
                                      tails=("", "I know", "it's true"))
                    continue
                if low[p0] in ("on", "in", "at", "into", "onto") and lexicon.kind(head) in ("person", "animal"):
                    continue  # "a man on the moon" sings no "on the man"; no place to sing "on the lifeguard" in
                if low[p0] == "about":  # a song "about the streets" is sung where it is: "on the streets"
                    if "g" not in lexicon.types(lem) or "g" not in lexicon.types(head):
                        continue
                    pp[0] = "on" if lem in ON_PLACES else "in"
                elif low[p0] == "of":  # "the first tomatoes of July": a time is sung as when, "in July"
                    if lexicon.kind(lem) != "time":
                        continue
                    pp[0] = "in"
                openers.append(" ".join(pp))  # "before retirement", "at mile twenty"
                lines += _carrier(openers[-1], topic, len(lines), tails=PP_TAILS)  # "at mile twenty, I know"
                continue
            after = j
            while after < n and tagged[after][2] in ("n", "a"):
                after += 1
            if after < n and tagged[after][2] == "v" and low[after].endswith("ing") and (
                    before in ("a", "an", "two", "") or j == 0):  # the subject: "a couple dancing ..."
                subj, _ = person(after)
                if subj in ("I", "we"):
                    det = toks[j - 1] + " " if j and before in ("a", "an") else ""
                    if not det and subj == "I" and not toks[j][:1].isupper() and not low[after - 1].endswith("s"):
                        # a bare noun ("single mom working two jobs") takes its article: "I'm a single mom"
                        det = "an " if _first_phone(toks[j])[:1] in "AEIOU" else "a "
                    # the subject alone too, short enough for a line: "we're two old friends", "I'm a baker"
                    lines += _carrier(("we're " if subj == "we" else "I'm ") + det + " ".join(toks[j:after]),
                                      topic, len(lines))
                    for e in ends(after):
                        text = f"{subj}'re " if subj == "we" else "I'm "
                        own = "our" if subj == "we" else "my"
                        text += det + " ".join(toks[j:after]) + " " + " ".join(words(after, e, own))
                        lines += _carrier(text, topic, len(lines))
                continue
            if j <= 1 and before in ("", "the", "a", "an") and not any(tagged[k][2] == "v" for k in range(n)) and not (
                    after < n and low[after] in SONG_NOUNS):  # "a winter song": "in the winter", not "it's a winter"
                # the description is a noun phrase and what follows it ("the last dance at a high school prom",
                # "first day at a new school"): it is now
                det = "the" if before in ("", "the") else before
                # the singer is who the description names: "a grandfather telling stories" -> "I'm a grandfather",
                # "a college student homesick in the dorm" -> "I'm a college student" (not "it's a grandfather")
                me = next((p for p in topic.phrases if p.bare == topic.singer and p.kind == "person"
                           and f" {p.bare.lower()} " in f" {' '.join(low[j:after])} "), None)
                text = f"I'm {det} {me.bare}" if me is not None else f"it's {det} " + " ".join(toks[j:after])
                lines += _carrier(text, topic, len(lines))
                continue
            if before in ("was", "were", "is") and j >= 2 and low[j - 2] in ("i", "we", "you"):
                start, frame = j - 1, "aux"  # "when I was seven" -> "I was seven"
            elif j > 2 and before in DET and low[j - 2] in PARTICLES and tagged[j - 3][2] == "v":
                start, frame = j - 3, "do"  # "paid off the house" -> "we paid off the house"
                if low[start - 1].endswith("ly") and tagged[start - 1][2] in ("a", "r"):
                    adverb = toks[start - 1]
            elif j and (tagged[j - 1][2] == "v" or low[j - 1] in HAVE) or (
                    j > 1 and before in DET and (tagged[j - 2][2] == "v" or low[j - 2] in HAVE)):
                start = j - 1 if before not in DET else j - 2  # the object of a verb: "we have nothing"
                frame = "be" if low[start].endswith("ing") else "do"
            else:
                continue
        else:
            continue
        if frame == "be" and start and low[start - 1] in GERUND_TIMES and low[start].endswith("ing"):
            # "after losing my job": when, opening a line in the description's own words (no subject to sing it)
            for e in ends(i):
                openers.append(" ".join(words(start - 1, e, "my")))
                # (never "again": "after losing my job again" loses it twice)
                lines += _carrier(openers[-1], topic, len(lines), tails=("I know",))
            continue
        subj, poss = person(start)
        if frame == "be" and start == i - 1 and low[start] in GET_FORMS | {"being"} and not low[i].endswith("ing"):
            frame, start = "passive", i  # "getting laid off from the factory": sung in its predicate, short too
        if frame in ("be", "passive") and start and low[start - 1] == "about":
            subj, poss = "I", "my"  # a song "about growing up" is sung by one who does it: "I'm growing up"
        if not subj:
            continue
        if frame == "passive":
            for t in dict.fromkeys(f"{be_of(subj)} {low[i - 1]} {' '.join(words(i, e, poss))}" for e in predicate_ends(i)):
                lines += _carrier(t, topic, len(lines))
            continue
        for e in ends(i):
            body = words(start, e, poss)
            if frame == "be":
                be = {"I": "I'm", "you": "you're", "we": "we're", "it": "it's"}.get(
                    subj, subj + (" are" if subj.endswith("s") else " is"))
                text = f"{be} {' '.join(body)}"
            elif frame == "aux":  # "was" -> "you were", "is" -> "I am"
                aux = AUX[low[start]].get(subj, low[start]) if subj in ("I", "you", "we") else low[start]
                text = f"{subj} {' '.join([aux, *body[1:]])}"
            else:
                # the verb as the description has it ("we met", "our team won"), unless its person changes
                verb = toks[start] if not (subj in ("I", "you", "we") and low[start] == lexicon.third_person(
                    tagged[start][1])) else tagged[start][1]
                text = f"{subj} {' '.join([*([adverb] if adverb else []), verb, *body[1:]])}"
            k = start - 1 - bool(adverb)
            if k >= 1 and low[k - 1] == "when" and low[k] in ("i", "we", "you"):
                # "when I was seven" is a line of its own ("when I was seven, I know"): opening a line of now
                # ("when I was seven, I hold my ground") it would break the tense
                lines += _carrier(f"when {text}", topic, len(lines), tails=("I know",))
            lines += _carrier(text, topic, len(lines))
    if not lines and not openers:
        for t in dict.fromkeys(clauses):
            if sings(t):
                lines += _carrier(t, topic, len(lines))
    if not lines and not openers:
        # a word right after a preposition that no phrase took ("a doctor on call"): the two open a line
        forms = topic.forms.get(word, frozenset({word}))
        at = next((k for k in range(1, n) if low[k] in forms and low[k - 1] in PREPOSITIONS), None)
        if at is not None and low[at] not in LIGHT_GERUNDS:  # (helper comeback) never "after getting, I ..."
            openers.append(f"{low[at - 1]} {toks[at]}")
    me = next((p for p in topic.phrases if p.bare == topic.singer and p.kind == "person"
               and word in (*p.lemmas, p.head) and p.owner in ("a", "an", "", "'s")), None)  # ("'s": a sailor's wife)
    if not lines and not openers and me is not None:
        # who the singer is, when no clause holds it ("a teenager who can't sleep" -> "I'm a teenager"): the stock
        # frame "I'm a teenager, I know" is gone, so the noun phrase is a line of its own
        lines += _carrier(("I'm an " if _first_phone(me.bare)[:1] in "AEIOU" else "I'm a ") + me.bare, topic, 0)
    # a clause of what someone never does, sung without its "never", says the opposite ("the landlord fixes
    # anything"): no such line
    never = {f for w in never_done(topic) for f in topic.forms.get(w, {w})}
    if never:
        lines = [ln for ln, said in ((ln, _words_of(ln)) for ln in lines) if "never" in said or not never & said]
    return lines, list(dict.fromkeys(openers))


def _words_of(line: Line) -> set[str]:
    """A candidate line's words, lower-cased, optional ones included."""
    return {w.strip(",.!?").lower() for part, _ in line.parts for w in part.split()}


def _name_line(topic: Topic, word: str) -> str:
    """A line that sings a name the description gives ("" if ``word`` is none): a pet's or a person's
    given by "named"/"called" or after the noun ("a horse named Blue" -> "there's a horse named Blue",
    "my dog Biscuit" sung to -> "Biscuit, you're my dog"), or one owning something ("Maya's birthday"
    -> "it's Maya's birthday")."""
    for p in topic.phrases:
        if not (p.bare[:1].isupper() and p.sung == p.bare and word in (*p.lemmas, p.head)
                and p.kind in ("person", "animal")):
            continue
        owned = next((q for q in topic.phrases if q.bare.startswith(p.bare + "'s ")), None)
        if owned is not None:
            return f"it's {owned.sung}"
        noun = next((q for q in topic.phrases if q.head == p.head and q is not p and not q.bare[:1].isupper()), None)
        if noun is None or p.head in p.lemmas:
            return ""
        if noun.bare == topic.addressee:
            return f"{p.bare}, you're {noun.sung}"
        if noun.bare == topic.singer:
            return f"my name is {p.bare}"
        if noun.owner in ("a", "an", ""):
            return f"there's {'an' if noun.bare[:1] in 'aeiou' else 'a'} {noun.bare} named {p.bare}"
        return f"{noun.sung} is {p.bare}"
    return ""


# A feeling for someone, as the description words it: sung in the singer's own voice.
FALLING = {("crush", "on"): "I've got a crush on", ("love", "with"): "I'm in love with",
           ("feelings", "for"): "I've got feelings for", ("feeling", "for"): "I've got a feeling for"}
ON_PLACES = frozenset("street road highway corner block island shore beach farm stage square".split())  # "on the ..."


# Short tails that assert nothing, for a carrier line to end on a common rhyme ("I'm opening my shop again").
TAILS = ("again", "I know", "it's true", "once more")


GERUND_TIMES = frozenset("after before since without".split())  # "after losing my job": a time, not a clause
PP_TAILS = ("I know", "it's true")  # a prepositional phrase as a line: "before the final exam, I know" (never "... again")
# A carrier that is no clause of doing: a phrase ("at mile twenty", "when I was seven", "the video calls") or who
# one is ("I'm a hiker", "there's a horse named Blue"), which with a tail is a bare fragment ("..., I know").
FRAGMENT = re.compile(r"^(?:(?:at|in|on|by|for|with|without|before|after|during|since|when|while|from|into|onto|"
                      r"over|to|across|through|along|under|near|now)\b.*|(?:i'm|i am|you're|we're|it's|there's|he's|"
                      r"she's) (?:a|an|the|my|your|our)\b(?!.*\b\w+ing\b).*|(?:the|a|an|my|your|our)(?!.*(?:\b(?:is|are|was|were|am)\b|'s\b))(?: [\w']+){1,4})$",
                      re.I)


ONCE = re.compile(r"\b(?:first|last|final|growing up|born|graduat\w*|retir\w*|wedding|funeral|quit\w*|resign\w*|propos\w*|enlist\w*|divorc\w*)\b", re.I)  # what a life does once: no "again"
MOTION_PREPS = frozenset("to into onto toward towards".split())  # "to Canada" opens no line: it needs a verb of going


def is_fragment(line: Line) -> bool:
    """True for a carrier line that ends on a tail asserting nothing ("I know", "again") after no clause of
    doing: "at mile twenty, I know", "I'm a hiker, I know", "the video calls, I know"."""
    if line.theme != "carry+":
        return False
    text = " ".join(t for t, o in line.parts if not o)
    body = next((text[: -len(t) - 1].rstrip(",") for t in TAILS if text.endswith(" " + t)), text)
    return bool(FRAGMENT.match(body))


def _past(text: str) -> bool:
    """True when a clause is in the past ("we finally paid off the house", "I was nine"): it happened once, so
    it is sung without "now" or "again", and opens a line with "when", not "while"."""
    words = text.split()
    if words[:1] == ["when"]:
        words = words[1:]  # "when I was seven"
    if words and (words[0].endswith(("'m", "'re", "'s")) or words[1:2] in (["is"], ["are"], ["am"])):
        return False  # "I'm lost", "my cat is asleep": a state now
    return any(w in ("was", "were") or (w != lexicon.lemma(w, "v") and not w.endswith(("ing", "s", "'m", "'re")))
               for w in words[1:3] if w.isalpha())


def _carrier(text: str, topic: Topic, k: int, tails: tuple[str, ...] = ("", *TAILS)) -> list[Line]:
    """The carrier ``text`` as candidate lines: as it is and ended by each of ``TAILS``."""
    out = []
    past = _past(text)
    if past or FRAGMENT.match(text) or ONCE.search(text):
        # what happened once, a phrase or who one is, a first or a last: never "again" ("before retiring again",
        # "I'm a fisherman's daughter again", "training for my last fight again": read as nonsense)
        tails = tuple(t for t in tails if t not in ("again", "once more"))
    if "never" in text.split():  # not "I'll never look back, once more"
        tails = tuple(t for t in tails if t != "once more")
    # a named subject's "is" contracted too, a syllable shorter to fit a line's budget with a tail ("the puppy's
    # afraid of lightning, I know")
    short = re.sub(r"^((?:the|my|our|your) [a-z]+) is (?!being )", r"\1's ", text)
    texts = [text] + ([short] if short != text and len(tails) <= 5 else [])
    for j, (body0, tail) in enumerate((t, tail) for t in texts for tail in tails):
        body = body0 + (", " + tail if " " in tail else " " + tail if tail else "")
        parts = (("and", True), *((("now", True),) if not past else ()), *((w, False) for w in body.split()))
        out.append(Line(entry=-1000 - 10 * k - j, pos=0, theme="carry+" if tail else "carry", roles="VBP",
                        tags=frozenset(), parts=parts, filler=""))
    return out


# Activities one "goes" doing ("we go fishing"), as English says it; not "we go opening".
GO_VERBS = frozenset("""fish swim dance sail surf skate ski hike camp hunt shop ride run walk bowl row dive climb
drive jog cycle bike""".split())
# Scene frames: lines built from the description's own situation (``scene_parts``), each holding two of
# its pieces at least: who the singer is ``{role}`` ("I'm a taxi driver"), the singer's activity ``{act}`` (a
# gerund phrase or a state: "opening my shop", "homesick"), the bare activity ``{act0}`` ("sailing"), ``{be}``
# ("I'm", "we're"), the one the singer is with ``{with}`` ("my friends", "you"), where ``{at}`` ("in the dorm"),
# and when ``{when}`` ("tonight", "at dawn", "all summer"); a capital slot opens the line.  The facts a line
# asserts (tags) are checked like a bank line's.
SCENE_FRAMES = (
    ("{At}, {role}", ""),                           # "in New York, I'm a taxi driver"
    ("{At}, {be} {act}", ""),                       # "in the subway, I'm playing for coins"
    ("{When}, {be} {act}", ""),                     # "at dawn, I'm opening my shop"
    ("{be} {act} {when}", ""),                      # "I'm homesick at night"
    ("{be} {act} {at} {when}", ""),                 # "I'm driving along the coast at midnight"
    ("{At}, {be} {act} {when}", ""),                # "in the kitchen, we're dancing at midnight"
    ("{When} {at}, {be} {act}", ""),                # "at night in the dorm, I'm homesick"
    ("<and> {with} and me, we're {act0} {at}", ""),  # "you and me, we're sailing in Portugal"
    ("{be} {act0} {at} with {with}", ""),           # "I'm sailing in Portugal with you"
    ("<and> {with} is {act0} next to me", ""),      # "you are building a treehouse next to me"
    ("<oh> we go {act0} {at}, {with} and me", "go"),  # "we go sailing in Portugal, you and me"
    ("<oh> we go {act0} {when}, {with} and me", "go"),
    ("<and> {with} is next to me {at}", ""),        # "you are next to me in Portugal"
)
# When, by the facts the description settles: a setting of time as written, else the time of day or season.
WHEN_OF_TAG = (("midnight", "at midnight"), ("night", "tonight"), ("dawn", "at dawn"), ("summer", "all summer"),
               ("winter", "all winter"), ("spring", "this spring"), ("autumn", "this autumn"), ("day", "all day"))


def scene_parts(topic: Topic, description: str) -> dict[str, list[str]]:
    """The description's situation in pieces for ``SCENE_FRAMES``: ``act`` (the singer's activity as a
    gerund phrase, from its own clause: "fishing with grandpa", "driving along the coast"), ``act0`` (the
    gerund alone or with its object: "fishing", "opening my shop"), ``be`` ("I'm" or "we're"), ``with``
    (a person the singer does it with: "grandpa", "my best friends"), ``at`` (a setting of place: "in
    Jamaica", "on the harbor wall") and ``when`` ("at dawn"; else "tonight" at night, "all summer" in a
    summer: only what the description settles)."""
    out: dict[str, list[str]] = {"act": [], "act0": [], "be": [], "with": [], "at": [], "when": [], "go": [],
                                 "role": []}
    if "lost" in topic.tags or topic.gone_by or "apology" in topic.themes:
        # a song of loss or of a time gone by: no present scene of doing; nor a sorry or a forgiveness, said, not done
        # beside someone ("you are making amends next to me")
        return out
    settings = list(topic.settings)
    kinds = {p.bare.lower(): p for p in topic.phrases}
    for st in settings:
        words = st.split()
        if words[0].lower() in ("with", "without", "about", "for", "after", "before"):
            continue
        head = words[-1].lower()
        p = next((q for q in topic.phrases if q.setting and q.head == lexicon.lemma(head)), None)
        kind = p.kind if p is not None else lexicon.kind(lexicon.lemma(head))
        if kind == "time" and words[0].lower() in ("at", "on", "in"):
            out["when"].append(st)
        elif kind == "place" or "g" in lexicon.types(lexicon.lemma(head)):
            out["at"].append(st)
    if not out["when"]:
        out["when"] = [w for t, w in WHEN_OF_TAG if t in topic.tags][:1]
    low = [t.lower() for t in description.replace("\u2019", "'").split()]
    raw: list[str] = []  # the companion as the clause has it ("with grandpa"), cut from the activity
    for k, t in enumerate(low[:-1]):
        if t != "with":
            continue
        rest = " ".join(re.sub(r"[^a-z' ]", "", x) for x in low[k + 1:k + 4])
        p = next((q for q in topic.phrases if q.kind == "person" and q.bare.lower() in rest and q.bare != topic.singer
                  and q.bare not in topic.elsewhere), None)
        if p is not None:
            raw.append(" with " + p.bare)
            raw.append(" with " + p.sung)
            raw.append(" with you" if p.bare == topic.addressee else " with " + p.sung)
            out["with"].append("you" if p.bare == topic.addressee else p.sung if p.owner not in ("a", "an", "the") else
                               "my " + p.bare if p.head in KIN_WORDS else p.sung)
    timed = bool(re.search(r"\b(night|nights|day|days|dawn|morning|evening|midnight|tonight)\b", description.lower()))
    clauses = [(v, *carriers(topic, description, v)) for v in dict.fromkeys(
        (*topic.own_verbs, *topic.verbs, *topic.words[:MAX_PHRASES]))]
    for _, _, openers in clauses:
        for op in openers:  # "in the subway", of a noun WordNet calls a thing
            if op.split()[0] in ("in", "on", "along", "across", "under", "inside") \
                    and lexicon.kind(lexicon.lemma(_clean(op.split()[-1]))) not in ("time", "event") \
                    and op not in out["at"] and op not in out["when"] and not re.search(r"\b(where|when)\b", op):
                out["at"].append(op)
                settings.append(op)
    singer = next((p for p in topic.phrases if p.bare == topic.singer and p.kind == "person"), None)
    if singer is not None and count_syllables(singer.bare) <= 5 and "r" in lexicon.types(singer.head):
        # who, by a role one has: "on an island, I'm a lighthouse keeper" (not "in the park, I'm a girl")
        out["role"].append(("I'm an " if _first_phone(singer.bare)[:1] in "AEIOU" else "I'm a ") + singer.bare)
    for v, lines, _ in clauses:
        for ln in lines:
            text = " ".join(t for t, o in ln.parts if not o)
            if ln.theme != "carry" or not text.startswith(("I'm ", "we're ")):
                continue
            be, act = text.split(" ", 1)
            if act.split()[0] in DET:  # "we're a couple dancing in the kitchen": what doing is "dancing ..."
                ing = next((k for k, w in enumerate(act.split()) if w.endswith("ing")), 0)
                if not ing:
                    continue  # "I'm a baker": who (``role``), not what doing
                act = " ".join(act.split()[ing:])
            cut = True
            while cut:  # where, when and with whom are pieces of their own
                cut = False
                for st in sorted([*settings, *(r.strip() for r in raw)], key=len, reverse=True):
                    if act.endswith(" " + st):
                        act, cut = act[: -len(st) - 1], True
            for r in raw:
                act = act.replace(r, "")
            first = act.split()[0] if act else ""
            if not (first.endswith("ing") or lexicon.parts_of_speech(first)[:1] == ["a"]):
                continue  # "we're two brothers": who, not what doing or how
            if count_syllables(act) > 7 or act in out["act"]:
                continue
            if be not in out["be"]:
                out["be"].append(be)
            out["act"].append(act)
            if act.split()[0].endswith("ing") and len(act.split()) <= 3:
                out["act0"].append(act)
                if v in GO_VERBS and act == lexicon.gerund(v):
                    out["go"].append(act)
    if timed:
        out["when"] = [w for w in out["when"] if w in settings]  # "working nights": no "tonight" besides
    out["act"].sort(key=lambda a: -len(a))  # the whole clause first: "opening my shop", not "opening"
    out["act0"].sort(key=lambda a: -len(a))
    return out


KIN_WORDS = frozenset("grandma grandpa granny mom mum dad mama papa".split())  # a name-like kin word: "my grandpa"


# (helper fantasy) Creatures of make-believe a children's song sings of, never as the singer (their themes' lines say
# "the mermaid", "it", "they"): the description's clauses are theirs, so no scene line of the singer doing them.
SUNG_OF = frozenset("mermaid unicorn princess knight dinosaur kiddragon fairies".split())


def scenes(topic: Topic, description: str) -> list[Line]:
    """Candidate lines of the description's own situation (``SCENE_FRAMES`` filled by ``scene_parts``), theme
    ``scene``: every line holds two of its pieces at least (who, what doing, with whom, where, when)."""
    if topic.themes & SUNG_OF:
        return []  # (helper fantasy) the fairies dance, not the singer: no "in the garden, we're dancing at night"
    parts = scene_parts(topic, description)
    if not parts["act"] and not (parts["with"] and parts["at"]) and not (parts["role"] and parts["at"]):
        return []
    out: list[Line] = []
    k = 0
    for template, need in SCENE_FRAMES:
        if need == "go" and not parts["go"]:
            continue
        slots = set(re.findall(r"\{(\w+)\}", template))
        pools = []
        for s in sorted(slots):
            key = s.lower()
            pool = parts["go"] if (need == "go" and key == "act0") else parts[key][:2]
            if not pool:
                break
            pools.append((s, pool))
        else:
            for combo in itertools.product(*(p for _, p in pools)):
                fill = dict(zip((s for s, _ in pools), combo))
                pieces = [_signature(v) for k_, v in fill.items() if k_.lower() in ("at", "when", "act", "act0")]
                if any(a & b for a, b in itertools.combinations(pieces, 2)):
                    continue  # a piece said twice: not "in bed, I'm staying in bed all day"
                text = template
                for s, v in fill.items():
                    text = text.replace("{" + s + "}", v[:1].upper() + v[1:] if s[0].isupper() else v)
                if fill.get("with") == "you" and "{with} is" in template:
                    text = text.replace("you is", "you are")
                if "/" in text:
                    texts = [x.strip() for x in text.split("/")]
                else:
                    texts = [text]
                for pos, t in enumerate(texts):
                    if _signature(re.sub(r"[<>]", "", t)) & topic.absent:
                        continue
                    tags = weather_tags(t.lower()) | ({"night"} if re.search(r"\b(tonight|night|midnight)\b", t)
                                                      else set())
                    tags |= {"you"} if YOU_LINE.search(t) else set()
                    tags |= {"together"} if "with" in fill else set()
                    if contradicts(tags, topic.tags) or not weather_supported(tags, topic):
                        continue
                    out.append(Line(entry=-5000 - 10 * k - pos, pos=0 if len(texts) == 1 else pos, theme="scene",
                                    roles="VBPC", tags=frozenset(tags), parts=_parts(t), filler=""))
                k += 1
    return out


RETIRING = frozenset({"retire", "retirement"})  # one who retires leaves the work: the song is one of going
# Verbs of a singer who moves away or abroad: the song is sung from a place not yet (or no longer) the singer's own.
MOVING = frozenset("move emigrate immigrate relocate leave depart".split())


def moving_away(topic: Topic, description: str) -> bool:
    """True when the singer moves or leaves ("moving to Tokyo", "leaving a small town", "emigrating to
    Australia"), not back home ("moving back in with my parents"): no line of belonging where one is (the old
    block's stairs and folding chairs, "this city is where I belong"; tag ``belong``, fact ``away``)."""
    own = MOVING & set(topic.own_verbs)
    if not own:
        return False
    words = re.findall(r"[a-z']+", description.lower())
    at = [k for k, w in enumerate(words) if lexicon.lemma(w, "v") in own]
    return not any(words[k + 1:k + 2] in (["back"], ["home"]) for k in at)


def reading_prior(line: Line) -> float:
    """How readers judged the bank line(s) ``line`` sings in the tuning sets' songs (``bank.line_marks``): (kept −
    filler − nonsense) / (read + 2), in (−1, 1); 0 for a line nobody read, a carrier or a scene.  A line that says
    nothing ("I take it one day at a time") was filler in every song it closed and will be in the next."""
    if line.entry < 0:
        return 0.0
    e = bank().entries[line.entry]
    texts = e.lines if line.pos == 2 else (e.lines[line.pos],)
    marks = line_marks()
    total = 0.0
    for text in texts:
        ok, filler, nonsense = marks.get(text, (0, 0, 0))
        total += (ok - filler - nonsense) / (ok + filler + nonsense + 2)
    return total / len(texts)


def line_jitter(seed: int, line: Line) -> float:
    """The seed's draw for ``line``, in [0, 1): a hash of the seed and the line's own words (its couplet's text, or
    the line itself where it is built from the description), so that a couplet added to or taken from the bank, or a
    line another theme gains or loses, leaves every other line's draw, and so every other song, as it was."""
    if line.entry >= 0:
        what = "\x1f".join(bank().entries[line.entry].lines)
    else:
        what = "\x1f".join(t for t, _ in line.parts)
    digest = hashlib.blake2b(f"{seed}\x1e{what}\x1e{line.pos}\x1e{line.filler}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2.0 ** 64


class Planner:
    """Drafts the song couplet by couplet (see the module docstring)."""

    def __init__(self, topic: Topic, seed: int, description: str = "", avoid: frozenset[str] = frozenset()) -> None:
        if description and "away" not in topic.tags and moving_away(topic, description):
            topic = replace(topic, tags=(topic.tags - {"no-away"}) | {"away"})
        if RETIRING & set(topic.words) and "stay" not in topic.tags:
            topic = replace(topic, tags=topic.tags | {"go"})  # a last day at work: no "I'm here to stay"
        self.topic = topic
        self.description = description
        self.seed = seed
        self.weights = theme_weights(topic)
        # a genre's themes, or those of the description's one or two words, are the song's subject where it names
        # no other: they count as much as a theme it names (the mood fallbacks and a trade's craft do not)
        for n, w in mood_themes(topic, self.weights).items():
            if n not in MOODS and n != "craft":
                self.weights[n] = max(self.weights.get(n, 0.0), w)
        top = max(self.weights.values(), default=0.0) or 1.0
        self.theme_bonus = {n: 1.5 * w / top for n, w in self.weights.items()}
        if any(w >= STRONG for n, w in self.weights.items() if n not in MOODS):
            # the description has a subject of its own: genre and mood words are colour, not the song
            for n in MOODS:
                if n in self.theme_bonus:
                    self.theme_bonus[n] = min(self.theme_bonus[n], MOOD_COLOUR)
        self.theme_bonus.update(slots=0.6, general=-0.5, stock=-4.0, kidstock=-3.0, scene=SCENE_BONUS, story=1.5,
                                **{"carry+": -1.0})
        self.lines = candidates(topic) + (scenes(topic, description) if description else [])
        self.jitter = {ln.key: line_jitter(seed, ln) for ln in self.lines}
        self.prior = {ln.key: READ_WEIGHT * reading_prior(ln) for ln in self.lines}
        self.avoid = avoid
        self.used_text: set[str] = set()
        self.used_sigs: list[frozenset[str]] = []
        self.used_entries: set[int] = set()
        self.used_ends: set[str] = set()
        self.used_words: dict[str, int] = {}
        self.tags = set(topic.tags)
        openers = [(o, "") for o in topic.settings] + list(OPENERS)
        self.openers = [(o, count_syllables(o), tag) for o, tag in openers]
        self.used_openers: set[str] = set()
        self.forced_opener = ""
        self.must_sing = False  # the content guarantee is drafting: a forced opener may open a stock line
        self.wide = False  # the reserve of every theme has joined (``widen_partners``)
        self.last_score = -1e9  # the score of the last couplet drafted (``couplet``)
        self.opening = False  # drafting the song's first verse couplet
        form_of = {}
        for lem, forms in topic.forms.items():
            for f in forms:
                form_of[f] = lem
        self.form_of = form_of
        self.clash_of: dict[tuple, int] = {}
        self.firsts_of: dict[tuple[int, int, str], Line] = {}  # first lines of written couplets, by key
        self.firsts_n = -1

    def clashes(self, line: Line) -> int:
        """How many of the line's features contradict the description (``clash.contradictions``; a bank line
        tagged ``belong`` stays put, as "where I belong" does; a line that sings a thing the description loses as
        still had, ``clash.sings_as_had``, contradicts it; a lover's line (``romance``, theme love) makes the singer one of
        a couple the description's singer is a guest of); the second line of a written couplet that points back
        to a first line that contradicts ("it", "they") counts as contradicting too)."""
        key = (line.key, line.parts)
        if key not in self.clash_of:
            n = self._own_clashes(line)
            if not n and points_back(line):
                # the second line of a couplet whose first contradicts, when it points back ("and it's all that's
                # left to me" after "I keep my wallet where I can see"): alone it would say nothing
                if self.firsts_n != len(self.lines):  # (rebuilt when lines join: widening, carriers)
                    self.firsts_of = {ln.key: ln for ln in self.lines if ln.pos == 0}
                    self.firsts_n = len(self.lines)
                first = self.firsts_of.get((line.entry, 0, line.filler))
                n = int(first is not None and self._own_clashes(first) > 0)
            self.clash_of[key] = n
        return self.clash_of[key]

    def _own_clashes(self, line: Line) -> int:
        """The line's own contradictions, its couplet's partner aside (``clashes``)."""
        key = ("own", line.key, line.parts)
        if key not in self.clash_of:
            text = " ".join(t for t, _ in line.parts)
            found = clash.contradictions(text, self.topic.facts, self.topic.fears, filled=bool(line.filler))
            if "belong" in line.tags and "uprooted" in self.topic.facts:
                found |= {"stay"}
            if self.topic.lost_things and line.theme not in ("carry", "carry+") \
                    and clash.sings_as_had(text, self.topic.lost_things):
                found |= {"had"}  # "I keep my wallet where I can see" in a song of losing it
            if ("romance" in line.tags or line.theme == "love") and "guest" in self.topic.facts \
                    and line.theme not in LOVE_KINDS:  # (not the day two guests met: "you caught the bouquet")
                found |= {"couple"}  # a lover's line ("I'm yours and you are mine") at someone else's wedding
            self.clash_of[key] = len(found)
        return self.clash_of[key]

    # -- scoring ---------------------------------------------------------------------------
    def words_in(self, text: str) -> set[str]:
        return {self.form_of[w] for w in (_clean(t) for t in text.split()) if w in self.form_of}

    def realise(self, line: Line, target: int) -> tuple[str, float]:
        """The line's realisation nearest ``target`` syllables: optional words in or out and,
        for a long line, opened by one of the description's settings ("after a night shift,")
        or a time phrase ("every night,")."""
        best, best_cost, best_n = "", 1e9, 0
        for text, n, misses in _variants(line.parts):
            cost = 1.3 * abs(n - target) + 0.5 * misses + (3.0 if abs(n - target) > 2 else 0.0)
            if cost < best_cost:
                best, best_cost, best_n = text, cost, n
        # the last resort to sing a setting's word; a stock line under it only where the word must be sung
        # (the content guarantee), not to sing again outside the chorus a word the chorus sings
        if self.forced_opener and not line.joined and (line.theme != "stock" or self.must_sing):
            k = count_syllables(self.forced_opener)
            # who the singer is ("a grandfather, ...") opens only a line whose subject is the singer: not "a
            # grandfather, the day is done"
            # (so does any phrase opening a stock line: "before retiring, I ..." but not "before retiring, the night
            # has won")
            me = self.forced_opener.split()[0].lower() in ("a", "an") or line.theme == "stock"
            opened = [(1.3 * abs(n + k - target) + 0.5 * m, f"{self.forced_opener}, {_uncap_and(t)}")
                      for t, n, m in _variants(line.parts) if _opens_with_subject(t) and abs(n + k - target) <= 3
                      and (not me or _uncap_and(t).split()[0] in ("I", "I'm", "I've", "I'll", "I'd"))
                      and not _signature(self.forced_opener) & _signature(t)  # not "at night, I'm ... at night"
                      and not (self.names_you(self.forced_opener) and YOU_LINE.search(t))]
            if opened:
                cost, text = min(opened)
                return text, cost
        settings = set(self.topic.settings)
        # a stock line opened by the description's setting ("in the library, I am not afraid") is still a stock
        # line: readers call it filler, so a setting opens only lines of a theme
        if (best_n < target - 1 or settings - self.used_openers) and _opens_with_subject(best) \
                and line.theme != "stock":
            for text, n, misses in _variants(line.parts):
                for opener, k, tag in self.openers:
                    generic = opener not in settings
                    if generic and (best_n >= target - 2 or n < 6):
                        continue  # a generic opener only where a full line is well short
                    if generic and target < LONG_LINE and len(self.used_openers - settings) >= MAX_GENERIC_OPENERS:
                        continue
                    if CONFLICTS.get(tag) in line.tags or _signature(opener) & _signature(text):
                        continue  # "every morning" before a night line, "every night" before "... the night"
                    if self.names_you(opener) and YOU_LINE.search(text):
                        continue  # the one sung to is "you": not "with mom, you never let me go"
                    if opener in self.used_openers or CONFLICTS.get(tag) in self.tags \
                            or (line.filler and (opener in line.filler or line.filler in opener)):
                        continue
                    m = n + k
                    fresh = len(self.words_in(opener) - set(self.used_words) - self.words_in(text))
                    if best_n >= target - 1 and not fresh:
                        continue
                    cost = 1.3 * abs(m - target) + 0.5 * misses + 0.8 - 1.5 * fresh \
                        + (3.0 if abs(m - target) > 2 else 0.0)
                    if cost < best_cost:
                        best, best_cost = f"{opener}, {_uncap_and(text)}", cost
        return best, best_cost

    def names_you(self, opener: str) -> bool:
        """True when ``opener`` (a setting, "with mom") is with the one the song sings to as "you"."""
        you = self.topic.addressee.lower().split()
        words = opener.lower().split()
        return bool(you) and words[0] == "with" and words[-len(you):] == you

    def score(self, line: Line, target: int, role: str) -> tuple[float, str]:
        if role not in line.roles or contradicts(line.tags, self.tags):
            return -1e9, ""
        if line.joined and target < LONG_LINE:
            return -1e9, ""
        text, cost = self.realise(line, target)
        if text in self.used_text or self.echoes(text):
            return -1e9, ""
        s = -cost + self.theme_bonus.get(line.theme, 0.0) + JITTER * self.jitter[line.key] + self.prior.get(line.key, 0.0)
        if self.avoid and sung_form(text) in self.avoid:
            s -= AVOID_COST
        if line.tags & STORY_TAGS & self.topic.tags:
            s += STORY_TAG_BONUS  # the few lines of the description's own side of its story (the one who left)
        if role == "C":  # a chorus line is a hook of the song's theme more than a slot filled
            s += -1.5 if line.theme == "slots" else 1.0
        elif self.opening and line.theme == "slots":  # a song opens on an image of its scene
            s -= 3.0
        # the line's own words, not an opener's ("in the park, I'm here to stay" sings the park, not the stock line)
        fresh = [w for w in self.words_in(" ".join(t for t, _ in line.parts)) if w not in self.used_words]
        for w in self.words_in(text):
            s += 4.0 if w not in self.used_words else 0.6 / self.used_words[w]
        if line.theme == "stock" and (fresh or target >= LONG_LINE or target <= SHORT_LINE):
            # a stock frame around the description's own words ("I'm a teenager, I know") carries them;
            # a long line (a couplet sung as one) or a very short one has few other ways to fit its budget
            s += 3.0
        elif line.theme == "stock":
            s -= STOCK_COST  # a budget a theme's line can fit: readers call a stock line filler
        if line.entry in self.used_entries:
            s -= 2.5
        if line.theme == "slots" and line.filler and not fresh:
            s -= SLOT_AGAIN  # the word is sung already: its slot lines say nothing new ("Portugal" six times)
        if end_word(text) in self.used_ends:
            s -= 3.0
        s -= CLASH_COST * self.clashes(line)
        return s, text

    # -- drafting --------------------------------------------------------------------------
    def couplet(self, role: str, targets: tuple[int, int], require: str = "", dry: bool = False
                ) -> tuple[str, str] | None:
        """The best rhyming pair for two lines of a ``role`` section (one singing the
        description word ``require``, when given); ``dry``: only scored (``self.last_score``), not sung."""
        scored: dict[tuple, list] = {}
        forced = self.forced_opener  # a forced opener opens the first line only
        for ln in self.lines:
            if require and self.clashes(ln):
                continue  # a word the song must sing is sung some other way ("the breakup is near": its carrier)
            s0, t0 = self.score(ln, targets[0], role)
            self.forced_opener = ""
            s1, t1 = self.score(ln, targets[1], role)
            self.forced_opener = forced
            if s0 < -1e8 and s1 < -1e8:
                continue
            key = rhyme_key(end_word(t0 or t1))
            scored.setdefault(key, []).append((ln, s0, t0, s1, t1))
        best, best_s = None, -1e9
        for key, group in scored.items():
            if not key or len(group) < 2:
                continue
            firsts = sorted(group, key=lambda g: -g[1])[:6]
            seconds = sorted(group, key=lambda g: -g[3])[:6]
            for a in firsts:
                for b in seconds:
                    la, lb = a[0], b[0]
                    if a[1] < -1e8 or b[3] < -1e8 or la.entry == lb.entry and la.pos == lb.pos:
                        continue
                    if line_ends(a[2]) & line_ends(b[4]) or a[2] == b[4]:
                        continue
                    if "," in a[2] and a[2].split(",")[0] == b[4].split(",")[0]:
                        continue  # the same opener twice in a row
                    if la.entry != lb.entry and (la.filler and la.filler == lb.filler):
                        continue
                    if la.tags and lb.tags and any(CONFLICTS.get(t) in lb.tags for t in la.tags):
                        continue
                    if require and require not in self.words_in(a[2]) | self.words_in(b[4]):
                        continue
                    s = a[1] + b[3]
                    if la.entry == lb.entry and la.pos == 0 and lb.pos == 1 and la.filler == lb.filler:
                        s += 2.0  # the couplet as written
                    elif la.entry == lb.entry:
                        continue
                    else:
                        s -= 1.0
                    if s > best_s:
                        best, best_s = (la, a[2], lb, b[4]), s
        self.last_score = best_s
        if best is None or dry:
            return None if best is None else (best[1], best[3])
        la, ta, lb, tb = best
        for ln, text in ((la, ta), (lb, tb)):
            self.commit(ln, text)
        self.opening = False
        return ta, tb

    def single(self, role: str, target: int, rhyme_with: str = "", *, hook: bool = False) -> str | None:
        """One line (an odd line out), rhyming with ``rhyme_with`` when one can; a ``hook`` (the line that names
        a song with no title) is never a stock or general line."""
        want = rhyme_key(rhyme_with) if rhyme_with else None
        best, best_s, best_t = None, -1e9, ""
        for ln in self.lines:
            if points_back(ln):
                continue  # a couplet's second line pointing back ("and they're all I want to see"): not alone
            if hook and ln.theme in ("stock", "general"):
                continue  # "I Couldn't Ask For More" names no song
            s, t = self.score(ln, target, role)
            if s < -1e8:
                continue
            if want and rhyme_key(end_word(t)) == want and end_word(t) != _clean(rhyme_with):
                s += 3.0
            if s > best_s:
                best, best_s, best_t = ln, s, t
        if best is None:
            return None
        self.commit(best, best_t)
        return best_t

    def echoes(self, text: str) -> bool:
        """True when ``text`` says again what a line already sung says (the same content words, or nearly)."""
        sig = _signature(text)
        return bool(sig) and any(len(sig & old) / len(sig | old) >= 0.7 for old in self.used_sigs)

    def commit(self, line: Line, text: str) -> None:
        self.used_sigs.append(_signature(text))
        head = text.split(",")[0].lower()
        for opener, _, tag in self.openers:
            if "," in text and head == opener:
                self.used_openers.add(opener)
                if tag:
                    self.tags.add(tag)
        self.used_text.add(text)
        self.used_entries.add(line.entry)
        self.used_ends |= line_ends(text) if line.joined else {end_word(text)}
        for w in self.words_in(text):
            self.used_words[w] = self.used_words.get(w, 0) + 1
        self.tags |= line.tags

    def widen_partners(self) -> None:
        """Lines of every theme (facts still kept) join as partners, scored below the song's own themes."""
        self.wide = True
        self._every_theme()

    def _every_theme(self) -> None:
        """The lines of every theme not among the planner's yet join it, each with its own random jitter."""
        known = {ln.key for ln in self.lines}
        more = [ln for ln in candidates(self.topic, every_theme=True) if ln.key not in known]
        self.lines += more
        self.jitter.update({ln.key: line_jitter(self.seed, ln) for ln in more})
        self.prior.update({ln.key: READ_WEIGHT * reading_prior(ln) for ln in more})

    def carry(self, lines: list[Line]) -> None:
        """Carrier lines join the planner (those it lacks) and all of them lose their jitter: a line built to
        sing the description's word is chosen on its merits, not by chance."""
        known = {ln.key for ln in self.lines}
        self.lines += [ln for ln in lines if ln.key not in known]
        self.jitter.update({ln.key: 0.0 for ln in lines})

    def free(self, texts: list[str]) -> list[tuple[str, frozenset[str], str]]:
        """Forget that ``texts`` were sung (a couplet about to be replaced): returns what ``unfree`` restores."""
        out = []
        for t in texts:
            for cand in (t, t[:1].lower() + t[1:]):
                if cand in self.used_text:
                    sig = _signature(cand)
                    self.used_text.discard(cand)
                    if sig in self.used_sigs:
                        self.used_sigs.remove(sig)
                    self.used_ends.discard(end_word(cand))
                    out.append((cand, sig, end_word(cand)))
        return out

    def unfree(self, freed: list[tuple[str, frozenset[str], str]]) -> None:
        for text, sig, end in freed:
            self.used_text.add(text)
            self.used_sigs.append(sig)
            self.used_ends.add(end)

    def section(self, role: str, targets: list[int]) -> list[str]:
        out: list[str] = []
        k = 0
        while k < len(targets):
            if k + 1 < len(targets):
                pair = None
                for attempt in range(2):
                    pair = self.couplet_any(role + ("VB" if role in "CP" else "VBC"), (targets[k], targets[k + 1]))
                    if pair:
                        break
                    self.widen(0)
                if pair:
                    out += pair
                    k += 2
                    continue
            line = self.single_any(role, targets[k], out[-1] if out else "")
            out.append(line)
            k += 1
        return [_cap(x) for x in out]

    def couplet_any(self, roles: str, targets: tuple[int, int], require: str = "") -> tuple[str, str] | None:
        """The best couplet of lines written for the first of ``roles`` or, scoring better by more than
        ``OWN_ROLE``, of the others (a bridge of the song's own verse images rather than stock bridge lines)."""
        order = list(dict.fromkeys(roles))
        if len(order) == 1:
            return self.couplet(order[0], targets, require)
        scored = []
        for k, r in enumerate(order):
            if self.couplet(r, targets, require, dry=True) is not None:
                scored.append((self.last_score + (OWN_ROLE if k == 0 else 0.0), -k, r))
        if not scored:
            return None
        return self.couplet(max(scored)[2], targets, require)

    def single_any(self, role: str, target: int, prev: str, *, hook: bool = False) -> str:
        for attempt in range(3):
            for r in (role, "V", "B", "C", "P"):
                line = self.single(r, target, end_word(prev) if prev else "", hook=hook and attempt < 2)
                if line:
                    return line
            self.widen(attempt)
        raise RuntimeError("the phrase bank ran dry")  # unreachable: the last widening allows every line

    def widen(self, attempt: int) -> None:
        """A long song has used up its themes: first every theme joins, then lines may return."""
        if attempt == 0:
            self._every_theme()
        else:
            self.used_text.clear()
            self.used_sigs.clear()


SUBJECTS = frozenset("""i i'm i've i'd i'll we we're we've you you're you've he he's she she's it it's they they're
the my your his her our there there's nobody everybody this""".split())


def points_back(line: Line) -> bool:
    """True for the second line of a written couplet that points back to its first ("and it's all that's left to
    me", "and they're all I want to see"): it says nothing without it."""
    return line.pos == 1 and line.entry >= 0 and bool(REFERS.search(" ".join(t for t, _ in line.parts)))


def _opens_with_subject(text: str) -> bool:
    """True when a line (past a leading "and"/"oh"/"so") opens with its subject, so that a
    setting can stand before it ("after a night shift, I ...")."""
    words = [_clean(t) for t in text.split()]
    words = words[1:] if words and words[0] in ("and", "oh", "so") else words
    return bool(words) and words[0] in SUBJECTS


@lru_cache(maxsize=50000)
def _signature(text: str) -> frozenset[str]:
    words = (_clean(t) for t in text.split())
    return frozenset(lexicon.lemma(w) for w in words if w and w not in FUNCTION and w not in EMPTY_WORDS)


def _uncap_and(text: str) -> str:
    """A line after an opener: its leading "and"/"oh"/"so" dropped."""
    words = text.split()
    if len(words) >= 3 and words[0].lower() in ("and", "oh", "so"):
        words = words[1:]
    return " ".join(words)


def _cap(line: str) -> str:
    return line[:1].upper() + line[1:]


def _clean_title(title: str) -> str:
    """The title as a sung line: its word tokens only (no bracketed tags like "[live]", no emoji)."""
    toks = re.sub(r"\[[^\]]*\]|\([^)]*\)|[\[\]()]", " ", title).split()
    return " ".join(t for t in toks if is_word(t))


TITLE_FRAMES = ("{T}", "oh, {T}", "{T}, {T}", "oh, {T}, oh, {T}", "{T}, oh, {T}")


def title_line(title: str, target: int, proper: frozenset[str] = frozenset()) -> str:
    """The title as the chorus's hook line, repeated or opened with "oh" to near the planned syllables."""
    sung = " ".join(w if w == "I" or w.startswith("I'") or w.isupper() and len(w) > 1 or w.lower().removesuffix("'s") in proper
                    else w.lower()  # ("I'm Sorry": "I'm sorry, oh, I'm sorry")
                    for w in title.split())
    best, best_err = sung, 1e9
    for frame in TITLE_FRAMES:
        text = frame.replace("{T}", sung)
        err = abs(count_syllables(text) - target) + 0.1 * TITLE_FRAMES.index(frame)
        if err < best_err:
            best, best_err = text, err
    return _cap(best)


def make_title(description: str, *, seed: int = 0) -> str:
    """A title from the description's own words ("Driving Home", "Grandmother's Kitchen");
    an odd seed picks the second of its phrases when it has two."""
    cands = [c for c in read_topic(description).title_candidates if 2 <= count_syllables(c) <= 8]
    if not cands:
        return ""  # nothing to name it by: the chorus's first line names the song (write_song)
    multi = [c for c in cands if " " in c]  # a phrase names a song better than one word
    return multi[seed % min(len(multi), 2)] if multi else cands[0]


def default_form(family: str = "pop", duration: float | None = None) -> FormPlan:
    """A full song form (verse, chorus, verse, pre-chorus, chorus, bridge, chorus), shorter
    for short tracks (under 12 s a chorus of 1-4 lines, under 30 s two verse lines and a chorus,
    under 60 s a verse and a chorus, under 120 s two of each), with line lengths for the style
    family (hip-hop denser, ballads shorter)."""
    density = REGISTER.get(family, {}).get("density", 1.0)
    form = list(DEFAULT_FORM)
    if duration is not None and duration < 12:  # about 2 sung syllables a second, 7 to a line
        form = [("chorus", max(1, min(4, round(duration * 2.0 / 7))), 7)]
    elif duration is not None and duration < 30:
        form = [("verse", 2, 8), form[1]]
    elif duration is not None and duration < 60:
        form = form[:2]
    elif duration is not None and duration < 120:
        form = form[:2] + [form[2], form[4]]
    secs, t = [], 0.0
    for label, n, syl in form:
        bars = 2 * n
        secs.append(FormSection(label=label, start=t, end=t + bars * 2.0, bars=bars, sung=True,
                                line_syllables=tuple(max(4, round(syl * density)) for _ in range(n))))
        t += bars * 2.0
    return FormPlan(sections=tuple(secs))


def write_lyrics(description: str, *, title: str = "", family: str = "pop", seed: int = 0,
                 form: FormPlan | None = None, duration: float | None = None, avoid: Iterable[str] = ()) -> str:
    """Original lyrics with section tags for a song ``description``, written to ``form``.

    Parameters
    ----------
    description : str
        What the song is about; its people, places, objects and actions are sung.
    title : str
        Sung as the chorus's first and last line; made from the description when blank.
    family : str
        Style family (``StyleProfile.family``): line length of the default form.
    seed : int
        The same seed always writes the same lyrics.
    form : FormPlan or None
        The planned vocal form: one block per sung section with one line per entry of its
        ``line_syllables`` (each line within 1-2 syllables of its budget); every chorus
        section gets the same chorus.  None: ``default_form(family, duration)``.
    duration : float or None
        Only with ``form=None``: short tracks get a shorter default form.
    avoid : iterable of str
        Lines another variant sings: a line of near merit is sung instead of each (``AVOID_COST``).

    Returns
    -------
    str
        ``"[Verse 1]\\n...\\n\\n[Chorus]\\n..."``, ready for ``parse_lyrics``.
    """
    topic = read_topic(description)
    description = in_voice(description)  # "a song from a mother ...": her lines open "a mother ...", never "from a mother"
    plan = form or default_form(family, duration)
    sung = [s for s in plan.sections if s.sung and s.line_syllables]
    if not sung:  # a form with nothing to sing still gets a song, sized to its length
        end = max((s.end for s in plan.sections), default=None)
        sung = [s for s in default_form(family, end).sections]
    hook = _clean_title(title) or make_title(description, seed=seed)
    planner = Planner(topic, seed, description, frozenset(sung_form(ln) for ln in avoid))
    choruses = [s for s in sung if ROLE.get(s.label, "V") == "C" and s.label != "outro"]
    chorus = _chorus(planner, hook, max(choruses, key=lambda s: len(s.line_syllables)).line_syllables) \
        if choruses else []
    drafts: list[tuple[str, FormSection, list[str]]] = []
    for sec in sung:
        role = ROLE.get(sec.label, "V")
        n = len(sec.line_syllables)
        if sec.label in ("chorus", "hook"):
            # a shorter chorus sings the chorus's opening lines, ending on its title line from three
            # lines on (two lines are the title and the line after it, not the title twice)
            lines = list(chorus_lines(chorus, n))
            tag = "Chorus"
        elif sec.label == "outro":
            base = chorus or [title_line(hook, sec.line_syllables[0])]
            lines = [base[k % len(base)] for k in range(n)]
            tag = "Outro"
        else:
            planner.opening = not any(t == "Verse" for t, _, _ in drafts) and role == "V"
            lines = planner.section(role, list(sec.line_syllables))
            planner.opening = False
            tag = "Verse" if sec.label == "verse" or sec.label not in TAGS else TAGS[sec.label]
        drafts.append((tag, sec, lines))
    _cover(planner, drafts)
    _guarantee(planner, drafts)
    blocks, verses = [], 0
    for tag, _, lines in drafts:
        if tag == "Verse":
            verses += 1
            tag = f"Verse {verses}"
        blocks.append("\n".join([f"[{tag}]", *lines]))
    return "\n\n".join(blocks)


def _cover(planner: Planner, drafts: list[tuple[str, FormSection, list[str]]]) -> None:
    """Every content word of the description gets sung, and its nouns ("Mars", "winter", "dog")
    outside the chorus too: for a word still missing, a couplet of a verse, bridge or pre-chorus
    (the latest first) is redrafted to carry it."""
    nouns = {lem for p in planner.topic.phrases for lem in (p.head, *p.lemmas)}
    sung = set()
    for tag, _, lines in drafts:
        for ln in lines:
            sung |= {w for w in planner.words_in(ln) if tag not in ("Chorus", "Outro") or w not in nouns}
    in_chorus = set().union(*(planner.words_in(ln) for tag, _, lines in drafts for ln in lines
                              if tag in ("Chorus", "Outro"))) if drafts else set()
    for word in planner.topic.words[:MAX_PHRASES]:
        if word in sung:
            continue
        pair = None
        for tag, sec, lines in reversed(drafts):
            if tag in ("Chorus", "Outro") or len(lines) < 2:
                continue
            role = ROLE.get(sec.label, "V")
            pair = None
            # outside the chorus: a verse couplet that alone sings a word there is kept too
            counts = _sung_words(planner, [d for d in drafts if d[0] not in ("Chorus", "Outro")])
            for k in range(0, len(lines) - 1, 2):
                held = [w for ln in lines[k:k + 2] for w in planner.words_in(ln)]
                if any(counts.get(w, 0) <= held.count(w) for w in held):
                    continue  # the only couplet singing another description word: kept
                budget = (sec.line_syllables[k], sec.line_syllables[k + 1])
                pair = planner.couplet_any(role + "VB", budget, require=word)
                if pair and word in in_chorus and _misfit(pair, budget) > max(2, _misfit(lines[k:k + 2], budget)):
                    planner.free(list(pair))  # not sung, so not used up either
                    pair = None  # sung in the chorus already: a verse line that scans worse is not worth it
                if pair:
                    lines[k:k + 2] = [_cap(x) for x in pair]
                    sung |= planner.words_in(pair[0]) | planner.words_in(pair[1])
                    break
            if pair:
                break
        if pair is None:  # only a setting holds the word ("on a Sunday morning"): open a verse line with it
            setting = next((st for st in planner.topic.settings if word in planner.words_in(st)), "")
            for tag, sec, lines in ([] if not setting else reversed(drafts)):
                if tag in ("Chorus", "Outro") or len(lines) < 2:
                    continue
                planner.forced_opener = setting
                pair = planner.couplet_any(ROLE.get(sec.label, "V") + "VB",
                                           (sec.line_syllables[0], sec.line_syllables[1]), require=word)
                planner.forced_opener = ""
                budget = (sec.line_syllables[0], sec.line_syllables[1])
                if pair and word in in_chorus and _misfit(pair, budget) > max(2, _misfit(lines[0:2], budget)):
                    planner.free(list(pair))
                    pair = None
                if pair:
                    lines[0:2] = [_cap(x) for x in pair]
                    sung |= planner.words_in(pair[0]) | planner.words_in(pair[1])
                    break


def _sung_words(planner: Planner, drafts) -> dict[str, int]:
    """How many lines of the song (the chorus once) sing each description word."""
    out: dict[str, int] = {}
    seen = set()
    for tag, _, lines in drafts:
        for ln in lines:
            if tag in ("Chorus", "Outro") and ln in seen:
                continue
            seen.add(ln)
            for w in planner.words_in(ln):
                out[w] = out.get(w, 0) + 1
    return out


def _guarantee(planner: Planner, drafts) -> None:
    """Every content word of the description is sung, by construction: for a word no line sings
    yet, the weakest couplet of a verse, bridge or pre-chorus (the one singing fewest description
    words, never the only line of another word) is redrafted around a line of the description's
    own clause that holds it (``carriers``: "I'm opening my shop at dawn"), rhymed with a bank
    line, to the same syllable budget; a word only a prepositional phrase holds ("before
    retirement") opens a line of the couplet instead."""
    topic = planner.topic
    never = never_done(topic)
    # (helper fantasy) a creature of make-believe sung for children: its own world's lines sing what it is and does;
    # a clause's verb or a quality carried in the singer's frame breaks its voice ("It wants to make friends, I
    # know", "In the garden, we're dancing at night" of fairies)
    creature = bool(topic.themes & KID_CREATURES.keys())
    # (and whom it is for: "a mermaid song for my daughter" sings no "daughter"; the song's mood and the child's age,
    # "my 5 year old", are no words of it at all: ``topic.MOOD_WORDS``, ``topic.KID_AGE_WORDS``)
    audience = set() if not creature else {lexicon.lemma(w) for m in (*KID_AGE.finditer(planner.description.lower()),
                                                                    *FOR_A_CHILD.finditer(planner.description.lower()))
                                           for w in re.findall(r"[a-z]+", m.group(0))}
    for word in topic.words[:MAX_PHRASES]:
        counts = _sung_words(planner, drafts)
        if counts.get(word) or word in never:
            continue  # (what someone never does is not sung done: "a landlord who never fixes anything")
        if creature and (word in topic.verb_words or lexicon.parts_of_speech(word)[:1] in (["a"], ["r"])
                         or word in audience):
            continue
        lines, openers = carriers(topic, planner.description, word)
        if not lines and not openers:
            # a word only another word's clause holds ("the band" of "getting kicked out of the band"): that
            # clause's lines that sing it
            forms = topic.forms.get(word, frozenset({word}))
            lines = [ln for other in topic.words[:MAX_PHRASES] if other != word
                     for ln in carriers(topic, planner.description, other)[0]
                     if any(w.strip(",").lower() in forms for part, _ in ln.parts for w in part.split())]
        # a bare phrase with a tail ("at mile twenty, I know", "I'm a hiker, I know") joins last: a reader calls it
        # nonsense or filler, worse than a bank line opened by the phrase
        fragment = [is_fragment(ln) for ln in lines]
        fragments = [ln for ln, f in zip(lines, fragment) if f]
        whole = [ln for ln, f in zip(lines, fragment) if not f]
        if whole:
            planner.carry(whole)
        # the clause opening a bank line: "opening my shop at dawn, I ...", "while you're fixing an old car, ..."
        clauses = []
        for ln in lines:
            if ln.theme != "carry" or ln.parts[-1][0] and " ".join(t for t, o in ln.parts if not o).startswith("I'll "):
                continue  # a promise opens no line ("while I'll never quit, ..." is not English)
            text = " ".join(t for t, o in ln.parts if not o)
            if not text.startswith("I'm ") and not any(pos == "v" for _, _, pos in tag_proper(text)):
                continue  # "while" needs a clause: "while the summer break, ..." is not English
            clauses.append(text[4:] if text.startswith("I'm ") else ("when " if _past(text) else "while ") + text)
        clauses = sorted(dict.fromkeys(clauses), key=count_syllables)[:3]
        slots = []  # (how much it would cost, section index, line index)
        for d, (tag, sec, sec_lines) in enumerate(drafts):
            if tag in ("Chorus", "Outro") or len(sec_lines) < 2:
                continue
            for k in range(0, len(sec_lines) - 1, 2):
                held = [w for ln in sec_lines[k:k + 2] for w in planner.words_in(ln)]
                only = sum(1 for w in set(held) if counts.get(w, 0) <= held.count(w))
                slots.append((only, len(held), -d, d, k))
        order = [x for x in sorted(slots) if not x[0]]  # never the only couplet singing some other word
        # a whole carrier line in any of those couplets first, then the clause or phrase opening a bank line;
        # then the same with the reserve of every theme the song allows as rhyme partners
        # (stock: whether the clause or phrase may open a stock line, "in the park, I'm here to stay": only once
        # no line of a theme takes it)
        # a phrase of motion opens no line ("to Canada, I can't forget your face"): "to Canada, I know" is less wrong
        still = [o for o in clauses + openers if o.split()[0].lower() not in MOTION_PREPS]
        stages = [(wide, opts, stock) for wide in (False, True) for opts, stock in (
            ([""] if whole else [], False), (still, False), (still, True),
            ([""] if fragments else [], True)) if opts]
        done = False
        for wide, opts, stock in stages:
            if wide and not planner.wide:
                planner.widen_partners()
            if stock and fragments:
                planner.carry(fragments)
            for _, _, _, d, k in order:
                tag, sec, sec_lines = drafts[d]
                budget = (sec.line_syllables[k], sec.line_syllables[k + 1])
                role = ROLE.get(sec.label, "V")
                freed = planner.free(sec_lines[k:k + 2])  # the couplet replaced: its lines may rhyme with the new one
                for opener in opts:
                    planner.forced_opener, planner.must_sing = opener, stock
                    pair = planner.couplet_any(role + "VB", budget, require=word)
                    planner.forced_opener, planner.must_sing = "", False
                    if pair and any(abs(count_syllables(x) - b) > 2 for x, b in zip(pair, budget)):
                        planner.free(list(pair))  # off the budget: not sung, so not used up either
                        pair = None
                    if pair:
                        sec_lines[k:k + 2] = [_cap(x) for x in pair]
                        done = True
                        break
                if done:
                    break
                planner.unfree(freed)
            if done:
                break


def _misfit(lines, budget) -> int:
    """Syllables off the budget, summed over lines."""
    return sum(abs(count_syllables(x) - n) for x, n in zip(lines, budget))


def _chorus(planner: Planner, hook: str, targets: tuple[int, ...]) -> list[str]:
    """The chorus: the title line first and last, rhyming couplets between."""
    n = len(targets)
    if not hook and n < 3:
        return planner.section("C", list(targets))
    proper = frozenset(proper_nouns(planner.description))
    # nothing in the description to name the song by: its best chorus line is the hook, sung first and last
    first = title_line(hook, targets[0], proper) if hook else planner.single_any("C", targets[0], "", hook=True)
    planner.used_ends.add(end_word(first))
    if n == 1:
        return [first]
    inner = list(targets[1:-1]) if n >= 3 else []
    lines = [first]
    if n == 2:
        lines.append(planner.single_any("C", targets[1], first))
        return [_cap(x) for x in lines]
    if len(inner) % 2 == 1:  # the line after the title rhymes with it where it can
        lines.append(planner.single_any("C", inner[0], first))
        inner = inner[1:]
    lines += planner.section("C", inner)
    lines.append(title_line(hook, targets[-1], proper) if hook and targets[-1] != targets[0] else first)
    return [_cap(x) for x in lines]


def write_song(description: str, *, seed: int = 0, title: str = "", family: str = "pop",
               form: FormPlan | None = None, duration: float | None = None, avoid: Iterable[str] = ()) -> tuple[str, str]:
    """``(title, lyrics)`` for a description: the title made from it unless given (``avoid``: ``write_lyrics``)."""
    name = _clean_title(title) or make_title(description, seed=seed)
    text = write_lyrics(description, title=name, family=family, seed=seed, form=form, duration=duration, avoid=avoid)
    if not name:  # named by its chorus's first line, as songs are
        chorus = next((b.split("\n")[1:] for b in text.split("\n\n") if b.startswith("[Chorus]")), None)
        first = (chorus or text.split("\n")[1:2] or ["Untitled"])[0]
        words = re.sub(r"[^\w', ]", "", first).strip(" ,").split()
        while len(words) > 2 and words[0].lower().strip(",") in ("oh", "and", "so"):
            words.pop(0)
        words[-1] = words[-1].rstrip(",")
        if len(words) > 8:  # a long line: its first words, never ending on a word that needs the rest
            words = words[:5]
            while len(words) > 2 and (words[-1].lower() in FUNCTION or words[-1].lower() in ("gonna", "i'm", "we're")):
                words.pop()
        name = " ".join(w[:1].upper() + w[1:] if w != "I" else w for w in words) or "Untitled"
    return name, text


def lyric_variants(description: str, *, seed: int = 0, count: int = 2, title: str = "", family: str = "pop",
                   form: FormPlan | None = None) -> list[tuple[str, str]]:
    """``count`` different songs for one description (seeds ``seed``, ``seed + 1``, ...), each
    ``(title, lyrics)``: what a lyrics endpoint returns as its variants.  Each variant avoids the lines the ones
    before it sing, as a second topliner would (``write_lyrics``'s ``avoid``)."""
    out: list[tuple[str, str]] = []
    for k in range(count):
        out.append(write_song(description, seed=seed + k, title=title, family=family, form=form,
                              avoid=[ln for _, text in out for ln in sung_lines(text)]))
    return out


def sung_lines(text: str) -> list[str]:
    """The lines of written lyrics, section tags and blank lines left out."""
    return [ln for ln in text.split("\n") if ln and not ln.startswith("[")]


def sung_form(line: str) -> str:
    """A line as two variants compare it: lower case, without the "and", "oh", "but" or "so" it may open with."""
    return re.sub(r"^(?:and|oh|but|so) ", "", line.strip().lower())
