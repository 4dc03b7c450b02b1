import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# a body line of English prose, as the text-dump tests build their dumps from
EN_PROSE = (
    "Travel insurance covers the costs of a trip that is cancelled, cut short or delayed, "
    "and it pays for medical care abroad when something goes wrong on the way."
)


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory) -> Path:
    """The cache folder of this run (cleaner.language keeps py3langid's model there), not
    the user's; the CLI's subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["CLEANER_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture
def seed_raw() -> bytes:
    return (SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes()
