"""``heroku-assets synapse check``: prove the load on the user's own pool and storage.

In a scratch schema it creates and removes again, with the configured COPY credential: COPY INTO a file
holding every staged type (microsecond timestamps before and after 1970, dates, booleans, 64-bit integers,
floats, strings outside the BMP and at their declared widths), a round-trip comparison of every value,
a partition replace run twice, a replace rolled back midway, a view created and altered, a mask applied
only once, statistics updated; and it reads the pool's isolation setting and the permissions the loader
needs in its own schemas. Every statement comes from the builders the loader uses (golden files in the
tests); the same steps run on DuckDB in the tests, where the Synapse-only ones are marked not applicable.
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
from heroku_assets.tables import Column, Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.load_runner import (
    StatementError,
    execute,
    fetch,
    fetch_rows,
    run_partition_load,
    run_transaction,
)

log = logging.getLogger(__name__)

APP = "synapse-check"
DAY = dt.date(2026, 1, 2)
PROBE_PREFIX = "synapse-check"
# Every declared type, strings at their declared widths (one of them outside the BMP, where a character
# is two UTF-16 code units), and a masked column.
PROBE = Table(
    name="probe",
    kind="event",
    columns=(
        Column("app", "string", nullable=False, width=100),
        Column("event_date", "date", nullable=False),
        Column("line_number", "int64", nullable=False),
        Column("event_ts", "timestamp"),
        Column("word", "string", width=16),
        Column("astral", "string", width=8),
        Column("doc", "json"),
        Column("flag", "bool"),
        Column("small", "int32"),
        Column("big", "int64"),
        Column("ratio", "float64"),
        Column("day", "date"),
        Column("email", "string", width=320, masking="email"),
    ),
    partition_by=("app", "event_date"),
    distribution="line_number",
)
UTC = dt.UTC


def probe_rows() -> list[dict[str, object]]:
    """The probe's rows as staged; row 4's word is one character too wide (loaded truncated, counted)."""
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
            "day": dt.date(1, 1, 1),
            "email": "someone@example.com",
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
            "day": dt.date(9999, 12, 31),
            "email": None,
        },
        {**base, "line_number": 3, **{c.name: None for c in PROBE.columns if c.nullable}},
        {
            **base,
            "line_number": 4,
            "event_ts": dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "word": "x" * 17,
            "ratio": 2.2250738585072014e-308,  # the smallest normal double, float's documented limit
        },
    ]


def expected_rows() -> list[dict[str, object]]:
    """What the target must hold: the staged rows with strings cut to their widths."""
    out = []
    for row in probe_rows():
        row = {c.name: row.get(c.name) for c in PROBE.columns}
        row["word"] = row["word"][:16] if row["word"] else row["word"]
        out.append(row)
    return out


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


@dataclass(frozen=True)
class CheckNames:
    """The scratch schema and objects of one check run (names built from a validated run id)."""

    run_id: str

    @property
    def schema(self) -> str:
        return f"heroku_assets_check_{self.run_id}"

    @property
    def target(self) -> sql.TableName:
        return sql.TableName(self.schema, PROBE.name)

    @property
    def view(self) -> sql.TableName:
        return sql.TableName(self.schema, "probe_view")

    @property
    def key(self) -> str:
        return f"{PROBE_PREFIX}/{self.run_id}/part-00000.parquet"


def permissions_query(schemas: Sequence[str], *, masked: bool) -> sql.Query:
    """The permissions the loader needs, each 1 (held), 0 (not held) or NULL (schema missing): COPY
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


def masked_columns_query(target: sql.TableName) -> sql.Query:
    return sql.Query(
        sql.Statement(
            "SELECT COUNT_BIG(*) AS [masked]\nFROM sys.masked_columns\n"
            f"WHERE object_id = OBJECT_ID({target.literal()})",
            kind="query",
        ),
        ("masked",),
    )


def round_trip_query(target: sql.TableName, dialect: sql.Dialect) -> sql.Query:
    cols = ", ".join(dialect.quote(c) for c in PROBE.column_names)
    return sql.Query(
        sql.Statement(
            f"SELECT {cols}\nFROM {target.sql(dialect)}\nORDER BY {dialect.quote('line_number')}",
            kind="query",
        ),
        PROBE.column_names,
    )


def failing_statement(dialect: sql.Dialect) -> sql.Statement:
    """A statement that fails inside the transaction, as a conversion error would."""
    if dialect is sql.TSQL:
        return sql.Statement("SELECT CAST(N'not a number' AS int) AS [x]", kind="query")
    return sql.Statement("SELECT CAST('not a number' AS INTEGER) AS x", kind="query")


def view_body(names: CheckNames, dialect: sql.Dialect) -> str:
    query = (
        f"SELECT {dialect.quote('app')}, {dialect.count} AS {dialect.quote('rows')}\n"
        f"FROM {names.target.sql(dialect)}\nGROUP BY {dialect.quote('app')}"
    )
    if dialect is sql.TSQL:
        return f"ALTER VIEW {names.view.sql()} AS\n{query}"
    return f"CREATE OR REPLACE VIEW {names.view.sql(dialect)} AS\n{query}"


