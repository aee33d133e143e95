"""The receiver's local spool: append-only, checksummed segment files, with group commit.

A receiver acknowledges a POST only once its record is on local disk (fsynced), and ships whole segments
to the raw store later (``segments``): one object per segment instead of one per POST. This is the
disk buffer log shippers keep (Vector, Fluent Bit); it is hand-written because what matters here, the
exact moment a record is durable, is the whole of it and fits in a page.

Usage (any record kind fits: ``logplex`` bodies, ``otlp`` requests, ...)::

    spool = Spool(directory, on_sealed=shipper.submit)
    spool.open()                     # recovers what an earlier process left, starts the writer thread
    await spool.append(Record(kind="logplex", app=..., received_at=..., frame_id=..., headers=..., body=...))
    # returns once the record is fsynced; raises SpoolError (answer 503) when it cannot be
    spool.close()                    # seals the open segment

Concurrent appends share one write and one fsync: a writer thread takes every append waiting, writes
them, fsyncs once and then resolves each caller's future (group commit).

A segment file is a sequence of records, each checksummed (the format is ``heroku_assets.received.records``,
which readers of stored segments share). A crash can leave only the last record torn
(appends are sequential and a failed write is cut back before anything else is written); recovery reads
records while their checksums hold and cuts the file there. Files: ``<seq>.open`` while written,
``<seq>.sealed`` once closed (ready to ship); ``next-seq`` holds the next sequence number, so a number is
never reused for other content.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from heroku_assets import settings
from heroku_assets.received.records import (
    HEAD_BYTES,
    MAX_RECORD_BYTES,
    Record,
    RecordError,
    SegmentSummary,
    read_records,
)

log = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
SEALED_SUFFIX = ".sealed"


class SpoolError(RuntimeError):
    """A record could not be made durable (disk full, I/O error, spool over its size limit): the
    receiver answers 503 and the sender retries."""


def recover_file(path: Path) -> int:
    """Cut ``path`` after its last intact record; return how many bytes were cut. Bytes cut from the
    middle of a file (damage, not a torn tail) are kept beside it as ``<name>.damaged`` for an operator."""
    with open(path, "rb") as stream:
        end = 0
        for offset, _ in read_records(stream):
            end = offset
    size = path.stat().st_size
    if size == end:
        return 0
    cut = size - end
    if cut > MAX_RECORD_BYTES + HEAD_BYTES:
        damaged = path.with_name(path.name + ".damaged")
        with open(path, "rb") as src, open(damaged, "wb") as out:
            src.seek(end)
            while chunk := src.read(1 << 20):
                out.write(chunk)
        log.error("%s: %d bytes after offset %d are unreadable; kept in %s", path, cut, end, damaged)
    with open(path, "r+b") as out:
        out.truncate(end)
        os.fsync(out.fileno())
    log.warning("%s: cut a torn last record (%d bytes) at offset %d", path, cut, end)
    return cut


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def summary_path(segment: Path) -> Path:
    """Where a sealed segment's summary is kept beside it (absent after a crash: read the segment)."""
    return segment.with_name(segment.name + ".summary")


@dataclasses.dataclass
class _Append:
    record: Record
    data: bytes
    future: concurrent.futures.Future[None]


_SEAL = object()
_STOP = object()


