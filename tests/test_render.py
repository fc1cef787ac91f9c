"""The HTML view (quoteattr.render, `quoteattr render`) and the displaCy helper (quoteattr.report).

The page is checked twice: as HTML text here (escaping, structure), and in headless Chromium
in test_render_browser.py (what a reader sees, and that no script from the input runs).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

import pytest

from quoteattr.report import as_documents, displacy_spans, quote_regions, render
from quoteattr.types import Cue, Mention, Quote, Speaker

EVIL = '<script>document.title="pwned"</script> & "quotes" </span></mark>'


def hand_quote(text: str, words: str, cue: str, mention: str, name: str, **kw) -> Quote:
    """A Quote built by hand, so the page can be tested without the model's judgement."""
    s = text.index(words)
    c = text.index(cue, s + len(words))
    m = text.index(mention)
    return Quote(
        text=words,
        start=s,
        end=s + len(words),
        fragments=((s, s + len(words)),),
        kind=kw.get("kind", "direct"),
        cue=Cue(cue, c, c + len(cue)),
        speaker=Speaker(name, title=kw.get("title"), mention=Mention(mention, m, m + len(mention))),
        confidence=kw.get("confidence", 0.9),
        method=kw.get("method", "trailing_subject"),
    )


def evil_document() -> tuple[str, list[Quote]]:
    text = (
        f'"{EVIL} is what the form said," reported the clerk <b>Ana</b> Ruiz.\n\n'
        '"Nothing & nobody ran," said the auditor Tom <img src=x onerror=alert(1)> Berg.'
    )
    q1 = hand_quote(
        text, f"{EVIL} is what the form said,", "reported", "the clerk <b>Ana</b> Ruiz",
        '<b>Ana</b> "Ruiz"', title="clerk </span><script>alert(2)</script>",
    )  # fmt: skip
    q2 = hand_quote(
        text, "Nothing & nobody ran,", "said", "the auditor Tom <img src=x onerror=alert(1)> Berg",
        "Tom <img src=x onerror=alert(1)> Berg", method="<i>rule</i>",
    )  # fmt: skip
    return text, [q1, q2]


def test_every_piece_of_input_is_escaped():
    text, quotes = evil_document()
    page = render({"id": '<script>alert("id")</script>', "text": text, "quotes": quotes})
    # one script element, ours; no markup from the input survives as markup
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in page
    assert "&lt;/span&gt;&lt;/mark&gt;" in page
    assert html.escape('<b>Ana</b> "Ruiz"') in page
    # the article as shown (labels and tags dropped, entities decoded) is the text, unchanged
    shown = page.split('<div class="qa-text">', 1)[1].split("</div>", 1)[0]
    shown = re.sub(r'<span class="qa-label".*?</span></span>', "", shown)
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == text


def test_page_loads_nothing_and_allows_only_its_own_script():
    text, quotes = evil_document()
    page = render((text, quotes))
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert "@import" not in page and "url(" not in page
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1]
    script = page.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


def test_each_quote_is_marked_once_labelled_with_cue_and_mention():
    text, quotes = evil_document()
    page = render((text, quotes))
    for n, q in enumerate(quotes):
        marks = re.findall(rf'<mark [^>]*data-q="d1q{n}"[^>]*>', page)
        assert marks, f"quote {n} is not highlighted"
        assert (
            len(re.findall(rf'data-q="d1q{n}"[^>]*>(<span[^>]*>)*<span class="qa-label"', page))
            == 1
        )
        assert f'data-mention="{html.escape(q.speaker.mention.text)}"' in marks[0]
        assert f'data-method="{html.escape(q.method)}"' in marks[0]
        assert re.search(
            rf'<span class="qa-cue"[^>]*data-q="d1q{n}"[^>]*>{q.cue.text}</span>', page
        )
    # two speakers, two colours, and a table row for each
    colours = set(re.findall(r'<mark class="qa-quote[^"]*" style="--c:([^"]+)"', page))
    assert len(colours) == 2
    assert page.count('<tr data-s="') == 2


def test_an_interrupted_quote_is_two_marks_with_one_label():
    text = '"We will build it," the mayor, Ines Falk, said, "and we will pay for it."'
    first, second = text.index("We will"), text.index("and we")
    frags = ((first, text.index(',"')), (second, text.rindex('"')))
    q = Quote(
        text="…",
        start=frags[0][0],
        end=frags[1][1],
        fragments=frags,
        kind="direct",
        cue=Cue("said", text.index("said"), text.index("said") + 4),
        speaker=Speaker(
            "Ines Falk", title="mayor", mention=Mention("the mayor, Ines Falk", 20, 40)
        ),
        confidence=0.93,
        method="trailing_subject",
    )
    regions = quote_regions(q, text)
    assert [text[s:e] for s, e in regions] == ['"We will build it', '"and we will pay for it."']
    page = render((text, [q]))
    assert page.count('data-q="d1q0"') >= 2
    assert page.count('class="qa-label"') == 1
    assert "Ines Falk" in page and "0.93" in page and "mayor" in page


