"""--best: three more readings of an HTML page, and the lines all three keep added."""

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner import ConfigError, Options, clean
from cleaner.cli import main
from cleaner.html import readability_adapter

NOTICE = FIXTURES / "best" / "notice.html"
CLAUSES = ("一、吉林省嫩江干流补充治理工程位于", "二、自本通告发布之日起", "三、自本通告发布之日起")


def test_best_adds_the_lines_three_other_readings_keep_in_page_order():
    data = NOTICE.read_bytes()
    alone = clean(data, Options(detect_language=False))
    best = clean(data, Options(detect_language=False, best=True))
    assert not any(p.startswith(CLAUSES) for p in alone.paragraphs)
    assert best.method == alone.method + "+agreement"
    found = [next(i for i, p in enumerate(best.paragraphs) if p.startswith(c)) for c in CLAUSES]
    assert found == sorted(found)  # the notice's clauses in their order on the page
    assert set(alone.paragraphs) <= set(best.paragraphs)  # nothing of the first reading lost


def test_best_changes_nothing_where_the_readings_do_not_all_agree():
    data = (SAMPLES / "en-blog-comments-html" / "raw.html").read_bytes()
    alone = clean(data, Options(detect_language=False))
    best = clean(data, Options(detect_language=False, best=True))
    assert (best.paragraphs, best.method) == (alone.paragraphs, alone.method)


def test_best_needs_readability_and_refuses_fast(monkeypatch):
    with pytest.raises(ConfigError, match="choose one"):
        Options(best=True, fast=True)
    result = CliRunner().invoke(main, ["clean", "--best", "--fast", str(NOTICE)])
    assert result.exit_code == 2 and "choose one" in result.output
    monkeypatch.setattr(readability_adapter, "available", lambda: False)
    with pytest.raises(ConfigError, match=r"cleaner\[best\]"):
        clean(NOTICE.read_bytes(), Options(best=True))
    result = CliRunner().invoke(main, ["clean", "--best", str(NOTICE)])
    assert result.exit_code == 2 and "pip install 'cleaner[best]'" in result.output


def test_cli_best_and_eval_best():
    result = CliRunner().invoke(main, ["clean", "--best", str(NOTICE)])
    assert result.exit_code == 0 and "一、吉林省嫩江干流补充治理工程位于" in result.output
    result = CliRunner().invoke(main, ["eval", "--best", str(FIXTURES / "evalset")])
    assert result.exit_code == 0 and "cleaner" in result.output
