"""A simulated day of the Platform API sync for a team of N apps, against the fake API's token bucket
(4,500 requests, refilled at 75 a minute, 429 when empty) on a simulated clock.

Every resource runs on its cron, one run at a time (the API assets share the one warehouse slot), through
the real client, sync and DuckDB warehouse; the fake API answers over loopback HTTP. Simulated time is
wall time plus what would have been waited: each request's latency (``--latency``), the client's pacing
and idle time until the next cron tick. People and CI spend ``--others`` requests an hour from the same
account. Apps deploy through the day (a build, a release, its slug, new dynos).

Prints requests per hour against the budget (``--share`` of Heroku's refill), the first full sync's time
and requests, per resource how late runs started and whether each finished before its next tick, the
lowest RateLimit-Remaining seen, and every 429 (there should be none reaching a run).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from heroku_assets.platform_api import sync  # noqa: E402
from heroku_assets.platform_api.client import HerokuClient  # noqa: E402
from heroku_assets.platform_api.endpoints import ENDPOINTS, Endpoint  # noqa: E402
from heroku_assets.platform_api.errors import HerokuError  # noqa: E402
from heroku_assets.platform_api.rate import HEROKU_BUCKET, RateBudget  # noqa: E402
from heroku_assets.storage.local import LocalObjectStore  # noqa: E402
from heroku_assets.warehouse.duckdb import DuckDBWarehouse  # noqa: E402
from heroku_assets_tests.fakes.heroku_api import FakeHeroku, build_app  # noqa: E402
from heroku_assets_tests.fakes.server import serve  # noqa: E402

START = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)


class SimClock:
    """Wall time since the start, plus simulated waits and jumps: what the day's clock reads."""

    def __init__(self) -> None:
        self.base = START.timestamp()
        self.wall0 = time.monotonic()
        self.offset = 0.0

    def __call__(self) -> float:
        return self.base + (time.monotonic() - self.wall0) + self.offset

    def sleep(self, seconds: float) -> None:
        self.offset += max(0.0, seconds)

    def jump_to(self, at: float) -> None:
        self.offset += max(0.0, at - self())

    def datetime(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self(), dt.UTC)


