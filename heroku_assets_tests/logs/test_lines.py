"""Per-line readers: timestamps, `heroku logs` lines, syslog headers and the canonical rendering."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets.logs.logplex.lines import (
    REASON_BAD_SYSLOG,
    REASON_BAD_TIMESTAMP,
    REASON_UNRECOGNISED,
    LogLine,
    format_ts,
    parse_syslog,
    parse_text_line,
    parse_ts,
)


def us(*args: int) -> int:
    return int(dt.datetime(*args, tzinfo=dt.UTC).timestamp()) * 1_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012-02-07T09:43:06.123456+00:00", us(2012, 2, 7, 9, 43, 6) + 123456),
        ("2012-02-07T09:43:06+00:00", us(2012, 2, 7, 9, 43, 6)),
        ("2012-02-07T09:43:06.1+00:00", us(2012, 2, 7, 9, 43, 6) + 100000),
        ("2012-02-07T09:43:06.12Z", us(2012, 2, 7, 9, 43, 6) + 120000),
        ("2012-02-07T09:43:06.123z", us(2012, 2, 7, 9, 43, 6) + 123000),
        ("2012-02-07T09:43:06.1234-07:00", us(2012, 2, 7, 16, 43, 6) + 123400),
        ("2012-02-07T01:43:06.12345+05:30", us(2012, 2, 6, 20, 13, 6) + 123450),
        ("2012-02-07T09:43:06+0100", us(2012, 2, 7, 8, 43, 6)),
        ("2012-02-07T09:43:06+01", us(2012, 2, 7, 8, 43, 6)),
        ("2012-02-07T09:43:06.123456789Z", us(2012, 2, 7, 9, 43, 6) + 123456),  # truncated, not rounded
        ("2012-12-31T23:30:00-01:00", us(2013, 1, 1, 0, 30, 0)),
        ("2012-02-29T00:00:00Z", us(2012, 2, 29)),
        ("1969-12-31T23:59:59.5Z", -500000),
    ],
)
def test_parse_ts_reads_every_precision_and_offset(text: str, expected: int) -> None:
    assert parse_ts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2012-02-07T09:43:06",  # no offset: refused rather than guessed
        "2013-02-29T00:00:00Z",
        "2012-13-01T00:00:00Z",
        "2012-02-07T24:00:00Z",
        "2012-02-07T09:60:00Z",
        "2012-02-07T09:43:60Z",
        "2012-02-07T09:43:06+24:00",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59-01:00",  # past year 9999 once in UTC
        "2012-02-07 09:43:06Z",
        "yesterday",
        "",
    ],
)
def test_parse_ts_refuses_what_is_not_an_instant(text: str) -> None:
    assert parse_ts(text) is None


def test_format_ts_always_writes_six_digits_and_the_offset() -> None:
    assert format_ts(us(2012, 2, 7, 9, 43, 6)) == "2012-02-07T09:43:06.000000+00:00"
    assert format_ts(us(2012, 2, 7, 9, 43, 6) + 7) == "2012-02-07T09:43:06.000007+00:00"
    assert format_ts(-1) == "1969-12-31T23:59:59.999999+00:00"
    assert format_ts(parse_ts("0001-01-01T00:00:00Z")) == "0001-01-01T00:00:00.000000+00:00"


def test_text_line_router() -> None:
    text = '2012-02-07T09:43:06.123456+00:00 heroku[router]: at=info method=GET path="/articles/bundler"'
    line = parse_text_line(text)
    assert line == LogLine(
        us(2012, 2, 7, 9, 43, 6) + 123456,
        "heroku",
        "router",
        'at=info method=GET path="/articles/bundler"',
        text,
        None,
    )


@pytest.mark.parametrize(
    ("text", "source", "dyno", "message"),
    [
        ("2012-02-07T09:43:06Z app[web.1]: hello", "app", "web.1", "hello"),
        ("2012-02-07T09:43:06Z app[run.2660]:  two spaces", "app", "run.2660", " two spaces"),
        ("2012-02-07T09:43:06Z app[web.1]:no space", "app", "web.1", "no space"),
        ("2012-02-07T09:43:06Z app[web.1]:", "app", "web.1", ""),
        ("2012-02-07T09:43:06Z heroku[scheduler.1943]: Starting", "heroku", "scheduler.1943", "Starting"),
        ("2012-02-07T09:43:06Z app[heroku-postgres]: x]: y", "app", "heroku-postgres", "x]: y"),
        ("2012-02-07T09:43:06Z app[]: empty dyno", "app", "", "empty dyno"),
        ("2012-02-07T09:43:06Z app[-]: nil dyno", "app", None, "nil dyno"),
    ],
)
def test_text_line_shapes(text: str, source: str, dyno: str | None, message: str) -> None:
    line = parse_text_line(text)
    assert (line.source, line.dyno, line.message, line.error) == (source, dyno, message, None)
    assert line.ts_us == us(2012, 2, 7, 9, 43, 6)


def test_text_line_without_timestamp_is_readable_with_a_dash() -> None:
    line = parse_text_line("- app[web.1]: no clock")
    assert (line.ts_us, line.source, line.dyno, line.message, line.error) == (
        None,
        "app",
        "web.1",
        "no clock",
        None,
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("garbage", REASON_UNRECOGNISED),
        ("2012-02-07T09:43:06Z [web.1]: no source", REASON_UNRECOGNISED),
        ("2012-02-07T09:43:06Z app web.1: no brackets", REASON_UNRECOGNISED),
        ("2026-13-45T25:61:00+00:00 app[web.1]: bad clock", REASON_BAD_TIMESTAMP),
        ("2012-02-07T09:43:06 app[web.1]: no offset", REASON_BAD_TIMESTAMP),
        ("", REASON_UNRECOGNISED),
    ],
)
def test_unreadable_text_lines_keep_their_raw_text(text: str, reason: str) -> None:
    line = parse_text_line(text)
    assert line == LogLine(None, None, None, None, text, reason)
    assert line.canonical() == text


def test_text_line_written_as_a_frame_is_read_as_syslog() -> None:
    for text in (
        "<40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up",
        "83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up",
    ):
        line = parse_text_line(text)
        assert (line.source, line.dyno, line.message, line.raw) == (
            "app",
            "web.3",
            "State changed from starting to up",
            text,
        )


@pytest.mark.parametrize(
    ("payload", "ts", "source", "dyno", "message"),
    [
        (  # the layout of the reference example
            "<40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up",
            us(2012, 11, 30, 6, 45, 29),
            "app",
            "web.3",
            "State changed from starting to up",
        ),
        (  # the drain token as host
            "<158>1 2012-11-30T06:45:29.261Z d.f8ad5c4e-5b5c-4f3a-8c42-5d47a1b3b0c1 heroku router - at=info",
            us(2012, 11, 30, 6, 45, 29) + 261000,
            "heroku",
            "router",
            "at=info",
        ),
        (  # MSGID and structured data both nil
            "<190>1 2012-11-30T06:45:29+00:00 host app web.1 - - Started GET /",
            us(2012, 11, 30, 6, 45, 29),
            "app",
            "web.1",
            "Started GET /",
        ),
        (  # no MSGID at all
            "<190>1 2012-11-30T06:45:29-07:00 host app worker.2 Job done",
            us(2012, 11, 30, 13, 45, 29),
            "app",
            "worker.2",
            "Job done",
        ),
        (  # nil timestamp and procid
            "<13>1 - host app - -",
            None,
            "app",
            None,
            "",
        ),
        (  # nothing after the procid
            "<13>1 2012-11-30T06:45:29Z host app web.1",
            us(2012, 11, 30, 6, 45, 29),
            "app",
            "web.1",
            "",
        ),
        (  # newline inside a frame is kept
            "<13>1 2012-11-30T06:45:29Z host app web.1 - a\nb",
            us(2012, 11, 30, 6, 45, 29),
            "app",
            "web.1",
            "a\nb",
        ),
    ],
)
def test_syslog_layouts(payload: str, ts: int | None, source: str, dyno: str | None, message: str) -> None:
    line = parse_syslog(payload)
    assert line == LogLine(ts, source, dyno, message, payload, None)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("<40>1 2012-11-30T06:45:29+00:00 host app", REASON_BAD_SYSLOG),
        ("40 1 2012-11-30T06:45:29+00:00 host app web.1 - x", REASON_BAD_SYSLOG),
        ("<40>1 2012-11-31T06:45:29+00:00 host app web.1 - x", REASON_BAD_TIMESTAMP),
    ],
)
def test_unreadable_syslog(payload: str, reason: str) -> None:
    assert parse_syslog(payload) == LogLine(None, None, None, None, payload, reason)


def test_canonical_escapes_line_breaks() -> None:
    line = parse_syslog("<13>1 2012-11-30T06:45:29Z host app web.1 - a\nb\rc")
    assert line.canonical() == "2012-11-30T06:45:29.000000+00:00 app[web.1]: a\\nb\\rc"
    bad = LogLine(None, None, None, None, "x\ny", "why")
    assert bad.canonical() == "x\\ny"


_token = st.text(st.characters(codec="utf-8", exclude_characters=" \t\n\r\f\v[]"), min_size=1, max_size=12)
_message = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(
    ts=st.one_of(st.none(), st.integers(-62135596800 * 10**6, 253402300799 * 10**6 + 999999)),
    source=_token.filter(lambda s: s != "-"),
    dyno=st.one_of(st.none(), _token.filter(lambda s: s != "-" and "]:" not in s)),
    message=_message,
)
def test_canonical_round_trips(ts: int | None, source: str, dyno: str | None, message: str) -> None:
    line = LogLine(ts, source, dyno, message, "raw")
    again = parse_text_line(line.canonical())
    assert (again.ts_us, again.source, again.dyno, again.message, again.error) == (
        ts,
        source,
        dyno,
        message,
        None,
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_canonical_is_one_line_and_stable(text: str) -> None:
    """Whatever was read, its canonical form is one text line that reads back to itself."""
    first = parse_text_line(text.replace("\n", " ").replace("\r", " "))
    rendered = first.canonical()
    assert "\n" not in rendered and "\r" not in rendered
    assert parse_text_line(rendered).canonical() == rendered


_HEADER = "<190>{} 2012-11-30T06:45:29Z host app web.1"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.text(max_size=30).filter(lambda m: not m.startswith("-")))
def test_syslog_version_of_up_to_three_digits_is_read(version: int, message: str) -> None:
    for payload, expected in (
        (f"{_HEADER.format(version)} - {message}", message),
        (f"{_HEADER.format(version)} - - {message}", message),
    ):
        line = parse_syslog(payload)
        assert line.error is None and (line.source, line.dyno) == ("app", "web.1")
        assert line.message == expected
    assert parse_syslog(f"{_HEADER.format('1000')} - x").error == REASON_BAD_SYSLOG


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A[0-9]{1,32}\Z"), st.booleans(), st.text(max_size=30))
def test_a_number_in_the_msgid_slot_is_not_part_of_the_message(msgid: str, sd: bool, message: str) -> None:
    payload = f"{_HEADER.format(1)} {msgid} {'- ' if sd else ''}{message}"
    if not sd and (message == "-" or message.startswith("- ")):
        message = message[2:]  # read as nil structured data, as after a nil MSGID
    assert parse_syslog(payload).message == message
    # a number after a nil MSGID is the message's own
    assert parse_syslog(f"{_HEADER.format(1)} - {msgid} {message}").message == f"{msgid} {message}"
