"""Direct quotes: each quote-marked span gets its cue and the noun phrase of its speaker (the
parse first, nearness as a fallback). The cue rules are tried in the order of `CUE_RULES`;
then `attribute_direct` joins the parts of one quotation (an interrupted quote, a paragraph
that goes on with the last one's words) and drops marked words that nobody said.

Where the rest lives: the rules themselves, direct_rules.py; their methods and confidences,
direct_methods.py; which marked spans are quotations, filters.py; headlines, link labels and
transcripts, furniture.py; lead-ins that make a quote mixed, mixed.py; subjects and speaker
noun phrases, syntax.py."""

from __future__ import annotations

from collections.abc import Callable

from quoteattr.context import DocContext, Draft
from quoteattr.direct_methods import DIRECT_METHODS, confidence_of
from quoteattr.direct_rules import (
    colon_paragraph_rule,
    cue_next_to_marks,
    embedded_rule,
    previous_sentence_rule,
)
from quoteattr.filters import (
    heading,
    name_of_something,
    nickname,
    said_by_someone,
    short_term,
    term_in_attribution,
    title_case_term,
)
from quoteattr.furniture import (
    headline_draft,
    headline_lead_draft,
    headline_trailer_draft,
    is_headline,
    link_label,
    transcript_drafts,
)
from quoteattr.marks import MarkedSpan
from quoteattr.mixed import add_lead_ins

CueRule = Callable[[DocContext, int], Draft | None]

# The cue rules, in the order they are tried: the first that gives a draft decides the quote's
# cue and speaker. A new rule goes where it should win over the ones after it.
CUE_RULES: tuple[CueRule, ...] = (
    cue_next_to_marks,  # trailing_*, leading_*, dash_trailer, according_to, phrase_cue, colon_*
    colon_paragraph_rule,  # colon_paragraph: `And from the chairwoman:⏎"…"`
    embedded_rule,  # embedded_*: the verb that governs the quote inside a sentence
    previous_sentence_rule,  # previous_sentence*: the sentence before the quote
)


def find_cue(ctx: DocContext, k: int) -> Draft | None:
    """The draft of the first cue rule that attributes quote k, else None."""
    for rule in CUE_RULES:
        draft = rule(ctx, k)
        if draft is not None:
            return draft
    return None


# --- joining the parts of one quotation ---------------------------------------------------


def _plain_interruption(ctx: DocContext, prev: Draft, m: MarkedSpan) -> bool:
    """Is what stands between two quotes only their attribution (`“…,” she said, “…”`), not a
    new clause that leads into the second (`“…,” he said, adding that he had “…”`)?"""
    last = ctx.marked[prev.marked[-1]]
    lo = last.close_mark + 1 if last.close_mark is not None else last.end
    between = ctx.span_chars(lo, m.open_mark)
    if between is None:
        return True
    cue = prev.cue_token
    return not any(
        (t.i != cue and ctx.lexicon.is_cue_verb(t, "speech"))
        or (t.lower_ == "that" and t.dep_ == "mark")
        for t in between
    )


def _cue_between(prev: Draft, chosen: Draft, m: MarkedSpan) -> bool:
    return chosen.cue is not None and prev.end <= chosen.cue[0] < m.start


def _same_embedding(ctx: DocContext, prev: Draft, chosen: Draft) -> bool:
    """`Cruz called him a “liar,” a “bully” and “sick”`: terms under one verb are one quote."""
    if prev.method != chosen.method or not DIRECT_METHODS[chosen.method].speech_verb_governs:
        return False
    if chosen.cue_token is None or prev.paragraph != chosen.paragraph:
        return False
    between = ctx.text[prev.end : chosen.start]
    return not any(c in between for c in ".?!") or len(between.strip()) <= 3


def _interrupts(ctx: DocContext, prev: Draft, chosen: Draft, m: MarkedSpan) -> bool:
    """`“We will,” she said, “if we must.”`: the next quote's cue is the previous quote's, and
    only that attribution stands between them (or both are terms under one verb)."""
    return (
        prev.cue_token is not None
        and chosen.cue_token == prev.cue_token
        and (
            (_cue_between(prev, chosen, m) and _plain_interruption(ctx, prev, m))
            or _same_embedding(ctx, prev, chosen)
        )
    )


def _join(prev: Draft, m: MarkedSpan, k: int, paragraph: int | None = None) -> None:
    """Add quote k as the next fragment of the quotation ``prev``."""
    prev.fragments.extend(m.pieces)
    prev.marked.append(k)
    if paragraph is not None:
        prev.paragraph = paragraph


def _is_term(ctx: DocContext, k: int) -> bool:
    """A cue-less quote that is a term or a heading, not something said."""
    return (short_term(ctx, k) and not said_by_someone(ctx, k)) or heading(ctx, k)


