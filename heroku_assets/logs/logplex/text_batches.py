"""`heroku logs` text read a block at a time: lines split with numpy, the common header shape matched with
RE2 (Arrow compute) and its timestamp decoded from the bytes, so a busy day's lines cost no per-line
Python; any line the fast pattern does not take is read by the per-line reference reader in ``lines``.
Rejected lines of any input are read again here as the text lines they are (``settle_rejected``)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.logplex.columns import LINE_SCHEMA, NULL_STR, batch_of, utc_timestamps
from heroku_assets.logs.logplex.lines import LogLine, parse_text_line
from heroku_assets.logs.logplex.vector import spans_to_strings

# The error of a blank text line kept for its line number (``batches(keep_blank=True)``): it is counted
# but is not a log line, so it goes to no table.
BLANK_LINE = "blank line"


MAX_LINE = 1 << 20  # a text line longer than this (Heroku splits at 10000 bytes) is cut into pieces


REASON_OVERLONG = f"line longer than {MAX_LINE} bytes: split"


BLOCK_BYTES = 4 << 20  # text is read in blocks of about this many bytes of whole lines


# The common `heroku logs` shape, in RE2. It takes a subset of what lines.parse_text_line reads and must
# read it the same way (whitespace is spelled out: RE2's \s differs from Python's). At most four capture
# groups and a pattern that stops after the header keep RE2 on its fast one-pass matcher.
RE2_SPACE = r" \t\n\r\f\v"


_FAST_HEADER = (
    r"^(?P<ts>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
    r"(?:\.\d{1,6})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)) "
    rf"(?P<source>[^{RE2_SPACE}\[]+)\[(?P<dyno>[^{RE2_SPACE}\]]*)\]:"
)


def text_blocks(chunks: Iterator[bytes], keep_blank: bool) -> Iterator[pa.RecordBatch | list[LogLine]]:
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
    ts, good_ts = utc_timestamps(ts_text)
    fast = pc.and_(fast, good_ts)
    fast = np.asarray(fast)
    message = _messages(lines, ts_text, source, dyno, fast)
    source = pc.if_else(pc.equal(source, "-"), NULL_STR, source)
    dyno = pc.if_else(pc.equal(dyno, "-"), NULL_STR, dyno)
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
