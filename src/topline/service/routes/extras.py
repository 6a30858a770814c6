"""The endpoints around add-vocals: WAV, stems, lyrics, MIDI (each with its record-info), personas.

Shapes are upstream's (kie.ai / sunoapi.org); docs/api-extras.md records them and every
decision taken where upstream is vague.
"""

from __future__ import annotations

import json
import os
import uuid
from typing import Annotated, Any, Callable

from fastapi import APIRouter, Depends, Query

from ...errors import ConflictError, SensitiveWordError, ValidationError
from ...music.persona import singer_of
from ...music.types import Score
from ...music.lyrics import check_singable, find_sensitive
from ...tasks import accounts, extras, lifecycle
from ...tasks.derive import lyrics_result, stems_result, wav_result
from ...tasks.models import Account, Task
from .. import extra_payloads as pay
from .. import intake
from ..deps import CurrentAccount, State, not_in_maintenance
from ..envelope import ok
from ..extra_schemas import (LyricsRequest, MidiRequest, Mp4Request, PersonaRequest, ReplaceSectionRequest,
                             VocalRemovalRequest, WavRequest)

router = APIRouter(prefix="/api/v1")


def _accept_derived(state: State, account: Account, *, kind: str, body: Any, cost: int, same: dict[str, Any],
                    compute: Callable[[str, int, dict], dict], callback: Callable[[Task], dict]) -> str:
    """Accept a task made from a finished track: look the track up (404/409/410), return the
    same task for the same request again, else compute, charge and record it, finished."""
    ctx = state.ctx
    intake.check_callback_url(body.callBackUrl, ctx)  # a callback that could never arrive: 422
    with ctx.db.session() as s:
        src, index, track = extras.source_track(s, account.id, body.taskId, body.audioId)
        prior = extras.existing(s, account.id, kind, src.id, {"audioId": track["audioId"], **same})
        if prior is not None:
            return prior.id
        accounts.require_credits(s, account.id, cost)
    task_id = uuid.uuid4().hex
    param = body.model_dump(exclude_none=True) | {"audioId": track["audioId"]}
    result = compute(f"tasks/{task_id}/", index, track)
    try:
        with ctx.db.session() as s:
            extras.accept(s, account_id=account.id, task_id=task_id, kind=kind, param=param,
                          callback_url=body.callBackUrl, cost=cost, source_task_id=src.id, result=result,
                          callback=callback)
    except BaseException:
        ctx.store.delete_prefix(f"tasks/{task_id}/")  # nothing accepted: leave nothing behind
        raise
    return task_id


def _links(state: State) -> pay.Links:
    return pay.Links.of(state.ctx.settings, state.ctx.store)


def _record(state: State, account: Account, task_id: str, kind: str, render: Callable[[Task, bool], dict]) -> dict:
    with state.ctx.db.session() as s:
        extras.own_task(s, account.id, task_id, kind=kind)  # first: another key must not spend this task's tokens
    state.record_info.take(f"task:{task_id}", what=f"at most {state.ctx.settings.record_info_per_second:g} "
                           "record-info queries per second per task")
    with state.ctx.db.session() as s:
        task = extras.own_task(s, account.id, task_id, kind=kind)
        expired = extras.source_expired(s, task)
        return ok(render(task, expired))


# --- WAV -----------------------------------------------------------------------------------------

@router.post("/wav/generate", dependencies=[Depends(not_in_maintenance)])
def wav_generate(body: WavRequest, account: CurrentAccount, state: State) -> dict:
    """The mastered WAV of a finished track (``taskId``, ``audioId``): rendered already, so at once."""
    task_id = _accept_derived(state, account, kind=extras.WAV, body=body, cost=extras.COSTS["wav"], same={},
                              compute=lambda prefix, index, track: wav_result(index, track),
                              callback=lambda t: pay.wav_callback(t, _links(state)))
    return ok({"taskId": task_id})


@router.get("/wav/record-info")
def wav_record_info(account: CurrentAccount, state: State, taskId: Annotated[str, Query(min_length=1)]) -> dict:
    return _record(state, account, taskId, extras.WAV, lambda t, exp: pay.wav_record_info(t, _links(state), expired=exp))


# --- vocal removal -------------------------------------------------------------------------------

@router.post("/vocal-removal/generate", dependencies=[Depends(not_in_maintenance)])
def vocal_removal_generate(body: VocalRemovalRequest, account: CurrentAccount, state: State) -> dict:
    """The stems of a finished track, exactly as they were mixed (``separate_vocal``), or the lead
    vocal, the backing vocals and the instrumental (``split_stem``)."""
    split = body.type == "split_stem"
    store = state.ctx.store
    task_id = _accept_derived(
        state, account, kind=extras.VOCAL_REMOVAL, body=body, cost=extras.COSTS[body.type], same={"type": body.type},
        compute=lambda prefix, index, track: stems_result(store, prefix=prefix, index=index, track=track, split=split),
        callback=lambda t: pay.vocal_removal_callback(t, _links(state)))
    return ok({"taskId": task_id})


