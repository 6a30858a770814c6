"""Fit the downbeat model for three or four beats a bar (``meter_model.py``; tried, not kept in the analysis).

Reads the cached inputs of the meter decision (``meter_cues.py``) of the training set
(``corpus_meterfit.py``) and the tuning sets, never the checking sets.  Each item whose tracked beats
are at the true tempo (median beat period within 10 %) and whose meter is 3/4 or 4/4 gives one example
per beat: ``meter_model.activation_features`` of its ``downbeat_cues``, labelled by whether a true bar
line falls on it.  A logistic regression (scikit-learn, C 0.1, classes balanced) over all those beats gives
``DOWNBEAT_WEIGHTS`` (its intercept is dropped: a constant does not move the position test).
``CUE_SHARE`` and ``THRESHOLD`` are chosen on 10-fold cross-validation over the items (each fold's
activation from a model fitted without it): the fewest items counted in the wrong meter, summed over the
thresholds within 0.5 either side (a broad low run, not a lone dip).  Prints the constants to paste
into ``meter_model.py`` and, per set, the items miscounted by the old rule (``triple_evidence`` >= 3) and by
the model (cross-validated).

Run: ``python benchmarks/fit_meter.py --cache /tmp/meter_cues [SET ...]`` (default: the training set and
the four tuning sets' folder names under the cache).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from meter_model import activation_features, downbeat_cues

from topline.music.analysis.rhythm import grouping_evidence, triple_evidence

HOP, SR = 512, 22050  # the analysis's frame grid
SETS = (".corpus-meterfit", ".corpus-triple", ".corpus-chorales34", ".corpus", ".corpus-heldout")
CHECKING = (".corpus-validation", ".corpus-fresh")
FOLDS = 10
SHARES = (0.0, 0.25, 0.5, 1.0)
THRESHOLDS = np.round(np.arange(-4.0, 10.01, 0.25), 2)


def label(d: dict) -> tuple[int, int] | None:
    """(beats a bar, index of the first downbeat mod it) on the tracked grid, or None when unusable."""
    m = {"3/4": 3, "4/4": 4}.get(str(d["meter"]))
    if m is None or bool(d["compound"]):
        return None
    bt = d["beat_frames"] * HOP / SR
    if not 0.9 < np.median(np.diff(bt)) / np.median(np.diff(d["beats"])) < 1.1:
        return None
    per = np.median(np.diff(bt))
    near = [int(np.argmin(np.abs(bt - t))) for t in d["downbeats"]]
    idx = [k % m for k, t in zip(near, d["downbeats"]) if abs(bt[k] - t) < 0.25 * per]
    return (m, int(np.bincount(idx, minlength=m).argmax())) if idx else None


def items(cache: Path, sets: tuple[str, ...]) -> list[dict]:
    out = []
    for s in sets:
        if s in CHECKING:
            raise SystemExit(f"{s} is a checking set: never fitted on")
        for f in sorted((cache / s).glob("*.npz")):
            d = dict(np.load(f, allow_pickle=True))
            lab = label(d)
            if lab is None:
                continue
            cues = downbeat_cues(d["bass_onset"], d["onset"], d["chroma"], d["bass_chroma"], d["beat_frames"])
            m, phase = lab
            out.append(dict(
                id=f"{s}/{f.stem}", three=m == 3, X=activation_features(cues),
                y=(np.arange(cues.shape[1]) % m) == phase, rule=triple_evidence(cues[:4]),
            ))  # fmt: skip
    return out


def fit(train: list[dict]) -> np.ndarray:
    clf = LogisticRegression(C=0.1, class_weight="balanced", max_iter=5000)
    clf.fit(np.vstack([it["X"] for it in train]), np.concatenate([it["y"] for it in train]))
    return clf.coef_.ravel()


def act_evidence(w: np.ndarray, it: dict) -> float:
    a = (it["X"] @ w)[None]
    return grouping_evidence(a, 3) - grouping_evidence(a, 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/meter_cues"))
    args = ap.parse_args()
    data = items(args.cache, tuple(args.sets))
    three = np.array([it["three"] for it in data])
    rule = np.array([it["rule"] for it in data])
    cv = np.zeros(len(data))
    for k in range(FOLDS):
        w = fit([it for j, it in enumerate(data) if j % FOLDS != k])
        for j, it in enumerate(data):
            if j % FOLDS == k:
                cv[j] = act_evidence(w, it)
    best = None
    for share in SHARES:
        wrong = np.array([np.sum((cv + share * rule >= t) != three) for t in THRESHOLDS])
        # the errors summed over thresholds within 0.5 either side: the middle of a broad low run, not a lone dip
        smooth = np.convolve(wrong, np.ones(5), mode="same")[2:-2]
        k = 2 + int(np.argmin(smooth))
        if best is None or smooth[k - 2] < best[0]:
            best = (float(smooth[k - 2]), share, float(THRESHOLDS[k]), int(wrong[k]))
        near = [f"{t:g}:{n}" for t, n in zip(THRESHOLDS, wrong) if abs(t - THRESHOLDS[k]) <= 2]
        print(f"share {share}: wrong by threshold " + " ".join(near))
    _, share, threshold, n_wrong = best
    w = fit(data).reshape(4, -1)  # rows: meter_model.OFFSETS
    print(f"\n{len(data)} items ({three.sum()} in 3/4); old rule wrong {np.sum((rule >= 3) != three)}, "
          f"model (cross-validated) wrong {n_wrong}\n")  # fmt: skip
    model = cv + share * rule >= threshold
    for s in args.sets:
        mine = [j for j, it in enumerate(data) if it["id"].startswith(s + "/")]
        old = [data[j]["id"].split("/")[1] for j in mine if (rule[j] >= 3) != three[j]]
        new = [data[j]["id"].split("/")[1] for j in mine if model[j] != three[j]]
        print(f"{s}: old rule wrong {len(old)} {old}\n{'':{len(s)}}  model wrong {len(new)} {new}")
    print("\nDOWNBEAT_WEIGHTS = np.array([")
    for row in w:
        print("    [" + ", ".join(f"{x:+.4f}" for x in row) + "],")
    print("])  # fmt: skip")
    print(f"CUE_SHARE = {share}\nTHRESHOLD = {threshold}")


if __name__ == "__main__":
    main()
