"""Streaming reader: byte chunks of `heroku logs` text or drain bodies -> LogLines, or columnar batches.

Text is read in blocks of a few MiB (``text_batches``), drain bodies a batch of frames at a time
(``frame_batches``), both into ``columns.LINE_SCHEMA``; this module tells the two apart and hands the
lines over one at a time or as batches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

import pyarrow as pa

from heroku_assets.logs.logplex.columns import batch_of
from heroku_assets.logs.logplex.frame_batches import logplex_blocks
from heroku_assets.logs.logplex.lines import LogLine
from heroku_assets.logs.logplex.text_batches import settle_rejected, text_blocks

Format = Literal["auto", "text", "logplex"]
FORMATS: tuple[str, ...] = ("auto", "text", "logplex")


_NON_BLANK = re.compile(rb"[^ \t\r\n\f\v]")
_FRAME_HEAD = re.compile(rb"\d{1,9} <")
_HEAD_PREFIX = re.compile(rb"\d{1,9} ?")


def read_lines(chunks: Iterable[bytes], fmt: Format = "auto") -> LineStream:
    """Read one input given as byte chunks of any size (a file read in pieces, a drain body).

    ``text``: `heroku logs` lines split on LF, trailing CRs removed; empty lines and lines of ASCII
    whitespace only are not log lines and are skipped (any other character is kept: a line of it is
    rejected, not dropped); ``batches(keep_blank=True)`` hands them over marked, for line numbers.
    ``logplex``: octet-counted frames of syslog lines, read tolerantly (see ``framing``). ``auto``:
    logplex when the first non-blank bytes look like ``<digits> <``, else text. Every other line or
    frame yields exactly one LogLine, unreadable ones with ``error`` set.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown log format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return LineStream(chunks, fmt)


class LineStream(Iterator[LogLine]):
    """An iterator of LogLines that can also hand its lines over as columnar batches.

    ``parse_lines`` takes the batches directly when given a stream nobody has started iterating, so
    ``parse_lines(read_lines(chunks), app)`` never builds a Python object per line.
    """

    def __init__(self, chunks: Iterable[bytes], fmt: Format) -> None:
        self._chunks = chunks
        self._fmt = fmt
        self._rows: Iterator[LogLine] | None = None

    def __iter__(self) -> LineStream:
        return self

    def __next__(self) -> LogLine:
        if self._rows is None:
            self._rows = _rows_of(_blocks(self._chunks, self._fmt, keep_blank=False))
        return next(self._rows)

    @property
    def started(self) -> bool:
        return self._rows is not None

    def batches(self, keep_blank: bool = False) -> Iterator[pa.RecordBatch]:
        """The lines as record batches of LINE_SCHEMA (only before iterating the stream line by line).
        ``keep_blank``: blank text lines come too, with error BLANK_LINE, so that line numbers count them
        as an editor does."""
        if self._rows is not None:
            raise RuntimeError("the stream is already being read line by line")
        self._rows = iter(())
        yield from _blocks(self._chunks, self._fmt, keep_blank)


def _rows_of(blocks: Iterator[pa.RecordBatch]) -> Iterator[LogLine]:
    for block in blocks:
        cols = [block.column(0).cast(pa.int64())] + [block.column(i) for i in range(1, 6)]
        yield from map(LogLine, *(c.to_pylist() for c in cols))


def _blocks(chunks: Iterable[bytes], fmt: Format, keep_blank: bool) -> Iterator[pa.RecordBatch]:
    it = iter(chunks)
    if fmt == "auto":
        head, fmt = _detect(it)
        it = _chain(head, it)
    blocks = logplex_blocks(it) if fmt == "logplex" else text_blocks(it, keep_blank)
    for block in blocks:
        yield settle_rejected(block if isinstance(block, pa.RecordBatch) else batch_of(block))


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _detect(it: Iterator[bytes]) -> tuple[list[bytes], Format]:
    """Look at the first non-blank bytes: ``<digits> <`` means octet-counted frames."""
    head: list[bytes] = []
    seen = b""
    for chunk in it:
        head.append(chunk)
        if seen:
            seen += bytes(chunk[:16])
        else:
            m = _NON_BLANK.search(chunk)
            if m is None:
                continue
            seen = bytes(chunk[m.start() : m.start() + 16])
        if _FRAME_HEAD.match(seen) or not _HEAD_PREFIX.fullmatch(seen):
            break
    return head, "logplex" if _FRAME_HEAD.match(seen) else "text"
