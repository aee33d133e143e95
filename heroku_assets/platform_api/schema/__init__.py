"""Heroku's Platform API JSON hyper-schema, vendored (``platform-api.json``), and what the tables read
from it.

Source: the schema Heroku publishes at ``GET /schema`` and in the ``heroku/platform-api`` repository, as
of 2026-06. Kept inside the package so the API tables and the tests' fake API derive from one copy that a
clone always has; ``heroku-assets api schema-diff`` compares it with the live one.

A list's items are described by its ``instances`` link (``targetSchema.items``, or the resource's own
properties when the link names none). Leaves map to column types: ``uuid`` strings are 36 wide,
``date-time`` strings are timestamps, ``integer`` is 64-bit, ``number`` a float, enums as wide as their
longest value; objects with properties are flattened (``owner.email`` -> ``owner_email``) up to
``MAX_DEPTH`` levels, and arrays, free-form objects and deeper objects are kept as JSON.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

SCHEMA_PATH = Path(__file__).with_name("platform-api.json")

MAX_DEPTH = 3  # owner.email, addon.app.name; anything deeper is a JSON column
DEFAULT_STRING_WIDTH = 2000  # generous where the schema gives no bound
URI_WIDTH = 2000
EMAIL_WIDTH = 320  # RFC 5321: 64 + 1 + 255, rounded up as the rest of the project does
JSON_WIDTH = 4000
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9_]")

LeafType = Literal["string", "json", "int64", "float64", "bool", "timestamp", "date"]


@dataclass(frozen=True)
class Leaf:
    """One value of a list item, where it sits (``path``) and how it is typed."""

    path: tuple[str, ...]
    type: LeafType
    width: int | None = None
    nullable: bool = True  # what the schema says (a ``null`` type on the leaf or a parent)
    format: str | None = None
    description: str = ""
    enum: tuple[str, ...] = ()  # the values the schema allows, when it lists them

    @property
    def column_name(self) -> str:
        return "_".join(_NOT_IDENTIFIER.sub("", part) for part in self.path)


def normalize_href(href: str) -> str:
    """``/apps/{(%23%2F...identity)}/domains`` and ``/apps/{app}/domains`` both as ``/apps/{}/domains``."""
    return _PLACEHOLDER.sub("{}", href.split("?", 1)[0])


class PlatformSchema:
    """The parsed hyper-schema with ``$ref`` resolution and the list shapes the tables come from."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root

    @property
    def resources(self) -> list[str]:
        return sorted(self.root.get("definitions", {}))

    def resolve(self, node: Any) -> dict[str, Any]:
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self.root
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
            seen += 1
            if seen > 50:
                raise ValueError("a $ref cycle in the Platform API schema")
        return node if isinstance(node, dict) else {}

    def definition(self, resource: str) -> dict[str, Any]:
        try:
            return self.root["definitions"][resource]
        except KeyError:
            raise KeyError(f"the Platform API schema has no resource {resource!r}") from None

    def list_hrefs(self, resource: str) -> list[str]:
        """The normalized hrefs of the resource's GET links (lists and single reads)."""
        return [
            normalize_href(link["href"])
            for link in self.definition(resource).get("links", [])
            if link.get("method") == "GET"
        ]

    def item_schema(self, resource: str, path: str) -> dict[str, Any]:
        """The schema of one item that ``GET path`` returns (a list's items, or the single object)."""
        wanted = normalize_href(path)
        for link in self.definition(resource).get("links", []):
            if link.get("method") != "GET" or normalize_href(link["href"]) != wanted:
                continue
            target = self.resolve(link.get("targetSchema")) if link.get("targetSchema") else {}
            if target:
                items = target.get("items") or target
                if items:
                    return self.resolve(items)
            return self.definition(resource)
        raise KeyError(f"{resource}: the Platform API schema has no GET {path}")

    def resource_item(self, resource: Any) -> dict[str, Any]:
        """The item a captured resource's rows come from: what its list returns, or for a nested one
        (``team-daily-usage.apps``) an element of that array, with the parent item's key fields."""
        item = self.resolve(self.item_schema(resource.schema_name, resource.path))
        if not resource.nested:
            return item
        props = item.get("properties") or {}
        element = self.resolve(self.resolve(props[resource.nested]).get("items"))
        inner = element.get("properties") or {}
        keys = {k: props[k] for k in resource.key if k in props and k not in inner}
        return {"type": ["object"], "properties": {**keys, **inner}}

    def leaves(self, item: dict[str, Any]) -> list[Leaf]:
        """Every column-sized value of an item, flattened, in the schema's order."""
        out: list[Leaf] = []
        self._walk(item, (), True, out)
        return out

    def known_tree(self, item: dict[str, Any]) -> dict[str, Any]:
        """Property names the schema knows, nested as dicts; ``None`` where anything below is free-form
        (kept as JSON, so nothing inside it is unknown)."""
        node = self.resolve(item)
        props = node.get("properties")
        if not props or "object" not in _types(node):
            return {}
        return {name: (self.known_tree(sub) or None) for name, sub in props.items()}

    def _walk(self, node: Any, path: tuple[str, ...], nullable: bool, out: list[Leaf]) -> None:
        node = self.resolve(node)
        types = _types(node)
        nullable = nullable or "null" in types
        props = node.get("properties")
        if props and "object" in types and len(path) < MAX_DEPTH:
            for name, sub in props.items():
                self._walk(sub, (*path, name), nullable, out)
            return
        out.append(self._leaf(node, path, nullable))

    def _leaf(self, node: dict[str, Any], path: tuple[str, ...], nullable: bool) -> Leaf:
        description = str(node.get("description", ""))
        alternatives = node.get("anyOf") or node.get("oneOf")
        if alternatives:
            options = [self._leaf(self.resolve(a), path, nullable) for a in alternatives]
            if all(o.type == "string" for o in options):
                widest = max((o.width or DEFAULT_STRING_WIDTH) for o in options)
                return Leaf(path, "string", widest, nullable, description=description)
            return Leaf(path, "json", JSON_WIDTH, nullable, description=description)
        types = [t for t in _types(node) if t != "null"]
        if len(types) != 1 or types[0] in ("array", "object"):
            return Leaf(path, "json", JSON_WIDTH, nullable, description=description)
        kind = types[0]
        if kind == "integer":
            return Leaf(path, "int64", None, nullable, description=description)
        if kind == "number":
            return Leaf(path, "float64", None, nullable, description=description)
        if kind == "boolean":
            return Leaf(path, "bool", None, nullable, description=description)
        if kind != "string":
            return Leaf(path, "json", JSON_WIDTH, nullable, description=description)
        fmt = node.get("format")
        if fmt == "date-time":
            return Leaf(path, "timestamp", None, nullable, fmt, description)
        if fmt == "date":
            return Leaf(path, "date", None, nullable, fmt, description)
        enum = tuple(str(v) for v in node.get("enum", []) if v is not None)
        return Leaf(path, "string", _string_width(node), nullable, fmt, description, enum)


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("type", [])
    kinds = [kind] if isinstance(kind, str) else list(kind)
    if not kinds and node.get("properties"):
        kinds = ["object"]
    return kinds


