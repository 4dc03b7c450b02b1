"""`cleaner rules check` and `cleaner rules test`: validate rule files, run their own tests."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..emit import to_text
from ..errors import CleanerError, ConfigError
from ..model import Options
from ..pipeline import clean
from .book import RuleBook
from .cuefiles import FIELD_DIRECTIVES, directive_problem
from .cues import CUE_DIRECTIVES
from .format import Problem, compile_regex, read_rule_file
from .literals import slow_on_spaces
from .site import ALIASES, KNOWN, MAY_BE_EMPTY, XPATH_DIRECTIVES, SiteRule, load_rule

REGEX_DIRECTIVES = (
    "match_content", "drop_line", "cut_from", "cut_before", "rewrite", "title_line",
    "text_date", "text_author", "text_sitename",
)  # fmt: skip


@dataclass(frozen=True)
class TestOutcome:
    rule: str
    where: str  # file:line of the test
    status: str  # pass | fail | skip
    messages: tuple[str, ...] = ()


GENERIC_FOLDER = "generic"  # rules/generic/: the cue files every page is read with
GENERIC_DIRECTIVES = ("scope", *CUE_DIRECTIVES, *FIELD_DIRECTIVES)


def check_file(path: Path) -> list[Problem]:
    """Every problem of one rule file, each with its line; a file in a folder named
    GENERIC_FOLDER is a generic cue file, with its own directives (rules/README.md)."""
    try:
        directives, problems = read_rule_file(path)
    except ConfigError as err:
        return [Problem(str(path), 0, err.message.removeprefix(f"{path}: "))]
    if path.parent.name == GENERIC_FOLDER:
        return _generic_problems(directives, problems)
    for d in directives:
        problems.extend(_check_directive(d))
    if not any(p.message.startswith("bad ") for p in problems):
        try:
            _, structural = load_rule(path, "check")
        except ConfigError as err:
            problems.append(_as_problem(err, path))
        else:
            problems.extend(p for p in structural if p not in problems)
    return sorted(set(problems), key=lambda p: p.line)


def _generic_problems(directives: list, problems: list[Problem]) -> list[Problem]:
    """The problems of a generic cue file: a directive only site rules take, a scope that is
    none of SCOPES, a cue without its reason, a regex that does not compile or is slow on
    spaces."""
    for d in directives:
        if d.name not in GENERIC_DIRECTIVES:
            message = f"unknown directive {d.name!r} in a generic cue file"
            problems.append(Problem(d.path, d.line, message))
        elif problem := directive_problem(d):
            problems.append(Problem(d.path, d.line, problem))
        elif d.name != "scope":
            problems.extend(_regex_problems(d))
    return sorted(set(problems), key=lambda p: p.line)


def _check_directive(d) -> list[Problem]:
    name = ALIASES.get(d.name, d.name)
    if name not in KNOWN:
        return [Problem(d.path, d.line, f"unknown directive {d.name!r}")]
    if not d.value and name not in MAY_BE_EMPTY and not (name == "replace_string" and d.arg):
        return [Problem(d.path, d.line, f"{d.name} needs a value")]
    if name in REGEX_DIRECTIVES:
        return _regex_problems(d)
    if name in XPATH_DIRECTIVES:
        from lxml import etree

        try:
            etree.XPath(d.value)
        except etree.XPathSyntaxError as err:
            return [Problem(d.path, d.line, f"bad XPath for {d.name}: {err}")]
    return []


def _regex_problems(d) -> list[Problem]:
    """A directive's regex that does not compile, or that a long run of spaces makes slow."""
    try:
        compile_regex(d)
    except ConfigError as err:
        return [Problem(d.path, d.line, err.message.removeprefix(f"{d.where()}: "))]
    if slow_on_spaces(d.value):
        return [Problem(d.path, d.line, f"slow regex for {d.name}: a long run of spaces takes "
                        "it seconds; write \\s*(X\\s*)? for \\s*X?\\s*, and do not start "
                        "with \\s* (rules/README.md)")]  # fmt: skip
    return []


def _as_problem(err: ConfigError, path: Path) -> Problem:
    head, _, message = err.message.partition(": ")
    line = head.rsplit(":", 1)[-1]
    return Problem(str(path), int(line) if line.isdigit() else 0, message or err.message)


def rule_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return [f for f in files if not f.name.upper().startswith(("LICENSE", "README"))]


def run_rule_tests(
    book: RuleBook, names: tuple[str, ...], sources: tuple[tuple[str, str], ...]
) -> list[TestOutcome]:
    rules = [book.named(n) for n in names] if names else list(book.by_name.values())
    outcomes = []
    for rule in rules:
        for test in rule.tests:
            outcomes.append(_run_one(rule, test, sources))
    return outcomes


def _run_one(rule: SiteRule, test, sources) -> TestOutcome:
    where = f"{rule.path}:{test.line}"
    if test.page is None:
        reason = "test_url needs the network, which cleaner never uses; add a test_page"
        return TestOutcome(rule.name, where, "skip", (reason,))
    page = rule.path.parent / test.page
    if not page.is_file():
        return TestOutcome(rule.name, where, "fail", (f"test page {page} not found",))
    options = Options(site=rule.name, rule_sources=sources, url=test.url, detect_language=False,
                      source=str(page))  # fmt: skip
    try:
        text = to_text(clean(page.read_bytes(), options))
    except CleanerError as err:
        return TestOutcome(rule.name, where, "fail", (err.message,))
    failures = [f"missing: {c!r}" for c in test.contains if c not in text]
    failures += [f"present: {c!r}" for c in test.not_contains if c in text]
    if test.expected:
        failures += _diff(rule.path.parent / test.expected, text)
    return TestOutcome(rule.name, where, "fail" if failures else "pass", tuple(failures))


def _diff(expected_path: Path, text: str) -> list[str]:
    if not expected_path.is_file():
        return [f"expected file {expected_path} not found"]
    expected = expected_path.read_text(encoding="utf-8")
    if expected == text:
        return []
    diff = difflib.unified_diff(
        expected.splitlines(), text.splitlines(), str(expected_path), "cleaner output", lineterm=""
    )
    return ["output differs from the expected file:\n" + "\n".join(diff)]
