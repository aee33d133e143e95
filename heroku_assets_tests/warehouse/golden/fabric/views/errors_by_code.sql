IF OBJECT_ID(N'[dbo].[errors_by_code]', N'V') IS NULL
    EXEC('CREATE VIEW [dbo].[errors_by_code] AS SELECT 1 AS [placeholder]');

ALTER VIEW [dbo].[errors_by_code] AS
WITH [coded] AS (
    SELECT [app], [event_date], [code] FROM [dbo].[router_events] WHERE [code] IS NOT NULL
    UNION ALL
    SELECT [app], [event_date], [code] FROM [dbo].[platform_events] WHERE [code] IS NOT NULL
)
SELECT
    [c].[app],
    [c].[event_date],
    [c].[code],
    [e].[family],
    [e].[meaning],
    COUNT_BIG(*) AS [occurrences]
FROM [coded] AS [c]
LEFT JOIN [dbo].[heroku_error_codes] AS [e] ON [e].[code] = [c].[code]
GROUP BY [c].[app], [c].[event_date], [c].[code], [e].[family], [e].[meaning];
