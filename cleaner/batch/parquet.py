"""Parquet output (`-f parquet`, the optional extra `cleaner[parquet]`): the JSONL fields as
columns, written in row groups under a temporary name and renamed when the file is whole, as
datatrove's and the Hub's writers expect. pyarrow is imported only here."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import ConfigError
from .sinks import tmp_name

ROW_GROUP = 1000  # records held before a row group is written: memory stays bounded


def _schema():
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    removal = pa.struct([("line", number), ("of", text), ("text", text), ("reason", text),
                         ("by", text)])  # fmt: skip
    effect = pa.struct([("by", text), ("directive", text), ("line", number), ("of", text),
                        ("before", text), ("after", text)])  # fmt: skip
    repair = pa.struct([("line", number), ("of", text), ("before", text), ("after", text),
                        ("how", text)])  # fmt: skip
    return pa.schema([
        ("source", text), ("url", text), ("title", text), ("date", text), ("author", text),
        ("sitename", text), ("language", text), ("encoding", text),
        ("encoding_confidence", pa.float64()), ("kind", text), ("method", text),
        ("page_kind", text), ("rule", text), ("text", text), ("replacements", number),
        ("repairs", number), ("warnings", pa.list_(text)), ("warc_file", text),
        ("warc_record_id", text), ("warc_date", text), ("warc_offset", number),
        ("encoding_why", text), ("rule_why", text), ("page_kind_why", text),
        ("removed", pa.list_(removal)), ("rule_effects", pa.list_(effect)),
        ("notes", pa.list_(text)), ("repaired", pa.list_(repair)),
    ])  # fmt: skip


def require_pyarrow() -> None:
    """ConfigError, before anything is read, when -f parquet cannot be written."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ConfigError("-f parquet needs pyarrow: pip install 'cleaner[parquet]'") from None


class ParquetFile:
    """Records (JSONL lines, as `render` gives them) into one Parquet file, renamed into
    place on `close`; `discard` leaves nothing behind."""

    def __init__(self, path: Path) -> None:
        require_pyarrow()
        import pyarrow.parquet as pq

        self.path, self._tmp, self._rows = path, tmp_name(path), []
        path.parent.mkdir(parents=True, exist_ok=True)
        self._schema = _schema()
        self._writer = pq.ParquetWriter(self._tmp, self._schema)

    def write(self, record: str) -> None:
        self._rows.append(json.loads(record))
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def close(self) -> None:
        self._flush()
        self._writer.close()
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []
