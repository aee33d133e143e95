"""The load plans run for real on DuckDB: the same builders (rendered for DuckDB) and the same runner the
Synapse warehouse uses, on staged Parquet written in the staged encoding from the table declarations.

What it proves: a partition replace is idempotent and leaves other partitions alone, a day of many apps
loads in one plan and is checked per partition, timestamps come back to the microsecond, wide values are
truncated and counted (never a failed load), staged rows that break an invariant are refused before the
target is touched, a failure inside the transaction rolls back, staging tables never outlive their run
(failed or not), two runs of one partition never see each other's staged rows, and entities are upserted
by key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from heroku_assets.logs.parquet import encode_staged
from heroku_assets.tables import ALL_TABLES, Column, Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.duckdb import create_table_sql
from heroku_assets.warehouse.load_runner import (
    LoadError,
    StatementError,
    execute,
    run_entity_load,
    run_partition_load,
)

DAY = dt.date(2026, 11, 20)
UTC = dt.UTC
ROUTER = ALL_TABLES["router_events"]
APPS = ALL_TABLES["heroku_apps"]
# A table keyed by (id, time), as a history of states would be: the loader matches on the whole key.
DYNOS = Table(
    name="dyno_states",
    columns=(
        Column("id", "string", nullable=False, width=36),
        Column("snapshot_at", "timestamp", nullable=False),
        Column("app", "string", width=100),
        Column("state", "string", width=16),
    ),
    kind="snapshot",
    primary_key=("id", "snapshot_at"),
    distribution="id",
)


@pytest.fixture
def conn() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("SET TimeZone = 'America/New_York'")  # the conversion must not depend on it
    con.execute('CREATE SCHEMA "stg"')
    for table in (ROUTER, APPS, DYNOS):
        con.execute(create_table_sql(table, "main"))
    yield con
    con.close()


def _parquet(tmp_path: Path, table: Table, rows: list[dict], name: str) -> str:
    columns = {c: [r.get(c) for r in rows] for c in table.column_names}
    path = tmp_path / f"{name}.parquet"
    pq.write_table(encode_staged(pa.table(columns, schema=table.arrow_schema)), path)
    return str(path)


def _router_row(app: str, day: dt.date, n: int, **values: object) -> dict:
    ts = dt.datetime.combine(day, dt.time(0, 0), tzinfo=UTC) + dt.timedelta(seconds=n)
    row = {"app": app, "event_date": day, "line_number": n, "event_ts": ts, "method": "GET", "status": 200}
    return {**row, "path": f"/p/{n}", "tls": True, **values}


def _load(table: Table, apps: list[str], day: dt.date, paths: list[str], run_id: str | None = None):
    return sql.duckdb_partition_load(table, day, apps, paths, run_id=run_id)


def _replace(conn, app: str, day: dt.date, paths: list[str]):
    return run_partition_load(conn, _load(ROUTER, [app], day, paths), sql.DUCKDB)[app]


def _entity_load(table: Table, paths: list[str]) -> sql.EntityLoad:
    return sql.duckdb_entity_load(table, paths)


def _rows(conn: duckdb.DuckDBPyConnection, query: str, *params: object) -> list[tuple]:
    return conn.execute(query, list(params)).fetchall()


def _staging_tables(conn) -> int:
    """Staging tables are temporary: this connection's, where the runs in these tests made them."""
    return _rows(conn, "SELECT count(*) FROM duckdb_tables() WHERE temporary")[0][0]


def test_partition_replace_is_idempotent_and_scoped(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    other_day = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY - dt.timedelta(days=1), 1)], "other")
    other_app = _parquet(tmp_path, ROUTER, [_router_row("b-app", DAY, 1)], "otherapp")
    _replace(conn, "my-app", DAY - dt.timedelta(days=1), [other_day])
    _replace(conn, "b-app", DAY, [other_app])

    parts = [
        _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in range(1, 4)], "p0"),
        _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in range(4, 6)], "p1"),
    ]
    first = _replace(conn, "my-app", DAY, parts)
    assert (first.rows, first.staged_rows, first.truncated_rows) == (5, 5, 0)
    assert _replace(conn, "my-app", DAY, parts).rows == 5
    assert _rows(conn, "SELECT app, event_date, count(*) FROM router_events GROUP BY ALL ORDER BY ALL") == [
        ("b-app", DAY, 1),
        ("my-app", DAY - dt.timedelta(days=1), 1),
        ("my-app", DAY, 5),
    ]
    # A smaller re-run replaces, it does not add; an empty one empties the partition.
    _replace(conn, "my-app", DAY, parts[1:])
    query = "SELECT line_number FROM router_events WHERE app = ? AND event_date = ? ORDER BY 1"
    assert _rows(conn, query, "my-app", DAY) == [(4,), (5,)]
    emptied = _replace(conn, "my-app", DAY, [])
    assert emptied.rows == 0 and emptied.staged_rows == 0
    assert _rows(conn, "SELECT count(*) FROM router_events")[0][0] == 2
    assert _staging_tables(conn) == 0  # staging tables do not outlive their load