@router.get("/vocal-removal/record-info")
def vocal_removal_record_info(account: CurrentAccount, state: State,
                              taskId: Annotated[str, Query(min_length=1)]) -> dict:
    return _record(state, account, taskId, extras.VOCAL_REMOVAL,
                   lambda t, exp: pay.vocal_removal_record_info(t, _links(state), expired=exp))


# --- lyrics --------------------------------------------------------------------------------------

@router.post("/lyrics", dependencies=[Depends(not_in_maintenance)])
def lyrics_generate(body: LyricsRequest, account: CurrentAccount, state: State) -> dict:
    """Two lyrics, each with a title, written from a description by the writer add-vocals uses."""
    ctx = state.ctx
    intake.check_callback_url(body.callBackUrl, ctx)
    blocked = find_sensitive(body.prompt, ctx.sensitive_words)
    if blocked:
        raise SensitiveWordError(f"The prompt contains a blocked word ({blocked!r}); rephrase it.")
    cost = extras.COSTS[extras.LYRICS]
    with ctx.db.session() as s:
        accounts.require_credits(s, account.id, cost)
    task_id = uuid.uuid4().hex
    seed = body.seed if body.seed is not None else int.from_bytes(os.urandom(4), "little") & 0x7FFFFFFF
    result = lyrics_result(body.prompt, seed=seed)
    with ctx.db.session() as s:
        extras.accept(s, account_id=account.id, task_id=task_id, kind=extras.LYRICS,
                      param=body.model_dump(exclude_none=True) | {"seed": seed}, callback_url=body.callBackUrl,
                      cost=cost, result=result, callback=lambda t: pay.lyrics_callback(t, _links(state)))
    return ok({"taskId": task_id})


@router.get("/lyrics/record-info")
def lyrics_record_info(account: CurrentAccount, state: State, taskId: Annotated[str, Query(min_length=1)]) -> dict:
    return _record(state, account, taskId, extras.LYRICS, lambda t, exp: pay.lyrics_record_info(t, _links(state), expired=exp))


# --- MIDI ----------------------------------------------------------------------------------------

@router.post("/midi/generate", dependencies=[Depends(not_in_maintenance)])
def midi_generate(body: MidiRequest, account: CurrentAccount, state: State) -> dict:
    """Notes of a finished track: the sung melody from its score and the instrumental transcribed.
    ``taskId`` is the add-vocals task, or (as upstream) a vocal-removal task made from it."""
    ctx = state.ctx
    intake.check_callback_url(body.callBackUrl, ctx)
    cost = extras.COSTS[extras.MIDI]
    with ctx.db.session() as s:
        src_id, audio_id = body.taskId, body.audioId
        given = s.get(Task, body.taskId) if body.taskId else None
        if given is not None and given.account_id == account.id and given.kind in (extras.VOCAL_REMOVAL, extras.WAV):
            src_id, audio_id = given.source_task_id, audio_id or json.loads(given.param).get("audioId")
        src, index, track = extras.source_track(s, account.id, src_id, audio_id)
        prior = extras.existing(s, account.id, extras.MIDI, src.id, {"audioId": track["audioId"]})
        if prior is not None:
            return ok({"taskId": prior.id})
        task_id = uuid.uuid4().hex
        param = body.model_dump(exclude_none=True) | {"audioId": track["audioId"]}
        extras.accept(s, account_id=account.id, task_id=task_id, kind=extras.MIDI, param=param,
                      callback_url=body.callBackUrl, cost=cost, source_task_id=src.id)
    state.queue(task_id)
    return ok({"taskId": task_id})


@router.get("/midi/record-info")
def midi_record_info(account: CurrentAccount, state: State, taskId: Annotated[str, Query(min_length=1)]) -> dict:
    return _record(state, account, taskId, extras.MIDI,
                   lambda t, exp: pay.midi_record_info(t, _links(state), expired=exp))


# --- personas ------------------------------------------------------------------------------------

@router.post("/generate/generate-persona")
def generate_persona(body: PersonaRequest, account: CurrentAccount, state: State) -> dict:
    """A ``personaId`` pinning the voice, register and vocal style of a finished track; add-vocals
    sings with it when given ``personaId`` (a Topline extension). Free; at once."""
    span = body.vocalEnd - body.vocalStart
    if not 10.0 <= span <= 30.0:
        raise ValidationError(f"vocalEnd - vocalStart must be 10 to 30 seconds (got {span:g}): choose the part "
                              "of the track whose singing the persona should take.")
    ctx = state.ctx
    with ctx.db.session() as s:
        src, index, track = extras.source_track(s, account.id, body.taskId, body.audioId)
        spec = lifecycle.spec_for(src, resolve_stored_request=ctx.payloads.spec_of_stored_request)
        param = json.loads(src.param)  # a request may name its voice; the track records the one sung
    if body.vocalStart >= track["duration"]:
        raise ValidationError(f"vocalStart ({body.vocalStart:g} s) is past the end of the track "
                              f"({track['duration']:g} s).")
    score = Score.from_json(json.loads(ctx.store.get(track["files"]["score"])))
    try:
        singer = singer_of(spec.controls, score, start=body.vocalStart, end=body.vocalEnd,
                           voice=track.get("voice") or param.get("voice") or None)
    except ValueError as exc:
        raise ConflictError(f"Track {track['audioId']} has no sung notes to take a persona from.") from exc
    with ctx.db.session() as s:
        p = extras.save_persona(s, account_id=account.id, source_task_id=src.id, audio_id=track["audioId"],
                                name=body.name, description=body.description, style=body.style,
                                singer=singer.to_json())
        out = {"personaId": p.id, "name": p.name, "description": p.description}
    return ok(out | {"style": body.style, "singer": singer.to_json()})


