"""Every proposer family; importing this module registers them all."""

from newscheck.nlp.relations import averages, links, parts, same, shares  # noqa: F401
