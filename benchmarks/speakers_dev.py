"""Speaker accuracy on the gold quotes whose speaker is written as a full name.

    PYTHONPATH=. python benchmarks/speakers_dev.py GOLD.jsonl PRED.jsonl [--score path/to/score.py]

Keeps only gold quotes whose source mention holds a full name (two capitalised words in a row,
"Hillary Clinton", "Sen. Tim Kaine"), scores the predictions against that subset with the
project scorer's own `score()` (speaker_acc credits a resolved name containing the gold surname),
and splits the result by how our speaker mention is written (name / pronoun / nominal), which is
where resolution, not attribution, decides the answer.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path
from typing import Any

FULL_NAME = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][\w.’'-]+\s+(?!(?:The|A|An)\b)[A-Z][\w’'-]+")
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"}


def load_scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mention_kind(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    text = ((sp.get("mention") or {}).get("text") or "").strip()
    if not text:
        return "none"
    if text.lower() in PRONOUNS:
        return "pronoun"
    if (
        any(w[:1].isupper() for w in text.split()[1:])
        or text[:1].isupper()
        and (text.split()[0].lower() not in ("the", "a", "an"))
    ):
        return "name"
    return "nominal"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument(
        "--score",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py",
    )
    args = ap.parse_args()
    scorer = load_scorer(args.score)
    gold = scorer.load(args.gold)
    pred = scorer.load(args.pred)
    subset = {}
    for gid, doc in gold.items():
        keep = [q for q in doc["quotes"] if FULL_NAME.search(q.get("speaker") or "")]
        subset[gid] = {**doc, "quotes": keep}
    n = sum(len(d["quotes"]) for d in subset.values())
    print(f"gold quotes whose speaker is a full name: {n}")
    for scope in ("quoted", "speech", "all"):
        r = scorer.score(subset, pred, scope)
        print(f"  {scope:7} matched-speaker acc {r['speaker_acc']:.3f}  e2e_R {r['e2e_R']:.3f}")
    for kind in ("name", "pronoun", "nominal"):
        part = {
            gid: {**d, "quotes": [q for q in d.get("quotes", []) if mention_kind(q) == kind]}
            for gid, d in pred.items()
        }
        r = scorer.score(subset, part, "all")
        matched = round(r["partial_R"] * r["gold"])
        print(
            f"  our mention is a {kind:8} matched {matched:4}  speaker_acc {r['speaker_acc']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
