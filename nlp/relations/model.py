"""The scoring model: a logistic model per relation type over named evidence features.

The weights live in `nlp/data/relation_weights.json`, written by
`bench/fit_relations.py` (fitted cross-validated on the hand-annotated and
planted corpora); a feature the file does not name weighs nothing. The file
also records each type's decision threshold and how it was fitted.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

WEIGHTS_FILE = "relation_weights.json"


@lru_cache(maxsize=1)
def weights() -> dict[str, Any]:
    text = resources.files("newscheck.nlp").joinpath("data", WEIGHTS_FILE).read_text("utf-8")
    return dict(json.loads(text))


def _model(rtype: str) -> dict[str, Any]:
    return dict(weights()["types"].get(rtype, {}))


def probability(rtype: str, features: dict[str, float], view: str | None = None) -> float:
    """P(relation holds | evidence); `view` names a sub-model such as "identity"."""
    m = _model(rtype)
    if view is not None:
        m = dict(m.get(view) or {})
    w: dict[str, float] = m.get("weights", {})
    z = float(m.get("bias", 0.0)) + sum(w.get(k, 0.0) * v for k, v in features.items())
    # Clamp so that exp() cannot overflow on a pathological feature value.
    z = max(-50.0, min(50.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def threshold(rtype: str) -> float:
    return float(_model(rtype).get("threshold", 0.5))


def requires(rtype: str) -> list[str]:
    """Features of which the full model needs one to keep a candidate at all.

    `same_as` needs `value_agree`: two values that differ are one quantity only when the
    identity view says so (and NC101 then reports the slip), never on the full model's
    word, whose other evidence a pair of near-equal figures can clear.
    """
    return list(_model(rtype).get("requires_any") or [])


def identity(rtype: str) -> dict[str, Any] | None:
    """The value-blind sub-model of a type, if it has one.

    `same_as` has one: how sure the words around two figures make us that they are one
    quantity, whatever their values. Its `paths` are the configurations of evidence
    (each with the copying slips it accepts, `requires_any`, and what must all hold,
    `requires_all`) under which a pair that clears the view's `threshold` is kept as
    one quantity stated two ways, for NC101 to report.
    """
    sub = _model(rtype).get("identity")
    return dict(sub) if sub else None
