"""Scoring predicted quotes against gold JSONL: P/R/F1, speaker accuracy, breakdowns, errors."""

from __future__ import annotations

import argparse
import json
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Doc = dict[str, Any]
QuoteDict = dict[str, Any]

SUBSETS = ("quoted", "speech", "all")

# Stripped from both ends of every span before spans are compared, so that a prediction that
# includes (or leaves out) the quote marks, a trailing comma or a space still counts as exact.
_WHITESPACE = " \t\n\r"
_QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
_PUNCTUATION = ",.;:!?…"
_DASHES = "-–—"
_BRACKETS = "()[]"
EDGE_CHARS = frozenset(_WHITESPACE + _QUOTE_MARKS + _PUNCTUATION + _DASHES + _BRACKETS)

# A gold reported-speech quote belongs to the "speech" subset when its cue contains one of these
# words (a whole word, any case). Beliefs and findings ("polls show", "he thinks") do not.
_SPEECH_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "add": ("adds", "added", "adding"),
    "write": ("writes", "wrote", "writing"),
    "ask": ("asks", "asked", "asking"),
    "tweet": ("tweets", "tweeted"),
    "note": ("notes", "noted", "noting"),
    "explain": ("explained",),
    "argue": ("argued",),
    "insist": ("insisted",),
    "claim": ("claimed",),
    "declare": ("declared",),
    "state": ("stated",),
    "announce": ("announced",),
    "respond": ("responded",),
    "reply": ("replied",),
    "warn": ("warned",),
    "recall": ("recalled",),
    "continue": ("continued",),
    "acknowledge": ("acknowledged",),
    "suggest": ("suggested",),
    "admit": ("admitted",),
    "urge": ("urged",),
    "vow": ("vowed",),
    "promise": ("promised",),
    "predict": ("predicted",),
    "complain": ("complained",),
    "joke": ("joked",),
    "remark": ("remarked",),
    "report": ("reported",),
    "deny": ("denied",),
    "confirm": ("confirmed",),
    "according": (),
    "statement": (),
    "interview": (),
}
SPEECH_CUE_WORDS = frozenset(
    form for lemma, forms in _SPEECH_FORMS.items() for form in (lemma, *forms)
)

# Case-insensitive regex matching (re.IGNORECASE) also equates these letters with ASCII ones,
# and str.lower() alone does not; folding them keeps the cue test in step with such a matcher.
_EXTRA_CASE_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}
_WORD_RUN = re.compile(r"\w+")

CONFIDENCE_EDGES = (0.5, 0.7, 0.8, 0.9)
CONFIDENCE_BINS = ("[0.0,0.5)", "[0.5,0.7)", "[0.7,0.8)", "[0.8,0.9)", "[0.9,1.0]")
NO_CONFIDENCE = "none"

CONTEXT_CHARS = 80
_MAX_QUOTE_IN_CONTEXT = 240


# ---------------------------------------------------------------------------------------------
# Loading


def load_jsonl(path: str | Path) -> dict[str, Doc]:
    """Read one JSON document per line, keyed by its ``id`` (a later duplicate replaces one)."""
    docs: dict[str, Doc] = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not valid JSON ({err.msg})") from err
            if not isinstance(doc, dict) or "id" not in doc:
                raise ValueError(f"{path}:{number}: expected an object with an 'id'")
            docs[doc["id"]] = doc
    return docs


