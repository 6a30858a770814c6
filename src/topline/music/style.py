"""Validated request controls -> ``Controls``: style tags to a style profile, negative tags, weights, gender.

The style text is free ("indie pop, breathy female vocals", "lo-fi hip hop"): each comma-separated tag
votes for style families through weighted keywords, and the families' profiles are blended by those
votes.  ``styleWeight`` then moves the blend away from ``neutral()``; negative tags switch traits off.
"""

from __future__ import annotations

import re

from .controls import Controls, StyleProfile

MODELS = ("V4_5PLUS", "V5", "V5_5")
DEFAULT_STYLE_WEIGHT = 0.5
DEFAULT_WEIRDNESS = 0.5
DEFAULT_AUDIO_WEIGHT = 0.5
# styleWeight w moves the profile by w ** STYLE_CURVE of the way from neutral: 0.5 -> ~0.65, so the
# default still sounds clearly like the asked style while 0 gives neutral and 1 the full profile.
STYLE_CURVE = 0.62

_NUMERIC = (
    "rhythm_density", "syncopation", "range_semitones", "melisma", "phrase_bars", "spoken",
    "leap_tolerance", "vibrato_depth_cents", "vibrato_rate_hz", "vibrato_delay_s", "portamento_s",
    "breathiness", "reverb_wet", "delay_wet", "saturation_db", "compression_ratio",
)  # fmt: skip


def _p(family: str, **v) -> StyleProfile:
    return StyleProfile(family=family, **v)


def neutral() -> StyleProfile:
    """The profile a style weight of 0 yields: a plain, middle-of-the-road pop voice."""
    return _p(
        "pop", rhythm_density=1.0, syncopation=0.2, range_semitones=11, melisma=0.1, phrase_bars=4,
        spoken=0.0, leap_tolerance=0.3, vibrato_depth_cents=25.0, vibrato_rate_hz=5.5,
        vibrato_delay_s=0.3, portamento_s=0.06, breathiness=0.2, reverb_wet=0.18, delay_wet=0.08,
        saturation_db=1.5, compression_ratio=3.0, doubling=False, harmony=False,
    )  # fmt: skip


