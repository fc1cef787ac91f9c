"""Tests for quoteattr.marks: quote-mark pairing, apostrophes, paragraphs, offsets."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.marks import (
    MAX_UNCLOSED,
    MarkedSpan,
    find_marked_spans,
    is_apostrophe,
    paragraph_bounds,
)

_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


def check_invariants(text: str, spans: list[MarkedSpan]) -> None:
    prev_end = -1
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        prev_end = s.end
        assert s.open_mark < s.start
        if s.close_mark is not None:
            assert s.end <= s.close_mark < len(text)
        assert s.pieces
        assert s.pieces[0][0] == s.start and s.pieces[-1][1] == s.end
        for a, b in s.pieces:
            assert s.start <= a < b <= s.end
            assert not text[a].isspace() and not text[b - 1].isspace()
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        # words of the content: runs between (zero-width) spaces with a letter or digit
        runs = [w for a, b in s.pieces for w in _SPACES.split(text[a:b])]
        assert s.words == sum(any(ch.isalnum() for ch in w) for w in runs)


# --- typed pairs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," the mayor said.', ["We will win,"]),
        ("“We will win,” the mayor said.", ["We will win,"]),
        ("‘We will win,’ the mayor said.", ["We will win,"]),
        ("'We will win,' the mayor said.", ["We will win,"]),
        ("«We will win», the mayor said.", ["We will win"]),
        ("« We will win », the mayor said.", ["We will win"]),
        ("‹We will win›, the mayor said.", ["We will win"]),
        ("„We will win“, the mayor said.", ["We will win"]),
        ("„We will win”, the mayor said.", ["We will win"]),
        ("The mayor said: “We will win.”", ["We will win."]),
        ('The mayor said:"We will win."', ["We will win."]),
        ("(“We will win”)", ["We will win"]),
        ("—“We will win,” she said.", ["We will win,"]),
    ],
)
def test_typed_pairs(text: str, expected: list[str]) -> None:
    spans = find_marked_spans(text)
    assert contents(text) == expected
    check_invariants(text, spans)
    assert spans[0].close_mark is not None
    assert text[spans[0].open_mark] in "\"'“‘«‹„"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Mixed marks,” he said.', ["Mixed marks,"]),
        ('“Mixed marks," he said.', ["Mixed marks,"]),
        ('“One," he said. “Two,” she said.', ["One,", "Two,"]),
        ('"One,” he said. "Two," she said.', ["One,", "Two,"]),
    ],
)
def test_mixed_straight_and_curly(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_two_quotes_in_one_paragraph() -> None:
    text = '"First bit," said Ana Lopes, a teacher. "Second bit, longer than the first."'
    assert contents(text) == ["First bit,", "Second bit, longer than the first."]


def test_offsets_and_marks() -> None:
    text = "Ed said “hi there” twice."
    (s,) = find_marked_spans(text)
    assert s.open_mark == text.index("“")
    assert s.close_mark == text.index("”")
    assert (s.start, s.end) == (s.open_mark + 1, s.close_mark)
    assert s.pieces == ((s.start, s.end),)
    assert s.words == 2


def test_content_is_trimmed() -> None:
    text = "He said “  padded words \t” and left."
    (s,) = find_marked_spans(text)
    assert text[s.start : s.end] == "padded words"


@pytest.mark.parametrize("text", ['She said "" twice.', "“”", "“   ”", "'' ok", "« »"])
def test_empty_content_not_returned(text: str) -> None:
    assert find_marked_spans(text) == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("“One two three,” he said.", 3),
        ("“It’s 5 o’clock — go!” he said.", 4),
        ("“Hi”", 1),
    ],
)
def test_word_count(text: str, words: int) -> None:
    (s,) = find_marked_spans(text)
    assert s.words == words


# --- nesting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“He told me ‘never again’ and left,” she said.",
            ["He told me ‘never again’ and left,"],
        ),
        (
            "\"He told me 'never again' and left,\" she said.",
            ["He told me 'never again' and left,"],
        ),
        (
            '“I said "no" to him,” she said.',
            ['I said "no" to him,'],
        ),
        (
            "‘She shouted “stop” at us,’ he said.",
            ["She shouted “stop” at us,"],
        ),
        (
            "“He kept saying ‘wait’, ‘wait’, ‘wait’,” she said.",
            ["He kept saying ‘wait’, ‘wait’, ‘wait’,"],
        ),
    ],
)
def test_nested_quotes_stay_inside(text: str, expected: list[str]) -> None:
    spans = find_marked_spans(text)
    assert contents(text) == expected
    check_invariants(text, spans)


def test_unclosed_inner_does_not_break_outer() -> None:
    text = "“He said ‘wait and then left,” she said. “Next,” he said."
    assert contents(text) == ["He said ‘wait and then left,", "Next,"]


# --- apostrophes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I don’t know.",
        "Music from the ’90s returned.",
        "Music from the '90s returned.",
        "That is Jones’ car.",
        "We like rock ’n’ roll here.",
        "We like rock 'n' roll here.",
        "’Tis the season.",
        "Tell ’em now.",
        "Tell 'em now.",
        "The players’ union met.",
        "The players' union met.",
        "It is 5 o’clock.",
        "He left ’cause he was tired.",
        "Wait ’til Monday.",
        "Class of ’08 reunion.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_marked_spans(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I don’t think ‘they’re ready’, she said.", ["they’re ready"]),
        ("Critics call the fears ‘in their heads’ and move on.", ["in their heads"]),
        ("‘The players’ union is strong,’ he said.", ["The players’ union is strong,"]),
        ("'The players' union is strong,' he said.", ["The players' union is strong,"]),
        ("She called them ‘heads’ and ‘tails’ and then stopped.", ["heads", "tails"]),
        ("“We loved rock ’n’ roll in the ’60s,” he said.", ["We loved rock ’n’ roll in the ’60s,"]),
        ("'Tis the season,' he said. I told 'em so.", ["Tis the season,"]),
        ("'We play rock 'n' roll,' he said. 'Loud.'", ["We play rock 'n' roll,", "Loud."]),
        ("‘We play rock ‘n’ roll,’ he said. ‘Loud.’", ["We play rock ‘n’ roll,", "Loud."]),
        ("‘Tis the season,’ he said.", ["Tis the season,"]),
        ("The word was 'unfair', he said.", ["unfair"]),
        ("“Jones’ car is gone,” police said.", ["Jones’ car is gone,"]),
    ],
)
def test_single_quotes_among_apostrophes(text: str, expected: list[str]) -> None:
    spans = find_marked_spans(text)
    assert contents(text) == expected
    check_invariants(text, spans)


@pytest.mark.parametrize(
    "text, mark_at, expected",
    [
        ("don’t", 3, True),
        ("don't", 3, True),
        ("the ’90s", 4, True),
        ("Jones’ car", 5, True),
        ("rock ’n’ roll", 5, True),
        ("rock ’n’ roll", 7, True),
        ("’tis so", 0, True),
        ("see ’em", 4, True),
        ("the players’ union", 11, True),
        ("o’clock", 1, True),
        ("He said ‘go’ now", 11, False),
        ("He said 'go' now", 8, False),
        ("He said 'go' now", 11, False),
        ("He said ‘go’ now", 8, False),  # a left single mark is not ' or ’
        ("", 0, False),
        ("abc", 10, False),
        ("abc", -1, False),
    ],
)
def test_is_apostrophe(text: str, mark_at: int, expected: bool) -> None:
    assert is_apostrophe(text, mark_at) is expected


# --- paragraphs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\nTwo.", ["One.", "Two."]),
        ("One.\r\nTwo.\r\n\r\nThree.", ["One.", "Two.", "Three."]),
        ("One.\rTwo.", ["One.", "Two."]),
        ("  One.  \n \t \n  Two.\n", ["One.", "Two."]),
        ("One.\u2029Two.", ["One.", "Two."]),
        ("", []),
        ("\n\n \r\n", []),
    ],
)
def test_paragraph_bounds(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in paragraph_bounds(text)] == expected


def test_pairing_resets_at_paragraph_boundary() -> None:
    text = "“This one never closes.\nA plain paragraph,” with a stray mark.\n“Fine,” he said."
    spans = find_marked_spans(text)
    assert contents(text) == ["This one never closes.", "Fine,"]
    assert spans[0].close_mark is None
    assert spans[1].close_mark is not None


def test_stray_closing_mark_ignored() -> None:
    text = "Nothing opened here” at all. Then “a quote,” he said."
    assert contents(text) == ["a quote,"]


@pytest.mark.parametrize("sep", ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r"])
def test_multi_paragraph_quote(sep: str) -> None:
    paras = [
        "“We started in a garage.",
        "“Then we moved to a warehouse.",
        "“Now we own the block,” the founder said.",
    ]
    text = sep.join(paras)
    (s,) = find_marked_spans(text)
    assert [text[a:b] for a, b in s.pieces] == [
        "We started in a garage.",
        "Then we moved to a warehouse.",
        "Now we own the block,",
    ]
    assert s.open_mark == 0
    assert s.close_mark == text.index("”")
    assert (s.start, s.end) == (s.pieces[0][0], s.pieces[-1][1])
    assert s.words == 16


def test_multi_paragraph_straight_and_unclosed_at_end() -> None:
    text = '"Part one.\n"Part two.\nA plain paragraph.'
    (s,) = find_marked_spans(text)
    assert [text[a:b] for a, b in s.pieces] == ["Part one.", "Part two."]
    assert s.close_mark is None


def test_unclosed_not_continued_when_next_paragraph_has_other_mark() -> None:
    text = "“Never closed.\n‘Different kind,’ she said."
    spans = find_marked_spans(text)
    assert contents(text) == ["Never closed.", "Different kind,"]
    assert spans[0].close_mark is None and len(spans[0].pieces) == 1


def test_stray_straight_mark_is_not_continued_by_a_curly_paragraph() -> None:
    # A straight " left open, then a paragraph in curly quotes: a stray mark, then a new quote.
    text = '"The crowd went quiet.\n“We did it,” she said. “All of us.”'
    spans = find_marked_spans(text)
    assert contents(text) == ["The crowd went quiet.", "We did it,", "All of us."]
    assert spans[0].close_mark is None and len(spans[0].pieces) == 1


def test_block_quote_in_straight_marks_around_curly_ones_runs_on() -> None:
    # ... unless the curly paragraph goes on to close the straight quote.
    text = '"The board met twice.\n“We will wait,” the chair said."\nAfter that, nothing.'
    (s,) = find_marked_spans(text)
    assert [text[a:b] for a, b in s.pieces] == [
        "The board met twice.",
        "“We will wait,” the chair said.",
    ]
    assert s.close_mark == text.index('."') + 1


def test_quote_after_multi_paragraph_quote() -> None:
    text = "“A.\n“B,” he said. “C,” he added.\nD."
    spans = find_marked_spans(text)
    assert [[text[a:b] for a, b in s.pieces] for s in spans] == [["A.", "B,"], ["C,"]]


# --- measurements, URLs, odd characters -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He is 6'2\" tall and fast.", []),
        ('They laid a 12" pipe under the road.', []),
        ('"We need a 12" pipe here," the engineer said.', ['We need a 12" pipe here,']),
        ('"The final score was 12" is what he wrote.', ["The final score was 12"]),
        ('“We need a 12" pipe,” she said.', ['We need a 12" pipe,']),
    ],
)
def test_inches_and_feet(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('See http://example.com/?q="a" for details.', []),
        ('Go to http://example.com/?q="a"&r="b" now. "Yes," he said.', ["Yes,"]),
        (
            '"Visit www.example.com/?x="y" today," the ad said.',
            ['Visit www.example.com/?x="y" today,'],
        ),
    ],
)
def test_marks_in_urls(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # attribute values in markup tags are not quotes
        ('<post id="71" author="@cityhall" time="2016-02-15">“The bridge is open,” she said.</p>',
         ["The bridge is open,"]),
        ('She wrote <a href="http://x.org/a" title="Our plan">here</a> that “the plan is good.”',
         ["the plan is good."]),
        # a comparison is not a tag
        ('If x < y and "we win," he said, b > a.', ["we win,"]),
    ],
)  # fmt: skip
def test_marks_in_markup_tags(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # string literals in code are not quotes: inline code, <code>, a call, an assignment
        ('The bug sat in `name = "admin account for the site"` for years.', []),
        ('They wrote <code>alert("Your session has ended, log in again")</code> there.', []),
        ('A single line, print("Sending all the passwords now"), did it.', []),
        ('He typed msg = "we are done" and smiled. “Good,” she said.', ["Good,"]),
        # a bracket in prose is no call
        ('She said (quietly) “we are finished here,” and left.', ["we are finished here,"]),
    ],
)  # fmt: skip
def test_marks_in_code(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Intro.\r\n“With CRLF,” she said.\r\n", "With CRLF,"),
        ("Intro.\u00a0“With\u00a0NBSP,”\u00a0she said.", "With\u00a0NBSP,"),
        ("Intro.\u200b“\u200bzero width\u200b”\u200b she said.", "zero width"),
        ("Intro.\t“\ttabs\t,”\tshe said.", "tabs\t,"),
        ("🎉🎉 “emoji 🎉 inside,” she said 🎉.", "emoji 🎉 inside,"),
    ],
)
def test_offsets_in_odd_text(text: str, expected: str) -> None:
    spans = find_marked_spans(text)
    check_invariants(text, spans)
    assert contents(text) == [expected]
    s = spans[0]
    assert text[s.open_mark] == "“" and text[s.close_mark or 0] == "”"


def test_long_unclosed_quote_is_cut_at_paragraph_end() -> None:
    filler = "blah " * (MAX_UNCLOSED // 5 + 10)
    text = f"“Start {filler} end,” he said. More text."
    (s,) = find_marked_spans(text)
    assert s.close_mark is None
    assert s.end == len(text)


def test_long_closed_quote_within_limit() -> None:
    body = "word " * 300
    text = f"“{body.strip()},” he said."
    (s,) = find_marked_spans(text)
    assert s.close_mark is not None and s.words == 300


def test_many_sentence_quote() -> None:
    text = "“One thing. Another thing! A third? Yes, a fourth,” she said."
    assert contents(text) == ["One thing. Another thing! A third? Yes, a fourth,"]


@pytest.mark.parametrize(
    "text",
    [
        '"' * 10_000,
        "“" * 10_000,
        "”" * 10_000,
        "‘" * 5_000 + "”" * 5_000,
        "'" * 10_000,
        "a' " * 10_000,
        "s’ a " * 10_000,
        "“a ‘b " * 5_000,
        'x "' * 10_000,
        "http://x.com/?q=\"a\" 'b' " * 2_000,
    ],
)
def test_performance_many_unpaired_marks(text: str) -> None:
    t0 = time.perf_counter()
    spans = find_marked_spans(text)
    assert time.perf_counter() - t0 < 0.5
    check_invariants(text, spans)


@pytest.mark.parametrize("bad", [None, 5, b"bytes"])
def test_non_string_input_does_not_raise(bad: object) -> None:
    assert find_marked_spans(bad) == []  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------------------

MARK_CHARS = list("\"'“”‘’„‚«»‹›")
PIECES = st.one_of(
    st.sampled_from(MARK_CHARS),
    st.sampled_from(["said", "don’t", "the", "’90s", "6'2\"", 'http://a.b/?q="x"', "12", "s"]),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", ",", "."]),
    st.text(alphabet="abcXYZ019", min_size=1, max_size=6),
)
MIXED = st.lists(PIECES, max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_property_any_text(text: str) -> None:
    check_invariants(text, find_marked_spans(text))
    for a, b in paragraph_bounds(text):
        assert 0 <= a < b <= len(text)
    for i in range(min(len(text), 50)):
        is_apostrophe(text, i)


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_property_mark_soup(text: str) -> None:
    spans = find_marked_spans(text)
    check_invariants(text, spans)
    paras = paragraph_bounds(text)
    for s in spans:
        for a, b in s.pieces:  # each piece lies inside one paragraph
            assert any(pa <= a and b <= pb for pa, pb in paras)
    for i in range(len(text)):
        is_apostrophe(text, i)


# --- sloppy marks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ” typed where “ belongs, at a paragraph start, is an opener when a closer follows
        ("Photo credit.\n”We want more buses. Now.” ― Ola Reyes\n", ["We want more buses. Now."]),
        ("She paused. ”Not today,” she said.", ["Not today,"]),
        # ... and with a space after it when it opens the paragraph
        ("He left.\n\n” We want more buses. Now.”\n", ["We want more buses. Now."]),
        # ... but a stray ” and a space inside a sentence opens nothing
        ("It was late ” Then a reply came,” she said.", []),
        # ... but a lone ” with nothing after it to close opens nothing
        ("He said ” no way and left.", []),
        # a spaced straight closer right after a nested closer
        (
            "\"I dislike the label 'outreach,' \" he told the club.",
            ["I dislike the label 'outreach,'"],
        ),
    ],
)
def test_sloppy_marks(text: str, expected: list[str]) -> None:
    assert contents(text) == expected
    check_invariants(text, find_marked_spans(text))


def test_the_elisions_are_a_list_the_caller_may_give() -> None:
    text = "Fans shouted 'em down, the manager said."
    assert find_marked_spans(text) == []  # "em" is in data/elisions.txt
    assert is_apostrophe(text, 13)
    (s,) = find_marked_spans(text, elisions=frozenset({"tis"}))
    assert s.open_mark == 13 and s.close_mark is None
    assert not is_apostrophe(text, 13, elisions=frozenset())
