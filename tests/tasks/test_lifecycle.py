"""The task lifecycle in the database: charge once, stages once and in order, refund once."""

from __future__ import annotations

import json

import pytest

from topline.errors import AudioError, SensitiveWordError
from topline.pipeline import TrackResult
from topline.tasks import accounts, lifecycle
from topline.tasks.db import Database, dispose_all
from topline.tasks.models import Account, Delivery, LedgerEntry, Task
from tests.tasks.specs import BODY, request, spec


@pytest.fixture
def db(tmp_path):
    d = Database(f"sqlite:///{tmp_path / 't.db'}")
    d.migrate()
    yield d
    dispose_all()


def _task(db, credits=30):
    with db.session() as s:
        key = accounts.create_key(s, credits=credits)
        acct = s.get(Account, key.account_id)
        lifecycle.accept(s, account=acct, spec=spec("t1", audio_key="tasks/t1/input.wav", seed=3, title="T",
                                                     style="pop", negativeTags=" "),
                         param=request(title="T", style="pop", negativeTags=" ", seed=3), callback_url="http://cb",
                         cost=12)
    return key


def _credits(db, account_id):
    with db.session() as s:
        return s.get(Account, account_id).credits


def test_accept_charges_once_and_spec_keeps_the_seed(db):
    key = _task(db)
    assert _credits(db, key.account_id) == 18
    with db.session() as s:
        spec = lifecycle.spec_for(s.get(Task, "t1"))
    c = spec.controls
    assert (spec.seed, spec.prompt, c.title, c.negative_tags, c.model) == (3, "la", "T", "", "V4_5PLUS")
    assert spec.audio_key == "tasks/t1/input.wav" and spec.task_id == "t1"


def test_charge_refused_when_short(db):
    from topline.errors import InsufficientCreditsError

    with db.session() as s:
        key = accounts.create_key(s, credits=5)
    with pytest.raises(InsufficientCreditsError, match="costs 12 and the balance is 5"):
        with db.session() as s:
            lifecycle.accept(s, account=s.get(Account, key.account_id), spec=spec("t2"), param={},
                             callback_url="http://cb", cost=12)
    assert _credits(db, key.account_id) == 5
    with db.session() as s:
        assert s.get(Task, "t2") is None


def _track(k):
    return TrackResult(variant=k, audio_id=f"a{k}", duration=10.0, title="T", tags="pop", create_time_ms=1,
                       files={"mp3": f"tasks/t1/track-{k}.mp3", "image": f"tasks/t1/track-{k}.jpeg"},
                       voice="af_heart")


def test_stages_move_forward_and_queue_each_callback_once(db):
    _task(db)
    with db.session() as s:
        lifecycle.record_stage(s, "t1", "text", callback_body=BODY, lyrics="[Verse]\nla")
        lifecycle.record_stage(s, "t1", "first", callback_body=BODY, tracks=[_track(1)])
    with db.session() as s:  # a resumed task announces again: no second delivery, no regression
        lifecycle.record_stage(s, "t1", "text", callback_body=BODY, lyrics="[Verse]\nla")
        assert s.get(Task, "t1").status == "FIRST_SUCCESS"
        lifecycle.record_stage(s, "t1", "complete", callback_body=BODY, tracks=[_track(1), _track(2)])
    with db.session() as s:
        rows = s.query(Delivery).order_by(Delivery.seq).all()
        task = s.get(Task, "t1")
        assert [(d.stage, d.seq) for d in rows] == [("text", 1), ("first", 2), ("complete", 3)]
        assert task.status == "SUCCESS" and task.finished_at is not None
        first = json.loads(rows[1].body)
        assert [t["id"] for t in first["data"]["data"]] == ["a1"]
        assert [t["id"] for t in json.loads(rows[2].body)["data"]["data"]] == ["a1", "a2"]
        assert [t["voice"] for t in json.loads(rows[2].body)["data"]["data"]] == ["af_heart", "af_heart"]
        from topline.service.payloads import record_info

        info = record_info(task, public_url="http://t", file_retention_days=14)
        assert [t["voice"] for t in info["response"]["sunoData"]] == ["af_heart", "af_heart"]


def test_failure_refunds_once_with_531(db):
    key = _task(db)
    with db.session() as s:
        lifecycle.fail(s, "t1", AudioError("The audio is silent."), callback_body=BODY)
    with db.session() as s:
        lifecycle.fail(s, "t1", AudioError("again"), callback_body=BODY)  # a second failure report changes nothing
    assert _credits(db, key.account_id) == 30
    with db.session() as s:
        task = s.get(Task, "t1")
        assert (task.status, task.error_code, task.error_message) == ("GENERATE_AUDIO_FAILED", 531,
                                                                      "The audio is silent.")
        errs = s.query(Delivery).filter_by(stage="error").all()
        assert len(errs) == 1 and json.loads(errs[0].body) == {
            "code": 531, "msg": "The audio is silent.", "data": {"callbackType": "error", "task_id": "t1", "data": None}}
        assert sorted(e.reason for e in s.query(LedgerEntry).filter_by(task_id="t1")) == ["charge", "refund"]


def test_sensitive_words_fail_with_400(db):
    _task(db)
    with db.session() as s:
        lifecycle.fail(s, "t1", SensitiveWordError("The prompt contains a blocked word."), callback_body=BODY)
    with db.session() as s:
        task = s.get(Task, "t1")
        assert (task.status, task.error_code) == ("SENSITIVE_WORD_ERROR", 400)


def test_unexpected_errors_do_not_leak_details(db):
    _task(db)
    with db.session() as s:
        lifecycle.fail(s, "t1", KeyError("secret internals"), callback_body=BODY)
        task = s.get(Task, "t1")
        assert task.error_code == 531 and "secret" not in task.error_message


def test_finished_task_cannot_fail(db):
    _task(db)
    with db.session() as s:
        lifecycle.record_stage(s, "t1", "complete", callback_body=BODY, tracks=[_track(1), _track(2)])
        lifecycle.fail(s, "t1", AudioError("late"), callback_body=BODY)
        assert s.get(Task, "t1").status == "SUCCESS"


def test_claim_is_exclusive_until_the_lease_ends(db):
    _task(db)
    with db.session() as s:
        assert lifecycle.claim(s, None, lease_s=30).id == "t1"
    with db.session() as s:
        assert lifecycle.claim(s, "t1", lease_s=30) is None
        lifecycle.release(s, "t1")
    with db.session() as s:
        t = lifecycle.claim(s, "t1", lease_s=-1)  # an expired lease is free to take over
        assert t.attempts == 2
    with db.session() as s:
        assert lifecycle.claim(s, None, lease_s=30).attempts == 3
