IF OBJECT_ID(N'[stg].[heroku_inbound_rulesets__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_inbound_rulesets__0123456789ab] (
    [id] varchar(8000) NULL,
    [space_id] varchar(8000) NULL,
    [space_name] varchar(max) NULL,
    [created_at] bigint NULL,
    [rules] varchar(max) NULL,
    [created_by] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_inbound_rulesets__0123456789ab];

COPY INTO [stg].[heroku_inbound_rulesets__0123456789ab] ([id], [space_id], [space_name], [created_at], [rules], [created_by], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_inbound_rulesets/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([space_id]) > DATALENGTH(CAST(LEFT([space_id], 36) AS varchar(144))) OR DATALENGTH([space_name]) > DATALENGTH(CAST(LEFT([space_name], 2000) AS varchar(8000))) OR DATALENGTH([rules]) > DATALENGTH(CAST(LEFT([rules], 4000) AS varchar(8000))) OR DATALENGTH([created_by]) > DATALENGTH(CAST(LEFT([created_by], 320) AS varchar(1280))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_id]) > DATALENGTH(CAST(LEFT([space_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__space_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > DATALENGTH(CAST(LEFT([space_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__space_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([rules]) > DATALENGTH(CAST(LEFT([rules], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__rules],
    COALESCE(SUM(CASE WHEN DATALENGTH([created_by]) > DATALENGTH(CAST(LEFT([created_by], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__created_by],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_inbound_rulesets__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_inbound_rulesets__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_inbound_rulesets]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_inbound_rulesets__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_inbound_rulesets].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

INSERT INTO [dbo].[heroku_inbound_rulesets] ([id], [space_id], [space_name], [created_at], [rules], [created_by], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [space_id], [space_name], [created_at], [rules], [created_by], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([space_id], 36) AS varchar(144)) AS [space_id],
        CAST(LEFT([space_name], 2000) AS varchar(8000)) AS [space_name],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([rules], 4000) AS varchar(8000)) AS [rules],
        CAST(LEFT([created_by], 320) AS varchar(1280)) AS [created_by],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_inbound_rulesets__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_inbound_rulesets__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_inbound_rulesets__0123456789ab];
