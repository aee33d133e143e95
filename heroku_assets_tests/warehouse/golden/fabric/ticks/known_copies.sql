-- params: ['2026-11-20T06:00:00']
SELECT [copy_name], [app]
FROM [dbo].[loaded_copies]
WHERE [received_at] >= ?
OPTION (LABEL = 'heroku-assets:ledger:copies');
