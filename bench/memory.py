"""Peak memory of `cleaner clean` on one large text dump (issue #16: a 100 MB dump under
800 MB).

    python bench/memory.py ../shared/bench [--mb 100]

Builds a dump of the given size from the pages of the `*-text` sets (one after another, as a
crawler's concatenated export would be), writes it to a temporary file, runs `cleaner clean`
on it in a fresh process with `--max-bytes` raised to fit, and reports the child's peak RSS
and wall time. Not a test: the figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(root: Path, size: int) -> bytes:
    pages = []
    for folder in sorted(root.glob("*-text")):
        for line in (folder / "index.jsonl").open(encoding="utf-8"):
            pages.append((folder / json.loads(line)["page"]).read_bytes())
    out, total, i = [], 0, 0
    while total < size:
        page = pages[i % len(pages)]
        out.append(page)
        total += len(page)
        i += 1
    return b"\n".join(out)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--mb", type=int, default=100)
    args = parser.parse_args()
    data = build(args.root, args.mb * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "dump.txt"
        page.write_bytes(data)
        command = [sys.executable, "-m", "cleaner", "clean", str(page), "-o",
                   str(Path(folder) / "out.txt"), "--max-bytes", str(len(data) + 1)]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(f"{len(data) / 1e6:.0f} MB text dump: peak RSS {peak:.0f} MB, {seconds:.1f} s, "
          f"exit {done.returncode}")  # fmt: skip
    if done.returncode:
        print(done.stderr[-2000:])


if __name__ == "__main__":
    main()
