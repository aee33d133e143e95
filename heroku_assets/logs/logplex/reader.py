"""Streaming reader: byte chunks of `heroku logs` text or drain bodies -> LogLines, or columnar batches.

Text is read in blocks of a few MiB: lines are split with numpy, the common header shape is matched
with RE2 (Arrow compute) and its timestamp decoded from the bytes, so a busy day's lines cost no
per-line Python; any line the fast pattern does not take is read by the per-line reference reader in
``lines``. Drain bodies go through the tolerant framer, then the common syslog header of the frames
is read the same way, a batch at a time, and any other payload by the per-frame syslog reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.logplex.framing import Framer
from heroku_assets.logs.logplex.lines import LogLine, parse_syslog, parse_text_line
from heroku_assets.logs.logplex.vector import spans_to_strings

Format = Literal["auto", "text", "logplex"]
FORMATS: tuple[str, ...] = ("auto", "text", "logplex")

# The error of a blank text line kept for its line number (``batches(keep_blank=True)``): it is counted
# but is not a log line, so it goes to no table.
BLANK_LINE = "blank line"
MAX_LINE = 1 << 20  # a text line longer than this (Heroku splits at 10000 bytes) is cut into pieces
REASON_OVERLONG = f"line longer than {MAX_LINE} bytes: split"
BLOCK_BYTES = 4 << 20  # text is read in blocks of about this many bytes of whole lines
FRAMES_PER_BLOCK = 16384

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


# The common Logplex syslog header: <PRI>VERSION TIMESTAMP HOST APP-NAME PROCID, up to PROCID's end.
_FAST_SYSLOG = (
    r"^<\d{1,3}>\d{1,3} (?P<ts>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])"
    r":[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)) "
    rf"(?P<host>[^{_W}]+) (?P<source>[^{_W}\[][^{_W}]*) (?P<dyno>[^{_W}]+)"
)


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


def _rows_of(blocks: Iterator[pa.RecordBatch]) -> Iterator[LogLine]:
    for block in blocks:
        cols = [block.column(0).cast(pa.int64())] + [block.column(i) for i in range(1, 6)]
        yield from map(LogLine, *(c.to_pylist() for c in cols))


def _blocks(chunks: Iterable[bytes], fmt: Format, keep_blank: bool) -> Iterator[pa.RecordBatch]:
    it = iter(chunks)
    if fmt == "auto":
        head, fmt = _detect(it)
        it = _chain(head, it)
    blocks = _logplex_blocks(it) if fmt == "logplex" else _text_blocks(it, keep_blank)
    for block in blocks:
        yield settle_rejected(block if isinstance(block, pa.RecordBatch) else batch_of(block))


def one_line(text: pa.Array) -> pa.Array:
    """Text with CR and LF written as the two characters \\r and \\n: the form a line has in a raw
    partition, where one line must stay one line."""
    return pc.replace_substring(pc.replace_substring(text, "\r", "\\r"), "\n", "\\n")


def settle_rejected(block: pa.RecordBatch) -> pa.RecordBatch:
    """Read every line the framer or the syslog reader could not take as the text line it is.

    A line is what its text says, whatever framing (or lack of it) brought it: an unframed syslog or
    `heroku logs` line in a drain body, a counted frame holding a `heroku logs` line, a piece of an
    overlong line are log lines when their one-line form (``one_line``) reads as one. That form is what
    the raw partition holds and what staging reads again, so the line gets the same reading, and the same
    UTC day, on receipt, in the partition and in the warehouse. Lines that still do not read keep the
    reason they were first rejected with."""
    error = block.column("error")
    if error.null_count == len(error):
        return block
    at = pc.indices_nonzero(pc.is_valid(error))
    text = one_line(pc.take(block.column("raw"), at))
    blank = pc.or_(pc.equal(pc.binary_length(text), 0), pc.ascii_is_space(text))
    if pc.any(blank).as_py():  # not a line to the text reader either: it stays as it is
        at, text = pc.filter(at, pc.invert(blank)), pc.filter(text, pc.invert(blank))
    if not len(at):
        return block
    again = text_batch(text)
    readable = pc.is_null(again.column("error"))
    if not pc.any(readable).as_py():
        return block
    again = again.filter(readable)
    mask = np.zeros(block.num_rows, dtype=bool)
    mask[pc.filter(at, readable).to_numpy()] = True
    columns = [
        block.column(name)
        if name == "raw"
        else pc.replace_with_mask(block.column(name), pa.array(mask), again.column(name))
        for name in LINE_SCHEMA.names
    ]
    return pa.RecordBatch.from_arrays(columns, schema=LINE_SCHEMA)


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


def _text_blocks(chunks: Iterator[bytes], keep_blank: bool) -> Iterator[pa.RecordBatch | list[LogLine]]:
    for kind, data in _line_blocks(chunks):
        if kind == "overlong":
            yield [_overlong(data)]
            continue
        cuts = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
        starts = np.concatenate([[0], cuts + 1])
        ends = np.append(cuts, len(data))
        done = 0
        for i in np.flatnonzero(ends - starts > MAX_LINE):  # rare: cut into pieces, as _cut does
            yield from _text_lines(data, starts[done:i], ends[done:i], keep_blank)
            while ends[i] - starts[i] > MAX_LINE:
                yield [_overlong(data[starts[i] : starts[i] + MAX_LINE])]
                starts[i] += MAX_LINE
            done = i
        yield from _text_lines(data, starts[done:], ends[done:], keep_blank)


def _overlong(piece: bytes) -> LogLine:
    return LogLine(None, None, None, None, piece.decode("utf-8", "backslashreplace"), REASON_OVERLONG)


def _text_lines(
    data: bytes, starts: np.ndarray, ends: np.ndarray, keep_blank: bool
) -> Iterator[pa.RecordBatch]:
    if not len(starts):
        return
    raw = spans_to_strings(pa.py_buffer(data), starts, ends, binary=True)
    try:
        lines = raw.cast(pa.string())  # validates UTF-8 without a Python string per line
    except pa.ArrowInvalid:
        lines = pa.array([x.decode("utf-8", "backslashreplace") for x in raw.to_pylist()], pa.string())
    batch = text_batch(lines, has_cr=b"\r" in data, keep_blank=keep_blank)
    if batch.num_rows:
        yield batch


def _line_blocks(chunks: Iterator[bytes]) -> Iterator[tuple[str, bytes]]:
    """Whole-line blocks of about BLOCK_BYTES (newline separated, the final newline dropped), and
    pieces of lines longer than MAX_LINE. Small chunks are gathered first: the batch work has a cost
    per block, so blocks of a few thousand lines are far cheaper per line than blocks of a few."""
    pending: list[bytes] = []
    size = 0
    for chunk in chunks:
        if not chunk:
            continue
        pending.append(bytes(chunk))
        size += len(chunk)
        if size < BLOCK_BYTES:
            continue
        tail = yield from _cut(b"".join(pending))
        pending, size = ([tail], len(tail)) if tail else ([], 0)
    if pending:
        tail = yield from _cut(b"".join(pending))
        if tail:
            yield "lines", tail


def _cut(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Yield the whole lines of ``data`` in blocks; return what follows its last newline, after cutting
    pieces of MAX_LINE bytes off it while it is longer (a line never held whole beyond that)."""
    start = 0
    n = len(data)
    while True:
        cut = data.rfind(b"\n", start, min(n, start + BLOCK_BYTES))
        if cut < 0:
            cut = data.find(b"\n", start)  # one line longer than a block
            if cut < 0:
                break
        yield "lines", data[start:cut]
        start = cut + 1
    tail = data[start:]
    while len(tail) > MAX_LINE:
        yield "overlong", tail[:MAX_LINE]
        tail = tail[MAX_LINE:]
    return tail


