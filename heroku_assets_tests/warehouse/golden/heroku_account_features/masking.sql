ALTER TABLE [dbo].[heroku_account_features] ALTER COLUMN [feedback_email] ADD MASKED WITH (FUNCTION = 'email()');
