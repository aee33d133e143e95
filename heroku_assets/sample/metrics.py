"""log-runtime-metrics and add-on metrics lines (sample#name=value), the only lines holding ``sample#``."""

from __future__ import annotations

import random

from heroku_assets.sample.profile import AppProfile

# --- metrics --------------------------------------------------------------------------------------


def _subset(rng: random.Random, samples: list[str]) -> list[str]:
    """Heroku sends any subset of the samples; keep the order, never none."""
    if rng.random() < 0.85:
        return samples
    kept = [s for s in samples if rng.random() < 0.6]
    return kept or samples[:1]


def runtime_metrics_message(rng: random.Random, prof: AppProfile, dyno: str) -> list[str]:
    """log-runtime-metrics: a load line or a memory line for one dyno (from heroku[<dyno>])."""
    head = f"source={dyno} dyno=heroku.{prof.app_id}.{prof.dyno_uuids[dyno]}"
    if rng.random() < 0.45:
        la = rng.uniform(0, 3)
        samples = [
            f"sample#load_avg_1m={la:.2f}",
            f"sample#load_avg_5m={la * 0.8:.2f}",
            f"sample#load_avg_15m={la * 0.7:.2f}",
        ]
    else:
        total = rng.uniform(80, 1100)
        samples = [
            f"sample#memory_total={total:.2f}MB",
            f"sample#memory_rss={total * 0.93:.2f}MB",
            f"sample#memory_cache={total * 0.07:.2f}MB",
            f"sample#memory_swap={rng.choice((0, 0, 0, 3.1)):.2f}MB",
            f"sample#memory_pgpgin={rng.randrange(10000, 9000000)}pages",
            f"sample#memory_pgpgout={rng.randrange(10000, 9000000)}pages",
        ]
        if rng.random() < 0.7:
            samples.append(f"sample#memory_quota={rng.choice((512, 1024, 2560)):.2f}MB")
    return [head, *_subset(rng, samples)]


def postgres_metrics_message(rng: random.Random, prof: AppProfile) -> list[str]:
    mem_total = 15405636.0
    samples = [
        f"sample#current_transaction={rng.randrange(1000, 9_000_000)}",
        f"sample#db_size={rng.randrange(10**8, 10**11)}bytes",
        f"sample#tables={rng.randrange(5, 300)}",
        f"sample#active-connections={rng.randrange(1, 120)}",
        f"sample#waiting-connections={rng.choice((0, 0, 0, 1, 4))}",
        f"sample#index-cache-hit-rate={rng.uniform(0.9, 1):.5f}",
        f"sample#table-cache-hit-rate={rng.uniform(0.9, 1):.5f}",
        f"sample#load-avg-1m={rng.uniform(0, 2):.3f}",
        f"sample#load-avg-5m={rng.uniform(0, 2):.3f}",
        f"sample#load-avg-15m={rng.uniform(0, 2):.3f}",
        f"sample#read-iops={rng.choice((0, 0, 1.5, 12.2))}",
        f"sample#write-iops={rng.uniform(0, 200):.3f}",
        f"sample#tmp-disk-used={rng.randrange(10**7, 10**9)}",
        "sample#tmp-disk-available=72944943104",
        f"sample#memory-total={mem_total}kB",
        f"sample#memory-free={rng.randrange(100000, 3000000)}kB",
        f"sample#memory-cached={rng.randrange(1000000, 14000000)}kB",
        f"sample#memory-postgres={rng.randrange(100000, 900000)}kB",
        f"sample#wal-percentage-used={rng.uniform(0, 0.2):.4f}",
    ]
    return [f"source={prof.pg_source} addon={prof.addon_pg}", *_subset(rng, samples)]


def redis_metrics_message(rng: random.Random, prof: AppProfile) -> list[str]:
    samples = [
        f"sample#active-connections={rng.randrange(1, 40)}",
        f"sample#load-avg-1m={rng.uniform(0, 1):.3f}",
        f"sample#load-avg-5m={rng.uniform(0, 1):.3f}",
        f"sample#load-avg-15m={rng.uniform(0, 1):.3f}",
        f"sample#read-iops={rng.uniform(0, 5):.3f}",
        f"sample#write-iops={rng.uniform(0, 5):.3f}",
        "sample#memory-total=15664876kB",
        f"sample#memory-free={rng.randrange(1000000, 14000000)}kB",
        f"sample#memory-cached={rng.randrange(100000, 3000000)}kB",
        f"sample#memory-redis={rng.randrange(10**6, 10**9)}bytes",
        f"sample#hit-rate={rng.uniform(0.3, 1):.5g}",
        f"sample#evicted-keys={rng.choice((0, 0, 0, 12))}",
    ]
    return [f"source=REDIS addon={prof.addon_redis}", *_subset(rng, samples)]
