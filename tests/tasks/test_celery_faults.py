"""Fault injection: workers SIGKILLed at random points across a batch of tasks. Every task still
succeeds, is charged once, sends each callback stage (each stage has exactly one delivery id,
so a receiver can drop a repeat), and leaves all its files and nothing else."""

from __future__ import annotations

import random
import time

import httpx
import pytest
from sqlalchemy import select

from tests.instrumentals import instrumental_wav
from tests.service.live import CallbackReceiver
from tests.tasks.scaleout import Cluster, wait_all

pytestmark = pytest.mark.services

DELIVERABLES = {"input.wav", "lyrics.txt", "lyrics.json", "analysis.json"} | {
    f"track-{k}.{ext}" for k in (1, 2) for ext in ("mp3", "wav", "vocals.wav", "instrumental.wav", "jpeg",
                                                   "score.json", "mid", "lyrics.json", "json", "dry.flac",
                                                   "master.json")}


def _submit(cluster, api_key, rx, n, seconds=10.0):
    url = cluster.api.upload(api_key, instrumental_wav(seconds))
    ids = []
    with cluster.api.client(api_key) as c:
        for i in range(n):
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": "[Verse]\nhold the line tonight\nwe run into the light",
                "title": f"T{i}", "style": "pop", "negativeTags": "", "callBackUrl": rx.url, "seed": i})
            assert r.status_code == 200, r.text
            ids.append(r.json()["data"]["taskId"])
    return ids


def test_sigkilled_workers_lose_nothing(tmp_path):
    rng = random.Random(7)
    with Cluster(tmp_path, broker="amqp://guest:guest@127.0.0.1:5672//", workers=2) as cluster, \
            CallbackReceiver() as rx:
        key = cluster.api.new_key(credits=1000)
        ids = _submit(cluster, key["apiKey"], rx, 4)
        kills = 0
        deadline = time.time() + 600
        for _ in range(2):  # kill a random worker at a random point, then replace it
            time.sleep(rng.uniform(4.0, 12.0))
            victim = rng.choice(cluster.workers())
            cluster.kill(victim)
            kills += 1
            cluster.start_worker(f"{victim}-r{kills}")
        done = wait_all(cluster, key["apiKey"], ids, timeout=deadline - time.time())
        assert sorted(done) == sorted(ids), f"unfinished: {set(ids) - set(done)}"
        assert all(d["status"] == "SUCCESS" and len(d["response"]["sunoData"]) == 2 for d in done.values())

        # every callback stage delivered, in order, one delivery id per stage
        end = time.time() + 60
        while time.time() < end and sum(1 for c in rx.calls if c["body"]["data"]["callbackType"] == "complete") < 4:
            time.sleep(0.5)
        for t in ids:
            calls = [c for c in rx.calls if c["body"]["data"]["task_id"] == t]
            stages = [c["body"]["data"]["callbackType"] for c in calls]
            first_seen = list(dict.fromkeys(stages))
            assert first_seen == ["text", "first", "complete"], (t, stages)
            ids_per_stage = {}
            for c in calls:
                ids_per_stage.setdefault(c["body"]["data"]["callbackType"], set()).add(
                    c["headers"]["X-Topline-Delivery-Id"])
            assert all(len(v) == 1 for v in ids_per_stage.values())

        # charged exactly once, never refunded
        from topline.tasks.models import LedgerEntry

        with cluster.api.ctx.db.session() as s:
            rows = s.execute(select(LedgerEntry.task_id, LedgerEntry.reason)
                             .where(LedgerEntry.task_id.is_not(None))).all()
        assert sorted(rows) == sorted((t, "charge") for t in ids)
        with cluster.api.client(key["apiKey"]) as c:
            assert c.get("/api/v1/chat/credit").json()["data"] == 1000 - 12 * len(ids)

        # every deliverable present, nothing else (no orphans, no temporaries)
        store = cluster.api.ctx.store
        for t in ids:
            names = {b.key.rsplit("/", 1)[-1] for b in store.list(f"tasks/{t}/")}
            assert DELIVERABLES <= names, DELIVERABLES - names
            assert names - DELIVERABLES <= {"track-1.waveform.json", "track-2.waveform.json"}
        prefixes = {b.key.split("/")[1] for b in store.list("tasks/")}
        assert prefixes == set(ids)
        for d in done.values():
            assert httpx.get(d["response"]["sunoData"][1]["audioUrl"]).status_code == 200


def test_redis_broker_runs_a_task(tmp_path):
    with Cluster(tmp_path, broker="redis://127.0.0.1:6379/5", workers=1) as cluster, CallbackReceiver() as rx:
        key = cluster.api.new_key(credits=100)
        ids = _submit(cluster, key["apiKey"], rx, 1)
        done = wait_all(cluster, key["apiKey"], ids, timeout=300)
        assert [d["status"] for d in done.values()] == ["SUCCESS"]
        rx.wait_for("complete", timeout=60)


def _drop_connections(db_name: str) -> float:
    """What a restart of PostgreSQL and RabbitMQ does to their clients; returns when it happened."""
    import subprocess

    import psycopg

    broker = subprocess.Popen(["rabbitmqctl", "close_all_connections", "topline test: broker restart"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as c:
        for _ in range(3):
            c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (db_name,))
            time.sleep(0.5)
    assert broker.wait(timeout=120) == 0
    return time.time()


def test_database_and_broker_connections_dropped_mid_task(tmp_path):
    import shutil

    if shutil.which("rabbitmqctl") is None:
        from tests.support import need_service

        need_service("rabbitmqctl (to drop the broker's connections, as a broker restart does)")
    with Cluster(tmp_path, broker="amqp://guest:guest@127.0.0.1:5672//", workers=1) as cluster, \
            CallbackReceiver() as rx:
        key = cluster.api.new_key(credits=1000)
        ids = _submit(cluster, key["apiKey"], rx, 3, seconds=20.0)
        rx.wait_for("text", timeout=120)
        dropped = _drop_connections(cluster.pg.name)
        done = wait_all(cluster, key["apiKey"], ids, timeout=500)
        assert sorted(done) == sorted(ids) and all(d["status"] == "SUCCESS" for d in done.values())
        completed = [c["at"] for c in rx.calls if c["body"]["data"]["callbackType"] == "complete"]
        assert max(completed) > dropped  # work really was in flight when the connections went
        with cluster.api.client(key["apiKey"]) as c:
            assert c.get("/api/v1/chat/credit").json()["data"] == 1000 - 36
