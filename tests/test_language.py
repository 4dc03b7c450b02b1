"""language.py: the clean text's language, by script for CJK and by py3langid for the rest."""

import pytest

from cleaner.language import guess_language

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
