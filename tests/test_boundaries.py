"""The stages keep to their lanes: only render/ speaks pptx, only cli speaks typer and rich,
only the loader speaks yaml. A stray import would make pure layers slow and hard to test."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "deck"
ALLOWED = {
    "pptx": lambda module: module.startswith("render/") or module == "look/template/read.py",
    "typer": lambda module: module == "cli.py",
    "rich": lambda module: module == "cli.py",
    "yaml": lambda module: module == "outline/reader.py",
}


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_what_its_stage_may(path):
    module = path.relative_to(PACKAGE).as_posix()
    for library, may in ALLOWED.items():
        if library in imports(path):
            assert may(module), f"deck/{module} imports {library}"
