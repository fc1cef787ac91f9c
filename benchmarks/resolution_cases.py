"""Accuracy of speaker resolution on tests/data/resolution_cases.jsonl (texts written for it).

    PYTHONPATH=. python benchmarks/resolution_cases.py [--failures]

A quote counts as right when its resolved name, title and label (and affiliation, where the case
gives one) all equal the expected ones; per-rule accuracy is printed so a regression shows where.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from quoteattr.api import extract, load_pipeline

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "resolution_cases.jsonl"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def check_case(case: dict[str, Any], nlp: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(expected, got) for every expected quote; got is {} when no quote holds the substring."""
    quotes = extract(case["text"], nlp=nlp)
    out = []
    for exp in case["quotes"]:
        hit = next((q for q in quotes if exp["quote"] in q.text), None)
        got: dict[str, Any] = {}
        if hit is not None and hit.speaker is not None:
            sp = hit.speaker
            got = {"name": sp.name, "title": sp.title, "label": sp.label}
            if "affiliation" in exp:
                got["affiliation"] = sp.affiliation
        out.append((exp, got))
    return out


def is_right(exp: dict[str, Any], got: dict[str, Any]) -> bool:
    keys = ["name", "title", "label"] + (["affiliation"] if "affiliation" in exp else [])
    return bool(got) and all(exp[k] == got.get(k) for k in keys)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--failures", action="store_true", help="print every wrong quote")
    args = ap.parse_args()
    nlp = load_pipeline()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    names = 0
    for case in load_cases():
        for exp, got in check_case(case, nlp):
            total[case["rule"]] += 1
            names += bool(got) and got.get("name") == exp["name"]
            if is_right(exp, got):
                right[case["rule"]] += 1
            elif args.failures:
                want = {k: v for k, v in exp.items() if k != "quote"}
                print(f"{case['id']:22} {exp['quote'][:28]!r:32} want {want}\n{'':55}got  {got}")
    for rule in total:
        print(f"  {rule:20} {right[rule]:3}/{total[rule]:<3}")
    n = sum(total.values())
    print(
        f"resolution cases: {sum(right.values())}/{n} = {sum(right.values()) / n:.3f} fully right"
        f" (name, title, label, affiliation); names right {names}/{n} = {names / n:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
