"""A cheap check that a document is English, so that non-English text is not met with silence.

The rules are written for English: on German, Spanish or Russian text they find little or
nothing. Two signals from the Doc, no language model: the share of letters in the Latin
script, and the share of words that are English function words (the pipeline's own stop-word
flags). Running English prose has a third to a half of its words in that list; other languages
written in Latin letters have a tenth or less ("die", "que", "och" are not English). Text of
mostly capitalised words (a list of headlines, a table of names) is not judged.
"""

from __future__ import annotations

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


def not_english_reason(doc: Doc) -> str | None:
    """Why ``doc`` is clearly not English ("mostly non-Latin script", …), or None."""
    sample = doc[: min(len(doc), SAMPLE_TOKENS)]
    letters = [c for c in sample.text if c.isalpha()]
    if len(letters) < 3 * MIN_WORDS:
        return None
    latin = sum(c <= "\u024f" for c in letters) / len(letters)
    if latin < MIN_LATIN:
        return f"{1 - latin:.0%} of its letters are not Latin script"
    words = [t for t in sample if t.is_alpha]
    if len(words) < MIN_WORDS or sum(t.is_title for t in words) > MAX_CAPITALISED * len(words):
        return None
    function = sum(t.is_stop for t in words) / len(words)
    lowercase = [t for t in words if t.text[0].islower()]
    lower_function = sum(t.is_stop for t in lowercase) / len(lowercase) if lowercase else 0.0
    if function < MIN_FUNCTION_WORDS and lower_function < MIN_LOWERCASE_FUNCTION_WORDS:
        return f"only {function:.0%} of its words are English function words"
    return None
