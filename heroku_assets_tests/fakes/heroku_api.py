"""A fake Heroku Platform API (and Logplex session endpoint), served over real HTTP on 127.0.0.1.

Use it through the ``fake_heroku`` pytest fixture (the top-level conftest.py imports it, the session
server it runs on and the schema path fixture, so every served entity is checked).

It yields a fresh, running ``FakeHeroku`` per test (one loopback server is shared by the session):

    fake_heroku.url                     base URL for ``HerokuClient(token, base_url=...)``
    fake_heroku.token                   the only token it accepts (``Authorization: Bearer ...``)
    fake_heroku.add(resource, parent, **fields)   any resource of the Platform API schema, built from the
                                        schema's examples (fresh ids and timestamps), ``fields`` merged
                                        in; ``parent`` is the item it is listed under (an app, a team)
    fake_heroku.add(..., drift={...})   a drift case: fields merged in that the schema does not allow
                                        (unknown fields, retyped values); exempt from the schema check
    fake_heroku.remove(resource, item)  gone from its lists (and 404 when read by id)
    fake_heroku.add_app("my-app")       an app; ``generation="fir"`` for Fir apps
    fake_heroku.add_release(app, ...)   next version, becomes current; ``update_release(app, v, ...)``
    fake_heroku.add_build(app, ...)     ``update_build(app, build_id, status=...)``
    fake_heroku.set_dynos(app, [...]) / set_formation(app, [...])   dicts of name/type/size/...
    fake_heroku.set_lines(app, lines) / append_lines(app, lines)   `heroku logs` text lines; the buffer
                                        keeps the last ``buffer_lines`` (1500), like Logplex
    fake_heroku.script_faults(Fault.rate_limited(retry_after="1"), Fault.server_error(times=3),
                              Fault.slow(2.0), Fault.error(401))   applied to the next requests in order
    fake_heroku.rate_limit_remaining    Heroku's token bucket per account: 4,500 tokens, one per API call,
                                        refilled at 75 a minute of the fake's ``clock`` (a frozen one
                                        unless given: ``FakeHeroku(clock=...)`` or ``advance(seconds)``);
                                        reported as RateLimit-Remaining, 429 when empty; settable
    fake_heroku.page_size               the default page (200, as Heroku) when no Range says otherwise;
                                        ``max_page`` caps what a Range's ``max=`` gets (1000)
    fake_heroku.forbidden_apps          app names (or ids) answered with 403
    fake_heroku.live_schema             what GET /schema answers (a copy of the vendored one to edit)
    fake_heroku.requests                every request received (method, path, headers, body, status)

Routes come from the schema's own GET links (``instances`` lists and ``self`` reads), so every resource the
schema lists is served, under the path the schema gives it, and a path the schema does not have is a 404.
Ranges work as Heroku's do: ``Range: <key> [<start>|]<start>]..[<end>]; max=N[, order=desc]`` on the
list's sort keys (the link's ``ranges``; releases: id, version), answering 206 with ``Next-Range`` while
more remain, ``Accept-Ranges`` and ``Content-Range`` always, and 416 for an unknown key. Lists whose link
requires parameters (usage: ``start``) answer 422 without them. Timestamps are unique so an exclusive
``Next-Range`` start never skips an item.

When the fixture finds a ``heroku_schema_path`` fixture (top-level conftest.py: the vendored schema), every
item it serves is validated against the schema of the link that served it, and the test fails at teardown
if one did not match (drift cases excepted).
"""

from __future__ import annotations

import asyncio
import collections
import copy
import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from heroku_assets.platform_api.schema import PlatformSchema, vendored
from heroku_assets_tests.fakes.server import serve

ACCEPT = "application/vnd.heroku+json; version=3"
_NS = uuid.UUID("6f0d3c38-2d0b-4a53-9d8a-6d8e7b1c2a10")
_LINE = re.compile(r"^\S+ (?P<source>[^\s\[]+)\[(?P<dyno>[^\]]+)\]:")
BUCKET = 4500  # Heroku's rate limit per account: this many requests at once ...
REFILL_PER_SECOND = 75 / 60  # ... refilled at 75 a minute
# Sort keys Heroku accepts where the schema's links do not list them (heroku.md: releases id, version).
SORT_KEYS = {"release": ("id", "version")}


