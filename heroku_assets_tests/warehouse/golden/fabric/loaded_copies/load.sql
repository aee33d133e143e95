IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[loaded_copies__0123456789ab] (
    [copy_name] varchar(8000) NULL,
    [app] varchar(8000) NULL,
    [received_at] bigint NULL,
    [tick_id] varchar(8000) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > DATALENGTH(CAST(LEFT([copy_name], 100) AS varchar(400))) OR DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > DATALENGTH(CAST(LEFT([copy_name], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__copy_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated__tick_id]
FROM [stg].[loaded_copies__0123456789ab]
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([copy_name], 100) AS varchar(400)) AS [copy_name], CAST(LEFT([app], 100) AS varchar(400)) AS [app] FROM [stg].[loaded_copies__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[loaded_copies]
WHERE EXISTS (
    SELECT 1 FROM [stg].[loaded_copies__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[copy_name], 100) AS varchar(400)) = [loaded_copies].[copy_name] AND CAST(LEFT([s].[app], 100) AS varchar(400)) = [loaded_copies].[app]
)
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

INSERT INTO [dbo].[loaded_copies] ([copy_name], [app], [received_at], [tick_id])
SELECT [copy_name], [app], [received_at], [tick_id]
FROM (
    SELECT
        CAST(LEFT([copy_name], 100) AS varchar(400)) AS [copy_name],
        CAST(LEFT([app], 100) AS varchar(400)) AS [app],
        DATEADD(MICROSECOND, CAST([received_at] % 1000000 AS int), DATEADD(SECOND, CAST(([received_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([received_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [received_at],
        CAST(LEFT([tick_id], 64) AS varchar(256)) AS [tick_id],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([copy_name], 100) AS varchar(400)), CAST(LEFT([app], 100) AS varchar(400)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[loaded_copies__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:loaded_copies:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[loaded_copies__0123456789ab];
