"""Titles: what the article says a person is, found the way the sentence builds it.

A title stands before a name ("Central Bank of Ireland Governor Anne Moreau"), in apposition to
it ("Ben Ortiz, an economist at Harrow Capital,"), or in what the sentence says of the person
("who served as ambassador to Burma"). Each is read from the parse and the entity spans, with
the role words of ``data/titles.txt`` as evidence; abbreviations are written out ("Sen." ->
"Senator"). ``TitleFinder`` is the lowest layer of the speaker stage: the cast (``cast.py``)
asks it for the titles of every name it registers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.tokens import Span, Token

from quoteattr.context import DocContext
from quoteattr.syntax import (
    DASHES,
    NAME_DEPS,
    after_inverted_subject,
    climb,
    hyphen_split,
    supposed,
)

if TYPE_CHECKING:
    from quoteattr.cast import Entity

LEADING_NON_TITLE = frozenset(
    {"CCONJ", "SCONJ", "ADP", "ADV", "INTJ", "NUM", "PRON", "PART", "DET", "PUNCT"}
)
# the number of a post shared by several holders ("Finance Minister II"), after the role
ROLE_NUMERALS = frozenset({"II", "III", "IV"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})  # "…, which represents …" is no title
COMPLEMENT_PREPS = frozenset({"of", "to", "for", "at", "from", "in", "on", "with", "without"})
TITLE_GLUE = frozenset(
    {"of", "to", "for", "the", "and", "on", "in", "at", "'s", "’s", "-", "&", "without"}
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
# "her landlord, Victor Hale" -> title "landlord": the possessive says whose, not what.
TITLE_DROP = DETERMINERS | {"his", "her", "my", "our", "your"}
POSSESSIVE = ("'s", "’s", "'", "’")
TITLE_MAX_TOKENS = 16
TITLE_MAX_WORDS = 14  # a longer phrase is more often a clause than a title
TITLE_WEIGHT_CAP = 6
QUOTED_NAME_MAX = 5  # words of a show's or a paper's name in quote marks inside a title
# what "leads" or "heads" takes that is no body led: "leads the race", "heads the list"
NOT_LED = frozenset(
    {"race", "list", "field", "pack", "charge", "way", "polls", "table", "game"}
    | {"study", "project", "research", "review", "inquiry", "effort", "push", "bid", "call"}
)
ORGANISATION_AFTER = frozenset({"of", "at", "from"})  # "Dr Ann Lee, from the Harbour Institute"
TIME_PREPS = frozenset({"after", "before", "since", "during", "until", "following"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
TITLE_BREAKS = frozenset({"--", "—", "–", "(", "[", ";"})  # a title ends before these
# and starts after these: "(Photo: AP) Kenya's captain Ann Lee", a caption's credit before it
CREDIT_ENDS = frozenset({")", "]", ":"})
TITLED_WORKS = frozenset({"WORK_OF_ART"})  # "Harbour Lights: A Memoir" keeps its colon
AFFILIATION_RANK = {"ORG": 0, "GPE": 1, "NORP": 2}
# "Ted, a suggestion from his mother,": nouns with these endings name a thing, never a person
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ancy", "ency")
# "cardiologist", "moderator", "historian", "consultant", "chairman": someone who does something.
# Broader than cues.PROFESSION_ENDINGS, which makes an unlisted noun a title anywhere: these only
# confirm a word already in a title's place (a capitalised first word before a name) or keep a
# person of someone's ("his partner") from being taken for their words.
AGENT_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent", "man", "woman", "person")
STANCE_PREFIXES = frozenset({"pro", "anti", "non", "ex", "post", "pre", "neo", "mid"})


@dataclass(frozen=True)
class TitleRef:
    """A title as the article gives it, where it starts, and the organisation/country it names."""

    start: int
    text: str
    affiliation: str | None = None
    role: bool = True  # headed by a listed role ("nominee"), not only a description ("woman")
    size: int | None = None  # content words, a name of an organisation or place counting once
    past: bool = False  # a role the sentence says was held ("who served as …"), not held now


NAME_GLUE = frozenset({"and", "of", "the", "&"})  # lower-case words inside a business's name


def _describes(head: Token) -> bool:
    """A singular common noun with an article or a complement, in apposition to a name, says
    what the person is ("a property developer", "the group's treasurer", "curator of the
    Harbour Museum"), whether or not titles.txt lists it."""
    # "holder" of "the council's deputy leader and housing portfolio holder" may be tagged a
    # proper noun: in lower case it is still a common noun
    common = head.pos_ == "NOUN" and head.tag_ == "NN" or head.tag_ == "NNP" and head.is_lower
    # "Tom Reed, statistician in the bureau's prices unit,": a noun for someone that the tagger
    # calls an adjective, though an adjective is never in apposition ("happy with it" modifies)
    common = common or (
        head.tag_ == "JJ" and head.dep_ == "appos" and head.lower_.endswith(AGENT_ENDINGS)
    )
    return (
        common
        and not head.lower_.endswith(ABSTRACT_ENDINGS)
        and any(
            c.dep_ in ("det", "poss")
            or (c.dep_ == "nummod" and c.lower_ == "one")  # "One Republican hopeful, Ann Lee,"
            or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS)
            for c in head.children
        )
    ) or _party_member(head)


def _party_member(head: Token) -> bool:
    """'a prominent New York Democrat', 'a Democrat from Ohio': a party word with an article,
    in apposition to a name, says what the person is, though less than any role
    (`_party_post`)."""
    return (
        head.ent_type_ == "NORP"
        and head.tag_ == "NNP"
        and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "the") or c.dep_ == "poss"
            for c in head.children
        )
    )


# the links from a name's noun back up to the role whose phrase holds it
CLIMB_TO_ROLE = frozenset({"conj", "dobj", "relcl", "pobj", "prep"})


def _party_post(head: Token) -> bool:
    """'the ranking Democrat on the Budget Committee': a party word with "the" and a body it
    sits on is a post, and so is the body's own ("the panel's ranking Republican"); "a
    Democrat from Ohio" is only a member of a party from a place."""
    return _party_member(head) and (
        any(c.dep_ == "poss" and (c.pos_ == "NOUN" or c.ent_type_ == "ORG") for c in head.children)
        or any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and any(
            c.dep_ == "prep"
            and c.lower_ in ("on", "of", "in")
            and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in c.children)
            for c in head.children
        )
    )


def _following_preps(verb: Token, attr: Token) -> tuple[Token, ...]:
    """The verb's "at/of/for …" phrases that go on right after ``attr`` ("who was coordinator
    for trade | at the State Department")."""
    out: list[Token] = []
    end = attr.right_edge.i
    for c in verb.children:
        if c.i == end + 1 and c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS and not _when(c):
            out.append(c)
            end = c.right_edge.i
    return tuple(out)


def _shortened(words: list[Token], head: Token) -> list[Token]:
    """'director of the Centre for … at the … Institute of … at … University': a title too
    long to keep, a chain of "of/at/for" phrases with no verb, ends at the last phrase that
    fits, and before a second role that cut would leave half ("President of X and Member |
    of …"). A phrase with a verb is left as it is (a clause, no title)."""
    if any(t.tag_.startswith("VB") for t in words):
        return words
    cut = max(
        (k for k, t in enumerate(words[: TITLE_MAX_WORDS + 1]) if k and t.pos_ == "ADP"),
        default=0,
    )
    at_head = next((k for k, t in enumerate(words) if t.i == head.i), len(words))
    if cut <= at_head:
        return words
    end = words[cut].i
    cut = min(
        (
            k
            for k, t in enumerate(words[at_head:cut], at_head)
            if t.dep_ == "cc"
            and any(c.dep_ == "conj" and c.right_edge.i >= end for c in t.head.children)
        ),
        default=cut,
    )
    return words[:cut]


def _second_description(tok: Token) -> bool:
    """'… adviser to the campaign on tax issues and an associate professor at …', '… at the
    Lakeside School of Medicine and the host of a podcast': a conjunct with its own article is a
    second description, wherever the parse hangs it."""
    return tok.dep_ == "conj" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children
    )


def _when(tok: Token) -> bool:
    """'from 2009 to 2012', 'since March', 'following the World Cup', 'on his arrival in
    Harbour': when someone held a post or spoke is no part of the post."""
    return tok.dep_ == "prep" and (
        tok.lower_ in TIME_PREPS
        or any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children)
        or tok.lower_ in ("on", "upon")
        and any(
            c.dep_ == "pobj" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
            for c in tok.children
        )
    )


def _comma_before_when(tok: Token) -> bool:
    """A comma right before a date or time said on its own ("…, yesterday in Harbourton")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.text == ","
        and nxt is not None
        and nxt.ent_type_ in ("DATE", "TIME")
        and nxt.dep_ in ("npadvmod", "advmod")
    )


def _placing_participle(tok: Token, placing_verbs: frozenset[str]) -> bool:
    """'Dana Holt, senior associate for community organizing at the Harbour Institute,' /
    'a nurse working at Harbour Hospital': a participle of work (`titles.txt`
    `[placing_verbs]`) with no subject of its own that names an organisation or place says
    where the described person works; it stays in the title ('a nurse hoping for change',
    'a journalist visiting Harbourtown' are left out)."""
    return (
        tok.dep_ == "acl"
        and tok.lemma_.lower() in placing_verbs
        and tok.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(d.ent_type_ in ("ORG", "GPE", "FAC") for d in tok.subtree)
    )


def _instructs(verb: Token) -> bool:
    """'has directed Harbour Bank governor Ann Moyo to act': the verb tells someone to do
    something (two objects, or an object and a clause), which no one does to the body they
    head."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return (
        len(objects) > 1
        or bool(objects)
        and any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children)
    )


def _present(verb: Token) -> bool:
    """'heads', 'lead', 'is leading': said of now, not of a post held before."""
    return verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "’s") for c in verb.children)
    )


def _with_no_name(tok: Token, head: Token) -> bool:
    """'the coach with the cup final win': "with" joins a title only with a name ("an analyst
    with Harbour Capital", "an aide with Ann Lee's campaign"; NER's name that the tagger calls a
    common noun, "a scientist with the research agency HSRO", too)."""
    return (
        tok.dep_ == "prep"
        and tok.lower_ == "with"
        and tok.head.i == head.i
        and not any(
            (w.pos_ == "PROPN" or w.ent_type_ in ("ORG", "PERSON", "GPE", "FAC"))
            and not _in_clause_below(w, tok)
            for w in tok.subtree
        )
    )


def _in_clause_below(tok: Token, top: Token) -> bool:
    """Does ``tok`` stand in a clause that hangs below ``top`` ("…, which ended X's run")?"""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in CLAUSE_DEPS:
            return True
        tok = tok.head
    return False


def _common_word(tok: Token) -> bool:
    """Written in lower case, or a word for someone's occupation capitalised only because it
    starts the sentence ("Cardiologist Dr Peter Lam"; not "Chasing Ann Lee, …")."""
    return (
        tok.is_lower
        or (
            bool(tok.is_sent_start)
            and tok.ent_type_ in ("", "PERSON")  # "Forecaster Ann Lee": NER's person from it
            and tok.is_alpha
            and tok.text[1:].islower()
            and tok.lower_.endswith(AGENT_ENDINGS)
        )
    )


def _hyphenated(tok: Token) -> bool:
    """'front' in 'front-runner': the first part of one hyphenated word."""
    doc = tok.doc
    return (
        not tok.whitespace_
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not doc[tok.i + 1].whitespace_
    )


def _size(
    words: list[Token],
    person_words: frozenset[str] = frozenset(),
    uncounted: frozenset[str] = frozenset(),
    role_phrases: frozenset[str] = frozenset(),
    bodies: set[int] | frozenset[int] = frozenset(),
) -> int:
    """Content words, each name of an organisation, place or person counted once: "US
    Ambassador to the United Nations" says no more than "US Ambassador to the UN". The name of
    a body or place counts twice (not one whose words are a person's: ``person_words``); a
    word that only grades the role ("senior": ``uncounted``) not at all; a role of two words
    (``role_phrases``: "chief executive") once, as the "CEO" it also is. ``bodies``: tokens of
    initials NER tagged a body only elsewhere in the document."""
    size = 0
    names: set[int] = set()
    doc = words[0].doc if words else None
    for k, w in enumerate(words):
        if w.lower_ in TITLE_GLUE or w.lower_ in TITLE_DROP or w.is_punct or w.lower_ in uncounted:
            continue
        if k and f"{words[k - 1].lower_} {w.lower_}" in role_phrases:
            continue
        if (
            k > 1
            and words[k - 1].text == "-"
            and not (words[k - 1].whitespace_ or words[k - 2].whitespace_)
        ):
            continue  # "co-founder", "vice-chair": one word, split at its hyphen
        last = w.i
        while doc is not None and last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        # an entity that runs on past the title into the person's name ("Principal Magistrate
        # Ben Okoth" tagged ORG) is no name the title holds: its words count each
        if (w.ent_type_ in AFFILIATION_RANK or w.ent_type_ == "PERSON") and last <= words[-1].i:
            first = w.i
            while first > 0 and w.doc[first].ent_iob_ == "I":
                first -= 1
            if first in names:
                continue  # the rest of a name already counted
            names.add(first)
            if w.ent_type_ != "PERSON" and w.text not in person_words:
                size += 1  # a body's or place's name says where more than any common word
        elif (w.ent_type_ in AFFILIATION_RANK or w.i in bodies) and w.is_upper and len(w) >= 2:
            # "UN" in an entity NER runs on into the name, or initials NER tagged a body only
            # elsewhere ("KWU general secretary"), still name a body
            size += 1
        size += 1
    return size


