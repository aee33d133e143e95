"""Running a load plan on any DB-API cursor: Synapse through pyodbc, DuckDB in-process.

The plans come from ``warehouse.sql`` (pure); this module only runs them in order, judges the checks,
and drops the run's staging table whatever happened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from heroku_assets.warehouse import sql
from heroku_assets.warehouse.base import LoadResult, WarehouseError, driver_message, scrub

log = logging.getLogger(__name__)


class LoadError(WarehouseError):
    """The staged data breaks an invariant the load relies on (rows of another partition, a required
    value missing): nothing was changed in the target table."""


class StatementError(WarehouseError):
    """A statement failed; the message names it (first line) and the engine's reason, never a secret."""

    def __init__(self, statement: sql.Statement, exc: BaseException) -> None:
        self.original = exc
        reason = scrub(driver_message(exc), statement.secret)
        super().__init__(f"{statement.sql.splitlines()[0]} ... failed: {reason}")


def execute(cursor: Any, statement: sql.Statement) -> None:
    log.debug("executing: %s", statement)  # the text holds '<secret>', never the secret
    text = statement.executable_sql()
    try:
        if statement.params:
            cursor.execute(text, list(statement.params))
        else:
            cursor.execute(text)
    except Exception as exc:
        raise StatementError(statement, exc) from None


def fetch_rows(cursor: Any, query: sql.Query) -> list[dict[str, Any]]:
    execute(cursor, query.statement)
    return [dict(zip(query.columns, row, strict=True)) for row in cursor.fetchall()]


def fetch(cursor: Any, query: sql.Query) -> dict[str, int]:
    """A one-row query's values as integers (NULL as 0)."""
    rows = fetch_rows(cursor, query)
    if not rows:
        raise WarehouseError(f"{query.statement.sql.splitlines()[0]} returned no row")
    return {name: int(value or 0) for name, value in rows[0].items()}


def run_transaction(cursor: Any, statements: Sequence[sql.Statement], rollback: str) -> None:
    """Run BEGIN ... COMMIT; on any failure roll back (a failed Synapse transaction stays doomed until
    then) and re-raise the failure."""
    try:
        for statement in statements:
            execute(cursor, statement)
    except BaseException:
        with contextlib.suppress(Exception):
            execute(cursor, sql.Statement(rollback, kind="transaction"))
        raise


def _cleanup(cursor: Any, statements: Sequence[sql.Statement]) -> None:
    """Drop the run's staging table even after a failure; a failing drop (the connection is gone) is
    logged, never raised over the failure that matters."""
    for statement in statements:
        try:
            execute(cursor, statement)
        except StatementError as exc:
            log.warning("could not drop a staging table: %s", exc)


def _truncated(check: Mapping[str, int]) -> dict[str, int]:
    prefix = "truncated__"
    return {k[len(prefix) :]: v for k, v in check.items() if k.startswith(prefix) and v}


