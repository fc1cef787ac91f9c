"""The "quote_attributor" spaCy component: runs the stages and stores the results on the Doc."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from quoteattr.attribution import attribute_direct
from quoteattr.context import DocContext, Draft
from quoteattr.cues import Lexicon, default_lexicon
from quoteattr.language import not_english_reason
from quoteattr.marks import MarkedSpan
from quoteattr.reported import find_reported
from quoteattr.resolution import resolve_speakers, summarize_speakers
from quoteattr.types import Cue, Mention, Quote, Speaker, SpeakerSummary

logger = logging.getLogger(__name__)

SCOPES = ("speech", "attribution")
RECORDS = "quoteattr_records"
SPEAKER_TABLE = "quoteattr_speakers"
MODEL_HINT = 'pip install "quoteattr[model]" (or python -m spacy download en_core_web_sm)'


PARAGRAPHS = "paragraph_sentences"


@Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break. Runs before the parser, which keeps these
    boundaries: without them it reads a bullet list or a headline and the next paragraph as
    one sentence, and `says council leader⏎- Opposition calls …` gets the wrong subject."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@Language.factory(
    "quote_attributor",
    default_config={
        "spans_key": "quotes",
        "attr_name": "quotes",
        "scope": "speech",
        "speakers_attr": None,
    },
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc.spans", "doc._.quotes", "doc._.speakers"],
)
def make_quote_attributor(
    nlp: Language,
    name: str,
    spans_key: str,
    attr_name: str,
    scope: str,
    speakers_attr: str | None,
) -> QuoteAttributor:
    return QuoteAttributor(
        nlp, name, spans_key=spans_key, attr_name=attr_name, scope=scope,
        speakers_attr=speakers_attr,
    )  # fmt: skip


class QuoteAttributor:
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
    ) -> None:
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}; got {scope!r}")
        self.name = name
        self.spans_key = spans_key
        self.attr_name = attr_name
        self.scope = scope
        self.lexicon: Lexicon = default_lexicon()
        self._checked = False
        self._nlp = nlp
        # Doc._.speakers by default; "<attr_name>_speakers" beside a renamed quotes attribute.
        self.speakers_attr = speakers_attr or (
            "speakers" if attr_name == "quotes" else f"{attr_name}_speakers"
        )
        register_extensions(attr_name, spans_key, self.speakers_attr)

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
        if self._checked:
            return
        if not doc.has_annotation("DEP"):
            raise ValueError(
                f"quote_attributor needs a dependency parse, but the pipeline "
                f"{self._nlp.pipe_names} has no parser. Use a pipeline with one, "
                f"such as en_core_web_sm: {MODEL_HINT}"
            )
        if not doc.has_annotation("ENT_IOB") and "ner" not in self._nlp.pipe_names:
            logger.warning(
                "quote_attributor: the pipeline has no NER, so speakers cannot be "
                "resolved to names; quotes keep the mention as written"
            )
        self._checked = True

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, attrs={RECORDS: []})
            return doc
        self._check_pipeline(doc)
        reason = not_english_reason(doc)
        if reason is not None:
            start = " ".join(doc.text[:60].split()[:6])
            logger.warning(
                "text starting %r does not look like English (%s): quoteattr's rules are for "
                "English and find few or no quotes in it",
                start,
                reason,
            )
        ctx = DocContext(doc, self.lexicon, self.scope)
        direct = attribute_direct(ctx)
        reported = find_reported(ctx, direct)
        absorbed = {k for d in reported for k in d.marked}
        drafts = [d for d in direct if not set(d.marked) & absorbed] + reported
        drafts.sort(key=lambda d: d.start)
        for draft in drafts:
            keep_outside_own_quote(draft)
        resolver = resolve_speakers(ctx, drafts)
        write_drafts(doc, drafts, self.spans_key, ctx.marked)
        doc.spans[self.spans_key].attrs[SPEAKER_TABLE] = resolver.speaker_table(drafts)
        return doc

    # --- serialization: a saved pipeline carries its own lexicon -----------------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.lexicon.to_dir(Path(path) / "lexicon")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        folder = Path(path) / "lexicon"
        if folder.is_dir():
            self.lexicon = Lexicon.from_dir(folder)
        return self


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
        "confidence": round(draft.confidence, 3),
        "method": draft.method,
    }


def write_drafts(
    doc: Doc, drafts: list[Draft], key: str, marked: list[MarkedSpan] | None = None
) -> None:
    spans: list[Span] = []
    records: list[dict[str, Any]] = []
    for draft in drafts:
        span = doc.char_span(draft.start, draft.end, label=draft.kind, alignment_mode="expand")
        if span is None:
            continue
        spans.append(span)
        records.append(_record(draft, marked))
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans, attrs={RECORDS: records})


def quotes_from_doc(doc: Doc, key: str = "quotes") -> tuple[Quote, ...]:
    """Build Quote objects from the span group a quote_attributor wrote."""
    if key not in doc.spans:
        return ()
    text = doc.text
    out = []
    for rec in doc.spans[key].attrs.get(RECORDS, []):
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
            name = rec["name"] or (mention.text if mention else "")
            speaker = Speaker(
                name=" ".join(name.split()),
                title=rec["title"],
                label=rec["label"] or "PERSON",
                mention=mention,
                affiliation=rec["affiliation"],
            )
        out.append(
            Quote(
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
        )
    return tuple(out)


def speakers_from_doc(doc: Doc, key: str = "quotes") -> tuple[SpeakerSummary, ...]:
    """One entry per distinct speaker, built from the span group a quote_attributor wrote."""
    if key not in doc.spans:
        return ()
    table = doc.spans[key].attrs.get(SPEAKER_TABLE)
    return summarize_speakers(doc.text, quotes_from_doc(doc, key), table)


_OWN_GETTERS: dict[str, Callable[[Doc], Any]] = {}


def register_extensions(attr_name: str, spans_key: str, speakers_attr: str | None = None) -> None:
    """Doc._.<attr_name> (quotes) and Doc._.<speakers_attr> as getters over doc.spans[spans_key];
    never overwrite someone else's."""
    _register_getter(attr_name, spans_key, quotes_from_doc, "attr_name")
    if speakers_attr:
        _register_getter(speakers_attr, spans_key, speakers_from_doc, "speakers_attr")


def _register_getter(
    attr_name: str, spans_key: str, build: Callable[[Doc, str], Any], config_key: str
) -> None:
    def getter(doc: Doc) -> Any:
        return build(doc, spans_key)

    if Doc.has_extension(attr_name):
        existing = Doc.get_extension(attr_name)
        current = existing[2] if existing else None
        if current is not None and current is _OWN_GETTERS.get(attr_name):
            same_kind = getattr(current, "builds", build) is build
            if same_kind and getattr(current, "spans_key", spans_key) == spans_key:
                return
            raise ValueError(
                f"Doc._.{attr_name} already reads span group "
                f"{getattr(current, 'spans_key', '?')!r}; give this quote_attributor another "
                f"{config_key!r} in its config"
            )
        raise ValueError(
            f"Doc._.{attr_name} is already registered by another package; set the "
            f"quote_attributor config key {config_key!r} to another name"
        )
    getter.spans_key = spans_key  # type: ignore[attr-defined]
    getter.builds = build  # type: ignore[attr-defined]
    _OWN_GETTERS[attr_name] = getter
    Doc.set_extension(attr_name, getter=getter)
