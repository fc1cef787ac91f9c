"""The first-name list as data: every line parses, no name is listed twice, and no entry is a
word that news text capitalises for another reason (a title, a month, a weekday), which would
turn "General Ruiz" or "April Ruiz" into a first name. Then the few uses of the list that a
reader sees: he/she agreement and a first name that marks the start of a person's name."""

from __future__ import annotations

from collections import Counter

import pytest

import quoteattr
from quoteattr.cues import DATA_DIR, default_lexicon, parse_entries

MONTHS = (
    "january february march april may june july august september october november december"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Listed on purpose although titles.txt has them as title words: "Rovers manager Dean
# Holloway" and "COP28 President Sultan Al Jaber" are first names, not titles.
TITLE_WORDS_THAT_ARE_NAMES = {"dean", "sultan"}


def name_entries() -> list[tuple[str, str]]:
    """(name, gender) for every line of the names part of first_names.txt, as written."""
    text = (DATA_DIR / "first_names.txt").read_text("utf-8")
    out = []
    for section, line in parse_entries(text):
        if section:  # [particles], [suffixes], [postnominals]
            continue
        parts = line.split("\t")
        assert len(parts) == 2, f"not name<TAB>gender: {line!r}"
        out.append((parts[0], parts[1]))
    return out


def test_every_name_line_is_one_lowercase_word_and_a_gender():
    entries = name_entries()
    assert len(entries) > 4000
    for name, gender in entries:
        assert gender in ("f", "m", "u"), name
        assert name == name.lower() and name == name.strip() and " " not in name, name
        assert all(c.isalpha() or c in "-'" for c in name), name


def test_no_name_is_listed_twice():
    counts = Counter(name for name, _ in name_entries())
    assert [name for name, n in counts.items() if n > 1] == []


def test_no_name_is_a_title_honorific_or_abbreviation():
    lex = default_lexicon()
    names = {name for name, _ in name_entries()}
    honorifics = {h.lower().rstrip(".") for h in lex.honorifics}
    abbreviations = {a.lower().rstrip(".") for a in lex.abbreviations}
    assert names & (lex.title_words - TITLE_WORDS_THAT_ARE_NAMES) == set()
    assert names & honorifics == set()
    assert names & abbreviations == set()
    assert TITLE_WORDS_THAT_ARE_NAMES <= names & lex.title_words  # the exceptions still hold


def test_no_name_is_a_month_weekday_or_name_particle():
    lex = default_lexicon()
    names = {name for name, _ in name_entries()}
    assert names & set(MONTHS + WEEKDAYS) == set()
    assert names & (lex.name_particles | lex.name_suffixes | lex.postnominals) == set()


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Carly", "f"),
        ("Ngozi", "f"),
        ("Wanjiku", "f"),
        ("Meenakshi", "f"),
        ("Zeynep", "f"),
        ("Kyriakos", "m"),
        ("Oluwafemi", "m"),
        ("Siddharth", "m"),
        ("José", "m"),  # written with its accent, as news text writes it
        ("Hélène", "f"),
        ("Harpreet", None),  # Punjabi given names are borne by women and men
        ("Jyoti", None),
        ("Bukola", None),
        ("Ilhan", None),  # a woman's name in Somalia, a man's in Turkey
        ("Marian", None),
    ],
)
def test_gender_only_where_the_name_settles_it(name, gender):
    lex = default_lexicon()
    assert name.lower() in lex.first_names
    assert lex.gender_of_first_name(name) == gender


# A he/she after two people is the one whose first name agrees; the first of these names
# were missing from the list, so the pronoun went to whoever was the subject.
@pytest.mark.parametrize(
    "text, name",
    [
        (
            'Rohan Mehta met Meenakshi Raghavan on Monday. "We have the votes," she said.',
            "Meenakshi Raghavan",
        ),
        (
            'Wanjiku Mwangi met Kamau Njoroge in Nyeri. "We will build the road," he said.',
            "Kamau Njoroge",
        ),
        (
            'Zeynep Arslan met Emre Yildiz in Ankara. "It was a good meeting," he said.',
            "Emre Yildiz",
        ),
        (
            'Kyriakos Pappas met Eleni Vlachou in Athens. "The talks went well," she said.',
            "Eleni Vlachou",
        ),
        (
            'Aroha Tane met Wiremu Parata in Rotorua. "We will win the final," he said.',
            "Wiremu Parata",
        ),
        (
            'Carly Denholm met Tom Ashby at the site. "The bridge will open in May," she said.',
            "Carly Denholm",
        ),
    ],
)
def test_a_pronoun_goes_to_the_person_whose_first_name_agrees(nlp, text, name):
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None and quote.speaker.name == name


# A person's name starts at the first listed first name in it: when the real first name was
# missing, the name was cut to start at the second one ("Ali Qureshi", "Jean-Baptiste").
@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            '"We will not negotiate," said Asif Ali Qureshi, the party leader.',
            "Asif Ali Qureshi",
            "party leader",
        ),
        (
            '"The budget is fair," press secretary Karine Jean-Baptiste told reporters.',
            "Karine Jean-Baptiste",
            "press secretary",
        ),
    ],
)
def test_a_name_is_not_cut_at_a_second_given_name(nlp, text, name, title):
    (quote,) = quoteattr.extract(text, nlp=nlp)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (name, title)
