"""benchmarks/polnear.py: PolNeAR's raw layout (metadata.tsv, text/, brat .ann) to gold JSONL.

Runs on tests/data/polnear_layout, a tiny corpus written for this test in the same layout
(invented articles): two annotators of one article, a listed annotator with no file, a
discontinuous content span, a second content role (Content2), an attribution without a source,
non-attributions (Discuss, Discard), and a train article that must stay out of dev. The real
download needs the network; here it is served from the fixture folder.
"""

from __future__ import annotations

import importlib
import io
import sys
import urllib.error
from pathlib import Path

import pytest

from quoteattr import evaluate

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = ROOT / "tests" / "data" / "polnear_layout"


@pytest.fixture(scope="module")
def polnear():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        yield importlib.import_module("polnear")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_dev_split_becomes_gold_records(polnear):
    docs = list(polnear.convert_split(LAYOUT, "dev"))
    assert [d["id"] for d in docs] == [
        "polnear:dev:harbour_2016-10-03_harbour-tolls-to-rise",
        "polnear:dev:council_2016-10-04_library-hours-cut",
    ]
    # the first listed annotator with a file: aa11 for the harbour story, bb22 for the council
    assert [d["annotator"] for d in docs] == ["aa11", "bb22"]
    harbour, council = docs
    got = [(q["kind"], q["speaker"], q["cue"], q["text"]) for q in harbour["quotes"]]
    assert got == [
        ("indirect", "The port authority", "said", "that tolls would rise by a tenth"),
        (
            "direct",
            "harbour master Ida Brandt",
            "said",
            "“We have not raised them since the flood,” said harbour master Ida Brandt, "
            "“and the cranes need work.”",
        ),
        (
            "mixed",
            "Shipping firms",
            "called",
            "the rise “a tax on trade” and said they would appeal",
        ),
        ("indirect", None, "it was reported", "Critics are expected to object"),
        ("direct", "one docker", "said", '"The cranes are older than I am,"\u00a0'),
    ]
    interrupted = harbour["quotes"][1]
    assert [harbour["text"][s:e] for s, e in interrupted["content_spans"]] == [
        "“We have not raised them since the flood,”",
        "“and the cranes need work.”",
    ]
    mixed = harbour["quotes"][2]
    assert len(mixed["content_spans"]) == 2 and len(mixed["cue_spans"]) == 2
    no_source = harbour["quotes"][3]
    assert no_source["attribution_type"] == "Attribution-no-source"
    assert no_source["speaker_start"] is None and no_source["speaker_spans"] is None
    # single quote marks do not make a quote direct (they are mostly apostrophes in news text)
    assert [(q["kind"], q["cue"]) for q in council["quotes"]] == [
        ("indirect", "according to"),
        ("indirect", "said"),
    ]


def test_offsets_slice_back_to_the_recorded_words(polnear):
    for doc in polnear.convert_split(LAYOUT, "dev"):
        text = doc["text"]
        for q in doc["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            if q["speaker"] is not None:
                assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker"]
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]


def test_written_file_is_what_quoteattr_evaluate_reads(polnear, tmp_path, capsys):
    out = tmp_path / "gold.jsonl"
    assert polnear.main(["dev", "-o", str(out), "--from", str(LAYOUT)]) == 0
    assert "wrote 2 articles, 7 attributions" in capsys.readouterr().out
    gold = evaluate.load_jsonl(out)
    # a prediction that finds the harbour story's direct quotes with the right speakers
    doc_id = "polnear:dev:harbour_2016-10-03_harbour-tolls-to-rise"
    preds = {
        doc_id: {
            "id": doc_id,
            "quotes": [
                {
                    "start": q["start"],
                    "end": q["end"],
                    "speaker": {
                        "name": q["speaker"],
                        "mention": {"start": q["speaker_start"], "end": q["speaker_end"]},
                    },
                }
                for q in gold[doc_id]["quotes"]
                if q["kind"] == "direct"
            ],
        }
    }
    quoted = evaluate.score(gold, preds, "quoted")
    assert quoted["gold"] == 3 and quoted["pred"] == 2  # two direct + one mixed in gold
    assert quoted["partial_R"] == pytest.approx(2 / 3, abs=1e-3) and quoted["speaker_acc"] == 1.0


def test_train_split_is_separate(polnear):
    (doc,) = polnear.convert_split(LAYOUT, "train")
    assert doc["id"] == "polnear:train:town_2016-01-05_train-article"
    assert [q["text"] for q in doc["quotes"]] == ["nothing"]


def test_download_fetches_only_the_split_and_skips_missing_annotators(
    polnear, tmp_path, monkeypatch
):
    requested: list[str] = []
    prefix = f"https://raw.githubusercontent.com/{polnear.REPOSITORY}/{polnear.COMMIT}/"

    def fake_urlopen(url, timeout=None):
        assert url.startswith(prefix), url
        rel = url[len(prefix) :]
        requested.append(rel)
        path = LAYOUT / rel
        if not path.exists():
            raise urllib.error.HTTPError(url, 404, "Not Found", {}, None)
        return io.BytesIO(path.read_bytes())

    monkeypatch.setattr(polnear.urllib.request, "urlopen", fake_urlopen)
    cache = polnear.download(tmp_path / "cache", "dev")
    assert "data/metadata.tsv" in requested
    assert not any("/train/" in r for r in requested)
    assert "data/dev/attributions/council_2016-10-04_library-hours-cut_aa11.ann" in requested
    assert list(polnear.convert_split(cache, "dev")) == list(polnear.convert_split(LAYOUT, "dev"))

    requested.clear()  # a second run finds everything in the cache
    polnear.download(tmp_path / "cache", "dev")
    assert requested == ["data/dev/attributions/council_2016-10-04_library-hours-cut_aa11.ann"]


def test_bad_offsets_name_the_line(polnear):
    with pytest.raises(ValueError, match="line 2"):
        polnear.parse_ann("T1\tCue 1 4\tsay\nT2\tSource one two\tx\n")
