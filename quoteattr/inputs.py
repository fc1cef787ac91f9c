"""Reading documents for the command line: .txt and JSONL files, folders, standard input.

Every document becomes one record: ``{"id", "text"}`` (plus ``"fields"``, the other keys of a
JSONL object, passed through to the output) or ``{"id", "error"}``. Reading never raises and
never loses a line: a line or file that cannot be read or decoded is an error record.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import IO, Any

# Suffixes read as JSONL (one JSON object a line) and, inside a folder, as plain text;
# compared case-insensitively. A file named on the command line with any other suffix is text.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
TEXT_SUFFIXES = (".txt", ".text")
FORMATS = ("auto", "txt", "jsonl")
ERROR_HANDLERS = ("strict", "replace")
# Keys of an input object that are not passed through: the document itself, and the keys the
# output record sets (an input's own "quotes", e.g. gold annotations, is replaced, not mixed in).
NOT_PASSED_THROUGH = ("id", "text", "quotes", "speakers", "error")
STDIN = "-"
STDIN_ID = "stdin"


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs: the command line's --input-format, --encoding, --errors, -r."""

    input_format: str = "auto"  # auto: by suffix (JSONL for JSONL_SUFFIXES); stdin is sniffed
    encoding: str = "utf-8"
    errors: str = "strict"  # strict: undecodable bytes make an error record; replace: U+FFFD
    recursive: bool = False  # read the subfolders of a folder too
    skip: frozenset[str] = field(default_factory=frozenset)  # real paths never read (the -o file)


