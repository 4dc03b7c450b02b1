"""One golden test over every samples/<case>/: raw input, expected output, metadata."""

import json

import pytest
from conftest import SAMPLES

from cleaner import Options, clean, to_text

CASES = sorted(p.name for p in SAMPLES.iterdir() if (p / "expected.txt").is_file())


def _raw(case: str) -> bytes:
    return next((SAMPLES / case).glob("raw.*")).read_bytes()


def _meta(case: str) -> dict:
    return json.loads((SAMPLES / case / "meta.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_golden_output(case):
    meta = _meta(case)
    doc = clean(_raw(case), Options(source=case, **meta.get("options", {})))
    expected = (SAMPLES / case / "expected.txt").read_text(encoding="utf-8")
    assert to_text(doc) == expected


@pytest.mark.parametrize("case", CASES)
def test_golden_metadata(case):
    meta = _meta(case)
    doc = clean(_raw(case), Options(source=case, **meta.get("options", {})))
    found = {
        "title": doc.title,
        "date": doc.metadata.date,
        "author": doc.metadata.author,
        "sitename": doc.metadata.sitename,
        "encoding": doc.encoding,
        "kind": doc.kind,
        "language": doc.language,
    }
    for key, value in meta["metadata"].items():
        assert found[key] == value, key


@pytest.mark.parametrize("case", CASES)
def test_cleaning_clean_output_changes_nothing(case):
    expected = (SAMPLES / case / "expected.txt").read_bytes()
    assert to_text(clean(expected)) == expected.decode("utf-8")


def test_every_case_has_meta():
    for case in CASES:
        assert (SAMPLES / case / "meta.json").is_file(), case