# Full-strength profiles (style weight 1).  Numbers follow how singers of each family usually phrase:
# density in syllables per beat, range in semitones, vibrato in cents.
FAMILIES: dict[str, StyleProfile] = {
    "pop": _p("pop", rhythm_density=1.2, syncopation=0.3, range_semitones=12, melisma=0.1, phrase_bars=4,
              spoken=0.0, leap_tolerance=0.3, vibrato_depth_cents=25, vibrato_rate_hz=5.5, vibrato_delay_s=0.3,
              portamento_s=0.06, breathiness=0.25, reverb_wet=0.2, delay_wet=0.12, saturation_db=2.0,
              compression_ratio=4.0, doubling=True, harmony=True),
    "rock": _p("rock", rhythm_density=1.1, syncopation=0.25, range_semitones=13, melisma=0.05, phrase_bars=4,
               spoken=0.0, leap_tolerance=0.4, vibrato_depth_cents=20, vibrato_rate_hz=5.8, vibrato_delay_s=0.35,
               portamento_s=0.05, breathiness=0.1, reverb_wet=0.15, delay_wet=0.1, saturation_db=6.0,
               compression_ratio=5.0, doubling=True, harmony=True),
    "jazz": _p("jazz", rhythm_density=0.9, syncopation=0.55, range_semitones=14, melisma=0.25, phrase_bars=4,
               spoken=0.0, leap_tolerance=0.55, vibrato_depth_cents=35, vibrato_rate_hz=5.2, vibrato_delay_s=0.4,
               portamento_s=0.1, breathiness=0.3, reverb_wet=0.25, delay_wet=0.03, saturation_db=1.0,
               compression_ratio=2.5, doubling=False, harmony=False),
    "rnb": _p("rnb", rhythm_density=1.1, syncopation=0.5, range_semitones=14, melisma=0.45, phrase_bars=4,
              spoken=0.0, leap_tolerance=0.45, vibrato_depth_cents=30, vibrato_rate_hz=5.6, vibrato_delay_s=0.3,
              portamento_s=0.12, breathiness=0.3, reverb_wet=0.22, delay_wet=0.12, saturation_db=1.5,
              compression_ratio=4.0, doubling=True, harmony=True),
    "hiphop": _p("hiphop", rhythm_density=2.4, syncopation=0.45, range_semitones=5, melisma=0.0, phrase_bars=2,
                 spoken=0.85, leap_tolerance=0.1, vibrato_depth_cents=5, vibrato_rate_hz=5.5,
                 vibrato_delay_s=0.6, portamento_s=0.03, breathiness=0.1, reverb_wet=0.08, delay_wet=0.1,
                 saturation_db=3.0, compression_ratio=6.0, doubling=True, harmony=False),
    "country": _p("country", rhythm_density=1.1, syncopation=0.2, range_semitones=12, melisma=0.1,
                  phrase_bars=4, spoken=0.05, leap_tolerance=0.3, vibrato_depth_cents=25, vibrato_rate_hz=5.8,
                  vibrato_delay_s=0.3, portamento_s=0.1, breathiness=0.15, reverb_wet=0.15, delay_wet=0.08,
                  saturation_db=2.0, compression_ratio=3.5, doubling=True, harmony=True),
    "folk": _p("folk", rhythm_density=1.0, syncopation=0.1, range_semitones=10, melisma=0.08, phrase_bars=4,
               spoken=0.05, leap_tolerance=0.25, vibrato_depth_cents=15, vibrato_rate_hz=5.3, vibrato_delay_s=0.4,
               portamento_s=0.06, breathiness=0.35, reverb_wet=0.15, delay_wet=0.03, saturation_db=0.5,
               compression_ratio=2.0, doubling=False, harmony=True),
    "electronic": _p("electronic", rhythm_density=1.3, syncopation=0.4, range_semitones=10, melisma=0.05,
                     phrase_bars=2, spoken=0.05, leap_tolerance=0.3, vibrato_depth_cents=10, vibrato_rate_hz=5.5,
                     vibrato_delay_s=0.5, portamento_s=0.04, breathiness=0.25, reverb_wet=0.3, delay_wet=0.25,
                     saturation_db=2.5, compression_ratio=5.0, doubling=True, harmony=True),
    "ballad": _p("ballad", rhythm_density=0.75, syncopation=0.1, range_semitones=15, melisma=0.3, phrase_bars=4,
                 spoken=0.0, leap_tolerance=0.45, vibrato_depth_cents=35, vibrato_rate_hz=5.2,
                 vibrato_delay_s=0.35, portamento_s=0.1, breathiness=0.3, reverb_wet=0.32, delay_wet=0.12,
                 saturation_db=0.5, compression_ratio=3.0, doubling=False, harmony=True),
    "metal": _p("metal", rhythm_density=1.3, syncopation=0.2, range_semitones=14, melisma=0.05, phrase_bars=2,
                spoken=0.1, leap_tolerance=0.45, vibrato_depth_cents=30, vibrato_rate_hz=6.2, vibrato_delay_s=0.3,
                portamento_s=0.04, breathiness=0.05, reverb_wet=0.15, delay_wet=0.1, saturation_db=9.0,
                compression_ratio=6.0, doubling=True, harmony=False),
    "gospel": _p("gospel", rhythm_density=0.9, syncopation=0.4, range_semitones=16, melisma=0.55, phrase_bars=4,
                 spoken=0.0, leap_tolerance=0.55, vibrato_depth_cents=40, vibrato_rate_hz=5.6,
                 vibrato_delay_s=0.25, portamento_s=0.12, breathiness=0.15, reverb_wet=0.3, delay_wet=0.05,
                 saturation_db=1.5, compression_ratio=3.5, doubling=True, harmony=True),
    "reggae": _p("reggae", rhythm_density=1.1, syncopation=0.6, range_semitones=9, melisma=0.1, phrase_bars=2,
                 spoken=0.15, leap_tolerance=0.25, vibrato_depth_cents=15, vibrato_rate_hz=5.5,
                 vibrato_delay_s=0.4, portamento_s=0.08, breathiness=0.2, reverb_wet=0.22, delay_wet=0.3,
                 saturation_db=1.5, compression_ratio=3.5, doubling=False, harmony=True),
    "latin": _p("latin", rhythm_density=1.4, syncopation=0.55, range_semitones=12, melisma=0.2, phrase_bars=2,
                spoken=0.05, leap_tolerance=0.35, vibrato_depth_cents=30, vibrato_rate_hz=5.8, vibrato_delay_s=0.3,
                portamento_s=0.07, breathiness=0.15, reverb_wet=0.2, delay_wet=0.1, saturation_db=1.5,
                compression_ratio=4.0, doubling=True, harmony=True),
    "punk": _p("punk", rhythm_density=1.5, syncopation=0.15, range_semitones=9, melisma=0.0, phrase_bars=2,
               spoken=0.2, leap_tolerance=0.3, vibrato_depth_cents=5, vibrato_rate_hz=6.0, vibrato_delay_s=0.6,
               portamento_s=0.03, breathiness=0.05, reverb_wet=0.1, delay_wet=0.03, saturation_db=8.0,
               compression_ratio=6.0, doubling=True, harmony=False),
    "indie": _p("indie", rhythm_density=1.0, syncopation=0.3, range_semitones=11, melisma=0.08, phrase_bars=4,
                spoken=0.05, leap_tolerance=0.35, vibrato_depth_cents=12, vibrato_rate_hz=5.4,
                vibrato_delay_s=0.45, portamento_s=0.07, breathiness=0.4, reverb_wet=0.28, delay_wet=0.15,
                saturation_db=2.0, compression_ratio=3.0, doubling=True, harmony=False),
    "blues": _p("blues", rhythm_density=0.9, syncopation=0.45, range_semitones=12, melisma=0.35, phrase_bars=4,
                spoken=0.05, leap_tolerance=0.4, vibrato_depth_cents=35, vibrato_rate_hz=5.4,
                vibrato_delay_s=0.3, portamento_s=0.12, breathiness=0.2, reverb_wet=0.2, delay_wet=0.05,
                saturation_db=3.0, compression_ratio=3.5, doubling=False, harmony=False),
}  # fmt: skip

