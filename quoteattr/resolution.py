"""Speaker resolution: mention -> named person or organisation, with title and affiliation.

Works from the document alone: names found by NER (corrected where the small model is wrong),
surnames linked to the fullest earlier name, pronouns to the nearest compatible named speaker,
and nominals ("the Swedish envoy") to the entity whose title matches. Everything a rule looks
up (mentions by position, names by surname, entities by character offset) is indexed once per
document, so each quote costs a bisect and a short walk, never a scan over the whole text.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Span, Token

from quoteattr.attribution import age_word, mention_span, relative_antecedent
from quoteattr.context import DocContext, Draft
from quoteattr.types import Mention, Quote, SpeakerSummary

PERSONAL_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
SINGULAR_GROUP_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "we", "us", "our"})
GROUP_PRONOUNS = SINGULAR_GROUP_PRONOUNS | PLURAL_PRONOUNS
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
LEADING_NON_TITLE = frozenset(
    {"CCONJ", "SCONJ", "ADP", "ADV", "INTJ", "NUM", "PRON", "PART", "DET", "PUNCT"}
)
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})  # "…, which represents …" is no title
COMPLEMENT_PREPS = frozenset({"of", "to", "for", "at", "from", "in", "on", "with"})
TITLE_GLUE = frozenset({"of", "to", "for", "the", "and", "on", "in", "at", "'s", "’s", "-", "&"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
DEFINITE = frozenset({"the", "this", "that"})
# Last words of institution names, which NER's ORG spans keep even when a title word starts them
INSTITUTION_WORDS = frozenset(
    """college university school hospital institute museum church cathedral foundation academy
    clinic centre center library trust council court""".split()
)
# Organisations whose names carry their kind ("Ministry of Health", "Leeds City Council"): "the
# ministry" refers only to one so named, while "the company" may be any company.
NAMED_BY_HEAD = frozenset(
    """ministry department university college hospital court tribunal council commission
    committee agency party union church embassy consulate parliament senate congress assembly
    institute foundation association club police army navy bureau office""".split()
)
# "her landlord, Victor Hale" -> title "landlord": the possessive says whose, not what.
TITLE_DROP = DETERMINERS | {"his", "her", "my", "our", "your"}
POSSESSIVE = ("'s", "’s", "'", "’")
# "the envoy" refers to someone mentioned within about two articles' length, not further:
# the bound keeps resolution linear in document length
NOMINAL_LOOKBACK_TOKENS = 3000
PRONOUN_LOOKBACK_PARAGRAPHS = 4
PRONOUN_LOOKBACK_MENTIONS = 40  # a bound on the walk back, so one pronoun never costs O(doc)
TITLE_MAX_TOKENS = 16
TITLE_WEIGHT_CAP = 6
TITLE_BREAKS = frozenset({"--", "—", "–", "(", "[", ";"})  # a title ends before these
# "The Republican nominee" refers to someone named in its own or the previous paragraph
NOMINAL_TITLE_PARAGRAPHS = 2
PRONOUN_PEEK_TOKENS = 60  # how far after a surname-only mention its gender is looked for
AFFILIATION_RANK = {"ORG": 0, "GPE": 1, "NORP": 2}


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


def _name_kind(label: str) -> str:
    """NER gives one name different group labels in one article ("Tesco" ORG, then GPE): the
    same name of an organisation, place or group is one entity, labelled as first seen."""
    return "GROUP" if label in ("ORG", "GPE", "NORP", "FAC", "LOC") else label


def _possessor_only(toks: list[Token], head: Token) -> bool:
    """Is the name only the possessor of the mention's head noun ("Malhotra's brother")?"""
    if head.pos_ != "NOUN" or any(t.i == head.i for t in toks):
        return False
    owners = [c for c in head.children if c.dep_ == "poss"]
    return any(all(o.left_edge.i <= t.i <= o.i for t in toks) for o in owners)


# Positions and epithets sports copy uses for a player it has already named.
PLAYER_WORDS = frozenset(
    """midfielder striker defender goalkeeper keeper forward winger fullback halfback
    quarterback pitcher batsman batter bowler wicketkeeper all-rounder playmaker centre-back
    youngster teenager veteran rookie debutant""".split()
)


def descriptor_anaphor(mention: Span) -> bool:
    """Is the mention a description by age or nationality alone ("the 34-year-old", "the
    Swede", "the 34-year-old striker")? Writers use these only for someone already named."""
    toks = [t for t in mention if not t.is_space]
    before = mention.doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.lower_ in ("a", "an", "another", "one"):
        return False  # "a 19-year-old student" introduces someone new
    if toks and toks[0].lower_ in DEFINITE:
        toks = toks[1:]
    if not toks:
        return False
    if len(toks) == 5 and age_word(toks[-1]):
        return True  # "the 34-year-old" (five tokens to spaCy)
    if len(toks) >= 6 and age_word(toks[4]) and toks[-1].pos_ == "NOUN":
        return True  # "the 34-year-old striker"
    head = toks[-1]
    return (
        len(toks) == 1
        and mention[0].lower_ in DEFINITE
        and head.ent_type_ == "NORP"
        and head.is_title
        and not head.text.endswith("s")
    )


@dataclass(frozen=True)
class TitleRef:
    """A title as the article gives it, where it starts, and the organisation/country it names."""

    start: int
    text: str
    affiliation: str | None = None
    role: bool = True  # headed by a listed role ("nominee"), not only a description ("woman")


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
    title_texts: dict[str, None] = field(default_factory=dict)  # distinct titles, first first
    _title_starts: list[int] = field(default_factory=list, repr=False)

    def add_title(self, title: TitleRef) -> None:
        k = bisect_left(self._title_starts, title.start)
        if k < len(self.titles) and self._title_starts[k] == title.start:
            return
        self.titles.insert(k, title)
        self._title_starts.insert(k, title.start)
        self.title_texts.setdefault(title.text, None)

    def best_title(self) -> TitleRef | None:
        """The most specific title the article gives: most words that say what and where
        ("Connecticut's tax commissioner" over "commissioner"), the first given on a tie, so a
        later short form ("Councillor Hart") never replaces a fuller one."""
        best: TitleRef | None = None
        for title in self.titles:
            if best is None or title_weight(title) > title_weight(best):
                best = title
        return best

    def last_before(self, i: int) -> int | None:
        k = bisect_left(self.positions, i)
        return self.positions[k - 1] if k else None


