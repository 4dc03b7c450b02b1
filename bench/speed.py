"""Speed benchmark: pages/s of the cleaner on one core, the share of it the mojibake repair
takes, and the seed's wall time; on an HTML set, trafilatura's own default `extract` on the
same pages in the same process, and the ratio.

    python bench/speed.py ../shared/bench/zh-cwced-text ../shared/bench/zh-cwced [...]

Runs every page of each set once to warm up, then REPEATS more times, in this one process
(one core), and reports the best pass (the passes alternate between the two extractors, so
both meet the same machine load). The repair stage is timed inside the same passes. The
cleaner runs as `cleaner clean` with text output does (no date/author search, no language
guess); with --json as `-f json` / `-f jsonl` does (date, author, site name and language
too). Not a test: figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import cleaner.textdump.page as dump_page
from cleaner import Options, clean

REPEATS = 3
PAGE_RATIO = 3.0  # the bound on one page: no page over 3x trafilatura's time


class StageTimer:
    """Wraps a pipeline stage function and adds up the time spent in it."""

    def __init__(self, function):
        self.function, self.seconds = function, 0.0

    def __call__(self, *args):
        started = time.perf_counter()
        try:
            return self.function(*args)
        finally:
            self.seconds += time.perf_counter() - started


def forget_lines() -> None:
    """Forget what was learnt from earlier pages' lines (cue matches, plausibility scores),
    keeping what is loaded once per process (rule files, cue sets, parsers), as a long run
    has them: `cleaner.pipeline.clear_caches` would reload those on every pass."""
    from cleaner.html.rows import forget_rows as forget_row_keys
    from cleaner.mojibake.plausible import score
    from cleaner.normalize import letters_key
    from cleaner.rules.cues import forget_matches
    from cleaner.textdump.features import forget_rows

    forget_matches()
    forget_rows()  # a row's features, and its letters as titles are compared
    forget_row_keys()  # a row's key as readings are compared
    score.cache_clear()
    letters_key.cache_clear()


@dataclass
class PerPage:
    """Each page's best time for cleaner and for trafilatura, and the pages trafilatura
    gives up on (its extract returns nothing: a page its loader rejects takes it a
    millisecond), so that the ratio on the pages both read can be told apart."""

    ours: list[float]
    peer: list[float]
    given_up: set[int] = field(default_factory=set)

    def read(self) -> list[int]:
        """The pages trafilatura reads (the pages it does not give up on)."""
        return [i for i in range(len(self.ours)) if i not in self.given_up]

    def ratio_where_read(self) -> float | None:
        read = self.read()
        if not self.given_up or not read:
            return None
        return sum(self.peer[i] for i in read) / sum(self.ours[i] for i in read)

    def over(self, ratio: float) -> list[int]:
        """The pages whose best time is over `ratio` times trafilatura's, slowest first."""
        slow = [i for i in range(len(self.ours)) if self.ours[i] > ratio * self.peer[i]]
        return sorted(slow, key=lambda i: self.peer[i] / self.ours[i])

    def slowest_read(self) -> int | None:
        """The page of the highest ratio to trafilatura's time among those it reads."""
        return max(self.read(), key=lambda i: self.ours[i] / self.peer[i], default=None)


@dataclass(frozen=True)
class Measured:
    """A set's figures, of the best pass of each extractor: pages/s, the share of the time
    spent repairing, trafilatura's pages/s on an HTML set (else None), each page's times."""

    ids: list[str]
    rate: float
    repair_share: float
    peer: float | None
    per_page: PerPage


