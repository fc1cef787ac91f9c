"""Tests for quoteattr.syntax: the parse helpers the stages share, on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quoteattr.context import DocContext
from quoteattr.cues import default_lexicon
from quoteattr.syntax import (
    NAME_DEPS,
    climb,
    first_person_narration,
    hyphen_split,
    mention_span,
    relative_antecedent,
    subject_of,
)

VOCAB = spacy.blank("en").vocab


def _director() -> Doc:
    # Port Director Ines Carvalho said it .
    words = ["Port", "Director", "Ines", "Carvalho", "said", "it", "."]
    heads = [1, 3, 3, 4, 4, 4, 4]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"]
    lemmas = ["Port", "Director", "Ines", "Carvalho", "say", "it", "."]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_climb_goes_up_a_name_to_its_head() -> None:
    doc = _director()
    assert climb(doc[0], NAME_DEPS).text == "Carvalho"
    assert climb(doc[2], NAME_DEPS).text == "Carvalho"
    # a link of another kind stops the climb: "Carvalho" is the subject of "said"
    assert climb(doc[3], NAME_DEPS).text == "Carvalho"


def test_climb_stays_inside_its_bounds() -> None:
    doc = _director()
    # the head "Carvalho" (3) lies outside doc[0:3]: the climb stops at "Ines"
    assert climb(doc[0], NAME_DEPS, 0, 3).text == "Director"
    assert climb(doc[2], NAME_DEPS, 0, 3).text == "Ines"


def test_subject_and_mention_of_a_cue() -> None:
    doc = _director()
    ctx = DocContext(doc, default_lexicon())
    subj = subject_of(doc[4], ctx)
    assert subj is not None and subj.text == "Carvalho"
    assert mention_span(subj, ctx).text == "Port Director Ines Carvalho"


def test_relative_antecedent_climbs_through_a_conjunct() -> None:
    # Lena Ortiz , who spoke and said …  ("said" is a conjunct of the relative clause's verb)
    words = ["Lena", "Ortiz", ",", "who", "spoke", "and", "said", "so", "."]
    heads = [1, 1, 1, 4, 1, 4, 4, 6, 1]
    deps = ["compound", "ROOT", "punct", "nsubj", "relcl", "cc", "conj", "advmod", "punct"]
    tags = ["NNP", "NNP", ",", "WP", "VBD", "CC", "VBD", "RB", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "CCONJ", "VERB", "ADV", "PUNCT"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    antecedent = relative_antecedent(doc[3])
    assert antecedent is not None and antecedent.text == "Ortiz"
    assert relative_antecedent(doc[0]) is None


def test_first_person_narration_counts_pronouns_outside_quotes() -> None:
    words = ["I", "said", "my", "piece", "and", "they", "heard", "me", "."]
    pos = ["PRON", "VERB", "PRON", "NOUN", "CCONJ", "PRON", "VERB", "PRON", "PUNCT"]
    narrated = DocContext(Doc(VOCAB, words=words, pos=pos), default_lexicon())
    assert first_person_narration(narrated)
    words = ["I", "said", "the", "piece", "and", "they", "heard", "it", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "CCONJ", "PRON", "VERB", "PRON", "PUNCT"]
    reported = DocContext(Doc(VOCAB, words=words, pos=pos), default_lexicon())
    assert not first_person_narration(reported)


def test_hyphen_split_joins_a_role_spacy_split_into_three_attributes() -> None:
    # Lee is the co - founder .  ("co", "-" and "founder" all attributes of "is")
    words = ["Lee", "is", "the", "co", "-", "founder", "."]
    spaces = [True, True, True, False, False, False, False]
    heads = [1, 1, 5, 1, 1, 1, 1]
    deps = ["nsubj", "ROOT", "det", "attr", "attr", "attr", "punct"]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps)
    head, pieces = hyphen_split(doc[3])
    assert head.text == "founder" and [t.text for t in pieces] == ["co", "-"]


def test_hyphen_split_stops_where_the_words_after_the_hyphen_hang_on_the_first() -> None:
    # her son - in - law spoke .  ("in" is a preposition of "son", not a new head)
    words = ["her", "son", "-", "in", "-", "law", "spoke", "."]
    spaces = [True, False, False, False, False, True, False, False]
    heads = [1, 6, 3, 1, 5, 3, 6, 6]
    deps = ["poss", "nsubj", "punct", "prep", "punct", "pobj", "ROOT", "punct"]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps)
    for tok in doc:
        head, pieces = hyphen_split(tok)
        assert all(piece.i < head.i for piece in pieces)
    assert hyphen_split(doc[1])[0].i == 1
