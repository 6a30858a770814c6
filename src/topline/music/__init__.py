"""The musician: analysis of the instrumental, lyrics, composition (pure functions)."""
