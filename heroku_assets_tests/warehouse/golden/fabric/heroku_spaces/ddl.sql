IF OBJECT_ID(N'[dbo].[heroku_spaces]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_spaces] (
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
