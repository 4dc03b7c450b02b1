"""The datatrove pipeline (WarcReader -> Cleaner -> JsonlWriter) over four WARCs of the shared
sets' HTML pages (three times over), on the Local executor with one worker and on Ray with
two (a local cluster of 2 CPUs, started here), in this one run; and peak memory of `cleaner
clean` over a folder of one WET file against ten (the text dumps of the shared sets, one gzip
member per record).

    python bench/ray_speed.py ../shared/bench

Needs `cleaner[datatrove]`. Figures go in the README.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import warcs  # noqa: E402
from archive import HTML_SETS, TEXT_SETS, _pages  # noqa: E402

WETS = 10  # copies of the WET file in the larger folder
PARTS = 4  # WARCs the HTML pages are written to: tasks for the executors
ROUNDS = 3  # the pages go in this many times: Ray's start-up (about 5 s) is a small share


def _pipeline(crawl: Path, out: Path) -> list:
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.datatrove import Cleaner

    return [WarcReader(str(crawl)), Cleaner(timeout=30), JsonlWriter(str(out), compression=None)]


def executors(root: Path, html: list[tuple[str, bytes]]) -> tuple[float, float]:
    """Seconds on the Local executor with one worker, and on Ray with two."""
    html = [(f"{url}#{n}", data) for n in range(ROUNDS) for url, data in html]
    import ray
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.executor.ray import RayPipelineExecutor

    share = -(-len(html) // PARTS)
    for k in range(PARTS):
        part = html[k * share : (k + 1) * share]
        warcs.write(root / "crawl" / f"part-{k}.warc.gz",
                    [warcs.response(url, data) for url, data in part])  # fmt: skip
    started = time.perf_counter()
    LocalPipelineExecutor(_pipeline(root / "crawl", root / "local"), tasks=PARTS, workers=1,
                          logging_dir=str(root / "local-logs")).run()  # fmt: skip
    local = time.perf_counter() - started
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        started = time.perf_counter()
        RayPipelineExecutor(_pipeline(root / "crawl", root / "ray"), tasks=PARTS, workers=2,
                            logging_dir=str(root / "ray-logs")).run()  # fmt: skip
        remote = time.perf_counter() - started
    finally:
        ray.shutdown()
    return local, remote


def peak_rss(*args: str) -> int:
    """Peak resident memory (kB) of `cleaner clean ARGS -q -j 1` in a fresh process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
             "stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # fmt: skip
    command = [sys.executable, "-m", "cleaner", "clean", *args, "-q", "-j", "1"]
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return int(done.stdout.split()[-1])


def memory(root: Path, text: list[tuple[str, bytes]]) -> tuple[int, int, int]:
    """(bytes of one WET file, peak kB over a folder of one, over a folder of WETS)."""
    one = warcs.write(root / "one" / "pages-0.wet.gz", [
        warcs.record("conversion", url, data, "text/plain") for url, data in text
    ])  # fmt: skip
    for k in range(WETS):
        (root / "ten").mkdir(exist_ok=True)
        shutil.copyfile(one, root / "ten" / f"pages-{k}.wet.gz")
    small = peak_rss(str(root / "one"), "-f", "jsonl", "-o", str(root / "m1.jsonl"))
    large = peak_rss(str(root / "ten"), "-f", "jsonl", "-o", str(root / "m10.jsonl"))
    return one.stat().st_size, small, large


def main(bench: Path) -> None:
    html, text = _pages(bench, HTML_SETS), _pages(bench, TEXT_SETS)
    with tempfile.TemporaryDirectory() as tmp:
        local, remote = executors(Path(tmp), html)
        size, small, large = memory(Path(tmp), text)
    pages = f"{ROUNDS} x {len(html)} HTML pages in {PARTS} WARCs"
    print(f"| datatrove, {pages}: Local 1 worker / Ray 2 workers | "
          f"{local:.1f} s / {remote:.1f} s: {local / remote:.2f}× |")  # fmt: skip
    print(f"| peak RSS, a folder of 1 WET ({size / 1e6:.1f} MB) / of {WETS} | "
          f"{small / 1024:.0f} MB / {large / 1024:.0f} MB |")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]))
