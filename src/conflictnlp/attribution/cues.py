"""One function per cue case: what a cue match makes of its sentence.

A reporting verb (:func:`verb_cue`) is tried as a sequence of named cases, each of which
either decides (a record, or None for "not a report") or passes (:data:`PASS`) to the next:
nominal cue ("Pakistan's claim that"), not a verb, the parse, passive, "quoted X as saying",
gerund (", adding that"), inverted ("..., said X"), conjoined ("X denies ... and says"), and
the source before the cue. Phrase cues: :func:`according_cue`, :func:`citing_cue` (citing and
cited by), :func:`sourceless_cue`, :func:`impersonal_cue`; and the headline :func:`colon_cue`.
"""

from __future__ import annotations

import re
from typing import Any, List, NamedTuple, Optional, Tuple

from .asking import asked_passive, asked_whom, asker_before, asking_quote, opening_question, questioned_object, subordinate_topic, verb_by_position
from .chunker import (
    DASHES, is_dash, appositive_source, appositive_subject, appositives_after, clause_subject, np_after, np_before, opens_clause,
    relative_insert, segment_start, skip_lead, stop_word_inside,
)
from .content import (
    adverbial_end, fronted_clause, clause_around, content_after, content_before, label_colon, line_end, noun_before_noun, parenthetical_before,
    quote_or_trim, rest_is_frame, rest_is_punct, trim,
)
from .grammar import (
    BE, CONTINUATIONS, DETERMINERS, NP_STOP, OWNER_PRONOUNS, POSSESSIVE, PRONOUNS, QUOTES, RELATIVE_VERB_WORDS, SHORT_OF_VERBS,
    SKIP_BEFORE_CUE, SPOKEN_PREPS,
)
from ..counts.numbers import NUMBER_WORDS
from .lexicons import Lexicons
from .naming import NAMED_PRONOUNS, OBJECT_LEMMAS, call_as_noun, names_bare, passive_naming, time_before_for
from .parentheticals import as_parenthetical, opening_inversion
from .participles import (
    chained_gerund, comma_before, gerund_host, gerund_speaker, opening_participle, quote_after, recorded_speaker,
    speaker_like, to_addressee,
)
from .objects import DOCUMENT_SOURCES, INVESTIGATORS, cause_subject, object_extent, opens_object, verb_by_context
from .sources import POST_MODIFIERS, normalize
from .view import Range, Record, View, is_cap, is_punct, starts_line
from .words import (
    AS_OBJECT_VERBS, CATENATIVES, CLAIM_NOUNS, CONTACT_VERBS, DOCUMENT_NOUNS, ISSUE_VERBS, NOMINAL_CUES, SOURCE_PARTICIPLES, STATE_BODIES, STATE_COMPOUNDS, SUMMARY_NOUNS,
    RELATIVE_PARTICIPLES, REPORTED_STATES, ESTIMATE_NOUNS, TITLE_ABBREVIATIONS, TITLE_WORDS, SPEECH_NOUNS, VERB_GROUP,
    VISUAL_RECORDS, CITED_REASONS,
    HEADLINE_FINDINGS, OCCASION_NOUNS, PUBLISHED_NOUNS, PURPOSE_OPENERS, PURPOSE_PUBLISHERS, REQUEST_NOUNS, TAIL_GERUNDS, TRANSCRIPT_ROLES,
)

# The prepositions a nominal cue governs: "reports of shelling", "claims about the test".
NOMINAL_PARTICLES = frozenset(("of", "about"))

PASS: Any = object()  # a case that does not apply: try the next one


class VerbCue(NamedTuple):
    """The facts of one reporting-verb match in its sentence ``lo:hi``."""

    i: int
    e: int
    lo: int
    hi: int
    form: str  # lowercase, "pointed out" for a two-word form
    entry: dict  # its cues.jsonl entry
    prev: str  # the word before ("" at the sentence start)
    nxt: str  # the word after ("" at the sentence end)
    token: Any  # the Token when the Doc is tagged or parsed, else None
    is_verb_tag: bool


# ---------------------------------------------------------------------------- reporting verbs
def verb_cue(lex: Lexicons, view: View, i: int, e: int, lo: int, hi: int, parsed: bool, tagged: bool) -> Optional[Record]:
    """The attribution of the reporting verb at ``i:e``, or None."""
    lower = view.lower
    form = lower[i] if e - i == 1 else " ".join(lower[i:e])  # "pointed out"
    entry = lex.verb_forms[form]
    token = view.doc[i] if tagged or parsed else None
    b, a = space_before(view, i, lo), space_after(view, e, hi)  # "he\xa0told": a no-break space is a space
    prev = lower[b - 1] if b - 1 >= lo else ""
    # untagged, a noun-or-verb form reads as a verb after a modal ("will demand", "would report"), and one
    # of a verb that reports its object by its context
    is_verb = token.pos_ in ("VERB", "AUX") if tagged else (prev in MODALS or bool(
        entry.get("object") and form in lex.ambiguous and verb_by_context(view, i, e, lo, hi)))
    cue = VerbCue(i, e, lo, hi, form, entry, prev, lower[a] if a < hi else "", token, is_verb)
    rec = Record((i, e), "verb", entry["lemma"])
    if entry.get("estimate_only") and estimate_frame(view, a, hi) is None:
        return None  # "put" reports only a figure put on a count
    if form in NOMINAL_CUES:
        found = nominal_cue(lex, view, rec, cue)
        if found is not PASS:
            return found
    if not tagged and form in lex.ambiguous and untagged_noun(view, cue):
        return None
    if ((not_a_verb(cue, tagged) and not (tagged and (headline_verb(view, cue) or closing_report(view, cue)))
         and quantified_relative(view, i, lo) is None and not has_participle(view, cue))
            or in_a_name(view, cue) or speaker_aside(view, cue)):  # "Some | say" is no "some reports"
        return None
    if prev == "neither":
        return None  # "can neither confirm nor deny it": a refusal to say, no report (nor is the "deny")
    if entry["lemma"] == "call on" and time_before_for(view, e - 1, hi):
        return None  # "called on Tuesday for an inquiry": "on" opens the time; "called" is the cue
    if entry.get("document_only"):
        found_by = verb_record(lex, view, rec, cue, parsed)
        return found_by if found_by is not None and documented(lex, view, found_by) else None
    return verb_record(lex, view, rec, cue, parsed)


# Source types that may find: a body, not a person or a thing ("the UN office found that ...").
FINDING_TYPES = ("organization", "government", "military", "media")


def documented(lex: Lexicons, view: View, rec: Record) -> bool:
    """Is the source of a ``document_only`` cue a document, study or inquiry or an investigator (the
    head of its first phrase, before a comma: ``document_sources``, ``investigators``), or a body the
    source lexicon types? "The inquiry found that ...", "The report, published on Tuesday, found
    that ...", "The UN office found that ...", not "He found that hard", "The paranoia found"."""
    if rec.source is None:
        return False
    s, e = rec.source
    head = next((k for k in range(s, e) if view.words[k] in (",", "(")), e) - 1
    if head < s:
        return False
    if view.lower[head] in DOCUMENT_SOURCES or view.lower[head] in INVESTIGATORS:
        return True
    return lex.typer.classify(view.doc[s:head + 1].text).source_type in FINDING_TYPES


def verb_record(lex: Lexicons, view: View, rec: Record, cue: VerbCue, parsed: bool) -> Optional[Record]:
    """The record of the verb cue ``cue`` by the rules, with what the parse fills when there is one."""
    if not parsed:
        return rule_cases(lex, view, rec, cue)
    found = rule_cases(lex, view, rec.copy(), cue)
    # The parse confirms and extends the rules, never replaces them: it fills what they leave
    # null, and stands alone only where they find no report.
    if cue.entry["strength"] == "weak" and found is not None and found.content and found.content[1] <= cue.i and own_object(cue):
        return None  # "the answer is yes, the militia has added, since May, about 30 armed trucks": what was added is its object
    if found is not None and found.source is not None and found.content is not None and (
            found.medium is not None or not cue.entry.get("addressee")):
        return found  # nothing left for the parse to fill (it gives a medium only to a verb with an addressee)
    accepted, from_tree = from_parse(view, rec, cue)
    if found is None:
        if cue.entry.get("quote_only") or cue.entry.get("particle_only"):
            return None  # "must continue to ...", "talked for hours": the parse alone shows no report
        if cue.prev == "to":
            return None  # nor an infinitive the rules left alone: "allowed her staff to think that ..."
        # nor does a subject without what was said ("X wouldn't say.", "X reports:")
        clause = parse_clause(cue.token, cue.entry)
        if cue.entry.get("showing") and from_tree.source and cause_subject(lex, view, from_tree.source):
            return None  # "The shelling revealed how weak the walls were": a cause, no report
        if parse_only_no_report(view, cue, from_tree):
            return None
        return from_tree if accepted and from_tree.content is not None and (
            clause or cue.entry["strength"] == "strong") else None
    for field in ("source", "content", "medium"):
        if getattr(found, field) is None and getattr(from_tree, field) is not None and not (
                field == "source" and found.inherit):
            setattr(found, field, getattr(from_tree, field))
    return found


def parse_only_no_report(view: View, cue: VerbCue, from_tree: Record) -> bool:
    """What the parse alone reads as a report and is none: a question put to "you" ("Can you
    confirm whether the army carried out that strike?"), a disclaimer in the first person ("and I am
    not saying there were"), a passive with no one who told ("he had been told he was going to a
    training exercise": the rules leave such a passive to the raising and agent cases)."""
    token, src = cue.token, from_tree.source
    if src is not None and src[1] - src[0] == 1 and view.lower[src[0]] == "you" and "?" in view.words[cue.e:cue.hi]:
        return True
    children = list(token.children)
    if (src is not None and src[1] - src[0] == 1 and view.lower[src[0]] in ("i", "we")
            and cue.form.endswith("ing") and any(c.dep_ == "neg" for c in children)):
        return True
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def space_before(view: View, i: int, lo: int) -> int:
    """``i``, or the start of the no-break space tokens right before it ("PolitiFact\xa0| says")."""
    while i - 1 >= lo and view.words[i - 1].isspace() and "\n" not in view.words[i - 1]:
        i -= 1
    return i


def space_after(view: View, e: int, hi: int) -> int:
    """``e``, or the end of the no-break space tokens right after it ("responded that\xa0| the")."""
    while e < hi and view.words[e].isspace() and "\n" not in view.words[e]:
        e += 1
    return e


def rule_cases(lex: Lexicons, view: View, rec: Record, cue: VerbCue) -> Optional[Record]:
    """The record the token rules give a reporting verb, or None."""
    for case in (asked_first, passive_cue, quoted_as_saying):
        found = case(view, rec, cue)
        if found is not PASS:
            return found
    found = gerund_cue(lex, view, rec.copy(), cue)
    if found is not PASS and found is not None:
        return found
    asked = asking_gerund(lex, view, rec, cue)  # "..., before asking them, “Who ...?”" when the gerund rules find none
    if asked is not PASS or found is None:
        return None if asked is PASS else asked
    before = skip_before_cue(view, cue)
    if view.words[cue.i][:1].isupper():
        opening = opening_inversion(view, rec, cue.i, cue.e, cue.lo, cue.hi)  # "Said Colonel Marsh: “...”"
        if opening is not None:
            return opening
    for case in (inverted_cue, conjoined_cue):
        found = case(view, rec, cue, before)
        if found is not PASS:
            return found
    documented = relative_document(view, rec, cue, before)
    if documented is not PASS:
        return documented
    found = source_before_cue(lex, view, rec, cue, before)
    if found is None:  # "As the general pointed out, the army ...": the "as" frame marks the report
        found = as_parenthetical(view, Record(rec.cue, rec.kind, rec.lemma), cue.i, cue.e, before, cue.lo, cue.hi)
    elif found.medium is None and before < cue.i:
        found.medium = purpose_medium(view, cue)
    return found


# Particles between a verb of contact or appearance and its channel: "called back | the agency", "took to | Telegram".
PURPOSE_PARTICLES = frozenset(("back", "up", "to", "on", "onto", "into", "out"))


def purpose_medium(view: View, cue: VerbCue) -> Optional[Range]:
    """The channel or addressee of an infinitive of purpose: the object of its verb ("called back
    | Reuters | to confirm", "went on | state television | to deny", "issued | a statement | on
    Sunday to confirm"), or None."""
    found = purpose_before(view, cue)
    if found is None:
        return None
    k, to = found[0] + 1, found[1]
    while k < to and view.lower[k] in PURPOSE_PARTICLES:
        k += 1
    medium = np_after(view, k, to) if k < to else None
    if medium is None:
        return None
    end = next((s for s, e, kind in view.frame_spans if kind == "time" and medium[0] < s < medium[1]), medium[1])
    while end > medium[0] + 1 and view.lower[end - 1] in MEDIUM_TAILS:
        end -= 1
    return medium[0], end


# Adverbs after a channel that are not part of it: "posted a video | online", "took to Telegram | overnight".
MEDIUM_TAILS = frozenset(("online", "overnight", "today", "yesterday", "tonight", "again", "later", "early", "late", "instead"))


def nominal_cue(lex: Lexicons, view: View, rec: Record, cue: VerbCue) -> Any:
    """ "Pakistan's claim that ...", "claims by Yerevan that ...", "allegations by NGOs that ..."."""
    lower, lo, hi = view.lower, cue.lo, cue.hi
    owner = None
    after = cue.e
    if cue.prev in POSSESSIVE and cue.i - 1 > lo:
        owner = possessive_owner(lex, view, cue.i - 1, lo)
    elif cue.prev in OWNER_PRONOUNS and cue.i > lo:
        owner = (cue.i - 1, cue.i)  # "his claim that ...": the pronoun as written
    elif cue.nxt == "by":
        owner = np_after(view, cue.e + 1, hi)
        after = owner[1] if owner else cue.e
    if owner is not None and after < hi and lower[after] == "that":
        rec.source = owner
        rec.content = content_after(view, after, hi)
        if rec.content and cue.prev in POSSESSIVE and opens_clause(view, lo, owner):
            # The claim is the subject: "India's claim that X | has not been corroborated".
            c0, c1 = rec.content
            main = [k for k in range(c0 + 2, c1) if lower[k] in ("is", "was", "has", "have", "are", "were")]
            if main:
                rec.content = trim(view, c0, main[-1])
        return rec if rec.content else None
    if cue.nxt in NOMINAL_PARTICLES and (owner is not None or cue.form.endswith("s")) and not asked_by_phrase(lex, cue):
        return nominal_topic(lex, view, rec, cue, owner)
    if cue.entry["lemma"] == "allegation":
        return None
    return PASS


def asked_by_phrase(lex: Lexicons, cue: VerbCue) -> bool:
    """ "questions of sovereignty" (a question noun reports only "about" what), and "raised
    questions about" (the phrase cue before it reports it)."""
    return bool(cue.entry.get("question")) and (cue.nxt != "about" or f"{cue.prev} {cue.form}" in lex.verb_forms)


def possessive_owner(lex: Lexicons, view: View, end: int, lo: int) -> Optional[Range]:
    """The owner before a possessive ending at ``end``: the name alone after a lowercase word that is
    neither a determiner nor a role ("Analysts doubt | Tehran's claims"; "UN chief Ana Lind's" stays)."""
    src = np_before(view, end, lo)
    if src is None or not is_cap(view.words[src[1] - 1]):
        return src
    k = src[1] - 1
    while k > src[0] and is_cap(view.words[k]):
        k -= 1
    w = view.lower[k]
    if is_cap(view.words[k]) or not w.isalpha() or w in DETERMINERS or w in ("of", "and", "for") or lex.typer.matches((w,)):
        return src
    return k + 1, src[1]


def nominal_topic(lex: Lexicons, view: View, rec: Record, cue: VerbCue, owner: Optional[Range]) -> Optional[Record]:
    """ "reports of shelling", "Pyongyang's claims about the test": the noun and its preposition
    are the cue (as a verb's particle), the noun phrase it governs the content; the owner, if any,
    the source. No topic: a name, number, quotation or body after the preposition ("the claims of
    Serbia", "claims of $2 million", "the reports of the commission"), and no noun after a name or
    a role ("The governor reports of progress")."""
    words, lower, k = view.words, view.lower, cue.e + 1
    if owner is None and cue.prev and (is_cap(words[cue.i - 1]) or lex.typer.matches((cue.prev,))):
        return None
    if cue.token is not None and cue.token.pos_ not in ("NOUN", "PROPN"):
        return None
    end = k
    while end < cue.hi and not (is_punct(words[end]) or lower[end] in NP_STOP or lower[end] in view.cue_forms
                                or (end > k and end in view.stop_at)):
        end += 1
    if end == k or is_cap(words[k]) or words[k][:1].isdigit() or lex.typer.matches(normalize(view.doc[k:end].text)):
        return None
    rec.kind = "nominal"
    rec.cue = (cue.i, cue.e + 1)
    rec.source = owner
    rec.content = trim(view, k, end)
    return rec


