ALTER TABLE [dbo].[platform_events] ALTER COLUMN [actor] ADD MASKED WITH (FUNCTION = 'email()');
