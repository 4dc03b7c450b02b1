import pytest

from cleaner.errors import ConfigError
from cleaner.rules.cuefiles import build_cueset, cues_from_directives, generic_cues
from cleaner.rules.format import parse_rule_text, read_rule_file


def _directives(text: str):
    return parse_rule_text(text, "x.txt")[0]


def test_parses_directives_arguments_and_comments():
    ds = _directives("# comment\n\nbody: //div\nreplace_string(a): b\n")
    assert [(d.name, d.arg, d.value, d.line) for d in ds] == [
        ("body", None, "//div", 3),
        ("replace_string", "a", "b", 4),
    ]


def test_argument_runs_to_the_last_parenthesis_and_value_may_be_empty():
    ds = _directives("replace_string(to post comments)): </div>\nreplace_string(f(x);):\n")
    assert [(d.arg, d.value) for d in ds] == [("to post comments)", "</div>"), ("f(x);", "")]


def test_a_line_without_colon_is_a_problem_not_an_error():
    directives, problems = parse_rule_text("body: //div\nthis is not a directive\n", "x.txt")
    assert len(directives) == 1
    assert [str(p) for p in problems] == [
        "x.txt:2: not a 'directive: value' line: 'this is not a directive'"
    ]


def test_bad_regex_names_file_and_line():
    with pytest.raises(ConfigError, match=r"x\.txt:1: bad regex for drop_line"):
        cues_from_directives(_directives("drop_line(caption): ([unclosed\n"))


def test_cue_needs_a_reason():
    with pytest.raises(ConfigError, match="needs a reason"):
        cues_from_directives(_directives("drop_line: ^x\n"))


def test_bad_scope():
    with pytest.raises(ConfigError, match="scope must be one of"):
        cues_from_directives(_directives("scope: martian\n"))


def test_non_utf8_rule_file(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"drop_line(x): \xff\xfe\xb0")
    with pytest.raises(ConfigError, match="must be UTF-8"):
        read_rule_file(path)


def test_scope_keeps_latin_cues_off_cjk_lines():
    cues = build_cueset(cues_from_directives(_directives("scope: latin\ndrop_line(ad): ^ad$\n")))
    assert cues.match("ad", cjk=False, latin=True).reason == "ad"
    assert cues.match("ad", cjk=True, latin=False) is None


def test_generic_cues_load_and_match():
    cues = generic_cues()
    assert cues.match("图为京东家电配送车在途中").reason == "caption"
    assert cues.match("原标题:乘势而上").reason == "original-title"
    assert cues.match("We use cookies to improve your experience.").reason == "cookie"
    assert cues.match("这是一个普通的正文句子，没有任何提示词。") is None
