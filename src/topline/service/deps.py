"""Request dependencies: the per-process state, the caller's account, rate limits."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Annotated, Protocol

from fastapi import Depends, Header, Request

from ..errors import MaintenanceError
from ..tasks import accounts
from ..tasks.context import Context
from ..tasks.models import Account
from .payloads import Payloads
from .ratelimit import Limiter

log = logging.getLogger(__name__)


class Submitter(Protocol):
    def submit(self, task_id: str) -> None: ...


@dataclass
class ServiceState:
    ctx: Context
    runner: Submitter
    requests: Limiter
    record_info: Limiter
    mode: str  # "embedded" | "celery"
    payloads: Payloads

    def queue(self, task_id: str) -> None:
        """Hand an accepted task to the runner. A broker that is away does not undo the acceptance:
        the task row is the truth and the periodic sweep queues it."""
        try:
            self.runner.submit(task_id)
        except Exception:
            log.warning("could not queue task %s now; the periodic sweep will", task_id, exc_info=True)


def get_state(request: Request) -> ServiceState:
    return request.app.state.topline


State = Annotated[ServiceState, Depends(get_state)]


def current_account(state: State, authorization: Annotated[str | None, Header()] = None) -> Account:
    with state.ctx.db.session() as s:
        acct = accounts.authenticate(s, authorization)
    state.requests.take(f"key:{acct.id}", what=f"at most {state.ctx.settings.rate_limit_per_minute} requests "
                        "per minute per API key")
    return acct


def not_in_maintenance(state: State) -> None:
    if state.ctx.settings.maintenance:
        raise MaintenanceError("The service is in maintenance mode and accepts no new tasks; try again later.")


CurrentAccount = Annotated[Account, Depends(current_account)]
