IF OBJECT_ID(N'[stg].[heroku_test_runs__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_test_runs__0123456789ab] (
    [actor_email] varchar(8000) NULL,
    [clear_cache] bit NULL,
    [commit_branch] varchar(max) NULL,
    [commit_message] varchar(max) NULL,
    [commit_sha] varchar(max) NULL,
    [debug] bit NULL,
    [app_setup] varchar(max) NULL,
    [created_at] bigint NULL,
    [dyno_size] varchar(max) NULL,
    [id] varchar(8000) NULL,
    [message] varchar(max) NULL,
    [number] bigint NULL,
    [organization_name] varchar(max) NULL,
    [pipeline_id] varchar(8000) NULL,
    [status] varchar(8000) NULL,
    [source_blob_url] varchar(max) NULL,
    [updated_at] bigint NULL,
    [user_allow_tracking] bit NULL,
    [user_beta] bit NULL,
    [user_created_at] bigint NULL,
    [user_email] varchar(8000) NULL,
    [user_federated] bit NULL,
    [user_id] varchar(8000) NULL,
    [user_identity_provider_id] varchar(8000) NULL,
    [user_identity_provider_name] varchar(max) NULL,
    [user_identity_provider_team] varchar(max) NULL,
    [user_identity_provider_organization] varchar(max) NULL,
    [user_identity_provider_owner] varchar(max) NULL,
    [user_last_login] bigint NULL,
    [user_name] varchar(max) NULL,
    [user_suspended_at] bigint NULL,
    [user_delinquent_at] bigint NULL,
    [user_two_factor_authentication] bit NULL,
    [user_updated_at] bigint NULL,
    [user_verified] bit NULL,
    [user_country_of_residence] varchar(max) NULL,
    [user_default_organization_id] varchar(8000) NULL,
    [user_default_organization_name] varchar(max) NULL,
    [user_default_team_id] varchar(8000) NULL,
    [user_default_team_name] varchar(max) NULL,
    [warning_message] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_test_runs__0123456789ab];