# ---------------------------------------------------------------------------------------------
# Matching one document


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past quote marks, spaces and punctuation at either edge."""
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _fold_case(word: str) -> str:
    return "".join(_EXTRA_CASE_FOLDS.get(char, char.lower()) for char in word)


def has_speech_cue(cue: str | None) -> bool:
    """True when the cue contains a speech word ("said", "told reporters", "according to")."""
    return any(_fold_case(word) in SPEECH_CUE_WORDS for word in _WORD_RUN.findall(cue or ""))


def in_subset(gold_quote: QuoteDict, subset: str) -> bool:
    """Whether a gold quote is scored in ``subset`` (one of SUBSETS)."""
    if subset == "all":
        return True
    is_quoted = gold_quote.get("kind") in ("direct", "mixed")
    if subset == "quoted":
        return is_quoted
    if subset == "speech":
        return is_quoted or has_speech_cue(gold_quote.get("cue"))
    raise ValueError(f"unknown subset {subset!r}; choose from {', '.join(SUBSETS)}")


def predicted_speaker(quote: QuoteDict) -> tuple[str | None, int | None, int | None]:
    """The predicted speaker's name and mention offsets, from any of the accepted layouts.

    Accepted: ``speaker`` as a Speaker.to_dict() (mention offsets, or offsets on the speaker
    itself), ``speaker`` as a plain name, and flat ``speaker_start``/``speaker_end``/
    ``speaker_name`` keys.
    """
    speaker = quote.get("speaker")
    name: str | None = None
    start, end = quote.get("speaker_start"), quote.get("speaker_end")
    if isinstance(speaker, dict):
        name = speaker.get("name")
        mention = speaker.get("mention") or {}
        start, end = mention.get("start", start), mention.get("end", end)
        if start is None:
            start, end = speaker.get("start"), speaker.get("end")
    elif isinstance(speaker, str):
        name = speaker
    return name or quote.get("speaker_name"), start, end


def speaker_is_correct(gold_quote: QuoteDict, pred_quote: QuoteDict) -> bool | None:
    """Whether the predicted speaker is the gold source; None when gold names no source.

    Right when the predicted mention overlaps the gold source, or when the predicted name has
    the gold source's last word as a word of its own, provided that word is capitalised and
    longer than two letters (gold "Trump" vs "Donald Trump"; gold "he" never matches a name).
    """
    gold_start = gold_quote.get("speaker_start")
    if gold_start is None:
        return None
    name, start, end = predicted_speaker(pred_quote)
    if start is not None and end is not None:
        if _overlap((start, end), (gold_start, gold_quote["speaker_end"])) > 0:
            return True
    words = (gold_quote.get("speaker") or "").split()
    last = words[-1] if words else ""
    if name and len(last) > 2 and last[0].isupper():
        return last.lower() in name.lower().split()
    return False


@dataclass
class DocMatch:
    """The outcome of matching one document's predictions to its gold quotes in one subset."""

    doc_id: str
    text: str
    gold: list[QuoteDict]
    preds: list[QuoteDict]  # predictions that are scored (not those only on out-of-subset gold)
    pred_for_gold: dict[int, int] = field(default_factory=dict)
    gold_for_pred: dict[int, int] = field(default_factory=dict)
    exact: set[int] = field(default_factory=set)  # gold indexes matched with equal spans
    speaker_ok: dict[int, bool | None] = field(default_factory=dict)  # by gold index


def _pred_quotes(pred_doc: Doc | None) -> list[QuoteDict]:
    # A document that failed ({"id", "error"}) or is missing counts as predicting nothing.
    return list((pred_doc or {}).get("quotes") or [])


def match_document(gold_doc: Doc, pred_doc: Doc | None, subset: str) -> DocMatch:
    """Pair predictions with gold quotes one-to-one, largest trimmed overlap first."""
    text: str = gold_doc["text"]
    gold = [q for q in gold_doc["quotes"] if in_subset(q, subset)]
    preds = _pred_quotes(pred_doc)
    gold_spans = [trim_span(text, q["start"], q["end"]) for q in gold]
    if subset != "all":
        # A prediction that only overlaps gold quotes outside the subset (say, reported
        # speech while scoring "quoted") is neither right nor wrong here: leave it out.
        outside = [
            trim_span(text, q["start"], q["end"])
            for q in gold_doc["quotes"]
            if not in_subset(q, subset)
        ]

        def only_outside(pred: QuoteDict) -> bool:
            span = trim_span(text, pred["start"], pred["end"])
            touches_outside = any(_overlap(span, other) > 0 for other in outside)
            return touches_outside and not any(_overlap(span, g) > 0 for g in gold_spans)

        preds = [p for p in preds if not only_outside(p)]
    pred_spans = [trim_span(text, p["start"], p["end"]) for p in preds]

    candidates = [
        (_overlap(g_span, p_span), g_index, p_index)
        for g_index, g_span in enumerate(gold_spans)
        for p_index, p_span in enumerate(pred_spans)
        if _overlap(g_span, p_span) > 0
    ]
    # Ties on overlap go to the later gold quote, then the later prediction; any fixed order
    # would do, this one keeps the numbers identical to the shared reference scorer.
    candidates.sort(reverse=True)
    match = DocMatch(str(gold_doc["id"]), text, gold, preds)
    for _, g_index, p_index in candidates:
        if g_index in match.pred_for_gold or p_index in match.gold_for_pred:
            continue
        match.pred_for_gold[g_index] = p_index
        match.gold_for_pred[p_index] = g_index
        if gold_spans[g_index] == pred_spans[p_index]:
            match.exact.add(g_index)
        match.speaker_ok[g_index] = speaker_is_correct(gold[g_index], preds[p_index])
    return match


