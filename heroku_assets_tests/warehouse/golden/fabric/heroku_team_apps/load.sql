IF OBJECT_ID(N'[stg].[heroku_team_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_apps__0123456789ab] (
    [archived_at] bigint NULL,
    [buildpack_provided_description] varchar(max) NULL,
    [build_stack_id] varchar(8000) NULL,
    [build_stack_name] varchar(max) NULL,
    [created_at] bigint NULL,
    [git_url] varchar(8000) NULL,
    [id] varchar(8000) NULL,
    [internal_routing] bit NULL,
    [joined] bit NULL,
    [locked] bit NULL,
    [maintenance] bit NULL,
    [name] varchar(8000) NULL,
    [team_name] varchar(max) NULL,
    [owner_email] varchar(8000) NULL,
    [owner_id] varchar(8000) NULL,
    [region_id] varchar(8000) NULL,
    [region_name] varchar(max) NULL,
    [released_at] bigint NULL,
    [repo_size] bigint NULL,
    [slug_size] bigint NULL,
    [space_id] varchar(8000) NULL,
    [space_name] varchar(max) NULL,
    [stack_id] varchar(8000) NULL,
    [stack_name] varchar(max) NULL,
    [updated_at] bigint NULL,
    [web_url] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_team_apps__0123456789ab];

COPY INTO [stg].[heroku_team_apps__0123456789ab] ([archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [git_url], [id], [internal_routing], [joined], [locked], [maintenance], [name], [team_name], [owner_email], [owner_id], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpack_provided_description]) > DATALENGTH(CAST(LEFT([buildpack_provided_description], 2000) AS varchar(8000))) OR DATALENGTH([build_stack_id]) > DATALENGTH(CAST(LEFT([build_stack_id], 36) AS varchar(144))) OR DATALENGTH([build_stack_name]) > DATALENGTH(CAST(LEFT([build_stack_name], 2000) AS varchar(8000))) OR DATALENGTH([git_url]) > DATALENGTH(CAST(LEFT([git_url], 57) AS varchar(228))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 30) AS varchar(120))) OR DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) OR DATALENGTH([owner_email]) > DATALENGTH(CAST(LEFT([owner_email], 320) AS varchar(1280))) OR DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) OR DATALENGTH([region_id]) > DATALENGTH(CAST(LEFT([region_id], 36) AS varchar(144))) OR DATALENGTH([region_name]) > DATALENGTH(CAST(LEFT([region_name], 2000) AS varchar(8000))) OR DATALENGTH([space_id]) > DATALENGTH(CAST(LEFT([space_id], 36) AS varchar(144))) OR DATALENGTH([space_name]) > DATALENGTH(CAST(LEFT([space_name], 2000) AS varchar(8000))) OR DATALENGTH([stack_id]) > DATALENGTH(CAST(LEFT([stack_id], 36) AS varchar(144))) OR DATALENGTH([stack_name]) > DATALENGTH(CAST(LEFT([stack_name], 2000) AS varchar(8000))) OR DATALENGTH([web_url]) > DATALENGTH(CAST(LEFT([web_url], 67) AS varchar(268))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpack_provided_description]) > DATALENGTH(CAST(LEFT([buildpack_provided_description], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__buildpack_provided_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([build_stack_id]) > DATALENGTH(CAST(LEFT([build_stack_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__build_stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([build_stack_name]) > DATALENGTH(CAST(LEFT([build_stack_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__build_stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([git_url]) > DATALENGTH(CAST(LEFT([git_url], 57) AS varchar(228))) THEN 1 ELSE 0 END), 0) AS [truncated__git_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_name]) > DATALENGTH(CAST(LEFT([team_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_email]) > DATALENGTH(CAST(LEFT([owner_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([region_id]) > DATALENGTH(CAST(LEFT([region_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__region_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([region_name]) > DATALENGTH(CAST(LEFT([region_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__region_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_id]) > DATALENGTH(CAST(LEFT([space_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__space_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > DATALENGTH(CAST(LEFT([space_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__space_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_id]) > DATALENGTH(CAST(LEFT([stack_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_name]) > DATALENGTH(CAST(LEFT([stack_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([web_url]) > DATALENGTH(CAST(LEFT([web_url], 67) AS varchar(268))) THEN 1 ELSE 0 END), 0) AS [truncated__web_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_team_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_apps__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_team_apps].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_apps:upsert');

INSERT INTO [dbo].[heroku_team_apps] ([archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [git_url], [id], [internal_routing], [joined], [locked], [maintenance], [name], [team_name], [owner_email], [owner_id], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [git_url], [id], [internal_routing], [joined], [locked], [maintenance], [name], [team_name], [owner_email], [owner_id], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([archived_at] % 1000000 AS int), DATEADD(SECOND, CAST(([archived_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([archived_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [archived_at],
        CAST(LEFT([buildpack_provided_description], 2000) AS varchar(8000)) AS [buildpack_provided_description],
        CAST(LEFT([build_stack_id], 36) AS varchar(144)) AS [build_stack_id],
        CAST(LEFT([build_stack_name], 2000) AS varchar(8000)) AS [build_stack_name],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([git_url], 57) AS varchar(228)) AS [git_url],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        [internal_routing] AS [internal_routing],
        [joined] AS [joined],
        [locked] AS [locked],
        [maintenance] AS [maintenance],
        CAST(LEFT([name], 30) AS varchar(120)) AS [name],
        CAST(LEFT([team_name], 2000) AS varchar(8000)) AS [team_name],
        CAST(LEFT([owner_email], 320) AS varchar(1280)) AS [owner_email],
        CAST(LEFT([owner_id], 36) AS varchar(144)) AS [owner_id],
        CAST(LEFT([region_id], 36) AS varchar(144)) AS [region_id],
        CAST(LEFT([region_name], 2000) AS varchar(8000)) AS [region_name],
        DATEADD(MICROSECOND, CAST([released_at] % 1000000 AS int), DATEADD(SECOND, CAST(([released_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([released_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [released_at],
        [repo_size] AS [repo_size],
        [slug_size] AS [slug_size],
        CAST(LEFT([space_id], 36) AS varchar(144)) AS [space_id],
        CAST(LEFT([space_name], 2000) AS varchar(8000)) AS [space_name],
        CAST(LEFT([stack_id], 36) AS varchar(144)) AS [stack_id],
        CAST(LEFT([stack_name], 2000) AS varchar(8000)) AS [stack_name],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([web_url], 67) AS varchar(268)) AS [web_url],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_team_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_apps__0123456789ab];
