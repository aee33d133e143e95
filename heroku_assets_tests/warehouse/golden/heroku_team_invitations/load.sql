IF OBJECT_ID(N'[stg].[heroku_team_invitations__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_invitations__0123456789ab] (
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [invited_by_email] nvarchar(max) NULL,
    [invited_by_id] nvarchar(max) NULL,
    [invited_by_name] nvarchar(max) NULL,
    [team_id] nvarchar(max) NULL,
    [team_name] nvarchar(max) NULL,
    [role] nvarchar(max) NULL,
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

TRUNCATE TABLE [stg].[heroku_team_invitations__0123456789ab];

COPY INTO [stg].[heroku_team_invitations__0123456789ab] ([created_at], [id], [invited_by_email], [invited_by_id], [invited_by_name], [team_id], [team_name], [role], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_invitations/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([invited_by_email]) > 640 OR DATALENGTH([invited_by_id]) > 72 OR DATALENGTH([invited_by_name]) > 4000 OR DATALENGTH([team_id]) > 72 OR DATALENGTH([team_name]) > 4000 OR DATALENGTH([role]) > 24 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([user_name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([invited_by_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__invited_by_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([invited_by_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__invited_by_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([invited_by_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__invited_by_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([role]) > 24 THEN 1 ELSE 0 END), 0) AS [truncated__role],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__user_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_invitations__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_team_invitations__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_invitations]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_invitations__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_team_invitations].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

INSERT INTO [dbo].[heroku_team_invitations] ([created_at], [id], [invited_by_email], [invited_by_id], [invited_by_name], [team_id], [team_name], [role], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [invited_by_email], [invited_by_id], [invited_by_name], [team_id], [team_name], [role], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([invited_by_email] AS nvarchar(320)) AS [invited_by_email],
        CAST([invited_by_id] AS nvarchar(36)) AS [invited_by_id],
        CAST([invited_by_name] AS nvarchar(2000)) AS [invited_by_name],
        CAST([team_id] AS nvarchar(36)) AS [team_id],
        CAST([team_name] AS nvarchar(2000)) AS [team_name],
        CAST([role] AS nvarchar(12)) AS [role],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        CAST([user_name] AS nvarchar(2000)) AS [user_name],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_team_invitations__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_invitations__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_invitations__0123456789ab];
