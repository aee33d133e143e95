"""Drain bodies read a batch of frames at a time: the tolerant framer, then the common syslog header of
the frames read as text is, and any other payload by the per-frame syslog reader."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.logplex.columns import LINE_SCHEMA, NULL_STR, batch_of, utc_timestamps
from heroku_assets.logs.logplex.framing import Framer
from heroku_assets.logs.logplex.lines import LogLine, parse_syslog
from heroku_assets.logs.logplex.text_batches import RE2_SPACE, settle_rejected
from heroku_assets.logs.logplex.vector import spans_to_strings

FRAMES_PER_BLOCK = 16384


# The common Logplex syslog header: <PRI>VERSION TIMESTAMP HOST APP-NAME PROCID, up to PROCID's end.
_FAST_SYSLOG = (
    r"^<\d{1,3}>\d{1,3} (?P<ts>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])"
    r":[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)) "
    rf"(?P<host>[^{RE2_SPACE}]+) (?P<source>[^{RE2_SPACE}\[][^{RE2_SPACE}]*) (?P<dyno>[^{RE2_SPACE}]+)"
)


def logplex_blocks(chunks: Iterator[bytes]) -> Iterator[pa.RecordBatch]:
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
    ts, fast = utc_timestamps(ts_text)
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
    source = pc.if_else(pc.equal(source, "-"), NULL_STR, source)
    dyno = pc.if_else(pc.equal(dyno, "-"), NULL_STR, dyno)
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