COPY INTO [stg].[heroku_test_runs__0123456789ab] ([actor_email], [clear_cache], [commit_branch], [commit_message], [commit_sha], [debug], [app_setup], [created_at], [dyno_size], [id], [message], [number], [organization_name], [pipeline_id], [status], [source_blob_url], [updated_at], [user_allow_tracking], [user_beta], [user_created_at], [user_email], [user_federated], [user_id], [user_identity_provider_id], [user_identity_provider_name], [user_identity_provider_team], [user_identity_provider_organization], [user_identity_provider_owner], [user_last_login], [user_name], [user_suspended_at], [user_delinquent_at], [user_two_factor_authentication], [user_updated_at], [user_verified], [user_country_of_residence], [user_default_organization_id], [user_default_organization_name], [user_default_team_id], [user_default_team_name], [warning_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_test_runs/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor_email]) > DATALENGTH(CAST(LEFT([actor_email], 320) AS varchar(1280))) OR DATALENGTH([commit_branch]) > DATALENGTH(CAST(LEFT([commit_branch], 2000) AS varchar(8000))) OR DATALENGTH([commit_message]) > DATALENGTH(CAST(LEFT([commit_message], 2000) AS varchar(8000))) OR DATALENGTH([commit_sha]) > DATALENGTH(CAST(LEFT([commit_sha], 2000) AS varchar(8000))) OR DATALENGTH([app_setup]) > DATALENGTH(CAST(LEFT([app_setup], 4000) AS varchar(8000))) OR DATALENGTH([dyno_size]) > DATALENGTH(CAST(LEFT([dyno_size], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 2000) AS varchar(8000))) OR DATALENGTH([organization_name]) > DATALENGTH(CAST(LEFT([organization_name], 2000) AS varchar(8000))) OR DATALENGTH([pipeline_id]) > DATALENGTH(CAST(LEFT([pipeline_id], 36) AS varchar(144))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) OR DATALENGTH([source_blob_url]) > DATALENGTH(CAST(LEFT([source_blob_url], 2000) AS varchar(8000))) OR DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) OR DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) OR DATALENGTH([user_identity_provider_id]) > DATALENGTH(CAST(LEFT([user_identity_provider_id], 36) AS varchar(144))) OR DATALENGTH([user_identity_provider_name]) > DATALENGTH(CAST(LEFT([user_identity_provider_name], 2000) AS varchar(8000))) OR DATALENGTH([user_identity_provider_team]) > DATALENGTH(CAST(LEFT([user_identity_provider_team], 4000) AS varchar(8000))) OR DATALENGTH([user_identity_provider_organization]) > DATALENGTH(CAST(LEFT([user_identity_provider_organization], 4000) AS varchar(8000))) OR DATALENGTH([user_identity_provider_owner]) > DATALENGTH(CAST(LEFT([user_identity_provider_owner], 4000) AS varchar(8000))) OR DATALENGTH([user_name]) > DATALENGTH(CAST(LEFT([user_name], 2000) AS varchar(8000))) OR DATALENGTH([user_country_of_residence]) > DATALENGTH(CAST(LEFT([user_country_of_residence], 2000) AS varchar(8000))) OR DATALENGTH([user_default_organization_id]) > DATALENGTH(CAST(LEFT([user_default_organization_id], 36) AS varchar(144))) OR DATALENGTH([user_default_organization_name]) > DATALENGTH(CAST(LEFT([user_default_organization_name], 2000) AS varchar(8000))) OR DATALENGTH([user_default_team_id]) > DATALENGTH(CAST(LEFT([user_default_team_id], 36) AS varchar(144))) OR DATALENGTH([user_default_team_name]) > DATALENGTH(CAST(LEFT([user_default_team_name], 2000) AS varchar(8000))) OR DATALENGTH([warning_message]) > DATALENGTH(CAST(LEFT([warning_message], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor_email]) > DATALENGTH(CAST(LEFT([actor_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__actor_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit_branch]) > DATALENGTH(CAST(LEFT([commit_branch], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__commit_branch],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit_message]) > DATALENGTH(CAST(LEFT([commit_message], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__commit_message],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit_sha]) > DATALENGTH(CAST(LEFT([commit_sha], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__commit_sha],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_setup]) > DATALENGTH(CAST(LEFT([app_setup], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__app_setup],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno_size]) > DATALENGTH(CAST(LEFT([dyno_size], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno_size],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([organization_name]) > DATALENGTH(CAST(LEFT([organization_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__organization_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([pipeline_id]) > DATALENGTH(CAST(LEFT([pipeline_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__pipeline_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_url]) > DATALENGTH(CAST(LEFT([source_blob_url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_identity_provider_id]) > DATALENGTH(CAST(LEFT([user_identity_provider_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_identity_provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_identity_provider_name]) > DATALENGTH(CAST(LEFT([user_identity_provider_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_identity_provider_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_identity_provider_team]) > DATALENGTH(CAST(LEFT([user_identity_provider_team], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_identity_provider_team],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_identity_provider_organization]) > DATALENGTH(CAST(LEFT([user_identity_provider_organization], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_identity_provider_organization],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_identity_provider_owner]) > DATALENGTH(CAST(LEFT([user_identity_provider_owner], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_identity_provider_owner],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_name]) > DATALENGTH(CAST(LEFT([user_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_country_of_residence]) > DATALENGTH(CAST(LEFT([user_country_of_residence], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_country_of_residence],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_default_organization_id]) > DATALENGTH(CAST(LEFT([user_default_organization_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_default_organization_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_default_organization_name]) > DATALENGTH(CAST(LEFT([user_default_organization_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_default_organization_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_default_team_id]) > DATALENGTH(CAST(LEFT([user_default_team_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_default_team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_default_team_name]) > DATALENGTH(CAST(LEFT([user_default_team_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__user_default_team_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([warning_message]) > DATALENGTH(CAST(LEFT([warning_message], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__warning_message],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_test_runs__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_test_runs:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_test_runs__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_test_runs:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_test_runs]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_test_runs__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_test_runs].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_test_runs:upsert');

INSERT INTO [dbo].[heroku_test_runs] ([actor_email], [clear_cache], [commit_branch], [commit_message], [commit_sha], [debug], [app_setup], [created_at], [dyno_size], [id], [message], [number], [organization_name], [pipeline_id], [status], [source_blob_url], [updated_at], [user_allow_tracking], [user_beta], [user_created_at], [user_email], [user_federated], [user_id], [user_identity_provider_id], [user_identity_provider_name], [user_identity_provider_team], [user_identity_provider_organization], [user_identity_provider_owner], [user_last_login], [user_name], [user_suspended_at], [user_delinquent_at], [user_two_factor_authentication], [user_updated_at], [user_verified], [user_country_of_residence], [user_default_organization_id], [user_default_organization_name], [user_default_team_id], [user_default_team_name], [warning_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [actor_email], [clear_cache], [commit_branch], [commit_message], [commit_sha], [debug], [app_setup], [created_at], [dyno_size], [id], [message], [number], [organization_name], [pipeline_id], [status], [source_blob_url], [updated_at], [user_allow_tracking], [user_beta], [user_created_at], [user_email], [user_federated], [user_id], [user_identity_provider_id], [user_identity_provider_name], [user_identity_provider_team], [user_identity_provider_organization], [user_identity_provider_owner], [user_last_login], [user_name], [user_suspended_at], [user_delinquent_at], [user_two_factor_authentication], [user_updated_at], [user_verified], [user_country_of_residence], [user_default_organization_id], [user_default_organization_name], [user_default_team_id], [user_default_team_name], [warning_message], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([actor_email], 320) AS varchar(1280)) AS [actor_email],
        [clear_cache] AS [clear_cache],
        CAST(LEFT([commit_branch], 2000) AS varchar(8000)) AS [commit_branch],
        CAST(LEFT([commit_message], 2000) AS varchar(8000)) AS [commit_message],
        CAST(LEFT([commit_sha], 2000) AS varchar(8000)) AS [commit_sha],
        [debug] AS [debug],
        CAST(LEFT([app_setup], 4000) AS varchar(8000)) AS [app_setup],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([dyno_size], 2000) AS varchar(8000)) AS [dyno_size],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([message], 2000) AS varchar(8000)) AS [message],
        [number] AS [number],
        CAST(LEFT([organization_name], 2000) AS varchar(8000)) AS [organization_name],
        CAST(LEFT([pipeline_id], 36) AS varchar(144)) AS [pipeline_id],
        CAST(LEFT([status], 9) AS varchar(36)) AS [status],
        CAST(LEFT([source_blob_url], 2000) AS varchar(8000)) AS [source_blob_url],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        [user_allow_tracking] AS [user_allow_tracking],
        [user_beta] AS [user_beta],
        DATEADD(MICROSECOND, CAST([user_created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([user_created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([user_created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [user_created_at],
        CAST(LEFT([user_email], 320) AS varchar(1280)) AS [user_email],
        [user_federated] AS [user_federated],
        CAST(LEFT([user_id], 36) AS varchar(144)) AS [user_id],
        CAST(LEFT([user_identity_provider_id], 36) AS varchar(144)) AS [user_identity_provider_id],
        CAST(LEFT([user_identity_provider_name], 2000) AS varchar(8000)) AS [user_identity_provider_name],
        CAST(LEFT([user_identity_provider_team], 4000) AS varchar(8000)) AS [user_identity_provider_team],
        CAST(LEFT([user_identity_provider_organization], 4000) AS varchar(8000)) AS [user_identity_provider_organization],
        CAST(LEFT([user_identity_provider_owner], 4000) AS varchar(8000)) AS [user_identity_provider_owner],
        DATEADD(MICROSECOND, CAST([user_last_login] % 1000000 AS int), DATEADD(SECOND, CAST(([user_last_login] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([user_last_login] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [user_last_login],
        CAST(LEFT([user_name], 2000) AS varchar(8000)) AS [user_name],
        DATEADD(MICROSECOND, CAST([user_suspended_at] % 1000000 AS int), DATEADD(SECOND, CAST(([user_suspended_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([user_suspended_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [user_suspended_at],
        DATEADD(MICROSECOND, CAST([user_delinquent_at] % 1000000 AS int), DATEADD(SECOND, CAST(([user_delinquent_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([user_delinquent_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [user_delinquent_at],
        [user_two_factor_authentication] AS [user_two_factor_authentication],
        DATEADD(MICROSECOND, CAST([user_updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([user_updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([user_updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [user_updated_at],
        [user_verified] AS [user_verified],
        CAST(LEFT([user_country_of_residence], 2000) AS varchar(8000)) AS [user_country_of_residence],
        CAST(LEFT([user_default_organization_id], 36) AS varchar(144)) AS [user_default_organization_id],
        CAST(LEFT([user_default_organization_name], 2000) AS varchar(8000)) AS [user_default_organization_name],
        CAST(LEFT([user_default_team_id], 36) AS varchar(144)) AS [user_default_team_id],
        CAST(LEFT([user_default_team_name], 2000) AS varchar(8000)) AS [user_default_team_name],
        CAST(LEFT([warning_message], 2000) AS varchar(8000)) AS [warning_message],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_test_runs__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_test_runs:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_test_runs__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_test_runs__0123456789ab];
