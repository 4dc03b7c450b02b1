"""Site rules: the ftr-site-config format, layers, matching, the seed's rule, and commands."""

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SAMPLES

from cleaner import Options, clean, to_text
from cleaner.cli import main
from cleaner.errors import ConfigError
from cleaner.rules.book import load_rulebook, rule_sources
from cleaner.rules.format import rules_dir
from cleaner.rules.site import load_rule

FTR = FIXTURES / "ftr"
PAGE = FTR / "24ways-page.html"
URL = "http://24ways.org/2011/composing-the-new-canon"
SEED = SAMPLES / "zh-seed-repost"


def _sources(*dirs):
    return rule_sources(tuple(str(d) for d in dirs))


def test_seed_body_is_the_user_expected_file_line_for_line():
    out = to_text(clean((SEED / "raw.txt").read_bytes())).splitlines()
    user = (SEED / "user-expected.txt").read_text(encoding="utf-8").splitlines()
    assert out[1:] == user[1:]  # every body line, the dateline and the byline included
    assert out[0] == "乘势而上，" + user[0]  # only the title keeps the prefix
    assert out[1].startswith("6月20日，") and out[-1].endswith("（记者/王茜）")


def test_seed_rule_is_found_by_content():
    doc = clean((SEED / "raw.txt").read_bytes(), Options(explain=True))
    assert doc.rule == "cn-public-info-repost"
    assert doc.rule_why.startswith("content: match_content found")
    assert {e.directive for e in doc.effects} == {"rewrite", "cut_from"}


def test_unmodified_ftr_files_load():
    for name in ("24ways.org.txt", "3voor12.vpro.nl.txt"):
        rule, problems = load_rule(FTR / name, "test")
        assert problems == []
    rule, _ = load_rule(FTR / "3voor12.vpro.nl.txt", "test")
    assert rule.body == ("//div[@id='main']",) and len(rule.strip) == 3
    assert any("convert_double_br_tags ignored" in n for n in rule.notes)
    assert rule.tests[0].url.startswith("http://3voor12.vpro.nl/")


def test_ftr_strip_and_body_act_on_an_html_page():
    with_rule = clean(PAGE.read_bytes(), Options(url=URL, rule_sources=_sources(FTR)))
    without = clean(PAGE.read_bytes(), Options(url=URL, use_rules=False))
    stripped = "Do more: try the scale"
    assert any(p.startswith(stripped) for p in without.paragraphs)  # the page really has it
    assert not any(p.startswith(stripped) for p in with_rule.paragraphs)
    assert with_rule.rule == "24ways.org" and with_rule.method.startswith("site-rule-body")
    assert len(with_rule.paragraphs) == 3
    assert with_rule.title == "Composing the New Canon"
    assert with_rule.metadata.author == "Nicholas Ramsden"
    assert with_rule.metadata.date == "2011-12-02"


def test_find_string_and_replace_string_act_on_raw_html(tmp_path):
    (tmp_path / "24ways.org.txt").write_text(
        (FTR / "24ways.org.txt").read_text() + "\nfind_string: modular scale\n"
        "replace_string: typographic scale\nreplace_string(canon): rulebook\n"
    )
    doc = clean(PAGE.read_bytes(), Options(url=URL, rule_sources=_sources(tmp_path)))
    text = "\n".join(doc.paragraphs)
    assert "typographic scale" in text and "modular scale" not in text
    assert "rulebook of print layout" in text


@pytest.mark.parametrize(
    ("host", "name"),
    [("24ways.org", "24ways.org"), ("www.24ways.org", "24ways.org"),
     ("news.example.com", ".example.com"), ("a.b.example.com", ".example.com"),
     ("example.org", None)],
)  # fmt: skip
def test_host_matching(tmp_path, host, name):
    shutil.copy(FTR / "24ways.org.txt", tmp_path)
    (tmp_path / ".example.com.txt").write_text("body: //article\n")
    rule = load_rulebook(_sources(tmp_path)).for_host(host)
    assert (rule.name if rule else None) == name


