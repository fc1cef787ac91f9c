"""Is a quote-marked span a quotation? Nicknames, names of shows and books, scare quotes and
other short terms, and headings are words in marks that nobody said."""

from __future__ import annotations

from spacy.tokens import Token

from quoteattr.context import DocContext
from quoteattr.cues import Lexicon
from quoteattr.syntax import SUBJECT_DEPS

SHORT_WORDS = 4  # a marked span this short is a term unless it reads as something said
HEADING_WORDS = 10  # a paragraph that is only a quote this short, in title case, is a heading
OPENS_SENTENCE = ".?!:;([\u2014\u2013\u2015-"


def prev_visible(text: str, i: int, floor: int) -> int:
    """Offset of the last non-space character before i (not before floor), or -1."""
    j = i - 1
    while j >= floor and text[j].isspace():
        j -= 1
    return j if j >= floor else -1


def opens_sentence(ctx: DocContext, k: int) -> bool:
    """Does quote k open a sentence (paragraph start, after . ? ! : or a dash)?"""
    m = ctx.marked[k]
    ps, _ = ctx.paragraphs[ctx.paragraph_of(m.open_mark)]
    j = prev_visible(ctx.text, m.open_mark, ps)
    if j < 0:
        return True
    c = ctx.text[j]
    if c in "\"'\u201d\u2019\u00bb":  # after a closing mark: was that quote's sentence over?
        j2 = prev_visible(ctx.text, j, ps)
        return j2 < 0 or ctx.text[j2] in ".?!"
    return c in OPENS_SENTENCE


def short_term(ctx: DocContext, k: int) -> bool:
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
        content[-1] in ".," and m.words >= 2 and content[0].isupper() and opens_sentence(ctx, k)
    )


def _naming_participle(tok: Token) -> bool:
    """A reduced relative that names something ("known as", "called", "dubbed") with nobody
    doing the naming: no agent, so no speaker."""
    return (
        tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)
    )


def said_by_someone(ctx: DocContext, k: int) -> bool:
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


def nickname(ctx: DocContext, k: int) -> bool:
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


def title_case(words: list[str], lexicon: Lexicon) -> bool:
    """Are the words in title case: the first capitalised, and at least three in four of the
    others, leaving aside the short words title case keeps lowercase (`page.txt`)?"""
    if not words or not words[0][0].isupper():
        return False
    small = lexicon.title_case_small_words
    major = [w for w in words[1:] if w.lower() not in small or w[0].isupper()]
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


def name_of_something(ctx: DocContext, k: int) -> bool:
    """`On Sunday’s broadcast of “Town Talk Live,” the mayor said …`: words in title case after
    a preposition, an article or a possessive name a show, a book or a movement; nobody said
    them. So do title-case words that open a sentence as a modifier (`“Town Talk” host …`), and
    a title joined by "and"/"or" to such a name."""
    m = ctx.marked[k]
    words = [w for w in ctx.text[m.start : m.end].split() if w[:1].isalpha()]
    if not words or m.words > HEADING_WORDS or not title_case(words, ctx.lexicon):
        return False
    if opens_sentence(ctx, k):
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
        return not between and name_of_something(ctx, k - 1)
    # a possessive the tagger took for a closing mark before the opening one ("TV’s “Desk”")
    return (
        before.pos_ in ("ADP", "DET")
        or before.tag_ in ("POS", "PRP$")
        or before.lower_ in ("’s", "'s")
    )


def heading(ctx: DocContext, k: int) -> bool:
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


def title_case_term(ctx: DocContext, k: int) -> bool:
    """“Morning Joe”, “The Apprentice”: a short span with every word capitalised is a name."""
    m = ctx.marked[k]
    words = [w for w in ctx.text[m.start : m.end].split() if w[:1].isalpha()]
    return m.words <= SHORT_WORDS and title_case(words, ctx.lexicon)


def term_in_attribution(ctx: DocContext, k: int) -> bool:
    """A few words in marks inside the attribution that interrupts a quote (a show's name, a
    scare quote), not the quote's next part: it does not open a sentence or a clause."""
    m = ctx.marked[k]
    if m.words > SHORT_WORDS or ctx.text[m.end - 1 : m.end] in ("?", "!"):
        return False
    j = prev_visible(ctx.text, m.open_mark, 0)
    return j >= 0 and ctx.text[j] not in ",:" + OPENS_SENTENCE and not opens_sentence(ctx, k)
