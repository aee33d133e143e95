"""The partition's gzip text: written on two threads while counting Logplex's loss reports, and read back
(what the parser reads)."""

from __future__ import annotations

import collections
import concurrent.futures
import datetime as dt
import gzip
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa

from heroku_assets.logs.raw_partition.read import READ_CHUNK
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore

# In-band loss reports: Logplex and log-shuttle tell of dropped lines with these codes.
_LOSS_MARKER = re.compile(rb"Error (L1[0-3])\b")


def _count_loss_markers(data: bytes, markers: dict[str, int]) -> None:
    """Count ``Error L10`` .. ``Error L13`` (Logplex's in-band reports of dropped lines)."""
    start = data.find(b"Error L1")
    while start >= 0:
        match = _LOSS_MARKER.match(data, start)
        if match and (start == 0 or not data[start - 1 : start].isalnum()):
            code = match.group(1).decode()
            markers[code] = markers.get(code, 0) + 1
        start = data.find(b"Error L1", start + 8)


class GzipLines:
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

    def __enter__(self) -> GzipLines:
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
        while chunk := text.read(READ_CHUNK):
            yield chunk
