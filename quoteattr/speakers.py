"""Speaker mention -> named person or organisation, with title and affiliation.

Works from the document alone: names found by NER (corrected where the small model is wrong),
surnames linked to the fullest earlier name, pronouns to the nearest compatible named speaker,
and nominals ("the Russian envoy") to the entity whose title matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from quoteattr.context import DocContext, Draft

PERSONAL_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "itself", "themselves"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
TITLE_GLUE = frozenset({"of", "to", "for", "the", "and", "on", "in", "at", "'s", "’s", "-", "&"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
POSSESSIVE = ("'s", "’s", "'", "’")
PRONOUN_LOOKBACK_PARAGRAPHS = 4


@dataclass
class Entity:
    """One named speaker candidate in a document, with every place it is mentioned."""

    name: str
    label: str
    tokens: tuple[str, ...]
    gender: str | None = None
    titles: list[tuple[int, str]] = field(default_factory=list)  # (char offset, title)
    positions: list[int] = field(default_factory=list)  # token index of each mention's head
    subject_positions: set[int] = field(default_factory=set)


def _clean_name(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list[Token] | Span) -> str:
    """The words as written (original spacing folded), not the tokens joined."""
    if not len(tokens):
        return ""
    first, last = tokens[0], tokens[-1]
    # Span.text, not doc.text: doc.text rebuilds the whole text on every call (quadratic)
    return " ".join(first.doc[first.i : last.i + 1].text.split())


class SpeakerResolver:
    """Builds the entity table for one document and resolves each quote's mention against it."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.lex = ctx.lexicon
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        self._collect_entities()

    # --- building the entity table -----------------------------------------------------------

    def person_tokens(self, span: Span | list[Token]) -> list[Token] | None:
        """The personal-name part of a name-like span ("the UN Nikki Haley" -> Nikki Haley)."""
        toks = _clean_name(list(span))
        while toks and (
            self.lex.is_title_word(toks[0])
            or (toks[0].is_upper and len(toks[0]) > 1)
            or toks[0].text in self.lex.honorifics
            or toks[0].lower_ in TITLE_GLUE
        ):
            toks = toks[1:]
        if not toks or not all(t.is_title or t.text in ("-", ".") or "." in t.text for t in toks):
            return None
        return toks

    def _looks_personal(self, toks: list[Token], had_prefix: bool) -> bool:
        first = toks[0]
        if self.lex.gender_of_first_name(first.text) or first.lower_ in self.lex.first_names:
            return True
        prev = first.nbor(-1) if first.i > 0 else None
        return had_prefix or (
            prev is not None and (self.lex.is_title_word(prev) or prev.text in self.lex.honorifics)
        )

    def _name_from_span(self, span: Span, label: str) -> tuple[list[Token], str] | None:
        if label == "PERSON":
            person = self.person_tokens(span) or _clean_name(list(span))
            return (person, "PERSON") if person else None
        if label in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"):
            toks = self.person_tokens(span)
            cleaned = _clean_name(list(span))
            if toks and len(toks) >= 2 and self._looks_personal(toks, len(toks) < len(cleaned)):
                return toks, "PERSON"
            if toks and len(toks) == len(cleaned) and toks[-1].lower_ in self._by_surname:
                return toks, "PERSON"  # "Reyes" tagged ORG after "Daniel Reyes" was seen
            return (cleaned, label) if cleaned else None
        return None

    def _entity_for(self, toks: list[Token], label: str) -> Entity:
        words = tuple(t.text for t in toks if t.text not in (".",))
        name = _text(toks)
        if label == "PERSON":
            last = words[-1].lower()
            for ent in reversed(self._by_surname.get(last, [])):
                if set(words) <= set(ent.tokens):
                    return ent
                if set(ent.tokens) <= set(words):  # a fuller name for a person seen by surname
                    ent.name, ent.tokens = name, words
                    return ent
        else:
            for ent in self.entities:
                if ent.label == label and ent.name.lower() == name.lower():
                    return ent
        ent = Entity(name=name, label=label, tokens=words)
        self.entities.append(ent)
        if label == "PERSON":
            self._by_surname.setdefault(words[-1].lower(), []).append(ent)
        return ent

    def _register(self, toks: list[Token], label: str) -> Entity:
        ent = self._entity_for(toks, label)
        head = toks[-1]
        for t in toks:
            self.by_token[t.i] = ent
        ent.positions.append(head.i)
        root = head
        while root.dep_ in ("compound", "flat") and root.head.i != root.i:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.dep_ == "nsubj"
        ):
            ent.subject_positions.add(head.i)
        if label == "PERSON":
            self._learn_gender(ent, toks)
            title = self.title_before(toks) or self.title_in_apposition(toks)
            if title:
                ent.titles.append((toks[0].idx, title))
        return ent

    def _learn_gender(self, ent: Entity, toks: list[Token]) -> None:
        if ent.gender:
            return
        prev = toks[0].nbor(-1) if toks[0].i > 0 else None
        if prev is not None and prev.text in self.lex.honorifics:
            g = self.lex.honorifics[prev.text]
            if g in ("f", "m"):
                ent.gender = g
                return
        if len(ent.tokens) >= 2:
            ent.gender = self.lex.gender_of_first_name(ent.tokens[0])

    def _collect_entities(self) -> None:
        for span in self.ctx.doc.ents:
            if span.label_ not in NAMED_LABELS:
                continue
            found = self._name_from_span(span, span.label_)
            if found:
                self._register(*found)

    # --- titles ------------------------------------------------------------------------------

    def title_before(self, toks: list[Token]) -> str | None:
        """'Russian Deputy Ambassador to the United Nations Vladimir Safronkov' -> the title."""
        doc = self.ctx.doc
        i = toks[0].i - 1
        start = toks[0].i
        while i >= 0:
            t = doc[i]
            if self.ctx.quoted(i) or t.is_space:
                break
            if t.text in self.lex.honorifics and i == toks[0].i - 1:
                start = i  # honorifics are not titles: skip over them
                i -= 1
                continue
            ok = (
                t.is_title
                or t.is_upper
                or self.lex.is_title_word(t)
                or t.lower_ in TITLE_GLUE
                or t.ent_type_ in ("NORP", "GPE", "ORG")
                or (t.pos_ in ("ADJ", "NOUN") and t.is_lower and self._title_follows(t, toks[0].i))
            )
            if not ok or t.pos_ in ("VERB", "AUX") and not self.lex.is_title_word(t):
                break
            start = i
            i -= 1
        words = [t for t in doc[start : toks[0].i] if t.text not in self.lex.honorifics]
        while words and (words[0].lower_ in TITLE_GLUE or words[0].lower_ in DETERMINERS):
            words = words[1:]
        while words and words[-1].lower_ in TITLE_GLUE:
            words = words[:-1]
        if not any(self.lex.is_title_word(t) for t in words):
            return None
        return self._title_text(words)

    def _title_follows(self, tok: Token, limit: int) -> bool:
        return any(self.lex.is_title_word(t) for t in self.ctx.doc[tok.i : limit])

    def title_in_apposition(self, toks: list[Token]) -> str | None:
        """'Nikki Haley, the US ambassador to the UN,' / 'the US ambassador, Nikki Haley,'."""
        head = toks[-1]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        for child in head.children:
            if child.dep_ == "appos" and not self.ctx.quoted(child):
                return self._title_from_phrase(child)
        if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
            return self._title_from_phrase(head.head, stop=toks[0].i)
        return None

    def _title_from_phrase(self, head: Token, stop: int | None = None) -> str | None:
        words = [
            t for t in head.subtree
            if not self.ctx.quoted(t) and (stop is None or t.i < stop)
            and t.dep_ not in ("relcl",)
        ]  # fmt: skip
        words = [t for t in words if not (t.is_punct and t.text not in ("-", "’s", "'s"))]
        while words and words[0].lower_ in DETERMINERS:
            words = words[1:]
        if not words or not any(self.lex.is_title_word(t) for t in words) or len(words) > 14:
            return None
        return self._title_text(words)

    def _title_text(self, words: list[Token] | Span) -> str | None:
        if not len(words):
            return None
        text = self.ctx.text[words[0].idx : words[-1].idx + len(words[-1].text)]
        return " ".join(text.split()) or None

    def affiliation_of(self, title: str | None, title_start: int | None) -> str | None:
        if not title or title_start is None:
            return None
        end = title_start + len(title)
        best = None
        # ctx.ents_within bisects; scanning doc.ents for every quote was quadratic
        for span in self.ctx.ents_within(title_start, end + 2):
            if span.label_ == "ORG":
                return _text(_clean_name(list(span)))
            if span.label_ in ("GPE", "NORP") and best is None:
                best = _text(_clean_name(list(span)))
        return best

    # --- resolving one mention ---------------------------------------------------------------

    def resolve(self, draft: Draft) -> None:
        mention = draft.mention
        if mention is None:
            return
        head = mention.root
        if head.lower_ in PERSONAL_PRONOUNS or head.lower_ in GROUP_PRONOUNS:
            ent = self.resolve_pronoun(head)
            if ent is not None:
                self._fill(draft, ent, None)
            else:
                draft.name, draft.label = mention.text, "PERSON"
            return
        named = self.name_in_mention(mention)
        if named is not None:
            ent, toks = named
            title = self.title_before(toks) or self.title_in_apposition(toks)
            self._fill(draft, ent, title)
            return
        ent = self.resolve_nominal(mention)
        if ent is not None:
            self._fill(draft, ent, None)
            return
        words = _clean_name(list(mention))
        draft.name = _text(words) or mention.text
        draft.label = self.lex.nominal_heads.get(head.lemma_.lower(), "PERSON")
        if self.lex.is_title_word(head):
            draft.title = draft.name

    def _fill(self, draft: Draft, ent: Entity, title: str | None) -> None:
        draft.name, draft.label = ent.name, ent.label
        title_start = None
        if title is None and ent.titles:
            at = draft.mention.start_char if draft.mention is not None else draft.start
            before = [t for t in ent.titles if t[0] <= at]
            title_start, title = before[-1] if before else ent.titles[0]
        elif title is not None:
            title_start = self.ctx.text.find(
                title.split()[0], draft.mention.start_char if draft.mention else 0
            )
        draft.title = title
        draft.affiliation = self.affiliation_of(title, title_start)

    def name_in_mention(self, mention: Span) -> tuple[Entity, list[Token]] | None:
        """The named entity a mention is about: a person if it holds one, else the head's org."""
        persons: list[tuple[Entity, list[Token]]] = []
        others: list[tuple[Entity, list[Token]]] = []
        seen: set[int] = set()
        for tok in mention:
            ent = self.by_token.get(tok.i)
            if ent is None or id(ent) in seen:
                continue
            seen.add(id(ent))
            toks = [t for t in mention if self.by_token.get(t.i) is ent]
            (persons if ent.label == "PERSON" else others).append((ent, toks))
        if persons:
            return persons[-1]
        head = mention.root
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
        for ent, toks in others:  # "the Russian envoy" is not about Russia; "Russia" is
            if head.i in {t.i for t in toks}:
                return ent, toks
        return None

    def resolve_pronoun(self, pron: Token) -> Entity | None:
        word = pron.lower_
        gender = PERSONAL_PRONOUNS.get(word)
        wants_group = word in GROUP_PRONOUNS
        para_limit = self.ctx.token_paragraph[pron.i] - PRONOUN_LOOKBACK_PARAGRAPHS
        best: Entity | None = None
        for i in range(pron.i - 1, -1, -1):
            if self.ctx.token_paragraph[i] < para_limit:
                break
            ent = self.by_token.get(i)
            if ent is None or self.ctx.quoted(i):
                continue
            if wants_group:
                if ent.label in ("ORG", "GPE", "NORP"):
                    return ent
                continue
            if ent.label != "PERSON" or (gender and ent.gender and ent.gender != gender):
                continue
            if i in ent.subject_positions:
                return ent
            if best is None:
                best = ent
        if best is not None and gender and not best.gender:
            best.gender = gender
        return best

    def resolve_nominal(self, mention: Span) -> Entity | None:
        """'the Russian envoy' -> the person whose title matches role and modifiers."""
        head = mention.root
        if head.pos_ != "NOUN" or not any(
            t.lower_ in ("the", "this", "that") for t in mention if t.i < head.i
        ):
            return None  # "a spokesman" introduces someone new; only "the …" refers back
        roles = self.lex.roles_of(head.lemma_) | self.lex.roles_of(head.lower_)
        modifiers = {t.lower_ for t in mention if t.i < head.i and not t.is_stop and t.is_alpha}
        best: tuple[int, int] | None = None
        chosen: Entity | None = None
        for ent in self.entities:
            if not ent.positions or min(ent.positions) > head.i:
                continue
            if ent.label != "PERSON":
                name_words = {w.lower() for w in ent.tokens}
                if self.lex.nominal_heads.get(head.lemma_.lower()) == ent.label and (
                    modifiers <= name_words
                ):
                    score = (1, max(p for p in ent.positions if p < head.i))
                    if best is None or score > best:
                        best, chosen = score, ent
                continue
            points = 0
            for _, title in ent.titles:
                words = {w.lower().strip(".,") for w in title.split()}
                role_hit = (
                    head.lower_ in words
                    or head.lemma_ in words
                    or any(roles & self.lex.roles_of(w) for w in words)
                )
                if role_hit and modifiers <= words:
                    points = max(points, 2 + len(modifiers))
            if points:
                score = (points, max(p for p in ent.positions if p < head.i))
                if best is None or score > best:
                    best, chosen = score, ent
        return chosen


def resolve_speakers(ctx: DocContext, drafts: list[Draft]) -> SpeakerResolver:
    resolver = SpeakerResolver(ctx)
    for draft in sorted(drafts, key=lambda d: d.start):
        resolver.resolve(draft)
    return resolver
