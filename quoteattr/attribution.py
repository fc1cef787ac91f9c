"""Quote -> cue -> speaker mention: syntax first (subject of a cue verb), then proximity."""

from __future__ import annotations

from spacy.tokens import Span, Token

from quoteattr.context import SENT_END, DocContext, Draft

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# children whose subtrees are not part of a speaker's noun phrase
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "punct", "cc", "conj", "parataxis"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
DASHES = frozenset({"—", "–", "―", "-", "--"})
MAX_TRAIL = 30
MAX_LEAD = 40


# --- speaker mentions ------------------------------------------------------------------------


def is_first_person(tok: Token) -> bool:
    """'I'/'we' outside quotes is the writer, not a speaker ('US' is not 'us')."""
    return tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON


def subject_of(verb: Token, ctx: DocContext, depth: int = 0) -> Token | None:
    """The speaker token of a cue verb: its subject, the subject it shares, or the agent."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not ctx.quoted(child) and not child.is_punct:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    # "She added … and warned …", "…, adding …": the cue shares its head's subject
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head, ctx, depth + 1)
    return None


def inverted_speaker(verb: Token, ctx: DocContext, stop: int) -> Token | None:
    """`"…," said X` parsed without a subject: the first noun-like word after the verb."""
    for tok in ctx.doc[verb.i + 1 : stop]:
        if ctx.quoted(tok) or tok.is_punct:
            break
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not is_first_person(tok):
            head = tok
            while head.head.i != head.i and head.dep_ in ("compound", "amod", "det"):
                if ctx.quoted(head.head):  # `said Ann “Ross.”`: the head is inside the quote
                    break
                head = head.head
            return head
    return None


def mention_span(token: Token, ctx: DocContext) -> Span:
    """The whole noun phrase of a speaker: titles, appositions and affiliations, no clauses."""
    keep = {token.i}
    stack = [token]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and not (child.dep_ == "punct" and child.text in "()"):
                continue
            if ctx.quoted(child):
                continue
            keep.add(child.i)
            stack.append(child)
    lo = hi = token.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = ctx.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text != ")":
        hi -= 1
    return doc[lo : hi + 1]


# --- finding the cue next to a quote ---------------------------------------------------------


def _according_to(tok: Token, ctx: DocContext | None = None) -> Token | None:
    """For 'according to X' return X's head token."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            if ctx is not None and ctx.quoted(child):  # misparse: X cannot be inside a quote
                return inverted_speaker(nxt, ctx, len(tok.doc))
            return child
    return nxt.nbor(1) if nxt.i + 1 < len(tok.doc) else None


def _window_after(ctx: DocContext, close_tok: int) -> range:
    """Tokens after a quote's closing mark, up to the end of that sentence or the next quote."""
    doc = ctx.doc
    para = ctx.token_paragraph[close_tok - 1] if close_tok > 0 else 0
    i = close_tok
    end = min(len(doc), close_tok + MAX_TRAIL)
    while i < end:
        tok = doc[i]
        if ctx.quoted(i) or ctx.token_paragraph[i] != para:
            break
        i += 1
        if tok.text in SENT_END:
            break
    return range(close_tok, i)


def _window_before(ctx: DocContext, open_tok: int) -> range:
    """Tokens before a quote's opening mark, back to the start of that sentence or last quote."""
    doc = ctx.doc
    para = ctx.token_paragraph[open_tok] if open_tok < len(doc) else 0
    i = open_tok
    start = max(0, open_tok - MAX_LEAD)
    while i > start:
        tok = doc[i - 1]
        if ctx.quoted(i - 1) or ctx.token_paragraph[i - 1] != para or tok.text in SENT_END:
            break
        i -= 1
    return range(i, open_tok)


def _content_tokens(ctx: DocContext, k: int) -> tuple[int, int]:
    return ctx.marked_tokens[k]


def _last_content_char(ctx: DocContext, k: int) -> str:
    m = ctx.marked[k]
    return ctx.text[m.end - 1] if m.end > m.start else ""


def _draft_for_cue(
    ctx: DocContext, k: int, cue: Token, speaker: Token | None, method: str, conf: float
) -> Draft:
    m = ctx.marked[k]
    draft = Draft(
        fragments=list(m.pieces),
        cue=(cue.idx, cue.idx + len(cue.text)),
        cue_token=cue.i,
        method=method,
        confidence=conf,
        paragraph=ctx.paragraph_of(m.start),
        marked=[k],
    )
    if speaker is not None and not is_first_person(speaker):
        draft.mention = mention_span(speaker, ctx)
    return draft


def _cue_phrase_end(cue: Token) -> tuple[int, int]:
    return cue.idx, cue.idx + len(cue.text)


def _trailing(ctx: DocContext, k: int) -> Draft | None:
    doc = ctx.doc
    _, close = _content_tokens(ctx, k)
    window = _window_after(ctx, close)
    if not window:
        return None
    last = _last_content_char(ctx, k)
    first = doc[window.start]
    # "…" — Jane Moreau, senator   (dash trailer)
    if first.text in DASHES:
        for tok in doc[window.start + 1 : window.stop]:
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
                head = tok
                while head.dep_ in ("compound", "flat") and head.head.i in window:
                    head = head.head
                return _draft_for_cue(ctx, k, first, head, "dash_trailer", 0.85)
    for pos, tok in enumerate(doc[window.start : window.stop]):
        target = _according_to(tok, ctx)
        if target is not None:
            d = _draft_for_cue(ctx, k, tok, target, "according_to", 0.9)
            d.cue = (tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text))
            return d
        if not ctx.lexicon.is_cue_verb(tok, "speech"):
            continue
        # a cue far into a new sentence with a clause of its own reports something else
        if last in SENT_END and pos > 3:
            return None
        if any(c.dep_ == "ccomp" and not ctx.quoted(c) for c in tok.children) and pos > 3:
            return None
        subj = subject_of(tok, ctx)
        if subj is not None and subj.i >= window.start - 1:
            return _draft_for_cue(ctx, k, tok, subj, "trailing_subject", 0.93)
        if subj is not None and ctx.quoted(subj):
            subj = None
        if subj is None:
            inv = inverted_speaker(tok, ctx, window.stop)
            if inv is not None:
                return _draft_for_cue(ctx, k, tok, inv, "trailing_inverted", 0.85)
            return _draft_for_cue(ctx, k, tok, None, "trailing_no_speaker", 0.4)
        return _draft_for_cue(ctx, k, tok, subj, "trailing_subject", 0.85)
    return None


