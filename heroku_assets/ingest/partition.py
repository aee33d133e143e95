"""Building one raw partition (one app, one UTC day) from whatever the raw store holds.

Lines of a day arrive in many objects: drain bodies, pulled sessions and imported dumps, some after
midnight, some overlapping (a pull repeats what the drain delivered). The partition keeps each distinct
line once per copy a single source holds: a line two sources both hold counts once, while two identical
lines inside one object (a real burst) both stay. DuckDB does the dedupe and the ordering on disk, so a
busy day never has to fit in memory.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.ingest.raw import canonical_text, dated_batches
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)

_BATCH = 50_000
_READ_CHUNK = 1 << 20
# In-band loss reports: Logplex and log-shuttle tell of dropped lines with these codes.
_LOSS_MARKER = re.compile(rb"\bError (L1[0-3])\b")


@dataclass
class PartitionResult:
    """What was written, and the figures the asset reports as metadata."""

    key: str
    lines: int
    bytes: int
    source_objects: list[str]
    duplicates_removed: int
    loss_markers: dict[str, int] = field(default_factory=dict)
    gap_markers: int = 0
    version: str = ""


def candidate_objects(raw: ObjectStore, app: str, day: dt.date, late_days: int) -> list[ObjectInfo]:
    """Received objects that may hold lines of (app, day), by their ``days`` metadata."""
    found = []
    for prefix in layout.received_prefixes(app, day, late_days):
        for info in raw.list(prefix):
            days = info.metadata.get("days")
            if days is None or day in layout.parse_days(days):
                found.append(info)
    return found


def _received_day(info: ObjectInfo) -> dt.date:
    value = info.metadata.get("received")
    if value:
        return dt.date.fromisoformat(value)
    parts = info.key.split("/")
    try:
        return dt.date.fromisoformat(parts[1])
    except (IndexError, ValueError):
        return dt.date(1970, 1, 1)


def _chunks(raw: ObjectStore, key: str) -> Iterator[bytes]:
    with raw.open(key) as stream:
        while chunk := stream.read(_READ_CHUNK):
            yield chunk


def _line_batches(raw: ObjectStore, objects: list[ObjectInfo], day: dt.date) -> Iterator[pa.RecordBatch]:
    """(line, ts_us, src, seq) for every line of ``day`` in every object, in bounded batches."""
    wanted = pa.scalar(day, pa.date32())
    for src, info in enumerate(objects):
        seq = 0
        for batch in dated_batches(
            _chunks(raw, info.key), info.metadata.get("format", "auto"), _received_day(info)
        ):
            mask = pc.equal(batch.days, wanted)
            positions = pc.add(pc.indices_nonzero(mask), seq)
            seq += batch.lines.num_rows
            lines = batch.lines.filter(mask)
            if not lines.num_rows:
                continue
            yield pa.record_batch(
                [
                    canonical_text(lines),
                    pc.cast(lines.column("ts"), pa.int64()),
                    pa.array(np.full(lines.num_rows, src, dtype=np.int32)),
                    pc.cast(positions, pa.int64()),
                ],
                names=["line", "ts", "src", "seq"],
            )


# k numbers the copies of one line inside one source; a line's k-th copy is kept once whichever source
# holds it, so overlaps collapse and repeats inside one object stay.
_DEDUPED_SQL = """
WITH numbered AS (
    SELECT line, ts, src, seq,
           row_number() OVER (PARTITION BY src, line ORDER BY seq) AS k
    FROM lines
)
SELECT line, min(ts) AS ts, min(src) AS src, min(seq) AS seq
FROM numbered
GROUP BY line, k
ORDER BY ts NULLS LAST, src, seq
"""


def build_partition(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int = 1,
    workdir: Path | None = None,
    memory_limit: str = "512MB",
) -> PartitionResult:
    """Gather, dedupe and order the lines of (app, day) and write them as one gzip text object,
    replacing any earlier one (the key is deterministic)."""
    objects = candidate_objects(raw, app, day, late_days)
    key = layout.partition_key(app, day)
    with tempfile.TemporaryDirectory(prefix="heroku-assets-raw-", dir=workdir) as tmp:
        # In memory, spilling to the temporary folder past the limit: no checkpoints for a scratch table.
        con = duckdb.connect(":memory:")
        try:
            con.execute("SET memory_limit = ?", [memory_limit])
            con.execute("SET temp_directory = ?", [str(Path(tmp) / "spill")])
            con.execute("SET threads = 2")
            con.execute("SET preserve_insertion_order = false")
            con.execute("CREATE TABLE lines (line VARCHAR, ts BIGINT, src INTEGER, seq BIGINT)")
            received = 0
            for batch in _line_batches(raw, objects, day):
                received += batch.num_rows
                con.register("incoming", batch)
                con.execute("INSERT INTO lines SELECT * FROM incoming")
                con.unregister("incoming")
            out_path = Path(tmp) / "lines.log.gz"
            lines, size, markers = _write_gzip(con, out_path, len(objects))
        finally:
            con.close()
        meta = {
            "app": app,
            "date": day.isoformat(),
            "lines": str(lines),
            "source_objects": str(len(objects)),
        }
        info = raw.put_file(key, out_path, meta)
    gaps = sum(1 for _ in raw.list(f"gaps/{day.isoformat()}/{app}/"))
    return PartitionResult(
        key=key,
        lines=lines,
        bytes=size,
        source_objects=[o.key for o in objects],
        duplicates_removed=received - lines,
        loss_markers=markers,
        gap_markers=gaps,
        version=info.version,
    )


def _write_gzip(con: duckdb.DuckDBPyConnection, path: Path, sources: int) -> tuple[int, int, dict[str, int]]:
    lines = 0
    size = 0
    markers: dict[str, int] = {}
    # One source object cannot overlap itself: ordering is all that is left to do.
    query = _DEDUPED_SQL if sources > 1 else "SELECT line FROM lines ORDER BY ts NULLS LAST, src, seq"
    reader = con.sql(f"SELECT line || chr(10) AS line FROM ({query})").to_arrow_reader(_BATCH)
    # Level 1: the partition is written once per run and read once by the parser; speed matters more.
    # mtime=0 makes the object depend on its lines only, so an unchanged day keeps its version.
    with open(path, "wb") as file, gzip.GzipFile(fileobj=file, mode="wb", compresslevel=1, mtime=0) as out:
        for batch in reader:
            if not batch.num_rows:
                continue
            data = _joined(batch.column(0))
            out.write(data)
            lines += batch.num_rows
            size += len(data)
            for match in _LOSS_MARKER.finditer(data):
                code = match.group(1).decode()
                markers[code] = markers.get(code, 0) + 1
    return lines, size, markers


def _joined(column: pa.Array) -> memoryview:
    """The concatenation of a string column's values, straight from its Arrow data buffer (no copy):
    the values already end in a newline."""
    array = column.cast(pa.large_string()) if column.type != pa.large_string() else column
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)
    start, end = offsets[array.offset], offsets[array.offset + len(array)]
    return memoryview(array.buffers()[2])[start:end]


def read_partition_lines(raw: ObjectStore, app: str, day: dt.date) -> Iterator[bytes]:
    """The partition's gzip text, decompressed, in chunks (what the parser reads)."""
    with raw.open(layout.partition_key(app, day)) as stream, gzip.GzipFile(fileobj=stream) as text:
        while chunk := text.read(_READ_CHUNK):
            yield chunk