def _counted_compound(words: list[Token]) -> bool:
    """'two-term governor', 'three-time champion': a number joined by a hyphen to the noun
    after it says what kind of holder, and stays (an age, "34-year-old", does not)."""
    return (
        len(words) > 2
        and words[0].pos_ == "NUM"
        and words[1].text == "-"
        and not words[0].whitespace_
        and not words[1].whitespace_
        and words[2].lower_ not in ("year", "years", "month", "week", "day")
    )


def initials_like(word: str) -> bool:
    """Two capitals or more in one word of letters ("DfE", "HRB", "RK"): initials, no name."""
    return word.isalpha() and sum(c.isupper() for c in word) >= 2


def title_weight(title: TitleRef) -> int:
    """How much a title says: its content words (up to a point: a longer phrase is more often
    a clause than a title), one more when a listed role heads it ("nominee" over "woman")."""
    size = title.size
    if size is None:
        size = len([w for w in title.text.lower().split() if w not in TITLE_GLUE | TITLE_DROP])
    # "chief executive" held at Lees, said elsewhere, says where as much as "Lees boss"
    # a body's name counts twice in a title's size, so where it is held says as much
    # ("the chief of the central bank" says where in its own words, which its size counts)
    said_where = 2 * (
        title.affiliation is not None
        and title.affiliation not in title.text
        and not COMPLEMENT_PREPS.intersection(title.text.lower().split())
    )
    return min(size + said_where, TITLE_WEIGHT_CAP) + title.role


