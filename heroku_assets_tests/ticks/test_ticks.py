"""Ticks on the embedded warehouse (DuckDB, a local folder store): segments written by the real spool and
shipper, read once, appended with the ledger in one transaction; every line exactly once whatever copies
the senders made, across ticks, receivers and midnight; two ticks at once; a seal that proves a day."""

from __future__ import annotations

import collections
import datetime as dt
import threading
from pathlib import Path

import duckdb
import pytest

from heroku_assets.logs.seal import seal_problem
from heroku_assets.logs.tick import run_tick
from heroku_assets.sample import drain_bodies, expected_rows, generate_day
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import EVENT_TABLES, LEDGER_TABLES
from heroku_assets.warehouse.duckdb import DuckDBWarehouse
from heroku_assets_tests.ticks.segments import logplex, write_segment

APPS = ("alpha-app", "beta-app", "gamma-app")
TABLES = [t.name for t in EVENT_TABLES]


class Fleet:
    """A raw store, a staging store and a DuckDB warehouse under one temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.raw = LocalObjectStore(root / "raw")
        self.staging = LocalObjectStore(root / "staging")
        self.conn = duckdb.connect(str(root / "warehouse.duckdb"))
        self.warehouse = DuckDBWarehouse(self.conn)
        self.warehouse.ensure_tables([*EVENT_TABLES, *LEDGER_TABLES])
        self.ticks = 0

    def segment(self, records, receiver: str = "r1"):
        return write_segment(self.raw, self.root, records, receiver)

    def tick(self, today: dt.date | None = None, **options):
        self.ticks += 1
        today = today or dt.datetime.now(dt.UTC).date()
        return run_tick(
            self.raw,
            self.staging,
            self.warehouse,
            tick_id=f"t{self.ticks}",
            today=today,
            lookback_days=2,
            **options,
        )

    def counts(self) -> collections.Counter:
        out = collections.Counter()
        for table in TABLES:
            out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        return out

    def seal(self, app: str, day: dt.date) -> str | None:
        return seal_problem(self.warehouse.seal_figures(app, day))


def _records(app: str, day: dt.date, lines: int, seed: int, received_at: dt.datetime):
    sample = list(generate_day(app, day, lines, seed=seed))
    records = [
        logplex(app, body, received_at, headers.get("Logplex-Frame-Id"))
        for headers, body in drain_bodies(sample, seed=seed)
    ]
    return sample, records


@pytest.fixture
def fleet(tmp_path: Path) -> Fleet:
    return Fleet(tmp_path)


def test_every_line_lands_once_across_ticks_receivers_and_midnight(fleet: Fleet) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    day = now.date() - dt.timedelta(days=1)
    midnight = dt.datetime.combine(now.date(), dt.time(), dt.UTC)
    expected = collections.Counter()
    all_records = {}
    for n, app in enumerate(APPS):
        sample, records = _records(
            app, day, 1500, seed=n + 1, received_at=midnight - dt.timedelta(seconds=30)
        )
        expected += expected_rows(sample)
        all_records[app] = records
    # tick 1: two receivers, apps interleaved, a few frames retried to the other receiver
    first = [r for i in range(0, 20) for app in APPS for r in all_records[app][i : i + 1]]
    fleet.segment(first[: len(first) // 2], "r1")
    fleet.segment(first[len(first) // 2 :] + first[:5], "r2")
    one = fleet.tick()
    assert one.duplicate_lines > 0
    # tick 2: the rest, with earlier frames retried after midnight to another receiver (a later tick)
    rest = [r for app in APPS for r in all_records[app][20:]]
    retried = [logplex(r.app, r.body, midnight + dt.timedelta(seconds=3), r.frame_id) for r in first[-6:]]
    fleet.segment(rest + retried, "r3")
    two = fleet.tick()
    assert two.duplicate_lines > 0 and two.objects
    assert fleet.counts() == expected
    for app in APPS:
        assert fleet.seal(app, day) is None
    # every line of every consumed object is in the warehouse or counted as a copy's, once
    ledger = fleet.conn.execute("SELECT sum(lines), sum(duplicate_lines) FROM log_ledger").fetchone()
    assert ledger[0] == sum(
        1
        for _ in fleet.conn.execute(  # distinct lines across tables
            " UNION ALL ".join(f"SELECT DISTINCT app, event_date, line_number FROM {t}" for t in TABLES)  # noqa: S608
        ).fetchall()
    )
    # a third tick finds nothing new
    assert fleet.tick().objects == []


def test_bodies_without_a_frame_id_count_once_by_their_content(fleet: Fleet) -> None:
    now = dt.datetime.now(dt.UTC)
    sample, records = _records("alpha-app", now.date(), 200, seed=5, received_at=now)
    anonymous = [logplex(r.app, r.body, r.received_at, None) for r in records]
    fleet.segment(anonymous, "r1")
    fleet.tick()
    fleet.segment(anonymous[:3], "r2")  # the same bodies again, no id: known by their hash
    second = fleet.tick()
    assert second.lines == {} and second.duplicate_lines > 0
    assert fleet.counts() == expected_rows(sample)


def test_line_numbers_continue_across_ticks_and_a_seal_proves_the_day(fleet: Fleet) -> None:
    now = dt.datetime.now(dt.UTC)
    day = now.date()
    sample, records = _records("alpha-app", day, 600, seed=7, received_at=now)
    half = len(records) // 2
    fleet.segment(records[:half])
    fleet.tick()
    n1 = fleet.warehouse.seal_figures("alpha-app", day)["ledger_lines"]
    assert fleet.seal("alpha-app", day) is None
    fleet.segment(records[half:])  # late lines after the seal: appended, the day is sealed again
    fleet.tick()
    figures = fleet.warehouse.seal_figures("alpha-app", day)
    assert figures["ledger_lines"] > n1 and fleet.seal("alpha-app", day) is None
    assert (figures["first_line"], figures["last_line"]) == (1, figures["ledger_lines"])
    # a row appended outside a tick breaks the day's seal
    fleet.conn.execute(
        "INSERT INTO app_events (app, event_date, line_number, message) VALUES ('alpha-app', ?, ?, 'x')",
        [day, figures["ledger_lines"] + 1],
    )
    assert "ledger counts" in fleet.seal("alpha-app", day)


def test_two_ticks_at_once_load_every_object_once(fleet: Fleet) -> None:
    now = dt.datetime.now(dt.UTC)
    expected = collections.Counter()
    for n, app in enumerate(APPS):
        sample, records = _records(app, now.date(), 800, seed=20 + n, received_at=now)
        expected += expected_rows(sample)
        fleet.segment(records, f"r{n}")
    barrier = threading.Barrier(2)
    outcomes = []

    def tick(name: str) -> None:
        barrier.wait()
        outcomes.append(
            run_tick(
                fleet.raw, fleet.staging, fleet.warehouse, tick_id=name, today=now.date(), lookback_days=1
            )
        )

    threads = [threading.Thread(target=tick, args=(name,)) for name in ("ta", "tb")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 2
    assert fleet.counts() == expected
    loaded = [o for o in outcomes if o.objects]
    assert len(loaded) >= 1
    assert sum(len(o.objects) for o in loaded) == 3  # each object by exactly one of them
    assert fleet.conn.execute("SELECT count(DISTINCT object_key) FROM log_ledger").fetchone() == (3,)


def test_otlp_requests_in_a_segment_are_appended_once(fleet: Fleet) -> None:
    from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest

    from heroku_assets.received.records import Record

    now = dt.datetime.now(dt.UTC)
    request = ExportLogsServiceRequest()
    records = request.resource_logs.add().scope_logs.add().log_records
    for i in range(4):
        records.add(time_unix_nano=int(now.timestamp()) * 10**9).body.string_value = f"fir line {i}"
    body = request.SerializeToString()
    otlp = Record(
        kind="otlp", app="alpha-app", received_at=now, body=body, headers={"signal": "logs", "encoding": "pb"}
    )
    fleet.segment([otlp, otlp])  # a retry in the same segment
    fleet.tick()
    fleet.segment([otlp], "r2")  # and one in a later tick
    fleet.tick()
    messages = [
        r[0] for r in fleet.conn.execute("SELECT message FROM app_events ORDER BY line_number").fetchall()
    ]
    assert messages == [f"fir line {i}" for i in range(4)]
    assert fleet.seal("alpha-app", now.date()) is None


def test_a_tick_is_a_fixed_number_of_statements_for_any_number_of_apps(fleet: Fleet) -> None:
    now = dt.datetime.now(dt.UTC)
    apps = [f"app-{n:03d}" for n in range(40)]
    fleet.segment([logplex(app, _one_line(now, app), now, f"F{n:031d}") for n, app in enumerate(apps)])
    many = fleet.tick()
    fleet.segment([logplex("app-000", _one_line(now, "x"), now, "E" * 32)])
    few = fleet.tick()
    assert len(many.lines) == 40 and len(few.lines) == 1
    assert many.statements == few.statements


def _one_line(at: dt.datetime, text: str) -> bytes:
    frame = f"<190>1 {at.isoformat()} host app web.1 - hello {text}"
    return f"{len(frame.encode())} {frame}".encode()


def test_a_retried_frame_rebuilt_with_a_loss_report_counts_once_the_first_copy_wins(fleet: Fleet) -> None:
    """Logplex may rebuild a frame it retries (an ``Error L10`` line for what it dropped meanwhile): the
    copy loaded first stays, the later one is a duplicate in the ledger, whichever receiver had it."""
    now = dt.datetime.now(dt.UTC)
    first = _one_line(now, "first copy")
    rebuilt = first + _loss_report(now)
    fleet.segment([logplex("alpha-app", first, now, "A" * 32)], "r1")
    fleet.tick()
    fleet.segment([logplex("alpha-app", rebuilt, now + dt.timedelta(seconds=5), "A" * 32)], "r2")
    second = fleet.tick()
    assert second.lines == {} and second.duplicate_lines == 2
    assert fleet.counts()["app_events"] == 1 and fleet.counts()["platform_events"] == 0
    assert fleet.seal("alpha-app", now.date()) is None


def _loss_report(at: dt.datetime) -> bytes:
    message = "Error L10 (output buffer overflow): 3 messages dropped"
    frame = f"<172>1 {at.isoformat()} host heroku logplex - {message}"
    return f"{len(frame.encode())} {frame}".encode()