def text_batch(lines: pa.Array, has_cr: bool = True, keep_blank: bool = False) -> pa.RecordBatch:
    """Read a block of text lines (no LF) into a LINE_SCHEMA batch; blank lines are dropped, or kept
    with error BLANK_LINE."""
    if has_cr:
        lines = pc.utf8_rtrim(lines, characters="\r")
    blank = pc.or_(pc.equal(pc.binary_length(lines), 0), pc.ascii_is_space(lines))
    kept_blank = None
    if pc.any(blank).as_py():
        if keep_blank:
            kept_blank = blank
        else:
            lines = pc.filter(lines, pc.invert(blank))
    n = len(lines)
    parts = pc.extract_regex(lines, _FAST_HEADER)
    fast = pc.is_valid(parts)
    ts_text, source, dyno = parts.flatten()  # null where the pattern did not match
    ts, good_ts = _utc_timestamps(ts_text)
    fast = pc.and_(fast, good_ts)
    fast = np.asarray(fast)
    message = _messages(lines, ts_text, source, dyno, fast)
    source = pc.if_else(pc.equal(source, "-"), _NULL_STR, source)
    dyno = pc.if_else(pc.equal(dyno, "-"), _NULL_STR, dyno)
    error = pa.nulls(n, pa.string())
    if not fast.all():  # the rest read line by line; most are unreadable and change only error
        slow = pa.array(~fast)
        others = batch_of([parse_text_line(t) for t in pc.filter(lines, slow).to_pylist()])
        ts, source, dyno, error = (
            pc.replace_with_mask(col, slow, others.column(name))
            for col, name in ((ts, "ts"), (source, "source"), (dyno, "dyno"), (error, "error"))
        )
        if others.column("message").null_count < len(others):
            message = pc.replace_with_mask(message, slow, others.column("message"))
    if kept_blank is not None:
        error = pc.if_else(kept_blank, pa.scalar(BLANK_LINE), error)
    cols = [ts, source, dyno, message, lines, error]
    return pa.RecordBatch.from_arrays(cols, schema=LINE_SCHEMA)


