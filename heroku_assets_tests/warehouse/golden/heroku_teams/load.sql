IF OBJECT_ID(N'[stg].[heroku_teams__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_teams__0123456789ab] (
    [id] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [credit_card_collections] bit NULL,
    [default] bit NULL,
    [enterprise_account_id] nvarchar(max) NULL,
    [enterprise_account_name] nvarchar(max) NULL,
    [identity_provider_id] nvarchar(max) NULL,
    [identity_provider_name] nvarchar(max) NULL,
    [identity_provider_owner_id] nvarchar(max) NULL,
    [identity_provider_owner_name] nvarchar(max) NULL,
    [identity_provider_owner_type] nvarchar(max) NULL,
    [membership_limit] float NULL,
    [name] nvarchar(max) NULL,
    [provisioned_licenses] bit NULL,
    [role] nvarchar(max) NULL,
    [type] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_teams__0123456789ab];

COPY INTO [stg].[heroku_teams__0123456789ab] ([id], [created_at], [credit_card_collections], [default], [enterprise_account_id], [enterprise_account_name], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [membership_limit], [name], [provisioned_licenses], [role], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_teams/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([enterprise_account_id]) > 72 OR DATALENGTH([enterprise_account_name]) > 4000 OR DATALENGTH([identity_provider_id]) > 72 OR DATALENGTH([identity_provider_name]) > 4000 OR DATALENGTH([identity_provider_owner_id]) > 72 OR DATALENGTH([identity_provider_owner_name]) > 4000 OR DATALENGTH([identity_provider_owner_type]) > 36 OR DATALENGTH([name]) > 4000 OR DATALENGTH([role]) > 24 OR DATALENGTH([type]) > 20 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_type]) > 36 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([role]) > 24 THEN 1 ELSE 0 END), 0) AS [truncated__role],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > 20 THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_teams__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_teams:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_teams__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_teams:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_teams]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_teams__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_teams].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_teams:upsert');

INSERT INTO [dbo].[heroku_teams] ([id], [created_at], [credit_card_collections], [default], [enterprise_account_id], [enterprise_account_name], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [membership_limit], [name], [provisioned_licenses], [role], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [created_at], [credit_card_collections], [default], [enterprise_account_id], [enterprise_account_name], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [membership_limit], [name], [provisioned_licenses], [role], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        [credit_card_collections] AS [credit_card_collections],
        [default] AS [default],
        CAST([enterprise_account_id] AS nvarchar(36)) AS [enterprise_account_id],
        CAST([enterprise_account_name] AS nvarchar(2000)) AS [enterprise_account_name],
        CAST([identity_provider_id] AS nvarchar(36)) AS [identity_provider_id],
        CAST([identity_provider_name] AS nvarchar(2000)) AS [identity_provider_name],
        CAST([identity_provider_owner_id] AS nvarchar(36)) AS [identity_provider_owner_id],
        CAST([identity_provider_owner_name] AS nvarchar(2000)) AS [identity_provider_owner_name],
        CAST([identity_provider_owner_type] AS nvarchar(18)) AS [identity_provider_owner_type],
        [membership_limit] AS [membership_limit],
        CAST([name] AS nvarchar(2000)) AS [name],
        [provisioned_licenses] AS [provisioned_licenses],
        CAST([role] AS nvarchar(12)) AS [role],
        CAST([type] AS nvarchar(10)) AS [type],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_teams__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_teams:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_teams__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_teams__0123456789ab];
