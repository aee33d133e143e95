IF OBJECT_ID(N'[dbo].[heroku_inbound_rulesets]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_inbound_rulesets] (
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
