"""Opt-in: the Synapse loader against a real dedicated SQL pool (or, with HEROKU_ASSETS_WAREHOUSE=fabric,
a Fabric Warehouse) and storage account.

Runs only when these are set (reported as skipped otherwise):
    SYNAPSE_SERVER          <workspace>.sql.azuresynapse.net (Fabric: <id>.datawarehouse.fabric.microsoft.com)
    SYNAPSE_DATABASE        the dedicated pool
    SYNAPSE_AUTH            sql (default) | service_principal | token
    SYNAPSE_USER, SYNAPSE_PASSWORD   SQL login, or client id and secret (not for token)
    AZURE_STORAGE_ACCOUNT_URL        https://<account>.blob.core.windows.net
    AZURE_STORAGE_SAS_TOKEN          a container SAS with read, write, list and delete
    HEROKU_ASSETS_STAGING_CONTAINER  an existing container (default heroku-staging)
Everything it creates (two schemas, their tables, the staged blobs) is removed at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid
from pathlib import Path

import pyarrow as pa
import pytest

from heroku_assets.logs.parquet import write_staged_table
from heroku_assets.storage import layout
from heroku_assets.storage.azure_blob import AzureBlobObjectStore
from heroku_assets.tables import ALL_TABLES, Table
from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.sql import CopyCredential
from heroku_assets.warehouse.synapse_connection import SynapseConfig, connect
from heroku_assets.warehouse.synapse_loader import FabricWarehouse, SynapseWarehouse

REQUIRED = ("SYNAPSE_SERVER", "SYNAPSE_DATABASE", "AZURE_STORAGE_ACCOUNT_URL", "AZURE_STORAGE_SAS_TOKEN")
ROUTER = ALL_TABLES["router_events"]
APPS = ALL_TABLES["heroku_apps"]
DAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def live():
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        pytest.skip(f"live Synapse test not configured: set {', '.join(missing)} to run it")
    from azure.storage.blob import ContainerClient

    env = os.environ
    auth = env.get("SYNAPSE_AUTH", "sql")
    config = SynapseConfig(
        server=env["SYNAPSE_SERVER"],
        database=env["SYNAPSE_DATABASE"],
        auth=auth,  # type: ignore[arg-type]
        user=env.get("SYNAPSE_USER"),
        password=env.get("SYNAPSE_PASSWORD"),
        login_timeout=60,
    )
    sas = env["AZURE_STORAGE_SAS_TOKEN"]
    container = env.get("HEROKU_ASSETS_STAGING_CONTAINER", "heroku-staging")
    store = AzureBlobObjectStore(ContainerClient(env["AZURE_STORAGE_ACCOUNT_URL"], container, credential=sas))
    suffix = uuid.uuid4().hex[:8]
    fabric = env.get("HEROKU_ASSETS_WAREHOUSE", "synapse").lower() == "fabric"
    warehouse = (FabricWarehouse if fabric else SynapseWarehouse)(
        config,
        CopyCredential.sas(sas),
        schema=f"hat_{suffix}",
        staging_schema=f"hat_{suffix}_stg",
        masked=True,
    )
    app = f"live-{suffix}"
    yield config, store, warehouse, app
    store.delete_prefix(f"{ROUTER.name}/app={app}/")
    store.delete_prefix(f"{APPS.name}/snapshot=")
    conn = connect(config)
    try:
        cursor = conn.cursor()
        views = cursor.execute(
            "SELECT v.name FROM sys.views v JOIN sys.schemas s ON s.schema_id = v.schema_id WHERE s.name = ?",
            warehouse.schema,
        ).fetchall()
        for (name,) in views:
            cursor.execute(f"DROP VIEW [{warehouse.schema}].[{validate_identifier(name)}]")
        for schema in (warehouse.schema, warehouse.staging_schema):
            tables = cursor.execute(
                "SELECT t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id "
                "WHERE s.name = ?",
                schema,
            ).fetchall()
            for (name,) in tables:
                cursor.execute(f"DROP TABLE [{schema}].[{validate_identifier(name)}]")
            cursor.execute(
                f"IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{schema}') DROP SCHEMA [{schema}]"
            )
    finally:
        conn.close()


def _upload(store: AzureBlobObjectStore, key: str, table: Table, rows: list[dict]) -> None:
    columns = {c: [r.get(c) for r in rows] for c in table.column_names}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "part.parquet"
        write_staged_table(table, pa.table(columns, schema=table.arrow_schema), path)
        store.put_file(key, path, {"rows": str(len(rows))})


def test_load_replace_and_upsert_on_a_real_pool(live) -> None:
    config, store, warehouse, app = live
    warehouse.ensure_tables([ROUTER, APPS])
    warehouse.ensure_tables([ROUTER, APPS])  # idempotent
    assert warehouse.apply_masking([ROUTER, APPS]) == ["router_events.fwd", "heroku_apps.owner_email"]
    warehouse.apply_masking([ROUTER, APPS])  # re-applying a mask is allowed

    ts = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    rows = [
        {
            "app": app,
            "event_date": DAY,
            "line_number": n,
            "event_ts": ts,
            "path": "/x",
            "status": 200,
            "tls": True,
        }
        for n in range(1, 4)
    ]
    rows[0]["desc"] = "d" * 500  # wider than nvarchar(400)
    key = layout.staged_object(ROUTER.name, app, DAY)
    _upload(store, key, ROUTER, rows)

    first = warehouse.replace_partition(ROUTER, app, DAY, store, [key])
    assert (first.rows, first.staged_rows, first.truncated_rows) == (3, 3, 1)
    assert dict(first.truncated_columns) == {"desc": 1}
    report = first.metadata()  # what the warehouse asset adds to its metadata
    assert report["truncated_rows"] == 1 and report["truncated_columns"] == {"desc": 1}
    assert report["copy_sources"] == [store.url(key).rpartition("/")[0] + "/*.parquet"]
    again = warehouse.replace_partition(ROUTER, app, DAY, store, [key])
    assert again.rows == 3 and warehouse.partition_rows(ROUTER, app, DAY) == 3

    warehouse.ensure_tables([ALL_TABLES["platform_events"], ALL_TABLES["heroku_error_codes"]])
    assert warehouse.ensure_views() == ["daily_request_stats", "errors_by_code"]
    assert warehouse.ensure_views() == [
        "daily_request_stats",
        "errors_by_code",
    ]  # created once, altered again
    assert warehouse.duplicate_request_ids(app, DAY) == 0

    snapshot = layout.snapshot_prefix(APPS.name, ts) + "part-00000.parquet"
    _upload(store, snapshot, APPS, [{"id": "a1", "name": app, "owner_email": "someone@example.com"}])
    assert warehouse.upsert(APPS, store, [snapshot]).rows == 1
    assert warehouse.upsert(APPS, store, [snapshot]).rows == 1

    conn = connect(config)
    try:
        cursor = conn.cursor()
        masked = cursor.execute(
            "SELECT c.name FROM sys.masked_columns c JOIN sys.tables t ON t.object_id = c.object_id "
            "JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = ? ORDER BY c.name",
            warehouse.schema,
        ).fetchall()
        assert [m[0] for m in masked] == ["fwd", "owner_email"]
        count = cursor.execute(f"SELECT COUNT_BIG(*) FROM [{warehouse.schema}].[heroku_apps]").fetchone()[0]
        assert count == 1
        stats = cursor.execute(
            f"SELECT [requests], [p50_service_ms] FROM [{warehouse.schema}].[daily_request_stats] "
            "WHERE [app] = ?",
            app,
        ).fetchall()
        assert [tuple(r) for r in stats] == [(3, None)]  # the rows have no service_ms
    finally:
        conn.close()
