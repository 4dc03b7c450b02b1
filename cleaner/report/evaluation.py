"""The evaluation report: `cleaner eval … --report eval.html` as one HTML file.

Per set: F1, precision, recall and title accuracy of cleaner and each peer, as bars with their
figures; a precision-recall scatter of cleaner's pages; and its worst pages with the gold text
and cleaner's output side by side (what is missing struck through in the gold, what is extra
underlined in the output), each linked to its page report (written beside: REPORT-pages/)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..emit import to_text
from ..errors import CleanerError
from ..evaluate.sets import SetResult, entry_options, load_index, worst_pages
from ..model import Options
from .page import render_page
from .shell import bars, esc, page, scatter, table
from .view import page_view

DIFF_TOKENS = 4000  # tokens of each side compared: a page's diff stays fast (difflib is
# quadratic at worst); the rest is shown unmarked
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class WorstPage:
    set_name: str
    page: str
    f1: float
    gold: str
    output: str
    href: str  # its page report, relative to the evaluation report


def eval_report(path: Path, runs: list[tuple[Path, list[SetResult]]], options: Options,
                worst: int) -> dict[Path, str]:  # fmt: skip
    """The report of `runs` (each set's folder and its results, cleaner's first) at `path`
    and page reports of cleaner's `worst` pages of each set beside it, by path, for the
    caller to write."""
    folder = path.with_name(path.stem + "-pages")
    files, pages = {}, []
    for set_folder, results in runs:
        entries = {e["page"]: e for e in load_index(set_folder)}
        for n, result in enumerate(worst_pages(results[0], worst)):
            entry = entries[result.page]
            data = (set_folder / entry["page"]).read_bytes()
            opts = replace(entry_options(options, entry), source=str(set_folder / entry["page"]))
            name = f"{set_folder.name}-{n + 1}.html"
            try:
                view = page_view(data, opts)
            except CleanerError as err:  # a page that fails has its message, no report
                output, href = f"(failed: {err.message})", ""
            else:
                files[folder / name] = render_page(view)
                output, href = to_text(view.document, options.with_title), f"{folder.name}/{name}"
            gold = (set_folder / entry["gold"]).read_text(encoding="utf-8")
            pages.append(WorstPage(set_folder.name, result.page, result.score.f1, gold, output,
                                   href))  # fmt: skip
    files[path] = render_eval([(f.name, r) for f, r in runs], pages)
    return files


def render_eval(runs: list[tuple[str, list[SetResult]]], worst: list[WorstPage]) -> str:
    """The evaluation report as a self-contained HTML document."""
    parts = []
    for name, results in runs:
        parts.append(f"<h2>{esc(name)}</h2>")
        parts.append(_figures(results))
        parts.append(_bars(results))
        points = [(p.score.recall, p.score.precision, f"{p.page}: F1 {p.score.f1:.3f}")
                  for p in results[0].pages]  # fmt: skip
        parts.append(f"<h3>{esc(results[0].name)}: precision against recall, a dot a page</h3>")
        parts.append(scatter(points, "recall", "precision"))
        parts += [_side_by_side(w) for w in worst if w.set_name == name]
    return page("Evaluation report", "".join(parts))


def _figures(results: list[SetResult]) -> str:
    rows = []
    for r in results:
        title = f"{r.title_accuracy:.1%}" if r.title_accuracy is not None else "-"
        means = (f"{r.mean(m):.3f}" for m in ("f1", "precision", "recall"))
        rows.append((r.name, len(r.pages), *means, title))
    return table(("extractor", "pages", "F1", "precision", "recall", "title"), rows)


def _bars(results: list[SetResult]) -> str:
    parts = []
    for measure in ("f1", "precision", "recall"):
        items = [(r.name, r.mean(measure), f"{r.mean(measure):.3f}") for r in results]
        label = "F1" if measure == "f1" else measure
        parts.append(f"<h3>Mean {label}</h3>" + bars(items, f"mean {label}", scale=1.0))
    titled = [r for r in results if r.title_accuracy is not None]
    if titled:
        items = [(r.name, r.title_accuracy, f"{r.title_accuracy:.1%}") for r in titled]
        parts.append("<h3>Titles right</h3>" + bars(items, "titles right", scale=1.0))
    return "".join(parts)


def _side_by_side(worst: WorstPage) -> str:
    gold, output = marked_diff(worst.gold, worst.output)
    link = f'<a href="{esc(worst.href)}">page report</a>' if worst.href else "no page report"
    return (
        f"<h3>Worst: {esc(worst.page)} (F1 {worst.f1:.3f}, {link})</h3>"
        '<div class="side"><div><b>gold</b> (missing from the output: '
        f"<del>struck through</del>)<pre>{gold}</pre></div><div><b>output</b> (not in the gold: "
        f"<ins>underlined</ins>)<pre>{output}</pre></div></div>"
    )


def marked_diff(gold: str, output: str) -> tuple[str, str]:
    """Both texts as HTML: gold tokens the output lacks in <del>, output tokens the gold lacks
    in <ins> (the first DIFF_TOKENS tokens of each; the rest as is)."""
    a, b = _TOKEN.findall(gold), _TOKEN.findall(output)
    head_a, head_b = a[:DIFF_TOKENS], b[:DIFF_TOKENS]
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, head_a, head_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        gold_part, out_part = esc("".join(head_a[i1:i2])), esc("".join(head_b[j1:j2]))
        if op == "equal":
            left.append(gold_part)
            right.append(out_part)
            continue
        if gold_part:
            left.append(f"<del>{gold_part}</del>")
        if out_part:
            right.append(f"<ins>{out_part}</ins>")
    left.append(esc("".join(a[DIFF_TOKENS:])))
    right.append(esc("".join(b[DIFF_TOKENS:])))
    return "".join(left), "".join(right)
