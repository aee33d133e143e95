IF OBJECT_ID(N'[stg].[heroku_enterprise_account_members__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_enterprise_account_members__0123456789ab] (
    [enterprise_account_id] nvarchar(max) NULL,
    [enterprise_account_name] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [permissions] nvarchar(max) NULL,
    [user_email] nvarchar(max) NULL,
    [user_id] nvarchar(max) NULL,
    [two_factor_authentication] bit NULL,
    [identity_provider_id] nvarchar(max) NULL,
    [identity_provider_name] nvarchar(max) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] nvarchar(max) NULL,
    [identity_provider_owner_name] nvarchar(max) NULL,
    [identity_provider_owner_type] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_enterprise_account_members__0123456789ab];

COPY INTO [stg].[heroku_enterprise_account_members__0123456789ab] ([enterprise_account_id], [enterprise_account_name], [id], [permissions], [user_email], [user_id], [two_factor_authentication], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_enterprise_account_members/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_id]) > 72 OR DATALENGTH([enterprise_account_name]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([permissions]) > 8000 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([identity_provider_id]) > 72 OR DATALENGTH([identity_provider_name]) > 4000 OR DATALENGTH([identity_provider_owner_id]) > 72 OR DATALENGTH([identity_provider_owner_name]) > 4000 OR DATALENGTH([identity_provider_owner_type]) > 36 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([permissions]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__permissions],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_type]) > 36 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_enterprise_account_members__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_members:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_enterprise_account_members__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_members:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_enterprise_account_members]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_enterprise_account_members__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_enterprise_account_members].[_parent] AND CAST([s].[id] AS nvarchar(36)) = [heroku_enterprise_account_members].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_members:upsert');

INSERT INTO [dbo].[heroku_enterprise_account_members] ([enterprise_account_id], [enterprise_account_name], [id], [permissions], [user_email], [user_id], [two_factor_authentication], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [enterprise_account_id], [enterprise_account_name], [id], [permissions], [user_email], [user_id], [two_factor_authentication], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([enterprise_account_id] AS nvarchar(36)) AS [enterprise_account_id],
        CAST([enterprise_account_name] AS nvarchar(2000)) AS [enterprise_account_name],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([permissions] AS nvarchar(4000)) AS [permissions],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        [two_factor_authentication] AS [two_factor_authentication],
        CAST([identity_provider_id] AS nvarchar(36)) AS [identity_provider_id],
        CAST([identity_provider_name] AS nvarchar(2000)) AS [identity_provider_name],
        [identity_provider_redacted] AS [identity_provider_redacted],
        CAST([identity_provider_owner_id] AS nvarchar(36)) AS [identity_provider_owner_id],
        CAST([identity_provider_owner_name] AS nvarchar(2000)) AS [identity_provider_owner_name],
        CAST([identity_provider_owner_type] AS nvarchar(18)) AS [identity_provider_owner_type],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), CAST([id] AS nvarchar(36)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_enterprise_account_members__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_members:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_enterprise_account_members__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_enterprise_account_members__0123456789ab];
