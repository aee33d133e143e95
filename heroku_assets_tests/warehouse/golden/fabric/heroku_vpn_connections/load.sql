IF OBJECT_ID(N'[stg].[heroku_vpn_connections__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_vpn_connections__0123456789ab] (
    [id] varchar(max) NULL,
    [name] varchar(max) NULL,
    [public_ip] varchar(max) NULL,
    [routable_cidrs] varchar(max) NULL,
    [space_cidr_block] varchar(max) NULL,
    [tunnels] varchar(max) NULL,
    [ike_version] bigint NULL,
    [status] varchar(8000) NULL,
    [status_message] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 2000) AS varchar(8000))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([public_ip]) > DATALENGTH(CAST(LEFT([public_ip], 2000) AS varchar(8000))) OR DATALENGTH([routable_cidrs]) > DATALENGTH(CAST(LEFT([routable_cidrs], 4000) AS varchar(8000))) OR DATALENGTH([space_cidr_block]) > DATALENGTH(CAST(LEFT([space_cidr_block], 2000) AS varchar(8000))) OR DATALENGTH([tunnels]) > DATALENGTH(CAST(LEFT([tunnels], 4000) AS varchar(8000))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 14) AS varchar(56))) OR DATALENGTH([status_message]) > DATALENGTH(CAST(LEFT([status_message], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([public_ip]) > DATALENGTH(CAST(LEFT([public_ip], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__public_ip],
    COALESCE(SUM(CASE WHEN DATALENGTH([routable_cidrs]) > DATALENGTH(CAST(LEFT([routable_cidrs], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__routable_cidrs],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_cidr_block]) > DATALENGTH(CAST(LEFT([space_cidr_block], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__space_cidr_block],
    COALESCE(SUM(CASE WHEN DATALENGTH([tunnels]) > DATALENGTH(CAST(LEFT([tunnels], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__tunnels],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 14) AS varchar(56))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([status_message]) > DATALENGTH(CAST(LEFT([status_message], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__status_message],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_vpn_connections__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 2000) AS varchar(8000)) AS [id] FROM [stg].[heroku_vpn_connections__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_vpn_connections]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_vpn_connections__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 2000) AS varchar(8000)) = [heroku_vpn_connections].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

INSERT INTO [dbo].[heroku_vpn_connections] ([id], [name], [public_ip], [routable_cidrs], [space_cidr_block], [tunnels], [ike_version], [status], [status_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [name], [public_ip], [routable_cidrs], [space_cidr_block], [tunnels], [ike_version], [status], [status_message], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([id], 2000) AS varchar(8000)) AS [id],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        CAST(LEFT([public_ip], 2000) AS varchar(8000)) AS [public_ip],
        CAST(LEFT([routable_cidrs], 4000) AS varchar(8000)) AS [routable_cidrs],
        CAST(LEFT([space_cidr_block], 2000) AS varchar(8000)) AS [space_cidr_block],
        CAST(LEFT([tunnels], 4000) AS varchar(8000)) AS [tunnels],
        [ike_version] AS [ike_version],
        CAST(LEFT([status], 14) AS varchar(56)) AS [status],
        CAST(LEFT([status_message], 2000) AS varchar(8000)) AS [status_message],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 2000) AS varchar(8000)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_vpn_connections__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_vpn_connections:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_vpn_connections__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_vpn_connections__0123456789ab];
