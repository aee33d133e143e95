"""parse_lines: every variant of the reference with its exact columns, routing, numbering, batches."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets import tables
from heroku_assets.logs import LogLine, parse_lines, read_lines
from heroku_assets.logs.logplex.lines import REASON_UNRECOGNISED

UTC = dt.UTC
TS = "2024-04-26T16:58:32.943253+00:00"
WHEN = dt.datetime(2024, 4, 26, 16, 58, 32, 943253, tzinfo=UTC)
COMMON = ("app", "event_date", "line_number", "event_ts")


def parse(*lines: str, app: str | None = "my-app", **kwargs: Any) -> dict[str, list[dict[str, Any]]]:
    """Rows per table (tables without rows are absent)."""
    data = "".join(f"{x}\n" for x in lines).encode()
    out: dict[str, list[dict[str, Any]]] = {}
    for name, batch in parse_lines(read_lines([data], "text"), app, **kwargs):
        assert batch.schema.equals(tables.ALL_TABLES[name].arrow_schema)
        out.setdefault(name, []).extend(batch.to_pylist())
    return out


def only(lines: str, table: str) -> dict[str, Any]:
    """The single row one line gives, without the common columns, checked to be alone."""
    out = parse(lines)
    assert list(out) == [table], out
    (row,) = out[table]
    assert (row["app"], row["line_number"], row["event_date"]) == ("my-app", 1, row["event_ts"].date())
    return {k: v for k, v in row.items() if k not in COMMON}


def router(**cols: Any) -> dict[str, Any]:
    row = dict.fromkeys(tables.ROUTER_EVENTS.column_names)
    for key in COMMON:
        row.pop(key)
    row.update(cols)
    return row


# ------------------------------------------------------------------------------------------- router


def test_router_2_0_example() -> None:
    line = (
        f'{TS} heroku[router]: at=info method=GET path="/" host=my-app.example.com '
        "request_id=6903a168-1a9c-4b3c-9e64-1b6f7d6c9e0a fwd=138.68.186.89 dyno=web.1 connect=0ms "
        "service=0ms status=200 bytes=0 protocol=http2.0 tls=true tls_version=tls1.3"
    )
    assert only(line, "router_events") == router(
        at="info",
        method="GET",
        path="/",
        host="my-app.example.com",
        request_id="6903a168-1a9c-4b3c-9e64-1b6f7d6c9e0a",
        fwd="138.68.186.89",
        dyno="web.1",
        connect_ms=0,
        service_ms=0,
        status=200,
        bytes=0,
        protocol="http2.0",
        tls=True,
        tls_version="tls1.3",
    )
    assert parse(line)["router_events"][0]["event_ts"] == WHEN


def test_router_classic_line_with_several_forwarded_ips() -> None:
    line = (
        "2012-02-07T09:43:06.123456+00:00 heroku[router]: at=info method=GET "
        'path="/articles/bundler?a=1&b=2" host=x.herokuapp.com request_id=abc '
        'fwd="1.2.3.4, 2001:db8::1,5.6.7.8" dyno=web.1 connect=1ms '
        "service=18ms status=200 bytes=975 protocol=https"
    )
    assert only(line, "router_events") == router(
        at="info",
        method="GET",
        path="/articles/bundler?a=1&b=2",
        host="x.herokuapp.com",
        request_id="abc",
        fwd="1.2.3.4, 2001:db8::1,5.6.7.8",
        dyno="web.1",
        connect_ms=1,
        service_ms=18,
        status=200,
        bytes=975,
        protocol="https",
    )


def test_router_error_with_code_desc_and_empty_values() -> None:
    line = (
        f'{TS} heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/upload" '
        'host=my-app.herokuapp.com request_id=r1 fwd="10.0.0.1" dyno=web.2 connect=1ms service=30000ms '
        "status=503 bytes= protocol=https"
    )
    assert only(line, "router_events") == router(
        at="error",
        code="H12",
        desc="Request timeout",
        method="POST",
        path="/upload",
        host="my-app.herokuapp.com",
        request_id="r1",
        fwd="10.0.0.1",
        dyno="web.2",
        connect_ms=1,
        service_ms=30000,
        status=503,
        protocol="https",
    )


def test_router_sock_first_and_no_dyno() -> None:
    line = (
        f'{TS} heroku[router]: sock=client at=warning code=H27 desc="Client Request Interrupted" method=GET '
        'path="/" host=a.example.com request_id=r2 fwd="::1" dyno= connect= service= status=499 bytes= '
        "protocol=https"
    )
    assert only(line, "router_events") == router(
        sock="client",
        at="warning",
        code="H27",
        desc="Client Request Interrupted",
        method="GET",
        path="/",
        host="a.example.com",
        request_id="r2",
        fwd="::1",
        status=499,
        protocol="https",
    )


def test_router_keys_in_any_order_unitless_and_unknown_keys() -> None:
    line = (
        f"{TS} heroku[router]: status=301 at=info service=12 connect=3 bytes= "
        'agent="Mozilla/5.0 (X11; Linux x86_64) key: value, other" method=GET path=/old queue=0 wait=0ms '
        'host=a dyno=web.3 fwd=1.1.1.1 tls=false protocol=http1.1 tls_version=unknown cause="x y" lonely'
    )
    assert only(line, "router_events") == router(
        status=301,
        at="info",
        service_ms=12,
        connect_ms=3,
        method="GET",
        path="/old",
        host="a",
        dyno="web.3",
        fwd="1.1.1.1",
        tls=False,
        protocol="http1.1",
        tls_version="unknown",
        cause="x y",
        extra=json.dumps(
            {
                "agent": "Mozilla/5.0 (X11; Linux x86_64) key: value, other",
                "queue": "0",
                "wait": "0ms",
                "lonely": True,
            },
            separators=(",", ":"),
        ),
    )


def test_router_values_that_do_not_convert_stay_in_extra() -> None:
    line = (
        f'{TS} heroku[router]: at=info method=GET path="/a \\"quoted\\" b" host=h status=abc bytes=-1x '
        'connect=fast service=1.5ms tls=maybe dyno=web.1 dyno=web.2 desc="" code="unterminated and more'
    )
    assert only(line, "router_events") == router(
        at="info",
        method="GET",
        path='/a "quoted" b',
        host="h",
        dyno="web.1",
        code="unterminated and more",
        extra=json.dumps(
            {
                "status": "abc",
                "bytes": "-1x",
                "connect": "fast",
                "service": "1.5ms",
                "tls": "maybe",
                "dyno": "web.2",
            },
            separators=(",", ":"),
        ),
    )


def test_router_repeated_unknown_key_keeps_all_values() -> None:
    row = only(f"{TS} heroku[router]: at=info x=1 x=2 x=", "router_events")
    assert json.loads(row["extra"]) == {"x": ["1", "2", None]}


def test_router_line_that_is_not_logfmt_is_still_a_router_row() -> None:
    row = only(f"{TS} heroku[router]: something odd happened", "router_events")
    assert json.loads(row["extra"]) == {"something": True, "odd": True, "happened": True}
    assert row["at"] is None


# ----------------------------------------------------------------------------------------- platform


def platform(message: str, source: str = "heroku", dyno: str = "web.1", **cols: Any) -> None:
    row = only(f"{TS} {source}[{dyno}]: {message}", "platform_events")
    expected = dict.fromkeys(tables.PLATFORM_EVENTS.column_names)
    for key in COMMON:
        expected.pop(key)
    expected.update(source=source, dyno=dyno, process_type=dyno.split(".")[0], message=message, **cols)
    assert row == expected


@pytest.mark.parametrize(
    ("message", "cols"),
    [
        (
            "State changed from starting to up",
            {"event_type": "state_change", "from_state": "starting", "to_state": "up"},
        ),
        (
            "State changed from up to crashed",
            {"event_type": "state_change", "from_state": "up", "to_state": "crashed"},
        ),
        (
            "Starting process with command `bundle exec puma -C config/puma.rb`",
            {"event_type": "process_start"},
        ),
        ("Stopping all processes with SIGTERM", {"event_type": "stopping"}),
        ("Stopping remaining processes with SIGKILL", {"event_type": "stopping"}),
        ("Process exited with status 143", {"event_type": "process_exit", "exit_status": 143}),
        ("Process exited with status 99999999999", {"event_type": "process_exit"}),
        ("Idling", {"event_type": "idling"}),
        ("Process running mem=1028M(103.3%)", {"event_type": "other"}),
        ("Error R14 (Memory quota exceeded)", {"event_type": "error", "code": "R14"}),
        ("Error R15 (Memory quota vastly exceeded)", {"event_type": "error", "code": "R15"}),
        (
            "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch",
            {"event_type": "error", "code": "R10"},
        ),
        ("Cycling", {"event_type": "other"}),
    ],
)
def test_dyno_manager_messages(message: str, cols: dict[str, Any]) -> None:
    platform(message, **cols)


def test_logplex_buffer_overflow() -> None:
    platform(
        "Error L10 (output buffer overflow): 500 messages dropped since 2012-11-30T06:45:29+00:00.",
        dyno="logplex",
        event_type="error",
        code="L10",
    )


# Heroku's logging error codes with their meaning, as the platform writes them
_LOSS_CODES = {
    "L10": "Drain buffer overflow",
    "L11": "Tail buffer overflow",
    "L12": "Local buffer overflow",
    "L13": "Local delivery error",
    "L14": "Certificate validation error",
    "L15": "Tail buffer temporarily unavailable",
    "R14": "Memory quota exceeded",
    "H99": "Platform error",
}


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(_LOSS_CODES)),
    st.sampled_from(["Error ", ""]),
    st.sampled_from([" -> This tail session dropped 1101 messages since 2012-11-30T06:45:29Z", ": 5", ""]),
    st.sampled_from(["logplex", "web.1", "router-shim"]),
)
def test_error_reports_get_their_code_with_or_without_the_word_error(
    code: str, prefix: str, tail: str, dyno: str
) -> None:
    message = f"{prefix}{code} ({_LOSS_CODES[code]}){tail}"
    platform(message, dyno=dyno, event_type="error", code=code)


@pytest.mark.parametrize("message", ["R2D2 is here", "L11 messages dropped", "Errors L10 (x)", "H12"])
def test_a_code_shaped_word_is_not_an_error_report(message: str) -> None:
    platform(message, dyno="logplex", event_type="other")


def test_run_dyno_start_names_the_user() -> None:
    platform(
        "Starting process with command `bin/rails console` by user ops@example.com",
        dyno="run.2660",
        event_type="process_start",
        actor="ops@example.com",
    )


@pytest.mark.parametrize(
    ("source", "message", "cols"),
    [
        (
            "heroku",
            "Release v7 created by a@b.c",
            {"event_type": "release", "release_version": 7, "actor": "a@b.c"},
        ),
        ("heroku", "Deploy 5ec1351 by a@b.c", {"event_type": "deploy", "actor": "a@b.c"}),
        ("heroku", "Scale to web=1 by a@b.c", {"event_type": "scale", "actor": "a@b.c"}),
        ("heroku", "Config add FOO by a@b.c", {"event_type": "other", "actor": "a@b.c"}),
        (
            "app",
            "Release v3 created by user a@b.c",
            {"event_type": "release", "release_version": 3, "actor": "a@b.c"},
        ),
        ("app", "Deploy 5ec1351 by user a@b.c", {"event_type": "deploy", "actor": "a@b.c"}),
        (
            "app",
            "Scaled to web@1:Free worker@0:Free by user a@b.c",
            {"event_type": "scale", "actor": "a@b.c"},
        ),
        ("app", "Build started by user a@b.c", {"event_type": "build", "actor": "a@b.c"}),
        ("app", "Build succeeded", {"event_type": "build"}),
        ("app", "Build failed", {"event_type": "build"}),
        ("app", "Set FOO config vars by user a@b.c", {"event_type": "other", "actor": "a@b.c"}),
        ("app", "Rollback to v10 by user a@b.c", {"event_type": "other", "actor": "a@b.c"}),
    ],
)
def test_api_messages_in_both_eras(source: str, message: str, cols: dict[str, Any]) -> None:
    platform(message, source=source, dyno="api", **cols)


def test_log_shuttle_is_platform() -> None:
    platform("Could not deliver 12 messages", source="app", dyno="log-shuttle", event_type="other")


# ------------------------------------------------------------------------------------------ metrics


def metric_rows(line: str) -> list[dict[str, Any]]:
    out = parse(line)
    assert list(out) == ["runtime_metrics"], out
    assert {r["line_number"] for r in out["runtime_metrics"]} == {1}
    return [{k: v for k, v in r.items() if k not in COMMON} for r in out["runtime_metrics"]]


def test_runtime_metrics_line() -> None:
    rows = metric_rows(
        f"{TS} heroku[web.1]: source=web.1 dyno=heroku.2808254.d97d0ea7-cf3d-411b-b453-d2943a50b456 "
        "sample#memory_total=34.41MB sample#memory_rss=21.22MB sample#memory_pgpgin=348836pages "
        "sample#load_avg_1m=0.01"
    )
    shared = {
        "dyno": "web.1",
        "dyno_id": "heroku.2808254.d97d0ea7-cf3d-411b-b453-d2943a50b456",
        "source_name": "web.1",
        "addon": None,
    }
    assert rows == [
        {**shared, "metric": "memory_total", "value": 34.41, "unit": "MB", "extra": None},
        {**shared, "metric": "memory_rss", "value": 21.22, "unit": "MB", "extra": None},
        {**shared, "metric": "memory_pgpgin", "value": 348836.0, "unit": "pages", "extra": None},
        {**shared, "metric": "load_avg_1m", "value": 0.01, "unit": None, "extra": None},
    ]


def test_addon_metrics_keep_hyphenated_names_and_units() -> None:
    rows = metric_rows(
        f"{TS} app[heroku-postgres]: source=DATABASE addon=postgresql-curved-12345 "
        "sample#db_size=4347350804bytes sample#memory-total=15405636.0kB sample#index-cache-hit-rate=0.99"
    )
    shared = {
        "dyno": "heroku-postgres",
        "dyno_id": None,
        "source_name": "DATABASE",
        "addon": "postgresql-curved-12345",
        "extra": None,
    }
    assert rows == [
        {**shared, "metric": "db_size", "value": 4347350804.0, "unit": "bytes"},
        {**shared, "metric": "memory-total", "value": 15405636.0, "unit": "kB"},
        {**shared, "metric": "index-cache-hit-rate", "value": 0.99, "unit": None},
    ]


def test_metrics_with_unreadable_values_and_other_keys_lose_nothing() -> None:
    rows = metric_rows(
        f'{TS} app[web.1]: measure#x=1 sample#a=abc sample#b=1e999 sample#c=-2.5e3 note="hi there"'
    )
    extra = json.dumps(
        {"measure#x": "1", "sample#a": "abc", "sample#b": "1e999", "note": "hi there"}, separators=(",", ":")
    )
    shared = {"dyno": "web.1", "dyno_id": None, "source_name": None, "addon": None, "extra": extra}
    assert rows == [
        {**shared, "metric": "a", "value": None, "unit": None},
        {**shared, "metric": "b", "value": None, "unit": None},
        {**shared, "metric": "c", "value": -2500.0, "unit": None},
    ]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["web.1", "worker.12", "run.2660", None]),
    st.sampled_from(["web.1", "web.2", "", None]),
    st.sampled_from(["heroku.2808254.d97d0ea7-cf3d-411b-b453-d2943a50b456", "", None]),
    st.booleans(),
)
def test_metrics_dyno_is_the_process_and_dyno_id_the_dyno_value(
    header: str | None, source: str | None, dyno_value: str | None, fast: bool
) -> None:
    """dyno is the line's dyno, as in every other table (else the source= value); dyno= is dyno_id."""
    keys = [f"source={source}"] if source is not None else []
    keys += [f"dyno={dyno_value}"] if dyno_value is not None else []
    line = LogLine(0, "heroku", header, " ".join([*keys, "sample#memory_total=1MB", "sample#load=2"]), "r")
    rows = [r for _, b in parse_lines([line], "a", fast=fast) for r in b.to_pylist()]
    assert len(rows) == 2
    for row in rows:
        assert row["dyno"] == (header if header is not None else source or None)
        assert row["dyno_id"] == (dyno_value or None)
        assert row["source_name"] == (source or None)
        assert row["extra"] is None


