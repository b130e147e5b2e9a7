"""How hard the properties are tried: briefly on every test run, at length by `make fuzz`.

`HYPOTHESIS_PROFILE=fuzz` picks the long run. The short one is derandomised, so
the suite finds the same examples on every machine and a red run can be
repeated; the long one draws new examples each time and keeps any failure in
.hypothesis/ so that the next run tries it first.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

tried = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
