IF OBJECT_ID(N'[stg].[heroku_team_permissions__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_permissions__0123456789ab] (
    [id] varchar(8000) NULL,
    [name] varchar(max) NULL,
    [team_id] varchar(8000) NULL,
    [type] varchar(8000) NULL,
    [users] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_team_permissions__0123456789ab];

COPY INTO [stg].[heroku_team_permissions__0123456789ab] ([id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_permissions/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) OR DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 5) AS varchar(20))) OR DATALENGTH([users]) > DATALENGTH(CAST(LEFT([users], 4000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 5) AS varchar(20))) THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([users]) > DATALENGTH(CAST(LEFT([users], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__users],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_permissions__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent], CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_team_permissions__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_permissions]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_permissions__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[_parent], 100) AS varchar(400)) = [heroku_team_permissions].[_parent] AND CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_team_permissions].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

INSERT INTO [dbo].[heroku_team_permissions] ([id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        CAST(LEFT([team_id], 36) AS varchar(144)) AS [team_id],
        CAST(LEFT([type], 5) AS varchar(20)) AS [type],
        CAST(LEFT([users], 4000) AS varchar(8000)) AS [users],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([_parent], 100) AS varchar(400)), CAST(LEFT([id], 36) AS varchar(144)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_team_permissions__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_permissions__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_permissions__0123456789ab];
