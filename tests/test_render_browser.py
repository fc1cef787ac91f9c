"""The HTML report in a real browser: headless Chromium over the DevTools protocol.

Checks what a reader gets: every quote highlighted in its speaker's colour with a label naming
the speaker, details on hover, the speaker table filtering the highlights, and no script from
the input running (the input tries to change the page title, set a global and add elements).
Needs a Chromium-family browser (Debian: `apt-get install chromium`; .ci/run installs it);
skipped with the reason where there is none.
"""

from __future__ import annotations

import struct

import pytest

from quoteattr.report import render
from quoteattr.types import Cue, Mention, Quote, Speaker
from tests._browser import Chromium, find_browser

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium-family browser on PATH (install Debian's `chromium` package, or set "
    "QUOTEATTR_CHROMIUM to a Chrome/Chromium executable)",
)

TITLE = "Browser check"
ATTACKS = (
    "<script>document.title='pwned'; window.pwned = 1;</script>",
    "<img src=x onerror=\"window.pwned = 2; document.body.dataset.pwned = 'img'\">",
    '</mark></span></div><script>window.pwned = 3</script><div class="pwned">',
    '<svg onload="window.pwned = 4"></svg> & &amp; " \'',
)

STORY = (
    '"The ferry will run every hour from May," said harbour master Gita Rao.\n\n'
    "Rao said the old timetable had confused visitors.\n\n"
    '"We asked for this for years," said Leon Brandt, who runs a cafe on the pier. '
    '"Now we need the buses to match."\n\n'
    "The transport office said in a statement that it would publish new times next week."
)


def attack_document() -> dict:
    """Hostile text, speaker name, title, mention and method, with quotes built by hand."""
    paragraphs = [f'"{a} is in my notes," said clerk Nell Ames.' for a in ATTACKS]
    text = "\n\n".join(paragraphs)
    quotes, at = [], 0
    for n, (attack, para) in enumerate(zip(ATTACKS, paragraphs, strict=True)):
        start = at + 1
        end = start + len(attack) + len(" is in my notes,")
        cue = at + para.index("said")
        mention = at + para.index("clerk")
        quotes.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                fragments=((start, end),),
                cue=Cue("said", cue, cue + 4),
                speaker=Speaker(
                    f"Nell {attack[:20]} Ames" if n % 2 else "Nell Ames",
                    title=attack,
                    mention=Mention(text[mention : mention + 15], mention, mention + 15),
                ),
                confidence=0.9,
                method=attack[:30],
            )
        )
        at += len(para) + 2
    return {"id": ATTACKS[0], "text": text, "quotes": quotes}


@pytest.fixture(scope="module")
def browser():
    chromium = Chromium(BROWSER, width=1280, height=1000)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory, nlp):
    import quoteattr

    story_quotes = quoteattr.extract(STORY, nlp=nlp)
    docs = [{"id": "ferry.txt", "text": STORY, "quotes": story_quotes}, attack_document()]
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(docs, title=TITLE), encoding="utf-8")
    return path, docs


