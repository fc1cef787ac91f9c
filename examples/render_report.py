"""The HTML view: who said what, in colour, in one self-contained file.

    python examples/render_report.py [report.html]   # then open it in a browser

`quoteattr.render` takes a text, a processed Doc, (text, quotes) pairs, or {"id", "text",
"quotes"} dicts, or a list of them; each document gets its speaker table, several get a table
of contents. The same from the command line: `quoteattr render a.txt b.txt -o report.html`.
"""

import sys

import quoteattr

STORIES = [
    {
        "id": "ferry",
        "text": '"The ferry will run every hour from May," said harbour master Gita Rao.\n\n'
        "Rao said the old timetable had confused visitors.\n\n"
        '"We asked for this for years," said Leon Brandt, who runs a cafe on the pier.',
    },
    {
        "id": "orchard",
        "text": "Frost cut this year's apple harvest by a third, growers said on Tuesday.\n\n"
        '"I lost the whole north field in one night," said farmer Hanne Lund.',
    },
]

# extract once, keep the quotes (e.g. to store them), and render from them
for story in STORIES:
    story["quotes"] = quoteattr.extract(story["text"])

path = sys.argv[1] if len(sys.argv) > 1 else "report.html"
with open(path, "w", encoding="utf-8") as fh:
    fh.write(quoteattr.render(STORIES, title="Local news: who said what"))
print(f"wrote {path}: {sum(len(s['quotes']) for s in STORIES)} quotes in {len(STORIES)} stories")
