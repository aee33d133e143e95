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

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[router_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[router_events] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [at] nvarchar(16) NULL,
    [code] nvarchar(8) NULL,
    [desc] nvarchar(400) NULL,
    [sock] nvarchar(16) NULL,
    [cause] nvarchar(400) NULL,
    [method] nvarchar(16) NULL,
    [path] nvarchar(4000) NULL,
    [host] nvarchar(400) NULL,
    [request_id] nvarchar(100) NULL,
    [fwd] nvarchar(400) NULL,
    [dyno] nvarchar(100) NULL,
    [connect_ms] bigint NULL,
    [service_ms] bigint NULL,
    [status] int NULL,
    [bytes] bigint NULL,
    [protocol] nvarchar(16) NULL,
    [tls] bit NULL,
    [tls_version] nvarchar(16) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[app_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[app_events] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] nvarchar(16) NULL,
    [dyno] nvarchar(100) NULL,
    [process_type] nvarchar(100) NULL,
    [message] nvarchar(4000) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[platform_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[platform_events] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] nvarchar(16) NULL,
    [dyno] nvarchar(100) NULL,
    [process_type] nvarchar(100) NULL,
    [event_type] nvarchar(32) NULL,
    [code] nvarchar(8) NULL,
    [from_state] nvarchar(32) NULL,
    [to_state] nvarchar(32) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] nvarchar(320) NULL,
    [message] nvarchar(4000) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[runtime_metrics]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[runtime_metrics] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [dyno] nvarchar(100) NULL,
    [dyno_id] nvarchar(200) NULL,
    [source_name] nvarchar(100) NULL,
    [addon] nvarchar(200) NULL,
    [metric] nvarchar(100) NULL,
    [value] float NULL,
    [unit] nvarchar(16) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[spans]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[spans] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [trace_id] nvarchar(32) NULL,
    [span_id] nvarchar(16) NULL,
    [parent_span_id] nvarchar(16) NULL,
    [name] nvarchar(400) NULL,
    [kind] nvarchar(16) NULL,
    [start_ts] datetime2(6) NULL,
    [end_ts] datetime2(6) NULL,
    [duration_ms] float NULL,
    [status] nvarchar(16) NULL,
    [service_name] nvarchar(100) NULL,
    [dyno] nvarchar(100) NULL,
    [attributes] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[rejected_lines]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[rejected_lines] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [reason] nvarchar(200) NOT NULL,
    [raw_line] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[log_ledger]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[log_ledger] (
    [tick_id] nvarchar(64) NOT NULL,
    [object_key] nvarchar(400) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [lines] bigint NOT NULL,
    [duplicate_lines] bigint NOT NULL,
    [kind] nvarchar(16) NOT NULL,
    [loaded_at] datetime2(6) NOT NULL
)
WITH (DISTRIBUTION = HASH([object_key]), CLUSTERED INDEX ([object_key], [app], [event_date]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[loaded_copies]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[loaded_copies] (
    [copy_name] nvarchar(100) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [received_at] datetime2(6) NOT NULL,
    [tick_id] nvarchar(64) NOT NULL
)
WITH (DISTRIBUTION = HASH([copy_name]), CLUSTERED INDEX ([copy_name], [app]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[log_ticks]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[log_ticks] (
    [name] nvarchar(16) NOT NULL,
    [tick_id] nvarchar(64) NULL,
    [ticked_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([name]), CLUSTERED INDEX ([name]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_error_codes]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes] (
    [code] nvarchar(8) NOT NULL,
    [family] nvarchar(16) NOT NULL,
    [meaning] nvarchar(200) NOT NULL
)
WITH (DISTRIBUTION = HASH([code]), CLUSTERED INDEX ([code]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_apps] (
    [acm] bit NULL,
    [archived_at] datetime2(6) NULL,
    [buildpack_provided_description] nvarchar(2000) NULL,
    [build_stack_id] nvarchar(36) NULL,
    [build_stack_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [git_url] nvarchar(57) NULL,
    [id] nvarchar(36) NOT NULL,
    [internal_routing] bit NULL,
    [maintenance] bit NULL,
    [name] nvarchar(30) NULL,
    [owner_email] nvarchar(320) NULL,
    [owner_id] nvarchar(36) NULL,
    [organization_id] nvarchar(36) NULL,
    [organization_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [region_id] nvarchar(36) NULL,
    [region_name] nvarchar(2000) NULL,
    [released_at] datetime2(6) NULL,
    [repo_size] bigint NULL,
    [slug_size] bigint NULL,
    [space_id] nvarchar(36) NULL,
    [space_name] nvarchar(2000) NULL,
    [space_shield] bit NULL,
    [stack_id] nvarchar(36) NULL,
    [stack_name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] nvarchar(67) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_releases]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_releases] (
    [addon_plan_names] nvarchar(4000) NULL,
    [artifacts] nvarchar(4000) NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] nvarchar(36) NULL,
    [status] nvarchar(9) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] nvarchar(2000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_builds]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_builds] (
    [app_id] nvarchar(36) NULL,
    [buildpacks] nvarchar(4000) NULL,
    [created_at] datetime2(6) NULL,
    [generation] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [output_stream_url] nvarchar(2000) NULL,
    [source_blob_checksum] nvarchar(2000) NULL,
    [source_blob_url] nvarchar(2000) NULL,
    [source_blob_version] nvarchar(2000) NULL,
    [source_blob_version_description] nvarchar(2000) NULL,
    [release_id] nvarchar(36) NULL,
    [slug_id] nvarchar(36) NULL,
    [stack] nvarchar(2000) NULL,
    [status] nvarchar(9) NULL,
    [updated_at] datetime2(6) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_slugs]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_slugs] (
    [blob_method] nvarchar(2000) NULL,
    [blob_url] nvarchar(2000) NULL,
    [buildpack_provided_description] nvarchar(2000) NULL,
    [checksum] nvarchar(2000) NULL,
    [commit] nvarchar(2000) NULL,
    [commit_description] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [process_types] nvarchar(4000) NULL,
    [size] bigint NULL,
    [stack_id] nvarchar(36) NULL,
    [stack_name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_dynos]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_dynos] (
    [command] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [release_id] nvarchar(36) NULL,
    [release_version] bigint NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [size] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [type] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_formation]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_formation] (
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [command] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [dyno_size_id] nvarchar(36) NULL,
    [dyno_size_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [quantity] bigint NULL,
    [size] nvarchar(2000) NULL,
    [type] nvarchar(128) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_features]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_features] (
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [doc_url] nvarchar(2000) NULL,
    [enabled] bit NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] nvarchar(2000) NULL,
    [feedback_email] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_domains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_domains] (
    [acm_status] nvarchar(2000) NULL,
    [acm_status_reason] nvarchar(2000) NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [cname] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [hostname] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [kind] nvarchar(6) NULL,
    [updated_at] datetime2(6) NULL,
    [status] nvarchar(2000) NULL,
    [sni_endpoint_name] nvarchar(30) NULL,
    [sni_endpoint_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_sni_endpoints]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_sni_endpoints] (
    [certificate_chain] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(30) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] nvarchar(30) NULL,
    [domains] nvarchar(4000) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [ssl_cert_ca_signed] bit NULL,
    [ssl_cert_cert_domains] nvarchar(4000) NULL,
    [ssl_cert_expires_at] datetime2(6) NULL,
    [ssl_cert_issuer] nvarchar(2000) NULL,
    [ssl_cert_self_signed] bit NULL,
    [ssl_cert_starts_at] datetime2(6) NULL,
    [ssl_cert_subject] nvarchar(2000) NULL,
    [ssl_cert_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_collaborators]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_collaborators] (
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [permissions] nvarchar(4000) NULL,
    [role] nvarchar(12) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_federated] bit NULL,
    [user_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_log_drains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_log_drains] (
    [addon_id] nvarchar(36) NULL,
    [addon_name] nvarchar(2000) NULL,
    [addon_app_id] nvarchar(36) NULL,
    [addon_app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_telemetry_drains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_telemetry_drains] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_type] nvarchar(5) NULL,
    [signals] nvarchar(4000) NULL,
    [exporter_type] nvarchar(8) NULL,
    [exporter_endpoint] nvarchar(1000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhooks]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhooks] (
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [include] nvarchar(4000) NULL,
    [level] nvarchar(6) NULL,
    [updated_at] datetime2(6) NULL,
    [url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_buildpack_installations]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_buildpack_installations] (
    [ordinal] bigint NOT NULL,
    [buildpack_url] nvarchar(2000) NULL,
    [buildpack_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent], [ordinal]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addons]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addons] (
    [actions] nvarchar(4000) NULL,
    [addon_service_id] nvarchar(36) NULL,
    [addon_service_name] nvarchar(2000) NULL,
    [billing_entity_id] nvarchar(36) NULL,
    [billing_entity_name] nvarchar(2000) NULL,
    [billing_entity_type] nvarchar(4) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [billed_price_cents] bigint NULL,
    [billed_price_contract] bit NULL,
    [billed_price_unit] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [plan_id] nvarchar(36) NULL,
    [plan_name] nvarchar(2000) NULL,
    [provider_id] nvarchar(2000) NULL,
    [provision_message] nvarchar(2000) NULL,
    [state] nvarchar(13) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_attachments]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addon_attachments] (
    [addon_id] nvarchar(36) NULL,
    [addon_name] nvarchar(2000) NULL,
    [addon_app_id] nvarchar(36) NULL,
    [addon_app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [namespace] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] nvarchar(2000) NULL,
    [log_input_url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_services]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addon_services] (
    [cli_plugin_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [human_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(8) NULL,
    [supports_multiple_installations] bit NULL,
    [supports_sharing] bit NULL,
    [updated_at] datetime2(6) NULL,
    [supported_generations] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_addon_plans]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_addon_plans] (
    [addon_service_id] nvarchar(36) NULL,
    [addon_service_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [compliance] nvarchar(4000) NULL,
    [default] bit NULL,
    [description] nvarchar(2000) NULL,
    [human_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [installable_inside_private_network] bit NULL,
    [installable_outside_private_network] bit NULL,
    [name] nvarchar(2000) NULL,
    [price_cents] bigint NULL,
    [price_contract] bit NULL,
    [price_unit] nvarchar(2000) NULL,
    [space_default] bit NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [visible] bit NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_teams]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_teams] (
    [id] nvarchar(36) NOT NULL,
    [created_at] datetime2(6) NULL,
    [credit_card_collections] bit NULL,
    [default] bit NULL,
    [enterprise_account_id] nvarchar(36) NULL,
    [enterprise_account_name] nvarchar(2000) NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [membership_limit] float NULL,
    [name] nvarchar(2000) NULL,
    [provisioned_licenses] bit NULL,
    [role] nvarchar(12) NULL,
    [type] nvarchar(10) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_apps] (
    [archived_at] datetime2(6) NULL,
    [buildpack_provided_description] nvarchar(2000) NULL,
    [build_stack_id] nvarchar(36) NULL,
    [build_stack_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [git_url] nvarchar(57) NULL,
    [id] nvarchar(36) NOT NULL,
    [internal_routing] bit NULL,
    [joined] bit NULL,
    [locked] bit NULL,
    [maintenance] bit NULL,
    [name] nvarchar(30) NULL,
    [team_name] nvarchar(2000) NULL,
    [owner_email] nvarchar(320) NULL,
    [owner_id] nvarchar(36) NULL,
    [region_id] nvarchar(36) NULL,
    [region_name] nvarchar(2000) NULL,
    [released_at] datetime2(6) NULL,
    [repo_size] bigint NULL,
    [slug_size] bigint NULL,
    [space_id] nvarchar(36) NULL,
    [space_name] nvarchar(2000) NULL,
    [stack_id] nvarchar(36) NULL,
    [stack_name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] nvarchar(67) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_members]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_members] (
    [created_at] datetime2(6) NULL,
    [email] nvarchar(2000) NULL,
    [federated] bit NULL,
    [id] nvarchar(36) NOT NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [role] nvarchar(12) NULL,
    [two_factor_authentication] bit NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [user_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_daily_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_daily_usage] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NOT NULL,
    [dynos] float NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [date]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_daily_usage_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_daily_usage_apps] (
    [id] nvarchar(36) NOT NULL,
    [date] date NOT NULL,
    [addons] float NULL,
    [app_name] nvarchar(30) NOT NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [date], [app_name]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_monthly_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_monthly_usage] (
    [addons] float NULL,
    [connect] float NULL,
    [data] float NULL,
    [dynos] float NULL,
    [id] nvarchar(36) NOT NULL,
    [month] nvarchar(7) NOT NULL,
    [name] nvarchar(2000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [month]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_monthly_usage_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_monthly_usage_apps] (
    [id] nvarchar(36) NOT NULL,
    [month] nvarchar(7) NOT NULL,
    [addons] float NULL,
    [app_name] nvarchar(30) NOT NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [month], [app_name]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_spaces]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_spaces] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [organization_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [region_id] nvarchar(36) NULL,
    [region_name] nvarchar(2000) NULL,
    [shield] bit NULL,
    [state] nvarchar(10) NULL,
    [updated_at] datetime2(6) NULL,
    [cidr] nvarchar(2000) NULL,
    [data_cidr] nvarchar(2000) NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipelines]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipelines] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(30) NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_type] nvarchar(4) NULL,
    [updated_at] datetime2(6) NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_couplings]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_couplings] (
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [pipeline_id] nvarchar(36) NULL,
    [stage] nvarchar(11) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_releases]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_releases] (
    [addon_plan_names] nvarchar(4000) NULL,
    [artifacts] nvarchar(4000) NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] nvarchar(36) NULL,
    [status] nvarchar(9) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] nvarchar(2000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_pipeline_deployments]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_pipeline_deployments] (
    [addon_plan_names] nvarchar(4000) NULL,
    [artifacts] nvarchar(4000) NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] nvarchar(36) NULL,
    [status] nvarchar(9) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] nvarchar(2000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_review_apps]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_review_apps] (
    [app_id] nvarchar(36) NULL,
    [app_setup_id] nvarchar(36) NULL,
    [branch] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [pipeline_id] nvarchar(36) NULL,
    [status] nvarchar(8) NULL,
    [updated_at] datetime2(6) NULL,
    [creator] nvarchar(4000) NULL,
    [wait_for_ci] bit NULL,
    [error_status] nvarchar(2000) NULL,
    [message] nvarchar(2000) NULL,
    [fork_repo_id] bigint NULL,
    [pr_number] bigint NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_test_runs]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_test_runs] (
    [actor_email] nvarchar(320) NULL,
    [clear_cache] bit NULL,
    [commit_branch] nvarchar(2000) NULL,
    [commit_message] nvarchar(2000) NULL,
    [commit_sha] nvarchar(2000) NULL,
    [debug] bit NULL,
    [app_setup] nvarchar(4000) NULL,
    [created_at] datetime2(6) NULL,
    [dyno_size] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [message] nvarchar(2000) NULL,
    [number] bigint NULL,
    [organization_name] nvarchar(2000) NULL,
    [pipeline_id] nvarchar(36) NULL,
    [status] nvarchar(9) NULL,
    [source_blob_url] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [user_allow_tracking] bit NULL,
    [user_beta] bit NULL,
    [user_created_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_federated] bit NULL,
    [user_id] nvarchar(36) NULL,
    [user_identity_provider_id] nvarchar(36) NULL,
    [user_identity_provider_name] nvarchar(2000) NULL,
    [user_identity_provider_team] nvarchar(4000) NULL,
    [user_identity_provider_organization] nvarchar(4000) NULL,
    [user_identity_provider_owner] nvarchar(4000) NULL,
    [user_last_login] datetime2(6) NULL,
    [user_name] nvarchar(2000) NULL,
    [user_suspended_at] datetime2(6) NULL,
    [user_delinquent_at] datetime2(6) NULL,
    [user_two_factor_authentication] bit NULL,
    [user_updated_at] datetime2(6) NULL,
    [user_verified] bit NULL,
    [user_country_of_residence] nvarchar(2000) NULL,
    [user_default_organization_id] nvarchar(36) NULL,
    [user_default_organization_name] nvarchar(2000) NULL,
    [user_default_team_id] nvarchar(36) NULL,
    [user_default_team_name] nvarchar(2000) NULL,
    [warning_message] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhook_deliveries]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhook_deliveries] (
    [created_at] datetime2(6) NULL,
    [event_id] nvarchar(36) NULL,
    [event_include] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [num_attempts] bigint NULL,
    [next_attempt_at] datetime2(6) NULL,
    [last_attempt_id] nvarchar(36) NULL,
    [last_attempt_code] bigint NULL,
    [last_attempt_error_class] nvarchar(2000) NULL,
    [last_attempt_status] nvarchar(9) NULL,
    [last_attempt_created_at] datetime2(6) NULL,
    [last_attempt_updated_at] datetime2(6) NULL,
    [status] nvarchar(9) NULL,
    [updated_at] datetime2(6) NULL,
    [webhook_id] nvarchar(36) NULL,
    [webhook_level] nvarchar(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_webhook_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_webhook_events] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [include] nvarchar(2000) NULL,
    [payload_action] nvarchar(2000) NULL,
    [payload_actor_email] nvarchar(320) NULL,
    [payload_actor_id] nvarchar(36) NULL,
    [payload_data] nvarchar(4000) NULL,
    [payload_previous_data] nvarchar(4000) NULL,
    [payload_resource] nvarchar(2000) NULL,
    [payload_version] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_oci_images]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_oci_images] (
    [id] nvarchar(36) NOT NULL,
    [base_image_name] nvarchar(2000) NULL,
    [base_top_layer] nvarchar(2000) NULL,
    [commit] nvarchar(2000) NULL,
    [commit_description] nvarchar(2000) NULL,
    [image_repo] nvarchar(2000) NULL,
    [digest] nvarchar(2000) NULL,
    [stack_id] nvarchar(36) NULL,
    [stack_name] nvarchar(2000) NULL,
    [process_types] nvarchar(4000) NULL,
    [buildpacks] nvarchar(4000) NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL,
    [architecture] nvarchar(2000) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_telemetry_drains]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_telemetry_drains] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_type] nvarchar(5) NULL,
    [signals] nvarchar(4000) NULL,
    [exporter_type] nvarchar(8) NULL,
    [exporter_endpoint] nvarchar(1000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_app_access]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_app_access] (
    [space_name] nvarchar(30) NULL,
    [space_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [permissions] nvarchar(4000) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_inbound_rulesets]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_inbound_rulesets] (
    [id] nvarchar(36) NOT NULL,
    [space_id] nvarchar(36) NULL,
    [space_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [rules] nvarchar(4000) NULL,
    [created_by] nvarchar(320) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_nat]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_nat] (
    [created_at] datetime2(6) NULL,
    [sources] nvarchar(4000) NULL,
    [state] nvarchar(8) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_peerings]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_peerings] (
    [type] nvarchar(16) NULL,
    [pcx_id] nvarchar(2000) NOT NULL,
    [cidr_blocks] nvarchar(4000) NULL,
    [status] nvarchar(18) NULL,
    [aws_vpc_id] nvarchar(2000) NULL,
    [aws_region] nvarchar(2000) NULL,
    [aws_account_id] nvarchar(2000) NULL,
    [expires] datetime2(6) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent], [pcx_id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_peering_info]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_peering_info] (
    [aws_account_id] nvarchar(2000) NULL,
    [aws_region] nvarchar(14) NULL,
    [vpc_id] nvarchar(2000) NULL,
    [vpc_cidr] nvarchar(2000) NULL,
    [dyno_cidr_blocks] nvarchar(4000) NULL,
    [unavailable_cidr_blocks] nvarchar(4000) NULL,
    [space_cidr_blocks] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_vpn_connections]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_vpn_connections] (
    [id] nvarchar(2000) NOT NULL,
    [name] nvarchar(2000) NULL,
    [public_ip] nvarchar(2000) NULL,
    [routable_cidrs] nvarchar(4000) NULL,
    [space_cidr_block] nvarchar(2000) NULL,
    [tunnels] nvarchar(4000) NULL,
    [ike_version] bigint NULL,
    [status] nvarchar(14) NULL,
    [status_message] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_space_topology]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_space_topology] (
    [version] bigint NULL,
    [apps] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_invoices]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_invoices] (
    [addons_total] bigint NULL,
    [database_total] bigint NULL,
    [charges_total] bigint NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] bigint NULL,
    [dyno_units] float NULL,
    [id] nvarchar(36) NOT NULL,
    [number] bigint NULL,
    [payment_status] nvarchar(2000) NULL,
    [period_end] nvarchar(2000) NULL,
    [period_start] nvarchar(2000) NULL,
    [platform_total] bigint NULL,
    [state] bigint NULL,
    [total] bigint NULL,
    [updated_at] datetime2(6) NULL,
    [weighted_dyno_hours] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_permissions]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_permissions] (
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [type] nvarchar(5) NULL,
    [users] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_allowed_addon_services]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_allowed_addon_services] (
    [added_at] datetime2(6) NULL,
    [added_by_email] nvarchar(320) NULL,
    [added_by_id] nvarchar(36) NULL,
    [addon_service_id] nvarchar(36) NULL,
    [addon_service_name] nvarchar(2000) NULL,
    [addon_service_human_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_invitations]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_invitations] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [invited_by_email] nvarchar(320) NULL,
    [invited_by_id] nvarchar(36) NULL,
    [invited_by_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [role] nvarchar(12) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [user_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_features]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_features] (
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [doc_url] nvarchar(2000) NULL,
    [enabled] bit NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] nvarchar(2000) NULL,
    [feedback_email] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_team_delinquency]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_team_delinquency] (
    [scheduled_suspension_time] datetime2(6) NULL,
    [scheduled_deletion_time] datetime2(6) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_review_app_configs]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_review_app_configs] (
    [repo_id] bigint NULL,
    [automatic_review_apps] bit NULL,
    [deploy_target_id] nvarchar(36) NULL,
    [deploy_target_type] nvarchar(6) NULL,
    [destroy_stale_apps] bit NULL,
    [stale_days] bigint NULL,
    [pipeline_id] nvarchar(36) NULL,
    [wait_for_ci] bit NULL,
    [base_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_accounts]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_accounts] (
    [id] nvarchar(36) NOT NULL,
    [created_at] datetime2(6) NULL,
    [name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [permissions] nvarchar(4000) NULL,
    [trial] bit NULL,
    [partner_benefits] bit NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_members]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_members] (
    [enterprise_account_id] nvarchar(36) NULL,
    [enterprise_account_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [permissions] nvarchar(4000) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [two_factor_authentication] bit NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_daily_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_daily_usage] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NOT NULL,
    [dynos] float NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [date]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_enterprise_account_monthly_usage]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_enterprise_account_monthly_usage] (
    [addons] float NULL,
    [connect] float NULL,
    [data] float NULL,
    [dynos] float NULL,
    [id] nvarchar(36) NOT NULL,
    [month] nvarchar(7) NOT NULL,
    [name] nvarchar(2000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [month]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_audit_trail_events]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_audit_trail_events] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [type] nvarchar(2000) NULL,
    [action] nvarchar(2000) NULL,
    [actor_id] nvarchar(36) NULL,
    [actor_email] nvarchar(320) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(2000) NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_email] nvarchar(320) NULL,
    [enterprise_account_id] nvarchar(36) NULL,
    [enterprise_account_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [request_ip_address] nvarchar(2000) NULL,
    [data] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_audit_trail_archives]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_audit_trail_archives] (
    [created_at] datetime2(6) NULL,
    [month] nvarchar(2) NOT NULL,
    [year] bigint NOT NULL,
    [url] nvarchar(2000) NULL,
    [checksum] nvarchar(2000) NULL,
    [size] bigint NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent], [year], [month]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_app_transfers]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_app_transfers] (
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [owner_email] nvarchar(320) NULL,
    [owner_id] nvarchar(36) NULL,
    [recipient_email] nvarchar(320) NULL,
    [recipient_id] nvarchar(36) NULL,
    [state] nvarchar(8) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_credits]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_credits] (
    [amount] float NULL,
    [balance] float NULL,
    [created_at] datetime2(6) NULL,
    [expires_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [title] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_account_delinquency]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_account_delinquency] (
    [scheduled_suspension_time] datetime2(6) NULL,
    [scheduled_deletion_time] datetime2(6) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_dyno_sizes]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_dyno_sizes] (
    [architecture] nvarchar(2000) NULL,
    [compute] bigint NULL,
    [cost] nvarchar(4000) NULL,
    [dedicated] bit NULL,
    [precise_dyno_units] float NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [memory] float NULL,
    [name] nvarchar(2000) NULL,
    [private_space_only] bit NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_regions]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_regions] (
    [country] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [locale] nvarchar(2000) NULL,
    [name] nvarchar(2000) NULL,
    [private_capable] bit NULL,
    [provider_name] nvarchar(2000) NULL,
    [provider_region] nvarchar(14) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_stacks]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_stacks] (
    [default] bit NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_generations]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_generations] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_account_features]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_account_features] (
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [doc_url] nvarchar(2000) NULL,
    [enabled] bit NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] nvarchar(2000) NULL,
    [feedback_email] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[heroku_invoices]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[heroku_invoices] (
    [charges_total] float NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] float NULL,
    [id] nvarchar(36) NOT NULL,
    [number] bigint NULL,
    [period_end] nvarchar(2000) NULL,
    [period_start] nvarchar(2000) NULL,
    [state] bigint NULL,
    [total] float NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));

