"""Rule modules; importing this package registers every rule."""

from newscheck.nlp.checks.rules import (  # noqa: F401
    averages,
    conversions,
    dates,
    growth,
    multiplier,
    names,
    parts,
    periods,
    points,
    repeated,
    shares,
)
