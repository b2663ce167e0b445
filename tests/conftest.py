"""Hypothesis profiles: "default" is quick and derandomised (make test), "fuzz" is the long
run of `make fuzz` (NEWSCHECK_FUZZ_EXAMPLES inputs per property, 5,000 unless set; the
whole-report properties take NEWSCHECK_FUZZ_REPORT_EXAMPLES, see test_properties.py)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=25,
    derandomize=True,  # the same inputs on every run: make test stays reproducible
    deadline=None,  # timings belong in bench/, not in the tests
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("NEWSCHECK_FUZZ_EXAMPLES", "5000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
