"""Who is quoted across a corpus: one row per speaker over many documents, the same person
merged across their name's forms, and the `quoteattr speakers` command."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quoteattr.cues import DATA_DIR, default_lexicon, read_entries
from quoteattr.types import Quote

PRONOUNS = frozenset(
    "he she they it him her them we i you his hers its their theirs who".split()
)  # an unresolved pronoun is nobody in particular across documents


@dataclass(frozen=True)
class NameRules:
    """The word lists of data/names.txt, plus the honorifics, roles and heads of the lexicon."""

    formal: dict[str, str]  # short form or formal first name -> the formal one
    suffixes: frozenset[str]
    determiners: frozenset[str]
    honorifics: frozenset[str]
    common_heads: frozenset[str]  # role words and nominal heads: "Officials" is not a name


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    sections: dict[str, list[str]] = {}
    for section, line in read_entries(DATA_DIR / "names.txt"):
        sections.setdefault(section, []).append(line)
    formal: dict[str, str] = {}
    ambiguous: set[str] = set()
    for line in sections.get("nicknames", []):
        full, _, shorts = line.partition("\t")
        full = full.strip().lower()
        formal[full] = full
        for short in (s.strip().lower() for s in shorts.split(",")):
            if short and formal.get(short, full) != full:
                ambiguous.add(short)
            formal.setdefault(short, full)
    for short in ambiguous:
        formal[short] = short
    lex = default_lexicon()
    return NameRules(
        formal=formal,
        suffixes=frozenset(w.lower() for w in sections.get("suffixes", [])),
        determiners=frozenset(w.lower() for w in sections.get("determiners", [])),
        honorifics=frozenset(h.rstrip(".").lower() for h in lex.honorifics),
        common_heads=frozenset(lex.title_words) | frozenset(lex.nominal_heads),
    )


def _words(name: str) -> list[str]:
    return name.replace(",", " ").split()


def is_named(name: str, rules: NameRules | None = None) -> bool:
    """True for a proper name ("Ed Vance", "the Harbour Authority"); False for a description
    ("a spokesman", "two officials", "Officials"), a pronoun, or nothing."""
    rules = rules or name_rules()
    words = _words(name)
    if not words or name.strip().lower() in PRONOUNS:
        return False
    head = words[-1]
    if not head[:1].isupper():
        return False  # "a White House spokesman": the head is a common noun
    rest = [w for w in words if w.lower() not in rules.determiners]
    if len(rest) == 1:
        word = rest[0].lower()
        # a sentence-initial "Officials" or "Police" is capitalised but not a name
        if word in rules.common_heads or word.rstrip("s") in rules.common_heads:
            return False
    return bool(rest)


@dataclass(frozen=True)
class PersonName:
    first: str  # formal form, lowercase ("edward"); "" when only a surname is known
    last: str  # lowercase
    suffix: str  # lowercase, no dot ("jr"); "" when none

    @property
    def key(self) -> tuple[str, ...]:
        return ("PERSON", self.first, self.last, self.suffix)


def parse_person(name: str, rules: NameRules | None = None) -> PersonName | None:
    """First name (short forms mapped to the formal one), last name and suffix of a person's
    name; middle names and initials are dropped. None when there is no word left."""
    rules = rules or name_rules()
    words = [w.strip(".") for w in _words(name)]
    words = [w for w in words if w]
    while words and words[0].lower() in rules.honorifics:
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1].lower() in rules.suffixes:
        suffix = words.pop().lower()
    if not words:
        return None
    last = words[-1].lower()
    if len(words) == 1:
        return PersonName("", last, suffix)
    first = words[0].lower()
    return PersonName(rules.formal.get(first, first), last, suffix)


def _other_key(name: str, rules: NameRules) -> tuple[str, ...]:
    words = _words(name)
    while words and words[0].lower() in rules.determiners:
        words = words[1:]
    return ("NAME", " ".join(words).lower())


def _speakers_of(quote: Any) -> list[tuple[str, str, str | None]]:
    """(name, label, title) of each speaker of a Quote or of its JSON form (Quote.to_dict()):
    every member when several people said it, each of them credited."""
    if isinstance(quote, Quote):
        sp = quote.speaker
        if sp is None:
            return []
        return [(m.name, m.label, m.title) for m in sp.members or (sp,)]
    sp = quote.get("speaker") if isinstance(quote, dict) else None
    if not isinstance(sp, dict) or not isinstance(sp.get("name"), str):
        return []
    return [
        (m["name"], str(m.get("label") or "PERSON"), m.get("title"))
        for m in sp.get("members") or [sp]
        if isinstance(m, dict) and isinstance(m.get("name"), str)
    ]


def document_keys(names: Iterable[tuple[str, str]], rules: NameRules) -> dict[tuple[str, str], Any]:
    """The cross-document key of each (name, label) said in one document.

    A bare surname ("Vance") takes the key of the one full name in the same document with that
    surname ("Ed Vance"); with two ("Ed Vance", "Mary Vance") or none it stays a surname.
    """
    # a description ("a spokesman") is keyed as written, never parsed as first and last name
    persons = {
        n: parse_person(n, rules) for n, label in names if label == "PERSON" and is_named(n, rules)
    }
    full_by_last: dict[str, set[tuple[str, ...]]] = {}
    for person in persons.values():
        if person is not None and person.first:
            full_by_last.setdefault(person.last, set()).add(person.key)
    keys: dict[tuple[str, str], Any] = {}
    for name, label in names:
        person = persons.get(name) if label == "PERSON" else None
        if person is None:
            keys[(name, label)] = _other_key(name, rules)
            continue
        key = person.key
        if not person.first and not person.suffix:
            candidates = full_by_last.get(person.last, set())
            if len(candidates) == 1:
                key = next(iter(candidates))
        keys[(name, label)] = key
    return keys


@dataclass
class _Row:
    order: int
    first_seen: Any
    quotes: int = 0
    documents: int = 0
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    title_forms: dict[str, str] = field(default_factory=dict)  # lowercase -> first form seen
    unnamed: bool = False


@dataclass(frozen=True)
class CorpusSpeaker:
    """One speaker across a corpus: the commonest form of the name, titles (most frequent
    first), how many quotes in how many documents, and the first document that quotes them."""

    name: str
    label: str
    titles: tuple[str, ...]
    quotes: int
    documents: int
    first_seen: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "titles": list(self.titles),
            "quotes": self.quotes,
            "documents": self.documents,
            "first_seen": self.first_seen,
        }


class SpeakerTally:
    """The corpus table being built: add documents in input order, or merge tallies of
    consecutive parts of the input (what a Dask reduction does); picklable."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], _Row] = {}

    def add(self, doc_id: Any, quotes: Iterable[Any]) -> None:
        """Count one document's quotes (Quote objects or their to_dict() form)."""
        rules = name_rules()
        said = [s for q in quotes for s in _speakers_of(q)]
        keys = document_keys([(name, label) for name, label, _ in said], rules)
        seen: set[tuple[str, ...]] = set()
        for name, label, title in said:
            key = keys[(name, label)]
            row = self.rows.get(key)
            if row is None:
                row = self.rows[key] = _Row(order=len(self.rows), first_seen=doc_id)
                row.unnamed = not is_named(name, rules)
            row.quotes += 1
            if key not in seen:
                seen.add(key)
                row.documents += 1
            person = parse_person(name, rules) if label == "PERSON" else None
            # a bare surname merged into a full name does not vote for how the row is written
            if person is None or person.first or not key[1] or not row.names:
                row.names[name] += 1
            row.labels[label] += 1
            if title:
                low = " ".join(title.lower().split())
                row.title_forms.setdefault(low, title)
                row.titles[low] += 1

    def merge(self, other: SpeakerTally) -> SpeakerTally:
        """Add ``other``, a tally of documents that come after this one's in the input."""
        for key, theirs in sorted(other.rows.items(), key=lambda kv: kv[1].order):
            mine = self.rows.get(key)
            if mine is None:
                mine = self.rows[key] = _Row(order=len(self.rows), first_seen=theirs.first_seen)
                mine.unnamed = theirs.unnamed
            mine.quotes += theirs.quotes
            mine.documents += theirs.documents
            mine.names.update(theirs.names)
            mine.labels.update(theirs.labels)
            mine.titles.update(theirs.titles)
            for low, form in theirs.title_forms.items():
                mine.title_forms.setdefault(low, form)
        return self

    def table(self, include_unnamed: bool = False) -> list[CorpusSpeaker]:
        """One CorpusSpeaker per row, most quoted first (ties: most documents, first seen)."""
        out = []
        rows = sorted(self.rows.values(), key=lambda r: (-r.quotes, -r.documents, r.order))
        for row in rows:
            if row.unnamed and not include_unnamed:
                continue
            out.append(
                CorpusSpeaker(
                    name=_commonest(row.names),
                    label=_commonest(row.labels),
                    titles=tuple(row.title_forms[t] for t, _ in _by_count(row.titles)),
                    quotes=row.quotes,
                    documents=row.documents,
                    first_seen=row.first_seen,
                )
            )
        return out


