"""Reported speech (no quote marks) and mixed quotes, found from the dependency parse."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from quoteattr.context import SENT_END, DocContext, Draft, DraftIndex
from quoteattr.cues import phrasal_lemma
from quoteattr.direct_methods import DIRECT_METHODS
from quoteattr.syntax import (
    SUBJECT_DEPS,
    after_inverted_subject,
    better_adjacent,
    bracketed,
    first_person_narration,
    in_body_phrase,
    is_first_person,
    mention_span,
    nearest_speaker_before,
    quoted_as_saying,
    source_of,
    speaker_like,
    stranded_name,
    subject_of,
    word_before_cue,
)

CONTENT_DEPS = frozenset({"ccomp"})
EDGE_WORDS = frozenset({"that"})
MIN_CONTENT_TOKENS = 2
# a clause that is (nearly) all quoted words is a direct quote, left to the direct-quote rules
MAX_QUOTED_SHARE = 0.85


def _connective(ctx: DocContext, i: int) -> bool:
    """'However, prices fell' / 'But prices fell': a connective that opens the sentence."""
    tok = ctx.doc[i]
    return (
        tok.lower_ in ctx.lexicon.connectives
        and tok.is_sent_start is True
        and tok.pos_ in ("CCONJ", "ADV")
        and tok.dep_ in ("cc", "advmod")
    )


def _trim_clause_edges(ctx: DocContext, lo: int, hi: int) -> tuple[int, int]:
    """Token range [lo, hi) without edge punctuation, spaces, a leading 'that' or a
    sentence connective ('However,')."""
    doc = ctx.doc
    while lo < hi and (
        doc[lo].is_space
        or (doc[lo].is_punct and not ctx.quoted(lo))
        or doc[lo].lower_ in EDGE_WORDS
        or (hi - lo > 2 and _connective(ctx, lo))
    ):
        lo += 1
    while hi > lo and (
        doc[hi - 1].is_space
        or (doc[hi - 1].is_punct and not ctx.quoted(hi - 1) and not _closes_bracket(doc, lo, hi))
        or (doc[hi - 1].pos_ == "CCONJ" and hi - 1 > lo)  # "…, and" cut by the parse
    ):
        hi -= 1
    return lo, hi


def _closes_bracket(doc: Doc, lo: int, hi: int) -> bool:
    """Is doc[hi - 1] a ")" whose "(" is inside [lo, hi) ("… missile (ICBM)")?"""
    if doc[hi - 1].text != ")":
        return False
    depth = 0
    for t in doc[lo : hi - 1]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


DETACH_MARKS = frozenset({",", "(", "\u2014", "\u2013", "-", "--"})


CLOSING_MARKS = frozenset({"\u201d", "\u2019", '"', "'", "''", "\u00bb"})


def _venue(ctx: DocContext, tok: Token) -> bool:
    """'… in an interview with CNN', '… on Wednesday's broadcast of …': a trailing phrase
    that says where the words were said."""
    if tok.dep_ != "prep" or tok.lower_ not in ("in", "on", "during", "at"):
        return False
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    return bool(objs) and objs[0].lemma_.lower() in ctx.lexicon.venue_nouns


def _bracketed_short(tok: Token) -> bool:
    return bracketed(tok) and tok.right_edge.i - tok.left_edge.i < 4


def _detachable(ctx: DocContext, tok: Token) -> bool:
    """A comma-set phrase that closes a clause but is the writer's, not the speaker's:
    ", which …", an appositive, ", citing …", ", though she noted …", ", according to …"."""
    if tok.dep_ == "relcl":
        # ", which …" always; ", who …" after a name ("… Ann Ruiz, who leads the council")
        return tok.left_edge.lower_ == "which" or (
            tok.left_edge.lower_ == "who" and tok.head.pos_ == "PROPN"
        )
    if tok.dep_ == "appos" and _bracketed_short(tok):
        return False  # "… ballistic missile (ICBM)": an acronym in brackets is the noun's own
    if tok.dep_ == "appos" or tok.lower_ == "according" or _venue(ctx, tok):
        return True
    if tok.dep_ == "npadvmod" and tok.left_edge.lower_ in ("a", "an"):
        return True  # ", a swipe at her rival"
    if tok.dep_ in ("advcl", "xcomp", "acl", "conj") and is_reporting_verb(ctx, tok):
        return tok.tag_ == "VBG" or any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    return False


def _set_off(ctx: DocContext, edge: int) -> bool:
    """Is the phrase starting at token `edge` set off by a comma or a dash, also when the
    comma sits inside a closing quote mark ('… “the party,” claiming …')?"""
    doc = ctx.doc
    before = doc[edge - 1]
    if before.text in DETACH_MARKS and not ctx.quoted(edge - 1):
        return True
    if before.text in CLOSING_MARKS and edge - 2 >= 0:
        return doc[edge - 2].text in DETACH_MARKS or ctx.text[before.idx - 1] == ","
    return False


def _opens_with_colon(ctx: DocContext, tok: Token) -> bool:
    """'… for society adding: “…”': a cue participle that opens a quote with a colon is set
    off by it, comma or not."""
    doc = ctx.doc
    return tok.left_edge.i == tok.i and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"


def _after_quote(ctx: DocContext, edge: int) -> bool:
    """Does the phrase at `edge` follow a closing quote mark ('“no idea” on CNN's show')?"""
    return ctx.doc[edge - 1].text in CLOSING_MARKS and not ctx.quoted(edge)


def _without_tail(ctx: DocContext, lo: int, hi: int) -> int:
    """End of a clause [lo, hi) without a detachable trailing phrase or another paragraph."""
    doc = ctx.doc
    para = ctx.token_paragraph[lo]
    for i in range(lo, hi):
        if ctx.token_paragraph[i] != para:
            hi = i
            break
    for tok in doc[lo + 1 : hi]:
        edge = tok.left_edge.i
        if (
            edge > lo + 1
            and tok.right_edge.i + 1 >= hi
            and lo <= tok.head.i < hi
            and (
                _set_off(ctx, edge)
                or (_venue(ctx, tok) and _after_quote(ctx, edge))
                or _opens_with_colon(ctx, tok)
            )
            and _detachable(ctx, tok)
        ):
            return edge - 1 if doc[edge - 1].text in DETACH_MARKS else edge
    return hi


def _clause_range(ctx: DocContext, head: Token, cue: Token) -> tuple[int, int]:
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    # never let the content swallow its own cue (parses sometimes attach the cue inside)
    if lo <= cue.i < hi:
        if cue.i - lo > hi - cue.i:
            hi = cue.i
        else:
            lo = cue.i + 1
    lo, hi = _trim_clause_edges(ctx, lo, hi)
    if lo == cue.i + 1:
        lo = _after_when(ctx, lo, hi)
    elif hi <= cue.i:
        lo = _after_label(ctx, lo, hi)
    lo, hi = _trim_clause_edges(ctx, lo, _without_tail(ctx, lo, hi) if hi > lo else hi)
    doc = ctx.doc
    if hi < len(doc) and doc[hi].text == ")" and _closes_bracket(doc, lo, hi + 1):
        hi += 1  # the parse left the closing bracket outside: "… missile (ICBM)"
    return lo, hi


def _after_label(ctx: DocContext, lo: int, hi: int) -> int:
    """`Video: “We are ready,” the mayor said`: a label and colon before the quote that opens
    a clause ahead of its cue are not part of what was said."""
    doc = ctx.doc
    for i in range(lo, min(hi - 1, lo + 6)):
        if doc[i].text == ":" and ctx.quoted(i + 1):
            return i + 1
    return lo


def _after_when(ctx: DocContext, lo: int, hi: int) -> int:
    """'said Tuesday the plant would close', 'said on Friday that …': the time right after the
    cue says when it was said, not what (the parse often puts it in the clause)."""
    doc = ctx.doc
    i = lo
    while i < hi and doc[i].lower_ in ctx.lexicon.time_words and doc[i].ent_type_ != "DATE":
        i += 1
    if i >= hi or doc[i].ent_type_ not in ("DATE", "TIME"):
        return lo
    while i < hi and doc[i].ent_type_ in ("DATE", "TIME"):
        i += 1
    # something must be left that reads as a clause, not "said Tuesday."
    if any(t.dep_ in SUBJECT_DEPS for t in doc[lo:i]) or doc[i].pos_ in ("VERB", "AUX"):
        return lo  # "said last week was hard": the time is the clause's subject
    return i if hi - i >= MIN_CONTENT_TOKENS else lo


DASH_TOKENS = frozenset({"\u2014", "\u2013", "--", "\u2015"})


def _according_content(ctx: DocContext, acc: Token) -> tuple[int, int] | None:
    """'According to X, <clause>' / '<clause>, according to X': the clause."""
    head = acc.head
    if head.i == acc.i:
        return _after_opening_according(ctx, acc)
    phrase_lo, phrase_hi = acc.left_edge.i, acc.right_edge.i + 1
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if phrase_lo <= lo:
        lo = phrase_hi
    elif acc.i > head.i:
        hi = phrase_lo
        doc = ctx.doc
        if phrase_hi < len(doc) and doc[phrase_hi].text in DASH_TOKENS:
            # `Smith — “a born leader,” according to his coach — scored`: the dashes set off
            # what the source said from the writer's sentence around it
            dashes = [t.i for t in doc[lo:phrase_lo] if t.text in DASH_TOKENS]
            if dashes:
                lo = dashes[-1] + 1
    # otherwise the phrase sits inside the clause ("Taxes, according to X, will rise")
    return _trim_clause_edges(ctx, lo, hi)


def _after_opening_according(ctx: DocContext, acc: Token) -> tuple[int, int] | None:
    """`According to X, the move reeks of “fear”.` parsed with "According" as the root: the
    clause is what follows the comma that closes "According to X", to the sentence's end."""
    doc = ctx.doc
    sent = acc.sent
    if acc.i != sent.start or acc.i + 1 >= sent.end:
        return None
    comma = next((t.i for t in doc[acc.i + 2 : sent.end] if t.text == ","), None)
    if comma is None or comma - acc.i > 12:
        return None  # no comma close enough to end a name
    lo, hi = _trim_clause_edges(ctx, comma + 1, sent.end)
    return (lo, hi) if hi - lo >= MIN_CONTENT_TOKENS else None


def _speaker_of_according(acc: Token) -> Token | None:
    doc = acc.doc
    for to in acc.children:
        if to.lower_ == "to":
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    return pobj
    # "according to show insiders" parsed without a pobj: the head of the next noun phrase
    for tok in doc[acc.i + 2 : acc.i + 8]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            head = tok
            while head.dep_ in ("compound", "amod", "det") and head.head.i > head.i:
                head = head.head
            return head
        if tok.is_punct:
            break
    return None


def _within_paragraph(ctx: DocContext, mention: Span, head: Token) -> Span:
    """A speaker's noun phrase never runs over a paragraph break (headlines, datelines)."""
    para = ctx.token_paragraph[head.i]
    lo, hi = mention.start, mention.end
    while lo < head.i and ctx.token_paragraph[lo] != para:
        lo += 1
    while hi > head.i + 1 and ctx.token_paragraph[hi - 1] != para:
        hi -= 1
    return ctx.doc[lo:hi]


def _first_noun_in_paragraph(ctx: DocContext, verb: Token) -> Token | None:
    para = ctx.token_paragraph[verb.i]
    i = verb.i
    while i > 0 and ctx.token_paragraph[i - 1] == para:
        i -= 1
    for tok in ctx.doc[i : verb.i]:
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.quoted(tok):
            head = tok
            while head.dep_ in ("compound", "flat") and i <= head.head.i < verb.i:
                head = head.head
            return head
    return None


def _conjoined_cue(ctx: DocContext, verb: Token) -> bool:
    """A subjectless cue verb conjoined inside the clause another cue verb reports."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and head.dep_ == "ccomp"
        and is_reporting_verb(ctx, verb)
        and is_reporting_verb(ctx, head.head)
    )


def _name_before_cue(ctx: DocContext, verb: Token, subj: Token) -> Token:
    """`Vice President for news Dev Mehta said …` parsed with "President" as the subject and the
    name left out of its phrase: the person's name right before the cue is the speaker."""
    j = word_before_cue(ctx.doc, verb, subj.i)
    name = ctx.doc[j]
    if j <= subj.i or name.ent_type_ != "PERSON" or ctx.quoted(j):
        return subj
    # "Addressing the minister's remarks …, Press Secretary Rafiq Alam said": words said are
    # no speaker when a name stands at the cue, however the parse joined them
    words_said = subj.pos_ == "NOUN" and ctx.lexicon.is_cue_noun(subj, "attribution")
    if not words_said and (
        mention_span(subj, ctx).start <= j < mention_span(subj, ctx).end
        or in_body_phrase(ctx, subj, j)
    ):
        return subj
    if not words_said and any(t.is_punct or t.pos_ == "VERB" for t in ctx.doc[subj.i + 1 : j]):
        return subj
    while name.dep_ in ("compound", "flat") and subj.i < name.head.i < verb.i:
        name = name.head
    return name


def reported_speaker(verb: Token, ctx: DocContext) -> Token | None:
    """The speaker of a reported-speech cue verb.

    Beyond the plain subject (attribution.subject_of): "Smith, who said …" gives Smith;
    "began by saying …" / "despite admitting …" climb to the verb the phrase modifies;
    "a statement calling …" gives the statement's author or the statement itself.
    """
    return _reported_speaker(verb, ctx)[0]


def _reported_speaker(verb: Token, ctx: DocContext, depth: int = 0) -> tuple[Token | None, bool]:
    """reported_speaker, and whether the speaker is only a guess from proximity."""
    if depth <= 3 and _conjoined_cue(ctx, verb):
        return _reported_speaker(verb.head.head, ctx, depth + 1)
    subj = subject_of(verb, ctx)
    if subj is not None and not speaker_like(subj, ctx) and subj.pos_ != "PRON":
        # "On Tuesday, former president Ivo Marsh said …" parsed with "Tuesday" as the
        # subject: a name right before the verb is the speaker
        subj = better_adjacent(ctx, verb, subj)
    if subj is not None and subj.ent_type_ != "PERSON":
        subj = _name_before_cue(ctx, verb, subj)
    if subj is not None and ctx.token_paragraph[subj.i] != ctx.token_paragraph[verb.i]:
        # a headline or time stamp parsed as the subject: the speaker opens the cue's paragraph
        subj = _first_noun_in_paragraph(ctx, verb)
    if subj is not None:
        # "Dr. Lena Ortiz, who said …": the relative pronoun is the mention as written (the
        # PolNeAR convention); resolution.py resolves it to the noun the clause describes
        return subj, False
    if depth > 3:
        return None, False
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _reported_speaker(head.head, ctx, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        if ctx.lexicon.is_cue_noun(head, "attribution"):
            return _noun_speaker(head, ctx) or head, False
        if speaker_like(head, ctx) or head.dep_ not in ("dobj", "pobj"):
            return head, False
        # "She set up a policy urging staff to …", "heard on a microphone telling …": the
        # thing the phrase describes cannot speak; the speaker is whoever set it up
        host = head.head if head.dep_ == "dobj" else head.head.head
        if host.pos_ in ("VERB", "AUX") and (subj := subject_of(host, ctx)) is not None:
            return subj, False
        return head, False
    if verb.dep_ in ("advcl", "conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        return _reported_speaker(head, ctx, depth + 1)
    # no subject in the parse ("… of the $2 billion analysts estimate it needs"): a name or person
    # word right before the verb, as for direct quotes
    guess = proximity_speaker(ctx, verb)
    return guess, guess is not None


def proximity_speaker(ctx: DocContext, verb: Token) -> Token | None:
    """A cue the parse leaves without any subject: the name or person word right before it
    ("… of the $5 million experts say …"), else, for a main verb, the first one of its sentence
    ("President Ana Ruiz, opening the museum on Saturday, said …"). A weaker guess."""
    guess = better_adjacent(ctx, verb, None)
    if guess is None and verb.dep_ == "ROOT":
        guess = nearest_speaker_before(ctx, verb.sent.start, verb.i)
    return guess


def _noun_speaker(noun: Token, ctx: DocContext) -> Token | None:
    """'X's claim that …' / 'X made the claim that …' / 'in a statement, X …'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    source = source_of(noun)  # "complaints by the treasury secretary, Ann Lee, that …"
    if source is not None:
        return source
    if noun.dep_ in ("dobj", "pobj", "attr"):
        verb = noun.head if noun.dep_ != "pobj" else noun.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in ctx.lexicon.answering_verbs:
            return subject_of(verb, ctx)
    return None


# The verbs whose object, infinitive or prepositional object is the content ("called the plan a
# disaster", "promised to cut taxes", "called for sanctions") are lexicon data: the
# [object_cues_*], [saying_object_cues], [not_object_cues], [xcomp_cues_*] and [prep_cues_*]
# sections of quoteattr/data/cues.txt, read through ctx.lexicon. The words that decide where a
# clause starts and ends and whose it is (answering, telling, pointing and anonymity verbs,
# complement and venue nouns, connectives, time words) are quoteattr/data/reported.txt. What
# stays here is grammar: dependency labels, entity types, and closed sets of function words
# (the content prepositions, modals, the subordinators that open an adverbial clause).
CONTENT_PREPS = frozenset({"for", "of", "about", "against"})
FOR_WHOM_ENTS = frozenset({"ORG", "PERSON", "NORP", "GPE", "PRODUCT", "WORK_OF_ART"})  # for whom
# complements after a direct object that belong to the content ("called the plan a disaster")
OBJECT_TAIL_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})


def _takes_object(ctx: DocContext, verb: Token, lemma: str) -> bool:
    if ctx.lexicon.is_object_cue(lemma, ctx.scope):
        return True
    # beliefs and findings are often nouns: "the study found large gaps", "they know the risks"
    return (
        ctx.scope == "attribution"
        and lemma not in ctx.lexicon.not_object_cues
        and ctx.lexicon.is_cue_verb(verb, ctx.scope)
    )


PARTICIPLE_BLOCKERS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "agent"})


def _hearer_participle(tok: Token) -> bool:
    """`Asked whether she would resign, she replied …`: a bare past participle opening the
    sentence is passive; its content was said to the main clause's subject, not by it."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and tok.i < tok.head.i
        and not any(c.dep_ in PARTICIPLE_BLOCKERS for c in tok.children)
    )


def is_reporting_verb(ctx: DocContext, tok: Token) -> bool:
    """A cue verb from the lexicon, or a verb whose object or infinitive is the content."""
    if _hearer_participle(tok):
        return False
    if ctx.lexicon.is_cue_verb(tok, ctx.scope):
        return True
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    lex = ctx.lexicon
    return (
        lex.is_object_cue(lemma, ctx.scope)
        or lex.is_xcomp_cue(lemma, ctx.scope)
        or lex.is_prep_cue(lemma, ctx.scope)
    )


def _subtree_range(tokens: list[Token]) -> tuple[int, int]:
    return min(t.left_edge.i for t in tokens), max(t.right_edge.i for t in tokens) + 1


def verb_content(ctx: DocContext, verb: Token) -> tuple[tuple[int, int], str] | None:
    """The reported content governed by a cue verb and the rule that found it: the verb rules
    of RULES, tried in their order."""
    for rule in RULES:
        if rule.cue is is_reporting_verb and (rng := rule.content(ctx, verb)) is not None:
            return rng, rule.method
    return None


def _clause_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """`The minister says the talks will resume`: the cue's clausal complement."""
    comps = [
        c
        for c in verb.children
        if c.dep_ in CONTENT_DEPS
        and not _adverbial(c)
        and not _across_colon(verb, c)
        and not _describes_inverted_subject(verb, c)
    ]
    if not comps and quoted_as_saying(ctx, verb) is not None:
        # "Prices will rise, Omar Khalil was quoted as saying": the clause hangs on "quoted"
        comps = [c for c in verb.head.head.children if c.dep_ in CONTENT_DEPS]
    adjective = ctx.lexicon.cue_adjective(verb)
    if adjective is not None:  # "made it clear that talks were over": the clause after it
        comps = [c for c in comps if c.i != adjective.i] + [
            c for c in adjective.rights if c.dep_ in ("advcl", "ccomp")
        ]
    if not comps and ctx.lexicon.is_cue_verb(verb, ctx.scope):
        comps = _stray_that_clause(ctx, verb)
        if not comps:
            after = _clause_after_phrase(verb)
            if after is not None:
                return _trim_clause_edges(ctx, after.left_edge.i, after.head.right_edge.i + 1)
    if not comps:
        return _object_as_subject(ctx, verb)
    comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
    lo, hi = _clause_range(ctx, comp, verb)
    lo, hi = _with_clause_tail(ctx, verb, comp, lo, hi)
    # "She added the fund would grow and warned that …": the second cue is parsed inside
    # the first clause; it reports a quote of its own (see reported_speaker)
    for conj in comp.children:
        if conj.dep_ == "conj" and _conjoined_cue(ctx, conj) and _reports_own(ctx, conj):
            cut = min([conj.left_edge.i, *(c.i for c in comp.children if c.dep_ == "cc")])
            lo, hi = _trim_clause_edges(ctx, lo, min(hi, cut))
    return lo, hi


# cue verbs whose object is never what they are about: an object right after one is the
# subject of a clause the parse broke up ("He added the agency has found new savings")
SUBJECT_NOT_OBJECT = frozenset({"say", "add"})


def _object_as_subject(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """'He added the Revenue Authority has identified new savings': the parse made the
    clause's subject the cue's object and its verb a conjunct of the cue. When the conjunct
    has no subject of its own and follows the object with nothing between, the two are the
    clause. Likewise a gerund subject parsed as the cue's complement, its verb inside it."""
    if verb.lemma_.lower() not in SUBJECT_NOT_OBJECT:
        return None
    for gerund in verb.rights:
        # "She said flooding closed the roads": the gerund that is the clause's subject,
        # parsed as the cue's complement, with the clause's verb inside its phrase
        if (
            gerund.dep_ == "xcomp"
            and gerund.tag_ == "VBG"
            and gerund.i == verb.i + 1
            and not ctx.quoted(gerund.i)
            and any(t.tag_.startswith("VB") for t in gerund.subtree if t.i > gerund.i)
        ):
            return _trim_clause_edges(ctx, gerund.left_edge.i, gerund.right_edge.i + 1)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i < verb.i or ctx.quoted(obj.i):
        return None
    for conj in verb.children:
        if (
            conj.dep_ == "conj"
            and conj.left_edge.i == obj.right_edge.i + 1
            and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
            and (
                conj.tag_ in ("VBZ", "VBD", "VBP", "MD")
                or any(c.dep_ == "aux" for c in conj.children)
            )
        ):
            return _trim_clause_edges(ctx, obj.left_edge.i, conj.right_edge.i + 1)
    return None


def _trailing_conjunct_subject(ctx: DocContext, verb: Token) -> Token | None:
    """'The team will map the reef, lead researcher Colin Wood told reporters.': a cue that
    closes its sentence after a comma, with a subject of its own and no "and"/"but", which the
    parse made a conjunct of the clause it reports; its subject, or None."""
    host = verb.head
    if (
        verb.dep_ not in ("conj", "ccomp")
        or host.i > verb.i
        or not (
            ctx.lexicon.is_cue_verb(verb, ctx.scope)
            or verb.lemma_.lower() in ctx.lexicon.quoting_verbs
        )
    ):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:  # "…, postal votes, Director Ann Dube said.", hung on a noun before
        subj = stranded_name(verb)
    elif verb.dep_ == "ccomp":
        return None  # a complement with its own subject is reported by the verb above
    if subj is None or subj.i > verb.i or any(c.dep_ in CONTENT_DEPS for c in verb.children):
        return None
    lo = subj.left_edge.i
    doc = verb.doc
    if lo == 0 or doc[lo - 1].text != "," or verb.right_edge.i + 2 < verb.sent.end:
        return None  # a comma before the subject; nothing but the full stop after the cue
    if any(c.dep_ == "cc" and host.i < c.i < lo for c in host.children):
        return None  # "…, and Wood told reporters": a second event, not an attribution
    return subj


def _parenthetical_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """The host clause of a parenthetical cue: "The plan will fail, he said", "But, he said,
    officials should …"; a cue that closes the sentence the parse made a conjunct of the
    host ("The team will map the reef, lead researcher Colin Wood told reporters")."""
    if quoted_as_saying(ctx, verb) is not None:
        verb = verb.head.head  # "…, Omar Khalil was quoted as saying.": the clause of "quoted"
    trailing = _trailing_conjunct_subject(ctx, verb)
    if trailing is not None:
        host = verb.head
        lo, hi = _trim_clause_edges(ctx, host.left_edge.i, trailing.left_edge.i)
        return (lo, hi) if hi > lo and not any(ctx.quoted(i) for i in range(lo, hi)) else None
    if verb.dep_ != "parataxis" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    host = verb.head
    lo, hi = host.left_edge.i, host.right_edge.i + 1
    c_lo, c_hi = verb.left_edge.i, verb.right_edge.i + 1
    before, after = _trim_clause_edges(ctx, lo, c_lo), _trim_clause_edges(ctx, c_hi, hi)
    if (
        host.dep_ == "ROOT"
        and before[0] >= verb.sent.start
        and after[1] <= verb.sent.end
        and ctx.token_paragraph[before[0]] == ctx.token_paragraph[after[1] - 1]
        and not any(ctx.quoted(i) for i in range(*before))
        and _says_something(ctx, *before)
        and _says_something(ctx, *after)
    ):
        # "Too often, she said, the debate is bitter": the clause runs on both sides
        return before[0], after[1]
    if c_lo - lo >= hi - c_hi:
        return _trim_clause_edges(ctx, lo, c_lo)
    return _trim_clause_edges(ctx, c_hi, hi)


def _as_clause_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """`As the minister said last week, the plan will cost too much`: a cue in an "as" clause
    that opens its main clause, with a subject (or an agent: "As reported by the Courier,")
    and no clause of its own, reports the main clause after its comma."""
    doc = ctx.doc
    host = verb.head
    opener = verb.left_edge
    if (
        verb.dep_ != "advcl"
        or host.i < verb.i
        or opener.lower_ != "as"
        or opener.dep_ != "mark"
        or opener.head.i != verb.i
        or phrasal_lemma(verb) not in ctx.lexicon.as_clause_verbs
        # a subject, or the agent of "As reported by the Courier,"
        or not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in verb.children)
        or any(c.dep_ in CONTENT_DEPS or c.dep_ == "xcomp" for c in verb.children)
    ):
        return None
    comma = verb.right_edge.i  # the parse hangs the comma on either verb
    if doc[comma].text != ",":
        comma += 1
    if comma >= host.i or doc[comma].text != ",":
        return None
    # the clause opens the main clause: nothing before it there but punctuation, a
    # connective or "that" ("But as …", "(As …", "given that, as …")
    if any(
        not (doc[k].is_punct or doc[k].lower_ in EDGE_WORDS or _connective(ctx, k))
        for k in range(host.left_edge.i, opener.i)
    ):
        return None
    return _trim_clause_edges(ctx, comma + 1, host.right_edge.i + 1)


# the demonstratives that, as a passive cue's subject, stand for the sentence before
SENTENCE_ANAPHORS = frozenset({"this", "that"})


def _sentence_before_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """`… will wait two more years for the centres. This was announced by the health
    secretary on Tuesday.`: a passive cue whose subject is "this" or "that" and whose agent
    names who spoke reports the sentence before it (in its paragraph or closing the one
    before)."""
    doc = ctx.doc
    sent = verb.sent
    if (
        verb.tag_ != "VBN"
        or verb.i != sent.root.i
        or not any(c.dep_ == "agent" for c in verb.children)
        or not any(
            c.dep_ == "nsubjpass" and c.lower_ in SENTENCE_ANAPHORS and c.tag_ == "DT"
            for c in verb.children
        )
    ):
        return None
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or ctx.token_paragraph[verb.i] - ctx.token_paragraph[k] > 1:
        return None
    before = doc[k].sent
    return _trim_clause_edges(ctx, before.start, before.end)


# a paragraph that opens with one of these marks is a direct quote, read by the mark rules
BLOCK_OPENERS = frozenset("\"\u201c\u2018'\u00ab")


def _block_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """`The mayor wrote:` ending its paragraph, then a paragraph in no quote marks: a block
    quotation whose marks the page dropped (or set as an indented block). The next paragraph is
    what was said, when nothing but the cue's own phrase and no other cue stands before the
    colon."""
    doc = ctx.doc
    para = ctx.token_paragraph[verb.i]
    if para not in ctx.colon_paragraphs or para + 1 >= len(ctx.paragraphs):
        return None
    if verb.dep_ in ("relcl", "acl"):
        return None  # "the issues that will be discussed at the meeting:" introduces a list
    p_start, p_end = ctx.paragraphs[para]
    end = p_start + len(ctx.text[p_start:p_end].rstrip())
    colon = ctx.span_chars(end - 1, end)
    if colon is None or colon.start <= verb.i or colon.start - 1 > verb.right_edge.i:
        return None
    if any(is_reporting_verb(ctx, doc[k]) for k in range(verb.i + 1, colon.start)):
        return None  # "He said he wrote:": the nearer verb is the cue
    n_start, n_end = ctx.paragraphs[para + 1]
    body = ctx.text[n_start:n_end]
    if body.lstrip()[:1] in BLOCK_OPENERS:
        return None
    span = ctx.span_chars(n_start + len(body) - len(body.lstrip()), n_start + len(body.rstrip()))
    if span is None or ctx.in_quote[span.start] != -1:
        return None
    return _trim_clause_edges(ctx, span.start, span.end)


def _xcomps(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "xcomp"]


def _xcomp_content(ctx: DocContext, verb: Token) -> TokenRange | None:
    """The infinitive (and its hearer): "promised to cut taxes", "urged Congress to act"."""
    xcomps = _xcomps(verb)
    if (
        not xcomps
        or _anonymity(ctx, xcomps[0])
        or not ctx.lexicon.is_xcomp_cue(verb.lemma_.lower(), ctx.scope)
    ):
        return None
    hearers = [c for c in verb.children if c.dep_ == "dobj" and c.i < xcomps[0].i]
    lo, hi = _subtree_range(xcomps + hearers)
    return _clause_range_span(ctx, lo, hi, verb)


def _object_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """The object, or the object of a content preposition, of a verb that takes one as content:
    "called the plan a disaster", "denied the allegations", "called for sanctions"."""
    xcomps = _xcomps(verb)
    if xcomps and _anonymity(ctx, xcomps[0]):
        return None  # "…, who asked not to be named, said": the condition of the interview
    lemma = verb.lemma_.lower()
    scope = ctx.scope
    children = list(verb.children)
    objs = [c for c in children if c.dep_ == "dobj"] if _takes_object(ctx, verb, lemma) else []
    if objs:
        obj = objs[0]
        tail = [
            c
            for c in children
            if c.i > obj.i
            and (
                c.dep_ in OBJECT_TAIL_DEPS or (c.dep_ == "prep" and c.lower_ in ("as", "for", "of"))
            )
        ]
        # "accused the governor of lying": the charge the parse hangs on the object
        tail += [
            c
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children)
        ]
        lo, hi = _subtree_range([obj, *tail])
        # In speech scope an object is content only when it is speech-like: a verb of saying
        # ("denied the allegations"), a description ("called the plan a disaster"), or quoted
        # words. "The minister defended the budget" reports an action, not a statement.
        if scope == "speech" and not (
            lemma in ctx.lexicon.saying_object_cues
            or tail
            or any(ctx.quoted(i) for i in range(lo, hi))
        ):
            return None
        return _clause_range_span(ctx, lo, hi, verb)
    for prep in children if ctx.lexicon.is_prep_cue(lemma, scope) else ():
        if prep.dep_ == "prep" and (
            prep.lower_ in CONTENT_PREPS
            or (prep.lower_ == "to" and lemma in ctx.lexicon.pointing_verbs)
        ):
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs and prep.lower_ == "for" and objs[0].ent_type_ in FOR_WHOM_ENTS:
                continue  # "writing for the Courier", "spoke for the union": for whom
            if objs and objs[0].ent_type_ not in TIME_ENTS:  # "spoke for about five minutes"
                lo, hi = _subtree_range(objs)
                return _clause_range_span(ctx, lo, hi, verb)
    return None


MODALS = frozenset({"would", "could", "might", "should", "will", "can", "may", "must"})


def _reports_own(ctx: DocContext, conj: Token) -> bool:
    """Does a conjoined cue report something of its own ("and warned that …"), rather than
    continue the clause ("the driver ignored the signal and refused to stop the bus")?"""
    return (
        ctx.lexicon.is_cue_verb(conj, "speech")
        or ctx.lexicon.is_object_cue(conj.lemma_.lower(), "speech")
        or any(c.dep_ in CONTENT_DEPS for c in conj.children)
    )


def _with_clause_tail(
    ctx: DocContext, verb: Token, comp: Token, lo: int, hi: int
) -> tuple[int, int]:
    """Parts of the reported clause the parse hung on the cue instead of on the clause.

    "said it would cut costs, but would raise fees": a subjectless conjunct with a modal
    continues the clause, not the speaker's acts; "say he wants four changes that address
    …": a second clausal complement right after the first is its tail.
    """
    if comp.i < verb.i:
        return lo, hi
    doc = ctx.doc
    for child in verb.children:
        ok = (
            child.dep_ == "conj"
            and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in child.children)
            and not is_reporting_verb(ctx, child)
        ) or (child.dep_ in CONTENT_DEPS and child is not comp)
        if not ok or child.i <= comp.i:
            continue
        gap = doc[hi : child.left_edge.i]
        if any(t.text in SENT_END or ctx.quoted(t.i) for t in gap) or len(gap) > 3:
            continue
        if ctx.token_paragraph[child.right_edge.i] != ctx.token_paragraph[comp.i]:
            continue
        lo, hi = _trim_clause_edges(ctx, lo, max(hi, child.right_edge.i + 1))
    return lo, hi


