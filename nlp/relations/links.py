"""Links the frames already made: a conversion's source, a change's "to" and "from" levels."""

from __future__ import annotations

from collections.abc import Iterator

from newscheck.nlp.relations.base import Candidate, RelationInput, proposer


@proposer("frame-links")
def frame_links(inp: RelationInput) -> Iterator[Candidate]:
    for fig in inp.figures:
        if fig.converts is not None:
            yield Candidate(
                "converts",
                (fig.converts, fig.id),
                ("from", "to"),
                {"frame_converts": 1.0},
                exclusive=(fig.id,),
            )
        if fig.target is not None or fig.base is not None:
            ids, roles = [fig.id], ["change"]
            for fid, role in ((fig.target, "to"), (fig.base, "from")):
                if fid is not None:
                    ids.append(fid)
                    roles.append(role)
            yield Candidate(
                "change_of",
                tuple(ids),
                tuple(roles),
                {"frame_link": 1.0, "both_levels": float(len(ids) == 3)},
                exclusive=(fig.id,),
            )
