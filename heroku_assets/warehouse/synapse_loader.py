"""The Synapse warehouse: COPY INTO a staging table, check, then replace the partition in one transaction.

The statements come from ``synapse_sql`` (pure); this module only runs them, in order, on a DB-API
cursor. ``run_partition_load`` and ``run_entity_load`` are engine-agnostic: the same functions run the
DuckDB rendering of the statements in the tests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import tenacity

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import Table
from heroku_assets.warehouse import synapse_sql as sql
from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.synapse_connection import (
    SynapseConfig,
    SynapseError,
    connect,
    import_pyodbc,
    is_transient,
)

log = logging.getLogger(__name__)


class LoadError(SynapseError):
    """The staged data breaks an invariant the load relies on (rows of another partition, a required
    value missing): nothing was changed in the target table."""


class StatementError(SynapseError):
    """A statement failed; the message names it (first line) and the engine's reason, never a secret."""

    def __init__(self, statement: sql.Statement, exc: BaseException) -> None:
        self.original = exc
        reason = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
        if statement.secret:
            reason = reason.replace(statement.secret, "***")
        super().__init__(f"{statement.sql.splitlines()[0]} ... failed: {reason}")


@dataclass(frozen=True)
class LoadResult:
    """What a load did. ``rows``: rows the partition holds afterwards (replace) or rows merged (upsert).
    ``truncated_rows``: rows with at least one value cut to its column's width (``truncated_columns``
    counts them per column); they are loaded, and flagged here rather than failing the load."""

    table: str
    rows: int
    staged_rows: int
    truncated_rows: int = 0
    truncated_columns: Mapping[str, int] = field(default_factory=dict)
    duplicate_rows: int = 0
    sources: tuple[str, ...] = ()

    def metadata(self) -> dict[str, object]:
        """The figures as asset metadata (URLs carry no secret)."""
        out: dict[str, object] = {
            "rows": self.rows,
            "staged_rows": self.staged_rows,
            "truncated_rows": self.truncated_rows,
        }
        if self.truncated_columns:
            out["truncated_columns"] = dict(self.truncated_columns)
        if self.duplicate_rows:
            out["duplicate_rows"] = self.duplicate_rows
        if self.sources:
            out["copy_sources"] = list(self.sources)
        return out


# -- running statements on any DB-API cursor ---------------------------------------------------------


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


def fetch(cursor: Any, query: sql.Query) -> dict[str, int]:
    execute(cursor, query.statement)
    row = cursor.fetchone()
    if row is None:
        raise SynapseError(f"{query.statement.sql.splitlines()[0]} returned no row")
    return {name: int(value or 0) for name, value in zip(query.columns, row, strict=True)}


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


def _truncated(check: Mapping[str, int]) -> dict[str, int]:
    prefix = "truncated__"
    return {k[len(prefix) :]: v for k, v in check.items() if k.startswith(prefix) and v}


def run_partition_load(cursor: Any, load: sql.PartitionLoad, dialect: sql.Dialect = sql.TSQL) -> LoadResult:
    """Prepare the staging table, refuse staged rows that break an invariant, replace the partition in
    one transaction, and report what it holds now."""
    for statement in load.prepare:
        execute(cursor, statement)
    check = fetch(cursor, load.check)
    where = f"{load.table.name} ({load.app}, {load.day})"
    if check["outside_rows"]:
        raise LoadError(
            f"{check['outside_rows']} of the {check['staged_rows']} rows staged for {where} belong to "
            "another partition: nothing was loaded (the staged Parquet does not match its folder)"
        )
    if check["missing_required_rows"]:
        raise LoadError(
            f"{check['missing_required_rows']} of the {check['staged_rows']} rows staged for {where} lack a "
            "value in a NOT NULL column: nothing was loaded"
        )
    run_transaction(cursor, load.replace, dialect.rollback)
    rows = fetch(cursor, load.count)["rows"]
    for statement in load.cleanup:
        execute(cursor, statement)
    result = LoadResult(
        table=load.table.name,
        rows=rows,
        staged_rows=check["staged_rows"],
        truncated_rows=check["truncated_rows"],
        truncated_columns=_truncated(check),
        sources=load.sources,
    )
    _log_result(where, result)
    return result


def run_entity_load(cursor: Any, load: sql.EntityLoad, dialect: sql.Dialect = sql.TSQL) -> LoadResult:
    """Prepare the staging table, then upsert its rows by key in one transaction."""
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
    for statement in load.cleanup:
        execute(cursor, statement)
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


# -- COPY INTO sources -------------------------------------------------------------------------------


def copy_sources(store: ObjectStore, keys: Sequence[str]) -> list[str]:
    """The URLs COPY INTO reads: the folder's ``*.parquet`` when the keys are exactly the Parquet objects
    of one folder (COPY's wildcard also descends into subfolders and skips names starting with _ or .),
    otherwise each object's URL."""
    if not keys:
        return []
    folders = {k.rpartition("/")[0] for k in keys}
    if len(folders) == 1 and all(k.endswith(".parquet") for k in keys):
        folder = folders.pop()
        listed = {
            info.key
            for info in store.list(folder + "/")
            if info.key.endswith(".parquet") and not info.key.rpartition("/")[2].startswith(("_", "."))
        }
        if listed == set(keys):
            return [store.url(sorted(keys)[0]).rpartition("/")[0] + "/*.parquet"]
    return [store.url(k) for k in sorted(keys)]


# -- the warehouse -----------------------------------------------------------------------------------


