"""newscheck: article summarizer and figure fact-checker for newsrooms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "__version__", "analyze"]

if TYPE_CHECKING:
    from newscheck.nlp.analyze import analyze
    from newscheck.nlp.report import Report


def __getattr__(name: str) -> Any:
    # Lazy, so that `newscheck --help` does not pay for importing spaCy.
    if name == "analyze":
        from newscheck.nlp.analyze import analyze

        return analyze
    if name == "Report":
        from newscheck.nlp.report import Report

        return Report
    raise AttributeError(name)
