"""What the Dagster UI will show, read through the webserver's GraphQL layer from the real workspace.yaml
(the code location is loaded in its own process, as `make dev` does)."""

from pathlib import Path

from dagster_graphql.test.utils import define_out_of_process_context, execute_dagster_graphql

WORKSPACE = Path(__file__).resolve().parents[2] / "workspace.yaml"

QUERY = """
{
  assetNodes {
    assetKey { path }
    groupName
    isPartitioned
    partitionDefinition { dimensionTypes { name } }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } }
    dependencyKeys { path }
    kinds
    owners { ... on TeamAssetOwner { team } }
    opVersion
    automationCondition { label }
    internalFreshnessPolicy { ... on TimeWindowFreshnessPolicy { failWindowSeconds warnWindowSeconds } }
    metadataEntries { label }
  }
  repositoriesOrError {
    ... on RepositoryConnection {
      nodes { name schedules { name cronSchedule } sensors { name } jobs { name } }
    }
  }
}
"""


def test_the_ui_shows_assets_groups_partitions_checks_schedule_and_sensor(project_env, instance):
    with define_out_of_process_context(str(WORKSPACE), None, instance) as context:
        result = execute_dagster_graphql(context, QUERY)
    assert result.errors is None, result.errors
    nodes = {"/".join(n["assetKey"]["path"]): n for n in result.data["assetNodes"]}

    # lineage starts at Heroku: what the receiver, pulls and imports write, observed by the sensor
    assert nodes["heroku/received_logs"]["kinds"] == ["heroku"]
    raw = nodes["raw/heroku_logs"]
    assert raw["groupName"] == "logs" and raw["isPartitioned"]
    assert raw["dependencyKeys"] == [{"path": ["heroku", "received_logs"]}]
    assert [d["name"] for d in raw["partitionDefinition"]["dimensionTypes"]] == ["app", "date"]
    materializable = [n for n in nodes.values() if n["assetKey"]["path"][0] != "heroku"]
    assert all(n["owners"] == [{"team": "data-engineering"}] for n in materializable)
    assert all("gzip" not in n["kinds"] for n in nodes.values())

    staged = nodes["staged/router_events"]
    assert staged["dependencyKeys"] == [{"path": ["raw", "heroku_logs"]}]
    assert staged["opVersion"] and "parquet" in staged["kinds"]
    assert "dagster/code_references" in {m["label"] for m in staged["metadataEntries"]}
    assert {"name": "lines_accounted_for", "blocking": True} in staged["assetChecksOrError"]["checks"]

    loaded = nodes["warehouse/router_events"]
    assert loaded["groupName"] == "warehouse"
    assert loaded["dependencyKeys"] == [{"path": ["staged", "router_events"]}]
    checks = {c["name"]: c["blocking"] for c in loaded["assetChecksOrError"]["checks"]}
    assert checks == {"staged_rows_loaded": True, "request_id_duplicates": False}
    assert "duckdb" in loaded["kinds"]
    labels = {m["label"] for m in loaded["metadataEntries"]}
    assert {"dagster/table_name", "dagster/column_schema", "duckdb_path"} <= labels
    # freshness is the ticks': they append to every log table at once, and record it in the ledger
    ledger = nodes["warehouse/log_ledger"]
    assert ledger["internalFreshnessPolicy"] == {"failWindowSeconds": 7200, "warnWindowSeconds": 1800}
    assert not ledger["isPartitioned"] and ledger["dependencyKeys"] == [{"path": ["heroku", "received_logs"]}]
    sealed = nodes["warehouse/sealed_log_days"]
    assert sealed["isPartitioned"]
    checks = {c["name"]: c["blocking"] for c in sealed["assetChecksOrError"]["checks"]}
    assert checks == {"day_complete": True}
    views = nodes["warehouse/analytics_views"]
    assert not views["isPartitioned"] and views["automationCondition"] is not None
    assert nodes["warehouse/heroku_apps"]["automationCondition"] is not None

    (repo,) = result.data["repositoriesOrError"]["nodes"]
    assert {s["name"]: s["cronSchedule"] for s in repo["schedules"]} == {
        "daily_logs_schedule": "30 3 * * *",
        "warehouse_statistics_schedule": "30 5 * * *",  # after the daily logs run
    }
    assert {"path": ["warehouse", "heroku_apps"]} in nodes["warehouse/heroku_releases"]["dependencyKeys"]
    assert nodes["warehouse/heroku_releases"]["groupName"] == "platform_api_apps"
    assert {"raw_objects_sensor", "automation_sensor", "heroku_webhooks_sensor"} <= {
        s["name"] for s in repo["sensors"]
    }
    api_checks = {c["name"] for c in nodes["warehouse/heroku_apps"]["assetChecksOrError"]["checks"]}
    assert api_checks == {"schema_drift", "rows_keyed"}
    assert "heroku_logs_job" in {j["name"] for j in repo["jobs"]}
