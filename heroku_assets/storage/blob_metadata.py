"""Store metadata as blob metadata: names checked, values percent-encoded where they would not travel as
HTTP headers, and decoded back."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote, unquote

# Blob metadata names must be C# identifiers; values travel as HTTP headers, so ASCII only.
_META_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


_META_SAFE = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")


# An empty header value does not survive every hop; encoding never makes "%-" (a '%' is always "%25").
_EMPTY_VALUE = "%-"


def encode_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    """Blob metadata from store metadata: names checked, values percent-encoded where not plain ASCII.

    Printable ASCII other than ``%`` is kept as is, so ``days`` and ``format`` stay readable in the portal;
    anything else (non-ASCII, control characters, ``%``, edge spaces that HTTP would trim) is escaped,
    and an empty value is written as a marker.
    """
    encoded = {}
    for name, value in (metadata or {}).items():
        if not _META_NAME.match(name):
            raise ValueError(f"invalid blob metadata name {name!r}: letters, digits and _ only")
        if not isinstance(value, str):
            raise ValueError(f"blob metadata {name!r} must be a string, not {type(value).__name__}")
        text = quote(value, safe=_META_SAFE)
        stripped = text.strip(" ")
        if stripped != text:
            lead = len(text) - len(text.lstrip(" "))
            trail = len(text) - len(text.rstrip(" "))
            text = "%20" * lead + stripped + "%20" * trail
        encoded[name] = text or _EMPTY_VALUE
    return encoded


def decode_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    return {
        name: "" if value in (None, "", _EMPTY_VALUE) else unquote(value)
        for name, value in (metadata or {}).items()
    }
