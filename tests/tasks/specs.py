"""Tasks for the task-layer tests: a resolved spec from request fields, and the callback shapes."""

from __future__ import annotations

from topline.pipeline import TaskSpec
from topline.service.payloads import Payloads
from topline.service.schemas import AddVocalsRequest
from topline.service.spec import task_spec

PAYLOADS = Payloads(public_url="http://127.0.0.1:8000", file_retention_days=14.0)
BODY = PAYLOADS.callback_body  # what lifecycle.record_stage / fail are given to shape callbacks


def request(**fields) -> dict:
    """An add-vocals request body with every required field (override any)."""
    return {"uploadUrl": "http://example.com/a.mp3", "prompt": "la", "title": "", "style": "", "negativeTags": "",
            "callBackUrl": "http://cb.test/cb", **fields}


def spec(task_id: str, *, audio_key: str = "a", seed: int = 1, **fields) -> TaskSpec:
    """The spec the service would resolve for a request with ``fields``."""
    return task_spec(AddVocalsRequest.model_validate(request(**fields)), task_id=task_id, audio_key=audio_key,
                     seed=seed)
