"""The DuckDB warehouse: the embedded default, running the same load plans as Synapse.

Only the step that fills the staging table differs (an INSERT from read_parquet where Synapse runs COPY
INTO); the checks, the one transaction per replace, the counts and the drop are the same statements
rendered for DuckDB and run by the same runner. Each run stages into a table of its own, so two runs of
one partition never share staged rows (a temporary table, in memory and in its own connection); when both
then replace the partition at once, DuckDB's optimistic concurrency makes one of them fail with a
conflict and that one is retried.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import tenacity

from heroku_assets.storage.base import ObjectStore
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import LOG_TICKS, Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.base import LoadResult, nonempty_keys, partition_keys, validate_identifier
from heroku_assets.warehouse.load_runner import (
    StatementError,
    TickResult,
    execute,
    fetch,
    fetch_rows,
    run_entity_load,
    run_partition_load,
    run_tick_load,
)
from heroku_assets.warehouse.sql import append, ledger


def create_table_sql(table: Table, schema: str = "main") -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one declared table."""
    return sql.create_table(table, sql.TableName(schema, table.name), sql.DUCKDB).sql


def _conflict(exc: BaseException) -> bool:
    original = exc.original if isinstance(exc, StatementError) else exc
    return isinstance(original, duckdb.TransactionException) or "Conflict" in str(original)


