"""Runs every nasty text in tests/regression/ (one file per trap): no exception, offsets valid
against the file's own string, the same answers from extract(), extract_many() and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _invariants import check_quotes
from spacy.language import Language

from quoteattr.api import extract, extract_many, load_pipeline
from quoteattr.cli import main

CORPUS = Path(__file__).parent / "regression"
TRAPS = sorted(p for p in CORPUS.glob("*.txt"))
# the big traps (10,000 marks, a 200-paragraph quote) run once; the cross-checks use the rest
SMALL = [p for p in TRAPS if p.stat().st_size < 5000]


def read_trap(path: Path) -> str:
    # newline="" keeps CRLF and lone CR; surrogateescape turns invalid bytes into lone surrogates
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def answers(nlp: Language) -> dict[str, list]:
    return {p.name: extract(read_trap(p), nlp=nlp) for p in TRAPS}


def test_corpus_is_there():
    assert len(TRAPS) >= 30


@pytest.mark.parametrize("path", TRAPS, ids=[p.stem for p in TRAPS])
def test_trap_keeps_every_invariant(path, answers):
    check_quotes(read_trap(path), answers[path.name])


def test_extract_many_agrees_on_the_corpus(nlp, answers):
    texts = [read_trap(p) for p in SMALL]
    assert list(extract_many(texts, nlp=nlp, batch_size=5)) == [answers[p.name] for p in SMALL]


@pytest.mark.parametrize(
    ("trap", "expected"),
    [
        ("empty.txt", 0),
        ("only_whitespace.txt", 0),
        ("no_marks.txt", 0),
        ("unpaired_10000.txt", 0),
        ("quote_200_paragraphs.txt", 1),  # one quote re-opened at each paragraph
    ],
)
def test_trap_quote_counts(trap, expected, answers):
    assert len(answers[trap]) == expected


def test_clean_quotes_survive_the_noise_around_them(answers):
    """Traps whose first quote is plain “…,” said Name: the noise must not hide it."""
    for trap, first in [
        ("crlf.txt", "We will win,"),
        ("zero_width_and_nbsp.txt", "We\u200b will\u00a0win,"),
        ("emoji.txt", "We 🎉 will win 👍🏽,"),
        ("bom_start.txt", "Byte order mark first,"),
        ("one_huge_word.txt", "Still here,"),
    ]:
        assert answers[trap] and answers[trap][0].text == first, (trap, answers[trap])


def test_cli_runs_the_corpus(tmp_path, capsys):
    files = [p for p in SMALL if p.name != "invalid_utf8_bytes.txt"]
    out_path = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, files), "-o", str(out_path)]) == 0
    out = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == [str(p) for p in files]  # the paths as given
    assert all("quotes" in r for r in out)


def test_cli_reports_an_undecodable_file_and_carries_on(tmp_path, capsys):
    bad, good = CORPUS / "invalid_utf8_bytes.txt", CORPUS / "crlf.txt"
    out_path = tmp_path / "out.jsonl"
    assert main(["extract", str(bad), str(good), "-o", str(out_path)]) == 1
    out = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert "error" in out[0] and out[1]["quotes"]
    summary, failed = capsys.readouterr().err.strip().splitlines()
    assert summary.startswith("quoteattr: 2 documents, ") and ", 1 errors, " in summary
    assert failed == "1 of 2 documents failed; see the error records"
