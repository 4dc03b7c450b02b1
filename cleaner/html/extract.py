"""Stage 3 for HTML pages: one lxml parse, the site rule's HTML directives on the tree, then
trafilatura on that tree (or the rule's body block), then the same line rules and cues as
text dumps on what was kept. When nothing is found, the page's visible text goes through
the text-dump cleaner instead (method `text-fallback`)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..model import Extracted, Metadata, Options, PageKind, Removal
from ..pagekind import cues_for_kind, page_kind
from ..rules.cues import CueSet
from ..rules.site import SiteRule
from ..rules.text import RuledText, apply_rule_to_paragraphs, find_replace
from ..textdump.body import CUT_MIN_SHARE, TAIL_REASONS
from ..textdump.extract import extract_text, same_headline
from ..textdump.features import CJK_RUN, CJK_WORD_RATIO, line_cues
from .visible import visible_text

# trafilatura kept under FALLBACK_SHARE of the visible text (spaces aside): look again, and
# take the text cleaner's body when it is FALLBACK_GAIN times longer. Measured on the four
# HTML bench sets (511 pages): at 0.1 the fallback fired on 16 pages and lost 0.005-0.026
# F1 on the article sets (short articles on long pages); at 0.01 it fires on none of them.
FALLBACK_SHARE = 0.01
FALLBACK_GAIN = 5.0
# trafilatura needs ~1.5 s and ~35 MB of memory per MB of page (a 50 MB page: 74 s, 1.8 GB);
# past this size the text cleaner reads the markup's text instead (method `text-large-page`)
LARGE_PAGE_CHARS = 5_000_000
# captions longer than the rest of what trafilatura kept: a photo story, whose captions are
# its body, and stay (measured: one magichtml-article page +0.58 F1, no other page of the HTML
# bench sets changes at any share from 0.3 to 1.0)
PHOTO_STORY_SHARE = 1.0
LIST_MARK = "- "  # trafilatura's mark of a list item: cues read the item's own text
# an article's first lines that restate the headline in other words (the headline with its
# site's name, a video's title over it) are title repeats; a title longer than a headline is a
# post's own text (X puts the whole post in <title>), and a thread's first post may restate
# the question: neither is searched. Measured: magichtml-article +0.001, scrapinghub +0.0002
# (3 lines; 5 lost a zh-cwced lead paragraph); on threads -0.014 on magichtml-forum.
TITLE_REPEAT_LINES = 3
HEADLINE_MAX_CHARS = 120
# trafilatura's precision setting kept no line this heavy (space-separated words; a CJK
# character 0.6): no body, read the page again with the balanced setting. Measured on the
# HTML bench sets: any weight from 5 to 8 gains one scrapinghub page (+0.95: a reprint notice
# and a bare address were all it kept) and changes no other; from 10 on a short forum answer
# is lost.
SENTENCE_MIN_WEIGHT = 6


def extract_html(
    page: str, cues: CueSet, rule: SiteRule | None, options: Options
) -> tuple[Extracted, RuledText | None]:
    url, explain = options.url, options.explain
    effects = []
    if rule is not None:
        page, effects = find_replace(page, rule)
    tree = _parse(page) if len(page) <= LARGE_PAGE_CHARS else None
    kind = page_kind(options, rule, cues, tree)
    cues = cues_for_kind(cues, kind)
    if tree is None:  # too large for trafilatura, or not parseable: the markup's text
        from_markup = extract_text(visible_text(None, page), cues, url, explain, thread=kind.thread)
        method = "text-large-page" if len(page) > LARGE_PAGE_CHARS else "text-fallback"
        return replace(from_markup, method=method, page_kind=kind), None
    from ..rules.tree import apply_tree_rule  # lxml loads only for HTML pages

    found = apply_tree_rule(tree, rule) if rule is not None else None
    extracted = replace(_extract(tree, page, found, rule, cues, options, kind), page_kind=kind)
    if rule is None:
        return extracted, None
    paragraphs, ruled = apply_rule_to_paragraphs(extracted.paragraphs, rule)
    ruled = replace(ruled, effects=tuple(effects) + found.effects + ruled.effects)
    return replace(extracted, paragraphs=paragraphs), ruled


def _extract(tree, page: str, found, rule, cues, options: Options, kind: PageKind) -> Extracted:
    url = options.url
    if found is not None and found.body:
        from ..rules.tree import block_text

        text = block_text(found.body)
        title = found.title or _title(tree)  # the rule's own title, else the page's
        paragraphs, removed = _drop_cue_lines(text.splitlines(), cues, title)
        method = "site-rule-body"
        if rule.prune:  # FiveFilters' prune: let the extractor clean inside the block
            pruned = _trafilatura(_wrap(found.body), replace(options, metadata=False), kind)
            if pruned is not None and (pruned.text or "").strip():
                paragraphs, removed = _drop_cue_lines(pruned.text.splitlines(), cues, title)
                method = "site-rule-body+trafilatura"
        metadata = Metadata(title, found.date, found.author, None, url)
        return Extracted(title, paragraphs, metadata, removed, method)
    result, paragraphs, removed = _trafilatura_body(tree, found, cues, options, kind)
    fallback = _fallback(tree, page, "".join(paragraphs), cues, options, kind.thread)
    if fallback is not None:
        return fallback
    title = _page_title(result, found)
    metadata = Metadata(
        title=title,
        date=_found_or(found, "date", result.date),
        author=_found_or(found, "author", result.author),
        sitename=result.sitename,
        url=url or result.url,
    )
    return Extracted(title, paragraphs, metadata, removed, "trafilatura")


def _trafilatura_body(tree, found, cues: CueSet, options: Options, kind: PageKind):
    """trafilatura's result and its lines less the cue lines. When its precision setting
    keeps nothing but boilerplate and short lines (a newsletter box, a reprint notice and
    the page's address), the balanced setting reads the page again, and its lines are taken
    when one is a sentence. The blocks that markup or a tail heading names boilerplate go
    first (see sections.py), listed first among the removals (line 0)."""
    from .prune import drop_boilerplate_blocks

    blocks = drop_boilerplate_blocks(tree, cues, kind.thread)
    result = _trafilatura(tree, options, kind)
    paragraphs, removed = _cleaned_lines(result, found, cues, kind.thread)
    precision = _focus(options, kind) == "precision"
    if (removed or paragraphs) and not any(map(_sentence, paragraphs)) and precision:
        again = _trafilatura(tree, replace(options, focus="balanced"), kind)
        more, more_removed = _cleaned_lines(again, found, cues, kind.thread)
        if any(map(_sentence, more)):
            return again, more, blocks + removed + more_removed
    return result, paragraphs, blocks + removed


def _cleaned_lines(
    result, found, cues: CueSet, thread: bool
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """trafilatura's lines less the cue lines and title repeats (on an article, also the
    headline restated in other words at the top); a photo story's captions stay (see
    PHOTO_STORY_SHARE)."""
    if result is None or not result.text:
        return (), ()
    title = _page_title(result, found)
    lines, near = result.text.splitlines(), 0 if thread else TITLE_REPEAT_LINES
    paragraphs, removed = _drop_cue_lines(lines, cues, title, near)
    captions = sum(len(r.text) for r in removed if r.reason == "caption")
    if captions > PHOTO_STORY_SHARE * sum(map(len, paragraphs)):
        return _drop_cue_lines(lines, cues, title, near, keep=("caption",))
    return paragraphs, removed


def _sentence(line: str) -> bool:
    """Whether a line is long enough to be a sentence of a body: its space-separated words
    and CJK characters weigh SENTENCE_MIN_WEIGHT (an address is one word)."""
    cjk = sum(map(len, CJK_RUN.findall(line)))
    return len(CJK_RUN.sub(" ", line).split()) + cjk * CJK_WORD_RATIO >= SENTENCE_MIN_WEIGHT


def _page_title(result, found) -> str | None:
    """The site rule's title, else trafilatura's."""
    return _found_or(found, "title", (result.title or "").strip() or None)


def _found_or(found, field: str, default):
    """A field the site rule found, else the default."""
    return (getattr(found, field) if found is not None else None) or default


def _fallback(
    tree, page: str, kept: str, cues: CueSet, options: Options, thread: bool
) -> Extracted | None:
    """The text-dump cleaner on the page's visible text, when trafilatura kept nothing, or
    under FALLBACK_SHARE of what the page shows and the cleaner finds FALLBACK_GAIN times
    more body there; else None. `thread`: the page was taken for a thread."""
    kept = "".join(kept.split())
    if kept and len(kept) >= FALLBACK_SHARE * len(page):
        return None  # the visible text is never longer than the page: no need to read it
    visible = visible_text(tree, page)
    if kept and len(kept) >= FALLBACK_SHARE * len("".join(visible.split())):
        return None
    fallback = replace(
        extract_text(visible, cues, options.url, options.explain, thread=thread),
        method="text-fallback",
    )
    if not kept or sum(map(len, fallback.paragraphs)) >= FALLBACK_GAIN * len(kept):
        return fallback
    return None


def _trafilatura(tree, options: Options, kind: PageKind):
    """trafilatura's body; on a thread page the posts it calls comments follow it."""
    from trafilatura import bare_extraction  # heavy import: only HTML pages pay for it

    from .prune import drop_unread_elements
    from .tables import unwrap_layout_tables

    unwrap_layout_tables(tree)
    focus = _focus(options, kind)
    if focus != "recall":
        drop_unread_elements(tree)
    result = bare_extraction(
        tree,
        url=options.url,
        include_comments=kind.thread,
        include_tables=True,
        favor_precision=focus == "precision",
        favor_recall=focus == "recall",
        with_metadata=options.metadata,
        # htmldate's extensive search falls back to dateparser: seconds per page at worst
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is not None and not options.metadata:
        result.title = _title(tree)
    if result is not None and result.comments:
        result.text = f"{result.text or ''}\n{result.comments}"
    return result


def _focus(options: Options, kind: PageKind) -> str:
    """`auto`: precision on an article, balanced on a thread. Measured on the HTML bench sets:
    precision gains 0.002-0.020 F1 on the three article sets and loses 0.029 on forum threads
    (it drops short replies)."""
    if options.focus != "auto":
        return options.focus
    return "balanced" if kind.thread else "precision"


def _title(tree) -> str | None:
    """The title as trafilatura's metadata step finds it (og:title, other meta tags, JSON-LD,
    then <title> and headings), without the date and author search that costs most of that
    step. og:title comes first there and nothing overrides it: read alone, it halves the cost
    (the same title on all 511 pages of the HTML bench sets)."""
    og_titles = [t for t in tree.xpath("head/meta[@property='og:title']/@content") if t.strip()]
    if og_titles:
        return og_titles[-1]  # trafilatura keeps the last one
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

    found = extract_meta_json(tree, examine_meta(tree))
    return found.title or extract_title(tree)


def _drop_cue_lines(
    lines: list[str],
    cues: CueSet,
    title: str | None,
    near: int = 0,
    keep: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """The extracted lines less those a cue matches (but the reasons in `keep`) and those
    that repeat the title: word for word anywhere, or, among the first `near` lines, as the
    same headline (textdump.same_headline) when the title is headline-sized."""
    near = near if title and len(title) <= HEADLINE_MAX_CHARS else 0
    kept, removed = [], []
    cut = None
    items = [line[2:] if line.startswith(LIST_MARK) else line for line in lines]
    found = list(zip(lines, line_cues(items, cues), strict=True))
    total = sum(len(item) for _, (item, cue) in found if cue is None)
    for number, (line, (item, cue)) in enumerate(found, start=1):
        if not item:
            continue
        text = LIST_MARK + item if line.startswith(LIST_MARK) else item
        if cut is None and cue is not None and _ends_body(cue, kept, total):
            cut = cue.reason
        if cut is not None:
            removed.append(Removal(number, text, cut))
        elif title and (text == title or (number <= near and same_headline(text, title))):
            removed.append(Removal(number, text, "title-repeat"))
        elif cue is not None and cue.reason not in keep:
            removed.append(Removal(number, text, cue.reason, cue.origin))
        else:
            kept.append(text)
    return tuple(kept), tuple(removed)


def _ends_body(cue, kept: list[str], total: int) -> bool:
    """A cut_from marker ends the body as in a text dump (classify._apply_cut): what only
    follows an article (TAIL_REASONS) once some body stands above it, an inline box's
    heading ("Related") once CUT_MIN_SHARE of the body's text does."""
    if cue.kind != "cut_from" or not kept:
        return False
    return cue.reason in TAIL_REASONS or sum(map(len, kept)) >= CUT_MIN_SHARE * total


@lru_cache(maxsize=1)
def _parser():
    from lxml import html as lxml_html

    # as trafilatura's own loader: HTML comments left in the tree make it drop text
    # (measured: +0.009 F1 on magichtml-forum, +0.004 on scrapinghub)
    return lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )


def _parse(page: str):
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(page, parser=_parser())
    except (etree.ParserError, ValueError):
        return None
    _drop_code(tree)
    return tree


def _drop_code(tree) -> None:
    """Scripts (but JSON-LD: metadata and page kind read it) and style sheets: trafilatura
    deletes them too, but only after copying the tree three or four times per page."""
    for element in list(tree.iter("script", "style")):
        if element.tag == "style" or element.get("type", "").lower() != "application/ld+json":
            element.drop_tree()  # its tail text stays


def _wrap(elements: list):
    from copy import deepcopy

    from lxml import html as lxml_html

    document = lxml_html.document_fromstring("<html><body></body></html>")
    body = document.find("body")
    for element in elements:
        body.append(deepcopy(element))
    return document