class DuckDBWarehouse:
    """The Warehouse protocol on one open DuckDB connection (the caller owns the connection). Each
    operation runs on a cursor of its own (DuckDB's per-thread connection to the same database)."""

    def __init__(
        self,
        conn: duckdb.DuckDBPyConnection,
        schema: str = "main",
        staging_schema: str = sql.DUCKDB_TEMP,
        conflict_attempts: int = 5,
    ) -> None:
        self.conn = conn
        self.schema = validate_identifier(schema)
        self.staging_schema = validate_identifier(staging_schema)
        self._retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(conflict_attempts),
            wait=tenacity.wait_random(0.01, 0.1),
            retry=tenacity.retry_if_exception(_conflict),
            reraise=True,
        )

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[Any]:
        cursor = self.conn.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def _name(self, table: Table) -> sql.TableName:
        return sql.TableName(self.schema, table.name)

    def ensure_tables(self, tables: Sequence[Table]) -> None:
        with self._cursor() as cur:
            for schema in {self.schema, self.staging_schema} - {"main", sql.DUCKDB_TEMP}:
                execute(cur, sql.create_schema(schema, sql.DUCKDB))
            for table in tables:
                cur.execute(create_table_sql(table, self.schema))
            if any(t.name == LOG_TICKS.name for t in tables):
                execute(cur, append.seed_ticks_row(self.schema, sql.DUCKDB))

    def replace_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> LoadResult:
        return self._replace(table, day, {app: keys}, store)[app]

    def replace_day(
        self, table: Table, day: dt.date, partitions: Mapping[str, Sequence[str]], store: ObjectStore
    ) -> dict[str, LoadResult]:
        results = self._replace(table, day, partitions, store)
        self.update_statistics([table])
        return results

    def _replace(
        self, table: Table, day: dt.date, partitions: Mapping[str, Sequence[str]], store: ObjectStore
    ) -> dict[str, LoadResult]:
        apps = sorted(partitions)
        results: dict[str, LoadResult] = {}
        for i in range(0, len(apps), sql.MAX_APPS_PER_LOAD):
            chunk = apps[i : i + sql.MAX_APPS_PER_LOAD]
            keys = partition_keys(store, table, day, {app: partitions[app] for app in chunk})
            with _local_paths(store, keys) as paths:
                plan = sql.duckdb_partition_load(
                    table, day, chunk, paths, schema=self.schema, staging_schema=self.staging_schema
                )
                results.update(self._retrying.copy()(self._run_partition, plan))
        return results

    def _run_partition(self, plan: sql.PartitionLoad) -> dict[str, LoadResult]:
        with self._cursor() as cur:
            return run_partition_load(cur, plan, sql.DUCKDB)

    def upsert(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> LoadResult:
        keys = nonempty_keys(store, keys)
        if not keys:
            return LoadResult(table=table.name, rows=0, staged_rows=0)
        with _local_paths(store, keys) as paths:
            plan = sql.duckdb_entity_load(
                table, paths, schema=self.schema, staging_schema=self.staging_schema
            )

            def run() -> LoadResult:
                with self._cursor() as cur:
                    return run_entity_load(cur, plan, sql.DUCKDB)

            return self._retrying.copy()(run)

    def apply_masking(self, tables: Sequence[Table]) -> list[str]:
        """DuckDB has no dynamic data masking."""
        return []

    # -- ticks: append with the ledger -------------------------------------------------------------------

    def append_tick(
        self, tick_id: str, staged: Mapping[str, Sequence[str]], store: ObjectStore, ticked_at: dt.datetime
    ) -> TickResult:
        """Append a tick's staged files (table -> objects in ``store``) and its ledger rows in one
        transaction. A tick that meets another committing at the same moment retries until the other is
        done, then finds its objects loaded (``TickAlreadyLoaded``)."""
        keys = [k for table in append.APPEND_TABLES for k in staged.get(table.name, ())]
        with _local_paths(store, keys) as paths:
            by_key = dict(zip(keys, paths, strict=True))

            def run() -> TickResult:
                run_id = sql.new_run_id()
                names = append.tick_staging_names(self.staging_schema, run_id)
                fills = {
                    t.name: sql.duckdb_prepare(t, names[t.name], [by_key[k] for k in staged.get(t.name, ())])
                    for t in append.APPEND_TABLES
                }
                plan = append.tick_load(
                    tick_id, run_id, fills, names, schema=self.schema, dialect=sql.DUCKDB, ticked_at=ticked_at
                )
                with self._cursor() as cur:
                    return run_tick_load(cur, plan, sql.DUCKDB)

            retrying = self._retrying.copy(
                stop=tenacity.stop_after_delay(120), wait=tenacity.wait_random(0.05, 0.5)
            )
            return retrying(run)

    def consumed_objects(self, since: dt.date) -> set[str]:
        with self._cursor() as cur:
            rows = fetch_rows(cur, ledger.consumed_objects(self.schema, since, sql.DUCKDB))
        return {r["object_key"] for r in rows}

    def ticked_objects(self, app: str, day: dt.date) -> set[str]:
        with self._cursor() as cur:
            rows = fetch_rows(cur, ledger.ticked_objects(self.schema, app, day, sql.DUCKDB))
        return {r["object_key"] for r in rows}

    def known_copies(self, since: dt.datetime) -> set[tuple[str, str]]:
        with self._cursor() as cur:
            rows = fetch_rows(cur, ledger.known_copies(self.schema, since, sql.DUCKDB))
        return {(r["copy_name"], r["app"]) for r in rows}

    def day_lines(self, days: Sequence[dt.date]) -> dict[tuple[str, dt.date], int]:
        if not days:
            return {}
        with self._cursor() as cur:
            rows = fetch_rows(cur, ledger.day_lines(self.schema, sorted(days), sql.DUCKDB))
        return {(r["app"], r["event_date"]): int(r["lines"]) for r in rows}

    def seal_figures(self, app: str, day: dt.date) -> dict[str, int]:
        with self._cursor() as cur:
            return fetch(cur, ledger.seal_figures(self.schema, app, day, sql.DUCKDB))

    def record_rebuild(self, app: str, day: dt.date, rebuild_id: str, lines: int, at: dt.datetime) -> None:
        with self._cursor() as cur:
            execute(cur, ledger.rebuild_ledger(self.schema, app, day, rebuild_id, lines, at, sql.DUCKDB))

    def ensure_views(self) -> list[str]:
        from heroku_assets.warehouse.views import VIEWS

        with self._cursor() as cur:
            for text in VIEWS.values():
                cur.execute(text)
        return list(VIEWS)

    def update_statistics(self, tables: Sequence[Table]) -> None:
        """DuckDB keeps its statistics current itself; ANALYZE refreshes the distinct-value estimates."""
        with self._cursor() as cur:
            cur.execute("ANALYZE")

    def duplicate_request_ids(self, app: str, day: dt.date) -> int:
        query = sql.duplicate_request_ids(sql.TableName(self.schema, "router_events"), app, day, sql.DUCKDB)
        with self._cursor() as cur:
            return fetch(cur, query)["duplicated_request_ids"]

    def partition_rows(self, table: Table, app: str, day: dt.date) -> int:
        query = sql.partition_count(table, self._name(table), app, day, sql.DUCKDB)
        with self._cursor() as cur:
            return fetch(cur, query)["rows"]


@contextlib.contextmanager
def _local_paths(store: ObjectStore, keys: Sequence[str]) -> Iterator[list[str]]:
    """DuckDB reads local files; objects in a remote store are copied to a temporary folder first
    (DuckDB's own Azure extension would have to be downloaded at run time, which is not always possible)."""
    if isinstance(store, LocalObjectStore):
        yield [str(store.root / key) for key in keys]
        return
    with tempfile.TemporaryDirectory(prefix="heroku-assets-load-") as tmp:
        paths = []
        for i, key in enumerate(keys):
            path = Path(tmp) / f"{i:05d}.parquet"
            store.download(key, path)
            paths.append(str(path))
        yield paths
