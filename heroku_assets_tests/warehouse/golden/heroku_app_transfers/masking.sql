IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_app_transfers]') AND name = N'owner_email')
ALTER TABLE [dbo].[heroku_app_transfers] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_app_transfers]') AND name = N'recipient_email')
ALTER TABLE [dbo].[heroku_app_transfers] ALTER COLUMN [recipient_email] ADD MASKED WITH (FUNCTION = 'email()');
