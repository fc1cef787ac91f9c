"""First-version speaker patterns (issue 2): subject of a speech verb in either order, pronouns
and nominals resolved to the named speaker, titles before the name and in apposition."""

from __future__ import annotations

import pytest

import quoteattr

# (text, quote starts with, resolved name, title, cue, mention)
ROWS = [
    (
        '"The harvest came early this year," said farmer Ruth Adebayo.',
        "The harvest",
        "Ruth Adebayo",
        "farmer",
        "said",
        "farmer Ruth Adebayo",
    ),
    (
        '"We expect the bridge to open in May," Transport Secretary Alan Whitfield said.',
        "We expect",
        "Alan Whitfield",
        "Transport Secretary",
        "said",
        "Transport Secretary Alan Whitfield",
    ),
    (
        'Coach Maria Santos said: "The team played with real courage tonight."',
        "The team",
        "Maria Santos",
        "Coach",
        "said",
        "Coach Maria Santos",
    ),
    (
        "Judge Samuel Okoro adjourned the hearing.\n\n"
        '"The court needs the full file before it can rule," he said.',
        "The court",
        "Samuel Okoro",
        "Judge",
        "said",
        "he",
    ),
    (
        "Dr Anita Rao, the hospital's chief surgeon, met the families.\n\n"
        '"Every patient is stable," she told reporters.',
        "Every patient",
        "Anita Rao",
        "hospital's chief surgeon",
        "told reporters",
        "she",
    ),
    (
        "Swedish Ambassador to Kenya Lars Holm arrived in Mombasa.\n\n"
        '"Trade between our countries has doubled," the Swedish envoy added.',
        "Trade between",
        "Lars Holm",
        "Swedish Ambassador to Kenya",
        "added",
        "the Swedish envoy",
    ),
    (
        '"Profits will recover next year," Northwind Airlines said in a statement.',
        "Profits will",
        "Northwind Airlines",
        None,
        "said in a statement",
        "Northwind Airlines",
    ),
]


@pytest.mark.parametrize("text,starts,name,title,cue,mention", ROWS)
def test_speaker_pattern(nlp, text, starts, name, title, cue, mention):
    quotes = [q for q in quoteattr.extract(text, nlp=nlp) if q.text.startswith(starts)]
    assert len(quotes) == 1, quoteattr.extract(text, nlp=nlp)
    q = quotes[0]
    assert q.speaker is not None
    assert q.speaker.name == name
    assert q.speaker.title == title
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker.mention is not None and q.speaker.mention.text == mention


def test_two_speakers_alternate(nlp):
    text = (
        'Opposition leader Grace Mutua attacked the plan. "It is a fantasy," Mutua said.\n\n'
        '"It is fully costed," replied Finance Minister Peter Langat.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    names = [q.speaker.name for q in quotes if q.kind == "direct" and q.speaker]
    assert names == ["Grace Mutua", "Peter Langat"]


@pytest.mark.parametrize(
    "descriptor",
    ["the 29-year-old", "the Ghanaian", "the 29-year-old midfielder"],
)
def test_age_and_nationality_descriptors_refer_back(nlp, descriptor):
    # Sports and court copy names a person once, then says "the 29-year-old" or "the Ghanaian".
    text = (
        "Kwame Asante, 29, signed a new contract on Tuesday.\n\n"
        f'"I have always wanted to stay here," {descriptor} said.'
    )
    (q,) = quoteattr.extract(text, nlp=nlp)
    assert q.speaker is not None
    assert q.speaker.name == "Kwame Asante"
    assert q.speaker.mention is not None
    assert q.speaker.mention.text.endswith(descriptor.removeprefix("the "))


def test_indefinite_age_description_is_someone_new(nlp):
    text = (
        "Kwame Asante, 29, signed a new contract on Tuesday.\n\n"
        "A 17-year-old student said she had queued since dawn."
    )
    (q,) = quoteattr.extract(text, nlp=nlp)
    assert q.speaker is not None
    assert q.speaker.name != "Kwame Asante"
    assert q.speaker.title == "student"


@pytest.mark.parametrize(
    ("mention", "name", "label"),
    [
        ("Okafor's brother", "Okafor's brother", "PERSON"),
        ("Okafor's lawyer", "Okafor's lawyer", "PERSON"),
        # an organisation named after its person is called as readers call it
        ("Okafor's campaign", "Okafor campaign", "ORG"),
    ],
)
def test_a_possessor_is_not_the_speaker(nlp, mention, name, label):
    text = f"Daniel Okafor was charged on Monday.\n\n{mention} said the family would appeal."
    (q,) = quoteattr.extract(text, nlp=nlp)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.label) == (name, label)


