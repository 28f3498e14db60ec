"""``conflict_sentences``: rule-based sentence boundaries for news text.

spaCy's ``sentencizer`` splits after every full stop, which breaks news sentences at
"U.S.", "Gen.", "Lt. Col." or "Aug.". This component splits after ``.``, ``!``, ``?``
and ellipses, keeps closing quotes and brackets with the sentence they close, never
splits before a lowercase word (so ``“Are they ready?” he asked.`` stays whole),
treats line breaks as boundaries (headlines, datelines) and, after an abbreviation,
splits only when the next word is a typical sentence opener.

If the Doc already has sentence boundaries (from a parser or senter that ran
earlier) it leaves them alone, unless ``overwrite`` is true.

With ``line_breaks_only``, it marks only the sentences that start after a line break and leaves
every other token open. Put that way *before* a trained parser, which respects boundaries set
before it, it keeps headlines and datelines apart from the first paragraph, as on the blank
default (``conflictnlp.load(base=...)`` does this).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Set

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from .about import require_conflictnlp
from .doctools import WordFlags
from .rules import EditableRules, RuleSet, RuleSource, RuleTable, TableSetting, initialize_method

_TERMINALS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "...."}
# Quotes and brackets that close a sentence when glued to its terminal punctuation.
_CLOSERS = {"”", "’", '"', "'", ")", "]", "»", "''"}
_OPENERS_PUNCT = {"“", "‘", '"', "'", "(", "[", "«", "``", "—", "-"}

# The rule tables (components/sentences/*.jsonl), saved with the pipeline.
RULE_TABLES = (
    RuleTable("abbreviations", "abbreviations.jsonl", {"text": str, "note?": str}),
    RuleTable("openers", "openers.jsonl", {"text": str}),
)


class NewsSentenceSegmenter(EditableRules):
    """Sets ``token.is_sent_start`` for every token. See the module docstring."""

    def __init__(
        self,
        name: str = "conflict_sentences",
        *,
        abbreviations: RuleSource = None,
        openers: RuleSource = None,
        overwrite: bool = False,
        line_breaks_only: bool = False,
        scorer: Optional[Callable[..., Dict[str, Any]]] = None,
    ) -> None:
        self.name = name
        self.scorer = scorer
        self.overwrite = overwrite
        self.line_breaks_only = line_breaks_only
        self.rules = RuleSet("sentences", "conflict_sentences", RULE_TABLES)
        self.rules.load({"abbreviations": abbreviations, "openers": openers})
        self._compile_rules()

    def _compile_rules(self) -> None:
        """The lookups of the rule tables (again after a restore)."""
        self.abbreviations: Set[str] = {e["text"].lower() for e in self.rules["abbreviations"]}
        self.openers: Set[str] = {e["text"] for e in self.rules["openers"]}

    def __call__(self, doc: Doc) -> Doc:
        self.rules.raise_pending()
        if len(doc) == 0:
            return doc
        if not self.overwrite and doc.has_annotation("SENT_START"):
            return doc
        # SENT_START values: 1 starts a sentence, -1 (as uint64) does not, 0 leaves it open.
        values = numpy.full((len(doc),), 0 if self.line_breaks_only else _NOT_START, dtype="uint64")
        values[0] = 1
        starts = _line_break_starts(doc) if self.line_breaks_only else _boundary_tokens(doc, self.abbreviations, self.openers)
        for k in starts:
            values[k] = 1
        doc.from_array([SENT_START], values)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    @initialize_method
    def initialize(
        self, get_examples: Any = None, *, nlp: Any = None, abbreviations: TableSetting = None,
        openers: TableSetting = None,
    ) -> None:
        """Load the tables named in ``[initialize.components.conflict_sentences]`` (a path or the
        entries; null keeps a table), saved with the pipeline."""
        self.initialize_tables(abbreviations=abbreviations, openers=openers)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        """Sentence boundaries against the reference (``sents_p``/``sents_r``/``sents_f``), with the
        configured scorer (spaCy's ``spacy.senter_scorer.v1`` by default)."""
        scorer = self.scorer or registry.scorers.get("spacy.senter_scorer.v1")()
        return scorer(examples, **kwargs)


def _is_abbreviation(doc: Doc, i: int, abbreviations: Set[str]) -> bool:
    """Is the full stop ending at token ``i`` part of an abbreviation?"""
    text = doc[i].text
    if text != "." and text.endswith("."):
        stem = text[:-1]
        # "U.S.", "Aug.", "p.m.", and initials such as "W."
        return stem.lower() in abbreviations or len(stem) == 1 or "." in stem
    if text == "." and i > 0 and not doc[i - 1].whitespace_:
        prev = doc[i - 1].text
        return prev.lower() in abbreviations or (len(prev) == 1 and prev.isalpha() and prev.isupper())
    return False


_NOT_START = numpy.uint64(2**64 - 1)
_CANDIDATE_CHARS = re.compile(r"[.!?…\n]")


def sentence_starts(doc: Doc, abbreviations: Set[str], openers: Set[str]) -> List[bool]:
    """One bool per token: does a sentence start there?"""
    n = len(doc)
    starts = [False] * n
    if n == 0:
        return starts
    starts[0] = True
    for k in _boundary_tokens(doc, abbreviations, openers):
        starts[k] = True
    return starts


# Does a token's text hold a terminal character or a line break? Each distinct word is
# tested once (see WordFlags), for all Docs.
_candidate_flags = WordFlags(lambda text: _CANDIDATE_CHARS.search(text) is not None)


def _candidate_tokens(doc: Doc) -> List[int]:
    """Indices of the tokens whose text holds a terminal character or a line break, in
    order (``doc.text`` builds a Token object per token; every character of interest lies
    inside a token, as spaCy keeps only single spaces as trailing whitespace)."""
    return numpy.flatnonzero(_candidate_flags(doc)).tolist()


def _after_line_break(doc: Doc, i: int) -> Optional[int]:
    """The first non-space token after the space token ``i`` if ``i`` holds a line break, else None."""
    if "\n" not in doc[i].text:
        return None
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j if j < len(doc) else None


def _line_break_starts(doc: Doc) -> Iterator[int]:
    """Indices of the tokens that open a line (headlines, datelines, paragraphs)."""
    for i in _candidate_tokens(doc):
        if doc[i].is_space:
            after = _after_line_break(doc, i)
            if after is not None:
                yield after


def _boundary_tokens(doc: Doc, abbreviations: Set[str], openers: Set[str]) -> Iterator[int]:
    """Indices of the tokens (other than the first) that start a sentence.

    Only tokens holding a terminal character or a line break are looked at, so the cost
    is per sentence, not per token.
    """
    n = len(doc)
    for i in _candidate_tokens(doc):
        token = doc[i]
        text = token.text
        if token.is_space:
            after = _after_line_break(doc, i)
            if after is not None:
                yield after
            continue
        if not (text in _TERMINALS or (text.endswith(".") and len(text) > 1)):
            continue
        # Closing quotes and brackets glued to the terminal belong to this sentence.
        j = i + 1
        while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
            j += 1
        k = j
        while k < n and doc[k].is_space:
            k += 1
        if k >= n:
            return
        nxt = doc[k].text
        if k == j and text == "." and doc[k - 1].whitespace_ == "" and not doc[k - 1].is_space:
            # A full stop glued to the next token ("3.5" split oddly, "..com") ends nothing.
            continue
        first = nxt[0]
        if first.islower():
            continue
        if text.endswith(".") and _is_abbreviation(doc, i, abbreviations):
            split = nxt in openers or (first in "“‘\"«" and k > j)
        else:
            # a comma or semicolon never opens a sentence ("Sen. Pike, R-Tenn., said")
            split = first.isupper() or first.isdigit() or nxt in _OPENERS_PUNCT or not (first.isalnum() or first in ",;")
        if split:
            yield k


@Language.factory(
    "conflict_sentences",
    assigns=["token.is_sent_start"],
    default_config={
        "abbreviations": None, "openers": None, "overwrite": False, "line_breaks_only": False,
        "scorer": {"@scorers": "spacy.senter_scorer.v1"},
    },
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_conflict_sentences(
    nlp: Language,
    name: str,
    abbreviations: Optional[str],
    openers: Optional[str],
    overwrite: bool,
    line_breaks_only: bool,
    scorer: Optional[Callable[..., Dict[str, Any]]],
) -> NewsSentenceSegmenter:
    require_conflictnlp(nlp)
    return NewsSentenceSegmenter(
        name, abbreviations=abbreviations, openers=openers, overwrite=overwrite, line_breaks_only=line_breaks_only,
        scorer=scorer,
    )
