"""Quote -> cue -> speaker mention: syntax first (subject of a cue verb), then proximity."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from spacy.tokens import Span, Token

from quoteattr.context import SENT_END, DocContext, Draft
from quoteattr.cues import Lexicon
from quoteattr.marks import MarkedSpan

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj"})
# children whose subtrees are not part of a speaker's noun phrase
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "punct", "cc", "conj", "parataxis"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DASHES = frozenset({"—", "–", "―", "-", "--"})
NOT_SPEAKER_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
AMOUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
SUBORDINATORS = frozenset({"when", "while", "after", "before", "because", "if", "since", "where"})
MAX_TRAIL = 30
MAX_LEAD = 40


# --- speaker mentions ------------------------------------------------------------------------


def is_first_person(tok: Token) -> bool:
    """'I'/'we' outside quotes is the writer, not a speaker ('US' is not 'us')."""
    return tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON


def first_person_narration(ctx: DocContext) -> bool:
    """Whether the writer tells the story as 'I' (a memoir, a letter, a column): then 'I said,
    "…"' is a real speaker. Three singular first-person words outside quotes are enough."""
    cached = ctx.__dict__.get("_first_person")
    if cached is None:
        count = sum(
            1
            for tok in ctx.doc
            if tok.lower_ in ("i", "me", "my") and tok.pos_ == "PRON" and not ctx.quoted(tok)
        )
        cached = ctx.__dict__["_first_person"] = count >= 3
    return bool(cached)


def relative_antecedent(tok: Token) -> Token | None:
    """For the 'who' of "Dr. Lena Ortiz, who said …", the noun the relative clause describes.

    PolNeAR marks the relative pronoun as the source, so it stays the mention; the resolver
    names the speaker through this noun."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in ("WP", "WDT"):
        return None
    host = tok.head
    while host.dep_ in ("conj", "xcomp") and host.head is not host:
        host = host.head
    if host.dep_ == "relcl" and host.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return host.head
    return None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


QUOTING_VERBS = frozenset({"quote", "cite"})


def _quoted_as_saying(ctx: DocContext, verb: Token) -> Token | None:
    """`Reuters quoted a senior official as saying …`: the one quoted says it, not Reuters."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "as":
        return None
    if prep.head.lemma_.lower() not in QUOTING_VERBS:
        return None
    quoted = [c for c in prep.head.children if c.dep_ == "dobj" and not ctx.quoted(c)]
    return quoted[0] if quoted else None


def subject_of(verb: Token, ctx: DocContext, depth: int = 0) -> Token | None:
    """The speaker token of a cue verb: its subject, the subject it shares, or the agent."""
    para = ctx.token_paragraph[verb.i]
    quoted = _quoted_as_saying(ctx, verb)
    if quoted is not None:
        return quoted
    # a passive with its agent: "Voters were told by the governor …" — the subject is the
    # hearer (or the content), the agent the speaker
    agent = _agent_of(verb)
    if agent is not None and not ctx.quoted(agent) and ctx.token_paragraph[agent.i] == para:
        return agent
    # two subjects happen when the parse swallows an opening clause ("Sentencing Ann Ross at
    # the court, Judge Lee said …"): the one nearest the verb is the speaker
    subjects = sorted(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS),
        key=lambda c: abs(c.i - verb.i),
    )
    for child in subjects:
        if not ctx.quoted(child) and not child.is_punct:
            # a parse that runs across a paragraph break ('5 p.m.⏎⏎The doctor is calling…')
            # does not give the verb a subject from another paragraph
            if ctx.token_paragraph[child.i] != para:
                return _paragraph_opening_subject(verb, ctx)
            return _past_dateline(ctx, child, verb) or child
    # "She added … and warned …", "…, adding …", "he ended by saying …": the cue shares
    # the subject of the verb it hangs on
    if depth < 4 and verb.dep_ in SHARED_SUBJECT_DEPS and verb.head is not verb:
        host = verb.head
        if (
            verb.tag_ == "VBG"
            and host.dep_ == "ccomp"
            and ctx.lexicon.is_cue_verb(host.head, "speech")
            and ctx.lexicon.is_cue_verb(verb, "speech")
        ):
            # `Trump told Newsmax that Romney "had …," adding, "…"`: the parse hangs "adding"
            # on the reported clause; it is the reporting speaker who adds
            host = host.head
        return subject_of(host, ctx, depth + 1)
    return None


DATELINE_WORDS = 8  # "CLEVELAND, July 19 (UPI) —": a dateline is this short


def _past_dateline(ctx: DocContext, subj: Token, verb: Token) -> Token | None:
    """`WASHINGTON — Sen. Ana Ruiz said …` parsed with the dateline as the subject: the
    speaker is the first name after the dateline's dash."""
    doc = ctx.doc
    para = ctx.token_paragraph[subj.i]
    start = subj.i
    while start > 0 and ctx.token_paragraph[start - 1] == para:
        start -= 1
    while start < subj.i and doc[start].is_space:
        start += 1
    if subj.i - start > 1:
        return None
    # a place in capitals, or followed by a date or an agency: `SALEM —`, `Salem, May 3 —`,
    # `Salem (AP) —`; not `Ana Ruiz — who ran the agency — said`
    nxt = doc[subj.i + 1 : subj.i + 3]
    if not (
        (subj.is_upper and len(subj.text) > 1)
        or (len(nxt) and nxt[0].text == "(")
        or (len(nxt) == 2 and nxt[0].text == "," and nxt[1].ent_type_ == "DATE")
    ):
        return None
    for j in range(subj.i + 1, min(verb.i, start + DATELINE_WORDS)):
        if doc[j].text in DASHES:
            return nearest_speaker_before(ctx, j + 1, verb.i)
    return None


