"""The packages import each other in the order of the flow: ``received/`` and ``storage/`` below
``logs/``, ``logs/`` below ``capture/``, and no module imports itself back through others, whether at
the top of a file, inside a function or for type checking only."""

import ast
import graphlib
from pathlib import Path

import heroku_assets

ROOT = Path(heroku_assets.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules ``path`` imports anywhere in it (``from a import b`` counts ``a.b`` when ``b``
    is a module, else ``a``)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base]).strip(".")
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in modules and t != name)
    return found


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in ROOT.rglob("*.py")}
    return {name: _imports(path, set(paths)) for name, path in paths.items()}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _edges(graph: dict[str, set[str]], source: str, target: str) -> list[tuple[str, str]]:
    return sorted(
        (a, b) for a, bs in graph.items() for b in bs if _package(a) == source and _package(b) == target
    )


def test_the_graph_sees_function_level_and_type_checking_imports():
    # A check that found nothing would pass whatever the code did: these edges are known to exist.
    graph = _graph()
    assert "heroku_assets.logs" in graph["heroku_assets.capture.app"]  # inside create_app
    assert "heroku_assets.capture.segments" in graph["heroku_assets.capture.otlp"]  # TYPE_CHECKING
    read = graph["heroku_assets.logs.raw_partition.read"]
    assert "heroku_assets.logs.logplex.frame_batches" in read  # in a function
    assert "heroku_assets.received.segments" in read


def test_the_readers_of_the_raw_store_never_import_the_receivers():
    graph = _graph()
    for reader in ("logs", "received", "storage"):
        assert _edges(graph, reader, "capture") == []
    assert _edges(graph, "received", "logs") == []
    assert _edges(graph, "storage", "received") == []
    assert _edges(graph, "storage", "logs") == []


def test_no_two_modules_import_each_other():
    try:
        graphlib.TopologicalSorter(_graph()).prepare()
    except graphlib.CycleError as exc:
        raise AssertionError(f"an import cycle: {' -> '.join(exc.args[1])}") from None


def test_no_library_module_imports_the_command_line():
    graph = _graph()
    assert "heroku_assets.cli.run" in graph["heroku_assets.cli"]  # the commands are imported by name
    callers = sorted(
        (a, b) for a, bs in graph.items() for b in bs if _package(b) == "cli" and _package(a) != "cli"
    )
    assert callers == []
