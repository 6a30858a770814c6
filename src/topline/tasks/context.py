"""What every runner needs, built once per process from the settings: database, store, payloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from ..pipeline import TaskSpec, load_sensitive_words
from ..settings import Settings, get_settings
from ..storage import Storage, open_storage
from .db import Database
from .models import Task


class Payloads(Protocol):
    """The service's side of the request boundary (``topline.service.payloads.Payloads``): the task
    layer stores neutral rows, and asks this for the body of each callback it queues and for the spec
    of a row stored, by an older version, with only its request."""

    def callback_body(self, task: Task, stage: str) -> dict[str, Any]: ...

    def spec_of_stored_request(self, task: Task) -> TaskSpec | None:
        """The spec of a row an older version stored with only its request (None: it cannot be resolved)."""
        ...


@dataclass
class Context:
    settings: Settings
    payloads: Payloads = field(default=None)  # type: ignore[assignment]  # None: the service's, from settings

    def __post_init__(self) -> None:
        if self.payloads is None:
            from ..service.payloads import Payloads as ServicePayloads  # the one implementation

            self.payloads = ServicePayloads.from_settings(self.settings)

    @cached_property
    def db(self) -> Database:
        return Database(self.settings.resolved_database_url)

    @cached_property
    def store(self) -> Storage:
        return open_storage(self.settings.resolved_storage_url)

    @cached_property
    def sensitive_words(self) -> frozenset[str]:
        path = self.settings.sensitive_words_file
        return load_sensitive_words(str(path) if path else None)


_context: Context | None = None


def get_context() -> Context:
    global _context
    if _context is None or _context.settings is not get_settings():
        _context = Context(get_settings())
    return _context


def reset_context() -> None:
    global _context
    _context = None
