-- params: ['stg', -24]
SELECT [t].[name] AS [name]
FROM sys.tables AS [t]
JOIN sys.schemas AS [s] ON [s].[schema_id] = [t].[schema_id]
WHERE [s].[name] = ? AND [t].[create_date] < DATEADD(HOUR, ?, SYSUTCDATETIME());
