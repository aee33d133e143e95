"""Streaming reader: byte chunks of `heroku logs` text or drain bodies -> LogLines, or columnar batches.

Text is split and its common line shape read a block at a time with Arrow compute (RE2), so a busy
day's lines cost no per-line Python; any line the fast pattern does not take is read by the per-line
reference reader in ``lines``. Drain bodies go through the tolerant framer, one frame at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logplex.framing import Framer
from heroku_assets.logplex.lines import LogLine, parse_syslog, parse_text_line

Format = Literal["auto", "text", "logplex"]
FORMATS: tuple[str, ...] = ("auto", "text", "logplex")

MAX_LINE = 1 << 20  # a text line longer than this (Heroku splits at 10000 bytes) is cut into pieces
REASON_OVERLONG = f"line longer than {MAX_LINE} bytes: split"
BLOCK_BYTES = 1 << 20  # text is read in blocks of about this many bytes of whole lines
FRAMES_PER_BLOCK = 8192

_UTC_US = pa.timestamp("us", tz="UTC")
_NULL_STR = pa.scalar(None, pa.string())
_NON_BLANK = re.compile(rb"[^ \t\r\n\f\v]")
_FRAME_HEAD = re.compile(rb"\d{1,9} <")
_HEAD_PREFIX = re.compile(rb"\d{1,9} ?")

# The internal columnar form of read lines (one row per LogLine).
LINE_SCHEMA = pa.schema(
    [
        pa.field("ts", _UTC_US),
        pa.field("source", pa.string()),
        pa.field("dyno", pa.string()),
        pa.field("message", pa.string()),
        pa.field("raw", pa.string()),
        pa.field("error", pa.string()),
    ]
)

# The common `heroku logs` shape, in RE2. It takes a subset of what lines.parse_text_line reads and must
# read it the same way (whitespace is spelled out: RE2's \s differs from Python's). At most four capture
# groups and a pattern that stops after the header keep RE2 on its fast one-pass matcher.
_W = r" \t\n\r\f\v"
_FAST_HEADER = (
    r"^(?P<ts>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
    r"(?:\.\d{1,6})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)) "
    rf"(?P<source>[^{_W}\[]+)\[(?P<dyno>[^{_W}\]]*)\]:"
)
_HEADER_PREFIX = rf"^[^{_W}]+ [^{_W}\[]+\[[^{_W}\]]*\]: ?"
_TS_REST = r"^(?:\.(?P<frac>\d{1,6}))?(?P<tz>Z|[+-]\d\d:\d\d)$"


def read_lines(chunks: Iterable[bytes], fmt: Format = "auto") -> LineStream:
    """Read one input given as byte chunks of any size (a file read in pieces, a drain body).

    ``text``: `heroku logs` lines split on LF, trailing CRs removed; blank or whitespace-only lines are
    not log lines and are skipped. ``logplex``: octet-counted frames of syslog lines, read tolerantly
    (see ``framing``). ``auto``: logplex when the first non-blank bytes look like ``<digits> <``, else
    text. Every other line or frame yields exactly one LogLine, unreadable ones with ``error`` set.
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
            self._rows = _rows_of(_blocks(self._chunks, self._fmt))
        return next(self._rows)

    @property
    def started(self) -> bool:
        return self._rows is not None

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The lines as record batches of LINE_SCHEMA (only before iterating the stream line by line)."""
        if self._rows is not None:
            raise RuntimeError("the stream is already being read line by line")
        self._rows = iter(())
        for block in _blocks(self._chunks, self._fmt):
            yield block if isinstance(block, pa.RecordBatch) else batch_of(block)


def batch_of(lines: list[LogLine]) -> pa.RecordBatch:
    """LogLines as one record batch of LINE_SCHEMA."""
    return pa.RecordBatch.from_arrays(
        [
            pa.array([x.ts_us for x in lines], pa.int64()).cast(_UTC_US),
            pa.array([x.source for x in lines], pa.string()),
            pa.array([x.dyno for x in lines], pa.string()),
            pa.array([x.message for x in lines], pa.string()),
            pa.array([x.raw for x in lines], pa.string()),
            pa.array([x.error for x in lines], pa.string()),
        ],
        schema=LINE_SCHEMA,
    )


def _rows_of(blocks: Iterator[pa.RecordBatch | list[LogLine]]) -> Iterator[LogLine]:
    for block in blocks:
        if isinstance(block, list):
            yield from block
            continue
        cols = [block.column(0).cast(pa.int64())] + [block.column(i) for i in range(1, 6)]
        yield from map(LogLine, *(c.to_pylist() for c in cols))


def _blocks(chunks: Iterable[bytes], fmt: Format) -> Iterator[pa.RecordBatch | list[LogLine]]:
    it = iter(chunks)
    if fmt == "auto":
        head, fmt = _detect(it)
        it = _chain(head, it)
    if fmt == "logplex":
        yield from _logplex_blocks(it)
    else:
        yield from _text_blocks(it)


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


# ------------------------------------------------------------------------------------------------ text


def _text_blocks(chunks: Iterator[bytes]) -> Iterator[pa.RecordBatch | list[LogLine]]:
    for kind, data in _line_blocks(chunks):
        if kind == "overlong":
            yield [LogLine(None, None, None, None, data.decode("utf-8", "backslashreplace"), REASON_OVERLONG)]
            continue
        raw = pc.list_flatten(pc.split_pattern(pa.array([data], pa.binary()), "\n"))
        try:
            lines = raw.cast(pa.string())  # validates UTF-8 without a Python string per line
        except pa.ArrowInvalid:
            lines = pa.array([x.decode("utf-8", "backslashreplace") for x in raw.to_pylist()], pa.string())
        batch = text_batch(lines, has_cr=b"\r" in data)
        if batch.num_rows:
            yield batch


def _line_blocks(chunks: Iterator[bytes]) -> Iterator[tuple[str, bytes]]:
    """Whole-line blocks of about BLOCK_BYTES (newline separated, the final newline dropped), and
    pieces of lines longer than MAX_LINE."""
    carry = b""
    for chunk in chunks:
        if not chunk:
            continue
        data = carry + bytes(chunk) if carry else bytes(chunk)
        start = 0
        n = len(data)
        while True:
            cut = data.rfind(b"\n", start, min(n, start + BLOCK_BYTES))
            if cut < 0:
                cut = data.find(b"\n", start)  # one line longer than a block
                if cut < 0:
                    break
            if cut - start > MAX_LINE and data.find(b"\n", start, start + MAX_LINE) < 0:
                yield "overlong", data[start : start + MAX_LINE]
                start += MAX_LINE
                continue
            yield "lines", data[start:cut]
            start = cut + 1
        carry = data[start:]
        while len(carry) > MAX_LINE:
            yield "overlong", carry[:MAX_LINE]
            carry = carry[MAX_LINE:]
    if carry:
        yield "lines", carry


def text_batch(lines: pa.Array, has_cr: bool = True) -> pa.RecordBatch:
    """Read a block of text lines (no LF) into a LINE_SCHEMA batch; blank lines are dropped."""
    if has_cr:
        lines = pc.utf8_rtrim(lines, characters="\r")
    blank = pc.or_(pc.equal(pc.binary_length(lines), 0), pc.utf8_is_space(lines))
    if pc.any(blank).as_py():
        lines = pc.filter(lines, pc.invert(blank))
    n = len(lines)
    parts = pc.extract_regex(lines, _FAST_HEADER)
    fast = pc.is_valid(parts)
    ts_text, source, dyno = parts.flatten()  # null where the pattern did not match
    ts, good_ts = _utc_timestamps(ts_text)
    fast = pc.and_(fast, good_ts)
    source = pc.if_else(pc.equal(source, "-"), _NULL_STR, source)
    dyno = pc.if_else(pc.equal(dyno, "-"), _NULL_STR, dyno)
    message = pc.replace_substring_regex(lines, _HEADER_PREFIX, "", max_replacements=1)
    cols = [ts, source, dyno, message, lines, pa.nulls(n, pa.string())]
    slow = pc.invert(fast)
    if pc.any(slow).as_py():
        others = batch_of([parse_text_line(t) for t in pc.filter(lines, slow).to_pylist()])
        cols = [pc.replace_with_mask(col, slow, others.column(i)) for i, col in enumerate(cols)]
    return pa.RecordBatch.from_arrays(cols, schema=LINE_SCHEMA)


def _utc_timestamps(text: pa.Array) -> tuple[pa.Array, pa.Array]:
    """RFC 3339 strings already shaped by _FAST_HEADER -> (UTC timestamps, mask of the valid ones).
    A day that does not exist in its month (2026-02-30) is not valid: lines.parse_ts decides those."""
    local = pc.strptime(
        pc.utf8_slice_codeunits(text, 0, 19), format="%Y-%m-%dT%H:%M:%S", unit="s", error_is_null=True
    )
    valid = pc.fill_null(
        pc.equal(pc.day(local), pc.cast(pc.utf8_slice_codeunits(text, 8, 10), pa.int64())), False
    )
    rest = pc.extract_regex(pc.utf8_slice_codeunits(text, 19), _TS_REST)
    frac, tz = rest.flatten()
    us = pc.add(
        pc.multiply(pc.cast(local, pa.int64()), 1_000_000),
        pc.cast(pc.utf8_rpad(frac, width=6, padding="0"), pa.int64()),
    )
    if not pc.all(pc.or_(pc.equal(tz, "+00:00"), pc.equal(tz, "Z"))).as_py():
        tz = pc.if_else(pc.equal(tz, "Z"), "+00:00", pc.fill_null(tz, "+00:00"))
        hours = pc.cast(pc.utf8_slice_codeunits(tz, 1, 3), pa.int64())
        minutes = pc.cast(pc.utf8_slice_codeunits(tz, 4, 6), pa.int64())
        offset = pc.multiply(pc.add(pc.multiply(hours, 3600), pc.multiply(minutes, 60)), 1_000_000)
        offset = pc.if_else(pc.starts_with(tz, "-"), pc.negate(offset), offset)
        us = pc.subtract(us, offset)
    return pc.if_else(valid, us, pa.scalar(None, pa.int64())).cast(_UTC_US), valid


# --------------------------------------------------------------------------------------------- logplex


def _logplex_blocks(chunks: Iterator[bytes]) -> Iterator[list[LogLine]]:
    framer = Framer()
    out: list[LogLine] = []
    for chunk in chunks:
        for piece in framer.feed(bytes(chunk)):
            out.append(_frame_line(piece))
            if len(out) >= FRAMES_PER_BLOCK:
                yield out
                out = []
    out.extend(map(_frame_line, framer.close()))
    if out:
        yield out


def _frame_line(piece: tuple[bytes, str | None]) -> LogLine:
    data, reason = piece
    text = data.decode("utf-8", "backslashreplace")
    if reason is not None:
        return LogLine(None, None, None, None, text, reason)
    return parse_syslog(text)
