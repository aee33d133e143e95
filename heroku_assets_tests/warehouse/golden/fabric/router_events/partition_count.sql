-- params: ['2026-11-20', 'my-app']
SELECT COUNT_BIG(*) AS [rows]
FROM [dbo].[router_events]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:router_events:my-app:2026-11-20:count');