def _by_count(counter: Counter[str]) -> list[tuple[str, int]]:
    # Counter.most_common keeps first-inserted order among equal counts
    return counter.most_common()


def _commonest(counter: Counter[str]) -> str:
    return counter.most_common(1)[0][0] if counter else ""


def speaker_table(results: Iterable[Any], *, include_unnamed: bool = False) -> list[CorpusSpeaker]:
    """Who is quoted across documents, most quoted first.

    ``results`` are ``(doc_id, quotes)`` pairs (quotes from extract()/extract_many()) or the
    CLI's output records ``{"id", "quotes": [...]}``; error records are skipped. One person is
    one row across documents: "Ed Vance", "Edward Vance", "Ed J. Vance" and, in a document
    that names Ed Vance, "Vance" are one row; "Ed Vance Jr." and "Mary Vance" are others.
    Unnamed speakers ("a spokesman") are left out unless ``include_unnamed``.
    """
    tally = SpeakerTally()
    for n, result in enumerate(results, 1):
        if isinstance(result, dict):
            if "quotes" in result:
                tally.add(result.get("id", n), result["quotes"])
            continue
        doc_id, quotes = result
        tally.add(doc_id, quotes)
    return tally.table(include_unnamed=include_unnamed)


# --- output ------------------------------------------------------------------------------------

