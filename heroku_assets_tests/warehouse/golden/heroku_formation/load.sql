IF OBJECT_ID(N'[stg].[heroku_formation__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_formation__0123456789ab] (
    [id] nvarchar(max) NULL,
    [snapshot_at] bigint NULL,
    [app] nvarchar(max) NULL,
    [type] nvarchar(max) NULL,
    [quantity] int NULL,
    [size] nvarchar(max) NULL,
    [command] nvarchar(max) NULL,
    [updated_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_formation__0123456789ab];

COPY INTO [stg].[heroku_formation__0123456789ab] ([id], [snapshot_at], [app], [type], [quantity], [size], [command], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_formation/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [snapshot_at] IS NULL OR [app] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([app]) > 200 OR DATALENGTH([type]) > 200 OR DATALENGTH([size]) > 64 OR DATALENGTH([command]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([size]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__size],
    COALESCE(SUM(CASE WHEN DATALENGTH([command]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__command]
FROM [stg].[heroku_formation__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_formation:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id], DATEADD(MICROSECOND, CAST([snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [snapshot_at] FROM [stg].[heroku_formation__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_formation:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_formation]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_formation__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_formation].[id] AND DATEADD(MICROSECOND, CAST([s].[snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([s].[snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([s].[snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) = [heroku_formation].[snapshot_at]
)
OPTION (LABEL = 'heroku-assets:heroku_formation:upsert');

INSERT INTO [dbo].[heroku_formation] ([id], [snapshot_at], [app], [type], [quantity], [size], [command], [updated_at])
SELECT [id], [snapshot_at], [app], [type], [quantity], [size], [command], [updated_at]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        DATEADD(MICROSECOND, CAST([snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [snapshot_at],
        CAST([app] AS nvarchar(100)) AS [app],
        CAST([type] AS nvarchar(100)) AS [type],
        [quantity] AS [quantity],
        CAST([size] AS nvarchar(32)) AS [size],
        CAST([command] AS nvarchar(4000)) AS [command],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([updated_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)), DATEADD(MICROSECOND, CAST([snapshot_at] % 1000000 AS int), DATEADD(SECOND, CAST(([snapshot_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST([snapshot_at] / 86400000000 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_formation__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_formation:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_formation__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_formation__0123456789ab];
