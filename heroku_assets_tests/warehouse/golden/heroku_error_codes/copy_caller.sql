COPY INTO [stg].[heroku_error_codes__b4ea0a5dda79e8c0] ([code], [family], [meaning])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_error_codes/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
