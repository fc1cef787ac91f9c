"""Speed-up of 2 Dask workers over one process on the same documents, and Dask's cost per task.

    python benchmarks/dask_speedup.py [--docs 200] [--workers 2] [--partition-size 10]
                                      [--repeat 1] [--json]

Both runs take the same synthetic articles (benchmarks/corpus.py) and produce the same rows
(checked): (a) one process, ``process_partition`` over all documents (what one worker does);
(b) a local Dask cluster of ``--workers`` processes with one thread each, the CLI's driver
(``distributed.run_partitions``) sending partitions of ``--partition-size`` documents. The
cluster is started and every worker has loaded the model before (b) is timed (start-up is
reported apart). Best of ``--repeat`` for each, alternating (a) and (b) so both see the same
load. Then it measures what limits many machines: the scheduler's round trip per empty task,
and how many documents per second the driver can read and write (it reads the input and
writes the output files for the whole cluster). ``os.getloadavg()`` is reported with each run.
On a shared machine the wall-clock ratio depends on the other jobs, so CPU seconds are compared
too (one process against all workers plus the driver): their ratio is Dask's efficiency, and
``workers x efficiency`` the speed-up on an otherwise idle machine; the predictions use it.
A control runs the same documents on ``workers`` plain processes without Dask, to tell Dask's
cost from what running two parses at once costs on this hardware.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchkit import machine_info, print_machine
from corpus import articles

from quoteattr import distributed
from quoteattr.api import load_pipeline
from quoteattr.runner import dumps


def _noop(x: int) -> int:
    return x


def _cpu_seconds() -> float:
    """CPU time (user + system) this process has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def workers_cpu(client: Any) -> float:
    return sum(client.run(_cpu_seconds).values())


