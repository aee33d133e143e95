"""Where COPY INTO reads from: the staged Parquet objects in a real blob container (Azurite)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from azure.storage.blob import ContainerClient

from heroku_assets.storage import layout
from heroku_assets.storage.azure_blob import AzureBlobObjectStore
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import ALL_TABLES
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.base import LoadResult, StagedObjectsMissing
from heroku_assets.warehouse.sql import CopyCredential
from heroku_assets.warehouse.synapse_connection import SynapseConfig
from heroku_assets.warehouse.synapse_loader import FabricWarehouse, SynapseWarehouse
from heroku_assets.warehouse.synapse_setup import SynapseSetupError, copy_sources

DAY = dt.date(2026, 11, 20)
ROUTER = ALL_TABLES["router_events"]
SAS = "sv=2024-11-04&sp=rl&sig=c2lnbmF0dXJl%3D"


def _warehouse(**kwargs: object) -> SynapseWarehouse:
    config = SynapseConfig(server="myws.sql.azuresynapse.net", database="pool", user="u", password="p")
    return SynapseWarehouse(config, CopyCredential.sas(SAS), **kwargs)


def _stage(store: AzureBlobObjectStore, parts: int, app: str = "my-app") -> list[str]:
    keys = [layout.staged_object(ROUTER.name, app, DAY, part) for part in range(parts)]
    for key in keys:
        store.put(key, b"PAR1 not really parquet PAR1", {"rows": "1"})
    return keys


def test_copy_into_points_at_the_staged_folder(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container)
    keys = _stage(store, 2)
    _stage(store, 1, app="other-app")  # a neighbouring partition is not part of it
    store.put(layout.staged_prefix(ROUTER.name, "my-app", DAY) + "_SUCCESS", b"")  # COPY skips '_' names

    load = _warehouse().plan_partition_load(ROUTER, "my-app", DAY, store, keys)
    copy = next(s for s in load.prepare if s.kind == "copy")
    (url,) = load.sources
    assert url == f"{store.container_url}/router_events/app=my-app/date=2026-11-20/*.parquet"
    assert f"FROM '{url}'" in copy.sql
    # The objects the wildcard names are exactly the staged ones.
    prefix = url.removeprefix(store.container_url + "/").removesuffix("*.parquet")
    assert [i.key for i in store.list(prefix) if i.key.endswith(".parquet")] == keys


def test_a_subset_of_a_folder_is_listed_object_by_object(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container)
    keys = _stage(store, 3)
    urls = copy_sources(store, keys[:2])
    assert urls == [store.url(k) for k in keys[:2]]
    load = _warehouse().plan_partition_load(ROUTER, "my-app", DAY, store, keys[:2])
    copy = next(s for s in load.prepare if s.kind == "copy")
    assert all(f"'{u}'" in copy.sql for u in urls) and "*" not in copy.sql


def test_missing_staged_objects_are_refused_before_any_statement(blob_container: ContainerClient) -> None:
    """A folder found empty (a lifecycle rule, a cleanup) or an object gone since the listing: the load is
    refused, naming them, before a connection is opened (the warehouse's server does not exist)."""
    store = AzureBlobObjectStore(blob_container)
    with pytest.raises(StagedObjectsMissing, match="under router_events/app=my-app/date=2026-11-20/"):
        _warehouse().replace_partition(ROUTER, "my-app", DAY, store, [])
    keys = _stage(store, 1)
    gone = layout.staged_object(ROUTER.name, "my-app", DAY, 1)
    with pytest.raises(StagedObjectsMissing, match=f"missing: {gone}; nothing was loaded"):
        _warehouse().replace_partition(ROUTER, "my-app", DAY, store, [*keys, gone])
    with pytest.raises(StagedObjectsMissing, match="under router_events/app=b-app/date=2026-11-20/"):
        _warehouse().replace_day(ROUTER, DAY, {"my-app": keys, "b-app": []}, store)


def test_a_local_folder_cannot_feed_copy_into(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)
    key = layout.staged_object(ROUTER.name, "my-app", DAY)
    store.put(key, b"x")
    with pytest.raises(ValueError, match="is the staging store on Azure Blob Storage"):
        _warehouse().plan_partition_load(ROUTER, "my-app", DAY, store, [key])


def test_entity_loads_read_the_snapshot_folder(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container)
    table = ALL_TABLES["heroku_apps"]
    key = (
        layout.snapshot_prefix(table.name, dt.datetime(2026, 11, 20, 6, tzinfo=dt.UTC)) + "part-00000.parquet"
    )
    store.put(key, b"x")
    load = _warehouse(schema="heroku", staging_schema="heroku_stg").plan_entity_load(table, store, [key])
    assert load.sources == (f"{store.container_url}/heroku_apps/snapshot=20261120T060000Z/*.parquet",)
    assert load.merge[1].sql.startswith("DELETE FROM [heroku].[heroku_apps]")
    assert "[heroku_stg].[heroku_apps__" in load.prepare[0].sql


def test_load_result_metadata() -> None:
    url = "https://a.blob.core.windows.net/c/x/*.parquet"
    result = LoadResult(
        "router_events", 5, 5, truncated_rows=1, truncated_columns={"path": 1}, sources=(url,)
    )
    assert result.metadata() == {
        "rows": 5,
        "staged_rows": 5,
        "truncated_rows": 1,
        "truncated_columns": {"path": 1},
        "copy_sources": [url],
    }
    assert SAS not in repr(_warehouse())


def test_zero_row_objects_are_not_copied(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container)
    key = layout.staged_object(ROUTER.name, "my-app", DAY)
    store.put(key, b"PAR1 no row groups PAR1", {"rows": "0"})
    load = _warehouse().plan_partition_load(ROUTER, "my-app", DAY, store, [key])
    assert [s for s in load.prepare if s.kind == "copy"] == [] and load.sources == ()
    assert load.replace[1].sql.startswith("DELETE FROM [dbo].[router_events]")  # still replaced, to empty


def test_a_day_of_many_apps_is_one_copy_of_their_folders(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container)
    partitions = {app: _stage(store, 1, app=app) for app in ("a-app", "b-app", "c-app")}
    store.put(layout.staged_object(ROUTER.name, "d-app", DAY), b"", {"rows": "0"})
    partitions["d-app"] = [layout.staged_object(ROUTER.name, "d-app", DAY)]
    (plan,) = _warehouse().plan_day_load(ROUTER, DAY, partitions, store)
    (copy,) = [s for s in plan.prepare if s.kind == "copy"]
    assert plan.sources == tuple(
        f"{store.container_url}/router_events/app={app}/date=2026-11-20/*.parquet"
        for app in ("a-app", "b-app", "c-app")  # d-app staged nothing: not read, still replaced
    )
    assert plan.apps == ("a-app", "b-app", "c-app", "d-app")
    assert all(f"'{u}'" in copy.sql for u in plan.sources)


def test_an_identity_credential_needs_a_data_lake_account(blob_container: ContainerClient) -> None:
    """Azurite reports no hierarchical namespace; a real Blob Storage account without one says False."""
    store = AzureBlobObjectStore(blob_container)
    config = SynapseConfig(server="myws.sql.azuresynapse.net", database="pool", user="u", password="p")
    warehouse = SynapseWarehouse(config, CopyCredential.managed_identity())
    is_data_lake = store.is_data_lake()
    assert is_data_lake in (None, False)
    if is_data_lake is False:
        with pytest.raises(SynapseSetupError, match="ADLS Gen2"):
            warehouse.check_storage(store)
    else:
        warehouse.check_storage(store)  # unknown: not refused

    class FlatAccount(AzureBlobObjectStore):
        def is_data_lake(self) -> bool:
            return False

    with pytest.raises(SynapseSetupError, match="SYNAPSE_COPY_CREDENTIAL=sas"):
        warehouse.check_storage(FlatAccount(blob_container))
    SynapseWarehouse(config, CopyCredential.sas(SAS)).check_storage(FlatAccount(blob_container))  # SAS: fine


class _TranspilingConnection:
    """A DuckDB connection that runs T-SQL by transpiling it with sqlglot: enough to run the isolation
    query's own text against a sys.databases of our making."""

    def __init__(self, conn) -> None:
        self._conn = conn

    def cursor(self) -> _TranspilingConnection:
        return self

    def execute(self, text: str, params=None):
        import sqlglot

        if text.startswith("IF ") and "\n" in text:  # a guard sqlglot cannot transpile: run what it guards
            text = text.split("\n", 1)[1]
        (translated,) = sqlglot.transpile(text, read="tsql", write="duckdb")
        assert translated, text
        self._conn.execute(translated, params or [])
        return self

    def fetchall(self):
        return self._conn.fetchall()

    def close(self) -> None:
        pass


@pytest.mark.parametrize(("setting", "refused"), [(1, False), (0, True)])
def test_loads_are_refused_while_readers_would_see_half_a_partition(setting: int, refused: bool) -> None:
    import duckdb

    conn = duckdb.connect()
    conn.execute("CREATE SCHEMA sys")
    conn.execute("CREATE TABLE sys.databases (name VARCHAR, is_read_committed_snapshot_on BOOLEAN)")
    conn.execute("INSERT INTO sys.databases VALUES ('master', false), ('pool', ?)", [bool(setting)])
    conn.execute("CREATE MACRO db_name() AS 'pool'")
    warehouse = SynapseWarehouse(lambda: _TranspilingConnection(conn), CopyCredential.sas(SAS))
    if refused:
        with pytest.raises(
            SynapseSetupError, match=r"ALTER DATABASE \[<pool>\] SET READ_COMMITTED_SNAPSHOT ON"
        ):
            warehouse.check_isolation()
    else:
        warehouse.check_isolation()


def test_staging_tables_a_killed_run_left_behind_are_dropped_once() -> None:
    """The sweep's own statements, transpiled, on a sys.tables of our making: only this loader's staging
    tables older than a day go, and only the first ensure_tables looks."""
    import duckdb

    conn = duckdb.connect()
    conn.execute("CREATE SCHEMA sys")
    conn.execute("CREATE TABLE sys.schemas (schema_id INTEGER, name VARCHAR)")
    conn.execute("INSERT INTO sys.schemas VALUES (1, 'dbo'), (2, 'stg')")
    conn.execute("CREATE TABLE sys.tables (name VARCHAR, schema_id INTEGER, create_date TIMESTAMP)")
    conn.execute("CREATE MACRO sysutcdatetime() AS TIMESTAMP '2026-11-21 12:00:00'")
    conn.execute("CREATE SCHEMA stg")
    for name, created in [
        ("router_events__20261119__0123456789ab", "2026-11-19 01:00:00"),  # left behind
        ("router_events__20261121__fedcba987654", "2026-11-21 11:00:00"),  # a load running now
        ("keep_me", "2026-01-01 00:00:00"),  # not the loader's
    ]:
        conn.execute("INSERT INTO sys.tables VALUES (?, 2, ?)", [name, created])
        conn.execute(f'CREATE TABLE stg."{name}" (x INTEGER)')
    warehouse = SynapseWarehouse(lambda: _TranspilingConnection(conn), CopyCredential.sas(SAS))
    assert warehouse.drop_stale_staging_tables() == 1
    left = {
        r[0]
        for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'stg'").fetchall()
    }
    assert left == {"router_events__20261121__fedcba987654", "keep_me"}
    assert warehouse.drop_stale_staging_tables() == 0  # once per warehouse


def _no_connection():
    raise AssertionError("no statement should be sent")


def test_fabric_has_no_isolation_to_check_and_no_statistics_to_keep() -> None:
    warehouse = FabricWarehouse(_no_connection, CopyCredential.managed_identity())
    warehouse.check_isolation()  # snapshot isolation always: nothing read
    warehouse.update_statistics([ROUTER])  # kept by the engine: nothing sent
    assert "FabricWarehouse(custom connection" in repr(warehouse) and warehouse.dialect is sql.FABRIC


class _ConflictOnce(_TranspilingConnection):
    """The first statement fails as a Fabric write conflict does; the rest run on DuckDB."""

    failures: list[str] = []

    def execute(self, text: str, params=None):
        if not self.failures:
            message = (
                "[Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Snapshot isolation transaction "
                "aborted due to update conflict. (24556) (SQLExecDirectW)"
            )
            self.failures.append(message)
            raise RuntimeError("42000", message)
        return super().execute(text, params)


@pytest.mark.parametrize(("cls", "retried"), [(FabricWarehouse, True), (SynapseWarehouse, False)])
def test_a_fabric_write_conflict_is_retried_as_a_whole(cls, retried: bool) -> None:
    import duckdb

    from heroku_assets.warehouse.duckdb import create_table_sql

    conn = duckdb.connect()
    conn.execute("CREATE SCHEMA dbo")
    conn.execute(create_table_sql(ROUTER, "dbo"))
    _ConflictOnce.failures = []
    warehouse = cls(lambda: _ConflictOnce(conn), CopyCredential.sas(SAS), retry_wait=0.0)
    if retried:
        assert warehouse.partition_rows(ROUTER, "my-app", DAY) == 0
    else:  # 24556 means nothing on a dedicated pool: not retried there
        with pytest.raises(Exception, match="24556"):
            warehouse.partition_rows(ROUTER, "my-app", DAY)
    assert len(_ConflictOnce.failures) == 1


def test_masks_are_applied_only_when_masking_is_on() -> None:
    sent: list[str] = []

    class Recording(_TranspilingConnection):
        def execute(self, text: str, params=None):
            sent.append(text)
            return self

    off = SynapseWarehouse(_no_connection, CopyCredential.sas(SAS))
    assert off.apply_masking([ROUTER]) == []  # SYNAPSE_MASKING off: nothing sent
    on = FabricWarehouse(lambda: Recording(None), CopyCredential.sas(SAS), masked=True)
    assert on.apply_masking([ROUTER, ALL_TABLES["app_events"]]) == ["router_events.fwd"]
    assert sent == [
        "ALTER TABLE [dbo].[router_events] ALTER COLUMN [fwd] "
        "ADD MASKED WITH (FUNCTION = 'partial(0,\"xxx.xxx.xxx.xxx\",0)')"
    ]
