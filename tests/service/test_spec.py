"""The request boundary: the request model validates, ``task_spec`` resolves once, the row stores it."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from topline.music.style import resolve_controls
from topline.pipeline import TaskSpec
from topline.service.schemas import AddVocalsRequest, SongRequest
from topline.service.spec import draw_seed, song_controls, task_spec
from topline.tasks import accounts, lifecycle
from topline.tasks.db import Database, dispose_all
from topline.tasks.migrate import upgrade
from topline.tasks.models import Account, Task
from topline.voice import VOICES
from tests.tasks.specs import request


def _body(**fields) -> AddVocalsRequest:
    return AddVocalsRequest.model_validate(request(**fields))


def test_spec_is_fully_resolved_and_api_neutral():
    spec = task_spec(_body(prompt="[Verse]\nla", title="T", style="ballad, alto", negativeTags="vibrato, reverb",
                           styleWeight=0.8, model="V5", seed=77), task_id="t", audio_key="tasks/t/input.mp3")
    c = spec.controls
    assert (spec.task_id, spec.audio_key, spec.prompt, spec.seed) == ("t", "tasks/t/input.mp3", "[Verse]\nla", 77)
    assert (c.gender, c.model, c.style_weight, c.title) == ("f", "V5", 0.8, "T")
    assert c.profile.vibrato_depth_cents == 0.0 and c.profile.reverb_wet == 0.0  # exclusions applied, once
    assert c.register == -2.5  # "alto"
    assert c.voice == "af_heart"  # the singer, chosen once here from the style words, gender and seed
    assert VOICES[c.voice].gender == "f"
    assert c == resolve_controls(title="T", style="ballad, alto", negative_tags="vibrato, reverb", style_weight=0.8,
                                 model="V5", seed=77, voice="af_heart")
    text = json.dumps(spec.to_json())
    assert not {"negativeTags", "styleWeight", "vocalGender", "uploadUrl", "callBackUrl"} & set(
        k for k in json.loads(text)["controls"])
    assert TaskSpec.from_json(json.loads(text)) == spec


def test_seed_drawn_once_when_the_request_has_none():
    body = _body()
    seeds = {task_spec(body, task_id="t", audio_key="k").seed for _ in range(6)}
    assert len(seeds) > 1 and all(0 <= s < 2**31 for s in seeds)  # drawn per resolution (i.e. per task)
    spec = task_spec(body, task_id="t", audio_key="k")
    assert spec.controls.seed == spec.seed  # and then carried, not drawn again
    assert task_spec(body, task_id="t", audio_key="k", seed=5).seed == 5
    assert task_spec(_body(seed=8), task_id="t", audio_key="k").seed == 8
    assert len({draw_seed() for _ in range(8)}) > 1


def test_gender_comes_from_request_then_style_then_seed():
    assert song_controls(_body(style="breathy female vocals", vocalGender="m"), seed=1).gender == "m"
    assert song_controls(_body(style="male baritone"), seed=1).gender == "m"
    assert {song_controls(_body(style="pop"), seed=s).gender for s in range(64)} == {"m", "f"}


@pytest.mark.parametrize("fields, field", [
    ({"seed": 2**31}, "seed"), ({"seed": -1}, "seed"), ({"model": "v5"}, "model"),
    ({"vocalGender": "F"}, "vocalGender"), ({"styleWeight": 1.01}, "styleWeight"),
])
def test_the_request_model_is_the_only_validator(fields, field):
    with pytest.raises(ValidationError) as e:
        _body(**fields)
    assert e.value.errors()[0]["loc"] == (field,)


def test_song_request_is_what_add_vocals_adds_urls_to():
    # add-vocals adds the two URLs and (Topline) the persona to sing as
    assert set(AddVocalsRequest.model_fields) - set(SongRequest.model_fields) == {"uploadUrl", "callBackUrl",
                                                                                  "personaId"}
    with pytest.raises(ValidationError):
        SongRequest.model_validate({**request(), "uploadUrl": "http://x/y.mp3"})  # extra fields refused


@pytest.fixture
def db(tmp_path):
    d = Database(f"sqlite:///{tmp_path / 't.db'}")
    yield d
    dispose_all()


def test_the_row_stores_the_spec_and_the_worker_reads_it_not_the_request(db):
    db.migrate()
    spec = task_spec(_body(style="rock", seed=9), task_id="t1", audio_key="tasks/t1/input.wav")
    with db.session() as s:
        key = accounts.create_key(s, credits=12)
        lifecycle.accept(s, account=s.get(Account, key.account_id), spec=spec, param={"style": "rock", "seed": 9},
                         callback_url="http://cb", cost=12)
    with db.session() as s:
        task = s.get(Task, "t1")
        task.param = json.dumps({"style": "jazz", "seed": 1})  # the echo of the request is never re-parsed
    with db.session() as s:
        assert lifecycle.spec_for(s.get(Task, "t1")) == spec


def test_migration_resolves_the_rows_of_older_versions(db):
    _migrate_old_rows(db)


def test_migration_resolves_the_rows_of_older_versions_on_postgres():
    from tests.support import PostgresDatabase

    with PostgresDatabase() as pg:
        _migrate_old_rows(Database(pg.url))


def _migrate_old_rows(db):
    upgrade(db.url, "0001")
    old = request(style="gospel", negativeTags="vibrato", vocalGender="f")
    with db.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO accounts (id, name, credits, webhook_key, created_at) "
                             "VALUES (1, '', 0, 'k', 0)"))
        for task_id, param in (("old", json.dumps(old)), ("bad", "{not json")):
            conn.execute(sa.text(
                "INSERT INTO tasks (id, account_id, status, param, seed, audio_key, callback_url, attempts, "
                "files_expired, created_at, updated_at) VALUES (:id, 1, 'PENDING', :p, 123, :k, 'http://cb', 0, "
                ":no, 0, 0)"), {"id": task_id, "p": param, "k": f"tasks/{task_id}/input.wav", "no": False})
    db.migrate()
    with db.session() as s:
        spec = lifecycle.spec_for(s.get(Task, "old"))
        assert spec == task_spec(AddVocalsRequest.model_validate(old), task_id="old",
                                 audio_key="tasks/old/input.wav", seed=123)
        from topline.errors import SpecMissingError

        with pytest.raises(SpecMissingError, match="older version"):
            lifecycle.spec_for(s.get(Task, "bad"))


def test_a_waiting_task_without_a_spec_fails_cleanly_and_is_refunded(tmp_path):
    from topline.settings import Settings
    from topline.tasks.context import Context
    from topline.tasks.execute import execute

    ctx = Context(Settings(data_dir=tmp_path))
    ctx.db.migrate()
    try:
        with ctx.db.session() as s:
            key = accounts.create_key(s, credits=12)
            lifecycle.accept(s, account=s.get(Account, key.account_id), spec=task_spec(_body(), task_id="t1",
                             audio_key="a", seed=1), param={}, callback_url="http://cb", cost=12)
            s.flush()
            s.get(Task, "t1").spec = None  # as a row an older version accepted and the migration could not resolve
        assert execute(ctx, "t1") == "t1"
        with ctx.db.session() as s:
            task = s.get(Task, "t1")
            assert task.status == "GENERATE_AUDIO_FAILED" and task.error_code == 531
            assert "older version" in task.error_message
            assert s.get(Account, key.account_id).credits == 12
    finally:
        dispose_all()


def test_a_row_an_older_api_process_wrote_is_resolved_once_by_the_worker(db):
    from tests.tasks.specs import PAYLOADS

    db.migrate()
    old = request(style="folk", seed=4)
    with db.session() as s:
        key = accounts.create_key(s, credits=12)
        lifecycle.accept(s, account=s.get(Account, key.account_id), spec=task_spec(_body(), task_id="t1",
                         audio_key="tasks/t1/input.wav", seed=4), param=old, callback_url="http://cb", cost=12)
        s.flush()
        s.get(Task, "t1").spec = None  # what an API process of the older version writes
    with db.session() as s:
        spec = lifecycle.spec_for(s.get(Task, "t1"), resolve_stored_request=PAYLOADS.spec_of_stored_request)
    assert spec == task_spec(AddVocalsRequest.model_validate(old), task_id="t1", audio_key="tasks/t1/input.wav",
                             seed=4)
    with db.session() as s:
        assert lifecycle.spec_for(s.get(Task, "t1")) == spec  # kept on the row
