IF OBJECT_ID(N'[stg].[heroku_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_apps__0123456789ab] (
    [acm] bit NULL,
    [archived_at] bigint NULL,
    [buildpack_provided_description] nvarchar(max) NULL,
    [build_stack_id] nvarchar(max) NULL,
    [build_stack_name] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [generation_id] nvarchar(max) NULL,
    [generation_name] nvarchar(max) NULL,
    [git_url] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [internal_routing] bit NULL,
    [maintenance] bit NULL,
    [name] nvarchar(max) NULL,
    [owner_email] nvarchar(max) NULL,
    [owner_id] nvarchar(max) NULL,
    [organization_id] nvarchar(max) NULL,
    [organization_name] nvarchar(max) NULL,
    [team_id] nvarchar(max) NULL,
    [team_name] nvarchar(max) NULL,
    [region_id] nvarchar(max) NULL,
    [region_name] nvarchar(max) NULL,
    [released_at] bigint NULL,
    [repo_size] bigint NULL,
    [slug_size] bigint NULL,
    [space_id] nvarchar(max) NULL,
    [space_name] nvarchar(max) NULL,
    [space_shield] bit NULL,
    [stack_id] nvarchar(max) NULL,
    [stack_name] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [web_url] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_apps__0123456789ab];

COPY INTO [stg].[heroku_apps__0123456789ab] ([acm], [archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [generation_id], [generation_name], [git_url], [id], [internal_routing], [maintenance], [name], [owner_email], [owner_id], [organization_id], [organization_name], [team_id], [team_name], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [space_shield], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpack_provided_description]) > 4000 OR DATALENGTH([build_stack_id]) > 72 OR DATALENGTH([build_stack_name]) > 4000 OR DATALENGTH([generation_id]) > 72 OR DATALENGTH([generation_name]) > 4000 OR DATALENGTH([git_url]) > 114 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 60 OR DATALENGTH([owner_email]) > 640 OR DATALENGTH([owner_id]) > 72 OR DATALENGTH([organization_id]) > 72 OR DATALENGTH([organization_name]) > 4000 OR DATALENGTH([team_id]) > 72 OR DATALENGTH([team_name]) > 4000 OR DATALENGTH([region_id]) > 72 OR DATALENGTH([region_name]) > 4000 OR DATALENGTH([space_id]) > 72 OR DATALENGTH([space_name]) > 4000 OR DATALENGTH([stack_id]) > 72 OR DATALENGTH([stack_name]) > 4000 OR DATALENGTH([web_url]) > 134 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpack_provided_description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__buildpack_provided_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([build_stack_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__build_stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([build_stack_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__build_stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__generation_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__generation_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([git_url]) > 114 THEN 1 ELSE 0 END), 0) AS [truncated__git_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([organization_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__organization_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([organization_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__organization_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([region_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__region_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([region_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__region_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__space_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__space_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([web_url]) > 134 THEN 1 ELSE 0 END), 0) AS [truncated__web_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_apps__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_apps].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

INSERT INTO [dbo].[heroku_apps] ([acm], [archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [generation_id], [generation_name], [git_url], [id], [internal_routing], [maintenance], [name], [owner_email], [owner_id], [organization_id], [organization_name], [team_id], [team_name], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [space_shield], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [acm], [archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [generation_id], [generation_name], [git_url], [id], [internal_routing], [maintenance], [name], [owner_email], [owner_id], [organization_id], [organization_name], [team_id], [team_name], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [space_shield], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [acm] AS [acm],
        DATEADD(MICROSECOND, CAST([archived_at] % 1000000 AS int), DATEADD(SECOND, CAST(([archived_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([archived_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [archived_at],
        CAST([buildpack_provided_description] AS nvarchar(2000)) AS [buildpack_provided_description],
        CAST([build_stack_id] AS nvarchar(36)) AS [build_stack_id],
        CAST([build_stack_name] AS nvarchar(2000)) AS [build_stack_name],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([generation_id] AS nvarchar(36)) AS [generation_id],
        CAST([generation_name] AS nvarchar(2000)) AS [generation_name],
        CAST([git_url] AS nvarchar(57)) AS [git_url],
        CAST([id] AS nvarchar(36)) AS [id],
        [internal_routing] AS [internal_routing],
        [maintenance] AS [maintenance],
        CAST([name] AS nvarchar(30)) AS [name],
        CAST([owner_email] AS nvarchar(320)) AS [owner_email],
        CAST([owner_id] AS nvarchar(36)) AS [owner_id],
        CAST([organization_id] AS nvarchar(36)) AS [organization_id],
        CAST([organization_name] AS nvarchar(2000)) AS [organization_name],
        CAST([team_id] AS nvarchar(36)) AS [team_id],
        CAST([team_name] AS nvarchar(2000)) AS [team_name],
        CAST([region_id] AS nvarchar(36)) AS [region_id],
        CAST([region_name] AS nvarchar(2000)) AS [region_name],
        DATEADD(MICROSECOND, CAST([released_at] % 1000000 AS int), DATEADD(SECOND, CAST(([released_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([released_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [released_at],
        [repo_size] AS [repo_size],
        [slug_size] AS [slug_size],
        CAST([space_id] AS nvarchar(36)) AS [space_id],
        CAST([space_name] AS nvarchar(2000)) AS [space_name],
        [space_shield] AS [space_shield],
        CAST([stack_id] AS nvarchar(36)) AS [stack_id],
        CAST([stack_name] AS nvarchar(2000)) AS [stack_name],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([web_url] AS nvarchar(67)) AS [web_url],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_apps__0123456789ab];
