IF OBJECT_ID(N'[stg].[router_events__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[router_events__20261120__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [at] varchar(8000) NULL,
    [code] varchar(8000) NULL,
    [desc] varchar(8000) NULL,
    [sock] varchar(8000) NULL,
    [cause] varchar(8000) NULL,
    [method] varchar(8000) NULL,
    [path] varchar(max) NULL,
    [host] varchar(8000) NULL,
    [request_id] varchar(8000) NULL,
    [fwd] varchar(8000) NULL,
    [dyno] varchar(8000) NULL,
    [connect_ms] bigint NULL,
    [service_ms] bigint NULL,
    [status] int NULL,
    [bytes] bigint NULL,
    [protocol] varchar(8000) NULL,
    [tls] bit NULL,
    [tls_version] varchar(8000) NULL,
    [extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[router_events__20261120__0123456789ab];

COPY INTO [stg].[router_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/router_events/app=a-app/date=2026-11-20/*.parquet',
     'https://examplestaging.blob.core.windows.net/heroku-staging/router_events/app=b-app/date=2026-11-20/*.parquet',
     'https://examplestaging.blob.core.windows.net/heroku-staging/router_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([at]) > DATALENGTH(CAST(LEFT([at], 16) AS varchar(64))) OR DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) OR DATALENGTH([desc]) > DATALENGTH(CAST(LEFT([desc], 400) AS varchar(1600))) OR DATALENGTH([sock]) > DATALENGTH(CAST(LEFT([sock], 16) AS varchar(64))) OR DATALENGTH([cause]) > DATALENGTH(CAST(LEFT([cause], 400) AS varchar(1600))) OR DATALENGTH([method]) > DATALENGTH(CAST(LEFT([method], 16) AS varchar(64))) OR DATALENGTH([path]) > DATALENGTH(CAST(LEFT([path], 4000) AS varchar(8000))) OR DATALENGTH([host]) > DATALENGTH(CAST(LEFT([host], 400) AS varchar(1600))) OR DATALENGTH([request_id]) > DATALENGTH(CAST(LEFT([request_id], 100) AS varchar(400))) OR DATALENGTH([fwd]) > DATALENGTH(CAST(LEFT([fwd], 400) AS varchar(1600))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([protocol]) > DATALENGTH(CAST(LEFT([protocol], 16) AS varchar(64))) OR DATALENGTH([tls_version]) > DATALENGTH(CAST(LEFT([tls_version], 16) AS varchar(64))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([at]) > DATALENGTH(CAST(LEFT([at], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__at],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([desc]) > DATALENGTH(CAST(LEFT([desc], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__desc],
    COALESCE(SUM(CASE WHEN DATALENGTH([sock]) > DATALENGTH(CAST(LEFT([sock], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__sock],
    COALESCE(SUM(CASE WHEN DATALENGTH([cause]) > DATALENGTH(CAST(LEFT([cause], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__cause],
    COALESCE(SUM(CASE WHEN DATALENGTH([method]) > DATALENGTH(CAST(LEFT([method], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__method],
    COALESCE(SUM(CASE WHEN DATALENGTH([path]) > DATALENGTH(CAST(LEFT([path], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__path],
    COALESCE(SUM(CASE WHEN DATALENGTH([host]) > DATALENGTH(CAST(LEFT([host], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__host],
    COALESCE(SUM(CASE WHEN DATALENGTH([request_id]) > DATALENGTH(CAST(LEFT([request_id], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__request_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([fwd]) > DATALENGTH(CAST(LEFT([fwd], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__fwd],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([protocol]) > DATALENGTH(CAST(LEFT([protocol], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__protocol],
    COALESCE(SUM(CASE WHEN DATALENGTH([tls_version]) > DATALENGTH(CAST(LEFT([tls_version], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__tls_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[router_events__20261120__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:router_events:3apps:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'a-app', 'b-app', 'my-app']
DELETE FROM [dbo].[router_events]
WHERE [event_date] = ? AND [app] IN (?, ?, ?)
OPTION (LABEL = 'heroku-assets:router_events:3apps:2026-11-20');

-- params: ['2026-11-20', 'a-app', 'b-app', 'my-app']
INSERT INTO [dbo].[router_events] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([at], 16) AS varchar(64)),
    CAST(LEFT([code], 8) AS varchar(32)),
    CAST(LEFT([desc], 400) AS varchar(1600)),
    CAST(LEFT([sock], 16) AS varchar(64)),
    CAST(LEFT([cause], 400) AS varchar(1600)),
    CAST(LEFT([method], 16) AS varchar(64)),
    CAST(LEFT([path], 4000) AS varchar(8000)),
    CAST(LEFT([host], 400) AS varchar(1600)),
    CAST(LEFT([request_id], 100) AS varchar(400)),
    CAST(LEFT([fwd], 400) AS varchar(1600)),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    [connect_ms],
    [service_ms],
    [status],
    [bytes],
    CAST(LEFT([protocol], 16) AS varchar(64)),
    [tls],
    CAST(LEFT([tls_version], 16) AS varchar(64)),
    CAST(LEFT([extra], 4000) AS varchar(8000))
FROM [stg].[router_events__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] IN (?, ?, ?)
OPTION (LABEL = 'heroku-assets:router_events:3apps:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'a-app', 'b-app', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[router_events]
WHERE [event_date] = ? AND [app] IN (?, ?, ?)
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:router_events:3apps:2026-11-20');

IF OBJECT_ID(N'[stg].[router_events__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[router_events__20261120__0123456789ab];
