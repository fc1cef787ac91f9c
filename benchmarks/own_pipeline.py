"""Does the component in a pipeline of one's own answer like extract()? Counts the documents
whose quotes differ between ``nlp(text)._.quotes`` and ``quoteattr.extract(text, nlp=nlp)``.

    python benchmarks/own_pipeline.py GOLD.jsonl [--limit N]

Quote texts are compared with invisible spaces read as spaces (the Doc of the component route
has ordinary spaces where the input had non-breaking or zero-width ones; offsets are the same).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quoteattr.api import extract, load_pipeline, normalize
from quoteattr.component import quotes_from_doc


def comparable(quote: dict[str, Any]) -> str:
    return normalize(json.dumps(quote, ensure_ascii=False, sort_keys=True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--model")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    nlp = load_pipeline(args.model)
    texts = [json.loads(line)["text"] for line in open(args.gold, encoding="utf-8")]
    texts = texts[: args.limit] if args.limit else texts
    differ = blank = 0
    for text in texts:
        own = [comparable(q.to_dict()) for q in quotes_from_doc(nlp(text))]
        via_extract = [comparable(q.to_dict()) for q in extract(text, nlp=nlp)]
        differ += own != via_extract
        blank += any(
            q.speaker is not None and not q.speaker.name.strip() for q in nlp(text)._.quotes
        )
    print(f"{differ} of {len(texts)} documents differ; {blank} with a blank speaker name")
    return 0


if __name__ == "__main__":
    sys.exit(main())
