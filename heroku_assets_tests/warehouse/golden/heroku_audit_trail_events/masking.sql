IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_audit_trail_events]') AND name = N'actor_email')
ALTER TABLE [dbo].[heroku_audit_trail_events] ALTER COLUMN [actor_email] ADD MASKED WITH (FUNCTION = 'email()');

IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_audit_trail_events]') AND name = N'owner_email')
ALTER TABLE [dbo].[heroku_audit_trail_events] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');
