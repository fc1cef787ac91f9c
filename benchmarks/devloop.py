"""Fast error-analysis loop: parse a gold file once (cached as DocBin), then re-run only the
quote_attributor on the cached parses and score. Parsing is ~95% of the time, so this turns a
20-second evaluation into a 1-second one while the rules change.

    python benchmarks/devloop.py GOLD.jsonl [--scope attribution] [--errors 10] [--json]
    python benchmarks/devloop.py polnear_train.jsonl \
        --docs-of benchmarks/data/speakers_train40.jsonl -o pred.jsonl

`--docs-of` keeps only the documents a speaker gold annotates (its `doc_id`s), so a speaker
gold over a few train articles does not need the whole of train parsed.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from quoteattr import evaluate
from quoteattr import normalize as normalize_module
from quoteattr.api import COMPONENT, load_pipeline, normalize
from quoteattr.component import (
    DATELINE,
    PLACE_DATELINE,
    QuoteAttributor,
    paragraph_sentences,
    quotes_from_doc,
)
from quoteattr.cues import default_lexicon

CACHE = Path(__file__).resolve().parent.parent / ".cache"


def cached_docs(
    gold_path: Path, model: str | None, docs_of: Path | None = None
) -> tuple[list[dict], list]:
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    key = gold_path.read_bytes()
    if docs_of is not None:
        wanted = {
            json.loads(line)["doc_id"] for line in open(docs_of, encoding="utf-8") if line.strip()
        }
        gold = [g for g in gold if g["id"] in wanted]
        key += "\n".join(sorted(wanted)).encode()
    nlp = load_pipeline(model)
    pipeline = (nlp.meta["name"] + "|" + ",".join(nlp.pipe_names)).encode()
    # the parses depend on the text clean-up and the sentence starts set before the parser
    pipeline += (
        inspect.getsource(normalize_module)
        + inspect.getsource(paragraph_sentences)
        + DATELINE.pattern
        + PLACE_DATELINE.pattern
        + "|".join(sorted(default_lexicon().kept_whole))  # the tokenizer keeps these whole
    ).encode()
    digest = hashlib.sha1(key + pipeline).hexdigest()[:12]
    path = CACHE / f"{gold_path.stem}-{digest}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(disable=[COMPONENT]):
            docs = list(nlp.pipe(normalize(d["text"]) for d in gold))
        CACHE.mkdir(exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return gold, docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scope", default="speech", choices=("speech", "attribution"))
    ap.add_argument("--model")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--docs-of", type=Path, help="only the documents this speaker gold annotates (doc_id)"
    )
    ap.add_argument("-o", "--output", type=Path, help="also write predictions JSONL here")
    args = ap.parse_args(argv)
    gold, docs = cached_docs(args.gold, args.model, args.docs_of)
    attributor = QuoteAttributor(
        load_pipeline(args.model), scope=args.scope, spans_key="dev", attr_name="dev_quotes"
    )
    t0 = time.perf_counter()
    preds = {}
    for g, doc in zip(gold, docs, strict=True):
        attributor(doc)
        preds[g["id"]] = {
            "id": g["id"],
            "quotes": [q.to_dict() for q in quotes_from_doc(doc, "dev")],
        }
    took = time.perf_counter() - t0
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            for p in preds.values():
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    report = evaluate.evaluate({g["id"]: g for g in gold}, preds, errors=args.errors)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(evaluate.format_report(report))
    print(f"component time: {took:.2f}s for {len(docs)} docs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