def better_adjacent(ctx: DocContext, verb: Token, subj: Token | None) -> Token | None:
    """`… made public ― Trump boasted, "…"`: when the parsed subject cannot speak but a name
    stands right before the verb, the name is the speaker."""
    if subj is not None and speaker_like(subj, ctx):
        return subj
    j = verb.i - 1
    while j >= 0 and ctx.doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    if j < 0 or ctx.quoted(j) or ctx.token_paragraph[j] != ctx.token_paragraph[verb.i]:
        return subj
    before = ctx.doc[j]
    if before.pos_ in ("PROPN", "NOUN", "PRON") and speaker_like(before, ctx):
        return before
    return subj


def _paragraph_opening_subject(verb: Token, ctx: DocContext) -> Token | None:
    """`5 p.m.⏎⏎The senator's doctor is calling …` parsed as one sentence: the noun phrase
    that opens the verb's paragraph, when nothing but that phrase stands before the verb."""
    para = ctx.token_paragraph[verb.i]
    lo = verb.i
    while lo > 0 and ctx.token_paragraph[lo - 1] == para:
        lo -= 1
    span = [t for t in ctx.doc[lo : verb.i] if not t.is_space]
    if not span or any(t.pos_ == "VERB" or ctx.quoted(t) for t in span):
        return None
    first = next((t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if first is None:
        return None
    head = first
    while (
        head.dep_ in ("compound", "poss", "amod", "flat", "det", "nmod", "case")
        and lo <= head.head.i < verb.i
    ):
        head = head.head
    return head


def nearest_speaker_before(ctx: DocContext, lo: int, hi: int) -> Token | None:
    """The first name or person word in doc[lo:hi], read left to right (`"…," Ramos, 58, told`)."""
    for tok in ctx.doc[lo:hi]:
        if ctx.quoted(tok) or tok.is_punct or tok.is_space:
            continue
        if age_word(tok) and (tok.i + 1 >= hi or ctx.doc[tok.i + 1].pos_ != "NOUN"):
            return tok  # `"…," the 34-year-old said` (parsed with no subject)
        if tok.ent_type_ in NOT_SPEAKER_ENTS or tok.like_num:
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and speaker_like(tok, ctx):
            head = tok
            while head.dep_ in ("compound", "flat") and lo <= head.head.i < hi:
                head = head.head
            return head
    return None


def age_word(tok: Token) -> bool:
    """The "old" of a hyphenated age ("34-year-old"), which spaCy splits into five tokens."""
    doc = tok.doc
    return (
        tok.lower_ == "old"
        and tok.i >= 4
        and doc[tok.i - 2].lower_ == "year"
        and doc[tok.i - 1].text == "-"
        and doc[tok.i - 3].text == "-"
        and doc[tok.i - 4].like_num
    )


def inverted_speaker(verb: Token, ctx: DocContext, stop: int) -> Token | None:
    """`"…," said X` parsed without a subject: the first noun-like word after the verb."""
    for tok in ctx.doc[verb.i + 1 : stop]:
        if ctx.quoted(tok) or tok.is_punct:
            break
        if tok.ent_type_ in NOT_SPEAKER_ENTS or tok.like_num:
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not is_first_person(tok):
            head = tok
            while head.head.i != head.i and head.dep_ in ("compound", "amod", "det"):
                if ctx.quoted(head.head):  # `said Ann “Ross.”`: the head is inside the quote
                    break
                head = head.head
            return head
    return None


def _word_hyphen(tok: Token) -> bool:
    """The hyphen inside a word ("Lagos-based"), which spaCy makes a token of its own."""
    return (
        tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    )


def mention_span(token: Token, ctx: DocContext) -> Span:
    """The whole noun phrase of a speaker: titles, appositions and affiliations, no clauses."""
    keep = {token.i}
    stack = [token]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and not (
                child.dep_ == "punct" and (child.text in "()" or _word_hyphen(child))
            ):
                continue
            if ctx.quoted(child):
                continue
            keep.add(child.i)
            stack.append(child)
    lo = hi = token.i
    para = ctx.token_paragraph[token.i]
    while lo - 1 in keep and ctx.token_paragraph[lo - 1] == para:
        lo -= 1
    while ctx.token_paragraph[min(hi + 1, len(ctx.doc) - 1)] == para:
        if hi + 1 in keep:
            hi += 1
        elif ctx.doc[hi + 1 : hi + 2].text == "," and hi + 2 in keep:
            hi += 2  # `Tom Reyes, a spokesman for the Treasury`: the apposition's comma
        else:
            break
    doc = ctx.doc
    # `the $5 million experts say …` (a misparse): an amount is never part of a speaker
    amounts = [j for j in range(lo, token.i) if doc[j].ent_type_ in AMOUNT_ENTS]
    if amounts:
        lo = amounts[-1] + 1
    if age_word(doc[lo]):
        lo -= 4  # "34-year-old" is one word to a reader, five tokens to spaCy
    # an affiliation in brackets is kept whole: `Sen. Jane Moreau (R-Ohio)`
    opened = [t.i for t in doc[lo : hi + 1] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1] : hi + 1]):
        for j in range(hi + 1, min(hi + 8, len(doc))):
            if ctx.quoted(j) or ctx.token_paragraph[j] != para:
                break
            if doc[j].text == ")":
                hi = j
                break
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


