"""The Dagster UI in a real browser after a `make run`: headless Chromium (Debian's package, installed by
.ci/install-chromium) opens the pages a user opens first against a real `dagster-webserver` on a loopback
port, and each page must show its rows, with no error dialog and no script error.

Playwright drives /usr/bin/chromium (``executable_path``): no browser is downloaded.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from heroku_assets_tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
APP = "shop-web"
PAGE_SECONDS = 60  # the first page waits for the code location to load

# What a user opens first, and what each page must show (every text, as the page renders it).
PAGES = {
    "lineage": ("/asset-groups", ["Global asset lineage", "logs", "warehouse", "platform_api_apps"]),
    "catalog": ("/assets", ["heroku / received_logs", "raw / heroku_logs", "staged / router_events"]),
    "partitioned asset": ("/assets/raw/heroku_logs?view=partitions", ["Materialized (1)", APP]),
    "warehouse table": (
        "/assets/warehouse/router_events",
        ["One row per heroku[router] line", "Columns", "request_id", "service_ms"],
    ),
    "checks": ("/assets/warehouse/router_events?view=checks", ["staged_rows_loaded", "Succeeded"]),
    "automation": ("/automation", ["raw_objects_sensor", "automation_sensor", "daily_logs_schedule"]),
    "runs": ("/runs", ["heroku_logs_job", "warehouse_reference_job", "Success"]),
    "timeline": (
        "/overview/activity/timeline",
        ["heroku_assets", "heroku_logs_job", "warehouse_reference_job"],
    ),
}
ERROR_TEXT = re.compile(
    r"Unexpected GraphQL error|Python error|Traceback \(most recent call last\)|DagsterInvalid|"
    r"Something went wrong|Error loading|could not be loaded|Code location.*failed",
    re.IGNORECASE,
)


@dataclass
class Made:
    data_dir: Path
    env: dict[str, str]
    run_ids: list[str]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    """`make run` on a small sample (one app, one day) in a data folder of its own."""
    root = tmp_path_factory.mktemp("made")
    data = root / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "DAGSTER_", "AZURE_"))}
    env["HEROKU_ASSETS_DATA_DIR"] = str(data)  # the instance: data/dagster_home, as `make dev` opens it
    exe = str(BIN / "heroku-assets")

    def cli(*argv: str) -> str:
        done = subprocess.run([exe, *argv], env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"heroku-assets {' '.join(argv)}:\n{done.stderr}"
        return done.stderr

    cli("sample", "--out", str(root / "sample"), "--app", APP, "--days", "1", "--lines-per-day", "300")
    cli("import", *map(str, (root / "sample" / APP).glob("*.log")), "--app", APP)
    ran = cli("run", "--no-summary")
    return Made(data, env, re.findall(r"\(run ([0-9a-f]{8}),", ran))


@pytest.fixture(scope="module")
def webserver(made: Made, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`dagster-webserver` on the same instance and workspace as `make dev`, on a free loopback port."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("webserver") / "webserver.log"
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                str(BIN / "dagster-webserver"),
                "-w",
                str(ROOT / "workspace.yaml"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
            ],
            cwd=ROOT,
            env={**made.env, "DAGSTER_HOME": str(made.data_dir / "dagster_home")},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                with contextlib.suppress(requests.RequestException):
                    if requests.get(url + "/server_info", timeout=2).ok:
                        break
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"dagster-webserver did not serve:\n{log_path.read_text()[-3000:]}")
                time.sleep(0.2)
            yield url
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """Headless Chromium with a fresh profile. Fails (never skips) when Chromium is not installed."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` or .ci/install-chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # --user-data-dir, fresh
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900},
        )
        # Dagster's "Join the community" dialog opens a second after a page loads on localhost unless this
        # browser dismissed it (its `communityNux` storage key): dismissed before any page runs, so that
        # any dialog the pages show is an error, whenever it opens
        context.add_init_script("window.localStorage.setItem('communityNux', JSON.stringify('1'))")
        try:
            yield context
        finally:
            context.close()


def _problems(page, url: str, wanted: list[str], script_errors: list[str]) -> list[str]:
    page.goto(url)
    found = []
    for text in wanted:
        try:
            page.get_by_text(text, exact=False).first.wait_for(state="attached", timeout=PAGE_SECONDS * 1000)
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: reported with the page
            found.append(f"no {text!r}")
    dialogs = [d.inner_text()[:300] for d in page.get_by_role("dialog").all() if d.is_visible()]
    found += [f"a dialog: {text!r}" for text in dialogs]
    body = page.inner_text("body")
    if ERROR_TEXT.search(body):
        found.append(f"an error on the page: {ERROR_TEXT.search(body).group(0)!r}")
    found += [f"a script error: {e}" for e in script_errors]
    return found


def test_the_pages_a_user_opens_first_show_their_rows_without_errors(
    made: Made, webserver: str, browser, tmp_path
):
    assert len(made.run_ids) == 2, made.run_ids  # a partition's run and the reference run
    page = browser.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    failures = {}
    for name, (path, wanted) in PAGES.items():
        if name == "runs":
            wanted = [*wanted, *made.run_ids]  # the runs of `heroku-assets run`, by their ids
        found = _problems(page, webserver + path, wanted, script_errors)
        if found:
            page.screenshot(path=str(tmp_path / f"{name.replace(' ', '_')}.png"))
            failures[name] = found
        script_errors.clear()
    assert not failures, f"pages that failed (screenshots in {tmp_path}): {failures}"
