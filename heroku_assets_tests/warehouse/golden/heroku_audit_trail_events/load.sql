IF OBJECT_ID(N'[stg].[heroku_audit_trail_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_audit_trail_events__0123456789ab] (
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [type] nvarchar(max) NULL,
    [action] nvarchar(max) NULL,
    [actor_id] nvarchar(max) NULL,
    [actor_email] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [app_name] nvarchar(max) NULL,
    [owner_id] nvarchar(max) NULL,
    [owner_email] nvarchar(max) NULL,
    [enterprise_account_id] nvarchar(max) NULL,
    [enterprise_account_name] nvarchar(max) NULL,
    [team_id] nvarchar(max) NULL,
    [team_name] nvarchar(max) NULL,
    [request_ip_address] nvarchar(max) NULL,
    [data] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_audit_trail_events__0123456789ab];

COPY INTO [stg].[heroku_audit_trail_events__0123456789ab] ([created_at], [id], [type], [action], [actor_id], [actor_email], [app_id], [app_name], [owner_id], [owner_email], [enterprise_account_id], [enterprise_account_name], [team_id], [team_name], [request_ip_address], [data], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_audit_trail_events/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([type]) > 4000 OR DATALENGTH([action]) > 4000 OR DATALENGTH([actor_id]) > 72 OR DATALENGTH([actor_email]) > 640 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([app_name]) > 4000 OR DATALENGTH([owner_id]) > 72 OR DATALENGTH([owner_email]) > 640 OR DATALENGTH([enterprise_account_id]) > 72 OR DATALENGTH([enterprise_account_name]) > 4000 OR DATALENGTH([team_id]) > 72 OR DATALENGTH([team_name]) > 4000 OR DATALENGTH([request_ip_address]) > 4000 OR DATALENGTH([data]) > 8000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([action]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__action],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__actor_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__actor_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([request_ip_address]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__request_ip_address],
    COALESCE(SUM(CASE WHEN DATALENGTH([data]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__data],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_audit_trail_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_audit_trail_events__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_audit_trail_events]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_audit_trail_events__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_audit_trail_events].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

INSERT INTO [dbo].[heroku_audit_trail_events] ([created_at], [id], [type], [action], [actor_id], [actor_email], [app_id], [app_name], [owner_id], [owner_email], [enterprise_account_id], [enterprise_account_name], [team_id], [team_name], [request_ip_address], [data], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [type], [action], [actor_id], [actor_email], [app_id], [app_name], [owner_id], [owner_email], [enterprise_account_id], [enterprise_account_name], [team_id], [team_name], [request_ip_address], [data], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([type] AS nvarchar(2000)) AS [type],
        CAST([action] AS nvarchar(2000)) AS [action],
        CAST([actor_id] AS nvarchar(36)) AS [actor_id],
        CAST([actor_email] AS nvarchar(320)) AS [actor_email],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([app_name] AS nvarchar(2000)) AS [app_name],
        CAST([owner_id] AS nvarchar(36)) AS [owner_id],
        CAST([owner_email] AS nvarchar(320)) AS [owner_email],
        CAST([enterprise_account_id] AS nvarchar(36)) AS [enterprise_account_id],
        CAST([enterprise_account_name] AS nvarchar(2000)) AS [enterprise_account_name],
        CAST([team_id] AS nvarchar(36)) AS [team_id],
        CAST([team_name] AS nvarchar(2000)) AS [team_name],
        CAST([request_ip_address] AS nvarchar(2000)) AS [request_ip_address],
        CAST([data] AS nvarchar(4000)) AS [data],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_audit_trail_events__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_audit_trail_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_audit_trail_events__0123456789ab];
