"""Per-document working state shared by the stages: paragraphs, quote marks, and quote drafts."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

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
    marked: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


class DocContext:
    """Indexes built once per Doc so that every rule can ask cheap questions."""

    def __init__(self, doc: Doc, lexicon: Lexicon, scope: str = "speech") -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.scope = scope
        self.paragraphs = paragraph_bounds(self.text) or [(0, len(self.text))]
        self._para_starts = [s for s, _ in self.paragraphs]
        self.marked: list[MarkedSpan] = find_marked_spans(self.text)
        n = len(doc)
        self.token_paragraph = [self.paragraph_of(t.idx) for t in doc]
        # token -> index of the marked span whose marks enclose it (marks included), else -1
        self.in_quote = [-1] * n
        self.marked_tokens: list[
            tuple[int, int]
        ] = []  # (first token, last token + 1), marks included
        starts = [t.idx for t in doc]
        for k, m in enumerate(self.marked):
            hi = m.close_mark + 1 if m.close_mark is not None else m.end
            a = max(bisect_right(starts, m.open_mark) - 1, 0)
            b = bisect_right(starts, hi - 1) if hi > 0 else 0
            for i in range(a, min(b, n)):
                if self.in_quote[i] == -1:
                    self.in_quote[i] = k
            self.marked_tokens.append((a, max(b, a)))

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self._para_starts, char) - 1, 0)

    def quoted(self, token: Token | int) -> bool:
        i = token if isinstance(token, int) else token.i
        return self.in_quote[i] != -1

    def span_chars(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")
