"""Heroku Platform API: the client (paging, pacing, retries), entity fetchers and log-session pulls."""