def match_all(
    gold_docs: Mapping[str, Doc], pred_docs: Mapping[str, Doc], subset: str
) -> list[DocMatch]:
    """Match every gold document (predictions for ids not in gold are ignored)."""
    return [match_document(doc, pred_docs.get(doc_id), subset) for doc_id, doc in gold_docs.items()]


# ---------------------------------------------------------------------------------------------
# Scores


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def summarize(matches: Iterable[DocMatch], subset: str) -> dict[str, Any]:
    """The headline numbers for one subset, rounded to three decimals."""
    n_gold = n_pred = n_strict = n_partial = n_speaker_scored = n_speaker_right = 0
    for match in matches:
        n_gold += len(match.gold)
        n_pred += len(match.preds)
        n_partial += len(match.pred_for_gold)
        n_strict += len(match.exact)
        for ok in match.speaker_ok.values():
            if ok is not None:
                n_speaker_scored += 1
                n_speaker_right += ok

    def f1(n_matched: int) -> float:
        both = n_gold + n_pred
        return round(2 * n_matched / both, 3) if both else 0.0

    return {
        "subset": subset,
        "gold": n_gold,
        "pred": n_pred,
        "strict_P": _ratio(n_strict, n_pred),
        "strict_R": _ratio(n_strict, n_gold),
        "strict_F1": f1(n_strict),
        "partial_P": _ratio(n_partial, n_pred),
        "partial_R": _ratio(n_partial, n_gold),
        "partial_F1": f1(n_partial),
        "speaker_acc": _ratio(n_speaker_right, n_speaker_scored),
        # end to end: a gold quote counts only when found (partial) with the right speaker
        "e2e_R": _ratio(n_speaker_right, n_gold),
    }


def score(
    gold_docs: Mapping[str, Doc], pred_docs: Mapping[str, Doc], subset: str
) -> dict[str, Any]:
    """Score predictions against gold for one subset ("quoted", "speech" or "all")."""
    if subset not in SUBSETS:
        raise ValueError(f"unknown subset {subset!r}; choose from {', '.join(SUBSETS)}")
    return summarize(match_all(gold_docs, pred_docs, subset), subset)


# ---------------------------------------------------------------------------------------------
# Breakdowns


@dataclass
class Tally:
    """Counts for a group of predictions: how many matched gold, how many had the right speaker."""

    predicted: int = 0
    matched: int = 0
    speaker_scored: int = 0  # matched to a gold quote that names a source
    speaker_correct: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def speaker_acc(self) -> float:
        return _ratio(self.speaker_correct, self.speaker_scored)

    def add(self, matched: bool, speaker_ok: bool | None) -> None:
        self.predicted += 1
        if matched:
            self.matched += 1
            if speaker_ok is not None:
                self.speaker_scored += 1
                self.speaker_correct += speaker_ok

    def to_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": self.precision,
            "speaker_scored": self.speaker_scored,
            "speaker_correct": self.speaker_correct,
            "speaker_acc": self.speaker_acc,
        }


def confidence_bin(confidence: Any) -> str:
    """The reliability bin label for a confidence; out-of-range values go to the end bins."""
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
        return NO_CONFIDENCE
    return CONFIDENCE_BINS[bisect_right(CONFIDENCE_EDGES, confidence)]


def _each_prediction(matches: Iterable[DocMatch]) -> Iterable[tuple[QuoteDict, bool, bool | None]]:
    for match in matches:
        for p_index, pred in enumerate(match.preds):
            g_index = match.gold_for_pred.get(p_index)
            if g_index is None:
                yield pred, False, None
            else:
                yield pred, True, match.speaker_ok[g_index]


