"""The spaCy component's fixtures: spaCy itself (the ``spacy`` extra) and small pipelines.

Locally a missing spaCy skips these tests and says what to install.  With
``NUMCLAIMS_REQUIRE_EXTRAS=1`` (``make test-spacy``, and so CI) it fails them
instead, and a run in which any of them skipped fails as a whole.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

REQUIRE = os.environ.get("NUMCLAIMS_REQUIRE_EXTRAS") == "1"
"""Whether a missing extra or a skipped test fails the run (set by CI)."""

try:
    import spacy  # noqa: F401  (only checks that the extra is there)
except ImportError:
    if REQUIRE:
        pytest.fail("spaCy is not installed: pip install 'numclaims[spacy]'", pytrace=False)
    pytest.skip("spaCy is not installed: pip install 'numclaims[spacy]'", allow_module_level=True)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """``spacy.blank("en")`` with the numclaims component and nothing else."""
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("numclaims")
    return pipeline


@pytest.fixture(scope="module")
def busy_nlp() -> Language:
    """A blank pipeline where a sentencizer, an entity ruler and a span ruler run first,
    so numclaims' token splits land inside annotations it must keep."""
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    patterns: list[dict[str, Any]] = [
        {"label": "SPEED", "pattern": [{"LOWER": "km"}, {"ORTH": "/"}, {"LOWER": "h."}]},
        {"label": "TEMP", "pattern": [{"TEXT": {"REGEX": r"^\d+C\.$"}}]},
        {"label": "MONEY", "pattern": [{"ORTH": "€"}, {"LIKE_NUM": True}, {"ORTH": "m."}]},
        {"label": "ORG", "pattern": "Met Office"},
    ]
    pipeline.add_pipe("entity_ruler").add_patterns(patterns)
    spans = pipeline.add_pipe("span_ruler", config={"spans_key": "marks"})
    spans.add_patterns([{"label": "UNIT_H", "pattern": [{"LOWER": "h."}]}])
    pipeline.add_pipe("numclaims")
    return pipeline
