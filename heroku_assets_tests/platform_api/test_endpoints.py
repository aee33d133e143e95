"""The API tables come from Heroku's schema, every declared list exists in it, and no secret is kept."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from typing import Any

import pytest

from heroku_assets import cli, tables
from heroku_assets.platform_api.crons import cron_interval
from heroku_assets.platform_api.endpoints import ENDPOINTS, NOT_CAPTURED
from heroku_assets.platform_api.schema import vendored
from heroku_assets.platform_api.secret_names import SECRET_RESOURCES, is_secret_name

# Looks secret to a reviewer: any name or description with these words. Broader than the exclusion rule
# on purpose: whatever it flags is either excluded or listed below, with the reason it is not a secret.
LOOKS_SECRET = re.compile(r"token|secret|passw|private|key|credential|auth|sms|signature|cert", re.I)
DESCRIBED_SECRET = re.compile(
    r"\b(tokens?|secrets?|passwords?|private keys?|api keys?|credentials?|signed urls?)\b", re.I
)
REVIEWED_NOT_SECRET = {
    "two_factor_authentication": "a flag saying whether 2FA is on",
    "certificate_chain": "the public certificate chain an SNI endpoint serves to every client",
    "ssl_cert": "the public certificate's subject, issuer and dates",
    "cert_domains": "the domains a public certificate covers",
    "installable_inside_private_network": "a flag of an add-on plan (Private Spaces)",
    "installable_outside_private_network": "a flag of an add-on plan (Common Runtime)",
    "private_space_only": "a flag of a dyno size",
    "private_capable": "a flag of a region",
    "private_ip": "a dyno's RFC 1918 address inside its Private Space, not a credential",
}


def _paths(node: Any, path: tuple[str, ...] = (), depth: int = 0) -> list[tuple[tuple[str, ...], str]]:
    """Every property path of an item with its description, into nested objects and array items (``[]``),
    written apart from the derivation so that it checks it."""
    node = vendored().resolve(node)
    out = []
    if depth >= 8:
        return out
    for name, sub in (node.get("properties") or {}).items():
        resolved = vendored().resolve(sub)
        out.append(((*path, name), str(resolved.get("description", ""))))
        out += _paths(resolved, (*path, name), depth + 1)
    for alternative in (*node.get("anyOf", ()), *node.get("oneOf", ())):
        out += _paths(alternative, path, depth + 1)
    if node.get("items"):
        out += _paths(node["items"], (*path, "[]"), depth + 1)
    return out


def _item(resource) -> dict:
    return vendored().resource_item(resource)


def test_at_least_60_resources_none_secret_bearing() -> None:
    assert len(ENDPOINTS) >= 60
    assert not {r.schema_name for r in ENDPOINTS} & SECRET_RESOURCES
    assert len({r.table for r in ENDPOINTS}) == len({r.name for r in ENDPOINTS}) == len(ENDPOINTS)


def test_every_resource_of_the_schema_is_captured_or_has_its_reason() -> None:
    captured = {r.schema_name for r in ENDPOINTS}
    assert not captured & set(NOT_CAPTURED)
    assert captured | set(NOT_CAPTURED) == set(vendored().resources)
    assert set(NOT_CAPTURED) >= SECRET_RESOURCES
    readable_gaps = {  # what a review found readable and missing
        "oci-image", "team-invoice", "permission-entity", "space-app-access", "allowed-add-on-service",
        "enterprise-account", "enterprise-account-member", "enterprise-account-daily-usage",
        "enterprise-account-monthly-usage", "audit-trail-event", "archive", "inbound-ruleset", "space-nat",
        "peering", "peering-info", "vpn-connection", "space-topology", "app-webhook-delivery",
        "app-webhook-event", "team-invitation", "review-app-config",
    }  # fmt: skip
    assert readable_gaps <= captured
    assert any(r.schema_name == "telemetry-drain" and r.parent == "space" for r in ENDPOINTS)


@pytest.mark.parametrize("resource", ENDPOINTS, ids=lambda r: r.name)
def test_each_declared_list_is_a_get_link_of_the_schema(resource) -> None:
    from heroku_assets.platform_api.schema import normalize_href

    assert normalize_href(resource.path) in vendored().list_hrefs(resource.schema_name)
    if resource.parent:
        assert resource.parent in {r.name for r in ENDPOINTS}, "a parent is itself captured"
        parent_table = tables.api_tables()[next(r.table for r in ENDPOINTS if r.name == resource.parent)]
        assert set(resource.parent_columns) <= set(parent_table.column_names)


def test_the_walk_reaches_array_items_and_the_name_rule_catches_what_is_inside() -> None:
    """A secret inside array items (a VPN tunnel's pre-shared key) is seen by the walk and the rule."""
    tunnels = [p for p, _ in _paths(vendored().definition("vpn-connection")) if p[:2] == ("tunnels", "[]")]
    assert ("tunnels", "[]", "pre_shared_key") in tunnels
    assert is_secret_name("pre_shared_key") and is_secret_name("attach_url") and is_secret_name("psk_key")
    assert not is_secret_name("keyword") and not is_secret_name("monkey_count")


def test_apps_have_every_property_of_the_schema_s_app_flattened() -> None:
    app = vendored().definition("app")
    leaves = {
        p for p, _ in _paths(app) if "[]" not in p and not vendored().resolve(_get(app, p)).get("properties")
    }
    expected = {"_".join(p) for p in leaves}
    columns = set(tables.api_tables()["heroku_apps"].column_names)
    assert expected == columns - {"_parent", "_fetched_at", "_deleted_at", "_extra"}
    assert {"owner_email", "region_name", "generation_name", "build_stack_id", "space_shield"} <= columns


def _get(node: dict, path: tuple[str, ...]) -> dict:
    for name in path:
        node = vendored().resolve(node)["properties"][name]
    return node


def test_column_types_follow_the_schema() -> None:
    apps = tables.api_tables()["heroku_apps"]
    assert (apps.column("id").type, apps.column("id").width, apps.column("id").nullable) == (
        "string",
        36,
        False,
    )
    assert apps.column("created_at").type == "timestamp"
    assert (
        apps.column("name").width == 30
    )  # the longest name its pattern ^[a-z][a-z0-9-]{1,28}[a-z0-9]$ allows
    assert apps.column("region_name").width == 2000  # no bound in the schema: generous
    assert apps.column("repo_size").type == "int64"
    assert apps.column("maintenance").type == "bool"
    assert apps.column("owner_email").masking == "email"
    releases = tables.api_tables()["heroku_releases"]
    assert releases.column("status").width == len("succeeded")  # the longest of its enum
    assert releases.column("addon_plan_names").type == "json"  # an array
    sizes = tables.api_tables()["heroku_dyno_sizes"]
    assert sizes.column("memory").type == "float64"
    assert sizes.column("cost").type == "json"  # a free-form object
    drains = tables.api_tables()["heroku_telemetry_drains"]
    assert drains.column("exporter_endpoint").width == 1000  # the schema's maxLength
    usage = tables.api_tables()["heroku_team_daily_usage"]
    assert usage.column("date").type == "date" and usage.primary_key == ("id", "date")


@pytest.mark.parametrize("resource", ENDPOINTS, ids=lambda r: r.name)
def test_no_schema_property_that_looks_secret_is_kept(resource) -> None:
    table = tables.api_tables()[resource.table]
    problems = []
    for path, description in _paths(_item(resource)):
        name = path[-1]
        if not (LOOKS_SECRET.search(name) or DESCRIBED_SECRET.search(description)):
            continue
        if any(is_secret_name(p) for p in path):
            assert not [c for c in table.column_names if c.startswith("_".join(path))], path
            continue
        if not any(p in REVIEWED_NOT_SECRET for p in path):
            problems.append(f"{resource.name}.{'.'.join(path)} ({description[:80]!r})")
    assert not problems, (
        "these look secret: exclude them in heroku_assets/platform_api/endpoints.py or review them into "
        "REVIEWED_NOT_SECRET: " + "; ".join(problems)
    )


def test_known_secrets_are_not_columns() -> None:
    api = tables.api_tables()
    assert "token" not in api["heroku_log_drains"].column_names
    assert not [c for c in api["heroku_telemetry_drains"].column_names if "headers" in c]
    assert not [c for c in api["heroku_test_runs"].column_names if "sms" in c]
    assert not [c for c in api["heroku_app_webhooks"].column_names if c in ("secret", "authorization")]
    assert "attach_url" not in api["heroku_dynos"].column_names


URL_NAME = re.compile(r"(url|endpoint|uri)$", re.I)


@pytest.mark.parametrize("resource", ENDPOINTS, ids=lambda r: r.name)
def test_urls_of_drains_and_webhooks_keep_only_their_host(resource) -> None:
    """A drain's or a webhook's URL is the credential its receiver checks: declared as such, whole."""
    table = tables.api_tables()[resource.table]
    assert set(resource.capability_urls) <= set(table.column_names)
    if re.search(r"drain|webhook", resource.name):
        urls = {c for c in table.column_names if URL_NAME.search(c)}
        assert urls <= set(resource.capability_urls), urls


def test_api_resources_prints_one_json_object_per_resource(capsys) -> None:
    assert cli.main(["api", "resources", "--all"]) == 0
    everything = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    left_out = {line["resource"]: line["reason"] for line in everything if not line["captured"]}
    assert left_out == NOT_CAPTURED and left_out["config-var"].startswith("holds secrets")
    assert {line["resource"] for line in everything} >= set(vendored().resources)
    assert cli.main(["api", "resources"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(ENDPOINTS) >= 60
    app = next(line for line in lines if line["resource"] == "app")
    assert (app["table"], app["mode"]) == ("heroku_apps", "incremental")
    assert app["columns"] == list(tables.api_tables()["heroku_apps"].column_names)
    assert {line["mode"] for line in lines} == {"incremental", "snapshot", "by_id"}


def test_importing_the_tables_derives_nothing() -> None:
    code = (
        "import heroku_assets.tables as t, heroku_assets.platform_api.schema as s;"
        "print(t.api_tables.cache_info().currsize, s.vendored.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0"]


def test_every_reviewed_name_is_still_in_the_schema() -> None:
    """The reviewed list cannot keep names the schema dropped (they would hide a new secret by that name)."""
    seen = {p for r in ENDPOINTS for path, _ in _paths(_item(r)) for p in path}
    assert set(REVIEWED_NOT_SECRET) <= seen


def test_a_cron_s_interval_is_its_step_and_other_shapes_are_refused() -> None:
    assert cron_interval("*/10 * * * *") == dt.timedelta(minutes=10)
    assert cron_interval("15 * * * *") == dt.timedelta(hours=1)
    assert cron_interval("25 1-23/3 * * *") == dt.timedelta(hours=3)
    assert cron_interval("45 3 * * *") == dt.timedelta(days=1)
    # uneven gaps (5,35; 9,17; 5-23/3 wraps after 6 hours), a weekly cron, minutes only in some hours
    for cron in ("5,35 * * * *", "0 9,17 * * *", "0 5-23/3 * * *", "0 0 * * 1", "*/10 */2 * * *"):
        with pytest.raises(ValueError, match="fixed step"):
            cron_interval(cron)
