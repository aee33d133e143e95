"""Shipping sealed spool segments to the raw store (reading them back: ``heroku_assets.received.segments``).

A sealed segment goes to the raw store as one object, ``layout.segment_object(day, receiver, seq)``,
with the apps and UTC days of its records in metadata (so the sensor and the partition builder pick it
without reading it). Only once the store confirmed the upload does the segment leave the spool. A
segment shipped twice (a crash between the upload and the removal) lands under the same name with the
same content.

Several receivers share one raw store without coordinating: each process claims a slot of its spool
directory (``claim_slot``: a lock file held while the process lives) and its receiver id is the
configured id plus the slot, so two processes never write the same object names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import queue
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from heroku_assets.capture.spool import Spool, summary_path
from heroku_assets.logs.otlp.stored import record_days as otlp_days
from heroku_assets.received.records import Record, SegmentSummary, read_records
from heroku_assets.received.segments import segment_metadata
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)


# -- slots ---------------------------------------------------------------------------------------


@dataclass
class Slot:
    """A spool subdirectory this process holds the lock of, and the receiver id that goes with it."""

    directory: Path
    receiver_id: str
    _lock_fd: int

    def release(self) -> None:
        os.close(self._lock_fd)


def _try_lock(directory: Path) -> int | None:
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def claim_slot(spool_dir: Path, receiver_id: str) -> Slot:
    """The first free slot ``w0``, ``w1``, ... of ``spool_dir``: each worker process of ``drain serve
    --workers N`` gets its own, and a restarted process takes back the one its predecessor held (and
    ships what it left). The lock dies with the process, kill -9 included."""
    layout.validate_receiver_id(receiver_id)
    index = 0
    while True:
        directory = Path(spool_dir) / f"w{index}"
        fd = _try_lock(directory)
        if fd is not None:
            return Slot(directory, f"{receiver_id}-w{index}", fd)
        index += 1


def orphan_slots(spool_dir: Path, receiver_id: str) -> Iterator[Slot]:
    """Slots no process holds that still have sealed or open segments (a pool of workers that shrank),
    each locked while the caller ships it; the caller releases them."""
    for directory in sorted(Path(spool_dir).glob("w*")):
        if not directory.is_dir() or not any(p.suffix in (".open", ".sealed") for p in directory.iterdir()):
            continue
        fd = _try_lock(directory)
        if fd is not None:
            yield Slot(directory, f"{receiver_id}-{directory.name}", fd)


def ship_orphans(store: ObjectStore, spool_dir: Path, receiver_id: str) -> int:
    """Ship what the slots no process holds still keep (a stopped receiver's spool); returns how many
    segments went. A slot that fails keeps its segments for the next try."""
    shipped = 0
    for slot in orphan_slots(spool_dir, receiver_id):
        try:
            spool = Spool(slot.directory)
            for path in spool.recover():
                ship(store, path, slot.receiver_id)
                spool.remove(path)
                shipped += 1
        except Exception:  # noqa: BLE001 - left for the next start
            log.exception("segments left in %s not shipped yet", slot.directory)
        finally:
            slot.release()
    return shipped


def held_segments(spool_dir: Path) -> list[Path]:
    """The segments, open or sealed and not empty, that the spool's slots hold: after ``ship_orphans``,
    those of receivers still running, shipped by them in their own time."""
    held = []
    for path in sorted(Path(spool_dir).glob("w*/*")):
        with contextlib.suppress(FileNotFoundError):  # shipped meanwhile
            if path.suffix in (".open", ".sealed") and path.stat().st_size > 0:
                held.append(path)
    return held


# -- what a segment holds ------------------------------------------------------------------------

# Dating a body by scanning it for timestamps costs a regex pass, where reading it costs some twenty
# times more (and the receiver has one core for HTTP and this). The scan takes the timestamp of every
# syslog header and of every line start, as the reader would, offsets included.
_STAMP = rb"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):\d\d(?:[.,]\d{1,9})?([Zz]|[+-]\d\d(?::?\d\d)?)"
_SYSLOG_STAMP = re.compile(rb"<\d{1,3}>\d{1,2} " + _STAMP)
_LINE_STAMP = re.compile(rb"(?:^|\n)[ \t]*(?:\d{1,9} )?" + _STAMP)
_UTC = (b"Z", b"z", b"+00:00", b"-00:00", b"+00", b"-00", b"+0000", b"-0000")


def _utc_days(stamps: list[tuple[bytes, ...]]) -> set[dt.date]:
    days = set()
    for year, month, day, hour, minute, offset in set(stamps):
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            continue  # not a day: the reader leaves the line undated too
        if offset not in _UTC:
            sign = 1 if offset[:1] == b"+" else -1
            digits = offset[1:].replace(b":", b"")
            shift = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or b"0"))
            local = dt.datetime.combine(date, dt.time(min(int(hour), 23), min(int(minute), 59)))
            date = (local - sign * shift).date()
        days.add(date)
    return days


def logplex_days(record: Record) -> set[dt.date]:
    """The UTC days the lines of a Logplex body belong to, by a scan of its timestamps.

    When the body has one syslog timestamp per frame the sender counted, every line is dated and the
    answer is exact. Otherwise it is a superset of what ``logs.dating.days_of`` finds: the days of every
    timestamp at a header or a line start, plus the day the body was received (where undated lines go
    when nothing around them is dated)."""
    received = record.received_at.astimezone(dt.UTC).date()
    stamps = _SYSLOG_STAMP.findall(record.body)
    count = record.headers.get("msg_count", "")
    if stamps and count.isdigit() and int(count) == len(stamps):
        days = _utc_days(stamps)
        if days:
            return days
    return _utc_days(stamps) | _utc_days(_LINE_STAMP.findall(record.body)) | {received}


# How each record kind is dated, off the request path; a kind with no entry is taken for the day it was
# received. A Logplex body is scanned as it is appended (after its answer); an OTLP request is decoded
# for the times of its records, which could hold the writer thread (and so every answer waiting on the
# next fsync) for as long as a big request takes to decode: the shipper dates those at seal time.
DAYS_BY_KIND: dict[str, Callable[[Record], set[dt.date]]] = {"logplex": logplex_days, "otlp": otlp_days}
DATED_AT_SEAL = frozenset({"otlp"})


def record_days(record: Record) -> set[dt.date]:
    dating = DAYS_BY_KIND.get(record.kind)
    if dating is None:
        return {record.received_at.astimezone(dt.UTC).date()}
    return dating(record)


def appended_days(record: Record) -> set[dt.date] | None:
    """The spool writer's dating: the days of a cheap kind now, None for one dated at seal time."""
    return None if record.kind in DATED_AT_SEAL else record_days(record)


def summarize(path: Path) -> SegmentSummary:
    """A sealed segment's summary: the one kept while it was written (its records left undated dated now,
    reading the segment for them), else found by reading it."""
    kept = summary_path(path)
    if kept.exists():
        try:
            summary = SegmentSummary.loads(kept.read_text())
        except (ValueError, KeyError):
            log.warning("%s: unreadable summary; reading the segment", kept)
        else:
            if summary.undated:
                with open(path, "rb") as stream:
                    for _, record in read_records(stream):
                        if record.kind in DATED_AT_SEAL:
                            summary.days.update(record_days(record))
                summary.undated = 0
            return summary
    summary = SegmentSummary()
    with open(path, "rb") as stream:
        for _, record in read_records(stream):
            summary.add(record, record_days(record))
    return summary


def ship(store: ObjectStore, path: Path, receiver_id: str) -> ObjectInfo | None:
    """Upload one sealed segment (StoreError when the store refuses; the file stays). None: it holds no
    intact record, there is nothing to ship."""
    seq = int(path.name.split(".", 1)[0])
    summary = summarize(path)
    if not summary.records or summary.received is None:
        return None
    key = layout.segment_object(summary.received, receiver_id, seq)
    return store.put_file(key, path, segment_metadata(summary, receiver_id, seq))


# -- the shipper thread --------------------------------------------------------------------------


class Shipper:
    """Uploads sealed segments in order, one at a time, retrying with backoff while the store fails
    (the spool grows meanwhile; past its size limit the receiver answers 503)."""

    def __init__(
        self,
        store: ObjectStore,
        receiver_id: str,
        *,
        retry_seconds: float = 1.0,
        max_retry_seconds: float = 60.0,
    ) -> None:
        self.store = store
        self.spool: Spool | None = None  # set before start: the spool it removes shipped segments from
        self.receiver_id = receiver_id
        self.retry_seconds = retry_seconds
        self.max_retry_seconds = max_retry_seconds
        self._queue: queue.SimpleQueue[Path | None] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.shipped = 0
        self.failures = 0

    def start(self, waiting: list[Path]) -> None:
        for path in waiting:
            self._queue.put(path)
        self._thread = threading.Thread(target=self._run, name="segment-shipper", daemon=True)
        self._thread.start()

    def submit(self, path: Path) -> None:
        self._queue.put(path)

    def stop(self, timeout: float = 20.0) -> None:
        """Ship what is queued, trying each segment once more at most, then stop: what the store did
        not take stays in the spool for the next start."""
        if self._thread is None:
            return
        self._stopping.set()
        self._queue.put(None)
        self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        while True:
            path = self._queue.get()
            if path is None:
                return
            delay = self.retry_seconds
            while not self._ship_one(path):
                if self._stopping.is_set():
                    break
                self._stopping.wait(delay)
                delay = min(delay * 2, self.max_retry_seconds)

    def _ship_one(self, path: Path) -> bool:
        if not path.exists():
            return True
        try:
            info = ship(self.store, path, self.receiver_id)
        except Exception as exc:  # noqa: BLE001 - any failure: the segment stays and is retried
            self.failures += 1
            log.error("segment %s not shipped (%s: %s); retrying", path.name, type(exc).__name__, exc)
            return False
        assert self.spool is not None
        self.spool.remove(path)
        if info is not None:
            self.shipped += 1
            log.info("shipped %s as %s (%s records)", path.name, info.key, info.metadata.get("records"))
        return True


# -- the spool, its slot and its shipper together -------------------------------------------------


class SpoolRunner:
    """What a receiver process runs beside its HTTP server: it claims a slot, recovers and ships what
    an earlier process left there (and in slots no process holds), then spools and ships until
    ``stop``, which seals the open segment and ships it if the store takes it in time."""

    def __init__(
        self,
        store: ObjectStore,
        spool_dir: Path,
        receiver_id: str,
        *,
        segment_seconds: float = 60.0,
        segment_bytes: int = 128 << 20,
        max_bytes: int | None = None,
        retry_seconds: float = 1.0,
    ) -> None:
        self.store = store
        self.spool_dir = Path(spool_dir)
        self.base_id = layout.validate_receiver_id(receiver_id)
        self.options = dict(segment_seconds=segment_seconds, segment_bytes=segment_bytes, max_bytes=max_bytes)
        self.retry_seconds = retry_seconds
        self.slot: Slot | None = None
        self.spool: Spool | None = None
        self.shipper: Shipper | None = None

    def start(self) -> None:
        self.slot = claim_slot(self.spool_dir, self.base_id)
        shipper = Shipper(self.store, self.slot.receiver_id, retry_seconds=self.retry_seconds)
        spool = Spool(
            self.slot.directory,
            on_sealed=shipper.submit,
            dating=appended_days,
            **self.options,  # type: ignore[arg-type]
        )
        shipper.spool = spool
        waiting = spool.open()
        shipper.start(waiting)
        self.spool, self.shipper = spool, shipper
        threading.Thread(target=self._ship_orphans, name="orphan-shipper", daemon=True).start()
        log.info(
            "spooling in %s as receiver %s (%d segments to ship)",
            self.slot.directory,
            self.slot.receiver_id,
            len(waiting),
        )

    def _ship_orphans(self) -> None:
        ship_orphans(self.store, self.spool_dir, self.base_id)

    def stop(self, timeout: float = 20.0) -> None:
        if self.spool is not None:
            self.spool.close()
        if self.shipper is not None:
            self.shipper.stop(timeout)
        if self.slot is not None:
            self.slot.release()
        self.spool = self.shipper = self.slot = None
