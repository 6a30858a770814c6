"""Load test on loopback, scaled-out mode: many clients submit at once; throughput, queue wait and
p50/p95 latency against the number of Celery workers (PostgreSQL, RabbitMQ, S3 server on this machine).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_load.py [--workers 1 2] [--tasks 6] [--seconds 10]

Bounded in count and time: each round submits ``--tasks`` tasks from as many client threads at once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from tests.instrumentals import instrumental_wav  # noqa: E402
from tests.service.live import CallbackReceiver  # noqa: E402
from tests.tasks.scaleout import Cluster  # noqa: E402


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def round_trip(workers: int, n_tasks: int, seconds: float, timeout: float) -> dict:
    from topline.tasks.models import Task

    with tempfile.TemporaryDirectory() as tmp, \
            Cluster(Path(tmp), broker="amqp://guest:guest@127.0.0.1:5672//", workers=workers) as cluster, \
            CallbackReceiver() as rx:
        key = cluster.api.new_key(credits=10**6)["apiKey"]
        url = cluster.api.upload(key, instrumental_wav(seconds))
        time.sleep(3.0)  # let the workers start
        ids: list[str] = []
        submitted: dict[str, float] = {}
        lock = threading.Lock()

        def client(i: int) -> None:
            with cluster.api.client(key) as c:
                t0 = time.time()
                r = c.post("/api/v1/generate/add-vocals", json={
                    "uploadUrl": url, "prompt": "a song about the sea", "title": f"L{i}", "style": "pop",
                    "negativeTags": "", "callBackUrl": rx.url, "seed": i})
                tid = r.json()["data"]["taskId"]
                with lock:
                    ids.append(tid)
                    submitted[tid] = t0

        start = time.time()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(n_tasks)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        done: dict[str, float] = {}
        while len(done) < n_tasks and time.time() - start < timeout:
            for c in list(rx.calls):
                d = c["body"]["data"]
                if d["callbackType"] == "complete" and d["task_id"] in submitted and d["task_id"] not in done:
                    done[d["task_id"]] = c["at"]
            time.sleep(0.2)
        wall = max(done.values()) - start if done else float("nan")
        with cluster.api.ctx.db.session() as s:
            waits = [w for w in s.execute(select(Task.queue_s).where(Task.id.in_(ids))).scalars() if w is not None]
        lat = [done[t] - submitted[t] for t in done]
        return {"workers": workers, "tasks": n_tasks, "done": len(done), "wall": wall,
                "per_hour": 3600 * len(done) / wall, "wait_p50": pct(waits, 0.5), "wait_p95": pct(waits, 0.95),
                "lat_p50": statistics.median(lat), "lat_p95": pct(lat, 0.95)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--tasks", type=int, default=6)
    ap.add_argument("--seconds", type=float, default=10.0, help="length of each instrumental")
    ap.add_argument("--timeout", type=float, default=900.0)
    args = ap.parse_args()
    rows = [round_trip(w, args.tasks, args.seconds, args.timeout) for w in args.workers]
    print(f"\n{args.tasks} clients at once, {args.seconds:.0f} s instrumentals, Celery + RabbitMQ + PostgreSQL + S3 "
          "on one 2-core machine\n")
    print("| workers | done | wall s | tasks/hour | queue wait p50 / p95 s | submit→complete p50 / p95 s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['workers']} | {r['done']}/{r['tasks']} | {r['wall']:.1f} | {r['per_hour']:.0f} | "
              f"{r['wait_p50']:.1f} / {r['wait_p95']:.1f} | {r['lat_p50']:.1f} / {r['lat_p95']:.1f} |")
    if len(rows) >= 2:
        print(f"\nscaling 1→{rows[-1]['workers']} workers: ×{rows[-1]['per_hour'] / rows[0]['per_hour']:.2f}")


if __name__ == "__main__":
    main()
