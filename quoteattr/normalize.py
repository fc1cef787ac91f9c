"""Same-length text clean-up before tokenization, and the tokenizer wrapper that applies it
(and keeps title abbreviations such as "Capt." whole)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.attrs import ORTH
from spacy.tokens import Doc

# Characters that change tokenization but not meaning, mapped one-to-one so offsets hold.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
        "\r": "\n",
    }
)  # fmt: skip

# Lone surrogates (JSON allows "\udcff") cannot be encoded and crash spaCy's string store.
_SURROGATE = re.compile("[\ud800-\udfff]")


# spaCy's tokenizer strips affixes one at a time, re-scanning the rest of the word each time:
# quadratic in the length of a run without spaces (10,000 quote marks take ~12 s). No word or
# URL worth parsing is this long, so such runs get a space every _RUN_STEP characters.
_RUN_STEP = 200
_LONG_RUN = re.compile(rf"\S{{{2 * _RUN_STEP},}}")


def _break_run(match: re.Match[str]) -> str:
    run = match.group()
    return " ".join(run[i + (i > 0) : i + _RUN_STEP] for i in range(0, len(run), _RUN_STEP))


# `"Vote early." -Councilwoman Ada Brooks`: spaCy keeps a hyphen glued to the front of a word
# as part of it ("-Councilwoman"), so the dash trailer's speaker lost its title. After a space
# or a closing mark and before a capital, one or two hyphens are a dash: make them en dashes,
# which the tokenizer splits off.
_GLUED_DASH = re.compile("(?<![^\\s\"'\u201d\u2019])-{1,2}(?=[A-Z])")


def _en_dashes(match: re.Match[str]) -> str:
    return "\u2013" * len(match.group())


# "Osaka, May 3 (Kansai Wire)--Kenji Mori said": a wire dateline's closing bracket, glued to
# the name by a double hyphen, stays one word to the tokenizer and NER puts it in the name.
# The first hyphen becomes a space and the second an en dash, which the tokenizer splits off.
_DATELINE_DASH = re.compile("\\)--(?=[A-Z])")


# "O’Dowd", "D’Souza": the tagger reads a name with a curly apostrophe as an adverb and NER
# misses it; with a straight one it is a name. Only after a lone O, D or L and before a capital.
_NAME_APOSTROPHE = re.compile("(?<![\\w\u2019'])([ODL])\u2019(?=[A-Z])")


# Wire copy and plain-text feeds may be hard-wrapped: a line break every sixty-odd characters,
# inside sentences ("Inflation measures remain relatively⏎stable"). A break is a paragraph to
# every stage, so quotes, cues and names were cut at each one. A text is hard-wrapped when at
# least WRAPPED_MIN of its single line breaks, and a quarter of them, fall between a letter or
# comma and a lower-case letter; in such a text a single line break that ends no sentence
# becomes a space: before a lower-case letter, or after a line of WRAPPED_LINE characters or
# more that is not the text's first (a headline).
_MID_SENTENCE_BREAK = re.compile(r"(?<=[A-Za-z,;])\n(?=[a-z])")
_SINGLE_BREAK = re.compile(r"(?<![\n ])\n(?![\n ])")
WRAPPED_MIN = 3
WRAPPED_LINE = 40
_SENTENCE_END = frozenset(".!?:;\"”’)]'")


def _unwrap(text: str) -> str:
    singles = [m.start() for m in _SINGLE_BREAK.finditer(text)]
    mid = len(_MID_SENTENCE_BREAK.findall(text))
    if mid < WRAPPED_MIN or mid * 4 < len(singles):
        return text
    chars = list(text)
    for i in singles:
        if text[i - 1] in _SENTENCE_END or i + 1 >= len(text):
            continue
        line_start = text.rfind("\n", 0, i) + 1
        nxt = text[i + 1]
        if nxt.islower() or (
            line_start > 0 and i - line_start >= WRAPPED_LINE and (nxt.isalnum() or nxt in "(")
        ):
            chars[i] = " "
    return "".join(chars)


def normalize(text: str) -> str:
    """Same-length clean-up: non-breaking spaces and CR do not split names, nothing crashes.

    Every character maps to one character, so offsets into the result index ``text`` too.
    """
    text = text.translate(_SAME_LENGTH)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if _LONG_RUN.search(text):
        text = _LONG_RUN.sub(_break_run, text)
    if "-" in text:
        text = _GLUED_DASH.sub(_en_dashes, text)
        text = _DATELINE_DASH.sub(") \u2013", text)
    if "\u2019" in text:
        text = _NAME_APOSTROPHE.sub("\\1'", text)
    if "\n" in text:
        text = _unwrap(text)
    return text


class NormalizingTokenizer:
    """Wraps a pipeline's tokenizer so that it reads normalize(text): a name written with a
    non-breaking space is two ordinary words to the tagger, parser and NER, as in extract().

    The Doc's text is the normalized one, of the same length, so every offset into it indexes
    the caller's string. Everything else (serialization, rules, explain) is the wrapped
    tokenizer's.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(normalize(text))

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer" or name.startswith("__"):  # not set yet (copy, unpickling)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def normalize_tokenizer(nlp: Any, kept_whole: Iterable[str] = ()) -> None:
    """Make nlp's tokenizer read normalize(text), once, and keep the abbreviations
    ``kept_whole`` ("Capt.", "Cllr.") as one word each, so that their dot is no sentence end."""
    if not isinstance(nlp.tokenizer, NormalizingTokenizer):
        nlp.tokenizer = NormalizingTokenizer(nlp.tokenizer)
    for abbreviation in kept_whole:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
