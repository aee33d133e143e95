"""The per-app pools the sample's line loop picks from (router templates, app message groups, metrics
lines, timings, the day's traffic curve), built once per app and shared by its days."""

from __future__ import annotations

import functools
import math
import random

from heroku_assets.sample import app_messages, metrics, profile, router
from heroku_assets.storage.layout import validate_app

DAY_US = 86_400_000_000


def _app_rng(seed: int, app: str) -> random.Random:
    return random.Random(f"heroku-assets-sample:{seed}:{app}")


class Pools:
    """Everything per app that the line loop picks from, sized to the day so that small samples stay
    quick to build and large ones stay varied."""

    def __init__(self, app: str, seed: int, size: int, error_share: float) -> None:
        rng = _app_rng(seed, validate_app(app))
        self.profile = prof = profile.build_profile(app, rng)
        # router templates: (template, code, kind)
        self.router = []
        for _ in range(size):
            tmpl, code = router.router_shape(rng, prof, error_share)
            self.router.append((tmpl, code, "router_error" if code else "router"))
        # app message groups: ("app[<dyno>]: ", [(message, has {time}, has {clf})]) per process type
        self.app_groups = []
        group_count = max(32, size // 3)
        for _ in range(group_count):
            r = rng.random()
            if r < 0.72:
                dyno = f"web.{rng.randrange(1, prof.web + 1)}"
                msgs = app_messages.web_messages(rng, prof)
            elif r < 0.90 and prof.workers:
                dyno = f"worker.{rng.randrange(1, prof.workers + 1)}"
                msgs = app_messages.worker_messages(rng, prof)
            elif r < 0.95:
                kind = rng.choice(("run", "scheduler"))
                dyno = f"{kind}.{rng.randrange(1000, 9999)}"
                msgs = app_messages.oneoff_messages(rng, prof, kind)
            else:
                dyno = f"postgres.{rng.randrange(1000, 99999)}"
                msgs = app_messages.postgres_messages(rng, prof)
            self.app_groups.append((f"app[{dyno}]: ", [_clean(m) for m in msgs]))
        # metrics lines: (source prefix, message, samples, kind)
        self.metrics = []
        dynos = sorted(prof.dyno_uuids)
        for _ in range(max(32, size // 4)):
            r = rng.random()
            if r < 0.7:
                dyno = rng.choice(dynos)
                parts, src, kind = (
                    metrics.runtime_metrics_message(rng, prof, dyno),
                    f"heroku[{dyno}]: ",
                    "runtime_metrics",
                )
            elif r < 0.9 or prof.addon_redis is None:
                parts, src, kind = (
                    metrics.postgres_metrics_message(rng, prof),
                    "app[heroku-postgres]: ",
                    "addon_metrics",
                )
            else:
                parts, src, kind = (
                    metrics.redis_metrics_message(rng, prof),
                    "app[heroku-redis]: ",
                    "addon_metrics",
                )
            self.metrics.append((src, " ".join(parts), len(parts) - 1, kind))
        # service times in ms: log-normal around 40 ms with a long tail; connect mostly 0-2 ms
        self.service = [str(min(29999, int(rng.lognormvariate(3.4, 1.1)))) for _ in range(4096)]
        self.connect = [str(int(rng.expovariate(0.9))) for _ in range(4096)]
        self.nbytes = [str(int(rng.lognormvariate(8, 1.6))) for _ in range(4096)]
        self.warp = _segments(_diurnal_table(prof.peak_hour))


def _clean(msg: str) -> tuple[str, bool, bool]:
    """A pooled message, with flags for the placeholders to fill at emit time."""
    msg = msg.translate(profile.NO_BREAKS)
    return msg, "{time}" in msg, "{clf}" in msg


def _diurnal_table(peak_hour: float, knots: int = 1024) -> list[float]:
    """Inverse CDF (microseconds into the day, at ``knots`` + 1 evenly spaced quantiles) of a traffic
    density that is about three times higher at ``peak_hour`` than twelve hours away."""
    steps = 4096
    dens = [
        1.0 + 0.5 * math.cos(2 * math.pi * ((i + 0.5) / steps * 24 - peak_hour) / 24) for i in range(steps)
    ]
    total = sum(dens)
    cdf = [0.0]
    for d in dens:
        cdf.append(cdf[-1] + d / total)
    table, j = [], 0
    for k in range(knots + 1):
        q = k / knots
        while j < steps - 1 and cdf[j + 1] < q:
            j += 1
        lo, hi = cdf[j], cdf[j + 1]
        frac = 0.0 if hi == lo else min(1.0, max(0.0, (q - lo) / (hi - lo)))
        table.append((j + frac) / steps * DAY_US)
    table[0], table[-1] = 0.0, float(DAY_US - 1)
    return table


def _segments(table: list[float]) -> tuple[list[float], list[float]]:
    """The inverse CDF as per-knot (start, slope) pairs, plus a sentinel in case float rounding lands
    exactly on the last knot, so the line loop does one multiply-add and no bounds check."""
    starts = table[:-1] + [table[-1]]
    slopes = [table[k + 1] - table[k] for k in range(len(table) - 1)] + [0.0]
    return starts, slopes


def pool_size(lines_per_day: int) -> int:
    return max(64, min(8192, lines_per_day // 3))


@functools.lru_cache(maxsize=16)
def pools_of(app: str, seed: int, size: int, error_share: float) -> Pools:
    """Pools are a pure function of their arguments (and read-only once built), so days of the same app
    share them instead of rebuilding them."""
    return Pools(app, seed, size, error_share)
