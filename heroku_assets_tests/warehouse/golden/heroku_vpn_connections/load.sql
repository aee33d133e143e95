IF OBJECT_ID(N'[stg].[heroku_vpn_connections__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_vpn_connections__0123456789ab] (
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [public_ip] nvarchar(max) NULL,
    [routable_cidrs] nvarchar(max) NULL,
    [space_cidr_block] nvarchar(max) NULL,
    [tunnels] nvarchar(max) NULL,
    [ike_version] bigint NULL,
    [status] nvarchar(max) NULL,
    [status_message] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_vpn_connections__0123456789ab];

COPY INTO [stg].[heroku_vpn_connections__0123456789ab] ([id], [name], [public_ip], [routable_cidrs], [space_cidr_block], [tunnels], [ike_version], [status], [status_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_vpn_connections/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 4000 OR DATALENGTH([name]) > 4000 OR DATALENGTH([public_ip]) > 4000 OR DATALENGTH([routable_cidrs]) > 8000 OR DATALENGTH([space_cidr_block]) > 4000 OR DATALENGTH([tunnels]) > 8000 OR DATALENGTH([status]) > 28 OR DATALENGTH([status_message]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([public_ip]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__public_ip],
    COALESCE(SUM(CASE WHEN DATALENGTH([routable_cidrs]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__routable_cidrs],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_cidr_block]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__space_cidr_block],
    COALESCE(SUM(CASE WHEN DATALENGTH([tunnels]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__tunnels],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 28 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([status_message]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__status_message],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_vpn_connections__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(2000)) AS [id] FROM [stg].[heroku_vpn_connections__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_vpn_connections]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_vpn_connections__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(2000)) = [heroku_vpn_connections].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

INSERT INTO [dbo].[heroku_vpn_connections] ([id], [name], [public_ip], [routable_cidrs], [space_cidr_block], [tunnels], [ike_version], [status], [status_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [name], [public_ip], [routable_cidrs], [space_cidr_block], [tunnels], [ike_version], [status], [status_message], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([id] AS nvarchar(2000)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        CAST([public_ip] AS nvarchar(2000)) AS [public_ip],
        CAST([routable_cidrs] AS nvarchar(4000)) AS [routable_cidrs],
        CAST([space_cidr_block] AS nvarchar(2000)) AS [space_cidr_block],
        CAST([tunnels] AS nvarchar(4000)) AS [tunnels],
        [ike_version] AS [ike_version],
        CAST([status] AS nvarchar(14)) AS [status],
        CAST([status_message] AS nvarchar(2000)) AS [status_message],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(2000)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_vpn_connections__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_vpn_connections__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_vpn_connections__0123456789ab];
