"""The spaCy component: entry point, span-group storage, round trips, extension names."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
import srsly
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry

import quoteattr
from quoteattr import Quote, Speaker
from quoteattr.api import resolve_model_name
from quoteattr.component import data_attr, score_quotes, write_quotes
from quoteattr.cues import DATA_DIR, Lexicon, default_lexicon

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


# --- each quote rides with its span ----------------------------------------------------------


def test_each_span_gives_its_quote(doc):
    group = doc.spans["quotes"]
    assert tuple(span._.quote for span in group) == doc._.quotes
    first = group[0]._.quote
    assert first.text == "These cuts are painful but necessary,"
    assert first.cue.text == "said"
    assert (first.speaker.name, first.speaker.title) == ("Tomas Berger", "Finance Minister")


def test_filtering_the_group_keeps_the_remaining_quotes(doc):
    edited = doc.copy()
    group = edited.spans["quotes"]
    edited.spans["quotes"] = [span for span in group if span._.quote.cue.text == "added"]
    assert edited._.quotes == doc._.quotes[1:]
    assert edited._.quotes[0].speaker.mention.text == "he"


def test_spans_added_or_moved_keep_every_quote_with_its_span(doc):
    edited = doc.copy()
    edited.spans["quotes"].append(edited[0:2])  # a span no quote_attributor wrote
    assert edited._.quotes == doc._.quotes
    assert edited.spans["quotes"][-1]._.quote is None
    spans = list(edited.spans["quotes"])
    edited.spans["quotes"] = [spans[1], spans[2], spans[0]]
    assert edited._.quotes == (doc._.quotes[1], doc._.quotes[0])


def test_doc_from_docs_keeps_the_quotes_of_each_doc(nlp, doc):
    other = nlp("\u201cRents will rise,\u201d said housing chief Ana Ruiz.")
    joined = Doc.from_docs([doc, other])
    quotes = joined._.quotes
    assert [q.text for q in quotes] == [q.text for q in doc._.quotes + other._.quotes]
    assert quotes[:2] == doc._.quotes  # the first doc's offsets are unchanged
    last = quotes[2]
    assert last.start == joined.text.index("Rents")
    assert (last.cue.text, last.speaker.name) == ("said", "Ana Ruiz")


def test_to_json_and_from_json_keep_the_quotes(nlp, doc):
    data = doc.to_json(underscore=[data_attr("quotes")])
    again = Doc(nlp.vocab).from_json(data)
    assert again._.quotes == doc._.quotes


def test_docbin_with_user_data_keeps_an_edited_group(nlp, doc):
    edited = doc.copy()
    edited.spans["quotes"] = list(edited.spans["quotes"])[1:]
    data = DocBin(docs=[edited], store_user_data=True).to_bytes()
    again = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert again._.quotes == doc._.quotes[1:]


# --- serialization from memory ---------------------------------------------------------------


def _lexicon_with_sniff(folder: Path) -> Path:
    shutil.copytree(DATA_DIR, folder)
    with open(folder / "cues.txt", "a", encoding="utf-8") as fh:
        fh.write("\n[speech_verbs]\nsniff\n")
    return folder


def test_to_bytes_carries_a_custom_lexicon(tmp_path):
    source = spacy.blank("en")
    source.add_pipe("quote_attributor").initialize(
        lexicon_dir=str(_lexicon_with_sniff(tmp_path / "lexicon"))
    )
    data = source.to_bytes()
    target = spacy.blank("en")
    attributor = target.add_pipe("quote_attributor")
    assert "sniff" not in attributor.lexicon.speech_verbs
    target.from_bytes(data)
    assert "sniff" in target.get_pipe("quote_attributor").lexicon.speech_verbs


def test_to_bytes_and_from_bytes_honour_exclude(tmp_path):
    source = spacy.blank("en").add_pipe("quote_attributor")
    source.initialize(lexicon_dir=str(_lexicon_with_sniff(tmp_path / "lexicon")))
    target = spacy.blank("en").add_pipe("quote_attributor")
    target.from_bytes(source.to_bytes(exclude=["lexicon"]))
    assert "sniff" not in target.lexicon.speech_verbs
    target.from_bytes(source.to_bytes(), exclude=["lexicon"])
    assert "sniff" not in target.lexicon.speech_verbs
    target.from_bytes(source.to_bytes())
    assert "sniff" in target.lexicon.speech_verbs


def test_to_disk_works_after_the_lexicon_folder_is_deleted(tmp_path):
    folder = _lexicon_with_sniff(tmp_path / "lexicon")
    pipeline = spacy.blank("en")
    pipeline.add_pipe("quote_attributor").initialize(lexicon_dir=str(folder))
    shutil.rmtree(folder)
    pipeline.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert "sniff" in loaded.get_pipe("quote_attributor").lexicon.speech_verbs


# --- scoring in nlp.evaluate -----------------------------------------------------------------


def _gold_quote(words: str, name: str) -> Quote:
    start = TEXT.index(words)
    end = start + len(words)
    return Quote(words, start, end, ((start, end),), "direct", speaker=Speaker(name))


GOLD = [
    _gold_quote("These cuts are painful but necessary,", "Tomas Berger"),
    _gold_quote("We will review them next spring,", "tomas  berger"),
]


def _example(nlp, gold: list[Quote]) -> Example:
    reference = nlp.make_doc(TEXT)
    write_quotes(reference, gold)
    return Example(nlp.make_doc(TEXT), reference)


def test_nlp_evaluate_reports_quote_spans_and_speaker_accuracy(nlp):
    scores = nlp.evaluate([_example(nlp, GOLD)])
    assert (scores["quotes_p"], scores["quotes_r"], scores["quotes_f"]) == (1.0, 1.0, 1.0)
    assert scores["quotes_speaker_acc"] == 1.0
    assert scores["quotes_per_type"]["direct"]["f"] == 1.0


def test_nlp_evaluate_counts_missed_quotes_and_wrong_speakers(nlp):
    unsaid = Quote("The minister", 4, 16, ((4, 16),), "indirect", speaker=Speaker("Ana Ruiz"))
    gold = [GOLD[0], replace(GOLD[1], speaker=Speaker("Ana Ruiz")), unsaid]
    scores = nlp.evaluate([_example(nlp, gold)])
    assert scores["quotes_p"] == 1.0
    assert scores["quotes_r"] == pytest.approx(2 / 3)
    assert scores["quotes_speaker_acc"] == 0.5  # of the two gold quotes found


def test_scorer_is_registered_like_spacys_own(nlp):
    assert nlp.get_pipe_config("quote_attributor")["scorer"] == {
        "@scorers": "quoteattr.quote_scorer.v1"
    }
    assert registry.scorers.get("quoteattr.quote_scorer.v1")() is score_quotes


# --- the same answers in a pipeline of one's own ---------------------------------------------


@pytest.fixture(scope="module")
def own_nlp() -> Language:
    """A user's pipeline: the component under its own key and attribute names."""
    pipeline = spacy.load(resolve_model_name())
    pipeline.add_pipe("paragraph_sentences", before="parser")
    pipeline.add_pipe("quote_attributor", config={"spans_key": "press", "attr_name": "press_q"})
    return pipeline


