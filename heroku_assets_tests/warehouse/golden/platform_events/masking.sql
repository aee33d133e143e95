IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[platform_events]') AND name = N'actor')
ALTER TABLE [dbo].[platform_events] ALTER COLUMN [actor] ADD MASKED WITH (FUNCTION = 'email()');
