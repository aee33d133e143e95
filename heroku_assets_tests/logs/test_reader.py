"""read_lines: formats, chunking, blank and odd lines, the columnar batches."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets.logs import LogLine, read_lines
from heroku_assets.logs.logplex.frame_batches import frame_batch
from heroku_assets.logs.logplex.framing import REASON_GARBAGE
from heroku_assets.logs.logplex.lines import (
    REASON_BAD_TIMESTAMP,
    REASON_UNRECOGNISED,
    parse_syslog,
    parse_text_line,
)
from heroku_assets.logs.logplex.text_batches import MAX_LINE, REASON_OVERLONG, text_batch

TEXT = (
    b"2012-02-07T09:43:06.123456+00:00 heroku[router]: at=info method=GET path=/ status=200\r\n"
    b"\n"
    b"   \t\n"
    b"2012-02-07T09:43:07-07:00 app[web.1]: hello\n"
    b"garbage\n"
    b"2026-02-30T00:00:00Z app[web.1]: no such day\n"
    b"2012-02-07T09:43:08Z app[worker.2]: last line without newline"
)
FRAME = b"<40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up"
BODY = b"83 " + FRAME + b"\n" + b"junk\n" + b"30 <13>1 - host heroku router - x"


def test_text_lines() -> None:
    lines = list(read_lines([TEXT], "text"))
    assert [(x.source, x.dyno, x.message, x.error) for x in lines] == [
        ("heroku", "router", "at=info method=GET path=/ status=200", None),
        ("app", "web.1", "hello", None),
        (None, None, None, REASON_UNRECOGNISED),
        (None, None, None, REASON_BAD_TIMESTAMP),
        ("app", "worker.2", "last line without newline", None),
    ]
    assert (
        lines[0].raw
        == "2012-02-07T09:43:06.123456+00:00 heroku[router]: at=info method=GET path=/ status=200"
    )
    assert lines[1].ts_us == parse_text_line("2012-02-07T16:43:07Z a[b]: c").ts_us
    assert lines[2].raw == "garbage"


def test_logplex_body() -> None:
    lines = list(read_lines([BODY], "logplex"))
    assert lines == [
        parse_text_line(FRAME.decode()),
        LogLine(None, None, None, None, "junk", REASON_GARBAGE),
        LogLine(None, "heroku", "router", "x", "<13>1 - host heroku router - x"),
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (BODY, "logplex"),
        (b"\n\n  " + BODY, "logplex"),
        (TEXT, "text"),
        (b"2012 <not a frame", "logplex"),
        (b"12345", "text"),
        (b"", "text"),
    ],
)
def test_auto_detection(data: bytes, expected: str) -> None:
    assert list(read_lines([data])) == list(read_lines([data], expected))
    # detection survives any chunking of the first bytes
    pieces = [data[i : i + 1] for i in range(len(data))]
    assert list(read_lines(pieces)) == list(read_lines([data], expected))


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown log format"):
        read_lines([b""], "json")  # type: ignore[arg-type]


def test_invalid_utf8_is_escaped_not_lost() -> None:
    data = b"2012-02-07T09:43:06Z app[web.1]: caf\xe9 \xff\n\xfe\xfe\n2012-02-07T09:43:06Z app[web.1]: ok\n"
    lines = list(read_lines([data], "text"))
    assert [x.message for x in lines] == ["caf\\xe9 \\xff", None, "ok"]
    assert lines[1].raw == "\\xfe\\xfe"


def test_multibyte_characters_across_chunks() -> None:
    data = "2012-02-07T09:43:06Z app[web.1]: héllo ☃ 💥\n".encode() * 3
    expected = list(read_lines([data], "text"))
    assert expected[0].message == "héllo ☃ 💥"
    assert list(read_lines([data[i : i + 1] for i in range(len(data))], "text")) == expected


def test_overlong_line_is_split_and_kept() -> None:
    long = b"x" * (MAX_LINE + 5)
    lines = list(read_lines([b"2012-02-07T09:43:06Z app[web.1]: a\n", long, b"\n"], "text"))
    assert [x.error for x in lines] == [None, REASON_OVERLONG, REASON_UNRECOGNISED]
    assert lines[1].raw == "x" * MAX_LINE and lines[2].raw == "xxxxx"


def test_stream_is_an_iterator_and_batches_match_rows() -> None:
    stream = read_lines([TEXT])
    first = next(stream)
    assert first.dyno == "router"
    assert stream.started
    with pytest.raises(RuntimeError):
        next(iter(stream.batches()))
    rows = list(read_lines([TEXT]))
    batches = list(read_lines([TEXT]).batches())
    table = pa.Table.from_batches(batches)
    assert table.column("raw").to_pylist() == [x.raw for x in rows]
    assert table.column("error").to_pylist() == [x.error for x in rows]
    assert table.column("ts").cast(pa.int64()).to_pylist() == [x.ts_us for x in rows]


_fast_shaped = st.builds(
    "{} {}[{}]:{}{}".format,
    st.one_of(
        st.from_regex(
            r"\A(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
            r"(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)\Z"
        ),
        st.sampled_from(["-", "2012-02-30T00:00:00Z", "2012-02-07T09:43:06.1234567Z", "2012-02-07T09:43:06"]),
    ),
    st.sampled_from(["app", "heroku", "-", "a]b", "x"]),
    st.sampled_from(["web.1", "router", "", "-", "a]b", "run.1"]),
    st.sampled_from(["", " ", "  "]),
    st.text(st.characters(codec="utf-8", exclude_characters="\n"), max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_fast_shaped, st.text(max_size=40)), max_size=20))
def test_vectorised_text_reader_agrees_with_the_line_reader(lines: list[str]) -> None:
    lines = [x.replace("\n", " ") for x in lines]
    lines = [x for x in lines if x.rstrip("\r").strip()]
    batch = text_batch(pa.array(lines, pa.string()))
    got = [
        LogLine(*row)
        for row in zip(
            batch.column("ts").cast(pa.int64()).to_pylist(),
            *(batch.column(i).to_pylist() for i in range(1, 6)),
            strict=True,
        )
    ]
    assert got == [parse_text_line(x.rstrip("\r")) for x in lines]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500), st.sampled_from(["auto", "text", "logplex"]), st.integers(1, 64))
def test_arbitrary_bytes_never_raise_and_chunking_does_not_matter(data: bytes, fmt: str, size: int) -> None:
    whole = list(read_lines([data], fmt))  # type: ignore[arg-type]
    pieces = [data[i : i + size] for i in range(0, len(data), size)]
    assert list(read_lines(pieces, fmt)) == whole  # type: ignore[arg-type]
    for line in whole:
        assert line.raw.strip(" \t\n\v\f\r")  # blank means ASCII whitespace only
        assert (line.error is None) == (line.message is not None)
        assert "\n" not in line.canonical()


@pytest.mark.parametrize("size", [None, 4096, 700_001, MAX_LINE])
def test_overlong_lines_are_cut_the_same_whatever_the_chunks(size: int | None) -> None:
    data = b"2012-02-07T09:43:06Z app[web.1]: a\n" + b"y" * (2 * MAX_LINE + 5) + b"\nz" * 3 + b"x" * MAX_LINE
    pieces = [data] if size is None else [data[i : i + size] for i in range(0, len(data), size)]
    lines = list(read_lines(pieces, "text"))
    assert [(x.error, len(x.raw)) for x in lines] == [
        (None, 34),
        (REASON_OVERLONG, MAX_LINE),
        (REASON_OVERLONG, MAX_LINE),
        (REASON_UNRECOGNISED, 5),
        (REASON_UNRECOGNISED, 1),
        (REASON_UNRECOGNISED, 1),
        (REASON_OVERLONG, MAX_LINE),
        (REASON_UNRECOGNISED, 1),
    ]


TRICKY = [
    "1900-01-01T00:00:00Z app[-]:",
    "2012-02-07T09:43:06Z -[web.1]: nil source",
    "2012-02-07T09:43:06Z app[web.1]:no space",
    "2012-02-07T09:43:06Z app[web.1]:   three spaces",
    "2000-02-29T12:00:00.5+01:00 app[web.1]: leap day",
    "1900-02-29T12:00:00Z app[web.1]: not a leap day",
    "2023-02-29T12:00:00Z app[web.1]: not a leap day",
    "2024-02-29T23:59:59.999999-23:59 app[web.1]: leap day, far offset",
    "2023-04-31T00:00:00Z app[web.1]: no such day",
    "2023-12-31T23:59:59.1234567Z app[web.1]: seven digits",
    "2023-12-31T23:59:59+0100 app[web.1]: offset without colon",
    "2023-12-31T23:59:59z app[web.1]: lower z",
    "2023-12-31T23:59:59Z app[a]b]: bracket in dyno",
    "2023-12-31T23:59:59Z a]b[web.1]: bracket in source",
]


def test_vectorised_text_reader_on_tricky_lines() -> None:
    batch = text_batch(pa.array(TRICKY))
    got = [
        LogLine(*row)
        for row in zip(
            batch.column("ts").cast(pa.int64()).to_pylist(),
            *(batch.column(i).to_pylist() for i in range(1, 6)),
            strict=True,
        )
    ]
    assert got == [parse_text_line(x) for x in TRICKY]
    assert got[0].message == "" and got[1].source is None and got[3].message == "  three spaces"
    assert [x.error is None for x in got[4:9]] == [True, False, False, True, False]


_syslog_payload = st.builds(
    "<{}>{} {} {} {} {}{}".format,
    st.sampled_from(["40", "158", "7", "1234"]),
    st.sampled_from(["1", "12", "123"]),
    st.one_of(
        st.from_regex(
            r"\A(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
            r"(\.\d{1,6})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)\Z"
        ),
        st.sampled_from(["-", "2012-02-30T00:00:00Z", "2012-02-07T09:43:06+0100"]),
    ),
    st.sampled_from(["host", "d.f8ad5c4e-5b5c-4f3a-8c42-5d47a1b3b0c1", "-"]),
    st.sampled_from(["app", "heroku", "-", "a]b", "[x"]),
    st.sampled_from(["web.1", "router", "-", "x\tz"]),
    st.one_of(
        st.just(""),
        st.sampled_from([" ", " -", " - ", " - -", " - - ", " -x", " --", "\t- x", "  - x", " 7", " 12 - x"]),
        st.from_regex(r"\A [0-9]{1,34}( -)?( [a-z0-9 -]{0,8})?\Z"),  # a number in the MSGID slot
        st.text(max_size=20).map(" - {}".format),
        st.text(max_size=20).map(" {}".format),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_syslog_payload, st.booleans()), max_size=12))
def test_vectorised_frame_reader_agrees_with_the_syslog_reader(frames: list[tuple[str, bool]]) -> None:
    pieces = [(text.encode(), "junk" if junk else None) for text, junk in frames]
    batch = frame_batch(pieces)
    got = [
        LogLine(*row)
        for row in zip(
            batch.column("ts").cast(pa.int64()).to_pylist(),
            *(batch.column(i).to_pylist() for i in range(1, 6)),
            strict=True,
        )
    ]
    expected = [
        LogLine(None, None, None, None, text, "junk") if junk else parse_syslog(text) for text, junk in frames
    ]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(st.one_of(_syslog_payload.map(str.encode), st.binary(max_size=30)), max_size=6).map(
            lambda frames: b"".join(b"%d %s" % (len(f), f) for f in frames)
        ),
    ),
    st.sampled_from(["text", "logplex"]),
)
def test_canonical_text_reads_back_line_for_line(data: bytes, fmt: str) -> None:
    """The raw partition is the canonical text of what was read: reading it again must give exactly as
    many lines, each the same reading (a log line or rejected content) with the same timestamp, and a
    readable line the same fields."""
    first = list(read_lines([data], fmt))  # type: ignore[arg-type]
    text = "".join(f"{x.canonical()}\n" for x in first).encode()
    again = list(read_lines([text], "text"))
    assert len(again) == len(first)
    for a, b in zip(first, again, strict=True):
        assert (b.error is None, b.ts_us) == (a.error is None, a.ts_us), (a, b)
        # the fields come back alike when the text form can carry them (LogLine.canonical)
        carried = "[" not in (a.source or "") and "]:" not in (a.dyno or "")
        if a.error is None and carried and "\n" not in (a.message or "") and "\r" not in (a.message or ""):
            assert (b.ts_us, b.source, b.dyno, b.message) == (a.ts_us, a.source, a.dyno, a.message)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 999),
    st.from_regex(r"\A[0-9]{1,32}\Z"),
    st.sampled_from(["", "- ", "- - "]),
    st.text(st.characters(exclude_characters="\r\n"), max_size=20),
)
def test_frames_with_a_number_in_the_msgid_slot_or_a_long_version(
    version: int, msgid: str, sd: str, message: str
) -> None:
    """The batch reader and the syslog reader agree on these (the batch reader takes most frames)."""
    payloads = [
        f"<190>{version} 2012-11-30T06:45:29Z host app web.1 {msgid} {sd}{message}",
        f"<190>{version} 2012-11-30T06:45:29Z host app web.1 - {sd}{message}",
    ]
    body = b"".join(b"%d %s" % (len(p.encode()), p.encode()) for p in payloads)
    got = [(x.message, x.error) for x in read_lines([body], "logplex")]
    assert got == [(parse_syslog(p).message, None) for p in payloads]
    assert got[0][0] == parse_syslog(payloads[1]).message  # the MSGID is not part of the message


_TS = st.one_of(
    st.sampled_from(["2026-11-30T23:59:59+00:00", "2026-12-01T00:00:00.001Z", "2026-12-01T12:00:00-05:00"]),
    st.sampled_from(["-", "2026-02-30T00:00:00Z", "2026-12-01T10:00:00"]),
)
_SOURCE = st.sampled_from(["app", "heroku", "-", "a]b", "a[b", "[x", "x["])
_DYNO = st.sampled_from(["web.1", "router", "-", "a]:b", "]"])
_MESSAGE = st.text(st.characters(codec="utf-8", exclude_characters="\n"), max_size=12)
_syslog_line = st.builds("<190>1 {} host {} {} - {}".format, _TS, _SOURCE, _DYNO, _MESSAGE)
_text_line = st.builds("{} {}[{}]: {}".format, _TS, _SOURCE, _DYNO, _MESSAGE)


def _counted(payload: str) -> bytes:
    data = payload.encode()
    return b"%d %s" % (len(data), data)


# A drain body as it can arrive: counted frames (of syslog or `heroku logs` lines) and lines that are
# not frames at all, with or without separators, CR or LF inside, and stray bytes.
_body_piece = st.one_of(
    _syslog_line.map(_counted),
    _text_line.map(_counted),
    _syslog_line.map(lambda x: x.encode() + b"\n"),
    _text_line.map(lambda x: x.encode() + b"\n"),
    st.sampled_from([b"\n", b"\r\n", b"junk\n", b"a\rb\n", b"- a\rb[c]: d\n", b"\x00\xff\n"]),
    st.binary(max_size=20),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_body_piece, max_size=10), st.sampled_from(["logplex", "text"]))
def test_a_line_has_one_reading_framed_or_not(pieces: list[bytes], fmt: str) -> None:
    """Whatever framing brought a line, the reader, the raw partition's text and staging's second
    reading of that text agree on whether it is a log line or rejected content, and on its timestamp."""
    first = list(read_lines([b"".join(pieces)], fmt))  # type: ignore[arg-type]
    written = [batch for batch in read_lines([b"".join(pieces)], fmt).batches()]  # type: ignore[arg-type]
    text = "".join(f"{x.canonical()}\n" for x in first).encode()
    again = list(read_lines([text], "text"))
    assert len(again) == len(first) == sum(b.num_rows for b in written)
    for a, b in zip(first, again, strict=True):
        assert (b.error is None, b.ts_us) == (a.error is None, a.ts_us), (a, b)


def test_lines_that_are_not_frames_are_read_by_their_text() -> None:
    today, yesterday = "2026-12-01T10:00:00+00:00", "2026-11-30T23:59:59+00:00"
    body = (
        _counted(f"<190>1 {today} host app web.1 - framed")
        + f"\n<190>1 {yesterday} host app web.1 - unframed syslog\n".encode()
        + f"{yesterday} app[web.1]: unframed text\n".encode()
        + _counted(f"{yesterday} app[web.2]: a counted text line")
        + b"\nnot a line at all\n"
        + _counted("counted, but not a line either")
    )
    lines = list(read_lines([body], "logplex"))
    assert [(x.message, x.error) for x in lines] == [
        ("framed", None),
        ("unframed syslog", None),
        ("unframed text", None),
        ("a counted text line", None),
        (None, REASON_GARBAGE),
        (None, "unreadable syslog header: expected '<PRI>VERSION TIMESTAMP HOST APP PROCID MESSAGE'"),
    ]
    assert [x.ts_us for x in lines[1:4]] == [parse_text_line(f"{yesterday} a[b]: c").ts_us] * 3
    assert lines[2].raw == f"{yesterday} app[web.1]: unframed text"
