"""The cue rules of direct quotes: each finds the cue of one quote-marked span and the token
of its speaker, and returns a draft with its method (confidences: direct_methods.py). The order
they are tried in is `attribution.CUE_RULES`."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from quoteattr.context import SENT_END, DocContext, Draft
from quoteattr.direct_methods import (
    DIRECT_METHODS,
    FIRST_PERSON_CAP,
    NOT_A_SPEAKER_CAP,
    confidence_of,
)
from quoteattr.syntax import (
    DASHES,
    NAME_DEPS,
    SUBJECT_DEPS,
    SUBORDINATORS,
    better_adjacent,
    climb,
    first_person_narration,
    inverted_speaker,
    is_first_person,
    mention_span,
    nearest_speaker_before,
    quoted_as_saying,
    speaker_like,
    subject_of,
)

MAX_TRAIL = 30
MAX_LEAD = 40


# --- finding the cue next to a quote ---------------------------------------------------------


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
    ctx: DocContext, k: int, cue: Token, speaker: Token | None, method: str, weaker: bool = False
) -> Draft:
    """The draft of quote k with this cue and speaker, at its method's confidence (capped when
    the speaker is the narrator's "I" or a subject that cannot speak)."""
    conf = confidence_of(method, weaker)
    m = ctx.marked[k]
    draft = Draft(
        fragments=list(m.pieces),
        cue=_cue_extent(ctx, cue),
        cue_token=cue.i,
        method=method,
        confidence=conf,
        paragraph=ctx.paragraph_of(m.start),
        marked=[k],
    )
    if speaker is not None and is_first_person(speaker) and first_person_narration(ctx):
        draft.mention = mention_span(speaker, ctx)
        draft.confidence = min(conf, FIRST_PERSON_CAP)
    elif speaker is not None and not is_first_person(speaker):
        draft.mention = mention_span(speaker, ctx)
        if not speaker_like(speaker, ctx):
            # a subject that cannot speak ('the plan', '5 p.m.') is more often a bad parse
            draft.confidence = min(conf, NOT_A_SPEAKER_CAP)
    return draft


def _cue_extent(ctx: DocContext, cue: Token) -> tuple[int, int]:
    """The cue's characters, with a listed phrase that follows it (`said in a statement`)."""
    doc = ctx.doc
    end_tok = cue
    for start in (cue.i, cue.i + 1, cue.i + 2):
        if start >= len(doc) or ctx.quoted(start):
            break
        end = ctx.lexicon.phrase_at(doc, start)
        if end is not None and not any(ctx.quoted(i) for i in range(start, end)):
            end_tok = doc[end - 1]
            break
    return cue.idx, end_tok.idx + len(end_tok.text)


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


def _according_draft(ctx: DocContext, k: int, tok: Token, target: Token) -> Draft:
    """'… according to X': the two words are the cue, X the speaker."""
    d = _draft_for_cue(ctx, k, tok, target, "according_to")
    d.cue = (tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text))
    return d


def _phrase_cue(ctx: DocContext, k: int, window: range, leading: bool) -> Draft | None:
    """`"…," the ministry said in a statement` is handled by the verb; this is the verbless
    case: `X, in a statement: "…"` / `"…," X told reporters` with a misparsed verb."""
    doc = ctx.doc
    for i in window:
        end = ctx.lexicon.phrase_at(doc, i)
        if end is None or end > window.stop:
            continue
        speaker = nearest_speaker_before(ctx, window.start, i)
        if speaker is None and not leading:
            speaker = nearest_speaker_before(ctx, end, window.stop)
        if speaker is None:
            continue
        d = _draft_for_cue(ctx, k, doc[i], speaker, "phrase_cue")
        d.cue = (doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text))
        return d
    return None