IF OBJECT_ID(N'[heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab]', N'U') IS NULL
CREATE TABLE [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab] (
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

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
FROM 'https://examplestaging.dfs.core.windows.net/heroku-staging/synapse-check/0123456789ab/router_events/app=synapse-check-a/*.parquet',
     'https://examplestaging.dfs.core.windows.net/heroku-staging/synapse-check/0123456789ab/router_events/app=synapse-check-b/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Managed Identity')
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
FROM [heroku_assets_check_0123456789ab].[router_events__20260102__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:router_events:2apps:2026-01-02');

BEGIN TRANSACTION;

-- params: ['2026-01-02', 'synapse-check-a', 'synapse-check-b']
DELETE FROM [heroku_assets_check_0123456789ab].[router_events]
WHERE [event_date] = ? AND [app] IN (?, ?)
OPTION (LABEL = 'heroku-assets:router_events:2apps:2026-01-02');

-- params: ['2026-01-02', 'synapse-check-a', 'synapse-check-b']
INSERT INTO [heroku_assets_check_0123456789ab].[router_events] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
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
    [code] nvarchar(max) NULL,
    [family] nvarchar(max) NULL,
    [meaning] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab];

COPY INTO [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab] ([code], [family], [meaning])
FROM 'https://examplestaging.dfs.core.windows.net/heroku-staging/synapse-check/0123456789ab/heroku_error_codes/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Managed Identity')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [code] IS NULL OR [family] IS NULL OR [meaning] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 OR DATALENGTH([family]) > 32 OR DATALENGTH([meaning]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([family]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__family],
    COALESCE(SUM(CASE WHEN DATALENGTH([meaning]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__meaning]
FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([code] AS nvarchar(8)) AS [code] FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

BEGIN TRANSACTION;

DELETE FROM [heroku_assets_check_0123456789ab].[heroku_error_codes]
WHERE EXISTS (
    SELECT 1 FROM [heroku_assets_check_0123456789ab].[heroku_error_codes__0123456789ab] AS [s]
    WHERE CAST([s].[code] AS nvarchar(8)) = [heroku_error_codes].[code]
)
OPTION (LABEL = 'heroku-assets:heroku_error_codes:upsert');

INSERT INTO [heroku_assets_check_0123456789ab].[heroku_error_codes] ([code], [family], [meaning])
SELECT [code], [family], [meaning]
FROM (
    SELECT
        CAST([code] AS nvarchar(8)) AS [code],
        CAST([family] AS nvarchar(16)) AS [family],
        CAST([meaning] AS nvarchar(200)) AS [meaning],
        ROW_NUMBER() OVER (PARTITION BY CAST([code] AS nvarchar(8)) ORDER BY (SELECT NULL)) AS [__row_number]
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
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

IF OBJECT_ID(N'[dbo].[heroku_assets_check_0123456789ab]', N'U') IS NOT NULL
DROP TABLE [dbo].[heroku_assets_check_0123456789ab];

IF OBJECT_ID(N'[stg].[heroku_assets_check_0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_assets_check_0123456789ab] (
    [x] int NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

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
