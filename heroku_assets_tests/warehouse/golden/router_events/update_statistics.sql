UPDATE STATISTICS [dbo].[router_events];
