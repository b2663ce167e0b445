"""Exit codes: documented in the README and `newscheck --help`."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # ran; nothing at or above --fail-on
    FINDINGS = 1  # `check` found something at or above --fail-on
    USAGE = 2  # bad usage, or an input could not be read (the others are still processed)
    INTERNAL = 3  # newscheck itself failed on an input: a bug (the others are still processed)