def tally_by_method(matches: Iterable[DocMatch]) -> dict[str, Tally]:
    """Precision and speaker accuracy for each rule (``method``) that produced predictions."""
    tallies: dict[str, Tally] = {}
    for pred, matched, speaker_ok in _each_prediction(matches):
        method = str(pred.get("method") or "unknown")
        tallies.setdefault(method, Tally()).add(matched, speaker_ok)
    return dict(sorted(tallies.items(), key=lambda item: (-item[1].predicted, item[0])))


def tally_by_confidence(matches: Iterable[DocMatch]) -> dict[str, Tally]:
    """Precision and speaker accuracy per confidence bin (a "none" row only if needed)."""
    tallies = {label: Tally() for label in CONFIDENCE_BINS}
    for pred, matched, speaker_ok in _each_prediction(matches):
        label = confidence_bin(pred.get("confidence"))
        tallies.setdefault(label, Tally()).add(matched, speaker_ok)
    return tallies


# ---------------------------------------------------------------------------------------------
# Errors


def context_snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The span in ⟦brackets⟧ with ``width`` characters either side, newlines shown as ⏎."""
    left = text[max(0, start - width) : start]
    middle = text[start:end]
    right = text[end : end + width]
    if len(middle) > _MAX_QUOTE_IN_CONTEXT:
        half = _MAX_QUOTE_IN_CONTEXT // 2
        middle = f"{middle[:half]} … {middle[-half:]}"
    snippet = (
        ("…" if start > width else "")
        + f"{left}⟦{middle}⟧{right}"
        + ("…" if end + width < len(text) else "")
    )
    return snippet.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", " ")


@dataclass
class ErrorRecord:
    """One mistake: a missed gold quote, a false alarm, or a quote with the wrong speaker.

    ``start``/``end`` are the gold quote's offsets for a miss and the prediction's otherwise.
    """

    kind: str  # "miss" | "false_alarm" | "wrong_speaker"
    doc_id: str
    start: int
    end: int
    context: str
    confidence: float | None = None
    method: str | None = None
    gold_speaker: dict[str, Any] | None = None  # {"text", "start", "end"}
    predicted_name: str | None = None
    predicted_mention: dict[str, Any] | None = None  # {"text", "start", "end"}

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ErrorLists:
    """The worst mistakes of each kind for one subset."""

    misses: list[ErrorRecord] = field(default_factory=list)
    false_alarms: list[ErrorRecord] = field(default_factory=list)
    wrong_speakers: list[ErrorRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "misses": [e.to_dict() for e in self.misses],
            "false_alarms": [e.to_dict() for e in self.false_alarms],
            "wrong_speakers": [e.to_dict() for e in self.wrong_speakers],
        }


def _confidence(pred: QuoteDict) -> float:
    value = pred.get("confidence")
    return float(value) if isinstance(value, (int, float)) else 0.0


def _slice(text: str, start: int | None, end: int | None) -> dict[str, Any] | None:
    if start is None or end is None:
        return None
    return {"text": text[start:end], "start": start, "end": end}


def find_errors(matches: Iterable[DocMatch], n: int) -> ErrorLists:
    """The n longest missed gold quotes, n most confident false alarms and wrong speakers."""
    misses: list[ErrorRecord] = []
    false_alarms: list[ErrorRecord] = []
    wrong_speakers: list[ErrorRecord] = []
    for match in matches:
        text = match.text
        for g_index, gold in enumerate(match.gold):
            if g_index not in match.pred_for_gold:
                start, end = gold["start"], gold["end"]
                misses.append(
                    ErrorRecord("miss", match.doc_id, start, end, context_snippet(text, start, end))
                )
        for p_index, pred in enumerate(match.preds):
            start, end = pred["start"], pred["end"]
            matched_gold = match.gold_for_pred.get(p_index)
            record = ErrorRecord(
                "false_alarm",
                match.doc_id,
                start,
                end,
                context_snippet(text, start, end),
                confidence=_confidence(pred),
                method=pred.get("method"),
            )
            if matched_gold is None:
                false_alarms.append(record)
            elif match.speaker_ok[matched_gold] is False:
                gold = match.gold[matched_gold]
                name, mention_start, mention_end = predicted_speaker(pred)
                record.kind = "wrong_speaker"
                record.gold_speaker = _slice(text, gold["speaker_start"], gold.get("speaker_end"))
                record.predicted_name = name
                record.predicted_mention = _slice(text, mention_start, mention_end)
                wrong_speakers.append(record)
    misses.sort(key=lambda e: (-(e.end - e.start), e.doc_id, e.start))
    false_alarms.sort(key=lambda e: (-(e.confidence or 0.0), e.doc_id, e.start))
    wrong_speakers.sort(key=lambda e: (-(e.confidence or 0.0), e.doc_id, e.start))
    return ErrorLists(misses[:n], false_alarms[:n], wrong_speakers[:n])


# ---------------------------------------------------------------------------------------------
# Report


@dataclass
class Report:
    """Scores per subset, plus per-subset breakdowns by method and confidence, and errors."""

    scores: list[dict[str, Any]]
    by_method: dict[str, dict[str, Tally]]  # subset -> method -> tally
    reliability: dict[str, dict[str, Tally]]  # subset -> confidence bin -> tally
    errors: dict[str, ErrorLists]  # subset -> worst errors (empty unless asked for)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": self.scores,
            "by_method": {
                subset: {method: t.to_dict() for method, t in tallies.items()}
                for subset, tallies in self.by_method.items()
            },
            "reliability": {
                subset: {label: t.to_dict() for label, t in tallies.items()}
                for subset, tallies in self.reliability.items()
            },
            "errors": {subset: lists.to_dict() for subset, lists in self.errors.items()},
        }


def evaluate(
    gold_docs: Mapping[str, Doc],
    pred_docs: Mapping[str, Doc],
    *,
    subsets: Sequence[str] = SUBSETS,
    errors: int = 0,
) -> Report:
    """Score every subset and break the results down; list ``errors`` worst errors of each kind."""
    report = Report([], {}, {}, {})
    for subset in subsets:
        if subset not in SUBSETS:
            raise ValueError(f"unknown subset {subset!r}; choose from {', '.join(SUBSETS)}")
        matches = match_all(gold_docs, pred_docs, subset)
        report.scores.append(summarize(matches, subset))
        report.by_method[subset] = tally_by_method(matches)
        report.reliability[subset] = tally_by_confidence(matches)
        if errors > 0:
            report.errors[subset] = find_errors(matches, errors)
    return report


def _tally_table(heading: str, first_column: str, tallies: Mapping[str, Tally]) -> list[str]:
    width = max([len(first_column), *map(len, tallies)])
    lines = [
        heading,
        f"  {first_column:<{width}}  {'pred':>6} {'match':>6} {'prec':>6}"
        f"  {'spk_n':>6} {'spk_ok':>6} {'spk_acc':>7}",
    ]
    for label, t in tallies.items():
        lines.append(
            f"  {label:<{width}}  {t.predicted:>6} {t.matched:>6} {t.precision:>6.3f}"
            f"  {t.speaker_scored:>6} {t.speaker_correct:>6} {t.speaker_acc:>7.3f}"
        )
    return lines


def _error_lines(title: str, records: list[ErrorRecord]) -> list[str]:
    lines = [f"  {title} ({len(records)})"]
    for e in records:
        where = f"    {e.doc_id} [{e.start}:{e.end}]"
        if e.confidence is not None:
            where += f" conf={e.confidence:.2f} method={e.method or '?'}"
        lines.append(where)
        if e.kind == "wrong_speaker":
            gold = e.gold_speaker["text"] if e.gold_speaker else "?"
            mention = e.predicted_mention["text"] if e.predicted_mention else "—"
            lines.append(
                f"      gold speaker {gold!r}; predicted {e.predicted_name!r} as {mention!r}"
            )
        lines.append(f"      {e.context}")
    return lines


def format_report(report: Report) -> str:
    """The report as fixed-width text tables."""
    lines = [
        f"{'subset':<8} {'gold':>6} {'pred':>6}  {'strict P':>8} {'R':>6} {'F1':>6}"
        f"  {'partial P':>9} {'R':>6} {'F1':>6}  {'spk_acc':>7} {'e2e_R':>6}"
    ]
    for s in report.scores:
        lines.append(
            f"{s['subset']:<8} {s['gold']:>6} {s['pred']:>6}"
            f"  {s['strict_P']:>8.3f} {s['strict_R']:>6.3f} {s['strict_F1']:>6.3f}"
            f"  {s['partial_P']:>9.3f} {s['partial_R']:>6.3f} {s['partial_F1']:>6.3f}"
            f"  {s['speaker_acc']:>7.3f} {s['e2e_R']:>6.3f}"
        )
    for subset, tallies in report.by_method.items():
        lines.append("")
        lines += _tally_table(f"by method ({subset})", "method", tallies)
    for subset, tallies in report.reliability.items():
        lines.append("")
        lines += _tally_table(f"by confidence ({subset})", "confidence", tallies)
    for subset, lists in report.errors.items():
        lines.append("")
        lines.append(f"errors ({subset})")
        lines += _error_lines("missed gold quotes, longest first", lists.misses)
        lines += _error_lines("false alarms, most confident first", lists.false_alarms)
        lines += _error_lines("wrong speakers, most confident first", lists.wrong_speakers)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``quoteattr evaluate`` to ``parser``."""
    from quoteattr.cli import non_negative_int, positive_int

    parser.add_argument("gold", help="gold JSONL: one {id, text, quotes} per line")
    parser.add_argument(
        "--pred",
        metavar="PATH",
        help="predictions JSONL as written by `quoteattr extract` "
        "(default: run the pipeline on the gold texts)",
    )
    parser.add_argument(
        "--scope",
        choices=("speech", "attribution"),
        default="speech",
        help="what the pipeline extracts when it is run here (default: speech)",
    )
    parser.add_argument(
        "--subset",
        default=",".join(SUBSETS),
        help=f"comma-separated subsets to score, from {', '.join(SUBSETS)} (default: all three)",
    )
    parser.add_argument(
        "--errors",
        type=non_negative_int,
        default=0,
        metavar="N",
        help="list the N worst errors of each kind (default: 0)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the report as JSON (default: a table)"
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy model for the pipeline (default: $QUOTEATTR_MODEL, else en_core_web_sm)",
    )
    parser.add_argument(
        "--batch-size",
        type=positive_int,
        default=32,
        metavar="N",
        help="texts per batch (default: 32)",
    )


