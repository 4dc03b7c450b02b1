import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
