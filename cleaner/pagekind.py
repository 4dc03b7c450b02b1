"""Which kind of page this is: an article, whose comment section is boilerplate; a thread (a
forum thread, a Q&A page), whose posts and replies are the body; or a product, documentation,
collection, listing or service page, read like an article but with trafilatura's balanced
setting (see html/prepare.focus_for).

A thread's evidence, any one of which makes a thread (rules/generic/threads.txt): the page's
address (`thread_url`: /thread/…, viewtopic.php…), the forum software its generator meta tag
names, the schema.org types it declares. The other kinds' evidence (rules/generic/kinds.txt):
og:type, schema.org types, the address; an article's own evidence (og:type article, an Article
type, a date in the address) outranks it. A site rule's `page_kind:` or `--page-kind`
overrides all of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import ARTICLE, Options, Page, PageFacts, PageKind, Reading
from .rules.cuefiles import build_cueset
from .rules.cues import CueSet
from .rules.site import SiteRule
from .urls import split_url

DECLARED_KINDS = ("product", "documentation", "collection", "listing", "service")  # tried in
# this order once a page shows no thread's and no article's evidence
_EVERYWHERE = ("og", "schema", "url", "host")
# which claims decide a page's kind, strongest first: a documentation schema type
# (TechArticle), a date in the address (an article), an index's address (a listing, whatever
# og:type a theme writes), an article's og:type or schema.org type, then the other kinds
PRECEDENCE = (
    ("documentation", ("schema",)),
    ("article", ("url",)),
    ("listing", ("index",)),
    ("article", _EVERYWHERE),
    *((kind, _EVERYWHERE) for kind in DECLARED_KINDS),
)
_WHAT = {"og": "og:type", "schema": "schema.org type", "url": "address", "host": "host",
         "index": "an index's address"}  # fmt: skip
_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')


def evidence_kind(facts: PageFacts, address: str | None, cues: CueSet) -> PageKind:
    """The kind of a page from its address and what an HTML page's markup says of itself
    (`facts`: its generator meta tag, og:type, the schema.org types it declares; none for a
    text dump)."""
    found = url_evidence(address, cues)
    if found:
        return found
    for generator in facts.generators:
        if any(p.search(generator) for p in cues.field_patterns("thread_generator")):
            return PageKind("thread", f"generator {generator.strip()[:60]!r}")
    claims = _claims(facts, address, cues)
    evidence = _evidence("thread", claims, cues, ("schema",))
    if evidence:
        return PageKind("thread", evidence)
    return _declared_kind(claims, cues) or ARTICLE


@dataclass(frozen=True)
class Claims:
    """What a page declares of itself: its og:type values, its schema.org type names, its
    address's path and query, and its host (lower case; empty without an address)."""

    og: tuple[str, ...]
    schema: tuple[str, ...]
    url: str
    host: str

    @property
    def index(self) -> str:
        """The address's path and query, as the `listing_index` patterns read it."""
        return self.url


def _claims(facts: PageFacts, address: str | None, cues: CueSet) -> Claims:
    og = tuple(t.strip().lower() for t in facts.og_types)
    schema = tuple(_schema_types(facts))
    parts = split_url(address)
    if parts is None:
        return Claims(og, schema, "", "")
    query = _without_tracking(parts.query, cues)
    where = (parts.path or "/") + (f"?{query}" if query else "")
    if parts.fragment.startswith(("/", "!")):  # a route in the fragment: `/#/post?id=1`
        where += f"#{parts.fragment}"
    return Claims(og, schema, where.lower(), (parts.hostname or "").lower())


def _without_tracking(query: str, cues: CueSet) -> str:
    """The query without the parameters a click's tracker adds (`tracking_param` patterns:
    `utm_source`, `gclid`, `srsltid`): they name no page, and `/?srsltid=…` is a front page."""
    patterns = cues.field_patterns("tracking_param")
    pairs = [(pair, pair.split("=", 1)[0]) for pair in query.split("&")]
    return "&".join(pair for pair, name in pairs if not any(p.search(name) for p in patterns))


def _declared_kind(claims: Claims, cues: CueSet) -> PageKind | None:
    """The first kind of PRECEDENCE whose evidence the claims hold (rules/generic/kinds.txt)."""
    for kind, where in PRECEDENCE:
        evidence = _evidence(kind, claims, cues, where)
        if evidence:
            return PageKind(kind, evidence)
    return None


def _evidence(kind: str, claims: Claims, cues: CueSet,
              where: tuple[str, ...] = _EVERYWHERE) -> str | None:  # fmt: skip
    """What of `claims` is evidence of `kind` (the `{kind}_{where}` patterns), in words."""
    for field in where:
        values = getattr(claims, field)
        for value in (values,) if isinstance(values, str) else values:
            if value and any(p.search(value) for p in cues.field_patterns(f"{kind}_{field}")):
                return f"{_WHAT[field]} {value[:80]!r}"
    return None


def _schema_types(facts: PageFacts) -> list[str]:
    """schema.org type names from itemtype attributes and JSON-LD "@type" values."""
    names = []
    for value in facts.itemtypes:
        names.extend(url.rstrip("/").rsplit("/", 1)[-1] for url in value.split())
    for value in facts.json_ld:
        for found in _LD_TYPE.findall(value):
            names.extend(re.findall(r'"([^"]+)"', found))
    return names


def url_evidence(address: str | None, cues: CueSet) -> PageKind | None:
    """A thread, when the address's host, or its path and query, look like a forum's or a
    Q&A site's."""
    parts = split_url(address)
    if parts is None:
        return None
    where = parts.path + (f"?{parts.query}" if parts.query else "")
    for field, text in (("thread_host", parts.hostname or ""), ("thread_url", where)):
        for pattern in cues.field_patterns(field):
            found = pattern.search(text)
            if found:
                return PageKind("thread", f"address {text[:80]!r} ({found.group(0)!r})")
    return None


def page_kind(options: Options, rule: SiteRule | None, cues: CueSet, page: Page,
              facts: PageFacts | None = None) -> PageKind:  # fmt: skip
    """`--page-kind`, else the site rule's `page_kind:`, else the page's own evidence: its
    address (given, or the one an HTML page states), and what an HTML page's markup says of
    itself when it was parsed (a text dump's kind is read off its address alone)."""
    if options.page_kind != "auto":
        return PageKind(options.page_kind, "--page-kind")
    if rule is not None and rule.page_kind:
        return PageKind(rule.page_kind, f"site rule {rule.name}")
    return evidence_kind(facts or PageFacts(), page.address, cues)


def reading_for(kind: PageKind, rule: SiteRule | None, cues: CueSet, options: Options) -> Reading:
    """What the extractors are given once the page kind is known: the cues read for that kind
    (and for --comments), the kind, the rule, the options."""
    return Reading(cues_for_kind(cues, kind, options.comments), kind, rule, options)


def cues_for_kind(cues: CueSet, kind: PageKind, comments: bool = False) -> CueSet:
    """On a thread page a comment-section marker ("23 replies") opens the posts, which are
    the body, and with --comments it opens an article's comments, which are kept: its
    cut_from cues only drop their own line there."""
    return _thread_cues(cues) if kind.thread or comments else cues


@lru_cache(maxsize=8)
def _thread_cues(cues: CueSet) -> CueSet:
    kept = [
        replace(cue, kind="drop_line")
        if cue.kind == "cut_from" and cue.reason == "comments"
        else cue
        for cue in cues.cues
    ]
    return build_cueset(kept, list(cues.fields))
