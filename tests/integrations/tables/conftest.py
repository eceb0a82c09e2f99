"""Fixtures of the table tests: the optional extras, and one local SparkSession.

Locally, a test whose extra is missing skips and names the install command.
With ``NUMCLAIMS_REQUIRE_EXTRAS=1`` (``make test-tables`` and so ``.ci/run``
set it) a missing extra fails instead, and a run in which any of these tests
skipped fails as a whole: in CI every one of them runs.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

REQUIRE = os.environ.get("NUMCLAIMS_REQUIRE_EXTRAS") == "1"
"""Whether a missing extra or a skipped test fails the run (set by CI)."""


def need(module: str, install: str) -> ModuleType:
    """Import ``module``; skip the caller (fail under REQUIRE) when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        message = f"{module} is not installed: pip install {install}"
        if REQUIRE:
            pytest.fail(f"{message} (NUMCLAIMS_REQUIRE_EXTRAS=1)", pytrace=False)
        pytest.skip(message, allow_module_level=True)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local SparkSession on two cores, shared by every Spark test and stopped at the end."""
    need("pyspark", "'numclaims[spark]'")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        message = "PySpark needs Java 17 or later on the PATH (or JAVA_HOME)"
        if REQUIRE:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from pyspark.sql import SparkSession

    patch = pytest.MonkeyPatch()
    # the Python workers run this interpreter, where numclaims is installed
    patch.setenv("PYSPARK_PYTHON", sys.executable)
    patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("numclaims-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        # short jobs on small data: the quick JIT tier starts faster and is enough
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    patch.undo()
