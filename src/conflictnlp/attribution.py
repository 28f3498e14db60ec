"""``conflict_attribution``: who says what.

Finds every act of reporting in a Doc: the cue ("said", "according to", "citing",
"reportedly", a headline colon), its source, the content, and the channel, time and
intermediate sources. Writes the cue spans to ``doc.spans["conflict_attribution"]``
and one plain dict per attribution to ``doc._.attributions`` (see the contract's
Attribution table and ``docs/attribution.md``).

How it works:

- Cues are found with one ``PhraseMatcher`` pass over the Doc (verb forms and phrase
  cues from ``components/attribution/``); sentences without a cue cost nothing more.
- On a blank pipeline the source is the noun phrase next to the cue, found by a cheap
  chunker over tokens (determiners, capitalized words, titles, "of the ...",
  appositives between commas); the content is the reported clause after the cue (from
  "that" on, without it), or the clause before ", X said", or a quotation (without its
  quotation marks, across sentences when the quote runs on).
- With a dependency parse the source is the cue verb's subject (or the passive's
  agent), the content its clausal complement, and "told Y" gives Y as the medium; POS
  tags reject nouns ("the report card", "insurance claims").
- Source typing, anonymity and the state-media flag come from :mod:`conflictnlp.sources`.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from itertools import compress, islice
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import registry

from . import extensions  # noqa: F401  (registers Doc._.attributions)
from .doctools import CharOffsets, SentenceOf, decode, doc_text, sentence_bounds, token_words
from .rules import PathLike, ResourceError, load_entries, read_jsonl
from .sources import SourceTyper

NAME = "conflict_attribution"

CUE_FIELDS = {
    "lemma": str, "forms": list, "strength": str, "ambiguous?": list, "addressee?": bool,
    "impersonal?": bool, "raising?": bool, "infinitive?": bool, "note?": str,
}
PHRASE_FIELDS = {"text": str, "kind": str, "note?": str}
MEDIUM_FIELDS = {"text": str, "kind": str, "note?": str}
SOURCE_TYPE_FIELDS = {"text": str, "type": str, "anonymous?": bool, "note?": str}
OUTLET_FIELDS = {"name": str, "aliases?": list, "state": bool, "country?": str, "note?": str}

# config key -> (file name, field spec)
LEXICONS = {
    "cues": ("cues.jsonl", CUE_FIELDS),
    "phrases": ("phrases.jsonl", PHRASE_FIELDS),
    "mediums": ("mediums.jsonl", MEDIUM_FIELDS),
    "source_types": ("source_types.jsonl", SOURCE_TYPE_FIELDS),
    "outlets": ("outlets.jsonl", OUTLET_FIELDS),
}
PHRASE_KINDS = {"according", "citing", "cited_by", "sourceless", "anonymity"}
CUE_LABELS = {"verb", "according", "citing", "cited_by", "sourceless", "colon"}
_SPOKEN_PREPS = {"in", "at", "during", "via", "through"}
_PLATFORM_PREPS = {"on", "via", "through", "to"}
_PLATFORM_FILLERS = {"its", "his", "her", "their", "the", "a", "an", "official", "own"}

OPEN_QUOTES = {"“", "«", "„"}
CLOSE_QUOTES = {"”", "»"}
STRAIGHT_QUOTES = {'"'}
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
_TRIM = {".", ",", ";", ":", "!", "?", "…", "...", "—", "–", "-", "(", ")"}
# A question or exclamation mark is part of what was said; a full stop or comma is not.
_TRIM_END = _TRIM - {"?", "!", "?!", "!?"}

_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
# Between a source and its verb: "X also said", "X has repeatedly denied".
_SKIP_BEFORE_CUE = {
    "also", "has", "have", "had", "later", "previously", "earlier", "again", "repeatedly",
    "publicly", "separately", "further", "then", "subsequently", "reportedly", "once", "twice",
    "recently", "first", "initially", "already", "officially", "privately", "both", "falsely",
    "will", "would", "could", "may", "might", "did", "does", "do", "not", "never", "had", "since", "far", "so",
    "always", "consistently", "categorically", "now", "strongly", "firmly", "flatly", "vehemently", "still",
    "formally", "openly", "quickly", "swiftly", "immediately", "emphatically", "long",
}
_DETERMINERS = {"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some"}
# Words that cannot be inside a source noun phrase.
_NP_STOP = {
    "that", "which", "who", "whom", "whose", "where", "when", "while", "as", "because", "since", "after",
    "before", "if", "although", "though", "but", "or", "nor", "so", "yet", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could", "should",
    "may", "might", "must", "can", "not", "also", "then", "than", "to", "by", "on", "into", "over", "under",
    "about", "against", "there", "here", "it", "he", "she", "they", "we", "i", "you", "this", "said",
    "says", "told", "last", "yesterday", "today", "during", "amid", "despite", "until", "like", "however",
    "according", "citing", "what", "how", "why", "him", "them", "us", "me", "saying", "adding", "and", "in", "at",
}
_INNER_PREPS = {"of", "for", "with", "from"}
_ED_ING_OK = {
    "armed", "united", "unnamed", "unidentified", "informed", "self-proclaimed", "detailed", "retired",
    "elected", "appointed", "exiled", "ruling", "leading", "governing", "acting", "outgoing", "incoming",
    "ranking", "high-ranking", "senior", "advanced", "combined", "allied", "licensed", "wounded",
    "displaced", "fighting", "reporting", "briefing", "marine", "supreme",
}
# Words that continue the writer's sentence after "..., X said, ...": what follows is not X's.
_CONTINUATIONS = {"though", "although", "but", "and", "as", "while", "whereas", "because", "with", "which", "when"}
_CLAUSE_LINKS = {"but", "and", "while", "whereas", "as", "though", "although", "yet"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_HEAD_OK_START = _DETERMINERS | {"both", "several", "two", "three", "four", "many", "other", "one", "all", "senior", "top"}
_NP_MAX = 14

Range = Tuple[int, int]
# A lexicon setting: None (the bundled file), a path to a JSONL file, or the entries themselves.
Lexicon = Optional[Union[str, List[Dict[str, Any]]]]


@lru_cache(maxsize=4096)
def _is_punct(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


class _Record:
    """One attribution under construction (token ranges, ``end`` exclusive)."""

    __slots__ = ("cue", "kind", "source", "content", "medium", "time", "via", "anonymous", "lemma", "inherit", "link")

    def __init__(self, cue: Range, kind: str, lemma: str = "") -> None:
        self.cue = cue
        self.kind = kind
        self.lemma = lemma
        self.source: Optional[Range] = None
        self.content: Optional[Range] = None
        self.medium: Optional[Range] = None
        self.time: Optional[Range] = None
        self.via: List[Range] = []
        self.anonymous = False
        self.inherit = False
        self.link: Optional["_Record"] = None  # for "cited by X": the attribution X carries

    def frame(self) -> Range:
        parts = [self.cue] + ([self.source] if self.source and not self.inherit else []) + self.via
        return min(p[0] for p in parts), max(p[1] for p in parts)


class _Ctx:
    """Per-Doc token views, computed once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # Token texts from one array read and the string store (iterating a Doc builds Token
        # objects); the text is rebuilt from them, as ``doc.text`` does.
        self.words, self.lower, spaces = token_words(doc)
        self.text = doc_text(self.words, spaces)
        self.n = len(self.words)
        bounds = sentence_bounds(doc)
        self.sent_starts = [start for start, _ in bounds]
        self.sent_ends = [end for _, end in bounds]
        self.quote_pairs = _pair_quotes(self.text, self.words)
        self.open_at = {o: c for o, c in self.quote_pairs}
        self.close_at = {c: o for o, c in self.quote_pairs}
        self.stop_at: set = set()  # starts of time and medium phrases: a noun phrase ends there
        self.cue_forms: frozenset = frozenset()  # reporting-verb forms (lowercase)
        self.nominal: frozenset = frozenset()  # forms that are also nouns ("estimates", "state")
        self.frame_spans: List[Tuple[int, int, str]] = []
        self.frame_starts: Optional[List[int]] = None  # where a time or "it is reported" frame can start

    def sent_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1


def _pair_quotes(text: str, words: Sequence[str]) -> List[Range]:
    """(opening, closing) token indices of quotations; an unclosed quote ends its paragraph."""
    pairs: List[Range] = []
    if not any(q in text for q in QUOTES):
        return pairs
    open_i: Optional[int] = None
    for i, w in enumerate(words):
        if "\n" in w and w.isspace() and open_i is not None:
            pairs.append((open_i, i))
            open_i = None
            continue
        if w not in QUOTES:
            continue
        if w in OPEN_QUOTES:
            if open_i is not None:
                pairs.append((open_i, i))
            open_i = i
        elif w in CLOSE_QUOTES:
            if open_i is not None:
                pairs.append((open_i, i))
                open_i = None
        else:  # straight quote: opens after a space or at the start, closes otherwise
            if open_i is None:
                open_i = i
            else:
                pairs.append((open_i, i))
                open_i = None
    if open_i is not None:
        pairs.append((open_i, len(words)))
    return pairs


class AttributionDetector:
    """The ``conflict_attribution`` component. See the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = NAME,
        *,
        cues: Union[None, PathLike, List[dict]] = None,
        phrases: Union[None, PathLike, List[dict]] = None,
        mediums: Union[None, PathLike, List[dict]] = None,
        source_types: Union[None, PathLike, List[dict]] = None,
        outlets: Union[None, PathLike, List[dict]] = None,
        use_parser: bool = True,
        resolve_pronouns: bool = True,
        scorer: Optional[Callable] = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.use_parser = use_parser
        self.resolve_pronouns = resolve_pronouns
        self.scorer = scorer
        config = {"cues": cues, "phrases": phrases, "mediums": mediums, "source_types": source_types, "outlets": outlets}
        self.entries: Dict[str, List[dict]] = {
            key: load_entries(config[key], "attribution", LEXICONS[key][0], LEXICONS[key][1]) for key in LEXICONS
        }
        self._build()

    # ------------------------------------------------------------------ setup
    def _build(self) -> None:
        for entry in self.entries["cues"]:
            if entry["strength"] not in ("strong", "weak"):
                raise ResourceError(f"attribution cues: lemma {entry['lemma']!r}: strength must be 'strong' or 'weak'")
        for entry in self.entries["phrases"]:
            if entry["kind"] not in PHRASE_KINDS:
                raise ResourceError(
                    f"attribution phrases: {entry['text']!r}: kind must be one of {', '.join(sorted(PHRASE_KINDS))}"
                )
        self.verb_forms: Dict[str, dict] = {}
        for entry in self.entries["cues"]:
            for form in entry["forms"]:
                self.verb_forms[form.lower()] = entry
        self.cue_forms = frozenset(f for f in self.verb_forms if " " not in f)
        self.ambiguous = {f.lower() for e in self.entries["cues"] for f in e.get("ambiguous", [])}
        self.impersonal = {f for f, e in self.verb_forms.items() if e.get("impersonal") and (f.endswith(("ed", "nt")) or f in ("said", "told"))}
        self.typer = SourceTyper(self.entries["source_types"], self.entries["outlets"])
        make = self.nlp.make_doc
        self.cue_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.cue_matcher.add("verb", [make(f) for f in self.verb_forms])
        for kind in PHRASE_KINDS:
            texts = [e["text"] for e in self.entries["phrases"] if e["kind"] == kind]
            if texts:
                self.cue_matcher.add(kind, [make(t) for t in texts])
        self.cue_matcher.add("colon", [make(":")])
        # Time phrases and "it is reported": token patterns over lowercase words, run by
        # TokenPatterns (spaCy's Matcher builds a Token object per token it looks at).
        self.frame_patterns = TokenPatterns(_time_patterns() + _impersonal_patterns(sorted(self.impersonal)))
        # Channel words are matched in the same PhraseMatcher pass; their preposition is
        # checked only in sentences that have a cue (see _channels).
        spoken = [e["text"] for e in self.entries["mediums"] if e["kind"] != "platform"]
        platforms = [e["text"] for e in self.entries["mediums"] if e["kind"] == "platform"]
        if spoken:
            self.cue_matcher.add("medium_word", [make(t) for t in spoken])
        if platforms:
            self.cue_matcher.add("platform_word", [make(t) for t in platforms])

    # ------------------------------------------------------------------ running
    def __call__(self, doc: Doc) -> Doc:
        records: List[_Record] = []
        text = None
        matches = self.cue_matcher(doc) if len(doc) else []
        if matches:
            records, text = self._find(doc, matches)
        items = records_to_dicts(doc, records, self.typer, self.resolve_pronouns, text)
        set_attributions(doc, items, self.name, [r.cue for r in records])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def _find(self, doc: Doc, matches) -> Tuple[List[_Record], str]:
        vocab = self.nlp.vocab.strings
        ctx = _Ctx(doc)
        ctx.cue_forms = self.cue_forms
        ctx.nominal = self.ambiguous
        by_sent: Dict[int, List[Tuple[str, int, int]]] = {}
        for match_id, start, end in matches:
            label = vocab[match_id]
            by_sent.setdefault(ctx.sent_of(start), []).append((label, start, end))
        parsed = self.use_parser and doc.has_annotation("DEP")
        tagged = doc.has_annotation("POS") or doc.has_annotation("TAG")
        out: List[_Record] = []
        for si, cues in sorted(by_sent.items()):
            lo, hi = ctx.sent_starts[si], ctx.sent_ends[si]
            if not any(label in CUE_LABELS for label, _, _ in cues):
                continue
            sent_recs = self._sentence(ctx, lo, hi, cues, parsed, tagged)
            out.extend(sent_recs)
        out.sort(key=lambda r: r.cue)
        return out, ctx.text

    def _sentence(self, ctx: _Ctx, lo: int, hi: int, cues, parsed: bool, tagged: bool) -> List[_Record]:
        times: List[Range] = []
        impersonal: List[Range] = []
        if ctx.frame_starts is None:
            ctx.frame_starts = self.frame_patterns.starts(ctx.lower)
        for label, s, e in longest_first(self.frame_patterns(ctx.words, ctx.lower, lo, hi, ctx.frame_starts)):
            (times if label == "time" else impersonal).append((s, e))
        mediums, platforms = _channels(ctx, cues, lo)
        ctx.stop_at = {r[0] for r in times + mediums + platforms}
        ctx.frame_spans = sorted([(s, e, "time") for s, e in times] + [(s, e, "medium") for s, e in mediums + platforms])
        anonymity = any(label == "anonymity" for label, _, _ in cues)
        covered = set()
        records: List[_Record] = []
        for s, e in impersonal:
            # "it was reported that": the cue is the participle (annotation guidelines)
            rec = _Record((e - 1, e), "impersonal")
            rec.content = _content_after(ctx, e, hi)
            records.append(rec)
            covered.update(range(s, e))
        # "was reported by X" is a passive (cue "reported"); "estimates reported by X" is a "cited by" phrase.
        cues = [c for c in cues if not (c[0] == "cited_by" and c[1] > lo and ctx.lower[c[1] - 1] in _BE | {"been", "being"})]
        phrase_spans = [(s, e) for label, s, e in cues if label in CUE_LABELS and label not in ("verb", "colon")]
        for s, e in phrase_spans:
            covered.update(range(s, e))
        citing: List[_Record] = []
        for label, s, e in sorted(cues, key=lambda c: c[1]):
            if label not in CUE_LABELS or (label in ("verb", "colon") and s in covered):
                continue
            if label == "verb":
                rec = self._verb(ctx, s, e, lo, hi, parsed, tagged)
            elif label == "according":
                rec = self._according(ctx, s, e, lo, hi)
            elif label in ("citing", "cited_by"):
                rec = _Record((s, e), label)
                rec.source = _np_after(ctx, e, hi)
                if rec.source:
                    citing.append(rec)
                continue
            elif label == "sourceless":
                rec = _Record((s, e), "sourceless")
                rec.content = _clause_around(ctx, s, e, lo, hi)
            else:  # colon
                rec = self._colon(ctx, s, lo, hi, covered)
            if rec is not None:
                records.append(rec)
        _inherit_gerund_sources(records)
        self._attach_citing(ctx, records, citing, lo, hi)
        _clip_contents(ctx, records, lo)
        for rec in records:
            if rec.link is not None:
                rec.content = rec.link.content
        for rec in records:
            if rec.kind in ("sourceless", "raising"):
                # the cue stands inside what is reported ("X has reportedly done Y"), never at its edge
                if rec.content and rec.content[0] >= rec.cue[0]:
                    rec.content = _trim(ctx, max(rec.content[0], rec.cue[1]), rec.content[1])
                if rec.content and rec.content[1] <= rec.cue[1]:
                    rec.content = _trim(ctx, rec.content[0], min(rec.content[1], rec.cue[0]))
                continue
            if rec.content and rec.cue[0] >= rec.content[0] and rec.cue[1] <= rec.content[1]:
                rec.content = None
        _assign_frames(records, times, "time", ctx.words)
        medium_spans = _medium_spans(ctx, mediums, platforms)
        _assign_frames(records, medium_spans, "medium", ctx.words)
        if anonymity:
            for rec in records:
                if rec.source:
                    rec.anonymous = True
        return records

    # ------------------------------------------------------------------ cue kinds
    def _verb(self, ctx: _Ctx, i: int, e: int, lo: int, hi: int, parsed: bool, tagged: bool) -> Optional[_Record]:
        lower, words = ctx.lower, ctx.words
        form = lower[i] if e - i == 1 else " ".join(lower[i:e])  # "pointed out"
        entry = self.verb_forms[form]
        rec = _Record((i, e), "verb", entry["lemma"])
        nxt = lower[e] if e < hi else ""
        prev = lower[i - 1] if i - 1 >= lo else ""
        if form in _NOMINAL_CUES:
            # "Pakistan's claim that ...", "claims by Yerevan that ...", "allegations by NGOs that ..."
            owner = None
            if prev in ("'s", "’s") and i - 1 > lo:
                owner = _np_before(ctx, i - 1, lo)
                after = e
            elif nxt == "by":
                owner = _np_after(ctx, e + 1, hi)
                after = owner[1] if owner else e
            if owner is not None and after < hi and lower[after] == "that":
                rec.source = owner
                rec.content = _content_after(ctx, after, hi)
                if rec.content and prev in ("'s", "’s") and owner[0] == _skip_lead(ctx, lo, owner[1]):
                    # The claim is the subject: "India's claim that X | has not been corroborated".
                    c0, c1 = rec.content
                    main = [k for k in range(c0 + 2, c1) if lower[k] in ("is", "was", "has", "have", "are", "were")]
                    if main:
                        rec.content = _trim(ctx, c0, main[-1])
                return rec if rec.content else None
            if entry["lemma"] == "allegation":
                return None
        if nxt == "apart" or prev in _DETERMINERS or prev in ("'s", "’s") and form not in ("said", "says"):
            return None
        token = ctx.doc[i] if tagged or parsed else None
        if tagged and token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        is_verb_tag = tagged and token.pos_ in ("VERB", "AUX")
        if parsed and self._from_parse(ctx, rec, token, entry, lo, hi):
            return rec
        # Passives: "he was told to leave", "the strike was confirmed by the ministry", "are said to be".
        j = i - 1
        while j >= lo and lower[j] in ("also", "widely", "not", "previously", "repeatedly", "been", "being"):
            if lower[j] in ("been", "being"):
                break
            j -= 1
        if j >= lo and lower[j] in _BE and form.endswith(("ed", "aid", "old", "ied")):
            if nxt == "by":
                rec.source = _np_after(ctx, e + 1, hi)
                rec.content = _trim(ctx, lo, j)
                return rec if rec.source else None
            if nxt == "to" and entry.get("raising"):
                rec.kind = "raising"
                rec.content = _clause_around(ctx, j, e, lo, hi)
                return rec
            if entry.get("addressee") and nxt in ("to", "that"):
                rec.medium = (j - 1, j) if j - 1 >= lo and lower[j - 1] in _PRONOUNS else _np_before(ctx, j, lo)
                rec.content = _content_after(ctx, e, hi, keep_first=nxt == "to")
                return rec
            return None
        if form.endswith("ing") and prev == "as":
            # "IRNA quoted the foreign minister as saying ...": the minister speaks, IRNA carries it.
            q = next((k for k in range(i - 2, max(lo, i - 12) - 1, -1) if lower[k] in ("quoted", "quotes", "quoting")), None)
            if q is None:
                return None
            rec.source = _np_after(ctx, q + 1, i - 1)
            rec.medium = _np_before(ctx, q, lo)
            rec.content = _content_after(ctx, e, hi)
            return rec if rec.source and rec.content else None
        if form.endswith("ing"):
            # "..., adding that ...": the source is the one of the clause it hangs on.
            if prev == "," and (nxt in ("that", ":") or nxt in QUOTES or entry["strength"] == "strong"):
                rec.inherit = True
                rec.source = _clause_subject(ctx, lo, i)  # used when no earlier attribution gives one
                rec.content = _content_after(ctx, e, hi)
                return rec if rec.content else None
            return None
        before = i
        while before - 1 >= lo and lower[before - 1] in _SKIP_BEFORE_CUE:
            before -= 1
        # Inverted: "..., said Zelensky." / "“...,” said the official."
        if before - 1 >= lo and (words[before - 1] in (",",) or words[before - 1] in QUOTES) and not (
                words[before - 1] == "," and (_appositive_subject(ctx, before - 1, lo) or _relative_insert(ctx, before - 1, lo))):
            src = _np_after(ctx, e, hi)
            if src and _rest_is_frame(ctx, src[1], hi):
                if src[1] + 1 < hi and ctx.words[src[1]] == ",":
                    appos = _np_after(ctx, src[1] + 1, hi)
                    if appos and (_rest_is_punct(ctx, appos[1], hi) or (
                            appos[1] < hi and words[appos[1]] == "," and all(_is_cap(w) for w in words[appos[0]:appos[1]]))):
                        src = (src[0], appos[1])  # "said the regional director, Maria Lindqvist, after ..."
                rec.source = src
                rec.content = _content_before(ctx, before, lo)
                return rec if rec.content else None
        if before - 1 > lo and lower[before - 1] in ("and", "but") and words[before - 2] != ",":
            # "Rwanda denies supporting M23 and says ...": the subject of the first verb speaks.
            subj = _np_after(ctx, _skip_lead(ctx, lo, before), before)
            if subj is None or lower[subj[1]] in ("and", "but") or subj[1] >= before - 1:
                return None
            if subj[1] + 1 < before and words[subj[1]] == "," and _is_cap(words[subj[1] + 1]):
                appos = _np_after(ctx, subj[1] + 1, before)
                if appos and appos[1] < before and words[appos[1]] == ",":
                    subj = (subj[0], appos[1])  # "The Minister of Defence, Ahmed Fiqi, praised ... and said"
            rec.source = subj
            after_start = _skip_after_cue(ctx, rec, entry, e, hi)
            rec.content = _content_after(ctx, after_start, hi) if not _rest_is_punct(ctx, after_start, hi) else None
            return rec if rec.content else None
        if before - 1 >= lo and lower[before - 1] in _PRONOUNS:
            src = (before - 1, before)
        else:
            src = _np_before(ctx, before, lo)
        # Source before the cue, possibly with an appositive or a "citing"/"who" insert between commas.
        insert_end = None
        if src is None and before - 1 >= lo and words[before - 1] == ",":
            comma = before - 1
            seg_start = _segment_start(ctx, comma, lo)
            if seg_start is not None and lower[seg_start] in ("who", "citing", "cited", "quoting", "according", "speaking", "which", "quoted"):
                insert_end = comma
                src = _np_before(ctx, seg_start - 1, lo) if ctx.words[seg_start - 1] == "," else None
                if src and lower[seg_start] in ("citing", "quoting"):
                    rec.via.append(_np_after(ctx, seg_start + 1, comma) or (seg_start + 1, comma))
                elif src and lower[seg_start] in ("cited", "quoted") and seg_start + 1 < comma and lower[seg_start + 1] == "by":
                    rec.medium = _np_after(ctx, seg_start + 2, comma)
            elif seg_start is not None:
                appos = _np_before(ctx, comma, lo)
                if appos and appos[0] - 1 >= lo and words[appos[0] - 1] == ",":
                    head = _np_before(ctx, appos[0] - 1, lo)
                    if head and head[0] == lo or (head and words[head[0] - 1] in QUOTES | {",", ":"}):
                        src = (head[0], appos[1])
                        if _descriptive(ctx, appos):
                            # "Abu Khaled, 61, said", "Jorge Nampula, a veteran of the war, said": the
                            # writer's description stays out; "One resident, Samir Abu Odeh, 52," keeps the role.
                            src = head
                            outer = _np_before(ctx, head[0] - 1, lo) if words[head[0] - 1] == "," else None
                            if outer and outer[0] == _skip_lead(ctx, lo, outer[1]) and all(_is_cap(w) for w in words[head[0]:head[1]]):
                                src = (outer[0], head[1])
        if src is None:
            return None
        seg = lower[lo:src[0]] if src[0] > lo and words[src[0] - 1] != "," else ()
        if "who" in seg or "that" in seg:
            # "Foreign journalists who visited Barda confirmed ...": the subject with its relative clause
            subj = _np_after(ctx, _skip_lead(ctx, lo, src[0]), src[0])
            if (subj and subj[1] + 1 < src[0] and lower[subj[1]] in ("who", "that")
                    and (lower[subj[1] + 1] in _BE | {"has", "have", "had"} or lower[subj[1] + 1].endswith("ed"))
                    and not any(words[k] == "," or lower[k] in ctx.cue_forms for k in range(subj[1], src[0]))):
                src = (subj[0], src[1])
        if src[0] - 2 >= lo and lower[src[0] - 1] == "and":
            # "residents and a local official said": both conjuncts, when the first opens the clause
            left = _np_before(ctx, src[0] - 1, lo)
            if (left and (left[0] == _skip_lead(ctx, lo, left[1]) or words[left[0] - 1] in QUOTES | {","})
                    and self.typer.classify(ctx.doc[left[0]:left[1]].text).source_type != "unknown"):
                src = (left[0], src[1])
        k = src[0] + 1 if lower[src[0]] in ("a", "an") else src[0]
        if (src[1] - k > 1 and lower[k] in _SUMMARY_NOUNS and (k > src[0] or words[src[0] - 1] == ",")
                and (lower[k + 1] in ("the", "its", "their") or _is_cap(words[k + 1])
                     or self.typer.classify(ctx.doc[k + 1:src[1]].text).source_type != "unknown")):
            src = (k + 1, src[1])  # "..., a figure Hamas has rejected", "allegations the UN rejects"
            if _rest_is_punct(ctx, e, hi):
                rec.source = src
                return rec
        rec.source = src
        after_start = _skip_after_cue(ctx, rec, entry, e, hi)
        content = None
        signal = after_start < hi and (lower[after_start] in ("that", ":") or words[after_start] in QUOTES)
        if after_start < hi and lower[after_start] == "to" and entry.get("infinitive"):
            signal = True
            content = _content_after(ctx, after_start, hi, keep_first=True)
        elif not _rest_is_punct(ctx, after_start, hi):
            content = _content_after(ctx, after_start, hi)
            if content and content[0] > after_start and lower[content[0] - 1] == "that" and lower[after_start] in _CLAIM_NOUNS | {"the", "these", "such", "those"}:
                signal = True  # "dismissed reports that ..."
        comma_before = src[0] - 1 >= lo and (words[src[0] - 1] in (",",) or words[src[0] - 1] in QUOTES)
        if content is not None and comma_before and lower[content[0]] in _CONTINUATIONS and not signal:
            # "..., a US official said, though none are set to enter Gaza": what was said is before.
            content = None
        post = content is None and comma_before
        if post:
            content = _content_before(ctx, src[0], lo)
        if not (is_verb_tag or signal or post):
            if entry["strength"] == "weak" or form in self.ambiguous:
                return None
        if form in self.ambiguous and not (is_verb_tag or signal or post):
            return None
        if lower[src[1] - 1] in _DETERMINERS or _is_punct(words[src[1] - 1]):
            return None
        if content is not None and not post and lower[content[0]] in ("by", "on", "for", "whether", "if"):
            # "the ceasefire announced by ...", "insist on ...", "did not say whether ...": no report
            return None
        rec.content = content
        if content is None and not post and rec.medium is None:
            return None
        return rec

    def _from_parse(self, ctx: _Ctx, rec: _Record, token, entry: dict, lo: int, hi: int) -> bool:
        """Fill ``rec`` from the dependency parse; False when the parse says nothing useful."""
        subj = agent = content_head = addressee = None
        for child in token.children:
            dep = child.dep_
            if dep in ("nsubj", "nsubjpass", "csubj") and subj is None:
                subj = child
            elif dep == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif dep in ("ccomp", "xcomp") and content_head is None:
                content_head = child
            elif dep in ("dative", "dobj", "iobj") and entry.get("addressee") and addressee is None:
                addressee = child
        if subj is None and agent is None and content_head is None:
            return False
        if agent is not None:
            rec.source = _subtree_range(agent)
        elif subj is not None and subj.dep_ == "nsubjpass":
            if entry.get("addressee"):
                rec.medium = _subtree_range(subj)
            else:
                return False
        elif subj is not None:
            rec.source = _subtree_range(subj)
        if addressee is not None:
            rec.medium = _subtree_range(addressee)
        if content_head is not None:
            s, e = _subtree_range(content_head, keep_relcl=True)
            if s < token.i < e:
                s = token.i + 1
            if ctx.lower[s] == "that":
                s += 1
            rec.content = _quote_or_trim(ctx, s, e)
        elif token.dep_ in ("parataxis", "ccomp", "conj") and token.head.i != token.i:
            head = token.head
            s = head.left_edge.i
            left = token.left_edge.i
            if s < left:
                rec.content = _quote_or_trim(ctx, s, left)
        if rec.source is None and rec.medium is None:
            return False
        return rec.source is not None or rec.content is not None

    def _according(self, ctx: _Ctx, s: int, e: int, lo: int, hi: int) -> Optional[_Record]:
        rec = _Record((s, e), "according")
        rec.source = _np_after(ctx, e, hi)
        if rec.source is None:
            return None
        rec.source = self._extend_np(ctx, rec.source, hi)
        after = rec.source[1]
        if after + 2 < hi and ctx.lower[after + 1] == "by" and ctx.lower[after] in ("reported", "cited", "quoted", "estimated", "carried"):
            carrier = _np_after(ctx, after + 2, hi)  # "according to estimates reported by Channel 12"
            after = carrier[1] if carrier else after
        while after < hi and (ctx.words[after] == "," or after in ctx.stop_at):
            if ctx.words[after] == ",":
                after += 1
            else:
                break
        before = _content_before(ctx, s, lo) if s > lo else None
        rest = _content_after(ctx, after, hi) if not _rest_is_punct(ctx, after, hi) else None
        if before and rest and ctx.lower[rest[0]] in _CONTINUATIONS:
            rec.content = before
        elif before and rest:
            # "The troops, according to the officials, are part of ...": the longer side.
            rec.content = rest if (rest[1] - rest[0]) >= (before[1] - before[0]) else before
        else:
            rec.content = rest or before
        return rec

    def _extend_np(self, ctx: _Ctx, src: Range, hi: int) -> Range:
        """A source after "according to" with what belongs to it: "the Displacement Tracking Matrix
        (DTM)", "residents and local media", "an officer who was informed of the move"."""
        words, lower = ctx.words, ctx.lower
        s, e = src
        if e + 2 < hi and words[e] == "(" and words[e + 2] == ")" and words[e + 1].isupper():
            return s, e + 3
        if e + 1 < hi and lower[e] == "and":
            more = _np_after(ctx, e + 1, hi)
            if (more and (more[1] >= hi or _is_punct(words[more[1]]))
                    and self.typer.classify(ctx.doc[more[0]:more[1]].text).source_type != "unknown"):
                return s, more[1]
        if e + 2 < hi and lower[e] in _SOURCE_PARTICIPLES and lower[e + 1] == "by":
            owner = _np_after(ctx, e + 2, hi)  # "information gathered by our intelligence services"
            if owner:
                return s, owner[1]
        if e + 1 < hi and lower[e] in ("who", "that") and (lower[e + 1] in _BE | {"has", "have", "had"} or lower[e + 1].endswith("ed")):
            k = e
            while k < hi and not _is_punct(words[k]) and k - e < 12:
                k += 1
            if k - e < 12 and (k >= hi or words[k] in (",", ".")):
                return s, k
        return s, e

    def _colon(self, ctx: _Ctx, i: int, lo: int, hi: int, covered) -> Optional[_Record]:
        """A headline colon after a source: "U.S. officials: North Korean troops gather ..."."""
        if i - lo > 10 or i == lo:
            return None
        src = _np_before(ctx, i, lo)
        if src is None or src[0] != lo:
            return None
        content = _content_after(ctx, i + 1, hi)
        if content is None:
            return None
        quoted = ctx.words[i + 1] in QUOTES if i + 1 < hi else False
        info = self.typer.classify(ctx.doc[src[0]:src[1]].text)
        if info.source_type == "unknown" and not info.anonymous and not quoted:
            return None
        if src[1] - src[0] == 1 and info.source_type == "government" and not quoted and ctx.lower[src[0]] not in _STATE_BODIES:
            return None  # a headline's topic, not a speaker: "Somalia: 20 killed in blast"
        if src[1] - src[0] == 1 and ctx.words[src[0]].isupper() and len(ctx.words[src[0]]) > 4 and info.source_type in ("media", "unknown"):
            return None  # a transcript's speaker label: "CORRESPONDENT: ...", "ANCHOR: ..."
        rec = _Record((i, i + 1), "colon")
        rec.source = src
        rec.content = content
        return rec

    def _attach_citing(self, ctx: _Ctx, records: List[_Record], citing: List[_Record], lo: int, hi: int) -> None:
        """ "X reported, citing Y" puts Y in X's via; "cited by Z" makes Z X's medium."""
        for cite in citing:
            best = None
            for rec in records:
                if rec.kind in ("sourceless", "impersonal"):
                    continue
                f0, f1 = rec.frame()
                gap_after = _gap_is_light(ctx, f1, cite.cue[0])
                gap_before = _gap_is_light(ctx, cite.source[1], f0)
                if gap_after or gap_before or f0 <= cite.cue[0] < f1:
                    best = rec
                    break
            if best is None:
                if cite.kind == "cited_by":
                    records.append(cite)  # "troops, estimated by the UN at several thousand"
                if cite.kind == "citing":
                    cite.kind = "citing"
                    after = cite.source[1]
                    while after < hi and ctx.words[after] == ",":
                        after += 1
                    cite.content = _content_after(ctx, after, hi) if after < hi else None
                    if cite.content is None and cite.cue[0] > lo:
                        cite.content = _content_before(ctx, cite.cue[0], lo)
                    records.append(cite)
                continue
            if cite.kind == "citing":
                if cite.source not in best.via:
                    best.via.append(cite.source)
            else:
                if best.medium is None:
                    best.medium = cite.source
                cite.link = best  # "cited by X" is X's own attribution of the same content (guidelines)
                records.append(cite)
        records.sort(key=lambda r: r.cue)

    # ------------------------------------------------------------------ serialization
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for key, (file_name, _) in LEXICONS.items():
            with (path / file_name).open("w", encoding="utf8") as f:
                f.write(f"# {key} of {self.name}, saved with the pipeline\n")
                for entry in self.entries[key]:
                    f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def from_disk(self, path, *, exclude=tuple()) -> "AttributionDetector":
        path = Path(path)
        for key, (file_name, fields) in LEXICONS.items():
            if (path / file_name).exists():
                self.entries[key] = read_jsonl(path / file_name, fields)
        self._build()
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.entries, ensure_ascii=False).encode("utf8")

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> "AttributionDetector":
        data = json.loads(bytes_data.decode("utf8"))
        for key, (_, fields) in LEXICONS.items():
            if key in data:
                self.entries[key] = load_entries(data[key], "attribution", key, fields)
        self._build()
        return self

    def score(self, examples, **kwargs) -> Dict[str, Any]:
        return score_attribution(examples, **kwargs)