# a clause opened by one of these says when or why, not what: "as she said before he left"
ADVERBIAL_MARKS = frozenset(
    "before after when while because since until although though once unless".split()
)
TIME_ENTS = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL"})


def _stray_that_clause(ctx: DocContext, verb: Token) -> list[Token]:
    """`Cardoso told reporters after the committee meeting that the decision was unanimous`:
    the parse hangs the that-clause on the nearest noun. A clause opened by the complementiser
    "that", with its own subject, inside the cue's own phrases, is the cue's content."""
    marks = ctx.that_marks
    k = bisect_left(marks, verb.i + 1)
    if k == len(marks) or marks[k] > verb.right_edge.i:
        return []  # no "that" to the right inside the cue's phrase: the usual case, and cheap
    telling = verb.lemma_.lower() in ctx.lexicon.telling_verbs
    for tok in verb.rights:
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not is_reporting_verb(ctx, tok):
            # "told colleagues in the months following that …": the parse hangs the clause on the
            # participle of time
            for c in tok.children:
                if c.dep_ == "ccomp" and _that_clause_of_its_own(c):
                    return [c]
        if not (tok.dep_ == "prep" or (tok.dep_ == "dobj" and telling)):
            continue  # "offered no proof that …": the clause belongs to the noun
        for cand in tok.subtree:
            if (
                cand.dep_ in ("acl", "relcl")
                and cand.head.pos_ in ("NOUN", "PROPN")
                and cand.head.lemma_.lower() not in ctx.lexicon.complement_nouns
                and not any(c.dep_ == "poss" for c in cand.head.children)
                and not ctx.lexicon.is_cue_noun(cand.head, "attribution")
                and _that_clause_of_its_own(cand)
            ):
                return [cand]
    return []


