"""Items -> rows: strict types, drift into _extra, secrets never kept."""

from __future__ import annotations

import datetime as dt
import json

from heroku_assets import tables
from heroku_assets.platform_api.endpoints import BY_NAME
from heroku_assets.platform_api.records import RowBuilder, redact_url, scrub

NOW = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)


def _builder(name: str) -> RowBuilder:
    resource = BY_NAME[name]
    return RowBuilder(resource, tables.api_tables()[resource.table])


def test_urls_lose_passwords_and_signatures() -> None:
    assert redact_url("https://user:pass@drain.example.com/logs?app=x") == (
        "https://[redacted]@drain.example.com/logs?app=x"
    )
    signed = "https://bucket.s3.amazonaws.com/slug.tgz?X-Amz-Signature=abc&X-Amz-Expires=300"
    assert redact_url(signed) == "https://bucket.s3.amazonaws.com/slug.tgz?[redacted]"
    assert redact_url("https://example.com/a?page=2") == "https://example.com/a?page=2"
    assert redact_url("not a url") == "not a url"


def test_token_like_path_segments_and_query_values_are_redacted() -> None:
    """Vendors put keys in the path (Sumo Logic, Loggly, Slack webhooks), this project its drain token."""
    cases = {
        "https://collectors.sumologic.com/receiver/v1/http/ZaVnC4dhaV2T9xk1q8w0LPsY": (
            "https://collectors.sumologic.com/receiver/v1/http/[redacted]"
        ),
        "https://logs-01.loggly.com/bulk/a1b2c3d4-e5f6-7890-abcd-ef1234567890/tag/heroku/": (
            "https://logs-01.loggly.com/bulk/[redacted]/tag/heroku/"
        ),
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX": (
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
        ),
        "rendezvous://rendezvous.runtime.heroku.com:5000/7c1d5e44b9a2f0c3d8e1": (
            "rendezvous://rendezvous.runtime.heroku.com:5000/[redacted]"
        ),
        "https://drain.example.com/logs?app=shop&k=4f9d2c1b8a7e6d5c4b3a": "https://drain.example.com/logs?[redacted]",
        "https://github.com/heroku/heroku-buildpack-python": "https://github.com/heroku/heroku-buildpack-python",
        "https://shop.herokuapp.com/": "https://shop.herokuapp.com/",
    }
    for url, expected in cases.items():
        assert redact_url(url) == expected, url
    # Slack's placeholder above has no digit, so it is not token-like; a real one is
    assert redact_url("https://hooks.slack.com/services/T01/B02/x9FQb2LkP0v7Wn3ZcA8mRt5Y").endswith(
        "/[redacted]"
    )


def test_a_capability_url_keeps_only_its_host() -> None:
    """A drain's URL with a short, word-like path token still loses it: the URL is the credential."""
    url = "https://logplex:pw@drain.example.com/logs/letmein?app=shop"
    assert redact_url(url) == "https://[redacted]@drain.example.com/logs/letmein?app=shop"
    assert redact_url(url, capability=True) == "https://[redacted]@drain.example.com/[redacted]?[redacted]"
    assert redact_url("https://drain.example.com/", capability=True) == "https://drain.example.com/"
    builder = _builder("log-drain")
    row = builder.row({"id": "d1", "url": url}, "app-1", NOW)
    assert row["url"] == "https://[redacted]@drain.example.com/[redacted]?[redacted]"


def test_json_values_lose_secret_keys_at_any_depth() -> None:
    value = {"name": "x", "headers": {"x-api-key": "k"}, "nested": [{"password": "p", "ok": 1}]}
    assert scrub(value) == {"name": "x", "nested": [{"ok": 1}]}


def test_values_must_have_their_column_s_type() -> None:
    builder = _builder("release")
    good = {"id": "r1", "version": 3, "current": True, "created_at": "2026-01-01T01:30:00.123456+01:30"}
    row = builder.row(good, "app-1", NOW)
    assert row["created_at"] == dt.datetime(2026, 1, 1, 0, 0, 0, 123456, tzinfo=dt.UTC)
    assert row["_extra"] is None and not builder.drift.retyped
    for odd in (
        {"version": True},  # a bool is not an integer
        {"version": 2**63},  # out of range
        {"version": "7"},
        {"current": "true"},
        {"created_at": "2026-01-01T00:00:00"},  # no offset: not a UTC time
        {"created_at": "yesterday"},
        {"user": "dev@example.com"},  # an object that arrived as a string: every column under it
    ):
        row = builder.row({"id": "r2", **odd}, "app-1", NOW)
        assert row is not None, odd
        (field,) = odd
        assert json.loads(row["_extra"]) == {field: odd[field]}
    assert dict(builder.drift.retyped) == {
        "version": 3,
        "current": 1,
        "created_at": 2,
        "user_id": 1,
        "user_email": 1,
    }
    table = builder.table_of([builder.row(good, "app-1", NOW)])
    assert table.schema == tables.api_tables()["heroku_releases"].arrow_schema


def test_dates_and_months() -> None:
    builder = _builder("team-monthly-usage")
    row = builder.row({"id": "t1", "month": "2026-02"}, "t1", NOW)
    assert row["month"] == "2026-02"  # a month is a string of the schema, kept as it is
    daily = _builder("team-daily-usage").row({"id": "t1", "date": "2026-02-03"}, "t1", NOW)
    assert daily["date"] == dt.date(2026, 2, 3)
