"""The errors of a Platform API call, one class per way it fails, each naming the resource (method and
path, never the token or the host), and the error a refused answer becomes."""

from __future__ import annotations

from typing import Any

import requests


class HerokuError(RuntimeError):
    """A Platform API call failed. ``resource`` is the method and path (never the token or the host)."""

    def __init__(
        self,
        message: str,
        *,
        resource: str,
        status: int | None = None,
        error_id: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.resource = resource
        self.status = status
        self.error_id = error_id
        self.request_id = request_id


class HerokuAuthError(HerokuError):
    """401: the token is missing, expired or revoked. Retrying does not help."""


class HerokuForbiddenError(HerokuError):
    """403: the token is valid but may not see this resource (not a collaborator, suspended app, ...)."""


class HerokuNotFoundError(HerokuError):
    """404: no such app, release, ... (or the token may not know it exists)."""


class HerokuRateLimitError(HerokuError):
    """429 still answered after every retry: the account's request bucket stayed empty."""


class HerokuServerError(HerokuError):
    """5xx still answered after every retry."""


class HerokuUnavailableError(HerokuError):
    """No answer at all after every retry: timeouts, refused or dropped connections."""


class HerokuResponseError(HerokuError):
    """Any other refusal (416 bad range, 422, ...) or an answer that is not the JSON it should be."""


_STATUS_ERRORS: dict[int, tuple[type[HerokuError], str]] = {
    401: (HerokuAuthError, "the API token was refused"),
    403: (HerokuForbiddenError, "the API token may not access it"),
    404: (HerokuNotFoundError, "not found"),
    429: (HerokuRateLimitError, "rate limited, and still so after retrying"),
}


def decode_json(response: requests.Response, resource: str) -> Any:
    try:
        return response.json()
    except ValueError:
        raise HerokuResponseError(
            f"{resource}: the answer is not JSON (status {response.status_code})",
            resource=resource,
            status=response.status_code,
        ) from None


def error_for(response: requests.Response, resource: str) -> HerokuError:
    """The exception for a refused call: what the API said (its error id and message), never the token."""
    status = response.status_code
    error_id = message = None
    try:
        body = response.json()
        if isinstance(body, dict):
            error_id = body.get("id") if isinstance(body.get("id"), str) else None
            message = body.get("message") if isinstance(body.get("message"), str) else None
    except ValueError:
        pass
    if status in _STATUS_ERRORS:
        cls, what = _STATUS_ERRORS[status]
    elif status >= 500:
        cls, what = HerokuServerError, "server error, and still so after retrying"
    elif status == 416:
        cls, what = (
            HerokuResponseError,
            "range not satisfiable (Accept-Ranges: {})".format(response.headers.get("Accept-Ranges", "?")),
        )
    else:
        cls, what = HerokuResponseError, "refused"
    detail = f" ({error_id}: {message[:200]})" if message else (f" ({error_id})" if error_id else "")
    return cls(
        f"{resource}: {status} {what}{detail}",
        resource=resource,
        status=status,
        error_id=error_id,
        request_id=response.headers.get("Request-Id"),
    )
