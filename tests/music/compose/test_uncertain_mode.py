"""An analysis unsure of major or minor: the melody keeps to what both modes share, except the
tones of the chord that really sounds."""

from __future__ import annotations

import dataclasses

import numpy as np

from topline.music.compose import compose

from .songs import analysis, controls, lyrics

MODAL = {3, 4, 8, 9, 10, 11}  # over C: the thirds, sixths and sevenths where major and minor differ


def _modal_share(score, a) -> float:
    """Share of notes on a degree the modes do not share and the sounding chord does not hold."""
    from topline.music.compose.grid import chord_pcs

    def chord_at(t):
        return next((chord_pcs(lab) for s, e, lab in a.chords if s <= t < e), frozenset())

    notes = [n for n in score.notes if not n.tie]
    off = [n for n in notes if n.midi % 12 in MODAL and n.midi % 12 not in chord_at(n.start)]
    return len(off) / len(notes)


def test_an_unsure_mode_keeps_the_melody_off_the_modal_degrees():
    loop = ("C:5", "F:5", "G:5", "C:5")  # bare fifths: nothing tells major from minor
    sure = analysis(loop=loop)
    unsure = dataclasses.replace(sure, mode_confidence=0.2)
    ly, c = lyrics(), controls(vocal_gender="f")
    shares_sure = [_modal_share(compose(sure, ly, controls=c, variant=v), sure) for v in (1, 2)]
    shares_unsure = [_modal_share(compose(unsure, ly, controls=c, variant=v), unsure) for v in (1, 2)]
    assert max(shares_unsure) <= 0.05
    assert np.mean(shares_sure) > 0.15  # a sure major key sings its third, sixth and seventh


def test_an_unsure_mode_still_sings_the_third_of_a_sounding_chord():
    a = dataclasses.replace(analysis(), mode_confidence=0.2)  # C G Am F: E, B, A sound in the chords
    s = compose(a, lyrics(), controls=controls(vocal_gender="m"), variant=1)
    assert any(n.midi % 12 in MODAL for n in s.notes)
    assert _modal_share(s, a) <= 0.05
