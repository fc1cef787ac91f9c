"""Shared fixtures: the English pipeline with quote_attributor, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    from quoteattr.api import load_pipeline

    return load_pipeline()
