"""The document cast: every person and organisation an article names, with their mentions.

Names come from NER, corrected where the small model is wrong (a person tagged ORG, a first
name it missed, "Obama Says" from a headline), and from names NER missed entirely. Each cast
member keeps its mention positions, its gender when there is evidence, and every title the
article gives it (``titles.py``); a definite description ("the Republican nominee") links to
the member it refers to and adds its title. The lookups the resolver needs (surname -> people,
nearest compatible antecedent, description -> member) are indexed once per document, so each
question costs a bisect and a short walk.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from string import punctuation as PUNCTUATION

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    IS_LOWER,
    IS_TITLE,
    LIKE_EMAIL,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Span, Token

from quoteattr.context import DocContext
from quoteattr.filters import nickname
from quoteattr.syntax import NAME_DEPS, SUBJECT_DEPS, climb, stranded_subject, supposed
from quoteattr.titles import (
    AFFILIATION_RANK,
    AGENT_ENDINGS,
    COMPLEMENT_PREPS,
    POSSESSIVE,
    TITLE_GLUE,
    TitleFinder,
    TitleRef,
    clean_name,
    initials_like,
    name_text,
    strip_tail,
    title_weight,
)

PERSONAL_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
SINGULAR_GROUP_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "we", "us", "our"})
GROUP_PRONOUNS = SINGULAR_GROUP_PRONOUNS | PLURAL_PRONOUNS
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
DEFINITE = frozenset({"the", "this", "that"})
# "a spokesman", "one Republican strategist", "another aide": words that bring someone new in
INDEFINITE = frozenset({"a", "an", "one", "another"})
# a time of day ("07:56", "10am", "p.m."): letters right after it name a time zone
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|\d{1,2}[ap]\.?m\.?|[ap]\.?m\.?")
# "the envoy" refers to someone mentioned within about two articles' length, not further:
# the bound keeps resolution linear in document length
NOMINAL_LOOKBACK_TOKENS = 3000
BRACKETED_LETTERS = re.compile(r"\(([a-z]{2,6})\)")  # a title's "(dcp)", lower-cased
PRONOUN_LOOKBACK_PARAGRAPHS = 4
PRONOUN_LOOKBACK_MENTIONS = 40  # a bound on the walk back, so one pronoun never costs O(doc)
# "The Republican nominee" refers to someone named in its own or the previous paragraph
NOMINAL_TITLE_PARAGRAPHS = 2
LEAD_PARAGRAPHS = 3  # a headline, maybe a dateline or deck, and the lead
HOLDER_CLIMB = 4  # "was elected to a fresh term as mayor": from "term" up
# the links by which a clause's subject governs a word in a subordinate clause
COMMANDED_DEPS = frozenset({"nsubj", "nsubjpass", "advcl", "ccomp", "xcomp"})
PRONOUN_PEEK_TOKENS = 60  # how far after a surname-only mention its gender is looked for
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
ABBREVIATED = frozenset({"of", "the", "and", "for", "&", "on", "in"})  # no initial of their own


def _contains_run(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Are ``words`` all of a ``name`` but its surname ("Omar Farid" of "Omar Farid Malik")
    or a run inside it ("Azlan Karim" of "Nor Azlan Karim Osman")? Not a name's first words
    before two more: "Ben Ruiz" is not "Ben Ruiz Slams Harbour", a headline NER ran on."""
    n = len(words)
    if len(name) == n + 1 and name[:n] == words:
        return True
    return any(name[k : k + n] == words for k in range(1, len(name) - n))


# the roles in which a word heads a noun phrase of its own ("The TPC says", "according to
# the TPC"), not a modifier of the next word ("TPC Acting Head")
NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})
# "Allied Ironworkers (AIW)": an abbreviation the article defines in brackets after a name
# "the Harbour Port Authority's (HPA) pilots": an owner's "'s" may stand before the bracket
BRACKETED_ABBREVIATION = re.compile(r"(?:['’]s)?\s?\(((?:[A-Z][a-z]*){1,2}[A-Z][A-Za-z0-9]*)\)")
# "the Harbour Science Agency, or HSA, said": the abbreviation given after "or"
ABBREVIATION_AFTER_OR = re.compile(r",\s+or\s+([A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*),")
# "the Harbour Union of Teachers, HUT, said", "the Harbour Disaster Agency HDA has": its
# initials right after its name, set off by commas or by nothing
INITIALS_AFTER_NAME = re.compile(r"(?:,\s+([A-Z]{2,}),|\s+([A-Z]{2,})\b)")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")  # "S.A." of "S.A. Kale"
# "HPRC, the Harbour Physics Research Centre,": the abbreviation, then the name in apposition
ABBREVIATION_APPOSED = re.compile(r"\b([A-Z]{2,}[A-Za-z0-9]*),\s+(?:the\s+)?$")
# "(Amcu)": an abbreviation written as a word, checked against the initials before it
BRACKETED_WORD = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


def _initials_of(tokens: tuple[str, ...]) -> list[str]:
    """The abbreviations a name of two or more capitalised words may go by: its initials
    ("IMF"), with those of "of" or "and" ("BOF" for "Bureau of Fisheries"), without a place
    or acronym before it ("SES" for "Harbour State Emergency Service") or the place after "of"
    ("IRU" for "Independent Review Unit of Portvale")."""
    words = [w for w in tokens if w[:1].isupper() and w.lower() not in ABBREVIATED]
    if len(words) < 2:
        return []
    keys = ["".join(w[0] for w in words)]
    keys.append("".join(w[0].upper() for w in tokens if w[:1].isupper() or w in ("of", "and")))
    if len(words) > 3 or words[0].isupper() and len(words) > 2:
        keys.append("".join(w[0] for w in words[1:]))
    if "of" in tokens:
        before = [w for w in tokens[: tokens.index("of")] if w[:1].isupper()]
        if len(before) >= 2:
            keys.append("".join(w[0] for w in before))
    return list(dict.fromkeys(keys))


def _in_subordinate_clause(subj: Token) -> bool:
    """Is this the subject of a clause inside another ("the claim that Lindqvist had acted …",
    "after Ruiz left")? A later "she" more often means the main clause's subject."""
    verb = subj.head
    while verb.dep_ in ("nsubj", "nsubjpass", "compound", "prep", "pobj") and verb.head is not verb:
        verb = verb.head
    return (
        verb.dep_ in ("acl", "advcl", "relcl")
        or any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children)
        or (verb.dep_ == "ccomp" and verb.head.pos_ == "NOUN")
    )


HEADLINE_CHARS = 200  # a paragraph longer than this is no headline
HEADLINE_PARAGRAPHS = 2  # a headline and the subhead under it
AMOUNT = re.compile(r"[A-Z]{2,3}\$?[0-9][0-9.,]*")


def _initial(tok: Token) -> bool:
    """'M.' of "I. M. Okafor": an initial, not an acronym to strip off like "UN"."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _apostrophe_name(tok: Token) -> bool:
    """'Kang’ethe', 'Karang’a', "O'Brien": a capitalised word with an apostrophe between
    letters, which the tagger often takes for anything but a proper noun."""
    text = tok.text.replace("\u2019", "'")
    k = text.find("'")
    return 0 < k < len(text) - 1 and text[k + 1].isalpha() and _capitalised(tok)


def _capitalised(tok: Token) -> bool:
    """'Reyes', and 'McAllister', 'DeSantis', 'MacLeod', "Ng'ang'a", which ``is_title``
    rejects (a lower-case letter after an apostrophe inside the word)."""
    if tok.is_title:
        return True
    text = tok.text
    letters = text.replace("'", "").replace("\u2019", "")
    return letters.isalpha() and text[:1].isupper() and not tok.is_upper and letters[-1:].islower()


def _singular_common_noun(tok: Token) -> bool:
    """'nominee', 'runner' in "the billionaire front-runner", which the tagger calls a proper
    noun though it is written in lower case, a capitalised title after an article ("The
    Governor of the Reserve Bank", "a Cabinet Minister") and one in a lead written in capitals
    ("A JUDGE")."""
    return (
        tok.tag_ == "NN"
        or tok.tag_ == "NNP"
        and (
            tok.is_lower
            or tok.is_upper  # a lead in capitals: "A JUDGE has complained …"
            or tok.ent_type_ in ("", "ORG")  # NER runs "The Health District Commissioner" on
            and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children)
        )
    )


def _time_zone(span: Span) -> bool:
    """'07:56 BST', '10am GMT': letters right after a time of day name its time zone, which NER
    sometimes takes for an organisation."""
    if len(span) != 1 or not span[0].is_upper or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.ent_type_ == "TIME" or CLOCK.fullmatch(before.lower_) is not None


def _subject_named_at_end(root: Token) -> Token | None:
    """'The interim head of the Harbour Board of Quarries, Ana Ruiz, wants …': the subject
    whose phrase a name in apposition closes, wherever in the phrase the parse hangs it (on
    "Quarries" here, not on "head"); that name is the subject too."""
    if root.dep_ != "appos":
        return None
    tok = root.head
    while tok.dep_ in ("pobj", "prep", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.i < root.i <= tok.right_edge.i:
        return tok
    return None


def _stranded_subject(last: Token) -> bool:
    """'… right about attacking Tom Hale, Ann Lee said': the name is the subject of the verb
    right after it (`syntax.stranded_subject`)."""
    doc = last.doc
    if last.i + 1 >= len(doc) or doc[last.i + 1].pos_ != "VERB":
        return False
    subject = stranded_subject(doc[last.i + 1])
    return subject is not None and subject.i == last.i


def _holder_of(prep: Token, succession: frozenset[str]) -> Token | None:
    """Who holds the role in an "as …" phrase: the name it hangs on ("Lee as the nominee"),
    else the object of its clause when that is a person ("named Lee as treasurer") unless
    the verb is one of ``succession`` ("he replaced Lee as coach"), else the clause's subject
    ("he was elected to a fresh term as mayor"); nobody when the clause denies it or only
    supposes it ("if the governor appoints Lee as senator", "Lee could serve as chair")."""
    h = prep.head
    if h.pos_ in ("PROPN", "PRON"):
        return h  # "the thought of Lee as the party's nominee"
    for _ in range(HOLDER_CLIMB):
        if h.pos_ in ("VERB", "AUX"):
            if supposed(h) or any(c.dep_ == "neg" for c in h.children):
                return None  # "Lee is not known as an expert", "if he appoints Lee as chair"
            for c in h.children:
                if (
                    c.dep_ == "dobj"
                    and h.lemma_.lower() not in succession
                    and c.i < prep.i
                    and (c.ent_type_ == "PERSON" or c.pos_ == "PRON")
                ):
                    return c
            subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.tag_ == "WP" and h.dep_ == "relcl":
                return h.head  # "Moss, who was named as a leader of …": the name "who" stands for
            if subj is None and h.dep_ in ("pcomp", "advcl") and h.head.i != h.i:
                # "After losing in his first game as coach, Olsen says": a participle with
                # no subject of its own is about the subject of the clause it hangs on
                h = h.head.head if h.dep_ == "pcomp" else h.head
                continue
            return subj
        if h.dep_ not in ("pobj", "prep", "dobj") or h.head.i == h.i:
            return None
        h = h.head
    return None


def _says_where_based(tok: Token) -> bool:
    """'Pune' and 'based' of "the Pune-based company": where a body is based, not its name."""
    doc = tok.doc
    if tok.lower_ == "based":
        return tok.i > 1 and doc[tok.i - 1].text == "-"
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == "based"


def _in_clause_the_subject_controls(tok: Token, pron: Token) -> bool:
    """'Saying Ruiz's return would help, he argued', 'Asked about Ruiz, she said': a name in a
    participle clause with no subject of its own, hung on the verb whose subject is ``pron``,
    is in what the pronoun's person does or undergoes, so it is someone else."""
    if pron.dep_ not in ("nsubj", "nsubjpass") or tok.i > pron.i:
        return False
    verb = pron.head
    for clause in verb.children:
        if (
            clause.dep_ == "advcl"
            and clause.tag_ in ("VBG", "VBN")
            and clause.left_edge.i <= tok.i <= clause.right_edge.i
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)
        ):
            return True
        if (  # "In a statement to the coroner Ian Arrow, he said": whom he said it to
            clause.dep_ == "prep"
            and clause.i < pron.i
            and clause.left_edge.i <= tok.i <= clause.right_edge.i
        ):
            name = climb(tok, NAME_DEPS)
            if name.dep_ == "appos":
                name = name.head
            if name.dep_ == "pobj" and name.head.lower_ in ("to", "with"):
                return True
    return False


def _subject_of_clause_before(tok: Token, pron: Token) -> bool:
    """'As Hale steps down, he says …': whether ``tok`` names the subject of a clause that
    opens the sentence of ``pron`` and hangs on the verb whose subject ``pron`` is."""
    if pron.dep_ not in ("nsubj", "nsubjpass") or tok.i > pron.i:
        return False
    name = climb(tok, NAME_DEPS)
    clause = name.head
    return (
        name.dep_ in ("nsubj", "nsubjpass")
        and clause.dep_ == "advcl"
        and clause.head.i == pron.head.i
        and clause.i < pron.i
    )


def _commands(subj: Token, tok: Token) -> bool:
    """Whether the subject ``subj`` governs the subject ``tok`` of a subordinate clause
    ("Lee advised Ruiz, as the nominee prepares …"): a description there cannot be the subject
    itself. Only through clauses a conjunction opens ("as", "while", "because", and "when",
    which the tagger calls an adverb) or a verb's complement: a relative clause, an
    apposition, a conjunct or a clause after a dash may name the subject again ("… --
    meddling the congressman said is …"), and two subjects of one verb are a name and its
    apposition ("Ban, the secretary general, vowed")."""
    verb = subj.head
    if tok.head.i == verb.i:
        return False
    cur = tok
    while cur.head.i != cur.i:
        shares_subject = cur.dep_ == "conj" and not any(
            c.dep_ in SUBJECT_DEPS for c in cur.children
        )  # "Lee replied …, and later noted that the senator …": Lee's clause still
        if cur.dep_ not in COMMANDED_DEPS and not shares_subject:
            return False
        if cur.dep_ == "advcl" and not any(
            c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in cur.children
        ):
            return False
        if cur.head.i == verb.i:
            return True
        cur = cur.head
    return False


def _name_kind(label: str) -> str:
    """NER gives one name different group labels in one article ("Tesco" ORG, then GPE): the
    same name of an organisation, place or group is one entity, labelled as first seen."""
    return "GROUP" if label in ("ORG", "GPE", "NORP", "FAC", "LOC") else label


VAGUE_YIELDS_TO = 3  # the weight of a listed role that says as much as a vague title
BYLINE_MAX_TOKENS = 12  # "By Mia Drake, Health Reporter": a short line with no verb


@dataclass
class Entity:
    """One named speaker candidate in a document, with every place it is mentioned."""

    name: str
    label: str
    tokens: tuple[str, ...]
    gender: str | None = None
    titles: list[TitleRef] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # sorted token index of each mention head
    subject_positions: set[int] = field(default_factory=set)
    spans: set[tuple[int, int]] = field(default_factory=set)  # character span of each mention
    descriptors: set[str] = field(default_factory=set)  # "Ben Ruiz of Texas" -> {"texas"}
    # distinct titles with where each is held ("" when the title says no organisation),
    # first first
    titles_held: dict[tuple[str, str], None] = field(default_factory=dict)
    _title_starts: list[int] = field(default_factory=list, repr=False)
    _best: TitleRef | None = field(default=None, repr=False)
    spoken_starts: set[int] = field(default_factory=set, repr=False)
    by_surname: int = 0  # mentions by the bare surname ("Cruz")
    organisation: str | None = None  # "Nia Obi of Coastal Food Network": where, no role said
    place: str | None = None  # "Senator Jo Hart of Ohio", "…, Democrat of Ohio": whom they serve
    # "IMF" when the article says it more than "International Monetary Fund": as affiliation
    usual: str | None = None
    # a title with its capitals written out ("HRB Governor" -> "Harbour Reserve Bank
    # Governor"), as the cast knows them: `best_title` prefers the form written out
    written_out: Callable[[str], str] | None = field(default=None, repr=False, compare=False)
    # words for leading that name no post (`titles.txt` `[vague_heads]`)
    vague_heads: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def add_title(self, title: TitleRef) -> None:
        k = bisect_left(self._title_starts, title.start)
        if k < len(self.titles) and self._title_starts[k] == title.start:
            return
        if title.affiliation is not None and self.name in title.affiliation:
            # "Spokesperson Ann Lee" tagged one organisation: her own name holds no title
            title = replace(title, affiliation=None)
        self.titles.insert(k, title)
        self._title_starts.insert(k, title.start)
        self.titles_held.setdefault((title.text, title.affiliation or ""), None)
        self._best = None

    def mark_spoken(self, title: TitleRef) -> None:
        """The title stands in a quote's speaker mention: the form the article attributes by."""
        self.spoken_starts.add(title.start)
        self._best = None

    def best_title(self) -> TitleRef | None:
        """The most specific title the article gives: a role held now; a listed post over a
        title headed by a word for leading that names none (`[vague_heads]`: "general
        secretary of the Harbour Nurses Union" over "head of the region's largest nurses'
        union"), as does "one of" a group ("one of the candidates beaten in the primary");
        most words that say what and where ("Connecticut's tax commissioner" over
        "commissioner"); on a tie the same title
        said where it is held ("Judge" at the court the article named before it, over a later
        bare "Judge Hale"), then the form used in a quote's attribution, then the first given, so a
        later short form ("Councillor Hart") never replaces a fuller one. Computed once after
        the last title arrives."""
        if self._best is None and self.titles:
            placed = {t.text for t in self.titles if t.affiliation is not None}
            shorter = self._said_shorter()
            vague = {
                t.start
                for t in self.titles
                if title_head(t.text) in self.vague_heads
                # "one of the candidates beaten in the primary": a group the person is in
                or t.text.lower().startswith("one of ")
            }
            named_post = any(
                t.role and t.start not in vague and title_weight(t) >= VAGUE_YIELDS_TO
                for t in self.titles
            )
            self._best = max(
                self.titles,
                key=lambda t: (
                    not t.past,  # a role held now over one the article says was held
                    not (named_post and t.start in vague),
                    title_weight(t),
                    t.affiliation is not None or t.text not in placed,
                    t.start in self.spoken_starts,
                    # "CS" in a headline, "Agriculture cabinet secretary" in the story: the
                    # title written out over its abbreviation
                    t.start not in shorter,
                    -t.start,
                ),
            )
        return self._best

    def _said_shorter(self) -> set[int]:
        """Where the titles start that another title of this member says in full: "HRB
        Governor" beside "Harbour Reserve Bank Governor", "CS" beside "Agriculture cabinet
        secretary" (every word written out is in the other)."""
        if self.written_out is None or len(self.titles) < 2:
            return set()
        words = {t.start: _title_word_set(t.text) for t in self.titles}
        out = set()
        for t in self.titles:
            full = self.written_out(t.text)
            if full == t.text:
                continue
            spelled = _title_word_set(full)
            if any(o.start != t.start and spelled <= words[o.start] for o in self.titles):
                out.add(t.start)
        return out

    def last_before(self, i: int) -> int | None:
        k = bisect_left(self.positions, i)
        return self.positions[k - 1] if k else None


def _title_word_set(text: str) -> set[str]:
    """A title's words as two forms of it are compared: lower case, no "the" or stray marks."""
    return {w.strip(".,()’'") for w in text.lower().split()} - {"the", ""}


def _plain(name: str) -> str:
    """A name as a key: lower case, without a possessive ("Sri Lanka’s" is "sri lanka")."""
    return name.lower().replace("’", "'").removesuffix("'s").removeprefix("the ").strip()


def title_head(title: str) -> str:
    """The word a title is headed by: its last before any complement ("owner of Star
    Gallery" is an owner, "Retired heart surgeon" a surgeon)."""
    words = title.lower().split()
    cut = next((k for k, w in enumerate(words) if k and w in COMPLEMENT_PREPS), len(words))
    return words[cut - 1]


