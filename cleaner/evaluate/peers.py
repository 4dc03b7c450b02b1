"""The peers `cleaner eval --compare` runs beside cleaner, each on the same pages in the same
run: trafilatura's default `extract` and its precision setting, readability-lxml's article
scoring, resiliparse's main-content text. A text dump goes to each as HTML, a `<p>` per line.
readability-lxml is an extra (`pip install 'cleaner[best]'`, which `cleaner[bench]` brings);
each peer is read through its adapter (html/trafilatura_adapter.py, resiliparse_adapter.py,
readability_adapter.py)."""

from __future__ import annotations

import html
from collections.abc import Callable

from ..errors import ConfigError

Extractor = Callable[[bytes, dict], str]


def _markup(data: bytes, entry: dict) -> str:
    text = data.decode("utf-8", errors="replace")
    if entry.get("kind") != "text":
        return text
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    return f"<html><body>{paragraphs}</body></html>"


def trafilatura(data: bytes, entry: dict) -> str:
    from ..html.trafilatura_adapter import peer_text

    return peer_text(_markup(data, entry), entry.get("url") or None)


def trafilatura_precision(data: bytes, entry: dict) -> str:
    from ..html.trafilatura_adapter import peer_text

    return peer_text(_markup(data, entry), entry.get("url") or None, precision=True)


def readability(data: bytes, entry: dict) -> str:
    from ..html.readability_adapter import readability_text

    return readability_text(_markup(data, entry))


def resiliparse(data: bytes, entry: dict) -> str:
    from ..html.resiliparse_adapter import peer_text

    return peer_text(_markup(data, entry))


PEERS: dict[str, tuple[Extractor, str]] = {
    "trafilatura": (trafilatura, "trafilatura"),
    "trafilatura-precision": (trafilatura_precision, "trafilatura"),
    "readability": (readability, "readability"),
    "resiliparse": (resiliparse, "resiliparse"),  # a dependency of --fast: always there
}


def peer(name: str) -> Extractor:
    """The extractor of a peer by name; ConfigError when it is unknown or not installed."""
    if name not in PEERS:
        raise ConfigError(f"--compare {name}: unknown; choose from {', '.join(PEERS)}")
    extractor, module = PEERS[name]
    try:
        __import__(module)
    except ImportError:
        raise ConfigError(
            f"--compare {name} needs {module}: pip install 'cleaner[bench]'"
        ) from None
    return extractor
