"""The table declarations are the catalog users read: every table and column says what it holds."""

from __future__ import annotations

from heroku_assets import tables


def test_every_table_and_column_has_a_description() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in tables.ALL_TABLES.values()
        for column in table.columns
        if not column.doc.strip()
    ]
    assert missing == [], f"columns without a doc= description: {', '.join(missing)}"
    assert all(table.doc.strip() for table in tables.ALL_TABLES.values())


def test_runtime_metrics_dyno_is_the_process_and_dyno_id_the_dyno_value() -> None:
    """As in every other event table, dyno names the process; the dyno= value has its own column."""
    metrics = tables.RUNTIME_METRICS
    assert metrics.column_names.index("dyno_id") == metrics.column_names.index("dyno") + 1
    assert metrics.column("dyno").width == tables.APP_EVENTS.column("dyno").width
