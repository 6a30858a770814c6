"""The S3 backend against a real S3-compatible server process on loopback."""

from __future__ import annotations

import httpx
import pytest

from topline.errors import StorageError
from topline.storage import open_storage
from topline.storage_s3 import S3Storage
from tests.support import S3Server


@pytest.fixture(scope="module")
def server():
    with S3Server() as srv:
        yield srv


@pytest.fixture()
def store(server: S3Server, request: pytest.FixtureRequest) -> S3Storage:
    bucket = server.make_bucket(f"b-{request.node.name.lower().replace('_', '-')[:40]}")
    return S3Storage(bucket, "topline/prod", client=server.client())


def test_round_trip_range_size_and_listing(store: S3Storage) -> None:
    store.put("tasks/t1/track-1.mp3", b"0123456789")
    store.put("tasks/t1/track-2.mp3", b"abc")
    store.put("uploads/u.wav", b"u")
    assert store.get("tasks/t1/track-1.mp3") == b"0123456789"
    assert store.exists("tasks/t1/track-1.mp3") and not store.exists("tasks/t1/nope")
    assert store.size("tasks/t1/track-2.mp3") == 3
    assert store.read_range("tasks/t1/track-1.mp3", 3, 6) == b"3456"
    assert [(b.key, b.size) for b in store.list("tasks/t1")] == [
        ("tasks/t1/track-1.mp3", 10),
        ("tasks/t1/track-2.mp3", 3),
    ]
    # keys are laid out under the prefix, so lifecycle rules can target tasks/ and uploads/
    raw = store.client.list_objects_v2(Bucket=store.bucket)["Contents"]
    assert sorted(o["Key"] for o in raw) == [
        "topline/prod/tasks/t1/track-1.mp3",
        "topline/prod/tasks/t1/track-2.mp3",
        "topline/prod/uploads/u.wav",
    ]


def test_delete_and_delete_prefix(store: S3Storage) -> None:
    for i in range(3):
        store.put(f"tasks/t2/{i}", b"x")
    store.put("tasks/t3/keep", b"y")
    store.delete("tasks/t2/0")
    assert not store.exists("tasks/t2/0")
    store.delete_prefix("tasks/t2/")
    assert [b.key for b in store.list("tasks")] == ["tasks/t3/keep"]


def test_missing_objects_raise_a_clear_error(store: S3Storage) -> None:
    with pytest.raises(StorageError, match="does not exist \\(it may have expired\\)"):
        store.get("tasks/none/track-1.mp3")
    with pytest.raises(StorageError, match="invalid storage key"):
        store.put("../escape", b"x")


def test_presigned_url_serves_the_object(store: S3Storage) -> None:
    store.put("tasks/t4/track-1.mp3", b"ID3 bytes")
    url = store.presigned_url("tasks/t4/track-1.mp3", filename="song.mp3")
    resp = httpx.get(url)
    assert resp.status_code == 200 and resp.content == b"ID3 bytes"


def test_open_storage_reads_the_endpoint_from_the_environment(server: S3Server, monkeypatch) -> None:
    server.make_bucket("from-url")
    monkeypatch.setenv("TOPLINE_S3_ENDPOINT_URL", server.endpoint)
    store = open_storage("s3://from-url/some/prefix")
    assert isinstance(store, S3Storage) and store.bucket == "from-url" and store.prefix == "some/prefix"
    store.put("a", b"1")
    assert store.get("a") == b"1"
    with pytest.raises(StorageError, match="names no bucket"):
        open_storage("s3:///nobucket")
