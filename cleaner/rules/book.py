"""Where site rules come from, which one wins, and which one a page gets.

Layers, highest precedence first: `--rules DIR` (in the order given), the `CLEANER_RULES`
path list, the user's config folder, then the built-in `rules/sites/`. A rule file for a
host in a higher layer replaces the built-in one whole. Every file of every layer is read
and validated up front, so a broken rule stops the run before any page is cleaned.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..model import Options, Page
from ..urls import host_of, site_host
from .format import Problem, rules_dir
from .literals import shape
from .scan import keywords_in
from .site import SiteRule, load_rule

CONTENT_SCAN_CHARS = 200_000  # match_content looks at this much of a page: bounded cost
BUILT_IN = "built-in"


@dataclass(frozen=True)
class RuleMatch:
    rule: SiteRule
    why: str  # how it was chosen: "--site", "host example.com (from --url)", "content …"
    by_host: bool = False  # chosen by the page's host (a site config, which may have gone stale)


@lru_cache(maxsize=32)
def rule_sources(
    extra_dirs: tuple[str, ...] = (), env: str | None = None, config_dir: str | None = None
) -> tuple[tuple[str, str], ...]:
    """(folder, layer) pairs in precedence order, the built-in folder last."""
    sources = [(d, "--rules") for d in extra_dirs]
    for entry in (env or "").split(os.pathsep):
        if entry.strip():
            if not Path(entry).is_dir():
                raise ConfigError(f"CLEANER_RULES names {entry!r}, which is not a folder")
            sources.append((entry, "CLEANER_RULES"))
    if config_dir and Path(config_dir).is_dir():
        sources.append((config_dir, "config"))
    sources.append((str(rules_dir() / "sites"), BUILT_IN))
    return tuple(sources)


class RuleBook:
    """Every rule in effect: the first file for a name, in precedence order, wins."""

    def __init__(self, rules: list[SiteRule], problems: list[Problem]) -> None:
        self.by_name: dict[str, SiteRule] = {}
        self.shadowed: list[SiteRule] = []
        for rule in rules:
            if rule.name in self.by_name:
                self.shadowed.append(rule)
            else:
                self.by_name[rule.name] = rule
        self.problems = problems
        # each content pattern with the keywords it needs: one scan for all of them costs a
        # fraction of a regex scan over a page of markup (measured on scrapinghub: 3 ms a page
        # for the built-in rules' patterns run directly, 0.12 ms for the scan, scan.py). Left
        # unchecked: the few non-ASCII letters that IGNORECASE folds to ASCII (the Kelvin sign)
        self._by_content = [
            (rule, [(p, _byte_keywords(shape(p).keywords)) for p in rule.match_content])
            for rule in self.by_name.values()
            if rule.match_content
        ]
        self._keywords = tuple(sorted({k for _, found in self._by_content for _, needs in found
                                       for k in needs}))  # fmt: skip

    def named(self, name: str) -> SiteRule:
        rule = self.by_name.get(name) or self.by_name.get(name.removesuffix(".txt"))
        if rule is None:
            raise ConfigError(f"no site rule named {name!r}; `cleaner rules list` shows them")
        return rule

    def for_host(self, host: str) -> SiteRule | None:
        """`example.com.txt` for example.com and www.example.com; `.example.com.txt` for
        any subdomain, the nearest parent first (as FiveFilters looks them up)."""
        host = site_host(host) or ""
        if host in self.by_name:
            return self.by_name[host]
        parts = host.split(".")
        for i in range(1, len(parts)):
            wildcard = "." + ".".join(parts[i:])
            if wildcard in self.by_name:
                return self.by_name[wildcard]
        return None

    def for_content(self, text: str, utf8: bytes | None = None) -> tuple[SiteRule, str] | None:
        """The first rule a match_content pattern of which finds in the page's head; `utf8`,
        the text's own UTF-8 when the caller has it (Page.utf8: not encoded again)."""
        head = text[:CONTENT_SCAN_CHARS]
        # the patterns ignore case and their keywords are lower-cased: the scan of the page's
        # UTF-8 bytes folds ASCII case as they do
        exact = utf8 is not None and head is text  # else: the head's own bytes
        data = utf8 if exact else head.encode("utf-8", "surrogatepass")
        present = keywords_in(data, self._keywords)
        for rule, patterns in self._by_content:
            for pattern, needs in patterns:
                if needs and not needs & present:
                    continue
                found = pattern.search(head)
                if found:
                    return rule, found.group(0)
        return None

    def resolve(self, page: Page, site: str | None, by_host: bool = True) -> RuleMatch | None:
        """The rule for a page: forced by name, else by address (the one given, else the
        one an HTML page states; not with `by_host` off), else by content."""
        if site:
            return RuleMatch(self.named(site), "--site")
        addresses = ((page.url, "--url"), (page.own_url, "the page's own address"))
        for address, origin in addresses if by_host else ():
            host = host_of(address)
            rule = self.for_host(host) if host else None
            if rule is not None:
                return RuleMatch(rule, f"host {host} (from {origin})", by_host=True)
        found = self.for_content(page.text, page.utf8)
        if found:
            rule, matched = found
            return RuleMatch(rule, f"content: match_content found {matched[:60]!r}")
        return None


def _byte_keywords(keywords: frozenset[str]) -> frozenset[bytes]:
    """The keywords as UTF-8, for a page lowered as bytes: only ASCII letters fold there, so
    a keyword with a cased letter outside ASCII (É) gives no check (the regex always runs)."""
    if any(not k.isascii() and k.upper() != k for k in keywords):
        return frozenset()
    return frozenset(k.encode("utf-8") for k in keywords)


@lru_cache(maxsize=8)
def load_rulebook(sources: tuple[tuple[str, str], ...]) -> RuleBook:
    """Every rule file of every source, read once per process."""
    rules, problems = [], []
    for folder, layer in sources:
        for path in _rule_files(Path(folder), layer):
            if path.name.upper().startswith(("LICENSE", "README")):
                continue
            rule, found = load_rule(path, layer)
            rules.append(rule)
            problems.extend(found)
    return RuleBook(rules, problems)


def _rule_files(folder: Path, layer: str) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    except OSError as err:
        raise ConfigError(
            f"{folder}: cannot read this rules folder ({layer}: {err.strerror}); check its "
            "permissions, or leave it out"
        ) from None


def find_rule(page: Page, options: Options, by_host: bool = True) -> RuleMatch | None:
    """The site rule for a page, if rules are on and one matches (see RuleBook.resolve)."""
    if not options.use_rules:
        return None
    book = load_rulebook(options.rule_sources or rule_sources())
    return book.resolve(page, options.site, by_host)
