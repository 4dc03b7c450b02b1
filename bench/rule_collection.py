"""A third-party rule collection as `--rules`, on the shared bench pages whose host has a rule
in it: mean F1 with the collection and without it (same pages, same run), the pages it makes
better and worse, and the worst of them.

    python bench/rule_collection.py ../shared/bench ../shared/ftr-site-config

Not a test: the figures go in the README ("Site rules").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cleaner import Options, clean, to_text
from cleaner.evaluate import score
from cleaner.rules import load_rulebook, rule_sources
from cleaner.urls import host_of

SETS = ("zh-cwced", "scrapinghub", "magichtml-article", "magichtml-forum", "wcxb-dev")
CHANGED = 0.001  # a page whose F1 moves less than this is unchanged
WORST = 10


def pages_with_a_host_rule(bench: Path, book) -> list[tuple[str, dict, str]]:
    """(set, index entry, rule name) of every page whose host the collection has a rule for."""
    found = []
    for name in SETS:
        for line in (bench / name / "index.jsonl").open(encoding="utf-8"):
            entry = json.loads(line)
            host = host_of(entry.get("url") or "")
            rule = book.for_host(host) if host else None
            if rule is not None and rule.layer == "--rules":
                found.append((name, entry, rule.name))
    return found


def f1(bench: Path, name: str, entry: dict, sources) -> tuple[float, str]:
    data = (bench / name / entry["page"]).read_bytes()
    gold = (bench / name / entry["gold"]).read_text(encoding="utf-8")
    options = Options(url=entry.get("url") or None, detect_language=False, metadata=False,
                      with_title=False, rule_sources=sources)  # fmt: skip
    doc = clean(data, options)
    return score(gold, to_text(doc, False)).f1, doc.method


def main(bench: Path, collection: Path) -> None:
    sources = rule_sources((str(collection),))
    pages = pages_with_a_host_rule(bench, load_rulebook(sources))
    rows = []
    for name, entry, rule in pages:
        without, _ = f1(bench, name, entry, rule_sources(()))
        with_rules, method = f1(bench, name, entry, sources)
        rows.append((with_rules - without, name, entry["id"], rule, method, without, with_rules))
    count = len(rows) or 1
    print(f"{len(rows)} pages with a host rule in {collection}")
    print(f"mean F1 without the collection {sum(r[5] for r in rows) / count:.3f}, "
          f"with it {sum(r[6] for r in rows) / count:.3f}")  # fmt: skip
    better = sum(1 for r in rows if r[0] > CHANGED)
    worse = sum(1 for r in rows if r[0] < -CHANGED)
    print(f"better {better}, worse {worse}; the worst:")
    for delta, name, page, rule, method, without, ruled in sorted(rows)[:WORST]:
        print(f"  {delta:+.3f} {name} {page[:16]} {rule} {method}: {without:.3f} -> {ruled:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
