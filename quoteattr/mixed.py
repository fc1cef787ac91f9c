"""Direct quotes that become mixed: the unquoted words that lead into a quote's marks (`Both
parties “are broken,” he said`, `She said the plan was “a disaster”`) join the quote."""

from __future__ import annotations

from bisect import bisect_left, insort

from spacy.tokens import Token

from quoteattr.context import SENT_END, DocContext, Draft
from quoteattr.direct_methods import DIRECT_METHODS
from quoteattr.filters import prev_visible

MAX_LEAD_WORDS = 12  # "Both parties “are broken,” he said": the unquoted lead-in, at most


def _sentence_lead(ctx: DocContext, draft: Draft, k: int) -> int | None:
    """Start of the unquoted words that open the quote's sentence ("Both parties “are …”")."""
    m = ctx.marked[k]
    text = ctx.text
    ps, _ = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    j = prev_visible(text, m.open_mark, ps)
    if j < 0 or not text[j].isalnum():
        return None
    floor = ps
    for other in ctx.marked[:k]:
        hi = other.close_mark + 1 if other.close_mark is not None else other.end
        if hi > floor and hi <= m.open_mark:
            floor = hi
    i = j
    while i > floor and text[i - 1] not in ".?!;:":
        i -= 1
    if i > floor and text[i - 1] == "." and i - 2 >= floor and text[i - 2].isupper():
        return None  # "Mr." / "D.C." -- an abbreviation, not a sentence end: too unsure
    while i < m.open_mark and not text[i].isalnum():
        i += 1
    if i >= m.open_mark or not text[i].isupper() and i != ps:
        return None
    lead = text[i : m.open_mark]
    if len(lead.split()) > MAX_LEAD_WORDS:
        return None
    if draft.mention is not None and draft.mention.start_char < m.open_mark:
        return None
    lead_span = ctx.span_chars(i, m.open_mark)  # the lead's tokens, not a scan of the doc
    if lead_span is not None and any(
        i <= tok.idx < m.open_mark and ctx.lexicon.is_cue_verb(tok, "speech") for tok in lead_span
    ):
        return None
    return i


# complements of an embedding cue whose words belong to what was said: "said [the plan was]
# “…”", "called [the mayor] “…”", "urged [voters] [to “…”]", "described [it] [as “…”]"
LEAD_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "acomp", "attr", "dative"})


LEAD_PREPS = frozenset({"as", "of", "like"})


def _lead_child(tok: Token, cue: Token) -> bool:
    return tok.i > cue.i and (
        tok.dep_ in LEAD_DEPS or (tok.dep_ == "prep" and tok.lower_ in LEAD_PREPS)
    )


def _embedded_lead(ctx: DocContext, draft: Draft, k: int) -> int | None:
    """'She said the plan was “a disaster”': the cue's complement starts before the marks.

    The quote's first word hangs under the cue through one of the cue's complements; the
    content starts where that complement starts (an object before it comes along: "called
    [the mayor] “…”"), without a leading "that" (the reported-clause contract).
    """
    if draft.cue_token is None:
        return None
    doc = ctx.doc
    cue = doc[draft.cue_token]
    lo, hi = ctx.marked_tokens[k]
    child = None
    for tok in doc[lo:hi]:
        if tok.is_punct or tok.is_space:
            continue
        path = tok
        while path.head.i != path.i and path.head.i != cue.i:
            path = path.head
        if path.head.i == cue.i and path.i != cue.i:
            child = path
        break
    if child is None or not _lead_child(child, cue):
        return None
    parts = [child] + [
        c
        for c in cue.children
        if c.dep_ == "dobj" and cue.i < c.i < child.i and cue.lemma_ != "tell"
    ]
    first = min(c.left_edge.i for c in parts)
    if first <= cue.i:
        return None
    while first < lo and (
        doc[first].is_punct or doc[first].is_space or doc[first].lower_ == "that"
    ):
        first += 1
    if first >= lo or any(t.text in SENT_END for t in doc[first:lo]):
        return None
    if any(t.text == ":" for t in doc[first:lo]):
        return None  # `scolded him: “…”`: a colon hands over to the quote, which stays direct
    return doc[first].idx


def _embedded_tail(ctx: DocContext, draft: Draft, ceiling: int) -> int | None:
    """End of the cue's complement after the last closing mark, when words of it follow
    ("… as a “grave threat” to the region" → through "region"); None if the marks end it."""
    if draft.cue_token is None:
        return None
    doc = ctx.doc
    cue = doc[draft.cue_token]
    _, hi = ctx.marked_tokens[draft.marked[-1]]
    if hi >= len(doc) or hi <= 0:
        return None
    children = [c for c in cue.children if _lead_child(c, cue)]
    inner = [c for c in children if c.left_edge.i < hi <= c.right_edge.i]
    if not inner:
        return None
    right = max(c.right_edge.i for c in inner) + 1
    while right > hi and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    if right <= hi or any(t.text in SENT_END or ctx.quoted(t.i) for t in doc[hi:right]):
        return None
    end = doc[right - 1].idx + len(doc[right - 1].text)
    return end if end <= ceiling else None


def with_lead(ctx: DocContext, draft: Draft, floor: int = 0, ceiling: int = 1 << 62) -> None:
    """Let a quote start where its unquoted lead-in starts (it becomes a mixed quote)."""
    k = draft.marked[0]
    lead_in = DIRECT_METHODS[draft.method].lead_in
    if lead_in == "sentence":
        start = _sentence_lead(ctx, draft, k)
    elif lead_in == "complement":
        start = _embedded_lead(ctx, draft, k)
    elif lead_in == "short_complement":
        # "She listed things such as, “…”": a short lead between the cue and the marks
        start = _embedded_lead(ctx, draft, k)
        if start is not None and len(ctx.text[start : draft.start].split()) > MAX_LEAD_WORDS:
            start = None
    else:
        start = None
    if start is None or start >= draft.start or start < floor:
        return
    first_end = draft.fragments[0][1]
    draft.fragments[0] = (start, first_end)
    draft.kind = "mixed"
    # a mixed quote is a clause: it keeps the closing mark of the quote that ends it
    last = ctx.marked[draft.marked[-1]]
    if last.close_mark is not None and draft.end == last.end:
        draft.fragments[-1] = (draft.fragments[-1][0], last.close_mark + 1)
    if lead_in == "complement":
        end = _embedded_tail(ctx, draft, ceiling)
        if end is not None and end > draft.end:
            last_start = draft.fragments[-1][0]
            draft.fragments[-1] = (last_start, end)


def _next_starts(drafts: list[Draft]) -> list[int]:
    """For each draft, the least start among later drafts that start at or after its end."""
    out = [1 << 62] * len(drafts)
    later: list[int] = []  # starts of the drafts after i, sorted
    for i in range(len(drafts) - 1, -1, -1):
        j = bisect_left(later, drafts[i].end)
        if j < len(later):
            out[i] = later[j]
        insort(later, drafts[i].start)
    return out


def add_lead_ins(ctx: DocContext, drafts: list[Draft]) -> None:
    """Let each direct quote start where its unquoted lead-in starts, never reaching back into
    the quote before it nor forward into the next one."""
    floor = 0
    # the nearest later quote that starts after this one ends, found from suffix minima of
    # starts in one backward pass (a scan of all later quotes per quote was quadratic)
    ceilings = _next_starts(drafts)
    for i, draft in enumerate(drafts):
        if draft.kind == "direct":
            with_lead(ctx, draft, floor, ceilings[i])
        floor = max(floor, draft.end)
