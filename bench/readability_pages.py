"""An unseen set for `cleaner eval`: Readability.js's own test pages (a clone of
github.com/mozilla/readability, `test/test-pages/*/`), each page's `source.html` the page and
the visible text of its `expected.html` (Readability.js's reading, a line per block) the gold.
Articles of many sites and languages, and small pages that test one thing (entities, lazy
images, metadata); none of them was read while cleaner was tuned. Measure on it, never tune
to it: it exists to catch what the shared sets do not.

    git clone https://github.com/mozilla/readability /tmp/readability
    python bench/readability_pages.py /tmp/readability /tmp/readability-pages
    cleaner eval /tmp/readability-pages \
        --compare trafilatura,trafilatura-precision,readability,resiliparse

The gold is Readability.js's output, so it keeps what that reader keeps (a page's trailing
links on some sites), and the peer named `readability` is readability-lxml, a port that reads
differently. Not a test: the figures go in the README.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lxml import html

from cleaner.html.visible import rows_of


def build(checkout: Path, out: Path) -> int:
    """Writes out/index.jsonl, out/pages/NAME.html and out/gold/NAME.txt; returns the pages."""
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    rows = []
    for folder in sorted((checkout / "test" / "test-pages").iterdir()):
        source, expected = folder / "source.html", folder / "expected.html"
        if not (source.is_file() and expected.is_file()):
            continue
        gold = rows_of(html.fromstring(expected.read_text(encoding="utf-8")))
        (out / "pages" / f"{folder.name}.html").write_bytes(source.read_bytes())
        (out / "gold" / f"{folder.name}.txt").write_text("\n\n".join(gold), encoding="utf-8")
        page, text = f"pages/{folder.name}.html", f"gold/{folder.name}.txt"
        rows.append({"id": folder.name, "page": page, "gold": text, "kind": "html"})
    lines = "".join(json.dumps(row) + "\n" for row in rows)
    (out / "index.jsonl").write_text(lines, encoding="utf-8")
    return len(rows)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python bench/readability_pages.py READABILITY_CHECKOUT OUT_FOLDER")
    print(f"{build(Path(argv[0]), Path(argv[1]))} pages written to {argv[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
