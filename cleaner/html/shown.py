"""The headline a page shows above its body, for a page whose metadata title is a site's name
or menu (`网易娱乐`, `首页 组织机构 工作动态 …`, `Joel on Software`), as pages made before
og:title often have: the marked heading nearest above where the body starts. A mark is an
<h1>–<h3>, an element whose class or id says title or heading (`td.bt_title`,
`div.postTitle`), or emphasis that fills its block (`<b><font size=3>…</font></b>` alone in a
cell). Read from lxml's tree (the default and --best readings) or Lexbor's (--fast)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Extracted, Reading, Removal
from ..normalize import letters_key
from ..textdump.features import line_weight
from ..textdump.fields import TITLE_SEPARATORS, title_parts
from ..textdump.title import TITLE_MAX_WEIGHT, TITLE_MIN_WEIGHT, same_headline
from ..urls import split_url
from .parse import LXML
from .prepare import PreparedTree
from .title import SUBTITLE_DASH, title_facts
from .visible import BLOCKS, INVISIBLE

_MARKED_NAME = re.compile(r"title|headline|heading|biaoti", re.I)
# ... but not a site's, a list's or a box's title: `site-title`, `subtitle`, `sidebar-title`
_OTHER_NAME = re.compile(r"site|blog|logo|nav|menu|side|sub|list|more|hot|relat|box|foot", re.I)
_END_SEPARATORS = " -|_–—·"  # a heading that ends in one: `谁来为无序拆房“埋单”？- -`
MENU_WORDS = 3  # a line with this many words of one or two Han characters is a menu
_MENU_WORD = re.compile(r"(?:^|(?<=\s))[\u3400-\u9fff]{1,2}(?=\s|$)")
_HEADING_TAGS = frozenset(("h1", "h2", "h3"))
_EMPHASIS = frozenset(("b", "strong", "font"))
# a sentence's end inside a line: a headline has none (a question or exclamation mark may
# end it)
_SENTENCE_END = re.compile("[。；;…]|[.!?！？](?=.)")
# the marked heading stands at most this many characters of the page's text above the first
# line of the body (a byline, a date and a source line between them)
SHOWN_WINDOW = 400
# a page's elements that may be marks are read at most this many times (each of the parsers'
# kinds): reading one's text, and its block's, costs up to the page's length, and a page of
# thousands of nested <b>s took 282 s before this bound (bench/fuzz.py --seed 15)
MARK_READS = 300
# the metadata title shares at most this share of its words (Han-character pairs, words of
# three letters or more) with the body: it is not the body's headline. Measured on the
# reviewed titles (bench/titles/, wcxb-dev): of the site names and menus zh-cwced had taken
# for titles, all but a breadcrumb (`世艺网>艺术教育`, 0.33) share at most 0.2; with the
# guards below no title of any set was lost (zh-cwced 59.7% -> 77.6% with body_part)
UNCONFIRMED_SHARE = 0.2
NAME_WEIGHT = 4.0  # a title this light may be a site's name (`The Rust Programming Language`)
OPENING_CHARS = 12  # the body's first line is found in the page's text by its first characters
TOP_LINES = 3  # the body's lines that may restate its headline
LISTS = ("listing", "collection")  # kinds whose headings above the body are entries' titles
_WORD = re.compile(r"[\u3400-\u9fff]|[^\W\d_\u3400-\u9fff]{3,}|\d+")


def checked_title(
    title: str,
    extracted: Extracted,
    prepared: PreparedTree,
    reading: Reading,
    visible: str | None = None,
) -> Extracted:
    """The metadata title checked against the body the reading kept: the part of it the
    body's first lines repeat, or the headline the page shows above the body when the title
    is a site's name or menu (no og:title, which a site writes for its story); a first line
    that is that headline is the title's, not the body's. Read from either parser's tree
    (the default reading's lxml, --fast's Lexbor with the `visible` text it read)."""
    facts = prepared.markup.titles or title_facts(prepared.tree)
    address = reading.options.url or facts.address
    found = body_part(title, extracted.paragraphs)
    if found is None and not facts.og_titles and reading.page_kind.kind not in LISTS:
        found = shown_headline(prepared, title, extracted.paragraphs, address, visible)
    if found is None:
        return replace(extracted, title=title)
    paragraphs, removed = extracted.paragraphs, extracted.removed
    first = next((i for i, p in enumerate(paragraphs[:TOP_LINES]) if same_line(p, found)), None)
    if first is not None:
        removed += (Removal(first + 1, paragraphs[first], "title-repeat", of="paragraph"),)
        paragraphs = paragraphs[:first] + paragraphs[first + 1 :]
    return replace(extracted, title=found, paragraphs=paragraphs, removed=removed)


@dataclass(frozen=True)
class Shown:
    """A marked heading of the page: where its text starts in the page's text, and the text."""

    at: int
    text: str


