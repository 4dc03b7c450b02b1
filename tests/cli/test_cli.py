"""CliRunner tests for every command and option of the CLI contract."""

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner.cli import main

SEED = str(SAMPLES / "zh-seed-repost" / "raw.txt")
EXPECTED = (SAMPLES / "zh-seed-repost" / "expected.txt").read_text(encoding="utf-8")


@pytest.fixture
def runner():
    return CliRunner()


def test_file_to_stdout(runner):
    result = runner.invoke(main, ["clean", SEED])
    assert result.exit_code == 0 and result.stdout == EXPECTED


def test_stdin_and_dash(runner, seed_raw):
    assert runner.invoke(main, ["clean"], input=seed_raw).stdout == EXPECTED
    assert runner.invoke(main, ["clean", "-"], input=seed_raw).stdout == EXPECTED


def test_output_file(runner, tmp_path):
    out = tmp_path / "out.txt"
    result = runner.invoke(main, ["clean", SEED, "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == EXPECTED
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_json_schema(runner):
    record = json.loads(runner.invoke(main, ["clean", "-f", "json", SEED]).stdout)
    assert set(record) >= {
        "source",
        "url",
        "title",
        "date",
        "author",
        "sitename",
        "language",
        "encoding",
        "encoding_confidence",
        "kind",
        "text",
    }
    assert record["kind"] == "text" and record["date"] == "2018-06-22"
    assert record["text"] == "\n".join(EXPECTED.splitlines()[1:])
    assert "removed" not in record


def test_json_explain_lists_removed_lines(runner):
    record = json.loads(runner.invoke(main, ["clean", "-f", "json", "--explain", SEED]).stdout)
    reasons = {r["line"]: r["reason"] for r in record["removed"]}
    assert reasons[9] == "original-title" and reasons[19] == "caption"


def test_jsonl_one_record_per_input(runner):
    other = str(SAMPLES / "en-news-dump" / "raw.txt")
    out = runner.invoke(main, ["clean", "-f", "jsonl", SEED, other, "--url", "https://x.org/a"])
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["source"] for r in records] == [SEED, other]
    assert records[0]["url"] == "https://x.org/a"


def test_json_with_several_inputs_is_an_array(runner):
    other = str(SAMPLES / "en-news-dump" / "raw.txt")
    records = json.loads(runner.invoke(main, ["clean", "-f", "json", SEED, other]).stdout)
    assert isinstance(records, list) and len(records) == 2


def test_text_explain_goes_to_stderr(runner):
    result = runner.invoke(main, ["clean", "--explain", SEED])
    assert result.stdout == EXPECTED
    assert "removed input line 9 [original-title]" in result.stderr


def test_no_title(runner):
    result = runner.invoke(main, ["clean", "--no-title", SEED])
    assert result.stdout == "".join(line + "\n" for line in EXPECTED.splitlines()[1:])


def test_encoding_option(runner, tmp_path):
    page = tmp_path / "gbk.txt"
    page.write_bytes(EXPECTED.encode("gbk"))
    result = runner.invoke(main, ["clean", "--encoding", "gbk", str(page)])
    assert result.exit_code == 0 and result.stdout == EXPECTED


def test_empty_input_is_empty_output(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["clean", str(empty)])
    assert result.exit_code == 0 and result.stdout == ""
    # said, not silent: a download or an export that wrote nothing is worth a look
    said = "empty input (0 bytes), nothing to clean; check that it was saved whole"
    assert result.stderr == f"cleaner: {empty}: {said}\n"


def test_binary_input_fails_alone(runner, tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = runner.invoke(main, ["clean", str(image), SEED])
    assert result.exit_code == 1
    assert "photo.png: this is a PNG image" in result.stderr
    assert result.stdout == EXPECTED  # the good input is still cleaned
    assert "Traceback" not in result.output


def test_nul_bytes_are_binary(runner, tmp_path):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"abc\x00\x01\x02def" * 50)
    result = runner.invoke(main, ["clean", str(blob)])
    assert result.exit_code == 1 and "binary data" in result.stderr and result.stdout == ""


def test_missing_file_is_a_usage_error(runner):
    result = runner.invoke(main, ["clean", "no/such/file.txt"])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_unknown_encoding_is_a_usage_error(runner):
    result = runner.invoke(main, ["clean", "--encoding", "klingon", SEED])
    assert result.exit_code == 2 and "unknown encoding 'klingon'" in result.stderr


def test_bad_format_is_a_usage_error(runner):
    assert runner.invoke(main, ["clean", "-f", "xml", SEED]).exit_code == 2


def test_help_shows_examples(runner):
    assert "cleaner clean" in runner.invoke(main, ["--help"]).stdout
    assert "Examples" in runner.invoke(main, ["clean", "--help"]).stdout


def test_eval_reports_scores(runner):
    result = runner.invoke(main, ["eval", str(FIXTURES / "evalset")])
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("cleaner "))
    assert float(row.split()[4]) > 0.95  # F1 on two pages whose gold is our reviewed expected
    assert "worst" in result.stdout


