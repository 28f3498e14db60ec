"""Verbs and nouns of questioning and asking (issue 14, sixth pass b).

"The opposition questioned the casualty figures" reports what it put in doubt, the object; "police
questioned three suspects" is an interrogation and reports nothing. A noun-or-verb form ("question",
"questions") is a verb on a blank pipeline after a name, a role or a pronoun and before a determiner
or a name ("Kovacs questions the neutrality of the monitors"; never "the question of sovereignty",
"without question", "the people in question").
"""

from __future__ import annotations

from typing import Optional, Tuple

from .grammar import DETERMINERS, NP_STOP, POSSESSIVE, PRONOUNS, QUOTES
from .content import trim
from .view import Range, View, is_cap, is_punct
from .words import INTERROGATED, VERB_GROUP

# Pronouns and numbers that open an interrogated object: "questioned him", "questioned three men".
_PERSON_OBJECTS = frozenset(("me", "us", "him", "her", "them", "you", "everyone", "anyone", "somebody", "someone"))
_NUMBERS = frozenset(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "dozens", "hundreds", "several", "many", "both", "all", "each", "one"))
# Before a plural subject: "Some veterans | question", "Many residents | question".
_QUANTIFIERS = DETERMINERS | frozenset(("many", "most", "several", "few", "other", "both", "all"))
# Where the head of an object noun phrase ends: "the count | of the displaced".
_HEAD_END = frozenset(("of", "about", "over", "on", "in", "at", "for", "after", "before", "with", "from", "who",
                       "whom", "that", "which", "and", "or", "to", "during", "by", "amid", "as", "if", "when"))


def interrogated(view: View, content: Range) -> bool:
    """Is the object of a verb of questioning a person, so that the verb is an interrogation
    ("questioned three suspects", "questioned him", "questioned Petrov", "questioned the driver")?
    A possessive in the phrase makes it a thing ("questioned Moscow's account")."""
    lower, words = view.lower, view.words
    s, e = content
    if lower[s] in _PERSON_OBJECTS or lower[s] in _NUMBERS or words[s][:1].isdigit():
        return True
    k = s
    while k < e and not (is_punct(words[k]) or lower[k] in _HEAD_END):
        if lower[k] in POSSESSIVE or words[k].endswith(("'", "’")):
            return False
        k += 1
    if k == s:
        return False
    head = lower[k - 1]
    named = all(is_cap(words[j]) for j in range(s, k) if lower[j] not in DETERMINERS)
    return head in INTERROGATED or named


def verb_by_position(view: View, i: int, lo: int, hi: int, subject_word, wh_words) -> bool:
    """Is the noun-or-verb form at ``i`` a verb by its neighbours on a blank pipeline: a name, a
    role (``subject_word``) or a pronoun before it, also across ", however,", and a determiner, a
    possessive pronoun, a name or "whether", "how" ... after it ("Some veterans, however, question the wisdom of ...")?"""
    lower, words = view.lower, view.words
    if i + 1 >= hi or not (lower[i + 1] in DETERMINERS or lower[i + 1] in wh_words or is_cap(words[i + 1])):
        return False
    k = i - 1
    if k - 2 >= lo and words[k] == "," and words[k - 2] == ",":
        k -= 3  # "Some Democrats, however, | question"
    if k < lo:
        return False
    return lower[k] in PRONOUNS or is_cap(words[k]) or subject_word(lower[k]) or (
        lower[k].endswith("s") and k - 1 >= lo and (lower[k - 1] in _QUANTIFIERS or is_cap(words[k - 1])))


def questioned_object(view: View, entry: dict, content: Optional[Range], wh_words) -> Optional[bool]:
    """For a verb of questioning that reports its object (``question`` and ``object`` in its entry):
    False where the object is a person (an interrogation, no report), True where it is a thing, None
    where it does not apply (no content, a "whether"/"how" clause, another verb)."""
    if content is None or not (entry.get("question") and entry.get("object")) or view.lower[content[0]] in wh_words:
        return None
    return not interrogated(view, content)


# Words that open a subordinate clause before the main one: "If the inspectors have questions about
# the dossier, | they should say so".
_SUBORDINATORS = frozenset(("if", "when", "whenever", "while", "after", "before", "as", "since", "because",
                            "although", "though", "unless", "once", "until"))


def subordinate_topic(view: View, lo: int, cue_start: int, content: Optional[Range]) -> Optional[Range]:
    """What a governed particle introduces ends at the comma that closes a subordinate clause the
    sentence opens with ("When the poll asked about the four candidates, | the governor led")."""
    if content is None:
        return None
    words = view.words
    k = lo
    while k < cue_start and (words[k] in ("“", '"', "‘", "(") or words[k].isspace()):
        k += 1
    if k >= cue_start or view.lower[k] not in _SUBORDINATORS or any(words[j] == "," for j in range(k, cue_start)):
        return content
    comma = next((j for j in range(content[0] + 1, content[1]) if words[j] == ","), None)
    return content if comma is None else trim(view, content[0], comma)


# Openers of a sentence-initial participle of asking: "Asked about ...", "When asked whether ...".
_ASKED_OPENERS = frozenset(("when", "if", "once", "after", "while", "as"))


