"""The share of Heroku's rate limit this project may spend, as a token bucket of its own.

Heroku gives an account one bucket of 4,500 requests, refilled at 75 a minute, shared by everything that
uses the account's tokens: this project, people at the CLI and dashboard, CI deploys. Pacing only when
that bucket is nearly empty (a floor) lets a sync take the whole refill and leaves the others nothing.
Instead the sync spends from a bucket of its own: ``share`` of Heroku's size and of its refill. It may
burst up to ``share`` x 4,500 after a quiet spell, and over any long period it spends at most ``share`` x
75 a minute, whatever its schedule asks: a schedule that asks for more runs late, it never takes more.

The bucket's level is kept between runs (each asset run is its own process) as a small JSON state object;
runs that overlap each read the level at their start, so two at once can overspend by what they share.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable

from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore

HEROKU_BUCKET = 4500  # requests an account may make at once
HEROKU_REFILL_PER_SECOND = 75 / 60  # and the rate it refills at


def _state_key() -> str:
    return layout.state_object("platform_api", variant="rate_budget")


@dataclasses.dataclass
class RateBudget:
    """``take()`` before each request: returns at once while the bucket holds a token, else sleeps until
    one has refilled. ``clock`` is wall time in seconds (the level is kept across processes), ``sleep``
    waits; both are injectable so a simulated day runs in seconds."""

    share: float
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    tokens: float | None = None  # None: a full bucket
    at: float | None = None
    waited: float = 0.0
    taken: int = 0

    def __post_init__(self) -> None:
        if not 0 < self.share <= 1:
            raise ValueError("the rate share must be above 0 and at most 1")
        if self.tokens is None:
            self.tokens = self.capacity

    @property
    def capacity(self) -> float:
        return self.share * HEROKU_BUCKET

    @property
    def per_second(self) -> float:
        return self.share * HEROKU_REFILL_PER_SECOND

    @property
    def per_hour(self) -> float:
        return self.per_second * 3600

    def _refill(self) -> float:
        now = self.clock()
        if self.at is not None:
            self.tokens = min(
                self.capacity, float(self.tokens or 0) + max(0.0, now - self.at) * self.per_second
            )
        self.at = now
        return float(self.tokens or 0)

    def take(self) -> None:
        tokens = self._refill()
        if tokens < 1:
            pause = (1 - tokens) / self.per_second
            self.sleep(pause)
            self.waited += pause
            self._refill()
        self.tokens = float(self.tokens or 0) - 1
        self.taken += 1

    def level(self) -> float:
        return self._refill()

    # -- kept between runs ----------------------------------------------------------------------------

    def load(self, store: ObjectStore) -> RateBudget:
        """The level the last run left, refilled since; a full bucket the first time."""
        if store.head(_state_key()) is None:
            return self
        try:
            state = json.loads(store.get(_state_key()))
            tokens, at = float(state["tokens"]), float(state["at"])
        except (ValueError, KeyError, TypeError):
            return self  # unreadable: start full rather than fail the sync
        self.tokens, self.at = min(tokens, self.capacity), at
        self._refill()
        return self

    def save(self, store: ObjectStore) -> None:
        tokens = self._refill()
        store.put(
            _state_key(),
            json.dumps({"tokens": round(tokens, 3), "at": self.at, "share": self.share}).encode(),
        )