def _clause_after_phrase(verb: Token) -> Token | None:
    """`Vance said after the meeting he would not run`: with no "that", the parse makes the
    clause an adverbial one the phrase of time or place opens. A clause right after the cue,
    opened by a preposition and its object, with no word that marks it adverbial and a
    subject of its own after the phrase, is the content; its subject is returned."""
    for clause in verb.rights:
        if clause.dep_ != "advcl" or clause.left_edge.i != verb.i + 1:
            continue
        phrase = clause.left_edge
        if (
            phrase.dep_ != "prep"
            or phrase.head.i != clause.i
            or any(c.dep_ == "mark" for c in clause.children)
        ):
            return None
        return next(
            (c for c in clause.children if c.dep_ == "nsubj" and c.i > phrase.right_edge.i),
            None,
        )
    return None


def _that_clause_of_its_own(clause: Token) -> bool:
    """Is ``clause`` opened by the complementiser "that", with a subject of its own?"""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        c.dep_ in SUBJECT_DEPS for c in clause.children
    )


def _across_colon(verb: Token, comp: Token) -> bool:
    """`The storm had been forecast for days: the harbour master ordered …` -- a clause before
    the cue, cut off from it by a colon or semicolon, is the writer's lead-in, not content."""
    if comp.i > verb.i:
        return False
    doc = verb.doc
    return any(t.text in (":", ";") for t in doc[comp.right_edge.i + 1 : verb.i])


