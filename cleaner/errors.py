"""Errors the library raises; the CLI maps them to one-line messages and exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1  # some input could not be cleaned (binary, unreadable)
EXIT_USAGE = 2  # bad option, unknown encoding, broken rule file


class CleanerError(Exception):
    """Base class: `message` names the input and the fix; `exit_code` is documented."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(CleanerError):
    """One input cannot be cleaned (binary data, unreadable file)."""

    exit_code = EXIT_INPUT


class ConfigError(CleanerError):
    """A usage or configuration problem (unknown encoding, broken rule file)."""

    exit_code = EXIT_USAGE