CSV_FIELDS = ("name", "label", "titles", "quotes", "documents", "first_seen")


def format_speaker_rows(table: list[CorpusSpeaker], fmt: str) -> Iterator[str]:
    """Lines of the table as JSONL, CSV (titles joined by "; ") or an aligned text table."""
    import json

    if fmt == "jsonl":
        for sp in table:
            yield json.dumps(sp.to_dict(), ensure_ascii=False)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(CSV_FIELDS)
        for sp in table:
            writer.writerow(
                [sp.name, sp.label, "; ".join(sp.titles), sp.quotes, sp.documents, sp.first_seen]
            )
        yield from buf.getvalue().splitlines()
    else:
        yield (
            f"{'name':30} | {'label':6} | {'quotes':>6} | {'docs':>5} | {'first seen':16} | titles"
        )
        for sp in table:
            titles = "; ".join(sp.titles)
            yield (
                f"{sp.name[:30]:30} | {sp.label[:6]:6} | {sp.quotes:>6} | {sp.documents:>5} | "
                f"{str(sp.first_seen)[:16]:16} | {titles[:60]}"
            )


def write_speaker_table(table: list[CorpusSpeaker], output: str | None, fmt: str) -> None:
    from quoteattr.cli import open_output

    with open_output(output) as out:
        for line in format_speaker_rows(table, fmt):
            out.write(line + "\n")


# --- `quoteattr speakers` -----------------------------------------------------------------------


def run_speakers(args: argparse.Namespace) -> int:
    """`quoteattr speakers corpus.jsonl`: the corpus table, on this machine or on Dask."""
    from quoteattr import distributed
    from quoteattr.api import extract, extract_many
    from quoteattr.cli import load_model_or_exit, process_documents, read_documents
    from quoteattr.runner import RunLog, count_documents, expand_paths

    distributed.check_engine_arguments(args)
    if args.engine == "dask":
        return distributed.run_speakers(args)
    paths = expand_paths(args.paths)
    nlp = load_model_or_exit(args.model)  # fail fast, in one line, if the model is missing

    def run_many(texts: Iterable[str]) -> Iterator[list[Quote]]:
        return extract_many(
            texts, nlp=nlp, scope=args.scope, batch_size=args.batch_size, n_process=args.n_process
        )

    def run_one(text: str) -> list[Quote]:
        return extract(text, nlp=nlp, scope=args.scope)

    log = RunLog(lambda: count_documents(paths), quiet=args.quiet)
    tally = SpeakerTally()
    try:
        for doc, quotes, error in process_documents(read_documents(paths), run_many, run_one):
            if error is None:
                tally.add(doc["id"], quotes or [])
            else:
                print(f"quoteattr: {doc['id']}: {error}", file=sys.stderr)
            log.add(1, len(quotes or []), error is not None)
    except KeyboardInterrupt:
        log.close("interrupted")
        return 130
    table = tally.table(include_unnamed=args.include_unnamed)
    write_speaker_table(table, args.output, args.format)
    log.close(f"{len(table):,} speakers")
    return 1 if log.errors else 0


def add_subcommand(sub: Any) -> None:
    """The `speakers` subcommand on the CLI's subparsers."""
    from quoteattr import distributed
    from quoteattr.cli import add_pipeline_arguments

    sp = sub.add_parser(
        "speakers",
        help="who is quoted across all documents: one row per speaker, most quoted first",
    )
    sp.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, a glob, or -")
    sp.add_argument(
        "-o", "--output", help="write the table here, atomically (default: standard output)"
    )
    sp.add_argument(
        "--format",
        choices=("jsonl", "csv", "table"),
        default="jsonl",
        help="one JSON object per row, CSV, or an aligned table (default: %(default)s)",
    )
    sp.add_argument(
        "--include-unnamed",
        action="store_true",
        help='also count unnamed speakers ("a spokesman"), one row per description',
    )
    add_pipeline_arguments(sp, batching=True)
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    distributed.add_engine_arguments(sp)
    sp.set_defaults(func=run_speakers)