def not_a_verb(cue: VerbCue, tagged: bool) -> bool:
    """ "set apart", "the report", "the army's claims", or a noun by its tag."""
    if cue.nxt == "apart" or cue.prev in DETERMINERS or cue.prev == "following" or cue.prev in POSSESSIVE and cue.form not in ("said", "says"):
        return True
    if not tagged or cue.token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False
    # a noun tag before a conjunction "that" is the tagger's slip: "Kovac charges | that countries ..."
    # (a relative "that" keeps the noun: "Insurance claims that rose"); so is one on a gerund
    # before a comma and a quotation ("footage of the general asking, “...”"), and one before the "to"
    # of a verb that reports an infinitive, after a name ("Kovac Vows To Retake ...": a title-case headline)
    if cue.form.endswith("ing") and cue.nxt == "," and cue.token.i + 2 < len(cue.token.doc) and cue.token.nbor(2).text in QUOTES:
        return False
    if cue.nxt == "to" and cue.entry.get("infinitive") and cue.i > cue.lo and is_cap(cue.token.nbor(-1).text):
        return False
    return not (cue.nxt == "that" and cue.token.i + 1 < len(cue.token.doc) and cue.token.nbor(1).pos_ == "SCONJ")


def closing_report(view: View, cue: VerbCue) -> bool:
    """A noun tag on a finite verb of saying that closes its sentence after a comma and its source is
    the tagger's slip: "The army has lost the town, a former commander maintains." (the blank rules
    read it so too); not a noun after a determiner or a preposition ("..., according to media
    reports.")."""
    if not (cue.nxt in ("", ".", "!", "?", ";") and cue.form.endswith(("s", "ed")) and cue.token.pos_ == "NOUN"):
        return False
    src = np_before(view, cue.i, cue.lo)
    return src is not None and src[0] - 1 > cue.lo and view.words[src[0] - 1] == ","


def untagged_noun(view: View, cue: VerbCue) -> bool:
    """Without tags, a noun-or-verb form that is a noun by its neighbours: "show" after a word that
    is no plural subject ("an hourlong show", "The Laura Ingraham Show"), before a relative clause
    ("the nonstop demands that | come with the job", "demands that are unmet") or before a
    title ("state Sen. Lina Oduya", "state Rep. ..."), after a capitalized name ("New York state", "Chin
    state") or a word of ``state_compounds`` ("State media:",
    "state TV"); "reports that 40 soldiers died" stays a verb."""
    lower, k = view.lower, cue.e
    if cue.form == "show":  # a verb after a plural subject ("images | show", "figures from the ministry | show")
        return not (cue.prev in VISUAL_RECORDS or cue.prev in ("they", "we", "these", "those") or (
            cue.prev.endswith("s") and cue.prev.isalpha() and not cue.prev.endswith("ss")))  # "an hourlong | show"
    if k + 1 < cue.hi and lower[k] == "that":
        return lower[k + 1] in RELATIVE_VERB_WORDS
    if cue.form in ("state", "states") and cue.i - 1 >= cue.lo and is_cap(view.words[cue.i - 1]) and view.words[cue.i - 1].isalpha():
        return True  # "New York state", "Chin state": a place's state
    return cue.form in ("state", "states") and k < cue.hi and (
        lower[k].rstrip(".") in TITLE_ABBREVIATIONS or lower[k] in TITLE_WORDS or lower[k] in STATE_COMPOUNDS)


def has_participle(view: View, cue: VerbCue) -> bool:
    """ "who’s called for", "he's denied", "he's claiming": "'s" is "has" or "is" after a pronoun,
    the cue its participle."""
    return (cue.prev in POSSESSIVE and cue.i - 2 >= cue.lo and view.lower[cue.i - 2] in HAS_PRONOUNS
            and cue.form.split(" ", 1)[0].endswith(("ed", "ing")) and (cue.token is None or cue.token.pos_ in ("VERB", "AUX")))


def in_a_name(view: View, cue: VerbCue) -> bool:
    """A capitalized form inside a sentence that is not in title case is part of a name: "the
    United States", "the Drudge Report", "the State of the Union", and after a comma a first name
    before another capitalized word ("its police chief, Said Rahimi, and ...")."""
    words, i = view.words, cue.i
    if not is_cap(words[i]) or i == cue.lo or words[i - 1] in QUOTES:
        return False
    if is_punct(words[i - 1]):
        # after a comma only a first name before a surname: "killing its police chief, Said Rahimi, and"
        if words[i - 1] != "," or cue.e >= cue.hi or not (is_cap(words[cue.e]) and words[cue.e].isalpha()):
            return False
    return not title_case(view, cue.lo, cue.hi)


def title_case(view: View, lo: int, hi: int) -> bool:
    """Most longer words of ``lo:hi`` are capitalized: a headline in title case."""
    long_words = [w for w in view.words[lo:hi] if len(w) > 3 and w.isalpha()]
    return sum(is_cap(w) for w in long_words) >= 0.6 * len(long_words)


def headline_verb(view: View, cue: VerbCue) -> bool:
    """A capitalized cue form that the tagger read as a name in a title-case headline, where the
    parse makes it the head of the clause: "General Warns of ‘Long War’", "Minister Reveals ..."."""
    token = cue.token
    return (token.pos_ == "PROPN" and is_cap(view.words[cue.i]) and cue.i > cue.lo
            and (token.dep_ == "ROOT" or any(c.dep_ == "nsubj" for c in token.children)) and title_case(view, cue.lo, cue.hi))


# "I can tell you", "let me say", "I won't say": the speaker's aside, not a report.
ASIDE_MODALS = {"can", "ca", "could", "will", "'ll", "’ll", "wo", "would", "must", "let", "me", "n't", "not", "just"}


def speaker_aside(view: View, cue: VerbCue) -> bool:
    """A base form after a modal with a first- or second-person speaker: "I can't tell you",
    "let me say", "we will tell you"."""
    if cue.form not in ("tell", "say"):
        return False
    j = cue.i - 1
    while j >= cue.lo and view.lower[j] in ASIDE_MODALS:
        j -= 1
    return j < cue.i - 1 and (view.lower[cue.i - 1] == "me" or (j >= cue.lo and view.lower[j] in ("i", "we", "you")))


def from_parse(view: View, rec: Record, cue: VerbCue) -> Tuple[bool, Record]:
    """The record the dependency parse gives, and whether it stands; when it does not, what it
    filled still goes on to the rules."""
    rec = rec.copy()
    token, entry = cue.token, cue.entry
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
        return False, rec
    if agent is not None:
        rec.source = subtree_range(agent)
    elif subj is not None and subj.dep_ == "nsubjpass":
        if not entry.get("addressee"):
            return False, rec
        rec.medium = subtree_range(subj)
    elif subj is not None:
        rec.source = subtree_range(subj)
    if addressee is not None:
        rec.medium = subtree_range(addressee)
    rec.content = parsed_content(view, token, content_head, rec.content)
    if rec.source is None and rec.medium is None:
        return False, rec
    return rec.source is not None or rec.content is not None, rec


def parsed_content(view: View, token, content_head, content: Optional[Range]) -> Optional[Range]:
    """The clausal complement, or the clause a parenthetical "..., he said" hangs on."""
    if content_head is not None:
        s, e = subtree_range(content_head, keep_relcl=True)
        if s < token.i < e:
            s = token.i + 1
        if view.lower[s] == "that":
            s += 1
        return quote_or_trim(view, s, e)
    # (not a clause another reporting verb governs: "told Reuters that ... they | accuse them of ...")
    if token.dep_ in ("parataxis", "ccomp") and token.head.i != token.i and view.lower[token.head.i] not in view.cue_forms:
        s = token.head.left_edge.i
        left = token.left_edge.i
        # a clause, not a fragment ("But in recent days"): its head is a verb inside it
        if s < left and s <= token.head.i < left and token.head.pos_ in ("VERB", "AUX") and left - s > 2:
            return quote_or_trim(view, s, left)
    return content


def subtree_range(token, keep_relcl: bool = False) -> Range:
    s, e = token.left_edge.i, token.right_edge.i + 1
    if not keep_relcl:
        for child in token.children:
            if child.dep_ in ("relcl", "acl", "punct") and child.i > token.i:
                e = min(e, child.left_edge.i)
    while e - 1 > s and is_punct(token.doc[e - 1].text):
        e -= 1
    return s, e


def asked_first(view: View, rec: Record, cue: VerbCue) -> Any:
    """ "Asked about the strike, the spokesman said ...": what was asked, and no asker named."""
    found = opening_question(view, cue.entry, cue.i, cue.e, cue.lo, cue.hi, WH_WORDS)
    if found is None:
        return PASS
    rec.cue = (cue.i, found[0])
    rec.content = found[1]
    rec.inherit = True  # no source of its own, nor one from the parse ("Residents, asked about X, said")
    return rec


def asking_gerund(lex: Lexicons, view: View, rec: Record, cue: VerbCue) -> Any:
    """ "..., before asking them, “Who ...?”": the person named right before the gerund asks
    ("the footage shows Colonel Marsh asking, “...”"), else the subject of the clause."""
    found = asking_quote(view, cue.entry, cue.i, cue.e, cue.lo, cue.hi)
    if found is None:
        return PASS
    before, rec.content = found
    # "the footage shows Colonel Marsh | asking"; "marched through the square | asking": the clause's subject
    named = asker_before(view, cue.i, cue.lo, lambda w: bool(lex.typer.matches((w,)))) if before is not None else None
    rec.source = named or clause_subject(view, cue.lo, cue.i) or irregular_subject(view, cue.lo, cue.i)
    rec.inherit = named is None  # "The mayor turned to the crowd, asking them: “...”": the clause's source
    return rec


def passive_cue(view: View, rec: Record, cue: VerbCue) -> Any:
    """ "he was told to leave", "the strike was confirmed by the ministry", "are said to be"."""
    lower, lo, hi, e, nxt = view.lower, cue.lo, cue.hi, cue.e, cue.nxt
    j = cue.i - 1
    while j >= lo and (lower[j] in ("also", "widely", "not", "previously", "repeatedly", "once", "often", "been", "being")
                       or manner_adverb(view, j, lo)):  # "has been harshly criticized"
        if lower[j] in ("been", "being"):
            break
        j -= 1
    if not (j >= lo and lower[j] in BE and cue.form.endswith(("ed", "aid", "old", "ied"))):
        return PASS
    if nxt == "by":
        rec.source = np_after(view, e + 1, hi)
        rec.content = trim(view, lo, j)
        return rec if rec.source else None
    if cue.entry.get("raising") and (nxt == "to" or nxt in cue.entry.get("particles", ())  # "are said to", "was accused of"
                                     or nxt in REPORTED_STATES):  # "Several soldiers are reported dead"
        rec.kind = "raising"
        rec.content = after_outer_cue(view, clause_around(view, j, e, lo, hi), j)
        return rec
    asked = asked_passive(view, cue.entry, e, hi, WH_WORDS)
    if asked is not None:  # "The envoy was asked about the convoy": the envoy is asked, no asker named
        rec.medium = (j - 1, j) if j - 1 >= lo and lower[j - 1] in PRONOUNS else np_before(view, j, lo)
        rec.content = content_after(view, asked[0], hi, keep_first=True)
        return rec if rec.content else None
    if cue.entry.get("addressee") and nxt in ("to", "that"):
        rec.medium = (j - 1, j) if j - 1 >= lo and lower[j - 1] in PRONOUNS else np_before(view, j, lo)
        rec.content = content_after(view, e, hi, keep_first=nxt == "to")
        return rec
    return passive_naming(view, rec, cue.entry, cue.form, j, e, lo, hi)  # "was dubbed X", "is criticized as X"


def after_outer_cue(view: View, content: Optional[Range], j: int) -> Optional[Range]:
    """A raising cue's clause without the report it is the content of: "Villagers said | the
    soldiers were reported missing" (the clause starts after the outer cue and its "that")."""
    if content is None:
        return None
    outer = [k for k in range(content[0], j) if view.lower[k] in view.cue_forms and not is_cap(view.words[k])]
    if not outer:
        return content
    start = outer[-1] + 1 + (outer[-1] + 1 < j and view.lower[outer[-1] + 1] == "that")
    return trim(view, start, content[1]) if start < j else content


def quoted_as_saying(view: View, rec: Record, cue: VerbCue) -> Any:
    """ "IRNA quoted the foreign minister as saying ...": the minister speaks, IRNA carries it."""
    if not (cue.form.endswith("ing") and cue.prev == "as"):
        return PASS
    i, lo = cue.i, cue.lo
    q = next((k for k in range(i - 2, max(lo, i - 12) - 1, -1) if view.lower[k] in ("quoted", "quotes", "quoting")), None)
    if q is None:
        return None
    if q - 1 >= lo and view.lower[q - 1] in BE and (q + 1 == i - 1 or view.lower[q + 1] == "by"):
        # "X was quoted as saying": X speaks; the outlet, when named, follows "by" or stays unsaid
        j = q - 1
        while j - 1 >= lo and view.lower[j - 1] in SKIP_BEFORE_CUE:
            j -= 1
        rec.source = (j - 1, j) if j - 1 >= lo and view.lower[j - 1] in PRONOUNS else np_before(view, j, lo)
        rec.content = content_after(view, cue.e, cue.hi)
        rec.medium = np_after(view, q + 2, i - 1) if q + 1 < i - 1 else None
        return rec if rec.source and rec.content else None
    rec.source = np_after(view, q + 1, i - 1)
    rec.medium = np_before(view, q, lo)
    rec.content = content_after(view, cue.e, cue.hi)
    return rec if rec.source and rec.content else None


def gerund_cue(lex: Lexicons, view: View, rec: Record, cue: VerbCue) -> Any:
    """ "..., adding that ...": the source is the one of the clause it hangs on."""
    g = gerund_start(view, cue)
    if g is None or (g == cue.i and progressive(view, cue)) or short_of_before(view, cue.i, cue.lo) < cue.i:
        return PASS  # "calling for": a phrasal verb's first word; "stopped short of calling": the verb group
    doc = document_before(view, cue)
    if doc is not None and g == cue.i:
        return issued_saying(view, rec, cue, doc)
    after, addressee, _ = skip_after_cue(view, cue.entry, cue.e, cue.hi)
    # "..., tweeting, “...”", "asking him, “...”", "telling Reuters that ..."
    if after == cue.e and cue.nxt in OBJECT_PRONOUNS:
        after += 1  # "asking him, “...”"
    elif after == cue.e and cue.nxt == "to":
        addressee = to_addressee(view, cue.e, cue.hi)  # "yelling to the soldiers that ..."
        after = addressee[1] if addressee is not None else after
    quote = quote_after(view, after, cue.hi)
    marked = (cue.nxt in ("that", ":") or cue.nxt in QUOTES or quote is not None
              or (addressee is not None and after < cue.hi and view.lower[after] == "that"))
    link = gerund_lead(view, cue, g, marked)
    infinitive = cue.nxt == "to" and bool(cue.entry.get("infinitive"))  # "..., vowing to retaliate"
    particle = governs(view, cue.entry, cue.e, cue.hi)  # "..., speaking of a betrayal"
    # "..., noting the truce had held"; after a report, any gerund of saying: "he said, adding he would stay"
    said = cue.nxt not in NOT_SAID and (cue.entry.get("object") and questioned_object(
        view, cue.entry, (cue.e, cue.hi) if cue.e < cue.hi else None, WH_WORDS) is not False or (
        link is not None and view.words[link] == "," and any(view.lower[k] in view.cue_forms for k in range(cue.lo, link))))
    if link is None and marked and g == cue.i and cue.i - 1 >= cue.lo and not is_punct(view.words[cue.i - 1]):
        return bare_gerund(view, rec, cue, quote, after if addressee is not None else cue.e)
    if link is not None and cue.nxt not in SAID_NOTHING and (
            marked or cue.entry["strength"] == "strong" or infinitive or particle or said):
        rec.source, rec.inherit = own_subject(view, cue, g, link, IRREGULAR_PASTS)
        subject = subject_before_insert(view, cue.lo, link) if rec.source is None else None
        if subject is not None:
            rec.source, rec.inherit = subject, False  # "Ryan, | admitting that he had concerns, | backed it"
        rec.medium = addressee if marked else None
        start = quote if quote is not None else after if marked and addressee is not None else cue.e + particle
        rec.content = content_after(view, start, cue.hi, keep_first=infinitive or particle)
        if subject is not None and rec.content:
            rec.content = fronted_clause(view, *rec.content)  # the insert ends at its comma
        if infinitive and not speaker_like(lex, view, rec.source):
            return None  # "The storm hit the coast, threatening to flood ...": no speaker in the clause
        return rec if rec.content else None
    if link is None and (cue.nxt not in NOT_SAID or infinitive) and cue.nxt not in SAID_NOTHING and (
            marked or cue.entry["strength"] == "strong" or cue.entry.get("object") or particle or infinitive):
        return opening_cue(lex, view, rec, cue, g, particle)
    return None if g == cue.i else PASS


