COPY INTO [stg].[heroku_oci_images__0123456789ab] ([id], [base_image_name], [base_top_layer], [commit], [commit_description], [image_repo], [digest], [stack_id], [stack_name], [process_types], [buildpacks], [created_at], [updated_at], [architecture], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_oci_images/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
