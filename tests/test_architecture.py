"""The house's shape: data flows one way (read → clean → translate → check → report →
review → pipeline → command line), so no module imports a stage above its own, and the
import graph has no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "translator"
# the floor each top-level module or subpackage stands on; a module imports only its floor or below
FLOORS = {
    "errors": 0, "schema": 0, "diagnostics": 0, "regex_cache": 0, "resources": 0,
    "lang": 1, "document": 2, "config": 2,
    "io": 3, "clean": 4, "translate": 5, "qa": 6, "report": 7, "review": 8, "pipeline": 9, "cli": 10,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every translator module ``path`` imports, at the top or inside a function."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("translator"):
                # ``from . import options`` imports the module options; ``from .x import y``, the module x
                found.update(f"{target}.{alias.name}" if _is_module(f"{target}.{alias.name}") else target for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("translator"))
    return found


def _runtime_nodes(tree: ast.AST):
    """Every node but those under ``if TYPE_CHECKING:`` (imports for type hints only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        yield node
        yield from _runtime_nodes(node)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _floor(module: str) -> int | None:
    parts = module.split(".")
    return FLOORS.get(parts[1]) if len(parts) > 1 else None


MODULES = {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")}


def test_every_stage_has_a_floor():
    assert {module.split(".")[1] for module in MODULES if "." in module} - {"__main__"} <= FLOORS.keys()


def test_no_module_imports_a_stage_above_its_own():
    upward = [
        f"{module} imports {target}"
        for module, targets in MODULES.items()
        for target in targets
        if _floor(module) is not None and _floor(target) is not None and _floor(target) > _floor(module)
    ]
    assert upward == []


def test_the_import_graph_has_no_cycle():
    graph = {module: {t for t in targets if t in MODULES and t != module} for module, targets in MODULES.items()}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = "open"
        for target in graph[module]:
            if state.get(target) == "open":
                return [*path, module, target]
            if target not in state and (cycle := visit(target, [*path, module])):
                return cycle
        state[module] = "done"
        return None

    cycles = [cycle for module in sorted(graph) if module not in state and (cycle := visit(module, []))]
    assert cycles == []


def test_the_command_line_modules_are_short():
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in (PACKAGE / "cli").glob("*.py")}
    assert max(lengths.values()) <= 120, lengths