def test_a_rejected_claim_is_not_the_rejecters(nlp):
    text = "The judge rejected the claim that the firm had acted in good faith."
    (q,) = quoteattr.extract(text, nlp=nlp)
    assert q.text == "the firm had acted in good faith"
    assert q.speaker is None or q.speaker.mention is None or q.speaker.mention.text != "The judge"


def test_a_hyphenated_word_stays_whole_in_the_mention(nlp):
    text = "Analysts at Leeds-based Harrow Capital said they expected one more rate rise."
    (q,) = quoteattr.extract(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "Analysts at Leeds-based Harrow Capital"


# (text, the quote starts with, resolved name, title or ANY): one row per resolution rule of the
# third round, each written for the rule it checks
ANY = object()
RESOLUTION_ROWS = [
    # a profession outside the lists is a title, by its ending
    ('"The bones are older than we thought," said Ama Owusu, a palaeontologist at the museum.',
     "The bones", "Ama Owusu", "palaeontologist at the museum"),
    # an abbreviated title refers back to the person whose title it abbreviates
    ("Kerala Chief Minister Anil Menon opened the bridge on Sunday.\n\n"
     '"It will cut the commute by an hour," the CM said.', "It will", "Anil Menon",
     "Kerala Chief Minister"),
    # a stance prefix NER keeps is not part of the name
    ("Her campaign is more anti-Mensah than pro-Okafor.\n\nOkafor said the port would reopen.",
     "the port", "Okafor", ANY),
    # ", adding, …" hung by the parse on the reported clause: the reporting speaker adds
    ("Mayor Ines Falk told the radio station that the contractor “had failed us,” adding, "
     "“We will not hire them again.”", "We will", "Ines Falk", ANY),
    # "the ministry" only refers to an organisation named ministry
    ("Shares in Norvik Shipping fell on Monday.\n\nFuel duty will rise in May, the ministry said.",
     "Fuel duty", "the ministry", ANY),
    # a later "she" prefers a main clause's subject to one inside "the argument that …"
    ("Judge Fiona Hale heard the case on Monday.\n\nThe judge rejected the argument that Mara "
     "Quint had acted out of need. She said the money had gone on holidays.", "the money",
     "Fiona Hale", ANY),
    # an institution named after someone is not a person
    ("Professor Ama Mensah, of Queen's College Belfast, said the results were solid.",
     "the results", "Ama Mensah", "Professor"),
    # a lone first name is the one known person with it, after Sir/Dame or alone
    ("Business Secretary Alan Whitmore opened the plant on Friday.\n\n"
     "Sir Alan said the factory would employ 400 people.", "the factory", "Alan Whitmore", ANY),
    ("Business Secretary Alan Whitmore opened the plant on Friday.\n\n"
     "Alan said the factory would employ 400 people.", "the factory", "Alan Whitmore", ANY),
    # sports copy names a player once, then says what they play
    ("Kwame Asante signed a new contract on Tuesday.\n\n"
     '"I always wanted to stay," the midfielder said.', "I always", "Kwame Asante", ANY),
    # "boss" is a title, as the UK and business press use it
    ("Harbour Foods boss Nadia Brennan said sales fell for a second year.", "sales fell",
     "Nadia Brennan", "Harbour Foods boss"),
    # one name with two NER labels in one article is one organisation
    ("Tesco profits jump as shoppers return\n\nLONDON (Reuters) - Tesco, Britain's biggest "
     "supermarket group, reported a rise in profit on Wednesday.\n\n"
     "The grocer said it would return money to shareholders.", "it would", "Tesco", ANY),
]  # fmt: skip


@pytest.mark.parametrize(("text", "starts", "name", "title"), RESOLUTION_ROWS)
def test_resolution_rules(nlp, text, starts, name, title):
    (q,) = [q for q in quoteattr.extract(text, nlp=nlp) if q.text.startswith(starts)]
    assert q.speaker is not None
    assert q.speaker.name == name
    if title is not ANY:
        assert q.speaker.title == title
