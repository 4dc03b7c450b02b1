"""Fuzz `cleaner.clean` for a given number of minutes: only CleanerError may escape it, and
no input may take long.

    python bench/fuzz.py --minutes 10 [--seed 1] [SET_FOLDERS...]

Inputs are the samples in `samples/` (and the pages of any benchmark sets named), mutated:
bytes flipped, inserted, deleted, duplicated, spliced from another page, truncated; control
characters, stray tags, unclosed scripts and comments, entities, deep nesting, long lines,
BOMs and other encodings put in; or plain random bytes. Each runs in a worker process under
a deadline (SLOW_SECONDS); an exception other than CleanerError, or a deadline hit, is a
failure, saved under `fuzz-failures/` for replay. Prints inputs tried, failures and the
slowest input. Not a test: the figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import signal
import time
import traceback
from pathlib import Path

from cleaner import Options, clean
from cleaner.errors import CleanerError

ROOT = Path(__file__).resolve().parent.parent
PAGE_KINDS = ("auto", "listing", "thread", "product")  # each kind reads lines its own way
SLOW_SECONDS = 20.0  # an input that takes longer is a failure (a hang or quadratic time)
SNIPPETS = (
    b"<script>", b"</script>", b"<!--", b"-->", b"<style>", b"</div>", b"<div>", b"<", b">",
    b"&#0;", b"&#xD800;", b"&#x110000;", b"&amp", b"<![CDATA[", b"\x00", b"\x0c", b"\x0b",
    b"&#8;", b"&#x1F;", b"&#xFFFE;", b"&#65535;", b"&#11", b"&#x7f;", b"&#150;", b"&#xFDD0;",
    b"&#99999999999;", b"&#x10FFFF;",
    b"\x1b[31m", b"\xef\xbb\xbf", b"\xff\xfe", b'<meta charset="utf-16">', b'<meta charset=x>',
    b'<link rel="canonical" href="http://[">', b'<meta property="og:url" content="http://[::1">',
    b"<html>", b"</html>", b"<body>", b"<title>", b"\r", b"\u2028".decode().encode(), b"\xe4\xb8",
)  # fmt: skip


class Deadline(Exception):
    pass


def _alarm(signum, frame):
    raise Deadline


def mutate(data: bytes, corpus: list[bytes], rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        kind = rng.randrange(11)
        at = rng.randrange(len(out) + 1)
        if kind == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif kind == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del out[at : at + rng.randint(1, 500)]
        elif kind == 3:
            out[at:at] = out[at : at + rng.randint(1, 2000)] * rng.randint(1, 50)
        elif kind == 4:
            other = rng.choice(corpus)
            start = rng.randrange(len(other) + 1)
            out[at:at] = other[start : start + rng.randint(1, 5000)]
        elif kind == 5:
            del out[at:]
        elif kind == 6:
            out[at:at] = rng.choice(SNIPPETS) * rng.randint(1, 200)
        elif kind == 7:
            tag = rng.choice((b"div", b"span", b"p", b"table", b"b"))
            depth = rng.randint(100, 20000)
            out[at:at] = b"<" + tag + b">" * 1 + (b"<" + tag + b">") * depth
        elif kind == 8:
            out[at:at] = rng.choice((b"a", b"\xe4\xb8\xad", b" ", b"=")) * rng.randint(1000, 300000)
        elif kind == 9:
            codec = rng.choice(("gb18030", "big5", "shift_jis", "utf-16-le", "cp1252", "koi8-r"))
            out = bytearray(bytes(out).decode("utf-8", "replace").encode(codec, "replace"))
        else:
            out = bytearray(rng.randbytes(rng.randint(0, 20000)))
    return bytes(out)


def run_one(args: tuple[int, bytes]) -> tuple[int, float, str | None]:
    number, data = args
    mode = (number // 3) % 3  # the default reading, --fast, --best
    kind = PAGE_KINDS[(number // 9) % len(PAGE_KINDS)]  # as an address or markup would state
    options = Options(explain=number % 2 == 0, input_format=("auto", "html", "text")[number % 3],
                      fast=mode == 1, best=mode == 2, page_kind=kind)  # fmt: skip
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, SLOW_SECONDS)
    started = time.perf_counter()
    try:
        clean(data, options)
        failure = None
    except CleanerError:
        failure = None
    except Deadline:
        failure = f"took longer than {SLOW_SECONDS} s"
    except KeyboardInterrupt:
        raise
    except BaseException as err:  # noqa: BLE001 - a failure to record, whatever it is (a Rust
        # library's panic is no Exception; the deadline raised inside its call arrives as one)
        slow = "Deadline" in repr(err)
        failure = f"took longer than {SLOW_SECONDS} s" if slow else traceback.format_exc(limit=-3)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return number, time.perf_counter() - started, failure


def corpus_of(sets: list[Path]) -> list[bytes]:
    pages = [p.read_bytes() for p in sorted((ROOT / "samples").glob("*/raw.*"))]
    for folder in sets:
        for line in (folder / "index.jsonl").open(encoding="utf-8"):
            pages.append((folder / json.loads(line)["page"]).read_bytes())
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    corpus, rng = corpus_of(args.sets), random.Random(args.seed)
    stop = time.monotonic() + args.minutes * 60
    tried, failures, slowest = 0, [], (0.0, -1, -1)
    inputs: dict[int, bytes] = {}

    def work():
        number = 0
        while time.monotonic() < stop:
            data = mutate(rng.choice(corpus), corpus, rng)
            inputs[number] = data
            yield number, data
            number += 1

    with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=200) as pool:
        for number, seconds, failure in pool.imap_unordered(run_one, work()):
            tried += 1
            data = inputs.pop(number)
            if seconds > slowest[0]:
                slowest = (seconds, len(data), number)
                (ROOT / "fuzz-failures").mkdir(exist_ok=True)
                (ROOT / "fuzz-failures" / f"{args.seed}-slowest.bin").write_bytes(data)
            if failure:
                failures.append(failure)
                folder = ROOT / "fuzz-failures"
                folder.mkdir(exist_ok=True)
                (folder / f"{args.seed}-{number}.bin").write_bytes(data)
                print(f"failure {number} ({len(data)} bytes): {failure.strip()}")
    mode = ("default", "--fast", "--best")[(slowest[2] // 3) % 3]
    print(f"inputs tried: {tried}; failures: {len(failures)}; slowest: {slowest[0]:.2f} s "
          f"({slowest[1]:,} bytes, {mode}, kept in fuzz-failures/{args.seed}-slowest.bin); "
          f"seed {args.seed}, {args.minutes:g} minutes")  # fmt: skip


if __name__ == "__main__":
    main()
