"""The Dockerfile under hadolint, the receiver's Kubernetes manifests under kubernetes-validate --strict,
and what the manifests promise checked against the receiver itself."""

from __future__ import annotations

import copy
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from heroku_assets_tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MANIFESTS = sorted((ROOT / "deploy" / "k8s").glob("*.yaml"))
# the oldest Kubernetes still commonly run, and the newest the validator knows
K8S_VERSIONS = ["1.30", "1.37"]


def _resources() -> dict[str, dict]:
    found = {}
    for path in MANIFESTS:
        for doc in yaml.safe_load_all(path.read_text()):
            found[f"{doc['kind']}/{doc['metadata']['name']}"] = doc
    return found


def _statefulset() -> dict:
    return _resources()["StatefulSet/heroku-assets-drain"]


def test_hadolint_passes_on_the_dockerfile():
    done = subprocess.run([str(BIN / "hadolint"), str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hadolint_would_catch_a_root_user_and_unpinned_packages(tmp_path):
    text = (ROOT / "Dockerfile").read_text()
    bad = tmp_path / "Dockerfile"
    bad.write_text(text.replace("# hadolint ignore=DL3008\n", "").replace("USER 10001:10001", "USER root"))
    done = subprocess.run([str(BIN / "hadolint"), str(bad)], capture_output=True, text=True)
    assert done.returncode != 0
    assert "DL3008" in done.stdout and "DL3002" in done.stdout


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_the_manifests_are_valid_kubernetes_in_strict_mode(version):
    done = subprocess.run(
        [str(BIN / "kubernetes-validate"), "--strict", "-k", version, *map(str, MANIFESTS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("passed") == len(_resources())


def test_strict_validation_rejects_a_misspelled_field():
    statefulset = copy.deepcopy(_statefulset())
    pod = statefulset["spec"]["template"]["spec"]
    pod["terminationGracePeriod"] = pod.pop("terminationGracePeriodSeconds")
    kubernetes_validate.validate(_statefulset(), "1.37", strict=True)
    with pytest.raises(kubernetes_validate.ValidationError, match="terminationGracePeriod"):
        kubernetes_validate.validate(statefulset, "1.37", strict=True)


def test_every_replica_has_its_own_spool_volume_at_the_spool_dir():
    statefulset = _statefulset()
    settings = _resources()["ConfigMap/heroku-assets-drain"]["data"]
    [claim] = statefulset["spec"]["volumeClaimTemplates"]
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    [container] = statefulset["spec"]["template"]["spec"]["containers"]
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts[claim["metadata"]["name"]] == settings["HEROKU_DRAIN_SPOOL_DIR"]
    # the image prepares the same folder for its non-root user
    assert f"HEROKU_DRAIN_SPOOL_DIR={settings['HEROKU_DRAIN_SPOOL_DIR']}" in (ROOT / "Dockerfile").read_text()
    assert statefulset["spec"]["persistentVolumeClaimRetentionPolicy"] == {
        "whenDeleted": "Retain",
        "whenScaled": "Retain",
    }


def test_the_grace_period_covers_leaving_the_service_and_sealing_and_shipping_a_segment():
    pod = _statefulset()["spec"]["template"]["spec"]
    [container] = pod["containers"]
    pre_stop = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    segment = int(_resources()["ConfigMap/heroku-assets-drain"]["data"]["HEROKU_DRAIN_SEGMENT_SECONDS"])
    # after preStop: the open segment (up to one segment's worth of POSTs) and one more waiting to ship
    assert pod["terminationGracePeriodSeconds"] >= pre_stop + 2 * segment


def test_services_and_the_budget_select_the_receiver_pods_and_its_port():
    found = _resources()
    pod = found["StatefulSet/heroku-assets-drain"]["spec"]["template"]
    labels = pod["metadata"]["labels"]
    ports = {p["name"]: p["containerPort"] for p in pod["spec"]["containers"][0]["ports"]}
    for name in ("Service/heroku-assets-drain", "Service/heroku-assets-drain-headless"):
        spec = found[name]["spec"]
        assert spec["selector"].items() <= labels.items()
        assert all(p["targetPort"] in ports for p in spec["ports"])
    assert found["StatefulSet/heroku-assets-drain"]["spec"]["serviceName"] == "heroku-assets-drain-headless"
    budget = found["PodDisruptionBudget/heroku-assets-drain"]["spec"]
    assert budget["selector"]["matchLabels"].items() <= labels.items()
    assert budget["maxUnavailable"] < found["StatefulSet/heroku-assets-drain"]["spec"]["replicas"]


def test_the_configmap_sets_only_variables_the_project_reads():
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "docs" / "configuration.md").read_text()))
    # the spooled receiver's variables (its own change documents them)
    documented |= {"HEROKU_DRAIN_SPOOL_DIR", "HEROKU_DRAIN_SEGMENT_SECONDS"}
    settings = _resources()["ConfigMap/heroku-assets-drain"]["data"]
    assert set(settings) <= documented


def test_the_receiver_started_as_the_manifest_says_answers_its_probes_and_stops_on_sigterm(tmp_path):
    container = _statefulset()["spec"]["template"]["spec"]["containers"][0]
    command = list(container["command"])
    assert command[:3] == ["heroku-assets", "drain", "serve"]
    # the same command, on a free loopback port of this machine instead of the pod's 0.0.0.0:8080
    port = free_port()
    command[command.index("--host") + 1] = "127.0.0.1"
    command[command.index("--port") + 1] = str(port)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "AZURE_", "SYNAPSE_"))}
    env.update(
        HEROKU_ASSETS_DATA_DIR=str(tmp_path / "data"),
        HEROKU_DRAIN_USER="logplex",
        HEROKU_DRAIN_PASSWORD="a-long-random-password",
        HEROKU_DRAIN_SPOOL_DIR=str(tmp_path / "spool"),
    )
    proc = subprocess.Popen(
        [str(BIN / command[0]), *command[1:]], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        probes = [container[p]["httpGet"] for p in ("startupProbe", "readinessProbe", "livenessProbe")]
        deadline = time.monotonic() + 60
        for probe in probes:
            url = f"http://127.0.0.1:{port}{probe['path']}"
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=2) as answer:
                        assert answer.status == 200
                        break
                except OSError:
                    assert proc.poll() is None and time.monotonic() < deadline, "the receiver did not start"
                    time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        pod = _statefulset()["spec"]["template"]["spec"]
        assert proc.wait(timeout=pod["terminationGracePeriodSeconds"]) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _dockerfile_run(containing: str) -> str:
    """One RUN instruction of the Dockerfile, its continuation lines joined as the shell sees them."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    [command] = [
        line[len("RUN ") :] for line in text.splitlines() if line.startswith("RUN ") and containing in line
    ]
    return command


@pytest.mark.skipif(shutil.which("odbcinst") is None, reason="odbcinst not installed: .ci/install-odbc")
def test_the_image_step_that_registers_odbc_driver_18_registers_it_for_pyodbc(tmp_path):
    # The image writes /etc/odbcinst.ini; here ODBCSYSINI points the same step at a temporary folder,
    # with this checkout's Python and its mssql-python-odbc wheel. The step ends by asking pyodbc.
    step = _dockerfile_run("odbcinst -i -d -r")
    env = dict(os.environ, ODBCSYSINI=str(tmp_path), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", step], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ini = (tmp_path / "odbcinst.ini").read_text()
    assert "[ODBC Driver 18 for SQL Server]" in ini and "libmsodbcsql-18" in ini
