"""The Synapse load logic run for real on DuckDB: the same statement builders (rendered for DuckDB) and the
same runner the Synapse warehouse uses, on staged Parquet written from the table declarations.

What it proves: a partition replace is idempotent and leaves other partitions alone, wide values are
truncated and counted (never a failed load), staged rows that break an invariant are refused before the
target is touched, a failure inside the transaction rolls back, and entities are upserted by key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from heroku_assets.tables import ALL_TABLES, Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.duckdb import create_table_sql
from heroku_assets.warehouse.synapse_loader import (
    LoadError,
    StatementError,
    run_entity_load,
    run_partition_load,
)

DAY = dt.date(2026, 11, 20)
UTC = dt.UTC
ROUTER = ALL_TABLES["router_events"]
APPS = ALL_TABLES["heroku_apps"]
DYNOS = ALL_TABLES["heroku_dynos"]


@pytest.fixture
def conn() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute('CREATE SCHEMA "stg"')
    for table in (ROUTER, APPS, DYNOS):
        con.execute(create_table_sql(table, "main"))
    yield con
    con.close()


def _parquet(tmp_path: Path, table: Table, rows: list[dict], name: str) -> str:
    columns = {c: [r.get(c) for r in rows] for c in table.column_names}
    path = tmp_path / f"{name}.parquet"
    pq.write_table(pa.table(columns, schema=table.arrow_schema), path)
    return str(path)


def _router_row(app: str, day: dt.date, n: int, **values: object) -> dict:
    ts = dt.datetime.combine(day, dt.time(0, 0), tzinfo=UTC) + dt.timedelta(seconds=n)
    row = {"app": app, "event_date": day, "line_number": n, "event_ts": ts, "method": "GET", "status": 200}
    return {**row, "path": f"/p/{n}", "tls": True, **values}


def _partition_load(table: Table, app: str, day: dt.date, paths: list[str]) -> sql.PartitionLoad:
    """The DuckDB counterpart of the Synapse prepare step (read_parquet for COPY INTO), then the very same
    check, transaction and count statements."""
    staged = sql.staging_name("stg", table, app, day)
    source = f"read_parquet({paths!r})" if paths else None
    fill = (
        f"CREATE OR REPLACE TABLE {staged.sql(sql.DUCKDB)} AS SELECT * FROM {source}"
        if source
        else f"CREATE OR REPLACE TABLE {staged.sql(sql.DUCKDB)} AS SELECT * FROM main.{table.name} LIMIT 0"
    )
    return sql.partition_load(
        table,
        sql.TableName("main", table.name),
        staged,
        app,
        day,
        prepare=[sql.Statement(fill, kind="ddl")],
        cleanup=[sql.Statement(f"DROP TABLE {staged.sql(sql.DUCKDB)}", kind="ddl")],
        dialect=sql.DUCKDB,
    )


def _entity_load(table: Table, paths: list[str]) -> sql.EntityLoad:
    staged = sql.staging_name_for_keys("stg", table, paths)
    fill = f"CREATE OR REPLACE TABLE {staged.sql(sql.DUCKDB)} AS SELECT * FROM read_parquet({paths!r})"
    return sql.entity_load(
        table,
        sql.TableName("main", table.name),
        staged,
        prepare=[sql.Statement(fill, kind="ddl")],
        cleanup=[sql.Statement(f"DROP TABLE {staged.sql(sql.DUCKDB)}", kind="ddl")],
        dialect=sql.DUCKDB,
    )


def _rows(conn: duckdb.DuckDBPyConnection, query: str, *params: object) -> list[tuple]:
    return conn.execute(query, list(params)).fetchall()


def test_partition_replace_is_idempotent_and_scoped(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    other_day = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY - dt.timedelta(days=1), 1)], "other")
    other_app = _parquet(tmp_path, ROUTER, [_router_row("b-app", DAY, 1)], "otherapp")
    run_partition_load(
        conn, _partition_load(ROUTER, "my-app", DAY - dt.timedelta(days=1), [other_day]), sql.DUCKDB
    )
    run_partition_load(conn, _partition_load(ROUTER, "b-app", DAY, [other_app]), sql.DUCKDB)

    parts = [
        _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in range(1, 4)], "p0"),
        _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in range(4, 6)], "p1"),
    ]
    first = run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, parts), sql.DUCKDB)
    assert (first.rows, first.staged_rows, first.truncated_rows) == (5, 5, 0)
    again = run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, parts), sql.DUCKDB)
    assert again.rows == 5
    assert _rows(conn, "SELECT app, event_date, count(*) FROM router_events GROUP BY ALL ORDER BY ALL") == [
        ("b-app", DAY, 1),
        ("my-app", DAY - dt.timedelta(days=1), 1),
        ("my-app", DAY, 5),
    ]
    # A smaller re-run replaces, it does not add; an empty one empties the partition.
    run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, parts[1:]), sql.DUCKDB)
    query = "SELECT line_number FROM router_events WHERE app = ? AND event_date = ? ORDER BY 1"
    assert _rows(conn, query, "my-app", DAY) == [(4,), (5,)]
    emptied = run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, []), sql.DUCKDB)
    assert emptied.rows == 0 and emptied.staged_rows == 0
    assert _rows(conn, "SELECT count(*) FROM router_events")[0][0] == 2
    # Staging tables do not outlive their load.
    assert _rows(conn, "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'stg'")[0][0] == 0


def test_wide_values_are_truncated_and_counted(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [
        _router_row("my-app", DAY, 1, desc="d" * 401, path="/" + "x" * 5000),
        _router_row("my-app", DAY, 2, desc="é" * 400, fwd="203.0.113.9"),  # exactly the width: kept whole
        _router_row("my-app", DAY, 3, code="H12-TOO-LONG", extra='{"k": "' + "v" * 4100 + '"}'),
        _router_row("my-app", DAY, 4),
    ]
    result = run_partition_load(
        conn, _partition_load(ROUTER, "my-app", DAY, [_parquet(tmp_path, ROUTER, rows, "w")]), sql.DUCKDB
    )
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
    run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, [good]), sql.DUCKDB)
    stray = _parquet(
        tmp_path,
        ROUTER,
        [_router_row("my-app", DAY, 1), _router_row("my-app", DAY + dt.timedelta(days=1), 2)],
        "stray",
    )
    with pytest.raises(LoadError, match="1 of the 2 rows staged .* belong to another partition"):
        run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, [stray]), sql.DUCKDB)
    assert _rows(conn, "SELECT count(*) FROM router_events")[0][0] == 2  # untouched


def test_missing_required_values_are_refused(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    # The staging table is nullable on purpose; a NOT NULL column without a value stops the load cleanly.
    rows = [_router_row("my-app", DAY, 1), {**_router_row("my-app", DAY, 2), "line_number": None}]
    schema = pa.schema([f.with_nullable(True) for f in ROUTER.arrow_schema])
    path = tmp_path / "nulls.parquet"
    pq.write_table(pa.table({c: [r.get(c) for r in rows] for c in ROUTER.column_names}, schema=schema), path)
    with pytest.raises(LoadError, match="1 of the 2 rows .* lack a value in a NOT NULL column"):
        run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, [str(path)]), sql.DUCKDB)
    assert _rows(conn, "SELECT count(*) FROM router_events")[0][0] == 0


def test_a_failure_inside_the_transaction_rolls_back(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    good = _parquet(tmp_path, ROUTER, [_router_row("my-app", DAY, n) for n in (1, 2, 3)], "good")
    run_partition_load(conn, _partition_load(ROUTER, "my-app", DAY, [good]), sql.DUCKDB)
    # A staged event_ts that is not a time passes the checks, then fails the INSERT after the DELETE ran.
    load = _partition_load(ROUTER, "my-app", DAY, [good])
    staged = sql.staging_name("stg", ROUTER, "my-app", DAY).sql(sql.DUCKDB)
    bad_fill = sql.Statement(
        f"CREATE OR REPLACE TABLE {staged} AS "
        f"SELECT * REPLACE ('not a time' AS event_ts) FROM read_parquet('{good}')",
        kind="ddl",
    )
    broken = sql.PartitionLoad(**{**load.__dict__, "prepare": (bad_fill,)})
    with pytest.raises(StatementError, match="INSERT INTO"):
        run_partition_load(conn, broken, sql.DUCKDB)
    assert _rows(conn, "SELECT count(*) FROM router_events WHERE app = 'my-app'")[0][0] == 3


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


def test_snapshots_upsert_by_id_and_time(conn: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    t1, t2 = (dt.datetime(2026, 11, 20, h, tzinfo=UTC) for h in (6, 7))
    rows = [
        {"id": "d1", "snapshot_at": t1, "app": "my-app", "state": "up"},
        {"id": "d1", "snapshot_at": t2, "app": "my-app", "state": "crashed"},
    ]
    path = _parquet(tmp_path, DYNOS, rows, "d")
    run_entity_load(conn, _entity_load(DYNOS, [path]), sql.DUCKDB)
    run_entity_load(conn, _entity_load(DYNOS, [path]), sql.DUCKDB)
    assert _rows(conn, "SELECT id, state FROM heroku_dynos ORDER BY snapshot_at") == [
        ("d1", "up"),
        ("d1", "crashed"),
    ]
