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