# Keyword -> (family, weight).  Matched on word boundaries, longest phrases first, in lower case.
KEYWORDS: dict[str, tuple[tuple[str, float], ...]] = {
    "pop": (("pop", 1.0),), "k-pop": (("pop", 1.0), ("electronic", 0.4)), "dance pop": (("pop", 1.0), ("electronic", 0.6)),
    "synth pop": (("pop", 0.7), ("electronic", 0.8)), "synthpop": (("pop", 0.7), ("electronic", 0.8)),
    "indie pop": (("indie", 1.0), ("pop", 0.8)), "bedroom pop": (("indie", 1.0), ("pop", 0.6)),
    "dream pop": (("indie", 1.0), ("electronic", 0.3)), "shoegaze": (("indie", 1.0), ("rock", 0.4)),
    "rock": (("rock", 1.0),), "hard rock": (("rock", 1.0), ("metal", 0.4)), "grunge": (("rock", 1.0), ("punk", 0.3)),
    "alternative": (("rock", 0.6), ("indie", 0.6)), "alt rock": (("rock", 1.0), ("indie", 0.4)),
    "indie rock": (("indie", 1.0), ("rock", 0.8)), "indie": (("indie", 1.0),),
    "punk": (("punk", 1.0),), "pop punk": (("punk", 1.0), ("pop", 0.5)), "emo": (("punk", 0.6), ("rock", 0.5)),
    "metal": (("metal", 1.0),), "heavy metal": (("metal", 1.0),), "metalcore": (("metal", 1.0), ("punk", 0.3)),
    "jazz": (("jazz", 1.0),), "swing": (("jazz", 0.9),), "bossa nova": (("latin", 0.8), ("jazz", 0.7)),
    "bebop": (("jazz", 1.0),), "smooth jazz": (("jazz", 1.0), ("rnb", 0.3)), "lounge": (("jazz", 0.7),),
    "r&b": (("rnb", 1.0),), "rnb": (("rnb", 1.0),), "r and b": (("rnb", 1.0),), "soul": (("rnb", 1.0),),
    "neo soul": (("rnb", 1.0), ("jazz", 0.3)), "motown": (("rnb", 0.9), ("pop", 0.3)), "funk": (("rnb", 0.8),),
    "hip hop": (("hiphop", 1.0),), "hip-hop": (("hiphop", 1.0),), "hiphop": (("hiphop", 1.0),),
    "rap": (("hiphop", 1.0),), "trap": (("hiphop", 1.0), ("electronic", 0.3)), "drill": (("hiphop", 1.0),),
    "boom bap": (("hiphop", 1.0),), "lo-fi hip hop": (("hiphop", 0.8), ("jazz", 0.3), ("indie", 0.3)),
    "lo-fi": (("indie", 0.5), ("hiphop", 0.3)), "lofi": (("indie", 0.5), ("hiphop", 0.3)),
    "country": (("country", 1.0),), "americana": (("country", 0.8), ("folk", 0.5)),
    "bluegrass": (("country", 0.8), ("folk", 0.6)), "honky tonk": (("country", 1.0),),
    "folk": (("folk", 1.0),), "acoustic": (("folk", 0.8),), "singer-songwriter": (("folk", 0.9),),
    "singer songwriter": (("folk", 0.9),), "celtic": (("folk", 1.0),),
    "electronic": (("electronic", 1.0),), "edm": (("electronic", 1.0),), "dance": (("electronic", 0.9),),
    "house": (("electronic", 1.0),), "techno": (("electronic", 1.0),), "trance": (("electronic", 1.0),),
    "dubstep": (("electronic", 1.0),), "drum and bass": (("electronic", 1.0),), "dnb": (("electronic", 1.0),),
    "synthwave": (("electronic", 1.0), ("pop", 0.4)), "synth": (("electronic", 0.6),),
    "electro": (("electronic", 0.9),), "disco": (("electronic", 0.6), ("rnb", 0.4), ("pop", 0.3)),
    "chillwave": (("electronic", 0.8), ("indie", 0.4)), "future bass": (("electronic", 1.0), ("pop", 0.3)),
    "ballad": (("ballad", 1.0),), "power ballad": (("ballad", 1.0), ("rock", 0.5)), "piano ballad": (("ballad", 1.0),),
    "slow": (("ballad", 0.4),), "cinematic": (("ballad", 0.6),), "orchestral": (("ballad", 0.5),),
    "gospel": (("gospel", 1.0),), "choir": (("gospel", 0.7),), "worship": (("gospel", 0.8), ("pop", 0.3)),
    "spiritual": (("gospel", 0.7),), "reggae": (("reggae", 1.0),), "dub": (("reggae", 0.8),),
    "ska": (("reggae", 0.7), ("punk", 0.4)), "dancehall": (("reggae", 0.9), ("hiphop", 0.3)),
    "reggaeton": (("latin", 1.0), ("hiphop", 0.4)), "latin": (("latin", 1.0),), "salsa": (("latin", 1.0),),
    "bachata": (("latin", 1.0),), "cumbia": (("latin", 1.0),), "samba": (("latin", 1.0),),
    "flamenco": (("latin", 0.9),), "tango": (("latin", 0.8),), "afrobeat": (("latin", 0.5), ("rnb", 0.5)),
    "afrobeats": (("latin", 0.5), ("rnb", 0.5)), "blues": (("blues", 1.0),), "delta blues": (("blues", 1.0),),
}  # fmt: skip

