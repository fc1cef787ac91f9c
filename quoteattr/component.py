"""The "quote_attributor" spaCy component: runs the stages and stores the results on the Doc."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, get_args

from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.util import SimpleFrozenList, registry

from quoteattr.attribution import attribute_direct, carry_last_speaker
from quoteattr.context import DocContext, Draft
from quoteattr.cues import Lexicon, default_lexicon
from quoteattr.language import not_english_reason
from quoteattr.marks import MarkedSpan, find_marked_spans
from quoteattr.normalize import normalize_tokenizer
from quoteattr.reported import find_reported
from quoteattr.resolution import resolve_speakers, summarize_speakers
from quoteattr.types import Cue, Mention, Quote, Scope, Speaker, SpeakerSummary

logger = logging.getLogger(__name__)

SCOPES: tuple[str, ...] = get_args(Scope)
RECORDS = "quoteattr_records"
SPEAKER_TABLE = "quoteattr_speakers"
MODEL_HINT = 'pip install "quoteattr[model]" (or python -m spacy download en_core_web_sm)'


PARAGRAPHS = "paragraph_sentences"
# a dateline that opens a page's text: "date 2023-06-02 …", "2022-03-14 …"
DATELINE = re.compile(r"\s*(?:date\s+)?\d{4}-\d{2}-\d{2}\s+")
# a place dateline that opens a paragraph, in capitals and set off by a dash: "HARBOURTON -",
# "PORT ELLEN, Tamaria —"
PLACE_DATELINE = re.compile(
    r"[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,3}(?:, [A-Z][\w'’.]+(?: [A-Z][\w'’.]+){0,2})? [—–-] "
)
# a story's place line in title case with its region in brackets and a colon, not before a
# quote mark (that is a label: "Ann Lee (Labour): “…”"): "Harbourton (Tamaria): While …"
BRACKETED_DATELINE = re.compile(
    r"[A-Z][\w'’.]+(?: [A-Z][\w'’.]+){0,2} \([A-Z][\w'’.]+(?: [A-Z][\w'’.]+){0,2}\): "
    r"(?=[^\"“‘'])"
)
# a wire's place and date line in title case before a colon or dash, with its agency in
# brackets or without: "Harbourton, Sep 9 :", "Harbourton, March 3 (HNS) —"
DATED_DATELINE = re.compile(
    r"[A-Z][\w'’.]+(?: [A-Z][\w'’.]+){0,2}, "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r"(?: \([A-Z]+\))? ?[:—–-] "
)
DATELINE_PARAGRAPHS = 3  # a place line opens one of the story's first paragraphs


@Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break. Runs before the parser, which keeps these
    boundaries: without them it reads a bullet list or a headline and the next paragraph as
    one sentence, and `says council leader⏎- Opposition calls …` gets the wrong subject."""
    if doc.has_annotation("DEP"):
        raise ValueError(
            "paragraph_sentences runs after the parser, which has already set the sentences; "
            "add it before the parser: nlp.remove_pipe('paragraph_sentences'); "
            "nlp.add_pipe('paragraph_sentences', before='parser')"
        )
    starts = [doc[0]] if len(doc) else []
    kept_whole = default_lexicon().kept_whole
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
                starts.append(nxt)
        elif tok.text in kept_whole and doc[tok.i + 1].is_title:
            doc[tok.i + 1].is_sent_start = False  # "…, Capt. Ruiz said": no new sentence
    dateline = DATELINE.match(doc.text)
    if dateline:  # "date 2023-06-02 The Commissioner for …": the story starts after the date
        after = doc.char_span(dateline.end(), len(doc.text), alignment_mode="expand")
        if after is not None and len(after):
            after[0].is_sent_start = True
            starts[0] = after[0]
    # "HARBOURTON, Tamaria — After losing …, Jan Olsen says", "Harbourton (Tamaria): …": the
    # place is no subject; its sentence starts after the dash or colon
    for k, tok in enumerate(starts):
        place = None
        if tok.is_upper:
            place = PLACE_DATELINE.match(doc.text, tok.idx)
        elif tok.is_title and k < DATELINE_PARAGRAPHS:
            place = BRACKETED_DATELINE.match(doc.text, tok.idx) or DATED_DATELINE.match(
                doc.text, tok.idx
            )
        if place is not None:
            after = doc.char_span(place.end(), place.end() + 1, alignment_mode="expand")
            if after is not None and len(after) and not after[0].is_space:
                after[0].is_sent_start = True
    return doc


