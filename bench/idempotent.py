"""Cleaning clean output changes nothing: the share of pages whose output, cleaned again,
comes back unchanged, and the pages that lose body lines on the second pass.

    python bench/idempotent.py ../shared/bench/*-text

Each page is cleaned (text output: title line, then a paragraph per line) with its address
from the set's index (a WET record's, which makes a listing's kind), that output is cleaned
again as a text dump with the same address, and the two are compared line by line. Issue
#16 asks for 99% unchanged and no page losing a body line. Not a test: the figures go in the
README.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from dataclasses import replace
from pathlib import Path

from cleaner import Options, clean
from cleaner.emit import to_text
from cleaner.errors import CleanerError

OPTIONS = Options(input_format="text", detect_language=False, metadata=False)


def twice(page: tuple[str, str | None]) -> tuple[str, bool, list[str]]:
    path, url = page
    options = replace(OPTIONS, url=url or None)
    try:
        once = to_text(clean(Path(path).read_bytes(), options))
        again = to_text(clean(once.encode("utf-8"), options))
    except CleanerError as err:
        return path, False, [f"error: {err.message}"]
    kept = set(again.splitlines())
    lost = [line for line in once.splitlines() if line not in kept]
    return path, once == again, lost


def main() -> None:
    verbose = "-v" in sys.argv
    folders = [Path(a) for a in sys.argv[1:] if a != "-v"]
    total = same = losing = 0
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        for folder in folders:
            entries = [json.loads(x) for x in (folder / "index.jsonl").open(encoding="utf-8")]
            pages = [(str(folder / e["page"]), e.get("url")) for e in entries]
            results = pool.map(twice, pages, chunksize=4)
            n_same = sum(1 for _, ok, _ in results if ok)
            n_losing = sum(1 for _, _, lost in results if lost)
            print(f"{folder.name}: {len(results)} pages, {n_same} unchanged, "
                  f"{n_losing} lose lines")  # fmt: skip
            if verbose:
                for path, ok, lost in results:
                    if not ok:
                        print(f"  {Path(path).name}: lost {len(lost)}: {lost[:2]}")
            total, same, losing = total + len(results), same + n_same, losing + n_losing
    print(f"all: {total} pages, {same / total:.1%} unchanged, {losing} lose lines")


if __name__ == "__main__":
    main()