def test_eval_compare_trafilatura(runner):
    result = runner.invoke(main, ["eval", str(FIXTURES / "evalset"), "--compare", "trafilatura"])
    assert result.exit_code == 0 and "trafilatura" in result.stdout


def test_eval_scores_titles_against_a_reviewed_list(runner, tmp_path):
    titles = tmp_path / "titles.jsonl"
    titles.write_text(
        '{"id": "en", "title": "City Council approves new bike lanes for downtown"}\n'
        '{"id": "zh", "title": "臺北市推動老舊公寓加裝電梯"}\n',  # the page's has more
        encoding="utf-8",
    )
    result = runner.invoke(main, ["eval", str(FIXTURES / "evalset"), "--titles", str(titles)])
    assert result.exit_code == 0
    head, row = [line for line in result.stdout.splitlines() if line.startswith(("extr", "clea"))]
    assert head.split()[-1] == "title" and row.split()[-1] == "50.0%"  # case aside: 1 of 2
    titles.write_text('{"page": "en"}\n', encoding="utf-8")
    broken = runner.invoke(main, ["eval", str(FIXTURES / "evalset"), "--titles", str(titles)])
    assert broken.exit_code == 2 and "titles.jsonl:1: not a title row" in broken.stderr


def test_eval_needs_an_index(runner, tmp_path):
    result = runner.invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and "no index.jsonl" in result.stderr


BLOG = str(SAMPLES / "en-blog-comments-html" / "raw.html")


def test_precision_balanced_and_recall_flags(runner):
    for flag in ("--precision", "--balanced", "--recall"):
        result = runner.invoke(main, ["clean", flag, BLOG])
        assert result.exit_code == 0
        assert result.stdout.startswith("Growing tomatoes on a small balcony\n")
    both = runner.invoke(main, ["clean", "--precision", "--recall", BLOG])
    assert both.exit_code == 2 and "give only one of --precision, --balanced" in both.output


def test_a_page_without_body_text_says_so(runner):
    page = b"<html><head><title>Only a head</title></head></html>"
    result = runner.invoke(main, ["clean", "-"], input=page)
    assert result.exit_code == 0
    assert "-: no body text found (html page, method text-fallback)" in result.stderr


def test_html_json_reports_metadata_and_method(runner):
    record = json.loads(runner.invoke(main, ["clean", "-f", "json", BLOG]).stdout)
    assert record["method"] == "trafilatura" and record["kind"] == "html"
    assert (record["author"], record["date"]) == ("Hannah Brooks", "2023-07-02")
    assert record["sitename"] == "The Patient Gardener"


