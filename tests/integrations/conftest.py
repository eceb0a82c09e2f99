"""What every integration suite shares: under ``NUMCLAIMS_REQUIRE_EXTRAS=1`` a skip fails the run.

Locally a missing extra skips a suite's tests with a message saying what to
install; ``make test-tables``, ``test-spacy`` and ``test-server`` (and so CI)
set the variable, and then any skipped test below this folder fails the run.
"""

from __future__ import annotations

import os

import pytest

REQUIRE = os.environ.get("NUMCLAIMS_REQUIRE_EXTRAS") == "1"

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Note every skipped test, so that a run under REQUIRE can fail on it."""
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under REQUIRE, a run with a skipped integration test fails."""
    if REQUIRE and _skipped and exitstatus == 0:
        print(f"\nNUMCLAIMS_REQUIRE_EXTRAS=1 but {len(_skipped)} test(s) skipped:", *_skipped)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