def _floats_in_paragraph(prev: Draft | None, para: int) -> bool:
    """A cue-less quote in the same paragraph as an attributed one is more of its words (a
    first paragraph that attributes a quote is a lead, not a headline)."""
    return prev is not None and prev.paragraph == para and prev.mention is not None


def _continues_paragraph(ctx: DocContext, prev: Draft | None, k: int, para: int) -> bool:
    """`“…,” she said.⏎“And more.”`: a paragraph that is only a closed quote goes on with what
    the last paragraph's speaker said, when that quote's method continues (DIRECT_METHODS)."""
    m = ctx.marked[k]
    return (
        prev is not None
        and prev.mention is not None
        and para - prev.paragraph == 1
        and m.open_mark == ctx.paragraphs[para][0]
        and m.close_mark is not None
        and DIRECT_METHODS[prev.method].continues_next_paragraph
    )


def _cueless_draft(ctx: DocContext, k: int, para: int) -> Draft:
    """A quote no rule attributes: nobody yet (`none`); `carry_last_speaker` may give it the
    speaker of the quotation before it once reported speech is found too."""
    return Draft(
        fragments=list(ctx.marked[k].pieces),
        paragraph=para,
        marked=[k],
        method="none",
        confidence=confidence_of("none"),
    )


def _drops_short_term(ctx: DocContext, chosen: Draft, k: int) -> bool:
    """A short term in marks is a quotation only when its rule's cue claims it."""
    method = DIRECT_METHODS[chosen.method]
    if not short_term(ctx, k):
        return False
    if not method.claims_short_term:
        return True
    return method.title_case_term_is_name and title_case_term(ctx, k)


def attribute_direct(ctx: DocContext) -> list[Draft]:
    """Give every quote-marked span a cue and speaker mention, joining the parts of one
    quotation: an interrupted quote, a cue-less quote after an attributed one."""
    drafts: list[Draft] = []
    prev: Draft | None = None  # the quotation the next quote may continue
    headline: Draft | None = None
    transcript = transcript_drafts(ctx)
    in_transcript = {k for d in transcript for k in d.marked}
    for k, m in enumerate(ctx.marked):
        para = ctx.paragraph_of(m.start)
        if k in in_transcript or para in ctx.notes:
            prev = None
            continue
        if headline is not None and k in headline.marked:
            continue
        if nickname(ctx, k) or name_of_something(ctx, k) or link_label(ctx, k):
            continue
        if is_headline(ctx, k):
            headline = headline_draft(ctx, k)
            if headline is not None:
                drafts.append(headline)
                prev = None
                continue
        chosen = find_cue(ctx, k)
        if prev is not None and chosen is not None and _interrupts(ctx, prev, chosen, m):
            if _cue_between(prev, chosen, m) and term_in_attribution(ctx, k):
                continue  # `“…,” she said on “Morning Desk”`: a name in the attribution
            _join(prev, m, k)
            continue
        if chosen is None:
            if _is_term(ctx, k):
                prev = None
                continue
            if prev is not None and _floats_in_paragraph(prev, para):
                _join(prev, m, k, paragraph=ctx.paragraph_of(m.end))
                continue
            if is_headline(ctx, k):
                prev = None
                continue
            if prev is not None and _continues_paragraph(ctx, prev, k, para):
                _join(prev, m, k, paragraph=para)
                continue
            chosen = _cueless_draft(ctx, k, para)
        elif _drops_short_term(ctx, chosen, k):
            prev = None
            continue
        drafts.append(chosen)
        prev = chosen
    if not any(d.paragraph == 0 for d in drafts + transcript) and not any(
        ctx.paragraph_of(m.start) == 0 for m in ctx.marked
    ):
        # "Orders on the decline: Exporters' Association", "Tom Hale: I Am Not Running"
        trailer = headline_trailer_draft(ctx) or headline_lead_draft(ctx)
        if trailer is not None:
            drafts.insert(0, trailer)
    add_lead_ins(ctx, drafts)
    if transcript:
        drafts = sorted(drafts + transcript, key=lambda d: d.start)
    return drafts


def carry_last_speaker(ctx: DocContext, drafts: list[Draft]) -> None:
    """`… according to Ann Lee, the council's director.⏎“People have called all day …`: a quote
    no rule attributes, up to two paragraphs after another quotation, direct or reported, goes
    on with that quotation's speaker (`floating_previous_paragraph`). ``drafts`` in text
    order."""
    prev: Draft | None = None
    for draft in drafts:
        if draft.method == "none" and draft.kind == "direct" and prev is not None:
            if (
                prev.mention is not None
                and 0 <= ctx.paragraph_of(draft.start) - prev.paragraph <= 2
            ):
                draft.mention, draft.cue, draft.cue_token = prev.mention, prev.cue, prev.cue_token
                draft.method = "floating_previous_paragraph"
                draft.confidence = confidence_of(draft.method)
        if draft.mention is not None:  # a quotation nobody is found for does not break a run
            prev = draft
