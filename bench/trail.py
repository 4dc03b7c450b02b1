"""The full trail of every page of the shared sets: title, paragraphs and every removal with
its reason, one JSON line per page, one file per set. Two runs (before and after a change
that should not change behaviour) are compared with `diff -r`.

    python bench/trail.py ../shared/bench OUT_DIR [--jobs 2]

Each page is cleaned as `cleaner clean --explain -f json` does (metadata on, no language
guess, so the figures do not depend on a model); a page that fails writes its message. Each
removal, repair and rule effect ends with what its position counts (model.POSITIONS).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
from pathlib import Path

from cleaner import CleanerError, Options, clean


def trail(page: Path, kind: str) -> dict:
    """One page's title, paragraphs, removals, repairs and rule effects, as plain data."""
    options = Options(input_format=kind, explain=True, detect_language=False)
    try:
        doc = clean(page.read_bytes(), options)
    except CleanerError as error:
        return {"error": error.message}
    return {
        "title": doc.title,
        "paragraphs": list(doc.paragraphs),
        "removed": [[r.line, r.reason, r.by, r.text, r.of] for r in doc.removed],
        "repairs": [[r.line, r.before, r.after, r.how, r.of] for r in doc.repairs],
        "effects": [[e.where, e.directive, e.line, e.before, e.after, e.of] for e in doc.effects],
        "method": doc.method,
        "page_kind": [doc.page_kind.kind, doc.page_kind.why],
        "encoding": [doc.encoding, doc.encoding_reason],
        "metadata": [doc.metadata.date, doc.metadata.author, doc.metadata.sitename],
    }


def _job(item: tuple[Path, dict]) -> tuple[str, str, str]:
    folder, entry = item
    record = {"id": entry["id"], **trail(folder / entry["page"], entry.get("kind", "auto"))}
    return folder.name, entry["id"], json.dumps(record, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    items = []
    for folder in sorted(args.bench.iterdir()):
        index = folder / "index.jsonl"
        if index.is_file():
            items += [(folder, json.loads(line)) for line in index.open(encoding="utf-8")]
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.map(_job, items, chunksize=8)
    args.out.mkdir(parents=True, exist_ok=True)
    by_set: dict[str, list[tuple[str, str]]] = {}
    for name, page_id, line in results:
        by_set.setdefault(name, []).append((page_id, line))
    for name, lines in by_set.items():
        text = "".join(line + "\n" for _, line in sorted(lines))
        (args.out / f"{name}.jsonl").write_text(text, encoding="utf-8")
    print(f"{len(results)} pages, {len(by_set)} sets -> {args.out}")


if __name__ == "__main__":
    main()