def _timed_partition(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    c0 = _cpu_seconds()
    rows = distributed.process_partition(records)
    return rows, _cpu_seconds() - c0


def plain_processes(records: list[dict[str, Any]], workers: int) -> tuple[float, float]:
    """Control without Dask: the documents split in ``workers`` slices, each parsed by its own
    process at the same time (models loaded before timing). (wall seconds, CPU seconds)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(records) // workers)
    slices = [records[i : i + size] for i in range(0, len(records), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_pipeline) as pool:
        list(pool.map(_timed_partition, [records[:1]] * workers))  # warm every process
        t0 = time.perf_counter()
        results = list(pool.map(_timed_partition, slices))
        wall = time.perf_counter() - t0
    return wall, sum(cpu for _, cpu in results)


def per_task_overhead(client: Any, tasks: int) -> float:
    """Seconds per task for a batch of empty tasks: the scheduler's and the network's share."""
    client.gather(client.map(_noop, range(10), pure=False))  # warm the path
    t0 = time.perf_counter()
    client.gather(client.map(_noop, range(tasks), pure=False))
    return (time.perf_counter() - t0) / tasks


def driver_rate(records: list[dict[str, Any]], rows: list[dict[str, Any]]) -> float:
    """Documents per second the driver reads (JSONL) and writes (output rows), no parsing."""
    from quoteattr.cli import read_documents

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        t0 = time.perf_counter()
        n = sum(1 for _ in read_documents([str(src)]))
        (Path(tmp) / "out.jsonl").write_text("".join(dumps(r) + "\n" for r in rows))
        return n / (time.perf_counter() - t0)


def run_on_dask(
    client: Any, records: list[dict[str, Any]], settings: Any, partition_size: int
) -> dict[int, list[str]]:
    """Output lines of each partition, by index, as the CLI's --engine dask driver makes them."""
    parts: dict[int, list[str]] = {}

    def keep(index: int, result: dict[str, Any]) -> None:
        parts[index] = result["lines"]

    distributed.run_partitions(
        client, iter(records), distributed.extract_task, settings, partition_size, keep
    )
    return parts


def run(
    docs: int, workers: int, partition_size: int, repeat: int, plain: bool = True
) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    records = [{"id": f"a{i}", "text": t} for i, t in enumerate(articles(docs, seed=21))]
    nlp = load_pipeline()
    distributed.process_partition(records[:2])  # warm up this process's pipeline
    settings = distributed.Settings()

    t0 = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)
    client.register_plugin(distributed.load_model_plugin(None))
    startup = time.perf_counter() - t0

    single_times, dask_times, loads = [], [], []
    single_cpu, dask_cpu, driver_cpu = [], [], []
    single_rows: list[dict[str, Any]] = []
    dask_rows: list[dict[str, Any]] = []
    try:
        for _ in range(max(1, repeat)):
            loads.append(os.getloadavg()[0])
            t0, c0 = time.perf_counter(), _cpu_seconds()
            single_rows = distributed.process_partition(records)
            single_times.append(time.perf_counter() - t0)
            single_cpu.append(_cpu_seconds() - c0)

            loads.append(os.getloadavg()[0])
            t0, c0, w0 = time.perf_counter(), _cpu_seconds(), workers_cpu(client)
            parts = run_on_dask(client, records, settings, partition_size)
            dask_times.append(time.perf_counter() - t0)
            driver_cpu.append(_cpu_seconds() - c0)
            dask_cpu.append(workers_cpu(client) - w0 + driver_cpu[-1])
            dask_rows = [json.loads(line) for i in sorted(parts) for line in parts[i]]
        loads.append(os.getloadavg()[0])
        overhead = per_task_overhead(client, 500)
        plain_wall, plain_cpu = plain_processes(records, workers) if plain else (None, None)
    finally:
        client.close()
        cluster.close()

    single, dask = min(single_times), min(dask_times)
    # On a machine shared with other jobs, wall time depends on how the CPU is shared (two
    # processes get a larger share than one), so the work itself is compared too: CPU seconds
    # of one process against the CPU seconds of all workers plus the driver. Their ratio is
    # the efficiency, and workers x efficiency the speed-up an otherwise idle machine gives.
    efficiency = min(single_cpu) / min(dask_cpu)
    per_doc = min(single_cpu) / docs  # one core's seconds per document
    rate = driver_rate(records, single_rows)
    tasks = -(-docs // partition_size)

    def predict(machines: int, cores: int = 2) -> dict[str, float]:
        # compute scales with the cores at the 2-worker efficiency; the scheduler and the driver
        # are single points every task and every document pass through
        compute = per_doc / (machines * cores * efficiency)
        scheduler = overhead / partition_size
        driver = 1 / rate
        return {
            "docs_per_s": round(1 / max(compute, scheduler, driver), 1),
            "compute_docs_per_s": round(1 / compute, 1),
            "scheduler_cap_docs_per_s": round(1 / scheduler, 1),
            "driver_cap_docs_per_s": round(1 / driver, 1),
        }

    return {
        "docs": docs,
        "workers": workers,
        "partition_size": partition_size,
        "tasks": tasks,
        "quotes": sum(len(r.get("quotes", [])) for r in single_rows),
        "identical_rows": single_rows == dask_rows,
        "single_process_s": round(single, 2),
        "dask_s": round(dask, 2),
        "speedup": round(single / dask, 2),
        "single_process_cpu_s": round(min(single_cpu), 2),
        "dask_cpu_s": round(min(dask_cpu), 2),
        "driver_cpu_s": round(driver_cpu[dask_cpu.index(min(dask_cpu))], 2),
        "cpu_efficiency": round(efficiency, 3),
        "idle_machine_speedup": round(workers * efficiency, 2),
        "all_single_s": [round(t, 2) for t in single_times],
        "all_dask_s": [round(t, 2) for t in dask_times],
        "plain_processes_s": plain_wall and round(plain_wall, 2),
        "plain_processes_cpu_s": plain_cpu and round(plain_cpu, 2),
        "cluster_startup_s": round(startup, 1),
        "scheduler_overhead_ms_per_task": round(1000 * overhead, 2),
        "driver_docs_per_s": round(rate, 1),
        "load_average_1min": [round(x, 2) for x in loads],
        "predicted": {"10 machines x 2 cores": predict(10), "100 machines x 2 cores": predict(100)},
        "machine": machine_info(nlp),
    }


def report(r: dict[str, Any]) -> str:
    lines = [
        f"{r['docs']} documents, {r['quotes']} quotes; {r['workers']} Dask workers x 1 thread, "
        f"{r['tasks']} tasks of {r['partition_size']} documents; rows identical: "
        f"{r['identical_rows']}",
        f"one process: {r['single_process_s']} s   Dask: {r['dask_s']} s   "
        f"speed-up: {r['speedup']}x   (runs: {r['all_single_s']} / {r['all_dask_s']})",
        f"CPU seconds: one process {r['single_process_cpu_s']}, workers + driver "
        f"{r['dask_cpu_s']} (driver {r['driver_cpu_s']}); efficiency {r['cpu_efficiency']}, "
        f"so {r['idle_machine_speedup']}x on an otherwise idle machine",
        f"control, {r['workers']} plain processes without Dask: {r['plain_processes_s']} s, "
        f"{r['plain_processes_cpu_s']} CPU seconds",
        f"cluster start-up incl. model load: {r['cluster_startup_s']} s (not in the timings)",
        f"scheduler round trip per empty task: {r['scheduler_overhead_ms_per_task']} ms; "
        f"driver reads+writes {r['driver_docs_per_s']} docs/s",
        f"load average (1 min) before each run and at the end: {r['load_average_1min']}",
    ]
    for what, p in r["predicted"].items():
        lines.append(
            f"predicted, {what}: {p['docs_per_s']} docs/s (compute {p['compute_docs_per_s']}, "
            f"scheduler cap {p['scheduler_cap_docs_per_s']}, driver cap "
            f"{p['driver_cap_docs_per_s']})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-control", action="store_true", help="skip the plain-process control")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.docs, args.workers, args.partition_size, args.repeat, not args.no_control)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
        print_machine(result["machine"])
    return 0 if result["identical_rows"] else 1


if __name__ == "__main__":
    sys.exit(main())
