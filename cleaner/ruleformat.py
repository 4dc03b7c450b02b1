"""The `directive: value` file format of FiveFilters / ftr-site-config rule files.

One directive per line, `#` starts a comment, a directive may repeat, and an argument may sit
in parentheses (`replace_string(find): repl`). The generic cue files under `rules/generic/`
use the same format, so one parser and one set of error messages serve both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.-]*)(?:\(([^)]*)\))?\s*:\s?(.*)$")


@dataclass(frozen=True)
class Directive:
    name: str
    arg: str | None  # the text in parentheses, if any
    value: str
    path: str
    line: int

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def parse_rule_text(text: str, path: str) -> list[Directive]:
    """Parse a rule file's text; ConfigError names `path:line` on a malformed line."""
    directives = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise ConfigError(f"{path}:{number}: not a 'directive: value' line: {line[:60]!r}")
        name, arg, value = match.group(1).lower(), match.group(2), match.group(3).strip()
        directives.append(Directive(name, arg, value, path, number))
    return directives


def read_rule_file(path: Path) -> list[Directive]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: rule files must be UTF-8 text; re-save it as UTF-8") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read rule file ({err.strerror})") from None
    return parse_rule_text(text, str(path))


def compile_regex(directive: Directive) -> re.Pattern[str]:
    """Compile a directive's value as a case-insensitive regex; ConfigError on a bad one."""
    if not directive.value:
        raise ConfigError(f"{directive.where()}: {directive.name} needs a regex value")
    try:
        return re.compile(directive.value, re.IGNORECASE)
    except re.error as err:
        raise ConfigError(f"{directive.where()}: bad regex for {directive.name}: {err}") from None


def rules_dir() -> Path:
    """The built-in rules: packaged as cleaner/_rules in a wheel, `rules/` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"built-in rules not found next to {here}; reinstall cleaner")
