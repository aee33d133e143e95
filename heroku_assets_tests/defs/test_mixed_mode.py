"""The mixed mode end to end (Azure Blob Storage on a real Azurite, DuckDB as the warehouse) and the azure
mode's resources as the UI sees them.

The mixed-mode run goes through the real definitions, as `make run` does: import into the raw container,
the partition job (raw -> staged Parquet blobs -> DuckDB), the reference job. Then the COPY INTO statements
the Synapse loader would run for the partition are planned against the same staging container and must
point at exactly the staged blobs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import sqlglot
from azure.storage.blob import BlobClient
from dagster_graphql.test.utils import (
    define_out_of_process_context,
    execute_dagster_graphql,
    infer_repository_selector,
)
from sqlglot import exp

from heroku_assets import settings as settings_module
from heroku_assets.capture.imports import import_file
from heroku_assets.defs.logs.assets import RAW_LOGS
from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.defs.partitions import heroku_apps, log_partition_key
from heroku_assets.defs.resources import build_resources
from heroku_assets.logs.staging import staged_rows
from heroku_assets.resources.azure import BlobStoresResource
from heroku_assets.resources.synapse import SynapseWarehouseResource, synapse_warehouse_resource
from heroku_assets.storage import layout
from heroku_assets.storage.azure_blob import AzureBlobObjectStore
from heroku_assets.storage.factory import open_stores
from heroku_assets.tables import EVENT_TABLES
from heroku_assets.warehouse import sql
from heroku_assets_tests.defs.conftest import days_ago
from heroku_assets_tests.fixtures_azurite import Azurite

WORKSPACE = Path(__file__).resolve().parents[2] / "workspace.yaml"
APP = "shop"
# Shaped like real secrets, made up: none may show in the UI, a repr or a log.
PASSWORD = "Synapse-pw;not}shown=1"
SAS = "sv=2024-11-04&ss=b&srt=co&sp=rl&se=2026-12-31T00%3A00%3A00Z&spr=https&sig=bm90c2hvd24%3D"
KEY = "bm90c2hvd25ub3RzaG93bm5vdHNob3dubm90c2hvd25ub3RzaG93bm5vdHNob3duLg+/w=="


def _synapse_env(env: pytest.MonkeyPatch, **overrides: str) -> None:
    values = {
        "SYNAPSE_SERVER": "myws.sql.azuresynapse.net",
        "SYNAPSE_DATABASE": "pool",
        "SYNAPSE_USER": "loader",
        "SYNAPSE_PASSWORD": PASSWORD,
        **overrides,
    }
    for name, value in values.items():
        env.setenv(name, value)


def _dump(day: dt.date) -> str:
    router = (
        "heroku[router]: at={at} method=GET path=/orders/{i} host=shop.example.com request_id={rid} "
        'fwd="10.0.0.{i}" dyno=web.1 connect=1ms service={ms}ms status={status} bytes={size} protocol=https'
    )
    lines = [
        f"{day}T09:{i // 60:02d}:{i % 60:02d}.{i:06d}+00:00 "
        + router.format(
            at="error" if i % 7 == 0 else "info",
            i=i,
            rid=f"req-{i % 30}",  # ids repeat: the duplicate check has something to count
            ms=5 + 3 * i,
            status=503 if i % 7 == 0 else 200,
            size=100 + i,
        )
        for i in range(40)
    ]
    lines += [
        f"{day}T10:00:00+00:00 app[web.1]: Completed 200 OK in 12ms",
        f"{day}T10:00:01+00:00 heroku[web.1]: State changed from starting to up",
        f"{day}T10:00:02+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)",
        f"{day}T10:00:03+00:00 heroku[web.1]: source=web.1 dyno=heroku.1.abc sample#memory_total=21.00MB "
        "sample#load_avg_1m=0.01",
        "not a log line at all",
    ]
    return "\n".join(lines) + "\n"


def _copy_statement(load) -> tuple[object, exp.Copy]:
    (copy,) = [s for s in load.prepare if s.kind == "copy"]
    tree = sqlglot.parse_one(copy.sql, read="tsql")
    assert isinstance(tree, exp.Copy)
    return copy, tree


def test_the_partition_job_runs_through_azurite_and_copy_into_reads_the_staged_blobs(
    mixed_env, azurite: Azurite, clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from heroku_assets.definitions import defs

    day = days_ago(2)
    dump = tmp_path / "dump.log"
    dump.write_text(_dump(day))
    settings = settings_module.load()
    with open_stores(settings) as stores:
        imported = import_file(stores.raw, dump, APP)
    assert imported.created and imported.lines == 45

    definitions = defs()
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(heroku_apps.name, [APP])
        run = definitions.resolve_job_def(JOB_NAME).execute_in_process(
            partition_key=log_partition_key(APP, day), instance=instance
        )
        assert run.success
        checks = [e for e in run.get_asset_check_evaluations() if e.check_name != "request_id_duplicates"]
        assert len(checks) == 2 * len(EVENT_TABLES) and all(e.passed for e in checks)
        duplicates = next(
            e for e in run.get_asset_check_evaluations() if e.check_name == "request_id_duplicates"
        )
        assert duplicates.metadata["duplicated_request_ids"].value == 10  # req-0..req-9 twice each
        reference = definitions.resolve_job_def("warehouse_reference_job").execute_in_process(
            instance=instance
        )
        assert reference.success
        materialized = {
            key: instance.get_latest_materialization_event(key).asset_materialization.metadata
            for key in [
                RAW_LOGS,
                *(dg.AssetKey(["staged", t.name]) for t in EVENT_TABLES),
            ]
        }
        logs = "\n".join(
            str(entry.dagster_event or entry.user_message)
            for r in (run, reference)
            for entry in instance.all_logs(r.run_id)
        )
    assert azurite.account_key not in logs

    with open_stores(settings) as stores:
        assert isinstance(stores.raw, AzureBlobObjectStore) and isinstance(
            stores.staging, AzureBlobObjectStore
        )
        assert stores.raw.container_url == f"{azurite.account_url}/{mixed_env['raw']}"
        # The raw partition (its text, and its lines as read) is beside the imported dump, and its URL is
        # in the asset's metadata.
        raw_partition = layout.raw_partition_object(APP, day)
        as_read = layout.raw_lines_object(APP, day)
        assert [i.key for i in stores.raw.list()] == sorted([imported.key, raw_partition, as_read])
        text_sha256 = stores.raw.head(raw_partition).metadata["sha256"]
        assert stores.raw.head(as_read).metadata["text_sha256"] == text_sha256
        assert stores.raw.head(raw_partition).metadata["lines"] == "45"
        assert materialized[RAW_LOGS]["object"].value == stores.raw.url(raw_partition)
        assert materialized[RAW_LOGS]["lines_as_read"].value == stores.raw.url(as_read)
        # One Parquet blob per event table, plus the error-code reference the reference job staged.
        staged = {t.name: staged_rows(stores.staging, t.name, APP, day) for t in EVENT_TABLES}
        assert {i.key for i in stores.staging.list()} == {
            *(layout.staged_object(t.name, APP, day) for t in EVENT_TABLES),
            "heroku_error_codes/reference/part-00000.parquet",
        }
        for table in EVENT_TABLES:
            keys, rows = staged[table.name]
            assert keys == [layout.staged_object(table.name, APP, day)]
            url = materialized[dg.AssetKey(["staged", table.name])]["object"].value
            assert url == stores.staging.url(keys[0]) and url.startswith(azurite.account_url)
        # router, app, platform, metrics, spans (none: no OTLP here), rejected
        assert [staged[t.name][1] for t in EVENT_TABLES] == [40, 1, 2, 2, 0, 1]

        _assert_duckdb_holds_the_staged_rows(settings, stores.staging, staged, day, tmp_path)
        _assert_copy_into_reads_the_staged_blobs(clean_env, azurite, stores.staging, staged, day)


def _assert_duckdb_holds_the_staged_rows(settings, staging, staged, day: dt.date, tmp_path: Path) -> None:
    """Every staged row is in DuckDB and DuckDB holds no other row of the partition (multisets)."""
    with duckdb.connect(str(settings.duckdb_path), read_only=True) as conn:
        for table in EVENT_TABLES:
            (key,) = staged[table.name][0]
            local = tmp_path / f"{table.name}.parquet"
            staging.download(key, local)
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            partition = f"SELECT {cols} FROM {table.name} WHERE app = ? AND event_date = ?"  # noqa: S608
            # The staged values as the load writes them (timestamps from epoch microseconds, strings fitted).
            staged_values = ", ".join(sql.staged_value(c, sql.DUCKDB) for c in table.columns)
            from_blob = f"SELECT {staged_values} FROM read_parquet(?)"  # noqa: S608
            missing = conn.execute(f"{from_blob} EXCEPT ALL {partition}", [str(local), APP, day]).fetchall()
            extra = conn.execute(f"{partition} EXCEPT ALL {from_blob}", [APP, day, str(local)]).fetchall()
            count = conn.execute(f"SELECT count(*) FROM ({partition})", [APP, day]).fetchone()[0]  # noqa: S608
            assert (missing, extra, count) == ([], [], staged[table.name][1]), table.name
        stats = conn.execute(
            "SELECT requests, errors FROM daily_request_stats WHERE app = ?", [APP]
        ).fetchall()
        assert stats == [(40, 6)]  # i = 0, 7, ..., 35 answered 503


def _assert_copy_into_reads_the_staged_blobs(
    env: pytest.MonkeyPatch, azurite: Azurite, staging: AzureBlobObjectStore, staged, day: dt.date
) -> None:
    """The azure mode's warehouse resource, opened as a run opens it, plans each table's load against the
    staging container: COPY INTO names the partition's folder, and that folder holds exactly the staged
    blobs, which the URL reaches."""
    _synapse_env(env, SYNAPSE_COPY_CREDENTIAL="key")
    resource = synapse_warehouse_resource()
    with dg.build_resources({"warehouse": resource}) as resources, resources.warehouse.open() as warehouse:
        for table in EVENT_TABLES:
            keys, rows = staged[table.name]
            load = warehouse.plan_partition_load(table, APP, day, staging, keys)
            if not rows:  # an empty partition (no spans in Cedar logs) replaces to empty without a COPY
                assert load.sources == ()
                continue
            folder = f"{staging.container_url}/{layout.staged_prefix(table.name, APP, day)}"
            assert load.sources == (folder + "*.parquet",)
            copy, tree = _copy_statement(load)
            assert [f.name for f in tree.args["files"]] == [folder + "*.parquet"]
            assert tree.this.sql("tsql").startswith(f"[stg].[{table.name}__{day:%Y%m%d}__")  # this run's own
            assert azurite.account_key not in copy.sql and azurite.account_key not in repr(load)
            assert f"SECRET = '{azurite.account_key}'" in copy.executable_sql()
            # What the wildcard matches (COPY skips names starting with _ or .) is what was staged ...
            matched = [
                i.key
                for i in staging.list(layout.staged_prefix(table.name, APP, day))
                if i.key.endswith(".parquet") and not i.key.rpartition("/")[2].startswith(("_", "."))
            ]
            assert matched == keys
            # ... and the folder URL reaches those very blobs.
            for key in matched:
                blob = BlobClient.from_blob_url(
                    folder + key.rpartition("/")[2],
                    credential={"account_name": azurite.account_name, "account_key": azurite.account_key},
                )
                assert blob.download_blob().readall() == staging.get(key)
            replace = [s.sql.split()[0] for s in load.replace]
            assert replace == ["BEGIN", "DELETE", "INSERT", "COMMIT"] and load.replace[1].params == (day, APP)


# -- the azure environment's resources ----------------------------------------------------------------


def _azure_env(env: pytest.MonkeyPatch, **overrides: str) -> None:
    env.setenv("HEROKU_ASSETS_ENV", "azure")
    env.setenv("AZURE_STORAGE_ACCOUNT_URL", "https://examplestaging.blob.core.windows.net")
    env.setenv("AZURE_STORAGE_ACCOUNT_KEY", KEY)
    _synapse_env(env, **overrides)


def test_azure_mode_resources_hold_env_var_references_and_open_with_the_values(clean_env) -> None:
    _azure_env(clean_env, SYNAPSE_MASKING="on", SYNAPSE_SCHEMA="heroku")
    resources = build_resources(settings_module.load())
    stores, warehouse = resources["stores"], resources["warehouse"]
    assert isinstance(stores, BlobStoresResource) and isinstance(warehouse, SynapseWarehouseResource)
    assert warehouse.password == dg.EnvVar("SYNAPSE_PASSWORD")
    assert warehouse.copy_secret == dg.EnvVar("AZURE_STORAGE_ACCOUNT_KEY")
    assert (warehouse.copy_credential, warehouse.masked, warehouse.target_schema) == ("key", True, "heroku")
    with dg.build_resources({"warehouse": warehouse}) as built, built.warehouse.open() as opened:
        # Resolved at run time, and still out of every repr.
        assert opened.copy_credential.kind == "account_key" and opened.copy_credential.secret == KEY
        assert opened._config.password == PASSWORD
        shown = repr(built.warehouse) + repr(opened) + str(built.warehouse)
        assert PASSWORD not in shown and KEY not in shown
        assert "myws.sql.azuresynapse.net,1433/pool as SQL login loader" in repr(opened)
        assert (opened.schema, opened.staging_schema, opened.masked) == ("heroku", "stg", True)


def test_fabric_is_chosen_by_heroku_assets_warehouse(clean_env) -> None:
    from heroku_assets.warehouse import sql
    from heroku_assets.warehouse.synapse_loader import FabricWarehouse

    _azure_env(
        clean_env,
        HEROKU_ASSETS_WAREHOUSE="fabric",
        SYNAPSE_SERVER="abc123.datawarehouse.fabric.microsoft.com",
        SYNAPSE_DATABASE="heroku",
        SYNAPSE_AUTH="service_principal",
        SYNAPSE_COPY_CREDENTIAL="managed_identity",
    )
    warehouse = build_resources(settings_module.load())["warehouse"]
    assert isinstance(warehouse, SynapseWarehouseResource) and warehouse.target == "fabric"
    with dg.build_resources({"warehouse": warehouse}) as built, built.warehouse.open() as opened:
        assert isinstance(opened, FabricWarehouse) and opened.dialect is sql.FABRIC
        assert "abc123.datawarehouse.fabric.microsoft.com,1433/heroku as service principal" in repr(opened)
        assert PASSWORD not in repr(opened)
    clean_env.setenv("SYNAPSE_AUTH", "sql")
    with pytest.raises(ValueError, match="accepts only Microsoft Entra ID"):
        settings_module.load_synapse()


def test_token_auth_and_managed_identity_need_no_secret(clean_env) -> None:
    _synapse_env(clean_env, SYNAPSE_AUTH="token", SYNAPSE_COPY_CREDENTIAL="managed_identity")
    clean_env.delenv("SYNAPSE_PASSWORD")
    clean_env.delenv("SYNAPSE_USER")
    resource = synapse_warehouse_resource()
    assert resource.password is None and resource.copy_secret is None
    with dg.build_resources({"warehouse": resource}) as built, built.warehouse.open() as opened:
        assert opened._config.auth == "token" and opened.copy_credential.kind == "managed_identity"
        assert "as an Entra token" in repr(opened)


def test_a_missing_secret_is_named_when_the_resource_opens(clean_env) -> None:
    _synapse_env(clean_env, SYNAPSE_COPY_CREDENTIAL="sas")
    with pytest.raises(ValueError, match="SYNAPSE_COPY_CREDENTIAL=sas needs AZURE_STORAGE_SAS_TOKEN"):
        synapse_warehouse_resource()
    clean_env.setenv("AZURE_STORAGE_SAS_TOKEN", SAS)
    resource = synapse_warehouse_resource()
    clean_env.delenv("SYNAPSE_PASSWORD")
    # Dagster's own error names the variable
    with pytest.raises(Exception, match="SYNAPSE_PASSWORD"), dg.build_resources({"warehouse": resource}):
        pass


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {},
            {"copy_credential": "managed_identity", "masking": False, "target_schema": "dbo", "auth": "sql"}
            | {"query_timeout": 3600},
        ),
        ({"AZURE_STORAGE_SAS_TOKEN": SAS}, {"copy_credential": "sas"}),
        ({"AZURE_STORAGE_SAS_TOKEN": SAS, "AZURE_STORAGE_ACCOUNT_KEY": KEY}, {"copy_credential": "key"}),
        (
            {"AZURE_STORAGE_ACCOUNT_KEY": KEY, "SYNAPSE_COPY_CREDENTIAL": "caller", "SYNAPSE_AUTH": "token"},
            {"copy_credential": "caller"},
        ),
        ({"SYNAPSE_MASKING": "ON", "SYNAPSE_LOGIN_TIMEOUT": "5"}, {"masking": True, "login_timeout": 5}),
        ({"SYNAPSE_AUTH": "service_principal", "SYNAPSE_QUERY_TIMEOUT": "600"}, {"query_timeout": 600}),
    ],
)
def test_synapse_settings(
    env: dict[str, str], expected: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    _only_synapse_env(monkeypatch, {**SYNAPSE_BASE, **env})
    loaded = settings_module.load_synapse()
    assert {k: getattr(loaded, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SYNAPSE_SERVER": ""}, "SYNAPSE_SERVER: Field required"),
        ({"SYNAPSE_DATABASE": " "}, "SYNAPSE_DATABASE: Field required"),
        ({"SYNAPSE_AUTH": "kerberos"}, "SYNAPSE_AUTH: Input should be 'sql', 'service_principal' or 'token'"),
        ({"SYNAPSE_USER": ""}, "SYNAPSE_AUTH=sql needs SYNAPSE_USER"),
        ({"SYNAPSE_COPY_CREDENTIAL": "password"}, "SYNAPSE_COPY_CREDENTIAL: Input should be 'sas'"),
        ({"SYNAPSE_COPY_CREDENTIAL": "key"}, "SYNAPSE_COPY_CREDENTIAL=key needs AZURE_STORAGE_ACCOUNT_KEY"),
        # COPY as the caller passes the login's Entra identity to storage: a SQL login has none.
        ({"SYNAPSE_COPY_CREDENTIAL": "caller"}, "set SYNAPSE_AUTH=service_principal or token"),
        ({"SYNAPSE_MASKING": "maybe"}, "SYNAPSE_MASKING: Input should be a valid boolean"),
        ({"SYNAPSE_LOGIN_TIMEOUT": "0"}, "SYNAPSE_LOGIN_TIMEOUT: Input should be greater than or equal to 1"),
        ({"SYNAPSE_QUERY_TIMEOUT": "soon"}, "SYNAPSE_QUERY_TIMEOUT: Input should be a valid integer"),
        ({"SYNAPSE_SCHEMA": "dbo; DROP"}, "SYNAPSE_SCHEMA: must be a plain SQL identifier"),
    ],
)
def test_synapse_settings_errors_name_the_variable(
    env: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _only_synapse_env(monkeypatch, {**SYNAPSE_BASE, **env})
    with pytest.raises(ValueError, match=message) as raised:
        settings_module.load_synapse()
    assert "DROP" not in str(raised.value)  # a message names the variable, never echoes the value


SYNAPSE_BASE = {
    "SYNAPSE_SERVER": "myws.sql.azuresynapse.net",
    "SYNAPSE_DATABASE": "pool",
    "SYNAPSE_USER": "u",
}


def _only_synapse_env(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    import os

    for name in list(os.environ):
        if name.startswith(("SYNAPSE_", "AZURE_STORAGE_")):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


def test_a_literal_secret_would_still_be_masked_in_the_ui() -> None:
    """The UI masks the value of a field its snapshot marks secret (when set as a literal, not an EnvVar)."""
    from dagster._core.remote_representation.external_data import RepositorySnap

    resource = SynapseWarehouseResource(server="s", database="d", user="u", password=PASSWORD)
    snap = RepositorySnap.from_def(dg.Definitions(resources={"warehouse": resource}).get_repository_def())
    (warehouse,) = [r for r in snap.resources if r.name == "warehouse"]
    secret = {f.name for f in warehouse.config_field_snaps if f.is_secret}
    assert secret == {"password", "copy_secret"}


UI_QUERY = """
query ($repo: RepositorySelector!) {
  allTopLevelResourceDetailsOrError(repositorySelector: $repo) {
    ... on ResourceDetailsList {
      results {
        name
        resourceType
        configuredValues { key value type }
        nestedResources { name type }
      }
    }
  }
  utilizedEnvVarsOrError(repositorySelector: $repo) {
    ... on EnvVarWithConsumersList { results { envVarName } }
  }
  assetNodes { assetKey { path } kinds }
}
"""


def test_the_ui_shows_which_variables_hold_the_azure_secrets_never_their_values(clean_env) -> None:
    _azure_env(clean_env, SYNAPSE_COPY_CREDENTIAL="key")
    with (
        dg.instance_for_test() as instance,
        define_out_of_process_context(str(WORKSPACE), None, instance) as ctx,
    ):
        result = execute_dagster_graphql(ctx, UI_QUERY, variables={"repo": infer_repository_selector(ctx)})
    assert result.errors is None, result.errors
    shown = json.dumps(result.data)
    assert PASSWORD not in shown and KEY not in shown

    resources = {r["name"]: r for r in result.data["allTopLevelResourceDetailsOrError"]["results"]}
    warehouse = resources["warehouse"]
    assert warehouse["resourceType"].endswith("SynapseWarehouseResource")
    values = {v["key"]: (v["value"], v["type"]) for v in warehouse["configuredValues"]}
    assert values["password"] == ("SYNAPSE_PASSWORD", "ENV_VAR")
    assert values["copy_secret"] == ("AZURE_STORAGE_ACCOUNT_KEY", "ENV_VAR")
    assert values["server"] == ('"myws.sql.azuresynapse.net"', "VALUE")  # plain values shown as JSON
    assert values["copy_credential"] == ('"key"', "VALUE")
    assert resources["stores"]["resourceType"].endswith("BlobStoresResource")

    used = {r["envVarName"] for r in result.data["utilizedEnvVarsOrError"]["results"]}
    assert {"SYNAPSE_PASSWORD", "AZURE_STORAGE_ACCOUNT_KEY"} <= used
    kinds = {"/".join(n["assetKey"]["path"]): n["kinds"] for n in result.data["assetNodes"]}
    assert "synapse" in kinds["warehouse/router_events"] and "synapse" in kinds["warehouse/analytics_views"]
