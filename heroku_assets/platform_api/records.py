"""API items -> rows of a table derived from the schema, without ever failing on what Heroku sends.

Each item is read against the schema of its list: every declared leaf lands in its column; a value of
the wrong type (a number where a string was declared, an unreadable timestamp) lands in ``_extra`` under
its path and is counted as retyped; a field the schema does not know lands in ``_extra`` too and is
counted as unknown. An item without its key cannot be upserted: it is counted as rejected, with its
reason, and left out. Secret-looking names are dropped wherever they show up (unknown fields, inside
JSON values), and credentials inside URLs (``user:pass@``, signed or token-carrying query strings, token-like
path segments) are cut out; a URL that is itself a credential (a drain's, a webhook's) keeps only its host.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

import pyarrow as pa

from heroku_assets.platform_api import schema as schema_module
from heroku_assets.platform_api.endpoints import Endpoint
from heroku_assets.platform_api.secret_names import is_secret_name
from heroku_assets.tables import Table

_INT64 = (-(2**63), 2**63 - 1)
_SIGNED_QUERY = re.compile(r"(sig|signature|token|key|secret|credential|^x-amz-|auth|pass)", re.I)
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-.~+=:]+")
_RANDOM_MIN = 16
REDACTED = "[redacted]"
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclasses.dataclass
class Drift:
    """What a batch held that its table does not: counted per field, for checks and metadata."""

    unknown: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    retyped: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    rejected: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    secret_dropped: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    # "column: value" outside the schema's enum (kept as sent, and counted)
    unexpected: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    truncated: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)

    _NAMES = {
        "unknown": "unknown_fields",
        "retyped": "retyped_values",
        "unexpected": "values_outside_the_schema",
        "truncated": "truncated_values",
        "rejected": "rejected_rows",
        "secret_dropped": "secret_fields_dropped",
    }

    def merge(self, other: Drift) -> None:
        for name in self._NAMES:
            getattr(self, name).update(getattr(other, name))

    def flagged(self) -> list[str]:
        """What the drift check warns of: fields and values the schema does not hold, and cut values."""
        return [
            *sorted(self.unknown),
            *sorted(self.retyped),
            *sorted(self.unexpected),
            *(f"{c} (cut)" for c in sorted(self.truncated)),
        ]

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {label: dict(sorted(getattr(self, name).items())) for name, label in self._NAMES.items()}

    def update_from(self, counts: dict[str, dict[str, int]]) -> None:
        """Add counts in ``as_dict``'s shape (a checkpoint's)."""
        for name, label in self._NAMES.items():
            getattr(self, name).update(counts.get(label) or {})


class RetypedValue(ValueError):
    """A value whose JSON type does not fit its column."""


def looks_random(text: str) -> bool:
    """A token-like string: 16+ URL-safe characters mixing letters and digits (API keys, drain path tokens,
    webhook secrets, UUIDs of capability URLs). Words and version numbers are not."""
    return (
        len(text) >= _RANDOM_MIN
        and _TOKEN_CHARS.fullmatch(text) is not None
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def redact_url(value: str, *, capability: bool = False) -> str:
    """A URL without its secrets: a password (``https://user:pass@host``), a signed query string or one
    holding a token-like value, and token-like path segments (Sumo Logic, Loggly, Slack webhook paths, this
    project's own drain path token) are replaced by ``[redacted]``. ``capability``: the URL as a whole is
    the credential (drains, webhooks), so only its scheme and host are kept."""
    if "://" not in value:
        return value
    try:
        parts = urlsplit(value)
    except ValueError:
        return REDACTED
    netloc = parts.netloc
    if "@" in netloc:
        netloc = REDACTED + "@" + netloc.rsplit("@", 1)[1]
    if capability:
        path = "/" + REDACTED if parts.path.strip("/") else parts.path
        query = REDACTED if parts.query else ""
        fragment = REDACTED if parts.fragment else ""
    else:
        path = "/".join(REDACTED if looks_random(unquote(s)) else s for s in parts.path.split("/"))
        query = REDACTED if _secret_query(parts.query) else parts.query
        fragment = REDACTED if _secret_query(parts.fragment) else parts.fragment
    if (netloc, path, query, fragment) == (parts.netloc, parts.path, parts.query, parts.fragment):
        return value
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _secret_query(query: str) -> bool:
    if not query:
        return False
    pairs = parse_qsl(query, keep_blank_values=True)
    if not pairs:
        return looks_random(unquote(query))
    return any(_SIGNED_QUERY.search(k) or looks_random(v) or looks_random(k) for k, v in pairs)


def scrub(value: Any) -> Any:
    """A JSON value with secret-looking keys removed and URLs redacted, at any depth."""
    if isinstance(value, Mapping):
        return {k: scrub(v) for k, v in value.items() if not is_secret_name(str(k))}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return redact_url(value)
    return value


def _convert(kind: str, value: Any, *, capability: bool = False) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(scrub(value), sort_keys=True, separators=(",", ":"))
    if kind == "string":
        if not isinstance(value, str):
            raise RetypedValue
        return redact_url(value, capability=capability)
    if kind == "bool":
        if not isinstance(value, bool):
            raise RetypedValue
        return value
    if kind == "int64":
        if isinstance(value, bool) or not isinstance(value, int) or not _INT64[0] <= value <= _INT64[1]:
            raise RetypedValue
        return value
    if kind == "float64":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RetypedValue
        return float(value)
    if kind == "timestamp":
        if not isinstance(value, str):
            raise RetypedValue
        return parse_timestamp(value)
    if kind == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            raise RetypedValue
        return dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    raise AssertionError(kind)


def parse_timestamp(value: str) -> dt.datetime:
    """An API timestamp (ISO 8601 with ``Z`` or an offset) as an aware UTC datetime."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RetypedValue from None
    if parsed.tzinfo is None:
        raise RetypedValue
    return parsed.astimezone(dt.UTC)


def unnest(resource: Endpoint, item: Any) -> list[Any]:
    """The elements of a nested resource's array in one listed item, each with the item's key fields
    (a team's daily usage -> one element per app, with the team's id and the day)."""
    if not isinstance(item, Mapping) or not resource.nested:
        return [item]
    elements = item.get(resource.nested)
    if not isinstance(elements, list):
        return []
    keys = {k: item.get(k) for k in resource.key if k in item}
    return [{**keys, **e} if isinstance(e, Mapping) else e for e in elements]


class RowBuilder:
    """Turns items of one resource into rows of its table; ``drift`` accumulates what did not fit."""

    def __init__(self, resource: Endpoint, table: Table) -> None:
        platform = schema_module.vendored()
        item = platform.resource_item(resource)
        self.resource = resource
        self.table = table
        self._known = platform.known_tree(item)
        leaves = [leaf for leaf in platform.leaves(item) if leaf.column_name in table.column_names]
        self._leaves = {leaf.column_name: leaf.path for leaf in leaves}
        self._enums = {leaf.column_name: frozenset(leaf.enum) for leaf in leaves if leaf.enum}
        self.drift = Drift()

    def row(self, item: Any, parent: str, fetched_at: dt.datetime) -> dict[str, Any] | None:
        """One row, or None (counted in ``drift.rejected``) when the item cannot be keyed."""
        name = self.resource.name
        if not isinstance(item, Mapping):
            self.drift.rejected[f"{name}: not a JSON object"] += 1
            return None
        extra: dict[str, Any] = {}
        row: dict[str, Any] = {"_parent": parent, "_fetched_at": fetched_at, "_deleted_at": None}
        for column, path in self._leaves.items():
            value, where = _lookup(item, path)
            try:
                if isinstance(value, _NotObject):
                    value = value.value
                    raise RetypedValue
                capability = column in self.resource.capability_urls
                definition = self.table.column(column)
                row[column] = _convert(definition.type, value, capability=capability)
            except RetypedValue:
                self.drift.retyped[column] += 1
                extra[".".join(where)] = scrub(value)
                row[column] = None
                continue
            self._check_value(column, definition.width, row[column], where, extra)
        self._unknown(item, self._known, (), extra)
        for key in self.resource.key:
            if row.get(key) is None:
                self.drift.rejected[f"{name}: no {key}"] += 1
                return None
        row["_extra"] = json.dumps(extra, sort_keys=True, default=str) if extra else None
        return row

    def _check_value(
        self, column: str, width: int | None, value: Any, where: tuple[str, ...], extra: dict[str, Any]
    ) -> None:
        """A value outside the schema's enum is counted; one longer than its column is counted and kept
        whole in ``_extra`` (the column gets the cut value), so nothing sent is lost silently."""
        if not isinstance(value, str):
            return
        enum = self._enums.get(column)
        if enum and value not in enum:
            self.drift.unexpected[f"{column}: {value[:40]}"] += 1
        if width is not None and len(value) > width:
            self.drift.truncated[column] += 1
            if self.table.column(column).type == "string":
                extra[".".join(where)] = value

    def _unknown(
        self, item: Mapping[str, Any], known: Mapping[str, Any], path: tuple[str, ...], extra: dict[str, Any]
    ) -> None:
        for key, value in item.items():
            where = (*path, str(key))
            if key not in known:
                dotted = ".".join(where)
                if is_secret_name(str(key)):
                    self.drift.secret_dropped[dotted] += 1
                    continue
                self.drift.unknown[dotted] += 1
                extra[dotted] = scrub(value)
            elif known[key] and isinstance(value, Mapping) and len(where) < schema_module.MAX_DEPTH:
                self._unknown(value, known[key], where, extra)

    def table_of(self, rows: Iterable[dict[str, Any]]) -> pa.Table:
        rows = list(rows)
        columns = {c.name: [r.get(c.name) for r in rows] for c in self.table.columns}
        return pa.Table.from_pydict(columns, schema=self.table.arrow_schema)


def _lookup(item: Mapping[str, Any], path: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
    """The value at ``path`` (None when a step is missing or null) and where it was found: a parent that
    is not an object is itself the (retyped) value."""
    value: Any = item
    for depth, key in enumerate(path):
        if value is None:
            return None, path
        if not isinstance(value, Mapping):
            if depth == 0:
                return value, path
            return _NotObject(value), path[:depth]
        value = value.get(key)
    return value, path


@dataclasses.dataclass(frozen=True)
class _NotObject:
    """A nested object that arrived as something else: every column under it is retyped."""

    value: Any
