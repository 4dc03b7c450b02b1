"""The `directive: value` file format of FiveFilters / ftr-site-config rule files.

Parsed as FiveFilters' own SiteConfig does: a line is split at its first ':', `#` starts a
comment, a line with no ':' is skipped, a directive may repeat, and `name(arg): value` carries
an argument that runs to the last ')' (`replace_string(<b>): ` replaces `<b>` by nothing).
One extension: an argument may hold a colon (`replace_string(a:b): c`), which FiveFilters
drops; the line is then split at the first '):'.
Loading is lenient, as there; `problems()` is the strict reading that `cleaner rules check`
reports. The generic cue files under `rules/generic/` use the same format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError

_NAME = re.compile(r"^([A-Za-z0-9_]+)(?:\((.*)\))?$", re.DOTALL)
_ARG_WITH_COLON = re.compile(r"^([A-Za-z0-9_]+)\((.*?)\)\s*:(.*)$")


@dataclass(frozen=True)
class Directive:
    name: str
    arg: str | None  # the text in parentheses, if any
    value: str
    path: str
    line: int

    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """A line the lenient reading skipped: `rules check` reports it, loading ignores it."""

    path: str
    line: int
    message: str
    text: str = ""  # the line as written, for a skipped line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def parse_rule_text(text: str, path: str) -> tuple[list[Directive], list[Problem]]:
    """Directives of a rule file, and the lines that are not directives."""
    directives, problems = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        command, colon, value = line.partition(":")
        match = _NAME.match(command.strip())
        if colon and not match:  # `replace_string(a:b): c` — the argument holds a colon
            match = _ARG_WITH_COLON.match(line)
            value = match.group(3) if match else value
        if not colon or not match:
            message = f"not a 'directive: value' line: {line[:60]!r}"
            problems.append(Problem(path, number, message, line))
            continue
        name, arg = match.group(1).lower(), match.group(2)
        directives.append(Directive(name, arg, value.strip(), path, number))
    return directives, problems


def read_rule_file(path: Path) -> tuple[list[Directive], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: rule files must be UTF-8 text; re-save it as UTF-8") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read rule file ({err.strerror})") from None
    return parse_rule_text(text, str(path))


def compile_regex(directive: Directive, value: str | None = None) -> re.Pattern[str]:
    """Compile a directive's regex (case-insensitive); ConfigError names file:line."""
    source = directive.value if value is None else value
    if not source:
        raise ConfigError(f"{directive.where()}: {directive.name} needs a regex value")
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as err:
        raise ConfigError(f"{directive.where()}: bad regex for {directive.name}: {err}") from None


def rules_dir() -> Path:
    """The built-in rules: packaged as cleaner/_rules in a wheel, `rules/` in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the cleaner package
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"built-in rules not found next to {here}; reinstall cleaner")
