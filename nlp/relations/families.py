"""Every proposer family; importing this module registers them all."""

from newscheck.nlp.relations import averages, changes, links, parts, same, shares  # noqa: F401
