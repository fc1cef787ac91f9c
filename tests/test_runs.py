"""Long runs: globs and several inputs, the progress bar and the one-line summary, and memory
that follows the piece, not the document."""

from __future__ import annotations

import gc
import io
import json
import weakref

import pytest

from quoteattr import api
from quoteattr.cli import main
from quoteattr.runner import RunLog, count_documents, expand_paths

STORY = '"The pier reopens in May," said harbour master Ed Vance.\n\n'


def test_globs_expand_sorted_and_other_paths_stay(tmp_path):
    for name in ("b.jsonl", "a.jsonl", "c.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = expand_paths([str(tmp_path / "*.jsonl"), "-", str(tmp_path / "none-*.jsonl")])
    assert got == [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "-",
                   str(tmp_path / "none-*.jsonl")]  # fmt: skip


def test_document_count_is_known_for_files_not_for_stdin(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"text": "x"}\n\n{"text": "y"}')  # 3 lines, no final \n
    (tmp_path / "b.txt").write_text("one document", encoding="utf-8")
    assert count_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]) == 4
    assert count_documents([str(tmp_path / "missing.jsonl")]) == 1
    assert count_documents(["-"]) is None


def test_progress_bar_has_a_total_and_the_summary_counts_everything():
    stream = io.StringIO()
    log = RunLog(3, stream=stream, force_bar=True)
    log.add(1, quotes=2)
    log.add(1, errors=1)
    log.add(1, quotes=5)
    log.close()
    log.close()  # once only
    text = stream.getvalue()
    assert "3/3" in text  # tqdm's "n/total"
    last = text.strip().splitlines()[-1]
    assert last.startswith("quoteattr: 3 documents, 7 quotes, 1 errors, ") and last.endswith(" s")
    assert text.count("quoteattr: 3 documents") == 1


def test_quiet_has_no_bar_but_still_the_summary():
    stream = io.StringIO()
    log = RunLog(3, stream=stream, force_bar=True, quiet=True)
    assert log.bar is None
    log.add(2, quotes=1)
    log.close()
    assert stream.getvalue().startswith("quoteattr: 2 documents, 1 quotes, 0 errors, ")


def test_cli_reads_several_files_and_a_glob_and_prints_the_summary(nlp, tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"p{i}.jsonl").write_text(
            json.dumps({"id": f"d{i}", "text": STORY}) + "\n", encoding="utf-8"
        )
    assert main(["extract", str(tmp_path / "p*.jsonl"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["d0", "d1", "d2"]
    assert "quoteattr: 3 documents, 3 quotes, 0 errors, " in captured.err


# --- flat memory: one piece of a long text alive at a time -----------------------------------


@pytest.fixture
def live_pieces(monkeypatch):
    """Count the Docs of a long text's pieces (they say "month") still alive each time a new
    one comes out of the pipeline."""
    alive: list[weakref.ref] = []
    most = [0]
    real = api._checked_doc

    def checked(doc, piece):
        if "month" not in piece:
            return real(doc, piece)
        gc.collect()
        alive[:] = [ref for ref in alive if ref() is not None]
        alive.append(weakref.ref(doc))
        most[0] = max(most[0], len(alive))
        return real(doc, piece)

    monkeypatch.setattr(api, "_checked_doc", checked)
    return most


def long_text(paragraphs: int) -> str:
    return "".join(STORY.replace("May", f"month {i}") for i in range(paragraphs))


def test_extract_keeps_one_piece_of_a_long_text_alive(nlp, monkeypatch, live_pieces):
    text = long_text(8)
    monkeypatch.setattr(nlp, "max_length", 200)  # about 3 paragraphs a piece
    assert len(api._pieces(text, nlp)) >= 3
    quotes = api.extract(text, nlp=nlp)
    assert len(quotes) == 8 and all(text[q.start : q.end] for q in quotes)
    assert live_pieces[0] == 1


def test_extract_many_parses_a_long_text_alone_in_order(nlp, monkeypatch, live_pieces):
    short = [STORY, 'Ana Ruiz said: "No."', ""]
    text = long_text(8)
    expected = [api.extract(t, nlp=nlp) for t in (short[0], text, short[1], short[2])]
    monkeypatch.setattr(nlp, "max_length", 200)
    piped: list[str] = []
    real_pipe = nlp.pipe

    def pipe(texts, **kw):
        def seen():
            for t in texts:
                piped.append(t)
                yield t

        return real_pipe(seen(), **kw)

    monkeypatch.setattr(nlp, "pipe", pipe)
    live_pieces[0] = 0
    got = list(api.extract_many([short[0], text, short[1], short[2]], nlp=nlp, batch_size=2))
    # same answers as extract() one by one, except that the long text now has pieces of
    # 200 characters (it had one piece above): compare what does not depend on the cut
    assert [len(g) for g in got] == [1, 8, 1, 0]
    assert got[0] == expected[0] and got[2] == expected[2]
    assert [q.text for q in got[1]] == [q.text for q in expected[1]]
    # the batch never held the long text's pieces: they were parsed alone, one at a time
    assert all(len(t) <= 200 // 2 for t in piped)
    assert live_pieces[0] == 1


def test_the_input_is_counted_only_when_a_bar_is_shown():
    calls = []

    def total():
        calls.append(1)
        return 5

    RunLog(total, stream=io.StringIO(), quiet=True, force_bar=True).close()
    RunLog(total, stream=io.StringIO()).close()  # not a terminal: no bar
    assert calls == []
    stream = io.StringIO()
    RunLog(total, stream=stream, force_bar=True).close()
    assert calls == [1] and "/5" in stream.getvalue()
