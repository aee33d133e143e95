IF OBJECT_ID(N'[stg].[heroku_spaces__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_spaces__0123456789ab] (
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [name] varchar(max) NULL,
    [organization_name] varchar(max) NULL,
    [team_id] varchar(8000) NULL,
    [team_name] varchar(max) NULL,
    [region_id] varchar(8000) NULL,
    [region_name] varchar(max) NULL,
    [shield] bit NULL,
    [state] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [cidr] varchar(max) NULL,
    [data_cidr] varchar(max) NULL,
    [generation_id] varchar(8000) NULL,
    [generation_name] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_spaces__0123456789ab];

COPY INTO [stg].[heroku_spaces__0123456789ab] ([created_at], [id], [name], [organization_name], [team_id], [team_name], [region_id], [region_name], [shield], [state], [updated_at], [cidr], [data_cidr], [generation_id], [generation_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_spaces/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([organization_name]) > DATALENGTH(CAST(LEFT([organization_name], 2000) AS varchar(8000))) OR DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) OR DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) OR DATALENGTH([region_id]) > DATALENGTH(CAST(LEFT([region_id], 36) AS varchar(144))) OR DATALENGTH([region_name]) > DATALENGTH(CAST(LEFT([region_name], 2000) AS varchar(8000))) OR DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 10) AS varchar(40))) OR DATALENGTH([cidr]) > DATALENGTH(CAST(LEFT([cidr], 2000) AS varchar(8000))) OR DATALENGTH([data_cidr]) > DATALENGTH(CAST(LEFT([data_cidr], 2000) AS varchar(8000))) OR DATALENGTH([generation_id]) > DATALENGTH(CAST(LEFT([generation_id], 36) AS varchar(144))) OR DATALENGTH([generation_name]) > DATALENGTH(CAST(LEFT([generation_name], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([organization_name]) > DATALENGTH(CAST(LEFT([organization_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__organization_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([region_id]) > DATALENGTH(CAST(LEFT([region_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__region_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([region_name]) > DATALENGTH(CAST(LEFT([region_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__region_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 10) AS varchar(40))) THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([cidr]) > DATALENGTH(CAST(LEFT([cidr], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__cidr],
    COALESCE(SUM(CASE WHEN DATALENGTH([data_cidr]) > DATALENGTH(CAST(LEFT([data_cidr], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__data_cidr],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation_id]) > DATALENGTH(CAST(LEFT([generation_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__generation_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation_name]) > DATALENGTH(CAST(LEFT([generation_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__generation_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_spaces__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_spaces:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_spaces__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_spaces:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_spaces]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_spaces__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_spaces].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_spaces:upsert');

INSERT INTO [dbo].[heroku_spaces] ([created_at], [id], [name], [organization_name], [team_id], [team_name], [region_id], [region_name], [shield], [state], [updated_at], [cidr], [data_cidr], [generation_id], [generation_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [name], [organization_name], [team_id], [team_name], [region_id], [region_name], [shield], [state], [updated_at], [cidr], [data_cidr], [generation_id], [generation_name], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        CAST(LEFT([organization_name], 2000) AS varchar(8000)) AS [organization_name],
        CAST(LEFT([team_id], 36) AS varchar(144)) AS [team_id],
        CAST(LEFT([team_name], 2000) AS varchar(8000)) AS [team_name],
        CAST(LEFT([region_id], 36) AS varchar(144)) AS [region_id],
        CAST(LEFT([region_name], 2000) AS varchar(8000)) AS [region_name],
        [shield] AS [shield],
        CAST(LEFT([state], 10) AS varchar(40)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([cidr], 2000) AS varchar(8000)) AS [cidr],
        CAST(LEFT([data_cidr], 2000) AS varchar(8000)) AS [data_cidr],
        CAST(LEFT([generation_id], 36) AS varchar(144)) AS [generation_id],
        CAST(LEFT([generation_name], 2000) AS varchar(8000)) AS [generation_name],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_spaces__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_spaces:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_spaces__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_spaces__0123456789ab];
