"""The per-file time budget of `--timeout`.

Every recogniser is bounded, but an input can still be slow in spaCy itself (a
million characters of one-word lines); the budget ends that one file with
NC-E011 (exit 2) and the run goes on with the next. It is a SIGALRM timer, so it
interrupts Python code wherever it is; where there is no SIGALRM (Windows) or
outside the main thread, files run without a budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newscheck.nlp.errors import Errors, SourceError

#: Default of --timeout, in seconds: ten times the slowest ordinary article.
DEFAULT_TIMEOUT = 120.0


class _Expired(BaseException):
    """Raised by the timer; a BaseException so no `except Exception` on the way swallows it."""


def _available() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Run the block within `seconds` (None or 0: no limit); else `SourceError` NC-E011."""
    if not seconds or seconds <= 0 or not _available():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise SourceError(Errors.E011, name, seconds=seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
