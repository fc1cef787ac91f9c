"""Quickstart: find the quotes in a text, then list who is quoted.

    python examples/quickstart.py

`quoteattr.extract` returns one Quote per quotation (words, offsets, kind, cue, speaker with
name and title, confidence, the rule that decided); `quoteattr.speakers` groups them by person.
"""

import quoteattr

TEXT = """City libraries will open on Sundays from March, the council announced on Monday.

"People asked us for this in every survey," said Deputy Mayor Olga Brenner. "Now they have it."

The librarians' union said the plan needed twelve more staff.

Union secretary Tomas Ilic warned that the budget "does not add up." He said members would \
vote on the rota next week."""

for quote in quoteattr.extract(TEXT):
    who = quote.speaker.name if quote.speaker else "?"
    title = quote.speaker.title if quote.speaker and quote.speaker.title else "-"
    cue = quote.cue.text if quote.cue else "-"
    # kind: direct (in quote marks), indirect (reported speech) or mixed
    print(f"{quote.kind:8} {who:22} {title:16} {cue:9} {quote.confidence:.2f}  {quote.text}")

print()
for person in quoteattr.speakers(TEXT):  # one entry per speaker, in order of appearance
    print(f"{person.name}: {person.title or 'no title'}, {len(person.quotes)} quote(s)")
