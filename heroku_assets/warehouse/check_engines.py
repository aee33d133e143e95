"""The engines ``heroku-assets warehouse check`` runs on: what it needs of one (``CheckEngine``: a dialect, a
cursor, the load plans), for a Synapse pool or Fabric Warehouse and for DuckDB."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import Table
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_probe import APP, DAY, PROBE, CheckNames


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


def _scratch(names: CheckNames, dialect: sql.Dialect | None = None) -> dict[str, Any]:
    """Where the check's loads write: its scratch schema, for target and staging tables alike."""
    where: dict[str, Any] = {"schema": names.schema, "staging_schema": names.schema, "run_id": names.run_id}
    return where if dialect is None else {**where, "dialect": dialect}


def warehouse_engine(warehouse: Any, store: ObjectStore) -> CheckEngine:
    """The check on a SynapseWarehouse's pool or a FabricWarehouse, with its COPY credential and its
    masking setting, one connection throughout."""
    from heroku_assets.warehouse.synapse_setup import SynapseSetupError, copy_sources

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
