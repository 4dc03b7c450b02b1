"""An HTML page's headline from the title its metadata give (og:title, <title>): whole when
an unescaped quote cut it, the part an <h1> names when it holds a site name or label beside
the headline, and without a site's name at its end (og:site_name, or the name in the page's
address: `Auth | Supabase Docs` on supabase.com: sitename.py). Read from TitleFacts, which
either parser's tree gives (title_facts here for lxml's; resiliparse_adapter.read_facts for
Lexbor's)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..mojibake.repair import repair_title
from ..normalize import letters_key, reader_key
from ..scripts import CJK_RUN
from ..textdump.fields import (
    ADDRESS,
    WORDLIKE,
    address_names,
    split_page_title,
    title_parts,
)
from ..urls import split_url
from .sitename import without_site_name
from .visible import tree_text

QUOTES = frozenset('"“”「『')  # a title that goes on with one of these was cut at it
MAX_HEADLINE_CHARS = 200  # a longer <h1> is a paragraph set large, not a headline
MOJIBAKE_GROWTH = 3  # a character read in the wrong encoding becomes at most this many
_WORDS = re.compile(r"[\u3400-\u9fff]|[^\W\d_]{3,}|\d+")  # a Han character, a word, a number
# a character reference left in the text: the page escaped it twice (`SQL &amp;#x26; AI`)
_ESCAPED = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)
_STATED_ADDRESS = "head/link[@rel='canonical']/@href | head/meta[@property='og:url']/@content"
_LEADING_SEPARATORS = frozenset("-|–—_·:")  # a title that starts with one lacks its headline
SCRIPT_GAP = 0.5  # an <h1> and a title whose shares of Latin letters differ this much: two scripts
STORY_KINDS = frozenset({"article", "thread"})  # page kinds whose <h1> is the story's headline;
# on a product, listing, collection or service page it is often a label beside the page's
# name ("MX Vertical" on "Logitech MX Vertical Ergonomic Wireless Mouse", "Houston")


@dataclass(frozen=True)
class Heading:
    """An <h1>: its text (a space at each inner block or line break), and whether it is a
    logo (one link to the site's home page and nothing else)."""

    text: str
    logo: bool = False


@dataclass(frozen=True)
class TitleFacts:
    """What a page's markup says of its title: og:title values, the <title>, og:site_name
    values, its <h1>s, and the address it states (canonical link or og:url)."""

    og_titles: tuple[str, ...] = ()
    title: str = ""
    site_names: tuple[str, ...] = ()
    headings: tuple[Heading, ...] = ()
    address: str | None = None


def title_facts(tree) -> TitleFacts:
    """The TitleFacts of an lxml tree."""
    texts = [(h, " ".join(tree_text(h).split())) for h in tree.iter("h1")]
    headings = tuple(Heading(text, _logo(h, text)) for h, text in texts)
    stated = tree.xpath(_STATED_ADDRESS)
    return TitleFacts(
        tuple(t for t in tree.xpath("head/meta[@property='og:title']/@content") if t.strip()),
        " ".join((tree.findtext(".//title") or "").split()),
        tuple(tree.xpath("head/meta[@property='og:site_name']/@content")),
        headings,
        str(stated[0]) if stated else None,
    )


def headline(
    title: str | None, facts: TitleFacts, address: str | None = None, kind: str = "article"
) -> str | None:
    """The page's headline from its title as the metadata give it: whole when an unescaped
    quote cut it (uncut_title), and without the site name or label beside it when an <h1>
    says which part the headline is (`How To Book a Flight | It's All Trip To Me` with the
    <h1> `How To Book a Flight`; the earliest part an <h1> names), else the page's one <h1>
    when it is like the title or the title has no headline (_lone_heading), else the title
    without the site's name and sections at its end (without_site_name); a character
    reference the page escaped twice is read. Measured on wcxb-dev's reviewed titles: 199 ->
    248 of 394 exact with the <h1>, none lost; bench/titles/ and wcxb-dev: see the README.
    On a page of a `kind` outside STORY_KINDS whose og:title and <title> say the same, that
    title without the site's name is the page's name, whatever its <h1> (_stated_twice)."""
    found = _headline(uncut_title(title, facts), facts, address, kind)
    return html.unescape(found) if found and _ESCAPED.search(found) else found


def _headline(title: str | None, facts: TitleFacts, address: str | None, kind: str) -> str | None:
    if not title:
        return title
    site, names = _site_names(facts, address)
    own = without_site_name(title, site, names)
    if kind not in STORY_KINDS and _stated_twice(title, facts):
        return own
    headings = _headings(facts, site, names)
    named = _named_part(title, headings) or _named_first_part(facts.title, title, headings)
    if named:
        return named
    if len(set(headings)) == 1 and _ends_with(own, headings[0]):
        return own[: -len(headings[0])].strip()  # the site's name as <h1>, after the headline
    if len(set(headings)) == 1 and _lone_heading(headings[0], own, title, site.union(names)):
        # of two that differ only in spaces, the one with fewer: an <h1> set on two lines gets
        # a space at its line break (`助企纾困<div>预计4年`), where the <title> has none
        same = own.replace(" ", "") == headings[0].replace(" ", "")
        return own if same and len(own) < len(headings[0]) else headings[0]
    return own


def _stated_twice(title: str, facts: TitleFacts) -> bool:
    """Whether the page's og:title and its <title> are one text (its own name for the page,
    not a headline written for sharing): measured on wcxb-dev's reviewed titles, on pages
    read as neither article nor thread, 310 -> 316 of 394 exact, two lost (an <h1> the
    reviewer took over the title), none moved on the other sets (articles all)."""
    return (
        bool(facts.og_titles)
        and title == facts.title
        and all(" ".join(stated.split()) == title for stated in facts.og_titles)
    )


def _named_first_part(page_title: str, title: str, headings: list[str]) -> str | None:
    """The <h1> that is the first part of the page's <title> when the title read (og:title)
    names none (`Question - Site` for sharing, `Is there any CMS …? | Site` as <title>)."""
    if page_title == title:
        return None
    named = _named_part(page_title, headings)
    first = reader_key(title_parts(page_title)[0])
    return named if named and reader_key(named) == first else None


def _ends_with(title: str, heading: str) -> bool:
    """Whether a title is a headline, a space, then the page's one <h1> in Han characters: a
    site's name set as its <h1> and written after the headline without a separator
    (`土豆不“土” 土豆无“土” 松花江网` with the <h1> `松花江网`)."""
    rest = title[: -len(heading)] if title.endswith(heading) else ""
    if not rest[-1:].isspace() or CJK_RUN.match(heading) is None:
        return False  # a space inside a Latin title parts words, not a name ("near Houston")
    return len(rest.strip()) > len(heading)


def _lone_heading(heading: str, own: str, title: str, names: set[str]) -> bool:
    """Whether a page's one <h1> is its headline rather than the title's own headline: when
    it shares a word (a Han character) with it, is written in another script (a translated
    page's), or the title has no headline of its own (it starts with a separator, or is the
    site's name). An <h1> unlike the title is else a section's or a logo's ("Forums" above a
    thread, "뉴시스" above a story)."""
    words = set(_WORDS.findall(own.lower()))
    if any(word in words for word in _WORDS.findall(heading.lower())):
        return True
    first = letters_key(title_parts(title)[0])
    if title.lstrip()[:1] in _LEADING_SEPARATORS or first in names:
        return True
    return abs(_latin_share(heading) - _latin_share(own)) > SCRIPT_GAP


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c < "\u0250" for c in letters) / len(letters) if letters else 0.0


