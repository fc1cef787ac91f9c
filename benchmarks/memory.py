"""Memory of quoteattr.extract_many over a long stream of documents: it should stay flat.

    python benchmarks/memory.py [--docs 5000] [--every 500] [--paragraphs 6] [--no-tracemalloc]

The texts are generated lazily (benchmarks/corpus.py) and the results dropped, so any growth is
the library's. Every --every documents it samples the resident set size (RSS, from /proc), the
process's peak RSS (getrusage) and, unless turned off, tracemalloc's current and peak Python
heap since the previous sample.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from typing import Any

from benchkit import machine_info, print_machine
from corpus import articles

from quoteattr import extract_many
from quoteattr.api import load_pipeline

MIB = 1024 * 1024


def rss_mib() -> float:
    try:
        with open("/proc/self/statm", encoding="utf-8") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MIB
    except OSError:
        return float("nan")


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run(docs: int, every: int, paragraphs: int, trace: bool, model: str | None) -> dict[str, Any]:
    nlp = load_pipeline(model)
    list(extract_many(articles(2, seed=99, paragraphs=paragraphs), nlp=nlp))  # warm up
    if trace:
        tracemalloc.start()
    samples = []
    t0 = time.perf_counter()
    quotes = 0
    stream = articles(docs, seed=3, paragraphs=paragraphs)
    for n, found in enumerate(extract_many(stream, nlp=nlp), 1):
        quotes += len(found)
        if n % every == 0 or n == docs:
            sample = {
                "docs": n,
                "seconds": round(time.perf_counter() - t0, 1),
                "rss_mib": round(rss_mib(), 1),
                "max_rss_mib": round(max_rss_mib(), 1),
            }
            if trace:
                current, peak = tracemalloc.get_traced_memory()
                sample["py_current_mib"] = round(current / MIB, 2)
                sample["py_peak_mib"] = round(peak / MIB, 2)
                tracemalloc.reset_peak()
            samples.append(sample)
    if trace:
        tracemalloc.stop()
    first, last = samples[0], samples[-1]
    span = max(last["docs"] - first["docs"], 1)
    return {
        "docs": docs,
        "quotes": quotes,
        "paragraphs_per_doc": paragraphs,
        "samples": samples,
        "rss_growth_mib_per_1000_docs_after_first_sample": round(
            1000 * (last["rss_mib"] - first["rss_mib"]) / span, 2
        ),
        "machine": machine_info(nlp),
    }


def report(r: dict[str, Any]) -> str:
    keys = [k for k in r["samples"][0] if k != "docs"]
    lines = [
        f"{r['docs']} documents of {r['paragraphs_per_doc']} paragraphs, {r['quotes']} quotes",
        f"{'docs':>6} " + " ".join(f"{k:>14}" for k in keys),
    ]
    for s in r["samples"]:
        lines.append(f"{s['docs']:>6} " + " ".join(f"{s[k]:>14}" for k in keys))
    lines.append(
        f"RSS growth after the first sample: "
        f"{r['rss_growth_mib_per_1000_docs_after_first_sample']} MiB per 1,000 documents"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--every", type=int, default=500)
    ap.add_argument("--paragraphs", type=int, default=6, help="paragraphs per document")
    ap.add_argument("--no-tracemalloc", action="store_true", help="RSS only (faster)")
    ap.add_argument("--model")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.docs, args.every, args.paragraphs, not args.no_tracemalloc, args.model)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
        print_machine(result["machine"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