# ---------------------------------------------------------------------- matcher patterns
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
]
_PARTS = ["morning", "afternoon", "evening", "night"]


def _time_patterns() -> List[Tuple[str, List[list]]]:
    day = {"LOWER": {"IN": _DAYS}}
    return [(
        "time",
        [
            [{"LOWER": {"IN": ["earlier", "later", "late", "early"]}, "OP": "?"}, {"LOWER": "on"}, day,
             {"LOWER": {"IN": _PARTS}, "OP": "?"}],
            [{"LOWER": "on"}, {"IS_DIGIT": True}, {"LOWER": {"IN": _MONTHS}}],
            [{"LOWER": "on"}, {"LOWER": {"IN": _MONTHS}}, {"IS_DIGIT": True}],
            [{"LOWER": {"IN": ["last", "this", "late", "earlier"]}}, {"LOWER": {"IN": _DAYS + _PARTS + ["week", "month", "year", "weekend"]}}],
            [{"LOWER": "earlier"}, {"LOWER": "this"}, {"LOWER": {"IN": ["week", "month", "year"]}}],
            [{"LOWER": {"IN": ["yesterday", "today", "tonight"]}}],
            [{"LOWER": "on"}, {"LOWER": {"IN": ["monday", "tuesday"]}, "OP": "!"}, {"LOWER": "night"}],
        ],
    )]


