"""How OTLP records from Fir telemetry drains map to the event tables: every name the mapping relies on,
in one place.

Heroku's attribute reference for Fir could not be read in a usable form, so each attribute name here is
a candidate taken from the OpenTelemetry semantic conventions and from what third parties document
(docs/capture.md lists the sources). Whatever is not mapped to a column is kept in ``extra``, and the
stored request keeps everything: when a name proves wrong, fix it here and re-run the affected days.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from heroku_assets.storage import layout

SERVICE_NAME = "service.name"
# Heroku's own telemetry is named with a heroku- prefix (Dev Center "Logging").
ROUTER_SERVICES = frozenset({"heroku-router"})
PLATFORM_SERVICES = frozenset({"heroku-runtime", "heroku-api"})
API_SERVICES = frozenset({"heroku-api"})
HEROKU_SERVICE_PREFIX = "heroku-"

# The app of a request: a header set with `heroku telemetry:add --headers`, then ``?app=`` on the drain
# URL; service.name only when the drain names none (a space drain).
APP_HEADER = "heroku-assets-app"
APP_QUERY = "app"

# The dyno a record is about, first present wins. service.instance.id only counts when it looks like a dyno
# name (Fir: web-848cd4f64d-pvpr2; Cedar: web.1): the semantic conventions put the dyno id there.
DYNO_ATTRIBUTES = ("heroku.dyno.name", "heroku.dyno", "dyno")
DYNO_IF_NAME_ATTRIBUTES = ("service.instance.id",)
# runtime_metrics.dyno_id: the dyno's id (the semantic conventions put HEROKU_DYNO_ID in service.instance.id).
DYNO_ID_ATTRIBUTES = ("heroku.dyno.id", "service.instance.id")
ADDON_ATTRIBUTES = ("heroku.addon.name", "addon")

# Fir dynos are Kubernetes pods: <process type>-<pod template hash>-<5 character suffix>. Process types
# may hold dashes, so the match anchors on the two trailing segments.
FIR_DYNO = re.compile(r"(?P<type>[A-Za-z0-9_-]+?)-[0-9a-z]{5,10}-[0-9a-z]{5}")
_CEDAR_DYNO = re.compile(r"[A-Za-z0-9_-]+\.\d+")

# Router records with structured attributes (semantic conventions for HTTP): attribute -> router column.
# A logfmt body is read by the Cedar router parser first; these fill or override its columns.
ROUTER_ATTRIBUTES: dict[str, str] = {
    "http.request.method": "method",
    "http.method": "method",
    "url.path": "path",
    "http.target": "path",
    "server.address": "host",
    "http.request.header.host": "host",
    "http.host": "host",
    "http.request.header.x-request-id": "request_id",
    "heroku.request_id": "request_id",
    "request_id": "request_id",
    "client.address": "fwd",
    "http.request.header.x-forwarded-for": "fwd",
    "http.response.status_code": "status",
    "http.status_code": "status",
    "http.response.body.size": "bytes",
    "network.protocol.version": "protocol",
    "tls.protocol.version": "tls_version",
    "heroku.router.connect_ms": "connect_ms",
    "heroku.router.service_ms": "service_ms",
    "heroku.router.code": "code",
    "heroku.dyno.name": "dyno",
}
URL_QUERY = "url.query"

# Span kinds and status codes by their OTLP enum numbers, as lowercase words.
SPAN_KINDS = {0: "unspecified", 1: "internal", 2: "server", 3: "client", 4: "producer", 5: "consumer"}
STATUS_CODES = {0: "unset", 1: "ok", 2: "error"}
TEMPORALITIES = {0: "unspecified", 1: "delta", 2: "cumulative"}


def request_app(
    service_names: Iterable[str], header_app: str | None, query_app: str | None
) -> tuple[str, str]:
    """The app a stored request belongs to, and how it was known.

    The drain's own naming wins: the configured header, else ``?app=``. The drain is set up per app and
    the app cannot change it, while an app's SDK often sets ``service.name`` to a service of its own
    (``OTEL_SERVICE_NAME=checkout``); were that to win, one app's records would be split between its
    name and the service's. Only when the drain names no app (a space drain) is the request filed under
    the ``service.name`` of its resources, when those that are not Heroku's own services name exactly one
    valid app; else under ``_unmapped`` (kept for an operator to map, never dropped).
    """
    for value, source in ((header_app, "header"), (query_app, "query")):
        if value and _valid_app(value.strip()):
            return value.strip(), source
    named = {n for n in service_names if n and not n.startswith(HEROKU_SERVICE_PREFIX)}
    if len(named) == 1:
        (name,) = named
        if _valid_app(name):
            return name, "service_name"
    return layout.UNMAPPED_APP, "unmapped"


def _valid_app(name: str) -> bool:
    try:
        layout.validate_app(name)
    except ValueError:
        return False
    return name != layout.UNMAPPED_APP


def table_of_log(service: str | None, has_samples: bool) -> str:
    """Which table a log record goes to, by its service (then by a body holding ``sample#`` metrics)."""
    if service in ROUTER_SERVICES:
        return "router_events"
    if has_samples:
        return "runtime_metrics"
    if service in PLATFORM_SERVICES:
        return "platform_events"
    return "app_events"


def source_of(service: str | None) -> str:
    """The ``source`` column: heroku for Heroku's own services, app for everything the app sent."""
    return "heroku" if service and service.startswith(HEROKU_SERVICE_PREFIX) else "app"


def is_dyno_name(value: str) -> bool:
    return bool(FIR_DYNO.fullmatch(value) or _CEDAR_DYNO.fullmatch(value))


def process_type(dyno: str | None) -> str | None:
    """web-848cd4f64d-pvpr2 -> web (Fir), web.1 -> web (Cedar); any other name is its own type."""
    if dyno is None:
        return None
    fir = FIR_DYNO.fullmatch(dyno)
    return fir.group("type") if fir else dyno.split(".", 1)[0]
