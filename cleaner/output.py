"""Writing results safely: a file is written whole under a temporary name, then renamed, so a
crash or Ctrl-C never leaves a half-written output."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Ctrl-C, and the SIGTERM a batch sends its workers when it stops: held while an output is
# written, so that neither lands between creating the temporary file and renaming it
_HELD = {signal.SIGINT, signal.SIGTERM}


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with _signals_held():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Signals that arrive meanwhile are delivered on exit (POSIX; elsewhere a no-op)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class AtomicStream:
    """A growing output (a JSONL stream): lines go to a temporary file, renamed into place on
    close, also after an interrupt, so the file only ever holds complete records."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.path = path

    def write(self, text: str) -> None:
        self._handle.write(text)

    def close(self) -> None:
        self._handle.close()
        os.replace(self._tmp, self.path)