def _according_draft(ctx: DocContext, k: int, tok: Token, target: Token) -> Draft:
    """'… according to X': the two words are the cue, X the speaker."""
    d = _draft_for_cue(ctx, k, tok, target, "according_to", 0.85)
    d.cue = (tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text))
    return d


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
        cue=_cue_extent(ctx, cue),
        cue_token=cue.i,
        method=method,
        confidence=conf,
        paragraph=ctx.paragraph_of(m.start),
        marked=[k],
    )
    if speaker is not None and is_first_person(speaker) and first_person_narration(ctx):
        draft.mention = mention_span(speaker, ctx)
        draft.confidence = min(conf, 0.8)
    elif speaker is not None and not is_first_person(speaker):
        draft.mention = mention_span(speaker, ctx)
        if not speaker_like(speaker, ctx):
            # a subject that cannot speak ('the plan', '5 p.m.') is more often a bad parse
            draft.confidence = min(conf, 0.6)
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
        d = _draft_for_cue(ctx, k, doc[i], speaker, "phrase_cue", 0.75)
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
                head = tok
                while head.dep_ in ("compound", "flat") and head.head.i in window:
                    head = head.head
                d = _draft_for_cue(ctx, k, first, head, "dash_trailer", 0.85)
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
        if tok.dep_ in ("relcl", "acl", "pcomp") and pos > 2 and not _quoted_as_saying(ctx, tok):
            # `… "fair," engaging in what analysts described as …`: a cue inside a modifier
            continue
        if subj is not None and subj.i >= window.start - 1:
            return _draft_for_cue(ctx, k, tok, subj, "trailing_subject", 0.93)
        if subj is not None and ctx.quoted(subj):
            subj = None
        if subj is None:
            before = nearest_speaker_before(ctx, window.start, tok.i)
            if before is not None:
                return _draft_for_cue(ctx, k, tok, before, "trailing_name_before_cue", 0.8)
            inv = inverted_speaker(tok, ctx, window.stop)
            if inv is not None:
                return _draft_for_cue(ctx, k, tok, inv, "trailing_inverted", 0.85)
            return _draft_for_cue(ctx, k, tok, None, "trailing_no_speaker", 0.4)
        if _describes(subj, ctx, k):
            return None
        return _draft_for_cue(ctx, k, tok, subj, "trailing_subject", 0.85)
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
    head = doc[j]
    while head.dep_ in ("compound", "flat") and floor <= head.head.i < cue.i:
        head = head.head
    return head


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
                return _draft_for_cue(ctx, k, tok, subj, "leading_subject", 0.88)
            before = _name_before_comma(ctx, tok, window.start) or nearest_speaker_before(
                ctx, window.start, tok.i
            )
            if before is not None:
                return _draft_for_cue(ctx, k, tok, before, "leading_name_before_cue", 0.65)
            inv = inverted_speaker(tok, ctx, window.stop)
            return _draft_for_cue(ctx, k, tok, inv, "leading_no_subject", 0.6 if inv else 0.4)
    phrase = _phrase_cue(ctx, k, window, leading=True)
    if phrase is not None:
        return phrase
    if colon:
        # `She scolded him: "…"` / `I had to change my answer: "…"`: any verb's subject
        for tok in reversed(tail[:-1]):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
                subj = subject_of(tok, ctx)
                if subj is not None and (
                    speaker_like(subj, ctx)
                    or (is_first_person(subj) and first_person_narration(ctx))
                ):
                    return _draft_for_cue(ctx, k, end_tok, subj, "colon_subject", 0.8)
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


def _describes(subj: Token, ctx: DocContext, k: int) -> bool:
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
            if _describes(subj, ctx, k):
                return None
            if speaker_like(subj, ctx):
                return _draft_for_cue(ctx, k, tok, subj, "embedded_speech_verb", 0.85)
            fallback = fallback or _draft_for_cue(ctx, k, tok, subj, "embedded_speech_verb", 0.6)
        target = _according_to(tok) if tok.lower_ == "according" else None
        if target is not None:
            return _according_draft(ctx, k, tok, target)
    for tok in governors:
        if ctx.lexicon.is_cue_noun(tok, "attribution"):
            for child in tok.children:
                if child.dep_ == "poss" and not ctx.quoted(child) and not is_first_person(child):
                    return _draft_for_cue(ctx, k, tok, child, "embedded_noun_possessor", 0.7)
    if fallback is not None:
        return fallback
    for tok in governors:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            subj = subject_of(tok, ctx)
            if subj is not None and not is_first_person(subj) and speaker_like(subj, ctx):
                if ctx.lexicon.is_cue_verb(tok, "attribution"):
                    return _draft_for_cue(ctx, k, tok, subj, "embedded_attribution_verb", 0.7)
                return _draft_for_cue(ctx, k, tok, subj, "embedded_verb", 0.55)
    # last resort: whatever the governing verb's subject is (`Only half of voters agreed …`)
    for tok in governors:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ != "be":
            subj = subject_of(tok, ctx)
            if subj is not None and not is_first_person(subj) and subj.pos_ != "PRON":
                return _draft_for_cue(ctx, k, tok, subj, "embedded_verb", 0.5)
    return None


