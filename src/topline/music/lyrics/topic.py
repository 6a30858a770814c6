"""What a song description is about: its content words, noun phrases, verbs and themes.

Parts of speech come simply from WordNet (the most used part of speech of each
word, corrected by its neighbours: a word after a determiner or adjective is a noun
or adjective, an ``-ing`` word outside a noun phrase is a verb); lemmas from
WordNet's morphology.  Noun phrases keep the description's own wording
("grandmother's kitchen", "night shift") with the kind of their head noun
(person, place, thing, ...) so the writer can put them where such a noun fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from topline.music.lyrics import clash, lexicon, phonetics
from topline.music.lyrics.bank import bank

# Words that say what kind of song is wanted rather than what it is about.
REQUEST_WORDS = frozenset("""
song songs track tracks tune tunes lyric lyrics ballad anthem hymn verse chorus bridge hook melody music musical
write writing make create compose generate give produce want need please sing singing sung about theme style
genre upbeat uptempo downtempo mid tempo mood vibe vibes catchy jazz blues rap hiphop edm techno electronic
indie acoustic funk reggae punk rnb r&b lofi lo-fi cinematic epic dreamy chill energetic instrumental vocal
vocals female male bpm something kind sort type story tell telling told called named titled
""".split())
# Words that name a style only before a word for a song ("a country ballad", "pop song"), else content.
GENRE_WORDS = frozenset("pop rock folk country hip hop trap dance house soul metal gospel slow fast happy sad "
                        "love female male dark sunny summer summery party breakup heartbreak motivational mellow "
                        "moody romantic emotional nostalgic hopeful uplifting angry soft loud melancholic melancholy "
                        "piano guitar synth strings violin orchestral drum bass ukulele christmas heavy children's children "
                        "kids kids' kid's nursery reggaeton salsa bachata cumbia dancehall afrobeat amapiano k-pop "
                        # manners and eras ("soulful r&b", "nostalgic 80s pop", "a feel good song")
                        "soulful aggressive groovy funky smooth sultry retro vintage atmospheric haunting gritty rnb sweet tender "
                        "feel good sixties seventies eighties nineties "
                        # genres by name
                        "emo grunge ska disco techno edm latin blues jazz indie punk funk r&b rap drill grime garage "
                        "bluegrass americana swing motown doo-wop electro electronic trance dubstep hyperpop "
                        "alternative acoustic worship praise christian calypso soca zouk bedtime".split())
SONG_NOUNS = frozenset("song songs track tracks tune tunes ballad ballads anthem hymn number beat beats vibe vibes "
                       "style tempo jam banger bop lullaby lullabies serenade ditty jingle shanty duet duets".split())
# Genres a word before them makes a genre of its own ("bedroom pop", "emo rock", "garage rock"), and the
# tails of one-word genres WordNet does not know ("synthpop", "synthwave", "afrobeats", "metalcore").
CORE_GENRES = frozenset("pop rock folk metal punk soul jazz blues funk trap hop house techno reggae country "
                        "wave core step gaze".split())
GENRE_TAILS = ("pop", "rock", "wave", "core", "step", "beats", "beat", "hop", "punk", "metal", "funk", "soul",
               "gaze", "tronica", "house", "folk", "jazz")
# Style words that set the song's mood (``Topic.style``; themes of the bank are keyed by them): a mood,
# not something the lyrics must name ("a sad piano ballad" is sad, not about a piano).
MOOD_TAGS = {"up": {"upbeat", "happy", "uptempo", "uplifting", "fun", "party", "summery", "sunny", "feel", "good",
                    "energetic", "hopeful", "motivational", "catchy", "bop", "banger"},
             "down": {"sad", "melancholic", "melancholy", "heartbreak", "breakup", "emotional", "dark", "lonely", "lonesome"},
             # (a lonely song is sung alone: no line of a crowd's or a family's table)
             "alone": {"lonely", "lonesome"},
             "romance": {"love", "romantic"}}
DETERMINERS = frozenset("a an the my your his her our their this that these those its some one every another".split())
FUNCTION = frozenset("""
i me you he she it we they him them us to of in on at by for with from over under after before into onto out up
down off and or but so as than then when while where who whom whose which what that this is are was were be been
being am do does did have has had not no nor can could will would shall should may might must just very too also
about around through across along against between among behind beyond near past since until till toward towards
upon within without there here how why all any both each few more most other own same such only again ever
during despite via per amid beneath underneath back away because though although unless whether if
""".split())
# A pronoun and its verb in one word: never a noun (helper lovers), read as a function word by ``_tag`` only (the
# writer's stress marks and signatures keep their own ``FUNCTION``).
PRONOUN_CONTRACTIONS = frozenset("i've i'd i'll we've we'd we'll you've you'd you'll they've they'd they'll i'm".split())
INDEFINITE_PEOPLE = frozenset("nobody everybody somebody anybody everyone someone anyone".split())
KINSHIP = frozenset("""
grandmother grandfather grandma grandpa granny mother father mom mum dad mama papa brother sister son daughter
wife husband aunt uncle cousin friend baby girl boy love darling sweetheart partner dog cat
""".split())
BARE = frozenset({"home"})  # nouns sung without a determiner
# Facts a description settles (the writer keeps every line consistent with them).
TAG_WORDS = {
    "night": {"night", "midnight", "evening", "dark", "nighttime", "moon"},
    "midnight": {"midnight"},  # the middle of the night: no line of the day breaking
    # away from home (a hotel, a trip): no line of belonging to the street one lives on
    "away": {"hotel", "motel", "trip", "travel", "vacation", "abroad", "foreign", "tourist", "tour", "hostel",
             "airport", "visit", "lost", "holiday", "getaway", "resort", "cruise"},
    "day": {"morning", "sunday", "saturday", "afternoon", "noon", "daylight", "sunrise", "breakfast"},
    "rain": {"rain", "storm", "drizzle", "downpour", "umbrella", "rainy", "stormy"},
    "summer": {"summer", "festival", "beach", "july", "august", "heat"},
    "winter": {"winter", "snow", "christmas", "december", "frost", "ice", "snowy", "ski", "skiing", "snowboard",
               "snowboarding", "chairlift"},  # (the slopes are a winter's: no sprinkler, no summer sun)
    "spring": {"spring", "april", "blossom", "easter"},
    "autumn": {"autumn", "october", "november", "harvest", "halloween"},
    "go": {"leave", "leaving", "goodbye", "depart", "escape", "soldier", "war"},
    "stay": {"wait", "stay", "apartment"},
    # (a crush, a love never returned: no line of a couple's hands and mornings)
    "alone": {"breakup", "lonely", "alone", "heartbreak", "divorce", "lose", "ex", "distance", "apart", "crush",
              "unrequited", "dump", "invisible", "ignored", "bullied", "outcast", "unseen", "friendless"},
    "together": {"love", "wedding", "together", "kiss", "romance", "couple"},
    # The song's register: a sad or anxious song never sings a line of joy, and a glad one no line of grief.
    "down": {"miss", "lose", "loss", "grief", "funeral", "die", "death", "dead", "widow", "lonely", "breakup",
             "anxiety", "fear", "worry", "nervous", "panic", "hospital", "sick", "cry", "goodbye", "heartbreak",
             "divorce", "lost", "gone", "grave", "mourn", "depression", "sad", "sorrow", "alone", "insomnia",
             "unemployed", "fire", "war", "interview", "exam", "test", "result", "run", "dump",
             "invisible", "ignored", "outcast", "unseen", "friendless", "bullied", "bully"},
    "lost": {"miss", "gone", "die", "dead", "death", "funeral", "grave", "widow", "mourn", "lose", "lost", "bury"},
    "dry": {"dry", "drought", "arid", "parched", "heatwave"},  # no rain falls now (it may be prayed for)
    "first": {"first", "new", "begin", "start", "beginning"},
    "last": {"last", "final", "retirement", "end"},
    "up": {"wedding", "party", "festival", "celebrate", "celebration", "win", "championship", "champion", "dance",
           "prom", "birthday", "happy", "joy", "holiday", "victory", "carnival", "graduation", "reunion", "fun"},
}
FEMALE = frozenset("""grandmother grandma granny gran nan mother mom mum mama wife sister daughter girl woman aunt
bride queen lady girlfriend niece she her mermaid princess""".split())
MALE = frozenset("""grandfather grandpa father dad papa husband brother son boy man uncle groom king boyfriend
nephew he his him santa knight prince""".split())
# Words of a friend's betrayal (with ``THEME_PHRASES["betrayal"]``): no line of loyalty.
BETRAYAL = frozenset("betray betrayal traitor backstab backstabber liar snake disloyal treachery judas".split())
CONFLICTS = {"loyal": "betrayed", "gone": "athome", "athome": "no-athome", "she": "no-she", "he": "no-he", "night": "day", "day": "night", "rain": "sun", "sun": "rain", "summer": "winter", "winter": "summer",
             "spring": "autumn", "autumn": "spring",
             "go": "stay", "stay": "go", "alone": "together", "together": "alone", "up": "down", "down": "no-down",
             "child": "no-child", "parent": "no-parent", "petyou": "no-petyou", "youlost": "no-youlost",
             "young": "no-young", "grown": "no-grown", "walks": "no-walks", "employed": "no-employed",
             "romance": "no-romance", "you": "no-you", "lost": "no-lost", "here": "lost", "first": "last", "last": "first",
             "dawn": "midnight", "belong": "away", "shared": "untold", "untold": "shared", "settled": "newlove",
             "learner": "teacher", "teacher": "no-teacher", "outside": "indoors", "asever": "no-asever",
             "othername": "no-othername", "leftbehind": "leaver", "leaver": "no-leaver",
             "restless": "no-restless", "brokenup": "no-brokenup", "showbiz": "no-showbiz",
             # (helper lovers) a name known or not: "I write your name" never beside "I don't even know your name"
             "yourname": "noyourname", "noyourname": "yourname",
             "knowsmyname": "strangertoyou", "strangertoyou": "knowsmyname",
             # (helper apology) no "I don't regret" where the song is a sorry or a regret
             "unrepentant": "no-unrepentant",
             # (helper apology) no "I can't take back the things I said" where the sorry is for words never said
             "spoke": "no-spoke"}
# Singers who work where others are served ("a bus driver", "a cabbie", "a lifeguard"): no line in the voice of one
# served there (tag "customer", denied by "no-customer": a passenger's seat and bell cord, a swimmer's dive).
STAFF = frozenset("driver chauffeur cabbie cabdriver conductor busdriver lifeguard".split())


def contradicts(tags, facts) -> bool:
    """True when a line asserting ``tags`` contradicts ``facts`` (a description's or a song's): a fact its tag
    conflicts with (``CONFLICTS``), or the description's denial of the tag itself ("no-gone": no line in the
    voice of one away)."""
    return any(CONFLICTS.get(t) in facts or f"no-{t}" in facts for t in tags)
# Words that make a description a love song: only then may a line sing to "you" as a lover.
ROMANCE = frozenset("""love lover kiss romance darling sweetheart wedding marry husband wife girlfriend boyfriend
breakup heartbreak divorce ex relationship date crush valentine honeymoon partner""".split())
OWNERS = frozenset("my his her our their".split())
# Where someone is who cannot come home tonight: "my husband who works overseas", "my brother in prison"
AWAY = r"(?:overseas|abroad|far away|at sea|offshore|in (?:prison|jail)|behind bars|deployed|stationed)\b"
# A town the singer hates or is stuck in ("hating my hometown", "stuck in a small town with big dreams"), or breaks free
# from ("breaking free from this small town": helper free).
HATED_PLACE = re.compile(r"\b(hat(?:e|es|ed|ing)|sick of|tired of|can'?t stand|bored (?:of|in|with)|stuck in|trapped in|"
                         r"escap\w+(?: from)?|(?:get|getting|got|break|breaking) out of|br(?:eak|eaks|eaking|oke) (?:free|away) from) "
                         r"(?:my|this|our|the|a|that) "
                         r"(?:\w+ )?(?:home)?(?:town|village|suburbs?)\b")
# Where the singer is new ("a new city", "the new neighborhood", "just moved"): no line of belonging there for years.
NEW_PLACE = re.compile(r"\b(?:new|strange|foreign) (?:city|town|country|neighbou?rhood|street|state)\b|\bjust moved\b|"
                       r"\b(?:i|we) (?:just )?moved (?:to|into)\b")
# Places under a roof: a song set in one sings no line of being out in the weather.
# Staying in without naming the room: snowed in, by the fire, by candlelight, the power out
STAYING_IN = re.compile(r"\b(?:snowed in|stuck (?:inside|indoors|at home)|(?:wait|sit|ride)(?:s|ed|ing)? out (?:a|the) "
                        r"(?:storm|hurricane|blizzard|typhoon|gale)|stay(?:s|ed|ing)? (?:in|inside|indoors|home)|"
                        r"indoors|by the (?:fire|fireplace|fireside|hearth)|by candle ?light|power (?:went|goes|is|was) out|"
                        r"blackout|under (?:a|the) blankets?|under the (?:covers|duvet|sheets)|(?:in|on) (?:the |my |our |your )?(?:bed|couch|sofa))\b")
INDOORS = frozenset("""ward hospital kitchen room bedroom office library attic garage classroom studio apartment hall
basement shop bakery bookshop bookstore factory church bar pub diner cafe restaurant hotel museum gym prison cell
cabin lab laboratory
clinic theatre theater cinema mall store elevator""".split())


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of the description: ``bare`` as written ("night shift"), ``sung`` with a
    determiner where one belongs ("the night shift", "my grandmother"), its head noun's ``kind``."""

    bare: str
    sung: str
    head: str
    kind: str
    lemmas: tuple[str, ...]
    setting: bool = False  # only named where the song happens ("by the door"): scenery, not a subject
    plural: bool = False
    owner: str = ""  # the determiner or possessive it came with ("a", "the", "my", "his", ...)


@dataclass(frozen=True)
class Topic:
    """The description read for writing: content ``words`` (lemmas, in order), their
    ``forms`` (lemma -> every form that counts as the word appearing), noun ``phrases``,
    ``verbs`` (base forms), ``tags`` it settles and the ``title_candidates``."""

    words: tuple[str, ...]
    forms: dict[str, frozenset[str]] = field(hash=False)
    phrases: tuple[Phrase, ...]
    verbs: tuple[str, ...]
    tags: frozenset[str]
    title_candidates: tuple[str, ...]
    neighbours: frozenset[str]
    settings: tuple[str, ...] = ()
    absent: frozenset[str] = frozenset()  # nouns the description says are not there ("without a phone")
    # where the singer is going and has not got to ("stuck in traffic on the way to my own wedding"): none of it is sung
    # under way
    ahead_of: frozenset[str] = frozenset()
    own_verbs: tuple[str, ...] = ()  # the verbs the singer does ("coming"; not "ran" of "my dog who ran")
    their_verbs: tuple[str, ...] = ()  # the verbs another person does ("drives" of "my dad who drives trucks")
    # the nouns of what another person does ("shift", "hospital" of "my mom working double shifts at the hospital")
    their_words: frozenset[str] = frozenset()
    aspired: frozenset[str] = frozenset()  # what someone wants to be and is not yet ("pilot" of "wants to be a pilot")
    singer: str = ""  # the phrase the singer is ("firefighter" of "a firefighter coming home"): "I"
    style: tuple[str, ...] = ()  # words that say what kind of song, not what about ("sad", "piano", "anthem")
    addressee: str = ""  # the phrase sung to as "you" ("daughter" of "... to his daughter")
    # phrases of a clause about someone else ("Canada" of "my brother who moved to Canada"): not the singer's
    elsewhere: frozenset[str] = frozenset()
    gone_by: frozenset[str] = frozenset()  # times in the past ("the summer I learned to swim"): remembered
    # facts a line may contradict ("morning", "afraid", "uprooted", "guest", "offstage": ``clash.description_facts``)
    facts: frozenset[str] = frozenset()
    fears: frozenset[str] = frozenset()  # what someone is afraid of ("afraid of the dark" -> "dark")
    lost_things: frozenset[str] = frozenset()  # what the description loses ("losing my wallet" -> "wallet")
    themes: frozenset[str] = frozenset()  # bank themes it names in a phrase (``THEME_PHRASES``: "coming up from nothing")
    # words used only as verbs ("wave" of "the man who waves", "trip" of "I trip"): no noun of the same spelling
    verb_words: frozenset[str] = frozenset()
    # words used to call someone ("my honey", "calls everyone honey"): a person, no thing of the same spelling
    called: frozenset[str] = frozenset()
    # what someone learns, teaches, loves or likes to do, as (that verb, the doing, "mine" or "theirs"): ("learn",
    # "cook", "theirs") of "my dad learning to cook", ("love", "bake", "theirs") of "my wife who loves to bake"
    # (``pursuits``)
    pursued: tuple[tuple[str, str, str], ...] = ()


UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
IRREGULAR_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                      "nine": "ninth", "twelve": "twelfth"}
# A word of the description: letters (an apostrophe inside: "Maya's"), or a number as words ("twenty-first").
WORD = re.compile(r"(?:%s)-(?:%s)|[^\W\d_]+(?:'[^\W\d_]+)?" % (
    "|".join(TENS[2:]), "|".join(UNITS[1:10] + [IRREGULAR_ORDINALS.get(u, u + "th") for u in UNITS[1:10]])))
NUMBER_WORDS = frozenset([*UNITS, *TENS[2:], *(IRREGULAR_ORDINALS.get(u, u + "th") for u in UNITS[4:]),
                          *IRREGULAR_ORDINALS.values(), *(t[:-1] + "ieth" for t in TENS[2:]), "hundred", "thousand"])
# A time of day in digits ("2am", "3:30 p.m."): its facts are read from the digits (``_clock_tags``); it is no word.
CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?", re.I)
NUMBER = re.compile(r"(?<![\w.,$\u00a3\u20ac])(\d{1,4})(st|nd|rd|th|s|'s)?(?![\w.,]\d|[\w%])", re.I)


def is_number(tok: str) -> bool:
    """A number written as words ("nineteen", "twenty-one", "fortieth")."""
    return all(p in NUMBER_WORDS for p in tok.lower().split("-"))


def number_words(n: int, *, ordinal: bool = False) -> str:
    """``n`` (0 .. 9999) as it is sung: 21 -> "twenty-one", 40 ordinal -> "fortieth", 1999 -> "nineteen
    ninety-nine" (a year), 2005 -> "two thousand five", 300 -> "three hundred"."""
    if n < 20:
        w = UNITS[n]
    elif n < 100:
        w = TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    elif n < 1000:
        w = UNITS[n // 100] + " hundred" + (" " + number_words(n % 100) if n % 100 else "")
    elif n % 1000 < 10 or n % 100 == 0 and n < 2000:
        w = number_words(n // 1000) + " thousand" + (" " + number_words(n % 1000) if n % 1000 else "") \
            if n % 1000 < 10 else number_words(n // 100) + " hundred"
    else:  # a year: "nineteen ninety-nine", "twenty twenty-four", "nineteen oh five"
        w = number_words(n // 100) + " " + (number_words(n % 100) if n % 100 >= 10 else "oh " + UNITS[n % 100])
    if not ordinal:
        return w
    head, _, last = w.rpartition(" ")
    stem, dash, unit = last.rpartition("-")
    unit = IRREGULAR_ORDINALS.get(unit) or (unit[:-1] + "ieth" if unit.endswith("y") else unit + "th")
    return (head + " " if head else "") + stem + dash + unit


def spell_numbers(text: str) -> str:
    """The description with its numbers as words ("our 40th anniversary" -> "our fortieth anniversary",
    "turning 21" -> "turning twenty-one", "the 90s" -> "the nineties") and its clock times left out ("at 2am":
    the night is a fact of ``_clock_tags``): a number is read as words or not at all, never as the letters
    after its digits ("th")."""
    text = CLOCK.sub(" ", text)

    def spoken(m: re.Match) -> str:
        n, tail = int(m.group(1)), (m.group(2) or "").lower()
        if tail in ("s", "'s") and n % 10 == 0 and 10 <= n % 100:  # a decade: "the 90s", "the 1980s"
            w = number_words(n % 100)
            return w[:-1] + "ies"
        if tail in ("s", "'s"):
            return number_words(n) + tail
        return number_words(n, ordinal=bool(tail))

    text = NUMBER.sub(spoken, text)
    return re.sub(r"\d+(?:[.,:]\d+)*%?", " ", text)  # a decimal, a score, a percentage: no word of the song


# "R&B" and its spellings are one genre word, not the letters r and b.
RNB = re.compile(r"\br\s*(?:&|'n'|n|and)\s*b\b", re.I)


def _spelled(text: str) -> str:
    """The description as it is read into words: numbers spelled (``spell_numbers``), "R&B" one word."""
    return RNB.sub("rnb", spell_numbers(text))


def _breaks(text: str) -> frozenset[int]:
    """Indices of the tokens (``_tokens``) that follow a comma or other punctuation: no phrase runs over one."""
    out, n = set(), 0
    for part in re.split(r"[,;:!?()\u2014\u2013]|\.\s|\s-\s", _spelled(text)):
        if n:
            out.add(n)
        n += len(WORD.findall(part.lower().replace("\u2019", "'")))
    return frozenset(out)


def _tokens(text: str) -> list[str]:
    return WORD.findall(_spelled(text).lower().replace("\u2019", "'"))


def proper_nouns(text: str) -> dict[str, str]:
    """Words capitalised inside the description ("Paris", "Hollywood"), lowercase -> as written."""
    out = {}
    for sentence in re.split(r"[.!?\n]+", _spelled(text).replace("\u2019", "'")):
        for k, tok in enumerate(WORD.findall(sentence)):
            if k > 0 and tok[:1].isupper() and tok.lower() not in FUNCTION and tok != "I":
                out[tok.lower().removesuffix("'s")] = tok.removesuffix("'s")
    return out


def tag_proper(description: str) -> list[tuple[str, str, str]]:
    """``_tag`` of the description with its names as written, a possessive one too ("Maya's", "Paris")."""
    return list(_tag_proper(description))


@lru_cache(maxsize=1024)  # the writer reads the same description (and its prefixes) for every word it carries
def _tag_proper(description: str) -> tuple[tuple[str, str, str], ...]:
    proper = proper_nouns(description)
    out = []
    for t, lem, pos in _tag(_tokens(description)):
        base = t.removesuffix("'s")
        if base in proper and pos == "n" and lem != base and lexicon.entry(base) is None and base not in \
                lexicon.tables()["exc"]:
            lem = base  # a name is no plural: "Vegas" (not the star Vega), "Brooks"
        out.append((proper[base] + t[len(base):], lem, pos) if base in proper and pos != "f" else (t, lem, pos))
    return tuple(out)


def _is_name(tok: str) -> bool:
    return tok[:1].isupper()


def _names(tagged: list[tuple[str, str, str]]) -> dict[int, int]:
    """Names given to a person or animal: ``{index of the name: index of its noun}``, after "named"/"called"
    ("a horse named Blue") or right after the noun ("my dog Biscuit", "baby Theo")."""
    out = {}
    for k, (tok, _, pos) in enumerate(tagged):
        if pos == "f" or not _is_name(tok) or k == 0 or k - 1 in out:
            continue
        prev = tagged[k - 1]
        if pos != "n" and prev[0] not in ("named", "called"):
            continue
        if prev[0] in ("named", "called") and k >= 2 and tagged[k - 2][2] == "n" and not _is_name(tagged[k - 2][0]):
            out[k] = k - 2
        elif prev[2] == "n" and not _is_name(prev[0]) and not prev[0].endswith("'s") \
                and lexicon.kind(prev[1]) in ("person", "animal"):
            out[k] = k - 1
    for k in sorted(out):  # a name of two words ("Mary Jane")
        j = k + 1
        while j < len(tagged) and tagged[j][2] == "n" and _is_name(tagged[j][0]) and not tagged[j - 1][0].endswith("'s"):
            out[j] = out[k]
            j += 1
    return out


# Words after which a verb follows: a subject pronoun or a relative ("the summer I learned", "a car that broke").
SUBJECT_WORDS = frozenset("that who which i we they you he she it".split())
COPULAS = frozenset("am is are was were be been being i'm we're you're they're he's she's it's".split())
# Words in -ing that are nouns wherever no subject does them ("song for our wedding", "wedding first dance").
ING_NOUNS = frozenset("wedding ceiling clothing christening homecoming thanksgiving".split())
# Adverbs between a subject and its verb ("a sailor who never came back", "we always fight").
ADVERBS = frozenset("never always still just often once ever sometimes already".split())
# Verbs said bare after another ("let go", "help build"): never read as that verb's object.
BARE_VERBS = frozenset("go come be do get make let see hear help try stay leave run fly grow".split())


# Bare verbs a thing is seen doing ("watching the leaves fall", "the sun set").
SEEN_MOVING = frozenset("fall rise set sink fade burn shine melt drift turn spin roll".split())
# Verbs after whose object a bare verb follows ("watching her son leave", "let my kids go", "help my dad build").
PERCEIVE_VERBS = frozenset("watch see hear let make help feel".split())


def as_verb_word(tok: str) -> bool:
    """True when ``tok`` can be a verb as written (a bare verb: "leave", "grow"; not "leaves" or "leaving")."""
    return "v" in lexicon.parts_of_speech(tok) and lexicon.lemma(tok, "v") == tok


def _bare_after_perceived(tokens: list[str], out: list[tuple[str, str, str]], i: int) -> bool:
    """True when token ``i`` follows the object of a verb of PERCEIVE_VERBS: "watching her son | leave",
    "seeing my little girl | grow" (the object a determiner, adjectives and one noun)."""
    if not out or out[-1][2] != "n" or tokens[i - 1].endswith("'s"):
        return False
    k = i - 2
    while k >= 0 and out[k][2] == "a":
        k -= 1
    if k < 1 or tokens[k] not in DETERMINERS:
        return False
    if lexicon.lemma(tokens[k - 1], "v") not in PERCEIVE_VERBS or out[k - 1][2] != "v":
        return False
    # someone seen doing it ("her son leave"), or a thing seen to move ("the sun go down"); never a compound's
    # last noun ("watching a meteor shower")
    return lexicon.kind(out[-1][1]) in ("person", "animal") or tokens[i] in BARE_VERBS | SEEN_MOVING


def _tag(tokens: list[str]) -> list[tuple[str, str, str]]:
    """(token, lemma, pos) with pos in n/v/a/f (function or request word)."""
    out: list[tuple[str, str, str]] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        style = _style_word(tokens, i)
        heard = tok == "music" and prev in DETERMINERS  # "the night the music stopped": the music is what it is about
        # "the friend who never called back": a verb, not a song "called" something
        heard = heard or (tok in ("called", "told", "named") and (prev in SUBJECT_WORDS or prev in ADVERBS))
        if tok in FUNCTION or tok in DETERMINERS or (tok in REQUEST_WORDS and not heard) or len(tok) < 2 or style \
                or tok.endswith("n't") or tok in PRONOUN_CONTRACTIONS:  # "can't", "won't": not a noun phrase ("I can
            # feel can't sleep ..."); nor "I've" ("the hall I've never talked to" is no "Hall I've")
            out.append((tok, tok, "f"))
            continue
        if (tok, nxt) == ("next", "door") or (prev, tok) == ("next", "door"):
            out.append((tok, tok, "f"))  # "the old man next door": where he lives, no door of a song of waiting
            continue
        if tok in ADVERBS and out and out[-1][2] == "n" and prev not in DETERMINERS:
            out.append((tok, tok, "f"))  # "her perfume still on my pillow": an adverb, no part of "perfume"
            continue
        if tok in INDEFINITE_PEOPLE and out and out[-1][2] in ("n", "a"):
            out.append((tok, tok, "f"))  # "the new kid nobody talks to": a clause's subject, no part of "kid"
            continue
        if tok.endswith("'s"):
            out.append((tok, lexicon.lemma(tok, "n"), "n"))
            continue
        if tok == "broke" and (prev in COPULAS or prev in ("so", "flat", "dead", "still", "always", "stay", "go")):
            out.append((tok, tok, "a"))  # "I'm broke", "rent is due and I'm broke": no money, nothing broken
            continue
        # a number of two words ("twenty-first", "twenty-one", not in WordNet) is the part of speech of its last
        poss = lexicon.parts_of_speech(tok) or lexicon.parts_of_speech(tok.rpartition("-")[2])
        in_np = prev in DETERMINERS or prev.endswith("'s") or (bool(out) and out[-1][2] == "a") or (
            i >= 2 and bool(out) and out[-1][2] == "n" and tokens[i - 2] in DETERMINERS
            and not _plural_subject_verb(tokens, i, poss))
        ing_verb = tok.endswith("ing") and lexicon.lemma(tok, "v") != tok \
            and "v" in lexicon.parts_of_speech(lexicon.lemma(tok, "v"))
        past = lexicon.lemma(tok, "v") != tok and not tok.endswith(("ing", "s")) \
            and (tok.endswith("ed") or tok in lexicon.tables()["exc"])
        after_subject = bool(out) and out[-1][2] == "n" and not prev.endswith("'s") and i >= 2 \
            and tokens[i - 2] in DETERMINERS  # "the war | ended", "the lights | go down"
        if past and (nxt in TITLE_PARTICLES and out and out[-1][2] == "n" and not prev.endswith("'s")
                     or after_subject and (not nxt or nxt in PREPOSITIONS)
                     or nxt in PREPOSITIONS and not in_np and (not out or out[-1][2] != "n")
                     and prev not in ("is", "are", "am", "was", "were", "be", "been", "being")) \
                or after_subject and nxt in TITLE_PARTICLES and poss[:1] == ["v"]:
            # "the kids moved out", "the day the war ended", "when the lights go down"; "stuck in traffic", "born in
            # a small town": a verb (a state), no noun
            out.append((tok, lexicon.lemma(tok, "v"), "v"))
            continue
        if _bare_after_perceived(tokens, out, i) and as_verb_word(tok):
            out.append((tok, lexicon.lemma(tok, "v"), "v"))  # "watching her son leave": he leaves, no "son leave"
            continue
        if out and out[-1][2] == "n" and not prev.endswith("'s") and _participle(tok):
            out.append((tok, lexicon.lemma(tok, "v"), "v"))  # "a firefighter coming home", "our team won"
            continue
        if tok in ING_NOUNS and prev not in SUBJECT_WORDS and prev not in COPULAS:
            out.append((tok, tok, "n"))  # "our wedding", "wedding first dance": the day, not "to wed"
            continue
        if ing_verb and (not in_np or nxt in FUNCTION or nxt in DETERMINERS or not nxt) \
                and not (prev.endswith("'s") and not _participle(tok)) \
                and not (prev in DETERMINERS and "n" in poss):  # "my sister's wedding", "a wedding in Accra"
            out.append((tok, lexicon.lemma(tok, "v"), "v"))
            continue
        subject = prev in SUBJECT_WORDS or ((prev.endswith("ly") or prev in ADVERBS) and i >= 2
                                            and tokens[i - 2] in SUBJECT_WORDS)  # "a city that never sleeps"
        as_verb = "v" in poss or (lexicon.lemma(tok, "v") != tok and "v" in lexicon.parts_of_speech(
            lexicon.lemma(tok, "v")))  # "learned" (a WordNet adjective too), "paid"
        if prev == "to" and "v" in poss or (subject or prev.endswith("n't")) and as_verb:
            # after a subject, "that"/"who", or a subject and an adverb ("we finally paid off the house")
            out.append((tok, lexicon.lemma(tok, "v"), "v"))
            continue
        if in_np or not poss:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            nxt_noun = bool(nxt) and nxt not in FUNCTION and nxt not in REQUEST_WORDS and "n" in lexicon.parts_of_speech(nxt)
            if nxt_noun and (("a" in poss and poss[0] == "a") or _mostly_adjective(tok)):
                out.append((tok, lexicon.lemma(tok, "a"), "a"))  # "an empty bar": "empty" is no thing
            else:
                pos = "n" if ("n" in poss or not poss) else poss[0]
                # (a verb with no noun sense is lemmatised as one: "a nurse sings to" is "sing", never "I sings")
                out.append((tok, lexicon.lemma(tok, "v" if pos == "v" else "n"), pos))
            continue
        p = poss[0] if poss[0] in "nva" else ("n" if "n" in poss else "a")
        if p == "v" and "n" in poss and out and out[-1][2] == "n" and not prev.endswith("'s") and _compound_tail(
                tokens, i):
            p = "n"  # "a broken porch swing", "a kitchen sink": one thing, not a porch that swings
        if p == "v" and "n" in poss and out and out[-1][2] == "v" and prev != "to" and tok not in BARE_VERBS \
                and out[-1][1] != "get" and nxt not in TITLE_PARTICLES \
                and (not nxt or nxt in FUNCTION and nxt not in DETERMINERS):
            p = "n"  # "to pay rent", "to sell records": a bare object, not a second verb
        out.append((tok, lexicon.lemma(tok, p), p))
    return out


def _plural_subject_verb(tokens: list[str], i: int, poss: list[str]) -> bool:
    """True when ``tokens[i]``, mostly a verb in WordNet and in its bare form, follows a plural noun ("the kids play
    in the rain", "the dogs bark at night"): the noun's verb, not a compound (a "farmers market" is mostly a noun)."""
    prev = tokens[i - 1]
    return poss[:1] == ["v"] and tokens[i] == lexicon.lemma(tokens[i], "v") and prev.endswith("s") \
        and lexicon.lemma(prev, "n") != prev


SAME_PAST = frozenset("cut put hit set hurt let shut quit spread cost beat read burst split".split())
CAUSATIVES = frozenset("let lets make makes made watch watched watching see saw seeing hear heard help helped feel felt "
                       "have had".split())


def _compound_tail(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]``, a bare verb form that is also a noun, ends a noun compound: it follows a singular
    noun (a singular subject's verb would take "-s": "a dog waits", so "a porch swing" is a thing) at the end of the
    clause, with no verb like "let" or "watch" before it ("watch the sun rise")."""
    tok, prev = tokens[i], tokens[i - 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (tok == lexicon.lemma(tok, "v") and tok not in SAME_PAST and lexicon.lemma(prev, "n") == prev
            and prev not in SUBJECT_WORDS and (not nxt or nxt in FUNCTION or nxt in PREPOSITIONS)
            and nxt not in TITLE_PARTICLES and not CAUSATIVES & set(tokens[max(0, i - 5):i - 1]))


def _mostly_adjective(tok: str) -> bool:
    """True when WordNet uses ``tok`` as an adjective more than as a noun ("empty", "dry", "quiet"; not "love",
    "summer", "bus"): before a noun it describes it, it is not a noun of its own."""
    verb = lexicon.lemma(tok, "v")
    if verb != tok and not tok.endswith(("ing", "s")) and (tok.endswith(("ed", "en")) or tok in lexicon.tables()["exc"]):
        return True  # a participle before a noun: "a broken guitar", "a frozen lake"
    e = lexicon.entry(lexicon.lemma(tok, "a"))
    counts = {p: c + 1 for p, c in e["p"]} if e else {}
    return counts.get("a", 0) > counts.get("n", 0)


def _style_clauses(description: str) -> frozenset[int]:
    """Indices (in ``tag_proper(description)``) of the words of a clause between commas that names only the kind of
    song ("never give up, motivational", "fake friends and lies, dark hip hop"): style, not subject."""
    out: set[int] = set()
    start = 0
    for m in re.finditer(r"[^,;]+", description):
        toks = [t.lower() for t, _, _ in tag_proper(m.group(0))]
        words = [t for t in toks if t not in ("a", "an", "the", "and", "with", "some")]
        if m.start() and words and all(t in GENRE_WORDS or t in REQUEST_WORDS or t in SONG_NOUNS or genre_compound(t)
                                       for t in words):
            out.update(range(start, start + len(toks)))
        start += len(toks)
    return frozenset(out)


def _style_word(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` names the kind of song, not its subject: a song noun ("ballad", "vibes")
    or a genre, mood or instrument word in a run of them that ends on one ("sad piano ballad", "upbeat
    summer love song": "love", not "summer", which is a season the song may sing of)."""
    tok = tokens[i]
    at_start = i == 0 or (i == 1 and tokens[0] in ("a", "an"))
    if tok in SONG_NOUNS:
        # (someone's "number" or "tracks" is a phone number, footprints: "deleting his number")
        return not (tok in ("number", "track", "tracks") and i and tokens[i - 1] in ("my", "your", "his", "her", "their"))
    if tok in AUDIENCES and i >= 2 and tokens[i - 1] == "for" and (tokens[i - 2] in SONG_NOUNS or _style_word(tokens, i - 2)):
        return True  # "a silly song for children": whom it is for, as "a kids song" says; no child to sing of
    if genre_compound(tok):
        # where a genre stands: opening the description, before a song noun, a style word or "about", after a style
        # word ("dreamy synthpop about ...", "afrobeats party song"); "a kid building a treehouse" is no genre
        nxt, prev = tokens[i + 1] if i + 1 < len(tokens) else "", tokens[i - 1] if i else ""
        return at_start or nxt in SONG_NOUNS | GENRE_WORDS | REQUEST_WORDS or nxt == "about" \
            or prev in GENRE_WORDS | REQUEST_WORDS or genre_compound(prev) or genre_compound(nxt)
    if tok not in GENRE_WORDS and tok not in REQUEST_WORDS:
        # the first word of a genre's name ("bedroom pop", "emo rock") or of the song's manner ("gentle lullaby")
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        adjective = lexicon.parts_of_speech(tok)[:1] == ["a"]
        return at_start and tok not in SUBJECT_STYLE and tok not in FUNCTION and tok not in DETERMINERS and (
            (nxt in CORE_GENRES and _style_word(tokens, i + 1)) or ((adjective or tok in SONG_KINDS) and nxt in SONG_NOUNS))
    j = i + 1
    while j < len(tokens) and (tokens[j] in GENRE_WORDS or tokens[j] in REQUEST_WORDS or genre_compound(tokens[j])) \
            and tokens[j] not in SONG_NOUNS and tokens[j] != "about":
        j += 1
    run = tokens[i:j]
    # a genre named with no song noun, opening the description: "upbeat pop about a road trip"
    bare_genre = (j >= len(tokens) or tokens[j] == "about") and any(t in CORE_GENRES or genre_compound(t) for t in run) \
        and (at_start or all(t in GENRE_WORDS or t in REQUEST_WORDS or genre_compound(t) or t in ("a", "an")
                             or (k == 0 and tokens[1] in CORE_GENRES) for k, t in enumerate(tokens[:i])))
    if not bare_genre and (j >= len(tokens) or tokens[j] not in SONG_NOUNS):
        return False
    return tok not in SUBJECT_STYLE


def genre_compound(tok: str) -> bool:
    """A one-word genre WordNet does not know: a word ending on a genre ("synthpop", "afrobeats")."""
    return any(tok.endswith(t) and len(tok) > len(t) + 1 for t in GENRE_TAILS) and lexicon.entry(lexicon.lemma(tok)) is None


# Who a song is for, after "a song for" ("a song for kids"): its kind, not its subject.
AUDIENCES = frozenset("children kids toddlers preschoolers preschool kindergarten kindergartners kindergarteners".split())
# Nouns that make a kind of song before a song noun, not its subject: a "work song" is sung at work, of anything.
SONG_KINDS = frozenset("work marching drinking".split())
# Style words that are also what a song is about ("a summer love song" sings of summer).
SUBJECT_STYLE = frozenset("summer christmas party breakup heartbreak".split())


def _participle(tok: str) -> bool:
    """True when ``tok``, after a noun, is a verb form describing it: an ``-ing`` form whose
    verb is used at least twice as often as the ``-ing`` noun ("coming", "learning", not
    "wedding", "painting"), or an irregular past ("won", "ran")."""
    verb = lexicon.lemma(tok, "v")
    e = lexicon.entry(verb)
    if verb == tok or not e:
        return False
    v_count = sum(c + 1 for p, c in e["p"] if p == "v")
    if not v_count:
        return False
    if tok.endswith("ing"):
        own = lexicon.entry(tok)
        n_count = sum(c + 1 for p, c in own["p"] if p == "n") if own and tok != verb else 0
        return v_count >= 2 * n_count
    return not tok.endswith("s") and tok in lexicon.tables()["exc"]


# Names of months and days: sung as names ("the first tomatoes of July", never "the july").
CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def _sung(words: list[str], head: str, possessor: str | None) -> str:
    bare = " ".join(words)
    if possessor is None and words[-1].lower() in CALENDAR:
        return " ".join(w.capitalize() if w.lower() in CALENDAR else w for w in words)
    if (head in BARE and len(words) == 1) or words[-1][:1].isupper() \
            or (words[0][:1].isupper() and words[0].endswith("'s")):  # "home", "Paris", "Maya's birthday"
        return bare
    first = possessor or head
    if first in KINSHIP or (possessor is None and len(words) == 1 and head in KINSHIP):
        return "my " + bare
    return "the " + bare


# "is" after a pronoun, shortened ("a dog that's getting old"): read as written out (a possessive "'s" stays)
CONTRACTED_IS = re.compile(r"\b(that|who|which|what|it|he|she|there|here)['\u2019]s\b", re.I)
# Words that say whose voice a song is in ("a song from a mother watching her son leave", "from the point of view
# of a lighthouse keeper", "from a nurse's perspective", "sung by an old sailor"): dropped, so that the one named
# stands where a singer stands, first and met with "a" ("a mother watching ...": she sings, "my son" is hers).
VOICE_WORDS = (
    (re.compile(r"\b(?:told |sung |written )?(?:from|through) (?:the )?(?:point of view|perspective|viewpoint|eyes|pov) "
                r"of (?=(?:an?|the) )", re.I), ""),
    (re.compile(r"\b(?:told |sung |written )?from (an?|the) ((?:\w+ )?\w+)['\u2019]s (?:point of view|perspective|"
                r"viewpoint|eyes|pov)\b", re.I), r"\1 \2"),
    (re.compile(r"\b(song|ballad|lullaby|anthem|hymn|letter|tune|track|blues|rap|poem)s? (?:sung |told |written )?"
                r"(?:from|by|in the voice of) (?=(?:an?|the) )", re.I), r"\1 "),
    # (helper otherworld) "the witch the village feared, told by the witch herself": the one the song is about sings;
    # the clause names no one new (no "by the witch herself" sung as a place or a time)
    (re.compile(r",?\s*\b(?:told|sung|narrated|written) by (?:the|a|an) (?:\w+ ){1,2}(?:herself|himself|themselves|"
                r"itself)\b", re.I), ""),
)


def in_voice(description: str) -> str:
    """``description`` with the words of VOICE_WORDS dropped."""
    for pattern, repl in VOICE_WORDS:
        description = pattern.sub(repl, description)
    return description


def _voice(description: str) -> str:
    """The words of the one whose voice VOICE_WORDS names ("big sister" of "my new baby sister, from a big sister's
    point of view"), or ""."""
    for k, (pattern, _) in enumerate(VOICE_WORDS):
        m = pattern.search(description)
        if m:
            words = []
            for tok, _, pos in tag_proper(m.group(2) if k == 1 else description[m.end():])[:8]:
                if pos not in ("n", "a") and (words or tok.lower() not in DETERMINERS):
                    break
                if pos in ("n", "a"):
                    words.append(tok)
                if tok.endswith("'s"):
                    return ""  # "from a soldier's wife": she sings, as the description's first phrase says
            return " ".join(words)
    return ""


WAY_DEGREE = re.compile(r"\bway (?=(?:too|more|less|better|worse)\b)", re.I)


# A doing named as what someone learns, teaches, loves or likes to do: "learning to cook", "teaching my daughter to ride
# a bike", "who loves to bake", "loves cooking" (the doing is the song's subject, in whatever verb form it is written).
PURSUIT = re.compile(r"\b(learn|teach|taught|lov|lik|enjoy)\w*\b((?:\s+[\w']+){0,3}?)\s+to\s+([a-z]+)\b|"
                     r"\b(lov|lik|enjoy)\w*\s+([a-z]+ing)\b")
PURSUERS = {"learn": "learn", "teach": "teach", "taught": "teach", "lov": "love", "lik": "like", "enjoy": "enjoy"}


def pursuits(low_description: str) -> tuple[tuple[str, str, str], ...]:
    """(the learning, teaching, loving or liking verb, the doing, whose doing: "mine" or "theirs") of each doing the
    description names as pursued: ("learn", "cook", "theirs") of "my dad learning to cook after mom got sick",
    ("love", "bake", "theirs") of "my wife who loves to bake", ("teach", "knit", "mine") of "my grandma teaching me to
    knit", ("learn", "swim", "mine") of "the summer I learned to swim"; never a noun ("loves to the moon")."""
    out = []
    for m in PURSUIT.finditer(low_description):
        head, verb = (m.group(1), m.group(3)) if m.group(1) else (m.group(4), m.group(5))
        between = (m.group(2) or "").split()
        if any(not re.fullmatch(r"me|you|him|her|us|them|my|his|our|their|your|the|a|an|little|baby|big|young|old|"
                                r"older|younger|[\w]+'s|son|daughter|kids?|brother|sister|grandson|granddaughter|boy|"
                                r"girl|dog|students?|class|how", w) for w in between):
            continue  # ("loved the way you tried to call": no doing pursued)
        lemma = lexicon.lemma(verb, "v")
        if "v" not in lexicon.parts_of_speech(lemma) or lemma in ("be", "have", "get", "go", "do", "make"):
            continue
        if PURSUERS[head] == "teach":
            whose = "mine" if not between or {"me", "us"} & set(between) else "theirs"
        else:
            before = re.sub(r"\b(?:who|that|is|was|are|were|always|still|finally|just|now|really|so|has|had|been)\s+$",
                            "", low_description[:m.start()].rstrip() + " ")
            while True:  # (skip the helpers between the doer and the verb: "my dad who is finally learning")
                cut = re.sub(r"\b(?:who|that|is|was|are|were|always|still|finally|just|now|really|so|has|had|been)\s+$",
                             "", before)
                if cut == before:
                    break
                before = cut
            last = before.split()[-1:] or [""]
            whose = "theirs" if last[0] not in ("i", "i'm", "about", "of", "on", "for", "to", "song", "and", "")\
                and not lexicon.parts_of_speech(last[0])[:1] == ["v"] else "mine"
        out.append((PURSUERS[head], lemma, whose))
    return tuple(dict.fromkeys(out))


def read_topic(description: str) -> Topic:
    """Read a song description (any length; only its words matter)."""
    original = CONTRACTED_IS.sub(r"\1 is", description)
    # (helper tributes) "way" before a comparison is a degree, no road: "died way too young", "way more than"
    original = WAY_DEGREE.sub("", original)
    description = in_voice(original)
    tagged = tag_proper(description)
    names = _names(tagged)
    tagged = [(t, lexicon.lemma(t, "n") if k in names and pos != "n" else lem, "n" if k in names else pos)
              for k, (t, lem, pos) in enumerate(tagged)]  # "called Pepper": a name, not the verb
    styled = _style_clauses(description)
    tagged = [(t, lem, "f" if k in styled else pos) for k, (t, lem, pos) in enumerate(tagged)]
    # (helper moments) "looking after my father" cares for him: no line of looking ("we're looking again")
    tagged = [(t, lem, "f" if lem == "look" and tagged[k + 1:k + 2] and tagged[k + 1][0].lower() == "after" else pos)
              for k, (t, lem, pos) in enumerate(tagged)]
    # (helper parents) "a stay-at-home dad" is a dad who sings his day: no "stay" or "home" of their own to sing
    low_toks = [t.lower() for t, _, _ in tagged]
    home_parent = {i + j for i in range(len(low_toks) - 3) if low_toks[i:i + 3] == ["stay", "at", "home"]
                   and re.fullmatch(_SINGING_PARENT + r"s?", low_toks[i + 3]) for j in range(3)}
    tagged = [(t, lem, "f" if k in home_parent else pos) for k, (t, lem, pos) in enumerate(tagged)]
    # (helper parents) "a mom's love letter to her grown son": the letter is the song, sung to him; no letter held
    letter = LETTER_TO_CHILD.search(description.lower())
    if letter:
        low_toks = [t.lower() for t, _, _ in tagged]
        tagged = [(t, lem, "f" if t.lower() in ("love", "letter", "letters", "note") and any(
            low_toks[j:j + 2] in (["letter", "to"], ["letters", "to"], ["note", "to"]) for j in range(k, k + 2))
            else pos) for k, (t, lem, pos) in enumerate(tagged)]
    words: list[str] = []
    forms: dict[str, set[str]] = {}
    for tok, lem, pos in tagged:
        if pos == "f":
            continue
        if lem not in forms:
            words.append(lem)
            forms[lem] = {lem}
        forms[lem].add((tok[:-2] if tok.endswith("'s") else tok).lower())
    verbs = tuple(dict.fromkeys(lem for _, lem, pos in tagged if pos == "v" and lexicon.intransitive(lem)))
    for v in verbs:
        forms.setdefault(v, {v}).update({lexicon.third_person(v), lexicon.gerund(v)})
    for lem in list(forms):  # plural and possessive forms count as the word
        forms[lem].update({lem + "s", lem + "'s"})
    for tok, lem, pos in tagged:
        # a verb in the past whose base is also a noun ("broke" of "that finally broke down") is sung only as
        # itself: "the break of day" does not sing it
        past = tok.endswith("ed") or (tok in lexicon.tables()["exc"] and not tok.endswith(("s", "ing")))
        if pos == "v" and past and tok.lower() != lem and "n" in lexicon.parts_of_speech(lem) \
                and not any(p != "v" and l == lem for _, l, p in tagged):
            forms[lem] = {f for f in forms[lem] if f not in (lem, lem + "s", lem + "'s", lexicon.gerund(lem))}
    states, loved = _love_frames(tagged)
    breaks = _breaks(description)
    phrases: list[Phrase] = []
    i = 0
    while i < len(tagged):
        if tagged[i][2] not in ("n", "a"):
            i += 1
            continue
        j = i
        while j < len(tagged) and tagged[j][2] in ("n", "a"):
            if j > i and ((j in names) != (j - 1 in names) or j in breaks):
                break  # a name is a phrase of its own: "my dog" | "Biscuit" | "last spring"; "graduation day, class ..."
            j += 1
        chunk = tagged[i:j]
        if i in names:  # "Blue" of "a horse named Blue": sung as a name, of the horse's kind
            noun = tagged[names[i]]
            bare = " ".join(t for t, _, _ in chunk)
            phrases.append(Phrase(bare=bare, sung=bare, head=noun[1], kind=lexicon.kind(noun[1]),
                                  lemmas=tuple(lem for _, lem, _ in chunk)))
            i = j
            continue
        while chunk and chunk[-1][2] != "n":
            chunk = chunk[:-1]
        if chunk and i + len(chunk) - 1 in states:
            chunk = []  # "a crush on ...": a state of the singer's, no one and nothing to sing in a noun's place
        if chunk:
            toks = [t for t, _, _ in chunk]
            possessor = None
            for k, (t, lem, _) in enumerate(chunk[:-1]):
                if t.endswith("'s"):
                    possessor = lem
                    sub = [x for x, _, _ in chunk[: k + 1]]
                    sub[-1] = sub[-1][:-2]
                    sub_ph = _phrase(sub, chunk[k][1], None)
                    if _is_name(sub[-1]) and not {"t", "k"} & set(lexicon.types(sub_ph.head)):
                        # "Maya's birthday", "Lena's graduation" (not the river): a person; "Tokyo's streets": a city
                        sub_ph = replace(sub_ph, kind="person")
                    phrases.append(replace(sub_ph, owner="?"))
            head = chunk[-1][1]
            owner = tagged[i - 1][0].lower() if i and tagged[i - 1][0].lower() in DETERMINERS else ""
            for k in range(len(phrases) - (len(chunk) - 1), len(phrases)):
                if k >= 0 and phrases[k].owner == "?":
                    phrases[k] = replace(phrases[k], owner=owner)
            bare = [t[:-2] if t.endswith("'s") and k == len(toks) - 1 and t.lower() not in EPONYMS else t
                    for k, t in enumerate(toks)]
            before = [t for t, _, _ in tagged[max(0, i - 3):i] if t not in DETERMINERS]
            setting = bool(before) and before[-1] in PREPOSITIONS and phrases != [] or _site(before, head)
            ph = _phrase(bare, head, possessor, setting)
            if _is_name(bare[-1]) and lexicon.entry(head) is None and before and before[-1] in LOCATIVE:
                ph = replace(ph, kind="place")  # "in Vegas", "to Brooklyn": a place WordNet lacks, by its name
            if ph.kind in ("person", "thing") and tagged[i + len(chunk):i + len(chunk) + 1] \
                    and tagged[i + len(chunk)][0].lower() == "where":
                ph = replace(ph, kind="place")  # "the old diner where my parents met": a place, not one who dines
            if owner == "another" and ph.sung.startswith("the "):
                ph = replace(ph, sung="another " + ph.bare)  # "another country", not "the country"
            if i + len(chunk) - 1 in loved:
                # the one a crush is on: a person (even one WordNet lacks, "the barista"), never "my girl" of a couple
                agent = ph.kind == "thing" and _agent(head, owner)
                ph = replace(ph, setting=False, kind="person" if agent else ph.kind,
                             sung="the " + ph.bare if ph.sung.startswith("my ") and owner not in OWNERS else ph.sung)
            phrases.append(replace(ph, owner="'s" if possessor else owner))
            for t, lem, pos in chunk[:-1]:  # noun modifiers stand alone too ("the lighthouse")
                if pos == "n" and not t.endswith("'s") and not is_number(t) \
                        and lexicon.kind(lem) in ("place", "thing", "time", "weather", "vehicle"):
                    phrases.append(_phrase([t], lem, None))
        i = max(j, i + 1)
    seen, uniq = set(), []
    idiom = _idiom_objects(tagged)
    for p in phrases:
        if p.head in idiom and " " not in p.bare:
            continue  # "riding shotgun": a way of riding, no shotgun to hold or find
        if p.bare not in seen:
            seen.add(p.bare)
            uniq.append(p)
    if "love" in words and _loves_only_things(description):
        words = [w for w in words if w != "love"]  # "a dog who loves the beach": no lover's song
    lemset = set(words)
    low = [t.lower() for t, _, _ in tagged]
    style = tuple(dict.fromkeys(t for k, (t, _, pos) in enumerate(tagged) if pos == "f" and (
        t in GENRE_WORDS or t in SONG_NOUNS or t in REQUEST_WORDS or _style_word(low, k))))
    tags = set(t for t, ws in TAG_WORDS.items() if ws & lemset)
    tags |= {t for t, ws in MOOD_TAGS.items() if ws & set(style)}
    tags |= _clock_tags(description)
    low_description = description.lower().replace("\u2019", "'")
    if re.search(r"\b(?:com(?:e|es|ing)|go(?:es|ing)?|back|driv(?:e|es|ing)|fly(?:ing)?) home\b", low_description):
        tags.discard("away")  # "coming home for the holidays": home, not a holiday away from it
    elif re.search(r"\b(?:lost|los(?:e|ing)(?: my way)?) in (?!thought|love|music|the moment|you\b|your|my|a dream|the )",
                   low_description) or re.search(r"\blost in the (?:city|streets?|crowd|subway)\b", low_description):
        tags.add("away")  # "getting lost in Tokyo": a stranger there (not "lost in thought" of one who belongs)
    if re.search(r"\b(?:little|baby|younger|kid) (?:brother|sister)s?\b", low_description) \
            and not re.search(r"\b(?:little|baby|younger|kid) (?:brother|sister)s?'s\b", low_description):
        tags.add("no-elder")  # "my little brother": no line of his jacket handed down to me
    if NEW_PLACE.search(low_description):
        tags.add("no-belong")  # "starting over in a new city": no corner store that still knows my name
    tags |= _loss_tags(description, tagged)
    named = frozenset(n for n, rx in THEME_PHRASES.items() if rx.search(low_description))
    named = _free_named(named, low_description, lemset)
    named = named | band_kinds(low_description)  # (helper band)
    named -= {b for a, b in TRUTH_OVER.items() if a in named}  # (helper truth) one story of each pair
    if "icecream" in named and not (TAG_WORDS["winter"] - {"ice"}) & lemset:
        tags.discard("winter")  # the ice of ice cream is no winter ("sharing ice cream on the pier")
    if _handed_down(phrases, description):
        named |= {"heirloom"}
    if "betrayal" in named or lemset & BETRAYAL:
        tags.add("betrayed")  # no line of a friend's loyalty ("you always pick up when I call")
        tags.add("down")
    if BREAKUP.search(low_description):
        tags |= {"down", "alone"}  # left by a lover: no line of a couple, none of a party
    if (BREAKUP.search(low_description) or {"breakup", "heartbreak"} & lemset) and LEAVER.search(low_description):
        tags.add("leaver")  # the singer ends it: no line of the one left waiting by the phone
    if TRACE.search(low_description):
        # "her perfume still on my pillow", "his jacket still on the hook": what someone left behind; they are gone
        tags |= {"down", "alone"}
        tags -= {"together", "up"}
    if CALLED_OFF.search(low_description):
        # "a cancelled concert", "the record store closing down": what the song is about does not happen (any more);
        # no line sings it under way, and the song is one of the letdown
        tags |= {"down", "calledoff"}
        tags.discard("up")
    if {"selflove", "heartbreak"} & named:
        tags -= {"together", "romance"}  # no couple's line: "loving myself", "a toxic ex"
        tags.add("alone")
    if re.search(r"\b(?:runaways?|r(?:u|a)n(?:ning)? away(?: from home)?)\b", low_description):
        tags |= {"no-belong", "go"}  # a runaway belongs nowhere he is: no water tower that knows his name
    hated = HATED_PLACE.search(low_description)
    if hated:
        tags |= {"no-belong", "restless"}  # "hating my hometown", "stuck in a small town": no line of loving its Main Street
        if hated.group(1).startswith(("stuck", "trapped")):
            tags.add("stay")  # (and one stuck there is not leaving on the early train)
    if {"farkin", "emptynest"} & named:
        tags |= {"athome", "alone"}  # (helper farkin) "my brother who moved to Germany", "our youngest moved out": the
        tags -= {"together", "go"}   # singer is the one who stays; the one sung to is away (no "right here beside you")
    if {"houselost", "homegone"} & named:
        tags.add("down")  # a home sold or lost is a sad song, whatever its genre says ("a country song about selling ...")
        tags.discard("up")
    if named & SUCCESS_STORIES.keys() and (SUCCESS_WISH.search(low_description)
                                           and not SUCCESS_DONE.search(low_description)
                                           or SUCCESS_OF_KIN.search(low_description)):
        # (helper success) a wish of it is the dream's: nothing sung as done; a kin's success is not the singer's
        named -= {"success", *SUCCESS_STORIES}
    if "success" in named and not PASSED.search(low_description):
        # (helper success) what success loses ("losing my privacy", "lost my old friends") is nobody gone; and it is
        # made: no line of it still ahead (the hustle's "I'm gonna make it out someday", tagged striving)
        tags = (tags - {"lost"}) | {"no-lost"}
    if "success" in named:
        tags.add("no-striving")
    if "sxlonely" in named:
        tags = (tags - {"no-down", "up"}) | {"down"}  # (helper success) the price of it is a sad song, however said
    if "comeback" in named and not PASSED.search(low_description):
        # (helper comeback) a comeback is a glad song however it is said ("losing weight", "after losing everything",
        # "after my divorce"): nobody gone, no cold coffee and no tears at the window
        tags = (tags - {"down", "lost", "no-up"}) | {"up", "no-down", "no-lost"}
    if "houselost" in named and not (lemset & (TAG_WORDS["lost"] - {"lose", "lost"}) or PASSED.search(low_description)):
        tags.discard("lost")  # "when we lost our house": nobody is gone (no line of words never said to them)
    if "loveletter" in named:
        tags -= {"together", "romance", "go"}  # "a love letter to my hometown": no lover, and no leaving it
        tags.add("stay")
    elif "love" in named:
        tags |= {"romance", "together"}  # "growing old together", "the day we met": a couple's song
    if "forbidden" not in named:
        tags.add("no-hidden")  # no line of a love that must be hidden ("it's wrong and I know it's wrong")
    else:
        tags.discard("together")  # no couple's open life (the coffee, the kitchen light): the love is hidden
        tags.add("alone")
        if "affair" not in low_description:
            tags.add("untold")  # someone else's partner: nor a past the two share
    if "splitup" in named:
        tags -= {"together", "up"}  # the parents' split: no lover, no couple, no party
        tags.add("down")
    if NEW_LOVE.search(description.lower()):
        tags.add("newlove")
    if ("alone" in tags and {"crush", "unrequited"} & lemset or UNTOLD.search(description.lower())) \
            and "affair" not in low_description:  # (an affair is hidden, but the two share it)
        tags.add("alone")  # ("in love with my best friend and never telling her": no couple's hands either)
        tags.discard("together")  # "secretly in love": love, but never a couple
        tags.add("untold")  # nor a line of a past or a hold they share ("the stories that we'd tell")
    if "day" in tags and "night" in tags:
        tags.discard("day")
    if "up" in tags and "down" in tags:
        tags -= {"up", "down"} - {_first_register(description, tagged, style, named)}
    if "newborn" in named and not (MOOD_TAGS["down"] - {"emotional"}) & (lemset | set(style)):
        tags.discard("down")  # an "emotional" song of a baby's first cry weeps for joy: no cold coffee, no empty house
    if DEMENTIA.search(low_description):
        tags.add("no-asever")  # a parent who forgets: no line of them as they always were ("I'm a child once more")
        if re.search(r"\bby (?:my|her|his|the) \w+'s name\b", low_description):
            tags.add("no-othername")  # "calling me by my aunt's name": no line of my father's name
    singer, addressee = _people(uniq, tagged)
    if "tlies" in named and singer and re.search(LIAR_CLAUSE % re.escape(singer.split()[-1].lower()), low_description):
        singer, addressee = "", addressee or singer  # (helper truth) "a man who lies": the liar is sung to, not the singer
    if "truth" in named and singer.lower().split()[-1:] in (["liar"], ["liars"]):
        singer = ""  # ("a song called Liar": the liar is the one sung to or of, never the singer)
    if "tsecretlove" in named and addressee.lower().split()[-1:] and addressee.lower().split()[-1] in KINSHIP | {"parents"}:
        addressee = ""  # ("our relationship a secret from her parents": the lover is sung to, the parents of)
    if named & TRUTH_YOU and not addressee:
        # (helper truth) the one who lies, is told, is promised or is paid back is sung to: "my boyfriend's excuses",
        # "the promises my dad broke" ("you", never "he")
        addressee = next((p.bare for p in uniq if p.kind == "person" and not p.plural and p.owner in OWNERS
                          and p.bare != singer), "")
    if {"comeback", "success"} & named and not singer and addressee and any(
            p.bare == addressee and p.owner in ("a", "an") for p in uniq):
        # (helper comeback) one whose comeback the song tells ("a single mom going back to school") sings it: her own
        # late shifts and textbooks, not her child's memories of her; (helper success) so does one whose success
        # it tells ("a small town girl who made it big in nashville": her own stage, not "you made it big")
        singer, addressee = addressee, ""
    if "stayhome" in named and not singer and re.fullmatch(_SINGING_PARENT + r"s?", addressee.lower()):
        singer, addressee = addressee, ""  # (helper parents) "a day in the life of a stay-at-home dad": he sings
    if "kidwedding" in named or re.search(r"\b\w+'s wedding\b", low_description) and not re.search(
            r"\b(?:my|our) (?:own )?wedding\b", low_description):
        tags.add("no-bride")  # (helper parents) the father of the bride, a guest: no line in the bride's own voice
    if "kidwedding" in named:
        tags -= {"romance", "together"}  # (a father's or mother's song to the bride: no vows, no lover's kiss)
    if "memorial" in named and not addressee and not singer:
        # (helper tributes) a song in someone's memory is sung to them: "a tribute song for my uncle's funeral"
        addressee = next((p.bare for p in uniq if p.kind == "person" and not p.plural and p.owner in OWNERS), "")
    voice = _voice(original)
    if voice and voice != singer and any(p.bare == voice and p.kind == "person" for p in uniq):
        # "from a big sister's point of view", wherever it stands, says who sings
        singer, addressee = voice, "" if addressee == voice else addressee
    third_party = _third_party(low_description, uniq)
    if addressee and addressee in third_party:
        # "he cheated with my cousin": he is "you"; "my boyfriend cheating with my best friend": the boyfriend is
        addressee = next((p.bare for p in uniq if p.bare not in third_party and p.bare != singer
                          and p.kind == "person" and p.owner in OWNERS), "")
    if addressee and re.search(r"\b%s\s+(?:is\s+)?(?:leav\w*|left|going|goes|moving|moves|moved|deploy\w*|shipping "
                               r"out|enlist\w*|join(?:s|ed|ing)? the (?:army|navy|marines|air force|military|coast guard))\b"
                               % re.escape(addressee.split()[-1].lower()), description.lower()):
        tags.add("athome")  # "my son leaving for the army": the one sung to goes; the singer is the one at home
    if addressee and re.search(r"\b%s,?(?: (?:who|that))?(?: (?:is|'s|works|working|lives|living|serves|serving|locked up|is locked up|is "
                               r"stationed|stationed|is serving|is working))? %s" % (re.escape(addressee.split()[-1].lower()),
                                                                                    AWAY), description.lower()):
        tags.add("athome")  # "my husband who works overseas", "my brother in prison": away; the singer is at home
    if addressee and ("athome" in tags or re.search(r"\b%s,? (?:who|that) (?:has )?(?:moved|lives|left|went|is away|is far)\b"
                                                   % re.escape(addressee.split()[-1].lower()), description.lower())):
        tags.discard("together")  # "my brother who moved to Canada", "my son leaving": not "right here by your side"
        tags.add("alone")
    if "'s " in singer and singer.split()[-1].lower() in KINSHIP:
        tags.discard("go")  # "a soldier's mother", "a sailor's wife": the one at home, who stays
        tags |= {"stay", "athome"}
        addressee = addressee or singer.split("'s ")[0]  # and sings to the one away: "you" is the soldier
    if "forbidden" in named and not addressee:
        # "in love with my roommate's girlfriend": she is the one sung to ("I can't have you"), the roommate sung of
        addressee = next((p.bare for p in uniq if p.kind == "person" and p.owner == "'s" and p.bare != singer), "")
    if (addressee.lower().split()[-1:] and addressee.lower().split()[-1] in SPOUSES
            and any(p.bare == addressee and p.owner in ("my", "our") for p in uniq)
            and not {"lost", "alone", "athome", "down"} & tags and not {"splitup", "loveletter"} & named):
        named |= {"love"}  # "a song for my wife": a love song to her
        tags |= {"romance", "together"}
    beloved = {p.bare for p in uniq if p.bare.lower().split()[-1] in {tagged[k][0].lower() for k in loved}}
    if singer in beloved:
        singer = ""  # "a crush on the girl at the bus stop": the girl is sung of, she does not sing
    if addressee in beloved and "forbidden" not in named and not any(p.bare == addressee and p.owner in OWNERS for p in uniq):
        addressee = ""  # (not "my girl, hold on to me": no couple's call to her)
    lover = "love" in named or "romance" in tags or "love" in lemset
    if lover and "forbidden" not in named and any(p.head == "friend" and p.owner in OWNERS for p in uniq):
        named |= {"friendlove"}  # "in love with my best friend": the dates she tells of, the fries split
    if lover and NIGHT_WORK.search(low_description):
        named |= {"nightlove"}  # "my husband who works nights": the key at five, the plate under the light
        tags.add("no-nightswith")  # (no "you steal the blanket every night")
    if lover and PEN_LOVE.search(low_description):
        named |= {"penlove"}  # "my pen pal", "through letters": never met, no hand in hand
        tags -= {"together", "settled"}
        tags |= {"alone", "newlove"}
    if lover and MET_YOU.search(low_description):
        named |= {"howwemet"}  # "meeting my wife at my cousin's wedding": the day we met, told
    if re.search(r"\b(?:\w+)'s wedding\b", low_description) and (
            "howwemet" in named or not re.search(r"\b(?:my|our)\s+(?:own\s+)?wedding\b", low_description)) and (
            addressee and not re.search(r"\b%s's wedding\b" % re.escape(addressee.split()[-1].lower()), low_description)):
        tags.add("no-yourday")  # someone else's wedding: "you" (my wife, met there) is not the one in the aisle
    seen = _seen_love(uniq, tagged, tags, named, style, low_description, third_party)
    if seen is not None:
        # "a love song about the mailman", "an r&b song about the lifeguard", "the boy in the next cubicle": a love for
        # someone seen at their work or place, not spoken yet: never sung in their voice, never a couple's mornings
        named |= {"seenlove", "love"}
        singer = "" if singer == seen.bare else singer
        addressee = "" if addressee == seen.bare and seen.owner == "the" else addressee  # (never "my boy, ...")
        tags -= {"together", "no-romance"}
        tags |= {"alone", "untold", "romance", "newlove"}
        if "w" in lexicon.types(seen.head) or seen.kind == "thing" or lemset & SEEN_AT_WORK:
            named |= {"seenwork"}  # (at their work: "you're working and I'm in the way"; never a neighbour's)
        if re.search(r"\bmy name\b", low_description) or seen.head in NAME_READERS:
            tags.add("no-strangertoyou")  # "the barista who writes my name", the mailman: no "you don't know my name"
    if "heritage" in named and "farkin" in named:
        named -= {"heritage", "herself"}  # (helper heritage) one's own living far away is the far-away theme's
    elif "heritage" in named and "herself" not in named:
        # (helper heritage) the one who came is someone of one's own, sung by their child or grandchild: to them ("my
        # grandma who came ...": "you crossed the ocean") or of them ("my mother's accent", "the first generation")
        named |= {"herkin", "heryou" if addressee else "herof"}
        tags -= {"gone", "go", "away"} if not re.search(r"\b(?:visit\w*|trip|going|went|travel\w*)\b", low_description) \
            else set()
    apology = set() if {"sober", "heartbreak", "betrayal", "comeback"} & named or any(
        p.bare == addressee and p.kind == "animal" for p in uniq) else apology_kind(
        low_description, singer, addressee, "lost" in tags and bool(
            PASSED.search(low_description) or LOST_KIN.search(low_description) or lemset & DEATH_WORDS))
    if apology:
        # (helper apology) a sorry or a forgiveness is the song (theme ``apology``, its lines gated by ``apology_kind``);
        # the one forgiven or apologised to is sung to, never the singer ("forgiving a friend who let me down")
        named |= {"apology"} | apology
        if singer and re.search(r"\b(?:forgiv\w*|apologi\w* to|sorry to|amends with|chance with)\s+(?:a |an |the |my )?"
                                r"(?:\w+ )?%s\b" % re.escape(singer.split()[-1].lower()), low_description):
            singer, addressee = "", addressee or singer
        if "apgone" not in apology:
            tags -= {"lost"}  # "all the games i missed": nobody is gone
        # an apology given or owed is said, no thing held ("I find my apology on the shelf")
        uniq = [p for p in uniq if p.head.lower() not in SPEECH_ACTS]
        # and "how i treated her as a teenager", "for being a bad big sister": the singer, nobody to hear laugh
        uniq = [p for p in uniq if not (p.kind == "person" and re.search(
            r"\b(?:(?:i|me|i'm|i was)\b[^.]{0,40}\bas|being) an? (?:\w+ ){0,2}%s\b" % re.escape(p.head.lower()),
            low_description))]
    named, tags = lonely_kinds(named, tags, lemset, style, low_description)
    named, tags = teen_kinds(named, tags, low_description)  # (helper teen)
    uniq = [_owned(p, singer) for p in uniq]  # "his daughter", "her late husband's garden": the singer's own
    # "she" and "he" only for someone the description names who is neither the singer nor "you"
    third = {h for p in uniq if p.kind in ("person", "animal") and p.bare not in (singer, addressee)
             for h in (p.head, *p.lemmas)}
    if not FEMALE & third:
        tags.add("no-she")  # no woman in the description: no line sings of "she"
    if not MALE & third and not any(p.kind == "animal" and p.bare != addressee for p in uniq):
        tags.add("no-he")
    # a parent who sings and names no one to sing to ("being a single mom", "a dad working nights") sings to the child
    parent_voice = bool(singer) and not addressee and "'s " not in singer \
        and "p" in lexicon.types(singer.split()[-1].lower())
    if "grandbaby" in named and not addressee:
        parent_voice = True  # (helper parents) a new grandparent sings to the grandchild
    if not addressee and not parent_voice and any(p.kind in ("person", "animal") and p.bare != singer and not p.setting
                             and p.owner in OWNERS and p.bare not in third_party for p in uniq) and "newborn" not in named \
            and not named & TRUTH_YOU:
        tags.add("no-you")  # "my late husband" is sung of: no line sings to him as "you" (one person, one voice)
    if not words and LOVE_STYLES & set(style):
        tags.add("romance")  # "a soulful r&b slow jam" and nothing else: sung to a lover, "you"
    for_children = sung_for_children(style, lemset)  # sung to the child listening: "brush your teeth"
    if not for_children and _kid_make_believe(low_description, style):
        for_children = True  # (helper fantasy) "a pirate song for my 5 year old", "a unicorn for a little girl"
        tags.add("kidsong")  # (the writer's gates read it as a song for children too: ``writer.gate_words``)
    if for_children:
        # a creature of make-believe in a song for children: its own world (``KID_CREATURES``), none of another's
        named |= {n for n, rx in KID_CREATURES.items() if rx.search(low_description)}
        if "toothfairy" in named or re.search(r"\btooth ?fair", low_description):
            named -= {"fairies"}
    if for_children or KID_AGE.search(low_description) or OTHERWORLD_FOR_A_CHILD.search(low_description) \
            or "halloween" in low_description:
        # (helper otherworld) a ghost or a witch sung for a child, or at Halloween, is the children's make-believe's
        # or the holiday's (``KID_CREATURES``, the halloween theme), never a grown-up's story of the uncanny
        named -= {"otherworld", *OTHERWORLD_MOMENTS}
    if named & OTHERWORLD_STORIES:
        tags.add("owstory")  # (helper otherworld) the lines of the narrower story first (``writer.STORY_TAGS``)
    if "alienvoice" in named:
        tags.add("no-witness")  # the visitor sings: no line of one who saw the lights and is not believed
    if not addressee and not parent_voice and "romance" not in tags and not for_children and not (ROMANCE | {"home"}) & lemset and not any(
            p.kind == "animal" or (p.kind == "person" and p.plural) for p in uniq) and not WITH_YOU.search(low_description) \
            and "newborn" not in named and not named & (TRUTH_YOU | OTHERWORLD_TO_YOU):  # (a baby just born is
        # sung to: "my baby's first cry"; the one a truth story is of: "finding out the truth about him"; the living a
        # ghost loves, a mortal, one a spell is cast on, one's younger self: helper otherworld)
        tags.add("no-you")  # nobody to sing to (no one named, no lover, no one at home, no pet, no friends)
    if addressee and DEMENTIA.search(low_description):
        tags |= {"no-she", "no-he"}  # "my mother calling me by my aunt's name": sung to her, never of her as "she"
    if KIN_PAST.search(low_description) and not singer:
        tags.add("no-gone")  # "my grandpa's stories from the war": his war, told; no line in the soldier's own voice
    if "athome" not in tags:
        tags.add("no-athome")  # no line of the one left at home (the letter read by the light)
    if "lost" not in tags:
        tags.add("no-lost")  # nobody is gone: no line misses them
    if "away" not in tags:
        tags.add("no-away")  # at home where the song is: no line of a stranger who cannot say the street's name
    if "down" not in tags:
        tags.add("no-down")  # no line of sorrow or fear in a song that is not sad
    you_types = lexicon.types(next((p.head for p in uniq if p.bare == addressee), "")) + ("c" if parent_voice else "")
    if re.search(r"\b(?:little|baby) (?:boy|girl)$", addressee.lower()):
        you_types += "c"  # "my little boy", "my baby girl": a parent's words for a small child
        tags.add("no-grown")  # (sung to a small child: no grown-up's corner bar)
    if "c" not in you_types or "athome" in tags or lemset & GROWN_CHILD:
        # ("my son leaving for the army" is grown, "teaching my son to shave" nearly: no tucking him in)
        tags.add("no-child")  # lines to a child ("I tuck you in") only when "you" is one
    if lemset & JOB_LOSS or clash.WORKPLACE_CLOSED.search(low_description) or (
            "calledoff" in tags and lemset & clash.WORKPLACES):
        # "getting fired from the pizza place", "the last shift at the factory before it closes": no line of another
        # shift done
        tags.add("no-employed")
    if set(addressee.lower().split()) & (INFANTS - {"toddler"}) or "newborn" in named:
        tags.add("no-walks")  # "my newborn son" is rocked to sleep; he does not run down the hall yet
    if "p" not in you_types:
        tags.add("no-parent")
    if not (addressee and TAG_WORDS["lost"] - {"lose", "lost"} & lemset):
        tags.add("no-youlost")  # "my dog, can you hear me now": only when "you" is the one missed or gone
    if {"farkin", "emptynest"} & named:
        # (helper farkin) one's own far away or grown and gone is missed, not lost ("my dad who works overseas and misses
        # every birthday"): no line of the dead ("I still say your name")
        tags = (tags - {"lost", "youlost"}) | {"no-youlost", "no-lost"}
    tags.add("no-grown" if "c" in lexicon.types(singer.split()[-1] if singer else "") else "no-young")  # a kid
    if singer and singer.split()[-1].lower() in CHAIR_TRADES | STAFF or any(
            p.owner == "'s" and p.head in SERVED for p in uniq):
        # one who serves (a barber at the chair, "a bus driver who knows every regular"), and "my son's first haircut"
        # watched from beside the chair: no line in the voice of one served ("the cape around my neck", "I tap my pass
        # and find a seat"; a nurse riding the night bus home is still its passenger)
        tags.add("no-customer")
    if for_children:
        tags.add("no-grown")  # a song for children: no grown-up's stock line ("the choices that I made")
    if not any(p.bare == addressee and p.kind == "animal" for p in uniq):
        tags.add("no-petyou")  # "your paws": only when the pet is the one sung to
    if not words and {"down", "up"} & tags:
        tags.add("romance")  # a sad or happy song and nothing else: a love song, as such songs are
    if (not ROMANCE & lemset or {"splitup", "selflove", "loveletter", "parenthood"} & named) and "romance" not in tags:
        tags.add("no-romance")  # "you" is not a lover: no line of kisses and holding you tight
    if "lost" in tags and (PASSED.search(low_description) or LOST_KIN.search(low_description)
                           or lemset & {"die", "dead", "death", "funeral", "grave", "widow", "widower"}):
        tags.add("no-brokenup")  # someone died: no line of a love that ended ("the ring I should have thrown")
    if "leaver" not in tags:
        tags.add("no-leaver")  # no line of the one who walks out (``LEAVER``)
    if "restless" not in tags:
        tags.add("no-restless")  # no line of a town one wants out of (``HATED_PLACE``)
    if any(t in INDOORS and {"in", "on", "at", "inside"} & set(low[max(0, k - 3):k]) for k, t in enumerate(low)):
        tags.add("indoors")  # "on the night ward", "in the kitchen": no line of soaking shoes
    if STAYING_IN.search(low_description) or "tablegame" in named:
        tags.add("indoors")  # "snowed in by the fireplace", "board games on a rainy afternoon": no dancing in the rain
    own_verbs = _own_verbs(tagged, verbs, singer)
    # the singer teaches ("a girl teaching her little brother to ride"): no line of learning in the learner's voice
    # (or watches a child's lessons: "my daughter's first swimming lessons" is no song in the swimmer's voice)
    tags.add("teacher" if TEACH & set(own_verbs) or KIN_LESSONS.search(low_description) else "no-teacher")
    if "apology" in named and not addressee:
        tags.discard("no-you")  # (helper apology) a sorry is said to someone ("my best friend jake, i was wrong")
    if {"apletdown", "apfriend", "apsib"} & named:
        # (a friend who let one down, a friend or a brother one wronged: the bond is broken, no line of its loyalty, "you
        # always pick up when I call", "we'll still talk the night away")
        tags.add("betrayed")
    if {"apchance", "apunsaid"} & named:
        tags = (tags - {"together"}) | {"alone"}  # a love let go or never told: no couple's morning coffee
    if "aplove" in named:
        tags -= {"no-romance", "no-you"}  # (helper apology) a sorry to a lover is sung to them, a love song ("the woman i
        tags.add("romance")               # let go", "never telling her how i felt")
    if "apology" in named:
        if "apgone" not in named:
            tags = (tags - {"lost", "youlost"}) | {"no-lost", "no-youlost"}
        if "up" not in tags:
            tags = (tags - {"no-down"}) | {"down"}  # a sorry is sung low: no "the sun is shining on my face"
        if {"apsorry", "apunsaid"} & named:
            tags.add("no-unrepentant")  # (no stock "I don't regret", "I'd do it all the same way then")
        if AP_UNSAID.search(low_description):
            tags.add("no-spoke")  # ("the things i should have said": nothing said to take back)
    named, tags = cause_kinds(named, tags, lemset, style, low_description, for_children)
    if "equalitytalk" in named:
        # (helper causes) a parent's talk with a child about racism is sung by the parent to the child ("a mother
        # having the talk with her young son": "I fix your collar"), never to the parent
        kid = next((p for p in uniq if p.kind == "person" and p.head.lower() in CAUSE_CHILDREN), None)
        parent = next((p for p in uniq if p.kind == "person" and p.head.lower() in CAUSE_PARENTS), None)
        if kid and parent:
            singer, addressee = parent.bare, kid.bare
    if "peace" in named:
        words = [w for w in words if w != "anti"]  # (an anti-war song sings no "now it's an anti war")
    tags = frozenset(tags)
    facts, fears = clash.description_facts(description, style=style)
    if "lonely" in named:
        facts |= {"lonely"}  # (helper lonely) however it is said: no line of solitude welcomed (``clash``)
    if not words:
        facts -= {"offstage"}  # a genre and nothing else ("angry punk song"): the band's own song may take the stage
    neighbours = frozenset(r for w in words for r in lexicon.related(w)[:12])
    elsewhere = _elsewhere(tagged, uniq, singer)
    their_verbs = _their_verbs(tagged, verbs, singer)
    if "apology" in named:
        # (helper apology) the sorry itself is sung by the theme's own lines ("I'm sorry, I was wrong"), never carried
        # as a clause ("to you apologizing, it's true")
        words = [w for w in words if w not in AP_WORDS]
        if "aplove" in named and not addressee:
            # "a second chance with the woman i let go": she is "you", no word to carry ("with the woman, I'm here to
            # stay")
            you = {p.head for p in uniq if p.kind == "person" and p.owner in ("the", "a", "an")
                   and re.fullmatch(_AP_LOVER, p.head.lower())}
            words = [w for w in words if w not in you]
        verbs = tuple(v for v in verbs if v not in AP_WORDS)
        own_verbs = tuple(v for v in own_verbs if v not in AP_WORDS)
    topic = Topic(words=tuple(words), forms={k: frozenset(v) for k, v in forms.items()}, phrases=tuple(uniq),
                 verbs=verbs, tags=tags, title_candidates=_cause_title(named, low_description, _apology_title(named, _truth_title(named, _comeback_title(named, _given_title(_titles(tagged, uniq, singer, unsung=third_party,
                                                                                   lover=bool(ROMANCE & lemset)), named, uniq, addressee)), description))), neighbours=neighbours,
                 settings=tuple(_mine(s) if singer else s for s in _settings(tagged)
                                if not any(s.endswith(" " + e) for e in elsewhere)),  # (not where someone else is)
                 singer=singer, addressee=addressee, absent=_absent(tagged), ahead_of=_ahead_of(tagged),
                 own_verbs=own_verbs, their_verbs=their_verbs,
                 their_words=_their_words(tagged, their_verbs), style=style, elsewhere=elsewhere,
                 gone_by=_gone_by(tagged, uniq), facts=facts, fears=fears,
                 lost_things=clash.lost_things(description) - ({"weight", "pounds", "lbs", "everything"}
                                                                if "comeback" in named else set()),
                 themes=named, verb_words=frozenset(lem for _, lem, pos in tagged if pos == "v")
                 - {lem for _, lem, pos in tagged if pos != "v"} | _broken_apart(tagged), called=_called(description),
                 pursued=pursuits(low_description))
    if named & KID_CREATURES.keys():
        # (helper fantasy) whom a song of make-believe is for and its mood are no subject: "a fun pirate song for my 5
        # year old's birthday party" sings no "I'm a fun pirate, I know", no "I drove by the old house today"
        aged = KID_AGE_WORDS if KID_AGE.search(low_description) else frozenset()
        topic = replace(topic, words=tuple(w for w in topic.words if w not in aged | MOOD_WORDS))
    if named & KID_CREATURES.keys() and addressee and FOR_A_CHILD.search(low_description):
        # (helper fantasy) "a mermaid ... for my daughter": the child it is for names no song of make-believe
        heard = {addressee.lower(), addressee.lower().split()[-1]}
        topic = replace(topic, title_candidates=tuple(
            c for c in topic.title_candidates if c.lower().removeprefix("my ").removeprefix("the ") not in heard))
    if "kincouple" in named and not TITLE_GIVEN.search(low_description):
        # (lead) one's parents' or grandparents' years are titled as a child sings them, never cut from the words
        # ("Watching My Parents", "Grandparents Anniversary")
        own = {t.lower() for t in KIN_COUPLE_TITLES}
        topic = replace(topic, title_candidates=(*KIN_COUPLE_TITLES,
                                                 *(c for c in topic.title_candidates if c.lower() not in own)))
    wanted = ASPIRES.search(low_description)
    if wanted and lexicon.kind(lexicon.lemma(wanted.group(1), "n")) == "person":
        # "a teenage girl who wants to be a pilot": her dream's song, no cockpit she is not in yet
        role = lexicon.lemma(wanted.group(1), "n")
        topic = replace(topic, aspired=frozenset({role}), themes=topic.themes | {"dream"},
                        tags=topic.tags | (set() if role in PERFORMERS else {"no-showbiz"}))
    now = FREE_KINDS["freenow"].search(low_description) if "freenow" in named else None
    if now and len(now.group(0).split()) >= 3:
        # (helper free) the moment lived is the title in the description's own words ("Living in the Moment", "Live
        # for Tonight"), never "Moment" alone
        said = _title_case(now.group(0))
        topic = replace(topic, title_candidates=(said, *(c for c in topic.title_candidates if c.lower() != said.lower())))
    passing = TIME_PASSING.search(low_description)
    if passing:
        # time going by is the song, in the description's own words ("Time Going By Too Fast", "How Fast Time Flies"),
        # never "Time" and "Fast" (a fast kept) read as two nouns
        title = _title_case(passing.group(0))
        rest = [c for c in topic.title_candidates if c.lower() not in ("time", "fast", "time go", "fast time flies")
                and c.lower() != title.lower()]
        first = rest[:1] if rest and " " in rest[0] and len(rest[0].split()) <= 4 else []  # ("Growing Up" first)
        topic = replace(topic, words=tuple(w for w in topic.words if w not in ("fast", "fly")),
                        title_candidates=(*first, title, *rest[len(first):]))
    return topic


# Time going by ("time going by too fast", "how fast time flies", "the years slipping by", "where did the time go"): a
# song of its own (``THEME_PHRASES["timepassing"]``).
TIME_PASSING = re.compile(r"\b(?:how fast )?(?:time|the years|life|the days) (?:goes|going|went|flies|flying|flew|passes|"
                          r"passing|passed|slips|slipping|slipped|moves|moving|rushes|rushing)(?: (?:by|away|on))?"
                          r"(?: (?:too|so) fast| so quickly| too quickly| fast)?\b|\bwhere (?:did|does) (?:the )?time go\b|"
                          r"\bpassage of time\b")


# (helper lovers) one loved who works nights, a love in letters, and the day two met told (``read_topic``).
NIGHT_WORK = re.compile(r"\b(?:works?|working|worked|on) (?:the )?(?:nights?|night shifts?|graveyard(?: shift)?|overnights?)\b|"
                        r"\bnight ?shifts?\b|\bgraveyard shift\b")
PEN_LOVE = re.compile(r"\bpen[- ]?pals?\b|\bthrough (?:\w+ )?letters\b|\bby letters?\b|\bnever met (?:in person|in real "
                      r"life|irl)\b")
MET_YOU = re.compile(r"\b(?:meet|meeting|met)\s+(?:my|our|her|his)\s+(?:\w+\s+)?(?:wife|husband|girlfriend|boyfriend|"
                     r"partner|fianc\w*)\b|\b(?:how|when|where|the (?:day|night) )\s*(?:i|we) (?:first )?met\b")


# A love for someone seen at their work or where the singer sees them (helper lovers): "the" someone (not one's own:
# "my husband") in a love song, or one a crush or a fall is on ("falling for the bartender"), a young one by where they
# are ("the boy in the next cubicle", "the girl at the bus stop"), or someone never spoken to ("my neighbour across the
# hall I've never talked to"); not where the two are a couple ("dating the bartender", "married the mailman").
SEEN_AT_WORK = frozenset("work job shift office cubicle desk counter register".split())
NAME_READERS = frozenset("mailman postman mailwoman postwoman carrier courier".split())  # (they bring it by name)
SEEN_PLACE = frozenset("in at on next across from behind by".split())
NEVER_SPOKEN = re.compile(r"\b(?:never|not yet|have ?n[o']t|haven't|can't|cannot|too shy to) (?:\w+ )?(?:talk(?:ed)?|"
                          r"spoken|speak|said (?:a word|hello|hi)|say (?:a word|hello|hi)) to\b")
SEEN_LOVE_STYLES = frozenset("rnb sultry serenade".split())
COUPLE_WORDS = frozenset("date dating married marry marriage wife husband girlfriend boyfriend partner fiance fiancee "
                         "anniversary together".split())
YOUNG_ONES = frozenset("boy girl guy lad lass".split())


def _seen_love(phrases, tagged, tags, named, style, low: str, third_party) -> "Phrase | None":
    """The one loved who is seen at their work or place (``SEEN_PLACE``...): the phrase, or None."""
    lemset = {lem for _, lem, _ in tagged}
    if lemset & COUPLE_WORDS or {"forbidden", "heartbreak", "selflove", "loveletter"} & named:
        return None
    if lemset & {"meet", "kiss"} or "lost" in tags or BREAKUP.search(low) or sung_for_children(style, lemset) \
            or re.search(r"\b(?:who|that) (?:left|broke|cheated|dumped|ghosted)\b", low):
        return None  # "the girl I met on the train", "the boy who broke my heart", a kids' song: no crush untold
    low_toks = [t.lower() for t, _, _ in tagged]
    spoken = NEVER_SPOKEN.search(low)
    love = "romance" in tags or "love" in named or bool(SEEN_LOVE_STYLES & set(style)) or "crush" in lemset \
        or bool(re.search(r"\bf(?:all|alls|alling|ell) for\b", low))
    for p in phrases:
        if not (p.kind == "person" or (p.kind == "thing" and _agent(p.head, p.owner))) or p.plural or p.bare in third_party or p.head in KINSHIP - YOUNG_ONES - {"friend"}:
            continue
        if p.head in ("friend",) or p.owner not in ("the", "my") or (p.owner == "my" and not spoken):
            continue
        own = p.bare.lower().split()
        k = next((i for i in range(len(low_toks)) if low_toks[i:i + len(own)] == own), -1)
        after = low_toks[k + len(own):k + len(own) + 1] if k >= 0 else []
        # (a young one only by where they are: "the quiet guy from accounting who sang at the karaoke bar" is a story)
        young = p.head in YOUNG_ONES and bool(SEEN_PLACE & set(after)) and not {"who", "that"} & set(low_toks[k:])
        if love or young or spoken:
            return p
    return None


# Verbs whose "apart" is their own particle: a thing that falls, comes or breaks apart is broken, not far away
# (the cake "that fell apart" is no long-distance love: writer.APART_THEMES; "drifting apart", "growing apart",
# "miles apart" still are, and a house falling apart is still in disrepair).
APART_VERBS = frozenset("fall come break tear pull rip crumble".split())


def _broken_apart(tagged: list[tuple[str, str, str]]) -> frozenset[str]:
    """{"apart"} where it follows a verb of breaking (``APART_VERBS``): part of that verb, so it keys no theme."""
    return frozenset({"apart"}) if any(t.lower() == "apart" and k and tagged[k - 1][1] in APART_VERBS
                                       for k, (t, _, _) in enumerate(tagged)) else frozenset()


# Words one calls a loved one that are things too ("honey", "sugar", "pumpkin"; "baby" and "darling" are people anyway).
ENDEARMENTS = frozenset("honey sugar pumpkin peach cupcake muffin sweetie honeybun".split())
CALLING = frozenset("call calls called calling".split())


def _called(description: str) -> frozenset[str]:
    """The endearments of ``description`` used to call someone: after "my" or "your" ("a love song for my honey"),
    after a form of "call" within three words ("calls everyone honey"), or opening it before a comma ("honey, I'm
    home"); "harvesting honey" keeps its bees."""
    toks = re.findall(r"[a-z']+|,", description.lower())
    out = set()
    for k, tok in enumerate(toks):
        if tok not in ENDEARMENTS:
            continue
        if (k and toks[k - 1] in ("my", "your", "our")) or CALLING & set(toks[max(0, k - 3):k]) \
                or (k == 0 and toks[1:2] == [","]):
            out.add(tok)
    return frozenset(out)


# A love not allowed: an affair, or a fall for someone else's partner ("my best friend's ex", "my roommate's girlfriend").
FORBIDDEN = re.compile(r"\b(?:(?:love )?affair|(?:in love with|f(?:all|alls|alling|ell) (?:in love )?(?:for|with)|crush on|"
                       r"kiss(?:ed|ing)?|lov(?:e|es|ed|ing)|want(?:s|ed|ing)?) (?:my |our |his |her |their |the )?"
                       r"(?:\w+ ){0,2}\w+'s? (?:ex|girlfriend|boyfriend|wife|husband|partner|fianc\w*|girl|man|woman|guy))\b")
# Illnesses named for a person: the "'s" is the name's ("my grandfather's Alzheimer's"), not a possessive.
EPONYMS = frozenset("alzheimer's parkinson's huntington's crohn's hodgkin's tourette's asperger's".split())
# A war or a voyage that is a kin's past: "my grandpa's stories from the war", "my dad who served in Vietnam".
KIN_PAST = re.compile(r"\b(?:grand(?:pa|father|ma|mother)|dad|father|uncle|mom|mother|great[- ]grand\w*)(?:'s)? "
                      r"(?:(?:old |war )?(?:stories|story|tales|medals|letters|service|days)|who (?:fought|served|sailed))\b")
# One's own partner: sung to as a lover ("a song for my wife").
# The one a partner cheats or leaves with ("cheating with my best friend", "he cheated on me with my cousin", "left me
# for my sister"): the song's third party, sung of, never "you" and never the title (the one who cheated is sung to).
THIRD_PARTY = re.compile(r"\b(?:cheat(?:s|ed|ing)?|sle(?:pt|eps?|eping)|hook(?:s|ed|ing)? up|r(?:a|u)n(?:s|ning)? off|"
                         r"le(?:ft|aves?|aving) (?:me|us|him|her))(?: on (?:me|us|him|her))? (?:with|for) "
                         r"((?:my|his|her|our|their|the|a|an) (?:[\w']+ )?[\w']+)")
SPOUSES = frozenset("wife husband girlfriend boyfriend fiance fiancee fiancé fiancée partner".split())
# Being left by a lover: "getting dumped", "she broke up with me" (a breakup song, sad whatever the day it fell on).
_PARTNER = r"(?:boyfriend|girlfriend|husband|wife|partner|fianc[eé]e?|man|girl|guy|lover|ex)"
BREAKUP = re.compile(r"\b(?:dump(?:s|ed|ing)? (?:me|him|her)|(?:got|getting|get|gets|being) dumped|"
                     r"br(?:eak|eaks|eaking|oke) up with (?:me|him|her|you|my|his|a|the)|(?:she|he) (?:br(?:eaks|oke) up|left me)|"
                     r"(?:i|we|they) br(?:eak|oke) up|"
                     # the singer who leaves: "leaving my husband", "I left him", "leaving a toxic marriage", "ending
                     # things with her", "walking away from my fiance"
                     rf"(?:leav(?:e|es|ing)|left|walk(?:s|ed|ing)? (?:out on|away from)) (?:him|her|my {_PARTNER})|"
                     r"(?:leav(?:e|es|ing)|left|end(?:s|ed|ing)?|walk(?:s|ed|ing)? away from) (?:a|an|my|our|the) "
                     r"(?:\w+ )?(?:marriage|relationship|engagement)|end(?:s|ed|ing)? things with)\b")
# The singer is the one who ends it ("breaking up with my boyfriend", "leaving my husband", "I'm the one who left"), not
# the one left ("he broke up with me", "getting dumped"): with ``BREAKUP`` or a breakup's word.
LEAVER = re.compile(r"^(?!.*\b(?:(?:s?he|they|you) (?:br(?:eaks|oke) up|left|dumped|walked out)|dumped me|"
                    r"(?:got|getting|get|gets|being) dumped)\b)(?:.*\b(?:br(?:eak|eaks|eaking|oke) up with (?:him|her|you|my|his|"
                    r"a|the)|(?:i|me) (?:br(?:eak|oke) it off|left (?:him|her|you|my))|(?:leav(?:e|es|ing)|walk(?:s|ed|ing)? "
                    rf"(?:out on|away from)) (?:him|her|you|my {_PARTNER})|(?:leav(?:e|es|ing)|end(?:s|ed|ing)?|"
                    r"walk(?:s|ed|ing)? away from) (?:a|an|my|our|the) (?:\w+ )?(?:marriage|relationship|engagement)|"
                    r"end(?:s|ed|ing)? things with|(?:i'?m|i am|i was|me) the one who (?:left|ended it|walked (?:out|away)|"
                    r"said goodbye|broke it off)))")
# Someone of one's own lost: died ("a lighthouse keeper who lost his wife"), not a thing mislaid.
LOST_KIN = re.compile(r"\blos(?:t|es|ing|e) (?:my|his|her|their|our) (?:\w+ )?(?:wife|husband|mother|father|mom|mum|dad|"
                      r"son|daughter|brother|sister|grandma|grandpa|grandmother|grandfather|child|baby|twin|partner)\b")
# Wanting to be what one is not yet ("a teenage girl who wants to be a pilot", "dreams of becoming a doctor"): the
# role keys no theme of doing it, the song is the dream's.
ASPIRES = re.compile(r"\b(?:wants?|wanted|wanting|dreams?|dreamed|dreaming|hopes?|hoping|longs?|longing|wish(?:es|ing)?|"
                     r"plans?|planning|going) (?:to be(?:come)?|of (?:being|becoming)) (?:a|an|the)? ?(?:\w+ )?(\w+)\b")
# Those whose dream is a stage: the dream theme's lines of the open mic, the spotlight and the rent (tagged ``showbiz``)
# are theirs, not a would-be pilot's or doctor's.
PERFORMERS = frozenset("""singer actor actress dancer musician star rapper artist performer comedian rockstar popstar
songwriter guitarist drummer model""".split())
# A pet adopted from a shelter ("adopting a rescue dog", "the shelter cat we adopted"): no child's adoption, no rescue
# worker's call.
PET_ADOPTION = re.compile(r"\b(?:adopt\w*|rescue[ds]?|shelter|pound)\b[^.]{0,20}?\b(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|"
                          r"pups?|greyhounds?|rabbits?|bunn(?:y|ies)|horses?)\b|\b(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?)\b"
                          r"[^.]{0,20}?\b(?:adopt\w*|rescued|from the (?:shelter|pound))\b")
# What someone gone left behind, still where it was: "her perfume still on my pillow", "his coat still on the hook".
TRACE = re.compile(r"\b(?:her|his|your|their)\s+(?:[\w']+\s+)?[\w']+\s+(?:is\s+|are\s+)?still\s+"
                   r"(?:on|in|by|at|under|hanging|hangs|sits|lies|smells)\b")
# Something that will not happen or goes for good: a cancelled concert, a postponed wedding, a shop closing down.
CALLED_OFF = re.compile(r"\b(cancel(?:l?ed|l?ing|s)?|postpon(?:ed|es|ing)|call(?:ed|s|ing)? off|rained out|"
                        r"(?:clos|shutt?)(?:ed|es|ing|s)? (?:down|for good)|"
                        r"(?:before|as|when|until|the day|the night) (?:it|they|the \w+) (?:closes|close|shuts?)(?! up))\b")
# A parent or grandparent taught, and what on (the techhelp phrase: "teaching my grandmother to use a smartphone")
_PARENT = r"(?:mom|mum|mother|dad|father|grandma|grandmother|grandpa|grandfather|granny|nana|parents?)"
_TEACHING = r"teach\w*|taught|show\w*|help\w*"  # (these also before the one taught: "showing my dad how to ...")
_DEVICE = r"(?:phone|smartphone|text\w*|email\w*|computer|laptop|tablet|video call|facetime|emoji)"
# Themes a description names in a phrase rather than a word: rising from poverty ("coming up from nothing",
# "started from the bottom") is the hustle, missing home ("far from home", "homesick") is homesickness.
# (helper daily) a friend gone or going far ("my best friend moved to Australia", "moves across the country", "who is
# seven hours ahead"); a job beside school ("two jobs to pay for college", "a shift before class")
FAR_FRIEND = (r"\bfriends?(?:'s)?\b[^.,;]{0,30}?\b(?:mov(?:e|es|ed|ing)|leav(?:e|es|ing)|left|fl(?:y|ies|ew|ying)|"
              r"relocat\w*|emigrat\w*)\s+(?:away|abroad|overseas|across|(?:back )?to (?!(?:the |a |my |our |his |her |"
              r"their )?(?:new |next |first )?(?:house|apartment|flat|place|room|dorm|couch|door|car|step|level|song|"
              r"city alone)\b)|for (?:good|college|university))|\b(?:goodbye|farewell) to (?:my |our )?(?:best )?"
              r"friends?\b|\bfriends?\b[^.]{0,40}?\b(?:hours? (?:ahead|behind)|time ?zones?|across the (?:world|ocean|sea)|"
              r"half a world)")
# (helper farkin) someone of one's own family far away, sung by the one who stays: "my little brother who moved to
# Germany", "my mom who went back to the Philippines", "my twin sister living on the other side of the world", "my
# grandma across the ocean who I only see on video calls", "my dad who works overseas", "my brother stationed overseas".
# Never one's partner (the distance theme's), a parent who walked out (abandonment), someone who died, nor the singer
# gone ("my family back home since I moved abroad": no "I" or "we" between the kin and the going)
_NOT_FAR_KIN = (r"^(?!.*\b(?:walk(?:s|ed|ing)? out|left (?:us|me|mom|dad|my|our|home for good)|for good|abandon\w*|"
                r"r[au]n(?:s|ning)? off|never came back|never (?:calls?|called|writes?|visits?|visited|comes?)|"
                r"(?:don'?t|doesn'?t|didn'?t) (?:call|write|visit|talk)|new family|another (?:woman|man)|"
                r"died|dies|dead|death|passed|funeral|grave|heaven|memorial|in memory|rest in peace|"
                r"late (?:mom|mum|mother|dad|father|brother|sister|son|daughter|grand\w+))\b)")
_KIN = (r"\b(?:my|our) (?:(?:little|big|older|younger|baby|kid|twin|oldest|eldest|youngest|only|step|half|dear|sweet|"
        r"favou?rite|beautiful|grown|grown-up|teenage) )*(?:brothers?|sisters?|twins?|siblings?|mom|mum|mother|mama|"
        r"dad|father|papa|parents|grandma|grandmother|grandpa|grandfather|granny|nana|grandparents|son|daughter|"
        r"kids?|children|child|aunt|uncle|cousins?|nephew|niece|family|youngest|oldest|eldest)\b")
_NOT_ME = r"(?:(?!\b(?:i|i'm|me|we|we're|us|you)\b)[^.,;])"  # (no one else's going between the kin and the verb)
_FAR = (r"(?:abroad|overseas|far away|(?:all the way )?across (?:the )?(?:world|ocean|sea|pond|globe|atlantic|"
        r"pacific)|(?:on |to )?the other side of the (?:world|planet|globe)|half (?:a|way across the) world(?: away)?|"
        r"in (?:another|a different) (?:country|continent|time ?zone)|thousands of miles (?:away)?|"
        r"\w+ hours? (?:ahead|behind)|time ?zones? away)")
FAR_KIN = (_NOT_FAR_KIN + r".*?(?:" + _KIN + _NOT_ME + r"{0,40}?\b(?:(?:mov(?:e|es|ed|ing)|relocat\w*|emigrat\w*|"
           r"fl(?:y|ies|ew|ying)|le(?:ft|aves?|aving)|(?:went|go(?:es|ing)?|gone|mov\w*|came|com(?:es|ing)|flew) back)"
           r"\s+(?:away\b|home to\b|" + _FAR + r"|to (?!(?:the |a |my |our |his |her |their )?(?:new |next |first |own |"
           r"big )?(?:house|apartment|flat|place|room|dorm|college|university|school|work|bed|church|store|hospital|"
           r"nursing|care|home|door|car|step|level|song|heaven|sleep|town|city alone)\b)\w+)|"
           r"(?:(?:who |that )?(?:is |are |'s |now |still )*(?:lives?|living|works?|working|stationed|deployed|serving|"
           r"based|studying|stuck)?\s*" + _FAR + r")|"
           r"[^.;]{0,50}?\bonly (?:ever )?(?:get to )?(?:see|visit|hear|talk to)\w*\b[^.;]{0,30}?\b(?:on|over|through|"
           r"every|once|twice|at) )|"
           # (a brother or sister off to college is far away too; a child is the empty nest's)
           r"\b(?:my|our) (?:(?:little|big|older|younger|baby|kid|twin|oldest|eldest|youngest|only|step|half) )*"
           r"(?:brothers?|sisters?|twins?|siblings?|cousins?)\b" + _NOT_ME + r"{0,30}?\b(?:leav\w*|left|go(?:es|ing)?|"
           r"went|off|head\w*|mov\w*)(?: away| off)? (?:for|to) (?:college|university|uni)\b)")
_CHILD = (r"\b(?:my|our) (?:(?:little|oldest|eldest|youngest|only|first|teenage|grown|baby) )*(?:son|daughter|kids?|"
          r"children|child|youngest|oldest|eldest|firstborn|twins|teenager|(?:baby|little) (?:boy|girl))\b")
NEST = (_NOT_FAR_KIN + r".*?(?:\bempty[- ]nest\w*\b|"
        + _CHILD + _NOT_ME + r"{0,30}?\b(?:leav\w*|left|go(?:es|ing)?|went|gone|off|head\w*|mov\w*|start\w*|"
        r"pack\w*)(?: away| off| out)? (?:for|to) (?:college|university|uni|the dorms?|campus|freshman year)\b|"
        + _CHILD + _NOT_ME + r"{0,30}?\b(?:mov(?:e|es|ed|ing) out|(?:leav\w*|left) (?:home|the nest|the house)|"
        r"fl(?:y|ies|ew|ying) the nest|mov\w* (?:in ?to|into) (?:his|her|their) (?:first |own |new |college )?"
        r"(?:dorm|apartment|flat|place|studio))\b|"
        r"\b(?:dropp\w*|drop|drove|driv\w*|tak\w*|took|help\w*) (?:off )?" + _CHILD.removeprefix(r"\b")
        + r" (?:off )?(?:at|to) (?:college|university|uni|the dorms?|campus)\b|"
        r"\b(?:help\w*|mov\w*) " + _CHILD.removeprefix(r"\b") + r" (?:move )?(?:in ?to|into) (?:his|her|their) "
        r"(?:first |own |new |college )?(?:dorm|apartment|flat|place|studio)\b)")
_JOB = r"(?:work(?:s|ed|ing)?|jobs?|shifts?|paychecks?|on (?:my|a|the) (?:lunch )?break|warehouse|factory)"
_SCHOOLING = r"(?:college|university|tuition|class(?:es)?|degree|semester|campus|lectures?|(?:through|for) school)"
NEW_YEAR = r"new year'?s?(?: eve)?"  # the turn of the year, as a festival's night and as its own theme
# (helper parents) A parent's own voice to their child at the moments parents ask songs for: the singer's child ("my
# son", "her grown son", "his kids"), never a parent thanked by the child ("my single dad who did it all").
_MYKID = (r"\b(?:my|our|his|her|their) (?:(?:little|baby|oldest|eldest|youngest|only|first|teenage|teen|grown|"
          r"grown-up|adult|big|two|three|four|newborn|\w+-year-old) )*(?:sons?|daughters?|kids?|children|child|"
          r"firstborn|twins|teenagers?|teens?|(?:baby|little) (?:boys?|girls?))(?:'s)?\b")
_SINGING_PARENT = r"(?:dad|mom|mum|mother|father|parent|daddy|mama|papa)"
_NOT_MY_SINGING_PARENT = r"^(?!.*\b(?:my|our) (?:(?:single|late|old|own) )?" + _SINGING_PARENT + r"s?\b)"
PARENT_MOMENTS = {
    # watching one's child graduate: the cap and gown, the name called, the tassel
    "kidgrad": re.compile(r"^(?=.*" + _MYKID + r")(?=.*\b(?:graduat\w*|diploma|cap and gown|commencement)\b)"),
    # a child's first day of school or kindergarten: the backpack, the gate, the wave (never high school's)
    "kidschool": re.compile(r"^(?!.*\b(?:high|middle|secondary|college|university)\b)(?=.*" + _MYKID + r")(?=.*\b(?:"
                            r"first day (?:of|at) (?:school|kindergarten|preschool|pre-?k|nursery|daycare|(?:first )?"
                            r"grade)|kindergarten|preschool|pre-?k|starts? school|starting school)\b)"),
    # a teenager who shuts the parent out: the closed door, the headphones, the silent drive
    "kidteen": re.compile(r"^(?=.*\b(?:my|our|his|her) (?:\w+ )?(?:teenage (?:sons?|daughters?|kids?|boys?|girls?)|"
                          r"teen (?:sons?|daughters?|kids?)|teenagers?|teens?|(?:thirteen|fourteen|fifteen|sixteen|seventeen|1[3-7])"
                          r"[- ]years?[- ]old (?:sons?|daughters?|kids?|boys?|girls?))\b)(?=.*\b(?:(?:won'?t|doesn'?t|don'?t|"
                          r"never|stopped|refuses? to|will not|does not) (?:talk|speak|listen|look)\w*|shut\w* (?:me )?"
                          r"out|silent|silence|distant|slam\w*|ignor\w*|hates? me|pull\w* away|drift\w* apart|"
                          # (helper teen) the door kept shut
                          r"keeps? (?:his|her|their|the) (?:bedroom )?door (?:shut|closed|locked)|door (?:stays|is) "
                          r"(?:shut|closed|locked))\b)"),
    # a parent working nights or two jobs for the kids, in the parent's voice (not "my mom working three jobs")
    "kidnights": re.compile(_NOT_MY_SINGING_PARENT + r"(?=.*\b" + _SINGING_PARENT
                            + r"s?\b)(?=.*\b(?:night shifts?|nights|graveyard "
                            r"shift|overnight|third shift|double shifts?|two jobs|three jobs|working late)\b)(?=.*"
                            + _MYKID + r")"),
    # one's child's wedding: the father or mother of the bride, walking her down the aisle, giving him away
    "kidwedding": re.compile(r"\b" + _SINGING_PARENT + r" of the (?:bride|groom)\b|" + _MYKID.removesuffix(r"(?:'s)?\b")
                             + r"'s wedding\b|\b(?:walk\w*|giv\w*) (?:my|our) (?:\w+ )?(?:daughter|son|girl|baby|boy) "
                             r"(?:down the aisle|away)\b"),
    # a single parent singing ("being a single dad", "single mom working two jobs"), not one thanked
    "singleparent": re.compile(r"^(?!.*\b(?:my|our|his|her) single\b)(?!.*\b(?:thank\w*|tribute)\b).*\bsingle "
                               + _SINGING_PARENT + r"s?\b"),
    # a stay-at-home parent's day
    "stayhome": re.compile(r"^(?!.*\b(?:my|our) stay[- ]at[- ]home\b).*\bstay[- ]at[- ]home " + _SINGING_PARENT
                           + r"s?\b"),
    # a first grandchild, sung by the new grandparent
    "grandbaby": re.compile(r"\bbecom\w* (?:a )?(?:grandma|grandmother|grandpa|grandfather|grandparents?|nana|granny|"
                            r"gran)\b|\b(?:my|our) (?:(?:first|new|newborn|baby) )+(?:grandchild|grandson|"
                            r"granddaughter|grandbaby|grandkid)\b|\bnew (?:grandma|grandpa|grandmother|grandfather|"
                            r"grandparents?)\b|\bfirst grand(?:child|son|daughter|baby|kid)\b"),
    # a child grown up, sung to by the parent ("a mom's love letter to her grown son")
    "kidgrown": re.compile(_NOT_MY_SINGING_PARENT + r".*\b(?:my|our|his|her) (?:grown|grown-up|adult) "
                           r"(?:sons?|daughters?|"
                           r"kids|children|child)\b"),
}
LETTER_TO_CHILD = re.compile(r"\b(?:love )?(?:letters?|note) to " + _MYKID.removeprefix(r"\b"))
PARENTHOOD = re.compile("|".join(rx.pattern for rx in PARENT_MOMENTS.values()))
# (helper free) songs of freedom and youth, by the way they are asked for; each kind names its own lines of the
# ``freedom`` theme (``writer.NAMED_GATES``). "Free" alone keys nothing: a free ticket, free time, sugar-free, "cancer
# free" or "free of debt" is no song of feeling free, so only these phrases name it.
_NOT_OF = r"(?! (?:of|from)\b)"  # ("finally free of debt", "being free from pain": not this freedom)
FREE_KINDS = {
    # feeling free: "feeling free", "wild and free", "free as a bird", "born to be wild", "a song about freedom"
    "freefeel": re.compile(r"\bfeel(?:s|ing)? (?:so |truly |finally |totally |really )?free\b(?! to\b)|\bwild and free\b|"
                           r"\bfree and (?:wild|easy|alive|young)\b|\bfree as (?:a|the) (?:bird|wind|breeze)\b|"
                           r"\bborn to be wild\b|\b(?:i'?m|i am|being|be) (?:a )?free[- ]spirit(?:ed)?\b|"
                           r"\bfree at last\b|\b(?:finally|truly|being|to be|so) free\b" + _NOT_OF + r"|"
                           # (freedom as a cause, a country's or a march's, is the protest theme's)
                           r"^(?!.*\b(?:protest\w*|march\w*|rights|justice|rall(?:y|ies)|strikes?|vot\w+|wars?|"
                           r"soldiers?|flags?|nations?|slave\w*|civil|independence|veterans?|troops?|speech|press|"
                           r"religio\w*|fought)\b).*\bfreedom\b"),
    # young and wild: "young and reckless", "wild youth", "forever young", "staying out till sunrise" (never "my youth",
    # looked back on, nor a youth group or league)
    "freeyoung": re.compile(r"\byoung,? (?:and |& )?(?:wild|free|reckless|restless|dumb|crazy|careless|alive|invincible|"
                            r"stupid)\b|\b(?:wild|reckless|restless|careless) (?:and )?young\b|\b(?:wild|reckless|"
                            r"restless|careless|misspent|golden) youth\b|\bbeing young\b|\bforever young\b|"
                            r"\bwhile we'?re young\b|(?<!my )(?<!our )\byouth\b(?! (?:group|pastor|league|choir|"
                            r"orchestra|club|camp|minister|ministry|center|centre|hostel|team|soccer|football|sports?)\b)|"
                            r"\bteenage (?:kicks|nights?|wasteland)\b|\bstay(?:s|ed|ing)? out (?:late|all night|till|until|til|past|with)\b"),
    # breaking free of a job, a small life, the rules of others: "breaking free", "break away", "my own terms"
    "freebreak": re.compile(r"\bbr(?:eak|eaks|eaking|oke) (?:free|loose|away)\b|\bbr(?:eak|eaks|eaking|oke) out of "
                            r"(?:my|this|the|a) (?:\w+ )?(?:life|routine|cage|box|shell|town|job|mold|mould)\b|"
                            r"\b(?:quit\w*|leav\w*|escap\w*|ditch\w*|done with) (?:my|the|this) (?:9|nine) ?(?:to|-) ?"
                            r"(?:5|five)\b|\brat race\b|\b(?:other people'?s|everyone'?s|everybody'?s|their|my "
                            r"parents'?|society'?s) expectations\b|\bliv(?:e|es|ing) (?:life )?(?:on )?my own terms\b"),
    # living in the moment: "live for tonight", "carpe diem", "yolo", "like there's no tomorrow"
    "freenow": re.compile(r"\b(?:liv\w*|be|being) in the moment\b|\bliv(?:e|es|ing) for (?:today|tonight|the moment|"
                          r"right now|now)\b|\bcarpe diem\b|\byolo\b|\byou only live once\b|\bseize the day\b|"
                          r"\bno tomorrow\b"),
    # rebellion: "a rebel", "sick of the rules", "breaking the rules", "sneaking out", "past curfew", "the system"
    "freerebel": re.compile(r"\brebel(?:s|lious|lion|ling)?\b|\b(?:sick|tired) of (?:the |their |all the |all their |"
                            r"your |my \w+'?s? )?rules\b|\bbr(?:eak|eaks|eaking|oke) (?:all )?(?:the|their|every) rules?\b|"
                            r"\bno rules\b|\bsneak(?:s|ing)? out\b|\bsnuck out\b|\bcurfew\b|\b(?:against|fight\w*|"
                            r"stick\w* it to) the (?:system|man|establishment)\b|\bdon'?t tell me what to do\b"),
}
FREEDOM = re.compile("|".join(rx.pattern for rx in FREE_KINDS.values()))
# Words of another freedom (a body healed, a debt paid, a cell left, a cause marched for): no free song's lines.
OTHER_FREEDOMS = frozenset("""cancer remission chemo tumor debt loan mortgage prison jail parole inmate sober sobriety
rehab addiction protest march slavery slave vote rights""".split())
# A freedom from a lover is the breakup's and newstart's ("breaking free from a toxic relationship").
_PARTNERS = frozenset("""boyfriend girlfriend husband wife ex fiance fiancee relationship marriage partner lover
toxic""".split())


# Someone else's freedom ("my sister who broke free", "a girl named Jo who", "she feels free"; not "a teenager who's sick
# of the rules": the one the song is in the voice of).
THEIR_FREEDOM = re.compile(r"(?:\b(?:she|he|they)|\b(?:my|our|his|her|their|your) (?:\w+ ){1,2}who|\bnamed \w+ who)"
                           r"(?:'s| is| was| are| were)?(?: \w+){0,2} $")


def _free_named(named: frozenset, low_description: str, lemset: set) -> frozenset:
    """(helper free) The kinds of a freedom song the description names (``FREE_KINDS``) and ``freedom`` where any
    is: none where the freedom is another's (a healed body, a paid debt, a cause) or sung of someone else ("a girl
    who breaks free": her story, not the singer's "I"), nor where a lover is left or a runaway runs (the breakup's and
    the runaway's songs: "feeling free after the breakup")."""
    kinds = {n for n in FREE_KINDS if n in named}
    named = named - FREE_KINDS.keys()
    if not kinds or lemset & OTHER_FREEDOMS:
        return named
    def theirs(before: str) -> bool:  # (and an animal's: "a cat who stays out all night" is no song of youth)
        who = re.search(r"\b(\w+) who(?:'s| is| was)?(?: \w+){0,2} $", before)
        return bool(THEIR_FREEDOM.search(before) or who and lexicon.kind(lexicon.lemma(who.group(1), "n")) == "animal")

    if all(theirs(low_description[:m.start()]) for m in FREEDOM.finditer(low_description)):
        return named
    if lemset & _PARTNERS or "heartbreak" in named or BREAKUP.search(low_description) \
            or re.search(r"\b(?:runaways?|r(?:u|a)n(?:ning)? away)\b", low_description):
        return named  # (a lover left, or a runaway's flight: their own themes' song)
    return named | kinds | {"freedom"}


# (helper moments) a child just born and held (``THEME_PHRASES["newborn"]``) and a parent's dementia (``"illness"``)
NEWBORN = re.compile(r"\b(?:(?:day|night|morning|hour) (?:you were|(?:s)?he was|(?:my|our) (?:\w+ )?(?:\w+ )?"
                     r"(?:was|were)) born|(?:first time|moment) (?:i|we) (?:held|saw|met|hold) (?:my|our) (?:\w+ )?"
                     r"(?:son|daughter|baby|babies|child|boy|girl|twins|grandson|granddaughter)|first cry|delivery room|"
                     r"maternity ward|labou?r and delivery|birth of (?:my|our)|(?:hand|fingers?|fist) (?:\w+ )?(?:a)?round "
                     r"my (?:finger|thumb)|ten (?:little |tiny )?(?:fingers|toes)|just born|(?:gave|giving) birth)\b")
# (helper moments) a "you" the description is with ("a movie night on the couch with you", "your tiny hand"): sung to
WITH_YOU = re.compile(r"\b(?:with|next to|beside) you\b|\byour (?:tiny|little|small)\b")
DEMENTIA = re.compile(r"\b(?:dementia|alzheimer\w*|memory care|(?:doesn'?t|does not|don'?t|no longer|can'?t|cannot|won'?t) "
                      r"(?:know|remember|recogni[sz]e) (?:who i am|me anymore|my (?:name|face))|forg(?:ets?|etting|ot) "
                      r"(?:who i am|my name)|call(?:s|ed|ing)? me by (?:my |her |his |the )?(?:\w+'s|wrong|another|other|"
                      r"a different) name)\b")
# (helper tributes) roles a tribute is sung to on their last season or day
TRIBUTE_ROLES = r"(?:coach|teacher|professor|mentor|boss|manager|supervisor|nurse|doctor|principal|pastor|captain|tutor|instructor)"
# a song given to someone in thanks or in their memory
TRIBUTE = re.compile(r"\bthank(?:s|ed|ing)?\b|\btribute\b|(?<!of )\bhonou?r(?:s|ed|ing)?\b|\bdedicat\w* to\b|\beulog\w*|"
                     r"\bmemorial\b(?! day)|\bin (?:loving )?memory of\b|\bwho (?:changed|saved|shaped) (?:my|our) li(?:fe|ves)\b|"
                     r"\bwho (?:got|pulled|carried|saw|brought) (?:me|us) through\b|\bwho (?:believed in|never gave up on) (?:me|us)\b|"
                     r"\bwho did it all\b|\b" + TRIBUTE_ROLES + r"'s (?:last|final) (?:season|game|day|class|shift|year|match|race)\b")
# a song in memory of one who died: a memorial, a eulogy, a tribute at a funeral
MEMORIAL = re.compile(r"\bmemorial\b(?! day)|\bin (?:loving )?memory of\b|\beulog\w*|celebration of (?:\w+ )?life\b|"
                      r"^(?=.*\btribute\b)(?=.*\b(?:funeral|died|dead|passed|gone)\b)")
# (helper comeback) motivational and comeback stories, each named by its kind however it is said; the `comeback` theme's
# lines of one story are gated by its name (``writer.NAMED_GATES``): back from an injury, the first in one's family at
# college, proving the doubters wrong, starting over, getting healthy, a grown-up back at school, an underdog team, a
# tryout made after a cut, a record deal chased, getting back up after losing it all, a dream never given up
COMEBACK_STORIES = {
    "cbinjury": re.compile(r"\b(?:com\w* back|came back|return\w*|recover\w*|back)\b[^.]{0,40}?\b(?:injur\w*|surgery|torn|"
                           r"broken (?:leg|arm|ankle|wrist)|acl|knee|ankle|hamstring|shoulder)\b|\b(?:injur\w*|surgery|"
                           r"torn acl|acl)\b[^.]{0,40}?\b(?:play\w*|game|field|court|pitch|ring|track|comeback|again)\b"),
    "cbcollege": re.compile(r"\bfirst (?:one |person |kid |girl |boy )?in (?:my|our|his|her|the|their) (?:whole )?family\b"
                            r"|\bfirst[- ]gen(?:eration)?\b"),
    "cbdoubt": re.compile(r"^(?!.*\b(?:team|underdogs?|squad)\b).*(?:\bprov\w* (?:\w+ ){0,5}wrong\b|\bdoubt(?:ed|ers?|ing)"
                          r"\b|\bhaters\b|\b(?:nobody|no one) (?:believed|thought)\b|\bsaid i (?:couldn'?t|would never|"
                          r"wouldn'?t|was nothing)\b)"),
    "cbstartover": re.compile(r"\b(?:start\w* (?:over|again|from scratch|fresh)|begin\w* again|fresh start|second chance|"
                              r"new chapter)\b[^.]{0,30}?\b(?:at (?:\d+|thirty|forty|fifty|sixty|seventy)|after|divorc\w*|"
                              r"in (?:my|your|her|his) (?:\d+s|thirties|forties|fifties|sixties))\b"),
    "cbhealth": re.compile(r"\blos\w* (?:the |some |all (?:the |that )?|my |\d+ |a lot of )?(?:weight|pounds|lbs)\b|"
                           r"\bweight ?loss\b|\b(?:get\w*|got) (?:healthy|fit|in shape|my health back)\b"),
    "cbbackschool": re.compile(r"(?<!my )(?<!our )(?<!his )(?<!her )\b(?:single (?:mom|mum|mother|dad|father|parent)|"
                               r"(?:mom|mum|mother|dad|father|parent|adult|grown woman|grown man)|i'm|i am|i)\b[^.]{0,20}?"
                               r"\b(?:go\w*|went|head\w*|com\w*) back to (?:school|college|class)\b|"
                               r"\b(?:night school|night classes|back to school at (?:\d+|thirty|forty|fifty|sixty))\b"),
    "cbunderdog": re.compile(r"\bunderdogs?\b|^(?=.*\b(?:team|squad)\b).*\b(?:nobody|no one) (?:believed|thought|picked)\b"),
    "cbtryout": re.compile(r"\bmak\w* the (?:team|squad|cut|roster|varsity)\b|\b(?:got|get\w*|been) cut\b|\btry ?outs?\b"),
    "cbdeal": re.compile(r"^(?!.*\b(?:sign(?:s|ed|ing)|got|landed|finally)\b[^.]{0,20}\b(?:deal|contract)\b).*(?:\brecord deal\b|\b(?:label|record) (?:deal|contract)\b|\bsign\w* (?:to|with|by) a label\b|"
                         r"\bget\w* signed\b)"),
    "cbrebuild": re.compile(r"\b(?:get\w*|got|stand\w*|pick\w*|back) (?:back )?(?:up|on (?:my|our|your) feet)\b[^.]{0,10}"
                            r"\bafter\b|\blos\w* everything\b|\brock bottom\b|\bfrom (?:the )?ashes\b"),
    "cbdream": re.compile(r"\b(?:never|don'?t) giv\w* up on (?:my |your |our |the |a |his |her |their )?dreams?\b|"
                          r"\bchas\w* (?:my |your |our |the |a )?dreams?\b|"
                          r"\b(?:never|don'?t) stop (?:dreaming|believing)\b|\bfollow\w* (?:my |your )?dreams?\b"),
}
COMEBACK = re.compile("|".join(f"(?:{rx.pattern})" for rx in COMEBACK_STORIES.values()))

# (helper success) success, money and fame, made and not only wished for, each story named however it is said; the
# `success` theme's lines of one story are gated by its name (``writer.NAMED_GATES``): made it after the struggle
# (finally made it, made it big or out, success after years, from the projects to somewhere, the first big check or
# the first million), a house or the debts paid for one's parents, getting rich and its flex (a flex, being rich or a
# millionaire, two of the chains, the cars, the champagne ...), becoming or being famous (fame, the paparazzi, a
# celebrity), the old friends who changed with it, and its price (rich or famous and empty, lonely at the top)
_SX_PARENT = r"(?:my|our) (?:mom|mum|mama|momma|mother|moms|parents|dad|father|pops|grandma|granny|grandmother|family|folks)"
_SX_LUXURY = r"(?:chains?|cars?|champagne|diamonds?|rolex\w*|lambos?|lamborghinis?|ferraris?|bentleys?|designer|mansions?|" \
             r"jewel\w*|yachts?|private jets?|bottles?|watch(?:es)?|ice|drip|bands|racks)"
_SX_WIN = r"(?:rich|famous|fame|money|success\w*|made it|millions?|millionaire|stardom|celebrity|blew up|top)"
SUCCESS_STORIES = {
    "sxmade": re.compile(r"\b(?:finally|we|i|i've|we've|just|really|actually|who|she|he|they) (?:made|make|making) it\b"
                         r"(?! (?:to|through|home|back|in time|on time|out alive|up|work|school|right|happen|"
                         r"for|with))|\bmade it (?:big|out|to the top)\b|\bsuccess (?:after|at last|story)\b|"
                         r"\bfrom (?:the projects|the trap|the hood|the streets|the block|the gutter|a basement|a trailer)"
                         r" to (?:a |the |my )?\w+|\b(?:first|1st) (?:big|real|huge) (?:pay ?check|check|cheque)\b|"
                         r"\bbig (?:pay ?check|check|cheque|payday)\b|"
                         r"\bfirst (?:million|mil|royalty check|plaque)\b"),
    "sxhome": re.compile(rf"\b(?:bu(?:y|ying|ys)|bought|got|gett?ing) {_SX_PARENT}(?:'s)? (?:a |an |the |her |his |"
                         rf"their )?(?:new |big |dream )?(?:house|home|crib|mansion|place)\b|\bpa(?:y|ying|id|ys) off "
                         rf"{_SX_PARENT}(?:'s|s'|')? (?:debts?|mortgage|loans?|bills|house)\b|\bretir\w* {_SX_PARENT}\b"),
    "sxrich": re.compile(r"\b(?:get(?:s|ting)?|got(?:ten)?|becom(?:e|es|ing)|became|being|i'?m|we'?re|so|filthy|"
                         r"new) rich\b(?! in\b)|\brich (?:now|life|lifestyle)\b|\bmillionaires?\b|"
                         r"\bflex(?:in'?|ing)?\b|\bballin[g']?\b|\bnew money\b|\bmoney rain\w*\b|"
                         rf"^(?=(?:.*?\b{_SX_LUXURY}\b){{2}})"),
    "sxfame": re.compile(r"\b(?:becom\w*|became|got|get(?:s|ting)?|being|i'?m|now|so|overnight|suddenly|newly|finally) "
                         r"famous\b|\bfame\b|\bfamous overnight\b|\bovernight (?:fame|success|star\w*)\b|"
                         r"\bcelebrit(?:y|ies)\b|\bstardom\b|\bpaparazzi\b|\bsuperstar\w*\b|\bmade it big\b|"
                         r"\bmy name in (?:the )?lights\b"),
    "sxfriends": re.compile(rf"\b(?:friends?|homies|boys|crew|people|everybody|everyone)\b[^.]{{0,30}}\b(?:chang\w*|"
                            rf"switch\w*|act\w* (?:different|funny)|turn\w*|fake|want\w* something|came around|"
                            rf"c(?:o|a)me back around)\b[^.]{{0,40}}\b{_SX_WIN}\b|\b{_SX_WIN}\b[^.]{{0,40}}\b(?:friends?|"
                            rf"homies|everybody|everyone)\b[^.]{{0,30}}\b(?:chang\w*|switch\w*|different|fake|"
                            rf"want\w* something|came around|show\w* up)\b"),
    "sxlonely": re.compile(rf"\b(?:alone|lonely|lonesome) at the top\b|\bprice of (?:fame|success|being famous)\b|"
                           rf"\b(?:rich|famous|fame|money|success\w*|mansion)\b[^.]{{0,30}}"
                           rf"\b(?:empty|lonely|alone|hollow|miserable|unhappy|numb|no time)\b|\b(?:empty|lonely|hollow|"
                           rf"miserable|unhappy)\b[^.]{{0,30}}\b(?:rich|famous|fame|money|success\w*|mansion)\b"),
}
SUCCESS = re.compile("|".join(f"(?:{rx.pattern})" for rx in SUCCESS_STORIES.values()))
# (helper success) a success only wished for ("wants to be famous", "dreaming of getting rich", "someday I'll make
# it"): the dream theme's, none of the success stories (their lines sing it done); unless it came true
SUCCESS_WISH = re.compile(rf"\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|hop(?:e|es|ed|ing) (?:to|for|i)|"
                          rf"dream(?:s|ed|ing|t)? (?:of|about|to)|long(?:s|ed|ing)? (?:for|to)|pray\w* (?:for|to)|"
                          rf"plan\w* to|try(?:ing)? to|tries to|chas\w*|someday|one day|gonna|going to|will|'ll|could|"
                          rf"might)\b[^.]{{0,30}}?\b(?:famous|fame|rich|riches|mak\w* it|made it|millions?|millionaire|"
                          rf"star|success\w*)\b")
# (helper success) someone else's success told by one of their own ("my dad who made it out of the hood", "my brother
# who got famous"): the success lines are in the voice of the one who made it, so none is named
SUCCESS_OF_KIN = re.compile(r"\b(?:my|our|his|her|their) (?:\w+ ){1,2}who (?:\w+ )?(?:made|make|makes|became|becomes|got|"
                            r"gets|is|was|went)\b")
SUCCESS_DONE = re.compile(r"\b(?:finally|at last|came true|come true|now (?:i'?m|we'?re))\b")

# (helper heritage) a family's migration and heritage: someone of one's own who came to a new country, crossed a
# border or left the old country ("my grandma who came to america with nothing", "my parents who immigrated", "my
# grandparents who left italy on a ship"), the first generation born here, the old country or the homeland, a kin's
# accent, recipes or photos from there, two languages at home (sung by their child or grandchild: ``HERITAGE_KIN``);
# or the singer's own move to a new country alone or with one bag ("moving to canada alone at twenty with one
# suitcase", "i immigrated at nineteen": ``HERITAGE_SELF``)
_COUNTRIES = (r"(?:mexico|the philippines|philippines|italy|ireland|poland|india|china|vietnam|korea|south korea|japan|"
              r"greece|portugal|lebanon|nigeria|ghana|jamaica|haiti|cuba|puerto rico|el salvador|guatemala|honduras|"
              r"nicaragua|colombia|peru|ecuador|the dominican republic|dominican republic|iran|pakistan|bangladesh|"
              r"ukraine|russia|germany|sweden|norway|scotland|somalia|ethiopia|eritrea|syria|iraq|afghanistan|"
              r"cambodia|laos|taiwan|hong kong|brazil|armenia|turkey|egypt|morocco|kenya|sri lanka|nepal|"
              r"the old country|the homeland|(?:his|her|their|our|my) (?:home ?land|home country|country))")
_DEST = (r"(?:america|the (?:us|usa|u\.s\.|states|united states|uk|united kingdom)|this country|a new country|"
         r"another country|a (?:new|strange|foreign) (?:land|country)|canada|australia|new zealand|england|britain|"
         r"ellis island|the new world)")
_HKIN = _KIN.replace("(?:(?:little|", "(?:great[- ])*(?:(?:little|", 1)  # (and "my great-grandparents")
_HER_NOT = r"^(?!.*\b(?:went|gone|moved|flew|going|goes|came|come|comes|coming|got|gets|home) back\b)(?!.*\bback from\b)(?!.*\bmy (?:own )?(?:son|daughter|kids?|children)\b)"
HERITAGE_KIN = re.compile(
    _HER_NOT + r".*?(?:\b(?:immigra\w*|emigra\w*|migrants?|refugees?)\b|"
    r"\bellis island\b|\bfirst[- ]gen(?:eration)?\b|\b(?:second|third)[- ]generation\b|\b(?:child|children|kids?|son|daughter|"
    r"grand\w+) of (?:an? )?(?:immigrants?|refugees?)\b|\bold country\b|\bhome ?land\b|\bmother ?land\b|"
    + _HKIN + _NOT_ME + r"{0,40}?\b(?:came|come|comes|arrived|sailed|crossed|fled|escaped|left|made it|got here)\b"
    r"(?:[^.;]{0,30}?\b(?:" + _DEST + r"|here|over|border|ocean|sea|" + _COUNTRIES + r"|with nothing|one (?:bag|"
    r"suitcase)|on a (?:ship|boat))\b)|"
    + _HKIN + r"(?:'s?)? (?:\w+ ){0,2}(?:accent|mother tongue|native tongue|(?:old )?(?:recipes?|cooking|songs?|"
    r"stories|photos?|pictures?)\b[^.;]{0,20}?\bfrom (?:back home|" + _COUNTRIES + r"))\b|"
    r"\b(?:family|relatives|cousins|grandparents|ancestors|roots)\b[^.;]{0,25}?\b(?:back )?in " + _COUNTRIES + r"\b|"
    r"\bspeak\w* (?!up|out|to|with|my|your|the|of|about|at)\w+ at home\b|\btwo languages\b|\bbilingual\b)")
HERITAGE_SELF = re.compile(
    r"^(?!.*\b(?:my|our) (?:\w+ ){0,2}(?:who|that)\b)(?!.*\b(?:went|gone|moved|flew|going|goes) back\b).*?(?:"
    r"\b(?:i|i've|we) (?:\w+ )?(?:immigrated|emigrated)\b|\b(?:as|being) an? (?:young |new )?(?:immigrant|refugee)\b|"
    r"\b(?:about |me )?(?:moving|coming|emigrating|immigrating|relocating|moved|came)(?: here)? (?:alone |by myself |"
    r"all alone )?to (?:" + _DEST + r"|" + _COUNTRIES + r")\b(?=[^.;]*\b(?:alone|by myself|with nothing|one (?:bag|"
    r"suitcase)|a suitcase|at (?:\d\d|eighteen|nineteen|twenty\w*|seventeen|sixteen)|start(?:ing)? over|better life|"
    r"for good|forever)\b))")
# (helper truth) songs of secrets, lies and promises, each named by its kind however it is said; the `truth` theme's
# lines of one kind are gated by its name (``writer.NAMED_GATES``). A lover who lies (a liar, his excuses, the phone
# face down, stories that don't add up: never a friend's or a kin's lies, which are betrayal's and the family's, nor
# a cheat's, which heartbreak sings), the truth found out, a love kept secret (never a crush not told, nor an
# affair), a secret of one's own kept (from one's family: never a coming out, which pride sings, nor someone else's
# secret, "the secret my grandpa took to his grave"), the truth told at last (never
# "tell me the truth", asked of another, nor a love confessed), a promise to one's child, to oneself, a promise kept
# (to a lover), one broken by someone else (never one's own, which is an apology), payback on an ex.
_TNOT_LIES = (r"^(?!.*\b(?:cheat\w*|affair|friends?|dad|mom|mum|father|mother|parents?|brother|sister|boss|government|"
              r"politicians?|media|news)\b)")
TRUTH_STORIES = {
    "tlies": re.compile(_TNOT_LIES + r".*?(?:\bliars?\b|\blied\b|\blies (?:to|about)\b|\b(?:his|her|your|their|the|"
                        r"all (?:the|your|his|her|those|of (?:the|your|his|her))|little|white|pretty|sweet|same|of|with|"
                        r"and|about|\w+'s) lies\b|\blying (?:to|about|again|through)\b|\b(?:keeps?|kept|stop|quit|caught (?:him|her|"
                        r"you)|been|was|were|is|are|always|still) lying\b|\b(?:his|her|your|\w+'s) (?:\w+ )?excuses\b|"
                        r"\bphones? (?:\w+ ){0,2}face ?down\b|\bstor(?:y|ies) (?:that )?(?:don'?t|doesn'?t|never) "
                        r"add up\b)"),
    "tfound": re.compile(r"^(?!.*\b(?:cheat\w*|affair|adopt\w*|dna|birth (?:mother|father|parents?))\b).*?(?:"
                         r"\b(?:f(?:ind|inds|ound|inding) out|learn(?:ed|s|ing|t)?|discover(?:ed|s|ing)?)\b[^.]{0,30}?"
                         r"\b(?:truth|lies|lying|lied|liar)\b|\b(?:the )?truth (?:comes?|came|coming|finally came) out\b)"),
    "tsecretlove": re.compile(r"^(?!.*\b(?:crush|admirer|unrequited|secretly|affair|cheat\w*)\b).*?(?:\bsecret "
                              r"(?:relationship|romance|love affair|lovers?|girlfriend|boyfriend|wedding|marriage|"
                              r"engagement|dating)\b|\b(?:our|a|my) secret love\b|\bour (?:little )?secret\b|"
                              r"\b(?:nobody|no one) (?:can|could|gets? to|is allowed to|must|will|should) (?:ever )?"
                              r"know about (?:us|our)\b|\bhid(?:e|es|ing|den) (?:our|this|a|my) (?:love|relationship|"
                              r"romance)\b|\bhidden (?:love|relationship|romance)\b|\bsneak(?:s|ing|ed)? around\b|"
                              r"\bkeep(?:s|ing)? (?:us|our (?:love|relationship)) (?:a )?secret\b|\bon the down ?low\b)"),
    "tsecret": re.compile(r"^(?!.*\b(?:crush|admirer|secretly|santa|recipes?|garden|ingredients?|hideout|handshake|"
                          r"agents?|service|society|passage|weapon|gay|queer|lesbian|bisexual|trans|closet|coming out|"
                          r"come out|victoria's)\b)(?!.*\b(?:his|her|their|\w+'s) (?:\w+ )?secrets?\b)(?!.*\bsecrets? (?:that |which )?"
                          r"(?:my|his|her|their|our) \w+)(?!.*\b(?:s?he|they) (?:kept|keeps|hid|hides|had)\b).*?(?:\b(?:a|my|the|one|big|dark|little|family|this|deep|old) "
                          r"secrets?\b(?! (?:relationship|romance|love|lovers?|girlfriend|boyfriend|wedding|marriage|"
                          r"engagement|dating|to|of)\b)|\bsecrets\b(?! (?:to|of)\b)|\b(?:keep(?:s|ing)?|kept|hid(?:e|es|ing)?) (?:it|this|"
                          r"something|the truth) from\b)"),
    "tconfess": re.compile(r"^(?!.*\b(?:how i feel|i love|my feelings|my love)\b).*?(?:\b(?:tell(?:s|ing)?|told|"
                           r"say(?:s|ing)?|said|speak(?:s|ing)?) (?!me\b|us\b)(?:\w+ ){0,3}the truth\b|\bcom(?:e|es|"
                           r"ing) clean\b|\bconfess(?:es|ed|ing)?\b|\bconfession\b|\bown(?:ing)? up\b|\btruth at last\b)"),
    "tpromisekid": re.compile(r"\bpromis\w*\b[^.]{0,30}?\bto (?:my|our) (?:(?:little|baby|newborn|unborn|only|first|"
                              r"oldest|youngest|two|three) )?(?:son|daughter|kids?|children|child|(?:little|baby) "
                              r"(?:boy|girl))s?\b|\b(?:my|our) (?:son|daughter|kids|children)(?:'s)?\b[^.]{0,20}?"
                              r"\bpromis\w*"),
    "tpromiseself": re.compile(r"\bpromis\w*\b[^.]{0,30}?\b(?:to )?myself\b"),
    "tbroken": re.compile(r"^(?!.*\b(?:my promises?|i (?:broke|break|have broken)|i've broken|breaking my)\b).*?(?:"
                          r"\bbroken promises?\b|\bempty promises?\b|\bpromises?\b[^.]{0,30}?\b(?:broke|broken|never "
                          r"kept|didn'?t keep|never keeps?|won'?t keep|couldn'?t keep)\b|\bbr(?:eak|eaks|oke|eaking) "
                          r"(?:all )?(?:\w+ )?promises?\b)"),
    # (a promise of one's own broken is an apology, no promise kept: "breaking my promise to you")
    "tkept": re.compile(r"^(?!.*\b(?:br(?:eak|eaks|oke|oken|eaking)|didn'?t keep|couldn'?t keep|never kept)\b).*?(?:"
                        r"\b(?:keep(?:s|ing)?|kept) (?!his |her |their |your )(?:\w+ ){0,2}promises?\b|\bpromis\w*\b"
                        r"[^.]{0,20}?\bto (?:you|her|him|my (?:wife|husband|girlfriend|boyfriend|fianc\w*|partner|"
                        r"love))\b|\bmy promise to you\b|\bi promise you\b|\bpromise ring\b)"),
    "trevenge": re.compile(r"^(?!.*\b(?:team|game|match|season|rivals?|league)\b).*?(?:\brevenge\b|\bpayback\b|"
                           r"\b(?:get(?:s|ting)?|got) even\b(?! (?:more|better|worse|closer|bigger|stronger|higher|further|farther|"
                           r"harder|though)\b)|\b(?:ex|him|her|boyfriend|girlfriend|husband|wife|cheat\w*|liar)\b.*"
                           r"\bkarma\b|\bkarma\b.*\b(?:ex|him|her|boyfriend|girlfriend|husband|wife|cheat\w*|liar)\b|\bget(?:s|ting)? what'?s coming\b|"
                           r"\bgot what (?:s?he|they|you) deserved?\b|\bkey(?:s|ed|ing)? (?:his|her|your|my \w+'s) "
                           r"(?:car|truck)\b)"),
}
# (one story of each pair: a promise to one's child or to oneself is no lover's kept promise; a love kept secret is
# no other secret)
TRUTH_OVER = {"tpromisekid": "tkept", "tpromiseself": "tkept", "tbroken": "tkept", "tsecretlove": "tsecret"}
TRUTH = re.compile("|".join(f"(?:{rx.pattern})" for rx in TRUTH_STORIES.values()))
# (the stories sung to someone: the liar, the lover, the one told, the child promised, the one who broke it, the ex)
TRUTH_YOU = frozenset({"tlies", "tfound", "tsecretlove", "tconfess", "tpromisekid", "tkept", "tbroken", "trevenge"})
# (helper truth) the one who lies, sung to: "a man who lies about where he's been" is "you", never the singer
LIAR_CLAUSE = r"\b%s,? (?:who|that) (?:\w+ )?(?:lies|lied|is lying|keeps lying|never tells the truth)\b"


# (helper otherworld) Grown-up and teen songs of the uncanny, sung as a story or in character: each moment names the
# lines of its own story in the ``otherworld`` theme (gated by its name, so sung nowhere else). A word of the uncanny
# used of something else names none: "the ghost of you", "a ghost town", "ghosted", "like a zombie", "an energy
# vampire", "feeling like an alien", "it's not the end of the world", "a letter to my younger self" is the younger
# self's alone (no time machine). A song for children keeps its own make-believe (``read_topic``).
_GHOST = (r"(?:(?:\b(?:about|from|as|song|songs|ballad|track|tune|anthem|story|poem)|^) (?:a|an|the|this|two|some) "
          r"(?:\w+ ){0,2}"
          r"|^(?:a|an|the) (?:\w+ )?)(?<!holy )(?:ghosts?|poltergeists?|phantoms?)\b(?! ?(?:of|town|towns|writer)\b)")
_LOVES = r"\b(?:in love|falls? (?:in love|for)|falling (?:in love|for)|fell (?:in love|for)|loves?|crush(?:ing)? on)\b"
_WITCH = r"\b(?:witch(?:es|craft|y)?|coven|sorceress|warlock|enchantress)\b(?! hunt)"
_VAMPIRE = r"(?<!energy )(?<!emotional )\b(?:vampires?|dracula|nosferatu)\b"
# a vampire who is the other one, loved, dated or met by the singer ("in love with a vampire", "my vampire boyfriend",
# "bitten by a vampire"): the human sings, never the vampire's hundred years
_VAMP_OTHER = (r"\b(?:with|by|dating|date|dates|kiss\w*|marr\w*|loves?|loving|my|our|for) (?:a |an |the )?(?:\w+ )?"
               r"vampires?\b")
_ALIEN = (r"(?<!illegal )(?<!like an )(?<!feel an )(?<!feeling an )\baliens?\b(?! (?:in|to) (?:my|this|a|the) (?:own )?"
          r"(?:town|city|country|school|family|world)\b)|\bufos?\b|\bflying saucers?\b|\bextraterrestrials?\b|"
          r"\blittle green men\b|\babduct(?:ed|ion|s)?\b")
_TIME_TRAVEL = (r"\btime[- ]?travel\w*\b|\btime machine\b|\b(?:go(?:es|ing)?|went|travel\w*|sent|send\w*|jump\w*|slip\w*)"
                r" back in time\b|\b(?:go(?:es|ing)?|went|travel\w*|jump\w*) back to the past\b")
OTHERWORLD_MOMENTS = {
    # a ghost, sung as the ghost: the hall at night, the stair, the door that slams, the new folks' sage
    "haunting": re.compile(_GHOST),
    # a ghost in love with one of the living, sung to them: the mirror, the cold beside them, the hand that goes through
    "ghostlove": re.compile(_GHOST + r".*" + _LOVES),
    # a witch, in her voice: the herbs, the cauldron, the cat, the moon, the old words
    "witchery": re.compile(_WITCH),
    # a witch's love spell: the name burned, the lock of hair, "by the full moon you'll be mine"
    "lovespell": re.compile(r"^(?=.*" + _WITCH + r")(?=.*\b(?:love (?:spells?|potions?|charms?)|spells? (?:on|to make|"
                            r"for)|potions?|(?:cast|casts|casting) (?:a |her |his |my )?(?:\w+ )?spells?)\b)"),
    # the witch a village feared: stones at the door, the torches, "I healed their fevers"
    "witchfeared": re.compile(r"^(?=.*" + _WITCH + r")(?=.*\b(?:villages?|villagers|towns?|townsfolk|townspeople|"
                              r"feared|fear|afraid|burn\w*|hunted|trials?|stake|pyre|hanged|outcast|banished|"
                              r"torch(?:es)?|pitchforks?|shunned)\b)"),
    # a vampire, in its voice: no sun for a hundred years, the glass with no one in it, empires outlived
    "undying": re.compile(r"^(?!.*" + _VAMP_OTHER + r").*" + _VAMPIRE),
    # a vampire in love with a mortal, sung to them: the heartbeat across the hall, the cold hands, growing old alone
    "vamplove": re.compile(r"^(?!.*" + _VAMP_OTHER + r").*" + _VAMPIRE + r".*" + _LOVES),
    # a vampire loved by the singer, sung to: the cold hands, no one in the glass, gone before the dawn
    "vampbeloved": re.compile(_VAMP_OTHER),
    # after the fall: a zombie apocalypse, the survivors, the empty city (the boarded door, the cans running low)
    "survivors": re.compile(r"(?<!like a )(?<!like )\bzombies?\b(?! mode)|\bundead\b|\bwalking dead\b|"
                            r"\bpost[- ]apocalyptic\b|\bapocalypse\b|\bafter the (?:end of the world|bombs?|outbreak|"
                            r"collapse)\b|\blast (?:people|ones?|two|survivors?|man|woman) (?:alive |left )?on earth\b"),
    # the dead walking: the shuffle down the street, the scratching at the door, "if I get bitten"
    "zombies": re.compile(r"(?<!like a )(?<!like )\bzombies?\b(?! mode)|\bundead\b|\bwalking dead\b"),
    # the world ending now: the last night on earth, the burning sky, the roof, the call home
    "lastnight": re.compile(r"(?<!not the )(?<!like the )(?<!it's the )(?<!like it is the )(?<!after the )\bend of the world\b|"
                            r"\b(?:the )?world (?:is )?end(?:s|ing)\b|\blast (?:night|day|hours?|sunset|sunrise) on "
                            r"(?:earth|the planet)\b|\bdoomsday\b|\barmageddon\b"),
    # lights in the sky, seen: the dogs barking at the sky, the engine dying, nobody believes it
    "visitation": re.compile(_ALIEN),
    # taken up: the beam of light, the silver room, waking in a field with hours gone
    "abduction": re.compile(r"\babduct(?:ed|ion|s)?\b|\b(?:taken|took me|beamed) (?:up|away)\b(?=.*" + _ALIEN + r")"),
    # the visitor who stays, in its own voice: the ship rusting by the shed, the hat, the pie
    "alienvoice": re.compile(r"\b(?:an?|the) (?:\w+ )?(?:alien|extraterrestrial|martian)s? (?:who|that)\b|"
                             r"\b(?:an?|the) (?:\w+ )?(?:alien|extraterrestrial|martian) (?:stranded|living|lost|stuck|"
                             r"falling)\b|"
                             r"\bsung by (?:an?|the) (?:\w+ )?(?:alien|martian)\b|\bas an alien\b|"
                             r"\b(?:alien|martian)'?s? (?:point of view|perspective|pov)\b"),
    # a time traveller's: the dial, the lever, the street younger than one knew
    "timetravel": re.compile(_TIME_TRAVEL),
    # going back to change one day: that morning again, the keys hidden, "this time"
    "changeday": re.compile(r"^(?=.*(?:" + _TIME_TRAVEL + r"))(?=.*\b(?:change|changing|fix|fixing|undo|undoing|stop|"
                            r"stopping|save|saving|prevent\w*|the day (?:i|we|you|she|he)\b)\b)"),
    # meeting (or writing to) one's younger self: "you're sixteen and you think you know", "it gets better"
    "youngerself": re.compile(r"\b(?:my|our|her|his|your) (?:own )?(?:younger|teenage|teen|past|(?:\w+[- ])?year[- ]old|"
                              r"sixteen|seventeen|fifteen|thirteen|fourteen|eighteen) ?self\b|\byounger (?:me|version "
                              r"of (?:me|myself))\b"),
}
OTHERWORLD = re.compile("|".join(f"(?:{rx.pattern})" for rx in OTHERWORLD_MOMENTS.values()))
# the moments sung to someone (the living loved, the mortal, the one a spell is cast on, one's younger self): a "you"
OTHERWORLD_TO_YOU = frozenset({"ghostlove", "vamplove", "vampbeloved", "lovespell", "youngerself"})
# a child a song is for ("for my daughter", "for a little girl"; not "a love potion for the boy next door")
OTHERWORLD_FOR_A_CHILD = re.compile(r"\bfor (?:my|our|his|her|your) (?:little |baby |young |small )?(?:daughter|son|kids?|"
                                    r"children|grandchildren|granddaughter|grandson|niece|nephew|toddler|class|"
                                    r"students)\b|\bfor (?:a|the) (?:little|baby|young|small) (?:girl|boy|one)s?\b")
# the narrower stories inside a moment (a ghost in love, a love spell, the witch feared, a vampire in love, the dead
# walking, the one taken up, the visitor in its own voice, one day changed): their lines (tagged ``owstory``) lead, the
# wider moment's fill in
OTHERWORLD_STORIES = frozenset({"ghostlove", "lovespell", "witchfeared", "vamplove", "zombies", "abduction",
                                "alienvoice", "changeday"})
# (helper apology) songs of apology, regret and forgiveness: the singer's own sorry ("apologizing to my girlfriend after
# our fight", "telling my wife i'm sorry", "asking my dad to forgive me", "i was wrong", "making amends with my brother",
# "a second chance with the woman i let go", "regretting never telling her how i felt", "the apology i never gave my
# grandpa") or the singer forgiving someone ("forgiving my father who walked out", "forgiving a friend who let me
# down"). Never "no regrets", "sorry not sorry", a pity ("feeling sorry for myself"), God's grace (a hymn's, the faith
# theme's) or where a breakup, a betrayal or recovery names the song (their own themes: the sober theme's amends).
APOLOGY = re.compile(
    r"^(?!.*\b(?:no|zero|without|never) regrets?\b)(?!.*\bsorry,? not sorry\b)(?!.*\bsorry for (?:my|your|him|her|them)sel\w*)"
    r".*?(?:"
    r"\bapologi[sz]\w*|\bapolog(?:y|ies)\b|\bsorry\b|\bforgive me\b|\b(?:ask\w*|beg\w*|seek\w*) (?:\w+ ){0,3}(?:for )?forgiveness\b|"
    r"\b(?:i|i'm|i've) (?:was|am|been|got it) (?:so )?wrong\b|\bi'm the one (?:who was|to blame)\b|"
    r"\bmak\w* (?:it|things|this) right\b|\bamends\b|\bregret\w*|\bshould(?: have|'ve) (?:said|told)\b|"
    # (a chance asked of someone, never "a second chance at life": the comeback's)
    r"\b(?:second|one more|another) chance (?:with|from)\b|\b(?:ask\w*|beg\w*|plead\w*) (?:\w+ ){0,3}for (?:a |another |one "
    r"more |a second )(?:second )?chance\b|\b(?:give|gives|gave|giving) (?:me|us) (?:a |one more |another )"
    r"(?:second )?chance\b)")
FORGIVING = re.compile(r"\bforgiv(?:e|es|ing|en)\s+(?!me\b|myself\b|yourself\b|us\b)(?:\w+\s+){0,2}?(?:my|a|an|the|her|him|"
                       r"them|you|your|our|his|their|someone|somebody|people|each other)\b|\bforgiveness\b")
AP_FAITH = re.compile(r"\b(?:god|jesus|christ|lord|grace|gospel|worship|hymn|praise|church|heaven|prayer|savior|"
                      r"saviour|sin|sins|sinned|sinner)\b")
# who is apologised to or forgiven, by their word (``apology_kind``)
_AP_LOVER = r"(?:girlfriend|boyfriend|wife|husband|fianc\w*|partner|girl|boy|woman|man|lover|babe|baby|her|him|ex)"
_AP_PARENT = r"(?:mom|mum|mother|mama|dad|father|papa|daddy|parents|stepdad|stepmom|stepfather|stepmother)"
_AP_CHILD = r"(?:son|daughter|sons|daughters|kids?|children|child|boy|girl)"
_AP_SIB = r"(?:brother|sister|brothers|sisters|sibling|siblings|twin)"
_AP_FRIEND = r"(?:friend|friends|bestie|buddy|pal|bff|mate)"
# a parent who left: walked out, left us, was never there
AP_LEFT = re.compile(r"\b(?:walked out|walk(?:s|ing)? out|left (?:us|me|home|when|the family|mom)|abandon\w*|was never "
                     r"(?:there|around)|wasn'?t (?:there|around)|never came back|ran out on|skipped out)\b")
# a friend who let one down: not there when needed, broke a promise, forgot
AP_LETDOWN = re.compile(r"\b(?:let (?:me|us) down|wasn'?t there|never (?:showed|came|called)|broke (?:a|his|her|their|"
                        r"the) promise|forgot (?:me|my))\b")
# a regret of words never said (a love never told)
AP_UNSAID = re.compile(r"\b(?:never|didn'?t|did not) (?:(?:get to|got to|getting to) )?(?:tell\w*|told|say\w*|said)\b|"
                       r"\bshould(?: have|'ve) (?:said|told)\b")


# the gates ``apology_kind`` names (each a pseudo-theme of ``Topic.themes``: ``writer.NAMED_GATES``)
APOLOGY_GATES = ("apsorry", "apforgive", "aplove", "apparent", "apchild", "apsib", "apfriend", "apgone", "apunsaid",
                 "apchance", "apleft", "apletdown")
AP_WORDS = frozenset("apologize apologise apology sorry forgive forgiveness regret amend amends".split())
SPEECH_ACTS = frozenset("apology apologies amends forgiveness regret regrets".split())
DEATH_WORDS = frozenset("die dead death funeral grave buried passed".split())


# (helper teen) Songs of being a teenager, by the way they are asked for; each kind names its own lines of the ``teen``
# theme (``writer.NAMED_GATES``), and the teen's own voice is kept apart from a parent's (``teen_kinds``).
_TEEN_AGE = r"(?:thirteen|fourteen|fifteen|sixteen|seventeen|1[3-7])"
_TEEN_WORD = (r"\b(?:teen|teens|teenage|teenager|teenagers|high ?school|" + _TEEN_AGE[3:-1] + r")\b")
# a parent's own teenager: "my teenage daughter", "her teenager", "his sixteen year old son"
_MY_TEEN = (r"\b(?:my|our|his|her) (?:\w+ )?(?:teenage (?:sons?|daughters?|kids?|boys?|girls?|children)|teen "
            r"(?:sons?|daughters?|kids?)|teenagers?|" + _TEEN_AGE + r"[- ]years?[- ]old (?:sons?|daughters?|kids?|boys?|"
            r"girls?))\b")
TEEN_KINDS = {
    # being a teenager, in the teen's own voice: being sixteen, parents who don't get it, the slammed bedroom door, the
    # headphones, not a kid and not grown
    "teenlife": re.compile(r"\bbeing (?:a )?(?:teen|teenager|" + _TEEN_AGE[3:-1] + r")\b|\b(?:i'?m|i am|turning) "
                           + _TEEN_AGE + r"\b|\bteen(?:age)? (?:life|angst)\b|\bangsty\b|\b(?:my )?parents (?:just )?"
                           r"(?:don'?t|never|won'?t|can'?t) (?:get|understand|listen)\w*|\bnobody (?:gets|understands) "
                           r"me\b|\bslam\w* (?:my|the) (?:bedroom )?door\b|\bmy bedroom door\b|\bheadphones? (?:on|in)\b|"
                           r"\bnot a (?:kid|child) (?:anymore|any more)\b|\bnot (?:yet )?grown(?: up)?\b"),
    # teenage friendship: the group chat, one's high school or teenage friends
    "teenfriends": re.compile(r"\bgroup ?chats?\b|\b(?:teen|teenage|high ?school) (?:best )?(?:friends?|friendships?|"
                              r"squad|crew)\b"),
    # a first crush at school: the boy behind me in math class, the girl at the next locker
    "teencrush": re.compile(r"^(?=.*\bcrush\b)(?=.*\b(?:class|classes|school|homeroom|lockers?|hallways?|cafeteria|"
                            r"school bus|recess|teen|teenage|sits (?:behind|next to|in front of|beside) me)\b)"),
    # senior year and the last summer before college
    "teensenior": re.compile(r"\bsenior (?:year|prom|trip|summer)\b|\b(?:last|final) (?:summer|days?|weeks?|year) "
                             r"(?:before|of) (?:college|uni|university|senior year|high ?school)\b|\bsummer before "
                             r"college\b"),
    # a teenager's anxiety and pressure: grades, social media, fitting in, comparing oneself
    "teenpressure": re.compile(r"^(?=.*" + _TEEN_WORD + r")(?=.*\b(?:anxiety|anxious|pressure|stress\w*|fit(?:ting)? in|"
                               r"social media|grades|comparing myself)\b)|\bcompar\w* myself to (?:everyone|everybody|"
                               r"people|the girls|the guys|other) (?:\w+ )?online\b"),
    # a parent's own song to their teenager: letting them grow up, the door that stays shut
    "teenparent": re.compile(r"^(?!.*\b(?:driv\w*|dmv|licen[cs]e|permit)\b).*" + _MY_TEEN),
}
TEEN = re.compile("|".join(rx.pattern for rx in TEEN_KINDS.values()))
# A teen's own voice is no grown-up's looking back ("when I was sixteen", "my teenage years", "a reunion").
TEEN_LOOKED_BACK = re.compile(r"\b(?:when i was|when we were|back when|back in|years ago|remember\w*|reunion|used to be|"
                              r"teenage years|again)\b")
TEEN_VOICE = frozenset({"teenlife", "teenfriends", "teencrush", "teensenior", "teenpressure"})


def teen_kinds(named: frozenset, tags: set, low: str) -> tuple[frozenset, set]:
    """(helper teen) The kinds of a teenager's song the description names (``TEEN_KINDS``) and ``teen`` where any is
    kept: a parent's song to their teenager (``teenparent``) sings none of the teen's own lines; a teen's voice is none
    of a grown-up looking back, of a freedom song (sneaking out at sixteen: the freedom theme's) or of a parent's other
    moments; a teenager's pressure is sung sad ("down")."""
    kinds = {n for n in TEEN_KINDS if n in named}
    named = named - TEEN_KINDS.keys()
    if "teenparent" in kinds or named & {"kidgrad", "kidschool", "kidnights", "kidwedding", "kidgrown"}:
        kinds -= TEEN_VOICE
    if kinds & TEEN_VOICE and ("freedom" in named or TEEN_LOOKED_BACK.search(low) or "drivingtest" in named):
        kinds -= TEEN_VOICE
    if "teenparent" in kinds and ("drivingtest" in named or "kidteen" in named and not re.search(r"\bdoors?\b", low)):
        kinds -= {"teenparent"}  # (a teenager who won't talk is the parenthood theme's moment; its door, both)
    if not kinds:
        return named, tags
    if "teenpressure" in kinds:
        kinds -= {"teenlife"}  # ("the pressure of being a teenager": the pressure's lines, not the slammed door's)
        tags = tags | ({"down"} if "up" not in tags else set())
    return named | kinds | {"teen"}, tags


def apology_kind(low: str, singer: str, addressee: str, lost: bool) -> set[str]:
    """(helper apology) The gates of an apology or a forgiveness song (theme ``apology``, every line gated by one):
    ``apsorry`` the singer's own sorry and ``apforgive`` the singer forgiving, with whom: ``aplove`` a lover,
    ``apparent`` a parent (sung by their child), ``apchild`` a child (by their parent: "a dad's apology to his son"),
    ``apsib`` a brother or sister, ``apfriend`` a friend, ``apgone`` one who died (a late apology: never the
    living's "I'm standing at your door"), ``apunsaid`` a regret of words never said, ``apchance`` a second chance
    asked, ``apleft`` a parent who left, ``apletdown`` a friend who let one down."""
    if AP_FAITH.search(low):
        return set()  # God's forgiveness, a hymn's grace: the faith theme's song
    sorry, forgive = bool(APOLOGY.search(low)), bool(FORGIVING.search(low))
    if re.search(r"\b(?:apologi[sz]\w*|(?:said|says|saying) (?:he'?s |she'?s |they'?re )?sorry) to (?:me|us)\b", low):
        sorry, forgive = False, True  # "my dad finally apologized to me": the singer is the one to forgive
    if forgive and not re.search(r"\bforgive me\b|\b(?:ask\w*|beg\w*|seek\w*|for) (?:\w+ ){0,3}(?:to forgive|forgiveness)\b"
                                 r"|\bapologi|\bsorry\b", low):
        sorry = False  # "forgiving my father": he did the wrong; the singer forgives
    if not (sorry or forgive):
        return set()
    who = " ".join((addressee, singer)).lower()
    out = {"apsorry"} if sorry else {"apforgive"}
    if lost:
        out.add("apgone")
    elif re.search(_MYKID.replace("(?:my|our|his|her|their)", "(?:my|our)", 1), low) or re.search(_MYKID, low) and re.search(
            r"\b(?:" + _SINGING_PARENT + r"|i'm a (?:dad|mom|mum|father|mother|parent))(?:'s)?\b", low):
        out.add("apchild")  # "a letter to my son", "a dad's apology to his son": the parent sings to the child
    elif re.search(r"\b" + _AP_PARENT + r"\b", who) or re.search(r"\bmy " + _AP_PARENT + r"\b", low):
        out.add("apparent")
    elif re.search(r"\b" + _AP_SIB + r"\b", who) or re.search(r"\bmy (?:\w+ )?" + _AP_SIB + r"\b", low):
        out.add("apsib")
    elif re.search(r"\b" + _AP_FRIEND + r"\b", low):
        out.add("apfriend")
    elif re.search(r"\b" + _AP_LOVER + r"\b", who) or re.search(r"\b(?:my|the|a|to|telling|tell) " + _AP_LOVER + r"\b|"
                                                                 r"\b(?:her|him) how i felt\b|\bi let (?:her|him) go\b|"
                                                                 r"\b(?:babe|baby|bae)\b", low):
        out.add("aplove")
    if sorry and AP_UNSAID.search(low) and not lost:
        out.add("apunsaid")
        if not re.search(r"\bsorry\b|\bapolog|\bforgive\b|\bwrong\b|\bamends\b", low):
            out.discard("apsorry")  # "regretting never telling her how i felt": a regret, no sorry said to her
    if sorry and re.search(r"\b(?:second|one more|another) chance\b|\b(?:take|took) (?:me|us) back\b|\bi let (?:her|him|you) go\b", low):
        out.add("apchance")
    if forgive and "apparent" in out and AP_LEFT.search(low):
        out.add("apleft")
    if forgive and "apfriend" in out and AP_LETDOWN.search(low):
        out.add("apletdown")
    return out
# (helper lonely) Loneliness as what a song is about, however it is said ("being lonely in a crowded room", "an empty
# apartment and a phone that never rings", "eating alone", "talking to no one all day", "I don't know a single person
# here"): a phrase, never the style word alone ("a lonely song about the night bus" is the bus's song).
LONELY = re.compile(
    r"\b(?:loneliness|lonel(?:y|ier|iest) (?=(?:in|at|on|among|around|since|after|again|all|every|most|when|inside|even|"
    r"and|but|without)\b)|(?:being|feel(?:s|ing)?|felt|so|am|i'm|gets?|getting|got|too|always|still|been|so damn) "
    r"(?:so |really |very |kinda |a bit |pretty |all )?(?:lonely|lonesome|alone\b(?! with))|alone in (?:a|the|this|an) "
    r"(?:crowd|crowded|full|city|world)|(?:eat(?:s|ing)?|ate|din(?:e|es|ing)) (?:\w+ )?alone|"
    r"(?:talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?) to (?:no ?one|nobody)|(?:not|n't|never|without) (?:talk(?:s|ing|ed)?|"
    r"spok(?:en|e)|speak(?:ing)?|see(?:n|ing)?|saw|hear(?:d|ing)? from) (?:to )?(?:anyone|anybody|a soul|a single)|"
    r"(?:don't|do not|didn't|doesn't) know (?:a single (?:person|soul)|anyone|anybody|a soul)|(?:phone|it) (?:that )?"
    r"never rings|(?:no ?one|nobody) (?:ever )?(?:calls|texts|to talk to|to call)|all my friends (?:moved on|are gone|left|"
    r"drifted|got married)|empty (?:apartment|flat|studio)s?|"
    # (lonely nights in the plural are loneliness itself; "a lonely night in a motel" is the road's)
    r"lonel(?:y|ier) (?:nights|days|weekends|evenings|sundays|hours|years)\b)")
# What the lonely song is (``lonely_kinds``): among people (a crowd, a party), in a new place where one knows no one,
# reaching out of it (calling someone, asking for help, saying hello), eating alone, working from home, friends gone
# on to their lives: each its own lines' gate.
LONELY_KINDS = {
    "lonelycrowd": re.compile(r"\b(?:crowd\w*|party|parties|club|bar|concert|festival|wedding|full of people|(?:everyone|people) "
                              r"around|with people|among people|surrounded|room full)\b"),
    "lonelycity": re.compile(NEW_PLACE.pattern + r"|\b(?:first (?:night|week|month|day|weekend)s? in|moved to|moving to|"
                             r"(?:don't|do not|didn't) know (?:a single (?:person|soul)|anyone|anybody|a soul))\b"),
    "lonelyreach": re.compile(r"\b(?:reach(?:es|ed|ing)? out|call(?:s|ed|ing)? (?:an? |my |some)?(?:old )?(?:friend|someone|"
                              r"somebody|mom|mum|mother|dad|father|sister|brother)|ask(?:s|ed|ing)? for help|open(?:s|ed|ing)? "
                              r"up|talk(?:s|ed|ing)? to (?:someone|somebody|a friend)|get(?:ting)? through|mak(?:e|es|ing) "
                              r"(?:new )?friends|say(?:s|ing)? hello)\b"),
    "lonelyeat": re.compile(r"\b(?:eat(?:s|ing)?|ate|din(?:e|es|ing)|dinners?|lunch|breakfast|supper|meals?|table for one|"
                            r"takeout)\b"),
    "lonelywork": re.compile(r"\b(?:work(?:s|ing|ed)? (?:from|at) home|remote work\w*|wfh|home office|zoom calls?)\b"),
    "lonelyfriends": re.compile(r"\bfriends (?:(?:all |have |had )?(?:moved on|moved away|got married|getting married|have kids|"
                                r"drifted|are gone|left|settled down))|\bno friends\b|\blost (?:all )?(?:my )?friends\b"),
}
# (helper causes) Songs about causes, each named by its phrases, never by a word of another sense ("save the world" is a
# hero's, "peace and quiet" a calm day's, "stand up for myself" a fighter's): climate change and the planet (the
# summers hotter, the melting ice, wildfire smoke, the earth taken care of), racism and equality (judged by skin or
# name, the same inside, civil rights), peace against war (anti-war, laying down arms), and standing up for someone
# (a bullied kid).  Which lines a song sings: ``cause_kinds``.
CAUSES = {
    "climate": re.compile(
        r"\b(?:climate|global warming|greenhouse gas\w*|carbon footprint|emissions|fossil fuels?|pollution|recycl\w*|"
        r"(?:the )?environment(?:al)?|earth day|mother earth|planet earth|"
        r"(?:sav|heal|protect|help|clean)(?:e|es|ed|ing|s)? (?:up )?(?:the|our|this) (?:planet|earth)|"
        r"tak(?:e|es|ing) care of (?:the|our|this) (?:planet|earth)|"
        r"(?:ice|glaciers?|ice ?caps?|polar ice|sea ice) (?:is |are )?(?:melting|melts?|disappearing|vanishing)|"
        r"melting (?:ice|glaciers?|ice ?caps?|poles)|(?:summers?|world|planet|earth|it) (?:is |are |keeps? )?"
        r"(?:getting|growing) (?:hotter|warmer)|hotter every (?:year|summer)|rising (?:seas|sea levels?|oceans?)|"
        r"sea levels? (?:is |are )?rising|wildfire smoke|smoke from the (?:wild)?fires|polar bears?)\b"),
    "equality": re.compile(
        r"\b(?:racis[mt]\w*|equality|equal rights|civil rights|prejudice\w*|discriminat\w*|segregat\w*|"
        r"black lives matter|judged by (?:the colou?r of )?(?:my|our|your|his|her|their) (?:skin|colou?r|name|race)|"
        r"colou?r of (?:my|our|your|his|her|their) skin|skin colou?r|no matter (?:what )?(?:colou?r|race)|"
        r"(?:all|we're all|we are all) the same (?:on the )?inside|diversity)\b"),
    "peace": re.compile(
        r"\b(?:anti[- ]?war|world peace|peace on earth|peace (?:song|anthem|ballad|march|protest|rally)|"
        r"songs? (?:for|about|of) peace(?! and quiet| of mind)|lay(?:s|ing)? down (?:(?:their|our|your|the|all|his|her|my) )?(?:arms|weapons|guns|"
        r"swords)|end (?:the|all|this|every) wars?|no more wars?|stop (?:the|this|all) wars?|ceasefire)\b"),
    "standup": re.compile(
        r"\b(?:(?:stand|stands|standing|stood|speak|speaks|speaking|spoke|stick|sticks|sticking|stuck) up for "
        r"(?!(?:myself|yourself|himself|herself|ourselves|themselves|itself|what|your ?self|my ?self|the truth|"
        r"(?:my|your|our|his|her|their) (?:self|rights|beliefs|dreams)|freedom|justice|love)\b)"
        r"(?:the|a|an|my|our|your|his|her|their|that|this|every|some|him|her|them|those|each)\b)"),
}
# (helper lonely) Hope as what a song is about: after a hard time ("hope after a really hard year", "the light coming
# back", "better days ahead"), thanks for small things ("thankful for the simple things in life"), and a good easy day
# ("good vibes and sunshine", "a sunny afternoon with nowhere to be"); never the style word ("a hopeful song about my
# grandmother's garden" is the garden's song).
HOPE_KINDS = {
    "hopeafter": re.compile(
        r"\b(?:(?:about|of|finding|find|found|full of|bring(?:s|ing)?|giv(?:e|es|ing)|keep(?:s|ing)?|there(?:'s| is)|"
        r"still|new|a little|holding on to|hold(?:ing)? on to|never lose|losing) hope|^hope$|hope (?:after|in|through|"
        r"again|for (?:the|a) (?:future|better))|better days|brighter days|good days (?:ahead|are coming|again|to come)|"
        r"(?:light|sun|sunshine) (?:is |will |comes |came )?(?:coming |come )?back|light at the end of the tunnel|"
        r"(?:things|it) (?:will |are |is )?(?:gets?|getting) better|silver lining|brighter tomorrow|"
        r"sun(?: will|'ll)? (?:come out|shine) (?:again|tomorrow)|"
        r"(?:after|through|out of) (?:a|the|my|this|that) (?:\w+ ){0,2}(?:hard|rough|tough|dark|darkest|hardest|worst|"
        r"bad|difficult) (?:year|years|time|times|winter|season|months|days|week|weeks|patch|chapter|stretch))\b"),
    "hopethanks": re.compile(
        r"\b(?:(?:grateful|thankful|gratitude)(?: for)? (?:the |all the |these |my )?(?:simple|little|small|everyday|"
        r"good) things|(?:grateful|thankful|gratitude) for (?:life|every day|each day|today|being alive|what i have|"
        r"it all|this life|everything)|(?:simple|little|small) things in life|count(?:s|ing)? (?:my |your |our )?"
        r"blessings|song of gratitude|gratitude song|about gratitude)\b"),
    "hopesun": re.compile(
        r"\b(?:good vibes|(?:summer|sunny|positive|happy|feel[- ]good|sunday) vibes|(?<!my )(?<!little )sunshine|"
        r"sunny (?:day|afternoon|morning|weekend|saturday|sunday)|(?:a )?(?:free|lazy|perfect|beautiful|lovely|good) "
        r"(?:afternoon|sunday|saturday)|nowhere to be)\b"),
}
# (lead, sixteenth session) one's parents or grandparents as a couple, and their years together: "watching my parents
# dance at their anniversary", "a song for my grandparents' fiftieth anniversary", "my mom and dad still in love"
KIN_COUPLE = re.compile(r"^(?=.*\b(?:my|our) (?:(?:mom|mum|mama|mother) and (?:dad|daddy|papa|father)|(?:dad|father) and "
                        r"(?:mom|mum|mama|mother)|(?:grand)?parents|grandma and grandpa|grandpa and grandma|nana and "
                        r"(?:papa|grandpa|pop)|gran and grandad)\b)(?=.*\b(?:anniversary|married|marriage|love story|"
                        r"(?:still|so|fell) in love|dance|dancing|danced|holding hands|hold hands|vows|years together|"
                        r"golden)\b)")
KIN_COUPLE_TITLES = ("Still Dancing", "All These Years")  # (a second draw sings the second)
# A description that gives its own title ("a pop song called Liar"): a story's own titles do not go before it. (Broad:
# "a horse named Blue" counts too.)
TITLE_GIVEN = re.compile(r"\b(?:called|titled|named)\b")
THEME_PHRASES = {
    "letdown": CALLED_OFF,
    "hustle": re.compile(r"\b(?:(?:com(?:e|es|ing)|came) up from|from (?:nothing|the bottom)|rags to riches|"
                         r"(?:i'm|we're|so|flat|dead|always) broke|rent(?: is)? due|paycheck to paycheck)\b"),
    "homesick": re.compile(r"\b(?:(?:miss(?:es|ed|ing)?|far (?:away )?from|long(?:s|ed|ing)? for) (?:my |our )?"
                           r"(?:home|hometown)\b|homesick|homecoming|(?:coming|going|back) home after (?:\w+ )?(?:years?|"
                           r"months?|so long)|years away)"),
    # a friend who turned: "stabbed me in the back", "sold me out", "stole my girlfriend", "fake friends"
    "betrayal": re.compile(r"\b(?:stab(?:s|bed|bing)? (?:me |us )?in the back|back ?stab\w*|s(?:old|ell|ells|elling) "
                           r"(?:me|us) out|turn(?:s|ed|ing)? (?:on|against) (?:me|us)|st(?:ole|eal|eals|ealing) my "
                           r"(?:girl|girlfriend|boyfriend|man|woman|wife|husband|partner)|fake friends?|two[- ]faced|"
                           r"betray\w*|traitors?)\b"),
    # parents splitting up, seen by their child: "my parents' divorce", "when mom and dad split up"
    "splitup": re.compile(r"\b(?:(?:my |our )?parents'? (?:\w+ )?(?:divorc\w*|split\w*|separat\w*|break ?up|broke up)|"
                          r"(?:divorc\w*|split\w*|separat\w*) (?:of )?(?:my |our )?parents|(?:mom|mum|dad|mother|"
                          r"father) and (?:mom|mum|dad|mother|father|me) (?:\w+ )?(?:divorc\w*|split\w*|separat\w*)|"
                          r"(?:dad|mom|mum|father|mother) moved out|two houses|custody)"),
    # standing up again: "never give up", "stronger after everything", "loving myself", "back on my feet"
    "strength": re.compile(r"\b(?:never give up|don'?t give up|(?:lov\w*|believ\w* in|find\w*|accept\w*) (?:my|your)self|"
                           r"self[- ](?:love|worth|esteem)|glow[- ]?up|stronger (?:now|than|after)|rise above|against (?:all )?"
                           r"the odds|keep(?:s|ing)? (?:on )?going|back on my feet)\b"),
    # a love of oneself is no love song (a pseudo-theme: it only rules the lover's lines out)
    "selflove": re.compile(r"\b(?:(?:lov\w*|accept\w*) (?:my|your)self|self[- ](?:love|worth|esteem))\b|"
                           r"\blov\w* who (?:you|i) (?:are|am)\b|\b(?:lov\w*|accept\w*) (?:my|your) (?:own )?body\b"),
    # a love that hurt: cheating, a toxic or controlling partner
    "heartbreak": re.compile(r"\b(?:toxic|manipulat\w*|gaslight\w*|abusive|narcissis\w*|red flags|cheat(?:s|ed|ing)? on|"
                             r"cheating|cheater|my ex|heartbroken|brokenhearted|broken heart(?:ed)?)\b|" + BREAKUP.pattern),
    # a couple's own story: "the day we met", "growing old together" (no childhood of "growing")
    # (and an anniversary, a fall for someone, an affair: a love song whatever else it names)
    "love": re.compile(r"\b(?:the (?:day|night) we met|when we (?:first )?met|how we met|grow(?:s|ing)? old together|"
                       r"anniversary|f(?:all|alls|alling|ell) (?:in love )?(?:for|with)|in love with|love of my life|"
                       r"affair)\b"),
    # brothers and sisters growing up together: "my brothers", "my little sisters" (not "two brothers fixing an old
    # car": the two sing of the car; one of them alone is sung to or of, in another song: "a birthday song for my
    # sister")
    "siblings": re.compile(r"\b(?:(?:my|our) (?:\w+ )?(?:brothers|sisters|siblings|cousins)|"
                           r"brothers and sisters|brother and (?:i|me)|sister and (?:i|me)|siblings?)\b"),
    # a hometown loved: "my hometown", "small town life", "where I grew up" (leaving it is leaving's: its lines of
    # staying never sing with one who goes)
    "hometown": re.compile(r"\b(?:home ?town|small[- ]town (?:life|living|girl|boy|pride|love|roots|heart|summer|night)s?|"
                           r"where I grew up|the town I grew up in)\b"),
    # a home lost (foreclosed, evicted): no line of mowing its lawn (a pseudo-theme: it rules the house out)
    # (sold by us, or gone to an ex: "the day we sold the house", "my ex who got the house")
    "houselost": re.compile(r"\b(?:los(?:e|es|t|ing) (?:our|my|the|their|his|her) (?:house|home|farm)|foreclos\w*|"
                            r"evict\w*|repossess\w*|homeless|s(?:old|ell|ells|elling) (?:our|my|the|their) "
                            r"(?:old |family |childhood )?(?:house|home|farm|ranch|homestead)|(?:ex|she|he)(?: who)? (?:got|gets|kept|keeps|"
                            r"took|takes) the (?:house|home)|(?:house|home|farm|ranch|homestead) (?:is |was |got )?being "
                            r"sold|(?:house|home|farm|ranch|homestead) (?:got|was|is) sold|sold the (?:\w+ )?(?:house|home|"
                            r"farm|ranch))\b"),
    # a home taken by fire, flood or storm ("my house burning down", "the flood that took our home"): what is left of it
    "homegone": re.compile(r"\b(?:house|home|farm|barn|apartment|cabin|trailer|ranch|homestead|building)s? (?:(?:is|was|"
                           r"got|has|had) )?(?:burn\w*|flood\w*|washed away|swept away|destroyed|blown away|"
                           r"(?:gone|lost) (?:in|to) (?:a |the )?(?:fire|flood|storm|hurricane|tornado|wildfire))\b|"
                           r"\b(?:fire|flood|wildfire|hurricane|tornado|storm|twister|blaze)s? (?:that )?(?:took|destroyed|"
                           r"burned|burnt|flattened|swept|washed|tore|wiped)\b[^.]{0,20}?\b(?:house|home|farm|town|"
                           r"everything)\b"),
    "timepassing": TIME_PASSING,
    # a child's first steps or first words, watched by the parent who sings (lead, fourteenth session)
    "firststeps": re.compile(r"\b(?:first (?:steps?|words?)|learn(?:s|ed|ing)? to walk|(?:starting|started|starts|"
                             r"beginning|began) to walk|tak(?:e|es|ing) (?:her|his|their|my|our) first steps?)\b"),
    # a pet adopted from a shelter (a pseudo-theme: it rules out a child's adoption and a rescue worker's call)
    "petadopt": PET_ADOPTION,
    # an anniversary is the couple's years, not their wedding day (a pseudo-theme: it rules the wedding out)
    "anniversary": re.compile(r"\banniversary\b"),
    # (lead, sixteenth session) one's parents or grandparents as a couple, sung by their child: their anniversary,
    # their dance, their years (the `kincouple` theme; never the couple's own "I'll love you more than today")
    "kincouple": KIN_COUPLE,
    # a love that is not allowed: someone else's partner, an affair (never a couple's open life; a pseudo-theme)
    "forbidden": FORBIDDEN,
    # no sleep: "can't sleep", "up all night", "awake at 3am"
    "night": re.compile(r"\b(?:can'?t sleep|cannot sleep|sleepless|up all night|awake at)\b"),
    # a game at the table: no sport's match ("playing board games with my brother", "family game night"; a pseudo-theme)
    "tablegame": re.compile(r"\b(?:(?:board|card|dice|table|party|word) ?games?|game nights?|(?:play\w*|deal\w*) (?:cards|poker|"
                            r"chess|checkers|monopoly|scrabble|dominoes|bingo)|poker|chess|checkers|monopoly|scrabble)\b"),
    # a love of God is a hymn, no lover's song ("praise song about the love of Jesus"; a pseudo-theme)
    "divine": re.compile(r"\b(?:love of (?:god|jesus|christ|the lord)|(?:god|jesus|christ|the lord)(?:'s)? love|"
                         r"jesus|christ|the lord|savior|saviour)\b"),
    # video games: a gamer's nights, not a sport's match or a video call's distance
    "gaming": re.compile(r"\b(?:video ?games?|gaming|gamers?)\b"),
    # the turn of the year: a countdown to midnight
    "festival": re.compile(rf"\b(?:{NEW_YEAR}|countdown)\b"),
    # chasing a dream: "trying to make it as an artist", "chasing my dreams", "my big break"
    "dream": re.compile(r"\b(?:make it (?:big|as|in)|making it (?:big|as|in)|chas\w* (?:my |the |our )?dreams?|big break|"
                       r"dream(?:s|ed|ing)? (?:of|about) (?:\w+ing|being|becoming)|wants? to (?:be|become) (?:a |an )?"
                       r"(?:star|singer|actor|actress|dancer|rapper|famous))\b"),
    # a working life's end: its song is of the years and the farewell, not of learning ("thirty years of teaching")
    "retirement": re.compile(r"\bretir(?:e|es|ed|ing|ement)\b"),
    # "a love letter to my hometown": the hometown is the song, no lover (a pseudo-theme: it rules love out)
    "loveletter": re.compile(r"\blove (?:letter|song) to (?:my|our|the) (?!(?:\w+ )?(?:wife|husband|girlfriend|boyfriend|"
                             r"love|darling|partner|fianc\w*|sweetheart|man|woman|girl|boy|lover|baby)\b)"),
    "sober": re.compile(r"\b(?:sober|sobriety|rehab|(?:years?|months?|days?) clean|getting clean|"
                        r"(?:quit|quitting|stop|stopped|stopping) (?:drinking|drugs|the bottle))\b"),
    # coming out, being oneself (helper themesa's proposal): "coming out to my parents", "out of the closet"
    "pride": re.compile(r"\bc(?:ome|omes|oming|ame) out (?:to|as|story)\b|\bout of the closet\b|"
                        r"\bbe(?:ing)? (?:your|my)self\b"),
    "newyear": re.compile(rf"\b{NEW_YEAR}\b|\bcountdown to midnight\b"),
    "halloween": re.compile(r"\bhaunted (?:house|mansion|castle)\b"),
    # a holiday's dinner with the relatives, not a holiday away ("christmas dinner", "the family table")
    "thanksgiving": re.compile(r"\b(?:thanksgiving|friendsgiving|(?:holiday|christmas|easter|family) "
                               r"(?:dinner|feast|meal|table))\b"),
    # (helper themesb's findings) a dump truck is a digger's, no breakup's "dump" and no trucker's road; a veteran
    # is home from the war, no letters from the front
    "diggers": re.compile(r"\b(?:dump ?trucks?|cement mixers?|construction (?:site|trucks?|vehicles?))\b"),
    "veteran": re.compile(r"\b(?:veterans?|ptsd|c(?:ame|ome|omes|oming) (?:home|back) from (?:the )?war)\b"),
    # (helper themesc's proposal) expecting a baby: the scan, the nursery, the names; no lullaby to a baby not born
    "expecting": re.compile(r"\b(?:expecting (?:a |our |my |the )?(?:first |second |third |new )?(?:baby|child|kid|twins|"
                            r"little one)|pregnan\w*|ultrasound|sonogram|due date|baby bump|becoming (?:a )?(?:parents?|mom|"
                            r"mum|dad|mother|father)|(?:mom|mum|dad|parents?)[- ]to[- ]be|nursery ready)\b"),
    # a new baby brother or sister, in the older child's voice: no grown siblings' shared past
    "newsibling": re.compile(r"\b(?:new (?:baby )?(?:brother|sister|sibling)|baby (?:brother|sister))\b"),
    # a sleepover or summer camp: no old house of one's own
    "sleepover": re.compile(r"\b(?:sleepover|slumber party|sleepaway camp|summer camp)\b"),
    # a job begun: "my first day as a mail carrier", "first week on the job", "starting a new job" (not "a first
    # day at a new school": a school's)
    "newjob": re.compile(r"\b(?:first (?:day|week|shift|month|morning) (?:as an?|on the job|at (?:the |my )?(?:new )?"
                         r"(?:job|office|work))\b|(?:start\w*|begin\w*|my|a) new job|got (?:the job|hired))"),
    # the power gone ("the night the power went out", "the storm knocked out the power"): the blackout's lines
    "blackout": re.compile(r"\b(?:power (?:went|goes|going|go|is|was) (?:out|off|down)|(?:lost|losing|lose|no) power|"
                           r"(?:knock\w*|cut\w*|took|takes|take) (?:out |off )?(?:the |our )?power|power (?:cut|outage|"
                           r"failure)s?|lights went out all over)\b"),
    # a vehicle that quits (helper bank9's proposal): "my old tractor won't start", "my truck that always breaks down",
    # "a flat tire in the desert"
    "breakdown": re.compile(r"\b(?:car|truck|pickup|tractor|van|jeep|engine|bus|motorcycle|bike)\b[^.,]{0,30}?\b(?:"
                            r"br(?:oke|eaks?|eaking|oken) down|won'?t start|wouldn'?t start|died|quit)\b|\bflat tires?\b|"
                            r"\bran out of gas\b|\bdead battery\b|\bjump[- ]?start\w*|\bbroke down on the\b"),
    # lying under the sky (helper bank9's proposal): "under the stars", "a shooting star", "the milky way"
    "stargazing": re.compile(r"\b(?:shooting|falling) stars?\b|\bmilky way\b|\b(?:under|beneath) the stars\b"),
    # teaching a parent the phone (helper bank9's finding): "my mom learning to send her first text", no heartbreak
    "techhelp": re.compile(rf"\b{_PARENT}\b[^.]{{0,30}}?\b(?:learn\w*|{_TEACHING})\b[^.]{{0,30}}?\b{_DEVICE}|"
                           rf"\b(?:{_TEACHING}) (?:my )?{_PARENT}\b[^.]{{0,30}}?\b{_DEVICE}"),
    # a grown-up back at school: the books and the late nights, no bell at half past three and no locker
    "study": re.compile(r"\b(?:(?:back to|going to|in|starting|start) (?:school|college|university|class(?:es)?)|"
                        r"(?:a |an )?(?:college|university) (?:degree|student)) (?:at |in (?:my|her|his) (?:late |early )?)"
                        r"(?:thirty|forty|fifty|sixty|seventy|thirties|forties|fifties|sixties|[3-9]\d)(?:-\w+)?\b|"
                        r"\b(?:adult|mature|night) (?:student|school|classes|learner)s?\b"),
    # a neighbour ("the old man next door"): "next door" is read as no door (``_tag``), so the phrase names the theme
    "neighbor": re.compile(r"\bnext door\b"),
    # one's own child or sibling doing their thing, watched from the stands ("my little sister scoring her first
    # goal", "my son's first recital"): sung to them, not in the doer's voice
    "proud": re.compile(r"\b(?:my|our) (?:little |baby |big |older |younger |kid |eldest |youngest )?(?:sister|brother|son|"
                        r"daughter|kid|kids|boy|girl|grandson|granddaughter|niece|nephew|child)(?:'s)? (?:first |big |"
                        r"school )?(?:piano |violin |cello |guitar |ballet |dance |band |choir )?(?:scor\w*|win(?:s|ning)?|won|graduat\w*|perform\w*|recital|touchdown|goal|home run|"
                        r"debut|championship|play(?:ing)? (?:in|at) (?:the|her|his|a) (?:big )?(?:game|final|match|"
                        r"recital|concert|play)|(?:first )?(?:game|match|race|concert|play|show|steps))\b"),
    # friends drifting apart: no long-distance screen, no childhood of "growing"
    "drifting": re.compile(r"\b(?:(?:drift\w*|grow\w*|grew) apart|los\w* touch|estranged)\b"),
    # a bus ridden or driven (helper bank14): "the school bus", "the night bus", "a bus driver" (the bus is the song,
    # not where it happens: ``writer.scenery``); "a crush at the bus stop" is no bus song
    "bus": re.compile(r"\b(?:school|night|last|late|early|morning|city) bus(?:es)?\b|\bbus (?:drivers?|rides?|routes?|"
                      r"pass|depot)\b"),
    # the school bus is no school day: no lockers, chalk or bell (a pseudo-theme: it rules the school out)
    "schoolbus": re.compile(r"\bschool bus(?:es)?\b"),
    # moving house (helper bank14): "moving day", "the moving truck", "packing up the house", "moving out of my
    # parents' house", "our first night in the new apartment" (not "moving on", nor "my friend moving to Ohio")
    "movingday": re.compile(r"\bmoving (?:day|house|out|in|truck|van|boxes|company|crew)\b|"
                            r"\bmov(?:e|es|ed|ing) (?:out of|into|in together|in with|house)\b|"
                            r"\b(?:un)?pack(?:s|ed|ing)? (?:up )?(?:the |my |our |all |his |her |their )?(?:old |whole |"
                            r"childhood |family )?(?:house|apartment|home|room|bedroom|boxes|things|stuff|life|flat|place)\b|"
                            r"\b(?:the )?movers\b|\bfirst night (?:in|at) (?:the |my |our |a )?new (?:\w+ )?(?:house|"
                            r"apartment|place|home|flat)\b"),
    # a family reunion or cookout: no class reunion's school bell
    "cookout": re.compile(r"\b(?:family reunion|cook ?out|(?:backyard|family) (?:barbecue|bbq|picnic))\b"),
    # (helper bank13) a board, roller skates or a bmx ridden ("skateboarding through the city", "grinding a rail",
    # "roller skating"): the skater's song, not the city's corner store nor the hustle's grind ("learning to skate" is
    # the learning's, by its keys); skating on ice is no skater's (a pseudo-theme: it rules the skate theme out)
    "skate": re.compile(r"\b(?:skate ?board\w*|skate ?parks?|kick ?flips?|ollies|half ?pipes?|roller ?(?:skat\w*|blad\w*)|bmx|"
                        r"grind\w* (?:a |the |that |down )?(?:hand ?)?rails?)\b"),
    "iceskate": re.compile(r"\b(?:ice|figure)[- ]?skat\w*|\bskat\w* (?:on|across) (?:the |a )?(?:frozen|ice|pond|lake|"
                           r"river|canal)\b|\b(?:ice|hockey) rinks?\b"),
    # ice cream and its kin ("sharing ice cream on the pier", "the ice cream truck"): no winter's ice, no trucker's road
    "icecream": re.compile(r"\b(?:ice[- ]?creams?|soft[- ]serve|sundaes?|gelato|popsicles?|(?:waffle|sugar) "
                           r"cones?|sprinkles on)\b"),
    # a haircut however it is said ("my first haircut", "cutting my hair short", "a barber's life"; not a nail salon):
    # the chair and the clippers, no family's "you taught me everything I know" (hair dyed is the theme's by its keys)
    "haircut": re.compile(r"\b(?:hair ?cuts?|barber\w*|hair ?(?:dresser|stylist|salon)s?|(?<!nail )(?<!tanning )salons?|"
                          r"(?:cut|cuts|cutting|chop\w*|shav\w*|buzz\w*|trim\w*) "
                          r"(?:off )?(?:all )?(?:of )?(?:my|his|her|your|our|their) (?:\w+ )?(?:hair|head|bangs|curls))\b"),
    # barbershop singing is a style of harmony, no haircut (a pseudo-theme: it rules the haircut out)
    "barbershopquartet": re.compile(r"\bbarber ?shop (?:quartets?|harmon\w*|singing|style|music)\b"),
    # a night out with the group, indoors (helper bank11): karaoke, bowling, a pub quiz, the office party (not a
    # Christmas party at home, not a birthday's)
    "nightout": re.compile(r"\b(?:karaoke|bowling|trivia|pub quiz|quiz night|girls?'? night|ladies'? night|night out|"
                           r"nights out|bachelorette|(?:office|work|company|staff|team) "
                           r"(?:christmas |holiday |summer |end of year )?part(?:y|ies)|part(?:y|ies) at (?:the |my )?"
                           r"(?:office|work))\b"),
    # office life (helper bank11): the commute in, the friends one makes at work ("my work bestie")
    "officelife": re.compile(r"\b(?:commut\w* (?:in)?to (?:the office|work)|work (?:friends?|besties?|wife|husband|"
                             r"family)|office (?:friends?|life|crush))\b"),
    # housework (helper bank11): the laundry, the dishes, the vacuum, the trash, a tidy-up (not "cleaning out" a
    # house after a death, not getting clean)
    "chores": re.compile(r"\b(?:laundry|laundromat|washing machine|dishwasher|chores|housework|(?:do|does|doing|did|"
                         r"done|wash|washes|washing|washed) (?:the |my |our |all the )?dishes|washing[- ]up|(?:take|"
                         r"takes|taking|took) (?:out )?the (?:trash|garbage|rubbish|bins?)|vacuum(?:s|ed|ing)? (?:the|my|"
                         r"our)|vacuuming|hoover(?:ed|ing)|hoovers? (?:the|my|our)|mop(?:s|ped|ping) (?:the )?(?:floors?|"
                         r"kitchen)|(?:spring|deep)[- ]clean\w*|clean(?:s|ed|ing)? (?:up )?(?:the|my|our) (?:whole )?"
                         r"(?:house|room|apartment|flat|kitchen|bathroom|place)|tid(?:y|ies|ied|ying) up)\b"),
    # (helper bank16) the fair, a carnival, an amusement park: "the county fair", "at the fair", "the ferris wheel"
    # (not "life's not fair", "a fair fight", "a science fair": "fair" is no key of the theme)
    "fair": re.compile(r"\b(?:county|state|street|village|country|town|summer|fun|local|strawberry|harvest|"
                       r"agricultural) ?fairs?\b|\b(?:at|to|from) the fairs?\b|\bfairgrounds?\b|\bferris wheels?\b|"
                       r"\bcarnivals?\b|\b(?:amusement|theme) parks?\b|\bcotton candy\b|\bcarousels?\b"),
    # (helper bank16) summer camp as a camper or a counselor remembers it: not a camping trip, boot camp or base camp
    "summercamp": re.compile(r"\b(?:summer|sleepaway|sleep-away|bible|church|band|scout) camps?\b|\bcamp counsell?ors?\b|"
                             r"\b(?:at|to|from) camp\b"),
    # (helper bank16) a yard sale, a garage sale, the thrift shop: not "the house is for sale"
    "yardsale": re.compile(r"\b(?:yard|garage|rummage|estate|tag|stoop|jumble) sales?\b|\bthrift(?:ing| shops?| stores?)\b|"
                           r"\bflea markets?\b|\bsecond[- ]?hand (?:shops?|stores?)\b|\bcharity shops?\b"),
    # (helper bank12) a small pet: a goldfish, a hamster, a guinea pig, a pet fish, "my old turtle", "her bunny", "a
    # turtle named Shelly" (not a sea turtle, the Easter bunny, "a rabbit hole" or "like a hamster on a wheel");
    # fireflies and lightning bugs at dusk; a kite flown (never "high as a kite", nor kitesurfing)
    "smallpet": re.compile(r"(?<!like a )(?<!like an )(?<!as a )\b(?:gold ?fish|hamsters?|gerbils?|parakeets?|"
                           r"budgies?|cockatiels?|guinea pigs?|fish ?(?:bowl|tank)|pet (?:fish|turtle|tortoise|bunny|"
                           r"rabbit|bird|mouse|mice|rat|frog|lizard)s?|(?:my|our|his|her|their|a pet) (?:[\w']+ )?"
                           r"(?:little |old |baby |pet |new )?(?:turtle|tortoise|bunny|rabbit)s?|(?:turtle|tortoise|"
                           r"bunny|rabbit|fish|bird) (?:named|called))\b"),
    "fireflies": re.compile(r"\b(?:fire ?fl(?:y|ies)|lightning ?bugs?|glow ?worms?)\b"),
    "kite": re.compile(r"(?<!high as a )\bkites?\b(?![- ]?(?:surf|board))"),
    # (helper outdoors) a camping trip, a tent, a campsite, a campfire, marshmallows (not where the song is summer
    # camp's: the camper's cabin and bunk; not a circus, party or wedding tent)
    "camping": re.compile(r"^(?!.*\b(?:(?:summer|sleepaway|sleep-away|bible|church|band|scout) camps?|camp counsell?ors?|"
                          r"(?:at|to|from) camp)\b).*?(?:\bcamping\b|\bcamp(?:s|ed)? (?:out|by|beside|under)\b|"
                          r"(?<!circus )(?<!party )(?<!wedding )(?<!revival )(?<!white )(?<!big )\btents?\b|"
                          r"\bcamp ?(?:sites?|grounds?|fires?)\b|\bmarshmallows?\b|\bs'mores\b|\bsleeping bags?\b)"),
    # a hike, a summit, a mountain climbed; surfing (a surfboard, paddling out, catching waves, wiping out on one; not a
    # surf rock song about something else); skiing and snowboarding (the slopes, the ski lift); a trucker's own road
    "hiking": re.compile(r"\bhik(?:e|es|ed|ing|er|ers)\b|\bsummits?\b|\btrail ?heads?\b|\bswitchbacks?\b|"
                         r"\bbackpacking\b|\b(?:climb\w*|reach\w*|top of) (?:up )?(?:the |a |that )?(?:mountain|peak)s?\b"),
    "surfing": re.compile(r"\bsurf(?:s|ed|ing|ers?|boards?)\b|\bsurf\b(?! ?(?:rock|pop|punk|music|guitar|band))|"
                          r"\bpaddl\w* out\b|\bwip\w* ?out on (?:a |the |my |that )?(?:\w+ )?(?:wave|board)s?\b|"
                          r"\b(?:catch\w*|perfect|big|huge|giant) waves?\b|\bwetsuits?\b"),
    "skiing": re.compile(r"\bski(?:s|ing|er|ers|ed)?\b|\bsnow ?board\w*|\bchair ?lifts?\b|\b(?:on|down|hit\w*) the slopes\b|"
                         r"\bbunny hill\b"),
    "trucker": re.compile(r"\btruck(?:ers?|ing| drivers?| driving)\b|\blong[- ]haul\w*|\bbig rigs?\b|\bsemi[- ]?trucks?\b|"
                          r"\beighteen[- ]wheel\w*|\bcb radio\b"),

    # (helper daily) a child learning to ride is the learning theme's, a motorbike the motorcycle's: no bike ride's
    # lake and paper route (pseudo-themes: they rule the bike theme out)
    "ridelesson": re.compile(r"\b(?:learn\w*|teach\w*|taught|show\w*|help\w*)\b[^.]{0,30}?\bto (?:ride|cycle|pedal)\b|"
                             r"\btraining wheels\b"),
    "motorbike": re.compile(r"\b(?:motor ?(?:bike|cycle)s?|dirt ?bikes?|bikers?|harleys?)\b"),
    "bikerepair": re.compile(r"\b(?:fix\w*|repair\w*|mend\w*|tun\w* up)\b[^.]{0,20}?\b(?:bikes?|bicycles?)\b"),
    # (helper daily) a best friend moving far away, sung by the one who stays: before ("the last night before my best
    # friend moves", "saying goodbye to my best friend at the airport") or after ("since my best friend moved to
    # Australia", "seven hours ahead now"); not a friend helping me move house, nor friends drifting apart
    "farfriend": re.compile(f"(?:{FAR_FRIEND})|(?:{FAR_KIN})"),  # (helper farkin: a friend or one's own family)
    "friendleaving": re.compile(r"^(?!.*\b(?:moved|left|flew|relocated|emigrated|ahead|behind|zones?)\b).*?(?:"
                                + FAR_FRIEND + ")"),
    "friendgone": re.compile(r"^(?=.*\b(?:moved|left|flew|relocated|emigrated|ahead|behind|zones?)\b).*?(?:"
                             + FAR_FRIEND + ")"),
    # (helper farkin) someone of one's own family far away ("my brother who moved to Germany", "my twin sister on the
    # other side of the world"): the far-away theme is the friend's and the kin's; before ("my sister moving to
    # Japan next week") or after ("moved", "lives", "only see on video calls")
    "farkin": re.compile(FAR_KIN),
    "kinleaving": re.compile(r"^(?=.*\b(?:mov(?:e|es|ing)|leav(?:e|es|ing)|fl(?:y|ies|ying)|relocating|emigrating|"
                             r"going|goes)\b)(?!.*\b(?:moved|left|flew|relocated|emigrated|went|gone|lives|living|works|"
                             r"working|stationed|deployed|only)\b)" + FAR_KIN),
    "kingone": re.compile(r"^(?=.*\b(?:moved|left|flew|relocated|emigrated|went|gone|lives|living|works|working|"
                          r"stationed|deployed|serving|only|ahead|behind|zones?|across|overseas|abroad|other side)\b)"
                          r"(?!(?=.*\b(?:mov(?:e|es|ing)|leav(?:e|es|ing)|fl(?:y|ies|ying)|going|goes)\b)"
                          r"(?!.*\b(?:moved|left|flew|relocated|emigrated|went|gone|lives|living|works|working|"
                          r"stationed|deployed|only)\b))" + FAR_KIN),
    # (helper farkin) one's own gone back where they came from ("my mom who went back to the Philippines")
    "kinback": re.compile(r"^(?=.*\b(?:went|go(?:es|ing)?|gone|mov\w*|flew|fl(?:y|ies|ying)|came|com(?:es|ing)) back "
                          r"(?:home )?(?:to|home)\b)" + FAR_KIN),
    # (helper farkin) a child leaving home, sung by the parent: "my son leaving for college", "dropping my kid off at
    # college", "helping my daughter move into her first apartment", "the quiet house after our youngest moved out",
    # "empty nest"; before (``nestleaving``: the car packed, the drop-off, the drive home) or after (``nestgone``: the
    # empty room, the quiet house, the first holiday back); never a child's first day of school
    "emptynest": re.compile(NEST),
    "nestleaving": re.compile(r"^(?!.*\b(?:moved|left|went|gone|empty nest\w*|flew)\b)(?:" + NEST + ")"),
    "nestgone": re.compile(r"^(?=.*\b(?:moved|left|went|gone|empty nest\w*|flew)\b)(?:" + NEST + ")"),
    # (helper daily) working one's way through school: a job and a college, classes or tuition in one description
    # ("working two jobs to pay my way through college", "the night shift before my morning class"), not a child's
    # school day nor a janitor's school
    "workschool": re.compile(rf"\b{_JOB}\b[^.]{{0,50}}?\b{_SCHOOLING}\b|\b{_SCHOOLING}\b[^.]{{0,50}}?\b{_JOB}\b"),
    # (helper daily) a nurse on a children's ward ("a night nurse on the children's ward", "a nurse sings to a little
    # boy in the hospital"), not a nurse coming home to her own kids
    # (helper tributes) a song given to one person in thanks or in memory: thanking, a tribute, a eulogy, "who changed
    # my life", "who got me through", "who did it all", a coach's or a teacher's last season (never "Thanksgiving" nor
    # a maid of honour)
    "tribute": TRIBUTE, "memorial": MEMORIAL,
    # (helper comeback) a motivational or comeback story, and which one
    "comeback": COMEBACK, **COMEBACK_STORIES,
    # (helper success) success, money and fame made (a wish of it is the dream's: ``SUCCESS_WISH`` in read_topic)
    "success": SUCCESS, **SUCCESS_STORIES,
    # (helper heritage) a family's migration: the one who came, sung by their child or grandchild, or the singer's own move
    "heritage": re.compile(f"(?:{HERITAGE_KIN.pattern})|(?:{HERITAGE_SELF.pattern})"),
    "herself": HERITAGE_SELF,
    # (helper tributes) an age turned is a birthday ("my grandma turning 90", "turning sixty")
    "birthday": re.compile(r"\bturn(?:s|ed|ing)? (?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                           r"(?:a|one) hundred)(?:-\w+)?)\b(?! (?:minutes?|hours?|days?|weeks?|degrees?|times?|miles?))"),
    "kidsward": re.compile(r"\b(?:children'?s|kids'?|pediatric|paediatric|peds) (?:ward|hospital|unit|floor|wing|icu)\b|"
                           r"\b(?:nicu|picu)\b|^(?=.*\bnurs\w*\b)(?=.*\b(?:hospital|ward)\b).*(?<!my )(?<!her )(?<!his )"
                           r"(?<!our )(?<!their )\b(?:little (?:boy|girl|one)s?|child|children|kids?|bab(?:y|ies)|toddlers?)\b"),

    # (helper hol) the Fourth of July, however it is written: "the fourth of july", "4th of july", "july 4th",
    # "independence day" (not "my fourth child", nor "financial independence")
    "july4": re.compile(r"\b(?:fourth|4th) of july\b|\bjuly (?:4th|4|fourth)\b|\bindependence day\b"),
    # (helper hol) Christmas morning or Christmas Day: the tree and the paper, no early riser's dew and joggers
    "christmasday": re.compile(r"\b(?:christmas|xmas) (?:morning|day)\b"),

    # (helper hobby) a visit to the dentist or the doctor, a checkup, a shot ("brave at the dentist", "a shot at the
    # doctor", "my son's first checkup"): the patient's chair, no doctor's night on the ward
    "checkup": re.compile(r"\b(?:at|to|from) the (?:doctor|dentist|pediatrician|doctors|dentists)(?:'s)?\b|"
                          r"\b(?:doctor|dentist|dental|pediatrician)(?:'s)? (?:visit|appointment|office|check ?up)s?\b|"
                          r"\bcheck ?ups?\b|\b(?:get\w*|got|gets) (?:a |my |his |her |their |the |our )?(?:flu )?"
                          r"(?:shots?|vaccines?|vaccinations?|jabs?)\b"),
    # (helper hobby) baking at home: "baking bread with my grandma", "the cake I baked", "baking cookies" (a baker's
    # shop, its bell and its four o'clock alarm, is the morning theme's, by its gates)
    "baking": re.compile(r"^(?!.*\bbaker(?:s|y|ies)?\b)[\s\S]*?(?:\bbak(?:e|es|ed|ing) (?:a |an |the |some |my |our |her |his |their |\w+'s )?(?:first |own |"
                         r"\w+ )?(?:cakes?|cookies|bread|pies?|cupcakes?|muffins?|brownies?|loaf|loaves|biscuits|"
                         r"scones)\b|\b(?:cakes?|cookies|bread|pies?|cupcakes?|muffins?) (?:that )?(?:i|we|she|he|you|"
                         r"they) bak(?:e|ed)\b)"),
    # (helper hobby) singing in a choir (the church's gospel choir is faith's too)
    "choir": re.compile(r"\b(?:choirs?|choral)\b"),
    # (helper hobby) a first place of one's own: "my first apartment", "a place of my own", "my own place"
    "newstart": re.compile(r"\b(?:(?:my|our|her|his|their) (?:own|first|very first) (?:own )?(?:place|apartment|flat|"
                           r"studio|home)|(?:place|apartment|flat|studio|home) of (?:my|our|her|his|their) own)\b"),
    # (helper moments) a child just born, sung by its parent: "the first time I held my son", "the day you were born",
    # "my baby's first cry", "your tiny hand around my finger" (not "a lullaby for my newborn nephew": no birth)
    "newborn": NEWBORN,
    # (helper parents) a parent's own voice to their child at one of its moments (``PARENT_MOMENTS``)
    "parenthood": PARENTHOOD, **PARENT_MOMENTS,
    # (helper free) songs of freedom and youth, each kind by its phrases (``_free_named`` keeps those that are the
    # singer's own freedom)
    **FREE_KINDS,
    # (helper truth) a song of secrets, lies or promises, and which one (``TRUTH_STORIES``)
    "truth": TRUTH, **TRUTH_STORIES,
    # (helper otherworld) a grown-up's or a teen's song of the uncanny, by its moment (``OTHERWORLD_MOMENTS``)
    "otherworld": OTHERWORLD, **OTHERWORLD_MOMENTS,
    # (helper moments) a parent with dementia, however it is said: "she doesn't know who I am", "calling me by my
    # aunt's name", "memory care"
    "illness": DEMENTIA,
    # (helper moments) a night in or a lazy morning with one's partner: "movie night on the couch with you", "a rainy
    # sunday in bed with my girlfriend", "waking up next to you", "staying in with my boyfriend"
    # (never "a night in a motel", "all night in the library")
    # (helper lonely) loneliness and hope as subjects; which of their kinds: ``lonely_kinds``
    "lonely": LONELY, "hope": re.compile("|".join(rx.pattern for rx in HOPE_KINDS.values())),
    # (helper causes) climate, equality, peace, standing up for someone (``CAUSES``; their kinds: ``cause_kinds``)
    **CAUSES,
    # (helper teen) songs of being a teenager, each kind by its phrases (``teen_kinds`` keeps the teen's voice apart
    # from a parent's)
    **TEEN_KINDS,
    "nightin": re.compile(r"\b(?:movie nights?|nights? in(?= *(?:$|[,.;!]| with| together| on the| at home| tonight))|"
                          r"stay(?:s|ed|ing)? in (?:with|tonight|all|on (?:a|the))|"
                          r"(?:on|in) (?:the|our) (?:couch|sofa) (?:with|together)|(?:morning|sunday|saturday|day)s? in "
                          r"bed|in bed with (?:my|you)|wak(?:e|es|ing) up (?:next to|beside) (?:you|my|her|him))\b"),
}
# Themes a named one rules out: a child's song of the split is no lover's breakup, nor a praise of parents or home;
# a love of oneself or a love that hurt sings no lover's sweet lines; a retirement sings no lesson learnt; a
# gamer's night is no sport's match and no video call.
THEME_EXCLUDES = {
    "splitup": frozenset({"heartbreak", "love", "family", "house"}),
    "selflove": frozenset({"love"}), "heartbreak": frozenset({"love"}), "loveletter": frozenset({"love"}),
    # a love for someone seen at their work: not sung in their voice (the lifeguard's whistle, the barista's beans at
    # home, "someday I'll work for me")
    "seenlove": frozenset({"swimming", "work", "coffee", "study", "vigil", "waiting", "sport", "heat", "sleepover",
                           "fling", "friendship", "drifting"}),
    # (helper lovers) a best friend loved: not the friendship's "brother I never had"; letters: no vigil for the mail
    "friendlove": frozenset({"friendship", "drifting", "farfriend", "sleepover"}),
    "penlove": frozenset({"friendship", "vigil", "farfriend"}), "nightlove": frozenset({"halloween"}),
    "anniversary": frozenset({"wedding", "festival", "dating"}), "houselost": frozenset({"house", "newstart"}),
    # (lead) the child sings the couple's years: none of a couple's own voice, no single parent's lines of childhood
    "kincouple": frozenset({"love", "dating", "wedding", "dance", "seenlove", "nightlove", "howwemet", "family",
                            "heartbreak", "longing"}),
    "petadopt": frozenset({"adoption", "duty"}),  # ("adopting a rescue dog": no papers signed for a child, no siren)
    # a child's first steps are watched awake: no lullaby, no bedtime, no grown child running down the hall or packing
    "firststeps": frozenset({"lullaby", "bedtime", "expecting", "learning", "emptynest", "family"}),
    # a home burned or flooded is no home kept, no sale, no repair, no summer heat or rain song, no fireside
    "homegone": frozenset({"house", "home", "houselost", "disrepair", "newstart", "heat", "fireside", "storm", "rain",
                           "movingday", "farm"}), "forbidden": frozenset({"friendship", "family", "wedding"}),
    "retirement": frozenset({"learning"}), "love": frozenset({"childhood"}), "gaming": frozenset({"sport", "distance"}),
    "tablegame": frozenset({"sport"}), "divine": frozenset({"love", "dating", "heartbreak"}),
    # the turn of the year is no night song, a haunted house no home, a holiday dinner no holiday away
    "newyear": frozenset({"night"}), "halloween": frozenset({"house"}), "thanksgiving": frozenset({"vacation"}),
    "diggers": frozenset({"heartbreak", "road"}), "veteran": frozenset({"war"}),
    "expecting": frozenset({"family", "lullaby", "bedtime"}), "newsibling": frozenset({"siblings"}),
    # (helper moments) a newborn held is no pregnancy, no older child's new baby, no school, no lesson and no longing
    # ("my baby's first cry": no tears at the window); a night in is no night out or shift
    "newborn": frozenset({"expecting", "newsibling", "school", "learning", "longing", "heartbreak", "childhood", "road",
                          "instrument"}),
    "nightin": frozenset({"work", "nightout", "festival", "halloween", "road"}),
    # (and a parent's dementia, said in a phrase, is no baby's name, no phone lesson, no missing one gone)
    "illness": frozenset({"expecting", "techhelp", "longing", "instrument", "joy"}),
    "sleepover": frozenset({"house", "nature"}), "drifting": frozenset({"distance", "childhood", "friendship"}),
    "cookout": frozenset({"school", "oldflame"}), "study": frozenset({"school", "childhood", "newkid"}),
    # the one watched plays, sings or graduates: no line of siblings growing up, a new baby, or a pupil's own school day
    "proud": frozenset({"siblings", "newsibling", "school", "instrument"}),
    # (helper hobby) a child at the doctor's is no doctor on a night shift; bread baked at home no baker's dawn
    "checkup": frozenset({"duty"}), "baking": frozenset({"morning"}),
    # a parent's first text is no lover's message; a stranded truck no highway song of miles
    "techhelp": frozenset({"heartbreak", "phone", "distance"}), "breakdown": frozenset({"road"}),
    # a rail ground is no hustle; ice skating no skater's; ice cream no winter and its truck no road; a haircut beside
    # a parent is the haircut's song, not the family's stock of lessons
    "skate": frozenset({"hustle"}), "iceskate": frozenset({"skate"}), "icecream": frozenset({"winter", "road"}),
    "haircut": frozenset({"family"}), "barbershopquartet": frozenset({"haircut"}),
    # a night out with coworkers or friends, indoors, is no shift at work, no festival's field, no snow at the window,
    # no match in a stadium (a bowling or quiz team) and no friend's loyalty in general; housework is no mortgage or
    # porch, nor a weekend's night out, nor a day clean of drink, nor the holiday dinner still cooking; the office's
    # coffee machine is no coffee shop or kitchen at dawn
    "nightout": frozenset({"work", "officelife", "festival", "friendship", "winter", "sport"}),
    "chores": frozenset({"house", "weekend", "sober", "thanksgiving"}), "officelife": frozenset({"coffee"}),
    # a moving truck drives no highway miles, packing up a house mows no lawn and plays no hide and seek, and the
    # friends who carry the couch are not drifting apart
    "movingday": frozenset({"road", "house", "childhood", "drifting"}), "schoolbus": frozenset({"school"}),
    # (helper bank16) a ferris wheel ridden is no road's wheel; camp is no hike and its homesick night no city far away
    # (its own lines sing it); a garage sale is no mechanic's garage
    "fair": frozenset({"road"}), "summercamp": frozenset({"nature", "vacation", "homesick"}), "yardsale": frozenset({"repair"}),
    # a small pet is no dog's or cat's (the "pets" theme's tail and paws), no angler's fish, its death no widow's grief
    # (a coat by the door, coffee for two) and its garden, where it hops or is buried, no gardener's roses; fireflies
    # at dusk are no cookout's grill, no storm's lightning, no kids' creepy crawlies, no house's rooms and no
    # grandmother's kitchen
    "smallpet": frozenset({"pets", "fishing", "grief", "garden"}), "fireflies": frozenset({"cookout", "storm", "bugs", "house", "home"}),
    # (helper outdoors) a camping trip is no summer camp's cabin, no sleepover and no hearth's storyteller (the mill
    # pond that froze); a hike is no summer camp nor a keepsake lost; a surfer's wave is no beach day's sandcastle and
    # seashell, no fisherman's sea, no neighbour's wave and no board game; the slopes are no hike in the mud, no
    # autumn's fall, no ride on the road, no gym's lift and no old flame run into; a trucker's kids are no school day
    "camping": frozenset({"summercamp", "sleepover", "fireside"}), "hiking": frozenset({"summercamp", "keepsake"}),
    "surfing": frozenset({"beach", "sea", "neighbor", "tablegame"}),
    "skiing": frozenset({"nature", "seasons", "road", "workout", "oldflame"}),
    "trucker": frozenset({"school", "newkid", "childhood"}),

    # (helper daily) a lesson, a motorbike or a bike mended is no bike ride; a friend far away is no friend drifting, no move of house,
    # no immigrant's own country, no sleepover, no parent's phone and no one leaving town (the friendship theme stays:
    # its shared past); working through college is no child's school day, no new job's first
    # morning and no last loan payment; a children's ward is no kids' song, no family's, no illness in a kin's voice, no
    # closet monster and no dew at morning
    "ridelesson": frozenset({"bike"}), "motorbike": frozenset({"bike"}), "bikerepair": frozenset({"bike"}),
    "farfriend": frozenset({"drifting", "movingday", "abroad", "sleepover", "techhelp", "leaving"}),
    # (helper farkin) someone of one's own far away is no singer's own new country, home or job, no baby sibling, no
    # sailor's sea; a child leaving home is no school day, no student's own dorm or first flat, no drive of one's own
    "farkin": frozenset({"drifting", "movingday", "abroad", "sleepover", "techhelp", "leaving", "homesick", "newstart",
                         "work", "newsibling", "sea", "beach", "distance"}),
    "emptynest": frozenset({"school", "workschool", "newstart", "movingday", "leaving", "road", "trucker", "childhood",
                            "drifting", "homesick", "newkid", "abroad", "newsibling", "distance", "house"}),
    "workschool": frozenset({"school", "childhood", "newkid", "newjob", "payoff"}),
    # (helper comeback) a comeback is sung glad and in the one's own voice: no stage's crowd anthem (an athlete back
    # from an injury is no punk band), no pining for an ex (starting over after a divorce), no mourning (losing weight,
    # losing everything); a grown-up back at school is no child's school day nor a family's stock of lessons; a tryout
    # made is no championship won; the first in the family at college is no cookout
    "comeback": frozenset({"anthem", "heartbreak", "grief", "keepsake", "halloween", "longing"}),
    "cbbackschool": frozenset({"family", "school", "childhood", "newkid"}),
    # (helper success) a success made is no dream of it (the open mic, "someday they'll know my name"), no hustle's
    # grind ahead ("I'm gonna make it out someday"), no money worries, no loan paid off by brown-bag lunches, no stage
    # anthem, no mourning or pining; a house bought for a parent no old family house kept nor a child's stock to a
    # parent; a flex no road trip; fame no staying in one's small town and no city's streets; old friends who changed
    # no loyal friendship nor drifting apart; the price of it no family stock to a child nor a lover's longing
    "success": frozenset({"dream", "hustle", "money", "payoff", "anthem", "grief", "keepsake", "longing", "heartbreak",
                          "halloween", "slots"}),
    "sxhome": frozenset({"house", "home", "disrepair", "newstart", "movingday", "family"}),
    "sxrich": frozenset({"car", "road", "drinking"}),
    "sxfame": frozenset({"hometown", "city"}),
    "sxmade": frozenset({"hometown", "city", "learning", "work"}),  # (the first big paycheck: no shift's time clock)
    "sxfriends": frozenset({"friendship", "drifting", "farfriend", "sleepover", "oldage", "reunion"}),
    "sxlonely": frozenset({"family", "cookout"}),
    "cbtryout": frozenset({"sport", "haircut", "payoff"}), "cbcollege": frozenset({"cookout", "family", "school", "car"}),
    "kidsward": frozenset({"playful", "family", "illness", "bedtime", "morning", "halloween", "school"}),
    # (helper tributes) a tribute is sung to the one it thanks, not in their voice: no nurse's shift, no teacher's day, no
    # old one's bench, no road driven by the one remembered, no crowd's anthem ("a rock anthem for our coach's last
    # season" sings the coach); a memorial sings no friend's present days
    "tribute": frozenset({"duty", "school", "oldage", "road", "trucker", "drivingtest", "learning", "techhelp", "kidsward",
                          "work", "craft", "illness", "anthem"}),
    # (helper heritage) a family's migration sung by their child is no newcomer's own abroad or homesick song, no old
    # one's bench, no school day, no lonely kitchen, no road; one's own move abroad alone keeps the abroad theme's
    "herkin": frozenset({"abroad", "homesick", "oldage", "school", "newkid", "longing", "drifting", "hustle", "road",
                         "heirloom", "study", "retirement", "vacation"}),
    "herself": frozenset({"longing", "movingday", "newstart", "hustle", "drifting", "road"}),
    "birthday": frozenset({"joy"}),  # (an age turned is the birthday's glad song, not any sunny day's)
    "memorial": frozenset({"friendship", "drifting", "sleepover", "farfriend", "school", "childhood", "joy", "nightin"}),

    # (helper lonely) a lonely song sings no party's dance, no friends' good times or wedding toasts, no glad first flat,
    # no move of house, no glad or lazy cosy day (a lofi song's blanket and tea), no New Year's countdown; a song of hope
    # no season's own scenes (a hard winter's cosy snow, summer's coat and hair: its own lines sing the light coming
    # back and the sun), no lover's longing, no countdown of a new year, no church, no mood's stock of a best day
    "lonely": frozenset({"festival", "dance", "friendship", "wedding", "newstart", "movingday", "joy", "sleepover",
                         "farfriend", "nightout", "newyear", "oldflame", "fling", "halloween", "vacation", "cookout",
                         "calm"}),
    "hope": frozenset({"winter", "longing", "newyear", "faith", "seasons", "joy"}),
    # working from home alone is no shift clocked in with a boss and coworkers, nor an office's coffee machine
    "lonelywork": frozenset({"work", "officelife"}),

    # (helper hol) the Fourth's parade is no festival's field nor a pride march, its cookout no cook's kitchen
    "july4": frozenset({"festival", "pride", "food"}), "christmasday": frozenset({"morning"}),

    # (helper truth) a lover's lies, the truth found out, a promise broken, payback: no couple's sweet stock, no friend's
    # betrayal by the snakes in the grass, no breakup's boxes and sweaters (the lies are the song); a secret kept is no
    # family's or cookout's stock, a love kept secret no couple's open life; the truth told to a wife is no love song's
    # kitchen light; a promise to a child keeps the child's own lines, one to oneself no pride parade; "my mom's broken
# promises" are nothing handed down
    "tlies": frozenset({"love", "betrayal", "heartbreak", "oldflame", "phone", "techhelp", "longing", "night", "payoff",
                        "newstart", "newjob"}),
    "tfound": frozenset({"love", "betrayal", "heartbreak", "longing", "payoff", "study", "learning"}),
    "tsecretlove": frozenset({"love", "dating", "friendship"}), "tsecret": frozenset({"family", "cookout", "nostalgia"}),
    "tconfess": frozenset({"love", "payoff", "instrument", "family"}),
    "tbroken": frozenset({"family", "longing", "heartbreak", "love", "repair", "heirloom", "keepsake"}),
    "tkept": frozenset({"love"}),  # (its own lines sing the love: "I said forever at the start")
    "tpromiseself": frozenset({"pride", "road", "train", "movingday", "farfriend", "newstart"}),
    "trevenge": frozenset({"heartbreak", "oldflame", "abroad", "love", "longing", "betrayal"}),
}


# (helper lonely) Where loneliness is another theme's to sing: a love gone or someone dead (heartbreak, grief), home
# missed or far away (homesick, farkin, heritage), one's own first place (newstart, glad), a child gone from home, a
# friend moved away, and a child alone at school (unseen, newkid: these words).
LONELY_ELSEWHERE = frozenset({"heartbreak", "homesick", "newstart", "emptynest", "farkin", "herself", "heritage", "herkin",
                              "farfriend", "houselost", "homegone", "memorial", "newborn"})
LONELY_SCHOOL = frozenset("school class classroom lunchroom cafeteria hallway recess teacher bully bullied bullies bullying "
                          "invisible ignored outcast unseen friendless wallflower outsider overlooked kid".split())
# Hope is faith's where the song is one of faith ("gospel song about hope in hard times"): the faith theme sings it.
HOPE_FAITH = frozenset("gospel worship praise christian god jesus lord pray prayer church faith hymn heaven".split())
DEATH_LEMMAS = frozenset("die dead death funeral grave bury widow".split())
# Hope for someone else ("hope for my son who is struggling"): the hope theme's lines are the singer's own way back.
HOPE_FOR_ANOTHER = re.compile(r"\bhop(?:e|es|ing) (?:for|that) (?:my|our|his|her|their|you|your)\b")
# Hope is another theme's where a story of its own is named: an illness cared for ("the good days and the bad days
# with my father's dementia"), a comeback, a tribute or memorial, a family's migration, a newborn; and a lonely song
# reaching out sings its own turn.
HOPE_ELSEWHERE = frozenset({"illness", "kidsward", "comeback", "tribute", "memorial", "heritage", "newborn", "parenthood",
                            "letdown", "lonely"})


def lonely_kinds(named: frozenset[str], tags: set[str], lemset: set[str], style, low: str) -> tuple[frozenset[str], set[str]]:
    """(helper lonely) The lonely and hope themes named by a phrase (``THEME_PHRASES``), kept only where no other theme
    sings that loneliness or that hope (``LONELY_ELSEWHERE``, ``HOPE_FAITH``, a death), with their kinds added:
    ``LONELY_KINDS`` (and ``lonelyalone``, the plain kind, where none is named) and ``HOPE_KINDS``.  A lonely song is
    sung alone and sad ("alone", "down": no party's or family's table), unless it reaches out or is glad; a song of hope
    is glad ("up") unless it says it is sad."""
    grief = bool(DEATH_LEMMAS & lemset) or bool(PASSED.search(low)) or "lost" in tags
    if "lonely" in named:
        if named & LONELY_ELSEWHERE or lemset & LONELY_SCHOOL or BREAKUP.search(low) or grief:
            named = named - {"lonely"}
        else:
            kinds = {n for n, rx in LONELY_KINDS.items() if rx.search(low)}
            # (the lines of being alone at home, unless the song is the crowd's; each kind's own lines count more:
            # ``writer.STORY_TAGS``)
            named = named | kinds | ({"lonelyalone"} if "lonelycrowd" not in kinds else set())
            tags = tags | kinds | {"alone"} | ({"down"} if "up" not in tags and "lonelyreach" not in kinds else set())
            tags = tags - {"together"}
            if "first" in tags:
                tags = tags | {"no-longtime"}  # a first night: no "I've been telling it for days"
            if "lonelycity" in kinds:
                tags = tags | {"no-belong"}  # a stranger there: no corner store that still knows my name
    if "hope" in named:
        if HOPE_FAITH & (lemset | set(style)) or grief or named & HOPE_ELSEWHERE or HOPE_FOR_ANOTHER.search(low):
            named = named - {"hope"}
        else:
            named = named | {n for n, rx in HOPE_KINDS.items() if rx.search(low)}
            tags = tags | ({"up"} if "down" not in tags else set())
    return named, tags


# (helper band) Playing music in a band or alone before people: the garage band, the first show at a bar or a basement,
# the van on the road, the open mic, busking, the band breaking up and its reunion (``band_kinds``). A band of one's
# own (not a wedding band, a favourite band seen, a marching band), a drummer or a bassist, a busker, an open mic.
BAND_OWN = re.compile(r"\b(?:my|our) (?!favou?rite |fave |wedding |rubber |marching |boy )(?:\w+ )?band\b|"
                      r"\bin a (?:\w+ )?band\b|\bband ?mates?\b|"
                      r"\b(?:garage|punk|rock|indie|cover|bar|touring|country|folk|high school|college|emo|metal|grunge) "
                      r"band\b|\b(?:start\w*|form\w*|join\w*|quit\w*|leav\w*|left) (?:a|the|my|our) (?:new |first )?band\b|"
                      r"\bthe (?:old )?band (?:back|together|broke|break|split|is breaking|is over)|"
                      r"\bband (?:practice|rehearsal|reunion|van|breaking|broke|split)\b|"
                      r"\b(?:our|my|the) (?:drummer|bassist|bass player|singer|lead singer|guitarist)\b(?! boy)")
BAND_KINDS = {
    # the garage band: a band, a drummer or drums, an amp or a jam in the garage; the band started
    "bandgarage": re.compile(r"\bgarage (?:band|rock|punk)\b|\b(?:band|drummer|drums?|drum kit|amps?|jam\w*|bassist)\b"
                             r"[^.]{0,60}\bgarage\b|\bgarage\b[^.]{0,60}\b(?:band|drummer|drums?|drum kit|amps?|"
                             r"jam\w*|bassist)\b|\b(?:start\w*|form\w*) (?:a|my|our) (?:first )?band\b|"
                             r"\bband (?:practice|rehearsal)\b"),
    # a show played at a bar, a club, a basement (the first one, for tips, to ten people)
    "bandshow": re.compile(r"\b(?:first|1st|our|my) (?:real |very first |first )?(?:show|gig)\b|\b(?:basement|house|bar|"
                           r"club|pub|backyard|dive bar) (?:show|gig)s?\b|\bplay(?:s|ed|ing)? (?:a |the |at (?:a |the )?|"
                           r"in (?:a |the )?)(?:\w+ )?(?:dive bar|bar|club|pub|basement|honky[- ]?tonk|show|gig|venue)s?\b|"
                           r"\bfor tips\b|\btip jar\b"),
    # the band on the road: touring, the van, the merch table, floors slept on
    "bandroad": re.compile(r"\b(?:on |the |our |first |a )tour\b(?! (?:guide|of\b))|\btouring\b|\bmerch\b|"
                           r"\bon the road with (?:my|the|our) band\b|\bband\b[^.]{0,40}\bon the road\b|"
                           r"\bon the road\b[^.]{0,40}\bband\b|\b(?:band|tour) van\b|\bvan\b[^.]{0,40}\b(?:shows?|gigs?|"
                           r"tour\w*)\b|\bsleep\w* on (?:floors|couches|strangers)\b"),
    "openmic": re.compile(r"\bopen[- ]?mic\b"),
    # playing in the street for coins: busking, a street musician, the open guitar case
    "busking": re.compile(r"\bbusk\w*\b|\bstreet (?:musician|performer|singer|guitarist|fiddler)s?\b|"
                          r"\b(?:subway|metro|underground) (?:musician|performer|singer|busker)s?\b|\b(?:guitar|violin|"
                          r"fiddle|instrument) case (?:is |lying |wide )?open\b|\bopen (?:guitar|violin|fiddle) case\b|"
                          r"\bplay\w* (?:music |guitar |songs |the fiddle |the violin |for (?:coins|change) )?(?:on|in) "
                          r"the (?:street|subway|sidewalk|square)\b"),
    # the band breaking up, and its reunion (the reunion wins where both are said)
    "bandsplit": re.compile(r"\bband\b[^.]{0,30}\b(?:break\w* up|broke up|splitting|split up|calls? it quits|called it "
                            r"quits|fell apart|falling apart|is over|is done)\b|\b(?:quit\w*|leav\w*|left) (?:the|my|our) "
                            r"band\b|\b(?:break ?up|end|split) of (?:my|our|the) band\b"),
    "bandreunion": re.compile(r"\b(?:band|bandmates)\b[^.]{0,40}\b(?:back together|reunion|reunit\w*)\b|\breunion "
                              r"(?:show|gig|tour)\b|\bget\w* the (?:old )?band back\b"),
}
# (helper band) a guitar, drums or an amp in the garage, with no band: no mechanic's garage all the same
GARAGE_MUSIC = re.compile(r"\b(?:guitars?|drums?|drum kit|amps?|amplifiers?|bass guitar|jam\w*)\b[^.]{0,60}"
                          r"\bgarage\b(?! sale)|"
                          r"\bgarage\b(?! sale)[^.]{0,60}\b(?:guitars?|drums?|drum kit|amps?|amplifiers?|bass guitar|"
                          r"jam\w*)\b")


def band_kinds(low_description: str) -> frozenset[str]:
    """(helper band) The band themes the description names: ``band`` and its kinds (``BAND_KINDS``) where a band of
    one's own is there (``BAND_OWN``) or a kind needs none (a show, the road, the garage, an open mic, busking);
    ``garagemusic`` where a garage holds music but no band (no mechanic's lines)."""
    kinds = {n for n, rx in BAND_KINDS.items() if rx.search(low_description)}
    own = bool(BAND_OWN.search(low_description))
    if not own:
        # a show, the road or the reunion need the band (a "first show" on TV, a "tour" of a city, a "van"); the garage
        # needs a drummer or its band; an open mic and busking stand alone
        kinds -= {"bandreunion", "bandsplit"}
        if not re.search(r"\b(?:play(?:s|ed|ing)?|gigs?|sets?|tips|tip jar|stage|drummer|guitar|amps?|merch|songs|"
                         r"basement|crowd|punk|rock|indie|emo|grunge|metal)\b", low_description):
            kinds -= {"bandshow", "bandroad"}
        if "bandgarage" in kinds and not re.search(r"\b(?:band|drummer|drums|drum kit|bassist|jam\w*)\b",
                                                   low_description):
            kinds.discard("bandgarage")
    if "bandreunion" in kinds:
        kinds.discard("bandsplit")
    if own and "bandsplit" not in kinds:
        kinds.add("bandown")  # (the band's shared lines: the set list taped down, the bass player)
    if not kinds and not own:
        return frozenset({"garagemusic"}) if GARAGE_MUSIC.search(low_description) else frozenset()
    return frozenset(kinds | {"band"})


# (helper band) a band's song is no mechanic's garage, no car, no weekend off work or drinker's bar, no barista's
# coffee shop, no pupil's school or lesson, no commuter's city, bus or train, no learner's instrument or choir, no
# festival crowd, no yard sale, no tradesman's shop
BAND_OUT = frozenset({"repair", "car", "yardsale", "weekend", "bar", "coffee", "school", "learning", "city", "bus",
                      "train", "instrument", "choir", "festival", "morning", "techhelp", "nightout", "workout", "craft"})
# (an open mic or busking is no record deal or tour, an open mic's nerves no waiting room, busking no open mic dreamed;
# the band's van no driver's highway home, the band's end no rock anthem's stage)
THEME_EXCLUDES.update({"band": BAND_OUT, "openmic": frozenset({"gig", "anxiety"}),
                       "busking": frozenset({"gig", "dream"}), "garagemusic": frozenset({"repair", "car", "yardsale"}),
                       "bandroad": frozenset({"road"}), "bandsplit": frozenset({"anthem"})})
# (helper causes) A parent's talk with a child about racism ("a mother having the talk with her young son"): the
# parent's voice to the child.
CAUSE_TALK = re.compile(r"\b(?:mother|mom|mum|mama|momma|father|dad|daddy|papa|parents?)\b.*\b(?:sons?|daughters?|child|"
                        r"children|kids?|boy|girl)\b|\bthe talk\b")
CAUSE_PARENTS = frozenset("mother mom mum mama momma father dad daddy papa parent parents".split())
CAUSE_CHILDREN = frozenset("son sons daughter daughters child children kid kids boy girl".split())
# Styles of faith: an equality song of faith sings its own lines of God's children.
CAUSE_FAITH = frozenset("gospel worship praise christian god jesus lord pray prayer church faith hymn heaven".split())


def cause_kinds(named: frozenset[str], tags: set[str], lemset: set[str], style, low: str,
                for_children: bool) -> tuple[frozenset[str], set[str]]:
    """(helper causes) The kinds of a song about a cause (``CAUSES``), each its lines' gate: ``NAMEkid`` in a song for
    children (planting a seed, the crayons in the box), ``NAMEgrown`` in any other (the smoke, the march, the
    soldiers' mothers); an equality song ``equalitytalk`` where a parent talks to a child, ``equalityfaith`` in a song
    of faith.  A song about a cause is sung to the listener ("you"), never to a lover."""
    causes = named & CAUSES.keys()
    if not causes:
        return named, tags
    kinds = {c + ("kid" if for_children else "grown") for c in causes}
    if "equality" in causes and not for_children:
        if CAUSE_TALK.search(low):
            kinds.add("equalitytalk")
        if CAUSE_FAITH & (lemset | set(style)):
            kinds.add("equalityfaith")
    tags = (set(tags) - {"no-you", "romance"}) | {"no-romance"}
    return named | kinds, tags


def ruled_out(topic: Topic) -> frozenset[str]:
    """The bank themes the description's phrase-named themes rule out (``THEME_EXCLUDES``): no weight, no line."""
    out = frozenset(n for name in topic.themes for n in THEME_EXCLUDES.get(name, ()))
    if "success" in topic.themes and "hustle" in topic.themes:
        # (helper success) a success that names the climb from nothing in the hustle's own words ("coming from nothing
        # and buying my mom a house") keeps the hustle's lines of it beside its own
        out -= {"hustle"}
    return out


def home_of(topic: Topic, bare: str) -> bool:
    """True when the singer is someone of ``bare``'s at home ("a soldier's mother" of "soldier"): sung to as
    "you", never called by that phrase ("the soldier, ...")."""
    return topic.singer.startswith(bare + "'s ")
# Styles a song of nothing else sings as a love song ("a soulful r&b slow jam").
LOVE_STYLES = frozenset("rnb soul soulful sultry jam serenade bachata".split())
# Words that make a song one for children (a kids song, a nursery rhyme, a lullaby).
FOR_CHILDREN = frozenset("kids kids' kid's children children's nursery toddler toddlers lullaby lullabies singalong "
                         "sing-along".split())


def sung_for_children(style, words) -> bool:
    """True for a song for children (a kids song, a nursery rhyme, a lullaby), by its style words or lemmas, or by
    whom it is for or when it is sung ("a song for preschoolers", "a bedtime song": style words only; a "first day of
    kindergarten" may be sung by anyone)."""
    return bool(FOR_CHILDREN & (set(style) | set(words)) or KID_AUDIENCE & set(style))


# (helper fantasy) Style words that make a song one for children: who it is for, when it is sung.
KID_AUDIENCE = frozenset("preschoolers preschool kindergarten kindergartners kindergarteners".split())
# A child by age ("my 5 year old", "for a three-year-old") or a small child it is for ("for a little girl", "for my
# daughter"): with a creature of make-believe (``KID_CREATURES``), a song for children.
KID_AGE = re.compile(r"\b(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?(?:year|yr)s?[- ]olds?\b")
KID_AGE_WORDS = frozenset({"year", "old", "yr", *UNITS[1:11]})  # the words of a child's age ("my 5 year old")
MOOD_WORDS = frozenset(w for ws in MOOD_TAGS.values() for w in ws)  # words of a song's mood ("a fun pirate song")
FOR_A_CHILD = re.compile(r"\bfor (?:my|our|a|the|his|her|your) (?:little |baby |young |small )?(?:daughter|son|girl|boy|"
                         r"kids?|children|grandchildren|granddaughter|grandson|niece|nephew|toddler|class|students)\b")
# Creatures of make-believe a song for children is about: each names its own theme (lines gated by it). The first
# group makes a song one for children by itself (no grown genre said): a unicorn, a mermaid, fairies, a superhero, a
# dinosaur; the rest only with a child it is for ("a kids song about pirates", "a pirate song for my 5 year old").
KID_CREATURES = {
    "pirate": re.compile(r"\bpirates?\b"),
    "robot": re.compile(r"\brobots?\b"),
    "mermaid": re.compile(r"\bmer(?:maids?|m[ae]n)\b"),
    "superhero": re.compile(r"\bsuper ?heroe?s?\b"),
    "unicorn": re.compile(r"\bunicorns?\b"),
    "princess": re.compile(r"\bprincess(?:es)?\b"),
    "knight": re.compile(r"\bknights?\b"),
    "kidmonster": re.compile(r"\bmonsters?\b"),
    "dinosaur": re.compile(r"\b(?:dinosaurs?|dinos?|t[- ]?rex(?:es)?|tyrannosaur\w*|triceratops|stegosaur\w*|brontosaur\w*)\b"),
    "kiddragon": re.compile(r"\bdragons?\b"),
    "rocket": re.compile(r"\b(?:rockets?|rocket ?ships?|spaceships?|space ?ships?)\b"),
    "fairies": re.compile(r"\bfair(?:y|ies)\b(?! ?tales?)"),
}
KID_ONLY_CREATURES = frozenset({"unicorn", "mermaid", "fairies", "superhero", "dinosaur"})
# A monster of a child's room: friendly, silly or furry, in the closet or under the bed (not a monster truck, nor
# "the monster in my head").
FRIENDLY_MONSTER = re.compile(r"\b(?:friendly|nice|silly|little|furry|cuddly|fluffy|shy|kind) monsters?\b|\bmonsters? "
                              r"(?:\w+ ){0,4}(?:closet|wardrobe|under (?:the|my) bed)\b")
# A creature's world is the song: no explorer's stock ("I pack a flashlight and a snack"), no legend's battle, no
# grown-up's party (its own lines sing a pirate's birthday party, in the pirate's voice), no slot line ("for my five
# year old's, I can't forget your face"), sea, forest walk, garden work, dance floor or astronaut, no kids' action song ("hop like a bunny")
# and no closet fears but its own (``ruled_out``).
KID_WORLD_OUT = frozenset("""adventure legend festival newyear oldage oldflame drifting farfriend dream sea beach island
vacation fishing nature hiking camping garden growing dance horse playful school joy calm family friendship space
checkup kite toothfairy halloween bike road night longing sleepover sport zoo birthday slots""".split())
THEME_EXCLUDES.update({n: KID_WORLD_OUT for n in KID_CREATURES})
# (helper parents) a parent's song to their child: no lover's song, no thing handed down ("a mom's love letter"), no
# keepsake; each moment its own: a graduation watched is no school day of one's own, a silent teenager no lover's
# longing, a night shift for the kids no child's Halloween or new kid at school, a new grandmother no kitchen of memory
THEME_EXCLUDES.update({
    "parenthood": frozenset({"love", "heirloom", "keepsake", "vigil", "dating"}),
    "kidgrad": frozenset({"school", "childhood", "learning", "workschool"}),
    "kidteen": frozenset({"longing", "school", "childhood", "heartbreak"}),
    "kidnights": frozenset({"school", "newkid", "halloween", "childhood", "duty", "playful"}),
    "grandbaby": frozenset({"home", "oldage", "learning"}),
    "stayhome": frozenset({"christmas", "night", "routine"}),
    "kidgrown": frozenset({"distance", "farfriend", "longing"}),
})
# (helper free) a freedom song is its own: no march for a cause ("a song about freedom"); "young", "wild" and "teen"
# are no childhood, school day, forest walk or old age; "sick of the rules" is no illness, "breaking free" no lover's
# breakup, "my 9 to 5" no child of nine, "the rat race" no race on a track; living in the moment looks back on
# nothing, and its moment is no glad day's event coming near (the joy theme's "{event} is coming near")
THEME_EXCLUDES.update({
    "freedom": frozenset({"protest", "childhood", "oldage", "newsibling"}),
    "freefeel": frozenset({"nature", "hiking"}),
    "freeyoung": frozenset({"nature", "school", "friendship", "nostalgia", "learning"}),
    "freebreak": frozenset({"heartbreak", "illness", "sport"}),
    "freerebel": frozenset({"illness", "learning"}),
    "freenow": frozenset({"timepassing", "nostalgia", "joy"}),
})
# (helper teen) a teenager's song is its own: no child's tree house or old age; the teen's voice no school bell, no stage
# anthem of a punk style, no family's stock of a small child; the group chat no friend far away or drifting apart; the
# crush no working student's shift or lesson; none a slot's frame ("I keep coming back to my door"); senior year no New Year or working student; the pressure no exam room,
# lesson or instrument; a parent's song to a teenager no small child's family stock, no school day
THEME_EXCLUDES.update({
    "teen": frozenset({"childhood", "oldage", "newsibling", "kidstock", "newkid", "slots"}),
    "teenlife": frozenset({"school", "anthem", "family", "parenthood", "neighbor", "waiting", "learning", "study",
                           "workschool", "home"}),
    "teenfriends": frozenset({"drifting", "farfriend", "sleepover", "workschool", "joy", "school", "friendship"}),
    "teencrush": frozenset({"workschool", "learning", "school", "heartbreak", "study"}),
    "teensenior": frozenset({"workschool", "newyear", "drifting", "anthem", "joy", "friendship"}),
    "teenpressure": frozenset({"anxiety", "learning", "study", "drivingtest", "instrument", "longing", "pride", "school",
                               "workschool"}),
    "teenparent": frozenset({"family", "school", "oldage", "newyear", "neighbor", "waiting", "longing", "drivingtest"}),
})
# (helper otherworld) a story of the uncanny is its own song: no dating app's ghosting, no mourner's empty chair, no
# trick-or-treat (Halloween is the holiday's), no lover's settled kitchen where the love is a spell, a mortal's or a
# ghost's, no astronaut's countdown for a visitor, no road or map for a time machine, no classroom for a younger self
_OW_OUT = frozenset({"dating", "halloween", "anthem", "strength", "anxiety", "hanukkah", "diwali"})
THEME_EXCLUDES.update({
    "otherworld": _OW_OUT,
    "haunting": frozenset({"grief", "house", "disrepair", "heartbreak", "movingday", "newstart", "oldage", "farfriend"}),
    "ghostlove": frozenset({"love", "grief", "movingday", "newstart", "oldage", "farfriend"}),
    "lovespell": frozenset({"love"}),
    "vamplove": frozenset({"love"}),
    "vampbeloved": frozenset({"love"}),
    "undying": frozenset({"nature"}),
    "survivors": frozenset({"drifting", "sleepover", "joy", "farfriend"}),
    "lastnight": frozenset({"longing", "space", "heartbreak", "abroad"}),
    "visitation": frozenset({"space", "rocket"}),
    "timetravel": frozenset({"road", "abroad", "timepassing", "keepsake"}),
    "youngerself": frozenset({"longing", "school"}),
})
# (helper apology) a sorry or a forgiveness is sung low and to one person: no crowd's anthem or stage ("a pop punk song
# ... i was wrong": no "we're gonna shake the walls"), no fighter's strength ("I won't back down"), no night shift, no
# Halloween night, no sport played, no lesson or school day, no walk in the woods ("walked out"), no thing handed
# down; a parent's sorry to a child, or a parent who left, no family's stock of a parent who was always there
THEME_EXCLUDES.update({
    "apology": frozenset({"anthem", "joy", "strength", "comeback", "night", "halloween", "heirloom", "keepsake",
                          "instrument", "gaming", "techhelp", "sport", "school", "nature", "newsibling", "sleepover",
                          "farfriend", "festival", "dance", "learning", "childhood", "dream", "hustle", "workout",
                          "birthday", "wedding"}),  # (a birthday forgotten, a wedding missed: no party sung)
    # (and one still here, wronged or never told, is no one missed or mourned: "I still look for your face"; a late
    # apology to one who died is no widow's table set for one)
    **{n: frozenset({"longing", "grief", "heartbreak"}) for n in ("apparent", "apsib", "apfriend", "apunsaid")},
    # (and one forgiven no family's praise of the parent who was always there: "you kept the porch light burning")
    "apforgive": frozenset({"longing", "grief", "family", "home"}),
    "apchild": frozenset({"family", "playful", "bedtime", "lullaby", "longing", "grief", "heartbreak"}),
    "apleft": frozenset({"family", "home", "longing", "grief"}), "apgone": frozenset({"grief"}),
    # a sorry to a lover is no couple's easy day ("you wear my sweater to the store", "the movie line")
    "aplove": frozenset({"longing", "grief", "love", "nightin", "dating"}),
})
# (helper causes) a song about a cause is its own: no lover's song, no stock of strength or of the stage, no night out,
# no time going by; the planet's no astronaut's earth, no rain or season's scene, no child's summer ("the world our
# children will grow up in"), no storm's candles; equality no church stock (its own lines of God's children), no
# family table; a child's song of it no march; a parent's talk no praise of one's own mother; peace no soldier's own
# letters home; standing up for a bullied kid is no bullied kid's own voice
_CAUSE_OUT = frozenset({"love", "dating", "slots", "timepassing", "anthem", "strength", "night", "bar", "longing",
                        "heartbreak", "joy", "calm", "dream", "hustle", "fling", "nightout"})
THEME_EXCLUDES.update({
    "climate": _CAUSE_OUT | {"space", "rain", "seasons", "storm", "winter", "heat", "newyear", "vacation", "sleepover",
                             "icecream", "homegone", "school", "family", "kidsward", "instrument", "childhood",
                             "nature", "duty", "phone", "work", "payoff", "newstart", "farfriend", "abroad", "vigil"},
    "equality": _CAUSE_OUT | {"tattoo", "expecting", "gig", "techhelp", "sport", "oldage", "horse", "faith", "family",
                              "home", "school", "childhood", "newsibling", "newborn"},
    "equalitykid": frozenset({"protest"}),
    "equalitytalk": frozenset({"protest", "parenthood"}),
    "peace": _CAUSE_OUT | {"war", "family", "home", "fishing", "choir", "thanksgiving", "learning", "instrument", "work"},
    "standup": _CAUSE_OUT | {"unseen", "newkid", "school", "family", "childhood", "vigil", "train", "leaving"},
})
# Genres no children's song is sung in: a "heavy metal song about a dragon" keeps the legend's.
GROWN_STYLES = frozenset("metal punk rap trap drill grunge techno dubstep sexy sultry rnb r&b blues".split())


def _kid_make_believe(low_description: str, style) -> bool:
    """True where a creature of make-believe (``KID_CREATURES``) is sung for a child: one of ``KID_ONLY_CREATURES``,
    or any with a child by age or a small child it is for, or at bedtime; never in a grown genre."""
    if GROWN_STYLES & set(style):
        return False
    found = {n for n, rx in KID_CREATURES.items() if rx.search(low_description)}
    if "fairies" in found and re.search(r"\btooth ?fair", low_description):
        found.discard("fairies")
    if FRIENDLY_MONSTER.search(low_description):
        return True  # a monster who is friendly or lives in the closet is a child's
    return bool(found & KID_ONLY_CREATURES or found and (KID_AGE.search(low_description)
                                                         or FOR_A_CHILD.search(low_description)
                                                         or {"bedtime", "lullaby"} & set(style)))


# A love just met ("meeting someone at a coffee shop", "a summer romance"): no line of a couple long together.
NEW_LOVE = re.compile(r"\b(meet|meets|meeting|met|first date|fling|(?:summer|holiday|vacation) romance|new love|"
                      r"falling for|first love|first kiss|puppy love)\b")
# A love not returned or not told ("secretly in love", "a secret love", "love from afar"): never a couple.
UNTOLD = re.compile(r"\b(secret(ly)?\s+(in\s+)?lov\w*|lov\w*\s+(\w+\s+)?from afar|one[- ]sided|"
                    r"never (?:tell|tells|telling|told) (?:her|him|them|you)|without (?:ever )?telling (?:her|him|them|you))\b")
# A being gone: "passed away", "passed on" (not "passed the exam").
# (and "after she passed", "since my dad passed": passed with no object, bank16; not "she passed the test")
PASSED = re.compile(r"\bpass(ed|es|ing)?\s+(away|on)\b|\b(?:she|he|they|mom|mum|dad|mother|father|grandma|grandpa|"
                    r"grandmother|grandfather|wife|husband) passed\b(?!\s+(?:the|a|an|my|his|her|their|our|your|me|him|"
                    r"us|them|it|by|through|out|over|up|down|\w+ing)\b)")

# The first holiday or birthday without someone ("our first christmas without dad", "the first thanksgiving without my
# grandma"): they are gone (not "a christmas without snow", "a week without my phone")
# A place kept for someone gone: "the empty chair at christmas dinner", "an empty seat at the table".
EMPTY_PLACE = re.compile(r"\bempty (?:chair|seat|place|plate|spot)s? (?:at|by|in|on|around) (?:the |our |my |this )?"
                         r"(?:\w+ )?(?:table|dinner|supper|christmas|thanksgiving|feast|holidays?)\b")
FIRST_WITHOUT = re.compile(r"\bfirst (?:\w+ ){1,2}without (?:my |our |her |his |their )?(?:late |dear |little |big )?"
                           r"(?:mom|mum|mama|mother|dad|father|papa|grandma|grandmother|granny|nana|grandpa|grandfather|"
                           r"husband|wife|son|daughter|brother|sister|baby|aunt|uncle|him|her|them)\b")


ELDERS = frozenset("""grandmother grandfather grandma grandpa granny gran nana nan grandad granddad mother father mom
mum dad mama papa ma pa aunt uncle""".split())
LOSING = re.compile(r"\b(?:los(?:e|es|t|ing)|missing|stolen|st(?:ole|eal\w*)|left (?:it |\w+ )?(?:on|in|at))\b")


def _handed_down(phrases: list[Phrase], description: str) -> bool:
    """True when the description is about an elder's object one keeps ("my grandpa's old pocket knife", "my mom's
    handwriting on old recipe cards", "my grandmother's ring"), a thing handed down: not one lost ("losing my
    grandfather's watch on the train" is the keepsake's), not "my mother's hands" nor "my dad's old truck"."""
    if LOSING.search(description.lower()):
        return False
    for p in phrases:
        owner = p.bare.split("'s ")[0].split()[-1].lower() if "'s " in p.bare else ""
        kept = p.head in KEPT or (p.kind == "thing" and {"h", "e"} & set(lexicon.types(p.head)))
        if p.head in WRITTEN_TO and re.search(r"\b%s (?:to|for) " % p.head, description.lower()):
            continue  # (helper parents) "a mom's love letter to her grown son" is the song, written now: nothing kept
        if owner in ELDERS and kept and p.head not in SPOKEN:
            return True  # a thing one holds or keeps (not "my mother's hands", "my grandfather's alzheimer's")
    return False


# kept, though WordNet holds them no artifact (a car or a truck is its own song: the road, the breakdown, the repair)
KEPT = frozenset("machine ring".split())
WRITTEN_TO = frozenset("letter note poem message".split())  # written to someone: the song itself, no keepsake
SPOKEN = frozenset("story tale joke song advice word voice laugh smile name memory secret prayer".split())  # not a thing


def _loss_tags(description: str, tagged: list[tuple[str, str, str]]) -> set[str]:
    """Facts of a loss the word list cannot see: "my late grandfather" (late before a person or animal,
    not "late at night"), "passed away" or an empty chair at the table make the one named gone (``lost``: no line sings them here);
    a secret or one-sided love is ``alone`` (no line of a couple)."""
    low = description.lower().replace("\u2019", "'")
    out = {"alone"} if UNTOLD.search(low) else set()
    late = any(tok.lower() == "late" and any(pos == "n" and lexicon.kind(lem) in ("person", "animal")
                                             for _, lem, pos in tagged[k + 1:k + 3])
               for k, (tok, _, _) in enumerate(tagged))
    if late or PASSED.search(low) or FIRST_WITHOUT.search(low) or EMPTY_PLACE.search(low):
        out |= {"lost", "down"}
    return out


def _first_register(description: str, tagged: list[tuple[str, str, str]], style: tuple[str, ...],
                    named: frozenset[str]) -> str:
    """Of a description whose words are both glad and sad, the register of the one that comes first: the
    subject is named before its occasion ("getting dumped the night before graduation" is a breakup song,
    "my girlfriend breaking up with me on my birthday" no party).  "" (neither: no line of joy or of
    sorrow) where the style names one register and the words the other ("a happy song about my late dog")."""
    styled = {t for t, ws in MOOD_TAGS.items() if ws & set(style)} & {"up", "down"}
    if len(styled) == 1:
        return ""
    low = description.lower().replace("\u2019", "'")
    at = {"up": len(low), "down": len(low)}
    offset = 0
    for tok, lem, pos in tagged:  # (tokens in order: each found after the one before)
        k = low.find(tok.lower(), offset)
        if k < 0:
            continue
        offset = k + len(tok)
        for mood in at:
            if pos != "f" and lem in TAG_WORDS[mood] and k < at[mood]:
                at[mood] = k
    for rx in (BREAKUP, PASSED, FIRST_WITHOUT, *(THEME_PHRASES[n] for n in ("betrayal", "splitup") if n in named)):
        m = rx.search(low)
        if m:
            at["down"] = min(at["down"], m.start())
    return min(at, key=at.get) if at["up"] != at["down"] else ""


GONE_TO = frozenset("moved moves moving flew flies flying went goes going relocated emigrated".split())


def _elsewhere(tagged: list[tuple[str, str, str]], phrases: list[Phrase], singer: str) -> frozenset[str]:
    """Phrases after "who"/"that" of a person or animal not the singer ("my brother who moved to Canada"):
    where that one is, not where the singer is."""
    low = [t.lower() for t, _, _ in tagged]
    # (and a place by name right after someone not with the singer: "a long distance girlfriend in Australia",
    # "my brother in Canada"; not "with my friends in Paris", where the singer is too)
    there = {tagged[k + 1][0].lower() for k in range(1, len(tagged) - 1)
             if low[k] in ("in", "from") and tagged[k + 1][0][:1].isupper() and tagged[k - 1][2] == "n"
             and lexicon.kind(tagged[k - 1][1]) in ("person", "animal")
             and low[k - 1].removesuffix("'s") not in singer.lower().split()
             and "with" not in low[max(0, k - 4):k - 1]}
    # (and a place by name someone else moved or flew to: "since my best friend moved to Australia")
    there |= {tagged[k + 1][0].lower() for k in range(2, len(tagged) - 1)
              if low[k] == "to" and tagged[k + 1][0][:1].isupper() and low[k - 1] in GONE_TO
              and tagged[k - 2][2] == "n" and lexicon.kind(tagged[k - 2][1]) in ("person", "animal")
              and low[k - 2].removesuffix("'s") not in singer.lower().split()}
    away = frozenset(p.bare for p in phrases if p.bare[:1].isupper() and p.bare.lower().split()[0] in there)
    # (a participle does what "who" does: "my twin sister living on the other side of the world", helper farkin)
    k = next((k for k in range(1, len(tagged)) if low[k] in ("who", "that", "living", "working", "stationed", "based",
                                                            "serving", "deployed") and tagged[k - 1][2] == "n"
              and lexicon.kind(tagged[k - 1][1]) in ("person", "animal")
              and low[k - 1].removesuffix("'s") not in singer.lower().split()), -1)
    if k < 0:
        # (helper tributes) or a clause of its own about someone else: "my uncle's funeral, he drove a truck for forty
        # years" (his years on the road, not the singer's)
        k = next((k for k in range(3, len(tagged) - 1) if low[k] in ("he", "she") and tagged[k + 1][2] == "v"), -1)
    if k < 0:
        return away
    rest = set(low[k + 1:])
    return away | frozenset(p.bare for p in phrases if set(p.bare.lower().split()) <= rest)


# What follows a "last" time that makes it the final one, not the one before this ("the last night on earth", "the
# last day before the world ends"): it is the song's now, never remembered
_FINAL = (("on", "earth"), ("on", "the", "planet"), ("of", "the", "world"), ("before", "the", "world"),
          ("before", "the", "end"), ("before", "it", "ends"))


def _final_one(low: list[str], words: list[str]) -> bool:
    """True where the time ``words`` is followed in the description (``low``) by one of ``_FINAL``."""
    for k in range(len(low) - len(words) + 1):
        if low[k:k + len(words)] == words and any(tuple(low[k + len(words):k + len(words) + len(f)]) == f
                                                  for f in _FINAL):
            return True
    return False


def _gone_by(tagged: list[tuple[str, str, str]], phrases: list[Phrase]) -> frozenset[str]:
    """Times of the description that are over: "last spring", a time a past clause follows
    ("the summer I learned to swim", "the winter we met")."""
    out = set()
    low = [t.lower() for t, _, _ in tagged]
    for p in phrases:
        if p.kind != "time":
            continue
        words = p.bare.lower().split()
        if words[0] == "last" and _final_one(low, words):
            continue  # (helper otherworld) "the last night on earth", "our last day before the world ends": now
        if words[0] in ("last", "past", "previous"):
            out.add(p.bare)
            continue
        for k in range(len(low) - len(words) - 1):
            if low[k:k + len(words)] != words:
                continue
            j = k + len(words)
            if low[j] in ("i", "we", "you", "when") and j + 1 < len(tagged):
                tok, lem, pos = tagged[j + 1]
                if pos == "v" and tok.lower() != lem and not tok.lower().endswith(("ing", "s")):
                    out.add(p.bare)
    return frozenset(out)


def _clock_tags(description: str) -> set[str]:
    """Facts of a time written in digits ("at 3am", "2 a.m.", "11pm"): the small hours are night and
    midnight (no line of the sun rising), the evening is night, the morning day; and a night kept up till sunrise."""
    out = set()
    for hour, half in re.findall(r"\b(\d{1,2})(?::\d\d)?\s*([ap])\.?m\b", description.lower()):
        h = int(hour) % 12 + (12 if half == "p" else 0)
        out |= {"night", "midnight"} if h < 5 else {"day"} if h < 18 else {"night"}
    if re.search(r"\b(?:till|until|til|'til) (?:the )?(?:sunrise|dawn|daybreak|daylight|sun comes up|morning)\b",
                 description.lower()):
        out.add("night")  # (helper free) "out till sunrise", "dancing until dawn": a night, not the day it ends in
    return out


def _mine(setting: str) -> str:
    """A setting in the singer's words: "in her late husband's garden" -> "in my late husband's garden"."""
    return re.sub(r"\b(his|her|their)\b", "my", setting)


# Words before where one is going and is not yet ("on the way to", "rushing to"; not "late for school again", a song
# of school days).
ON_THE_WAY = re.compile(r"^(?:on (?:the|my|our|his|her|their) way to|rushing to|racing to|hurrying to)$")


def _ahead_of(tagged: list[tuple[str, str, str]]) -> frozenset[str]:
    """Nouns of where the description is on its way to and has not reached ("stuck in traffic on the way to my own
    wedding": the wedding; not "on the way home")."""
    low = [t.lower() for t, _, _ in tagged]
    out = set()
    for k in range(len(low)):
        for size in (2, 3, 4, 5):
            if k >= size and ON_THE_WAY.match(" ".join(low[k - size:k])):
                for t, lem, pos in tagged[k:k + 4]:
                    if pos == "n":
                        out.add(lem)
                        break
                    if pos == "v":
                        break
    return frozenset(out)


def _absent(tagged: list[tuple[str, str, str]]) -> frozenset[str]:
    """Nouns the description says are not there ("without a phone", "no money"): no line holds them; and a verb
    someone never does ("a landlord who never fixes anything": no mechanic's lines of fixing)."""
    out = {lem for k, (_, lem, pos) in enumerate(tagged) if pos == "v" and k and tagged[k - 1][0].lower() == "never"}
    # (helper apology) and what is not being done: "ten years of not talking" (no "we talk till half past nine")
    out |= {lem for k, (tok, lem, pos) in enumerate(tagged) if pos == "v" and k and tok.lower().endswith("ing")
            and tagged[k - 1][0].lower() == "not"}
    for k, (tok, _, _) in enumerate(tagged):
        if tok.lower() in ("without", "no"):
            for t, lem, pos in tagged[k + 1:k + 4]:
                if pos == "n":
                    out.add(lem)
                    break
    return frozenset(out)


def _own_verbs(tagged: list[tuple[str, str, str]], verbs: tuple[str, ...], singer: str) -> tuple[str, ...]:
    """The verbs whose subject is the singer: a verb opening the description ("driving home"),
    after "I"/"we" or the singer ("a robot learning to dance": learn, dance), not after another
    subject ("my dog who ran away")."""
    own, subject, seen_verb, object_after = [], "", False, False
    heads = {w.removesuffix("'s") for w in singer.lower().split()}
    for k, (tok, lem, pos) in enumerate(tagged):
        prev = tagged[k - 1][0].lower() if k else ""
        if pos == "n" and tok.lower() in SONG_NOUNS | CORE_GENRES and not subject:
            continue  # "a song about a baker who gets up": the song is no one's subject
        if pos == "n" and prev not in PREPOSITIONS | {"to", "of"}:
            subject = subject or tok.lower().removesuffix("'s")
            object_after = seen_verb  # "singing her baby to sleep": the sleeping is the baby's
        elif pos == "v":
            if (not subject or subject in heads or prev in ("i", "we")) and not (prev == "to" and object_after):
                own.append(lem)
            seen_verb, object_after = True, False
        elif tok.endswith("ing") and k and tagged[k - 1][2] == "n":  # "a mother singing ...": a request word, a verb
            seen_verb, object_after = True, False
            if prev in ("who", "that"):
                subject = "other"
    return tuple(v for v in verbs if v in own)


def _their_verbs(tagged: list[tuple[str, str, str]], verbs: tuple[str, ...], singer: str) -> tuple[str, ...]:
    """The verbs someone else of the description does, right after them: "my dad who drives trucks" (drive),
    "my mom working three jobs" (work); not "my grandmother teaching me to bake" (done with the singer)."""
    heads = {w.removesuffix("'s") for w in singer.lower().split()}
    out = []
    for k, (tok, lem, pos) in enumerate(tagged):
        if lem not in verbs or not (pos == "v" or tok.endswith("ing")):
            continue
        if k + 1 < len(tagged) and tagged[k + 1][0].lower() in ("me", "us"):
            continue  # "my dad teaching me to fish": done with the singer, whose lines they are too
        j = k - 1
        while j > 0 and tagged[j][0].lower() in ("who", "that", *ADVERBS):
            j -= 1
        if j >= 0 and tagged[j][2] == "n" and tagged[j][0].lower().removesuffix("'s") not in heads \
                and lexicon.kind(tagged[j][1]) == "person":
            out.append(lem)
    return tuple(dict.fromkeys(out))


# Verbs of someone's work: the nouns after them are where and what they work at, theirs ("my mom working double shifts
# at the hospital"); not "my dad fighting cancer in the hospital", whose hospital is the family's too
TRADE_VERBS = frozenset("work drive serve clean cook build teach sell deliver fix repair farm sweep haul".split())
THEIR_CLAUSE_END = frozenset("and but while when because so who that which , ; . me us i my our".split())


LOVE_VERB = re.compile(r"\b(?:(?:i|we|they|you|he|she|who|that|which|to|really|just|still|also|'d|'ll)\s+(love)|"
                       r"(loves|loved|loving))\s+(to\s+\w+|(?:the|a|an|his|her|their|its|my|our|your)\s+(?:\w+\s+)?"
                       r"(\w+)|(\w+))")
LOVE_NOUN = re.compile(r"\b(?:love\s+(?:song|songs|letter|story|ballad|life|of)|in love|my love|(?:true|first|puppy|"
                       r"summer|young|old|lost|new|our|your|his|her) love|lovesick|lovers?)\b")
LOVED_PEOPLE = frozenset("you me him her us them each everyone everybody somebody someone".split())


def _loves_only_things(description: str) -> bool:
    """True where every "love" of the description is a verb whose object is a thing, a place or a deed ("a dog who
    loves the beach", "a girl who loves to dance", "a kid who loves dinosaurs"): no lover, no love song; never where
    a person is loved ("loves her", "loving my wife") or love is a noun ("a love song", "in love")."""
    low = description.lower().replace("\u2019", "'")
    if LOVE_NOUN.search(low):
        return False
    found = list(LOVE_VERB.finditer(low))
    if not found:
        return False
    for m in found:
        if m.group(3).startswith("to "):
            continue  # "loves to dance": a deed
        obj = m.group(4) or m.group(5) or ""
        if obj in LOVED_PEOPLE or lexicon.kind(lexicon.lemma(obj, "n")) == "person":
            return False
    return True


def _their_words(tagged: list[tuple[str, str, str]], their_verbs: tuple[str, ...]) -> frozenset[str]:
    """The nouns of the clause of a work verb someone else does (of ``their_verbs``, ``_their_verbs``; ``TRADE_VERBS``),
    up to the clause's end or the next person: "double shifts at the hospital" of "my mom working double shifts at the
    hospital" (shift, hospital); what they do and where is theirs, not the singer's."""
    theirs = set(their_verbs) & TRADE_VERBS
    out = set()
    for k, (tok, lem, pos) in enumerate(tagged):
        if lem not in theirs or not (pos == "v" or tok.endswith("ing")):
            continue
        for t, lm, ps in tagged[k + 1:]:
            if t.lower() in THEIR_CLAUSE_END or (ps == "n" and lexicon.kind(lm) == "person"):
                break
            if ps == "n":
                out.add(lm)
    return frozenset(out)


def _third_party(low_description: str, phrases: list[Phrase]) -> frozenset[str]:
    """The phrases a partner cheats or leaves with (``THIRD_PARTY``): sung of, not to."""
    named = {m.group(1).split(" ", 1)[1] for m in THIRD_PARTY.finditer(low_description)}
    return frozenset(p.bare for p in phrases if p.kind == "person" and p.bare.lower() in named)


def _people(phrases: list[Phrase], tagged: list[tuple[str, str, str]]) -> tuple[str, str]:
    """Who sings and who is sung to.  The singer is the description's first noun phrase when it
    is a person met with "a"/"an"/"the" ("a firefighter coming home", "a fisherman's last trip"),
    a person by trade a song is about, where no one else says "I" or "my" ("a song about a baker":
    sung in character, not remembered like kin; a wizard or a king of a legend is sung of), or a thing that acts ("a robot learning to dance"); "you" is the first person or animal that
    belongs to someone ("my dog", "his daughter") or is kin ("two old friends"), unless named only
    as an owner ("my grandmother's kitchen": she is sung of)."""
    singer = given_to = ""
    first = next((p for p in phrases if not p.setting), None)
    whole = next((p for p in phrases if first is not None and p.bare.startswith(first.bare + "'s ")), None)
    if first is not None and whole is not None and whole.kind == "person" and not whole.plural:
        first = replace(whole, owner=first.owner)  # "a fisherman's daughter waiting": the daughter sings
    if first is not None and first.owner in ("a", "an", "the", "") and not first.plural:
        lows, own = [t.lower() for t, _, _ in tagged], first.bare.lower().split()
        first_noun = next((k for k in range(len(tagged)) if lows[k:k + len(own)] == own),  # where the phrase stands
                          next((k for k, (t, _, pos) in enumerate(tagged) if pos == "n"), -1))
        j = first_noun + len(first.bare.split())  # (of a possessive phrase, its head's own words)
        acts = j < len(tagged) and (tagged[j][2] == "v" or tagged[j][0] in ("who", "that"))
        before = [t.lower() for t, _, _ in tagged[max(0, first_noun - 2):max(0, first_noun)]]
        if first.kind == "person" and first.head in INFANTS:
            # a baby does not sing: its parent sings to it ("a baby's first steps" -> "my baby, ...")
            return "", first.bare
        mine = {t.lower() for t, _, _ in tagged} & {"i", "me", "my", "we", "us", "our"}
        kin_of = whole is not None and first.head in KINSHIP  # "a ballad about a sailor's wife": in her voice too
        # (and anyone a clause tells the story of: "a girl who dreams of Broadway", "a kid who wants to leave")
        story = first.head in STORY_PEOPLE and j < len(tagged) and tagged[j][0].lower() in ("who", "that")
        if ("about" in before and first.kind == "person" and ("w" in lexicon.types(first.head) or kin_of or story)
                and not mine and not {"for", "to", "with"} & set(before)
                and first.head not in bank().themes.get("legend", ())):
            singer = first.bare  # "a song about a baker who gets up at 4am": a trade is sung in character
        elif {"about", "for", "with", "of", "from", "at", "in", "to", "into"} & set(before) or ADDRESSING & set(before):
            # (helper tributes) the one a song thanks, or is for where a clause says what they did for the singer ("for
            # the nurse who got me through chemo"), is sung to
            if first.kind == "person" and (ADDRESSING & set(before) or (
                    {"for", "to"} & set(before) and lows[j:j + 1] == ["who"] and {"me", "my", "us", "our"} & set(lows[j:j + 6]))):
                given_to = first.bare
            pass  # a song "about a dragon", "for a friend": sung of or to it, not by it; "kicked out of the diner",
            # "turning twenty-one in Vegas": where it happens
        elif lows[j:j + 2] == ["next", "door"]:
            pass  # "the girl next door": a neighbour, sung of
        elif first.kind == "person" or (acts and first.kind == "thing" and "h" not in lexicon.types(first.head)
                                      and "g" not in lexicon.types(first.head)):
            singer = first.bare
    if not singer:
        # who the singer is "as": "my first day as a mail carrier", "life as a single mom" (not "as a kid": a memory)
        lows = [t.lower() for t, _, _ in tagged]
        for p in phrases:
            k = next((k for k in range(2, len(lows)) if lows[k:k + len(p.bare.split())] == p.bare.lower().split()), -1)
            if p.kind == "person" and not p.plural and k >= 2 and lows[k - 2] == "as" and lows[k - 1] in ("a", "an") \
                    and "c" not in lexicon.types(p.head):
                singer = p.bare
                break
    # an owner is sung of ("my grandmother's kitchen": she), unless what is hers is a day of her own: one sings to
    # the one whose first day, birthday, wedding or fight it is ("my little sister's first day of kindergarten")
    possessors = set()
    for k, (t, _, _) in enumerate(tagged):
        if not t.endswith("'s"):
            continue
        run = []
        for tok, lem, pos in tagged[k + 1:]:
            if pos not in ("n", "a") and not is_number(tok):
                break
            if pos == "n":
                run.append(lem)
        if not OWN_DAYS & set(run):
            possessors.add(t.lower()[:-2])
    addressee = next((p.bare for p in phrases if p.bare != singer and p.kind in ("person", "animal")
                      and not (p.plural and p.owner not in OWNERS)  # "two old friends": the singer is one: "we"
                      and p.bare.lower().split()[-1] not in possessors  # "my grandmother's kitchen": she
                      and (p.owner in OWNERS or (p.head in KINSHIP and p.kind == "person") or p.bare == given_to)), "")
    return singer, addressee


# A day that is someone's own: whose first day, birthday, wedding or fight it is is sung to, not of.
OWN_DAYS = frozenset("day birthday wedding graduation recital fight game match debut race prom visit checkup appointment "
                      "season".split())  # (helper tributes: a coach's last season: sung to)
# (helper tributes) verbs of giving a song to someone: the one thanked or honoured is sung to, never the singer
ADDRESSING = frozenset("thank thanks thanking honor honoring honour honouring toasting saluting celebrating".split())
# Anyone, kin to nobody: a song about one of them and what they do is sung in their voice ("a girl who dreams").
STORY_PEOPLE = frozenset("girl boy kid man woman guy lady teenager teen".split())
TEACH = frozenset("teach show coach train".split())  # verbs of one who teaches another
# A child's lessons, watched by the singer ("my daughter's first swimming lessons", "our son's piano lesson")
KIN_LESSONS = re.compile(r"\b(?:my|our) (?:little |baby |big |older |younger )?(?:daughter|son|kid|kids|boy|girl|child|"
                         r"children|grandson|granddaughter|brother|sister|niece|nephew)(?:'s|s') (?:\w+ ){0,2}lessons?\b")


# Words of losing or leaving one's job.
JOB_LOSS = frozenset("fired quit unemployed layoff sack resign".split())
# What a child does only when nearly grown ("teaching my son to shave"): the song's child is no little one.
GROWN_CHILD = frozenset("""shave shaving drive license licence college university prom graduate graduation dorm
dating marry wedding army enlist vote teen teenage teenager adolescent""".split())
# People too young to sing of themselves: the song is their parent's, sung to them.
SERVED = frozenset("haircut trim shave checkup appointment visit".split())  # given in a chair: "my son's first haircut", "her checkup"
CHAIR_TRADES = frozenset("barber hairdresser stylist hairstylist beautician".split())  # who works the chair
INFANTS = frozenset("baby infant newborn toddler".split())


def _owned(p: Phrase, singer: str) -> Phrase:
    """A phrase sung in the singer's own words: "his daughter" and "the fisherman's last trip"
    (the fisherman singing) become "my daughter" and "my last trip"."""
    if singer and p.bare.lower().startswith(singer.lower() + "'s "):
        return replace(p, sung="my " + p.bare[len(singer) + 3:])
    if p.owner in ("his", "her", "their") and singer and not p.bare[:1].isupper():
        return replace(p, sung="my " + p.bare)
    if p.owner in ("my", "our") and not p.sung.startswith(p.owner + " "):
        return replace(p, sung=f"{p.owner} {p.bare}")
    return p


# Words a description uses for a person that WordNet has as something else ("my crush": not a squeeze).
LOVED = frozenset("crush ex".split())
# "a crush on X", "in love with X", "feelings for X": X is the one loved; "crush" there is a state.
LOVE_FRAMES = {"crush": "on", "love": "with", "feeling": "for", "feelings": "for"}
# Endings of agent nouns ("barista", "florist", "busker"): a person, when WordNet lacks the word.
AGENT_ENDINGS = ("ista", "ist", "er", "or")


def _love_frames(tagged: list[tuple[str, str, str]]) -> tuple[set[int], set[int]]:
    """Token positions of "crush" as a state ("a crush on the barista": not a person, not a thing held)
    and of the head nouns of the ones loved in a frame of LOVE_FRAMES."""
    states, loved = set(), set()
    low = [t.lower() for t, _, _ in tagged]
    for k in range(len(low) - 2):
        if LOVE_FRAMES.get(low[k]) != low[k + 1]:
            continue
        j = k + 2 + (low[k + 2] in DETERMINERS)
        head = -1
        while j < len(tagged) and tagged[j][2] in ("n", "a"):
            head = j if tagged[j][2] == "n" else head
            j += 1
        if head >= 0:
            loved.add(head)
            if low[k] == "crush":
                states.add(k)
    return states, loved


def _agent(head: str, owner: str) -> bool:
    """A person noun WordNet lacks ("the barista" a crush is on): an agent ending after "the"/"a"/"an".
    Only for the one loved in a love frame, and only when WordNet has no entry (a "poster" stays a thing)."""
    return owner in ("the", "a", "an") and lexicon.entry(head) is None and len(head) > 4 \
        and head.endswith(AGENT_ENDINGS)


# Prepositions of where, when and with whom: their phrases can open a line ("after a night shift, ...").
PREPOSITIONS = frozenset("in at on by after before under through across near outside inside behind beside along "
                         "around with for without".split())


LIGHT_GERUNDS = frozenset("getting being going having making doing".split())


def _settings(tagged: list[tuple[str, str, str]]) -> tuple[str, ...]:
    """The description's own prepositional phrases ("after a night shift", "on an island", "by the door"):
    where and when the song happens, ready to open a line."""
    out = []
    for k, (tok, _, _) in enumerate(tagged):
        if tok not in PREPOSITIONS:
            continue
        if tok == "at" and [t.lower() for t, _, _ in tagged[k + 1:k + 3]] == ["a", "time"]:
            continue  # (helper comeback) "one day at a time": a manner, not when the song happens
        if k and tok in ("at", "for", "to", "with") and (tagged[k - 1][2] == "v" or tagged[k - 1][0] in ("back", "away")):
            continue  # "looking back at the earth", "waiting for test results": not where the song happens
        j = k + 1
        if j < len(tagged) and tagged[j][0] in DETERMINERS:
            j += 1
        start = j
        while j < len(tagged) and tagged[j][2] in ("n", "a") and j - start < 3:
            j += 1
        if j == start + 1 and tagged[start][0].lower() in LIGHT_GERUNDS:
            continue  # (helper comeback) "after getting cut twice": a light verb's clause, never "after getting, I ..."
        if j > start and tagged[j - 1][2] == "n":
            kind = lexicon.kind(tagged[j - 1][1])
            if kind in ("place", "time", "event", "weather", "vehicle") or (tok == "with" and kind == "person") \
                    or tok == "without" \
                    or "g" in lexicon.types(tagged[j - 1][1]):  # "on Mars"
                out.append(" ".join(t for t, _, _ in tagged[k:j]))
    return tuple(dict.fromkeys(out))


# Idioms of a verb and a noun, where the noun is no thing of the song ("riding shotgun", "hitting the wall",
# "breaking the ice"): the words are sung in their clause, the noun never alone in a slot ("I hold the shotgun").
IDIOMS = {"ride": {"shotgun"}, "hit": {"wall", "road", "sack", "bottle", "jackpot", "book"},
          "break": {"ice", "bank"}, "lose": {"mind", "head", "cool", "nerve", "touch"}, "kick": {"bucket", "habit"},
          "spill": {"bean", "tea"}, "burn": {"bridge", "oil"}, "pull": {"plug", "weight"}, "jump": {"gun", "ship"},
          "face": {"music"}, "hold": {"breath", "tongue"}, "keep": {"faith", "cool"}, "call": {"shot"},
          "bite": {"bullet", "dust"}, "throw": {"towel"}, "turn": {"page", "table"}, "paint": {"town"},
          "catch": {"feeling"}, "raise": {"roof"}}


def _idiom_objects(tagged: list[tuple[str, str, str]]) -> frozenset[str]:
    """Nouns the description uses only inside an idiom with their verb (``IDIOMS``: "riding shotgun" -> "shotgun")."""
    out = set()
    for k, (tok, lem, pos) in enumerate(tagged[:-1]):
        if pos != "v" or lem not in IDIOMS:
            continue
        j = k + 1 + (tagged[k + 1][0].lower() in ("the", "a", "my", "his", "her", "their", "our", "your"))
        if j < len(tagged) and tagged[j][2] == "n" and tagged[j][1] in IDIOMS[lem] \
                and (j + 1 == len(tagged) or tagged[j + 1][2] != "n"):
            out.add(tagged[j][1])
    return frozenset(out)


LOCATIVE = frozenset("in to from at across through around near outside into".split())


def _site(before: list[str], head: str) -> bool:
    """True for a noun WordNet calls a thing that the description makes a place one is at or comes from ("fired
    from the car wash", "kicked out of the diner", "at the piano"): where the song happens, never held or found."""
    return bool(before) and (before[-1] in ("from", "at") or before[-2:] == ["out", "of"]) \
        and lexicon.kind(head) == "thing"


def _phrase(words: list[str], head: str, possessor: str | None, setting: bool = False) -> Phrase:
    lemmas = tuple(lexicon.lemma(w) for w in words)
    plural = (words[-1].lower() != head and words[-1].lower().endswith("s") and not words[-1].endswith("'s")) \
        or lexicon.object_plural(words[-1])
    return Phrase(bare=" ".join(words), sung=_sung(words, head, possessor), head=head,
                  kind="person" if head in LOVED else lexicon.kind(head), lemmas=lemmas, setting=setting, plural=plural)


# Words that complete a verb as its particle ("went out", "growing up", "coming home").
TITLE_PARTICLES = frozenset("up down out off away back over home".split())
# Prepositions a verb of motion needs ("moved to Canada", "moving into my first apartment"): its clause, no adjunct.
DIRECTIONS = frozenset("to into onto toward towards".split())
# Prepositions of where a title's clause may end on ("driving along the coast", "growing up in the Bronx").
WHERE = frozenset("in at on along across through around under over by".split())
# States a description puts someone in ("lost in Tokyo", "alone on an island", "asleep in the afternoon sun").
TITLE_STATES = frozenset("lost stuck stranded trapped alone asleep awake homesick born".split())
OBJECT_PRONOUNS = frozenset("me us you him her them".split())
# Words a title keeps in lower case (not its first).
TITLE_SMALL = frozenset("the a an to of in on over at by under and for with from into".split())


def _np_end(tagged: list[tuple[str, str, str]], j: int) -> int:
    """End (exclusive) of the noun phrase starting at ``j`` (a determiner, possessive or "all", then adjectives
    and nouns ending on a noun: "their captain", "everyone's car", "all night"); -1 when none starts there."""
    n = len(tagged)
    if j < n and tagged[j][0].lower() in OBJECT_PRONOUNS and not (
            tagged[j][0].lower() in DETERMINERS and j + 1 < n and tagged[j + 1][2] in ("n", "a")):
        return j + 1  # "teaching me", not "her baby"
    if j < n and (tagged[j][0].lower() in DETERMINERS or tagged[j][0].lower() == "all"):
        j += 1
    start = j
    while j < n and tagged[j][2] in ("n", "a") and not (j > start and tagged[j - 1][2] == "n" and tagged[j][2] == "a"):
        j += 1
    # (a number ends one too: "turning twenty-one", an age)
    return j if j > start and (tagged[j - 1][2] == "n" or is_number(tagged[j - 1][0])) else -1


# Verbs of giving, whose first object may be the one given to: a title keeps the second too ("buying my mom a house")
GIVING = frozenset("buy give get make send bring build write sing show teach tell bake cook knit sew read".split())


def _complement(tagged: list[tuple[str, str, str]], v: int) -> int:
    """End (exclusive) of what the verb at ``v`` needs to make a complete clause: its particle ("went out"),
    its object ("lost their captain", "singing her baby to sleep"), a verb after "to" ("learned to swim"), where a
    verb of motion goes ("moved to Canada"); nothing more for a verb that needs nothing ("waits" of "waits by the
    door").  -1 when the description does not complete it there: a title never stops on such a verb."""
    n = len(tagged)
    low = [t.lower() for t, _, _ in tagged]
    j = v + 1
    while j < n and low[j] in TITLE_PARTICLES:
        j += 1
    if tagged[v][1] == "get" and j == v + 1 < n and tagged[j][2] in ("v", "a") and not low[j].endswith("ing"):
        j += 1  # a passive: "getting fired", "getting kicked out of the diner"
        while j < n and low[j] in TITLE_PARTICLES:
            j += 1
        return _np_end(tagged, j + 1) if j + 1 < n and low[j - 1] == "out" and low[j] == "of" else j
    if v + 1 < j < n and low[j - 1] == "out" and low[j] == "of":
        return _np_end(tagged, j + 1)  # "went out of town"
    if v + 1 < j < n and low[j] == "in" and (j + 1 == n or tagged[j + 1][2] == "f" and low[j + 1] not in DETERMINERS):
        j += 1  # "moving back in (with my parents)"
    if low[j - 1] == "home":
        return j  # "coming home" has its goal ("... to his daughter" is another's)
    if v + 1 < j < n and low[j] in ("at", "before", "after", "until", "till"):
        # "gets up before dawn" is said with its time; "gets up at (4am)", a time the words lost, is cut
        return _np_end(tagged, j + 1) if j + 1 < n and (tagged[j + 1][2] == "n" or low[j + 1] in DETERMINERS) else -1
    if j + 1 < n and low[j] == "to" and tagged[j + 1][2] == "v":
        return _complement(tagged, j + 1)
    if j < n and low[j] in DIRECTIONS:
        return _np_end(tagged, j + 1)
    if j + 1 < n and low[j] == "in" and low[j + 1] == "love":
        return j + 2  # "the summer we fell in love"
    if j < n and tagged[j][2] == "a" and _np_end(tagged, j) < 0:
        return j + 1  # "fell asleep", "got married": its predicate
    if j < n and (low[j] in DETERMINERS or low[j] in OBJECT_PRONOUNS or low[j] == "all" or tagged[j][2] in ("n", "a")):
        e = _np_end(tagged, j)
        if 0 < e < n - 1 and low[e] == "to" and tagged[e + 1][2] in ("v", "n"):
            return _complement(tagged, e + 1) if tagged[e + 1][2] == "v" else e + 2  # "her baby to sleep"
        if 0 < e < n and tagged[v][1] in GIVING and (low[j] in OBJECT_PRONOUNS or lexicon.kind(tagged[e - 1][1]) in ("person", "animal")) \
                and (low[e] in DETERMINERS or tagged[e][2] == "n"):
            return _np_end(tagged, e)  # two objects: "buying my mom a house" (not "Buying My Mom")
        if 0 < e < n and low[e] in TITLE_PARTICLES and (e + 1 == n or (
                low[e + 1] not in DETERMINERS and tagged[e + 1][2] != "n" and not _is_name(tagged[e + 1][0]))):
            return e + 1  # its particle after the object: "getting my braces off" (cut there, its sense turns over)
        return e
    if j > v + 1 or lexicon.intransitive(tagged[v][1]):
        return j
    return -1


def _ends(tagged: list[tuple[str, str, str]], v: int) -> list[int]:
    """Where a title's clause on the verb at ``v`` may end: with its complement (``_complement``), and right after
    the verb too when that needs no object and its object is an event ("our team won" of "... won the
    championship": it still says what happened; not "the band that lost" of "... lost their drummer")."""
    e = _complement(tagged, v)
    if e < 0:
        return []
    obj = tagged[e - 1][1] if e > v + 1 and tagged[e - 1][2] == "n" else ""
    core = e > v + 1 and tagged[v + 1][0].lower() not in TITLE_PARTICLES | DIRECTIONS | {"to"} \
        and lexicon.intransitive(tagged[v][1]) and "e" in lexicon.types(obj)
    return [e, v + 1] if core else [e]


def _syllables(words: list[str]) -> int:
    return sum(len(phonetics.syllables(w)) for w in words)


def _where(tagged: list[tuple[str, str, str]], e: int, *, bare: bool = False) -> int:
    """End of a phrase of where right at ``e`` ("in the Bronx", "along the coast"; with ``bare`` a noun with no
    determiner too: "in traffic"); -1 if none."""
    if e < 0 or e + 1 >= len(tagged) or tagged[e][0].lower() not in WHERE:
        return -1
    end = _np_end(tagged, e + 1)
    return end if end > 0 and (bare or tagged[e + 1][0].lower() in DETERMINERS or _is_name(tagged[e + 1][0])) else -1


def _np_start(tagged: list[tuple[str, str, str]], k: int) -> int:
    """Start of the noun phrase whose head is at ``k``, its determiner left out ("old car" of "an old car")."""
    s = k
    while s > 0 and tagged[s - 1][2] in ("n", "a"):
        s -= 1
    return s


def _setting_kind(tagged: list[tuple[str, str, str]], k: int) -> str:
    """What the word at ``k`` is as the head a title's clause may follow ("the summer I learned to swim", "the park
    where we met"): a noun before "where" is a place ("the old diner where my parents met": WordNet's diner is one
    who dines), "time" and "moment" a time, another noun its kind; "" for a word that is no noun."""
    noun = tagged[k][2] == "n"
    if noun and k + 1 < len(tagged) and tagged[k + 1][0].lower() == "where":
        return "place"
    if tagged[k][1] in ("time", "moment"):
        return "time"
    return lexicon.kind(tagged[k][1]) if noun else ""


# Verbs of a mind whose clause titles a song better than the verb ("who thinks he owns the house").
THINK_VERBS = frozenset("think believe know say swear dream wish pretend".split())


NOT_DONE = frozenset({"never", "not", "without"})  # before a gerund: what is not done ("without saying goodbye")


def _titles(tagged: list[tuple[str, str, str]], phrases: list[Phrase], singer: str = "",
            unsung: frozenset[str] = frozenset(), lover: bool = False) -> tuple[str, ...]:
    """Titles a songwriter could give the song, from the description's own words, best first: a complete clause
    or a complete noun phrase, never a cut one ("The Band That Lost Their Drummer", not "The Band That Lost"); in a
    love song (``lover``) another's "his" or "her" is the one sung to's ("Deleting Your Number");
    never one of the ``unsung`` phrases (a third party: "cheating with my best friend" is no "Best Friend")."""
    out: list[str] = []
    toks = [t for t, _, _ in tagged]
    low = [t.lower() for t in toks]
    n = len(tagged)

    def add(words: list[str]) -> None:
        cand = " ".join(words)
        if cand and cand not in out:
            out.append(cand)

    for k in range(1, n - 2):  # "the summer I learned to swim", "the night the power went out", "the park where we met"
        kind = _setting_kind(tagged, k)
        if kind not in ("time", "place") or (low[k + 1] != "where" and low[_np_start(tagged, k) - 1] not in ("the", "that")) \
                or (kind == "place" and low[k + 1] != "where"):
            continue
        j = k + 1 + (low[k + 1] in ("when", "where", "that"))
        if low[j] in ("i", "we", "you", "he", "she", "they", "nothing", "nobody", "everyone", "everything"):
            subj_end = j + 1
        else:
            subj_end = _np_end(tagged, j) if low[j] in DETERMINERS else -1
        v = subj_end + (0 < subj_end < n and (low[subj_end].endswith("ly") and tagged[subj_end][2] in ("a", "r")
                                              or low[subj_end] in ADVERBS))
        if subj_end < 0 or v >= n or tagged[v][2] != "v" or low[v].endswith("ing") \
                or (low[v].endswith("s") and low[k + 1] != "where"):  # ("a town where nothing happens")
            continue
        s = _np_start(tagged, k)
        for e in _ends(tagged, v):
            whole = [low[s - 1] if s and low[s - 1] in ("a", "an", "the") else "the", *toks[s:e]]
            add(whole)
            if low[k + 1] in ("where", "when") and _syllables(whole) > 8:
                add([low[k + 1], *toks[k + 2:e]])  # too long a title: its clause ("Where My Parents Met")
    for k, (t, lem, pos) in enumerate(tagged):  # "driving home", "chasing a dream", "growing up in the Bronx"
        if not t.endswith("ing") or not (pos == "v" or (t in REQUEST_WORDS and k and tagged[k - 1][2] == "n")):
            continue  # (a mother "singing" her baby to sleep: the request word as a verb)
        e = _complement(tagged, k)
        if lem in ("get", "have") and 0 < e < n and low[e].endswith(("ed", "en")) and tagged[e][2] in ("v", "a"):
            e += 1  # what is done to it: "getting my car towed", "having my heart broken" (not "Getting My Car")
        w = _where(tagged, e, bare=e == k + 1)  # ("staying in bed": a verb needing nothing, where it is done)
        if e == k + 1 and k and tagged[k - 1][2] == "n" and lexicon.kind(tagged[k - 1][1]) in (
                "thing", "vehicle", "weather", "food", "place", "time"):
            w = -1  # "leaves falling in the park": no one is "Falling in the Park"
        if e == k + 1 and k + 4 < n + 1 and low[k + 1:k + 2] == ["with"] and k + 4 <= n and low[k + 2] in DETERMINERS \
                and tagged[k + 3][2] == "n" and k + 4 < n and low[k + 4] in ("down", "up", "open", "wide", "on", "off", "out"):
            add([t, *toks[k + 1:k + 5]])  # how it is done: "Driving with the Windows Down"
        # what is not done keeps its "never" ("never giving up on your dreams": "Never Giving Up", never "Giving Up")
        neg = toks[k - 1:k] if k and low[k - 1] in NOT_DONE else []
        for words in ([t, *toks[k + 1:e]] if e > k + 1 else [], [t, *toks[k + 1:e], *toks[e:w]] if w > 0 else []):
            # ("driving along the coast", "dancing in the kitchen": where it happens too)
            if any(x in ("his", "her", "their") for x in words[1:]):
                owned = [j for j, x in enumerate(words) if j and x in ("his", "her", "their")]
                if singer:
                    words = [words[0], *("my" if x in ("his", "her", "their") else x for x in words[1:])]
                elif lover and "their" not in words and all(j + 1 < len(words) and tagged[k + j + 1][2] in ("n", "a")
                                                            for j in owned):
                    # a love song's "his" or "her" is the one sung to: "deleting his number" -> "Deleting Your Number"
                    words = [words[0], *("your" if x in ("his", "her") else x for x in words[1:])]
                elif all(j + 1 < len(words) and tagged[k + j + 1][2] == "n" and (
                        lexicon.kind(tagged[k + j + 1][1]) in ("thing", "vehicle", "food")
                        or "h" in lexicon.types(tagged[k + j + 1][1])) for j in owned):
                    # "giving back his hoodie": a thing of someone's, not the singer's: "Giving Back the Hoodie"
                    words = [words[0], *("the" if x in ("his", "her", "their") else x for x in words[1:])]
                else:
                    continue  # "singing her baby to sleep" is the singer's own ("singing my baby to sleep") or no title
            add([*neg, *words] if words else [])
            if "to" in words[2:] and _syllables(words) > 8:
                # too long with its purpose ("quitting my job to travel the world"): the deed ("Quitting My Job")
                add([*neg, *words[:words.index("to", 2)]])
    for k in range(n - 2):  # "lost in Tokyo", "alone on an island", "asleep in the afternoon sun"
        if low[k] in TITLE_STATES and tagged[k][2] != "f" and low[k + 1] in ("in", "at", "on"):
            w = _where(tagged, k + 1, bare=True)  # "stuck in traffic", "lost in the mountains"
            if w > 0:
                add(toks[k:w])
    for k in range(1, n - 1):  # "a breakup song where she keeps the dog", "the day he proposed": their clause whole
        if low[k] not in ("she", "he", "they") or low[k - 1] not in ("where", "when", "day", "night", "time"):
            continue
        v = k + 1 + (low[k + 1].endswith("ly") and tagged[k + 1][2] in ("a", "r") or low[k + 1] in ADVERBS)
        if v >= n or tagged[v][2] != "v" or low[v].endswith("ing"):
            continue
        e = _complement(tagged, v)
        if e > v or (e < 0 and v + 1 == n):
            add(toks[k:max(e, v + 1)])
    for k in range(n - 1):  # "we finally paid off the house", "the night we finally met": a past clause
        if low[k] not in ("i", "we"):
            continue
        v = k + 1 + (low[k + 1].endswith("ly") and tagged[k + 1][2] in ("a", "r"))
        if v >= n or tagged[v][2] != "v" or low[v].endswith("ing"):
            continue
        e = _complement(tagged, v)
        if e > v + 1 and not (low[v + 1] in ("last", "that", "this", "next") and e == v + 3):
            add(toks[k + 1:e])  # "finally paid off the house", "learned to swim" (not "Took Last Summer")
        elif e == v + 1 == n:
            add(toks[k:v + 1])  # "we finally met"
    for k in range(n - 3):  # "rain in the city", "test results at the hospital": the whole noun phrase
        if tagged[k][2] == "n" and low[k + 1] in ("in", "on", "over", "at", "by", "under", "after", "before") \
                and low[k + 2] == "the" and tagged[k + 3][2] == "n" \
                and (k + 4 >= n or tagged[k + 4][2] not in ("n", "a", "v")):  # (not "... after the kids | moved out")
            s = _np_start(tagged, k)
            add(toks[s:k + 4])
            if _syllables(toks[s:k + 4]) > 8:  # too long a title: what follows its possessive, or its head alone
                owned = next((j + 1 for j in range(k - 1, s - 1, -1) if low[j].endswith("'s")), k)
                add(toks[owned if _syllables(toks[owned:k + 4]) <= 8 else k:k + 4])
    for k in range(1, n - 2):  # "the dog that waits", "my brother who moved to Canada"
        if tagged[k][2] != "n" or _is_name(toks[k]) or low[k + 1] not in ("that", "who"):
            continue
        before = [w for w in low[:_np_start(tagged, k)] if w not in DETERMINERS][-1:]
        if low[k + 1] == "that" and lexicon.kind(tagged[k][1]) == "person" and before == ["for"]:
            continue  # "the cake I baked for my boyfriend that fell apart": the cake fell, not "My Boyfriend That ..."
        if low[k + 2] in ("is", "was", "gets", "got") and k + 3 < n and tagged[k + 3][2] == "a":
            # "a dragon who is scared of the dark": the state and what of ("Scared of the Dark")
            e = _np_end(tagged, k + 5) if k + 5 < n and low[k + 4] in ("of", "about") else k + 4
            if e > 0:
                add(toks[k + 3:e])
            continue
        if tagged[k + 2][1] in THINK_VERBS and k + 4 < n and low[k + 3] in ("he", "she", "they", "it") \
                and tagged[k + 4][2] == "v" and not low[k + 4].endswith("ing"):
            e = _complement(tagged, k + 4)  # "a cat who thinks he owns the house": what he thinks ("He Owns the House")
            if e > 0:
                add(toks[k + 3:e])
            continue
        v = k + 2 + (low[k + 2].endswith("ly") and tagged[k + 2][2] in ("a", "r") or low[k + 2] in ADVERBS)
        if v >= n or tagged[v][2] != "v" or low[v].endswith("ing"):
            continue
        s, e = _np_start(tagged, k), _complement(tagged, v)
        if e == v + 1 < n and tagged[e][2] == "v" and low[e].endswith("ed"):
            e = _complement(tagged, e)  # (helper otherworld) a verb of two words: "the alien who crash landed"
        if e > 0:  # (its whole clause: "the band that lost their drummer", and "the band that lost" never)
            add(["my" if s and low[s - 1] in ("my", "our") else "the", *toks[s:e]])
    for k in range(1, n - 1):  # "our team won", "the power went out"
        if k >= 3 and tagged[k - 3][2] == "n" and low[k - 2] in ("where", "when") \
                and _setting_kind(tagged, k - 3) in ("time", "place"):
            continue  # the place's or time's clause, said with it above ("Where My Parents Met", not "My Parents Met")
        if low[k - 1] in ("our", "my", "the") and tagged[k][2] == "n" and tagged[k + 1][2] == "v" \
                and not low[k + 1].endswith(("ing", "s")):
            for e in _ends(tagged, k + 1):
                add(toks[k - 1:e])
    for k in range(1, n - 1):  # "a horse named Blue"
        if low[k] in ("named", "called") and tagged[k - 1][2] == "n" and _is_name(toks[k + 1]):
            add(["a", *toks[k - 1:k + 2]])
    for k in range(1, n - 1):  # "Priya and Sam": two names, one song
        if low[k] == "and" and _is_name(toks[k - 1]) and _is_name(toks[k + 1]) \
                and tagged[k - 1][2] == "n" and tagged[k + 1][2] == "n":
            add(toks[k - 1:k + 2])
    for k in range(1, n - 1):  # "a song called Home": the title the description gives
        if low[k] in ("called", "titled", "named") and low[k - 1] in SONG_NOUNS:
            e = k + 1
            while e < n and (_is_name(toks[e]) or (e == k + 1 and tagged[e][2] != "f")):
                e += 1
            if e > k + 1:
                out.insert(0, " ".join(toks[k + 1:e]))
    for k in range(n - 2):  # "summer of sixty-nine", "the winter of nineteen ninety-nine": a time and its year
        if tagged[k][2] == "n" and lexicon.kind(tagged[k][1]) == "time" and low[k + 1] == "of" \
                and all(is_number(x) for x in low[k + 2:]):
            add(toks[k:])
    for k in range(n - 2):  # "love in paris", "dream in hollywood"
        if tagged[k][2] == "n" and low[k + 1] in ("in", "at") and tagged[k + 2][2] == "n" and k + 3 == n:
            add(toks[_np_start(tagged, k):k + 3])
    multi = [p.bare for p in phrases if " " in p.bare]
    # a noun phrase too long for a title by its first word and its head ("fiftieth wedding anniversary" ->
    # "Fiftieth Anniversary"), a whole noun phrase still
    multi += [f"{p.bare.split()[0]} {p.bare.split()[-1]}" for p in phrases if len(p.bare.split()) > 2
              and _syllables(p.bare.split()) > 8 and not p.bare.split()[0].endswith("'s")]
    single = [p.bare for p in phrases if " " not in p.bare and p.kind != "idea"]
    if not out and not multi and not single:
        # a state of mind of three syllables or more names a song of nothing else ("insomnia at 3am": "Insomnia")
        single = [p.bare for p in phrases if " " not in p.bare and not p.setting and _syllables([p.bare]) >= 3]
    if not any(_syllables(c.split()) <= 8 for c in [*out, *multi]):
        # one word with its owner is a title too ("my cat"), before the word alone
        multi = [p.sung for p in phrases if " " not in p.bare and p.owner in ("my", "our")
                 and p.sung.split()[0] in ("my", "our")]
    for cand in [*multi, *single]:
        if cand not in out:
            out.append(cand)
    # an owner that is no one ("my high school's basketball team"): what it owns names the song, not the owner
    for c in list(out):
        owned = next((d for d in out if d.lower().startswith(c.lower() + "'s ")), None)
        if owned is not None and out.index(owned) > out.index(c) and not any(
                p.bare.lower() == c.lower() and p.kind in ("person", "animal") for p in phrases):
            out.remove(owned)
            out.insert(out.index(c), owned)
    # a time gone by at the end ("... Passed Away Last Spring") is when, not what: the clause without it, and the time
    # alone ("Last Spring") only after the song's other names
    for c in list(out):
        m = re.search(r"\s+(?:last|that) (\w+)$", c)
        if m and " " in c[:m.start()].strip() and lexicon.kind(lexicon.lemma(m.group(1).lower(), "n")) == "time":
            short = c[:m.start()]
            if short not in out:
                out.insert(out.index(c) + 1, short)
    whens = [c for c in out if re.fullmatch(r"(?:last|that) \w+", c.lower())]
    if len(whens) < len(out):
        out = [c for c in out if c not in whens] + whens
    unsung_low = {u.lower() for u in unsung}
    return tuple(_title_case(c) for c in out if c.lower() not in unsung_low and not _cut_short(c))


def _title_case(title: str) -> str:
    """A title's words capitalised, each part of a hyphened one too, but for the small words inside it ("Time Going by
    Too Fast", "The Park Where We Met")."""
    words = title.split()
    return " ".join(w if w.lower() in TITLE_SMALL and 0 < k < len(words) - 1
                    else "-".join(x[:1].upper() + x[1:] for x in w.split("-")) for k, w in enumerate(words))


def _given_title(titles: tuple[str, ...], named: frozenset[str], phrases: list[Phrase], addressee: str) -> tuple[str, ...]:
    """(helper tributes) A song given to someone (``THEME_PHRASES["tribute"]``) is titled by them where no title names
    them: "The Nurse" (not "Chemo" of "for the nurse who got me through chemo"), "My Friend" (not "Memorial")."""
    given = next((p for p in phrases if p.bare == addressee), None)
    if "tribute" not in named or given is None or (titles and len(titles[0].split()) > 1 and given.head.lower() in {
            w.removesuffix("'s") for w in titles[0].lower().split()}):
        return titles
    title = " ".join(w[:1].upper() + w[1:] for w in (given.sung if given.owner in OWNERS else "the " + given.bare).split())
    return (title, *titles)


# (helper comeback) a comeback story's own title, where the description's words give one that loses its sense ("Proving
# Everyone" of "proving everyone who doubted me wrong", "Losing Everything" of getting back up after it, "Getting Cut"
# of the girl who made the team, "My Divorce" of starting over after it)
COMEBACK_TITLES = {"cbdoubt": "Prove Them Wrong", "cbrebuild": "Back on My Feet", "cbstartover": "Starting Over",
                   "cbtryout": "I Made the Team", "cbcollege": "First in My Family", "cbunderdog": "The Underdogs"}


def _comeback_title(named: frozenset[str], titles: tuple[str, ...]) -> tuple[str, ...]:
    """(helper comeback) The comeback story's title (``COMEBACK_TITLES``) first, unless the first title is it."""
    titles_of = dict(COMEBACK_TITLES)
    if named & SUCCESS_STORIES.keys() == {"sxmade"}:
        # (helper success) made it, and nothing else named: "I Made It", never "Finally Made", "Cashing My First" or
        # "Whole Block" cut from the description
        titles_of["sxmade"] = "I Made It"
    if "sxlonely" in named and (not titles or " " not in titles[0]):
        titles_of["sxlonely"] = "Everything and Nothing"  # (helper success) never "Inside" of "empty inside"
    for name, title in titles_of.items():
        if name in named:
            rest = tuple(t for t in titles if t.lower() != title.lower())
            return (title, *rest)
    return titles


# (helper truth) a story's own title, where the description's words give none of its sense ("My Family" of a secret
# kept from them, "My Dad Broke" of his broken promises, "Made to My Daughter" of a promise): unless its first title
# sings one of the story's words ("The Man Who Lies", "Finding Out the Truth", "Getting Even") or was given ("called
# Liar"), and is not cut from its owner ("Husband's Lies" of "my husband's lies"); a love kept secret always takes its
# own ("Secret Relationship" is no refrain); every one is a phrase (``writer.make_title`` prefers a phrase to a word)
TRUTH_TITLES = {"tsecretlove": ("Nobody Knows", "In the Dark"), "tlies": ("Every Little Lie", "Don't You Lie to Me"),
                "tfound": ("The Truth Came Out", "Now I Know"), "tsecret": ("The Secret I Keep", "Heavy as a Stone"),
                "tconfess": ("The Truth", "Coming Clean"), "tpromisekid": ("I Promise You", "I'll Be There"),
                "tpromiseself": ("A Promise to Myself", "Just for Me"), "tbroken": ("Broken Promises", "All the Promises"),
                "tkept": ("I Keep My Promise", "My Word to You"), "trevenge": ("What Goes Around", "Take a Bow")}
TRUTH_WORDS = frozenset("lie lies liar liars lying lied truth secret secrets promise promises even revenge payback "
                        "karma".split())


def _truth_title(named: frozenset[str], titles: tuple[str, ...], description: str) -> tuple[str, ...]:
    """(helper truth) The truth story's two titles (``TRUTH_TITLES``) first, unless the first title sings the story or
    was given: then it and the story's first (an odd seed sings the second phrase: ``writer.make_title``), never the
    description's other cuts ("Made to You" of "keeping every promise I made to you")."""
    for name, (title, other) in TRUTH_TITLES.items():
        if name in named:
            if titles and TITLE_GIVEN.search(description.lower()):
                return titles  # (a title given is the song's)
            if titles and name != "tsecretlove" and TRUTH_WORDS & set(titles[0].lower().split()) \
                    and not titles[0].split()[0].endswith("'s"):  # (not "Husband's Lies", cut from "my")
                return (titles[0], *(t for t in (title, *titles[1:]) if t.lower() != titles[0].lower()))
            return (title, other, *(t for t in titles if t.lower() not in (title.lower(), other.lower())))
    return titles


# (helper apology) an apology's or a forgiveness's own title, first of the kinds it is (``apology_kind``): the
# description's words cut a clause ("Fight Last Night", "Treated Her", "Regretting Never", "Dad's Apology")
# (two each: a second draw sings the second)
APOLOGY_TITLES = (("apgone", ("Too Late", "Words I Never Said")), ("apunsaid", ("I Never Told You", "Three Little Words")),
                  ("apchance", ("One More Chance", "Let Me Try Again")), ("apforgive", ("I Forgive You", "Letting It Go")),
                  ("apsorry", ("I'm Sorry", "I Was Wrong")))


def _apology_title(named: frozenset[str], titles: tuple[str, ...]) -> tuple[str, ...]:
    """(helper apology) The apology's titles (``APOLOGY_TITLES``) first."""
    for name, own in APOLOGY_TITLES:
        if name in named:
            return (*own, *(t for t in titles if t.lower() not in {o.lower() for o in own}))
    return titles



# (helper causes) a cause's own titles where the description's words would make a fragment ("Repeating Itself",
# "Asking Everyone", "Inside", "Anti War")
CAUSE_TITLES = (
    ("peace", re.compile(r"\blay(?:s|ing)? down\b"), ("Lay It Down",)),
    ("peace", re.compile(r"\banti[- ]?war\b|\bno more wars?\b|\bend (?:the|all|this|every) wars?\b"), ("No More War",)),
    ("equality", re.compile(r"\bhistory repeat"), ("History Repeating",)),
    ("equality", re.compile(r"\bsame (?:on the )?inside\b"), ("The Same Inside",)),
)


def _cause_title(named: frozenset[str], low: str, titles: tuple[str, ...]) -> tuple[str, ...]:
    """(helper causes) A cause's own title first (``CAUSE_TITLES``)."""
    for name, rx, own in CAUSE_TITLES:
        if name in named and rx.search(low):
            return (*own, *(t for t in titles if t.lower() not in {o.lower() for o in own}))
    return titles

# (helper tributes) words a clause about someone does not end on
CLAUSE_CUT = frozenset("way too so through up out my our his their the a an to".split())
GOT = frozenset("got get gets pulled brought carried".split())  # "who got me" (through): cut before its end
OBJECTS = frozenset("me us him her them".split())


def _cut_short(title: str) -> bool:
    """(helper moments) A verb's clause cut before its noun: "Hearing My Baby's" (of "hearing my baby's first cry"),
    "Waking Up Next" (of "waking up next to you")."""
    words = title.lower().split()
    # (helper tributes) and someone's clause cut before its end: "The Nurse Who Got Me" (of "... who got me through
    # chemo"), "My Friend Who Died Way" (of "... who died way too young")
    return len(words) > 1 and words[0].endswith("ing") and (words[-1].endswith("'s") or words[-1] in ("next", "to")) \
        or "who" in words[1:-1] and (words[-1] in CLAUSE_CUT or words[-2] in GOT and words[-1] in OBJECTS)

