"""Building one raw partition (one app, one UTC day) from whatever the raw store holds.

Lines of a day arrive in many objects: drain bodies, pulled sessions and imported dumps, some after
midnight, some overlapping (a pull repeats what the drain delivered). The partition keeps each distinct
line once per copy a single source holds: a line two sources both hold counts once, while identical lines
inside one source (a real burst) all stay. DuckDB does the dedupe and the ordering, spilling to disk, so a
busy day never has to fit in memory.

Drain bodies come in spool segments (many bodies of many apps in one object) or, from receivers without
a spool and stores written before segments, one object per body. Either way a Logplex frame counts once
however many copies of it were received (retries to the same or another receiver, across midnight):
copies are known by their frame id (by a hash of the body when Logplex sent none), and the last received
copy is kept: the one Logplex sent last (it rebuilds its loss reports on a retry). A copy arriving later
makes a new segment, which re-runs the partition.
"""

from __future__ import annotations

import collections
import concurrent.futures
import datetime as dt
import gzip
import hashlib
import re
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from heroku_assets.logs.dating import dated_batches
from heroku_assets.logs.fill import fill_within
from heroku_assets.logs.otlp.partition import write_manifest
from heroku_assets.logs.raw_text import canonical_text
from heroku_assets.received.days import RETRY_WINDOW, received_day, undated_day
from heroku_assets.received.segments import read_segment, rebuild_segments, segment_apps
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

_BATCH = 50_000
_READ_CHUNK = 1 << 20
# In-band loss reports: Logplex and log-shuttle tell of dropped lines with these codes.
_LOSS_MARKER = re.compile(rb"Error (L1[0-3])\b")


@dataclass
class PartitionResult:
    """What was written, and the figures the asset reports as metadata."""

    key: str
    lines: int  # written to the partition
    received_lines: int  # lines of the day found in the received objects, before dedupe
    bytes: int
    source_objects: list[str]
    duplicates_removed: int
    loss_markers: dict[str, int] = field(default_factory=dict)
    gap_markers: int = 0
    version: str = ""
    # The newest received object read, by the store's clock: one arriving later is newer than this, so
    # the sensor can tell a partition already built from what it sees from one that needs a run.
    sources_newest: float = 0.0


def candidate_objects(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int,
    ticked: Collection[str] | None = None,
    window: dt.date | None = None,
) -> list[ObjectInfo]:
    """Received objects that may hold lines of (app, day), by their ``days`` metadata, each drain frame
    once (``_one_copy_per_frame``). With ``ticked`` (the segments the ledger says ticks appended lines
    of the day from), exactly those segments, late ones included: one no tick consumed yet is the next
    tick's, which appends it after this rebuild; one received before ``window`` (the first day ticks
    take) is read whether a tick took it or not."""
    listed = [info for prefix in layout.received_prefixes(app, day, late_days) for info in raw.list(prefix)]
    if ticked is not None:
        segments = [i for i in listed if layout.is_segment(i.key)]
        listed = [i for i in listed if not layout.is_segment(i.key)]
        listed += rebuild_segments(raw, segments, ticked, window)
    found = []
    for info in _one_copy_per_frame(listed):
        if layout.is_segment(info.key):
            apps = segment_apps(info)
            if apps is not None and app not in apps:
                continue
            kinds = info.metadata.get("kinds")
            if kinds is not None and "logplex" not in kinds.split():
                continue  # OTLP requests only: the manifest reads those
        days = info.metadata.get("days")
        if days is None or day in layout.parse_days(days):
            found.append(info)
    return found


def _one_copy_per_frame(infos: list[ObjectInfo]) -> list[ObjectInfo]:
    """Drop the earlier copy of a drain frame stored under two received days.

    A frame first sent just before midnight UTC and retried after it (Logplex gives up on an attempt
    after 5 s) can be stored twice, once under each day, however the attempts interleave. The copies
    share the object name (the frame id, or the hash of a body without one) and arrived within
    ``RETRY_WINDOW`` of each other; every partition that lists one lists both, and keeps the later,
    whose body is the one Logplex sent last (it rebuilds its loss reports on a retry). The receiver dates
    undated lines alike in both (``undated_day``), so the copies touch the same partitions and no
    partition keeps lines of the earlier one after the later has landed."""
    drains: dict[str, list[ObjectInfo]] = {}
    others = []
    for info in infos:
        if info.key.startswith("drain/"):
            drains.setdefault(info.key.rsplit("/", 1)[-1], []).append(info)
        else:
            others.append(info)
    kept = []
    for copies in drains.values():
        copies.sort(key=lambda i: i.key)
        for earlier, later in zip(copies, [*copies[1:], None], strict=True):
            if later is None or not _retried(earlier, later):
                kept.append(earlier)
    return [*sorted(kept, key=lambda i: i.key), *others]


