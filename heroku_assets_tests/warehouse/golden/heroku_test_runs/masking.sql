IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_test_runs]') AND name = N'actor_email')
ALTER TABLE [dbo].[heroku_test_runs] ALTER COLUMN [actor_email] ADD MASKED WITH (FUNCTION = 'email()');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_test_runs]') AND name = N'user_email')
ALTER TABLE [dbo].[heroku_test_runs] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
