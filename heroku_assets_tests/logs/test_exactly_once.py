"""Every received line reaches the warehouse exactly once: framed or not, dated on its own day or on a
neighbour's, received before or after midnight, through the raw partitions, staging and the load."""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroku_assets.capture.received import store_received
from heroku_assets.logs.changes import all_partitions
from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.logs.staging import stage_partition
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import EVENT_TABLES
from heroku_assets.warehouse.duckdb import DuckDBWarehouse

APP = "shop"
FIRST = dt.date(2026, 11, 20)  # bodies are received on this day or the next
_TOKEN = re.compile(r"id-(\d+)-")


def _counted(payload: str) -> bytes:
    data = payload.encode()
    return b"%d %s" % (len(data), data)


def _line(kind: str, n: int, ts: str) -> bytes:
    """One line of a drain body, carrying the token ``id-<n>-`` wherever it lands."""
    syslog = f"<190>1 {ts} host app web.1 - id-{n}- {kind}"
    text = f"{ts} app[web.1]: id-{n}- {kind}"
    return {
        "frame": _counted(syslog),
        "unframed syslog": b"\n" + syslog.encode() + b"\n",
        "unframed text": b"\n" + text.encode() + b"\n",
        "counted text": _counted(text),
        "garbage": b"\nid-%d- not a log line\n" % n,
        "undated frame": _counted(f"<190>1 - host app web.1 - id-{n}- {kind}"),
    }[kind]


_KINDS = ["frame", "unframed syslog", "unframed text", "counted text", "garbage", "undated frame"]
# A line's day relative to the day its body was received: the day before (a late line; as far back as
# HEROKU_ASSETS_LATE_DAYS reaches), that day, or the day after (stamped by a clock a little ahead).
_lines = st.lists(
    st.tuples(
        st.sampled_from(_KINDS),
        st.integers(-1, 1),
        st.sampled_from(["00:00:00", "00:00:00.000001", "12:00:00", "23:59:59", "23:59:59.999999"]),
    ),
    min_size=1,
    max_size=14,
)
_bodies = st.lists(st.tuples(_lines, st.integers(0, 1)), min_size=1, max_size=3)


def _run_everything(tmp: Path, bodies: list[tuple[list[tuple[str, int, str]], int]]) -> dict[int, int]:
    """Store the bodies, run every partition the raw store holds through the builder, staging and the
    DuckDB load (which refuses rows of another partition), and count each token in the warehouse."""
    raw = LocalObjectStore(tmp / "raw")
    staging = LocalObjectStore(tmp / "staging")
    n = 0
    for i, (lines, received_offset) in enumerate(bodies):
        received = FIRST + dt.timedelta(days=received_offset)
        body = b""
        for kind, day_offset, clock in lines:
            ts = f"{received + dt.timedelta(days=day_offset)}T{clock}+00:00"
            body += _line(kind, n, ts)
            n += 1
        store_received(raw, layout.drain_object(APP, received, f"frame-{i}"), body, "logplex", received)
    conn = duckdb.connect(str(tmp / "warehouse.duckdb"))
    warehouse = DuckDBWarehouse(conn)
    warehouse.ensure_tables(EVENT_TABLES)
    try:
        for day in sorted(all_partitions(raw)[APP]):
            built = build_partition(raw, APP, day, workdir=tmp)
            staged = stage_partition(raw, staging, APP, day, workdir=tmp)
            assert staged.accounting_error is None, (day, staged.accounting_error)
            assert staged.raw_lines == built.lines == built.received_lines - built.duplicates_removed
            for table in EVENT_TABLES:
                keys = [i.key for i in staging.list(layout.staged_prefix(table.name, APP, day))]
                rows = warehouse.replace_partition(table, APP, day, staging, keys).rows
                assert rows == sum(
                    int(i.metadata["rows"]) for i in staging.list(layout.staged_prefix(table.name, APP, day))
                )
        found: collections.Counter[int] = collections.Counter()
        for sql in (
            "SELECT message FROM app_events",
            "SELECT message FROM platform_events",
            "SELECT raw_line FROM rejected_lines",
        ):
            for (text,) in conn.execute(sql).fetchall():
                found.update(int(t) for t in _TOKEN.findall(text))
    finally:
        conn.close()
    return {token: found[token] for token in range(n)} | {t: c for t, c in found.items() if t >= n}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_bodies)
def test_every_line_of_every_body_lands_exactly_once(tmp_path_factory, bodies):
    counts = _run_everything(tmp_path_factory.mktemp("once"), bodies)
    assert counts == dict.fromkeys(range(len(counts)), 1)


def test_the_four_line_body_lands_whole(tmp_path):
    """A framed line of the day, an unframed syslog and an unframed text line of the day before at
    23:59:59, and another framed line of the day: every line in the warehouse, checks passing."""
    lines = [("frame", 0, "10:00:00"), ("unframed syslog", -1, "23:59:59"), ("unframed text", -1, "23:59:59")]
    counts = _run_everything(tmp_path, [([*lines, ("frame", 0, "10:00:01")], 1)])
    assert counts == {0: 1, 1: 1, 2: 1, 3: 1}