def trailing_rule(ctx: DocContext, k: int) -> Draft | None:
    doc = ctx.doc
    _, close = _content_tokens(ctx, k)
    window = _window_after(ctx, close)
    if not window:
        return None
    last = _last_content_char(ctx, k)
    first = doc[window.start]
    # "…" — Jane Moreau, senator   (dash trailer; the dash may be glued to the closing mark)
    if first.text in DASHES or first.text[:1] in "—–―" or _dash_after_close(ctx, k):
        for tok in doc[window.start : window.stop]:
            if tok.text in DASHES:
                continue
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
                head = climb(tok, NAME_DEPS, window.start, window.stop)
                while (
                    head.dep_ == "poss"
                    and head.head.pos_ == "PROPN"
                    and window.start <= head.head.i < window.stop
                ):  # "… ' - Harbour FA's Dube hits out": the person, not whose
                    head = climb(head.head, NAME_DEPS, window.start, window.stop)
                d = _draft_for_cue(ctx, k, first, head, "dash_trailer")
                d.cue = _dash_chars(ctx, k) or d.cue
                return d
    for pos, tok in enumerate(doc[window.start : window.stop]):
        target = _according_to(tok, ctx)
        if target is not None:
            return _according_draft(ctx, k, tok, target)
        if not ctx.lexicon.is_cue_verb(tok, "speech"):
            continue
        if (
            last in SENT_END
            and window.stop < len(doc)
            and ctx.quoted(window.stop)
            and doc[window.stop - 1].text in (",", ":")
        ):
            # `"Q1." To which she said, "Q2"`: the cue introduces the next quote
            return None
        subj = subject_of(tok, ctx)
        # `"Q?" a narrator in the ad asks.`: the cue's subject opens the trailer
        adjacent = subj is not None and mention_span(subj, ctx).start <= window.start + 1
        # a cue far into a new sentence with a clause of its own reports something else
        if last in SENT_END and pos > 3 and not adjacent:
            return None
        if (
            any(c.dep_ == "ccomp" and not ctx.quoted(c) for c in tok.children)
            and pos > 3
            and not adjacent
        ):
            return None
        if any(
            (c.dep_ == "mark" and c.lower_ not in ("as", "so"))
            or (c.dep_ == "advmod" and c.lower_ in SUBORDINATORS)
            for c in tok.children
        ):
            # `"…," when Smith said it` / `while 70 percent said`: a clause of its own
            continue
        if tok.dep_ in ("relcl", "acl", "pcomp") and pos > 2 and not quoted_as_saying(ctx, tok):
            # `… "fair," engaging in what analysts described as …`: a cue inside a modifier
            continue
        if subj is not None and subj.i >= window.start - 1:
            return _draft_for_cue(ctx, k, tok, subj, "trailing_subject")
        if subj is not None and ctx.quoted(subj):
            subj = None
        if subj is None:
            before = nearest_speaker_before(ctx, window.start, tok.i)
            if before is not None:
                return _draft_for_cue(ctx, k, tok, before, "trailing_name_before_cue")
            inv = inverted_speaker(tok, ctx, window.stop)
            if inv is not None:
                return _draft_for_cue(ctx, k, tok, inv, "trailing_inverted")
            return _draft_for_cue(ctx, k, tok, None, "trailing_no_speaker")
        if _quote_inside_speaker(subj, ctx, k):
            return None
        return _draft_for_cue(ctx, k, tok, subj, "trailing_subject", weaker=True)
    if _last_content_char(ctx, k) in ",":
        return _phrase_cue(ctx, k, window, leading=False)
    return None


def _dash_chars(ctx: DocContext, k: int) -> tuple[int, int] | None:
    close = ctx.marked[k].close_mark
    if close is None:
        return None
    i = close + 1
    while i < len(ctx.text) and ctx.text[i] == " ":
        i += 1
    j = i
    while j < len(ctx.text) and ctx.text[j] in "—–―-":
        j += 1
    return (i, j) if j > i else None


def _dash_after_close(ctx: DocContext, k: int) -> bool:
    m = ctx.marked[k]
    if m.close_mark is None:
        return False
    rest = ctx.text[m.close_mark + 1 : m.close_mark + 4].lstrip(" ")
    # a hyphen counts only when a capitalised word follows: `"…" -Sen. Ann Ruiz`
    return rest[:1] in "—–―" or rest[:2] == "--" or (rest[:1] == "-" and rest[1:2].isupper())


def _subordinate(verb: Token) -> bool:
    """A verb that heads a when/while/after clause (`when Smith said it`)."""
    return any(
        (c.dep_ == "mark" and c.lower_ not in ("as", "so", "that"))
        or (c.dep_ == "advmod" and c.lower_ in SUBORDINATORS)
        for c in verb.children
    )


