"""The slots of a spool directory: each receiver process claims one (a lock file held while it lives), so
two processes never write the same segments or object names; the slots no process holds are found and
shipped by the next start."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from heroku_assets.storage import layout

log = logging.getLogger(__name__)


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


def held_segments(spool_dir: Path) -> list[Path]:
    """The segments, open or sealed and not empty, that the spool's slots hold: after ``ship_orphans``,
    those of receivers still running, shipped by them in their own time."""
    held = []
    for path in sorted(Path(spool_dir).glob("w*/*")):
        with contextlib.suppress(FileNotFoundError):  # shipped meanwhile
            if path.suffix in (".open", ".sealed") and path.stat().st_size > 0:
                held.append(path)
    return held
