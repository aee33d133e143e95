IF OBJECT_ID(N'[stg].[heroku_team_daily_usage__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_daily_usage__0123456789ab] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NULL,
    [dynos] float NULL,
    [id] varchar(8000) NULL,
    [name] varchar(max) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_team_daily_usage__0123456789ab];

COPY INTO [stg].[heroku_team_daily_usage__0123456789ab] ([addons], [data], [date], [dynos], [id], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_daily_usage/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [date] IS NULL OR [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_daily_usage__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id], [date] AS [date] FROM [stg].[heroku_team_daily_usage__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_daily_usage]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_daily_usage__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_team_daily_usage].[id] AND [s].[date] = [heroku_team_daily_usage].[date]
)
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage:upsert');

INSERT INTO [dbo].[heroku_team_daily_usage] ([addons], [data], [date], [dynos], [id], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addons], [data], [date], [dynos], [id], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [addons] AS [addons],
        [data] AS [data],
        [date] AS [date],
        [dynos] AS [dynos],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        [partner] AS [partner],
        [space] AS [space],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)), [date] ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_team_daily_usage__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_daily_usage:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_daily_usage__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_daily_usage__0123456789ab];
