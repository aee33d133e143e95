"""deploy/helm/values.yaml against the keys Dagster's chart accepts and the Kubernetes types it expects,
and against the instance settings the PostgreSQL tests run (config/dagster-postgres.yaml).

The chart's own values.schema.json could not be had on this project's machines, so the part of it these
values touch is written out below from the chart's schema models (helm/dagster/schema in
dagster-io/dagster, Apache-2.0, chart 1.13): the same keys, `additionalProperties: false` where the chart
forbids others, Kubernetes objects referenced to the Kubernetes JSON schemas that kubernetes-validate
ships. `helm lint` with the chart (docs/deployment.md) checks the whole schema.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import referencing
import yaml

ROOT = Path(__file__).resolve().parents[2]
VALUES = ROOT / "deploy" / "helm" / "values.yaml"
K8S = "https://kubernetes.io/api/_definitions.json#/$defs/io.k8s.api.core.v1."


def k8s(kind: str) -> dict:
    return {"$ref": K8S + kind}


def closed(properties: dict, required: tuple[str, ...] = ()) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def open_(properties: dict) -> dict:
    return {"type": "object", "properties": properties}


INT, STR, BOOL = {"type": "integer"}, {"type": "string"}, {"type": "boolean"}
IMAGE = closed(
    {"repository": STR, "tag": {"type": ["string", "integer"]}, "pullPolicy": STR}, ("repository",)
)
SCHEMA = closed(
    {
        "global": open_({"postgresqlSecretName": STR, "dagsterHome": STR, "serviceAccountName": STR}),
        "postgresql": closed(
            {
                "image": IMAGE,
                "enabled": BOOL,
                "postgresqlHost": STR,
                "postgresqlUsername": STR,
                "postgresqlPassword": STR,
                "postgresqlDatabase": STR,
                "postgresqlParams": {"type": "object"},
                "postgresqlScheme": STR,
                "service": closed({"port": INT}),
            }
        ),
        "generatePostgresqlPasswordSecret": BOOL,
        "dagster-user-deployments": closed(
            {
                "enabled": BOOL,
                "enableSubchart": BOOL,
                "imagePullSecrets": {"type": "array"},
                "deployments": {
                    "type": "array",
                    "items": closed(
                        {
                            "name": STR,
                            "image": IMAGE,
                            "dagsterApiGrpcArgs": {"type": "array", "items": STR},
                            "codeServerArgs": {"type": "array", "items": STR},
                            "includeConfigInLaunchedRuns": closed({"enabled": BOOL}),
                            "port": INT,
                            "env": {"type": "array", "items": k8s("EnvVar")},
                            "envConfigMaps": {"type": "array", "items": k8s("ConfigMapEnvSource")},
                            "envSecrets": {"type": "array", "items": k8s("SecretEnvSource")},
                            "annotations": {"type": "object"},
                            "labels": {"type": "object"},
                            "nodeSelector": {"type": "object"},
                            "affinity": k8s("Affinity"),
                            "tolerations": {"type": "array", "items": k8s("Toleration")},
                            "podSecurityContext": k8s("PodSecurityContext"),
                            "securityContext": k8s("SecurityContext"),
                            "resources": k8s("ResourceRequirements"),
                            "livenessProbe": {"type": "object"},
                            "readinessProbe": {"type": "object"},
                            "startupProbe": {"type": "object"},
                            "volumeMounts": {"type": "array", "items": k8s("VolumeMount")},
                            "volumes": {"type": "array", "items": k8s("Volume")},
                            "schedulerName": STR,
                        },
                        ("name", "image", "port"),
                    ),
                },
            }
        ),
        "runLauncher": closed(
            {
                "type": {"enum": ["K8sRunLauncher", "CeleryK8sRunLauncher", "CustomRunLauncher"]},
                "config": closed(
                    {
                        "k8sRunLauncher": closed(
                            {
                                "image": IMAGE,
                                "imagePullPolicy": STR,
                                "jobNamespace": STR,
                                "loadInclusterConfig": BOOL,
                                "kubeconfigFile": STR,
                                "envConfigMaps": {"type": "array", "items": k8s("ConfigMapEnvSource")},
                                "envSecrets": {"type": "array", "items": k8s("SecretEnvSource")},
                                "envVars": {"type": "array", "items": STR},
                                "volumeMounts": {"type": "array", "items": k8s("VolumeMount")},
                                "volumes": {"type": "array", "items": k8s("Volume")},
                                "labels": {"type": "object", "additionalProperties": STR},
                                "failPodOnRunFailure": BOOL,
                                "resources": k8s("ResourceRequirements"),
                                "schedulerName": STR,
                                "securityContext": k8s("SecurityContext"),
                                "runK8sConfig": closed(
                                    {
                                        "containerConfig": {"type": "object"},
                                        "podSpecConfig": {"type": "object"},
                                        "podTemplateSpecMetadata": {"type": "object"},
                                        "jobSpecConfig": {"type": "object"},
                                        "jobMetadata": {"type": "object"},
                                    }
                                ),
                            }
                        )
                    }
                ),
            }
        ),
        "dagsterDaemon": open_(
            {
                "runCoordinator": closed(
                    {
                        "enabled": BOOL,
                        "type": {"enum": ["QueuedRunCoordinator", "CustomRunCoordinator"]},
                        "config": closed(
                            {
                                "queuedRunCoordinator": closed(
                                    {
                                        "maxConcurrentRuns": INT,
                                        "tagConcurrencyLimits": {"type": "array"},
                                        "dequeueIntervalSeconds": INT,
                                        "dequeueNumWorkers": INT,
                                        "dequeueUseThreads": BOOL,
                                    }
                                )
                            }
                        ),
                    }
                ),
                "runMonitoring": {"type": "object"},
                "runRetries": {"type": "object"},
                "sensors": open_({"useThreads": BOOL, "numWorkers": INT, "numSubmitWorkers": INT}),
                "schedules": open_({"useThreads": BOOL, "numWorkers": INT, "numSubmitWorkers": INT}),
            }
        ),
        "concurrency": closed(
            {
                "enabled": BOOL,
                "pools": closed({"defaultLimit": INT, "granularity": STR, "opGranularityRunBuffer": INT}),
                "runs": closed({"maxConcurrentRuns": INT, "tagConcurrencyLimits": {"type": "array"}}),
            }
        ),
        "telemetry": closed({"enabled": BOOL}),
    }
)


def _validator() -> jsonschema.Draft202012Validator:
    definitions = json.loads(
        (
            Path(kubernetes_validate.__file__).parent
            / "kubernetes-json-schema"
            / "v1.30.0-local-strict"
            / "_definitions.json"
        ).read_text()
    )
    registry = referencing.Registry().with_resource(
        "https://kubernetes.io/api/_definitions.json", referencing.Resource.from_contents(definitions)
    )
    return jsonschema.Draft202012Validator(SCHEMA, registry=registry)


def _values() -> dict:
    return yaml.safe_load(VALUES.read_text())


def test_the_values_fit_the_chart_keys_and_kubernetes_types():
    errors = [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(_values())
    ]
    assert errors == []


@pytest.mark.parametrize(
    "path, bad",
    [
        (("runLauncher", "config", "k8sRunLauncher", "jobSpec"), {"ttlSecondsAfterFinished": 60}),
        (("runLauncher", "config", "k8sRunLauncher", "resources", "request"), {"cpu": "1"}),
        (("runLauncher", "config", "k8sRunLauncher", "securityContext", "runAsNonRoot"), "yes"),
        (("dagster-user-deployments", "deployments", 0, "envSecrets", 0, "secretName"), "x"),
        (("concurrency", "pools", "default_limit"), 1),
    ],
)
def test_a_key_the_chart_does_not_have_or_a_wrong_kubernetes_value_is_refused(path, bad):
    values = copy.deepcopy(_values())
    node = values
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = bad
    assert list(_validator().iter_errors(values))


def test_the_chart_asks_for_the_instance_the_postgres_tests_run():
    values = _values()
    instance = yaml.safe_load((ROOT / "config" / "dagster-postgres.yaml").read_text())
    daemon = values["dagsterDaemon"]
    assert values["runLauncher"]["type"] == "K8sRunLauncher"
    assert daemon["runCoordinator"]["type"] == "QueuedRunCoordinator"
    assert instance["run_coordinator"]["class"] == "QueuedRunCoordinator"
    queue = daemon["runCoordinator"]["config"]["queuedRunCoordinator"]
    assert {
        "dequeue_interval_seconds": queue["dequeueIntervalSeconds"],
        "dequeue_use_threads": queue["dequeueUseThreads"],
        "dequeue_num_workers": queue["dequeueNumWorkers"],
    } == instance["run_coordinator"]["config"]
    assert values["concurrency"]["enabled"]
    assert {
        "pools": {"default_limit": values["concurrency"]["pools"]["defaultLimit"]},
        "runs": {
            "max_concurrent_runs": values["concurrency"]["runs"]["maxConcurrentRuns"],
            "tag_concurrency_limits": values["concurrency"]["runs"]["tagConcurrencyLimits"],
        },
    } == instance["concurrency"]
    # ticks and rebuilds one at a time (docs/ticks.md)
    assert {"key": "heroku_assets/log_writer", "limit": 1} in instance["concurrency"]["runs"][
        "tag_concurrency_limits"
    ]
    retries = daemon["runRetries"]
    assert {
        "enabled": retries["enabled"],
        "max_retries": retries["maxRetries"],
        "retry_on_asset_or_op_failure": retries["retryOnAssetOrOpFailure"],
    } == instance["run_retries"]
    monitoring = daemon["runMonitoring"]
    assert {
        "enabled": monitoring["enabled"],
        "start_timeout_seconds": monitoring["startTimeoutSeconds"],
        "poll_interval_seconds": monitoring["pollIntervalSeconds"],
        "free_slots_after_run_end_seconds": monitoring["freeSlotsAfterRunEndSeconds"],
    } == instance["run_monitoring"]
    for kind in ("sensors", "schedules"):
        assert {
            "use_threads": daemon[kind]["useThreads"],
            "num_workers": daemon[kind]["numWorkers"],
        } == instance[kind]
    assert (
        values["postgresql"]["postgresqlScheme"] == instance["storage"]["postgres"]["postgres_db"]["scheme"]
    )


def test_the_code_server_serves_the_project_and_its_runs_get_its_environment():
    [deployment] = _values()["dagster-user-deployments"]["deployments"]
    args = deployment["dagsterApiGrpcArgs"]
    workspace = yaml.safe_load((ROOT / "workspace.yaml").read_text())["load_from"][0]["python_module"]
    assert args[args.index("--module-name") + 1] == workspace["module_name"]
    assert deployment["includeConfigInLaunchedRuns"]["enabled"]
    assert deployment["envSecrets"], "secrets come from a Kubernetes Secret"


def test_the_code_server_and_so_its_run_pods_set_the_first_day_with_partitions():
    # unset, a run pod started on a later day than the code server would start the partitions later
    [deployment] = _values()["dagster-user-deployments"]["deployments"]
    env = {e["name"]: e["value"] for e in deployment["env"]}
    assert "HEROKU_ASSETS_START_DATE" in env
    assert deployment["includeConfigInLaunchedRuns"]["enabled"]


def test_the_values_name_only_variables_the_project_reads_and_hold_no_secret_value():
    import re

    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "docs" / "configuration.md").read_text()))
    [deployment] = _values()["dagster-user-deployments"]["deployments"]
    names = {env["name"] for env in deployment["env"]}
    assert names <= documented
    secret_names = {
        "AZURE_STORAGE_ACCOUNT_KEY",
        "AZURE_STORAGE_SAS_TOKEN",
        "SYNAPSE_PASSWORD",
        "HEROKU_API_KEY",
    }
    assert not names & secret_names, "secret values belong in a Kubernetes Secret"
    assert _values()["postgresql"]["postgresqlPassword"] == ""
