"""Importing a saved `heroku logs` dump or a drain body into the raw store."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyarrow.compute as pc

from heroku_assets.logs.dating import dated_batches
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore

_CHUNK = 1 << 20


@dataclass(frozen=True)
class ImportResult:
    key: str
    lines: int
    days: set[dt.date]
    created: bool  # False when the same content was already imported
    unreadable: int = 0  # lines that are not log lines: they will be rejected_lines rows


def _chunks(path: Path):
    with open(path, "rb") as src:
        while chunk := src.read(_CHUNK):
            yield chunk


def import_file(
    raw: ObjectStore, path: Path, app: str, fmt: str = "auto", today: dt.date | None = None
) -> ImportResult:
    """Store the file verbatim under a name made from its content, so importing it twice changes
    nothing. The file is read twice, streaming: once for its hash, days and line count, once to upload."""
    layout.validate_app(app)
    received = today or dt.datetime.now(dt.UTC).date()
    digest = hashlib.sha256()
    for chunk in _chunks(path):
        digest.update(chunk)
    key = layout.import_object(app, digest.hexdigest())
    existing = raw.head(key)
    if existing is not None:
        return ImportResult(
            key=key,
            lines=int(existing.metadata.get("lines", "0")),
            days=layout.parse_days(existing.metadata.get("days")),
            created=False,
            unreadable=int(existing.metadata.get("unreadable", "0")),
        )
    days: set[dt.date] = set()
    lines = unreadable = 0
    for batch in dated_batches(_chunks(path), fmt, received):
        lines += batch.lines.num_rows
        unreadable += batch.lines.num_rows - batch.lines.column("error").null_count
        days.update(pc.unique(batch.days).to_pylist())
    meta = {
        "format": fmt,
        "received": received.isoformat(),
        "days": layout.format_days(days or {received}),
        "lines": str(lines),
        "unreadable": str(unreadable),
        "file_name": _ascii(path.name),
    }
    raw.put_file(key, path, meta)
    return ImportResult(key=key, lines=lines, days=days, created=True, unreadable=unreadable)


def _ascii(text: str) -> str:
    return text.encode("ascii", "replace").decode()[:200]
