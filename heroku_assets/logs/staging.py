"""Parsing a raw partition into staged Parquet objects, one per event table, and proving every line of the
partition landed in exactly one table."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from heroku_assets.logs.otlp.partition import table_batches as otlp_table_batches
from heroku_assets.logs.raw_partition.text import read_partition_lines
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore
from heroku_assets.tables import EVENT_TABLES

# Object metadata ``cut_<column>``: how many of the object's values were cut to width + 1 characters.
CUT_PREFIX = "cut_"


@dataclass(frozen=True)
class StagedTable:
    table: str
    key: str
    url: str
    rows: int
    lines: int  # distinct raw lines behind the rows (a metrics line gives several rows)
    preview: list[dict]
    cut: dict[str, int] = field(default_factory=dict)  # values cut to width + 1 characters, per column


@dataclass(frozen=True)
class StageResult:
    raw_lines: int  # Logplex lines and OTLP records (each is one accounting unit)
    tables: dict[str, StagedTable]
    accounting_error: str | None  # None when every raw line is in exactly one table

    @property
    def accounted_lines(self) -> int:
        return sum(t.lines for t in self.tables.values())


def stage_partition(
    raw: ObjectStore,
    staging: ObjectStore,
    app: str,
    day: dt.date,
    workdir: Path | None = None,
    preview_rows: int = 5,
) -> StageResult:
    """Stream the raw partition of (app, day) through the parser into one Parquet object per event table
    in the staging store, replacing what an earlier run staged there."""
    from heroku_assets.logs import write_parquet
    from heroku_assets.logs.classify import parse_batches

    head = raw.head(layout.raw_partition_object(app, day))
    if head is None:
        raise FileNotFoundError(f"no raw partition for {app} on {day}: materialize raw/heroku_logs first")
    raw_lines = _kept_lines(head.metadata)
    otlp_records = int(head.metadata.get("otlp_records", "0"))
    partition_lines = int(head.metadata.get("lines", "0"))
    with tempfile.TemporaryDirectory(prefix="heroku-assets-stage-", dir=workdir) as tmp:
        batches = itertools.chain(
            parse_batches(_read_lines(raw, app, day, head, Path(tmp)), app=app, default_date=day),
            otlp_table_batches(raw, app, day, first_line_number=partition_lines + 1),  # after the lines
        )
        raw_lines += otlp_records if raw_lines >= 0 else 0
        files = write_parquet(batches, Path(tmp))
        tables: dict[str, StagedTable] = {}
        seen_numbers = []
        other_days = 0
        for table in EVENT_TABLES:
            written = files[table.name]
            staged = pq.read_table(written.path, columns=["line_number", "event_date"])
            of_day = pc.equal(staged.column("event_date"), pa.scalar(day, pa.date32()))
            other_days += len(pc.unique(pc.filter(staged.column("line_number"), pc.invert(of_day))))
            # Only the rows of the day count: the load keeps nothing else.
            distinct = pc.unique(pc.filter(staged.column("line_number"), of_day))
            seen_numbers.append(distinct)
            key = layout.staged_object(table.name, app, day)
            meta = {"rows": str(written.rows), "lines": str(len(distinct))}
            meta.update({f"{CUT_PREFIX}{name}": str(n) for name, n in written.cut.items()})
            staging.put_file(key, Path(written.path), meta)
            for stale in staging.list(layout.staged_prefix(table.name, app, day)):
                if stale.key != key:
                    staging.delete(stale.key)
            tables[table.name] = StagedTable(
                table=table.name,
                key=key,
                url=staging.url(key),
                rows=written.rows,
                lines=len(distinct),
                preview=_preview(Path(written.path), preview_rows),
                cut=written.cut,
            )
    error = _accounting_error(raw_lines, seen_numbers)
    if other_days:
        error = f"{other_days} lines dated on another day than {day}, which the load would drop" + (
            f"; {error}" if error else ""
        )
    return StageResult(raw_lines=raw_lines, tables=tables, accounting_error=error)


def _read_lines(
    raw: ObjectStore, app: str, day: dt.date, text: ObjectInfo, tmp: Path
) -> Iterator[pa.RecordBatch]:
    """The partition's lines as the builder read them (its Parquet), or, for a partition without one
    that matches its text (built by an earlier version, or a build stopped between the two writes),
    read again from the text: both give one row per text line, in order."""
    from heroku_assets.logs import read_lines
    from heroku_assets.logs.logplex.columns import LINE_SCHEMA

    key = layout.raw_lines_object(app, day)
    parquet = raw.head(key)
    sha = text.metadata.get("sha256")
    if parquet is None or sha is None or parquet.metadata.get("text_sha256") != sha:
        yield from read_lines(read_partition_lines(raw, app, day), fmt="text").batches(keep_blank=True)
        return
    path = tmp / "lines.parquet"
    raw.download(key, path)
    for batch in pq.ParquetFile(path).iter_batches(batch_size=_BATCH_ROWS):
        yield batch.cast(LINE_SCHEMA)


_BATCH_ROWS = 65536


def _kept_lines(metadata: Mapping[str, str]) -> int:
    """The lines the builder kept for the partition, from what it received: the lines of the day it
    found in the received objects less the copies it removed (-1 when a partition does not say, which
    no count matches)."""
    try:
        return int(metadata["received_lines"]) - int(metadata["duplicates_removed"])
    except (KeyError, ValueError):
        return -1


def _accounting_error(raw_lines: int, per_table: list) -> str | None:
    """Line numbers 1..N of the day must each appear in exactly one table, N the lines the builder
    kept from what it received."""
    if raw_lines < 0:
        return "the raw partition does not record what it received: materialize raw/heroku_logs again"
    total = sum(len(n) for n in per_table)
    if total != raw_lines:
        return f"{raw_lines} raw lines but {total} lines across the event tables"
    if raw_lines == 0:
        return None
    union = pc.unique(pa.chunked_array([n for n in per_table if len(n)]))
    if len(union) != raw_lines:
        return f"{raw_lines - len(union)} lines appear in more than one table"
    lo, hi = pc.min(union).as_py(), pc.max(union).as_py()
    if (lo, hi) != (1, raw_lines):
        return f"line numbers run from {lo} to {hi}, expected 1 to {raw_lines}"
    return None


def _preview(path: Path, rows: int) -> list[dict]:
    reader = pq.ParquetFile(path)
    if reader.metadata.num_rows == 0:
        return []
    from heroku_assets.logs.parquet import decode_staged

    batch = decode_staged(next(reader.iter_batches(batch_size=rows)))  # timestamps as times, not integers
    return batch.to_pylist()[:rows]


def staged_rows(staging: ObjectStore, table: str, app: str, day: dt.date) -> tuple[list[str], int]:
    """The staged objects of (table, app, day) and their row count, from their metadata."""
    infos = list(staging.list(layout.staged_prefix(table, app, day)))
    return [i.key for i in infos], sum(int(i.metadata.get("rows", "0")) for i in infos)


def partition_lines(raw: ObjectStore, app: str, day: dt.date) -> int:
    """The lines a built partition numbers (its kept Logplex lines and its OTLP records): what a rebuild
    records in the ledger, so later ticks number after them."""
    head = raw.head(layout.raw_partition_object(app, day))
    if head is None:
        return 0
    return max(_kept_lines(head.metadata), 0) + int(head.metadata.get("otlp_records", "0"))