def _string_width(node: dict[str, Any]) -> int:
    fmt = node.get("format")
    if fmt == "uuid":
        return 36
    if fmt == "email":
        return EMAIL_WIDTH
    enum = [v for v in node.get("enum", []) if v is not None]
    if enum:
        return max(1, *(len(str(v)) for v in enum))
    if isinstance(node.get("maxLength"), int):
        return int(node["maxLength"])
    bounded = _pattern_width(node.get("pattern"))
    if bounded is not None:
        return bounded
    if fmt == "uri":
        return URI_WIDTH
    return DEFAULT_STRING_WIDTH


def _pattern_width(pattern: object) -> int | None:
    """The longest string a bounded pattern matches (``^[a-z][a-z0-9-]{1,28}[a-z0-9]$`` -> 30), or None.
    The standard library's regex parser computes it (``getwidth``); it is private but has no public
    equivalent, so anything unexpected from it just means "no bound"."""
    if not isinstance(pattern, str):
        return None
    try:
        from re import _parser  # type: ignore[attr-defined]

        _, widest = _parser.parse(pattern).getwidth()
    except Exception:  # noqa: BLE001 - a pattern Python reads differently is simply not a bound
        return None
    return widest if 0 < widest <= DEFAULT_STRING_WIDTH else None


@functools.cache
def vendored() -> PlatformSchema:
    """The vendored schema, parsed once per process (about 570 kB of JSON)."""
    return PlatformSchema(json.loads(SCHEMA_PATH.read_text()))
