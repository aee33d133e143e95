ALTER TABLE [dbo].[heroku_audit_trail_events] ALTER COLUMN [actor_email] ADD MASKED WITH (FUNCTION = 'email()');

ALTER TABLE [dbo].[heroku_audit_trail_events] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');
