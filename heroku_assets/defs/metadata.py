"""Table declarations and rows in Dagster's own metadata types, so the UI renders them natively."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import warnings
from collections.abc import Iterator, Sequence

import dagster as dg

from heroku_assets.tables import Table

PREVIEW_WIDTH = 200


@contextlib.contextmanager
def pinned_beta_apis() -> Iterator[None]:
    """Code references and spec mapping are Dagster's documented way to do this, still marked beta and
    preview; the Dagster version is pinned, so their warnings would only be noise in every `dg` command."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.BetaWarning)
        warnings.simplefilter("ignore", dg.PreviewWarning)
        yield


def file_reference(file_path: str) -> dict[str, dg.CodeReferencesMetadataValue]:
    """The code reference of what no function defines (an external asset's spec): the file declaring it."""
    with pinned_beta_apis():
        reference = dg.LocalFileCodeReference(file_path=file_path)
        return {"dagster/code_references": dg.CodeReferencesMetadataValue(code_references=[reference])}


def column_schema(table: Table) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=c.name,
                type=c.type,
                description=c.doc or None,
                constraints=dg.TableColumnConstraints(nullable=c.nullable),
            )
            for c in table.columns
        ]
    )


def _cell(value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= PREVIEW_WIDTH else text[: PREVIEW_WIDTH - 1] + "…"


def preview(rows: Sequence[dict], table: Table) -> dg.TableMetadataValue:
    """The first rows as a table; columns declared as personal data (IPs, e-mails) are hidden."""
    hidden = {c.name for c in table.columns if c.masking}
    records = [
        dg.TableRecord({k: "(hidden)" if k in hidden and v is not None else _cell(v) for k, v in row.items()})
        for row in rows
    ]
    return dg.MetadataValue.table(records=records, schema=column_schema(table))


def location(url: str) -> dg.UrlMetadataValue | dg.PathMetadataValue:
    """An object's location: a link for a blob, a path for a local file."""
    return dg.MetadataValue.url(url) if url.startswith("http") else dg.MetadataValue.path(url)
