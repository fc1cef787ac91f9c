"""Parse helpers shared by the stages: the speaker of a cue, the noun phrase of a speaker,
climbing from a word to the head of its phrase, first-person and relative-pronoun checks."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from quoteattr.context import DocContext

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# "acomp": "Reed was keen to stress that …", the adjective's copula has the subject
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "acomp"})
EXPLETIVES = frozenset({"it", "this", "that", "there"})  # "It is vital to stress that …"
# children whose subtrees are not part of a speaker's noun phrase
MENTION_CUT_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "punct", "cc", "conj", "parataxis"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# pronouns that can stand for someone who speaks (not "it": a thing rarely speaks)
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DASHES = frozenset({"—", "–", "―", "-", "--"})
NOT_SPEAKER_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
AMOUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
SUBORDINATORS = frozenset({"when", "while", "after", "before", "because", "if", "since", "where"})
# the links inside a name ("Ines" -> "Carvalho", "Mohammed bin Salman")
NAME_DEPS = frozenset({"compound", "flat"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "'d"})  # not "may stay on as chair"


def climb(tok: Token, deps: Collection[str], lo: int = 0, hi: int | None = None) -> Token:
    """The head of a word's phrase: up from ``tok`` while its link to its head is one of
    ``deps`` and the head lies in doc[lo:hi] (`Ines` -> `Carvalho` with NAME_DEPS)."""
    if hi is None:
        hi = len(tok.doc)
    while tok.dep_ in deps and lo <= tok.head.i < hi and tok.head.i != tok.i:
        tok = tok.head
    return tok


def supposed(verb: Token) -> bool:
    """A clause that only supposes what it says: "if the board appoints Lee as chair", "Lee
    could serve as chair". A role said there is nobody's title yet."""
    return any(
        c.dep_ == "mark"
        and c.lower_ in HYPOTHETICAL_MARKS
        or c.dep_ == "aux"
        and c.lower_ in HYPOTHETICAL_AUX
        for c in verb.children
    )


def is_first_person(tok: Token) -> bool:
    """'I'/'we' outside quotes is the writer, not a speaker ('US' is not 'us')."""
    return tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON


def first_person_narration(ctx: DocContext) -> bool:
    """Whether the writer tells the story as 'I' (a memoir, a letter, a column): then 'I said,
    "…"' is a real speaker. Three singular first-person words outside quotes are enough."""
    return ctx.first_person_narration


def relative_antecedent(tok: Token) -> Token | None:
    """For the 'who' of "Dr. Lena Ortiz, who said …", the noun the relative clause describes.

    PolNeAR marks the relative pronoun as the source, so it stays the mention; the resolver
    names the speaker through this noun."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in ("WP", "WDT"):
        return None
    host = climb(tok.head, ("conj", "xcomp"))
    if host.dep_ == "relcl" and host.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return last_conjunct_before(host.head, tok)
    return None


def last_conjunct_before(head: Token, rel: Token) -> Token:
    """'Ann Marsh, Tom Reeve and Sam Okoro, who joked …': the parse hangs the relative
    clause on the list's first name; it describes the name right before it, the last one."""
    conjuncts = [c for c in head.conjuncts if head.i < c.i < rel.i]
    if not conjuncts or head.ent_type_ != "PERSON":
        return head  # "analysts and activists", "Democrats and Republicans": all of them
    last = max(conjuncts, key=lambda c: c.i)
    between = head.doc[last.i + 1 : rel.i]
    return last if last.ent_type_ == "PERSON" and all(t.is_punct for t in between) else head


