"""`newscheck check --format`: the findings of many files, for editors, scripts and CI.

- text: `path:line:col: severity: message [NC1xx]`, one line per finding (editors jump to it)
- json: JSON Lines, one object per finding (`$defs/finding` in the report schema); inline-ignored
  findings are included, marked `ignored`
- github: GitHub Actions workflow commands (`::error file=…,line=…::message`), which the runner
  turns into annotations on the pull request
- sarif: one SARIF 2.1.0 log with the rules (and their documentation links), every finding's
  locations, and a partial fingerprint that survives lines moving; ignored findings carry a
  SARIF suppression

A "finding" is a failed check. Renderers only read reports; none analyses anything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newscheck import __version__
from newscheck.nlp.checks.registry import docs_url
from newscheck.nlp.report import Report, _span
from newscheck.nlp.types import CheckResult, Position

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def findings(report: Report, *, include_ignored: bool = False) -> list[CheckResult]:
    """The failed checks of a report, by position (ignored ones only when asked)."""
    out = [
        c for c in report.checks if c.status == "fail" and (include_ignored or c.ignored is None)
    ]
    out.sort(key=lambda c: (c.line, c.column, c.id, c.message))
    return out


def _end(p: Position) -> tuple[int, int]:
    """1-based line and the column just after the span's last character."""
    breaks = p.text.count("\n")
    if not breaks:
        return p.line, p.column + len(p.text)
    return p.line + breaks, len(p.text) - p.text.rfind("\n")


# ---------------------------------------------------------------- text


def text_lines(name: str, report: Report) -> list[str]:
    return [
        f"{name}:{c.line}:{c.column}: {c.severity}: {c.message} [{c.id}]" for c in findings(report)
    ]


# ---------------------------------------------------------------- json


def finding_dict(name: str, c: CheckResult) -> dict[str, Any]:
    first = c.spans[0] if c.spans else Position(0, 0, 1, 1, "")
    end_line, end_column = _end(first)
    return {
        "file": name,
        "id": c.id,
        "rule": c.rule,
        "name": c.name,
        "severity": c.severity,
        "message": c.message,
        "line": first.line,
        "column": first.column,
        "end_line": end_line,
        "end_column": end_column,
        "start": first.start,
        "end": first.end,
        "figures": list(c.figures),
        "spans": [_span(p) for p in c.spans],
        "url": docs_url(c.id),
        "ignored": (
            None
            if c.ignored is None
            else {"by": c.ignored.by, "line": c.ignored.line, "reason": c.ignored.reason}
        ),
    }


def json_lines(name: str, report: Report) -> list[str]:
    return [
        json.dumps(finding_dict(name, c), ensure_ascii=False, separators=(",", ":"))
        for c in findings(report, include_ignored=True)
    ]


# ---------------------------------------------------------------- github


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github_lines(name: str, report: Report) -> list[str]:
    out = []
    for c in findings(report):
        first = c.spans[0] if c.spans else Position(0, 0, 1, 1, "")
        end_line, end_column = _end(first)
        props = [f"file={_gh_prop(name)}", f"line={first.line}", f"col={first.column}"]
        if end_line == first.line:
            # GitHub only honours columns within one line.
            props += [f"endLine={end_line}", f"endColumn={end_column}"]
        else:
            props += [f"endLine={end_line}"]
        props.append(f"title={_gh_prop(f'{c.id} {c.rule}')}")
        out.append(f"::{GITHUB_LEVEL[c.severity]} {','.join(props)}::{_gh_data(c.message)}")
    return out


# ---------------------------------------------------------------- sarif


def _uri(name: str) -> str:
    p = Path(name)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _region(p: Position) -> dict[str, Any]:
    end_line, end_column = _end(p)
    return {
        "startLine": p.line,
        "startColumn": p.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": p.start,
        "charLength": p.end - p.start,
        "snippet": {"text": p.text},
    }


def fingerprint(name: str, c: CheckResult) -> str:
    """Stable while the text around moves: rule, file, the spans' words and the message."""
    key = "\x1f".join([c.id, Path(name).as_posix(), *(p.text for p in c.spans), c.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def sarif(results: Iterable[tuple[str, Report]]) -> dict[str, Any]:
    """One SARIF log, one run, for every file checked."""
    from newscheck.nlp.checks.ruledocs import all_pages

    pages = all_pages()
    index = {p.id: i for i, p in enumerate(pages)}
    rules = [
        {
            "id": p.id,
            "name": p.rule,
            "shortDescription": {"text": p.summary},
            "fullDescription": {"text": p.what},
            "help": {"text": f"{p.what} {p.why}".strip()},
            "helpUri": p.url,
            "defaultConfiguration": {"level": SARIF_LEVEL[p.severity]},
            "properties": {"title": p.name},
        }
        for p in pages
    ]
    out_results = []
    artifacts: dict[str, int] = {}
    for name, report in results:
        uri = _uri(name)
        artifacts.setdefault(uri, len(artifacts))
        for c in findings(report, include_ignored=True):
            location = {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": artifacts[uri]},
                    "region": _region(c.spans[0]) if c.spans else {"startLine": 1},
                }
            }
            res: dict[str, Any] = {
                "ruleId": c.id,
                "level": SARIF_LEVEL[c.severity],
                "message": {"text": c.message},
                "locations": [location],
                "partialFingerprints": {"newscheckFinding/v1": fingerprint(name, c)},
            }
            if c.id in index:
                res["ruleIndex"] = index[c.id]
            if len(c.spans) > 1:
                res["relatedLocations"] = [
                    {
                        "id": i,
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri, "index": artifacts[uri]},
                            "region": _region(p),
                        },
                        "message": {"text": p.text},
                    }
                    for i, p in enumerate(c.spans[1:], 1)
                ]
            if c.ignored is not None:
                sup: dict[str, Any] = {"kind": "inSource", "status": "accepted"}
                if c.ignored.reason:
                    sup["justification"] = c.ignored.reason
                res["suppressions"] = [sup]
            out_results.append(res)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newscheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": docs_url("index").rsplit("/", 1)[0] + "/",
                        "rules": rules,
                    }
                },
                # Columns count characters (code points), as everywhere in newscheck.
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
                "results": out_results,
            }
        ],
    }


def sarif_text(results: Iterable[tuple[str, Report]]) -> str:
    return json.dumps(sarif(results), ensure_ascii=False, indent=2) + "\n"
