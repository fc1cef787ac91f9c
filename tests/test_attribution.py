"""Tests for quoteattr.attribution: the cue and the speaker mention of every direct quote."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quoteattr.component  # noqa: F401  (registers the factory)
from quoteattr.api import DEFAULT_MODELS
from quoteattr.attribution import attribute_direct
from quoteattr.component import quotes_from_doc
from quoteattr.context import DocContext
from quoteattr.cues import DATA_DIR, LEXICON_FILES, Lexicon, default_lexicon
from quoteattr.direct_rules import embedded_rule, leading_rule, trailing_rule
from quoteattr.syntax import mention_span, subject_of
from quoteattr.types import Quote


def _load_model() -> Language:
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


def quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    return quotes_from_doc(nlp(text))


def find(found: tuple[Quote, ...], content: str) -> Quote:
    for q in found:
        if content in q.text:
            return q
    raise AssertionError(f"no quote contains {content!r}: {[q.text for q in found]}")


# (text, speaker mention, cue, a piece of the quote's content)
PATTERNS = [
    # "Q," X said
    ('"The bridge will open in May," Maria Lindqvist said.', "Maria Lindqvist", "said", "bridge"),
    # "Q," said X
    ('"We have no money left for roads," said the mayor.', "the mayor", "said", "roads"),
    # X said, "Q"
    ('The coach said, "We played our worst half of the season."', "The coach", "said", "worst"),
    # X said: "Q"
    (
        'Dr. Omar Haddad said: "The vaccine is safe for children."',
        "Dr. Omar Haddad",
        "said",
        "safe",
    ),
    # "Q1," X said, "Q2"
    (
        '"The river rose fast," the farmer said, "and the barn was gone by noon."',
        "the farmer",
        "said",
        "barn",
    ),
    # "Q," X said, adding "Q2"
    (
        '"Prices will rise," the economist said, adding "and wages will not keep up."',
        "the economist",
        "said",
        "Prices",
    ),
    # X told Y, "Q"  (the listed phrase "told reporters" is the cue)
    (
        'The captain told reporters, "Nobody on this team is giving up."',
        "The captain",
        "told reporters",
        "giving up",
    ),
    ('The coach told his players, "Run it again."', "The coach", "told", "Run it again"),
    # a bracketed affiliation stays in the mention
    (
        '"The bill is dead," said Sen. Jane Moreau (R-Ohio).',
        "Sen. Jane Moreau (R-Ohio)",
        "said",
        "bill is dead",
    ),
    # "Q," according to X
    (
        '"The factory will close next year," according to a union official.',
        "a union official",
        "according to",
        "factory",
    ),
    # "Q" — X  (dash trailer)
    ('"Bring water and a hat." — Lena Ortiz', "Lena Ortiz", "—", "water"),
    # "Q" -Title Name
    ('"Our schools need more teachers." -Councilwoman Ada Brooks', "Ada Brooks", "-", "teachers"),
    # "Q," X said in a statement  (the phrase is part of the cue)
    (
        '"The recall affects two models," the carmaker said in a statement.',
        "the carmaker",
        "said in a statement",
        "recall",
    ),
    # X, in a statement: "Q"
    (
        'The ministry, in a statement: "No flights will leave before Monday."',
        "The ministry",
        "in a statement",
        "flights",
    ),
    # a quote inside someone's sentence
    (
        'Senator Ruth Alder called the plan "a gift to the banks" on Tuesday.',
        "Senator Ruth Alder",
        "called",
        "gift",
    ),
    # the whole noun phrase, with apposition and affiliation
    (
        '"The numbers are wrong," said Tom Reyes, a spokesman for the Treasury.',
        "Tom Reyes, a spokesman for the Treasury",
        "said",
        "numbers",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), PATTERNS)
def test_pattern(nlp: Language, text: str, speaker: str, cue: str, content: str) -> None:
    q = find(quotes(nlp, text), content)
    assert q.speaker is not None and q.speaker.mention is not None
    assert speaker in q.speaker.mention.text
    # read from the pipeline's Doc, whose text is normalized: a hyphen glued to the speaker's
    # name is an en dash there (extract() re-slices the caller's string and gives "-")
    assert q.cue is not None
    assert q.cue.text == cue or (cue, q.cue.text) == ("-", "–")
    # neither the cue nor the speaker mention is ever inside the quote
    for start, end in q.fragments:
        assert not start <= q.cue.start < end
        assert not start <= q.speaker.mention.start < end


def test_floating_quote_continues_previous_speaker(nlp: Language) -> None:
    text = (
        '"We will rebuild the pier," said Harbor Master Ines Falk.\n\n'
        '"It will take two summers and most of our budget."'
    )
    # the next paragraph, only a quote with no cue, goes on with her words: one quote, two
    # fragments (one attribution, as PARC-style corpora annotate it)
    q = find(quotes(nlp, text), "two summers")
    assert q.speaker is not None and q.speaker.mention is not None
    assert "Ines Falk" in q.speaker.mention.text
    assert [text[a:b] for a, b in q.fragments] == [
        "We will rebuild the pier,",
        "It will take two summers and most of our budget.",
    ]


def test_floating_quote_after_a_quote_inside_a_sentence_stands_alone(nlp: Language) -> None:
    text = (
        'Harbor Master Ines Falk called the storm damage "a disgrace" on Monday.\n\n'
        '"It will take two summers and most of our budget."'
    )
    q = find(quotes(nlp, text), "two summers")
    assert q.speaker is not None and q.speaker.mention is not None
    assert "Ines Falk" in q.speaker.mention.text
    assert q.method == "floating_previous_paragraph"
    assert q.confidence < 0.9


def test_colon_paragraph_introduces_next_paragraph(nlp: Language) -> None:
    text = 'And from Chairwoman Delia Park:\n\n"The budget is balanced for the first time."'
    q = find(quotes(nlp, text), "balanced")
    assert q.speaker is not None and q.speaker.mention is not None
    assert "Delia Park" in q.speaker.mention.text
    assert q.method == "colon_paragraph"


def test_colon_paragraph_without_a_speech_verb_is_its_subjects(nlp: Language) -> None:
    # the subject of the verb before the colon, not the last name the paragraph holds
    text = (
        "Mr. Kwame Asante, a pensioner who had driven in from Tema for a check-up, did not "
        "hide his dismay:\n\n\u201cFour hours in a corridor, then they sent me away.\u201d"
    )
    q = find(quotes(nlp, text), "Four hours")
    assert q.speaker is not None and q.speaker.name == "Kwame Asante"
    assert q.method == "colon_paragraph"


def test_alternating_speakers_in_an_exchange(nlp: Language) -> None:
    text = (
        '"Why was the road closed?" asked Nora Quist. '
        '"Because the bridge failed an inspection," replied Ben Otieno.'
    )
    found = quotes(nlp, text)
    first, second = find(found, "road closed"), find(found, "inspection")
    assert first.speaker and first.speaker.mention and first.speaker.mention.text == "Nora Quist"
    assert second.speaker and second.speaker.mention and second.speaker.mention.text == "Ben Otieno"


def test_first_person_outside_quotes_is_not_a_speaker(nlp: Language) -> None:
    text = 'I asked the driver about the fare. "It doubled last year," he said.'
    q = find(quotes(nlp, text), "doubled")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "he"


def test_confidence_is_a_probability_and_method_is_named(nlp: Language) -> None:
    text = '"The dam is safe," the engineer said. Then "rain" fell, as the old song goes.'
    found = quotes(nlp, text)
    assert any(q.text.startswith("The dam is safe") for q in found)
    for q in found:
        assert 0.0 <= q.confidence <= 1.0
        assert q.method and q.method != ""


# --- a rule on a hand-built parse, independent of the model --------------------------------


def hand_parsed(vocab_nlp: Language) -> Doc:
    # "Q," Kim said .   with the parse a good parser gives
    words = ["“", "Rates", "will", "fall", ",", "”", "Kim", "Lee", "said", "."]
    spaces = [False, True, True, False, False, True, True, True, False, False]
    heads = [3, 3, 3, 8, 3, 3, 7, 8, 8, 8]
    deps = [
        "punct",
        "nsubj",
        "aux",
        "ccomp",
        "punct",
        "punct",
        "compound",
        "nsubj",
        "ROOT",
        "punct",
    ]
    pos = ["PUNCT", "NOUN", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]
    lemmas = ["“", "rate", "will", "fall", ",", "”", "Kim", "Lee", "say", "."]
    tags = ["``", "NNS", "MD", "VB", ",", "''", "NNP", "NNP", "VBD", "."]
    return Doc(
        vocab_nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        tags=tags,
    )


def test_trailing_rule_on_a_hand_built_parse() -> None:
    doc = hand_parsed(spacy.blank("en"))
    ctx = DocContext(doc, default_lexicon())
    assert len(ctx.marked) == 1
    said = doc[8]
    subject = subject_of(said, ctx)
    assert subject is not None and subject.i == 7
    assert mention_span(doc[7], ctx).text == "Kim Lee"
    draft = trailing_rule(ctx, 0)
    assert draft is not None and draft.method == "trailing_subject"
    assert draft.mention is not None and draft.mention.text == "Kim Lee"
    assert draft.cue is not None and doc.text[draft.cue[0] : draft.cue[1]] == "said"


def test_embedded_rule_on_a_hand_built_parse() -> None:
    # Ana called it " a mess " .
    nlp = spacy.blank("en")
    words = ["Ana", "called", "it", "“", "a", "mess", "”", "."]
    spaces = [True, True, True, False, True, False, False, False]
    heads = [1, 1, 5, 5, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "nsubj", "punct", "det", "oprd", "punct", "punct"]
    pos = ["PROPN", "VERB", "PRON", "PUNCT", "DET", "NOUN", "PUNCT", "PUNCT"]
    lemmas = ["Ana", "call", "it", "“", "a", "mess", "”", "."]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    ctx = DocContext(doc, default_lexicon())
    draft = embedded_rule(ctx, 0)
    assert draft is not None and draft.method == "embedded_speech_verb"
    assert draft.mention is not None and draft.mention.text == "Ana"


def test_leading_name_before_the_cue_comma_on_a_hand_built_parse() -> None:
    # At Dayton College , Ana Ruiz ( R ) , said , " We are ready . "  with "said" left without
    # a subject: the person right before the comma, past the affiliation, not "Dayton College"
    nlp = spacy.blank("en")
    words = ["At", "Dayton", "College", ",", "Ana", "Ruiz", "(", "R", ")", ",", "said", ",",
             "\"", "We", "are", "ready", ".", "\""]  # fmt: skip
    spaces = [True, True, False, True, True, True, False, False, False, True, False, True,
              False, True, True, False, False, False]  # fmt: skip
    heads = [10, 2, 0, 10, 5, 10, 7, 5, 7, 10, 10, 10, 14, 14, 10, 14, 14, 14]
    deps = ["prep", "compound", "pobj", "punct", "compound", "npadvmod", "punct", "appos",
            "punct", "punct", "ROOT", "punct", "punct", "nsubj", "ccomp", "acomp", "punct",
            "punct"]  # fmt: skip
    pos = ["ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT",
           "PUNCT", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT"]  # fmt: skip
    ents = ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"] + ["O"] * 12
    lemmas = [w.lower() for w in words]
    lemmas[10] = "say"
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
        ents=ents,
    )  # fmt: skip
    ctx = DocContext(doc, default_lexicon())
    assert len(ctx.marked) == 1
    draft = leading_rule(ctx, 0)
    assert draft is not None and draft.method == "leading_name_before_cue"
    assert draft.mention is not None and draft.mention.text.startswith("Ana Ruiz")


# --- the lexicon: size, phrases, replacement, and saving -----------------------------------


def test_cue_lexicon_is_large_and_has_phrases_and_nouns() -> None:
    lex = default_lexicon()
    assert len(lex.speech_verbs) + len(lex.speech_nouns) + len(lex.phrases) >= 150
    assert ("according", "to") in lex.phrases
    assert ("in", "a", "statement") in lex.phrases
    assert ("told", "reporters") in lex.phrases
    assert {"statement", "remark"} <= lex.speech_nouns


def test_hyphenated_phrase_matches_spacy_tokens() -> None:
    doc = spacy.blank("en")("She wrote in an e-mail to staff")
    assert default_lexicon().phrase_at(doc, 2) == 7


def _copy_lexicon(dst: Path) -> None:
    dst.mkdir()
    for name in LEXICON_FILES:
        (dst / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")


def test_user_lexicon_through_initialize(tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    _copy_lexicon(folder)
    with open(folder / "cues.txt", "a", encoding="utf-8") as fh:
        fh.write("\n[speech_verbs]\nsniff\n")
    nlp = _load_model()
    nlp.add_pipe("quote_attributor")
    # what nlp.initialize() calls with [initialize.components.quote_attributor] lexicon_dir
    nlp.get_pipe("quote_attributor").initialize(lexicon_dir=str(folder))
    assert "sniff" in nlp.get_pipe("quote_attributor").lexicon.speech_verbs
    assert "sniff" not in default_lexicon().speech_verbs


def test_saved_pipeline_carries_its_lexicon(tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    _copy_lexicon(folder)
    with open(folder / "cues.txt", "a", encoding="utf-8") as fh:
        fh.write("\n[speech_verbs]\nsniff\n")
    nlp = _load_model()
    attributor = nlp.add_pipe("quote_attributor")
    attributor.initialize(lexicon_dir=str(folder))
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "quote_attributor" / "lexicon" / "cues.txt").is_file()
    loaded = spacy.load(tmp_path / "pipeline")
    assert "sniff" in loaded.get_pipe("quote_attributor").lexicon.speech_verbs
    text = '"The soup is cold," the critic sniffed.'
    q = find(quotes_from_doc(loaded(text)), "soup")
    assert q.cue is not None and q.cue.text == "sniffed"


def test_an_empty_lexicon_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="copy the ones you change"):
        Lexicon.from_dir(tmp_path)


def test_a_lexicon_folder_may_give_only_the_files_it_changes(tmp_path: Path) -> None:
    (tmp_path / "titles.txt").write_text("[roles]\nharbourmaster\n", encoding="utf-8")
    lexicon = Lexicon.from_dir(tmp_path)
    assert "harbourmaster" in lexicon.title_words
    assert "ambassador" not in lexicon.title_words  # titles.txt is replaced as a whole
    assert lexicon.speech_verbs == default_lexicon().speech_verbs  # the rest are the defaults


# --- rules added for quotes without a cue next to them ---------------------------------------

MORE_PATTERNS = [
    # the sentence before names the speaker, the quote opens the next sentence
    (
        'Her old business partner, Dev Mehta, called her a born negotiator. "She never '
        'left a table without a deal."',
        "Dev Mehta",
        "called",
        "without a deal",
    ),
    # ... or closes the paragraph before a paragraph that is only the quote
    (
        "Mayor Lin spoke to the council on Monday. She told members the plan was dead.\n\n"
        '"We have no money for it."',
        "She",
        "told",
        "no money",
    ),
    # an inserted "officials said" clause governs the quote
    (
        'The new rules, the minister said, will be "fair to every farmer."',
        "the minister",
        "said",
        "every farmer",
    ),
    # a trailing cue inside a when-clause belongs to someone else
    (
        'The mayor kept repeating, "We did nothing wrong," when the auditor questioned him.',
        "The mayor",
        "repeating",
        "nothing wrong",
    ),
    # a leading cue inside a when-clause belongs to someone else; the main verb decides
    (
        "When the former governor Ivo Marsh criticized her during a debate, Ana shot back, "
        '"I chose to work for a living."',
        "Ana",
        "shot",
        "work for a living",
    ),
    # a quote hanging on another quote takes that quote's governor
    (
        'Ruiz called his rival "a coward," "a fraud" and "a danger to the state."',
        "Ruiz",
        "called",
        "danger to the state",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), MORE_PATTERNS)
def test_quotes_without_an_adjacent_cue(
    nlp: Language, text: str, speaker: str, cue: str, content: str
) -> None:
    q = find(quotes(nlp, text), content)
    assert q.speaker is not None and q.speaker.mention is not None
    assert speaker in q.speaker.mention.text
    # read from the pipeline's Doc, whose text is normalized: a glued hyphen is an en dash there
    assert (
        q.cue is not None and q.cue.text == cue.replace("-", "–")
        if cue == "-"
        else q.cue.text == cue
    )


def test_first_person_narration_keeps_i(nlp: Language) -> None:
    text = (
        "I grew up on a farm, and my uncle ran the feed store. One winter I asked him "
        'about the price of corn. I laughed and said, "I will never farm."'
    )
    q = find(quotes(nlp, text), "never farm")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "I"


ODD_TEXTS = [
    '"',
    '""',
    '"Q" —',
    '— "Yes."',
    '"Fine."\n\n"Fine."\n\n"Fine."',
    'He said: "',
    '5 p.m.\n\nThe doctor is calling the patient "fit as a fiddle."',
    '"We won," -',
    'according to "',
    '"It\'s over," said, "really over."',
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_put_cue_or_speaker_inside_a_quote(nlp: Language, text: str) -> None:
    for q in quotes(nlp, text):
        assert 0.0 <= q.confidence <= 1.0
        inside = [(s, e) for s, e in q.fragments]
        if q.cue is not None:
            assert not any(s <= q.cue.start < e for s, e in inside)
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert not any(s <= m.start < e for s, e in inside)
            assert m.text.lower() not in ("i", "we", "me", "us")


def test_subject_across_a_paragraph_break(nlp: Language) -> None:
    text = '5 p.m.\n\nThe senator\'s doctor is calling the senator "fit as a fiddle."'
    q = find(quotes(nlp, text), "fiddle")
    assert q.speaker is not None and q.speaker.mention is not None
    assert "doctor" in q.speaker.mention.text
    assert "p.m." not in q.speaker.mention.text


def test_adding_quote_shares_the_speaker(nlp: Language) -> None:
    text = '"Prices will rise," the economist said, adding "and wages will not keep up."'
    found = quotes(nlp, text)
    for content in ("Prices", "wages"):
        q = find(found, content)
        assert q.speaker is not None and q.speaker.mention is not None
        assert q.speaker.mention.text == "the economist"


TRANSCRIPT_TEXT = (
    "Radio host Dana Whitlock interviewed Mayor Teresa Okonjo on Friday.\n\n"
    "WHITLOCK: Will the tram line open on time?\n\n"
    "OKONJO: We are three weeks behind, and I will not pretend otherwise.\n\n"
    "WHITLOCK: And the budget?\n\n"
    "CORRECTION: An earlier version gave the wrong date for the interview.\n"
)


def test_transcript_lines_are_quotes_of_their_labelled_speaker(nlp: Language) -> None:
    found = [q for q in quotes(nlp, TRANSCRIPT_TEXT) if q.method == "transcript_speaker"]
    assert [(q.speaker.name if q.speaker else None, q.text) for q in found] == [
        ("Dana Whitlock", "Will the tram line open on time?"),
        ("Teresa Okonjo", "We are three weeks behind, and I will not pretend otherwise."),
        ("Dana Whitlock", "And the budget?"),
    ]
    assert all(q.kind == "direct" and q.cue is not None and q.cue.text == ":" for q in found)
    # the correction notice is page furniture, not a speaker
    assert not any(
        q.start > TRANSCRIPT_TEXT.index("CORRECTION") for q in quotes(nlp, TRANSCRIPT_TEXT)
    )


@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI: The central bank held its rate at 13 percent on Tuesday.\n",
        "Grace Mutua chairs the bank.\n\nUPDATE: This story has been updated with new figures.\n",
        # the city is a word of a name NER calls a person ("Quetta Chapter"), not its last word
        "QUETTA: Wholesalers this week described the new tariff as \u2018crushing\u2019.\n\n"
        "\u201cNothing but levies,\u201d Imran Aziz, President Quetta Chapter of the Wholesale "
        "Merchants Union said.\n",
    ],
)
def test_datelines_and_notices_are_not_transcript_lines(nlp: Language, text: str) -> None:
    assert not [q for q in quotes(nlp, text) if q.method == "transcript_speaker"]


def test_page_labels_come_from_the_lexicon(nlp: Language, tmp_path: Path) -> None:
    # a lexicon folder with only its own page.txt: that label is page furniture, matched
    # without case, and every other list keeps its default
    text = "Radio host Dana Whitlock spoke to the mayor.\n\nWHITLOCK: Will the tram open?\n"
    doc = nlp(text)
    found = attribute_direct(DocContext(doc, default_lexicon()))
    assert [d.method for d in found] == ["transcript_speaker"]
    folder = tmp_path / "lex"
    folder.mkdir()
    page = (DATA_DIR / "page.txt").read_text(encoding="utf-8") + "\n[page_labels]\nWhitlock\n"
    (folder / "page.txt").write_text(page, encoding="utf-8")
    lexicon = Lexicon.from_dir(folder)
    assert lexicon.speech_verbs == default_lexicon().speech_verbs
    assert not [
        d for d in attribute_direct(DocContext(doc, lexicon)) if d.method == "transcript_speaker"
    ]


def test_quote_after_a_sentence_about_someone_is_theirs(nlp: Language) -> None:
    text = (
        "The strike entered its third week.\n\n"
        "Union leader Sharon Okoye was defiant. “We will stay out until the offer improves.”"
    )
    q = find(quotes(nlp, text), "stay out")
    assert q.speaker is not None and q.speaker.name == "Sharon Okoye"
    assert q.method == "previous_sentence_subject"
    assert q.cue is None
    assert q.confidence < 0.7


def test_a_quote_paragraph_after_a_paragraph_about_a_named_person_is_theirs(
    nlp: Language,
) -> None:
    text = (
        "The hearing was moved to Friday.\n\n"
        "Tom Reed, whose son died in the blaze, is angry about the delay.\n\n"
        "“We drive here every week and nothing happens. It is wearing us down.”\n\n"
        "The court will sit again on Friday."
    )
    q = find(quotes(nlp, text), "wearing us down")
    assert q.speaker is not None and q.speaker.name == "Tom Reed"
    assert q.method == "previous_sentence_subject"


def test_a_quote_paragraph_after_a_paragraph_about_a_role_stays_unattributed(
    nlp: Language,
) -> None:
    # across a paragraph break only a person the sentence names carries the quote
    text = (
        "The hearing was moved to Friday.\n\n"
        "The magistrate was angry about the delay.\n\n"
        "“We drive here every week and nothing happens. It is wearing us down.”"
    )
    q = find(quotes(nlp, text), "wearing us down")
    assert q.method != "previous_sentence_subject"


def test_quote_after_a_sentence_about_something_has_no_speaker(nlp: Language) -> None:
    text = "The strike entered its third week.\n\nThe river burst its banks. “It was a sight.”"
    q = find(quotes(nlp, text), "sight")
    assert q.speaker is None


@pytest.mark.parametrize(
    "label", ["Mayor Ines Falk", "Mayor Ines Falk (@InesFalk)", "Mayor Ines Falk (D-Ohio)"]
)
def test_name_and_colon_with_a_bracket_before_the_colon(nlp: Language, label: str) -> None:
    # the tokenizer makes "):" one token; the name in brackets is not the speaker
    text = f"Reactions poured in.\n\n{label}: “A proud day for the city.”"
    q = find(quotes(nlp, text), "proud day")
    assert q.speaker is not None and q.speaker.name == "Ines Falk"
    assert q.method == "colon_name"


def test_abbreviations_that_end_no_sentence_come_from_the_lexicon(tmp_path: Path) -> None:
    # "Mr. Ruiz Wins" is one sentence by default; a page.txt without "Mr" makes it two
    headline = "Mr. Ruiz Wins the Vote"
    assert not default_lexicon().sentence_break().search(headline)
    page = (DATA_DIR / "page.txt").read_text(encoding="utf-8")
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "page.txt").write_text(page.replace("\nMr\n", "\n"), encoding="utf-8")
    assert Lexicon.from_dir(folder).sentence_break().search(headline)


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # after reported speech ("according to")
        (
            "The rent rise was widely opposed, according to Ada Brennan, head of the Renters "
            "Alliance.\n\n“Our phones have not stopped ringing since the letters went out.\n\n"
            "“We will fight it in the tribunal.”",
            "phones have not stopped",
            "Ada Brennan",
        ),
        # after a paragraph of narration
        (
            "“The volunteers have kept the archive alive,” said Professor Mira Tane.\n\n"
            "The archive holds letters, maps and ledgers from three centuries.\n\n"
            "“Without them it would have closed long ago.”",
            "closed long ago",
            "Mira Tane",
        ),
    ],
)
def test_a_floating_quote_goes_on_with_the_last_speaker(
    nlp: Language, text: str, words: str, name: str
) -> None:
    q = find(quotes(nlp, text), words)
    assert q.speaker is not None and q.speaker.name == name
    assert q.method == "floating_previous_paragraph"


def test_a_headline_opening_with_a_name_and_a_colon_is_that_speaker_s():
    import quoteattr

    text = (
        "Tom Hale: I Am Not Interested In Being Governor.\n\n"
        "Senator Tom Hale said on Sunday that he would not run for governor next year."
    )
    first = quoteattr.extract(text)[0]
    assert first.text == "I Am Not Interested In Being Governor"
    assert first.kind == "indirect"
    assert first.speaker is not None and first.speaker.name == "Tom Hale"


@pytest.mark.parametrize(
    "headline",
    [
        "Election 2024: What To Watch In The Final Week",  # a label, no speaker
        "Tom Hale: Harbour Senator Responds To Critics",  # a story about him, a cue verb
        "Tom Hale: Hale To Propose Cuts To The Budget",  # a story about him, his own name
    ],
)
def test_a_headline_label_before_a_colon_is_no_speaker(headline):
    import quoteattr

    text = f"{headline}\n\nSenator Tom Hale spoke to voters in the capital on Sunday."
    assert all(q.start > len(headline) for q in quoteattr.extract(text))
