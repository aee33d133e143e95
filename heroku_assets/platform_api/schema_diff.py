"""What changed between two Platform API schemas: resources and properties added or removed, properties
whose column type would change (a retyped value would land in ``_extra`` until the vendored schema is
updated), and strings whose width or enum changed (``reshaped``: values would be reported as outside the
schema or cut)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from heroku_assets.platform_api.endpoints import ENDPOINTS
from heroku_assets.platform_api.schema import Leaf, PlatformSchema


def _leaves(platform: PlatformSchema, resource: str) -> dict[str, Leaf]:
    item: dict[str, Any] = platform.definition(resource)
    captured = _captured().get(resource)
    if captured is not None:
        with contextlib.suppress(KeyError):  # the live schema dropped the captured list: compare the rest
            item = platform.item_schema(resource, captured.path)
    return {".".join(leaf.path): leaf for leaf in platform.leaves(item)}


def _captured() -> dict:
    return {r.schema_name: r for r in ENDPOINTS if not r.nested}


def _shape(leaf: Leaf) -> str:
    if leaf.type != "string":
        return leaf.type
    return f"string({leaf.width})" + (f" enum {'|'.join(leaf.enum)}" if leaf.enum else "")


def schema_diff(
    vendored: PlatformSchema, live: PlatformSchema, *, captured_only: bool = True
) -> Iterator[dict]:
    """One dict per change, resources in name order: ``{"change": "added" | "removed" | "retyped",
    "resource": ..., "property": ..., ...}`` (``property`` is absent for a whole resource)."""
    old, new = set(vendored.resources), set(live.resources)
    names = sorted(old | new)
    if captured_only:
        names = [n for n in names if n in _captured()]
    for name in names:
        if name not in new:
            yield {"change": "removed", "resource": name}
            continue
        if name not in old:
            yield {"change": "added", "resource": name}
            continue
        before, after = _leaves(vendored, name), _leaves(live, name)
        for prop in sorted(before.keys() | after.keys()):
            if prop not in after:
                yield {"change": "removed", "resource": name, "property": prop, "type": _shape(before[prop])}
            elif prop not in before:
                yield {"change": "added", "resource": name, "property": prop, "type": _shape(after[prop])}
            elif _shape(before[prop]) != _shape(after[prop]):
                yield {
                    # a new enum value or a wider string: values the columns would cut or warn about
                    "change": "retyped" if before[prop].type != after[prop].type else "reshaped",
                    "resource": name,
                    "property": prop,
                    "from": _shape(before[prop]),
                    "to": _shape(after[prop]),
                }