def bare_gerund(view: View, rec: Record, cue: VerbCue, quote: Optional[int], start: int) -> Optional[Record]:
    """ "Protesters marched through the square chanting “...”": a gerund of saying without a comma
    before "that" or a quotation says what the clause's subject says; also after a verb of
    perceiving or going on ("can be heard yelling to the soldiers that", "kept saying that") or an
    occasion ("at a news conference announcing that"), and after "footage of X" (X speaks)."""
    rec.source = clause_subject(view, cue.lo, cue.i)
    host = gerund_host(view, cue.i, cue.lo) if rec.source is None else None
    if host is not None:
        rec.source = gerund_speaker(view, cue.lo, host, IRREGULAR_PASTS)
    recorded = recorded_speaker(view, cue.i, cue.lo) if rec.source is None else None
    if recorded is not None:
        rec.source, rec.medium = recorded  # "footage of the general asking, “...”"
    elif start > cue.e:
        rec.medium = (cue.e + 1, start)  # the addressee after "to"
    opening = quote if quote is not None else cue.e
    close = view.open_at.get(opening)
    rec.content = trim(view, opening + 1, close) if close is not None else content_after(view, start, cue.hi)
    return rec if rec.source and rec.content else None


def opening_cue(lex: Lexicons, view: View, rec: Record, cue: VerbCue, g: int, particle: int) -> Any:
    """ "Claiming that the border was secure, the minister refused ...", "After saying her unit was
    cut off, the medic ...": a participle of saying that opens the sentence says what its phrase
    holds; the subject after the phrase is the source."""
    opening = opening_participle(view, g, cue.e, cue.lo, cue.hi, IRREGULAR_PASTS)
    if opening is None:
        return None if g == cue.i else PASS
    rec.source = opening[0]
    rec.content = trim(view, cue.e + particle, opening[1])
    if cue.nxt == "to" and not speaker_like(lex, view, rec.source):
        return None
    if rec.content is not None and cue.nxt != "to" and not (view.lower[cue.e] in ("that", ":") or view.words[cue.e] in QUOTES) \
            and not opens_object(view, rec.content):
        return None  # "Promising as the talks were, ...": no object, no report
    return rec if rec.content else None


def gerund_start(view: View, cue: VerbCue) -> Optional[int]:
    """Where the gerund of a cue starts: the cue ("adding"), or a catenative gerund before it
    ("going on to | say", "continuing to | call for"); None when the cue is no gerund."""
    if cue.form.split(" ", 1)[0].endswith("ing"):
        return cue.i
    j = catenative_before(view, cue.i, cue.lo)
    return j if j < cue.i and view.lower[j].endswith("ing") else None


def gerund_lead(view: View, cue: VerbCue, g: int, marked: bool) -> Optional[int]:
    """Where the clause a gerund at ``g`` hangs on ends (its comma or link word), or None: after a
    comma (past adverbs and a closing quote: ", even suggesting", '," adding'), after ", while",
    after "by"/"for"/"from" with what is said, after "while"/"before" ... with "that" or a quote
    ("looped the streets while chanting, “...”"), or as the second of two gerunds ("..., each
    touting X and saying ...")."""
    words, lower, lo = view.words, view.lower, cue.lo
    prev = lower[g - 1] if g - 1 >= lo else ""
    comma = comma_before(view, g, lo)
    if comma is not None:
        return comma
    if prev in GERUND_LINKS and g - 2 >= lo and words[g - 2] == ",":
        return g - 2
    # "was criticized for saying that ...", "began by saying “...”" (not "voted for admitting Poland")
    if prev in BARE_LINKS and (cue.nxt in ("that", ":") or cue.nxt in QUOTES or bare_clause(view, cue)):
        return g - 1
    if prev == "by" and cue.entry.get("object") and g - 2 >= lo and lower[g - 2] in BY_OPENERS:
        return g - 1  # "She started off by emphasizing the siege": what she began with is said
    if prev in GERUND_LINKS and marked and g - 1 > skip_lead(view, lo, g) + 2:
        return g - 1
    chain = chained_gerund(view, g, lo)
    return chain[0] if chain is not None else None


def subject_before_insert(view: View, lo: int, comma: int) -> Optional[Range]:
    """The subject that alone opens a clause before ``comma``, where a gerund insert follows it
    ("Ryan, | admitting that ..., backed it"; "The general, | saying the town was lost, ordered a
    retreat"), or None."""
    start = skip_lead(view, lo, comma)
    if start >= comma or view.words[comma] != ",":
        return None
    subj = np_after(view, start, comma)
    return subj if subj is not None and subj == (start, comma) else None


def own_subject(view: View, cue: VerbCue, g: int, link: int, irregular: frozenset) -> Tuple[Optional[Range], bool]:
    """The source of a gerund that hangs on the clause ending at ``link``, and whether it is only a
    fallback for the source of an earlier report (it is when it comes from the clause)."""
    chain = chained_gerund(view, g, cue.lo)
    if chain is not None and chain[1] is not None:
        return chain[1], False  # "..., each touting X and saying ...": each says it
    return (clause_subject(view, cue.lo, g) or irregular_subject(view, cue.lo, g)
            or gerund_speaker(view, cue.lo, link, irregular)), True


def irregular_subject(view: View, lo: int, end: int) -> Optional[Range]:
    """The subject opening a clause before ``end`` when an irregular past follows it ("The colonel
    | won over the villagers by telling ..."), else None."""
    subj = np_after(view, skip_lead(view, lo, end), end)
    if subj is None or not is_cap(view.words[subj[0]]):
        return None
    cut = next((k for k in range(subj[0] + 1, min(subj[1] + 1, end)) if view.lower[k] in IRREGULAR_PASTS), None)
    return (subj[0], cut) if cut is not None else None


def bare_clause(view: View, cue: VerbCue) -> bool:
    """ "by saying his refusal was ...", "by telling them that ...": after "by"/"for"/"from", say
    and tell report a clause without "that" (tell: its addressee, then "that"); never "for telling
    the truth", "by saying nothing"."""
    if cue.entry["lemma"] == "tell":
        start, addressee, _ = skip_after_cue(view, cue.entry, cue.e, cue.hi)
        return addressee is not None and start < cue.hi and view.lower[start] == "that"
    if cue.entry["lemma"] != "say" or cue.nxt in NOT_SAID or cue.nxt in SAID_NOTHING:
        return False
    return any(view.lower[k] in FINITE_WORDS or view.lower[k].endswith("ed")
               for k in range(cue.e + 1, min(cue.hi, cue.e + 12)))


# Finite verbs and modals that show a clause ("saying his refusal | was a manufactured issue").
FINITE_WORDS = frozenset(("is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "should",
                          "must", "may", "might", "did", "does", "do", "wants", "want", "needs"))


# What a gerund of saying says when it says nothing ("..., saying nothing", "saying little").
SAID_NOTHING = ("nothing", "so", "something", "anything", "goodbye", "little", "much")

# After a gerund of saying, words that start no reported clause ("..., noting on Monday", "..., asking for").
NOT_SAID = ("by", "on", "for", "from", "in", "at", "to", "with", "into", "up", "out", "off", "", ",", ".")

# Verbs of beginning and answering before "by" and a gerund of saying with its object ("began by
# criticizing the army", "responded by describing the raid as ...").
BY_OPENERS = frozenset(("began", "begins", "begin", "started", "starts", "off", "opened", "opens", "responded", "responds",
                        "ended", "ends", "closed", "closes", "concluded", "replied", "answered", "reacted"))

# A gerund of speech after these prepositions, with or without a comma, hangs on its clause.
BARE_LINKS = ("by", "for", "from")
# A gerund of speech after these hangs on the clause before the comma: "..., while admitting that".
GERUND_LINKS = ("while", "when", "after", "before", "though", "also")


def progressive(view: View, cue: VerbCue) -> bool:
    """ "X is saying", "X isn't saying", "X are now denying": a finite verb, not a gerund."""
    j = cue.i - 1
    while j >= cue.lo and view.lower[j] in ("not", "n't", "now", "also", "still", "again", "once", "publicly", "repeatedly", "openly"):
        j -= 1
    if j >= cue.lo and view.lower[j] in POSSESSIVE:
        return j - 1 >= cue.lo and view.lower[j - 1] in HAS_PRONOUNS  # "he's saying", not "the army's saying"
    return j >= cue.lo and view.lower[j] in BE - {"be", "been", "being"} | CONTRACTED_ARE


def document_before(view: View, cue: VerbCue) -> Optional[int]:
    """The document noun right before a gerund, past a time phrase ("a statement | on Friday |
    saying"), or None."""
    k = cue.i - 1
    when = next((s for s, e, kind in view.frame_spans if e == cue.i and kind == "time"), None)
    if when is not None and when > cue.lo:
        k = when - 1
    return k if k >= cue.lo and view.lower[k] in DOCUMENT_NOUNS else None


def issued_saying(view: View, rec: Record, cue: VerbCue, doc: int) -> Optional[Record]:
    """ "X issued a statement saying ...": X is the source, the statement (at ``doc``) the medium."""
    lower, lo = view.lower, cue.lo
    det = doc - 1 if doc - 1 >= lo and (lower[doc - 1] in DETERMINERS or lower[doc - 1] in ("new", "short", "brief", "joint")) else doc
    while det - 1 >= lo and lower[det - 1] in DETERMINERS:
        det -= 1
    verb = det - 2 if det - 2 >= lo and " ".join(lower[det - 2:det]) in ISSUE_VERBS else det - 1
    if verb < lo or " ".join(lower[verb:det]) not in ISSUE_VERBS:
        return None
    before = verb
    while before - 1 >= lo and lower[before - 1] in SKIP_BEFORE_CUE:
        before -= 1
    rec.source = (before - 1, before) if before - 1 >= lo and lower[before - 1] in PRONOUNS else np_before(view, before, lo)
    rec.medium = (det, doc + 1)
    rec.content = content_after(view, cue.e, cue.hi)
    return rec if rec.source and rec.content else None


def relative_document(view: View, rec: Record, cue: VerbCue, before: int) -> Any:
    """ "X issued a statement that said ...", "X posted a message on Friday which claimed ...": as
    "issued a statement saying", X is the source and the document its medium (:func:`issued_saying`);
    PASS where no document noun stands before the relative pronoun."""
    lower, lo = view.lower, cue.lo
    k = before - 2
    if k < lo or lower[before - 1] not in ("that", "which"):
        return PASS
    when = next((s for s, e, kind in view.frame_spans if e == k + 1 and kind == "time"), None)
    if when is not None and when - 1 >= lo:
        k = when - 1  # "a statement | on Friday | that said"
    return issued_saying(view, rec, cue, k) if lower[k] in DOCUMENT_NOUNS else PASS


def skip_before_cue(view: View, cue: VerbCue) -> int:
    """Where the words between a source and its verb start: "X also said", "X has repeatedly denied",
    "X is now saying"."""
    before = space_before(view, cue.i, cue.lo)
    skip = SKIP_BEFORE_CUE | (BE | {"n't"} | CONTRACTED_ARE if cue.form.split(" ", 1)[0].endswith("ing") and progressive(view, cue) else set())
    # "X last month announced", "X on Friday told"; but "who reached the camp on Friday" ends a relative clause
    relative = any(w in ("who", "that", "which") for w in view.lower[cue.lo:cue.i])
    times = {e: s for s, e, kind in view.frame_spans if kind == "time" and not (relative and view.lower[s] in ("on", "in", "at"))}
    while before - 1 >= cue.lo:
        if view.words[before - 1] == "May" and before - 2 >= cue.lo and is_cap(view.words[before - 2]):
            break  # a surname, not the modal: "Prime Minister Theresa May said"
        if view.lower[before - 1] in skip or manner_adverb(view, before - 1, cue.lo):
            before -= 1
        elif view.lower[before - 1] in ("'s", "’s") and before - 2 >= cue.lo and view.lower[before - 2] in HAS_PRONOUNS:
            before -= 1  # "who’s called for", "he's denied": "has"
        elif catenative_before(view, before, cue.lo) < before:
            before = catenative_before(view, before, cue.lo)  # "X continued to | call for", "X went on to | say"
        elif before == cue.i and (purpose := purpose_before(view, cue)) is not None:
            before = purpose[0]  # "X called back the radio station to | confirm"
        elif before in times and times[before] > cue.lo:
            before = times[before]  # "X last month announced", "X on Sunday denied"
        elif before - 3 > cue.lo and view.words[before - 1] == view.words[before - 3] == "," and view.lower[before - 2] in LINK_ADVERBS:
            before -= 3  # "Some veterans, however, | question"
        else:
            break
    return before


# A linking adverb between commas after a source: "Some veterans, however, question ...".
LINK_ADVERBS = frozenset(("however", "meanwhile", "too", "instead", "though", "likewise", "nevertheless", "moreover"))
GO_FORMS = ("go", "goes", "going", "gone", "went")
# Before a form that is also a noun, these make it a verb on a pipeline without a tagger.
MODALS = frozenset(("will", "would", "can", "could", "may", "might", "must", "should", "shall", "'ll", "’ll"))
# "are" and "am" contracted after a pronoun: "they're saying", "we're hearing".
CONTRACTED_ARE = frozenset(("'re", "’re", "'m", "’m"))
# Pronouns whose "'s" before a verb of saying is "has" (or "is": "he's saying").
HAS_PRONOUNS = ("who", "he", "she", "it", "that")


def catenative_before(view: View, start: int, lo: int) -> int:
    """Where a catenative verb and its "to" before ``start`` begin ("continued to", "refused to",
    "went on to": ``words.jsonl`` ``catenatives``), or ``start`` when none stands there."""
    lower = view.lower
    j = start - 2
    if j < lo or lower[start - 1] not in ("to", "of"):
        return start
    if lower[start - 1] == "of":
        return short_of_before(view, start, lo)
    if lower[j] == "on" and j - 1 >= lo and lower[j - 1] in GO_FORMS:
        return j - 1
    return j if lower[j] in CATENATIVES and lower[j] not in GO_FORMS else start


# Verbs of saying that an infinitive of purpose does not make a report of: other senses ("used the
# lull to write the order", "went home to continue"), or questions and talk without what was said.
NOT_PURPOSE_LEMMAS = frozenset(("call", "continue", "learn", "put", "write", "speak", "talk", "ask", "question", "respond",
                                "reply", "answer questions", "ask questions", "have questions", "raise questions", "tweet",
                                "retweet", "comment", "mention", "record", "document", "show", "repeat"))
# Words that end the object of a verb of contact, appearance or publication before its "to": a clause
# or a conjunct starts there, so the verb is not the one the infinitive belongs to.
PURPOSE_BREAKS = frozenset(("that", "which", "who", "whom", "whose", "when", "where", "while", "because", "after", "before",
                            "if", "and", "or", "but", "as", "than", "not", "n't", "n’t"))
# The longest object (with its time phrase) between the verb and the "to": "took to its Telegram
# channel late on Sunday to | claim".
PURPOSE_REACH = 10
# What a publishing verb's object must name for its infinitive to be a report: "issued | a statement | to confirm".
PLATFORM_NOUNS = DOCUMENT_NOUNS | SPEECH_NOUNS | OCCASION_NOUNS | PUBLISHED_NOUNS


def purpose_before(view: View, cue: "VerbCue") -> Optional[Tuple[int, int]]:
    """A verb of contact or appearance (``words.jsonl`` ``purpose_openers``), or of publishing with a
    document, speech or occasion as its object (``purpose_publishers``), whose infinitive of purpose
    is the cue, as (the verb, the "to" before the cue): "A spokesman called back the radio station to |
    confirm", "A commander took to Telegram overnight to | claim", "The army issued a statement on
    Sunday to | confirm"; its subject is the source. None when the cue is no such infinitive: no "to"
    right before it, a verb of belief or of another sense ("used the lull to write"), a clause,
    conjunct, quotation or past verb of saying between ("told the agency to confirm" is a request),
    a passive ("were sent to the border to report"), a request ("called on the UN to confirm"), a
    publishing verb without a document ("used it to claim the valley"), or no object."""
    lower, words, lo = view.lower, view.words, cue.lo
    to = cue.i - 1
    if (to - 2 < lo or lower[to] != "to" or cue.entry.get("cue_type") or cue.entry["lemma"] in NOT_PURPOSE_LEMMAS
            or cue.token is not None and cue.token.pos_ not in ("VERB", "AUX")):
        return None
    for j in range(to - 2, max(lo, to - 1 - PURPOSE_REACH) - 1, -1):
        w = lower[j + 1]
        if w in PURPOSE_BREAKS or said_form(view, w) or not (words[j + 1][:1].isalnum() or w in ("'s", "’s")):
            return None
        pair = f"{lower[j]} {w}"
        if pair in PURPOSE_OPENERS or lower[j] in PURPOSE_OPENERS:
            if lower[j].startswith("call") and w in ("on", "upon", "for"):
                return None
        elif not ((pair in PURPOSE_PUBLISHERS or lower[j] in PURPOSE_PUBLISHERS)
                  and any(lower[k] in PLATFORM_NOUNS or lower[k].rstrip("s") in PLATFORM_NOUNS for k in range(j + 1, to))):
            continue
        passive = j - 1 >= lo and lower[j - 1] in BE and not lower[j].endswith("ing")
        return None if passive else (j, to)
    return None


