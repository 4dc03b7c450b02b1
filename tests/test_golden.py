"""One golden test over every samples/<case>/: raw input, expected output, metadata."""

import json
from dataclasses import replace

import pytest
from conftest import SAMPLES

from cleaner import Options, clean, to_text
from cleaner.rules.book import rule_sources

CASES = sorted(p.name for p in SAMPLES.iterdir() if (p / "expected.txt").is_file())


def _raw(case: str) -> bytes:
    return next((SAMPLES / case).glob("raw.*")).read_bytes()


def _meta(case: str) -> dict:
    return json.loads((SAMPLES / case / "meta.json").read_text(encoding="utf-8"))


def _options(case: str) -> Options:
    """The case's options; a case with its own rules/ folder runs as with `--rules` on it."""
    options = Options(source=case, **_meta(case).get("options", {}))
    own = SAMPLES / case / "rules"
    if own.is_dir():
        options = replace(options, rule_sources=rule_sources((str(own),)))
    return options


@pytest.mark.parametrize("case", CASES)
def test_golden_output(case):
    doc = clean(_raw(case), _options(case))
    expected = (SAMPLES / case / "expected.txt").read_text(encoding="utf-8")
    assert to_text(doc) == expected


@pytest.mark.parametrize("case", CASES)
def test_golden_metadata(case):
    meta = _meta(case)
    doc = clean(_raw(case), _options(case))
    found = {
        "title": doc.title,
        "date": doc.metadata.date,
        "author": doc.metadata.author,
        "sitename": doc.metadata.sitename,
        "encoding": doc.encoding,
        "kind": doc.kind,
        "language": doc.language,
        "page_kind": doc.page_kind.kind,
        "method": doc.method,
    }
    for key, value in meta["metadata"].items():
        assert found[key] == value, key


@pytest.mark.parametrize("case", CASES)
def test_cleaning_clean_output_changes_nothing(case):
    # read as a text dump with the case's address (a listing's entries stay a listing's: read
    # without it, as an article, a list of short lines is a menu)
    expected = (SAMPLES / case / "expected.txt").read_bytes()
    url = _meta(case).get("options", {}).get("url")
    assert to_text(clean(expected, Options(url=url))) == expected.decode("utf-8")


def test_every_case_has_meta():
    for case in CASES:
        assert (SAMPLES / case / "meta.json").is_file(), case
