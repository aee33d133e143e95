"""The vectorised tokenizer reads simple lines exactly as the reference tokenizer does."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets.logs.logplex import logfmt, vector


def tokens_of(lines: list[str | None]) -> tuple[list[bool], list[list[tuple[str, str]]]]:
    array = pa.array(lines, pa.string())
    tokens = vector.tokenize(array)
    keys, values = tokens.keys().to_pylist(), tokens.values().to_pylist()
    out: list[list[tuple[str, str]]] = [[] for _ in lines]
    for line, key, value in zip(tokens.line.tolist(), keys, values, strict=True):
        out[line].append((key, value))
    return tokens.simple.tolist(), out


def test_router_line_is_simple() -> None:
    line = (
        'at=error code=H12 desc="Request timeout" method=GET path="/a?b=c d" host=x '
        'fwd="1.2.3.4, ::1" dyno=web.1 connect=1ms service=30000ms status=503 bytes= protocol=https'
    )
    simple, toks = tokens_of([line])
    assert simple == [True]
    assert toks[0] == logfmt.tokens(line)
    assert ("desc", "Request timeout") in toks[0] and ("path", "/a?b=c d") in toks[0]


def test_shapes_that_are_not_simple() -> None:
    lines = [
        "bare word",
        " lead=1",
        "trail=1 ",
        "a=1  b=2",
        'a="x\\"y"',
        "a=1\tb=2",
        'a=b"c',
        'a="x"y',
        '"a"=b',
        "=a",
        'a="unterminated',
        "",
        None,
    ]
    simple, toks = tokens_of(lines)
    assert simple == [False] * len(lines)
    assert toks == [[] for _ in lines]


def test_sliced_arrays_and_neighbours() -> None:
    array = pa.array(['x="a b"', "bad line", 'k=v q=""', "z=1"])[1:]
    tokens = vector.tokenize(array)
    assert tokens.simple.tolist() == [False, True, True]
    assert tokens.keys().to_pylist() == ["k", "q", "z"]
    assert tokens.values().to_pylist() == ["v", "", "1"]
    assert tokens.line.tolist() == [1, 1, 2]


_alphabet = st.sampled_from(list('ab= "\\\t,:é') + ["sample#", "x=", '="', '" '])
_noise = st.lists(_alphabet, max_size=14).map("".join)
_key = st.text("ab#_-é", min_size=1, max_size=4)
_value = st.one_of(
    st.text("ab=,:é./", max_size=5),
    st.text('ab =,:é"\\', max_size=6).map('"{}"'.format),
)
_structured = st.lists(st.tuples(_key, _value), min_size=1, max_size=6).map(
    lambda kv: " ".join(f"{k}={v}" for k, v in kv)
)
_line = st.one_of(
    _noise,
    _structured,
    st.tuples(_structured, _noise, st.integers(0, 40)).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_line, max_size=8))
def test_simple_lines_tokenize_like_the_reference(lines: list[str]) -> None:
    simple, toks = tokens_of(lines)
    for line, is_simple, got in zip(lines, simple, toks, strict=True):
        if is_simple:
            assert got == logfmt.tokens(line)
            assert all(value is not None for _, value in got)
        else:
            assert got == []