def _retried(earlier: ObjectInfo, later: ObjectInfo) -> bool:
    """Whether ``later`` is a retry of ``earlier``: it arrived within the retry window after it."""
    try:
        first = dt.datetime.fromisoformat(earlier.metadata["received_at"])
        then = dt.datetime.fromisoformat(later.metadata["received_at"])
    except (KeyError, ValueError):
        return False
    return dt.timedelta(0) <= then - first <= RETRY_WINDOW


def _chunks(raw: ObjectStore, key: str) -> Iterator[bytes]:
    with raw.open(key) as stream:
        while chunk := stream.read(_READ_CHUNK):
            yield chunk


def _source_of(info: ObjectInfo, index: int) -> int:
    """Which source an object belongs to, for dedupe. Logplex delivers each frame once (a retry keeps its
    frame id and overwrites itself) and pulls keep only what follows the previous pull, so all drain
    bodies are one source and all pulls another: a repeat inside either is a real repeat. Each import
    is a source of its own, since dumps can overlap anything."""
    kind = info.key.split("/", 1)[0]
    return {"segment": 0, "drain": 0, "pull": 1}.get(kind, 2 + index)


class _Copies:
    """Every copy of every drain frame met while reading, to keep the last received of each (ties:
    the greatest object key, then record number, so the choice never depends on listing order)."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[tuple[int, str, int], int]] = {}
        self.dropped: list[int] = []

    def add(self, frame: str, received_us: int, key: str, record: int, copy_id: int) -> None:
        rank = (received_us, key, record)
        kept = self._first.get(frame)
        if kept is None:
            self._first[frame] = (rank, copy_id)
        elif rank > kept[0]:
            self.dropped.append(kept[1])
            self._first[frame] = (rank, copy_id)
        else:
            self.dropped.append(copy_id)


def _frame_of_key(key: str) -> str:
    return key.rsplit("/", 1)[-1].removesuffix(".logplex")


def _received_us(value: str | None) -> int:
    if not value:
        return 0
    try:
        return int(dt.datetime.fromisoformat(value).timestamp() * 1_000_000)
    except ValueError:
        return 0


def _line_batches(
    raw: ObjectStore, objects: list[ObjectInfo], app: str, day: dt.date, copies: _Copies
) -> Iterator[pa.RecordBatch]:
    """(line, ts, dated, src, seq, copy) for every line of ``day`` in every object, in bounded batches.
    ``ts`` is the line's time in microseconds, or for an undated line that of the dated line before it,
    so that garbage stays where it was received among its neighbours; ``seq`` orders lines within a
    source; ``copy`` names the copy of a drain frame the line came from (-1: not a drain frame)."""
    wanted = pa.scalar(day, pa.date32())
    for index, info in enumerate(objects):
        if layout.is_segment(info.key):
            yield from _segment_batches(raw, info, index, app, day, copies)
            continue
        src = _source_of(info, index)
        copy = -1
        if info.key.startswith("drain/"):
            copy = index << 32
            received = _received_us(info.metadata.get("received_at"))
            copies.add(_frame_of_key(info.key), received, info.key, 0, copy)
        seq = index << 32
        last_ts: int | None = None
        fmt = info.metadata.get("format", "auto")
        for batch in dated_batches(_chunks(raw, info.key), fmt, received_day(info)):
            mask = pc.equal(batch.days, wanted)
            positions = pc.add(pc.indices_nonzero(mask), seq)
            seq += batch.lines.num_rows
            stamps = pc.cast(batch.lines.column("ts"), pa.int64())
            dated = pc.is_valid(stamps)
            if stamps.null_count:
                head = pa.array([last_ts], pa.int64())
                stamps = pc.fill_null_forward(pa.concat_arrays([head, stamps]))[1:]
                stamps = pc.fill_null(pc.fill_null_backward(stamps), _day_start_us(day))
            last_ts = stamps[len(stamps) - 1].as_py()
            lines = batch.lines.filter(mask)
            if not lines.num_rows:
                continue
            yield pa.record_batch(
                [
                    stamps.filter(mask),
                    dated.filter(mask),
                    pa.array(np.full(lines.num_rows, src, dtype=np.int32)),
                    pc.cast(positions, pa.int64()),
                    pa.array(np.full(lines.num_rows, copy, dtype=np.int64)),
                    *_as_read(lines),
                ],
                names=_COLUMNS,
            )


# ts: the line's time, or its neighbour's for an undated one (dated says which); src/seq/copy_id: where
# it came from; then the line as first read (LINE_SCHEMA less ts). The text is written from these after
# the sort, so the sort carries each line once.
_COLUMNS = ["ts", "dated", "src", "seq", "copy_id", "source", "dyno", "message", "raw", "error"]
_TABLE_COLUMNS = (
    "ts BIGINT, dated BOOLEAN, src INTEGER, seq BIGINT, copy_id BIGINT, "
    "source VARCHAR, dyno VARCHAR, message VARCHAR, raw VARCHAR, error VARCHAR"
)


def _as_read(lines: pa.RecordBatch) -> list[pa.Array]:
    """The read columns staging needs besides the time. ``raw`` is kept for rejected lines only: the
    rejected_lines table is the one that carries it, and a readable line's raw text would double the
    partition's size for nothing."""
    error = lines.column("error")
    raw = pc.if_else(pc.is_valid(error), lines.column("raw"), pa.scalar(None, pa.string()))
    return [lines.column("source"), lines.column("dyno"), lines.column("message"), raw, error]


