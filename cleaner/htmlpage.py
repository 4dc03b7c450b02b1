"""Stage 3 for HTML pages: trafilatura finds the body, then the same cue lines as text dumps
are dropped from what it kept. When trafilatura finds nothing, the page's visible text goes
through the text-dump cleaner instead (method `text-fallback`)."""

from __future__ import annotations

import re
from dataclasses import replace

from .cues import CueSet
from .lines import describe
from .model import Extracted, Metadata, Removal
from .textdump import extract_text

_TAG = re.compile(r"<[^>]+>")


def extract_html(html: str, cues: CueSet, url: str | None = None) -> Extracted:
    tree = _parse(html)
    if tree is None:
        return replace(extract_text(_TAG.sub("\n", html), cues, url), method="text-fallback")
    from trafilatura import bare_extraction  # heavy import: only HTML pages pay for it

    result = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if result is None or not (result.text or "").strip():
        return replace(extract_text(_visible_text(tree), cues, url), method="text-fallback")
    title = (result.title or "").strip() or None
    paragraphs, removed = _drop_cue_lines(result.text.splitlines(), cues, title)
    metadata = Metadata(
        title=title,
        date=result.date,
        author=result.author,
        sitename=result.sitename,
        url=url or result.url,
    )
    return Extracted(title, paragraphs, metadata, removed, "trafilatura")


def _drop_cue_lines(
    lines: list[str], cues: CueSet, title: str | None
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    kept, removed = [], []
    for number, line in enumerate(lines, start=1):
        info = describe(number, line, cues)
        if info.blank:
            continue
        if title and info.text == title:
            removed.append(Removal(number, info.text, "title-repeat"))
        elif info.cue is not None:
            removed.append(Removal(number, info.text, info.cue.reason))
        else:
            kept.append(info.text)
    return tuple(kept), tuple(removed)


def _parse(html: str):
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    return tree


def _visible_text(tree) -> str:
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    title = tree.findtext(".//title") or ""
    body = tree.find("body")
    text = "\n".join(t.strip() for t in (body if body is not None else tree).itertext())
    return title.strip() + "\n" + text