def _describes_inverted_subject(verb: Token, comp: Token) -> bool:
    """`"…," said Ken Morrow, lead author of the study.` -- words with no verb after the comma
    that follows a subject placed after its cue describe that subject; the parse may still make
    them the cue's complement."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    after = after_inverted_subject(subj) if subj is not None else None
    return (
        after is not None
        and comp.left_edge.i == after.start
        and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in comp.subtree)
    )


def _adverbial(comp: Token) -> bool:
    """A 'ccomp' the parser made of an adverbial clause ('said before he died'); the word must
    open the clause ('said workers had left before' is content)."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_MARKS and c.i == comp.left_edge.i
        for c in comp.children
    )


def _says_something(ctx: DocContext, lo: int, hi: int) -> bool:
    """Is there more than a conjunction or an adverb here ("But, he said, …")?"""
    return any(
        not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "ADV") or t.lower_ in EDGE_WORDS)
        for t in ctx.doc[lo:hi]
    )


def parenthetical_pieces(
    ctx: DocContext, verb: Token, start: int, end: int
) -> list[tuple[int, int]]:
    """The clause around a parenthetical cue, in two pieces: "[A], she said, [B]"."""
    doc = ctx.doc
    c_lo, c_hi = verb.left_edge.i, verb.right_edge.i + 1
    if not start < doc[c_lo].idx < end:
        return [(start, end)]
    lo = doc.char_span(start, end, alignment_mode="expand")
    if lo is None:
        return [(start, end)]
    b_lo, b_hi = _trim_clause_edges(ctx, lo.start, c_lo)
    a_lo, a_hi = _trim_clause_edges(ctx, c_hi, lo.end)
    if b_hi <= b_lo or a_hi <= a_lo:
        return [(start, end)]
    first_end = doc[b_hi - 1].idx + len(doc[b_hi - 1].text)
    return [(start, first_end), (doc[a_lo].idx, end)]


