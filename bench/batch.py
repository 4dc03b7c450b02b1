"""Batch benchmark: pages/s with --jobs 1 and --jobs 2 on a folder of N pages, and the peak
memory (RSS) of the cleaner process for two folder sizes.

    python bench/batch.py ../shared/bench            # 10,000 pages from the *-text sets
    python bench/batch.py ../shared/bench --pages 2000

The folder is built under a temporary directory from copies of the benchmark's text dumps;
each run is `python -m cleaner clean FOLDER -o OUT -j N -q` in a fresh process. Not a test.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(bench: Path, folder: Path, pages: int) -> None:
    sources = sorted(bench.glob("*-text/pages/*.txt"))
    if not sources:
        raise SystemExit(f"no text pages under {bench}/*-text/pages")
    for i, source in zip(range(pages), itertools.cycle(sources), strict=False):
        target = folder / f"{i // 1000:03}" / f"{i:05}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)


def command(folder: Path, out: Path, jobs: int) -> list[str]:
    cli = [sys.executable, "-m", "cleaner", "clean", str(folder), "-o", str(out)]
    return [*cli, "-j", str(jobs), "-q"]


def seconds(folder: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(command(folder, out, jobs), check=False)
    return time.perf_counter() - started


def peak_rss_mb(folder: Path, out: Path) -> float:
    """Peak RSS of a --jobs 1 run, read by a fresh parent process (getrusage reports the
    largest child a process ever waited for, so each size needs its own parent)."""
    shutil.rmtree(out, ignore_errors=True)
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *command(folder, out, 1)], capture_output=True, text=True
    )
    return int(result.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big, small = root / "big", root / "small"
        build(args.bench, big, args.pages)
        build(args.bench, small, args.pages // 10)
        rates = {}
        for jobs in (1, 2):
            rates[jobs] = args.pages / seconds(big, root / "out", jobs)
            print(f"{args.pages} pages, --jobs {jobs}: {rates[jobs]:.0f} pages/s")
        print(f"speed-up from 1 to 2 jobs: {rates[2] / rates[1]:.2f}x")
        for folder, pages in ((small, args.pages // 10), (big, args.pages)):
            print(f"peak RSS, {pages} pages: {peak_rss_mb(folder, root / 'rss'):.0f} MB")


if __name__ == "__main__":
    main()
