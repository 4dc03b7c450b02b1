"""Speed benchmark: pages/s of the cleaner on one core, and the seed's wall time.

    python bench/speed.py ../shared/bench/zh-cwced-text [more sets...]

Runs every page of each set once to warm up, then REPEATS more times, in this one process
(one core), and reports the best pass. Not a test: figures go in the README.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from cleaner import Options, clean

REPEATS = 3


def pages_per_second(folder: Path) -> tuple[int, float]:
    entries = [json.loads(line) for line in (folder / "index.jsonl").open(encoding="utf-8")]
    pages = [((folder / e["page"]).read_bytes(), e.get("kind", "auto")) for e in entries]
    best = float("inf")
    for _ in range(REPEATS + 1):
        started = time.perf_counter()
        for data, kind in pages:
            clean(data, Options(input_format=kind, detect_language=False))
        best = min(best, time.perf_counter() - started)
    return len(pages), len(pages) / best


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
    for name in argv:
        count, rate = pages_per_second(Path(name))
        print(f"{name}: {count} pages, {rate:.0f} pages/s (one core, best of {REPEATS})")
    seed = Path(__file__).resolve().parent.parent / "samples" / "zh-seed-repost" / "raw.txt"
    print(f"cleaner clean < seed: {seed_wall_time(seed):.3f} s wall")


if __name__ == "__main__":
    main(sys.argv[1:])
