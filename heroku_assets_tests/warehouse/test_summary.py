"""`heroku-assets summary` on a warehouse without router lines says so, instead of printing a table
header over nothing."""

import duckdb

from heroku_assets import tables
from heroku_assets.warehouse.duckdb import DuckDBWarehouse
from heroku_assets.warehouse.summary import summary_text


def test_a_warehouse_without_router_lines_says_so(tmp_path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        warehouse = DuckDBWarehouse(conn)
        warehouse.ensure_tables([*tables.EVENT_TABLES, *tables.REFERENCE_TABLES])
        warehouse.ensure_views()
        text = summary_text(conn)
    assert text.splitlines()[:5] == [
        "Requests per app and day",
        "none: the warehouse holds no router lines (heroku[router]) yet",
        "",
        "Top error codes",
        "none",
    ]
    assert "app              day" not in text