def check_encoding(name: str) -> str:
    """The codec's name, or ValueError naming the problem (for argparse)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r} (try utf-8, cp1252, latin-1)") from None


def is_jsonl_path(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def expand_paths(paths: Iterable[str], options: ReadOptions) -> Iterator[tuple[str, str | None]]:
    """(path, None) for each file to read, in order; (path, error) for a folder with nothing.

    A folder gives its .txt and JSONL files, sorted, skipping hidden names (a run's own
    temporary output) and the output file; with ``recursive`` its subfolders too. A file's path
    is the folder as given joined with the path inside it, so it is unique within a run.
    """
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path, None
            continue
        found = False
        subfolders = False
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not _hidden(d))
            if not options.recursive:
                subfolders = bool(dirs)
                dirs[:] = []
            for name in sorted(files):
                full = os.path.join(root, name)
                if _hidden(name) or not name.lower().endswith(JSONL_SUFFIXES + TEXT_SUFFIXES):
                    continue
                if os.path.realpath(full) in options.skip:
                    continue
                found = True
                yield full, None
        if not found:
            hint = " (add -r to read its subfolders)" if subfolders else ""
            yield path, f"no .txt or .jsonl files in folder {path}{hint}"


def _decode_error(what: str, err: UnicodeDecodeError, options: ReadOptions) -> str:
    return (
        f"cannot decode {what} as {options.encoding} ({err.reason} at byte {err.start}); "
        f"pass --encoding (e.g. cp1252) or --errors replace"
    )


def read_documents(
    paths: list[str], options: ReadOptions | None = None
) -> Iterator[dict[str, Any]]:
    """Yield one record per document in ``paths`` (files, folders, or '-' for stdin).

    Streams: one JSONL line is read at a time. Every line of a JSONL input yields exactly one
    record, so the output lines up with the input. A text file's id is its path as given; a
    JSONL line's id is its own "id" when usable, else its line number — prefixed with the
    file's path ("a.jsonl:3") when the run reads several inputs, so ids stay unique.
    """
    options = options or ReadOptions()
    files = list(expand_paths(paths, options))
    several = len(files) > 1
    for path, error in files:
        if error is not None:
            yield {"id": path, "error": error}
            continue
        if path == STDIN:
            yield from _read_stdin(options, several)
            continue
        as_jsonl = options.input_format == "jsonl" or (
            options.input_format == "auto" and is_jsonl_path(path)
        )
        try:
            if as_jsonl:
                with open(path, "rb") as fh:
                    yield from _read_jsonl(fh, path if several else None, options)
            else:
                with open(path, "rb") as fh:
                    raw = fh.read()
                yield _text_record(path, raw, path, options)
        except OSError as err:
            yield {"id": path, "error": f"cannot read {path}: {err.strerror or err}"}


def _text_record(doc_id: str, raw: bytes, what: str, options: ReadOptions) -> dict[str, Any]:
    try:
        return {"id": doc_id, "text": raw.decode(options.encoding, options.errors)}
    except UnicodeDecodeError as err:
        return {"id": doc_id, "error": _decode_error(what, err, options)}


def _read_stdin(options: ReadOptions, several: bool) -> Iterator[dict[str, Any]]:
    """Standard input as bytes, decoded per ``options``; JSONL when asked or when it looks so."""
    stream: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (an embedding program, a test)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))
    try:
        first = stream.readline()
    except OSError as err:
        yield {"id": STDIN_ID, "error": f"cannot read stdin: {err.strerror or err}"}
        return
    as_jsonl = options.input_format == "jsonl" or (
        options.input_format == "auto" and _looks_like_jsonl(first)
    )
    lines = chain([first], stream)
    try:
        if as_jsonl:
            yield from _read_jsonl(lines, STDIN_ID if several else None, options)
        else:
            yield _text_record(STDIN_ID, b"".join(lines), "stdin", options)
    except OSError as err:
        yield {"id": STDIN_ID, "error": f"cannot read stdin: {err.strerror or err}"}


def _looks_like_jsonl(first_line: bytes) -> bool:
    """Is the first line a JSON object with a "text"? (No news story starts like that.)"""
    stripped = first_line.lstrip(codecs.BOM_UTF8).strip()
    if not stripped.startswith(b"{"):
        return False
    try:
        obj = json.loads(stripped)
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and "text" in obj


def _read_jsonl(
    lines: Iterable[bytes], source: str | None, options: ReadOptions
) -> Iterator[dict[str, Any]]:
    for lineno, raw in enumerate(lines, 1):
        if lineno == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        yield parse_jsonl_line(raw, lineno, source=source, options=options)


def parse_jsonl_line(
    raw: bytes, lineno: int, *, source: str | None = None, options: ReadOptions | None = None
) -> dict[str, Any]:
    """One JSONL line as {"id", "text"[, "fields"]} or {"id", "error"}; never raises.

    ``source`` (the file's path) prefixes the line number in ids and messages when the run reads
    several inputs. The other keys (url, date …) are returned as "fields", to be passed through.
    """
    options = options or ReadOptions()
    where = f"{source}:{lineno}" if source else lineno
    line_name = f"line {where}" if source else f"line {lineno}"
    try:
        line = raw.decode(options.encoding, options.errors)
    except UnicodeDecodeError as err:
        if options.encoding.replace("-", "").replace("_", "").lower() in ("utf8", "utf"):
            reason = f"{line_name} is not UTF-8 ({err.reason})"
        else:
            reason = f"{line_name} is not {options.encoding} ({err.reason})"
        return {"id": where, "error": f"{reason}; pass --encoding or --errors replace"}
    if not line.strip():
        return {"id": where, "error": f"{line_name} is blank"}
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        msg = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
        return {"id": where, "error": f"{line_name} is not JSON: {msg}"}
    if not isinstance(obj, dict):
        return {"id": where, "error": f"{line_name} is not a JSON object"}
    doc_id = obj.get("id", where)
    if not isinstance(doc_id, (str, int, float)) or isinstance(doc_id, bool):
        doc_id = where
    fields = {k: v for k, v in obj.items() if k not in NOT_PASSED_THROUGH}
    text = obj.get("text")
    if not isinstance(text, str):
        kind = type(text).__name__
        what = "has no 'text'" if text is None else f"has a non-string 'text' ({kind})"
        record: dict[str, Any] = {"id": doc_id, "error": f"{line_name} {what}"}
    else:
        record = {"id": doc_id, "text": text}
    if fields:
        record["fields"] = fields
    return record
