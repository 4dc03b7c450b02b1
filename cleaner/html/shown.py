"""The headline a page shows above its body, for a page whose metadata title is a site's name
or menu (`网易娱乐`, `首页 组织机构 工作动态 …`, `Joel on Software`, `世艺网>艺术教育`), as
pages made before og:title often have: the marked heading (html/marks.py) nearest above where
the body starts; and the part of a title the body's first lines repeat."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Extracted, Reading, Removal
from ..normalize import letters_key
from ..rules.cues import CueSet
from ..textdump.alike import same_headline
from ..textdump.entries import ENTRIES
from ..textdump.features import line_weight
from ..textdump.fields import title_parts, without_labels
from ..textdump.headline import SUBTITLE_MARK
from ..urls import split_url
from .marks import END_SEPARATORS, Shown, heading_like, page_marks
from .parse import LXML
from .prepare import PreparedTree
from .sitename import SUBTITLE_DASH
from .title import TitleFacts
from .visible import BLOCKS, squeezed

# the marked heading stands at most this many characters of the page's text above the first
# line of the body (a byline, a date and a source line between them)
SHOWN_WINDOW = 400
# the metadata title shares at most this share of its words (Han-character pairs, words of
# three letters or more) with the body: it is not the body's headline. Measured on the
# reviewed titles (bench/titles/, wcxb-dev): of the site names and menus zh-cwced had taken
# for titles, all but a breadcrumb (`世艺网>艺术教育`, 0.33) share at most 0.2; with the
# guards below no title of any set was lost (zh-cwced 59.7% -> 77.6% with body_part)
UNCONFIRMED_SHARE = 0.2
# ... nor a Han title the body repeats one character pair of (`网易娱乐`, three pairs, above a
# post about 娱乐圈; a word of Latin letters is better evidence: `Software` on its page)
CONFIRMING_PAIRS = 2
NAME_WEIGHT = 4.0  # a title this light may be a site's name (`The Rust Programming Language`)
OPENING_CHARS = 12  # the body's first line is found in the page's text by its first characters
TOP_LINES = 3  # the body's lines that may restate its headline
SPACING = 20  # an <h1> that is a title (letters and digits alike) is at most twice as long and
# this much: a fuzzed page's 1,600 nested <h1>s, each the rest of the page, took 4.5 s to compare
LISTS = ("listing", "collection")  # kinds whose headings above the body are entries' titles
_PATH_MARKS = ">›"  # between a breadcrumb's steps
_PATH_STEP = re.compile(rf"(?<!\s)\s*[{_PATH_MARKS}]\s*")  # (starts once a run)
_WORD = re.compile(r"[\u3400-\u9fff]|[^\W\d_\u3400-\u9fff]{3,}|\d+")
_HAN_PAIR = re.compile(r"[\u3400-\u9fff]{2}")


def checked_title(
    title: str,
    extracted: Extracted,
    prepared: PreparedTree,
    reading: Reading,
    visible: str | None = None,
    *,
    repeated: bool = True,
) -> Extracted:
    """The metadata title checked against the body the reading kept: the part of it the
    body's first lines repeat, or the headline the page shows above the body when the title
    is a site's name or menu (no og:title, which a site writes for its story); a first line
    that is that headline is the title's, not the body's, and so is one that is the title
    itself unless `repeated` is off (the default reading's lines were rid of the metadata
    title's repeats already, and one that trafilatura kept near the top restates it in the
    body: a quote that is the headline, a post's opening line). Read from either parser's
    tree (the default reading's lxml, --fast's Lexbor with the `visible` text it read)."""
    facts = prepared.titles
    address = reading.options.url or facts.address
    title = _without_shown_subtitle(title, prepared, visible)
    chosen = extracted.title if visible is not None else None  # the classifier's
    found = body_part(title, extracted.paragraphs)
    listed = reading.page_kind.kind in LISTS or extracted.method.endswith(ENTRIES)
    if found is None and not facts.og_titles and not listed:  # (above a grid: entries' titles)
        found = shown_headline(
            prepared, title, extracted.paragraphs, reading.cues, address, visible, chosen
        )
    found = found or _chosen_part(title, chosen, facts)
    if found is None and not repeated:
        return replace(extracted, title=title)
    found = found or title  # the title itself: a first line that repeats it is the title's
    paragraphs, removed = extracted.paragraphs, extracted.removed
    first = next((i for i, p in enumerate(paragraphs[:TOP_LINES]) if same_line(p, found)), None)
    if first is not None:
        removed += (Removal(first + 1, paragraphs[first], "title-repeat", of="paragraph"),)
        paragraphs = paragraphs[:first] + paragraphs[first + 1 :]
    return replace(extracted, title=found, paragraphs=paragraphs, removed=removed)


def _chosen_part(title: str, chosen: str | None, facts: TitleFacts) -> str | None:
    """--fast: the title's first part when the line classifier chose it as the headline above
    the body (`Marietta Electricians Costs & Prices` of `… - ProMatcher Cost Report`), as the
    default reading takes a part its body opens with; not when a page's <h1> shows the title
    whole (`Topic | Board | Consumer forum`)."""
    if not chosen:
        return None
    shown = (h.text for h in facts.headings if len(h.text) <= 2 * len(title) + SPACING)
    if any(same_line(text, title) for text in shown):  # (a length no title has: not read)
        return None
    part = body_part(title, (chosen,))
    return part if part is not None and part == title_parts(title)[0] else None


def _without_shown_subtitle(title: str, prepared: PreparedTree, visible: str | None) -> str:
    """The title without the subtitle after its `——` when the page sets that subtitle on a
    line of its own under the headline (`为现代化巴彦淖尔建设凝聚强大智慧和力量` above
    `——热烈祝贺市政协五届一次会议开幕`); a title the page shows on one line keeps it."""
    at = title.find(SUBTITLE_MARK, 1)
    if at < 0 or not title[:at].strip():
        return title
    line = squeezed(title[at:])
    if prepared.markup.parser == LXML:
        blocks = (
            b
            for b in prepared.tree.iter(*BLOCKS)
            if (b.text or "").lstrip().startswith(SUBTITLE_MARK)
        )
        own = any(squeezed(b.text_content()) == line for b in blocks)
    else:
        own = visible is not None and any(squeezed(v) == line for v in visible.split("\n"))
    return title[:at].strip() if own else title


def shown_headline(
    prepared: PreparedTree,
    title: str,
    paragraphs: tuple[str, ...],
    cues: CueSet,
    address: str | None = None,
    visible: str | None = None,
    chosen: str | None = None,
) -> str | None:
    """The headline the page shows above its body when `title` (the metadata's) is not the
    body's, else None: the title shares at most UNCONFIRMED_SHARE of its words with the body,
    or it is light enough to be a site's name (`显示`, `The Rust Programming Language`) and the
    body opens with the shown heading, or the line classifier chose that heading as the
    headline above the body (`chosen`: --fast's reading keeps it out of the body, where
    trafilatura's keeps it as the first line). A shown heading that shares a word with the
    title confirms the title; one the cues take for boilerplate (`作者：… 发布日期：…` in a
    `<font>`) is none."""
    if not paragraphs:
        return None
    found, words, pairs_only = _found_words(title, "\n".join(paragraphs).lower())
    topic = _topic(title, address)
    unconfirmed = found <= UNCONFIRMED_SHARE * words or (
        pairs_only and found < CONFIRMING_PAIRS and not topic
    )
    if not unconfirmed and not _names_no_topic(title, topic):
        return None  # (reading the page's marks is what this costs: only when it may tell)
    marks, start = page_marks(prepared, visible, paragraphs[0][:OPENING_CHARS].strip())
    marks = [m for m in marks if cues.match(m.text) is None]
    marks = [m for m in marks if not m.labelled or without_labels(m.text, cues) != m.text]
    shown = nearest_shown(marks, start)
    if shown is None or (_shared(shown, title) > 0 and not _breadcrumb(title)):
        return None
    opens = same_line(paragraphs[0], shown) or (chosen is not None and same_line(chosen, shown))
    if not unconfirmed and not opens:
        return None
    headline = title_parts(shown.rstrip(END_SEPARATORS))[0]
    return _restated(headline, paragraphs) or headline


def _restated(headline: str, paragraphs: tuple[str, ...]) -> str | None:
    """The part after a headline's colon when one of the body's first lines restates just
    that part (`茉莉：我是怎样卷入八九民运的` above a body that opens with the title and then
    the author's name), else None."""
    _, colon, tail = headline.partition("：") if "：" in headline else headline.partition(": ")
    if not colon or not tail.strip():
        return None
    return next((p for p in paragraphs[:TOP_LINES] if same_line(p, tail)), None)


def nearest_shown(shown: list[Shown], start: int) -> str | None:
    """The marked heading nearest above where the body's first line starts in the page's
    text (`start`; -1: not found), or that line itself, within SHOWN_WINDOW characters."""
    if start < 0:
        return None
    near = [s for s in shown if s.at <= start <= s.at + len(s.text) + SHOWN_WINDOW]
    return near[-1].text if near else None


def _names_no_topic(title: str, topic: bool) -> bool:
    """Whether a title is light enough to be a site's name (NAME_WEIGHT) and is not the
    page's topic (`topic`)."""
    return (line_weight(title) <= NAME_WEIGHT or _breadcrumb(title)) and not topic


def _topic(title: str, address: str | None) -> bool:
    """Whether the page's address names the title: its topic (`Software` on /topic/software)."""
    parts = split_url(address)
    return bool(parts) and letters_key(title) in letters_key(parts.path)


def _breadcrumb(title: str) -> bool:
    """Whether a title is a path of names (`世艺网>艺术教育`): parts between `>` or `›`, each
    light enough to be a name."""
    if not any(mark in title for mark in _PATH_MARKS):
        return False
    parts = _PATH_STEP.split(" ".join(title.split()))  # one space a run: the split is linear
    return len(parts) > 1 and all(0 < line_weight(p) <= NAME_WEIGHT for p in parts)


def _shared(text: str, other: str) -> float:
    """The share of a text's words (Han-character pairs, words) that the other text has."""
    words = _words(text)
    return len(words & _words(other)) / len(words) if words else 0.0


def _found_words(text: str, other: str) -> tuple[int, int, bool]:
    """How many of a text's words are found in the other text (lowercased) as they are
    written, how many it has, and whether all are Han-character pairs: a search per word, not
    a reading of the whole other text."""
    words = _words(text)
    pairs_only = all(map(_HAN_PAIR.fullmatch, words))
    return sum(word in other for word in words), len(words), pairs_only


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
