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

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[router_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[router_events] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [at] varchar(64) NULL,
    [code] varchar(32) NULL,
    [desc] varchar(1600) NULL,
    [sock] varchar(64) NULL,
    [cause] varchar(1600) NULL,
    [method] varchar(64) NULL,
    [path] varchar(8000) NULL,
    [host] varchar(1600) NULL,
    [request_id] varchar(400) NULL,
    [fwd] varchar(1600) NULL,
    [dyno] varchar(400) NULL,
    [connect_ms] bigint NULL,
    [service_ms] bigint NULL,
    [status] int NULL,
    [bytes] bigint NULL,
    [protocol] varchar(64) NULL,
    [tls] bit NULL,
    [tls_version] varchar(64) NULL,
    [extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[app_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[app_events] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] varchar(64) NULL,
    [dyno] varchar(400) NULL,
    [process_type] varchar(400) NULL,
    [message] varchar(8000) NULL,
    [extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[platform_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[platform_events] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] varchar(64) NULL,
    [dyno] varchar(400) NULL,
    [process_type] varchar(400) NULL,
    [event_type] varchar(128) NULL,
    [code] varchar(32) NULL,
    [from_state] varchar(128) NULL,
    [to_state] varchar(128) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] varchar(1280) NULL,
    [message] varchar(8000) NULL,
    [extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[runtime_metrics]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[runtime_metrics] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [dyno] varchar(400) NULL,
    [dyno_id] varchar(800) NULL,
    [source_name] varchar(400) NULL,
    [addon] varchar(800) NULL,
    [metric] varchar(400) NULL,
    [value] float NULL,
    [unit] varchar(64) NULL,
    [extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[spans]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[spans] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [trace_id] varchar(128) NULL,
    [span_id] varchar(64) NULL,
    [parent_span_id] varchar(64) NULL,
    [name] varchar(1600) NULL,
    [kind] varchar(64) NULL,
    [start_ts] datetime2(6) NULL,
    [end_ts] datetime2(6) NULL,
    [duration_ms] float NULL,
    [status] varchar(64) NULL,
    [service_name] varchar(400) NULL,
    [dyno] varchar(400) NULL,
    [attributes] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[rejected_lines]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[rejected_lines] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [reason] varchar(800) NOT NULL,
    [raw_line] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[log_ledger]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[log_ledger] (
    [tick_id] varchar(256) NOT NULL,
    [object_key] varchar(1600) NOT NULL,
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [lines] bigint NOT NULL,
    [duplicate_lines] bigint NOT NULL,
    [kind] varchar(64) NOT NULL,
    [loaded_at] datetime2(6) NOT NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[loaded_copies]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[loaded_copies] (
    [copy_name] varchar(400) NOT NULL,
    [app] varchar(400) NOT NULL,
    [received_at] datetime2(6) NOT NULL,
    [tick_id] varchar(256) NOT NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[log_ticks]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[log_ticks] (
    [name] varchar(64) NOT NULL,
    [tick_id] varchar(256) NULL,
    [ticked_at] datetime2(6) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_error_codes]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes] (
    [code] varchar(32) NOT NULL,
    [family] varchar(64) NOT NULL,
    [meaning] varchar(800) NOT NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_apps] (
    [acm] bit NULL,
    [archived_at] datetime2(6) NULL,
    [buildpack_provided_description] varchar(8000) NULL,
    [build_stack_id] varchar(144) NULL,
    [build_stack_name] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [generation_id] varchar(144) NULL,
    [generation_name] varchar(8000) NULL,
    [git_url] varchar(228) NULL,
    [id] varchar(144) NOT NULL,
    [internal_routing] bit NULL,
    [maintenance] bit NULL,
    [name] varchar(120) NULL,
    [owner_email] varchar(1280) NULL,
    [owner_id] varchar(144) NULL,
    [organization_id] varchar(144) NULL,
    [organization_name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [team_name] varchar(8000) NULL,
    [region_id] varchar(144) NULL,
    [region_name] varchar(8000) NULL,
    [released_at] datetime2(6) NULL,
    [repo_size] bigint NULL,
    [slug_size] bigint NULL,
    [space_id] varchar(144) NULL,
    [space_name] varchar(8000) NULL,
    [space_shield] bit NULL,
    [stack_id] varchar(144) NULL,
    [stack_name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] varchar(268) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_releases]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_releases] (
    [addon_plan_names] varchar(8000) NULL,
    [artifacts] varchar(8000) NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] varchar(144) NULL,
    [status] varchar(36) NULL,
    [user_id] varchar(144) NULL,
    [user_email] varchar(1280) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] varchar(8000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_builds]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_builds] (
    [app_id] varchar(144) NULL,
    [buildpacks] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [generation] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [output_stream_url] varchar(8000) NULL,
    [source_blob_checksum] varchar(8000) NULL,
    [source_blob_url] varchar(8000) NULL,
    [source_blob_version] varchar(8000) NULL,
    [source_blob_version_description] varchar(8000) NULL,
    [release_id] varchar(144) NULL,
    [slug_id] varchar(144) NULL,
    [stack] varchar(8000) NULL,
    [status] varchar(36) NULL,
    [updated_at] datetime2(6) NULL,
    [user_id] varchar(144) NULL,
    [user_email] varchar(1280) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_slugs]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_slugs] (
    [blob_method] varchar(8000) NULL,
    [blob_url] varchar(8000) NULL,
    [buildpack_provided_description] varchar(8000) NULL,
    [checksum] varchar(8000) NULL,
    [commit] varchar(8000) NULL,
    [commit_description] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [process_types] varchar(8000) NULL,
    [size] bigint NULL,
    [stack_id] varchar(144) NULL,
    [stack_name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_dynos]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_dynos] (
    [command] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [release_id] varchar(144) NULL,
    [release_version] bigint NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [size] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [type] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_formation]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_formation] (
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [command] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [dyno_size_id] varchar(144) NULL,
    [dyno_size_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [quantity] bigint NULL,
    [size] varchar(8000) NULL,
    [type] varchar(512) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_features]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_features] (
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [doc_url] varchar(8000) NULL,
    [enabled] bit NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] varchar(8000) NULL,
    [feedback_email] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_domains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_domains] (
    [acm_status] varchar(8000) NULL,
    [acm_status_reason] varchar(8000) NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [cname] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [hostname] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [kind] varchar(24) NULL,
    [updated_at] datetime2(6) NULL,
    [status] varchar(8000) NULL,
    [sni_endpoint_name] varchar(120) NULL,
    [sni_endpoint_id] varchar(144) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_sni_endpoints]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_sni_endpoints] (
    [certificate_chain] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(120) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] varchar(120) NULL,
    [domains] varchar(8000) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [ssl_cert_ca_signed] bit NULL,
    [ssl_cert_cert_domains] varchar(8000) NULL,
    [ssl_cert_expires_at] datetime2(6) NULL,
    [ssl_cert_issuer] varchar(8000) NULL,
    [ssl_cert_self_signed] bit NULL,
    [ssl_cert_starts_at] datetime2(6) NULL,
    [ssl_cert_subject] varchar(8000) NULL,
    [ssl_cert_id] varchar(144) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_collaborators]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_collaborators] (
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [permissions] varchar(8000) NULL,
    [role] varchar(48) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_federated] bit NULL,
    [user_id] varchar(144) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_log_drains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_log_drains] (
    [addon_id] varchar(144) NULL,
    [addon_name] varchar(8000) NULL,
    [addon_app_id] varchar(144) NULL,
    [addon_app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [url] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_telemetry_drains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_telemetry_drains] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [owner_id] varchar(144) NULL,
    [owner_type] varchar(20) NULL,
    [signals] varchar(8000) NULL,
    [exporter_type] varchar(32) NULL,
    [exporter_endpoint] varchar(4000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhooks]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhooks] (
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [include] varchar(8000) NULL,
    [level] varchar(24) NULL,
    [updated_at] datetime2(6) NULL,
    [url] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_buildpack_installations]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_buildpack_installations] (
    [ordinal] bigint NOT NULL,
    [buildpack_url] varchar(8000) NULL,
    [buildpack_name] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addons]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addons] (
    [actions] varchar(8000) NULL,
    [addon_service_id] varchar(144) NULL,
    [addon_service_name] varchar(8000) NULL,
    [billing_entity_id] varchar(144) NULL,
    [billing_entity_name] varchar(8000) NULL,
    [billing_entity_type] varchar(16) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [billed_price_cents] bigint NULL,
    [billed_price_contract] bit NULL,
    [billed_price_unit] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [plan_id] varchar(144) NULL,
    [plan_name] varchar(8000) NULL,
    [provider_id] varchar(8000) NULL,
    [provision_message] varchar(8000) NULL,
    [state] varchar(52) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_attachments]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addon_attachments] (
    [addon_id] varchar(144) NULL,
    [addon_name] varchar(8000) NULL,
    [addon_app_id] varchar(144) NULL,
    [addon_app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [namespace] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] varchar(8000) NULL,
    [log_input_url] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_services]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addon_services] (
    [cli_plugin_name] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [human_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(32) NULL,
    [supports_multiple_installations] bit NULL,
    [supports_sharing] bit NULL,
    [updated_at] datetime2(6) NULL,
    [supported_generations] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_plans]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addon_plans] (
    [addon_service_id] varchar(144) NULL,
    [addon_service_name] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [compliance] varchar(8000) NULL,
    [default] bit NULL,
    [description] varchar(8000) NULL,
    [human_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [installable_inside_private_network] bit NULL,
    [installable_outside_private_network] bit NULL,
    [name] varchar(8000) NULL,
    [price_cents] bigint NULL,
    [price_contract] bit NULL,
    [price_unit] varchar(8000) NULL,
    [space_default] bit NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [visible] bit NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_teams]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_teams] (
    [id] varchar(144) NOT NULL,
    [created_at] datetime2(6) NULL,
    [credit_card_collections] bit NULL,
    [default] bit NULL,
    [enterprise_account_id] varchar(144) NULL,
    [enterprise_account_name] varchar(8000) NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [membership_limit] float NULL,
    [name] varchar(8000) NULL,
    [provisioned_licenses] bit NULL,
    [role] varchar(48) NULL,
    [type] varchar(40) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_apps] (
    [archived_at] datetime2(6) NULL,
    [buildpack_provided_description] varchar(8000) NULL,
    [build_stack_id] varchar(144) NULL,
    [build_stack_name] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [git_url] varchar(228) NULL,
    [id] varchar(144) NOT NULL,
    [internal_routing] bit NULL,
    [joined] bit NULL,
    [locked] bit NULL,
    [maintenance] bit NULL,
    [name] varchar(120) NULL,
    [team_name] varchar(8000) NULL,
    [owner_email] varchar(1280) NULL,
    [owner_id] varchar(144) NULL,
    [region_id] varchar(144) NULL,
    [region_name] varchar(8000) NULL,
    [released_at] datetime2(6) NULL,
    [repo_size] bigint NULL,
    [slug_size] bigint NULL,
    [space_id] varchar(144) NULL,
    [space_name] varchar(8000) NULL,
    [stack_id] varchar(144) NULL,
    [stack_name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] varchar(268) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_members]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_members] (
    [created_at] datetime2(6) NULL,
    [email] varchar(8000) NULL,
    [federated] bit NULL,
    [id] varchar(144) NOT NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [role] varchar(48) NULL,
    [two_factor_authentication] bit NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [user_name] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_daily_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_daily_usage] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NOT NULL,
    [dynos] float NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_daily_usage_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_daily_usage_apps] (
    [id] varchar(144) NOT NULL,
    [date] date NOT NULL,
    [addons] float NULL,
    [app_name] varchar(120) NOT NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_monthly_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_monthly_usage] (
    [addons] float NULL,
    [connect] float NULL,
    [data] float NULL,
    [dynos] float NULL,
    [id] varchar(144) NOT NULL,
    [month] varchar(28) NOT NULL,
    [name] varchar(8000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_monthly_usage_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_monthly_usage_apps] (
    [id] varchar(144) NOT NULL,
    [month] varchar(28) NOT NULL,
    [addons] float NULL,
    [app_name] varchar(120) NOT NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_spaces]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_spaces] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [organization_name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [team_name] varchar(8000) NULL,
    [region_id] varchar(144) NULL,
    [region_name] varchar(8000) NULL,
    [shield] bit NULL,
    [state] varchar(40) NULL,
    [updated_at] datetime2(6) NULL,
    [cidr] varchar(8000) NULL,
    [data_cidr] varchar(8000) NULL,
    [generation_id] varchar(144) NULL,
    [generation_name] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipelines]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipelines] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(120) NULL,
    [owner_id] varchar(144) NULL,
    [owner_type] varchar(16) NULL,
    [updated_at] datetime2(6) NULL,
    [generation_id] varchar(144) NULL,
    [generation_name] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_couplings]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_couplings] (
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [pipeline_id] varchar(144) NULL,
    [stage] varchar(44) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_releases]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_releases] (
    [addon_plan_names] varchar(8000) NULL,
    [artifacts] varchar(8000) NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] varchar(144) NULL,
    [status] varchar(36) NULL,
    [user_id] varchar(144) NULL,
    [user_email] varchar(1280) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] varchar(8000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_deployments]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_deployments] (
    [addon_plan_names] varchar(8000) NULL,
    [artifacts] varchar(8000) NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] varchar(144) NULL,
    [status] varchar(36) NULL,
    [user_id] varchar(144) NULL,
    [user_email] varchar(1280) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] varchar(8000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_review_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_review_apps] (
    [app_id] varchar(144) NULL,
    [app_setup_id] varchar(144) NULL,
    [branch] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [pipeline_id] varchar(144) NULL,
    [status] varchar(32) NULL,
    [updated_at] datetime2(6) NULL,
    [creator] varchar(8000) NULL,
    [wait_for_ci] bit NULL,
    [error_status] varchar(8000) NULL,
    [message] varchar(8000) NULL,
    [fork_repo_id] bigint NULL,
    [pr_number] bigint NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_test_runs]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_test_runs] (
    [actor_email] varchar(1280) NULL,
    [clear_cache] bit NULL,
    [commit_branch] varchar(8000) NULL,
    [commit_message] varchar(8000) NULL,
    [commit_sha] varchar(8000) NULL,
    [debug] bit NULL,
    [app_setup] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [dyno_size] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [message] varchar(8000) NULL,
    [number] bigint NULL,
    [organization_name] varchar(8000) NULL,
    [pipeline_id] varchar(144) NULL,
    [status] varchar(36) NULL,
    [source_blob_url] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [user_allow_tracking] bit NULL,
    [user_beta] bit NULL,
    [user_created_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_federated] bit NULL,
    [user_id] varchar(144) NULL,
    [user_identity_provider_id] varchar(144) NULL,
    [user_identity_provider_name] varchar(8000) NULL,
    [user_identity_provider_team] varchar(8000) NULL,
    [user_identity_provider_organization] varchar(8000) NULL,
    [user_identity_provider_owner] varchar(8000) NULL,
    [user_last_login] datetime2(6) NULL,
    [user_name] varchar(8000) NULL,
    [user_suspended_at] datetime2(6) NULL,
    [user_delinquent_at] datetime2(6) NULL,
    [user_two_factor_authentication] bit NULL,
    [user_updated_at] datetime2(6) NULL,
    [user_verified] bit NULL,
    [user_country_of_residence] varchar(8000) NULL,
    [user_default_organization_id] varchar(144) NULL,
    [user_default_organization_name] varchar(8000) NULL,
    [user_default_team_id] varchar(144) NULL,
    [user_default_team_name] varchar(8000) NULL,
    [warning_message] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhook_deliveries]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhook_deliveries] (
    [created_at] datetime2(6) NULL,
    [event_id] varchar(144) NULL,
    [event_include] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [num_attempts] bigint NULL,
    [next_attempt_at] datetime2(6) NULL,
    [last_attempt_id] varchar(144) NULL,
    [last_attempt_code] bigint NULL,
    [last_attempt_error_class] varchar(8000) NULL,
    [last_attempt_status] varchar(36) NULL,
    [last_attempt_created_at] datetime2(6) NULL,
    [last_attempt_updated_at] datetime2(6) NULL,
    [status] varchar(36) NULL,
    [updated_at] datetime2(6) NULL,
    [webhook_id] varchar(144) NULL,
    [webhook_level] varchar(24) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhook_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhook_events] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [include] varchar(8000) NULL,
    [payload_action] varchar(8000) NULL,
    [payload_actor_email] varchar(1280) NULL,
    [payload_actor_id] varchar(144) NULL,
    [payload_data] varchar(8000) NULL,
    [payload_previous_data] varchar(8000) NULL,
    [payload_resource] varchar(8000) NULL,
    [payload_version] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_oci_images]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_oci_images] (
    [id] varchar(144) NOT NULL,
    [base_image_name] varchar(8000) NULL,
    [base_top_layer] varchar(8000) NULL,
    [commit] varchar(8000) NULL,
    [commit_description] varchar(8000) NULL,
    [image_repo] varchar(8000) NULL,
    [digest] varchar(8000) NULL,
    [stack_id] varchar(144) NULL,
    [stack_name] varchar(8000) NULL,
    [process_types] varchar(8000) NULL,
    [buildpacks] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL,
    [architecture] varchar(8000) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_telemetry_drains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_telemetry_drains] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [owner_id] varchar(144) NULL,
    [owner_type] varchar(20) NULL,
    [signals] varchar(8000) NULL,
    [exporter_type] varchar(32) NULL,
    [exporter_endpoint] varchar(4000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_app_access]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_app_access] (
    [space_name] varchar(120) NULL,
    [space_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [permissions] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_inbound_rulesets]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_inbound_rulesets] (
    [id] varchar(144) NOT NULL,
    [space_id] varchar(144) NULL,
    [space_name] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [rules] varchar(8000) NULL,
    [created_by] varchar(1280) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_nat]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_nat] (
    [created_at] datetime2(6) NULL,
    [sources] varchar(8000) NULL,
    [state] varchar(32) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_peerings]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_peerings] (
    [type] varchar(64) NULL,
    [pcx_id] varchar(8000) NOT NULL,
    [cidr_blocks] varchar(8000) NULL,
    [status] varchar(72) NULL,
    [aws_vpc_id] varchar(8000) NULL,
    [aws_region] varchar(8000) NULL,
    [aws_account_id] varchar(8000) NULL,
    [expires] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_peering_info]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_peering_info] (
    [aws_account_id] varchar(8000) NULL,
    [aws_region] varchar(56) NULL,
    [vpc_id] varchar(8000) NULL,
    [vpc_cidr] varchar(8000) NULL,
    [dyno_cidr_blocks] varchar(8000) NULL,
    [unavailable_cidr_blocks] varchar(8000) NULL,
    [space_cidr_blocks] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_vpn_connections]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_vpn_connections] (
    [id] varchar(8000) NOT NULL,
    [name] varchar(8000) NULL,
    [public_ip] varchar(8000) NULL,
    [routable_cidrs] varchar(8000) NULL,
    [space_cidr_block] varchar(8000) NULL,
    [tunnels] varchar(8000) NULL,
    [ike_version] bigint NULL,
    [status] varchar(56) NULL,
    [status_message] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_topology]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_topology] (
    [version] bigint NULL,
    [apps] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_invoices]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_invoices] (
    [addons_total] bigint NULL,
    [database_total] bigint NULL,
    [charges_total] bigint NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] bigint NULL,
    [dyno_units] float NULL,
    [id] varchar(144) NOT NULL,
    [number] bigint NULL,
    [payment_status] varchar(8000) NULL,
    [period_end] varchar(8000) NULL,
    [period_start] varchar(8000) NULL,
    [platform_total] bigint NULL,
    [state] bigint NULL,
    [total] bigint NULL,
    [updated_at] datetime2(6) NULL,
    [weighted_dyno_hours] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_permissions]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_permissions] (
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [type] varchar(20) NULL,
    [users] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_allowed_addon_services]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_allowed_addon_services] (
    [added_at] datetime2(6) NULL,
    [added_by_email] varchar(1280) NULL,
    [added_by_id] varchar(144) NULL,
    [addon_service_id] varchar(144) NULL,
    [addon_service_name] varchar(8000) NULL,
    [addon_service_human_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_invitations]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_invitations] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [invited_by_email] varchar(1280) NULL,
    [invited_by_id] varchar(144) NULL,
    [invited_by_name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [team_name] varchar(8000) NULL,
    [role] varchar(48) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [user_name] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_features]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_features] (
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [doc_url] varchar(8000) NULL,
    [enabled] bit NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] varchar(8000) NULL,
    [feedback_email] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_delinquency]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_delinquency] (
    [scheduled_suspension_time] datetime2(6) NULL,
    [scheduled_deletion_time] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_review_app_configs]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_review_app_configs] (
    [repo_id] bigint NULL,
    [automatic_review_apps] bit NULL,
    [deploy_target_id] varchar(144) NULL,
    [deploy_target_type] varchar(24) NULL,
    [destroy_stale_apps] bit NULL,
    [stale_days] bigint NULL,
    [pipeline_id] varchar(144) NULL,
    [wait_for_ci] bit NULL,
    [base_name] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_accounts]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_accounts] (
    [id] varchar(144) NOT NULL,
    [created_at] datetime2(6) NULL,
    [name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [permissions] varchar(8000) NULL,
    [trial] bit NULL,
    [partner_benefits] bit NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_members]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_members] (
    [enterprise_account_id] varchar(144) NULL,
    [enterprise_account_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [permissions] varchar(8000) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [two_factor_authentication] bit NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_daily_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_daily_usage] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NOT NULL,
    [dynos] float NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_monthly_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_monthly_usage] (
    [addons] float NULL,
    [connect] float NULL,
    [data] float NULL,
    [dynos] float NULL,
    [id] varchar(144) NOT NULL,
    [month] varchar(28) NOT NULL,
    [name] varchar(8000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_audit_trail_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_audit_trail_events] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [type] varchar(8000) NULL,
    [action] varchar(8000) NULL,
    [actor_id] varchar(144) NULL,
    [actor_email] varchar(1280) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(8000) NULL,
    [owner_id] varchar(144) NULL,
    [owner_email] varchar(1280) NULL,
    [enterprise_account_id] varchar(144) NULL,
    [enterprise_account_name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [team_name] varchar(8000) NULL,
    [request_ip_address] varchar(8000) NULL,
    [data] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_audit_trail_archives]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_audit_trail_archives] (
    [created_at] datetime2(6) NULL,
    [month] varchar(8) NOT NULL,
    [year] bigint NOT NULL,
    [url] varchar(8000) NULL,
    [checksum] varchar(8000) NULL,
    [size] bigint NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_transfers]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_transfers] (
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [owner_email] varchar(1280) NULL,
    [owner_id] varchar(144) NULL,
    [recipient_email] varchar(1280) NULL,
    [recipient_id] varchar(144) NULL,
    [state] varchar(32) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_credits]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_credits] (
    [amount] float NULL,
    [balance] float NULL,
    [created_at] datetime2(6) NULL,
    [expires_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [title] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_account_delinquency]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_account_delinquency] (
    [scheduled_suspension_time] datetime2(6) NULL,
    [scheduled_deletion_time] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_dyno_sizes]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_dyno_sizes] (
    [architecture] varchar(8000) NULL,
    [compute] bigint NULL,
    [cost] varchar(8000) NULL,
    [dedicated] bit NULL,
    [precise_dyno_units] float NULL,
    [generation_id] varchar(144) NULL,
    [generation_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [memory] float NULL,
    [name] varchar(8000) NULL,
    [private_space_only] bit NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_regions]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_regions] (
    [country] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [locale] varchar(8000) NULL,
    [name] varchar(8000) NULL,
    [private_capable] bit NULL,
    [provider_name] varchar(8000) NULL,
    [provider_region] varchar(56) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_stacks]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_stacks] (
    [default] bit NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_generations]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_generations] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_account_features]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_account_features] (
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [doc_url] varchar(8000) NULL,
    [enabled] bit NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] varchar(8000) NULL,
    [feedback_email] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_invoices]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_invoices] (
    [charges_total] float NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] float NULL,
    [id] varchar(144) NOT NULL,
    [number] bigint NULL,
    [period_end] varchar(8000) NULL,
    [period_start] varchar(8000) NULL,
    [state] bigint NULL,
    [total] float NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab] (
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

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/synapse-check/0123456789ab/router_events/app=synapse-check-a/*.parquet',
     'https://examplestaging.blob.core.windows.net/heroku-staging/synapse-check/0123456789ab/router_events/app=synapse-check-b/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
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
FROM [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:router_events:2apps:2026-01-02');

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check-a', 'synapse-check-b']
DELETE FROM [heroku_assets_check_0123456789ab].[router_events]
WHERE [event_date] = ? AND [app] IN (?, ?)
OPTION (LABEL = 'heroku-assets:router_events:2apps:2026-01-02');

-- params: ['2026-01-02', 'synapse-check-a', 'synapse-check-b']
INSERT INTO [heroku_assets_check_0123456789ab].[router_events] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
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
FROM [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab]
WHERE [event_date] = ? AND [app] IN (?, ?)
OPTION (LABEL = 'heroku-assets:router_events:2apps:2026-01-02');

COMMIT TRANSACTION;

-- params: ['2026-01-02', 'synapse-check-a', 'synapse-check-b']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[router_events]
WHERE [event_date] = ? AND [app] IN (?, ?)
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:router_events:2apps:2026-01-02');

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab] (
    [code] varchar(8000) NULL,
    [family] varchar(8000) NULL,
    [meaning] varchar(8000) NULL
);

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab] ([code], [family], [meaning])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/synapse-check/0123456789ab/heroku_error_codes/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [code] IS NULL OR [family] IS NULL OR [meaning] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) OR DATALENGTH([family]) > DATALENGTH(CAST(LEFT([family], 16) AS varchar(64))) OR DATALENGTH([meaning]) > DATALENGTH(CAST(LEFT([meaning], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([family]) > DATALENGTH(CAST(LEFT([family], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__family],
    COALESCE(SUM(CASE WHEN DATALENGTH([meaning]) > DATALENGTH(CAST(LEFT([meaning], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__meaning]
FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([code], 8) AS varchar(32)) AS [code] FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

BEGIN TRANSACTION;

DELETE FROM [heroku_assets_check_0123456789ab].[heroku_error_codes]
WHERE EXISTS (
    SELECT 1 FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[code], 8) AS varchar(32)) = [heroku_error_codes].[code]
)
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

INSERT INTO [heroku_assets_check_0123456789ab].[heroku_error_codes] ([code], [family], [meaning])
SELECT [code], [family], [meaning]
FROM (
    SELECT
        CAST(LEFT([code], 8) AS varchar(32)) AS [code],
        CAST(LEFT([family], 16) AS varchar(64)) AS [family],
        CAST(LEFT([meaning], 200) AS varchar(800)) AS [meaning],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([code], 8) AS varchar(32)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[daily_request_stats]', N'V') IS NULL
    EXEC('CREATE VIEW [heroku_assets_check_0123456789ab].[daily_request_stats] AS SELECT 1 AS [placeholder]');

ALTER VIEW [heroku_assets_check_0123456789ab].[daily_request_stats] AS
SELECT
    [r].[app],
    [r].[event_date],
    COUNT_BIG(*) AS [requests],
    COUNT_BIG(CASE WHEN [r].[status] >= 500 OR [r].[at] = 'error' THEN 1 END) AS [errors],
    ROUND(
        CAST(COUNT_BIG(CASE WHEN [r].[status] >= 500 OR [r].[at] = 'error' THEN 1 END) AS float)
        / COUNT_BIG(*),
        6
    ) AS [error_rate],
    MAX([r].[p50]) AS [p50_service_ms],
    MAX([r].[p95]) AS [p95_service_ms],
    MAX([r].[p99]) AS [p99_service_ms],
    SUM([r].[bytes]) AS [bytes]
FROM (
    SELECT
        [app],
        [event_date],
        [status],
        [at],
        [bytes],
        PERCENTILE_CONT(0.50) WITHIN GROUP (ORDER BY [service_ms])
            OVER (PARTITION BY [app], [event_date]) AS [p50],
        PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY [service_ms])
            OVER (PARTITION BY [app], [event_date]) AS [p95],
        PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY [service_ms])
            OVER (PARTITION BY [app], [event_date]) AS [p99]
    FROM [heroku_assets_check_0123456789ab].[router_events]
) AS [r]
GROUP BY [r].[app], [r].[event_date];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[errors_by_code]', N'V') IS NULL
    EXEC('CREATE VIEW [heroku_assets_check_0123456789ab].[errors_by_code] AS SELECT 1 AS [placeholder]');

ALTER VIEW [heroku_assets_check_0123456789ab].[errors_by_code] AS
WITH [coded] AS (
    SELECT [app], [event_date], [code] FROM [heroku_assets_check_0123456789ab].[router_events] WHERE [code] IS NOT NULL
    UNION ALL
    SELECT [app], [event_date], [code] FROM [heroku_assets_check_0123456789ab].[platform_events] WHERE [code] IS NOT NULL
)
SELECT
    [c].[app],
    [c].[event_date],
    [c].[code],
    [e].[family],
    [e].[meaning],
    COUNT_BIG(*) AS [occurrences]
FROM [coded] AS [c]
LEFT JOIN [heroku_assets_check_0123456789ab].[heroku_error_codes] AS [e] ON [e].[code] = [c].[code]
GROUP BY [c].[app], [c].[event_date], [c].[code], [e].[family], [e].[meaning];

SELECT COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[daily_request_stats];

SELECT COUNT_BIG(*) AS [rows]
FROM [heroku_assets_check_0123456789ab].[errors_by_code]
WHERE [meaning] IS NOT NULL;

IF OBJECT_ID(N'[dbo].[heroku_assets_check_0123456789ab]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_assets_check_0123456789ab] (
    [x] int NULL
);

IF OBJECT_ID(N'[dbo].[heroku_assets_check_0123456789ab]', N'U') IS NOT NULL
DROP TABLE [dbo].[heroku_assets_check_0123456789ab];

IF OBJECT_ID(N'[stg].[heroku_assets_check_0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_assets_check_0123456789ab] (
    [x] int NULL
);

IF OBJECT_ID(N'[stg].[heroku_assets_check_0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_assets_check_0123456789ab];

SELECT CASE WHEN OBJECT_ID(N'[dbo].[router_events]', N'U') IS NULL THEN 0 ELSE 1 END AS [present];

BEGIN TRANSACTION;

DELETE FROM [dbo].[router_events]
WHERE 1 = 0;

INSERT INTO [dbo].[router_events] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
SELECT [app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra]
FROM [dbo].[router_events]
WHERE 1 = 0;

IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;

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

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[daily_request_stats]', N'V') IS NOT NULL
DROP VIEW [heroku_assets_check_0123456789ab].[daily_request_stats];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[errors_by_code]', N'V') IS NOT NULL
DROP VIEW [heroku_assets_check_0123456789ab].[errors_by_code];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[router_events]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[router_events];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[app_events]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[app_events];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[platform_events]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[platform_events];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[runtime_metrics]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[runtime_metrics];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[spans]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[spans];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[rejected_lines]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[rejected_lines];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[log_ledger]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[log_ledger];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[loaded_copies]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[loaded_copies];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[log_ticks]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[log_ticks];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_error_codes]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_apps]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_apps];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_releases]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_releases];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_builds]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_builds];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_slugs]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_slugs];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_dynos]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_dynos];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_formation]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_formation];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_features]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_app_features];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_domains]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_domains];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_sni_endpoints]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_sni_endpoints];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_collaborators]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_collaborators];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_log_drains]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_log_drains];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_telemetry_drains]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_telemetry_drains];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhooks]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhooks];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_buildpack_installations]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_buildpack_installations];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addons]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_addons];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_attachments]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_addon_attachments];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_services]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_addon_services];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_plans]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_addon_plans];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_teams]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_teams];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_apps]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_apps];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_members]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_members];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_daily_usage]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_daily_usage];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_daily_usage_apps]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_daily_usage_apps];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_monthly_usage]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_monthly_usage];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_monthly_usage_apps]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_monthly_usage_apps];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_spaces]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_spaces];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipelines]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_pipelines];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_couplings]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_couplings];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_releases]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_releases];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_deployments]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_deployments];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_review_apps]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_review_apps];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_test_runs]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_test_runs];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhook_deliveries]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhook_deliveries];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhook_events]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhook_events];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_oci_images]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_oci_images];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_telemetry_drains]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_space_telemetry_drains];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_app_access]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_space_app_access];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_inbound_rulesets]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_inbound_rulesets];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_nat]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_space_nat];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_peerings]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_peerings];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_peering_info]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_peering_info];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_vpn_connections]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_vpn_connections];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_topology]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_space_topology];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_invoices]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_invoices];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_permissions]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_permissions];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_allowed_addon_services]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_allowed_addon_services];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_invitations]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_invitations];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_features]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_features];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_delinquency]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_team_delinquency];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_review_app_configs]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_review_app_configs];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_accounts]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_accounts];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_members]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_members];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_daily_usage]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_daily_usage];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_monthly_usage]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_monthly_usage];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_audit_trail_events]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_audit_trail_events];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_audit_trail_archives]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_audit_trail_archives];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_transfers]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_app_transfers];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_credits]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_credits];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_account_delinquency]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_account_delinquency];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_dyno_sizes]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_dyno_sizes];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_regions]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_regions];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_stacks]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_stacks];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_generations]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_generations];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_account_features]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_account_features];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_invoices]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[heroku_invoices];

IF OBJECT_ID(N'[dbo].[heroku_assets_check_0123456789ab]', N'U') IS NOT NULL
DROP TABLE [dbo].[heroku_assets_check_0123456789ab];

IF OBJECT_ID(N'[stg].[heroku_assets_check_0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_assets_check_0123456789ab];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe_view]', N'V') IS NOT NULL
DROP VIEW [heroku_assets_check_0123456789ab].[probe_view];

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[probe]', N'U') IS NOT NULL
DROP TABLE [heroku_assets_check_0123456789ab].[probe];

IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'heroku_assets_check_0123456789ab')
    EXEC('DROP SCHEMA [heroku_assets_check_0123456789ab]');
