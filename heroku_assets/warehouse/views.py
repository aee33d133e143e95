"""Analytics views over the event tables (DuckDB dialect; the Synapse loader keeps its own)."""

from __future__ import annotations

DAILY_REQUEST_STATS = """
CREATE OR REPLACE VIEW daily_request_stats AS
SELECT
    app,
    event_date,
    count(*) AS requests,
    count(*) FILTER (WHERE status >= 500 OR "at" = 'error') AS errors,
    round(count(*) FILTER (WHERE status >= 500 OR "at" = 'error') / count(*), 6) AS error_rate,
    quantile_cont(service_ms, 0.50) AS p50_service_ms,
    quantile_cont(service_ms, 0.95) AS p95_service_ms,
    quantile_cont(service_ms, 0.99) AS p99_service_ms,
    sum(bytes) AS bytes
FROM router_events
GROUP BY app, event_date
"""

ERRORS_BY_CODE = """
CREATE OR REPLACE VIEW errors_by_code AS
WITH coded AS (
    SELECT app, event_date, code FROM router_events WHERE code IS NOT NULL
    UNION ALL
    SELECT app, event_date, code FROM platform_events WHERE code IS NOT NULL
)
SELECT c.app, c.event_date, c.code, e.family, e.meaning, count(*) AS occurrences
FROM coded AS c
LEFT JOIN heroku_error_codes AS e ON e.code = c.code
GROUP BY c.app, c.event_date, c.code, e.family, e.meaning
"""

VIEWS = {"daily_request_stats": DAILY_REQUEST_STATS, "errors_by_code": ERRORS_BY_CODE}


# -- Synapse (T-SQL) ---------------------------------------------------------------------------------
# The same two views for a Synapse dedicated SQL pool. What differs, and why:
# - PERCENTILE_CONT exists there only as a window function, so each percentile is computed per row over
#   its (app, event_date) in a derived table and taken once per group with MAX (every row of a group holds
#   the same value); NULL service_ms are ignored, as quantile_cont ignores them.
# - COUNT_BIG (counts past 2^31) and CASE in place of FILTER; the error rate is divided as float (53 bits).
# - Dedicated pools have no CREATE OR REPLACE / OR ALTER VIEW: these are ALTER VIEW bodies, and
#   sql.ddl.view_statements first creates a placeholder view where none exists. ALTER VIEW keeps the
#   permissions granted on the view. Each is sent as a batch of its own, as a view statement requires.

_SYNAPSE_DAILY_REQUEST_STATS = """ALTER VIEW {s}.[daily_request_stats] AS
SELECT
    [r].[app],
    [r].[event_date],
    COUNT_BIG(*) AS [requests],
    COUNT_BIG(CASE WHEN [r].[status] >= 500 OR [r].[at] = 'error' THEN 1 END) AS [errors],
    ROUND(
        CAST(COUNT_BIG(CASE WHEN [r].[status] >= 500 OR [r].[at] = 'error' THEN 1 END) AS float)
        / COUNT_BIG(*),
        6
    ) AS [error_rate],
    MAX([r].[p50]) AS [p50_service_ms],
    MAX([r].[p95]) AS [p95_service_ms],
    MAX([r].[p99]) AS [p99_service_ms],
    SUM([r].[bytes]) AS [bytes]
FROM (
    SELECT
        [app],
        [event_date],
        [status],
        [at],
        [bytes],
        PERCENTILE_CONT(0.50) WITHIN GROUP (ORDER BY [service_ms])
            OVER (PARTITION BY [app], [event_date]) AS [p50],
        PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY [service_ms])
            OVER (PARTITION BY [app], [event_date]) AS [p95],
        PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY [service_ms])
            OVER (PARTITION BY [app], [event_date]) AS [p99]
    FROM {s}.[router_events]
) AS [r]
GROUP BY [r].[app], [r].[event_date]"""

_SYNAPSE_ERRORS_BY_CODE = """ALTER VIEW {s}.[errors_by_code] AS
WITH [coded] AS (
    SELECT [app], [event_date], [code] FROM {s}.[router_events] WHERE [code] IS NOT NULL
    UNION ALL
    SELECT [app], [event_date], [code] FROM {s}.[platform_events] WHERE [code] IS NOT NULL
)
SELECT
    [c].[app],
    [c].[event_date],
    [c].[code],
    [e].[family],
    [e].[meaning],
    COUNT_BIG(*) AS [occurrences]
FROM [coded] AS [c]
LEFT JOIN {s}.[heroku_error_codes] AS [e] ON [e].[code] = [c].[code]
GROUP BY [c].[app], [c].[event_date], [c].[code], [e].[family], [e].[meaning]"""


def synapse_views(schema: str = "dbo") -> dict[str, str]:
    """The ALTER VIEW statement of each view, in ``schema`` (the schema of the tables they read)."""
    from heroku_assets.warehouse.base import validate_identifier

    quoted = f"[{validate_identifier(schema)}]"
    return {
        "daily_request_stats": _SYNAPSE_DAILY_REQUEST_STATS.format(s=quoted),
        "errors_by_code": _SYNAPSE_ERRORS_BY_CODE.format(s=quoted),
    }
