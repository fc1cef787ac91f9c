"""How quote_attributor's time grows with the length of one document.

    python benchmarks/scaling.py [--sizes 1 4 16 64] [--repeat 3] [--model NAME] [--json]

Each size is one document made of that many typical-length articles (benchmarks/corpus.py,
new people in each), parsed once; the component is timed on the parse (best of --repeat).
The fitted exponent is the slope of log(time) over log(tokens): 1.0 is linear, 2.0 quadratic.
Stages are timed too, so a stage that grows faster than the rest shows where to look.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from typing import Any

from benchkit import StageTimer, machine_info, print_machine
from corpus import long_document

from quoteattr.api import COMPONENT, load_pipeline, normalize


def slope(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log(y) on log(x); None with fewer than two points."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    var = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / var if var else None


def run(sizes: list[int], model: str | None, repeat: int) -> dict[str, Any]:
    nlp = load_pipeline(model)
    component = nlp.get_pipe(COMPONENT)
    rows = []
    for size in sizes:
        text = normalize(long_document(size, seed=2))
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        with nlp.select_pipes(disable=[COMPONENT]):
            t0 = time.perf_counter()
            doc = nlp(text)
            parse = time.perf_counter() - t0
        best = float("inf")
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            component(doc)
            best = min(best, time.perf_counter() - t0)
        stages = StageTimer()
        with stages.active():
            component(doc)
        rows.append(
            {
                "size": size,
                "tokens": len(doc),
                "parse_s": parse,
                "component_s": best,
                "quotes": len(doc.spans[component.spans_key]),
                "stages_s": stages.seconds,
            }
        )
    tokens = [float(r["tokens"]) for r in rows]
    stage_names = sorted({name for r in rows for name in r["stages_s"]})
    return {
        "rows": rows,
        "exponent": slope(tokens, [r["component_s"] for r in rows]),
        "parse_exponent": slope(tokens, [r["parse_s"] for r in rows]),
        "stage_exponents": {
            name: slope(tokens, [r["stages_s"].get(name, 0.0) for r in rows])
            for name in stage_names
        },
        "machine": machine_info(nlp),
    }


def report(r: dict[str, Any]) -> str:
    lines = [
        f"{'size':>5} {'tokens':>8} {'quotes':>7} {'parse s':>9} {'component s':>12} "
        f"{'ms/1k tok':>10}"
    ]
    for row in r["rows"]:
        lines.append(
            f"{row['size']:>4}x {row['tokens']:>8} {row['quotes']:>7} {row['parse_s']:>9.2f} "
            f"{row['component_s']:>12.3f} {1e6 * row['component_s'] / row['tokens']:>10.2f}"
        )

    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.2f}"

    lines.append("")
    lines.append(
        f"fitted exponent (log-log slope), component: {fmt(r['exponent'])}; "
        f"parse: {fmt(r['parse_exponent'])}  (1.0 = linear)"
    )
    lines.append("by stage: " + ", ".join(f"{k} {fmt(v)}" for k, v in r["stage_exponents"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.sizes, args.model, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
        print_machine(result["machine"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