def speaker_like(tok: Token, ctx: DocContext) -> bool:
    """Whether a subject can be someone who speaks: a name, a person pronoun, a role noun."""
    if tok.pos_ == "PRON":
        # 'who' in `…, who said "…"` is kept as written: it is the relative clause's subject
        return tok.lower_ in PERSONAL_PRONOUNS or tok.lower_ in ("who", "whom")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
    lemma = tok.lemma_.lower()
    return (
        lemma in ctx.lexicon.nominal_heads
        or lemma in ctx.lexicon.title_words
        or lemma in ctx.lexicon.role_groups
        or ctx.lexicon.is_cue_noun(tok, "speech")
    )


def _linked(ctx: DocContext, k: int, cue_token: int | None) -> bool:
    """Whether the cue governs some word of the quote in the parse."""
    if cue_token is None:
        return False
    lo, hi = _content_tokens(ctx, k)
    cue = ctx.doc[cue_token]
    return any(cue in tok.ancestors for tok in ctx.doc[lo:hi])


def _previous_sentence(ctx: DocContext, k: int) -> Draft | None:
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
                return _draft_for_cue(ctx, k, verb, subj, "previous_sentence", 0.7)
    # `Union leader Sharon Graham was defiant. “We will fight on.”`: in the same paragraph, a
    # quote with no cue that ends the paragraph belongs to the person the sentence before is
    # about (no cue word: the quote carries no cue)
    if ctx.token_paragraph[i] != ctx.token_paragraph[open_tok] or not _ends_paragraph(ctx, k):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or is_first_person(subj) or not speaker_like(subj, ctx):
        return None
    if subj.pos_ != "PRON" and subj.ent_type_ != "PERSON" and not ctx.lexicon.is_title_word(subj):
        return None
    draft = _draft_for_cue(ctx, k, root, subj, "previous_sentence_subject", 0.6)
    draft.cue = None
    draft.cue_token = None
    return draft


def _ends_paragraph(ctx: DocContext, k: int) -> bool:
    m = ctx.marked[k]
    _, pe = ctx.paragraphs[ctx.paragraph_of(m.end)]
    end = m.close_mark + 1 if m.close_mark is not None else m.end
    return not ctx.text[end:pe].strip(" .\"'\u201d\u2019")


# --- which marked spans are quotations --------------------------------------------------------

SHORT_WORDS = 4  # a marked span this short is a term unless it reads as something said
HEADING_WORDS = 10  # a paragraph that is only a quote this short, in title case, is a heading
MAX_LEAD_WORDS = 12  # "Both parties “are broken,” he said": the unquoted lead-in, at most
OPENS_SENTENCE = ".?!:;([\u2014\u2013\u2015-"


def _prev_visible(text: str, i: int, floor: int) -> int:
    """Offset of the last non-space character before i (not before floor), or -1."""
    j = i - 1
    while j >= floor and text[j].isspace():
        j -= 1
    return j if j >= floor else -1


def _opens_sentence(ctx: DocContext, k: int) -> bool:
    """Does quote k open a sentence (paragraph start, after . ? ! : or a dash)?"""
    m = ctx.marked[k]
    ps, _ = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    j = _prev_visible(ctx.text, m.open_mark, ps)
    if j < 0:
        return True
    c = ctx.text[j]
    if c in "\"'\u201d\u2019\u00bb":  # after a closing mark: was that quote's sentence over?
        j2 = _prev_visible(ctx.text, j, ps)
        return j2 < 0 or ctx.text[j2] in ".?!"
    return c in OPENS_SENTENCE


def _short_term(ctx: DocContext, k: int) -> bool:
    """Scare quotes, titles, nicknames, words as words: a few words that are not a statement.

    American style puts the sentence's comma or period inside the closing mark, so a final
    "," or "." says nothing by itself; what counts is whether the span opens a sentence.
    """
    m = ctx.marked[k]
    if m.words > SHORT_WORDS:
        return False
    content = ctx.text[m.start : m.end]
    if content[-1] in "?!":
        return False  # an exclamation or a question reads as something said
    return not (
        content[-1] in ".," and m.words >= 2 and content[0].isupper() and _opens_sentence(ctx, k)
    )


def _naming_participle(tok: Token) -> bool:
    """A reduced relative that names something ("known as", "called", "dubbed") with nobody
    doing the naming: no agent, so no speaker."""
    return (
        tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)
    )


def _said_by_someone(ctx: DocContext, k: int) -> bool:
    """Is a short term governed by a cue ("what he called “a disaster”")? Then it was said."""
    lo, hi = ctx.marked_tokens[k]
    doc = ctx.doc
    heads = [t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i]
    for tok in heads[:1]:
        steps = 0
        while steps < 8 and tok.head.i != tok.i:
            if tok.dep_ in SUBJECT_DEPS and steps > 0:
                return False  # `Ann Ruiz, known as "the Hammer", said`: part of the speaker
            tok = tok.head
            steps += 1
            if _naming_participle(tok):
                return False  # `a bill known as “the Shield Act”`, `a group called “Reform”`
            if ctx.lexicon.is_cue_verb(tok, "attribution") or ctx.lexicon.is_cue_noun(
                tok, "attribution"
            ):
                return True
    return False