def test_sample_inside_a_quoted_value_is_not_a_metric() -> None:
    row = only(f'{TS} app[web.1]: msg="see sample#a=1 here"', "app_events")
    assert row["message"] == 'msg="see sample#a=1 here"'


# ------------------------------------------------------------------------------ app and rejected


def test_app_lines() -> None:
    assert only(f"{TS} app[worker.3]: Job done in 3ms", "app_events") == {
        "source": "app",
        "dyno": "worker.3",
        "process_type": "worker",
        "message": "Job done in 3ms",
    }
    assert only(f"{TS} app[heroku-postgres]: [DATABASE] checkpoint complete", "app_events")[
        "process_type"
    ] == ("heroku-postgres")
    assert only(f"{TS} app[scheduler.1943]: ran", "app_events")["process_type"] == "scheduler"


def test_rejected_lines_keep_reason_and_raw_line() -> None:
    out = parse("<html>oops</html>", f"{TS} app[web.1]: fine", app=None)
    assert out["rejected_lines"] == [
        {
            "app": "",
            "event_date": WHEN.date(),  # the next readable line's day: nothing before it
            "line_number": 1,
            "event_ts": None,
            "reason": REASON_UNRECOGNISED,
            "raw_line": "<html>oops</html>",
        }
    ]
    assert out["app_events"][0]["app"] == ""


