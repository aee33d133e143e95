"""`heroku-assets run`'s runs on the Dagster UI's Overview timeline.

The timeline's own GraphQL queries are read from the installed dagster-webserver (the sources its UI
bundle ships, ui-core/src/runs/useRunsForTimeline.tsx), so this is what the UI of the pinned Dagster asks,
executed against the instance `run` wrote, through the real workspace.yaml's code location (in its own
process, as `make dev` loads it). The timeline draws a run only when it has a start time and the origin of
its code location; its row is the job of that location and repository.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import dagster as dg
import dagster_webserver
import pytest
from dagster_graphql.test.utils import define_out_of_process_context, execute_dagster_graphql

from heroku_assets.code_location import DEFINITIONS_MODULE, LOCATION_NAME

ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = ROOT / "workspace.yaml"
EXE = Path(sys.executable).with_name("heroku-assets")
DONE = ["FAILURE", "SUCCESS", "CANCELED"]  # the UI's doneStatuses
PARTITION_STATS = """
{ assetNodes(assetKeys: [{path: ["raw", "heroku_logs"]}]) { partitionStats { numMaterialized numFailed } } }
"""


@cache
def _ui_documents() -> dict[str, str]:
    """Every `const NAME = gql`...`` of the UI's sources, by name."""
    build = Path(dagster_webserver.__file__).parent / "webapp" / "build"
    found: dict[str, str] = {}
    for source_map in build.glob("_next/static/chunks/*.js.map"):
        bundle = json.loads(source_map.read_text())
        for content in bundle.get("sourcesContent") or []:
            if content and "gql`" in content:
                found.update(re.findall(r"(?:export )?const (\w+) = gql`([^`]*)`", content))
    if "COMPLETED_RUN_TIMELINE_QUERY" not in found:
        pytest.fail(f"the UI's timeline queries are not in {build} (has the webserver's bundle changed?)")
    return found


def ui_query(name: str) -> str:
    """The UI's document ``name`` with the fragments it interpolates, each once, as Apollo sends it."""
    documents = _ui_documents()
    fragments: dict[str, str] = {}

    def expand(text: str) -> str:
        for used in re.findall(r"\$\{(\w+)\}", text):
            if used not in fragments:
                fragments[used] = ""
                fragments[used] = expand(documents[used])
        return re.sub(r"\$\{\w+\}", "", text)

    return "\n".join([expand(documents[name]), *fragments.values()])


def _timeline(context, since: float) -> tuple[dict[str, dict], set[tuple[str, str, str]]]:
    """The runs the timeline fetched for the window since ``since``, by id, and the rows (location,
    repository, job) the workspace offers."""
    now = time.time() + 1
    completed = execute_dagster_graphql(
        context,
        ui_query("COMPLETED_RUN_TIMELINE_QUERY"),
        variables={
            "completedFilter": {"statuses": DONE, "updatedAfter": since, "updatedBefore": now},
            "limit": 500,
            "cursor": None,
        },
    )
    assert completed.errors is None, completed.errors
    ticks = execute_dagster_graphql(
        context, ui_query("FUTURE_TICKS_QUERY"), variables={"tickCursor": since, "ticksUntil": now}
    )
    assert ticks.errors is None, ticks.errors
    rows = {
        (entry["locationOrLoadError"]["name"], repository["name"], job["name"])
        for entry in ticks.data["workspaceOrError"]["locationEntries"]
        for repository in entry["locationOrLoadError"]["repositories"]
        for job in repository["pipelines"]
    }
    return {run["id"]: run for run in completed.data["completed"]["results"]}, rows


def _drawn_as(run: dict) -> tuple[str, str, str] | None:
    """The timeline row a run is drawn in (useRunsForTimeline: no start time or no origin, no row)."""
    origin = run["repositoryOrigin"]
    if run["startTime"] is None or origin is None:
        return None
    return (origin["repositoryLocationName"], origin["repositoryName"], run["pipelineName"])