def _nickname(ctx: DocContext, k: int) -> bool:
    """Marcia “Cia” Price: one or two capitalised words between two parts of a name.

    The first part stands right before the marks, on the same line, and ends in a letter: a
    word that ends a sentence (`… said Maria.⏎⏎“No,” Daniel said.`) makes a reply.
    """
    m = ctx.marked[k]
    text = ctx.text
    if m.close_mark is None or m.words > 2 or not text[m.start].isupper():
        return False
    before = text[max(0, m.open_mark - 30) : m.open_mark]
    if before[-1:] != " ":
        return False
    words_before = before.split()
    after = text[m.close_mark + 1 : m.close_mark + 30].split()
    return bool(
        words_before
        and after
        and words_before[-1][:1].isupper()
        and words_before[-1][-1:].isalpha()
        and after[0][:1].isupper()
    )


# short words that title case leaves in lowercase ("Guardians of the Galaxy")
MINOR_WORDS = frozenset(
    "a an the and or but nor of in on at to for with by from as is vs via per".split()
)


def _title_case(words: list[str]) -> bool:
    """Are the words in title case: the first capitalised, and at least three in four of the
    others, leaving aside the short words title case keeps lowercase?"""
    if not words or not words[0][0].isupper():
        return False
    major = [w for w in words[1:] if w.lower() not in MINOR_WORDS or w[0].isupper()]
    return sum(w[0].isupper() for w in major) >= 0.75 * len(major)


def _names_what_follows(ctx: DocContext, k: int) -> bool:
    """`“Town Talk” host Ann Lee said …`: a name in marks with no punctuation of its own,
    followed straight away by a word, modifies that word; it is not a statement."""
    m = ctx.marked[k]
    text = ctx.text
    if m.close_mark is None or not text[m.end - 1].isalnum():
        return False
    after = text[m.close_mark + 1 : m.close_mark + 3]
    return len(after) == 2 and after[0] == " " and after[1].isalpha()


def _name_of_something(ctx: DocContext, k: int) -> bool:
    """`On Sunday’s broadcast of “Town Talk Live,” the mayor said …`: words in title case after
    a preposition, an article or a possessive name a show, a book or a movement; nobody said
    them. So do title-case words that open a sentence as a modifier (`“Town Talk” host …`), and
    a title joined by "and"/"or" to such a name."""
    m = ctx.marked[k]
    words = [w for w in ctx.text[m.start : m.end].split() if w[:1].isalpha()]
    if not words or m.words > HEADING_WORDS or not _title_case(words):
        return False
    if _opens_sentence(ctx, k):
        return _names_what_follows(ctx, k)
    lo, _ = ctx.marked_tokens[k]
    i = lo - 1
    while i >= 0 and (ctx.doc[i].is_space or ctx.doc[i].text in "\"'\u201c\u2018"):
        i -= 1
    if i < 0:
        return False
    before = ctx.doc[i]
    prev_close = ctx.marked[k - 1].close_mark if k > 0 else None
    if before.pos_ == "CCONJ" and prev_close is not None:
        # “Keepers of the Harbour” and “Tales of the Valley”: a name joined to a name
        between = ctx.text[prev_close + 1 : before.idx].strip(" ,")
        return not between and _name_of_something(ctx, k - 1)
    return before.pos_ in ("ADP", "DET") or before.tag_ in ("POS", "PRP$")


# Web page furniture before a link: `Read more: "How the formula works"`, `Watch: …`.
LINK_LABEL = re.compile(
    r"(?:also )?(?:read|watch|listen|see|related|click|more|play|view|video|podcast|explore)"
    r"(?: (?:more|also|here|now|next|the story|the full story|this|story))?\s*[:|>»\-–—]?\s*$",
    re.IGNORECASE,
)


def _link_label(ctx: DocContext, k: int) -> bool:
    """Is the quote the title of a linked story (`Read more: "…"`, `Watch: "…"`)?"""
    m = ctx.marked[k]
    ps, pe = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    before = ctx.text[ps : m.open_mark].strip()
    if not before or len(before) > 24 or LINK_LABEL.fullmatch(before) is None:
        return False
    after = ctx.text[m.close_mark + 1 : pe] if m.close_mark is not None else ""
    return not after.strip(" .,;:!?\"'\u201d\u2019")  # the title is all the paragraph has


def _heading(ctx: DocContext, k: int) -> bool:
    """A quote that is its whole paragraph, short and in title case: a heading, not speech."""
    m = ctx.marked[k]
    ps, pe = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    text = ctx.text
    if m.open_mark != ps or m.close_mark is None or m.words > HEADING_WORDS:
        return False
    if text[m.close_mark + 1 : pe].strip(" .\"'\u201d\u2019"):
        return False
    words = [w for w in text[m.start : m.end].split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words) > 1


# a sentence end inside a paragraph: "… over.” With …" (not "Mr. Smith", "U.S. Senate")
SENTENCE_BREAK = re.compile(
    r"[a-z0-9](?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bSen)(?<!\bGov)(?<!\bRep)"
    r"[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]"
)


