"""Web archives at speed: the shared sets' pages written as WARC and WET files (one gzip member
per record, as Common Crawl writes them), then `cleaner clean` over them in a fresh process
each time, best of REPEATS:

- WARC overhead: the HTML pages of the sets cleaned from files and from one WARC (-j 1);
- WET records/s: the text dumps of the sets as WET `conversion` records (-j 1), and after
  start-up (a WET of one record: the imports, the rules, py3langid's model), as a WET file of
  tens of thousands of records sees it;
- workers: a folder of four WARCs with -j 1 and -j 2.

    python bench/archive.py ../shared/bench

Needs the test helper tests/warcs.py (FastWARC writes the records). Figures go in the README.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import warcs  # noqa: E402

REPEATS = 3
STARTER = b"A short page\nThe council met on Tuesday and agreed to keep the library open.\n"
HTML_SETS = ("zh-cwced", "scrapinghub", "magichtml-article", "magichtml-forum", "wcxb-dev")
TEXT_SETS = tuple(f"{name}-text" for name in HTML_SETS)


def shared_pages(bench: Path, sets: tuple[str, ...]) -> list[tuple[str, bytes]]:
    pages = []
    for name in sets:
        for line in (bench / name / "index.jsonl").open(encoding="utf-8"):
            entry = json.loads(line)
            url = entry.get("url") or f"https://{name}.test/{entry['id']}"
            pages.append((url, (bench / name / entry["page"]).read_bytes()))
    return pages


def _timed(*args: str) -> float:
    """Seconds for `cleaner clean ARGS -q`, best of REPEATS, in a fresh process each time."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cleaner", "clean", *args, "-q"], check=False,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        best = min(best, time.perf_counter() - started)
    return best


def main(bench: Path) -> None:
    html, text = shared_pages(bench, HTML_SETS), shared_pages(bench, TEXT_SETS)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = root / "files"
        for n, (_url, data) in enumerate(html):
            (files / f"{n:05}.html").parent.mkdir(parents=True, exist_ok=True)
            (files / f"{n:05}.html").write_bytes(data)
        warc = warcs.write(root / "one" / "pages.warc.gz",
                           [warcs.response(url, data) for url, data in html])  # fmt: skip
        wet = warcs.write(root / "pages.wet.gz", [
            warcs.record("conversion", url, data, "text/plain") for url, data in text
        ])  # fmt: skip
        # start-up alone: one English record (its language guess loads py3langid's model)
        first = warcs.write(root / "first.wet.gz", [
            warcs.record("conversion", "https://example.com/a", STARTER, "text/plain")
        ])  # fmt: skip
        quarter = -(-len(html) // 4)
        for k in range(4):
            part = html[k * quarter : (k + 1) * quarter]
            warcs.write(root / "four" / f"part-{k}.warc.gz",
                        [warcs.response(url, data) for url, data in part])  # fmt: skip
        out = root / "out"
        from_files = _timed(str(files), "-f", "jsonl", "-o", str(out / "a.jsonl"), "-j", "1")
        from_warc = _timed(str(warc), "-f", "jsonl", "-o", str(out / "b.jsonl"), "-j", "1")
        wet_time = _timed(str(wet), "-f", "jsonl", "-o", str(out / "c.jsonl"), "-j", "1")
        start_up = _timed(str(first), "-f", "jsonl", "-o", str(out / "s.jsonl"), "-j", "1")
        one = _timed(str(root / "four"), "-f", "jsonl", "-o", f"{out}/d1/", "-j", "1")
        shutil.rmtree(out / "d1", ignore_errors=True)
        two = _timed(str(root / "four"), "-f", "jsonl", "-o", f"{out}/d2/", "-j", "2")
    print(f"| HTML pages from files, -j 1 | {len(html)} pages, {from_files:.1f} s |")
    print(f"| the same pages from one WARC, -j 1 | {from_warc:.1f} s: overhead "
          f"{(from_warc - from_files) / from_files:+.1%} |")  # fmt: skip
    print(f"| WET records, text path, -j 1 | {len(text)} records, {wet_time:.1f} s: "
          f"{len(text) / wet_time:.0f} records/s; start-up (one record) {start_up:.2f} s, "
          f"{len(text) / (wet_time - start_up):.0f} records/s after it |")  # fmt: skip
    print(f"| four WARCs, -j 2 against -j 1 | {one:.1f} s / {two:.1f} s: {one / two:.2f}× |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
