"""Web archives made here, from the pages in samples/: WARC files with one gzip member per
record, as Common Crawl writes them (records serialised by FastWARC), and WET files of
`conversion` records. The example archives in samples/archive/ are written by this module:

    python tests/warcs.py samples/archive
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
HTML_PAGES = ("en-blog-comments-html", "zh-gbk-news-html", "zh-discuz-thread-html")
TEXT_PAGES = ("en-news-dump", "zh-seed-repost", "zh-hant-big5-dump")
DATE = "2026-11-30T08:00:00Z"


def record(kind: str, uri: str, payload: bytes, content_type: str | None = None) -> bytes:
    """One WARC record, serialised (not compressed)."""
    warc = WarcRecord()
    warc.init_headers(record_type=getattr(WarcRecordType, kind))
    warc.headers["WARC-Date"] = DATE
    if uri:
        warc.headers["WARC-Target-URI"] = uri
    if content_type:
        warc.headers["Content-Type"] = content_type
    warc.set_bytes_content(payload)
    if kind in ("response", "request"):
        warc.is_http = True
    out = io.BytesIO()
    warc.write(out)
    return out.getvalue()


def http_response(body: bytes, content_type: str = "text/html", status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return head.encode("ascii") + b"\r\n" + body


def response(uri: str, body: bytes, content_type: str = "text/html") -> bytes:
    return record("response", uri, http_response(body, content_type))


def write(path: Path, records: list[bytes]) -> Path:
    """The records as one gzip member each (or plain, for a `.warc` name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        path.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def sample_page(case: str) -> bytes:
    return next((SAMPLES / case).glob("raw.*")).read_bytes()


def sample_warc(path: Path) -> Path:
    """A crawl of the HTML samples: warcinfo, a request and a response for each, a PDF, a
    revisit and a redirect, the GBK page served with an HTTP charset."""
    records = [record("warcinfo", "", b"software: cleaner tests\r\n", "application/warc-fields")]
    for n, case in enumerate(HTML_PAGES):
        uri = f"https://www.example-{n}.test/{case}"
        records.append(record("request", uri, b"GET / HTTP/1.1\r\nHost: example.test\r\n\r\n"))
        charset = "; charset=gbk" if "gbk" in case else ""
        records.append(response(uri, sample_page(case), "text/html" + charset))
    records.append(response("https://www.example.test/a.pdf", b"%PDF-1.4\n", "application/pdf"))
    records.append(record("revisit", "https://www.example-0.test/again", b""))
    records.append(record("response", "https://www.example.test/moved",
                          http_response(b"", status="301 Moved Permanently")))  # fmt: skip
    return write(path, records)


def sample_wet(path: Path) -> Path:
    """The text samples as a WET file: warcinfo, then a conversion record each."""
    records = [record("warcinfo", "", b"software: cleaner tests\r\n", "application/warc-fields")]
    for n, case in enumerate(TEXT_PAGES):
        text = sample_page(case)
        if case == "zh-hant-big5-dump":
            text = text.decode("big5hkscs").encode("utf-8")  # WET text is UTF-8
        records.append(record("conversion", f"https://text-{n}.test/{case}", text, "text/plain"))
    return write(path, records)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(sample_warc(folder / "example.warc.gz"), sample_wet(folder / "example.wet.gz"))
