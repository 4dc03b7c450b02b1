"""One site rule: an ftr-site-config file, plus the text-dump directives cleaner adds.

See rules/README.md for every directive. Loading follows FiveFilters (unknown directives and
lines without ':' are skipped); a regex or XPath that does not compile is a ConfigError
naming file:line. `problems` lists everything `cleaner rules check` reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ConfigError
from ..model import PAGE_KINDS
from .cues import Cue
from .format import Directive, Problem, compile_regex, read_rule_file

XPATH_DIRECTIVES = ("title", "body", "date", "author", "strip")
HTML_DIRECTIVES = XPATH_DIRECTIVES + (
    "strip_id_or_class", "strip_image_src", "find_string", "replace_string", "prune", "tidy",
)  # fmt: skip
TEXT_DIRECTIVES = (
    "match_content", "drop_line", "cut_from", "cut_before", "rewrite", "rewrite_to",
    "title_line", "text_date", "text_author", "text_sitename", "page_kind",
)  # fmt: skip
TEST_DIRECTIVES = ("test_url", "test_page", "test_contains", "test_not_contains", "test_expected")
# FiveFilters directives cleaner accepts but has no use for (it never fetches pages).
_WHY_IGNORED = {  # why: the directives
    "cleaner does not follow links": (
        "single_page_link single_page_link_in_feed next_page_link autodetect_next_page "
        "if_page_contains"
    ),
    "cleaner does not fetch pages": (
        "http_header requires_login login_uri login_username_field login_password_field "
        "login_extra_fields not_logged_in_xpath"
    ),
    "cleaner always parses with lxml": "parser",
    "trafilatura always runs when no body rule matches": "autodetect_on_failure",
    "cleaner outputs text only": (
        "insert_detected_image src_lazy_load_attr wrap_in dissolve move_into post_strip_attr"
    ),
    "not used": "skip_json_ld native_ad_clue footnotes skip_id_or_class",
    "lxml handles <br> runs": "convert_double_br_tags",
    "HTML comments never reach the text": "strip_comments",
}  # fmt: skip
IGNORED_FTR = {name: why for why, names in _WHY_IGNORED.items() for name in names.split()}
ALIASES = {"strip_attr": "strip"}  # as in FiveFilters
MAY_BE_EMPTY = ("replace_string", "rewrite_to")
KNOWN = set(HTML_DIRECTIVES + TEXT_DIRECTIVES + TEST_DIRECTIVES) | set(IGNORED_FTR) | set(ALIASES)
_LEADING_WORD = re.compile(r"^\s*([A-Za-z_]+)")


@dataclass(frozen=True)
class RuleTest:
    """A test a rule carries: a local page (or a URL, which cleaner cannot fetch) and checks."""

    line: int
    page: str | None = None
    url: str | None = None
    contains: tuple[str, ...] = ()
    not_contains: tuple[str, ...] = ()
    expected: str | None = None


@dataclass(frozen=True)
class Rewrite:
    pattern: re.Pattern[str]
    replacement: str
    where: str


@dataclass(frozen=True)
class SiteRule:
    name: str  # the file name without .txt: a host, '.host' for its subdomains, or a label
    path: Path
    layer: str  # where it was found: --rules, CLEANER_RULES, config, built-in
    # HTML (FiveFilters)
    title: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    strip_id_or_class: tuple[str, ...] = ()
    strip_image_src: tuple[str, ...] = ()
    replacements: tuple[tuple[str, str], ...] = ()
    prune: bool = True
    tidy: bool = False
    # text dumps (cleaner)
    match_content: tuple[re.Pattern[str], ...] = ()
    cues: tuple[Cue, ...] = ()  # drop_line and cut_from, applied before the generic cues
    cut_before: tuple[Cue, ...] = ()
    rewrites: tuple[Rewrite, ...] = ()
    title_line: tuple[re.Pattern[str], ...] = ()
    fields: tuple[tuple[str, re.Pattern[str]], ...] = ()
    page_kind: str | None = None  # article | thread: overrides the page's own evidence
    tests: tuple[RuleTest, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # ignored directives, for --explain

    @property
    def hosts(self) -> tuple[str, ...]:
        """Hosts the file name covers: `example.com` and `www.example.com`, or `*.example.com`."""
        if "." not in self.name.strip("."):
            return ()
        if self.name.startswith("."):
            return ("*" + self.name,)
        return (self.name, "www." + self.name)


def load_rule(path: Path, layer: str) -> tuple[SiteRule, list[Problem]]:
    """Read and validate one rule file."""
    directives, problems = read_rule_file(path)
    _refuse_missing_colons(problems)
    values: dict[str, list] = {}
    notes: list[str] = []
    for d in directives:
        name = ALIASES.get(d.name, d.name)
        if not d.value and name not in MAY_BE_EMPTY and not (name == "replace_string" and d.arg):
            problems.append(Problem(d.path, d.line, f"{d.name} needs a value"))
        elif name in IGNORED_FTR:
            notes.append(f"{d.where()}: {d.name} ignored ({IGNORED_FTR[name]})")
        elif name not in HTML_DIRECTIVES + TEXT_DIRECTIVES + TEST_DIRECTIVES:
            problems.append(Problem(d.path, d.line, f"unknown directive {d.name!r}"))
            notes.append(f"{d.where()}: unknown directive {d.name!r} ignored")
        else:
            values.setdefault(name, []).append(d)
    rule = SiteRule(
        name=path.name[:-4] if path.name.endswith(".txt") else path.name,
        path=path,
        layer=layer,
        **_html_fields(values, problems),
        **_text_fields(values),
        page_kind=_page_kind(values),
        tests=_tests(values),
        notes=tuple(notes),
    )
    return rule, problems


def _refuse_missing_colons(problems: list[Problem]) -> None:
    """A known directive without its colon (`drop_line(x) ^re`) is a syntax error: skipping
    it would silently lose the rule. Other free text is skipped, as FiveFilters does."""
    for problem in problems:
        word = _LEADING_WORD.match(problem.text)
        if word and word.group(1).lower() in KNOWN:
            raise ConfigError(
                f"{problem.path}:{problem.line}: syntax error: {word.group(1)} needs "
                f"'{word.group(1)}: value' (a colon after the directive)"
            )


def _html_fields(values: dict[str, list], problems: list[Problem]) -> dict:
    out: dict = {}
    for name in XPATH_DIRECTIVES:
        checked = [(d, _xpath(d)) for d in values.get(name, ())]
        problems.extend(Problem(d.path, d.line, why) for d, why in checked if why)
        out[name] = tuple(d.value for d, why in checked if not why)
    out["strip_id_or_class"] = tuple(d.value for d in values.get("strip_id_or_class", ()))
    out["strip_image_src"] = tuple(d.value for d in values.get("strip_image_src", ()))
    out["replacements"] = _replacements(values, problems)
    out["prune"] = _flag(values, "prune", default=True)
    out["tidy"] = _flag(values, "tidy", default=False)
    return out


def _text_fields(values: dict[str, list]) -> dict:
    def regexes(name: str) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_regex(d) for d in values.get(name, ()))

    def cues(name: str) -> tuple[Cue, ...]:
        return tuple(
            Cue(name, (d.arg or "site-rule").strip(), compile_regex(d), "any", d.where())
            for d in values.get(name, ())
        )

    return {
        "match_content": regexes("match_content"),
        "cues": cues("drop_line") + cues("cut_from"),
        "cut_before": cues("cut_before"),
        "rewrites": _rewrites(values),
        "title_line": regexes("title_line"),
        "fields": tuple(
            (name, compile_regex(d))
            for name in ("text_date", "text_author", "text_sitename")
            for d in values.get(name, ())
        ),
    }


def _page_kind(values: dict[str, list]) -> str | None:
    if not values.get("page_kind"):
        return None
    last = values["page_kind"][-1]
    if last.value.lower() not in PAGE_KINDS:
        raise ConfigError(f"{last.where()}: page_kind must be one of {', '.join(PAGE_KINDS)}")
    return last.value.lower()


def _xpath(d: Directive) -> str | None:
    """Why the directive's XPath cannot serve (None: it can). One that does not compile is a
    ConfigError; one that calls a function XPath 1.0 lacks compiles, and libxml2 would fail
    only when a page runs it: the directive is skipped, as a problem `rules check` reports,
    so that one such file does not stop a collection of thousands."""
    from lxml import etree  # only rule files with XPath directives need lxml

    try:
        etree.XPath(d.value)
    except etree.XPathSyntaxError as err:
        raise ConfigError(f"{d.where()}: bad XPath for {d.name}: {err}") from None
    unknown = [f for f in _FUNCTION.findall(_QUOTED.sub("''", d.value)) if f not in XPATH_1]
    if unknown:
        return (f"bad XPath for {d.name}: unknown function {unknown[0]}() (XPath 1.0 has no "
                "such function; the directive is skipped)")  # fmt: skip
    return None


XPATH_1 = frozenset((
    "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
    "starts-with", "contains", "substring-before", "substring-after", "substring",
    "string-length", "normalize-space", "translate", "boolean", "not", "true", "false", "lang",
    "number", "sum", "floor", "ceiling", "round", "node", "text", "comment",
    "processing-instruction", "and", "or", "div", "mod",
))  # fmt: skip
# XPath 1.0 functions and node tests (all libxml2 knows without namespaces), and the operators
# that may stand before a parenthesis
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_FUNCTION = re.compile(r"(?<![\w.@$:-])([A-Za-z_][\w.-]*(?::[\w.-]+)?)\s*\(")


def _flag(values: dict[str, list], name: str, default: bool) -> bool:
    given = values.get(name)
    return given[-1].value.lower() in ("yes", "true") if given else default


def _replacements(values: dict[str, list], problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    """find_string/replace_string pairs in order, and replace_string(find): replacement."""
    finds = [d for d in values.get("find_string", ())]
    plain = [d for d in values.get("replace_string", ()) if d.arg is None]
    pairs = [(d.arg, d.value) for d in values.get("replace_string", ()) if d.arg is not None]
    if len(finds) != len(plain):
        where = (finds or plain)[0]
        problems.append(
            Problem(where.path, where.line, "find_string and replace_string lines must pair up")
        )
    pairs.extend((f.value, r.value) for f, r in zip(finds, plain, strict=False))
    return tuple(pairs)


def _rewrites(values: dict[str, list]) -> tuple[Rewrite, ...]:
    """Each `rewrite: REGEX` takes the `rewrite_to:` that follows it (empty if none)."""
    ordered = sorted(values.get("rewrite", []) + values.get("rewrite_to", []), key=lambda d: d.line)
    out: list[Rewrite] = []
    for d in ordered:
        if d.name == "rewrite":
            out.append(Rewrite(compile_regex(d), "", d.where()))
        elif out and not out[-1].replacement:
            _check_template(d, out[-1].pattern)
            out[-1] = Rewrite(out[-1].pattern, d.value, out[-1].where)
        else:
            raise ConfigError(f"{d.where()}: rewrite_to must follow a rewrite line")
    return tuple(out)


def _check_template(d: Directive, pattern: re.Pattern[str]) -> None:
    """Expand the replacement against an empty match with the pattern's groups, so that a
    bad group reference fails when the rule loads, not on some page later."""
    names = {number: name for name, number in pattern.groupindex.items()}
    groups = (f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, pattern.groups + 1))
    try:
        re.compile("".join(groups)).match("").expand(d.value)
    except (re.error, IndexError) as err:
        raise ConfigError(f"{d.where()}: bad replacement for rewrite_to: {err}") from None


def _tests(values: dict[str, list]) -> tuple[RuleTest, ...]:
    ordered = sorted(
        (d for name in TEST_DIRECTIVES for d in values.get(name, ())), key=lambda d: d.line
    )
    tests: list[RuleTest] = []
    for d in ordered:
        if d.name in ("test_url", "test_page"):
            key = "url" if d.name == "test_url" else "page"
            tests.append(RuleTest(line=d.line, **{key: d.value}))
        elif not tests:
            raise ConfigError(f"{d.where()}: {d.name} must follow a test_page or test_url line")
        else:
            last = tests[-1]
            if d.name == "test_expected":
                tests[-1] = replace(last, expected=d.value)
            else:
                key = "contains" if d.name == "test_contains" else "not_contains"
                tests[-1] = replace(last, **{key: getattr(last, key) + (d.value,)})
    return tuple(tests)
