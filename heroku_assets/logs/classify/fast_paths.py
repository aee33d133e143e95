"""The fast paths of the classifier: router and metrics messages that are simple logfmt
(``vector.tokenize``; keys in any order), typed over the whole batch with numpy and Arrow compute. They
take only lines the per-line reference rules read identically, and say which (a mask)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.classify.rules import ROUTER_KEYS, to_bool, to_ms
from heroku_assets.logs.logplex import vector
from heroku_assets.logs.logplex.vector import spans_to_strings

_NULL_STR = pa.scalar(None, pa.string())


_ROUTER_KEY_NAMES = pa.array(list(ROUTER_KEYS))


_MS_VALUE = r"^(?:\d{1,15}(?:ms)?)?$"


_TYPED_VALUES = {"connect": _MS_VALUE, "service": _MS_VALUE, "status": r"^\d{0,9}$", "bytes": r"^\d{0,18}$"}
_TYPED_VALUES["tls"] = r"^(?:true|false)?$"


_METRIC_SHARED = pa.array(["source", "dyno", "addon"])


_SAMPLE_VALUE = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[A-Za-z%]*$"  # as _NUMBER


_UNIT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%"


def _nonempty(array: pa.Array) -> pa.Array:
    return pc.if_else(pc.equal(array, ""), _NULL_STR, array)


def fields(parts: pa.StructArray) -> dict[str, pa.Array]:
    """extract_regex groups by name, null where the pattern did not match."""
    return {parts.type.field(i).name: arr for i, arr in enumerate(parts.flatten())}


def _codes(keys: pa.Array, names: pa.Array) -> np.ndarray:
    """Index of each key in ``names``; -1 for any other key."""
    return pc.fill_null(pc.index_in(keys, value_set=names), -1).to_numpy(zero_copy_only=False)


def _unique_per_line(tokens: vector.Tokens, codes: np.ndarray, fast: np.ndarray, kinds: int) -> None:
    """Lines where a key comes twice are not fast: the reference keeps the repeats in extra."""
    known = codes >= 0
    pairs = tokens.line[known] * kinds + codes[known]
    if len(pairs):
        counts = np.bincount(pairs)
        fast[tokens.line[known][counts[pairs] > 1]] = False


def fast_router(message: pa.Array) -> tuple[pa.Array, dict[str, pa.Array]]:
    """(fast mask, typed columns for every row; meaningful where fast). Fast: a simple logfmt line
    (see ``vector``) with only known keys, each once, and typed values that convert."""
    n = len(message)
    tokens = vector.tokenize(message)
    fast = tokens.simple.copy()
    keys = tokens.keys()
    codes = _codes(keys, _ROUTER_KEY_NAMES)
    _unique_per_line(tokens, codes, fast, len(ROUTER_KEYS))
    extra = _extra_json(tokens, keys, codes < 0, fast, n)
    cols: dict[str, pa.Array] = {}
    columns = tokens.columns(codes, len(ROUTER_KEYS), n)
    for values, (key, (column, convert)) in zip(columns, ROUTER_KEYS.items(), strict=True):
        if values is None:
            continue  # no line has the key: the batch builder fills nulls
        if key in _TYPED_VALUES:
            ok = pc.fill_null(pc.match_substring_regex(values, _TYPED_VALUES[key]), True)
            fast &= np.asarray(ok)
            values = _nonempty(pc.if_else(ok, values, _NULL_STR))  # the reference types the others
            if convert is to_ms:
                values = pc.cast(pc.utf8_rtrim(values, characters="ms"), pa.int64())
            elif convert is to_bool:
                values = pc.equal(values, "true")
        else:
            values = _nonempty(values)
        cols[column] = values
    cols["extra"] = extra
    return pa.array(fast), cols


def _extra_json(
    tokens: vector.Tokens, keys: pa.Array, which: np.ndarray, fast: np.ndarray, n: int
) -> pa.Array:
    """The JSON object router_row writes to extra for the tokens ``which`` (unknown keys), built over the
    batch: keys in order, empty values null. Simple lines hold no backslash, quote or control character
    in a key or value, so nothing needs escaping. A line repeating one of these keys is not fast."""
    if not which.any():
        return pa.nulls(n, pa.string())
    index = np.flatnonzero(which)
    line = tokens.line[index]
    names = pc.take(keys, index)
    values = tokens.values(index)
    ids = np.asarray(pc.dictionary_encode(names).indices, dtype=np.int64)
    pairs = line * (int(ids.max()) + 1) + ids
    repeated = np.bincount(pairs)[pairs] > 1
    fast[line[repeated]] = False
    pieces = pc.if_else(
        pc.equal(values, ""),
        pc.binary_join_element_wise('"', names, '":null', ""),
        pc.binary_join_element_wise('"', names, '":"', values, '"', ""),
    )
    lines, counts = np.unique(line, return_counts=True)
    offsets = np.zeros(len(lines) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    joined = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), pieces), ",")
    objects = pc.binary_join_element_wise("{", joined, "}", "")
    position = np.full(n, -1, dtype=np.int64)
    position[lines] = np.arange(len(lines))
    return pc.take(objects, pa.array(position, mask=position < 0))


def fast_metrics(
    common: dict[str, pa.Array], dyno: pa.Array, message: pa.Array
) -> tuple[pa.Array, dict[str, pa.Array] | None]:
    """Metrics lines that are simple logfmt (see ``vector``) with source/dyno/addon at most once each
    and only readable samples besides, typed over the batch (dyno and dyno_id as rules.metric_rows): the
    fast mask, and the columns of the rows they give (None when no line is fast)."""
    n = len(message)
    tokens = vector.tokenize(message)
    fast = tokens.simple.copy()
    keys = tokens.keys()
    codes = _codes(keys, _METRIC_SHARED)
    is_sample = np.asarray(pc.and_(pc.starts_with(keys, "sample#"), pc.greater(pc.binary_length(keys), 7)))
    sample = np.flatnonzero(is_sample)
    values = tokens.values(sample)
    # the number and its unit split as _NUMBER does: the unit is the trailing run of letters and '%'
    readable = np.asarray(pc.fill_null(pc.match_substring_regex(values, _SAMPLE_VALUE), False))
    number = pc.cast(pc.if_else(readable, pc.utf8_rtrim(values, characters=_UNIT_CHARS), "0"), pa.float64())
    readable &= np.asarray(pc.fill_null(pc.is_finite(number), False))
    good_sample = np.zeros(len(codes), dtype=bool)
    good_sample[sample[readable]] = True
    fast[tokens.line[(codes < 0) & ~good_sample]] = False
    _unique_per_line(tokens, codes, fast, len(_METRIC_SHARED))
    if not fast.any():
        return pa.array(fast), None
    line_cols: dict[str, pa.Array] = dict(common)
    source, dyno_value, addon = tokens.columns(codes, len(_METRIC_SHARED), n)
    line_cols["source_name"] = pa.nulls(n, pa.string()) if source is None else _nonempty(source)
    line_cols["addon"] = pa.nulls(n, pa.string()) if addon is None else _nonempty(addon)
    line_cols["dyno_id"] = pa.nulls(n, pa.string()) if dyno_value is None else _nonempty(dyno_value)
    line_cols["dyno"] = pc.coalesce(dyno, line_cols["source_name"])  # the process, as rules.metric_rows
    rows = fast[tokens.line[sample]]  # the samples of fast lines (all readable), in line order
    row_tokens = sample[rows]
    cols = {name: pc.take(arr, pa.array(tokens.line[row_tokens])) for name, arr in line_cols.items()}
    cols["metric"] = spans_to_strings(
        tokens.data, tokens.key_start[row_tokens] + 7, tokens.key_end[row_tokens]
    )
    cols["value"] = pc.filter(number, rows)
    unit_length = np.asarray(pc.binary_length(pc.filter(values, rows)), dtype=np.int64) - np.asarray(
        pc.binary_length(pc.utf8_rtrim(pc.filter(values, rows), characters=_UNIT_CHARS)), dtype=np.int64
    )
    cols["unit"] = _nonempty(
        spans_to_strings(
            tokens.data, tokens.value_end[row_tokens] - unit_length, tokens.value_end[row_tokens]
        )
    )
    return pa.array(fast), cols
