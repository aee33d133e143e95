ALTER TABLE [dbo].[heroku_space_app_access] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
