IF OBJECT_ID(N'[stg].[heroku_app_transfers__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_app_transfers__0123456789ab] (
    [app_name] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [owner_email] varchar(8000) NULL,
    [owner_id] varchar(8000) NULL,
    [recipient_email] varchar(8000) NULL,
    [recipient_id] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([owner_email]) > DATALENGTH(CAST(LEFT([owner_email], 320) AS varchar(1280))) OR DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) OR DATALENGTH([recipient_email]) > DATALENGTH(CAST(LEFT([recipient_email], 320) AS varchar(1280))) OR DATALENGTH([recipient_id]) > DATALENGTH(CAST(LEFT([recipient_id], 36) AS varchar(144))) OR DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 8) AS varchar(32))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > DATALENGTH(CAST(LEFT([owner_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([recipient_email]) > DATALENGTH(CAST(LEFT([recipient_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__recipient_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([recipient_id]) > DATALENGTH(CAST(LEFT([recipient_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__recipient_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_app_transfers__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_app_transfers__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_app_transfers]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_app_transfers__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_app_transfers].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

INSERT INTO [dbo].[heroku_app_transfers] ([app_name], [app_id], [created_at], [id], [owner_email], [owner_id], [recipient_email], [recipient_id], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [app_name], [app_id], [created_at], [id], [owner_email], [owner_id], [recipient_email], [recipient_id], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([owner_email], 320) AS varchar(1280)) AS [owner_email],
        CAST(LEFT([owner_id], 36) AS varchar(144)) AS [owner_id],
        CAST(LEFT([recipient_email], 320) AS varchar(1280)) AS [recipient_email],
        CAST(LEFT([recipient_id], 36) AS varchar(144)) AS [recipient_id],
        CAST(LEFT([state], 8) AS varchar(32)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_app_transfers__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_app_transfers:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_app_transfers__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_app_transfers__0123456789ab];
