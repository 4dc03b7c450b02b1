"""What a run reads: the inputs as tasks, folders walked lazily in sorted order, and one
input's bytes read with a size limit (`.gz` decompressed with the same limit).

A folder is walked recursively; hidden entries and the output folder are skipped, a symlink
to a folder is followed (a loop is reported), and what cannot be read (a folder without
permission, a dangling symlink) becomes a task that fails with a message: the run goes on.
"""

from __future__ import annotations

import fnmatch
import gzip
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 128 * 1024 * 1024  # --max-bytes default: a page this large is a dump of a site,
# and /dev/zero must not be read until memory runs out
SUFFIX = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "parquet": ".parquet"}
STDIN = "-"


@dataclass(frozen=True)
class Task:
    path: Path | None  # None: standard input
    source: str  # how records and messages name the input
    out: Path | None = None  # the output file (None: the result goes to a stream)
    error: str | None = None  # the input could not even be listed: the task fails with this
    clash: bool = False  # `error` is two inputs mapping to one output: the run is refused
    skip: bool = False  # recorded in the stream already (--skip-existing)


@dataclass(frozen=True)
class Selection:
    """Which inputs a run takes and where mirrored outputs go."""

    fmt: str = "text"
    output: Path | None = None  # the folder outputs mirror into (None: a stream)
    include: tuple[str, ...] = ()  # --glob: file-name patterns to take (default: every file)
    exclude: tuple[str, ...] = ()  # --exclude: patterns of names or relative paths to leave out
    nest: bool = False  # several inputs: each is mirrored under its own name

    @property
    def mirrored(self) -> bool:
        """One output file per input, under the output folder (not a stream)."""
        return self.output is not None


def tasks(inputs: list[str], selection: Selection, clashes: bool = False) -> Iterator[Task]:
    """Every input file, folders walked in sorted order, lazily; with `clashes` (the walk that
    counts them before the run), a task for each file whose output name another file's takes."""
    skip = selection.output.resolve() if selection.output else None
    for name in inputs:
        if name == STDIN:
            yield Task(None, STDIN)
            continue
        item = Path(name)
        if not item.is_dir():
            yield _task(item, Path(item.name), selection)
            continue
        base = Path(item.resolve().name) if selection.nest else Path()
        for path, error in _walk(item, skip, set()):
            relative = path.relative_to(item)
            if error:
                yield Task(path, str(path), None, error)
            elif _wanted(relative, selection):
                yield _task(path, base / relative, selection)
                clash = _clash(path, item, selection) if clashes and selection.mirrored else None
                if clash:
                    yield Task(path, str(path), None, clash, clash=True)


def output_name(name: str, fmt: str) -> str:
    """`page.html` -> `page.html.txt`; `page.txt` and `page.txt.gz` -> `page.txt`."""
    name = name.removesuffix(".gz")
    suffix = SUFFIX[fmt]
    return name if name.endswith(suffix) else name + suffix


def read_input(path: Path | None, max_bytes: int = MAX_BYTES) -> bytes:
    """An input's bytes (`.gz` decompressed); InputError past `max_bytes`."""
    if path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = STDIN
    elif path.name.endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
        name = str(path)
    else:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
        name = str(path)
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: larger than {max_bytes:,} bytes (--max-bytes); raise the limit with "
            "--max-bytes if it is a page"
        )
    return data


def _walk(folder: Path, skip: Path | None, seen: set) -> Iterator[tuple[Path, str | None]]:
    """(path, None) for every file; (path, message) for what cannot be read."""
    try:
        ident = folder.stat()
        with os.scandir(folder) as entries:
            ordered = sorted(entries, key=lambda e: e.name)
    except OSError as err:
        yield folder, f"{folder}: cannot list this folder ({err.strerror}); check its permissions"
        return
    key = (ident.st_dev, ident.st_ino)
    if key in seen:
        yield folder, f"{folder}: a symlink loop (this folder contains itself); not followed"
        return
    seen = seen | {key}
    for entry in ordered:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            if skip is None or path.resolve() != skip:
                yield from _walk(path, skip, seen)
        elif entry.is_symlink() and not path.exists():
            target = os.readlink(path)
            yield path, f"{path}: a dangling symlink (to {target}); fix or remove the link"
        elif _is_file(entry):
            yield path, None


def _clash(path: Path, root: Path, selection: Selection) -> str | None:
    """Another wanted file beside `path`, later in sorted order, that maps to its output
    name (`x.txt` and `x.txt.gz`, `a.html` and `a.html.txt`): checked among the few names
    that can clash, so no list of all outputs is kept."""
    mine = output_name(path.name, selection.fmt)
    stem = mine.removesuffix(SUFFIX[selection.fmt])
    rivals = {stem, stem + ".gz", mine, mine + ".gz"} - {path.name}
    for name in sorted(rivals):
        other = path.with_name(name)
        if name > path.name and other.is_file() and _wanted(other.relative_to(root), selection):
            return (
                f"{path} and {other} would both be written to {mine}; leave one out with "
                "--exclude or rename it"
            )
    return None


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _wanted(relative: Path, selection: Selection) -> bool:
    name, rel = relative.name, relative.as_posix()
    if selection.include and not any(fnmatch.fnmatch(name, p) for p in selection.include):
        return False
    return not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in selection.exclude)


def _task(path: Path, relative: Path, selection: Selection) -> Task:
    if not selection.mirrored:
        return Task(path, str(path))
    name = output_name(relative.name, selection.fmt)
    return Task(path, str(path), selection.output / relative.parent / name)
