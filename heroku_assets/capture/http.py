"""Request helpers both HTTP receivers (the Logplex drain and OTLP) share."""

from __future__ import annotations

import base64
import binascii


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
