"""The browser suite's fixtures: one headless Chromium, driven by Selenium through chromedriver.

Locally a missing ``browser`` extra (Selenium) or a missing Chromium skips
these tests and says what to install (``make browser`` installs Debian's
``chromium`` and ``chromium-driver``).  With ``NUMCLAIMS_REQUIRE_EXTRAS=1``
(``make test-browser``, and so CI) it fails them instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REQUIRE = os.environ.get("NUMCLAIMS_REQUIRE_EXTRAS") == "1"
"""Whether a missing browser or a skipped test fails the run (set by CI)."""

ARTEFACTS = Path(os.environ.get("NUMCLAIMS_ARTEFACTS", "build/artefacts"))
"""Where the suite saves what a person may want to look at: the page's screenshot."""


def _missing(message: str) -> None:
    if REQUIRE:
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    _missing("selenium is not installed: pip install 'numclaims[browser]'")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell")
CHROMEDRIVER = shutil.which("chromedriver")
if CHROMIUM is None or CHROMEDRIVER is None:
    _missing(
        "Chromium or chromedriver is missing: make browser (Debian's chromium, chromium-driver)"
    )

#: Headless, and quiet on the network: a closed network refuses Chromium's own
#: background connections (updates, sync, QUIC probes) many at a time.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """One Chromium for the whole suite, with a fresh profile."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS
