"""Pull mode: capture an app's logs through log sessions when it has no drain.

A log session serves at most the last 1500 lines, so a pull runs every few minutes and keeps only the
lines after the previous pull's tail. The tail (the last lines taken) is found again in the new batch,
which proves continuity; when it is absent from a full batch, more lines arrived between two pulls than
Heroku keeps, and a gap marker records which app and which time window may be incomplete. Pulled lines
are stored verbatim (`heroku logs` text) through ``store_received`` so partitions pick them up like drain
bodies.

Matching lines is hand-written: it is specific to Heroku's log buffer (one ordered buffer, trimmed from the
front) and small.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable, Sequence

from heroku_assets.capture.received import store_received
from heroku_assets.platform_api.client import MAX_LOG_LINES, HerokuClient
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore

log = logging.getLogger(__name__)

DEFAULT_TAIL_LINES = 100
_FILTER_VALUE = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


@dataclasses.dataclass(frozen=True)
class PullFilter:
    """The `heroku logs` filters of a pull: ``--source`` and ``--ps`` (a dyno or a process type)."""

    source: str | None = None
    dyno_name: str | None = None

    def __post_init__(self) -> None:
        for name, value in (("source", self.source), ("dyno_name", self.dyno_name)):
            if value is not None and not _FILTER_VALUE.match(value):
                raise ValueError(f"invalid {name} filter: {value!r}")

    @property
    def variant(self) -> str:
        """A name for the filter, used to keep one pull state per app and filter."""
        parts = [f"source={self.source}"] if self.source else []
        parts += [f"ps={self.dyno_name}"] if self.dyno_name else []
        return "+".join(parts) or "all"


@dataclasses.dataclass(frozen=True)
class PullState:
    """What the next pull needs from the previous one: its last lines and when it ran."""

    tail: tuple[bytes, ...] = ()
    pulled_at: str | None = None

    def to_json(self, app: str, pull_filter: PullFilter) -> bytes:
        return json.dumps(
            {
                "app": app,
                "filter": pull_filter.variant,
                "pulled_at": self.pulled_at,
                # Lines are bytes as Heroku sent them; surrogateescape keeps any invalid UTF-8 intact.
                "tail": [line.decode("utf-8", "surrogateescape") for line in self.tail],
            }
        ).encode()

    @classmethod
    def from_json(cls, data: bytes) -> PullState:
        raw = json.loads(data)
        return cls(
            tail=tuple(line.encode("utf-8", "surrogateescape") for line in raw.get("tail", [])),
            pulled_at=raw.get("pulled_at"),
        )


@dataclasses.dataclass(frozen=True)
class PullResult:
    """One pull: how many lines came, how many were new, and where they and any gap marker went."""

    app: str
    fetched: int
    new_lines: int
    key: str | None
    gap_key: str | None
    state: PullState


def state_key(app: str, pull_filter: PullFilter) -> str:
    return layout.state_object("pull", app, pull_filter.variant)


def load_state(store: ObjectStore, app: str, pull_filter: PullFilter) -> PullState:
    key = state_key(app, pull_filter)
    if store.head(key) is None:
        return PullState()
    return PullState.from_json(store.get(key))


def find_new_lines(tail: Sequence[bytes], batch: Sequence[bytes]) -> int | None:
    """Where the lines not seen before start in ``batch``, or None when nothing proves continuity.

    ``tail`` holds the last lines of the previous pull. Heroku's buffer only grows at the end and is trimmed
    at the front, so the previous tail appears whole in the batch (new lines follow it), or the batch starts
    inside it (the buffer was trimmed past its start, new lines still follow), or not at all (more lines
    arrived than the buffer holds: a possible gap). A whole match wins, the earliest one (if a tail repeats,
    taking a line twice is better than losing lines); else the longest prefix of the batch that ends the tail.
    """
    if not tail:
        return 0
    n = len(tail)
    last = tail[-1]
    for end in range(n, len(batch) + 1):
        if batch[end - 1] == last and list(batch[end - n : end]) == list(tail):
            return end
    for m in range(min(n - 1, len(batch)), 0, -1):
        if list(batch[:m]) == list(tail[n - m :]):
            return m
    return None


def _line_time(line: bytes) -> dt.datetime | None:
    """The timestamp a `heroku logs` line starts with, when it has a readable one."""
    token = line.split(b" ", 1)[0].decode("ascii", "replace")
    try:
        ts = dt.datetime.fromisoformat(token)
    except ValueError:
        return None
    return ts.astimezone(dt.UTC) if ts.tzinfo else None


def pull_once(
    client: HerokuClient,
    store: ObjectStore,
    app: str,
    *,
    pull_filter: PullFilter | None = None,
    lines: int = MAX_LOG_LINES,
    tail_lines: int = DEFAULT_TAIL_LINES,
    now: Callable[[], dt.datetime] | None = None,
) -> PullResult:
    """Pull the last ``lines`` lines of ``app`` and store those not taken before.

    The previous tail is read from (and the new one written to) the raw store at ``state_key``; the state
    is written last, so an interrupted pull takes its lines again next time rather than losing them
    (partitions dedupe). Raises the client's ``HerokuError`` (nothing stored) or ``StoreError``.
    """
    layout.validate_app(app)
    pull_filter = pull_filter or PullFilter()
    state = load_state(store, app, pull_filter)
    batch = client.log_lines(app, lines=lines, source=pull_filter.source, dyno_name=pull_filter.dyno_name)
    received_at = (now or (lambda: dt.datetime.now(dt.UTC)))().astimezone(dt.UTC)
    start = find_new_lines(state.tail, batch)
    gap = start is None and len(batch) >= lines
    new = batch if start is None else batch[start:]

    key = None
    if new:
        data = b"\n".join(new) + b"\n"
        key = layout.pull_object(app, received_at, hashlib.sha256(data).hexdigest())
        metadata = {
            "app": app,
            "filter": pull_filter.variant,
            "fetched": str(len(batch)),
            "lines": str(len(new)),
            "gap": "true" if gap else "false",
        }
        store_received(store, key, data, "text", received_at.date(), metadata)

    gap_key = None
    if gap:
        gap_key = _record_gap(store, app, pull_filter, state, batch, received_at, lines, key)
    elif start is None and state.tail:
        log.info("%s: previous tail not in a short batch (%d lines): the buffer was trimmed", app, len(batch))

    new_state = PullState(
        tail=tuple(batch[-tail_lines:]) if batch else state.tail,
        pulled_at=received_at.isoformat(),
    )
    store.put(state_key(app, pull_filter), new_state.to_json(app, pull_filter), {"app": app})
    log.info("%s: pulled %d lines, %d new%s", app, len(batch), len(new), " (gap recorded)" if gap else "")
    return PullResult(
        app=app, fetched=len(batch), new_lines=len(new), key=key, gap_key=gap_key, state=new_state
    )


def _record_gap(
    store: ObjectStore,
    app: str,
    pull_filter: PullFilter,
    state: PullState,
    batch: Sequence[bytes],
    received_at: dt.datetime,
    requested: int,
    pull_key: str | None,
) -> str:
    """A marker saying lines may be missing between the previous tail and the first line now available."""
    after = _line_time(state.tail[-1]) if state.tail else None
    before = _line_time(batch[0]) if batch else None
    start_day = (after or before or received_at).date()
    end_day = (before or received_at).date()
    days = [start_day + dt.timedelta(days=i) for i in range(max(0, (end_day - start_day).days) + 1)]
    marker = {
        "app": app,
        "filter": pull_filter.variant,
        "detected_at": received_at.isoformat(),
        "previous_pull_at": state.pulled_at,
        "missing_after": after.isoformat() if after else None,
        "missing_before": before.isoformat() if before else None,
        "days": [d.isoformat() for d in days],
        "fetched": len(batch),
        "requested": requested,
        "tail_lines": len(state.tail),
        "pull_key": pull_key,
        "reason": "the previous pull's last lines are not in a full batch: lines may have been missed",
    }
    key = layout.gap_object(app, received_at)
    store.put(key, json.dumps(marker, indent=1).encode(), {"app": app, "days": layout.format_days(days)})
    log.warning("%s: possible gap in pulled logs after %s (marker %s)", app, marker["missing_after"], key)
    return key


def run_pulls(
    client: HerokuClient,
    store: ObjectStore,
    apps: Sequence[str],
    *,
    interval: float,
    pull_filter: PullFilter | None = None,
    lines: int = MAX_LOG_LINES,
    stop: threading.Event | None = None,
    on_error: Callable[[str, Exception], bool] | None = None,
) -> None:
    """Pull every app, then wait ``interval`` seconds, until ``stop`` is set. ``on_error(app, exc)``
    decides whether a failed pull stops the loop (return False) or is retried next round (True)."""
    stop = stop or threading.Event()
    while not stop.is_set():
        for app in apps:
            try:
                pull_once(client, store, app, pull_filter=pull_filter, lines=lines)
            except Exception as exc:  # noqa: BLE001 - decided by on_error
                if on_error is None or not on_error(app, exc):
                    raise
        stop.wait(interval)
