"""``heroku-assets warehouse check``: prove the load on the user's own Synapse pool or Fabric Warehouse
and storage.

In a scratch schema it creates and removes again, with the configured COPY credential: COPY INTO a file
holding every staged type (microsecond timestamps before and after 1970, dates, booleans, 64-bit integers,
floats, strings outside the BMP and at their declared widths, '' beside NULL, a value over 4,000
characters and one near the pool's 1 MB row limit, cut when staged), a round-trip comparison of every
value, a partition replace run twice, a replace rolled back midway, a view created and altered, masks
applied twice when masking is on, statistics created and refreshed (Synapse); then, as a separate step
whose failure does not fail the check, the extreme dates 0001-01-01 and 9999-12-31, which real data never
holds. It reads the pool's isolation setting and the permissions the loader needs (Synapse), or the
warehouse's collation (Fabric). Every statement comes from the builders the loader uses, rendered by the
target's dialect (golden files in the tests); the same steps run on DuckDB in the tests, where the
T-SQL-only ones are marked not applicable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import math
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_probe import (  # noqa: F401 - the check's names, used here and by callers
    APP,
    DAY,
    EXTREMES_APP,
    LONG,
    NEAR_1MB,
    PROBE,
    PROBE_PREFIX,
    CheckNames,
)
from heroku_assets.warehouse.load_runner import (
    StatementError,
    execute,
    fetch,
    fetch_rows,
    run_partition_load,
    run_transaction,
)

log = logging.getLogger(__name__)

UTC = dt.UTC


def probe_rows() -> list[dict[str, object]]:
    """The probe's rows; row 4's word is one character too wide and rows 1 and 2 have a long value
    (loaded truncated, counted); row 5's word is '' where row 3's is NULL."""
    base = {"app": APP, "event_date": DAY}
    return [
        {
            **base,
            "line_number": 1,
            "event_ts": dt.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
            "word": "w" * 16,
            "astral": "\U0001f600\U0001f680é😀",  # 3 astral + 1 BMP = 7 UTF-16 units
            "doc": '{"k": "v", "n": [1, 2]}',
            "flag": True,
            "small": -(2**31),
            "big": 2**63 - 1,
            "ratio": 0.1,
            "day": dt.date(1970, 1, 1),
            "email": "someone@example.com",
            "long": "L" * LONG,
        },
        {
            **base,
            "line_number": 2,
            "event_ts": dt.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "word": "Ünïcødé",
            "astral": "\U0001f600" * 4,  # exactly 8 UTF-16 units
            "doc": "[]",
            "flag": False,
            "small": 2**31 - 1,
            "big": -(2**63),
            "ratio": -1.7976931348623157e308,
            "day": dt.date(1969, 12, 31),
            "email": None,
            "long": "é" * NEAR_1MB,
        },
        {**base, "line_number": 3, **{c.name: None for c in PROBE.columns if c.nullable}},
        {
            **base,
            "line_number": 4,
            "event_ts": dt.datetime(2100, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "word": "x" * 17,
            "ratio": 2.2250738585072014e-308,  # the smallest normal double, float's documented limit
        },
        {**base, "line_number": 5, "word": "", "doc": ""},  # '' is not NULL
    ]


def extreme_rows() -> list[dict[str, object]]:
    """The first and last days and instants datetime2 holds, in a partition of their own: real data never
    holds them, and a pool's Parquet reader may shift dates before 1582 (Julian calendar)."""
    base = {"app": EXTREMES_APP, "event_date": DAY}
    return [
        {**base, "line_number": 1, "event_ts": dt.datetime(1, 1, 1, tzinfo=UTC), "day": dt.date(1, 1, 1)},
        {
            **base,
            "line_number": 2,
            "event_ts": dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "day": dt.date(9999, 12, 31),
        },
    ]