# ------------------------------------------------------------------------------ numbering, dates


def test_event_date_of_lines_without_timestamp() -> None:
    lines = ["junk 1", f"{TS} app[web.1]: a", "junk 2", "2024-04-27T00:00:01Z app[web.1]: b", "junk 3"]
    rows = parse(*lines)["rejected_lines"]
    assert [r["event_date"] for r in rows] == [
        dt.date(2024, 4, 26),
        dt.date(2024, 4, 26),
        dt.date(2024, 4, 27),
    ]
    rows = parse(*lines, default_date=dt.date(2020, 1, 1))["rejected_lines"]
    assert [r["event_date"] for r in rows] == [dt.date(2020, 1, 1)] * 3
    rows = parse("junk only")["rejected_lines"]
    assert rows[0]["event_date"] == dt.date(1970, 1, 1)
    # across batches the previous good line of the earlier batch is used
    rows = parse(*lines, batch_rows=2)["rejected_lines"]
    assert [r["event_date"] for r in rows] == [
        dt.date(2024, 4, 26),
        dt.date(2024, 4, 26),
        dt.date(2024, 4, 27),
    ]


def test_event_date_is_the_utc_day() -> None:
    row = parse("2024-04-26T23:30:00-07:00 app[web.1]: late")["app_events"][0]
    assert row["event_ts"] == dt.datetime(2024, 4, 27, 6, 30, tzinfo=UTC)
    assert row["event_date"] == dt.date(2024, 4, 27)


