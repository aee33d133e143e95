IF OBJECT_ID(N'[stg].[heroku_team_invitations__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_invitations__0123456789ab] (
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [invited_by_email] varchar(8000) NULL,
    [invited_by_id] varchar(8000) NULL,
    [invited_by_name] varchar(max) NULL,
    [team_id] varchar(8000) NULL,
    [team_name] varchar(max) NULL,
    [role] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [user_email] varchar(8000) NULL,
    [user_id] varchar(8000) NULL,
    [user_name] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([invited_by_email]) > DATALENGTH(CAST(LEFT([invited_by_email], 320) AS varchar(1280))) OR DATALENGTH([invited_by_id]) > DATALENGTH(CAST(LEFT([invited_by_id], 36) AS varchar(144))) OR DATALENGTH([invited_by_name]) > DATALENGTH(CAST(LEFT([invited_by_name], 2000) AS varchar(8000))) OR DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) OR DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) OR DATALENGTH([role]) > DATALENGTH(CAST(LEFT([role], 12) AS varchar(48))) OR DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) OR DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) OR DATALENGTH([user_name]) > DATALENGTH(CAST(LEFT([user_name], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([invited_by_email]) > DATALENGTH(CAST(LEFT([invited_by_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__invited_by_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([invited_by_id]) > DATALENGTH(CAST(LEFT([invited_by_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__invited_by_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([invited_by_name]) > DATALENGTH(CAST(LEFT([invited_by_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__invited_by_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > DATALENGTH(CAST(LEFT([team_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([role]) > DATALENGTH(CAST(LEFT([role], 12) AS varchar(48))) THEN 1 ELSE 0 END), 0) AS [truncated__role],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_name]) > DATALENGTH(CAST(LEFT([user_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_invitations__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_team_invitations__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_invitations]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_invitations__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_team_invitations].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

INSERT INTO [dbo].[heroku_team_invitations] ([created_at], [id], [invited_by_email], [invited_by_id], [invited_by_name], [team_id], [team_name], [role], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [invited_by_email], [invited_by_id], [invited_by_name], [team_id], [team_name], [role], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([invited_by_email], 320) AS varchar(1280)) AS [invited_by_email],
        CAST(LEFT([invited_by_id], 36) AS varchar(144)) AS [invited_by_id],
        CAST(LEFT([invited_by_name], 2000) AS varchar(8000)) AS [invited_by_name],
        CAST(LEFT([team_id], 36) AS varchar(144)) AS [team_id],
        CAST(LEFT([team_name], 2000) AS varchar(8000)) AS [team_name],
        CAST(LEFT([role], 12) AS varchar(48)) AS [role],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([user_email], 320) AS varchar(1280)) AS [user_email],
        CAST(LEFT([user_id], 36) AS varchar(144)) AS [user_id],
        CAST(LEFT([user_name], 2000) AS varchar(8000)) AS [user_name],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_team_invitations__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_invitations:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_invitations__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_invitations__0123456789ab];
