IF OBJECT_ID(N'[stg].[heroku_team_members__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_members__0123456789ab] (
    [created_at] bigint NULL,
    [email] nvarchar(max) NULL,
    [federated] bit NULL,
    [id] nvarchar(max) NULL,
    [identity_provider_id] nvarchar(max) NULL,
    [identity_provider_name] nvarchar(max) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] nvarchar(max) NULL,
    [identity_provider_owner_name] nvarchar(max) NULL,
    [identity_provider_owner_type] nvarchar(max) NULL,
    [role] nvarchar(max) NULL,
    [two_factor_authentication] bit NULL,
    [updated_at] bigint NULL,
    [user_email] nvarchar(max) NULL,
    [user_id] nvarchar(max) NULL,
    [user_name] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_team_members__0123456789ab];

COPY INTO [stg].[heroku_team_members__0123456789ab] ([created_at], [email], [federated], [id], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [role], [two_factor_authentication], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_members/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([email]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([identity_provider_id]) > 72 OR DATALENGTH([identity_provider_name]) > 4000 OR DATALENGTH([identity_provider_owner_id]) > 72 OR DATALENGTH([identity_provider_owner_name]) > 4000 OR DATALENGTH([identity_provider_owner_type]) > 36 OR DATALENGTH([role]) > 24 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([user_name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([email]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__email],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([identity_provider_owner_type]) > 36 THEN 1 ELSE 0 END), 0) AS [truncated__identity_provider_owner_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([role]) > 24 THEN 1 ELSE 0 END), 0) AS [truncated__role],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__user_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_members__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_members:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_team_members__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_members:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_members]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_members__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_team_members].[_parent] AND CAST([s].[id] AS nvarchar(36)) = [heroku_team_members].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_members:upsert');

INSERT INTO [dbo].[heroku_team_members] ([created_at], [email], [federated], [id], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [role], [two_factor_authentication], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [email], [federated], [id], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [role], [two_factor_authentication], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([email] AS nvarchar(2000)) AS [email],
        [federated] AS [federated],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([identity_provider_id] AS nvarchar(36)) AS [identity_provider_id],
        CAST([identity_provider_name] AS nvarchar(2000)) AS [identity_provider_name],
        [identity_provider_redacted] AS [identity_provider_redacted],
        CAST([identity_provider_owner_id] AS nvarchar(36)) AS [identity_provider_owner_id],
        CAST([identity_provider_owner_name] AS nvarchar(2000)) AS [identity_provider_owner_name],
        CAST([identity_provider_owner_type] AS nvarchar(18)) AS [identity_provider_owner_type],
        CAST([role] AS nvarchar(12)) AS [role],
        [two_factor_authentication] AS [two_factor_authentication],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        CAST([user_name] AS nvarchar(2000)) AS [user_name],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_team_members__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_members:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_members__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_members__0123456789ab];
