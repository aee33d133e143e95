ALTER TABLE [dbo].[heroku_app_features] ALTER COLUMN [feedback_email] ADD MASKED WITH (FUNCTION = 'email()');
