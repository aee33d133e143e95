"""``heroku-assets api schema-diff``: the live schema (from the fake API's GET /schema) against the
vendored one."""

from __future__ import annotations

import copy
import json

from heroku_assets import cli
from heroku_assets.platform_api.schema import PlatformSchema, vendored
from heroku_assets.platform_api.schema_diff import schema_diff


def _changed() -> dict:
    root = copy.deepcopy(vendored().root)
    app = root["definitions"]["app"]
    app["properties"]["feature_flags"] = {"type": ["array"], "items": {"type": ["string"]}}
    del app["properties"]["buildpack_provided_description"]
    app["definitions"]["repo_size"]["type"] = ["string", "null"]
    del root["definitions"]["invoice"]
    return root


def test_added_removed_and_retyped_properties_are_listed() -> None:
    changes = list(schema_diff(vendored(), PlatformSchema(_changed())))
    assert {"change": "added", "resource": "app", "property": "feature_flags", "type": "json"} in changes
    assert {
        "change": "removed",
        "resource": "app",
        "property": "buildpack_provided_description",
        "type": "string(2000)",
    } in changes
    assert {
        "change": "retyped",
        "resource": "app",
        "property": "repo_size",
        "from": "int64",
        "to": "string(2000)",
    } in changes
    assert {"change": "removed", "resource": "invoice"} in changes
    assert list(schema_diff(vendored(), vendored())) == []


def test_the_command_reads_the_live_schema_through_the_client(fake_heroku, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HEROKU_API_KEY", fake_heroku.token)
    monkeypatch.setenv("HEROKU_API_URL", fake_heroku.url)
    assert cli.main(["api", "schema-diff"]) == 0
    assert capsys.readouterr().out == ""
    fake_heroku.live_schema["definitions"]["app"]["properties"]["feature_flags"] = {"type": ["boolean"]}
    assert cli.main(["api", "schema-diff"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"change": "added", "resource": "app", "property": "feature_flags", "type": "bool"}]
    assert [r.path for r in fake_heroku.requests] == ["/schema", "/schema"]


def test_the_command_needs_a_token(monkeypatch, capsys) -> None:
    monkeypatch.delenv("HEROKU_API_KEY", raising=False)
    assert cli.main(["api", "schema-diff"]) == 2
    assert "HEROKU_API_KEY" in capsys.readouterr().err


def test_a_new_enum_value_is_a_reshaped_property() -> None:
    root = copy.deepcopy(vendored().root)
    root["definitions"]["release"]["definitions"]["status"]["enum"].append("superseded")
    changes = [c for c in schema_diff(vendored(), PlatformSchema(root)) if c["resource"] == "release"]
    assert changes == [
        {
            "change": "reshaped",
            "resource": "release",
            "property": "status",
            "from": "string(9) enum failed|pending|succeeded|expired",
            "to": "string(10) enum failed|pending|succeeded|expired|superseded",
        }
    ]
