"""Score resolved speaker names and titles against a real-text speaker gold, as a reader judges.

    PYTHONPATH=. python benchmarks/speakers_gold.py benchmarks/data/speakers_dev.jsonl \\
        PRED.jsonl --texts polnear_dev.jsonl [--show]

The gold (`benchmarks/data/speakers_dev.jsonl`) is offsets and labels only, one quote a line:
`{"doc_id", "start", "end", "speaker_name", "speaker_title", "mention_type", "confidence"}`,
written by reading PolNeAR dev articles (`benchmarks/polnear.py` rebuilds their texts).
PRED is what `quoteattr extract` (or `benchmarks/devloop.py -o`) writes.

For each gold quote marked "sure", the predicted quote that overlaps it most is taken (a quote
not found is wrong for both name and title). The **name** is right when the last words agree
and one name's words contain the other's ("Trump" and "Donald J. Trump"); a gold name of null
(never named) is right when the prediction invents none (no name, the mention as written, or a
lower-case description). The **title** is right when the words of the gold title and of the
predicted title plus affiliation overlap by at least half (Jaccard >= 0.5); quotes whose gold
title is null are not scored for titles. Printed: one line per mention type, then the totals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quoteattr.evaluate import trim_span  # the scorer's own edge trimming

SUMMARY = ("names", "titles", "coordinated", "ner-missed")
IGNORED_WORDS = {"jr", "sr", "the"}


def name_words(value: str | None) -> list[str]:
    value = (value or "").lower().replace("’", "'").replace("‘", "'")
    return [w for w in re.findall(r"[\w'-]+", value) if len(w) > 1 and w not in IGNORED_WORDS]


def name_right(gold: str | None, pred: str | None, mention: str | None) -> bool:
    if gold is None:
        return pred is None or pred == mention or pred[:1].islower()
    g, p = name_words(gold), name_words(pred)
    return bool(g and p) and g[-1] == p[-1] and (set(g) <= set(p) or set(p) <= set(g))


def title_right(gold: str, pred: str) -> bool:
    g, p = set(name_words(gold)), set(name_words(pred))
    return bool(g) and len(g & p) / len(g | p) >= 0.5


def gold_quotes(path: Path, texts: dict[str, str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            if row["doc_id"] in texts and row.get("confidence", "sure") == "sure":
                yield texts[row["doc_id"]], row


def best_match(text: str, row: dict[str, Any], quotes: list[dict[str, Any]]) -> dict | None:
    gs, ge = trim_span(text, row["start"], row["end"])
    best, overlap = None, 0
    for q in quotes:
        ps, pe = trim_span(text, q["start"], q["end"])
        o = min(ge, pe) - max(gs, ps)
        if o > overlap:
            best, overlap = q, o
    return best


def score(
    gold: Path,
    pred: Path,
    texts_paths: list[Path],
    show: bool = False,
    ner_missed: dict[str, set[str]] | None = None,
) -> dict[str, list[int]]:
    texts: dict[str, str] = {}
    for tp in texts_paths:
        for line in open(tp, encoding="utf-8"):
            if line.strip():
                doc = json.loads(line)
                texts[doc["id"]] = doc["text"]
    predicted = {}
    for line in open(pred, encoding="utf-8"):
        if line.strip():
            doc = json.loads(line)
            predicted[doc["id"]] = doc.get("quotes") or []
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for text, row in gold_quotes(gold, texts):
        found = best_match(text, row, predicted.get(row["doc_id"], []))
        speaker = (found or {}).get("speaker") or {}
        mention = (speaker.get("mention") or {}).get("text")
        name_ok = found is not None and name_right(
            row["speaker_name"], speaker.get("name"), mention
        )
        kind = row.get("mention_type") or "all"
        counts[kind][0] += name_ok
        counts[kind][1] += 1
        counts["names"][0] += name_ok
        counts["names"][1] += 1
        title_ok = True
        if row.get("speaker_title"):
            said = " ".join(filter(None, (speaker.get("title"), speaker.get("affiliation"))))
            title_ok = name_ok and title_right(row["speaker_title"], said)
            counts["titles"][0] += title_ok
            counts["titles"][1] += 1
        if len(row.get("members") or ()) > 1:  # several speakers: are all of them given?
            given = [m.get("name") for m in speaker.get("members") or ()] or [speaker.get("name")]
            wanted = [m["name"] for m in row["members"]]
            counts["coordinated"][1] += 1
            counts["coordinated"][0] += len(given) == len(wanted) and all(
                any(name_right(w, g, None) for g in given) for w in wanted
            )
        if ner_missed is not None and row["doc_id"] in ner_missed and row["speaker_name"]:
            if name_words(row["speaker_name"])[-1:] and (
                name_words(row["speaker_name"])[-1] in ner_missed[row["doc_id"]]
            ):
                counts["ner-missed"][0] += name_ok
                counts["ner-missed"][1] += 1
        if show and not (name_ok and title_ok):
            print(
                f"MISS {row['doc_id']} {text[row['start'] : row['end']][:50]!r}: gold "
                f"{row['speaker_name']!r} / {row.get('speaker_title')!r}; got "
                f"{speaker.get('name')!r} / {speaker.get('title')!r}"
                + ("" if found else " (quote not found)")
            )
    return dict(counts)


def surnames_ner_misses(texts_paths: list[Path]) -> dict[str, set[str]]:
    """Per document, the capitalised words the model's NER never puts inside a PERSON entity:
    a gold speaker whose surname is among them is a person NER missed or mislabelled."""
    from quoteattr.api import load_pipeline
    from quoteattr.normalize import normalize

    nlp = load_pipeline()
    docs = []
    for tp in texts_paths:
        docs += [json.loads(line) for line in open(tp, encoding="utf-8") if line.strip()]
    out: dict[str, set[str]] = {}
    with nlp.select_pipes(disable=["quote_attributor"]):
        for d, doc in zip(docs, nlp.pipe(normalize(d["text"]) for d in docs), strict=True):
            person = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
            words = {t.lower_ for t in doc if t.is_title and t.is_alpha}
            out[d["id"]] = words - person
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--texts", type=Path, nargs="+", required=True)
    ap.add_argument("--show", action="store_true", help="print every miss")
    ap.add_argument(
        "--ner",
        action="store_true",
        help="also count the speakers the entity recogniser does not tag as PERSON anywhere in "
        "their article (parses the texts: about a minute for PolNeAR dev)",
    )
    args = ap.parse_args(argv)
    missed = surnames_ner_misses(args.texts) if args.ner else None
    counts = score(args.gold, args.pred, args.texts, args.show, missed)
    for kind in sorted(k for k in counts if k not in SUMMARY):
        right, n = counts[kind]
        print(f"{kind:10s} {right}/{n} = {right / n:.3f}")
    if "coordinated" in counts:
        right, n = counts["coordinated"]
        print(f"coordinated: {right}/{n} quotes by several speakers with every one of them named")
    if "ner-missed" in counts:
        right, n = counts["ner-missed"]
        print(f"ner-missed: {right}/{n} quotes by a person NER never tags PERSON, name right")
    names, titles = counts.get("names", [0, 0]), counts.get("titles", [0, 0])
    print(
        f"names: {names[0]}/{names[1]} = {names[0] / max(names[1], 1):.3f}  "
        f"titles: {titles[0]}/{titles[1]} = {titles[0] / max(titles[1], 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
