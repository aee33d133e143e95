"""Where every object lives: the one place that names objects in the raw and staging stores (Dagster
asset and partition keys are named in defs/).

Raw store (objects exactly as received, never rewritten):
    segment/<received day>/<receiver>/<seq>.seg     a drain receiver's spool segment: many POSTs of many
                                                    apps (``received.records``), metadata ``apps``, ``days``
    drain/<received day>/<app>/<frame id>.logplex   a drain POST body stored on its own (receivers without
                                                    a spool, and stores written before segments)
    pull/<received day>/<app>/<time>-<hash>.log     a log-session pull (`heroku logs` text)
    import/<app>/<content hash>.log                 an imported dump or drain body
    otlp/<received day>/<app>/<hash>.<signal>.<pb|json>  an OTLP/HTTP request of a Fir telemetry drain,
                                                    body as received (maybe gzip); a retry overwrites it
                                                    (receivers without a spool: a spooled request is a
                                                    record of kind ``otlp`` in a segment)
    gaps/<received day>/<app>/<time>.json           a pull that could not prove it missed nothing
    webhooks/<received day>/<delivery id>.json      a signed app webhook delivery, as received
    partitions/app=<app>/date=<day>/lines.log.gz    raw/heroku_logs: one day of one app, deduped, ordered
    partitions/app=<app>/date=<day>/lines.parquet   the same lines as read (LINE_SCHEMA), for staging
    partitions/app=<app>/date=<day>/otlp.json       the OTLP requests holding records of that day

The received day comes first so that a sensor lists only the last few days, whatever the history.
Every received object carries the metadata ``days``: the UTC days its lines belong to, space separated,
so the sensor and the partition builder know which partitions it touches without reading it.

Staging store (what the warehouse loads, and what COPY INTO points at):
    <table>/app=<app>/date=<day>/part-00000.parquet   parsed events, one folder per table/app/day
    <table>/snapshot=<time>/part-00000.parquet          API entities, one folder per fetch
    ticks/<tick id>/<table>/part-00000.parquet          a tick's rows of every app and day (gone once loaded)
    state/<name>[/<app>][/<variant>].json               bookmarks kept between runs
    state/<table>/live.parquet                          API rows listed last (to notice deletions)

The raw store keeps the log-session pull state (the tail of each app's last pull) under the same
``state/`` prefix, outside the received prefixes, so sensors never take it for received data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from heroku_assets.storage.base import validate_key

RECEIVED_PREFIXES = ("segment/", "drain/", "pull/", "import/", "otlp/")
OTLP_KIND = "otlp"
UNMAPPED_APP = "_unmapped"
_APP_NAME = re.compile(r"^[a-z][a-z0-9-]{0,99}$")
_RECEIVER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
_FRAME_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def validate_app(app: str) -> str:
    """Heroku app names are lowercase letters, digits and dashes; anything else is refused early."""
    if app != UNMAPPED_APP and not _APP_NAME.match(app):
        raise ValueError(f"invalid Heroku app name: {app!r}")
    return app


def frame_name(frame_id: str | None, body: bytes) -> str:
    """The name of a drain body: its frame id, a hash of an unusable frame id (still stable across
    retries), or a hash of the content when Logplex sent no frame id."""
    if frame_id and _FRAME_ID.match(frame_id):
        return frame_id
    if frame_id:
        return "f-" + hashlib.sha256(frame_id.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return "sha256-" + hashlib.sha256(body).hexdigest()[:32]


def drain_object(app: str, received: dt.date, frame_id: str) -> str:
    return validate_key(f"drain/{received.isoformat()}/{validate_app(app)}/{frame_id}.logplex")


def validate_receiver_id(receiver_id: str) -> str:
    if not _RECEIVER_ID.match(receiver_id):
        raise ValueError(f"invalid receiver id {receiver_id!r}: letters, digits, '.', '_' and '-' only")
    return receiver_id


def segment_object(received: dt.date, receiver_id: str, seq: int) -> str:
    return validate_key(f"segment/{received.isoformat()}/{validate_receiver_id(receiver_id)}/{seq:012d}.seg")


def is_segment(key: str) -> bool:
    return key.startswith("segment/")


def otlp_object(app: str, received: dt.date, content_hash: str, signal: str, encoding: str) -> str:
    if signal not in ("logs", "metrics", "traces") or encoding not in ("pb", "json"):
        raise ValueError(f"not an OTLP signal and encoding: {signal!r} {encoding!r}")
    name = f"{content_hash[:32]}.{signal}.{encoding}"
    return validate_key(f"{OTLP_KIND}/{received.isoformat()}/{validate_app(app)}/{name}")


def otlp_prefixes(app: str, day: dt.date, late_days: int) -> list[str]:
    """The OTLP prefixes that can hold records of ``day``: what arrived that day and up to ``late_days``
    later (telemetry of late evening exported after midnight)."""
    validate_app(app)
    return [f"{OTLP_KIND}/{(day + dt.timedelta(days=i)).isoformat()}/{app}/" for i in range(late_days + 1)]


def pull_object(app: str, received_at: dt.datetime, content_hash: str) -> str:
    stamp = received_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    day = received_at.astimezone(dt.UTC).date().isoformat()
    return validate_key(f"pull/{day}/{validate_app(app)}/{stamp}-{content_hash[:16]}.log")


def import_object(app: str, content_hash: str) -> str:
    return validate_key(f"import/{validate_app(app)}/{content_hash[:32]}.log")


def gap_prefix(app: str, received: dt.date) -> str:
    """The gap markers of pulls of ``app`` made on ``received``."""
    return f"gaps/{received.isoformat()}/{validate_app(app)}/"


def gap_object(app: str, received_at: dt.datetime) -> str:
    stamp = received_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return validate_key(f"{gap_prefix(app, received_at.astimezone(dt.UTC).date())}{stamp}.json")


def received_prefixes(app: str, day: dt.date, late_days: int) -> list[str]:
    """The raw prefixes that can hold lines of ``day``: what arrived that day, the day before (a line
    stamped just after midnight by a clock a little ahead of the receiver's) and up to ``late_days``
    later, at least one (lines received after midnight, and the receiver files the first minutes of a
    day's undated lines under the day before), plus every import (dumps span any days)."""
    validate_app(app)
    received = [day + dt.timedelta(days=i) for i in range(-1, max(late_days, 1) + 1)]
    prefixes = [f"{kind}/{d.isoformat()}/{app}/" for kind in ("drain", "pull") for d in received]
    # segments hold many apps: their ``apps`` metadata says which
    segments = [f"segment/{d.isoformat()}/" for d in received]
    return [*segments, *prefixes, f"import/{app}/"]


def received_day_prefixes(day: dt.date) -> list[str]:
    """What arrived on ``day`` for every app (the sensor's unit of listing)."""
    text = day.isoformat()
    return [f"segment/{text}/", f"drain/{text}/", f"pull/{text}/", f"{OTLP_KIND}/{text}/"]


def app_of_received_key(key: str) -> str | None:
    """The app a received object belongs to, read from its key (None for a segment: many apps)."""
    parts = key.split("/")
    if parts[0] in ("drain", "pull", "gaps", OTLP_KIND) and len(parts) >= 4:
        return parts[2]
    if parts[0] == "import" and len(parts) >= 3:
        return parts[1]
    return None


def received_day_of_key(key: str) -> dt.date | None:
    """The received day a received object is filed under, from its key (None for an import: no day)."""
    parts = key.split("/")
    if parts[0] in ("segment", "drain", "pull", OTLP_KIND) and len(parts) >= 4:
        try:
            return dt.date.fromisoformat(parts[1])
        except ValueError:
            return None
    return None


def raw_partition_object(app: str, day: dt.date) -> str:
    return validate_key(f"partitions/app={validate_app(app)}/date={day.isoformat()}/lines.log.gz")


def raw_lines_object(app: str, day: dt.date) -> str:
    return validate_key(f"partitions/app={validate_app(app)}/date={day.isoformat()}/lines.parquet")


def otlp_manifest_object(app: str, day: dt.date) -> str:
    return validate_key(f"partitions/app={validate_app(app)}/date={day.isoformat()}/otlp.json")


def staged_prefix(table: str, app: str, day: dt.date) -> str:
    return f"{table}/app={validate_app(app)}/date={day.isoformat()}/"


def staged_object(table: str, app: str, day: dt.date, part: int = 0) -> str:
    return validate_key(f"{staged_prefix(table, app, day)}part-{part:05d}.parquet")


def tick_object(tick_id: str, table: str) -> str:
    """A tick's staged rows of one table: every app and day it holds, in one file (one COPY)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", tick_id):
        raise ValueError(f"invalid tick id {tick_id!r}")
    return validate_key(f"ticks/{tick_id}/{table}/part-00000.parquet")


def snapshot_prefix(table: str, taken_at: dt.datetime) -> str:
    return f"{table}/snapshot={taken_at.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}/"


def state_object(name: str, app: str | None = None, variant: str | None = None) -> str:
    """A small JSON state object: an API bookmark (``state/heroku_releases/my-app.json``) or the pull
    state of an app and filter (``state/pull/my-app/all.json``)."""
    parts = [name, *([validate_app(app)] if app is not None else []), *([variant] if variant else [])]
    return validate_key("state/" + "/".join(parts) + ".json")


def api_live_object(table: str) -> str:
    """The rows of an API table that its last listing returned (and webhooks added since)."""
    return validate_key(f"state/{table}/live.parquet")


def webhook_object(received: dt.date, delivery_id: str) -> str:
    if not re.match(r"^[A-Za-z0-9-]{1,64}$", delivery_id):
        raise ValueError(f"invalid webhook delivery id: {delivery_id!r}")
    return validate_key(f"webhooks/{received.isoformat()}/{delivery_id}.json")


WEBHOOKS_PREFIX = "webhooks/"


def format_days(days: set[dt.date] | list[dt.date]) -> str:
    return " ".join(sorted(d.isoformat() for d in days))


def parse_days(value: str | None) -> set[dt.date]:
    return {dt.date.fromisoformat(v) for v in (value or "").split()}
