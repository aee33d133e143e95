IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dbo].[router_events]') AND name = N'stat_event_date')
CREATE STATISTICS [stat_event_date] ON [dbo].[router_events] ([event_date]);

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dbo].[router_events]') AND name = N'stat_app')
CREATE STATISTICS [stat_app] ON [dbo].[router_events] ([app]);

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dbo].[router_events]') AND name = N'stat_code')
CREATE STATISTICS [stat_code] ON [dbo].[router_events] ([code]);

UPDATE STATISTICS [dbo].[router_events] ([stat_event_date], [stat_app], [stat_code]);