def test_page_states_its_own_address(tmp_path):
    page = PAGE.read_text().replace("<head>", f'<head><link rel="canonical" href="{URL}">')
    doc = clean(page.encode(), Options(rule_sources=_sources(FTR)))
    assert doc.rule == "24ways.org" and "page's own address" in doc.rule_why


def test_user_rule_overrides_built_in(tmp_path):
    (tmp_path / "cn-public-info-repost.txt").write_text("match_content: 中国公众信息网摘编\n")
    book = load_rulebook(_sources(tmp_path))
    assert book.named("cn-public-info-repost").layer == "--rules"
    assert [r.layer for r in book.shadowed] == ["built-in"]
    doc = clean((SEED / "raw.txt").read_bytes(), Options(rule_sources=_sources(tmp_path)))
    assert doc.paragraphs[0].startswith("中国西藏网讯")  # the user's rule has no rewrite


def test_layers_precedence(tmp_path, monkeypatch):
    first, env, config = (tmp_path / n for n in ("first", "env", "config"))
    for folder in (first, env, config):
        folder.mkdir()
        (folder / "example.com.txt").write_text("body: //main\n")
    sources = rule_sources(("" + str(first),), str(env), str(config))
    assert [layer for _, layer in sources] == ["--rules", "CLEANER_RULES", "config", "built-in"]
    assert load_rulebook(sources).named("example.com").layer == "--rules"


def test_bad_cleaner_rules_entry():
    with pytest.raises(ConfigError, match="CLEANER_RULES names"):
        rule_sources((), "/no/such/folder")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("drop_line(x): ([bad\n", "x.txt:1: bad regex for drop_line"),
        ("body: //div[\n", "x.txt:1: bad XPath for body"),
        ("rewrite: (a)\nrewrite_to: \\2\n", "x.txt:2: bad replacement for rewrite_to"),
        ("test_contains: abc\n", "x.txt:1: test_contains must follow a test_page"),
    ],
)
def test_broken_rule_file_is_a_config_error(tmp_path, text, message):
    (tmp_path / "x.txt").write_text(text)
    with pytest.raises(ConfigError, match=message.replace(".", r"\.").replace("(", r"\(")):
        load_rule(tmp_path / "x.txt", "test")


