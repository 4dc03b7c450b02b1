"""Two versions of cleaner over the same WET file, in one run: the text dumps of the shared
sets as WET `conversion` records, `python -m cleaner clean WET -f jsonl -j 1 -q` with each
source tree in turn (alternating, best of REPEATS), and a one-record WET for the start-up.
A VM's speed drifts by half within a day; alternating keeps the two versions comparable.

    python bench/wet_ab.py ../shared/bench OLD_TREE NEW_TREE [--repeats 5]

A tree is a checkout of this repository (`git worktree add /tmp/old <commit>`); it is put
first on PYTHONPATH, and the command runs from a temporary folder so that the current
directory's `cleaner/` is not the one imported. For instructions instead of seconds, run
the same command under `valgrind --tool=callgrind` with PYTHONHASHSEED=0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import archive  # noqa: E402
import warcs  # noqa: E402


def _seconds(tree: Path, wet: Path, folder: Path) -> float:
    """Wall seconds of one `cleaner clean` over `wet` with the cleaner of `tree`."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    command = [sys.executable, "-m", "cleaner", "clean", str(wet), "-f", "jsonl",
               "-o", str(folder / "out.jsonl"), "-j", "1", "-q"]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=folder, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("trees", type=lambda p: Path(p).resolve(), nargs=2)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    text = archive.shared_pages(args.bench, archive.TEXT_SETS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wet = warcs.write(folder / "pages.wet.gz", [
            warcs.record("conversion", url, data, "text/plain") for url, data in text
        ])  # fmt: skip
        first = warcs.write(folder / "first.wet.gz", [
            warcs.record("conversion", "https://example.com/a", archive.STARTER, "text/plain")
        ])  # fmt: skip
        best = {tree: (float("inf"), float("inf")) for tree in args.trees}
        for _ in range(args.repeats):
            for tree in args.trees:
                whole, start = _seconds(tree, wet, folder), _seconds(tree, first, folder)
                best[tree] = (min(best[tree][0], whole), min(best[tree][1], start))
    for tree, (whole, start) in best.items():
        rate, after = len(text) / whole, len(text) / (whole - start)
        print(f"{tree}: {len(text)} records in {whole:.2f} s ({rate:.0f} records/s); "
              f"start-up {start:.2f} s; {after:.0f} records/s after it")  # fmt: skip


if __name__ == "__main__":
    main()
