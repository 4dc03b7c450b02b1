"""cleaner as a datatrove step: datatrove's own WarcReader -> Cleaner -> JsonlWriter on the Local
executor and on Ray (a local cluster of 2 CPUs started by the test), over a WARC and a WET file
written by the test; the documents equal what `cleaner clean` writes for the same records."""

import json

import pytest
import warcs
from click.testing import CliRunner

pytest.importorskip("datatrove")
pytest.importorskip("warcio")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner.cli import main  # noqa: E402
from cleaner.datatrove import Cleaner  # noqa: E402


@pytest.fixture
def crawl(tmp_path):
    folder = tmp_path / "crawl"
    warcs.sample_warc(folder / "a.warc.gz")
    warcs.sample_wet(folder / "b.wet.gz")
    return folder


def _pipeline(crawl, out, **cleaner):
    return [
        WarcReader(str(crawl)),
        Cleaner(timeout=30, **cleaner),
        JsonlWriter(str(out), compression=None),
    ]


def _documents(out):
    docs = [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]  # fmt: skip
    return sorted(docs, key=lambda d: d["metadata"]["url"])


def _cli_texts(crawl, tmp_path):
    """url -> title line and paragraphs, as the CLI cleans each record of the same archives."""
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(main, ["clean", str(crawl), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["url"]: f"{r['title']}\n{r['text']}" for r in records}


def test_the_local_executor_gives_what_the_cli_gives(crawl, tmp_path):
    out = tmp_path / "out"
    executor = LocalPipelineExecutor(_pipeline(crawl, out, with_trail=True), tasks=1,
                                     logging_dir=str(tmp_path / "logs"))  # fmt: skip
    executor.run()
    docs = _documents(out)
    assert {d["metadata"]["url"]: d["text"] for d in docs} == _cli_texts(crawl, tmp_path)
    methods = {d["metadata"]["cleaner_method"] for d in docs}
    assert methods == {"trafilatura", "site-rule-body", "text-lines"}
    thread = next(d for d in docs if "discuz" in d["metadata"]["url"])
    assert thread["metadata"]["page_kind"] == "thread"
    news = next(d for d in docs if "en-news-dump" in d["metadata"]["url"])
    trail = json.loads(news["metadata"]["cleaner_removed"])  # the trail, on request
    assert set(trail[0]) == {"line", "of", "reason", "text"} and trail[0]["of"] == "input"
    assert {r["reason"] for r in trail} >= {"navigation", "cookie", "copyright"}
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    counted = {k for step in stats for k in step.get("stats", {})}
    assert {"method_trafilatura", "method_text-lines", "removed_navigation"} <= counted


@pytest.mark.slow
def test_ray_with_two_workers_gives_what_the_local_executor_gives(crawl, tmp_path):
    ray = pytest.importorskip("ray")
    from datatrove.executor.ray import RayPipelineExecutor

    local_out, ray_out = tmp_path / "local", tmp_path / "ray"
    LocalPipelineExecutor(_pipeline(crawl, local_out), tasks=2,
                          logging_dir=str(tmp_path / "local-logs")).run()  # fmt: skip
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        RayPipelineExecutor(_pipeline(crawl, ray_out), tasks=2, workers=2,
                            logging_dir=str(tmp_path / "ray-logs")).run()  # fmt: skip
    finally:
        ray.shutdown()
    local, remote = _documents(local_out), _documents(ray_out)
    assert len(local) == 6
    assert [(d["metadata"]["url"], d["text"]) for d in remote] == [
        (d["metadata"]["url"], d["text"]) for d in local
    ]
    assert {d["metadata"]["url"]: d["text"] for d in remote} == _cli_texts(crawl, tmp_path)