def _predict(gold_docs: Mapping[str, Doc], args: argparse.Namespace) -> dict[str, Doc]:
    from quoteattr.api import extract_many  # lazy: spaCy is only needed when we run the pipeline

    ids = list(gold_docs)
    results = extract_many(
        [gold_docs[doc_id]["text"] for doc_id in ids],
        model=args.model,
        batch_size=args.batch_size,
        scope=args.scope,
    )
    return {
        doc_id: {"id": doc_id, "quotes": [quote.to_dict() for quote in quotes]}
        for doc_id, quotes in zip(ids, results, strict=True)
    }


def run(args: argparse.Namespace) -> int:
    """Run ``quoteattr evaluate``: score predictions (given or computed) and print the report."""
    subsets = [s.strip() for s in args.subset.split(",") if s.strip()]
    unknown = [s for s in subsets if s not in SUBSETS]
    if unknown or not subsets:
        print(
            f"quoteattr evaluate: unknown subset {', '.join(unknown) or '(none)'}; "
            f"choose from {', '.join(SUBSETS)}",
            file=sys.stderr,
        )
        return 2
    try:
        gold_docs = load_jsonl(args.gold)
        pred_docs = load_jsonl(args.pred) if args.pred else None
    except (OSError, ValueError) as err:
        print(f"quoteattr evaluate: {err}", file=sys.stderr)
        return 2
    if pred_docs is None:
        pred_docs = _predict(gold_docs, args)
    elif gold_docs and not set(gold_docs) & set(pred_docs):
        print(
            "quoteattr evaluate: warning: no prediction id matches a gold id; "
            "were the predictions made from this gold file?",
            file=sys.stderr,
        )
    report = evaluate(gold_docs, pred_docs, subsets=subsets, errors=max(0, args.errors))
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0
