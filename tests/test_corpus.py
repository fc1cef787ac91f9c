"""Who is quoted across a corpus: name merging across documents, the table, its formats, the
`quoteattr speakers` command."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quoteattr import corpus
from quoteattr.types import Quote, Speaker


def q(name: str, title: str | None = None, label: str = "PERSON", at: int = 0) -> Quote:
    return Quote(
        text="words",
        start=at,
        end=at + 5,
        fragments=((at, at + 5),),
        speaker=Speaker(name, title=title, label=label),
    )


def table(docs: list[tuple[str, list[Quote]]], **kw) -> dict[str, corpus.CorpusSpeaker]:
    return {row.name: row for row in corpus.speaker_table(docs, **kw)}


def test_forms_of_one_name_are_one_row_across_documents():
    docs = [
        ("d1", [q("Ed Vance", "mayor"), q("Vance", at=10)]),
        ("d2", [q("Edward Vance", "mayor of Brackton")]),
        ("d3", [q("Ed J. Vance", "mayor"), q("Mary Vance", "his sister")]),
        ("d4", [q("Ed Vance Jr.", "the mayor's son")]),
    ]
    rows = table(docs)
    assert set(rows) == {"Ed Vance", "Mary Vance", "Ed Vance Jr."}
    ed = rows["Ed Vance"]
    assert (ed.quotes, ed.documents, ed.first_seen) == (4, 3, "d1")
    assert ed.titles == ("mayor", "mayor of Brackton")  # most frequent first
    assert (rows["Mary Vance"].quotes, rows["Mary Vance"].first_seen) == (1, "d3")
    assert rows["Ed Vance Jr."].documents == 1


def test_a_bare_surname_merges_only_with_the_one_full_name_of_its_document():
    docs = [
        ("d1", [q("Ed Vance"), q("Vance", at=10)]),
        ("d2", [q("Vance")]),  # no full name here: not known to be Ed
        ("d3", [q("Ed Vance"), q("Mary Vance", at=10), q("Vance", at=20)]),  # ambiguous
    ]
    rows = table(docs)
    assert rows["Ed Vance"].quotes == 3
    assert rows["Vance"].quotes == 2 and rows["Vance"].first_seen == "d2"
    assert rows["Mary Vance"].quotes == 1


def test_honorifics_do_not_split_a_person_and_other_first_names_do():
    rows = table([("a", [q("Ana Ruiz")]), ("b", [q("Dr. Ana Ruiz")]), ("c", [q("Eva Ruiz")])])
    assert rows["Ana Ruiz"].quotes == 2 and rows["Eva Ruiz"].quotes == 1


def test_rows_are_sorted_by_quotes_then_documents_then_first_seen():
    docs = [
        ("a", [q("Lena Park"), q("Omar Haddad", at=10)]),
        ("b", [q("Omar Haddad"), q("Omar Haddad", at=10), q("Ruth Moyo", at=20)]),
        ("c", [q("Lena Park"), q("Ruth Moyo", at=10)]),
    ]
    names = [r.name for r in corpus.speaker_table(docs)]
    assert names == ["Omar Haddad", "Lena Park", "Ruth Moyo"]


def test_unnamed_speakers_are_rows_only_when_asked():
    docs = [
        ("a", [q("a spokesman", "spokesman"), q("Officials", at=10), q("he", at=20)]),
        ("b", [q("a White House spokesman", "White House spokesman"), q("Lena Park", at=10)]),
        ("c", [q("the Harbour Authority", label="ORG"), q("Harbour Authority", label="ORG")]),
    ]
    named = table(docs)
    assert set(named) == {"Lena Park", "the Harbour Authority"}
    assert named["the Harbour Authority"].quotes == 2  # "the" does not split an organisation
    everyone = table(docs, include_unnamed=True)
    assert {"a spokesman", "Officials", "he", "a White House spokesman"} <= set(everyone)


@pytest.mark.parametrize(
    "name, named",
    [
        ("Ed Vance", True),
        ("the Harbour Authority", True),
        ("a spokesman", False),
        ("two senior officials", False),
        ("Officials", False),
        ("She", False),
        ("a White House spokesman", False),
    ],
)
def test_is_named(name, named):
    assert corpus.is_named(name) is named


def test_tallies_of_consecutive_parts_merge_to_the_whole():
    docs = [
        ("a", [q("Ed Vance", "mayor"), q("Lena Park", at=10)]),
        ("b", [q("Edward Vance", "former mayor")]),
        ("c", [q("Lena Park", "judge"), q("Ed Vance", "former mayor", at=10)]),
    ]
    whole = corpus.SpeakerTally()
    for doc_id, quotes in docs:
        whole.add(doc_id, quotes)
    first, second = corpus.SpeakerTally(), corpus.SpeakerTally()
    first.add(*docs[0])
    for doc_id, quotes in docs[1:]:
        second.add(doc_id, quotes)
    assert first.merge(second).table() == whole.table()


def test_output_records_of_the_cli_are_accepted_and_errors_skipped():
    records = [
        {"id": 7, "quotes": [q("Ed Vance", "mayor").to_dict()]},
        {"id": 8, "error": "line 2 is not JSON"},
        {"id": 9, "quotes": [q("Edward Vance").to_dict()]},
    ]
    [row] = corpus.speaker_table(records)
    assert row.to_dict() == {
        "name": "Ed Vance",
        "label": "PERSON",
        "titles": ["mayor"],
        "quotes": 2,
        "documents": 2,
        "first_seen": 7,
    }


def test_formats():
    rows = corpus.speaker_table([("a", [q("Ed Vance", "mayor"), q("Ed Vance", "Mayor", at=9)])])
    [line] = corpus.format_speaker_rows(rows, "jsonl")
    assert json.loads(line)["titles"] == ["mayor"]  # case-insensitive, first form kept
    got = list(csv.DictReader(io.StringIO("\n".join(corpus.format_speaker_rows(rows, "csv")))))
    assert got == [
        {
            "name": "Ed Vance",
            "label": "PERSON",
            "titles": "mayor",
            "quotes": "2",
            "documents": "1",
            "first_seen": "a",
        }
    ]
    header, line = corpus.format_speaker_rows(rows, "table")
    assert header.startswith("name") and line.startswith("Ed Vance")


def test_speakers_command_counts_across_documents(nlp, tmp_path, capsys):
    from quoteattr.cli import main

    docs = [
        {"id": "x1", "text": '"The ferry will run all winter," said harbour master Ed Vance.'},
        {"id": "x2", "text": '"We found the money," said Edward Vance, the harbour master.'},
        {"id": "x3", "text": 7},
    ]
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "speakers.jsonl"
    assert main(["speakers", str(src), "-o", str(out), "--quiet"]) == 1  # x3 is an error
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["name"] in ("Ed Vance", "Edward Vance")
    assert (row["quotes"], row["documents"], row["first_seen"]) == (2, 2, "x1")
    assert "harbour master" in row["titles"]
    err = capsys.readouterr().err
    assert "quoteattr: 3 documents, 2 quotes, 1 errors, 1 speakers" in err


def test_each_of_several_speakers_is_credited():
    both = Quote(
        text="words",
        start=0,
        end=5,
        fragments=((0, 5),),
        speaker=Speaker(
            "Tom Lee", members=(Speaker("Ana Ruiz", title="mayor"), Speaker("Tom Lee"))
        ),
    )
    rows = table([("d1", [both]), ("d2", [q("Tom Lee")])])
    assert {name: row.quotes for name, row in rows.items()} == {"Tom Lee": 2, "Ana Ruiz": 1}
    assert rows["Ana Ruiz"].titles == ("mayor",)
    as_json = table([("d1", [both.to_dict()])])
    assert set(as_json) == {"Tom Lee", "Ana Ruiz"}
