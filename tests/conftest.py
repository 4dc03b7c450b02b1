from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seed_raw() -> bytes:
    return (SAMPLES / "zh-seed-repost" / "raw.txt").read_bytes()
