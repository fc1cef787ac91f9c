"""The real-text speaker scorer judges names and titles the way a reader does."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import speakers_gold  # noqa: E402


def test_names_are_judged_leniently_and_unnamed_speakers_not_invented():
    assert speakers_gold.name_right("Donald J. Trump", "Donald Trump", "he")
    assert speakers_gold.name_right("Trump", "Donald J. Trump", "Trump")
    assert not speakers_gold.name_right("Bill Clinton", "Hillary Clinton", "Clinton")
    assert speakers_gold.name_right(None, "a spokesman", "a spokesman")
    assert not speakers_gold.name_right(None, "Ann Lee", "she")


def test_titles_need_half_their_words():
    assert speakers_gold.title_right("Senator", "Massachusetts Senator")
    assert not speakers_gold.title_right("Wells Fargo CEO", "Wells Fargo Chief Executive Officer")


def test_score_counts_a_missing_quote_as_wrong(tmp_path):
    text = '"We will win," said Ann Lee, the club treasurer. "Never," Tom Reed said.'
    (tmp_path / "texts.jsonl").write_text(json.dumps({"id": "d", "text": text}) + "\n")
    gold = [
        {"doc_id": "d", "start": 1, "end": 12, "speaker_name": "Ann Lee",
         "speaker_title": "club treasurer", "mention_type": "full-name"},
        {"doc_id": "d", "start": 51, "end": 56, "speaker_name": "Tom Reed",
         "speaker_title": None, "mention_type": "full-name"},
    ]  # fmt: skip
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    pred = {
        "id": "d",
        "quotes": [
            {
                "start": 1,
                "end": 12,
                "speaker": {
                    "name": "Ann Lee",
                    "title": "club treasurer",
                    "mention": {"text": "Ann Lee"},
                },
            }
        ],
    }
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred) + "\n")
    counts = speakers_gold.score(
        tmp_path / "gold.jsonl", tmp_path / "pred.jsonl", [tmp_path / "texts.jsonl"]
    )
    assert counts["names"] == [1, 2]
    assert counts["titles"] == [1, 1]
