"""The Platform API endpoints read, one per resource captured: one declaration each (list path, parent,
mode, bookmark, cron), and the rule that keeps secrets out.

Modes:

- ``incremental``: the list sorts by ``bookmark`` (Heroku's ``Range``), so each run asks from the last
  value seen minus ``lookback`` (a release that turns from pending to succeeded, a build that finishes
  late, is fetched again). Once every ``full_after`` a run lists everything, which is how a row that
  disappeared is noticed.
- ``snapshot``: the list has no useful sort key; every run lists it whole (or reads the one object a
  ``single`` path answers per parent, a space's NAT). A row missing from a full listing of its parent (or
  whose parent is gone) is marked ``_deleted_at``, not kept as live.
- ``by_id``: no list at all (slugs, OCI images): each id a parent row names is read once (they never
  change), newest first, at most ``max_per_run`` per run so a first run does not empty the rate budget.

Placeholders in ``path`` name columns of the parent's rows (``{id}`` of an app, ``{app_id}`` and
``{slug_id}`` of a release; an OCI image's id is found in the release's ``artifacts``). ``tests`` check
each path against the vendored schema's links.

Every other resource of the schema is in ``NOT_CAPTURED`` with its reason: no GET link, readable only by
add-on partners or by an id a create call returns, a duplicate, personal data, or secrets
(``secret_names.SECRET_RESOURCES``, never captured whatever a token may see).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from heroku_assets.platform_api.crons import (
    DAILY,
    EVERY_3_HOURS,
    EVERY_3_HOURS_AT_1,
    EVERY_3_HOURS_AT_2,
    EVERY_30_MINUTES,
    HOURLY,
    cron_interval,
)
from heroku_assets.platform_api.secret_names import SECRET_RESOURCES

Mode = Literal["incremental", "snapshot", "by_id"]


@dataclass(frozen=True)
class Endpoint:
    """Where and how one resource is listed and keyed. ``name`` is its definition in the Platform API
    schema."""

    name: str
    table: str
    path: str
    mode: Mode = "snapshot"
    parent: str | None = None
    bookmark: str | None = None  # the Range sort key (incremental)
    bookmark_field: str | None = None  # the item field holding it, when it is named differently
    lookback: dt.timedelta | int | None = None  # timestamps: a duration; versions: a count
    full_after: dt.timedelta = dt.timedelta(hours=24)
    key: tuple[str, ...] = ("id",)
    start_param: Literal["day", "month"] | None = None  # usage lists require ?start=
    window: int = 0  # days or months back for start_param
    marks_deleted: bool = True
    max_per_run: int = 200  # by_id reads per run
    range_key: str = "id"  # the key snapshot lists are paged by (Range: <key> ..; max=1000)
    definition: str | None = None  # the schema's resource, when ``name`` is not it (a nested resource)
    nested: str | None = None  # rows are the items of this array of each listed item (usage per app)
    exclude: tuple[str, ...] = ()  # properties not kept as columns (an array unnested elsewhere)
    generation: str | None = None  # only apps of this generation have this list (cedar, fir)
    single: bool = False  # the path answers one object per parent (a space's NAT), not a list
    artifact: str | None = None  # by_id: the id is the parent's ``artifacts`` item of this type
    # columns holding a URL that is itself a credential (a drain's, a webhook's): only scheme and host kept
    capability_urls: tuple[str, ...] = ()
    cron: str = EVERY_30_MINUTES
    doc: str = ""

    def __post_init__(self) -> None:
        assert self.schema_name not in SECRET_RESOURCES, f"{self.name} holds secrets and is never captured"
        assert (self.mode == "incremental") == (self.bookmark is not None), self.name
        assert (self.parent is None) == ("{" not in self.path), self.name

    @property
    def schema_name(self) -> str:
        return self.definition or self.name

    @property
    def sort_field(self) -> str | None:
        return self.bookmark_field or self.bookmark

    @property
    def placeholders(self) -> list[str]:
        return re.findall(r"\{(\w+)\}", self.path)

    @property
    def parent_columns(self) -> list[str]:
        """The parent's columns the path is made of (an artifact's id comes from ``artifacts``)."""
        return [*self.placeholders[:-1], "artifacts"] if self.artifact else self.placeholders

    @property
    def interval(self) -> dt.timedelta:
        """The time between two ticks of its cron."""
        return cron_interval(self.cron)


def _app(name: str, table: str, what: str, **kw: object) -> Endpoint:
    return Endpoint(name, table, f"/apps/{{id}}/{what}", parent="app", **kw)  # type: ignore[arg-type]


def _team(name: str, table: str, what: str, **kw: object) -> Endpoint:
    return Endpoint(name, table, f"/teams/{{id}}/{what}", parent="team", **kw)  # type: ignore[arg-type]


def _space(name: str, table: str, what: str, **kw: object) -> Endpoint:
    return Endpoint(name, table, f"/spaces/{{id}}/{what}", parent="space", **kw)  # type: ignore[arg-type]


def _pipeline(name: str, table: str, what: str, **kw: object) -> Endpoint:
    return Endpoint(name, table, f"/pipelines/{{id}}/{what}", parent="pipeline", **kw)  # type: ignore[arg-type]


def _enterprise(name: str, table: str, what: str, **kw: object) -> Endpoint:
    path = f"/enterprise-accounts/{{id}}/{what}"
    return Endpoint(name, table, path, parent="enterprise-account", **kw)  # type: ignore[arg-type]


def _usage(
    name: str, table: str, path: str, parent: str, per: Literal["day", "month"], **kw: object
) -> Endpoint:
    """A usage list: a window (32 days, 13 months) from ``?start=``; days or months that leave the window
    are not deleted, only no longer listed."""
    kw.setdefault("key", ("id", "date" if per == "day" else "month"))
    window = 32 if per == "day" else 13
    return Endpoint(
        name,
        table,
        path,
        parent=parent,
        start_param=per,
        window=window,
        marks_deleted=False,
        cron=DAILY,
        **kw,
    )  # type: ignore[arg-type]


def _usage_per_app(per: Literal["day", "month"]) -> Endpoint:
    """A team's usage per app: the ``apps`` of its daily or monthly usage, one row each (a team of 200 apps
    holds about 20,000 characters there, more than a column takes)."""
    word = "daily" if per == "day" else "monthly"
    return _usage(
        f"team-{word}-usage.apps",
        f"heroku_team_{word}_usage_apps",
        f"/teams/{{id}}/usage/{word}",
        "team",
        per,
        definition=f"team-{word}-usage",
        nested="apps",
        key=("id", "date" if per == "day" else "month", "app_name"),
        doc=f"A team's usage per app and {per} (the `apps` of its {word} usage, one row each).",
    )


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "app",
        "heroku_apps",
        "/apps",
        mode="incremental",
        bookmark="updated_at",
        lookback=dt.timedelta(minutes=30),
        doc="Apps the token can see. Their ids drive every per-app list.",
    ),
    _app(
        "release",
        "heroku_releases",
        "releases",
        mode="incremental",
        bookmark="version",
        lookback=10,
        doc="Releases per app (the newest ten are read again: status and `current` change).",
    ),
    _app(
        "build",
        "heroku_builds",
        "builds",
        mode="incremental",
        bookmark="started_at",
        bookmark_field="created_at",
        lookback=dt.timedelta(hours=2),
        doc="Builds per app (two hours read again: a build and its release phase finish late).",
    ),
    Endpoint(
        "slug",
        "heroku_slugs",
        "/apps/{app_id}/slugs/{slug_id}",
        mode="by_id",
        parent="release",
        cron=HOURLY,
        doc="Slug metadata (size, process types, commit) of each release's slug; read once, slugs never "
        "change.",
    ),
    _app("dyno", "heroku_dynos", "dynos", doc="Dynos running now, per app."),
    _app("formation", "heroku_formation", "formation", doc="Process types per app."),
    _app("app-feature", "heroku_app_features", "features", key=("_parent", "id"), cron=DAILY),
    _app("domain", "heroku_domains", "domains", cron=EVERY_3_HOURS),
    _app("sni-endpoint", "heroku_sni_endpoints", "sni-endpoints", cron=EVERY_3_HOURS),
    _app("collaborator", "heroku_collaborators", "collaborators", cron=EVERY_3_HOURS),
    _app(
        "log-drain",
        "heroku_log_drains",
        "log-drains",
        cron=EVERY_3_HOURS_AT_1,
        capability_urls=("url",),
        generation="cedar",  # Fir apps send telemetry drains instead
    ),
    _app(
        "telemetry-drain",
        "heroku_telemetry_drains",
        "telemetry-drains",
        cron=EVERY_3_HOURS_AT_1,
        capability_urls=("exporter_endpoint",),
        generation="fir",
    ),
    _app("app-webhook", "heroku_app_webhooks", "webhooks", cron=EVERY_3_HOURS_AT_1, capability_urls=("url",)),
    _app(
        "buildpack-installation",
        "heroku_buildpack_installations",
        "buildpack-installations",
        key=("_parent", "ordinal"),
        cron=EVERY_3_HOURS_AT_1,
        generation="cedar",  # Heroku refuses this list for Fir apps (terraform-provider-heroku#392)
    ),
    Endpoint("add-on", "heroku_addons", "/addons", cron=HOURLY),
    Endpoint("add-on-attachment", "heroku_addon_attachments", "/addon-attachments", cron=HOURLY),
    Endpoint("add-on-service", "heroku_addon_services", "/addon-services", cron=DAILY),
    Endpoint("plan", "heroku_addon_plans", "/addon-services/{id}/plans", parent="add-on-service", cron=DAILY),
    Endpoint("team", "heroku_teams", "/teams", cron=HOURLY),
    _team("team-app", "heroku_team_apps", "apps", cron=HOURLY),
    _team(
        "team-member",
        "heroku_team_members",
        "members",
        key=("_parent", "id"),
        range_key="email",  # the only key the schema lets members be ranged by
    ),
    _usage(
        "team-daily-usage",
        "heroku_team_daily_usage",
        "/teams/{id}/usage/daily",
        "team",
        "day",
        exclude=("apps",),
    ),
    _usage_per_app("day"),
    _usage(
        "team-monthly-usage",
        "heroku_team_monthly_usage",
        "/teams/{id}/usage/monthly",
        "team",
        "month",
        exclude=("apps",),
    ),
    _usage_per_app("month"),
    Endpoint("space", "heroku_spaces", "/spaces", cron=HOURLY),
    Endpoint("pipeline", "heroku_pipelines", "/pipelines", cron=HOURLY),
    Endpoint("pipeline-coupling", "heroku_pipeline_couplings", "/pipeline-couplings", cron=HOURLY),
    _pipeline(
        "pipeline-release",
        "heroku_pipeline_releases",
        "latest-releases",
        key=("_parent", "id"),
        doc="The latest release of each app of each pipeline (_deleted_at: no longer the latest).",
    ),
    _pipeline(
        "pipeline-deployment",
        "heroku_pipeline_deployments",
        "latest-deployments",
        key=("_parent", "id"),
        doc="The latest deployment (release) of each app of each pipeline.",
    ),
    Endpoint("review-app", "heroku_review_apps", "/pipelines/{id}/review-apps", parent="pipeline"),
    _pipeline("test-run", "heroku_test_runs", "test-runs", cron=HOURLY),
    _app(
        "app-webhook-delivery",
        "heroku_app_webhook_deliveries",
        "webhook-deliveries",
        marks_deleted=False,  # Heroku keeps deliveries for a while: older ones stay as history
        cron=EVERY_3_HOURS_AT_2,
        doc="Webhook deliveries per app, with their status and attempts: what failed or was never applied.",
    ),
    _app(
        "app-webhook-event",
        "heroku_app_webhook_events",
        "webhook-events",
        marks_deleted=False,
        cron=EVERY_3_HOURS_AT_2,
        doc="Webhook events per app (each delivered to every subscription that includes it).",
    ),
    Endpoint(
        "oci-image",
        "heroku_oci_images",
        "/apps/{app_id}/oci-images/{oci_image_id}",
        mode="by_id",
        parent="release",
        artifact="oci-image",
        cron=HOURLY,
        doc="The OCI image of each Fir release (Fir's slug: buildpacks, stack, commit, architecture); "
        "read once.",
    ),
    _space(
        "space-telemetry-drain",
        "heroku_space_telemetry_drains",
        "telemetry-drains",
        definition="telemetry-drain",
        capability_urls=("exporter_endpoint",),
        cron=EVERY_3_HOURS,
        doc="Fir telemetry drains of whole spaces (not of one app).",
    ),
    _space(
        "space-app-access",
        "heroku_space_app_access",
        "members",
        key=("_parent", "id"),
        cron=HOURLY,
        doc="Who may do what to the apps of each space.",
    ),
    _space(
        "inbound-ruleset",
        "heroku_inbound_rulesets",
        "inbound-rulesets",
        cron=EVERY_3_HOURS,
    ),
    _space(
        "space-nat",
        "heroku_space_nat",
        "nat",
        single=True,
        key=("_parent",),
        cron=EVERY_3_HOURS,
        doc="A space's stable outbound IP addresses.",
    ),
    _space(
        "peering",
        "heroku_peerings",
        "peerings",
        key=("_parent", "pcx_id"),
        cron=EVERY_3_HOURS,
    ),
    _space(
        "peering-info",
        "heroku_peering_info",
        "peering-info",
        single=True,
        key=("_parent",),
        cron=EVERY_3_HOURS,
    ),
    _space(
        "vpn-connection",
        "heroku_vpn_connections",
        "vpn-connections",
        cron=EVERY_3_HOURS,
        doc="VPN connections of each space; the tunnels' pre-shared keys are never kept.",
    ),
    _space(
        "space-topology",
        "heroku_space_topology",
        "topology",
        single=True,
        key=("_parent",),
        cron=EVERY_3_HOURS,
    ),
    _team("team-invoice", "heroku_team_invoices", "invoices", cron=DAILY),
    _team(
        "permission-entity",
        "heroku_team_permissions",
        "permissions",
        key=("_parent", "id"),
        cron=HOURLY,
        doc="Who has which permissions on each app and space of a team.",
    ),
    _team(
        "allowed-add-on-service",
        "heroku_allowed_addon_services",
        "allowed-addon-services",
        key=("_parent", "id"),
        cron=DAILY,
    ),
    _team(
        "team-invitation",
        "heroku_team_invitations",
        "invitations",
        cron=HOURLY,
        doc="Pending invitations to each team (they hold no token).",
    ),
    _team(
        "team-feature",
        "heroku_team_features",
        "features",
        key=("_parent", "id"),
        cron=DAILY,
    ),
    _team(
        "team-delinquency",
        "heroku_team_delinquency",
        "delinquency",
        single=True,
        key=("_parent",),
        cron=DAILY,
    ),
    _pipeline(
        "review-app-config",
        "heroku_review_app_configs",
        "review-app-config",
        single=True,
        key=("_parent",),
        cron=DAILY,
        doc="Review app settings of each pipeline (no secret: repository, stale days, target).",
    ),
    Endpoint("enterprise-account", "heroku_enterprise_accounts", "/enterprise-accounts", cron=DAILY),
    _enterprise(
        "enterprise-account-member",
        "heroku_enterprise_account_members",
        "members",
        key=("_parent", "id"),
        cron=HOURLY,
    ),
    _usage(
        "enterprise-account-daily-usage",
        "heroku_enterprise_account_daily_usage",
        "/enterprise-accounts/{id}/usage/daily",
        "enterprise-account",
        "day",
        exclude=("teams",),  # per team and app: heroku_team_daily_usage_apps
    ),
    _usage(
        "enterprise-account-monthly-usage",
        "heroku_enterprise_account_monthly_usage",
        "/enterprise-accounts/{id}/usage/monthly",
        "enterprise-account",
        "month",
        exclude=("teams",),
    ),
    _enterprise(
        "audit-trail-event",
        "heroku_audit_trail_events",
        "events",
        marks_deleted=False,  # an audit trail: events are never taken back
        cron=HOURLY,
        doc="The enterprise account's audit trail (who did what to which app, team or space).",
    ),
    _enterprise(
        "archive",
        "heroku_audit_trail_archives",
        "archives",
        key=("_parent", "year", "month"),
        capability_urls=("url",),  # a signed download link
        cron=DAILY,
        doc="Monthly archives of the audit trail (their download links are never kept).",
    ),
    Endpoint("app-transfer", "heroku_app_transfers", "/account/app-transfers", cron=HOURLY),
    Endpoint("credit", "heroku_credits", "/account/credits", cron=DAILY),
    Endpoint(
        "account-delinquency",
        "heroku_account_delinquency",
        "/account/delinquency",
        single=True,
        key=("_parent",),
        cron=DAILY,
    ),
    Endpoint("dyno-size", "heroku_dyno_sizes", "/dyno-sizes", cron=DAILY),
    Endpoint("region", "heroku_regions", "/regions", cron=DAILY),
    Endpoint("stack", "heroku_stacks", "/stacks", cron=DAILY),
    Endpoint("generation", "heroku_generations", "/generations", cron=DAILY),
    Endpoint("account-feature", "heroku_account_features", "/account/features", cron=DAILY),
    Endpoint("invoice", "heroku_invoices", "/account/invoices", cron=DAILY),
)

# Every other resource of the schema, with the reason it is not captured (``heroku-assets api resources
# --all`` prints both; a test checks that together they are the whole schema).
NOT_CAPTURED: dict[str, str] = {
    "config-var": "holds secrets: app config values (database URLs, API keys)",
    "pipeline-config-var": "holds secrets: pipeline stage config values",
    "add-on-config": "holds secrets: add-on config values",
    "oauth-authorization": "holds secrets: access and refresh tokens",
    "oauth-client": "holds secrets: the client secret",
    "sms-number": "holds secrets: the account's recovery phone number",
    "add-on-action": "no GET link",
    "add-on-plan-action": "no GET link",
    "filter-apps": "no GET link (a POST search)",
    "log-session": "no GET link (POST); `heroku-assets pull` uses it for logs",
    "oauth-grant": "no GET link",
    "oauth-token": "no GET link",
    "password-reset": "no GET link",
    "pipeline-transfer": "no GET link",
    "source": "no GET link",
    "space-transfer": "no GET link",
    "add-on-webhook": "readable only by the add-on's partner",
    "add-on-webhook-delivery": "readable only by the add-on's partner",
    "add-on-webhook-event": "readable only by the add-on's partner",
    "app-setup": "readable only by an id its create call returns",
    "pipeline-promotion": "readable only by an id its create call returns",
    "pipeline-promotion-target": "readable only under a promotion, which cannot be listed",
    "account": "one row of personal data (name, e-mail, settings) of the token's own user",
    "key": "the account's public SSH keys: personal data of no analytical use",
    "identity-provider": "a team's SAML certificate and SSO endpoints: configuration, not data",
    "invoice-address": "personal data (a postal address) of no analytical use",
    "rate-limit": "operational: the client reads RateLimit-Remaining on every answer",
    "user-preferences": "the token user's UI preferences",
    "team-preferences": "a team's UI preferences",
    "pipeline-stack": "the pipeline's stack, already in heroku_apps.stack_name of its apps",
    "team-app-permission": "a fixed catalogue of permission names",
    "add-on-region-capability": "a catalogue of which add-on runs in which region",
    "team-add-on": "the same add-ons as /addons (heroku_addons)",
    "team-space": "the same spaces as /spaces (heroku_spaces)",
    "pipeline-build": "the same builds as /apps/{id}/builds (heroku_builds)",
    "team-app-collaborator": "the same collaborators as /apps/{id}/collaborators (heroku_collaborators)",
    "test-case": "one request per test run ever run (hundreds a day on a busy pipeline); heroku_test_runs "
    "holds each run's status",
    "test-node": "one request per test run ever run; heroku_test_runs holds each run's status",
}

BY_NAME: dict[str, Endpoint] = {r.name: r for r in ENDPOINTS}


# App webhook entities (``heroku webhooks:add -i ...``) and the resource whose table their payloads land in.
# A payload's ``data`` is the resource as the API lists it; ``parent`` says where its parent id is read.
WEBHOOK_ENTITIES: dict[str, str] = {
    "api:app": "app",
    "api:release": "release",
    "api:build": "build",
    "api:dyno": "dyno",
    "api:formation": "formation",
    "api:addon": "add-on",
    "api:addon-attachment": "add-on-attachment",
    "api:domain": "domain",
    "api:collaborator": "collaborator",
    "api:sni-endpoint": "sni-endpoint",
}
# Per-app lists whose every change a webhook announces: with webhooks on, listed only to reconcile.
WEBHOOK_ANNOUNCED = frozenset(name for name in WEBHOOK_ENTITIES.values() if BY_NAME[name].parent == "app")
