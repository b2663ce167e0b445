"""The report: plain data every renderer reads, and its JSON form (a public contract).

`Report.to_dict()` is exactly the document `newscheck summarize --json` prints,
one per input file. Its shape is versioned by SCHEMA_VERSION and documented by
`schema.json` beside this module; change both together.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from newscheck import __version__
from newscheck.nlp.checks.registry import docs_url
from newscheck.nlp.types import (
    CheckResult,
    Claim,
    Entity,
    Figure,
    Position,
    Relation,
    SummarySentence,
)

SCHEMA_VERSION = "1.4"


def _num(x: object) -> object:
    """Numbers as JSON keeps them stable: floats to 12 significant digits, whole floats as ints."""
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            return None
        r = float(f"{x:.12g}")
        return int(r) if r.is_integer() and abs(r) < 2**53 else r
    return str(x)


def _jsonable(x: object) -> object:
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    if isinstance(x, date):
        return x.isoformat()
    return _num(x)


@dataclass(slots=True)
class Report:
    file: str | None
    title: str | None
    date: date | None
    encoding: str
    model: str
    summary: list[SummarySentence]
    entities: list[Entity]
    figures: list[Figure]
    claims: list[Claim]
    checks: list[CheckResult]
    relations: list[Relation] = field(default_factory=list)
    # Every scored relation candidate, kept or not; for fitting and benchmarks, not in the JSON.
    candidates: list[Any] = field(default_factory=list, repr=False)
    # Seconds per stage; for benchmarks, not part of the JSON contract.
    timings: dict[str, float] = field(default_factory=dict)
    # One-line notes for stderr (decoding, what was not analysed); not in the JSON.
    notes: list[str] = field(default_factory=list)

    def figure(self, fid: str) -> Figure | None:
        return next((f for f in self.figures if f.id == fid), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "newscheck": __version__,
            "file": self.file,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "model": self.model,
            "summary": [
                {
                    "text": s.text,
                    "normalized": s.normalized,
                    "start": s.start,
                    "end": s.end,
                    "line": s.line,
                    "score": _num(s.score),
                }
                for s in self.summary
            ],
            "entities": [
                {
                    "text": e.text,
                    "label": e.label,
                    "count": e.count,
                    "mentions": [
                        {
                            "start": m.start,
                            "end": m.end,
                            "line": m.line,
                            "column": m.column,
                            "text": m.text,
                        }
                        for m in e.mentions
                    ],
                }
                for e in self.entities
            ],
            "figures": [_figure(f) for f in self.figures],
            "relations": [relation_dict(r) for r in self.relations],
            "claims": [
                {
                    "text": c.text,
                    "normalized": c.normalized,
                    "start": c.start,
                    "end": c.end,
                    "line": c.line,
                    "figures": list(c.figures),
                    "score": _num(c.score),
                    "reasons": list(c.reasons),
                }
                for c in self.claims
            ],
            "checks": [check_dict(c) for c in self.checks],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _figure(f: Figure) -> dict[str, Any]:
    out = _figure_fields(f)
    if f.period is not None and f.period_confidence < 1.0:
        # Only an inferred period says how sure it is; a stated one is certain.
        out["period_confidence"] = round(f.period_confidence, 3)
    return out


def _figure_fields(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id,
        "text": f.text,
        "kind": f.kind,
        "value": _num(f.value),
        "unit": f.unit,
        "low": _num(f.low),
        "high": _num(f.high),
        "approx": f.approx,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "metric": f.metric,
        "segment": f.segment,
        "entity": f.entity,
        "period": f.period,
        "role": f.role,
        "modality": f.modality,
        "standing": {
            "side": f.standing.side,
            "basis": f.standing.basis,
            "version": sorted(f.standing.version),
        },
        "direction": f.direction,
        "converts": f.converts,
        "target": f.target,
        "base": f.base,
    }


def relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "type": r.type,
        "figures": list(r.figures),
        "roles": list(r.roles),
        "score": round(r.score, 4),
        "evidence": list(r.evidence),
    }


def _span(p: Position) -> dict[str, Any]:
    return {"start": p.start, "end": p.end, "line": p.line, "column": p.column, "text": p.text}


def check_dict(c: CheckResult) -> dict[str, Any]:
    return {
        "id": c.id,
        "rule": c.rule,
        "name": c.name,
        "status": c.status,
        "severity": c.severity,
        "message": c.message,
        "figures": list(c.figures),
        "spans": [_span(p) for p in c.spans],
        "details": {k: _jsonable(v) for k, v in c.details},
        "url": docs_url(c.id),
        "ignored": (
            None
            if c.ignored is None
            else {"by": c.ignored.by, "line": c.ignored.line, "reason": c.ignored.reason}
        ),
    }


def schema_text() -> str:
    return resources.files("newscheck.nlp").joinpath("schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    return json.loads(schema_text())
