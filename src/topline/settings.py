"""The one settings object, read from ``TOPLINE_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service and engine; ``TOPLINE_<NAME>`` sets ``<name>``."""

    model_config = SettingsConfigDict(env_prefix="TOPLINE_", extra="ignore")

    data_dir: Path = Field(Path("./topline-data"), description="Embedded database and files.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default SQLite in data_dir.")
    broker_url: str | None = Field(None, description="Celery broker URL; set -> scaled-out mode.")
    redis_url: str | None = Field(None, description=(
        "Redis that API processes share rate limits through; default the broker when it is Redis."))
    storage_url: str | None = Field(None, description="file:///path or s3://bucket/prefix; default data_dir/files.")
    public_url: str = Field("http://127.0.0.1:8000", description="Base of the file links the API hands out.")
    allow_private_urls: bool = Field(False, description="Allow user URLs resolving to private addresses.")

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(1, description="Embedded runner: tasks rendered at once.")
    maintenance: bool = False
    queue_prefix: str = Field("", description="Prefix of the Celery queue names (several deployments on one broker).")
    task_time_limit_s: float = Field(1800.0, description="A task running longer is stopped (Celery mode).")
    dev_keys: bool = Field(False, description="POST /api/v1/dev/keys hands out keys (local development only).")

    # limits
    min_audio_s: float = 5.0
    max_audio_s: float = 480.0
    max_upload_bytes: int = 100 * 1024 * 1024
    fetch_timeout_s: float = 60.0
    fetch_max_redirects: int = 5
    file_retention_days: float = 14.0
    upload_retention_days: float = 3.0
    sweep_interval_s: float = 3600.0

    # accounts
    credits_per_task: int = 12
    default_credits: int = 1000
    rate_limit_per_minute: int = 60
    record_info_per_second: float = 3.0

    # callbacks
    callback_timeout_s: float = 15.0
    callback_max_attempts: int = 8
    callback_backoff_base_s: float = 5.0

    # content
    sensitive_words_file: Path | None = Field(None, description="One word per line; a prompt containing one fails.")

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'topline.db').resolve()}"

    @property
    def resolved_storage_url(self) -> str:
        return self.storage_url or (self.data_dir / "files").resolve().as_uri()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
