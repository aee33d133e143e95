IF OBJECT_ID(N'[stg].[heroku_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_apps__0123456789ab] (
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [generation] nvarchar(max) NULL,
    [region] nvarchar(max) NULL,
    [stack] nvarchar(max) NULL,
    [owner_email] nvarchar(max) NULL,
    [web_url] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [released_at] bigint NULL,
    [updated_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_apps__0123456789ab];

COPY INTO [stg].[heroku_apps__0123456789ab] ([id], [name], [generation], [region], [stack], [owner_email], [web_url], [created_at], [released_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [name] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 200 OR DATALENGTH([generation]) > 32 OR DATALENGTH([region]) > 64 OR DATALENGTH([stack]) > 64 OR DATALENGTH([owner_email]) > 640 OR DATALENGTH([web_url]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__generation],
    COALESCE(SUM(CASE WHEN DATALENGTH([region]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__region],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__stack],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([web_url]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__web_url]
FROM [stg].[heroku_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_apps__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_apps].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

INSERT INTO [dbo].[heroku_apps] ([id], [name], [generation], [region], [stack], [owner_email], [web_url], [created_at], [released_at], [updated_at])
SELECT [id], [name], [generation], [region], [stack], [owner_email], [web_url], [created_at], [released_at], [updated_at]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(100)) AS [name],
        CAST([generation] AS nvarchar(16)) AS [generation],
        CAST([region] AS nvarchar(32)) AS [region],
        CAST([stack] AS nvarchar(32)) AS [stack],
        CAST([owner_email] AS nvarchar(320)) AS [owner_email],
        CAST([web_url] AS nvarchar(400)) AS [web_url],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([created_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([released_at] % 1000000 AS int), DATEADD(SECOND, CAST(([released_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([released_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [released_at],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([updated_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_apps__0123456789ab];
