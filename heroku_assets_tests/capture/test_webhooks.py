"""``POST /webhooks/heroku`` on the real receiver (uvicorn on loopback): signed deliveries are stored once,
then land in the Platform API tables."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import duckdb
import pytest
import requests

from heroku_assets import cli
from heroku_assets.capture.webhooks import SIGNATURE_HEADER, WebhookReceiver, signature, verify
from heroku_assets.platform_api.webhook_events import apply_deliveries, pending_deliveries
from heroku_assets.settings import WEBHOOK_SECRET as SECRET_ENV
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.warehouse.duckdb import DuckDBWarehouse
from heroku_assets_tests.capture.conftest import default_config
from heroku_assets_tests.fakes.heroku_api import FakeHeroku

SECRET = "webhook-secret-3f9a8c7e1d2b"
NOW = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)


def _delivery(entity: str, action: str, data: dict, *, at: str = "2026-03-02T11:00:00Z") -> dict:
    return {
        "id": str(uuid.uuid4()),
        "created_at": at,
        "action": action,
        "actor": {"email": "dev@example.com", "id": str(uuid.uuid4())},
        "resource": entity.removeprefix("api:"),
        "version": "application/vnd.heroku+json; version=3",
        "data": data,
        "webhook_metadata": {
            "attempt": {"id": str(uuid.uuid4())},
            "delivery": {"id": str(uuid.uuid4())},
            "event": {"id": str(uuid.uuid4()), "include": entity},
            "webhook": {"id": str(uuid.uuid4())},
        },
    }


def _post(url: str, body: bytes, sig: str | None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if sig is not None:
        headers[SIGNATURE_HEADER] = sig
    return requests.post(url + "/webhooks/heroku", data=body, headers=headers, timeout=5)


@pytest.fixture
def receiver(start_drain):
    return start_drain(default_config(webhook_secret=SECRET))


def test_signatures_are_verified_against_the_body_and_secret() -> None:
    body = b'{"a": 1}'
    assert verify(SECRET, body, signature(SECRET, body))
    assert not verify(SECRET, body + b" ", signature(SECRET, body))
    assert not verify(SECRET, body, signature("another-secret-value", body))
    assert not verify(SECRET, body, "not base64 at all!")
    assert not verify(SECRET, body, None)
    with pytest.raises(ValueError):
        WebhookReceiver(LocalObjectStore.__new__(LocalObjectStore), "short", lambda: NOW)
    assert SECRET not in repr(
        WebhookReceiver(LocalObjectStore.__new__(LocalObjectStore), SECRET, lambda: NOW)
    )


def test_a_signed_delivery_is_stored_once_and_a_bad_one_refused(receiver) -> None:
    fake = FakeHeroku()
    fake.add_app("shop")
    delivery = _delivery("api:release", "create", fake.add_release("shop"))
    body = json.dumps(delivery).encode()
    assert _post(receiver.url, body, None).status_code == 401
    assert _post(receiver.url, body, signature("wrong-secret-0000000", body)).status_code == 401
    assert _post(receiver.url, body + b" ", signature(SECRET, body)).status_code == 401  # body altered
    assert list(receiver.store.list("webhooks/")) == []

    first = _post(receiver.url, body, signature(SECRET, body))
    assert first.status_code == 200 and first.json()["stored"] is True
    retry = _post(receiver.url, body, signature(SECRET, body))  # Heroku retries with the same delivery id
    assert retry.status_code == 200 and retry.json()["stored"] is False
    (stored,) = list(receiver.store.list("webhooks/"))
    assert stored.key.endswith(delivery["webhook_metadata"]["delivery"]["id"] + ".json")
    assert receiver.store.get(stored.key) == body
    not_json = b"not json"
    assert _post(receiver.url, not_json, signature(SECRET, not_json)).status_code == 400


def test_a_store_failure_answers_503_so_heroku_retries(receiver) -> None:
    body = json.dumps(_delivery("api:dyno", "create", {"id": str(uuid.uuid4())})).encode()
    receiver.store.failing = True
    assert _post(receiver.url, body, signature(SECRET, body)).status_code == 503
    receiver.store.failing = False
    assert _post(receiver.url, body, signature(SECRET, body)).status_code == 200


def test_no_secret_no_route(start_drain, monkeypatch) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    drain = start_drain()
    assert _post(drain.url, b"{}", signature(SECRET, b"{}")).status_code in (404, 405)


def test_deliveries_land_in_the_api_tables(receiver, tmp_path) -> None:
    fake = FakeHeroku()
    app = fake.add_app("shop")
    release = fake.add_release("shop", status="pending")
    dyno = fake.set_dynos("shop", [{"name": "web.1"}])[0]
    domain = fake.add("domain", app, hostname="www.example.com")
    finished = {**release, "status": "succeeded", "new_field": "x"}
    deliveries = [
        _delivery("api:release", "create", release, at="2026-03-02T11:00:00Z"),
        _delivery("api:release", "update", finished, at="2026-03-02T11:05:00Z"),
        _delivery("api:dyno", "destroy", dyno),
        _delivery("api:domain", "create", domain),
        _delivery("api:sms-number", "update", {"sms_number": "+15555550123"}),
    ]
    for d in reversed(deliveries):  # arrival order does not matter, event time does
        body = json.dumps(d).encode()
        assert _post(receiver.url, body, signature(SECRET, body)).status_code == 200

    staging = LocalObjectStore(tmp_path / "staging")
    conn = duckdb.connect(str(tmp_path / "wh.duckdb"))
    warehouse = DuckDBWarehouse(conn)
    today = dt.datetime.now(dt.UTC)
    result = apply_deliveries(receiver.store, staging, warehouse, now=today)
    assert result.applied == 5
    assert dict(result.rows) == {"heroku_releases": 1, "heroku_dynos": 1, "heroku_domains": 1}
    assert dict(result.skipped) == {"api:sms-number": 1}
    assert result.drift.as_dict()["unknown_fields"] == {"new_field": 1}
    assert conn.execute("SELECT status, _parent, _extra FROM heroku_releases").fetchall() == [
        ("succeeded", app["id"], '{"new_field": "x"}')
    ]
    assert conn.execute("SELECT name, _deleted_at IS NOT NULL FROM heroku_dynos").fetchall() == [
        ("web.1", True)
    ]
    assert conn.execute("SELECT hostname FROM heroku_domains").fetchall() == [("www.example.com",)]
    assert "+15555550123" not in json.dumps(
        conn.execute("SELECT * FROM heroku_releases").fetchall(), default=str
    )
    # applied once: nothing pending, a second run changes nothing
    assert pending_deliveries(receiver.store, staging, today.date()) == []
    assert apply_deliveries(receiver.store, staging, warehouse, now=today).applied == 0
    conn.close()


def test_the_webhooks_command_prints_the_cli_command_without_the_secret(capsys, monkeypatch) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    assert cli.main(["api", "webhooks", "--url", "https://receiver.example.com/", "--app", "shop"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(
        "heroku webhooks:add -a shop -i api:app,api:release,api:build,api:dyno,api:formation"
    )
    assert "-u https://receiver.example.com/webhooks/heroku" in out and "-l sync" in out
    assert out.endswith('-s "$HEROKU_WEBHOOK_SECRET"') and SECRET not in out
    assert cli.main(["api", "webhooks", "--url", "http://plain.example.com", "--app", "shop"]) == 2
