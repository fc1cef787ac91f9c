"""The methods of the direct-quote stage in one table: each rule's name (a quote's `method`), how
sure it is (`confidence`), and what the later steps of the stage do with a quote it attributed.

The confidences are calibrated on PolNeAR dev so that 0.9 or more means the speaker was right at
least 95% of the time; docs/attribution.md has a row and an example for every method here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Literal

# Where the unquoted words that lead into a quote start, when it has them (the quote then
# becomes mixed, mixed.py): "sentence", the start of the quote's sentence (`Both parties “are
# broken,” he said`); "complement", the cue's complement before the marks and its words after
# them (`She said the plan was “a disaster” for the town`); "short_complement", the cue's
# complement before the marks, when short (`She listed things such as, “…”`).
LeadIn = Literal["sentence", "complement", "short_complement"]


@dataclass(frozen=True)
class DirectMethod:
    """One method of the direct stage and what it means to the steps after the rules."""

    confidence: float
    # the lower confidence of the rule's weaker case, where the rule has one (see its row)
    weaker: float | None = None
    # a next paragraph that is only a closed quote with no cue continues this quote's words
    # (`“…,” she said.⏎“And more.”`); not so for a quote found inside someone's sentence
    continues_next_paragraph: bool = False
    # the cue makes a short term in marks (a scare quote, a title) a quotation
    claims_short_term: bool = False
    # ... except a short term in title case, which stays a name (`called it “Morning Desk”`)
    title_case_term_is_name: bool = False
    lead_in: LeadIn | None = None
    # the cue stands next to the marks with no subject of its own: a trailing cue is preferred
    cue_without_subject: bool = False
    # a speech verb that governs the quote: it beats a trailing cue the parse does not link to
    # the quote, and terms under one such verb are one quote (`a “liar,” a “bully”`)
    speech_verb_governs: bool = False
    # a line of a transcript: its words are never reported a second time as indirect speech
    transcript_line: bool = False


_trailing = partial(DirectMethod, continues_next_paragraph=True, lead_in="sentence")
_leading = partial(DirectMethod, continues_next_paragraph=True, lead_in="short_complement")
_continued = partial(DirectMethod, continues_next_paragraph=True)

DIRECT_METHODS: dict[str, DirectMethod] = {
    # a speech verb after the closing mark: its subject (weaker: not right after the quote)
    "trailing_subject": _trailing(0.93, weaker=0.85, claims_short_term=True),
    "trailing_name_before_cue": _trailing(0.8, claims_short_term=True),
    "trailing_inverted": _trailing(0.85, claims_short_term=True),
    "trailing_no_speaker": _trailing(0.4, claims_short_term=True),
    "dash_trailer": _trailing(0.85),
    "according_to": _continued(0.85, claims_short_term=True),
    "phrase_cue": _continued(0.75),
    # a speech verb before the opening mark
    "leading_subject": _leading(0.88, claims_short_term=True),
    "leading_name_before_cue": _leading(0.65),
    "leading_no_subject": _leading(0.6, weaker=0.4, cue_without_subject=True),  # weaker: nobody
    "colon_subject": _continued(0.8),
    "colon_name": _continued(0.8),
    "colon_paragraph": _continued(0.85, weaker=0.75),  # weaker: a name, no speech verb
    # the verb that governs the quote (weaker: its subject cannot speak)
    "embedded_speech_verb": DirectMethod(
        0.85,
        weaker=0.6,
        claims_short_term=True,
        title_case_term_is_name=True,
        lead_in="complement",
        speech_verb_governs=True,
    ),
    "embedded_noun_possessor": DirectMethod(0.7),
    "embedded_attribution_verb": DirectMethod(0.7),
    "embedded_verb": DirectMethod(0.55, weaker=0.5),  # weaker: the subject is not a person word
    # the sentence before the quote
    "previous_sentence": _continued(0.7),
    "previous_sentence_subject": _continued(0.6),
    # no cue: the speaker of the quote before, else nobody
    "floating_previous_paragraph": DirectMethod(0.75),
    "none": DirectMethod(0.3),
    # page furniture (furniture.py); weaker: a label that is not itself a named surname
    "transcript_speaker": DirectMethod(0.85, weaker=0.75, transcript_line=True),
    "headline_colon": DirectMethod(0.8),
    "headline_says": DirectMethod(0.8),
    # `Council boss ‘sorry for delays’`: a headline's noun phrase, then the quote
    "headline_subject": DirectMethod(0.7),
    # a headline with no quote marks, "words: Name" (furniture.headline_trailer_draft)
    "headline_trailer": DirectMethod(0.7),
    # a headline with no quote marks, "Name: words" (furniture.headline_lead_draft)
    "headline_lead": DirectMethod(0.7),
}

# caps on any rule's confidence, by what its speaker is
FIRST_PERSON_CAP = 0.8  # "I" in first-person narration
NOT_A_SPEAKER_CAP = 0.6  # a subject that cannot speak ("the plan", "5 p.m."): often a bad parse


def confidence_of(method: str, weaker: bool = False) -> float:
    """The confidence of a method, or of its weaker case."""
    entry = DIRECT_METHODS[method]
    if weaker and entry.weaker is not None:
        return entry.weaker
    return entry.confidence