def measure(folder: Path, as_json: bool = False) -> Measured:
    """The set's pages cleaned (and, on an HTML set, read by trafilatura) REPEATS times
    after a warm-up pass, each pass forgetting what the passes before learnt of the lines."""
    entries = [json.loads(line) for line in (folder / "index.jsonl").open(encoding="utf-8")]
    pages = [((folder / e["page"]).read_bytes(), e.get("kind", "auto")) for e in entries]
    html = all(kind == "html" for _data, kind in pages)
    options = [Options(input_format=kind, detect_language=as_json, metadata=as_json)
               for _data, kind in pages]  # fmt: skip
    repair = StageTimer(dump_page.repair_text)
    dump_page.repair_text = repair
    best, share, best_peer = float("inf"), 0.0, float("inf")
    per_page = PerPage([float("inf")] * len(pages), [float("inf")] * len(pages))
    try:
        for _ in range(REPEATS + 1):
            forget_lines()  # every pass sees the pages as new: no line is cached
            repair.seconds = 0.0
            started = time.perf_counter()
            for i, ((data, _kind), option) in enumerate(zip(pages, options, strict=True)):
                page_started = time.perf_counter()
                clean(data, option)
                per_page.ours[i] = min(per_page.ours[i], time.perf_counter() - page_started)
            elapsed = time.perf_counter() - started
            if elapsed < best:
                best, share = elapsed, repair.seconds / elapsed
            if html:
                best_peer = min(best_peer, _trafilatura_pass(pages, per_page))
    finally:
        dump_page.repair_text = repair.function
    peer = len(pages) / best_peer if html else None
    return Measured([e["id"] for e in entries], len(pages) / best, share, peer, per_page)


def _trafilatura_pass(pages: list[tuple[bytes, str]], per_page: PerPage) -> float:
    """Seconds for trafilatura's default extract over the pages (as `cleaner eval` runs it);
    each page's best time, and whether it gave up on the page, go in `per_page`."""
    import trafilatura

    started = time.perf_counter()
    for i, (data, _kind) in enumerate(pages):
        page_started = time.perf_counter()
        text = trafilatura.extract(data.decode("utf-8", errors="replace"))
        per_page.peer[i] = min(per_page.peer[i], time.perf_counter() - page_started)
        if not text:
            per_page.given_up.add(i)
    return time.perf_counter() - started


def seed_wall_time(seed: Path) -> float:
    """`python -m cleaner clean < seed > /dev/null` in a fresh process, best of REPEATS."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        with seed.open("rb") as stdin:
            subprocess.run(
                [sys.executable, "-m", "cleaner", "clean"],
                stdin=stdin,
                stdout=subprocess.DEVNULL,
                check=True,
            )
        best = min(best, time.perf_counter() - started)
    return best


def _print_slow_pages(ids: list[str], per_page: PerPage) -> None:
    """The pages over PAGE_RATIO times trafilatura's time (each page's best of the passes)."""
    slow = per_page.over(PAGE_RATIO)
    print(f"  pages over {PAGE_RATIO:g}x trafilatura's time: {len(slow)}")
    top = per_page.slowest_read()
    if top is not None:
        ours, peer = per_page.ours[top] * 1000, per_page.peer[top] * 1000
        print(f"  slowest page trafilatura reads: {ids[top]}, {ours / peer:.2f}x")
    for i in slow:
        ours, peer = per_page.ours[i] * 1000, per_page.peer[i] * 1000
        note = " (trafilatura returns nothing)" if i in per_page.given_up else ""
        print(f"    {ids[i]}: {ours:.1f} ms against {peer:.1f} ms, {ours / peer:.1f}x{note}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="benchmark set folders (with index.jsonl)")
    parser.add_argument("--json", action="store_true", help="as -f json reads pages")
    args = parser.parse_args(argv)
    for name in args.sets:
        found = measure(Path(name), args.json)
        count, rate, peer, per_page = len(found.ids), found.rate, found.peer, found.per_page
        detail = (
            f"trafilatura {peer:.0f} pages/s ({rate / peer:.2f}x)"
            if peer
            else f"mojibake repair {found.repair_share:.1%} of the time"
        )
        print(f"{name}: {count} pages, {rate:.0f} pages/s (one core, best of {REPEATS}); {detail}")
        where_read = per_page.ratio_where_read()
        if peer and where_read is not None:
            gave_up = len(per_page.given_up)
            print(f"  trafilatura returns nothing on {gave_up} pages; on the other "
                  f"{count - gave_up}, each page's best: {where_read:.2f}x")  # fmt: skip
        if peer:
            _print_slow_pages(found.ids, per_page)
    seed = Path(__file__).resolve().parent.parent / "samples" / "zh-seed-repost" / "raw.txt"
    print(f"cleaner clean < seed: {seed_wall_time(seed):.3f} s wall")


if __name__ == "__main__":
    main(sys.argv[1:])