def _messages(
    lines: pa.Array, ts_text: pa.Array, source: pa.Array, dyno: pa.Array, fast: np.ndarray
) -> pa.Array:
    """What follows "TS SOURCE[DYNO]:" and one optional space, from the lengths of the header fields
    (null on the lines that are not ``fast``: the line reader decides those)."""
    n = len(lines)
    header = np.zeros(n, dtype=np.int64)
    for part in (ts_text, source, dyno):
        header += np.asarray(pc.fill_null(pc.binary_length(part), 0), dtype=np.int64)
    header = np.where(np.asarray(pc.is_valid(ts_text)), header + 4, 0)
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32)[lines.offset : lines.offset + n + 1]
    starts, ends = offsets[:-1] + header, offsets[1:]
    data = lines.buffers()[2]
    if data is not None and data.size and n:
        bytes_ = np.frombuffer(data, dtype=np.uint8)
        room = starts < ends
        starts = starts + (room & (bytes_[np.minimum(starts, len(bytes_) - 1)] == 32))
    starts = np.where(header > 0, starts, ends)
    return spans_to_strings(data, starts, ends, fast)


_DAYS_BEFORE_MONTH = np.array([0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], dtype=np.int64)
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_EPOCH_DAYS = 719162  # days from 0001-01-01 to 1970-01-01


