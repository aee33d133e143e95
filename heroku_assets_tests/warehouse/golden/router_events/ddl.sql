IF OBJECT_ID(N'[dbo].[router_events]', N'U') IS NULL
CREATE TABLE [dbo].[router_events] (
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
