"""Every proposer family; importing this module registers them all."""

from newscheck.nlp.relations import changes, links, same  # noqa: F401
