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

    raw = nodes["heroku_raw_logs"]
    assert raw["groupName"] == "logs" and raw["isPartitioned"]
    assert [d["name"] for d in raw["partitionDefinition"]["dimensionTypes"]] == ["app", "date"]

    staged = nodes["staged/router_events"]
    assert staged["dependencyKeys"] == [{"path": ["heroku_raw_logs"]}]
    assert {"name": "lines_accounted_for", "blocking": True} in staged["assetChecksOrError"]["checks"]

    loaded = nodes["warehouse/router_events"]
    assert loaded["groupName"] == "warehouse"
    assert loaded["dependencyKeys"] == [{"path": ["staged", "router_events"]}]
    checks = {c["name"]: c["blocking"] for c in loaded["assetChecksOrError"]["checks"]}
    assert checks == {"staged_rows_loaded": True, "request_id_duplicates": False}
    assert not nodes["warehouse/analytics_views"]["isPartitioned"]

    (repo,) = result.data["repositoriesOrError"]["nodes"]
    assert {s["name"]: s["cronSchedule"] for s in repo["schedules"]} == {
        "daily_logs_schedule": "30 3 * * *",
        "platform_api_schedule": "*/30 * * * *",
        "warehouse_statistics_job_schedule": "30 5 * * *",  # after the daily logs run
    }
    assert nodes["warehouse/heroku_releases"]["dependencyKeys"] == [{"path": ["warehouse", "heroku_apps"]}]
    assert nodes["warehouse/heroku_releases"]["groupName"] == "platform_api"
    assert "raw_objects_sensor" in {s["name"] for s in repo["sensors"]}
    assert "heroku_logs_job" in {j["name"] for j in repo["jobs"]}