def as_date(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else value


def run_partition_load(
    cursor: Any, load: sql.PartitionLoad, dialect: sql.Dialect = sql.TSQL
) -> dict[str, LoadResult]:
    """Fill the staging table, refuse staged rows that break an invariant, replace the partitions in one
    transaction, and report per app what its partition holds now."""
    try:
        for statement in load.prepare:
            execute(cursor, statement)
        groups = fetch_rows(cursor, load.check)
        where = f"{load.table.name} ({', '.join(load.apps)}; {load.day})"
        wanted = set(load.apps)
        checks: dict[str, dict[str, int]] = {}
        outside = staged = 0
        for group in groups:
            figures = {k: int(v or 0) for k, v in group.items() if k not in ("app", "event_date")}
            staged += figures["staged_rows"]
            if group["app"] in wanted and as_date(group["event_date"]) == load.day:
                checks[group["app"]] = figures
            else:
                outside += figures["staged_rows"]
        if outside:
            raise LoadError(
                f"{outside} of the {staged} rows staged for {where} belong to another partition: nothing "
                "was loaded (the staged Parquet does not match its folder)"
            )
        missing = sum(c["missing_required_rows"] for c in checks.values())
        if missing:
            raise LoadError(
                f"{missing} of the {staged} rows staged for {where} lack a value in a NOT NULL column: "
                "nothing was loaded"
            )
        run_transaction(cursor, load.replace, dialect.rollback)
        counts = {row["app"]: int(row["rows"]) for row in fetch_rows(cursor, load.count)}
    finally:
        _cleanup(cursor, load.cleanup)
    results = {}
    for app in load.apps:
        check = checks.get(app, {})
        results[app] = LoadResult(
            table=load.table.name,
            rows=counts.get(app, 0),
            staged_rows=check.get("staged_rows", 0),
            truncated_rows=check.get("truncated_rows", 0),
            truncated_columns=_truncated(check),
            sources=load.sources,
        )
        _log_result(f"{load.table.name} ({app}, {load.day})", results[app])
    return results


def run_entity_load(cursor: Any, load: sql.EntityLoad, dialect: sql.Dialect = sql.TSQL) -> LoadResult:
    """Fill the staging table, then upsert its rows by key in one transaction."""
    try:
        for statement in load.prepare:
            execute(cursor, statement)
        check = fetch(cursor, load.check)
        if check["missing_required_rows"]:
            raise LoadError(
                f"{check['missing_required_rows']} of the {check['staged_rows']} rows staged for "
                f"{load.table.name} lack a value in a NOT NULL column: nothing was loaded"
            )
        keys = fetch(cursor, load.keys)["distinct_keys"]
        run_transaction(cursor, load.merge, dialect.rollback)
    finally:
        _cleanup(cursor, load.cleanup)
    result = LoadResult(
        table=load.table.name,
        rows=keys,
        staged_rows=check["staged_rows"],
        truncated_rows=check["truncated_rows"],
        truncated_columns=_truncated(check),
        duplicate_rows=check["staged_rows"] - keys,
        sources=load.sources,
    )
    _log_result(load.table.name, result)
    return result


def _log_result(where: str, result: LoadResult) -> None:
    log.info("loaded %s: %d rows (%d staged)", where, result.rows, result.staged_rows)
    if result.truncated_rows:
        log.warning(
            "%s: %d rows had values wider than their column and were truncated: %s",
            where,
            result.truncated_rows,
            dict(result.truncated_columns),
        )
    if result.duplicate_rows:
        log.warning(
            "%s: %d staged rows repeated a key; one row per key was kept", where, result.duplicate_rows
        )


class TickAlreadyLoaded(WarehouseError):
    """Another tick committed some of this tick's objects first: this one loaded nothing, and the next
    tick takes whatever is left."""


def run_tick_load(cursor: Any, load: Any, dialect: sql.Dialect = sql.TSQL) -> TickResult:
    """Fill and check every staging table, then append them all and the ledger in one transaction; the
    staging tables are dropped whatever happened. ``load`` is a ``sql.append.TickLoad``."""
    checks: dict[str, dict[str, int]] = {}
    try:
        for part in load.parts:
            for statement in part.prepare:
                execute(cursor, statement)
            checks[part.table.name] = fetch(cursor, part.check)
            missing = checks[part.table.name]["missing_required_rows"]
            if missing:
                raise LoadError(
                    f"{missing} of the rows staged by tick {load.tick_id} for {part.table.name} lack a "
                    "value in a NOT NULL column: nothing was loaded"
                )
        try:
            execute(cursor, load.begin)
            execute(cursor, load.lock)
            already = fetch(cursor, load.guard)["already_loaded"]
            if already:
                raise TickAlreadyLoaded(
                    f"{already} ledger rows of tick {load.tick_id}'s objects were committed by another tick "
                    "first: nothing was loaded"
                )
            for part in load.parts:
                execute(cursor, part.insert)
            execute(cursor, load.commit)
        except BaseException:
            with contextlib.suppress(Exception):
                execute(cursor, sql.Statement(dialect.rollback, kind="transaction"))
            raise
    finally:
        _cleanup(cursor, [s for part in load.parts for s in part.cleanup])
    results = {
        name: LoadResult(
            table=name,
            rows=check["staged_rows"],
            staged_rows=check["staged_rows"],
            truncated_rows=check["truncated_rows"],
            truncated_columns=_truncated(check),
        )
        for name, check in checks.items()
    }
    return TickResult(tick_id=load.tick_id, tables=results, statements=len(load.statements()))


@dataclass(frozen=True)
class TickResult:
    """What a tick's load appended, per table, and how many statements it took."""

    tick_id: str
    tables: Mapping[str, LoadResult]
    statements: int
