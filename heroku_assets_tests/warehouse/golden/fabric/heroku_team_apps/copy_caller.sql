COPY INTO [stg].[heroku_team_apps__0123456789ab] ([archived_at], [buildpack_provided_description], [build_stack_id], [build_stack_name], [created_at], [git_url], [id], [internal_routing], [joined], [locked], [maintenance], [name], [team_name], [owner_email], [owner_id], [region_id], [region_name], [released_at], [repo_size], [slug_size], [space_id], [space_name], [stack_id], [stack_name], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
