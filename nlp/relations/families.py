"""Every proposer family; importing this module registers them all."""

from newscheck.nlp.relations import (  # noqa: F401
    averages,
    changes,
    links,
    listed,
    parts,
    same,
    shares,
)
