"""An HTML page's headline from the title its metadata give (og:title, <title>): whole when
an unescaped quote cut it, the part an <h1> names when it holds a site name or label beside
the headline, and without a site's name at its end (og:site_name, or the name in the page's
address: `Auth | Supabase Docs` on supabase.com). Read from TitleFacts, which either parser's
tree gives (title_facts here for lxml's; resiliparse_adapter.read_facts for Lexbor's)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..mojibake.repair import repair_title
from ..normalize import reader_key
from ..textdump.fields import TITLE_SEPARATORS, split_page_title, title_parts
from ..urls import split_url
from .visible import tree_text

QUOTES = frozenset('"“”「『')  # a title that goes on with one of these was cut at it
MAX_HEADLINE_CHARS = 200  # a longer <h1> is a paragraph set large, not a headline
_ADDRESS = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?", re.I)
_STATED_ADDRESS = "head/link[@rel='canonical']/@href | head/meta[@property='og:url']/@content"
SITE_LABEL_MIN = 4  # a name of the address this long, inside a title's last part, names the
# site there ("Supabase Docs"); a shorter one ("bbc", "nbf") only when the part is that name


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


def headline(title: str | None, facts: TitleFacts, address: str | None = None) -> str | None:
    """The page's headline from its title as the metadata give it: whole when an unescaped
    quote cut it (uncut_title), and without the site name or label beside it when an <h1>
    says which part the headline is (`How To Book a Flight | It's All Trip To Me` with the
    <h1> `How To Book a Flight`), else without the site's name at its end (without_site_name).
    Measured on wcxb-dev's reviewed titles: 199 -> 248 of 394 exact with the <h1>, none
    lost."""
    title = uncut_title(title, facts)
    if not title:
        return title
    parts = {reader_key(part) for part in title_parts(title)}
    site = {reader_key(name) for name in facts.site_names}
    headings = _headings(facts, site)
    for text in headings:
        if len(parts) > 1 and reader_key(text) in parts:
            return text
    if len(set(headings)) == 1:
        return headings[0]
    return without_site_name(title, site, _site_labels(address or facts.address))


def _headings(facts: TitleFacts, site: set[str]) -> list[str]:
    """The page's <h1> texts that may be its headline: not a logo, not the site's name, not
    an address ("virtualbox.org"), a paragraph mark (the "¶" of a documentation anchor)
    left out."""
    found = []
    for heading in facts.headings:  # repaired first: a mojibake "¶" is "Â¶"
        text = (repair_title(heading.text) or "").strip(" ¶#§")
        if not text or len(text) > MAX_HEADLINE_CHARS or heading.logo:
            continue
        if reader_key(text) in site or _ADDRESS.fullmatch(text):
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


def without_site_name(title: str, site: set[str], labels: set[str]) -> str:
    """The title without the parts at its end that name the site: a part that is its
    og:site_name, or a name in its address (`Bulova`, `Supabase Docs` on supabase.com), or
    holds one (`Warren Averett CPAs & Advisors` on warrenaverett.com); the first part stays."""
    spans = _part_spans(title)
    end = len(spans)
    while end > 1 and _names_site(title[slice(*spans[end - 1])], site, labels):
        end -= 1
    return title if end == len(spans) else title[spans[0][0] : spans[end - 1][1]].strip()


def _part_spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of each part of a title between its separators, empty parts left out."""
    spans, start = [], 0
    for separator in [*TITLE_SEPARATORS.finditer(title), None]:
        end = separator.start() if separator else len(title)
        if title[start:end].strip():
            spans.append((start, end))
        start = separator.end() if separator else end
    return spans


def _names_site(part: str, site: set[str], labels: set[str]) -> bool:
    key = reader_key(part)
    letters = re.sub(r"[\W_]+", "", key)
    if key in site or letters in labels:
        return True
    return any(len(label) >= SITE_LABEL_MIN and label in letters for label in labels)


def _site_labels(address: str | None) -> set[str]:
    """The names in the page's address: `supabase` of docs.supabase.com, `bbc` of
    www.bbc.co.uk; not its top-level domain or a `www`."""
    parts = split_url(address)
    host = (parts.hostname or "") if parts else ""
    labels = host.lower().removeprefix("www.").split(".")[:-1]
    if len(labels) > 1 and len(labels[-1]) <= 3:  # co.uk, com.au
        labels = labels[:-1]
    return {re.sub(r"[\W_]+", "", label) for label in labels if len(label) >= 2}
