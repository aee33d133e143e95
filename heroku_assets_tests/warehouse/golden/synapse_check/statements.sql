SELECT CAST(is_read_committed_snapshot_on AS int) AS [is_read_committed_snapshot_on]
FROM sys.databases
WHERE name = DB_NAME();

-- params: ['DATABASE', 'ADMINISTER DATABASE BULK OPERATIONS', 'DATABASE', 'CREATE TABLE', 'DATABASE', 'CREATE VIEW', 'DATABASE', 'ALTER ANY MASK', 'dbo', 'SCHEMA', 'ALTER', 'dbo', 'SCHEMA', 'SELECT', 'dbo', 'SCHEMA', 'INSERT', 'dbo', 'SCHEMA', 'DELETE', 'stg', 'SCHEMA', 'ALTER', 'stg', 'SCHEMA', 'SELECT', 'stg', 'SCHEMA', 'INSERT', 'stg', 'SCHEMA', 'DELETE']
SELECT
    HAS_PERMS_BY_NAME(DB_NAME(), ?, ?) AS [administer_database_bulk_operations],
    HAS_PERMS_BY_NAME(DB_NAME(), ?, ?) AS [create_table],
    HAS_PERMS_BY_NAME(DB_NAME(), ?, ?) AS [create_view],
    HAS_PERMS_BY_NAME(DB_NAME(), ?, ?) AS [alter_any_mask],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [alter_on_dbo],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [select_on_dbo],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [insert_on_dbo],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [delete_on_dbo],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [alter_on_stg],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [select_on_stg],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [insert_on_stg],
    HAS_PERMS_BY_NAME(?, ?, ?) AS [delete_on_stg];

IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'heroku_assets_check_0123456789ab')
    EXEC('CREATE SCHEMA [heroku_assets_check_0123456789ab]');

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[probe] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [word] nvarchar(16) NULL,
    [astral] nvarchar(8) NULL,
    [doc] nvarchar(4000) NULL,
    [flag] bit NULL,
    [small] int NULL,
    [big] bigint NULL,
    [ratio] float NULL,
    [day] date NULL,
    [email] nvarchar(320) NULL,
    [long] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [word] nvarchar(max) NULL,
    [astral] nvarchar(max) NULL,
    [doc] nvarchar(max) NULL,
    [flag] bit NULL,
    [small] int NULL,
    [big] bigint NULL,
    [ratio] float NULL,
    [day] date NULL,
    [email] nvarchar(max) NULL,
    [long] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
FROM 'https://examplestaging.dfs.core.windows.net/heroku-staging/synapse-check/0123456789ab/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Managed Identity')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([word]) > 32 OR DATALENGTH([astral]) > 16 OR DATALENGTH([doc]) > 8000 OR DATALENGTH([email]) > 640 OR DATALENGTH([long]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([word]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__word],
    COALESCE(SUM(CASE WHEN DATALENGTH([astral]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__astral],
    COALESCE(SUM(CASE WHEN DATALENGTH([doc]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__doc],
    COALESCE(SUM(CASE WHEN DATALENGTH([email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__email],
    COALESCE(SUM(CASE WHEN DATALENGTH([long]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__long]
FROM [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check']
DELETE FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

-- params: ['2026-01-02', 'synapse-check']
INSERT INTO [heroku_assets_check_0123456789ab].[probe] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([word] AS nvarchar(16)),
    CAST([astral] AS nvarchar(8)),
    CAST([doc] AS nvarchar(4000)),
    [flag],
    [small],
    [big],
    [ratio],
    [day],
    CAST([email] AS nvarchar(320)),
    CAST([long] AS nvarchar(4000))
FROM [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

COMMIT TRANSACTION;

-- params: ['2026-01-02', 'synapse-check']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab];

-- params: ['synapse-check']
SELECT [app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long]
FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [app] = ?
ORDER BY [line_number];

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check']
DELETE FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

SELECT CAST(N'not a number' AS int) AS [x];

IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;

-- params: ['2026-01-02', 'synapse-check']
SELECT COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02:count');

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe_view]', N'V') IS NULL
    EXEC('CREATE VIEW [heroku_assets_check_0123456789ab].[probe_view] AS SELECT 1 AS [placeholder]');

ALTER VIEW [heroku_assets_check_0123456789ab].[probe_view] AS
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[probe]
GROUP BY [app];

-- params: ['synapse-check']
SELECT [rows]
FROM [heroku_assets_check_0123456789ab].[probe_view]
WHERE [app] = ?;

ALTER TABLE [heroku_assets_check_0123456789ab].[probe] ALTER COLUMN [email] ADD MASKED WITH (FUNCTION = 'email()');

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe]') AND name = N'stat_event_date')
CREATE STATISTICS [stat_event_date] ON [heroku_assets_check_0123456789ab].[probe] ([event_date]);

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe]') AND name = N'stat_app')
CREATE STATISTICS [stat_app] ON [heroku_assets_check_0123456789ab].[probe] ([app]);

UPDATE STATISTICS [heroku_assets_check_0123456789ab].[probe] ([stat_event_date], [stat_app]);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [word] nvarchar(max) NULL,
    [astral] nvarchar(max) NULL,
    [doc] nvarchar(max) NULL,
    [flag] bit NULL,
    [small] int NULL,
    [big] bigint NULL,
    [ratio] float NULL,
    [day] date NULL,
    [email] nvarchar(max) NULL,
    [long] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
FROM 'https://examplestaging.dfs.core.windows.net/heroku-staging/synapse-check/0123456789ab/extremes/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Managed Identity')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([word]) > 32 OR DATALENGTH([astral]) > 16 OR DATALENGTH([doc]) > 8000 OR DATALENGTH([email]) > 640 OR DATALENGTH([long]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([word]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__word],
    COALESCE(SUM(CASE WHEN DATALENGTH([astral]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__astral],
    COALESCE(SUM(CASE WHEN DATALENGTH([doc]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__doc],
    COALESCE(SUM(CASE WHEN DATALENGTH([email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__email],
    COALESCE(SUM(CASE WHEN DATALENGTH([long]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__long]
FROM [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:probe:synapse-check-extremes:2026-01-02');

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check-extremes']
DELETE FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check-extremes:2026-01-02');

-- params: ['2026-01-02', 'synapse-check-extremes']
INSERT INTO [heroku_assets_check_0123456789ab].[probe] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([word] AS nvarchar(16)),
    CAST([astral] AS nvarchar(8)),
    CAST([doc] AS nvarchar(4000)),
    [flag],
    [small],
    [big],
    [ratio],
    [day],
    CAST([email] AS nvarchar(320)),
    CAST([long] AS nvarchar(4000))
FROM [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check-extremes:2026-01-02');

COMMIT TRANSACTION;

-- params: ['2026-01-02', 'synapse-check-extremes']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:probe:synapse-check-extremes:2026-01-02');

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab];

-- params: ['synapse-check-extremes']
SELECT [app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long]
FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [app] = ?
ORDER BY [line_number];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe_view]', N'V') IS NOT NULL
DROP VIEW [heroku_assets_check_0123456789ab].[probe_view];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[probe];

IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'heroku_assets_check_0123456789ab')
    EXEC('DROP SCHEMA [heroku_assets_check_0123456789ab]');
