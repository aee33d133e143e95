"""The one declaration of every table the project writes.

Arrow schemas (here), DuckDB DDL and Synapse DDL (in ``heroku_assets.warehouse``) are all derived from
these declarations, so a column is added or retyped in exactly one place. The Platform API tables are
declared by ``api_table`` from Heroku's own schema and the endpoint list in
``heroku_assets.platform_api.endpoints``; they are derived on first use, not at import.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import pyarrow as pa

from heroku_assets.platform_api.endpoints import Endpoint
from heroku_assets.platform_api.secret_names import is_secret_name

if TYPE_CHECKING:
    from heroku_assets.platform_api.schema import Leaf

LogicalType = Literal["string", "json", "int32", "int64", "float64", "bool", "timestamp", "date"]
TableKind = Literal["event", "entity", "snapshot", "ledger"]
Masking = Literal["ip", "email"]

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "json": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "date": pa.date32(),
}


# The widest bounded string a warehouse column holds, in characters: 4000 UTF-16 code units is the widest
# nvarchar a columnstore table takes. A string column without a declared width gets this one.
MAX_STRING_WIDTH = 4000


@dataclass(frozen=True)
class Column:
    """One column: its logical type, nullability, a width for bounded warehouse strings, and whether
    it holds personal data that the warehouse may mask."""

    name: str
    type: LogicalType
    nullable: bool = True
    width: int | None = None
    masking: Masking | None = None
    doc: str = ""

    @property
    def arrow_type(self) -> pa.DataType:
        return _ARROW_TYPES[self.type]

    @property
    def string_width(self) -> int | None:
        """The width a string column is held at in the warehouse: its declared width, at most
        MAX_STRING_WIDTH (json: MAX_STRING_WIDTH when undeclared); None for other types."""
        if self.type not in ("string", "json"):
            return None
        return min(self.width or MAX_STRING_WIDTH, MAX_STRING_WIDTH)


@dataclass(frozen=True)
class Table:
    """A table: columns in order, what kind of table it is and how its rows are keyed.

    ``partition_by`` names the columns a partition load replaces (event tables: app and event_date);
    ``primary_key`` names the columns an entity upsert matches on; ``distribution`` is the column a
    distributed warehouse hashes rows on.
    """

    name: str
    columns: tuple[Column, ...]
    kind: TableKind
    doc: str = ""
    partition_by: tuple[str, ...] = ()
    primary_key: tuple[str, ...] = ()
    distribution: str | None = None
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))
        names = set(self.column_names)
        assert len(names) == len(self.columns), f"duplicate column in {self.name}"
        for key in (*self.partition_by, *self.primary_key, *(filter(None, [self.distribution]))):
            assert key in names, f"{self.name}: key column {key} is not declared"

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns])


def _event_table(name: str, doc: str, columns: list[Column]) -> Table:
    """Event tables share their leading columns and are replaced per (app, event_date) partition."""
    common = [
        Column("app", "string", nullable=False, width=100, doc="Heroku app name"),
        Column("event_date", "date", nullable=False, doc="UTC day of the line: the partition"),
        Column(
            "line_number",
            "int64",
            nullable=False,
            doc="1-based number of the line in its (app, event_date): in order of arrival as ticks append, "
            "in time order after a rebuild",
        ),
        Column("event_ts", "timestamp", doc="UTC, microseconds"),
    ]
    return Table(
        name=name,
        columns=tuple(common + columns),
        kind="event",
        doc=doc,
        partition_by=("app", "event_date"),
        # line_number is NOT NULL and spreads evenly; request_id can be null.
        distribution="line_number",
    )


ROUTER_EVENTS = _event_table(
    "router_events",
    "One row per heroku[router] line: an HTTP request or a router error.",
    [
        Column("at", "string", width=16, doc="info, warning or error"),
        Column("code", "string", width=8, doc="H10, H12, ... on errors"),
        Column("desc", "string", width=400, doc="the error's description, on errors"),
        Column("sock", "string", width=16, doc="client or backend: which side closed the connection"),
        Column("cause", "string", width=400, doc="why the router failed the request, when it says"),
        Column("method", "string", width=16, doc="HTTP method"),
        Column("path", "string", width=4000, doc="request path with its query string"),
        Column("host", "string", width=400, doc="the Host header"),
        Column("request_id", "string", width=100, doc="the X-Request-ID the router set or passed on"),
        Column("fwd", "string", width=400, masking="ip", doc="X-Forwarded-For"),
        Column("dyno", "string", width=100, doc="the serving dyno"),
        Column("connect_ms", "int64", doc="milliseconds to connect to the dyno"),
        Column("service_ms", "int64", doc="milliseconds the dyno took to answer"),
        Column("status", "int32", doc="HTTP status sent to the client"),
        Column("bytes", "int64", doc="bytes of the response"),
        Column("protocol", "string", width=16, doc="http, https, or on Router 2.0 http1.1 / http2.0"),
        Column("tls", "bool", doc="whether the client connection used TLS (Router 2.0)"),
        Column("tls_version", "string", width=16, doc="tls1.2, tls1.3 or unknown (Router 2.0)"),
        Column("extra", "json", width=4000, doc="JSON object of any other keys"),
    ],
)

APP_EVENTS = _event_table(
    "app_events",
    "One row per line an app's processes wrote (app[web.1], app[worker.2], ...).",
    [
        Column("source", "string", width=16, doc="app, or another source name of the line"),
        Column(
            "dyno", "string", width=100, doc="the process that wrote the line (web.1, worker.2, run.2660)"
        ),
        Column("process_type", "string", width=100, doc="the dyno's process type (web, worker, run)"),
        Column("message", "string", width=4000, doc="the line's text after SOURCE[DYNO]:"),
        Column("extra", "json", width=4000, doc="JSON object: OTLP severity, trace and span ids, attributes"),
    ],
)

PLATFORM_EVENTS = _event_table(
    "platform_events",
    "Dyno manager, API, Logplex and log-shuttle lines, classified by event type.",
    [
        Column("source", "string", width=16, doc="heroku, or app for api and log-shuttle lines"),
        Column("dyno", "string", width=100, doc="the dyno the event is about, or api, logplex, log-shuttle"),
        Column("process_type", "string", width=100, doc="the dyno's process type (web, worker, run)"),
        Column(
            "event_type",
            "string",
            width=32,
            doc="state_change, process_start, process_exit, stopping, idling, error, release, deploy, "
            "scale, build or other",
        ),
        Column("code", "string", width=8, doc="R14, L10, ..."),
        Column(
            "from_state",
            "string",
            width=32,
            doc="state before a state change (starting, up, crashed, down, ...)",
        ),
        Column("to_state", "string", width=32, doc="state after a state change"),
        Column("exit_status", "int32", doc="a process's exit status"),
        Column("release_version", "int32", doc="N of a release vN"),
        Column("actor", "string", width=320, masking="email", doc="who released, deployed or scaled"),
        Column("message", "string", width=4000, doc="the line's text"),
        Column("extra", "json", width=4000, doc="JSON object: OTLP attributes not mapped to a column"),
    ],
)

RUNTIME_METRICS = _event_table(
    "runtime_metrics",
    "One row per sample#name=value of log-runtime-metrics and add-on metrics lines.",
    [
        Column("dyno", "string", width=100, doc="the process (web.1), as in every other table"),
        Column("dyno_id", "string", width=200, doc="the dyno= value: heroku.<app id>.<dyno uuid>"),
        Column("source_name", "string", width=100, doc="the source= value"),
        Column(
            "addon", "string", width=200, doc="the addon= value of add-on metrics (postgresql-..., redis-...)"
        ),
        Column("metric", "string", width=100, doc="the sample's name without sample#"),
        Column("value", "float64", doc="the sample's number, without its unit; null when unreadable"),
        Column("unit", "string", width=16, doc="MB, kB, bytes, pages or null"),
        Column("extra", "json", width=4000, doc="JSON object of the line's other keys and unreadable values"),
    ],
)

SPANS = _event_table(
    "spans",
    "One row per span of a Fir telemetry drain's traces (event_ts is the span's start).",
    [
        Column("trace_id", "string", width=32, doc="the trace's id, hex"),
        Column("span_id", "string", width=16, doc="the span's id, hex"),
        Column("parent_span_id", "string", width=16, doc="the parent span's id, hex; null for a root span"),
        Column("name", "string", width=400, doc="the span's name (GET /cart, db.query, ...)"),
        Column("kind", "string", width=16, doc="server, client, internal, producer, consumer or unspecified"),
        Column("start_ts", "timestamp", doc="when the span started, UTC"),
        Column("end_ts", "timestamp", doc="when the span ended, UTC"),
        Column("duration_ms", "float64", doc="end minus start, milliseconds"),
        Column("status", "string", width=16, doc="unset, ok or error"),
        Column("service_name", "string", width=100, doc="the service.name attribute"),
        Column("dyno", "string", width=100, doc="the dyno that recorded the span"),
        Column("attributes", "json", width=4000, doc="JSON: span and resource attributes, events, links"),
    ],
)

REJECTED_LINES = _event_table(
    "rejected_lines",
    "Every line that could not be read as a log line, with the reason: nothing is dropped silently.",
    [
        Column("reason", "string", nullable=False, width=200, doc="why the line could not be read"),
        Column(
            "raw_line",
            "string",
            width=4000,
            doc="the line as received (bytes that are not UTF-8 written as \\xNN)",
        ),
    ],
)

EVENT_TABLES: tuple[Table, ...] = (
    ROUTER_EVENTS,
    APP_EVENTS,
    PLATFORM_EVENTS,
    RUNTIME_METRICS,
    SPANS,
    REJECTED_LINES,
)


# -- the log ledger: what the ticks and rebuilds loaded, written in the same transaction as the rows ------

LOG_LEDGER = Table(
    name="log_ledger",
    columns=(
        Column(
            "tick_id", "string", nullable=False, width=64, doc="the tick or rebuild that loaded the lines"
        ),
        Column(
            "object_key",
            "string",
            nullable=False,
            width=400,
            doc="the received object the lines came from (a rebuild: rebuild:<its id>)",
        ),
        Column(
            "app", "string", nullable=False, width=100, doc="Heroku app name ('' for an object with no lines)"
        ),
        Column("event_date", "date", nullable=False, doc="UTC day of the lines"),
        Column("lines", "int64", nullable=False, doc="lines appended, each in exactly one event table"),
        Column(
            "duplicate_lines",
            "int64",
            nullable=False,
            doc="lines of frames or requests already loaded from another copy, so not appended",
        ),
        Column(
            "kind", "string", nullable=False, width=16, doc="tick (appended) or rebuild (the day replaced)"
        ),
        Column("loaded_at", "timestamp", nullable=False, doc="when the tick or rebuild ran"),
    ),
    kind="ledger",
    doc="One row per received object, app and day that a tick appended (and one per rebuilt day): an "
    "object in here is never read by a tick again, and the lines since a day's last rebuild number it.",
    primary_key=("object_key", "app", "event_date"),
    distribution="object_key",
)

LOADED_COPIES = Table(
    name="loaded_copies",
    columns=(
        Column(
            "copy_name",
            "string",
            nullable=False,
            width=100,
            doc="a Logplex frame's id (the body's hash without one) or an OTLP request's name",
        ),
        Column("app", "string", nullable=False, width=100, doc="Heroku app name"),
        Column("received_at", "timestamp", nullable=False, doc="when the loaded copy was received"),
        Column("tick_id", "string", nullable=False, width=64, doc="the tick that loaded it"),
    ),
    kind="ledger",
    doc="Frames and OTLP requests a tick loaded: a copy of one received again (a sender's retry, to "
    "another receiver, in a later tick) is counted as a duplicate, not loaded twice.",
    primary_key=("copy_name", "app"),
    distribution="copy_name",
)

LOG_TICKS = Table(
    name="log_ticks",
    columns=(
        Column("name", "string", nullable=False, width=16, doc="always 'ticks': the one row"),
        Column("tick_id", "string", width=64, doc="the latest tick that loaded anything"),
        Column("ticked_at", "timestamp", doc="when it ran"),
    ),
    kind="ledger",
    doc="The latest tick. Every tick updates its one row first in its transaction, so two ticks never "
    "commit the same objects: the second waits (Synapse) or conflicts (DuckDB) and then finds them loaded.",
    primary_key=("name",),
    distribution="name",
)

LEDGER_TABLES: tuple[Table, ...] = (LOG_LEDGER, LOADED_COPIES, LOG_TICKS)

# -- Platform API tables: derived from Heroku's schema, never listed by hand -----------------------------

API_META_COLUMNS: tuple[Column, ...] = (
    Column("_parent", "string", width=100, doc="id of the parent the row was listed under (app, team, ...)"),
    Column("_fetched_at", "timestamp", doc="when the row was last read from the API or a webhook"),
    Column("_deleted_at", "timestamp", doc="when the row stopped being listed: deleted or gone"),
    Column("_extra", "json", width=4000, doc="fields the vendored schema does not know, and retyped values"),
)
_EMAIL_NAME = re.compile(r"(^|_)email$")


def _api_column(leaf: Leaf, key: bool) -> Column:
    masking: Masking | None = (
        "email" if leaf.format == "email" or _EMAIL_NAME.search(leaf.column_name) else None
    )
    # Only keys are NOT NULL: a value of the wrong type is moved to _extra and leaves its column null.
    note = "" if leaf.nullable else " (never null per the schema)"
    return Column(
        leaf.column_name,
        leaf.type,
        nullable=not key,
        width=leaf.width,
        masking=masking,
        # The schema describes most properties; the few it leaves bare are named by their JSON path.
        doc=((leaf.description.strip().split("\n")[0][:200] or f"the API's `{'.'.join(leaf.path)}`") + note),
    )


def api_table(resource: Endpoint) -> Table:
    """The table of a Platform API resource, from the schema of what its list returns: every property
    except the secret ones, flattened, then the bookkeeping columns."""
    from heroku_assets.platform_api import schema

    item = schema.vendored().resource_item(resource)
    leaves = [
        leaf
        for leaf in schema.vendored().leaves(item)
        if not any(map(is_secret_name, leaf.path)) and leaf.path[0] not in resource.exclude
    ]
    columns = [_api_column(leaf, leaf.column_name in resource.key) for leaf in leaves]
    columns += [
        dataclasses.replace(c, nullable=False) if c.name in resource.key else c for c in API_META_COLUMNS
    ]
    mode = {"incremental": f"incremental on {resource.bookmark}", "snapshot": "a snapshot", "by_id": "by id"}
    return Table(
        name=resource.table,
        columns=tuple(columns),
        kind="entity",
        doc=(resource.doc or f"Heroku {resource.name} records.")
        + f" GET {resource.path}, {mode[resource.mode]}.",
        primary_key=resource.key,
        distribution="id" if "id" in resource.key else resource.key[0],
    )


@functools.cache
def api_tables() -> dict[str, Table]:
    """Every Platform API table, derived once per process on first use (not at import)."""
    from heroku_assets.platform_api.endpoints import ENDPOINTS

    return {r.table: api_table(r) for r in ENDPOINTS}


HEROKU_ERROR_CODES = Table(
    name="heroku_error_codes",
    columns=(
        Column("code", "string", nullable=False, width=8, doc="H10, R14, L10, ..."),
        Column("family", "string", nullable=False, width=16, doc="router | runtime | logging"),
        Column(
            "meaning", "string", nullable=False, width=200, doc="what the code means, as Heroku documents it"
        ),
    ),
    kind="entity",
    doc="Heroku's H, R and L error codes with their meaning, to read error counts by.",
    primary_key=("code",),
    distribution="code",
)

REFERENCE_TABLES: tuple[Table, ...] = (HEROKU_ERROR_CODES,)

STATIC_TABLES: dict[str, Table] = {t.name: t for t in (*EVENT_TABLES, *LEDGER_TABLES, *REFERENCE_TABLES)}


def all_tables() -> dict[str, Table]:
    """Every table the project writes: the declared ones and those derived from the Platform API schema."""
    return {**STATIC_TABLES, **api_tables()}


_DERIVED = {"ALL_TABLES": all_tables, "ENTITY_TABLES": lambda: tuple(api_tables().values())}


def __getattr__(name: str) -> object:
    """``ALL_TABLES``, ``ENTITY_TABLES`` and ``HEROKU_<RESOURCE>`` (``HEROKU_APPS``) resolve on first use, so
    importing this module never parses the schema."""
    if name in _DERIVED:
        return _DERIVED[name]()
    if name.startswith("HEROKU_") and name.lower() in api_tables():
        return api_tables()[name.lower()]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
