"""S3-compatible object storage (AWS S3, MinIO, Ceph, ...) through boto3.

A PUT is atomic on S3 (readers see the old object, or none, or the whole new one), so
unlike the local backend no temporary key is needed; the pipeline's "marker written
last" rule makes each stage atomic on top of that.  Keys are laid out as
``<prefix>/tasks/<taskId>/...`` and ``<prefix>/uploads/...`` so that bucket lifecycle
rules can expire them by prefix as a second line behind the retention sweeper.
"""

from __future__ import annotations

import os
from typing import Any, Iterator
from urllib.parse import urlparse

from .errors import StorageError
from .storage import BlobInfo, check_key


class S3Storage:
    """Blobs in one bucket under an optional prefix.

    The endpoint and credentials come from the usual AWS variables
    (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``) and
    ``TOPLINE_S3_ENDPOINT_URL`` for a non-AWS server.
    """

    def __init__(self, bucket: str, prefix: str = "", *, endpoint_url: str | None = None, client: Any = None) -> None:
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = client or boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            config=Config(retries={"max_attempts": 5, "mode": "standard"}, connect_timeout=5, read_timeout=60),
        )

    @classmethod
    def from_url(cls, url: str) -> "S3Storage":
        parsed = urlparse(url)
        if not parsed.netloc:
            raise StorageError(f"storage URL {url!r} names no bucket: use s3://bucket/prefix")
        return cls(parsed.netloc, parsed.path, endpoint_url=os.environ.get("TOPLINE_S3_ENDPOINT_URL") or None)

    def _key(self, key: str) -> str:
        check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def _error(self, exc: Exception, key: str) -> StorageError:
        code = getattr(exc, "response", {}).get("Error", {}).get("Code", "")
        if code in ("NoSuchKey", "404", "NotFound"):
            return StorageError(f"file {key!r} does not exist (it may have expired)")
        return StorageError(f"object storage failed on {key!r}: {exc}")

    def put(self, key: str, data: bytes) -> None:
        try:
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)
        except Exception as exc:  # botocore raises many types; all mean "not stored"
            raise self._error(exc, key) from exc

    def get(self, key: str) -> bytes:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()
        except Exception as exc:
            raise self._error(exc, key) from exc

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
            return True
        except Exception as exc:
            err = self._error(exc, key)
            if "does not exist" in err.message:
                return False
            raise err from exc

    def size(self, key: str) -> int:
        try:
            return int(self.client.head_object(Bucket=self.bucket, Key=self._key(key))["ContentLength"])
        except Exception as exc:
            raise self._error(exc, key) from exc

    def read_range(self, key: str, start: int, end: int) -> bytes:
        try:
            obj = self.client.get_object(Bucket=self.bucket, Key=self._key(key), Range=f"bytes={start}-{end}")
            return obj["Body"].read()
        except Exception as exc:
            raise self._error(exc, key) from exc

    def delete(self, key: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._key(key))
        except Exception as exc:
            raise self._error(exc, key) from exc

    def delete_prefix(self, prefix: str) -> None:
        keys = [b.key for b in self.list(prefix)]
        for i in range(0, len(keys), 1000):  # DeleteObjects takes at most 1000 keys
            batch = [{"Key": self._key(k)} for k in keys[i : i + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})

    def list(self, prefix: str = "") -> Iterator[BlobInfo]:
        full = self._key(prefix.rstrip("/")) if prefix else self.prefix
        strip = len(self.prefix) + 1 if self.prefix else 0
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=full):
            for obj in page.get("Contents", []):
                yield BlobInfo(obj["Key"][strip:], int(obj["Size"]), obj["LastModified"].timestamp())

    def local_path(self, key: str):  # noqa: ANN201 - objects have no local path
        return None

    def presigned_url(self, key: str, *, expires_s: int = 3600, filename: str | None = None) -> str:
        """A time-limited GET URL, so file downloads need not pass through the API process."""
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": self._key(key)}
        if filename:
            params["ResponseContentDisposition"] = f'attachment; filename="{filename}"'
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_s)
