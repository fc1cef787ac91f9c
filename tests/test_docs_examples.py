"""Every example in README.md and docs/*.md is run and must give the output it shows.

Collected from the markdown, so an example added or edited later is checked too:

- a ```python block followed by an output block (```, ```text or ```output) is run and its
  printed output must equal the block, line by line (trailing spaces aside);
- a ```python block followed by a ```json block is run and the value of its last expression,
  as JSON, must equal the block's value;
- the python blocks of one file share their names, in order (an example may use `text` from
  the one before); a block without an output block must at least compile (it may name things
  the reader supplies, like `nlp` or `texts`). `>>>` and `...` prompts are allowed.
- the rules tables of docs/attribution.md and docs/reported.md name every `method` the code
  can give, so a reader can look up any quote's method.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
OUTPUT_LANGS = ("", "text", "output")


@dataclass
class Block:
    lang: str
    body: str
    line: int
    end: int  # character offset after the closing fence


@dataclass
class Example:
    path: Path
    code: Block
    output: Block | None  # None: a snippet that only has to compile


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    return [
        Block(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1, m.end())
        for m in FENCE.finditer(text)
    ]


def examples(path: Path) -> list[Example]:
    text = path.read_text(encoding="utf-8")
    found = blocks(path)
    out = []
    for i, block in enumerate(found):
        if block.lang != "python":
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        follows = nxt is not None and not text[block.end : text.find("```", block.end)].strip()
        if nxt is not None and follows and (nxt.lang in OUTPUT_LANGS or nxt.lang == "json"):
            out.append(Example(path, block, nxt))
        else:
            out.append(Example(path, block, None))
    return out


def source(block: Block) -> str:
    """The code without `>>>` / `...` prompts."""
    lines = block.body.splitlines()
    if not any(line.startswith(">>>") for line in lines):
        return block.body
    return "\n".join(line[4:] if line.startswith((">>> ", "... ")) else line[3:] for line in lines)


def run(code: str, namespace: dict[str, Any]) -> tuple[str, Any]:
    """Run ``code``; return what it printed and the value of its last expression (or None)."""
    tree = ast.parse(code)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(tree, "<doc example>", "exec"), namespace)
        value = eval(compile(last, "<doc example>", "eval"), namespace) if last else None
    return printed.getvalue(), value


ALL = [ex for path in DOC_FILES for ex in examples(path)]
RUNNABLE = [ex for ex in ALL if ex.output is not None]


def _id(ex: Example) -> str:
    return f"{ex.path.relative_to(ROOT)}:{ex.code.line}"


@pytest.mark.parametrize("ex", [ex for ex in ALL if ex.output is None], ids=_id)
def test_a_snippet_compiles(ex: Example) -> None:
    ast.parse(source(ex.code))


@pytest.mark.parametrize("ex", RUNNABLE, ids=_id)
def test_an_example_gives_the_output_it_shows(ex: Example) -> None:
    namespace: dict[str, Any] = {"__name__": "__doc_example__"}
    for earlier in RUNNABLE:  # the file's earlier examples define the names this one uses
        if earlier.path == ex.path and earlier.code.line < ex.code.line:
            run(source(earlier.code), namespace)
    printed, value = run(source(ex.code), namespace)
    assert ex.output is not None
    if ex.output.lang == "json":
        shown = json.loads(ex.output.body)
        assert json.loads(json.dumps(value, ensure_ascii=False)) == shown
    else:
        got = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
        want = [line.rstrip() for line in ex.output.body.rstrip("\n").splitlines()]
        assert got == want


# --- the method tables ------------------------------------------------------------------------

# Method names follow one convention, a rule family then what decided: `trailing_subject`.
METHOD_NAME = re.compile(
    r"(?:trailing|leading|according|dash|phrase|colon|embedded|previous|floating|transcript"
    r"|headline|reported)_[a-z_]+"
)


def methods_in_code() -> set[str]:
    """Every method name the rules can give: the string constants of that shape."""
    names: set[str] = set()
    for module in ("direct_rules.py", "direct_methods.py", "furniture.py", "reported.py"):
        tree = ast.parse((ROOT / "quoteattr" / module).read_text(encoding="utf-8"))
        names |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and METHOD_NAME.fullmatch(node.value)
        }
    return names


def methods_in_tables() -> set[str]:
    """The methods named in the first column of the rules tables."""
    names: set[str] = set()
    for doc in ("attribution.md", "reported.md"):
        for line in (ROOT / "docs" / doc).read_text(encoding="utf-8").splitlines():
            if line.startswith("| `"):
                names |= set(re.findall(r"`([a-z_]+)`", line.split("|")[1]))
    return names


def test_every_method_the_code_gives_is_in_a_table() -> None:
    in_code = methods_in_code()
    assert {"trailing_subject", "reported_clause", "transcript_speaker"} <= in_code
    missing = sorted(in_code - methods_in_tables())
    assert not missing, f"methods missing from the tables in docs/: {missing}"


# --- the examples in the rules tables ---------------------------------------------------------


def table_rows(doc: str, header: str) -> list[list[str]]:
    """The body rows (cells) of the table in docs/``doc`` whose header line starts ``header``."""
    rows: list[list[str]] = []
    inside = False
    for line in (ROOT / "docs" / doc).read_text(encoding="utf-8").splitlines():
        if line.startswith(header):
            inside = True
            continue
        if inside and not line.startswith("|"):
            break
        if inside and not line.startswith("| ---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def attribution_examples() -> list[tuple[tuple[str, ...], str, str | None]]:
    """(methods, text, bold speaker mention or None) for each example of the rules table."""
    out = []
    for cells in table_rows("attribution.md", "| method | confidence | example"):
        methods = tuple(re.findall(r"`([a-z_]+)`", cells[0]))
        for example in cells[2].split(" · "):
            if example in ("", "—"):
                continue  # a rule for a misparse: its shape is in the "when" column
            bold = re.search(r"\*\*(.+?)\*\*", example)
            text = example.replace("**", "").replace("⏎", "\n")
            out.append((methods, text, bold.group(1).strip(" ,") if bold else None))
    return out


def test_the_attribution_table_gives_each_direct_method_its_confidence() -> None:
    # docs/attribution.md and quoteattr/direct_methods.py are one table: every direct method
    # has a row, and the row's confidence column names its confidence (and its weaker case's)
    from quoteattr.direct_methods import DIRECT_METHODS

    documented: dict[str, set[float]] = {}
    for cells in table_rows("attribution.md", "| method | confidence | example"):
        numbers = {float(x) for x in re.findall(r"\d\.\d+", cells[1])}
        for method in re.findall(r"`([a-z_]+)`", cells[0]):
            documented[method] = numbers
    assert set(DIRECT_METHODS) <= set(documented), sorted(set(DIRECT_METHODS) - set(documented))
    for method, entry in DIRECT_METHODS.items():
        assert entry.confidence in documented[method], method
        assert entry.weaker is None or entry.weaker in documented[method], method


@pytest.mark.parametrize(("methods", "text", "mention"), attribution_examples())
def test_an_attribution_table_example_gives_its_method_and_speaker(
    methods: tuple[str, ...], text: str, mention: str | None
) -> None:
    from quoteattr.api import extract

    found = [
        (q.method, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in extract(text)
    ]
    assert any(m in methods and who == mention for m, who in found), found


def reported_examples() -> list[tuple[tuple[str, ...], str]]:
    out = []
    for cells in table_rows("reported.md", "| rule (`method`)"):
        methods = tuple(re.findall(r"`([a-z_]+)`", cells[0]))
        for text in re.findall(r'"([^"]+)"', cells[1]):
            if len(text.split()) >= 3:  # a sentence, not a word the note quotes ("She")
                out.append((methods, text))
    return out


@pytest.mark.parametrize(("methods", "text"), reported_examples())
def test_a_reported_table_example_gives_its_method(methods: tuple[str, ...], text: str) -> None:
    from quoteattr.api import extract

    assert {q.method for q in extract(text)} & set(methods)


def test_the_readme_names_every_config_key() -> None:
    import inspect

    from quoteattr.component import make_quote_attributor

    keys = set(inspect.signature(make_quote_attributor).parameters) - {"nlp", "name"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("Config keys of `quote_attributor`:") :].split("\n\n")[1]
    listed = {row.split("|")[1].strip().strip("`") for row in table.splitlines()[2:]}
    assert keys <= listed, keys - listed


def test_the_docs_have_examples_to_check() -> None:
    # the collectors find what is there (a change of format would otherwise skip them silently)
    assert {ex.path.name for ex in RUNNABLE} >= {"README.md", "reported.md"}
    assert len(RUNNABLE) >= 4 and len(ALL) > len(RUNNABLE)
    assert len(attribution_examples()) >= 25
    assert len(reported_examples()) >= 15