def test_extract_reads_the_components_own_span_group(nlp, own_nlp):
    quotes = quoteattr.extract(TEXT, nlp=own_nlp)
    assert len(quotes) == 2
    assert quotes == quoteattr.extract(TEXT, nlp=nlp)
    doc = own_nlp(TEXT)
    assert doc._.press_q == tuple(quotes)
    assert doc.spans["press"][0]._.press_q_quote == quotes[0]


def test_the_component_reads_invisible_spaces_as_extract_does(nlp):
    # a non-breaking space inside a name, a zero-width space, Windows line ends
    text = (
        "\u201cWe lost four days,\u201d said Port Director Ines\u00a0Carvalho.\r\n\r\n"
        "Officials\u200b said the wall would hold.\r\n\r\n"
        "\u201cThe wall held,\u201d she added.\r\n"
    )

    def answer(q: Quote) -> tuple:
        who = q.speaker
        return (q.start, q.end, q.fragments, q.kind, q.cue, who and (who.name, who.title))

    via_extract = quoteattr.extract(text, nlp=nlp)
    assert [answer(q) for q in nlp(text)._.quotes] == [answer(q) for q in via_extract]
    assert via_extract[0].speaker.name == "Ines Carvalho"


def test_the_component_keeps_title_abbreviations_whole_in_a_pipeline_of_ones_own():
    pipeline = spacy.load(resolve_model_name())
    pipeline.add_pipe("quote_attributor")
    doc = pipeline("The ferry will run again on Monday, Capt. Okonjo said.")
    assert "Capt." in [t.text for t in doc]
    (quote,) = doc._.quotes
    assert quote.speaker is not None and quote.speaker.name == "Okonjo"


