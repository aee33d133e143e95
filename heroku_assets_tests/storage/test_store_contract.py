"""The ObjectStore contract, proven the same way on the local folder and on Azure Blob (real Azurite)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

import pytest

from heroku_assets.storage.azure_blob import AzureBlobObjectStore
from heroku_assets.storage.base import ObjectStore
from heroku_assets.storage.local import LocalObjectStore

CHUNK = 64 * 1024


@pytest.fixture(params=["local", "azure"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "local":
        return LocalObjectStore(tmp_path / "store")
    # A small chunk size makes a few hundred kilobytes take the multi-block upload and ranged-read paths.
    container = request.getfixturevalue("blob_container")
    return AzureBlobObjectStore(container, chunk_size=CHUNK, max_concurrency=2)


def test_implements_the_protocol(store: ObjectStore) -> None:
    assert isinstance(store, ObjectStore)


def test_put_then_get_and_head(store: ObjectStore) -> None:
    meta = {"days": "2026-11-20 2026-11-21", "format": "logplex"}
    info = store.put("drain/2026-11-21/my-app/f1.logplex", b"hello", meta)
    assert (info.key, info.size, dict(info.metadata)) == ("drain/2026-11-21/my-app/f1.logplex", 5, meta)
    assert store.get(info.key) == b"hello"
    head = store.head(info.key)
    assert head is not None
    assert (head.key, head.size, head.version, dict(head.metadata)) == (info.key, 5, info.version, meta)
    assert head.modified is not None and head.modified > 0


def test_empty_object(store: ObjectStore) -> None:
    info = store.put("state/empty", b"")
    assert info.size == 0
    assert store.get("state/empty") == b""
    assert store.open("state/empty").read() == b""


def test_overwrite_replaces_content_and_changes_version(store: ObjectStore) -> None:
    first = store.put("state/bookmark.json", b'{"v": 1}', {"format": "json"})
    second = store.put("state/bookmark.json", b'{"v": 2}')
    assert second.version != first.version
    assert store.get("state/bookmark.json") == b'{"v": 2}'
    head = store.head("state/bookmark.json")
    assert head is not None and head.version == second.version
    assert dict(head.metadata) == {}  # metadata belongs to the write, not to the key


def test_missing_objects(store: ObjectStore, tmp_path: Path) -> None:
    assert store.head("nothing/here") is None
    with pytest.raises(KeyError):
        store.get("nothing/here")
    with pytest.raises(KeyError):
        store.open("nothing/here")
    with pytest.raises(KeyError):
        store.download("nothing/here", tmp_path / "out")
    assert list(store.list("")) == []
    store.delete("nothing/here")  # no error
    assert store.delete_prefix("nothing/") == 0


def test_put_file_streams_large_objects_both_ways(store: ObjectStore, tmp_path: Path) -> None:
    data = os.urandom(5 * CHUNK + 123)
    src = tmp_path / "big.parquet"
    src.write_bytes(data)
    key = "router_events/app=my-app/date=2026-11-20/part-00000.parquet"
    info = store.put_file(key, src, {"rows": "42"})
    assert info.size == len(data)
    assert store.head(key).version == info.version
    assert dict(store.head(key).metadata) == {"rows": "42"}

    out = tmp_path / "copy.parquet"
    store.download(key, out)
    assert out.read_bytes() == data

    with store.open(key) as stream:
        pieces = []
        while piece := stream.read(10_000):
            pieces.append(piece)
    assert b"".join(pieces) == data
    assert store.get(key) == data


def test_list_in_key_order_with_metadata_and_prefix(store: ObjectStore) -> None:
    keys = [
        "pull/2026-11-21/b-app/2.log",
        "drain/2026-11-21/my-app/b.logplex",
        "drain/2026-11-20/my-app/a.logplex",
        "drain/2026-11-21/my-app/a.logplex",
        "drainage/x",
    ]
    for i, key in enumerate(keys):
        store.put(key, str(i).encode(), {"days": f"2026-11-2{i % 2}"})
    listed = list(store.list("drain/"))
    assert [i.key for i in listed] == sorted(k for k in keys if k.startswith("drain/"))
    assert all(i.size == 1 and i.version for i in listed)
    assert dict(listed[0].metadata) == {"days": "2026-11-20"}  # "drain/2026-11-20/..." was written with i=2
    assert [i.key for i in store.list("drain/2026-11-21/my-app/")] == [
        "drain/2026-11-21/my-app/a.logplex",
        "drain/2026-11-21/my-app/b.logplex",
    ]
    assert [i.key for i in store.list("")] == sorted(keys)
    assert [i.key for i in store.list("drain/2026-11-2")] == sorted(
        k for k in keys if k.startswith("drain/2026-11-2")
    )
    assert list(store.list("zzz/")) == []


def test_metadata_round_trips_any_text(store: ObjectStore) -> None:
    meta = {"note": "café ☕ 100% done", "edge": "  padded  ", "lines": "a\nb", "empty": ""}
    store.put("import/my-app/abc.log", b"x", meta)
    assert dict(store.head("import/my-app/abc.log").metadata) == meta
    assert dict(next(iter(store.list("import/"))).metadata) == meta


def test_delete_and_delete_prefix(store: ObjectStore) -> None:
    for key in ("a/1", "a/2", "a/sub/3", "ab/4", "b/5"):
        store.put(key, b"x")
    store.delete("a/1")
    assert store.head("a/1") is None
    assert store.delete_prefix("a/") == 2
    assert [i.key for i in store.list("")] == ["ab/4", "b/5"]


def test_invalid_keys_are_refused(store: ObjectStore) -> None:
    for key in ("", "/abs", "a//b", "a/../b", "a b", "a/./b", "ü"):
        with pytest.raises(ValueError):
            store.put(key, b"x")
        with pytest.raises(ValueError):
            store.url(key)


def test_url_names_the_object(store: ObjectStore) -> None:
    key = "router_events/app=my-app/date=2026-11-20/part-00000.parquet"
    store.put(key, b"x")
    url = store.url(key)
    assert unquote(url).endswith("/" + key)  # a file URI percent-encodes '='; a blob URL keeps it
    assert "?" not in url and "sig=" not in url