class DayClient(HerokuClient):
    """The real client; each request also costs ``latency`` seconds of simulated time, and the people and
    CI sharing the account spend their requests from the same bucket meanwhile."""

    def __init__(self, *args, clock: SimClock, fake: FakeHeroku, latency: float, others: float, log, **kw):
        super().__init__(*args, **kw)
        self.clock, self.fake, self.latency, self.others, self.log = clock, fake, latency, others, log

    def request(self, method, path, **kw):
        self.log.others_due += (self.clock() - self.log.others_at) * self.others / 3600
        self.log.others_at = self.clock()
        spend = int(self.log.others_due)
        if spend:
            self.fake.rate_limit_remaining = max(0, self.fake.rate_limit_remaining - spend)
            self.log.others_due -= spend
        self.clock.sleep(self.latency)
        response = super().request(method, path, **kw)
        self.log.per_hour[int((self.clock() - START.timestamp()) // 3600)] += 1
        if self.rate_limit_remaining is not None:
            self.log.lowest = min(self.log.lowest, self.rate_limit_remaining)
        return response


class DayLog:
    def __init__(self, start: float) -> None:
        self.per_hour: collections.Counter[int] = collections.Counter()
        self.lowest = HEROKU_BUCKET
        self.others_due = 0.0
        self.others_at = start


def next_tick(cron: str, after: float) -> float:
    """The next time (epoch seconds) strictly after ``after`` matching the minute and hour fields of the
    crons the endpoint list uses (``N``, ``*/N``, ``*``)."""

    def matches(field: str, value: int) -> bool:
        if field == "*":
            return True
        if "/" in field:  # */3 or 1-23/3
            span, step = field.split("/")
            first, _, last = ("0-59" if span == "*" else span).partition("-")
            return int(first) <= value <= int(last or 59) and (value - int(first)) % int(step) == 0
        return value == int(field)

    minute, hour = cron.split()[:2]
    at = dt.datetime.fromtimestamp(after, dt.UTC).replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    while not (matches(minute, at.minute) and matches(hour, at.hour)):
        at += dt.timedelta(minutes=1)
    return at.timestamp()


def fleet(fake: FakeHeroku, apps: int, fir_share: float, rng: random.Random) -> None:
    """A team of ``apps`` apps as a real one looks: releases with slugs, builds, dynos, formation,
    domains, collaborators, drains, add-ons, pipelines."""
    team = fake.add("team", name="acme")
    fake.add("team-member", team, parent_resource="team")
    for i in range(apps):
        name = f"app-{i:04d}"
        fir = rng.random() < fir_share
        app = fake.add_app(name, generation="fir" if fir else "cedar")
        fake.add("team-app", team, parent_resource="team", name=name)
        deploy(fake, name, releases=3)
        fake.set_formation(name, [{"type": "web", "quantity": 2}, {"type": "worker", "quantity": 1}])
        fake.add("domain", app, hostname=f"{name}.example.com")
        fake.add("collaborator", app)
        fake.add("app-feature", app)
        fake.add("app-webhook", app)
        fake.add("app-webhook-delivery", app)
        fake.add("app-webhook-event", app)
        if fir:
            fake.add("telemetry-drain", app)
        else:
            fake.add("log-drain", app)
            fake.add("buildpack-installation", app, ordinal=0)
        fake.add("add-on", name=f"postgresql-{i:04d}")
        fake.add("add-on-attachment")
    for p in range(max(1, apps // 20)):
        pipeline = fake.add("pipeline", name=f"pipeline-{p:03d}")
        fake.add("pipeline-coupling")
        fake.add("review-app", pipeline, parent_resource="pipeline")
    for name in ("add-on-service", "dyno-size", "region", "stack", "generation", "account-feature", "credit"):
        fake.add(name)
    enterprise = fake.add("enterprise-account")
    for name in ("enterprise-account-member", "audit-trail-event", "archive"):
        fake.add(name, enterprise, parent_resource="enterprise-account")
    for name in ("team-invoice", "permission-entity", "allowed-add-on-service", "team-feature"):
        fake.add(name, team, parent_resource="team")
    for s in range(2):
        space = fake.add("space", name=f"space-{s}")
        for name in ("space-nat", "peering-info", "space-topology", "inbound-ruleset", "vpn-connection"):
            fake.add(name, space, parent_resource="space")
    fake.add("team-daily-usage", team, parent_resource="team", id=team["id"], date="2026-03-01")
    fake.add("team-monthly-usage", team, parent_resource="team", id=team["id"], month="2026-02")


def deploy(fake: FakeHeroku, name: str, releases: int = 1) -> None:
    for _ in range(releases):
        fake.add_build(name)
        release = fake.add_release(name)
        if release["slug"]:
            fake.add("slug", fake.apps[name], id=release["slug"]["id"])
        for artifact in release["artifacts"]:  # a Fir release: its OCI image
            fake.add("oci-image", fake.apps[name], id=artifact["id"])
    fake.set_dynos(name, [{"name": "web.1"}, {"name": "web.2"}, {"name": "worker.1"}])


def run_day(args: argparse.Namespace) -> int:
    rng = random.Random(7)
    clock = SimClock()
    fake = FakeHeroku(clock=clock)
    fleet(fake, args.apps, args.fir, rng)
    end = START.timestamp() + args.hours * 3600
    log = DayLog(clock())
    budget = RateBudget(args.share, clock=clock, sleep=clock.sleep)
    if args.start_empty:  # the first sync paced at the share from its first request
        budget.tokens = 0
    resources = [r for r in ENDPOINTS if not args.only or r.name in args.only]
    order = {r.name: i for i, r in enumerate(resources)}
    ticks = {r.name: next_tick(r.cron, clock()) for r in resources}
    t0 = clock()
    pending: list[tuple[float, Endpoint]] = [(t0, r) for r in resources]  # the first full sync
    stats = {
        r.name: {"runs": 0, "late": 0.0, "overran": 0, "coalesced": 0, "longest": 0.0} for r in resources
    }
    failures: list[str] = []
    first_sync = None
    first_requests = 0
    deploys_at = clock() + 600
    with tempfile.TemporaryDirectory(prefix="bench-api-day-") as tmp, serve(build_app(fake)) as served:
        staging = LocalObjectStore(Path(tmp) / "staging")
        conn = duckdb.connect(str(Path(tmp) / "warehouse.duckdb"))
        warehouse = DuckDBWarehouse(conn)
        client = DayClient(
            fake.token,
            base_url=served.url,
            budget=budget,
            sleep=clock.sleep,
            clock=clock,
            fake=fake,
            latency=args.latency,
            others=args.others,
            log=log,
        )
        wall0 = time.monotonic()
        while clock() < end:
            now = clock()
            while deploys_at <= now:  # a few apps deploy every 10 minutes
                for _ in range(args.deploys):
                    deploy(fake, f"app-{rng.randrange(args.apps):04d}")
                deploys_at += 600
            for r in resources:  # cron ticks that passed: a run is due (one per resource at most)
                while ticks[r.name] <= now:
                    if any(p.name == r.name for _, p in pending):
                        stats[r.name]["coalesced"] += first_sync is not None
                    else:
                        pending.append((ticks[r.name], r))
                    ticks[r.name] = next_tick(r.cron, ticks[r.name])
            if not pending:
                clock.jump_to(min(min(ticks.values()), deploys_at))
                continue
            pending.sort(key=lambda p: (p[0], order[p[1].name]))
            tick, resource = pending.pop(0)
            started = clock()
            try:
                sync.sync_resource(
                    client, staging, warehouse, resource, now=clock.datetime(), webhooks=args.webhooks
                )
            except HerokuError as exc:
                failures.append(f"{resource.name} at {clock.datetime():%H:%M}: {exc}")
            took = clock() - started
            s = stats[resource.name]
            s["runs"] += 1
            if tick != t0:  # runs of the first full sync are not on a cron
                s["late"] = max(s["late"], started - tick)
                s["longest"] = max(s["longest"], took)
                s["overran"] += clock() > ticks[resource.name]  # its next tick came before it finished
            if first_sync is None and not any(t == t0 for t, _ in pending):
                first_sync = clock() - START.timestamp()
                first_requests = sum(log.per_hour.values())
        client.close()
        conn.close()
        wall = time.monotonic() - wall0

    hours = sorted(h for h in log.per_hour if h < args.hours)
    counts = [log.per_hour[h] for h in hours]
    limit = budget.per_hour
    refused = sum(1 for r in fake.requests if r.status == 429)
    print(
        f"{args.apps} apps ({args.fir:.0%} Fir), {args.hours} simulated hours in {wall:.0f} s; share "
        f"{args.share} of Heroku's refill = {limit:,.0f} requests/h; people and CI {args.others:,.0f}/h; "
        f"latency {args.latency * 1000:.0f} ms; webhooks {'on' if args.webhooks else 'off'}"
    )
    print(
        f"first full sync: {first_sync / 60:.1f} min, {first_requests:,} requests"
        if first_sync
        else "first full sync: not finished"
    )
    print(
        f"requests/hour: max {max(counts):,}, mean {sum(counts) / len(counts):,.0f}, "
        f"after the first hour mean {sum(counts[1:]) / max(1, len(counts) - 1):,.0f} (budget {limit:,.0f})"
    )
    print("per hour: " + " ".join(f"{c}" for c in counts))
    print(
        f"lowest RateLimit-Remaining seen: {log.lowest:,}; 429 answers: {refused}; "
        f"failed runs: {len(failures)}"
    )
    print(
        f"client waited for its budget {budget.waited / 60:.1f} min, "
        f"for Heroku's floor {client.stats.throttled_seconds / 60:.1f} min"
    )
    print(
        f"{'resource':24} {'cron':14} {'runs':>5} {'max late':>9} {'longest':>8} "
        f"{'overran':>7} {'coalesced':>9}"
    )
    for r in resources:
        s = stats[r.name]
        print(
            f"{r.name:24} {r.cron:14} {s['runs']:5} {s['late'] / 60:8.1f}m {s['longest'] / 60:7.1f}m "
            f"{s['overran']:7} {s['coalesced']:9}"
        )
    for failure in failures[:10]:
        print("FAILED", failure)
    within = max(counts[1:] or counts) <= limit
    on_cron = not any(s["overran"] or s["coalesced"] for s in stats.values())
    print(
        f"targets: requests/h within the budget after the first hour: {'met' if within else 'MISSED'}; "
        f"every asset on its cron: {'met' if on_cron else 'MISSED'}; no 429 reaching a run: "
        f"{'met' if not failures and not refused else 'MISSED'}"
    )
    return 0 if within and on_cron and not failures else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--apps", type=int, default=200)
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--share", type=float, default=0.6, help="HEROKU_API_RATE_SHARE")
    parser.add_argument("--others", type=float, default=1500, help="requests/h people and CI spend")
    parser.add_argument("--latency", type=float, default=0.15, help="seconds per request")
    parser.add_argument("--fir", type=float, default=0.1, help="share of Fir apps")
    parser.add_argument("--deploys", type=int, default=2, help="deploys every 10 minutes")
    parser.add_argument("--webhooks", action="store_true", help="HEROKU_API_WEBHOOKS on")
    parser.add_argument("--start-empty", action="store_true", help="the project's bucket empty at 00:00")
    parser.add_argument("--only", nargs="*", help="resource names (default: all)")
    return run_day(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
