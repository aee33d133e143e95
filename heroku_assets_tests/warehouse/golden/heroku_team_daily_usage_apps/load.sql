IF OBJECT_ID(N'[stg].[heroku_team_daily_usage_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_daily_usage_apps__0123456789ab] (
    [id] nvarchar(max) NULL,
    [date] date NULL,
    [addons] float NULL,
    [app_name] nvarchar(max) NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_team_daily_usage_apps__0123456789ab];

COPY INTO [stg].[heroku_team_daily_usage_apps__0123456789ab] ([id], [date], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_daily_usage_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [date] IS NULL OR [app_name] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([app_name]) > 60 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_daily_usage_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id], [date] AS [date], CAST([app_name] AS nvarchar(30)) AS [app_name] FROM [stg].[heroku_team_daily_usage_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_daily_usage_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_daily_usage_apps__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_team_daily_usage_apps].[id] AND [s].[date] = [heroku_team_daily_usage_apps].[date] AND CAST([s].[app_name] AS nvarchar(30)) = [heroku_team_daily_usage_apps].[app_name]
)
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage_apps:upsert');

INSERT INTO [dbo].[heroku_team_daily_usage_apps] ([id], [date], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [date], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        [date] AS [date],
        [addons] AS [addons],
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        [data] AS [data],
        [dynos] AS [dynos],
        [partner] AS [partner],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)), [date], CAST([app_name] AS nvarchar(30)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_team_daily_usage_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_daily_usage_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_daily_usage_apps__0123456789ab];
