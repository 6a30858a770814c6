"""Words for the lyric writer: WordNet tables, lemmas, parts of speech, kinds, frequency.

The WordNet tables ship as package data (``data/wordnet.json.gz``, derived from
Debian's ``wordnet-base`` by ``tools/build_wordnet_tables.py``, licence in
``data/WORDNET-LICENSE``); word frequencies come from ``wordfreq``.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

NOUN_KINDS = ("person", "place", "vehicle", "animal", "food", "feeling", "time", "event", "weather", "thing", "idea")


@lru_cache(maxsize=1)
def tables() -> dict:
    """``{"lemmas": {word: entry}, "exc": {inflected: lemma}}`` (see the builder for the entry keys)."""
    raw = resources.files("topline.music.lyrics").joinpath("data/wordnet.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def entry(lemma: str) -> dict | None:
    return tables()["lemmas"].get(lemma)


@lru_cache(maxsize=20000)
def zipf(word: str) -> float:
    """Everyday frequency of ``word`` on the Zipf scale (about 1 rare .. 7 "the")."""
    return zipf_frequency(word, "en")


_NOUN_RULES = (("ies", "y"), ("ves", "f"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
               ("shes", "sh"), ("men", "man"), ("s", ""))
_VERB_RULES = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""),
               ("ing", "e"), ("ing", ""))
_ADJ_RULES = (("er", ""), ("est", ""), ("er", "e"), ("est", "e"))


def lemma(word: str, pos: str | None = None) -> str:
    """WordNet-style base form (morphy): exceptions first, then suffix rules, else the word."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    lem = tables()["lemmas"]
    exc = tables()["exc"]
    own = pos == "n" and w in lem and "n" in {p for p, _ in lem[w]["p"]}  # "wedding", "rose": nouns of their own
    if w in exc and not own and (pos is None or pos in {p for p, _ in lem[exc[w]]["p"]}):
        return exc[w]
    if w in lem and (pos is None or pos in {p for p, _ in lem[w]["p"]}):
        if w.endswith("s") and pos in (None, "n") and w[:-1] in lem and zipf(w[:-1]) > zipf(w):
            return w[:-1]  # "letters" is a WordNet lemma of its own, but mostly the plural of "letter"
        return w
    rules = {"n": _NOUN_RULES, "v": _VERB_RULES, "a": _ADJ_RULES}
    for p in ([pos] if pos else ["n", "v", "a"]):
        for suf, rep in rules.get(p, ()):
            if w.endswith(suf) and len(w) > len(suf) + 1:
                base = w[: -len(suf)] + rep
                if base in lem and p in {q for q, _ in lem[base]["p"]}:
                    return base
                if suf == "ing" and len(base) > 2 and base[-1] == base[-2] and base[:-1] in lem:  # running
                    return base[:-1]
                if suf == "ed" and len(base) > 2 and base[-1] == base[-2] and base[:-1] in lem:  # stopped
                    return base[:-1]
    return w


def parts_of_speech(word: str) -> list[str]:
    """WordNet parts of speech of ``word``'s lemma, most used first (``n``, ``v``, ``a``, ``r``)."""
    e = entry(lemma(word))
    return [p for p, _ in e["p"]] if e else []


def kind(noun: str) -> str:
    """A noun's kind (one of ``NOUN_KINDS``; ``"thing"`` when WordNet has no noun sense)."""
    e = entry(lemma(noun, "n"))
    return e.get("k", "thing") if e else "thing"


@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    raw = resources.files("topline.music.lyrics").joinpath("data/wordnet_types.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def types(noun: str) -> str:
    """What a line may do with a noun, as letters (``tools/build_wordnet_types.py``): ``h`` held or
    kept (a physical object), ``g`` gone to or been in (a place), ``s`` a person, ``a`` an animal,
    ``e`` something that happens (event, act, time), ``m`` a state of mind; of places ``t`` a city or town,
    ``k`` a country, state or continent, ``o`` a natural place; ``i`` an imaginary being (a dragon, a god,
    not a person who laughs); ``""`` when unknown."""
    w = lemma(noun, "n")
    table = _types()
    if object_plural(w):
        return table[w[:-1]]  # "shoes" (WordNet's own lemma: "in my shoes") are a thing held, as a shoe is
    if w in table or w in tables()["lemmas"]:
        return table.get(w, "")
    for k in range(1, len(w) - 3):  # a compound WordNet lacks: its longest known tail ("treehouse": house)
        if w[k:] in table:
            return table[w[k:]]
    return ""


def object_plural(word: str) -> bool:
    """True for a plural WordNet keeps as a lemma of its own only in a sense of the mind ("shoes": "in my
    shoes") whose singular is a thing held ("shoe"): it is that thing's plural."""
    w, table = word.lower(), _types()
    return w.endswith("s") and table.get(w) == "m" and "h" in table.get(w[:-1], "")


def intransitive(verb: str) -> bool:
    e = entry(lemma(verb, "v"))
    return bool(e and e.get("i"))


def related(word: str) -> list[str]:
    """WordNet neighbours of ``word`` (synonyms, hypernyms, parts, derived forms, gloss words)."""
    e = entry(lemma(word))
    return list(e["r"]) if e else []


def third_person(verb: str) -> str:
    """``wait`` -> ``waits`` (regular spelling rules; ``be``/``have`` irregular)."""
    if verb in ("be", "have"):
        return {"be": "is", "have": "has"}[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def gerund(verb: str) -> str:
    """``drive`` -> ``driving``, ``run`` -> ``running``, ``wait`` -> ``waiting``."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    v = "aeiou"
    if (len(verb) >= 3 and verb[-1] not in v + "wxy" and verb[-2] in v and verb[-3] not in v
            and sum(c in v for c in verb) == 1):
        return verb + verb[-1] + "ing"
    return verb + "ing"
