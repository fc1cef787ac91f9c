"""A corpus to a CSV of who is quoted: one row per quote, then counts per speaker.

    python examples/corpus_to_csv.py [quotes.csv]   # default: print the CSV

`extract_many` streams the texts through `nlp.pipe` (batch_size, n_process) and yields one list
of quotes per text, in order; here the corpus is three short stories in a list.
"""

import csv
import sys
from collections import Counter

import quoteattr

CORPUS = {
    "bridge": "Repairs to the old bridge will take six weeks, said city engineer Paolo Conti. "
    '"We found more rust than we expected," Conti told reporters.',
    "school": '"Class sizes are too big," said head teacher Ruth Okafor. She said the school '
    "had asked for two more teachers.",
    "market": 'Stallholder Dev Mehta said the new rents were fair. "Nobody is leaving," he added.',
}

out = open(sys.argv[1], "w", newline="", encoding="utf-8") if len(sys.argv) > 1 else sys.stdout
writer = csv.writer(out)
writer.writerow(["doc", "speaker", "title", "kind", "cue", "confidence", "quote"])
counts = Counter()
for doc_id, quotes in zip(
    CORPUS, quoteattr.extract_many(CORPUS.values(), batch_size=16), strict=True
):
    for q in quotes:
        name = q.speaker.name if q.speaker else ""
        title = q.speaker.title if q.speaker and q.speaker.title else ""
        cue = q.cue.text if q.cue else ""
        writer.writerow([doc_id, name, title, q.kind, cue, f"{q.confidence:.2f}", q.text])
        counts[name or "(unknown)"] += 1
if out is not sys.stdout:
    out.close()

print("\nmost quoted:", file=sys.stderr)
for name, n in counts.most_common():
    print(f"  {n}  {name}", file=sys.stderr)
