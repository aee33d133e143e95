IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[router_events]') AND name = N'fwd')
ALTER TABLE [dbo].[router_events] ALTER COLUMN [fwd] ADD MASKED WITH (FUNCTION = 'partial(0,"xxx.xxx.xxx.xxx",0)');
