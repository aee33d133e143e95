"""The fake Platform API serves what the real one documents: each entity is checked against its
``definitions/<resource>`` in the Platform API JSON schema."""

from __future__ import annotations

import requests

from heroku_assets.platform_api.client import ACCEPT
from heroku_assets_tests.fakes.heroku_api import FakeHeroku, HerokuSchema, build_app
from heroku_assets_tests.fakes.server import serve


def _get(fake: FakeHeroku, path: str, **headers: str) -> requests.Response:
    return requests.get(
        fake.url + path,
        headers={"Accept": ACCEPT, "Authorization": f"Bearer {fake.token}", **headers},
        timeout=5,
    )


def test_every_served_entity_matches_the_platform_api_schema(
    fake_heroku: FakeHeroku, heroku_schema: HerokuSchema
) -> None:
    fake_heroku.add_app("my-app")
    fake_heroku.add_app("fir-app", generation="fir")
    for status in ("succeeded", "failed", "pending"):
        fake_heroku.add_release("my-app", status=status)
    fake_heroku.add_build("my-app", status="pending")
    fake_heroku.add_build("my-app", status="succeeded")
    fake_heroku.set_dynos("my-app", [{"name": "web.1"}, {"name": "worker.1", "state": "crashed"}])
    fake_heroku.set_formation("my-app", [{"type": "web", "quantity": 2}, {"type": "worker", "quantity": 0}])

    checked = 0
    for path, resource in [
        ("/apps", "app"),
        ("/apps/my-app/releases", "release"),
        ("/apps/my-app/builds", "build"),
        ("/apps/my-app/dynos", "dyno"),
        ("/apps/my-app/formation", "formation"),
    ]:
        response = _get(fake_heroku, path)
        assert response.status_code == 200
        for item in response.json():
            heroku_schema.validate(resource, item)
            checked += 1
    heroku_schema.validate("app", _get(fake_heroku, "/apps/my-app").json())
    session = requests.post(
        fake_heroku.url + "/apps/my-app/log-sessions",
        json={"lines": 10, "source": "app"},
        headers={"Accept": ACCEPT, "Authorization": f"Bearer {fake_heroku.token}"},
        timeout=5,
    )
    assert session.status_code == 201
    heroku_schema.validate("log-session", session.json())
    assert checked == 2 + 3 + 2 + 2 + 2


def test_the_schema_check_catches_a_malformed_entity(heroku_schema: HerokuSchema) -> None:
    """The validator is live: wrong types, values outside an enum and missing required fields fail."""
    assert heroku_schema.errors("release", {"version": "7", "status": "bogus", "current": True})
    assert heroku_schema.errors("build", {"id": "x", "status": "succeeded"})  # required fields missing
    assert heroku_schema.errors("app", {"name": "Not_A_Valid_Name"})
    assert heroku_schema.errors("release", {"version": 7, "status": "succeeded", "current": True}) == []


def test_lists_advertise_their_sort_keys_and_ranges(fake_heroku: FakeHeroku) -> None:
    fake_heroku.add_app("my-app")
    for _ in range(3):
        fake_heroku.add_release("my-app")
    response = _get(fake_heroku, "/apps/my-app/releases", Range="version ..; max=2")
    assert response.status_code == 206
    assert response.headers["Accept-Ranges"] == "id, version"
    assert response.headers["Content-Range"] == "version 1..2"
    assert response.headers["Next-Range"] == "version ]2..; max=2"
    assert int(response.headers["RateLimit-Remaining"]) < 4500
    assert _get(fake_heroku, "/apps/my-app/releases", Range="slug ..; max=2").status_code == 416


def test_the_fake_records_schema_violations_of_what_it_serves(heroku_schema: HerokuSchema) -> None:
    """What makes ``fake_heroku`` fail a test at teardown when the fake drifts from the schema."""
    fake = FakeHeroku(schema=heroku_schema)
    fake.add_app("x")  # app names have 3 to 30 characters
    with serve(build_app(fake)) as served:
        fake.url = served.url
        assert _get(fake, "/apps").status_code == 200
    # the name, and the git and web URLs made from it
    assert sorted(e.split(": ")[1] for e in fake.schema_errors) == ["git_url", "name", "web_url"]
