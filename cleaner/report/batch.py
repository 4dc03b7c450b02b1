"""The batch report: what a run over many pages did, as one HTML file.

Each page cleaned in a report run leaves a small `PageStats` (worker side: `page_stats`); the
`BatchReport` gathers them with the failures as the run goes and renders pages by method, page
kind and language, removed lines per reason as bars, per host the pages and the share of text
kept, the failures with their messages, the slowest pages, and links to page reports of the
pages that look most suspicious, read again once the run is over.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..decode import decode_bytes
from ..errors import CleanerError
from ..model import Document, Options
from .page import render_page
from .shell import bars, esc, page, table
from .view import PageView, page_view

NOTHING_KEPT = 0.05  # a page keeping under this share of its text looks wrongly emptied
EVERYTHING_KEPT = 0.9  # ... over this share, looks uncleaned (menus and footers kept)
MANY_REPAIRS = 5  # lines repaired or dropped as mojibake: the page's encoding is in doubt
MIN_TEXT = 200  # characters a page needs before its kept share means anything
SUSPICIOUS_KEPT = 10  # page reports kept per kind of suspicion
SLOWEST = 10  # the slowest pages listed
HOSTS = 30  # hosts listed, most pages first
MAX_HOSTS = 100_000  # hosts counted apart; the pages of any further host count as OTHERS
OTHERS = "(other hosts)"
MAX_FAILURES = 1_000  # failures listed with their messages; the rest counted


@dataclass(frozen=True)
class PageStats:
    source: str
    host: str
    method: str
    page_kind: str
    language: str
    text_chars: int  # the page's text (a dump's, or an HTML page's markup without tags)
    kept_chars: int
    removed: tuple[tuple[str, int], ...]  # (reason, lines)
    repairs: int
    seconds: float
    suspicion: str = ""  # nothing kept | everything kept | many repairs
    report: str | None = None  # its page report (a one-page run)
    path: str = ""  # where to read the page again: a file, or an archive ...
    offset: int | None = None  # ... and its record's offset
    options: Options | None = None  # what the page was cleaned with

    @property
    def kept_share(self) -> float:
        return min(1.0, self.kept_chars / self.text_chars) if self.text_chars else 0.0


def page_stats(
    doc: Document,
    data: bytes,
    options: Options,
    seconds: float,
    where: tuple[str, int | None] = ("", None),
    view: PageView | None = None,
) -> PageStats:
    """What the batch report needs of a page cleaned with the explain trail; `where` the page
    can be read again (a file, or an archive and its record's offset); `view`: the page's
    PageView, whose report is rendered too (a one-page run)."""
    decoded = decode_bytes(data, options.encoding, options.charset).text
    text = _page_text(decoded) if doc.kind == "html" else decoded
    text_chars = len("".join(text.split()))
    kept_chars = len("".join("".join(doc.paragraphs).split()))
    reasons = Counter(r.reason for r in doc.removed)
    url = doc.metadata.url or options.url or ""
    stats = PageStats(
        doc.source, urlsplit(url).hostname or "(no address)", doc.method, doc.page_kind.kind,
        doc.language or "", text_chars, kept_chars, tuple(reasons.most_common()),
        doc.repair_count, seconds,
    )  # fmt: skip
    html = render_page(view) if view is not None else None
    return replace(stats, suspicion=_suspicion(stats), report=html, path=where[0],
                   offset=where[1], options=options)  # fmt: skip


def _page_text(markup: str) -> str:
    from ..html.visible import markup_text  # the tag-free text, by pattern (linear)

    return markup_text(markup)


def _suspicion(stats: PageStats) -> str:
    if stats.repairs >= MANY_REPAIRS:
        return "many repairs"
    if stats.text_chars < MIN_TEXT:
        return ""
    if stats.kept_share < NOTHING_KEPT:
        return "nothing kept"
    return "everything kept" if stats.kept_share > EVERYTHING_KEPT else ""


@dataclass
class Tally:
    """What the batch report shows, gathered page by page in bounded memory (a crawl of
    millions of pages keeps counters, not its pages)."""

    pages: int = 0
    text_chars: int = 0
    kept_chars: int = 0
    fields: dict[str, Counter] = field(default_factory=dict)  # "method" -> its values' counts
    reasons: Counter = field(default_factory=Counter)  # removed lines per reason
    hosts: dict[str, list[int]] = field(default_factory=dict)  # host -> [pages, text, kept]
    slowest: list = field(default_factory=list)  # heap of (seconds, n, source, method)
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first MAX_FAILURES
    failed: int = 0

    def add(self, stats: PageStats) -> None:
        self.pages += 1
        self.text_chars += stats.text_chars
        self.kept_chars += stats.kept_chars
        for name in ("method", "page_kind", "language"):
            self.fields.setdefault(name, Counter())[getattr(stats, name) or "(none)"] += 1
        self.reasons.update(dict(stats.removed))
        host = stats.host if stats.host in self.hosts or len(self.hosts) < MAX_HOSTS else OTHERS
        counts = self.hosts.setdefault(host, [0, 0, 0])
        counts[0], counts[1], counts[2] = (counts[0] + 1, counts[1] + stats.text_chars,
                                           counts[2] + stats.kept_chars)  # fmt: skip
        item = (stats.seconds, self.pages, stats.source, stats.method)
        (heapq.heappush if len(self.slowest) < SLOWEST else heapq.heappushpop)(self.slowest, item)

    def fail(self, source: str, message: str) -> None:
        self.failed += 1
        if len(self.failures) < MAX_FAILURES:
            self.failures.append((source, message))


class BatchReport:
    """The run's pages and failures as they come (a Tally, and the most suspicious pages'
    PageStats); `render` gives the report and the page reports of those pages
    (REPORT-pages/N.html), by path, for the caller to write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tally = Tally()
        self.suspects: dict[str, list] = {}  # suspicion -> heap of (extremity, n, stats)

    def add(self, stats: PageStats | None, source: str, failure: str | None) -> None:
        if failure:
            self.tally.fail(source, failure)
        if stats is None:
            return
        self.tally.add(stats)
        if stats.suspicion:
            heap = self.suspects.setdefault(stats.suspicion, [])
            item = (_extremity(stats), self.tally.pages, stats)
            (heapq.heappush if len(heap) < SUSPICIOUS_KEPT else heapq.heappushpop)(heap, item)

    def render(self, seconds: float, read: Callable[[PageStats], bytes]) -> dict[Path, str]:
        """The report and the page reports of the suspicious pages kept, each page read
        again with `read` (a page that cannot be read again is listed without its report)."""
        folder = self.path.with_name(self.path.stem + "-pages")
        files, links = {}, []
        for suspicion, heap in sorted(self.suspects.items()):
            for _, n, stats in sorted(heap, reverse=True):
                href = f"{folder.name}/{n:06}.html"
                try:
                    view = page_view(read(stats), stats.options)
                    files[folder / f"{n:06}.html"] = render_page(view)
                except (CleanerError, OSError):
                    href = ""
                links.append((suspicion, stats, href))
        files[self.path] = render_batch(self.tally, links, seconds)
        return files


