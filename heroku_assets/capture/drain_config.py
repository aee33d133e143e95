"""The drain receiver's configuration, checked, built from the ``HEROKU_DRAIN_*`` settings
(``settings.DrainSettings``, which names the variables and their defaults). Credentials never show in a
repr."""

from __future__ import annotations

import dataclasses
import re
import socket
from collections.abc import Mapping
from pathlib import Path

from heroku_assets import settings
from heroku_assets.storage import layout

_PATH_TOKEN = re.compile(r"^[A-Za-z0-9._~-]{16,200}$")


@dataclasses.dataclass(frozen=True)
class DrainConfig:
    """How the receiver authenticates and names apps.

    ``username``/``password``: Basic credentials put in the drain URL (``https://user:pass@host/logs``);
    ``path_token``: a secret path segment (``/logs/<token>``). When both are set, both are required.
    ``apps`` maps a Logplex drain token (``d.<uuid>``) to its app; a ``?app=`` query parameter names the
    app otherwise, and bodies of unknown drains are kept under ``layout.UNMAPPED_APP``.
    ``allow_anonymous`` must be set explicitly to accept posts with no credentials at all.
    ``webhook_secret`` signs Heroku's app webhook deliveries (``POST /webhooks/heroku``, served only when
    it is set).
    """

    username: str | None = dataclasses.field(default=None, repr=False)
    password: str | None = dataclasses.field(default=None, repr=False)
    path_token: str | None = dataclasses.field(default=None, repr=False)
    apps: Mapping[str, str] = dataclasses.field(default_factory=dict, repr=False)
    max_body_bytes: int = settings.DEFAULT_DRAIN_MAX_BODY_BYTES
    otlp_max_body_bytes: int = settings.DEFAULT_DRAIN_OTLP_MAX_BODY_BYTES
    allow_anonymous: bool = False
    webhook_secret: str | None = dataclasses.field(default=None, repr=False)

    def __post_init__(self) -> None:
        if (self.username is None) != (self.password is None):
            raise ValueError("set both the drain user and password, or neither")
        if self.username is not None and (not self.username or ":" in self.username or not self.password):
            raise ValueError("the drain user must be non-empty without ':' and the password non-empty")
        if self.path_token is not None and not _PATH_TOKEN.match(self.path_token):
            raise ValueError("the drain path token must be 16 to 200 URL-safe characters")
        if not self.uses_basic and self.path_token is None and not self.allow_anonymous:
            raise ValueError(
                f"no drain credentials: set {settings.DRAIN_USER}/{settings.DRAIN_PASSWORD} and/or "
                f"{settings.DRAIN_PATH_TOKEN} "
                "(or allow anonymous posts explicitly)"
            )
        if self.max_body_bytes < 1 or self.otlp_max_body_bytes < 1:
            raise ValueError("max_body_bytes and otlp_max_body_bytes must be positive")
        for token, app in self.apps.items():
            if not token.strip():
                raise ValueError("an empty drain token in the app mapping")
            layout.validate_app(app)

    @property
    def uses_basic(self) -> bool:
        return self.username is not None

    def __repr__(self) -> str:
        return (
            f"DrainConfig(basic_auth={'set' if self.uses_basic else 'unset'}, "
            f"path_token={'set' if self.path_token else 'unset'}, mapped_drains={len(self.apps)}, "
            f"max_body_bytes={self.max_body_bytes}, allow_anonymous={self.allow_anonymous})"
        )

    @classmethod
    def from_settings(cls, s: settings.DrainSettings, *, allow_anonymous: bool | None = None) -> DrainConfig:
        """From the drain settings (``settings.load_drain()``); ``allow_anonymous`` (the command line's
        ``--allow-anonymous``), when given, wins over the setting."""
        return cls(
            username=s.user,
            password=s.password.get_secret_value() if s.password else None,
            path_token=s.path_token.get_secret_value() if s.path_token else None,
            apps=parse_app_mapping(s.apps),
            max_body_bytes=s.max_body_bytes,
            otlp_max_body_bytes=s.otlp_max_body_bytes,
            allow_anonymous=s.allow_anonymous if allow_anonymous is None else allow_anonymous,
            webhook_secret=s.webhook_secret.get_secret_value() if s.webhook_secret else None,
        )


def parse_app_mapping(value: str) -> dict[str, str]:
    """``d.xxx=my-app,d.yyy=other`` -> {drain token: app}; a malformed entry is an error, not skipped."""
    mapping: dict[str, str] = {}
    for entry in filter(None, (e.strip() for e in value.split(","))):
        token, sep, app = entry.partition("=")
        if not sep or not token.strip() or not app.strip():
            raise ValueError(
                f"{settings.DRAIN_APPS}: entries look like d.<uuid>=app-name, not {entry.split('=')[0]!r}=..."
            )
        mapping[token.strip()] = layout.validate_app(app.strip())
    return mapping


@dataclasses.dataclass(frozen=True)
class SpoolConfig:
    """Where the receiver spools bodies before shipping them as segments, and how big segments get.

    ``directory``: a local disk (``HEROKU_DRAIN_SPOOL_DIR``; ``<data dir>/spool`` by default);
    ``receiver_id``: this receiver's name in segment object keys, unique among the receivers sharing a
    raw store (``HEROKU_DRAIN_RECEIVER_ID``; the host name by default); a segment is sealed and shipped
    after ``segment_seconds`` (60) or ``segment_bytes`` (128 MiB); past ``max_bytes`` of unshipped
    segments (``HEROKU_DRAIN_SPOOL_MAX_BYTES``; unlimited: the disk's size) POSTs get 503.
    """

    directory: Path
    receiver_id: str
    segment_seconds: float = settings.DEFAULT_SEGMENT_SECONDS
    segment_bytes: int = settings.DEFAULT_SEGMENT_BYTES
    max_bytes: int | None = None

    def __post_init__(self) -> None:
        layout.validate_receiver_id(self.receiver_id)
        if self.segment_seconds <= 0 or self.segment_bytes <= 0:
            raise ValueError("segment seconds and bytes must be positive")
        if self.max_bytes is not None and self.max_bytes <= 0:
            raise ValueError(f"{settings.DRAIN_SPOOL_MAX_BYTES} must be positive")

    @classmethod
    def from_settings(cls, s: settings.DrainSettings, data_dir: Path) -> SpoolConfig:
        """From the drain settings (``settings.load_drain()``); the spool defaults to ``<data dir>/spool``
        and the receiver id to the host name."""
        host = re.sub(r"[^A-Za-z0-9_.-]", "-", socket.gethostname())[:80].strip("-.") or "receiver"
        return cls(
            directory=s.spool_dir or data_dir / "spool",
            receiver_id=s.receiver_id or host,
            segment_seconds=s.segment_seconds,
            segment_bytes=s.segment_bytes,
            max_bytes=s.spool_max_bytes,
        )