def agent_of(verb: Token) -> Token | None:
    """The agent of a passive verb: "governor" in "Voters were told by the governor"."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def source_of(tok: Token) -> Token | None:
    """The object of a "by" or "from" phrase on ``tok``: whom a passive's act or a noun comes
    from ("a letter was sent by the director", "complaints by the director that …")."""
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            source = next((o for o in child.children if o.dep_ == "pobj"), None)
            if source is not None:
                return source
    return None


def quoted_as_saying(ctx: DocContext, verb: Token) -> Token | None:
    """`Reuters quoted a senior official as saying …`: the one quoted says it, not Reuters."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "as":
        return None
    if prep.head.lemma_.lower() not in ctx.lexicon.quoting_verbs:
        return None
    # "… , Omar Khalil was quoted as saying": the passive's subject is the one quoted
    quoted = [
        c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass") and not ctx.quoted(c)
    ]
    return quoted[0] if quoted else None


def bracketed(tok: Token) -> bool:
    """Is the phrase of ``tok`` set in brackets ("Tom Reed (Hill North)")?"""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    # the parse may hang the closing bracket on the phrase itself ("(Con, Hill Ward)")
    opens = doc[lo].text == "(" or lo > 0 and doc[lo - 1].text == "("
    closes = doc[hi].text == ")" or hi + 1 < len(doc) and doc[hi + 1].text == ")"
    return opens and closes


def stranded_subject(verb: Token) -> Token | None:
    """'… right about attacking Tom Hale, Ann Lee said': the parser hangs the word right
    before a verb with no subject of its own in apposition on a noun before it; that word is
    the verb's subject."""
    if verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    return before if before.dep_ == "appos" else None


def stranded_name(verb: Token) -> Token | None:
    """'The count will take days, as it includes postal votes, Director Ann Dube said.': a
    stranded subject that is a name set off by a comma, so the cue's clause is the one
    before it."""
    name = stranded_subject(verb)
    if name is None or name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG"):
        return None
    lo = name.left_edge.i
    return name if lo > 0 and verb.doc[lo - 1].text == "," else None


def after_inverted_subject(subj: Token) -> Span | None:
    """'"…," said Ken Morrow, lead author of the study.': the words after the comma that
    follows a subject placed after its verb, to the end of the sentence (its closing
    punctuation left out); None when no comma follows such a subject."""
    doc = subj.doc
    comma = subj.i + 1
    if (
        subj.dep_ != "nsubj"
        or subj.head.i > subj.i
        or comma + 1 >= len(doc)
        or doc[comma].text != ","
    ):
        return None
    end = subj.sent.end
    while end > comma + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[comma + 1 : end] if end > comma + 1 else None


