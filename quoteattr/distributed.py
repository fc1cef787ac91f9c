"""Running quoteattr over a corpus on many processes or machines.

``process_partition`` is engine-neutral: records in, one output row per record out, the model
loaded once per process. Dask (``pip install "quoteattr[dask]"``) runs it through
``extract_bag`` / ``speakers_bag`` or the CLI's ``--engine dask``; Spark calls it from
``mapPartitions`` (docs/scaling.md). Dask is imported only inside the functions that use it.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from quoteattr.corpus import SpeakerTally, write_speaker_table
from quoteattr.runner import RunLog, count_documents, count_quotes, dumps, expand_paths, output_row

DASK_HINT = 'pip install "quoteattr[dask]"'
PART_NAME = "part-{:05d}.jsonl"

# One pipeline per process (api.load_pipeline caches it); a worker running several task threads
# shares it, and spaCy pipelines are not documented as thread-safe, so their use is serialised.
_PIPELINE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Settings:
    """How each document is processed; travels with every task (small, picklable)."""

    model: str | None = None
    scope: str = "speech"
    group_by: str = "quote"
    batch_size: int = 32


def _plain(value: Any) -> Any:
    """A numpy/pandas scalar id (from a dataframe) as the Python value JSON can write."""
    item = getattr(value, "item", None)
    return item() if callable(item) and not isinstance(value, (str, bytes)) else value


def as_document(record: Any, position: int) -> dict[str, Any]:
    """{"id", "text"} or {"id", "error"} from one input record; never raises.

    ``position`` (1-based, within the partition) is the id of a record that has none.
    """
    if not isinstance(record, dict):
        return {"id": position, "error": f"record {position} is not an object with 'text'"}
    doc_id = _plain(record.get("id", position))
    if "error" in record and "text" not in record:
        return {"id": doc_id, "error": str(record["error"])}
    text = record.get("text")
    if not isinstance(text, str):
        what = (
            "has no 'text'" if text is None else f"has a non-string 'text' ({type(text).__name__})"
        )
        return {"id": doc_id, "error": f"record {doc_id!r} {what}"}
    return {"id": doc_id, "text": text}


def _results(
    records: Iterable[Any], settings: Settings
) -> Iterator[tuple[dict[str, Any], list[Any] | None, str | None]]:
    from quoteattr.api import extract, extract_many, load_pipeline, speakers, speakers_many
    from quoteattr.cli import process_documents

    with _PIPELINE_LOCK:
        nlp = load_pipeline(settings.model)  # cached: loaded once per process
    by_speaker = settings.group_by == "speaker"
    many: Any = speakers_many if by_speaker else extract_many
    one: Any = speakers if by_speaker else extract

    def run_many(texts: Iterable[str]) -> Iterator[list[Any]]:
        return many(texts, nlp=nlp, scope=settings.scope, batch_size=settings.batch_size)

    def run_one(text: str) -> list[Any]:
        return one(text, nlp=nlp, scope=settings.scope)

    docs = (as_document(r, i) for i, r in enumerate(records, 1))
    with _PIPELINE_LOCK:
        yield from process_documents(docs, run_many, run_one)


def process_partition(
    records: Iterable[Any],
    *,
    model: str | None = None,
    scope: str = "speech",
    group_by: str = "quote",
    batch_size: int = 32,
) -> list[dict[str, Any]]:
    """One output row per input record, in order: what ``quoteattr extract`` writes per line.

    ``records`` are dicts with "id" and "text" (other keys are ignored); a record without a
    string "text", or a document the pipeline fails on, becomes ``{"id", "error"}`` and the rest
    go on. The model is loaded on first use and cached for the life of the process, so a
    worker pays for it once, never per task. Usable from any engine: Dask, Spark
    ``mapPartitions``, multiprocessing.
    """
    settings = Settings(model, scope, group_by, batch_size)
    return [
        output_row(d["id"], items, err, group_by) for d, items, err in _results(records, settings)
    ]


# --- Dask collections ---------------------------------------------------------------------------


def _as_bag(records: Any) -> Any:
    try:
        import dask.bag as db
    except ImportError as err:  # pragma: no cover - depends on the install
        raise ImportError(f"Dask is not installed: {DASK_HINT}") from err
    if isinstance(records, db.Bag):
        return records
    if hasattr(records, "to_bag") and hasattr(records, "columns"):  # a dask DataFrame
        missing = {"id", "text"} - set(records.columns)
        if missing:
            raise ValueError(f"the dataframe needs columns 'id' and 'text'; missing {missing}")
        return records[["id", "text"]].to_bag(index=False, format="dict")
    raise TypeError(
        f"expected a dask.bag.Bag or dask.dataframe.DataFrame of records, got "
        f"{type(records).__name__}; for a local list use dask.bag.from_sequence(records)"
    )


def extract_bag(
    records: Any,
    *,
    model: str | None = None,
    scope: str = "speech",
    group_by: str = "quote",
    batch_size: int = 32,
) -> Any:
    """A dask Bag of output rows ({"id", "quotes"} / {"id", "speakers"} / {"id", "error"}), one
    per record of ``records`` (a Bag of {"id", "text"} dicts or a DataFrame with those columns).

    Lazy, like every Bag: ``.compute()``, or ``.map(json.dumps).to_textfiles("out/*.jsonl")``.
    """
    return _as_bag(records).map_partitions(
        process_partition, model=model, scope=scope, group_by=group_by, batch_size=batch_size
    )


def _tally_partition(rows: Iterable[dict[str, Any]]) -> SpeakerTally:
    tally = SpeakerTally()
    for row in rows:
        if "quotes" in row:
            tally.add(row["id"], row["quotes"])
    return tally


def _merge_tallies(tallies: Iterable[SpeakerTally]) -> SpeakerTally:
    merged = SpeakerTally()
    for tally in tallies:
        merged.merge(tally)
    return merged


def _table(tally: SpeakerTally, include_unnamed: bool) -> list[Any]:
    return tally.table(include_unnamed=include_unnamed)


def speakers_bag(
    records: Any,
    *,
    include_unnamed: bool = False,
    model: str | None = None,
    scope: str = "speech",
    batch_size: int = 32,
) -> Any:
    """The corpus speaker table (corpus.speaker_table) of ``records``, as a lazy dask Item:
    ``.compute()`` gives the list of CorpusSpeaker rows, most quoted first."""
    rows = extract_bag(records, model=model, scope=scope, batch_size=batch_size)
    tally = rows.reduction(_tally_partition, _merge_tallies)
    return tally.apply(partial(_table, include_unnamed=include_unnamed))


# --- the CLI's --engine dask: partitions read here, processed on the cluster ---------------------


def extract_task(records: list[dict[str, Any]], settings: Settings) -> dict[str, Any]:
    """One Dask task of `extract`: the partition's output lines and its counts."""
    lines, quotes, errors = [], 0, 0
    for doc, items, err in _results(records, settings):
        lines.append(dumps(output_row(doc["id"], items, err, settings.group_by)))
        quotes += count_quotes(items)
        errors += err is not None
    return {"lines": lines, "documents": len(records), "quotes": quotes, "errors": errors}


