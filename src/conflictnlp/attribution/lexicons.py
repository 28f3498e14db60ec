"""The five rule tables of ``conflict_attribution`` (cues, phrases, mediums, source_types,
outlets), their cross-field checks, and the lookups compiled from them: verb forms, one
``PhraseMatcher`` for cues and channel words, the frame patterns and the source typer."""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from .. import schema
from ..rules import RuleSet, RuleTable
from .patterns import TokenPatterns, impersonal_patterns, time_patterns
from .sources import SourceTyper

CUE_FIELDS = {
    "lemma": str, "forms": list, "strength": str, "ambiguous?": list, "addressee?": bool,
    "impersonal?": bool, "raising?": bool, "infinitive?": bool, "naming?": bool, "particles?": list, "object?": bool, "question?": bool, "quote_only?": bool, "particle_only?": bool, "cue_type?": str, "note?": str,
    "estimate?": bool, "estimate_only?": bool, "showing?": bool, "document_only?": bool, "counting?": bool, "visual?": bool,
}
PHRASE_FIELDS = {"text": str, "kind": str, "cue_type?": str, "note?": str}
MEDIUM_FIELDS = {"text": str, "kind": str, "note?": str}
SOURCE_TYPE_FIELDS = {"text": str, "type": str, "anonymous?": bool, "state_media?": bool, "note?": str}
OUTLET_FIELDS = {"name": str, "aliases?": list, "state": bool, "country?": str, "note?": str}

TABLES = (
    RuleTable("cues", "cues.jsonl", CUE_FIELDS),
    RuleTable("phrases", "phrases.jsonl", PHRASE_FIELDS),
    RuleTable("mediums", "mediums.jsonl", MEDIUM_FIELDS),
    RuleTable("source_types", "source_types.jsonl", SOURCE_TYPE_FIELDS),
    RuleTable("outlets", "outlets.jsonl", OUTLET_FIELDS),
)
# config key -> (file name, field spec)
LEXICONS = {table.name: (table.file, table.fields) for table in TABLES}
PHRASE_KINDS = {"according", "citing", "cited_by", "sourceless", "anonymity"}
CUE_LABELS = {"verb", "according", "citing", "cited_by", "sourceless", "colon"}


def check(rules: RuleSet, entries: Mapping[str, List[Dict[str, Any]]]) -> None:
    """Cross-field checks: a cue's strength, a phrase's kind, a source type of the schema."""
    for entry in entries.get("cues", []):
        if entry["strength"] not in ("strong", "weak"):
            rules.fail("cues", entry, f"lemma {entry['lemma']!r}: strength must be 'strong' or 'weak'")
    for entry in entries.get("phrases", []):
        if entry["kind"] not in PHRASE_KINDS:
            rules.fail("phrases", entry, f"{entry['text']!r}: kind must be one of {', '.join(sorted(PHRASE_KINDS))}")
    for table, key in (("cues", "lemma"), ("phrases", "text")):
        for entry in entries.get(table, []):
            if entry.get("cue_type", "speech") not in schema.ATTRIBUTION_CUE_TYPES:
                rules.fail(table, entry, f"{entry[key]!r}: cue_type must be one of {', '.join(schema.ATTRIBUTION_CUE_TYPES)}")
    for entry in entries.get("source_types", []):
        if entry["type"] not in schema.SOURCE_TYPES:
            rules.fail("source_types", entry, f"source type {entry['type']!r} for {entry['text']!r} is not one of "
                       f"{', '.join(schema.SOURCE_TYPES)}")


def rule_set(owner: str) -> RuleSet:
    return RuleSet("attribution", owner, TABLES, check=check)


class Lexicons:
    """The rule tables compiled for lookup (rebuilt whenever the tables are restored)."""

    def __init__(self, nlp: Language, entries: Mapping[str, List[Dict[str, Any]]]) -> None:
        self.strings = nlp.vocab.strings  # the cue matcher's labels
        self.verb_forms: Dict[str, dict] = {}
        for entry in entries["cues"]:
            for form in entry["forms"]:
                self.verb_forms[form.lower()] = entry
        self.cue_forms: FrozenSet[str] = frozenset(f for f in self.verb_forms if " " not in f)
        self.ambiguous = {f.lower() for e in entries["cues"] for f in e.get("ambiguous", [])}
        self.impersonal = {f for f, e in self.verb_forms.items()
                           if e.get("impersonal") and (f.endswith(("ed", "nt")) or f in ("said", "told"))}
        # the contract's cue_type by cue word or phrase (lowercase); a cue not listed is speech
        self.cue_types: Dict[str, str] = {f: e.get("cue_type", "speech") for f, e in self.verb_forms.items()}
        self.cue_types.update((e["text"].lower(), e.get("cue_type", "speech")) for e in entries["phrases"])
        self.typer = SourceTyper(entries["source_types"], entries["outlets"])
        self.cue_matcher = cue_matcher(nlp, self.verb_forms, entries["phrases"], entries["mediums"])
        # Time phrases and "it is reported": token patterns over lowercase words, run by
        # TokenPatterns (spaCy's Matcher builds a Token object per token it looks at).
        self.frame_patterns = TokenPatterns(time_patterns() + impersonal_patterns(sorted(self.impersonal)))


def cue_matcher(nlp: Language, verb_forms: Mapping[str, dict], phrases: List[dict], mediums: List[dict]) -> PhraseMatcher:
    """One ``PhraseMatcher`` for verb forms, phrase cues, the colon and channel words (whose
    preposition is checked only in sentences that have a cue, see :func:`.frames.channels`)."""
    make = nlp.make_doc
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("verb", [make(f) for f in verb_forms])
    for kind in PHRASE_KINDS:
        texts = [e["text"] for e in phrases if e["kind"] == kind]
        if texts:
            matcher.add(kind, [make(t) for t in texts])
    matcher.add("colon", [make(":")])
    spoken = [e["text"] for e in mediums if e["kind"] != "platform"]
    platforms = [e["text"] for e in mediums if e["kind"] == "platform"]
    if spoken:
        matcher.add("medium_word", [make(t) for t in spoken])
    if platforms:
        matcher.add("platform_word", [make(t) for t in platforms])
    return matcher