def subject_of(verb: Token, ctx: DocContext, depth: int = 0) -> Token | None:
    """The speaker token of a cue verb: its subject, the subject it shares, or the agent."""
    para = ctx.token_paragraph[verb.i]
    quoted = quoted_as_saying(ctx, verb)
    if quoted is not None:
        return quoted
    # a passive with its agent: "Voters were told by the governor …" — the subject is the
    # hearer (or the content), the agent the speaker
    agent = agent_of(verb)
    if agent is not None and not ctx.quoted(agent) and ctx.token_paragraph[agent.i] == para:
        return agent
    if verb.lemma_.lower() in ctx.lexicon.telling_verbs and any(
        c.dep_ == "nsubjpass" for c in verb.children
    ):
        return None  # "The jury was told that …": the subject heard it; who said it is unsaid
    # two subjects happen when the parse swallows an opening clause ("Sentencing Ann Ross at
    # the court, Judge Lee said …") or a participle set off by commas ("Ruiz, speaking on
    # radio, said …"): a nominal subject before a clausal one, then the one nearest the verb
    subjects = sorted(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS),
        key=lambda c: (c.dep_ == "csubj", abs(c.i - verb.i)),
    )
    for child in subjects:
        if hyphen_split(child)[0].i != child.i:
            continue  # "co" of "said Harbourlabs co-founder Jo Penn": Penn is the subject
        if child.dep_ == "csubj" and child.tag_ == "VBG":
            # or the name is parsed as the participle's own subject ("Ruiz" of "speaking")
            child = next((c for c in child.lefts if c.dep_ == "nsubj"), child)
        child = head_of_split_subject(child, subjects, verb)
        if not ctx.quoted(child) and not child.is_punct:
            # a parse that runs across a paragraph break ('5 p.m.⏎⏎The doctor is calling…')
            # does not give the verb a subject from another paragraph
            if ctx.token_paragraph[child.i] != para:
                return paragraph_opening_subject(verb, ctx)
            return (
                past_dateline(ctx, child, verb)
                or name_after_opening_clause(child, verb)
                or name_in_opening_participle(child, verb)
                or name_before_dashed_role(child, ctx)
                or name_after_coordinated_titles(child, ctx)
                or name_given_to_description(child, ctx)
                or child
            )
    for child in verb.children:  # the same participle parsed as a clause of the verb's own
        if child.dep_ == "advcl" and child.i < verb.i and not ctx.quoted(child):
            named = name_in_opening_participle(child, verb)
            if named is not None:
                return named
    stranded = stranded_name(verb)
    if stranded is not None and not ctx.quoted(stranded):
        return stranded  # "…, postal votes, Director Ann Dube said": hung on the noun before
    # "She added … and warned …", "…, adding …", "he ended by saying …": the cue shares
    # the subject of the verb it hangs on
    if depth < 4 and verb.dep_ in SHARED_SUBJECT_DEPS and verb.head is not verb:
        host = verb.head
        if (
            # "…, adding …", or "… and added: …" with no subject of its own
            (verb.tag_ == "VBG" or verb.lemma_.lower() in ctx.lexicon.continuing_verbs)
            and host.dep_ == "ccomp"
            and ctx.lexicon.is_cue_verb(host.head, "speech")
            and ctx.lexicon.is_cue_verb(verb, "speech")
            and host.head.lemma_.lower() not in ctx.lexicon.relaying_verbs
        ):
            # `Trump told Newsmax that Romney "had …," adding, "…"`: the parse hangs "adding"
            # (or "and added") on the reported clause; it is the reporting speaker who adds
            # (but a paper that "reported" what someone said is not the one asking or adding)
            host = host.head
        shared = subject_of(host, ctx, depth + 1)
        if verb.dep_ == "acomp" and shared is not None and not _can_speak(shared, ctx):
            # "It is vital to stress that …", "A win would be enough to claim …": no one
            return None
        return shared
    return None


def _can_speak(tok: Token, ctx: DocContext) -> bool:
    """A name, a pronoun for someone, or a noun for a person or a body ("the minister", "the
    union"), where "It" or "a win" is no one. Wider than `speaker_like` for pronouns ("we",
    "I" stay the speaker, for the first-person rules to drop), narrower for nouns."""
    if tok.lower_ in EXPLETIVES:
        return False
    if tok.pos_ in ("PROPN", "PRON"):
        return True
    lex = ctx.lexicon
    return lex.is_title_word(tok) or lex.nominal_heads.get(tok.lemma_.lower()) in ("PERSON", "ORG")


def head_of_split_subject(child: Token, subjects: list[Token], verb: Token) -> Token:
    """'said board of directors vice-chairman Tom Reed' parsed as several subjects after the
    verb: one noun phrase the parse split, whose head is its last word, the name."""
    if child.i < verb.i or child.dep_ != "nsubj":
        return child
    doc = verb.doc
    run = [
        c
        for c in subjects
        if c.i > child.i
        and c.dep_ == "nsubj"
        and not any(t.is_punct and t.text != "-" for t in doc[child.i : c.i])
    ]
    return max(run, key=lambda c: c.i) if run else child


