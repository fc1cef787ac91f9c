"""What every long run shares, local or on Dask: input paths and globs, the progress bar on
stderr, the final one-line summary, and one output row per document."""

from __future__ import annotations

import glob
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from quoteattr.types import Quote, SpeakerSummary


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Each path as given, or the files a glob pattern in it matches (sorted).

    A path that exists, '-', or a pattern that matches nothing is kept as written, so reading
    it gives the usual "cannot read" error record rather than silently nothing.
    """
    out: list[str] = []
    for path in paths:
        if path != "-" and not Path(path).exists() and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if matches:
                out.extend(matches)
                continue
        out.append(path)
    return out


def count_documents(paths: Iterable[str]) -> int | None:
    """How many records read_documents will yield, or None when that is unknown (stdin).

    A .jsonl file yields one record per line, so this counts line ends without parsing.
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        if p.suffix != ".jsonl":
            total += 1
            continue
        try:
            with open(p, "rb") as fh:
                last = b"\n"
                for block in iter(lambda: fh.read(1 << 20), b""):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except OSError:
            total += 1  # read_documents yields one error record for it
    return total


def output_row(doc_id: Any, items: list[Any] | None, error: str | None, group_by: str) -> dict:
    """The JSON record of one document, as the CLI writes it (quotes, speakers or an error)."""
    if error is not None:
        return {"id": doc_id, "error": error}
    if group_by == "speaker":
        return {"id": doc_id, "speakers": [sp.to_dict() for sp in items or []]}
    return {"id": doc_id, "quotes": [q.to_dict() for q in items or []]}


def count_quotes(items: list[Quote] | list[SpeakerSummary] | None) -> int:
    return sum(len(x.quotes) if isinstance(x, SpeakerSummary) else 1 for x in items or [])


def dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


class RunLog:
    """Progress bar on stderr (a terminal only, unless forced) and the one-line summary.

    The bar has a total and an ETA when the number of documents is known up front; ``total``
    may be a function, called only when a bar is shown.
    """

    def __init__(
        self,
        total: int | None | Callable[[], int | None],
        *,
        quiet: bool = False,
        stream: IO[str] | None = None,
        force_bar: bool = False,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.documents = self.quotes = self.errors = 0
        self.started = time.perf_counter()
        self.bar: Any = None
        self.closed = False
        if not quiet and (force_bar or self.stream.isatty()):
            from tqdm import tqdm

            if callable(total):  # counting reads the input once more: only for a bar
                total = total()
            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def add(self, documents: int = 1, quotes: int = 0, errors: int = 0) -> None:
        self.documents += documents
        self.quotes += quotes
        self.errors += errors
        if self.bar is not None:
            self.bar.update(documents)
            if errors or self.errors:
                self.bar.set_postfix(errors=self.errors, refresh=False)

    def close_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self, what: str = "") -> None:
        """Close the bar and print the summary once: documents, quotes, errors, seconds."""
        self.close_bar()
        if self.closed:
            return
        self.closed = True
        seconds = time.perf_counter() - self.started
        extra = f", {what}" if what else ""
        print(
            f"quoteattr: {self.documents:,} documents, {self.quotes:,} quotes, "
            f"{self.errors:,} errors{extra}, {seconds:.1f} s",
            file=self.stream,
            flush=True,
        )
