IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_allowed_addon_services]') AND name = N'added_by_email')
ALTER TABLE [dbo].[heroku_allowed_addon_services] ALTER COLUMN [added_by_email] ADD MASKED WITH (FUNCTION = 'email()');
