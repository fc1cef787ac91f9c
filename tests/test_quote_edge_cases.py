"""Quotes a new user met and lost: short replies, glued dash trailers, a colon after an object,
transcripts whose speakers are only named by their labels."""

from __future__ import annotations

import pytest

from quoteattr.api import extract, speakers

FAMILY = 'Maria Lopez and Daniel Lopez arrived.\n\n"We won the title today," said Maria.\n\n'


@pytest.mark.parametrize(
    ("reply", "content", "cue"),
    [
        ('"No," Daniel said.', "No,", "said"),
        ('"Not yet!" Daniel said.', "Not yet!", "said"),
        ('"Absolutely not," Daniel said.', "Absolutely not,", "said"),
        ('"Not yet," Daniel told reporters.', "Not yet,", "told reporters"),
    ],
)
def test_a_short_reply_after_an_earlier_quote_is_kept(reply: str, content: str, cue: str) -> None:
    # the reply's first words used to read as a nickname between "Maria." and "Daniel"
    found = extract(FAMILY + reply)
    assert [q.text for q in found] == ["We won the title today,", content]
    reply_quote = found[1]
    assert reply_quote.speaker is not None and reply_quote.speaker.name == "Daniel Lopez"
    assert reply_quote.cue is not None and reply_quote.cue.text == cue


def test_a_nickname_between_first_name_and_surname_is_still_no_quote() -> None:
    text = 'Marcia "Cia" Price said the vote was close.'
    assert not [q for q in extract(text) if q.kind == "direct"]


@pytest.mark.parametrize("dash", ["-", "--", "\u2013", "\u2014"])
def test_a_dash_glued_to_the_speaker_is_not_part_of_the_mention(dash: str) -> None:
    text = f'"Vote early." {dash}Councilwoman Ada Brooks'
    (quote,) = extract(text)
    assert quote.text == "Vote early."
    assert quote.method == "dash_trailer"
    speaker = quote.speaker
    assert speaker is not None and speaker.mention is not None
    assert speaker.mention.text == "Councilwoman Ada Brooks"
    assert (speaker.name, speaker.title) == ("Ada Brooks", "Councilwoman")


def test_a_hyphen_inside_words_is_left_alone() -> None:
    text = '"The U.S.-China talks went well," said trade envoy Rosa Vega-Lind.'
    (quote,) = extract(text)
    assert quote.speaker is not None and quote.speaker.name == "Rosa Vega-Lind"


@pytest.mark.parametrize(
    "opening", ["Sen. Ada Brooks (D-Ore.) scolded him", "Sen. Ada Brooks scolded him"]
)
def test_a_colon_after_the_cue_object_leaves_a_direct_quote(opening: str) -> None:
    text = f'{opening}: "You should know better."'
    (quote,) = extract(text)
    assert (quote.kind, quote.text) == ("direct", "You should know better.")
    assert quote.speaker is not None and quote.speaker.name == "Ada Brooks"
    assert quote.cue is not None and quote.cue.text == "scolded"


def test_a_short_lead_without_a_colon_still_makes_a_mixed_quote() -> None:
    text = 'Senator Ruth Alder called the plan "a gift to the banks."'
    (quote,) = extract(text)
    assert quote.kind == "mixed" and quote.text.startswith("the plan")


TRANSCRIPT = "JOHN SMITH: We will win.\n\nMARY JONES: No, you will not.\n\nJOHN SMITH: Watch us."


def test_a_transcript_of_labels_alone_gives_every_line_to_its_speaker() -> None:
    found = extract(TRANSCRIPT)
    assert [(q.speaker.name if q.speaker else None, q.text) for q in found] == [
        ("JOHN SMITH", "We will win."),
        ("MARY JONES", "No, you will not."),
        ("JOHN SMITH", "Watch us."),
    ]
    assert {q.method for q in found} == {"transcript_speaker"}
    assert [(s.name, len(s.quotes)) for s in speakers(TRANSCRIPT)] == [
        ("JOHN SMITH", 2),
        ("MARY JONES", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # two labels that never answer each other: datelines of a news digest
        "LONDON: Fares rise in May.\n\nPARIS: The metro strike ended.\n\nLONDON: Rain again.",
        # a label repeated, but only one label: a list, not a dialogue
        "NOTE: Fares rise.\n\nNOTE: Rain again.\n\nNOTE: The metro is shut.",
        # two lines are not enough to call it a dialogue
        "JOHN SMITH: We will win.\n\nMARY JONES: No, you will not.",
    ],
)
def test_labelled_paragraphs_that_are_no_dialogue_are_no_transcript(text: str) -> None:
    assert not [q for q in extract(text) if q.method == "transcript_speaker"]
