"""The command line as a new user meets it: inputs of every shape and encoding, bad options and
models, output files that must survive, and the conveniences (--version, passed-through fields,
help with defaults, a word about non-English text)."""

from __future__ import annotations

import argparse
import io
import json
import logging
from pathlib import Path

import pytest

from quoteattr.api import extract
from quoteattr.cli import build_parser, main

SAID = "“We will win,” said Jane Smith, the mayor."
CP1252 = b"Caf\xe9 owner Jo Lee said: \x93We are open every day.\x94\n"


def read_jsonl(path: Path) -> list[dict]:
    # strict UTF-8: a lone surrogate or a stray byte in the file fails here
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def stdout_records(capsys: pytest.CaptureFixture[str]) -> tuple[list[dict], str]:
    captured = capsys.readouterr()
    captured.out.encode("utf-8")  # raises on a lone surrogate (invalid UTF-8 once written)
    return [json.loads(line) for line in captured.out.splitlines()], captured.err


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    # as Python sets stdin up under a C/POSIX locale: undecodable bytes become surrogates
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr("sys.stdin", stream)


# --- 1. a lone surrogate loses nothing --------------------------------------------------------


def test_a_lone_surrogate_is_replaced_and_every_later_document_written(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    texts = [SAID, "“We will win\udc93,” said Jane Smith.", SAID]
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), "utf-8"
    )
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [0, 1, 2]
    assert records[1]["quotes"][0]["text"] == "We will win\ufffd,"
    assert records[2]["quotes"][0]["speaker"]["name"] == "Jane Smith"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_run_that_fails_keeps_the_previous_output(tmp_path: Path, monkeypatch) -> None:
    import quoteattr.cli as cli

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"text": SAID}) + "\n" for _ in range(3)), "utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    calls = []

    def failing_format(doc_id, items, args, fields=None):
        calls.append(doc_id)
        if len(calls) == 2:
            raise RuntimeError("a bug in formatting")
        return [json.dumps({"id": doc_id})]

    monkeypatch.setattr(cli, "format_record", failing_format)
    with pytest.raises(RuntimeError):
        main(["extract", str(corpus), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8") == '{"id": 1}\n'


# --- 2. encodings -----------------------------------------------------------------------------


def test_undecodable_stdin_is_an_error_record_not_invalid_utf8(capsys, monkeypatch) -> None:
    feed_stdin(monkeypatch, CP1252)
    assert main(["extract", "-"]) == 1
    records, err = stdout_records(capsys)
    assert len(records) == 1 and records[0]["id"] == "stdin"
    assert "cannot decode stdin as utf-8" in records[0]["error"]
    assert "--encoding" in records[0]["error"]
    assert "1 of 1 documents failed" in err


def test_undecodable_stdin_with_output_file_writes_the_error_record(
    tmp_path: Path, monkeypatch
) -> None:
    feed_stdin(monkeypatch, CP1252)
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-", "-o", str(out)]) == 1
    (record,) = read_jsonl(out)
    assert "cannot decode stdin" in record["error"]


def test_encoding_option_decodes_windows_1252(capsys, monkeypatch) -> None:
    feed_stdin(monkeypatch, CP1252)
    assert main(["extract", "-", "--encoding", "cp1252"]) == 0
    (record,), _ = stdout_records(capsys)
    (quote,) = record["quotes"]
    assert quote["text"] == "We are open every day."
    assert quote["speaker"]["name"] == "Jo Lee"


def test_errors_replace_gives_valid_utf8(capsys, monkeypatch, tmp_path: Path) -> None:
    feed_stdin(monkeypatch, CP1252)
    assert main(["extract", "-", "--errors", "replace"]) == 0
    (record,), _ = stdout_records(capsys)
    assert "error" not in record
    text_file = tmp_path / "story.txt"
    text_file.write_bytes(CP1252)
    assert main(["extract", str(text_file), "--errors", "replace"]) == 0
    (record,), _ = stdout_records(capsys)
    assert "error" not in record


def test_unknown_encoding_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "-", "--encoding", "klingon"])
    assert exit_info.value.code == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


# --- 3. numeric options -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "x.txt", "--batch-size", "0"], "--batch-size: must be at least 1, got 0"),
        (["extract", "x.txt", "--batch-size", "-5"], "--batch-size: must be at least 1, got -5"),
        (["extract", "x.txt", "--n-process", "0"], "--n-process: must be at least 1, got 0"),
        (["extract", "x.txt", "--batch-size", "ten"], "expected a whole number, got 'ten'"),
        (["evaluate", "g.jsonl", "--batch-size", "0"], "--batch-size: must be at least 1"),
        (["evaluate", "g.jsonl", "--errors", "-1"], "--errors: must be 0 or more, got -1"),
    ],
)
def test_numeric_options_are_checked_with_one_line(capsys, argv: list[str], message: str):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1]
    assert "Traceback" not in "\n".join(err)


