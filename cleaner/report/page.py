"""The page report: one HTML file showing every line of a page and what became of it.

Each line carries its status in words (kept, removed and why, repaired, left out), the directive
that removed it (`rules/generic/zh.txt:12`, with that line of the file), and, one click away, a
`drop_line` directive that would match it, ready to paste into a rule file. A select box filters
the lines by status or reason (the only script)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ..model import Document
from ..rules.format import rules_dir
from .shell import esc, page, table
from .view import PageView, ReportLine

SUGGEST_CHARS = 60  # a longer line is matched by its start: a pasted pattern stays readable
_FILTER_SCRIPT = (
    "document.getElementById('filter').addEventListener('change',function(e){"
    "var v=e.target.value;document.querySelectorAll('ol.lines li').forEach(function(li){"
    "li.hidden=!(v==='all'||li.dataset.status===v||li.dataset.reason===v);});});"
)


def render_page(view: PageView) -> str:
    """The page report of a PageView, as a self-contained HTML document."""
    doc = view.document
    parts = [
        _facts(view),
        _counts(view),
        _rule(doc),
        f"<h2>Every {esc(view.counts)}, in order</h2>",
        _filter(view.lines),
        '<ol class="lines">',
        *(_line(line, view.counts) for line in view.lines),
        "</ol>",
    ]
    return page(f"Page report: {doc.source}", "".join(parts), _FILTER_SCRIPT)


def suggestion(line: ReportLine) -> str:
    """A drop_line directive that matches this line: its text (or start) as a pattern."""
    text = line.text.replace("\xa0", " ").strip()  # cues see a no-break space as a space
    escaped = re.escape(text[:SUGGEST_CHARS]).replace("\\ ", " ")  # a space needs none
    pattern = "^" + escaped + ("$" if len(text) <= SUGGEST_CHARS else "")
    reason = line.reason if line.status == "removed" and line.reason else "boilerplate"
    return f"drop_line({reason}): {pattern}"


def directive_at(origin: str) -> str | None:
    """The line of a rule file that an origin (`path:line`) names, if the file is readable."""
    path, _, number = origin.rpartition(":")
    if not number.isdigit():
        return None
    lines = _file_lines(path)
    return lines[int(number) - 1].strip() if 0 < int(number) <= len(lines) else None


def short_origin(origin: str) -> str:
    """A built-in rule's origin as `rules/generic/zh.txt:12` (wherever cleaner is installed);
    another below the working folder relative to it."""
    builtin = _builtin_prefix()
    if origin.startswith(builtin):
        return "rules/" + origin[len(builtin) :]
    try:
        return str(Path(origin).relative_to(Path.cwd()))
    except ValueError:
        return origin


@lru_cache(maxsize=1)
def _builtin_prefix() -> str:
    return str(rules_dir()) + "/"  # looked up once, not at every removed line


@lru_cache(maxsize=32)
def _file_lines(path: str) -> tuple[str, ...]:
    try:
        return tuple(Path(path).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def _facts(view: PageView) -> str:
    doc, meta = view.document, view.document.metadata
    title_at = next((ln.number for ln in view.lines if ln.status == "title"), None)
    encoding = f"{doc.encoding} ({doc.encoding_confidence:.0%} sure)"
    rows = [
        ("title", doc.title or "(none)", _where(view, doc.title, title_at)),
        ("date", meta.date or "", _where(view, meta.date)),
        ("author", meta.author or "", _where(view, meta.author)),
        ("site name", meta.sitename or "", _where(view, meta.sitename)),
        ("address", meta.url or "", "given (--url), or the page's canonical link" if meta.url
         else ""),
        ("language", doc.language or "", "guessed from the clean text" if doc.language else ""),
        ("encoding", encoding, doc.encoding_why or doc.encoding_reason),
        ("page kind", doc.page_kind.kind, doc.page_kind.why),
        ("method", doc.method, f"{len(doc.paragraphs)} paragraphs kept"),
    ]  # fmt: skip
    if doc.replacements:
        rows.append(("bytes replaced", str(doc.replacements), "could not be decoded"))
    return "<h2>What was chosen, and why</h2>" + table(("", "value", "where from / why"), rows)


def _where(view: PageView, value: str | None, at: int | None = None) -> str:
    """Where a chosen value stands: the line it was taken from, else the first line that holds
    it (a date in any of its spellings: 2018-06-22, 2018/6/22, 2018年06月22日), else the
    page's metadata (meta tags, JSON-LD, the <title>)."""
    if not value:
        return ""
    if at is None:
        match = _pattern(value)
        at = next((ln.number for ln in view.lines if match.search(ln.text)), None)
    return f"from {view.counts} {at}" if at else "from the page's metadata"


