from pathlib import Path

import pytest

from topline.errors import StorageError
from topline.storage import LocalStorage, open_storage


def test_put_get_exists_size_and_range(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    store.put("tasks/a/track-1.mp3", b"0123456789")
    assert store.exists("tasks/a/track-1.mp3")
    assert store.get("tasks/a/track-1.mp3") == b"0123456789"
    assert store.size("tasks/a/track-1.mp3") == 10
    assert store.read_range("tasks/a/track-1.mp3", 2, 5) == b"2345"
    assert store.local_path("tasks/a/track-1.mp3") == tmp_path.resolve() / "tasks/a/track-1.mp3"


def test_put_replaces_atomically_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    store.put("k/x.json", b"old")
    store.put("k/x.json", b"new")
    assert store.get("k/x.json") == b"new"
    assert sorted(p.name for p in (tmp_path / "k").iterdir()) == ["x.json"]


def test_list_and_delete(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    store.put("tasks/a/1", b"1")
    store.put("tasks/a/2", b"22")
    store.put("uploads/u", b"333")
    assert [(b.key, b.size) for b in store.list("tasks/a")] == [("tasks/a/1", 1), ("tasks/a/2", 2)]
    store.delete("tasks/a/1")
    assert not store.exists("tasks/a/1")
    store.delete_prefix("tasks/")
    assert [b.key for b in store.list("")] == ["uploads/u"]


@pytest.mark.parametrize("key", ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "a/./b"])
def test_keys_that_could_escape_are_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(StorageError, match="invalid storage key"):
        LocalStorage(tmp_path).put(key, b"x")


def test_missing_file_says_it_may_have_expired(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    for call in (lambda: store.get("nope"), lambda: store.size("nope"), lambda: store.read_range("nope", 0, 1)):
        with pytest.raises(StorageError, match="does not exist \\(it may have expired\\)"):
            call()


def test_open_storage_by_url(tmp_path: Path) -> None:
    store = open_storage(tmp_path.as_uri())
    assert isinstance(store, LocalStorage) and store.root == tmp_path.resolve()
    with pytest.raises(StorageError, match="unsupported storage URL"):
        open_storage("ftp://host/x")
