"""What is never captured because it is, or may be, a secret: whole resources, and property names wherever
they occur (excluded from columns, ``_extra`` and JSON)."""

from __future__ import annotations

import re

# Resources whose very purpose is a credential or a personal secret: never listed, whatever a token may see.
SECRET_RESOURCES = frozenset(
    {
        "config-var",  # app config values: database URLs, API keys
        "pipeline-config-var",
        "add-on-config",
        "oauth-authorization",
        "oauth-client",
        "oauth-grant",
        "oauth-token",
        "password-reset",
        "sms-number",
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
