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

import logging
import queue
import threading
from pathlib import Path

from heroku_assets import settings
from heroku_assets.capture.segment_days import appended_days, summarize
from heroku_assets.capture.slots import Slot, claim_slot, orphan_slots
from heroku_assets.capture.spool import Spool
from heroku_assets.received.segments import segment_metadata
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)


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
        segment_seconds: float = settings.DEFAULT_SEGMENT_SECONDS,
        segment_bytes: int = settings.DEFAULT_SEGMENT_BYTES,
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
