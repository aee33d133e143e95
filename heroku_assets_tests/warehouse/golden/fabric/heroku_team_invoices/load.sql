IF OBJECT_ID(N'[stg].[heroku_team_invoices__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_invoices__0123456789ab] (
    [addons_total] bigint NULL,
    [database_total] bigint NULL,
    [charges_total] bigint NULL,
    [created_at] bigint NULL,
    [credits_total] bigint NULL,
    [dyno_units] float NULL,
    [id] varchar(8000) NULL,
    [number] bigint NULL,
    [payment_status] varchar(max) NULL,
    [period_end] varchar(max) NULL,
    [period_start] varchar(max) NULL,
    [platform_total] bigint NULL,
    [state] bigint NULL,
    [total] bigint NULL,
    [updated_at] bigint NULL,
    [weighted_dyno_hours] float NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_team_invoices__0123456789ab];

COPY INTO [stg].[heroku_team_invoices__0123456789ab] ([addons_total], [database_total], [charges_total], [created_at], [credits_total], [dyno_units], [id], [number], [payment_status], [period_end], [period_start], [platform_total], [state], [total], [updated_at], [weighted_dyno_hours], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_invoices/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([payment_status]) > DATALENGTH(CAST(LEFT([payment_status], 2000) AS varchar(8000))) OR DATALENGTH([period_end]) > DATALENGTH(CAST(LEFT([period_end], 2000) AS varchar(8000))) OR DATALENGTH([period_start]) > DATALENGTH(CAST(LEFT([period_start], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([payment_status]) > DATALENGTH(CAST(LEFT([payment_status], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__payment_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([period_end]) > DATALENGTH(CAST(LEFT([period_end], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__period_end],
    COALESCE(SUM(CASE WHEN DATALENGTH([period_start]) > DATALENGTH(CAST(LEFT([period_start], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__period_start],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_invoices__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_invoices:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_team_invoices__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_invoices:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_invoices]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_invoices__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_team_invoices].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_invoices:upsert');

INSERT INTO [dbo].[heroku_team_invoices] ([addons_total], [database_total], [charges_total], [created_at], [credits_total], [dyno_units], [id], [number], [payment_status], [period_end], [period_start], [platform_total], [state], [total], [updated_at], [weighted_dyno_hours], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addons_total], [database_total], [charges_total], [created_at], [credits_total], [dyno_units], [id], [number], [payment_status], [period_end], [period_start], [platform_total], [state], [total], [updated_at], [weighted_dyno_hours], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [addons_total] AS [addons_total],
        [database_total] AS [database_total],
        [charges_total] AS [charges_total],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        [credits_total] AS [credits_total],
        [dyno_units] AS [dyno_units],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        [number] AS [number],
        CAST(LEFT([payment_status], 2000) AS varchar(8000)) AS [payment_status],
        CAST(LEFT([period_end], 2000) AS varchar(8000)) AS [period_end],
        CAST(LEFT([period_start], 2000) AS varchar(8000)) AS [period_start],
        [platform_total] AS [platform_total],
        [state] AS [state],
        [total] AS [total],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        [weighted_dyno_hours] AS [weighted_dyno_hours],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_team_invoices__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_invoices:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_invoices__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_invoices__0123456789ab];
