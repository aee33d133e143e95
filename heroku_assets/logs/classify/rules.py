"""Per-line reference rules: which columns a router, metrics or platform message gives.

These functions define the result for every shape of message; the columnar fast paths in ``columnar``
only take the lines these rules read identically, and the tests compare both.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from heroku_assets.logs.logplex import logfmt

# A message holds metrics when a token starts with sample#name= (RE2 and Python read it the same).
METRICS_PATTERN = r"(?:^|[ \t\n\r\f\v])sample#[^ \t\n\r\f\v=]+="
PLATFORM_APP_DYNOS = ("api", "log-shuttle")
# metrics keys read into columns (each once): key -> column
_METRIC_KEYS = {"source": "source_name", "dyno": "dyno_id", "addon": "addon"}


# ------------------------------------------------------------------------------------------ converters

_BAD: Any = object()  # a value that does not convert: the column gets null, extra keeps the value
_MS = re.compile(r"(\d{1,15})(?:ms)?\Z", re.ASCII)
_INT = re.compile(r"[+-]?\d{1,19}\Z", re.ASCII)
_NUMBER = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([A-Za-z%]*)\Z", re.ASCII)


def to_ms(value: str) -> int:
    """`12ms` or `12` as whole milliseconds."""
    m = _MS.match(value)
    return int(m.group(1)) if m else _BAD


def _to_int(bits: int) -> Callable[[str], int]:
    low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1

    def convert(value: str) -> int:
        if not _INT.match(value):
            return _BAD
        number = int(value)
        return number if low <= number <= high else _BAD

    return convert


def to_bool(value: str) -> bool:
    """`true` or `false`, in any case."""
    lowered = value.lower()
    return True if lowered == "true" else False if lowered == "false" else _BAD


def _to_str(value: str) -> str:
    return value


# router key -> (column, converter)
ROUTER_KEYS: dict[str, tuple[str, Callable[[str], Any]]] = {
    **{
        k: (k, _to_str)
        for k in (
            "at",
            "code",
            "desc",
            "sock",
            "cause",
            "method",
            "path",
            "host",
            "request_id",
            "fwd",
            "dyno",
            "protocol",
            "tls_version",
        )
    },
    "connect": ("connect_ms", to_ms),
    "service": ("service_ms", to_ms),
    "status": ("status", _to_int(32)),
    "bytes": ("bytes", _to_int(64)),
    "tls": ("tls", to_bool),
}


def _put(extra: dict[str, Any], key: str, value: Any) -> None:
    """Keep a value in extra; a key seen again keeps all its values, in order, as a list."""
    if key in extra:
        old = extra[key]
        extra[key] = [*old, value] if isinstance(old, list) else [old, value]
    else:
        extra[key] = value


def _json(extra: dict[str, Any]) -> str | None:
    return json.dumps(extra, ensure_ascii=False, separators=(",", ":")) if extra else None


# ------------------------------------------------------------------------------ per-line reference


def router_row(message: str) -> dict[str, Any]:
    """A router message's columns. The first occurrence of a known key fills its column; an empty
    value is null; a value that does not convert, a repeated key, an unknown key or a bare word (as
    ``true``) is kept in ``extra``."""
    row: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in logfmt.tokens(message):
        if value is None:
            _put(extra, key, True)
            continue
        known = ROUTER_KEYS.get(key)
        if known is None or known[0] in row:
            _put(extra, key, value if value != "" else None)
            continue
        column, convert = known
        if value == "":
            row[column] = None
            continue
        converted = convert(value)
        if converted is _BAD:
            row[column] = None
            _put(extra, key, value)
        else:
            row[column] = converted
    row["extra"] = _json(extra)
    return row


def metric_rows(dyno: str | None, message: str) -> list[dict[str, Any]]:
    """One row per ``sample#name=value``: the value as a float with its unit split off (an unreadable
    value gives null and is kept in extra). ``dyno`` is the process, as in every other table: the line's
    dyno (``web.1``), else the ``source=`` value; the ``dyno=`` value (``heroku.<app id>.<uuid>``) goes
    to ``dyno_id``. ``source=``, ``dyno=`` and ``addon=`` are read once each; any other key, a repeat or
    a bare word is kept in extra."""
    shared: dict[str, Any] = {"source_name": None, "dyno_id": None, "addon": None}
    seen: set[str] = set()
    extra: dict[str, Any] = {}
    samples: list[tuple[str, float | None, str | None]] = []
    for key, value in logfmt.tokens(message):
        if value is None:
            _put(extra, key, True)
        elif key.startswith("sample#") and len(key) > 7:
            m = _NUMBER.match(value)
            if m is None or not math.isfinite(float(m.group(1))):
                samples.append((key[7:], None, None))
                _put(extra, key, value)
            else:
                samples.append((key[7:], float(m.group(1)), m.group(2) or None))
        elif key in _METRIC_KEYS and key not in seen:
            seen.add(key)
            shared[_METRIC_KEYS[key]] = value or None
        else:
            _put(extra, key, value if value != "" else None)
    shared["dyno"] = dyno if dyno is not None else shared["source_name"]
    shared["extra"] = _json(extra)
    return [{**shared, "metric": name, "value": value, "unit": unit} for name, value, unit in samples]


_PLATFORM = [
    ("state_change", re.compile(r"State changed from (?P<from_state>\S+) to (?P<to_state>\S+)", re.ASCII)),
    ("process_start", re.compile(r"Starting process with command ")),
    ("process_exit", re.compile(r"Process exited with status (?P<exit_status>[+-]?\d+)", re.ASCII)),
    ("stopping", re.compile(r"Stopping ")),
    ("idling", re.compile(r"Idling\b")),
    # "Error R14 (Memory quota exceeded)", and Logplex's loss reports with or without the word:
    # "L11 (Tail buffer overflow) -> This tail session dropped 1101 messages since ..."
    ("error", re.compile(r"(?:Error |(?=[A-Z]\d\d \())(?P<code>[A-Z]\d\d)\b", re.ASCII)),
    ("release", re.compile(r"Release v(?P<release_version>\d+)\b", re.ASCII)),
    ("deploy", re.compile(r"Deploy(?:ed)? ")),
    ("scale", re.compile(r"Scaled? to ")),
    ("build", re.compile(r"Build ")),
]
_ACTOR = re.compile(r".* by (?:user (?P<user>\S+)|(?P<email>\S+@\S+))\Z", re.ASCII | re.DOTALL)
_INT32 = _to_int(32)


def platform_row(message: str) -> dict[str, Any]:
    """A platform message's event type and the fields it carries (see the table declaration)."""
    row: dict[str, Any] = {"event_type": "other"}
    for event_type, pattern in _PLATFORM:
        m = pattern.match(message)
        if m:
            row["event_type"] = event_type
            for key, value in m.groupdict().items():
                if key in ("exit_status", "release_version"):
                    number = _INT32(value)
                    value = None if number is _BAD else number
                row[key] = value
            break
    actor = _ACTOR.match(message) if " by " in message else None
    if actor:
        row["actor"] = actor.group("user") or actor.group("email")
    return row


def process_type(dyno: str | None) -> str | None:
    """The process type of a dyno name: web.1 -> web, run.2660 -> run, router -> router."""
    return None if dyno is None else dyno.split(".", 1)[0]