class HerokuSchema:
    """The Platform API JSON schema (interagent hyper-schema, draft 4), to validate entities against
    ``definitions/<resource>``."""

    def __init__(self, path: Path) -> None:
        import jsonschema

        self._jsonschema = jsonschema
        self.root = json.loads(Path(path).read_text())
        self._validators: dict[str, Any] = {}

    def validator(self, resource: str) -> Any:
        if resource not in self._validators:
            if resource not in self.root["definitions"]:
                raise KeyError(f"no definitions/{resource} in the schema")
            schema = {"definitions": self.root["definitions"], "$ref": f"#/definitions/{resource}"}
            cls = self._jsonschema.Draft4Validator
            self._validators[resource] = cls(schema, format_checker=cls.FORMAT_CHECKER)
        return self._validators[resource]

    def validate(self, resource: str, instance: Any) -> None:
        """Raise ``jsonschema.ValidationError`` when ``instance`` is not a valid ``resource``."""
        self.validator(resource).validate(instance)

    def errors(self, resource: str, instance: Any) -> list[str]:
        return [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in self.validator(resource).iter_errors(instance)
        ]

    def item_errors(self, resource: str, href: str, item_schema: dict[str, Any], instance: Any) -> list[str]:
        """Errors of ``instance`` against the item schema of the link ``href`` of ``resource`` (what a
        list returns can differ from ``definitions/<resource>``, e.g. app webhooks)."""
        key = f"{resource} {href}"
        if key not in self._validators:
            schema = {k: v for k, v in item_schema.items() if k not in ("definitions", "links")}
            schema["definitions"] = self.root["definitions"]
            cls = self._jsonschema.Draft4Validator
            self._validators[key] = cls(schema, format_checker=cls.FORMAT_CHECKER)
        return [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in self._validators[key].iter_errors(instance)
        ]


@dataclasses.dataclass
class Fault:
    """A scripted misbehaviour for the next ``times`` requests (whose path starts with ``path``).

    ``status`` None answers normally (after ``delay`` seconds); otherwise that status with a Heroku-style
    error body, and ``Retry-After`` when ``retry_after`` is set.
    """

    status: int | None = 503
    retry_after: str | None = None
    delay: float = 0.0
    times: int = 1
    path: str | None = None

    @classmethod
    def rate_limited(cls, retry_after: str | None = None, times: int = 1, path: str | None = None) -> Fault:
        return cls(status=429, retry_after=retry_after, times=times, path=path)

    @classmethod
    def server_error(cls, times: int = 1, status: int = 503, path: str | None = None) -> Fault:
        return cls(status=status, times=times, path=path)

    @classmethod
    def slow(cls, seconds: float, times: int = 1, path: str | None = None) -> Fault:
        return cls(status=None, delay=seconds, times=times, path=path)

    @classmethod
    def error(cls, status: int, times: int = 1, path: str | None = None) -> Fault:
        return cls(status=status, times=times, path=path)


@dataclasses.dataclass
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    status: int | None = None


_ERROR_IDS = {
    401: ("unauthorized", "Invalid credentials provided."),
    403: ("forbidden", "You do not have access to this resource."),
    404: ("not_found", "Couldn't find that app."),
    429: ("rate_limit", "Your account reached the API rate limit. Please wait a few minutes."),
    500: ("internal_server_error", "Internal server error."),
    502: ("bad_gateway", "Bad gateway."),
    503: ("service_unavailable", "Service temporarily unavailable."),
}


