COPY INTO [stg].[heroku_error_codes__0123456789ab] ([code], [family], [meaning])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_error_codes/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
