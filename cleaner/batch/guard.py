"""Checks made before anything is read or written: outputs never touch inputs.

Refused with a ConfigError (exit 2): an output folder that is, lies inside, or holds an input
folder, or holds an input file; a stream, an error file or an output file that is an input or
lies inside an input folder (the next run would clean it as a page); two inputs that map to
one output (checked while the inputs are counted, so before the first is read).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..archive import is_archive, named_as_archive
from ..errors import ConfigError
from .inputs import STDIN, Selection, output_name, tasks


def check_outputs(inputs: list[str], selection: Selection, files: dict[str, Path]) -> None:
    """`files`: what the run writes besides mirrored outputs, by option (`-o`, `--errors`)."""
    paths = [Path(name).resolve() for name in inputs if name != STDIN]
    folders = [p for p in paths if p.is_dir()]
    plain = [p for p in paths if not p.is_dir()]
    if selection.mirrored:
        _check_folder(selection.output, folders, plain)
        _check_names(inputs, selection)
    seen: dict[Path, str] = {}
    for option, path in files.items():
        target = path.resolve()
        if target in seen:
            raise ConfigError(f"{path}: given to both {seen[target]} and {option}")
        seen[target] = option
        if target in plain:
            raise ConfigError(f"{path}: is an input; {option} must name another file")
        for folder in folders:
            if target.is_relative_to(folder):
                raise ConfigError(
                    f"{path}: lies inside the input folder {folder}, where the next run would "
                    f"read it as a page; write {option} elsewhere"
                )


@dataclass(frozen=True)
class Survey:
    """What a run will read, found by one walk that keeps no list of the inputs."""

    count: int  # inputs
    archives: bool  # web archives among them: a file given by its content, a folder's by
    # their names (.warc, .wet: reading every file's head would slow the start of a large run)


def survey(inputs: list[str], selection: Selection) -> Survey:
    """How many inputs there are and whether web archives are among them; ConfigError for
    two inputs that map to one output."""
    count, archives = 0, False
    for task in tasks(inputs, selection, clashes=True):
        if task.clash:
            raise ConfigError(task.error or "two inputs map to one output")
        count += 1
        archives = archives or (task.path is not None and (named_as_archive(task.path) or (
            str(task.path) in inputs and is_archive(task.path)
        )))  # fmt: skip
    return Survey(count, archives)


def _check_folder(output: Path, folders: list[Path], plain: list[Path]) -> None:
    out = output.resolve()
    if output.exists() and not output.is_dir():
        raise ConfigError(f"{output}: not a folder; -o must name a folder for folder inputs")
    for folder in folders:
        if out == folder or out.is_relative_to(folder) or folder.is_relative_to(out):
            where = (
                "is"
                if out == folder
                else "lies inside"
                if out.is_relative_to(folder)
                else ("holds")
            )
            raise ConfigError(
                f"{output}: {where} the input folder {folder}; outputs must not land among "
                "inputs: write them to a folder outside it"
            )
    for path in plain:
        if path.is_relative_to(out):
            raise ConfigError(f"{output}: holds the input {path}; write the outputs elsewhere")


def _check_names(inputs: list[str], selection: Selection) -> None:
    """Several inputs are mirrored under their own names: two with one name would clash."""
    if not selection.nest:
        return
    names: dict[str, str] = {}
    for name in inputs:
        path = Path(name).resolve()
        mine = path.name if path.is_dir() else output_name(path.name, selection.fmt)
        if mine in names:
            raise ConfigError(
                f"{names[mine]} and {name} would both be written to {mine} under -o; "
                "clean them in separate runs or rename one"
            )
        names[mine] = name
