"""The object-store interface the raw and staging stores share.

Both stores hold immutable, deterministically named objects with a few string metadata values, much as a
blob container does; the local folder implementation is the default, Azure Blob Storage the production one.
Keys are '/'-separated paths with no leading slash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

_KEY_PART = re.compile(r"^[A-Za-z0-9_.=@+-]+$")


class StoreError(RuntimeError):
    """Raised when an object cannot be written or read; callers turn it into a retry or a 503."""


@dataclass(frozen=True)
class ObjectInfo:
    """What a listing says of one object. ``version`` changes whenever the content does (an ETag on Azure,
    a content hash locally), so sensors can put it in run keys."""

    key: str
    size: int
    version: str
    metadata: Mapping[str, str] = field(default_factory=dict)
    modified: float | None = None  # seconds since the epoch of the last write, when the store knows it


def validate_key(key: str) -> str:
    """Reject keys that could escape a folder or that a blob container would mangle."""
    parts = key.split("/")
    if not key or any(p in ("", ".", "..") or not _KEY_PART.match(p) for p in parts):
        raise ValueError(f"invalid object key: {key!r}")
    return key


@runtime_checkable
class ObjectStore(Protocol):
    """A flat namespace of immutable objects (a folder, or a blob container)."""

    def put(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        """Write ``data`` at ``key`` atomically, replacing any object there; return once it is durable."""
        ...

    def put_file(self, key: str, path: Path, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        """Upload a local file, streaming (never holding it in memory)."""
        ...

    def get(self, key: str) -> bytes:
        """The whole object (small objects only: drain bodies, markers, bookmarks)."""
        ...

    def open(self, key: str) -> BinaryIO:
        """A readable binary stream of the object, for large objects."""
        ...

    def download(self, key: str, path: Path) -> None:
        """Copy the object to a local file, streaming."""
        ...

    def head(self, key: str) -> ObjectInfo | None:
        """The object's info, or None when there is no such object."""
        ...

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Every object whose key starts with ``prefix``, in key order, with metadata."""
        ...

    def delete(self, key: str) -> None:
        """Remove one object; no error when it is absent."""
        ...

    def delete_prefix(self, prefix: str) -> int:
        """Remove every object under ``prefix``; return how many."""
        ...

    def url(self, key: str) -> str:
        """Where the object can be found: a file path locally, the blob URL on Azure (no secrets)."""
        ...
