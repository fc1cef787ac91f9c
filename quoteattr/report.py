"""Pictures of who said what: a self-contained HTML report, and displaCy data labelled by speaker.

`render()` (also `quoteattr.render`) turns texts, processed Docs or extract() results into one
HTML page: every quote highlighted in its speaker's colour with a label (name, title,
confidence), the cue underlined, the speaker's mention outlined, details (mention, kind,
method) on hover or click, and a table of speakers per document that filters the highlights.
Inline CSS and a little JavaScript, no network. Every piece of input text goes through
`html.escape`, and the script only ever writes `textContent`, so a text containing markup shows
it as text and runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from quoteattr.types import Cue, Mention, Quote, Speaker

# Light, distinct backgrounds (dark text stays readable on all of them); past the last one,
# colours are spread round the hue circle by the golden angle.
PALETTE = (
    "#ffd27f",
    "#a8d8ff",
    "#b9f0a8",
    "#ffb3c7",
    "#d9c2ff",
    "#a6ece4",
    "#ffc9a3",
    "#e6e68a",
    "#c4d3ff",
    "#f5b8f0",
)
NO_SPEAKER = "(no speaker)"
QUOTE_MARKS = frozenset("\"'“”‘’«»„‟‹›")
NO_SPEAKER_COLOUR = "#dddddd"


def speaker_colour(index: int) -> str:
    """The background colour of the index-th speaker of a document."""
    if index < len(PALETTE):
        return PALETTE[index]
    return f"hsl({(index * 137.508) % 360:.0f}, 80%, 82%)"


# --- input: whatever the caller has, as (id, text, quotes) -------------------------------------


@dataclass
class RenderedDoc:
    """One document of a report: its id, text and quotes (offsets index ``text``)."""

    doc_id: str
    text: str
    quotes: list[Quote] = field(default_factory=list)


def quote_from_dict(record: Mapping[str, Any], text: str) -> Quote:
    """A Quote from its JSON form (Quote.to_dict(), what `quoteattr extract` writes)."""

    def mention(m: Mapping[str, Any] | None) -> Mention | None:
        if not m:
            return None
        return Mention(str(m.get("text", text[m["start"] : m["end"]])), m["start"], m["end"])

    sp = record.get("speaker")
    speaker = None
    if sp:
        speaker = Speaker(
            name=str(sp.get("name") or ""),
            title=sp.get("title"),
            label=str(sp.get("label") or "PERSON"),
            mention=mention(sp.get("mention")),
            affiliation=sp.get("affiliation"),
            held_at=sp.get("held_at"),
        )
    cue = record.get("cue")
    frags = tuple((int(s), int(e)) for s, e in record.get("fragments") or ())
    start, end = int(record["start"]), int(record["end"])
    return Quote(
        text=str(record.get("text", text[start:end])),
        start=start,
        end=end,
        fragments=frags or ((start, end),),
        kind=str(record.get("kind") or "direct"),
        cue=Cue(str(cue.get("text", "")), cue["start"], cue["end"]) if cue else None,
        speaker=speaker,
        confidence=float(record.get("confidence") or 0.0),
        method=str(record.get("method") or ""),
    )


def _is_doc(item: Any) -> bool:
    return hasattr(item, "spans") and hasattr(item, "text") and hasattr(item, "vocab")


def _one_document(item: Any, position: int, options: Mapping[str, Any]) -> RenderedDoc:
    default_id = f"document {position}"
    spans_key = options.get("spans_key", "quotes")
    extract_options = {k: v for k, v in options.items() if k != "spans_key"}
    if isinstance(item, RenderedDoc):
        return item
    if isinstance(item, str):
        from quoteattr.api import extract

        return RenderedDoc(default_id, item, extract(item, **extract_options))
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            raise TypeError(
                "a document given as a dict needs its 'text' (and 'quotes' as written by "
                "`quoteattr extract`, or none to extract them)"
            )
        doc_id = str(item.get("id", default_id))
        if item.get("quotes") is None:
            return replace(_one_document(text, position, options), doc_id=doc_id)
        quotes = [q if isinstance(q, Quote) else quote_from_dict(q, text) for q in item["quotes"]]
        return RenderedDoc(doc_id, text, quotes)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        text, quotes = item
        quotes = [q if isinstance(q, Quote) else quote_from_dict(q, text) for q in quotes]
        return RenderedDoc(default_id, text, quotes)
    if _is_doc(item):
        from quoteattr.component import quotes_from_doc

        if spans_key not in item.spans:
            raise ValueError(
                f"this Doc has no span group {spans_key!r}: run it through a pipeline with "
                "quote_attributor, or pass spans_key= the key that component writes"
            )
        return RenderedDoc(default_id, item.text, list(quotes_from_doc(item, spans_key)))
    raise TypeError(
        "render() takes a text, a processed spaCy Doc, a (text, quotes) pair, a dict with "
        f"'text' and 'quotes', or a list of these; got {type(item).__name__}"
    )


def as_documents(source: Any, **options: Any) -> list[RenderedDoc]:
    """render()'s argument as a list of documents, extracting quotes from bare texts."""
    if isinstance(source, (str, Mapping, tuple, RenderedDoc)) or _is_doc(source):
        items: list[Any] = [source]
    elif isinstance(source, Iterable):
        items = list(source)
    else:
        items = [source]
    return [_one_document(item, n, options) for n, item in enumerate(items, 1)]


