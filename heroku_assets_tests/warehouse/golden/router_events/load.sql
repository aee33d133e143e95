IF OBJECT_ID(N'[stg].[router_events__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[router_events__20261120__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [at] nvarchar(max) NULL,
    [code] nvarchar(max) NULL,
    [desc] nvarchar(max) NULL,
    [sock] nvarchar(max) NULL,
    [cause] nvarchar(max) NULL,
    [method] nvarchar(max) NULL,
    [path] nvarchar(max) NULL,
    [host] nvarchar(max) NULL,
    [request_id] nvarchar(max) NULL,
    [fwd] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [connect_ms] bigint NULL,
    [service_ms] bigint NULL,
    [status] int NULL,
    [bytes] bigint NULL,
    [protocol] nvarchar(max) NULL,
    [tls] bit NULL,
    [tls_version] nvarchar(max) NULL,
    [extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[router_events__20261120__0123456789ab];

COPY INTO [stg].[router_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/router_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([at]) > 32 OR DATALENGTH([code]) > 16 OR DATALENGTH([desc]) > 800 OR DATALENGTH([sock]) > 32 OR DATALENGTH([cause]) > 800 OR DATALENGTH([method]) > 32 OR DATALENGTH([path]) > 8000 OR DATALENGTH([host]) > 800 OR DATALENGTH([request_id]) > 200 OR DATALENGTH([fwd]) > 800 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([protocol]) > 32 OR DATALENGTH([tls_version]) > 32 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([at]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__at],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([desc]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__desc],
    COALESCE(SUM(CASE WHEN DATALENGTH([sock]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__sock],
    COALESCE(SUM(CASE WHEN DATALENGTH([cause]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__cause],
    COALESCE(SUM(CASE WHEN DATALENGTH([method]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__method],
    COALESCE(SUM(CASE WHEN DATALENGTH([path]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__path],
    COALESCE(SUM(CASE WHEN DATALENGTH([host]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__host],
    COALESCE(SUM(CASE WHEN DATALENGTH([request_id]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__request_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([fwd]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__fwd],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([protocol]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__protocol],
    COALESCE(SUM(CASE WHEN DATALENGTH([tls_version]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__tls_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[router_events__20261120__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:router_events:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[router_events]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:router_events:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[router_events] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([at] AS nvarchar(16)),
    CAST([code] AS nvarchar(8)),
    CAST([desc] AS nvarchar(400)),
    CAST([sock] AS nvarchar(16)),
    CAST([cause] AS nvarchar(400)),
    CAST([method] AS nvarchar(16)),
    CAST([path] AS nvarchar(4000)),
    CAST([host] AS nvarchar(400)),
    CAST([request_id] AS nvarchar(100)),
    CAST([fwd] AS nvarchar(400)),
    CAST([dyno] AS nvarchar(100)),
    [connect_ms],
    [service_ms],
    [status],
    [bytes],
    CAST([protocol] AS nvarchar(16)),
    [tls],
    CAST([tls_version] AS nvarchar(16)),
    CAST([extra] AS nvarchar(4000))
FROM [stg].[router_events__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:router_events:my-app:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[router_events]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:router_events:my-app:2026-11-20');

IF OBJECT_ID(N'[stg].[router_events__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[router_events__20261120__0123456789ab];