# Everything the stages read; spaCy's pipe analysis (nlp.analyze_pipes) checks the order.
REQUIRES = [
    "doc.ents",
    "doc.sents",
    "token.dep",
    "token.head",
    "token.lemma",
    "token.pos",
    "token.tag",
    "token.ent_iob",
    "token.ent_type",
]
ASSIGNS = ["doc.spans", "doc._.quotes", "doc._.speakers", "span._.quote", "span._.quoteattr_quotes"]


@Language.factory(
    "quote_attributor",
    default_config={
        "spans_key": "quotes",
        "attr_name": "quotes",
        "scope": "speech",
        "speakers_attr": None,
        "normalize_text": True,
        "scorer": {"@scorers": "quoteattr.quote_scorer.v1"},
    },
    requires=REQUIRES,
    assigns=ASSIGNS,
    default_score_weights={
        "quotes_f": 0.5,
        "quotes_p": 0.0,
        "quotes_r": 0.0,
        "quotes_speaker_acc": 0.5,
    },
)
def make_quote_attributor(
    nlp: Language,
    name: str,
    spans_key: str,
    attr_name: str,
    scope: str,
    speakers_attr: str | None,
    normalize_text: bool = True,
    scorer: Callable[..., dict[str, Any]] | None = None,
) -> QuoteAttributor:
    if normalize_text:
        # the tokenizer, not this component, must see "Ines\u00a0Carvalho" as two words for
        # the tagger, parser and NER before it to read them as extract() does
        normalize_tokenizer(nlp, default_lexicon().kept_whole)
    return QuoteAttributor(
        nlp, name, spans_key=spans_key, attr_name=attr_name, scope=scope,
        speakers_attr=speakers_attr, scorer=scorer,
    )  # fmt: skip


