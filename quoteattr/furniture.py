"""Page furniture: what a web page or a transcript puts around the reporting. Headlines (a
quote only as `Speaker: words` or `words, says Speaker`), link labels (`Read more: "…"`),
transcript lines (`WALLACE: …`) and the page labels that are not speakers (`UPDATE:`).
Editor's notes are found with the paragraphs (`DocContext.notes`)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from quoteattr.context import DocContext, Draft
from quoteattr.cues import Lexicon
from quoteattr.direct_methods import confidence_of
from quoteattr.syntax import NAME_DEPS, climb, mention_span


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of listed words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


@lru_cache(maxsize=8)
def link_label_pattern(words: frozenset[str], tails: frozenset[str]) -> re.Pattern[str]:
    """Web page furniture before a link: `Read more: "How the formula works"`, `Watch: …`
    (the words from page.txt)."""
    return re.compile(
        rf"(?:also )?(?:{_alternatives(words)})(?: (?:{_alternatives(tails)}))?\s*[:|>»\-–—]?\s*$",
        re.IGNORECASE,
    )


def link_label(ctx: DocContext, k: int) -> bool:
    """Is the quote the title of a linked story (`Read more: "…"`, `Watch: "…"`)?"""
    m = ctx.marked[k]
    ps, pe = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    before = ctx.text[ps : m.open_mark].strip()
    if not before or len(before) > 24:
        return False
    pattern = link_label_pattern(ctx.lexicon.link_words, ctx.lexicon.link_word_tails)
    if pattern.fullmatch(before) is None:
        return False
    after = ctx.text[m.close_mark + 1 : pe] if m.close_mark is not None else ""
    return not after.strip(" .,;:!?\"'\u201d\u2019")  # the title is all the paragraph has


# a sentence end inside a paragraph: "… over.” With …" (not "Mr. Smith", "U.S. Senate")


def is_headline(ctx: DocContext, k: int) -> bool:
    """Is quote k in the article's first paragraph when that paragraph reads as a headline?"""
    m = ctx.marked[k]
    if ctx.paragraph_of(m.open_mark) != 0 or len(ctx.paragraphs) < 2:
        return False
    ps, pe = ctx.paragraphs[0]
    text = ctx.text[ps:pe]
    # two sentences make a lead paragraph, not a headline ("“It’s over.” With those words …")
    return len(text.split()) <= 25 and not ctx.lexicon.sentence_break().search(text.rstrip())


def headline_draft(ctx: DocContext, k: int) -> Draft | None:
    """The quote of a headline (quote k is in it), when the headline attributes it."""
    return (
        _headline_colon_draft(ctx, k)
        or _headline_says_draft(ctx, k)
        or _headline_subject_draft(ctx, k)
    )


def _title_case(text: str) -> bool:
    """Is a headline written in title case (every longer word capitalised)?"""
    longer = re.findall(r"[A-Za-z]{4,}", text)
    return bool(longer) and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


TITLE_CASE_SHARE = 0.8
# at most this many words before the quote of `Council boss ‘sorry for delays’`
HEADLINE_SUBJECT_WORDS = 5


def _headline_subject_draft(ctx: DocContext, k: int) -> Draft | None:
    """Headline `Harbour council boss ‘sorry for bin delays’`: a short noun phrase with no
    verb, headed by a role word or a name, then the quote: the words are that speaker's, the
    way UK and Indian papers headline what someone said."""
    ps, _ = ctx.paragraphs[0]
    m = ctx.marked[k]
    words = ctx.span_chars(ps, m.open_mark)
    if words is None or not 0 < len(words) <= HEADLINE_SUBJECT_WORDS:
        return None
    subject_of = words[-1].head if words[-1].dep_ in ("nsubj", "nsubjpass") else None
    if subject_of is not None and subject_of.idx >= m.end:
        return None  # "Ann Lee ‘Sagar’ has said …": the quote is a nickname in a sentence
    # a capitalised first word the tagger calls a verb is a name ("Reading council boss …")
    verbs = [
        t for t in words if t.pos_ in ("VERB", "AUX") and not (t.i == words.start and t.is_title)
    ]
    if verbs or any(t.is_punct or t.tag_ == "POS" or ctx.quoted(t.i) for t in words):
        return None  # "Ava Lee's ‘Harbour’" is whose work, not what she said
    if _title_case(ctx.text[ps : ctx.paragraphs[0][1]]):
        return None  # `Senators Slam ‘Plan For Cuts’`: the tagger misses verbs in title case
    head = words[-1]
    lex = ctx.lexicon
    # a role word, a name, or a body's initials ("HRA ‘dismayed’ as trial is delayed")
    initials = head.is_upper and head.is_alpha and len(head.text) >= 2
    if not (lex.is_title_word(head) or head.ent_type_ in ("PERSON", "ORG") or initials):
        return None
    draft = Draft(
        fragments=list(m.pieces),
        kind="direct",
        cue=None,
        cue_token=None,
        method="headline_subject",
        confidence=confidence_of("headline_subject"),
        paragraph=0,
        marked=[k],
    )
    # the phrase headed by its last word: a headline's parse may hang it on a first word it
    # misreads ("Reading" as a verb)
    start = next(j for j in range(words.start, head.i + 1) if ctx.doc[j : head.i + 1].root == head)
    draft.mention = ctx.doc[start : head.i + 1]
    return draft


