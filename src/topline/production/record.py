"""``produce``: a dry sung vocal and the instrumental in, a finished record (and its stems) out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import signal

from ..errors import ProductionError
from ..music.controls import Controls
from ..music.types import Score
from .backing import CHORUS_KINDS, active_spans, chorus_mask, double_span, harmony_line
from .chain import delay_return, lead_chain, reverb_returns
from .exciter import AIR_DB, excite
from .master import (TARGET_LUFS, MasterSettings, hop_energy, hop_length, k_weighted, loudness_from_hops,
                     master_with_settings)
from .envelope import frames_to_samples
from .mix import balance_gain, duck_gain, presence_dip, ride_db, shortfall_lu

#: Vocal stem loudness minus instrumental stem loudness, as mixed: a pop vocal sits forward.
BALANCE_LU = 2.0
_DUCK_DB = 2.5  # the whole instrumental, held over phrases
#: The instrumental's dynamic EQ under the voice (``mix.presence_dip``): the bands (Hz) with their
#: largest cut (dB), and how far the lead should stand above the instrumental in each. 4-8 kHz
#: (the consonants, the top of what a 16 kHz recogniser hears) joined 1-4 kHz: over 26 tracks the
#: lead's level over a bright instrumental there was what most told the songs that lose words on
#: the mix from those that do not (Spearman -0.57 against mix minus stem WER; 1-4 kHz -0.2).
#: 250-1000 Hz (the voice's first formant and its low harmonics, where guitars, keys and pads
#: sit) joined them: a bright, dense instrumental masks the lead there too (glimpses of the voice
#: in 500-1000 Hz went with the mix WER more than in any other band, Spearman -0.54 over 18
#: unseen tracks); with the balance raised by the shortfall it took the unseen set's mean mix WER
#: from 13.2 to 11.2 % (the band alone, without the raise, did not help: 13.8 %).
UNMASK_BANDS = ((250.0, 1000.0, 6.0), (1000.0, 4000.0, 6.0), (4000.0, 8000.0, 6.0))
UNMASK_TARGET_DB = 3.0
#: Where the dip cannot clear the lead (its largest cut is not enough: a bright, dense
#: instrumental), the vocal rises over ``balance_lu`` by what the lead still lacks of the target on
#: average (``mix.shortfall_lu``, dB for dB), at most this many LU: from the default +2 LU to
#: +2.5 at most, short of +3 LU, the edge of a record's balance (``quality.md``). A 1 LU cap put
#: half the unseen tracks at +3 LU and did no better on them (mean mix WER 11.5 against 11.2 %).
BALANCE_RAISE_LU = 0.5
#: How far under its loud frames in a band the lead counts as not sounding there / as fully
#: sounding (dB): the dip's cut is scaled between them.
UNMASK_ACTIVE_DB = (30.0, 10.0)
#: The vocal rider (``mix.ride_db``): the most the voices are raised and lowered (dB) where they
#: stand less or further over the instrumental than over most of the song (0, 0: no riding).
RIDE_DB = (4.0, 2.0)
_PREMASTER_PEAK_DB = -1.0
_DOUBLE_GAIN = 0.5  # each double, -6 dB under the lead
_HARMONY_GAIN = 0.4  # -8 dB
#: The reverb and delay returns duck under the lead while it sings (``mix.duck_gain`` keyed by the
#: processed lead): the cut (dB), how long it holds over the gaps between words (s) and its
#: smoothing (s). Inside a phrase the returns sat in the lead's consonant gaps and note changes with
#: the notes before; they now bloom in the rests, as a ducked reverb and delay do on a record.
RETURN_DUCK = (9.0, 0.15, 0.08)
#: The delay return ducks deeper (dB), on the same envelope: its echoes are of notes a beat or
#: three quarters of a beat earlier, and 9 dB under the lead they still filled the lead's voiceless
#: consonants with those pitches, which harvest tracked (0.4-0.7 points of frames within 50 cents
#: on the stem; reverb and doubles cost nothing measurable there). They now sound in the rests.
DELAY_DUCK_DB = 18.0
#: A breathier style gets more air from the exciter (dB per unit of ``profile.breathiness``).
AIR_PER_BREATHINESS_DB = 4.0


@dataclass
class Production:
    """A produced track, every array float32 shaped (2, n).

    Attributes
    ----------
    mix : np.ndarray
        The mastered mix (-14 LUFS integrated, true peak <= -1 dBTP).
    premaster : np.ndarray
        The mix before the master bus; equals ``vocal_stem + instrumental_stem``.
    vocal_stem, instrumental_stem : np.ndarray
        The voices (lead, backing, effects; ridden) and the instrumental (ducked, its bands under
        the lead's dipped where they mask it), as they sit in the mix.
    sr : int
    backing_stem : np.ndarray or None
        The backing voices (doubles and harmony with their reverb) as they sit in the mix, a
        part of ``vocal_stem``; ``vocal_stem - backing_stem`` is the lead with its effects.
        None when the track has no backing voices.
    master_settings : MasterSettings or None
        The master bus's drive, ceiling and trim (``apply_master(premaster, ...)`` is ``mix``).
    """

    mix: np.ndarray
    premaster: np.ndarray
    vocal_stem: np.ndarray
    instrumental_stem: np.ndarray
    sr: int
    backing_stem: np.ndarray | None = None
    master_settings: MasterSettings | None = None


def _check(instrumental: np.ndarray, vocal: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(sr, (int, np.integer)) or sr < 8000:
        raise ProductionError(f"Cannot produce at a sample rate of {sr!r} Hz; use 8000 Hz or more.")
    inst = np.asarray(instrumental)
    voc = np.asarray(vocal)
    if inst.ndim != 2 or inst.shape[0] not in (1, 2) or inst.shape[1] == 0:
        raise ProductionError(
            f"The instrumental must be shaped (channels, samples) with 1 or 2 channels, got {inst.shape}."
        )
    if voc.ndim != 1 or voc.size == 0:
        raise ProductionError(f"The vocal must be a non-empty mono array, got shape {voc.shape}.")
    if not np.all(np.isfinite(inst)):
        raise ProductionError("The instrumental contains NaN or infinite samples.")
    if not np.all(np.isfinite(voc)):
        raise ProductionError("The vocal contains NaN or infinite samples.")
    if not np.any(voc):
        raise ProductionError("The vocal is silent: there is nothing to mix.")
    inst = inst.astype(np.float32, copy=False)
    if inst.shape[0] == 1:
        inst = np.repeat(inst, 2, axis=0)
    n = inst.shape[1]
    voc = voc.astype(np.float32, copy=False)
    voc = voc[:n] if voc.size >= n else np.pad(voc, (0, n - voc.size))
    return np.ascontiguousarray(inst), np.ascontiguousarray(voc)


#: The backing voices' presence band (Hz) and how far it is cut (dB) under the lead's.
BACKING_PRESENCE = (1000.0, 4000.0, 12.0)
#: The backing voices' high pass, as a multiple of the chorus notes' median frequency (0: none).
BACKING_HIGHPASS = 2.0


def backing_highpass_hz(score: Score) -> float:
    """Where the backing voices are high-passed: ``BACKING_HIGHPASS`` times the median frequency of
    the chorus notes (0 without any). On a median note the doubles' fundamental is then 25 dB down
    and the harmony's (a third above, 1.25 times it) 18 dB: left in, the harmony's pulled harvest's
    F0 off the lead's through the sustained notes (1.5-2 points of frames within 50 cents)."""
    hz = [440.0 * 2 ** ((nt.midi - 69) / 12) for nt in score.notes if nt.section.lower() in CHORUS_KINDS]
    return float(BACKING_HIGHPASS * np.median(hz)) if hz and BACKING_HIGHPASS > 0 else 0.0


def backing_source(lead: np.ndarray, *, sr: int, highpass_hz: float = 0.0) -> np.ndarray:
    """The lead as the backing voices are made from it: its presence band cut by
    ``BACKING_PRESENCE[2]`` dB (a bell, ``x - c * bandpass(x)``), so the words' consonants and
    upper formants come from the lead alone and the copies do not comb-filter them; and, with
    ``highpass_hz`` > 0, high-passed there (a zero-phase 2nd-order Butterworth run both ways: 6 dB
    down at ``highpass_hz``, 17.6 dB at 0.625 times it), thin backing voices that leave the low
    register, and the pitch, to the lead."""
    lo, hi, cut_db = BACKING_PRESENCE
    if cut_db <= 0:
        return lead
    sos = signal.butter(2, [lo, min(hi, 0.45 * sr)], btype="bandpass", fs=sr, output="sos").astype(np.float32)
    b = signal.sosfiltfilt(sos, lead).astype(np.float32)
    b *= np.float32(1.0 - 10 ** (-cut_db / 20))
    out = np.subtract(lead, b, out=b)
    if 0 < highpass_hz < 0.45 * sr:
        hp = signal.butter(2, highpass_hz, btype="highpass", fs=sr, output="sos").astype(np.float32)
        out = signal.sosfiltfilt(hp, out).astype(np.float32)
    return out


def vocal_bus(vocal: np.ndarray, *, sr: int, score: Score, controls: Controls) -> tuple[np.ndarray, np.ndarray]:
    """The vocal as it will sit in the mix (before level): lead, chorus backing and effect returns.

    The dry vocal first gets its air band back (``exciter.excite``: harmonics generated above
    the voice model's Nyquist, not an EQ boost), then the lead chain.

    Returns
    -------
    bus : np.ndarray, shape (2, n)
    lead : np.ndarray, shape (n,)
        The processed dry lead (drives the ducking).
    """
    bus, lead, _ = vocal_bus_parts(vocal, sr=sr, score=score, controls=controls)
    return bus, lead


def vocal_bus_parts(vocal: np.ndarray, *, sr: int, score: Score,
                    controls: Controls) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """``vocal_bus``, plus the backing voices' part of the bus (doubles, harmony and their
    reverb), or None when the track has none. The bus is the same either way."""
    prof = controls.profile  # the negative tags are already applied to it
    n = vocal.size
    # The voice model stops at its Nyquist (11-12 kHz): restore the air band before the chain.
    vocal = excite(vocal, sr=sr, air_db=AIR_DB + AIR_PER_BREATHINESS_DB * float(prof.breathiness))
    lead = lead_chain(vocal, sr=sr, profile=prof)
    bus = np.stack([lead, lead])
    backing = None
    want_double = bool(prof.doubling)
    want_harmony = bool(prof.harmony)
    if want_double or want_harmony:
        mask = chorus_mask(score, n=n, sr=sr)
        spans = active_spans(mask, pad=int(0.05 * sr))
        if spans:
            backing = np.zeros((2, n), dtype=np.float32)
            source = backing_source(lead, sr=sr, highpass_hz=backing_highpass_hz(score))
        if want_double:  # one take each side, at different delays so they do not comb together
            for ch, (seed, base) in enumerate(((controls.seed, 17.0), (controls.seed + 1, 26.0))):
                for span in spans:
                    a, b = span
                    d = double_span(source, sr=sr, seed=seed, base_ms=base, span=span)
                    d *= mask[a:b]
                    d *= np.float32(_DOUBLE_GAIN)
                    bus[ch, a:b] += d
                    backing[ch, a:b] += d
        if want_harmony and spans:
            h = harmony_line(source, score, sr=sr, spans=spans)
            for a, b in spans:
                hm = _HARMONY_GAIN * mask[a:b] * h[a:b]
                bus[0, a:b] += 1.2 * hm  # a little left of centre
                bus[1, a:b] += 0.8 * hm
                backing[0, a:b] += 1.2 * hm
                backing[1, a:b] += 0.8 * hm
    reverb, delay = float(prof.reverb_wet), float(prof.delay_wet)
    depth, hold, smooth = RETURN_DUCK
    duck = duck_gain(lead, sr=sr, depth_db=depth, hold_s=hold, smooth_s=smooth)[None, :] if depth > 0 else None
    if backing is None:
        rev = reverb_returns(bus, sr=sr, wet=reverb)[0]
    else:
        rev, backing_rev = reverb_returns(bus, backing, sr=sr, wet=reverb)
        if duck is not None:
            backing_rev *= duck
        backing += backing_rev
        del backing_rev
    dly = delay_return(lead, sr=sr, wet=delay, tempo=score.tempo)
    if duck is not None:
        rev *= duck
        # the same envelope, deeper: 10 ** (-DELAY_DUCK_DB / 20) is the gain's floor as well
        dly *= duck ** np.float32(DELAY_DUCK_DB / depth)
    bus += rev
    bus += dly
    del rev, dly
    return bus, lead, backing


def produce(instrumental: np.ndarray, vocal: np.ndarray, *, sr: int, score: Score, controls: Controls,
            balance_lu: float = BALANCE_LU) -> Production:
    """Mix a dry sung vocal over the instrumental and master the result.

    The instrumental ducks gently under the voice and its bands 250-1000 Hz, 1-4 and 4-8 kHz are
    dipped where, and while, they mask the lead (``mix.presence_dip``); the voices are ridden
    phrase by phrase towards their usual standing over the instrumental (``mix.ride_db``) and set
    ``balance_lu`` over it, more by what the dip could not clear (``BALANCE_RAISE_LU`` at most);
    the master bus brings the mix to -14 LUFS, at most -1 dBTP.

    Parameters
    ----------
    instrumental : np.ndarray, shape (channels, n)
        1 or 2 channels, float.
    vocal : np.ndarray, shape (m,)
        The dry sung vocal; padded with silence or trimmed to ``n``.
    sr : int
    score : Score
        The sung melody: chorus notes get doubles / harmony, its tempo sets the delay.
    controls : Controls
        ``controls.profile`` sets the vocal chain and the effects (negative tags already applied).
    balance_lu : float
        Vocal stem loudness minus instrumental stem loudness, before the raise where the dip
        leaves the lead short (``mix.shortfall_lu``, at most ``BALANCE_RAISE_LU``).

    Returns
    -------
    Production

    Raises
    ------
    ProductionError
        Malformed input (shape, empty or silent vocal, NaN).
    """
    inst, voc = _check(instrumental, vocal, sr)
    bus, lead, backing = vocal_bus_parts(voc, sr=sr, score=score, controls=controls)
    inst = inst * duck_gain(lead, sr=sr, depth_db=_DUCK_DB)[None, :]
    # Loudness of any gain-weighted sum of the two, from their K-weighted hop energies.
    kv = k_weighted(bus, sr=sr)
    evv = hop_energy(kv, sr=sr)
    ei0 = hop_energy(k_weighted(inst, sr=sr), sr=sr)
    up, down = RIDE_DB
    if up > 0 or down > 0:
        ride = ride_db(evv, ei0, up_db=up, down_db=down)
        if np.any(ride != 0):
            hop = hop_length(sr)
            frames = -(-bus.shape[-1] // hop)
            ride = np.pad(ride, (0, frames - ride.size), mode="edge")
            curve = frames_to_samples(10 ** (ride / 20), hop=hop, n=bus.shape[-1])
            bus *= curve[None, :]
            kv *= curve[None, :]  # K-weighting is linear and the ride slow (balance kept to 0.01 LU)
            lead = lead * curve
            if backing is not None:  # the backing voices are part of the bus: ridden with it
                backing *= curve[None, :]
            evv = hop_energy(kv, sr=sr)
    # The lead at its level in the mix decides where the instrumental's presence band masks it
    # and is dipped; the balance is then set against the instrumental as it will sound.
    gv = balance_gain(evv, ei0, sr=sr, balance_lu=balance_lu)
    dip = presence_dip(inst, lead * np.float32(gv), sr=sr, bands=UNMASK_BANDS, target_db=UNMASK_TARGET_DB,
                       active_db=UNMASK_ACTIVE_DB)
    inst = dip.instrumental
    raise_lu = min(shortfall_lu(dip), BALANCE_RAISE_LU) if BALANCE_RAISE_LU > 0 else 0.0
    del dip
    ki = k_weighted(inst, sr=sr)
    eii, evi = hop_energy(ki, sr=sr), hop_energy(kv, ki, sr=sr)
    gv = balance_gain(evv, eii, sr=sr, balance_lu=balance_lu + raise_lu)
    bus *= np.float32(gv)
    # One gain for both stems: the pre-master at the target loudness unless that would push
    # its peak over -1 dBFS, so stems stay in range for anyone re-mixing them.
    pre = bus + inst
    lufs = loudness_from_hops(gv * gv * evv + 2 * gv * evi + eii, sr=sr)
    peak = max(float(pre.max()), -float(pre.min()))
    g = 10 ** (_PREMASTER_PEAK_DB / 20) / peak if peak > 0 else 1.0
    if np.isfinite(lufs):
        g = min(g, 10 ** ((TARGET_LUFS - lufs) / 20))
    # The stems are scaled in place (both are this call's own arrays) and the pre-master is
    # their exact sum, written over the unscaled sum's buffer.
    vocal_stem, instrumental_stem = bus, inst
    vocal_stem *= np.float32(g)
    instrumental_stem *= np.float32(g)
    if backing is not None:  # scaled as the bus was, so it is the very part of the vocal stem
        backing *= np.float32(gv)
        backing *= np.float32(g)
    premaster = np.add(vocal_stem, instrumental_stem, out=pre)
    # K-weighting is linear: the pre-master's is the stems' mixed with the same gains.
    kv *= np.float32(g * gv)
    ki *= np.float32(g)
    kpre = np.add(kv, ki, out=kv)
    del ki
    mix, settings = master_with_settings(premaster, sr=sr, lufs=lufs + 20 * np.log10(g) if np.isfinite(lufs) else None,
                                         k_weighted_input=kpre)
    del kpre, kv
    if not np.all(np.isfinite(mix)):
        raise ProductionError("Mastering produced invalid samples.")
    return Production(mix=mix, premaster=premaster, vocal_stem=vocal_stem,
                      instrumental_stem=instrumental_stem, sr=int(sr), backing_stem=backing,
                      master_settings=settings)
