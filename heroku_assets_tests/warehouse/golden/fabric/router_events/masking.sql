ALTER TABLE [dbo].[router_events] ALTER COLUMN [fwd] ADD MASKED WITH (FUNCTION = 'partial(0,"xxx.xxx.xxx.xxx",0)');