def _fitted(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    out = []
    for row in rows:
        row = {c.name: row.get(c.name) for c in PROBE.columns}
        for c in PROBE.columns:
            if c.string_width and isinstance(row[c.name], str):
                row[c.name] = row[c.name][: c.string_width]
        out.append(row)
    return out


def expected_rows() -> list[dict[str, object]]:
    """What the target must hold: the probe's rows with strings cut to their widths."""
    return _fitted(probe_rows())


# What the probe load reports as truncated: the word one character too wide, both long values.
EXPECTED_TRUNCATED = {"word": 1, "long": 2}


def _same(want: object, got: object) -> bool:
    if isinstance(want, dt.datetime):
        # pyodbc returns datetime2 naive (it holds UTC); DuckDB returns an aware time.
        got_utc = got.astimezone(UTC) if isinstance(got, dt.datetime) and got.tzinfo else got
        return isinstance(got_utc, dt.datetime) and got_utc.replace(tzinfo=None) == want.replace(tzinfo=None)
    if isinstance(want, float):
        return isinstance(got, float) and (got == want or (math.isnan(got) and math.isnan(want)))
    if isinstance(want, bool):
        return got is not None and bool(got) == want
    return got == want


# -- the statements -------------------------------------------------------------------------------------


def permissions_query(schemas: Sequence[str], *, masked: bool) -> sql.Query:
    """The permissions the loader needs on Synapse, each 1 (held), 0 (not held) or NULL (a schema
    missing, or the permission could not be evaluated): COPY
    (ADMINISTER DATABASE BULK OPERATIONS and INSERT), CREATE TABLE and ALTER on its schemas (staging
    tables, ensure_tables, UPDATE STATISTICS), SELECT/INSERT/DELETE on them (checks and replaces),
    CREATE VIEW, and ALTER ANY MASK when masking is on."""
    items: list[tuple[str, str, tuple]] = [
        (
            "administer_database_bulk_operations",
            "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)",
            ("DATABASE", "ADMINISTER DATABASE BULK OPERATIONS"),
        ),
        ("create_table", "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)", ("DATABASE", "CREATE TABLE")),
        ("create_view", "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)", ("DATABASE", "CREATE VIEW")),
    ]
    if masked:
        items.append(("alter_any_mask", "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)", ("DATABASE", "ALTER ANY MASK")))
    for schema in dict.fromkeys(schemas):
        for permission in ("ALTER", "SELECT", "INSERT", "DELETE"):
            name = f"{permission.lower()}_on_{sql.TSQL.quote(schema)[1:-1]}"
            items.append((name, "HAS_PERMS_BY_NAME(?, ?, ?)", (schema, "SCHEMA", permission)))
    select = ",\n    ".join(f"{expr} AS {sql.TSQL.quote(name)}" for name, expr, _ in items)
    params = tuple(p for _, _, ps in items for p in ps)
    return sql.Query(
        sql.Statement(f"SELECT\n    {select}", params, kind="query"), tuple(n for n, _, _ in items)
    )


def collation_query() -> sql.Query:
    """The warehouse's collation (Fabric: varchar holds UTF-8 only in a _UTF8 collation, and the default
    one is case-sensitive)."""
    return sql.Query(
        sql.Statement(
            "SELECT CAST(collation_name AS varchar(128)) AS [collation_name]\nFROM sys.databases\n"
            "WHERE name = DB_NAME()",
            kind="query",
        ),
        ("collation_name",),
    )


def round_trip_query(target: sql.TableName, dialect: sql.Dialect, app: str = APP) -> sql.Query:
    cols = ", ".join(dialect.quote(c) for c in PROBE.column_names)
    return sql.Query(
        sql.Statement(
            f"SELECT {cols}\nFROM {target.sql(dialect)}\nWHERE {dialect.quote('app')} = ?\n"
            f"ORDER BY {dialect.quote('line_number')}",
            (app,),
            kind="query",
        ),
        PROBE.column_names,
    )


def failing_statement(dialect: sql.Dialect) -> sql.Statement:
    """A statement that fails inside the transaction, as a conversion error would."""
    if dialect is not sql.DUCKDB:
        return sql.Statement("SELECT CAST(N'not a number' AS int) AS [x]", kind="query")
    return sql.Statement("SELECT CAST('not a number' AS INTEGER) AS x", kind="query")


def view_body(names: CheckNames, dialect: sql.Dialect) -> str:
    query = (
        f"SELECT {dialect.quote('app')}, {dialect.count} AS {dialect.quote('rows')}\n"
        f"FROM {names.target.sql(dialect)}\nGROUP BY {dialect.quote('app')}"
    )
    if dialect is not sql.DUCKDB:
        return f"ALTER VIEW {names.view.sql()} AS\n{query}"
    return f"CREATE OR REPLACE VIEW {names.view.sql(dialect)} AS\n{query}"


def view_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    if dialect is not sql.DUCKDB:
        return sql.view_statements({names.view.name: view_body(names, dialect)}, names.schema)
    return [sql.Statement(view_body(names, dialect), kind="ddl")]


def view_query(names: CheckNames, dialect: sql.Dialect) -> sql.Query:
    return sql.Query(
        sql.Statement(
            f"SELECT {dialect.quote('rows')}\nFROM {names.view.sql(dialect)}\n"
            f"WHERE {dialect.quote('app')} = ?",
            (APP,),
            kind="query",
        ),
        ("rows",),
    )


def setup_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    if dialect is not sql.DUCKDB:
        return [sql.create_schema(names.schema, dialect), sql.create_table(PROBE, names.target, dialect)]
    return [
        sql.Statement(f"CREATE SCHEMA IF NOT EXISTS {dialect.quote(names.schema)}", kind="ddl"),
        sql.create_table(PROBE, names.target, dialect),
    ]


def cleanup_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    """Everything the check created, whether or not it got that far (each drop guarded)."""
    if dialect is not sql.DUCKDB:
        return [
            sql.drop_view(names.view),
            sql.drop_table(names.target, dialect),
            sql.drop_schema(names.schema),
        ]
    return [sql.Statement(f"DROP SCHEMA IF EXISTS {dialect.quote(names.schema)} CASCADE", kind="ddl")]


# -- running it -----------------------------------------------------------------------------------------


@dataclass
class CheckResult:
    name: str
    passed: bool | None  # None: not applicable on this engine, or could not be read
    detail: str = ""
    blocking: bool = True  # a failure of a non-blocking step is a warning: the check still passes

    @property
    def mark(self) -> str:
        if self.passed is False:
            return "FAIL" if self.blocking else "warn"
        return "pass" if self.passed else "n/a"


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)

    def add(self, name: str, passed: bool | None, detail: str = "", *, blocking: bool = True) -> None:
        self.results.append(CheckResult(name, passed, detail, blocking))

    @property
    def ok(self) -> bool:
        return all(r.passed is not False or not r.blocking for r in self.results)

    def table(self) -> str:
        width = max(len(r.name) for r in self.results)
        lines = [f"{'check':<{width}}  result  detail", f"{'-' * width}  ------  ------"]
        lines += [f"{r.name:<{width}}  {r.mark:<6}  {r.detail}" for r in self.results]
        return "\n".join(lines)