def wordlike(text: str) -> bool:
    """Whether a text has a letter or digit: a heading without one is a mark, not a headline."""
    return WORDLIKE.search(text) is not None


def first_heading(facts: TitleFacts, address: str | None = None) -> str | None:
    """The headline of a page with neither og:title nor <title>: its first <h1> that may be
    one (_headings)."""
    site, names = _site_names(facts, address)
    headings = _headings(facts, site, names)
    return headings[0] if headings else None


def _site_names(facts: TitleFacts, address: str | None) -> tuple[set[str], tuple[str, ...]]:
    """The site's names as its og:site_name gives them (reader_key), and the names in its
    address, the one given else the one it states."""
    return {reader_key(name) for name in facts.site_names}, address_names(address or facts.address)


def _named_part(title: str, headings: list[str]) -> str | None:
    """The <h1> that is one part of a title of several, the earliest part when several are
    (`Docker 的使用经验 - 好看的hk - 博客园` with the blog's name and the post's as <h1>s:
    the later part is the site's)."""
    parts = [reader_key(part) for part in title_parts(title)]
    if len(parts) < 2:
        return None
    keys = [(reader_key(text), text) for text in headings]
    named = [(parts.index(key), text) for key, text in keys if key in parts]
    return min(named)[1] if named else None


def _headings(facts: TitleFacts, site: set[str], labels: tuple[str, ...]) -> list[str]:
    """The page's <h1> texts that may be its headline: not a logo, not the site's name (its
    og:site_name, or a name of its address: "ohnotheydidnt" on ohnotheydidnt.livejournal.com),
    not an address ("virtualbox.org"), not a mark without a letter ("⯈"), a paragraph mark
    (the "¶" of a documentation anchor) left out."""
    found = []
    for heading in facts.headings:  # repaired first: a mojibake "¶" is "Â¶"
        if len(heading.text) > MOJIBAKE_GROWTH * MAX_HEADLINE_CHARS:
            continue  # too long even as mojibake (and repairing it would cost seconds)
        text = (repair_title(heading.text) or "").strip(" ¶#§")
        if not wordlike(text) or len(text) > MAX_HEADLINE_CHARS or heading.logo:
            continue
        key = reader_key(text)
        if key in site or letters_key(text) in labels or ADDRESS.fullmatch(text):
            continue
        found.append(text)
    return found


def _logo(element, text: str) -> bool:
    """An <h1> that is one link to the site's home page and nothing else: a logo, not a
    headline (a headline may link to its own article)."""
    links = element.findall(".//a")
    if len(links) != 1:
        return False
    return home_link(links[0].text_content(), links[0].get("href", ""), text)


def home_link(link_text: str, href: str, text: str) -> bool:
    """A link to the site's home page whose text is `text` (the whole heading's)."""
    if " ".join(link_text.split()) != text:
        return False
    parts = split_url(href)
    return parts is not None and parts.path in ("", "/") and not parts.query


def uncut_title(title: str | None, facts: TitleFacts) -> str | None:
    """The title whole when an unescaped quote cut it short: `content="奖金711万元！"中国…"`
    ends the attribute at the inner quote, so og:title (and trafilatura, which reads it)
    keeps only what stands before it. Then an <h1>, or the headline of the <title>, that
    begins with the cut title and goes on with a quote is the whole one."""
    if not title:
        return title
    cut = title.strip()
    page_title = split_page_title(facts.title)[0]
    for text in [*(h.text for h in facts.headings), page_title]:
        whole = " ".join(text.split())
        if whole.startswith(cut) and whole[len(cut) : len(cut) + 1] in QUOTES:
            return whole
    return title
