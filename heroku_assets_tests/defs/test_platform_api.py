"""The generated Platform API assets against the fake Platform API served over loopback HTTP
(schema-checked): every resource loads, apps become log partitions, drift warns, a bad token fails."""

import dagster as dg
import duckdb

from heroku_assets.defs.partitions import heroku_apps
from heroku_assets.defs.platform_api.assets import DRIFT_CHECK, KEYED_CHECK
from heroku_assets.defs.sources import PLATFORM_API
from heroku_assets.platform_api.endpoints import ENDPOINTS
from heroku_assets.resources import HerokuApiResource


def _rows(data_dir, sql):
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def _sync(definitions, instance, resources, fake):
    job = definitions.resolve_job_def("platform_api_job")
    api = HerokuApiResource(token=fake.token, base_url=fake.url)
    result = job.execute_in_process(instance=instance, resources={**resources, "heroku_api": api})
    assert result.success
    return result


def _checks(result) -> dict:
    return {
        (e.asset_check_evaluation_data.asset_key.path[-1], e.asset_check_evaluation_data.check_name): (
            e.asset_check_evaluation_data
        )
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    }


def test_every_resource_is_an_asset_on_its_own_cron_with_checks(definitions) -> None:
    graph = definitions.resolve_asset_graph()
    for resource in ENDPOINTS:
        key = dg.AssetKey(["warehouse", resource.table])
        node = graph.get(key)
        condition = node.automation_condition
        assert condition is not None, resource.name
        if resource.name in ("dyno", "formation"):  # every 30 minutes, like apps, their parent
            assert "*/30" in str(condition)
        if resource.name in ("domain", "log-drain", "collaborator"):  # rarely change: every 3 hours
            assert "/3 * * *" in str(condition)
        if resource.name in ("app", "release", "build", "domain", "slug"):  # on their cron, after the parent
            assert "in_progress" not in str(condition)
        checks = {c.name for c in definitions.resolve_assets_def(key).check_keys}
        assert checks == {DRIFT_CHECK, KEYED_CHECK}
        if resource.parent:
            parent = next(r for r in ENDPOINTS if r.name == resource.parent)
            assert node.parent_keys == {dg.AssetKey(["warehouse", parent.table]), PLATFORM_API}
    assert "platform_api_schedule" not in {s.name for s in definitions.schedules or []}


def test_entities_load_and_apps_become_log_partitions(
    definitions, instance, resources, project_env, fake_heroku
):
    fake_heroku.add_app("shop")
    fake_heroku.add_app("telemetry", generation="fir")
    for _ in range(3):
        fake_heroku.add_release("shop")
    fake_heroku.add_build("shop")
    fake_heroku.set_dynos("shop", [{"name": "web.1"}, {"name": "worker.1", "state": "crashed"}])
    fake_heroku.set_formation("shop", [{"type": "web", "quantity": 2}])
    fake_heroku.add("domain", fake_heroku.apps["shop"], hostname="shop.example.com")

    result = _sync(definitions, instance, resources, fake_heroku)
    assert _rows(project_env, "SELECT name, generation_name FROM heroku_apps ORDER BY name") == [
        ("shop", "cedar"),
        ("telemetry", "fir"),
    ]
    assert _rows(project_env, "SELECT version, current FROM heroku_releases ORDER BY version") == [
        (1, False),
        (2, False),
        (3, True),
    ]
    assert _rows(project_env, "SELECT name, state FROM heroku_dynos ORDER BY name") == [
        ("web.1", "up"),
        ("worker.1", "crashed"),
    ]
    assert _rows(project_env, "SELECT hostname FROM heroku_domains") == [("shop.example.com",)]
    # Fir apps (telemetry drains) become log partitions like Cedar apps.
    assert instance.get_dynamic_partitions(heroku_apps.name) == ["shop", "telemetry"]
    checks = _checks(result)
    assert checks[("heroku_apps", DRIFT_CHECK)].passed and checks[("heroku_apps", KEYED_CHECK)].passed

    # The dyno that stopped is marked, not kept as live.
    fake_heroku.set_dynos("shop", [{"name": "web.1"}])
    _sync(definitions, instance, resources, fake_heroku)
    assert _rows(project_env, "SELECT count(*) FROM heroku_dynos WHERE _deleted_at IS NOT NULL") == [(2,)]
    assert _rows(project_env, "SELECT count(*) FROM heroku_dynos WHERE _deleted_at IS NULL") == [(1,)]


