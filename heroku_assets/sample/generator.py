"""Deterministic, realistic Heroku logs with their ground truth.

``generate_lines`` yields ``heroku logs`` text lines for several apps and UTC days, each tagged with the
table the parser must put it in (router_events, app_events, platform_events, runtime_metrics or
rejected_lines), so tests and benchmarks can check a parser against exact expectations.

Determinism: every (seed, app, day) stream comes from its own ``random.Random`` seeded with a string
(hashed with SHA-512 by ``random``, so independent of PYTHONHASHSEED), and nothing reads the clock or
``os.urandom``. A day can therefore be regenerated alone, and the same arguments give the same bytes.

Speed: the per-app pools (router line templates, app message groups, metrics lines) are built once; the
per-line loop only picks from them, fills the request id, timings and timestamp, and formats. It streams:
nothing holds a day.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from heroku_assets.sample import garbage, platform, profile
from heroku_assets.sample.pools import DAY_US, pool_size, pools_of
from heroku_assets.sample.times import app_time, clf_time, iso, odd_timestamp
from heroku_assets.storage.layout import validate_app

TABLES = ("router_events", "app_events", "platform_events", "runtime_metrics", "rejected_lines")
DEFAULT_START = dt.date(2026, 11, 20)
APP_NAMES = (
    "shop-web",
    "billing-api",
    "ops-worker",
    "search-api",
    "admin-portal",
    "media-proxy",
    "auth-service",
    "notify-hub",
)
_EPOCH = dt.date(1970, 1, 1)
_RELEASE_EPOCH = dt.date(2024, 1, 1)
# Lines over this many bytes arrive split in chunks of exactly this size.
CHUNK_BYTES = 10_000
# A long message has at most this many chunks; one starts only if the day has room for all of them.
_MAX_CHUNKS = 5


class SampleLine(NamedTuple):
    """One generated line and what a correct parser must make of it."""

    text: str
    """The ``heroku logs`` line, without its newline."""
    table: str
    """The table the line must land in (one of ``TABLES``)."""
    app: str
    day: dt.date
    """The partition: the UTC day of the timestamp, or the day generated for lines without one."""
    ts_us: int | None
    """UTC microseconds since the epoch of the timestamp as written (fraction truncated); None for garbage."""
    samples: int
    """runtime_metrics: how many ``sample#`` rows the line yields; 0 otherwise."""
    kind: str
    """What was generated: router, router_error, app, app_chunk, platform, runtime_metrics,
    addon_metrics, garbage_<what> (binary, truncated, empty_source, html, bad_timestamp, text)."""
    event_type: str | None = None
    """platform_events: the intended event_type. State changes, ``Starting process``, ``Process exited``,
    ``Stopping ...``, ``Idling``, ``Error Rxx/Lxx`` (error), releases, deploys, scaling (both API eras)
    and builds have their own types; ``Cycling``, ``Restarting``, ``Process running mem=...`` and
    ``Set X config vars`` are ``other``."""
    code: str | None = None
    """router_events: the error code (H12, ...); platform_events: the R/L code (R14, L10, ...)."""

    @property
    def rows(self) -> int:
        """Rows the line yields in its table: one per sample for metrics, otherwise one."""
        return self.samples if self.table == "runtime_metrics" else 1

    def encode(self) -> bytes:
        return self.text.encode("utf-8")