# --- replace a section ---------------------------------------------------------------------------

MIN_SECTION_S, MAX_SECTION_S = 6.0, 60.0  # upstream's bounds (and at most half the track)


def check_section(start: float, end: float, duration: float) -> None:
    """Upstream's rules for the span asked for (before snapping): 6-60 s, at most half the
    track, inside it. Raises ``ValidationError`` (422) saying what to change."""
    if end <= start:
        raise ValidationError(f"infillEndS ({end:g}) must be greater than infillStartS ({start:g}).")
    span = end - start
    if not MIN_SECTION_S <= span <= MAX_SECTION_S:
        raise ValidationError(f"The section is {span:g} s long; it must be {MIN_SECTION_S:g} to {MAX_SECTION_S:g} s "
                              "(infillEndS - infillStartS).")
    if end > duration + 1e-6:
        raise ValidationError(f"infillEndS ({end:g} s) is past the end of the track ({duration:g} s).")
    if span > duration / 2 + 1e-6:
        raise ValidationError(f"The section is {span:g} s long, more than half the track ({duration:g} s): "
                              "replace at most half of it.")


@router.post("/generate/replace-section", dependencies=[Depends(not_in_maintenance)])
def replace_section(body: ReplaceSectionRequest, account: CurrentAccount, state: State) -> dict:
    """A new task re-singing ``infillStartS``-``infillEndS`` of a finished track with ``prompt``;
    every sample outside the span (snapped to bar lines) stays as it was. Queried at
    ``/api/v1/generate/record-info``; its callback is a generation's ``complete``."""
    ctx = state.ctx
    intake.check_callback_url(body.callBackUrl, ctx)
    blocked = find_sensitive(body.prompt, ctx.sensitive_words)
    if blocked:
        raise SensitiveWordError(f"The prompt contains a blocked word ({blocked!r}); rephrase it.")
    check_singable(body.prompt)
    cost = extras.COSTS[extras.REPLACE]
    with ctx.db.session() as s:
        src, index, track = extras.source_track(s, account.id, body.taskId, body.audioId)
        check_section(body.infillStartS, body.infillEndS, float(track["duration"]))
        if "dry" not in track["files"]:
            raise ConflictError(f"Track {track['audioId']} was rendered before sung takes were kept: its sections "
                                "cannot be replaced; generate it again.")
        task_id = uuid.uuid4().hex
        param = body.model_dump(exclude_none=True) | {"audioId": track["audioId"]}
        task = extras.accept(s, account_id=account.id, task_id=task_id, kind=extras.REPLACE, param=param,
                             callback_url=body.callBackUrl, cost=cost, source_task_id=src.id)
        task.audio_key = src.audio_key
    state.queue(task_id)
    return ok({"taskId": task_id})


# --- music video ---------------------------------------------------------------------------------

@router.post("/mp4/generate", dependencies=[Depends(not_in_maintenance)])
def mp4_generate(body: Mp4Request, account: CurrentAccount, state: State) -> dict:
    """An MP4 lyric video of a finished track: cover, waveform, the lyrics lit word by word."""
    ctx = state.ctx
    intake.check_callback_url(body.callBackUrl, ctx)
    cost = extras.COSTS[extras.MP4]
    same = {"author": body.author, "domainName": body.domainName}
    with ctx.db.session() as s:
        src, index, track = extras.source_track(s, account.id, body.taskId, body.audioId)
        if "lyrics" not in track["files"]:
            raise ConflictError(f"Track {track['audioId']} has no timed lyrics stored to draw.")
        prior = extras.existing(s, account.id, extras.MP4, src.id, {"audioId": track["audioId"], **same})
        if prior is not None:
            return ok({"taskId": prior.id})
        task_id = uuid.uuid4().hex
        param = body.model_dump(exclude_none=True) | {"audioId": track["audioId"]}
        extras.accept(s, account_id=account.id, task_id=task_id, kind=extras.MP4, param=param,
                      callback_url=body.callBackUrl, cost=cost, source_task_id=src.id)
    state.queue(task_id)
    return ok({"taskId": task_id})


@router.get("/mp4/record-info")
def mp4_record_info(account: CurrentAccount, state: State, taskId: Annotated[str, Query(min_length=1)]) -> dict:
    return _record(state, account, taskId, extras.MP4, lambda t, exp: pay.mp4_record_info(t, _links(state), expired=exp))