def speakers_task(records: list[dict[str, Any]], settings: Settings) -> dict[str, Any]:
    """One Dask task of `speakers`: the partition's speaker tally and its counts."""
    tally, quotes, errors = SpeakerTally(), 0, 0
    for doc, items, err in _results(records, settings):
        if err is None:
            tally.add(doc["id"], items or [])
            quotes += len(items or [])
        errors += err is not None
    return {"tally": tally, "documents": len(records), "quotes": quotes, "errors": errors}


def load_model_plugin(model: str | None) -> Any:
    """A worker plugin that loads the model when a worker starts (or joins later), so the first
    task does not pay for it and a worker without the model fails at once, by name."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModel(WorkerPlugin):
        name = "quoteattr-load-model"

        def __init__(self, model: str | None) -> None:
            self.model = model

        def setup(self, worker: Any) -> None:
            from quoteattr.api import load_pipeline

            load_pipeline(self.model)

    return LoadModel(model)


@contextmanager
def connect(scheduler: str | None, workers: int | None, model: str | None) -> Iterator[Any]:
    """A Client on ``scheduler``, or on a local cluster of ``workers`` processes (default: one
    per core) with one thread each; every worker loads the model once, at start."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise SystemExit(f"quoteattr: --engine dask needs Dask: {DASK_HINT}") from err
    import logging

    if scheduler:
        client = Client(scheduler)
        cluster = None
        if workers:
            client.wait_for_workers(workers)
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: several clusters may share a machine
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    try:
        client.register_plugin(load_model_plugin(model))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


