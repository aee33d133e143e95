ALTER TABLE [dbo].[heroku_app_transfers] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');

ALTER TABLE [dbo].[heroku_app_transfers] ALTER COLUMN [recipient_email] ADD MASKED WITH (FUNCTION = 'email()');