def _headline_colon_draft(ctx: DocContext, k: int) -> Draft | None:
    """Headline "Speaker: words with ‘a quote’": everything after the colon is the quote."""
    ps, pe = ctx.paragraphs[0]
    text = ctx.text
    m = ctx.marked[k]
    colon = text.find(":", ps, m.open_mark + 1)
    if colon < 0 or len(text[ps:colon].split()) > 6:
        return None
    head = None
    before_colon = len(ctx.doc)  # the tokens before the colon are doc[:before_colon]
    for tok in ctx.doc:
        if tok.idx >= colon:
            before_colon = tok.i
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
        confidence=confidence_of("headline_colon"),
        paragraph=0,
        marked=[j for j, mk in enumerate(ctx.marked) if start <= mk.open_mark < end],
    )
    head = climb(head, NAME_DEPS, 0, before_colon)
    draft.mention = mention_span(head, ctx)
    if draft.mention.end_char > colon:
        draft.mention = ctx.doc[draft.mention.start : head.i + 1]
    _headline_kind(ctx, draft)
    return draft


# `Cabinet stands together: CM Rao`: a headline's words, then a colon (or a dash, for a
# person's name or initials only) and a short name that ends it
HEADLINE_TRAILER = re.compile(
    r"(?P<sep>:|\s[-–—])\s+(?P<who>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3})\s*$"
)


def headline_trailer_draft(ctx: DocContext) -> Draft | None:
    """A headline with no quote marks whose last words, after a colon, name who said the
    rest, as South Asian and African copy writes one (`Orders keep falling: Exporters' Board`):
    the rest is that speaker's, reported. The words need a verb; the name needs an entity, an
    acronym or a listed title, and no word of it may be lower case."""
    if len(ctx.paragraphs) < 2:
        return None
    ps, pe = ctx.paragraphs[0]
    text = ctx.text[ps:pe].rstrip()
    if len(text.split()) > 25 or ctx.lexicon.sentence_break().search(text):
        return None
    m = HEADLINE_TRAILER.search(text)
    if m is None or len(text[: m.start()].split()) < 4:
        return None
    words = ctx.span_chars(ps, ps + m.start())
    who = ctx.span_chars(ps + m.start("who"), ps + m.end("who"))
    if words is None or who is None or any(ctx.quoted(t.i) for t in words):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in words) and not _speaks_below(ctx, who):
        # "Budget 2024 in numbers: Treasury" is a label, not a statement; "Orders on the
        # decline: HGEA" is one when the body has those initials (or "PM") speak
        return None
    if not any(
        t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or (t.is_upper and len(t) > 1)
        or ctx.lexicon.is_title_word(t)
        or _surname_below(ctx, t)  # "- McCullum", named in full below
        for t in who
    ):
        return None
    if any(t.is_lower for t in who) and not (
        # "… did not work for them: Harbour bowling coach": lower-case words of a role
        m.group("sep") == ":" and ctx.lexicon.is_title_word(who[-1])
    ):
        return None
    if m.group("sep") != ":" and not (
        # "… catch up - McCullum", "… slow after January - HRC": a dash, unlike a colon, also
        # credits a paper ("- The Daily Post"), so only a person's name or initials speak
        all(t.ent_type_ == "PERSON" for t in who)
        or len(who) == 1
        and (who[0].is_upper and 2 <= len(who[0]) <= 6 or _surname_below(ctx, who[0]))
    ):
        return None
    start = ps
    while text[start - ps].isspace():
        start += 1
    cue = (ps + m.start("sep"), ps + m.end("sep"))
    return _headline_reported(ctx, (start, ps + m.start()), cue, words.end, who, "headline_trailer")


# `Ann Lee: We Will Not Back Down On Pay`: a short name, a colon, then the headline's words
HEADLINE_LEAD = re.compile(r"^\s*(?P<who>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}):\s+(?=\S)")