def _name_before_comma(ctx: DocContext, cue: Token, floor: int) -> Token | None:
    """`Speaking in Ohio, Gov. Ana Ruiz (R-Ohio), said, "…"`: the person named right before
    the comma that precedes the cue, past a bracketed affiliation."""
    doc = ctx.doc
    j = cue.i - 1
    if j <= floor or doc[j].text != ",":
        return None
    j -= 1
    if doc[j].text == ")":
        while j > floor and doc[j].text != "(":
            j -= 1
        j -= 1
    if j < floor or ctx.quoted(j) or doc[j].ent_type_ != "PERSON":
        return None
    return climb(doc[j], NAME_DEPS, floor, cue.i)


def leading_rule(ctx: DocContext, k: int) -> Draft | None:
    doc = ctx.doc
    open_tok, _ = _content_tokens(ctx, k)
    window = _window_before(ctx, open_tok)
    if not window:
        return None
    tail = [t for t in doc[window.start : window.stop] if not t.is_space]
    if not tail:
        return None
    end_tok = tail[-1]
    colon = end_tok.is_punct and end_tok.text.endswith(":")  # also "):" as one token
    if (
        end_tok.text not in (",", ":", "—", "–")
        and not colon
        and not ctx.lexicon.is_cue_verb(end_tok, "speech")
    ):
        if end_tok.lower_ not in ("that", "saying", "says", "said", "say"):
            return None
    for tok in reversed(tail):
        target = _according_to(tok, ctx)
        if target is not None:
            return _according_draft(ctx, k, tok, target)
        if ctx.lexicon.is_cue_verb(tok, "speech"):
            if _subordinate(tok) and any(
                t.pos_ == "VERB" and t.i > tok.i and not _subordinate(t) for t in tail
            ):
                # `When Ivo Marsh criticized him, Ana shot back, "…"`: the cue of a when-clause
                # is not the quote's; the main verb after it is
                continue
            subj = better_adjacent(ctx, tok, subject_of(tok, ctx))
            if subj is not None:
                return _draft_for_cue(ctx, k, tok, subj, "leading_subject")
            # never a word of an earlier sentence: "Harbourpur (Tamsin): While …, Minister
            # …, Anil Dahar, said" has a dateline of its own before the cue's sentence
            start = max(window.start, tok.sent.start)
            before = _name_before_comma(ctx, tok, start) or nearest_speaker_before(
                ctx, start, tok.i
            )
            if before is not None:
                return _draft_for_cue(ctx, k, tok, before, "leading_name_before_cue")
            inv = inverted_speaker(tok, ctx, window.stop)
            return _draft_for_cue(ctx, k, tok, inv, "leading_no_subject", weaker=inv is None)
    phrase = _phrase_cue(ctx, k, window, leading=True)
    if phrase is not None:
        return phrase
    if colon:
        # `She scolded him: "…"` / `I had to change my answer: "…"`: any verb's subject
        subj = _subject_before_colon(ctx, tail[:-1])
        if subj is not None:
            return _draft_for_cue(ctx, k, end_tok, subj, "colon_subject")
        # "Smith:" / "From the desk of Jane Moreau:" — the last name before the colon, not one
        # in brackets after it ("Sen. Ann Ruiz (D-Ohio):", "Ines Falk (@InesFalk):")
        depth = 1 if end_tok.text.startswith(")") else 0
        for tok in reversed(tail[:-1]):
            if tok.text == ")":
                depth += 1
            elif tok.text == "(":
                depth = max(depth - 1, 0)
                continue
            if depth:
                continue
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
                head = climb(tok, NAME_DEPS, window.start, window.stop)
                return _draft_for_cue(ctx, k, end_tok, head, "colon_name")
    return None


def _subject_before_colon(ctx: DocContext, tokens: Iterable[Token]) -> Token | None:
    """The subject of the last verb before a colon that has a speaker-like one ("Kwame Asante,
    a pensioner who had driven in from Tema, did not hide his dismay:")."""
    for tok in reversed(list(tokens)):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            subj = subject_of(tok, ctx)
            if subj is not None and (
                speaker_like(subj, ctx) or (is_first_person(subj) and first_person_narration(ctx))
            ):
                return subj
    return None


