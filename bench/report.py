"""What --report costs a batch: the shared sets' pages (text dumps and HTML pages) cleaned as
one folder to JSONL, -j 1, with and without `--report`, each in a fresh process, best of 3.

    python bench/report.py ../shared/bench

A report run reads every page with the explain trail, measures its text, and renders the page
reports of the pages that look suspicious. Not a test: the figure goes in the README.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPEATS = 3


def best(args: list[str]) -> float:
    """Seconds for `cleaner clean ARGS -q`, best of REPEATS."""
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cleaner", "clean", *args, "-q"], check=False)
        times.append(time.perf_counter() - started)
    return min(times)


def main(bench: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        for page in sorted(bench.glob("*/pages/*")):
            target = folder / page.parent.parent.name / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
        count = sum(1 for _ in folder.rglob("*.*"))
        base = [str(folder), "-f", "jsonl", "-o", f"{tmp}/out.jsonl", "-j", "1"]
        plain = best(base)
        report = best([*base, "--report", f"{tmp}/report.html"])
        pages = sum(1 for _ in Path(tmp, "report-pages").glob("*.html"))
    cost = f"{report / plain - 1:+.0%}"
    print(f"| {count} pages, -j 1, JSONL | {plain:.1f} s without --report, {report:.1f} s "
          f"with it: {cost}; {pages} page reports of suspicious pages |")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]))
