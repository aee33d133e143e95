"""A fake Heroku Platform API (and Logplex session endpoint), served over real HTTP on 127.0.0.1.

Use it through the ``fake_heroku`` pytest fixture (the top-level conftest.py imports it, the session
server it runs on and the schema path fixture, so every served entity is checked).

It yields a fresh, running ``FakeHeroku`` per test (one loopback server is shared by the session):

    fake_heroku.url                     base URL for ``HerokuClient(token, base_url=...)``
    fake_heroku.token                   the only token it accepts (``Authorization: Bearer ...``)
    fake_heroku.add_app("my-app")       an app (schema-valid JSON); ``generation="fir"`` for Fir apps
    fake_heroku.add_release(app, ...)   next version, becomes current; ``update_release(app, v, ...)``
    fake_heroku.add_build(app, ...)     ``update_build(app, build_id, status=...)``
    fake_heroku.set_dynos(app, [...]) / set_formation(app, [...])   dicts of name/type/size/...
    fake_heroku.set_lines(app, lines) / append_lines(app, lines)   `heroku logs` text lines; the buffer
                                        keeps the last ``buffer_lines`` (1500), like Logplex
    fake_heroku.script_faults(Fault.rate_limited(retry_after="1"), Fault.server_error(times=3),
                              Fault.slow(2.0), Fault.error(401))   applied to the next requests in order
    fake_heroku.rate_limit_remaining    the RateLimit-Remaining it reports (one token per API call;
                                        at 0 it answers 429 like Heroku)
    fake_heroku.forbidden_apps          app names answered with 403
    fake_heroku.requests                every request received (method, path, headers, body, status)

It implements ranges as Heroku does: ``Range: <key> [<start>|]<start>]..[<end>]; max=N[, order=desc]``
on the list's sort keys (apps: id, name, updated_at; releases: id, version; builds: id, started_at),
answering 206 with ``Next-Range`` while more remain, ``Accept-Ranges`` and ``Content-Range`` always, and
416 for an unknown key. Timestamps are unique so an exclusive ``Next-Range`` start never skips an item.

When the fixture finds a ``heroku_schema_path`` fixture (top-level conftest.py: the vendored schema), every
entity it serves is validated against ``definitions/<resource>`` of the Platform API JSON schema, and the
test fails at teardown if one did not match.
"""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import datetime as dt
import itertools
import json
import re
import threading
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from heroku_assets_tests.fakes.server import serve

ACCEPT = "application/vnd.heroku+json; version=3"
_NS = uuid.UUID("6f0d3c38-2d0b-4a53-9d8a-6d8e7b1c2a10")
_LINE = re.compile(r"^\S+ (?P<source>[^\s\[]+)\[(?P<dyno>[^\]]+)\]:")
SORT_KEYS = {
    "apps": ("id", "name", "updated_at"),
    "releases": ("id", "version"),
    "builds": ("id", "started_at"),
}
_RESOURCE = {
    "apps": "app",
    "releases": "release",
    "builds": "build",
    "dynos": "dyno",
    "formation": "formation",
}


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


