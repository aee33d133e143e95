"""The sample generator: deterministic, in the requested shares, every line shaped as its table expects."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroku_assets.sample import (
    TABLES,
    SampleConfig,
    default_apps,
    expected_rows,
    generate_day,
    generate_lines,
)
from heroku_assets.sample.generator import CHUNK_BYTES

DAY = dt.date(2026, 11, 20)
TS = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)"
HEADER = re.compile(rf"^({TS}) (app|heroku)\[([a-z0-9][a-z0-9.-]*)\]: (.*)$", re.S)
ROUTER = re.compile(rf"^{TS} heroku\[router\]: ")
APP_DYNO = re.compile(r"^(web|worker|run|scheduler|postgres)\.\d+$")
PLATFORM_SOURCES = {("heroku", "api"), ("app", "api"), ("heroku", "logplex"), ("app", "log-shuttle")}
PLATFORM_DYNO = re.compile(r"^(web|worker|run|scheduler|release)\.\d+$")
SAMPLE = re.compile(r"(?:^| )sample#([a-z0-9_-]+)=(\S*)")
SAMPLE_VALUE = re.compile(r"^-?\d+(?:\.\d+)?(?:MB|kB|bytes|pages)?$")
# what each platform event type says, as the parser will have to recognise it
PLATFORM_MESSAGES = {
    "state_change": r"State changed from [a-z]+ to [a-z]+",
    "process_start": r"Starting process with command `[^`]+`( by user \S+@\S+)?",
    "process_exit": r"Process exited with status \d+",
    "stopping": r"Stopping (all|remaining) processes with SIG(TERM|KILL)|Stopping process with SIGKILL",
    "idling": r"Idling",
    "error": r"Error [RL]\d\d\b.*",
    "release": r"Release v\d+ created by (user )?\S+@\S+",
    "deploy": r"Deploy [0-9a-f]{7,8} by (user )?\S+@\S+",
    "scale": r"Scale to web=\d+(, worker=\d+)? by \S+@\S+"
    r"|Scaled to web@\d+:\S+( worker@\d+:\S+)? by user \S+@\S+",
    "build": r"Build (started by user \S+@\S+|succeeded|failed -- check your build output: https://\S+)",
    "other": r"Cycling|Restarting|Process running mem=\d+M(B)?\(\d+\.\d%\)"
    r"|Set \S+ config vars by (user )?\S+@\S+",
}


@pytest.fixture(scope="module")
def lines():
    return list(generate_lines(3, 2, 12_000, seed=7))


def _utc_us(ts: str) -> int:
    t = dt.datetime.fromisoformat(ts)
    return int((t - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) / dt.timedelta(microseconds=1))


def test_same_seed_same_lines_other_seed_other_lines():
    a = list(generate_lines(2, 2, 3000, seed=3))
    b = list(generate_lines(2, 2, 3000, seed=3))
    c = list(generate_lines(2, 2, 3000, seed=4))
    assert a == b
    assert len(a) == len(c) == 12_000
    same = sum(x.text == y.text for x, y in zip(a, c, strict=True))
    assert same < 100  # only short identical lines (HTML garbage) can coincide


def test_a_day_alone_equals_the_same_day_in_a_longer_run():
    run = [
        line
        for line in generate_lines(["shop-web", "billing-api"], 3, 2000, seed=5)
        if line.app == "billing-api"
    ]
    alone = list(generate_day("billing-api", DAY + dt.timedelta(days=2), 2000, seed=5))
    assert run[4000:] == alone


def test_generation_streams():
    it = generate_lines(1, 1, 10**9)
    assert iter(it) is it
    first = [next(it) for _ in range(5)]  # would never return if the day were built first
    assert all(line.day == dt.date(2026, 11, 20) for line in first)


def test_lines_days_and_apps_as_requested(lines):
    assert Counter((x.app, x.day) for x in lines) == {
        (app, DAY + dt.timedelta(days=d)): 12_000 for app in default_apps(3) for d in range(2)
    }
    assert default_apps(3) == ["shop-web", "billing-api", "ops-worker"]
    assert len(set(default_apps(20))) == 20


def test_default_shares(lines):
    n = len(lines)
    got = Counter(x.table for x in lines)
    want = {
        "router_events": 0.60,
        "app_events": 0.255,
        "platform_events": 0.05,
        "runtime_metrics": 0.09,
        "rejected_lines": 0.005,
    }
    for table, share in want.items():
        sigma = (share * (1 - share) / n) ** 0.5
        assert abs(got[table] / n - share) < 5 * sigma + 0.002, (table, got[table] / n)


def test_custom_shares_and_zero_shares():
    cfg = SampleConfig(router=1, app=1, platform=1, metrics=1, garbage=0)
    got = Counter(x.table for x in generate_day("ops-worker", DAY, 20_000, config=cfg))
    assert got["rejected_lines"] == 0
    for table in ("router_events", "app_events", "platform_events", "runtime_metrics"):
        assert 0.23 < got[table] / 20_000 < 0.27, (table, got[table])
    only_router = Counter(
        x.table for x in generate_day("ops-worker", DAY, 2000, config=SampleConfig(1, 0, 0, 0, 0))
    )
    assert only_router == {"router_events": 2000}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"router": -1},
        {"router": 0, "app": 0, "platform": 0, "metrics": 0, "garbage": 0},
        {"garbage": float("nan")},
        {"router_error_share": 1.5},
    ],
)
def test_bad_config_is_refused(kwargs):
    with pytest.raises(ValueError):
        SampleConfig(**kwargs)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="app name"):
        next(generate_day("Not_An_App", DAY, 10))
    with pytest.raises(ValueError):
        next(generate_day("shop-web", DAY, -1))
    assert list(generate_day("shop-web", DAY, 0)) == []


def test_every_line_is_one_utf8_line(lines):
    for x in lines:
        assert x.text and x.text.splitlines() == [x.text], x
        x.encode()
        assert x.table in TABLES


def test_timestamps_are_exact_ordered_and_span_the_day(lines):
    for (_app, day), group in _partitions(lines).items():
        stamped = [x for x in group if x.ts_us is not None]
        start = _utc_us(f"{day.isoformat()}T00:00:00+00:00")
        for x in stamped:
            ts = HEADER.match(x.text).group(1)
            assert _utc_us(ts) == x.ts_us, x.text  # the truth is the instant the text denotes
            assert start <= x.ts_us < start + 86_400_000_000
        # increasing through the day; a line written with fewer fraction digits is truncated, by < 1 s
        for a, b in zip(stamped, stamped[1:], strict=False):
            assert b.ts_us > a.ts_us - 1_000_000
        assert stamped[0].ts_us - start < 3_600_000_000
        assert start + 86_400_000_000 - stamped[-1].ts_us < 3_600_000_000
        hours = Counter((x.ts_us - start) // 3_600_000_000 for x in stamped)
        assert len(hours) == 24


def test_odd_timestamps_appear(lines):
    stamps = [HEADER.match(x.text).group(1) for x in lines if x.ts_us is not None]
    digits = Counter(len(re.search(r"T\d\d:\d\d:\d\d(?:\.(\d+))?", s).group(1) or "") for s in stamps)
    assert set(digits) == {0, 1, 2, 3, 4, 5, 6}
    offsets = Counter(re.search(r"(Z|[+-]\d\d:\d\d)$", s).group(1) for s in stamps)
    assert {"-07:00", "+05:30", "Z", "+00:00"} <= set(offsets)
    # an offset can move the written date off the UTC day; the truth keeps the UTC day
    shifted = [x for x in lines if x.ts_us is not None and not x.text.startswith(x.day.isoformat())]
    assert all(
        dt.datetime.fromisoformat(x.text.split(" ")[0]).astimezone(dt.UTC).date() == x.day for x in shifted
    )


def test_router_lines(lines):
    router = [x for x in lines if x.table == "router_events"]
    assert all(ROUTER.match(x.text) for x in router)
    assert all(x.kind in ("router", "router_error") for x in router)
    assert not any(ROUTER.match(x.text) for x in lines if x.table != "router_events")
    texts = [x.text for x in router]
    errors = [x for x in router if x.code]
    assert 0.02 < len(errors) / len(router) < 0.045
    for x in errors:
        assert f" code={x.code} " in x.text and re.search(r"\bat=(error|warning|info) ", x.text)
        if x.code in ("H27", "H28"):
            assert re.search(r" status=(499)? ", x.text)
    for x in router:
        if not x.code:
            assert "at=info " in x.text and " code=" not in x.text
    assert {x.code for x in errors} >= {"H10", "H12", "H13", "H14", "H15", "H18", "H27", "H28", "H80"}

    def some(pattern: str, at_least: int = 1) -> None:
        n = sum(bool(re.search(pattern, t)) for t in texts)
        assert n >= at_least, pattern

    some(r"heroku\[router\]: sock=(client|backend) at=")  # sock first
    some(r" protocol=http2\.0 tls=true tls_version=tls1\.[23]$")  # Router 2.0
    some(r" protocol=http1\.1 ")
    some(r" protocol=https( |$)")
    some(r" protocol=http( |$)")
    some(r' fwd="[0-9.]+, [0-9a-f.:]+')  # quoted list with a space after the comma
    some(r" fwd=[0-9.]+,[0-9a-f.:]+ ")  # bare list
    some(r' fwd="?[0-9a-f]{4}:[0-9a-f:]+')  # IPv6
    some(r" queue=\d+ wait=\d+ms ")  # old lines
    some(r' agent="[^"]+ [^"]+"')
    some(r" connect= service= ")
    some(r" connect=\d+ service=\d+ ")  # unitless
    some(r" status= ")
    some(r" bytes=( |$)")
    some(r" fwd=\S+ request_id=")  # keys in another order
    some(r' path="/[^"]{2000,}"')  # very long paths
    some(r' path="/[^"]*\?[^"]*"', 100)  # query strings
    some(r" method=(POST|PUT|PATCH|DELETE|HEAD) ", 100)
    ids = [m.group(1) for t in texts if (m := re.search(r" request_id=([0-9a-f-]{36}) ", t))]
    assert len(ids) > 0.9 * len(texts) and len(set(ids)) == len(ids)


def test_app_lines(lines):
    app = [x for x in lines if x.table == "app_events"]
    for x in app:
        m = HEADER.match(x.text)
        assert m and m.group(2) == "app" and APP_DYNO.match(m.group(3)), x.text
        assert "sample#" not in x.text
    dyno_types = Counter(HEADER.match(x.text).group(3).split(".")[0] for x in app)
    assert set(dyno_types) == {"web", "worker", "run", "scheduler", "postgres"}
    messages = [HEADER.match(x.text).group(4) for x in app]
    assert any(
        m.startswith("{") and json.loads(m) for m in messages if m.endswith("}") and len(m) < CHUNK_BYTES
    )
    assert any(not m.isascii() for m in messages)
    assert any(re.match(r"\s+(at |from |File )|Traceback|\S+\.rb:\d+:in ", m) for m in messages)


def test_long_lines_arrive_in_10000_byte_chunks():
    cfg = SampleConfig(router=0, app=1, platform=0, metrics=0, garbage=0, long_line_share=0.05)
    day = list(generate_day("shop-web", DAY, 3000, config=cfg))
    chunks = [x for x in day if x.kind == "app_chunk"]
    assert len(chunks) > 20
    # reassemble: a message is a run of chunks of exactly CHUNK_BYTES bytes and one shorter last chunk
    messages, current = [], []
    for x in day:
        if x.kind != "app_chunk":
            assert not current
            continue
        body = HEADER.match(x.text).group(4)
        current.append((x, body))
        if len(body.encode()) < CHUNK_BYTES:
            messages.append(current)
            current = []
    assert not current and messages
    for parts in messages:
        assert len(parts) >= 2
        assert all(len(body.encode()) == CHUNK_BYTES for _, body in parts[:-1])
        assert len({x.ts_us for x, _ in parts}) == 1  # the chunks of one message share its timestamp
        assert json.loads("".join(body for _, body in parts))["event"] == "cart.snapshot"


def test_platform_lines(lines):
    platform = [x for x in lines if x.table == "platform_events"]
    seen = Counter()
    for x in platform:
        m = HEADER.match(x.text)
        assert m, x.text
        source, dyno, message = m.group(2), m.group(3), m.group(4)
        assert (source, dyno) in PLATFORM_SOURCES or (source == "heroku" and PLATFORM_DYNO.match(dyno)), (
            x.text
        )
        assert re.fullmatch(PLATFORM_MESSAGES[x.event_type], message), (x.event_type, message)
        if x.event_type == "error":
            assert message.startswith(f"Error {x.code}")
        else:
            assert x.code is None
        seen[x.event_type] += 1
        seen[(source, dyno)] += 1
    assert set(PLATFORM_MESSAGES) <= set(seen)
    assert {("heroku", "api"), ("app", "api"), ("heroku", "logplex"), ("app", "log-shuttle")} <= set(seen)
    codes = {x.code for x in platform if x.code}
    assert {"R14", "R15", "R10", "L10"} <= codes
    l10 = [x for x in platform if x.code == "L10"]
    assert all(re.search(rf"dropped since {TS}\.?$", x.text) for x in l10)


def test_metrics_lines(lines):
    metrics = [x for x in lines if x.table == "runtime_metrics"]
    assert {x.kind for x in metrics} == {"runtime_metrics", "addon_metrics"}
    units = Counter()
    for x in metrics:
        m = HEADER.match(x.text)
        source, dyno, message = m.group(2), m.group(3), m.group(4)
        samples = SAMPLE.findall(message)
        assert len(samples) == x.samples >= 1
        assert message.count("sample#") == x.samples
        for _, value in samples:
            assert SAMPLE_VALUE.match(value), value
            units[re.sub(r"[-\d.]", "", value)] += 1
        if x.kind == "runtime_metrics":
            assert source == "heroku" and re.match(
                rf"^source={dyno} dyno=heroku\.\d+\.[0-9a-f-]{{36}} ", message
            )
        else:
            assert source == "app" and dyno in ("heroku-postgres", "heroku-redis")
            assert re.match(r"^source=[A-Z_]+ addon=(postgresql|redis)-[a-z]+-\d+ sample#", message)
    assert set(units) == {"MB", "kB", "bytes", "pages", ""}
    assert not any("sample#" in x.text for x in lines if x.table != "runtime_metrics")


def test_garbage_is_not_a_log_line(lines):
    garbage = [x for x in lines if x.table == "rejected_lines"]
    assert {x.kind for x in garbage} >= {
        "garbage_binary",
        "garbage_truncated",
        "garbage_empty_source",
        "garbage_html",
        "garbage_bad_timestamp",
    }
    for x in garbage:
        assert x.ts_us is None and x.samples == 0
        m = HEADER.match(x.text)
        if m:  # looks like one, but its timestamp is no date
            with pytest.raises(ValueError):
                dt.datetime.fromisoformat(m.group(1))
    for x in lines:
        if x.table != "rejected_lines":
            assert HEADER.match(x.text), x.text


def test_expected_rows_counts_samples(lines):
    rows = expected_rows(lines)
    tables = Counter(x.table for x in lines)
    assert set(rows) == set(TABLES)
    assert rows["runtime_metrics"] == sum(x.samples for x in lines) > tables["runtime_metrics"]
    for t in ("router_events", "app_events", "platform_events", "rejected_lines"):
        assert rows[t] == tables[t]


def _partitions(lines):
    out: dict = {}
    for x in lines:
        out.setdefault((x.app, x.day), []).append(x)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**40),
    n=st.integers(1, 400),
    shares=st.tuples(*[st.floats(0, 1)] * 5).filter(lambda s: sum(s) > 0.01),
    odd=st.floats(0, 1),
    day=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
)
def test_any_config_gives_exactly_the_lines_asked_all_well_formed(seed, n, shares, odd, day):
    cfg = SampleConfig(*shares, odd_timestamp_share=odd, long_line_share=0.3)
    lines = list(generate_day("notify-hub", day, n, seed=seed, config=cfg))
    assert len(lines) == n
    start = _utc_us(f"{day.isoformat()}T00:00:00+00:00")
    for x in lines:
        assert x.app == "notify-hub" and x.day == day and x.table in TABLES
        assert x.text.splitlines() == [x.text]
        m = HEADER.match(x.text)
        if x.table == "rejected_lines":
            assert x.ts_us is None
            if m:
                with pytest.raises(ValueError):
                    dt.datetime.fromisoformat(m.group(1))
            continue
        assert m and _utc_us(m.group(1)) == x.ts_us and start <= x.ts_us < start + 86_400_000_000
        assert (x.table == "runtime_metrics") == ("sample#" in x.text)
        assert (x.table == "router_events") == (m.group(3) == "router")
    for table, share in zip(TABLES, shares, strict=True):
        if share == 0:
            assert not any(x.table == table for x in lines)