def shown_headline(
    prepared: PreparedTree,
    title: str,
    paragraphs: tuple[str, ...],
    address: str | None = None,
    visible: str | None = None,
) -> str | None:
    """The headline the page shows above its body when `title` (the metadata's) is not the
    body's, else None: the title shares at most UNCONFIRMED_SHARE of its words with the body,
    or it is light enough to be a site's name (`显示`, `The Rust Programming Language`) and the
    body opens with the shown heading. A shown heading that shares a word with the title
    confirms the title."""
    if not paragraphs:
        return None
    unconfirmed = _found_share(title, "\n".join(paragraphs).lower()) <= UNCONFIRMED_SHARE
    if not unconfirmed and not _names_no_topic(title, address):
        return None  # (reading the page's marks is what this costs: only when it may tell)
    shown = nearest_shown(*_marks(prepared, visible, paragraphs[0][:OPENING_CHARS].strip()))
    if shown is None or _shared(shown, title) > 0:
        return None
    if not unconfirmed and not same_line(paragraphs[0], shown):
        return None
    return title_parts(shown.rstrip(_END_SEPARATORS))[0]


def nearest_shown(shown: list[Shown], start: int) -> str | None:
    """The marked heading nearest above where the body's first line starts in the page's
    text (`start`; -1: not found), or that line itself, within SHOWN_WINDOW characters."""
    if start < 0:
        return None
    near = [s for s in shown if s.at <= start <= s.at + len(s.text) + SHOWN_WINDOW]
    return near[-1].text if near else None


def _marks(prepared: PreparedTree, visible: str | None, opening: str) -> tuple[list[Shown], int]:
    """The page's marked headings, in order, and where the body's `opening` (its first
    line's first characters) starts in the page's text, from either parser's tree: for
    Lexbor's, in the visible text --fast read (`visible`), each mark where it last stands
    before the body's first line (or as that line)."""
    if prepared.markup.parser == LXML:
        text, shown = _marked(prepared.tree, opening)
        return shown, text.find(opening)
    from .resiliparse_adapter import fast_visible, marked_texts

    text = visible if visible is not None else fast_visible(prepared.tree, main_content=False)
    start = text.find(opening)
    marks = marked_texts(prepared.tree, marked_text, may_mark, MARK_READS)
    found = sorted((text.rfind(mark, 0, start + len(mark)), mark) for mark in marks)
    return [Shown(at, mark) for at, mark in found if at >= 0], start


def _marked(tree, opening: str) -> tuple[str, list[Shown]]:
    """The page's text (as visible.tree_text reads it) and its marked headings, in order, up
    to where the body's `opening` stands (what follows it cannot stand above it)."""
    from lxml import etree

    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    size, seen, shown, reads = 0, "", [], 0
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, node in walk:
        if event == "start" and (node.tag in INVISIBLE or node.tag == "title"):
            walk.skip_subtree()
            continue
        if event == "start":
            candidate = _lxml_candidate(node) if reads < MARK_READS else None
            if candidate is not None:
                reads += 1
                text = marked_text(*candidate, node.text_content, lambda n=node: _block_text(n))
                if text is not None:
                    shown.append(Shown(size, text))
            added = ("\n" if node.tag in BLOCKS else "") + (node.text or "")
        elif node is root:
            continue
        else:
            added = ("\n" if node.tag in BLOCKS else "") + (node.tail or "")
        parts.append(added)
        size += len(added)
        if opening and opening in seen + added:  # (`seen`: the text's last characters)
            break
        seen = (seen + added)[-len(opening) :]
    return "".join(parts), shown


