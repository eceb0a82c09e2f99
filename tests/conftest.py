"""Shared test configuration: the Hypothesis profiles.

* ``dev`` (150 examples a property) keeps ``make test`` fast on a laptop;
* ``ci`` (1,000 examples) is what CI runs: at 150 the shortcut properties
  missed wrong shortcuts that 1,000 examples catch;
* ``thorough`` (5,000 examples) is for ``make fuzz``.

``HYPOTHESIS_PROFILE`` picks one; without it, ``ci`` when the environment says
``CI=true`` (CI sets it, and .ci/run too) and ``dev`` otherwise.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=150, deadline=None)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _profile() -> str:
    """The profile the environment asks for."""
    if "HYPOTHESIS_PROFILE" in os.environ:
        return os.environ["HYPOTHESIS_PROFILE"]
    return "ci" if os.environ.get("CI", "").lower() in ("true", "1") else "dev"


settings.load_profile(_profile())