def test_timestamps_come_back_to_the_microsecond(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    times = [
        dt.datetime(2026, 11, 20, 23, 59, 59, 999999, tzinfo=UTC),
        dt.datetime(2026, 11, 20, 0, 0, 0, 1, tzinfo=UTC),
        dt.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),  # before the epoch: negative values
        dt.datetime(1, 1, 1, tzinfo=UTC),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        None,
    ]
    rows = [_router_row("my-app", DAY, n, event_ts=t) for n, t in enumerate(times, 1)]
    _replace(conn, "my-app", DAY, [_parquet(tmp_path, ROUTER, rows, "t")])
    conn.execute("SET TimeZone = 'UTC'")
    got = [r[0] for r in _rows(conn, "SELECT event_ts FROM router_events ORDER BY line_number")]
    assert got == times


def test_a_day_of_many_apps_is_one_load_checked_per_partition(
    conn: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    stale = _parquet(tmp_path, ROUTER, [_router_row("c-app", DAY, n) for n in (1, 2)], "stale")
    _replace(conn, "c-app", DAY, [stale])
    files = [
        _parquet(tmp_path, ROUTER, [_router_row("a-app", DAY, n) for n in (1, 2, 3)], "a"),
        _parquet(tmp_path, ROUTER, [_router_row("b-app", DAY, 1, desc="d" * 401)], "b"),
    ]
    load = _load(ROUTER, ["a-app", "b-app", "c-app"], DAY, files)
    assert sum(1 for s in load.prepare if s.kind == "copy") == 1  # one fill for every app
    results = run_partition_load(conn, load, sql.DUCKDB)
    assert {a: (r.rows, r.staged_rows, r.truncated_rows) for a, r in results.items()} == {
        "a-app": (3, 3, 0),
        "b-app": (1, 1, 1),
        "c-app": (0, 0, 0),  # nothing staged for it this time: replaced by nothing
    }
    assert dict(results["b-app"].truncated_columns) == {"desc": 1}
    # A row of an app the load does not replace is refused, and nothing changes.
    stray = _parquet(tmp_path, ROUTER, [_router_row("d-app", DAY, 1)], "stray")
    with pytest.raises(LoadError, match="1 of the 5 rows staged .* belong to another partition"):
        run_partition_load(conn, _load(ROUTER, ["a-app", "b-app"], DAY, [*files, stray]), sql.DUCKDB)
    assert _rows(conn, "SELECT app, count(*) FROM router_events GROUP BY app ORDER BY app") == [
        ("a-app", 3),
        ("b-app", 1),
    ]
    assert _staging_tables(conn) == 0  # refused loads drop their staging table too


def test_wide_values_are_truncated_and_counted(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [
        _router_row("my-app", DAY, 1, desc="d" * 401, path="/" + "x" * 5000),
        _router_row("my-app", DAY, 2, desc="é" * 400, fwd="203.0.113.9"),  # exactly the width: kept whole
        _router_row("my-app", DAY, 3, code="H12-TOO-LONG", extra='{"k": "' + "v" * 4100 + '"}'),
        _router_row("my-app", DAY, 4),
    ]
    result = _replace(conn, "my-app", DAY, [_parquet(tmp_path, ROUTER, rows, "w")])
    assert result.rows == 4  # never a failed load
    assert result.truncated_rows == 2
    assert dict(result.truncated_columns) == {"desc": 1, "path": 1, "code": 1, "extra": 1}
    assert result.metadata()["truncated_rows"] == 2
    got = {
        n: (d, p, c, e)
        for n, d, p, c, e in _rows(
            conn,
            'SELECT line_number, length("desc"), length(path), code, length(extra) FROM router_events',
        )
    }
    assert got[1][:2] == (400, 4000)
    assert got[2][0] == 400
    assert got[3][2] == "H12-TOO-" and got[3][3] == 4000
    assert got[4] == (None, len("/p/4"), None, None)


def test_rows_of_another_partition_are_refused(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    good = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in (1, 2)], "good")
    _replace(conn, "my-app", DAY, [good])
    stray = _parquet(
        tmp_path,
        ROUTER,
        [_router_row("my-app", DAY, 1), _router_row("my-app", DAY + dt.timedelta(days=1), 2)],
        "stray",
    )
    with pytest.raises(LoadError, match="1 of the 2 rows staged .* belong to another partition"):
        _replace(conn, "my-app", DAY, [stray])
    assert _rows(conn, "SELECT count(*) FROM router_events")[0][0] == 2  # untouched


def test_missing_required_values_are_refused(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    # The staging table is nullable on purpose; a NOT NULL column without a value stops the load cleanly.
    rows = [_router_row("my-app", DAY, 1), {**_router_row("my-app", DAY, 2), "line_number": None}]
    schema = pa.schema([f.with_nullable(True) for f in ROUTER.arrow_schema])
    path = tmp_path / "nulls.parquet"
    data = pa.table({c: [r.get(c) for r in rows] for c in ROUTER.column_names}, schema=schema)
    pq.write_table(encode_staged(data), path)
    with pytest.raises(LoadError, match="1 of the 2 rows .* lack a value in a NOT NULL column"):
        _replace(conn, "my-app", DAY, [str(path)])
    assert _rows(conn, "SELECT count(*) FROM router_events")[0][0] == 0
    assert _staging_tables(conn) == 0


def test_a_failure_inside_the_transaction_rolls_back(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    good = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in (1, 2, 3)], "good")
    _replace(conn, "my-app", DAY, [good])
    # A staging table without the status column passes the checks (they do not read it), then fails the
    # INSERT after the DELETE ran.
    load = _load(ROUTER, ["my-app"], DAY, [good])
    staged = load.cleanup[0].sql.split()[-1]  # DROP TABLE IF EXISTS <name>
    spoil = sql.Statement(f'ALTER TABLE {staged} DROP COLUMN "status"', kind="ddl")
    broken = sql.PartitionLoad(**{**load.__dict__, "prepare": (*load.prepare, spoil)})
    with pytest.raises(StatementError, match="INSERT INTO"):
        run_partition_load(conn, broken, sql.DUCKDB)
    assert _rows(conn, "SELECT count(*) FROM router_events WHERE app = 'my-app'")[0][0] == 3
    assert _staging_tables(conn) == 0  # dropped although the load failed


def test_two_runs_of_one_partition_never_share_staged_rows(
    conn: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """A backfill and a sensor run of one partition, interleaved step by step: each replaces the
    partition with exactly what it staged."""
    old = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in (1, 2)], "old")
    new = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in (1, 2, 3)], "new")
    first, second = _load(ROUTER, ["my-app"], DAY, [old]), _load(ROUTER, ["my-app"], DAY, [new])
    assert first.prepare[0].sql != second.prepare[0].sql  # each run has its own staging table
    for statement in first.prepare:
        execute(conn, statement)
    assert _staging_tables(conn) == 1
    # The second run stages, replaces and cleans up while the first has staged and not yet replaced.
    assert run_partition_load(conn, second, sql.DUCKDB)["my-app"].rows == 3
    result = run_partition_load(conn, first, sql.DUCKDB)["my-app"]  # prepares again: same own table
    assert (result.rows, result.staged_rows) == (2, 2)
    assert _rows(conn, "SELECT line_number FROM router_events ORDER BY 1") == [(1,), (2,)]
    assert _staging_tables(conn) == 0