def clean_name(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    # "Following Harbour Union's decision": NER takes in the preposition that governs the name
    if len(tokens) > 1 and tokens[0].dep_ == "prep" and tokens[0].tag_ in ("IN", "VBG"):
        tokens = tokens[1:]
    # "pro-Clinton", "anti-Trump": NER keeps the prefix; the name is what follows the hyphen
    while len(tokens) > 2 and tokens[0].lower_ in STANCE_PREFIXES and tokens[1].text == "-":
        tokens = tokens[2:]
    # "Department of Health (DOH": NER runs on into the bracket of the abbreviation
    opening = next((k for k, t in enumerate(tokens) if t.text == "(" and k > 0), None)
    if opening is not None and not any(t.text == ")" for t in tokens[opening:]):
        tokens = tokens[:opening]
    # "Ravi Kamal Rai 'Sagar'": a nickname after the name, in quote marks, is no part of it
    # (one inside the name, 'Marta "Bunny" Reyes', has the surname after its closing mark)
    mark = next(
        (
            k
            for k, t in enumerate(tokens)
            if k > 0 and t.is_quote and tokens[k - 1].whitespace_ and not t.whitespace_
        ),
        None,
    )  # an opening mark, not the apostrophe of "Taxpayers' Union"
    if mark is not None and not any(t.is_quote for t in tokens[mark + 1 : -1]):
        tokens = tokens[:mark]
    # "John - who died last year -": a spaced dash before a word in lower case ends a name
    # ("Gillis-Harry" has no space; "Wire.com - Food company Kerry" is a dateline's)
    dash = next(
        (
            k
            for k, t in enumerate(tokens)
            if k > 0
            and t.text in "-–—"
            and tokens[k - 1].whitespace_
            and (k + 1 == len(tokens) or tokens[k + 1].is_lower)
        ),
        None,
    )
    if dash is not None:
        tokens = tokens[:dash]
    # "CM Rao ⏎⏎ Harbourtown": NER runs on over a headline's end; a name is in one paragraph
    brk = next((k for k, t in enumerate(tokens) if t.is_space and "\n" in t.text and k > 0), None)
    if brk is not None:
        tokens = tokens[:brk]
    # "the Ann Lee-led field": a participle hyphened to a name's end is no part of it (a
    # name's own lower-case part is: "Ban Ki-moon")
    while (
        len(tokens) > 2
        and tokens[-1].is_lower
        and tokens[-1].tag_ in ("VBN", "VBD")
        and tokens[-2].text == "-"
        and not tokens[-2].whitespace_
        and not tokens[-3].whitespace_
    ):
        tokens = tokens[:-2]
    return strip_tail(tokens)


def strip_tail(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct or tokens[-1].is_space):
        if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
            break  # "… the County Assembly (MCAs)": the bracket closes, never "(MCAs"
        tokens = tokens[:-1]
    return tokens


def entities_within_lines(ents: Sequence[Span]) -> tuple[Span, ...]:
    """Entity spans cut at a line break, and a name's also at a colon: NER runs a headline's
    speaker into the words after the colon ("Okafor: Trust Mensah" tagged one body) and a
    name into the next line ("Ed Vance" + "HARBOURTON"). The title of a book or a show keeps
    its colon ("Harbour Lights: A Memoir")."""
    out: list[Span] = []
    for ent in ents:
        colon = ":" if ent.label_ not in TITLED_WORKS else "\n"
        if not any(t.text == colon or "\n" in t.text for t in ent):
            out.append(ent)
            continue
        start = ent.start
        for t in ent:
            if t.text == colon or "\n" in t.text:
                if t.i > start:
                    out.append(Span(ent.doc, start, t.i, label=ent.label_))
                start = t.i + 1
        if ent.end > start:
            out.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return tuple(out)


def name_text(tokens: list[Token] | Span) -> str:
    """The words as written (original spacing folded), not the tokens joined."""
    if not len(tokens):
        return ""
    first, last = tokens[0], tokens[-1]
    if last.i - first.i + 1 != len(tokens):  # a nickname left out: "Marta Reyes"
        return " ".join(t.text for t in tokens)
    # A Span's text, not doc.text sliced: doc.text rebuilds the whole string on every call.
    return " ".join(first.doc[first.i : last.i + 1].text.split())


class TitleFinder:
    """Title and affiliation extraction for one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.lex = ctx.lexicon
        self.by_token: dict[int, Entity] = {}  # filled by the cast: which name owns a token
        self.acronym_tokens: set[int] = set()  # initials tagged a body elsewhere, not here
        # spaCy builds these Spans on every access: once per document
        self.ents = self._with_branches(entities_within_lines(ctx.doc.ents))
        ents = [e for e in self._acronyms_everywhere(self.ents) if e.label_ in AFFILIATION_RANK]
        self._aff_starts = [e.start_char for e in ents]
        self._aff_ents = ents
        self._main_names: dict[str, str] = {}  # label -> the one the article is about, or ""
        self._person_words: frozenset[str] | None = None  # words of PERSON names, when needed
        self._token_starts: list[int] | None = None  # each token's first character
        self._courts: list[int] | None = None  # tokens of "Court", found when needed
        self._honorific_tokens = self._find_honorifics()

    def _find_honorifics(self) -> set[int]:
        """The tokens of honorifics, those of two words included ("Tan Sri Ali Bakar", where
        "Tan" alone is a surname): found once per document."""
        orth = self.ctx.doc.to_array(ORTH)  # the words' hashes: no Token is built for this
        ones, twos = self.lex.honorific_hashes()
        out = set(numpy.flatnonzero(numpy.isin(orth, ones)).tolist())
        for first, second in twos:
            for k in numpy.flatnonzero((orth[:-1] == first) & (orth[1:] == second)).tolist():
                out.update((k, k + 1))
        return out

    def is_honorific(self, tok: Token) -> bool:
        return tok.i in self._honorific_tokens

    def names_person(self, i: int) -> bool:
        """Whether token ``i`` belongs to the name of a person of the cast."""
        owner = self.by_token.get(i)
        return owner is not None and owner.label == "PERSON"

    def _acronyms_everywhere(self, ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """'KWU' tagged an organisation in the headline and left untagged in "KWU general
        secretary Ana Polk": initials NER once called a body name that body wherever they
        stand alone and untagged, as where a title is held and in its weight (not as more
        mentions of the body: how often the article uses its initials stays as NER saw it)."""
        acronyms = {
            e.text
            for e in ents
            if e.label_ == "ORG"
            and len(e) == 1
            and e[0].is_upper
            and e[0].is_alpha
            and len(e.text) > 1
            and e.text not in self.lex.abbreviations
        }
        if not acronyms:
            return ents
        doc = self.ctx.doc
        taken = {t for e in ents for t in range(e.start, e.end)}
        hashes = [doc.vocab.strings[a] for a in acronyms]
        extra = [
            Span(doc, i, i + 1, label="ORG")
            for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), hashes)).tolist()
            if i not in taken
        ]
        self.acronym_tokens = {s.start for s in extra}
        return tuple(sorted((*ents, *extra), key=lambda e: e.start)) if extra else ents

    def _with_branches(self, ents: tuple[Span, ...]) -> tuple[Span, ...]:
        """'EIS Scotland said', 'HSU Wales': a body's initials NER left untagged right before a
        place it tagged are that body's branch there, one organisation ("EIS Scotland"), not
        the place."""
        doc = self.ctx.doc
        out = list(ents)
        for k, ent in enumerate(ents):
            before = doc[ent.start - 1] if ent.start > 0 else None
            if (
                ent.label_ == "GPE"
                and before is not None
                and before.is_upper
                and before.is_alpha
                and len(before) > 1
                and not before.ent_type_
                and not self.lex.is_title_word(before)
            ):
                out[k] = Span(doc, ent.start - 1, ent.end, label="ORG")
        return tuple(out)

    def honorific_at(self, i: int) -> bool:
        """Whether token ``i`` is an honorific, or the dot of one the tokenizer split off
        ("Engr" "."): "Ms." before a name is no title and says whose name follows."""
        doc = self.ctx.doc
        return i in self._honorific_tokens or (
            doc[i].text == "." and i > 0 and doc[i - 1].text + "." in self.lex.honorifics
        )

    def _is_title_token(self, tok: Token) -> bool:
        """A title word, or an abbreviation the tokenizer split from its dot ("Det" ".")."""
        if self.lex.is_title_word(tok):
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.text == "." and tok.text + "." in self.lex.abbreviations

    def _dotted_title(self, word: str) -> bool:
        """A title's abbreviation with its dot, or titles joined by a hyphen ("Det.-Sgt.")."""
        return word in self.lex.abbreviations or "-" in word and self.lex.joined_titles(word)

    def title_after_name(self, toks: list[Token]) -> TitleRef | None:
        """'Tom Ashby KC told the court', 'Jane Cole, MP, said': letters after a name that
        are a post (`titles.txt` `[postnominal_titles]`) are a title when nothing says more."""
        doc = self.ctx.doc
        k = toks[-1].i + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k >= len(doc) or doc[k].lower_.strip(".") not in self.lex.postnominal_titles:
            return None
        # the least a title can say: any other title the article gives says more
        return TitleRef(doc[k].idx, doc[k].text, role=False, size=1)

    def _in_a_list_of_portfolios(self, i: int, first: int) -> bool:
        """Is the comma at ``i`` one of a list of capitalised portfolios that a role before it
        heads ("Minister of Forestry, Fisheries and Environment Ann Lee"): between capitalised
        words, with an "and" and no role word after it before the name?"""
        doc = self.ctx.doc
        if doc[i].text != "," or i < 2 or not (doc[i - 1].is_title and doc[i + 1].is_title):
            return False
        after = doc[i + 1 : first]
        return any(t.lower_ == "and" for t in after) and not any(
            self._is_title_token(t) for t in after
        )

    def title_after_dash(self, toks: list[Token]) -> TitleRef | None:
        """'Councillor Ann Lee – chair of the Safety Committee – said': a role phrase set off by
        dashes (or a dash and a comma) right after the name is her title."""
        doc = self.ctx.doc
        k = toks[-1].i + 1
        if k + 2 >= len(doc) or doc[k].text not in DASHES or not doc[k].whitespace_:
            return None
        end = k + 1
        while end < len(doc) and end - k <= 12 and doc[end].text not in DASHES | {",", ".", ";"}:
            end += 1
        if end >= len(doc) or doc[end].text not in DASHES | {","}:
            return None
        words = list(doc[k + 1 : end])
        if (
            not any(self._is_title_token(t) for t in words)
            or any(t.pos_ in ("VERB", "AUX") or self.ctx.quoted(t.i) for t in words)
            or any(self.names_person(t.i) for t in words)
        ):
            return None
        return self._title_ref(words, described=True)

    def title_in_court(self, toks: list[Token]) -> TitleRef | None:
        """'Ann Lee, prosecuting, said', 'Tom Hale KC, for the defence,', 'Ann Lee, representing
        the family, told the court': whom a lawyer appears for, written after the name and any
        letters of a post (`titles.txt` `[appearance_words]`), is their title as written."""
        doc = self.ctx.doc
        k = toks[-1].i + 1
        if k < len(doc) and doc[k].lower_.strip(".") in self.lex.postnominal_titles:
            k += 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k + 1 >= len(doc) or self.ctx.quoted(k):
            return None
        word = doc[k]
        if word.lower_ == "for":
            side = " ".join(t.lower_ for t in doc[k : k + 3])
            if side not in self.lex.appearance_words:
                return None
            end = k + 3
        elif word.lower_ in self.lex.appearance_words and word.tag_ in ("VBG", "NN"):
            end = k + 1
            objects = [c for c in word.children if c.dep_ in ("dobj", "prep")]
            if objects:  # "representing the family", "appearing for the agency"
                end = max(t.i for c in objects for t in c.subtree) + 1
            elif word.lower_ not in ("prosecuting", "defending"):
                return None  # "acting", "appearing" alone say nothing of a side
            # ", prosecuting, said", "prosecuting said": the phrase ends the name's part
            if end < len(doc) and not (doc[end].text == "," or doc[end].pos_ in ("VERB", "AUX")):
                return None
        else:
            return None
        words = list(doc[k:end])
        if len(words) > 8 or any(self.ctx.quoted(t.i) for t in words):
            return None
        # it says more than letters of a post ("KC"), as much as a two-word role; but it is
        # no role itself, so a role the article gives ("Senior counsel Ann Lee, representing
        # the family,") says what the person is
        content = [t for t in words if t.lower_ not in TITLE_GLUE and t.lower_ not in DETERMINERS]
        return TitleRef(word.idx, doc[k:end].text, role=False, size=max(2, len(content)))

    def _role_comma_body_before(self, first: int) -> TitleRef | None:
        """'Secretary, Harbour Rowing Federation, Ana Ruiz has said': a role opening the
        sentence, then between commas the organisation it is held at, then the name."""
        doc = self.ctx.doc
        comma = first - 1
        if comma < 3 or doc[comma].text != "," or doc[comma - 1].ent_type_ != "ORG":
            return None
        body = comma - 1
        while body > 0 and doc[body].ent_iob_ == "I":
            body -= 1
        if doc[body].lower_ == "the":
            body += 1
        if body < 2 or doc[body - 1].text != ",":
            return None
        start = body - 1
        while (
            start > 0
            and body - start <= 4
            and (self._is_title_token(doc[start - 1]) or doc[start - 1].is_title)
        ):
            start -= 1
        if (
            start == body - 1
            or not doc[start].is_sent_start
            or not any(self._is_title_token(t) for t in doc[start : body - 1])
        ):
            return None
        org = doc[body:comma].text
        words = list(doc[start:comma])
        return TitleRef(doc[start].idx, doc[start:comma].text, org, size=self._title_size(words))

    def _area_in_brackets(self, close: int) -> int | None:
        """The opening bracket of two or three lower-case words in brackets that end at
        ``close``, after a title word or the bracketed letters of one ("(ACP) (south
        east)"), or None."""
        doc = self.ctx.doc
        if doc[close].text != ")":
            return None
        for opening in range(close - 3, close - 1):
            if opening < 1 or doc[opening].text != "(":
                continue
            inside = doc[opening + 1 : close]
            before = doc[opening - 1]
            if all(w.is_alpha and w.is_lower for w in inside) and (
                before.text == ")" or self._is_title_token(before)
            ):
                return opening
        return None

    def title_before(self, toks: list[Token]) -> TitleRef | None:
        """'Swedish Deputy Ambassador to the African Union Lars Holm' -> the title."""
        doc = self.ctx.doc
        first = toks[0].i
        before = first - 1
        while before >= 0 and self.honorific_at(before):
            before -= 1  # "an aide to Ms. Ruiz": look past the honorific
        if before >= 0 and doc[before].lower_ in COMPLEMENT_PREPS:
            return None  # "a spokeswoman for Ann Lee": the title of someone else, about her
        shared = self._plural_title_of_conjunct(toks)
        if shared is not None:
            return shared
        commas = self._role_comma_body_before(first)
        if commas is not None:
            return commas
        if before == first - 1 >= 0 and doc[before].lower_ in ("and", "or"):
            return None  # "the former governor and Ruiz had split": another conjunct's words
        i, start = first - 1, first
        after_other_name = False
        while i >= 0 and first - i <= TITLE_MAX_TOKENS:
            t = doc[i]
            if self._in_a_list_of_portfolios(i, first):
                start = i  # "Minister of Forestry, Fisheries and Environment Ann Lee"
                i -= 1
                continue
            opening = self._quoted_name_before(i) if start == i + 1 < first else None
            if opening is not None:
                start = opening  # '“Morning Desk” host': the show's name in its quote marks
                i = opening - 1
                continue
            if self.ctx.quoted(i) or t.is_space or t.text in TITLE_BREAKS:
                break
            if (
                t.lower_ == "and"
                and start == i + 1 < first
                and self._is_title_token(doc[i + 1])
                and i > 0
                and (
                    doc[i - 1].pos_ in ("VERB", "AUX")  # "fit to lead and Senator Ann Lee"
                    or not self._is_title_token(doc[i - 1])
                    and (
                        doc[i - 1].ent_type_ not in ("", "PERSON")
                        # "Okoro and Commissioner Ann Lee"
                        or doc[i - 1].text in self.person_words()
                    )
                )
            ):
                break  # "Congress and President Lane agreed": the title starts after "and"
            if t.text == "-" and t.whitespace_ and i > 0 and doc[i - 1].whitespace_:
                break  # a spaced hyphen is a dash: "HARARE - Warriors coach …"
            if (
                i == first - 1
                and t.text in ROLE_NUMERALS
                and i > 0
                and self._is_title_token(doc[i - 1])
            ):
                start = i  # "Finance Minister II Ahmad Zaki", the numeral in NER's name span
                i -= 1
                continue
            if (
                t.text == "-"
                and start == i + 1
                and i > 0
                and not t.whitespace_
                and not doc[i - 1].whitespace_
            ):
                # "SAG-AFTRA President", "long-serving boss": the hyphen joins the word before
                # it to the title, whatever that word is
                start = i - 1
                i -= 2
                continue
            if (
                self.names_person(i)
                and i < first
                and not self._modifies_title(t, first)
                # "Oscar-winning actress": a name hyphened to the word after it is no one here
                and not (_hyphenated(t) and start == i + 1)
            ):
                after_other_name = True  # "Mayor Linda Osei and Police Chief Mark Brennan"
                break
            if t.text == "." and i > 0 and self._dotted_title(doc[i - 1].text + "."):
                start = i  # "Lt. Gov." split as "Lt" "." "Gov." at a sentence start
                i -= 1
                continue
            if (
                t.text == ")"
                and i > 1
                and (
                    doc[i - 1].is_upper
                    or doc[i - 1].is_title
                    or sum(c.isupper() for c in doc[i - 1].text) >= 2  # "(HarbParks)"
                )
                and doc[i - 2].text == "("
                # the letters of the words before the bracket (an owner's too: "Harbour
                # Freedom Fighters’ (HFF) leader"), not a wire's credit after a dateline
                # ("Nagpur, Mar 3 (PTI) Senior Forward Party leader")
                and i > 2
                and (doc[i - 3].is_alpha or doc[i - 3].text in POSSESSIVE)
            ):
                # "Harbour Municipal Corporation (HMC) Commissioner", "Deputy Vice-Chancellor
                # (Teaching) Professor Ann Kerr"
                start = i - 2
                i -= 3
                continue
            opening = self._area_in_brackets(i) if i == first - 1 else None
            if opening is not None:
                # "Assistant Commissioner of Police (ACP) (south east) Ann Lee": the area a
                # role covers, in brackets between the title and the name
                start = opening
                i = opening - 1
                continue
            if t.text in CREDIT_ENDS:
                break  # "(Photo: AP) Kenya's captain Ann Lee": a caption's credit ends there
            if self.is_honorific(t) and i == start - 1:
                start = i  # honorifics ("Datuk Seri") are not titles: skip over them
                i -= 1
                continue
            if t.text == "." and i == first - 1 and self.honorific_at(i):
                start = i - 1  # "Engr." split as "Engr" "."
                first -= 2
                i -= 2
                continue
            ok = (
                t.is_title
                or t.is_upper
                or initials_like(t.text)  # "DfE", "HoE"
                or self._is_title_token(t)
                or t.lower_ in TITLE_GLUE
                or t.ent_type_ in ("NORP", "GPE", "ORG")
                or (
                    t.pos_ in ("ADJ", "NOUN")
                    and t.is_lower
                    and (
                        doc[i + 1].lower_ not in TITLE_GLUE
                        and self._title_follows(t, first)
                        or t.dep_ in ("compound", "amod")
                        and start <= t.head.i < first  # "marine" of "marine curator Dr Tom Lu"
                        # "senior" of "Met Office senior forecaster Ann Kerr", hung on the name
                        or t.dep_ in ("compound", "amod")
                        and start == i + 1 < first
                        and toks[0].i <= t.head.i <= toks[-1].i
                        or self._in_complement_of_role(t, first)
                        # "planning" of "planning and housing chief", "fruit" of "fruit and
                        # dairy board chair": the first of coordinated modifiers
                        or any(c.dep_ == "conj" and start <= c.i < first for c in t.children)
                        # "doctors" of "junior doctors’ committee chair": whose the role is
                        or t.dep_ == "poss"
                        and t.tag_ == "NNS"
                        and doc[i + 1].text in ("'", "’")
                        and (doc[i + 1].tag_ == "POS" or doc[i + 1].dep_ == "case")
                        and start <= t.head.i < first
                        or doc[i + 1].dep_ == "cc"
                        and doc[i + 1].head.i == i
                        and start <= t.head.i < first
                    )
                )
                # "negotiator" of "the union's chief negotiator Ann Lee", the name hung on it
                or i == first - 1
                and t.is_lower
                and t.pos_ == "NOUN"
                and self._occupation_apposed(t, toks)
                # "astronauts" of "Canadian astronauts Ann Lee and Tom Hale"
                or t.tag_ == "NNS"
                and i == first - 1
                and (toks[-1].head.i == i or t.head.i == toks[-1].i)
                and self._heads_a_list(toks)
                or _hyphenated(t)
                and start == i + 1  # "front" of "front-runner"
                or t.text in ("'", "’")  # "Harbours’ new chief executive": a bare apostrophe
                and i > 0
                and (
                    doc[i - 1].is_title
                    and doc[i - 1].lower_.endswith("s")
                    # "junior doctors’ committee chair": the tagger's possessive on a plural
                    or (t.tag_ == "POS" or t.dep_ == "case")
                    and doc[i - 1].tag_ == "NNS"
                )
                or (i == first - 1 or i == first - 2 and start == first - 1)
                and _common_word(t)
                and t.tag_ in ("NN", "NNP")
                and t.dep_ == "compound"
            )
            hyphen_part = _hyphenated(t) and start == i + 1  # "stand" of "stand-in skipper"
            # "based" of "Lisbon-based economist": a participle joined to the word before it
            joined_participle = (
                t.tag_ == "VBN"
                and start == i + 1
                and i > 1
                and _hyphenated(doc[i - 2])
                and (doc[i - 2].is_title or doc[i - 2].is_upper)  # not "re-elected"
            )
            # "assisting" of "Counsel assisting the coroner Ann Lee": a participle that ties
            # the role word right before it to what the role serves
            role_participle = (
                t.tag_ == "VBG"
                and t.dep_ == "acl"
                and t.head.i == i - 1
                and self._is_title_token(t.head)
                and start == i + 1
                and any(c.dep_ == "dobj" and start <= c.i < first for c in t.children)
            )
            # "de" of "Tour de France winner": a name particle between capitalised words
            particle = (
                t.is_lower
                and t.lower_ in self.lex.name_particles
                and 0 < i < first - 1
                and doc[i - 1].is_title
                and doc[i + 1].is_title
            )
            # "managing" of "managing director and CEO": a gerund modifying a word of the title
            gerund = (
                t.tag_ == "VBG"
                and t.is_lower
                and t.dep_ in ("compound", "amod")
                and start <= t.head.i < first
            )
            # "talk" of "Head of sport and talk Ann Lee", tagged a verb: a word
            # coordinated with a noun before it is a noun too
            coordinated_noun = (
                t.is_lower
                and t.tag_ in ("VB", "VBP")
                and i > 1
                and doc[i - 1].lower_ in ("and", "or")
                and doc[i - 2].pos_ == "NOUN"
                and start == i + 1
            )
            # "women" of "Welsh women's rugby team coach": a plural common noun's possessive
            # says what kind of team or body, not whose
            kind_owner = (
                t.tag_ == "NNS"
                and t.is_lower
                and t.dep_ == "poss"
                and start == i + 1
                and doc[i + 1].tag_ == "POS"
                and start < t.head.i < first
            )
            participle = gerund or joined_participle or role_participle or coordinated_noun
            if kind_owner:
                start = i
                i -= 1
                continue
            if (
                not (ok or participle or particle)
                or t.pos_ in ("VERB", "AUX")
                and not (self.lex.is_title_word(t) or hyphen_part or participle)
            ):
                break
            start = i
            i -= 1
        start = self._after_object_of_preposition(start, first)
        words = [t for t in doc[start:first] if not self.is_honorific(t)]
        names = {t.i for t in toks}
        about = [
            k
            for k, t in enumerate(words)
            # not the "of" inside an organisation's name, the parse hung the name on
            if t.dep_ == "prep" and t.ent_type_ != "ORG" and self._object_in(t, names)
        ]
        if about and any(self._is_title_token(t) for t in words[about[-1] + 1 :]):
            # "chief of staff to President Ann Lee": the title before "to" is someone else's
            # ("Ambassador to Kenya Lars Holm", the name hung on "to", is his)
            words = words[about[-1] + 1 :]
        if after_other_name:  # "Sen. Ann Cole of Maine and Sen. Ben Ruiz": "of Maine" is hers
            cut = next((k for k, t in enumerate(words) if t.lower_ in ("and", ",")), None)
            if cut is not None:
                words = words[cut + 1 :]
        while words and (words[0].lower_ in TITLE_GLUE or words[0].lower_ in DETERMINERS):
            words = words[1:]
        while words and (words[-1].lower_ in TITLE_GLUE or words[-1].text == ","):
            words = words[:-1]
        words = self._without_rank_after_role(words)
        if words and self._only_a_rank(words):
            # "The Police Press Officer, DSP Musa Bello": the rank after the role
            # and a comma is left out, as it is right after the role
            role = self._title_before_comma(words)
            if role is not None:
                return role
        while len(words) > 1:
            k = len(words) - 1
            while k > 1 and words[k].is_lower and words[k].lower_ in self.lex.name_particles:
                k -= 1  # "Senator Lorna dela Vega": the particle goes with the name before it
            if not (
                self._part_of_name(words[k])
                and words[k - 1].lower_ not in TITLE_GLUE
                and (
                    words[k - 1].is_lower
                    or self._is_title_token(words[k - 1])
                    or words[k - 1].text == ")"
                    or len(words[k].text) == 1  # "… in the Assembly R Kumar": an initial
                )
            ):
                break
            words = words[:k]  # "Eagles coach Sunday Mapfumo", "Mayor K Venkat Rao"
        if not words:
            return None
        last = words[-1]
        if (
            _common_word(last)
            and last.tag_ in ("NN", "NNP")
            and (
                last.dep_ == "compound"
                and (last.head.i in names or self.is_honorific(last.head))
                # "the union's chief negotiator Ann Lee", the name hung on the word in apposition
                or self._occupation_apposed(last, toks)
            )
            and not self._is_title_token(last)
            # "the campaign Ben Hale ran", "whatever authority Hale had": a word that can
            # name an organisation is a title only after a name of where ("Florida developer")
            and not (
                self.lex.nominal_heads.get(last.lemma_.lower()) == "ORG"
                and not (len(words) > 1 and words[-2].is_title)
                # "broadcaster Tom Ashby": a word for an occupation, hung on the name itself
                and not (last.lower_.endswith(AGENT_ENDINGS) and last.head.i in names)
            )
        ):  # "psychotherapist Fran Osei", "union organiser Jo Platt", "Vance supporter Rita Moss"
            described = self._title_ref(words, described=True)
            return described and self._with_organisation_after(described, toks)
        singular = last.text[:-1] if last.is_title and last.tag_ == "NNPS" else ""
        if not singular and last.tag_ == "NNS" and self._heads_a_list(toks):
            singular = last.text[: len(last.lemma_)]  # "MPC members Ann Lee and Tom Hale"
        plural_described = bool(singular) and last.pos_ == "NOUN" and last.is_lower
        if singular and (singular.lower() in self.lex.title_words or plural_described):
            # "Senators Ann Lee and Ben Ruiz": each of them is a Senator; "Canadian astronauts
            # Ann Lee and Tom Hale": each is a Canadian astronaut
            ref = self._title_ref(words, plural_head=True, described=plural_described)
            if ref is None:
                return None
            ref = replace(ref, text=ref.text[: -len(last.text)] + singular)
            # "a bench of Justices Ann Rao and Dev Lal" after the court is named: at that court
            return self._with_organisation_of_sentence(ref, words) if not ref.affiliation else ref
        if not any(self._is_title_token(t) for t in words):
            return None
        numeral = words.pop() if len(words) > 1 and words[-1].text in ROLE_NUMERALS else None
        ref = self._title_ref(words, premodifier=True)
        if ref is None:
            return None
        if numeral is not None:  # "Finance Minister II": the role's number stays in its title
            ref = replace(ref, text=f"{ref.text} {numeral.text}")
        ref = self._with_organisation_after(ref, toks)
        return self._with_organisation_of_sentence(ref, words) if ref.affiliation is None else ref

    def _quoted_name_before(self, close: int) -> int | None:
        """Where a short name in quote marks that ends at ``close`` opens ("“Morning Desk”",
        a show's or a paper's name before a role): every word capitalised, no verb."""
        doc = self.ctx.doc
        if not doc[close].is_quote:
            return None
        for k in range(close - 1, max(close - QUOTED_NAME_MAX - 2, -1), -1):
            if doc[k].is_quote:
                words = doc[k + 1 : close]
                named = len(words) > 0 and all(
                    (w.is_title or w.is_upper or w.lower_ in TITLE_GLUE)
                    and w.pos_ in ("PROPN", "NOUN", "ADP", "CCONJ", "DET", "NUM")
                    for w in words
                )
                return k if named and words[0].is_title else None
        return None

    def _after_object_of_preposition(self, start: int, first: int) -> int:
        """Where a title before a name starts once words that are the object of a preposition
        standing before them are left out: "Standing up for her estate residents Cllr Ann Lee"
        is Cllr, the constituents being whom she speaks for ("Ambassador to Kenya", whose
        preposition is in the title, keeps its object)."""
        doc = self.ctx.doc
        k = start
        while k < first:
            top = doc[k]
            while start <= top.head.i < first and top.head.i != top.i:
                top = top.head
            if (
                top.dep_ == "pobj"
                and top.head.i < start
                # "a bill backed by Speaker of the House Ann Lee": a role that is the object is hers
                and not any(self._is_title_token(t) for t in doc[start : top.i + 1])
            ):
                start = k = top.i + 1
                continue
            k += 1
        return start

    def _occupation_apposed(self, word: Token, toks: list[Token]) -> bool:
        """Is ``word`` a word for someone's occupation that the name ``toks`` was hung on in
        apposition ("the union's chief negotiator Ann Lee"), not a family word of someone
        unnamed ("her brother Tom Hale")?"""
        return (
            word.lower_.endswith(AGENT_ENDINGS)
            and not self._kin_of_someone_unnamed(word)
            and toks[-1].dep_ == "appos"
            and toks[-1].head.i == word.i
        )

    def _kin_of_someone_unnamed(self, tok: Token) -> bool:
        """'her brother Tom Hale': a family word says who someone is only with the name of
        whose ("Ed Corran's mother Ann Corran")."""
        return tok.lower_ in self.lex.kin_words and not any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children
        )

    def _heads_a_list(self, toks: list[Token]) -> bool:
        """Is the name the first of coordinated names ("Ann Lee and Tom Hale", or "Ann Lee,
        Tom Hale and Rob Penn" with the second parsed in apposition to the first)?"""
        root = climb(toks[-1], NAME_DEPS)
        return any(
            c.dep_ in ("conj", "appos")
            and (c.ent_type_ == "PERSON" or self.names_person(c.i))
            and (c.dep_ == "conj" or any(g.dep_ == "conj" for g in c.children))
            for c in (*root.children, *toks[-1].children)  # "astronauts Ann Lee and Tom Hale"
        )

    def _modifies_title(self, name: Token, first: int) -> bool:
        """'Former Obama speechwriter Jon Fabre', "Hale's campaign manager Jo Platt": another
        person's name that modifies the title, with nothing between that starts a new one."""
        doc = self.ctx.doc
        return (
            name.dep_ in ("compound", "poss", "amod", "nmod")  # "Gauteng SAPS spokesperson"
            and name.i < name.head.i < first
            and not any(t.dep_ == "cc" or t.text == "," for t in doc[name.i + 1 : first])
        )

    def _with_organisation_after(self, ref: TitleRef, toks: list[Token]) -> TitleRef:
        """'Pastor Joe Brown of Marion Avenue Baptist Church' -> "Pastor of Marion Avenue
        Baptist Church", "lead author Dr Ann Lee, from the Harbour Institute": an organisation
        right after the name completes a title before it (a place does not: "Senator Ann Lee of
        Ohio" stays "Senator")."""
        doc = self.ctx.doc
        after = toks[-1].i + 1
        if (
            after + 2 < len(doc)
            and doc[after].text == ","
            and doc[after + 1].lower_ in ORGANISATION_AFTER
        ):
            after += 1  # "Judge I. M. Okafor, of the Federal High Court"
        if after + 1 >= len(doc) or doc[after].lower_ not in ORGANISATION_AFTER or ref.affiliation:
            return ref
        first = doc[after + 1]
        if first.lower_ in ("the", "a") and first.ent_type_ != "ORG" and after + 2 < len(doc):
            first = doc[after + 2]  # "of the Federal High Court", the article outside the name
        if self.ctx.quoted(first.i):
            return ref
        end = self._institution_name_end(first)
        if end is not None:  # "of a Federal High Court", in no entity
            org = name_text(list(doc[first.i : end]))
        else:
            ent = self._affiliation_entity_at(first) if first.ent_type_ == "ORG" else None
            if ent is None or ent.start != first.i:
                return self._with_unit_after(ref, doc[after])
            org, end = name_text(clean_name(list(ent))), ent.end
        return replace(
            ref,
            text=f"{ref.text} {' '.join(doc[after:end].text.split())}",
            affiliation=org,
            size=(ref.size or 0) + 1,
        )

    def _with_unit_after(self, ref: TitleRef, prep: Token) -> TitleRef:
        """'Professor Wen Li of the infectious diseases programme at Harbour Medical School':
        a unit said in lower-case words (the parse often misreads them), then "at/of/in" and
        the organisation it is part of, completes a role before the name as an organisation
        right after it does."""
        doc = self.ctx.doc
        k = prep.i + 1
        while k < len(doc) and k - prep.i <= 8 and (doc[k].is_lower or doc[k].text in "&-"):
            k += 1
        ent = self._affiliation_entity_at(doc[k]) if k < len(doc) else None
        if (
            ent is None
            or ent.label_ != "ORG"
            or ent.start != k
            or k - prep.i < 3
            or doc[k - 1].lower_ not in ("at", "of", "in")
            or any(self.ctx.quoted(t.i) for t in doc[prep.i : ent.end])
        ):
            return ref
        return replace(
            ref,
            text=f"{ref.text} {' '.join(doc[prep.i : ent.end].text.split())}",
            affiliation=name_text(clean_name(list(ent))),
            size=(ref.size or 0) + 1,
        )

    def _with_organisation_of_sentence(self, ref: TitleRef, words: list[Token]) -> TitleRef:
        """'Harbour Foods has no plans to leave, according to chief executive Mia
        Lorne': a role that belongs to an organisation, said bare, is the role at the one
        organisation its sentence has as a subject."""
        body = self._body_of_kind(words)
        if body is not None:  # "Vice Chancellor Ann Lee": at the university the article names
            return replace(ref, affiliation=body)
        # one word, as written out: "Coun." is a councillor, "Cllr" too
        single = ref.text.lower() if len([w for w in words if w.text != "."]) == 1 else None
        if single in self.lex.court_held_roles:
            court = self._court_before(words[0])
            return replace(ref, affiliation=court) if court else ref
        if single in self.lex.local_roles:
            place = self._main("GPE")  # "Mayor Ann Lee" in a story about Harbourtown
            return replace(ref, affiliation=place) if place else ref
        joint = len(words) == 3 and words[1].lower_ == "and"  # "MD and CEO"
        if words[-1].lower_ not in self.lex.organisation_roles or len(words) > 2 and not joint:
            return ref
        sent = words[-1].sent
        fronted = self._fronted_workplace(sent, words)
        if fronted is not None:  # "At Crumb & Co, owner Sam Reid said"
            return replace(ref, affiliation=fronted)
        orgs = {
            ent.start: ent
            for t in sent
            if t.ent_type_ == "ORG" and not self.ctx.quoted(t.i)
            for ent in [self._affiliation_entity_at(t)]
            if ent is not None
            and not (len(ent) == 1 and self._kind_of_body(ent[0]))
            # "coach Sebastien Dufresne" tagged ORG: the name the role is said before
            and ent.start != words[-1].i + 1
            and not self._of_a_person(ent)
            and not self._audience(ent)
            and not self._of_another_role(ent, words)
            and not self._where_it_happened(ent)
        }
        if not orgs:
            if not all(
                self._is_title_token(w) or w.lower_ == "and" or self._kind_of_body(w) for w in words
            ):
                return ref  # "Oversight chairman", "Brisbane coach" say where themselves
            org = self._acting_organisation_before(sent.start) or self._main("ORG")
            return replace(ref, affiliation=org) if org else ref
        if len(orgs) != 1:
            return ref
        (ent,) = orgs.values()
        org = name_text(clean_name(list(ent)))
        return replace(ref, affiliation=org) if org else ref

    def _fronted_workplace(self, sent: Span, words: list[Token]) -> str | None:
        """'At wine shop Crumb & Co, owner Sam Reid said …': the business a sentence opens
        with ("At …,") is where a role said bare after its comma is held, whatever NER
        calls its name (shop names are often tagged as people). The name is its capitalised
        words after any lower-case description; a place (GPE) is no business."""
        doc = self.ctx.doc
        if doc[sent.start].lower_ != "at" or words[0].i <= sent.start + 1:
            return None
        comma = next((t.i for t in doc[sent.start : words[0].i] if t.text == ","), None)
        if comma is None or comma - sent.start > 8:
            return None
        phrase = list(doc[sent.start + 1 : comma])
        k = len(phrase)
        while k > 0 and not (
            phrase[k - 1].is_lower
            and phrase[k - 1].is_alpha
            # "Bakery and Café", "House of Tea": glue between capitalised words
            and not (phrase[k - 1].lower_ in NAME_GLUE and k >= 2 and phrase[k - 2].is_title)
        ):
            k -= 1
        name = phrase[k:]
        if (
            not name
            or not (name[0].is_title or name[0].is_upper or name[0].like_num)
            or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in name)
            or any(t.is_lower and t.is_alpha and t.lower_ not in NAME_GLUE for t in name)
        ):
            return None
        return name_text(strip_tail(name)) or None

    def _body_of_kind(self, words: list[Token]) -> str | None:
        """The organisation a role of `titles.txt` `[role_bodies]` is held at: one whose name
        holds a word for the kind of body the role is in ("Vice Chancellor" at "Harbour
        University"); in the role's sentence first, else the nearest named before, else the
        first named after."""
        text = " ".join(w.lower_ for w in words if w.text != ".")
        kinds = next(
            (
                kinds
                for role, kinds in self.lex.role_bodies.items()
                if text == role or text.endswith(" " + role)
            ),
            None,
        )
        if kinds is None:
            return None
        role = words[-1]
        sent = role.sent
        before: Span | None = None
        after: Span | None = None
        for ent in self._aff_ents:
            if (
                ent.label_ != "ORG"
                or self.ctx.quoted(ent.start)
                or not any(t.lower_ in kinds for t in ent)
                or not any(t.is_title or t.is_upper for t in ent)  # "hospital board later"
                # "the Central Bank Governors' Conference": an event, no body
                or any(t.lower_ in self.lex.event_words for t in ent)
            ):
                continue
            if sent.start <= ent.start < sent.end:
                before = ent
                break
            if ent.start < role.i:
                before = ent
            elif after is None:
                after = ent
        found = before or after
        return name_text(clean_name(list(found))) if found is not None else None

    def _where_it_happened(self, ent: Span) -> bool:
        """'at Harbour's Kowhai Arena', 'a press conference at Riadha House': an organisation
        named as where something took place (after "at", or owning the place after it) is no
        role's organisation."""
        root = ent.root
        if root.dep_ == "poss":
            root = root.head
        return (
            root.dep_ == "pobj"
            and root.head.lower_ == "at"
            and not self._is_title_token(root.head.head)  # "chief executive at Harbour Bank"
        )

    def _of_another_role(self, ent: Span, words: list[Token]) -> bool:
        """'Harbour FA president Dan Jordan says coach Hugo Brock apologised': an organisation
        that modifies another role word in the sentence is where that role is held."""
        head = ent.root.head
        return (
            ent.root.dep_ in ("compound", "poss", "nmod")
            and head.i not in {w.i for w in words}
            and self._is_title_token(head)
        )

    def _audience(self, ent: Span) -> bool:
        """Is the organisation who was spoken to ("told Harbour Radio", "said in an interview
        with Harbour Radio", "speaking to Harbour News"), not where a role is held?"""
        root = ent.root
        if root.dep_ == "dobj":
            return root.head.lemma_.lower() in self.lex.telling_verbs
        if root.dep_ != "pobj" or root.head.lower_ not in ("to", "with"):
            return False
        word = root.head.head
        lemma = word.lemma_.lower()
        return lemma in self.lex.speech_verbs or lemma in self.lex.speech_nouns

    def _kind_of_body(self, tok: Token) -> bool:
        """'Agency', 'Group', 'Company': a word that says what kind of organisation, not which
        one ("Agency director Ann Lee" is the director of the agency the article is about)."""
        return self.lex.nominal_heads.get(tok.lower_) == "ORG"

    def _court_before(self, role: Token) -> str | None:
        """'The accused was brought before Harbour District Court … ⏎ Judge Ann Lee said': the court
        the article names last before a bare role on the bench, in the two paragraphs before
        (a name of two or more capitalised words ending in "Court"), or further back as the
        court of a judge ("A Harbour Crown Court judge has …" in the lede) or as the only
        court named before; a court that is
        the subject of its sentence's main clause first ("The Supreme Court said the Harbour
        High Court had erred ⏎ a bench led by Justice Ann Lee" sits in the Supreme Court)."""
        doc = self.ctx.doc
        para = self.ctx.token_paragraph[role.i]
        nearest: str | None = None
        earlier: set[str] = set()  # courts named further back
        courts = self._court_words()
        for k in reversed(courts[: bisect_left(courts, role.i)]):
            tok = doc[k]
            # "An Eastvale Court judge has criticised …", anywhere before: the court of
            # a judge the article introduced
            of_judge = tok.dep_ == "compound" and tok.head.lower_ in self.lex.court_roles
            if tok.dep_ == "compound" and not of_judge:
                continue  # "a Supreme Court decision" names a ruling, not where a judge sits
            first = tok.i
            while first > 0 and doc[first - 1].is_title and doc[first - 1].pos_ == "PROPN":
                first -= 1
            if tok.i == first:
                continue
            name = name_text(clean_name(list(doc[first : tok.i + 1])))
            if para - self.ctx.token_paragraph[tok.i] > 2 and not of_judge:
                earlier.add(name)
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                return name
            nearest = nearest or name
        # "A jury convicted him at the Harbour Supreme Court … ⏎ … ⏎ … ⏎ Justice Ann Lee said": the
        # one court the article named before, however far back
        return nearest or (earlier.pop() if len(earlier) == 1 else None)

    def _court_words(self) -> list[int]:
        """Where the article writes "Court" with a capital, outside quotes (found once per
        document, from the arrays, so a bench role's court is not looked for word by word)."""
        if self._courts is None:
            doc = self.ctx.doc
            arr = doc.to_array([LOWER, IS_TITLE])
            court = doc.vocab.strings.add("court")
            found = numpy.flatnonzero((arr[:, 0] == court) & (arr[:, 1] == 1)).tolist()
            self._courts = [k for k in found if k > 0 and not self.ctx.quoted(k)]
        return self._courts

    def person_words(self) -> frozenset[str]:
        """The words of every name NER tags a person (found once per document)."""
        if self._person_words is None:
            self._person_words = frozenset(
                t.text for e in self.ents if e.label_ == "PERSON" for t in e
            )
        return self._person_words

    def _of_a_person(self, ent: Span) -> bool:
        """Is an entity NER tagged ORG a person's name or one word of one ("Kessler" of the
        player named in full, "Ravi" of "Ravi Kumar", "Pryce-Lowe" of "Tom Pryce-Lowe")?"""
        if self.names_person(ent.start):
            return True
        # one word, or one hyphenated ("Pryce-Lowe" of "Tom Pryce-Lowe", three tokens)
        one_word = all(not t.whitespace_ for t in ent[:-1])
        parts = [t.text for t in ent if t.text != "-"]
        return one_word and bool(parts) and all(w in self.person_words() for w in parts)

    def _acting_organisation_before(self, start: int) -> str | None:
        """'The Harbour Board said yesterday … ⏎ Chairman Ann Lee walked the quay …': the
        organisation that is the subject of the nearest clause before ``start`` that has one as
        a subject, in the same or the previous paragraph."""
        doc = self.ctx.doc
        para = self.ctx.token_paragraph[start] if start < len(doc) else 0
        k = bisect_left(self._aff_starts, doc[start].idx) - 1 if start < len(doc) else -1
        while k >= 0:
            ent = self._aff_ents[k]
            k -= 1
            if para - self.ctx.token_paragraph[ent.start] > 2:
                return None
            if ent.label_ != "ORG" or self.ctx.quoted(ent.start) or self._of_a_person(ent):
                continue  # "Kessler" tagged ORG is the player the article named in full
            if ent.root.dep_ in ("nsubj", "nsubjpass") and not self._is_title_token(ent.root):
                return name_text(clean_name(list(ent))) or None
        return None

    def _main(self, label: str) -> str | None:
        """The organisation (ORG) or place (GPE) the article is about: named at least twice and
        more often than any other ("Harbour Air" in a results story, where "chairman Ann Lee
        said" is hers; the town of "Mayor Ann Lee"). Looked for once per document."""
        if label not in self._main_names:
            self._main_names[label] = self._most_named(label)
        return self._main_names[label] or None

    def _most_named(self, label: str) -> str:
        """The name of ``label`` the article gives more often than any other, at least twice;
        "" when there is none."""
        doc = self.ctx.doc
        # "coach Sebastien Dufresne" tagged ORG: a name said after a role is a person's, and
        # so is each of its words ("Dufresne said")
        titled = {
            t.text
            for ent in self._aff_ents
            if ent.start > 0 and self._is_title_token(doc[ent.start - 1])
            for t in ent
        }
        names: set[str] = set()  # the names NER tags, each counted as often as it is written
        for ent in self._aff_ents:
            if ent.label_ == label and not self.ctx.quoted(ent.start):
                if self._of_a_person(ent) or all(t.text in titled for t in ent):
                    continue  # "Ravi" tagged ORG, of the captain the article names in full
                words = clean_name(list(ent))
                while len(words) > 1 and words[-1].is_lower:
                    words = words[:-1]  # "Harbour Air full year": NER runs on past the name
                name = name_text(words)
                if name and name not in self.lex.abbreviations:
                    # "T-Mobile’s": the name without the possessive NER kept on it
                    names.add(re.sub(r"['’]s$", "", name))
        counts = {name: self._times_written(name) for name in names}
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            name = ranked[0][0]
            # "Kestrel" counted with "Kestrel Mining": the fullest form it is part of
            fuller = [n for n in counts if n != name and re.search(rf"\b{re.escape(name)}\b", n)]
            return max(fuller, key=lambda n: (counts[n], len(n))) if fuller else name
        return ""

    def _times_written(self, name: str) -> int:
        """How often the article writes a name outside quotes, tagged or not ("Kestrel Mining"
        tagged once and written twice; "KESTREL Mining" in a lead's capitals), capitalised."""
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.ctx.doc]
        n = 0
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        for m in re.finditer(pattern, self.ctx.text, re.IGNORECASE):
            token = bisect_right(self._token_starts, m.start()) - 1
            if m.group(0)[:1].isupper() and not self.ctx.quoted(token):
                n += 1
        return n

    def _institution_name_end(self, first: Token) -> int | None:
        """Where a capitalised name NER left untagged ends, when its last word names an
        institution ("Federal High Court", "Ward Nine Council"): the end token, else None."""
        doc = first.doc
        end = first.i
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            if doc[end].ent_type_ not in ("", "ORG", "FAC"):
                return None
            end += 1
        if end - first.i < 2 or doc[end - 1].lower_ not in self.lex.institution_words:
            return None
        return end

    def _plural_title_of_conjunct(self, toks: list[Token]) -> TitleRef | None:
        """'Sens. Jon Tester and David Vitter': a plural title before the first of coordinated
        names is the title of each of them."""
        root = climb(toks[-1], NAME_DEPS)
        # a list "councillors Ann Lee, Tom Hale and Rob Penn" may be parsed with the names
        # after a comma in apposition to the one before
        listed = ("conj", "appos")
        if not (root.dep_ == "conj" or root.dep_ == "appos" and root.head.ent_type_ == "PERSON"):
            return None
        head = root.head
        while head.dep_ in listed and head.head.i != head.i and head.head.ent_type_ == "PERSON":
            head = head.head
        left = head.left_edge.i
        while left < head.i and self.ctx.doc[left].ent_type_ != "PERSON":
            left += 1
        before = self.ctx.doc[left - 1] if left > 0 else None
        if before is None:
            return None
        written = before.text
        if written == "." and left > 1:  # "Sens" "." split by the tokenizer
            written = self.ctx.doc[left - 2].text + "."
        if not (
            before.tag_ in ("NNPS", "NNS")
            or written.endswith("s.")
            and written in self.lex.abbreviations
        ):
            return None
        first = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.i <= head.i]
        return self.title_before(first) if first else None

    def _headed_by_role(
        self, words: list[Token], plural_head: bool = False, premodifier: bool = False
    ) -> bool:
        """A title's head, the word before any "of/to/at ..." complement, is a role word:
        "US Ambassador to the UN" yes, "Editor's note" no."""
        core = words
        for k, t in enumerate(words):
            if k and t.lower_ in COMPLEMENT_PREPS:
                core = words[:k]
                break
        while len(core) > 1 and (core[-1].text in ("-", ".") or core[-1].lower_ == "elect"):
            core = core[:-1]  # "President-elect"
        if len(core) > 3 and core[-1].text == ")" and core[-3].text == "(":
            core = core[:-3]  # "Deputy Inspector General (DIG)"
        # "party leaders" describes a group, not the title of the one person beside it
        if plural_head:
            return True
        # a title before a name ends in its role ("Central Bank of Ireland Governor")
        # and so does a capitalised role after an organisation's "of" ("Harbour Bank of
        # Tamaria Governor, Ade Bello,")
        capitalised_last = words[-1].is_title and words[-1].pos_ == "PROPN"
        heads = (core[-1], words[-1]) if premodifier or capitalised_last else (core[-1],)
        if premodifier and words[-1].text == ")":
            heads = (core[-1],)
        # "President Quetta Chapter of …", "Chairman Harbour Trust": a role, then the name of
        # the institution it heads, without "of"
        if (
            len(core) > 2
            and core[-1].lower_ in self.lex.institution_words
            and all(w.pos_ == "PROPN" for w in core[1:])
        ):
            heads = (core[0],)
        return any(self._is_title_token(w) and w.tag_ not in ("NNS", "NNPS") for w in heads)

    def _rank_word(self, tok: Token) -> str:
        """A word as the ranks list writes it: lowercase, an abbreviation written out."""
        expansion = self.lex.abbreviations.get(tok.text) or self.lex.abbreviations.get(
            tok.text + "."
        )
        return expansion or tok.lower_.rstrip(".")

    def _only_a_rank(self, words: list[Token]) -> bool:
        """'DSP', 'Chief Inspector': a rank of the ranks list and nothing else."""
        return " ".join(self._rank_word(w) for w in words if w.text != ".") in self.lex.ranks

    def _without_rank_after_role(self, words: list[Token]) -> list[Token]:
        """'fire service spokesperson Capt', 'Provincial Commissioner Lieutenant General': a
        rank between a role and the name is left out; the role is the title."""
        ranks = self.lex.ranks
        k = len(words)
        while k > 0:
            dot = int(words[k - 1].text == "." and k > 1)  # "Capt" "." split by the tokenizer
            last = self._rank_word(words[k - 1 - dot])
            if k - dot > 1 and f"{self._rank_word(words[k - 2 - dot])} {last}" in ranks:
                k -= 2 + dot
            elif last in ranks:
                k -= 1 + dot
                if k > 0 and self._rank_word(words[k - 1]) == last:
                    break  # "Councillor Cllr": the first is the role
            else:
                break
        if k == len(words) or k == 0:
            return words
        role = words[k - 1]
        if role.text == ")" and k > 3 and words[k - 3].text == "(":
            role = words[k - 4]  # "Pro Vice-Chancellor (Teaching) Professor"
        # "Deputy Chief Justice" is one title: a capitalised word alone before the rank
        # modifies it
        if role.is_lower or role.is_upper and len(role) > 1 or k > 1:
            return words[:k] if self._is_title_token(role) or role.is_upper else words
        return words

    def _part_of_name(self, tok: Token) -> bool:
        """A capitalised word or initial right before a name, that no title or organisation
        claims: the first part of the name that NER left out."""
        return (
            tok.tag_ == "NNP"
            and tok.nbor(-1).text != "-"
            and (tok.is_title or len(tok.text) == 1 and tok.is_upper)
            and tok.ent_type_ not in AFFILIATION_RANK
            and not self._is_title_token(tok)
            and not self.is_honorific(tok)
        )

    @staticmethod
    def _object_in(prep: Token, names: set[int]) -> bool:
        return any(c.dep_ == "pobj" and c.i in names for c in prep.children)

    def _in_complement_of_role(self, tok: Token, first: int) -> bool:
        """'strategy' in "Harbour Funds head of investment strategy Lena Varga": a word in the
        "of …" phrase of a role word before it, all before the name."""
        cur = tok
        while cur.dep_ in ("compound", "amod", "pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            if cur.i >= first:
                return False
            if cur.i < tok.i and self._is_title_token(cur):
                return True
        return False

    def _title_follows(self, tok: Token, limit: int) -> bool:
        return any(self.lex.is_title_word(t) for t in self.ctx.doc[tok.i : limit])

    def description_of_organisation(self, toks: list[Token]) -> TitleRef | None:
        """'Bradford-based supermarket group Morriston', 'food company Kerrow', "Portvale's
        markets regulator, PMA,": the words before an organisation's name that say what kind
        of body it is, ending in a noun `nominal_heads.txt` gives as ORG. They are its title,
        and what a later "the company" or "the regulator" is matched on."""
        doc = self.ctx.doc
        k = toks[0].i - 1
        if k >= 1 and doc[k].lower_ == "the" and toks[-1].dep_ == "appos":
            k -= 1
        if k >= 1 and doc[k].text == "," and toks[-1].dep_ == "appos":
            k -= 1  # "the markets regulator, the PMA,"
        if k < 0 or not self._kind_of_body_word(doc[k]) or self.ctx.quoted(k):
            return None
        start = k
        while start > 0 and k - start < 6:
            t = doc[start - 1]
            if self.ctx.quoted(t.i) or t.is_space:
                break
            if t.text in ("'s", "’s"):
                owner = doc[t.i - 1] if t.i > 0 else t
                if owner.is_title and owner.pos_ == "PROPN":
                    start -= 2  # "Portvale's markets regulator": whose, and the start
                break
            described = (
                (t.is_lower and t.pos_ in ("ADJ", "NOUN", "VERB") and t.is_alpha)
                or t.text == "-"  # "Bradford-based", "state-owned"
                or _hyphenated(t)
                or t.ent_type_ in ("GPE", "NORP")
                and t.is_title
                or t.is_sent_start
                and t.is_title
                and t.pos_ in ("ADJ", "NOUN")  # "Food company"
            )
            if not described:
                break
            start -= 1
        words = list(doc[start : k + 1])
        return self._title_ref(words, described=True) if words else None

    def _kind_of_body_word(self, tok: Token) -> bool:
        """'company', 'regulator', 'giant': a lower-case noun for a kind of organisation."""
        return (
            tok.pos_ == "NOUN"
            and tok.is_lower
            and self.lex.nominal_heads.get(tok.lemma_.lower()) == "ORG"
        )

    def _one_of_the_holders(self, one: Token) -> TitleRef | None:
        """'Ana Ruiz, one of Tidewave's founders,': one of those who hold a role, as written."""
        if one.lower_ != "one":
            return None
        of = next((c for c in one.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        # "co-authors" may be parsed as three objects of "of": the last is the holders' noun
        objects = [c for c in of.children if c.dep_ == "pobj"] if of else []
        holders = objects[-1] if objects else None
        if holders is None or holders.tag_ != "NNS":
            return None
        # a clause set off by a comma says more of them, and a name so set off says which one
        # ("one of the widow's lawyers, Ivo Brandt"); a clause without ("the members who voted
        # against it") says which of them, and stays
        clauses = {
            d.i
            for c in holders.children
            if (c.dep_ in CLAUSE_DEPS or c.dep_ == "appos") and c.doc[c.left_edge.i - 1].text == ","
            for d in c.subtree
        }
        words = [
            t
            for t in self.ctx.doc[objects[0].left_edge.i : holders.right_edge.i + 1]
            if t.i not in clauses and (not t.is_punct or t.text in ("’s", "'s"))
        ]
        found = self._title_ref(words, described=True, plural_head=True)
        if found is None:
            return None
        # "one of the family's attorneys", its article kept as written
        kept = words[0].lower_ == "the" and not found.text.lower().startswith("the ")
        the = "the " if kept else ""
        return replace(found, start=one.idx, text=f"one of {the}{found.text}")

    def title_in_apposition(self, toks: list[Token]) -> TitleRef | None:
        """'Grace Mutua, the Kenyan ambassador to the UN,' / 'the ambassador, Grace Mutua,'."""
        head = climb(toks[-1], NAME_DEPS)
        if head.pos_ != "PROPN" and head.i > toks[-1].i:
            return None  # "Clinton allies, the …": the name modifies a noun; the phrase is theirs
        doc = self.ctx.doc
        children = [
            # "Dara Boyle, himself a former alderman,": the description hangs on "himself"
            g
            for c in head.children
            for g in (
                [g for g in c.children if g.dep_ == "appos"]
                if c.dep_ == "appos" and c.lower_ in REFLEXIVES
                else [c]
            )
        ]
        for child in children:
            # "Ravi Nair, Executive Director & Group CFO at Kestrel Textiles,": a title
            # after a comma that the parse calls a conjunct of the name is its apposition,
            # and the "at …" the parse hangs on the name goes on with it
            as_conjunct = (
                child.dep_ == "conj"
                and self._is_title_token(child)
                and doc[child.left_edge.i - 1].text == ","
            )
            if (
                (child.dep_ == "appos" or as_conjunct)
                and not self.ctx.quoted(child)
                # "De Luca: Put faith in …": after a colon, what the name says unless a role
                # word heads it ("Ann Lee: Harbour City boss thanks fans")
                and not (
                    child.left_edge.i > 0
                    and doc[child.left_edge.i - 1].text == ":"
                    and not self._is_title_token(child)
                )
                and not self._subject_of_next_verb(child)
                # "Dora Wells, whose husband, …, was": a relative clause's subject, misparsed
                and not any(g.dep_ == "poss" and g.lower_ == "whose" for g in child.children)
                # "criticising Governor Hale, the party's organising secretary, Ade Bankole,
                # said": a role with a name in apposition to it is that name's
                and not any(self._named_right_after(c) for c in child.children)
            ):
                tail = _following_preps(head, child) if as_conjunct else ()
                split, pieces = hyphen_split(child)
                if pieces:  # "Jon Reese, vice-chairman, HGE": parsed as three
                    found = self._title_from_phrase(split, described=True)
                    if found is not None:
                        prefix = doc[child.i : split.i].text
                        found = replace(found, start=child.idx, text=prefix + found.text)
                        return self._with_organisation_apposed(found, split)
                found = (
                    self._role_it_is_now(child)
                    or self._one_of_the_holders(child)
                    or self._title_from_phrase(child, described=True, tail=tail)
                )
                if found:
                    return self._with_organisation_apposed(found, child)
        # "Rao's lawyer Vikram Kaul and Solicitor General Anil Ahuja", both names hung on
        # "lawyer": the description is the first name's
        earlier_name = head.dep_ == "appos" and any(
            c.dep_ == "appos" and c.i < head.i and self.names_person(c.i)
            for c in head.head.children
        )
        if (
            head.dep_ == "appos"
            and (head.head.pos_ in ("NOUN", "PROPN") or head.head.lower_ == "one")
            and not earlier_name
        ):
            described = head.head
            # "The Head Coach of Harbour Rovers of Tema, Ivo Brandt,": the parse hangs the name on
            # the last noun of the title's "of …" phrase; the title is the role word's phrase
            role = described
            while not self._is_title_token(role) and role.dep_ == "pobj":
                role = role.head.head
            # "the head of the board that runs Queen's and St Ann's Schools, Ann Lee": hung on
            # the last word of a relative clause inside the role's phrase
            up, steps = role, 0
            while not self._owns_role(up) and up.dep_ in CLIMB_TO_ROLE and steps < 6:
                up, steps = up.head, steps + 1
            if (
                self._owns_role(up)
                and up is not role
                and any(t.dep_ == "relcl" for t in doc[up.i : role.i])
                # "the judge who jailed the boy's killer, Ivo Brandt": the name is the
                # killer's, a noun for someone that the clause's own role does not reach past
                and not self._names_a_doer(role)
            ):
                role = up
            # "the Group Managing Director, Tasman Mills, Mr. Ade Bello,": an organisation
            # in apposition to the role, between it and the name, is where the role is held
            # (the parse hangs the name on the role or on the organisation)
            org = self._organisation_at(role) if role.dep_ == "appos" else None
            if org is not None and self._is_title_token(role.head):
                role = role.head
            if (
                role.dep_ == "conj"
                and self._is_title_token(role.head)
                and not any(c.dep_ in ("det", "poss") for c in role.children)
                # "Queen's and King George Hospitals": a possessive names whose, not a role
                and self._owns_role(role.head)
            ):
                role = role.head  # "HWC President and Chief Executive Officer, Ann Lee": both
            if self._is_title_token(role):
                described = role
                for c in role.children:
                    if org is None and c.dep_ == "appos" and c.i < toks[0].i:
                        org = self._organisation_at(c)
            # "one of the widow's lawyers, Ivo Brandt": one of those who hold the role
            one = role.head.head if role.dep_ == "pobj" and role.head.lower_ == "of" else role
            found = self._one_of_the_holders(one) or self._title_from_phrase(
                described,
                stop=toks[0].i,
                described=doc[toks[0].i - 1].text == "," and self._names_a_doer(described),
            )
            if found is not None and org is not None:
                # the organisation is part of the title as the article gives it
                text = found.text if org in found.text else f"{found.text}, {org}"
                found = replace(found, text=text, affiliation=org, size=(found.size or 0) + 1)
            if found is not None:
                return found
        return self._title_before_comma(toks) or self._title_closing_inversion(toks)

    def _names_a_doer(self, head: Token) -> bool:
        """'the assailant, Tom Reed,', 'the gardener, Ann Lee,': a description before the name
        it is set off from by a comma that names someone by what they do, listed or not (with
        no comma, "The union's chief negotiator Ann Lee", the owner stays out); not a relation
        ("her husband, Tom Reed,") nor a thing ("a lead over his rival, Tom Reed")."""
        return (
            _describes(head)
            and head.lower_ not in self.lex.kin_words
            and (
                head.lower_.endswith(AGENT_ENDINGS)
                or self.lex.nominal_heads.get(head.lemma_.lower()) == "PERSON"
            )
        )

    def _named_right_after(self, tok: Token) -> bool:
        """A name the parse puts in apposition to a role, set off by a comma and nothing but
        the name (and honorifics) after it: ", Chief Ade Bankole," not ", briefed the
        regional director Ann Lee"."""
        doc = self.ctx.doc
        start = tok.left_edge.i
        return (
            tok.dep_ == "appos"
            and start > 0
            and doc[start - 1].text == ","
            and all(
                t.ent_type_ == "PERSON"
                or self.names_person(t.i)
                or self.is_honorific(t)
                or self._is_title_token(t)  # "Chief" of ", Chief Ade Bankole,"
                for t in doc[start : tok.i + 1]
            )
        )

    def _subject_of_next_verb(self, phrase: Token) -> bool:
        """'According to Rep. Tom Bly, congressional probing of the scandal was …': a phrase
        the parse hangs on the name after a comma but that runs straight into a verb left
        without a subject is that verb's subject, not a description of the name."""
        doc = self.ctx.doc
        k = phrase.right_edge.i + 1
        if k >= len(doc) or doc[k].pos_ not in ("VERB", "AUX"):
            return False
        verb = doc[k] if doc[k].dep_ not in ("aux", "auxpass") else doc[k].head
        return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)

    def _role_held_by_whose(self, verb: Token) -> TitleRef | None:
        """'Ruth Adoyo, whose job as captain of the relay squad is now in doubt': the role a
        relative clause's "whose … as" says the person holds."""
        if verb.dep_ != "relcl":
            return None
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass") or not any(
                c.lower_ == "whose" for c in subject.children
            ):
                continue
            for prep in subject.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and self._is_title_token(obj):
                            return self._title_from_phrase(obj)
        return None

    def _owns_role(self, tok: Token) -> bool:
        """A role word that is no possessor: not "Queen" of "Queen's Hospital"."""
        return self._is_title_token(tok) and not any(c.dep_ == "case" for c in tok.children)

    def _title_closing_inversion(self, toks: list[Token]) -> TitleRef | None:
        """'…," said Ken Morrow, lead author of the study.': the words after the comma that
        closes a sentence whose cue comes before the name, with no verb of their own, which
        the parse hangs on the cue instead of the name."""
        after = after_inverted_subject(toks[-1])
        if after is None or not self.lex.is_cue_verb(toks[-1].head):
            return None
        words = list(after)
        if (
            len(words) > TITLE_MAX_TOKENS
            # a verb of its own, or a relative clause ("whom the board named chief executive")
            or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD", "WP") or t.text in ",;:" for t in words)
            or any(self.ctx.quoted(t.i) for t in words)
            or not any(
                t.pos_ == "NOUN" and (self._is_title_token(t) or t.lower_.endswith(AGENT_ENDINGS))
                for t in words
            )
        ):
            return None
        return self._title_ref(words, described=True)

    def _with_organisation_apposed(self, ref: TitleRef, role: Token) -> TitleRef:
        """'Ann Lee, MD, Harbour Wheels Ltd, said': a name of an organisation (or of a unit:
        "…, deputy director, fraud investigation unit,") right after a role in apposition,
        between commas (or the comma and the sentence's end), is where the
        role is held, however the parse hangs it."""
        doc = self.ctx.doc
        comma = role.i + 1  # the parse may hang the comma and the organisation on the role
        while comma <= role.right_edge.i and doc[comma].text != ",":
            comma += 1
        if ref.affiliation or comma + 1 >= len(doc) or doc[comma].text != ",":
            return ref
        end = comma + 1
        while (
            end < len(doc)
            and end - comma <= 8
            and doc[end].text not in (",", ".", ";", ":")
            and not doc[end].is_space
            and not (end > comma + 1 and doc[end].is_sent_start)
        ):
            end += 1
        # "Ravi Hassan, President, Tamaria Garment Makers and Exporters Association (TGMEA)
        # said": a run of capitalised words, and its abbreviation in brackets, closed by the
        # verb the name is the subject of
        run, limit = comma + 1, min(len(doc) - 1, comma + 12)
        while run < limit and (
            doc[run].is_title
            or doc[run].is_upper
            or doc[run].lower_ in NAME_GLUE
            and doc[run + 1].is_title
        ):
            run += 1
        if run + 2 < len(doc) and doc[run].text == "(" and doc[run + 2].text == ")":
            run += 3
        end_of_name = run > comma + 1 and run < len(doc) and doc[run].pos_ in ("VERB", "AUX")
        if end_of_name:
            end = run
        words = list(doc[comma + 1 : end])
        entity = (
            self._affiliation_entity_at(words[0]) if words and words[0].ent_type_ == "ORG" else None
        )
        # NER names the words, all of them, one organisation ("Harbour & General Savings Club")
        whole = entity is not None and entity.start == words[0].i and entity.end == words[-1].i + 1
        closed = (
            end == len(doc)
            or doc[end].text in (",", ".", ":")  # "Says Ann Lee, MD, Harbour Wheels Ltd: …"
            or doc[end].is_space
            or doc[end].is_sent_start
            or end_of_name
        )
        if (
            not words
            or not closed
            or any(self.ctx.quoted(t.i) or self.names_person(t.i) for t in words)
            # a role word in the words, unless they are one organisation's whole name
            or not whole
            and any(self._is_title_token(t) or t.pos_ in ("VERB", "AUX", "DET") for t in words)
            # "Ann Lee, deputy director, fraud investigation unit,": a unit in lower case
            or not (
                words[0].ent_type_ == "ORG"
                or words[0].pos_ == "PROPN"
                or words[-1].lower_ in self.lex.institution_words
            )
        ):
            return ref
        text = " ".join(doc[words[0].i : words[-1].i + 1].text.split())
        affiliation = name_text(clean_name(list(entity))) if entity is not None else text
        if end_of_name:  # the whole name, cut by NER at its "and", without the abbreviation
            bracket = next((k for k, t in enumerate(words) if t.text == "("), len(words))
            affiliation = name_text(words[:bracket])
        return replace(
            ref, text=f"{ref.text}, {text}", affiliation=affiliation, size=(ref.size or 0) + 1
        )

    def _role_it_is_now(self, described: Token) -> TitleRef | None:
        """'Tom Ruiz, a chemist who is co-director of the Water Program at …': the listed
        role a description's relative clause says the person now holds is the more specific
        title ("who served as … and is now president of …" -> the present one)."""
        for verb in described.children:
            if verb.dep_ != "relcl":
                continue
            for v in (verb, *(c for c in verb.children if c.dep_ == "conj")):
                if (
                    v.lemma_ != "be"
                    or v.tag_ not in ("VBZ", "VBP")
                    or supposed(v)
                    or any(c.dep_ == "neg" for c in v.children)
                ):
                    continue
                for c in v.children:
                    if c.dep_ == "attr" and c.pos_ == "NOUN" and not self.ctx.quoted(c):
                        found = self._title_from_phrase(c, tail=_following_preps(v, c))
                        if found is None or not found.role:
                            continue
                        doc = c.doc
                        if (
                            c.i > 1
                            and doc[c.i - 1].text == "-"
                            and not doc[c.i - 2].whitespace_
                            and doc[c.i - 2].head.i == v.i
                            and found.start == c.left_edge.idx
                        ):  # "co-director", which the parse splits into three
                            prefix = doc[c.i - 2].text + "-"
                            found = replace(found, start=doc[c.i - 2].idx, text=prefix + found.text)
                        return found
        return None

    def _affiliation_entity_at(self, tok: Token) -> Span | None:
        """The organisation, place or nationality entity ``tok`` stands in, else None."""
        k = bisect_right(self._aff_starts, tok.idx) - 1
        if k < 0 or not self._aff_ents[k].start <= tok.i < self._aff_ents[k].end:
            return None
        return self._aff_ents[k]

    def _organisation_at(self, tok: Token) -> str | None:
        """The name of the organisation entity ``tok`` heads, else None."""
        if tok.ent_type_ != "ORG" or self.ctx.quoted(tok.i):
            return None
        ent = self._affiliation_entity_at(tok)
        return (name_text(clean_name(list(ent))) or None) if ent is not None else None

    def _title_before_comma(self, toks: list[Token]) -> TitleRef | None:
        """'The Commissioner for Information and Strategy, Tunde Bakare, has …' where the
        parse does not make the name an apposition: a role phrase that opens the sentence and
        ends at the comma before the name."""
        doc = self.ctx.doc
        comma = toks[0].i - 1
        while comma > 0 and self.honorific_at(comma):
            comma -= 1  # "Deputy Minister for Water (Urban), Mrs Grace Atim,"
        if comma < 2 or doc[comma].text != ",":
            return None
        root = doc[comma - 1]
        while root.head.i < comma and root.head.i != root.i:
            if self._is_title_token(root) and (
                self.names_person(root.head.i) or self._opens_clause(root.left_edge)
            ):
                # a role the parse hung on the person named before it, or on a word of the
                # phrase the sentence opens with ("At the meeting in Gweru, Mines minister and
                # party treasurer, Tendai Moyo, said")
                break
            root = root.head
        # "Otieno's younger sister, Mercy Atieno, said": whose someone is says what they are
        kin = _describes(root) and any(c.dep_ == "poss" for c in root.children)
        capitalised = self._capitalised_role_before(comma)
        if capitalised is not None:
            return capitalised
        # "Ann Lee and former Commissioner for Mines, Tade Oni, have …": the second of
        # two people, the parse making the role a conjunct of the first
        second = (
            root.dep_ == "conj"
            and root.left_edge.i > 0
            and doc[root.left_edge.i - 1].lower_ == "and"
            and self.names_person(root.head.i)
        )
        if (
            not (self._is_title_token(root) or kin)
            or not (self._opens_clause(root.left_edge) or second)
            or root.dep_ not in ("nsubj", "dep", "npadvmod", "appos")
            # a role noun the parse took for a clause of its own ("MINISTER of information …")
            and not (root.dep_ == "advcl" and root.pos_ in ("NOUN", "PROPN"))
            and not second
            and not (root.dep_ == "conj" and doc[root.left_edge.i - 1].text == ",")
            or self.ctx.quoted(root.i)
            # "A passionate defender of the network, Mr. Ruiz …": what the sentence says of
            # him in passing, not the post it introduces him by; a capitalised post is one
            # ("A former Chief Economist of the Harbour Bank, Ann Lee, has …"), and so is a
            # role with no complement ("A popular singer and songwriter, Ann Lee says …")
            or root.left_edge.lower_ in ("a", "an")
            and not (root.is_title and self._is_title_token(root))
            and any(c.dep_ == "prep" for c in root.children)
        ):
            return None
        return self._title_from_phrase(root, stop=comma, described=kin)

    def _capitalised_role_before(self, comma: int) -> TitleRef | None:
        """'Harbour, May 4 – Harbour Stars Head Coach, Ann Lee has …', 'In an interview,
        President of the Harbour Students' Union, Ann Lee, …': a role written in capitals from
        the sentence start, a dateline's dash or a fronted phrase's comma to the comma before
        the name, however the parse hangs its words."""
        doc = self.ctx.doc
        start = comma - 1
        while start > 0 and not self._opens_clause(doc[start]) and comma - start < 14:
            start -= 1
        if start < 0 or not self._opens_clause(doc[start]):
            return None
        words = list(doc[start:comma])
        if not all(
            t.is_title
            or t.is_upper
            or t.lower_ in TITLE_GLUE
            or t.text in POSSESSIVE
            or t.text in ("(", ")")
            or self._is_title_token(t)  # "Harbour Miners Federation (HMF) chief executive, …"
            for t in words
        ) or not any(self._is_title_token(t) for t in words):
            return None
        if any(self.ctx.quoted(t.i) or self.names_person(t.i) for t in words):
            return None
        return self._title_ref(words)

    @staticmethod
    def _opens_clause(tok: Token) -> bool:
        """Does ``tok`` start its sentence, or follow a dateline's dash or a fronted phrase's
        comma ("Harbour, May 4 – Head Coach, Ann Lee, …", "In an interview, President of the
        Union, Ann Lee, …")?"""
        if tok.is_sent_start:
            return True
        before = tok.nbor(-1) if tok.i > 0 else None
        if before is not None and before.is_quote and before.i > 0:
            before = before.nbor(-1)  # '"… the north," Harbourcom Chief Executive, Ann Lee said'
        return before is not None and before.text in (",", "–", "—", "--")

    def title_in_predicate(self, root: Token) -> TitleRef | None:
        """'Mitchell, who served as ambassador to Burma,' / 'Lee is the party's treasurer':
        what a copula or a listed verb ("serve as") says the person is."""
        verbs = [c for c in root.children if c.dep_ == "relcl"] + self._who_after_workplace(root)
        if root.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(root.head)
        for verb in verbs:
            held = self._role_held_by_whose(verb)
            if held is not None:
                return held
            role = self.lex.leading_verbs.get(verb.lemma_.lower())
            if role is not None and _instructs(verb):
                role = None  # "Lee has directed Harbour Bank's governor Ann Moyo to act"
            if role is not None:  # "Rubio, who heads the Centre for …" -> "head of the Centre …"
                for obj in verb.children:
                    if obj.dep_ == "dobj" and obj.ent_type_ == "ORG" and not self.ctx.quoted(obj):
                        ent = next(e for e in self.ents if e.start <= obj.i < e.end)
                        org = name_text(clean_name(list(ent)))
                        return TitleRef(verb.idx, f"{role} of {org}", org, role=True)
                    if obj.dep_ == "dobj" and _present(verb) and self._unit_led(obj):
                        # "who heads the patents unit at the Harbour Institute"
                        words = [
                            t for root in (obj, *_following_preps(verb, obj)) for t in root.subtree
                        ]
                        # "who chairs a panel whose seats are held by …": the unit, not
                        # what a clause of its own says of it
                        clauses = [c for c in obj.children if c.dep_ in ("relcl", "acl")]
                        if clauses:
                            cut = min(c.left_edge.i for c in clauses)
                            words = [t for t in words if t.i < cut]
                        while words and words[0].lower_ in TITLE_DROP - {"the"}:
                            words = words[1:]
                        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                        text = " ".join(self.ctx.text[start:end].split())
                        return TitleRef(
                            verb.idx,
                            f"{role} of {text}",
                            self.affiliation_in(start, end),
                            role=True,
                            size=self._title_size(words) + 1,
                        )
            if supposed(verb):
                continue  # "Lee, who could serve as chair"
            appointed = self._role_appointed_to(verb)
            if appointed is not None:
                return appointed
            if verb.lemma_ == "be" and not any(c.dep_ == "neg" for c in verb.children):
                for c in verb.children:  # not "Lee is not the first candidate"
                    # "She is the senior Republican on the Ethics Committee": a party post
                    post = c.pos_ == "NOUN" or _party_post(c)
                    if c.dep_ == "attr" and post and not self.ctx.quoted(c):
                        c, parts = hyphen_split(c)
                        # "Dan Berg, who was coordinator for trade at …": a relative clause on
                        # the name says what the person is, listed role word or not
                        relative = verb.dep_ == "relcl"
                        tail = _following_preps(verb, c) if relative else ()
                        described = relative or c.pos_ != "NOUN"  # the party post
                        return self._title_from_phrase(c, described=described, tail=parts + tail)
            elif verb.lemma_.lower() in self.lex.title_verbs:
                for prep in verb.children:
                    if prep.dep_ == "prep" and prep.lower_ == "as":
                        for obj in prep.children:
                            if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                                found = self._title_from_phrase(obj, described=True)
                                if found is not None and verb.tag_ == "VBD":
                                    # "Varga, who served as a councillor for 12 years"
                                    found = replace(found, past=True)
                                return found
        return None

    def _who_after_workplace(self, name: Token) -> list[Token]:
        """'said Ravi Menon from the Harbour Institute, who is a professor of physics': the
        parse hangs a "who" clause on the body named right after the person; "who" is the
        person, never the body."""
        doc = self.ctx.doc
        k = name.i + 1
        if k >= len(doc) or doc[k].dep_ != "prep" or doc[k].lower_ not in ("from", "of", "at"):
            return []
        return [
            t
            for t in doc[k].subtree
            if t.dep_ == "relcl"
            and t.head.ent_type_ != "PERSON"
            and (t.head.is_title or t.head.is_upper)  # a body's name ("HSRI", "Harbour …")
            and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children)
        ]

    def _role_appointed_to(self, verb: Token) -> TitleRef | None:
        """'Lee, who was appointed chief of mission to Tamsin', 'Lee, whom the board named
        chief executive': the role a relative clause says the person was given (`titles.txt`
        `[appointing_verbs]`), the verb's object predicate."""
        if verb.dep_ != "relcl" or verb.lemma_.lower() not in self.lex.appointing_verbs:
            return None
        if not any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "WP" for c in verb.children):
            return None  # "Lee, who named Ann Moyo chief executive": someone else's role
        for c in verb.children:
            if c.dep_ == "oprd" and c.pos_ == "NOUN" and not self.ctx.quoted(c):
                tail = _following_preps(verb, c)  # "appointed chief of mission | to Tamsin"
                return self._title_from_phrase(c, described=True, tail=tail)
        return None

    def _unit_led(self, obj: Token) -> bool:
        """Is the object of "heads/leads/directs" a body someone heads (an office, a team, a
        unit), not what they are ahead in ("leads the race", "heads the list") or a piece of
        work ("leads the study")? Said in the present: "who managed the team" was a post."""
        return (
            obj.pos_ == "NOUN"
            and obj.tag_ == "NN"
            and not self.ctx.quoted(obj)
            # "heads the water supply agency": a kind of body, whatever its ending
            and (not obj.lower_.endswith(ABSTRACT_ENDINGS) or self._kind_of_body(obj))
            and obj.lower_ not in NOT_LED
            and len(list(obj.subtree)) <= TITLE_MAX_TOKENS
        )

    def _role_letters_in_brackets(self, bracket: Token) -> bool:
        """'(CEO)' right after the role it abbreviates: an opening bracket, one word in
        capitals, a closing bracket, after a title word."""
        doc = bracket.doc
        return (
            bracket.text == "("
            and bracket.i + 2 < len(doc)
            and doc[bracket.i + 1].is_upper
            and doc[bracket.i + 2].text == ")"
            and self._is_title_token(doc[bracket.i - 1])
        )

    def _where_said(self, tok: Token) -> bool:
        """'in a statement', 'in a news release', 'during an interview': where something was
        said is no part of the speaker's title; nor a headline's "in stark warning", whose
        noun the tagger may call a verb."""
        return tok.dep_ == "prep" and (
            tok.lower_ != "for"  # "director for the outbreak response": what the post serves
            and any(c.dep_ == "pobj" and self.lex.is_cue_noun(c) for c in tok.children)
            or tok.lower_ == "in"
            and any(t.lower_ in self.lex.speech_nouns for t in tok.subtree)
        )

    def _joint_role(self, tok: Token) -> bool:
        """'CEO and joint managing director of Kestrel Textiles': a second role with no article of
        its own is held together with the first; "director of X and a professor at Y" is two
        descriptions."""
        return (
            tok.dep_ == "conj"
            and self._is_title_token(tok)
            and not any(c.dep_ in ("det", "poss") for c in tok.children)
        )

    def _example_list(self, tok: Token) -> bool:
        """'an aide to Ohio mayors such as Jo Hart': examples are no part of the title."""
        if tok.dep_ != "prep":
            return False
        if tok.lower_ in ("including", "like"):
            return True
        return (
            tok.lower_ == "as"
            and any(c.lower_ == "such" for c in tok.children)
            or (tok.lower_ == "such" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "as")
        )

    def _title_from_phrase(
        self,
        head: Token,
        stop: int | None = None,
        described: bool = False,
        tail: tuple[Token, ...] = (),
    ) -> TitleRef | None:
        """The title a noun phrase gives: its words without clauses, a second coordinated
        title ("director of X and a professor at Y" -> the director) or anything after a
        dash or bracket. ``described``: the phrase is in apposition to a person ("Tim Hess, a
        property developer,"), where any common noun describes the person, listed or not.
        ``tail``: phrases the parse hangs elsewhere that go on with it ("at the State
        Department" in "who was coordinator for trade at the State Department")."""
        phrase = sorted({t for root in (head, *tail) for t in root.subtree}, key=lambda t: t.i)
        clauses = {
            d.i
            for t in phrase
            if t.dep_ in CLAUSE_DEPS
            and t.i != head.i  # the phrase's own head, however the parse hangs it
            and not (described and _placing_participle(t, self.lex.placing_verbs))
            or (
                t.dep_ in ("conj", "appos")
                and t.head.i == head.i
                and not self._joint_role(t)
                and not self._rest_of_a_name(t)
            )
            # "president of the Lakeside Forum, a pro-growth group": what the body is
            or t.dep_ == "appos"
            and t.head.ent_type_ in ("ORG", "GPE")
            and t.i > head.i
            or _second_description(t)
            and t.i != head.i
            or self._example_list(t)
            or _when(t)
            or self._where_said(t)
            or _with_no_name(t, head)
            for d in t.subtree
        }
        clauses |= {t.i for t in head.children if t.dep_ == "cc"}
        for t in phrase:
            if t.i > head.i and _comma_before_when(t):
                # "as managing director of Coral Bank, yesterday in Harbourton": when and
                # where the clause's event was, which the parse hangs on the role
                stop = t.i if stop is None else min(stop, t.i)
                break
            if t.i > head.i and t.text in TITLE_BREAKS:
                if self._role_letters_in_brackets(t):
                    # "the Managing Director (MD) of Harbour Mills": the role's
                    # letters in brackets, and the title goes on after them
                    clauses |= {t.i, t.i + 1, t.i + 2}
                    continue
                stop = t.i if stop is None else min(stop, t.i)
                break
        # "date 2022-03-14 The Head Coach of …": a dateline the parse hangs on the title
        dated = [t.i for t in phrase if t.i < head.i and t.ent_type_ in ("DATE", "TIME")]
        if dated and (phrase[0].is_sent_start or phrase[0].is_space):
            clauses |= set(range(phrase[0].i, dated[-1] + 1))
        words = [
            t for t in phrase
            if not self.ctx.quoted(t) and (stop is None or t.i < stop) and t.i not in clauses
        ]  # fmt: skip
        closing = [
            k
            for k, t in enumerate(words)
            if t.text in CREDIT_ENDS
            and t.i < head.i
            and not (k > 1 and words[k - 1].is_upper and words[k - 2].text == "(")  # "(HMC)"
        ]
        if closing:  # "(Photo: AP) Kenya's captain": the words before the bracket are a credit
            words = words[closing[-1] + 1 :]
        words = [t for t in words if not (t.is_punct and t.text not in ("-", "’s", "'s"))]
        while words and words[0].lower_ in TITLE_DROP:
            words = words[1:]
        if len(words) > TITLE_MAX_WORDS:
            words = _shortened(words, head)
        listed = any(self.lex.is_title_word(t) for t in words)
        if (
            not words
            or len(words) > TITLE_MAX_WORDS
            or not (listed or described and _describes(head))
        ):
            return None
        if any(t.lower_ == "than" for t in words):
            return None  # "More professor than politician, Ray …": a comparison, not a post
        if any(
            self.names_person(t.i)
            for t in words
            if t.i == head.i or t.head.i == head.i and t.dep_ != "poss"
        ):  # a phrase headed by another person's name is not this one's title ("Tom Frost's
            return None  # wife" names him only as whose)
        # "son of the Republican front-runner": a description headed by no role, whatever
        # role word its complement holds
        as_description = described and _describes(head) and not self._headed_by_role(words)
        found = self._title_ref(words, described=as_description)
        if found is not None and _party_member(head) and not _party_post(head):
            found = replace(found, size=0)  # any role the article gives says more
        return found

    def _rest_of_a_name(self, conj: Token) -> bool:
        """'chairman of the Harwood and West Lister NHS Trust', the parse making "Trust" a
        conjunct of "chairman": capitalised words after an "and" that follows the capitalised
        object of the role's "of" go on with that name."""
        doc = self.ctx.doc
        start = conj.left_edge.i
        if conj.dep_ != "conj" or start < 2 or self._is_title_token(conj):
            return False
        before, joint = doc[start - 2], doc[start - 1]
        return (
            joint.lower_ in ("and", "&")
            and conj.pos_ == "PROPN"
            and all(t.is_title or t.is_upper for t in doc[start : conj.i + 1])
            and (before.is_title or before.is_upper)
            and before.dep_ == "pobj"
            and before.head.lower_ in ("of", "at", "for")
            and before.head.head.i == conj.head.i
        )

    def _title_ref(
        self,
        words: list[Token],
        described: bool = False,
        plural_head: bool = False,
        premodifier: bool = False,
    ) -> TitleRef | None:
        while (
            words
            and not self.lex.is_title_word(words[0])
            and not _counted_compound(words)
            # '“Morning Desk” host': the mark that opens a name in the title stays
            and not (words[0].is_quote and any(w.is_quote for w in words[1:]))
            # "long-serving boss": a word hyphened to the next is half of one modifier
            # ("34-year-old nurse" is an age, not a modifier of the role)
            and not (
                len(words) > 2
                and words[0].is_alpha
                and words[0].ent_type_ != "DATE"
                and _hyphenated(words[0])
            )
            and (
                words[0].lower_ in TITLE_DROP
                or words[0].pos_ in LEADING_NON_TITLE
                or words[0].ent_type_ == "DATE"  # "34-year-old"
                or words[0].lower_ in self.lex.mood_words  # "Proud Harbour coach"
                # "In a statement Chief Nurse Ann Lee said": the statement is no part of it
                or words[0].is_lower
                and words[0].lemma_ in self.lex.speech_nouns
            )
        ):
            words = words[1:]  # "But Attorney General", "Like President", "one ... official"
        words = self._after_comma_before_role(words)
        while words and (
            words[-1].lower_ in TITLE_GLUE
            or words[-1].is_punct
            and words[-1].text != ")"
            or self.is_honorific(words[-1])
            or words[-1].ent_type_ in ("DATE", "TIME")  # "… at the trust this week"
        ):
            if len(words) > 1 and words[-1].text == "." and self._is_title_token(words[-2]):
                break  # the dot of a split abbreviation: "Det. Insp" "."
            words = words[:-1]  # "minister of the economy, Mr." -> "minister of the economy"
        if not words or not (described or self._headed_by_role(words, plural_head, premodifier)):
            return None
        if self.names_person(words[-1].i) and not any(
            w.lower_ in COMPLEMENT_PREPS for w in words[:-1]
        ):  # "Larry King": a name, not a king ("Coach of Harbour Rovers of Tema" names a club)
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = self.lex.expand_abbreviations(" ".join(self.ctx.text[start:end].split()))
        if not text:
            return None
        affiliation = (
            self.affiliation_in(start, end)
            or self._possessor(words)
            or self._body_described_in(words)
        )
        if affiliation is not None and (
            affiliation.lower() == text.lower() or affiliation.lower() in self.lex.title_words
        ):
            # "Farmers" or "Detective" tagged ORG: the title, or a word of it, is no affiliation
            affiliation = None
        # the phrase's own head: "member" in "member of the board" and "board member"
        membership = self.ctx.doc[words[0].i : words[-1].i + 1].root.lower_ in (
            self.lex.membership_roles
        )
        return TitleRef(
            start,
            text,
            affiliation,
            role=not described and not membership,
            size=self._title_size(words),
        )

    def _title_size(self, words: list[Token]) -> int:
        """`_size` with this document's person words and the lexicon's grading words and
        roles of two words."""
        return _size(
            words,
            self.person_words(),
            self.lex.grading_words,
            self.lex.role_phrases,
            self.acronym_tokens,
        )

    def _possessor(self, words: list[Token]) -> str | None:
        """Where, or for whom, a title opening with a possessive is held when no entity in it
        says so: the capitalised words before it ("Harbourtel Ghana’s CEO"; for a person of
        the cast, the name given in full: `SpeakerResolver._whose`), or the organisation a
        description before it stands for ("the company's chief executive")."""
        k = next((k for k, t in enumerate(words) if t.text in POSSESSIVE), 0)
        owner = words[:k]
        if not owner:
            return None
        if all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in owner):
            return name_text(owner)
        doc = self.ctx.doc
        described = owner[0]
        if k != 1 or not (described.pos_ == "NOUN" and described.is_lower):
            return None
        if described.i == 0 or doc[described.i - 1].lower_ != "the":
            return None
        return self._organisation_described(Span(doc, described.i - 1, described.i + 1))

    def _body_described_in(self, words: list[Token]) -> str | None:
        """'director of the hospital', 'lecturer at the university': the organisation a
        description after "of/at/for" stands for, named before in the article."""
        doc = self.ctx.doc
        last = words[-1].i
        for prep in words:
            det = doc[prep.i + 1] if prep.i < last else None
            if prep.lower_ not in ("of", "at", "for") or det is None or det.lower_ != "the":
                continue
            noun = doc[min(prep.right_edge.i, last)]
            if not self._kind_of_body_word(noun) or noun.i <= det.i:
                continue
            # "the hospital", else for "the salt-to-software conglomerate" (words that say
            # what kind, not which) the organisation the article is about
            return self._organisation_described(Span(doc, det.i, noun.i + 1)) or (
                self._main("ORG") if noun.i - det.i > 1 else None
            )
        return None

    def _organisation_described(self, description: Span) -> str | None:
        """The organisation a description refers to ("the company"); the cast knows."""
        return None

    def _after_comma_before_role(self, words: list[Token]) -> list[Token]:
        """'Harbour Web, President of the Students' Union': words before a comma that hold no
        role are another phrase the parse joined to the title, not part of it."""
        doc = self.ctx.doc
        role = next((k for k, t in enumerate(words) if self._is_title_token(t)), 0)
        cut = [k + 1 for k in range(role) if doc[words[k].i + 1].text == ","]
        return words[cut[-1] :] if cut else words

    def affiliation_in(self, start: int, end: int) -> str | None:
        """The organisation, else the place, else the nationality named between start and end."""
        best: tuple[int, str] | None = None
        k = bisect_left(self._aff_starts, start)
        while k < len(self._aff_ents) and self._aff_ents[k].start_char < end:
            span = self._aff_ents[k]
            k += 1
            if span.end_char > end + 2:
                continue
            name = name_text(clean_name(list(span)))
            if not name or self.names_person(span[-1].i) or name in self.lex.abbreviations:
                continue  # "MD" of "MD and CEO" tagged ORG is the role, not where it is held
            if len(span) == 1 and self.lex.nominal_heads.get(span[0].lower_) in ("ORG", "GPE"):
                # "Group" of "Group CEO", "State" of "State Minister" tagged ORG: what kind,
                # not which
                continue
            rank = AFFILIATION_RANK[span.label_]
            if best is None or rank < best[0]:
                best = (rank, name)
        return best[1] if best else None
