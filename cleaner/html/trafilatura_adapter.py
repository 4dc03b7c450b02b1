"""Every use of trafilatura, in one place: its body extraction on a prepared tree (and, with
metadata on, its date, author and site name), the elements its tree cleaning deletes, and its
default `extract` as the peer that `cleaner eval --compare trafilatura` scores; a page's title
is read by html/title.py from the page's own markup.
pyproject.toml bounds the version; the two internals read here (`trafilatura.settings`'
MANUALLY_CLEANED, `trafilatura.external`'s jusText stop lists) have fallbacks, so a release
that moves them costs a little quality or speed, never a crash. trafilatura itself is imported
on first use (0.3 s): only HTML pages pay for it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

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
    """What trafilatura found on a page: its text (a thread's comments after it) and, with
    metadata on, its date, author, site name and address (the page's title is read from its
    own markup, html/title.py)."""

    text: str
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
        return Reading(text)
    return Reading(text, result.date, result.author, result.sitename, result.url)


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