def asked_whom(view: View, entry: dict, i: int, hi: int) -> Optional[Range]:
    """Whom a verb of asking asks, between it and its governed particle or its "whether", "how" ...
    clause: "asks him | about", "asked the envoy | whether" (a pronoun, or a noun phrase of up to six
    words without punctuation), or None. A verb of questioning does not ask a suspect: "questioned
    three suspects about the bombing" is an interrogation (:func:`interrogated`)."""
    if not (entry.get("question") and entry.get("particles")) or i >= hi:
        return None
    lower, words = view.lower, view.words
    opens = set(entry["particles"]) | _ASKED_CLAUSES
    if lower[i] in _PERSON_OBJECTS:
        end = i + 1
    else:
        end = i
        while end < min(hi, i + 6) and not (is_punct(words[end]) and lower[end] not in POSSESSIVE) and (
                lower[end] not in NP_STOP and lower[end] not in opens):
            end += 1
    if end == i or end + 1 >= hi or lower[end] not in opens or is_punct(words[end + 1]):
        return None
    if entry.get("object") and interrogated(view, (i, end)):
        return None
    return i, end


# What an addressee of asking may be asked: "asked the envoy | whether ..." (never "who", a relative:
# "asked residents who saw the attack to come forward").
_ASKED_CLAUSES = frozenset(("whether", "if", "how", "why", "what", "when", "where"))


def opening_question(view: View, entry: dict, i: int, e: int, lo: int, hi: int, wh_words) -> Optional[Tuple[int, Range]]:
    """A participle of asking that opens its sentence or stands between commas after its subject,
    with no asker named: "Asked about the strike, the spokesman said ...", "When asked whether the
    road was open, ...", "The envoy, asked about the convoy, said ...". Returns where the cue ends
    (with its particle) and what was asked, up to the comma; None where it does not apply."""
    lower, words = view.lower, view.words
    k = lo
    while k < i and (words[k] in QUOTES or words[k].isspace()):
        k += 1
    inserted = i - 1 > lo and words[i - 1] == ","  # "The envoy, | asked about the convoy, | said ..."
    if not (entry.get("question") and lower[i] == "asked") or not (
            k == i or k + 1 == i and lower[k] in _ASKED_OPENERS or inserted):
        return None
    particle = e < hi and lower[e] in entry.get("particles", ())
    if not (particle or e < hi and lower[e] in wh_words):
        return None
    start = e + 1 if particle else e
    comma = next((j for j in range(start + 1, hi) if words[j] == ","), None)
    if inserted and k != i and (comma is None or comma + 1 >= hi or not (
            lower[comma + 1] in view.cue_forms or lower[comma + 1] in VERB_GROUP)):
        return None  # "The envoy, a veteran, asked about the convoy, then left": the envoy asked
    content = trim(view, start, comma) if comma is not None else None
    return (e + 1 if particle else e, content) if content else None


def asking_quote(view: View, entry: dict, i: int, e: int, lo: int, hi: int) -> Optional[Tuple[Optional[Range], Range]]:
    """A gerund of asking before the question it quotes, whom it asks in between ("before asking
    them, “...?”", "asking her: “...?”", "the commander asking, “...?”"). Returns the word range
    before the gerund that may name the asker (or None when a comma or a colon stands there) and the
    quotation; None where it does not apply."""
    lower, words = view.lower, view.words
    if not (entry.get("question") and lower[i].endswith("ing")) or e >= hi:
        return None
    k = e + 1 if lower[e] in _PERSON_OBJECTS else e
    if k < hi and words[k] in (",", ":"):
        k += 1
    close = view.open_at.get(k) if k < hi and words[k] in QUOTES else None
    if close is None or k == e:
        return None
    quote = trim(view, k + 1, close)
    if quote is None:
        return None
    return (None if i - 1 < lo or is_punct(words[i - 1]) else (lo, i)), quote


def asker_before(view: View, i: int, lo: int, role_word) -> Optional[Range]:
    """The person named right before a gerund of asking: a run of capitalized words ("Colonel
    Marsh"), or a role (``role_word``) with its determiner ("the commander"); None otherwise."""
    words, lower = view.words, view.lower
    j = i - 1
    if j < lo:
        return None
    if is_cap(words[j]):
        while j - 1 >= lo and (is_cap(words[j - 1]) or words[j - 1] == "." and j - 2 >= lo and is_cap(words[j - 2])):
            j -= 1
        return (j, i) if j > lo or not lower[j] in DETERMINERS else None
    if not (words[j].isalpha() and role_word(lower[j])):
        return None
    return (j - 1, i) if j - 1 >= lo and lower[j - 1] in DETERMINERS else (j, i)


def asked_passive(view: View, entry: dict, e: int, hi: int, wh_words) -> Optional[Range]:
    """What a passive of asking asks: "The envoy was asked | about the convoy", "He was asked |
    whether ..."; None where neither a governed particle nor a "whether"/"how" ... follows, and for a
    verb of questioning ("Two men were questioned over the attack" is an interrogation)."""
    if not entry.get("question") or entry.get("object") or e + 1 >= hi:
        return None
    if view.lower[e] in entry.get("particles", ()) and not is_punct(view.words[e + 1]):
        return e + 1, hi
    return (e, hi) if view.lower[e] in wh_words else None
