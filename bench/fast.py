"""`--fast` against the peers it is meant to replace, in one run: for each HTML set, mean F1
and pages/s of `cleaner --fast`, of trafilatura's default `extract` and of resiliparse's
`extract_plain_text(main_content=True)` (the fast extractor DCLM chose), over the same pages
in this one process, best of REPEATS timed passes after a warm-up.

    python bench/fast.py ../shared/bench/zh-cwced ../shared/bench/scrapinghub [...]

Not a test: the figures go in the README.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from cleaner import Options, clean, to_text
from cleaner.evaluate import score

REPEATS = 3


def _cleaner(data: bytes, url: str | None) -> str:
    options = Options(fast=True, url=url, detect_language=False, metadata=False, with_title=False)
    return to_text(clean(data, options), with_title=False)


def _trafilatura(data: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", errors="replace"), url=url) or ""


def _resiliparse(data: bytes, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(data.decode("utf-8", errors="replace"), main_content=True)


PEERS = {"cleaner --fast": _cleaner, "trafilatura": _trafilatura, "resiliparse": _resiliparse}


def measure(folder: Path) -> dict[str, tuple[float, float]]:
    """name -> (mean F1, pages/s) over the set's pages."""
    entries = [json.loads(line) for line in (folder / "index.jsonl").open(encoding="utf-8")]
    pages = [((folder / e["page"]).read_bytes(), e.get("url") or None,
              (folder / e["gold"]).read_text(encoding="utf-8")) for e in entries]  # fmt: skip
    results = {}
    for name, extract in PEERS.items():
        outputs = [extract(data, url) for data, url, _ in pages]  # warm-up, and the outputs
        best = float("inf")
        for _ in range(REPEATS):
            started = time.perf_counter()
            for data, url, _ in pages:
                extract(data, url)
            best = min(best, time.perf_counter() - started)
        f1 = sum(score(gold, out).f1 for (_, _, gold), out in zip(pages, outputs, strict=True))
        results[name] = (f1 / len(pages), len(pages) / best)
    return results


def main(sets: list[str]) -> None:
    print("| set | cleaner --fast F1 | resiliparse F1 | trafilatura F1 | --fast pages/s | "
          "resiliparse pages/s | trafilatura pages/s | --fast / trafilatura |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for name in sets:
        r = measure(Path(name))
        fast, res, tra = r["cleaner --fast"], r["resiliparse"], r["trafilatura"]
        print(f"| {Path(name).name} | {fast[0]:.3f} | {res[0]:.3f} | {tra[0]:.3f} | {fast[1]:.0f} "
              f"| {res[1]:.0f} | {tra[1]:.0f} | {fast[1] / tra[1]:.1f}× |")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
