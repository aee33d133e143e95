-- params: ['2026-11-20', '2026-11-21', '', 'rebuild', '1970-01-01T00:00:00']
SELECT [l].[app], [l].[event_date], SUM([l].[lines]) AS [lines]
FROM [dbo].[log_ledger] AS [l]
WHERE [l].[event_date] IN (?, ?) AND [l].[app] <> ?
  AND [l].[loaded_at] >= COALESCE((
        SELECT MAX([r].[loaded_at]) FROM [dbo].[log_ledger] AS [r]
        WHERE [r].[app] = [l].[app]
          AND [r].[event_date] = [l].[event_date]
          AND [r].[kind] = ?
    ), ?)
GROUP BY [l].[app], [l].[event_date]
OPTION (LABEL = 'heroku-assets:ledger:lines');
