ALTER TABLE [dbo].[heroku_apps] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');