def _impersonal_patterns(participles: Sequence[str]) -> List[Tuple[str, List[list]]]:
    if not participles:
        return []
    return [(
        "impersonal",
        [
            [{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was", "has", "had", "'s", "’s"]}}, {"LOWER": "been", "OP": "?"},
             {"LOWER": {"IN": ["also", "widely", "further"]}, "OP": "?"}, {"LOWER": {"IN": list(participles)}}],
        ],
    )]


class TokenPatterns:
    """spaCy ``Matcher`` token patterns over lists of words, for the few token specs the
    frame patterns use (``LOWER`` as a string or ``{"IN": [...]}``, ``IS_DIGIT``; ``OP``
    ``?`` or ``!``). Gives every match of every pattern, as the Matcher does, without
    creating Token objects; matching starts only at words that can begin a pattern.
    """

    _KEYS = {"LOWER", "IS_DIGIT", "OP"}

    def __init__(self, labelled: Sequence[Tuple[str, Sequence[list]]]) -> None:
        self.patterns: List[Tuple[str, List[Tuple[str, Any, Optional[str]]]]] = []
        for label, patterns in labelled:
            for pattern in patterns:
                steps = []
                for spec in pattern:
                    unknown = set(spec) - self._KEYS
                    attrs = [k for k in spec if k != "OP"]
                    if unknown or len(attrs) != 1 or spec.get("OP") not in (None, "?", "!"):
                        raise ValueError(f"TokenPatterns cannot run the token spec {spec!r}")
                    key = attrs[0]
                    value = spec[key]
                    if key == "LOWER" and isinstance(value, dict):
                        value = frozenset(value["IN"])
                    steps.append((key, value, spec.get("OP")))
                self.patterns.append((label, steps))
        # Words at which a match can start (None: any word can), and the patterns that can
        # start at each word (`_anywhere`: those that can start at any word).
        self.first: Optional[frozenset] = frozenset()
        self._by_first: Dict[str, List[Tuple[str, List[Tuple[str, Any, Optional[str]]]]]] = {}
        self._anywhere: List[Tuple[str, List[Tuple[str, Any, Optional[str]]]]] = []
        for pattern in self.patterns:
            firsts = self._first_words(pattern[1])
            self.first = None if firsts is None or self.first is None else self.first | firsts
            if firsts is None:
                self._anywhere.append(pattern)
            else:
                for word in firsts:
                    self._by_first.setdefault(word, []).append(pattern)

    @staticmethod
    def _first_words(steps) -> Optional[frozenset]:
        words: set = set()
        for key, value, op in steps:
            if key != "LOWER" or op == "!":
                return None
            words.update([value] if isinstance(value, str) else value)
            if op is None:
                return frozenset(words)
        return None  # every step optional

    @staticmethod
    def _fits(key: str, value: Any, word: str, lower: str) -> bool:
        if key == "LOWER":
            return lower == value if isinstance(value, str) else lower in value
        return word.isdigit() == bool(value)  # IS_DIGIT

    def _ends(self, steps, k: int, i: int, words, lower, hi: int) -> Iterator[int]:
        if k == len(steps):
            yield i
            return
        key, value, op = steps[k]
        if op == "?":
            yield from self._ends(steps, k + 1, i, words, lower, hi)
        if i < hi and self._fits(key, value, words[i], lower[i]) != (op == "!"):
            yield from self._ends(steps, k + 1, i + 1, words, lower, hi)

    def starts(self, lower: Sequence[str]) -> List[int]:
        """Positions where a match can start (``lower``: the lowercase words of a Doc)."""
        if self.first is None:
            return list(range(len(lower)))
        return list(compress(range(len(lower)), map(self.first.__contains__, lower)))

    def __call__(
        self, words: Sequence[str], lower: Sequence[str], lo: int, hi: int, starts: Optional[List[int]] = None
    ) -> List[Tuple[str, int, int]]:
        """Every (label, start, end) match inside ``words[lo:hi]`` (no empty matches);
        ``starts``: :meth:`starts` of the whole word list, when already known."""
        if starts is None:
            starts = self.starts(lower)
        found = set()
        by_first, anywhere = self._by_first, self._anywhere
        for i in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            for label, steps in by_first.get(lower[i], []) + anywhere:
                for end in self._ends(steps, 0, i, words, lower, hi):
                    if end > i:
                        found.add((label, i, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


def longest_first(matches: Iterable[Tuple[str, int, int]]) -> List[Tuple[str, int, int]]:
    """``spacy.util.filter_spans`` over (label, start, end) matches: the longest win (the
    earliest among equally long), overlaps dropped; in text order."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    taken: set = set()
    kept = []
    for match in ordered:
        if match[1] not in taken and match[2] - 1 not in taken:
            kept.append(match)
            taken.update(range(match[1], match[2]))
    return sorted(kept, key=lambda m: m[1])


# ---------------------------------------------------------------------- chunking helpers
def _np_before(ctx: _Ctx, end: int, lo: int) -> Optional[Range]:
    """The noun phrase ending at token ``end`` (exclusive), or None."""
    words, lower = ctx.words, ctx.lower
    i = end - 1
    while i >= lo and end - i <= _NP_MAX:
        w, l = words[i], lower[i]
        if _is_punct(w) and w not in ("-", "&", "'", "’", "/") or ctx.words[i].isspace():
            break
        if l in ("'s", "’s"):
            i -= 1
            continue
        if l in _NP_STOP and not (w.isupper() and len(w) > 1):
            if l == "and" and i - 1 >= lo and _is_cap(words[i - 1]) and i + 1 < end and _is_cap(words[i + 1]):
                pass
            elif l in ("in", "at") and i + 1 < end and (_is_cap(words[i + 1]) or lower[i + 1] == "the"):
                pass
            elif l == "on" and i - 1 >= lo and i + 1 < end and _is_cap(words[i - 1]) and _is_cap(words[i + 1]) and (
                    lower[i + 1] not in _DAYS and lower[i + 1] not in _MONTHS):
                pass  # "the UN Panel of Experts on Yemen"
            else:
                break
        elif (not _is_cap(w) and l.endswith(("ed", "ing")) and l not in _ED_ING_OK and "-" not in l and len(l) > 3
              and not _adjectival(ctx, i, lo)):
            break
        elif l in ctx.cue_forms and not _is_cap(w) and l not in _ED_ING_OK and not (i + 1 < end and lower[i + 1] not in ctx.cue_forms and l in ctx.nominal):
            break  # "The IDF denies | reports that ...": a source holds no reporting verb
        i -= 1
    start = i + 1
    while start < end and (lower[start] in _INNER_PREPS or lower[start] in ("and", "in", "at", "-", "'s", "’s")):
        start += 1
    if start < end - 1 and ":" in words[start] and words[start].replace(":", "").isdigit():
        start += 1  # a live-blog timestamp: "02:10 Rebel fighters say ..."
    if start >= end:
        return None
    if lower[end - 1] in _DETERMINERS or lower[end - 1] in _INNER_PREPS:
        return None
    return start, end


def _clause_subject(ctx: _Ctx, lo: int, end: int) -> Optional[Range]:
    """The subject opening a clause before ``end``, when a verb follows it: "India launched ...",
    "The group has launched ...", "He declined ..."."""
    start = _skip_lead(ctx, lo, end)
    subj = _np_after(ctx, start, end) if start < end else None
    if subj is None or subj[1] >= end or not _is_cap(ctx.words[subj[0]]):
        return None
    nxt = ctx.lower[subj[1]]
    if nxt in ("has", "have", "had", "is", "are", "was", "were", "also") or (
            nxt.endswith("ed") and nxt.isalpha() and nxt not in _ED_ING_OK):
        return subj
    return None


def _appositive_subject(ctx: _Ctx, comma: int, lo: int) -> bool:
    """The clause before ``comma`` is a subject with its appositive: "A junta spokesman, Major
    General Zaw Min Tun, | denied ..." (so the cue after the comma is not inverted)."""
    appos = _np_before(ctx, comma, lo)
    if not appos or appos[0] - 1 < lo or ctx.words[appos[0] - 1] != ",":
        return False
    head = _np_before(ctx, appos[0] - 1, lo)
    return bool(head) and head[0] == _skip_lead(ctx, lo, head[1]) and (
        all(_is_cap(w) for w in ctx.words[appos[0]:appos[1]] if w not in ("'s", "’s")) or _is_cap(ctx.words[head[0]]))


def _relative_insert(ctx: _Ctx, comma: int, lo: int) -> bool:
    """The clause before ``comma`` is a subject with a relative insert: "Turkey, which backs the
    rebels, | denied ..."."""
    seg = _segment_start(ctx, comma, lo)
    if seg is None or ctx.lower[seg] not in ("which", "who"):
        return False
    head = _np_before(ctx, seg - 1, lo)
    return bool(head) and head[0] == _skip_lead(ctx, lo, head[1])


def _descriptive(ctx: _Ctx, rng: Range) -> bool:
    """An appositive that describes rather than names or titles: "61", "a veteran of ...", "one of ..."."""
    first = ctx.lower[rng[0]]
    return first[:1].isdigit() or first in ("a", "an") or (first == "one" and rng[0] + 1 < rng[1] and ctx.lower[rng[0] + 1] == "of")


def _adjectival(ctx: _Ctx, i: int, lo: int) -> bool:
    """An -ed/-ing word inside a noun phrase: "Houthi-controlled media", "the SDF-affiliated
    administration", "Many returning families"."""
    if i - 1 < lo or i + 1 >= ctx.n or _is_punct(ctx.words[i + 1]) or ctx.lower[i + 1] in _NP_STOP:
        return False
    prev = ctx.lower[i - 1]
    return (prev == "-" and not ctx.doc[i - 1].whitespace_) or prev in ("many", "some", "several", "the", "other")


def _np_after(ctx: _Ctx, start: int, hi: int) -> Optional[Range]:
    """The noun phrase starting at token ``start``, or None."""
    words, lower = ctx.words, ctx.lower
    i = start
    if i < hi and lower[i] in _PRONOUNS:
        return i, i + 1
    while i < hi and i - start < _NP_MAX:
        w, l = words[i], lower[i]
        if i > start and i in ctx.stop_at:
            break
        if _is_punct(w) and w not in ("-", "&", "'", "’", "/") or ctx.words[i].isspace():
            break
        if l in ("'s", "’s"):
            i += 1
            continue
        if l in _NP_STOP and not (w.isupper() and len(w) > 1):
            if l == "and" and i > start and _is_cap(words[i - 1]) and i + 1 < hi and _is_cap(words[i + 1]):
                pass
            elif l in ("in", "at") and i > start and i + 1 < hi and (_is_cap(words[i + 1]) or lower[i + 1] == "the") and (i + 1) not in ctx.stop_at:
                pass
            elif l == "in" and i > start and words[i - 1] == "-" and i + 1 < hi and words[i + 1] == "-":
                pass  # "Commander-in-Chief"
            else:
                break
        elif (i > start and not _is_cap(w) and l.endswith(("ed", "ing")) and l not in _ED_ING_OK and "-" not in l and len(l) > 3
              and not _adjectival(ctx, i, start)):
            break
        elif i > start and l in ctx.cue_forms and not _is_cap(w) and not (
                l in ctx.nominal and lower[i - 1] not in _DETERMINERS
                and (i + 1 >= hi or _is_punct(words[i + 1]) or lower[i + 1] in ("by", "from", "reported", "cited"))):
            break  # a noun form ends the phrase: "according to Israeli estimates"
        i += 1
    end = i
    while end > start and (lower[end - 1] in _INNER_PREPS or lower[end - 1] in _DETERMINERS or lower[end - 1] in ("and", "in", "at", "-")):
        end -= 1
    if end <= start:
        return None
    return start, end


def _segment_start(ctx: _Ctx, comma: int, lo: int) -> Optional[int]:
    """Start of the comma-delimited segment ending at ``comma`` (the token after the previous comma)."""
    j = comma - 1
    while j >= lo and ctx.words[j] != ",":
        if ctx.words[j] in QUOTES or ctx.words[j] in (".", ";", ":"):
            return None
        j -= 1
    if j < lo or j + 1 >= comma:
        return None
    return j + 1


def _skip_after_cue(ctx: _Ctx, rec: _Record, entry: dict, i: int, hi: int) -> int:
    """Skip the addressee, time and channel after a cue: "told CNN on Sunday that"."""
    lower, words = ctx.lower, ctx.words
    if entry.get("addressee") and i < hi and lower[i] not in ("that", "of") and words[i] not in QUOTES:
        np = _np_after(ctx, i, hi)
        if np and (entry["lemma"] == "tell" or (np[1] < hi and lower[np[1]] == "that")):
            rec.medium = np
            i = np[1]
    for _ in range(6):
        if i >= hi:
            break
        if i in ctx.stop_at:
            # let the frame assignment pick it; just move past it
            j = i + 1
            while j < hi and j not in ctx.stop_at and not _is_punct(words[j]) and lower[j] != "that" and j - i < 8:
                if lower[j] in ("on", "with") and j + 1 < hi and _is_cap(words[j + 1]):
                    j += 2
                    continue
                if _is_cap(words[j]) and lower[j - 1] in ("on", "with"):
                    j += 1
                    continue
                if lower[j] in ("on", "with", "to", "in"):
                    break
                j += 1
            if j < hi and lower[j] in ("on", "with") and j + 1 < hi:
                np = _np_after(ctx, j + 1, hi)
                if np:
                    j = np[1]
            i = j
            continue
        if words[i] == "," and i + 2 < hi and lower[i + 1] in ("citing", "quoting"):
            np = _np_after(ctx, i + 2, hi)
            if np:
                rec.via.append(np)
                i = np[1]
                continue
        if words[i] == "," and i + 1 < hi and (lower[i + 1] in ("that",) or (i + 1) in ctx.stop_at):
            i += 1
            continue
        if lower[i] in ("also", "again", "publicly", "separately", "repeatedly"):
            i += 1
            continue
        break
    return i


def _rest_is_punct(ctx: _Ctx, i: int, hi: int) -> bool:
    return all(_is_punct(ctx.words[j]) for j in range(i, hi))


def _rest_is_frame(ctx: _Ctx, i: int, hi: int) -> bool:
    """After an inverted source: only punctuation, a time, a channel or a comma clause."""
    while i < hi:
        w = ctx.words[i]
        if i in ctx.stop_at or w == ",":
            return True
        if not _is_punct(w):
            return False
        i += 1
    return True


def _gap_is_light(ctx: _Ctx, a: int, b: int) -> bool:
    """Only commas (and nothing) between token ``a`` and ``b``."""
    if a > b or b - a > 2:
        return False
    return all(ctx.words[j] == "," for j in range(a, b))


def _trim(ctx: _Ctx, s: int, e: int) -> Optional[Range]:
    """Strip punctuation, a leading "that" and unbalanced quotes from ``s:e``."""
    words = ctx.words
    changed = True
    while changed and s < e:
        changed = False
        while s < e and (words[s] in _TRIM or ctx.words[s].isspace()):
            s += 1
            changed = True
        while s < e and (words[e - 1] in _TRIM_END or ctx.words[e - 1].isspace()):
            e -= 1
            changed = True
        if s < e and ctx.lower[s] == "that" and e - s > 1:
            s += 1
            changed = True
        if s < e and words[s] in QUOTES and (s in ctx.close_at or ctx.open_at.get(s, ctx.n) >= e):
            s += 1  # a closing quote, or an opening one whose quote ends outside
            changed = True
        if s < e and words[e - 1] in QUOTES and ((e - 1) in ctx.open_at or ctx.close_at.get(e - 1, -1) < s):
            e -= 1
            changed = True
    return (s, e) if s < e else None


def _quote_or_trim(ctx: _Ctx, s: int, e: int) -> Optional[Range]:
    """Content ``s:e``; when it is one whole quotation, the inside of the quotation."""
    rng = _trim(ctx, s, e)
    if rng is None:
        return None
    s, e = rng
    words = ctx.words
    if words[s] in QUOTES and s in ctx.open_at:
        close = ctx.open_at[s]
        if close >= e - 1 or all(_is_punct(words[j]) for j in range(close, e)):
            inner = _trim(ctx, s + 1, close)
            return inner
    return rng


def _content_after(ctx: _Ctx, i: int, hi: int, keep_first: bool = False) -> Optional[Range]:
    """The reported clause from token ``i`` (after "that") to the end of the sentence, or a quote."""
    words = ctx.words
    while i < hi and (words[i] in (":", ",") or ctx.words[i].isspace()):
        i += 1
    if i >= hi:
        # A quote that opens at the end of the sentence: "He said: “..."
        return None
    if not keep_first:
        i = _skip_to_that(ctx, i, hi)
    if not keep_first and ctx.lower[i] == "that" and i + 1 < hi:
        i += 1
    if words[i] in QUOTES and i in ctx.open_at:
        close = ctx.open_at[i]
        end_of_sent = close >= hi - 1 or all(_is_punct(words[j]) for j in range(close + 1, hi))
        if end_of_sent or close >= hi:
            return _trim(ctx, i + 1, min(close, ctx.n))
    if not keep_first and _is_frame_only(ctx, i, hi):
        return None
    rng = _trim(ctx, i, _clause_end(ctx, i, hi))
    return _cut_trailing_frames(ctx, rng) if rng else None


# Words that open a phrase between a cue and its "that": "said in a statement on Sunday that",
# "told us by phone that", "claimed in January 2025 that".
_LEAD_FRAME = {
    "in", "on", "at", "during", "by", "via", "through", "from", "earlier", "later", "last", "this", "here",
    "there", "me", "us", "him", "her", "them", "reporters", "journalists", "yesterday", "today", "shortly",
    "again", "also", "publicly", "privately", "separately", "repeatedly", "previously", "recently", "a",
}
# "according to figures released by the command": the releasing body belongs to the source.
_SOURCE_PARTICIPLES = {"gathered", "collected", "released", "compiled", "published", "provided", "issued", "obtained"}
# One-word state bodies that can head a headline colon ("Pentagon: ..."); a country there is a topic.
_STATE_BODIES = {"pentagon", "kremlin", "government", "presidency", "parliament", "cabinet", "ministry", "police",
                 "army", "military", "mod", "sbu", "fsb", "cia", "gur", "embassy", "municipality"}
# Noun forms of cues that report with an owner: "Pakistan's claim that ...", "claims by X that ...".
_NOMINAL_CUES = {"claim", "claims", "allegation", "allegations"}
# Nouns of a denied or rejected statement: "rejected the claim that ...", "dismissed reports that ...".
_CLAIM_NOUNS = {"claim", "claims", "report", "reports", "allegation", "allegations", "accusation", "accusations",
                "suggestion", "suggestions", "assertion", "rumours", "rumors", "speculation"}
# A reported clause that is only one of these short phrases is a channel, not what was said.
_FRAME_ONLY_START = {"by", "on", "in", "asking", "speaking", "earlier", "later", "us", "me", "him", "her",
                     "them", "this", "reporters", "journalists", "at"}
# Phrases that end a reported clause: a comment of the writer appended after a comma.
_TAIL_LINKS = {"but", "though", "although", "whereas", "while"}
_SUMMARY_NOUNS = {"figure", "claim", "charge", "allegation", "accusation", "request", "incident", "version", "account",
                  "number", "toll", "report", "assertion", "assessment", "estimate", "proposal", "demand", "move",
                  "figures", "claims", "charges", "allegations", "accusations", "reports", "step", "decision"}
_TAIL_GERUNDS = {"saying", "adding", "describing", "blaming", "calling", "citing", "noting", "insisting", "claiming",
                 "warning", "accusing", "stressing", "denying", "according"}
_TAIL_NOUNS = {"figure", "claim", "charge", "allegation", "accusation", "number", "toll", "move", "sign", "request",
               "doctrine", "assertion", "estimate", "tally", "statement", "report", "step", "development", "decision"}


def _skip_to_that(ctx: _Ctx, i: int, hi: int) -> int:
    """Skip a channel, time or addressee between a cue and its "that" ("said in a briefing that")."""
    lower = ctx.lower
    if i >= hi:
        return i
    if lower[i] in _CLAIM_NOUNS or (lower[i] in ("the", "these", "such", "those") and i + 1 < hi and lower[i + 1] in _CLAIM_NOUNS):
        j = i + 1 if lower[i] in _CLAIM_NOUNS else i + 2
        for k in range(j, min(hi, j + 5)):
            if lower[k] == "that":
                return k
            if _is_punct(ctx.words[k]):
                break
        return i
    if lower[i] not in _LEAD_FRAME and i not in ctx.stop_at:
        return i
    for k in range(i + 1, min(hi, i + 11)):
        if lower[k] == "that":
            return k
        w = ctx.words[k]
        if _is_punct(w) and w not in ("-", "'", "’"):
            break
    return i


def _is_frame_only(ctx: _Ctx, i: int, hi: int) -> bool:
    """Only a short channel or manner phrase follows: "said by phone.", "told us.", "said in September."."""
    end = hi
    while end > i and _is_punct(ctx.words[end - 1]):
        end -= 1
    if end - i > 5 or end <= i:
        return False
    if ctx.lower[i] in _FRAME_ONLY_START:
        return not any(ctx.words[k] in QUOTES for k in range(i, end)) and not any(
            ctx.lower[k] in ("that", "is", "are", "was", "were", "had", "has", "will") for k in range(i, end))
    return any(s == i and e >= end for s, e, _ in ctx.frame_spans)


def _clause_end(ctx: _Ctx, i: int, hi: int) -> int:
    """Where an unquoted reported clause from ``i`` ends: before "; ...", ", but ...", ", which ...",
    ", a figure that ...", ", adding ...", or " and said ..." (the next reporting verb)."""
    lower, words = ctx.lower, ctx.words
    depth = 0
    for k in range(i, hi):
        w = words[k]
        if w in QUOTES:
            depth ^= 1
            continue
        if depth:
            continue
        if w == ";" and k > i:
            return k
        if lower[k] in ("and", "but") and k > i + 1 and k + 1 < hi and lower[k + 1] in ctx.cue_forms and ctx.lower[k - 1] != ",":
            return k
        if w != "," or k + 1 >= hi or k == i:
            continue
        nxt = lower[k + 1]
        if nxt in _TAIL_LINKS or nxt == "which" or nxt in _TAIL_GERUNDS:
            return k
        if nxt in ("and", "but") and k + 2 < hi and lower[k + 2] in ctx.cue_forms:
            return k
        if nxt in ("a", "an", "the", "its", "their", "his", "her"):
            for m in range(k + 2, min(hi, k + 5)):
                if lower[m] in _TAIL_NOUNS or (lower[m].endswith("est") and len(lower[m]) > 4) or lower[m] in (
                        "first", "second", "third", "largest", "worst", "biggest", "highest", "deadliest"):
                    return k
                if _is_punct(words[m]):
                    break
        if nxt in _SUMMARY_NOUNS and nxt.endswith("s") and k + 2 < hi and (lower[k + 2] in ("the", "that") or _is_cap(words[k + 2])):
            return k  # "..., allegations the government denies"
        if nxt == "no" and k + 2 < hi and lower[k + 2] == "doubt":
            return k
    return hi


def _clause_around(ctx: _Ctx, s: int, e: int, lo: int, hi: int) -> Optional[Range]:
    """The clause a sentence adverb or raising cue stands in, cue included: "The rebels have
    reportedly taken the town", "Several of the wounded are said to be in critical condition"."""
    lower, words = ctx.lower, ctx.words
    start = s
    while start > lo:
        w = words[start - 1]
        if w == "," and lower[start] in ("and", "but", "or") and start < s:
            start += 1
            break
        if w in (",", ";", ":", "(", "—", "–") or w in QUOTES or lower[start - 1] in ("that", "but", "while", "whereas") or w.isspace():
            break
        start -= 1
    if start == s and s > lo:
        # "Reportedly, ..." (the clause follows) or "..., reportedly." (it comes before)
        return _content_after(ctx, e, hi) or _trim(ctx, _skip_lead(ctx, lo, s), s)
    start = _skip_lead(ctx, start, s)
    if start >= s:
        return _content_after(ctx, e, hi)
    rng = _trim(ctx, start, _clause_end(ctx, e, hi))
    rng = _cut_trailing_frames(ctx, rng) if rng else None
    if rng and rng[1] <= e:
        # the cue ends the clause: "The town has fallen, reportedly."
        return _trim(ctx, rng[0], s)
    return rng


def _skip_lead(ctx: _Ctx, s: int, e: int) -> int:
    """Skip a live-blog timestamp, a dateline or a "Breaking:" label at the start of ``s:e``:
    "08:19 BST – ", "Kinshasa (RTNC) – ", "GOMA — ", "03:15 "."""
    words = ctx.words
    k = s
    while k < e and words[k].isspace():
        k += 1
    if k < e and ":" in words[k] and words[k].replace(":", "").isdigit():
        k += 1
        while k < e and words[k].isupper() and words[k].isalpha() and len(words[k]) <= 4 and k + 1 < e and words[k + 1] in ("–", "—", "-", ":"):
            k += 1
        s = k
    for d in range(s, min(e, s + 8)):
        if words[d] in ("–", "—") or (words[d] == "-" and ctx.doc[d].whitespace_ and d > s and ctx.doc[d - 1].whitespace_):
            head = [w for w in words[s:d] if not _is_punct(w)]
            if head and all(_is_cap(w) or w.isdigit() for w in head):
                s = d + 1
            break
    while s < e and (words[s] in _TRIM or words[s].isspace()):
        s += 1
    if s + 1 < e and words[s + 1] == ":" and ctx.lower[s] in ("breaking", "update", "updated", "exclusive", "watch"):
        s += 2
    return s


def _cut_trailing_frames(ctx: _Ctx, rng: Range) -> Optional[Range]:
    """Drop a time or channel phrase that ends the clause: "denied it in a statement on Sunday"."""
    s, e = rng
    for fs, fe, kind in reversed(ctx.frame_spans):
        # A channel never belongs to what was said; a time only after a short object
        # ("denied the report on Sunday", but "troops began arriving on Wednesday").
        if kind == "time" and fs - s > 3:
            continue
        if s < fs and fe <= e and all(_is_punct(ctx.words[j]) for j in range(fe, e)):
            e = fs
            while e > s and ctx.words[e - 1] == ",":
                e -= 1
    return _trim(ctx, s, e) if (s, e) != rng else rng


def _content_before(ctx: _Ctx, end: int, lo: int) -> Optional[Range]:
    """The clause or quote before ", X said" (``end`` is the first token of the frame)."""
    words = ctx.words
    j = end - 1
    while j >= lo and words[j] in (",", "—", "–", "-") or (j >= lo and ctx.words[j].isspace()):
        j -= 1
    if j >= 0 and words[j] in QUOTES and j in ctx.close_at:
        open_i = ctx.close_at[j]
        return _trim(ctx, open_i + 1, j)
    if j >= lo and j + 1 < ctx.n and words[j + 1] in QUOTES and (j + 1) in ctx.close_at:
        open_i = ctx.close_at[j + 1]
        return _trim(ctx, open_i + 1, j + 1)
    return _trim(ctx, _skip_lead(ctx, lo, j + 1), j + 1)


def _subtree_range(token, keep_relcl: bool = False) -> Range:
    s, e = token.left_edge.i, token.right_edge.i + 1
    if not keep_relcl:
        for child in token.children:
            if child.dep_ in ("relcl", "acl", "punct") and child.i > token.i:
                e = min(e, child.left_edge.i)
    while e - 1 > s and _is_punct(token.doc[e - 1].text):
        e -= 1
    return s, e


# ---------------------------------------------------------------------- sentence-level passes
def _channels(ctx: _Ctx, cues, lo: int) -> Tuple[List[Range], List[Range]]:
    """Channel phrases of a sentence: "in his nightly video address", "on its Telegram channel"."""
    lower, words = ctx.lower, ctx.words
    mediums: List[Range] = []
    platforms: List[Range] = []
    for label, s, e in cues:
        if label == "medium_word":
            for k in range(s - 1, max(lo, s - 5) - 1, -1):
                if lower[k] in _SPOKEN_PREPS:
                    mediums.append((k, e))
                    break
                if _is_punct(words[k]) or lower[k] in ("that", "said", "told", "on"):
                    break
        elif label == "platform_word":
            for k in range(s - 1, max(lo, s - 4) - 1, -1):
                if lower[k] in _PLATFORM_PREPS:
                    platforms.append((k, e))
                    break
                if lower[k] not in _PLATFORM_FILLERS:
                    break
    return _longest(mediums), _longest(platforms)


def _longest(ranges: List[Range]) -> List[Range]:
    """Drop ranges overlapping a longer one (first wins on ties)."""
    out: List[Range] = []
    for rng in sorted(ranges, key=lambda r: (r[0] - r[1], r[0])):
        if all(rng[1] <= o[0] or rng[0] >= o[1] for o in out):
            out.append(rng)
    return sorted(out)


def _inherit_gerund_sources(records: List[_Record]) -> None:
    last = None
    for rec in records:
        if rec.inherit:
            if last is not None:
                rec.source = last.source
        elif rec.source is not None:
            last = rec


def _clip_contents(ctx: _Ctx, records: List[_Record], lo: int) -> None:
    """A content stops where another attribution's frame starts after a comma, and starts after
    a frame at its very beginning ("According to sources, ..., the Times writes")."""
    if len(records) < 2:
        return  # a content is clipped only by another record's frame
    # The frames that can clip, sorted by start, so that each content looks only at the frames
    # inside it (a sentence may hold hundreds of attributions); they are taken in record order.
    # A content only shrinks, so a frame outside it at the start stays outside.
    frames = sorted((rec.frame(), k) for k, rec in enumerate(records) if rec.kind not in ("sourceless", "raising"))
    frame_starts = [frame[0] for frame, _ in frames]
    for rec in records:
        if rec.content is None:
            continue
        s, e = rec.content
        inside = sorted(
            (k, frame) for frame, k in frames[bisect_left(frame_starts, s) : bisect_right(frame_starts, e)]
            if frame[1] <= e
        )
        for k, (f0, f1) in inside:
            if records[k] is rec or not (s <= f0 and f1 <= e):
                continue
            if f0 == s or all(_is_punct(ctx.words[j]) for j in range(s, f0)):
                s = f1
            elif f0 - 1 >= s and ctx.words[f0 - 1] == ",":
                e = f0
            elif f0 - 2 >= s and ctx.words[f0 - 2] == "," and ctx.lower[f0 - 1] in _CLAUSE_LINKS:
                e = f0 - 1
        if (s, e) != rec.content:
            rng = _trim(ctx, s, e)
            rec.content = _cut_trailing_frames(ctx, rng) if rng else None


def _medium_spans(ctx: _Ctx, mediums: List[Range], platforms: List[Range]) -> List[Range]:
    """The span to report for each channel phrase: the platform or interviewer when named."""
    out: List[Range] = []
    lead = {"in", "at", "during", "via", "through", "on", "to", "its", "his", "her", "their", "the", "official", "own"}
    plats = sorted(platforms)
    used = set()
    for s, e in mediums:
        pick = None
        for ps, pe in plats:
            if e <= ps <= e + 2:
                pick = (ps, pe)
                used.add((ps, pe))
                break
        if pick is None and e < ctx.n and ctx.lower[e] == "with":
            pick = _np_after(ctx, e + 1, ctx.n)
        if pick is None:
            pick = (s + 1, e)
        out.append(_strip_lead(ctx, pick, lead if pick != (s + 1, e) else set()))
    for p in plats:
        if p not in used:
            out.append(_strip_lead(ctx, p, lead | {"a", "an"}))
    return [o for o in out if o[0] < o[1]]


def _strip_lead(ctx: _Ctx, rng: Range, lead) -> Range:
    s, e = rng
    while s < e - 1 and ctx.lower[s] in lead:
        s += 1
    return s, e


def _frame_distance(words: Sequence[str], cue: Range, s: int, e: int) -> int:
    """Tokens between a cue and a phrase, plus a penalty for each comma in between."""
    a, b = (cue[1], s) if cue[1] <= s else (e, cue[0])
    return max(0, b - a) + 10 * sum(1 for j in range(a, b) if words[j] == ",")


def _assign_frames(records: List[_Record], spans: List[Range], field: str, words: Sequence[str]) -> None:
    """Give each time/channel phrase outside every content and source to the nearest cue."""
    for s, e in spans:
        if any(r.content and r.content[0] <= s and e <= r.content[1] for r in records):
            continue
        if any(r.source and r.source[0] <= s and e <= r.source[1] for r in records):
            continue
        if any(r.medium and r.medium[0] <= s < r.medium[1] for r in records) and field == "medium":
            continue
        candidates = [r for r in records if getattr(r, field) is None and r.kind not in ("sourceless", "raising", "cited_by")]
        if not candidates:
            continue
        best = min(candidates, key=lambda r: _frame_distance(words, r.cue, s, e))
        setattr(best, field, (s, e))


# ---------------------------------------------------------------------- output
def _span(offsets: CharOffsets, rng: Optional[Range], text: str) -> Optional[Dict[str, Any]]:
    if rng is None:
        return None
    start = offsets.start(rng[0])
    end = offsets.end(rng[1])
    return {"start": start, "end": end, "text": text[start:end]}


def records_to_dicts(doc: Doc, records: List[_Record], typer: SourceTyper, resolve: bool = True,
                     text: Optional[str] = None) -> List[Dict[str, Any]]:
    """The contract's Attribution dicts for ``records`` (sorted by cue)."""
    out: List[Dict[str, Any]] = []
    if not records:
        return out
    ents = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
    sentence_of = SentenceOf(doc) if doc.has_annotation("SENT_START") else None  # doc[i].sent
    text = doc.text if text is None else text
    offsets = CharOffsets(doc)
    names = _NameWords(doc)  # reads the Doc when a pronoun is first resolved from its words
    named: List[int] = []  # indices of the items so far whose source is not a pronoun
    for index, rec in enumerate(records):
        source_text = text[offsets.start(rec.source[0]):offsets.end(rec.source[1])] if rec.source else None
        label = None
        if rec.source and ents:
            label = next((e.label_ for e in ents if e.start >= rec.source[0] and e.end <= rec.source[1]), None)
        if source_text is not None:
            info = typer.classify(source_text, label)
            source_type, anonymous, state_media = info.source_type, info.anonymous or rec.anonymous, info.state_media
        else:
            source_type, anonymous, state_media = "unknown", False, False
        item = {
            "id": index,
            "cue": _span(offsets, rec.cue, text),
            "source": _span(offsets, rec.source, text),
            "content": _span(offsets, rec.content, text),
            "source_type": source_type,
            "anonymous": bool(anonymous),
            "state_media": bool(state_media),
            "medium": _span(offsets, rec.medium, text),
            "time": _span(offsets, rec.time, text),
            "via": [_span(offsets, v, text) for v in rec.via],
            "resolved": None,
        }
        if resolve and source_text and source_text.lower() in _PRONOUNS:
            item["resolved"] = _resolve(doc, records, out, named, rec, ents, sentence_of, names)
            if item["resolved"] and source_text.lower() in ("he", "she"):
                item["anonymous"] = False
        if source_text is not None and source_text.lower() not in _PRONOUNS:
            named.append(index)
        out.append(item)
    _type_from_antecedents(text, out, typer)
    return out


# Sources that point back to an earlier one: their type (and anonymity) is the antecedent's.
_ANAPHORS = {"he", "she", "it", "they", "we", "the statement", "the communiqué", "the communique", "this statement",
             "the movement", "the group", "the source", "the mission", "the team", "the information team",
             "the commander", "the spokesman", "the spokeswoman", "the spokesperson", "the official", "the minister",
             "the organisation", "the organization", "the agency", "the coalition"}
_PERSONAL = ("person", "official")


def _type_from_antecedents(text: str, items: List[Dict[str, Any]], typer: SourceTyper) -> None:
    """Type a pronoun, a bare surname or "the statement" from the source it points back to:
    "Kremlin spokesman Dmitry Peskov said ... Peskov added" -> official; "An army spokesman said ...
    He added" -> official, anonymous."""
    antecedents = _Antecedents(text, items, typer)
    for index, item in enumerate(items):
        src = item["source"]
        if src is None:
            continue
        key = src["text"].lower()
        if key in ("he", "she"):
            resolved = item.get("resolved")
            ante = next(antecedents.named(resolved, index), None) if resolved else None
            if ante is None:
                ante = next((e for e in islice(antecedents.earlier(index), 3) if e["source_type"] in _PERSONAL), None)
            if ante is not None and ante["source_type"] in _PERSONAL:
                item["source_type"] = ante["source_type"]
                item["anonymous"] = ante["anonymous"]
            elif resolved:
                info = typer.classify(resolved)
                if info.source_type == "official":
                    item["source_type"] = "official"
            continue
        if key in _ANAPHORS:
            if item["source_type"] not in ("unknown", "organization") and key not in ("the group", "the coalition"):
                continue
            want_personal = key in ("the source", "the commander", "the spokesman", "the spokeswoman",
                                    "the spokesperson", "the official", "the minister")
            ante = next((e for e in islice(antecedents.earlier(index), 3) if e["source_type"] != "unknown"
                         and (e["source_type"] in _PERSONAL) == want_personal and e["source_type"] != "media"), None)
            if ante is not None and (key not in ("the group", "the coalition") or ante["source_type"] in ("military", "organization")):
                item["source_type"] = ante["source_type"]
                if want_personal:
                    item["anonymous"] = ante["anonymous"]
            continue
        bare = src["text"][3:] if src["text"].startswith(("Mr ", "Ms ")) else src["text"]
        if item["source_type"] in ("unknown", "person") and bare[:1].isupper() and " " not in bare and bare.isalpha():
            # A surname alone: the type of the earlier source (or mention) that carries it.
            ante = antecedents.personal_carrying(bare, index)
            if ante is not None:
                item["source_type"] = ante["source_type"]
                item["anonymous"] = False
                continue
            # Or an earlier mention with a title: "... Kremlin spokesman Dmitry Peskov ..."
            mention_type = antecedents.titled_mention(bare, src["start"])
            if mention_type is not None:
                item["source_type"] = mention_type
                item["anonymous"] = False


class _Antecedents:
    """The earlier sources and mentions that :func:`_type_from_antecedents` looks back to,
    indexed once per Doc (looking back through every earlier item for each source made a
    document with thousands of attributions quadratic)."""

    def __init__(self, text: str, items: List[Dict[str, Any]], typer: SourceTyper) -> None:
        self.text, self.items, self.typer = text, items, typer
        self._by_text: Dict[str, List[int]] = {}
        self._plain: List[int] = []  # the items whose source is not an anaphor
        for k, item in enumerate(items):
            source = item["source"]
            if source and source["text"].lower() not in _ANAPHORS:
                self._by_text.setdefault(source["text"], []).append(k)
                self._plain.append(k)
        # Items typed person or official, by the words of their source, up to `_settled`.
        self._personal_by_word: Dict[str, List[int]] = {}
        self._settled = 0
        self._mentions: Dict[str, Tuple[List[int], List[str]]] = {}

    def _before(self, ks: List[int], index: int) -> Iterator[Dict[str, Any]]:
        for j in range(bisect_left(ks, index) - 1, -1, -1):
            yield self.items[ks[j]]

    def earlier(self, index: int) -> Iterator[Dict[str, Any]]:
        """The items before ``index`` whose source is not an anaphor, nearest first."""
        return self._before(self._plain, index)

    def named(self, name: str, index: int) -> Iterator[Dict[str, Any]]:
        """The items before ``index`` whose source is ``name`` (not an anaphor), nearest first."""
        return self._before(self._by_text.get(name, []), index)

    def personal_carrying(self, word: str, index: int) -> Optional[Dict[str, Any]]:
        """The nearest item before ``index`` typed person or official whose source (not an
        anaphor) has the word ``word``. Items are typed in order and not retyped later, so
        the items before ``index`` are indexed once, with their final types, as ``index``
        grows (asking for a smaller ``index`` later is not supported)."""
        while self._settled < index:
            item = self.items[self._settled]
            source = item["source"]
            if source and source["text"].lower() not in _ANAPHORS and item["source_type"] in _PERSONAL:
                for part in set(source["text"].split()):
                    self._personal_by_word.setdefault(part, []).append(self._settled)
            self._settled += 1
        found = self._personal_by_word.get(word)
        return self.items[found[-1]] if found else None

    def titled_mention(self, bare: str, before: int) -> Optional[str]:
        """The personal type of the last mention " <bare>" that ends by character ``before``
        (not at the text's start) whose seven words up to it name a person or an official
        ("... Kremlin spokesman Dmitry Peskov"), or None."""
        if bare not in self._mentions:
            text, pattern = self.text, " " + bare
            ends: List[int] = []
            types: List[str] = []
            at = text.find(pattern)
            while at != -1:
                if at > 0:
                    window = text[max(0, at - 60):at + len(pattern)]
                    info = self.typer.classify(" ".join(window.split()[-7:]))
                    if info.source_type in _PERSONAL:
                        ends.append(at + len(pattern))
                        types.append(info.source_type)
                at = text.find(pattern, at + 1)
            self._mentions[bare] = (ends, types)
        ends, types = self._mentions[bare]
        k = bisect_right(ends, before)
        return types[k - 1] if k else None


class _NameWords:
    """Per-Doc word tests for :func:`_resolve`: is each token capitalized and alphabetic
    (``t.text[:1].isupper() and t.is_alpha``), and can it be part of a name (not a
    determiner or pronoun that opens a sentence). Read from arrays for the token ranges
    asked for, each token once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._rows: Any = None
        self._lo = self._hi = 0  # the tokens read so far: one range
        self.capitalized: List[bool] = []
        self.in_name: List[bool] = []
        self.lower: List[str] = []
        self._run_index: Optional[Tuple[List[int], List[Optional[Tuple[int, int]]]]] = None

    def read(self, lo: int, hi: int) -> "_NameWords":
        """Make the tests of tokens ``lo:hi`` available; returns self."""
        if self._rows is None:
            n = len(self._doc)
            self._rows = self._doc.to_array([ORTH, SENT_START])
            self.capitalized, self.in_name, self.lower = [False] * n, [False] * n, [""] * n
            self._lo = self._hi = lo
        new_lo, new_hi = min(lo, self._lo), max(hi, self._hi)
        self._fill(new_lo, self._lo)
        self._fill(self._hi, new_hi)
        self._lo, self._hi = new_lo, new_hi
        return self

    def _fill(self, lo: int, hi: int) -> None:
        if lo >= hi:
            return
        rows = self._rows
        words = decode(self._doc.vocab.strings, rows[lo:hi, 0].tolist())
        opener = _DETERMINERS | _PRONOUNS
        for k, word, start in zip(range(lo, hi), words, rows[lo:hi, 1].tolist()):
            lower = word.lower()
            capitalized = word[:1].isupper() and word.isalpha()
            self.lower[k] = lower
            self.capitalized[k] = capitalized
            self.in_name[k] = capitalized and not (start == 1 and lower in opener)

    # Windows longer than this are answered from an index of the Doc's runs (one pass), so
    # that a pronoun in a sentence thousands of words long does not scan it.
    SCAN = 64

    def last_run(self, lo: int, hi: int) -> Optional[Tuple[int, int]]:
        """The last run of two or more name words in ``lo:hi`` (runs cut at ``lo`` and ``hi``)."""
        if hi - lo <= self.SCAN:
            return self._scan(lo, hi)
        run_start, last_long = self._runs()
        p = hi
        if hi - 1 >= lo and self.in_name[hi - 1]:
            a = max(run_start[hi - 1], lo)  # the run that ends the window, cut at both ends
            if hi - a >= 2:
                return a, hi
            p = a
        found = last_long[p]  # the last whole run of two or more ending by p: cut at lo only
        if found is None:
            return None
        a, b = max(found[0], lo), found[1]
        return (a, b) if b - a >= 2 else None

    def _scan(self, lo: int, hi: int) -> Optional[Tuple[int, int]]:
        in_name = self.in_name
        i = hi - 1
        while i >= lo:
            while i >= lo and not in_name[i]:
                i -= 1
            j = i
            while j >= lo and in_name[j]:
                j -= 1
            if i - j >= 2:
                return j + 1, i + 1
            i = j
        return None

    def _runs(self) -> Tuple[List[int], List[Optional[Tuple[int, int]]]]:
        """For each token, where its run of name words starts; for each position ``p``, the
        last run of two or more that ends by ``p``. Reads the whole Doc (once)."""
        if self._run_index is None:
            n = len(self._doc)
            self.read(0, n)
            in_name = self.in_name
            run_start = [0] * n
            last_long: List[Optional[Tuple[int, int]]] = [None] * (n + 1)
            for i in range(n):
                if in_name[i]:
                    run_start[i] = run_start[i - 1] if i and in_name[i - 1] else i
                ends = in_name[i] and (i + 1 == n or not in_name[i + 1])
                long_run = ends and i + 1 - run_start[i] >= 2
                last_long[i + 1] = (run_start[i], i + 1) if long_run else last_long[i]
            self._run_index = (run_start, last_long)
        return self._run_index


def _resolve(doc: Doc, records: List[_Record], items: List[dict], named: List[int], rec: _Record, ents,
             sentence_of: Optional[SentenceOf], names: "_NameWords") -> Optional[str]:
    """The name a pronoun source points to, from this sentence or the one before: the source
    of the nearest earlier item in ``named`` (the items so far whose source is not a pronoun)
    that fits, or a name in the text."""
    pronoun = doc[rec.source[0]].lower_
    sent_start = sentence_of(rec.cue[0])[0] if sentence_of is not None else 0
    window_start = sent_start
    if sent_start > 0 and sentence_of is not None:
        window_start = sentence_of(sent_start - 1)[0]
    people = ("person", "official")
    for k in reversed(named):
        prev, item = records[k], items[k]
        if prev.source[0] < window_start:
            continue
        if pronoun in ("he", "she") and item["source_type"] not in people + ("unknown",):
            continue
        return item["source"]["text"]
    if pronoun in ("he", "she"):
        for ent in reversed(ents):
            if ent.label_ == "PERSON" and window_start <= ent.start < rec.source[0]:
                return ent.text
        # Two or more capitalized words in a row, not at a sentence start alone.
        names = names.read(window_start, rec.source[0])
        best = names.last_run(window_start, rec.source[0])
        if best:
            return doc[best[0]:best[1]].text
        # The capitalized subject that opens the sentence or the one before ("Zelensky met ...").
        for start in (sent_start, window_start):
            end = start
            while end < rec.source[0] and names.capitalized[end]:
                end += 1
            if end > start and names.lower[start] not in _DETERMINERS | _PRONOUNS and end < rec.source[0]:
                return doc[start:end].text
    return None


def set_attributions(
    doc: Doc, items: List[Dict[str, Any]], key: str = NAME, cues: Optional[Sequence[Range]] = None
) -> None:
    """Store ``items`` on ``doc._.attributions`` and their cues in ``doc.spans[key]``
    (``cues``: the cues' token ranges, when known, in the order of ``items``)."""
    spans = []
    if cues is not None:
        spans = [Span(doc, start, end, label="cue") for start, end in cues]
    else:
        for item in items:
            span = doc.char_span(item["cue"]["start"], item["cue"]["end"], label="cue")
            if span is not None:
                spans.append(span)
    doc.spans[key] = spans
    doc._.attributions = items


# ---------------------------------------------------------------------- scoring
def _prf(tp: int, n_pred: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_attribution(examples: Iterable, **kwargs) -> Dict[str, Any]:
    """Precision, recall and F for cues, sources and contents (exact character offsets).

    Gold attributions are read from ``example.reference._.attributions``.
    """
    counts = {k: [0, 0, 0] for k in ("cue", "source", "content")}
    for example in examples:
        pred = example.predicted._.attributions or []
        gold = example.reference._.attributions or []
        for field in counts:
            p = {(a[field]["start"], a[field]["end"]) for a in pred if a.get(field)}
            g = {(a[field]["start"], a[field]["end"]) for a in gold if a.get(field)}
            counts[field][0] += len(p & g)
            counts[field][1] += len(p)
            counts[field][2] += len(g)
    scores: Dict[str, Any] = {}
    for field, (tp, n_pred, n_gold) in counts.items():
        p, r, f = _prf(tp, n_pred, n_gold)
        scores[f"attribution_{field}_p"] = p
        scores[f"attribution_{field}_r"] = r
        scores[f"attribution_{field}_f"] = f
    return scores


@registry.scorers("conflictnlp.attribution_scorer.v1")
def make_attribution_scorer() -> Callable:
    return score_attribution


# ---------------------------------------------------------------------- factory
@Language.factory(
    NAME,
    assigns=["doc.spans", "doc._.attributions"],
    requires=["token.is_sent_start"],
    default_config={
        "cues": None, "phrases": None, "mediums": None, "source_types": None, "outlets": None,
        "use_parser": True, "resolve_pronouns": True,
        "scorer": {"@scorers": "conflictnlp.attribution_scorer.v1"},
    },
    default_score_weights={
        "attribution_cue_f": 0.4, "attribution_source_f": 0.3, "attribution_content_f": 0.3,
        "attribution_cue_p": None, "attribution_cue_r": None, "attribution_source_p": None,
        "attribution_source_r": None, "attribution_content_p": None, "attribution_content_r": None,
    },
)
def make_conflict_attribution(
    nlp: Language,
    name: str,
    cues: Lexicon,
    phrases: Lexicon,
    mediums: Lexicon,
    source_types: Lexicon,
    outlets: Lexicon,
    use_parser: bool,
    resolve_pronouns: bool,
    scorer: Optional[Callable],
) -> AttributionDetector:
    return AttributionDetector(
        nlp, name, cues=cues, phrases=phrases, mediums=mediums, source_types=source_types, outlets=outlets,
        use_parser=use_parser, resolve_pronouns=resolve_pronouns, scorer=scorer,
    )
