"""Coded, user-facing error texts, kept in one module.

Each code is stable (the CLI prints it and users search for it); the text is a
template filled with the details. A `SourceError` renders as a single line
naming the file, so the CLI can print it as-is and exit 2 without a traceback.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    """Error codes and their message templates (`{name}` is the file's display name)."""

    E001 = "file not found"
    E002 = "is a directory, not a file"
    E003 = "permission denied"
    E004 = "file is too large ({size:,} bytes; the limit is {limit:,})"
    E005 = "looks like a binary file, not text"
    E006 = "cannot decode the text (not UTF-8, and no other encoding could be detected)"
    E007 = "cannot read file ({reason})"
    E008 = "text is too long to analyse ({length:,} characters; the model's limit is {limit:,})"

    @property
    def code(self) -> str:
        return f"NC-{self.name}"


class NewscheckError(Exception):
    """Base of the errors the CLI reports as one line instead of a traceback."""

    code: str = "NC-E000"


class SourceError(NewscheckError):
    """An article could not be read or decoded.

    `str(err)` is the one-line message: ``"NC-E001 notes.txt: file not found"``.
    """

    def __init__(self, error: Errors, name: str, **details: object) -> None:
        self.error = error
        self.code = error.code
        self.name = name
        self.reason = error.value.format(**details)
        self.details = details
        super().__init__(f"{self.code} {name}: {self.reason}")
