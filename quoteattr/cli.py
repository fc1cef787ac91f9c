"""Command line: `python -m quoteattr extract …` (and `evaluate …`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from quoteattr.types import Quote, SpeakerSummary


def read_documents(paths: list[str]) -> Iterator[dict[str, Any]]:
    """Yield {"id", "text"} or {"id", "error"} for each document in .txt / .jsonl files or '-'."""
    for path in paths:
        if path == "-":
            data = sys.stdin.read()
            yield {"id": "stdin", "text": data}
            continue
        p = Path(path)
        if p.suffix == ".jsonl":
            with open(p, encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as err:
                        yield {"id": lineno, "error": f"line {lineno} is not JSON: {err.msg}"}
                        continue
                    if not isinstance(obj, dict):
                        yield {"id": lineno, "error": f"line {lineno} is not a JSON object"}
                        continue
                    doc_id = obj.get("id", lineno)
                    text = obj.get("text")
                    if not isinstance(text, str):
                        what = "has no 'text'" if text is None else "has a non-string 'text'"
                        yield {"id": doc_id, "error": f"line {lineno} {what}"}
                        continue
                    yield {"id": doc_id, "text": text}
        else:
            yield {"id": p.name, "text": p.read_text(encoding="utf-8")}


def format_table(doc_id: Any, quotes: list[Quote]) -> str:
    lines = [f"== {doc_id}: {len(quotes)} quotes"]
    for q in quotes:
        sp = q.speaker
        who = sp.name if sp else "?"
        title = sp.title if sp and sp.title else ""
        cue = q.cue.text if q.cue else "-"
        text = " ".join(q.text.split())
        text = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"{who[:28]:28} | {title[:36]:36} | {cue[:12]:12} | {q.kind[:8]:8} | {text}")
    return "\n".join(lines)


def format_speaker_table(doc_id: Any, speakers: list[SpeakerSummary]) -> str:
    lines = [f"== {doc_id}: {len(speakers)} speakers"]
    for sp in speakers:
        title = sp.title or ""
        where = sp.affiliation or ""
        lines.append(
            f"{sp.name[:28]:28} | {title[:36]:36} | {sp.label:6} | {where[:20]:20} | "
            f"{len(sp.quotes)} quotes, {len(sp.mentions)} mentions"
        )
    return "\n".join(lines)


def format_record(doc_id: Any, items: list[Any], args: argparse.Namespace) -> list[str]:
    """The output lines for one document: one per document, or one per speaker."""
    if args.group_by == "speaker":
        if args.format == "table":
            return [format_speaker_table(doc_id, items)]
        # one line per document, as without --group-by, so outputs stay aligned with inputs
        record = {"id": doc_id, "speakers": [sp.to_dict() for sp in items]}
        return [json.dumps(record, ensure_ascii=False)]
    if args.format == "table":
        return [format_table(doc_id, items)]
    return [json.dumps({"id": doc_id, "quotes": [q.to_dict() for q in items]}, ensure_ascii=False)]


def _progress(total: int | None) -> Any:
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr)


def run_extract(args: argparse.Namespace) -> int:
    from quoteattr.api import extract_many, speakers_many

    docs = list(read_documents(args.paths))
    good = [d for d in docs if "text" in d]
    run = speakers_many if args.group_by == "speaker" else extract_many
    results: Iterator[list[Any]] = run(
        (d["text"] for d in good),
        model=args.model,
        scope=args.scope,
        batch_size=args.batch_size,
        n_process=args.n_process,
    )
    out: IO[str]
    tmp_path = None
    if args.output:
        target = Path(args.output)
        fd, tmp_path = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
        out = os.fdopen(fd, "w", encoding="utf-8")
    else:
        out = sys.stdout
    bar = _progress(len(docs))
    failed = 0
    try:
        for doc in docs:
            if "error" in doc:
                failed += 1
                record: dict[str, Any] = {"id": doc["id"], "error": doc["error"]}
                line = json.dumps(record, ensure_ascii=False)
            else:
                lines = format_record(doc["id"], next(results), args)
                line = "\n".join(lines) if lines else ""
            if line:
                out.write(line + "\n")
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if tmp_path is not None:
            out.close()
            os.replace(tmp_path, args.output)
    if failed:
        print(f"{failed} of {len(docs)} documents failed; see the error records", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr", description="Find quotations in English text and who said them."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract quotes from .txt / .jsonl files or stdin")
    ex.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, or - for stdin")
    ex.add_argument("-o", "--output", help="write JSONL here (atomically) instead of stdout")
    ex.add_argument("--model", help="spaCy pipeline to use (default: $QUOTEATTR_MODEL or sm)")
    ex.add_argument("--batch-size", type=int, default=32)
    ex.add_argument("--n-process", type=int, default=1)
    ex.add_argument("--scope", choices=("speech", "attribution"), default="speech")
    ex.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ex.add_argument(
        "--group-by",
        choices=("quote", "speaker"),
        default="quote",
        help="quote: one record per document with its quotes; speaker: one record per speaker",
    )
    ex.set_defaults(func=run_extract)
    try:
        from quoteattr import evaluate
    except ImportError:  # pragma: no cover - evaluate ships with the package
        evaluate = None  # type: ignore[assignment]
    if evaluate is not None and hasattr(evaluate, "add_arguments"):
        ev = sub.add_parser("evaluate", help="score against gold JSONL")
        evaluate.add_arguments(ev)
        ev.set_defaults(func=evaluate.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
