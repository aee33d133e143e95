IF OBJECT_ID(N'[stg].[platform_events__my_app__20261120]', N'U') IS NULL
CREATE TABLE [stg].[platform_events__my_app__20261120] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] datetime2(6) NULL,
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

TRUNCATE TABLE [stg].[platform_events__my_app__20261120];

COPY INTO [stg].[platform_events__my_app__20261120] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/platform_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

-- params: ['my-app', '2026-11-20']
SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] = ? AND [event_date] = ? THEN 0 ELSE 1 END), 0) AS [outside_rows],
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
FROM [stg].[platform_events__my_app__20261120];

BEGIN TRANSACTION;

-- params: ['my-app', '2026-11-20']
DELETE FROM [dbo].[platform_events]
WHERE [app] = ? AND [event_date] = ?;

-- params: ['my-app', '2026-11-20']
INSERT INTO [dbo].[platform_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    [event_ts],
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
FROM [stg].[platform_events__my_app__20261120]
WHERE [app] = ? AND [event_date] = ?;

COMMIT TRANSACTION;

-- params: ['my-app', '2026-11-20']
SELECT COUNT_BIG(*) AS [rows]
FROM [dbo].[platform_events]
WHERE [app] = ? AND [event_date] = ?;

IF OBJECT_ID(N'[stg].[platform_events__my_app__20261120]', N'U') IS NOT NULL
DROP TABLE [stg].[platform_events__my_app__20261120];