def said_form(view: View, w: str) -> bool:
    """A past or finite form of a verb of saying ("told", "asked", "says"), not a noun of the same
    spelling inside an object ("went on state television", "issued a report")."""
    return w in view.cue_forms and (w.endswith("ed") or w in ("told", "said", "says", "tells"))


def short_of_before(view: View, start: int, lo: int) -> int:
    """Where "stopped short of" before ``start`` begins, or ``start``."""
    j = start - 3
    return j if j >= lo and view.lower[j + 1] == "short" and view.lower[j] in SHORT_OF_VERBS else start


def manner_adverb(view: View, k: int, lo: int) -> bool:
    """An -ly adverb between a source and its verb ("X angrily denied"), not a noun in -ly
    after a determiner ("the assembly said")."""
    w = view.words[k]
    return (len(w) > 5 and w.endswith("ly") and w.islower() and k - 1 >= lo
            and view.lower[k - 1] not in DETERMINERS and view.lower[k - 1] not in ("of", "'s", "’s"))


def inverted_cue(view: View, rec: Record, cue: VerbCue, before: int) -> Any:
    """ "..., said Zelensky." / "“...,” said the official."."""
    words, lo, hi = view.words, cue.lo, cue.hi
    if not (before - 1 >= lo and (words[before - 1] == "," or words[before - 1] in QUOTES)):
        return PASS
    if words[before - 1] == "," and (appositive_subject(view, before - 1, lo) or relative_insert(view, before - 1, lo)
                                     or gerund_insert(view, before - 1, lo)):
        return PASS
    if cue.entry.get("addressee") and cue.entry["lemma"] == "tell":
        return PASS  # '"...," the spokesperson, Lena Ortiz, told reporters': whom it was told, never who told it
    src = np_after(view, cue.e, hi)
    if src is None or (cue.e < hi and view.lower[cue.e] in ("of", "about")):
        return PASS  # "..., X said of the offensive": what it is about, not who says it
    if any(view.lower[k] in FINITE_WORDS and words[k].islower() for k in range(*src)):
        return PASS  # "X, senior adviser for community organizing ..., said | families still want ...": a clause, no source
    src = appositives_after(view, src, hi)  # "said the regional director, Maria Lindqvist, after ..."
    if not rest_is_frame(view, src[1], hi):
        src = inverted_tail(view, src, hi)
        if src is None:
            return PASS
    if words[before - 1] == "," and cue.entry.get("naming"):
        return None  # "The program, called Shield, trained ...": a name, no report
    rec.source = src
    rec.content = content_before(view, before, lo)
    return rec if rec.content else None


def gerund_insert(view: View, comma: int, lo: int) -> bool:
    """Does ``comma`` close a gerund insert after the clause's subject ("Rebels, | claiming the town
    had fallen |, posted videos"): the verb after it is the subject's, no inverted report?"""
    opening = segment_start(view, comma, lo)
    return (opening is not None and opening - 1 > lo and view.lower[opening].endswith("ing")
            and subject_before_insert(view, lo, opening - 1) is not None)


def inverted_tail(view: View, src: Range, hi: int) -> Optional[Range]:
    """An inverted source that ends the sentence with its own phrase ("said one source on the
    panel." keeps "on the panel") or a relative clause ("said a farmer who lost two sons.": the
    name); None when anything else follows."""
    words, lower, k = view.words, view.lower, src[1]
    if k >= hi:
        return None
    if lower[k] in ("who", "whose") and k + 1 < hi and words[k + 1].islower() and hi - k <= RELATIVE_MAX + 2 and not any(
            lower[j] in view.cue_forms or is_punct(words[j]) and j < hi - 1 for j in range(k + 1, hi)):
        return src  # "said a farmer who lost two sons in the raid.": the name, as with a parse
    if lower[k] in ("on", "in", "at", "from") and k + 1 < hi and (lower[k + 1] in ("the", "a", "an") or is_cap(words[k + 1])):
        np = np_after(view, k + 1, hi)
        if np is not None and np[1] - np[0] <= 4 and all(is_punct(w) for w in words[np[1]:hi]):
            return src[0], np[1]
    return None


def conjoined_cue(view: View, rec: Record, cue: VerbCue, before: int) -> Any:
    """ "Rwanda denies supporting M23 and says ...": the subject of the first verb speaks."""
    lower, words, lo, hi = view.lower, view.words, cue.lo, cue.hi
    if not (before - 1 > lo and lower[before - 1] in ("and", "but")):
        return PASS
    if noun_before_noun(view, cue.i, hi):
        return None  # "violated national and | state law": a noun, no second verb
    if words[before - 2] == ",":
        return comma_conjoined(view, rec, cue, before)
    subj, subordinate = conjoined_subject(view, lo, before)
    if subj is None or lower[subj[1]] in ("and", "but") or subj[1] >= before - 1:
        return None
    while subj[1] - subj[0] > 1 and lower[subj[1] - 1] in VERB_GROUP:
        subj = (subj[0], subj[1] - 1)  # "The envoy further described ... but ...": the verb group is no source
    if subj[1] + 1 < before and words[subj[1]] == ",":
        # "The Minister of Defence, Ahmed Fiqi, praised ... and said", "Rendell, a party veteran, said ... and called"
        subj = appositives_after(view, subj, before)
    rec.source = subj
    after_start = after_cue(view, rec, cue.entry, cue.e, hi)
    rec.content = content_after(view, after_start, hi) if not rest_is_punct(view, after_start, hi) else None
    if subordinate and rec.content:
        rec.content = trim(view, rec.content[0], next(
            (k for k in range(rec.content[0], rec.content[1]) if words[k] == ","), rec.content[1]))
    return rec if rec.content else None


def conjoined_subject(view: View, lo: int, before: int) -> Tuple[Optional[Range], bool]:
    """The subject of "X ... and <cue>" and whether its clause ends at a comma: a relative
    pronoun after a comma ("demonstrators, who have taken to the streets and called for ..." →
    `who`), the subject after a subordinator ("Though she called ... and called for ..."), or the
    main clause's ("When ..., Kyiv and Warsaw call them ... and describe ..."), else the sentence's."""
    lower, words = view.lower, view.words
    rel = next((k for k in range(before - 2, lo, -1) if words[k] == "," or lower[k] in ("who", "which")), None)
    if rel is not None and lower[rel] in ("who", "which") and words[rel - 1] == "," and not any(
            w in SUBORDINATORS or w == "where" for w in lower[rel + 1:before]):  # "which she did when X ... and told"
        return (rel, rel + 1), True  # what was said ends with the insert, at its comma
    start = skip_lead(view, lo, before)
    subordinate = start < before and lower[start] in SUBORDINATORS
    if subordinate and "," in words[start:before]:
        start, subordinate = max(k for k in range(start, before) if words[k] == ",") + 1, False
    return np_after(view, start + subordinate, before), subordinate


# Subordinators that open a sentence before the subject of two conjoined verbs.
SUBORDINATORS = frozenset(("though", "although", "while", "when", "as", "because", "since", "after", "once", "if"))


def comma_conjoined(view: View, rec: Record, cue: VerbCue, before: int) -> Any:
    """ "The governor urged ..., and criticized the army's restraint": after a comma and "and", the
    verb shares the subject of the sentence's first verb when no other subject stands between
    (not "The rebels shelled the town, and the mayor said"); an opening phrase before a comma
    ("In his speech, the governor urged ...") is skipped."""
    lower, words, lo, hi = view.lower, view.words, cue.lo, cue.hi
    start = skip_lead(view, lo, before)
    if lower[start] in SPOKEN_PREPS | {"in", "on", "at", "after", "during", "though", "although", "while"}:
        comma = next((k for k in range(start, min(before, start + 8)) if words[k] == ","), None)
        if comma is None:
            return PASS
        start = comma + 1
    subj = np_after(view, start, before)
    if subj is not None:  # "The envoy | met both sides": a past tense the chunker does not stop at
        subj = (subj[0], next((k for k in range(subj[0] + 1, subj[1]) if lower[k] in IRREGULAR_PASTS), subj[1]))
    while subj is not None and subj[1] - 1 > subj[0] and manner_adverb(view, subj[1] - 1, lo):
        subj = (subj[0], subj[1] - 1)  # "The general | generally backed"
    if subj is None or subj[1] >= before - 2 or is_punct(words[subj[1]]) or lower[subj[1]] in ("and", "but"):
        return PASS
    verb = subj[1]
    while verb < before and (lower[verb] in SKIP_BEFORE_CUE or manner_adverb(view, verb, lo)):
        verb += 1
    negated = any(lower[k] in ("did", "does", "do") for k in range(subj[1], verb))  # "did not give | a figure, but said"
    if verb >= before or not (lower[verb].endswith("ed") or lower[verb] in IRREGULAR_PASTS or lower[verb] in view.cue_forms
                              or negated and words[verb].isalpha() and words[verb].islower()):
        return PASS  # the subject's own verb follows it: "The envoy | met both sides ..., and said"
    rec.source = subj
    after_start = after_cue(view, rec, cue.entry, cue.e, hi)
    if rest_is_punct(view, after_start, hi):
        return None
    rec.content = content_after(view, after_start, hi)
    if rec.content is None or not (cue.entry["strength"] == "strong" or cue.entry.get("object")
                                   or lower[after_start] in ("that", ":") or words[after_start] in QUOTES
                                   or governs(view, cue.entry, after_start, hi)):
        return None
    return rec


# Common irregular past tenses that open a sentence's first verb phrase ("The envoy met ...").
IRREGULAR_PASTS = frozenset(("met", "made", "took", "gave", "went", "held", "sent", "spent", "led", "left", "won", "lost",
                             "brought", "came", "kept", "ran", "saw", "spoke", "wrote", "told", "said", "stood",
                             "began", "became", "struck", "fought", "sought", "drew", "threw", "met", "paid", "sold"))


def source_before_cue(lex: Lexicons, view: View, rec: Record, cue: VerbCue, before: int) -> Optional[Record]:
    """ "The army said that ...", "X, a spokesman, said ...", "..., a US official said.": the source
    before the cue, then what was said after it (or before it)."""
    lo = cue.lo
    pronoun = before - 1 >= lo and view.lower[before - 1] in PRONOUNS and not stop_word_inside(view, before - 1, lo, before)
    quantified = quantified_relative(view, before, lo)
    if quantified is not None:
        src: Optional[Range] = quantified  # "residents, many of whom say ..."
    elif pronoun or (before - 1 >= lo and relative_source(view, before - 1, lo)):
        src = (before - 1, before)
    else:
        src = np_before(view, before, lo)
    if src is None and before - 1 >= lo and view.words[before - 1] == ",":
        src = source_with_insert(view, rec, before - 1, lo)
    if src is None and before - 1 >= lo and view.words[before - 1] in DASHES:
        src = source_with_dashes(view, before - 1, lo)
    if src is None:
        src = contact_source(view, before, lo)
    if src is None:
        src = subject_with_relative(view, before, lo)
    if src is None:
        return None
    src = timed_source(view, src, lo)
    src = widen_source(lex, view, src, lo)
    src, frame = opening_frame(lex, view, src, lo)
    src = restarted_source(view, src)
    summary = summary_source(lex, view, src)
    if summary is not None:
        src = summary
        if rest_is_punct(view, cue.e, cue.hi):
            rec.source = src
            return rec
    rec.source = src
    rec = content_for_source_before(lex, view, rec, cue, src)
    if rec is not None and rec.content and src[0] - 1 >= lo and src[0] - 1 > rec.content[0] - 40 and is_dash(view, src[0] - 1):
        # "held the bridge - officials said they had mined it | - before withdrawing": the insert ends at its dash
        dash = view.words[src[0] - 1]
        end = next((k for k in range(rec.content[0], rec.content[1]) if view.words[k] == dash and is_dash(view, k)), None)
        if end is not None:
            rec.content = trim(view, rec.content[0], end)
    if rec is not None and frame is not None and rec.medium is None:
        rec.medium = frame_medium(view, frame)
    if (rec is not None and rec.content and (relative_source(view, src[0], lo) or quantified is not None)
            and view.words[src[0] - 1] == ","):
        # "The group, which has said it wants X, denied ...": the insert ends at its comma
        rec.content = trim(view, rec.content[0], next(
            (k for k in range(rec.content[0], rec.content[1]) if view.words[k] == ","), rec.content[1]))
    return rec


# Nouns of time that a relative clause without "that" follows: "the first time | Russia said ...".
TIME_HEADS = frozenset(("time", "day", "week", "month", "year", "moment", "night", "morning", "afternoon", "evening"))
# Words that open the subject of such a clause.
SUBJECT_OPENERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those"))


def restarted_source(view: View, src: Range) -> Range:
    """The source phrase from where a new subject starts inside it: after an opening dash ("held
    the bridge for days - | officials said"), at a capitalized article after a plain word (a lost
    full stop: "blew up the bridge | The ministry said"), after a noun of time that a relative
    clause without "that" follows ("the second time | the army said", "the first time | Russia
    said")."""
    words, lower = view.words, view.lower
    s, e = src
    for k in range(e - 1, s, -1):
        prev = words[k - 1]
        if is_dash(view, k - 1) and not any(words[j] == prev for j in range(s, k - 1)) and not (
                e < view.n and words[e] == prev):
            return k, e  # an opening dash with no closing one before the cue ("Kall -- co-editor ... -- said")
        if words[k] in ("The", "A", "An") and prev.isalpha() and prev.islower() and prev not in PHRASE_LINKS:
            return k, e
        if lower[k - 1] in TIME_HEADS and k - 2 >= s and (
                lower[k] in SUBJECT_OPENERS or (is_cap(words[k]) and words[k].isalpha())):
            return k, e
    return src


def source_with_dashes(view: View, dash: int, lo: int) -> Optional[Range]:
    """A source with an insert between dashes (up to the closing one), when its name opens the clause:
    "Kall -- co-editor of a book on the war -- said", "Ana Pires, the chief of X -- the
    company that runs the camps -- told"."""
    words = view.words
    opening = next((j for j in range(dash - 1, max(lo, dash - 40) - 1, -1)
                    if words[j] == words[dash] or words[j] in QUOTES or words[j] in (".", ";", ":")), None)
    if opening is None or words[opening] != words[dash] or opening + 1 >= dash:
        return None
    head = np_before(view, opening, lo)
    if head is not None and opens_clause(view, lo, head):
        return head[0], dash
    if opening - 1 >= lo and words[opening - 1] != ",":
        named = appositive_source(view, opening, lo)  # the appositive before the first dash
        if named is not None and opens_clause(view, lo, named):
            return named[0], dash
    return None


def contact_source(view: View, before: int, lo: int) -> Optional[Range]:
    """A source with a relative clause without "who" that opens the clause: "the officers I
    interviewed | said", "residents we spoke to | said"."""
    lower, j = view.lower, before - 1
    if j >= lo and lower[j] in ("to", "with"):
        j -= 1
    if not (j - 1 > lo and lower[j] in CONTACT_VERBS and lower[j - 1] in ("i", "we", "they", "he", "she")):
        return None
    head = np_before(view, j - 1, lo)
    return (head[0], before) if head and opens_clause(view, lo, head) else None


def source_with_insert(view: View, rec: Record, comma: int, lo: int) -> Optional[Range]:
    """The source before a comma-delimited insert ("X, citing Y, said", "X, who ..., said") or with
    its appositive ("Jorge Nampula, a veteran of the war, said"); fills the insert's via or medium."""
    lower, words = view.lower, view.words
    seg_start = segment_start(view, comma, lo)
    if seg_start is None:
        return None
    if adverbial_end(view, seg_start, comma + 1) == comma and words[seg_start - 1] == ",":
        return np_before(view, seg_start - 1, lo)  # "Rebels, however, said": the adverbial is no source
    if (lower[seg_start] in SPOKEN_PREPS or seg_start in view.stop_at) and words[seg_start - 1] == ",":
        return np_before(view, seg_start - 1, lo)  # "The general, at a later briefing, said": the frame is no source
    if (words[seg_start - 1] == "," and lower[seg_start].endswith("ing") and words[seg_start].isalpha()
            and words[seg_start].islower() and len(lower[seg_start]) > 4):
        # "President Novak, dedicating the memorial on Saturday, said": what the source was doing
        head = np_before(view, seg_start - 1, lo)
        return head if head is not None and opens_clause(view, lo, head) else None
    if words[seg_start - 1] == "," and reduced_relative(view, seg_start):
        # "The report, published on Tuesday, said", "The medic, wounded in the raid, told ...": what
        # was done to the source, no part of it
        head = np_before(view, seg_start - 1, lo)
        return head if head is not None and opens_clause(view, lo, head) else None
    if lower[seg_start] in ("who", "citing", "cited", "quoting", "according", "speaking", "which", "quoted"):
        inserted = appositive_source(view, comma, lo) if lower[seg_start] in ("who", "which") else None
        if inserted is not None:
            return inserted  # "X, who chairs the panel, said": a relative that says who X is
        src = (appositive_source(view, seg_start - 1, lo) or np_before(view, seg_start - 1, lo)
               if words[seg_start - 1] == "," else None)
        if src and lower[seg_start] in ("citing", "quoting"):
            rec.via.append(np_after(view, seg_start + 1, comma) or (seg_start + 1, comma))
        elif src and lower[seg_start] in ("cited", "quoted") and seg_start + 1 < comma and lower[seg_start + 1] == "by":
            rec.medium = np_after(view, seg_start + 2, comma)
        return src
    if lower[seg_start] == "including" or (lower[seg_start] == "such" and lower[seg_start + 1] == "as"):
        # "Local media, such as Radio X and TV Y, reported": the examples stay in the source
        head = np_before(view, seg_start - 1, lo) if words[seg_start - 1] == "," else None
        opens = head and (head[0] == lo or words[head[0] - 1] in QUOTES | {",", ":"})
        return (head[0], comma) if opens else None
    # "Jorge Nampula, a veteran of the war, said", "Abu Khaled, 61, said": the source as written,
    # with its appositives (annotation guidelines)
    return appositive_source(view, comma, lo)


