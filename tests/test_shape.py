"""The shape of the code, as the README's module map describes it: the spine at the top, one
package per stage, short functions, click only in the CLI, tests on public names only."""

import ast
import re

from conftest import ROOT

PACKAGE = ROOT / "cleaner"
SPINE = {
    "__init__", "__main__", "emit", "errors", "language", "model", "normalize", "pagekind",
    "pipeline", "scripts", "sniff", "urls",
}  # fmt: skip
STAGE_PACKAGES = {
    "archive", "batch", "cli", "datatrove", "decode", "evaluate", "html", "mojibake", "report",
    "rules", "textdump",
}  # fmt: skip
MAX_FUNCTION_LINES = 40


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_the_top_level_holds_the_spine_and_one_package_per_stage():
    assert {p.stem for p in PACKAGE.glob("*.py")} == SPINE
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages == STAGE_PACKAGES


def test_no_function_is_longer_than_forty_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines})")
    assert long == []


def test_only_the_cli_imports_click():
    importers = [
        str(path.relative_to(ROOT))
        for path in _modules()
        if re.search(r"^\s*(import click|from click)", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importers and all(name.startswith("cleaner/cli/") for name in importers)


def test_tests_use_public_names_only():
    private = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cleaner"):
                private += [f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")]
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "setattr":
                name = node.args[1] if len(node.args) > 1 else None
                if isinstance(name, ast.Constant) and str(name.value).startswith("_"):
                    private.append(f"{path.name}: setattr {name.value}")
    assert private == []


def test_the_readme_module_map_matches_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Module map") :].split("\n\n", 2)[1]
    rows = dict(re.findall(r"^\| `([\w/.]+)` \| (.*) \|$", table, re.M))
    top = {p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    top = {n if n.endswith(".py") else n + "/" for n in top if not n.startswith("__")}
    assert set(rows) == top
    for package in (name for name in rows if name.endswith("/")):
        named = set(re.findall(r"`(\w+)`", rows[package]))
        inside = {p.stem for p in (PACKAGE / package).glob("*.py") if p.stem != "__init__"}
        assert named == inside, package
