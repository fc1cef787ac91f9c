"""Properties over generated article-like text: never raises, offsets slice back, quotes are
disjoint, no one speaks inside their own quote, and batching does not change the answer."""

from __future__ import annotations

import os

import pytest
from _invariants import check_quotes
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from quoteattr.api import extract, extract_many, load_pipeline

# CI runs a fixed, derandomized sample; QUOTEATTR_PROPERTY_SCALE=20 explores 20x more at random.
SCALE = int(os.environ.get("QUOTEATTR_PROPERTY_SCALE", "1"))
SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=SCALE == 1,
    database=None,
)


def examples(n: int) -> settings:
    return settings(SETTINGS, max_examples=n * SCALE)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


# --- building blocks of a news article --------------------------------------------------------

NAMES = [
    "Ann Ross",
    "Bo Li",
    "Maria Lopez",
    "Dr. Kofi Mensah",
    "Tom O'Reilly",
    "the minister",
    "a spokeswoman for the council",
    "Mr. Reed",
    "he",
    "she",
    "they",
    "The company",
]
TITLES = ["the mayor", "a nurse", "chief executive of Brightwater Ltd", "who declined to comment"]
VERBS = ["said", "says", "told reporters", "added", "warned", "claimed", "asked", "explained"]
WORDS = (
    "we will not give up on this town it's the people's choice don't they know "
    "rock 'n' roll the '90s were hard Smiths' house budget cuts are wrong and "
    "the bridge opens in May nobody asked us"
).split()
QUOTE_STYLES = [
    ("\u201c", "\u201d"),  # “ ”
    ('"', '"'),
    ("\u2018", "\u2019"),  # ‘ ’
    ("'", "'"),
    ("\u00ab", "\u00bb"),  # « »
    ("\u201e", "\u201c"),  # „ “
    ("\u201c", ""),  # left open
    ("", "\u201d"),  # stray closer
    ("&quot;", "&quot;"),
    ("``", "''"),
]
NOISE = st.lists(
    st.sampled_from(
        list("\u201c\u201d\u2018\u2019\"'«»—–-…,.;:!?()[]<>/&#")
        + ["\u200b", "\u00a0", "\r", "\n", "\t", "\x00", "\x07", "\ufeff", "é", "ß", "中", "😀"]
        + ["<p>", "</p>", "&amp;", "&#8220;", "http://x.co/a'b\"", "\udcff"]
    ),
    max_size=6,
).map("".join)

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    op, cl = draw(st.sampled_from(QUOTE_STYLES))
    name, verb, title = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), None
    if draw(st.booleans()):
        title = draw(st.sampled_from(TITLES))
    who = f"{name}, {title}," if title else name
    content, more = draw(words), draw(words)
    shape = draw(st.integers(0, 7))
    if shape == 0:
        s = f"{op}{content.capitalize()},{cl} {who} {verb}."
    elif shape == 1:
        s = f"{who} {verb}: {op}{content.capitalize()}.{cl}"
    elif shape == 2:
        s = f"{who} {verb} that {content}."
    elif shape == 3:
        s = f"{op}{content.capitalize()},{cl} {verb} {who} {op}{more}.{cl}"
    elif shape == 4:
        s = f"According to {who} {content}."
    elif shape == 5:
        s = f"{op}{content.capitalize()}.{cl}"  # no speaker at all
    elif shape == 6:
        s = f"{who} {verb} the plan was {op}{content}{cl} and {op}{more}{cl}."
    else:
        s = f"{content.capitalize()}."
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(s)))
        s = s[:at] + draw(NOISE) + s[at:]
    return s


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:  # a quote running over several paragraphs
        op, cl = draw(st.sampled_from(QUOTE_STYLES[:2]))
        parts = draw(st.lists(words, min_size=2, max_size=4))
        body = "\n\n".join(f"{op}{p.capitalize()}." for p in parts)
        return f"{body}{cl} {draw(st.sampled_from(NAMES))} said."
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=3)))


@st.composite
def article(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(paragraph(), min_size=1, max_size=5))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n", " ", "\n \n", "\u2029"]))
    text = sep.join(paragraphs)
    return draw(NOISE) + text + draw(NOISE)


SCRAP = (
    WORDS
    + [w for n in NAMES for w in n.split()]
    + [w for v in VERBS for w in v.split()]
    + [m for pair in QUOTE_STYLES for m in pair if m]
    + list(",.:;—-!?()")
    + ["according", "to", "that", "\n", "\n\n", "'s", "n't"]
)


@st.composite
def scrambled(draw: st.DrawFn) -> str:
    """Article words, names, verbs and marks in any order: syntax the rules never expect."""
    pieces = draw(st.lists(st.sampled_from(SCRAP), min_size=1, max_size=60))
    glue = draw(st.lists(st.sampled_from(["", " ", " ", " ", "\n"]), min_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue, strict=False))


# --- properties ---------------------------------------------------------------------------------


@examples(300)
@given(text=article())
@example(text="“We won,” said Ann “Ross.”")  # found by this property: speaker inside quote
@example(
    text="According to the minister, chief executive of Brightwater Ltd, 'n' cuts we we Smiths'."
)
@example(  # found by this property: a clause parsed across a paragraph, '.' as its subject
    text="Ann Ross, the mayor, said the plan was «we» and «the».\n\n"
    "'We,' a spokeswoman for the council said."
)
def test_article_like_text_keeps_every_invariant(text, nlp):
    check_quotes(text, extract(text, nlp=nlp))


@examples(150)
@given(text=scrambled())
def test_scrambled_text_keeps_every_invariant(text, nlp):
    check_quotes(text, extract(text, nlp=nlp))


@examples(150)
@given(text=st.text(max_size=200))
def test_any_string_keeps_every_invariant(text, nlp):
    check_quotes(text, extract(text, nlp=nlp))


@examples(30)
@given(texts=st.lists(article(), min_size=1, max_size=6), batch_size=st.integers(1, 4))
def test_results_do_not_depend_on_batch_size(texts, batch_size, nlp):
    one_by_one = [extract(t, nlp=nlp) for t in texts]
    assert list(extract_many(texts, nlp=nlp, batch_size=batch_size)) == one_by_one
    assert list(extract_many(texts, nlp=nlp, batch_size=64)) == one_by_one


@examples(60)
@given(text=article(), limit=st.integers(40, 400))
def test_split_long_text_keeps_every_invariant(text, limit, nlp, monkeypatch_module):
    monkeypatch_module.setattr(nlp, "max_length", limit)
    try:
        check_quotes(text, extract(text, nlp=nlp))
    finally:
        monkeypatch_module.undo()


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_results_do_not_depend_on_n_process(nlp):
    texts = [
        "“We will win,” said Ann Ross, the mayor.\n\nBo Li said that the bridge opens in May.",
        "",
        "“Nobody asked us,” she said. “Not once.”",
        "According to the minister, budget cuts are wrong.",
        "Plain text without any quotation at all.",
        "“Open and never closed, said Tom Reed.",
    ]
    single = list(extract_many(texts, nlp=nlp, n_process=1, batch_size=2))
    assert list(extract_many(texts, nlp=nlp, n_process=2, batch_size=2)) == single
    assert sum(map(len, single)) >= 3
