"""Speaker resolution: each quote's mention -> a member of the document cast.

The order of decisions for one mention ("he", "Okafor", "the Russian envoy", "the Clinton
campaign", "Karl Dunn, the chief strategist of Ed Vance's campaign") is ``resolve`` below; the
cast and its titles are built first (``cast.py``, ``titles.py``). Once every quote is resolved,
each carries its cast member's canonical name and best title.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from quoteattr.cast import (
    DEFINITE,
    GROUP_PRONOUNS,
    LEAD_PARAGRAPHS,
    PERSONAL_PRONOUNS,
    SINGULAR_GROUP_PRONOUNS,
    Cast,
    Entity,
    speaking_label,
    title_head,
)
from quoteattr.context import DocContext, Draft
from quoteattr.cues import Lexicon
from quoteattr.syntax import (
    NAME_DEPS,
    age_word,
    bracketed,
    climb,
    mention_span,
    relative_antecedent,
    source_of,
)
from quoteattr.titles import (
    AGENT_ENDINGS,
    POSSESSIVE,
    TitleRef,
    clean_name,
    name_text,
    strip_tail,
)
from quoteattr.types import Mention, Quote, SpeakerSummary

# who can put out a document: a person, an organisation, or a body NER tags as the building
# it works in ("a report from the Harbour Observatory", "a statement from the Palace")
ISSUER_LABELS = frozenset({"ORG", "PERSON", "FAC"})
BENCH_LOOKBACK_PARAGRAPHS = 6  # "the bench said": the bench named this far back


def _document_copied(head: Token, lex: Lexicon) -> Token:
    """'a text of the governor's speech', 'a copy of the report': the document itself, whose
    issuer speaks (`[copy_nouns]`); else ``head``."""
    if head.lemma_.lower() not in lex.copy_nouns:
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                lemma = obj.lemma_.lower()
                if obj.dep_ == "pobj" and (
                    lemma in lex.document_nouns or lemma in lex.speech_nouns
                ):
                    return obj
    return head


def _possessor_only(toks: list[Token], head: Token) -> bool:
    """Is the name only the possessor of the mention's head noun ("Malhotra's brother")?"""
    if head.pos_ != "NOUN" or any(t.i == head.i for t in toks):
        return False
    owners = [c for c in head.children if c.dep_ == "poss"]
    return any(all(o.left_edge.i <= t.i <= o.i for t in toks) for o in owners)


def _counted(head: Token) -> Token | None:
    """The noun a count is of: "nurses" of "tens of thousands of nurses"."""
    if head.ent_type_ != "CARDINAL":
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    return None


def descriptor_anaphor(mention: Span, nationals: frozenset[str] = frozenset()) -> bool:
    """Is the mention a description by age or nationality alone ("the 34-year-old", "the
    Swede", "the 34-year-old striker", "the Irishman": ``nationals``, words NER does not tag)?
    Writers use these only for someone already named."""
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
    # "the New Zealander": a nationality of more than one word, capitalised; "the former
    # Olympian", "the young Kenyan": after words that say only how or when
    while len(toks) > 1 and toks[0].is_lower and toks[0].pos_ == "ADJ":
        toks = toks[1:]
    head = toks[-1]
    if any(c.dep_ == "relcl" for c in head.children):
        return False  # "the veteran Democrat who drafted the letter": says who, anew
    return (
        len(toks) <= 3
        and mention[0].lower_ in DEFINITE
        and (head.ent_type_ == "NORP" or head.lower_ in nationals)
        and all(t.is_title for t in toks)
        and not head.text.endswith("s")
    )


def _inside_modifier(tok: Token, head: Token) -> bool:
    """Whether tok hangs on head through a preposition or a clause ("adviser to Ed Vance",
    "a veteran of the Rules Committee") rather than naming head itself."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in ("pobj", "prep", "relcl", "acl", "advcl", "ccomp"):
            return True
        tok = tok.head
    return False


def _one_of_them(tok: Token, head: Token) -> bool:
    """'one of the widow's lawyers, Ivo Brandt': a name in apposition to the many that "one of"
    picks from is that one (not "an adviser to the governor, Ed Vance", whose "to" is no "of")."""
    name = climb(tok, NAME_DEPS)
    many = name.head
    return (
        head.lower_ == "one"
        and name.dep_ == "appos"
        and many.tag_ == "NNS"
        and many.dep_ == "pobj"
        and many.head.lower_ == "of"
        and many.head.head.i == head.i
    )


def is_pronoun(tok: Token) -> bool:
    """he/she/it/they and kin; "US" (the country) is not "us"."""
    word = tok.lower_
    return (word in PERSONAL_PRONOUNS or word in GROUP_PRONOUNS) and not tok.is_upper


def _reports_a_clause(verb: Token) -> bool:
    """Whether the verb has a clause of its own ("it was announced that …"), which the "it"
    of its passive stands for."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def _proper_name_apposed(head: Token) -> list[Token] | None:
    """The capitalised proper name right after a kind of body, in apposition to it ("company
    Brightlearn"), or None."""
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.is_title:
            words = [t for t in child.subtree if t.i <= child.i]
            if all(t.pos_ == "PROPN" and t.is_title for t in words) and words[0].i == head.i + 1:
                return words
    return None