@pytest.fixture
def dagster_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "config" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("HEROKU_ASSETS_DATA_DIR", str(tmp_path / "data"))
    for name in ("HEROKU_ASSETS_ENV", "AZURE_STORAGE_ACCOUNT_URL", "HEROKU_ASSETS_DUCKDB_PATH"):
        monkeypatch.delenv(name, raising=False)
    return home


def test_the_runs_of_heroku_assets_run_are_on_the_overview_timeline_under_their_location_and_job(
    tmp_path: Path, dagster_home: Path
) -> None:
    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    dump = tmp_path / "shop.log"
    dump.write_text(
        f"{day}T10:00:00+00:00 heroku[router]: at=info method=GET path=/ host=shop.example.com "
        "request_id=r1 fwd=1.2.3.4 dyno=web.1 connect=1ms service=12ms status=200 bytes=5 protocol=https\n"
        f"{day}T10:00:01+00:00 app[web.1]: hello\n"
    )
    since = time.time() - 1
    imported = subprocess.run([str(EXE), "import", str(dump), "--app", "shop"], capture_output=True)
    assert imported.returncode == 0, imported.stderr
    result = subprocess.run([str(EXE), "run", "--no-summary"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    made = re.findall(r"^\[\d/2\] (.+): ok \(run ([0-9a-f]{8})", result.stderr, re.MULTILINE)
    assert [what for what, _ in made] == [f"shop {day}", "reference table and views"], result.stderr

    instance = dg.DagsterInstance.get()
    # what `run` made before: a run with no code location's origin, which the timeline leaves out
    before = dg.materialize(
        [dg.asset(name="adhoc")(lambda: None)], instance=instance, tags={"made": "in process"}
    )
    with define_out_of_process_context(str(WORKSPACE), None, instance) as context:
        runs, rows = _timeline(context, since)
        stats = execute_dagster_graphql(context, PARTITION_STATS).data["assetNodes"][0]["partitionStats"]

    by_prefix = {run_id[:8]: run for run_id, run in runs.items()}
    partition_run, reference_run = (by_prefix[prefix] for _, prefix in made)
    [repository] = {repo for location, repo, _ in rows if location == LOCATION_NAME}
    assert _drawn_as(partition_run) == (LOCATION_NAME, repository, "heroku_logs_job")
    assert _drawn_as(reference_run) == (LOCATION_NAME, repository, "warehouse_reference_job")
    # each is drawn in a row of the workspace: the job the UI lists, linked to its page
    assert {_drawn_as(partition_run), _drawn_as(reference_run)} <= rows
    assert partition_run["status"] == reference_run["status"] == "SUCCESS"
    assert {"key": "dagster/partition", "value": f"shop|{day}"} in partition_run["tags"]
    assert _drawn_as(runs[before.run_id]) is None

    # the asset shows its partition built, and turning the sensor on afterwards asks for nothing again
    assert (stats["numMaterialized"], stats["numFailed"]) == (1, 0)
    from heroku_assets.definitions import defs
    from heroku_assets.defs.resources import build_resources
    from heroku_assets.settings import load

    definitions = defs()
    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": build_resources(load())["stores"]}, definitions=definitions
    ) as sensor_context:
        assert sensor(sensor_context).run_requests == []


def test_the_location_is_named_as_make_dev_and_the_workspace_name_it() -> None:
    import tomllib

    import yaml

    dg_project = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["dg"]["project"]
    [entry] = yaml.safe_load(WORKSPACE.read_text())["load_from"]
    assert LOCATION_NAME == dg_project["code_location_name"] == entry["python_module"]["location_name"]
    assert entry["python_module"]["module_name"] == DEFINITIONS_MODULE


def test_the_documents_are_the_ui_s_timeline_queries_with_their_fragments_once() -> None:
    completed = ui_query("COMPLETED_RUN_TIMELINE_QUERY")
    assert completed.lstrip().startswith("query CompletedRunTimelineQuery(")
    for fragment in ("RunTimelineFragment", "RunTimeFragment"):
        assert completed.count(f"fragment {fragment} on Run") == 1
    assert "repositoryLocationName" in completed and "${" not in completed
    assert "fragment ScheduleFutureTicksFragment" in ui_query("FUTURE_TICKS_QUERY")
