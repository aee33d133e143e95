-- params: ['my-app', '2026-11-20']
SELECT COUNT_BIG(*) AS [duplicated_request_ids]
FROM (
    SELECT [request_id]
    FROM [dbo].[router_events]
    WHERE [app] = ? AND [event_date] = ? AND [request_id] IS NOT NULL
    GROUP BY [request_id]
    HAVING COUNT_BIG(*) > 1
) AS [d];
