"""Coded, user-facing error texts, kept in one module.

Each code is stable (the CLI prints it and users search for it); the text is a
template filled with the details. A `SourceError` renders as a single line
naming the file, so the CLI can print it as-is and exit 2 without a traceback.
An `InputError` is the same kind of problem found deep in the analysis, where the
file's name is not known: `analyze` turns it into a `SourceError` for its file.
"""

from __future__ import annotations

from enum import Enum

#: Longest value quoted back in a message: a bad field can be megabytes long.
QUOTE_LIMIT = 60


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
    E009 = "a numeral of {digits:,} digits is out of range (the limit is {limit:,} digits)"
    E010 = "is not a regular file ({kind}); only regular files and '-' (stdin) are read"
    E011 = "analysis took longer than the time limit ({seconds:g} s, --timeout); skipped"
    E012 = "date {value} is out of range (years {low} to {high} are supported)"
    E013 = "a numeral phrase is nested too deeply (over {limit} 'and' groups) at character {at:,}"
    E014 = "front matter is malformed ({reason})"
    E015 = "an empty file name"
    E016 = "rates file {path}: {reason}"
    E017 = "cannot use spaCy model {model!r}: {reason}"
    E018 = "environment variable {name}={value}: {reason}"

    @property
    def code(self) -> str:
        return f"NC-{self.name}"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`repr` of a value for a one-line message, cut to `limit` characters."""
    text = str(value)
    if len(text) > limit:
        return repr(text[:limit]) + f"… ({len(text):,} characters)"
    return repr(text)


class NewscheckError(Exception):
    """Base of the errors the CLI reports as one line instead of a traceback."""

    code: str = "NC-E000"


class InputError(NewscheckError, ValueError):
    """An out-of-range value in an input or an option: `str(err)` is ``"NC-E0xx reason"``."""

    def __init__(self, error: Errors, **details: object) -> None:
        self.error = error
        self.code = error.code
        self.details = details
        self.reason = error.value.format(**details)
        super().__init__(f"{self.code} {self.reason}")


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

    @classmethod
    def of(cls, err: InputError, name: str) -> SourceError:
        """The same error, now that the file it came from is known."""
        return cls(err.error, name, **err.details)
