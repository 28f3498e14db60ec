"""What a verb of saying reports as its plain object (issue 14, sixth pass d): the reading of a
noun-or-verb form as a verb on a blank pipeline ("Zelensky demands the release"), the objects
that are no content ("protested outside the embassy"), and the subjects of a verb of showing
(``showing`` in cues.jsonl: "reveal", "explain"): a person or body says, a document shows
(cue_type evidence), a thing is a cause and reports nothing ("the flood revealed the wreckage").
"""

from __future__ import annotations

from typing import Any, Dict, List

from .content import trim
from .grammar import DETERMINERS, PRONOUNS, QUOTES
from .view import Range, View, is_cap, is_punct
from .words import word_set

# A document, study or record as a source: what it shows is evidence ("the audit revealed").
DOCUMENT_SOURCES = word_set("document_sources")
INVESTIGATORS = word_set("investigators")  # "investigators | found that ..." (a document_only cue's source)

# Before a noun-or-verb form, words after which it is a verb: a modal, "to", a negation, "also" or
# a subject pronoun ("will demand", "to protest", "they vow", "who demands", "also mentions").
VERB_MARKERS = frozenset(("will", "would", "can", "could", "may", "might", "must", "should", "shall", "to", "did",
                          "does", "do", "not", "n't", "n\u2019t", "never", "who", "also")) | PRONOUNS
# After it, words that open its object: "demands the release", "vows its revenge".
OBJECT_OPENERS = DETERMINERS - {"some"}

# Prepositions that open a place or time, never what was said: "protested outside the embassy".
PLACE_PREPS = frozenset(("in", "at", "outside", "inside", "near", "across", "through", "throughout", "along", "around",
                         "against", "over", "under", "during", "since", "until", "after", "before", "behind", "beside",
                         "toward", "towards", "with", "without", "beyond", "amid", "within", "upon", "into", "onto",
                         "from", "by", "on", "for", "to", "as", "off", "up", "down", "back", "again", "of"))


def verb_by_context(view: View, i: int, e: int, lo: int, hi: int) -> bool:
    """On a blank pipeline (no tags), does the noun-or-verb form at ``i:e`` read as a verb? After a
    modal, "to", a negation, "also" or a subject pronoun ("will demand", "they vow", "It also mentions
    policies"), or before a determiner
    or possessive that opens its object ("Zelensky demands the release"); a determiner or possessive
    before it makes a noun (see ``cues.not_a_verb``)."""
    prev = view.lower[i - 1] if i > lo else ""
    nxt = view.lower[e] if e < hi else ""
    return prev in VERB_MARKERS or nxt in OBJECT_OPENERS


def opens_object(view: View, content: Range) -> bool:
    """Can what follows a verb be its object? Not a place, time or manner phrase ("protested
    outside the embassy", "pleaded in vain"), nor "of" ("There were also mentions of the war")."""
    return view.lower[content[0]] not in PLACE_PREPS


def cause_subject(lex: Any, view: View, src: Range) -> bool:
    """A thing as the subject of a verb of showing, a cause that reports nothing ("The receding
    flood | revealed the wreckage", "Heavy rain | explains the delay"); a pronoun, a name, a person
    or body the source lexicon types, or a document is no cause."""
    words = view.words[src[0]:src[1]]
    lower = view.lower[src[0]:src[1]]
    if lower[-1] in PRONOUNS or lower[-1] in ("who", "which", "they") or lower[-1] in DOCUMENT_SOURCES:
        return False
    if any(is_cap(w) for w in words[1:]) or (len(words) == 1 and is_cap(words[0])):
        return False  # "The Tulsa Police Department", "Lind"
    return lex.typer.classify(" ".join(words)).source_type == "unknown"


def evidence_by_source(lex: Any, items: List[Dict[str, Any]]) -> None:
    """A verb of showing whose source is a document, study or record gives ``cue_type`` evidence
    ("A new UN analysis reveals ...", "The audit revealed ..."); a person or body keeps speech."""
    for item in items:
        if item["cue_type"] != "speech" or not item["source"]:
            continue
        cue_words = item["cue"]["text"].lower().split()
        showing = any(lex.verb_forms.get(w, {}).get("showing") for w in cue_words)
        head = item["source"]["text"].lower().split()[-1].strip(".,")
        if showing and head in DOCUMENT_SOURCES:
            item["cue_type"] = "evidence"


# Words that end a noun-phrase object: a subordinate clause of time or reason ("mentioned the shelling
# | while visiting the camp", "described him as a hero | when he ran").
OBJECT_ENDS = frozenset(("when", "while", "whilst", "until", "because", "although", "though", "whereas", "since",
                         "during"))
# A finite word inside what follows the verb: a clause, not a noun phrase ("noted the army retreated").
FINITE_INSIDE = frozenset(("is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "should",
                           "must", "may", "might", "did", "does", "do"))


def object_extent(view: View, content: Range) -> Range:
    """A verb's noun-phrase object ends before what the writer adds: a time or channel phrase ("has not
    mentioned the envoy | since the summit"), "when"/"while" ..., "as" and a pronoun ("called for a
    pause | as he visited the camp"), an addressee ("mentioned the devil | to me"), a second verb after
    "and" ("promised a veto | and tried to ..."), ", but ...", a comment after a comma (a relative
    clause or a gerund: "questioned the wisdom of the plan, | which ...", "..., | urging ..."), and a
    time or channel phrase that ends it. A clause (a finite verb before the cut: "noted the army had
    retreated when ...") keeps its extent. The one rule for every object content (objects of verbs of
    saying, naming and requests, doubted objects)."""
    s, e = content
    words, lower = view.words, view.lower
    depth = 0
    for k in range(s + 1, e):
        if words[k] in QUOTES:
            depth ^= 1
            continue
        w = lower[k]
        if depth:
            continue
        if (k in view.stop_at or w in OBJECT_ENDS
                or (w == "as" and k + 1 < e and lower[k + 1] in PRONOUNS)
                or (w == "to" and k + 1 < e and lower[k + 1] in ("me", "us", "him", "her", "them"))
                or (w == "and" and k + 1 < e and (lower[k + 1].endswith("ed") or lower[k + 1].endswith("ly")))
                or (w == "but" and words[k - 1] in QUOTES | {","})
                or (words[k] == "," and k + 1 < e and (lower[k + 1] in RELATIVES
                                                       or lower[k + 1].endswith("ing") and lower[k + 1].isalpha()))):
            cut = trim(view, s, k)
            return without_trailing_frames(view, cut) if cut is not None else content
        if w in FINITE_INSIDE or (w.endswith("ed") and w.isalpha() and lower[k - 1] not in DETERMINERS):
            return content  # a clause: "noted the army retreated when ..."
    return without_trailing_frames(view, content)


# Relative words that open a writer's comment after a comma: "the plan, | which ...".
RELATIVES = frozenset(("who", "which", "whose", "whom", "where"))


def without_trailing_frames(view: View, rng: Range) -> Range:
    """``rng`` without the time and channel phrases that end it ("called for a truce | on Friday")."""
    s, e = rng
    cut = True
    while cut:
        cut = False
        for fs, fe, _ in reversed(view.frames_from(s + 1, e)):
            if fe <= e and all(is_punct(view.words[j]) for j in range(fe, e)):
                e, cut = fs, True
                break
    return trim(view, s, e) or rng