def colon_paragraph_rule(ctx: DocContext, k: int) -> Draft | None:
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
            return _draft_for_cue(ctx, k, tok, subj, "colon_paragraph")
    # no speech verb: the subject of another verb, before the last name of the paragraph
    subj = _subject_before_colon(ctx, doc[window.start : i])
    if subj is not None:
        return _draft_for_cue(ctx, k, colon, subj, "colon_paragraph", weaker=True)
    for tok in reversed(doc[window.start : window.stop]):
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
            head = climb(tok, NAME_DEPS, window.start, window.stop)
            return _draft_for_cue(ctx, k, colon, head, "colon_paragraph", weaker=True)
    return None


# --- quotes inside a sentence: the verb that governs them ----------------------------------


def _governors(ctx: DocContext, k: int) -> list[Token]:
    """Words outside the quote that govern it, nearest first (the quote's syntactic heads)."""
    lo, hi = _content_tokens(ctx, k)
    doc = ctx.doc
    out: list[Token] = []
    seen: set[int] = set()
    para = ctx.token_paragraph[lo]
    for tok in doc[lo:hi]:
        head = tok.head
        # a quote may hang on another quote (`"a liar"` conj of `"a basket case"`): climb on
        if head.i == tok.i or ctx.in_quote[head.i] == k or tok.dep_ == "punct":
            continue
        if tok.dep_ in SUBJECT_DEPS:
            # the quote is the subject of something: it is not said by that verb's subject
            continue
        anc: Token | None = head
        while anc is not None and anc.i not in seen and ctx.token_paragraph[anc.i] == para:
            seen.add(anc.i)
            if not ctx.quoted(anc):
                out.append(anc)
            anc = anc.head if anc.head.i != anc.i else None
    return out


def _quote_inside_speaker(subj: Token, ctx: DocContext, k: int) -> bool:
    """Does the marked span sit inside the speaker's own phrase (`Ann Ruiz, known as "the
    Hammer", said …`)? Then the words describe the speaker; they are not what was said."""
    first, end = _content_tokens(ctx, k)
    return subj.left_edge.i <= first and subj.right_edge.i >= end - 1


def embedded_rule(ctx: DocContext, k: int) -> Draft | None:
    """A quote inside someone's sentence (`X called it "a disgrace"`, `X said he would "win"`):
    the nearest governing speech verb's subject; else a noun cue's possessor; else the nearest
    governing verb's subject (a weaker guess)."""
    governors = _governors(ctx, k)
    # `The plan, officials said, is "dead"`: the inserted speech clause hangs on the governor
    inserted = [
        c
        for g in governors
        for c in g.children
        if c.dep_ == "parataxis" and not ctx.quoted(c) and ctx.lexicon.is_cue_verb(c, "speech")
    ]
    fallback: Draft | None = None
    for tok in governors + inserted:
        if ctx.lexicon.is_cue_verb(tok, "speech"):
            subj = subject_of(tok, ctx)
            if subj is None or (is_first_person(subj) and not first_person_narration(ctx)):
                continue
            if _quote_inside_speaker(subj, ctx, k):
                return None
            if speaker_like(subj, ctx):
                return _draft_for_cue(ctx, k, tok, subj, "embedded_speech_verb")
            if fallback is None:  # the subject cannot speak: the rule's weaker case
                fallback = _draft_for_cue(ctx, k, tok, subj, "embedded_speech_verb", weaker=True)
        target = _according_to(tok) if tok.lower_ == "according" else None
        if target is not None:
            return _according_draft(ctx, k, tok, target)
    for tok in governors:
        if ctx.lexicon.is_cue_noun(tok, "attribution"):
            for child in tok.children:
                if child.dep_ == "poss" and not ctx.quoted(child) and not is_first_person(child):
                    return _draft_for_cue(ctx, k, tok, child, "embedded_noun_possessor")
    if fallback is not None:
        return fallback
    for tok in governors:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            subj = subject_of(tok, ctx)
            if subj is not None and not is_first_person(subj) and speaker_like(subj, ctx):
                if ctx.lexicon.is_cue_verb(tok, "attribution"):
                    return _draft_for_cue(ctx, k, tok, subj, "embedded_attribution_verb")
                return _draft_for_cue(ctx, k, tok, subj, "embedded_verb")
    # last resort: whatever the governing verb's subject is (`Only half of voters agreed …`)
    for tok in governors:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            subj = subject_of(tok, ctx)
            if subj is not None and not is_first_person(subj) and subj.pos_ != "PRON":
                return _draft_for_cue(ctx, k, tok, subj, "embedded_verb", weaker=True)
    return None


