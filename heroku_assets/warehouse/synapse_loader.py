"""The Synapse and Fabric warehouses: COPY INTO this run's staging table, check, then replace the
partitions in one transaction. Both speak T-SQL through the same driver; what differs is their ``Dialect``.

The statements come from ``warehouse.sql`` (pure) and run through ``warehouse.load_runner`` (any DB-API
cursor), the very code the DuckDB warehouse runs its plans with.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import tenacity

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import LOG_TICKS, Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.base import LoadResult, nonempty_keys, partition_keys, validate_identifier
from heroku_assets.warehouse.load_runner import (
    StatementError,
    TickResult,
    as_date,
    execute,
    fetch,
    fetch_rows,
    run_entity_load,
    run_partition_load,
    run_tick_load,
)
from heroku_assets.warehouse.sql import append, ledger
from heroku_assets.warehouse.synapse_connection import (
    SynapseConfig,
    SynapseError,
    connect,
    import_pyodbc,
)
from heroku_assets.warehouse.synapse_errors import error_numbers, is_transient, retry_policy
from heroku_assets.warehouse.synapse_setup import (
    SynapseSetupError,
    copy_sources,
    data_lake_fix,
    isolation_fix,
    isolation_query,
)

log = logging.getLogger(__name__)


class SynapseWarehouse:
    """The Warehouse protocol on a Synapse dedicated SQL pool (or, with ``dialect=sql.FABRIC``, a Fabric
    Warehouse: ``FabricWarehouse``).

    ``connection``: a SynapseConfig, or any callable returning a DB-API connection (pyodbc). Each
    operation opens its own connection; a whole load is retried (``load_attempts``) on transient errors
    and on the dialect's ``retry_errors`` (Fabric's write conflicts), which is safe because every load is
    idempotent and each attempt has its own staging table. ``masked`` turns on dynamic data masking of
    the columns declared with ``masking`` (applied by ``apply_masking``, from the reference job).
    """

    dialect: sql.Dialect = sql.SYNAPSE

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
        warmup_wait: float = 30.0,
        warmup_attempts: int = 12,
        dialect: sql.Dialect | None = None,
    ) -> None:
        self.dialect = dialect or type(self).dialect
        self._config = connection if isinstance(connection, SynapseConfig) else None
        self._connect = (lambda: connect(connection)) if isinstance(connection, SynapseConfig) else connection
        self.copy_credential = copy_credential
        self.schema = validate_identifier(schema)
        self.staging_schema = validate_identifier(staging_schema)
        self.masked = masked
        self._policy = retry_policy(load_attempts, retry_wait, warmup_attempts, warmup_wait, max_wait=60)
        self._isolation_checked = False
        self._swept = False
        self._storage_checked: set[int] = set()

    def __repr__(self) -> str:
        where = self._config.describe() if self._config else "custom connection"
        return (
            f"{type(self).__name__}({where}, schema={self.schema!r}, staging_schema={self.staging_schema!r}, "
            f"copy_credential={self.copy_credential.kind!r}, masked={self.masked})"
        )

    @contextlib.contextmanager
    def cursor(self) -> Iterator[Any]:
        """A cursor on a connection of its own, closed afterwards."""
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
            return is_transient(original) or bool(error_numbers(original) & self.dialect.retry_errors)

        def before_sleep(state: tenacity.RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.warning("%s failed (attempt %d): %s; retrying", what, state.attempt_number, exc)

        retrying = tenacity.Retrying(
            **self._policy,
            retry=tenacity.retry_if_exception(transient),
            before_sleep=before_sleep,
            reraise=True,
        )
        return retrying(fn)

    def _placement(self, run_id: str | None) -> dict[str, Any]:
        """Where a load's statements put its tables, and the run its staging table belongs to."""
        return {
            "schema": self.schema,
            "staging_schema": self.staging_schema,
            "run_id": run_id,
            "dialect": self.dialect,
        }

    def _run(self, what: str, statements: Sequence[sql.Statement]) -> None:
        def run() -> None:
            with self.cursor() as cursor:
                for statement in statements:
                    execute(cursor, statement)

        self._retrying(what, run)

    # -- setup checks --------------------------------------------------------------------------------

    def check_isolation(self) -> None:
        """Refuse to load into a pool whose readers would see a partition half replaced (Fabric: always
        snapshot isolation, nothing to check)."""
        if self._isolation_checked or not self.dialect.checks_isolation:
            return

        def run() -> int:
            with self.cursor() as cursor:
                return fetch(cursor, isolation_query())["is_read_committed_snapshot_on"]

        if not self._retrying("reading the pool's isolation setting", run):
            raise SynapseSetupError(isolation_fix())
        self._isolation_checked = True

    def check_storage(self, store: ObjectStore) -> None:
        """A managed or Entra identity cannot read Parquet from a Blob Storage account without a
        hierarchical namespace: refuse before the first COPY fails on it."""
        needs_data_lake = self.dialect.copy_needs_data_lake(self.copy_credential.kind)
        if not needs_data_lake or id(store) in self._storage_checked:
            return
        is_data_lake = getattr(store, "is_data_lake", None)
        if callable(is_data_lake) and is_data_lake() is False:
            raise SynapseSetupError(data_lake_fix(self.copy_credential.kind))
        self._storage_checked.add(id(store))

    # -- the Warehouse protocol ----------------------------------------------------------------------

    def ensure_tables(self, tables: Sequence[Table]) -> None:
        self.check_isolation()
        statements = sql.ensure_statements(
            tables, schema=self.schema, staging_schema=self.staging_schema, dialect=self.dialect
        )
        if any(t.name == LOG_TICKS.name for t in tables):
            statements.append(append.seed_ticks_row(self.schema, self.dialect))
        self._run("creating the warehouse tables", statements)
        self.drop_stale_staging_tables()

    def apply_masking(self, tables: Sequence[Table]) -> list[str]:
        """Dynamic data masking on the declared columns of ``tables`` (which must exist), when ``masked``;
        the reference job runs it, never a load. Returns the masked columns as ``table.column``."""
        if not self.masked:
            return []
        statements = [s for t in tables for s in sql.masking(t, sql.TableName(self.schema, t.name))]
        if statements:
            self._run("applying dynamic data masking", statements)
        return [f"{t.name}.{c.name}" for t in tables for c in t.columns if c.masking]

    def drop_stale_staging_tables(self) -> int:
        """Drop staging tables a killed run left behind (older than a day), once per warehouse."""
        if self._swept:
            return 0
        from heroku_assets.tables import ALL_TABLES

        def run() -> list[str]:
            with self.cursor() as cursor:
                return [
                    row["name"] for row in fetch_rows(cursor, sql.stale_staging_query(self.staging_schema))
                ]

        drops = sql.stale_staging_drops(
            self.staging_schema,
            self._retrying("listing staging tables", run),
            list(ALL_TABLES.values()),
            self.dialect,
        )
        if drops:
            log.warning("dropping %d staging tables left behind by runs that did not finish", len(drops))
            self._run("dropping stale staging tables", drops)
        self._swept = True
        return len(drops)

    def plan_day_load(
        self,
        table: Table,
        day: dt.date,
        partitions: Mapping[str, Sequence[str]],
        store: ObjectStore,
        run_id: str | None = None,
    ) -> list[sql.PartitionLoad]:
        """The statements that replace the partitions (for a dry run or for metadata), without running
        them: one COPY for all apps (in plans of at most MAX_APPS_PER_LOAD apps)."""
        apps = sorted(partitions)
        plans = []
        for i in range(0, len(apps), sql.MAX_APPS_PER_LOAD):
            chunk = apps[i : i + sql.MAX_APPS_PER_LOAD]
            keys = partition_keys(store, table, day, {app: partitions[app] for app in chunk})
            plans.append(
                sql.synapse_partition_load(
                    table,
                    day,
                    chunk,
                    copy_sources(store, keys),
                    self.copy_credential,
                    **self._placement(run_id),
                )
            )
        return plans

    def plan_partition_load(
        self,
        table: Table,
        app: str,
        day: dt.date,
        store: ObjectStore,
        keys: Sequence[str],
        run_id: str | None = None,
    ) -> sql.PartitionLoad:
        (plan,) = self.plan_day_load(table, day, {app: keys}, store, run_id)
        return plan

    def _load(self, plan: sql.PartitionLoad) -> dict[str, LoadResult]:
        def run() -> dict[str, LoadResult]:
            # A retry reuses this run's staging table: the prepare step creates it if the failed attempt
            # dropped it and empties it if not; no other run ever names it.
            with self.cursor() as cursor:
                return run_partition_load(cursor, plan, self.dialect)

        return self._retrying(f"loading {plan.table.name} ({', '.join(plan.apps)}; {plan.day})", run)

    def replace_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> LoadResult:
        """Replace the rows of (app, day) with the staged Parquet ``keys``; the full report."""
        self.check_storage(store)
        return self._load(self.plan_partition_load(table, app, day, store, keys))[app]

    def replace_day(
        self, table: Table, day: dt.date, partitions: Mapping[str, Sequence[str]], store: ObjectStore
    ) -> dict[str, LoadResult]:
        self.check_storage(store)
        results: dict[str, LoadResult] = {}
        for plan in self.plan_day_load(table, day, partitions, store):
            results.update(self._load(plan))
        self.update_statistics([table])
        return results

    def plan_entity_load(
        self, table: Table, store: ObjectStore, keys: Sequence[str], run_id: str | None = None
    ) -> sql.EntityLoad:
        keys = nonempty_keys(store, keys)
        return sql.synapse_entity_load(
            table, copy_sources(store, keys), self.copy_credential, **self._placement(run_id)
        )

    def upsert(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> LoadResult:
        """Upsert the staged Parquet ``keys`` by the table's primary key; the full report."""
        if not keys:
            return LoadResult(table=table.name, rows=0, staged_rows=0)
        self.check_storage(store)
        load = self.plan_entity_load(table, store, keys)
        if not load.sources:  # every object is empty: nothing to merge
            return LoadResult(table=table.name, rows=0, staged_rows=0)

        def run() -> LoadResult:
            with self.cursor() as cursor:
                return run_entity_load(cursor, load, self.dialect)

        return self._retrying(f"upserting {table.name}", run)

    def partition_rows(self, table: Table, app: str, day: dt.date) -> int:
        query = sql.partition_count(table, sql.TableName(self.schema, table.name), app, day, self.dialect)

        def run() -> int:
            with self.cursor() as cursor:
                return fetch(cursor, query)["rows"]

        return self._retrying(f"counting {table.name} ({app}, {day})", run)

    def duplicate_request_ids(self, app: str, day: dt.date) -> int:
        query = sql.duplicate_request_ids(sql.TableName(self.schema, "router_events"), app, day, self.dialect)

        def run() -> int:
            with self.cursor() as cursor:
                return fetch(cursor, query)["duplicated_request_ids"]

        return self._retrying(f"counting duplicated request ids ({app}, {day})", run)

    # -- ticks: append with the ledger -------------------------------------------------------------------

    def plan_tick_load(
        self,
        tick_id: str,
        staged: Mapping[str, Sequence[str]],
        store: ObjectStore,
        ticked_at: dt.datetime,
        run_id: str | None = None,
    ) -> append.TickLoad:
        """The statements of one tick's append (for a dry run or golden files), without running them: one
        COPY INTO per table of the tick's one file, whatever the number of apps."""
        run_id = run_id or sql.new_run_id()
        names = append.tick_staging_names(self.staging_schema, run_id)
        fills = {
            t.name: sql.synapse_prepare(
                t,
                names[t.name],
                copy_sources(store, list(staged.get(t.name, ()))),
                self.copy_credential,
                dialect=self.dialect,
            )
            for t in append.APPEND_TABLES
        }
        return append.tick_load(
            tick_id, run_id, fills, names, schema=self.schema, dialect=self.dialect, ticked_at=ticked_at
        )

    def append_tick(
        self, tick_id: str, staged: Mapping[str, Sequence[str]], store: ObjectStore, ticked_at: dt.datetime
    ) -> TickResult:
        self.check_storage(store)
        load = self.plan_tick_load(tick_id, staged, store, ticked_at)

        def run() -> TickResult:
            with self.cursor() as cursor:
                return run_tick_load(cursor, load, self.dialect)

        return self._retrying(f"appending tick {tick_id}", run)

    def consumed_objects(self, since: dt.date) -> set[str]:
        return {
            r["object_key"]
            for r in self.query_rows(ledger.consumed_objects(self.schema, since, self.dialect))
        }

    def ticked_objects(self, app: str, day: dt.date) -> set[str]:
        return {
            r["object_key"]
            for r in self.query_rows(ledger.ticked_objects(self.schema, app, day, self.dialect))
        }

    def known_copies(self, since: dt.datetime) -> set[tuple[str, str]]:
        return {
            (r["copy_name"], r["app"])
            for r in self.query_rows(ledger.known_copies(self.schema, since, self.dialect))
        }

    def day_lines(self, days: Sequence[dt.date]) -> dict[tuple[str, dt.date], int]:
        if not days:
            return {}
        rows = self.query_rows(ledger.day_lines(self.schema, sorted(days), self.dialect))
        return {(r["app"], as_date(r["event_date"])): int(r["lines"]) for r in rows}

    def seal_figures(self, app: str, day: dt.date) -> dict[str, int]:
        (row,) = self.query_rows(ledger.seal_figures(self.schema, app, day, self.dialect))
        return {k: int(v or 0) for k, v in row.items()}

    def record_rebuild(self, app: str, day: dt.date, rebuild_id: str, lines: int, at: dt.datetime) -> None:
        self._run(
            f"recording the rebuild of {app} {day}",
            [ledger.rebuild_ledger(self.schema, app, day, rebuild_id, lines, at, self.dialect)],
        )

    def ensure_views(self) -> list[str]:
        """Create the analytics views where missing and ALTER them to their body (their tables must exist:
        ``ensure_tables`` first)."""
        from heroku_assets.warehouse.views import synapse_views

        views = synapse_views(self.schema)
        self._run("creating the analytics views", sql.view_statements(views, self.schema))
        return list(views)

    def update_statistics(self, tables: Sequence[Table]) -> None:
        """Statistics created once and refreshed by name (Synapse); nothing on Fabric, whose engine keeps
        them itself."""
        statements = sql.update_statistics(tables, self.schema, self.dialect)
        if statements:
            self._run("updating statistics", statements)

    def query_rows(self, query: sql.Query) -> list[dict[str, Any]]:
        def run() -> list[dict[str, Any]]:
            with self.cursor() as cursor:
                return fetch_rows(cursor, query)

        return self._retrying("querying", run)


class FabricWarehouse(SynapseWarehouse):
    """The Warehouse protocol on a Microsoft Fabric Warehouse: the Synapse loader with Fabric's dialect
    (``sql.FabricDialect``: no table options, varchar in the UTF-8 collation, no isolation setting to
    check, write conflicts retried as a whole load, statistics left to the engine)."""

    dialect: sql.Dialect = sql.FABRIC


def warehouse_class(target: str) -> type[SynapseWarehouse]:
    """The loader of a T-SQL warehouse target (``HEROKU_ASSETS_WAREHOUSE``): synapse or fabric."""
    if target not in ("synapse", "fabric"):
        raise ValueError(f"unknown warehouse target {target!r}: synapse or fabric")
    return FabricWarehouse if target == "fabric" else SynapseWarehouse
