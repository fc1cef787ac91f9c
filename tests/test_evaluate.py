"""Tests for quoteattr.evaluate on tiny hand-written gold and prediction files."""

from __future__ import annotations

import argparse
import json
import runpy
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from quoteattr import evaluate as ev
from quoteattr.types import Mention, Quote, Speaker

# the shared scorer sits beside the checkout (../shared), in CI as on a developer machine
REFERENCE_SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"

# ---------------------------------------------------------------------------------------------
# The tiny corpus. Gold quotes G1..G7, predictions P1..P6 (plus an error line and a stray id).
#
# d1  G1 direct   "We will build the bridge."  speaker "The mayor"   cue said
#     G2 indirect the plan was too costly       speaker "Critics"     cue said  (speech only)
#     G3 direct   "Taxes will rise."            speaker "Smith"       cue added
#     P1 = G1 without the marks (strict after trimming), mention on "mayor"  -> speaker right
#     P2 = "Taxes will  (partial on G3), name "John Smith", no mention        -> right by surname
# d2  G4 indirect the economy is recovering     speaker "Officials"   cue believe (only in "all")
#     G5 direct   "It is a disaster,"           speaker "Jones"       cue told
#     P3 = G4 exactly, no speaker: ignored in quoted/speech; in "all" strict, speaker wrong
#     P4 = "It is a disaster," Jones  (partial on G5), mention "reporters"  -> speaker wrong
#     P5 = The weather was nice (no gold)                                   -> false alarm
# d3  G6 direct   "Nothing to add,"             no speaker            cue came the reply
#     P6 = G6 exactly, no speaker: matched, speaker not scored
# d4  G7 direct   "Go home,"                    speaker "she"         cue said
#     prediction line is {"id": "d4", "error": ...}                        -> G7 missed

D1 = (
    'The mayor said: "We will build the bridge." Critics said the plan was too costly. '
    'Smith added, "Taxes will rise."'
)
D2 = (
    'Officials believe the economy is recovering. "It is a disaster," Jones told reporters. '
    "The weather was nice."
)
D3 = '"Nothing to add," came the reply.'
D4 = '"Go home," she said.'


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def gold_quote(text: str, content: str, kind: str, cue: str, speaker: str | None) -> dict[str, Any]:
    start, end = at(text, content)
    quote: dict[str, Any] = {"start": start, "end": end, "text": content, "kind": kind, "cue": cue}
    if speaker is not None:
        s_start, s_end = at(text, speaker)
        quote.update(speaker=speaker, speaker_start=s_start, speaker_end=s_end)
    return quote


def pred_quote(
    text: str,
    content: str,
    *,
    name: str | None = None,
    mention: str | None = None,
    confidence: float,
    method: str,
) -> dict[str, Any]:
    start, end = at(text, content)
    speaker = None
    if name is not None:
        mention_obj = Mention(mention, *at(text, mention)) if mention else None
        speaker = Speaker(name=name, mention=mention_obj)
    quote = Quote(
        text=content,
        start=start,
        end=end,
        fragments=((start, end),),
        kind="direct",
        speaker=speaker,
        confidence=confidence,
        method=method,
    )
    return quote.to_dict()


GOLD: list[dict[str, Any]] = [
    {
        "id": "d1",
        "text": D1,
        "quotes": [
            gold_quote(D1, '"We will build the bridge."', "direct", "said", "The mayor"),
            gold_quote(D1, "the plan was too costly", "indirect", "said", "Critics"),
            gold_quote(D1, '"Taxes will rise."', "direct", "added", "Smith"),
        ],
    },
    {
        "id": "d2",
        "text": D2,
        "quotes": [
            gold_quote(D2, "the economy is recovering", "indirect", "believe", "Officials"),
            gold_quote(D2, '"It is a disaster,"', "direct", "told", "Jones"),
        ],
    },
    {
        "id": "d3",
        "text": D3,
        "quotes": [gold_quote(D3, '"Nothing to add,"', "direct", "came the reply", None)],
    },
    {"id": "d4", "text": D4, "quotes": [gold_quote(D4, '"Go home,"', "direct", "said", "she")]},
]

PREDS: list[dict[str, Any]] = [
    {
        "id": "d1",
        "quotes": [
            pred_quote(
                D1,
                "We will build the bridge.",
                name="Mayor Jane Doe",
                mention="mayor",
                confidence=0.95,
                method="marks",
            ),
            pred_quote(D1, '"Taxes will', name="John Smith", confidence=0.75, method="marks"),
        ],
    },
    {
        "id": "d2",
        "quotes": [
            pred_quote(D2, "the economy is recovering", confidence=0.6, method="reported"),
            pred_quote(
                D2,
                '"It is a disaster," Jones',
                name="Reporters",
                mention="reporters",
                confidence=0.85,
                method="marks",
            ),
            pred_quote(D2, "The weather was nice", confidence=0.55, method="reported"),
        ],
    },
    {"id": "d3", "quotes": [pred_quote(D3, '"Nothing to add,"', confidence=0.3, method="marks")]},
    {"id": "d4", "error": "ValueError: something broke"},
    {"id": "not-in-gold", "quotes": [{"start": 0, "end": 3, "text": "abc"}]},
]

