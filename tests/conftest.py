"""Hypothesis budgets: "ci" for `make test` (small, the same examples on every run),
"lång" for `make fuzz` (twenty times as many, new ones each run). Choose with the
environment variable HYPOTHESIS_PROFILE."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": 2000,  # ms per example: a check that takes longer is a bug in itself
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
CI_EXAMPLES = 250

settings.register_profile("ci", max_examples=CI_EXAMPLES, derandomize=True, database=None, **_COMMON)
settings.register_profile("lång", max_examples=20 * CI_EXAMPLES, derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