def _app(id_: str, name: str, updated: int, **values: object) -> dict:
    return {"id": id_, "name": name, "updated_at": dt.datetime(2026, 11, updated, tzinfo=UTC), **values}


def test_entities_upsert_by_id(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    first = _parquet(
        tmp_path, APPS, [_app("a1", "one", 1), _app("a2", "two", 1), _app("a3", "three", 1)], "f"
    )
    result = run_entity_load(conn, _entity_load(APPS, [first]), sql.DUCKDB)
    assert (result.rows, result.staged_rows, result.duplicate_rows) == (3, 3, 0)

    long_id = "b" * 40  # wider than the id column: truncated, and matched truncated on the next upsert
    second = _parquet(
        tmp_path,
        APPS,
        [
            _app("a2", "two-old", 2),
            _app("a2", "two-new", 5),  # the same key twice: the latest updated_at wins
            _app("a4", "four", 2, owner_email="x" * 330 + "@example.com"),
            _app(long_id, "long", 2),
        ],
        "s",
    )
    result = run_entity_load(conn, _entity_load(APPS, [second]), sql.DUCKDB)
    assert (result.rows, result.staged_rows, result.duplicate_rows) == (3, 4, 1)
    assert result.truncated_rows == 2 and dict(result.truncated_columns) == {"id": 1, "owner_email": 1}
    run_entity_load(conn, _entity_load(APPS, [second]), sql.DUCKDB)  # idempotent
    assert _rows(conn, "SELECT id, name FROM heroku_apps ORDER BY id") == [
        ("a1", "one"),
        ("a2", "two-new"),
        ("a3", "three"),
        ("a4", "four"),
        ("b" * 36, "long"),
    ]
    conn.execute("SET TimeZone = 'UTC'")
    assert _rows(conn, "SELECT updated_at FROM heroku_apps WHERE id = 'a2'") == [
        (_app("", "", 5)["updated_at"],)
    ]


def test_snapshots_upsert_by_id_and_time(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    t1, t2 = (dt.datetime(2026, 11, 20, h, 0, 0, 123456, tzinfo=UTC) for h in (6, 7))
    rows = [
        {"id": "d1", "snapshot_at": t1, "app": "my-app", "state": "up"},
        {"id": "d1", "snapshot_at": t2, "app": "my-app", "state": "crashed"},
    ]
    path = _parquet(tmp_path, DYNOS, rows, "d")
    run_entity_load(conn, _entity_load(DYNOS, [path]), sql.DUCKDB)
    again = run_entity_load(conn, _entity_load(DYNOS, [path]), sql.DUCKDB)  # keys match after conversion
    assert again.rows == 2
    assert _rows(conn, "SELECT id, state FROM dyno_states ORDER BY snapshot_at") == [
        ("d1", "up"),
        ("d1", "crashed"),
    ]
