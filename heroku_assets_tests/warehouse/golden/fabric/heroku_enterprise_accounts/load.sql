IF OBJECT_ID(N'[stg].[heroku_enterprise_accounts__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_enterprise_accounts__0123456789ab] (
    [id] varchar(8000) NULL,
    [created_at] bigint NULL,
    [name] varchar(max) NULL,
    [updated_at] bigint NULL,
    [permissions] varchar(max) NULL,
    [trial] bit NULL,
    [partner_benefits] bit NULL,
    [identity_provider_id] varchar(8000) NULL,
    [identity_provider_name] varchar(max) NULL,
    [identity_provider_owner_id] varchar(8000) NULL,
    [identity_provider_owner_name] varchar(max) NULL,
    [identity_provider_owner_type] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_enterprise_accounts__0123456789ab];

COPY INTO [stg].[heroku_enterprise_accounts__0123456789ab] ([id], [created_at], [name], [updated_at], [permissions], [trial], [partner_benefits], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_enterprise_accounts/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([permissions]) > DATALENGTH(CAST(LEFT([permissions], 4000) AS varchar(8000))) OR DATALENGTH([identity_provider_id]) > DATALENGTH(CAST(LEFT([identity_provider_id], 36) AS varchar(144))) OR DATALENGTH([identity_provider_name]) > DATALENGTH(CAST(LEFT([identity_provider_name], 2000) AS varchar(8000))) OR DATALENGTH([identity_provider_owner_id]) > DATALENGTH(CAST(LEFT([identity_provider_owner_id], 36) AS varchar(144))) OR DATALENGTH([identity_provider_owner_name]) > DATALENGTH(CAST(LEFT([identity_provider_owner_name], 2000) AS varchar(8000))) OR DATALENGTH([identity_provider_owner_type]) > DATALENGTH(CAST(LEFT([identity_provider_owner_type], 18) AS varchar(72))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([permissions]) > DATALENGTH(CAST(LEFT([permissions], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__permissions],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_id]) > DATALENGTH(CAST(LEFT([identity_provider_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_name]) > DATALENGTH(CAST(LEFT([identity_provider_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_id]) > DATALENGTH(CAST(LEFT([identity_provider_owner_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_name]) > DATALENGTH(CAST(LEFT([identity_provider_owner_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_type]) > DATALENGTH(CAST(LEFT([identity_provider_owner_type], 18) AS varchar(72))) THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_enterprise_accounts__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_enterprise_accounts:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_enterprise_accounts__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_enterprise_accounts:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_enterprise_accounts]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_enterprise_accounts__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_enterprise_accounts].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_enterprise_accounts:upsert');

INSERT INTO [dbo].[heroku_enterprise_accounts] ([id], [created_at], [name], [updated_at], [permissions], [trial], [partner_benefits], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [created_at], [name], [updated_at], [permissions], [trial], [partner_benefits], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([permissions], 4000) AS varchar(8000)) AS [permissions],
        [trial] AS [trial],
        [partner_benefits] AS [partner_benefits],
        CAST(LEFT([identity_provider_id], 36) AS varchar(144)) AS [identity_provider_id],
        CAST(LEFT([identity_provider_name], 2000) AS varchar(8000)) AS [identity_provider_name],
        CAST(LEFT([identity_provider_owner_id], 36) AS varchar(144)) AS [identity_provider_owner_id],
        CAST(LEFT([identity_provider_owner_name], 2000) AS varchar(8000)) AS [identity_provider_owner_name],
        CAST(LEFT([identity_provider_owner_type], 18) AS varchar(72)) AS [identity_provider_owner_type],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_enterprise_accounts__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_enterprise_accounts:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_enterprise_accounts__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_enterprise_accounts__0123456789ab];
