"""API entity assets against the fake Platform API served over loopback HTTP (schema-checked)."""

import duckdb

from heroku_assets.defs.partitions import heroku_apps
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


def test_entities_load_incrementally_and_apps_become_log_partitions(
    definitions, instance, resources, project_env, fake_heroku
):
    fake_heroku.add_app("shop")
    fake_heroku.add_app("telemetry", generation="fir")
    for _ in range(3):
        fake_heroku.add_release("shop")
    fake_heroku.add_build("shop")
    fake_heroku.set_dynos("shop", [{"name": "web.1"}, {"name": "worker.1", "state": "crashed"}])
    fake_heroku.set_formation("shop", [{"type": "web", "quantity": 2}])

    _sync(definitions, instance, resources, fake_heroku)
    assert _rows(project_env, "SELECT name, generation FROM heroku_apps ORDER BY name") == [
        ("shop", "cedar"),
        ("telemetry", "fir"),
    ]
    assert _rows(project_env, "SELECT version, current FROM heroku_releases ORDER BY version") == [
        (1, False),
        (2, False),
        (3, True),
    ]
    assert _rows(project_env, "SELECT count(*) FROM heroku_builds") == [(1,)]
    assert _rows(project_env, "SELECT name, state FROM heroku_dynos ORDER BY name") == [
        ("web.1", "up"),
        ("worker.1", "crashed"),
    ]
    assert _rows(project_env, "SELECT type, quantity FROM heroku_formation") == [("web", 2)]
    # Fir apps have no Logplex: only Cedar apps become log partitions.
    assert instance.get_dynamic_partitions(heroku_apps.name) == ["shop"]

    # A late status change inside the look-back window, and a new release.
    fake_heroku.update_release("shop", 3, status="failed")
    fake_heroku.add_release("shop")
    before = len(fake_heroku.requests)
    _sync(definitions, instance, resources, fake_heroku)
    assert _rows(project_env, "SELECT version, status, current FROM heroku_releases ORDER BY version") == [
        (1, "succeeded", False),
        (2, "succeeded", False),
        (3, "failed", False),
        (4, "succeeded", True),
    ]
    release_calls = [r for r in fake_heroku.requests[before:] if r.path.endswith("/releases")]
    assert release_calls and all("version" in (r.headers.get("range") or "") for r in release_calls)
    # Snapshots accumulate, one set per sync.
    assert _rows(project_env, "SELECT count(DISTINCT snapshot_at), count(*) FROM heroku_dynos") == [(2, 4)]


def test_a_bad_token_fails_clearly_without_showing_it(definitions, instance, resources, fake_heroku):
    fake_heroku.add_app("shop")
    job = definitions.resolve_job_def("platform_api_job")
    api = HerokuApiResource(token="wrong-token-value", base_url=fake_heroku.url)
    result = job.execute_in_process(
        instance=instance, resources={**resources, "heroku_api": api}, raise_on_error=False
    )
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert len(failures) == 1  # no retries: a bad token stays bad
    message = str(failures[0].event_specific_data.error)
    assert "401" in message or "unauthor" in message.lower()
    assert "wrong-token-value" not in message