# Hand-computed expectations.
# quoted: gold G1 G3 G5 G6 G7 = 5; preds P1 P2 P4 P5 P6 = 5 (P3 touches only G4, outside).
#   strict P1 P6 = 2 -> P 2/5, R 2/5, F1 4/10; partial +P2 +P4 = 4 -> 0.8 / 0.8 / 8/10.
#   speaker scored on G1 G3 G5 (G6 has none): right G1 G3 -> 2/3; e2e 2/5.
# speech: gold adds G2 (cue "said") = 6; preds as in quoted = 5.
#   strict 2 -> P 0.4, R 2/6, F1 4/11 = .364; partial 4 -> 0.8, 4/6, 8/11 = .727;
#   speaker 2/3; e2e 2/6.
# all: gold 7; preds 6. strict P1 P3 P6 = 3 -> 3/6, 3/7, 6/13 = .462;
#   partial 5 -> 5/6, 5/7, 10/13 = .769; speaker scored G1 G3 G4 G5, right 2 -> 0.5; e2e 2/7.
EXPECTED = {
    "quoted": dict(gold=5, pred=5, strict_P=0.4, strict_R=0.4, strict_F1=0.4, partial_P=0.8,
                   partial_R=0.8, partial_F1=0.8, speaker_acc=0.667, e2e_R=0.4),
    "speech": dict(gold=6, pred=5, strict_P=0.4, strict_R=0.333, strict_F1=0.364, partial_P=0.8,
                   partial_R=0.667, partial_F1=0.727, speaker_acc=0.667, e2e_R=0.333),
    "all": dict(gold=7, pred=6, strict_P=0.5, strict_R=0.429, strict_F1=0.462, partial_P=0.833,
                partial_R=0.714, partial_F1=0.769, speaker_acc=0.5, e2e_R=0.286),
}  # fmt: skip

KEYS = [
    "subset", "gold", "pred", "strict_P", "strict_R", "strict_F1",
    "partial_P", "partial_R", "partial_F1", "speaker_acc", "e2e_R",
]  # fmt: skip


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write_jsonl(tmp_path / "gold.jsonl", GOLD), write_jsonl(tmp_path / "pred.jsonl", PREDS)


@pytest.fixture
def report(files: tuple[Path, Path]) -> ev.Report:
    gold, pred = (ev.load_jsonl(p) for p in files)
    return ev.evaluate(gold, pred, errors=5)


# ---------------------------------------------------------------------------------------------
# Scores


@pytest.mark.parametrize("subset", ev.SUBSETS)
def test_score_matches_hand_computed_numbers(files: tuple[Path, Path], subset: str) -> None:
    gold, pred = (ev.load_jsonl(p) for p in files)
    result = ev.score(gold, pred, subset)
    assert list(result) == KEYS
    assert result == {"subset": subset, **EXPECTED[subset]}


def test_evaluate_scores_are_the_score_dicts(report: ev.Report) -> None:
    assert [s["subset"] for s in report.scores] == list(ev.SUBSETS)
    for s in report.scores:
        assert s == {"subset": s["subset"], **EXPECTED[s["subset"]]}


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="shared reference scorer not present")
def test_agrees_with_reference_scorer(files: tuple[Path, Path]) -> None:
    gold_path, pred_path = files
    out = subprocess.run(
        [sys.executable, str(REFERENCE_SCORER), str(gold_path), str(pred_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    reference = [json.loads(line) for line in out.splitlines()]
    gold, pred = ev.load_jsonl(gold_path), ev.load_jsonl(pred_path)
    assert [ev.score(gold, pred, s) for s in ev.SUBSETS] == reference


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="shared reference scorer not present")
def test_word_list_and_edge_chars_agree_with_reference_scorer() -> None:
    reference = runpy.run_path(str(REFERENCE_SCORER))
    pattern: str = reference["SPEECH"].pattern
    words = set(pattern[pattern.index("(") + 1 : pattern.rindex(")")].split("|"))
    assert words == ev.SPEECH_CUE_WORDS
    assert set(reference["TRIM"]) == ev.EDGE_CHARS


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("said", True),
        ("SAID", True),
        ("told reporters", True),
        ("according to", True),
        ("in an interview", True),
        ("re-stated", True),  # the hyphen ends a word
        ("ſaid", True),  # long s folds to s, as a case-insensitive regex would
        ("sayings", False),
        ("believe", False),
        (":", False),
        ("", False),
        (None, False),
    ],
)
def test_speech_cue(cue: str | None, expected: bool) -> None:
    assert ev.has_speech_cue(cue) is expected