def test_cli_broken_rule_stops_before_any_input(tmp_path):
    (tmp_path / "bad.txt").write_text("# ok\ndrop_line(x): ([bad\n")
    result = CliRunner().invoke(main, ["clean", "--rules", str(tmp_path), str(SEED / "raw.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{tmp_path / 'bad.txt'}:2: bad regex for drop_line" in result.stderr
    assert "Traceback" not in result.output


def test_cli_site_and_no_rules():
    runner = CliRunner()
    raw = str(SEED / "raw.txt")
    forced = runner.invoke(main, ["clean", "--site", "cn-public-info-repost", raw])
    assert forced.stdout == (SEED / "expected.txt").read_text(encoding="utf-8")
    generic = runner.invoke(main, ["clean", "--no-rules", raw])
    assert generic.stdout == (FIXTURES / "seed-no-rules.expected.txt").read_text(encoding="utf-8")
    unknown = runner.invoke(main, ["clean", "--site", "nope", raw])
    assert unknown.exit_code == 2 and "no site rule named 'nope'" in unknown.stderr


def test_cli_json_reports_the_rule():
    result = CliRunner().invoke(main, ["clean", "-f", "json", "--explain", str(SEED / "raw.txt")])
    record = json.loads(result.stdout)
    assert record["rule"] == "cn-public-info-repost"
    by = {r["line"]: r.get("by", "") for r in record["removed"]}
    assert by[55].endswith("cn-public-info-repost.txt:18")
    assert "rules/generic/zh.txt:" in by[19]  # a generic cue names its own file and line


def test_rules_list():
    result = CliRunner().invoke(main, ["rules", "list", "--rules", str(FTR)])
    assert result.exit_code == 0
    assert "24ways.org\t24ways.org, www.24ways.org\t--rules" in result.stdout
    assert "cn-public-info-repost\t(by content or --site)\tbuilt-in" in result.stdout


def _failed_check(path) -> list[str]:
    """The problems `cleaner rules check PATH` prints, one a line; it exits 2."""
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 2
    return result.stdout.splitlines()


def test_rules_check_reports_every_problem(tmp_path):
    (tmp_path / "a.txt").write_text(
        "titl: //h1\nbody:\ndrop_line(x): ([bad\nno colon here\nstrip: //div[\nbody: //main\n"
    )
    path = tmp_path / "a.txt"
    assert _failed_check(tmp_path) == [
        f"{path}:1: unknown directive 'titl'",
        f"{path}:2: body needs a value",
        f"{path}:3: bad regex for drop_line: unterminated character set at position 1",
        f"{path}:4: not a 'directive: value' line: 'no colon here'",
        f"{path}:5: bad XPath for strip: Invalid expression",
    ]


def test_rules_check_reports_patterns_slow_on_a_run_of_spaces(tmp_path):
    (tmp_path / "a.txt").write_text(
        "drop_line(x): ^(积分|帖子)\\s*[:：]?\\s*\\S{0,20}$\n"
        "drop_line(y): \\s*[\\[](edit)[\\]]$\n"
        "drop_line(z): ^(积分|帖子)\\s*([:：]\\s*)?\\S{0,20}$\n"
        "drop_line(w): ^(?=.{0,80}$)(posted)\\s*:?\\s*\\S\n"
    )
    lines = _failed_check(tmp_path)
    assert [line.split(": ")[0].rsplit(":", 1)[1] for line in lines] == ["1", "2"]
    assert all("slow regex for drop_line" in line for line in lines)


def test_rules_check_passes_good_files():
    result = CliRunner().invoke(main, ["rules", "check", str(FTR)])
    assert result.exit_code == 0 and "2 file(s) checked, 0 problem(s)" in result.stderr


def test_rules_check_reads_the_generic_cue_files_with_their_own_directives():
    generic = rules_dir() / "generic"
    result = CliRunner().invoke(main, ["rules", "check", str(generic)])
    count = len(list(generic.glob("*.txt")))
    assert result.exit_code == 0 and f"{count} file(s) checked, 0 problem(s)" in result.stderr
    everything = CliRunner().invoke(main, ["rules", "check"])  # every file in effect
    assert everything.exit_code == 0 and "0 problem(s)" in everything.stderr
    assert int(everything.stderr.split(" file(s)")[0]) > count


def test_rules_check_reports_every_problem_of_a_generic_cue_file(tmp_path):
    (tmp_path / "generic").mkdir()
    path = tmp_path / "generic" / "x.txt"
    path.write_text(
        "scope: greek\ndrop_line: ^menu$\ndrop_line(nav): ([bad\nbody: //main\n"
        "title_label: ^原创\\s*\ncut_from(comments): \\s*[\\[](edit)[\\]]$\n"
        "price_line: ^\\$\\d+$\nscope: cjk\n"
    )
    lines = _failed_check(path)
    assert lines[:4] == [
        f"{path}:1: scope must be one of any, cjk, latin",
        f"{path}:2: drop_line needs a reason: drop_line(REASON): REGEX",
        f"{path}:3: bad regex for drop_line: unterminated character set at position 1",
        f"{path}:4: unknown directive 'body' in a generic cue file",
    ]
    assert len(lines) == 5 and lines[4].startswith(f"{path}:6: slow regex for cut_from")


def test_rules_test_passes_and_skips_url_only_tests():
    result = CliRunner().invoke(main, ["rules", "test", "--rules", str(FTR)])
    assert result.exit_code == 0
    assert "PASS\tcn-public-info-repost" in result.stdout
    assert "SKIP\t24ways.org" in result.stdout and "needs the network" in result.stdout
    assert "0 failed, 2 skipped (a test_url without a test_page needs the network)" in result.stderr


def test_rules_test_failure_prints_a_diff(tmp_path):
    shutil.copy(SEED / "raw.txt", tmp_path / "page.txt")
    (tmp_path / "page.expected.txt").write_text("a line the output does not have\n")
    (tmp_path / "mysite.txt").write_text(
        "match_content: 中国公众信息网摘编\ntest_page: page.txt\ntest_contains: 不存在的文字\n"
        "test_expected: page.expected.txt\n"
    )
    result = CliRunner().invoke(main, ["rules", "test", "mysite", "--rules", str(tmp_path)])
    assert result.exit_code == 1
    assert "FAIL\tmysite" in result.stdout and "missing: '不存在的文字'" in result.stdout
    assert "-a line the output does not have" in result.stdout
    assert "+乘势而上" in result.stdout


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (SEED / "raw.txt", ["rule cn-public-info-repost", "match_content found",
                            "rewrite: input line 11: [中国西藏网讯  -> ]6月20日",
                            "cut_from: input line 55: 中国公众信息网摘编 removed"]),
        (SAMPLES / "en-news-dump/raw.txt", ["no site rule matches"]),
    ],
)  # fmt: skip
def test_rules_explain(page, expected):
    result = CliRunner().invoke(main, ["rules", "explain", str(page)])
    assert result.exit_code == 0
    for text in expected:
        assert text in result.stdout


def test_known_directive_without_colon_is_a_syntax_error(tmp_path):
    (tmp_path / "a.txt").write_text("match_content: x\ndrop_line(caption) ^图为\n")
    with pytest.raises(ConfigError, match=r"a\.txt:2: syntax error: drop_line needs"):
        load_rule(tmp_path / "a.txt", "test")


def test_free_text_line_is_skipped_as_ftr_does(tmp_path):
    (tmp_path / "b.txt").write_text("body: //main\n// remove the last div\n")
    rule, problems = load_rule(tmp_path / "b.txt", "test")
    assert rule.body == ("//main",) and len(problems) == 1


def test_unknown_directive_is_noted_for_explain(tmp_path):
    (tmp_path / "c.txt").write_text("titl: //h1\nbody: //main\n")
    rule, _ = load_rule(tmp_path / "c.txt", "test")
    assert any("unknown directive 'titl' ignored" in n for n in rule.notes)


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="generator" content="vBulletin 5.6.3">',
        '<META NAME="GENERATOR" CONTENT="VBULLETIN 4.2">',  # patterns ignore case
        "<meta name='generator' content='vbulletin 3.8'>",
    ],
)
def test_content_match_ignores_case_behind_its_keyword_check(head):
    book = load_rulebook(rule_sources())
    page = f"<html><head>{head}</head><body>{'<p>x</p>' * 5000}</body></html>"
    rule, _matched = book.for_content(page)
    assert rule.name == "vbulletin"


