"""The blob store: where uploads and deliverables live (a local directory or S3).

Keys are ``/``-separated relative paths such as ``tasks/<taskId>/track-1.mp3``.
Writes are atomic: a reader sees either the whole object or none (``put`` writes a
temporary object and then publishes it), so a stage that crashed half-way never
leaves a partial deliverable behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol
from urllib.parse import unquote, urlparse

from .errors import StorageError


@dataclass(frozen=True)
class BlobInfo:
    key: str
    size: int
    modified: float  # Unix seconds


class Storage(Protocol):
    """What every backend offers."""

    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...

    def size(self, key: str) -> int: ...

    def read_range(self, key: str, start: int, end: int) -> bytes:
        """Bytes ``start`` to ``end`` inclusive (HTTP range semantics)."""
        ...

    def delete(self, key: str) -> None: ...

    def list(self, prefix: str) -> Iterator[BlobInfo]: ...

    def local_path(self, key: str) -> Path | None:
        """A filesystem path for the key when the backend has one (lets servers use sendfile)."""
        ...


MAX_KEY_PART = 255  # bytes: the longest file name common file systems and S3 tools take
MAX_KEY = 1024  # bytes: S3's limit on a whole key


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create a folder, and any missing parents, readable by its owner only (0700).

    A folder that exists already is left as it is: permissions the operator chose are theirs.
    """
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir(mode=0o700)
        except FileExistsError:  # made by another process meanwhile
            continue
        os.chmod(d, 0o700)  # exact, whatever the umask
    return path


def check_key(key: str) -> str:
    """Refuse keys that could escape the store (absolute paths, ``..``, empty parts, NUL) or that
    no file system can hold (a part over 255 bytes, a key over 1024)."""
    parts = key.split("/")
    if not key or key.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in key or "\0" in key:
        raise StorageError(f"invalid storage key {key[:80]!r}")
    if len(key.encode()) > MAX_KEY or any(len(p.encode()) > MAX_KEY_PART for p in parts):
        raise StorageError(f"invalid storage key {key[:80]!r}: a name is too long")
    return key


class LocalStorage:
    """Files under one directory; atomic writes by rename."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = private_dir(Path(root).resolve())

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise StorageError(f"file {key!r} does not exist (it may have expired)") from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError:
            raise StorageError(f"file {key!r} does not exist (it may have expired)") from None

    def read_range(self, key: str, start: int, end: int) -> bytes:
        try:
            with self._path(key).open("rb") as fh:
                fh.seek(start)
                return fh.read(end - start + 1)
        except FileNotFoundError:
            raise StorageError(f"file {key!r} does not exist (it may have expired)") from None

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> None:
        path = self._path(prefix.rstrip("/"))
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)

    def list(self, prefix: str = "") -> Iterator[BlobInfo]:
        base = self._path(prefix.rstrip("/")) if prefix else self.root
        if base.is_file():
            st = base.stat()
            yield BlobInfo(prefix, st.st_size, st.st_mtime)
            return
        if not base.is_dir():
            return
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if name.startswith(".tmp-"):
                    continue
                p = Path(dirpath) / name
                st = p.stat()
                yield BlobInfo(p.relative_to(self.root).as_posix(), st.st_size, st.st_mtime)

    def local_path(self, key: str) -> Path | None:
        path = self._path(key)
        return path if path.is_file() else None


def open_storage(url: str) -> Storage:
    """A backend from a storage URL: ``file:///abs/path`` or ``s3://bucket/prefix``."""
    parsed = urlparse(url)
    if parsed.scheme in ("", "file"):
        return LocalStorage(unquote(parsed.path) if parsed.scheme else url)
    if parsed.scheme == "s3":
        from .storage_s3 import S3Storage  # boto3 is only imported where S3 is used

        return S3Storage.from_url(url)
    raise StorageError(f"unsupported storage URL {url!r}: use file:///path or s3://bucket/prefix")