def _utc_timestamps(text: pa.Array) -> tuple[pa.Array, pa.Array]:
    """RFC 3339 strings already shaped by _FAST_HEADER (digits in place, fields in range) -> (UTC
    timestamps, mask of the valid ones), read from the bytes at their fixed positions. A day that does
    not exist in its month (2026-02-30) is not valid: lines.parse_ts decides those."""
    n = len(text)
    present = np.asarray(pc.is_valid(text))
    if n == 0 or not present.any():
        return pa.nulls(n, _UTC_US), pa.array(np.zeros(n, dtype=bool))
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + n + 1]
    raw = np.frombuffer(text.buffers()[2], dtype=np.uint8)
    data = np.concatenate([raw[: offsets[-1]], np.full(32, 48, dtype=np.uint8)])  # room past the end
    start = offsets[:-1].astype(np.int64)
    length = (offsets[1:] - offsets[:-1]).astype(np.int64)
    start[~present] = len(data) - 32  # read the zeros: any value, masked below
    length[~present] = 20

    def number(at: np.ndarray | int, width: int) -> np.ndarray:
        value = np.zeros(n, dtype=np.int64)
        for i in range(width):
            value = value * 10 + (data[start + at + i] - 48)
        return value

    year, month, day = number(0, 4), number(5, 2), number(8, 2)
    seconds = number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2)
    zulu = data[start + length - 1] == ord("Z")
    fraction_digits = np.maximum(length - 19 - np.where(zulu, 1, 6) - 1, 0)
    fraction = np.zeros(n, dtype=np.int64)
    for i in range(6):
        digit = data[start + 20 + i].astype(np.int64) - 48
        fraction = fraction * 10 + np.where(i < fraction_digits, digit, 0)
    tz = start + length - 6
    offset = (number(tz + 1 - start, 2) * 3600 + number(tz + 4 - start, 2) * 60) * np.where(
        data[tz] == ord("-"), -1, 1
    )
    offset[zulu] = 0
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    valid = present & (day <= _DAYS_IN_MONTH[month] + ((month == 2) & leap))
    prior = year - 1
    days = prior * 365 + prior // 4 - prior // 100 + prior // 400 + _DAYS_BEFORE_MONTH[month]
    days += ((month > 2) & leap) + day - 1 - _EPOCH_DAYS
    us = (days * 86400 + seconds - offset) * 1_000_000 + fraction
    return pa.array(us, pa.int64(), mask=~valid).cast(_UTC_US), pa.array(valid)


# --------------------------------------------------------------------------------------------- logplex


def _logplex_blocks(chunks: Iterator[bytes]) -> Iterator[pa.RecordBatch]:
    framer = Framer()
    pieces: list[tuple[bytes, str | None]] = []
    for chunk in chunks:
        pieces.extend(framer.feed(bytes(chunk)))
        if len(pieces) >= FRAMES_PER_BLOCK:
            yield frame_batch(pieces)
            pieces = []
    pieces.extend(framer.close())
    if pieces:
        yield frame_batch(pieces)


def read_bodies(bodies: Iterable[bytes]) -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
    """Many Logplex bodies (a spool segment's records) read as ``read_lines(body, "logplex")`` reads each,
    but in batches of many bodies: one body's unframed tail never runs into the next, and the columnar
    reading costs once per batch instead of once per body. Each batch (LINE_SCHEMA) comes with the index,
    in ``bodies``, of the body every line came from (ascending; a body is never split across batches)."""
    pieces: list[tuple[bytes, str | None]] = []
    owners: list[int] = []
    for index, body in enumerate(bodies):
        framer = Framer()
        framed = [*framer.feed(body), *framer.close()]
        pieces.extend(framed)
        owners.extend([index] * len(framed))
        if len(pieces) >= FRAMES_PER_BLOCK:
            yield settle_rejected(frame_batch(pieces)), np.array(owners, dtype=np.int64)
            pieces, owners = [], []
    if pieces:
        yield settle_rejected(frame_batch(pieces)), np.array(owners, dtype=np.int64)