def test_batches_are_bounded_and_numbering_continues() -> None:
    metric = f"{TS} heroku[web.1]: " + " ".join(f"sample#m{i}=1" for i in range(7))
    lines = [metric, f"{TS} app[web.1]: x", "junk"] * 5
    data = "".join(f"{x}\n" for x in lines).encode()
    numbers: dict[str, list[int]] = {}
    for name, batch in parse_lines(read_lines([data]), "a", batch_rows=4, first_line_number=100):
        assert 0 < batch.num_rows <= 4
        numbers.setdefault(name, []).extend(batch.column("line_number").to_pylist())
    assert numbers["app_events"] == [101, 104, 107, 110, 113]
    assert numbers["rejected_lines"] == [102, 105, 108, 111, 114]
    assert numbers["runtime_metrics"] == [n for n in (100, 103, 106, 109, 112) for _ in range(7)]


def test_batch_rows_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(parse_lines([], "a", batch_rows=0))


def test_loglines_from_anywhere_are_parsed_the_same() -> None:
    data = "".join(
        f"{x}\n" for x in [f"{TS} app[web.1]: x", "junk", f"{TS} heroku[router]: at=info"]
    ).encode()
    from_stream = list(parse_lines(read_lines([data]), "a"))
    from_list = list(parse_lines(list(read_lines([data])), "a"))
    assert [(n, b.to_pylist()) for n, b in from_stream] == [(n, b.to_pylist()) for n, b in from_list]


