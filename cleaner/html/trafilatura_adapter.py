"""Every use of trafilatura, in one place: its body extraction on a prepared tree, its title
search, the elements its tree cleaning deletes, and its default `extract` as the peer that
`cleaner eval --compare trafilatura` scores. pyproject.toml bounds the version; the three
internals read here (`trafilatura.metadata`'s title search, `trafilatura.settings`'
MANUALLY_CLEANED, `trafilatura.external`'s jusText stop lists) have fallbacks, so a release
that moves them costs a little quality or speed, never a crash. trafilatura itself is imported
on first use (0.3 s): only HTML pages pay for it."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from ..normalize import reader_key
from ..textdump.fields import split_page_title, title_parts
from ..urls import split_url
from .visible import tree_text

QUOTES = frozenset('"“”「『')  # a title that goes on with one of these was cut at it
MAX_HEADLINE_CHARS = 200  # a longer <h1> is a paragraph set large, not a headline
_ADDRESS = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?", re.I)

# trafilatura.settings.MANUALLY_CLEANED as of 2.3, for a release that moves it
_MANUALLY_CLEANED = (
    "aside", "embed", "fencedframe", "footer", "form", "head", "iframe", "menu", "object",
    "script", "applet", "audio", "canvas", "figure", "map", "picture", "svg", "video", "area",
    "blink", "button", "datalist", "dialog", "frame", "frameset", "fieldset", "link", "input",
    "label", "legend", "marquee", "math", "menuitem", "nav", "noindex", "noscript", "optgroup",
    "option", "output", "param", "progress", "rp", "rt", "rtc", "select", "source", "style",
    "track", "textarea", "time", "use",
)  # fmt: skip


@dataclass(frozen=True)
class Settings:
    """How trafilatura reads one page."""

    url: str | None
    thread: bool  # its comments are read too: a thread's posts, or kept with --comments
    focus: str  # balanced | precision | recall
    metadata: bool  # date, author and site name too (a quarter of the time)


@dataclass(frozen=True)
class Reading:
    """What trafilatura found on a page: its text (a thread's comments after it) and
    metadata."""

    text: str
    title: str | None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None


def read_tree(tree, settings: Settings) -> Reading | None:
    """trafilatura's body of a prepared lxml tree; None when it finds none."""
    from trafilatura import bare_extraction

    result = bare_extraction(
        tree,
        url=settings.url,
        include_comments=settings.thread,
        include_tables=True,
        favor_precision=settings.focus == "precision",
        favor_recall=settings.focus == "recall",
        with_metadata=settings.metadata,
        # htmldate's extensive search falls back to dateparser: seconds per page at worst
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    text = result.text or ""
    if result.comments:
        text = f"{text}\n{result.comments}"
    if not settings.metadata:
        return Reading(text, page_title(tree))
    title = headline(result.title, tree)
    return Reading(text, title, result.date, result.author, result.sitename, result.url)


def page_title(tree) -> str | None:
    """The title as trafilatura's metadata step finds it (og:title, other meta tags, JSON-LD,
    then <title> and headings), without the date and author search that costs most of that
    step. og:title comes first there and nothing overrides it: read alone, it halves the cost
    (the same title on all 511 pages of the HTML bench sets)."""
    og_titles = [t for t in tree.xpath("head/meta[@property='og:title']/@content") if t.strip()]
    if og_titles:
        return headline(og_titles[-1], tree)  # trafilatura keeps the last one
    try:
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
    except ImportError:  # moved in a later release: the <title> element
        return tree.findtext(".//title")
    found = extract_meta_json(tree, examine_meta(tree))
    return headline(found.title or extract_title(tree), tree)


def headline(title: str | None, tree) -> str | None:
    """The page's headline from its title as the metadata give it: whole when an unescaped
    quote cut it (uncut_title), and without the site name or label beside it when an <h1>
    says which part the headline is (`How To Book a Flight | It's All Trip To Me` with the
    <h1> `How To Book a Flight`). Measured on wcxb-dev's reviewed titles: 199 -> 248 of 394
    exact, none lost."""
    title = uncut_title(title, tree)
    if not title:
        return title
    parts = {reader_key(part) for part in title_parts(title)}
    site = {reader_key(name) for name in tree.xpath("head/meta[@property='og:site_name']/@content")}
    headings = _headings(tree, site)
    for text in headings:
        if len(parts) > 1 and reader_key(text) in parts:
            return text
    return headings[0] if len(set(headings)) == 1 else title


def _headings(tree, site: set[str]) -> list[str]:
    """The page's <h1> texts that may be its headline: not a logo, not the site's name, not
    an address ("virtualbox.org"), a space at each inner block or line break, a paragraph
    mark (the "¶" of a documentation anchor) left out."""
    found = []
    for element in tree.iter("h1"):
        text = " ".join(tree_text(element).split()).strip(" ¶#§")
        if not text or len(text) > MAX_HEADLINE_CHARS or _logo(element, text):
            continue
        if reader_key(text) in site or _ADDRESS.fullmatch(text):
            continue
        found.append(text)
    return found


def _logo(element, text: str) -> bool:
    """An <h1> that is one link to the site's home page and nothing else: a logo, not a
    headline (a headline may link to its own article)."""
    links = element.findall(".//a")
    if len(links) != 1 or " ".join(links[0].text_content().split()) != text:
        return False
    parts = split_url(links[0].get("href", ""))
    return parts is not None and parts.path in ("", "/") and not parts.query


def uncut_title(title: str | None, tree) -> str | None:
    """The title whole when an unescaped quote cut it short: `content="奖金711万元！"中国…"`
    ends the attribute at the inner quote, so og:title (and trafilatura, which reads it)
    keeps only what stands before it. Then an <h1>, or the headline of the <title>, that
    begins with the cut title and goes on with a quote is the whole one."""
    if not title:
        return title
    cut = title.strip()
    page_title = split_page_title(" ".join((tree.findtext(".//title") or "").split()))[0]
    for text in [*(h.text_content() for h in tree.iter("h1")), page_title]:
        whole = " ".join(text.split())
        if whole.startswith(cut) and whole[len(cut) : len(cut) + 1] in QUOTES:
            return whole
    return title


def cleaned_tags() -> tuple[str, ...]:
    """The elements trafilatura's tree cleaning deletes from every copy of a page."""
    try:
        from trafilatura.settings import MANUALLY_CLEANED
    except ImportError:
        return _MANUALLY_CLEANED
    return tuple(MANUALLY_CLEANED)


def peer_text(markup: str, url: str | None, precision: bool = False) -> str:
    """trafilatura's default extraction (or its precision setting), as `cleaner eval
    --compare` scores it."""
    from trafilatura import extract

    return extract(markup, url=url, favor_precision=precision) or ""


def load_stop_lists() -> None:
    """jusText's stop lists of every language, which trafilatura loads (0.15 s) on the first
    page that needs its jusText fallback: loaded ahead of a timed run."""
    with contextlib.suppress(ImportError, AttributeError):
        from trafilatura import external

        if external.JT_STOPLIST is None:
            external.jt_stoplist_init()