def _clause_range_span(ctx: DocContext, lo: int, hi: int, cue: Token) -> tuple[int, int]:
    if lo <= cue.i < hi:
        if cue.i - lo > hi - cue.i:
            hi = cue.i
        else:
            lo = cue.i + 1
    return _trim_clause_edges(ctx, lo, hi)


VERB_POS = ("VERB", "AUX")
NOUN_POS = ("NOUN", "PROPN")
CANDIDATE_TAGS = ("VBD", "VBZ", "VBP", "VBG")


def _cue_candidates(ctx: DocContext) -> list[int]:
    """Indexes of the tokens that can be a cue (verbs, nouns, "according"), read from the
    Doc's arrays: making a Token object for every word was a third of this stage's time."""
    doc = ctx.doc
    if not len(doc):
        return []
    strings = doc.vocab.strings
    verb_ids = [strings.add(p) for p in VERB_POS]
    noun_ids = [strings.add(p) for p in NOUN_POS]
    tag_ids = [strings.add(t) for t in CANDIDATE_TAGS]
    arr = doc.to_array([POS, TAG, LOWER, LEMMA])
    keep = numpy.isin(arr[:, 0], verb_ids) | numpy.isin(arr[:, 1], tag_ids)
    keep |= arr[:, 2] == strings.add("according")
    # a noun is only ever a cue noun ("the claim that …"): test each distinct lemma once
    nouns = numpy.isin(arr[:, 0], noun_ids)
    lex = ctx.lexicon
    cue_lemmas = [
        h
        for h in numpy.unique(arr[nouns, 3]).tolist()
        # "expressed confidence that …": an attribution noun may be voiced (_cue_noun)
        if lex.is_cue_noun_lemma(strings[h].lower(), "attribution")
    ]
    keep |= nouns & numpy.isin(arr[:, 3], cue_lemmas)
    return numpy.flatnonzero(keep).tolist()