# Traits a style tag can switch on (a nudge on top of the family blend), applied before style weight.
_TRAITS_ON: dict[str, dict[str, float]] = {
    "breathy": {"breathiness": 0.6}, "whisper": {"breathiness": 0.7}, "airy": {"breathiness": 0.55},
    "raspy": {"saturation_db": 4.0}, "gritty": {"saturation_db": 5.0}, "powerful": {"range_semitones": 15},
    "belting": {"range_semitones": 15}, "soulful": {"melisma": 0.4}, "melismatic": {"melisma": 0.6},
    "fast": {"rhythm_density": 1.8}, "upbeat": {"rhythm_density": 1.4}, "mellow": {"rhythm_density": 0.8},
    "chill": {"rhythm_density": 0.85}, "dreamy": {"reverb_wet": 0.35}, "atmospheric": {"reverb_wet": 0.38},
    "ethereal": {"reverb_wet": 0.4}, "spoken": {"spoken": 0.9}, "rapped": {"spoken": 0.9},
    "vibrato": {"vibrato_depth_cents": 45.0}, "syncopated": {"syncopation": 0.6},
}  # fmt: skip

# Negative tags -> excluded trait.  "no vibrato" and "vibrato" both mean: avoid vibrato.
_EXCLUDE: dict[str, str] = {
    "vibrato": "vibrato", "autotune": "autotune", "auto-tune": "autotune", "auto tune": "autotune",
    "reverb": "reverb", "echo": "delay", "delay": "delay", "harmony": "harmony", "harmonies": "harmony",
    "backing vocals": "harmony", "doubling": "doubling", "double tracked": "doubling", "melisma": "melisma",
    "runs": "melisma", "riffs": "melisma", "rap": "rap", "rapping": "rap", "spoken": "rap",
    "spoken word": "rap", "breathy": "breathy", "breath": "breathy", "distortion": "distortion",
    "distorted": "distortion", "saturation": "distortion", "screaming": "distortion", "growl": "distortion",
    "falsetto": "falsetto", "high notes": "falsetto", "syncopation": "syncopation",
}  # fmt: skip