class SpeakerResolver(Cast):
    """Resolves each quote's mention against the document cast."""

    def __init__(self, ctx: DocContext) -> None:
        super().__init__(ctx)
        self.resolved: dict[int, Entity] = {}  # id(draft) -> entity
        self.members: dict[int, list[Entity]] = {}  # id(draft) -> every speaker, when several
        self._first_seen: dict[int, int] = {}  # id(entity) -> its first token in a coordination
        self._held: dict[int, tuple[str | None, str | None]] = {}  # id(entity) -> where_held
        # (title start, text) -> `_body_owning_title`
        self._owners: dict[tuple[int, str], str | None] = {}

    def resolve(self, draft: Draft) -> None:
        mention = draft.mention
        if mention is None:
            return
        head = mention.root
        antecedent = relative_antecedent(head) if len(mention) == 1 else None
        while (
            antecedent is not None
            and antecedent.dep_ == "appos"
            and antecedent.head.pos_ == "PROPN"
        ):
            antecedent = antecedent.head  # "Jo Hale, an early endorser who said …": Hale
        if antecedent is not None:
            # "who" stays the mention as written; the name comes from the noun it describes
            draft.mention = mention_span(antecedent, self.ctx)
            self.resolve(draft)
            draft.mention = mention
            return
        if head.lower_ in ("i", "me") and head.pos_ == "PRON" and not self.ctx.quoted(head):
            author = self.author()  # "I said" in a column is its writer, whom an end note names
            if author is not None:
                self._fill(draft, author, None)
                return
        if is_pronoun(head):
            ent = self.resolve_pronoun(head)
            if ent is not None:
                self._fill(draft, ent, None)
            else:  # kept as written; "it" with no organisation in reach is still not a person
                draft.name = mention.text
                draft.label = "ORG" if head.lower_ in SINGULAR_GROUP_PRONOUNS else "PERSON"
            return
        if (
            head.is_upper
            and head.text in self.lex.abbreviations
            and not self._names_a_person(mention)
        ):
            # "the CM said": NER often calls the abbreviation an organisation; "the Group's
            # CEO, Anna Brill," is the person named in apposition, as for any other title
            ent = self.resolve_nominal(mention)
            if ent is not None:
                self._fill(draft, ent, None)
                return
        known = self.by_token.get(head.i)  # a person the cast named before this mention
        if descriptor_anaphor(mention, self.lex.national_words) and not (
            known is not None and known.label == "PERSON" and known.positions[0] < head.i
        ):
            # "the Swede", "the 34-year-old": only ever about someone already named (not "the
            # Reed", a stray article before a surname the cast knows, NER calling it a people)
            ent = self._nearest_antecedent(head.i, self._gender_word(head))
            if ent is not None:
                self._fill(draft, ent, None)
                return
        judges = self._bench(head) if head.lemma_.lower() == "bench" else []
        if judges:  # "the bench said", "A division bench of Chief Justice … and Justice …"
            self._fill(draft, judges[0], None)
            if len(judges) > 1:
                self.members[id(draft)] = judges
                draft.name = joint_name([j.name for j in judges])
            return
        named = self.name_in_mention(mention)
        joint = self._name_after_joint_role(head)
        if joint is not None and (named is None or named[0].label != "PERSON"):
            ent, toks = joint  # "KRL finance director and COO Dev Anand"
            self._fill(draft, ent, self.title_before(toks))
            return
        linked = self._nominal_links.get(head.i)
        if linked is not None and (named is None or named[0].label != "PERSON"):
            # "The lifelong Republican who …": a description is its person, not a party's name
            self._fill(draft, linked, None)
            return
        if named is not None:
            ent, toks = named
            title = None
            # the name's own words; not the document of "Ruiz's press release", its issuer's
            if ent.label == "PERSON" and all(self.by_token.get(t.i) is ent for t in toks):
                title = self.title_before(toks) or self.title_in_apposition(toks)
            self._fill(draft, ent, title)
            members = self._coordinated(mention, ent, toks)
            if members:  # "Ana Ruiz and Tom Lee said": each of them said it
                self.members[id(draft)] = members
            return
        named_after = self._name_after_comma(head) or self._name_apposed_in_role(head)
        if named_after is not None:  # "the Commissioner of Police in the state, Bala Musa"
            ent = self._register(named_after, "PERSON")
            self._fill(draft, ent, self._title_from_phrase(head, stop=named_after[0].i - 1))
            return
        named_before = self._name_set_off_before(mention)
        if named_before is not None:  # "Ann Lee, a city spokeswoman said" (no second comma)
            self._fill(draft, named_before, self._title_from_phrase(head, described=True))
            return
        named_next = self._name_right_after(mention)
        if named_next is not None:  # "Harbour Ward Councillor and mayoral candidate Ann Lee"
            self._fill(draft, named_next[0], self.title_before(named_next[1]))
            return
        ent = self.resolve_nominal(mention)
        if ent is not None and ent.label == "PERSON":
            # "Senator from Texas says …" found as the senator named before: what the
            # description says beyond the titles already given is a title too
            self._add_new_title(ent, self._title_from_phrase(head, described=True))
        ent = ent or self._nominal_links.get(head.i)
        if ent is None:
            ent = self._owner_of_words(head)
        if ent is None:
            ent = self._same_role_for(head)
        if (
            ent is None
            and head.tag_ not in ("NNS", "NNPS")  # "Charities warn …": no one of them
            and self._named_below(head)
        ):
            ent = self.resolve_nominal(mention, ahead=True)
            if ent is None and self.in_headline(head) and self.lex.is_title_word(head):
                ent = self.lede_speaker(head)  # "TTC chair says" over "Coun. Ann Lee says …"
            if ent is not None:  # "Harbour's Chief of Police has said …": a title given
                self._add_new_title(ent, self._title_from_phrase(head, described=True))
        if ent is not None:
            self._fill(draft, ent, None)
            return
        # Never named: the mention as written is the name ("a White House spokesman"), and the
        # phrase without its article is the title when it holds a role word.
        words = strip_tail([t for t in mention if not t.is_space])
        while words and words[0].is_punct:
            words = words[1:]
        named_first = self._name_before_comma(words)
        if named_first is not None:  # "Emeka Obi, counsel for Harbour Television (…)"
            ent = self._register(named_first, "PERSON")
            self._fill(draft, ent, self.title_in_apposition(named_first))
            return
        draft.name = name_text(words) or mention.text
        draft.label = self.lex.nominal_heads.get(head.lemma_.lower(), "PERSON")
        apposed = _proper_name_apposed(head) if draft.label == "ORG" else None
        if apposed is not None:
            # "Online learning company Brightlearn said", NER missing the name: the name in
            # apposition to the kind of body, not a capitalised word of its description
            draft.name = name_text(apposed)
            return
        proper = [
            t
            for t in words
            if t.pos_ == "PROPN" and t.is_title and t.i < head.i and t.ent_type_ in ("", "ORG")
        ]  # not "Texas" of "the Texas company": a place says where, not which
        if (
            draft.label == "ORG"
            and proper
            and proper[-1].i - proper[0].i + 1 == len(proper)
            and not any(t.lower_ in ("a", "an") for t in mention)  # "a House panel" is unnamed
        ):
            # "the national Pelita news agency": the organisation's own name, NER missed
            draft.name = name_text(proper)
            return
        cleaned = clean_name(words)
        if draft.label != "PERSON":
            lemma = head.lemma_.lower()
            if lemma in self.lex.described_bodies and all(t.pos_ != "PROPN" for t in cleaned):
                draft.title = lemma  # "police said": no force named, the word describes them
                return
        ref = None
        if draft.label == "PERSON" and any(self.lex.is_title_word(t) for t in cleaned):
            ref = self._title_ref(cleaned)
        elif self._describes_people(head):
            # "Officials", "some residents", "the first victim": a reader writes the
            # description as the title of a speaker the article never names; of a count,
            # the people counted ("tens of thousands of nurses" -> "nurses")
            counted = _counted(head)
            if counted is not None:
                cleaned = clean_name([t for t in counted.subtree if not t.is_punct])
            ref = self._title_ref(cleaned, described=True)
        if ref is not None:
            draft.title, draft.affiliation = ref.text, ref.affiliation
            if cleaned[0].is_sent_start and cleaned[0].pos_ == "NOUN":  # "Experts said"
                draft.title = ref.text[:1].lower() + ref.text[1:]

    @staticmethod
    def _add_new_title(ent: Entity, title: TitleRef | None) -> None:
        """Give ``ent`` a title a description says of them, unless one they have says more."""
        if title is not None and not any(
            _words_of(title.text) <= _words_of(t.text) for t in ent.titles
        ):
            ent.add_title(title)

    def _named_below(self, head: Token) -> bool:
        """Is a description one the body goes on to name: a headline's with no article
        ("Former Port Chairman: plan will fail"), or one with "the" in the lead ("…, the police
        chief said Thursday." before "Police Chief Ann Lee")?"""
        dets = [c for c in head.children if c.dep_ in ("det", "poss")]
        # a headline's "A judge has said …" is as much the judge the body names
        if all(c.lower_ in ("a", "an") for c in dets) and self.in_headline(head):
            return True
        return (
            # "the police chief", or a body's: "Harbour Police's deputy commissioner"
            any(
                c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" and c.pos_ == "PROPN"
                for c in dets
            )
            # the lead's paragraphs and one more: a byline or date line can push the lede down
            and self.ctx.token_paragraph[head.i] <= LEAD_PARAGRAPHS
        )

    def _bench(self, head: Token) -> list[Entity]:
        """The judges of a bench, as the nearest bench phrase that names any gives them: "a
        bench of Justices Ann Rao and Dev Lal", "a bench led by Justice Rao, comprising
        Justice Lal", "Justice Rao, who led the bench with Justice Lal"."""
        doc = self.ctx.doc
        para_limit = self.ctx.token_paragraph[head.i] - BENCH_LOOKBACK_PARAGRAPHS
        for i in range(head.i, -1, -1):
            if self.ctx.token_paragraph[i] < para_limit:
                break
            bench = doc[i]
            if bench.lemma_.lower() != "bench" or self.ctx.quoted(i):
                continue
            found: dict[int, Entity] = {}
            verb = bench.head
            if bench.dep_ == "dobj" and verb.lemma_.lower() in self.lex.bench_verbs:
                for c in verb.children:  # "Justice Rao, who led the bench"
                    subject = c if c.dep_ == "nsubj" else None
                    if subject is not None and subject.lower_ in ("who", "which"):
                        subject = verb.head if verb.dep_ == "relcl" else None
                    if subject is not None:
                        owner = self._person_of(subject)
                        if owner is not None:
                            found[id(owner)] = owner
            # "…, comprising Justice Lal": the parse may hang the rest of the bench elsewhere
            rest = [
                t
                for v in bench.sent
                if v.i > bench.i and v.lemma_.lower() == "comprise"
                for t in v.subtree
            ]
            for t in (*bench.subtree, *rest):
                owner = self.by_token.get(t.i)
                if owner is not None and owner.label == "PERSON" and t.i != bench.i:
                    found.setdefault(id(owner), owner)
            if found:
                return list(found.values())
        return []

    def _issuer_of_earlier(self, head: Token) -> Entity | None:
        """'the statement', 'the warning': the issuer of the same document, or of the nearest
        document of `[document_nouns]`, the article named in the two paragraphs before ("a
        report published by the Harbour Weather Office", "Ann Lee, in a statement on Tuesday,
        said", "The agency has issued an alert")."""
        doc = self.ctx.doc
        limit = self.ctx.token_paragraph[head.i] - 2
        lemma = head.lemma_.lower()
        documents = self.lex.document_nouns
        announced: Entity | None = None  # "the party announced …" before "the release said"
        seen = False
        for i in range(head.i - 1, -1, -1):
            if self.ctx.token_paragraph[i] < limit:
                break
            tok = doc[i]
            other = tok.lemma_.lower()
            if self.ctx.quoted(i):
                continue
            if (
                announced is None
                and tok.pos_ == "VERB"
                and self.lex.is_cue_verb(tok, "speech")
                and other not in self.lex.relaying_verbs
            ):
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                body = self.by_token.get(subject.i) if subject is not None else None
                if body is not None and body.label == "ORG":
                    announced = body
            if tok.pos_ != "NOUN":
                continue
            if other == lemma or (other in documents and lemma in documents):
                issuer = self._issuer(tok)
                if issuer is not None:
                    return issuer
                seen = True  # a document named before whose issuer the article does not say
        # no document before it: the organisation whose speech the article reported last
        return announced if lemma in documents and not seen else None

    def _issuer(self, tok: Token) -> Entity | None:
        """Who issued the document `tok` names: the issuer its phrase names ("a report by the
        HWO", "the HWO's report", "a PPD report", "a release issued by the league"), the
        speaker it is said in ("Ann Lee, in a statement …, said"), or the subject of the verb
        that put it out ("the club released a statement")."""
        for t in tok.subtree:
            owner = self.by_token.get(t.i)
            if owner is None or t.i == tok.i or owner.label not in ISSUER_LABELS:
                continue
            if climb(t, ("compound", "poss", "nmod")).i == tok.i and t.i < tok.i:
                return owner
            if t.head.lower_ in ("by", "from") and t.head.dep_ in ("prep", "agent"):
                return owner
        for c in tok.children:
            if c.dep_ == "poss" and is_pronoun(c):  # "her statement", "its release"
                return self.resolve_pronoun(c)
            if c.dep_ == "relcl" and c.lemma_.lower() in self.lex.issuing_verbs:
                # "a speech Ms Lee gave in May", "the letter she wrote": its clause's subject
                subject = next((s for s in c.children if s.dep_ == "nsubj"), None)
                if subject is not None:
                    return self._subject_issuer(subject)
            if c.dep_ == "acl" and c.lemma_.lower() in self.lex.ascribing_verbs:
                # "a statement attributed to the ministry": whom it is put down to
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "to":
                        target = next((o for o in p.children if o.dep_ == "pobj"), None)
                        if target is not None:
                            return self._subject_issuer(target)
        if tok.dep_ == "appos":  # "another alert, this one a warning"
            tok = tok.head
        verb = tok.head
        if tok.dep_ == "nsubjpass" and verb.lemma_.lower() in self.lex.issuing_verbs:
            # "a letter was sent by the choir's director, Jo Penn": whom it came from
            source = source_of(verb)
            return self._subject_issuer(source) if source is not None else None
        if tok.dep_ == "pobj" and verb.lower_ == "in":  # "Ann Lee said in a statement"
            verb = verb.head
        elif tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.issuing_verbs:
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return self._person_of(verb) or self.by_token.get(verb.i)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subject is None and verb.dep_ in ("pcomp", "advcl", "xcomp", "conj"):
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "after issuing it"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        return self._subject_issuer(subject)

    def _subject_issuer(self, subject: Token) -> Entity | None:
        """Who the noun phrase `subject` of an issuing or ascribing verb names."""
        if is_pronoun(subject):
            return self.resolve_pronoun(subject)
        return (
            self._person_of(subject)
            or self.by_token.get(subject.i)
            or self._nominal_links.get(subject.i)
        )

    def _person_of(self, tok: Token) -> Entity | None:
        """The person a noun phrase names, by its own name or one in apposition to it."""
        owner = self.by_token.get(tok.i)
        if owner is None:
            found = self._person_in_apposition(tok)
            owner = found[0] if found else self._nominal_links.get(tok.i)
        return owner if owner is not None and owner.label == "PERSON" else None

    def _describes_people(self, head: Token) -> bool:
        """A common noun for people, not a document, a work, a count or "the latter"."""
        lemma = head.lemma_.lower()
        return (
            head.pos_ == "NOUN"
            and (head.ent_type_ in ("", "NORP") or head.tag_ == "NNS")  # "Farmers" tagged ORG
            and lemma not in self.lex.not_people
            and not self.lex.is_cue_noun_lemma(lemma, "attribution")
        )

    def _same_role_for(self, head: Token) -> Entity | None:
        """'A spokesman for Ann Lee called it outrageous', then "Lee spokesman Tom Reyes
        said": the one person the article names with that role for the same person or body
        (a title with the same head word and the owner's last name in it)."""
        if head.pos_ != "NOUN" or not self.lex.is_title_word(head):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return None
        owner = None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "to"):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                owner = self.by_token.get(obj.i) if obj is not None else None
                break
        if owner is None:
            return None
        key = owner.tokens[-1].lower()
        found = [
            e
            for e in self.entities
            if e.label == "PERSON"
            and e is not owner
            and any(
                title_head(t.text) == head.lower_ and key in t.text.lower().split()
                for t in e.titles
            )
        ]
        return found[0] if len(found) == 1 else None

    def _owner_of_words(self, head: Token) -> Entity | None:
        """'her account', 'his best response', "Lee's statement", "the Daily Harbour's
        investigative unit": words or a unit that are someone's, or an organisation's, are
        theirs to have said (not "his campaign", an organisation, or "her lawyer")."""
        if (
            head.pos_ != "NOUN"
            or head.lemma_.lower() in self.lex.nominal_heads
            or head.lemma_.lower() in self.lex.relation_words  # "Lee's close friends"
            or head.lemma_.lower().endswith(AGENT_ENDINGS)  # "his partner", "her backers"
        ):
            return None
        for c in head.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in ("his", "her"):
                return self.resolve_pronoun(c)
            owner = self.by_token.get(c.i)
            if owner is not None and owner.label in ("PERSON", "ORG"):
                return owner  # "Lee's statement", "Harbour Media's ad tracker", "its unit"
        return None

    def _name_after_joint_role(self, head: Token) -> tuple[Entity, list[Token]] | None:
        """'finance director and COO Dev Anand has welcomed …': the parse makes the name a
        conjunct of the first role; with only role words between, both roles are the name's."""
        if not self.lex.is_title_word(head):
            return None
        for conj in head.children:
            if conj.dep_ != "conj" or conj.i <= head.i:
                continue
            ent = self.by_token.get(conj.i)
            if ent is None or ent.label != "PERSON":
                return None
            toks = [t for t in conj.subtree if self.by_token.get(t.i) is ent]
            between = self.ctx.doc[head.i + 1 : toks[0].i]
            if not between or not all(
                t.dep_ == "cc" or self._is_title_token(t) or self.is_honorific(t) for t in between
            ):
                return None
            return ent, toks
        return None

    def _name_after_comma(self, head: Token) -> list[Token] | None:
        """'quoted the Commissioner of Police in the state, Bala Musa, as saying': a person
        named right after the comma that closes a role description, which the parse did not
        make its apposition, is who the description is."""
        doc = head.doc
        if not self.lex.is_title_word(head):
            return None
        k = head.right_edge.i + 1
        while k < len(doc) and k - head.i <= 8 and not (doc[k].is_punct or doc[k].pos_ == "VERB"):
            k += 1  # "in the state": a phrase the parse hangs elsewhere
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        first = doc[k + 1]
        if first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or self.ctx.quoted(first.i):
            return None
        end = first.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        root = doc[end - 1]
        if root.head.i not in (head.i, head.head.i) or root.dep_ in ("nsubj", "nsubjpass"):
            return None  # "the minister, Ann Lee said": the name is the next clause's subject
        return self.person_tokens(doc[first.i : end])

    def _name_apposed_in_role(self, head: Token) -> list[Token] | None:
        """'Deputy Minister for Housing & Tenants' Welfare, Asha Varma, said …': a
        person set off by commas whom the parse hung in apposition to a word of the role's
        own phrase, not to the role word, is who the role is."""
        if not self.lex.is_title_word(head):
            return None
        doc = head.doc
        for t in head.subtree:
            if (
                t.i > head.i
                and t.dep_ == "appos"
                and t.ent_type_ == "PERSON"
                and t.head.i != head.i
                and doc[t.left_edge.i - 1].text == ","
                and not self.ctx.quoted(t.i)
            ):
                first = t.left_edge.i
                while first < t.i and doc[first].ent_type_ != "PERSON":
                    first += 1
                return self.person_tokens(doc[first : t.i + 1])
        return None

    def _name_right_after(self, mention: Span) -> tuple[Entity, list[Token]] | None:
        """'Harbour Ward Councillor and mayoral candidate Ann Lee said', 'Minister for Trade,
        Enterprise and Jobs Ann Lee welcomed …': a role the parse left without its name, when a
        person follows it with only more of the title between (role words, "and", a bracket,
        a comma, an honorific), is that person."""
        doc = self.ctx.doc
        head = mention.root
        if (
            not self._is_title_token(head)
            or head.tag_ in ("NNS", "NNPS")  # "aides to Gov. Ann Lee and Tom Hale": not one
            or mention.end >= len(doc)
        ):
            return None
        k = mention.end
        while k < len(doc) and k - mention.end <= 6 and self.by_token.get(k) is None:
            tok = doc[k]
            if tok.text == "." and self._dotted_title(doc[k - 1].text + "."):
                k += 1  # "said Coun. Mira Lutz": the dot of the title, where a parse may
                continue  # start a new sentence
            if (
                tok.is_sent_start
                or self.ctx.quoted(k)
                or tok.text in ('"', "“", "”", ".", ";", ":")
            ):
                return None
            if tok.pos_ in ("VERB", "AUX", "DET", "PRON", "SPACE"):
                # "Counsel assisting the coroner Ann Lee": words of another kind go on the role
                # only when the title found before the name starts at the role word
                return self._titled_from(head, k + 1)
            k += 1
        return self._person_at(k)

    def _person_at(self, k: int) -> tuple[Entity, list[Token]] | None:
        """The person whose name starts at token ``k``, with the name's tokens."""
        doc = self.ctx.doc
        ent = self.by_token.get(k) if k < len(doc) else None
        if ent is None or ent.label != "PERSON":
            return None
        toks = [doc[k]]
        while toks[-1].i + 1 < len(doc) and self.by_token.get(toks[-1].i + 1) is ent:
            toks.append(doc[toks[-1].i + 1])
        return ent, toks

    def _titled_from(self, head: Token, k: int) -> tuple[Entity, list[Token]] | None:
        """The person named within a few words after token ``k`` whose title, as found
        before the name, starts at ``head`` or before it (so the role word is in it)."""
        doc = self.ctx.doc
        end = min(len(doc), head.i + 8)
        while k < end and self.by_token.get(k) is None and not doc[k].is_sent_start:
            k += 1
        found = self._person_at(k) if k < end else None
        if found is None:
            return None
        title = self.title_before(found[1])
        return found if title is not None and title.start <= head.idx else None

    def _name_set_off_before(self, mention: Span) -> Entity | None:
        """'…, Ann Lee, a city spokeswoman said.': the apposition's closing comma left out, the
        parse makes the description the subject and strands the name before it; the person
        is the one named right before the comma that opens an indefinite description."""
        doc = self.ctx.doc
        k = mention.start - 1
        head = mention.root
        if (
            k < 1
            or doc[k].text != ","
            or mention[0].lower_ not in ("a", "an", "the")
            # "… signed with Tom Hale, the minister said": a name the clause before takes as
            # its object is someone the minister named, not the minister
            or mention[0].lower_ == "the"
            and climb(doc[k - 1], NAME_DEPS).dep_ in ("pobj", "dobj", "dative", "attr", "conj")
            or not self.lex.is_title_word(head)
            or not (
                head.dep_ in ("nsubj", "nsubjpass")
                or head.dep_ == "appos"
                and head.head.i == k - 1  # or hung on the name
            )
        ):
            return None
        ent = self.by_token.get(k - 1)
        return ent if ent is not None and ent.label == "PERSON" else None

    def _name_before_comma(self, words: list[Token]) -> list[Token] | None:
        """A mention NER found no name in that opens with two or three capitalised words and a
        comma: those words are the person's name, the rest describes them."""
        comma = next((k for k, t in enumerate(words) if t.text == ","), None)
        if comma is None or not 2 <= comma <= 3:
            return None
        first = words[:comma]
        if not all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ in ("", "ORG") for t in first):
            return None
        described = [t for t in words[comma + 1 :] if t.dep_ == "appos"]  # "counsel for …"
        if not described or not (
            self.lex.is_title_word(described[0])
            or self.lex.nominal_heads.get(described[0].lemma_.lower()) == "PERSON"
        ):
            return None
        return self.person_tokens(first)

    def _fill(self, draft: Draft, ent: Entity, title: TitleRef | None) -> None:
        draft.name, draft.label = ent.name, speaking_label(ent.label)
        if title is not None:
            ent.add_title(title)
            ent.mark_spoken(title)
        self.resolved[id(draft)] = ent
        mention = draft.mention
        if mention is not None:
            # The mention now stands for the entity, so a later "she" or "the company" can
            # find it as the nearest earlier mention (this is how alternating speakers work).
            self._add_mention(
                ent, mention.root, (mention.start_char, mention.end_char), subject=True
            )
            if not self._relays_someone_acting(draft):
                self.speaking_positions.add(mention.root.i)
            if not ent.gender and ent.label == "PERSON":
                ent.gender = PERSONAL_PRONOUNS.get(mention.root.lower_)

    def _relays_someone_acting(self, draft: Draft) -> bool:
        """'Ana Ruiz is seeking a new law, according to the Harbour Post. She said …': the
        source of an "according to" clause whose subject is a person named there relays what
        that person does; the person, not the source, is who the next "she" is about."""
        if draft.method != "reported_according_to" or draft.mention is None:
            return False
        if draft.mention.root.pos_ == "PRON":
            return False  # "According to him, the old man …": the one speaking all along
        span = self.ctx.span_chars(draft.start, draft.end)
        if span is None:
            return False
        for t in span.root.children:
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            # the subject, or the name in apposition to it ("The head of the fund, Ana Ruiz,
            # is …", the parse may hang the name on the fund)
            for named in (t, *(c for c in t.subtree if c.dep_ == "appos")):
                ent = self.by_token.get(named.i)
                if ent is not None and ent.label == "PERSON":
                    return True
        return False

    def _organisation_named(self, tok: Token) -> bool:
        owner = self.by_token.get(tok.i)
        return owner is not None and owner.label == "ORG"

    def _names_a_person(self, mention: Span) -> bool:
        named = self.name_in_mention(mention)
        return named is not None and named[0].label == "PERSON"

    def name_in_mention(self, mention: Span) -> tuple[Entity, list[Token]] | None:
        """The named entity a mention is about: a person if it holds one, else the head's org."""
        last = mention[-1]
        if (
            last.is_upper
            and len(last) > 1
            and all(t.is_upper or t.is_punct for t in mention)
            and not self.lex.is_title_word(last)  # "A JUDGE has complained": a description
            and not self._organisation_named(last)  # "PPD said": the abbreviation of a body
        ):
            # a transcript label ("WALLACE", "SEN. JO HART"): the person with that surname
            known = self._by_surname.get(last.lower_)
            if known:
                return known[-1], [last]
            # "HR cited logistics": the initials of the one organisation the article names so
            full = self.by_initials.get(last.text, []) if len(mention) == 1 else []
            if len(full) == 1:
                return full[0], [last]
            words = [t for t in mention if t.is_alpha]
            if words:  # a label of its own; NER sometimes runs it into the next words
                return self._register(words, "PERSON"), words
        if (
            len(mention) == 2
            and mention[0].lower_ == "the"
            and last.is_upper
            and len(last) > 1
            and not self.lex.is_title_word(last)
        ):
            # "The HTA added": the initials NER left untagged of the one organisation the
            # article names so ("the Harbour Transport Authority")
            full = self.by_initials.get(last.text, [])
            if len(full) == 1:
                return full[0], [last]
            holder = self.holder_of_initials(last.text)
            if holder is not None:  # "the CPRO" after "Chief Public Relations Officer Ann Lee"
                return holder, [last]
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
        head = _document_copied(mention.root, self.lex)
        lemma = head.lemma_.lower()
        if (
            lemma in self.lex.speech_nouns
            or lemma in self.lex.not_people
            or self.lex.is_cue_noun_lemma(lemma, "attribution")  # "the WMO research"
        ):
            issuers = persons + [(e, t) for e, t in others if e.label == "ORG"]
            for ent, toks in issuers:  # "a statement from Mr Dawson": Dawson speaks
                if any(
                    t.head.dep_ in ("prep", "agent") and t.head.lower_ in ("from", "by")
                    for t in toks
                ):
                    return ent, toks
            for ent, toks in persons:  # "Tom Ruiz's speech": whose it is
                if any(t.dep_ == "poss" and t.head.i == head.i for t in toks):
                    return ent, toks
            for ent, toks in issuers:  # "a PPD news release", "the board's statement"
                if ent.label == "ORG" and any(
                    t.i < head.i and climb(t, ("compound", "poss", "nmod")).i == head.i
                    for t in toks
                ):
                    return ent, toks
            for t in mention:  # "a PPD news release", the initials NER left untagged
                full = self.by_initials.get(t.text, []) if t.is_upper and len(t) > 1 else []
                if t.i < head.i and len(full) == 1 and climb(t, ("compound", "poss")).i == head.i:
                    return full[0], [t]
            # "its release", "the club released a statement which read"; never "the Post"
            issuer = self._issuer(head) if head.pos_ == "NOUN" else None
            if (
                issuer is None
                and head.pos_ == "NOUN"
                and any(t.lower_ in ("the", "this", "that") for t in mention if t.i < head.i)
            ):
                issuer = self._issuer_of_earlier(head)
            if issuer is not None:  # "Ann Lee said in a statement … ⏎ The statement said"
                return issuer, [head]
        for ent, toks in persons:
            last = toks[-1]
            if (
                last.dep_ == "nmod"
                and last.head.i == head.i
                and any(
                    c.dep_ == "prep" and c.lower_ in ("of", "from", "at") for c in last.children
                )
            ):
                # "Det Insp Ann Corrie of Kilbride Garda station said", parsed with "station"
                # as the head and the name as its modifier: the name is who speaks
                return ent, toks
        places = [(e, t) for e, t in others if e.label in ("NORP", "GPE")]
        group = self._persons_group(persons + possessors + places, head)
        if group is not None:  # "the Clinton campaign", "Ruiz's team"
            return group
        if persons and not (  # "Ana Ruiz and Tom Lee" with "Ana Ruiz" missed: the head first
            head.pos_ == "PROPN"
            and head.is_title
            and head.i not in self.by_token
            and any(c.dep_ == "conj" for c in head.children)
        ):
            return self._head_person(persons, head)
        if head.is_title and head.lower_ in self._by_surname and head.i not in self.by_token:
            ent = self._register([head], "PERSON")  # '"…," Price said' with Price parsed NOUN
            return ent, [head]
        appositive = self._person_in_apposition(head)
        if appositive is not None:  # "Brazil's finance minister, Rafael Costa, said"
            return appositive
        if (
            head.pos_ == "PROPN"
            and head.i not in self.by_token
            and head.is_title
            and not (  # "The Mayor said", "The Court said": resolved as a description
                (self.lex.is_title_word(head) or self._kind_alone(head))
                and any(t.lower_ in ("the", "a", "an") for t in mention if t.i < head.i)
            )
        ):
            toks = [t for t in mention if t.pos_ == "PROPN" and t.i <= head.i]
            run = [head]
            j = head.i - 1
            while j >= mention.start and self.ctx.doc[j].pos_ == "PROPN":
                run.insert(0, self.ctx.doc[j])
                j -= 1
            person = self.person_tokens(run)
            if not person and not self._is_title_token(toks[-1]):
                person = toks[-1:]  # a lone capitalised word, but never a title ("General")
            if person:
                ent = self._register(person, "PERSON")
                return ent, person
        if (
            head.ent_type_ == "NORP"
            and head.tag_ in ("NNPS", "NNS")
            and any(
                c.dep_ in ("det", "amod", "nummod") and c.lower_ != "the" for c in head.children
            )
        ):
            return None  # "many Democrats", "veteran Republicans": some of them, unnamed
        for ent, toks in others:  # "the Swedish envoy" is not about Sweden; "Sweden" is
            if head.i in {t.i for t in toks}:
                return ent, toks
        for ent, toks in others:  # "the state-owned lender Harbour Bank", "the regulator, PMA"
            if ent.label == "ORG" and toks[-1].dep_ == "appos" and toks[-1].head.i == head.i:
                return ent, toks
        return None

    def _head_person(
        self, persons: list[tuple[Entity, list[Token]]], head: Token
    ) -> tuple[Entity, list[Token]] | None:
        """The person a mention is about is its head: "Karl Dunn, the chief strategist of Ed
        Vance's campaign" is Dunn; a name inside a modifier ("adviser to Ed Vance") is not."""
        if len(persons) > 1:
            # "Kanpur senior superintendent of police Ramesh Gupta", NER calling the place a
            # person: the last name's own title holds the head and every other "name", or
            # starts right after them (the walk over the title stops at a person's name)
            ent, toks = persons[-1]
            title = self.title_before(toks)
            others = [t for _, other in persons[:-1] for t in other]
            after = max(t.i for t in others) + 1
            if title is not None and (
                title.start <= min(head.idx, min(t.idx for t in others))
                or after < toks[0].i
                and title.start == self.ctx.doc[after].idx
                and head.i < after
            ):
                return ent, toks
        for ent, toks in persons:
            if any(t.i == head.i for t in toks):
                return ent, toks
        appositive = self._person_in_apposition(head)
        if appositive is not None:
            return appositive
        direct = [
            (e, toks)
            for e, toks in persons
            if (not _inside_modifier(toks[-1], head) or _one_of_them(toks[-1], head))
            and not self._names_whose_role(toks[-1], head)
        ]
        if direct:
            return direct[-1]
        for ent, toks in persons:
            # "Harbourland's Ambassador to the UN Ann Lee" parsed with the name under "to": the
            # head is the name's own title, so the name is the speaker after all
            title = self.title_before(toks)
            if title is not None and (title.start <= head.idx or self._title_of_head(title, head)):
                return ent, toks
        return None

    def _names_whose_role(self, tok: Token, head: Token) -> bool:
        """'the Redrock founder', 'the Harbour City boss': a name that modifies a role word
        says whose role it is; the one who holds it is someone else. A headline capitalises
        the role ("Former Vance Pollster Says …")."""
        return (
            tok.dep_ == "compound"
            and tok.head.i == head.i
            and (
                head.pos_ == "NOUN"
                and head.is_lower
                or head.is_title
                and self._is_title_token(head)
                and self.in_headline(head)
            )
            and (
                self._is_title_token(head)
                # "McConnell aides", "Trump officials": people of a kind, more than one
                or head.tag_ == "NNS"
                and self.lex.nominal_heads.get(head.lemma_.lower()) == "PERSON"
                # "a Trump supporter", "one Obama insider": someone new, of that person's side
                or any(
                    c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one")
                    for c in head.children
                )
            )
        )

    def _title_of_head(self, title: TitleRef, head: Token) -> bool:
        """'International Association of Harbour Federations president Lamine Dao' parsed
        with the organisation as the head and the name under its "of": a title that runs on
        from the head's own name is the person's, so the person is the speaker."""
        doc = self.ctx.doc
        span = doc.char_span(title.start, title.start + 1, alignment_mode="expand")
        owner = self.by_token.get(head.i)
        if span is None or owner is None or owner.label == "PERSON":
            return False
        k = span[0].i
        return all(self.by_token.get(i) is owner for i in range(head.i, k))

    def _persons_group(
        self, persons: list[tuple[Entity, list[Token]]], head: Token
    ) -> tuple[Entity, list[Token]] | None:
        """ "The Ruiz campaign", "Ruiz's team": the organisation named after its person."""
        for ent, toks in persons:
            group = self.group_named_after(ent, toks[-1], head)
            if group is not None:
                return group, [head]
        return None

    def _coordinated(self, mention: Span, ent: Entity, toks: list[Token]) -> list[Entity]:
        """Everyone coordinated with the speaker, in text order, the speaker included: "Ana
        Ruiz and Tom Lee", "Ana Ruiz, Tom Lee and Kofi Mensah", "Ruiz and her deputy, Tom Lee",
        "the Greens and Ben Ortiz"; empty when the speaker is alone. A conjunct with no name
        ("officials and residents") adds no one; a name NER missed is registered as a person."""
        root = climb(toks[-1], NAME_DEPS)
        while root.dep_ in ("conj", "appos") and root.head.i != root.i:
            first = self._names(root.head)
            # "CEO of Harbour Games, Jo Penn": a person the parse sets in apposition to a body
            # is the body's officer, not one more speaker beside it
            if first is None or root.dep_ == "appos" and first.label != ent.label:
                break
            root = root.head  # to the first of the coordinated names
        found: dict[int, Entity] = {}
        stack = [root]
        while stack:
            tok = stack.pop()
            # an apposition counts, and is walked into, only as a person's name ("Ruiz, Tom
            # Lee and …"): "Jo Reid (D-Ore.)" adds no one, nor the body that ends the role in
            # "Jo Reid, Director, Harbour Bank and Trust,"
            if tok.dep_ in ("appos", "conj") and tok.i != root.i and bracketed(tok):
                continue  # "Tom Reed (Hill North)", "(Con, Hill Ward)": a seat or a party
            if tok.dep_ == "appos" and tok.i != root.i:
                member = self.by_token.get(tok.i)
                if member is None or member.label != "PERSON":
                    continue
            stack.extend(
                c
                for c in tok.children
                if c.dep_ == "conj" or c.dep_ == "appos" and c.pos_ == "PROPN"
            )
            if self.ctx.quoted(tok.i):
                continue
            member = self._names(tok)
            if member is not None and member.label in ("PERSON", "ORG", "NORP"):
                found.setdefault(id(member), member)
                self._first_seen.setdefault(id(member), tok.i)
        members = sorted(found.values(), key=lambda e: self._first_seen[id(e)])
        return members if len(members) > 1 and any(m is ent for m in members) else []

    def _names(self, tok: Token) -> Entity | None:
        """The cast member a conjunct names: its own name (registered if NER missed it), or a
        person in apposition to a description ("her deputy, Tom Lee")."""
        member = self.by_token.get(tok.i)
        if member is None and tok.pos_ == "PROPN" and tok.is_title:
            run = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t is tok]
            person = self.person_tokens(run)
            if person and not any(self._is_title_token(t) for t in person):
                member = self._register(person, "PERSON")
        elif member is None and tok.pos_ == "NOUN":
            found = self._person_in_apposition(tok)
            member = found[0] if found else None
        return member

    def _person_in_apposition(self, head: Token) -> tuple[Entity, list[Token]] | None:
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        children = list(head.children)
        for prep in head.children:
            if prep.dep_ == "prep":
                # "CEO of Harbour Games Australia, Jo Penn AM, said": the parse can hang the
                # name on the body of the role, which no person stands in apposition to
                children += [
                    c
                    for obj in prep.children
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("ORG", "GPE", "FAC")
                    for c in obj.children
                ]
        for child in children:
            if child.dep_ != "appos":
                continue
            named = child
            if self._postnominal(child):  # "Jo Penn AM": the parse heads the name with "AM"
                named = next((t for t in child.lefts if t.dep_ == "compound"), child)
            ent = self.by_token.get(named.i)
            if ent is not None and ent.label == "PERSON":
                toks = [t for t in child.subtree if self.by_token.get(t.i) is ent]
                return ent, toks
        return None

    def resolve_pronoun(self, pron: Token) -> Entity | None:
        """he/she -> nearest compatible person (subjects first); it/they -> nearest group;
        the "it" of "it was revealed that …" stands for the clause, so for nobody."""
        if pron.lower_ == "it" and pron.dep_ == "nsubjpass" and _reports_a_clause(pron.head):
            return None
        return self._nearest_antecedent(pron.i, pron.lower_)

    def give_best_titles(self, drafts: Iterable[Draft]) -> None:
        """Every quote of a cast member carries that member's best title, whatever the quote's
        own mention said ("he", "Hart", "the councillor"): decided once all mentions are in."""
        for draft in drafts:
            ent = self.resolved.get(id(draft))
            if ent is None:
                continue
            title = ent.best_title()
            draft.title = title.text if title else None
            draft.affiliation, draft.held_at = self.where_held(ent)
            draft.members = [self._member(m) for m in self.members.get(id(draft), [])]

    def where_held(self, ent: Entity) -> tuple[str | None, str | None]:
        """The member's affiliation and where their title is held. The affiliation is what
        the best title itself names ("Metro Transit" of "Metro Transit chief executive", "HAG"
        of "HAG chairman"), the person it is held for ("Elena Ruiz" of "Ruiz's campaign
        manager"), or for someone with no title the organisation named after the name ("Nia
        Obi of Coastal Food Network"). Where the title is held is the organisation the article
        names elsewhere: "Governor" at the bank named before, "HAG chairman" at the group the
        initials stand for, "the union's president" at the union; readers write the title as
        the article gives it, so this stays apart from the affiliation. Asked once every
        mention is in (for each quote of the member: computed once)."""
        held = self._held.get(id(ent))
        if held is None:
            held = self._held[id(ent)] = self._where_held(ent)
        return held

    def _body_owning_title(self, title: TitleRef) -> str | None:
        """'The company’s chief executive', "the association’s chairman": the organisation a
        definite description owning the title stands for (`_organisation_described`), its
        own affiliation as "Ruiz's" is of "Ruiz's campaign manager" (computed once a title)."""
        key = (title.start, title.text)
        if key not in self._owners:
            self._owners[key] = self._find_body_owning_title(title)
        return self._owners[key]

    def _find_body_owning_title(self, title: TitleRef) -> str | None:
        doc = self.ctx.doc
        span = doc.char_span(title.start, title.start + 1, alignment_mode="expand")
        if span is None:
            return None
        first = span[0]
        if first.i + 1 < len(doc) and doc[first.i + 1].text in POSSESSIVE:
            owner = first  # "company’s chief executive", the owner in the title
        elif first.i >= 2 and doc[first.i - 1].text in POSSESSIVE:
            owner = doc[first.i - 2]  # "the association’s | chairman", the owner before it
        else:
            return None
        if owner.pos_ != "NOUN" or not owner.is_lower:
            return None
        det = next((c for c in owner.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            return None
        return self._organisation_described(doc[det.i : owner.i + 1])

    def _where_held(self, ent: Entity) -> tuple[str | None, str | None]:
        title = ent.best_title()
        if title is not None:
            # the title as the article wrote it, the organisation its owner stands for
            owner = self._body_owning_title(title)
            if owner is not None:
                return owner, None
        full = self.affiliation_of(ent)
        if (
            title is not None
            and ent.place
            and " " not in title.text
            # where a bare title is held the article said of the person ("Councillor Jo Hart
            # (Con, Hill Ward)") over the town the article is about
            and (not title.affiliation or title.affiliation not in title.text)
        ):
            return ent.place, (full if full != ent.place else None)
        if title is None or full is None or full == self._whose(title, ent):
            return full, None
        own = title.affiliation
        if own is not None and not _words_of(own) <= _words_of(title.text):
            own = None
        return own, (full if full != own else None)

    def affiliation_of(self, ent: Entity) -> str | None:
        """The organisation of the member's best title, as the article spells it out (a
        person it is held for by their full name first: "Reale's lawyer" is Tomas Reale's),
        wherever the article says it; for a member with no title, the one named right after
        the name ("Nia Obi of Coastal Food Network"). `where_held` splits it into what the
        title names and where else it is held."""
        title = ent.best_title()
        if title is None:
            return ent.organisation
        return self._whose(title, ent) or self._spelled_out(title)

    def _whose(self, title: TitleRef, ent: Entity) -> str | None:
        """'Sabina's lawyer', 'Ruiz's campaign manager': the person a title is held for, by
        the name the article gives them in full (the affiliation the issue allows: title
        "campaign manager", affiliation "Ruiz")."""
        doc = self.ctx.doc
        span = doc.char_span(title.start, title.start + 1, alignment_mode="expand")
        if span is None:
            return None
        start = span[0].i
        while start + 1 < len(doc) and (self.honorific_at(start) or doc[start].text == "."):
            start += 1  # "Mr Petrie's son": the honorific is no part of whose
        owner = self.by_token.get(start)
        if owner is None or owner is ent or owner.label != "PERSON":
            return None
        end = start
        while end + 1 < len(doc) and self.by_token.get(end + 1) is owner:
            end += 1
        # NER may take the possessive into the name ("KTN Ghana’s")
        marked = (
            doc[end].text in POSSESSIVE or end + 1 < len(doc) and doc[end + 1].text in POSSESSIVE
        )
        return owner.name if marked else None

    def _spelled_out(self, title: TitleRef) -> str | None:
        """The organisation of a title, as the article spells it out: "DPS Acting Head" after
        "the Department of Public Services (DPS)" is at the Department of Public Services."""
        words = [title.affiliation] if title.affiliation else title.text.split()
        for word in words:
            full = self.by_initials.get(word.replace(".", ""), []) if word.isupper() else []
            if len(full) == 1 and len(word) >= 2:
                return full[0].usual or full[0].name
        return title.affiliation

    def _member(self, ent: Entity) -> dict[str, Any]:
        title = ent.best_title()
        affiliation, held_at = self.where_held(ent)
        return {
            "name": ent.name,
            "title": title.text if title else None,
            "label": speaking_label(ent.label),
            "affiliation": affiliation,
            "held_at": held_at,
        }

    def speaker_table(self, drafts: Iterable[Draft]) -> list[dict[str, Any]]:
        """One JSON-able record per resolved entity that speaks: name, title, mentions, quotes."""
        order: list[Entity] = []
        quotes: dict[int, list[list[int]]] = {}
        for draft in drafts:
            ent = self.resolved.get(id(draft))
            if ent is None:
                continue
            for speaker in self.members.get(id(draft)) or [ent]:  # each member is credited
                if id(speaker) not in quotes:
                    order.append(speaker)
                    quotes[id(speaker)] = []
                quotes[id(speaker)].append([draft.start, draft.end])
        table = []
        for ent in order:
            title = ent.best_title()
            affiliation, held_at = self.where_held(ent)
            table.append(
                {
                    "name": ent.name,
                    "label": speaking_label(ent.label),
                    "title": title.text if title else None,
                    "affiliation": affiliation,
                    "held_at": held_at,
                    "mentions": sorted([s, e] for s, e in ent.spans),
                    "quotes": quotes[id(ent)],
                }
            )
        return table


def _words_of(text: str) -> set[str]:
    """A name's or title's words as a reader compares them: lower case, no possessive."""
    words = (w.strip(".,()").replace("’", "'").removesuffix("'s") for w in text.lower().split())
    return {w for w in words if w and w != "the"}


def joint_name(names: list[str]) -> str:
    """'Ann Rao and Dev Lal', 'Ann Rao, Dev Lal and Omar Khan': several speakers named together."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


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
                "held_at": sp.held_at,
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
            said = q.speaker
            if (
                said is not None
                and said.mention is not None
                and (said.name == g["name"] or not said.members)
            ):
                g["mentions"].add((said.mention.start, said.mention.end))  # not a co-speaker's
        title, affiliation, held_at = g["title"], g["affiliation"], g.get("held_at")
        if title is None:
            titled = next((q.speaker for q in qs if q.speaker and q.speaker.title), None)
            if titled is not None:
                title, affiliation, held_at = titled.title, titled.affiliation, titled.held_at
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
                held_at=held_at,
                mentions=mentions,
                quotes=tuple(qs),
            )
        )
    first = {id(s): min([m.start for m in s.mentions] + [q.start for q in s.quotes]) for s in out}
    out.sort(key=lambda s: first[id(s)])
    return tuple(out)
