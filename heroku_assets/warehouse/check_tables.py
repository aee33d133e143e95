"""The check's steps on the real tables: what a probe table cannot prove.

In the check's scratch schema: every declared table created with its real options, a day load of
``router_events`` for two apps from two folders in one COPY and one replace, the real entity upsert of
``heroku_error_codes`` (twice), the real analytics views over them; and on the loader's own schemas the
rights a load uses, with statements that change nothing (tables created and dropped again, a DELETE and an
INSERT of no rows rolled back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import HEROKU_ERROR_CODES, ROUTER_EVENTS, Column, Table, all_tables
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_probe import DAY, PROBE_PREFIX, CheckNames, stage_table
from heroku_assets.warehouse.load_runner import execute, fetch, run_entity_load, run_partition_load

APPS = ("synapse-check-a", "synapse-check-b")
VIEW_NAMES = ("daily_request_stats", "errors_by_code")
UTC = dt.UTC
# The one-column table the rights probe creates and drops in each of the loader's schemas.
RIGHTS_TABLE = Table("rights", (Column("x", "int32"),), kind="entity", primary_key=("x",))

# (names, store, table, {app: keys}) -> the day load; (names, store, table, keys) -> the upsert
DayPlan = Callable[[CheckNames, ObjectStore, Table, dict[str, list[str]]], sql.PartitionLoad]
EntityPlan = Callable[[CheckNames, ObjectStore, Table, list[str]], sql.EntityLoad]


def declared_tables() -> list[Table]:
    return list(all_tables().values())


def router_rows(app: str) -> list[dict[str, object]]:
    """A request and a router error (H12, which heroku_error_codes explains)."""
    ts = dt.datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
    base = {"app": app, "event_date": DAY, "event_ts": ts, "method": "GET", "path": "/", "dyno": "web.1"}
    return [
        {**base, "line_number": 1, "at": "info", "status": 200, "service_ms": 12, "bytes": 100},
        {**base, "line_number": 2, "at": "error", "code": "H12", "status": 503, "service_ms": 30000},
    ]


def staged_key(names: CheckNames, table: Table, app: str | None = None) -> str:
    folder = f"{PROBE_PREFIX}/{names.run_id}/{table.name}/" + (f"app={app}/" if app else "")
    return folder + "part-00000.parquet"


def rights_name(names: CheckNames, schema: str) -> sql.TableName:
    return sql.TableName(schema, f"heroku_assets_check_{names.run_id}")


# -- statements -----------------------------------------------------------------------------------------


def real_table_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    """Every declared table, with its real options, in the scratch schema."""
    return sql.ensure_statements(
        declared_tables(), schema=names.schema, staging_schema=names.schema, dialect=dialect
    )[1:]


def view_count_query(names: CheckNames, view: str, dialect: sql.Dialect, where: str = "") -> sql.Query:
    target = sql.TableName(names.schema, view)
    return sql.Query(
        sql.Statement(
            f"SELECT {dialect.count} AS {dialect.quote('rows')}\nFROM {target.sql(dialect)}{where}",
            kind="query",
        ),
        ("rows",),
    )


def explained_errors_query(names: CheckNames, dialect: sql.Dialect) -> sql.Query:
    return view_count_query(
        names, "errors_by_code", dialect, f"\nWHERE {dialect.quote('meaning')} IS NOT NULL"
    )


def exists_query(target: sql.TableName) -> sql.Query:
    return sql.Query(
        sql.Statement(
            f"SELECT CASE WHEN OBJECT_ID({target.literal()}, N'U') IS NULL THEN 0 ELSE 1 END AS [present]",
            kind="query",
        ),
        ("present",),
    )


def write_probe(target: sql.TableName, table: Table, dialect: sql.Dialect) -> list[sql.Statement]:
    """A DELETE and an INSERT of no rows on a real table, in a transaction rolled back: the rights a
    replace uses, and nothing changed (a rolled-back transaction commits nothing to conflict with)."""
    cols = ", ".join(dialect.quote(c) for c in table.column_names)
    name = target.sql(dialect)
    return [
        sql.Statement(dialect.begin, kind="transaction"),
        sql.Statement(f"DELETE FROM {name}\nWHERE 1 = 0"),
        sql.Statement(f"INSERT INTO {name} ({cols})\nSELECT {cols}\nFROM {name}\nWHERE 1 = 0"),
        sql.Statement(dialect.rollback, kind="transaction"),
    ]


def rights_statements(names: CheckNames, schemas: Sequence[str], dialect: sql.Dialect) -> list[sql.Statement]:
    """CREATE TABLE and DROP TABLE in each of the loader's schemas (what the staging tables and
    ensure_tables need)."""
    out = []
    for schema in dict.fromkeys(schemas):
        name = rights_name(names, schema)
        out += [sql.create_staging_table(RIGHTS_TABLE, name, dialect), sql.drop_table(name, dialect)]
    return out


def cleanup_statements(
    names: CheckNames, dialect: sql.Dialect, schemas: Sequence[str]
) -> list[sql.Statement]:
    """The real views and tables of the scratch schema, and the rights probe's tables (each guarded)."""
    views = [sql.drop_view(sql.TableName(names.schema, v)) for v in VIEW_NAMES]
    tables = [sql.drop_table(sql.TableName(names.schema, t.name), dialect) for t in declared_tables()]
    rights = [sql.drop_table(rights_name(names, s), dialect) for s in dict.fromkeys(schemas)]
    return views + tables + rights