def _segment_batches(
    raw: ObjectStore, info: ObjectInfo, index: int, app: str, day: dt.date, copies: _Copies
) -> Iterator[pa.RecordBatch]:
    """The lines of ``day`` in ``app``'s records of one segment. Each record is read as a drain body
    object of its own would be (its undated lines take the days and times of its dated neighbours), but
    many records are read in one batch. All drain frames are one source (``_source_of``)."""
    from heroku_assets.logs.logplex.reader import read_bodies

    received_days: list[int] = []
    copy_ids: list[int] = []

    def bodies() -> Iterator[bytes]:
        for number, record in enumerate(read_segment(raw, info.key)):
            if record.app != app or record.kind != "logplex":
                continue
            copy = (index << 32) | number
            received = record.received_at.astimezone(dt.UTC)
            frame = record.frame_id or layout.frame_name(None, record.body)
            copies.add(frame, int(received.timestamp() * 1_000_000), info.key, number, copy)
            received_days.append((undated_day(received) - _EPOCH).days)
            copy_ids.append(copy)
            yield record.body

    wanted = (day - _EPOCH).days
    seq = index << 32
    for lines, owners in read_bodies(bodies()):
        base = int(owners[0])
        local = owners - base
        fallback_days = np.asarray(received_days[base : int(owners[-1]) + 1], dtype=np.int64)[local]
        stamps = pc.cast(lines.column("ts"), pa.int64())
        valid = np.asarray(pc.is_valid(stamps))
        us = np.asarray(pc.fill_null(stamps, 0))
        day_numbers = np.floor_divide(us, 86_400_000_000)
        days = fill_within(day_numbers, valid, owners, fallback_days)
        mask = days == wanted
        positions = np.flatnonzero(mask)
        seq_now = seq
        seq += lines.num_rows
        if not len(positions):
            continue
        times = fill_within(us, valid, owners, np.full(len(us), _day_start_us(day), dtype=np.int64))
        chosen = lines.take(pa.array(positions))
        copy_column = np.asarray(copy_ids[base : int(owners[-1]) + 1], dtype=np.int64)[local[positions]]
        yield pa.record_batch(
            [
                pa.array(times[positions]),
                pa.array(valid[positions]),
                pa.array(np.zeros(len(positions), dtype=np.int32)),
                pa.array(positions + seq_now),
                pa.array(copy_column),
                *_as_read(chosen),
            ],
            names=_COLUMNS,
        )


_EPOCH = dt.date(1970, 1, 1)


def _day_start_us(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()) * 1_000_000


# k numbers the copies of one line inside one source; a line's k-th copy is kept once whichever source
# holds it, so overlaps collapse and repeats inside one source stay. A line is what its text says: its
# time, source, dyno and message, or the raw text of a refused line (``raw`` is null for the others). A
# line without a timestamp (garbage) is never taken for a copy of another: the same text in two places
# proves nothing.
_DEDUPED_SQL = """
WITH numbered AS (
    SELECT *, row_number() OVER (PARTITION BY src, ts, source, dyno, message, raw, error ORDER BY seq) AS k
    FROM lines
    WHERE dated
)
SELECT ts, true AS dated, source, dyno, message, raw, error, min(src) AS src, min(seq) AS seq
FROM numbered
GROUP BY ts, source, dyno, message, raw, error, k
UNION ALL
SELECT ts, dated, source, dyno, message, raw, error, src, seq FROM lines WHERE NOT dated
"""
_SORTED_SQL = """
SELECT CASE WHEN dated THEN ts END AS read_ts, source, dyno, message, raw, error
FROM ({lines})
ORDER BY ts, src, seq
"""


