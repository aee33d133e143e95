IF OBJECT_ID(N'[stg].[heroku_error_codes__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_error_codes__0123456789ab] (
    [code] varchar(8000) NULL,
    [family] varchar(8000) NULL,
    [meaning] varchar(8000) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) OR DATALENGTH([family]) > DATALENGTH(CAST(LEFT([family], 16) AS varchar(64))) OR DATALENGTH([meaning]) > DATALENGTH(CAST(LEFT([meaning], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([family]) > DATALENGTH(CAST(LEFT([family], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__family],
    COALESCE(SUM(CASE WHEN DATALENGTH([meaning]) > DATALENGTH(CAST(LEFT([meaning], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__meaning]
FROM [stg].[heroku_error_codes__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([code], 8) AS varchar(32)) AS [code] FROM [stg].[heroku_error_codes__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_error_codes]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_error_codes__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[code], 8) AS varchar(32)) = [heroku_error_codes].[code]
)
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

INSERT INTO [dbo].[heroku_error_codes] ([code], [family], [meaning])
SELECT [code], [family], [meaning]
FROM (
    SELECT
        CAST(LEFT([code], 8) AS varchar(32)) AS [code],
        CAST(LEFT([family], 16) AS varchar(64)) AS [family],
        CAST(LEFT([meaning], 200) AS varchar(800)) AS [meaning],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([code], 8) AS varchar(32)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_error_codes__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_error_codes__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_error_codes__0123456789ab];
