"""One error root for the whole engine, with precise subclasses.

Every error a user can cause carries the API code the service answers with
(``api_code``) and, where a task fails after it was accepted, the callback code
(``callback_code``).  Messages are written for the user: they say what is wrong
and what to do about it, in one sentence.
"""

from __future__ import annotations


class ToplineError(Exception):
    """Root of every error Topline raises on purpose."""

    api_code: int = 500
    callback_code: int = 500

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:  # the message alone, never a repr
        return self.message


# --- input audio ---------------------------------------------------------------------------------


class AudioError(ToplineError):
    """The supplied audio cannot be used (the service answers 451 for a fetched URL)."""

    api_code = 451
    callback_code = 501


class UndecodableAudioError(AudioError):
    """The bytes are not audio in a format we can decode, or the file is corrupt."""


class SilentAudioError(AudioError):
    """The audio decodes but carries no signal."""


class AudioTooShortError(AudioError):
    """The audio is shorter than the minimum length."""


class AudioTooLongError(AudioError):
    """The audio is longer than the maximum length."""


# --- fetching user URLs --------------------------------------------------------------------------


class FetchError(ToplineError):
    """A user-supplied URL could not be fetched."""

    api_code = 451
    callback_code = 501


class ForbiddenAddressError(FetchError):
    """The URL resolves to a loopback, private, link-local or metadata address."""


class TooLargeError(FetchError):
    """The remote file exceeds the size limit."""


# --- request / controls --------------------------------------------------------------------------


class ValidationError(ToplineError):
    """A request field is missing, ill-typed or out of range."""

    api_code = 422
    callback_code = 400


class UploadTooLargeError(ValidationError):
    """A file sent to the server itself is over the upload size limit (413; 451 is for fetched URLs)."""

    api_code = 413


class LyricsError(ToplineError):
    """The prompt cannot be turned into lyrics."""

    api_code = 422
    callback_code = 400


class SensitiveWordError(LyricsError):
    """The prompt contains a word from the configured sensitive-word list."""

    api_code = 400
    callback_code = 400


# --- generation ----------------------------------------------------------------------------------


class GenerationError(ToplineError):
    """A stage of the pipeline failed on input that was valid."""

    api_code = 500
    callback_code = 501


class VoiceError(GenerationError):
    """The singing voice could not be loaded or could not render the score."""


class ProductionError(GenerationError):
    """Mixing, mastering or encoding failed."""


class SpecMissingError(GenerationError):
    """A stored task has no resolved spec to run (accepted by an older version whose request could
    not be resolved when the database was migrated)."""


# --- accounts and service ------------------------------------------------------------------------


class AuthError(ToplineError):
    api_code = 401


class InsufficientCreditsError(ToplineError):
    api_code = 402


class NotFoundError(ToplineError):
    api_code = 404


class ConflictError(ToplineError):
    api_code = 409


class FilesExpiredError(ToplineError):
    """The task's generated files were deleted by the retention sweep."""

    api_code = 410


class RateLimitedError(ToplineError):
    api_code = 429

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class MaintenanceError(ToplineError):
    api_code = 455


class StorageError(ToplineError):
    """The blob store failed or a stored file is missing/expired."""

    api_code = 500
