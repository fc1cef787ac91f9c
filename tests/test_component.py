"""The spaCy component: entry point, span-group storage, round trips, extension names."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import spacy
from spacy import displacy
from spacy.tokens import Doc, DocBin

from quoteattr.api import resolve_model_name

TEXT = (
    "The minister defended the budget on Monday.\n\n"
    "\u201cThese cuts are painful but necessary,\u201d said Finance Minister Tomas Berger.\n\n"
    "\u201cWe will review them next spring,\u201d he added.\n"
)


@pytest.fixture(scope="module")
def doc(nlp) -> Doc:
    return nlp(TEXT)


def test_results_are_stored_as_a_span_group(doc):
    group = doc.spans["quotes"]
    assert len(group) == len(doc._.quotes) == 2
    assert [s.label_ for s in group] == ["direct", "direct"]
    assert {q.speaker.name for q in doc._.quotes} == {"Tomas Berger"}


def test_entry_point_works_without_importing_quoteattr():
    # a fresh process that never imports quoteattr itself: spaCy finds the factory by entry point
    code = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.load({resolve_model_name()!r})
        nlp.add_pipe("quote_attributor")
        doc = nlp('"It works," she said.')
        print(len(doc._.quotes), doc._.quotes[0].cue.text)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "said"]


def test_paragraph_sentences_entry_point_and_effect():
    # Found by entry point too; each line starts a sentence, so a bullet's attribution does not
    # take its subject from the next bullet.
    code = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.load({resolve_model_name()!r})
        nlp.add_pipe("paragraph_sentences", before="parser")
        nlp.add_pipe("quote_attributor")
        doc = nlp('Update:\\n- "Rents will rise," says housing chief\\n- Tenants plan protest')
        print(any("\\n" in s.text.strip() for s in doc.sents))
        print(doc._.quotes[0].speaker.mention.text)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["False", "housing chief"]


def test_default_pipeline_starts_a_sentence_at_each_line(nlp):
    assert nlp.pipe_names.index("paragraph_sentences") < nlp.pipe_names.index("parser")
    doc = nlp("Shares fell\nThe bank said losses grew")
    assert [s.text.strip() for s in doc.sents] == ["Shares fell", "The bank said losses grew"]


def test_docbin_round_trip_keeps_the_quotes(nlp, doc):
    data = DocBin(docs=[doc], store_user_data=False).to_bytes()
    again = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert again._.quotes == doc._.quotes


def test_to_disk_round_trip_carries_the_lexicon(nlp, doc, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "quote_attributor" / "lexicon" / "cues.txt").is_file()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded(TEXT)._.quotes == doc._.quotes


def test_saved_lexicon_is_the_one_used(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    cues = tmp_path / "p" / "quote_attributor" / "lexicon" / "cues.txt"
    lines = [ln for ln in cues.read_text().splitlines() if ln.strip() not in ("add", "say")]
    cues.write_text("\n".join(lines) + "\n")
    loaded = spacy.load(tmp_path / "p")
    # without "say" and "add" as cues, no quote is attributed by a speech-cue rule any more
    assert {q.method for q in nlp(TEXT)._.quotes} == {"trailing_subject"}
    assert all(q.method != "trailing_subject" for q in loaded(TEXT)._.quotes)


def test_displacy_renders_the_span_group(doc):
    html = displacy.render(doc, style="span", options={"spans_key": "quotes"})
    assert "direct" in html


def test_extension_clash_names_the_config_key(nlp):
    Doc.set_extension("taken_by_someone_else", default=None)
    try:
        blank = spacy.blank("en")
        with pytest.raises(ValueError, match="attr_name"):
            blank.add_pipe("quote_attributor", config={"attr_name": "taken_by_someone_else"})
    finally:
        Doc.remove_extension("taken_by_someone_else")


def test_registering_the_same_extension_twice_is_a_no_op():
    a = spacy.blank("en").add_pipe("quote_attributor")
    b = spacy.blank("en").add_pipe("quote_attributor")
    assert a.attr_name == b.attr_name == "quotes"


def test_pipeline_without_parser_gets_an_error_naming_a_model():
    blank = spacy.blank("en")
    blank.add_pipe("quote_attributor")
    with pytest.raises(ValueError, match="en_core_web_sm"):
        blank('"Hello," she said.')


def test_unknown_scope_is_rejected():
    with pytest.raises(ValueError, match="speech, attribution"):
        spacy.blank("en").add_pipe("quote_attributor", config={"scope": "everything"})


def test_a_custom_lexicon_holds_in_the_other_scope_too(tmp_path):
    import shutil

    import quoteattr
    from quoteattr.cues import DATA_DIR

    folder = tmp_path / "lexicon"
    shutil.copytree(DATA_DIR, folder)
    cues = folder / "cues.txt"
    lines = [ln for ln in cues.read_text().splitlines() if ln.strip() not in ("add", "say")]
    cues.write_text("\n".join(lines) + "\n")
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("quote_attributor").initialize(lexicon_dir=str(folder))
    for scope in ("speech", "attribution"):
        quotes = quoteattr.extract(TEXT, nlp=nlp, scope=scope)
        assert quotes and all(q.method != "trailing_subject" for q in quotes), scope
