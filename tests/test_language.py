"""language.py: the clean text's language, by script for CJK and by py3langid for the rest."""

import lzma
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import py3langid
import pytest
from py3langid import langid

from cleaner.language import CACHE_ENV, guess_language, identifier, model_copy

_FOX = "The quick brown fox jumps over the lazy dog while the farmer watches from the barn. "


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (_FOX * 3, "en"),
        (
            "Der Gemeinderat hat heute beschlossen, die alte Brücke im Frühjahr zu sanieren. " * 3,
            "de",
        ),
        (
            "Le conseil municipal a décidé aujourd'hui de rénover le vieux pont au printemps. " * 3,
            "fr",
        ),
        ("El ayuntamiento decidió hoy renovar el puente viejo durante la primavera. " * 3, "es"),
        ("市议会今天决定在春季翻修这座老桥，工程预计持续三个月。" * 3, "zh"),
        ("市議会は今日、春に古い橋を改修することを決めました。" * 3, "ja"),
        ("시의회는 오늘 봄에 오래된 다리를 보수하기로 결정했다. " * 3, "ko"),
        ("2024-03-14 12:00 | 42 ... !!!", None),  # no letters
    ],
)
def test_guess_language(text, language):
    assert guess_language(text) == language


TEXTS = [_FOX, "Der Gemeinderat hat heute beschlossen, die Brücke zu sanieren.", "Olá, mundo"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, and the identifier loaded afresh before and after."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    identifier.cache_clear()
    yield tmp_path / "cache"
    identifier.cache_clear()


def test_the_copy_of_the_model_answers_as_py3langid_does(cache, monkeypatch):
    made = identifier()
    assert [made.classify(t) for t in TEXTS] == [py3langid.classify(t) for t in TEXTS]
    (folder,) = cache.iterdir()
    assert {p.name for p in folder.iterdir()} == {
        "ptc.npy", "pc.npy", "classes.npy", "nextmove.npy", "nextmove_row.npy", "out_feat.npy"
    }  # fmt: skip
    identifier.cache_clear()
    monkeypatch.setattr(lzma, "open", None)  # the next process reads the copy, not the LZMA
    again = identifier()
    # a plain view of the mapped file (shared by the processes that map it): a memmap's own
    # indexing is a Python call a language guess
    assert type(again.nb_ptc) is np.ndarray and isinstance(again.nb_ptc.base, np.memmap)
    assert [again.classify(t) for t in TEXTS] == [made.classify(t) for t in TEXTS]


def test_no_copy_is_kept_when_the_cache_folder_is_set_empty(monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "")
    assert model_copy(langid) is None


def test_a_damaged_copy_is_set_aside_and_made_again(cache):
    folder = model_copy(langid)
    (folder / "ptc.npy").write_bytes((folder / "ptc.npy").read_bytes()[:1000])
    assert identifier() is langid._get_identifier()  # py3langid's own, the same answers
    assert not folder.exists()
    assert guess_language(_FOX * 3) == "en"
    identifier.cache_clear()
    assert identifier() is not langid._get_identifier() and folder.is_dir()


def test_a_cache_folder_that_cannot_be_made_costs_only_time(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "file" / "cache"))
    identifier.cache_clear()
    try:
        assert identifier() is langid._get_identifier()
        assert guess_language(_FOX * 3) == "en"
    finally:
        identifier.cache_clear()


@pytest.fixture
def installed(tmp_path):
    """py3langid's model file as an installation of its own would hold it (a copy, whose
    modification time a test may change without touching the venv's)."""
    package = tmp_path / "site-packages" / "py3langid"
    (package / "data").mkdir(parents=True)
    source = Path(langid.__file__).parent / langid.MODEL_FILE
    shutil.copyfile(source, package / langid.MODEL_FILE)
    return SimpleNamespace(__file__=str(package / "langid.py"), MODEL_FILE=langid.MODEL_FILE)


def test_reinstalling_py3langid_finds_its_copy_again(cache, installed):
    first = model_copy(installed)
    model = Path(installed.__file__).parent / installed.MODEL_FILE
    os.utime(model, ns=(model.stat().st_atime_ns, model.stat().st_mtime_ns + 10**12))
    assert model_copy(installed) == first  # the same model: no second 68 MB copy
    assert [p.name for p in cache.iterdir()] == [first.name]


def test_copies_named_as_earlier_releases_named_them_are_removed(cache, installed):
    stale = cache / "py3langid-model-4586720-1796562655255242747"  # size and mtime
    other = cache / "py3langid-model-4586720-crc0badf00d"  # another model's, named by checksum
    for folder in (stale, other):
        folder.mkdir(parents=True)
        (folder / "ptc.npy").write_bytes(b"weights")
    made = model_copy(installed)
    assert sorted(p.name for p in cache.iterdir()) == sorted([made.name, other.name])
