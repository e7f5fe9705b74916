"""The stages keep to their lanes.

deck/ is a pipeline: outline -> look -> layout -> render -> package, with the engines
of the commands above it and the CLI on top. A module may import its own stage, the stages
before it and the shared leaves; never a later stage, also not inside a function or under
TYPE_CHECKING, so that every stage can be read, tested and timed without the ones after it.
Only render/ and the reading of templates speak pptx, only cli speaks typer and rich, only the
outline reader speaks yaml: a stray import would make pure stages slow and hard to test."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "deck"

# In pipeline order; a module path (relative to deck/) belongs to the first stage whose
# prefix it starts with.
STAGES = [
    # plan.py is the vocabulary of positioned boxes and paragraphs: layout makes them, render
    # draws them, and a theme's geometry is made of its boxes.
    ("leaves", ("__init__.py", "errors.py", "units.py", "ooxml.py", "options.py", "files.py", "plan.py",
                "measure/")),
    ("outline", ("outline/",)),
    ("look", ("look/",)),
    ("layout", ("layout/",)),
    ("lint", ("lint.py", "lint_charts.py")),
    ("render", ("render/",)),
    ("package", ("package/",)),
    ("build", ("build.py", "warm.py")),
    ("export", ("export/",)),
    ("engines", ("check.py", "watch.py", "parallel.py", "starters/", "completion.py")),
    ("cli", ("cli.py", "__main__.py")),
]

ALLOWED = {
    # Reading a template's layouts and colours needs python-pptx's package reader.
    "pptx": lambda module: module.startswith("render/") or module.startswith("look/template/"),
    "typer": lambda module: module == "cli.py",
    "rich": lambda module: module == "cli.py",
    "yaml": lambda module: module.startswith("outline/"),
}

MODULES = sorted(PACKAGE.rglob("*.py"))


def _id(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def stage_of(module: str) -> int:
    for rank, (_, prefixes) in enumerate(STAGES):
        if any(module == p or (p.endswith("/") and module.startswith(p)) for p in prefixes):
            return rank
    raise AssertionError(f"deck/{module} belongs to no stage: add it to STAGES in {Path(__file__).name}")


def imported(path: Path) -> set[str]:
    """Every module named by an import anywhere in the file, as dotted names."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            # `from deck import warm` names the module deck.warm
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def module_file(name: str) -> str | None:
    """deck.look.theme -> 'look/theme.py' (or the package's __init__.py); None outside deck."""
    parts = name.split(".")
    if parts[0] != "deck" or len(parts) == 1:
        return None
    base = PACKAGE.joinpath(*parts[1:])
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py").relative_to(PACKAGE).as_posix()
    if (base / "__init__.py").is_file():
        return (base / "__init__.py").relative_to(PACKAGE).as_posix()
    return None


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_module_imports_only_what_its_stage_may(path):
    module = _id(path)
    libraries = {name.split(".")[0] for name in imported(path)}
    for library, may in ALLOWED.items():
        if library in libraries:
            assert may(module), f"deck/{module} imports {library}"


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_no_stage_imports_a_later_one(path):
    module = _id(path)
    rank = stage_of(module)
    for name in sorted(imported(path)):
        target = module_file(name)
        if target is None or target == "__init__.py":
            continue
        other = stage_of(target)
        assert other <= rank, (f"deck/{module} ({STAGES[rank][0]}) imports {name} "
                               f"({STAGES[other][0]}), a later stage")


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_no_module_is_long(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"deck/{_id(path)} has {lines} lines; split it by what its parts do"


def test_the_stage_test_sees_a_later_import(tmp_path):
    """The rule above can fail: a layout module that imports render is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from deck.render import drawing\n", encoding="utf-8")
    names = imported(bad)
    assert "deck.render.drawing" in names
    assert stage_of(module_file("deck.render.drawing")) > stage_of("layout/fitting.py")