def name_after_opening_clause(subj: Token, verb: Token) -> Token | None:
    """'As costs rise in Harbour Town, Police Chief Ann Lee said …' parsed as one clause whose
    subject is "costs": the opening clause's mark hangs on the cue, and the person named right
    before the cue is the speaker."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if (
        before is None
        or subj.pos_ != "NOUN"
        or before.i <= subj.i
        or before.ent_type_ != "PERSON"
        or not any(c.dep_ == "mark" and c.i < subj.i for c in verb.children)
    ):
        return None
    return before


def name_in_opening_participle(subj: Token, verb: Token) -> Token | None:
    """'Writing in an open note to ministers, Professor Ann Lee, head of Harbour University,
    said …' parsed with the participle as the subject and the name in apposition to the
    note's addressees: the participle opening the sentence has no subject of its own, so
    the person set off by commas at the end of its clause is the speaker. "Briefing media
    after the meeting, party leader and Minister Ravi Varma said …", the participle read as a
    noun ("Briefing media" the subject), is the same: the name ends the clause, right before
    the verb or a comma."""
    opening = subj.left_edge
    misread = (
        subj.pos_ == "NOUN"
        and not subj.ent_type_
        and opening.i < subj.i
        and opening.is_title
        and opening.lower_.endswith("ing")
    )
    if (
        not (subj.tag_ == "VBG" or misread)
        or not opening.is_sent_start
        or any(c.dep_ in SUBJECT_DEPS for c in subj.children)
    ):
        return None
    names = [
        t
        for t in subj.subtree
        if t.ent_type_ == "PERSON"
        and t.i < verb.i
        and (t.dep_ == "appos" or misread and t.dep_ == "conj")
    ]
    if not names:
        return None
    name = names[-1]
    doc = verb.doc
    if misread and name.i + 1 == verb.i:
        # the clause is set off by a comma ("Racing commentator Jo Penn and …" is no clause)
        return name if any(t.text == "," for t in doc[opening.i : name.i]) else None
    return name if name.i + 1 < verb.i and doc[name.i + 1].text == "," else None


def name_before_dashed_role(subj: Token, ctx: DocContext) -> Token | None:
    """'Councillor Ann Lee – chair of the Safety Committee – said …' parsed with the role as
    the subject: a role word set off by a dash right after a person's name is what she is,
    and she is the speaker."""
    doc = subj.doc
    if subj.pos_ != "NOUN" or not ctx.lexicon.is_title_word(subj):
        return None
    k = subj.i - 1
    while k > 0 and doc[k].is_lower and doc[k].pos_ in ("DET", "ADJ", "NOUN"):
        k -= 1  # "– the new chair of …"
    if k < 1 or doc[k].text not in DASHES or not doc[k].whitespace_:
        return None
    name = doc[k - 1]
    if name.ent_type_ != "PERSON" or ctx.quoted(name.i):
        return None
    return name


def name_after_coordinated_titles(subj: Token, ctx: DocContext) -> Token | None:
    """'said former Harbour Gov. and Party Chairman Ed Rendon' parsed with the first title
    as the subject and the name as its conjunct: two titles of one person, who speaks. Not
    "the minister and Ann Lee", two speakers: the first title has no article, and a title
    word stands right before the name."""
    if subj.ent_type_ == "PERSON" or not ctx.lexicon.is_title_word(subj):
        return None
    if any(c.dep_ in ("det", "poss") for c in subj.children):
        return None
    for name in subj.children:
        if (
            name.dep_ == "conj"
            and name.ent_type_ == "PERSON"
            and not ctx.quoted(name.i)
            and any(c.dep_ == "compound" and ctx.lexicon.is_title_word(c) for c in name.lefts)
        ):
            return name
    return None


def name_given_to_description(subj: Token, ctx: DocContext) -> Token | None:
    """'A man named Tom Reed said …', 'A woman later identified as Ann Lee said …': the
    name a description's participle gives (`reported.txt` `[naming_verbs]`) is the speaker."""
    if subj.pos_ != "NOUN":
        return None
    parts = [c for c in subj.children if c.dep_ == "acl"]
    if subj.dep_ == "nsubj" and subj.head.tag_ == "VBN":
        parts.append(subj.head)  # the participle misread as the verb the description is subject of
    for part in parts:
        if part.lemma_.lower() not in ctx.lexicon.naming_verbs:
            continue
        for c in part.children:
            named = c if c.dep_ == "oprd" else None
            if c.dep_ == "prep" and c.lower_ == "as":
                named = next((g for g in c.children if g.dep_ == "pobj"), None)
            if named is not None and named.ent_type_ == "PERSON" and not ctx.quoted(named.i):
                return named
    return None