def headline_lead_draft(ctx: DocContext) -> Draft | None:
    """A headline with no quote marks that opens with a name and a colon (`Tom Hale: I Am Not
    Running For Governor`, `Harbour Bank: Rates Will Stay Low`): the words after the colon are
    that speaker's, reported. The name needs a person or organisation NER tags whole, or a
    surname the body gives a person; the words need a verb of their own."""
    if len(ctx.paragraphs) < 2:
        return None
    ps, pe = ctx.paragraphs[0]
    text = ctx.text[ps:pe].rstrip()
    if len(text.split()) > 25 or ctx.lexicon.sentence_break().search(text.rstrip(".")):
        return None
    m = HEADLINE_LEAD.match(text)
    if m is None:
        return None
    who = ctx.span_chars(ps + m.start("who"), ps + m.end("who"))
    end = len(text)
    while end > m.end() and text[end - 1] in " .":
        end -= 1
    words = ctx.span_chars(ps + m.end(), ps + end)
    if who is None or words is None or len(words) < 3 or any(ctx.quoted(t.i) for t in words):
        return None
    named = any(
        e.label_ in ("PERSON", "ORG") and e.start == who.start and e.end == who.end
        for e in ctx.doc.ents
    ) or (len(who) == 1 and _surname_below(ctx, who[0]))
    if not named or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if any(ctx.lexicon.is_cue_verb(t) or t.lower_ == who[-1].lower_ for t in words):
        # "Ann Lee: Harbour coach responds to critics", "Ann Lee: Lee to propose cuts": a
        # label over a story about someone, who says nothing in it
        return None
    cue = (ps + m.end("who"), ps + m.end("who") + 1)
    return _headline_reported(ctx, (ps + m.end(), ps + end), cue, who.end, who, "headline_lead")


def _headline_reported(
    ctx: DocContext,
    fragment: tuple[int, int],
    cue: tuple[int, int],
    cue_token: int,
    who: Span,
    method: str,
) -> Draft:
    """A headline's words with no quote marks, given to ``who`` as a reported quote."""
    draft = Draft(
        fragments=[fragment],
        kind="indirect",
        cue=cue,
        cue_token=cue_token if cue_token < len(ctx.doc) else None,
        method=method,
        confidence=confidence_of(method),
        paragraph=0,
        marked=[],
    )
    draft.mention = who
    return draft


def _speaks_below(ctx: DocContext, who: Span) -> bool:
    """Is the headline's one-word trailer a speaker the body has: initials it writes again
    below, or an abbreviated title ("PM", "CM")?"""
    if len(who) != 1 or not (who[0].is_upper and 2 <= len(who[0]) <= 6):
        return False
    word = who[0].text
    return word in ctx.lexicon.abbreviations or any(
        t.text == word for t in ctx.doc[who.end :] if ctx.token_paragraph[t.i] > 0
    )


def _surname_below(ctx: DocContext, tok: Token) -> bool:
    """Is ``tok`` the last word of a person's name the article gives below its headline?"""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text for e in ctx.doc.ents)


def _headline_kind(ctx: DocContext, draft: Draft) -> None:
    """A headline quote that is all one marked span is direct (its words, without the marks);
    one with words of the writer's around the marks is mixed."""
    start, end = draft.fragments[0]
    inside = [ctx.marked[j] for j in draft.marked]
    if len(inside) == 1 and inside[0].start <= start + 1 and inside[0].end >= end - 1:
        draft.fragments = list(inside[0].pieces)
    else:
        draft.kind = "mixed"


@lru_cache(maxsize=8)
def headline_says_pattern(cues: frozenset[str]) -> re.Pattern[str]:
    """`NHS 'at breaking point', says BMA`: a headline whose last words attribute the rest
    (the cue words from page.txt)."""
    return re.compile(
        rf",\s*(?P<cue>{_alternatives(cues)})\s+(?P<who>[^,:;]{{2,60}}?)[.!]?\s*$",
        re.IGNORECASE,
    )


def _headline_says_draft(ctx: DocContext, k: int) -> Draft | None:
    ps, pe = ctx.paragraphs[0]
    text = ctx.text
    m = headline_says_pattern(ctx.lexicon.headline_cue_words).search(text, ps, pe)
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
        confidence=confidence_of("headline_says"),
        paragraph=0,
        marked=[j for j, mk in enumerate(ctx.marked) if start <= mk.open_mark < end],
    )
    draft.mention = who
    _headline_kind(ctx, draft)
    return draft


# `WALLACE: Let's start with the debate.` -- a transcript line: a speaker label in capitals, a
# colon, then the words, with no quote marks.
TRANSCRIPT_LABEL = re.compile(
    r"[\"\u201c]?(?P<label>[A-Z][A-Z.'\u2019\-]*(?: [A-Z][A-Z.'\u2019\-]*){0,3}):[ \t]+(?=\S)"
)


TRANSCRIPT = "transcript_speaker"


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
    page_labels = ctx.lexicon.page_labels  # labels with nobody speaking (page.txt)
    for para, (ps, pe) in enumerate(ctx.paragraphs):
        m = TRANSCRIPT_LABEL.match(text, ps, pe)
        if m is not None and m.group("label").rstrip(".").lower() not in page_labels:
            lines.append((para, m))
    if not lines:
        return []
    # the last word of a person's name: "Quetta Chapter" tagged a person does not make the
    # dateline "QUETTA:" a speaker
    surnames = {e[-1].lower_ for e in ctx.doc.ents if e.label_ == "PERSON" and e[-1].is_title}
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
                confidence=confidence_of(TRANSCRIPT, weaker=para not in named),
                paragraph=para,
                marked=list(ctx.marked_from(ps, end)),
            )
        )
    return out
