"""Which language the clean text is in: by script for CJK, by py3langid for the rest.

py3langid ships its model LZMA-compressed (4.5 MB; 68 MB of arrays): unpacking it takes every
process 0.35 s, half of a one-page `cleaner clean -f json`. The first process to guess a
language keeps an uncompressed copy of the arrays in the cache folder (CACHE_ENV), and later
processes load that in 0.04 s, the weights memory-mapped, so that workers share one copy.
The identifier is py3langid's own class, built as py3langid builds it; when the copy cannot
be made or read (no cache folder, another model layout), py3langid loads its model itself."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .scripts import HAN, HAN_COMPAT, HANGUL, KANA

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

LANGID_SAMPLE_CHARS = 300  # py3langid's cost grows with length (a Python loop a byte, and a
# model row read per n-gram). Measured against the shared sets' `lang_guess` on the 1,810
# pages' outputs (898 with a guess): 300 characters agree on 864, as 2,000 do, 600 and 1,000
# on 863, 200 on 859; 300 differs from 600 on three pages, two of them right where 600 was
# wrong; py3langid's time halves (a seventh of a WET record's cleaning at 600)
SCRIPT_SHARE = 0.2  # this share of letters in one CJK script decides the language
CACHE_ENV = "CLEANER_CACHE_DIR"  # the cache folder; unset: $XDG_CACHE_HOME/cleaner or
# ~/.cache/cleaner; set but empty: no copy is kept
COPY_PREFIX = "py3langid-model-"  # then the model file's size and checksum
_STALE_NAME = re.compile(re.escape(COPY_PREFIX) + r"\d+-\d+")  # size and mtime: earlier releases
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")  # the model's npz
_COPY_ERRORS = (OSError, ValueError, KeyError, AttributeError, EOFError, ImportError)

_HAN = re.compile(f"[{HAN}{HAN_COMPAT}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LETTER = re.compile(r"[^\W\d_]")


def guess_language(text: str) -> str | None:
    sample = text[:LANGID_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    kana, hangul, han = (len(p.findall(sample)) for p in (_KANA, _HANGUL, _HAN))
    if kana > SCRIPT_SHARE * letters * 0.25:
        return "ja"
    if hangul > SCRIPT_SHARE * letters:
        return "ko"
    if han > SCRIPT_SHARE * letters:
        return "zh"
    language, _ = identifier().classify(sample)
    return language


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """py3langid's LanguageIdentifier, from the cache's copy of its model when there is one
    (made now if it can be), else loaded by py3langid (loaded on first use: only text that
    is not CJK needs it)."""
    from py3langid import langid

    folder = None
    try:
        folder = model_copy(langid)
        if folder is not None:
            return _from_copy(folder, langid)
    except _COPY_ERRORS:  # py3langid reads its own model: the same answers, 0.4 s later
        if folder is not None:  # a damaged copy: the next process makes it again
            shutil.rmtree(folder, ignore_errors=True)
    return langid._get_identifier()  # noqa: SLF001 - py3langid.classify's own identifier


def cache_folder() -> Path | None:
    """Where copies are kept (CACHE_ENV); None when it is set but empty."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleaner"


def model_copy(langid: ModuleType) -> Path | None:
    """The folder of the uncompressed copy of py3langid's model, made if missing (in a
    temporary folder renamed into place: a killed or concurrent run leaves no half copy);
    None without a cache folder or for a model layout other than npz in LZMA."""
    root = cache_folder()
    source = Path(langid.__file__).parent / langid.MODEL_FILE
    if root is None or not source.name.endswith(".npz.xz"):
        return None
    folder = root / f"{COPY_PREFIX}{source.stat().st_size}-crc{_checksum(source):08x}"
    if folder.is_dir():
        return folder
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=root))
    try:
        _unpack(source, staging)
        staging.rename(folder)
    except OSError:
        if not folder.is_dir():  # another process made it meanwhile: its copy serves
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remove_stale(root)
    return folder


def _checksum(source: Path) -> int:
    """The CRC-32 of the model file (4.5 MB, about 3 ms): the copy's name, so that
    reinstalling the same py3langid (a new modification time) finds its copy again."""
    total = 0
    with source.open("rb") as data:
        while chunk := data.read(1 << 20):
            total = zlib.crc32(chunk, total)
    return total


def _remove_stale(root: Path) -> None:
    """Remove the copies named as releases before 2026-12-07 named them (size and
    modification time: each reinstall of py3langid left another 68 MB). A process that has
    one open keeps reading it; one about to load it loads py3langid's own model instead."""
    for stale in root.glob(f"{COPY_PREFIX}*"):
        if _STALE_NAME.fullmatch(stale.name):
            shutil.rmtree(stale, ignore_errors=True)


def _unpack(source: Path, folder: Path) -> None:
    """Each array of the LZMA-compressed npz model as a .npy file in `folder` (the npz
    unpacked into a file there first, as py3langid does, not held in memory)."""
    import lzma

    import numpy as np

    packed = folder / "model.npz"
    with lzma.open(source) as compressed, packed.open("wb") as out:
        shutil.copyfileobj(compressed, out, length=1 << 20)
    with np.load(packed, allow_pickle=False) as data:
        for name in _ARRAYS:
            np.save(folder / f"{name}.npy", data[name], allow_pickle=False)
    packed.unlink()


def _from_copy(folder: Path, langid: ModuleType) -> LanguageIdentifier:
    """The identifier py3langid builds from its model (langid.LanguageIdentifier
    .from_model_file and modelio.load_model), from the copy: its weights memory-mapped, seen
    as a plain array (a memmap's indexing goes through a Python method: 5% of the guess)."""
    import numpy as np
    from py3langid.modelio import _to_array

    arrays = {
        name: np.load(folder / f"{name}.npy", mmap_mode="r" if name == "ptc" else None,
                      allow_pickle=False)
        for name in _ARRAYS
    }  # fmt: skip
    classes = arrays["classes"].tolist()
    ptc, pc, out = arrays["ptc"], arrays["pc"], arrays["out_feat"]
    if ptc.shape[1] != len(classes) or len(pc) != len(classes):
        raise ValueError(f"{folder}: a damaged copy of py3langid's model")
    return langid.LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, _to_array(arrays["nextmove"]), out.tolist(),
        tk_row=_to_array(arrays["nextmove_row"]),
    )  # fmt: skip
