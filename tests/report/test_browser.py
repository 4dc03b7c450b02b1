"""The three reports in a real browser (Debian's chromium, driven by Playwright): each is made
by the installed CLI, opened in headless Chromium, and checked for script errors, for the
reasons and figures in its visible text, and for being readable without colour (every status
and figure written, not only coloured). Screenshots go to tmp_path, and to the folder named by
CLEANER_SCREENSHOTS (the README's pictures: CLEANER_SCREENSHOTS=docs python -m pytest
tests/report). Without chromium the tests skip, unless CLEANER_NEED_BROWSER is set (CI)."""

import os
import shutil
from pathlib import Path

import pytest
import warcs
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner.cli import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
GREY = "html{filter:grayscale(1)}"
SHOTS = os.environ.get("CLEANER_SCREENSHOTS")
SHOTS = Path(SHOTS).resolve() if SHOTS else None  # the tests below change the working folder

if not Path(CHROMIUM).exists() and not os.environ.get("CLEANER_NEED_BROWSER"):
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def _open(browser, path: Path):
    """The report in a new page, and the list its script errors and console errors go to."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    return page, errors


def _screenshots(page, tmp_path: Path, name: str, top: str = "h1") -> None:
    """A screenshot in colour and one without colour, with the element `top` at the top of
    the window; the colour one also for the README."""
    page.evaluate("s => document.querySelector(s).scrollIntoView()", top)
    page.screenshot(path=str(tmp_path / f"{name}.png"))
    if SHOTS:
        page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.add_style_tag(content=GREY)
    page.screenshot(path=str(tmp_path / f"{name}-grey.png"))
    assert (tmp_path / f"{name}-grey.png").stat().st_size > 10_000


def test_page_report_in_chromium(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the report names its input as given: page.txt
    shutil.copy(SAMPLES / "zh-seed-repost" / "raw.txt", "page.txt")
    report = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["clean", "page.txt", "--report", str(report)])
    assert result.exit_code == 0, result.output
    page, errors = _open(browser, report)
    text = page.inner_text("body")
    for shown in ("removed: metadata", "removed: credit", "rewritten", "title",
                  "cn-public-info-repost", "utf-8 (100% sure)", "no evidence of another kind",
                  "from input line 5"):  # fmt: skip
        assert shown in text, shown
    lines = page.locator("ol.lines li:visible")
    for i in range(lines.count()):  # without colour: every line says what became of it
        line = lines.nth(i)
        assert line.get_attribute("data-status") in line.inner_text()
    page.select_option("#filter", "credit")
    assert lines.count() == 4 and "removed: credit" in lines.first.inner_text()
    page.select_option("#filter", "metadata")
    lines.first.locator("summary").click()  # the cue that fired, and a directive to paste
    shown = lines.first.inner_text()
    assert "rules/generic/zh.txt:5: drop_line(metadata):" in shown
    assert "drop_line(metadata): ^发布时间" in shown
    page.select_option("#filter", "all")
    _screenshots(page, tmp_path, "report-page", "ol.lines li:nth-child(5)")
    assert errors == []


def test_batch_report_in_chromium(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the report names the inputs as given: in/…
    pages = Path("in")
    pages.mkdir()
    for case in ("zh-seed-repost", "en-news-dump", "zh-hant-big5-dump"):
        shutil.copy(SAMPLES / case / "raw.txt", pages / f"{case}.txt")
    for case in ("en-blog-comments-html", "zh-gbk-news-html", "zh-discuz-thread-html"):
        shutil.copy(SAMPLES / case / "raw.html", pages / f"{case}.html")
    (pages / "menu.txt").write_text("Home\nNews\nSport\nWeather\nContact us\n" * 60)
    (pages / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)
    warcs.sample_warc(pages / "crawl.warc.gz")
    report = tmp_path / "batch.html"
    args = ["clean", str(pages), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"), "-j", "2",
            "--report", str(report)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1  # the binary file failed; the others were cleaned
    page, errors = _open(browser, report)
    text = page.inner_text("body")
    for shown in ("Pages by method", "text-lines", "trafilatura", "Removed lines per reason",
                  "navigation", "Hosts", "broken.txt", "binary", "Slowest pages",
                  "nothing kept"):  # fmt: skip
        assert shown in text, shown
    chart = page.locator("svg[aria-label='removed lines per reason'] text").all_text_contents()
    assert "navigation" in chart and any(t.endswith(" lines") for t in chart)  # figures written
    link = page.locator("a", has_text="menu.txt")
    link.click()
    assert "Page report" in page.inner_text("h1") and "removed: navigation" in page.inner_text(
        "body"
    )
    page.go_back()
    _screenshots(page, tmp_path, "report-batch")
    assert errors == []


def test_eval_report_in_chromium(browser, tmp_path):
    report = tmp_path / "eval.html"
    args = ["eval", str(FIXTURES / "evalset"), "--compare", "trafilatura", "--worst", "2",
            "--report", str(report)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page, errors = _open(browser, report)
    text = page.inner_text("body")
    for shown in ("Mean F1", "Mean precision", "Mean recall", "cleaner", "trafilatura",
                  "precision against recall", "gold", "output", "page report"):  # fmt: skip
        assert shown in text, shown
    assert page.locator("svg[aria-label='recall against precision'] circle").count() >= 2
    assert page.locator("del, ins").count() > 0  # missing and extra text marked
    _screenshots(page, tmp_path, "report-eval")
    page.locator("a", has_text="page report").first.click()
    assert "Page report" in page.inner_text("h1")
    assert errors == []
