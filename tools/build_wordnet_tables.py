"""Derive the lyric writer's compact WordNet tables from Debian's ``wordnet-base``.

Run once by a maintainer (``apt-get install wordnet-base``, then
``python tools/build_wordnet_tables.py``); the output,
``src/topline/music/lyrics/data/wordnet.json.gz``, ships as package data with
WordNet's licence (``data/WORDNET-LICENSE``).  Only single everyday words are
kept (``wordfreq`` Zipf >= 2.5), each with:

- ``p``: its parts of speech, most used first, with tagged-sense counts;
- ``k``: for nouns, a kind (person, place, vehicle, animal, food, feeling, time,
  event, weather, thing, idea) from the first sense's lexicographer file and hypernyms;
- ``i``: for verbs, 1 when a first sense takes "Somebody ----s" (intransitive);
- ``r``: related words of the first senses (synonyms, hypernyms, parts and
  wholes, derived forms, then content words of the gloss), everyday ones only.

``exc`` maps irregular inflections to lemmas (WordNet's ``*.exc``).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

WN = Path("/usr/share/wordnet")
OUT = Path(__file__).resolve().parents[1] / "src/topline/music/lyrics/data/wordnet.json.gz"
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
LEX = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
       "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
       "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
       "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
       "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
       "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl").split()
PLACE_HEADS = {"structure", "construction", "room", "building", "edifice", "way", "area", "facility", "installation",
               "establishment", "tract", "geographical_area", "body_of_water", "land", "dwelling", "housing",
               "region", "location", "point", "topographic_point", "place", "road", "route", "shore", "geological_formation"}
STOP = set("a an the of or and to in on at for with by from as that which who is are be been being into out up "
           "one some any something someone somebody especially usually often used having has have its it their "
           "etc very more most other such than this these those not no can may made make e.g. i.e. all each "
           "part kind type act process state quality".split())
KINDS = {"noun.person": "person", "noun.animal": "animal", "noun.food": "food", "noun.feeling": "feeling",
         "noun.time": "time", "noun.event": "event", "noun.act": "event", "noun.phenomenon": "weather",
         "noun.location": "place", "noun.artifact": "thing", "noun.object": "thing", "noun.plant": "thing",
         "noun.substance": "thing", "noun.body": "thing", "noun.communication": "thing", "noun.possession": "thing"}


def everyday(w: str, floor: float) -> bool:
    return bool(re.fullmatch(r"[a-z]+(?:'[a-z]+)?", w)) and zipf_frequency(w, "en") >= floor


def read_data(pos: str) -> dict[str, dict]:
    out = {}
    for line in (WN / f"data.{POS[pos]}").open(encoding="latin-1"):
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition("|")
        f = head.split()
        off, lex, wcnt = f[0], int(f[1]), int(f[3], 16)
        words = [f[4 + 2 * i].lower().split("(")[0] for i in range(wcnt)]
        i = 4 + 2 * wcnt
        pcnt = int(f[i]); i += 1
        ptrs = []
        for _ in range(pcnt):
            sym, toff, tpos, st = f[i:i + 4]; i += 4
            ptrs.append((sym, toff, "a" if tpos == "s" else tpos, st))
        frames = []
        if pos == "v" and i < len(f):
            fcnt = int(f[i]); i += 1
            for _ in range(fcnt):
                frames.append(int(f[i + 1])); i += 3
        gloss = gloss.split(";")[0].strip()
        out[off] = dict(lex=LEX[lex], words=words, ptrs=ptrs, frames=frames, gloss=gloss)
    return out


def read_index(pos: str) -> dict[str, tuple[int, list[str]]]:
    out = {}
    for line in (WN / f"index.{POS[pos]}").open(encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, scnt, pcnt = f[0], int(f[2]), int(f[3])
        tag = int(f[5 + pcnt])
        offs = f[6 + pcnt:6 + pcnt + scnt]
        out[lemma] = (tag, offs)
    return out


def main() -> None:
    data = {p: read_data(p) for p in POS}
    index = {p: read_index(p) for p in POS}
    lemmas = sorted({w for p in POS for w in index[p] if everyday(w, 2.5)})
    table: dict[str, dict] = {}

    def closure_names(off: str, depth: int = 12) -> set[str]:
        names, frontier = set(), [off]
        for _ in range(depth):
            nxt = []
            for o in frontier:
                s = data["n"][o]
                names.update(s["words"])
                nxt += [t for sym, t, tp, _ in s["ptrs"] if sym in ("@", "@i") and tp == "n"]
            frontier = nxt
        return names

    for w in lemmas:
        entry: dict = {}
        posl = [(index[p][w][0], p) for p in POS if w in index[p]]
        posl.sort(key=lambda t: (-t[0], "nvar".index(t[1])))
        entry["p"] = [[p, tag] for tag, p in posl]
        related: list[str] = []
        gloss_words: list[str] = []
        for tag, p in posl:
            offs = index[p][w][1][:2]
            for rank, off in enumerate(offs):
                s = data[p][off]
                if p == "n" and rank == 0:
                    kind = KINDS.get(s["lex"], "idea")
                    if kind == "thing" and closure_names(off) & {"vehicle", "conveyance", "craft"}:
                        kind = "vehicle"
                    elif kind == "thing" and closure_names(off) & PLACE_HEADS:
                        kind = "place"
                    entry["k"] = kind
                if p == "v" and (2 in s["frames"] or 1 in s["frames"]):
                    entry["i"] = 1
                related += s["words"]
                for sym, toff, tpos, st in s["ptrs"]:
                    if sym in ("@", "@i", "%p", "#p", "%m", "#m", "+", "&", "=", "\\", "%s", "#s"):
                        if tpos == "r":
                            continue
                        t = data[tpos][toff]
                        if st != "0000":  # lexical pointer: one word of the target synset
                            tw = int(st[2:], 16) - 1
                            related.append(t["words"][tw] if tw < len(t["words"]) else t["words"][0])
                        else:
                            related += t["words"][:3]
                if rank == 0:
                    gloss_words += re.findall(r"[a-z]+", s["gloss"].lower())
        seen, rel = {w}, []
        for r in related + gloss_words:
            if r in seen or r in STOP or not everyday(r, 3.0):
                continue
            seen.add(r)
            rel.append(r)
        entry["r"] = rel[:24]
        table[w] = entry
    exc: dict[str, str] = {}
    for p in ("noun", "verb", "adj"):
        for line in (WN / f"{p}.exc").open(encoding="latin-1"):
            f = line.split()
            if len(f) >= 2 and f[1] in table and everyday(f[0], 2.0):
                exc.setdefault(f[0], f[1])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    blob = json.dumps({"lemmas": table, "exc": exc}, separators=(",", ":"), sort_keys=True).encode()
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(blob)
    print(f"{len(table)} lemmas, {len(exc)} exceptions, {OUT.stat().st_size / 1e6:.2f} MB -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
