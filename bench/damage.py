"""Damaged and re-encoded input: does one stray byte, or another encoding, change the output?

    python bench/damage.py ../shared/bench/zh-cwced-text ../shared/bench/zh-cwced [...]
    python bench/damage.py --all ../shared/bench      # every set in the folder

For every page of each set (seeded, so every run damages the same bytes):
- 1 and 3 invalid bytes inserted at random places (a byte UTF-8 never uses, a lone
  continuation byte, or a lead byte cut off before an ASCII byte): the share of pages whose
  output keeps shingle F1 >= 0.95 against the undamaged page's output (issue #16: 99%);
- the page re-encoded to GB18030, UTF-16 with a BOM, UTF-16 without one, and Big5 where every
  character has a Big5 code: the share of pages whose output (title and text) is identical
  to the UTF-8 run's, counted apart for the pages whose UTF-8 text is already mojibake.
Pages run in worker processes (-j, default: the machine's cores). Not a test: the figures go
in the README's "Reliability" section.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
from collections import Counter
from pathlib import Path

from cleaner import Options, clean
from cleaner.decode.misread import misread_share
from cleaner.emit import to_text
from cleaner.errors import CleanerError
from cleaner.evaluate.metrics import score

SEED = 16  # the number: any fixed seed makes runs comparable
KEEP_F1 = 0.95  # a damaged page "keeps" its output at this F1 against the undamaged output
GARBLED = 0.05  # a page whose UTF-8 text already shows this share of mojibake (â€™, C1
# controls) is counted apart for re-encoding: its garbage reads as garbage in every codec
ENCODINGS = ("gb18030", "utf-16", "utf-16-le", "big5")  # utf-16: with a BOM; -le: without
NEVER_UTF8 = (0xC0, 0xC1, *range(0xF5, 0x100))
CONTINUATION = tuple(range(0x80, 0xC0))
LEADS = tuple(range(0xC2, 0xF5))


def damage(data: bytes, count: int, rng: random.Random) -> bytes:
    """`data` with `count` invalid bytes inserted."""
    out = bytearray(data)
    for _ in range(count):
        kind = rng.randrange(3)
        if kind == 2:  # a lead byte before an ASCII byte: a character cut off
            ascii_at = [i for i in (rng.randrange(len(out) + 1) for _ in range(20))
                        if i < len(out) and out[i] < 0x80]  # fmt: skip
            at = ascii_at[0] if ascii_at else rng.randrange(len(out) + 1)
            out[at:at] = bytes((rng.choice(LEADS),))
        else:
            byte = rng.choice(NEVER_UTF8 if kind == 0 else CONTINUATION)
            at = rng.randrange(len(out) + 1)
            out[at:at] = bytes((byte,))
    return bytes(out)


def run_page(job: tuple[str, str, str]) -> dict:
    path, kind, page_id = job
    data = Path(path).read_bytes()
    options = Options(input_format=kind, detect_language=False, metadata=False, source=page_id)
    rng = random.Random(f"{SEED}:{page_id}")
    base = _output(data, options)
    result = {"id": page_id, "empty": not base.strip()}
    for count in (1, 3):
        damaged = _output(damage(data, count, rng), options)
        result[f"f1_{count}"] = score(base, damaged).f1
    text = data.decode("utf-8", errors="replace")
    result["garbled"] = misread_share(text) > GARBLED
    for codec in ENCODINGS:
        try:
            encoded = text.encode(codec)
        except UnicodeEncodeError:
            result[codec] = None  # a character Big5 has no code for: not counted
            continue
        result[codec] = _output(encoded, options) == base
    return result


def _output(data: bytes, options: Options) -> str:
    try:
        return to_text(clean(data, options))
    except CleanerError as err:
        return f"<error: {err.message}>"


def summarise(name: str, results: list[dict], verbose: bool) -> None:
    pages = len(results)
    line = [f"{name}: {pages} pages"]
    for count in (1, 3):
        kept = sum(1 for r in results if r[f"f1_{count}"] >= KEEP_F1)
        line.append(f"{count} byte(s): {kept / pages:.1%} keep F1>={KEEP_F1}")
    for codec in ENCODINGS:
        tried = [r for r in results if r[codec] is not None and not r["garbled"]]
        same = sum(1 for r in tried if r[codec])
        label = "utf-16 no BOM" if codec == "utf-16-le" else codec
        line.append(f"{label}: {same}/{len(tried)} identical")
    garbled = [r for r in results if r["garbled"]]
    if garbled:
        same = sum(1 for r in garbled for c in ENCODINGS if r[c])
        tried = sum(1 for r in garbled for c in ENCODINGS if r[c] is not None)
        line.append(f"source already garbled: {len(garbled)} pages, {same}/{tried} identical")
    print("; ".join(line))
    if verbose:
        for r in results:
            bad = [k for k in ("f1_1", "f1_3") if r[k] < KEEP_F1]
            bad += [c for c in ENCODINGS if r[c] is False]
            if bad:
                detail = ", ".join(f"{k}={r[k]:.3f}" if k.startswith("f1") else k for k in bad)
                print(f"  {name} {r['id']}: {detail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--all", action="store_true", help="SETS are folders of sets")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the pages that fail")
    args = parser.parse_args()
    folders = args.sets
    if args.all:
        folders = sorted(s for f in folders for s in f.iterdir() if (s / "index.jsonl").is_file())
    totals: Counter = Counter()
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for folder in folders:
            entries = [json.loads(x) for x in (folder / "index.jsonl").open(encoding="utf-8")]
            jobs = [(str(folder / e["page"]), e.get("kind", "auto"), e["id"]) for e in entries]
            results = pool.map(run_page, jobs, chunksize=4)
            summarise(folder.name, results, args.verbose)
            totals["pages"] += len(results)
            for count in (1, 3):
                totals[f"kept_{count}"] += sum(1 for r in results if r[f"f1_{count}"] >= KEEP_F1)
            clean = [r for r in results if not r["garbled"]]
            totals["garbled"] += len(results) - len(clean)
            for codec in ENCODINGS:
                totals[f"{codec}_tried"] += sum(1 for r in clean if r[codec] is not None)
                totals[f"{codec}_same"] += sum(1 for r in clean if r[codec])
    if len(folders) > 1:
        pages = totals["pages"]
        parts = [f"all: {pages} pages"]
        parts += [f"{c} byte(s): {totals[f'kept_{c}'] / pages:.1%}" for c in (1, 3)]
        parts += [f"{c}: {totals[f'{c}_same']}/{totals[f'{c}_tried']}" for c in ENCODINGS]
        parts.append(f"(re-encodings over the {pages - totals['garbled']} pages not garbled)")
        print("; ".join(parts))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