DATELINE_WORDS = 8  # "CLEVELAND, July 19 (UPI) —": a dateline is this short


def past_dateline(ctx: DocContext, subj: Token, verb: Token) -> Token | None:
    """`WASHINGTON — Sen. Ana Ruiz said …` parsed with the dateline as the subject: the
    speaker is the first name after the dateline's dash (or colon)."""
    doc = ctx.doc
    para = ctx.token_paragraph[subj.i]
    start = subj.i
    while start > 0 and ctx.token_paragraph[start - 1] == para:
        start -= 1
    while start < subj.i and doc[start].is_space:
        start += 1
    if subj.i - start > 1:
        return None
    # a place in capitals, or followed by a date or an agency: `SALEM —`, `Salem, May 3 —`,
    # `Salem (AP) —`; not `Ana Ruiz — who ran the agency — said`
    nxt = doc[subj.i + 1 : subj.i + 3]
    if not (
        (subj.is_upper and len(subj.text) > 1)
        or (len(nxt) and nxt[0].text == "(")
        or (len(nxt) == 2 and nxt[0].text == "," and nxt[1].ent_type_ == "DATE")
    ):
        return None
    for j in range(subj.i + 1, min(verb.i, start + DATELINE_WORDS)):
        if doc[j].text in DASHES or doc[j].text == ":":  # `NEW HARBOUR, Jan 31: …` too
            k = j + 1
            if k < verb.i and doc[k].tag_ == "VBG":
                # `…: Opening the library, Minister Ravi Menon said`: past the participle
                comma = next((m for m in range(k, verb.i) if doc[m].text == ","), None)
                k = comma + 1 if comma is not None else k
            return nearest_speaker_before(ctx, k, verb.i)
    return None


def word_before_cue(doc: Doc, verb: Token, floor: int = -1) -> int:
    """Where the word that stands right before a cue verb is, past adverbs, auxiliaries and
    when it was said ("Ann Lee today (6 May) said", "Ann Lee on Friday said"); ``floor`` or
    below when there is none."""
    j = verb.i - 1
    while j > floor:
        t = doc[j]
        if t.pos_ in ("ADV", "AUX", "PART") or t.ent_type_ in ("DATE", "TIME"):
            j -= 1
        elif t.text == ")":
            k = j - 1
            while k > floor and j - k <= 8 and doc[k].text != "(":
                k -= 1
            if k <= floor or doc[k].text != "(":
                break
            j = k - 1
        elif t.pos_ == "ADP" and doc[j + 1].ent_type_ in ("DATE", "TIME"):
            j -= 1
        else:
            break
    return j


def in_body_phrase(ctx: DocContext, subj: Token, j: int) -> bool:
    """Does the word at ``j`` stand inside the phrase of a subject that is a body, not a role
    ("A bench of Justice Ann Rao on Monday ruled"; "Vice President for sales Dev Mehta said" is
    Mehta's)?"""
    return subj.left_edge.i <= j <= subj.right_edge.i and not ctx.lexicon.is_title_word(subj)


def better_adjacent(ctx: DocContext, verb: Token, subj: Token | None) -> Token | None:
    """`… made public ― Trump boasted, "…"`: when the parsed subject cannot speak but a name
    stands right before the verb, the name is the speaker."""
    if subj is not None and speaker_like(subj, ctx):
        return subj
    doc = ctx.doc
    j = word_before_cue(doc, verb)
    if j < 0 or ctx.quoted(j) or ctx.token_paragraph[j] != ctx.token_paragraph[verb.i]:
        return subj
    before = doc[j]
    if subj is not None and subj.pos_ == "NOUN" and in_body_phrase(ctx, subj, j):
        return subj  # "A bench of Justice Ann Rao and Justice Dev Lal on Monday ruled"
    if before.pos_ in ("PROPN", "NOUN", "PRON") and speaker_like(before, ctx):
        return before
    return subj


