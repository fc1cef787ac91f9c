"""A cheap check that a document is English, so that non-English text is not met with silence.

The rules are written for English: on German, Spanish or Russian text they find little or
nothing. Two signals from the Doc, no language model: the share of letters in the Latin
script, and the share of words that are English function words (the pipeline's own stop-word
flags). Running English prose has a third to a half of its words in that list; other languages
written in Latin letters have a tenth or less ("die", "que", "och" are not English). Text of
mostly capitalised words (a list of headlines, a table of names) is not judged.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_STOP, IS_TITLE
from spacy.tokens import Doc

SAMPLE_TOKENS = 400  # the check looks at the start of the document only
MIN_WORDS = 12  # fewer words (a headline, a caption) say too little to judge
MIN_LATIN = 0.5  # share of letters in Latin script
# Shares of English stop words below which text is not English: among all words, and among the
# lowercase ones (names, headings and code dilute the first: `“Jane Smith is wrong,” said Jane
# Smith` has 18% and 30%, a markdown file with code 13% and 25%; German, French, Spanish,
# Swedish, Dutch prose 6-12% and 3-20%).
MIN_FUNCTION_WORDS = 0.15
MIN_LOWERCASE_FUNCTION_WORDS = 0.25
MAX_CAPITALISED = 0.6  # more capitalised words than this: headlines, names, a table


def not_english_reason(doc: Doc, text: str | None = None) -> str | None:
    """Why ``doc`` is clearly not English ("mostly non-Latin script", …), or None.

    Read from the Doc's arrays (no Token objects); ``text`` is doc.text when the caller has it.
    """
    n = min(len(doc), SAMPLE_TOKENS)
    if n == 0:
        return None
    text = doc.text if text is None else text
    arr = doc.to_array([IS_ALPHA, IS_TITLE, IS_STOP, IDX])[:n]
    end = int(arr[-1, 3]) + len(doc[n - 1])
    letters = [c for c in text[int(arr[0, 3]) : end] if c.isalpha()]
    if len(letters) < 3 * MIN_WORDS:
        return None
    latin = sum(c <= "\u024f" for c in letters) / len(letters)
    if latin < MIN_LATIN:
        return f"{1 - latin:.0%} of its letters are not Latin script"
    words = arr[arr[:, 0] == 1]
    if len(words) < MIN_WORDS or int(words[:, 1].sum()) > MAX_CAPITALISED * len(words):
        return None
    function = int(words[:, 2].sum()) / len(words)
    lowercase = numpy.array([text[int(i)].islower() for i in words[:, 3]], dtype=bool)
    stops_lower = int(words[lowercase, 2].sum())
    lower_function = stops_lower / int(lowercase.sum()) if lowercase.any() else 0.0
    if function < MIN_FUNCTION_WORDS and lower_function < MIN_LOWERCASE_FUNCTION_WORDS:
        return f"only {function:.0%} of its words are English function words"
    return None
