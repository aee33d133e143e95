IF OBJECT_ID(N'[stg].[heroku_builds__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_builds__0123456789ab] (
    [id] nvarchar(max) NULL,
    [app] nvarchar(max) NULL,
    [status] nvarchar(max) NULL,
    [stack] nvarchar(max) NULL,
    [source_version] nvarchar(max) NULL,
    [release_id] nvarchar(max) NULL,
    [user_email] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [updated_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_builds__0123456789ab];

COPY INTO [stg].[heroku_builds__0123456789ab] ([id], [app], [status], [stack], [source_version], [release_id], [user_email], [created_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_builds/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [app] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([app]) > 200 OR DATALENGTH([status]) > 32 OR DATALENGTH([stack]) > 64 OR DATALENGTH([source_version]) > 400 OR DATALENGTH([release_id]) > 72 OR DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__stack],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_version]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__source_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([release_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__release_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email]
FROM [stg].[heroku_builds__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_builds__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_builds]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_builds__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_builds].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

INSERT INTO [dbo].[heroku_builds] ([id], [app], [status], [stack], [source_version], [release_id], [user_email], [created_at], [updated_at])
SELECT [id], [app], [status], [stack], [source_version], [release_id], [user_email], [created_at], [updated_at]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([app] AS nvarchar(100)) AS [app],
        CAST([status] AS nvarchar(16)) AS [status],
        CAST([stack] AS nvarchar(32)) AS [stack],
        CAST([source_version] AS nvarchar(200)) AS [source_version],
        CAST([release_id] AS nvarchar(36)) AS [release_id],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([created_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([updated_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_builds__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_builds__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_builds__0123456789ab];