def _is_headline(ctx: DocContext, k: int) -> bool:
    """Is quote k in the article's first paragraph when that paragraph reads as a headline?"""
    m = ctx.marked[k]
    if ctx.paragraph_of(m.open_mark) != 0 or len(ctx.paragraphs) < 2:
        return False
    ps, pe = ctx.paragraphs[0]
    text = ctx.text[ps:pe]
    # two sentences make a lead paragraph, not a headline ("“It’s over.” With those words …")
    return len(text.split()) <= 25 and not SENTENCE_BREAK.search(text.rstrip())


def _headline_draft(ctx: DocContext, k: int) -> Draft | None:
    """Headline "Speaker: words with ‘a quote’": everything after the colon is the quote."""
    ps, pe = ctx.paragraphs[0]
    text = ctx.text
    m = ctx.marked[k]
    colon = text.find(":", ps, m.open_mark + 1)
    if colon < 0 or len(text[ps:colon].split()) > 6:
        return None
    head = None
    for tok in ctx.doc:
        if tok.idx >= colon:
            break
        # a lone surname before the colon is often tagged NOUN in a headline
        if tok.idx >= ps and (
            tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and not tok.is_stop
        ):
            head = tok
    if head is None:
        return None
    start, end = colon + 1, pe
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " .\"'\u201d\u2019":
        end -= 1
    if end <= start:
        return None
    colon_tok = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    draft = Draft(
        fragments=[(start, end)],
        kind="direct",
        cue=(colon, colon + 1),
        cue_token=colon_tok.start if colon_tok is not None else None,
        method="headline_colon",
        confidence=0.8,
        paragraph=0,
        marked=[j for j, mk in enumerate(ctx.marked) if start <= mk.open_mark < end],
    )
    while head.dep_ in ("compound", "flat") and head.head.idx < colon and head.head.i != head.i:
        head = head.head
    draft.mention = mention_span(head, ctx)
    if draft.mention.end_char > colon:
        draft.mention = ctx.doc[draft.mention.start : head.i + 1]
    _headline_kind(ctx, draft)
    return draft


def _headline_kind(ctx: DocContext, draft: Draft) -> None:
    """A headline quote that is all one marked span is direct (its words, without the marks);
    one with words of the writer's around the marks is mixed."""
    start, end = draft.fragments[0]
    inside = [ctx.marked[j] for j in draft.marked]
    if len(inside) == 1 and inside[0].start <= start + 1 and inside[0].end >= end - 1:
        draft.fragments = list(inside[0].pieces)
    else:
        draft.kind = "mixed"


# `NHS 'at breaking point', says BMA`: a headline whose last words attribute the rest
HEADLINE_SAYS = re.compile(
    r",\s*(?P<cue>says|said|warns|warned|claims|claimed|insists|admits|tells|told)\s+"
    r"(?P<who>[^,:;]{2,60}?)[.!]?\s*$",
    re.IGNORECASE,
)


def _headline_says_draft(ctx: DocContext, k: int) -> Draft | None:
    ps, pe = ctx.paragraphs[0]
    text = ctx.text
    m = HEADLINE_SAYS.search(text, ps, pe)
    if m is None or ctx.marked[k].open_mark > m.start():
        return None
    who = ctx.span_chars(m.start("who"), m.end("who"))
    cue_tok = ctx.span_chars(m.start("cue"), m.end("cue"))
    if who is None or cue_tok is None or ctx.quoted(who.root.i):
        return None
    start, end = ps, m.start()
    while start < end and text[start].isspace():
        start += 1
    draft = Draft(
        fragments=[(start, end)],
        kind="direct",
        cue=(m.start("cue"), m.end("cue")),
        cue_token=cue_tok.start,
        method="headline_says",
        confidence=0.8,
        paragraph=0,
        marked=[j for j, mk in enumerate(ctx.marked) if start <= mk.open_mark < end],
    )
    draft.mention = who
    _headline_kind(ctx, draft)
    return draft


def _sentence_lead(ctx: DocContext, draft: Draft, k: int) -> int | None:
    """Start of the unquoted words that open the quote's sentence ("Both parties “are …”")."""
    m = ctx.marked[k]
    text = ctx.text
    ps, _ = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    j = _prev_visible(text, m.open_mark, ps)
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


def _with_lead(ctx: DocContext, draft: Draft, floor: int = 0, ceiling: int = 1 << 62) -> None:
    """Let a quote start where its unquoted lead-in starts (it becomes a mixed quote)."""
    k = draft.marked[0]
    if draft.method.startswith(("trailing", "dash_trailer")):
        start = _sentence_lead(ctx, draft, k)
    elif draft.method == "embedded_speech_verb":
        start = _embedded_lead(ctx, draft, k)
    elif draft.method.startswith("leading"):
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
    if draft.method == "embedded_speech_verb":
        end = _embedded_tail(ctx, draft, ceiling)
        if end is not None and end > draft.end:
            last_start = draft.fragments[-1][0]
            draft.fragments[-1] = (last_start, end)


