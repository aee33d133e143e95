"""The Platform API client against the fake API over loopback HTTP: paging, retries, pacing, errors."""

from __future__ import annotations

import time

import pytest

from heroku_assets.platform_api.client import ACCEPT, HerokuClient
from heroku_assets.platform_api.errors import (
    HerokuAuthError,
    HerokuForbiddenError,
    HerokuNotFoundError,
    HerokuRateLimitError,
    HerokuResponseError,
    HerokuServerError,
    HerokuUnavailableError,
)
from heroku_assets_tests.fakes.heroku_api import FakeHeroku, Fault


def make_client(fake: FakeHeroku, **kwargs: object) -> HerokuClient:
    # a read timeout no busy machine reaches (the fake validates what it serves against the schema, slower
    # under load); the tests of timeouts give their own
    options: dict[str, object] = {"timeout": (2.0, 10.0), "retries": 3, "backoff_factor": 0.01}
    options.update(kwargs)
    return HerokuClient(fake.token, base_url=fake.url, **options)  # type: ignore[arg-type]


@pytest.fixture
def app_with_releases(fake_heroku: FakeHeroku) -> FakeHeroku:
    fake_heroku.add_app("my-app")
    for _ in range(5):
        fake_heroku.add_release("my-app")
    return fake_heroku


