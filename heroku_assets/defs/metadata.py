"""Turning table declarations and rows into what the Dagster UI shows."""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg

from heroku_assets.tables import Table


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


def markdown_table(rows: Sequence[dict], table: Table | None = None, max_width: int = 60) -> str:
    """A short preview; long values are cut so the UI stays readable, and columns declared as personal
    data (IPs, emails) are hidden."""
    if not rows:
        return "_no rows_"
    columns = list(rows[0])
    hidden = {c.name for c in table.columns if c.masking} if table else set()
    rows = [{k: ("(hidden)" if k in hidden and v is not None else v) for k, v in r.items()} for r in rows]

    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        text = text.replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)
