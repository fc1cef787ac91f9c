"""The lexicons (speech cues, titles, names, roles) loaded from data files, and cue matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import srsly
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

DATA_DIR = Path(__file__).parent / "data"
LEXICON_FILES = (
    "cues.txt",
    "first_names.txt",
    "roles.txt",
    "titles.txt",
    "nominal_heads.txt",
    "page.txt",
    "reported.txt",
    "elisions.txt",
)


def read_entries(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (section, line) for each entry of a lexicon file: comments and blank lines dropped."""
    with open(path, encoding="utf-8") as fh:
        yield from parse_entries(fh.read())


def parse_entries(text: str) -> Iterator[tuple[str, str]]:
    """Yield (section, line) for each entry of a lexicon file's text."""
    section = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        yield section, line.strip()


def _adjective_cues(entries: Iterable[str]) -> dict[str, frozenset[str]]:
    """ "make clear", "make plain" -> {"make": {"clear", "plain"}}."""
    out: dict[str, set[str]] = {}
    for entry in entries:
        verb, _, adjective = entry.partition(" ")
        out.setdefault(verb, set()).add(adjective)
    return {verb: frozenset(adjectives) for verb, adjectives in out.items()}


def _pairs(lines: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        parts = line.split("\t") if "\t" in line else line.rsplit(None, 1)
        if len(parts) == 2:
            out[parts[0].strip()] = parts[1].strip()
    return out


@dataclass
class Lexicon:
    """Every word list the rules use. Built from a folder of text files (see quoteattr/data)."""

    speech_verbs: frozenset[str] = frozenset()
    # verb lemma -> the adjectives that make it a speech verb ("make" -> "clear", "plain")
    adjective_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    attribution_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    attribution_nouns: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    # verbs whose object, infinitive or prepositional object is the reported content
    object_cues_speech: frozenset[str] = frozenset()
    object_cues_attribution: frozenset[str] = frozenset()
    saying_object_cues: frozenset[str] = frozenset()
    not_object_cues: frozenset[str] = frozenset()
    xcomp_cues_speech: frozenset[str] = frozenset()
    xcomp_cues_attribution: frozenset[str] = frozenset()
    prep_cues_speech: frozenset[str] = frozenset()
    prep_cues_attribution: frozenset[str] = frozenset()
    quoting_verbs: frozenset[str] = frozenset()  # "X quoted Y as saying"
    # page.txt: page furniture and headline writing
    page_labels: frozenset[str] = frozenset()  # lowercase
    title_case_small_words: frozenset[str] = frozenset()
    link_words: frozenset[str] = frozenset()
    link_word_tails: frozenset[str] = frozenset()
    headline_cue_words: frozenset[str] = frozenset()
    no_break_abbreviations: tuple[str, ...] = ()
    kept_whole: frozenset[str] = frozenset()  # title abbreviations kept as one word
    first_names: dict[str, str] = field(default_factory=dict)
    name_particles: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    postnominals: frozenset[str] = frozenset()
    inverted_cues: frozenset[str] = frozenset()
    role_groups: dict[str, frozenset[int]] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    abbreviations: dict[str, str] = field(default_factory=dict)
    title_verbs: frozenset[str] = frozenset()
    appointing_verbs: frozenset[str] = frozenset()
    placing_verbs: frozenset[str] = frozenset()
    postnominal_titles: frozenset[str] = frozenset()
    party_labels: frozenset[str] = frozenset()
    appearance_words: frozenset[str] = frozenset()
    succession_verbs: frozenset[str] = frozenset()
    bench_verbs: frozenset[str] = frozenset()
    court_roles: frozenset[str] = frozenset()
    court_held_roles: frozenset[str] = frozenset()
    organisation_roles: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    mood_words: frozenset[str] = frozenset()
    kin_words: frozenset[str] = frozenset()
    family_name_words: frozenset[str] = frozenset()
    grading_words: frozenset[str] = frozenset()
    short_given_names: frozenset[str] = frozenset()  # case kept: "Md", not "MD"
    vague_heads: frozenset[str] = frozenset()
    membership_roles: frozenset[str] = frozenset()
    whole_roles: frozenset[str] = frozenset()
    local_roles: frozenset[str] = frozenset()
    role_bodies: dict[str, frozenset[str]] = field(default_factory=dict)
    first_name_honorifics: frozenset[str] = frozenset()
    leading_verbs: dict[str, str] = field(default_factory=dict)
    honorifics: dict[str, str] = field(default_factory=dict)
    nominal_heads: dict[str, str] = field(default_factory=dict)
    institution_words: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    named_by_head: frozenset[str] = frozenset()
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)
    player_words: frozenset[str] = frozenset()
    national_words: frozenset[str] = frozenset()
    contrast_words: frozenset[str] = frozenset()
    successor_words: frozenset[str] = frozenset()
    trading_words: frozenset[str] = frozenset()
    party_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    gendered_words: dict[str, str] = field(default_factory=dict)
    case_parties: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()
    relation_words: frozenset[str] = frozenset()
    described_bodies: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    ascribing_verbs: frozenset[str] = frozenset()
    copy_nouns: frozenset[str] = frozenset()
    # reported.txt: where a reported clause starts and ends, and whose it is
    answering_verbs: frozenset[str] = frozenset()
    asking_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    telling_verbs: frozenset[str] = frozenset()
    pointing_verbs: frozenset[str] = frozenset()
    voicing_verbs: frozenset[str] = frozenset()
    relaying_verbs: frozenset[str] = frozenset()
    continuing_verbs: frozenset[str] = frozenset()
    as_clause_verbs: frozenset[str] = frozenset()
    anonymity_verbs: frozenset[str] = frozenset()
    complement_nouns: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()
    connectives: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    # elisions.txt: words an apostrophe stands in front of ('tis, 'em)
    elisions: frozenset[str] = frozenset()
    # the text of every lexicon file, kept so the lexicon saves itself from memory
    files: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dir(cls, path: str | Path) -> Lexicon:
        """The lexicon of a folder: the files it has, the package's defaults for the rest (a
        folder holding only its own titles.txt changes the titles and nothing else)."""
        path = Path(path)
        if not path.is_dir():
            raise FileNotFoundError(
                f"lexicon folder {path} does not exist; make one with the files you change "
                f"(copied from {DATA_DIR} and edited), or pass no lexicon to use the defaults"
            )
        known = [name for name in LEXICON_FILES if (path / name).is_file()]
        if not known:
            raise FileNotFoundError(
                f"lexicon folder {path} has none of {', '.join(LEXICON_FILES)}; copy the ones "
                f"you change from {DATA_DIR} and edit them"
            )
        return cls.from_files(
            {
                name: ((path if name in known else DATA_DIR) / name).read_text("utf-8")
                for name in LEXICON_FILES
            }
        )

    @classmethod
    def from_files(cls, files: Mapping[str, str]) -> Lexicon:
        """The lexicon from the texts of its files, by file name (see LEXICON_FILES)."""
        missing = [name for name in LEXICON_FILES if name not in files]
        if missing:
            raise ValueError(f"lexicon data lacks {', '.join(missing)}")
        by_section: dict[tuple[str, str], list[str]] = {}
        for name in LEXICON_FILES:
            for section, line in parse_entries(files[name]):
                by_section.setdefault((name, section), []).append(line)

        def lines(name: str, section: str = "") -> list[str]:
            return by_section.get((name, section), [])

        def words(name: str, section: str = "") -> frozenset[str]:
            return frozenset(w.lower() for w in lines(name, section))

        role_groups: dict[str, set[int]] = {}
        for i, line in enumerate(lines("roles.txt")):
            for word in line.split("|"):
                role_groups.setdefault(word.strip().lower(), set()).add(i)
        names = {k.lower(): v.lower() for k, v in _pairs(lines("first_names.txt")).items()}
        return cls(
            speech_verbs=words("cues.txt", "speech_verbs"),
            adjective_cues=_adjective_cues(words("cues.txt", "adjective_cues")),
            attribution_verbs=words("cues.txt", "attribution_verbs"),
            speech_nouns=words("cues.txt", "speech_nouns"),
            attribution_nouns=words("cues.txt", "attribution_nouns"),
            phrases=tuple(phrase_words(p) for p in lines("cues.txt", "phrases")),
            object_cues_speech=words("cues.txt", "object_cues_speech"),
            object_cues_attribution=words("cues.txt", "object_cues_attribution"),
            saying_object_cues=words("cues.txt", "saying_object_cues"),
            not_object_cues=words("cues.txt", "not_object_cues"),
            xcomp_cues_speech=words("cues.txt", "xcomp_cues_speech"),
            xcomp_cues_attribution=words("cues.txt", "xcomp_cues_attribution"),
            prep_cues_speech=words("cues.txt", "prep_cues_speech"),
            prep_cues_attribution=words("cues.txt", "prep_cues_attribution"),
            quoting_verbs=words("cues.txt", "quoting_verbs"),
            page_labels=words("page.txt", "page_labels"),
            title_case_small_words=words("page.txt", "title_case_small_words"),
            link_words=words("page.txt", "link_words"),
            link_word_tails=words("page.txt", "link_word_tails"),
            headline_cue_words=words("page.txt", "headline_cue_words"),
            no_break_abbreviations=tuple(lines("page.txt", "no_break_abbreviations")),
            kept_whole=frozenset(lines("titles.txt", "kept_whole")),
            first_names=names,
            short_given_names=frozenset(lines("first_names.txt", "short_given_names")),
            name_particles=words("first_names.txt", "particles"),
            name_suffixes=words("first_names.txt", "suffixes"),
            postnominals=words("first_names.txt", "postnominals"),
            inverted_cues=words("first_names.txt", "inverted_cues"),
            role_groups={k: frozenset(v) for k, v in role_groups.items()},
            title_words=words("titles.txt", "roles") | words("titles.txt", "membership_roles"),
            abbreviations=_pairs(lines("titles.txt", "abbreviations")),
            title_verbs=words("titles.txt", "title_verbs"),
            appointing_verbs=words("titles.txt", "appointing_verbs"),
            placing_verbs=words("titles.txt", "placing_verbs"),
            postnominal_titles=words("titles.txt", "postnominal_titles"),
            party_labels=words("titles.txt", "party_labels"),
            appearance_words=words("titles.txt", "appearance_words"),
            succession_verbs=words("titles.txt", "succession_verbs"),
            bench_verbs=words("titles.txt", "bench_verbs"),
            court_roles=words("titles.txt", "court_roles"),
            court_held_roles=words("titles.txt", "court_held_roles"),
            organisation_roles=words("titles.txt", "organisation_roles"),
            ranks=words("titles.txt", "ranks"),
            mood_words=words("titles.txt", "mood_words"),
            kin_words=words("titles.txt", "kin_words"),
            family_name_words=words("titles.txt", "family_name_words"),
            grading_words=words("titles.txt", "grading_words"),
            vague_heads=words("titles.txt", "vague_heads"),
            membership_roles=words("titles.txt", "membership_roles"),
            whole_roles=words("titles.txt", "whole_roles"),
            local_roles=words("titles.txt", "local_roles"),
            role_bodies={
                k.lower(): frozenset(v.lower().split())
                for k, v in _pairs(lines("titles.txt", "role_bodies")).items()
            },
            first_name_honorifics=words("titles.txt", "first_name_honorifics"),
            leading_verbs=_pairs(lines("titles.txt", "leading_verbs")),
            honorifics=_pairs(lines("titles.txt", "honorifics")),
            institution_words=words("nominal_heads.txt", "institution_words"),
            event_words=words("nominal_heads.txt", "event_words"),
            named_by_head=words("nominal_heads.txt", "named_by_head"),
            name_words={
                k.lower(): frozenset(v.lower().split())
                for k, v in _pairs(lines("nominal_heads.txt", "name_words")).items()
            },
            player_words=words("nominal_heads.txt", "player_words"),
            national_words=words("nominal_heads.txt", "national_words"),
            contrast_words=words("nominal_heads.txt", "contrast_words"),
            successor_words=words("nominal_heads.txt", "successor_words"),
            trading_words=words("nominal_heads.txt", "trading_words"),
            party_synonyms={
                w: frozenset(group)
                for group in (
                    line.lower().split() for line in lines("nominal_heads.txt", "party_synonyms")
                )
                for w in group
            },
            gendered_words={
                k.lower(): v.lower()
                for k, v in _pairs(lines("nominal_heads.txt", "gendered_words")).items()
            },
            case_parties=words("nominal_heads.txt", "case_parties"),
            not_people=words("nominal_heads.txt", "not_people"),
            relation_words=words("nominal_heads.txt", "relation_words"),
            described_bodies=words("nominal_heads.txt", "described_bodies"),
            document_nouns=words("nominal_heads.txt", "document_nouns"),
            issuing_verbs=words("nominal_heads.txt", "issuing_verbs"),
            ascribing_verbs=words("nominal_heads.txt", "ascribing_verbs"),
            copy_nouns=words("nominal_heads.txt", "copy_nouns"),
            nominal_heads={
                k.lower(): v.upper() for k, v in _pairs(lines("nominal_heads.txt")).items()
            },
            answering_verbs=words("reported.txt", "answering_verbs"),
            asking_verbs=words("reported.txt", "asking_verbs"),
            naming_verbs=words("reported.txt", "naming_verbs"),
            telling_verbs=words("reported.txt", "telling_verbs"),
            pointing_verbs=words("reported.txt", "pointing_verbs"),
            voicing_verbs=words("reported.txt", "voicing_verbs"),
            relaying_verbs=words("reported.txt", "relaying_verbs"),
            continuing_verbs=words("reported.txt", "continuing_verbs"),
            as_clause_verbs=words("reported.txt", "as_clause_verbs"),
            anonymity_verbs=words("reported.txt", "anonymity_verbs"),
            complement_nouns=words("reported.txt", "complement_nouns"),
            venue_nouns=words("reported.txt", "venue_nouns"),
            connectives=words("reported.txt", "connectives"),
            time_words=words("reported.txt", "time_words"),
            elisions=words("elisions.txt"),
            files={name: files[name] for name in LEXICON_FILES},
        )

    def to_dir(self, path: str | Path) -> None:
        """Write the lexicon's files, so a saved pipeline carries its own."""
        if not self.files:
            raise ValueError("this lexicon was not read from files and cannot be saved")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, text in self.files.items():
            (path / name).write_text(text, encoding="utf-8")

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps(self.files)

    @classmethod
    def from_bytes(cls, data: bytes) -> Lexicon:
        """The lexicon of to_bytes(); a file the data predates (saved by an older version)
        comes from the package's defaults, as for a folder that lacks it."""
        files = srsly.msgpack_loads(data)
        for name in LEXICON_FILES:
            if name not in files:
                files[name] = (DATA_DIR / name).read_text("utf-8")
        return cls.from_files(files)

    # --- questions the rules ask -------------------------------------------------------------

    def is_cue_verb(self, token: Token, scope: str = "speech") -> bool:
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
            return False
        lemma = phrasal_lemma(token)
        if lemma in self.speech_verbs or self.cue_adjective(token) is not None:
            return True
        return scope == "attribution" and lemma in self.attribution_verbs

    def cue_adjective(self, token: Token) -> Token | None:
        """'clear' of "made it clear that …": the adjective that makes the verb a speech verb
        (`[adjective_cues]`) when a clause follows it ("made that clear on her album" reports
        nothing), or None."""
        if not token.n_rights:
            return None
        adjectives = self.adjective_cues.get(token.lemma_.lower())
        if not adjectives:
            return None
        for child in token.rights:
            if (
                child.pos_ == "ADJ"
                and child.dep_ in ("ccomp", "acomp", "oprd", "xcomp")
                and child.lower_ in adjectives
                and any(
                    c.dep_ in ("advcl", "ccomp") and c.i > child.i
                    for c in (*child.rights, *token.rights)
                )
            ):
                return child
        return None

    def is_cue_noun(self, token: Token, scope: str = "speech") -> bool:
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        return self.is_cue_noun_lemma(token.lemma_.lower(), scope)

    def is_cue_noun_lemma(self, lemma: str, scope: str = "speech") -> bool:
        return lemma in self.speech_nouns or (
            scope == "attribution" and lemma in self.attribution_nouns
        )

    def is_object_cue(self, lemma: str, scope: str = "speech") -> bool:
        """Is the direct object of this verb what was said or thought ("denied the report")?"""
        return lemma in self.object_cues_speech or (
            scope == "attribution" and lemma in self.object_cues_attribution
        )

    def is_xcomp_cue(self, lemma: str, scope: str = "speech") -> bool:
        """Is the infinitive complement of this verb the content ("vowed to strike")?"""
        return lemma in self.xcomp_cues_speech or (
            scope == "attribution" and lemma in self.xcomp_cues_attribution
        )

    def is_prep_cue(self, lemma: str, scope: str = "speech") -> bool:
        """Is the object of "for/of/about/against" after this verb the content ("spoke of")?"""
        return lemma in self.prep_cues_speech or (
            scope == "attribution" and lemma in self.prep_cues_attribution
        )

    def phrase_at(self, doc: Doc, i: int) -> int | None:
        """End (exclusive token index) of the longest listed cue phrase starting at doc[i]."""
        if doc[i].lower_ not in self.phrase_firsts:
            return None  # most words open no phrase: the matcher is not run for them
        span = doc[i : i + self.longest_phrase]
        ends = [end for _, start, end in self.phrase_matcher(doc.vocab)(span) if start == i]
        return max(ends) if ends else None

    @property
    def phrase_firsts(self) -> frozenset[str]:
        """The first word of every listed phrase."""
        firsts = self.__dict__.get("_phrase_firsts")
        if firsts is None:
            firsts = self.__dict__["_phrase_firsts"] = frozenset(w[0] for w in self.phrases if w)
        return firsts

    @property
    def longest_phrase(self) -> int:
        return max((len(w) for w in self.phrases), default=0)

    def phrase_matcher(self, vocab: Vocab) -> PhraseMatcher:
        """The [phrases] of cues.txt in a PhraseMatcher on lowercased text, built once per vocab.
        Each phrase is given as the tokens spaCy splits it into (see phrase_words)."""
        cached = self.__dict__.get("_phrase_matcher")
        if cached is not None and cached[0] is vocab:
            return cached[1]
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add("CUE_PHRASE", [Doc(vocab, words=list(w)) for w in self.phrases if w])
        self.__dict__["_phrase_matcher"] = (vocab, matcher)
        return matcher

    def is_title_word(self, token: Token) -> bool:
        return (
            token.lower_ in self.title_words
            or token.text in self.abbreviations
            or (token.tag_ == "NN" and _profession_shape(token.lower_))
            or ("-" in token.text[1:-1] and self.joined_titles(token.text))
        )

    def joined_titles(self, word: str) -> bool:
        """'Gov.-elect', 'Det.-Sgt.': titles or their abbreviations joined by a hyphen in one
        token, the last of them perhaps "elect"."""
        parts = word.split("-")
        return all(
            p.lower() in self.title_words
            or p in self.abbreviations
            or p + "." in self.abbreviations
            or k == len(parts) - 1
            and p.lower() == "elect"
            for k, p in enumerate(parts)
        )

    def sentence_break(self) -> re.Pattern[str]:
        """A sentence ending inside a paragraph ("… over. With those words"), not the dot of an
        abbreviation of ``no_break_abbreviations`` ("Mr. Ruiz"); built once."""
        pattern: re.Pattern[str] | None = self.__dict__.get("_sentence_break")
        if pattern is None:
            behind = "".join(rf"(?<!\b{re.escape(a)})" for a in self.no_break_abbreviations)
            pattern = re.compile(
                rf"[a-z0-9]{behind}[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]"
            )
            self.__dict__["_sentence_break"] = pattern
        return pattern

    def honorific_hashes(self) -> tuple[list[int], list[tuple[int, int]]]:
        """The string hashes of the honorifics of one word, and of the pairs of words of the
        others ("Tan Sri"), to match against a Doc's ORTH array; built once."""
        cached = self.__dict__.get("_honorific_hashes")
        if cached is None:
            words = [h.split() for h in self.honorifics]
            cached = (
                [hash_string(w[0]) for w in words if len(w) == 1],
                [(hash_string(w[0]), hash_string(w[1])) for w in words if len(w) == 2],
            )
            self.__dict__["_honorific_hashes"] = cached
        return cached

    def abbreviation_words(self) -> dict[str, set[str]]:
        """'sen' -> {'senator'}: the words of each abbreviation's expansion, keyed by the
        abbreviation lowercased without its dot (as title words are matched); built once."""
        cached: dict[str, set[str]] | None = self.__dict__.get("_abbreviation_words")
        if cached is None:
            cached = {}
            for abbrev, expansion in self.abbreviations.items():
                key = abbrev.lower().strip(".,")
                # "vice-chancellor" matches "Vice Chancellor" as well
                cached.setdefault(key, set()).update(expansion.lower().replace("-", " ").split())
            self.__dict__["_abbreviation_words"] = cached
        return cached

    def expand_abbreviations(self, title: str) -> str:
        """'Massachusetts Sen.' -> 'Massachusetts Senator': a dotted abbreviation, a title a
        reader writes out. An abbreviation printed without its dot ("Cllr", "Det Snr Sgt") is
        the paper's house style and an acronym ("Wells Fargo CEO", "Labour MP") is a name of
        the office: both stay as written, as readers keep them."""
        pattern = self.__dict__.get("_abbreviation_pattern")
        if pattern is None:
            keys = sorted(
                (k for k in self.abbreviations if k.endswith(".") and not k.rstrip(".").isupper()),
                key=len,
                reverse=True,
            )
            alternatives = "|".join(re.escape(k) for k in keys) or "(?!)"
            pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")
            self.__dict__["_abbreviation_pattern"] = pattern

        def written_out(m: re.Match[str]) -> str:
            expansion = self.abbreviations[m.group(0)]
            return expansion.title() if m.group(0)[:1].isupper() else expansion

        return pattern.sub(written_out, title)

    def gender_of_first_name(self, word: str) -> str | None:
        g = self.first_names.get(word.lower())
        return g if g in ("f", "m") else None

    @cached_property
    def role_phrases(self) -> frozenset[str]:
        """The roles of two words in roles.txt ("chief executive", "prime minister")."""
        return frozenset(k for k in self.role_groups if len(k.split()) == 2)

    @cached_property
    def body_kind_words(self) -> frozenset[str]:
        """Words that say what kind of body a name heads: `[named_by_head]` and every word
        `[name_words]` gives a kind ("ministry", "union", "workers")."""
        return self.named_by_head.union(*self.name_words.values())

    def roles_of(self, word: str) -> frozenset[int]:
        return self.role_groups.get(word.lower(), frozenset())


# Professions the lists cannot all name ("palaeontologist", "statistician", "photographer"):
# recognised by their ending, on singular common nouns only.
# Plain "-ist" is not among them: "centrist", "populist" describe views, not jobs.
PROFESSION_ENDINGS = ("ologist", "ician", "ographer", "icist", "entist", "nomist", "apist")


def _profession_shape(word: str) -> bool:
    return len(word) >= 7 and word.isalpha() and word.endswith(PROFESSION_ENDINGS)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A listed phrase as spaCy tokenizes it: 'in an e-mail' -> ('in', 'an', 'e', '-', 'mail')."""
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


def phrasal_lemma(token: Token) -> str:
    """The verb's lemma with its particle, e.g. 'point out', so phrasal cues can be listed."""
    lemma = token.lemma_.lower()
    if token.n_rights:  # a particle always follows its verb; most tokens have no right child
        for child in token.rights:
            if child.dep_ == "prt":
                return f"{lemma} {child.lower_}"
    return lemma


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.from_dir(DATA_DIR)
