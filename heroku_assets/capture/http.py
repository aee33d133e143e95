"""What both HTTP receivers (the Logplex drain and OTLP) share: reading headers and credentials, the
counters ``/health`` reports, and the answer that asks the sender to retry. The receivers only decode."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
from collections.abc import Mapping

from starlette.responses import PlainTextResponse, Response

from heroku_assets.capture.drain_config import DrainConfig


def header_value(value: str | None, limit: int = 256) -> str:
    """A header as a metadata value: printable ASCII only (blob metadata allows nothing else), bounded."""
    if not value:
        return ""
    if value.isascii() and value.isprintable():
        return value[:limit]
    return "".join(c for c in value if " " <= c <= "~")[:limit]


def basic_credentials(header: str) -> tuple[bytes, bytes]:
    """User and password of an ``Authorization: Basic`` header; empty ones when it is not one."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return b"", b""
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return b"", b""
    user, _, password = decoded.partition(b":")
    return user, password


def bearer_token(header: str) -> str:
    """The token of an ``Authorization: Bearer`` header; empty when it is not one."""
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def check_credentials(
    config: DrainConfig, headers: Mapping[str, str], path_token: str | None, *, allow_bearer: bool
) -> bool:
    """Every configured credential must match: Basic when configured; the path token when configured,
    in the path (or, with ``allow_bearer``, as a Bearer token). A token in the path that no one
    configured is a misaddressed drain. Each is compared in constant time, and all are compared whatever
    the outcome of the first, so timing says nothing about which one failed."""
    header = headers.get("authorization", "")
    ok = True
    if config.path_token is not None:
        expected = config.path_token.encode()
        in_path = hmac.compare_digest((path_token or "").encode(), expected)
        as_bearer = allow_bearer and hmac.compare_digest(bearer_token(header).encode(), expected)
        ok &= in_path | as_bearer
    elif path_token:
        ok = False
    if config.uses_basic:
        assert config.username is not None and config.password is not None
        user, password = basic_credentials(header)
        ok &= hmac.compare_digest(user, config.username.encode())
        ok &= hmac.compare_digest(password, config.password.encode())
    return ok


@dataclasses.dataclass
class Counters:
    """What a receiver did since it started, for ``/health``: requests made durable, not made durable
    (answered 503) and refused for their credentials."""

    stored: int = 0
    failed: int = 0
    refused: int = 0

    def as_dict(self, prefix: str = "") -> dict[str, int]:
        return {prefix + name: value for name, value in dataclasses.asdict(self).items()}


def retry_later() -> Response:
    """The answer to a request that is not durable: 503 with Retry-After, which both Logplex and OTLP
    exporters retry (OTLP retries only 429, 502, 503 and 504; Logplex any 5xx)."""
    return PlainTextResponse("not stored, retry later\n", status_code=503, headers={"Retry-After": "1"})
