"""The datatrove step. It keeps datatrove's conventions: each document is cleaned in the
extractor sandbox with a per-document timeout (a page that hangs costs its own time only),
counters go to the step's stats (pages per method and page kind, lines removed per reason,
repairs, timeouts, errors), and what cleaner found goes to the document's metadata."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from ..emit import to_text
from ..model import Options
from ..pipeline import clean

DEFAULT = Options(explain=True)  # the trail feeds the per-reason counters


class Cleaner(BaseExtractor):
    """Clean each document's text (an HTML page or a text dump, as the reader gives it).

    Args:
        timeout: seconds per document (datatrove's extractor sandbox)
        options: cleaner.Options for every page (its url comes from the document)
        with_trail: put every removed line, with its reason, in the metadata (`cleaner_removed`)
    """

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, timeout: float = 1, options: Options | None = None,
                 with_trail: bool = False) -> None:  # fmt: skip
        super().__init__(timeout)
        self.options = replace(options or DEFAULT, explain=True)
        self.with_trail = with_trail

    def extract(self, text: str, url: str | None = None) -> dict:
        """The clean text, metadata and counts of one document (in the sandbox process)."""
        page = replace(self.options, url=url or self.options.url, encoding="utf-8")
        doc = clean(text.encode("utf-8", "surrogatepass"), page)
        metadata = {
            "title": doc.title, "date": doc.metadata.date, "author": doc.metadata.author,
            "language": doc.language, "cleaner_method": doc.method,
            "page_kind": doc.page_kind.kind, "cleaner_rule": doc.rule,
        }  # fmt: skip
        if self.with_trail:
            trail = [{"line": r.line, "of": r.of, "reason": r.reason, "text": r.text}
                     for r in doc.removed]  # fmt: skip
            metadata["cleaner_removed"] = json.dumps(trail, ensure_ascii=False)
        counts = Counter({f"method_{doc.method}": 1, f"page_kind_{doc.page_kind.kind}": 1,
                          "repairs": doc.repair_count})  # fmt: skip
        counts.update(f"removed_{r.reason}" for r in doc.removed)
        text = to_text(doc, page.with_title).rstrip("\n") if doc.paragraphs else ""
        return {"text": text, "metadata": metadata, "counts": dict(counts)}

    def run(self, data, rank: int = 0, world_size: int = 1):
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    found = self._clean(sandbox, doc)
                if found is None:
                    continue
                doc.text = found["text"]
                doc.metadata.update({k: v for k, v in found["metadata"].items() if v})
                for key, value in found["counts"].items():
                    if value:
                        self.stat_update(key, value=value)
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)

    def _clean(self, sandbox: ExtractorSandbox, doc) -> dict | None:
        """What `extract` found, or None (counted) when the document timed out or failed."""
        try:
            return sandbox.process_document((doc.text, doc.metadata.get("url")), self.extract)
        except TimeoutError:
            self.stat_update("timeout")
        except EOFError:
            self.stat_update("broken_process")
        except Exception as err:  # noqa: BLE001 - one document's failure is counted, as datatrove does
            self.stat_update("clean_error")
            logger.warning(f"cleaner: {doc.id}: {err}")
        return None
