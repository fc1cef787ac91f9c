"""The output contract of issue 2: offsets slice back, to_dict keys and types, order, repr."""

from __future__ import annotations

import json

import pytest

import quoteattr
from quoteattr import Mention, Quote, Speaker

STORY = (
    "Port officials reopened the harbour on Friday after a week of storms.\n\n"
    "\u201cWe lost four days of trade, and the fishermen lost more,\u201d said Port Director "
    "Ines\u00a0Carvalho. \u201cNobody wants a repeat of that.\u201d\r\n\r\n"
    "Carvalho said repairs to the north wall would take a month.\n\n"
    "\u201cThe wall held, which is what matters,\u201d she added.\n"
)

QUOTE_KEYS = {"text", "start", "end", "fragments", "kind", "cue", "speaker", "confidence", "method"}
SPEAKER_KEYS = {"name", "title", "label", "mention"}


@pytest.fixture(scope="module")
def quotes(nlp) -> list[Quote]:
    return quoteattr.extract(STORY, nlp=nlp)


def test_finds_the_quotes_in_text_order(quotes):
    assert len(quotes) >= 3
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    kinds = {q.kind for q in quotes}
    assert "direct" in kinds and "indirect" in kinds


def test_offsets_slice_back_to_the_original_string(quotes):
    for q in quotes:
        for s, e in q.fragments:
            assert 0 <= s < e <= len(STORY)
            assert STORY[s:e] in q.text
        assert q.start == q.fragments[0][0] and q.end == q.fragments[-1][1]
        if len(q.fragments) == 1:
            assert STORY[q.start : q.end] == q.text
        if q.cue is not None:
            assert STORY[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert STORY[m.start : m.end] == m.text
            assert not (q.start <= m.start < q.end and len(q.fragments) == 1)


def test_interrupted_quote_is_one_quote_with_two_fragments(quotes):
    first = quotes[0] if quotes[0].kind == "direct" else quotes[1]
    assert len(first.fragments) == 2
    assert first.text.startswith("We lost four days") and first.text.endswith("repeat of that.")
    assert first.cue is not None and first.cue.text == "said"


def test_names_and_titles_survive_non_breaking_spaces(quotes):
    direct = [q for q in quotes if q.kind == "direct"]
    assert all(q.speaker is not None for q in direct)
    assert {q.speaker.name for q in direct} == {"Ines Carvalho"}  # type: ignore[union-attr]
    assert direct[0].speaker.title == "Port Director"  # type: ignore[union-attr]
    assert direct[-1].speaker.mention.text == "she"  # type: ignore[union-attr]


def test_to_dict_is_the_json_contract(quotes):
    for q in quotes:
        d = q.to_dict()
        assert set(d) == QUOTE_KEYS
        assert isinstance(d["text"], str)
        assert isinstance(d["start"], int) and isinstance(d["end"], int)
        assert all(isinstance(s, int) and isinstance(e, int) for s, e in d["fragments"])
        assert d["kind"] in ("direct", "indirect", "mixed")
        assert d["cue"] is None or set(d["cue"]) == {"text", "start", "end"}
        assert 0.0 <= d["confidence"] <= 1.0
        assert isinstance(d["method"], str) and d["method"]
        if d["speaker"] is not None:
            assert SPEAKER_KEYS <= set(d["speaker"]) <= SPEAKER_KEYS | {"affiliation"}
            assert isinstance(d["speaker"]["name"], str)
            mention = d["speaker"]["mention"]
            assert mention is None or set(mention) == {"text", "start", "end"}
        assert json.loads(json.dumps(d)) == d


def test_repr_is_readable(quotes):
    text = repr(quotes[0])
    assert "Ines Carvalho" in text and "said" in text and text.startswith("<Quote direct")
    assert "Carvalho" in repr(quotes[0].speaker)


def test_extract_many_gives_the_same_as_extract(nlp, quotes):
    other = "\u201cIt is late,\u201d the driver said."
    many = list(quoteattr.extract_many([STORY, "", other], nlp=nlp, batch_size=2))
    assert len(many) == 3
    assert many[0] == quotes
    assert many[1] == []
    assert many[2] == quoteattr.extract(other, nlp=nlp)


def test_quotes_are_frozen(quotes):
    with pytest.raises(AttributeError):
        quotes[0].text = "changed"  # type: ignore[misc]


def test_from_dict_reads_the_json_back(quotes):
    assert any(q.speaker is not None and q.speaker.mention is not None for q in quotes)
    for q in quotes:
        data = json.loads(json.dumps(q.to_dict()))
        assert Quote.from_dict(data) == q
        if q.speaker is not None:
            assert Speaker.from_dict(data["speaker"]) == q.speaker


def test_speaker_from_dict_keeps_the_affiliation():
    speaker = Speaker("Lars Holm", "Swedish Ambassador", "PERSON", Mention("he", 3, 5), "Sweden")
    assert Speaker.from_dict(speaker.to_dict()) == speaker