NICKNAME_OPENS = frozenset({"\u201c", '"', "\u2018"})
NICKNAME_CLOSES = frozenset({"\u201d", '"', "\u2019"})


def _joined_names(
    ents: Iterable[Span], is_title: Callable[[Token], bool], particles: frozenset[str]
) -> list[Span]:
    """Two person spans with nothing between them are one name NER cut in two ("Datuk
    Faizal | Mohd Noor", "Dilip Kumar | Roy"); not when the first ends in a title ("Charlotte
    Mayor | Jennifer Roberts"), nor when it ends in a possessive ("Night Harbour’s | Ivo
    Brandt": whose he is). Between them may stand a nickname's closing mark ('Tomas
    “Nonoy | ” dela Paz') or lower-case name particles ("Lorna | dela | Vega")."""
    out: list[Span] = []
    for span in ents:
        if (
            out
            and span.label_ == "PERSON" == out[-1].label_
            and not is_title(out[-1][-1])
            and out[-1][-1].text not in POSSESSIVE  # "Night Harbour’s | Ivo Brandt": whose
        ):
            gap = span.doc[out[-1].end : span.start]
            nickname = (
                len(gap) == 1
                and gap[0].text in NICKNAME_CLOSES
                and any(t.text in NICKNAME_OPENS for t in out[-1])
            )
            if all(t.is_lower and t.lower_ in particles for t in gap) or nickname:
                out[-1] = Span(span.doc, out[-1].start, span.end, label="PERSON")
                continue
        if (
            out
            and out[-1].label_ == "PERSON"
            and out[-1][-1].is_lower
            and out[-1][-1].lower_ in particles
            and span.start == out[-1].end
            and span[0].is_title
        ):
            # "Ursula von der | Leyen" with the surname called a place: a name does not end
            # in a particle, so the capitalised word after it is the rest of the name
            out[-1] = Span(span.doc, out[-1].start, span.start + 1, label="PERSON")
            if len(span) == 1:
                continue
            span = Span(span.doc, span.start + 1, span.end, label=span.label_)
        out.append(span)
    return out


def speaking_label(label: str) -> str:
    # A nationality or party speaking ("Democrats said") is a group, reported as an organisation.
    return "ORG" if label == "NORP" else label


