"""Peak memory of one long document (1, 2, 5 MB) through each way of running quoteattr.

    python benchmarks/long_memory.py [--sizes 1 2 5] [--paths extract extract_many cli dask]
                                     [--mb 1000000] [--json]

Each (path, size) runs in a fresh Python process, so its peak resident set size (getrusage
``ru_maxrss``) belongs to that document alone; size 0 is the model loaded with no document.
The document is synthetic articles (benchmarks/corpus.py) joined until it holds ``size`` x
``--mb`` bytes of UTF-8. Paths: ``extract()``, ``extract_many([doc])``, the CLI
(``quoteattr extract doc.jsonl -o out.jsonl``, run in-process), and ``dask`` (the CLI with
``--engine dask --workers 1`` driver, ``distributed.run_partitions``: the peak reported is the
worker's, where the parsing happens).
The ratio to compare is each size's peak over the 1 MB peak on the same path.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PATHS = ("extract", "extract_many", "cli", "dask")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def document(size_mb: float, mb: int) -> str:
    """Synthetic articles joined by blank lines until the text holds size_mb * mb UTF-8 bytes."""
    sys.path.insert(0, str(HERE))
    from corpus import articles

    want = int(size_mb * mb)
    parts: list[str] = []
    have = 0
    for text in articles(10**9, seed=11):
        if have >= want:
            break
        parts.append(text)
        have += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


def child(path: str, size_mb: float, mb: int) -> dict[str, Any]:
    """Run one document through one path in this process; report its peak RSS."""
    from quoteattr import extract, extract_many
    from quoteattr.api import load_pipeline

    text = document(size_mb, mb) if size_mb > 0 else ""
    nlp = load_pipeline()
    t0 = time.perf_counter()
    quotes = 0
    worker_peak = None
    if path == "extract":
        quotes = len(extract(text, nlp=nlp)) if text else 0
    elif path == "extract_many":
        quotes = sum(len(q) for q in extract_many([text], nlp=nlp)) if text else 0
    elif path == "cli":
        from quoteattr.cli import main as cli_main

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "doc.jsonl"
            src.write_text(json.dumps({"id": "long", "text": text}) + "\n", encoding="utf-8")
            out = Path(tmp) / "out.jsonl"
            if text:
                status = cli_main(["extract", str(src), "-o", str(out), "--quiet"])
                if status != 0:
                    raise SystemExit(f"the CLI exited with {status}")
                for line in out.read_text(encoding="utf-8").splitlines():
                    quotes += len(json.loads(line).get("quotes", []))
    else:
        # the CLI's --engine dask driver on a one-worker local cluster; the parse happens in the
        # worker process, whose own peak is asked for after the run
        from quoteattr import distributed

        lines: list[str] = []
        with distributed.connect(None, 1, None) as client:
            distributed.run_partitions(
                client,
                iter([{"id": "long", "text": text}]),
                distributed.extract_task,
                distributed.Settings(),
                1,
                lambda i, result: lines.extend(result["lines"]),
            )
            worker_peak = round(next(iter(client.run(_peak_mib).values())), 1)
        quotes = sum(len(json.loads(line).get("quotes", [])) for line in lines)
    return {
        "path": path,
        "size_mb": size_mb,
        "bytes": len(text.encode("utf-8")),
        "chars": len(text),
        "quotes": quotes,
        "seconds": round(time.perf_counter() - t0, 1),
        "peak_rss_mib": round(_peak_mib(), 1),
        "worker_peak_rss_mib": worker_peak,
    }


def run(paths: list[str], sizes: list[float], mb: int) -> dict[str, Any]:
    rows = []
    for path in paths:
        for size in [0.0, *sizes]:
            if path == "dask" and size == 0:
                continue  # no document, no worker task to measure
            cmd = [sys.executable, str(Path(__file__).resolve()), "--child", path, str(size)]
            cmd += ["--mb", str(mb)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                raise SystemExit(f"{path} at {size} MB failed:\n{out.stderr[-2000:]}")
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    for row in rows:
        one = next((r for r in rows if r["path"] == row["path"] and r["size_mb"] == 1.0), None)
        peak = row["worker_peak_rss_mib"] or row["peak_rss_mib"]
        base = one and (one["worker_peak_rss_mib"] or one["peak_rss_mib"])
        row["peak_over_1mb"] = round(peak / base, 2) if base else None
    return {"rows": rows, "mb": mb}


def report(r: dict[str, Any]) -> str:
    lines = [
        f"{'path':>13} {'MB':>4} {'chars':>10} {'quotes':>7} {'seconds':>8} "
        f"{'peak RSS MiB':>13} {'worker peak':>12} {'/ 1 MB':>7}"
    ]
    for row in r["rows"]:
        worker = row["worker_peak_rss_mib"]
        ratio = row["peak_over_1mb"]
        lines.append(
            f"{row['path']:>13} {row['size_mb']:>4g} {row['chars']:>10} {row['quotes']:>7} "
            f"{row['seconds']:>8} {row['peak_rss_mib']:>13} "
            f"{'' if worker is None else worker:>12} {'' if ratio is None else ratio:>7}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5])
    ap.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS))
    ap.add_argument("--mb", type=int, default=1_000_000, help="bytes in one MB (for quick runs)")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "SIZE"), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], float(args.child[1]), args.mb)))
        return 0
    result = run(args.paths, args.sizes, args.mb)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
