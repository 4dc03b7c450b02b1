"""The batch report: what a run over many pages did, as one HTML file.

Each page cleaned in a report run leaves a small `PageStats` (worker side: `page_stats`); the
`BatchReport` gathers them with the failures as the run goes and renders pages by method, page
kind and language, removed lines per reason as bars, per host the pages and the share of text
kept, the failures with their messages, the slowest pages, and links to page reports of the
pages that look most suspicious, which the worker renders while it still holds their bytes.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..decode import decode_bytes
from ..errors import CleanerError
from ..model import Document, Options
from .page import render_page
from .shell import bars, esc, page, table
from .view import page_view

NOTHING_KEPT = 0.05  # a page keeping under this share of its text looks wrongly emptied
EVERYTHING_KEPT = 0.9  # ... over this share, looks uncleaned (menus and footers kept)
MANY_REPAIRS = 5  # lines repaired or dropped as mojibake: the page's encoding is in doubt
MIN_TEXT = 200  # characters a page needs before its kept share means anything
SUSPICIOUS_KEPT = 10  # page reports kept per kind of suspicion
SLOWEST = 10  # the slowest pages listed
HOSTS = 30  # hosts listed, most pages first


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
    report: bool = False,
) -> PageStats:
    """What the batch report needs of a page cleaned with the explain trail; `where` the page
    can be read again (a file, or an archive and its record's offset); `report`: its page
    report too (a one-page run)."""
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
    html = render_page(page_view(data, options)) if report else None
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


class BatchReport:
    """The run's pages and failures as they come; `render` gives the report and the page
    reports of the most suspicious pages (REPORT-pages/N.html), by path, for the caller to
    write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pages: list[PageStats] = []
        self.failures: list[tuple[str, str]] = []
        self.suspects: dict[str, list] = {}  # suspicion -> heap of (extremity, n, stats)

    def add(self, stats: PageStats | None, source: str, failure: str | None) -> None:
        if failure:
            self.failures.append((source, failure))
        if stats is None:
            return
        self.pages.append(stats)
        if stats.suspicion:
            heap = self.suspects.setdefault(stats.suspicion, [])
            item = (_extremity(stats), len(self.pages), stats)
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
                    files[folder / f"{n:06}.html"] = render_page(
                        page_view(read(stats), stats.options)
                    )
                except (CleanerError, OSError):
                    href = ""
                links.append((suspicion, stats, href))
        files[self.path] = render_batch(self.pages, self.failures, links, seconds)
        return files


def _extremity(stats: PageStats) -> float:
    if stats.suspicion == "many repairs":
        return float(stats.repairs)
    return 1 - stats.kept_share if stats.suspicion == "nothing kept" else stats.kept_share


def render_batch(pages: list[PageStats], failures: list[tuple[str, str]],
                 links: list[tuple[str, PageStats, str]], seconds: float) -> str:  # fmt: skip
    """The batch report as a self-contained HTML document."""
    total = len(pages) + len(failures)
    head = (
        f"<p>{total} inputs: {len(pages)} cleaned, {len(failures)} failed, in {seconds:.1f} s."
        f" Text kept overall: {_share(pages):.0%} of {sum(p.text_chars for p in pages):,} "
        "characters.</p>"
    )
    parts = [head, _by_field(pages), _reasons(pages), _hosts(pages), _suspects(links)]
    parts += [_failures(failures), _slowest(pages)]
    return page("Batch report", "".join(parts))


def _share(pages: list[PageStats]) -> float:
    text = sum(p.text_chars for p in pages)
    return min(1.0, sum(p.kept_chars for p in pages) / text) if text else 0.0


def _by_field(pages: list[PageStats]) -> str:
    parts = []
    for label, field in (("method", "method"), ("page kind", "page_kind"),
                         ("language", "language")):  # fmt: skip
        counts = Counter(getattr(p, field) or "(none)" for p in pages).most_common()
        items = [(name, n, f"{n} page{'s' if n != 1 else ''}") for name, n in counts]
        parts.append(f"<h2>Pages by {label}</h2>" + bars(items, f"pages by {label}"))
    return "".join(parts)


def _reasons(pages: list[PageStats]) -> str:
    counts: Counter = Counter()
    for stats in pages:
        counts.update(dict(stats.removed))
    items = [
        (reason, n, f"{n:,} line{'s' if n != 1 else ''}") for reason, n in counts.most_common()
    ]
    chart = bars(items, "removed lines per reason") if items else "<p>none</p>"
    return "<h2>Removed lines per reason</h2>" + chart


def _hosts(pages: list[PageStats]) -> str:
    groups: dict[str, list[PageStats]] = {}
    for stats in pages:
        groups.setdefault(stats.host, []).append(stats)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:HOSTS]
    rows = [(host, len(group), f"{_share(group):.0%}") for host, group in ranked]
    return "<h2>Hosts</h2>" + table(("host", "pages", "text kept"), rows)


def _suspects(links: list[tuple[str, PageStats, str]]) -> str:
    if not links:
        return "<h2>Pages that look suspicious</h2><p>none</p>"
    rows = [
        (suspicion, ("raw", f'<a href="{esc(href)}">{esc(stats.source)}</a>') if href
         else stats.source,
         f"{stats.kept_share:.0%}", stats.repairs)
        for suspicion, stats, href in links
    ]  # fmt: skip
    return "<h2>Pages that look suspicious</h2>" + table(
        ("why", "page report", "text kept", "repairs"), rows
    )


def _failures(failures: list[tuple[str, str]]) -> str:
    if not failures:
        return "<h2>Failures</h2><p>none</p>"
    return "<h2>Failures</h2>" + table(("input", "message"), failures)


def _slowest(pages: list[PageStats]) -> str:
    slow = sorted(pages, key=lambda p: -p.seconds)[:SLOWEST]
    rows = [(p.source, f"{p.seconds * 1000:.0f} ms", p.method) for p in slow]
    return "<h2>Slowest pages</h2>" + table(("page", "time", "method"), rows)
