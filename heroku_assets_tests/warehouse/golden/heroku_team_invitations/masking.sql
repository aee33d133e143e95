IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_team_invitations]') AND name = N'invited_by_email')
ALTER TABLE [dbo].[heroku_team_invitations] ALTER COLUMN [invited_by_email] ADD MASKED WITH (FUNCTION = 'email()');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_team_invitations]') AND name = N'user_email')
ALTER TABLE [dbo].[heroku_team_invitations] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
