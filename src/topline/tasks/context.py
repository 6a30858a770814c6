"""What every runner needs, built once per process from the settings: database and store."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..pipeline import load_sensitive_words
from ..settings import Settings, get_settings
from ..storage import Storage, open_storage
from .db import Database


@dataclass
class Context:
    settings: Settings

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