def test_loglines_built_by_hand() -> None:
    lines = [
        LogLine(None, "app", "web.1", "no clock", "raw"),
        LogLine(1, None, None, "no source", "raw"),
        LogLine(None, None, None, None, "bad", "why not"),
        LogLine(5, "heroku", "router", None, "no message"),
        LogLine(5, "heroku", "web.1", None, "no message"),
    ]
    out = {n: b.to_pylist() for n, b in parse_lines(lines, "a", default_date=dt.date(2001, 2, 3))}
    assert [r["message"] for r in out["app_events"]] == ["no clock", "no source"]
    assert out["app_events"][1]["event_ts"] == dt.datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=UTC)
    assert out["app_events"][0]["event_date"] == dt.date(2001, 2, 3)
    assert out["rejected_lines"][0]["reason"] == "why not"
    assert out["router_events"][0]["at"] is None and out["router_events"][0]["extra"] is None
    assert out["platform_events"][0]["message"] == "" and out["platform_events"][0]["event_type"] == "other"


# ---------------------------------------------------------------------------------- properties


def _tables_of(lines: list[LogLine] | Any, batch_rows: int = 7) -> dict[int, list[str]]:
    seen: dict[int, list[str]] = {}
    for name, batch in parse_lines(lines, "a", batch_rows=batch_rows):
        for n in batch.column("line_number").to_pylist():
            seen.setdefault(n, []).append(name)
    return seen


