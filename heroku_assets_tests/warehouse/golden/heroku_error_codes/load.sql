IF OBJECT_ID(N'[stg].[heroku_error_codes__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_error_codes__0123456789ab] (
    [code] nvarchar(max) NULL,
    [family] nvarchar(max) NULL,
    [meaning] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_error_codes__0123456789ab];

COPY INTO [stg].[heroku_error_codes__0123456789ab] ([code], [family], [meaning])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_error_codes/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [code] IS NULL OR [family] IS NULL OR [meaning] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 OR DATALENGTH([family]) > 32 OR DATALENGTH([meaning]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([family]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__family],
    COALESCE(SUM(CASE WHEN DATALENGTH([meaning]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__meaning]
FROM [stg].[heroku_error_codes__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([code] AS nvarchar(8)) AS [code] FROM [stg].[heroku_error_codes__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_error_codes]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_error_codes__0123456789ab] AS [s]
    WHERE CAST([s].[code] AS nvarchar(8)) = [heroku_error_codes].[code]
)
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

INSERT INTO [dbo].[heroku_error_codes] ([code], [family], [meaning])
SELECT [code], [family], [meaning]
FROM (
    SELECT
        CAST([code] AS nvarchar(8)) AS [code],
        CAST([family] AS nvarchar(16)) AS [family],
        CAST([meaning] AS nvarchar(200)) AS [meaning],
        ROW_NUMBER() OVER (PARTITION BY CAST([code] AS nvarchar(8)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_error_codes__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_error_codes__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_error_codes__0123456789ab];