def _inside_modifier(tok: Token, head: Token) -> bool:
    """Whether tok hangs on head through a preposition or a clause ("adviser to Ed Vance",
    "a veteran of the Rules Committee") rather than naming head itself."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in ("pobj", "prep", "relcl", "acl", "advcl", "ccomp", "appos"):
            return True
        tok = tok.head
    return False


def _describes(head: Token) -> bool:
    """A singular common noun with an article or a complement, in apposition to a name, says
    what the person is ("a property developer", "the group's treasurer", "curator of the
    Harbour Museum"), whether or not titles.txt lists it."""
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and any(
            c.dep_ in ("det", "poss") or c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS
            for c in head.children
        )
    )


def title_weight(title: TitleRef) -> int:
    """How much a title says: its content words (up to a point: a longer phrase is more often
    a clause than a title), one more when a listed role heads it ("nominee" over "woman")."""
    words = [w for w in title.text.lower().split() if w not in TITLE_GLUE and w not in TITLE_DROP]
    return min(len(words), TITLE_WEIGHT_CAP) + title.role


STANCE_PREFIXES = frozenset({"pro", "anti", "non", "ex", "post", "pre", "neo", "mid"})


def _clean_name(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    # "pro-Clinton", "anti-Trump": NER keeps the prefix; the name is what follows the hyphen
    while len(tokens) > 2 and tokens[0].lower_ in STANCE_PREFIXES and tokens[1].text == "-":
        tokens = tokens[2:]
    return _strip_tail(tokens)


def _strip_tail(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list[Token] | Span) -> str:
    """The words as written (original spacing folded), not the tokens joined."""
    if not len(tokens):
        return ""
    first, last = tokens[0], tokens[-1]
    if last.i - first.i + 1 != len(tokens):  # a nickname left out: "Marta Reyes"
        return " ".join(t.text for t in tokens)
    # A Span's text, not doc.text sliced: doc.text rebuilds the whole string on every call.
    return " ".join(first.doc[first.i : last.i + 1].text.split())


def _abbreviation_words(abbreviations: dict[str, str]) -> dict[str, set[str]]:
    """'Sen.' -> {'senator'}: the words of each expansion, keyed as titles are split below."""
    out: dict[str, set[str]] = {}
    for abbrev, expansion in abbreviations.items():
        key = abbrev.lower().strip(".,")
        out.setdefault(key, set()).update(expansion.lower().split())
    return out


def is_pronoun(tok: Token) -> bool:
    """he/she/it/they and kin; "US" (the country) is not "us"."""
    word = tok.lower_
    return (word in PERSONAL_PRONOUNS or word in GROUP_PRONOUNS) and not tok.is_upper


def _speaking_label(label: str) -> str:
    # A nationality or party speaking ("Democrats said") is a group, reported as an organisation.
    return "ORG" if label == "NORP" else label


class SpeakerResolver:
    """Builds the entity table for one document and resolves each quote's mention against it."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.lex = ctx.lexicon
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        self.resolved: dict[int, Entity] = {}  # id(draft) -> entity
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}  # full names by first word ("Keir")
        self._by_name: dict[tuple[str, str], Entity] = {}
        self._mention_pos: list[int] = []  # sorted head positions of every entity mention
        self._mention_ent: dict[int, Entity] = {}
        ents = [e for e in ctx.doc.ents if e.label_ in AFFILIATION_RANK]
        self._aff_starts = [e.start_char for e in ents]
        self._aff_ents = ents
        self._abbreviation_words = _abbreviation_words(self.lex.abbreviations)
        self._title_word_cache: dict[str, frozenset[str]] = {}
        self._nominal_links: dict[int, Entity] = {}  # head of "the nominee" -> who it is
        self._collect_entities()

    # --- building the entity table -----------------------------------------------------------

    def person_tokens(self, span: Span | list[Token]) -> list[Token] | None:
        """The personal-name part of a name-like span ("the UN Grace Mutua" -> Grace Mutua)."""
        toks = self._personal_name(_clean_name(list(span)))
        while toks and (
            self._is_title_token(toks[0])
            or (toks[0].is_upper and len(toks[0]) > 1)
            or toks[0].text in self.lex.honorifics
            or toks[0].lower_ in TITLE_GLUE
            or toks[0].text == "."
        ):
            toks = toks[1:]
        # "Kenya Lars Holm", "Harbour Master Ines Carvalho": a name starts at its first name
        firsts = [i for i, t in enumerate(toks) if t.lower_ in self.lex.first_names]
        if firsts and 0 < firsts[0] < len(toks) - 1:
            toks = toks[firsts[0] :]
        if not toks or not all(t.is_title or t.text in ("-", ".") or "." in t.text for t in toks):
            return None
        return toks

    def _is_title_token(self, tok: Token) -> bool:
        """A title word, or an abbreviation the tokenizer split from its dot ("Det" ".")."""
        if self.lex.is_title_word(tok):
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.text == "." and tok.text + "." in self.lex.abbreviations

    def _looks_personal(self, toks: list[Token], had_prefix: bool) -> bool:
        first = toks[0]
        if self.lex.gender_of_first_name(first.text) or first.lower_ in self.lex.first_names:
            return True
        prev = first.nbor(-1) if first.i > 0 else None
        return had_prefix or (
            prev is not None and (self.lex.is_title_word(prev) or prev.text in self.lex.honorifics)
        )

    def _with_missed_first_name(self, span: Span) -> list[Token]:
        """NER's 'Diaz' in 'Ana Diaz': a capitalised proper noun right before a person's name,
        in no entity and no title, is the first part of that name."""
        toks = list(span)
        doc = span.doc
        i = span.start - 1
        while (
            i >= 0
            and doc[i].pos_ == "PROPN"
            and doc[i].is_title
            and doc[i].ent_iob_ == "O"
            and doc[i].dep_ == "compound"
            and span.start <= doc[i].head.i < span.end
            and not self._is_title_token(doc[i])
            and doc[i].text not in self.lex.honorifics
            and not self.ctx.quoted(i)
        ):
            toks.insert(0, doc[i])
            i -= 1
        return toks

    def _personal_name(self, tokens: list[Token]) -> list[Token]:
        """A person's name ends before a verb or a lower-case word that is no name particle:
        NER's "Obama Says" (a headline) is Obama, "Trump accused Holt" is Trump. A nickname in
        quote marks is left out: 'Marta "Bunny" Reyes' is Marta Reyes."""
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
                return _strip_tail(tokens[:k])
        return tokens

    def _name_from_span(self, span: Span, label: str) -> tuple[list[Token], str] | None:
        if label == "PERSON":
            whole = self._with_missed_first_name(span)
            cleaned = self._personal_name(_clean_name(whole))
            if cleaned and self._is_title_token(cleaned[-1]):
                return None  # "Det" or "Charlotte Mayor" tagged PERSON: a title, not a name
            person = self.person_tokens(whole) or cleaned
            return (person, "PERSON") if person else None
        cleaned = _clean_name(list(span))
        if any(t.text in POSSESSIVE for t in cleaned) or (
            cleaned and cleaned[-1].lower_ in INSTITUTION_WORDS
        ):
            return cleaned, label  # "King's College London", "Mount Sinai Hospital": a place
        toks = self.person_tokens(span)
        stripped = cleaned[: len(cleaned) - len(toks)] if toks else []
        titled = any(self._is_title_token(t) or t.text in self.lex.honorifics for t in stripped)
        if toks and len(toks) >= 2 and self._looks_personal(toks, titled):
            return toks, "PERSON"  # "US Ambassador Grace Mutua" tagged ORG, not "US Air Force"
        if toks and len(toks) == len(cleaned) and toks[-1].lower_ in self._by_surname:
            return toks, "PERSON"  # "Reyes" tagged ORG after "Daniel Reyes" was seen
        return (cleaned, label) if cleaned else None

    def _honorific_gender(self, toks: list[Token]) -> str | None:
        prev = toks[0].nbor(-1) if toks[0].i > 0 else None
        if prev is not None and prev.text in self.lex.honorifics:
            g = self.lex.honorifics[prev.text]
            return g if g in ("f", "m") else None
        return None

    def _index_first_name(self, ent: Entity) -> None:
        known = self._by_first.setdefault(ent.tokens[0], [])
        if len(ent.tokens) > 1 and not any(e is ent for e in known):
            known.append(ent)

    def _by_first_name(self, word: str, first: Token) -> Entity | None:
        """ "Sir Keir" after "Keir Starmer", "Hillary" after "Hillary Clinton": a lone first name
        is the one known person with that first name (after Sir/Dame, whatever the others)."""
        prev = first.nbor(-1) if first.i > 0 else None
        titled = prev is not None and prev.text in ("Sir", "Dame")
        people = [e for e in self._by_first.get(word, []) if e.tokens[0] == word]
        if len(people) == 1 or (titled and people):
            return max(people, key=lambda e: e.positions[-1] if e.positions else -1)
        return None

    def _entity_for(self, toks: list[Token], label: str) -> Entity:
        # the words a name is matched on: "O’Neill" is "O'Neill", "Joseph Biden Jr." is found
        # as "Biden" (a generational suffix is no surname)
        words = tuple(t.text.replace("’", "'") for t in toks if t.text not in (".",))
        while len(words) > 1 and words[-1].lower() in self.lex.name_suffixes:
            words = words[:-1]
        name = _text(toks)
        if label == "PERSON":
            same_surname = self._by_surname.get(words[-1].lower(), [])
            # A partial name ("Lopez") is the most recently mentioned fuller name that contains
            # it; with two Lopezes, an honorific's gender picks between them.
            # a transcript label or a shouted headline ("WALLACE") matches "Chris Wallace"
            shown = {w.title() if w.isupper() and len(w) > 1 else w for w in words}
            partial = [e for e in same_surname if shown <= set(e.tokens)]
            gender = self._honorific_gender(toks)
            if gender and len(partial) > 1:
                partial = [e for e in partial if e.gender in (gender, None)] or partial
            if partial:
                return max(partial, key=lambda e: e.positions[-1] if e.positions else -1)
            first_gender = self.lex.gender_of_first_name(words[0]) if len(words) > 1 else None
            for ent in same_surname:
                if first_gender and not ent.gender and ent.positions:
                    ent.gender = self._pronoun_gender_after(ent.positions[-1], toks[0].i)
                if set(ent.tokens) <= set(words) and not (
                    first_gender and ent.gender and ent.gender != first_gender
                ):  # a fuller name for a person seen by surname, unless "he" was Mr. Obama
                    ent.name, ent.tokens = name, words  # and this is Michelle Obama
                    self._index_first_name(ent)
                    return ent
            if len(words) == 1 and not same_surname:
                known = self._by_first_name(words[0], toks[0])
                if known is not None:
                    return known
        else:
            key = (_name_kind(label), name.lower().removeprefix("the "))
            if key in self._by_name:
                return self._by_name[key]
        ent = Entity(name=name, label=label, tokens=words)
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

    def _register(self, toks: list[Token], label: str) -> Entity:
        ent = self._entity_for(toks, label)
        head = toks[-1]
        for t in toks:
            self.by_token[t.i] = ent
        root = head
        while root.dep_ in ("compound", "flat") and root.head.i != root.i:
            root = root.head
        subject = (
            root.dep_ in ("nsubj", "nsubjpass")
            or (root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.dep_ == "nsubj")
        ) and not _in_subordinate_clause(root)
        self._add_mention(ent, head, (toks[0].idx, head.idx + len(head.text)), subject)
        if label == "PERSON":
            self._learn_gender(ent, toks)
            ent.descriptors |= self._descriptors(root)
            title = (
                self.title_before(toks)
                or self.title_in_apposition(toks)
                or self.title_in_predicate(root)
            )
            if title:
                ent.add_title(title)
        return ent

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
            other = self.by_token.get(i)
            if other is not None and other.label == "PERSON":
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

    def _collect_entities(self) -> None:
        doc = self.ctx.doc
        untagged = self._untagged_names()
        k = 0
        for span in doc.ents:
            while k < len(untagged) and untagged[k][0].i < span.start:
                self._register(untagged[k], "PERSON")
                k += 1
            if span.label_ not in NAMED_LABELS:
                continue
            found = self._name_from_span(span, span.label_)
            if found:
                self._register(*found)
        for toks in untagged[k:]:
            self._register(toks, "PERSON")
        self._merge_mislabelled_surnames()
        self._learn_nominal_titles()

    def _describes_someone_named(self, head: Token) -> bool:
        """'the Republican nominee', 'the New York businessman', "Ohio's tax commissioner": a
        definite description of one person, by role or occupation, with no name of its own.
        'Her lawyer' and "Ruiz's spokesman" describe someone else, not Ruiz."""
        if (
            head.tag_ != "NN"
            or head.i in self.by_token
            or self.ctx.quoted(head.i)
            or not (
                self.lex.is_title_word(head)
                or self.lex.nominal_heads.get(head.lemma_.lower()) == "PERSON"
            )
        ):
            return False
        definite = False
        for c in head.children:
            if c.dep_ == "appos":
                return False  # "the ambassador, Grace Mutua": named right there
            if c.dep_ == "det" and c.lower_ in DEFINITE:
                definite = True
            elif c.dep_ == "poss":
                owner = self.by_token.get(c.i)
                if c.pos_ == "PRON" or owner is None or owner.label == "PERSON":
                    return False
                definite = True
        return definite

    def _gender_word(self, head: Token) -> str:
        """'businessman' -> "he", 'first lady' -> "she": the pronoun a description agrees with
        (the ending, else an honorific of that word), "" when the word says nothing."""
        word = head.lower_
        if word.endswith(("woman", "women")):
            return "she"
        if word.endswith("man"):
            return "he"
        gender = self.lex.honorifics.get(head.text.title())
        return {"f": "she", "m": "he"}.get(gender or "", "")

    def _learn_nominal_titles(self) -> None:
        """'Ann Lee said … The Republican nominee added …': a definite role description that is
        the subject of a clause refers back to someone named, and gives that person a title."""
        doc = self.ctx.doc
        for t in doc:
            if t.dep_ not in ("nsubj", "nsubjpass") or not self._describes_someone_named(t):
                continue
            title = self._title_from_phrase(t, described=True)
            if title is None:
                continue
            mention = doc[t.left_edge.i : t.i + 1]
            ent = self.resolve_nominal(mention)
            if ent is None and not any(c.dep_ == "poss" for c in t.children):
                # "the nominee" points back; "Ohio's tax commissioner" often introduces a
                # newcomer named in the next sentence, so only a title match links it
                ent = self._nearest_antecedent(
                    t.i, self._gender_word(t), paragraphs=NOMINAL_TITLE_PARAGRAPHS
                )
            if ent is not None and ent.label == "PERSON":
                ent.add_title(title)
                self._nominal_links[t.i] = ent

    def _merge_mislabelled_surnames(self) -> None:
        """'Trump' tagged ORG before 'Donald Trump' appears: one word that is exactly one known
        person's surname is that person, wherever it stands in the document."""
        merged: set[int] = set()
        for ent in self.entities:
            if ent.label == "PERSON" or len(ent.tokens) != 1:
                continue
            people = self._by_surname.get(ent.tokens[0].lower(), [])
            if len(people) != 1:
                continue
            person = people[0]
            for i in ent.positions:
                self.by_token[i] = person
                self._mention_ent[i] = person
                k = bisect_left(person.positions, i)
                if k == len(person.positions) or person.positions[k] != i:
                    person.positions.insert(k, i)
            person.subject_positions |= ent.subject_positions
            person.spans |= ent.spans
            merged.add(id(ent))
        if merged:
            self.entities = [e for e in self.entities if id(e) not in merged]
            self._by_name = {k: v for k, v in self._by_name.items() if id(v) not in merged}

    def _untagged_names(self) -> list[list[Token]]:
        """Names the NER missed: a listed first name followed by capitalised proper nouns."""
        doc = self.ctx.doc
        out: list[list[Token]] = []
        i = 0
        while i < len(doc):
            t = doc[i]
            if (
                t.ent_iob_ == "O"
                and t.pos_ == "PROPN"
                and t.is_title
                and t.lower_ in self.lex.first_names
                and not self.ctx.quoted(i)
            ):
                j = i + 1
                while (
                    j < len(doc)
                    and doc[j].ent_iob_ == "O"
                    and doc[j].pos_ == "PROPN"
                    and (doc[j].is_title)
                ):
                    j += 1
                if j - i >= 2:
                    out.append(list(doc[i:j]))
                i = j
                continue
            i += 1
        return out

    # --- titles ------------------------------------------------------------------------------

    def title_before(self, toks: list[Token]) -> TitleRef | None:
        """'Swedish Deputy Ambassador to the African Union Lars Holm' -> the title."""
        doc = self.ctx.doc
        first = toks[0].i
        if first > 0 and doc[first - 1].lower_ in COMPLEMENT_PREPS:
            return None  # "a spokeswoman for Ann Lee": the title of someone else, about her
        i, start = first - 1, first
        after_other_name = False
        while i >= 0 and first - i <= TITLE_MAX_TOKENS:
            t = doc[i]
            if self.ctx.quoted(i) or t.is_space:
                break
            other = self.by_token.get(i)
            if other is not None and other.label == "PERSON" and i < first:
                after_other_name = True  # "Mayor Linda Osei and Police Chief Mark Brennan"
                break
            if t.text == "." and i > 0 and doc[i - 1].text + "." in self.lex.abbreviations:
                start = i  # "Lt. Gov." split as "Lt" "." "Gov." at a sentence start
                i -= 1
                continue
            if t.text in self.lex.honorifics and i == first - 1:
                start = i  # honorifics are not titles: skip over them
                i -= 1
                continue
            ok = (
                t.is_title
                or t.is_upper
                or self._is_title_token(t)
                or t.lower_ in TITLE_GLUE
                or t.ent_type_ in ("NORP", "GPE", "ORG")
                or (
                    t.pos_ in ("ADJ", "NOUN")
                    and t.is_lower
                    and doc[i + 1].lower_ not in TITLE_GLUE
                    and self._title_follows(t, first)
                )
                or (i == first - 1 or i == first - 2 and start == first - 1)
                and t.is_lower
                and t.tag_ in ("NN", "NNP")
                and t.dep_ == "compound"
            )
            if not ok or t.pos_ in ("VERB", "AUX") and not self.lex.is_title_word(t):
                break
            start = i
            i -= 1
        words = [t for t in doc[start:first] if t.text not in self.lex.honorifics]
        if after_other_name:  # "Sen. Ann Cole of Maine and Sen. Ben Ruiz": "of Maine" is hers
            cut = next((k for k, t in enumerate(words) if t.lower_ in ("and", ",")), None)
            if cut is not None:
                words = words[cut + 1 :]
        while words and (words[0].lower_ in TITLE_GLUE or words[0].lower_ in DETERMINERS):
            words = words[1:]
        while words and (words[-1].lower_ in TITLE_GLUE or words[-1].text == ","):
            words = words[:-1]
        if not words:
            return None
        last = words[-1]
        if (
            last.is_lower
            and last.tag_ in ("NN", "NNP")
            and last.dep_ == "compound"
            and last.head.i in {t.i for t in toks}
            and not any(self._is_title_token(t) for t in words)
        ):  # "psychotherapist Fran Osei", "union organiser Jo Platt", "Vance supporter Rita Moss"
            return self._title_ref(words, described=True)
        singular = last.text[:-1] if last.is_title and last.tag_ == "NNPS" else ""
        if singular and singular.lower() in self.lex.title_words:
            # "Senators Ann Lee and Ben Ruiz": each of them is a Senator
            ref = self._title_ref(words, plural_head=True)
            return replace(ref, text=ref.text[: -len(last.text)] + singular) if ref else None
        if not any(self._is_title_token(t) for t in words):
            return None
        return self._title_ref(words, premodifier=True)

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
        # "party leaders" describes a group, not the title of the one person beside it
        if plural_head:
            return True
        # a title before a name ends in its role ("Central Bank of Ireland Governor")
        heads = (core[-1], words[-1]) if premodifier else (core[-1],)
        return any(self._is_title_token(w) and w.tag_ not in ("NNS", "NNPS") for w in heads)

    def _title_follows(self, tok: Token, limit: int) -> bool:
        return any(self.lex.is_title_word(t) for t in self.ctx.doc[tok.i : limit])

    def title_in_apposition(self, toks: list[Token]) -> TitleRef | None:
        """'Grace Mutua, the Kenyan ambassador to the UN,' / 'the ambassador, Grace Mutua,'."""
        head = toks[-1]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        for child in head.children:
            if child.dep_ == "appos" and not self.ctx.quoted(child):
                found = self._title_from_phrase(child, described=True)
                if found:
                    return found
        if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
            return self._title_from_phrase(head.head, stop=toks[0].i)
        return None

    def title_in_predicate(self, root: Token) -> TitleRef | None:
        """'Mitchell, who served as ambassador to Burma,' / 'Lee is the party's treasurer':
        what a copula or a listed verb ("serve as") says the person is."""
        verbs = [c for c in root.children if c.dep_ == "relcl"]
        if root.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(root.head)
        for verb in verbs:
            if verb.lemma_ == "be":
                for c in verb.children:
                    if c.dep_ == "attr" and c.pos_ == "NOUN" and not self.ctx.quoted(c):
                        return self._title_from_phrase(c, described=True)
            elif verb.lemma_.lower() in self.lex.title_verbs:
                for prep in verb.children:
                    if prep.dep_ == "prep" and prep.lower_ == "as":
                        for obj in prep.children:
                            if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                                return self._title_from_phrase(obj, described=True)
        return None

    def _title_from_phrase(
        self, head: Token, stop: int | None = None, described: bool = False
    ) -> TitleRef | None:
        """The title a noun phrase gives: its words without clauses, a second coordinated
        title ("director of X and a professor at Y" -> the director) or anything after a
        dash or bracket. ``described``: the phrase is in apposition to a person ("Tim Hess, a
        property developer,"), where any common noun describes the person, listed or not."""
        clauses = {
            d.i
            for t in head.subtree
            if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.head.i == head.i)
            for d in t.subtree
        }
        clauses |= {t.i for t in head.children if t.dep_ == "cc"}
        for t in head.subtree:
            if t.i > head.i and t.text in TITLE_BREAKS:
                stop = t.i if stop is None else min(stop, t.i)
                break
        words = [
            t for t in head.subtree
            if not self.ctx.quoted(t) and (stop is None or t.i < stop) and t.i not in clauses
        ]  # fmt: skip
        words = [t for t in words if not (t.is_punct and t.text not in ("-", "’s", "'s"))]
        while words and words[0].lower_ in TITLE_DROP:
            words = words[1:]
        listed = any(self.lex.is_title_word(t) for t in words)
        if not words or len(words) > 14 or not (listed or described and _describes(head)):
            return None
        if any(self.by_token.get(t.i) is not None and self.by_token[t.i].label == "PERSON"
               for t in words):  # fmt: skip
            return None  # a phrase that names another person is not this one's title
        return self._title_ref(words, described=described and not listed)

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
            and (
                words[0].lower_ in TITLE_DROP
                or words[0].pos_ in LEADING_NON_TITLE
                or words[0].ent_type_ == "DATE"  # "34-year-old"
            )
        ):
            words = words[1:]  # "But Attorney General", "Like President", "one ... official"
        while words and (
            words[-1].lower_ in TITLE_GLUE
            or words[-1].is_punct
            or words[-1].text in self.lex.honorifics
        ):
            if len(words) > 1 and words[-1].text == "." and self._is_title_token(words[-2]):
                break  # the dot of a split abbreviation: "Det. Insp" "."
            words = words[:-1]  # "minister of the economy, Mr." -> "minister of the economy"
        if not words or not (described or self._headed_by_role(words, plural_head, premodifier)):
            return None
        owner = self.by_token.get(words[-1].i)
        if owner is not None and owner.label == "PERSON":
            return None  # "Larry King": a name, not a king
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = self.lex.expand_abbreviations(" ".join(self.ctx.text[start:end].split()))
        if not text:
            return None
        return TitleRef(start, text, self.affiliation_in(start, end), role=not described)

    def affiliation_in(self, start: int, end: int) -> str | None:
        """The organisation, else the place, else the nationality named between start and end."""
        best: tuple[int, str] | None = None
        k = bisect_left(self._aff_starts, start)
        while k < len(self._aff_ents) and self._aff_ents[k].start_char < end:
            span = self._aff_ents[k]
            k += 1
            if span.end_char > end + 2:
                continue
            name = _text(_clean_name(list(span)))
            if (
                not name
                or self.by_token.get(span[-1].i, None) is not None
                and (self.by_token[span[-1].i].label == "PERSON")
            ):
                continue
            rank = AFFILIATION_RANK[span.label_]
            if best is None or rank < best[0]:
                best = (rank, name)
        return best[1] if best else None

    # --- resolving one mention ---------------------------------------------------------------

    def resolve(self, draft: Draft) -> None:
        mention = draft.mention
        if mention is None:
            return
        head = mention.root
        antecedent = relative_antecedent(head) if len(mention) == 1 else None
        if antecedent is not None:
            # "who" stays the mention as written; the name comes from the noun it describes
            draft.mention = mention_span(antecedent, self.ctx)
            self.resolve(draft)
            draft.mention = mention
            return
        if is_pronoun(head):
            ent = self.resolve_pronoun(head)
            if ent is not None:
                self._fill(draft, ent, None)
            else:  # kept as written; "it" with no organisation in reach is still not a person
                draft.name = mention.text
                draft.label = "ORG" if head.lower_ in SINGULAR_GROUP_PRONOUNS else "PERSON"
            return
        if head.is_upper and head.text in self.lex.abbreviations:
            # "the CM said": NER often calls the abbreviation an organisation
            ent = self.resolve_nominal(mention)
            if ent is not None:
                self._fill(draft, ent, None)
                return
        if descriptor_anaphor(mention):
            # "the Swede", "the 34-year-old": only ever about someone already named
            ent = self._nearest_antecedent(head.i, "")
            if ent is not None:
                self._fill(draft, ent, None)
                return
        named = self.name_in_mention(mention)
        if named is not None:
            ent, toks = named
            title = None
            if ent.label == "PERSON":
                title = self.title_before(toks) or self.title_in_apposition(toks)
            self._fill(draft, ent, title)
            return
        ent = self.resolve_nominal(mention) or self._nominal_links.get(head.i)
        if ent is not None:
            self._fill(draft, ent, None)
            return
        # Never named: the mention as written is the name ("a White House spokesman"), and the
        # phrase without its article is the title when it holds a role word.
        words = _strip_tail([t for t in mention if not t.is_space])
        while words and words[0].is_punct:
            words = words[1:]
        draft.name = _text(words) or mention.text
        draft.label = self.lex.nominal_heads.get(head.lemma_.lower(), "PERSON")
        cleaned = _clean_name(words)
        if any(self.lex.is_title_word(t) for t in cleaned) and draft.label == "PERSON":
            ref = self._title_ref(cleaned)
            if ref is not None:
                draft.title, draft.affiliation = ref.text, ref.affiliation

    def _fill(self, draft: Draft, ent: Entity, title: TitleRef | None) -> None:
        draft.name, draft.label = ent.name, _speaking_label(ent.label)
        if title is not None:
            ent.add_title(title)
        self.resolved[id(draft)] = ent
        mention = draft.mention
        if mention is not None:
            # The mention now stands for the entity, so a later "she" or "the company" can
            # find it as the nearest earlier mention (this is how alternating speakers work).
            self._add_mention(
                ent, mention.root, (mention.start_char, mention.end_char), subject=True
            )
            if not ent.gender and ent.label == "PERSON":
                ent.gender = PERSONAL_PRONOUNS.get(mention.root.lower_)

    def name_in_mention(self, mention: Span) -> tuple[Entity, list[Token]] | None:
        """The named entity a mention is about: a person if it holds one, else the head's org."""
        last = mention[-1]
        if last.is_upper and len(last) > 1 and all(t.is_upper or t.is_punct for t in mention):
            # a transcript label ("WALLACE", "SEN. JO HART"): the person with that surname
            known = self._by_surname.get(last.lower_)
            if known:
                return known[-1], [last]
            words = [t for t in mention if t.is_alpha]
            if words:  # a label of its own; NER sometimes runs it into the next words
                return self._register(words, "PERSON"), words
        persons: list[tuple[Entity, list[Token]]] = []
        others: list[tuple[Entity, list[Token]]] = []
        possessors: list[tuple[Entity, list[Token]]] = []
        seen: set[int] = set()
        for tok in mention:
            ent = self.by_token.get(tok.i)
            if ent is None or id(ent) in seen:
                continue
            seen.add(id(ent))
            toks = [t for t in mention if self.by_token.get(t.i) is ent]
            if ent.label == "PERSON" and _possessor_only(toks, mention.root):
                possessors.append((ent, toks))
                continue  # "Malhotra's brother" is not Malhotra
            (persons if ent.label == "PERSON" else others).append((ent, toks))
        head = mention.root
        group = self._persons_group(persons + possessors, head)
        if group is not None:  # "the Clinton campaign", "Ruiz's team"
            return group
        if persons:
            return self._head_person(persons, head)
        if head.is_title and head.lower_ in self._by_surname and head.i not in self.by_token:
            ent = self._register([head], "PERSON")  # '"…," Price said' with Price parsed NOUN
            return ent, [head]
        appositive = self._person_in_apposition(head)
        if appositive is not None:  # "Brazil's finance minister, Rafael Costa, said"
            return appositive
        if head.pos_ == "PROPN" and head.i not in self.by_token and head.is_title:
            toks = [t for t in mention if t.pos_ == "PROPN" and t.i <= head.i]
            run = [head]
            j = head.i - 1
            while j >= mention.start and self.ctx.doc[j].pos_ == "PROPN":
                run.insert(0, self.ctx.doc[j])
                j -= 1
            person = self.person_tokens(run) or toks[-1:]
            if person:
                ent = self._register(person, "PERSON")
                return ent, person
        for ent, toks in others:  # "the Swedish envoy" is not about Sweden; "Sweden" is
            if head.i in {t.i for t in toks}:
                return ent, toks
        return None

    def _head_person(
        self, persons: list[tuple[Entity, list[Token]]], head: Token
    ) -> tuple[Entity, list[Token]] | None:
        """The person a mention is about is its head: "Karl Dunn, the chief strategist of Ed
        Vance's campaign" is Dunn; a name inside a modifier ("adviser to Ed Vance") is not."""
        for ent, toks in persons:
            if any(t.i == head.i for t in toks):
                return ent, toks
        appositive = self._person_in_apposition(head)
        if appositive is not None:
            return appositive
        direct = [(e, toks) for e, toks in persons if not _inside_modifier(toks[-1], head)]
        return direct[-1] if direct else None

    def _persons_group(
        self, persons: list[tuple[Entity, list[Token]]], head: Token
    ) -> tuple[Entity, list[Token]] | None:
        """ "The Ruiz campaign", "Ruiz's team": an organisation named after its person, called
        by the surname and the head noun, as readers do ("Ruiz campaign")."""
        if head.pos_ != "NOUN" or self.lex.nominal_heads.get(head.lemma_.lower()) != "ORG":
            return None
        for ent, toks in persons:
            if (
                ent.label == "PERSON"
                and toks[-1].head.i == head.i
                and toks[-1].dep_ in ("compound", "poss")
            ):
                name = f"{ent.tokens[-1]} {head.lemma_.lower()}"
                key = ("ORG", name.lower())
                group = self._by_name.get(key)
                if group is None:
                    group = Entity(name=name, label="ORG", tokens=(ent.tokens[-1], head.lemma_))
                    self.entities.append(group)
                    self._by_name[key] = group
                return group, [head]
        return None

    def _person_in_apposition(self, head: Token) -> tuple[Entity, list[Token]] | None:
        if head.pos_ != "NOUN":
            return None
        for child in head.children:
            if child.dep_ != "appos":
                continue
            ent = self.by_token.get(child.i)
            if ent is not None and ent.label == "PERSON":
                toks = [t for t in child.subtree if self.by_token.get(t.i) is ent]
                return ent, toks
        return None

    def resolve_pronoun(self, pron: Token) -> Entity | None:
        """he/she -> nearest compatible person (subjects first); it/they -> nearest group."""
        return self._nearest_antecedent(pron.i, pron.lower_)

    def _nearest_antecedent(
        self, pos: int, word: str, paragraphs: int = PRONOUN_LOOKBACK_PARAGRAPHS
    ) -> Entity | None:
        """The entity a pronoun-like word at pos refers to: for "he"/"she" (or any person word,
        gender unknown) the nearest person, subjects first; for "it"/"they" the nearest group."""
        gender = PERSONAL_PRONOUNS.get(word)
        para_limit = self.ctx.token_paragraph[pos] - paragraphs
        best: Entity | None = None
        k = bisect_left(self._mention_pos, pos)
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
                # "it" is an organisation, "they" an organisation or a group (NORP); a place
                # ("Leeds said") speaks only through an organisation, so it is never taken
                if ent.label == "ORG" or ent.label == "NORP" and word in PLURAL_PRONOUNS:
                    return ent
                continue
            if ent.label != "PERSON" or (gender and ent.gender and ent.gender != gender):
                continue
            if i in ent.subject_positions:
                best = ent
                break
            if best is None:
                best = ent
        if best is not None and gender and not best.gender:
            best.gender = gender  # learnt: later pronouns of the other gender skip this person
        return best

    def _title_words(self, title_text: str) -> frozenset[str]:
        """The words a title can be matched on, computed once per title text."""
        cached = self._title_word_cache.get(title_text)
        if cached is None:
            words = {w.lower().strip(".,") for w in title_text.split()}
            words |= {w.removesuffix("'s").removesuffix("’s") for w in words}
            for w in list(words):  # "Sen." matches "the senator", "Gov." "the governor"
                words |= self._abbreviation_words.get(w, set())
            cached = self._title_word_cache[title_text] = frozenset(words)
        return cached

    def resolve_nominal(self, mention: Span) -> Entity | None:
        """'the Swedish envoy' -> the person whose title matches role and modifiers."""
        head = mention.root
        # "the CM", "the PM": an abbreviated title tagged as a proper noun
        abbreviated = head.pos_ == "PROPN" and head.is_upper and head.text in self.lex.abbreviations
        if head.pos_ != "NOUN" and not abbreviated:
            return None
        if not any(t.lower_ in DEFINITE for t in mention if t.i < head.i):
            return None  # "a spokesman" introduces someone new; only "the …" refers back
        lemma = head.lemma_.lower()
        roles = self.lex.roles_of(lemma) | self.lex.roles_of(head.lower_)
        modifiers = {t.lower_ for t in mention if t.i < head.i and not t.is_stop and t.is_alpha}
        want_label = self.lex.nominal_heads.get(lemma)
        if abbreviated:
            want_label = "PERSON"
        expansion = self._abbreviation_words.get(head.lower_, set())
        best: tuple[int, int] | None = None
        chosen: Entity | None = None
        for ent in self.entities:
            last = ent.last_before(head.i)
            if last is None or head.i - last > NOMINAL_LOOKBACK_TOKENS:
                continue
            points = 0
            if ent.label != "PERSON":
                name_words = {w.lower() for w in ent.tokens}
                if want_label is not None and want_label == _speaking_label(ent.label):
                    named = lemma in name_words or head.lower_ in name_words
                    if modifiers <= name_words and (named or lemma not in NAMED_BY_HEAD):
                        points = 2 if named else 1
            elif want_label in (None, "PERSON"):
                for title_text in ent.title_texts:
                    words = self._title_words(title_text) | ent.descriptors
                    role_hit = (
                        head.lower_ in words
                        or lemma in words
                        or (abbreviated and expansion <= words)
                        or any(roles & self.lex.roles_of(w) for w in words)
                    )
                    if role_hit and modifiers <= words:
                        points = max(points, 2 + len(modifiers))
            if points:
                score = (points, last)
                if best is None or score > best:
                    best, chosen = score, ent
        if chosen is None and not modifiers and lemma in PLAYER_WORDS:
            # "the midfielder said": sports copy names a player once, then says what they play
            return self._nearest_antecedent(head.i, "")
        return chosen

    def give_best_titles(self, drafts: Iterable[Draft]) -> None:
        """Every quote of a cast member carries that member's best title, whatever the quote's
        own mention said ("he", "Hart", "the councillor"): decided once all mentions are in."""
        for draft in drafts:
            ent = self.resolved.get(id(draft))
            if ent is None:
                continue
            title = ent.best_title()
            draft.title = title.text if title else None
            draft.affiliation = title.affiliation if title else None

    # --- who is quoted -----------------------------------------------------------------------

    def speaker_table(self, drafts: Iterable[Draft]) -> list[dict[str, Any]]:
        """One JSON-able record per resolved entity that speaks: name, title, mentions, quotes."""
        order: list[Entity] = []
        quotes: dict[int, list[list[int]]] = {}
        for draft in drafts:
            ent = self.resolved.get(id(draft))
            if ent is None:
                continue
            if id(ent) not in quotes:
                order.append(ent)
                quotes[id(ent)] = []
            quotes[id(ent)].append([draft.start, draft.end])
        table = []
        for ent in order:
            title = ent.best_title()
            table.append(
                {
                    "name": ent.name,
                    "label": _speaking_label(ent.label),
                    "title": title.text if title else None,
                    "affiliation": title.affiliation if title else None,
                    "mentions": sorted([s, e] for s, e in ent.spans),
                    "quotes": quotes[id(ent)],
                }
            )
        return table