# --- 4. input formats -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["c.ndjson", "c.JSONL", "c.jsonlines", "c.Jsonl"])
def test_jsonl_suffixes_are_recognised_in_any_case(tmp_path: Path, capsys, name: str) -> None:
    corpus = tmp_path / name
    corpus.write_text(json.dumps({"id": "a", "text": SAID}) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus)]) == 0
    (record,), _ = stdout_records(capsys)
    assert record["id"] == "a"
    assert record["quotes"][0]["speaker"]["name"] == "Jane Smith"


def test_input_format_forces_jsonl_or_text(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus.data"
    corpus.write_text(json.dumps({"id": "a", "text": SAID}) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--input-format", "jsonl"]) == 0
    (record,), _ = stdout_records(capsys)
    assert record["id"] == "a"
    story = tmp_path / "story.jsonl"
    story.write_text(SAID, encoding="utf-8")
    assert main(["extract", str(story), "--input-format", "txt"]) == 0
    (record,), _ = stdout_records(capsys)
    assert record["id"] == str(story) and record["quotes"]


@pytest.mark.parametrize("forced", [[], ["--input-format", "jsonl"]])
def test_jsonl_on_stdin(capsys, monkeypatch, forced: list[str]) -> None:
    lines = [{"id": "a", "text": SAID}, {"id": "b", "text": "No quotes here."}]
    feed_stdin(monkeypatch, "".join(json.dumps(r) + "\n" for r in lines).encode())
    assert main(["extract", "-", *forced]) == 0
    records, _ = stdout_records(capsys)
    assert [r["id"] for r in records] == ["a", "b"]
    assert [len(r["quotes"]) for r in records] == [1, 0]


def test_text_on_stdin_that_starts_with_a_brace_stays_text(capsys, monkeypatch) -> None:
    feed_stdin(monkeypatch, b"{draft}\n" + SAID.encode())
    assert main(["extract", "-"]) == 0
    (record,), _ = stdout_records(capsys)
    assert record["id"] == "stdin" and record["quotes"]
    feed_stdin(monkeypatch, json.dumps({"id": "a", "text": SAID}).encode())
    assert main(["extract", "-", "--input-format", "txt"]) == 0
    (record,), _ = stdout_records(capsys)
    assert record["id"] == "stdin"


# --- 5. folders and ids -----------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a" / "story.txt").write_text(SAID, encoding="utf-8")
    (root / "b" / "story.txt").write_text(SAID, encoding="utf-8")
    (root / "top.jsonl").write_text(json.dumps({"text": SAID}) + "\n", encoding="utf-8")
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    (root / ".hidden.txt").write_text(SAID, encoding="utf-8")


def test_a_folder_is_read_and_recursively_with_r(tmp_path: Path, capsys, monkeypatch) -> None:
    make_tree(tmp_path / "news")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "news"]) == 0
    records, _ = stdout_records(capsys)
    assert [r["id"] for r in records] == [1]  # top.jsonl only; one input, so its line number
    assert main(["extract", "news", "-r"]) == 0
    records, _ = stdout_records(capsys)
    ids = [r["id"] for r in records]
    assert ids == ["news/top.jsonl:1", "news/a/story.txt", "news/b/story.txt"]
    assert all(r["quotes"] for r in records)


def test_a_folder_without_inputs_is_an_error_record_with_a_hint(tmp_path: Path, capsys):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / "sub" / "x.txt").write_text(SAID, encoding="utf-8")
    assert main(["extract", str(tmp_path / "empty")]) == 1
    (record,), _ = stdout_records(capsys)
    assert "no .txt or .jsonl files" in record["error"] and "-r" in record["error"]


def test_files_with_the_same_name_get_different_ids(tmp_path: Path, capsys, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "a/story.txt", "b/story.txt"]) == 0
    records, _ = stdout_records(capsys)
    assert [r["id"] for r in records] == ["a/story.txt", "b/story.txt"]


def test_the_output_file_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    make_tree(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"text": "stale"}) + "\n", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-r", "-o", str(out)]) == 0
    assert len(read_jsonl(out)) == 3


