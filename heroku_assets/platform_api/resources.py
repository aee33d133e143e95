"""Every Platform API resource captured: one declaration each (list path, parent, mode, bookmark), and the
rule that keeps secrets out.

Modes:

- ``incremental``: the list sorts by ``bookmark`` (Heroku's ``Range``), so each run asks from the last
  value seen minus ``lookback`` (a release that turns from pending to succeeded, a build that finishes
  late, is fetched again). Once every ``full_after`` a run lists everything, which is how a row that
  disappeared is noticed.
- ``snapshot``: the list has no useful sort key; every run lists it whole. A row missing from a full
  listing of its parent (or whose parent is gone) is marked ``_deleted_at``, not kept as live.
- ``by_id``: no list at all (slugs): each id a parent row names is read once (slugs never change), at
  most ``max_per_run`` per run so a first run does not empty the rate-limit bucket.

Placeholders in ``path`` name columns of the parent's rows (``{id}`` of an app, ``{app_id}`` and
``{slug_id}`` of a release). ``tests`` check each path against the vendored schema's links.

Not captured, because the API only answers them by id after creating one: pipeline promotions and their
targets. Never captured, because they hold secrets: ``SECRET_RESOURCES``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Mode = Literal["incremental", "snapshot", "by_id"]

EVERY_30_MINUTES = "*/30 * * * *"
HOURLY = "15 * * * *"
EVERY_3_HOURS = "25 */3 * * *"  # per-app lists that rarely change: drains, domains, collaborators, ...
DAILY = "45 3 * * *"

# Resources whose very purpose is a credential or a personal secret: never listed, whatever a token may see.
SECRET_RESOURCES = frozenset(
    {
        "config-var",  # app config values: database URLs, API keys
        "pipeline-config-var",
        "review-app-config",
        "add-on-config",
        "oauth-authorization",
        "oauth-client",
        "oauth-grant",
        "oauth-token",
        "key",  # SSH public keys of the account
        "password-reset",
        "sms-number",
        "team-invitation",  # carries the invitation token
        "identity-provider",  # SAML certificates and SSO endpoints
        "account",  # sms_number, and the account's own settings
    }
)

# Property names that hold secrets (or may: telemetry exporter headers carry vendors' API keys), excluded
# wherever they occur in a captured resource, and dropped when an unknown field by that name shows up.
SECRET_PROPERTIES = frozenset(
    {
        "token",
        "secret",
        "password",
        "authorization",
        "headers",
        "sms_number",
        "private_key",
        "api_key",
        "access_token",
        "refresh_token",
        "config_vars",
        "env",
        "attach_url",  # rendezvous://host/<secret>: the capability to attach to a one-off dyno
        "pre_shared_key",  # a VPN tunnel's IPsec key
    }
)
_SECRET_NAME = re.compile(
    r"(token|secret|passw|private_key|api_key|authoriz|credential|sms_number|shared_key|(^|_)key$)", re.I
)


def is_secret_name(name: str) -> bool:
    """A property name that is, or looks like, a secret: excluded from columns, ``_extra`` and JSON."""
    return name.lower() in SECRET_PROPERTIES or bool(_SECRET_NAME.search(name))


@dataclass(frozen=True)
class Resource:
    """How one resource is listed and keyed. ``name`` is its definition in the Platform API schema."""

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
    # columns holding a URL that is itself a credential (a drain's, a webhook's): only scheme and host kept
    capability_urls: tuple[str, ...] = ()
    cron: str = EVERY_30_MINUTES
    doc: str = ""

    def __post_init__(self) -> None:
        assert self.name not in SECRET_RESOURCES, f"{self.name} holds secrets and is never captured"
        assert (self.mode == "incremental") == (self.bookmark is not None), self.name
        assert (self.parent is None) == ("{" not in self.path), self.name

    @property
    def sort_field(self) -> str | None:
        return self.bookmark_field or self.bookmark

    @property
    def placeholders(self) -> list[str]:
        return re.findall(r"\{(\w+)\}", self.path)


def _app(name: str, table: str, what: str, **kw: object) -> Resource:
    return Resource(name, table, f"/apps/{{id}}/{what}", parent="app", **kw)  # type: ignore[arg-type]


RESOURCES: tuple[Resource, ...] = (
    Resource(
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
    Resource(
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
    _app("log-drain", "heroku_log_drains", "log-drains", cron=EVERY_3_HOURS, capability_urls=("url",)),
    _app(
        "telemetry-drain",
        "heroku_telemetry_drains",
        "telemetry-drains",
        cron=EVERY_3_HOURS,
        capability_urls=("exporter_endpoint",),
    ),
    _app("app-webhook", "heroku_app_webhooks", "webhooks", cron=EVERY_3_HOURS, capability_urls=("url",)),
    _app(
        "buildpack-installation",
        "heroku_buildpack_installations",
        "buildpack-installations",
        key=("_parent", "ordinal"),
        cron=EVERY_3_HOURS,
    ),
    Resource("add-on", "heroku_addons", "/addons", cron=HOURLY),
    Resource("add-on-attachment", "heroku_addon_attachments", "/addon-attachments", cron=HOURLY),
    Resource("add-on-service", "heroku_addon_services", "/addon-services", cron=DAILY),
    Resource("plan", "heroku_addon_plans", "/addon-services/{id}/plans", parent="add-on-service", cron=DAILY),
    Resource("team", "heroku_teams", "/teams", cron=HOURLY),
    Resource("team-app", "heroku_team_apps", "/teams/{id}/apps", parent="team", cron=HOURLY),
    Resource(
        "team-member",
        "heroku_team_members",
        "/teams/{id}/members",
        parent="team",
        key=("_parent", "id"),
        range_key="email",  # the only key the schema lets members be ranged by
    ),
    Resource(
        "team-daily-usage",
        "heroku_team_daily_usage",
        "/teams/{id}/usage/daily",
        parent="team",
        key=("id", "date"),
        start_param="day",
        window=32,
        marks_deleted=False,  # a window of days: older days are not deleted, only out of the window
        cron=DAILY,
    ),
    Resource(
        "team-monthly-usage",
        "heroku_team_monthly_usage",
        "/teams/{id}/usage/monthly",
        parent="team",
        key=("id", "month"),
        start_param="month",
        window=13,
        marks_deleted=False,
        cron=DAILY,
    ),
    Resource("space", "heroku_spaces", "/spaces", cron=HOURLY),
    Resource("pipeline", "heroku_pipelines", "/pipelines", cron=HOURLY),
    Resource("pipeline-coupling", "heroku_pipeline_couplings", "/pipeline-couplings", cron=HOURLY),
    Resource(
        "pipeline-release",
        "heroku_pipeline_releases",
        "/pipelines/{id}/latest-releases",
        parent="pipeline",
        key=("_parent", "id"),
        doc="The latest release of each app of each pipeline (_deleted_at: no longer the latest).",
    ),
    Resource(
        "pipeline-deployment",
        "heroku_pipeline_deployments",
        "/pipelines/{id}/latest-deployments",
        parent="pipeline",
        key=("_parent", "id"),
        doc="The latest deployment (release) of each app of each pipeline.",
    ),
    Resource("review-app", "heroku_review_apps", "/pipelines/{id}/review-apps", parent="pipeline"),
    Resource("test-run", "heroku_test_runs", "/pipelines/{id}/test-runs", parent="pipeline", cron=HOURLY),
    Resource("dyno-size", "heroku_dyno_sizes", "/dyno-sizes", cron=DAILY),
    Resource("region", "heroku_regions", "/regions", cron=DAILY),
    Resource("stack", "heroku_stacks", "/stacks", cron=DAILY),
    Resource("generation", "heroku_generations", "/generations", cron=DAILY),
    Resource("account-feature", "heroku_account_features", "/account/features", cron=DAILY),
    Resource("invoice", "heroku_invoices", "/account/invoices", cron=DAILY),
)

BY_NAME: dict[str, Resource] = {r.name: r for r in RESOURCES}
BY_TABLE: dict[str, Resource] = {r.table: r for r in RESOURCES}


def children(name: str) -> list[Resource]:
    return [r for r in RESOURCES if r.parent == name]


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
WEBHOOK_ANNOUNCED = frozenset(
    name for name in WEBHOOK_ENTITIES.values() if BY_NAME[name].parent == "app" and name != "slug"
)
