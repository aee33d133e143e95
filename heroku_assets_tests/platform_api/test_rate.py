"""The project's share of Heroku's rate limit: a bucket of its own, kept between runs, and the fake's
bucket (4,500 tokens, 75 a minute) it is measured against, both on a simulated clock."""

from __future__ import annotations

import pytest

from heroku_assets.platform_api.client import HerokuClient
from heroku_assets.platform_api.rate import RateBudget
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.fakes.heroku_api import FakeHeroku


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_the_budget_bursts_to_its_share_then_spends_at_its_share_of_the_refill() -> None:
    clock = Clock()
    budget = RateBudget(0.5, clock=clock, sleep=clock.sleep)
    for _ in range(2250):  # half of Heroku's 4,500: no wait
        budget.take()
    assert budget.waited == 0
    for _ in range(375):  # then half of 75 a minute: 375 more take 10 minutes
        budget.take()
    assert budget.waited == pytest.approx(600, rel=0.01)
    with pytest.raises(ValueError):
        RateBudget(0)


def test_the_level_is_kept_between_runs_and_refills_meanwhile(tmp_path) -> None:
    store = LocalObjectStore(tmp_path)
    clock = Clock()
    first = RateBudget(0.6, clock=clock, sleep=clock.sleep)
    for _ in range(2000):
        first.take()
    first.save(store)
    clock.now += 60  # a minute later: 45 tokens back (0.6 x 75)
    second = RateBudget(0.6, clock=clock, sleep=clock.sleep).load(store)
    assert second.level() == pytest.approx(2700 - 2000 + 45)
    clock.now += 7200
    assert RateBudget(0.6, clock=clock).load(store).level() == 2700  # never above its share


def test_the_fake_bucket_refills_75_a_minute_and_answers_429_when_empty(fake_heroku: FakeHeroku) -> None:
    fake_heroku.add_app("my-app")
    fake_heroku.rate_limit_remaining = 2
    client = HerokuClient(fake_heroku.token, base_url=fake_heroku.url, retries=0, throttle_below=0)
    with client:
        client.get_json("/apps/my-app")
        client.get_json("/apps/my-app")
        assert client.rate_limit_remaining == 0
        with pytest.raises(Exception, match="rate limited"):
            client.get_json("/apps/my-app")
        fake_heroku.advance(60)
        client.get_json("/apps/my-app")
        assert client.rate_limit_remaining == 74
        fake_heroku.advance(3600 * 5)
        client.get_json("/apps/my-app")
        assert client.rate_limit_remaining == 4499
    assert [r.status for r in fake_heroku.requests] == [200, 200, 429, 200, 200]


def test_a_client_with_a_budget_waits_for_its_share_not_for_heroku_s_floor(fake_heroku: FakeHeroku) -> None:
    fake_heroku.add_app("my-app")
    clock = Clock()
    budget = RateBudget(0.1, clock=clock, sleep=clock.sleep)  # 450 at once, then 7.5 a minute
    budget.tokens = 3
    client = HerokuClient(fake_heroku.token, base_url=fake_heroku.url, budget=budget, sleep=clock.sleep)
    with client:
        for _ in range(6):
            client.get_json("/apps/my-app")
    assert client.stats.budget_seconds == pytest.approx(3 * 8.0)  # 3 more tokens at 7.5 a minute
    assert client.stats.throttle_pauses == 0  # Heroku's bucket was never low


def test_the_share_and_webhooks_are_settings_that_reach_the_api_resource(monkeypatch, tmp_path) -> None:
    from heroku_assets import settings
    from heroku_assets.defs.resources import build_resources

    monkeypatch.setenv("HEROKU_ASSETS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HEROKU_API_RATE_SHARE", raising=False)
    monkeypatch.delenv("HEROKU_API_WEBHOOKS", raising=False)
    api = build_resources(settings.load())["heroku_api"]
    assert (api.rate_share, api.webhooks) == (0.6, False)  # 40 % of the refill left for people and CI
    monkeypatch.setenv("HEROKU_API_RATE_SHARE", "0.25")
    monkeypatch.setenv("HEROKU_API_WEBHOOKS", "on")
    api = build_resources(settings.load())["heroku_api"]
    assert (api.rate_share, api.webhooks) == (0.25, True)
    monkeypatch.setenv("HEROKU_API_RATE_SHARE", "1.5")
    with pytest.raises(ValueError, match="HEROKU_API_RATE_SHARE"):
        settings.load()


def test_a_sync_paced_to_its_share_never_empties_heroku_s_bucket(tmp_path) -> None:
    """The fake's bucket and the budget on one simulated clock: 60 apps' dynos listed twice with Heroku's
    bucket nearly empty at the start (others spent it); the sync waits for its share, Heroku never says
    429, and the bucket is fuller at the end than at the start."""
    import datetime as dt

    import duckdb

    from heroku_assets.platform_api import sync
    from heroku_assets.platform_api.endpoints import BY_NAME
    from heroku_assets.warehouse.duckdb import DuckDBWarehouse
    from heroku_assets_tests.fakes.heroku_api import build_app
    from heroku_assets_tests.fakes.server import serve

    clock = Clock()
    start = clock.now
    fake = FakeHeroku(clock=clock)
    for i in range(60):
        fake.add_app(f"app-{i:02d}")
        fake.set_dynos(f"app-{i:02d}", [{"name": "web.1"}])
    fake.rate_limit_remaining = 30
    budget = RateBudget(0.2, clock=clock, sleep=clock.sleep)  # 900 at once, 15 a minute
    budget.tokens = 0  # and spent
    staging = LocalObjectStore(tmp_path / "staging")
    with serve(build_app(fake)) as served, duckdb.connect(str(tmp_path / "wh.duckdb")) as conn:
        client = HerokuClient(fake.token, base_url=served.url, budget=budget, sleep=clock.sleep, retries=0)
        now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
        with client:
            for name in ("app", "dyno", "dyno"):
                result = sync.sync_resource(client, staging, DuckDBWarehouse(conn), BY_NAME[name], now=now)
    assert result.fetched == 60 and result.requests == 60
    assert {r.status for r in fake.requests} == {200}
    # 121 calls at 15 a minute: the share sets the pace (Heroku's floor pauses, while its bucket was low,
    # count towards it)
    assert clock.now - start == pytest.approx(121 * 4.0, rel=0.01)
    assert client.stats.throttle_pauses > 0 and budget.waited > client.stats.throttled_seconds
    assert fake.rate_limit_remaining > 30