# --- 6. models --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "speakers", "render"])
def test_an_unknown_model_is_one_line_naming_the_installed_ones(tmp_path, command) -> None:
    story = tmp_path / "story.txt"
    story.write_text('"We will win," said Ann Lee.', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main([command, str(story), "--model", "bogus_model_xyz"])
    message = str(exit_info.value.code)
    assert "\n" not in message
    assert "'bogus_model_xyz' is not installed" in message
    assert "Installed models:" in message and "pip install" in message


def test_a_bad_model_in_the_environment_is_named_as_such(monkeypatch) -> None:
    monkeypatch.setenv("QUOTEATTR_MODEL", "bogus_model_xyz")
    for argv in (["extract", "-"], ["evaluate", "gold.jsonl"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert "'bogus_model_xyz' (from $QUOTEATTR_MODEL) is not installed" in str(
            exit_info.value.code
        )


# --- 7. the output is never one of the inputs -------------------------------------------------


def test_output_naming_an_input_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": SAID}) + "\n", encoding="utf-8")
    before = corpus.read_bytes()
    with pytest.raises(SystemExit, match="is also an input file"):
        main(["extract", str(corpus), "-o", str(tmp_path / "." / "corpus.jsonl")])
    assert corpus.read_bytes() == before


# --- 8. conveniences --------------------------------------------------------------------------


def test_version(capsys) -> None:
    from quoteattr import __version__

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"quoteattr {__version__}"


def test_extra_fields_pass_through_in_order(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"id": "a", "url": "https://example.org/a", "text": SAID, "date": "2024-05-01"},
        {"id": "b", "url": "https://example.org/b", "text": 5},
        {"id": "c", "text": SAID, "quotes": ["gold"], "tags": ["x"]},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["extract", str(corpus)]) == 1
    records, _ = stdout_records(capsys)
    assert list(records[0]) == ["id", "url", "date", "quotes"]
    assert records[0]["url"] == "https://example.org/a" and records[0]["date"] == "2024-05-01"
    assert list(records[1]) == ["id", "url", "error"]  # an error record keeps them too
    assert list(records[2]) == ["id", "tags", "quotes"] and records[2]["quotes"] != ["gold"]
    assert main(["extract", str(corpus), "--group-by", "speaker"]) == 1
    records, _ = stdout_records(capsys)
    assert list(records[0]) == ["id", "url", "date", "speakers"]


def _options(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(f"{name} {n}", a) for n, a in _options(sub)]
        elif action.option_strings and action.dest not in ("help", "version"):
            found.append((action.option_strings[-1], action))
    return found


def test_every_option_has_help_that_names_its_default() -> None:
    options = _options(build_parser())
    assert len(options) >= 15
    for name, action in options:
        assert action.help, f"{name} has no help"
        if not isinstance(action, argparse._StoreTrueAction):
            assert "default" in action.help, f"{name}: help does not say the default"


# --- 9. not English ---------------------------------------------------------------------------

GERMAN = (
    "„Wir werden die Steuern in diesem Jahr nicht erhöhen“, sagte die Finanzministerin am "
    "Montag in Berlin. Die Opposition kritisierte den Plan und forderte eine Debatte."
)
RUSSIAN = (
    "«Мы не будем повышать налоги в этом году», заявила министр финансов в понедельник. "
    "Оппозиция раскритиковала план и потребовала обсуждения в парламенте."
)
SPANISH = (
    "«No vamos a subir los impuestos este año», dijo la ministra de Hacienda el lunes en "
    "Madrid. La oposición criticó el plan y pidió un debate en el Congreso."
)
ENGLISH = (
    "“We will not raise taxes this year,” the finance minister said on Monday in London. "
    "The opposition criticised the plan and asked for a debate in Parliament."
)


@pytest.mark.parametrize("text", [GERMAN, RUSSIAN, SPANISH])
def test_text_that_is_not_english_gets_one_warning(caplog, text: str) -> None:
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        extract(text)
    warnings = [r for r in caplog.records if "does not look like English" in r.getMessage()]
    assert len(warnings) == 1
    assert text.split()[1] in warnings[0].getMessage()  # says which text


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "Senate Passes Budget Bill After Late Session\nGovernor Signs Water Compact Into Law",
        "Rovers 3 City 1\nUnited 2 Athletic 2\nWanderers 0 Rangers 4",
        "“Yes,” she said.",
    ],
)
def test_english_text_gets_no_language_warning(caplog, text: str) -> None:
    with caplog.at_level(logging.WARNING, logger="quoteattr"):
        extract(text)
    assert "does not look like English" not in caplog.text
