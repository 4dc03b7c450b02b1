"""Batch cleaning: many inputs (files, folders, standard input) in, outputs written safely.

`inputs` turns what the user named into tasks (folders walked lazily), `guard` refuses runs
whose outputs would touch their inputs, `runner` cleans the tasks in worker processes, and
`sinks` writes results so that no kill leaves a damaged file.
"""

from .guard import check_outputs, survey
from .inputs import MAX_BYTES, STDIN, Selection, Task, output_name, read_input, tasks
from .runner import BatchOptions, Outcome, Summary, process, run
from .sinks import AtomicFile, JsonlStream, atomic_write

__all__ = [
    "MAX_BYTES", "STDIN", "AtomicFile", "BatchOptions", "JsonlStream", "Outcome", "Selection",
    "Summary", "Task", "atomic_write", "check_outputs", "output_name", "process", "read_input",
    "run", "survey", "tasks",
]  # fmt: skip