def _anonymity(ctx: DocContext, xcomp: Token) -> bool:
    """ "asked not to be named / identified / quoted": a source's condition, not a statement."""
    return xcomp.lemma_.lower() in ctx.lexicon.anonymity_verbs and any(
        c.dep_ == "neg" for c in xcomp.children
    )


def _around_according(ctx: DocContext, acc: Token, start: int, end: int) -> list[tuple[int, int]]:
    """`Taxes, according to the ministry, will rise`: the clause in two pieces around the
    phrase, so the cue and the source stay outside what was said."""
    doc = ctx.doc
    p_lo, p_hi = acc.left_edge.i, acc.right_edge.i + 1
    if not start < doc[p_lo].idx and doc[p_hi - 1].idx + len(doc[p_hi - 1].text) < end:
        return [(start, end)]
    span = ctx.span_chars(start, end)
    if span is None:
        return [(start, end)]
    b_lo, b_hi = _trim_clause_edges(ctx, span.start, p_lo)
    a_lo, a_hi = _trim_clause_edges(ctx, p_hi, span.end)
    if b_hi <= b_lo or a_hi <= a_lo:
        return [(start, end)]
    return [
        (doc[b_lo].idx, doc[b_hi - 1].idx + len(doc[b_hi - 1].text)),
        (doc[a_lo].idx, doc[a_hi - 1].idx + len(doc[a_hi - 1].text)),
    ]


def _only_marked(ctx: DocContext, marked: list[int], start: int, end: int) -> bool:
    """Is [start, end) one quote-marked span and nothing else but its marks and punctuation
    (`“It is over,” according to the club`)? Then it is a direct quote, however short."""
    if len(marked) != 1:
        return False
    m = ctx.marked[marked[0]]
    outside = ctx.text[start : m.start] + ctx.text[m.end : end]
    return not any(c.isalnum() for c in outside)


QUOTED_WORDS_DEPS = frozenset({"dobj", "oprd", "xcomp", "acomp", "attr", "prep", "dative"})
QUOTED_WORDS_PREPS = frozenset({"as", "to", "of", "about"})
MAX_QUOTED_WORDS = 8


def _names_something(ctx: DocContext, k: int) -> bool:
    """Every word capitalised: a title or a name in quote marks, not someone's words."""
    m = ctx.marked[k]
    words = [w for w in ctx.text[m.start : m.end].split() if w[:1].isalpha()]
    return not words or all(w[0].isupper() for w in words)


def _term_like(ctx: DocContext, k: int) -> bool:
    """A few quoted words inside someone's sentence ("a “disgrace”"), not a quoted sentence."""
    m = ctx.marked[k]
    return m.words <= MAX_QUOTED_WORDS and ctx.text[m.start].islower()


def _quoted_words_content(ctx: DocContext, verb: Token) -> tuple[int, int] | None:
    """`Christie described Clinton as a “disgrace”`, `Trump likened them to a “snake”`: a
    verb outside the cue lexicon whose complement carries someone's quoted words, and whose
    subject is someone who can speak. The quoted words are that subject's, so the complement
    is a mixed quote. (The rule's cue test has checked that `verb` is a verb other than "be".)"""
    right = verb.right_edge
    if not ctx.marked_from(verb.idx, right.idx + len(right.text)):
        return None  # cheap test first: most verbs govern no quoted words at all
    subj = subject_of(verb, ctx)
    if (
        subj is None
        or subj.dep_ == "nsubjpass"
        or is_first_person(subj)
        or not speaker_like(subj, ctx)
        or not (
            subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or subj.lower_ in ("he", "she", "they", "who")
            or ctx.lexicon.is_title_word(subj)
        )
    ):
        return None
    parts = [
        c
        for c in verb.children
        if c.i > verb.i
        and c.dep_ in QUOTED_WORDS_DEPS
        and (c.dep_ != "prep" or c.lower_ in QUOTED_WORDS_PREPS)
    ]
    if not parts:
        return None
    lo, hi = _subtree_range(parts)
    # the words of a person, not the name of a work or an event ("the film “Sully”")
    terms = [
        k
        for k in ctx.marked_from(ctx.doc[lo].idx - 1, ctx.doc[hi - 1].idx + 1)
        if _term_like(ctx, k) and not _names_something(ctx, k)
    ]
    if not terms or all(_nearer_cue(ctx, verb, k) for k in terms):
        return None
    return _trim_clause_edges(ctx, lo, hi)


def _through_open_quote(ctx: DocContext, marked: list[int], start: int, end: int) -> int:
    """A clause never ends inside quoted words it took in: "said the firm has “always paid
    fairly and will go on doing so”" runs to the closing mark, whatever the parse cut."""
    for k in marked:
        m = ctx.marked[k]
        if not start <= m.open_mark < end:
            continue
        for s, e in m.pieces:
            if s < end < e:
                last = (s, e) == m.pieces[-1] and m.close_mark is not None
                return m.close_mark + 1 if last and m.close_mark is not None else e
    return end


def _nearer_cue(ctx: DocContext, verb: Token, k: int) -> bool:
    """Is quote k governed by a cue below `verb` ("read a report that says he is “fit”",
    "a statement calling the test “a violation”")? Then that cue reports it, not `verb`."""
    lo, hi = ctx.marked_tokens[k]
    words = [t for t in ctx.doc[lo:hi] if not (t.is_punct or t.is_space)]
    if not words:
        return False
    tok = words[0]
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
        if is_reporting_verb(ctx, tok) or ctx.lexicon.is_cue_noun(tok, ctx.scope):
            return True
    return False