# links inside the noun phrase that opens a paragraph ("The senator's doctor")
OPENING_PHRASE_DEPS = frozenset({"compound", "poss", "amod", "flat", "det", "nmod", "case"})


def paragraph_opening_subject(verb: Token, ctx: DocContext) -> Token | None:
    """`5 p.m.⏎⏎The senator's doctor is calling …` parsed as one sentence: the noun phrase
    that opens the verb's paragraph, when nothing but that phrase stands before the verb."""
    para = ctx.token_paragraph[verb.i]
    lo = verb.i
    while lo > 0 and ctx.token_paragraph[lo - 1] == para:
        lo -= 1
    span = [t for t in ctx.doc[lo : verb.i] if not t.is_space]
    if not span or any(t.pos_ == "VERB" or ctx.quoted(t) for t in span):
        return None
    first = next((t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if first is None:
        return None
    return climb(first, OPENING_PHRASE_DEPS, lo, verb.i)


def nearest_speaker_before(ctx: DocContext, lo: int, hi: int) -> Token | None:
    """The first name or person word in doc[lo:hi], read left to right (`"…," Ramos, 58, told`)."""
    for tok in ctx.doc[lo:hi]:
        if ctx.quoted(tok) or tok.is_punct or tok.is_space:
            continue
        if age_word(tok) and (tok.i + 1 >= hi or ctx.doc[tok.i + 1].pos_ != "NOUN"):
            return tok  # `"…," the 34-year-old said` (parsed with no subject)
        if tok.ent_type_ in NOT_SPEAKER_ENTS or tok.like_num:
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and speaker_like(tok, ctx):
            return climb(tok, NAME_DEPS, lo, hi)
    return None


def age_word(tok: Token) -> bool:
    """The "old" of a hyphenated age ("34-year-old"), which spaCy splits into five tokens."""
    doc = tok.doc
    return (
        tok.lower_ == "old"
        and tok.i >= 4
        and doc[tok.i - 2].lower_ == "year"
        and doc[tok.i - 1].text == "-"
        and doc[tok.i - 3].text == "-"
        and doc[tok.i - 4].like_num
    )


def inverted_speaker(verb: Token, ctx: DocContext, stop: int) -> Token | None:
    """`"…," said X` parsed without a subject: the first noun-like word after the verb."""
    for tok in ctx.doc[verb.i + 1 : stop]:
        if ctx.quoted(tok) or tok.is_punct:
            break
        if tok.ent_type_ in NOT_SPEAKER_ENTS or tok.like_num:
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not is_first_person(tok):
            head = tok
            while head.head.i != head.i and head.dep_ in ("compound", "amod", "det"):
                if ctx.quoted(head.head):  # `said Ann “Ross.”`: the head is inside the quote
                    break
                head = head.head
            # "mused Harbour co-host Tom Reyes", parsed as three objects: the last is the head
            return hyphen_split(head)[0]
    return None


def word_hyphen(tok: Token) -> bool:
    """The hyphen inside a word ("Lagos-based"), which spaCy makes a token of its own."""
    return (
        tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    )


def hyphen_split(tok: Token) -> tuple[Token, tuple[Token, ...]]:
    """'who is the co-founder', 'Harbourlabs co-founder Jo Penn said', 'Jon Reese,
    vice-chairman, HGE': spaCy can make "co", "-" and "founder" (or the name the word goes on
    to) three attributes, subjects or appositions of one word. The last is the phrase's head;
    the pieces before it go on the phrase with it."""
    doc = tok.doc
    pieces: list[Token] = []
    while tok.i + 2 < len(doc):
        hyphen, nxt = doc[tok.i + 1], doc[tok.i + 2]
        if not word_hyphen(hyphen):
            break
        while nxt.head.i not in (tok.head.i, nxt.i):
            nxt = nxt.head  # "founder Jo Penn": to the phrase the word opens
        if nxt.i <= hyphen.i or nxt.dep_ != tok.dep_ or nxt.head.i != tok.head.i:
            break  # (a word after the hyphen that hangs on the first piece is no new head)
        pieces += [tok, hyphen]
        tok = nxt
    return tok, tuple(pieces)


def mention_span(token: Token, ctx: DocContext) -> Span:
    """The whole noun phrase of a speaker: titles, appositions and affiliations, no clauses."""
    keep = {token.i}
    stack = [token]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in MENTION_CUT_DEPS and not (
                child.dep_ == "punct" and (child.text in "()" or word_hyphen(child))
            ):
                continue
            if ctx.quoted(child) or _in_a_document(child, ctx) or _when_said(child):
                continue
            keep.add(child.i)
            stack.append(child)
    lo = hi = token.i
    para = ctx.token_paragraph[token.i]
    while lo - 1 in keep and ctx.token_paragraph[lo - 1] == para:
        lo -= 1
    while ctx.token_paragraph[min(hi + 1, len(ctx.doc) - 1)] == para:
        if hi + 1 in keep:
            hi += 1
        elif ctx.doc[hi + 1 : hi + 2].text == "," and hi + 2 in keep:
            hi += 2  # `Tom Reyes, a spokesman for the Treasury`: the apposition's comma
        else:
            break
    doc = ctx.doc
    while (
        token.pos_ == "PROPN"  # a name ("co-founder Jo Penn"), not "his co-authors"
        and lo >= 2
        and word_hyphen(doc[lo - 1])
        and doc[lo - 1].head.i == token.head.i
        and hyphen_split(doc[lo - 2])[0].i == token.i
        and not ctx.quoted(lo - 2)
    ):
        lo = doc[lo - 2].left_edge.i  # "Harbourlabs co-founder Jo Penn": the pieces split off
    # `the $5 million experts say …` (a misparse): an amount is never part of a speaker
    amounts = [j for j in range(lo, token.i) if doc[j].ent_type_ in AMOUNT_ENTS]
    if amounts:
        lo = amounts[-1] + 1
    if age_word(doc[lo]):
        lo -= 4  # "34-year-old" is one word to a reader, five tokens to spaCy
    # an affiliation in brackets is kept whole: `Sen. Jane Moreau (R-Ohio)`
    opened = [t.i for t in doc[lo : hi + 1] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1] : hi + 1]):
        for j in range(hi + 1, min(hi + 8, len(doc))):
            if ctx.quoted(j) or ctx.token_paragraph[j] != para:
                break
            if doc[j].text == ")":
                hi = j
                break
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text != ")":
        hi -= 1
    return doc[lo : hi + 1]