class QuoteAttributor(Pipe):
    """Finds quotes, their cues and speakers, and stores them as a span group."""

    def __init__(
        self,
        nlp: Language,
        name: str = "quote_attributor",
        *,
        spans_key: str = "quotes",
        attr_name: str = "quotes",
        scope: str = "speech",
        speakers_attr: str | None = None,
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}; got {scope!r}")
        self.name = name
        self.spans_key = spans_key
        self.attr_name = attr_name
        self.scope = scope
        self.scorer = scorer
        self.lexicon: Lexicon = default_lexicon()
        self._checked = False
        self._nlp = nlp
        # Doc._.speakers by default; "<attr_name>_speakers" beside a renamed quotes attribute.
        self.speakers_attr = speakers_attr or (
            "speakers" if attr_name == "quotes" else f"{attr_name}_speakers"
        )
        # Span._.quote by default; "<attr_name>_quote" likewise.
        self.span_attr = "quote" if attr_name == "quotes" else f"{attr_name}_quote"
        register_extensions(attr_name, spans_key, self.speakers_attr, self.span_attr)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_dir: str | None = None,
    ) -> None:
        """Replace the lexicons with the files in ``lexicon_dir`` (see quoteattr/data)."""
        if lexicon_dir:
            self.lexicon = Lexicon.from_dir(lexicon_dir)

    def _check_pipeline(self, doc: Doc) -> None:
        """At the first document: is the component placed after what it reads?"""
        if self._checked:
            return
        names = self._nlp.pipe_names

        def runs_after_self(needed: str) -> bool:
            return self.name in names and names.index(needed) > names.index(self.name)

        def missing(needed: str, annotation: str) -> bool:
            if needed in names:
                return runs_after_self(needed)
            return not doc.has_annotation(annotation)

        if missing("parser", "DEP"):
            raise ValueError(
                f"quote_attributor needs a dependency parse, but the pipeline {names} has no "
                f"parser before it. {_placement_fix(names, self.name, 'parser', MODEL_HINT)}"
            )
        if missing("lemmatizer", "LEMMA"):
            raise ValueError(
                "quote_attributor needs lemmas to match speech verbs, but no component before "
                f"it sets them. {_placement_fix(names, self.name, 'lemmatizer', MODEL_HINT)}"
            )
        if missing("ner", "ENT_IOB"):
            if "ner" in names:
                raise ValueError(
                    "quote_attributor needs the named entities to name speakers, but it runs "
                    f"before NER. {_placement_fix(names, self.name, 'ner', MODEL_HINT)}"
                )
            logger.warning(
                "quote_attributor: the pipeline has no NER, so speakers cannot be "
                "resolved to names; quotes keep the mention as written"
            )
        self._checked = True

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            return self._attribute(doc)
        except Exception as err:  # spaCy's error handler decides: re-raise (default) or go on
            error_handler(self.name, self, [doc], err)
            return doc

    def _attribute(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            write_drafts(doc, [], self.spans_key)
            return doc
        self._check_pipeline(doc)
        text = doc.text  # spaCy rebuilds it on every access: read once
        reason = not_english_reason(doc, text)
        if reason is not None:
            start = " ".join(doc.text[:60].split()[:6])
            logger.warning(
                "text starting %r does not look like English (%s): quoteattr's rules are for "
                "English and find few or no quotes in it",
                start,
                reason,
            )
        # pure text: never depends on the model (the lexicon gives the elisions: 'tis, 'em)
        marked = find_marked_spans(text, self.lexicon.elisions)
        ctx = DocContext(doc, self.lexicon, self.scope, marked, text)
        direct = attribute_direct(ctx)
        reported = find_reported(ctx, direct)
        absorbed = {k for d in reported for k in d.marked}
        drafts = [d for d in direct if not set(d.marked) & absorbed] + reported
        drafts.sort(key=lambda d: d.start)
        carry_last_speaker(ctx, drafts)
        for draft in drafts:
            keep_outside_own_quote(draft)
        resolver = resolve_speakers(ctx, drafts)
        write_drafts(doc, drafts, self.spans_key, ctx.marked)
        doc.spans[self.spans_key].attrs[SPEAKER_TABLE] = resolver.speaker_table(drafts)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Quote span P/R/F and speaker accuracy against references holding the span group."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, **{"spans_key": self.spans_key, **kwargs})

    # --- serialization: from memory, so a saved pipeline carries its own lexicon ---------------

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return util.to_bytes({"lexicon": self.lexicon.to_bytes}, exclude)

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> QuoteAttributor:
        def load(data: bytes) -> None:
            self.lexicon = Lexicon.from_bytes(data)

        util.from_bytes(bytes_data, {"lexicon": load}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        util.to_disk(path, {"lexicon": self.lexicon.to_dir}, exclude)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> QuoteAttributor:
        def load(folder: Path) -> None:
            if folder.is_dir():
                self.lexicon = Lexicon.from_dir(folder)

        util.from_disk(path, {"lexicon": load}, exclude)
        return self


def _placement_fix(names: list[str], own: str, needed: str, hint: str) -> str:
    """The sentence that says how to fix the order of the pipeline."""
    if needed in names:
        return (
            f"Add quote_attributor after {needed!r}: nlp.remove_pipe({own!r}); "
            f'nlp.add_pipe("quote_attributor", last=True)'
        )
    return f"Use a pipeline with a {needed}, such as en_core_web_sm: {hint}"


def keep_outside_own_quote(draft: Draft) -> None:
    """The last guard of two promises: a cue and a speaker never lie inside their own quote.

    The rules keep them apart; a parse that runs across quote marks or paragraphs can still
    hand a rule a word from inside the quote. Then the answer is "no cue" / "no speaker",
    never a wrong one.
    """

    def inside(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in draft.fragments)

    if draft.cue is not None and inside(*draft.cue):
        draft.cue, draft.cue_token = None, None
        draft.confidence = min(draft.confidence, 0.3)
    mention = draft.mention
    if mention is not None and inside(mention.start_char, mention.end_char):
        draft.mention = None
        draft.confidence = min(draft.confidence, 0.3)


# --- storing and reading results -------------------------------------------------------------
#
# Each quote's data rides with its span: a JSON record under the Span extension
# "quoteattr_<spans_key>" (spaCy keeps span extension values keyed by the span's characters),
# with every offset relative to the span's start. So filtering or appending to the group keeps
# every remaining span's quote, and Doc.from_docs, to_json(underscore=[...]) / from_json and
# DocBin(store_user_data=True) carry them. The group's attrs keep a second copy by span, read
# when the per-span values were not carried (DocBin without user data).


def data_attr(spans_key: str) -> str:
    """The Span extension that holds a quote's record for the group ``spans_key``."""
    return f"quoteattr_{spans_key}"


def _record(draft: Draft, marked: list[MarkedSpan] | None = None) -> dict[str, Any]:
    mention = draft.mention
    fragments = [list(f) for f in draft.fragments]
    if draft.kind == "mixed" and marked:
        # a mixed quote spans its reported clause; its fragments are the words in quote marks
        inside = [
            [max(s, draft.start), min(e, draft.end)]
            for k in draft.marked
            for s, e in marked[k].pieces
            if s < draft.end and draft.start < e
        ]
        fragments = sorted(inside) or fragments
    return {
        "span": [draft.start, draft.end],
        "fragments": fragments,
        "kind": draft.kind,
        "cue": list(draft.cue) if draft.cue else None,
        "mention": [mention.start_char, mention.end_char] if mention is not None else None,
        "name": draft.name,
        "title": draft.title,
        "label": draft.label,
        "affiliation": draft.affiliation,
        "held_at": draft.held_at,
        "confidence": round(draft.confidence, 3),
        "method": draft.method,
        **({"members": draft.members} if draft.members else {}),
    }


def _quote_record(quote: Quote) -> dict[str, Any]:
    speaker, mention = quote.speaker, quote.speaker.mention if quote.speaker else None
    return {
        "span": [quote.start, quote.end],
        "fragments": [list(f) for f in quote.fragments],
        "kind": quote.kind,
        "cue": [quote.cue.start, quote.cue.end] if quote.cue else None,
        "mention": [mention.start, mention.end] if mention is not None else None,
        "name": speaker.name if speaker else None,
        "title": speaker.title if speaker else None,
        "label": speaker.label if speaker else None,
        "affiliation": speaker.affiliation if speaker else None,
        "held_at": speaker.held_at if speaker else None,
        "confidence": round(quote.confidence, 3),
        "method": quote.method,
        **({"members": [_member_record(m) for m in speaker.members]} if speaker else {}),
    }


def _member_record(member: Speaker) -> dict[str, Any]:
    return {k: getattr(member, k) for k in ("name", "title", "label", "affiliation", "held_at")}


_OFFSETS = ("span", "cue", "mention")


def _shift(record: dict[str, Any], by: int) -> dict[str, Any]:
    """The record with every offset moved by ``by`` (absolute <-> relative to the span)."""
    out = dict(record)
    for key in _OFFSETS:
        if out.get(key) is not None:
            out[key] = [out[key][0] + by, out[key][1] + by]
    out["fragments"] = [[s + by, e + by] for s, e in record["fragments"]]
    return out


def _store(doc: Doc, key: str, items: list[tuple[int, int, str, dict[str, Any]]]) -> None:
    """Write (start, end, kind, absolute record) items as the span group ``key``."""
    name = data_attr(key)
    stale = [k for k in doc.user_data if isinstance(k, tuple) and k[:2] == ("._.", name)]
    for k in stale:  # from an earlier run over the same Doc
        del doc.user_data[k]
    spans: list[Span] = []
    by_span: dict[str, dict[str, Any]] = {}
    for start, end, kind, record in items:
        span = doc.char_span(start, end, label=kind, alignment_mode="expand")
        if span is None:
            continue
        rec = _shift(record, -span.start_char)
        span._.set(name, rec)
        by_span[f"{span.start_char}:{span.end_char}"] = rec
        spans.append(span)
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans, attrs={RECORDS: by_span})


def write_drafts(
    doc: Doc, drafts: list[Draft], key: str, marked: list[MarkedSpan] | None = None
) -> None:
    _store(doc, key, [(d.start, d.end, d.kind, _record(d, marked)) for d in drafts])


def write_quotes(doc: Doc, quotes: Iterable[Quote], key: str = "quotes") -> None:
    """Store ``quotes`` (e.g. gold ones read with Quote.from_dict) as the span group ``key``,
    the way quote_attributor does: the reference side of an Example for nlp.evaluate."""
    _store(doc, key, [(q.start, q.end, q.kind, _quote_record(q)) for q in quotes])


def _span_record(span: Span, key: str, fallback: Mapping[str, Any] | None) -> Any:
    rec = span._.get(data_attr(key)) if Span.has_extension(data_attr(key)) else None
    if rec is None and fallback:
        rec = fallback.get(f"{span.start_char}:{span.end_char}")
    return rec


def _quote_at(span: Span, rec: Mapping[str, Any], text: str) -> Quote:
    """The Quote a record describes, its offsets made absolute from the span's start;
    ``text`` is doc.text (which spaCy rebuilds from every token on each access)."""
    rec = _shift(dict(rec), span.start_char)
    frags = tuple((int(s), int(e)) for s, e in rec["fragments"])
    start, end = rec.get("span") or (frags[0][0], frags[-1][1])
    if rec["kind"] == "direct":
        quote_text = " ".join(text[s:e] for s, e in frags)
    else:
        quote_text = text[start:end]
    cue = Cue(text[rec["cue"][0] : rec["cue"][1]], *rec["cue"]) if rec["cue"] else None
    speaker = None
    if rec["mention"] is not None or rec["name"]:
        mention = None
        if rec["mention"] is not None:
            ms, me = rec["mention"]
            mention = Mention(text[ms:me], ms, me)
        name = " ".join((rec["name"] or (mention.text if mention else "")).split())
        if name:  # a mention of only spaces names nobody
            speaker = Speaker(
                name=name,
                title=rec["title"],
                label=rec["label"] or "PERSON",
                mention=mention,
                affiliation=rec["affiliation"],
                held_at=rec.get("held_at"),
                members=tuple(
                    Speaker(
                        m["name"],
                        m["title"],
                        m["label"],
                        None,
                        m["affiliation"],
                        held_at=m.get("held_at"),
                    )
                    for m in rec.get("members") or ()
                ),
            )
    return Quote(
        text=quote_text,
        start=start,
        end=end,
        fragments=frags,
        kind=rec["kind"],
        cue=cue,
        speaker=speaker,
        confidence=float(rec["confidence"]),
        method=rec["method"],
    )


def quote_of_span(span: Span, key: str = "quotes") -> Quote | None:
    """The quote a quote_attributor stored with ``span`` (None for a span it did not write)."""
    group = span.doc.spans.get(key)
    fallback = group.attrs.get(RECORDS) if group is not None else None
    rec = _span_record(span, key, fallback if isinstance(fallback, dict) else None)
    return _quote_at(span, rec, span.doc.text) if rec is not None else None


def quotes_from_doc(doc: Doc, key: str = "quotes") -> tuple[Quote, ...]:
    """The quotes of the span group ``key``, in its order; spans without quote data are skipped."""
    if key not in doc.spans:
        return ()
    group = doc.spans[key]
    fallback = group.attrs.get(RECORDS)
    fallback = fallback if isinstance(fallback, dict) else None
    text = doc.text
    out = []
    for span in group:
        rec = _span_record(span, key, fallback)
        if rec is not None:
            out.append(_quote_at(span, rec, text))
    return tuple(out)


def speakers_from_doc(doc: Doc, key: str = "quotes") -> tuple[SpeakerSummary, ...]:
    """One entry per distinct speaker, built from the span group a quote_attributor wrote."""
    if key not in doc.spans:
        return ()
    table = doc.spans[key].attrs.get(SPEAKER_TABLE)
    return summarize_speakers(doc.text, quotes_from_doc(doc, key), table)


# --- scoring in nlp.evaluate -----------------------------------------------------------------


def score_quotes(
    examples: Iterable[Example], *, spans_key: str = "quotes", **cfg: Any
) -> dict[str, Any]:
    """Quote span P/R/F (any kind; per kind under ``<key>_per_type``) and speaker accuracy.

    Spans match when they cover the same tokens. Speaker accuracy is over the reference quotes
    with a named speaker that were found: right when the names agree (case and spacing aside).
    Examples whose reference lacks the span group are skipped.
    """
    examples = list(examples)

    def has_group(doc: Doc) -> bool:
        return spans_key in doc.spans

    def spans(labeled: bool) -> dict[str, Any]:
        return Scorer.score_spans(
            examples,
            spans_key,
            getter=lambda doc, key: doc.spans.get(key, []),
            has_annotation=has_group,
            labeled=labeled,
            allow_overlap=True,
        )

    scores = spans(labeled=False)
    scores[f"{spans_key}_per_type"] = spans(labeled=True)[f"{spans_key}_per_type"]
    right = total = 0
    for eg in examples:
        if not has_group(eg.reference) or not has_group(eg.predicted):
            continue
        found = {(q.start, q.end): q for q in quotes_from_doc(eg.predicted, spans_key)}
        for gold in quotes_from_doc(eg.reference, spans_key):
            if gold.speaker is None or (gold.start, gold.end) not in found:
                continue
            pred = found[(gold.start, gold.end)].speaker
            total += 1
            right += pred is not None and _same_name(pred.name, gold.speaker.name)
    scores[f"{spans_key}_speaker_acc"] = right / total if total else None
    return scores


def _same_name(a: str, b: str) -> bool:
    return a.split() == b.split() or a.casefold().split() == b.casefold().split()


@registry.scorers("quoteattr.quote_scorer.v1")
def make_quote_scorer() -> Callable[..., dict[str, Any]]:
    return score_quotes


# --- extension attributes --------------------------------------------------------------------

_OWN_GETTERS: dict[tuple[str, str], Callable[[Any], Any]] = {}


def register_extensions(
    attr_name: str,
    spans_key: str,
    speakers_attr: str | None = None,
    span_attr: str | None = None,
) -> None:
    """Doc._.<attr_name> (quotes), Doc._.<speakers_attr> and Span._.<span_attr> as getters over
    doc.spans[spans_key], and the Span extension that holds each quote's record; never
    overwrite someone else's."""
    _register_getter(Doc, attr_name, spans_key, quotes_from_doc, "attr_name")
    if speakers_attr:
        _register_getter(Doc, speakers_attr, spans_key, speakers_from_doc, "speakers_attr")
    if span_attr:
        _register_getter(Span, span_attr, spans_key, quote_of_span, "attr_name")
    data = data_attr(spans_key)
    if not Span.has_extension(data):
        Span.set_extension(data, default=None)
    elif Span.get_extension(data) != (None, None, None, None):
        raise ValueError(
            f"Span._.{data} is already registered by another package; set the "
            f"quote_attributor config key 'spans_key' to another name"
        )


def _register_getter(
    cls: type[Doc] | type[Span],
    attr_name: str,
    spans_key: str,
    build: Callable[[Any, str], Any],
    config_key: str,
) -> None:
    def getter(obj: Any) -> Any:
        return build(obj, spans_key)

    owner = f"{cls.__name__}._.{attr_name}"
    if cls.has_extension(attr_name):
        existing = cls.get_extension(attr_name)
        current = existing[2] if existing else None
        if current is not None and current is _OWN_GETTERS.get((cls.__name__, attr_name)):
            same_kind = getattr(current, "builds", build) is build
            if same_kind and getattr(current, "spans_key", spans_key) == spans_key:
                return
            raise ValueError(
                f"{owner} already reads span group "
                f"{getattr(current, 'spans_key', '?')!r}; give this quote_attributor another "
                f"{config_key!r} in its config"
            )
        raise ValueError(
            f"{owner} is already registered by another package; set the "
            f"quote_attributor config key {config_key!r} to another name"
        )
    getter.spans_key = spans_key  # type: ignore[attr-defined]
    getter.builds = build  # type: ignore[attr-defined]
    _OWN_GETTERS[(cls.__name__, attr_name)] = getter
    cls.set_extension(attr_name, getter=getter)
