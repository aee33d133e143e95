"""The drain receiver driven by real HTTP POSTs to uvicorn on loopback."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from heroku_assets.capture.drain_config import DrainConfig
from heroku_assets.sample.drain import DrainBody, drain_batches
from heroku_assets.sample.generator import generate_lines
from heroku_assets.settings import load_drain
from heroku_assets.storage import layout
from heroku_assets_tests.capture.conftest import (
    APP,
    DRAIN_TOKEN,
    PASSWORD,
    PATH_TOKEN,
    USER,
    Drain,
    default_config,
)

RECEIVED = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def bodies(count: int, app: str = APP) -> list[DrainBody]:
    lines = generate_lines([app], days=1, lines_per_day=max(200, count * 100))
    result = list(itertools.islice(drain_batches(lines), count))
    assert len(result) == count
    return result


def post(
    drain: Drain,
    body: bytes,
    headers: dict[str, str] | None = None,
    *,
    path: str = f"/logs/{PATH_TOKEN}",
    auth: tuple[str, str] | None = (USER, PASSWORD),
    params: dict[str, str] | None = None,
    session: requests.Session | None = None,
) -> requests.Response:
    sender = session or requests
    return sender.post(
        drain.url + path, data=body, headers=headers or {}, auth=auth, params=params, timeout=10
    )


def drain_objects(drain: Drain, prefix: str = "drain/") -> list[str]:
    return [i.key for i in drain.store.list(prefix)]


def test_a_frame_is_stored_verbatim_with_its_headers_before_the_204(
    start_drain: Callable[..., Drain],
) -> None:
    drain = start_drain(clock=lambda: RECEIVED)
    (frame,) = bodies(1)
    response = post(drain, frame.body, frame.headers)
    assert response.status_code == 204
    key = layout.drain_object(APP, RECEIVED.date(), frame.headers["Logplex-Frame-Id"])
    assert drain_objects(drain) == [key]
    assert drain.store.get(key) == frame.body
    meta = drain.store.head(key).metadata  # type: ignore[union-attr]
    assert meta["app"] == APP and meta["app_source"] == "drain_token"
    assert meta["msg_count"] == frame.headers["Logplex-Msg-Count"]
    assert meta["frame_id"] == frame.headers["Logplex-Frame-Id"]
    assert meta["drain_token"] == DRAIN_TOKEN
    assert meta["user_agent"] == "Logplex/v123"
    assert meta["content_type"] == "application/logplex-1"
    assert meta["received_at"] == RECEIVED.isoformat()
    assert meta["format"] == "logplex"
    assert meta["days"] == frame.lines[0].day.isoformat()


def test_a_retried_frame_overwrites_itself(drain: Drain) -> None:
    (frame,) = bodies(1)
    # Logplex rebuilds a retried body (an L10 line may be added) but keeps the frame id.
    l10 = (
        b"<172>1 2026-11-20T00:00:56+00:00 host heroku logplex - "
        b"Error L10 (output buffer overflow): 3 messages dropped since 2026-11-20T00:00:50+00:00."
    )
    retried = frame.body + b"%d %b\n" % (len(l10) + 1, l10)
    assert post(drain, frame.body, frame.headers).status_code == 204
    assert post(drain, retried, frame.headers).status_code == 204
    assert post(drain, retried, frame.headers).status_code == 204
    (key,) = drain_objects(drain)
    assert key.endswith(f"/{frame.headers['Logplex-Frame-Id']}.logplex")
    assert drain.store.get(key) == retried


def test_concurrent_posts_are_all_stored(drain: Drain) -> None:
    frames = bodies(120)
    assert len({f.headers["Logplex-Frame-Id"] for f in frames}) == 120

    def send(chunk: list[DrainBody]) -> list[int]:
        with requests.Session() as session:
            return [post(drain, f.body, f.headers, session=session).status_code for f in chunk]

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = [s for result in pool.map(send, [frames[i::8] for i in range(8)]) for s in result]
    assert statuses == [204] * 120
    stored = {key.rsplit("/", 1)[1].removesuffix(".logplex"): key for key in drain_objects(drain)}
    assert set(stored) == {f.headers["Logplex-Frame-Id"] for f in frames}
    for f in frames:
        assert drain.store.get(stored[f.headers["Logplex-Frame-Id"]]) == f.body


def test_a_failing_store_answers_503_and_acknowledges_nothing(drain: Drain) -> None:
    (frame,) = bodies(1)
    drain.store.failing = True
    response = post(drain, frame.body, frame.headers)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert "Traceback" not in response.text
    assert drain_objects(drain) == []
    assert drain.store.attempts == 1

    drain.store.failing = False  # the store recovers; Logplex's retry goes through
    assert post(drain, frame.body, frame.headers).status_code == 204
    assert len(drain_objects(drain)) == 1
    health = requests.get(drain.url + "/health", timeout=5).json()
    assert health["stored"] == 1 and health["failed"] == 1 and health["refused"] == 0


def test_bodies_above_the_limit_are_refused_with_413(start_drain: Callable[..., Drain]) -> None:
    drain = start_drain(default_config(max_body_bytes=1000))
    assert post(drain, b"x" * 1001).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed size is what counts
        for _ in range(5):
            yield b"y" * 300

    assert post(drain, chunks()).status_code == 413  # type: ignore[arg-type]
    assert drain_objects(drain) == []
    assert post(drain, b"z" * 1000).status_code == 204  # exactly the limit is fine
    assert len(drain_objects(drain)) == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><body>not a drain</body></html>", "text/html"),
        (b"\x00\xff\xfe binary \x80\x81", "application/octet-stream"),
        (b"99999 <190>1 truncated frame", "application/logplex-1"),
        (b"", "application/logplex-1"),
    ],
)
def test_unreadable_bodies_are_stored_not_refused(
    start_drain: Callable[..., Drain], body: bytes, content_type: str
) -> None:
    drain = start_drain(clock=lambda: RECEIVED)
    response = post(drain, body, {"Content-Type": content_type, "Logplex-Frame-Id": "ABC123"})
    assert response.status_code == 204
    key = layout.drain_object(APP, RECEIVED.date(), "ABC123").replace(f"/{APP}/", f"/{layout.UNMAPPED_APP}/")
    assert drain.store.get(key) == body
    meta = drain.store.head(key).metadata  # type: ignore[union-attr]
    assert meta["content_type"] == content_type
    assert meta["received"] == "2026-11-20"


@pytest.mark.parametrize(
    ("path", "auth"),
    [
        (f"/logs/{PATH_TOKEN}", (USER, "wrong-password")),
        (f"/logs/{PATH_TOKEN}", ("someone", PASSWORD)),
        (f"/logs/{PATH_TOKEN}", None),
        ("/logs/not-the-path-token-at-all", (USER, PASSWORD)),
        ("/logs", (USER, PASSWORD)),
    ],
)
def test_bad_credentials_get_401_and_nothing_is_stored(
    drain: Drain, path: str, auth: tuple[str, str] | None
) -> None:
    (frame,) = bodies(1)
    response = post(drain, frame.body, frame.headers, path=path, auth=auth)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert drain_objects(drain) == []


def test_a_malformed_authorization_header_is_401(drain: Drain) -> None:
    headers = {"Authorization": "Basic !!!not-base64!!!"}
    assert post(drain, b"1 x", headers, auth=None).status_code == 401
    assert post(drain, b"1 x", {"Authorization": "Bearer abc"}, auth=None).status_code == 401


def test_basic_auth_alone_or_a_path_token_alone(start_drain: Callable[..., Drain]) -> None:
    basic_only = start_drain(default_config(path_token=None))
    assert post(basic_only, b"1 x", path="/logs").status_code == 204
    assert post(basic_only, b"1 x", path=f"/logs/{PATH_TOKEN}").status_code == 401  # unexpected token

    token_only = start_drain(default_config(username=None, password=None))
    assert post(token_only, b"1 x", auth=None).status_code == 204
    assert post(token_only, b"1 x", path="/logs", auth=None).status_code == 401


def test_apps_come_from_the_drain_token_then_the_query_else_unmapped(
    start_drain: Callable[..., Drain],
) -> None:
    drain = start_drain(clock=lambda: RECEIVED)
    day = RECEIVED.date()

    def stored_app(
        headers: dict[str, str], params: dict[str, str] | None = None
    ) -> tuple[str, dict[str, str]]:
        body = hashlib.sha256(repr((headers, params)).encode()).hexdigest().encode()
        assert post(drain, body, headers, params=params).status_code == 204
        (info,) = [i for i in drain.store.list("drain/") if drain.store.get(i.key) == body]
        return layout.app_of_received_key(info.key) or "", dict(info.metadata)

    assert stored_app({"Logplex-Drain-Token": DRAIN_TOKEN}, {"app": "other-app"})[0] == APP
    app, meta = stored_app(
        {"Logplex-Drain-Token": "d.00000000-0000-0000-0000-000000000000"}, {"app": "billing-api"}
    )
    assert (app, meta["app_source"]) == ("billing-api", "query")
    app, meta = stored_app({"Logplex-Drain-Token": "d.00000000-0000-0000-0000-000000000001"})
    assert (app, meta["app_source"]) == (layout.UNMAPPED_APP, "unmapped")
    app, meta = stored_app({}, {"app": "Not_An_App/../x"})
    assert (app, meta["requested_app"]) == (layout.UNMAPPED_APP, "Not_An_App/../x")
    assert all(key.startswith(f"drain/{day.isoformat()}/") for key in drain_objects(drain))


def test_a_body_without_frame_id_is_named_by_its_content(drain: Drain) -> None:
    """Private Space drains send no frame id: the same body sent again lands on the same object."""
    (frame,) = bodies(1)
    headers = {
        "Content-Type": "application/logplex-1",
        "Logplex-Msg-Count": frame.headers["Logplex-Msg-Count"],
    }
    for _ in range(2):
        assert post(drain, frame.body, headers, params={"app": APP}).status_code == 204
    (key,) = drain_objects(drain)
    assert key.endswith("/sha256-" + hashlib.sha256(frame.body).hexdigest()[:32] + ".logplex")


def test_an_unusable_frame_id_is_hashed_into_a_stable_name(drain: Drain) -> None:
    headers = {"Logplex-Frame-Id": "../../etc/passwd frame", "Logplex-Drain-Token": DRAIN_TOKEN}
    assert post(drain, b"first", headers).status_code == 204
    assert post(drain, b"retry", headers).status_code == 204
    (key,) = drain_objects(drain)
    assert key.rsplit("/", 1)[1].startswith("f-")
    assert drain.store.get(key) == b"retry"


def test_health(drain: Drain) -> None:
    response = requests.get(drain.url + "/health", timeout=5)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_secrets_are_never_logged(drain: Drain, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    (frame,) = bodies(1)
    post(drain, frame.body, frame.headers)
    post(drain, frame.body, frame.headers, auth=(USER, "wrong-password"))
    drain.store.failing = True
    post(drain, frame.body, frame.headers)
    # what the server side logged (the test's own HTTP client logs the URLs it calls)
    server_log = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("urllib3"))
    assert "refused" in server_log and "503" in server_log
    for secret in (PASSWORD, PATH_TOKEN, "wrong-password"):
        assert secret not in server_log


def test_config_hides_secrets_and_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    webhook_secret = "webhook-secret-3f9a8c7e1d2b"

    def env(values: dict[str, str]) -> None:
        for name in [n for n in os.environ if n.startswith("HEROKU_DRAIN_")]:
            monkeypatch.delenv(name)
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    env(
        {
            "HEROKU_DRAIN_USER": USER,
            "HEROKU_DRAIN_PASSWORD": PASSWORD,
            "HEROKU_DRAIN_PATH_TOKEN": PATH_TOKEN,
            "HEROKU_DRAIN_APPS": f" {DRAIN_TOKEN}=my-app , d.2=other-app",
            "HEROKU_DRAIN_MAX_BODY_BYTES": "2048",
            "HEROKU_WEBHOOK_SECRET": webhook_secret,
        }
    )
    config = DrainConfig.from_settings(load_drain())
    assert config.apps == {DRAIN_TOKEN: "my-app", "d.2": "other-app"}
    assert config.max_body_bytes == 2048
    assert config.webhook_secret == webhook_secret  # the receiver serves /webhooks/heroku with it
    for secret in (USER, PASSWORD, PATH_TOKEN, DRAIN_TOKEN, webhook_secret):
        assert secret not in repr(config) and secret not in str(config)
    env({})
    with pytest.raises(ValueError, match="no drain credentials"):
        DrainConfig.from_settings(load_drain())
    assert DrainConfig.from_settings(load_drain(), allow_anonymous=True).allow_anonymous
    env({"HEROKU_DRAIN_PATH_TOKEN": PATH_TOKEN, "HEROKU_DRAIN_APPS": "d.1"})
    with pytest.raises(ValueError, match="d.<uuid>=app-name"):
        DrainConfig.from_settings(load_drain())
    env({"HEROKU_DRAIN_PATH_TOKEN": PATH_TOKEN, "HEROKU_DRAIN_APPS": "d.1=Bad_App"})
    with pytest.raises(ValueError, match="invalid Heroku app name"):
        DrainConfig.from_settings(load_drain())
    env({"HEROKU_DRAIN_PATH_TOKEN": PATH_TOKEN, "HEROKU_DRAIN_MAX_BODY_BYTES": "lots"})
    with pytest.raises(ValueError, match="HEROKU_DRAIN_MAX_BODY_BYTES"):
        DrainConfig.from_settings(load_drain())
    with pytest.raises(ValueError, match="both"):
        DrainConfig(username=USER)
    with pytest.raises(ValueError, match="path token"):
        DrainConfig(path_token="short")


def test_header_values_become_printable_ascii_metadata(drain: Drain) -> None:
    """Blob metadata takes ASCII only: anything else in a header is dropped, the body is still stored."""
    headers = {"User-Agent": "Logplex/v123 caf\u00e9", "Logplex-Drain-Token": DRAIN_TOKEN}
    assert post(drain, b"12 <190>1 body", headers).status_code == 204
    (info,) = drain.store.list("drain/")
    assert info.metadata["user_agent"] == "Logplex/v123 caf"
