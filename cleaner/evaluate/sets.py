"""`cleaner eval`: score the cleaner (and, side by side, its peers: peers.py) on a gold set.

A set is a folder with `index.jsonl` (one object per page: `page`, `gold`, `kind`, `url`)
and the files it names, as in the public benchmark sets.
"""

from __future__ import annotations

import contextlib
import json
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..emit import to_text
from ..errors import CleanerError, ConfigError
from ..model import Options
from ..normalize import reader_key
from ..pipeline import clean
from .metrics import Score, score

Extractor = Callable[[bytes, dict], "str | Output"]


@dataclass(frozen=True)
class Output:
    """What an extractor gave for a page: its text, and its title when it names one."""

    text: str
    title: str | None = None


@dataclass(frozen=True)
class PageResult:
    page: str
    score: Score
    seconds: float
    error: str | None = None
    group: str | None = None  # the page's value of the index field `--by` names
    title_ok: bool | None = None  # the title equals the set's reviewed one (None: no test)


@dataclass(frozen=True)
class SetResult:
    name: str
    pages: tuple[PageResult, ...]

    def mean(self, attr: str) -> float:
        values = [getattr(p.score, attr) for p in self.pages]
        return sum(values) / len(values) if values else 0.0

    @property
    def title_accuracy(self) -> float | None:
        """The share of titles equal to the reviewed ones, over pages that have one."""
        tested = [p.title_ok for p in self.pages if p.title_ok is not None]
        return sum(tested) / len(tested) if tested else None

    @property
    def pages_per_second(self) -> float:
        total = sum(p.seconds for p in self.pages)
        return len(self.pages) / total if total else 0.0


def load_index(folder: Path, limit: int | None = None) -> list[dict]:
    index = folder / "index.jsonl"
    if not index.is_file():
        raise ConfigError(
            f"{folder}: no index.jsonl; point eval at a set folder like bench/zh-cwced"
        )
    entries = []
    with index.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ConfigError(f"{index}:{number}: not JSON ({err.msg})") from None
    return entries[:limit] if limit else entries


def entry_options(options: Options, entry: dict) -> Options:
    """The options a set's page is cleaned with: its address and kind from the index."""
    return replace(options, url=entry.get("url") or None, input_format=entry.get("kind", "auto"))


def worst_pages(result: SetResult, count: int) -> list[PageResult]:
    """The `count` pages of a result with the lowest F1, lowest first."""
    return sorted(result.pages, key=lambda p: p.score.f1)[:count]


def cleaner_extractor(options: Options) -> Extractor:
    def run(data: bytes, entry: dict) -> str:
        doc = clean(data, entry_options(options, entry))
        return Output(to_text(doc, options.with_title), doc.title)

    return run


def load_titles(paths: Iterable[Path]) -> dict[str, str | None]:
    """Reviewed titles by page id, from JSON-lines files of `{"id": …, "title": …}` (as in
    bench/titles/); a null title marks a page reviewed as having none (not tested)."""
    titles: dict[str, str | None] = {}
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    titles[str(row["id"])] = row["title"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise ConfigError(
                        f"{path}:{number}: not a title row; each line is "
                        '{"id": "<page id>", "title": "<title>"}'
                    ) from None
    return titles


def run_set(
    folder: Path,
    extractor: Extractor,
    name: str,
    limit: int | None = None,
    by: str | None = None,
    titles: Mapping[str, str | None] | None = None,
) -> SetResult:
    """Score `extractor` on every page of a set; titles are tested against the index's
    `title` or, for a page without one, the reviewed title of its id in `titles`."""
    results = []
    entries = load_index(folder, limit)
    _warm_up(folder, extractor, entries)
    for entry in entries:
        data = (folder / entry["page"]).read_bytes()
        gold = (folder / entry["gold"]).read_text(encoding="utf-8")
        started = time.perf_counter()
        try:
            found, error = extractor(data, entry), None
        except CleanerError as err:
            found, error = "", err.message
        elapsed = time.perf_counter() - started
        titled = isinstance(found, Output)  # an extractor that names titles (not a peer's text)
        found = found if titled else Output(found)
        group = str(entry.get(by, "")) if by else None
        reviewed = entry.get("title") or (titles or {}).get(str(entry.get("id")))
        title_ok = same_title(found.title, reviewed) if titled and reviewed else None
        results.append(PageResult(entry["page"], score(gold, found.text), elapsed, error, group,
                                  title_ok))  # fmt: skip
    return SetResult(name, tuple(results))


def same_title(found: str | None, reviewed: str) -> bool:
    """Whether a title is the reviewed one, as a reader would compare them: case, width,
    curly quotes, dashes and spacing aside."""
    return bool(found) and _reviewed_key(found) == _reviewed_key(reviewed)


def _reviewed_key(text: str) -> str:
    return reader_key(unicodedata.normalize("NFKC", text))  # full-width forms aside too


def _warm_up(folder: Path, extractor: Extractor, entries: list[dict]) -> None:
    """One untimed page first, so that pages/s leaves out imports and one-time set-up
    (whichever extractor runs first would otherwise pay for them). trafilatura loads the
    jusText stop lists of every language (0.15 s) on the first page that needs its jusText
    fallback, shared by both extractors: they are loaded here too."""
    if entries:
        with contextlib.suppress(CleanerError):
            extractor((folder / entries[0]["page"]).read_bytes(), entries[0])
    from ..html.trafilatura_adapter import load_stop_lists

    load_stop_lists()


def report(results: list[SetResult], worst: int, by: str | None = None) -> str:
    """Each extractor's means and speed, a table of mean F1 per value of `by` (when given),
    and the worst pages of the first extractor."""
    titled = any(r.title_accuracy is not None for r in results)
    head = f"{'extractor':<22} {'pages':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}"
    lines = [head + (f" {'title':>6}" if titled else "")]
    for r in results:
        title = r.title_accuracy
        lines.append(
            f"{r.name:<22} {len(r.pages):>5} {r.mean('precision'):>9.3f} {r.mean('recall'):>7.3f}"
            f" {r.mean('f1'):>6.3f} {r.pages_per_second:>8.1f}"
            + ((f" {title:>6.1%}" if title is not None else f" {'-':>6}") if titled else "")
        )
    if by and results:
        lines += ["", _by_group(results, by)]
    if results and worst:
        lines.append(f"\nworst {worst} pages ({results[0].name}):")
        for p in worst_pages(results[0], worst):
            s = p.score
            note = f"  error: {p.error}" if p.error else ""
            lines.append(f"  F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}  {p.page}{note}")
    return "\n".join(lines) + "\n"


def _by_group(results: list[SetResult], by: str) -> str:
    """Mean F1 of each extractor for each value of the index field `by`, the best in bold."""
    groups = sorted({p.group or "" for p in results[0].pages})
    rows = [f"| {by} (pages) | " + " | ".join(r.name for r in results) + " |",
            "|---" * (len(results) + 1) + "|"]  # fmt: skip
    for group in groups:
        means = []
        for r in results:
            f1s = [p.score.f1 for p in r.pages if (p.group or "") == group]
            means.append(sum(f1s) / len(f1s) if f1s else 0.0)
        count = sum(1 for p in results[0].pages if (p.group or "") == group)
        best = max(means)
        cells = [f"**{m:.3f}**" if m == best and len(means) > 1 else f"{m:.3f}" for m in means]
        rows.append(f"| {group or '(none)'} ({count}) | " + " | ".join(cells) + " |")
    return "\n".join(rows)
