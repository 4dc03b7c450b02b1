"""The datatrove pipeline (WarcReader -> Cleaner -> JsonlWriter) over four WARCs of the shared
sets' HTML pages (three times over), on the Local executor with one worker and on Ray with
two (a local cluster of 2 CPUs, started here), in this one run.

    python bench/ray_speed.py ../shared/bench

Needs `cleaner[datatrove]`. Figures go in the README.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import warcs  # noqa: E402
from archive import HTML_SETS, shared_pages  # noqa: E402

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


def main(bench: Path) -> None:
    html = shared_pages(bench, HTML_SETS)
    with tempfile.TemporaryDirectory() as tmp:
        local, remote = executors(Path(tmp), html)
    pages = f"{ROUNDS} x {len(html)} HTML pages in {PARTS} WARCs"
    print(f"| datatrove, {pages}: Local 1 worker / Ray 2 workers | "
          f"{local:.1f} s / {remote:.1f} s: {local / remote:.2f}× |")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]))
