"""cleaner as a datatrove step (the optional extra `cleaner[datatrove]`): `Cleaner` stands
where datatrove's own `Trafilatura()` does, for HTML documents and WET text alike, and runs on
datatrove's executors (Local, Slurm, Ray)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove import Cleaner

    LocalPipelineExecutor(pipeline=[
        WarcReader("s3://commoncrawl/crawl-data/CC-MAIN-2025-13/segments/",
                   glob_pattern="*/warc/*"),
        Cleaner(),
        JsonlWriter("out/"),
    ], tasks=4).run()
"""

from __future__ import annotations

from .step import Cleaner

__all__ = ["Cleaner"]
