"""Service benchmark: time from submit to the text, first and complete callbacks, and tasks per
hour with the default worker count, on the embedded defaults (SQLite, local files).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_service.py [--lengths 30 180] [--batch 4]

Runs a real server on loopback with a real callback receiver; instrumentals are synthesised
(pads, bass, drums). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.instrumentals import instrumental_wav  # noqa: E402
from tests.service.live import CallbackReceiver, LiveService  # noqa: E402

PROMPT = "a song about driving home through the summer night"


def one_task(svc, key, rx, url, seed):
    with svc.client(key) as c:
        t0 = time.time()
        r = c.post("/api/v1/generate/add-vocals", json={
            "uploadUrl": url, "prompt": PROMPT, "title": "Night Drive", "style": "synth pop",
            "negativeTags": "", "callBackUrl": rx.url, "seed": seed})
        task_id = r.json()["data"]["taskId"]
    out = {"accept": time.time() - t0}
    for stage in ("text", "first", "complete"):
        while True:
            hits = [c for c in rx.calls if c["body"]["data"]["task_id"] == task_id
                    and c["body"]["data"]["callbackType"] == stage]
            if hits:
                out[stage] = hits[0]["at"] - t0
                break
            time.sleep(0.05)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", type=float, nargs="+", default=[30.0, 180.0])
    ap.add_argument("--batch", type=int, default=4, help="tasks submitted at once for the throughput figure")
    ap.add_argument("--batch-length", type=float, default=30.0)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, LiveService(Path(tmp), TOPLINE_RATE_LIMIT_PER_MINUTE="1000") as svc, \
            CallbackReceiver() as rx:
        key = svc.new_key(credits=100000)["apiKey"]
        warm = svc.upload(key, instrumental_wav(8.0))
        one_task(svc, key, rx, warm, 0)  # load models once, as a running server has
        for length in args.lengths:
            url = svc.upload(key, instrumental_wav(length))
            r = one_task(svc, key, rx, url, 1)
            rows.append((length, r))
        url = svc.upload(key, instrumental_wav(args.batch_length))
        t0 = time.time()
        with svc.client(key) as c:
            ids = [c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": PROMPT, "title": "B", "style": "pop", "negativeTags": "",
                "callBackUrl": rx.url, "seed": i}).json()["data"]["taskId"] for i in range(args.batch)]
        while sum(1 for c in rx.calls if c["body"]["data"]["callbackType"] == "complete"
                  and c["body"]["data"]["task_id"] in ids) < len(ids):
            time.sleep(0.2)
        wall = time.time() - t0
    workers = svc.env["TOPLINE_WORKERS"]
    print(f"\nSubmit -> callback, embedded mode, {workers} worker, warm server (seconds)\n")
    print("| instrumental | accept | text | first | complete | target (3 min) |")
    print("|---|---|---|---|---|---|")
    for length, r in rows:
        print(f"| {length:.0f} s | {r['accept']:.2f} | {r['text']:.2f} | {r['first']:.1f} | {r['complete']:.1f} | "
              "text ≤ 2, first ≤ 30, complete ≤ 60 |")
    print(f"\nThroughput: {len(ids)} tasks of {args.batch_length:.0f} s in {wall:.1f} s = "
          f"{3600 * len(ids) / wall:.0f} tasks/hour ({3600 * len(ids) * args.batch_length / wall / 60:.0f} "
          "minutes of instrumental per hour)")


if __name__ == "__main__":
    main()