def _linked(ctx: DocContext, k: int, cue_token: int | None) -> bool:
    """Whether the cue governs some word of the quote in the parse."""
    if cue_token is None:
        return False
    lo, hi = _content_tokens(ctx, k)
    cue = ctx.doc[cue_token]
    return any(cue in tok.ancestors for tok in ctx.doc[lo:hi])


def previous_sentence_rule(ctx: DocContext, k: int) -> Draft | None:
    """`Her partner called him a master of deals. "He never gave up."`: a quote that opens a
    sentence continues a speech verb that heads the sentence just before it, same paragraph."""
    doc = ctx.doc
    open_tok, _ = _content_tokens(ctx, k)
    i = open_tok - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text not in SENT_END or ctx.quoted(i):
        return None
    # the sentence may close the paragraph before (`She told members the plan was dead.⏎⏎"…"`)
    if ctx.token_paragraph[open_tok] - ctx.token_paragraph[i] > 1:
        return None
    sent = doc[i].sent
    if any(ctx.quoted(t) for t in sent):
        return None
    root = sent.root
    for verb in [root, *(c for c in root.children if c.dep_ == "conj")]:
        if ctx.lexicon.is_cue_verb(verb, "speech"):
            subj = subject_of(verb, ctx)
            if subj is not None and not is_first_person(subj) and speaker_like(subj, ctx):
                return _draft_for_cue(ctx, k, verb, subj, "previous_sentence")
    # `Union leader Dana Kerr was defiant. “We will fight on.”`: in the same paragraph, a
    # quote with no cue that ends the paragraph belongs to the person the sentence before is
    # about (no cue word: the quote carries no cue)
    # `Tom Reed, the boy's father, is not happy.⏎⏎“We come here every week.”`: also a paragraph
    # that is all one quote, after a paragraph whose last sentence is about a person it names
    same_paragraph = ctx.token_paragraph[i] == ctx.token_paragraph[open_tok]
    whole_paragraph = ctx.marked[k].open_mark == ctx.paragraphs[ctx.token_paragraph[open_tok]][0]
    if not (same_paragraph or whole_paragraph) or not _ends_paragraph(ctx, k):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or is_first_person(subj) or not speaker_like(subj, ctx):
        return None
    if not same_paragraph and subj.ent_type_ != "PERSON":
        return None
    if subj.pos_ != "PRON" and subj.ent_type_ != "PERSON" and not ctx.lexicon.is_title_word(subj):
        return None
    draft = _draft_for_cue(ctx, k, root, subj, "previous_sentence_subject")
    draft.cue = None
    draft.cue_token = None
    return draft


def _ends_paragraph(ctx: DocContext, k: int) -> bool:
    m = ctx.marked[k]
    _, pe = ctx.paragraphs[ctx.paragraph_of(m.end)]
    end = m.close_mark + 1 if m.close_mark is not None else m.end
    return not ctx.text[end:pe].strip(" .\"'\u201d\u2019")


# --- the cue next to the marks: trailing or leading ---------------------------------------


def cue_next_to_marks(ctx: DocContext, k: int) -> Draft | None:
    """A cue right after the closing mark or right before the opening one (`trailing_*`,
    `leading_*`, `dash_trailer`, `according_to`, `phrase_cue`, `colon_subject`, `colon_name`).

    With both, the trailing cue wins when the quote ends open (`"We will," she said, "…"`) or
    the leading cue has no subject. A governing speech verb beats a trailing cue the parse does
    not connect to the quote (`X described it as "…," but stopped short of calling …`)."""
    ends_open = _last_content_char(ctx, k) == ","
    trail = trailing_rule(ctx, k)
    lead = leading_rule(ctx, k)
    if trail is None:
        return lead
    if lead is not None and not (ends_open or DIRECT_METHODS[lead.method].cue_without_subject):
        return lead
    if not _linked(ctx, k, trail.cue_token):
        emb = embedded_rule(ctx, k)
        weak = confidence_of("embedded_speech_verb", weaker=True)  # a subject that cannot speak
        if (
            emb is not None
            and DIRECT_METHODS[emb.method].speech_verb_governs
            and emb.confidence > weak
        ):
            return emb
    return trail