def _speaker(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_page_shows_every_quote_with_its_speaker_and_runs_no_input(browser, report, tmp_path):
    path, docs = report
    browser.open(path.as_uri())

    # our script ran; nothing from the input did
    assert browser.evaluate("document.documentElement.dataset.qaReady") == "1"
    assert browser.evaluate("document.title") == TITLE
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.body.dataset.pwned === undefined")
    assert browser.evaluate("document.querySelectorAll('img, svg, .pwned').length") == 0
    assert browser.evaluate("document.scripts.length") == 1
    shown = browser.evaluate("document.querySelector('#doc-2 .qa-text').textContent")
    for attack in ATTACKS:
        assert attack in shown, "input markup should be shown as text"

    for number, doc in enumerate(docs, 1):
        assert doc["quotes"], f"document {number} has no quotes to check"
        for n, quote in enumerate(doc["quotes"]):
            qid = f"d{number}q{n}"
            seen = browser.evaluate(
                f"""(() => {{
                  const marks = [...document.querySelectorAll('mark[data-q="{qid}"]')];
                  if (!marks.length) return null;
                  const label = marks[0].querySelector('.qa-label');
                  return {{
                    marks: marks.length,
                    name: label && label.querySelector('.qa-name').textContent,
                    labels: document.querySelectorAll(
                      'mark[data-q="{qid}"] .qa-label').length,
                    background: getComputedStyle(marks[0]).backgroundColor,
                    visible: marks[0].getBoundingClientRect().width > 0,
                    text: marks.map(m => m.textContent).join(' '),
                  }};
                }})()"""
            )
            assert seen is not None, f"{qid} ({quote.text[:40]!r}) is not highlighted"
            assert seen["name"] == quote.speaker.name, qid
            assert seen["labels"] == 1
            assert seen["visible"]
            assert seen["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), qid
            for s, e in quote.fragments:
                assert doc["text"][s:e][:30] in seen["text"], qid

    # each speaker of a document has a colour of their own
    pairs = browser.evaluate(
        "[...document.querySelectorAll('#doc-1 mark.qa-quote')]"
        ".map(m => [m.dataset.s, getComputedStyle(m).backgroundColor])"
    )
    speakers = {s for s, _ in pairs}
    assert len(speakers) == len({_speaker(q) for q in docs[0]["quotes"]}) > 1
    assert len({bg for _, bg in pairs}) == len(speakers)
    assert all(len({bg for s2, bg in pairs if s2 == s}) == 1 for s in speakers)

    shot = browser.screenshot(tmp_path / "report.png")
    width, height = _png_size(shot)
    assert (width, height) == (1280, 1000)
    assert len(shot) > 30_000, "the screenshot looks blank"


def test_hover_shows_details_and_a_speaker_row_filters(browser, report):
    path, docs = report
    browser.open(path.as_uri())
    quote = docs[0]["quotes"][0]
    details = browser.evaluate(
        """(() => {
          const mark = document.querySelector('mark[data-q="d1q0"]');
          mark.dispatchEvent(new MouseEvent('mouseenter'));
          return [...document.querySelectorAll('#doc-1 .qa-detail dd')].map(d => d.textContent);
        })()"""
    )
    assert quote.speaker.mention.text in details
    assert quote.kind in details and quote.method in details

    hostile = browser.evaluate(
        """(() => {
          document.querySelector('mark[data-q="d2q1"]').click();
          return [...document.querySelectorAll('#doc-2 .qa-detail dd')].map(d => d.textContent);
        })()"""
    )
    assert ATTACKS[1] in hostile and ATTACKS[1][:30] in hostile
    assert browser.evaluate("typeof window.pwned") == "undefined"

    # click the first speaker's row: only their quotes keep a background
    state = browser.evaluate(
        """(() => {
          const row = document.querySelector('#doc-1 tr[data-s]');
          row.click();
          const marks = [...document.querySelectorAll('#doc-1 mark.qa-quote')];
          return {
            speaker: row.dataset.s,
            marks: marks.map(m => [m.dataset.s, getComputedStyle(m).backgroundColor]),
          };
        })()"""
    )
    kept = {s for s, bg in state["marks"] if bg != "rgba(0, 0, 0, 0)"}
    dimmed = {s for s, bg in state["marks"] if bg == "rgba(0, 0, 0, 0)"}
    assert kept == {state["speaker"]}
    assert dimmed == {s for s, _ in state["marks"]} - {state["speaker"]}
    # a second click shows everyone again
    again = browser.evaluate(
        """(() => {
          document.querySelector('#doc-1 tr[data-s]').click();
          return [...document.querySelectorAll('#doc-1 mark.qa-quote')]
            .filter(m => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)').length;
        })()"""
    )
    assert again == 0


def test_table_of_contents_links_to_each_document(browser, report):
    path, docs = report
    browser.open(path.as_uri())
    links = browser.evaluate(
        "[...document.querySelectorAll('nav.qa-toc a')].map(a => "
        "[a.getAttribute('href'), a.textContent, !!document.querySelector(a.getAttribute('href'))])"
    )
    assert [text for _, text, _ in links] == [str(d["id"]) for d in docs]
    assert all(found for *_, found in links)