@dataclass
class CheckEngine:
    """What the check needs of an engine: its dialect, a cursor, and a load plan for a probe file (of
    ``app``'s partition)."""

    dialect: sql.Dialect
    cursor: Callable[[], contextlib.AbstractContextManager[Any]]
    plan: Callable[..., sql.PartitionLoad]  # (names, store, key, app=APP)
    credential: str
    loader_schemas: tuple[str, ...] = ()
    masked: bool = False
    storage: Callable[[], tuple[bool | None, str]] | None = None
    # The real tables' loads (check_tables.DayPlan, check_tables.EntityPlan).
    day_plan: Callable[..., sql.PartitionLoad] | None = None
    entity_plan: Callable[..., sql.EntityLoad] | None = None


def _stage_probe(store: ObjectStore, key: str, rows: list[dict[str, object]]) -> dict[str, int]:
    """Stage ``rows`` as the loader stages (strings cut to width + 1); returns the values cut."""
    from heroku_assets.logs.parquet import write_staged_table

    data = pa.Table.from_pylist(
        [{c: r.get(c) for c in PROBE.column_names} for r in rows], schema=PROBE.arrow_schema
    )
    with tempfile.TemporaryDirectory(prefix="heroku-assets-check-") as tmp:
        path = Path(tmp) / "part-00000.parquet"
        cut = write_staged_table(PROBE, data, path)
        store.put_file(key, path, {"rows": str(len(rows))})
    return cut