def _extremity(stats: PageStats) -> float:
    if stats.suspicion == "many repairs":
        return float(stats.repairs)
    return 1 - stats.kept_share if stats.suspicion == "nothing kept" else stats.kept_share


def render_batch(tally: Tally, links: list[tuple[str, PageStats, str]], seconds: float) -> str:
    """The batch report as a self-contained HTML document."""
    total = tally.pages + tally.failed
    head = (
        f"<p>{total} inputs: {tally.pages} cleaned, {tally.failed} failed, in {seconds:.1f} s."
        f" Text kept overall: {_share(tally.text_chars, tally.kept_chars):.0%} of "
        f"{tally.text_chars:,} characters.</p>"
    )
    parts = [head, _by_field(tally), _reasons(tally), _hosts(tally), _suspects(links)]
    parts += [_failures(tally), _slowest(tally)]
    return page("Batch report", "".join(parts))


def _share(text: int, kept: int) -> float:
    return min(1.0, kept / text) if text else 0.0


def _by_field(tally: Tally) -> str:
    parts = []
    for label, name in (("method", "method"), ("page kind", "page_kind"),
                        ("language", "language")):  # fmt: skip
        counts = tally.fields.get(name, Counter()).most_common()
        items = [(value, n, f"{n} page{'s' if n != 1 else ''}") for value, n in counts]
        parts.append(f"<h2>Pages by {label}</h2>" + bars(items, f"pages by {label}"))
    return "".join(parts)


def _reasons(tally: Tally) -> str:
    items = [(reason, n, f"{n:,} line{'s' if n != 1 else ''}")
             for reason, n in tally.reasons.most_common()]  # fmt: skip
    chart = bars(items, "removed lines per reason") if items else "<p>none</p>"
    return "<h2>Removed lines per reason</h2>" + chart


def _hosts(tally: Tally) -> str:
    ranked = sorted(tally.hosts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:HOSTS]
    rows = [(host, n, f"{_share(text, kept):.0%}") for host, (n, text, kept) in ranked]
    return "<h2>Hosts</h2>" + table(("host", "pages", "text kept"), rows)


def _suspects(links: list[tuple[str, PageStats, str]]) -> str:
    if not links:
        return "<h2>Pages that look suspicious</h2><p>none</p>"
    rows = [
        (suspicion, ("raw", f'<a href="{esc(href)}">{esc(stats.source)}</a>') if href
         else stats.source, f"{stats.kept_share:.0%}", stats.repairs)
        for suspicion, stats, href in links
    ]  # fmt: skip
    return "<h2>Pages that look suspicious</h2>" + table(
        ("why", "page report", "text kept", "repairs"), rows
    )


def _failures(tally: Tally) -> str:
    if not tally.failed:
        return "<h2>Failures</h2><p>none</p>"
    more = tally.failed - len(tally.failures)
    note = f"<p>and {more:,} more (the --errors file lists every one)</p>" if more else ""
    return "<h2>Failures</h2>" + table(("input", "message"), tally.failures) + note


def _slowest(tally: Tally) -> str:
    slow = sorted(tally.slowest, reverse=True)
    rows = [(source, f"{seconds * 1000:.0f} ms", method) for seconds, _, source, method in slow]
    return "<h2>Slowest pages</h2>" + table(("page", "time", "method"), rows)
