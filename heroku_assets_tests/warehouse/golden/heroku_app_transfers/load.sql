IF OBJECT_ID(N'[stg].[heroku_app_transfers__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_app_transfers__0123456789ab] (
    [app_name] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [owner_email] nvarchar(max) NULL,
    [owner_id] nvarchar(max) NULL,
    [recipient_email] nvarchar(max) NULL,
    [recipient_id] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_app_transfers__0123456789ab];

COPY INTO [stg].[heroku_app_transfers__0123456789ab] ([app_name], [app_id], [created_at], [id], [owner_email], [owner_id], [recipient_email], [recipient_id], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_app_transfers/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([id]) > 72 OR DATALENGTH([owner_email]) > 640 OR DATALENGTH([owner_id]) > 72 OR DATALENGTH([recipient_email]) > 640 OR DATALENGTH([recipient_id]) > 72 OR DATALENGTH([state]) > 16 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([recipient_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__recipient_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([recipient_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__recipient_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_app_transfers__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_app_transfers__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_app_transfers]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_app_transfers__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_app_transfers].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

INSERT INTO [dbo].[heroku_app_transfers] ([app_name], [app_id], [created_at], [id], [owner_email], [owner_id], [recipient_email], [recipient_id], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [app_name], [app_id], [created_at], [id], [owner_email], [owner_id], [recipient_email], [recipient_id], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([owner_email] AS nvarchar(320)) AS [owner_email],
        CAST([owner_id] AS nvarchar(36)) AS [owner_id],
        CAST([recipient_email] AS nvarchar(320)) AS [recipient_email],
        CAST([recipient_id] AS nvarchar(36)) AS [recipient_id],
        CAST([state] AS nvarchar(8)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_app_transfers__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_app_transfers__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_app_transfers__0123456789ab];
