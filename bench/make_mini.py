"""Build the small benchmark sets shipped in bench/mini/ from the shared sets, so that the
README's `cleaner eval` example runs from a fresh clone. The selection is fixed and blind to
scores: the first pages by id (zh-cwced-text), the first page by id of each page type
(wcxb-dev). Each set keeps its DATASET.json and gets the licence its source requires.

    python bench/make_mini.py ../shared/bench bench/mini
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ZH_PAGES = 12
MIT = """MIT License

Copyright (c) 2022 Elwin

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""
CC_BY = """Pages and gold text from WCXB (Web Content eXtraction Benchmark), dev split, by Murrough
Foley: https://github.com/Murrough-Foley/web-content-extraction-benchmark (commit c039d5e).
Licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/
Changes: a sample of seven pages; pages stored as UTF-8 with their charset declaration
rewritten to UTF-8; the gold is the dataset's ground_truth.main_content.
"""


def copy_set(source: Path, target: Path, rows: list[dict], licence: str) -> None:
    for row in rows:
        for key in ("page", "gold"):
            (target / row[key]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / row[key], target / row[key])
    index = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    (target / "index.jsonl").write_text(index, encoding="utf-8")
    dataset = json.loads((source / "DATASET.json").read_text(encoding="utf-8"))
    dataset.update(pages=len(rows), sample=f"{len(rows)} pages of {source.name}: see make_mini.py")
    (target / "DATASET.json").write_text(json.dumps(dataset, indent=1) + "\n", encoding="utf-8")
    (target / "LICENSE").write_text(licence, encoding="utf-8")


def main() -> None:
    bench, out = Path(sys.argv[1]), Path(sys.argv[2])
    load = lambda name: sorted(  # noqa: E731
        (json.loads(line) for line in (bench / name / "index.jsonl").open(encoding="utf-8")),
        key=lambda row: row["id"],
    )
    copy_set(bench / "zh-cwced-text", out / "zh-cwced-text", load("zh-cwced-text")[:ZH_PAGES], MIT)
    first: dict[str, dict] = {}
    for row in load("wcxb-dev"):
        first.setdefault(row["page_type"], row)
    copy_set(bench / "wcxb-dev", out / "wcxb-dev", list(first.values()), CC_BY)
    print(f"{out}: zh-cwced-text {ZH_PAGES} pages, wcxb-dev {len(first)} pages")


if __name__ == "__main__":
    main()