def _term_in_trailer(ctx: DocContext, k: int) -> bool:
    """A few words in marks inside the attribution that interrupts a quote (a show's name, a
    scare quote), not the quote's next part: it does not open a sentence or a clause."""
    m = ctx.marked[k]
    if m.words > SHORT_WORDS or ctx.text[m.end - 1 : m.end] in ("?", "!"):
        return False
    j = _prev_visible(ctx.text, m.open_mark, 0)
    return j >= 0 and ctx.text[j] not in ",:" + OPENS_SENTENCE and not _opens_sentence(ctx, k)


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
    if not (prev.method == chosen.method == "embedded_speech_verb"):
        return False
    if chosen.cue_token is None or prev.paragraph != chosen.paragraph:
        return False
    between = ctx.text[prev.end : chosen.start]
    return not any(c in between for c in ".?!") or len(between.strip()) <= 3


def _title_case_term(ctx: DocContext, k: int) -> bool:
    """“Morning Joe”, “The Apprentice”: a short span with every word capitalised is a name."""
    m = ctx.marked[k]
    words = [w for w in ctx.text[m.start : m.end].split() if w[:1].isalpha()]
    return m.words <= SHORT_WORDS and _title_case(words)


# `WALLACE: Let's start with the debate.` -- a transcript line: a speaker label in capitals, a
# colon, then the words, with no quote marks.
TRANSCRIPT_LABEL = re.compile(
    r"[\"\u201c]?(?P<label>[A-Z][A-Z.'\u2019\-]*(?: [A-Z][A-Z.'\u2019\-]*){0,3}):[ \t]+(?=\S)"
)
TRANSCRIPT = "transcript_speaker"
# Capitalised labels that head a paragraph without anyone speaking.
PAGE_LABELS = frozenset(
    "CORRECTION CORRECTIONS CLARIFICATION UPDATE UPDATED NOTE VIDEO WATCH READ RELATED BYLINE "
    "EMAIL PHOTO PHOTOS EXCLUSIVE BREAKING SOURCE SOURCES PREVIOUSLY LISTEN ALSO MORE SEE "
    "CREDIT WARNING DISCLAIMER DISCLOSURE ANALYSIS OPINION COMMENTARY EDITORIAL Q A".split()
    + ["EDITOR'S NOTE", "EDITOR\u2019S NOTE", "READ MORE", "SEE ALSO", "WATCH MORE"]
)


def _person_label(label: str, lexicon: Lexicon) -> bool:
    """Does a capitalised label name a person: `JOHN SMITH`, `SEN. RUIZ`, `MS. OKAFOR`?"""
    first = label.split()[0]
    return (
        first.lower() in lexicon.first_names
        or first.lower().rstrip(".") in lexicon.title_words
        or first.title() in lexicon.honorifics
        or first.title() in lexicon.abbreviations
    )


def _dialogue_runs(lines: list[tuple[int, re.Match[str]]], lexicon: Lexicon) -> set[int]:
    """Paragraphs of a dialogue that stands on its own: three or more labelled paragraphs in a
    row, with at least two labels, one of them used again, each naming a person by a first
    name or a title (`JOHN SMITH: …⏎MARY JONES: …⏎JOHN SMITH: …`). Datelines of a digest
    (`LONDON: …⏎PARIS: …`) and notices do not."""
    runs: list[list[tuple[int, str]]] = []
    for para, m in lines:
        if not runs or para != runs[-1][-1][0] + 1:
            runs.append([])
        runs[-1].append((para, m.group("label")))
    out: set[int] = set()
    for run in runs:
        labels = [label for _, label in run]
        if not 2 <= len(set(labels)) < len(labels) or len(run) < 3:
            continue
        if all(_person_label(label, lexicon) for label in set(labels)):
            out.update(para for para, _ in run)
    return out


def transcript_drafts(ctx: DocContext) -> list[Draft]:
    """Transcript lines, spoken by the person their label names.

    A label qualifies when its last word is the surname of a person the document names in
    running text ("WALLACE:" after "Chris Wallace"); once one does, the document is a transcript
    and the other labels of its dialogue qualify too (used twice, or next to a qualified line).
    A dialogue also qualifies on its own (`_dialogue_runs`), as a reader of a transcript
    would take it. So datelines ("NEW DELHI:") and page furniture ("CORRECTION:", "UPDATE:")
    never do.
    """
    text = ctx.text
    lines: list[tuple[int, re.Match[str]]] = []
    for para, (ps, pe) in enumerate(ctx.paragraphs):
        m = TRANSCRIPT_LABEL.match(text, ps, pe)
        if m is not None and m.group("label").rstrip(".") not in PAGE_LABELS:
            lines.append((para, m))
    if not lines:
        return []
    surnames = {t.lower_ for t in ctx.doc if t.ent_type_ == "PERSON" and t.is_title}
    named = {para for para, m in lines if m.group("label").split()[-1].lower() in surnames}
    dialogue = _dialogue_runs(lines, ctx.lexicon)
    if not named and not dialogue:
        return []
    uses: dict[str, int] = {}
    for _, m in lines:
        uses[m.group("label")] = uses.get(m.group("label"), 0) + 1
    out: list[Draft] = []
    for para, m in lines:
        label = m.group("label")
        in_named_dialogue = named and (uses[label] > 1 or {para - 1, para + 1} & named)
        if not (para in named or in_named_dialogue or para in dialogue):
            continue
        ps, pe = ctx.paragraphs[para]
        end = pe
        if text[ps] in '"\u201c' and text[end - 1] in '"\u201d' and end - 1 > m.end():
            end -= 1  # a transcript quoted whole, line by line
        mention = ctx.span_chars(m.start("label"), m.end("label"))
        if mention is None or end <= m.end():
            continue
        colon = m.end("label")
        out.append(
            Draft(
                fragments=[(m.end(), end)],
                cue=(colon, colon + 1),
                mention=mention,
                method=TRANSCRIPT,
                confidence=0.85 if para in named else 0.75,
                paragraph=para,
                marked=list(ctx.marked_from(ps, end)),
            )
        )
    return out


