"""The named word lists of ``components/attribution/words.jsonl``, read once per process.

Word lists a domain expert reviews (weekdays, months, title words, state bodies, claim nouns,
anaphors ...) live in that file; closed-class grammar sets stay in :mod:`.grammar`.
Standard library only (:mod:`.sources` reads it too).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

from ..rules import ResourceError, bundled_jsonl

WORD_LIST_FIELDS = {"list": str, "words": list, "note?": str}


def _word_lists() -> Dict[str, Tuple[str, ...]]:
    lists: Dict[str, Tuple[str, ...]] = {}
    for entry in bundled_jsonl("attribution", "words.jsonl", WORD_LIST_FIELDS):
        if entry["list"] in lists or not all(isinstance(w, str) for w in entry["words"]):
            raise ResourceError(f"attribution words.jsonl: list {entry['list']!r} is repeated or holds a non-string")
        lists[entry["list"]] = tuple(entry["words"])
    return lists


WORD_LISTS = _word_lists()


def word_set(name: str) -> FrozenSet[str]:
    return frozenset(WORD_LISTS[name])


DAYS = list(WORD_LISTS["days"])
MONTHS = list(WORD_LISTS["months"])
DAY_PARTS = list(WORD_LISTS["day_parts"])
TITLE_WORDS = word_set("title_words")  # -ed/-ing words that stay inside a source noun phrase
STATE_BODIES = word_set("state_bodies")
NOMINAL_CUES = word_set("nominal_cues")
CLAIM_NOUNS = word_set("claim_nouns")
OUTLET_HEADS = word_set("outlet_heads")  # "the Harbor Times": an outlet by its name
VISUAL_RECORDS = word_set("visual_records")  # "satellite images | show ...": a record whose object is shown
STATE_COMPOUNDS = word_set("state_compounds")  # "State media", "state TV": "state" is a noun
CUE_COMPOUNDS = word_set("cue_compounds")  # "think tank": a noun, though "think" is a cue form
TO_TITLES = word_set("to_titles")  # "Rwanda's ambassador to the UN": "to" inside the source
AS_OBJECT_VERBS = word_set("as_object_verbs")  # "dismissed the claim as fiction": the object is what was said
CATENATIVES = word_set("catenatives")  # "continued to | call for", "went on to | say"
PURPOSE_OPENERS = word_set("purpose_openers")  # "called back the radio station to | confirm": cues.purpose_before
PURPOSE_PUBLISHERS = word_set("purpose_publishers")  # "issued a statement to | confirm", not "used it to claim"
PUBLISHED_NOUNS = word_set("published_nouns")  # "posted footage online to | claim"
SUMMARY_NOUNS = word_set("summary_nouns")
TAIL_NOUNS = word_set("tail_nouns")
TAIL_GERUNDS = word_set("tail_gerunds")
SOURCE_PARTICIPLES = word_set("source_participles")
ANAPHORS = word_set("anaphors")
PERSONAL_ANAPHORS = word_set("personal_anaphors")
ROLE_VERBS = word_set("role_verbs")
ANONYMITY_WORDS = word_set("anonymity_words")
OWNED_SERVICES = frozenset(tuple(phrase.split()) for phrase in WORD_LISTS["owned_services"])
OWNER_PARTICIPLES = word_set("owner_participles")
STATE_MEDIA_MODIFIERS = frozenset(tuple(phrase.split()) for phrase in WORD_LISTS["state_media_modifiers"])
DOCUMENT_NOUNS = word_set("document_nouns")
ISSUE_VERBS = word_set("issue_verbs")
TITLE_ABBREVIATIONS = word_set("title_abbreviations")
WITHHOLDING_VERBS = word_set("withholding_verbs")  # "Col" + "." split by the tokenizer
VERB_GROUP = word_set("verb_group")  # auxiliaries, modals, negation, adverbs of a cue's verb group
HEADLINE_FINDINGS = word_set("headline_findings")  # "Poll: ..." speaks through a headline colon
TRANSCRIPT_ROLES = word_set("transcript_roles")  # "PRESENTER:", "UPDATE:": no speaker's name
REQUEST_NOUNS = word_set("request_nouns")  # "did not respond to | a request for comment": no report
CONTACT_VERBS = word_set("contact_verbs")  # "the officers I interviewed | said"
INTERROGATED = word_set("interrogated")  # "police questioned | three suspects": an interrogation, no report
RELATIVE_PARTICIPLES = word_set("irregular_participles")  # "Officials based in X said": a reduced relative
REPORTED_STATES = word_set("reported_states")  # "Several soldiers are reported | dead": a raising cue
DISCOURSE_ADVERBIALS = word_set("discourse_adverbials")  # "said, however, that": neither source nor content
ESTIMATE_NOUNS = word_set("estimate_nouns")  # "put the death toll | at 23"
SPEECH_NOUNS = word_set("speech_nouns")  # "made the following statement | :"
RECORDING_NOUNS = word_set("recording_nouns")  # "footage of X | saying “...”": X speaks
GERUND_HOSTS = word_set("gerund_hosts")  # "can be heard | yelling that", "kept | saying that"
OCCASION_NOUNS = word_set("occasion_nouns")  # "at a news conference | announcing that"
NAMING_PREDICATES = word_set("naming_predicates")  # "called the charges | baseless": naming.py
CITED_REASONS = word_set("cited_reasons")  # "citing | security reasons": a reason, no source
