IF OBJECT_ID(N'[stg].[platform_events__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[platform_events__20261120__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [source] varchar(8000) NULL,
    [dyno] varchar(8000) NULL,
    [process_type] varchar(8000) NULL,
    [event_type] varchar(8000) NULL,
    [code] varchar(8000) NULL,
    [from_state] varchar(8000) NULL,
    [to_state] varchar(8000) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] varchar(8000) NULL,
    [message] varchar(max) NULL,
    [extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[platform_events__20261120__0123456789ab];

COPY INTO [stg].[platform_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/platform_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) OR DATALENGTH([event_type]) > DATALENGTH(CAST(LEFT([event_type], 32) AS varchar(128))) OR DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) OR DATALENGTH([from_state]) > DATALENGTH(CAST(LEFT([from_state], 32) AS varchar(128))) OR DATALENGTH([to_state]) > DATALENGTH(CAST(LEFT([to_state], 32) AS varchar(128))) OR DATALENGTH([actor]) > DATALENGTH(CAST(LEFT([actor], 320) AS varchar(1280))) OR DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_type]) > DATALENGTH(CAST(LEFT([event_type], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__event_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([from_state]) > DATALENGTH(CAST(LEFT([from_state], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__from_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([to_state]) > DATALENGTH(CAST(LEFT([to_state], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__to_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor]) > DATALENGTH(CAST(LEFT([actor], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__actor],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[platform_events__20261120__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:platform_events:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[platform_events]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:platform_events:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[platform_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([source], 16) AS varchar(64)),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    CAST(LEFT([process_type], 100) AS varchar(400)),
    CAST(LEFT([event_type], 32) AS varchar(128)),
    CAST(LEFT([code], 8) AS varchar(32)),
    CAST(LEFT([from_state], 32) AS varchar(128)),
    CAST(LEFT([to_state], 32) AS varchar(128)),
    [exit_status],
    [release_version],
    CAST(LEFT([actor], 320) AS varchar(1280)),
    CAST(LEFT([message], 4000) AS varchar(8000)),
    CAST(LEFT([extra], 4000) AS varchar(8000))
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