# Quotes whose next paragraph, if it is only a quote with no cue, goes on with the same words.
# Not a quote found inside someone's sentence (`embedded_*`): its next paragraph starts afresh.
CONTINUED_METHODS = ("trailing", "leading", "dash", "colon", "previous", "according", "phrase")


def attribute_direct(ctx: DocContext) -> list[Draft]:
    """Give every quote-marked span a cue and speaker mention, merging interrupted quotes."""
    drafts: list[Draft] = []
    prev: Draft | None = None
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
        if _nickname(ctx, k) or _name_of_something(ctx, k) or _link_label(ctx, k):
            continue
        if _is_headline(ctx, k):
            headline = _headline_draft(ctx, k) or _headline_says_draft(ctx, k)
            if headline is not None:
                drafts.append(headline)
                prev = None
                continue
        ends_open = _last_content_char(ctx, k) == ","
        trail = trailing_rule(ctx, k)
        lead = leading_rule(ctx, k)
        chosen: Draft | None
        if trail is not None and lead is not None:
            chosen = trail if ends_open or lead.method == "leading_no_subject" else lead
        else:
            chosen = trail or lead
        if chosen is None:
            chosen = _colon_paragraph(ctx, k) or embedded_rule(ctx, k) or _previous_sentence(ctx, k)
        elif chosen is trail and not _linked(ctx, k, trail.cue_token):
            # `X described it as "…," but stopped short of calling …`: the verb that governs
            # the quote beats a later cue the parse does not connect to it
            emb = embedded_rule(ctx, k)
            if emb is not None and emb.method == "embedded_speech_verb" and emb.confidence > 0.6:
                chosen = emb
        # "…," she said, "…" — one quote interrupted by its attribution
        if (
            prev is not None
            and chosen is not None
            and prev.cue_token is not None
            and chosen.cue_token == prev.cue_token
            and (
                (_cue_between(prev, chosen, m) and _plain_interruption(ctx, prev, m))
                or _same_embedding(ctx, prev, chosen)
            )
        ):
            if _cue_between(prev, chosen, m) and _term_in_trailer(ctx, k):
                continue  # `“…,” she said on “Morning Desk”`: a name in the attribution
            prev.fragments.extend(m.pieces)
            prev.marked.append(k)
            continue
        if chosen is None:
            if (_short_term(ctx, k) and not _said_by_someone(ctx, k)) or _heading(ctx, k):
                prev = None
                continue
            if prev is not None and prev.paragraph == para and prev.mention is not None:
                # floating continuation within the paragraph: part of the same quotation (a
                # first paragraph that attributes a quote is a lead, not a headline)
                prev.fragments.extend(m.pieces)
                prev.marked.append(k)
                prev.paragraph = ctx.paragraph_of(m.end)
                continue
            if _is_headline(ctx, k):
                prev = None
                continue
            if (
                prev is not None
                and prev.mention is not None
                and para - prev.paragraph == 1
                and m.open_mark == ctx.paragraphs[para][0]
                and m.close_mark is not None
                and prev.method.startswith(CONTINUED_METHODS)
            ):
                # `“…,” she said.⏎“And more.”`: a paragraph that is only the next part of what
                # the last paragraph's speaker said continues that quote
                prev.fragments.extend(m.pieces)
                prev.marked.append(k)
                prev.paragraph = para
                continue
            chosen = Draft(
                fragments=list(m.pieces), paragraph=para, marked=[k], method="none", confidence=0.3
            )
            if prev is not None and prev.mention is not None and para - prev.paragraph <= 1:
                chosen.mention = prev.mention
                chosen.cue, chosen.cue_token = prev.cue, prev.cue_token
                chosen.method = "floating_previous_paragraph"
                chosen.confidence = 0.75
        elif _short_term(ctx, k) and (
            not chosen.method.startswith(
                ("trailing_", "leading_subject", "embedded_speech_verb", "according_to")
            )
            or (chosen.method == "embedded_speech_verb" and _title_case_term(ctx, k))
        ):
            prev = None
            continue
        drafts.append(chosen)
        prev = chosen
    floor = 0
    # the nearest later quote that starts after this one ends, found from suffix minima of
    # starts in one backward pass (a scan of all later quotes per quote was quadratic)
    ceilings = _next_starts(drafts)
    for i, draft in enumerate(drafts):
        ceiling = ceilings[i]
        if draft.kind == "direct" and not draft.method.startswith("headline"):
            _with_lead(ctx, draft, floor, ceiling)
        floor = max(floor, draft.end)
    if transcript:
        drafts = sorted(drafts + transcript, key=lambda d: d.start)
    return drafts


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
