"""Rebuild the PolNeAR gold files that `quoteattr evaluate` reads, from the public repository.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) is a corpus of US political news from 2016 with
every attribution annotated by people: https://github.com/networkdynamics/PolNeAR. Its raw
layout, per split (``train``, ``dev``, ``test``):

    data/metadata.tsv                    one row per article: compartment, filename, annotators…
    data/<split>/text/<filename>.txt     the article (UTF-8, title on the first line)
    data/<split>/attributions/<filename>_<annotator>.ann    brat standoff annotations

An ``.ann`` file has text-bound lines ``T3<TAB>Content 115 290;300 340<TAB>words`` (types
Source, Cue, Content, plus Discuss/Discard, which are not attributions) and event lines
``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`` (or ``Attribution-no-source``; a role may
repeat as ``Content2``). Offsets are character offsets into the .txt file.

Each event becomes one gold quote: ``start``/``end`` from the first content fragment to the last,
``content_spans`` the fragments, ``speaker``/``cue`` the first fragment of the source and cue
(with all their fragments in ``speaker_spans``/``cue_spans``), and a ``kind`` derived from quote
marks (not annotated): ``direct`` when every fragment is a quotation in marks, ``mixed`` when the
content holds quote marks otherwise, ``indirect`` when it has none. Articles annotated by several
people use the first annotator listed in metadata.tsv that has a file.

    python benchmarks/polnear.py dev -o polnear_dev.jsonl                # download, then convert
    python benchmarks/polnear.py dev -o polnear_dev.jsonl --from PolNeAR/ # a local clone

The download fetches metadata.tsv and then only the split's .txt and .ann files (not the large
CoreNLP parses) from raw.githubusercontent.com at a fixed commit, into ``--cache``. The corpus
has no license file: use it for research and evaluation, and do not redistribute the texts.
Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPOSITORY = "networkdynamics/PolNeAR"
COMMIT = "c3eee833c035bf7b8c84f55b58c0bf7346cfae76"  # v1.0.0, the version the README measured
RAW_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
SPLITS = ("train", "dev", "test")
EVENT_TYPES = ("Attribution", "Attribution-no-source")

# Only double quote marks count: single marks are too often apostrophes ("the voters’ choice")
# or headline style. A fragment is "in marks" when, edge spaces and punctuation aside, it opens
# with a double mark and closes with one, and holds no other.
_DOUBLE_MARKS = '"“”«»„‟'
_OPENING = '"“«„‟'
_EDGE = " \t\r\n\u00a0,.;:!?…-–—()[]"

Span = tuple[int, int]


# --- reading the raw layout -----------------------------------------------------------------


def read_metadata(root: Path) -> list[dict[str, str]]:
    """The rows of data/metadata.tsv as dicts keyed by its header."""
    with open(root / "data" / "metadata.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def parse_ann(ann: str) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Text-bound annotations {id: {"type", "spans"}} and events [{"id", "type", "args"}].

    ``args`` maps a role without its repeat number ("Content" for "Content2") to the list of
    text-bound ids that fill it, in the order written.
    """
    spans: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        if ident.startswith("T"):
            kind, _, offsets = fields[1].partition(" ")
            try:
                pieces = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            except ValueError as err:
                raise ValueError(f"line {number}: bad offsets {offsets!r}") from err
            spans[ident] = {"type": kind, "spans": [(p[0], p[1]) for p in pieces]}
        elif ident.startswith("E"):
            trigger, *arguments = fields[1].split()
            event_type = trigger.split(":")[0]
            args: dict[str, list[str]] = {}
            for arg in arguments:
                role, _, target = arg.partition(":")
                args.setdefault(role.rstrip("0123456789"), []).append(target)
            events.append({"id": ident, "type": event_type, "args": args})
    return spans, events


def _fragments(spans: dict[str, dict[str, Any]], ids: list[str]) -> list[Span]:
    return sorted(piece for ident in ids if ident in spans for piece in spans[ident]["spans"])


def in_marks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one quotation in double marks (edge punctuation aside)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    piece = text[start:end]
    marks = sum(piece.count(m) for m in _DOUBLE_MARKS)
    return len(piece) >= 2 and piece[0] in _OPENING and piece[-1] in _DOUBLE_MARKS and marks == 2


def quote_kind(text: str, fragments: list[Span]) -> str:
    """direct / mixed / indirect, from the double quote marks in the content (not annotated)."""
    if all(in_marks(text, s, e) for s, e in fragments):
        return "direct"
    if any(m in text[s:e] for s, e in fragments for m in _DOUBLE_MARKS):
        return "mixed"
    return "indirect"