def build_partition(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int = 1,
    workdir: Path | None = None,
    memory_limit: str = "256MB",
    ticked: Collection[str] | None = None,
    window: dt.date | None = None,
) -> PartitionResult:
    """Gather, dedupe and order the lines of (app, day) and write them as one gzip text object (for
    people, and for rejected rows to lead back to), with the same lines as read beside it in Parquet
    (what staging classifies, so no line is read twice), replacing any earlier pair: the keys are
    deterministic. ``ticked``: see ``candidate_objects``."""
    objects = candidate_objects(raw, app, day, late_days, ticked, window)
    key = layout.raw_partition_object(app, day)
    # OTLP requests are structured already: a manifest names them and staging maps their records.
    otlp = write_manifest(raw, app, day, late_days, ticked, window)
    sources = list(dict.fromkeys([o.key for o in objects] + otlp.objects))  # a segment may hold both
    with tempfile.TemporaryDirectory(prefix="heroku-assets-raw-", dir=workdir) as tmp:
        text_path, lines_path = Path(tmp) / "lines.log.gz", Path(tmp) / "lines.parquet"
        written = _write_sorted(raw, objects, app, day, text_path, lines_path, Path(tmp), memory_limit)
        # The Parquet goes first and names the text it matches: a partition whose text is newer than
        # its Parquet (a build that stopped between the two) is staged from the text.
        raw.put_file(layout.raw_lines_object(app, day), lines_path, {"text_sha256": written.sha256})
        meta = {
            "app": app,
            "date": day.isoformat(),
            "lines": str(written.lines),
            "received_lines": str(written.received),
            "duplicates_removed": str(written.received - written.lines),
            "otlp_records": str(otlp.records),
            "source_objects": str(len(sources)),
            "sha256": written.sha256,
        }
        info = raw.put_file(key, text_path, meta)
    gaps = sum(1 for _ in raw.list(layout.gap_prefix(app, day)))
    return PartitionResult(
        key=key,
        lines=written.lines,
        received_lines=written.received,
        bytes=written.size,
        source_objects=sources,
        duplicates_removed=written.received - written.lines,
        loss_markers=written.markers,
        gap_markers=gaps,
        version=otlp.partition_version(info.version),
        sources_newest=max([o.modified or 0.0 for o in objects] + [otlp.newest]),
    )


@dataclass(frozen=True)
class _Written:
    received: int  # lines of the day found in the received objects
    lines: int  # lines written, after dedupe
    size: int  # bytes of text, before compression
    markers: dict[str, int]
    sha256: str  # of the gzip text as stored


def _write_sorted(
    raw: ObjectStore,
    objects: list[ObjectInfo],
    app: str,
    day: dt.date,
    text_path: Path,
    lines_path: Path,
    tmp: Path,
    memory_limit: str,
) -> _Written:
    """Gather the lines of ``day``, dedupe and order them, and write them as gzip text to ``text_path``
    and as read (LINE_SCHEMA) to ``lines_path``, row for row."""
    from heroku_assets.logs.logplex.reader import LINE_SCHEMA

    # In memory, spilling to the temporary folder past the limit: no checkpoints for a scratch table.
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET memory_limit = ?", [memory_limit])
        con.execute("SET temp_directory = ?", [str(tmp / "spill")])
        con.execute("SET threads = 2")
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"CREATE TABLE lines ({_TABLE_COLUMNS})")
        received = 0
        copies = _Copies()
        for chunk in _gathered(_line_batches(raw, objects, app, day, copies), _BATCH):
            received += chunk.num_rows
            con.register("incoming", chunk)
            con.execute("INSERT INTO lines SELECT * FROM incoming")
            con.unregister("incoming")
        if copies.dropped:
            # earlier copies of frames received again: each frame counts once, by its last copy
            con.register("dropped", pa.table({"copy_id": pa.array(copies.dropped, pa.int64())}))
            con.execute("DELETE FROM lines WHERE copy_id IN (SELECT copy_id FROM dropped)")
            con.unregister("dropped")
        # One object cannot overlap itself: with a single source, ordering is all that is left to do.
        sources = {_source_of(info, i) for i, info in enumerate(objects)}
        query = _SORTED_SQL.format(lines=_DEDUPED_SQL if len(sources) > 1 else "SELECT * FROM lines")
        reader = con.sql(query).to_arrow_reader(_BATCH)
        # Dictionaries only where values repeat: a message column would try one and fall back, at a cost.
        with (
            _GzipLines(text_path) as out,
            pq.ParquetWriter(
                lines_path, LINE_SCHEMA, compression="zstd", use_dictionary=["source", "dyno", "error"]
            ) as pw,
        ):
            for batch in reader:
                lines = _line_schema_batch(batch, LINE_SCHEMA)
                out.write(pc.binary_join_element_wise(canonical_text(lines), "\n", ""))
                pw.write_batch(lines)
    finally:
        con.close()
    return _Written(received, out.lines, out.size, out.markers, out.sha256)


