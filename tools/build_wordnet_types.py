"""Derive the lyric writer's noun types from Debian's ``wordnet-base``.

Run once by a maintainer (``apt-get install wordnet-base``, then
``python tools/build_wordnet_types.py``); the output,
``src/topline/music/lyrics/data/wordnet_types.json.gz``, ships as package data with
WordNet's licence (``data/WORDNET-LICENSE``), beside the tables of
``tools/build_wordnet_tables.py``.  For every noun lemma of those tables it keeps one
string of type letters, read from the first sense's lexicographer file and its
hypernyms (instance hypernyms included), which say what a line may do with the noun:

- ``h``: a physical object a person can hold, keep or carry (artifacts, objects, plants,
  food, documents and pictures; not structures, vehicles, machines, land or heavenly bodies);
- ``g``: somewhere one goes or is (locations, structures, land, water, planets: "on Mars");
- ``s``: a being that acts, speaks or laughs (people; ``a`` for animals); of people also
  ``r`` a role one does ("firefighter", "nurse"; not kin, youth or "widow"), ``c`` a child
  ("daughter", "baby", "kid"), ``p`` a parent; ``w`` a trade one works at ("nurse", "pilot", "baker",
  "boxer"; not a student, a hiker or a teenager) and ``l`` of those a hands-on one, out of doors
  or on one's feet ("fisherman", "mechanic", "firefighter", "farmer", "boxer"; not "teacher", "nurse");
- ``e``: something that happens (acts, events, ceremonies, meetings, contests, times of day);
- ``m``: a state of mind (feelings, states such as anxiety or grief);
- ``i``: an imaginary being of ``noun.person`` (a dragon, an elf, a god), which has none of ``s`` ``r`` ...;
- of places, what kind (so a country is not sung with a city's streets): ``k`` a country, state, province
  or continent ("Canada", "Texas", "Europe"), ``t`` a city, town or borough ("Tokyo", "Dublin", "Bronx"),
  ``o`` a natural place (water, land forms, woods: "coast", "mountain", "lake", "desert").
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_wordnet_tables import read_data, read_index  # noqa: E402

TABLES = Path(__file__).resolve().parents[1] / "src/topline/music/lyrics/data/wordnet.json.gz"
OUT = TABLES.with_name("wordnet_types.json.gz")
NOT_HELD = {"structure", "building", "vehicle", "conveyance", "machine", "automaton", "facility", "way", "land",
            "celestial_body", "natural_elevation", "body_of_water", "geological_formation", "area", "region",
            "location", "furniture", "room", "installation", "establishment", "system", "network", "ship",
            "aircraft", "tract", "road", "mechanism", "animal", "person", "tree", "body_part", "external_body_part",
            # things said, not kept ("goodbye", "hello": a remark, not a message on paper)
            "remark", "greeting", "farewell"}
HELD_WORDS = {"document", "written_communication", "writing", "letter", "note", "card", "picture", "photograph",
              "book", "message", "text", "ticket", "list", "map"}
NOT_ROLES = {"relative", "juvenile", "child", "offspring", "woman", "man", "friend", "lover", "spouse", "female",
             "male"}
# A trade: someone who works at it (worker, professional, one who makes, keeps, drives or performs);
# not an enrollee (student), a traveler (hiker, astronaut) or a juvenile.
TRADES = {"worker", "professional", "businessperson", "creator", "defender", "operator", "expert", "performer",
          "contestant", "combatant", "engineer", "communicator", "serviceman", "official", "merchant"}
HANDS_ON = {"skilled_worker", "craftsman", "laborer", "workman", "farmer", "defender", "serviceman", "combatant",
            "contestant", "horticulturist", "sailor", "athlete"}
NOT_TRADES = {"enrollee", "traveler", "juvenile", "relative", "lover", "friend"}
EVENTS = {"conversation", "speech_act", "meeting", "test", "examination", "questioning", "dance", "performance",
          "show", "telephone_call", "call", "interview"}
PLACES = {"location", "structure", "building", "land", "body_of_water", "geological_formation", "celestial_body",
          "region", "area", "facility", "way", "room", "tract", "establishment", "installation", "dwelling",
          "housing", "shore", "point", "topographic_point", "natural_elevation", "road", "geographical_area"}

IMAGINARY = {"imaginary_being", "mythical_being", "spiritual_being", "mythical_monster", "monster", "deity",
             "supernatural", "spirit"}
# Kinds of place, by the nearest hypernym that names one (a capital is a city before it is an "area, country").
TOWNS = {"city", "town", "municipality", "borough", "urban_area", "national_capital", "state_capital", "port",
         "village", "suburb", "metropolis", "township", "provincial_capital", "capital", "small_town"}
COUNTRIES = {"country", "state", "province", "continent", "american_state", "nation", "kingdom", "archipelago",
             "island_nation", "commonwealth"}
NATURAL = {"body_of_water", "natural_elevation", "geological_formation", "shore", "forest", "desert", "wilderness",
           "plain", "land", "island", "woodland", "tract", "water", "biome"}


def main() -> None:
    data = read_data("n")
    index = read_index("n")
    lemmas = json.loads(gzip.decompress(TABLES.read_bytes()))["lemmas"]

    def closure(off: str) -> set[str]:
        names, frontier = set(), [off]
        for _ in range(14):
            nxt = []
            for o in frontier:
                names.update(data[o]["words"])
                nxt += [t for sym, t, tp, _ in data[o]["ptrs"] if sym in ("@", "@i") and tp == "n"]
            frontier = nxt
        return names

    def place_kind(off: str) -> str:
        """``t`` town, ``k`` country, ``o`` natural place: the nearest hypernym level that names one."""
        frontier = [off]
        for _ in range(14):
            names = {n for o in frontier for n in data[o]["words"]}
            for letter, kinds in (("t", TOWNS), ("k", COUNTRIES), ("o", NATURAL)):
                if names & kinds:
                    return letter
            frontier = [t for o in frontier for sym, t, tp, _ in data[o]["ptrs"] if sym in ("@", "@i") and tp == "n"]
        return ""

    out: dict[str, str] = {}
    for w, e in lemmas.items():
        if w not in index or not any(p == "n" for p, _ in e["p"]):
            continue
        t = ""
        for rank, off in enumerate(index[w][1][:2]):  # h from the first sense; the others from either
            lex, names = data[off]["lex"], closure(off)
            physical = lex in ("noun.artifact", "noun.object", "noun.plant", "noun.food", "noun.substance") \
                or (lex == "noun.communication" and names & HELD_WORDS)
            if rank == 0 and physical and not names & NOT_HELD:
                t += "h"
            if rank == 0 and (lex == "noun.location" or names & PLACES):
                t += "g"
            if rank == 0 and "g" in t:  # what kind of place: a city's lines are not a country's
                t += place_kind(off)
            if lex == "noun.person" and rank == 0 and names & IMAGINARY:
                t += "i"  # a dragon, an angel, a god: sung of, but not a person who laughs or calls
            elif lex == "noun.person" and rank == 0:
                t += "s"
                if not names & NOT_ROLES or names & {"worker", "professional"}:
                    t += "r"
                if names & {"child", "offspring", "juvenile", "kid"}:
                    t += "c"
                if "parent" in names:
                    t += "p"
                if names & TRADES and not names & NOT_TRADES:
                    t += "w"
                    if names & HANDS_ON:
                        t += "l"
            if lex == "noun.animal" and rank == 0:
                t += "a"
            if lex in ("noun.act", "noun.event", "noun.time") or (lex == "noun.communication" and names & EVENTS):
                t += "e"
            if lex in ("noun.feeling", "noun.state") and rank == 0:
                t += "m"
        t = "".join(dict.fromkeys(t))
        if t:
            out[w] = t
    blob = json.dumps(out, separators=(",", ":"), sort_keys=True).encode()
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(blob)
    print(f"{len(out)} typed nouns, {OUT.stat().st_size / 1e3:.0f} kB -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
