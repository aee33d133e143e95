"""The documents hold together: every relative link resolves (to a file, and to a heading when it names
one), the README stays short enough to read first, and every test the register of proofs names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README_MAX_LINES = 160

_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
_CITED_TEST = re.compile(r"`([\w/]+\.py)(?:::(test_\w+))?`")


def documents() -> list[Path]:
    return [
        ROOT / "README.md",
        ROOT / "ARCHITECTURE.md",
        ROOT / "bench" / "README.md",
        *sorted((ROOT / "docs").glob("*.md")),
    ]


def links(text: str) -> list[str]:
    """The targets of the markdown links in ``text``, outside code blocks and code spans."""
    prose = _CODE_SPAN.sub("", _FENCE.sub("", text))
    return _LINK.findall(prose)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = heading.replace("`", "").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(text: str) -> set[str]:
    return {anchor(h) for h in _HEADING.findall(_FENCE.sub("", text))}


def broken_links(document: Path) -> list[str]:
    broken = []
    for target in links(document.read_text()):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        path, _, fragment = target.partition("#")
        resolved = (document.parent / path).resolve() if path else document
        if not resolved.exists():
            broken.append(f"{target}: no such file")
        elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved.read_text()):
            broken.append(f"{target}: no heading #{fragment}")
    return broken


def test_every_relative_link_resolves():
    found = {str(d.relative_to(ROOT)): broken_links(d) for d in documents()}
    assert {name: b for name, b in found.items() if b} == {}
    assert len(documents()) > 3


def test_a_broken_link_or_anchor_is_reported(tmp_path):
    (tmp_path / "there.md").write_text("# A heading (with `code`)\n")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](there.md#a-heading-with-code) [gone](missing.md) [bad anchor](there.md#nowhere)\n"
        "[web](https://example.com/x) `[not a link](in-code.md)`\n```\n[nor](in-fence.md)\n```\n"
    )
    assert broken_links(page) == ["missing.md: no such file", "there.md#nowhere: no heading #nowhere"]


def test_the_readme_is_short():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) <= README_MAX_LINES


def test_the_readme_starts_with_the_two_commands_that_work_on_a_fresh_machine():
    text = (ROOT / "README.md").read_text()
    first_block = text.split("```bash\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [["make", "run"], ["make", "test"]]
    assert text.index("```bash") < text.index("\n## ")


def test_every_test_the_register_of_proofs_names_exists():
    text = (ROOT / "docs" / "proven.md").read_text()
    cited = _CITED_TEST.findall(text)
    assert len(cited) > 50
    missing = []
    for path, name in cited:
        source = ROOT / "heroku_assets_tests" / path.removeprefix("heroku_assets_tests/")
        if not source.exists():
            missing.append(path)
        elif name and not re.search(rf"^\s*(async )?def {name}\(", source.read_text(), re.MULTILINE):
            missing.append(f"{path}::{name}")
    assert missing == []
