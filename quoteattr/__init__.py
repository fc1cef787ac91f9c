"""quoteattr: find every quotation in English text and say who said it."""

from typing import TYPE_CHECKING

from quoteattr.types import Cue, Mention, Quote, Scope, Speaker, SpeakerSummary

if TYPE_CHECKING:  # typed for mypy and editors; at run time loaded on first use (below)
    from quoteattr.api import extract, extract_many, speakers, speakers_many

__version__ = "0.1.0"

__all__ = [
    "Cue",
    "Mention",
    "Quote",
    "Scope",
    "Speaker",
    "SpeakerSummary",
    "__version__",
    "extract",
    "extract_many",
    "render",
    "speakers",
    "speakers_many",
]

_API = ("extract", "extract_many", "speakers", "speakers_many")


def __getattr__(name: str) -> object:  # lazy: importing quoteattr must not import spaCy
    if name in _API:
        from quoteattr import api

        return getattr(api, name)
    if name == "render":  # the HTML report lives in quoteattr.report
        from quoteattr import report

        return report.render
    raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")