def convert_article(doc_id: str, text: str, ann: str) -> dict[str, Any]:
    """One gold document {"id", "text", "quotes"} from an article and its .ann file."""
    spans, events = parse_ann(ann)
    quotes = []
    for event in events:
        if event["type"] not in EVENT_TYPES:
            continue
        content = _fragments(spans, event["args"].get("Content", []))
        if not content:
            continue
        cue = _fragments(spans, event["args"].get("Cue", []))
        source = _fragments(spans, event["args"].get("Source", []))
        start, end = content[0][0], max(e for _, e in content)
        quote: dict[str, Any] = {
            "start": start,
            "end": end,
            "text": text[start:end],
            "kind": quote_kind(text, content),
            "kind_source": "heuristic-quote-marks",
            "content_spans": [list(s) for s in content],
            "cue": text[cue[0][0] : cue[0][1]] if cue else None,
            "cue_start": cue[0][0] if cue else None,
            "cue_end": cue[0][1] if cue else None,
            "cue_spans": [list(s) for s in cue],
            "speaker": text[source[0][0] : source[0][1]] if source else None,
            "speaker_start": source[0][0] if source else None,
            "speaker_end": source[0][1] if source else None,
            "speaker_spans": [list(s) for s in source] if source else None,
            "attribution_id": event["id"],
            "attribution_type": event["type"],
        }
        quotes.append(quote)
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    return {"id": doc_id, "text": text, "quotes": quotes}


def convert_split(root: Path, split: str) -> Iterator[dict[str, Any]]:
    """Every article of ``split`` under a PolNeAR checkout ``root``, in metadata order."""
    for row in read_metadata(root):
        if row["compartment"] != split:
            continue
        name = row["filename"]
        folder = root / "data" / split
        annotators = [a for a in row["annotators"].split("|") if a]
        chosen = next(
            (a for a in annotators if (folder / "attributions" / f"{name}_{a}.ann").exists()),
            None,
        )
        if chosen is None:
            print(f"polnear: no annotation file for {name}, skipped", file=sys.stderr)
            continue
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        ann = (folder / "attributions" / f"{name}_{chosen}.ann").read_text(encoding="utf-8")
        doc = convert_article(f"polnear:{split}:{name}", text, ann)
        doc.update(
            split=split,
            annotator=chosen,
            publisher=row.get("publisher"),
            title=row.get("title"),
            publication_date=row.get("publication_date"),
            source=f"PolNeAR v1.0.0, github.com/{REPOSITORY} @ {COMMIT}",
        )
        yield doc


# --- downloading ----------------------------------------------------------------------------


def _fetch(path: str, dest: Path, commit: str) -> None:
    if dest.exists():
        return
    url = RAW_URL.format(repo=REPOSITORY, commit=commit, path=path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - fixed https URL
        data = response.read()
    tmp = dest.with_name(dest.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(dest)


def download(cache: Path, split: str, commit: str = COMMIT) -> Path:
    """Fetch metadata.tsv and the split's texts and annotations into ``cache``; returns it.

    Files already in the cache are not fetched again, so an interrupted download resumes.
    """
    _fetch("data/metadata.tsv", cache / "data" / "metadata.tsv", commit)
    rows = [r for r in read_metadata(cache) if r["compartment"] == split]
    for done, row in enumerate(rows, 1):
        name = row["filename"]
        _fetch(
            f"data/{split}/text/{name}.txt", cache / "data" / split / "text" / f"{name}.txt", commit
        )
        for annotator in filter(None, row["annotators"].split("|")):
            rel = f"data/{split}/attributions/{name}_{annotator}.ann"
            try:
                _fetch(rel, cache / rel, commit)
            except urllib.error.HTTPError as err:
                if err.code != 404:  # metadata lists annotators whose file was not kept
                    raise
        print(f"\rpolnear: {done}/{len(rows)} {split} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    return cache


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("split", choices=SPLITS)
    parser.add_argument("-o", "--output", required=True, help="gold JSONL to write")
    parser.add_argument("--from", dest="source", help="a local PolNeAR checkout (no download)")
    parser.add_argument("--cache", default=".cache/polnear", help="where downloads are kept")
    parser.add_argument("--commit", default=COMMIT, help="repository commit to download")
    args = parser.parse_args(argv)
    root = Path(args.source) if args.source else download(Path(args.cache), args.split, args.commit)
    n_docs = n_quotes = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for doc in convert_split(root, args.split):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n_docs += 1
            n_quotes += len(doc["quotes"])
    print(f"polnear: wrote {n_docs} articles, {n_quotes} attributions to {args.output}")
    return 0 if n_docs else 1


if __name__ == "__main__":
    sys.exit(main())