def reduced_relative(view: View, k: int) -> bool:
    """Does a past participle open the insert at ``k`` ("published on Tuesday", "wounded in the
    raid", "seen by Reuters"): a lowercase word in -ed of five letters or more, or an irregular one
    (``irregular_participles``), followed by a preposition or an adverb, not "that"?"""
    word = view.words[k]
    if not (word.isalpha() and word.islower()) or k + 1 >= view.n:
        return False
    participle = (word.endswith("ed") and len(word) > 4) or word in RELATIVE_PARTICIPLES
    return participle and view.lower[k + 1] in REDUCED_NEXT


# What follows the participle of a reduced relative insert: a preposition or an adverb of time.
REDUCED_NEXT = frozenset(("on", "in", "by", "at", "from", "to", "for", "with", "last", "earlier", "this", "late", "after", "during", "over", "under", "near", "days", "weeks"))


# Words that count part of a group before "of whom": "many of whom", "two of whom".
PART_WORDS = frozenset(("many", "some", "most", "all", "none", "one", "several", "both", "few", "half", "each", "any",
                        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"))


def quantified_relative(view: View, before: int, lo: int) -> Optional[Range]:
    """ "residents, many of whom | say", "officers, two of whom | said": the relative as written
    is the source (annotation guidelines), with the part it counts; "Some | say ...", a part of a
    group alone, when it opens the clause."""
    lower, k = view.lower, before - 3
    if before - 1 >= lo and lower[before - 1] in PART_WORDS and lower[before - 1] in DETERMINERS and (
            before - 1 == skip_lead(view, lo, before) or lower[before - 2] in CONTINUATIONS or view.words[before - 2] in QUOTES | {","}):
        return before - 1, before  # "Some say ...", "But some note that ...": the part of a group that speaks
    if k < lo or lower[before - 1] not in ("whom", "which") or lower[before - 2] != "of":
        return None
    return (k, before) if lower[k] in PART_WORDS or lower[k].isdigit() else None


def timed_source(view: View, src: Range, lo: int) -> Range:
    """A time is no source: after "in"/"on" it ends the noun phrase before it, which is the source
    ("A UN report | in 2019 said", as "A ministry statement | on Monday said")."""
    lower, words = view.lower, view.words
    is_time = all(words[k].isdigit() for k in range(*src)) or any(
        s <= src[0] and src[1] <= e and kind == "time" for s, e, kind in view.frame_spans)
    if (not is_time or src[0] - 2 < lo or lower[src[0] - 1] not in ("in", "on", "since", "from")
            or any(w in ("who", "that", "which") for w in lower[lo:src[0]])):
        return src  # "Aid workers who reached the camp on Friday said": the relative keeps it (widen_source)
    head = np_before(view, src[0] - 1, lo)
    if head is not None:
        return head
    j = src[0] - 2  # a noun that is also a cue form ends the phrase: "A UN report | in 2019 said"
    while j >= lo and words[j].isalpha() and lower[j] not in NP_STOP and lower[j] not in PHRASE_LINKS:
        j -= 1
    return (j + 1, src[0] - 1) if j + 1 < src[0] - 1 and j + 1 == skip_lead(view, lo, src[1]) else src


# The longest relative clause between a subject and its verb of saying, in tokens.
RELATIVE_MAX = 10


def subject_with_relative(view: View, before: int, lo: int) -> Optional[Range]:
    """The subject that opens the clause with a relative clause up to the verb, when the words just
    before the verb are no noun phrase ("An Israeli official who asked not to be named | said", "The
    families who came to us | said"): the source as written, relative clause and all. None when a
    comma, a quotation or another reporting verb stands in the relative clause."""
    lower, words = view.lower, view.words
    start = skip_lead(view, lo, before)
    subj = np_after(view, start, before)
    if subj is None or subj[0] != start or subj[1] >= before - 1 or lower[subj[1]] not in ("who", "that", "whose"):
        return None
    rel = range(subj[1] + 1, before)
    if len(rel) > RELATIVE_MAX or not words[subj[1] + 1].islower():
        return None
    if any(is_punct(words[k]) for k in rel):
        return None
    if any(lower[k] == "be" and lower[k + 1] in ("named", "identified", "quoted") for k in rel[:-1]):
        return subj  # "who asked not to be named", "who declined to be identified": the name, as with a parse
    if any(lower[k] in view.cue_forms for k in rel):
        return None
    return subj[0], before


def relative_source(view: View, k: int, lo: int) -> bool:
    """ "an architect who said", "the group, which has said": the relative pronoun is the source
    as written (annotation guidelines)."""
    return view.lower[k] in ("who", "which") and k - 1 >= lo


def widen_source(lex: Lexicons, view: View, src: Range, lo: int) -> Range:
    """The source with its relative clause or a first conjunct that opens the clause."""
    lower, words = view.lower, view.words
    seg = lower[lo:src[0]] if src[0] > lo and words[src[0] - 1] != "," else ()
    if "who" in seg or "that" in seg or "whose" in seg:
        # "Foreign journalists who visited Barda confirmed ...": the subject with its relative clause
        # (after "who" or "whose" any lowercase word goes on it: "officers who fought", "a commander
        # whose unit held the bridge"; after "that" an auxiliary or a past form)
        subj = np_after(view, skip_lead(view, lo, src[0]), src[0])
        if (subj and subj[1] + 1 <= src[0] and lower[subj[1]] in ("who", "that", "whose")
                and ((lower[subj[1] + 1] in BE | {"has", "have", "had"} or lower[subj[1] + 1].endswith("ed"))
                     or (lower[subj[1]] != "that" and words[subj[1] + 1].isalpha() and words[subj[1] + 1].islower()))
                and not any(words[k] == "," or lower[k] in view.cue_forms for k in range(subj[1], src[0]))):
            src = (subj[0], src[1])
    if src[0] - 2 >= lo and lower[src[0] - 1] == "and":
        # "residents and a local official said": both conjuncts, when the first opens the clause
        left = np_before(view, src[0] - 1, lo)
        if (left and (opens_clause(view, lo, left) or words[left[0] - 1] in QUOTES | {","})
                and lex.typer.classify(view.doc[left[0]:left[1]].text).source_type != "unknown"):
            src = (left[0], src[1])
    described = reduced_relative_head(lex, view, src, lo)
    return (described, src[1]) if described is not None else src


# Prepositions that open a frame before a source without a comma: "In a statement | the army said",
# "On Monday | the UN said", "During a visit to the front | Novak said".
SOURCE_FRAME_PREPS = frozenset(("in", "on", "at", "during", "after", "before", "since", "following", "throughout", "from",
                           "inside", "near", "across", "amid", "despite"))
# Words after which a determiner or a name goes on the same phrase: "a visit to | the front", "the head of | the army".
PHRASE_LINKS = frozenset(("of", "to", "with", "in", "for", "from", "at", "on", "by", "and", "or", "into", "near", "over"))


def opening_frame(lex: Lexicons, view: View, src: Range, lo: int) -> Tuple[Range, Optional[Range]]:
    """A source right after a preposition that opens its clause, with no comma, holds the frame
    too ("In | a statement the army | said", "On | Monday the UN | said", "During | a visit to the
    front Novak | said"): the source starts at the last new phrase inside it, a determiner or a name
    that no preposition, determiner, title or role word ties to the words before ("the army",
    "Novak"; "the army spokesman Colonel Ivan Petrov" stays whole), and the frame is the rest
    (returned as well, with its preposition). Otherwise the source, and None."""
    lower, words = view.lower, view.words
    opener = skip_lead(view, lo, src[1])
    if not (opener < src[0] and lower[opener] in SOURCE_FRAME_PREPS and not any(is_punct(words[k]) for k in range(opener, src[1]))):
        return src, None
    named = view.doc.has_annotation("ENT_IOB")
    start = None
    for k in range(src[0] + 1, src[1]):
        prev = lower[k - 1]
        if (named and view.doc[k].ent_iob_ == "B" and view.doc[k].ent_type_ == "PERSON" and is_cap(words[k - 1])
                and prev not in TITLE_WORDS and not lex.typer.matches((prev,))):
            start = k  # a name the recognizer starts after another name: "the Kyiv Post | Novak"
        elif prev in PHRASE_LINKS or prev in DETERMINERS or prev in POSSESSIVE:
            continue
        elif lower[k] in DETERMINERS - {"some"}:
            start = k
        elif (is_cap(words[k]) and words[k - 1].isalpha() and words[k - 1].islower() and prev not in TITLE_WORDS
              and not lex.typer.matches((prev,))):
            start = k
    if start is None:
        return src, None
    return (start, src[1]), (opener, start)


def frame_medium(view: View, frame: Range) -> Optional[Range]:
    """The channel named by an opening frame ("In | a statement | the army said", "At | a news
    conference in Goma | the governor said"), without its preposition or a time, or None."""
    lower = view.lower
    words = range(frame[0] + 1, frame[1])
    if not any(lower[k] in PLATFORM_NOUNS or lower[k].rstrip("s") in PLATFORM_NOUNS for k in words):
        return None
    end = next((s for s, e, kind in view.frame_spans if kind == "time" and frame[0] + 1 < s < frame[1]), frame[1])
    return frame[0] + 1, end


# Prepositions that open the phrase of a reduced relative clause after a source noun.
RELATIVE_PREPS = frozenset(("by", "in", "from", "at", "on", "near", "inside", "outside", "across", "around", "along", "with",
                            "to", "for", "behind"))


def reduced_relative_head(lex: Lexicons, view: View, src: Range, lo: int) -> Optional[int]:
    """The start of the noun phrase that a reduced relative clause describes, when the source found
    is only the object of its preposition and that phrase opens the clause: "Figures released by
    the ministry | say", "Officials based in Kharkiv | said", "Residents reached by phone | said"
    (the source as written, with what describes it)."""
    lower, words = view.lower, view.words
    k = src[0] - 1 if lower[src[0]] in RELATIVE_PREPS else src[0] - 2  # "near the front": the chunker keeps "near"
    if k <= lo or not reduced_relative_at(lex, view, k):
        return None
    head = np_before(view, k, lo)
    if head is None or lower[head[1] - 1] in DETERMINERS:
        return None
    opens = opens_clause(view, lo, head) or lower[head[0] - 1] in CONTINUATIONS or words[head[0] - 1] in QUOTES | {","}
    return head[0] if opens else None


def reduced_relative_at(lex: Lexicons, view: View, k: int) -> bool:
    """Token ``k`` is a participle that opens a reduced relative clause: "released | by", "based |
    in"; not a reporting phrase of its own ("Witnesses quoted by local media said": cue "quoted by")."""
    lower, words = view.lower, view.words
    if k + 1 >= view.n or lower[k + 1] not in RELATIVE_PREPS or is_cap(words[k]) or lower[k] in view.cue_forms:
        return False
    if f"{lower[k]} {lower[k + 1]}" in lex.cue_types:
        return False
    return lower[k] in RELATIVE_PARTICIPLES or (lower[k].endswith("ed") and len(lower[k]) > 4 and words[k].isalpha())


def summary_source(lex: Lexicons, view: View, src: Range) -> Optional[Range]:
    """ "..., a figure Hamas has rejected", "allegations the UN rejects": the source after the
    noun that sums up what was said, or None."""
    lower, words = view.lower, view.words
    k = src[0] + 1 if lower[src[0]] in ("a", "an") else src[0]
    if (src[1] - k > 1 and lower[k] in SUMMARY_NOUNS and (k > src[0] or words[src[0] - 1] == ",")
            and not reduced_relative_at(lex, view, k + 1)  # "A report published by the group said"
            and (lower[k + 1] in ("the", "its", "their") or is_cap(words[k + 1])
                 or lex.typer.classify(view.doc[k + 1:src[1]].text).source_type != "unknown")):
        return k + 1, src[1]
    return None


def content_for_source_before(lex: Lexicons, view: View, rec: Record, cue: VerbCue, src: Range) -> Optional[Record]:
    """What a source-before-cue report says: after the cue ("that", a colon, a quote, "to ..."),
    or before it (", X said."); None where the verb does not report."""
    lower, words, lo = view.lower, view.words, cue.lo
    after_start, hi = start_after_source(view, rec, cue, src)
    found = reported_after(lex, view, cue, after_start, hi)
    quoted = topic_quote(view, after_start)
    if quoted is not None:
        found = True, quoted[0]  # "X described the attack to the radio station; “...”": the quotation is said
        if rec.medium is None:
            rec.medium = quoted[1]
    if found is None:
        return None
    signal, content = found
    if (cue.entry.get("showing") and content is not None and lower[after_start] not in ("that", ":")
            and words[after_start] not in QUOTES and cause_subject(lex, view, src)):
        return None  # "The receding flood revealed the wreckage": a cause, no report
    if cue.entry.get("quote_only") and not (
            signal and lower[after_start] != "that" or quote_ends_before(view, src[0], lo)):
        return None  # "X continued: “...”", "“...,” X continued."; never "the shelling continued"
    comma_before = src[0] - 1 >= lo and (words[src[0] - 1] == "," or words[src[0] - 1] in QUOTES)
    if content is not None and not signal and said_before(view, src, content, comma_before, lo):
        content = None
    post = content is None and comma_before
    if post:
        content = content_before(view, src[0], lo)
    if not reports(lex, view, cue, src, content, signal, post):
        return None
    before = parenthetical_before(view, src[0], content, lo) if content is not None and not (post or signal) else None
    if before is not None:
        rec.parts.insert(0, content)  # "The shelling, the mayor said, went on all night": both sides
        content = before
    if content is not None and not post and not signal and rec.medium is None:
        content, rec.medium = object_addressee(lex, view, content)
    rec.content = content
    if content is None and not post and rec.medium is None:
        return None
    return rec


# Who a thing was confirmed or denied to, at the end of the object: "confirmed the deaths | to AFP".
PRESS_WORDS = frozenset(("reporters", "journalists", "press", "media", "correspondents"))


def object_addressee(lex: Lexicons, view: View, content: Range) -> Tuple[Range, Optional[Range]]:
    """The object of a verb that reports its object, without a closing "to" and an outlet or the press
    ("confirmed the deaths to AFP", "denied the report to reporters on Monday"): (the object, the
    addressee as medium); (content, None) when none ends it."""
    s, e = content
    for k in range(s + 1, e - 1):
        if view.lower[k] in BE or view.lower[k] in IRREGULAR_PASTS or view.lower[k].endswith("ed"):
            return content, None  # a clause, not an object: "the convoy went to ..."
        if view.lower[k] != "to":
            continue
        np = np_after(view, k + 1, e)
        if np is None:
            return content, None
        press = view.lower[np[1] - 1] in PRESS_WORDS or lex.typer.classify(view.doc[np[0]:np[1]].text).source_type == "media"
        if press and (np[1] == e or view.lower[np[1]] in ("by", "on", "in", "at", "late", "early", "during")):
            return (trim(view, s, k) or content), np
        return content, None
    return content, None


# The longest object (a topic and its addressee) between a verb of saying and a colon that opens a quotation.
TOPIC_MAX = 8


def topic_quote(view: View, start: int) -> Optional[Tuple[Range, Optional[Range]]]:
    """A topic object after the cue, then a colon or semicolon and a quotation: "X described the
    attack to the radio station; “...”", "X recounted the ambush: “...”". The quotation is what was
    said (its inside), and "to Y" in the object the addressee (the medium); None when no such
    object stands there (a clause, another quotation, a verb in it, or nothing before the colon)."""
    words, lower = view.words, view.lower
    k = next((j for j in range(start + 1, min(start + TOPIC_MAX + 1, view.n)) if words[j] in (":", ";")), None)
    if (k is None or k + 1 >= view.n or words[k + 1] not in QUOTES or k + 1 not in view.open_at
            or not words[start].islower()):
        return None  # a capital opens a new line or headline, not an object: "officials say | Kenya's envoy: “...”"
    if any(lower[j] in FINITE_WORDS or lower[j] == "that" or words[j] in QUOTES or is_punct(words[j])
           for j in range(start, k)):
        return None
    quote = trim(view, k + 2, view.open_at[k + 1])
    if quote is None:
        return None
    to = next((j for j in range(start, k) if lower[j] == "to"), None)
    return quote, (np_after(view, to + 1, k) if to is not None and to + 1 < k else None)


def start_after_source(view: View, rec: Record, cue: VerbCue, src: Range) -> Tuple[int, int]:
    """Where what is said after the cue may start, and the end of the sentence it may run to."""
    words, lo, hi = view.words, cue.lo, cue.hi
    after_start = after_cue(view, rec, cue.entry, cue.e, hi)
    if after_start < hi and words[after_start] == ":":
        hi = past_colon(view, after_start, hi)  # "He said:" closing a parser's sentence
    if (after_start + 1 < hi and words[after_start] == "," and words[after_start + 1] in QUOTES
            and not (src[0] - 1 >= lo and (words[src[0] - 1] == "," or words[src[0] - 1] in QUOTES))):
        after_start += 1  # "The governor asks, “Who will pay?”" (not the second half of a split quote)
    return after_start, hi


def reported_after(lex: Lexicons, view: View, cue: VerbCue, after_start: int, hi: int) -> Optional[Tuple[bool, Optional[Range]]]:
    """What follows the cue, and whether something marks it as said (``signal``: "that", a colon,
    a quote, a governed particle, "to ..."); None where the verb does not report."""
    lower, words, entry = view.lower, view.words, cue.entry
    if entry.get("estimate"):
        frame = estimate_frame(view, after_start, hi)
        if frame is not None:
            return True, frame  # "put the death toll at 23": what was put on the count is said
    content = None
    signal = after_start < hi and (lower[after_start] in ("that", ":") or words[after_start] in QUOTES)
    if governs(view, entry, after_start, hi) and (cue.form not in lex.ambiguous or cue.is_verb_tag):
        if asks_only(view, after_start + 1, hi):
            return None  # "did not respond to a request for comment": nothing was said
        signal = True  # "spoke of a betrayal": the particle joins the cue (.extent), what it governs is said
        content = subordinate_topic(view, cue.lo, cue.i, content_after(view, after_start + 1, hi, keep_first=True))
    elif entry.get("particle_only"):
        return None  # "spoke to reporters", "talked for hours"
    elif after_start < hi and lower[after_start] == "to" and entry.get("infinitive"):
        signal = True
        content = content_after(view, after_start, hi, keep_first=True)
    elif not rest_is_punct(view, after_start, hi):
        # a possessive opens an object, not an addressee: "stressed her support for the unit that ..."
        own = bool(entry.get("object")) and not entry.get("addressee") and lower[after_start] in OWNER_PRONOUNS
        content = content_after(view, after_start, hi, keep_first=own)
        if (content and content[0] > after_start and lower[content[0] - 1] == "that"
                and lower[after_start] in CLAIM_NOUNS | {"the", "these", "such", "those", "some"}):
            signal = True  # "dismissed reports that ..."
    if not signal and entry.get("counting") and counted_object(view, content):
        signal = True  # "ACLED recorded more than 11,000 deaths": a monitor's count is what it reports
    doubted = questioned_object(view, entry, content, WH_WORDS)
    if doubted is False:
        return None  # "police questioned three suspects": an interrogation
    if doubted:
        content = object_extent(view, content)
    by_position = entry.get("question") and cue.form in lex.ambiguous and cue.token is None and verb_by_position(
        view, cue.i, cue.lo, cue.hi, lambda w: bool(lex.typer.matches((w,))), WH_WORDS)
    if entry.get("question") and cue.form in lex.ambiguous and cue.token is None and not by_position:
        return None  # "a similar question: ...": the noun
    if content is not None and (entry.get("object") and (cue.form not in lex.ambiguous or cue.is_verb_tag or by_position)
                                and opens_object(view, content)
                                or entry.get("question") and lower[content[0]] in WH_WORDS):
        if not signal and entry.get("object"):
            content = object_extent(view, content)  # "has promised a veto | and tried to ..."
        signal = True  # "criticized the plan", "noted the truce had held", "questioned whether ..."
    if entry.get("naming") and after_start > cue.e and cue.form.startswith("call") and time_before_for(view, cue.e, hi):
        return True, content_after(view, after_start + 1, hi, keep_first=True)  # "called Friday for releasing ..."
    if entry.get("naming"):
        if content is None and after_start < hi and view.lower[after_start] in NAMED_PRONOUNS:
            content = content_after(view, after_start, hi, keep_first=True)  # "call them reckless gambles"
        if content is None or not names_something(view, content) or call_as_noun(cue.form, cue.prev, cue.nxt):
            return None
        signal = True
    if content is not None and entry["lemma"] in OBJECT_LEMMAS and not introduced(view, content[0]):
        content = object_extent(view, content)  # "called for a pause | as he visited the camp"
    if content is not None and not signal and entry["lemma"] in AS_OBJECT_VERBS:
        judged = judged_object(view, content)
        if judged is not None:
            return True, judged  # "dismissed the claim as 'pure fiction'": what was dismissed
    return signal, content


# The longest object before the "as" of a judgement ("dismissed reports by foreign media of army strikes | as").
JUDGED_MAX = 14


def judged_object(view: View, content: Range) -> Optional[Range]:
    """The object of a verb of ``as_object_verbs`` before "as" and a judgement ("the claim | as
    'pure fiction'", "early reports of it | as fake news"), or None when no "as" follows it."""
    s, e = content
    k = next((j for j in range(s + 1, min(e, s + JUDGED_MAX)) if view.lower[j] == "as"), None)
    if k is None or k + 1 >= e or any(is_punct(view.words[j]) and view.words[j] not in ("'", "’", "-") for j in range(s, k)):
        return None
    if view.lower[k + 1] in CLAUSE_OPENERS and any(
            view.lower[j] in BE | {"had", "has", "have"} or view.lower[j].endswith("ed") for j in range(k + 2, min(e, k + 6))):
        return None  # "dismissed the commander as the offensive stalled": "as" opens a clause of time
    return trim(view, s, k)


# Words that open the subject of a clause after "as" ("as the offensive stalled", "as he left").
CLAUSE_OPENERS = frozenset(("the", "his", "her", "its", "their", "he", "she", "they", "it", "we", "i", "our"))


def said_before(view: View, src: Range, content: Range, comma_before: bool, lo: int) -> bool:
    """What follows an unmarked cue is no report because what was said comes before it."""
    lower, words = view.lower, view.words
    if quote_ends_before(view, src[0], lo):
        return True  # "“...,” she said, clapping." / "“...,” he said Monday.": what was said is the quote
    # "..., a US official said, though none are set to enter Gaza" / "..., the governor said,
    # pointing to the river": what was said is before; "..., the colonel said, adding he would
    # stay": the gerund is a report of its own.
    return comma_before and (lower[content[0]] in CONTINUATIONS or (
        words[content[0] - 1] == "," and (lower[content[0]] in TAIL_GERUNDS or (
            lower[content[0]].endswith("ing") and lower[content[0]] not in view.cue_forms))))


def reports(lex: Lexicons, view: View, cue: VerbCue, src: Range, content: Optional[Range], signal: bool,
            post: bool) -> bool:
    """Does the verb report here? A verb tag settles a noun-or-verb form; a weak verb also needs a
    reported clause, which the parse may show ("estimated 300 had fled": ccomp), never the tag
    alone ("they have added")."""
    lower, words, entry = view.lower, view.words, cue.entry
    clause = cue.token is not None and parse_clause(cue.token, entry)
    # between commas after a clause, right after its source and before the rest of the clause, the
    # position marks the report of a weak verb: "The shelling, the general added, was ..." (not "yes,
    # they have added, since ... , 11 groups": a verb group, and a frame after the comma); a
    # noun-or-verb form there still needs its tag ("..., 18 states, ...")
    placed = parenthetical_cue(view, cue, src) and cue.i == src[1] and lower[cue.e + 1] not in NOT_SAID
    clause = clause or unmarked_clause(view, cue, content) or shown_object(view, cue, src, content)
    if not (signal or post) and ((entry["strength"] == "weak" and not clause and not placed)
                                 or (cue.form in lex.ambiguous and not cue.is_verb_tag and not pronoun_clause(view, cue, content)
                                     and not verb_after_subject(view, cue, src, content) and not (placed and cue.token is None and placed_verb(view, cue, src)))):
        return False
    if (lower[src[1] - 1] in DETERMINERS and not (src[1] - src[0] == 1 and lower[src[0]] in PART_WORDS)) or (
            is_punct(words[src[1] - 1]) and words[src[1] - 1] != ")"):
        return False  # "the | said", "its | report"; but "some | note that ...": a part of a group speaks
    # "the ceasefire announced by ...", "insist on ...", "did not say whether ...": no report
    # (a quotation or what a colon opens is what was said: 'said: “For you, ...”')
    return not (content is not None and not post and lower[content[0]] in ("by", "on", "for", "whether", "if", "from")
                and not introduced(view, content[0]) and not parenthetical_cue(view, cue, src)
                and not (lower[content[0]] == "if" and "that" in lower[max(cue.lo, content[0] - 2):content[0]])
                and not ((entry.get("question") or declined(view, cue)) and lower[content[0]] in WH_WORDS))


# Words that mark a finite clause after its subject: a modal, a form of "be", "have" or "do".
FINITE_MARKS = MODALS | frozenset(("is", "are", "was", "were", "has", "have", "had", "does", "do", "did"))
# Words a belief verb's object may open with that are no subject of a clause: "believe in ...",
# "believe him", "think so", "expect nothing".
NO_SUBJECT = frozenset(("in", "on", "of", "for", "about", "to", "so", "not", "him", "her", "them", "me", "us",
                        "nothing", "otherwise", "this", "that", "what", "why", "how", "whether", "if"))
# How far into the clause its finite mark may stand: "the real number | may", "about 200 fighters | are".
FINITE_REACH = 7


def past_after_subject(view: View, k: int, s: int) -> bool:
    """Is token ``k`` a past tense right after a subject pronoun, a plural noun or a name past the
    clause's first word ("they | used", "the attackers | used explosives", "the rebels | took the
    town", "Oskel | lost"), or a singular noun after an article before its object; not a participle
    of a noun phrase ("the | wounded soldiers", "the reported figures")?"""
    lower, words = view.lower, view.words
    if not (lower[k].endswith("ed") or lower[k] in IRREGULAR_PASTS):
        return False
    if k - 1 == s and lower[s] in PRONOUNS:
        return True  # "they | used", "it | destroyed"
    if k - 1 <= s and not words[k - 1][:1].isupper():
        return False
    before = lower[k - 1]
    if (before.endswith("s") and not before.endswith(("'s", "’s", "ss")) and before.isalpha()) or (
            words[k - 1][:1].isupper() and words[k - 1].isalpha()):
        return True
    # a singular noun after a determiner, the past tense before its object ("the army | lost | at least
    # 300 tanks", "the militia | fired | the rocket"); not "the convoy attacked | by drones"
    return (k - 2 >= s and lower[k - 2] in DETERMINERS and before.isalpha() and k + 1 < len(lower)
            and (lower[k + 1] in CLAUSE_SUBJECT_OPENERS or words[k + 1][:1].isdigit()))


# Cue entries whose verb takes no plain clause after it: an addressee comes first ("informed the UN
# the troops had left"), what follows names or asks something, or the cue stands only before a quote
# or with its particle.
NO_PLAIN_CLAUSE = ("addressee", "naming", "question", "quote_only", "particle_only", "estimate_only")
# Words that open a clause of another kind inside what follows a cue: its finite verb is not the
# reported clause's ("showed the site | where troops had camped", "added the road | after it was cleared").
CLAUSE_STOPS = frozenset(("to", "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "after",
                          "before", "since", "until", "if", "as", "unless"))


def unmarked_clause(view: View, cue: VerbCue, content: Optional[Range]) -> bool:
    """Does a weak verb hold a finite clause right after it, without "that": a subject, then a
    modal, a form of "be", "have", "do" or a past tense after a plural noun or a name
    (:func:`past_after_subject`) before any punctuation or word of :data:`CLAUSE_STOPS`? Belief
    ("Analysts believe India may have lost ...", "Investigators believe the attackers used ..."),
    evidence ("The report indicates the army lost ...", "Satellite images show the army has moved
    ...") and saying ("His advisers have suggested the offensive is over", "The commander cautioned
    the dam could fail"). Not an infinitive ("expect the truce to hold"), an object ("believe him",
    "think so"), an addressee first (:data:`NO_PLAIN_CLAUSE`), nor a clause inside a quotation,
    which is its speaker's own wording."""
    entry = cue.entry
    if content is None or any(entry.get(field) for field in NO_PLAIN_CLAUSE):
        return False
    if any(o < cue.i < c and c - o > 3 for o, c in view.open_at.items()):
        return False  # “..., but I do think the question is ...,” X said: the quote's speaker's own words
    s, e = content
    lower, words = view.lower, view.words
    start = space_after(view, cue.e, cue.hi)
    while start in view.stop_at and start < s:
        start = past_frame(view, start, cue.hi)  # "wrote on Telegram | it had ..."
    if s != start or lower[s] in FINITE_MARKS or lower[s] in view.cue_forms:
        return False  # "media reports | suggest the town has fallen": a verb, no subject
    if lower[s] in NO_SUBJECT and not (lower[s] == "about" and s + 1 < e and words[s + 1][:1].isdigit()):
        return False  # "think about the war"; but "believe about 200 fighters are ...": a figure
    return finite_after_subject(view, s, e)


def finite_after_subject(view: View, s: int, e: int) -> bool:
    """Does a clause whose subject opens at ``s`` have its finite verb within :data:`FINITE_REACH`
    words, before ``e``, any punctuation or a word of :data:`CLAUSE_STOPS`: a modal, a form of
    "be", "have", "do", or a past tense (:func:`past_after_subject`)?"""
    lower, words = view.lower, view.words
    for k in range(s + 1, min(e, s + FINITE_REACH + 1)):
        if lower[k] in FINITE_MARKS or past_after_subject(view, k, s):
            return True
        if is_punct(words[k]) and words[k] not in ("-", "'s", "’s") or lower[k] in CLAUSE_STOPS:
            return False
    return False


# Words that end the head of a source phrase: "Satellite images | taken on Friday", "Video | released by".
HEAD_ENDERS = frozenset(("of", "from", "by", "on", "in", "at", "with", "and", "that", "which", ",", "(", "-", "—"))


def shown_object(view: View, cue: VerbCue, src: Optional[Range], content: Optional[Range]) -> bool:
    """Does a verb of showing (``visual`` in cues.jsonl) report its plain object: its source's head a
    visual record or data (``visual_records``: "Video released by the coast guard appeared to show a
    patrol boat ...", "Shipping data shows 14 vessels ..."), the object right after it? Not "the map
    shows the front", "the soldier showed reporters the wreckage"."""
    if content is None or src is None or not cue.entry.get("visual") or content[0] != space_after(view, cue.e, cue.hi):
        return False
    lower = view.lower
    k = src[0] + 1
    while k < src[1] and lower[k] not in HEAD_ENDERS and lower[k] not in IRREGULAR_PASTS and not lower[k].endswith(
            ("ed", "ing", "en", "wn")):  # "taken", "shown"
        k += 1
    return lower[k - 1] in VISUAL_RECORDS


# Words before a figure at the start of an object: "more than 11,000", "at least 1,520", "the loss of 185".
COUNT_LEADS = frozenset(("more", "less", "fewer", "than", "at", "least", "most", "about", "around", "some", "nearly",
                         "almost", "over", "under", "up", "to", "roughly", "approximately", "an", "estimated", "a",
                         "total", "of", "the", "loss", "deaths", "killing", "killings"))


VAGUE_COUNTS = frozenset(("dozens", "hundreds", "thousands", "scores", "tens"))


def counted_object(view: View, content: Optional[Range]) -> bool:
    """Does the object ``content`` of a verb of counting open with a figure: a number or "dozens",
    "hundreds", ... after at most four words of ``COUNT_LEADS`` ("more than 11,000 deaths", "at least
    1,520 people killed", "the loss of at least 185 tanks"), not "a video of the attack"?"""
    if content is None:
        return False
    lower, words = view.lower, view.words
    for k in range(content[0], min(content[1], content[0] + 5)):
        if words[k][:1].isdigit() or lower[k] in NUMBER_WORDS or lower[k] in VAGUE_COUNTS:
            return True
        if lower[k] not in COUNT_LEADS:
            return False
    return False


def own_object(cue: VerbCue) -> bool:
    """With a parse: has the verb a counted object after it ("have added ... about 11 groups")? A
    weak verb with one reports no clause before it; it is the verb of another sense (what was said
    as an object, "added the words ...", stays the rules' to read)."""
    return cue.token is not None and any(
        c.dep_ in ("dobj", "obj") and c.i > cue.token.i
        and (c.pos_ == "NUM" or any(m.dep_ == "nummod" for m in c.children))
        for c in cue.token.children
    )


# Words that open a verb's object or clause after a noun-or-verb form ("claims | its forces have ...",
# "claims | 170,000 personnel", "claims | some 238,000 members").
OBJECT_OPENERS = frozenset(("its", "their", "his", "her", "the", "a", "an", "some", "most", "about", "around", "nearly",
                            "more", "over", "up", "at", "as", "only"))


def verb_after_subject(view: View, cue: VerbCue, src: Range, content: Optional[Range]) -> bool:
    """Without tags, a noun-or-verb form right after a subject of two words or more that opens the
    clause, before what it reports (a determiner, a possessive, a figure): the verb ("The Mozambican
    army claims | its forces have regained the town", "The defence ministry claims | 170,000
    personnel"), or a finite clause without "that" (:func:`unmarked_clause`: "The group reports | machetes
    were used"); not "Russian claims ..." (one word) nor "the army's claims" (an owner)."""
    if cue.token is not None or content is None or content[0] != cue.e or src[1] - src[0] < 2 or not (
            cue.i == src[1] or (cue.i == src[1] + 1 and view.words[src[1]] == ",")):  # "X, a monitor, | reports"
        return False
    if not opens_clause(view, cue.lo, src) or view.lower[src[1] - 1] in ("'s", "’s"):
        return False
    return view.lower[cue.e] in OBJECT_OPENERS or view.words[cue.e][:1].isdigit() or unmarked_clause(view, cue, content)


def placed_verb(view: View, cue: VerbCue, src: Range) -> bool:
    """Without tags, a noun-or-verb form between commas after its source is the verb when the
    source is no figure and no list goes on after it ("The rebels, the group claims, have ...";
    not "The deal, 18 states, and the city ...")."""
    return not view.words[src[0]][:1].isdigit() and view.lower[cue.e + 1] not in ("and", "or")


def pronoun_clause(view: View, cue: VerbCue, content: Optional[Range]) -> bool:
    """Without tags, a noun-or-verb form right before a clause that opens with a subject pronoun
    is the verb: "conflicting accounts claim | it was the police", "the group reports | they fled"."""
    return (cue.token is None and content is not None and content[0] == cue.e
            and view.lower[content[0]] in ("it", "he", "she", "they", "we", "there"))


def parenthetical_cue(view: View, cue: VerbCue, src: Range) -> bool:
    """Source and cue between commas after a clause: "The army has a plan, he said, | for how ..."
    (what follows the second comma goes on the clause before, whatever word opens it)."""
    words = view.words
    return (src[0] - 2 > cue.lo and words[src[0] - 1] == "," and cue.e + 1 < cue.hi and words[cue.e] == ","
            and not is_punct(words[src[0] - 2]) and words[src[0] - 2] not in QUOTES)


def introduced(view: View, k: int) -> bool:
    """Does a quotation mark, a colon or "that" open what starts at ``k`` ("said that on Monday,
    troops ...": a clause that opens with a time)?"""
    j = k - 1
    while j >= 0 and view.words[j].isspace():
        j -= 1
    return j >= 0 and (view.words[j] in QUOTES or view.words[j] in (":", "‘") or view.lower[j] == "that")


def declined(view: View, cue: VerbCue) -> bool:
    """The source would not say: "did not say whether ...", "isn't saying if ...", "declined to say
    when ..." (what it left open is the content, as with "would not say how many")."""
    lower = view.lower
    for k in range(cue.i - 1, max(cue.lo, cue.i - 3) - 1, -1):
        if lower[k] in ("not", "n't", "never") or (lower[k] == "to" and k > cue.lo and lower[k - 1] in REFUSALS):
            return True
    return False


REFUSALS = ("declined", "declines", "refused", "refuses", "refusing", "declining")


# What a verb of asking asks: "questioned whether ...", "asked how ...".
WH_WORDS = ("whether", "if", "how", "why", "what", "who", "when", "where", "which")


# Words before a figure that put it at about, at least or at most: "at about 40", "at more than 300".
FIGURE_LEADS = frozenset(("about", "around", "roughly", "some", "nearly", "almost", "over", "more", "less", "fewer", "than",
                          "least", "most", "up", "to", "between", "as", "many", "high", "low", "a"))


def estimate_frame(view: View, k: int, hi: int) -> Optional[Range]:
    """The count and figure a verb of estimating puts on it, from ``k``: "the death toll from the
    attack | at 23", "the number of displaced at 1.2 million" (``estimate_nouns``); else None."""
    lower, words = view.lower, view.words
    j = k + 1 if k < hi and lower[k] in DETERMINERS | {"its", "their", "his", "her", "our"} else k
    if not any(lower[n] in ESTIMATE_NOUNS for n in range(j, min(hi, j + 3))):
        return None
    at = next((n for n in range(j + 1, min(hi, j + 26)) if lower[n] == "at" or words[n] in (".", ";", ":", "?", "!")), None)
    if at is None or lower[at] != "at":
        return None
    n = at + 1
    while n < hi and lower[n] in FIGURE_LEADS and n - at < 5:
        n += 1
    if n >= hi or not (words[n][:1].isdigit() or lower[n] in NUMBER_WORDS):
        return None
    while n + 1 < hi and (lower[n + 1] in NUMBER_WORDS or words[n + 1][:1].isdigit()):
        n += 1  # "1.2 million", "two hundred"
    return trim(view, k, n + 1)


def governs(view: View, entry: dict, k: int, hi: int) -> bool:
    """A preposition the verb governs at ``k`` with something after it ("spoke of | a betrayal")."""
    return k + 1 < hi and view.lower[k] in entry.get("particles", ()) and not is_punct(view.words[k + 1])


def asks_only(view: View, k: int, hi: int) -> bool:
    """What a governed particle introduces at ``k`` is only what the source was sent: "a request
    for comment", "repeated calls", "the agency's emailed queries" stop at a request noun
    (``request_nouns`` of words.jsonl) within four words, before any punctuation but a possessive."""
    for j in range(k, min(k + 4, hi)):
        if view.lower[j] in REQUEST_NOUNS:
            return True
        if is_punct(view.words[j]) and view.lower[j] not in ("'", "’", "'s", "’s"):
            return False
    return False


def names_something(view: View, content: Range) -> bool:
    """What follows a verb of naming is an object and its name: a quotation ("the raid “a
    massacre”") or "a/an ..." after the object ("him a liar"), never "a meeting" or "up"."""
    s, e = content
    if view.lower[s] in ("up", "off", "in", "back", "out", "for", "on", "a", "an", "to", "upon"):
        return False
    return any(view.words[k] in QUOTES for k in range(s + 1, e)) or any(
        view.lower[k] in ("a", "an") for k in range(s + 1, min(e, s + 12))) or names_bare(view, content)


def quote_ends_before(view: View, k: int, lo: int) -> bool:
    """A quotation closes right before token ``k`` ("“...,” | she said", "“...” , | she said")."""
    j = k - 1
    if j >= lo and view.words[j] == ",":
        j -= 1
    if not (j >= lo and j in view.close_at and view.words[j] in QUOTES):
        return False
    opening = view.close_at[j]
    # a title in a phrase is no quotation of what was said: "On Tuesday's episode of “The Morning Show,” she said ..."
    return not (opening - 1 >= lo and view.lower[opening - 1] in TITLE_PREPOSITIONS)


# Words before a quoted title ("an episode of “...”", "in “...”", "the show called “...”").
TITLE_PREPOSITIONS = frozenset(("of", "on", "in", "from", "at", "called", "titled", "entitled", "named"))


def skip_after_cue(view: View, entry: dict, i: int, hi: int) -> Tuple[int, Optional[Range], List[Range]]:
    """Skip the addressee, time and channel after a cue: "told CNN on Sunday that". Returns where
    the reported part can start, the addressee (a medium) and the sources of ", citing X"."""
    lower, words = view.lower, view.words
    addressee: Optional[Range] = None
    via: List[Range] = []
    i = start = space_after(view, i, hi)
    if entry.get("addressee") and i < hi and lower[i] in OBJECT_PRONOUNS:
        addressee = (i, i + 1)  # "told me, “...”", "warned them that ..."
        i += 1
    elif entry.get("addressee") and i < hi and lower[i] not in ("that", "of") and words[i] not in QUOTES:
        np = np_after(view, i, hi)
        if np and entry["lemma"] == "tell":
            np = addressee_cut(view, np)  # "told reporters | the clinic was hit"
        if np and (entry["lemma"] == "tell" or (np[1] < hi and lower[np[1]] == "that")):
            addressee = np
            i = np[1]
    if addressee is None and i + 2 < hi and lower[i] == "to" and lower[i + 1] not in ("be", "have"):
        np = np_after(view, i + 1, hi)
        if np and np[1] < hi and lower[np[1]] == "that":
            addressee, i = np, np[1]  # "confirmed to AFP that ...", "said to reporters that ..."
    asked = asked_whom(view, entry, i, hi) if addressee is None else None
    if asked is not None:
        addressee, i = asked, asked[1]  # "asks him | about his tax returns", "asked the envoy | about"
    for _ in range(6):
        if i >= hi:
            break
        if i in view.stop_at:
            i = past_frame(view, i, hi)  # the frame assignment picks the frame up
            continue
        if words[i] == "," and i + 2 < hi and lower[i + 1] in ("citing", "quoting"):
            np = np_after(view, i + 2, hi)
            if np:
                via.append(np)
                i = np[1]
                continue
        if words[i] == "," and i + 1 < hi and (lower[i + 1] in ("that",) or (i + 1) in view.stop_at):
            i += 1
            continue
        if lower[i] in ("or", "nor") and i + 1 < hi and lower[i + 1] in view.cue_forms:
            i += 2  # "would neither confirm | nor deny | the report", "would not confirm or deny"
            continue
        aside = as_aside_end(view, i, hi)
        if aside is not None:
            i = aside  # "said, as it did on Friday, | that ...", "cautioned, as did the ministry, | that ..."
            continue
        named = channel_name(view, i, hi) if (addressee or i > start) else None
        if named:
            i = named  # "said on state radio, KBC, that ...": the channel's name between commas
            continue
        if lower[i] in ("also", "again", "publicly", "separately", "repeatedly") or (
                manner_adverb(view, i, start - 1) and governs(view, entry, i + 1, hi)):
            i += 1  # "spoke emotionally | of the siege"
            continue
        break
    return i, addressee, via


# The longest aside between a cue and its "that": ", as did the Clinton campaign itself,".
AS_ASIDE_MAX = 10


def as_aside_end(view: View, i: int, hi: int) -> Optional[int]:
    """Where the "that" after an aside of comparison at ``i`` stands (", as it did on Friday, |
    that ...", ", as did the ministry itself, | that ..."), or None when no such aside opens there."""
    words = view.words
    if words[i] != "," or i + 2 >= hi or view.lower[i + 1] != "as":
        return None
    close = next((k for k in range(i + 2, min(hi, i + AS_ASIDE_MAX)) if is_punct(words[k]) and words[k] not in ("'s", "’s")), None)
    if close is None or words[close] != "," or close + 1 >= hi or view.lower[close + 1] != "that":
        return None
    return close + 1


OBJECT_PRONOUNS = ("me", "us", "him", "her", "them", "you")
# Words that open a second noun phrase after an addressee: the subject of a clause without "that".
CLAUSE_SUBJECT_OPENERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "some",
                                    "several", "many", "most", "all", "no", "both", "at", "more", "about", "nearly"))


