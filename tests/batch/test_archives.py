"""Web archives through `cleaner clean`: WARC and WET files written by the test (tests/warcs.py),
each record cleaned as its page would be, traced back to its archive; damaged and false
archives, formats, folders, workers, resumption and Parquet."""

import gzip
import json

import pytest
import warcs
from click.testing import CliRunner
from conftest import SAMPLES

from cleaner.cli import main


def _run(*args):
    return CliRunner().invoke(main, ["clean", *map(str, args)])


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def archives(tmp_path):
    folder = tmp_path / "in"
    return warcs.sample_warc(folder / "crawl.warc.gz"), warcs.sample_wet(folder / "crawl.wet.gz")


def test_each_page_record_is_cleaned_and_traced_back(archives, tmp_path):
    warc, _ = archives
    result = _run(warc, "-f", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.output
    got = _records(tmp_path / "out.jsonl")
    assert [r["url"].rsplit("/", 1)[-1] for r in got] == list(warcs.HTML_PAGES)
    for record in got:
        assert record["warc_file"] == str(warc) and record["warc_date"] == warcs.DATE
        assert record["warc_record_id"].startswith("<urn:uuid:")
        assert record["source"] == f"{warc}@{record['warc_offset']}"
        assert record["kind"] == "html" and record["text"]
    # the offset leads back to the record: a gzip member starts there
    raw = warc.read_bytes()[got[1]["warc_offset"] :]
    assert gzip.decompress(raw).split(b"\r\n", 1)[0].startswith(b"WARC/1.")
    assert "skipped 7 (3 request record, 1 warcinfo record, 1 application/pdf, " in result.stderr
    assert "1 revisit record, 1 HTTP status 301)" in result.stderr


def test_a_record_reads_as_its_page_does(archives, tmp_path):
    warc, _ = archives
    out = _records_of(warc, tmp_path)
    for n, case in enumerate(warcs.HTML_PAGES):
        page = next((SAMPLES / case).glob("raw.*"))
        url = f"https://www.example-{n}.test/{case}"
        alone = json.loads(_run(page, "-f", "json", "--url", url).stdout)
        assert (out[n]["title"], out[n]["text"]) == (alone["title"], alone["text"])


def _records_of(path, tmp_path, *args):
    target = tmp_path / f"{path.name}.{len(args)}.jsonl"
    assert _run(path, "-f", "jsonl", "-o", target, *args).exit_code == 0
    return _records(target)


def test_wet_records_go_through_the_text_dump_path(archives, tmp_path):
    _, wet = archives
    out = _records_of(wet, tmp_path)
    assert [r["method"] for r in out] == ["text-lines"] * 3
    expected = (SAMPLES / "zh-seed-repost" / "expected.txt").read_text(encoding="utf-8")
    assert out[1]["title"] + "\n" + out[1]["text"] + "\n" == expected


@pytest.mark.parametrize(
    ("meta", "http", "codec"),
    [("utf-8", "gbk", "gbk"), ("gbk", "iso-8859-1", "utf-8")],
    ids=["http-charset-wins-over-meta", "utf-8-bytes-win-over-a-wrong-header"],
)
def test_the_http_charset_is_decoding_evidence(tmp_path, meta, http, codec):
    body = "<p>" + "江南水乡古镇启动老街修缮工程，居民参与讨论并提出建议。" * 6 + "</p>"
    page = f"<html><head><meta charset={meta}><title>古镇</title></head><body>{body}</body></html>"
    warc = warcs.write(tmp_path / "c.warc.gz", [
        warcs.response("https://a.test/x", page.encode(codec), f"text/html; charset={http}")
    ])  # fmt: skip
    (record,) = _records_of(warc, tmp_path)
    assert "江南水乡古镇启动老街修缮工程" in record["text"]


def test_a_truncated_archive_keeps_what_came_before_and_says_where(tmp_path):
    pages = [warcs.response(f"https://a.test/{case}", warcs.sample_page(case))
             for case in warcs.HTML_PAGES]  # fmt: skip
    whole = warcs.write(tmp_path / "whole.warc.gz", pages).read_bytes()
    last = len(gzip.compress(pages[-1], mtime=0))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - last // 2])  # half of the last record is gone
    result = _run(cut, "-f", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    offset = len(whole) - last
    assert f"{cut}: truncated in the record at offset {offset:,}" in result.stderr
    assert "the records before it are kept" in result.stderr
    assert len(_records(tmp_path / "out.jsonl")) == 2


def test_a_file_named_as_an_archive_that_is_none_says_so(tmp_path, archives):
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(gzip.compress(b"<html><body><p>just a page</p></body></html>"))
    _, wet = archives
    result = _run(fake, wet, "-f", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert f"{fake}: not a WARC file" in result.stderr
    assert len(_records(tmp_path / "out.jsonl")) == 3  # the other input went on


def test_an_archive_needs_a_record_format(archives):
    warc, _ = archives
    result = _run(warc)
    assert result.exit_code == 1
    assert "a web archive holds many pages; use -f jsonl or -f parquet" in result.stderr


def test_a_record_over_the_size_limit_is_skipped_with_its_reason(archives, tmp_path):
    warc, _ = archives
    result = _run(warc, "-f", "jsonl", "-o", tmp_path / "out.jsonl", "--max-bytes", 3000)
    assert result.exit_code == 0
    assert "over --max-bytes" in result.stderr
    assert len(_records(tmp_path / "out.jsonl")) < 3


def test_two_workers_write_what_one_does(archives, tmp_path):
    warc, wet = archives
    one = tmp_path / "one.jsonl"
    two = tmp_path / "two.jsonl"
    assert _run(warc, wet, "-f", "jsonl", "-o", one).exit_code == 0
    assert _run(warc, wet, "-f", "jsonl", "-o", two, "-j", 2).exit_code == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_a_folder_of_archives_gives_one_output_each_and_resumes_by_archive(archives, tmp_path):
    warc, wet = archives
    out = tmp_path / "out"
    result = _run(warc.parent, "-f", "jsonl", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["crawl.warc.jsonl", "crawl.wet.jsonl"]
    assert len(_records(out / "crawl.warc.jsonl")) == 3
    (out / "crawl.wet.jsonl").unlink()
    again = _run(warc.parent, "-f", "jsonl", "-o", f"{out}/", "--skip-existing")
    # the WARC, whole, is skipped; the WET's three pages (and its warcinfo record) read again
    assert "cleaned 3, empty 0, failed 0, skipped 2 (1 warcinfo record) in" in again.stderr
    assert len(_records(out / "crawl.wet.jsonl")) == 3


def test_a_stream_cut_short_resumes_without_repeating_a_record(archives, tmp_path):
    warc, wet = archives
    stream = tmp_path / "all.jsonl"
    assert _run(warc, wet, "-f", "jsonl", "-o", stream).exit_code == 0
    whole = stream.read_text(encoding="utf-8").splitlines(keepends=True)
    stream.write_text("".join(whole[:2]) + whole[2][:40], encoding="utf-8")  # killed mid-line
    assert _run(warc, wet, "-f", "jsonl", "-o", stream, "--skip-existing").exit_code == 0
    assert sorted(stream.read_text(encoding="utf-8").splitlines(keepends=True)) == sorted(whole)


def test_parquet_holds_the_jsonl_fields_as_columns(archives, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    warc, wet = archives
    assert _run(warc, wet, "-f", "parquet", "-o", tmp_path / "all.parquet").exit_code == 0
    rows = pq.read_table(tmp_path / "all.parquet").to_pylist()
    expected = _records_of(warc, tmp_path) + _records_of(wet, tmp_path)
    assert len(rows) == len(expected) == 6
    for row, record in zip(rows, expected, strict=True):
        assert {k: row[k] for k in record} == record


def test_parquet_needs_a_file(archives):
    warc, _ = archives
    result = _run(warc, "-f", "parquet")
    assert result.exit_code == 2 and "-f parquet needs -o FILE.parquet" in result.output


def test_garbage_inside_an_archive_keeps_the_records_before_it(tmp_path):
    pages = [warcs.response(f"https://a.test/{case}", warcs.sample_page(case))
             for case in warcs.HTML_PAGES]  # fmt: skip
    members = [gzip.compress(page, mtime=0) for page in pages]
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(members[0] + b"\x1f\x8b" + b"not a gzip member" * 20 + members[2])
    result = _run(broken, "-f", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert f"{broken}: unreadable after the record at offset 0" in result.stderr
    assert [r["url"] for r in _records(tmp_path / "out.jsonl")] == [
        f"https://a.test/{warcs.HTML_PAGES[0]}"
    ]
