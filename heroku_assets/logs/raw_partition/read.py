"""Reading the lines of one app and day out of the received objects (segments, drain bodies, pulls,
imports), as read, in bounded batches: each line with its time (an undated one takes its neighbour's),
its source and place for the dedupe and the ordering, and the copy of the drain frame it came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.dating import dated_batches
from heroku_assets.logs.fill import EPOCH, fill_within, line_days
from heroku_assets.logs.raw_partition.candidates import source_of
from heroku_assets.received.days import received_day, undated_day
from heroku_assets.received.segments import read_segment
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

READ_CHUNK = 1 << 20


def _chunks(raw: ObjectStore, key: str) -> Iterator[bytes]:
    with raw.open(key) as stream:
        while chunk := stream.read(READ_CHUNK):
            yield chunk


class Copies:
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


def line_batches(
    raw: ObjectStore, objects: list[ObjectInfo], app: str, day: dt.date, copies: Copies
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
        src = source_of(info, index)
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


TABLE_COLUMNS = (
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
    raw: ObjectStore, info: ObjectInfo, index: int, app: str, day: dt.date, copies: Copies
) -> Iterator[pa.RecordBatch]:
    """The lines of ``day`` in ``app``'s records of one segment. Each record is read as a drain body
    object of its own would be (its undated lines take the days and times of its dated neighbours), but
    many records are read in one batch. All drain frames are one source (``source_of``)."""
    from heroku_assets.logs.logplex.frame_batches import read_bodies

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
            received_days.append((undated_day(received) - EPOCH).days)
            copy_ids.append(copy)
            yield record.body

    wanted = (day - EPOCH).days
    seq = index << 32
    for lines, owners in read_bodies(bodies()):
        base = int(owners[0])
        local = owners - base
        fallback_days = np.asarray(received_days[base : int(owners[-1]) + 1], dtype=np.int64)[local]
        us, valid, days = line_days(lines, owners, fallback_days)
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


def _day_start_us(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()) * 1_000_000
