"""The HTML extractor: trafilatura on the prepared tree (or the site rule's content block),
then the same cues as text dumps on the lines it kept, then the rule's line directives. When
trafilatura finds nothing, or far less than the page shows, the page's visible text goes
through the text-dump extractor instead (method `text-fallback`)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Extracted, Metadata, Reading, Removal
from ..mojibake.repair import misread_codec, repair_text
from ..rules.text import apply_rule_to_paragraphs
from ..rules.tree import block_text
from ..textdump.entries import ENTRIES
from ..textdump.extract import LineSource, extract_text
from .lines import TITLE_REPEAT_LINES, cleaned_lines, drop_cue_lines, sentence
from .parse import LEXBOR, wrap
from .prepare import PreparedTree, ready_for_trafilatura
from .shown import checked_title
from .thin import Balanced, precise_or_balanced, shows_prices
from .title import first_heading, headline, wordlike
from .trafilatura_adapter import PageMetadata, Settings, page_metadata, read_tree
from .visible import squeezed, visible_text

# trafilatura kept under FALLBACK_SHARE of the visible text (spaces aside): look again, and
# take the text cleaner's body when it is FALLBACK_GAIN times longer. Measured on the four
# HTML bench sets (511 pages): at 0.1 the fallback fired on 16 pages and lost 0.005-0.026
# F1 on the article sets (short articles on long pages); at 0.01 it fires on none of them.
FALLBACK_SHARE = 0.01
FALLBACK_GAIN = 5.0
# ... and on a page that states nothing of itself and shows prices (thin.shows_prices), the
# visible text's reading is taken when it finds a shop's grid of entries beside a thin body
# and trafilatura's lines lack this share of its lines' characters at least (trafilatura
# took a promo's banner for the body). Measured (mean F1): wcxb-dev .8265 -> .8324 (three
# collections of a shop, 0.00 -> 0.57, 0.01 -> 0.75, 0.00 -> 1.00; 21 of its 394 pages read
# for a grid), the four other sets unchanged (three pages read for a grid, none found)
GRID_MISSING = 0.5
# the cue reasons whose lines a page of a kind keeps: a listing's entries carry their dates
# and bylines ("17 hours ago", "Posted by …"), part of each entry as its title is. Measured
# (wcxb-dev): listing .632 -> .641 (three pages better, a job board +0.31, none worse); the
# collection, service and product pages unchanged; no other set has a listing.
KEPT_ON_KIND = {"listing": ("metadata",)}
NO_METADATA = PageMetadata()  # with metadata off (Options.metadata)
FALLBACK = LineSource("visible", "text-fallback")  # the page's visible text, a block a line
FAST = LineSource("visible", "text-fast")  # --fast: the same reading, instead of trafilatura
# --fast: a body read from resiliparse's main content under this many characters (a few
# sentences) may be its heuristic missing the article (it keeps only the menus of some pages):
# the whole visible text is read, and its body taken when it holds WHOLE_GROWTH times as much.
# Measured (mean F1, --fast): magichtml-article .8336 -> .8523, magichtml-forum .7227 -> .7308,
# wcxb-dev .7918 -> .7987 (ten pages from 0-0.05 to 0.06-1.00), no page worse; at five times,
# or at any growth under 150 characters, no page worse either; at five times under 200, a
# page whose main content held two sentences and a table lost 0.11
THIN_MAIN_BODY = 300
WHOLE_GROWTH = 10


def read_html(prepared: PreparedTree, reading: Reading) -> Extracted:
    """Title, body paragraphs, metadata and removals of a prepared page; the site rule's
    line directives (cuts, rewrites) act on the paragraphs kept."""
    title = _own_title(prepared, reading) if prepared.tree is not None else None
    if prepared.tree is None:  # too large for trafilatura, or not parseable: the markup's text
        method = "text-large-page" if prepared.markup.too_large else "text-fallback"
        visible = visible_text(None, prepared.markup.text)
        _, extracted = _read_visible(visible, reading, LineSource("visible", method))
    elif prepared.body:
        extracted = _rule_body(prepared, reading, title)
    elif reading.options.fast:
        visible, extracted = _read_fast(prepared, reading)
        if title:
            extracted = checked_title(title, extracted, prepared, reading, visible)
            title = extracted.title
    else:
        extracted = _trafilatura_body(prepared, reading, title)
        if extracted.misread:
            return extracted  # pipeline.read_page reads the page again
        extracted = _more_readings(extracted, prepared, reading)
        own, title = title, title or _visible_title(prepared, reading)
        if title:  # a title from the visible text: trafilatura's lines still repeat it
            extracted = checked_title(title, extracted, prepared, reading, repeated=not own)
            title = extracted.title
    if title:  # the page's own title, read alike by every reading
        metadata = replace(extracted.metadata, title=title)
        extracted = replace(extracted, title=title, metadata=metadata)
    if reading.rule is None:
        return extracted
    paragraphs, ruled = apply_rule_to_paragraphs(extracted.paragraphs, reading.rule)
    cut = tuple(
        Removal(e.line, e.before, ruled.removed[e.line - 1], e.where, "paragraph")
        for e in ruled.effects if e.after is None
    )  # fmt: skip
    removed = extracted.removed + cut if reading.options.explain else ()
    return replace(extracted, paragraphs=paragraphs, removed=removed, effects=ruled.effects)


def _lacks(kept: str, paragraphs: tuple[str, ...]) -> bool:
    """Whether the text trafilatura kept (squeezed) lacks GRID_MISSING of the paragraphs'
    characters (each found in it or not, spaces aside: an entry's name weighs more than its
    price or its `3 colors`, which many a line holds)."""
    lines = [squeezed(paragraph) for paragraph in paragraphs]
    missing = sum(len(line) for line in lines if line not in kept)
    return missing >= GRID_MISSING * sum(map(len, lines))


def _read_visible(
    visible: str, reading: Reading, source: LineSource, with_metadata: bool = True
) -> tuple[str, Extracted]:
    """A page's visible text read by the line classifier as a dump is, and that text as read:
    its mojibake repaired first (a page of GBK read as cp1251, `КЧ Ті РВОЕ`, is no body the
    classifier can find, its lines dropped as menus before the paragraphs' repair could come),
    its <title> line left out of the body (_without_page_title)."""
    visible, fixed = repair_text(visible, of="visible")
    extracted = extract_text(visible, reading, with_metadata=with_metadata, source=source)
    if fixed.repairs:
        removed = extracted.removed
        if reading.options.explain:  # the lines repair dropped, in line order
            removed = tuple(sorted(removed + fixed.removed, key=lambda r: r.line))
        extracted = replace(extracted, repairs=fixed.repairs, removed=removed)
    return visible, _without_page_title(extracted, reading)


def _without_page_title(extracted: Extracted, reading: Reading) -> Extracted:
    """A visible text's reading without its first line, the page's <title> (visible.py and
    fast_visible put it there for the title to be read from), when the body run starts on
    it: the page does not show that line (a thread's stays: its <title> is its question's
    heading, which a thread's readers keep). Measured (mean F1, --fast): scrapinghub .9366 ->
    .9367, magichtml-article .8332 -> .8336 (7 pages better, one at .01 worse); on threads too,
    magichtml-forum .7227 -> .7192 (two Q&A pages lose their question)."""
    if extracted.lines[:1] != (1,) or reading.page_kind.thread:
        return extracted
    if reading.options.explain:  # (removals are in line order, this the first line)
        line = Removal(1, extracted.paragraphs[0], "page-title", of="visible")
        extracted = replace(extracted, removed=(line, *extracted.removed))
    return replace(extracted, paragraphs=extracted.paragraphs[1:], lines=extracted.lines[1:])


def _read_fast(prepared: PreparedTree, reading: Reading) -> tuple[str, Extracted]:
    """--fast: the visible text of Lexbor's tree (its main content on a stated article or
    thread: see MAIN_CONTENT_KINDS), or of lxml's when the site rule needed it, read by the
    line classifier; when the main content holds no body or a thin one (resiliparse's
    heuristic keeps nothing of some pages, or only their menus: THIN_MAIN_BODY), the page's
    whole visible text is read, and taken when its body holds WHOLE_GROWTH times more."""
    metadata = reading.options.metadata
    if prepared.markup.parser != LEXBOR:
        visible = visible_text(prepared.tree, prepared.markup.text)
        return _read_visible(visible, reading, FAST, metadata)
    from .resiliparse_adapter import fast_visible, reads_main_content

    tree, markup = prepared.tree, prepared.markup.text
    main = reads_main_content(reading.page_kind, tree, markup)
    visible, extracted = _read_visible(fast_visible(tree, main_content=main), reading, FAST,
                                       metadata)  # fmt: skip
    held = sum(map(len, extracted.paragraphs))
    if main and held < THIN_MAIN_BODY:
        whole, more = _read_visible(fast_visible(tree, main_content=False), reading, FAST,
                                    metadata)  # fmt: skip
        if not held or sum(map(len, more.paragraphs)) >= WHOLE_GROWTH * held:
            return whole, more
    return visible, extracted


def _more_readings(first: Extracted, prepared: PreparedTree, reading: Reading) -> Extracted:
    """The second reading on a page unlike an article, and --best's three (agreement.py)."""
    from .agreement import more_readings

    return more_readings(first, prepared, reading)


def _own_title(prepared: PreparedTree, reading: Reading) -> str | None:
    """The site rule's title, else the headline (html/title.py) of the page's og:title, else
    of its <title>, whichever reader found the body: the line the classifier chose (--fast, the
    visible-text fallback) only when the page has neither. Measured on wcxb-dev's reviewed
    titles: 72.8% -> 74.4% exact by default (the <title> over trafilatura's own title search),
    57.9% -> 73.9% with --fast; bench/titles/: see the README."""
    facts = prepared.titles
    found = facts.og_titles[-1] if facts.og_titles else facts.title
    rule_title = prepared.found.title if prepared.found else None
    if rule_title and wordlike(rule_title):  # a rule's XPath that found a mark ("⯈") found none
        return rule_title
    if not found:
        return first_heading(facts, reading.options.url)
    return headline(found, facts, reading.options.url, reading.page_kind.kind)


def _visible_title(prepared: PreparedTree, reading: Reading) -> str | None:
    """The title the line classifier chooses in the page's visible text (the heading-like
    line above the body, as --fast and text dumps choose it), for a page whose markup names
    none: no og:title, no <title>, no <h1> that may be a headline."""
    visible = visible_text(prepared.tree, prepared.markup.text)
    return extract_text(visible, reading, with_metadata=False, source=FALLBACK).title


def _rule_body(prepared: PreparedTree, reading: Reading, title: str | None) -> Extracted:
    """The site rule's content block, less the cue lines; with the rule's `prune: yes`,
    trafilatura cleans inside the block first (FiveFilters' prune)."""
    found, cues = prepared.found, reading.cues
    paragraphs, removed = drop_cue_lines(block_text(found.body).splitlines(), cues, title)
    method = "site-rule-body"
    if reading.rule.prune:
        block = wrap(found.body)
        ready_for_trafilatura(block, prepared.focus, reading.options.url)
        pruned = read_tree(block, _settings(reading, prepared.focus))
        if pruned is not None and pruned.text.strip():
            paragraphs, removed = drop_cue_lines(pruned.text.splitlines(), cues, title)
            method = "site-rule-body+trafilatura"
    metadata = Metadata(title, found.date, found.author, None, reading.options.url)
    return Extracted(title, paragraphs, metadata, removed, method)


def _trafilatura_body(prepared: PreparedTree, reading: Reading, title: str | None) -> Extracted:
    """trafilatura's lines less the cue lines, the blocks preparing took out listed first
    among the removals. When its precision setting keeps nothing but boilerplate and short
    lines (a newsletter box, a reprint notice and the page's address), the balanced setting
    reads the page again, and its lines are taken when one is a sentence; when it keeps little
    of a page that names no author (thin.py), they are taken when there are many more of
    them. The visible-text fallback when trafilatura finds (almost) nothing; when that finds
    nothing either, the balanced setting's lines when one is a sentence (a note of short
    lines: a command, its step)."""
    found, cues = prepared.found, reading.cues
    found_meta = _page_metadata(prepared, reading)
    url = reading.options.url or found_meta.url  # as trafilatura reads a page with metadata
    result = read_tree(prepared.tree, _settings(reading, prepared.focus, url))
    if result is not None and not prepared.markup.misread and misread_codec(result.text):
        unread = Metadata(title, None, None, None, url)  # read again, its texts repaired
        return Extracted(title, (), unread, (), "trafilatura", misread=True)  # (pipeline.py)
    near = 0 if reading.page_kind.thread else TITLE_REPEAT_LINES
    keep = KEPT_ON_KIND.get(reading.page_kind.kind, ())
    balanced = Balanced(prepared, reading, _settings(reading, "balanced", url), title, near, keep)
    paragraphs, removed = cleaned_lines(result, cues, title, near, keep)
    precise = prepared.focus == "precision"
    if precise:
        paragraphs, removed = precise_or_balanced(paragraphs, removed, balanced)
    fallback = _fallback(prepared, paragraphs, reading)
    if fallback is not None and (fallback.paragraphs or not precise):
        return fallback
    if fallback is not None:  # nothing read by either: the balanced setting's sentences
        paragraphs, removed = balanced.lines()
        if not any(map(sentence, paragraphs)):
            return fallback
    date = _found_or(found, "date", found_meta.date)
    author = _found_or(found, "author", found_meta.author)
    metadata = Metadata(title, date, author, found_meta.sitename, url)
    return Extracted(title, paragraphs, metadata, prepared.blocks + removed, "trafilatura")


def _settings(reading: Reading, focus: str, url: str | None = None) -> Settings:
    return Settings(url or reading.options.url, reading.keeps_comments, focus)


def _page_metadata(prepared: PreparedTree, reading: Reading) -> PageMetadata:
    """trafilatura's date, author, site name and address of the page, unless metadata is
    off (about a tenth of the time on zh-cwced; a fifth before page_metadata)."""
    if not reading.options.metadata:
        return NO_METADATA
    return page_metadata(prepared.tree, reading.options.url)


def _found_or(found, field: str, default):
    """A field the site rule found, else the default."""
    return (getattr(found, field) if found is not None else None) or default


def _fallback(
    prepared: PreparedTree, paragraphs: tuple[str, ...], reading: Reading
) -> Extracted | None:
    """The text-dump extractor on the page's visible text, when trafilatura kept nothing, or
    under FALLBACK_SHARE of what the page shows and the extractor finds FALLBACK_GAIN times
    more body there, or when a page that states nothing of itself shows prices and the
    extractor finds a shop's grid of entries beside a thin body there (thin.shows_prices,
    textdump/entries.py); else None."""
    kept, page = squeezed("".join(paragraphs)), prepared.markup.text
    # the visible text is never longer than the page: no need to read it to know it is big
    small = not kept or len(kept) < FALLBACK_SHARE * len(page)
    shop = shows_prices(prepared, reading)
    if not (small or shop):
        return None
    visible = visible_text(prepared.tree, page)
    small = small and (not kept or len(kept) < FALLBACK_SHARE * len(squeezed(visible)))
    if not (small or shop):
        return None
    _, fallback = _read_visible(visible, reading, FALLBACK)
    if shop and fallback.method.endswith(ENTRIES) and _lacks(kept, fallback.paragraphs):
        return fallback
    if small and (not kept or sum(map(len, fallback.paragraphs)) >= FALLBACK_GAIN * len(kept)):
        return fallback
    return None
