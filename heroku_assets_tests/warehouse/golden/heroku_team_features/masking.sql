IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_team_features]') AND name = N'feedback_email')
ALTER TABLE [dbo].[heroku_team_features] ALTER COLUMN [feedback_email] ADD MASKED WITH (FUNCTION = 'email()');
