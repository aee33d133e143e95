"""The Synapse analytics views and the duplicate request id count: their T-SQL parsed offline, and what they
compute checked against the DuckDB warehouse's own views on the same rows.

No Synapse engine runs here, so the T-SQL views are transpiled to DuckDB by sqlglot and run on a real
DuckDB holding the same rows as a second DuckDB with the DuckDB views: equal results show that the
window-function form Synapse needs (PERCENTILE_CONT only as a window function) computes what the
aggregate form computes. The golden files themselves are kept by test_synapse_sql.py.
"""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import pyarrow as pa
import pytest
import sqlglot
from sqlglot import exp

from heroku_assets.tables import HEROKU_ERROR_CODES, PLATFORM_EVENTS, ROUTER_EVENTS, Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.duckdb import DuckDBWarehouse, create_table_sql
from heroku_assets.warehouse.error_codes import error_codes_table
from heroku_assets.warehouse.load_runner import fetch
from heroku_assets.warehouse.views import VIEWS, synapse_views

DAY = dt.date(2026, 11, 20)
PARTITIONS = [("shop", DAY), ("shop", DAY + dt.timedelta(days=1)), ("blog", DAY), ("quiet", DAY)]
UTC = dt.UTC


def _router_rows(rng: random.Random) -> list[dict]:
    rows = []
    for app, day in PARTITIONS:
        for n in range(1, 151):
            ts = dt.datetime.combine(day, dt.time(12), tzinfo=UTC) + dt.timedelta(seconds=n)
            rows.append(
                {
                    "app": app,
                    "event_date": day,
                    "line_number": n,
                    "event_ts": ts,
                    "at": rng.choice(["info", "info", "info", "error", None]),
                    "code": rng.choice([None, None, None, "H12", "H10", "H99", "H00"]),
                    "request_id": f"r{rng.randrange(120)}" if rng.random() < 0.9 else None,
                    # "quiet" has no timing at all: its percentiles are null in both engines
                    "service_ms": None if app == "quiet" or rng.random() < 0.1 else rng.randrange(1, 30000),
                    "status": rng.choice([200, 200, 200, 201, 302, 404, 500, 503, None]),
                    "bytes": rng.choice([None, rng.randrange(0, 1 << 40)]),
                }
            )
    return rows


def _platform_rows(rng: random.Random) -> list[dict]:
    rows = []
    for app, day in PARTITIONS:
        for n in range(1, 41):
            code = rng.choice([None, "R14", "R10", "L10", "R99"])
            rows.append({"app": app, "event_date": day, "line_number": 1000 + n, "code": code})
    return rows


def _table(table: Table, rows: list[dict]) -> pa.Table:
    return pa.table({c: [r.get(c) for r in rows] for c in table.column_names}, schema=table.arrow_schema)


@pytest.fixture(scope="module")
def data() -> dict[str, pa.Table]:
    rng = random.Random(20261120)
    return {
        ROUTER_EVENTS.name: _table(ROUTER_EVENTS, _router_rows(rng)),
        PLATFORM_EVENTS.name: _table(PLATFORM_EVENTS, _platform_rows(rng)),
        HEROKU_ERROR_CODES.name: error_codes_table(),
    }


