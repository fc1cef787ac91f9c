"""Direct quotes from quote marks: pairs “…”, "…", ‘…’, «…» etc. in plain text, no spaCy."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["MAX_UNCLOSED", "MarkedSpan", "find_marked_spans", "is_apostrophe", "paragraph_bounds"]

# An opening mark whose closer would lie further than this inside one paragraph is taken
# to be a pairing error: the quote is cut at its paragraph's end as unclosed.
MAX_UNCLOSED = 2000


@dataclass(frozen=True)
class MarkedSpan:
    """One quotation found from its marks; all offsets index the original string."""

    start: int  # first content character (just after the opening mark)
    end: int  # just past the last content character
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when unclosed
    pieces: tuple[tuple[int, int], ...]  # one (start, end) per paragraph the quote covers
    words: int  # words in the content


# --- characters -------------------------------------------------------------------------------

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c]+")
_MARK_RE = re.compile("[\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a]")
_WORD_RE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff]+")
_TOKEN_RE = re.compile(r"\S+")

LDQ, RDQ, LSQ, RSQ = "\u201c", "\u201d", "\u2018", "\u2019"  # “ ” ‘ ’
LOW_D, LOW_S = "\u201e", "\u201a"  # „ ‚
LGUIL, RGUIL, LANG, RANG = "\u00ab", "\u00bb", "\u2039", "\u203a"  # « » ‹ ›

# Non-space characters after which a mark reads as opening, and before which it reads as closing.
_OPEN_CTX = "([{<-/\u2013\u2014" + LDQ + LSQ + LOW_D + LOW_S + LGUIL + LANG
_CLOSE_CTX = ".,;:!?)]}>-/\u2013\u2014\u2026*\"'" + RDQ + RSQ + RGUIL + RANG
_URL_LEAD = "\"'([<{" + LDQ + LSQ + LOW_D + LOW_S + LGUIL + LANG
_URL_TRAIL = ".,;:!?)]}>\"'" + RDQ + RSQ + RGUIL + RANG + LDQ + LSQ


# Pairing classes: straight/curly double, straight/curly single, guillemets, single guillemets.
_D_STRAIGHT, _D_CURLY, _S_STRAIGHT, _S_CURLY, _GUIL, _ANGLE = "D'", "Dc", "S'", "Sc", "G", "A"
_FAMILY_OF_CLASS = {
    _D_STRAIGHT: "D",
    _D_CURLY: "D",
    _S_STRAIGHT: "S",
    _S_CURLY: "S",
    _GUIL: "G",
    _ANGLE: "A",
}
_OPEN_CLASS = {
    '"': _D_STRAIGHT,
    LDQ: _D_CURLY,
    RDQ: _D_CURLY,  # only when typed for “ at a paragraph or word start
    LOW_D: _D_CURLY,
    "'": _S_STRAIGHT,
    LSQ: _S_CURLY,
    LOW_S: _S_CURLY,
    LGUIL: _GUIL,
    LANG: _ANGLE,
}
# Marks that may re-open a quote at the start of its next paragraph, by family.
_REOPEN = {"D": '"' + LDQ + LOW_D, "S": "'" + LSQ + LOW_S, "G": LGUIL, "A": LANG}


def _sp(c: str | None) -> bool:
    return c is not None and (c.isspace() or c in _ZERO_WIDTH)


def _alnum(c: str | None) -> bool:
    return c is not None and c.isalnum()


def _opens_after(p: str | None) -> bool:
    return p is None or _sp(p) or p in _OPEN_CTX


def _closes_before(n: str | None) -> bool:
    return n is None or _sp(n) or n in _CLOSE_CTX


# --- apostrophes ------------------------------------------------------------------------------


def default_elisions() -> frozenset[str]:
    """The words an apostrophe stands in front of ('tis, 'em, rock 'n' roll, 'cause ...): the
    default lexicon's data/elisions.txt. A pipeline passes its own lexicon's."""
    from quoteattr.cues import default_lexicon  # spaCy only when no list is given

    return default_lexicon().elisions


def _elision_after(text: str, i: int, end: int, elisions: frozenset[str]) -> bool:
    """Is text[i] followed by a listed elided word ('tis, 'em, 'n) and then a non-letter?"""
    j = i + 1
    limit = min(end, i + 8)
    while j < limit and text[j].isalpha():
        j += 1
    if j == i + 1 or (j < end and text[j].isalpha()):
        return False
    return text[i + 1 : j].lower() in elisions


def _year_after(text: str, i: int, end: int) -> bool:
    """Is text[i] followed by a two-digit year ('90s, ’08)?"""
    return (
        i + 2 < end
        and text[i + 1].isdigit()
        and text[i + 2].isdigit()
        and (i + 3 >= end or not text[i + 3].isdigit())
    )


def _n_tail(text: str, i: int, start: int) -> bool:
    """Is text[i] the second mark of a spaced ’n’ ("rock ’n’ roll")?"""
    return (
        i - 2 >= start
        and text[i - 1] in "nN"
        and text[i - 2] in "'" + LSQ + RSQ
        and (i - 3 < start or _sp(text[i - 3]))
    )


def _n_head(text: str, i: int, end: int) -> bool:
    """Is text[i] the first mark of a spaced 'n' ("rock 'n' roll"), whatever follows?"""
    return (
        i + 3 <= end
        and text[i + 1] in "nN"
        and text[i + 2] in "'" + RSQ
        and (i + 3 == end or _sp(text[i + 3]))
    )


def _possessive_shape(text: str, i: int, start: int, end: int) -> bool:
    """Is text[i] after a word ending in s and followed by space and a lowercase word?"""
    if not (i - 2 >= start and text[i - 1] in "sS" and text[i - 2].isalpha()):
        return False
    j = i + 1
    if j >= end or not _sp(text[j]):
        return False
    while j < end and _sp(text[j]):
        j += 1
    return j < end and text[j].islower()


def is_apostrophe(text: str, i: int, elisions: frozenset[str] | None = None) -> bool:
    """Is the ' or ’ at text[i] an apostrophe rather than a quote mark?

    Judged from local context only (letters on both sides, '90s, listed elisions -- ``elisions``,
    by default data/elisions.txt --, rock 'n' roll, possessive plurals). find_marked_spans goes
    further: it also ignores a ’ when no single quote is open, and keeps a possessive-looking ’
    as a closer when no other closer follows.
    """
    if not 0 <= i < len(text) or text[i] not in ("'", RSQ):
        return False
    n = len(text)
    p = text[i - 1] if i > 0 else None
    nx = text[i + 1] if i + 1 < n else None
    if _alnum(p) and _alnum(nx):
        return True
    if elisions is None:
        elisions = default_elisions()
    if not _alnum(p) and (_year_after(text, i, n) or _elision_after(text, i, n, elisions)):
        return True
    return _n_tail(text, i, 0) or _possessive_shape(text, i, 0, n)


# --- paragraphs -------------------------------------------------------------------------------


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, trimmed of surrounding whitespace; blank lines skipped.

    Any line break (\\n, \\r\\n, \\r, U+2028/2029 ...) ends a paragraph: news text often puts one
    paragraph per line.
    """
    out: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and _sp(text[s]):
            s += 1
        while e > s and _sp(text[e - 1]):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# --- pairing ----------------------------------------------------------------------------------


def _strip_spaces(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without the spaces (zero-width ones too) at either end."""
    while s < e and _sp(text[s]):
        s += 1
    while e > s and _sp(text[e - 1]):
        e -= 1
    return s, e


# a markup tag with attributes: <tweet id="77" author="@x">; its marks quote nothing
_TAG_RE = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))?)*"
    r"\s*/?>"
)