def all_statements(
    names: CheckNames,
    day_load: sql.PartitionLoad,
    upsert: sql.EntityLoad,
    schemas: Sequence[str],
    dialect: sql.Dialect,
) -> list[sql.Statement]:
    """Every T-SQL statement of these steps but the cleanup (for the golden files)."""
    from heroku_assets.warehouse.views import synapse_views

    target = sql.TableName(schemas[0], ROUTER_EVENTS.name)
    return [
        *real_table_statements(names, dialect),
        *day_load.statements(),
        *upsert.statements(),
        *sql.view_statements(synapse_views(names.schema), names.schema),
        view_count_query(names, "daily_request_stats", dialect).statement,
        explained_errors_query(names, dialect).statement,
        *rights_statements(names, schemas, dialect),
        exists_query(target).statement,
        *write_probe(target, ROUTER_EVENTS, dialect),
    ]


# -- steps ----------------------------------------------------------------------------------------------


def create_real_tables(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    statements = real_table_statements(names, dialect)
    for statement in statements:
        execute(cur, statement)
    return True, f"{len(statements)} tables"


def day_load(
    cur: Any, names: CheckNames, store: ObjectStore, plan: DayPlan, dialect: sql.Dialect
) -> tuple[bool, str]:
    partitions = {}
    for app in APPS:
        key = staged_key(names, ROUTER_EVENTS, app)
        stage_table(
            store, key, ROUTER_EVENTS, pa.Table.from_pylist(router_rows(app), ROUTER_EVENTS.arrow_schema)
        )
        partitions[app] = [key]
    load = plan(names, store, ROUTER_EVENTS, partitions)
    results = run_partition_load(cur, load, dialect)
    rows = {app: r.rows for app, r in results.items()}
    sources = len(load.sources) or len(APPS)
    return rows == dict.fromkeys(APPS, 2), f"{rows} from {sources} folders in one load"


def entity_upsert(
    cur: Any, names: CheckNames, store: ObjectStore, plan: EntityPlan, dialect: sql.Dialect
) -> tuple[bool, str]:
    from heroku_assets.warehouse.error_codes import error_codes_table

    codes = error_codes_table()
    key = staged_key(names, HEROKU_ERROR_CODES)
    stage_table(store, key, HEROKU_ERROR_CODES, codes)
    results = [run_entity_load(cur, plan(names, store, HEROKU_ERROR_CODES, [key]), dialect) for _ in range(2)]
    target = sql.TableName(names.schema, HEROKU_ERROR_CODES.name)
    held = fetch(cur, view_count_query(names, target.name, dialect))["rows"]
    passed = held == codes.num_rows and all(r.rows == codes.num_rows for r in results)
    return passed, f"{held} rows after two upserts of {codes.num_rows}"


def real_views(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    if dialect is sql.DUCKDB:
        from heroku_assets.warehouse.views import VIEWS

        execute(cur, sql.Statement(f"SET schema = '{names.schema}'", kind="ddl"))  # a validated name
        try:
            for text in VIEWS.values():
                execute(cur, sql.Statement(text, kind="ddl"))
        finally:
            execute(cur, sql.Statement("RESET schema", kind="ddl"))
    else:
        from heroku_assets.warehouse.views import synapse_views

        for _ in range(2):  # the second time each view exists and is only altered
            for statement in sql.view_statements(synapse_views(names.schema), names.schema):
                execute(cur, statement)
    days = fetch(cur, view_count_query(names, "daily_request_stats", dialect))["rows"]
    explained = fetch(cur, explained_errors_query(names, dialect))["rows"]
    passed = days == len(APPS) and explained == len(APPS)
    return passed, f"{days} app-days in daily_request_stats, {explained} H12 rows explained in errors_by_code"


def rights(cur: Any, names: CheckNames, schemas: Sequence[str], dialect: sql.Dialect) -> tuple[bool, str]:
    from heroku_assets.warehouse.load_runner import run_transaction

    for statement in rights_statements(names, schemas, dialect):
        execute(cur, statement)
    done = f"CREATE and DROP TABLE in {', '.join(dict.fromkeys(schemas))}"
    target = sql.TableName(schemas[0], ROUTER_EVENTS.name)
    if not fetch(cur, exists_query(target))["present"]:
        return True, f"{done}; {target.schema}.{target.name} not created yet: DELETE and INSERT untried"
    statements = write_probe(target, ROUTER_EVENTS, dialect)
    run_transaction(cur, statements[:-1], dialect.rollback)
    execute(cur, statements[-1])
    return True, f"{done}; DELETE and INSERT of no rows on {target.schema}.{target.name}, rolled back"


def cleanup(
    cur: Any, store: ObjectStore, names: CheckNames, dialect: sql.Dialect, schemas: Sequence[str]
) -> list[str]:
    """Drop what these steps created and delete what they staged; the errors, if any."""
    from heroku_assets.warehouse.load_runner import StatementError

    errors = []
    if dialect is not sql.DUCKDB:  # DuckDB drops the scratch schema with everything in it
        for statement in cleanup_statements(names, dialect, schemas):
            try:
                execute(cur, statement)
            except StatementError as exc:
                errors.append(str(exc))
    for info in list(store.list(f"{PROBE_PREFIX}/{names.run_id}/")):
        try:
            store.delete(info.key)
        except Exception as exc:  # noqa: BLE001 - reported
            errors.append(f"deleting {info.key}: {exc}")
    return errors
