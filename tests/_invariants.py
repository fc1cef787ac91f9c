"""Invariants every extraction result must keep, shared by the robustness tests."""

from __future__ import annotations

from quoteattr.types import Quote


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check_quotes(text: str, quotes: list[Quote]) -> None:
    """Offsets lie in ``text`` and slice back; quotes are ordered, disjoint, not self-attributed."""
    n = len(text)
    for q in quotes:
        frags = list(q.fragments)
        assert frags, q
        if q.kind == "mixed":  # start/end are the reported clause around the quoted pieces
            assert q.start <= frags[0][0] and frags[-1][1] <= q.end, q
        else:
            assert q.start == frags[0][0] and q.end == frags[-1][1], q
        prev = -1
        for s, e in frags:
            assert 0 <= s < e <= n, (q, n)
            assert s >= prev, q
            prev = e
            assert text[s:e] in q.text, q
            assert text[s:e].strip(), f"blank fragment {(s, e)}: {q}"
        if q.kind == "direct":
            assert q.text == " ".join(text[s:e] for s, e in frags), q
        else:
            assert q.text == text[q.start : q.end], q
        if q.cue is not None:
            assert 0 <= q.cue.start < q.cue.end <= n, q
            assert text[q.cue.start : q.cue.end] == q.cue.text, q
            assert q.cue.text.strip(), f"blank cue: {q}"
            for f in frags:
                assert not _overlap((q.cue.start, q.cue.end), f), f"cue inside own quote: {q}"
        if q.speaker is not None:
            assert q.speaker.name.strip(), f"speaker without a name: {q}"
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert 0 <= m.start < m.end <= n, q
            assert text[m.start : m.end] == m.text, q
            assert m.text.strip(), f"blank speaker mention: {q}"
            for f in frags:
                assert not _overlap((m.start, m.end), f), f"speaker inside own quote: {q}"
        q.to_dict()  # the JSON form must build
    starts = [q.start for q in quotes]
    assert starts == sorted(starts), quotes
    for a, b in zip(quotes, quotes[1:], strict=False):
        for fa in a.fragments:
            for fb in b.fragments:
                assert not _overlap(fa, fb), f"overlapping quotes: {a} / {b}"
