"""The page report's reading of a page: every line, in order, with what became of it."""

import re

from conftest import SAMPLES

from cleaner import Options
from cleaner.report import page_view
from cleaner.report.evaluation import marked_diff
from cleaner.report.page import directive_at, render_page, short_origin, suggestion

SEED = (SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes()


def test_every_input_line_of_a_dump_has_its_fate():
    view = page_view(SEED)
    lines = {line.number: line for line in view.lines}
    assert view.counts == "input line" and len(lines) == len(SEED.decode().splitlines())
    assert lines[5].status == "title" and lines[5].text.startswith("乘势而上")
    assert (lines[7].status, lines[7].reason) == ("removed", "metadata")
    assert short_origin(lines[7].by) == "rules/generic/zh.txt:5"  # the cue that fired
    assert directive_at(lines[7].by).startswith("drop_line(metadata):")
    assert (lines[55].status, lines[55].reason) == ("removed", "credit")
    assert lines[11].status == "rewritten" and lines[11].after.startswith("6月20日")
    kept = [line for line in view.lines if line.status in ("kept", "rewritten")]
    assert len(kept) == len(view.document.paragraphs)


def test_every_visible_block_of_an_html_page_has_its_fate():
    data = (SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes()
    view = page_view(data)
    statuses = {line.status for line in view.lines}
    assert view.counts == "visible block" and {"title", "kept", "left-out"} <= statuses
    kept = "\n".join(line.text for line in view.lines if line.status == "kept")
    assert all(p[:30] in kept for p in view.document.paragraphs)
    left = [line for line in view.lines if line.status == "left-out"]
    assert {(line.reason, line.by) for line in left} == {("not-extracted", "trafilatura")}


def test_with_fast_a_block_left_out_names_resiliparses_main_content():
    data = (SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes()
    view = page_view(data, Options(fast=True))
    assert view.document.method == "text-fast"
    fates = {line.text: (line.status, line.by) for line in view.lines}
    assert fates["Vegetables"] == ("left-out", "resiliparse main content")  # the site's menu
    assert fates["Share this:"][0] == "removed"  # a cue line within the main content
    kept = [line.text for line in view.lines if line.status == "kept"]
    assert kept == list(view.document.paragraphs)


def test_a_suggested_directive_matches_its_line_and_pastes_as_is():
    line = page_view(SEED).lines[0]
    directive = suggestion(line)
    reason, pattern = re.fullmatch(r"drop_line\(([\w-]+)\): (.+)", directive).groups()
    assert reason == "navigation" and re.search(pattern, line.text)


def test_the_page_report_writes_every_reason_and_the_rule():
    html = render_page(page_view(SEED, Options(source="seed.txt")))
    for text in ("removed: metadata", "removed: credit", "rules/generic/zh.txt:5",
                 "cn-public-info-repost", "18 paragraphs kept", "utf-8 bytes"):  # fmt: skip
        assert text in html
    assert "http://" not in html and "https://" not in html.replace("https://schema", "")


def test_marked_diff_strikes_what_is_missing_and_underlines_what_is_extra():
    gold, output = marked_diff("the red boat sails", "the boat sails away")
    assert re.search(r"<del>\s*red\s*</del>", gold) and re.search(r"<ins>\s*away</ins>", output)
    assert "<del>" not in output and "<ins>" not in gold