# Words after which a determiner or figure goes on the addressee: "the head of the mission", "troops
# near the border", "Al Jazeera's reporter", "the Foreign and the Defence ministries".
NOT_BEFORE_SUBJECT = frozenset(("of", "'s", "’s", "and", "or", "the", "in", "on", "at", "near", "from", "for", "with",
                                "to", "by", "about", "across", "inside", "outside", "around", "along", "during", "into"))


def addressee_cut(view: View, np: Range) -> Range:
    """The addressee of "tell" without the subject of the clause after it when no "that" stands
    between them: "told reporters | the clinic was hit", "told the BBC | 12 soldiers died" (a
    determiner or a figure after a noun, not after "of" or a possessive, opens the clause)."""
    lower, doc = view.lower, view.doc
    for k in range(np[0] + 1, np[1]):
        if (lower[k] in CLAUSE_SUBJECT_OPENERS or doc[k].like_num) and lower[k - 1] not in NOT_BEFORE_SUBJECT:
            return np[0], k
    return np


def channel_name(view: View, comma: int, hi: int) -> Optional[int]:
    """After a channel, the name of it between commas (", KBC,", ", Radio Okapi,"): the token after
    the second comma, else None."""
    if view.words[comma] != ",":
        return None
    np = np_after(view, comma + 1, hi)
    if np is None or np[1] >= hi or view.words[np[1]] != "," or np[1] - np[0] > 4:
        return None
    return np[1] + 1 if all(is_cap(view.words[k]) for k in range(np[0], np[1])) else None