def test_content_match_needs_the_whole_pattern_not_only_its_keyword():
    book = load_rulebook(rule_sources())
    assert book.for_content("<p>We moved from vBulletin to a mailing list.</p>") is None


def test_an_xpath_with_an_unknown_function_skips_its_directive_not_the_collection(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.example.txt").write_text(
        "strip: //div[contain(@class, 'ad')]\nstrip: //p[@class='ad']\n"
    )
    rule, problems = load_rule(rules / "bad.example.txt", "test")
    assert rule.strip == ("//p[@class='ad']",)
    assert [(p.line, p.message) for p in problems] == [
        (1, "bad XPath for strip: unknown function contain() (XPath 1.0 has no such function; "
            "the directive is skipped)")
    ]  # fmt: skip
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "A sentence of the body text, long enough. " * 5 +
                    "</p><p class='ad'>Buy now</p></body></html>")  # fmt: skip
    cleaned = CliRunner().invoke(main, ["clean", str(page), "--rules", str(rules),
                                        "--site", "bad.example"])  # fmt: skip
    assert cleaned.exit_code == 0 and "Buy now" not in cleaned.stdout
    assert "1 problem(s) in the rule files in effect" in cleaned.stderr
    checked = CliRunner().invoke(main, ["rules", "check", str(rules)])
    assert checked.exit_code == 2 and "bad.example.txt:1: bad XPath for strip" in checked.output
