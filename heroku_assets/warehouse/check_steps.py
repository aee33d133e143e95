"""The steps of ``heroku-assets warehouse check`` on its probe table: each runs on an open cursor and says
whether it passed, and why, as ``(passed, detail)``; ``synapse_check.run_check`` runs them in order."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from heroku_assets.storage.base import ObjectStore
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_engines import CheckEngine
from heroku_assets.warehouse.check_probe import (
    APP,
    DAY,
    EXPECTED_TRUNCATED,
    EXTREMES_APP,
    PROBE,
    UTC,
    CheckNames,
    expected_rows,
    extreme_rows,
    fitted,
    probe_rows,
    stage_table,
)
from heroku_assets.warehouse.check_statements import (
    cleanup_statements,
    collation_query,
    failing_statement,
    permissions_query,
    round_trip_query,
    setup_statements,
    view_query,
    view_statements,
)
from heroku_assets.warehouse.load_runner import (
    StatementError,
    execute,
    fetch,
    fetch_rows,
    run_partition_load,
    run_transaction,
)


def _stage_probe(store: ObjectStore, key: str, rows: list[dict[str, object]]) -> dict[str, int]:
    """Stage ``rows`` as the loader stages (strings cut to width + 1); returns the values cut."""
    data = pa.Table.from_pylist(
        [{c: r.get(c) for c in PROBE.column_names} for r in rows], schema=PROBE.arrow_schema
    )
    return stage_table(store, key, PROBE, data)


def stage(store: ObjectStore, names: CheckNames) -> tuple[bool, str]:
    cut = _stage_probe(store, names.key, probe_rows())
    return cut == {"long": 2}, f"{names.key} (values cut to width + 1 when staged: {cut})"


def isolation(cur: Any) -> tuple[bool, str]:
    from heroku_assets.warehouse.synapse_setup import isolation_fix, isolation_query

    on = fetch(cur, isolation_query())["is_read_committed_snapshot_on"]
    return (True, "ON") if on else (False, isolation_fix())


def permissions(cur: Any, engine: CheckEngine) -> tuple[bool | None, str]:
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


def collation(cur: Any) -> tuple[bool, str]:
    (row,) = fetch_rows(cur, collation_query())
    name = str(row["collation_name"] or "")
    if not name.upper().endswith("_UTF8"):
        return False, f"{name}: varchar holds UTF-8 only in a _UTF8 collation"
    sensitivity = "case-insensitive" if "_CI_" in name.upper() else "case-sensitive: 'Error' <> 'error'"
    return True, f"{name} ({sensitivity})"


def setup(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    for statement in setup_statements(names, dialect):
        execute(cur, statement)
    return True, names.schema


def load(cur: Any, plan: sql.PartitionLoad, dialect: sql.Dialect) -> tuple[bool, str]:
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


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}... ({len(value) if isinstance(value, str) else '?'})"


def round_trip(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    return _compare(expected_rows(), fetch_rows(cur, round_trip_query(names.target, dialect)))


def rollback(cur: Any, plan: sql.PartitionLoad, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    begin, delete = plan.replace[0], plan.replace[1]
    try:
        run_transaction(cur, [begin, delete, failing_statement(dialect)], dialect.rollback)
    except StatementError:
        pass
    else:
        return False, "the failing statement did not fail"
    rows = fetch(cur, sql.partition_count(PROBE, names.target, APP, DAY, dialect))["rows"]
    return rows == len(probe_rows()), f"{rows} rows after the rollback"


def view(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    for _ in range(2):  # the second time the view exists and is only altered
        for statement in view_statements(names, dialect):
            execute(cur, statement)
    rows = fetch(cur, view_query(names, dialect))["rows"]
    return rows == len(probe_rows()), f"{rows} rows through the view"


def mask(cur: Any, names: CheckNames) -> tuple[bool, str]:
    """The reference job's masks, applied twice as it may be (re-applying a mask is allowed)."""
    statements = sql.masking(PROBE, names.target)
    for _ in range(2):
        for statement in statements:
            execute(cur, statement)
    return True, f"{len(statements)} mask(s) applied twice"


def statistics(cur: Any, names: CheckNames, dialect: sql.Dialect) -> tuple[bool, str]:
    statements = sql.update_statistics([PROBE], names.schema, dialect)
    for _ in range(2):  # the second time they exist: only refreshed
        for statement in statements:
            execute(cur, statement)
    return True, f"{len(statements) - 1} created, then refreshed by name"


def extremes(cur: Any, engine: CheckEngine, store: ObjectStore, names: CheckNames) -> tuple[bool, str]:
    rows = extreme_rows()
    _stage_probe(store, names.extremes_key, rows)
    plan = engine.plan(names, store, names.extremes_key, app=EXTREMES_APP)
    result = run_partition_load(cur, plan, engine.dialect)[EXTREMES_APP]
    if result.rows != len(rows):
        return False, f"{result.rows} rows loaded, expected {len(rows)}"
    got = fetch_rows(cur, round_trip_query(names.target, engine.dialect, EXTREMES_APP))
    return _compare(fitted(rows), got)


def cleanup(
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
