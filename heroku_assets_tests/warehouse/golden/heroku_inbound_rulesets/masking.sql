IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_inbound_rulesets]') AND name = N'created_by')
ALTER TABLE [dbo].[heroku_inbound_rulesets] ALTER COLUMN [created_by] ADD MASKED WITH (FUNCTION = 'email()');
