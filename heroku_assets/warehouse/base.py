"""What every warehouse loader offers, so the Dagster assets do not care which one runs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import Table

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")
# Secrets as drivers and servers echo them: a SAS signature, a connection string's password or account
# key, a COPY credential's SECRET = '...'.
_SECRET_VALUES = re.compile(
    r"(?i)\b(sig|pwd|password|accountkey|sharedaccesssignature|client_secret)(\s*=\s*)(\{(?:[^}]|\}\})*\}|[^;&\s'\"]+)"
)
_SECRET_LITERAL = re.compile(r"(?i)(\bSECRET\s*=\s*)'(?:[^']|'')*'")


def validate_identifier(name: str) -> str:
    """Identifiers cannot be bound as parameters, so every one that reaches SQL passes through here."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"invalid SQL identifier: {name!r}")
    return name


def driver_message(exc: BaseException) -> str:
    """A database driver's own words: pyodbc puts (SQLSTATE, message) in ``args``, DuckDB the message."""
    return str(exc.args[1]) if len(exc.args) > 1 else str(exc)


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` with the given secrets and anything shaped like one (``sig=``, ``PWD=``, ``Password=``,
    ``AccountKey=``, ``SECRET = '...'``) replaced by ``***``, for messages and logs."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = _SECRET_LITERAL.sub(r"\1'***'", text)
    return _SECRET_VALUES.sub(r"\1\2***", text)


class WarehouseError(RuntimeError):
    """A warehouse operation failed; the message says which and why, without any secret."""


class StagedObjectsMissing(WarehouseError):
    """A load's staged objects are not in the staging store (a lifecycle rule, a cleanup, another
    staging container): nothing was loaded and the previous rows are kept."""


@dataclass(frozen=True)
class LoadResult:
    """What a load did. ``rows``: rows the partition holds afterwards (replace) or rows merged (upsert).
    ``truncated_rows``: rows with at least one value cut to its column's width (``truncated_columns``
    counts them per column); they are loaded, and flagged here rather than failing the load."""

    table: str
    rows: int
    staged_rows: int
    truncated_rows: int = 0
    truncated_columns: Mapping[str, int] = field(default_factory=dict)
    duplicate_rows: int = 0
    sources: tuple[str, ...] = ()

    def metadata(self) -> dict[str, object]:
        """The figures as asset metadata (URLs carry no secret)."""
        out: dict[str, object] = {
            "rows": self.rows,
            "staged_rows": self.staged_rows,
            "truncated_rows": self.truncated_rows,
        }
        if self.truncated_columns:
            out["truncated_columns"] = dict(self.truncated_columns)
        if self.duplicate_rows:
            out["duplicate_rows"] = self.duplicate_rows
        if self.sources:
            out["copy_sources"] = list(self.sources)
        return out


class Warehouse(Protocol):
    def ensure_tables(self, tables: Sequence[Table]) -> None:
        """Create the schemas and tables that do not exist yet (idempotent)."""
        ...

    def replace_partition(
        self, table: Table, app: str, day: dt.date, store: ObjectStore, keys: Sequence[str]
    ) -> LoadResult:
        """Replace the rows of (app, day) with the staged Parquet objects ``keys``, in one transaction,
        in bulk; the result says what the partition holds now."""
        ...

    def replace_day(
        self, table: Table, day: dt.date, partitions: Mapping[str, Sequence[str]], store: ObjectStore
    ) -> dict[str, LoadResult]:
        """Replace the (app, day) partition of every app in ``partitions`` (app -> staged objects) in one
        load and one transaction, checked per partition; then refresh the table's statistics."""
        ...

    def upsert(self, table: Table, store: ObjectStore, keys: Sequence[str]) -> LoadResult:
        """Insert or update rows by the table's primary key from staged Parquet."""
        ...

    def partition_rows(self, table: Table, app: str, day: dt.date) -> int:
        """How many rows (app, day) holds: what the staged-versus-loaded check compares."""
        ...

    def duplicate_request_ids(self, app: str, day: dt.date) -> int:
        """How many request_ids occur more than once in (app, day) of router_events (Heroku does not
        promise they are unique, so this is reported, not enforced)."""
        ...

    def apply_masking(self, tables: Sequence[Table]) -> list[str]:
        """Apply dynamic data masking to the declared columns of existing ``tables`` where the warehouse
        masks (run by the reference job, never by a load); return the masked columns."""
        ...

    def ensure_views(self) -> list[str]:
        """Create or replace the analytics views; return their names."""
        ...

    def update_statistics(self, tables: Sequence[Table]) -> None:
        """Refresh the optimizer's statistics after a day's loads."""
        ...


def nonempty_keys(store: ObjectStore, keys: Sequence[str]) -> list[str]:
    """The staged objects that hold rows: a staged object's metadata says how many it holds, and one with
    none is not sent to COPY INTO (whose handling of a Parquet file without row groups is undocumented).
    An object without that metadata is kept. Missing objects are refused, every one named."""
    out, missing = [], []
    for key in keys:
        info = store.head(key)
        if info is None:
            missing.append(key)
        elif info.metadata.get("rows", "") != "0":
            out.append(key)
    if missing:
        raise StagedObjectsMissing(
            f"{len(missing)} staged object(s) missing: {', '.join(missing[:10])}"
            f"{' ...' if len(missing) > 10 else ''}; nothing was loaded, the previous rows are kept"
        )
    return out


def partition_keys(
    store: ObjectStore, table: Table, day: dt.date, partitions: Mapping[str, Sequence[str]]
) -> list[str]:
    """The staged objects with rows of a load of (app, day) partitions. Staging writes an object for every
    partition, with zero rows when it has none, so a partition without any object was not staged or
    lost its objects since: the load is refused, naming the folders, rather than emptying the partition
    (only a partition staging recorded as empty loads as empty)."""
    from heroku_assets.storage.layout import staged_prefix

    empty = [staged_prefix(table.name, app, day) for app, keys in sorted(partitions.items()) if not keys]
    if empty:
        raise StagedObjectsMissing(
            f"nothing is staged for {table.name} under {', '.join(empty[:10])}"
            f"{' ...' if len(empty) > 10 else ''}: nothing was loaded, the previous rows are kept "
            "(materialize the staged tables of those partitions again; is the staging container the one "
            "they were staged in?)"
        )
    return nonempty_keys(store, [k for app in sorted(partitions) for k in partitions[app]])
