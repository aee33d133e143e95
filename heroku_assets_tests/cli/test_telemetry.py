"""`heroku-assets telemetry` prints a `heroku telemetry:add` command whose endpoint and headers, once a
shell has expanded them, are accepted by the running receiver."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from heroku_assets.cli.telemetry import build_command
from heroku_assets_tests.capture import otel_sdk
from heroku_assets_tests.capture.conftest import APP, PASSWORD, PATH_TOKEN, USER, Drain

ENV = {"HEROKU_DRAIN_USER": USER, "HEROKU_DRAIN_PASSWORD": PASSWORD, "HEROKU_DRAIN_PATH_TOKEN": PATH_TOKEN}


def _printed(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "heroku_assets.cli", "telemetry", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def _as_the_shell_runs_it(command: str, env: dict[str, str]) -> list[str]:
    """The arguments `heroku` would get: the printed command run by bash with `heroku` swapped for a
    printer of its arguments."""
    assert command.startswith("heroku telemetry:add ")
    script = 'heroku() { for a in "$@"; do printf \'%s\\0\' "$a"; done; }\n' + command
    out = subprocess.run(["bash", "-c", script], env={**os.environ, **env}, capture_output=True, check=True)
    return out.stdout.decode().split("\0")[:-1]


@pytest.mark.parametrize("show_secrets", [False, True], ids=["env-references", "inline"])
def test_the_printed_command_attaches_to_the_receiver(drain: Drain, show_secrets: bool) -> None:
    flags = ["--show-secrets"] if show_secrets else []
    command = _printed("--app", APP, "--url", drain.url + "/", *flags, env=ENV)
    if not show_secrets:
        assert PASSWORD not in command and PATH_TOKEN not in command
    args = _as_the_shell_runs_it(command, ENV)
    assert args[:1] == ["telemetry:add"]
    endpoint = args[1]
    options = dict(zip(args[2::2], args[3::2], strict=True))
    assert options["--app"] == APP and options["--transport"] == "http"
    assert options["--signals"] == "logs,metrics,traces"
    headers = json.loads(options["--headers"])
    # What Heroku's exporter does with it: POST to <endpoint>/v1/<signal> with the headers.
    target = otel_sdk.Target(endpoint, headers)
    router_logs = otel_sdk.log_records("heroku-router", lambda logger: logger.emit(body="at=info status=200"))
    assert otel_sdk.export(target, "logs", router_logs)
    (stored,) = list(drain.store.list("otlp/"))
    assert stored.key.split("/")[2] == APP and stored.metadata["app_source"] == "header"


def test_only_a_path_token_needs_no_authorization_header() -> None:
    command = build_command(
        "https://drain.example.com",
        ("space", "prod"),
        ["logs"],
        None,
        {"HEROKU_DRAIN_PATH_TOKEN": PATH_TOKEN},
    )
    assert command == (
        'heroku telemetry:add "https://drain.example.com/otlp/$HEROKU_DRAIN_PATH_TOKEN" --space prod '
        "--signals logs --transport http --headers '{}'"
    )


@pytest.mark.parametrize(
    ("url", "signals", "env"),
    [
        ("ftp://x", ["logs"], ENV),
        ("https://x/?a=1", ["logs"], ENV),
        ("https://x/$(id)", ["logs"], ENV),
        ("https://x", ["profiles"], ENV),
        ("https://x", ["logs"], {}),
    ],
)
def test_bad_arguments_are_clear_errors(url: str, signals: list[str], env: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        build_command(url, ("app", APP), signals, APP, env)
