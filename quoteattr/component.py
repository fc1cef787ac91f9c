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
from quoteattr.marks import MarkedSpan
from quoteattr.reported import find_reported
from quoteattr.speakers import resolve_speakers
from quoteattr.types import Cue, Mention, Quote, Speaker

logger = logging.getLogger(__name__)

SCOPES = ("speech", "attribution")
RECORDS = "quoteattr_records"
MODEL_HINT = 'pip install "quoteattr[model]" (or python -m spacy download en_core_web_sm)'


@Language.factory(
    "quote_attributor",
    default_config={"spans_key": "quotes", "attr_name": "quotes", "scope": "speech"},
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc.spans", "doc._.quotes"],
)
def make_quote_attributor(
    nlp: Language, name: str, spans_key: str, attr_name: str, scope: str
) -> QuoteAttributor:
    return QuoteAttributor(nlp, name, spans_key=spans_key, attr_name=attr_name, scope=scope)


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
        register_extensions(attr_name, spans_key)

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
        ctx = DocContext(doc, self.lexicon, self.scope)
        direct = attribute_direct(ctx)
        reported = find_reported(ctx, direct)
        absorbed = {k for d in reported for k in d.marked}
        drafts = [d for d in direct if not set(d.marked) & absorbed] + reported
        drafts.sort(key=lambda d: d.start)
        resolve_speakers(ctx, drafts)
        write_drafts(doc, drafts, self.spans_key, ctx.marked)
        return doc

    # --- serialization: a saved pipeline carries its own lexicon -----------------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.lexicon.to_dir(Path(path) / "lexicon")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        folder = Path(path) / "lexicon"
        if folder.is_dir():
            self.lexicon = Lexicon.from_dir(folder)
        return self


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


_OWN_GETTERS: dict[str, Callable[[Doc], tuple[Quote, ...]]] = {}


def register_extensions(attr_name: str, spans_key: str) -> None:
    """Doc._.<attr_name> as a getter over doc.spans[spans_key]; never overwrite someone else's."""

    def getter(doc: Doc) -> tuple[Quote, ...]:
        return quotes_from_doc(doc, spans_key)

    if Doc.has_extension(attr_name):
        existing = Doc.get_extension(attr_name)
        current = existing[2] if existing else None
        if current is not None and current is _OWN_GETTERS.get(attr_name):
            if getattr(current, "spans_key", spans_key) == spans_key:
                return
            raise ValueError(
                f"Doc._.{attr_name} already reads span group "
                f"{getattr(current, 'spans_key', '?')!r}; give this quote_attributor another "
                f"'attr_name' in its config"
            )
        raise ValueError(
            f"Doc._.{attr_name} is already registered by another package; set the "
            f"quote_attributor config key 'attr_name' to another name"
        )
    getter.spans_key = spans_key  # type: ignore[attr-defined]
    _OWN_GETTERS[attr_name] = getter
    Doc.set_extension(attr_name, getter=getter)