def _leading(ctx: DocContext, k: int) -> Draft | None:
    doc = ctx.doc
    open_tok, _ = _content_tokens(ctx, k)
    window = _window_before(ctx, open_tok)
    if not window:
        return None
    tail = [t for t in doc[window.start : window.stop] if not t.is_space]
    if not tail:
        return None
    end_tok = tail[-1]
    if end_tok.text not in (",", ":", "—", "–") and not ctx.lexicon.is_cue_verb(end_tok, "speech"):
        if end_tok.lower_ not in ("that", "saying", "says", "said", "say"):
            return None
    for tok in reversed(tail):
        target = _according_to(tok, ctx)
        if target is not None:
            d = _draft_for_cue(ctx, k, tok, target, "according_to", 0.9)
            d.cue = (tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text))
            return d
        if ctx.lexicon.is_cue_verb(tok, "speech"):
            subj = subject_of(tok, ctx)
            if subj is not None:
                return _draft_for_cue(ctx, k, tok, subj, "leading_subject", 0.92)
            inv = inverted_speaker(tok, ctx, window.stop)
            return _draft_for_cue(ctx, k, tok, inv, "leading_no_subject", 0.6 if inv else 0.4)
    if end_tok.text == ":":
        # "Smith:" / "From the desk of Jane Moreau:" — the last name before the colon
        for tok in reversed(tail[:-1]):
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
                head = tok
                while head.dep_ in ("compound", "flat") and head.head.i in window:
                    head = head.head
                return _draft_for_cue(ctx, k, end_tok, head, "colon_name", 0.8)
    return None


def _colon_paragraph(ctx: DocContext, k: int) -> Draft | None:
    """A paragraph ending in ':' introduces the quote that opens the next paragraph."""
    doc = ctx.doc
    open_tok, _ = _content_tokens(ctx, k)
    i = open_tok - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":" or ctx.token_paragraph[i] == ctx.token_paragraph[open_tok]:
        return None
    colon = doc[i]
    window = _window_before(ctx, i)
    for tok in reversed(doc[window.start : window.stop]):
        if ctx.lexicon.is_cue_verb(tok, "speech"):
            subj = subject_of(tok, ctx) or inverted_speaker(tok, ctx, i)
            return _draft_for_cue(ctx, k, tok, subj, "colon_paragraph", 0.85)
    for tok in reversed(doc[window.start : window.stop]):
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
            head = tok
            while head.dep_ in ("compound", "flat") and head.head.i in window:
                head = head.head
            return _draft_for_cue(ctx, k, colon, head, "colon_paragraph", 0.75)
    return None


def _short_term(ctx: DocContext, k: int) -> bool:
    """Scare quotes, titles and nicknames: a few words that do not read as a statement."""
    m = ctx.marked[k]
    return m.words <= 4 and ctx.text[m.end - 1] not in ".?!,"


def attribute_direct(ctx: DocContext) -> list[Draft]:
    """Give every quote-marked span a cue and speaker mention, merging interrupted quotes."""
    drafts: list[Draft] = []
    prev: Draft | None = None
    for k, m in enumerate(ctx.marked):
        para = ctx.paragraph_of(m.start)
        ends_open = _last_content_char(ctx, k) == ","
        trail = _trailing(ctx, k)
        lead = _leading(ctx, k)
        chosen: Draft | None
        if trail is not None and lead is not None:
            chosen = trail if ends_open or lead.method == "leading_no_subject" else lead
        else:
            chosen = trail or lead
        if chosen is None:
            chosen = _colon_paragraph(ctx, k)
        # "…," she said, "…" — one quote interrupted by its attribution
        if (
            prev is not None
            and chosen is not None
            and prev.cue_token is not None
            and chosen.cue_token == prev.cue_token
        ):
            prev.fragments.extend(m.pieces)
            prev.marked.append(k)
            continue
        if chosen is None:
            if _short_term(ctx, k):
                prev = None
                continue
            if prev is not None and prev.paragraph == para and prev.mention is not None:
                # floating continuation within the paragraph: part of the same quotation
                prev.fragments.extend(m.pieces)
                prev.marked.append(k)
                continue
            chosen = Draft(
                fragments=list(m.pieces), paragraph=para, marked=[k], method="none", confidence=0.3
            )
            if prev is not None and prev.mention is not None and para - prev.paragraph <= 1:
                chosen.mention = prev.mention
                chosen.cue, chosen.cue_token = prev.cue, prev.cue_token
                chosen.method = "floating_previous_paragraph"
                chosen.confidence = 0.75
        elif _short_term(ctx, k) and chosen.method not in ("trailing_subject", "leading_subject"):
            prev = None
            continue
        drafts.append(chosen)
        prev = chosen
    return drafts