_router_value = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_characters=' "\\\t\n\r\f\v'), max_size=8),
    st.text(st.characters(codec="utf-8", exclude_characters='"\\\n'), max_size=12).map('"{}"'.format),
    st.sampled_from(["", "12ms", "0", "200", "true", "false", '""', "12", "abc", "1ms"]),
)
_router_message = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "sock",
                "at",
                "code",
                "desc",
                "method",
                "path",
                "host",
                "request_id",
                "fwd",
                "dyno",
                "connect",
                "service",
                "status",
                "bytes",
                "protocol",
                "tls",
                "tls_version",
                "queue",
                "cause",
            ]
        ),
        _router_value,
    ),
    max_size=19,
).map(lambda kv: " ".join(f"{k}={v}" for k, v in kv))
_heroku_order = st.builds(
    lambda sock, code, desc, rid, tail, values: " ".join(
        x
        for x in [
            f"sock={values[0]}" if sock else "",
            f"at={values[1]}",
            f"code={values[2]}" if code else "",
            f"desc={values[3]}" if desc else "",
            f"method={values[4]} path={values[5]} host={values[6]}",
            f"request_id={values[7]}" if rid else "",
            f"fwd={values[8]} dyno={values[9]} connect={values[10]} service={values[11]} status={values[12]}",
            f"bytes={values[13]}",
            tail,
        ]
        if x
    ),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(
        ["", "protocol=https", "protocol=http2.0 tls=true tls_version=tls1.3", "tls=false", "tls="]
    ),
    st.lists(_router_value, min_size=14, max_size=14),
)
_metrics_message = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["source", "dyno", "addon", "x", "sample#a", "sample#b-c", "sample#"]),
            _router_value,
        ),
        st.tuples(
            st.sampled_from(["sample#m", "sample#load_avg_1m"]),
            st.from_regex(
                r"\A[+-]?(\d{1,4}(\.\d{0,3})?|\.\d{1,3})([eE][+-]?\d{1,3})?(MB|kB|bytes|pages|%)?\Z"
            ),
        ),
    ),
    max_size=8,
).map(lambda kv: " ".join(f"{k}={v}" for k, v in kv))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(
                lambda m: LogLine(0, "heroku", "router", m, "r"), st.one_of(_router_message, _heroku_order)
            ),
            st.builds(lambda m: LogLine(0, "heroku", "web.1", m, "r"), _metrics_message),
            st.builds(
                lambda d, m: LogLine(0, "app", d, m, "r"), st.sampled_from(["web.1", "api", None]), st.text()
            ),
            st.builds(lambda m: LogLine(None, None, None, None, m, "bad"), st.text()),
        ),
        max_size=25,
    )
)
def test_fast_paths_agree_with_the_per_line_reference(lines: list[LogLine]) -> None:
    fast = [(n, b.to_pylist()) for n, b in parse_lines(lines, "a", batch_rows=9)]
    slow = [(n, b.to_pylist()) for n, b in parse_lines(lines, "a", batch_rows=9, fast=False)]
    assert fast == slow


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["auto", "text", "logplex"]))
def test_every_input_line_lands_in_exactly_one_table(data: bytes, fmt: str) -> None:
    lines = list(read_lines([data], fmt))  # type: ignore[arg-type]
    seen = _tables_of(read_lines([data], fmt))  # type: ignore[arg-type]
    assert len(seen) == len(lines)
    if fmt == "text":
        assert sorted(seen) == _text_line_numbers(data)
    elif fmt == "logplex":
        assert sorted(seen) == list(range(1, len(lines) + 1))  # frames: no blank lines to count
    for n, names in seen.items():
        assert len(set(names)) == 1, (n, names)
        assert len(names) == 1 or names[0] == "runtime_metrics"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds("{} heroku[router]: {}".format, st.just(TS), st.one_of(_router_message, _heroku_order)),
            st.builds("{} heroku[web.1]: {}".format, st.just(TS), _metrics_message),
            st.builds(
                "{} app[{}]: {}".format,
                st.just(TS),
                st.sampled_from(["web.1", "api", "log-shuttle"]),
                st.text(),
            ),
            st.text(),
        ),
        max_size=25,
    )
)
def test_every_text_line_lands_in_exactly_one_table(lines: list[str]) -> None:
    data = "".join(x.replace("\n", " ").replace("\r", " ") + "\n" for x in lines).encode()
    read = list(read_lines([data], "text"))
    seen = _tables_of(read_lines([data], "text"), batch_rows=5)
    assert len(seen) == len(read)
    assert sorted(seen) == _text_line_numbers(data)
    for names in seen.values():
        assert len(names) == 1 or set(names) == {"runtime_metrics"}


