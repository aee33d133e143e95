"""The DuckDB warehouse: the embedded default, with DDL derived from the table declarations.

Loads are bulk (``read_parquet`` over the staged objects) and each partition is replaced inside one
transaction, so a re-run leaves exactly what one run did and a reader never sees half a partition.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb

from heroku_assets.storage.base import ObjectStore
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import Table
from heroku_assets.warehouse.base import validate_identifier

_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "json": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "timestamp": "TIMESTAMPTZ",
    "date": "DATE",
}


def create_table_sql(table: Table, schema: str = "main") -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one declared table."""
    cols = ",\n  ".join(
        f'"{validate_identifier(c.name)}" {_DUCKDB_TYPES[c.type]}{"" if c.nullable else " NOT NULL"}'
        for c in table.columns
    )
    name = f"{validate_identifier(schema)}.{validate_identifier(table.name)}"
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {cols}\n)"


def _select_list(table: Table) -> str:
    return ", ".join(f'"{validate_identifier(c.name)}"' for c in table.columns)


class DuckDBWarehouse:
    """The Warehouse protocol on one open DuckDB connection (the caller owns the connection)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, schema: str = "main") -> None:
        self.conn = conn
        self.schema = validate_identifier(schema)

    def _name(self, table: Table) -> str:
        return f"{self.schema}.{validate_identifier(table.name)}"

    def ensure_tables(self, tables: Sequence[Table]) -> None:
        if self.schema != "main":
            self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {self.schema}")
        for table in tables:
            self.conn.execute(create_table_sql(table, self.schema))

    def replace_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> int:
        assert table.partition_by == ("app", "event_date"), f"{table.name} is not partitioned by app/day"
        with _local_paths(store, keys) as paths:
            self.conn.execute("BEGIN TRANSACTION")
            try:
                self.conn.execute(
                    f"DELETE FROM {self._name(table)} WHERE app = ? AND event_date = ?", [app, day]
                )
                if paths:
                    # Rows are filtered to the partition so a stray file can never write into another one.
                    self.conn.execute(
                        f"INSERT INTO {self._name(table)} ({_select_list(table)}) "
                        f"SELECT {_select_list(table)} FROM read_parquet(?) WHERE app = ? AND event_date = ?",
                        [paths, app, day],
                    )
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return self.partition_rows(table, app, day)

    def upsert(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> int:
        assert table.primary_key, f"{table.name} has no primary key"
        if not keys:
            return 0
        key_cols = ", ".join(f'"{validate_identifier(k)}"' for k in table.primary_key)
        with _local_paths(store, keys) as paths:
            self.conn.execute("BEGIN TRANSACTION")
            try:
                self.conn.execute(
                    f"CREATE OR REPLACE TEMP TABLE _incoming AS "
                    f"SELECT DISTINCT ON ({key_cols}) {_select_list(table)} FROM read_parquet(?)",
                    [paths],
                )
                self.conn.execute(
                    f"DELETE FROM {self._name(table)} "
                    f"WHERE ({key_cols}) IN (SELECT {key_cols} FROM _incoming)"
                )
                self.conn.execute(
                    f"INSERT INTO {self._name(table)} ({_select_list(table)}) "
                    f"SELECT {_select_list(table)} FROM _incoming"
                )
                merged = self.conn.execute("SELECT count(*) FROM _incoming").fetchone()[0]
                self.conn.execute("DROP TABLE _incoming")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return int(merged)

    def ensure_views(self) -> list[str]:
        from heroku_assets.warehouse.views import VIEWS

        for sql in VIEWS.values():
            self.conn.execute(sql)
        return list(VIEWS)

    def duplicate_request_ids(self, app: str, day: dt.date) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM (SELECT request_id FROM router_events "
            "WHERE app = ? AND event_date = ? AND request_id IS NOT NULL "
            "GROUP BY request_id HAVING count(*) > 1) AS d",
            [app, day],
        ).fetchone()
        return int(row[0])

    def partition_rows(self, table: Table, app: str, day: dt.date) -> int:
        row = self.conn.execute(
            f"SELECT count(*) FROM {self._name(table)} WHERE app = ? AND event_date = ?", [app, day]
        ).fetchone()
        return int(row[0])


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