def _lxml_candidate(node) -> tuple[str, str] | None:
    """An lxml element's tag and names (class and id) when they may mark it, else None."""
    tag, classes, ident = node.tag, node.get("class"), node.get("id")
    names = f"{classes or ''} {ident or ''}" if classes or ident else ""
    return (tag, names) if isinstance(tag, str) and may_mark(tag, names) else None


def marked_text(tag: str, names: str, text, block_text) -> str | None:
    """The text of a marked heading (whitespace squeezed) when it is heading-like, else None:
    of an element's tag, its class and id (`names`), its text and the text of the block it
    stands in (callables: read only when needed, the block's last: it may be long)."""
    named = tag in _HEADING_TAGS or _named_heading(names)
    if not named and tag not in _EMPHASIS:
        return None
    found = " ".join(text().split())
    if not found or not heading_like(found):
        return None
    return found if named or found == " ".join((block_text() or "").split()) else None


def may_mark(tag: str, names: str) -> bool:
    """Whether an element's tag or its class and id may make it a marked heading (the cheap
    test before its text is read)."""
    return tag in _HEADING_TAGS or tag in _EMPHASIS or _named_heading(names)


def _named_heading(names: str) -> bool:
    return _MARKED_NAME.search(names) is not None and _OTHER_NAME.search(names) is None


def _block_text(node) -> str | None:
    """The text of the block an lxml element stands in (None: none)."""
    block = node.getparent()
    while block is not None and block.tag not in BLOCKS:
        block = block.getparent()
    return block.text_content() if block is not None else None


def _names_no_topic(title: str, address: str | None) -> bool:
    """Whether a title is light enough to be a site's name (NAME_WEIGHT) and names nothing
    the page's address names (`Software` on /topic/software is the page's topic)."""
    if line_weight(title) > NAME_WEIGHT:
        return False
    parts = split_url(address)
    return not parts or letters_key(title) not in letters_key(parts.path)


def heading_like(text: str) -> bool:
    """A line that may be a headline: of a headline's weight, no sentence ending inside it,
    not a menu (`更多>> 名家 版画 油画 国画`: MENU_WORDS words of one or two Han characters);
    a separator at its end (`…埋单”？- -`) left unread."""
    text = TITLE_SEPARATORS.split(text.rstrip(_END_SEPARATORS))[0] if text else text
    if not TITLE_MIN_WEIGHT <= line_weight(text) <= TITLE_MAX_WEIGHT:
        return False
    if len(_MENU_WORD.findall(text)) >= MENU_WORDS:
        return False
    return _SENTENCE_END.search(text) is None


def _shared(text: str, other: str) -> float:
    """The share of a text's words (Han-character pairs, words) that the other text has."""
    words = _words(text)
    return len(words & _words(other)) / len(words) if words else 0.0


def _found_share(text: str, other: str) -> float:
    """The share of a text's words found in the other text (lowercased) as they are written:
    a search per word, not a reading of the whole other text."""
    words = _words(text)
    return sum(word in other for word in words) / len(words) if words else 0.0


def _words(text: str) -> set[str]:
    tokens = _WORD.findall(text.lower())
    pairs = {a + b for a, b in zip(tokens, tokens[1:], strict=False) if len(a) == len(b) == 1}
    return pairs | {t for t in tokens if len(t) > 1}


def body_part(title: str, paragraphs: tuple[str, ...]) -> str | None:
    """The part of a title of several that one of the body's first lines repeats as a
    headline (`第四届中国经济学年会会议议程_中国经济学年会秘书处_CN_…` above a body that
    opens with the first part), else None. A spaced dash sets off a subtitle, not a part
    (`Star Wars Jedi: Fallen Order review – shoots for the moon`)."""
    parts = title_parts(title)
    if len(parts) < 2 or SUBTITLE_DASH.search(title):
        return None
    for line in (p for p in paragraphs[:TOP_LINES] if heading_like(p)):
        for part in parts:
            if same_headline(line, part):
                return part
    return None


def same_line(line: str, headline: str) -> bool:
    """Whether a body line is the headline itself (letters and digits alike)."""
    return letters_key(line) == letters_key(headline)
