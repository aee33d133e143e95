"""Every captured resource synced from the fake Platform API (schema-checked) into DuckDB: incremental
lists from bookmarks, snapshots, deletions marked, drift kept in _extra and counted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import duckdb
import pytest

from heroku_assets import tables
from heroku_assets.platform_api import sync
from heroku_assets.platform_api.client import HerokuClient
from heroku_assets.platform_api.endpoints import BY_NAME, ENDPOINTS
from heroku_assets.platform_api.errors import HerokuAuthError
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.warehouse.duckdb import DuckDBWarehouse
from heroku_assets_tests.fakes.heroku_api import FakeHeroku, Fault

NOW = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)


@pytest.fixture
def env(tmp_path, fake_heroku: FakeHeroku):
    conn = duckdb.connect(str(tmp_path / "wh.duckdb"))
    staging = LocalObjectStore(tmp_path / "staging")
    client = HerokuClient(fake_heroku.token, base_url=fake_heroku.url, backoff_factor=0.01)
    yield fake_heroku, client, staging, DuckDBWarehouse(conn), conn
    client.close()
    conn.close()


def _sync(env, name: str, now: dt.datetime = NOW) -> sync.SyncResult:
    fake, client, staging, wh, _ = env
    return sync.sync_resource(client, staging, wh, BY_NAME[name], now=now)


def _rows(conn, sql: str, params: list | None = None) -> list[tuple]:
    return conn.execute(sql, params or []).fetchall()


def test_every_resource_lands_in_its_table_with_the_schema_s_columns(env) -> None:
    fake, _, _, _, conn = env
    fake.add_one_of_each(ENDPOINTS)
    for resource in ENDPOINTS:  # parents come before their children in the list
        result = _sync(env, resource.name)
        assert result.fetched >= 1, resource.name
        assert result.drift.as_dict()["unknown_fields"] == {}, resource.name
        assert result.drift.as_dict()["retyped_values"] == {}, resource.name
        assert not result.drift.rejected, resource.name
        table = tables.api_tables()[resource.table]
        columns = [r[0] for r in _rows(conn, f"DESCRIBE {resource.table}")]
        assert columns == list(table.column_names)
        assert _rows(conn, f"SELECT count(*) FROM {resource.table} WHERE _deleted_at IS NULL")[0][0] >= 1
    assert _rows(
        conn, "SELECT name, generation_name, owner_email, region_name FROM heroku_apps ORDER BY 1"
    ) == [
        ("fir-shop", "fir", "owner@example.com", "us"),
        ("shop", "cedar", "owner@example.com", "us"),
    ]
    app_id = fake.apps["shop"]["id"]
    assert _rows(
        conn, f"SELECT _parent, version, current FROM heroku_releases WHERE _parent = '{app_id}'"
    ) == [(app_id, 1, True)]
    assert _rows(conn, "SELECT count(*) FROM heroku_oci_images") == [(1,)]  # the Fir release's image
    assert _rows(conn, "SELECT _parent, type, quantity FROM heroku_formation") == [(app_id, "web", 2)]


def test_incremental_lists_ask_from_the_bookmark_minus_the_look_back(env) -> None:
    fake, *_, conn = env
    fake.add_app("shop")
    for _ in range(15):
        fake.add_release("shop")
    _sync(env, "app")
    first = _sync(env, "release")
    assert first.fetched == 15 and first.windows == {fake.apps["shop"]["id"]: "all"}

    fake.update_release("shop", 15, status="failed")
    fake.add_release("shop")
    before = len(fake.requests)
    second = _sync(env, "release", NOW + dt.timedelta(minutes=30))
    ranges = [r.headers.get("range") for r in fake.requests[before:]]
    assert ranges == ["version 5..; max=1000"]  # 15 - 10 versions of look-back
    assert second.fetched == 12
    assert _rows(
        conn, "SELECT version, status, current FROM heroku_releases WHERE version >= 15 ORDER BY 1"
    ) == [
        (15, "failed", False),
        (16, "succeeded", True),
    ]
    assert _rows(conn, "SELECT count(*) FROM heroku_releases")[0][0] == 16

    # after full_after, the whole list again
    _sync(env, "release", NOW + dt.timedelta(days=2))
    assert fake.requests[-1].headers.get("range") == "version ..; max=1000"


def test_timestamps_bookmarks_page_through_ranges(env) -> None:
    fake, *_ = env
    fake.max_page = 3
    for i in range(7):
        fake.add_app(f"app-{i:02d}", at=dt.datetime(2026, 2, 1, i, tzinfo=dt.UTC))
    result = _sync(env, "app")
    assert result.fetched == 7
    assert [r.status for r in fake.requests] == [206, 206, 200]  # 3 + 3 + 1, following Next-Range
    fake.update_app("app-03", maintenance=True)
    before = len(fake.requests)
    second = _sync(env, "app", NOW + dt.timedelta(hours=1))
    # from the newest updated_at seen (app-06, 06:00) minus 30 minutes: app-06 again, and app-03
    assert second.windows == {"*": "2026-02-01T05:30:00Z"}
    assert fake.requests[before].headers["range"] == "updated_at 2026-02-01T05:30:00Z..; max=1000"
    assert second.fetched == 2


def test_rows_that_disappear_from_a_full_listing_are_marked_not_kept_live(env) -> None:
    fake, *_, conn = env
    app = fake.add_app("shop")
    other = fake.add_app("gone-app")
    kept = fake.add("domain", app, hostname="www.example.com")
    dropped = fake.add("domain", app, hostname="old.example.com")
    fake.add("domain", other, hostname="other.example.com")
    _sync(env, "app")
    _sync(env, "domain")
    fake.remove("domain", dropped)
    fake.remove("app", other)
    _sync(env, "app", NOW + dt.timedelta(days=2))  # a full listing: gone-app is gone
    result = _sync(env, "domain", NOW + dt.timedelta(days=2))
    assert result.deleted == 2
    rows = _rows(conn, "SELECT hostname, _deleted_at IS NOT NULL FROM heroku_domains ORDER BY hostname")
    assert rows == [("old.example.com", True), ("other.example.com", True), ("www.example.com", False)]
    assert _rows(conn, "SELECT name FROM heroku_apps WHERE _deleted_at IS NOT NULL") == [("gone-app",)]
    # a deleted row that comes back is live again
    fake.add("domain", app, id=dropped["id"], hostname="old.example.com")
    _sync(env, "domain", NOW + dt.timedelta(days=3))
    assert _rows(conn, f"SELECT _deleted_at FROM heroku_domains WHERE id = '{dropped['id']}'") == [(None,)]
    assert kept["id"]


def test_an_unknown_field_lands_in_extra_and_a_retyped_value_is_counted_not_fatal(env) -> None:
    fake, *_, conn = env
    fake.add_app("shop")
    fake.add_app("oddly")
    # drift cases: a field the schema does not know, a nested one, a secret-looking one, retyped values
    odd = fake.add(
        "app",
        name="weird-app",
        drift={
            "feature_x": {"enabled": True},
            "region": {"provider": "aws"},
            "deploy_token": "do-not-keep",
            "repo_size": "12 MB",
            "updated_at": "yesterday",
        },
    )
    result = _sync(env, "app")
    drift = result.drift.as_dict()
    assert drift["unknown_fields"] == {"feature_x": 1, "region.provider": 1}
    assert drift["retyped_values"] == {"repo_size": 1, "updated_at": 1}
    assert drift["secret_fields_dropped"] == {"deploy_token": 1}
    assert result.fetched == 3 and not result.drift.rejected
    (extra, size, updated) = _rows(
        conn, f"SELECT _extra, repo_size, updated_at FROM heroku_apps WHERE id = '{odd['id']}'"
    )[0]
    assert json.loads(extra) == {
        "feature_x": {"enabled": True},
        "region.provider": "aws",
        "repo_size": "12 MB",
        "updated_at": "yesterday",
    }
    assert (size, updated) == (None, None)
    assert "do-not-keep" not in extra
    assert _rows(conn, "SELECT count(*) FROM heroku_apps WHERE _extra IS NULL")[0][0] == 2


def test_an_item_without_its_key_is_rejected_and_counted(env) -> None:
    fake, *_, conn = env
    fake.add_app("shop")
    fake.add("app", name="no-id-app", drift={"id": None})
    result = _sync(env, "app")
    assert dict(result.drift.rejected) == {"app: no id": 1}
    assert _rows(conn, "SELECT name FROM heroku_apps") == [("shop",)]


def test_a_forbidden_app_keeps_its_rows_and_rate_limits_are_waited_out(env) -> None:
    fake, *_, conn = env
    fake.add_app("shop")
    fake.add_app("locked")
    for app in ("shop", "locked"):
        fake.add("domain", fake.apps[app])
    _sync(env, "app")
    _sync(env, "domain")
    fake.forbidden_apps.add(fake.apps["locked"]["id"])
    fake.script_faults(Fault.rate_limited(retry_after="0", times=2))
    result = _sync(env, "domain", NOW + dt.timedelta(hours=1))
    assert result.forbidden == [fake.apps["locked"]["id"]]
    assert result.deleted == 0
    assert _rows(conn, "SELECT count(*) FROM heroku_domains WHERE _deleted_at IS NULL")[0][0] == 2
    assert [r.status for r in fake.requests if r.status == 429] == [429, 429]


def test_usage_lists_send_their_start_and_keep_older_days(env) -> None:
    fake, *_, conn = env
    team = fake.add("team", name="acme")
    fake.add("team-daily-usage", team, parent_resource="team", id=team["id"], date="2026-03-01")
    _sync(env, "team")
    _sync(env, "team-daily-usage")
    assert fake.requests[-1].query == "start=2026-01-29"
    assert _rows(conn, "SELECT date, _deleted_at FROM heroku_team_daily_usage") == [
        (dt.date(2026, 3, 1), None)
    ]
    later = _sync(env, "team-daily-usage", NOW + dt.timedelta(days=60))  # the day left the window
    assert later.deleted == 0


def test_every_list_asks_for_pages_of_1000(env) -> None:
    fake, *_ = env
    fake.add_one_of_each(ENDPOINTS)
    for resource in ENDPOINTS:
        _sync(env, resource.name)
    ones = tuple("/" + r.path.rsplit("/", 1)[1] for r in ENDPOINTS if r.single)  # one object, not a list
    by_id = tuple("/" + r.path.split("/")[3] + "/" for r in ENDPOINTS if r.mode == "by_id")
    lists = [r for r in fake.requests if not r.path.endswith(ones) and not any(b in r.path for b in by_id)]
    assert len(ones) >= 5 and len(by_id) == 2
    assert lists and all(r.headers.get("range", "").endswith("; max=1000") for r in lists)
    members = [r for r in lists if r.path.endswith("/members")]
    assert members[0].headers["range"] == "email ..; max=1000"
    assert fake.requests_to("/apps/shop/dynos") == [] and fake.requests_to(
        f"/apps/{fake.apps['shop']['id']}/dynos"
    )


def test_with_webhooks_what_they_announce_is_listed_only_to_reconcile(env) -> None:
    fake, client, staging, wh, conn = env
    fake.add_app("shop")
    fake.set_dynos("shop", [{"name": "web.1"}])
    _sync(env, "app")
    first = sync.sync_resource(client, staging, wh, BY_NAME["dyno"], now=NOW, webhooks=True)
    assert first.fetched == 1 and first.skipped is None
    before = len(fake.requests)
    for minutes in (30, 60, 300):
        later = sync.sync_resource(
            client, staging, wh, BY_NAME["dyno"], now=NOW + dt.timedelta(minutes=minutes), webhooks=True
        )
        assert later.skipped and later.fetched == 0
    assert len(fake.requests) == before  # not one request in six hours
    again = sync.sync_resource(
        client, staging, wh, BY_NAME["dyno"], now=NOW + dt.timedelta(hours=6), webhooks=True
    )
    assert again.skipped is None and again.fetched == 1
    # a list webhooks do not announce is listed on every run
    fake.add("log-drain", fake.apps["shop"])
    assert sync.sync_resource(client, staging, wh, BY_NAME["log-drain"], now=NOW, webhooks=True).fetched == 1
    assert sync.sync_resource(client, staging, wh, BY_NAME["log-drain"], now=NOW, webhooks=True).fetched == 1


def test_a_retry_takes_the_lists_a_failed_run_fetched_instead_of_asking_again(env) -> None:
    fake, client, staging, wh, conn = env
    for i in range(12):
        app = fake.add_app(f"app-{i:02d}")
        fake.add("domain", app, hostname=f"app-{i:02d}.example.com")
    _sync(env, "app")
    broken = fake.apps["app-07"]["id"]
    fake.script_faults(Fault.server_error(times=50, path=f"/apps/{broken}/domains"))
    before = len(fake.requests)
    with pytest.raises(Exception, match="503"):
        _sync(env, "domain")
    listed = {r.path for r in fake.requests[before:] if r.status == 200}
    assert listed and _rows(
        conn, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'heroku_domains'"
    ) == [(0,)]
    fake.clear_faults()  # Heroku is back
    before = len(fake.requests)
    retry = _sync(env, "domain", NOW + dt.timedelta(minutes=2))
    asked = {r.path for r in fake.requests[before:]}
    assert not asked & listed and len(asked) == 12 - len(listed)  # none of them was asked again
    assert (retry.reused, retry.parents, retry.fetched) == (len(listed), 12 - len(listed), 12)
    assert _rows(conn, "SELECT count(*) FROM heroku_domains WHERE _deleted_at IS NULL") == [(12,)]
    # the checkpoint is gone once the rows are stored: the next run lists everything
    before = len(fake.requests)
    _sync(env, "domain", NOW + dt.timedelta(minutes=4))
    assert len(fake.requests) - before == 12
    # and a checkpoint older than a retry's window is not trusted
    fake.script_faults(Fault.server_error(times=50, path=f"/apps/{broken}/domains"))
    with pytest.raises(Exception, match="503"):
        _sync(env, "domain", NOW + dt.timedelta(hours=1))
    fake.clear_faults()
    before = len(fake.requests)
    _sync(env, "domain", NOW + dt.timedelta(hours=2))
    assert len(fake.requests) - before == 12


def test_slugs_skip_expired_releases_remember_404s_and_read_the_newest_first(env) -> None:
    fake, *_, conn = env
    app = fake.add_app("shop")
    releases = [fake.add_release("shop") for _ in range(8)]
    for release in releases[:3]:
        fake.update_release("shop", release["version"], status="expired")  # artifacts destroyed
    for release in releases[6:]:
        fake.add("slug", app, id=release["slug"]["id"])  # releases 4-6 lost theirs: 404
    _sync(env, "app")
    _sync(env, "release")
    slug = BY_NAME["slug"]
    first = sync.sync_resource(env[1], env[2], env[3], dataclasses.replace(slug, max_per_run=3), now=NOW)
    # the newest three first: 8 and 7 exist, 6 is gone; the expired ones are never asked for
    asked = [r.path.rsplit("/", 1)[1] for r in fake.requests_to("/apps/") if "/slugs/" in r.path]
    assert asked == [releases[v]["slug"]["id"] for v in (7, 6, 5)]
    assert (first.fetched, first.not_found) == (2, 1)
    before = len(fake.requests)
    second = sync.sync_resource(env[1], env[2], env[3], slug, now=NOW + dt.timedelta(hours=1))
    asked = [r.path.rsplit("/", 1)[1] for r in fake.requests[before:]]
    assert asked == [releases[v]["slug"]["id"] for v in (4, 3)]  # not 5 again, not 0-2 (expired)
    assert second.not_found == 2
    before = len(fake.requests)
    third = sync.sync_resource(env[1], env[2], env[3], slug, now=NOW + dt.timedelta(hours=2))
    assert len(fake.requests) == before and third.fetched == 0  # nothing left to read
    assert _rows(conn, "SELECT count(*) FROM heroku_slugs") == [(2,)]


def test_a_list_heroku_refuses_for_one_parent_is_recorded_not_fatal(env) -> None:
    fake, *_, conn = env
    shop = fake.add_app("shop")
    fir = fake.add_app("fir-shop", generation="fir")
    fake.add("buildpack-installation", shop, ordinal=0)
    fake.add("domain", shop)
    fake.add("domain", fir)
    _sync(env, "app")
    # Cedar-only lists do not ask Fir apps at all
    result = _sync(env, "buildpack-installation")
    assert (result.fetched, result.other_generation, result.not_applicable) == (1, 1, {})
    assert not fake.requests_to(f"/apps/{fir['id']}/buildpack-installations")
    # any other 4xx but 401 of one parent's list means "not for this parent": recorded, its rows kept
    _sync(env, "domain")
    fake.script_faults(Fault.error(422, path=f"/apps/{fir['id']}/domains"))
    later = _sync(env, "domain", NOW + dt.timedelta(hours=3))
    assert later.not_applicable == {fir["id"]: "422 error"} and later.deleted == 0
    assert _rows(conn, "SELECT count(*) FROM heroku_domains WHERE _deleted_at IS NULL") == [(2,)]
    # the fake refuses a Fir app's buildpacks as Heroku does, and an unfiltered list would record it
    unfiltered = dataclasses.replace(BY_NAME["buildpack-installation"], generation=None)
    result = sync.sync_resource(env[1], env[2], env[3], unfiltered, now=NOW + dt.timedelta(hours=4))
    assert result.not_applicable == {fir["id"]: "422 error"}
    fake.script_faults(Fault.error(401, path=f"/apps/{shop['id']}/domains"))
    with pytest.raises(HerokuAuthError):
        _sync(env, "domain", NOW + dt.timedelta(hours=5))


def test_team_usage_per_app_is_one_row_per_app_and_day(env) -> None:
    fake, *_, conn = env
    team = fake.add("team", name="acme")
    apps = [
        {"app_name": f"app-{i:03d}", "addons": 1.5, "data": 0.5, "dynos": float(i), "partner": 0.0}
        for i in range(150)  # 15,000 characters of JSON: more than any column holds
    ]
    fake.add("team-daily-usage", team, parent_resource="team", id=team["id"], date="2026-03-01", apps=apps)
    _sync(env, "team")
    _sync(env, "team-daily-usage")
    result = _sync(env, "team-daily-usage.apps")
    assert result.fetched == 150 and not result.drift.truncated
    assert _rows(
        conn,
        "SELECT count(*), sum(dynos), min(date) FROM heroku_team_daily_usage_apps WHERE id = ?",
        [team["id"]],
    ) == [(150, float(sum(range(150))), dt.date(2026, 3, 1))]
    assert "apps" not in [r[0] for r in _rows(conn, "DESCRIBE heroku_team_daily_usage")]


def test_enum_values_outside_the_schema_and_cut_values_are_drift(env) -> None:
    fake, *_, conn = env
    fake.add_app("shop")
    fake.add_release("shop")
    fake.add("release", fake.apps["shop"], version=2, drift={"status": "superseded"})
    _sync(env, "app")
    result = _sync(env, "release")
    drift = result.drift.as_dict()
    assert drift["values_outside_the_schema"] == {"status: superseded": 1}
    assert drift["truncated_values"] == {"status": 1}
    (status, extra) = _rows(conn, "SELECT status, _extra FROM heroku_releases WHERE version = 2")[0]
    assert status == "supersede" and json.loads(extra) == {"status": "superseded"}  # kept whole
