"""Inline ignore comments, in the style of markdownlint and Vale:

    <!-- newscheck-disable NC101 NC112 -->      ... until the matching enable, or the end
    <!-- newscheck-enable NC101 -->             (no ids: re-enable every rule)
    <!-- newscheck-disable-next-line NC112 -- the desk checked this rate -->

No ids means every rule. Text after " -- " is the reason; it is kept in the report.

Comments are found by offset in the *original* file text, not in the analysis text (the
Markdown reader drops HTML comments), so they work whatever the reader keeps. A failed check
is ignored when any of its spans lies on a line disabled for its rule: a finding links figures
in several places, and the comment belongs beside whichever one the editor accepted.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newscheck.nlp.types import CheckResult, Ignored

_COMMENT = re.compile(
    r"<!--\s*newscheck-(?P<verb>disable-next-line|disable|enable)(?![\w-])(?P<body>.*?)-->",
    re.S,
)
_ID = re.compile(r"^[A-Za-z]{2}\d{3}$")


@dataclass(slots=True, eq=False)
class Directive:
    verb: str  # "disable", "enable", "disable-next-line"
    ids: frozenset[str] | None  # None: every rule
    line: int  # 1-based line of the comment
    first: int  # first line it covers
    last: int  # last line it covers (inclusive)
    reason: str | None
    start: int = 0  # offsets of the comment in the original text
    end: int = 0
    unknown: tuple[str, ...] = ()  # ids named that newscheck does not have
    used: bool = False


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


def parse(original: str, known: Iterable[str]) -> list[Directive]:
    """Every disable directive with the lines it covers (enable directives close ranges)."""
    known_ids = set(known)
    starts = _line_starts(original)
    n_lines = len(starts)
    out: list[Directive] = []
    open_ranges: list[Directive] = []
    for m in _COMMENT.finditer(original):
        line = bisect.bisect_right(starts, m.start())
        end_line = bisect.bisect_right(starts, max(m.end() - 1, m.start()))
        body, _, reason = m["body"].partition(" -- ")
        words = [w for w in re.split(r"[\s,]+", body.strip()) if w]
        # No words: every rule. Words that are not rule ids (a reason without "--") must not
        # widen the comment to every rule: they cover nothing and are reported as unknown.
        ids = frozenset(w.upper() for w in words if _ID.match(w)) if words else None
        unknown = tuple(w for w in words if w.upper() not in known_ids)
        verb = m["verb"]
        if verb == "enable":
            # Closes the open disables whose rules it names (no ids: all of them). The range
            # runs to the enable comment's own line, so both can sit in one paragraph.
            closing = [
                d for d in open_ranges if ids is None or (d.ids is not None and d.ids <= ids)
            ]
            for d in closing:
                d.last = line
            open_ranges = [d for d in open_ranges if d not in closing]
            continue
        d = Directive(
            verb=verb,
            ids=ids,
            line=line,
            first=end_line + 1 if verb == "disable-next-line" else line,
            last=end_line + 1 if verb == "disable-next-line" else n_lines,
            reason=reason.strip() or None,
            start=m.start(),
            end=m.end(),
            unknown=unknown,
        )
        out.append(d)
        if verb == "disable":
            open_ranges.append(d)
    return out


def apply(checks: Iterable[CheckResult], directives: list[Directive]) -> list[CheckResult]:
    """Mark the failed checks that a directive covers; record which directives were used."""
    out: list[CheckResult] = []
    for c in checks:
        if c.status == "fail" and directives:
            lines = [p.line for p in c.spans] or [c.line]
            hit = next(
                (
                    d
                    for d in directives
                    if (d.ids is None or c.id in d.ids)
                    and any(d.first <= ln <= d.last for ln in lines)
                ),
                None,
            )
            if hit is not None:
                hit.used = True
                c = dataclasses.replace(c, ignored=Ignored("comment", hit.line, hit.reason))
        out.append(c)
    return out


def unused(
    directives: list[Directive], enabled: frozenset[str] | None = None
) -> list[tuple[Directive, str]]:
    """(directive, message) for each comment that suppressed nothing or names unknown rules.

    A comment naming only rules that did not run (`enabled` leaves them out) is not unused:
    it may well be needed where they run.
    """
    out = []
    for d in directives:
        what = f"newscheck-{d.verb}" + (f" {' '.join(sorted(d.ids))}" if d.ids else "")
        if d.unknown:
            out.append((d, f"{what}: unknown rule id {', '.join(d.unknown)}"))
        elif enabled is not None and d.ids is not None and not d.ids & enabled:
            continue
        elif not d.used:
            out.append((d, f"unused ignore comment: {what} suppresses no finding"))
    return out
