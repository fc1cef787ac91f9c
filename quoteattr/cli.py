"""Command line: `python -m quoteattr extract …` (and `evaluate …`)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from quoteattr.types import Quote, SpeakerSummary

logger = logging.getLogger(__name__)


def read_documents(paths: list[str]) -> Iterator[dict[str, Any]]:
    """Yield {"id", "text"} or {"id", "error"} for each document in .txt / .jsonl files or '-'.

    Streams: one line is read at a time. Every line of a .jsonl file yields exactly one record,
    so the output lines up with the input; a line that is blank, not UTF-8, not JSON, not an
    object, or has no string "text" yields an error record whose id is the line's "id" when it
    has one, else its line number. Reading never raises: an unreadable file is an error record.
    """
    for path in paths:
        if path == "-":
            try:
                yield {"id": "stdin", "text": sys.stdin.read()}
            except (OSError, UnicodeDecodeError) as err:
                yield {"id": "stdin", "error": f"cannot read stdin: {err}"}
            continue
        p = Path(path)
        try:
            if p.suffix == ".jsonl":
                with open(p, "rb") as fh:
                    for lineno, raw in enumerate(fh, 1):
                        yield parse_jsonl_line(raw, lineno)
            else:
                yield {"id": p.name, "text": p.read_bytes().decode("utf-8")}
        except (OSError, UnicodeDecodeError) as err:
            yield {"id": p.name, "error": f"cannot read {path}: {err}"}


def parse_jsonl_line(raw: bytes, lineno: int) -> dict[str, Any]:
    """One JSONL line as {"id", "text"} or {"id", "error"}; never raises."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return {"id": lineno, "error": f"line {lineno} is not UTF-8 ({err.reason})"}
    if not line.strip():
        return {"id": lineno, "error": f"line {lineno} is blank"}
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        msg = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
        return {"id": lineno, "error": f"line {lineno} is not JSON: {msg}"}
    if not isinstance(obj, dict):
        return {"id": lineno, "error": f"line {lineno} is not a JSON object"}
    doc_id = obj.get("id", lineno)
    if not isinstance(doc_id, (str, int, float)) or isinstance(doc_id, bool):
        doc_id = lineno
    text = obj.get("text")
    if not isinstance(text, str):
        kind = type(text).__name__
        what = "has no 'text'" if text is None else f"has a non-string 'text' ({kind})"
        return {"id": doc_id, "error": f"line {lineno} {what}"}
    return {"id": doc_id, "text": text}


# --- processing a stream: in order, one answer per document, no document lost -----------------


class _Slot:
    """One document on its way through: its record, then its quotes or an error."""

    __slots__ = ("doc", "quotes", "error")

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.quotes: list[Quote] | None = None
        self.error: str | None = doc.get("error")

    @property
    def done(self) -> bool:
        return self.quotes is not None or self.error is not None


def _describe(err: BaseException) -> str:
    text = " ".join(str(err).split()) or "no message"
    return f"{type(err).__name__}: {text[:300]}"


def process_documents(
    docs: Iterable[dict[str, Any]],
    run_many: Callable[[Iterable[str]], Iterator[list[Quote]]],
    run_one: Callable[[str], list[Quote]],
) -> Iterator[tuple[dict[str, Any], list[Quote] | None, str | None]]:
    """Yield (doc, quotes, error) for every doc, in input order, as soon as each is done.

    ``run_many`` streams texts through the pipeline (extract_many). When it raises, the
    documents it had taken but not answered are retried one by one with ``run_one`` (extract),
    a failing one becomes an error, and a fresh ``run_many`` carries on with the rest, so one
    bad document never stops a run. Only a failure before any document was taken (e.g. the
    model cannot load) propagates.
    """
    source = iter(docs)
    pending: deque[_Slot] = deque()  # read, not yet yielded
    inflight: deque[_Slot] = deque()  # handed to run_many, not yet answered
    exhausted = False
    taken = 0  # texts handed to the current run_many

    def feed() -> Iterator[str]:
        nonlocal exhausted, taken
        for doc in source:
            slot = _Slot(doc)
            pending.append(slot)
            if not slot.done:
                inflight.append(slot)
                taken += 1
                yield doc["text"]
        exhausted = True

    def flush() -> Iterator[tuple[dict[str, Any], list[Quote] | None, str | None]]:
        while pending and pending[0].done:
            slot = pending.popleft()
            yield slot.doc, slot.quotes, slot.error

    while True:
        taken = 0
        try:
            for quotes in run_many(feed()):
                inflight.popleft().quotes = quotes
                yield from flush()
        except Exception as err:
            if not taken:  # not a document's fault, and retrying would fail the same way
                raise
            failures = 0
            while inflight:
                slot = inflight.popleft()
                try:
                    slot.quotes = run_one(slot.doc["text"])
                except Exception as one_err:
                    slot.error = _describe(one_err)
                    failures += 1
            if not failures:
                logger.warning("batch failed (%s); each document passed alone", _describe(err))
            yield from flush()
            if not exhausted:
                continue
        yield from flush()
        if exhausted or not pending:
            break


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


