SELECT CAST(collation_name AS varchar(128)) AS [collation_name]
FROM sys.databases
WHERE name = DB_NAME();

IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'heroku_assets_check_0123456789ab')
    EXEC('CREATE SCHEMA [heroku_assets_check_0123456789ab]');

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[probe] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [word] varchar(64) NULL,
    [astral] varchar(32) NULL,
    [doc] varchar(8000) NULL,
    [flag] bit NULL,
    [small] int NULL,
    [big] bigint NULL,
    [ratio] float NULL,
    [day] date NULL,
    [email] varchar(1280) NULL,
    [long] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [word] varchar(8000) NULL,
    [astral] varchar(8000) NULL,
    [doc] varchar(max) NULL,
    [flag] bit NULL,
    [small] int NULL,
    [big] bigint NULL,
    [ratio] float NULL,
    [day] date NULL,
    [email] varchar(8000) NULL,
    [long] varchar(max) NULL
);

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/synapse-check/0123456789ab/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([word]) > DATALENGTH(CAST(LEFT([word], 16) AS varchar(64))) OR DATALENGTH([astral]) > DATALENGTH(CAST(LEFT([astral], 8) AS varchar(32))) OR DATALENGTH([doc]) > DATALENGTH(CAST(LEFT([doc], 4000) AS varchar(8000))) OR DATALENGTH([email]) > DATALENGTH(CAST(LEFT([email], 320) AS varchar(1280))) OR DATALENGTH([long]) > DATALENGTH(CAST(LEFT([long], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([word]) > DATALENGTH(CAST(LEFT([word], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__word],
    COALESCE(SUM(CASE WHEN DATALENGTH([astral]) > DATALENGTH(CAST(LEFT([astral], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__astral],
    COALESCE(SUM(CASE WHEN DATALENGTH([doc]) > DATALENGTH(CAST(LEFT([doc], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__doc],
    COALESCE(SUM(CASE WHEN DATALENGTH([email]) > DATALENGTH(CAST(LEFT([email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__email],
    COALESCE(SUM(CASE WHEN DATALENGTH([long]) > DATALENGTH(CAST(LEFT([long], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__long]
FROM [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check']
DELETE FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check:2026-01-02');

-- params: ['2026-01-02', 'synapse-check']
INSERT INTO [heroku_assets_check_0123456789ab].[probe] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([word], 16) AS varchar(64)),
    CAST(LEFT([astral], 8) AS varchar(32)),
    CAST(LEFT([doc], 4000) AS varchar(8000)),
    [flag],
    [small],
    [big],
    [ratio],
    [day],
    CAST(LEFT([email], 320) AS varchar(1280)),
    CAST(LEFT([long], 4000) AS varchar(8000))
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

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [word] varchar(8000) NULL,
    [astral] varchar(8000) NULL,
    [doc] varchar(max) NULL,
    [flag] bit NULL,
    [small] int NULL,
    [big] bigint NULL,
    [ratio] float NULL,
    [day] date NULL,
    [email] varchar(8000) NULL,
    [long] varchar(max) NULL
);

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/synapse-check/0123456789ab/extremes/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([word]) > DATALENGTH(CAST(LEFT([word], 16) AS varchar(64))) OR DATALENGTH([astral]) > DATALENGTH(CAST(LEFT([astral], 8) AS varchar(32))) OR DATALENGTH([doc]) > DATALENGTH(CAST(LEFT([doc], 4000) AS varchar(8000))) OR DATALENGTH([email]) > DATALENGTH(CAST(LEFT([email], 320) AS varchar(1280))) OR DATALENGTH([long]) > DATALENGTH(CAST(LEFT([long], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([word]) > DATALENGTH(CAST(LEFT([word], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__word],
    COALESCE(SUM(CASE WHEN DATALENGTH([astral]) > DATALENGTH(CAST(LEFT([astral], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__astral],
    COALESCE(SUM(CASE WHEN DATALENGTH([doc]) > DATALENGTH(CAST(LEFT([doc], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__doc],
    COALESCE(SUM(CASE WHEN DATALENGTH([email]) > DATALENGTH(CAST(LEFT([email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__email],
    COALESCE(SUM(CASE WHEN DATALENGTH([long]) > DATALENGTH(CAST(LEFT([long], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__long]
FROM [heroku_assets_check_0123456789ab].[probe__20260102__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:probe:synapse-check-extremes:2026-01-02');

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check-extremes']
DELETE FROM [heroku_assets_check_0123456789ab].[probe]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:probe:synapse-check-extremes:2026-01-02');

-- params: ['2026-01-02', 'synapse-check-extremes']
INSERT INTO [heroku_assets_check_0123456789ab].[probe] ([app], [event_date], [line_number], [event_ts], [word], [astral], [doc], [flag], [small], [big], [ratio], [day], [email], [long])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([word], 16) AS varchar(64)),
    CAST(LEFT([astral], 8) AS varchar(32)),
    CAST(LEFT([doc], 4000) AS varchar(8000)),
    [flag],
    [small],
    [big],
    [ratio],
    [day],
    CAST(LEFT([email], 320) AS varchar(1280)),
    CAST(LEFT([long], 4000) AS varchar(8000))
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