def test_mixed_quote_highlight_leaves_out_its_own_cue_and_speaker():
    text = "The board, its chair said, had been “asleep at the wheel” for years."
    start, end = text.index("The board"), text.index(" for years") + len(" for years")
    cue = text.index("said")
    q = Quote(
        text=text[start:end],
        start=start,
        end=end,
        fragments=((text.index("asleep"), text.index("wheel") + 5),),
        kind="mixed",
        cue=Cue("said", cue, cue + 4),
        speaker=Speaker("the chair", mention=Mention("its chair", cue - 10, cue - 1)),
        confidence=0.6,
        method="reported_clause",
    )
    pieces = [text[s:e] for s, e in quote_regions(q, text)]
    assert pieces == ["The board, ", " ", ", had been “asleep at the wheel” for years"]


def test_a_quote_without_speaker_is_grey_and_labelled_unknown():
    text = '"The lights went out at nine."'
    q = Quote(text=text[1:-1], start=1, end=len(text) - 1, fragments=((1, len(text) - 1),))
    page = render((text, [q]))
    assert '<span class="qa-name">?</span>' in page
    assert "(no speaker)" in page.split('<table class="qa-speakers">', 1)[1]
    assert 'style="--c:#dddddd"' in page


def test_documents_get_a_table_of_contents_in_order():
    docs = [
        {"id": "first & <one>", "text": "No quotes here.", "quotes": []},
        {"id": "second", "text": "Nor here.", "quotes": []},
    ]
    page = render(docs, title="Two <docs>")
    toc = page.split('<nav class="qa-toc">', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#(doc-\d)"', toc) == ["doc-1", "doc-2"]
    assert "first &amp; &lt;one&gt;" in toc
    assert 'id="doc-1"' in page and 'id="doc-2"' in page
    assert "<title>Two &lt;docs&gt;</title>" in page
    assert "No quotes found." in page
    assert '<nav class="qa-toc">' not in render(docs[:1])  # one document needs no contents


def test_render_rejects_what_it_cannot_show():
    with pytest.raises(TypeError, match="render\\(\\) takes"):
        render(42)
    with pytest.raises(TypeError, match="'text'"):
        render({"id": "x", "quotes": []})


# --- with the model ---------------------------------------------------------------------------

STORY = (
    '"The ferry will run every hour from May," said harbour master Gita Rao.\n\n'
    "Rao said the old timetable had confused visitors.\n\n"
    '"We asked for this for years," said Leon Brandt, who runs a cafe on the pier.'
)


def test_render_text_doc_and_results_agree(nlp):
    import quoteattr

    quotes = quoteattr.extract(STORY, nlp=nlp)
    assert quotes, "the model found no quotes in the story"
    from_text = quoteattr.render(STORY, nlp=nlp)  # the top-level name is report.render
    from_results = render((STORY, quotes))
    from_json = render({"id": "document 1", "text": STORY, "quotes": [q.to_dict() for q in quotes]})
    assert from_text == from_results == from_json
    doc = nlp(STORY)
    assert render(doc) == from_text
    for q in quotes:
        assert f'<span class="qa-name">{html.escape(q.speaker.name)}</span>' in from_text


def test_doc_without_quotes_group_says_what_to_do(nlp):
    doc = nlp.make_doc("Plain text.")
    with pytest.raises(ValueError, match="quote_attributor"):
        render(doc)


def test_displacy_spans_are_labelled_with_the_speaker(nlp):
    from spacy import displacy

    doc = nlp(STORY)
    data = displacy_spans(doc, cues=True)
    quotes = doc._.quotes
    names = {q.speaker.name for q in quotes if q.speaker}
    labels = [s["label"] for s in data["spans"]]
    assert set(labels) - {"cue"} == names
    assert labels.count("cue") == sum(1 for q in quotes if q.cue)
    assert data["tokens"] == [t.text for t in doc]
    for span in data["spans"]:
        words = doc[span["start_token"] : span["end_token"]].text
        if span["label"] != "cue":
            said = [q.text for q in quotes if q.speaker and q.speaker.name == span["label"]]
            assert any(words.strip('"“” ,.') in t for t in said), words
    page = displacy.render(data, style="span", manual=True, page=False)
    assert all(html.escape(name) in page for name in names)


def test_cli_render_writes_one_page_for_several_files(tmp_path: Path, nlp):
    from quoteattr.cli import main

    story = tmp_path / "ferry.txt"
    story.write_text(STORY, encoding="utf-8")
    evil = tmp_path / "evil.jsonl"
    evil.write_text(
        '{"id": "<evil>", "text": "\\"No <script>x()</script> here,\\" said Mira Holt."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    assert main(["render", str(story), str(evil), "-o", str(out), "--title", "Ferry"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="qa-doc"') == 2
    assert "ferry.txt" in page and "&lt;evil&gt;" in page and "<script>x()" not in page

    # --quotes: show quotes computed earlier (here: a hand-edited speaker) instead of extracting
    quotes = tmp_path / "quotes.jsonl"
    assert main(["extract", str(story), "-o", str(quotes)]) == 0
    edited = quotes.read_text(encoding="utf-8").replace("Gita Rao", "G. Rao (edited)")
    quotes.write_text(edited, encoding="utf-8")
    assert main(["render", str(story), "--quotes", str(quotes), "-o", str(out)]) == 0
    assert "G. Rao (edited)" in out.read_text(encoding="utf-8")
    quotes.write_text("not json\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="quotes.jsonl:1: not JSON"):
        main(["render", str(story), "--quotes", str(quotes), "-o", str(out)])


def test_as_documents_numbers_unnamed_documents():
    docs = as_documents([("One.", []), ("Two.", [])])
    assert [d.doc_id for d in docs] == ["document 1", "document 2"]