def _loaded(data: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(":memory:")
    conn.execute("SET TimeZone = 'UTC'")
    for table in (ROUTER_EVENTS, PLATFORM_EVENTS, HEROKU_ERROR_CODES):
        conn.execute(create_table_sql(table))
        conn.register("incoming", data[table.name])
        conn.execute(f"INSERT INTO {table.name} SELECT * FROM incoming")  # noqa: S608 - declared names
        conn.unregister("incoming")
    return conn


def _as_duckdb(tsql: str) -> str:
    """The T-SQL statement as DuckDB runs it. sqlglot writes T-SQL's float (53 bits) as DuckDB's REAL (24
    bits); it is written as DOUBLE, which is what float means in T-SQL."""
    name, query = _view_query(tsql)
    for dtype in list(query.find_all(exp.DataType)):
        if dtype.this == exp.DataType.Type.FLOAT:
            dtype.replace(exp.DataType.build("DOUBLE"))
    return f"CREATE VIEW {name} AS {query.sql('duckdb')}"


def _view_query(alter: str) -> tuple[str, exp.Expression]:
    """The view's name and its query, from the ALTER VIEW statement sqlglot parses whole."""
    tree = sqlglot.parse_one(alter, read="tsql")
    assert isinstance(tree, exp.Alter) and tree.args["kind"] == "VIEW", alter
    assert not [n for n in tree.walk() if isinstance(n, exp.Command)], "sqlglot left a part unparsed"
    (query,) = tree.args["actions"]
    return tree.this.name, query


def _rows(conn: duckdb.DuckDBPyConnection, view: str) -> tuple[list[str], list[tuple]]:
    cursor = conn.execute(f"SELECT * FROM {view} ORDER BY ALL")  # noqa: S608 - fixed view names
    return [d[0] for d in cursor.description], cursor.fetchall()


def test_the_synapse_views_compute_what_the_duckdb_views_compute(data) -> None:
    reference = _loaded(data)
    DuckDBWarehouse(reference).ensure_views()
    transpiled = _loaded(data)
    for create in synapse_views("main").values():
        transpiled.execute(_as_duckdb(create))
    for view in VIEWS:
        columns, expected = _rows(reference, view)
        got_columns, got = _rows(transpiled, view)
        assert got_columns == columns, view
        assert len(got) == len(expected) > 0, view
        for want, have in zip(expected, got, strict=True):
            # floats (rates, percentiles) to the last bits; names, days and counts exactly
            assert [pytest.approx(v, rel=1e-12) if isinstance(v, float) else v for v in want] == list(have)
    stats = {(r[0], r[1]): r for r in _rows(transpiled, "daily_request_stats")[1]}
    assert stats[("quiet", DAY)][5:8] == (None, None, None)  # no timing: no percentile
    assert all(r[3] > 0 for r in stats.values())  # errors were generated in every partition
    codes = {r[2]: (r[3], r[4]) for r in _rows(transpiled, "errors_by_code")[1]}
    assert codes["H12"] == ("router", "Request timeout (30 s)") and codes["R14"][0] == "runtime"
    assert codes["H00"] == (None, None)  # a code the reference does not know is still counted


def test_the_duplicate_count_matches_the_duckdb_warehouse(data) -> None:
    conn = _loaded(data)
    warehouse = DuckDBWarehouse(conn)
    counts = []
    for app, day in [*PARTITIONS, ("absent", DAY)]:
        query = sql.duplicate_request_ids(sql.TableName("main", "router_events"), app, day, sql.DUCKDB)
        got = fetch(conn.cursor(), query)["duplicated_request_ids"]
        assert got == warehouse.duplicate_request_ids(app, day), (app, day)
        counts.append(got)
    assert counts[0] > 0 and counts[-1] == 0
    tsql = sql.duplicate_request_ids(sql.TableName("dbo", "router_events"), "shop", DAY)
    assert tsql.statement.params == (DAY, "shop") and tsql.statement.sql.count("?") == 2
    with pytest.raises(ValueError, match="invalid Heroku app name"):
        sql.duplicate_request_ids(sql.TableName("dbo", "router_events"), "Shop'--", DAY)


def test_view_statements_create_when_missing_then_alter_each_view_alone() -> None:
    statements = sql.view_statements(synapse_views("heroku"), "heroku")
    assert len(statements) == 2 * len(VIEWS)
    for create, alter, name in zip(statements[::2], statements[1::2], VIEWS, strict=True):
        assert create.sql == (
            f"IF OBJECT_ID(N'[heroku].[{name}]', N'V') IS NULL\n"
            f"    EXEC('CREATE VIEW [heroku].[{name}] AS SELECT 1 AS [placeholder]')"
        )
        assert alter.sql.startswith(f"ALTER VIEW [heroku].[{name}] AS\n")
        assert "DROP" not in create.sql + alter.sql  # ALTER keeps the grants on the view
        assert alter.sql.count("ALTER VIEW") == 1 and ";" not in alter.sql and "GO" not in alter.sql
        assert create.params == () and alter.params == () and create.kind == alter.kind == "ddl"


@pytest.mark.parametrize("name", list(VIEWS))
def test_the_view_text_parses_and_reads_only_its_schema(name: str) -> None:
    view, tree = _view_query(synapse_views("heroku")[name])
    assert view == name
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)}
    tables = {(t.db, t.name) for t in tree.find_all(exp.Table) if t.name not in ctes}
    assert tables <= {
        ("heroku", "router_events"),
        ("heroku", "platform_events"),
        ("heroku", "heroku_error_codes"),
    }
    for percentile in tree.find_all(exp.PercentileCont):
        window = percentile.find_ancestor(exp.Window)
        assert window is not None, "PERCENTILE_CONT is only a window function on dedicated pools"
        assert [p.name for p in window.args["partition_by"]] == ["app", "event_date"]
        assert not window.args.get("order")
    for bad in ["dbo]; DROP TABLE x; --", "a b", ""]:
        with pytest.raises(ValueError, match="invalid SQL identifier"):
            synapse_views(bad)
