-- params: ['my-app', '2026-11-20', 'rebuild', '1970-01-01T00:00:00', 'my-app', '2026-11-20', 'my-app', '2026-11-20', 'my-app', '2026-11-20', 'my-app', '2026-11-20', 'my-app', '2026-11-20', 'my-app', '2026-11-20']
SELECT
    (SELECT COALESCE(SUM([l].[lines]), 0) FROM [dbo].[log_ledger] AS [l]
     WHERE [l].[app] = ? AND [l].[event_date] = ?
       AND [l].[loaded_at] >= COALESCE((
        SELECT MAX([r].[loaded_at]) FROM [dbo].[log_ledger] AS [r]
        WHERE [r].[app] = [l].[app]
          AND [r].[event_date] = [l].[event_date]
          AND [r].[kind] = ?
    ), ?)) AS [ledger_lines],
    COUNT_BIG(*) AS [table_lines],
    COUNT(DISTINCT [n].[line_number]) AS [distinct_lines],
    COALESCE(MIN([n].[line_number]), 0) AS [first_line],
    COALESCE(MAX([n].[line_number]), 0) AS [last_line]
FROM (
    SELECT DISTINCT [line_number] FROM [dbo].[router_events] WHERE [app] = ? AND [event_date] = ?
    UNION ALL
    SELECT DISTINCT [line_number] FROM [dbo].[app_events] WHERE [app] = ? AND [event_date] = ?
    UNION ALL
    SELECT DISTINCT [line_number] FROM [dbo].[platform_events] WHERE [app] = ? AND [event_date] = ?
    UNION ALL
    SELECT DISTINCT [line_number] FROM [dbo].[runtime_metrics] WHERE [app] = ? AND [event_date] = ?
    UNION ALL
    SELECT DISTINCT [line_number] FROM [dbo].[spans] WHERE [app] = ? AND [event_date] = ?
    UNION ALL
    SELECT DISTINCT [line_number] FROM [dbo].[rejected_lines] WHERE [app] = ? AND [event_date] = ?
) AS [n]
OPTION (LABEL = 'heroku-assets:seal:my-app:2026-11-20');