def test_explain_names_html_rule_directives(runner):
    case = SAMPLES / "en-site-rule-html"
    args = ["clean", "--explain", "--rules", str(case / "rules"), str(case / "raw.html")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert result.stdout == (case / "expected.txt").read_text(encoding="utf-8")
    assert "strip_id_or_class inline-promo (" in result.stderr and "): 2 removed" in result.stderr
    plain = runner.invoke(main, ["clean", "--no-rules", str(case / "raw.html")]).stdout
    assert "Get the Northport Daily app" in plain  # without the rule the promotion stays


# --- issue #16: files go through the same run as folders; nothing crashes ---


def test_json_over_several_inputs_is_an_array_whatever_fails(runner, tmp_path):
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    one = runner.invoke(main, ["clean", "-f", "json", str(png), SEED])
    assert one.exit_code == 1 and [r["source"] for r in json.loads(one.stdout)] == [SEED]
    none = runner.invoke(main, ["clean", "-f", "json", str(png), str(png)])
    assert none.exit_code == 1 and json.loads(none.stdout) == []


def test_a_gzipped_file_is_read_like_one_in_a_folder(runner, tmp_path):
    import gzip

    page = tmp_path / "seed.txt.gz"
    page.write_bytes(gzip.compress((SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes()))
    assert runner.invoke(main, ["clean", str(page)]).stdout == EXPECTED


def test_an_input_over_max_bytes_fails_with_the_fix(runner):
    result = runner.invoke(main, ["clean", "--max-bytes", "100", SEED])
    assert result.exit_code == 1 and "larger than 100 bytes (--max-bytes)" in result.stderr


def test_dev_zero_is_refused_not_read_until_memory_runs_out(runner):
    result = runner.invoke(main, ["clean", "--max-bytes", "1000000", "/dev/zero"])
    assert result.exit_code == 1 and "larger than 1,000,000 bytes" in result.stderr


def test_timeout_works_for_a_file_input(runner):
    result = runner.invoke(main, ["clean", "--timeout", "0.000001", SEED, SEED])
    assert result.exit_code == 1 and "took longer than 1e-06 s (--timeout)" in result.stderr


@pytest.mark.parametrize("name", ["rot13", "base64", "idna"])
def test_a_codec_that_is_no_character_encoding_is_a_usage_error(runner, name):
    result = runner.invoke(main, ["clean", "--encoding", name, SEED])
    assert result.exit_code == 2 and "character encoding" in result.stderr


SENTENCE = "The council voted to add protected bike lanes to four downtown streets. "
PAGE = "<html><head><title>T</title>{head}</head><body><p>" + SENTENCE * 40 + "</p></body></html>"


@pytest.mark.parametrize(
    ("head", "args"),
    [
        ("<script>x</script>\x0c\x0b", []),
        ('<link rel="canonical" href="http://[">', []),
        ('<meta property="og:url" content="http://[::1">', []),
        ("", ["--url", "http://[::1"]),
        ("<p>\x00</p>", []),  # a stray NUL in a page of 3 KB: taken out, not binary
    ],
)
def test_control_characters_and_malformed_urls_do_not_lose_the_page(runner, tmp_path, head, args):
    page = tmp_path / "p.html"
    page.write_text(PAGE.format(head=head), encoding="utf-8")
    result = runner.invoke(main, ["clean", *args, str(page)])
    assert result.exit_code == 0, result.stderr
    assert "protected bike lanes" in result.stdout


def test_uncertain_results_are_reported_on_stderr_and_in_json(runner, tmp_path):
    raw = (SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes()
    page = tmp_path / "p.txt"
    page.write_bytes(raw[:2000] + b"\xff" + raw[2000:])
    text = runner.invoke(main, ["clean", str(page)])
    assert "bad byte sequence(s) in the utf-8 input replaced" in text.stderr
    record = json.loads(runner.invoke(main, ["clean", "-f", "json", str(page)]).stdout)
    assert record["replacements"] >= 1 and record["warnings"]
    quiet = runner.invoke(main, ["clean", "-q", str(page)])
    assert quiet.stderr == "" and quiet.stdout == text.stdout


def test_a_wrong_encoding_forced_drops_the_soup_and_says_what_to_check(runner, tmp_path):
    # GBK bytes read as UTF-8 because --encoding said so: no round trip recovers the
    # replaced bytes, so the title goes as the paragraphs do, and the message names the option
    page = SAMPLES / "zh-gbk-news-html" / "raw.html"
    result = runner.invoke(main, ["clean", "--encoding", "utf-8", "-f", "json", str(page)])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["title"] is None and record["text"] == ""
    assert "input replaced; check --encoding (without it the codec is detected)" in result.stderr
    explained = runner.invoke(main, ["clean", "--encoding", "utf-8", "-f", "json", "--explain",
                                     str(page)])  # fmt: skip
    dropped = [r for r in json.loads(explained.stdout)["repaired"] if r["of"] == "title"]
    assert len(dropped) == 1 and dropped[0]["after"] is None and "\ufffd" in dropped[0]["before"]
    # read as the page declares it, the title is there and nothing is said of the option
    right = runner.invoke(main, ["clean", "-f", "json", str(page)])
    assert json.loads(right.stdout)["title"] and "--encoding" not in right.stderr