def _text_line_numbers(data: bytes) -> list[int]:
    """The numbers an editor shows for the lines that are not blank (the last newline ends a line)."""
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    return [i for i, line in enumerate(lines, 1) if line.strip(b" \t\r\n\x0b\x0c")]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from([f"{TS} app[web.1]: hello", "junk", "", " ", "\t\r", f"{TS} heroku[web.1]: Idling"])
    ),
    st.integers(1, 7),
)
def test_blank_lines_are_counted_in_line_numbers(lines: list[str], batch_rows: int) -> None:
    data = "".join(f"{x}\n" for x in lines).encode()
    rows = [r for _, b in parse_lines(read_lines([data]), "a", batch_rows=batch_rows) for r in b.to_pylist()]
    want = [i for i, x in enumerate(lines, 1) if x.strip()]
    assert sorted(r["line_number"] for r in rows) == want
    assert all(r.get("raw_line", "x").strip() for r in rows)  # a blank line gives no row


def test_empty_input_gives_nothing() -> None:
    assert list(parse_lines(read_lines([b""]), "a")) == []
    assert list(parse_lines([], "a")) == []


def test_schema_of_every_batch_is_the_declared_one() -> None:
    out = parse(
        f"{TS} heroku[router]: at=info",
        f"{TS} app[web.1]: x",
        f"{TS} heroku[web.1]: Idling",
        f"{TS} heroku[web.1]: sample#a=1",
        "junk",
    )
    assert sorted(out) == sorted(t.name for t in tables.EVENT_TABLES)
    assert pa.Table.from_pylist(out["router_events"], tables.ROUTER_EVENTS.arrow_schema).num_rows == 1
