"""Relations between figures: candidates proposed from the text, scored, then resolved.

A relation says how figures of one article are connected: the same quantity
stated twice (`same_as`), a part of a whole (`part_of`), a breakdown (`sum_of`),
a change and the levels it runs between (`change_of`), a share of a whole
(`share_of`), an average of a total over a count (`average_of`), a conversion
(`converts`), or an explicit comparison (`compares`).

Three steps, kept apart so that each can be measured (bench/frames.py) and
fitted (bench/fit_relations.py):

1. *Proposers* (one module per family: `same.py`, `changes.py`, `links.py`, …)
   read the figures, their frames and the words around them and yield
   `Candidate`s, each with named evidence features. What the rules once linked
   themselves is evidence here too: one fact restated in the same frame
   (`restated.py`, the `frame_key` feature of `same_as`), named segments,
   "of that total", and lists closed by a completeness cue (`listed.py`).
2. The *model* (`model.py`) turns the features into a probability with the
   weights shipped in `nlp/data/relation_weights.json`, fitted cross-validated
   on hand-annotated and planted corpora.
3. A *resolver* per type keeps the candidates above the type's threshold that
   do not contradict a better one (a change has one "to" and one "from").

The rules in `nlp/checks/rules/` read the resulting `Relation`s; they do not
link figures themselves.
"""

from __future__ import annotations

from newscheck.nlp.relations.base import (
    Candidate,
    RelationInput,
    find_relations,
    proposer,
    score_candidates,
)

__all__ = ["Candidate", "RelationInput", "find_relations", "proposer", "score_candidates"]