# Words that open the subject of a clause: "said on Telegram | it had ...", "| the army had ...": the
# openers of a second noun phrase after an addressee, a subject pronoun, "there", "our" (not "this",
# "these", "those": "said on Telegram this week").
CLAUSE_SUBJECTS = frozenset(PRONOUNS) | {"there", "our"} | (CLAUSE_SUBJECT_OPENERS - {"this", "these", "those"})


def clause_starts(view: View, k: int, hi: int) -> bool:
    """Does a clause start at ``k``: a subject ("it", a determiner, a figure or a name), then its
    finite verb (:func:`finite_after_subject`: "it had", "the strike killed", "it destroyed")?"""
    if not (view.lower[k] in CLAUSE_SUBJECTS or view.words[k][:1].isdigit() or is_cap(view.words[k])):
        return False
    return finite_after_subject(view, k, hi)


def past_frame(view: View, i: int, hi: int) -> int:
    """The end of the time or channel phrase at ``i``, with its "on X"/"with X" ("in an interview
    with CNN on Sunday")."""
    lower, words = view.lower, view.words
    time_end = next((e for s, e, kind in view.frame_spans if s == i and kind == "time"), None)
    if time_end is not None:
        return min(time_end, hi)  # "said Monday | the raid had failed": a time phrase ends where it ends
    channel_end = next((e for s, e, kind in view.frame_spans if s == i and kind != "time"), None)
    if channel_end is not None and channel_end < hi and clause_starts(view, channel_end, hi):
        return channel_end  # "said on Telegram | it had destroyed ...", "said in a statement | the army had ..."
    j = i + 1
    while j < hi and j not in view.stop_at and not is_punct(words[j]) and lower[j] != "that" and j - i < 8:
        if lower[j] in ("on", "with") and j + 1 < hi and is_cap(words[j + 1]):
            j += 2
            continue
        if is_cap(words[j]) and lower[j - 1] in ("on", "with"):
            j += 1
            continue
        if lower[j] in ("on", "with", "to", "in"):
            break
        j += 1
    if j < hi and lower[j] in ("on", "with") and j + 1 < hi:
        np = np_after(view, j + 1, hi)
        if np:
            j = np[1]
    return j


def after_cue(view: View, rec: Record, entry: dict, i: int, hi: int) -> int:
    """:func:`skip_after_cue` for ``rec``: its addressee becomes its medium, the cited sources its via."""
    after_start, addressee, via = skip_after_cue(view, entry, i, hi)
    if addressee is not None:
        rec.medium = addressee
    rec.via.extend(via)
    return after_start


# ---------------------------------------------------------------------------- phrase cues
def according_cue(lex: Lexicons, view: View, s: int, e: int, lo: int, hi: int) -> Optional[Record]:
    """ "according to X": X is the source; the content is the longer side of the sentence."""
    rec = Record((s, e), "according")
    rec.source = np_after(view, e, hi)
    if rec.source is None:
        return None
    rec.source = extend_source(lex, view, rec.source, hi)
    if rec.source[1] < hi and view.words[rec.source[1]] == "," and is_cap(view.words[rec.source[0]]):
        rec.source = according_appositives(view, rec.source, s > lo and not rest_is_punct(view, lo, s), hi)
    after = rec.source[1]
    if after + 2 < hi and view.lower[after + 1] == "by" and view.lower[after] in ("reported", "cited", "quoted", "estimated", "carried"):
        carrier = np_after(view, after + 2, hi)  # "according to estimates reported by Channel 12"
        after = carrier[1] if carrier else after
    while after < hi and view.words[after] == ",":
        after += 1
    before = content_before(view, s, lo) if s > lo else None
    rest = content_after(view, after, hi) if not rest_is_punct(view, after, hi) else None
    if before and rest and view.lower[rest[0]] in CONTINUATIONS:
        rec.content = before
    elif before and rest:
        # "The gunmen, according to the police, belong to ...": the longer side.
        rec.content = rest if (rest[1] - rest[0]) >= (before[1] - before[0]) else before
    else:
        rec.content = rest or before
    return rec


def according_appositives(view: View, src: Range, said_before: bool, hi: int) -> Range:
    """A name after "according to" with its appositives ("according to Ahmed Salim, a spokesman for
    the ministry, | 12 soldiers died"): :func:`.chunker.appositives_after`, where the last one
    is followed by a comma and more, or ends the sentence when what was said stands before the cue
    (never "According to X, | the attack resulted in ...": that is what was said)."""
    wider = appositives_after(view, src, hi)
    while wider[1] > src[1] and (clause_like(view, src[1] + 1, wider[1]) or not (
            (wider[1] + 1 < hi and view.words[wider[1]] == "," and not rest_is_punct(view, wider[1] + 1, hi))
            or (said_before and rest_is_punct(view, wider[1], hi)))):
        wider = src[0], max(k for k in range(src[1], wider[1]) if view.words[k] == ",")
    return wider


