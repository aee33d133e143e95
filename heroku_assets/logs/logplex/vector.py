"""logfmt tokenised a whole batch at a time, on the bytes of an Arrow string array, with numpy.

Per-line Python costs microseconds per router line and RE2 capture groups several nanoseconds per byte;
this costs a few numpy passes over the bytes plus work per token. It takes only lines in the *simple*
shape, where the tokens are exactly what ``logfmt.tokens`` reads:

* tokens separated by single spaces, no leading or trailing space, no control character (so no other
  whitespace), no backslash;
* every token is ``key=value`` with a non-empty key (no bare words);
* a value is bare (no quote in it) or quoted as a whole (``key="..."``, no quote inside, the closing
  quote ending the token), so a quoted value may hold spaces, ``=``, commas and colons.

Every other line is reported as not simple and left to the per-line reference reader.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_SPACE, _QUOTE, _EQ, _BACKSLASH = 32, 34, 61, 92


@dataclass
class Tokens:
    """The tokens of the simple lines of a string array, in order. Positions index ``data``."""

    simple: np.ndarray  # bool per line
    line: np.ndarray  # per token: the line it belongs to
    key_start: np.ndarray
    key_end: np.ndarray
    value_start: np.ndarray  # the quotes of a quoted value are excluded
    value_end: np.ndarray
    line_start: np.ndarray  # per line: where its bytes begin (a place for absent values)
    data: pa.Buffer | None

    def keys(self) -> pa.Array:
        return spans_to_strings(self.data, self.key_start, self.key_end)

    def values(self, which: np.ndarray | None = None) -> pa.Array:
        if which is None:
            return spans_to_strings(self.data, self.value_start, self.value_end)
        return spans_to_strings(self.data, self.value_start[which], self.value_end[which])

    def columns(self, codes: np.ndarray, kinds: int, n: int) -> list[pa.Array | None]:
        """For each key code in ``range(kinds)``, the value of that key on each of ``n`` lines (null where
        a line has none; None when no line has it). A line must hold each key at most once."""
        known = codes >= 0
        index = np.full((kinds, n), -1, dtype=np.int64)
        index[codes[known], self.line[known]] = np.flatnonzero(known)
        out: list[pa.Array | None] = []
        for row in index:
            missing = row < 0
            if missing.all():
                out.append(None)
                continue
            if missing.any():
                starts = np.where(missing, self.line_start, self.value_start[row])
                ends = np.where(missing, self.line_start, self.value_end[row])
                out.append(spans_to_strings(self.data, starts, ends, ~missing))
            else:
                out.append(spans_to_strings(self.data, self.value_start[row], self.value_end[row]))
        return out


def spans_to_strings(
    data: pa.Buffer | None,
    starts: np.ndarray,
    ends: np.ndarray,
    present: np.ndarray | None = None,
    binary: bool = False,
) -> pa.Array:
    """Strings data[start:end] (null where not ``present``). Spans must not overlap and must come in
    order. The spans and the gaps between them are read as one array over ``data`` without copying,
    then the spans alone are taken (one copy of their bytes). Unless ``binary``, spans must cut UTF-8
    at character boundaries (they do when they end at ASCII delimiters)."""
    type = pa.binary() if binary else pa.string()  # noqa: A001
    n = len(starts)
    if n == 0 or data is None:
        return pa.array([None] * n if present is not None and not present.all() else [b""] * n, type)
    offsets = np.empty(2 * n + 1, dtype=np.int32)
    offsets[0] = starts[0]
    offsets[1::2] = starts
    offsets[2::2] = ends
    both = pa.Array.from_buffers(type, 2 * n, [None, pa.py_buffer(offsets), data])
    index = np.arange(1, 2 * n, 2, dtype=np.int64)
    return pc.take(both, pa.array(index, mask=None if present is None else ~present))


def tokenize(messages: pa.Array) -> Tokens:
    """Tokens of the simple lines of ``messages`` (a string array; null lines are not simple)."""
    n = len(messages)
    buffers = messages.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int32)[messages.offset : messages.offset + n + 1].astype(
        np.int64
    )
    data = buffers[2]
    starts, ends = offsets[:-1], offsets[1:]
    empty = np.zeros(0, dtype=np.int64)
    if data is None or n == 0 or offsets[-1] == offsets[0]:
        return Tokens(np.zeros(n, dtype=bool), empty, empty, empty, empty, empty, starts, data)
    base = int(offsets[0])
    seg = np.frombuffer(data, dtype=np.uint8)[base : offsets[-1]]
    size = len(seg)
    rel_starts, rel_ends = (starts - base).astype(np.int32), (ends - base).astype(np.int32)

    def line_of(pos: np.ndarray) -> np.ndarray:
        return np.searchsorted(rel_starts, pos, side="right") - 1

    simple = ends > starts
    if messages.null_count:
        simple &= np.asarray(messages.is_valid())
    nonempty = np.flatnonzero(simple)
    lead = seg[rel_starts[nonempty]] == _SPACE
    trail = seg[rel_ends[nonempty] - 1] == _SPACE
    simple[nonempty[lead | trail]] = False
    # one pass for the bytes that matter (spaces, quotes, '=', the unwanted); the rest works on these
    mask = seg <= _QUOTE  # control characters, space, '!' and '"' in one comparison
    mask |= seg == _EQ
    mask |= seg == _BACKSLASH
    special = np.flatnonzero(mask).astype(np.int32)
    kind = seg[special]
    wanted = kind != 33
    if not wanted.all():  # '!' is an ordinary character
        special, kind = special[wanted], kind[wanted]
    bad = (kind < 32) | (kind == _BACKSLASH)
    if bad.any():  # control characters (other whitespace among them) and backslashes: not simple
        simple[line_of(special[bad])] = False
        special, kind = special[~bad], kind[~bad]
    # quotes pair up within a line: an opener, then its closer
    is_quote = kind == _QUOTE
    quote_at = np.flatnonzero(is_quote)
    quote_line = line_of(special[quote_at])
    odd = np.bincount(quote_line, minlength=n) % 2 == 1
    simple[odd] = False
    kept = ~odd[quote_line]
    quote_at, quote_line = quote_at[kept], quote_line[kept]
    quote = np.zeros(len(special), dtype=np.uint8)
    quote[quote_at] = 1
    inside = ((np.cumsum(quote, dtype=np.uint8) - quote) & 1).view(bool)  # after an opener, to its closer
    opens, closes = special[quote_at[0::2]], special[quote_at[1::2]]
    open_line = quote_line[0::2]
    # spaces outside quotes separate tokens; two in a row make an empty token
    sep_at = np.flatnonzero((kind == _SPACE) & ~inside)
    seps = special[sep_at]
    double = np.flatnonzero(seps[1:] == seps[:-1] + 1)
    if len(double):
        simple[line_of(seps[double])] = False
    per_line = np.diff(np.searchsorted(seps, np.append(rel_starts, size)))
    keep = np.repeat(simple, per_line)
    seps, sep_at = seps[keep], sep_at[keep]
    # tokens of the simple lines, line by line: the line start and each separator + 1 begin one
    lines = np.flatnonzero(simple)
    counts = per_line[lines] + 1
    first = np.zeros(len(lines), dtype=np.int64)
    np.cumsum(counts[:-1], out=first[1:])
    last = first + counts - 1
    total = int(counts.sum())
    tok_line = np.repeat(lines, counts)
    inner = np.ones(total, dtype=bool)
    inner[first] = False
    tok_start = np.empty(total, dtype=np.int32)
    tok_start[first] = rel_starts[lines]
    tok_start[inner] = seps + 1
    # the special at which each token's search for '=' begins
    from_special = np.empty(total, dtype=np.int32)
    from_special[first] = np.searchsorted(special, rel_starts[lines])
    from_special[inner] = sep_at + 1
    inner[:] = True
    inner[last] = False
    tok_end = np.empty(total, dtype=np.int32)
    tok_end[last] = rel_ends[lines]
    tok_end[inner] = seps
    # the first '=' of a token ends its key; it must exist and the key must not be empty
    # usually the very next special byte (a key holds none); otherwise search on
    count = np.int32(len(special))
    padded_kind = np.append(kind, np.uint8(0))
    found = padded_kind[from_special] == _EQ
    eq_at = from_special.copy()
    if not found.all():
        eq_index = np.where(kind == _EQ, np.arange(count, dtype=np.int32), count)
        next_eq = np.append(np.minimum.accumulate(eq_index[::-1])[::-1], count)
        eq_at[~found] = next_eq[from_special[~found]]
    first_eq = np.append(special, np.int32(size))[eq_at]
    bad_token = (first_eq >= tok_end) | (first_eq == tok_start)
    simple[tok_line[bad_token]] = False
    # a quote is only allowed around a whole value
    ok = simple[open_line]
    opens, closes, open_line = opens[ok], closes[ok], open_line[ok]
    if len(opens):
        t = np.searchsorted(tok_start, opens, side="right") - 1
        misplaced = (first_eq[t] + 1 != opens) | (tok_end[t] - 1 != closes)
        simple[open_line[misplaced]] = False
    keep = simple[tok_line]
    tok_start, tok_end, first_eq, tok_line = tok_start[keep], tok_end[keep], first_eq[keep], tok_line[keep]
    value_start = first_eq + 1
    quoted = (value_start < tok_end) & (seg[np.minimum(value_start, size - 1)] == _QUOTE)
    value_start = value_start + quoted
    value_end = tok_end - quoted
    if base:
        tok_start, first_eq, value_start, value_end = (
            x + base for x in (tok_start, first_eq, value_start, value_end)
        )
    return Tokens(simple, tok_line, tok_start, first_eq, value_start, value_end, starts, data)
