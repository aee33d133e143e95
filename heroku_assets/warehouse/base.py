"""What every warehouse loader offers, so the Dagster assets do not care which one runs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import Table

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")


def validate_identifier(name: str) -> str:
    """Identifiers cannot be bound as parameters, so every one that reaches SQL passes through here."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"invalid SQL identifier: {name!r}")
    return name


class Warehouse(Protocol):
    def ensure_tables(self, tables: Sequence[Table]) -> None:
        """Create the schemas and tables that do not exist yet (idempotent)."""
        ...

    def replace_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> int:
        """Replace the rows of (app, day) with the staged Parquet objects ``keys``, in one transaction,
        in bulk; return the number of rows the partition now holds."""
        ...

    def upsert(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> int:
        """Insert or update rows by the table's primary key from staged Parquet; return rows merged."""
        ...

    def partition_rows(self, table: Table, app: str, day: dt.date) -> int:
        """How many rows (app, day) holds: what the staged-versus-loaded check compares."""
        ...

    def duplicate_request_ids(self, app: str, day: dt.date) -> int:
        """How many request_ids occur more than once in (app, day) of router_events (Heroku does not
        promise they are unique, so this is reported, not enforced)."""
        ...

    def ensure_views(self) -> list[str]:
        """Create or replace the analytics views; return their names."""
        ...

    # A warehouse may also offer ``last_load_metadata() -> dict[str, object]``: what its last
    # ``replace_partition`` or ``upsert`` reported beyond the row count (Synapse: truncated values, COPY
    # INTO sources). Read it through ``load_metadata``, which gives {} for warehouses without one.


def load_metadata(warehouse: object) -> dict[str, object]:
    """The last load's report of a warehouse that keeps one (as asset metadata), else {}."""
    report = getattr(warehouse, "last_load_metadata", None)
    return dict(report()) if callable(report) else {}
