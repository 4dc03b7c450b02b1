"""Stage 3 for HTML pages: one lxml parse, the site rule's HTML directives on the tree, then
trafilatura on that tree (or the rule's body block), then the same line rules and cues as
text dumps on what was kept. When nothing is found, the page's visible text goes through
the text-dump cleaner instead (method `text-fallback`)."""

from __future__ import annotations

import re
from dataclasses import replace

from .cues import CueSet
from .lines import describe
from .model import Extracted, Metadata, Removal
from .ruletext import RuledText, apply_rule_to_paragraphs, find_replace
from .siterules import SiteRule
from .textdump import extract_text

_TAG = re.compile(r"<[^>]+>")


def extract_html(
    page: str, cues: CueSet, url: str | None, rule: SiteRule | None, explain: bool = False
) -> tuple[Extracted, RuledText | None]:
    effects = []
    if rule is not None:
        page, effects = find_replace(page, rule)
    tree = _parse(page)
    if tree is None:
        fallback = extract_text(_TAG.sub("\n", page), cues, url, explain)
        return replace(fallback, method="text-fallback"), None
    from .rulehtml import apply_tree_rule  # lxml loads only for HTML pages

    found = apply_tree_rule(tree, rule) if rule is not None else None
    extracted = _extract(tree, found, rule, cues, url, explain)
    if rule is None:
        return extracted, None
    paragraphs, ruled = apply_rule_to_paragraphs(extracted.paragraphs, rule)
    ruled = replace(ruled, effects=tuple(effects) + found.effects + ruled.effects)
    return replace(extracted, paragraphs=paragraphs), ruled


def _extract(tree, found, rule, cues, url, explain) -> Extracted:
    if found is not None and found.body:
        from .rulehtml import block_text

        text = block_text(found.body)
        paragraphs, removed = _drop_cue_lines(text.splitlines(), cues, found.title)
        method = "site-rule-body"
        if rule.prune:  # FiveFilters' prune: let the extractor clean inside the block
            pruned = _trafilatura(_wrap(found.body), url)
            if pruned is not None and (pruned.text or "").strip():
                paragraphs, removed = _drop_cue_lines(pruned.text.splitlines(), cues, found.title)
                method = "site-rule-body+trafilatura"
        metadata = Metadata(found.title, found.date, found.author, None, url)
        return Extracted(found.title, paragraphs, metadata, removed, method)
    result = _trafilatura(tree, url)
    if result is None or not (result.text or "").strip():
        fallback = extract_text(_visible_text(tree), cues, url, explain)
        return replace(fallback, method="text-fallback")
    title = (found.title if found and found.title else None) or (result.title or "").strip() or None
    paragraphs, removed = _drop_cue_lines(result.text.splitlines(), cues, title)
    metadata = Metadata(
        title=title,
        date=(found.date if found and found.date else None) or result.date,
        author=(found.author if found and found.author else None) or result.author,
        sitename=result.sitename,
        url=url or result.url,
    )
    return Extracted(title, paragraphs, metadata, removed, "trafilatura")


def _trafilatura(tree, url: str | None):
    from trafilatura import bare_extraction  # heavy import: only HTML pages pay for it

    return bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # htmldate's extensive search falls back to dateparser: seconds per page at worst
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _drop_cue_lines(
    lines: list[str], cues: CueSet, title: str | None
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    kept, removed = [], []
    for number, line in enumerate(lines, start=1):
        info = describe(number, line, cues)
        if not info.text:
            continue
        if title and info.text == title:
            removed.append(Removal(number, info.text, "title-repeat"))
        elif info.cue is not None:
            removed.append(Removal(number, info.text, info.cue.reason, info.cue.origin))
        else:
            kept.append(info.text)
    return tuple(kept), tuple(removed)


def _parse(page: str):
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _wrap(elements: list):
    from copy import deepcopy

    from lxml import html as lxml_html

    document = lxml_html.document_fromstring("<html><body></body></html>")
    body = document.find("body")
    for element in elements:
        body.append(deepcopy(element))
    return document


def _visible_text(tree) -> str:
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    title = tree.findtext(".//title") or ""
    body = tree.find("body")
    text = "\n".join(t.strip() for t in (body if body is not None else tree).itertext())
    return title.strip() + "\n" + text
