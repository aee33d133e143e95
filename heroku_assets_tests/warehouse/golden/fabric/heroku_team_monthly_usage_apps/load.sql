IF OBJECT_ID(N'[stg].[heroku_team_monthly_usage_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_monthly_usage_apps__0123456789ab] (
    [id] varchar(8000) NULL,
    [month] varchar(8000) NULL,
    [addons] float NULL,
    [app_name] varchar(8000) NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_team_monthly_usage_apps__0123456789ab];

COPY INTO [stg].[heroku_team_monthly_usage_apps__0123456789ab] ([id], [month], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_monthly_usage_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [month] IS NULL OR [app_name] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([month]) > DATALENGTH(CAST(LEFT([month], 7) AS varchar(28))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([month]) > DATALENGTH(CAST(LEFT([month], 7) AS varchar(28))) THEN 1 ELSE 0 END), 0) AS [truncated__month],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_monthly_usage_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_monthly_usage_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id], CAST(LEFT([month], 7) AS varchar(28)) AS [month], CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name] FROM [stg].[heroku_team_monthly_usage_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_monthly_usage_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_monthly_usage_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_monthly_usage_apps__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_team_monthly_usage_apps].[id] AND CAST(LEFT([s].[month], 7) AS varchar(28)) = [heroku_team_monthly_usage_apps].[month] AND CAST(LEFT([s].[app_name], 30) AS varchar(120)) = [heroku_team_monthly_usage_apps].[app_name]
)
OPTION (LABEL = 'heroku-assets:heroku_team_monthly_usage_apps:upsert');

INSERT INTO [dbo].[heroku_team_monthly_usage_apps] ([id], [month], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [month], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([month], 7) AS varchar(28)) AS [month],
        [addons] AS [addons],
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        [data] AS [data],
        [dynos] AS [dynos],
        [partner] AS [partner],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)), CAST(LEFT([month], 7) AS varchar(28)), CAST(LEFT([app_name], 30) AS varchar(120)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_team_monthly_usage_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_monthly_usage_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_monthly_usage_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_monthly_usage_apps__0123456789ab];
