IF OBJECT_ID(N'[stg].[heroku_audit_trail_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_audit_trail_events__0123456789ab] (
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [type] varchar(max) NULL,
    [action] varchar(max) NULL,
    [actor_id] varchar(8000) NULL,
    [actor_email] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [app_name] varchar(max) NULL,
    [owner_id] varchar(8000) NULL,
    [owner_email] varchar(8000) NULL,
    [enterprise_account_id] varchar(8000) NULL,
    [enterprise_account_name] varchar(max) NULL,
    [team_id] varchar(8000) NULL,
    [team_name] varchar(max) NULL,
    [request_ip_address] varchar(max) NULL,
    [data] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 2000) AS varchar(8000))) OR DATALENGTH([action]) > DATALENGTH(CAST(LEFT([action], 2000) AS varchar(8000))) OR DATALENGTH([actor_id]) > DATALENGTH(CAST(LEFT([actor_id], 36) AS varchar(144))) OR DATALENGTH([actor_email]) > DATALENGTH(CAST(LEFT([actor_email], 320) AS varchar(1280))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 2000) AS varchar(8000))) OR DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) OR DATALENGTH([owner_email]) > DATALENGTH(CAST(LEFT([owner_email], 320) AS varchar(1280))) OR DATALENGTH([enterprise_account_id]) > DATALENGTH(CAST(LEFT([enterprise_account_id], 36) AS varchar(144))) OR DATALENGTH([enterprise_account_name]) > DATALENGTH(CAST(LEFT([enterprise_account_name], 2000) AS varchar(8000))) OR DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) OR DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) OR DATALENGTH([request_ip_address]) > DATALENGTH(CAST(LEFT([request_ip_address], 2000) AS varchar(8000))) OR DATALENGTH([data]) > DATALENGTH(CAST(LEFT([data], 4000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([action]) > DATALENGTH(CAST(LEFT([action], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__action],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor_id]) > DATALENGTH(CAST(LEFT([actor_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__actor_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor_email]) > DATALENGTH(CAST(LEFT([actor_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__actor_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > DATALENGTH(CAST(LEFT([owner_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_id]) > DATALENGTH(CAST(LEFT([enterprise_account_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([enterprise_account_name]) > DATALENGTH(CAST(LEFT([enterprise_account_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__enterprise_account_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([request_ip_address]) > DATALENGTH(CAST(LEFT([request_ip_address], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__request_ip_address],
    COALESCE(SUM(CASE WHEN DATALENGTH([data]) > DATALENGTH(CAST(LEFT([data], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__data],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_audit_trail_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_audit_trail_events__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_audit_trail_events]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_audit_trail_events__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_audit_trail_events].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

INSERT INTO [dbo].[heroku_audit_trail_events] ([created_at], [id], [type], [action], [actor_id], [actor_email], [app_id], [app_name], [owner_id], [owner_email], [enterprise_account_id], [enterprise_account_name], [team_id], [team_name], [request_ip_address], [data], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [type], [action], [actor_id], [actor_email], [app_id], [app_name], [owner_id], [owner_email], [enterprise_account_id], [enterprise_account_name], [team_id], [team_name], [request_ip_address], [data], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([type], 2000) AS varchar(8000)) AS [type],
        CAST(LEFT([action], 2000) AS varchar(8000)) AS [action],
        CAST(LEFT([actor_id], 36) AS varchar(144)) AS [actor_id],
        CAST(LEFT([actor_email], 320) AS varchar(1280)) AS [actor_email],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([app_name], 2000) AS varchar(8000)) AS [app_name],
        CAST(LEFT([owner_id], 36) AS varchar(144)) AS [owner_id],
        CAST(LEFT([owner_email], 320) AS varchar(1280)) AS [owner_email],
        CAST(LEFT([enterprise_account_id], 36) AS varchar(144)) AS [enterprise_account_id],
        CAST(LEFT([enterprise_account_name], 2000) AS varchar(8000)) AS [enterprise_account_name],
        CAST(LEFT([team_id], 36) AS varchar(144)) AS [team_id],
        CAST(LEFT([team_name], 2000) AS varchar(8000)) AS [team_name],
        CAST(LEFT([request_ip_address], 2000) AS varchar(8000)) AS [request_ip_address],
        CAST(LEFT([data], 4000) AS varchar(8000)) AS [data],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_audit_trail_events__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_events:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_audit_trail_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_audit_trail_events__0123456789ab];