def resolve_speakers(ctx: DocContext, drafts: list[Draft]) -> SpeakerResolver:
    resolver = SpeakerResolver(ctx)
    for draft in sorted(drafts, key=lambda d: d.start):
        resolver.resolve(draft)
    resolver.give_best_titles(drafts)
    return resolver


def summarize_speakers(
    text: str, quotes: Iterable[Quote], table: list[dict[str, Any]] | None = None
) -> tuple[SpeakerSummary, ...]:
    """Group quotes by speaker, ordered by first appearance in the text.

    ``table`` is the stored record from ``speaker_table``; quotes it does not cover (speakers
    never named, unresolved pronouns) are grouped by the name they carry.
    """
    by_span = {(q.start, q.end): q for q in quotes}
    groups: list[dict[str, Any]] = []
    taken: set[tuple[int, int]] = set()
    for rec in table or []:
        qs = [by_span[(s, e)] for s, e in rec["quotes"] if (s, e) in by_span]
        if not qs:
            continue
        taken.update((q.start, q.end) for q in qs)
        spans = {(int(s), int(e)) for s, e in rec["mentions"]}
        groups.append({**rec, "mentions": spans, "quotes": qs})
    loose: dict[tuple[Any, ...], dict[str, Any]] = {}
    for q in by_span.values():
        if (q.start, q.end) in taken or q.speaker is None:
            continue
        sp = q.speaker
        key: tuple[Any, ...] = (sp.label, sp.name.lower())
        if sp.name.lower() in PERSONAL_PRONOUNS or sp.name.lower() in GROUP_PRONOUNS:
            key += (q.start,)  # two unresolved "he"s are not known to be one person
        if key not in loose:
            loose[key] = {
                "name": sp.name,
                "label": sp.label,
                "title": sp.title,
                "affiliation": sp.affiliation,
                "mentions": set(),
                "quotes": [],
            }
            groups.append(loose[key])
        loose[key]["quotes"].append(q)
        if sp.mention is not None:
            loose[key]["mentions"].add((sp.mention.start, sp.mention.end))
    out = []
    for g in groups:
        qs = sorted(g["quotes"], key=lambda q: q.start)
        for q in qs:
            if q.speaker is not None and q.speaker.mention is not None:
                g["mentions"].add((q.speaker.mention.start, q.speaker.mention.end))
        title, affiliation = g["title"], g["affiliation"]
        if title is None:
            title = next((q.speaker.title for q in qs if q.speaker and q.speaker.title), None)
            affiliation = next(
                (q.speaker.affiliation for q in qs if q.speaker and q.speaker.title), None
            )
        ordered = sorted(g["mentions"], key=lambda m: (m[0], -m[1]))
        outer: list[tuple[int, int]] = []
        for a, b in ordered:  # "Laura Chen" inside "chief executive Laura Chen" is one mention
            if outer and a < outer[-1][1] and b <= outer[-1][1]:
                continue
            outer.append((a, b))
        mentions = tuple(Mention(text[a:b], a, b) for a, b in outer)
        out.append(
            SpeakerSummary(
                name=g["name"],
                title=title,
                label=g["label"],
                affiliation=affiliation,
                mentions=mentions,
                quotes=tuple(qs),
            )
        )
    first = {id(s): min([m.start for m in s.mentions] + [q.start for q in s.quotes]) for s in out}
    out.sort(key=lambda s: first[id(s)])
    return tuple(out)