def test_every_call_sends_version_accept_user_agent_and_bearer(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    with make_client(fake) as client:
        assert client.get_json("/apps/my-app")["name"] == "my-app"
        assert fake.token not in repr(client)
    (request,) = fake.requests
    assert request.headers["accept"] == ACCEPT
    assert request.headers["user-agent"].startswith("heroku-assets/")
    assert request.headers["authorization"] == f"Bearer {fake.token}"


def test_lists_follow_206_and_next_range_until_complete(fake_heroku: FakeHeroku) -> None:
    fake_heroku.add_app("my-app")
    for _ in range(2500):
        fake_heroku.add_release("my-app")
    with make_client(fake_heroku) as client:
        versions = [r["version"] for r in client.paginate("/apps/my-app/releases", sort_key="version")]
    assert versions == list(range(1, 2501))
    calls = fake_heroku.requests_to("/apps/my-app/releases")
    assert [c.headers["range"] for c in calls] == [
        "version ..; max=1000",
        "version ]1000..; max=1000",
        "version ]2000..; max=1000",
    ]
    assert [c.status for c in calls] == [206, 206, 200]


def test_descending_pages_and_start_value(app_with_releases: FakeHeroku) -> None:
    with make_client(app_with_releases) as client:
        newest = [
            r["version"]
            for r in client.paginate("/apps/my-app/releases", sort_key="version", descending=True)
        ]
        since = [r["version"] for r in client.paginate("/apps/my-app/releases", sort_key="version", start=3)]
    assert newest == [5, 4, 3, 2, 1]
    assert since == [3, 4, 5]


def test_429_with_retry_after_waits_as_told_then_succeeds(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.script_faults(Fault.rate_limited(retry_after="1"))
    with make_client(fake) as client:
        started = time.monotonic()
        assert client.get_json("/apps/my-app")["name"] == "my-app"
        waited = time.monotonic() - started
    assert [r.status for r in fake.requests] == [429, 200]
    assert waited >= 0.9  # Retry-After: 1 was honoured, not the 10 ms backoff


def test_429_without_retry_after_backs_off_and_retries(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.script_faults(Fault.rate_limited(times=2))
    with make_client(fake) as client:
        assert len(list(client.paginate("/apps/my-app/releases", sort_key="version"))) == 5
    assert [r.status for r in fake.requests] == [429, 429, 200]


def test_429_that_persists_raises_a_rate_limit_error(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.script_faults(Fault.rate_limited(times=10))
    with make_client(fake, retries=2) as client, pytest.raises(HerokuRateLimitError) as info:
        client.get_json("/apps/my-app")
    assert info.value.status == 429
    assert info.value.error_id == "rate_limit"
    assert len(fake.requests) == 3  # the first try and two retries


def test_a_burst_of_5xx_is_retried(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.script_faults(
        Fault.server_error(status=500), Fault.server_error(status=502), Fault.server_error(status=503)
    )
    with make_client(fake) as client:
        assert len(list(client.paginate("/apps/my-app/releases", sort_key="version"))) == 5
    assert [r.status for r in fake.requests] == [500, 502, 503, 200]


def test_5xx_beyond_the_retries_raises_a_server_error_naming_the_resource(
    app_with_releases: FakeHeroku,
) -> None:
    fake = app_with_releases
    fake.script_faults(Fault.server_error(times=10))
    with make_client(fake, retries=2) as client, pytest.raises(HerokuServerError) as info:
        list(client.paginate("/apps/my-app/releases", sort_key="version"))
    assert info.value.status == 503
    assert "GET /apps/my-app/releases" in str(info.value)
    assert len(fake.requests) == 3


def test_a_slow_response_times_out_and_is_retried(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.script_faults(Fault.slow(1.5))
    with make_client(fake, timeout=(2.0, 0.5)) as client:
        started = time.monotonic()
        assert client.get_json("/apps/my-app")["name"] == "my-app"
        elapsed = time.monotonic() - started
    assert len(fake.requests) == 2
    assert elapsed < 1.4  # gave up on the slow answer instead of waiting 1.5 s for it


def test_no_answer_after_every_retry_raises_unavailable(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.script_faults(Fault.slow(1.0, times=5))
    with (
        make_client(fake, timeout=(2.0, 0.3), retries=1) as client,
        pytest.raises(HerokuUnavailableError) as info,
    ):
        client.get_json("/apps/my-app")
    assert info.value.resource == "GET /apps/my-app"
    assert len(fake.requests) == 2


def test_401_is_a_clear_error_without_the_token_and_not_retried(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    client = HerokuClient("wrong-secret-token-123", base_url=fake.url, retries=3, backoff_factor=0.01)
    with client, pytest.raises(HerokuAuthError) as info:
        client.get_json("/apps/my-app")
    assert info.value.status == 401
    assert "GET /apps/my-app" in str(info.value)
    assert "wrong-secret-token-123" not in str(info.value) + repr(info.value)
    assert len(fake.requests) == 1


def test_403_and_404_name_the_resource(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    fake.add_app("private-app")
    fake.forbidden_apps.add("private-app")
    with make_client(fake) as client:
        with pytest.raises(HerokuForbiddenError) as forbidden:
            list(client.paginate("/apps/private-app/releases", sort_key="version"))
        with pytest.raises(HerokuNotFoundError) as missing:
            list(client.paginate("/apps/no-such-app/releases", sort_key="version"))
    assert forbidden.value.resource == "GET /apps/private-app/releases"
    assert "private-app" in str(forbidden.value)
    assert missing.value.resource == "GET /apps/no-such-app/releases"
    assert missing.value.error_id == "not_found"
    assert len(fake.requests) == 2  # neither was retried


def test_an_unknown_sort_key_is_a_range_error_listing_accepted_keys(app_with_releases: FakeHeroku) -> None:
    with make_client(app_with_releases) as client, pytest.raises(HerokuResponseError) as info:
        list(client.paginate("/apps/my-app/releases", sort_key="created_at"))
    assert info.value.status == 416
    assert "id, version" in str(info.value)


def test_pacing_starts_when_the_rate_limit_runs_low(app_with_releases: FakeHeroku) -> None:
    fake = app_with_releases
    with make_client(fake, throttle_below=10, seconds_per_token=0.02) as client:
        for _ in range(3):
            client.get_json("/apps/my-app")
        assert client.stats.throttle_pauses == 0  # 4500 tokens: no reason to slow down
        fake.rate_limit_remaining = 8
        for _ in range(3):
            client.get_json("/apps/my-app")
    # the first low answer (7 left) is only known after the call: the two calls after it waited
    assert client.stats.throttle_pauses == 2
    assert client.rate_limit_remaining == 5
    assert client.stats.throttled_seconds == pytest.approx(0.02 * (1 + 3 / 10) + 0.02 * (1 + 4 / 10))


def test_log_session_filters_and_no_token_sent_to_logplex(fake_heroku: FakeHeroku) -> None:
    fake_heroku.add_app("my-app")
    lines = [
        "2026-03-01T10:00:00.000001+00:00 heroku[router]: at=info method=GET path=/ status=200",
        "2026-03-01T10:00:00.000002+00:00 app[web.1]: GET / 200",
        "2026-03-01T10:00:00.000003+00:00 app[worker.1]: job done",
        "2026-03-01T10:00:00.000004+00:00 heroku[worker.1]: State changed from starting to up",
        "2026-03-01T10:00:00.000005+00:00 app[worker.2]: job started",
    ]
    fake_heroku.set_lines("my-app", lines)
    with make_client(fake_heroku) as client:
        router = client.log_lines("my-app", dyno_name="router")  # heroku logs --ps router
        app_only = client.log_lines("my-app", source="app")  # heroku logs --source app
        workers = client.log_lines("my-app", source="app", dyno_name="worker")  # --source app --ps worker
        last_two = client.log_lines("my-app", lines=2)
    assert router == [lines[0].encode()]
    assert app_only == [line.encode() for line in lines[1:3] + lines[4:]]
    assert workers == [lines[2].encode(), lines[4].encode()]
    assert last_two == [line.encode() for line in lines[3:]]
    posts = [r for r in fake_heroku.requests_to("/apps/my-app/log-sessions") if r.method == "POST"]
    assert [p.body for p in posts][
        2
    ] == b'{"lines": 1500, "tail": false, "source": "app", "dyno_name": "worker"}'
    for session_read in fake_heroku.requests_to("/logplex/"):
        assert "authorization" not in session_read.headers


def test_log_session_line_count_is_checked(fake_heroku: FakeHeroku) -> None:
    with make_client(fake_heroku) as client, pytest.raises(ValueError):
        client.create_log_session("my-app", lines=1501)
    assert fake_heroku.requests == []
