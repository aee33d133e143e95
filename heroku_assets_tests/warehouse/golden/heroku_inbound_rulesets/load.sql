IF OBJECT_ID(N'[stg].[heroku_inbound_rulesets__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_inbound_rulesets__0123456789ab] (
    [id] nvarchar(max) NULL,
    [space_id] nvarchar(max) NULL,
    [space_name] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [rules] nvarchar(max) NULL,
    [created_by] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([space_id]) > 72 OR DATALENGTH([space_name]) > 4000 OR DATALENGTH([rules]) > 8000 OR DATALENGTH([created_by]) > 640 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__space_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__space_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([rules]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__rules],
    COALESCE(SUM(CASE WHEN DATALENGTH([created_by]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__created_by],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_inbound_rulesets__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_inbound_rulesets__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_inbound_rulesets]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_inbound_rulesets__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_inbound_rulesets].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

INSERT INTO [dbo].[heroku_inbound_rulesets] ([id], [space_id], [space_name], [created_at], [rules], [created_by], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [space_id], [space_name], [created_at], [rules], [created_by], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([space_id] AS nvarchar(36)) AS [space_id],
        CAST([space_name] AS nvarchar(2000)) AS [space_name],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([rules] AS nvarchar(4000)) AS [rules],
        CAST([created_by] AS nvarchar(320)) AS [created_by],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_inbound_rulesets__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_inbound_rulesets:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_inbound_rulesets__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_inbound_rulesets__0123456789ab];