class Spool:
    """One directory of segment files, written by one process (see ``slots.claim_slot``).

    ``segment_seconds``/``segment_bytes``: a segment is sealed when it is that old or that big;
    ``max_bytes``: appends that would take the spool's files (open and sealed, not yet shipped) over this
    size fail, so a store that stays down turns into 503s before the disk fills; ``on_sealed`` is called
    with each sealed file's path (from the writer thread: it must not block); ``dating`` gives the UTC
    days of a record's lines, for the segment's summary (called after the record was acknowledged), or
    None for a record too costly to date on the writer thread: the shipper dates it (``summarize``)."""

    def __init__(
        self,
        directory: Path,
        *,
        segment_seconds: float = settings.DEFAULT_SEGMENT_SECONDS,
        segment_bytes: int = settings.DEFAULT_SEGMENT_BYTES,
        max_bytes: int | None = None,
        on_sealed: Callable[[Path], None] = lambda path: None,
        dating: Callable[[Record], set[dt.date] | None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = Path(directory)
        self.segment_seconds = segment_seconds
        self.segment_bytes = segment_bytes
        self.max_bytes = max_bytes
        self.on_sealed = on_sealed
        self.dating = dating
        self.clock = clock
        self._summary = SegmentSummary()
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._path: Path | None = None
        self._size = 0
        self._opened_at = 0.0
        self._spooled = 0
        self.appended = 0
        self.failed = 0
        self.fsyncs = 0

    # -- lifecycle -------------------------------------------------------------------------------

    def open(self) -> list[Path]:
        """Recover what an earlier process left and start the writer. Returns the sealed segments
        waiting to be shipped, oldest first."""
        sealed = self.recover()
        self._thread = threading.Thread(target=self._run, name="spool-writer", daemon=True)
        self._thread.start()
        return sealed

    def recover(self) -> list[Path]:
        """Cut torn tails and seal the open segments an earlier process left; return every sealed
        segment, oldest first."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for path in sorted(self.directory.glob("*" + OPEN_SUFFIX)):
            recover_file(path)
            if path.stat().st_size == 0:
                path.unlink()
            else:
                os.chmod(path, 0o400)
                path.rename(path.with_suffix(SEALED_SUFFIX))
        _fsync_dir(self.directory)
        sealed = self.sealed()
        self._spooled = sum(p.stat().st_size for p in sealed)
        return sealed

    def sealed(self) -> list[Path]:
        return sorted(self.directory.glob("*" + SEALED_SUFFIX))

    def close(self, timeout: float = 30.0) -> None:
        """Write what is queued, seal the open segment and stop the writer."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._thread = None

    # -- appending -------------------------------------------------------------------------------

    def submit(self, record: Record) -> concurrent.futures.Future[None]:
        """Queue ``record``; the future resolves once it is durable (or fails with SpoolError)."""
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        if self._thread is None:
            future.set_exception(SpoolError("the spool is not open"))
            return future
        try:
            data = record.encode()
        except RecordError as exc:
            future.set_exception(SpoolError(str(exc)))
            return future
        self._queue.put(_Append(record, data, future))
        return future

    async def append(self, record: Record) -> None:
        """Append ``record`` and return once it is fsynced; SpoolError when it could not be."""
        await asyncio.wrap_future(self.submit(record))

    def seal(self) -> None:
        """Seal the open segment now (it is shipped as soon as the shipper gets to it)."""
        self._queue.put(_SEAL)

    def remove(self, path: Path) -> None:
        """Drop a sealed segment once the store confirmed it."""
        size = path.stat().st_size
        path.unlink()
        summary_path(path).unlink(missing_ok=True)
        _fsync_dir(self.directory)
        with self._lock:
            self._spooled -= size

    @property
    def spooled_bytes(self) -> int:
        return self._spooled

    # -- the writer thread -----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            timeout = None
            if self._fd is not None:
                timeout = max(0.0, self._opened_at + self.segment_seconds - self.clock())
            try:
                items = [self._queue.get(timeout=timeout)]
            except queue.Empty:
                self._seal()
                continue
            while True:
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._write([i for i in items if isinstance(i, _Append)])
            if _STOP in items:
                self._seal()
                self._fail_pending()
                return
            if _SEAL in items or self._due():
                self._seal()

    def _due(self) -> bool:
        if self._fd is None:
            return False
        return self._size >= self.segment_bytes or self.clock() >= self._opened_at + self.segment_seconds

    def _fail_pending(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Append):
                item.future.set_exception(SpoolError("the spool is closed"))

    def _write(self, appends: list[_Append]) -> None:
        if not appends:
            return
        taken: list[_Append] = []
        room = None if self.max_bytes is None else self.max_bytes - self._spooled
        for item in appends:
            if room is not None and len(item.data) > room:
                self.failed += 1
                item.future.set_exception(SpoolError("the spool is full (its size limit is reached)"))
                continue
            taken.append(item)
            if room is not None:
                room -= len(item.data)
        if not taken:
            return
        data = b"".join(item.data for item in taken)
        start = self._size
        try:
            if self._fd is None:
                self._start_segment()
            assert self._fd is not None
            _write_all(self._fd, data)
            os.fsync(self._fd)
        except OSError as exc:
            self._abandon(start)
            self.failed += len(taken)
            error = SpoolError(f"could not append to the spool: {exc.strerror or exc}")
            for item in taken:
                item.future.set_exception(error)
            return
        self.fsyncs += 1
        self._size += len(data)
        with self._lock:
            self._spooled += len(data)
        self.appended += len(taken)
        for item in taken:
            item.future.set_result(None)
        if self.dating is not None:
            for item in taken:
                self._summary.add(item.record, self.dating(item.record))

    def _start_segment(self) -> None:
        seq_path = self.directory / "next-seq"
        seq = int(seq_path.read_text()) if seq_path.exists() else 0
        tmp = seq_path.with_suffix(".tmp")
        with open(tmp, "w") as out:
            out.write(str(seq + 1))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, seq_path)
        path = self.directory / f"{seq:012d}{OPEN_SUFFIX}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
        _fsync_dir(self.directory)
        self._fd, self._path, self._size, self._opened_at = fd, path, 0, self.clock()
        self._summary = SegmentSummary()

    def _abandon(self, good_size: int) -> None:
        """After a failed write or fsync: cut the file back to what was durable and seal it, so that no
        later record ever follows bytes that may be damaged (the page cache cannot be trusted after a
        failed fsync)."""
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, good_size)
            os.fsync(self._fd)
            clean = True
        except OSError:
            log.exception("%s: could not cut back a failed append", self._path)
            clean = False
        self._size = good_size
        self._seal(clean)

    def _seal(self, clean: bool = True) -> None:
        """Close the open segment and make it ready to ship. ``clean``: it ends with its last intact
        record (else it is cut there first, and its summary is not trusted)."""
        if self._fd is None or self._path is None:
            return
        fd, path, size = self._fd, self._path, self._size
        self._fd, self._path, self._size = None, None, 0
        try:
            os.close(fd)
        except OSError:
            log.exception("%s: close failed", path)
        if size == 0:
            path.unlink(missing_ok=True)
            return
        sealed = path.with_suffix(SEALED_SUFFIX)
        try:
            if not clean:
                recover_file(path)
            if self.dating is not None and clean:
                # not fsynced: a summary lost to a crash is found again by reading the segment
                summary_path(sealed).write_text(self._summary.dumps())
            os.chmod(path, 0o400)  # written for good (the local store links read-only files)
            path.rename(sealed)
            _fsync_dir(self.directory)
        except OSError:
            log.exception("%s: could not seal; the next start recovers it", path)
            return
        self.on_sealed(sealed)
