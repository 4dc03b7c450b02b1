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
from pathlib import Path

import cleaner.textdump.page as dump_page
from cleaner import Options, clean

REPEATS = 3


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
    from cleaner.mojibake.plausible import score
    from cleaner.normalize import letters_key
    from cleaner.rules.cues import forget_matches
    from cleaner.textdump.features import forget_rows

    forget_matches()
    forget_rows()  # a row's features, and its letters as titles are compared
    score.cache_clear()
    letters_key.cache_clear()


def measure(folder: Path, as_json: bool = False) -> tuple[int, float, float, float | None]:
    """(pages, pages/s, share of the time spent repairing, trafilatura's pages/s on an HTML
    set or None) of the best pass of each."""
    entries = [json.loads(line) for line in (folder / "index.jsonl").open(encoding="utf-8")]
    pages = [((folder / e["page"]).read_bytes(), e.get("kind", "auto")) for e in entries]
    html = all(kind == "html" for _data, kind in pages)
    options = [Options(input_format=kind, detect_language=as_json, metadata=as_json)
               for _data, kind in pages]  # fmt: skip
    repair = StageTimer(dump_page.repair_text)
    dump_page.repair_text = repair
    best, share, best_peer = float("inf"), 0.0, float("inf")
    try:
        for _ in range(REPEATS + 1):
            forget_lines()  # every pass sees the pages as new: no line is cached
            repair.seconds = 0.0
            started = time.perf_counter()
            for (data, _kind), option in zip(pages, options, strict=True):
                clean(data, option)
            elapsed = time.perf_counter() - started
            if elapsed < best:
                best, share = elapsed, repair.seconds / elapsed
            if html:
                best_peer = min(best_peer, _trafilatura_pass(pages))
    finally:
        dump_page.repair_text = repair.function
    peer = len(pages) / best_peer if html else None
    return len(pages), len(pages) / best, share, peer


def _trafilatura_pass(pages: list[tuple[bytes, str]]) -> float:
    """Seconds for trafilatura's default extract over the pages (as `cleaner eval` runs it)."""
    import trafilatura

    started = time.perf_counter()
    for data, _kind in pages:
        trafilatura.extract(data.decode("utf-8", errors="replace"))
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


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="benchmark set folders (with index.jsonl)")
    parser.add_argument("--json", action="store_true", help="as -f json reads pages")
    args = parser.parse_args(argv)
    for name in args.sets:
        count, rate, share, peer = measure(Path(name), args.json)
        detail = (
            f"trafilatura {peer:.0f} pages/s ({rate / peer:.2f}x)"
            if peer
            else f"mojibake repair {share:.1%} of the time"
        )
        print(f"{name}: {count} pages, {rate:.0f} pages/s (one core, best of {REPEATS}); {detail}")
    seed = Path(__file__).resolve().parent.parent / "samples" / "zh-seed-repost" / "raw.txt"
    print(f"cleaner clean < seed: {seed_wall_time(seed):.3f} s wall")


if __name__ == "__main__":
    main(sys.argv[1:])