def view_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    if dialect is sql.TSQL:
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
    if dialect is sql.TSQL:
        return [sql.create_schema(names.schema), sql.create_table(PROBE, names.target)]
    return [
        sql.Statement(f"CREATE SCHEMA IF NOT EXISTS {dialect.quote(names.schema)}", kind="ddl"),
        sql.create_table(PROBE, names.target, dialect),
    ]


def cleanup_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    """Everything the check created, whether or not it got that far (each drop guarded)."""
    if dialect is sql.TSQL:
        return [sql.drop_view(names.view), sql.drop_table(names.target), sql.drop_schema(names.schema)]
    return [sql.Statement(f"DROP SCHEMA IF EXISTS {dialect.quote(names.schema)} CASCADE", kind="ddl")]


# -- running it -----------------------------------------------------------------------------------------


@dataclass
class CheckResult:
    name: str
    passed: bool | None  # None: not applicable on this engine, or could not be read
    detail: str = ""


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)

    def add(self, name: str, passed: bool | None, detail: str = "") -> None:
        self.results.append(CheckResult(name, passed, detail))

    @property
    def ok(self) -> bool:
        return all(r.passed is not False for r in self.results)

    def table(self) -> str:
        width = max(len(r.name) for r in self.results)
        mark = {True: "pass", False: "FAIL", None: "n/a"}
        lines = [f"{'check':<{width}}  result  detail", f"{'-' * width}  ------  ------"]
        lines += [f"{r.name:<{width}}  {mark[r.passed]:<6}  {r.detail}" for r in self.results]
        return "\n".join(lines)


@dataclass
class CheckEngine:
    """What the check needs of an engine: its dialect, a cursor, and a load plan for the probe."""

    dialect: sql.Dialect
    cursor: Callable[[], contextlib.AbstractContextManager[Any]]
    plan: Callable[[CheckNames, ObjectStore, str], sql.PartitionLoad]
    credential: str
    loader_schemas: tuple[str, ...] = ()
    masked: bool = True
    storage: Callable[[], tuple[bool | None, str]] | None = None


def _stage_probe(store: ObjectStore, key: str) -> None:
    from heroku_assets.logs.parquet import write_staged_table

    rows = probe_rows()
    data = pa.Table.from_pylist(
        [{c: r.get(c) for c in PROBE.column_names} for r in rows], schema=PROBE.arrow_schema
    )
    with tempfile.TemporaryDirectory(prefix="heroku-assets-check-") as tmp:
        path = Path(tmp) / "part-00000.parquet"
        write_staged_table(PROBE, data, path)
        store.put_file(key, path, {"rows": str(len(rows))})


def _stage(store: ObjectStore, names: CheckNames) -> tuple[bool, str]:
    _stage_probe(store, names.key)
    return True, names.key


def _step(report: CheckReport, name: str, fn: Callable[[], tuple[bool | None, str]]) -> bool:
    try:
        passed, detail = fn()
    except Exception as exc:  # noqa: BLE001 - every failure is a row of the report, not a crash
        passed, detail = False, str(exc).splitlines()[0][:300]
    report.add(name, passed, detail)
    return passed is not False


def run_check(engine: CheckEngine, store: ObjectStore, run_id: str | None = None) -> CheckReport:
    """Every step, in order; the scratch schema and the staged probe are removed whatever happened."""
    names = CheckNames(run_id or sql.new_run_id())
    report = CheckReport()
    dialect = engine.dialect
    with engine.cursor() as cur:
        if dialect is sql.TSQL:
            _step(report, "isolation (READ_COMMITTED_SNAPSHOT)", lambda: _isolation(cur))
            _step(report, "permissions the loader needs", lambda: _permissions(cur, engine))
        else:
            report.add("isolation (READ_COMMITTED_SNAPSHOT)", None, "DuckDB: readers always see a snapshot")
            report.add("permissions the loader needs", None, "DuckDB: no permissions")
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
                if dialect is sql.TSQL:
                    _step(report, "dynamic data masking, applied once", lambda: _mask(cur, names))
                    _step(report, "UPDATE STATISTICS", lambda: _statistics(cur, names))
                else:
                    report.add("dynamic data masking, applied once", None, "DuckDB: no masking")
                    report.add("UPDATE STATISTICS", None, "DuckDB: statistics kept by the engine")
        finally:
            _step(report, "scratch schema and probe removed", lambda: _cleanup(cur, store, names, dialect))
    return report


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
    absent = [name for name, value in row.items() if value is None]
    detail = ("missing: " + ", ".join(missing)) if missing else "all held"
    if absent:
        detail += f"; schema not created yet (ensure_tables creates it): {', '.join(absent)}"
    return not missing, detail


