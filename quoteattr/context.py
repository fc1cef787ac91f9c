"""Per-document working state shared by the stages: paragraphs, quote marks, and quote drafts."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy
from spacy.attrs import DEP, IDX, LOWER
from spacy.tokens import Doc, Span, Token

from quoteattr.cues import Lexicon
from quoteattr.marks import MarkedSpan, find_marked_spans, paragraph_bounds

SENT_END = frozenset({".", "?", "!"})


@dataclass
class Draft:
    """A quote while the stages work on it; turned into a stored record at the end."""

    fragments: list[tuple[int, int]]
    kind: str = "direct"
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    mention: Span | None = None
    method: str = "none"
    confidence: float = 0.3
    paragraph: int = 0
    name: str | None = None
    title: str | None = None
    label: str | None = None
    affiliation: str | None = None
    held_at: str | None = None
    members: list[dict[str, Any]] = field(default_factory=list)  # several speakers: each one
    marked: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


EDITORS_NOTE = re.compile(r"[\W_]*editor(?:'|\u2019)?s(?:'|\u2019)? note\b", re.IGNORECASE)


class DocContext:
    """Indexes built once per Doc so that every rule can ask cheap questions."""

    def __init__(
        self,
        doc: Doc,
        lexicon: Lexicon,
        scope: str = "speech",
        marked: list[MarkedSpan] | None = None,
        text: str | None = None,
    ) -> None:
        """``marked`` are the quote-mark spans of doc.text (the component's first stage);
        scanned here when not given, for tools and tests that build a context alone. ``text``
        is doc.text when the caller has it (spaCy rebuilds it from every token on access)."""
        self.doc = doc
        self.text = text if text is not None else doc.text
        self.lexicon = lexicon
        self.scope = scope
        self.paragraphs = paragraph_bounds(self.text) or [(0, len(self.text))]
        self._para_starts = [s for s, _ in self.paragraphs]
        # "Editor's note: …" paragraphs are the publisher speaking about the article: boilerplate
        # that repeats across a site's stories, never reporting. No quote is taken from them.
        self.notes = {
            k for k, (s, e) in enumerate(self.paragraphs) if EDITORS_NOTE.match(self.text, s, e)
        }
        self.marked: list[MarkedSpan] = (
            marked if marked is not None else find_marked_spans(self.text, lexicon.elisions)
        )
        n = len(doc)
        # Token offsets in one call instead of a Python loop over Token objects.
        starts = doc.to_array(IDX).astype(numpy.int64) if n else numpy.zeros(0, numpy.int64)
        para = numpy.searchsorted(numpy.asarray(self._para_starts), starts, side="right") - 1
        self.token_paragraph: list[int] = numpy.maximum(para, 0).tolist()
        # token -> index of the marked span whose marks enclose it (marks included), else -1
        self.in_quote = [-1] * n
        self.marked_tokens: list[
            tuple[int, int]
        ] = []  # (first token, last token + 1), marks included
        for k, m in enumerate(self.marked):
            hi = m.close_mark + 1 if m.close_mark is not None else m.end
            a = max(int(numpy.searchsorted(starts, m.open_mark, side="right")) - 1, 0)
            b = int(numpy.searchsorted(starts, hi - 1, side="right")) if hi > 0 else 0
            for i in range(a, min(b, n)):
                if self.in_quote[i] == -1:
                    self.in_quote[i] = k
            self.marked_tokens.append((a, max(b, a)))
        self._open_marks = [m.open_mark for m in self.marked]
        self._marks_sorted = self._open_marks == sorted(self._open_marks)

    @cached_property
    def colon_paragraphs(self) -> frozenset[int]:
        """Indexes of the paragraphs whose text ends in a colon ("The mayor wrote:"), built
        once: a block quotation may follow them."""
        return frozenset(
            k for k, (s, e) in enumerate(self.paragraphs) if self.text[s:e].rstrip().endswith(":")
        )

    @cached_property
    def that_marks(self) -> list[int]:
        """Indexes of "that" tokens parsed as a complementiser (dep mark), built once."""
        doc = self.doc
        if not len(doc):
            return []
        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, DEP])
        hit = (arr[:, 0] == strings.add("that")) & (arr[:, 1] == strings.add("mark"))
        return list(numpy.flatnonzero(hit).tolist())

    @cached_property
    def first_person_narration(self) -> bool:
        """Whether the writer tells the story as 'I' (a memoir, a letter, a column): three
        singular first-person pronouns outside quotes. Then 'I said, "…"' is a real speaker."""
        count = sum(
            1
            for tok in self.doc
            if tok.lower_ in ("i", "me", "my") and tok.pos_ == "PRON" and not self.quoted(tok)
        )
        return count >= 3

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self._para_starts, char) - 1, 0)

    def quoted(self, token: Token | int) -> bool:
        i = token if isinstance(token, int) else token.i
        return self.in_quote[i] != -1

    def span_chars(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def marked_from(self, start: int, end: int) -> list[int]:
        """Indexes k of the marked spans with open_mark >= start and content starting before
        end, in order: a bisect instead of a scan over every quote of the document."""
        if not self._marks_sorted:
            return [k for k, m in enumerate(self.marked) if m.open_mark >= start and m.start < end]
        out = []
        for k in range(bisect_left(self._open_marks, start), len(self.marked)):
            m = self.marked[k]
            if m.open_mark >= end:  # content starts after its opening mark
                break
            if m.start < end:
                out.append(k)
        return out


class DraftIndex:
    """Drafts by character range, to find those overlapping a range without scanning them all."""

    def __init__(self, drafts: list[Draft]) -> None:
        self._drafts = sorted(drafts, key=lambda d: d.start)
        self._starts = [d.start for d in self._drafts]
        self._max_end: list[int] = []  # the largest end among drafts[: k + 1]
        for d in self._drafts:
            self._max_end.append(max(d.end, self._max_end[-1] if self._max_end else d.end))

    def overlapping(self, start: int, end: int) -> Iterator[Draft]:
        """Drafts d with d.start < end and start < d.end (latest start first)."""
        k = bisect_left(self._starts, end) - 1
        while k >= 0 and self._max_end[k] > start:
            if self._drafts[k].end > start:
                yield self._drafts[k]
            k -= 1