def _stage(store: ObjectStore, names: CheckNames) -> tuple[bool, str]:
    cut = _stage_probe(store, names.key, probe_rows())
    return cut == {"long": 2}, f"{names.key} (values cut to width + 1 when staged: {cut})"


def _step(
    report: CheckReport, name: str, fn: Callable[[], tuple[bool | None, str]], *, blocking: bool = True
) -> bool:
    try:
        passed, detail = fn()
    except Exception as exc:  # noqa: BLE001 - every failure is a row of the report, not a crash
        passed, detail = False, str(exc).splitlines()[0][:300]
    report.add(name, passed, detail, blocking=blocking)
    return passed is not False


def run_check(engine: CheckEngine, store: ObjectStore, run_id: str | None = None) -> CheckReport:
    """Every step, in order; the scratch schema and the staged probes are removed whatever happened."""
    names = CheckNames(run_id or sql.new_run_id())
    report = CheckReport()
    dialect = engine.dialect
    tsql = dialect is not sql.DUCKDB
    with engine.cursor() as cur:
        if dialect.checks_isolation:
            _step(report, ISOLATION, lambda: _isolation(cur))
        else:
            report.add(ISOLATION, None, NOT_APPLICABLE[dialect.name]["isolation"])
        if dialect is sql.SYNAPSE:
            _step(report, PERMISSIONS, lambda: _permissions(cur, engine))
            report.add(COLLATION, None, "Synapse: nvarchar holds every character in any collation")
        else:
            report.add(PERMISSIONS, None, NOT_APPLICABLE[dialect.name]["permissions"])
            if tsql:
                _step(report, COLLATION, lambda: _collation(cur))
            else:
                report.add(COLLATION, None, "DuckDB: strings are UTF-8")
        try:
            if not _step(report, "scratch schema and probe table", lambda: _setup(cur, names, dialect)):
                return report
            if engine.storage is not None:
                _step(report, "storage account fits the COPY credential", engine.storage)
            if not _step(report, "stage the probe Parquet", lambda: _stage(store, names)):
                return report
            plan = engine.plan(names, store, names.key)
            loaded = _step(
                report,
                f"COPY INTO and partition replace ({engine.credential})",
                lambda: _load(cur, plan, dialect),
            )
            if loaded:
                _step(report, "round trip of every staged type", lambda: _round_trip(cur, names, dialect))
                _step(
                    report,
                    "replace again (idempotent)",
                    lambda: _load(cur, engine.plan(names, store, names.key), dialect),
                )
                _step(report, "rollback of a failed replace", lambda: _rollback(cur, plan, names, dialect))
                _step(report, "view: create if missing, then ALTER VIEW", lambda: _view(cur, names, dialect))
                if not tsql:
                    report.add(MASKING, None, "DuckDB: no masking")
                elif not engine.masked:
                    report.add(MASKING, None, "SYNAPSE_MASKING is off")
                else:
                    _step(report, MASKING, lambda: _mask(cur, names))
                if dialect is sql.SYNAPSE:
                    _step(report, STATISTICS, lambda: _statistics(cur, names, dialect))
                else:
                    report.add(STATISTICS, None, f"{dialect.name}: statistics kept by the engine")
            _real_tables(report, cur, engine, store, names)
            _step(
                report,
                "extreme dates 0001-01-01 and 9999-12-31 (real data never holds them)",
                lambda: _extremes(cur, engine, store, names),
                blocking=False,
            )
        finally:
            _step(
                report,
                "scratch schema and probe removed",
                lambda: _cleanup(cur, store, names, dialect, engine.loader_schemas),
            )
    return report