class FakeHeroku:
    """The fake's data and behaviour; see the module docstring. Thread-safe: tests change it while the
    server thread answers."""

    def __init__(
        self,
        token: str = "fake-heroku-token",
        *,
        buffer_lines: int = 1500,
        schema: HerokuSchema | None = None,
    ) -> None:
        self.token = token
        self.url = ""
        self.buffer_lines = buffer_lines
        self.schema = schema
        self.schema_errors: list[str] = []
        self.apps: dict[str, dict[str, Any]] = {}
        self.releases: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        self.builds: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        self.dynos: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        self.formation: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        self.lines: dict[str, list[str]] = collections.defaultdict(list)
        self.sessions: dict[str, dict[str, Any]] = {}
        self.forbidden_apps: set[str] = set()
        self.rate_limit_remaining = 4500
        self.requests: list[RecordedRequest] = []
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.RLock()
        self._clock = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
        self._counter = itertools.count(1)

    # -- data ----------------------------------------------------------------------------------------

    def _tick(self, at: dt.datetime | None = None) -> str:
        """A unique, increasing timestamp (a minute per event) unless ``at`` is given."""
        if at is None:
            self._clock += dt.timedelta(minutes=1)
            at = self._clock
        return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _id(self, kind: str) -> str:
        return str(uuid.uuid5(_NS, f"{kind}:{next(self._counter)}"))

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
        with self._lock:
            ts = self._tick(at)
            app = {
                "acm": False,
                "archived_at": None,
                "buildpack_provided_description": "Python",
                "build_stack": {"id": str(uuid.uuid5(_NS, stack)), "name": stack},
                "created_at": ts,
                "generation": {"id": str(uuid.uuid5(_NS, generation)), "name": generation},
                "git_url": f"https://git.heroku.com/{name}.git",
                "id": self._id("app"),
                "internal_routing": None,
                "maintenance": False,
                "name": name,
                "owner": {"email": owner_email, "id": str(uuid.uuid5(_NS, owner_email))},
                "organization": None,
                "team": None,
                "region": {"id": str(uuid.uuid5(_NS, region)), "name": region},
                "released_at": None,
                "repo_size": None,
                "slug_size": None,
                "space": None,
                "stack": {"id": str(uuid.uuid5(_NS, stack)), "name": stack},
                "updated_at": ts,
                "web_url": f"https://{name}.herokuapp.com/",
            }
            self.apps[name] = app
            return app

    def update_app(self, name: str, **changes: Any) -> dict[str, Any]:
        """Change an app; its ``updated_at`` moves to now (the fake's clock) unless given."""
        with self._lock:
            app = self.apps[name]
            app.update(changes)
            if "updated_at" not in changes:
                app["updated_at"] = self._tick()
            return app

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
            releases = self.releases[app]
            version = len(releases) + 1
            ts = self._tick(at)
            for previous in reversed(releases):  # one current release at most
                if previous["current"]:
                    previous["current"] = False
                    previous["updated_at"] = ts
                    break
            release = {
                "addon_plan_names": ["heroku-postgresql:essential-0"],
                "artifacts": [],
                "app": {"name": app, "id": self.apps[app]["id"] if app in self.apps else self._id("app")},
                "created_at": ts,
                "description": description or f"Deploy {version:07x}",
                "id": self._id("release"),
                "updated_at": ts,
                "slug": {"id": self._id("slug")},
                "status": status,
                "user": {"id": str(uuid.uuid5(_NS, user_email)), "email": user_email},
                "version": version,
                "current": True,
                "output_stream_url": None,
                "eligible_for_rollback": True,
            }
            releases.append(release)
            if app in self.apps:
                self.apps[app]["released_at"] = ts
            return release

    def update_release(self, app: str, version: int, **changes: Any) -> dict[str, Any]:
        with self._lock:
            release = self.releases[app][version - 1]
            release.update(changes)
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
        with self._lock:
            ts = self._tick(at)
            build = {
                "app": {"id": self.apps[app]["id"] if app in self.apps else self._id("app")},
                "buildpacks": [{"url": "heroku/python", "name": "heroku/python"}],
                "created_at": ts,
                "id": self._id("build"),
                "output_stream_url": "https://build-output.heroku.com/streams/01234567",
                "source_blob": {
                    "checksum": None,
                    "url": "https://example.com/source.tgz",
                    "version": source_version or f"{next(self._counter):040x}",
                    "version_description": None,
                },
                "release": None if status == "pending" else {"id": self._id("release")},
                "slug": None,
                "stack": "heroku-24",
                "status": status,
                "updated_at": ts,
                "user": {"id": str(uuid.uuid5(_NS, "dev")), "email": "dev@example.com"},
            }
            self.builds[app].append(build)
            return build

    def update_build(self, app: str, build_id: str, **changes: Any) -> dict[str, Any]:
        with self._lock:
            build = next(b for b in self.builds[app] if b["id"] == build_id)
            build.update(changes)
            build["updated_at"] = self._tick()
            return build

    def set_dynos(self, app: str, dynos: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Dynos from short dicts (``name``, and optionally ``state``, ``size``, ``command``)."""
        with self._lock:
            current = next((r for r in reversed(self.releases[app]) if r["current"]), None)
            result = []
            for d in dynos:
                ts = self._tick()
                result.append(
                    {
                        "attach_url": None,
                        "command": d.get("command", "gunicorn app:app"),
                        "created_at": ts,
                        "id": self._id("dyno"),
                        "name": d["name"],
                        "release": {
                            "id": current["id"] if current else self._id("release"),
                            "version": current["version"] if current else 1,
                        },
                        "app": {
                            "name": app,
                            "id": self.apps[app]["id"] if app in self.apps else self._id("app"),
                        },
                        "size": d.get("size", "standard-1X"),
                        "state": d.get("state", "up"),
                        "type": d["name"].split(".")[0],
                        "updated_at": ts,
                    }
                )
            self.dynos[app] = result
            return result

    def set_formation(self, app: str, processes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Formation from short dicts (``type``, and optionally ``quantity``, ``size``, ``command``)."""
        with self._lock:
            result = []
            for p in processes:
                ts = self._tick()
                size = p.get("size", "standard-1X")
                result.append(
                    {
                        "app": {
                            "name": app,
                            "id": self.apps[app]["id"] if app in self.apps else self._id("app"),
                        },
                        "command": p.get("command", "gunicorn app:app"),
                        "created_at": ts,
                        "dyno_size": {"id": str(uuid.uuid5(_NS, size)), "name": size},
                        "id": self._id("formation"),
                        "quantity": p.get("quantity", 1),
                        "size": size,
                        "type": p["type"],
                        "updated_at": ts,
                    }
                )
            self.formation[app] = result
            return result

    def set_lines(self, app: str, lines: Iterable[str]) -> None:
        with self._lock:
            self.lines[app] = list(lines)[-self.buffer_lines :]

    def append_lines(self, app: str, lines: Iterable[str]) -> None:
        with self._lock:
            self.lines[app] = (self.lines[app] + list(lines))[-self.buffer_lines :]

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

    def _check(self, resource: str, items: list[dict[str, Any]]) -> None:
        if self.schema is None:
            return
        for item in items:
            for err in self.schema.errors(resource, item):
                self.schema_errors.append(f"{resource} {item.get('id')}: {err}")

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
            if self.rate_limit_remaining <= 0:
                return _error(429, headers={"RateLimit-Remaining": "0"})
            self.rate_limit_remaining -= 1
            limit_headers = {
                "RateLimit-Remaining": str(self.rate_limit_remaining),
                "Request-Id": str(uuid.uuid4()),
            }
            response = self._route(request, path, record)
        response.headers.update(limit_headers)
        return response

    def _route(self, request: Request, path: str, record: RecordedRequest) -> Response:
        parts = path.strip("/").split("/")
        if parts == ["apps"] and request.method == "GET":
            return self._list("apps", list(self.apps.values()), record.headers.get("range"))
        if len(parts) < 2 or parts[0] != "apps":
            return _error(404, "Not found.")
        app = parts[1]
        if app in self.forbidden_apps:
            return _error(403, f"You do not have access to the app {app}.")
        if app not in self.apps:
            return _error(404)
        if len(parts) == 2 and request.method == "GET":
            self._check("app", [self.apps[app]])
            return JSONResponse(self.apps[app])
        if len(parts) == 3 and request.method == "GET" and parts[2] in ("releases", "builds"):
            return self._list(parts[2], getattr(self, parts[2])[app], record.headers.get("range"))
        if len(parts) == 3 and request.method == "GET" and parts[2] in ("dynos", "formation"):
            items = list(getattr(self, parts[2])[app])
            self._check(_RESOURCE[parts[2]], items)
            return JSONResponse(items)
        if parts[2:] == ["log-sessions"] and request.method == "POST":
            return self._create_session(app, record.body)
        return _error(404, "Not found.")

    def _list(self, kind: str, items: list[dict[str, Any]], range_header: str | None) -> Response:
        keys = SORT_KEYS[kind]
        accept_ranges = ", ".join(keys)
        try:
            key, start, exclusive, end, size, desc = _parse_range(range_header or "id ..; max=200")
        except ValueError as exc:
            return _error(400, str(exc))
        if key not in keys:
            return JSONResponse(
                {"id": "requested_range_not_satisfiable", "message": f"Unknown range key {key!r}."},
                status_code=416,
                headers={"Accept-Ranges": accept_ranges},
            )

        def value(item: dict[str, Any]) -> Any:
            return item["created_at"] if key == "started_at" else item[key]

        def bound(text: str) -> Any:
            return int(text) if key == "version" else text

        try:
            ordered = sorted(items, key=lambda i: (value(i), i["id"]), reverse=desc)
            if start:
                s = bound(start)
                if desc:
                    ordered = [i for i in ordered if value(i) < s or (not exclusive and value(i) == s)]
                else:
                    ordered = [i for i in ordered if value(i) > s or (not exclusive and value(i) == s)]
            if end:
                e = bound(end)
                ordered = [i for i in ordered if (value(i) >= e if desc else value(i) <= e)]
        except ValueError:
            return _error(400, f"Bad range value for {key}.")
        page = ordered[:size]
        self._check(_RESOURCE[kind], page)
        headers = {"Accept-Ranges": accept_ranges}
        if page:
            headers["Content-Range"] = f"{key} {value(page[0])}..{value(page[-1])}"
        order = "order=desc, " if desc else ""
        if len(ordered) > size:
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
        self._check("log-session", [session])
        return JSONResponse(session, status_code=201)

    def _logplex(self, session_id: str) -> Response:
        with self._lock:
            session = self.sessions.get(session_id)
            if session is None:
                return PlainTextResponse("session not found\n", status_code=404)
            selected = [line for line in self.lines[session["app"]] if _matches(line, session)]
            tail = selected[-session.get("lines", 100) :]
        return Response("".join(line + "\n" for line in tail), media_type="text/plain; charset=utf-8")


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