class Cast(TitleFinder):
    """Builds the cast of one document and answers who a name or description refers to."""

    def __init__(self, ctx: DocContext) -> None:
        super().__init__(ctx)
        self.entities: list[Entity] = []
        self.speaking_positions: set[int] = set()  # heads of resolved quote speaker mentions
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}  # full names by first word ("Keir")
        self._by_name: dict[tuple[str, str], Entity] = {}
        self._mention_pos: list[int] = []  # sorted head positions of every entity mention
        self._mention_ent: dict[int, Entity] = {}
        self._abbreviation_words = self.lex.abbreviation_words()
        self._title_word_cache: dict[str, frozenset[str]] = {}
        self._nominal_links: dict[int, Entity] = {}  # head of "the nominee" -> who it is
        # "DPS" -> "Department of Public Services": organisations by their initials
        self.by_initials: dict[str, list[Entity]] = {}
        # first token of each sentence, from the arrays (none marked: one sentence)
        self._sentence_starts = numpy.flatnonzero(ctx.doc.to_array([SENT_START]) == 1).tolist()
        # the last word of every name NER calls a person, to mend the same name called otherwise
        self._other_labels: dict[str, str] | None = None  # see _labels_elsewhere
        self._norp_words: set[str] | None = None  # see _people_words
        self._lower_nouns: set[str] | None = None  # see _common_word_elsewhere
        self._kind_words: dict[tuple[int, int], Token | None] = {}  # see _kind_word
        self._label_counts: dict[str, dict[str, int]] | None = None  # see _mostly_a_body
        self._bylines: dict[int, int] | None = None  # see _in_byline
        self._author: tuple[Entity | None] | None = None  # see author (None: not looked for)
        self._full_surnames: set[str] = set()
        self._person_surnames = {
            e[-1].lower_
            for e in self.ents
            if e.label_ == "PERSON" and _plain(e.text) not in self._labels_elsewhere()
        }
        self._title_case_memo: dict[int, bool] = {}
        self._place_words: set[str] | None = None  # see _not_a_given_name
        self._body_words: set[str] | None = None  # see _body_person_words
        # "he"/"she" as main subjects, and whom each stood for: only once the cast is complete
        self._chain_ready = False
        self._subject_pronouns: list[int] | None = None
        self._pronoun_memo: dict[int, Entity | None] = {}
        self._collect_entities()
        self._chain_ready = True
        self._titles_said_of_pronouns()

    def _titles_said_of_pronouns(self) -> None:
        """'Tom Ray spoke on Monday. He is the chief executive of Harbour Bank.': what a main
        clause's copula or "serves as" says of a he/she subject is a title of the person the
        pronoun stands for, once the cast is complete."""
        doc = self.ctx.doc
        lower = doc.to_array(LOWER)
        he_she = numpy.isin(lower, [doc.vocab.strings["he"], doc.vocab.strings["she"]])
        for i in numpy.flatnonzero(he_she).tolist():
            tok = doc[i]
            if (
                tok.dep_ == "nsubj"
                and tok.head.dep_ == "ROOT"  # not "… told me that he is …", "when he was …"
                and (tok.head.lemma_ == "be" or tok.head.lemma_.lower() in self.lex.title_verbs)
                and not self.ctx.quoted(tok.i)
            ):
                title = self.title_in_predicate(tok)
                if title is None:
                    continue
                ent = self._nearest_antecedent(tok.i, tok.lower_)
                if ent is not None and ent.label == "PERSON":
                    ent.add_title(title)

    def person_tokens(self, span: Span | list[Token]) -> list[Token] | None:
        """The personal-name part of a name-like span ("the UN Grace Mutua" -> Grace Mutua)."""
        toks = clean_name(list(span))
        doc = self.ctx.doc
        while (
            len(toks) > 1
            and toks[-1].i + 1 < len(doc)
            and doc[toks[-1].i + 1].text == ":"
            and toks[-1].lower_ in self.lex.page_labels
        ):
            toks = toks[:-1]  # "Councillor Sean Rush Photo: RNZ": a caption's label ends it
        while (
            toks
            and (
                self._is_title_token(toks[0])
                and not (
                    len(toks) > 1 and toks[0].lower_ in self.lex.first_names
                )  # "Dean Holloway"
                and not (len(toks) == 1 and not self._ends_in_title(toks))  # "Dr Constable"
                or (toks[0].is_upper and len(toks[0]) > 1 and not self._initials(toks))
                or self.is_honorific(toks[0])
                or toks[0].lower_ in TITLE_GLUE
                or toks[0].text == "."
                or self._occupation_opening(toks)
                or self._inverted_cue_opening(toks)
                # "MPs Tom Hale and Ann Lee" tagged as one name: a title in the plural
                or len(toks) > 2
                and toks[0].text.endswith("s")
                and toks[0].text[:-1].lower() in self.lex.title_words
            )
        ):
            toks = toks[1:]
        # "Kenya Lars Holm", "Harbour Master Ines Carvalho": a name starts at its first name
        firsts = [i for i, t in enumerate(toks) if self._given_name(t)]
        after_honorific = bool(toks) and toks[0].i > 0 and self.is_honorific(toks[0].nbor(-1))
        if (
            firsts
            and 0 < firsts[0] < len(toks) - 1
            and toks[firsts[0] - 1].text != "-"
            and not after_honorific  # "Datuk Faizal Mohd Noor": the name starts after "Datuk"
            and self._not_a_given_name(toks[: firsts[0]])  # "Chandra Shekhar Bose" stays
        ):
            toks = toks[firsts[0] :]
        # "Harbour Football spokesperson Temba Nkosana" in one span: the name follows the role word
        roles = [k for k, t in enumerate(toks) if t.is_lower and self._is_title_token(t)]
        if roles and roles[-1] < len(toks) - 1:
            toks = toks[roles[-1] + 1 :]
        if not toks or not all(
            _capitalised(t)
            or t.text in ("-", ".")
            or "." in t.text
            or t.lower_ in self.lex.name_particles
            for t in toks
        ):
            return None
        toks = self._personal_name(toks)
        return None if self._ends_in_title(toks) else toks

    def _inverted_cue_opening(self, toks: list[Token]) -> bool:
        """'Said Moyo: “…”', NER's person from the sentence's first word: a verb of saying
        (`[inverted_cues]`) opening a sentence with a name and a colon after it."""
        first, doc = toks[0], toks[0].doc
        end = toks[-1].i + 1
        return (
            len(toks) >= 2
            and bool(first.is_sent_start)
            and first.is_title
            and first.lower_ in self.lex.inverted_cues
            and end < len(doc)
            and doc[end].text == ":"
        )

    def _occupation_opening(self, toks: list[Token]) -> bool:
        """'Forecaster Ann Lee said', NER's person from the sentence's first word: a word for
        someone's occupation that is no given name opens the span."""
        first = toks[0]
        return (
            len(toks) >= 3
            and bool(first.is_sent_start)
            and first.lower_.endswith(AGENT_ENDINGS)
            and first.text[1:].islower()
            and first.lower_ not in self.lex.first_names
        )

    def place_words(self) -> set[str]:
        """The words of every organisation, place and people NER names (built once)."""
        if self._place_words is None:
            self._place_words = {
                t.lower_ for e in self.ents if e.label_ in AFFILIATION_RANK for t in e
            }
        return self._place_words

    def _given_name(self, tok: Token) -> bool:
        """A listed first name, or one written short ("Md", `[short_given_names]`)."""
        return tok.lower_ in self.lex.first_names or tok.text in self.lex.short_given_names

    def _not_a_given_name(self, words: list[Token]) -> bool:
        """Words before a listed first name that are no given name of the person: a title
        ("Harbour Master"), the end of a title's place ("Ambassador to Kenya") or of its
        coordinated complement ("Minister for Ports and Harbours Md Ali", not after a person:
        "Tom and Ann Lee"), or words the article names a place, body or people with."""
        before = words[0].i - 1
        doc = self.ctx.doc
        if before >= 0 and doc[before].lower_ in COMPLEMENT_PREPS:
            return True
        if before > 0 and doc[before].lower_ in ("and", "&") and doc[before - 1].is_title:
            return doc[before - 1].ent_type_ != "PERSON"
        return any(self._is_title_token(t) or t.lower_ in self.place_words() for t in words)

    def _initials(self, toks: list[Token]) -> bool:
        """'M.' of "I. M. Okafor", or 'RK' of "Dr RK Menon" (two or three capitals after an
        honorific, before a surname) or of "RD Joshi" (right before the surname, no name of a
        body): initials, not an acronym to strip off like "UN"."""
        first = toks[0]
        if _initial(first):
            return True
        if not (
            len(toks) > 1 and len(first.text) <= 3 and first.is_alpha and _capitalised(toks[1])
        ):
            return False
        if first.i > 0 and self.honorific_at(first.i - 1):
            return True
        return (
            len(toks) == 2
            and first.lower_ not in self.place_words()
            and not self._other_given_name(first, toks[1])
        )

    def _other_given_name(self, letters: Token, surname: Token) -> bool:
        """'APD Tully' after 'Rhiannon Tully': the article names someone of that surname with a
        given name the letters do not start, so they are a role's letters, no initials."""
        for e in self.ents:
            if e.label_ != "PERSON" or e[-1].text != surname.text or e.start <= letters.i < e.end:
                continue
            given = [t for t in e[:-1] if not (self._is_title_token(t) or self.is_honorific(t))]
            if given and given[0].is_title and given[0].text[0] != letters.text[0]:
                return True
        return False

    def _ends_in_title(self, toks: list[Token]) -> bool:
        """'Charlotte Mayor' (before "Jennifer Roberts") and a lone "Det" are titles; "Ruth
        King", "Tom Constable", "Mr King" and a known surname "King" are names."""
        last = toks[-1]
        if not self._is_title_token(last):
            return False
        doc = last.doc
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.is_title:
            return True  # a name follows: the word is its title
        if toks[0].i > 0 and self.honorific_at(toks[0].i - 1):
            return False
        if len(toks) >= 2:
            if last.text + "." in self.lex.abbreviations and (after is None or after.text != "."):
                return False  # "Arup Sen": a title's short form, with no dot and no name after
            return toks[0].lower_ not in self.lex.first_names
        return last.lower_ not in self._by_surname

    def _looks_personal(self, toks: list[Token], had_prefix: bool) -> bool:
        first = toks[0]
        if self.lex.gender_of_first_name(first.text) or first.lower_ in self.lex.first_names:
            return True
        prev = first.nbor(-1) if first.i > 0 else None
        return (
            had_prefix
            or (prev is not None and (self.lex.is_title_word(prev) or self.is_honorific(prev)))
            or self._after_role_of(first)
        )

    def _after_role_of(self, first: Token) -> bool:
        """'Leader of Majority Aden Nuno', 'Minister for Water Ann Lee': a name right after a
        capitalised role with its "of/for" complement."""
        doc = first.doc
        glue = False
        for k in range(first.i - 1, max(-1, first.i - 6), -1):
            t = doc[k]
            if t.lower_ in ("of", "for"):
                glue = True
            elif not t.is_title:
                return False
            elif glue and self.lex.is_title_word(t):
                return True
        return False

    def _with_missed_first_name(self, span: Span) -> list[Token]:
        """NER's 'Diaz' in 'Ana Diaz': a listed first name (or initials after an honorific, "Dr
        RK Menon") right before a lone surname, in no entity, is the first part of that name
        ("Stallholder Dev Mehta" keeps its descriptor)."""
        toks = list(span)
        doc = span.doc
        # "Superintendent Rafael | Dizon Jr.": NER stops early, the parse hangs the name on
        # a proper noun after it; the name goes on to that word
        end = span.end
        while (
            end < len(doc)
            and toks[-1].dep_ == "compound"
            and end <= toks[-1].head.i <= end + 1
            and doc[end].pos_ == "PROPN"
            and doc[end].ent_iob_ == "O"
            and (_capitalised(doc[end]) or doc[end].lower_.strip(".") in self.lex.postnominals)
        ):
            toks.append(doc[end])
            end += 1
        if end > span.end and end < len(doc) and doc[end].pos_ == "PROPN":
            toks = list(span)  # "Ann Lee Slams Harbour Bank": a headline runs on
        elif (
            end == span.end
            and end < len(doc)
            and doc[end].ent_iob_ == "O"
            and _apostrophe_name(doc[end])
        ):
            toks.append(doc[end])  # "Prof Wanjiku | Kang’ethe": a surname the tagger misreads
        i = span.start - 1
        particles = 0
        while (
            i - particles > 0
            and doc[i - particles].is_lower
            and doc[i - particles].lower_ in self.lex.name_particles
            and doc[i - particles].head.i == span.start
        ):
            particles += 1  # "Lorna dela | Vega": the particles NER left out go with the name
        if particles:
            given = doc[i - particles]
            if (
                given.pos_ == "PROPN"
                and given.head.i == span.start
                and given.ent_iob_ == "O"
                and given.is_title
                and not self.ctx.quoted(given.i)
                and (given.lower_ in self.lex.first_names or self._first_name_after_title(given))
            ):
                return [*doc[given.i : span.start], *toks]
        if (
            len(span) == 1
            and i >= 0
            and doc[i].pos_ == "PROPN"
            and doc[i].dep_ == "compound"
            and doc[i].head.i == span.start
            and not self.ctx.quoted(i)
            and (
                doc[i].is_title
                and (
                    doc[i].lower_ in self.lex.first_names
                    and doc[i].ent_iob_ == "O"
                    or self._first_name_after_title(doc[i])
                )
                or doc[i].ent_iob_ == "O"
                and doc[i].is_upper
                and self._initials([doc[i], span[0]])  # "Dr RK | Menon"
            )
        ) or (
            # "Secretary General Rahimul | Karim Sobhan": a third name NER left out between
            # a title and a two-word name
            len(span) == 2
            and i >= 0
            and doc[i].pos_ == "PROPN"
            and doc[i].dep_ == "compound"
            and span.start <= doc[i].head.i < span.end
            and not self.ctx.quoted(i)
            and doc[i].is_title
            and not self.is_honorific(doc[i])
            and (
                self._first_name_after_title(doc[i])
                # "… (south east) Ravi | Kumar Menon": a listed first name in no entity
                or doc[i].lower_ in self.lex.first_names
                and doc[i].ent_iob_ == "O"
                and not self._is_title_token(doc[i])
            )
        ):
            toks.insert(0, doc[i])
        elif len(span) == 1:
            toks = [*self._missed_given_names(span[0]), *toks]
        first = toks[0].i - 1
        if first >= 0 and doc[first].text in self.lex.short_given_names:
            toks.insert(0, doc[first])  # "Md | Kamal Hossain": a given name written short
        return toks

    def _missed_given_names(self, surname: Token) -> list[Token]:
        """'Kwame Asante | Boakye' with only the surname tagged: a listed first name and one
        more capitalised word, both untagged compounds of the surname, are the rest of the
        name (`_untagged_names` leaves such a run to the surname)."""
        if surname.i < 2:
            return []
        run = list(surname.doc[surname.i - 2 : surname.i])
        if run[0].lower_ not in self.lex.first_names or not all(
            w.pos_ == "PROPN"
            and w.dep_ == "compound"
            and w.head.i == surname.i
            and w.ent_iob_ == "O"
            and w.is_title
            and not self.ctx.quoted(w.i)
            and not self._is_title_token(w)
            for w in run
        ):
            return []
        return run

    def _first_name_after_title(self, tok: Token) -> bool:
        """'coach Sunday Mapfumo': a capitalised word between a title and a surname, in no
        entity (or a date's: "Sunday", "June"), is the first name NER left out."""
        return (
            tok.i > 0
            and tok.ent_type_ in ("", "DATE")
            and not self._is_title_token(tok)
            and self._is_title_token(tok.doc[tok.i - 1])
        )

    def _postnominal(self, tok: Token) -> bool:
        """Letters after a name that are no part of it ("KC", "MP", "AM": `first_names.txt`
        `[postnominals]`), in capitals ("am" is a verb)."""
        return not tok.is_lower and tok.lower_.strip(".") in self.lex.postnominals

    def _personal_name(self, tokens: list[Token]) -> list[Token]:
        """A person's name ends before a verb or a lower-case word that is no name particle:
        NER's "Obama Says" (a headline) is Obama, "Trump accused Holt" is Trump. A nickname in
        quote marks is left out: 'Marta "Bunny" Reyes' is Marta Reyes."""
        while len(tokens) > 1 and self._postnominal(tokens[-1]):
            tokens = tokens[:-1]  # "Tom Ashby KC" is Tom Ashby
        if len(tokens) > 2 and self._party_before_title(tokens[-1]):
            tokens = tokens[:-1]  # "Ann Lee Liberal MP for Harbourside": her party, not her name
        run = 0
        while run < len(tokens) - 2 and self._is_title_token(tokens[-1 - run]):
            run += 1
        if run:
            doc = tokens[-1].doc
            after = doc[tokens[-1].i + 1].lower_ if tokens[-1].i + 1 < len(doc) else ""
            if run >= 2 or after == "of":
                tokens = tokens[:-run]  # "Kofi Mensa Head Coach of the national team": his role
        while len(tokens) > 1 and (
            tokens[0].is_lower
            and tokens[0].is_alpha
            and tokens[0].lower_ not in self.lex.name_particles  # "dela Paz", "van Dijk"
            or tokens[0].lower_ in self.lex.named_by_head  # "… in Parliament Mkhale said"
        ):
            tokens = tokens[1:]  # "lorry driver Tom Reddy": NER took the title in
        marks = [k for k, t in enumerate(tokens) if t.is_quote]
        if len(marks) >= 2 and 0 < marks[0] and marks[-1] < len(tokens) - 1:
            tokens = tokens[: marks[0]] + tokens[marks[-1] + 1 :]
        for k, t in enumerate(tokens):
            if (
                k
                and tokens[k - 1].text not in ("-", "‑")
                and (
                    t.tag_.startswith("VB")
                    or t.is_lower
                    and t.is_alpha
                    and t.lower_ not in self.lex.name_particles
                )
            ):  # "Ban Ki-moon" keeps its hyphenated part
                rest = tokens[k + 1 :]
                if t.pos_ == "NOUN" and len(rest) >= 2 and all(r.is_title for r in rest):
                    return rest  # "Javelin thrower Ravi Sood": NER took a description in
                return strip_tail(tokens[:k])
        return tokens

    def _title_case_paragraph(self, tok: Token) -> bool:
        """Is the paragraph of ``tok`` a headline in title case ("Mayor Ruiz Opens New Bridge
        in Town"), every longer word capitalised?"""
        para = self.ctx.token_paragraph[tok.i]
        known = self._title_case_memo.get(para)
        if known is None:
            start, end = self.ctx.paragraphs[para]
            if end - start > HEADLINE_CHARS:
                self._title_case_memo[para] = False
                return False
            words = [w.strip(PUNCTUATION + "“”‘’") for w in self.ctx.text[start:end].split()]
            words = [w for w in words if len(w) > 3 and w.isalpha()]
            known = len(words) >= 3 and all(w[0].isupper() for w in words)
            self._title_case_memo[para] = known
        return known

    def _body_person_words(self) -> set[str]:
        """Every word of a name NER calls a person outside title-case headlines, or gives
        another label but starts with a listed first name ("Ann Lee" tagged a body), computed
        when a headline first needs it."""
        if self._body_words is None:
            self._body_words = {
                t.lower_
                for e in self.ents
                if (e.label_ == "PERSON" or self._given_name(e[0]))
                and not self._title_case_paragraph(e[0])
                for t in e
            }
        return self._body_words

    def _as_named_in_body(self, toks: list[Token]) -> list[Token]:
        """'Wanjiru Slams Budget Cuts': in a title-case headline NER runs a name into
        the capitalised words after it. The name there ends with the last word the body names a
        person with (the whole span when the body names nobody with its words)."""
        if not toks or not self._title_case_paragraph(toks[0]):
            return toks
        body = self._body_person_words()
        known = [k for k, t in enumerate(toks) if t.lower_ in body]
        if not known or not all(t.is_alpha and t.is_title for t in toks[known[-1] + 1 :]):
            return toks
        return toks[: known[-1] + 1]

    def _name_from_span(self, span: Span, label: str) -> tuple[list[Token], str] | None:
        if len(span) > 2 and span[-1].text.strip(".").lower() in self.lex.postnominal_titles:
            # "Tom Ashby KC" in one span: the letters after the name are a post
            # (`title_after_name`), not a word of it; the rest, if a person's name, is a person
            span = span[:-1]
            person = self.person_tokens(span)
            if person is not None and len(person) == len(span) and label != "PERSON":
                return person, "PERSON"
        if any(AMOUNT.match(t.text) for t in span):
            return None  # "GBP512m", "INR40cr": an amount in its currency's code is nobody
        if all(t.lower_ in self.lex.name_suffixes or t.is_punct for t in span):
            return None  # "Jr." of "Eli Ramos, Jr.", tagged apart: part of the name before
        if label == "PERSON":
            instead = self._mislabelled_person(span)
            if instead is not None:
                return instead if instead[0] else None
            whole = self._as_named_in_body(self._with_missed_first_name(span))
            person = self.person_tokens(whole)
            if person is None:
                person = self._personal_name(clean_name(whole))
                if person and self._ends_in_title(person):
                    return None  # "Det" or "Charlotte Mayor" tagged PERSON: a title, not a name
            return (self._with_suffix_after_comma(person), "PERSON") if person else None
        if any(
            t.dep_ in ("nsubj", "nsubjpass")
            and span.start <= t.head.i < span.end
            and self.lex.is_cue_verb(t.head)
            for t in span
        ):
            return None  # "Vance told The Harbour Post of …" tagged a work: a clause of saying
        cleaned = clean_name(list(span))
        if (
            len(cleaned) > 3
            and cleaned[0].is_upper
            and cleaned[1].text == ","
            and cleaned[2].lower_ == "the"
            and cleaned[3].is_title
        ):
            # "HPRC, the Harbour Physics Research Centre, said" in one span: the name given
            # in apposition to the abbreviation (`ABBREVIATION_APPOSED` links the two)
            cleaned = cleaned[3:]
        if (
            len(cleaned) > 4
            and cleaned[-3].text == "("
            and cleaned[-1].text == ")"
            and cleaned[-2].text.lower()
            in {k.lower() for k in _initials_of(tuple(t.text for t in cleaned[:-3]))}
        ):
            cleaned = cleaned[:-3]  # "Organisation Against Fee Abuse (Oafa)": its abbreviation
        elif len(cleaned) > 2 and cleaned[-1].is_upper:
            # "The Harbour Union of Teachers, HUT", "… Teachers HUT": its initials after a
            # comma or after nothing, the way Nigerian and Ghanaian papers define them
            body = cleaned[:-2] if cleaned[-2].text == "," else cleaned[:-1]
            if len(body) > 1 and cleaned[-1].text in _initials_of(tuple(t.text for t in body)):
                cleaned = body
        while len(cleaned) > 1 and (
            cleaned[-1].is_lower
            and cleaned[-1].is_alpha
            or self.lex.is_title_word(cleaned[-1])
            and cleaned[-1].lower_ not in self.lex.institution_words
            # "Harbour Centre for Justice": after "of" or "for", what the body is for
            and cleaned[-2].lower_ not in ("of", "for")
        ):  # "Pelita news agency" is Pelita; "… Health District Commissioner" is a person's
            cleaned = cleaned[:-1]  # role at the Health District
        if cleaned and cleaned[-1].lower_ in self.lex.event_words:
            return None  # "the Harbour Chamber Breakfast Meeting": an event, not a speaker
        if self._kind_word(span) is not None:
            return None  # "The Court has directed", "Police said": a kind of body, no name
        if len(cleaned) > 2 and cleaned[1].text in POSSESSIVE and self._a_place(cleaned[0]):
            cleaned = [cleaned[0], *cleaned[2:]]  # "Tamsin's Water Board" is Tamsin Water Board
        if any(t.text in POSSESSIVE for t in cleaned) or (
            cleaned and cleaned[-1].lower_ in self.lex.institution_words
        ):
            return cleaned, label  # "King's College London", "Mount Sinai Hospital": a place
        if len(cleaned) == 1 and self.lex.is_title_word(cleaned[0]) and cleaned[0].is_title:
            return None  # "the Coach" tagged ORG: a role, resolved as a description
        if len(cleaned) == 1 and cleaned[0].tag_ == "NNS":
            return None  # "Farmers said …" tagged ORG: people described, no body named
        if len(cleaned) == 1 and cleaned[0].lower_ not in self._by_surname:
            titled_name = self._after_a_title(cleaned[0])
            if titled_name:
                return titled_name, "PERSON"
            if self._by_first_name(cleaned[0].text, cleaned[0]) is not None:
                return cleaned, "PERSON"  # "Hakim" after "Hakim Zulkarnain", tagged ORG
            return cleaned, label  # one word ("Ohio", "CNN") is a person only as a known surname
        toks = self.person_tokens(span)
        titled = toks is not None and len(toks) < len(cleaned)
        after = span.doc[span.end] if span.end < len(span.doc) else None
        before_a_title = after is not None and (
            self._is_title_token(after) or self.is_honorific(after)
        )
        # "General Manager of Grace Ring Promotions, Mr Ato Mensah,": the body of the role
        # before a comma and the person's name
        if after is not None and after.text == "," and span.end + 1 < len(span.doc):
            named = span.doc[span.end + 1]
            before_a_title |= self.is_honorific(named) or named.ent_type_ == "PERSON"

        if (
            toks
            and len(toks) >= 2
            and not before_a_title
            # "Dennis Harbour Group": a first name can open a company's name
            and self.lex.nominal_heads.get(cleaned[-1].lower_) != "ORG"
            # "Harbour National Parks (HNP": a bracket opening initials, a body's name
            and not any(t.text == "(" for t in span)
            and (self._looks_personal(toks, titled) or toks[-1].lower_ in self._person_surnames)
        ):
            # "US Ambassador Grace Mutua" tagged ORG, or "Carla Mendez" whose "Mendez" NER
            # calls a person elsewhere; not "Harbour Air Force" in "Harbour Air Force Gen. Tom
            # Hale", an organisation naming the title that follows it
            return toks, "PERSON"
        if toks and (len(toks) == len(cleaned) or titled) and toks[-1].lower_ in self._by_surname:
            return toks, "PERSON"  # "Reyes" or "Councillor Hart" tagged ORG after a full name
        rank = [t for t in cleaned if t.i < toks[0].i] if toks else []
        if toks and rank and (all(self.is_honorific(t) for t in rank) or self._only_a_rank(rank)):
            return toks, "PERSON"  # "Lt. Okafor", "Mrs Ruiz" tagged ORG: a rank is a person's
        return (cleaned, label) if cleaned else None

    def _with_suffix_after_comma(self, person: list[Token]) -> list[Token]:
        """'Eli Ramos, Jr.': a generational suffix after a comma is part of the name."""
        doc = self.ctx.doc
        k = person[-1].i + 1
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in self.lex.name_suffixes:
            return [*person, doc[k], doc[k + 1]]
        return person

    def _kind_word(self, span: Span) -> Token | None:
        """The word of a span NER took for a name that only says what kind of body it is
        ("The Court", "Police", "State"), which is a description, not a name."""
        key = (span.start, span.end)
        if key not in self._kind_words:
            heads = self.lex.nominal_heads
            found = None
            if any(t.lower_ in heads for t in span):  # else decided without cleaning the name
                cleaned = clean_name(list(span))
                if len(cleaned) == 1 and cleaned[0].lower_ in heads:
                    found = cleaned[0]
            self._kind_words[key] = found
        return self._kind_words[key]

    def _a_place(self, word: Token) -> bool:
        """Whether NER names a place with this one word elsewhere in the article."""
        return any(e.label_ in ("GPE", "LOC") and e.text == word.text for e in self.ents)

    def _kind_alone(self, head: Token) -> bool:
        """ "The Court said", not "The Harbour Post said": a kind word no proper noun names."""
        before = head.doc[head.i - 1] if head.i > 0 else None
        alone = before is None or before.pos_ != "PROPN"
        return alone and self._kind_word(head.doc[head.i : head.i + 1]) is not None

    def _mislabelled_person(self, span: Span) -> tuple[list[Token], str] | None:
        """What a span NER calls a person is instead, the first rule that applies deciding
        (nobody: no tokens); None when it is a person after all."""
        nobody: tuple[list[Token], str] = ([], "")
        if len(span) == 1 and span[0].is_upper and len(span[0]) > 2:
            return nobody  # "COVID", "NATO": an acronym is nobody's name
        if self._names_where_a_titled_person_serves(span):
            return nobody  # "Wexford North Borough Councillor Cllr Maria Doyle"
        if all(self.is_honorific(t) for t in span):
            return nobody  # "Datuk Seri" before "Ahmad Zaki Osman", tagged apart
        elsewhere = self._labels_elsewhere().get(_plain(span.text))
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and (self._is_title_token(before) or self.is_honorific(before)):
            elsewhere = None  # "Deputy President Ruth Wanjala": a person, whatever else NER said
        if elsewhere is not None:  # a country tagged a person once, a place elsewhere
            return clean_name(list(span)), elsewhere
        body = self._mostly_a_body(span[0]) if len(span) == 1 else None
        if body is not None:  # "Brentford" tagged a person once, a club twice
            return clean_name(list(span)), body
        if self._one_of_a_list_of_places(span):
            return nobody  # "The worst flooding was in Melrose, Westdale, Parkton East …"
        if len(span) == 1 and self._common_word_elsewhere(span[0]):
            return nobody  # "Morale is low, says …" when the article writes "morale" too
        if len(span) > 1 and span[-1].lower_ in self.lex.institution_words:
            return clean_name(list(span)), "ORG"  # "Quetta Chapter": no person's name
        return None

    def _common_word_elsewhere(self, word: Token) -> bool:
        """A one-word name the article also writes in lower case as a common noun ("its
        setback in Harbourton"), no listed first name nor a word of a person's fuller name."""
        lower = word.lower_
        if not word.is_title or lower in self.lex.first_names:
            return False
        if self._lower_nouns is None:
            doc = self.ctx.doc
            arr = doc.to_array([LOWER, IS_LOWER, POS])  # no Token objects for every word
            noun = doc.vocab.strings.add("NOUN")
            nouns = (arr[:, 1] == 1) & (arr[:, 2] == noun)
            self._lower_nouns = {doc.vocab.strings[h] for h in set(arr[nouns, 0].tolist())}
            self._lower_nouns -= {
                t.lower_ for e in self.ents if e.label_ == "PERSON" and len(e) > 1 for t in e
            }
        return lower in self._lower_nouns

    def _party_before_title(self, last: Token) -> bool:
        """Is ``last`` a word NER calls a people or party elsewhere in the article, right
        before a title word ("Liberal" of "Ann Lee Liberal MP")?"""
        nxt = last.i + 1
        return (
            nxt < len(last.doc)
            and self._is_title_token(last.doc[nxt])
            and last.lower_ in self._people_words()
        )

    def _people_words(self) -> set[str]:
        """Words NER calls a people or party somewhere in the article ("Liberal", "Tamsin"):
        built once."""
        if self._norp_words is None:
            self._norp_words = {e.text.lower() for e in self.ents if e.label_ == "NORP"}
        return self._norp_words

    def _labels_elsewhere(self) -> dict[str, str]:
        """What NER calls each name when it does not call it a person: the same words tagged
        a person once are that (built once)."""
        if self._other_labels is None:
            self._other_labels = {
                _plain(e.text): e.label_
                for e in self.ents
                if e.label_ in ("GPE", "LOC", "NORP") and len(e) > 1
            }
        return self._other_labels

    def _mostly_a_body(self, word: Token) -> str | None:
        """The label NER gives a one-word name more often than it calls it a person, when the
        word is no listed first name and no surname of a person named in full ("Brentford":
        a person once, an organisation twice)."""
        if word.lower_ in self.lex.first_names:
            return None
        if self._label_counts is None:
            counts: dict[str, dict[str, int]] = {}
            surnames: set[str] = set()
            for e in self.ents:
                if len(e) <= 2:  # a one-word name, maybe with its "’s"
                    by_label = counts.setdefault(_plain(e.text), {})
                    by_label[e.label_] = by_label.get(e.label_, 0) + 1
                if e.label_ == "PERSON" and len(e) > 1:
                    last = e[-1] if e[-1].is_alpha else e[-2]  # not the "’s" of "Ann Lee’s"
                    surnames.add(last.lower_)
            self._label_counts = counts
            self._full_surnames = surnames
        if word.lower_ in self._full_surnames:
            return None
        by_label = self._label_counts.get(_plain(word.text), {})
        person = by_label.get("PERSON", 0)
        best = max(("ORG", "GPE"), key=lambda label: by_label.get(label, 0))
        return best if by_label.get(best, 0) > person else None

    def _one_of_a_list_of_places(self, span: Span) -> bool:
        """A 'person' with no known first name, among three or more coordinated names of which
        NER calls one a place or a body ("Melrose, Westdale, Parkton East and Greenvale",
        "Swansea, Wrexham and Rhyl"): NER guesses at each town of a list;
        none of them is someone."""
        if any(t.lower_ in self.lex.first_names for t in span):
            return False
        top = span.root
        while top.dep_ == "conj":
            top = top.head
        conjuncts = [top]
        k = 0
        while k < len(conjuncts):
            conjuncts.extend(c for c in conjuncts[k].children if c.dep_ == "conj")
            k += 1
        return len(conjuncts) >= 3 and any(
            c.ent_type_ in ("GPE", "LOC", "FAC", "ORG") for c in conjuncts
        )

    def _names_where_a_titled_person_serves(self, span: Span) -> bool:
        """A 'person' NER finds right before a title, whose words the article never uses for
        anyone not followed by a title: the place or body of the title ("Wexford North
        Borough Councillor Cllr Maria Doyle", "the Wexford councillor")."""
        doc = span.doc
        k, end = span.end, min(span.end + 8, len(doc))
        if span.start > 0 and doc[span.start - 1].lower_ == "the":
            if k == end or not self._is_title_token(doc[k]):
                return False
        else:
            while (
                k < end
                and doc[k].is_title
                and not doc[k].ent_type_
                and not self._is_title_token(doc[k])
            ):
                k += 1  # "… East Councillor"
            if k == end or not (doc[k].is_title and self._is_title_token(doc[k])):
                return False
            while k < end and (
                self._is_title_token(doc[k]) or self.is_honorific(doc[k]) or doc[k].text == "."
            ):
                k += 1
            if k == end or doc[k].ent_type_ != "PERSON" or doc[k].ent_iob_ != "B":
                return False  # no name follows the title
        words = {t.lower_ for t in span}
        return not any(
            e.label_ == "PERSON"
            and e.start != span.start
            and words & {t.lower_ for t in e}
            and not (e.end < len(doc) and self._is_title_token(doc[e.end]))
            for e in self.ents
        )

    def _after_a_title(self, word: Token) -> list[Token] | None:
        """'Eagles coach Sunday Mapfumo', 'Coach Mapfumo', with the surname tagged ORG:
        one word right after a title, or after a capitalised word in no entity that follows
        one (the first name NER left out), is a person's name."""
        doc = word.doc
        prev = doc[word.i - 1] if word.i > 0 else None
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if (
            prev is None
            or word.is_upper  # "Interim DNC Chairwoman": an acronym is an organisation
            or self.ctx.quoted(word.i)
            or after is not None
            and (self._is_title_token(after) or after.pos_ == "PROPN")
        ):
            return None
        if self._is_title_token(prev) or self.is_honorific(prev):
            return [word]
        if prev.pos_ == "PROPN" and prev.is_title and self._first_name_after_title(prev):
            return [prev, word]
        return None

    def _personal_despite_ner(self, toks: list[Token]) -> bool:
        """Is a name NER took for an organisation a person's: one "Mr", "Ms" or "Mrs" opens
        ("Mr V.R. Lal, the board chairman"), or of three words or more that ends in a
        generation ("Tom R. Reed II", `names.txt` `[suffixes]`)? Only people are called so; a
        word that says what kind of body ("Messrs Harbour Holdings", `[institution_words]`)
        keeps the name an organisation's."""
        suffixed = len(toks) >= 3 and toks[-1].lower_.rstrip(".") in self.lex.name_suffixes
        return (suffixed or self._honorific_gender(toks) is not None) and not any(
            t.lower_ in self.lex.institution_words or t.lower_ in self.lex.body_kind_words
            for t in toks
        )

    def _honorific_gender(self, toks: list[Token]) -> str | None:
        prev = toks[0].nbor(-1) if toks[0].i > 0 else None
        if prev is not None and self.is_honorific(prev):
            # "Tan Sri": the gender is the two words'
            two = f"{prev.nbor(-1).text} {prev.text}" if prev.i > 0 else ""
            g = self.lex.honorifics.get(prev.text) or self.lex.honorifics.get(two)
            return g if g in ("f", "m") else None
        return None

    def _index_first_name(self, ent: Entity) -> None:
        if initials_like(ent.tokens[0]):
            return  # "HoE Reedy", "RK Varma": capitals that no one is called by alone
        known = self._by_first.setdefault(ent.tokens[0], [])
        if len(ent.tokens) > 1 and not any(e is ent for e in known):
            known.append(ent)

    def _by_first_name(self, word: str, first: Token) -> Entity | None:
        """ "Sir Keir" after "Keir Starmer", "Hillary" after "Hillary Clinton": a lone first name
        is the one known person with that first name (after Sir/Dame, whatever the others)."""
        prev = first.nbor(-1) if first.i > 0 else None
        titled = prev is not None and prev.lower_ in self.lex.first_name_honorifics
        people = [e for e in self._by_first.get(word, []) if e.tokens[0] == word]
        if len(people) == 1 or (titled and people):
            return max(people, key=lambda e: e.positions[-1] if e.positions else -1)
        return None

    def _by_middle_name(self, word: str) -> Entity | None:
        """ "Faizal" after "Ahmad Faizal Rahman": a lone name that is the middle name of
        exactly one person of three or more names, the form some naming customs shorten to."""
        people = [
            e
            for e in self.entities
            if e.label == "PERSON" and len(e.tokens) >= 3 and word in e.tokens[1:-1]
        ]
        return people[0] if len(people) == 1 else None

    def _same_organisation(self, words: tuple[str, ...], name: str) -> Entity | None:
        """ "Quarrystone" after "Quarrystone Energy": the first words of exactly one longer
        name of an organisation are that organisation, whose fullest name stays its name. (A
        fuller name seen only later stays apart: taking it as the name cost as many names as
        it gained.) Not a body whose part the longer name is ("Harbour Police's Dive Unit")."""
        n = len(words)
        longer = [
            e
            for e in self.entities
            if e.label == "ORG"
            and len(e.tokens) > n
            and e.tokens[:n] == words
            and e.tokens[n] != "'s"
        ]
        return longer[0] if len(longer) == 1 else None

    def _entity_for(self, toks: list[Token], label: str) -> Entity:
        # the words a name is matched on: "O’Neill" is "O'Neill", "Joseph Biden Jr." is found
        # as "Biden" (a generational suffix is no surname)
        words = tuple(t.text.replace("’", "'") for t in toks if t.text not in (".", ","))
        while len(words) > 1 and words[-1].lower() in self.lex.name_suffixes:
            words = words[:-1]
        name = name_text(toks)
        if label == "PERSON":
            same_surname = self._by_surname.get(words[-1].lower(), [])
            # A partial name ("Lopez") is the most recently mentioned fuller name that contains
            # it; with two Lopezes, an honorific's gender picks between them.
            # a transcript label or a shouted headline ("WALLACE") matches "Chris Wallace", and
            # "Da Silva" at the start of a sentence is "Rosa da Silva": words match in any case
            shown = {w.lower() for w in words}
            partial = [e for e in same_surname if shown <= {w.lower() for w in e.tokens}]
            gender = self._honorific_gender(toks)
            if gender and len(partial) > 1:
                partial = [e for e in partial if e.gender in (gender, None)] or partial
            elif gender and len(words) == 1:  # "Mr Kerr" after only "Ann Kerr": someone else
                partial = [e for e in partial if e.gender in (gender, None)]
            if len(partial) > 1 and len(words) == 1:
                # a bare surname with two people of that name ("Cruz" after Ted and Heidi
                # Cruz) is the one the article already calls so, else the one it names most,
                # else the one last named as the subject of a clause
                chosen = max(
                    partial,
                    key=lambda e: (
                        e.by_surname,
                        len(e.positions),
                        max(e.subject_positions, default=-1),
                        e.positions[-1:] or [-1],
                    ),
                )
                chosen.by_surname += 1
                return chosen
            if partial:
                if len(words) == 1:
                    partial[0].by_surname += len(partial) == 1
                return max(partial, key=lambda e: e.positions[-1] if e.positions else -1)
            first_gender = self.lex.gender_of_first_name(words[0]) if len(words) > 1 else None
            for ent in same_surname:
                if first_gender and not ent.gender and ent.positions:
                    ent.gender = self._pronoun_gender_after(ent.positions[-1], toks[0].i)
                if {w.lower() for w in ent.tokens} <= shown and not (
                    first_gender and ent.gender and ent.gender != first_gender
                ):  # a fuller name for a person seen by surname ("De Luca" in a headline, then
                    # "Ben de Luca"), unless "he" was Mr. Obama and this is Michelle Obama
                    ent.name, ent.tokens = name, words
                    self._index_first_name(ent)
                    return ent
            if len(words) == 1 and not same_surname:
                known = self._by_first_name(words[0], toks[0]) or self._by_middle_name(words[0])
                if known is not None:
                    return known
                surname = self._family_surname(toks[0])
                if surname is not None:  # "his wife Lena": Lena Reyes
                    name, words = f"{name} {surname}", (*words, surname)
            if len(words) > 2 and not same_surname:
                # "Omar Farid Malik" after "Justice Omar Farid": the fuller name of one
                # person named before by its first words
                shorter = [e for e in self._by_first.get(words[0], []) if e.tokens == words[:-1]]
                if len(shorter) == 1:
                    ent = shorter[0]
                    ent.name, ent.tokens = name, words
                    self._by_surname.setdefault(words[-1].lower(), []).append(ent)
                    return ent
            if len(words) > 1 and not same_surname:
                # "Lim" in a headline, then "Lim Wei Ling" (the family name first), or "Amani",
                # then "Amani Otieno": a lone word seen before that opens this fuller name,
                # unless the two are said to differ in gender ("Mr Lim", then "Ms Lim Wei Ling")
                fuller_gender = gender or first_gender
                opened = [
                    e
                    for e in self._by_surname.get(words[0].lower(), [])
                    if len(e.tokens) == 1
                    and not (fuller_gender and e.gender and e.gender != fuller_gender)
                ]
                if len(opened) == 1 and not self._by_first.get(words[0]):
                    ent = opened[0]
                    ent.name, ent.tokens = name, words
                    self._by_surname.setdefault(words[-1].lower(), []).append(ent)
                    self._index_first_name(ent)
                    return ent
                # "Justice Omar Farid" after "Omar Farid Malik", "Azlan Karim" after "Datuk
                # Nor Azlan Karim Osman": the first or middle words of one known name, the
                # form some naming customs shorten a name to
                longer = [
                    e
                    for e in self.entities
                    if e.label == "PERSON" and _contains_run(e.tokens, words)
                ]
                if len(longer) == 1:
                    return longer[0]
        else:
            key = (_name_kind(label), name.lower().removeprefix("the "))
            if key in self._by_name:
                return self._by_name[key]
            if label == "ORG":
                known = self._same_organisation(words, name)
                if known is not None:
                    return known
        ent = Entity(
            name=name,
            label=label,
            tokens=words,
            written_out=self._written_out,
            vague_heads=self.lex.vague_heads,
        )
        self.entities.append(ent)
        if label == "PERSON":
            self._by_surname.setdefault(words[-1].lower(), []).append(ent)
            self._index_first_name(ent)
        else:
            self._by_name[(_name_kind(label), name.lower().removeprefix("the "))] = ent
        return ent

    def _add_mention(self, ent: Entity, head: Token, span: tuple[int, int], subject: bool) -> None:
        if head.i not in self._mention_ent:
            insort(self._mention_pos, head.i)
        self._mention_ent[head.i] = ent
        k = bisect_left(ent.positions, head.i)
        if k == len(ent.positions) or ent.positions[k] != head.i:
            ent.positions.insert(k, head.i)
        if subject:
            ent.subject_positions.add(head.i)
        ent.spans.add(span)

    def _register(self, toks: list[Token], label: str, learn: bool = True) -> Entity:
        """The cast member ``toks`` name, with this mention; ``learn``: also what the sentence
        says of it (gender, organisation, titles)."""
        ent = self._entity_for(toks, label)
        head = toks[-1]
        for t in toks:
            self.by_token[t.i] = ent
        root = climb(head, NAME_DEPS)
        # "the Clinton campaign took …": a name modifying another noun is not the subject
        modifier = root.pos_ == "NOUN" and not any(t.i == root.i for t in toks)
        subject = (
            not modifier
            and (
                root.dep_ in ("nsubj", "nsubjpass")
                or root.dep_ == "pobj"
                and root.head.dep_ == "prep"
                and root.head.head.dep_ == "nsubj"
                or _stranded_subject(head)
                or _subject_named_at_end(root) is not None
            )
            and not _in_subordinate_clause(root)
        )
        self._add_mention(ent, head, (toks[0].idx, head.idx + len(head.text)), subject)
        # a name in lower case is a page's list of tags or links ("Topics: drought relief
        # ann lee"), where the words before it are no title
        learn = learn and any(c.isupper() for t in toks for c in t.text)
        if not learn:
            # what a copula says of the subject is its title all the same ("Okafor is a
            # senior lecturer at …"), whatever the other words of the sentence are
            said = self.title_in_predicate(root) if label == "PERSON" else None
            if said is not None:
                ent.add_title(said)
            return ent
        if label == "ORG":
            described = self.description_of_organisation(toks)
            if described is not None:
                ent.add_title(described)
        if label == "PERSON":
            self._learn_gender(ent, toks)
            ent.descriptors |= self._descriptors(root)
            if ent.place is None:
                ent.place = self._place_after(toks[-1])
            if ent.organisation is None:
                ent.organisation = self._organisation_after(toks[-1]) or self._organisation_before(
                    toks[0]
                )
            # every title the sentence gives is a candidate for the best title
            for title in (
                self.title_before(toks),
                self.title_in_apposition(toks),
                self.title_in_predicate(root),
                self.title_after_name(toks),
                self.title_in_court(toks),
                self.title_after_dash(toks),
            ):
                if title:
                    ent.add_title(title)
        return ent

    def _place_after(self, last: Token) -> str | None:
        """'Senator Jo Hart of Ohio', 'Jo Hart, Democrat of Ohio,', 'Jo Hart, a Republican from
        Ohio,': the place NER finds right after the name and "of/from", or after a party; or
        the ward or seat after a party's label in brackets ("Councillor Jo Hart (Con, Hill
        East Ward)", `titles.txt` `[party_labels]`)."""
        doc = self.ctx.doc
        k = last.i + 1
        if k + 3 < len(doc) and doc[k].text == "(":
            return self._seat_in_brackets(k)
        if k + 1 < len(doc) and doc[k].text == ",":
            k += 1
            if doc[k].lower_ in ("a", "an"):
                k += 1
            if k >= len(doc) or doc[k].ent_type_ != "NORP":
                return None
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "from"):
            return None
        place = self._affiliation_entity_at(doc[k + 1])
        if place is None or place.start != k + 1 or place.label_ != "GPE":
            return None
        return place.text

    def _seat_in_brackets(self, bracket: int) -> str | None:
        doc = self.ctx.doc
        close = next(
            (j for j in range(bracket + 1, min(len(doc), bracket + 10)) if doc[j].text == ")"),
            None,
        )
        if close is None:
            return None
        comma = next((j for j in range(bracket + 1, close) if doc[j].text == ","), None)
        if comma is None or comma + 1 >= close:
            return None
        label = " ".join(t.lower_ for t in doc[bracket + 1 : comma]).strip(".")
        seat = doc[comma + 1 : close]
        if label not in self.lex.party_labels or not seat[0].is_title:
            return None
        return seat.text

    def _organisation_after(self, last: Token) -> str | None:
        """'Nia Obi of Coastal Food Network', 'Dr Ann Lee from Harbour Hospital': the
        organisation NER finds right after the name and "of/from/at"."""
        doc = self.ctx.doc
        k = last.i + 1
        if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("of", "from", "at"):
            k += 1  # "Brian Hale, from the Harbourlink union, said"
        if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "from", "at"):
            return None
        k += 1
        if doc[k].lower_ == "the" and k + 1 < len(doc) and doc[k].ent_iob_ != "B":
            k += 1  # "the" outside the name; NER sometimes runs the name from it
        if doc[k].ent_iob_ == "B":
            named = self._organisation_at(doc[k])
            named_end = k
            while named_end + 1 < len(doc) and doc[named_end + 1].ent_iob_ == "I":
                named_end += 1
            # "Mira Sand from the UN food relief office": the name NER found, then the kind
            # of body it is, in lower case
            run, body = named_end + 1, None
            while run < len(doc) and run - named_end <= 4 and doc[run].is_lower:
                if doc[run].pos_ not in ("NOUN", "ADJ"):
                    break
                if self._kind_of_body(doc[run]):
                    body = run
                run += 1
            if named is not None and body is not None:
                return name_text(list(doc[k : body + 1]))
            return named
        end = k  # "the Harbourlink union": a name NER missed, then the kind of body it is
        while end < len(doc) and doc[end].pos_ == "PROPN" and not self.ctx.quoted(end):
            end += 1
        if end > k and end < len(doc) and doc[end].is_lower and self._kind_of_body(doc[end]):
            return name_text(list(doc[k : end + 1]))
        return None

    def _organisation_before(self, first: Token) -> str | None:
        """'The Met Office's Anna Kowal', 'Harbour Bank's Jo Ruiz': the organisation whose person
        the name is, by the possessive right before it."""
        doc = self.ctx.doc
        k = first.i - 1
        while k > 0 and self.honorific_at(k):
            k -= 1
        if k < 1 or doc[k].text not in POSSESSIVE:
            return None
        ent = self._affiliation_entity_at(doc[k - 1])
        if ent is not None and ent.end > k and not self.ctx.quoted(k):
            # "Channel Nine’s Tom Reed" tagged one organisation: the part before the possessive
            return name_text(clean_name(list(doc[ent.start : k]))) or None
        return self._organisation_at(doc[k - 1])

    def _descriptors(self, root: Token) -> set[str]:
        """Places and groups hung on a name ("Ben Ruiz of Texas", "Jo Hart (D-Ohio)")."""
        out: set[str] = set()
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for t in child.subtree:
                    if t.ent_type_ in AFFILIATION_RANK and not self.ctx.quoted(t):
                        out.add(t.lower_)
        return out

    def _pronoun_gender_after(self, pos: int, limit: int) -> str | None:
        """The gender of the first subject he/she after a name, if no other person comes
        between: "President Obama spoke. ... he said. Later Michelle Obama" -> m."""
        doc = self.ctx.doc
        for i in range(pos + 1, min(limit, pos + PRONOUN_PEEK_TOKENS)):
            if self.names_person(i) or doc[i].ent_type_ == "PERSON":
                return None
            t = doc[i]
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PERSONAL_PRONOUNS:
                return PERSONAL_PRONOUNS[t.lower_]
        return None

    def _learn_gender(self, ent: Entity, toks: list[Token]) -> None:
        if ent.gender:
            return
        ent.gender = self._honorific_gender(toks)
        if not ent.gender and len(ent.tokens) >= 2:
            ent.gender = self.lex.gender_of_first_name(ent.tokens[0])
        if not ent.gender:  # "her husband John", "John, her husband"
            root = climb(toks[-1], NAME_DEPS)
            near = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos" or root.head.i == toks[-1].i + 1 and root.dep_ == "compound":
                near.append(root.head)
            if toks[0].i > 0 and toks[0].nbor(-1).dep_ in ("compound", "nmod"):
                near.append(toks[0].nbor(-1))
            said = next((g for g in map(self._gender_word, near) if g), "")
            if said:
                ent.gender = "m" if said == "he" else "f"

    def _in_byline(self, span: Span) -> bool:
        """'By Mia Drake' on a line of its own: the writer of the story, who is no one in it
        (a description in the lead is not about her)."""
        if self._bylines is None:
            self._bylines = self._byline_paragraphs()
        first = self._bylines.get(self.ctx.token_paragraph[span.start])
        return first is not None and first < span.start

    def author(self) -> Entity | None:
        """Who writes an article told as "I" (`DocContext.first_person_narration`): the person
        an end note introduces in its last paragraphs, the subject of "is" or "was" at its start
        ("Ann Lee is a playwright and …", "Rep. Tom Hale, D-Ohio, was an early backer of …");
        the note's predicate is a title of the writer's. None when the article has no such
        note; found once."""
        if self._author is None:
            self._author = (self._writer_in_end_note(),)
        return self._author[0]

    def _writer_in_end_note(self) -> Entity | None:
        ctx = self.ctx
        if not ctx.first_person_narration or not len(ctx.doc):
            return None
        para = ctx.token_paragraph
        # the first word of each of the last two paragraphs (the paragraph list is sorted)
        firsts = {bisect_left(para, k) for k in (para[-1] - 1, para[-1])}
        for i in sorted(firsts):
            while i < len(ctx.doc) and ctx.doc[i].is_space:
                i += 1
            ent = self.by_token.get(i)
            if ent is None or ent.label != "PERSON":
                continue
            name_end = i
            while self.by_token.get(name_end + 1) is ent:
                name_end += 1
            root = climb(ctx.doc[name_end], NAME_DEPS)
            verb = root.head
            if root.dep_ == "nsubj" and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBD"):
                for attr in verb.children:
                    if attr.dep_ == "attr" and attr.i > verb.i:
                        said = self._title_from_phrase(attr, described=True)
                        if said is not None:
                            ent.add_title(said)
                        return ent
        return None

    def _byline_paragraphs(self) -> dict[int, int]:
        """The paragraphs that are a byline (a short line with no verb opening with "By", or
        holding the writers' e-mail address: "- ANN LEE and TOM HALE news@…"), each with its
        first token; read once per document."""
        doc, para = self.ctx.doc, self.ctx.token_paragraph
        out: dict[int, int] = {}
        by = doc.vocab.strings.add("by")
        arr = doc.to_array([LOWER, LIKE_EMAIL])
        starts = numpy.flatnonzero(arr[:, 0] == by).tolist()
        for i in numpy.flatnonzero(arr[:, 1]).tolist():
            first = i
            while first and para[first - 1] == para[i]:
                first -= 1
            starts.append(first)
        for i in sorted(set(starts)):
            t = doc[i]
            if t.lower_ == "by" and t.is_lower or (i and para[i - 1] == para[i]):
                continue  # only "By" opening a paragraph
            end = t.i
            while end < len(doc) and para[end] == para[t.i] and end - t.i <= BYLINE_MAX_TOKENS:
                end += 1
            line = doc[t.i : end]
            if (end == len(doc) or para[end] != para[t.i]) and not any(
                w.pos_ in ("VERB", "AUX") for w in line
            ):
                out[para[t.i]] = t.i
        return out

    def _collect_entities(self) -> None:
        untagged, bodies = self._untagged_names()
        nicknamed = self._nicknamed_names()
        covered = {i for name, _ in nicknamed for i in range(name[0].i, name[-1].i + 1)}
        for name, nick in nicknamed:
            ent = self._register(name, "PERSON")
            if " " not in nick and nick.lower() not in self._by_surname:
                # "Milutin ‘Micho’ Sredojevic … Micho said": the nickname alone is him too
                ent.tokens = (*ent.tokens[:-1], nick, ent.tokens[-1])
                self._by_surname[nick.lower()] = [ent]
        # "Raipur" tagged a place once and a person once: a one-word name the article also
        # writes as a place is that place, unless it is a word of a person's fuller name
        # ("Faris" of "Faris Hamdan", a surname or a given name some customs call one by)
        names = {t.text for e in self.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        # ("Hobbs" of "Governor Hobbs": a one-word name a person's title or honorific opens)
        names |= {
            e.text
            for e in self.ents
            if e.label_ == "PERSON"
            and len(e) == 1
            and e.start > 0
            and (self.honorific_at(e.start - 1) or self._is_title_token(self.ctx.doc[e.start - 1]))
        }
        places = {
            e.text
            for e in self.ents
            if e.label_ in ("GPE", "LOC") and len(e) == 1 and e.text not in names
        }
        k = 0
        kinds: list[Token] = []
        for span in _joined_names(self.ents, self.lex.is_title_word, self.lex.name_particles):
            while k < len(untagged) and untagged[k][0].i < span.start:
                if untagged[k][0].i not in covered:
                    self._register(self._as_named_in_body(untagged[k]), "PERSON")
                k += 1
            if (
                span.label_ not in NAMED_LABELS
                or any(t.i in covered for t in span)
                or self._in_byline(span)
                or _time_zone(span)
            ):
                continue
            person = None
            if span.label_ in ("WORK_OF_ART", "PRODUCT", "FAC"):
                # '"…," Lunar Mission Project Director M Rao said' tagged a work of art
                person = self._person_after_title_in(span)
            elif span.label_ == "ORG":
                person = self._person_after_title_in_organisation(span)
            if person is not None:
                self._register(person, "PERSON")
                covered.update(t.i for t in person if t.i >= span.end)  # tagged apart
                continue
            found = self._name_from_span(span, span.label_)
            kind = self._kind_word(span) if span.label_ != "PERSON" else None
            if kind is not None:
                kinds.append(kind)
            if found and found[1] == "PERSON" and len(found[0]) == 1 and found[0][0].text in places:
                found = (found[0], "GPE")
            if (
                found
                and found[1] == "ORG"
                and len(found[0]) == 1
                and not found[0][0].is_upper
                and self._acts_as_person(found[0])
            ):
                # "Lindqvist" tagged ORG, then "she said"
                found = (self._with_untagged_given_name(found[0]), "PERSON")
            elif (
                found
                and found[1] == "PERSON"
                and len(found[0]) == 1  # "developer Mel Sembler" is a person
                and found[0][0].i > 0
                and self._kind_of_body_word(self.ctx.doc[found[0][0].i - 1])
                and self.description_of_organisation(found[0]) is not None
            ):
                found = (found[0], "ORG")  # "supermarket group Morriston", "food company Kerrow"
            elif found and found[1] != "PERSON" and self._personal_name_of_a_role(found[0]):
                found = (self._with_initial_before(found[0]), "PERSON")
            elif found and found[1] == "ORG" and self._personal_despite_ner(found[0]):
                found = (found[0], "PERSON")  # "Mr V.R. Lal", "Tom R. Reed II" tagged ORG
            if found:
                self._register(*found)
                owner = self._body_owning(found[0]) if found[1] == "ORG" else None
                if owner is not None:
                    self._register(owner, "ORG", learn=False)
        for toks in untagged[k:]:
            if toks[0].i not in covered:
                self._register(self._as_named_in_body(toks), "PERSON")
        for toks, kind in bodies:
            named = self._register(toks, "ORG")
            if kind is not None:  # "the Unite union": the kind describes the body
                named.add_title(TitleRef(kind.idx, kind.text, role=False, size=1))
        for i in self._untagged_surnames():
            # opening its sentence, a mention of that person, whose titles the sentence's
            # other words ("Lee fired police chief Ray Cole") need not be
            tok = self.ctx.doc[i]
            self._register([tok], "PERSON", learn=not tok.is_sent_start)
        for i in self._untagged_short_organisations():
            # "Quarrystone said" after "Quarrystone Energy"
            self._register([self.ctx.doc[i]], "ORG")
        self._merge_mislabelled_surnames()
        self._merge_abbreviations()
        self._merge_titles_tagged_as_bodies()
        for tok in kinds:  # "The Court noted" after "the Tamsin High Court": that court
            body = self.resolve_nominal(self.ctx.doc[tok.left_edge.i : tok.i + 1])
            if body is not None and body.label != "PERSON":
                self._link_description(tok, body)
        self._register_groups_named_after_people()
        self._learn_nominal_titles()
        self._learn_delayed_identifications()
        self._learn_roles_held_as()

    def _body_owning(self, toks: list[Token]) -> list[Token] | None:
        """The body whose part an organisation's name says it is, when that body's name
        says its kind ("Harbour Bureau of Fraud Inquiry’s Rapid Response Squad", one span to
        NER): a cast member of its own, so its initials ("the HBFI") find it."""
        k = next((k for k, t in enumerate(toks) if t.text in POSSESSIVE), 0)
        owner = toks[:k]
        if (
            sum(t.is_title for t in owner) >= 2
            and title_head(name_text(owner)) in self.lex.named_by_head
        ):
            return owner
        return None

    def _person_after_title_in(self, span: Span) -> list[Token] | None:
        """The name that ends a span NER gave a label no speaker has (a work of art, an
        event), after a title word inside it ("Lunar Mission Project Director M Rao") or right
        before it ("chief selector | RK Varma")."""
        titled = [k for k, t in enumerate(span) if self._is_title_token(t)]
        before = span.doc[span.start - 1] if span.start > 0 else None
        if self.ctx.quoted(span.start):
            return None
        body = self._body_after_title_of(span)
        if body is not None:
            titled = [body]  # "Chairman of the Federation | Ruvan Perera"
        if titled:
            rest = list(span[titled[-1] + 1 :])
        elif before is not None and before.is_lower and self._is_title_token(before):
            rest = list(span)
        else:
            return None
        doc = span.doc
        end = span.end
        while (
            end < len(doc)
            and rest
            and rest[-1].dep_ == "compound"
            and rest[-1].head.i == end
            and doc[end].pos_ == "PROPN"
            and _capitalised(doc[end])
            and not self.ctx.quoted(end)
        ):
            rest.append(doc[end])  # "Health CS Wanjiru | Kamau": NER stops before the surname
            end += 1
        initials = rest[:-1]  # "RK" of "chief selector RK Varma", "SV" of "General SV Rao"
        if not 1 <= len(rest) <= 4 or not all(
            _capitalised(t)
            or t.text == "."
            or t in initials
            and t.is_upper
            or 0 < k < len(rest) - 1
            and t.lower_ in self.lex.name_particles  # "Ana de Mel"
            for k, t in enumerate(rest)
        ):
            return None
        person = self.person_tokens(rest)
        if person is None and not titled and len(rest) >= 2:
            person = rest  # "chief selector RK Varma": after a role, the words are a name
        if (
            titled
            and len(rest) == 2
            and (INITIALS.fullmatch(rest[0].text) or rest[0].is_upper and len(rest[0]) <= 3)
        ):
            person = rest  # "S.A. Kale", "SV Rao" after a title: the initials are the name's
        return person if person and not self._ends_in_title(person) else None

    def _body_after_title_of(self, span: Span) -> int | None:
        """'Chairman of the Federation Ruvan Perera' tagged one organisation: a span that
        opens with a kind of body ("Federation", `[institution_words]` or an organisation's
        head word), or with one word and then initials ("India S.A. Kale"), right after a
        title word and "of" names the body or place in that word; the index of the word in
        the span, or None."""
        first = 1 if span[0].lower_ == "the" else 0
        doc = span.doc
        of = span.start - 1
        if not first and of > 0 and doc[of].lower_ == "the":
            of -= 1  # "the" left out of the span
        if of < 1 or len(span) - first < 3:
            return None
        word = span[first]
        if not (
            doc[of].lower_ == "of"
            and self._is_title_token(doc[of - 1])
            and word.is_title
            and (
                word.lower_ in self.lex.institution_words
                or self.lex.nominal_heads.get(word.lower_) == "ORG"
                # "Chief Justice of Tamaria S.A. Kale": the place, then a name with initials
                or INITIALS.fullmatch(span[first + 1].text) is not None
            )
        ):
            return None
        return first

    def _person_after_title_in_organisation(self, span: Span) -> list[Token] | None:
        """'Harbour Party MP Dev Banerji told …' tagged an organisation: two or three
        capitalised words after a title word inside it are a name, unless a word of them ends
        a body's name or is a kind of body ("The Chief Minister Relief Fund"); so are two or
        three after a possessive that start with a listed first name ("Channel Nine’s Tom
        Reed")."""
        owner = next((t for t in span[1:-2] if t.text in POSSESSIVE), None)
        if owner is not None:
            rest = list(span[owner.i - span.start + 1 :])
            if (
                len(rest) <= 3
                and rest[0].lower_ in self.lex.first_names
                and all(_capitalised(t) for t in rest)
            ):
                return rest
        person = self._person_after_title_in(span)
        if (
            person is None
            or not 2 <= len(person) <= 3
            or not any(self._is_title_token(t) for t in span[: person[0].i - span.start])
            and self._body_after_title_of(span) is None
            or any(
                t.lower_ in self.lex.institution_words
                or self.lex.nominal_heads.get(t.lower_) in ("ORG", "GPE")
                for t in person
            )
        ):
            return None
        return person

    def group_named_after(self, person: Entity, name_tok: Token, head: Token) -> Entity | None:
        """ "The Ruiz campaign", "Ruiz's team": an organisation named after its person, called
        by the surname and the head noun, as readers do ("Ruiz campaign"); "the Malaysian
        government", "Kenyan police": one named after its country or people ("Malaysian
        government")."""
        if person.label == "PERSON":
            base = person.tokens[-1]
            deps: tuple[str, ...] = ("compound", "poss")
        elif person.label in ("NORP", "GPE") and head.lemma_.lower() in self.lex.named_by_head:
            base = person.name
            deps = ("compound", "amod")
        else:
            return None
        if (
            head.pos_ != "NOUN"
            or self.lex.nominal_heads.get(head.lemma_.lower()) != "ORG"
            or name_tok.head.i != head.i
            or name_tok.dep_ not in deps
        ):
            return None
        name = f"{base} {head.lemma_.lower()}"
        key = ("ORG", name.lower())
        group = self._by_name.get(key)
        if group is None:
            group = Entity(name=name, label="ORG", tokens=(*base.split(), head.lemma_))
            self.entities.append(group)
            self._by_name[key] = group
        return group

    def _register_groups_named_after_people(self) -> None:
        """Every "the Ruiz campaign" or "the Malaysian government" of the article is a mention
        of that organisation, so a later "the campaign", "the government" or "it" can find it."""
        doc = self.ctx.doc
        deps = doc.to_array([DEP])
        modifying = {doc.vocab.strings.add(d) for d in ("compound", "poss", "amod")}
        for i, person in list(self.by_token.items()):
            if person.label not in ("PERSON", "NORP", "GPE") or deps[i] not in modifying:
                continue
            tok = doc[i]
            group = self.group_named_after(person, tok, tok.head)
            if group is not None and not self.ctx.quoted(tok.head.i):
                head = tok.head
                subject = head.dep_ in ("nsubj", "nsubjpass")
                self._add_mention(group, head, (head.left_edge.idx, head.idx + len(head)), subject)

    def _describes_someone_named(self, head: Token) -> bool:
        """'the Republican nominee', 'the New York businessman', "Ohio's tax commissioner": a
        definite description of one person, by role or occupation, with no name of its own.
        'Her lawyer' and "Ruiz's spokesman" describe someone else, not Ruiz."""
        if (
            not _singular_common_noun(head)
            or head.i in self.by_token
            or self.ctx.quoted(head.i)
            or not (
                self.lex.is_title_word(head)
                or self.lex.nominal_heads.get(head.lemma_.lower()) == "PERSON"
            )
            # "The treasurer of another chapter of the guild": someone other than those named
            or any(t.lower_ in ("another", "other") for t in head.subtree if t.i > head.i)
            # "before the next president is sworn in": someone still to come
            or any(c.dep_ == "amod" and c.lower_ in self.lex.successor_words for c in head.children)
        ):
            return False
        doc = head.doc
        if any(
            self._named_in_apposition(doc[i], head)
            for i in range(head.i + 1, head.right_edge.i + 1)
            if i in self.by_token  # only a name can be one; most descriptions hold none
        ):
            return False  # "The Chief Officer of Harbour Rail, Americas, Ana Ruiz, will …"
        definite = False
        for c in head.children:
            if c.dep_ == "appos":
                return False  # "the ambassador, Grace Mutua": named right there
            if c.ent_type_ == "ORDINAL" and not self.lex.is_title_word(head):
                return False  # "the second victim": one of several, counted as they come
            if c.dep_ == "det" and c.lower_ in DEFINITE:
                definite = True
            elif c.dep_ == "poss":
                owner = self.by_token.get(c.i)
                if c.pos_ == "PRON" or owner is None or owner.label == "PERSON":
                    return False
                definite = True
        return definite

    def _named_in_apposition(self, tok: Token, head: Token) -> bool:
        """Whether ``tok`` is of a person's name the parse hangs below ``head`` through an
        apposition or a conjunct (a name after the commas of a long title)."""
        owner = self.by_token.get(tok.i)
        if owner is None or owner.label != "PERSON":
            return False
        while tok.i != head.i and tok.head.i != tok.i:
            if tok.dep_ in ("appos", "conj"):
                return True
            tok = tok.head
        return False

    def _gender_word(self, head: Token) -> str:
        """'businessman' -> "he", 'first lady' -> "she": the pronoun a description agrees with
        (the ending, else an honorific of that word), "" when the word says nothing."""
        word = head.lower_
        if word.endswith(("woman", "women")):
            return "she"
        if word.endswith("man"):
            return "he"
        listed = self.lex.gendered_words.get(head.lemma_.lower())
        if listed:
            return "he" if listed == "m" else "she"
        gender = self.lex.honorifics.get(head.text.title())
        return {"f": "she", "m": "he"}.get(gender or "", "")

    def _newcomer_after(self, description: Token) -> Entity | None:
        """The first person whose first mention, as a subject, comes after ``description``
        within the same or the next two paragraphs (the next one after a headline), when
        nobody else is named before it (but those the description's own sentence names)."""
        pos = description.i
        skip = self._named_in_sentence(description)
        k = bisect_left(self._mention_pos, pos)
        para = self.ctx.token_paragraph[pos]
        # a headline's description only the paragraph under it (`lede_speaker` reads further)
        limit = para + (2 if para else 1)
        while k < len(self._mention_pos):
            i = self._mention_pos[k]
            if self.ctx.token_paragraph[i] > limit:
                return None
            ent = self._mention_ent[i]
            if ent.label == "PERSON" and not self.ctx.quoted(i) and id(ent) not in skip:
                new = ent.positions[0] == i and i in ent.subject_positions
                return ent if new else None
            k += 1
        return None

    def _learn_nominal_titles(self) -> None:
        """'Ann Lee said … The Republican nominee added …': a definite role description that is
        the subject of a clause refers back to someone named, and gives that person a title."""
        doc = self.ctx.doc
        strings = doc.vocab.strings
        arr = doc.to_array([DEP, TAG])
        subject = (arr[:, 0] == strings.add("nsubj")) | (arr[:, 0] == strings.add("nsubjpass"))
        subject |= arr[:, 0] == strings.add("poss")  # "the nominee's stance"
        # "Tom Reed thanked the Vermont senator": an object too, narrowly (`_object_refers_back`)
        subject |= arr[:, 0] == strings.add("dobj")
        # "NN", or "NNP" on a lower-case word: the tagger's proper-noun tag on "front-runner"
        singular = (arr[:, 1] == strings.add("NN")) | (arr[:, 1] == strings.add("NNP"))
        # "In an interview with hosts Tom Reed and Mia Cole, the Democratic nominee stated …",
        # parsed as an apposition to the name before it: the subject of the verb right after
        for i in numpy.flatnonzero((arr[:, 0] == strings.add("appos")) & singular).tolist():
            subject[i] = _stranded_subject(doc[i])
        subjects = numpy.flatnonzero(subject & singular)
        for i in subjects:
            t = doc[int(i)]
            if not self._describes_someone_named(t) or self._identified_in_predicate(t):
                continue
            title = self._title_from_phrase(t, described=True)
            if title is None:
                continue
            mention = doc[t.left_edge.i : t.i + 1]
            ent = self.resolve_nominal(mention)
            if ent is None and t.lemma_.lower() in self.lex.case_parties:
                continue  # "the defendant" is not the prosecutor named just before
            if ent is None and self._introduced_unnamed(t):
                continue
            if ent is None and not any(c.dep_ == "poss" for c in t.children):
                # "the nominee" points back to someone named
                ent = self._nearest_antecedent(
                    t.i, self._gender_word(t), NOMINAL_TITLE_PARAGRAPHS, description=True
                )
                if ent is not None and self._on_the_bench(ent) != (
                    t.lower_ in self.lex.court_roles
                ):
                    ent = None  # "Justice Ann Lee … the deputy commissioner had not decided"
                if ent is not None and ent is self._speaker_reporting(t):
                    ent = None  # "he said the Home Minister too had backed it": someone else
            elif ent is None:
                # "Ohio's tax commissioner says … Kevin Sullivan says …": a possessive one
                # introduces the newcomer the next paragraph names as a subject
                ent = self._newcomer_after(t)
            if ent is not None and t.dep_ == "dobj" and not self._object_refers_back(t, ent):
                continue
            if ent is not None and ent.label == "PERSON":
                ent.add_title(title)
                self._link_description(t, ent)

    def _introduced_unnamed(self, head: Token) -> bool:
        """'"…," said a port official who asked not to be named. … "…," the official said':
        "the official" is the one an indefinite phrase with the same noun brought in
        shortly before ("a", "an", "one", "another"), or one said to be someone's ("the
        premier's spokesman … the spokesman"), who has no name in the article."""
        doc = self.ctx.doc
        lemma = head.lemma_.lower()
        limit = self.ctx.token_paragraph[head.i] - PRONOUN_LOOKBACK_PARAGRAPHS
        for i in range(head.i - 1, -1, -1):
            if self.ctx.token_paragraph[i] < limit:
                return False
            t = doc[i]
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma or t.tag_ == "NNS":
                continue
            if self.names_person(i) or self._nominal_links.get(i) is not None:
                return False  # the same noun said of someone named: "the official" may be them
            if any(
                c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE or c.dep_ == "poss"
                for c in t.children
            ):
                return True  # "a port official", or someone's: "Reed's spokesman"
        return False

    def _object_refers_back(self, obj: Token, ent: Entity) -> bool:
        """May a description that is a verb's direct object ("Tom Reed thanked the Vermont
        senator") be ``ent``, the person it was resolved to? An object is often the other party
        of its clause, so only narrowly: a role word heads it with no complement, ``ent`` has
        no title yet and was named in its sentence or the one before, and the verb's subject is
        neither ``ent`` nor an unnamed someone who could be ("she challenged the premier")."""
        last = ent.last_before(obj.i)
        sentences = self._sentence_starts
        if (
            ent.titles
            or last is None
            or not self.lex.is_title_word(obj)
            or any(c.dep_ == "prep" for c in obj.children)
            or bisect_right(sentences, obj.i) - bisect_right(sentences, last) > 1
        ):
            return False
        subject = next((c for c in obj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False  # nothing tells the two parties apart
        other = self._mention_ent.get(subject.i) or self._nominal_links.get(subject.i)
        if other is None and subject.lower_ in ("he", "she"):
            other = self._nearest_antecedent(subject.i, subject.lower_)
        if other is not None:
            return other is not ent
        return not (
            subject.pos_ == "PRON"
            or subject.ent_type_ == "PERSON"
            or self.lex.is_title_word(subject)
            or self.lex.nominal_heads.get(subject.lemma_.lower()) == "PERSON"
        )

    def _identified_in_predicate(self, subject: Token) -> bool:
        """'the real author of the plan is Mayor Ruth Gale': a description a copula equates
        with a name in its own clause is about that name, no one named before."""
        verb = subject.head
        return (
            subject.dep_ == "nsubj"
            and verb.lemma_ == "be"
            and any(c.dep_ == "attr" and c.i in self._mention_ent for c in verb.children)
        )

    def _speaker_reporting(self, t: Token) -> Entity | None:
        """Who reports the clause ``t`` stands in ("he said the Home Minister too had backed
        it", or deeper: "she said the plan, one the party leader has since dropped, …"): a
        speaker does not call themself by a description, so that is someone else."""
        clause = t.head
        while clause.dep_ != "ccomp" and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or not self.lex.is_cue_verb(verb, "speech"):
            return None
        for c in verb.children:
            if c.dep_ == "nsubj" and c.i in self._mention_ent:
                return self._mention_ent[c.i]
            if c.dep_ == "nsubj" and c.lower_ in ("he", "she"):
                return self._nearest_antecedent(c.i, c.lower_)
        return None

    def _on_the_bench(self, ent: Entity) -> bool:
        """Does a title of the member make them a judge ("Justice", "Magistrate", "High Court
        judge")? A judge is described as one, never by another post, and no one else is."""
        return any(title.text.split()[-1].lower() in self.lex.court_roles for title in ent.titles)

    def _named_in_sentence(self, tok: Token) -> frozenset[int]:
        """Everyone the sentence of ``tok`` names (ids), who a description in it introduces
        no more than it names them ("X's commissioner says … Y's tax filings …")."""
        sent = tok.sent
        lo = bisect_left(self._mention_pos, sent.start)
        hi = bisect_left(self._mention_pos, sent.end)
        return frozenset(id(self._mention_ent[i]) for i in self._mention_pos[lo:hi])

    def _link_description(self, head: Token, ent: Entity) -> None:
        """The description stands for its person from now on: a quote it attributes gets that
        person, and it is a mention a later "she" can find ("The judge rejected … She said")."""
        self._nominal_links[head.i] = ent
        subject = head.dep_ in ("nsubj", "nsubjpass") and not _in_subordinate_clause(head)
        self._add_mention(ent, head, (head.left_edge.idx, head.idx + len(head.text)), subject)

    def _learn_delayed_identifications(self) -> None:
        """'A former party chairman is calling for … ⏎ Don Reyes, who led the party, said …':
        a news lead that describes its main person before naming them. The description, the
        subject of a clause (or the source "according to a researcher …") in the first
        paragraphs before anyone is named as a subject, is the
        first person the next paragraph names as a subject (not one its own sentence names)."""
        doc = self.ctx.doc
        named_subjects = [
            i for e in self.entities if e.label == "PERSON" for i in e.subject_positions
        ]
        end = min(named_subjects, default=len(doc))
        lead_end = min(end, bisect_right(self.ctx.token_paragraph, LEAD_PARAGRAPHS - 1))
        strings = doc.vocab.strings
        deps = doc.to_array([DEP])[:lead_end]
        subjects = (deps == strings.add("nsubj")) | (deps == strings.add("nsubjpass"))
        subjects |= deps == strings.add("pobj")  # "…, according to a researcher"
        for i in numpy.flatnonzero(subjects):
            t = doc[int(i)]
            if t.dep_ == "pobj" and not (
                t.head.lower_ == "to" and t.head.head.lower_ == "according"
            ):
                continue
            if (
                t.i in self._nominal_links
                or self.ctx.quoted(t.i)
                or not (
                    _singular_common_noun(t)
                    and self.lex.is_title_word(t)
                    or t.ent_type_ == "NORP"
                    and t.pos_ == "PROPN"  # "the lifelong Republican"
                )
                or any(self.names_person(w.i) for w in t.subtree if w.i != t.i)
                or self._another_person_described_as_subject(t)
            ):
                continue
            ent = self._newcomer_after(t)
            word = self._gender_word(t)
            if ent is None or word and ent.gender and PERSONAL_PRONOUNS[word] != ent.gender:
                continue
            title = self._title_from_phrase(t, described=True)
            if title is not None:
                ent.add_title(title)
            self._link_description(t, ent)

    def _another_person_described_as_subject(self, t: Token) -> bool:
        """'A boy died after a fall from the wall, a coroner has concluded': another person
        described as a subject in the description's sentence may be whom the next paragraph
        names, so neither is identified."""
        heads = self.lex.nominal_heads
        return any(
            s.i != t.i
            and s.dep_ in ("nsubj", "nsubjpass")
            and _singular_common_noun(s)
            and (heads.get(s.lemma_.lower()) == "PERSON" or s.lower_ in self.lex.gendered_words)
            for s in t.sent
        )

    def _learn_roles_held_as(self) -> None:
        """'when he was elected to a fresh term as Harbour mayor', 'they named Lee as treasurer':
        a listed role said with "as" is a title of who holds it (a pronoun resolved as for a
        quote)."""
        doc = self.ctx.doc
        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, DEP])
        found = numpy.flatnonzero(
            (arr[:, 0] == strings.add("as")) & (arr[:, 1] == strings.add("prep"))
        )
        for i in found:
            prep = doc[int(i)]
            role = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if (
                role is None
                or role.pos_ != "NOUN"
                or self.ctx.quoted(role.i)
                or not self.lex.is_title_word(role)
            ):
                continue
            holder = _holder_of(prep, self.lex.succession_verbs)
            if holder is None:
                continue
            ent = self._mention_ent.get(holder.i)
            if ent is None and holder.lower_ in PERSONAL_PRONOUNS:
                ent = self._nearest_antecedent(holder.i, holder.lower_)
            if ent is None or ent.label != "PERSON":
                continue
            title = self._title_from_phrase(role)
            if title is not None:
                ent.add_title(title)

    def _merge_mislabelled_surnames(self) -> None:
        """'Trump' tagged ORG before 'Donald Trump' appears: one word that is exactly one known
        person's surname is that person, wherever it stands in the document."""
        merges: list[tuple[Entity, Entity]] = []
        for ent in self.entities:
            if ent.label == "PERSON" or len(ent.tokens) != 1:
                continue
            people = self._by_surname.get(ent.tokens[0].lower(), [])
            if len(people) != 1:
                continue
            if ent.titles and people[0].tokens == ent.tokens:
                # "supermarket group Morriston … Morriston said": described as a body once,
                # the same one word NER calls a person elsewhere is that body
                merges.append((people[0], ent))
            else:
                merges.append((ent, people[0]))
        for ent in self.entities:
            other = self._titled_surname_of(ent)
            if other is not None:
                merges.append((ent, other))
        self._merge(merges)

    def _titled_surname_of(self, ent: Entity) -> Entity | None:
        """'MoS Ports Menon' tagged one person in a headline, after or before "Minister of
        State for Shipping and Ports, Ravi Menon", or "CS Reed: Council to …" tagged one
        organisation: a surname after words of one person's title, a listed abbreviation or
        initials is that person."""
        if len(ent.tokens) < 2:
            return None
        people = [
            p
            for p in self._by_surname.get(ent.tokens[-1].lower(), [])
            if p is not ent and p.label == "PERSON" and p.titles
        ]
        if len(people) != 1:
            return None
        words = {w for title, _ in people[0].titles_held for w in self._title_words(title)}
        if all(
            w in self.lex.abbreviations or initials_like(w) or w.lower() in words
            for w in ent.tokens[:-1]
        ):
            return people[0]
        return None

    def _merge_titles_tagged_as_bodies(self) -> None:
        """'The DPP said …' tagged an organisation, and later 'DPP Ana Ruiz': an abbreviated
        title (`titles.txt` `[abbreviations]`) standing alone is the one person the article
        gives that title, as printed or written out, wherever it stands; so is a place a role
        was given to as if it were a name ("DCP North Harbourton said") when one person holds
        that role there."""
        holders: dict[str, list[Entity]] = {}
        for ent in self.entities:
            if ent.label == "PERSON":
                for title_text in {t.lower() for t, _ in ent.titles_held}:
                    holders.setdefault(title_text, []).append(ent)
                    # "Deputy Commissioner of Police (DCP)": the title defines its letters
                    letters = BRACKETED_LETTERS.search(title_text)
                    if letters is not None:
                        holders.setdefault(letters.group(1), []).append(ent)
        merges: list[tuple[Entity, Entity]] = []
        for ent in self.entities:
            word = ent.tokens[0] if len(ent.tokens) == 1 else ""
            if ent.label != "ORG" or not word.isupper():
                continue
            # the title as printed ("DPP"), as the article spelt it out ("… (DPP)"), or as
            # `[abbreviations]` writes it out ("Additional Solicitor General")
            people = holders.get(word.lower(), [])
            if not people and word in self.lex.abbreviations:
                people = holders.get(self.lex.abbreviations[word], [])
            if len(people) == 1:
                merges.append((ent, people[0]))
        # "DCP North Harbourton said", after "Deputy Commissioner of Police (DCP) North
        # Harbourton Vikram Negi": a role and the place it covers stand for the one holder
        places = {e.text for e in self.ents if e.label_ in ("GPE", "LOC")}
        for ent in self.entities:
            if ent.name not in places or not ent.titles_held:
                continue
            people = [
                p
                for p in self.entities
                if p.label == "PERSON"
                and p is not ent
                and any(
                    ent.name in held and any(role in held for role, _ in ent.titles_held)
                    for held, _ in p.titles_held
                )
            ]
            if len(people) == 1:
                merges.append((ent, people[0]))
        self._merge(merges)

    def _merge_abbreviations(self) -> None:
        """'the IMF' after 'the International Monetary Fund': an abbreviation made of the
        initials of one organisation the article names is that organisation. It speaks under
        its full name; as where someone works it is the form the article uses more often."""
        by_initials = self.by_initials
        defined: dict[str, Entity] = {}
        text = self.ctx.text
        for ent in self.entities:
            if ent.label != "ORG":
                continue
            for key in _initials_of(ent.tokens):
                owners = by_initials.setdefault(key, [])
                if ent not in owners:
                    owners.append(ent)
            if len(ent.tokens) >= 2:  # "Allied Ironworkers (AIW)": whatever letters it picks
                for _, end in ent.spans:
                    found = BRACKETED_ABBREVIATION.match(text, end) or ABBREVIATION_AFTER_OR.match(
                        text, end
                    )
                    if found is not None:
                        defined.setdefault(found.group(1), ent)
                    found = INITIALS_AFTER_NAME.match(text, end)
                    letters = (found.group(1) or found.group(2)) if found is not None else None
                    if letters is not None and letters in _initials_of(ent.tokens):
                        defined.setdefault(letters, ent)
                for start, _ in ent.spans:
                    found = ABBREVIATION_APPOSED.search(text, max(0, start - 40), start)
                    if found is not None:
                        defined.setdefault(found.group(1), ent)
        for found in BRACKETED_WORD.finditer(text):
            # "Chief Executive Officer (CEO)": a title's abbreviation, which names no body
            if (
                found.group(1) not in defined
                and found.group(1) not in self.lex.abbreviations
                and not self._abbreviates_a_title(found.group(1))
            ):
                named = self._name_before_bracket(found.start(1) - 1, found.group(1))
                if named is not None:
                    defined[found.group(1)] = named
        for key, ent in defined.items():
            by_initials[key] = [ent]  # the article's own definition over any initials
            # "The TPC says" after "Tamsin People's Congress (TPC)", NER tagging neither
            # "TPC": the initials the article defined name that organisation where they head
            # their phrase ("TPC Acting Head" is a title), merged into it below
            for found in re.finditer(rf"\b{re.escape(key)}\b", text):
                span = self.ctx.doc.char_span(found.start(), found.end())
                if span is None or len(span) != 1 or span.start in self.by_token:
                    continue
                if span[0].dep_ in NAME_ROLES and not self.ctx.quoted(span.start):
                    self._register([span[0]], "ORG", learn=False)
        merges: list[tuple[Entity, Entity]] = []
        for ent in self.entities:
            short = ent.tokens[0].replace(".", "") if len(ent.tokens) == 1 else ""
            # the article's own bracketed abbreviation whatever its case ("AoC")
            known = short.isupper() or short in defined
            full = by_initials.get(short, []) if known and len(short) >= 2 else []
            # whatever NER called the abbreviation the article defined ("Amcu" a person)
            if (ent.label == "ORG" or short in defined) and len(full) == 1 and full[0] is not ent:
                if len(ent.positions) > len(full[0].positions):
                    full[0].usual = ent.name
                merges.append((ent, full[0]))
        self._merge(merges)

    def _written_out(self, text: str) -> str:
        """A title with each abbreviation in capitals written out: as `[abbreviations]` gives
        it, else as the one organisation the article names by those initials ("HRB")."""
        words = []
        for word in text.split():
            bare = word.replace(".", "")
            full = None
            if len(bare) >= 2 and bare.isupper():
                full = self.lex.abbreviations.get(word) or self.lex.abbreviations.get(bare)
                owners = self.by_initials.get(bare, []) if full is None else []
                if len(owners) == 1:
                    full = owners[0].name
            words.append(full or word)
        return " ".join(words)

    def _abbreviates_a_title(self, key: str) -> bool:
        """Whether a person's title ends in ``key`` in brackets ("Joint Commissioner of
        Transport (JCT) Ravi Menon"): the letters of that title, not of a body. Only at the
        end: in "Harbour Rescue (HR) spokesman" the letters are the body's, which the title
        names (`_merge_titles_tagged_as_bodies` takes letters anywhere in a title, since there
        they only point back to the holder)."""
        bracketed = f"({key.lower()})"
        return any(
            title.lower().endswith(bracketed)
            for ent in self.entities
            if ent.label == "PERSON"
            for title, _ in ent.titles_held
        )

    def _name_before_bracket(self, bracket: int, key: str) -> Entity | None:
        """'The Guild of Harbour and Dock Workers (Ghdw)': the capitalised words before the
        bracket (and an owner's "’s") whose initials spell the abbreviation (any case) are an
        organisation's name, registered as one when NER tagged nothing there, else the
        organisation NER tagged over all of them ("Organisation Against Fee Abuse (Oafa)")."""
        doc = self.ctx.doc
        opening = doc.char_span(bracket, bracket + 1)
        if opening is None or opening.start == 0:
            return None
        end = opening.start
        if doc[end - 1].text in POSSESSIVE:
            end -= 1  # "the Harbour Port Authority’s (Hpa) pilots": the owner's name
        words: list[Token] = []
        for tok in reversed(doc[max(0, end - 2 * len(key) - 2) : end]):
            if not (_capitalised(tok) or tok.lower_ in ABBREVIATED and words):
                break
            words.insert(0, tok)
            capitals = [w for w in words if w.lower_ not in ABBREVIATED]
            if (
                _capitalised(words[0])
                and len(capitals) >= 2
                and key.upper() in _initials_of(tuple(w.text for w in words))
                and not self.ctx.quoted(words[0].i)
            ):
                owners = [self.by_token.get(w.i) for w in capitals]
                if not any(owners):
                    return self._register(words, "ORG", learn=False)
                # the organisation NER found there, its name spelled by the letters
                owner = owners[0]
                if (
                    owner is not None
                    and owner.label == "ORG"
                    and owners.count(owner) == len(owners)
                ):
                    return owner
        return None

    def _merge(self, merges: list[tuple[Entity, Entity]]) -> None:
        """Each (part, whole): every mention of the part becomes one of the whole."""
        merged: set[int] = set()
        for ent, whole in merges:
            for i in ent.positions:
                self.by_token[i] = whole
                self._mention_ent[i] = whole
                k = bisect_left(whole.positions, i)
                if k == len(whole.positions) or whole.positions[k] != i:
                    whole.positions.insert(k, i)
            whole.subject_positions |= ent.subject_positions
            whole.spans |= ent.spans
            merged.add(id(ent))
            if ent.label == "PERSON":  # no longer anyone's surname
                known = self._by_surname.get(ent.tokens[-1].lower(), [])
                known[:] = [e for e in known if e is not ent]
        if merged:
            self.entities = [e for e in self.entities if id(e) not in merged]
            self._by_name = {k: v for k, v in self._by_name.items() if id(v) not in merged}

    def _untagged_surnames(self) -> list[int]:
        """'"…," Okonjo said' with "Okonjo" tagged a common noun and no entity: a capitalised
        word that is the surname of a person already named, opening its sentence only as its
        subject."""
        doc = self.ctx.doc
        people = [
            k for k, ents in self._by_surname.items() if any(e.label == "PERSON" for e in ents)
        ]
        if not people:
            return []
        arr = doc.to_array([ENT_IOB, LOWER, SENT_START, IS_LOWER])
        # keys hold a straight apostrophe ("kang'ethe"); the text may have a curly one
        forms = {k for key in people for k in (key, key.replace("'", "\u2019"))}
        wanted = numpy.array([doc.vocab.strings.add(k) for k in forms], dtype=arr.dtype)
        found = numpy.flatnonzero(
            (arr[:, 0] == 2) & (arr[:, 3] == 0) & numpy.isin(arr[:, 1], wanted)
        ).tolist()
        return [
            i
            for i in found
            # capitalised, "Kang'ethe" too (not a title-case word to spaCy)
            if doc[i].text[:1].isupper()
            and not doc[i].is_upper
            and i not in self.by_token
            and not self.ctx.quoted(i)
            # opening its sentence, only as the subject or the subject's owner ("Kerr was
            # asked", "Evans’ campaign said", not "Young people said")
            and (
                arr[i, 2] != 1
                or (doc[i].pos_ == "PROPN" or _apostrophe_name(doc[i]))
                and (
                    doc[i].dep_ in ("nsubj", "nsubjpass")
                    or doc[i].dep_ == "poss"
                    and doc[i].head.dep_ in ("nsubj", "nsubjpass")
                )
            )
        ]

    def _family_surname(self, first: Token) -> str | None:
        """ "His wife Lena" of Mr Reyes, "Tom Hale's son Ben": the surname a first name
        alone takes after a family word (`titles.txt` `[family_name_words]`) and whose it is
        ("his", "her", a named person's possessive), so "Mrs Reyes" later finds her."""
        doc = self.ctx.doc
        i = first.i
        if i < 2 or first.lower_ not in self.lex.first_names:
            return None
        if doc[i - 1].text == "," and i >= 3:
            i -= 1  # "Mr Hollis’ daughter, Dana, said": the name set off by commas
        if doc[i - 1].lower_ not in self.lex.family_name_words:
            return None
        whose = doc[i - 2]
        owner: Entity | None = None
        if whose.lower_ in ("his", "her"):
            owner = self._nearest_antecedent(whose.i, "he" if whose.lower_ == "his" else "she")
        elif whose.text in POSSESSIVE and whose.i > 0:
            owner = self.by_token.get(whose.i - 1)
            # "Mr Hollis’ daughter": honorific and surname, whether NER tagged them or not
            titled = (
                whose.i > 1 and self.honorific_at(whose.i - 2) and _capitalised(doc[whose.i - 1])
            )
            if titled:
                return doc[whose.i - 1].text.replace("’", "'")
        if owner is None or owner.label != "PERSON" or len(owner.tokens) < 2:
            return None
        return owner.tokens[-1]

    def _untagged_short_organisations(self) -> list[int]:
        """ "Quarrystone sold the plant" after "Quarrystone Energy", with no entity on
        "Quarrystone": the first word of exactly one organisation's longer name, as the subject of
        its clause, is that organisation."""
        firsts: dict[str, int] = {}
        for e in self.entities:
            if e.label == "ORG" and len(e.tokens) > 1 and e.tokens[0][:1].isupper():
                firsts[e.tokens[0]] = firsts.get(e.tokens[0], 0) + 1
        if not firsts:
            return []
        doc = self.ctx.doc
        arr = doc.to_array([ENT_IOB, ORTH])
        wanted = numpy.array(
            [doc.vocab.strings.add(w) for w, n in firsts.items() if n == 1], dtype=arr.dtype
        )
        found = numpy.flatnonzero((arr[:, 0] == 2) & numpy.isin(arr[:, 1], wanted)).tolist()
        return [
            i
            for i in found
            if doc[i].dep_ in ("nsubj", "nsubjpass")
            and doc[i].pos_ == "PROPN"
            and i not in self.by_token
            and not self.ctx.quoted(i)
            and doc[i].text.lower() not in self._by_surname
        ]

    def _nicknamed_names(self) -> list[tuple[list[Token], str]]:
        """'Marta “Bunny” Reyes', 'Robert C. "Bobby" Scott': the name around a nickname in
        marks (`filters.nickname`), without the nickname, whatever NER made of it; with the
        nickname."""
        doc = self.ctx.doc
        out: list[tuple[list[Token], str]] = []
        for k, m in enumerate(self.ctx.marked):
            if m.close_mark is None or not nickname(self.ctx, k):
                continue
            opening = doc.char_span(m.open_mark, m.open_mark + 1, alignment_mode="expand")
            closing = doc.char_span(m.close_mark, m.close_mark + 1, alignment_mode="expand")
            if opening is None or closing is None:
                continue
            first: list[Token] = []
            i = opening.start - 1
            while i >= 0 and len(first) < 3 and (_capitalised(doc[i]) or _initial(doc[i])):
                if self._is_title_token(doc[i]) or self.is_honorific(doc[i]):
                    break
                first.insert(0, doc[i])
                i -= 1
            last: list[Token] = []
            j = closing.end
            while j < len(doc) and len(last) < 3 and _capitalised(doc[j]):
                if doc[j].pos_ != "PROPN":
                    break
                last.append(doc[j])
                j += 1
            if first and last:
                out.append((first + last, doc[opening.end : closing.start].text.strip()))
        return out

    def _named_kind_after(self, run: list[Token], end: int) -> Token | None:
        """'The Unite union said', 'the Harbourlink group': capitalised words NER left
        untagged, after "the" and before a lower-case word for a kind of body they modify,
        are that body's name; the kind word, or None."""
        doc = self.ctx.doc
        if end >= len(doc) or run[0].i == 0 or doc[run[0].i - 1].lower_ != "the":
            return None
        kind = doc[end]
        inside = range(run[0].i, end + 1)  # the run and the kind word
        if self._kind_of_body_word(kind) and all(t.head.i in inside for t in run):
            return kind
        return None

    def _untagged_names(
        self,
    ) -> tuple[list[list[Token]], list[tuple[list[Token], Token | None]]]:
        """Names the NER missed: people (a listed first name followed by capitalised proper
        nouns, or a short run of capitalised proper nouns that acts as a person) and bodies
        (capitalised words that end in an institution word, "the Tamsin High Court")."""
        doc = self.ctx.doc
        out: list[list[Token]] = []
        bodies: list[tuple[list[Token], Token | None]] = []  # with the kind word after
        # only capitalised proper nouns outside entities can start one (found from the arrays,
        # so most words never become Token objects)
        arr = doc.to_array([ENT_IOB, POS, IS_TITLE])
        propn = doc.vocab.strings.add("PROPN")
        starts = numpy.flatnonzero((arr[:, 0] == 2) & (arr[:, 1] == propn) & (arr[:, 2] == 1))
        i = 0
        for start in starts:
            if start < i:
                continue
            i = int(start)
            t = doc[i]
            if not self.ctx.quoted(i) and not self._is_title_token(t) and not self.is_honorific(t):
                j = i + 1
                while (
                    j < len(doc)
                    and doc[j].ent_iob_ == "O"
                    and doc[j].pos_ == "PROPN"
                    and _capitalised(doc[j])
                    and not self._is_title_token(doc[j])  # "Kofi Mensah | Head Coach of …"
                ):
                    j += 1
                    if (
                        j + 1 < len(doc)
                        and doc[j].text == "-"
                        and not doc[j - 1].whitespace_
                        and not doc[j].whitespace_
                        and doc[j + 1].ent_iob_ == "O"
                        and _capitalised(doc[j + 1])
                    ):
                        j += 1  # "Afua Mensah-Bonsu": the hyphen of a double surname
                run = list(doc[i:j])
                if (
                    j < len(doc)
                    and doc[j].ent_type_ == "PERSON"
                    and doc[j].ent_iob_ == "B"
                    and (j + 1 == len(doc) or doc[j + 1].ent_iob_ != "I")
                ):
                    if len(run) == 2 and self._missed_given_names(doc[j]) == run:
                        i = j  # "Kwame Asante | Boakye": the surname's entity takes them
                        continue
                # "(DIG) West Amir Qureshi": the name starts at its first name
                first = next(
                    (k for k, w in enumerate(run) if self._given_name(w)),
                    None,
                )
                if first and len(run) - first >= 2:
                    run, i, t = run[first:], i + first, run[first]
                # "CS Jane Wambui"; not words between two titles ("Deputy Basic Schooling
                # Minister Ann Lee"), which say what the title is of
                after_title = (
                    i > 0
                    and self._is_title_token(doc[i - 1])
                    and not (j < len(doc) and self._is_title_token(doc[j]))
                )
                if run[-1].lower_ in self.lex.institution_words:
                    if j - i >= 2:  # "Lower Lachie Shire", "the Tamsin High Court": a body
                        bodies.append((run, None))
                elif (kind := self._named_kind_after(run, j)) is not None:
                    bodies.append((run, kind))  # "the Unite union": a body, then its kind
                elif (j - i >= 2 and (self._given_name(t) or after_title)) or (
                    j - i <= 3
                    and self._acts_as_person(run)
                    # a subheading's "Setback …" after "its setback in Harbourton": no one
                    and not (j - i == 1 and self._common_word_elsewhere(t))
                ):
                    out.append(run)
                elif 2 <= j - i <= 3 and len(t.text) == 1 and t.is_upper:
                    # "… in the Assembly R Menon said": an initial, a surname; after a title,
                    # an initial the tagger took for an article is the first ("judge A M Rao")
                    if i > 1 and self._is_title_token(doc[i - 2]) and doc[i - 1].text in ("A", "I"):
                        run = [doc[i - 1], *run]
                    out.append(run)
                elif 2 <= j - i <= 3 and self._apposed_to_role(run[-1]):
                    out.append(run)  # "the fisheries minister, Kato Bembe, said"
                i = j
        return out, bodies

    def _with_untagged_given_name(self, toks: list[Token]) -> list[Token]:
        """'Tendai Moyo, Harbour Mining chair,' with only "Moyo" tagged: the capitalised word
        NER left untagged right before the surname, its compound, is the first name."""
        doc = self.ctx.doc
        given = toks[0].i - 1
        if (
            given >= 0
            and doc[given].pos_ == "PROPN"
            and doc[given].is_title
            and doc[given].ent_type_ == ""
            and doc[given].dep_ == "compound"
            and doc[given].head.i == toks[0].i
            and not self._is_title_token(doc[given])
        ):
            return [doc[given], *toks]
        return toks

    def _personal_name_of_a_role(self, toks: list[Token]) -> bool:
        """'an assistant chief state counsel, KA Adebemi,', 'The Director General, Harbour
        Health Agency, Obu Kembeh,': two or three capitalised words (or initials and a surname)
        NER calls an organisation or a place, in apposition to a role, are a person's name
        unless a word of them names an organisation ("Agency")."""
        toks = self._with_initial_before(toks)
        if not 2 <= len(toks) <= 3 or not all(t.is_alpha for t in toks):
            return False
        if not all(t.is_title or t.is_upper and len(t) <= 3 for t in toks[:-1]):
            return False
        if not toks[-1].is_title or any(
            t.lower_ in self.lex.institution_words or self._kind_of_body(t) for t in toks
        ):
            return False
        doc = self.ctx.doc
        k = toks[-1].i + 1
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].is_upper:
            return False  # "Harbour Cricket (HC) chairman": initials in brackets name a body
        if k + 1 < len(doc) and doc[k].text == ",":
            after = doc[k + 1]  # "the Managing Director, Tasman Mills, Mr Ade Bello": the
            if after.ent_type_ == "PERSON" or self.is_honorific(after):  # person comes next
                return False
        return self._apposed_to_role(toks[-1]) or self._title_before_comma(toks) is not None

    def _with_initial_before(self, toks: list[Token]) -> list[Token]:
        """'V Narayan' with only "Narayan" tagged: an untagged initial right before a name
        is part of it."""
        doc = self.ctx.doc
        k = toks[0].i - 1
        if k >= 0 and len(doc[k]) == 1 and doc[k].is_upper and doc[k].ent_type_ == "":
            return [doc[k], *toks]
        return toks

    def _apposed_to_role(self, root: Token) -> bool:
        """A name in apposition to a role word ("the fisheries minister, Kato Bembe,") or
        with one in apposition to it ("Kato Bembe, the minister,")."""
        if root.dep_ == "appos" and self._is_title_token(root.head):
            return True
        if any(c.dep_ == "appos" and self._is_title_token(c) for c in root.children):
            return True
        # "… and former Commissioner for Mines, Tade Oni, have …", the name hung
        # elsewhere: the phrase before its comma is a role's, through its "of" and "for"
        doc = root.doc
        first = root.left_edge.i if root.left_edge.i < root.i else root.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].ent_iob_ == "O":
            first -= 1
        if first < 2 or doc[first - 1].text != "," or root.i + 1 >= len(doc):
            return False
        if doc[root.i + 1].text != ",":
            return False
        word = doc[first - 2]
        for _ in range(8):
            if self._is_title_token(word):
                return True
            if word.dep_ not in ("pobj", "prep", "conj", "cc") or word.head.i >= word.i:
                return False
            word = word.head
        return False

    def _before_a_name(self, word: Token) -> bool:
        """Whether a person's name follows the word, right after it or after title words
        ("Tamsin Senator Edwin Mensah": the word says where the title is held)."""
        doc = self.ctx.doc
        k = word.i + 1
        while k < len(doc) and k - word.i <= 3 and self._is_title_token(doc[k]):
            k += 1
        return k < len(doc) and doc[k].ent_type_ == "PERSON"

    def _acts_as_person(self, toks: list[Token]) -> bool:
        """A short name that NER missed or mislabelled, acting as a person: the subject of an
        action that the next subject, a he/she, takes up ("Okafor spoke from the steps. … he
        said"), or described with an age ("Okafor, 52,") or a role with no article ("Okafor,
        Harbour Mining chairperson,"). An organisation that only "said" is not one."""
        doc = self.ctx.doc
        first, root = toks[0], toks[-1]
        if (
            len(toks) > 3
            or any(t.lower_ in self.lex.institution_words for t in toks)
            or root.dep_ in ("compound", "flat")  # "Bank executives": the name of something
            or first.i > 0
            and (doc[first.i - 1].pos_ in ("DET", "NUM", "ADJ") or doc[first.i - 1].is_quote)
            or self._before_a_name(root)
        ):
            return False
        if any(c.dep_ == "appos" and c.like_num for c in root.children):
            return True
        if any(
            c.dep_ == "appos"
            and c.i > root.i
            and c.tag_ == "NN"
            and self._is_title_token(c)
            and not any(d.dep_ == "det" for d in c.children)
            for c in root.children
        ):
            return True  # "Chihota, Harbour Mining chairperson," described by a role
        if root.dep_ != "nsubj" or root.head.pos_ != "VERB":  # an action, not "X is …"
            return False
        if self.ctx.quoted(root.i):
            return False  # “… I think Tamco will grow,” he said: "he" is who speaks, not Tamco
        for i in range(root.i + 1, min(len(doc), root.i + PRONOUN_PEEK_TOKENS)):
            t = doc[i]
            if t.dep_ in ("nsubj", "nsubjpass") and not self.ctx.quoted(i):
                # the next subject outside quotes takes the name up, or someone else is meant
                return t.lower_ in PERSONAL_PRONOUNS and t.pos_ == "PRON"
        return False

    def _nearest_antecedent(
        self,
        pos: int,
        word: str,
        paragraphs: int = PRONOUN_LOOKBACK_PARAGRAPHS,
        description: bool = False,
    ) -> Entity | None:
        """The entity a pronoun-like word at pos refers to. For "he"/"she": in the nearest
        sentence that names a person of that gender, the most prominent one (`_salience`). For
        "it"/"they": the nearest organisation, else country or group. For a person word with no
        gender ("the nominee", "the Swede"): the nearest person, subjects first, however far
        back within ``paragraphs``. A ``description`` is nobody its own clause names ("the
        nominee did not defend Ruiz") and never the subject of a clause it stands in ("Ann Lee
        advised Bo Ruiz, as the nominee prepares …" is Ruiz): such a person is passed over at
        every mention."""
        gender = PERSONAL_PRONOUNS.get(word)
        doc = self.ctx.doc
        if gender or description:
            asked = self._person_asked_before(pos, gender)
            if asked is not None:
                return asked
        if gender:
            named = self._subject_after_opening_clause(doc[pos], gender)
            if named is not None:
                return named
            earlier = self._same_pronoun_in_opening_clause(doc[pos])
            if earlier is not None:
                return self._nearest_antecedent(earlier.i, word, paragraphs)
        if description:
            barred = self._named_in_clause(doc[pos]) | self._described_by_clause_around(doc[pos])
        elif gender and doc[pos].dep_ in ("nsubj", "nsubjpass"):
            # "He has named Vance as …": a subject he or she is not who its verb names
            barred = self._named_as_argument(doc[pos])
        else:
            barred = set()
        para_limit = self.ctx.token_paragraph[pos] - paragraphs
        # "… Harbour Chamber. CEOs of several firms said … They …": no organisation before them
        people = self._people_subject_before(pos) if word in PLURAL_PRONOUNS else -1
        best: Entity | None = None
        best_rank = best_sentence = best_pos = -1
        org: Entity | None = None  # "it"/"they": the nearest organisation named, not acting
        org_sentence = -1
        k = bisect_left(self._mention_pos, pos)
        pos_sentence = bisect_right(self._sentence_starts, pos)
        walked = 0
        while k > 0 and walked < PRONOUN_LOOKBACK_MENTIONS:
            k -= 1
            walked += 1
            i = self._mention_pos[k]
            if self.ctx.token_paragraph[i] < para_limit:
                break
            ent = self._mention_ent[i]
            if self.ctx.quoted(i):
                continue
            if word in GROUP_PRONOUNS:
                # "it" is an organisation or a country ("France … It said"), "they" an
                # organisation or a group (NORP), never a place ("Leeds" is no "they")
                plural = word in PLURAL_PRONOUNS
                if people > i:
                    return None  # those people, whom the pronoun stands for unnamed
                sentence = bisect_right(self._sentence_starts, i)
                if org is not None and sentence != org_sentence:
                    return org
                if ent.label == "ORG":
                    if plural and pos_sentence - sentence > 1:
                        # "they" far from any body acting: a group named nearer, else people
                        # the article leaves unnamed
                        return best
                    if i in ent.subject_positions:
                        return ent
                    if plural:
                        continue  # "they" is a body that acts, not one only named
                    # "The Court said Bench and Bar must agree, as it stressed …": an
                    # organisation that acts in the nearest sentence naming one, before one
                    # only named there
                    if org is None:
                        org, org_sentence = ent, sentence
                    continue
                if (
                    best is None
                    and ent.label == ("NORP" if plural else "GPE")
                    and doc[i].pos_ != "ADJ"  # "the Syrian ceasefire" names no group that speaks
                ):
                    best = ent  # a country or group, unless an organisation is nearer still
                continue
            if ent.label != "PERSON" or (gender and ent.gender and ent.gender != gender):
                continue
            if description and i in ent.subject_positions and _commands(doc[i], doc[pos]):
                barred.add(id(ent))
            if id(ent) in barred:
                continue
            if gender:
                # he/she: the sentence nearest the pronoun that names someone fitting decides,
                # and in it the most prominent mention
                if doc[i].dep_ == "compound":
                    continue  # "the Ruiz campaign" names Ruiz, but not as someone who acts
                if _in_clause_the_subject_controls(doc[i], doc[pos]):
                    continue  # "Saying Ruiz's return would help, he argued …": not Ruiz
                if self._in_what_the_pronoun_says(doc[i], doc[pos]):
                    continue  # "Harbourton is short of water, he said": what he says
                if not (ent.gender or ent.titles) and (
                    len(ent.tokens) == 1
                    and not (i in ent.subject_positions and self._acts_as_person([doc[i]]))
                    # "Lok Sabha", "Angel Road" tagged a person: no first name, never acts
                    or ent.tokens[0].lower() not in self.lex.first_names
                    and not ent.subject_positions
                ):
                    # "tokens like Cardano": one word NER calls a person, nothing says one (as the
                    # main subject "Okafor spoke … he said" would)
                    continue
                sentence = bisect_right(self._sentence_starts, i)
                if best is not None and sentence != best_sentence:
                    break
                rank = self._salience(i, ent)
                if _subject_of_clause_before(doc[i], doc[pos]):
                    rank = 3  # "As Hale — … Ruiz's … — steps down, he says": Hale
                if best is None or rank > best_rank:
                    best, best_rank, best_sentence, best_pos = ent, rank, sentence, i
                continue
            # a description ("the nominee"): subjects first, however far back
            if i in ent.subject_positions:
                best = ent
                break
            if best is None:
                best = ent
        if org is not None:
            return org
        if gender and best is not None and self._chain_ready:
            carried = self._carried_by_pronoun(pos, word, best_pos, best_rank)
            if carried is not None:
                return carried
        if best is not None and gender and not best.gender:
            best.gender = gender  # learnt: later pronouns of the other gender skip this person
        return best

    def _in_what_the_pronoun_says(self, tok: Token, pron: Token) -> bool:
        """Whether ``tok`` is in the clause before ``pron``'s verb that the verb reports
        ("Harbourton is already short of water, he said"), where nobody is the speaker
        but one the clause itself has say something ("Lee fired back: “…,” he wrote")."""
        if pron.dep_ != "nsubj" or tok.i > pron.i:
            return False
        if any(c.dep_ == "dobj" for c in pron.head.children):
            return False  # "… when she added the words …": what she said is the object
        for clause in pron.head.children:
            if clause.dep_ == "ccomp" and clause.left_edge.i <= tok.i <= clause.right_edge.i:
                verb = climb(tok, NAME_DEPS).head
                # a verb that says something, or opens what follows with a colon
                return not (
                    self.lex.is_cue_verb(verb, "speech")
                    or any(c.text == ":" for c in verb.children)
                )
        return False

    def _subject_after_opening_clause(self, pronoun: Token, gender: str) -> Entity | None:
        """'After he blasted the film, Pastor Tom Reed turned to …': the he or she of a clause
        that opens the sentence is the person named as the subject of the main clause after
        it, when their gender agrees."""
        clause = pronoun.head
        main = clause.head
        if (
            pronoun.dep_ != "nsubj"
            or clause.dep_ != "advcl"
            or clause.left_edge.i != clause.sent.start
            or main.i < clause.i
        ):
            return None
        for c in main.children:
            ent = self._mention_ent.get(c.i) if c.dep_ == "nsubj" and c.i > pronoun.i else None
            if ent is not None and ent.label == "PERSON" and ent.gender in (None, gender):
                return ent
        return None

    @staticmethod
    def _same_pronoun_in_opening_clause(pronoun: Token) -> Token | None:
        """'When he rose to speak after Bell's welcome, he said …': the subject of a clause
        that opens the sentence, the same he or she as the main clause's subject, is the same
        person, so whoever a name between the two is, the main subject is who the first one
        stands for."""
        main = pronoun.head
        if pronoun.dep_ != "nsubj":
            return None
        for clause in main.children:
            if clause.dep_ != "advcl" or clause.i > pronoun.i:
                continue
            if clause.left_edge.i != clause.sent.start:
                continue
            for c in clause.children:
                if c.dep_ == "nsubj" and c.lower_ == pronoun.lower_:
                    return c
        return None

    def _person_asked_before(self, pos: int, gender: str | None) -> Entity | None:
        """'Tom Reed asked Vance how he could still win. He said …': the person someone asks in
        the sentence right before answers, so the he, she or description that speaks first in
        the next sentence is them (`reported.txt` `[asking_verbs]`), not the asker, who is the
        more prominent subject."""
        doc = self.ctx.doc
        tok = doc[pos]
        if tok.dep_ != "nsubj" or not self.lex.is_cue_verb(tok.head, "speech"):
            return None
        k = bisect_right(self._sentence_starts, pos) - 1
        if k < 1 or any(self._mention_ent.get(i) for i in range(self._sentence_starts[k], pos)):
            return None  # someone named before it in its own sentence comes first
        for i in range(self._sentence_starts[k - 1], self._sentence_starts[k]):
            verb = doc[i]
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.asking_verbs:
                continue
            for obj in verb.children:
                asked = self.by_token.get(obj.i) if obj.dep_ == "dobj" else None
                if (
                    asked is not None
                    and asked.label == "PERSON"
                    and not self.ctx.quoted(obj.i)
                    and not (gender and asked.gender and asked.gender != gender)
                ):
                    return asked
        return None

    def _people_subject_before(self, end: int) -> int:
        """The nearest plural subject before ``end`` (at most 59 tokens back) that names people
        by what they are ("CEOs", "officials", "residents"), else -1: "they" after it is those
        people, not an organisation named before them."""
        doc = self.ctx.doc
        for i in range(end - 1, max(-1, end - 60), -1):
            tok = doc[i]
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.tag_ in ("NNS", "NNPS")
                and not self.ctx.quoted(i)
                and (
                    tok.lemma_.lower() in self.lex.title_words
                    or self.lex.nominal_heads.get(tok.lemma_.lower()) == "PERSON"
                )
            ):
                return i
        return -1

    def _carried_by_pronoun(
        self, pos: int, word: str, named: int, named_rank: int
    ) -> Entity | None:
        """'Gita Rao complained … She was angry that Commissioner Iyer had skipped it. She
        noted …': the same pronoun as the main subject after the name ``named`` (or before it
        in its sentence, where the name is less prominent, or anywhere before when the name
        stands less prominently in the pronoun's own sentence) carries whoever it stood for."""
        chain = self._subject_pronoun_chain()
        doc = self.ctx.doc
        # "The inquiry into Omar's case is nearly done, he said": a name standing less
        # prominently in the pronoun's own sentence, what it reports, breaks no chain
        reported = named_rank < 2 and self._in_what_is_said(doc[named], doc[pos].head)
        k = bisect_left(chain, pos) - 1
        while k >= 0:
            p = chain[k]
            if (
                p < named
                and not reported
                and (named_rank >= 2 or any(t.text in (".", "!", "?") for t in doc[p:named]))
            ):
                return None
            if doc[p].lower_ == word:
                if p not in self._pronoun_memo:
                    # earlier links first, in order, so that no chain recurses deeply
                    for q in chain[: k + 1]:
                        if q not in self._pronoun_memo:
                            self._pronoun_memo[q] = None  # guards against a cycle
                            self._pronoun_memo[q] = self._nearest_antecedent(
                                q, self.ctx.doc[q].lower_
                            )
                return self._pronoun_memo[p]
            k -= 1
        return None

    @staticmethod
    def _in_what_is_said(tok: Token, verb: Token) -> bool:
        """Does ``tok`` stand in what ``verb`` reports: its clausal complement ("he said the
        inquiry into Omar's case …"), or the clause it is hung on ("The inquiry into Omar's
        case is nearly done, he said")?"""
        top = verb.head if verb.dep_ in ("parataxis", "ccomp") else None
        cur = tok
        while cur.head.i != cur.i:
            if cur.dep_ == "ccomp" and cur.head.i == verb.i:
                # not that clause's own subject: "Lee fired back: '…,' he wrote" is Lee's
                return not (tok.head.i == cur.i and tok.dep_ in ("nsubj", "nsubjpass"))
            if top is not None and cur.head.i == top.i:
                return cur.dep_ not in ("nsubj", "nsubjpass")  # not that clause's subject
            cur = cur.head
        return False

    def _subject_pronoun_chain(self) -> list[int]:
        """Positions of "he"/"she" as the subject of a main clause, outside quotes."""
        if self._subject_pronouns is None:
            doc = self.ctx.doc
            strings = doc.vocab.strings
            arr = doc.to_array([LOWER, DEP])
            pronoun = (arr[:, 0] == strings.add("he")) | (arr[:, 0] == strings.add("she"))
            subject = (arr[:, 1] == strings.add("nsubj")) | (arr[:, 1] == strings.add("nsubjpass"))
            self._subject_pronouns = [
                int(i)
                for i in numpy.flatnonzero(pronoun & subject)
                if not self.ctx.quoted(int(i))
                and (
                    doc[int(i)].head.dep_ == "ROOT"
                    or doc[int(i)].head.dep_ == "conj"
                    and doc[int(i)].head.head.dep_ == "ROOT"
                )
            ]
        return self._subject_pronouns

    def _salience(self, i: int, ent: Entity) -> int:
        """How prominent a mention is in its sentence: the speaker of a quote found there (3),
        the subject of the main clause (2), the subject of another clause (1), anything else
        (0)."""
        if i not in ent.subject_positions:
            return 0
        if i in self.speaking_positions:
            return 3  # "Lee was backed by Ann Hale, who said …": the speaker of the speech act
        tok = self.ctx.doc[i]
        verb = (_subject_named_at_end(climb(tok, NAME_DEPS)) or tok).head
        main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
        return 2 if main else 1

    def _named_as_argument(self, pronoun: Token) -> set[int]:
        """Whoever the verb of a subject he or she names after it as its object ("He praised
        Vance") or as the subject of its complement ("He has named Vance to be …"): never the
        he or she. A name deeper in what is said may be ("He says the organisers blamed
        Vance's microphone")."""
        out: set[int] = set()
        for c in pronoun.head.children:
            if c.i < pronoun.i:
                continue
            if c.dep_ in ("dobj", "dative"):
                args = [c]
            elif c.dep_ in ("ccomp", "xcomp"):
                args = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            else:
                continue
            out.update(
                id(ent)
                for a in args
                if a.pos_ == "PROPN"  # a name, not "she" ("She said she recalls …")
                for ent in [self._mention_ent.get(a.i)]
                if ent
            )
        return out

    def _named_in_clause(self, head: Token) -> set[int]:
        """Everyone named in the clause of ``head`` outside its own phrase (not in a conjoined
        clause: "… defend Ruiz, and it is not clear whether Lee knew" names only Ruiz; not in
        a clause before it, which may name the same person first; not a name beside it in
        the same role, its apposition misparsed)."""
        own = range(head.left_edge.i, head.right_edge.i + 1)
        out: set[int] = set()
        stack = [head.head]
        while stack:
            t = stack.pop()
            ent = self._mention_ent.get(t.i)
            if ent is not None and t.i not in own:
                out.add(id(ent))
            stack.extend(
                c
                for c in t.children
                if c.dep_ not in ("conj", "parataxis", "cc", "appos")
                and not (t.i == head.head.i and c.dep_ == head.dep_)  # "Ban, the chief, vowed"
                and not (c.dep_ == "advcl" and c.i < head.i)  # "As Ruiz left, the nominee …"
            )
        return out

    def _described_by_clause_around(self, head: Token) -> set[int]:
        """Whoever a relative clause or participle holding ``head`` describes: in "Dina Moss,
        who leads the governor's youth coalition," the governor is not Moss."""
        out: set[int] = set()
        in_clause = False
        cur = head
        while cur.head.i != cur.i:
            in_clause = in_clause or cur.dep_ in ("relcl", "acl")
            cur = cur.head
            ent = self._mention_ent.get(cur.i)
            if in_clause and ent is not None:
                out.add(id(ent))
        return out

    def _organisation_words(self, name: str) -> frozenset[str]:
        """The words of where a title is held, with the initials it may go by: "the HCDC
        boss" is the Director General of Harbour Centre for Disease Control."""
        key = "@" + name  # cached beside the titles' words
        cached = self._title_word_cache.get(key)
        if cached is None:
            initials = {k.lower() for k in _initials_of(tuple(name.split()))}
            cached = self._title_word_cache[key] = self._title_words(name) | initials
        return cached

    def _title_words(self, title_text: str) -> frozenset[str]:
        """The words a title can be matched on, computed once per title text."""
        cached = self._title_word_cache.get(title_text)
        if cached is None:
            seq = [w.lower().strip(".,") for w in title_text.split()]
            # "Prime Minister" is no "minister" a bare "the minister" stands for, nor a "Vice
            # President" "the president" (`titles.txt` `[whole_roles]`)
            whole = self.lex.whole_roles
            inside = {k + 1 for k in range(len(seq) - 1) if f"{seq[k]} {seq[k + 1]}" in whole}
            words = {w for k, w in enumerate(seq) if k not in inside}
            # "Prime Minister" matches "the premier", "Secretary General" "the party leader":
            # roles.txt lists roles of two and three words
            words |= {" ".join(seq[k : k + n]) for n in (2, 3) for k in range(len(seq) - n + 1)}
            words |= {w.removesuffix("'s").removesuffix("’s") for w in words}
            words |= {part for w in words if "-" in w and w not in whole for part in w.split("-")}
            for w in list(words):  # "Sen." matches "the senator", "Gov." "the governor"
                words |= self._abbreviation_words.get(w, set())
                # "the GOP nominee" is the Republican nominee (`[party_synonyms]`)
                words |= self.lex.party_synonyms.get(w, frozenset())
            cached = self._title_word_cache[title_text] = frozenset(words)
        return cached

    def in_headline(self, tok: Token) -> bool:
        """Is ``tok`` in a headline or the subhead under it: one of the first two paragraphs,
        each as short as a headline, with more after them."""
        return self._headline_paragraph(self.ctx.token_paragraph[tok.i])

    def _headline_paragraph(self, para: int) -> bool:
        paragraphs = self.ctx.paragraphs
        return (
            para <= HEADLINE_PARAGRAPHS - 1
            and len(paragraphs) > para + 1
            and all(end - start <= HEADLINE_CHARS for start, end in paragraphs[: para + 1])
        )

    def lede_speaker(self, head: Token) -> Entity | None:
        """The person the first paragraph under a headline has speak ("Coun. Ann Lee says
        …"): whom the headline's role ("TTC chair says") stands for when no title the cast
        holds matches it."""
        body = self.ctx.token_paragraph[head.i] + 1
        while self._headline_paragraph(body):
            body += 1  # past the subhead
        found: tuple[int, Entity] | None = None
        for ent in self.entities:
            if ent.label != "PERSON":
                continue
            for i in ent.subject_positions:
                tok = self.ctx.doc[i]
                if self.ctx.token_paragraph[i] == body and self.lex.is_cue_verb(tok.head):
                    if found is None or i < found[0]:
                        found = (i, ent)
        return found[1] if found is not None else None

    def _refers_back(self, head: Token, before: list[Token]) -> bool:
        """Do the words before a description's noun make it someone already named: "the",
        "this", "its", no article at all ("Harbour Health Minister said"), or "a" with how they
        felt ("a clearly disappointed Premier said"); never "one" or "another" otherwise?"""
        if any(t.lower_ in DEFINITE or t.lower_ == "its" for t in before):
            return True  # "the minister", "its chief executive"
        if before and before[0].lower_ in INDEFINITE:
            # someone new ("said one unaligned strategist", where spaCy makes "one" a number,
            # not an article), unless the words say how they felt ("a clearly upset Premier")
            return any(t.lower_ in self.lex.mood_words for t in before[1:])
        if any(
            t.text in POSSESSIVE
            and t.i > 0
            and t.nbor(-1).pos_ == "PROPN"
            and not self.names_person(t.i - 1)  # not "Tom Hale's lawyer": someone new
            for t in before
        ):
            return True  # "Ghana's trade minister", "Harbour Rovers' coach": whose, named before
        if (
            head.tag_ in ("NN", "NNP")
            and self._is_title_token(head)
            and not any(t.dep_ in ("det", "poss") for t in before)
        ):
            return True  # "Harbour Health Minister said": the article left out, as in wire copy
        if (
            head.lemma_.lower() in self.lex.named_by_head
            and not any(t.dep_ in ("det", "poss") for t in before)
            and head.tag_ in ("NN", "NNS")
        ):
            return True  # "police said": the force the article named ("Portvale Police Service")
        return False

    def holder_of_initials(self, initials: str) -> Entity | None:
        """The one person a title of whom these are the initials ("CPRO": "the line's Chief Public
        Relations Officer"; the words of its owner and "of", "and" give none)."""
        found: list[Entity] = []
        for ent in self.entities:
            if ent.label != "PERSON":
                continue
            for title_text, _ in ent.titles_held:
                words = title_text.replace("’", "'").split()
                owned = [k for k, w in enumerate(words) if w.endswith("'s")]
                words = words[owned[-1] + 1 :] if owned else words
                letters = "".join(w[0] for w in words if w.lower() not in TITLE_GLUE)
                if len(words) > 1 and letters.upper() == initials:
                    found.append(ent)
                    break
        return found[0] if len(found) == 1 else None

    def _named_of_a_kind(self, ent: Entity) -> bool:
        """Does an organisation's name say what kind of body it is, by its head word
        (`[named_by_head]`, "Ministry of Trade", "Coastal Dockers Union") or a word that names
        one of those kinds (`[name_words]`, "Harbour Transport Workers of Tamsin")?"""
        return title_head(ent.name) in self.lex.body_kind_words

    def _person_owner(self, before: list[Token]) -> str | None:
        """The surname of a person a description is owned by ("Tom Hale's lawyer": "hale")."""
        for t in before:
            if t.text in POSSESSIVE and t.i > 0 and self.names_person(t.i - 1):
                return t.nbor(-1).lower_
        return None

    def _organisation_described(self, description: Span) -> str | None:
        ent = self.resolve_nominal(description)
        return ent.name if ent is not None and ent.label == "ORG" else None

    def resolve_nominal(self, mention: Span, ahead: bool = False) -> Entity | None:
        """'the Swedish envoy' -> the person whose title matches role and modifiers.
        ``ahead``: a headline's description with no article ("Former Port Chairman Says …"),
        the one the body names next with a title that matches."""
        head = mention.root
        # "the CM", "the PM": an abbreviated title tagged as a proper noun
        abbreviated = head.pos_ == "PROPN" and head.is_upper and head.text in self.lex.abbreviations
        # "The Mayor said": a capitalised role word, tagged as a proper noun
        capitalised_role = head.pos_ == "PROPN" and head.is_title and self.lex.is_title_word(head)
        # "the prime minister" with "minister" tagged a proper noun: lower case says common
        common = head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.is_lower
        # "the tactician asked", "the Trust's director-general has said", with the head
        # tagged an adjective: a subject with an article or an owner is a noun whatever its tag
        common = common or (
            head.pos_ == "ADJ"
            and head.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ in ("det", "poss") for c in head.children)
        )
        # "The Court noted": a kind of body, capitalised as a name but naming none
        common = common or head.pos_ == "PROPN" and self._kind_alone(head)
        if not common and not abbreviated and not capitalised_role:
            return None
        words_before = [t for t in mention if t.i < head.i]
        # "Hale's lawyer": someone new, unless the article named Hale's lawyer before
        # ("A lawyer for Hale, Ivo Dent,"): then only a title naming Hale matches
        owner = self._person_owner(words_before)
        if not ahead and owner is None and not self._refers_back(head, words_before):
            return None  # "a spokesman" introduces someone new; only "the …" refers back
        lemma = head.lemma_.lower()
        roles = self.lex.roles_of(lemma) | self.lex.roles_of(head.lower_)
        modifiers = {
            t.lower_
            for t in mention
            if t.i < head.i and not t.is_stop and t.is_alpha and not _says_where_based(t)
        }
        owner_end = max(
            (t.i for t in mention if t.i < head.i and t.text in ("'s", "’s")), default=-1
        )
        # "the Florida senator" must match Florida and "the vice presidential nominee" vice;
        # "the first-term senator" need not match "first" and "term", which say how, not which
        naming = {
            t.lower_
            for t in mention
            if t.i < head.i
            and t.is_alpha
            and not t.is_stop
            and (t.is_title or t.is_upper or self.lex.is_title_word(t))
            # "Harbour Police's deputy commissioner": whose, not which commissioner
            and t.i > owner_end
            and not _says_where_based(t)
        }
        if ahead:  # "Tamsin central bank governor says" in a headline: the place says where,
            # which the body may say only through the bank's name
            naming -= {t.lower_ for t in mention if t.ent_type_ in ("GPE", "NORP")}
        # "the software company", "the market regulator": words that say what kind of body,
        # not which; a name's words and "rival", "parent" must still match
        binding = (naming | self.lex.contrast_words) & modifiers
        want_label = self.lex.nominal_heads.get(lemma)
        trading = lemma in self.lex.trading_words
        if abbreviated:
            want_label = "PERSON"
        expansion = self._abbreviation_words.get(head.lower_, set())
        # "the prime minister": a whole role of two words (`[whole_roles]`) is matched whole
        before = mention.doc[head.i - 1] if head.i > mention.start else None
        paired = f"{before.lower_} {head.lower_}" if before is not None else ""
        listed = (
            want_label == "PERSON"
            or want_label is None
            and bool(roles or self.lex.is_title_word(head) or abbreviated)
        )
        # "the retired neurosurgeon" after "Retired neurosurgeon Ola Brandt": a noun the lists
        # do not hold names a person only as the head word of a title the article gave them
        unlisted = want_label is None and head.pos_ == "NOUN" and lemma not in self.lex.not_people
        best: tuple[int, bool, int] | None = None
        chosen: Entity | None = None
        loose_best: tuple[bool, int, int] | None = None
        loose_chosen: Entity | None = None
        for ent in self.entities:
            if ahead:
                k = bisect_right(ent.positions, head.i)
                if k == len(ent.positions):
                    continue
                last = -ent.positions[k]  # the nearer after, the better
            else:
                found = ent.last_before(head.i)
                if found is None or head.i - found > NOMINAL_LOOKBACK_TOKENS:
                    continue
                last = found
            points = 0
            if ent.label == "NORP" and all(
                mention.doc[p].pos_ == "ADJ" or mention.doc[p].dep_ in ("amod", "compound")
                for p in ent.positions
            ):
                # "progressive and Muslim organizations … the groups", "Muslim Americans": a
                # word that only ever modifies another names no group that speaks
                continue
            if ent.label != "PERSON" and owner is None:
                name_words = {w.lower() for w in ent.tokens}
                if trading and self._named_of_a_kind(ent):
                    continue  # "the company" is no "Coastal Workers Union", no "Ministry of …"
                if want_label is not None and want_label == speaking_label(ent.label):
                    named = (
                        lemma in name_words
                        or head.lower_ in name_words
                        or not self.lex.name_words.get(lemma, frozenset()).isdisjoint(name_words)
                    )
                    if modifiers <= name_words and (named or lemma not in self.lex.named_by_head):
                        points = 2 if named else 1
                    elif binding <= name_words and lemma not in self.lex.named_by_head:
                        # only of its kind: the body the article is most about
                        loose = (bool(ent.subject_positions), len(ent.positions), last)
                        if loose_best is None or loose > loose_best:
                            loose_best, loose_chosen = loose, ent
                    for title_text, _ in ent.titles_held:
                        # "the supermarket group" after "supermarket group Morriston": the
                        # kind of body the article said it is
                        words = self._title_words(title_text) | name_words
                        if (lemma in words or head.lower_ in words) and modifiers <= words:
                            points = max(points, 3 + len(modifiers & words))
            elif (listed or unlisted) and head.tag_ != "NNS":
                # "the lawyers": many; "the gallery" is no one's role
                for title_text, held_at in ent.titles_held:
                    if not listed and title_head(title_text) != head.lower_:
                        continue  # "the neurosurgeon": what a title is, if not a listed role
                    words = self._title_words(title_text) | self._organisation_words(held_at)
                    words |= ent.descriptors
                    if owner is not None and owner not in words:
                        continue  # "Hale's lawyer" is a lawyer the article said is Hale's
                    exact = head.lower_ in words or lemma in words or paired in words
                    role_hit = (
                        exact
                        or (abbreviated and expansion <= words)
                        or any(roles & self.lex.roles_of(w) for w in words)
                    )
                    if role_hit and naming <= words:
                        # "the minister" is rather the "Agriculture Minister" than the
                        # "Agriculture Secretary" beside him: the word itself over a synonym
                        points = max(points, 2 + len(modifiers & words) + exact)
                    elif naming and naming <= words and lemma in self.lex.vague_heads:
                        # "the CBK boss": a word for leading that names no post, of the body a
                        # title names; below any title whose role matches
                        points = max(points, 1)
            if points:
                # an organisation that acts in the article (a subject) before one only named
                score = (points, ent.label == "PERSON" or bool(ent.subject_positions), last)
                if best is None or score > best:
                    best, chosen = score, ent
        if chosen is None:
            chosen = loose_chosen
        if chosen is None and not ahead and not modifiers and lemma in self.lex.player_words:
            # "the midfielder said": sports copy names a player once, then says what they play
            return self._nearest_antecedent(head.i, "")
        return chosen