def _setup(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    for statement in setup_statements(names, dialect):
        execute(cur, statement)
    return True, names.schema


def _load(cur: Any, plan: sql.PartitionLoad, dialect: sql.Dialect) -> tuple[bool, str]:
    result = run_partition_load(cur, plan, dialect)[APP]
    want = len(probe_rows())
    passed = result.rows == want == result.staged_rows and dict(result.truncated_columns) == {"word": 1}
    return passed, f"{result.rows} rows, {result.truncated_rows} truncated ({dict(result.truncated_columns)})"


def _round_trip(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    got = fetch_rows(cur, round_trip_query(names.target, dialect))
    want = expected_rows()
    if len(got) != len(want):
        return False, f"{len(got)} rows, expected {len(want)}"
    wrong = [
        f"row {w['line_number']} {name}: {g[name]!r} != {w[name]!r}"
        for w, g in zip(want, got, strict=True)
        for name in PROBE.column_names
        if not _same(w[name], g[name]) and not (w[name] is None and g[name] is None)
    ]
    return not wrong, "; ".join(wrong[:3]) or f"{len(want)} rows x {len(PROBE.columns)} columns equal"


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
    for _ in range(2):  # the second time sys.masked_columns has it: no ALTER TABLE
        for statement in sql.masking(PROBE, names.target):
            execute(cur, statement)
    masked = fetch(cur, masked_columns_query(names.target))["masked"]
    return masked == 1, f"{masked} masked column(s)"


def _statistics(cur: Any, names: CheckNames) -> tuple[bool, str]:
    for statement in sql.update_statistics([PROBE], names.schema):
        execute(cur, statement)
    return True, ""


def _cleanup(cur: Any, store: ObjectStore, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    errors = []
    for statement in cleanup_statements(names, dialect):
        try:
            execute(cur, statement)
        except StatementError as exc:
            errors.append(str(exc))
    try:
        store.delete(names.key)
    except Exception as exc:  # noqa: BLE001 - reported
        errors.append(f"deleting {names.key}: {exc}")
    return not errors, "; ".join(errors)


def all_statements(names: CheckNames, plan: sql.PartitionLoad, schemas: Sequence[str]) -> list[sql.Statement]:
    """Every T-SQL statement the check sends (for the golden files)."""
    from heroku_assets.warehouse.synapse_loader import isolation_query

    return [
        isolation_query().statement,
        permissions_query(schemas, masked=True).statement,
        *setup_statements(names, sql.TSQL),
        *plan.statements(),
        round_trip_query(names.target, sql.TSQL).statement,
        plan.replace[0],
        plan.replace[1],
        failing_statement(sql.TSQL),
        sql.Statement(sql.TSQL.rollback, kind="transaction"),
        sql.partition_count(PROBE, names.target, APP, DAY).statement,
        *view_statements(names, sql.TSQL),
        view_query(names, sql.TSQL).statement,
        *sql.masking(PROBE, names.target),
        masked_columns_query(names.target).statement,
        *sql.update_statistics([PROBE], names.schema),
        *cleanup_statements(names, sql.TSQL),
    ]


def synapse_engine(warehouse: Any, store: ObjectStore) -> CheckEngine:
    """The check on a SynapseWarehouse's pool, with its COPY credential, one connection throughout."""
    from heroku_assets.warehouse.synapse_loader import SynapseSetupError, copy_sources

    credential = warehouse.copy_credential

    def plan(names: CheckNames, store: ObjectStore, key: str) -> sql.PartitionLoad:
        return sql.synapse_partition_load(
            PROBE,
            DAY,
            [APP],
            copy_sources(store, [key]),
            credential,
            schema=names.schema,
            staging_schema=names.schema,
            run_id=names.run_id,
        )

    def storage() -> tuple[bool | None, str]:
        try:
            warehouse.check_storage(store)
        except SynapseSetupError as exc:
            return False, str(exc)
        if credential.needs_data_lake:
            return True, "ADLS Gen2 (hierarchical namespace)"
        return True, f"{credential.kind} reads the .blob endpoint"

    return CheckEngine(
        dialect=sql.TSQL,
        cursor=warehouse.cursor,
        plan=plan,
        credential=credential.kind,
        loader_schemas=(warehouse.schema, warehouse.staging_schema),
        masked=True,
        storage=storage,
    )


def duckdb_engine(conn: Any, root: Path) -> CheckEngine:
    """The same steps on DuckDB, reading the probe from a local staging folder ``root``."""

    @contextlib.contextmanager
    def cursor() -> Iterator[Any]:
        cur = conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def plan(names: CheckNames, store: ObjectStore, key: str) -> sql.PartitionLoad:
        return sql.duckdb_partition_load(
            PROBE,
            DAY,
            [APP],
            [str(root / key)],
            schema=names.schema,
            staging_schema=names.schema,
            run_id=names.run_id,
        )

    return CheckEngine(dialect=sql.DUCKDB, cursor=cursor, plan=plan, credential="read_parquet")
