-- params: ['2026-11-20', 'my-app']
SELECT COUNT_BIG(*) AS [duplicated_request_ids]
FROM (
    SELECT [request_id]
    FROM [dbo].[router_events]
    WHERE [event_date] = ? AND [app] = ? AND [request_id] IS NOT NULL
    GROUP BY [request_id]
    HAVING COUNT_BIG(*) > 1
) AS [d]
OPTION (LABEL = 'heroku-assets:router_events:my-app:2026-11-20:duplicates');