def test_one_to_one_largest_overlap_wins() -> None:
    text = 'He said "one two three four five" and left.'
    start, end = at(text, '"one two three four five"')
    gold = {
        "g": {"id": "g", "text": text, "quotes": [{"start": start, "end": end, "kind": "direct"}]}
    }
    small = {"start": start, "end": start + 5}  # "one
    large = {"start": start + 1, "end": end}  # one two three four five"
    pred = {"g": {"id": "g", "quotes": [small, large]}}
    match = ev.match_document(gold["g"], pred["g"], "all")
    assert match.pred_for_gold == {0: 1}
    assert match.exact == {0}
    # one gold, two predictions: one match, one false alarm -> P 0.5, R 1.0, F1 2/3
    result = ev.score(gold, pred, "all")
    assert (result["partial_P"], result["partial_R"], result["partial_F1"]) == (0.5, 1.0, 0.667)


def test_empty_inputs_score_zero() -> None:
    result = ev.score({}, {}, "all")
    assert result["gold"] == result["pred"] == 0
    assert result["partial_F1"] == result["speaker_acc"] == 0.0
    with pytest.raises(ValueError, match="choose from"):
        ev.score({}, {}, "direct")


# ---------------------------------------------------------------------------------------------
# Breakdowns


def test_by_method_counts(report: ev.Report) -> None:
    quoted = {m: t.to_dict() for m, t in report.by_method["quoted"].items()}
    # P1 P2 P4 P6 all matched; speaker scored on P1 P2 P4, right on P1 P2. P3 left out.
    assert quoted["marks"] == dict(predicted=4, matched=4, precision=1.0, speaker_scored=3,
                                   speaker_correct=2, speaker_acc=0.667)  # fmt: skip
    assert quoted["reported"] == dict(predicted=1, matched=0, precision=0.0, speaker_scored=0,
                                      speaker_correct=0, speaker_acc=0.0)  # fmt: skip
    everything = report.by_method["all"]
    # in "all", P3 counts: matched to G4, speaker wrong
    assert (everything["reported"].predicted, everything["reported"].matched) == (2, 1)
    assert (everything["reported"].speaker_scored, everything["reported"].speaker_correct) == (1, 0)
    assert list(everything) == ["marks", "reported"]  # most predictions first


def test_reliability_bins(report: ev.Report) -> None:
    rows = {label: t for label, t in report.reliability["all"].items()}
    assert list(rows) == list(ev.CONFIDENCE_BINS)
    counts = {
        label: (t.predicted, t.matched, t.speaker_scored, t.speaker_correct)
        for label, t in rows.items()
    }
    assert counts == {
        "[0.0,0.5)": (1, 1, 0, 0),  # P6 0.30
        "[0.5,0.7)": (2, 1, 1, 0),  # P3 0.60 matched/wrong speaker, P5 0.55 false alarm
        "[0.7,0.8)": (1, 1, 1, 1),  # P2 0.75
        "[0.8,0.9)": (1, 1, 1, 0),  # P4 0.85
        "[0.9,1.0]": (1, 1, 1, 1),  # P1 0.95
    }
    assert rows["[0.5,0.7)"].precision == 0.5


@pytest.mark.parametrize(
    ("confidence", "label"),
    [
        (0.0, "[0.0,0.5)"),
        (0.499, "[0.0,0.5)"),
        (0.5, "[0.5,0.7)"),
        (0.7, "[0.7,0.8)"),
        (0.8, "[0.8,0.9)"),
        (0.9, "[0.9,1.0]"),
        (1.0, "[0.9,1.0]"),
        (None, "none"),
        ("high", "none"),
    ],
)
def test_confidence_bin_edges(confidence: Any, label: str) -> None:
    assert ev.confidence_bin(confidence) == label


# ---------------------------------------------------------------------------------------------
# Errors


