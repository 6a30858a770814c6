"""Style registers for written lyrics: each style family's line density (syllables per line
relative to pop) and its register adjectives."""

REGISTER: dict[str, dict] = {
    "metal": dict(adjs=["dark", "black", "cold", "iron", "bleeding"], density=1.0),
    "hiphop": dict(adjs=["real", "fresh", "fast", "heavy", "solid"], density=1.35),
    "country": dict(adjs=["dusty", "old", "muddy", "little", "Sunday"], density=1.0),
    "gospel": dict(adjs=["holy", "glorious", "shining", "blessed", "mighty"], density=0.9),
    "ballad": dict(adjs=["gentle", "fragile", "tender", "silent", "softest"], density=0.85),
}