ISOLATION = "isolation (READ_COMMITTED_SNAPSHOT)"
PERMISSIONS = "permissions the loader needs"
COLLATION = "collation (UTF-8 varchar)"
MASKING = "dynamic data masking, applied twice"
STATISTICS = "statistics created once, refreshed by name"
NOT_APPLICABLE = {
    "duckdb": {"isolation": "DuckDB: readers always see a snapshot", "permissions": "DuckDB: no permissions"},
    "fabric": {
        "isolation": "Fabric: always snapshot isolation",
        "permissions": "Fabric: rights come from the workspace role (Contributor or higher) or item "
        "permissions; the steps below exercise them in a scratch schema",
    },
}


def _isolation(cur: Any) -> tuple[bool, str]:
    from heroku_assets.warehouse.synapse_loader import isolation_fix, isolation_query

    on = fetch(cur, isolation_query())["is_read_committed_snapshot_on"]
    return (True, "ON") if on else (False, isolation_fix())


def _permissions(cur: Any, engine: CheckEngine) -> tuple[bool | None, str]:
    query = permissions_query(engine.loader_schemas, masked=engine.masked)
    try:
        (row,) = fetch_rows(cur, query)
    except StatementError as exc:
        return None, f"could not be read ({exc}); the steps below exercise them in the scratch schema"
    missing = [name for name, value in row.items() if value == 0]
    schema_level = {name for name in row if "_on_" in name}
    absent = [name for name, value in row.items() if value is None and name in schema_level]
    unknown = [name for name, value in row.items() if value is None and name not in schema_level]
    detail = ("missing: " + ", ".join(missing)) if missing else "all held"
    if unknown:
        detail += f"; unknown (HAS_PERMS_BY_NAME returned NULL): {', '.join(unknown)}"
    if absent:
        detail += f"; schema not created yet (ensure_tables creates it): {', '.join(absent)}"
    return (False if missing else None if unknown else True), detail


def _collation(cur: Any) -> tuple[bool, str]:
    (row,) = fetch_rows(cur, collation_query())
    name = str(row["collation_name"] or "")
    if not name.upper().endswith("_UTF8"):
        return False, f"{name}: varchar holds UTF-8 only in a _UTF8 collation"
    sensitivity = "case-insensitive" if "_CI_" in name.upper() else "case-sensitive: 'Error' <> 'error'"
    return True, f"{name} ({sensitivity})"


def _setup(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    for statement in setup_statements(names, dialect):
        execute(cur, statement)
    return True, names.schema


def _load(cur: Any, plan: sql.PartitionLoad, dialect: sql.Dialect) -> tuple[bool, str]:
    result = run_partition_load(cur, plan, dialect)[APP]
    want = len(probe_rows())
    truncated = dict(result.truncated_columns)
    passed = result.rows == want == result.staged_rows and truncated == EXPECTED_TRUNCATED
    return passed, f"{result.rows} rows, {result.truncated_rows} truncated ({truncated})"


def _compare(want: list[dict[str, object]], got: list[dict[str, object]]) -> tuple[bool, str]:
    if len(got) != len(want):
        return False, f"{len(got)} rows, expected {len(want)}"
    wrong = [
        f"row {w['line_number']} {name}: {_short(g[name])} != {_short(w[name])}"
        for w, g in zip(want, got, strict=True)
        for name in PROBE.column_names
        if not _same(w[name], g[name]) and not (w[name] is None and g[name] is None)
    ]
    return not wrong, "; ".join(wrong[:3]) or f"{len(want)} rows x {len(PROBE.columns)} columns equal"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}... ({len(value) if isinstance(value, str) else '?'})"