class SynapseWarehouse:
    """The Warehouse protocol on a Synapse dedicated SQL pool.

    ``connection``: a SynapseConfig, or any callable returning a DB-API connection (pyodbc). Each
    operation opens its own connection; a whole load is retried (``load_attempts``) on transient errors,
    which is safe because every load is idempotent. ``masked`` turns on dynamic data masking of the
    columns declared with ``masking`` when tables are ensured.
    """

    def __init__(
        self,
        connection: SynapseConfig | Callable[[], Any],
        copy_credential: sql.CopyCredential,
        *,
        schema: str = "dbo",
        staging_schema: str = "stg",
        masked: bool = False,
        load_attempts: int = 3,
        retry_wait: float = 5.0,
    ) -> None:
        self._config = connection if isinstance(connection, SynapseConfig) else None
        self._connect = (lambda: connect(connection)) if isinstance(connection, SynapseConfig) else connection
        self.copy_credential = copy_credential
        self.schema = validate_identifier(schema)
        self.staging_schema = validate_identifier(staging_schema)
        self.masked = masked
        self._load_attempts = load_attempts
        self._retry_wait = retry_wait
        # The report of the last load or upsert, for the asset's metadata (truncated values above all).
        self.last_load: LoadResult | None = None

    def __repr__(self) -> str:
        where = self._config.describe() if self._config else "custom connection"
        return (
            f"SynapseWarehouse({where}, schema={self.schema!r}, staging_schema={self.staging_schema!r}, "
            f"copy_credential={self.copy_credential.kind!r}, masked={self.masked})"
        )

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[Any]:
        conn = self._connect()
        try:
            cursor = conn.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            conn.close()

    def _retrying(self, what: str, fn: Callable[[], Any]) -> Any:
        pyodbc = import_pyodbc() if self._config else None

        def transient(exc: BaseException) -> bool:
            original = exc.original if isinstance(exc, StatementError) else exc
            if isinstance(original, SynapseError):  # refused data, missing driver, no connection
                return False
            if pyodbc is not None and not isinstance(original, pyodbc.Error):
                return False
            return is_transient(original)

        def before_sleep(state: tenacity.RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.warning("%s failed (attempt %d): %s; retrying", what, state.attempt_number, exc)

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self._load_attempts),
            wait=tenacity.wait_exponential(multiplier=self._retry_wait, max=60),
            retry=tenacity.retry_if_exception(transient),
            before_sleep=before_sleep,
            reraise=True,
        )
        return retrying(fn)

    def ensure_tables(self, tables: Sequence[Table]) -> None:
        statements = sql.ensure_statements(
            tables, schema=self.schema, staging_schema=self.staging_schema, masked=self.masked
        )

        def run() -> None:
            with self._cursor() as cursor:
                for statement in statements:
                    execute(cursor, statement)

        self._retrying("creating the warehouse tables", run)

    def plan_partition_load(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> sql.PartitionLoad:
        """The statements a partition load will run (for a dry run or for metadata), without running them."""
        return sql.synapse_partition_load(
            table,
            app,
            day,
            copy_sources(store, keys),
            self.copy_credential,
            schema=self.schema,
            staging_schema=self.staging_schema,
        )

    def load_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> LoadResult:
        """Replace the rows of (app, day) with the staged Parquet ``keys``; the full report."""
        self.last_load = None  # a failed load must not leave the report of an earlier one behind
        load = self.plan_partition_load(table, app, day, store, keys)

        def run() -> LoadResult:
            with self._cursor() as cursor:
                return run_partition_load(cursor, load)

        self.last_load = self._retrying(f"loading {table.name} ({app}, {day})", run)
        return self.last_load

    def replace_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> int:
        return self.load_partition(table, app, day, store, keys).rows

    def plan_entity_load(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> sql.EntityLoad:
        return sql.synapse_entity_load(
            table,
            keys,
            copy_sources(store, keys),
            self.copy_credential,
            schema=self.schema,
            staging_schema=self.staging_schema,
        )

    def merge_entities(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> LoadResult:
        """Upsert the staged Parquet ``keys`` by the table's primary key; the full report."""
        self.last_load = None
        if not keys:
            self.last_load = LoadResult(table=table.name, rows=0, staged_rows=0)
            return self.last_load
        load = self.plan_entity_load(table, store, keys)

        def run() -> LoadResult:
            with self._cursor() as cursor:
                return run_entity_load(cursor, load)

        self.last_load = self._retrying(f"upserting {table.name}", run)
        return self.last_load

    def upsert(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> int:
        return self.merge_entities(table, store, keys).rows

    def partition_rows(self, table: Table, app: str, day: dt.date) -> int:
        query = sql.partition_count(table, sql.TableName(self.schema, table.name), app, day)

        def run() -> int:
            with self._cursor() as cursor:
                return fetch(cursor, query)["rows"]

        return self._retrying(f"counting {table.name} ({app}, {day})", run)

    def last_load_metadata(self) -> dict[str, object]:
        """What the last ``replace_partition`` or ``upsert`` reported beyond its row count (staged rows,
        truncated values per column, the COPY INTO sources); empty before any load or after a failed one."""
        return self.last_load.metadata() if self.last_load else {}

    def duplicate_request_ids(self, app: str, day: dt.date) -> int:
        query = sql.duplicate_request_ids(sql.TableName(self.schema, "router_events"), app, day)

        def run() -> int:
            with self._cursor() as cursor:
                return fetch(cursor, query)["duplicated_request_ids"]

        return self._retrying(f"counting duplicated request ids ({app}, {day})", run)

    def ensure_views(self) -> list[str]:
        """Drop and create the analytics views (their tables must exist: ``ensure_tables`` first)."""
        from heroku_assets.warehouse.views import synapse_views

        names = list(synapse_views(self.schema))
        statements = sql.view_statements(self.schema)

        def run() -> None:
            with self._cursor() as cursor:
                for statement in statements:
                    execute(cursor, statement)

        self._retrying("creating the analytics views", run)
        return names
