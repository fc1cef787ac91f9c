"""Who is quoted across a small corpus, on a local Dask cluster of two worker processes.

    pip install -e ".[model,dask]" && python examples/corpus_dask.py

The same code runs on a real cluster: replace LocalCluster(...) with Client("tcp://host:8786")
(docs/scaling.md). The three stories below were written for this example.
"""

import logging

import dask.bag as db
from distributed import Client, LocalCluster

from quoteattr.distributed import extract_bag, speakers_bag

STORIES = [
    {"id": "tue", "text": '"The night buses stay," said transport chief Ed Vance.'},
    {
        "id": "wed",
        "text": 'Edward Vance, the transport chief, said: "Fares will not rise."\n\n'
        '"We checked every route," Vance added.',
    },
    {"id": "thu", "text": '"It is a fair plan," said Mary Vance, who leads the riders\' union.'},
]

if __name__ == "__main__":  # worker processes import this file: start the cluster only once
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
    )
    with cluster, Client(cluster):
        records = db.from_sequence(STORIES, npartitions=2)  # or db.read_text(...).map(json.loads)
        # one row per story, exactly what `quoteattr extract` writes; each worker loads the
        # model once, on its first task
        for row in extract_bag(records).compute():
            print(row["id"], [(q["speaker"]["name"], q["text"]) for q in row["quotes"]])
        # one row per person across the corpus: "Ed Vance", "Edward Vance" and the "Vance" of
        # Wednesday's story are one person; Mary Vance is another
        for speaker in speakers_bag(records).compute():
            print(speaker.to_dict())
