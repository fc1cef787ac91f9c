"""Reported speech (no quote marks) and mixed quotes, found from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from quoteattr.attribution import is_first_person, mention_span, subject_of
from quoteattr.context import DocContext, Draft

CONTENT_DEPS = frozenset({"ccomp"})
EDGE_WORDS = frozenset({"that"})
MIN_CONTENT_TOKENS = 2


def _trim(ctx: DocContext, lo: int, hi: int) -> tuple[int, int]:
    """Token range [lo, hi) without edge punctuation, spaces or a leading 'that'."""
    doc = ctx.doc
    while lo < hi and (
        doc[lo].is_space
        or (doc[lo].is_punct and not ctx.quoted(lo))
        or doc[lo].lower_ in EDGE_WORDS
    ):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or (doc[hi - 1].is_punct and not ctx.quoted(hi - 1))):
        hi -= 1
    return lo, hi


def _clause_range(ctx: DocContext, head: Token, cue: Token) -> tuple[int, int]:
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    # never let the content swallow its own cue (parses sometimes attach the cue inside)
    if lo <= cue.i < hi:
        if cue.i - lo > hi - cue.i:
            hi = cue.i
        else:
            lo = cue.i + 1
    return _trim(ctx, lo, hi)


def _according_content(ctx: DocContext, acc: Token) -> tuple[int, int] | None:
    """'According to X, <clause>' / '<clause>, according to X': the clause."""
    head = acc.head
    if head.i == acc.i:
        return None
    phrase_lo, phrase_hi = acc.left_edge.i, acc.right_edge.i + 1
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if phrase_lo <= lo:
        lo = phrase_hi
    elif phrase_hi >= hi:
        hi = phrase_lo
    else:
        return None
    return _trim(ctx, lo, hi)


def _speaker_of_according(acc: Token) -> Token | None:
    for to in acc.children:
        if to.lower_ == "to":
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _noun_speaker(noun: Token, ctx: DocContext) -> Token | None:
    """'X's claim that …' / 'X made the claim that …' / 'in a statement, X …'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ in ("dobj", "pobj", "attr"):
        verb = noun.head if noun.dep_ != "pobj" else noun.head.head
        return subject_of(verb, ctx)
    return None


def find_reported(ctx: DocContext, direct: list[Draft]) -> list[Draft]:
    """Reported and mixed quotes; direct drafts wholly inside a mixed quote are absorbed."""
    doc = ctx.doc
    lex = ctx.lexicon
    found: list[Draft] = []
    for tok in doc:
        if ctx.quoted(tok.i):
            continue
        rng: tuple[int, int] | None = None
        speaker: Token | None = None
        method = ""
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            rng = _according_content(ctx, tok)
            speaker = _speaker_of_according(tok)
            method = "reported_according_to"
            cue = (tok.idx, doc[tok.i + 1].idx + 2)
        elif lex.is_cue_verb(tok, ctx.scope):
            comps = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
            if not comps:
                continue
            comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
            rng = _clause_range(ctx, comp, tok)
            speaker = subject_of(tok, ctx)
            method = "reported_clause"
            cue = (tok.idx, tok.idx + len(tok.text))
        elif lex.is_cue_noun(tok, ctx.scope):
            comps = [
                c
                for c in tok.children
                if c.dep_ in ("acl", "ccomp")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ]
            if not comps:
                continue
            rng = _clause_range(ctx, comps[0], tok)
            speaker = _noun_speaker(tok, ctx)
            method = "reported_noun_cue"
            cue = (tok.idx, tok.idx + len(tok.text))
        else:
            continue
        if rng is None or rng[1] - rng[0] < MIN_CONTENT_TOKENS:
            continue
        lo, hi = rng
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if not ctx.paragraph_of(start) <= ctx.paragraph_of(cue[0]) <= ctx.paragraph_of(end - 1):
            continue  # the parse ran over a paragraph break: a clause away from its cue
        marked_inside = [
            k for k, m in enumerate(ctx.marked) if m.open_mark >= start - 1 and m.start < end
        ]
        quoted_chars = sum(min(end, ctx.marked[k].end) - ctx.marked[k].start for k in marked_inside)
        if quoted_chars >= 0.6 * (end - start):
            continue  # the clause is a direct quote: attributed by the direct-quote rules
        if any(
            d.start < end and start < d.end and not set(d.marked) <= set(marked_inside)
            for d in direct
        ):
            continue
        kind = "mixed" if marked_inside else "indirect"
        draft = Draft(
            fragments=[(start, end)],
            kind=kind,
            cue=cue,
            cue_token=tok.i,
            method=method,
            confidence=0.8 if speaker is not None else 0.35,
            paragraph=ctx.paragraph_of(start),
            marked=marked_inside,
        )
        if speaker is not None and not is_first_person(speaker):
            draft.mention = mention_span(speaker, ctx)
        elif speaker is not None:
            draft.confidence = 0.35
        found.append(draft)
    return _without_nested(found)


def _without_nested(drafts: list[Draft]) -> list[Draft]:
    """Keep the outermost of overlapping reported clauses ('X said Y told him that …')."""
    drafts.sort(key=lambda d: (d.start, -d.end))
    out: list[Draft] = []
    for d in drafts:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out
