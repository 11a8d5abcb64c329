"""Test configuration: hypothesis profiles and shared fixtures.

``ci`` (used by ``.ci/run`` through HYPOTHESIS_PROFILE=ci) is hypothesis' built-in CI
profile made explicit: derandomized, no deadline, so CI runs are reproducible.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
