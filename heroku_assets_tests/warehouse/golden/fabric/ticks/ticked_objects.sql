-- params: ['my-app', '2026-11-20', 'tick']
SELECT DISTINCT [object_key]
FROM [dbo].[log_ledger]
WHERE [app] = ? AND [event_date] = ? AND [kind] = ?
OPTION (LABEL = 'heroku-assets:ledger:ticked:my-app:2026-11-20');
