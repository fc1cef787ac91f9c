"""Accuracy of quoteattr next to textacy 0.13's direct_quotations on a gold file, same scorer.

Both systems work on the same parses (cached in .cache/ by devloop.py) and are scored by
quoteattr.evaluate, which agrees with the shared reference scorer.

    python benchmarks/accuracy.py GOLD.jsonl [--scope attribution] [--model NAME] [--json]

textacy is optional: run the script with an interpreter that has it (docs/benchmarks.md) to
get its row; without it the row is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from benchkit import machine_info, print_machine, textacy_direct_quotations, textacy_quotes
from devloop import cached_docs

from quoteattr import evaluate
from quoteattr.api import load_pipeline
from quoteattr.component import QuoteAttributor, quotes_from_doc

COLUMNS = (
    ("quoted", "partial_F1"),
    ("quoted", "strict_F1"),
    ("quoted", "speaker_acc"),
    ("quoted", "e2e_R"),
    ("speech", "partial_F1"),
    ("speech", "speaker_acc"),
    ("all", "partial_F1"),
)


def predict_quoteattr(gold: list[dict], docs: list, model: str | None, scope: str) -> dict:
    attributor = QuoteAttributor(
        load_pipeline(model), scope=scope, spans_key="bench", attr_name="bench_quotes"
    )
    preds = {}
    for g, doc in zip(gold, docs, strict=True):
        attributor(doc)
        preds[g["id"]] = {
            "id": g["id"],
            "quotes": [q.to_dict() for q in quotes_from_doc(doc, "bench")],
        }
    return preds


def predict_textacy(gold: list[dict], docs: list, direct_quotations: Any) -> tuple[dict, int]:
    preds, failed = {}, 0
    for g, doc in zip(gold, docs, strict=True):
        quotes, ok = textacy_quotes(direct_quotations, doc)
        failed += not ok
        preds[g["id"]] = {"id": g["id"], "quotes": quotes}
    return preds, failed


def table(rows: dict[str, dict[str, dict[str, Any]]]) -> str:
    heads = [f"{subset} {metric}" for subset, metric in COLUMNS]
    width = max(len(name) for name in rows) if rows else 6
    lines = [f"{'system':<{width}}  " + "  ".join(f"{h:>18}" for h in heads)]
    for name, by_subset in rows.items():
        cells = [f"{by_subset[subset][metric]:>18.3f}" for subset, metric in COLUMNS]
        lines.append(f"{name:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scope", default="speech", choices=("speech", "attribution"))
    ap.add_argument("--model")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    gold, docs = cached_docs(args.gold, args.model)
    gold_by_id = {g["id"]: g for g in gold}
    nlp = load_pipeline(args.model)
    systems: dict[str, dict[str, dict[str, Any]]] = {}
    notes = []

    preds = predict_quoteattr(gold, docs, args.model, args.scope)
    report = evaluate.evaluate(gold_by_id, preds)
    systems[f"quoteattr ({args.scope})"] = {s["subset"]: s for s in report.scores}

    direct_quotations, textacy_version = textacy_direct_quotations()
    if direct_quotations is None:
        notes.append(f"textacy row skipped: {textacy_version}")
    else:
        tpreds, failed = predict_textacy(gold, docs, direct_quotations)
        report = evaluate.evaluate(gold_by_id, tpreds)
        systems[f"{textacy_version} direct_quotations"] = {s["subset"]: s for s in report.scores}
        if failed:
            notes.append(
                f"textacy raised ValueError (odd number of quote marks) on {failed} of "
                f"{len(docs)} documents; they count as predicting nothing"
            )

    info = machine_info(nlp)
    if args.json:
        out = {"gold": str(args.gold), "docs": len(gold), "systems": systems, "notes": notes}
        print(json.dumps({**out, "machine": info}, indent=2))
        return 0
    print(f"{args.gold}: {len(gold)} documents, {sum(len(g['quotes']) for g in gold)} gold quotes")
    print(table(systems))
    for note in notes:
        print(f"note: {note}")
    print_machine(info)
    return 0


if __name__ == "__main__":
    sys.exit(main())