def run_partitions(
    client: Any,
    records: Iterable[dict[str, Any]],
    task: Callable[[list[dict[str, Any]], Settings], dict[str, Any]],
    settings: Settings,
    partition_size: int,
    on_result: Callable[[int, dict[str, Any]], None],
) -> None:
    """Submit ``records`` in partitions of ``partition_size``, a bounded number in flight (so
    input is read as the cluster keeps up), calling ``on_result(index, result)`` as each ends.

    The records travel inside each task, so when a worker dies the scheduler reruns its task
    on another worker; partitions already finished are not touched.
    """
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    limit = max(2, 2 * threads)
    pending = as_completed()
    run = uuid.uuid4().hex[:12]  # task keys unique on a cluster shared by several runs
    index_of: dict[Any, int] = {}
    chunks = enumerate(_partitions(records, partition_size))

    def submit_next() -> bool:
        nxt = next(chunks, None)
        if nxt is None:
            return False
        i, chunk = nxt
        future = client.submit(task, chunk, settings, pure=False, key=f"quoteattr-{run}-{i}")
        index_of[future.key] = i
        pending.add(future)
        return True

    for _ in range(limit):
        if not submit_next():
            break
    for future in pending:
        result = future.result()  # a task raises only if the pipeline itself cannot run
        on_result(index_of.pop(future.key), result)
        future.release()
        submit_next()


def _read_records(paths: list[str]) -> Iterator[dict[str, Any]]:
    from quoteattr.cli import read_documents

    return read_documents(paths)


def run_extract(args: argparse.Namespace) -> int:
    """`quoteattr extract … -o OUT/ --engine dask`: one JSONL file per partition in OUT/."""
    if not args.output:
        raise SystemExit("quoteattr: --engine dask writes one file per partition: give -o FOLDER")
    if getattr(args, "format", "jsonl") != "jsonl":
        raise SystemExit("quoteattr: --engine dask writes JSONL only (drop --format table)")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise SystemExit(f"quoteattr: -o {out} is a file; --engine dask needs a folder")
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("part-*.jsonl"):
        stale.unlink()  # a folder is one run's output, as -o FILE is for the local engine
    paths = expand_paths(args.paths)
    settings = Settings(args.model, args.scope, args.group_by, args.batch_size)
    log = RunLog(lambda: count_documents(paths), quiet=args.quiet)

    def write(index: int, result: dict[str, Any]) -> None:
        target = out / PART_NAME.format(index)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text("".join(line + "\n" for line in result["lines"]), encoding="utf-8")
        os.replace(tmp, target)
        log.add(result["documents"], result["quotes"], result["errors"])

    try:
        with connect(args.scheduler, args.workers, args.model) as client:
            run_partitions(
                client, _read_records(paths), extract_task, settings, args.partition_size, write
            )
    except KeyboardInterrupt:
        log.close("interrupted")
        return 130
    log.close(f"{len(list(out.glob('part-*.jsonl')))} files in {out}")
    return 1 if log.errors else 0


def run_speakers(args: argparse.Namespace) -> int:
    """`quoteattr speakers … --engine dask`: partial tables on the workers, merged here in
    input order (so first_seen is the first document in the input)."""
    paths = expand_paths(args.paths)
    settings = Settings(args.model, args.scope, "quote", args.batch_size)
    log = RunLog(lambda: count_documents(paths), quiet=args.quiet)
    tallies: dict[int, SpeakerTally] = {}

    def keep(index: int, result: dict[str, Any]) -> None:
        tallies[index] = result["tally"]
        log.add(result["documents"], result["quotes"], result["errors"])

    with connect(args.scheduler, args.workers, args.model) as client:
        run_partitions(
            client, _read_records(paths), speakers_task, settings, args.partition_size, keep
        )
    table = _merge_tallies(tallies[i] for i in sorted(tallies)).table(
        include_unnamed=args.include_unnamed
    )
    write_speaker_table(table, args.output, args.format)
    log.close(f"{len(table):,} speakers")
    return 1 if log.errors else 0


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """--engine, --scheduler, --workers, --partition-size (shared by extract and speakers)."""
    from quoteattr.cli import positive_int

    group = parser.add_argument_group("running on Dask (pip install 'quoteattr[dask]')")
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this process (and --n-process); dask: a Dask cluster, see docs/scaling.md "
        "(default: local)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="connect to this Dask scheduler, e.g. tcp://host:8786 (default: start a local "
        "cluster)",
    )
    group.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="local cluster: start N worker processes (default: one per core); "
        "with --scheduler: wait until N workers have joined",
    )
    group.add_argument(
        "--partition-size",
        type=positive_int,
        default=100,
        metavar="N",
        help="documents per Dask task and per output file (default 100)",
    )


def check_engine_arguments(args: argparse.Namespace) -> None:
    """--scheduler / --workers only mean something with --engine dask."""
    if args.engine != "dask" and (args.scheduler or args.workers):
        print("quoteattr: --scheduler and --workers need --engine dask", file=sys.stderr)
        raise SystemExit(2)