def _with_trailing_quote(
    ctx: DocContext, rng: tuple[int, int], owner_of: dict[int, Draft], cue: int | None = None
) -> tuple[int, int]:
    """Extend a clause over quoted words that close it ("… blasted the media for being “…”").

    The parse often hangs the quoted words elsewhere; they belong to this clause when they
    follow it directly, end its sentence, and the direct-quote rules found no cue of their own
    or found this clause's cue (`She added that voters have two choices: “stay or go.”`).
    """
    doc = ctx.doc
    lo, hi = rng
    i = hi
    while i < len(doc) and (doc[i].is_space or (doc[i].is_punct and not ctx.quoted(i))):
        if doc[i].text in SENT_END or doc[i].text == "\n":
            return lo, hi
        i += 1
    if i >= len(doc) or not ctx.quoted(i) or i - hi > 2:
        return lo, hi
    k = ctx.in_quote[i]
    owner = owner_of.get(k)
    if owner is not None and owner.cue is not None and owner.cue_token != cue:
        return lo, hi
    _, q_hi = ctx.marked_tokens[k]
    if q_hi < len(doc) and not (doc[q_hi].text in SENT_END or doc[q_hi].is_space):
        return lo, hi
    return _trim_clause_edges(ctx, lo, q_hi)


def _without_relayed(ctx: DocContext, drafts: list[Draft], direct: list[Draft]) -> list[Draft]:
    """Drop a relaying source's trailing clause that holds a speech act with a speaker of its own.

    "Minister Ravi Pal said that …, the Courier reported": the paper passes on the
    minister's words, so the minister's clause (or quote) is the quote (reported.txt
    `[relaying_verbs]`)."""
    relaying = ctx.lexicon.relaying_verbs

    def relayed(d: Draft) -> bool:
        # only a source named after what it relays: "The Courier reported that Pal said …"
        # is the paper's own report
        return (
            d.cue_token is not None
            and ctx.doc[d.cue_token].lemma_.lower() in relaying
            and ctx.doc[d.cue_token].idx >= d.end
            and any(
                o is not d and o.mention is not None and d.start <= o.start and o.end <= d.end
                for o in (*drafts, *direct)
            )
        )

    return [d for d in drafts if not relayed(d)]


def _without_nested(drafts: list[Draft]) -> list[Draft]:
    """Keep the outermost of overlapping reported clauses ('X said Y told him that …')."""
    drafts.sort(key=lambda d: (d.start, -d.end))
    out: list[Draft] = []
    for d in drafts:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


# How often each rule's speaker is right, measured on PolNeAR dev and a train sample
# (docs/reported.md), one entry per rule of RULES: the confidence of a reported quote whose
# speaker is a name, a person or group word, a person pronoun or a document ("the report").
# Other speakers are capped below.
RULE_CONFIDENCE = {
    "reported_parenthetical": 0.9,  # "The plan, he said, will fail": ~1.0
    "reported_according_to": 0.9,  # ~0.95
    "reported_clause": 0.85,  # ~0.93
    "reported_sentence_before": 0.8,  # "… This was announced by the minister."
    "reported_as_clause": 0.9,  # "As the mayor said, …": 29 of 30 on train
    "reported_object": 0.8,  # ~0.9
    "reported_xcomp": 0.8,  # ~0.87
    "reported_block": 0.8,  # "He added:" and the next paragraph
    "reported_noun_cue": 0.6,  # "X's claim that …": the possessor is often missing
    "reported_quoted_words": 0.6,  # any verb with quoted words: ~0.65
}
NO_SPEAKER_CONFIDENCE = 0.3  # the quote is right, the speaker never is
FIRST_PERSON_CONFIDENCE = 0.6  # "I" in first-person narration: ~0.75
RELATIVE_CONFIDENCE = 0.5  # "rules that promise …": PolNeAR marks the noun or the pronoun
PROXIMITY_CONFIDENCE = 0.65  # no subject in the parse, the nearest name: ~0.65
OTHER_SPEAKER_CONFIDENCE = 0.7  # a subject that is no speaker word ("the plan"): ~0.78


def reported_confidence(ctx: DocContext, method: str, speaker: Token | None) -> float:
    """The confidence of a reported quote: its rule's record, capped by what the speaker is."""
    conf = RULE_CONFIDENCE[method]
    if speaker is None:
        return NO_SPEAKER_CONFIDENCE
    if is_first_person(speaker):
        return min(conf, FIRST_PERSON_CONFIDENCE)
    if speaker.lower_ in ("that", "which") and speaker.tag_ in ("WP", "WDT"):
        return min(conf, RELATIVE_CONFIDENCE)
    if speaker.pos_ == "PRON" or speaker_like(speaker, ctx):
        return conf
    if ctx.lexicon.is_cue_noun(speaker, "attribution"):
        return conf  # "the report found …", "according to the survey"
    return min(conf, OTHER_SPEAKER_CONFIDENCE)


# --- the rules, in the order they are tried -----------------------------------------------------

TokenRange = tuple[int, int]  # [lo, hi) token indexes


@dataclass(frozen=True)
class ReportedRule:
    """One way to read reported speech at a cue token.

    ``cue`` says which tokens the rule reads; ``content`` gives the token range of what was
    said, or None when the rule does not apply; ``speaker`` gives the speaker token and
    whether it is only a guess from proximity (the confidence is capped for guesses).
    """

    method: str
    cue: Callable[[DocContext, Token], bool]
    content: Callable[[DocContext, Token], TokenRange | None]
    speaker: Callable[[DocContext, Token], tuple[Token | None, bool]]
    # the cue's characters: the word, or "according to"
    cue_chars: Callable[[Token], tuple[int, int]] = lambda tok: (tok.idx, tok.idx + len(tok.text))
    # a clause the parse ran over a paragraph break is cut back to the cue's paragraph (a
    # headline above "…, according to a study" is not what the study says); a parenthetical
    # cue's clause is the sentence around it and is kept whole
    within_cue_paragraph: bool = True
    # the fragments of the clause when the cue sits inside it ("[A], she said, [B]")
    fragments: Callable[[DocContext, Token, int, int], list[tuple[int, int]]] | None = None
    # what was said is the paragraph after the cue's, not one that holds the cue
    next_paragraph: bool = False
    # what was said is the sentence before the cue's, which may close the paragraph before
    sentence_before: bool = False


def _according_cue(ctx: DocContext, tok: Token) -> bool:
    doc = ctx.doc
    return tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"