# --- HTML ----------------------------------------------------------------------------------


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _speaker_key(quote: Quote) -> str:
    return quote.speaker.name if quote.speaker and quote.speaker.name else NO_SPEAKER


@dataclass
class _SpeakerRow:
    index: int
    name: str
    title: str | None
    label: str
    quotes: int = 0


def _speaker_rows(quotes: list[Quote]) -> dict[str, _SpeakerRow]:
    rows: dict[str, _SpeakerRow] = {}
    for q in sorted(quotes, key=lambda q: q.start):
        key = _speaker_key(q)
        if key not in rows:
            sp = q.speaker
            rows[key] = _SpeakerRow(
                len(rows), key, sp.title if sp else None, sp.label if sp else ""
            )
        row = rows[key]
        row.quotes += 1
        if row.title is None and q.speaker and q.speaker.title:
            row.title = q.speaker.title
    return rows


def _colour(row: _SpeakerRow) -> str:
    return NO_SPEAKER_COLOUR if row.name == NO_SPEAKER else speaker_colour(row.index)


def _cut(regions: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``regions`` with the ``holes`` taken out (a cue or speaker inside a quote is not quote)."""
    out = []
    for start, end in regions:
        pieces = [(start, end)]
        for hs, he in holes:
            pieces = [
                p for s, e in pieces for p in ((s, min(e, hs)), (max(s, he), e)) if p[1] > p[0]
            ]
        out.extend(pieces)
    return out


def quote_regions(quote: Quote, text: str | None = None) -> list[tuple[int, int]]:
    """The characters to highlight: the quoted pieces (direct, indirect) or the clause (mixed),
    without the quote's own cue and speaker mention; given the ``text``, a direct quote's
    marks are included."""
    if quote.kind == "mixed":
        regions = [(quote.start, quote.end)]
    elif quote.kind == "direct" and text is not None:  # the marks around the words too
        regions = [
            (
                s - (s > 0 and text[s - 1] in QUOTE_MARKS),
                e + (e < len(text) and text[e] in QUOTE_MARKS),
            )
            for s, e in quote.fragments
        ]
    else:
        regions = list(quote.fragments)
    holes = []
    if quote.cue:
        holes.append((quote.cue.start, quote.cue.end))
    if quote.speaker and quote.speaker.mention:
        holes.append((quote.speaker.mention.start, quote.speaker.mention.end))
    return _cut(regions, holes)


def _label(quote: Quote) -> str:
    sp = quote.speaker
    name = sp.name if sp and sp.name else "?"
    parts = [f'<span class="qa-name">{_esc(name)}</span>']
    if sp and sp.title:
        parts.append(f'<span class="qa-title">{_esc(sp.title)}</span>')
    parts.append(f'<span class="qa-conf">{quote.confidence:.2f}</span>')
    return f'<span class="qa-label" aria-hidden="true">{"".join(parts)}</span>'


def _details(quote: Quote, qid: str, row: _SpeakerRow) -> str:
    """data-* attributes the script shows on hover/click (read back as text, never as HTML)."""
    sp = quote.speaker
    mention = sp.mention.text if sp and sp.mention else ""
    info = {
        "q": qid,
        "s": str(row.index),
        "speaker": sp.name if sp else "",
        "title": (sp.title or "") if sp else "",
        "entity": sp.label if sp else "",
        "affiliation": (sp.affiliation or "") if sp else "",
        "heldat": (sp.held_at or "") if sp else "",
        "mention": mention,
        "cue": quote.cue.text if quote.cue else "",
        "kind": quote.kind,
        "method": quote.method,
        "confidence": f"{quote.confidence:.2f}",
    }
    return " ".join(f'data-{k}="{_esc(v)}"' for k, v in info.items())


def _tooltip(quote: Quote) -> str:
    sp = quote.speaker
    mention = sp.mention.text if sp and sp.mention else "—"
    return f"mention: {mention}\nkind: {quote.kind}\nmethod: {quote.method}"


def render_text(doc: RenderedDoc, doc_number: int) -> str:
    """The article's text as HTML with quotes, cues and mentions marked."""
    text = doc.text
    rows = _speaker_rows(doc.quotes)
    # (start, end, layer, quote number): layer 0 = quote region, 1 = cue, 2 = speaker mention
    marks: list[tuple[int, int, int, int]] = []
    for n, q in enumerate(doc.quotes):
        for s, e in quote_regions(q, text):
            marks.append((s, e, 0, n))
        if q.cue:
            marks.append((q.cue.start, q.cue.end, 1, n))
        if q.speaker and q.speaker.mention:
            marks.append((q.speaker.mention.start, q.speaker.mention.end, 2, n))
    marks = [(max(0, s), min(len(text), e), layer, n) for s, e, layer, n in marks if e > s]
    cuts = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    labelled: set[int] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [(layer, n) for s, e, layer, n in marks if s <= a and b <= e]
        piece = _esc(text[a:b])
        for layer, n in sorted(covering, reverse=True):  # mention/cue inside, quote outside
            q = doc.quotes[n]
            row = rows[_speaker_key(q)]
            qid = f"d{doc_number}q{n}"
            colour = _colour(row)
            if layer == 0:
                label = ""
                if n not in labelled:
                    labelled.add(n)
                    label = _label(q)
                piece = (
                    f'<mark class="qa-quote qa-{_esc(q.kind)}" style="--c:{colour}" '
                    f'{_details(q, qid, row)} title="{_esc(_tooltip(q))}" tabindex="0">'
                    f"{label}{piece}</mark>"
                )
            else:
                cls = "qa-cue" if layer == 1 else "qa-mention"
                piece = (
                    f'<span class="{cls}" style="--c:{colour}" data-q="{qid}" '
                    f'data-s="{row.index}">{piece}</span>'
                )
        out.append(piece)
    return "".join(out)


def _speaker_table(doc: RenderedDoc) -> str:
    rows = _speaker_rows(doc.quotes)
    if not rows:
        return '<p class="qa-none">No quotes found.</p>'
    lines = [
        '<table class="qa-speakers"><thead><tr><th></th><th>speaker</th><th>title</th>'
        '<th title="quotes">#</th></tr></thead><tbody>'
    ]
    ordered = sorted(rows.values(), key=lambda r: (-r.quotes, r.index))
    for row in ordered:
        lines.append(
            f'<tr data-s="{row.index}" tabindex="0" title="show only this speaker\'s quotes">'
            f'<td><span class="qa-swatch" style="--c:{_colour(row)}"></span></td>'
            f"<td>{_esc(row.name)}</td><td>{_esc(row.title or '')}</td>"
            f"<td>{row.quotes}</td></tr>"
        )
    lines.append("</tbody></table>")
    return "".join(lines)


CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; }
body { margin: 0; background: #f6f6f4; }
header { padding: 16px 28px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header p { margin: 0; color: #555; font-size: 14px; }
nav.qa-toc { padding: 8px 28px; background: #fff; border-bottom: 1px solid #ddd; font-size: 14px; }
nav.qa-toc ol { margin: 4px 0; padding-left: 20px; columns: 2; }
section.qa-doc { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px;
  padding: 20px 28px; border-bottom: 1px solid #ddd; }
section.qa-doc h2 { grid-column: 1 / -1; font-size: 17px; margin: 0; }
section.qa-doc h2 small { color: #666; font-weight: normal; }
.qa-text { white-space: pre-wrap; line-height: 2.1; font-size: 16px; background: #fff;
  padding: 18px 22px; border: 1px solid #e2e2e2; border-radius: 6px; overflow-wrap: anywhere; }
aside { align-self: start; position: sticky; top: 10px; font-size: 14px; }
mark.qa-quote { background: var(--c); color: inherit; border-radius: 3px; padding: 1px 0;
  cursor: pointer; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.qa-quote:hover, mark.qa-quote.qa-active { outline: 2px solid #333; }
.qa-label { display: inline-block; font-size: 11px; line-height: 1.3; margin: 0 4px 0 0;
  padding: 0 5px; border-radius: 8px; background: #fff; border: 1px solid rgba(0,0,0,.25);
  vertical-align: 2px; white-space: nowrap; max-width: 26em; overflow: hidden;
  text-overflow: ellipsis; }
.qa-name { font-weight: 600; }
.qa-title { color: #555; margin-left: 4px; }
.qa-title::before { content: "· "; }
.qa-conf { color: #777; margin-left: 4px; font-variant-numeric: tabular-nums; }
.qa-cue { text-decoration: underline 2px; text-decoration-color: #222; text-underline-offset: 3px;
  font-style: italic; }
.qa-mention { border-bottom: 2px dotted #333; background: var(--c); border-radius: 2px; }
.qa-dim mark.qa-quote.qa-off { background: transparent; }
.qa-dim mark.qa-quote.qa-off .qa-label { opacity: .3; }
.qa-dim .qa-off.qa-cue, .qa-dim .qa-off.qa-mention { text-decoration: none; border: 0;
  background: transparent; }
table.qa-speakers { border-collapse: collapse; width: 100%; background: #fff;
  table-layout: fixed; }
table.qa-speakers th, table.qa-speakers td { text-align: left; padding: 4px 6px;
  border-bottom: 1px solid #eee; vertical-align: top; overflow-wrap: anywhere; }
table.qa-speakers th:first-child { width: 16px; }
table.qa-speakers th:last-child { width: 26px; }
table.qa-speakers tbody tr { cursor: pointer; }
table.qa-speakers tbody tr:hover { background: #f0f0f0; }
table.qa-speakers tr.qa-selected { background: #fff3c4; }
.qa-swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px;
  background: var(--c); border: 1px solid rgba(0,0,0,.2); }
.qa-detail { margin-top: 12px; background: #fff; border: 1px solid #ddd; border-radius: 6px;
  padding: 8px 10px; min-height: 3em; }
.qa-detail dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.qa-detail dt { color: #666; }
.qa-detail dd { margin: 0; overflow-wrap: anywhere; }
.qa-hint { color: #777; font-size: 13px; }
@media (max-width: 800px) {
  section.qa-doc { grid-template-columns: 1fr; } aside { position: static; } }
"""

# Reads data-* attributes and writes textContent only: nothing from the input becomes markup.
SCRIPT = """
(function () {
  var FIELDS = [["speaker", "speaker"], ["title", "title"], ["entity", "entity"],
    ["affiliation", "affiliation"], ["heldat", "held at"], ["mention", "mention as written"],
    ["cue", "cue"],
    ["kind", "kind"], ["method", "method"], ["confidence", "confidence"]];
  function show(section, mark) {
    var box = section.querySelector(".qa-detail");
    var dl = document.createElement("dl");
    FIELDS.forEach(function (f) {
      var value = mark.dataset[f[0]];
      if (!value) return;
      var dt = document.createElement("dt"); dt.textContent = f[1];
      var dd = document.createElement("dd"); dd.textContent = value;
      dl.appendChild(dt); dl.appendChild(dd);
    });
    box.replaceChildren(dl);
    section.querySelectorAll(".qa-active").forEach(function (m) {
      m.classList.remove("qa-active");
    });
    section.querySelectorAll('mark[data-q="' + mark.dataset.q + '"]').forEach(function (m) {
      m.classList.add("qa-active");
    });
  }
  function filter(section, row) {
    var s = row.dataset.s, on = !row.classList.contains("qa-selected");
    section.querySelectorAll("tr.qa-selected").forEach(function (r) {
      r.classList.remove("qa-selected");
    });
    section.classList.toggle("qa-dim", on);
    section.querySelectorAll("[data-s]").forEach(function (el) {
      if (el.tagName === "TR") return;
      el.classList.toggle("qa-off", on && el.dataset.s !== s);
    });
    if (on) row.classList.add("qa-selected");
  }
  document.querySelectorAll("section.qa-doc").forEach(function (section) {
    section.querySelectorAll("mark.qa-quote").forEach(function (mark) {
      mark.addEventListener("mouseenter", function () { show(section, mark); });
      mark.addEventListener("click", function () { show(section, mark); });
      mark.addEventListener("focus", function () { show(section, mark); });
    });
    section.querySelectorAll("tr[data-s]").forEach(function (row) {
      row.addEventListener("click", function () { filter(section, row); });
      row.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); filter(section, row); }
      });
    });
  });
  document.documentElement.dataset.qaReady = "1";
})();
"""

# The policy names the one script allowed by its hash: a script that reached the page any other
# way would not run even if escaping failed.
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()


def _section(doc: RenderedDoc, number: int) -> str:
    n = len(doc.quotes)
    speakers = len(_speaker_rows(doc.quotes))
    return (
        f'<section class="qa-doc" id="doc-{number}" data-doc="{_esc(doc.doc_id)}">'
        f"<h2>{_esc(doc.doc_id)} <small>{n} quote{'s' if n != 1 else ''}, "
        f"{speakers} speaker{'s' if speakers != 1 else ''}</small></h2>"
        f'<div class="qa-text">{render_text(doc, number)}</div>'
        f"<aside>{_speaker_table(doc)}"
        '<div class="qa-detail" aria-live="polite"><span class="qa-hint">Hover or click a quote '
        "for its details; click a speaker to show only their quotes.</span></div></aside>"
        "</section>"
    )


def _toc(docs: list[RenderedDoc]) -> str:
    items = "".join(
        f'<li><a href="#doc-{n}">{_esc(d.doc_id)}</a> ({len(d.quotes)})</li>'
        for n, d in enumerate(docs, 1)
    )
    return f'<nav class="qa-toc"><strong>Documents</strong><ol>{items}</ol></nav>'


def render_documents(docs: list[RenderedDoc], *, title: str = "Who said what") -> str:
    """The HTML page for documents whose quotes are already known."""
    total = sum(len(d.quotes) for d in docs)
    summary = f"{len(docs)} document{'s' if len(docs) != 1 else ''}, {total} quotes"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # no network: the page may load nothing from anywhere and run no script but its own
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'\">"
        f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_esc(title)}</h1><p>{summary}. Colour = speaker; label = speaker · "
        "title · confidence; underlined = cue; dotted = the speaker as written.</p></header>"
        f"{_toc(docs) if len(docs) > 1 else ''}"
        f"<main>{''.join(_section(d, n) for n, d in enumerate(docs, 1))}</main>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def render(source: Any, *, title: str = "Who said what", **options: Any) -> str:
    """One self-contained HTML page showing every quote and its speaker.

    ``source`` is a text (quotes found with ``extract(text, **options)``, e.g. ``scope=``,
    ``nlp=``), a spaCy Doc processed by ``quote_attributor`` (``spans_key=`` if not "quotes"),
    a ``(text, quotes)`` pair, a dict ``{"id", "text", "quotes"}`` (quotes as Quote objects or
    their JSON form), or a list of any of these for a report with a table of contents.
    """
    return render_documents(as_documents(source, **options), title=title)


# --- displaCy ------------------------------------------------------------------------------


def displacy_spans(doc: Any, *, spans_key: str = "quotes", cues: bool = False) -> dict[str, Any]:
    """displaCy's manual "span" data for a processed Doc, each quote labelled with its speaker.

        displacy.render(displacy_spans(doc), style="span", manual=True)

    The label is the speaker's name ("?" when there is none); with ``cues=True`` each cue is a
    span too, labelled "cue". Quotes whose pieces are apart (``"A," she said, "B"``) give one
    span per piece.
    """
    from quoteattr.component import quotes_from_doc

    if spans_key not in doc.spans:
        raise ValueError(
            f"this Doc has no span group {spans_key!r}: run it through quote_attributor first"
        )
    spans: list[dict[str, Any]] = []

    def add(start: int, end: int, label: str) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append({"start_token": span.start, "end_token": span.end, "label": label})

    for q in quotes_from_doc(doc, spans_key):
        name = q.speaker.name if q.speaker and q.speaker.name else "?"
        for s, e in quote_regions(q, doc.text):
            add(s, e, name)
        if cues and q.cue:
            add(q.cue.start, q.cue.end, "cue")
    spans.sort(key=lambda s: (s["start_token"], s["end_token"]))
    return {"text": doc.text, "tokens": [t.text for t in doc], "spans": spans}


# --- command line: quoteattr render FILES -o report.html -------------------------------------


def add_arguments(parser: Any) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, or - for stdin")
    parser.add_argument(
        "-o", "--output", help="write the HTML here, atomically (default: standard output)"
    )
    parser.add_argument(
        "--quotes",
        metavar="JSONL",
        help="show these quotes (as written by `quoteattr extract`, matched by id) instead of "
        "extracting them again (default: extract them)",
    )
    parser.add_argument(
        "--title", default="Who said what", help="the report's heading (default: %(default)s)"
    )
    from quoteattr.cli import add_pipeline_arguments

    add_pipeline_arguments(parser)


def _known_quotes(path: str) -> dict[str, list[dict[str, Any]]]:
    """{id: quotes} from `quoteattr extract` output; error records and blank lines are skipped."""
    known: dict[str, list[dict[str, Any]]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    msg = f"quoteattr render: {path}:{number}: not JSON ({err.msg})"
                    raise SystemExit(msg) from err
                if isinstance(record, dict) and isinstance(record.get("quotes"), list):
                    known[str(record.get("id"))] = record["quotes"]
    except (OSError, UnicodeDecodeError) as err:
        raise SystemExit(f"quoteattr render: cannot read {path}: {err}") from err
    return known


def run(args: Any) -> int:
    """`quoteattr render`: read documents like `extract` does, write one HTML report."""
    import sys

    from quoteattr.cli import open_output, read_documents

    known = _known_quotes(args.quotes) if args.quotes else None
    docs: list[RenderedDoc] = []
    failed = 0
    nlp = None
    for n, record in enumerate(read_documents(args.paths), 1):
        if "error" in record:
            print(f"quoteattr render: skipped {record['id']}: {record['error']}", file=sys.stderr)
            failed += 1
            continue
        doc_id, text = str(record["id"]), record["text"]
        if known is not None:
            if doc_id not in known:
                print(f"quoteattr render: no quotes for {doc_id} in {args.quotes}", file=sys.stderr)
                failed += 1
                continue
            docs.append(_one_document({"id": doc_id, "text": text, "quotes": known[doc_id]}, n, {}))
            continue
        if nlp is None:
            from quoteattr.cli import load_model_or_exit

            nlp = load_model_or_exit(args.model)
        docs.append(
            _one_document({"id": doc_id, "text": text}, n, {"nlp": nlp, "scope": args.scope})
        )
    with open_output(args.output) as out:
        out.write(render_documents(docs, title=args.title))
    if args.output:
        total = sum(len(d.quotes) for d in docs)
        print(f"wrote {args.output}: {len(docs)} documents, {total} quotes", file=sys.stderr)
    return 1 if failed else 0
