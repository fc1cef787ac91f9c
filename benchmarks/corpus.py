"""Synthetic news articles for the speed, scaling and memory benchmarks.

Every sentence here was written for this project; names, places and organisations are invented
and drawn with a seeded random generator, so each article brings new people (the entity table
grows with the text, as it does in a long real document) and runs are reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST_NAMES = (
    ("Maria", "f"), ("Helen", "f"), ("Priya", "f"), ("Grace", "f"), ("Laura", "f"),
    ("Amara", "f"), ("Ingrid", "f"), ("Rosa", "f"), ("Nadia", "f"), ("Claire", "f"),
    ("Daniel", "m"), ("Thomas", "m"), ("Rahul", "m"), ("Samuel", "m"), ("Peter", "m"),
    ("Kwame", "m"), ("Lars", "m"), ("Miguel", "m"), ("Omar", "m"), ("Henry", "m"),
)  # fmt: skip
SURNAMES = (
    "Okafor", "Lindqvist", "Castellano", "Brennan", "Whitfield", "Nakamura", "Adeyemi",
    "Marchetti", "Holloway", "Varga", "Pemberton", "Achebe", "Kowalczyk", "Delacroix",
    "Ramsay", "Thornbury", "Mbeki", "Oyelaran", "Fairbanks", "Sandoval", "Kessler", "Dunmore",
    "Halvorsen", "Quintero", "Ashdown", "Mwangi", "Ferreira", "Lockwood", "Iyer", "Galloway",
)  # fmt: skip
TITLES = (
    "finance minister", "chief executive", "spokeswoman for the council", "senior economist",
    "deputy mayor", "head of research", "union leader", "state senator", "director of planning",
    "professor of public health", "police commissioner", "chair of the transport committee",
)  # fmt: skip
ORGS = (
    "the Harbour Authority", "Northgate Bank", "the Regional Water Board", "Eastfield University",
    "the Transport Workers Union", "Meridian Energy Group", "the Coastal Health Trust",
    "the Farmers Cooperative", "Silverline Rail", "the National Audit Office",
)  # fmt: skip
CITIES = ("Port Ellery", "Brackton", "New Ashford", "Lake Morrow", "Castleburn", "Redfield")
TOPICS = (
    "the new bridge", "the water tariff", "the rail strike", "the housing plan",
    "the budget shortfall", "the hospital merger", "the port expansion", "the school closures",
)  # fmt: skip
QUOTES = (
    "We have waited long enough for a decision, and people deserve to know where they stand",
    "This is not the time to cut corners on safety",
    "Nobody in this building thinks the numbers add up",
    "I have always said that the plan would cost more than anyone admitted",
    "We will keep talking until there is an agreement both sides can live with",
    "The figures speak for themselves",
    "It is a good day for the town, but the hard work starts now",
    "Families cannot plan their lives around a timetable that changes every week",
    "I am confident that the board will see sense",
    "There is no money left in the budget for a second attempt",
    "Frankly, I was surprised by how quickly the costs rose",
    "We made a promise to the workers and we intend to keep it",
)  # fmt: skip
CLAIMS = (
    "the project was running two years behind schedule",
    "the costs had been underestimated from the start",
    "the agreement would protect jobs at the harbour",
    "the council had ignored repeated warnings from engineers",
    "prices would rise again before the end of the year",
    "the review had found no evidence of wrongdoing",
    "more than a third of the money had already been spent",
    "the talks had broken down over pensions",
)  # fmt: skip
ACTIONS = (
    "publish the full report next month", "appeal against the ruling",
    "hold a public meeting in the spring", "freeze hiring until the audit is finished",
    "ask the government for emergency funding", "delay the vote by a week",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

PARAGRAPHS = (
    "{CITY} — {FULL}, the {TITLE} of {ORG}, said on {DAY} that {CLAIM}, a setback for "
    "supporters of {TOPIC}.",
    "“{Q1},” {LAST} said. “{Q2}.”",
    "“{Q1},” said {FULL2}, a {TITLE2} at {ORG2}.",
    "{PRON} added that {ORG} would {ACTION}.",
    "According to {FULL2}, {CLAIM2}.",
    "{LAST2} told reporters that {CLAIM} and that the board would {ACTION}.",
    "In a statement, {ORG2} said it would {ACTION2}.",
    "The dispute over {TOPIC} has divided the town since the plan was first announced three "
    "years ago, when the estimated cost was less than half of today's figure.",
    "“{Q1},” {LAST} added, “and {Q3L}.”",
    "{LAST2} said: “{Q2}.”",
    "Residents who gathered outside the town hall in {CITY} on {DAY} evening carried signs "
    "about {TOPIC}, and several of them asked when the work would finally begin.",
    "{PRON2} warned that {CLAIM2}, but said there was still time to {ACTION2}.",
    "The {TITLE} insisted that {CLAIM}.",
    "“{Q3},” {PRON_LOWER} said in an interview.",
)


def _person(rng: random.Random) -> tuple[str, str, str]:
    first, gender = rng.choice(FIRST_NAMES)
    return first, rng.choice(SURNAMES), gender


# About the length of a typical news article (~1,000 spaCy tokens; PolNeAR dev averages 970).
TYPICAL_PARAGRAPHS = 38


def _slots(rng: random.Random) -> dict[str, str]:
    first, last, gender = _person(rng)
    first2, last2, gender2 = _person(rng)
    while last2 == last:
        first2, last2, gender2 = _person(rng)
    q = rng.sample(QUOTES, 3)
    return {
        "CITY": rng.choice(CITIES),
        "FULL": f"{first} {last}",
        "LAST": last,
        "PRON": "She" if gender == "f" else "He",
        "PRON_LOWER": "she" if gender == "f" else "he",
        "TITLE": rng.choice(TITLES),
        "ORG": rng.choice(ORGS),
        "DAY": rng.choice(DAYS),
        "CLAIM": rng.choice(CLAIMS),
        "TOPIC": rng.choice(TOPICS),
        "ACTION": rng.choice(ACTIONS),
        "FULL2": f"{first2} {last2}",
        "LAST2": last2,
        "PRON2": "She" if gender2 == "f" else "He",
        "TITLE2": rng.choice(TITLES),
        "ORG2": rng.choice(ORGS),
        "CLAIM2": rng.choice(CLAIMS),
        "ACTION2": rng.choice(ACTIONS),
        "Q1": q[0],
        "Q2": q[1],
        "Q3": q[2],
        "Q3L": q[2][0].lower() + q[2][1:],
    }


def article(rng: random.Random, paragraphs: int = TYPICAL_PARAGRAPHS) -> str:
    """One article: quotes, reported speech and narration; two new speakers every section."""
    out = []
    for i in range(paragraphs):
        k = i % len(PARAGRAPHS)
        if k == 0:
            slots = _slots(rng)
        out.append(PARAGRAPHS[k].format(**slots))
    return "\n\n".join(out)


def articles(n: int, seed: int = 0, paragraphs: int = TYPICAL_PARAGRAPHS) -> Iterator[str]:
    """``n`` different articles, reproducible from ``seed``."""
    rng = random.Random(seed)
    for _ in range(n):
        yield article(rng, paragraphs)


def long_document(times: int, seed: int = 0) -> str:
    """One document ``times`` articles long: paragraphs concatenated, new people in each part."""
    return "\n\n".join(articles(times, seed))
