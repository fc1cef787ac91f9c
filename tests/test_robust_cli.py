"""The CLI on a corpus: one record per input line, in order; bad lines and failing documents
become error records; output streams, is atomic with -o, and survives Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import quoteattr.api as api
from quoteattr.cli import main, open_output, parse_jsonl_line, process_documents, read_documents
from quoteattr.types import Quote

SAID = "“We will win,” said Jane Smith, the mayor."


def fake_quote(text: str) -> list[Quote]:
    return [Quote(text=text[:3], start=0, end=min(3, len(text)), fragments=((0, 3),))]


# --- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"id": "a", "text": "hi"}\n', {"id": "a", "text": "hi"}),
        (b'{"text": "hi"}\n', {"id": 7, "text": "hi"}),
        (b"not json\n", {"id": 7, "error": "line 7 is not JSON: Expecting value"}),
        (b"\n", {"id": 7, "error": "line 7 is blank"}),
        (b"  \t\r\n", {"id": 7, "error": "line 7 is blank"}),
        (b"[1, 2]\n", {"id": 7, "error": "line 7 is not a JSON object"}),
        (b'"just a string"\n', {"id": 7, "error": "line 7 is not a JSON object"}),
        (b'{"id": "b"}\n', {"id": "b", "error": "line 7 has no 'text'"}),
        (b'{"id": "c", "text": null}\n', {"id": "c", "error": "line 7 has no 'text'"}),
        (b'{"id": "d", "text": 5}\n', {"id": "d", "error": "line 7 has a non-string 'text' (int)"}),
        (b'{"text": ["a"]}\n', {"id": 7, "error": "line 7 has a non-string 'text' (list)"}),
        (b'{"id": [1], "text": "x"}\n', {"id": 7, "text": "x"}),  # unusable id -> line number
        (b'{"id": "e", "text": "caf\xff"}\n', {"id": 7, "error": "line 7 is not UTF-8"}),
        (b"[" * 100000 + b"\n", {"id": 7, "error": "line 7 is not JSON"}),
    ],
)
def test_parse_jsonl_line(raw, expected):
    record = parse_jsonl_line(raw, 7)
    if "error" in expected:
        assert record["id"] == expected["id"]
        assert record["error"].startswith(expected["error"])
        assert "text" not in record
    else:
        assert record == expected


def test_read_documents_gives_one_record_per_line_and_never_raises(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"text": "a"}\n\nbad\n{"id": 9, "text": "b"}\n\xff\xfe\n{"text": "c"}')
    text_file = tmp_path / "note.txt"
    text_file.write_text("plain text", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00")
    records = list(read_documents(["c.jsonl", "note.txt", "gone.jsonl"]))
    records += list(read_documents(["broken.txt"]))
    # several inputs: a line without an id is named by file and line, so ids stay unique
    lines = [f"c.jsonl:{n}" for n in (1, 2, 3)] + [9] + [f"c.jsonl:{n}" for n in (5, 6)]
    assert [r["id"] for r in records] == lines + ["note.txt", "gone.jsonl", "broken.txt"]
    assert ["text" in r for r in records] == [1, 0, 0, 1, 0, 1, 1, 0, 0]
    assert "cannot read" in records[7]["error"]


def test_read_documents_streams(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    reader = read_documents([str(corpus)])
    assert next(reader) == {"id": 1, "text": "a"}  # nothing more has been parsed yet


# --- processing a stream with faults ----------------------------------------------------------


def batching_run_many(batch: int) -> object:
    """A stand-in for extract_many: takes ``batch`` texts, then answers them; fails on BOOM."""

    def run_many(texts: Iterable[str]) -> Iterator[list[Quote]]:
        buffer: list[str] = []
        for text in texts:
            buffer.append(text)
            if len(buffer) == batch:
                if any("BOOM" in t for t in buffer):
                    raise RuntimeError("batch exploded")
                yield from (fake_quote(t) for t in buffer)
                buffer = []
        if any("BOOM" in t for t in buffer):
            raise RuntimeError("batch exploded")
        yield from (fake_quote(t) for t in buffer)

    return run_many


def one_by_one(text: str) -> list[Quote]:
    if "BOOM" in text:
        raise RuntimeError(f"cannot handle {text!r}\nsecond line")
    return fake_quote(text)


def corpus_records(n: int, bad: set[int], broken: set[int]) -> list[dict]:
    out = []
    for i in range(n):
        if i in broken:
            out.append({"id": i, "error": f"line {i} is not JSON"})
        else:
            out.append({"id": i, "text": f"doc{i} BOOM" if i in bad else f"doc{i}"})
    return out


@pytest.mark.parametrize("batch", [1, 3, 4, 50])
def test_failing_documents_become_errors_and_order_is_kept(batch):
    docs = corpus_records(20, bad={0, 5, 6, 19}, broken={2, 7, 18})
    out = list(process_documents(docs, batching_run_many(batch), one_by_one))
    assert [d["id"] for d, _, _ in out] == list(range(20))
    for doc, quotes, error in out:
        if doc["id"] in {0, 5, 6, 19}:
            assert quotes is None and error.startswith("RuntimeError: cannot handle")
            assert "\n" not in error
        elif doc["id"] in {2, 7, 18}:
            assert quotes is None and error == doc["error"]
        else:
            assert error is None and quotes == fake_quote(doc["text"])


def test_a_batch_failure_that_no_single_document_repeats_loses_nothing(caplog):
    calls = []

    def flaky_run_many(texts: Iterable[str]) -> Iterator[list[Quote]]:
        calls.append(1)
        for i, text in enumerate(texts):
            if len(calls) == 1 and i == 2:
                raise MemoryError("transient")
            yield fake_quote(text)

    docs = corpus_records(6, set(), set())
    out = list(process_documents(docs, flaky_run_many, one_by_one))
    assert [(d["id"], e) for d, _, e in out] == [(i, None) for i in range(6)]
    assert len(calls) == 2
    assert "each document passed alone" in caplog.text


def test_a_failure_before_any_document_propagates():
    def no_model(texts: Iterable[str]) -> Iterator[list[Quote]]:
        raise OSError("model not installed")
        yield []  # pragma: no cover

    with pytest.raises(OSError, match="model not installed"):
        list(process_documents(corpus_records(3, set(), set()), no_model, one_by_one))


def test_a_failure_after_every_answer_loses_nothing_and_does_not_loop():
    def fails_at_the_end(texts: Iterable[str]) -> Iterator[list[Quote]]:
        yield from (fake_quote(t) for t in texts)
        raise RuntimeError("cleanup failed")

    docs = corpus_records(5, set(), {4})
    out = list(process_documents(docs, fails_at_the_end, one_by_one))
    assert [(d["id"], e is None) for d, _, e in out] == [(i, i != 4) for i in range(5)]


def test_processing_streams_with_bounded_lookahead():
    pulled = []

    def source() -> Iterator[dict]:
        for i in range(10**9):  # effectively endless: must never be read to the end
            pulled.append(i)
            yield {"id": i, "text": f"doc{i}"}

    results = process_documents(source(), batching_run_many(8), one_by_one)
    for _ in range(100):
        next(results)
    assert len(pulled) <= 100 + 8


# --- the command line end to end --------------------------------------------------------------


def write_corpus(path: Path) -> list[str]:
    lines = [
        json.dumps({"id": "a", "text": SAID}),
        "this is not json",
        json.dumps({"id": "b", "title": "no text"}),
        json.dumps({"id": "c", "text": 12}),
        json.dumps({"text": "Bo Li said that the bridge would open in May."}),
        "",
        json.dumps({"id": "e", "text": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_cli_one_output_line_per_input_line_in_order(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    lines = write_corpus(corpus)
    out_path = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "-o", str(out_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "4 of 7 documents failed; see the error records"
    out = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert len(out) == len(lines)
    assert [r["id"] for r in out] == ["a", 2, "b", "c", 5, 6, "e"]
    assert ["error" in r for r in out] == [False, True, True, True, False, True, False]
    assert out[0]["quotes"][0]["speaker"]["name"] == "Jane Smith"
    assert out[4]["quotes"] and out[6]["quotes"] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "out.jsonl"]


def test_cli_clean_run_exits_zero_and_writes_stdout(tmp_path, capsys):
    corpus = tmp_path / "ok.jsonl"
    corpus.write_text(json.dumps({"id": 1, "text": SAID}) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["id"] == 1
    assert "failed" not in captured.err


def _wrap_api(monkeypatch, *, boom_after: int | None = None, interrupt_after: int | None = None):
    """Make the real extract_many/extract fail on texts containing BOOM, or be interrupted."""
    real_many, real_one = api.extract_many, api.extract

    def extract_many(texts, **kw):
        def checked():
            for t in texts:
                if "BOOM" in t:
                    raise ValueError("[E999] something deep inside spaCy")
                yield t

        for n, quotes in enumerate(real_many(checked(), **kw)):
            if interrupt_after is not None and n == interrupt_after:
                raise KeyboardInterrupt
            yield quotes

    def extract(text, **kw):
        if "BOOM" in text:
            raise ValueError("[E999] something deep inside spaCy")
        return real_one(text, **kw)

    monkeypatch.setattr(api, "extract_many", extract_many)
    monkeypatch.setattr(api, "extract", extract)


def test_cli_document_that_crashes_the_pipeline_becomes_an_error_record(
    tmp_path, capsys, monkeypatch
):
    _wrap_api(monkeypatch)
    texts = [SAID, "BOOM " + SAID, SAID, SAID, "BOOM", SAID]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "-o", str(out_path), "--batch-size", "2"]) == 1
    assert (
        capsys.readouterr().err.strip().endswith("2 of 6 documents failed; see the error records")
    )
    out = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == [1, 2, 3, 4, 5, 6]
    assert [r.get("error", "")[:10] for r in out] == ["", "ValueError", "", "", "ValueError", ""]
    assert all(len(r["quotes"]) == 1 for r in out if "quotes" in r)


def test_ctrl_c_leaves_valid_jsonl_of_finished_documents(tmp_path, capsys, monkeypatch):
    _wrap_api(monkeypatch, interrupt_after=3)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "oops\n" + "".join(json.dumps({"text": SAID}) + "\n" for _ in range(10)),
        encoding="utf-8",
    )
    out_path = tmp_path / "out.jsonl"
    out_path.write_text("old content\n", encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(out_path), "--batch-size", "1"]) == 130
    assert "interrupted after 4 documents (1 failed)" in capsys.readouterr().err
    text = out_path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    out = [json.loads(line) for line in text.splitlines()]
    assert [r["id"] for r in out] == [1, 2, 3, 4]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out.jsonl"]


def test_sigterm_stops_like_ctrl_c(tmp_path, capsys, monkeypatch):
    real_many = api.extract_many

    def extract_many(texts, **kw):
        for n, quotes in enumerate(real_many(texts, **kw)):
            if n == 2:
                os.kill(os.getpid(), signal.SIGTERM)
            yield quotes

    monkeypatch.setattr(api, "extract_many", extract_many)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": SAID}) + "\n" for _ in range(8)), "utf-8")
    out_path = tmp_path / "out.jsonl"
    before = signal.getsignal(signal.SIGTERM)
    assert main(["extract", str(corpus), "-o", str(out_path), "--batch-size", "1"]) == 130
    assert signal.getsignal(signal.SIGTERM) is before  # the handler is put back
    assert capsys.readouterr().err.strip() == "interrupted after 2 documents (0 failed)"
    lines = out_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2]


def test_open_output_is_atomic(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with open_output(str(target)) as out:
            out.write('{"id": 1}\n')
            out.flush()
            # while writing, readers still see the previous complete file
            assert target.read_text(encoding="utf-8") == "previous run\n"
            raise RuntimeError("crash")
    # a failed run keeps the previous output and leaves its own beside it
    assert target.read_text(encoding="utf-8") == "previous run\n"
    partial = tmp_path / "out.jsonl.partial"
    assert partial.read_text(encoding="utf-8") == '{"id": 1}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.jsonl.partial"]
    assert partial.stat().st_mode & 0o644 == 0o644
    with open_output(str(target)) as out:  # a complete run replaces it
        out.write('{"id": 2}\n')
    assert target.read_text(encoding="utf-8") == '{"id": 2}\n'
    assert target.stat().st_mode & 0o644 == 0o644


def test_unwritable_output_is_a_one_line_error(tmp_path):
    with pytest.raises(SystemExit, match="cannot write .*No such file or directory"):
        with open_output(str(tmp_path / "missing" / "out.jsonl")):
            pass  # pragma: no cover