@dataclass(frozen=True)
class SampleConfig:
    """Shares of lines per kind (normalised to sum to 1) and how often the odd variants appear."""

    router: float = 0.60
    app: float = 0.255
    platform: float = 0.05
    metrics: float = 0.09
    garbage: float = 0.005
    router_error_share: float = 0.03
    """Of router lines, those with at=error/warning and a code."""
    odd_timestamp_share: float = 0.01
    """Of lines, those written with 0-5 fraction digits or a non-UTC offset."""
    long_line_share: float = 0.0005
    """Of app line groups, those that are one message over 10000 bytes, split in 10000-byte chunks.
    (`heroku-assets sample` writes none: a chunk is wider than app_events.message, 4,000 characters, and
    the sample `make run` loads should hold nothing the warehouse cuts.)"""

    def __post_init__(self) -> None:
        shares = (self.router, self.app, self.platform, self.metrics, self.garbage)
        if any(not math.isfinite(s) or s < 0 for s in shares) or sum(shares) <= 0:
            raise ValueError(f"line shares must be non-negative and not all zero: {shares}")
        for name in ("router_error_share", "odd_timestamp_share", "long_line_share"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be within [0, 1], got {value}")

    def cumulative(self) -> tuple[float, float, float, float]:
        shares = (self.router, self.app, self.platform, self.metrics, self.garbage)
        total = sum(shares)
        acc, cuts = 0.0, []
        for s in shares[:4]:
            acc += s / total
            cuts.append(acc)
        return cuts[0], cuts[1], cuts[2], cuts[3]


DEFAULT_CONFIG = SampleConfig()


def default_apps(n: int) -> list[str]:
    """``n`` valid Heroku app names: the usual ones, then numbered copies."""
    if n < 1:
        raise ValueError("at least one app")
    names = list(APP_NAMES[:n])
    i = 2
    while len(names) < n:
        names.extend(f"{a}-{i}" for a in APP_NAMES[: n - len(names)])
        i += 1
    return names


def generate_lines(
    apps: Sequence[str] | int = 3,
    days: int = 2,
    lines_per_day: int = 2000,
    *,
    start: dt.date = DEFAULT_START,
    seed: int = 1,
    config: SampleConfig = DEFAULT_CONFIG,
) -> Iterator[SampleLine]:
    """Lines of every app and day: app by app, each app's days in order, each day's lines in time order.

    ``apps`` is a list of names or a count of default names. Streams: memory does not grow with the
    number of lines."""
    names = default_apps(apps) if isinstance(apps, int) else list(apps)
    if days < 0:
        raise ValueError("days must be >= 0")
    for app in names:
        for d in range(days):
            yield from generate_day(
                app, start + dt.timedelta(days=d), lines_per_day, seed=seed, config=config
            )


def expected_rows(lines: Iterable[SampleLine]) -> Counter[str]:
    """Rows per table a correct parser writes for ``lines`` (metrics lines count their samples)."""
    counts: Counter[str] = Counter({t: 0 for t in TABLES})
    for line in lines:
        counts[line.table] += line.rows
    return counts


def _day_rng(seed: int, app: str, day: dt.date) -> random.Random:
    return random.Random(f"heroku-assets-sample:{seed}:{app}:{day.isoformat()}")


def generate_day(
    app: str,
    day: dt.date,
    lines: int,
    *,
    seed: int = 1,
    config: SampleConfig = DEFAULT_CONFIG,
) -> Iterator[SampleLine]:
    """``lines`` lines of one app on one UTC day, in time order, spanning the day.

    Shares follow ``config``; line groups (a request's log lines, a deploy's platform lines) continue in
    later lines of the same kind, and the chunks of an over-long message follow each other directly."""
    if lines < 0:
        raise ValueError("lines must be >= 0")
    if lines == 0:
        return
    pools = pools_of(validate_app(app), seed, pool_size(lines), config.router_error_share)
    prof = pools.profile
    rng = _day_rng(seed, app, day)
    rnd = rng.random
    bits = rng.getrandbits
    c_router, c_app, c_platform, c_metrics = config.cumulative()
    odd_share = config.odd_timestamp_share
    long_share = config.long_line_share
    router_pool, n_router = pools.router, len(pools.router)
    app_groups, n_groups = pools.app_groups, len(pools.app_groups)
    metrics_pool, n_metrics = pools.metrics, len(pools.metrics)
    service, connect, nbytes = pools.service, pools.connect, pools.nbytes
    starts, slopes = pools.warp
    knots = len(starts) - 1
    day_us = (day - _EPOCH).days * DAY_US
    day_prefix = day.isoformat() + "T"
    # release numbers grow from day to day (50 a day leaves room for a normal day's releases)
    release = prof.base_release + max(0, (day - _RELEASE_EPOCH).days) * 50
    app_pending: deque = deque()
    platform_pending: deque = deque()
    forced: deque = deque()  # chunks of a long line: they take the very next slots
    last_sec = -1
    sec_text = ""
    scale = knots / lines
    make = tuple.__new__
    Line = SampleLine
    ROUTER, APP, PLATFORM, METRICS, REJECTED = TABLES

    for i in range(lines):
        x = (i + rnd()) * scale
        k = int(x)
        us = day_us + int(starts[k] + slopes[k] * (x - k))
        if rnd() < odd_share:
            ts, ts_us = odd_timestamp(rng, us)
        else:
            sec = us // 1_000_000
            if sec != last_sec:
                last_sec = sec
                s = sec % 86400
                sec_text = f"{day_prefix}{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}."
            ts = f"{sec_text}{us % 1_000_000:06d}+00:00"
            ts_us = us

        if forced:
            header, msg, first_ts = forced.popleft()
            yield make(
                Line, (f"{first_ts[0]} {header}{msg}", APP, app, day, first_ts[1], 0, "app_chunk", None, None)
            )
            continue

        r = rnd()
        if r < c_router:
            tmpl, code, kind = router_pool[int(rnd() * n_router)]
            h = f"{bits(128):032x}"
            rid = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
            msg = tmpl % (rid, connect[bits(12)], service[bits(12)], nbytes[bits(12)])
            yield make(Line, (f"{ts} heroku[router]: {msg}", ROUTER, app, day, ts_us, 0, kind, None, code))
        elif r < c_app:
            if not app_pending:
                if rnd() < long_share and lines - i > _MAX_CHUNKS:
                    chunks = _long_message(rng, prof)
                    header = f"app[web.{1 + int(rnd() * prof.web)}]: "
                    for c in chunks[1:]:
                        forced.append((header, c, (ts, ts_us)))
                    yield make(
                        Line, (f"{ts} {header}{chunks[0]}", APP, app, day, ts_us, 0, "app_chunk", None, None)
                    )
                    continue
                header, msgs = app_groups[int(rnd() * n_groups)]
                app_pending.extend((header, m) for m in msgs)
            header, (msg, needs_time, needs_clf) = app_pending.popleft()
            if needs_time:
                msg = msg.replace("{time}", app_time(us))
            if needs_clf:
                msg = msg.replace("{clf}", clf_time(us))
            yield make(Line, (f"{ts} {header}{msg}", APP, app, day, ts_us, 0, "app", None, None))
        elif r < c_platform:
            if not platform_pending:
                release += 1
                platform_pending.extend(platform.platform_episode(rng, prof, release))
            source, dyno, msg, event_type, code = platform_pending.popleft()
            if "{since}" in msg:
                since = us - int(rnd() * 600_000_000)
                msg = msg.replace("{since}", iso(since))
            yield make(
                Line,
                (f"{ts} {source}[{dyno}]: {msg}", PLATFORM, app, day, ts_us, 0, "platform", event_type, code),
            )
        elif r < c_metrics:
            src, msg, samples, kind = metrics_pool[int(rnd() * n_metrics)]
            yield make(Line, (f"{ts} {src}{msg}", METRICS, app, day, ts_us, samples, kind, None, None))
        else:
            text, kind = garbage.garbage_line(rng, ts)
            yield make(Line, (text, REJECTED, app, day, None, 0, kind, None, None))


def _long_message(rng: random.Random, prof: profile.AppProfile) -> list[str]:
    """One message of 10-40 kB (a serialized payload an app logged whole), split as Logplex does: chunks
    of exactly CHUNK_BYTES bytes, the last one shorter. ASCII only, so a chunk never splits a character."""
    size = rng.randrange(CHUNK_BYTES + 1, (_MAX_CHUNKS - 1) * CHUNK_BYTES)
    head = f'{{"event":"cart.snapshot","app":"{prof.name}","items":['
    parts = [head]
    length = len(head)
    while length < size:
        sku, qty, price = rng.getrandbits(32), rng.randrange(1, 9), rng.randrange(99, 99999)
        item = f'{{"sku":"SKU-{sku:08X}","qty":{qty},"price_cents":{price}}},'
        parts.append(item)
        length += len(item)
    text = "".join(parts).rstrip(",") + "]}"
    if len(text) % CHUNK_BYTES == 0:  # keep the last chunk short, so the end of a message shows
        text = text[:-2] + " ]}"
    return [text[i : i + CHUNK_BYTES] for i in range(0, len(text), CHUNK_BYTES)]
