"""Where results go, written so that a crash, Ctrl-C or kill -9 never leaves a damaged file.

- `atomic_write`: one output, written under a temporary name beside it and renamed into
  place. The temporary name is fixed per output (`.NAME.cleaner-tmp`), so a killed run leaves
  at most one per worker, which the rerun replaces.
- `AtomicFile`: the same for an output built piece by piece (a JSON array, several pages'
  text): renamed into place when the run ends, removed if it fails.
- `JsonlStream`: a stream of records that reaches the file as it is produced, a whole line
  per write, so a kill leaves every finished record readable and nothing else. Reopened with
  `resume`, it keeps what is there (a line cut off by a power failure is dropped) and says
  which sources it holds, so the rerun skips them.
Files get the permissions the user's umask gives, like any file the user creates.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from ..errors import ConfigError

# Ctrl-C, and the SIGTERM a batch sends its workers when it stops: held while an output is
# written, so that neither lands between writing the temporary file and renaming it
_HELD = {signal.SIGINT, signal.SIGTERM}
TMP_SUFFIX = ".cleaner-tmp"


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all. OSError when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_name(path)
    with _signals_held():
        try:
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


class AtomicFile:
    """An output written piece by piece under its temporary name, renamed on `close`."""

    def __init__(self, path: Path) -> None:
        self.path, self._tmp = path, tmp_name(path)
        self._handle = _open(self._tmp, "w", "-o")

    def write(self, text: str) -> None:
        self._handle.write(text)

    def close(self) -> None:
        self._handle.close()
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        self._handle.close()
        self._tmp.unlink(missing_ok=True)


class JsonlStream:
    """Records appended whole, one write each; `resume` keeps the file and its sources."""

    def __init__(self, path: Path, option: str, resume: bool = False) -> None:
        self.path, self.done = path, set()
        if resume and path.is_file():
            self.done = _recorded_sources(path)
        self._handle = _open(path, "ab" if resume else "wb", option)

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        with _signals_held():  # one write() of a whole line: a kill leaves it whole or absent
            os.write(self._handle.fileno(), data)

    def close(self) -> None:
        self._handle.close()


def _recorded_sources(path: Path) -> set[str]:
    """The sources of the complete records in a stream; a last line cut off is removed."""
    done, keep = set(), 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                source = json.loads(line).get("source")
            except (ValueError, AttributeError):
                break
            done.add(source)
            keep += len(line)
    if keep != path.stat().st_size:
        with open(path, "r+b") as handle:
            handle.truncate(keep)
    return done


def _open(path: Path, mode: str, option: str):
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if "b" in mode:
            return open(path, mode)  # noqa: SIM115 - closed by the owner
        return open(path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as err:
        raise ConfigError(
            f"{path}: cannot write {option} ({err.strerror}); check the path"
        ) from None


def tmp_name(path: Path) -> Path:
    """The temporary name an output is written under before it is renamed into place."""
    return path.with_name(f".{path.name}{TMP_SUFFIX}")


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