def _when_said(tok: Token) -> bool:
    """ "Ravi Sood on Sunday said": the parse can hang when on the name; it is no part of who."""
    return tok.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children
    )


def _in_a_document(tok: Token, ctx: DocContext) -> bool:
    """ "in a statement", "in its alert": where the speaker said it, not who the speaker is
    ("the agency in its alert" is "the agency")."""
    lex = ctx.lexicon
    return (
        tok.dep_ == "prep"
        and tok.lower_ == "in"
        and any(
            c.dep_ == "pobj" and (lex.is_cue_noun(c) or c.lemma_.lower() in lex.document_nouns)
            for c in tok.children
        )
    )


def speaker_like(tok: Token, ctx: DocContext) -> bool:
    """Whether a subject can be someone who speaks: a name, a person pronoun, a role noun."""
    if tok.pos_ == "PRON":
        # 'who' in `…, who said "…"` is kept as written: it is the relative clause's subject
        return tok.lower_ in SPEAKER_PRONOUNS or tok.lower_ in ("who", "whom")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
    lemma = tok.lemma_.lower()
    return (
        lemma in ctx.lexicon.nominal_heads
        or lemma in ctx.lexicon.title_words
        or lemma in ctx.lexicon.role_groups
        or ctx.lexicon.is_cue_noun(tok, "speech")
    )
