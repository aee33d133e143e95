"""What the rows of every signal share: a row's shape, a record's attributes and its resource's (mapped keys
taken, the rest written to extra), the resource held whole once per table and partition (see
``rows``), and the rejected row."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message

from heroku_assets import tables
from heroku_assets.logs.otlp import mapping
from heroku_assets.logs.otlp.decode import Signal
from heroku_assets.logs.otlp.values import attributes, json_text

Row = tuple[str, dict[str, Any]]  # (table, columns other than app, event_date and line_number)


class Resource:
    """The attributes of one resource of a request, and the id rows name it by."""

    def __init__(self, message: Message) -> None:
        self.attributes = attributes(message.attributes)
        canonical = json.dumps(self.attributes, sort_keys=True, separators=(",", ":"), default=str)
        self.id = hashlib.sha256(canonical.encode()).hexdigest()[:16] if self.attributes else None


class ResourceNotes:
    """Which resources a partition's rows already hold whole, per table (see ``rows``' docstring)."""

    def __init__(self) -> None:
        self._held: set[tuple[str, str]] = set()

    def held(self, table: str, resource_id: str) -> bool:
        return (table, resource_id) in self._held

    def hold(self, table: str, resource_id: str) -> None:
        self._held.add((table, resource_id))


_JSON_COLUMNS = ("extra", "attributes")


def finish(table: str, columns: dict[str, Any], notes: ResourceNotes) -> Row:
    """A row as the table takes it: its JSON column written, with the resource whole only on the first
    row of the table that names it and has room for it (a row the column's width would cut leaves it
    to the next one)."""
    for name in _JSON_COLUMNS:
        value = columns.get(name)
        if not isinstance(value, dict):
            continue
        resource_id = value.get("resource_id")
        if resource_id is not None and not notes.held(table, resource_id):
            text = json_text(value)
            if text is not None and len(text) <= (tables.ALL_TABLES[table].column(name).width or len(text)):
                notes.hold(table, resource_id)
                columns[name] = text
                continue
        value.pop("resource", None)
        columns[name] = json_text(value)
    return table, columns


class Attributes:
    """A record's attributes and its resource's, from which mapped keys are taken; what is left of the
    record's is written to extra, with the resource's id and (``finish`` decides) its attributes."""

    def __init__(self, record: dict[str, Any], resource: Resource) -> None:
        self.record = dict(record)
        self.source = resource
        self.resource = dict(resource.attributes)

    def peek(self, key: str) -> Any:
        return self.record.get(key, self.resource.get(key))

    def take(self, key: str) -> Any:
        value = self.record.pop(key, None)
        resource_value = self.resource.pop(key, None)
        return value if value is not None else resource_value

    def dyno(self) -> str | None:
        for key in mapping.DYNO_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and value:
                self.take(key)
                return value
        for key in mapping.DYNO_IF_NAME_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and mapping.is_dyno_name(value):
                self.take(key)
                return value
        return None

    def dyno_id(self) -> str | None:
        """After ``dyno``: an id attribute that is not itself the dyno's name."""
        for key in mapping.DYNO_ID_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and value and not mapping.is_dyno_name(value):
                return self.take(key)
        return None

    def addon(self) -> str | None:
        for key in mapping.ADDON_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and value:
                return self.take(key)
        return None

    def extra(self, **more: Any) -> dict[str, Any]:
        return {
            **more,
            "attributes": self.record,
            "resource_id": self.source.id,
            "resource": self.source.attributes,
        }


# Where each signal keeps its items: the list of resources, each one's scopes, each scope's items.
_NESTING = {
    "logs": ("resource_logs", "scope_logs", "log_records"),
    "metrics": ("resource_metrics", "scope_metrics", "metrics"),
    "traces": ("resource_spans", "scope_spans", "spans"),
}


def items(signal: Signal, request: Message) -> Iterator[tuple[Resource, dict[str, Any] | None, Message]]:
    """Every item of a request (a log record, a metric, a span) in request order, with its resource and
    its scope."""
    resources, scopes, kept = _NESTING[signal]
    for resource_items in getattr(request, resources):
        resource = Resource(resource_items.resource)
        for scope_items in getattr(resource_items, scopes):
            scope = scope_of(scope_items.scope)
            for item in getattr(scope_items, kept):
                yield resource, scope, item


def scope_of(scope: Message) -> dict[str, Any] | None:
    out = {"name": scope.name, "version": scope.version, **attributes(scope.attributes)}
    cleaned = {k: v for k, v in out.items() if v not in (None, "")}
    return cleaned or None


def rejected(reason: str, ts: dt.datetime | None, raw: str) -> Row:
    return "rejected_lines", {"event_ts": ts, "reason": reason[:200], "raw_line": raw}