def _error(status: int, message: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    error_id, default = _ERROR_IDS.get(status, ("error", "Request failed."))
    return JSONResponse({"id": error_id, "message": message or default}, status_code=status, headers=headers)


@dataclasses.dataclass(frozen=True)
class _Link:
    """One GET link of the schema, as a route: ``/apps/{}/releases`` -> the release list of an app."""

    resource: str
    rel: str
    href: str  # normalized, placeholders as {}
    pattern: re.Pattern[str]
    parents: tuple[str, ...]  # the resource each placeholder names (app, team, ...)
    ranges: tuple[str, ...]
    required: tuple[str, ...]
    item_schema: dict[str, Any] = dataclasses.field(compare=False, hash=False, repr=False)


@functools.cache
def _links() -> tuple[_Link, ...]:
    """Every GET link of the schema with at most two placeholders, literal-heavy routes first."""
    platform = vendored()
    out = []
    for resource in platform.resources:
        for link in platform.definition(resource).get("links", []):
            if link.get("method") != "GET" or link.get("rel") not in ("instances", "self"):
                continue
            href = link["href"].split("?")[0]
            refs = [unquote(m) for m in re.findall(r"\{\(([^)]*)\)\}", href)]
            parents = tuple(r.split("/")[2] for r in refs)
            normalized = re.sub(r"\{[^}]*\}", "{}", href)
            if len(parents) > 2 or (link["rel"] == "instances" and len(parents) > 1):
                continue
            regex = (
                "^" + "/".join("([^/]+)" if p == "{}" else re.escape(p) for p in normalized.split("/")) + "$"
            )
            required = (
                tuple((link.get("schema") or {}).get("required", ())) if link["rel"] == "instances" else ()
            )
            try:
                item = platform.item_schema(resource, normalized)
            except KeyError:
                continue
            out.append(
                _Link(
                    resource,
                    link["rel"],
                    normalized,
                    re.compile(regex),
                    parents,
                    tuple(SORT_KEYS.get(resource, link.get("ranges") or ("id",))),
                    required,
                    item,
                )
            )
    return tuple(sorted(out, key=lambda lk: (len(lk.parents), lk.rel != "instances", lk.href)))


def instances_link(resource: str, parent: str | None) -> _Link:
    """The list a resource is served under for a parent resource (None: the account-wide list); for a
    resource the schema only reads by id (slugs), that read under its parent."""
    wanted = (parent,) if parent else ()
    for link in _links():
        if link.resource == resource and link.rel == "instances" and link.parents == wanted:
            return link
    for link in _links():
        if link.resource == resource and link.rel == "self" and link.parents == (*wanted, resource):
            return link
    for link in _links():  # one object per parent (a space's NAT), or per account
        if link.resource == resource and link.rel == "self" and link.parents == wanted:
            return link
    raise KeyError(f"the schema lists no {resource} under {parent or 'the account'}")


def _example(platform: PlatformSchema, node: Any, make: Any) -> Any:
    """A value valid for ``node``: the schema's example when it fits, else one made from the type."""
    node = platform.resolve(node)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        return _example(platform, alternatives[0], make)
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    if node.get("properties") and ("object" in types or not types):
        return {k: _example(platform, v, make) for k, v in node["properties"].items()}
    fmt = node.get("format")
    if fmt in ("uuid", "date-time"):
        return make(fmt)
    enum = [v for v in node.get("enum", []) if v is not None]
    if enum:
        return enum[0]
    example = node.get("example")
    fits = {
        "string": isinstance(example, str),
        "integer": isinstance(example, int) and not isinstance(example, bool),
        "number": isinstance(example, int | float) and not isinstance(example, bool),
        "boolean": isinstance(example, bool),
        "array": isinstance(example, list),
        "object": isinstance(example, dict),
        "null": example is None and "example" in node,
    }
    if any(fits.get(t) for t in types):
        return copy.deepcopy(example)
    if fmt == "email":
        return "dev@example.com"
    if fmt == "ipv4":
        return "192.0.2.1"
    if fmt == "uri":
        return "https://example.com/"
    for kind, value in (
        ("string", "example"),
        ("integer", 1),
        ("number", 1.0),
        ("boolean", False),
        ("array", []),
        ("object", {}),
    ):
        if kind in types:
            return value
    return None


def _merge(target: dict[str, Any], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict) and value:
            _merge(target[key], value)
        else:
            target[key] = value


class FakeHeroku:
    """The fake's data and behaviour; see the module docstring. Thread-safe: tests change it while the
    server thread answers."""

    def __init__(
        self,
        token: str = "fake-heroku-token",
        *,
        buffer_lines: int = 1500,
        schema: HerokuSchema | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.token = token
        self.url = ""
        self.buffer_lines = buffer_lines
        self.schema = schema
        self.schema_errors: list[str] = []
        self.page_size = 200  # without a Range, as Heroku
        self.max_page = 1000  # the most a Range's max= gets (lower it to test paging)
        # (resource, parent id or "") -> items, in the order added
        self.items: dict[tuple[str, str], list[dict[str, Any]]] = collections.defaultdict(list)
        self._parent_of: dict[int, tuple[str | None, str]] = {}  # id(item) -> (parent resource, parent id)
        self._drifted: set[int] = set()
        self._live_schema: dict[str, Any] | None = None
        self.lines: dict[str, list[str]] = collections.defaultdict(list)
        self.sessions: dict[str, dict[str, Any]] = {}
        self.forbidden_apps: set[str] = set()
        self._frozen = 0.0
        self.clock = clock or (lambda: self._frozen)
        self._bucket = float(BUCKET)
        self._bucket_at = self.clock()
        self.requests: list[RecordedRequest] = []
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.RLock()
        self._clock = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
        self._counter = itertools.count(1)

    # -- the rate limit -------------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move the frozen clock (when no clock was given): the bucket refills as on Heroku."""
        self._frozen += seconds

    @property
    def rate_limit_remaining(self) -> int:
        with self._lock:
            now = self.clock()
            self._bucket = min(
                float(BUCKET), self._bucket + max(0.0, now - self._bucket_at) * REFILL_PER_SECOND
            )
            self._bucket_at = now
            return int(self._bucket)

    @rate_limit_remaining.setter
    def rate_limit_remaining(self, value: int) -> None:
        with self._lock:
            self._bucket, self._bucket_at = float(value), self.clock()

    def _spend(self) -> int | None:
        """One token (None: the bucket is empty, answer 429); the tokens left."""
        with self._lock:
            if self.rate_limit_remaining < 1:
                return None
            self._bucket -= 1
            return int(self._bucket)

    # -- data ----------------------------------------------------------------------------------------

    def _tick(self, at: dt.datetime | None = None) -> str:
        """A unique, increasing timestamp (a minute per event) unless ``at`` is given."""
        if at is None:
            self._clock += dt.timedelta(minutes=1)
            at = self._clock
        return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _id(self, kind: str) -> str:
        return str(uuid.uuid5(_NS, f"{kind}:{next(self._counter)}"))

    def add(
        self,
        resource: str,
        parent: dict[str, Any] | None = None,
        *,
        parent_resource: str | None = None,
        drift: dict[str, Any] | None = None,
        at: dt.datetime | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """A ``resource`` item built from the schema (listed under ``parent``, an item of
        ``parent_resource``: the app by default), with ``fields`` merged in."""
        with self._lock:
            kind = (parent_resource or "app") if parent is not None else None
            link = instances_link(resource, kind)
            ts = self._tick(at)
            item = _example(
                vendored(), link.item_schema, lambda fmt: self._id(resource) if fmt == "uuid" else ts
            )
            if parent is not None and kind and isinstance(item.get(kind), dict):
                for key in item[kind]:
                    if key in parent:
                        item[kind][key] = parent[key]
            _merge(item, fields)
            if drift:
                _merge(item, drift)
                self._drifted.add(id(item))
            parent_id = "" if parent is None else str(parent["id"])
            self.items[(resource, parent_id)].append(item)
            self._parent_of[id(item)] = (kind, parent_id)
            return item

    def remove(self, resource: str, item: dict[str, Any]) -> None:
        with self._lock:
            _, parent_id = self._parent_of[id(item)]
            self.items[(resource, parent_id)] = [
                i for i in self.items[(resource, parent_id)] if i is not item
            ]

    def all(self, resource: str) -> list[dict[str, Any]]:
        with self._lock:
            return [i for (r, _), items in self.items.items() if r == resource for i in items]

    def find(self, resource: str, identity: str) -> dict[str, Any] | None:
        """The item whose id or name is ``identity``."""
        return next((i for i in self.all(resource) if identity in (i.get("id"), i.get("name"))), None)

    @property
    def live_schema(self) -> dict[str, Any]:
        """What ``GET /schema`` answers: the vendored schema until a test changes this copy."""
        with self._lock:
            if self._live_schema is None:
                self._live_schema = copy.deepcopy(vendored().root)
            return self._live_schema

    @property
    def apps(self) -> dict[str, dict[str, Any]]:
        return {a["name"]: a for a in self.all("app")}

    def add_app(
        self,
        name: str,
        *,
        generation: str = "cedar",
        region: str = "us",
        stack: str = "heroku-24",
        owner_email: str = "owner@example.com",
        at: dt.datetime | None = None,
    ) -> dict[str, Any]:
        return self.add(
            "app",
            at=at,
            name=name,
            archived_at=None,
            buildpack_provided_description="Python",
            build_stack={"id": str(uuid.uuid5(_NS, stack)), "name": stack},
            generation={"id": str(uuid.uuid5(_NS, generation)), "name": generation},
            git_url=f"https://git.heroku.com/{name}.git",
            internal_routing=None,
            owner={"email": owner_email, "id": str(uuid.uuid5(_NS, owner_email))},
            organization=None,
            team=None,
            region={"id": str(uuid.uuid5(_NS, region)), "name": region},
            released_at=None,
            repo_size=None,
            slug_size=None,
            space=None,
            stack={"id": str(uuid.uuid5(_NS, stack)), "name": stack},
            web_url=f"https://{name}.herokuapp.com/",
        )

    def update_app(self, name: str, **changes: Any) -> dict[str, Any]:
        """Change an app; its ``updated_at`` moves to now (the fake's clock) unless given."""
        with self._lock:
            app = self.apps[name]
            _merge(app, changes)
            if "updated_at" not in changes:
                app["updated_at"] = self._tick()
            return app

    def _app_items(self, resource: str, app: str) -> list[dict[str, Any]]:
        return self.items[(resource, self.apps[app]["id"])] if app in self.apps else []

    def releases_of(self, app: str) -> list[dict[str, Any]]:
        return self._app_items("release", app)

    def add_release(
        self,
        app: str,
        *,
        status: str = "succeeded",
        description: str | None = None,
        user_email: str = "dev@example.com",
        at: dt.datetime | None = None,
    ) -> dict[str, Any]:
        """The next version; it becomes current (and the previous one stops being current)."""
        with self._lock:
            releases = self.releases_of(app)
            version = len(releases) + 1
            ts = self._tick(at)
            fir = _generation(self.apps[app]) == "fir"  # a Fir release has an OCI image, not a slug
            image = [{"type": "oci-image", "id": self._id("oci-image")}] if fir else []
            for previous in reversed(releases):  # one current release at most
                if previous["current"]:
                    previous["current"] = False
                    previous["updated_at"] = ts
                    break
            release = self.add(
                "release",
                self.apps[app],
                at=dt.datetime.fromisoformat(ts),
                addon_plan_names=["heroku-postgresql:essential-0"],
                artifacts=image,
                description=description or f"Deploy {version:07x}",
                slug=None if fir else {"id": self._id("slug")},
                status=status,
                user={"id": str(uuid.uuid5(_NS, user_email)), "email": user_email},
                version=version,
                current=True,
                output_stream_url=None,
                eligible_for_rollback=True,
            )
            self.apps[app]["released_at"] = ts
            return release

    def update_release(self, app: str, version: int, **changes: Any) -> dict[str, Any]:
        with self._lock:
            release = self.releases_of(app)[version - 1]
            _merge(release, changes)
            release["updated_at"] = self._tick()
            return release

    def add_build(
        self,
        app: str,
        *,
        status: str = "succeeded",
        source_version: str | None = None,
        at: dt.datetime | None = None,
    ) -> dict[str, Any]:
        return self.add(
            "build",
            self.apps[app],
            at=at,
            buildpacks=[{"url": "heroku/python", "name": "heroku/python"}],
            output_stream_url="https://build-output.heroku.com/streams/01234567",
            source_blob={
                "checksum": None,
                "url": "https://example.com/source.tgz",
                "version": source_version or f"{next(self._counter):040x}",
                "version_description": None,
            },
            release=None if status == "pending" else {"id": self._id("release")},
            slug=None,
            stack="heroku-24",
            status=status,
            user={"id": str(uuid.uuid5(_NS, "dev")), "email": "dev@example.com"},
        )

    def update_build(self, app: str, build_id: str, **changes: Any) -> dict[str, Any]:
        with self._lock:
            build = next(b for b in self._app_items("build", app) if b["id"] == build_id)
            _merge(build, changes)
            build["updated_at"] = self._tick()
            return build

    def set_dynos(self, app: str, dynos: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Dynos from short dicts (``name``, and optionally ``state``, ``size``, ``command``)."""
        with self._lock:
            current = next((r for r in reversed(self.releases_of(app)) if r["current"]), None)
            self.items[("dyno", self.apps[app]["id"])] = []
            return [
                self.add(
                    "dyno",
                    self.apps[app],
                    attach_url=None,
                    command=d.get("command", "gunicorn app:app"),
                    name=d["name"],
                    release={
                        "id": current["id"] if current else self._id("release"),
                        "version": current["version"] if current else 1,
                    },
                    size=d.get("size", "standard-1X"),
                    state=d.get("state", "up"),
                    type=d["name"].split(".")[0],
                )
                for d in dynos
            ]

    def set_formation(self, app: str, processes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Formation from short dicts (``type``, and optionally ``quantity``, ``size``, ``command``)."""
        with self._lock:
            self.items[("formation", self.apps[app]["id"])] = []
            result = []
            for p in processes:
                size = p.get("size", "standard-1X")
                result.append(
                    self.add(
                        "formation",
                        self.apps[app],
                        command=p.get("command", "gunicorn app:app"),
                        dyno_size={"id": str(uuid.uuid5(_NS, size)), "name": size},
                        quantity=p.get("quantity", 1),
                        size=size,
                        type=p["type"],
                    )
                )
            return result

    def set_lines(self, app: str, lines: Iterable[str]) -> None:
        with self._lock:
            self.lines[app] = list(lines)[-self.buffer_lines :]

    def append_lines(self, app: str, lines: Iterable[str]) -> None:
        with self._lock:
            self.lines[app] = (self.lines[app] + list(lines))[-self.buffer_lines :]

    def add_one_of_each(self, resources: Iterable[Any]) -> dict[str, Any]:
        """One item of every resource in ``resources`` (parents before children, as the endpoint list
        orders them), each under the first item of its parent; the app is ``shop``, and ``fir-shop`` a Fir
        app for Fir-only lists."""
        app = self.add_app("shop")
        fir = self.add_app("fir-shop", generation="fir")
        for resource in resources:
            name, parent_name = resource.schema_name, resource.parent
            parent = self.all(parent_name)[0] if parent_name else None
            if getattr(resource, "generation", None) == "fir":
                parent = fir
            if name == "app" or getattr(resource, "nested", None):
                continue
            if name == "release":
                self.add_release("shop")
            elif name == "build":
                self.add_build("shop")
            elif name == "dyno":
                self.set_dynos("shop", [{"name": "web.1"}])
            elif name == "formation":
                self.set_formation("shop", [{"type": "web", "quantity": 2}])
            elif name == "slug":
                self.add("slug", app, id=self.releases_of("shop")[0]["slug"]["id"])
            elif name == "oci-image":
                release = self.add_release("fir-shop")
                self.add("oci-image", fir, id=release["artifacts"][0]["id"])
            elif parent is None:
                self.add(name)
            else:
                fields: dict[str, Any] = {}
                yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)  # within a usage window
                usage = {"app_name": "shop", "addons": 1.0, "data": 2.0, "dynos": 3.5, "partner": 0.0}
                apps = {"apps": [usage]} if name.startswith("team-") else {}
                if resource.start_param == "day":
                    fields = {"id": parent["id"], "date": yesterday.isoformat(), **apps}
                elif resource.start_param == "month":
                    fields = {"id": parent["id"], "month": yesterday.isoformat()[:7], **apps}
                elif name == "buildpack-installation":
                    fields = {"ordinal": 0}
                self.add(name, parent, parent_resource=parent_name, **fields)
        return app

    def plant_secret(self, canary: str) -> None:
        """``canary`` in every string that may carry a secret, in every item served: each URL gets it as
        its password, as a path segment and as a query value; each secret-named property (at any depth,
        array items included) gets it as its value; each item gets unknown fields holding it (a
        secret-named one, and URLs and passwords inside a nested array). Planted items are drift cases,
        exempt from the schema check."""
        from heroku_assets.platform_api.secret_names import is_secret_name

        def plant(value: Any, name: str) -> Any:
            if is_secret_name(name):
                return {"Authorization": f"Bearer {canary}"} if isinstance(value, dict) else canary
            if isinstance(value, dict):
                return {k: plant(v, k) for k, v in value.items()}
            if isinstance(value, list):
                return [plant(v, name) for v in value]
            if isinstance(value, str) and "://" in value:
                scheme, _, rest = value.partition("://")
                host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
                return f"{scheme}://user:{canary}@{host}/receiver/v1/http/{canary}?app=shop&x={canary}"
            return value

        with self._lock:
            for items in self.items.values():
                for item in items:
                    for key, value in list(item.items()):
                        item[key] = plant(value, key)
                    item["deploy_token"] = canary
                    item["callbacks"] = [
                        {"url": f"https://hooks.example.com/services/T01/B02/{canary}", "password": canary}
                    ]
                    self._drifted.add(id(item))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def script_faults(self, *faults: Fault) -> None:
        with self._lock:
            self._faults.extend(dataclasses.replace(f) for f in faults)

    def requests_to(self, path_prefix: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]

    # -- serving -------------------------------------------------------------------------------------

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            if not self._faults or not path.startswith(self._faults[0].path or ""):
                return None
            fault = self._faults[0]
            fault.times -= 1
            if fault.times <= 0:
                self._faults.popleft()
            return fault

    def _check(self, link: _Link, items: list[dict[str, Any]]) -> None:
        if self.schema is None:
            return
        for item in items:
            if id(item) in self._drifted:
                continue
            for err in self.schema.item_errors(link.resource, link.href, link.item_schema, item):
                self.schema_errors.append(f"{link.resource} {item.get('id')}: {err}")

    async def handle(self, request: Request) -> Response:
        body = await request.body()
        record = RecordedRequest(
            method=request.method,
            path=request.url.path,
            query=request.url.query,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
        )
        with self._lock:
            self.requests.append(record)
        response = await self._respond(request, record)
        record.status = response.status_code
        return response

    async def _respond(self, request: Request, record: RecordedRequest) -> Response:
        path = record.path
        fault = self._next_fault(path)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status is not None:
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
            return _error(fault.status, headers=headers)
        if path.startswith("/logplex/sessions/"):
            return self._logplex(path.rsplit("/", 1)[-1])

        if record.headers.get("accept") != ACCEPT:
            return _error(400, "Accept must be application/vnd.heroku+json; version=3")
        if record.headers.get("authorization") != f"Bearer {self.token}":
            return _error(401)
        with self._lock:
            if path == "/account/rate-limits":  # free, as on Heroku
                return JSONResponse({"remaining": self.rate_limit_remaining})
            remaining = self._spend()
            if remaining is None:
                return _error(429, headers={"RateLimit-Remaining": "0"})
            limit_headers = {
                "RateLimit-Remaining": str(remaining),
                "Request-Id": str(uuid.uuid4()),
            }
            response = self._route(request, path, record)
        response.headers.update(limit_headers)
        return response

    def _route(self, request: Request, path: str, record: RecordedRequest) -> Response:
        parts = path.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "apps" and parts[2] == "log-sessions" and request.method == "POST":
            if parts[1] in self.forbidden_apps:
                return _error(403, f"You do not have access to the app {parts[1]}.")
            if parts[1] not in self.apps:
                return _error(404)
            return self._create_session(parts[1], record.body)
        if request.method != "GET":
            return _error(404, "Not found.")
        if path == "/schema":
            return JSONResponse(self.live_schema)
        for link in _links():
            match = link.pattern.match(path)
            if match is None:
                continue
            identities = [unquote(g) for g in match.groups()]
            parent = None
            single = link.rel == "self" and link.parents[-1:] != (link.resource,)
            if link.parents and (link.rel == "instances" or len(link.parents) == 2 or single):
                kind, identity = link.parents[0], identities[0]
                if kind == "app" and identity in self.forbidden_apps:
                    return _error(403, f"You do not have access to the app {identity}.")
                parent = self.find(kind, identity)
                if parent is None:
                    return _error(404)
            if single:  # the one object of its parent (a space's NAT) or of the account
                pool = self.items[(link.resource, "" if parent is None else str(parent["id"]))]
                if not pool:
                    return _error(404)
                self._check(link, pool[:1])
                return JSONResponse(pool[0])
            if link.rel == "self":
                if len(link.parents) == 2:
                    pool = self.items[(link.resource, str(parent["id"]))]  # type: ignore[index]
                else:
                    if link.resource == "app" and identities[0] in self.forbidden_apps:
                        return _error(403, f"You do not have access to the app {identities[0]}.")
                    pool = self.all(link.resource)
                item = next((i for i in pool if identities[-1] in (i.get("id"), i.get("name"))), None)
                if item is None:
                    return _error(404)
                self._check(link, [item])
                return JSONResponse(item)
            if link.resource == "buildpack-installation" and _generation(parent) == "fir":
                # Heroku refuses this list for Fir apps, and not with 403 or 404
                # (terraform-provider-heroku#392)
                return _error(422, "Buildpack installations are not available for Fir apps.")
            query = parse_qs(record.query)
            missing = [name for name in link.required if name not in query]
            if missing:
                return _error(422, f"Missing parameters: {', '.join(missing)}.")
            items = (
                self.all(link.resource)
                if parent is None
                else list(self.items[(link.resource, str(parent["id"]))])
            )
            if "start" in query:
                start = query["start"][0]
                items = [i for i in items if str(i.get("date") or i.get("month") or start) >= start]
            return self._list(link, items, record.headers.get("range"))
        return _error(404, "Not found.")

    def _list(self, link: _Link, items: list[dict[str, Any]], range_header: str | None) -> Response:
        keys = link.ranges
        accept_ranges = ", ".join(keys)
        try:
            key, start, exclusive, end, size, desc = _parse_range(
                range_header or f"{keys[0]} ..; max={self.page_size}"
            )
        except ValueError as exc:
            return _error(400, str(exc))
        if key not in keys:
            return JSONResponse(
                {"id": "requested_range_not_satisfiable", "message": f"Unknown range key {key!r}."},
                status_code=416,
                headers={"Accept-Ranges": accept_ranges},
            )

        def value(item: dict[str, Any]) -> Any:
            return item.get("created_at") if key == "started_at" else item.get(key)

        def bound(text: str) -> Any:
            return int(text) if key == "version" else text

        try:
            ordered = sorted(items, key=lambda i: (value(i), i.get("id")), reverse=desc)
            if start:
                s = bound(start)
                if desc:
                    ordered = [i for i in ordered if value(i) < s or (not exclusive and value(i) == s)]
                else:
                    ordered = [i for i in ordered if value(i) > s or (not exclusive and value(i) == s)]
            if end:
                e = bound(end)
                ordered = [i for i in ordered if (value(i) >= e if desc else value(i) <= e)]
        except (TypeError, ValueError):
            return _error(400, f"Bad range value for {key}.")
        page = ordered[: min(size, self.max_page)]
        self._check(link, page)
        headers = {"Accept-Ranges": accept_ranges}
        if page:
            headers["Content-Range"] = f"{key} {value(page[0])}..{value(page[-1])}"
        order = "order=desc, " if desc else ""
        if len(ordered) > len(page):
            headers["Next-Range"] = f"{key} ]{value(page[-1])}..; {order}max={size}"
            return JSONResponse(page, status_code=206, headers=headers)
        return JSONResponse(page, status_code=200, headers=headers)

    def _create_session(self, app: str, body: bytes) -> Response:
        try:
            params = json.loads(body or b"{}")
        except ValueError:
            return _error(400, "Invalid JSON.")
        lines = params.get("lines", 100)
        if not isinstance(lines, int) or not 1 <= lines <= 1500:
            return _error(422, "lines must be between 1 and 1500.")
        session_id = self._id("log-session")
        ts = self._tick()
        self.sessions[session_id] = {"app": app, **params}
        session = {
            "created_at": ts,
            "id": session_id,
            "logplex_url": f"{self.url}/logplex/sessions/{session_id}?srv=1325419200",
            "updated_at": ts,
        }
        if self.schema is not None:
            self.schema_errors.extend(f"log-session: {e}" for e in self.schema.errors("log-session", session))
        return JSONResponse(session, status_code=201)

    def _logplex(self, session_id: str) -> Response:
        with self._lock:
            session = self.sessions.get(session_id)
            if session is None:
                return PlainTextResponse("session not found\n", status_code=404)
            selected = [line for line in self.lines[session["app"]] if _matches(line, session)]
            tail = selected[-session.get("lines", 100) :]
        return Response("".join(line + "\n" for line in tail), media_type="text/plain; charset=utf-8")


def _generation(item: dict[str, Any] | None) -> str | None:
    generation = (item or {}).get("generation")
    return generation.get("name") if isinstance(generation, dict) else None


def _matches(line: str, session: dict[str, Any]) -> bool:
    """Logplex's session filters: ``source`` (app | heroku), ``dyno_name`` (a dyno, or a process type
    matching its dynos) and ``type`` (a process type)."""
    m = _LINE.match(line)
    source, dyno = (m.group("source"), m.group("dyno")) if m else (None, None)
    if session.get("source") and source != session["source"]:
        return False
    want = session.get("dyno_name") or session.get("dyno")
    if want and not (dyno == want or (dyno or "").startswith(want + ".")):
        return False
    return not (session.get("type") and (dyno or "").split(".")[0] != session["type"])


def _parse_range(header: str) -> tuple[str, str, bool, str, int, bool]:
    """``key [start]..[end]; max=N, order=desc`` -> (key, start, exclusive start, end, max, descending)."""
    spec, _, params = header.partition(";")
    key, _, bounds = spec.strip().partition(" ")
    if ".." not in bounds:
        raise ValueError(f"Bad range {header!r}.")
    start, _, end = bounds.strip().partition("..")
    exclusive = start.startswith("]")
    size, desc = 200, False
    for param in filter(None, (p.strip() for p in params.split(","))):
        name, _, value = param.partition("=")
        if name.strip() == "max":
            size = int(value)
            if not 1 <= size <= 1000:
                raise ValueError("max must be between 1 and 1000.")
        elif name.strip() == "order":
            desc = value.strip() == "desc"
    return key, start.lstrip("]").strip(), exclusive, end.strip(), size, desc


class _Current:
    """The fake the shared server answers for: each test gets a fresh one without a new server."""

    def __init__(self) -> None:
        self.fake: FakeHeroku | None = None

    async def handle(self, request: Request) -> Response:
        fake = self.fake
        if fake is None:
            return _error(503, "No fake installed.")
        return await fake.handle(request)


def build_app(fake: FakeHeroku | _Current) -> Starlette:
    return Starlette(routes=[Route("/{path:path}", fake.handle, methods=["GET", "POST", "PATCH", "DELETE"])])


@pytest.fixture(scope="session")
def fake_heroku_server() -> Iterator[tuple[_Current, str]]:
    """One loopback server for the session; ``fake_heroku`` installs a fresh fake in it per test."""
    current = _Current()
    with serve(build_app(current)) as served:
        yield current, served.url


@pytest.fixture
def fake_heroku(
    request: pytest.FixtureRequest, fake_heroku_server: tuple[_Current, str]
) -> Iterator[FakeHeroku]:
    """A fresh fake Heroku API at ``.url``; schema-checked when a ``heroku_schema_path`` fixture is visible
    and returns a path."""
    schema = None
    try:
        schema_path = request.getfixturevalue("heroku_schema_path")
    except pytest.FixtureLookupError:
        schema_path = None
    if schema_path is not None and Path(schema_path).is_file():
        schema = _schema(Path(schema_path))
    current, url = fake_heroku_server
    fake = FakeHeroku(schema=schema)
    fake.url = url
    current.fake = fake
    try:
        yield fake
    finally:
        current.fake = None
    assert not fake.schema_errors, (
        "the fake served entities that break the Platform API schema:\n" + "\n".join(fake.schema_errors[:20])
    )


_SCHEMAS: dict[Path, HerokuSchema] = {}


def _schema(path: Path) -> HerokuSchema:
    """Parsing the 570 kB schema once per session, not per test."""
    if path not in _SCHEMAS:
        _SCHEMAS[path] = HerokuSchema(path)
    return _SCHEMAS[path]
