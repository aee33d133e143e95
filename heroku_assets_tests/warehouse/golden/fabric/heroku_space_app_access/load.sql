IF OBJECT_ID(N'[stg].[heroku_space_app_access__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_space_app_access__0123456789ab] (
    [space_name] varchar(8000) NULL,
    [space_id] varchar(8000) NULL,
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [permissions] varchar(max) NULL,
    [updated_at] bigint NULL,
    [user_email] varchar(8000) NULL,
    [user_id] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_space_app_access__0123456789ab];

COPY INTO [stg].[heroku_space_app_access__0123456789ab] ([space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_space_app_access/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > DATALENGTH(CAST(LEFT([space_name], 30) AS varchar(120))) OR DATALENGTH([space_id]) > DATALENGTH(CAST(LEFT([space_id], 36) AS varchar(144))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([permissions]) > DATALENGTH(CAST(LEFT([permissions], 4000) AS varchar(8000))) OR DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) OR DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > DATALENGTH(CAST(LEFT([space_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__space_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_id]) > DATALENGTH(CAST(LEFT([space_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__space_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([permissions]) > DATALENGTH(CAST(LEFT([permissions], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__permissions],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_space_app_access__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent], CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_space_app_access__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_space_app_access]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_space_app_access__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[_parent], 100) AS varchar(400)) = [heroku_space_app_access].[_parent] AND CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_space_app_access].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

INSERT INTO [dbo].[heroku_space_app_access] ([space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([space_name], 30) AS varchar(120)) AS [space_name],
        CAST(LEFT([space_id], 36) AS varchar(144)) AS [space_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([permissions], 4000) AS varchar(8000)) AS [permissions],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([user_email], 320) AS varchar(1280)) AS [user_email],
        CAST(LEFT([user_id], 36) AS varchar(144)) AS [user_id],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([_parent], 100) AS varchar(400)), CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_space_app_access__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_space_app_access__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_space_app_access__0123456789ab];
