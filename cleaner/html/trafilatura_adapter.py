"""Every use of trafilatura, in one place: its body extraction on a prepared tree, its date,
author and site name of a page (page_metadata), the elements its tree cleaning deletes, and its
default `extract` as the peer that `cleaner eval --compare trafilatura` scores; a page's title
is read by html/title.py from the page's own markup.
pyproject.toml bounds the version; the internals read here (`trafilatura.settings`'
MANUALLY_CLEANED, `trafilatura.external`'s jusText stop lists, `trafilatura.metadata`'s steps,
and `trafilatura.xpaths`' pruning expressions, which discard.py evaluates in Python while
trafilatura reads a page when their text is the one it reads) have fallbacks, so a release that
moves them costs a little quality or speed, never a crash.
trafilatura itself is imported on first use (0.3 s): only HTML pages pay for it."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from .discard import discard_in_python, swapped
from .justext_memo import justext_remembered

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


@dataclass(frozen=True)
class Reading:
    """What trafilatura found on a page: its text (a thread's comments after it)."""

    text: str


@dataclass(frozen=True)
class PageMetadata:
    """A page's date, author, site name and address as trafilatura reads them (its title is
    read from the page's own markup, html/title.py)."""

    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None


# htmldate's extensive search falls back to dateparser: seconds per page at worst
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# The words trafilatura 2.3's author XPaths (trafilatura.xpaths.AUTHOR_XPATHS) look for in an
# element's class, id, itemprop, rel, data-testid or data-component: a page whose attributes
# hold none of them names no author there, and its search (a copy of the whole tree pruned,
# three XPaths: 3 ms a page, a tenth of cleaner's time on zh-cwced) is not run. Case aside.
AUTHOR_WORDS = re.compile(
    "author|byl|bbl|username|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by"
    "|journalist-name|screenname|writer",
    re.I,
)
_AUTHOR_ATTRIBUTES = "//@class|//@id|//@itemprop|//@rel|//@data-testid|//@data-component"


def read_tree(tree, settings: Settings) -> Reading | None:
    """trafilatura's body of a prepared lxml tree; None when it finds none."""
    from trafilatura import bare_extraction

    # the same elements pruned in a fifth of the time (discard.py), a tree jusText reads
    # twice read once (justext_memo.py)
    with discard_in_python(), justext_remembered():
        result = bare_extraction(
            tree,
            url=settings.url,
            include_comments=settings.thread,
            include_tables=True,
            favor_precision=settings.focus == "precision",
            favor_recall=settings.focus == "recall",
            date_extraction_params=DATE_PARAMS,
        )
    if result is None:
        return None
    text = result.text or ""
    return Reading(f"{text}\n{result.comments}" if result.comments else text)


def finds_container(tree) -> bool:
    """Whether trafilatura's search for a page's main content (its BODY_XPATH: an <article>,
    a <main>, an element whose class or id names a post's or a story's content) finds one in
    the tree. Without one it keeps the paragraphs it finds anywhere (`recover_wild_text`),
    and a list only with its recall setting. True when the search cannot be read."""
    try:
        from trafilatura.xpaths import BODY_XPATH
    except ImportError:
        return True
    return any(any(found is not None for found in expr(tree)) for expr in BODY_XPATH)


def page_metadata(tree, url: str | None) -> PageMetadata:
    """The date, author, site name and address trafilatura's `extract_metadata` finds on a
    prepared lxml tree, without the fields cleaner does not read (title, categories, tags,
    licence, host: a fifth of its time) and without its author search on a page that has no
    attribute it looks for (AUTHOR_WORDS). Its steps are trafilatura's own, in its order; a
    release that moves them is read by `extract_metadata` whole. Its author strings are read
    with their runs of non-word characters cut (_bounded_authors)."""
    with _bounded_authors():
        steps = _metadata_steps(tree, url)
        if steps is not None:
            return steps
        from trafilatura import extract_metadata

        found = extract_metadata(tree, url, dict(DATE_PARAMS))
        return PageMetadata(found.date, found.author, found.sitename, found.url)


def _metadata_steps(tree, url: str | None) -> PageMetadata | None:
    """trafilatura's steps, or None when this release does not have them where they are
    looked for (only their imports are guarded: an error inside a step is no release's)."""
    try:
        from htmldate import find_date
        from trafilatura.metadata import (
            META_URL,
            examine_meta,
            extract_author,
            extract_meta_json,
            extract_sitename,
            extract_url,
        )
    except ImportError:
        return None
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # as extract_metadata: a one-word meta author is a handle
    with contextlib.suppress(Exception):  # as extract_metadata: its JSON-LD reading may fail
        found = extract_meta_json(tree, found)
    if not found.author and _may_name_author(tree):
        found.author = extract_author(tree)
    found.url = found.url or extract_url(tree, url)
    found.date = find_date(tree, **DATE_PARAMS, url=found.url)
    found.sitename = found.sitename or extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url and (match := META_URL.match(found.url)):
        found.sitename = match[1]
    found.clean_and_trim()
    return PageMetadata(found.date, found.author, found.sitename, found.url)


# trafilatura's author normalization (json_metadata.normalize_authors, for a meta tag's,
# JSON-LD's and an element's author) strips trailing non-word characters with `[^\w]+$`,
# tried from every position of a run to its end: quadratic in the run's length (a fuzzed
# page's JSON-LD author of 45,000 `=` took 17 s). Each run is cut to this many characters
# first; no author's name holds a longer one.
AUTHOR_RUN_CHARS = 64
_LONG_RUN = re.compile(rf"\W{{{AUTHOR_RUN_CHARS + 1},}}")


def _bounded_authors() -> contextlib.AbstractContextManager:
    """trafilatura's author normalization with each run of non-word characters in the
    string cut to AUTHOR_RUN_CHARS, for the calls made inside (discard.swapped)."""
    try:
        from trafilatura import json_metadata, metadata
    except ImportError:
        return contextlib.nullcontext()
    own = getattr(json_metadata, "normalize_authors", None)
    if own is None:
        return contextlib.nullcontext()

    def normalize(current: str | None, author: str) -> str | None:
        return own(current, _LONG_RUN.sub(lambda run: run[0][:AUTHOR_RUN_CHARS], author))

    modules = [m for m in (json_metadata, metadata) if hasattr(m, "normalize_authors")]
    return swapped((m, "normalize_authors", m.normalize_authors, normalize) for m in modules)


def _may_name_author(tree) -> bool:
    """Whether trafilatura's author XPaths may match: an attribute holds one of AUTHOR_WORDS,
    or the page has an <author> element."""
    values = tree.xpath(_AUTHOR_ATTRIBUTES)
    return AUTHOR_WORDS.search(" ".join(values)) is not None or tree.find(".//author") is not None


def cleaned_tags() -> tuple[str, ...]:
    """The elements trafilatura's tree cleaning deletes from every copy of a page."""
    try:
        from trafilatura.settings import MANUALLY_CLEANED
    except ImportError:
        return _MANUALLY_CLEANED
    return tuple(MANUALLY_CLEANED)


def stripped_tags() -> tuple[str, ...]:
    """The elements trafilatura's tree cleaning unwraps (their text stays) in every copy."""
    try:
        from trafilatura.settings import MANUALLY_STRIPPED
    except ImportError:
        return ()
    return tuple(MANUALLY_STRIPPED)


def emptied_tags() -> tuple[str, ...]:
    """The elements trafilatura's tree cleaning deletes when they hold nothing (and, with its
    precision setting, the text after them: see empties.py)."""
    try:
        from trafilatura.settings import CUT_EMPTY_ELEMS
    except ImportError:
        return ()
    return tuple(sorted(CUT_EMPTY_ELEMS))


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
