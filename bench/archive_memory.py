"""Peak memory of `cleaner clean` over a folder of web archives: one WET file of the shared
text dumps (one gzip member per record) against a folder of copies of it adding up to SIZE
(default 1 GiB), `-f jsonl -j 1` in a fresh process each.

    python bench/archive_memory.py ../shared/bench [SIZE_BYTES]

Figures go in the README (issue #19 asks for flat memory: within 10%).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import warcs  # noqa: E402
from archive import TEXT_SETS, shared_pages  # noqa: E402


def peak_rss(*args: str) -> int:
    """Peak resident memory (kB) of `cleaner clean ARGS -q -j 1` in a fresh process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
             "stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # fmt: skip
    command = [sys.executable, "-m", "cleaner", "clean", *args, "-q", "-j", "1"]
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return int(done.stdout.split()[-1])


def main(bench: Path, size: int) -> None:
    text = shared_pages(bench, TEXT_SETS)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one = warcs.write(root / "one" / "p-0.wet.gz", [
            warcs.record("conversion", url, data, "text/plain") for url, data in text
        ])  # fmt: skip
        each = one.stat().st_size
        copies = size // each + 1
        (root / "many").mkdir()
        for k in range(copies):
            shutil.copyfile(one, root / "many" / f"p-{k}.wet.gz")
        started = time.perf_counter()
        small = peak_rss(str(root / "one"), "-f", "jsonl", "-o", str(root / "one.jsonl"))
        large = peak_rss(str(root / "many"), "-f", "jsonl", "-o", str(root / "many.jsonl"))
        seconds = time.perf_counter() - started
    total = copies * each
    print(f"| peak RSS, a folder of 1 WET ({each / 1e6:.1f} MB) / of {copies} "
          f"({total / 1e9:.2f} GB, {copies * len(text):,} records) | {small / 1024:.0f} MB / "
          f"{large / 1024:.0f} MB ({seconds:.0f} s) |")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30)
