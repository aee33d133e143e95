IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[loaded_copies__0123456789ab] (
    [copy_name] nvarchar(max) NULL,
    [app] nvarchar(max) NULL,
    [received_at] bigint NULL,
    [tick_id] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[loaded_copies__0123456789ab];

COPY INTO [stg].[loaded_copies__0123456789ab] ([copy_name], [app], [received_at], [tick_id])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/loaded_copies/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [copy_name] IS NULL OR [app] IS NULL OR [received_at] IS NULL OR [tick_id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > 200 OR DATALENGTH([app]) > 200 OR DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__copy_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated__tick_id]
FROM [stg].[loaded_copies__0123456789ab]
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([copy_name] AS nvarchar(100)) AS [copy_name], CAST([app] AS nvarchar(100)) AS [app] FROM [stg].[loaded_copies__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[loaded_copies]
WHERE EXISTS (
    SELECT 1 FROM [stg].[loaded_copies__0123456789ab] AS [s]
    WHERE CAST([s].[copy_name] AS nvarchar(100)) = [loaded_copies].[copy_name] AND CAST([s].[app] AS nvarchar(100)) = [loaded_copies].[app]
)
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

INSERT INTO [dbo].[loaded_copies] ([copy_name], [app], [received_at], [tick_id])
SELECT [copy_name], [app], [received_at], [tick_id]
FROM (
    SELECT
        CAST([copy_name] AS nvarchar(100)) AS [copy_name],
        CAST([app] AS nvarchar(100)) AS [app],
        DATEADD(MICROSECOND, CAST([received_at] % 1000000 AS int), DATEADD(SECOND, CAST(([received_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([received_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [received_at],
        CAST([tick_id] AS nvarchar(64)) AS [tick_id],
        ROW_NUMBER() OVER (PARTITION BY CAST([copy_name] AS nvarchar(100)), CAST([app] AS nvarchar(100)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[loaded_copies__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[loaded_copies__0123456789ab];