def test_error_records_carry_offsets(report: ev.Report) -> None:
    errors = report.errors["all"]
    # misses: G2 (23 chars) before G7 (10 chars)
    assert [(e.doc_id, e.start, e.end) for e in errors.misses] == [
        ("d1", *at(D1, "the plan was too costly")),
        ("d4", *at(D4, '"Go home,"')),
    ]
    assert "⟦the plan was too costly⟧" in errors.misses[0].context
    [alarm] = errors.false_alarms
    assert (alarm.doc_id, alarm.start, alarm.end) == ("d2", *at(D2, "The weather was nice"))
    assert (alarm.confidence, alarm.method) == (0.55, "reported")
    # wrong speakers, most confident first: P4 (0.85) then P3 (0.60)
    first, second = errors.wrong_speakers
    assert (first.doc_id, first.start, first.end) == ("d2", *at(D2, '"It is a disaster," Jones'))
    jones_start, jones_end = at(D2, "Jones")
    assert first.gold_speaker == {"text": "Jones", "start": jones_start, "end": jones_end}
    assert first.predicted_name == "Reporters"
    reporters_start, reporters_end = at(D2, "reporters")
    assert first.predicted_mention == {
        "text": "reporters",
        "start": reporters_start,
        "end": reporters_end,
    }
    assert (second.start, second.predicted_name, second.predicted_mention) == (
        D2.index("the economy"),
        None,
        None,
    )
    # in "quoted", G4/P3 are out of scope and G2 is not scored
    quoted = report.errors["quoted"]
    assert [e.doc_id for e in quoted.misses] == ["d4"]
    assert [e.start for e in quoted.wrong_speakers] == [first.start]


def test_errors_limited_to_n(files: tuple[Path, Path]) -> None:
    gold, pred = (ev.load_jsonl(p) for p in files)
    report = ev.evaluate(gold, pred, subsets=["all"], errors=1)
    lists = report.errors["all"]
    assert (len(lists.misses), len(lists.false_alarms), len(lists.wrong_speakers)) == (1, 1, 1)
    assert lists.misses[0].doc_id == "d1"
    assert ev.evaluate(gold, pred).errors == {}


def test_context_snippet_marks_span_and_newlines() -> None:
    text = "a" * 100 + "\nsaid: “yes”\n" + "b" * 100
    start, end = at(text, "“yes”")
    snippet = ev.context_snippet(text, start, end)
    assert "⏎said: ⟦“yes”⟧⏎" in snippet
    assert "\n" not in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert snippet.split("⏎")[0] == "…" + "a" * (80 - len("\nsaid: "))


# ---------------------------------------------------------------------------------------------
# Report and command line


def test_report_to_dict_is_json(report: ev.Report) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"scores", "by_method", "reliability", "errors"}
    assert data["by_method"]["quoted"]["marks"]["matched"] == 4
    assert data["errors"]["all"]["false_alarms"][0]["kind"] == "false_alarm"


def test_format_report_is_a_table(report: ev.Report) -> None:
    text = ev.format_report(report)
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["subset", "gold", "pred"]
    assert lines[1].split() == ["quoted", "5", "5", "0.400", "0.400", "0.400", "0.800", "0.800",
                                "0.800", "0.667", "0.400"]  # fmt: skip
    assert "by method (speech)" in text
    assert "[0.9,1.0]" in text
    assert "gold speaker 'Jones'; predicted 'Reporters' as 'reporters'" in text


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    return parser.parse_args(argv)


def test_run_with_predictions_prints_json(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, pred = files
    assert ev.run(parse([str(gold), "--pred", str(pred), "--json", "--subset", "speech"])) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"] == [{"subset": "speech", **EXPECTED["speech"]}]


def test_run_prints_table(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert ev.run(parse([str(gold), "--pred", str(pred), "--errors", "2"])) == 0
    out = capsys.readouterr().out
    assert out.startswith("subset")
    assert "errors (all)" in out


def test_run_rejects_unknown_subset(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, pred = files
    assert ev.run(parse([str(gold), "--pred", str(pred), "--subset", "quoted,direct"])) == 2
    assert "choose from quoted, speech, all" in capsys.readouterr().err


def test_run_reports_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": ""}\nnot json\n', encoding="utf-8")
    assert ev.run(parse([str(bad), "--pred", str(bad)])) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err


def test_run_without_predictions_calls_the_pipeline(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --pred, run() extracts from the gold texts; a fake api stands in for spaCy."""
    by_text = {doc["text"]: doc for doc in GOLD}
    preds_by_id = {doc["id"]: doc for doc in PREDS}
    calls: list[dict[str, Any]] = []

    class FakeQuote:
        def __init__(self, data: dict[str, Any]) -> None:
            self.data = data

        def to_dict(self) -> dict[str, Any]:
            return self.data

    def extract_many(texts: list[str], **options: Any) -> Any:
        calls.append(options)
        for text in texts:
            quotes = preds_by_id[by_text[text]["id"]].get("quotes", [])
            yield [FakeQuote(q) for q in quotes]

    monkeypatch.setitem(
        sys.modules, "quoteattr.api", types.SimpleNamespace(extract_many=extract_many)
    )
    gold, _ = files
    argv = [str(gold), "--json", "--model", "en_core_web_sm", "--batch-size", "4"]
    assert ev.run(parse(argv + ["--scope", "attribution"])) == 0
    assert calls == [{"model": "en_core_web_sm", "batch_size": 4, "scope": "attribution"}]
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert scores == [{"subset": s, **EXPECTED[s]} for s in ev.SUBSETS]