def frame_batch(pieces: list[tuple[bytes, str | None]]) -> pa.RecordBatch:
    """Framing results (payload or garbage line, reason) -> a LINE_SCHEMA batch. The common syslog
    header is read over the batch as text is; other payloads go to lines.parse_syslog."""
    raw = pa.array([data for data, _ in pieces], pa.binary())
    try:
        lines = raw.cast(pa.string())
    except pa.ArrowInvalid:
        lines = pa.array([data.decode("utf-8", "backslashreplace") for data, _ in pieces], pa.string())
    n = len(lines)
    garbage = np.fromiter((reason is not None for _, reason in pieces), dtype=bool, count=n)
    parts = pc.extract_regex(lines, _FAST_SYSLOG)
    ts_text, _host, source, dyno = parts.flatten()
    ts, fast = _utc_timestamps(ts_text)
    fast = np.asarray(fast) & ~garbage
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32)[lines.offset : lines.offset + n + 1]
    data = lines.buffers()[2]
    body = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    body = np.append(body, np.zeros(2, dtype=np.uint8))  # room to look two bytes past the end
    ends = offsets[1:].astype(np.int64)
    # <PRI>V, the four fields and their spaces: the match length is the prefix up to the PROCID's end
    start = offsets[:-1].astype(np.int64) + _match_length(lines, parts, body)
    after = body[np.minimum(start, len(body) - 1)]
    fast &= (start == ends) | (after == 32)  # the PROCID ends the payload or a space follows it
    start = np.where(start < ends, start + 1, ends)
    # a number in the MSGID slot is left to lines.parse_syslog, which drops it
    fast &= ~((start < ends) & (body[start] >= 48) & (body[start] <= 57))
    for _ in range(2):  # MSGID and structured data, when nil ("-"), are not part of the message
        dash = body[start] == 45
        alone = dash & (start + 1 == ends)
        spaced = dash & (start + 1 < ends) & (body[np.minimum(start + 1, len(body) - 1)] == 32)
        start = np.where(alone, ends, np.where(spaced, start + 2, start))
    message = spans_to_strings(data, np.where(fast, start, ends), ends, fast)
    source = pc.if_else(pc.equal(source, "-"), _NULL_STR, source)
    dyno = pc.if_else(pc.equal(dyno, "-"), _NULL_STR, dyno)
    error = pa.nulls(n, pa.string())
    if not fast.all():  # garbage lines and other layouts, line by line
        slow_at = np.flatnonzero(~fast)
        texts = pc.take(lines, pa.array(slow_at)).to_pylist()
        others = batch_of(
            [
                parse_syslog(text)
                if pieces[i][1] is None
                else LogLine(None, None, None, None, text, pieces[i][1])
                for i, text in zip(slow_at.tolist(), texts, strict=True)
            ]
        )
        slow = pa.array(~fast)
        columns = ((ts, "ts"), (source, "source"), (dyno, "dyno"), (message, "message"), (error, "error"))
        ts, source, dyno, message, error = (
            pc.replace_with_mask(col, slow, others.column(name)) for col, name in columns
        )
    return pa.RecordBatch.from_arrays([ts, source, dyno, message, lines, error], schema=LINE_SCHEMA)


def _match_length(lines: pa.Array, parts: pa.StructArray, body: np.ndarray) -> np.ndarray:
    """Bytes from the payload start to the end of PROCID for lines _FAST_SYSLOG matched (else 0)."""
    n = len(lines)
    matched = np.asarray(pc.is_valid(parts))
    begin = np.frombuffer(lines.buffers()[1], dtype=np.int32)[lines.offset : lines.offset + n].astype(
        np.int64
    )
    begin = np.where(matched, begin, 0)
    last = len(body) - 1
    # "<PRI>V ": '>' after one to three digits, then one or two version digits
    close = np.where(
        body[np.minimum(begin + 2, last)] == 62, 2, np.where(body[np.minimum(begin + 3, last)] == 62, 3, 4)
    )
    space = np.where(body[np.minimum(begin + close + 2, last)] == 32, close + 2, close + 3)
    total = space + 4  # that space, then the spaces before HOST, APP and PROCID
    for field in parts.flatten():
        total += np.asarray(pc.fill_null(pc.binary_length(field), 0), dtype=np.int64)
    return np.where(matched, total, 0)
