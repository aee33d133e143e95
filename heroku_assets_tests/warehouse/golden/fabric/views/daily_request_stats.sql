IF OBJECT_ID(N'[dbo].[daily_request_stats]', N'V') IS NULL
    EXEC('CREATE VIEW [dbo].[daily_request_stats] AS SELECT 1 AS [placeholder]');

ALTER VIEW [dbo].[daily_request_stats] AS
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
    FROM [dbo].[router_events]
) AS [r]
GROUP BY [r].[app], [r].[event_date];