def run_extract(args: argparse.Namespace) -> int:
    from quoteattr import distributed
    from quoteattr.api import extract, extract_many, load_pipeline, speakers, speakers_many
    from quoteattr.runner import RunLog, count_documents, count_quotes, expand_paths

    distributed.check_engine_arguments(args)
    if args.engine == "dask":
        return distributed.run_extract(args)
    paths = expand_paths(args.paths)
    nlp = load_pipeline(args.model)  # fail fast, before any output, if the model is missing
    by_speaker = args.group_by == "speaker"
    many = speakers_many if by_speaker else extract_many
    one = speakers if by_speaker else extract

    def run_many(texts: Iterable[str]) -> Iterator[list[Any]]:
        return many(  # type: ignore[operator]
            texts, nlp=nlp, scope=args.scope, batch_size=args.batch_size, n_process=args.n_process
        )

    def run_one(text: str) -> list[Any]:
        return one(text, nlp=nlp, scope=args.scope)  # type: ignore[operator]

    results = process_documents(read_documents(paths), run_many, run_one)
    total = failed = 0
    log = RunLog(lambda: count_documents(paths), quiet=args.quiet)
    previous_sigterm = _stop_gracefully_on_sigterm()
    try:
        with open_output(args.output) as out:
            for doc, items, error in results:
                total += 1
                if error is not None:
                    failed += 1
                    line = json.dumps({"id": doc["id"], "error": error}, ensure_ascii=False)
                else:
                    line = "\n".join(format_record(doc["id"], items or [], args))
                out.write(line + "\n")
                log.add(1, count_quotes(items), error is not None)
    except KeyboardInterrupt:  # the line below is the summary of an interrupted run
        print(f"interrupted after {total:,} documents ({failed:,} failed)", file=sys.stderr)
        return 130
    finally:
        log.close_bar()
        if previous_sigterm is not None:
            signal.signal(signal.SIGTERM, previous_sigterm)
    log.close()
    if failed:
        print(f"{failed:,} of {total:,} documents failed; see the error records", file=sys.stderr)
        return 1
    return 0


def _stop_gracefully_on_sigterm() -> Any:
    """Treat SIGTERM (a job scheduler's stop) like Ctrl-C, so -o keeps the finished lines."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file next to ``path`` renamed onto it when done.

    The rename also happens on Ctrl-C or an error, so ``path`` always holds whole lines: the
    documents finished so far. Only a hard kill leaves ``path`` untouched (and a .tmp behind).
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        fd, tmp_path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise SystemExit(f"quoteattr: cannot write {path}: {err.strerror or err}") from err
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp_path, 0o666 & ~umask)
    out = os.fdopen(fd, "w", encoding="utf-8")
    try:
        yield out
    finally:
        out.flush()
        os.fsync(out.fileno())
        out.close()
        os.replace(tmp_path, target)


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
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    from quoteattr import corpus, distributed

    distributed.add_engine_arguments(ex)
    ex.set_defaults(func=run_extract)
    corpus.add_subcommand(sub)
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