def _according_chars(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.doc[tok.i + 1].idx + 2


def _according_speaker(ctx: DocContext, tok: Token) -> tuple[Token | None, bool]:
    return _speaker_of_according(tok), False


def _verb_speaker(ctx: DocContext, tok: Token) -> tuple[Token | None, bool]:
    return _reported_speaker(tok, ctx)


def _plain_verb(ctx: DocContext, tok: Token) -> bool:
    """A verb outside the cue lexicon (tried after is_reporting_verb), other than "be"."""
    return tok.pos_ == "VERB" and tok.lemma_ != "be"


def _subject_speaker(ctx: DocContext, tok: Token) -> tuple[Token | None, bool]:
    return subject_of(tok, ctx), False


def _cue_noun(ctx: DocContext, tok: Token) -> bool:
    lex = ctx.lexicon
    if lex.is_cue_noun(tok, ctx.scope):
        return True
    # "expressed confidence that …": a belief said out loud is speech in either scope
    return (
        tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in lex.voicing_verbs
        and lex.is_cue_noun(tok, "attribution")
    )


def _noun_clause_content(ctx: DocContext, noun: Token) -> TokenRange | None:
    """The noun's that-clause: "The union's claim that wages had stalled"; or, someone's
    noun the subject of "be", the clause "be" states: "Lee's response was that …"."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and _opens_with_that(c):
            return _clause_range(ctx, c, noun)
    verb = noun.head
    if (
        noun.dep_ == "nsubj"
        and verb.lemma_ == "be"
        and any(c.dep_ == "poss" for c in noun.children)
    ):
        for c in verb.children:
            if c.dep_ == "ccomp" and c.i > verb.i and _opens_with_that(c):
                return _clause_range(ctx, c, verb)
    return None


def _opens_with_that(clause: Token) -> bool:
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def _noun_cue_speaker(ctx: DocContext, noun: Token) -> tuple[Token | None, bool]:
    return _noun_speaker(noun, ctx), False


# A token is read as one kind of cue only: the first rule whose ``cue`` test accepts it, and
# the rules right after it that share that test, are tried in order; the first to give content
# wins. (A cue verb whose rules all fail is not tried as a plain verb or a noun.)
RULES: tuple[ReportedRule, ...] = (
    ReportedRule(
        "reported_according_to",
        cue=_according_cue,
        content=_according_content,
        speaker=_according_speaker,
        cue_chars=_according_chars,
        fragments=_around_according,
    ),
    ReportedRule(
        "reported_block",
        cue=is_reporting_verb,
        content=_block_content,
        speaker=_verb_speaker,
        within_cue_paragraph=False,
        next_paragraph=True,
    ),
    ReportedRule(
        "reported_sentence_before",
        cue=is_reporting_verb,
        content=_sentence_before_content,
        speaker=_verb_speaker,
        within_cue_paragraph=False,
        sentence_before=True,
    ),
    ReportedRule(
        "reported_as_clause",
        cue=is_reporting_verb,
        content=_as_clause_content,
        speaker=_verb_speaker,
    ),
    ReportedRule(
        "reported_clause", cue=is_reporting_verb, content=_clause_content, speaker=_verb_speaker
    ),
    ReportedRule(
        "reported_parenthetical",
        cue=is_reporting_verb,
        content=_parenthetical_content,
        speaker=_verb_speaker,
        within_cue_paragraph=False,
        fragments=parenthetical_pieces,
    ),
    ReportedRule(
        "reported_xcomp", cue=is_reporting_verb, content=_xcomp_content, speaker=_verb_speaker
    ),
    ReportedRule(
        "reported_object", cue=is_reporting_verb, content=_object_content, speaker=_verb_speaker
    ),
    ReportedRule(
        "reported_quoted_words",
        cue=_plain_verb,
        content=_quoted_words_content,
        speaker=_subject_speaker,
    ),
    ReportedRule(
        "reported_noun_cue", cue=_cue_noun, content=_noun_clause_content, speaker=_noun_cue_speaker
    ),
)


def _read_cue(ctx: DocContext, tok: Token) -> tuple[ReportedRule, TokenRange] | None:
    """The rule that reads `tok` and the content it found (see RULES)."""
    accepted = tried = None
    for rule in RULES:
        if accepted is None:
            if rule.cue is tried:
                continue  # the test already said no for the rule before
            tried = rule.cue
            if not rule.cue(ctx, tok):
                continue
            accepted = rule.cue
        elif rule.cue is not accepted:
            return None
        rng = rule.content(ctx, tok)
        if rng is not None:
            return rule, rng
    return None


def find_reported(ctx: DocContext, direct: list[Draft]) -> list[Draft]:
    """Reported and mixed quotes; direct drafts wholly inside a mixed quote are absorbed."""
    doc = ctx.doc
    found: list[Draft] = []
    direct_index = DraftIndex(direct)  # overlap queries by bisect: a scan per cue was quadratic
    owner_of = {k: d for d in direct for k in d.marked}  # marked span -> its direct draft
    # speakers that some cue took only by proximity: every quote they are given is capped
    guesses: set[int] = set()
    for i in _cue_candidates(ctx):
        if ctx.in_quote[i] != -1 or ctx.token_paragraph[i] in ctx.notes:
            continue
        tok = doc[i]
        reading = _read_cue(ctx, tok)
        if reading is None:
            continue
        rule, rng = reading
        speaker, guessed = rule.speaker(ctx, tok)
        if guessed and speaker is not None:
            guesses.add(speaker.i)
        cue = rule.cue_chars(tok)
        if rng[1] - rng[0] < MIN_CONTENT_TOKENS:
            continue
        lo, hi = _with_trailing_quote(ctx, rng, owner_of, tok.i)
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if rule.next_paragraph:
            if speaker is None or ctx.paragraph_of(start) != ctx.paragraph_of(cue[0]) + 1:
                continue  # "Read our coverage below:" has no one who says the next paragraph
        elif rule.sentence_before:
            if speaker is None:
                continue
        elif not ctx.paragraph_of(start) <= ctx.paragraph_of(cue[0]) <= ctx.paragraph_of(end - 1):
            continue  # the parse ran over a paragraph break: a clause away from its cue
        if rule.within_cue_paragraph:
            p_start, p_end = ctx.paragraphs[ctx.paragraph_of(cue[0])]
            if start < p_start or end > p_end:
                clipped = ctx.span_chars(max(start, p_start), min(end, p_end))
                if clipped is None or len(clipped) < MIN_CONTENT_TOKENS:
                    continue
                lo, hi = _trim_clause_edges(ctx, clipped.start, clipped.end)
                if hi - lo < MIN_CONTENT_TOKENS or lo <= tok.i < hi:
                    continue
                start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        marked_inside = ctx.marked_from(start - 1, end)  # a bisect, not a scan of all
        for k in marked_inside:  # keep a closing mark the parse left outside the clause
            close = ctx.marked[k].close_mark
            if close is not None and end <= close and not ctx.text[end:close].strip(".,;:!? "):
                end = close + 1
        end = _through_open_quote(ctx, marked_inside, start, end)
        quoted_chars = sum(min(end, ctx.marked[k].end) - ctx.marked[k].start for k in marked_inside)
        if quoted_chars >= MAX_QUOTED_SHARE * (end - start) or _only_marked(
            ctx, marked_inside, start, end
        ):
            continue  # the clause is a direct quote: attributed by the direct-quote rules
        if any(
            not set(d.marked) <= set(marked_inside) or DIRECT_METHODS[d.method].transcript_line
            for d in direct_index.overlapping(start, end)
        ):
            continue  # never report a direct quote (or a transcript line) a second time
        kind = "mixed" if marked_inside else "indirect"
        pieces = [(start, end)]
        if rule.fragments is not None:
            pieces = rule.fragments(ctx, tok, start, end)
        if speaker is not None and is_first_person(speaker) and not first_person_narration(ctx):
            # "we" / a stray "I" outside quotes is not a speaker (the attribution.py rule)
            speaker = None
        confidence = reported_confidence(ctx, rule.method, speaker)
        if speaker is not None and speaker.i in guesses:
            confidence = min(confidence, PROXIMITY_CONFIDENCE)
        draft = Draft(
            fragments=pieces,
            kind=kind,
            cue=cue,
            cue_token=tok.i,
            method=rule.method,
            confidence=confidence,
            paragraph=ctx.paragraph_of(start),
            marked=marked_inside,
        )
        if speaker is not None:
            mention = _within_paragraph(ctx, mention_span(speaker, ctx), speaker)
            if mention.start < lo < mention.end and speaker.i < lo:
                # `According to Rush Limbaugh, the move reeks …` with the clause parsed as
                # Limbaugh's apposition: the speaker ends where the content starts
                m_lo, m_hi = _trim_clause_edges(ctx, mention.start, lo)
                mention = doc[m_lo:m_hi] if m_hi > m_lo else doc[speaker.i : speaker.i + 1]
            draft.mention = mention
        found.append(draft)
    return _without_nested(_without_relayed(ctx, found, direct))