_FEMALE = ("female", "woman", "women", "girl", "girls", "soprano", "mezzo", "alto", "diva", "she", "her",
           "lady", "feminine")  # fmt: skip
_MALE = ("male", "man", "men", "boy", "boys", "baritone", "bass voice", "tenor", "he", "his", "guy",
         "masculine", "crooner")  # fmt: skip


# Voice-type words -> semitones the voice's median moves from its gender's usual pop tessitura
# (male ~D3, female ~D#4).  Longest phrases first; within a tag the first match counts.  Genre words
# ("deep house") are not voice types, so only explicit voice phrases are listed.
_TESSITURA: dict[str, dict[str, float]] = {
    "m": {"high tenor": 3.0, "countertenor": 3.5, "falsetto": 3.5, "head voice": 3.0, "high pitched": 2.5,
          "high-pitched": 2.5, "high voice": 2.5, "tenor": 1.5, "baritone": -1.0, "bass voice": -2.0,
          "bass singer": -2.0, "basso": -2.0, "deep voice": -2.0, "deep vocals": -2.0, "low voice": -2.0,
          "high vocals": 2.5, "low vocals": -2.0},
    "f": {"soprano": 2.5, "coloratura": 3.0, "high pitched": 2.5, "high-pitched": 2.5, "high voice": 2.5,
          "falsetto": 2.0, "head voice": 2.0, "whistle": 3.0, "mezzo": -1.0, "alto": -2.5, "contralto": -3.0,
          "deep voice": -2.5, "deep vocals": -2.5, "low voice": -2.5, "husky": -1.0, "high vocals": 2.5,
          "low vocals": -2.5},
}  # fmt: skip


def tessitura_shift(style: str, *, gender: str, excluded: frozenset[str] = frozenset()) -> float:
    """Semitones the sung register moves for voice-type words in the style ("high tenor", "alto").

    Parameters
    ----------
    style : str
        Free-text style tags.
    gender : {"m", "f"}
    excluded : frozenset of str
        Traits the negative tags exclude: without falsetto / high notes the voice sits a little lower.

    Returns
    -------
    float
        The mean of the matching words' shifts (0 when none matches), clipped to [-3, 3.5].
    """
    table = _TESSITURA[gender]
    found = []
    for tag in _tags(style):
        for phrase in sorted(table, key=len, reverse=True):
            if _has(phrase, tag):
                found.append(table[phrase])
                break
    shift = sum(found) / len(found) if found else 0.0
    if "falsetto" in excluded:
        shift = min(shift, 0.0) - 0.5
    return float(min(3.5, max(-3.0, shift)))


def _tags(text: str) -> list[str]:
    return [t.strip().lower() for t in re.split(r"[,;/|\n]+", text or "") if t.strip()]


