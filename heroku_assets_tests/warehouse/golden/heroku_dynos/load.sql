IF OBJECT_ID(N'[stg].[heroku_dynos__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_dynos__0123456789ab] (
    [id] nvarchar(max) NULL,
    [snapshot_at] bigint NULL,
    [app] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [type] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [size] nvarchar(max) NULL,
    [command] nvarchar(max) NULL,
    [release_id] nvarchar(max) NULL,
    [release_version] int NULL,
    [created_at] bigint NULL,
    [updated_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_dynos__0123456789ab];

COPY INTO [stg].[heroku_dynos__0123456789ab] ([id], [snapshot_at], [app], [name], [type], [state], [size], [command], [release_id], [release_version], [created_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_dynos/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [snapshot_at] IS NULL OR [app] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([app]) > 200 OR DATALENGTH([name]) > 200 OR DATALENGTH([type]) > 200 OR DATALENGTH([state]) > 32 OR DATALENGTH([size]) > 64 OR DATALENGTH([command]) > 8000 OR DATALENGTH([release_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([size]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__size],
    COALESCE(SUM(CASE WHEN DATALENGTH([command]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__command],
    COALESCE(SUM(CASE WHEN DATALENGTH([release_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__release_id]
FROM [stg].[heroku_dynos__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id], DATEADD(MICROSECOND, CAST([snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [snapshot_at] FROM [stg].[heroku_dynos__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_dynos]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_dynos__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_dynos].[id] AND DATEADD(MICROSECOND, CAST([s].[snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([s].[snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([s].[snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) = [heroku_dynos].[snapshot_at]
)
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

INSERT INTO [dbo].[heroku_dynos] ([id], [snapshot_at], [app], [name], [type], [state], [size], [command], [release_id], [release_version], [created_at], [updated_at])
SELECT [id], [snapshot_at], [app], [name], [type], [state], [size], [command], [release_id], [release_version], [created_at], [updated_at]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        DATEADD(MICROSECOND, CAST([snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [snapshot_at],
        CAST([app] AS nvarchar(100)) AS [app],
        CAST([name] AS nvarchar(100)) AS [name],
        CAST([type] AS nvarchar(100)) AS [type],
        CAST([state] AS nvarchar(16)) AS [state],
        CAST([size] AS nvarchar(32)) AS [size],
        CAST([command] AS nvarchar(4000)) AS [command],
        CAST([release_id] AS nvarchar(36)) AS [release_id],
        [release_version] AS [release_version],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([created_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([updated_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)), DATEADD(MICROSECOND, CAST([snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_dynos__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_dynos__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_dynos__0123456789ab];