def _gathered(batches: Iterator[pa.RecordBatch], rows: int) -> Iterator[pa.Table]:
    """The batches in tables of at least ``rows`` rows (the last may be smaller): DuckDB's cost per
    INSERT of Arrow data is high enough that ten-thousand-line batches took over twice as long."""
    pending: list[pa.RecordBatch] = []
    size = 0
    for batch in batches:
        pending.append(batch)
        size += batch.num_rows
        if size >= rows:
            yield pa.Table.from_batches(pending)
            pending, size = [], 0
    if pending:
        yield pa.Table.from_batches(pending)


def _line_schema_batch(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    ts = pc.cast(batch.column("read_ts"), pa.int64()).cast(schema.field("ts").type)
    columns = [ts, *(batch.column(name).cast(pa.string()) for name in schema.names[1:])]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _count_loss_markers(data: bytes, markers: dict[str, int]) -> None:
    """Count ``Error L10`` .. ``Error L13`` (Logplex's in-band reports of dropped lines)."""
    start = data.find(b"Error L1")
    while start >= 0:
        match = _LOSS_MARKER.match(data, start)
        if match and (start == 0 or not data[start - 1 : start].isalnum()):
            code = match.group(1).decode()
            markers[code] = markers.get(code, 0) + 1
        start = data.find(b"Error L1", start + 8)


class _GzipLines:
    """Writes newline-terminated string columns as a gzip file whose members are compressed on two
    threads (zlib releases the GIL), overlapping each other and the sort. Concatenated gzip members are
    one valid gzip stream; level 1 because the partition is written once and read once, and mtime 0 so
    an unchanged day keeps its content version."""

    def __init__(self, path: Path, workers: int = 2) -> None:
        self.path = path
        self.lines = 0
        self.size = 0
        self.markers: dict[str, int] = {}
        self._hash = hashlib.sha256()
        self._workers = workers
        self._pending: collections.deque[concurrent.futures.Future[bytes]] = collections.deque()

    def __enter__(self) -> _GzipLines:
        self._file = open(self.path, "wb")  # noqa: SIM115 - closed in __exit__
        self._pool = concurrent.futures.ThreadPoolExecutor(self._workers, thread_name_prefix="partition-gzip")
        return self

    def write(self, column: pa.Array) -> None:
        if not len(column):
            return
        data = bytes(_joined(column))  # bytes.find skips through it far faster than a regex scan
        self.lines += len(column)
        self.size += len(data)
        _count_loss_markers(data, self.markers)
        self._pending.append(self._pool.submit(gzip.compress, data, compresslevel=1, mtime=0))
        while len(self._pending) > self._workers * 2:
            self._emit(self._pending.popleft().result())

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def _emit(self, member: bytes) -> None:
        self._hash.update(member)
        self._file.write(member)

    def __exit__(self, *exc: object) -> None:
        try:
            while self._pending:
                member = self._pending.popleft().result()
                if exc[0] is None:
                    self._emit(member)
        finally:
            self._pool.shutdown()
            self._file.close()


def _joined(column: pa.Array) -> memoryview:
    """The concatenation of a string column's values, straight from its Arrow data buffer (no copy):
    the values already end in a newline."""
    array = column.cast(pa.large_string()) if column.type != pa.large_string() else column
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)
    start, end = offsets[array.offset], offsets[array.offset + len(array)]
    return memoryview(array.buffers()[2])[start:end]


def read_partition_lines(raw: ObjectStore, app: str, day: dt.date) -> Iterator[bytes]:
    """The partition's gzip text, decompressed, in chunks (what the parser reads)."""
    with raw.open(layout.raw_partition_object(app, day)) as stream, gzip.GzipFile(fileobj=stream) as text:
        while chunk := text.read(_READ_CHUNK):
            yield chunk