def _has(phrase: str, tag: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", tag) is not None


def family_votes(style: str) -> dict[str, float]:
    """Votes per style family from free-text style tags (weighted keyword matching).

    Within one tag, a longer keyword that matches hides the shorter ones inside it ("lo-fi hip hop"
    counts once, not as "lo-fi" + "hip hop").  Earlier tags weigh a little more than later ones.
    """
    votes: dict[str, float] = {}
    for i, tag in enumerate(_tags(style)):
        rank_w = 1.0 / (1.0 + 0.15 * i)
        rest = " " + tag + " "
        for kw in sorted(KEYWORDS, key=len, reverse=True):
            if _has(kw, rest):
                for fam, w in KEYWORDS[kw]:
                    votes[fam] = votes.get(fam, 0.0) + w * rank_w
                rest = re.sub(r"(?<![\w-])" + re.escape(kw) + r"(?![\w-])", " ", rest)
    return votes


def _blend(profiles: list[tuple[StyleProfile, float]], family: str) -> dict[str, float]:
    total = sum(w for _, w in profiles)
    out = {k: sum(getattr(p, k) * w for p, w in profiles) / total for k in _NUMERIC}
    out["doubling"] = sum(float(p.doubling) * w for p, w in profiles) / total
    out["harmony"] = sum(float(p.harmony) * w for p, w in profiles) / total
    return out


def _finish(family: str, v: dict[str, float]) -> StyleProfile:
    return StyleProfile(
        family=family,
        rhythm_density=float(min(3.0, max(0.5, v["rhythm_density"]))),
        syncopation=float(min(1.0, max(0.0, v["syncopation"]))),
        range_semitones=int(round(min(19, max(4, v["range_semitones"])))),
        melisma=float(min(1.0, max(0.0, v["melisma"]))),
        phrase_bars=4 if v["phrase_bars"] >= 3.0 else 2,
        spoken=float(min(1.0, max(0.0, v["spoken"]))),
        leap_tolerance=float(min(1.0, max(0.0, v["leap_tolerance"]))),
        vibrato_depth_cents=float(max(0.0, v["vibrato_depth_cents"])),
        vibrato_rate_hz=float(v["vibrato_rate_hz"]),
        vibrato_delay_s=float(max(0.0, v["vibrato_delay_s"])),
        portamento_s=float(max(0.0, v["portamento_s"])),
        breathiness=float(min(1.0, max(0.0, v["breathiness"]))),
        reverb_wet=float(min(1.0, max(0.0, v["reverb_wet"]))),
        delay_wet=float(min(1.0, max(0.0, v["delay_wet"]))),
        saturation_db=float(max(0.0, v["saturation_db"])),
        compression_ratio=float(max(1.0, v["compression_ratio"])),
        doubling=v["doubling"] >= 0.5,
        harmony=v["harmony"] >= 0.5,
    )


# Engine presets: V5 sings with more melodic variety and a richer production; V5_5 a bit further.
_MODEL_PRESET: dict[str, dict[str, float]] = {
    "V4_5PLUS": {},
    "V5": {"range_semitones": 1, "leap_tolerance": 0.08, "melisma": 0.04, "reverb_wet": 0.03, "delay_wet": 0.02},
    "V5_5": {"range_semitones": 2, "leap_tolerance": 0.12, "melisma": 0.06, "syncopation": 0.05,
             "reverb_wet": 0.04, "delay_wet": 0.03},
}  # fmt: skip


def style_profile(
    style: str = "", *, negative_tags: str = "", style_weight: float = DEFAULT_STYLE_WEIGHT, model: str = "V4_5PLUS"
) -> tuple[StyleProfile, frozenset[str]]:
    """The style profile and excluded traits for a style text, negative tags, weight and model preset.

    Parameters
    ----------
    style : str
        Free-text style tags, comma separated.
    negative_tags : str
        Styles or traits to avoid; blank is fine.
    style_weight : float
        In [0, 1]; how far the profile moves from ``neutral()``.
    model : str
        Engine preset.

    Returns
    -------
    profile : StyleProfile
    excluded : frozenset of str
    """
    votes = family_votes(style)
    neg_votes = family_votes(negative_tags)
    for fam, w in neg_votes.items():  # "no rock": push the blend away from that family
        if fam in votes:
            votes[fam] = max(0.0, votes[fam] - 2.0 * w)
    votes = {f: w for f, w in votes.items() if w > 0}
    if not votes:
        votes = {"pop": 1.0}
    family = max(sorted(votes), key=lambda f: votes[f])
    target = _blend([(FAMILIES[f], w) for f, w in sorted(votes.items())], family)
    tags = _tags(style)
    for trait, vals in _TRAITS_ON.items():
        if any(_has(trait, t) for t in tags):
            for k, x in vals.items():
                target[k] = max(target[k], x) if k != "rhythm_density" else 0.5 * (target[k] + x)

    base = _blend([(neutral(), 1.0)], "pop")
    a = float(style_weight) ** STYLE_CURVE if style_weight > 0 else 0.0
    v = {k: base[k] + a * (target[k] - base[k]) for k in target}
    for k, d in _MODEL_PRESET[model].items():
        v[k] += d

    excluded = set()
    for tag in _tags(negative_tags):
        for phrase, trait in _EXCLUDE.items():
            if _has(phrase, tag):
                excluded.add(trait)
    if "vibrato" in excluded:
        v["vibrato_depth_cents"] = 0.0
    if "reverb" in excluded:
        v["reverb_wet"] = 0.0
    if "delay" in excluded:
        v["delay_wet"] = 0.0
    if "harmony" in excluded:
        v["harmony"] = 0.0
    if "doubling" in excluded:
        v["doubling"] = 0.0
    if "melisma" in excluded:
        v["melisma"] = 0.0
    if "rap" in excluded:
        v["spoken"] = 0.0
        v["rhythm_density"] = min(v["rhythm_density"], 1.4)
        v["range_semitones"] = max(v["range_semitones"], 9)
    if "breathy" in excluded:
        v["breathiness"] = min(v["breathiness"], 0.05)
    if "distortion" in excluded:
        v["saturation_db"] = 0.0
    if "falsetto" in excluded:
        v["range_semitones"] = min(v["range_semitones"], 10)
    if "syncopation" in excluded:
        v["syncopation"] = min(v["syncopation"], 0.05)
    return _finish(family, v), frozenset(excluded)


def infer_gender(style: str) -> str | None:
    """``"f"`` or ``"m"`` when the style text names a voice ("breathy female vocals"), else None."""
    text = (style or "").lower()
    f = sum(1 for w in _FEMALE if _has(w, text))
    m = sum(1 for w in _MALE if _has(w, text))
    if f > m:
        return "f"
    if m > f:
        return "m"
    return None


def resolve_controls(
    *,
    seed: int,
    title: str = "",
    style: str = "",
    negative_tags: str = "",
    vocal_gender: str | None = None,
    style_weight: float | None = None,
    weirdness: float | None = None,
    audio_weight: float | None = None,
    model: str | None = None,
    voice: str | None = None,
) -> Controls:
    """Resolve validated musical controls into ``Controls``: gender, register and style profile.

    This does no validation: the service's request model (or the CLI, through the same model)
    has checked every value.  The negative tags are applied here, once, to the profile and the
    register; no later stage looks at them again.

    Parameters
    ----------
    seed : int
        The task's seed (drawn by the service when the request has none).
    title, style, negative_tags : str
        As requested (blank or whitespace negative tags are fine).
    vocal_gender : {"m", "f"} or None
        Always honoured when given; else inferred from the style, else a coin from the seed.
    style_weight, weirdness, audio_weight : float or None
        In [0, 1]; None takes the default (0.5 each).
    model : {"V4_5PLUS", "V5", "V5_5"} or None
        Engine preset; None is ``"V4_5PLUS"``.
    voice : str or None
        The neural voice's name; None leaves the voice's default for the gender.

    Returns
    -------
    Controls
    """
    sw = DEFAULT_STYLE_WEIGHT if style_weight is None else float(style_weight)
    wd = DEFAULT_WEIRDNESS if weirdness is None else float(weirdness)
    aw = DEFAULT_AUDIO_WEIGHT if audio_weight is None else float(audio_weight)
    model = model or "V4_5PLUS"
    gender = vocal_gender or infer_gender(style)
    if gender is None:
        gender = "f" if (seed >> 4) & 1 else "m"  # a stable coin from the seed
    profile, excluded = style_profile(style, negative_tags=negative_tags, style_weight=sw, model=model)
    return Controls(
        title=title, style=style, negative_tags=negative_tags.strip(), gender=gender, style_weight=sw,
        weirdness=wd, audio_weight=aw, model=model, seed=int(seed), profile=profile, excluded=excluded,
        register=tessitura_shift(style, gender=gender, excluded=excluded), voice=voice,
    )  # fmt: skip


__all__ = [
    "FAMILIES", "MODELS", "family_votes", "infer_gender", "neutral", "resolve_controls",
    "style_profile", "tessitura_shift",
]  # fmt: skip
