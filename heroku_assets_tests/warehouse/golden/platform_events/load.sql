IF OBJECT_ID(N'[stg].[platform_events__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[platform_events__20261120__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [source] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [process_type] nvarchar(max) NULL,
    [event_type] nvarchar(max) NULL,
    [code] nvarchar(max) NULL,
    [from_state] nvarchar(max) NULL,
    [to_state] nvarchar(max) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] nvarchar(max) NULL,
    [message] nvarchar(max) NULL,
    [extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[platform_events__20261120__0123456789ab];

COPY INTO [stg].[platform_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/platform_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([source]) > 32 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([process_type]) > 200 OR DATALENGTH([event_type]) > 64 OR DATALENGTH([code]) > 16 OR DATALENGTH([from_state]) > 64 OR DATALENGTH([to_state]) > 64 OR DATALENGTH([actor]) > 640 OR DATALENGTH([message]) > 8000 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_type]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__event_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([from_state]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__from_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([to_state]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__to_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__actor],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[platform_events__20261120__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:platform_events:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[platform_events]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:platform_events:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[platform_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([source] AS nvarchar(16)),
    CAST([dyno] AS nvarchar(100)),
    CAST([process_type] AS nvarchar(100)),
    CAST([event_type] AS nvarchar(32)),
    CAST([code] AS nvarchar(8)),
    CAST([from_state] AS nvarchar(32)),
    CAST([to_state] AS nvarchar(32)),
    [exit_status],
    [release_version],
    CAST([actor] AS nvarchar(320)),
    CAST([message] AS nvarchar(4000)),
    CAST([extra] AS nvarchar(4000))
FROM [stg].[platform_events__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:platform_events:my-app:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[platform_events]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:platform_events:my-app:2026-11-20');

IF OBJECT_ID(N'[stg].[platform_events__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[platform_events__20261120__0123456789ab];
