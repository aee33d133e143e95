ALTER TABLE [dbo].[heroku_inbound_rulesets] ALTER COLUMN [created_by] ADD MASKED WITH (FUNCTION = 'email()');