def test_extract_adds_paragraph_sentences_to_a_pipeline_of_ones_own():
    pipeline = spacy.load(resolve_model_name())
    (quote,) = quoteattr.extract(
        'Update:\n- "Rents will rise," says housing chief\n- Tenants plan protest', nlp=pipeline
    )
    assert pipeline.pipe_names.index("paragraph_sentences") < pipeline.pipe_names.index("parser")
    assert quote.speaker.mention.text == "housing chief"


# --- wrong placement is a clear message ------------------------------------------------------


@pytest.mark.parametrize("before", ["lemmatizer", "ner"])
def test_component_placed_too_early_names_the_fix(before):
    pipeline = spacy.load(resolve_model_name())
    pipeline.add_pipe("quote_attributor", before=before)
    assert pipeline.analyze_pipes()["problems"]["quote_attributor"]
    with pytest.raises(ValueError, match=f"after '{before}'"):
        pipeline('"It works," she said.')


def test_paragraph_sentences_after_the_parser_names_the_fix():
    pipeline = spacy.load(resolve_model_name())
    pipeline.add_pipe("paragraph_sentences", after="parser")
    with pytest.raises(ValueError, match="before='parser'"):
        pipeline("One line\nAnother line")


def test_requires_and_assigns_list_what_the_component_reads_and_writes(nlp):
    meta = nlp.get_pipe_meta("quote_attributor")
    assert {"doc.ents", "token.ent_iob", "token.lemma", "token.dep", "token.tag"} <= set(
        meta.requires
    )
    assert {"doc.spans", "doc._.quotes", "span._.quote"} <= set(meta.assigns)
    # placed after the parser, lemmatizer and NER, only POS is unaccounted for: en_core_web_sm
    # sets it with an attribute_ruler, which declares nothing
    assert set(nlp.analyze_pipes()["problems"]["quote_attributor"]) <= {"token.pos"}


def test_nlp_set_error_handler_reaches_the_component():
    # spaCy's parser cannot take an error handler (nlp.set_error_handler fails on it), so this
    # pipeline has none and the component's first document raises "needs a dependency parse"
    pipeline = spacy.blank("en")
    pipeline.add_pipe("quote_attributor")
    seen = []
    pipeline.set_error_handler(lambda name, proc, docs, err: seen.append((name, type(err))))
    doc = pipeline.make_doc('"Hello," she said.')
    pipeline.get_pipe("quote_attributor")(doc)
    list(pipeline.get_pipe("quote_attributor").pipe([doc]))
    pipeline(doc.text)
    assert quoteattr.extract(doc.text, nlp=pipeline, scope="attribution") == []
    assert seen == [("quote_attributor", ValueError)] * 4


def test_bytes_saved_before_a_lexicon_file_existed_take_the_default_file():
    files = dict(default_lexicon().files)
    del files["reported.txt"]
    lexicon = Lexicon.from_bytes(srsly.msgpack_dumps(files))
    assert lexicon.connectives == default_lexicon().connectives
    assert lexicon.files["reported.txt"] == default_lexicon().files["reported.txt"]