def _pattern(value: str) -> re.Pattern[str]:
    date = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if not date:
        return re.compile(re.escape(value))
    y, m, d = date.groups()
    return re.compile(rf"{y}\D{{1,3}}0?{int(m)}\D{{1,3}}0?{int(d)}(?!\d)")


def _counts(view: PageView) -> str:
    statuses = Counter(line.status for line in view.lines if line.status != "blank")
    reasons = Counter(
        (ln.status, ln.reason) for ln in view.lines if ln.status in ("removed", "left-out")
    )
    rows = [(status, n) for status, n in statuses.most_common()]
    rows += [(f"{status}: {reason}", n) for (status, reason), n in reasons.most_common()]
    return "<h2>Lines by status and reason</h2>" + table(("", "lines"), rows)


def _rule(doc: Document) -> str:
    if not doc.rule:
        return "<h2>Site rule</h2><p>none applied</p>"
    rows = [
        (short_origin(e.where), e.directive, f"{e.of} line {e.line}", e.before,
         "removed" if e.after is None else e.after)
        for e in doc.effects
    ]  # fmt: skip
    notes = "".join(f"<li>{esc(n)}</li>" for n in doc.notes)
    return (
        f"<h2>Site rule</h2><p>rule <b>{esc(doc.rule)}</b>: {esc(doc.rule_why or '')}</p>"
        + table(("directive", "kind", "where", "before", "after"), rows)
        + (f"<ul>{notes}</ul>" if notes else "")
    )


def _filter(lines: tuple[ReportLine, ...]) -> str:
    statuses = sorted({ln.status for ln in lines} - {"blank"})
    reasons = sorted({ln.reason for ln in lines if ln.reason})
    options = ['<option value="all">all lines</option>']
    options += [f'<option value="{esc(s)}">status: {esc(s)}</option>' for s in statuses]
    options += [f'<option value="{esc(r)}">reason: {esc(r)}</option>' for r in reasons]
    return f'<p><label>Show <select id="filter">{"".join(options)}</select></label></p>'


def _line(line: ReportLine, counts: str) -> str:
    tag = line.status + (f": {line.reason}" if line.reason else "")
    shown = esc(line.text) + (f" → {esc(line.after)}" if line.after is not None else "")
    suggested = esc(suggestion(line))
    detail = f"<code>{suggested}</code> would match this {esc(counts)}"
    if line.by:
        fired = directive_at(line.by)
        verb = {"left-out": "left out by", "rewritten": "rewritten by"}.get(
            line.status, "removed by"
        )
        detail = (
            f"{verb} <code>{esc(short_origin(line.by))}</code>"
            + (f": <code>{esc(fired)}</code>" if fired else "")
            + f"<br>{detail}"
        )
    return (
        f'<li class="{esc(line.status)}" data-status="{esc(line.status)}" '
        f'data-reason="{esc(line.reason)}" title="{suggested}">'
        f'<span class="no">{line.number}</span><span class="tag">{esc(tag)}</span>'
        f'<span class="text">{shown}</span>'
        f"<details><summary>directive</summary>{detail}</details></li>"
    )