def clause_like(view: View, s: int, e: int) -> bool:
    """Do the words ``s:e`` hold a finite verb past their first two: a modal, a form of "be",
    "have", "do", or a past tense not right after an article ("the attack | resulted in ...", not "a
    retired general")?"""
    lower = view.lower
    return any(lower[k] in FINITE_MARKS or lower[k] in IRREGULAR_PASTS or (
        lower[k].endswith("ed") and lower[k - 1] not in ("a", "an", "the")) for k in range(s + 1, e))


def extend_source(lex: Lexicons, view: View, src: Range, hi: int) -> Range:
    """A source after "according to" with what belongs to it: "the Displacement Tracking Matrix
    (DTM)", "residents and local media", "an officer who was informed of the move"."""
    words, lower = view.words, view.lower
    s, e = src
    if e + 2 < hi and words[e] == "(" and words[e + 2] == ")" and words[e + 1].isupper():
        return s, e + 3
    if e + 1 < hi and lower[e] == "and":
        more = np_after(view, e + 1, hi)
        if (more and (more[1] >= hi or is_punct(words[more[1]]))
                and lex.typer.classify(view.doc[more[0]:more[1]].text).source_type != "unknown"):
            return s, more[1]
    if e + 2 < hi and (lower[e] in SOURCE_PARTICIPLES and lower[e + 1] == "by" or lower[e] == "by"):
        owner = np_after(view, e + 2 if lower[e] != "by" else e + 1, hi)  # "information gathered by
        if owner:  # our intelligence services", "a new report by the Institute for War Studies"
            return s, owner[1]
    if e + 1 < hi and lower[e] in SOURCE_PARTICIPLES:
        when = next((fe for fs, fe, kind in view.frame_spans if fs == e + 1 and kind == "time"), None)
        if when is not None and (when >= hi or is_punct(words[when])):
            return s, when  # "a poll released last week"
    if e + 1 < hi and lower[e] in ("who", "that") and (lower[e + 1] in BE | {"has", "have", "had"} or lower[e + 1].endswith("ed")):
        k = e
        while k < hi and not is_punct(words[k]) and k - e < 12:
            k += 1
        if k - e < 12 and (k >= hi or words[k] in (",", ".")):
            return s, k
    return s, e


def citing_cue(view: View, label: str, s: int, e: int, hi: int) -> Optional[Record]:
    """ "citing X" / "cited by X": a record to attach to the attribution it belongs to
    (:func:`.sentence.attach_citing`), or None without an X."""
    rec = Record((s, e), label)
    rec.source = np_after(view, e, hi)
    if rec.source is not None and label == "citing":
        head = next((k for k in range(rec.source[0], rec.source[1]) if view.lower[k] == "of"), rec.source[1]) - 1
        if view.lower[head] in CITED_REASONS:
            return None  # "declined to elaborate, citing operational matters": a reason, no source
    return rec if rec.source else None


def sourceless_cue(view: View, s: int, e: int, lo: int, hi: int) -> Record:
    """ "reportedly", "is said to": no source; the content is the clause the cue stands in."""
    rec = Record((s, e), "sourceless")
    rec.content = clause_around(view, s, e, lo, hi)
    return rec


def impersonal_cue(view: View, s: int, e: int, hi: int) -> Record:
    """ "it was reported that": the cue is the participle (annotation guidelines); "there are reports
    that": the noun."""
    cue = e - 1 if view.lower[e - 1] != "that" else e - 2
    rec = Record((cue, cue + 1), "impersonal")
    rec.content = content_after(view, cue + 1, hi)
    return rec


def past_colon(view: View, colon: int, hi: int) -> int:
    """Where what a colon introduces ends: ``hi``, or the end of the next sentence when the colon
    closes its sentence (a parser ends sentences there: "OFFICIAL: | Hey, good morning.")."""
    if not all(is_punct(view.words[k]) for k in range(colon + 1, hi)):
        return hi
    nxt = view.sent_of(colon) + 1
    return view.sent_ends[nxt] if nxt < len(view.sent_ends) else hi


def colon_cue(lex: Lexicons, view: View, i: int, lo: int, hi: int) -> Optional[Record]:
    """A headline colon after a source: "Kyiv officials: new brigades gather near the river"."""
    named = speech_noun_colon(view, i, lo, hi)
    if named is not None:
        return named  # "The ministry made the following statement: ..."
    if i - lo > 10 or i == lo:
        return None
    label = turn_label(view, i, lo)
    if label is not None:
        # A speaker's turn in a transcript: "MARSH: The convoy was hit."; a label of several words keeps
        # the reports inside its turn (transcript_turns), as a colon record does.
        rec = Record((i, i + 1), "turn" if label[1] - label[0] == 1 else "colon")
        rec.source = label
        end = line_end(view, i + 1)
        rec.content = trim(view, i + 1, end)  # the whole turn, to the end of its line
        if i - 2 >= 0 and view.words[i - 2] in QUOTES:
            rec.parts = quoted_paragraphs(view, end)
        return rec if rec.content else None
    quoted = i + 1 < hi and (view.words[i + 1] in QUOTES or view.words[i + 1] in ("‘", "'"))  # single quotes too
    src = np_before(view, i, lo)
    if (src is None or src[0] != lo) and quoted:
        src = speaker_on_lowercase_topic(view, i, lo)
    if src is None or src[0] != lo:
        return None
    content = content_after(view, i + 1, past_colon(view, i, hi))
    if content is None:
        return None
    on_topic = speaker_on_topic(lex, view, src, lo, quoted)
    if on_topic is not None:
        rec = Record((on_topic, i + 1), "colon")  # "Kyiv Mayor on Blackouts:": the topic is in the cue
        rec.source = (src[0], on_topic)
        rec.content = single_quoted_inside(view, content) if quoted else content
        return rec
    finding = headline_finding(view, src, lo)
    if not finding and topic_before_colon(lex, view, src, quoted):
        return None
    info = lex.typer.classify(view.doc[src[0]:src[1]].text)
    if info.source_type == "unknown" and not (info.anonymous or quoted or finding or headline_speaker(view, src, lo)):
        return None
    if src[1] - src[0] == 1 and info.source_type == "government" and not quoted and view.lower[src[0]] not in STATE_BODIES:
        return None  # a headline's topic, not a speaker: "Somalia: 20 killed in blast"
    if src[1] - src[0] == 1 and view.words[src[0]].isupper() and len(view.words[src[0]]) > 4 and info.source_type in ("media", "unknown"):
        return None  # a transcript's speaker label: "CORRESPONDENT: ...", "ANCHOR: ..."
    rec = Record((i, i + 1), "colon")
    rec.source = src
    rec.content = single_quoted_inside(view, content) if quoted else content
    return rec


def speaker_on_topic(lex: Lexicons, view: View, src: Range, lo: int, quoted: bool) -> Optional[int]:
    """The "on" of a headline's speaker and topic before its colon ("Kyiv Mayor on Blackouts: 'Hardest
    Winter Yet'", "Ruiz on the Ceasefire: ...", "Ruiz on truce talks: 'We will ...'"), when the words before it name a speaker: a body or
    role the source tables know, a name that speaks in the story, or any name before a quotation."""
    k = next((k for k in range(src[0] + 1, src[1] - 1) if view.lower[k] == "on"), None)
    if k is None or not (is_cap(view.words[k + 1]) or view.lower[k + 1] == "the" or quoted):
        return None  # a lowercase topic only before a quotation: "Netanyahu on truce talks: 'We will ...'"
    speaker = (src[0], k)
    known = lex.typer.classify(view.doc[speaker[0]:speaker[1]].text).source_type != "unknown"
    named = all(is_cap(view.words[j]) for j in range(*speaker))
    return k if known or (named and (quoted or headline_speaker(view, speaker, lo))) else None


def speaker_on_lowercase_topic(view: View, i: int, lo: int) -> Optional[Range]:
    """ "Netanyahu on truce talks: 'We will ...'": a headline's speaker, "on" and a topic in lowercase
    before a colon and a quotation; the words from ``lo`` to the colon when a noun phrase opens the
    line and ends at "on" (:func:`speaker_on_topic` then decides whether it names a speaker)."""
    k = next((k for k in range(lo + 1, min(i - 1, lo + 6)) if view.lower[k] == "on"), None)
    if k is None or any(is_punct(view.words[j]) for j in range(k + 1, i)):
        return None
    speaker = np_before(view, k, lo)
    return (lo, i) if speaker is not None and speaker[0] == lo else None


def single_quoted_inside(view: View, rng: Range) -> Range:
    """The inside of a content that is one quotation in single quotes, which the quote pairing
    leaves alone (a straight one is also an apostrophe): "Zelensky: 'We Will Win'" → `We Will Win`."""
    s, e = rng
    if e - s > 2 and view.words[s] in ("'", "‘") and view.words[e - 1] in ("'", "’"):
        return trim(view, s + 1, e - 1) or rng
    return rng


# Words that open the noun phrase of a speech noun before a colon: "made | the following statement:".
SPEECH_NOUN_OPENERS = frozenset(("the", "a", "an", "this", "these", "its", "his", "her", "their", "my", "our", "one"))


def speech_noun_colon(view: View, i: int, lo: int, hi: int) -> Optional[Record]:
    """A clause that names what is said before its colon ("The ministry made the following
    statement: “...”", "The commander gave a short answer: ...", "I had to change my answer: ..."):
    the verb group to the colon is the cue, the clause's subject the source (``speech_nouns``)."""
    lower, words = view.lower, view.words
    if i - 2 <= lo or lower[i - 1] not in SPEECH_NOUNS:
        return None
    d = next((k for k in range(i - 2, max(lo, i - 6) - 1, -1) if lower[k] in SPEECH_NOUN_OPENERS), None)
    if d is not None and d - 2 > lo and (lower[d - 1] in ("him", "her", "them", "us", "me") or is_cap(words[d - 1])):
        d -= 1  # "gave the envoy | a short answer:": the addressee
    if d is None or d - 1 <= lo or not words[d - 1].isalpha() or not words[d - 1].islower() or lower[d - 1] in NP_STOP:
        return None
    v = d - 1
    while v - 1 > lo and (lower[v - 1] in VERB_GROUP or lower[v - 1] == "to"):
        v -= 1  # "had to | change my answer:", "has | issued this warning:"
    src = (v - 1, v) if lower[v - 1] in PRONOUNS else np_before(view, v, lo)
    content = content_after(view, i + 1, past_colon(view, i, hi))
    if src is None or content is None or not (
            opens_clause(view, lo, src) or lower[src[0] - 1] in CONTINUATIONS | {"that"} or words[src[0] - 1] in QUOTES | {","}):
        return None
    rec = Record((v, i + 1), "colon")
    rec.source = src
    rec.content = content
    return rec


def quoted_paragraphs(view: View, k: int) -> List[Range]:
    """The paragraphs from ``k`` on that go on a quoted turn ('"MARSH: ... | "But ... | "And ...'):
    each opens with a quotation mark and no other speaker's label or stage direction ("(LAUGHTER)")."""
    parts: List[Range] = []
    while True:
        while k < view.n and view.words[k].isspace():
            k += 1
        if k + 1 >= view.n or view.words[k] not in QUOTES or view.words[k + 1] == "(" or is_label(view, k + 1):
            return parts
        end = line_end(view, k + 1)
        part = trim(view, k + 1, end)
        if part is None:
            return parts
        parts.append(part)
        k = end


def headline_finding(view: View, src: Range, lo: int) -> bool:
    """ "Poll: ...", "Survey: ...": a finding that opens a headline or paragraph speaks through it
    (``headline_findings``)."""
    return (src[1] - src[0] == 1 and view.lower[src[0]] in HEADLINE_FINDINGS and is_cap(view.words[src[0]])
            and starts_line(view, lo))


def topic_before_colon(lex: Lexicons, view: View, src: Range, quoted: bool) -> bool:
    """A section heading or kicker, no speaker: "Source: ...", "Little Relief for Refugees: ...",
    "Frustration with police: ..." (the head of the phrase, before "of", "for", "with" ..., names
    no role or body: capitalized words of a title-case heading are no name unless that name speaks
    in the story)."""
    s, e = src
    if e - s == 1 and view.lower[s] in TRANSCRIPT_ROLES:
        return True
    if quoted:
        return False
    head = next((k for k in range(s + 1, e) if view.lower[k] in POST_MODIFIERS), e)
    if lex.typer.matches(normalize(view.doc[s:head].text)):
        return False
    return head < e or not headline_speaker(view, src, s)


def headline_speaker(view: View, src: Range, lo: int) -> bool:
    """A short name opening a headline or paragraph before a colon ("Halvorsen: Blockade Will
    Last a Week") that speaks elsewhere in the document ("Halvorsen said", "said Halvorsen"); a
    place or topic ("Kherson: ...") never does."""
    s, e = src
    if e - s > 3 or not starts_line(view, lo):
        return False
    if not all(is_cap(view.words[k]) and view.words[k].isalpha() for k in range(s, e)) or view.lower[s] in TRANSCRIPT_ROLES:
        return False
    name, forms = view.words[e - 1], view.cue_forms
    return any(view.words[k] == name and ((k + 1 < view.n and view.lower[after_tag(view, k + 1)] in forms)
                                          or (k > 0 and view.lower[k - 1] in forms))
               for k in range(e + 1, min(view.n, e + HEADLINE_REACH)))


def after_tag(view: View, k: int) -> int:
    """The token after a bracketed tag that starts at ``k`` ("Pence (R-Ind.) said"), else ``k``."""
    if view.words[k] != "(":
        return k
    close = next((j for j in range(k + 1, min(view.n, k + 8)) if view.words[j] == ")"), None)
    return close + 1 if close is not None and close + 1 < view.n else k


# How far after a headline's colon its speaker is looked for (tokens): the story under it, never
# the whole of a long document for every colon.
HEADLINE_REACH = 2000


def is_label(view: View, k: int) -> bool:
    """A name in capitals before a colon that opens a paragraph (after its opening quote, if any):
    "MARSH:", never a role or a kicker ("PRESENTER:", "QUESTION:", "UPDATE:": ``transcript_roles``)."""
    word = view.words[k]
    if not (k + 1 < view.n and view.words[k + 1] == ":" and len(word) > 1 and word.isalpha() and word.isupper()):
        return False
    if view.lower[k] in TRANSCRIPT_ROLES:
        return False
    j = k - 1 if k > 0 and view.words[k - 1] in QUOTES else k
    return starts_line(view, j)


# A line that opens with a speaker label in capitals, one word or several ("MARSH:", "MARWA ELSHERIF:").
_LABEL_LINE = re.compile(r"(?m)^[\"“']?[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4}:")


def turn_label(view: View, i: int, lo: int) -> Optional[Range]:
    """The speaker label before the colon at ``i`` that opens a transcript turn: one name in capitals
    (:func:`transcript_label`) or several words in capitals that open the line ("MARWA ELSHERIF:",
    "MAJ. GEN. SAAD AL-JUBOURI:"; no role or kicker first: "UNIDENTIFIED MALE:", "BREAKING NEWS:"),
    in a document with another such label. None otherwise."""
    if transcript_label(view, i - 1, lo):
        return (i - 1, i)
    s = lo + 1 if view.words[lo] in QUOTES else lo
    if i - s < 2 or label_colon(view, s) != i or view.lower[s] in TRANSCRIPT_ROLES:
        return None
    labels = _LABEL_LINE.finditer(view.doc.text)
    return (s, i) if next(labels, None) is not None and next(labels, None) is not None else None


def transcript_label(view: View, k: int, lo: int) -> bool:
    """``k`` is a speaker's name in a transcript: a label (:func:`is_label`) that opens its
    sentence, in a document with another such label."""
    if not (k == lo or (k == lo + 1 and view.words[lo] in QUOTES)) or not is_label(view, k):
        return False
    return any(is_label(view, j) for j in range(view.n - 1) if j != k and view.words[j + 1] == ":")


_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def parse_clause(token, entry: dict) -> bool:
    """Does the parse give the cue verb a reported clause? A belief or evidence verb reports a
    finite clause only ("believe the army will ...", not "expect the truce to hold", "the
    footage shows soldiers crossing"); a verb of saying reports an infinitive only where its entry
    says so ("vowed to retaliate"; "asked to see the footage" is a request)."""
    if entry.get("cue_type", "speech") == "speech":
        deps = ("ccomp", "xcomp") if entry.get("infinitive") else ("ccomp",)
        return any(c.dep_ in deps for c in token.children)
    return any(c.dep_ == "ccomp" and _finite(c) and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in token.children)


def _finite(verb) -> bool:
    """A clause with a tensed verb or modal: "will stall", "has lost", "is"."""
    return verb.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)