def _url_ranges(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Spans whose quote marks are not quotation marks: URLs, markup tags and code, in order."""
    urls = _only_urls(text, ps, pe) + _code_ranges(text, ps, pe)
    if text.find("<", ps, pe) < 0:
        return sorted(urls)
    tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(text, ps, pe) if "=" in m.group()]
    return sorted(urls + tags)


# Code inside prose: `inline code`, <code>…</code>, and a string literal passed to a call or
# assigned to a name (print("…"), msg = "…") -- its marks delimit a string, not a quotation.
_CODE_RE = re.compile(
    r"`[^`\n]+`"
    r"|<(code|pre|kbd|samp)\b[^>]*>.*?</\1>"
    r"|\b[A-Za-z_][\w.]*\(\s*(\"[^\"\n]*\"|'[^'\n]*')"
    r"|\b[A-Za-z_]\w*\s*=\s*(\"[^\"\n]*\"|'[^'\n]*')",
    re.IGNORECASE,
)


def _code_ranges(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    chunk = text[ps:pe]
    if not any(c in chunk for c in "`(=") and "<" not in chunk:
        return []
    return [(m.start(), m.end()) for m in _CODE_RE.finditer(text, ps, pe)]


def _only_urls(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    if text.find("://", ps, pe) < 0 and "www." not in text[ps:pe].lower():
        return []
    out: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text, ps, pe):
        a, b = m.start(), m.end()
        while a < b and text[a] in _URL_LEAD:
            a += 1
        core = b
        while core > a and text[core - 1] in _URL_TRAIL:
            core -= 1
        tok = text[a:core]
        if "://" in tok or tok[:4].lower() == "www.":
            # ?q="a" -- a mark left unbalanced inside the URL is closed by the one after it
            if core < b and text[core] in "\"'" and tok.count(text[core]) % 2 == 1:
                core += 1
            out.append((a, core))
    return out


class _Scanner:
    """Single pass over the paragraphs, keeping a stack of open marks per paragraph."""

    def __init__(self, text: str, elisions: frozenset[str]) -> None:
        self.text = text
        self.elisions = elisions
        self.spans: list[MarkedSpan] = []
        # A quote left open at the end of a paragraph, waiting to see if the next re-opens it:
        # (opening mark offset, its pairing class, pieces so far).
        self.pending: tuple[int, str, list[tuple[int, int]]] | None = None

    # -- output

    def emit(self, open_mark: int, close_mark: int | None, raw: list[tuple[int, int]]) -> None:
        text = self.text
        pieces: list[tuple[int, int]] = []
        words = 0
        for s, e in raw:
            s, e = _strip_spaces(text, s, e)
            if s < e:
                pieces.append((s, e))
                for m in _WORD_RE.finditer(text, s, e):
                    if any(ch.isalnum() for ch in m.group()):
                        words += 1
        if pieces:
            self.spans.append(
                MarkedSpan(pieces[0][0], pieces[-1][1], open_mark, close_mark, tuple(pieces), words)
            )

    def flush_pending(self) -> None:
        if self.pending is not None:
            open_mark, _, pieces = self.pending
            self.emit(open_mark, None, pieces)
            self.pending = None

    # -- one paragraph

    def single_lookahead(self, ps: int, pe: int, urls: list[tuple[int, int]]) -> dict[int, bool]:
        """For each single mark: does a real-looking closer follow before any new opener?"""
        text = self.text
        singles = [
            m.start()
            for m in _MARK_RE.finditer(text, ps, pe)
            if m.group() in ("'", LSQ, RSQ, LOW_S) and not _in_ranges(urls, m.start())
        ]
        ahead: dict[int, bool] = {}
        next_close: int | None = None
        next_open: int | None = None
        for i in reversed(singles):
            ahead[i] = next_close is not None and (next_open is None or next_open > next_close)
            c = text[i]
            p = text[i - 1] if i > ps else None
            n = text[i + 1] if i + 1 < pe else None
            if _alnum(p) and _alnum(n):
                continue
            if c in (LSQ, LOW_S) or (c == "'" and _opens_after(p)):
                if (
                    n is not None
                    and not _sp(n)
                    and not (_year_after(text, i, pe) or _elision_after(text, i, pe, self.elisions))
                ):
                    next_open = i
            elif (
                c in ("'", RSQ)
                and p is not None
                and not _sp(p)
                and not (c == "'" and p.isdigit())
                and _closes_before(n)
                and not _n_tail(text, i, ps)
                and not _possessive_shape(text, i, ps, pe)
            ):
                next_close = i
        return ahead

    def paragraph(self, ps: int, pe: int) -> None:
        """Pair the marks of one paragraph in one pass; each mark goes to its handler."""
        text = self.text
        urls = _url_ranges(text, ps, pe)
        para = _Paragraph(self, ps, pe)
        if any(ch in text[ps:pe] for ch in ("'", LSQ, RSQ, LOW_S)):
            para.ahead = self.single_lookahead(ps, pe, urls)

        start_scan = ps
        if self.pending is not None:
            open_mark, cls, prev = self.pending
            if _continues(text, ps, pe, cls):
                self.pending = None
                if _OPEN_CLASS[text[ps]] == cls:
                    para.push(text[ps], ps)
                    start_scan = ps + 1
                else:  # a block quote in " around a “…” that opens this paragraph: nested
                    para.push(_OPENER_OF_CLASS[cls], ps)
                    para.piece_start = start_scan = ps
                para.outer_open, para.pieces = open_mark, prev
            else:
                self.flush_pending()

        if '"' in text[ps:pe] or RDQ in text[ps:pe]:
            para.doubles_left = text.count('"', start_scan, pe) + text.count(RDQ, start_scan, pe)
        stack = para.stack
        capped = False
        url_i = 0
        for m in _MARK_RE.finditer(text, start_scan, pe):
            i = m.start()
            c = m.group()
            if c in ('"', RDQ):
                para.doubles_left -= 1
            while url_i < len(urls) and urls[url_i][1] <= i:
                url_i += 1
            if url_i < len(urls) and urls[url_i][0] <= i:
                continue
            if stack and i - stack[0][1] > MAX_UNCLOSED:
                capped = True
                break
            p = text[i - 1] if i > ps else None
            n = text[i + 1] if i + 1 < pe else None
            _HANDLERS[c](para, c, i, p, n)

        if stack:
            raw = para.pieces + [(para.piece_start, pe)]
            if capped or pe - stack[0][1] > MAX_UNCLOSED:
                self.emit(para.outer_open, None, raw)
            else:
                self.pending = (para.outer_open, stack[0][2], raw)


class _Paragraph:
    """The pairing state of one paragraph -- a stack of open marks -- and one handler per kind
    of mark: each handler gets the mark ``c`` at ``i`` and the characters before (``p``) and
    after (``n``) it in the paragraph, and opens a quote, closes one, or passes."""

    def __init__(self, scanner: _Scanner, ps: int, pe: int) -> None:
        self.scanner = scanner
        self.text = scanner.text
        self.elisions = scanner.elisions
        self.ps, self.pe = ps, pe
        # single marks: does a real-looking closer follow before any new opener? (lookahead)
        self.ahead: dict[int, bool] | None = None
        self.doubles_left = 0  # " and ” still to come in the paragraph
        # Stack of open marks: (char, offset, class); per class, the stack indexes holding it.
        self.stack: list[tuple[str, int, str]] = []
        self.by_class: dict[str, list[int]] = {k: [] for k in _FAMILY_OF_CLASS}
        self.outer_open = -1  # offset of the outermost opening mark (maybe in an earlier paragraph)
        self.pieces: list[tuple[int, int]] = []
        self.piece_start = ps

    # -- the stack

    def push(self, c: str, i: int) -> None:
        if not self.stack:
            self.outer_open, self.pieces, self.piece_start = i, [], i + 1
        cls = _OPEN_CLASS[c]
        self.by_class[cls].append(len(self.stack))
        self.stack.append((c, i, cls))

    def nearest(self, *classes: str) -> int | None:
        best: int | None = None
        for cls in classes:
            lst = self.by_class[cls]
            if lst and (best is None or lst[-1] > best):
                best = lst[-1]
        return best

    def close(self, k: int, i: int) -> None:
        stack = self.stack
        while len(stack) > k:
            _, _, cls = stack.pop()
            self.by_class[cls].pop()
        if k == 0:
            self.scanner.emit(self.outer_open, i, self.pieces + [(self.piece_start, i)])

    def _ahead(self, i: int) -> bool:
        return self.ahead is not None and self.ahead[i]

    # -- double marks: " “ ” „

    def straight_double(self, c: str, i: int, p: str | None, n: str | None) -> None:
        k = self.nearest(_D_STRAIGHT)
        if k is None:
            k = self.nearest(_D_CURLY)
        p_sp, n_sp = p is None or _sp(p), n is None or _sp(n)
        if p is not None and p.isdigit():  # 12" pipe, 6'2": inches unless plainly closing
            if k is not None and self.doubles_left == 0 and _closes_before(n):
                self.close(k, i)
        elif not n_sp and not p_sp:
            if p is not None and p in _OPEN_CTX:
                self.push(c, i)
            elif k is not None:
                self.close(k, i)
            elif _alnum(n):
                self.push(c, i)
        elif not p_sp:
            if k is not None:
                self.close(k, i)
        elif not n_sp:
            self.push(c, i)
        elif k is not None and _closes_before(_prev_visible(self.text, i, self.ps)):
            self.close(k, i)  # 'a term,' " he said -- a spaced closer after a nested one

    def curly_double_close(self, c: str, i: int, p: str | None, n: str | None) -> None:
        k = self.nearest(_D_CURLY)
        if k is None:
            k = self.nearest(_D_STRAIGHT)
        if k is not None:
            self.close(k, i)
        elif (
            (p is None or _sp(p))
            and self.doubles_left > 0
            and (
                _alnum(n)
                # "” We will,” she said" opening a paragraph: typed for “, with a space after it
                or p is None
                and n == " "
                and i + 2 < self.pe
                and self.text[i + 2].isupper()
            )
        ):
            self.push(c, i)  # a ” typed for “ ("”We will,” she said"): a closer follows

    def curly_double_open(self, c: str, i: int, p: str | None, n: str | None) -> None:
        k = self.nearest(_D_CURLY, _D_STRAIGHT)
        if (
            k is not None
            and not (p is None or _sp(p))
            and (self.stack[k][0] == LOW_D or n is None or _sp(n) or n in ".,;:!?")
        ):
            self.close(k, i)
        elif n is not None:  # unambiguous opener, even if sloppily followed by a space
            self.push(c, i)

    # -- openers that never close: „ « ‹

    def opener(self, c: str, i: int, p: str | None, n: str | None) -> None:
        if n is not None:
            self.push(c, i)

    # -- guillemet closers: » ›

    def guillemet_close(self, c: str, i: int, p: str | None, n: str | None) -> None:
        k = self.nearest(_GUIL if c == RGUIL else _ANGLE)
        if k is not None:
            self.close(k, i)

    # -- single marks: ' ‘ ’ ‚, which may be apostrophes

    def curly_single_close(self, c: str, i: int, p: str | None, n: str | None) -> None:
        if _alnum(p) and _alnum(n):
            return  # don’t, o’clock: apostrophe
        k = self.nearest(_S_CURLY)
        if k is None:
            k = self.nearest(_S_STRAIGHT)
        if k is None or p is None or _sp(p) or _n_tail(self.text, i, self.ps):
            return
        if _possessive_shape(self.text, i, self.ps, self.pe) and self._ahead(i):
            return
        self.close(k, i)

    def straight_single(self, c: str, i: int, p: str | None, n: str | None) -> None:
        if _alnum(p) and _alnum(n):
            return  # don't, o'clock, rock'n'roll: apostrophe
        text, ps, pe = self.text, self.ps, self.pe
        k = self.nearest(_S_STRAIGHT)
        if k is None:
            k = self.nearest(_S_CURLY)
        p_sp = p is None or _sp(p)
        if not p_sp and _closes_before(n):
            if k is None or _n_tail(text, i, ps):
                return
            if (p is not None and p.isdigit()) or _possessive_shape(text, i, ps, pe):
                if self._ahead(i):
                    return
            self.close(k, i)
        elif _opens_after(p) and not (n is None or _sp(n)):
            if _year_after(text, i, pe) or _n_head(text, i, pe):
                return
            if _elision_after(text, i, pe, self.elisions) and not self._ahead(i):
                return
            self.push(c, i)

    def curly_single_open(self, c: str, i: int, p: str | None, n: str | None) -> None:
        if _alnum(p) and _alnum(n):
            return  # between letters: an apostrophe typed with the opening mark
        text, pe = self.text, self.pe
        k = self.nearest(_S_CURLY, _S_STRAIGHT)
        if k is not None and self.stack[k][0] == LOW_S and not (p is None or _sp(p)):
            self.close(k, i)
        elif n is None or _sp(n) or _n_head(text, i, pe):
            return
        elif (
            _year_after(text, i, pe) or _elision_after(text, i, pe, self.elisions)
        ) and not self._ahead(i):
            return
        else:
            self.push(c, i)

    def low_single(self, c: str, i: int, p: str | None, n: str | None) -> None:
        if _alnum(p) and _alnum(n):
            return  # between letters: not a quote mark
        if not (n is None or _sp(n)):
            self.push(c, i)


# Every mark _MARK_RE finds, to its handler.
_HANDLERS: dict[str, Callable[[_Paragraph, str, int, str | None, str | None], None]] = {
    '"': _Paragraph.straight_double,
    LDQ: _Paragraph.curly_double_open,
    RDQ: _Paragraph.curly_double_close,
    LOW_D: _Paragraph.opener,
    LGUIL: _Paragraph.opener,
    LANG: _Paragraph.opener,
    RGUIL: _Paragraph.guillemet_close,
    RANG: _Paragraph.guillemet_close,
    "'": _Paragraph.straight_single,
    LSQ: _Paragraph.curly_single_open,
    RSQ: _Paragraph.curly_single_close,
    LOW_S: _Paragraph.low_single,
}


# The closing mark of each double-quote style, for a continuation typed in the other style.
_CLOSER_OF_CLASS = {_D_STRAIGHT: '"', _D_CURLY: RDQ}
_OPENER_OF_CLASS = {_D_STRAIGHT: '"', _D_CURLY: LDQ}


def _continues(text: str, ps: int, pe: int, cls: str) -> bool:
    """Does the paragraph at ps re-open a quote of class cls left open by the last one?

    A continuation re-opens with the same style of mark. A writer who opened with a straight "
    does not re-open with a curly one, so `"Kevin slept.` followed by a paragraph starting “ is
    a stray mark before a new quote -- unless that paragraph goes on to close the first style
    (a block quote marked with straight quotes around curly inner ones: `"…` / `“…,” he
    said."`).
    """
    opener = _OPEN_CLASS.get(text[ps])
    if opener is None or text[ps] not in _REOPEN[_FAMILY_OF_CLASS[cls]]:
        return False
    if opener == cls:
        return True
    closer = _CLOSER_OF_CLASS.get(cls)
    return closer is not None and closer in text[ps + 1 : pe]


def _prev_visible(text: str, i: int, start: int) -> str | None:
    """The last non-space character before text[i] in its paragraph, if any."""
    j = i - 1
    while j >= start and _sp(text[j]):
        j -= 1
    return text[j] if j >= start else None


def _in_ranges(ranges: list[tuple[int, int]], i: int) -> bool:
    k = bisect.bisect_right(ranges, (i, sys.maxsize)) - 1
    return k >= 0 and ranges[k][0] <= i < ranges[k][1]


def find_marked_spans(text: str, elisions: frozenset[str] | None = None) -> list[MarkedSpan]:
    """Every top-level quotation delimited by quote marks, sorted by start, non-overlapping.

    Nested quotes stay inside their outer quote; a quote running over several paragraphs (re-opened
    at each paragraph start, closed in the last) is one span with one piece per paragraph; an
    unclosed quote ends at its paragraph's end with close_mark None. ``elisions`` are the words
    an apostrophe stands in front of (a lexicon's; data/elisions.txt when not given).
    """
    if not isinstance(text, str) or not text:
        return []
    scanner = _Scanner(text, default_elisions() if elisions is None else elisions)
    for ps, pe in paragraph_bounds(text):
        scanner.paragraph(ps, pe)
    scanner.flush_pending()
    return scanner.spans
