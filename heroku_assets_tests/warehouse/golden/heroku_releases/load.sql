IF OBJECT_ID(N'[stg].[heroku_releases__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_releases__0123456789ab] (
    [id] nvarchar(max) NULL,
    [app] nvarchar(max) NULL,
    [version] int NULL,
    [status] nvarchar(max) NULL,
    [current] bit NULL,
    [description] nvarchar(max) NULL,
    [user_id] nvarchar(max) NULL,
    [user_email] nvarchar(max) NULL,
    [slug_id] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [updated_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_releases__0123456789ab];

COPY INTO [stg].[heroku_releases__0123456789ab] ([id], [app], [version], [status], [current], [description], [user_id], [user_email], [slug_id], [created_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_releases/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [app] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([app]) > 200 OR DATALENGTH([status]) > 32 OR DATALENGTH([description]) > 8000 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([slug_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__description],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([slug_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__slug_id]
FROM [stg].[heroku_releases__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_releases__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_releases]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_releases__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_releases].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

INSERT INTO [dbo].[heroku_releases] ([id], [app], [version], [status], [current], [description], [user_id], [user_email], [slug_id], [created_at], [updated_at])
SELECT [id], [app], [version], [status], [current], [description], [user_id], [user_email], [slug_id], [created_at], [updated_at]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([app] AS nvarchar(100)) AS [app],
        [version] AS [version],
        CAST([status] AS nvarchar(16)) AS [status],
        [current] AS [current],
        CAST([description] AS nvarchar(4000)) AS [description],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        CAST([slug_id] AS nvarchar(36)) AS [slug_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([created_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([updated_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_releases__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_releases__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_releases__0123456789ab];
