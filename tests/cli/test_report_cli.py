"""`--report` from the CLI: where each report goes, and what it refuses."""

import re
import shutil

import warcs
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner.cli import main

SEED = str(SAMPLES / "zh-seed-repost" / "raw.txt")
EXPECTED = (SAMPLES / "zh-seed-repost" / "expected.txt").read_text(encoding="utf-8")


def test_one_page_gets_a_page_report_and_its_output_unchanged(tmp_path):
    report = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["clean", SEED, "--report", str(report)])
    assert result.exit_code == 0 and result.stdout == EXPECTED
    html = report.read_text(encoding="utf-8")
    assert "Page report" in html and "removed: credit" in html and "drop_line(" in html


def test_stdin_gets_a_page_report_too(tmp_path, seed_raw):
    report = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["clean", "--report", str(report)], input=seed_raw)
    assert result.exit_code == 0 and "removed: metadata" in report.read_text(encoding="utf-8")


def test_a_folder_gets_a_batch_report_with_page_reports_of_suspicious_pages(tmp_path):
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "seed.txt").write_bytes((SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes())
    (pages / "menu.txt").write_text("Home\nNews\nSport\nWeather\nContact us\n" * 60)
    report, out = tmp_path / "batch.html", tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(pages), "-o", str(out), "--report",
                                       str(report), "-j", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "2 inputs: 2 cleaned, 0 failed" in html and "nothing kept" in html
    linked = list((tmp_path / "batch-pages").glob("*.html"))
    assert len(linked) == 1 and "menu.txt" in linked[0].read_text(encoding="utf-8")
    assert (out / "seed.txt").read_text(encoding="utf-8") == EXPECTED  # outputs as without


def test_a_report_in_the_input_folder_or_on_an_input_is_refused(tmp_path):
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "seed.txt").write_bytes((SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes())
    inside = CliRunner().invoke(main, ["clean", str(pages), "-o", str(tmp_path / "out"),
                                       "--report", str(pages / "r.html")])  # fmt: skip
    assert inside.exit_code == 2 and "inside the input folder" in inside.output
    onto = CliRunner().invoke(main, ["clean", str(pages / "seed.txt"), "--report",
                                     str(pages / "seed.txt")])  # fmt: skip
    assert onto.exit_code == 2 and "is an input" in onto.output
    assert not (pages / "r.html").exists()


def test_an_unwritable_report_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["clean", SEED, "--report", str(blocker / "r.html")])
    assert result.exit_code == 2 and "cannot write the report" in result.output
    assert "Traceback" not in result.output


def test_eval_report_with_worst_pages_and_their_page_reports(tmp_path):
    report = tmp_path / "eval.html"
    result = CliRunner().invoke(main, ["eval", str(FIXTURES / "evalset"), "--worst", "1",
                                       "--report", str(report)])  # fmt: skip
    assert result.exit_code == 0 and f"report: {report}" in result.output
    html = report.read_text(encoding="utf-8")
    assert "Mean F1" in html and "precision against recall" in html
    assert [p.name for p in (tmp_path / "eval-pages").iterdir()] == ["evalset-1.html"]


def test_a_suspicious_record_of_an_archive_gets_its_page_report(tmp_path):
    links = b"".join(b'<li><a href="/s%d">Section number %d</a></li>' % (n, n) for n in range(80))
    menu = b"<html><body><nav><ul>" + links + b"</ul></nav></body></html>"
    archive = warcs.write(tmp_path / "crawl.warc.gz", [
        warcs.response("https://a.example/menu", menu),
        warcs.response("https://b.example/story", (SAMPLES / "en-blog-comments-html" /
                                                   "raw.html").read_bytes()),
    ])  # fmt: skip
    report = tmp_path / "r.html"
    args = ["clean", str(archive), "-f", "jsonl", "-o", str(tmp_path / "o.jsonl"), "--report",
            str(report)]  # fmt: skip
    assert CliRunner().invoke(main, args).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert "a.example" in html and "b.example" in html and "nothing kept" in html
    (page,) = (tmp_path / "r-pages").glob("*.html")
    assert "crawl.warc.gz@" in page.read_text(encoding="utf-8")


def test_an_eval_report_holds_a_page_that_failed_with_its_message(tmp_path):
    evalset = tmp_path / "set"
    shutil.copytree(FIXTURES / "evalset", evalset)
    (evalset / "pages" / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (evalset / "gold" / "bin.txt").write_text("Some gold text.\n", encoding="utf-8")
    with open(evalset / "index.jsonl", "a", encoding="utf-8") as index:
        index.write('{"id": "bin", "page": "pages/bin.txt", "gold": "gold/bin.txt", '
                    '"kind": "text", "url": ""}\n')  # fmt: skip
    report = tmp_path / "eval.html"
    args = ["eval", str(evalset), "--worst", "1", "--report", str(report)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = re.sub("<[^>]+>", "", report.read_text(encoding="utf-8"))  # the diff's marks out
    assert "(failed: " in text and "PNG image" in text and "no page report" in text


def test_a_damaged_archive_is_a_failure_in_the_batch_report(tmp_path):
    whole = warcs.sample_warc(tmp_path / "crawl.warc.gz").read_bytes()
    damaged = tmp_path / "cut.warc.gz"
    damaged.write_bytes(whole[: len(whole) // 2 + 7])  # inside a record
    report = tmp_path / "r.html"
    args = ["clean", str(damaged), "-f", "jsonl", "-o", str(tmp_path / "o.jsonl"), "--report",
            str(report)]  # fmt: skip
    assert CliRunner().invoke(main, args).exit_code == 1
    text = re.sub("<[^>]+>", " ", report.read_text(encoding="utf-8"))
    assert "1 failed" in text and "truncated in the record at offset" in text
