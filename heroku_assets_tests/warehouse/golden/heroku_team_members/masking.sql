IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_team_members]') AND name = N'email')
ALTER TABLE [dbo].[heroku_team_members] ALTER COLUMN [email] ADD MASKED WITH (FUNCTION = 'email()');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_team_members]') AND name = N'user_email')
ALTER TABLE [dbo].[heroku_team_members] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
