"""The raw partition's text: each line as ``heroku logs`` prints it, rendered for a whole batch at once."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.logplex.text_batches import one_line

_DASH = pa.scalar("-", pa.string())
_EMPTY = pa.scalar("", pa.string())


def canonical_text(lines: pa.RecordBatch) -> pa.Array:
    """``LogLine.canonical()`` for a whole batch at once (the raw partition is written from millions of
    lines): the `heroku logs` line with a UTC microsecond timestamp, or the raw text of an unreadable
    line, with CR and LF written as \\r and \\n so that one line stays one line."""
    ts_text = _utc_text(lines.column("ts"))
    joined = pc.binary_join_element_wise(
        pc.fill_null(ts_text, _DASH),
        " ",
        pc.fill_null(lines.column("source"), _DASH),
        "[",
        pc.fill_null(lines.column("dyno"), _DASH),
        "]: ",
        pc.fill_null(lines.column("message"), _EMPTY),
        "",
    )
    return one_line(pc.if_else(pc.is_null(lines.column("error")), joined, lines.column("raw")))


def _utc_text(ts: pa.Array) -> pa.Array:
    """``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``. Formatting each distinct second once and adding the
    microseconds as digits is several times faster than strftime over every line."""
    us = pc.cast(ts, pa.int64())
    if us.null_count == len(us) or pc.min(us).as_py() < 0:
        return pc.strftime(ts, format="%Y-%m-%dT%H:%M:%S+00:00")  # %S prints the microseconds
    seconds = pc.divide(us, 1_000_000)
    micros = pc.subtract(us, pc.multiply(seconds, 1_000_000))
    encoded = pc.dictionary_encode(seconds)
    distinct = pc.cast(encoded.dictionary, pa.timestamp("s", tz="UTC"))
    second_text = pc.strftime(distinct, format="%Y-%m-%dT%H:%M:%S.")
    micro_text = pc.utf8_lpad(pc.cast(micros, pa.string()), width=6, padding="0")
    return pc.binary_join_element_wise(pc.take(second_text, encoded.indices), micro_text, "+00:00", "")
