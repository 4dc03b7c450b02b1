import pytest

from cleaner.cues import build_cueset, cues_from_directives, generic_cues
from cleaner.errors import ConfigError
from cleaner.ruleformat import parse_rule_text, read_rule_file


def test_parses_directives_arguments_and_comments():
    ds = parse_rule_text("# comment\n\nbody: //div\nreplace_string(a): b\n", "x.txt")
    assert [(d.name, d.arg, d.value, d.line) for d in ds] == [
        ("body", None, "//div", 3),
        ("replace_string", "a", "b", 4),
    ]


def test_malformed_line_names_file_and_line():
    with pytest.raises(ConfigError, match=r"^x\.txt:2: not a 'directive: value' line"):
        parse_rule_text("body: //div\nthis is not a directive\n", "x.txt")


def test_bad_regex_names_file_and_line():
    with pytest.raises(ConfigError, match=r"x\.txt:1: bad regex for drop_line"):
        cues_from_directives(parse_rule_text("drop_line(caption): ([unclosed\n", "x.txt"))


def test_cue_needs_a_reason():
    with pytest.raises(ConfigError, match="needs a reason"):
        cues_from_directives(parse_rule_text("drop_line: ^x\n", "x.txt"))


def test_bad_scope():
    with pytest.raises(ConfigError, match="scope must be one of"):
        cues_from_directives(parse_rule_text("scope: martian\n", "x.txt"))


def test_non_utf8_rule_file(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"drop_line(x): \xff\xfe\xb0")
    with pytest.raises(ConfigError, match="must be UTF-8"):
        read_rule_file(path)


def test_scope_keeps_latin_cues_off_cjk_lines():
    cues = build_cueset(
        cues_from_directives(
            parse_rule_text("scope: latin\ndrop_line(ad): ^advertisement$\n", "en.txt")
        )
    )
    assert cues.match("advertisement", cjk=False, latin=True).reason == "ad"
    assert cues.match("advertisement", cjk=True, latin=False) is None


def test_generic_cues_load_and_match():
    cues = generic_cues()
    assert cues.match("图为京东家电配送车在途中").reason == "caption"
    assert cues.match("原标题:乘势而上").reason == "original-title"
    assert cues.match("We use cookies to improve your experience.").reason == "cookie"
    assert cues.match("这是一个普通的正文句子，没有任何提示词。") is None