def _round_trip(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    return _compare(expected_rows(), fetch_rows(cur, round_trip_query(names.target, dialect)))


def _rollback(cur: Any, plan: sql.PartitionLoad, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    begin, delete = plan.replace[0], plan.replace[1]
    try:
        run_transaction(cur, [begin, delete, failing_statement(dialect)], dialect.rollback)
    except StatementError:
        pass
    else:
        return False, "the failing statement did not fail"
    rows = fetch(cur, sql.partition_count(PROBE, names.target, APP, DAY, dialect))["rows"]
    return rows == len(probe_rows()), f"{rows} rows after the rollback"


def _view(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    for _ in range(2):  # the second time the view exists and is only altered
        for statement in view_statements(names, dialect):
            execute(cur, statement)
    rows = fetch(cur, view_query(names, dialect))["rows"]
    return rows == len(probe_rows()), f"{rows} rows through the view"


def _mask(cur: Any, names: CheckNames) -> tuple[bool, str]:
    """The reference job's masks, applied twice as it may be (re-applying a mask is allowed)."""
    statements = sql.masking(PROBE, names.target)
    for _ in range(2):
        for statement in statements:
            execute(cur, statement)
    return True, f"{len(statements)} mask(s) applied twice"


def _statistics(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    statements = sql.update_statistics([PROBE], names.schema, dialect)
    for _ in range(2):  # the second time they exist: only refreshed
        for statement in statements:
            execute(cur, statement)
    return True, f"{len(statements) - 1} created, then refreshed by name"


def _extremes(cur: Any, engine: CheckEngine, store: ObjectStore, names: CheckNames) -> tuple[bool, str]:
    rows = extreme_rows()
    _stage_probe(store, names.extremes_key, rows)
    plan = engine.plan(names, store, names.extremes_key, app=EXTREMES_APP)
    result = run_partition_load(cur, plan, engine.dialect)[EXTREMES_APP]
    if result.rows != len(rows):
        return False, f"{result.rows} rows loaded, expected {len(rows)}"
    got = fetch_rows(cur, round_trip_query(names.target, engine.dialect, EXTREMES_APP))
    return _compare(_fitted(rows), got)


def _real_tables(
    report: CheckReport, cur: Any, engine: CheckEngine, store: ObjectStore, names: CheckNames
) -> None:
    """The steps on the real tables (``check_tables``): their DDL, a day load from two folders, the
    entity upsert, the real views, and the rights on the loader's own schemas."""
    from heroku_assets.warehouse import check_tables as real

    dialect = engine.dialect
    if engine.day_plan and engine.entity_plan:
        day_plan, entity_plan = engine.day_plan, engine.entity_plan
        if _step(
            report, "every real table, with its options", lambda: real.create_real_tables(cur, names, dialect)
        ):
            _step(
                report,
                "day load of router_events: two folders, one COPY, one replace",
                lambda: real.day_load(cur, names, store, day_plan, dialect),
            )
            _step(
                report,
                "entity upsert of heroku_error_codes, twice",
                lambda: real.entity_upsert(cur, names, store, entity_plan, dialect),
            )
            _step(report, "the real analytics views", lambda: real.real_views(cur, names, dialect))
    if dialect is sql.DUCKDB:
        report.add(RIGHTS, None, "DuckDB: no permissions")
    else:
        _step(report, RIGHTS, lambda: real.rights(cur, names, engine.loader_schemas, dialect))


RIGHTS = "rights on the loader's own schemas (nothing changed)"


def _cleanup(
    cur: Any, store: ObjectStore, names: CheckNames, dialect: sql.Dialect, schemas: Sequence[str] = ()
) -> tuple[bool, str]:
    from heroku_assets.warehouse import check_tables

    errors = check_tables.cleanup(cur, store, names, dialect, schemas)
    for statement in cleanup_statements(names, dialect):
        try:
            execute(cur, statement)
        except StatementError as exc:
            errors.append(str(exc))
    return not errors, "; ".join(errors)


def all_statements(
    names: CheckNames,
    plans: dict[str, Any],
    schemas: Sequence[str],
    dialect: sql.Dialect = sql.SYNAPSE,
) -> list[sql.Statement]:
    """Every T-SQL statement the check sends with masking on (for the golden files). ``plans``: the
    loads it runs: ``probe``, ``extremes``, ``day`` (router_events of two apps), ``upsert``."""
    from heroku_assets.warehouse import check_tables
    from heroku_assets.warehouse.synapse_loader import isolation_query

    plan, extremes = plans["probe"], plans["extremes"]

    first = (
        [isolation_query().statement, permissions_query(schemas, masked=True).statement]
        if dialect is sql.SYNAPSE
        else [collation_query().statement]
    )
    return [
        *first,
        *setup_statements(names, dialect),
        *plan.statements(),
        round_trip_query(names.target, dialect).statement,
        plan.replace[0],
        plan.replace[1],
        failing_statement(dialect),
        sql.Statement(dialect.rollback, kind="transaction"),
        sql.partition_count(PROBE, names.target, APP, DAY, dialect).statement,
        *view_statements(names, dialect),
        view_query(names, dialect).statement,
        *sql.masking(PROBE, names.target),
        *sql.update_statistics([PROBE], names.schema, dialect),
        *check_tables.all_statements(names, plans["day"], plans["upsert"], schemas, dialect),
        *extremes.statements(),
        round_trip_query(names.target, dialect, EXTREMES_APP).statement,
        *check_tables.cleanup_statements(names, dialect, schemas),
        *cleanup_statements(names, dialect),
    ]


def _scratch(names: CheckNames, dialect: sql.Dialect | None = None) -> dict[str, Any]:
    """Where the check's loads write: its scratch schema, for target and staging tables alike."""
    where: dict[str, Any] = {"schema": names.schema, "staging_schema": names.schema, "run_id": names.run_id}
    return where if dialect is None else {**where, "dialect": dialect}


def warehouse_engine(warehouse: Any, store: ObjectStore) -> CheckEngine:
    """The check on a SynapseWarehouse's pool or a FabricWarehouse, with its COPY credential and its
    masking setting, one connection throughout."""
    from heroku_assets.warehouse.synapse_loader import SynapseSetupError, copy_sources

    credential = warehouse.copy_credential
    dialect = warehouse.dialect

    def day_plan(
        names: CheckNames, store: ObjectStore, table: Table, partitions: dict[str, list[str]]
    ) -> sql.PartitionLoad:
        keys = [k for app in sorted(partitions) for k in partitions[app]]
        return sql.synapse_partition_load(
            table, DAY, sorted(partitions), copy_sources(store, keys), credential, **_scratch(names, dialect)
        )

    def entity_plan(names: CheckNames, store: ObjectStore, table: Table, keys: list[str]) -> sql.EntityLoad:
        return sql.synapse_entity_load(
            table, copy_sources(store, keys), credential, **_scratch(names, dialect)
        )

    def plan(names: CheckNames, store: ObjectStore, key: str, app: str = APP) -> sql.PartitionLoad:
        return day_plan(names, store, PROBE, {app: [key]})

    def storage() -> tuple[bool | None, str]:
        try:
            warehouse.check_storage(store)
        except SynapseSetupError as exc:
            return False, str(exc)
        if dialect.copy_needs_data_lake(credential.kind):
            return True, "ADLS Gen2 (hierarchical namespace)"
        return True, f"{credential.kind} reads the account"

    return CheckEngine(
        dialect=dialect,
        cursor=warehouse.cursor,
        plan=plan,
        credential=credential.kind,
        loader_schemas=(warehouse.schema, warehouse.staging_schema),
        masked=warehouse.masked,
        storage=storage,
        day_plan=day_plan,
        entity_plan=entity_plan,
    )


synapse_engine = warehouse_engine


def duckdb_engine(conn: Any, root: Path) -> CheckEngine:
    """The same steps on DuckDB, reading the probe from a local staging folder ``root``."""

    @contextlib.contextmanager
    def cursor() -> Iterator[Any]:
        cur = conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def day_plan(
        names: CheckNames, store: ObjectStore, table: Table, partitions: dict[str, list[str]]
    ) -> sql.PartitionLoad:
        paths = [str(root / k) for app in sorted(partitions) for k in partitions[app]]
        return sql.duckdb_partition_load(table, DAY, sorted(partitions), paths, **_scratch(names))

    def entity_plan(names: CheckNames, store: ObjectStore, table: Table, keys: list[str]) -> sql.EntityLoad:
        return sql.duckdb_entity_load(table, [str(root / k) for k in keys], **_scratch(names))

    def plan(names: CheckNames, store: ObjectStore, key: str, app: str = APP) -> sql.PartitionLoad:
        return day_plan(names, store, PROBE, {app: [key]})

    return CheckEngine(
        dialect=sql.DUCKDB,
        cursor=cursor,
        plan=plan,
        credential="read_parquet",
        day_plan=day_plan,
        entity_plan=entity_plan,
    )