def test_a_field_heroku_added_lands_in_extra_and_the_drift_check_warns(
    definitions, instance, resources, project_env, fake_heroku
):
    fake_heroku.add("app", name="drifting", drift={"cost_center": "ops", "slug_size": "big"})
    result = _sync(definitions, instance, resources, fake_heroku)  # a retyped value is not fatal
    check = _checks(result)[("heroku_apps", DRIFT_CHECK)]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert "app.cost_center" in check.description and "app.slug_size" in check.description
    assert check.metadata["unknown_fields"].value == {"cost_center": 1}
    assert check.metadata["retyped_values"].value == {"slug_size": 1}
    assert _rows(project_env, "SELECT slug_size, _extra FROM heroku_apps") == [
        (None, '{"cost_center": "ops", "slug_size": "big"}')
    ]


def test_a_bad_token_fails_clearly_without_showing_it(definitions, instance, resources, fake_heroku):
    fake_heroku.add_app("shop")
    job = definitions.resolve_job_def("platform_api_job")
    api = HerokuApiResource(token="wrong-token-value", base_url=fake_heroku.url)
    result = job.execute_in_process(
        instance=instance, resources={**resources, "heroku_api": api}, raise_on_error=False
    )
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert failures  # root assets fail; their children are skipped, none retried
    message = str(failures[0].event_specific_data.error)
    assert "401" in message or "unauthor" in message.lower()
    assert "wrong-token-value" not in message


def test_a_stored_webhook_delivery_triggers_the_sensor_and_lands_in_its_table(
    definitions, instance, resources, project_env
):
    import datetime as dt
    import json
    import uuid

    from heroku_assets.storage import layout
    from heroku_assets.storage.local import LocalObjectStore
    from heroku_assets_tests.fakes.heroku_api import FakeHeroku

    fake = FakeHeroku()
    fake.add_app("shop")
    release = fake.add_release("shop")
    delivery = str(uuid.uuid4())
    payload = {
        "action": "create",
        "created_at": "2026-03-02T11:00:00Z",
        "data": release,
        "resource": "release",
        "webhook_metadata": {"delivery": {"id": delivery}, "event": {"include": "api:release"}},
    }
    raw = LocalObjectStore(project_env / "raw")
    raw.put(layout.webhook_object(dt.datetime.now(dt.UTC).date(), delivery), json.dumps(payload).encode())

    resources = {k: v for k, v in resources.items() if k != "heroku_api"}  # no API call: no token needed
    sensor = definitions.resolve_sensor_def("heroku_webhooks_sensor")
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        request = sensor(context)
    assert isinstance(request, dg.RunRequest)
    job = definitions.resolve_job_def("heroku_webhooks_job")
    assert job.execute_in_process(instance=instance, resources=resources).success
    assert _rows(project_env, "SELECT version, status FROM heroku_releases") == [(1, "succeeded")]
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        assert isinstance(sensor(context), dg.SkipReason)  # applied: nothing pending


def test_without_a_key_the_api_assets_say_what_to_set_inside_the_run(instance, project_env, monkeypatch):
    """As "Materialize all" of an API group in the UI: the run starts (no config error) and its step
    fails once, naming HEROKU_API_KEY."""
    monkeypatch.delenv("HEROKU_API_KEY", raising=False)
    from heroku_assets.definitions import defs

    definitions = defs()
    apps = dg.AssetKey(["warehouse", "heroku_apps"])
    assert "HEROKU_API_KEY" in definitions.resolve_assets_def(apps).specs_by_key[apps].description
    job = definitions.resolve_job_def("platform_api_job")
    result = job.execute_in_process(instance=instance, asset_selection=[apps], raise_on_error=False)
    assert not result.success
    [failure] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    message = failure.event_specific_data.error.message
    assert "HEROKU_API_KEY is not set" in message and "DagsterInvalidConfigError" not in message
    assert not [e for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"]


def test_the_api_tables_sit_in_groups_of_their_own_away_from_the_logs(definitions) -> None:
    from heroku_assets.defs.platform_api.assets import api_group

    graph = definitions.resolve_asset_graph()
    groups = {graph.get(dg.AssetKey(["warehouse", r.table])).group_name for r in ENDPOINTS}
    assert groups == {api_group(r) for r in ENDPOINTS} and len(groups) >= 5
    assert all(g.startswith("platform_api_") for g in groups)
    by_group = {}
    for key in graph.get_all_asset_keys():
        by_group.setdefault(graph.get(key).group_name, set()).add(key)
    assert not any(graph.get(k).child_keys & by_group["platform_api_apps"] for k in by_group["heroku"])
    assert graph.get(dg.AssetKey(["warehouse", "heroku_releases"])).group_name == "platform_api_apps"
