"""Entity fetchers: declared Arrow schemas, incremental fetches from a bookmark with a look-back,
snapshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from heroku_assets import tables
from heroku_assets.platform_api import entities
from heroku_assets.platform_api.client import HerokuClient, HerokuDataError
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.fakes.heroku_api import FakeHeroku


@pytest.fixture
def client(fake_heroku: FakeHeroku) -> HerokuClient:
    return HerokuClient(fake_heroku.token, base_url=fake_heroku.url, retries=2, backoff_factor=0.01)


def test_releases_incremental_from_the_bookmark_minus_the_look_back(
    fake_heroku: FakeHeroku, client: HerokuClient
) -> None:
    fake_heroku.add_app("my-app")
    for _ in range(30):
        fake_heroku.add_release("my-app", status="pending")

    first = entities.fetch_releases(client, "my-app")
    assert first.table.schema == tables.HEROKU_RELEASES.arrow_schema
    assert first.table.column("version").to_pylist() == list(range(1, 31))
    assert first.start is None
    assert first.bookmark.value == 30

    fake_heroku.update_release("my-app", 25, status="succeeded")  # inside the look-back
    fake_heroku.update_release("my-app", 5, description="edited")  # outside it
    for _ in range(3):
        fake_heroku.add_release("my-app")  # 31..33; 30 stops being current

    second = entities.fetch_releases(client, "my-app", first.bookmark, lookback_versions=10)
    assert second.start == 20
    assert fake_heroku.requests_to("/apps/my-app/releases")[-1].headers["range"] == "version 20..; max=1000"
    rows = {r["version"]: r for r in second.table.to_pylist()}
    assert sorted(rows) == list(range(20, 34))
    assert rows[25]["status"] == "succeeded"
    assert rows[30]["current"] is False and rows[33]["current"] is True
    assert second.bookmark.value == 33

    # nothing new: the look-back window again, the bookmark does not move
    third = entities.fetch_releases(client, "my-app", second.bookmark, lookback_versions=2)
    assert third.table.column("version").to_pylist() == [31, 32, 33]
    assert third.bookmark.value == 33


def test_release_rows_carry_api_values_typed_as_declared(
    fake_heroku: FakeHeroku, client: HerokuClient
) -> None:
    fake_heroku.add_app("my-app")
    at = dt.datetime(2026, 5, 4, 3, 2, 1, tzinfo=dt.UTC)
    release = fake_heroku.add_release(
        "my-app", description="Deploy abc1234", user_email="ann@example.com", at=at
    )
    (row,) = entities.fetch_releases(client, "my-app").table.to_pylist()
    assert row == {
        "id": release["id"],
        "app": "my-app",
        "version": 1,
        "status": "succeeded",
        "current": True,
        "description": "Deploy abc1234",
        "user_id": release["user"]["id"],
        "user_email": "ann@example.com",
        "slug_id": release["slug"]["id"],
        "created_at": at,
        "updated_at": at,
    }


def test_apps_incremental_by_updated_at(fake_heroku: FakeHeroku, client: HerokuClient) -> None:
    for name in ("alpha-app", "beta-app", "gamma-app"):
        fake_heroku.add_app(name)
    fake_heroku.add_app("fir-app", generation="fir")
    first = entities.fetch_apps(client)
    assert first.table.schema == tables.HEROKU_APPS.arrow_schema
    assert sorted(first.table.column("name").to_pylist()) == ["alpha-app", "beta-app", "fir-app", "gamma-app"]
    # Fir apps are log partitions too (their telemetry drains feed them)
    assert entities.log_app_names(first.table) == ["alpha-app", "beta-app", "fir-app", "gamma-app"]

    for _ in range(5):  # the fake's clock moves a minute per change
        fake_heroku.add_release("alpha-app")
    fake_heroku.update_app("beta-app", maintenance=True)
    fake_heroku.add_app("delta-app")
    # the bookmark is fir-app's updated_at (the start is inclusive): it comes again with the changes
    second = entities.fetch_apps(client, first.bookmark, lookback=dt.timedelta(0))
    assert sorted(second.table.column("name").to_pylist()) == ["beta-app", "delta-app", "fir-app"]
    # a minute of look-back also takes gamma-app, updated a minute before fir-app
    looked_back = entities.fetch_apps(client, first.bookmark, lookback=dt.timedelta(minutes=1))
    assert sorted(looked_back.table.column("name").to_pylist()) == [
        "beta-app",
        "delta-app",
        "fir-app",
        "gamma-app",
    ]
    assert second.bookmark.value == fake_heroku.apps["delta-app"]["updated_at"]
    assert fake_heroku.requests_to("/apps")[-1].headers["range"].startswith("updated_at 2026-03-01T00:")

    wide = entities.fetch_apps(client, second.bookmark, lookback=dt.timedelta(days=1))
    assert wide.table.num_rows == 5


def test_builds_incremental_catch_a_build_finishing_inside_the_look_back(
    fake_heroku: FakeHeroku, client: HerokuClient
) -> None:
    fake_heroku.add_app("my-app")
    old = fake_heroku.add_build("my-app", status="failed", at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    pending = fake_heroku.add_build("my-app", status="pending")
    first = entities.fetch_builds(client, "my-app")
    assert first.table.schema == tables.HEROKU_BUILDS.arrow_schema
    assert first.table.column("status").to_pylist() == ["failed", "pending"]
    assert first.bookmark.value == pending["created_at"]

    fake_heroku.update_build("my-app", pending["id"], status="succeeded", release={"id": old["id"]})
    newer = fake_heroku.add_build("my-app")
    second = entities.fetch_builds(client, "my-app", first.bookmark, lookback=dt.timedelta(hours=2))
    rows = {r["id"]: r for r in second.table.to_pylist()}
    assert set(rows) == {pending["id"], newer["id"]}  # the February build is outside the look-back
    assert rows[pending["id"]]["status"] == "succeeded"
    assert rows[pending["id"]]["release_id"] == old["id"]
    assert (
        fake_heroku.requests_to("/apps/my-app/builds")[-1]
        .headers["range"]
        .startswith("started_at 2026-02-28T")
    )
    assert second.bookmark.value == newer["created_at"]


def test_dynos_and_formation_are_snapshots_stamped_with_their_time(
    fake_heroku: FakeHeroku, client: HerokuClient
) -> None:
    fake_heroku.add_app("my-app")
    fake_heroku.add_release("my-app")
    fake_heroku.set_dynos("my-app", [{"name": "web.1"}, {"name": "worker.1", "state": "crashed"}])
    fake_heroku.set_formation("my-app", [{"type": "web", "quantity": 2, "size": "performance-m"}])
    taken = dt.datetime(2026, 3, 2, 12, 0, 0, 123456, tzinfo=dt.UTC)

    dynos = entities.fetch_dynos(client, "my-app", snapshot_at=taken)
    formation = entities.fetch_formation(client, "my-app", snapshot_at=taken)
    assert dynos.schema == tables.HEROKU_DYNOS.arrow_schema
    assert formation.schema == tables.HEROKU_FORMATION.arrow_schema
    assert dynos.column("snapshot_at").to_pylist() == [taken, taken]
    assert [(d["name"], d["type"], d["state"], d["release_version"]) for d in dynos.to_pylist()] == [
        ("web.1", "web", "up", 1),
        ("worker.1", "worker", "crashed", 1),
    ]
    assert formation.to_pylist()[0] | {"id": None, "updated_at": None} == {
        "id": None,
        "snapshot_at": taken,
        "app": "my-app",
        "type": "web",
        "quantity": 2,
        "size": "performance-m",
        "command": "gunicorn app:app",
        "updated_at": None,
    }
    assert "range" not in fake_heroku.requests_to("/apps/my-app/dynos")[0].headers


def test_an_entity_that_does_not_fit_its_declaration_is_a_clear_error() -> None:
    fields = entities._release_fields("my-app")
    good = {"id": "r1", "version": 1, "created_at": "2026-01-01T00:00:00Z"}
    assert entities.to_arrow(tables.HEROKU_RELEASES, [good], fields).num_rows == 1
    with pytest.raises(HerokuDataError, match=r"heroku_releases.created_at of 'r2'"):
        entities.to_arrow(tables.HEROKU_RELEASES, [{"id": "r2", "created_at": "yesterday"}], fields)
    with pytest.raises(HerokuDataError, match=r"heroku_releases.version of 'r3'"):
        entities.to_arrow(tables.HEROKU_RELEASES, [{"id": "r3", "version": True}], fields)
    with pytest.raises(HerokuDataError, match=r"heroku_releases.id of None is missing"):
        entities.to_arrow(tables.HEROKU_RELEASES, [{"version": 2}], fields)
    with pytest.raises(KeyError, match="no extractor"):
        entities.to_arrow(tables.HEROKU_RELEASES, [good], {"id": fields["id"]})


def test_timestamps_with_offsets_become_utc_microseconds() -> None:
    fields = entities._release_fields("my-app")
    table = entities.to_arrow(
        tables.HEROKU_RELEASES, [{"id": "r", "created_at": "2026-01-01T01:30:00.123456+01:30"}], fields
    )
    assert table.schema.field("created_at").type == pa.timestamp("us", tz="UTC")
    assert table.column("created_at")[0].as_py() == dt.datetime(2026, 1, 1, 0, 0, 0, 123456, tzinfo=dt.UTC)


def test_bookmarks_round_trip_through_the_store(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)
    assert entities.load_bookmark(store, tables.HEROKU_RELEASES, "my-app") is None
    bookmark = entities.Bookmark("heroku_releases", "my-app", "version", 42, "2026-03-01T00:00:00Z")
    info = entities.save_bookmark(store, bookmark)
    assert info.key == "state/heroku_releases/my-app.json"
    assert entities.load_bookmark(store, tables.HEROKU_RELEASES, "my-app") == bookmark
    assert entities.load_bookmark(store, tables.HEROKU_RELEASES, "other-app") is None


def test_a_bookmark_of_another_table_or_app_is_refused(fake_heroku: FakeHeroku, client: HerokuClient) -> None:
    fake_heroku.add_app("my-app")
    other = entities.Bookmark("heroku_releases", "other-app", "version", 3)
    with pytest.raises(ValueError, match="other-app"):
        entities.fetch_releases(client, "my-app", other)
    assert fake_heroku.requests == []
