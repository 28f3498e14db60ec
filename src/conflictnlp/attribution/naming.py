"""Verbs of naming without "a/an" or a quotation: "called the charges baseless", "has called the
strikes war crimes", "would call them reckless gambles", "calls deserters ‘traitors’", "can call it
whatever you like".

What follows the verb is an object and the name given to it. Without a parse, the name is known by
its words: a pronoun object ("them", "it", "him") followed by a word that is no particle, time or
preposition ("called him back", "called them up", "called her on Friday" are no naming), or a
noun phrase after a determiner that ends, before a clause boundary, on a word of judgement
(``naming_predicates`` of ``words.jsonl``: "baseless", "unfounded", "war crimes", "propaganda") or
on a word with the ending of a judging adjective ("-less", "-ous", "-ful", "-ible", "-able").
"called the meeting", "called the national guard", "called the army's strategic reserve" name
nothing.
"""

from __future__ import annotations

from typing import Optional

from .chunker import np_after, np_before
from .content import content_after, trim
from .grammar import DETERMINERS, PRONOUNS, QUOTES
from .view import Range, Record, View, is_punct
from .words import NAMING_PREDICATES, VERB_GROUP

# Object pronouns a name can follow: "called them reckless", "call it whatever you like".
NAMED_PRONOUNS = frozenset(("them", "it", "him", "her", "us", "me", "you", "people"))
# After an object pronoun: a particle, a preposition or an adverb of the phone-call and
# summoning senses ("called him back", "called them up", "called it off", "called her at home").
NOT_A_NAME = frozenset((
    "up", "off", "in", "back", "out", "down", "over", "away", "forward", "together", "home", "quits",
    "for", "on", "to", "at", "from", "into", "about", "with", "by", "after", "before", "during", "and", "or",
    "but", "again", "twice", "yesterday", "today", "tonight", "late", "early", "then", "now", "when", "while",
    "as", "that", "if", "because", "immediately", "personally", "directly", "last", "this", "every", "each",
))
# Where the name of a determiner's noun phrase ends: the end of the clause or its next part.
NAME_ENDS = frozenset(("and", "or", "but", "because", "after", "when", "while", "by", "during", "in", "at", "for", "on",
                       "under", "to", "with", "from", "against", "since", "as", "given", "until", "amid"))
# The endings of judging adjectives ("baseless", "outrageous", "shameful", "irresponsible", "unacceptable").
JUDGING_ENDINGS = ("less", "ous", "ful", "ible", "able")
SINGLE_QUOTES = ("'", "‘", "’")


def names_bare(view: View, content: Range) -> bool:
    """Does ``content`` (what follows a verb of naming) give an object and a name without "a/an"
    or a double quotation mark? (see the module)"""
    s, e = content
    lower = view.lower
    if e - s < 2:
        return False
    if single_quoted_name(view, s, e):
        return True
    if lower[s] in NAMED_PRONOUNS:
        k = s + 1
        return (not is_punct(view.words[k]) and lower[k] not in NOT_A_NAME and not lower[k].endswith("ly")
                and not lower[k][0].isdigit() and not any(fs <= k < fe for fs, fe, _ in view.frame_spans))
    if lower[s] not in DETERMINERS or lower[s] in ("a", "an", "some"):
        return False
    return judged_end(view, s + 2, e) is not None


def judged_end(view: View, start: int, e: int):
    """The word of judgement that ends the determiner's phrase before a clause boundary, or None."""
    lower = view.lower
    for k in range(start, min(e, start + 5)):
        if is_punct(view.words[k]) or lower[k] in NAME_ENDS:
            return None
        if judging(lower[k]) and (k + 1 >= e or is_punct(view.words[k + 1]) or lower[k + 1] in NAME_ENDS):
            return k
    return None


def judging(word: str) -> bool:
    """A word of judgement: listed, or with a judging adjective's ending."""
    return word in NAMING_PREDICATES or (len(word) > 5 and word.endswith(JUDGING_ENDINGS))


def single_quoted_name(view: View, s: int, e: int) -> bool:
    """An object and a name in single quotation marks: "calls deserters ‘traitors’"."""
    for k in range(s + 1, min(e - 1, s + 5)):
        if view.words[k] in SINGLE_QUOTES and any(view.words[j] in SINGLE_QUOTES for j in range(k + 2, min(e, k + 6))):
            return not is_punct(view.words[k + 1])
    return False


# Before the bare form "call", the words of a verb: a modal, "to", a pronoun subject ("would call
# them", "to call it", "we call it"); anything else makes it the noun ("a phone call", "the call").
CALL_VERB_BEFORE = frozenset(VERB_GROUP | {"to", "they", "we", "you", "i", "who"})


def call_as_noun(form: str, prev: str, nxt: str) -> bool:
    """The bare form "call" where it is no verb ("took a call from a soldier"); before an object
    pronoun it is one ("Kyiv and Warsaw call them terrorists")."""
    return form == "call" and prev not in CALL_VERB_BEFORE and nxt not in NAMED_PRONOUNS


def time_before_for(view: View, k: int, hi: int) -> bool:
    """A time phrase at ``k`` and "for" right after it: "called | Friday | for", "called | on
    Tuesday | for". The time stays the record's time, "for" leaves the content."""
    end = next((fe for fs, fe, kind in view.frame_spans if fs == k and kind == "time"), None)
    return end is not None and end + 1 < hi and view.lower[end] == "for"


# Verbs that judge what they name: a passive of these reports without a source ("was criticized
# as a surrender", "has been criticized for its response", "is described as a massacre").
JUDGING_LEMMAS = {"criticize": ("as", "for"), "describe": ("as",), "characterize": ("as",)}


def passive_naming(view: View, rec: Record, entry: dict, form: str, be: int, e: int, lo: int, hi: int) -> Optional[Record]:
    """ "The offensive has been called a turning point (by analysts)", "was dubbed the butcher of
    Grozny", "is being criticized as a surrender", "has been criticized for its response": the
    subject and the name (after the particle) are the content, in two parts; the source is the
    one after "by", else null. None where the passive names nothing ("was called to the front",
    "was called up", "the meeting was called for Monday")."""
    lower = view.lower
    start = e
    if entry["lemma"] in JUDGING_LEMMAS:
        if e + 1 >= hi or lower[e] not in JUDGING_LEMMAS[entry["lemma"]]:
            return None
        start = e + 1  # the particle joins the cue
    elif not entry.get("naming") or not passive_name(view, e, hi, form):
        return None
    while be - 1 > lo and lower[be - 1] in VERB_GROUP:
        be -= 1  # "has been called", "have often been criticized": the verb group is the cue's
    subject, name = subject_before(view, be, lo), content_after(view, start, hi, keep_first=True)
    if subject is None or name is None or lower[name[0]] in view.cue_forms:
        return None  # "was criticized for saying ...": the gerund reports
    by = next((k for k in range(name[0] + 1, name[1] - 1) if lower[k] == "by" and not any(
        fs in (k, k + 1) for fs, _, _ in view.frame_spans)), None)
    if by is not None:
        rec.source = np_after(view, by + 1, hi)
        name = trim(view, name[0], by) or name
    rec.content = subject
    rec.parts.append(name)
    return rec


def subject_before(view: View, be: int, lo: int) -> Optional[Range]:
    """The subject of a passive that ends at ``be``: a pronoun or relative pronoun, else the noun
    phrase before it ("Although ..., they | have been criticized"), else the clause up to it."""
    if be - 1 >= lo and view.lower[be - 1] in SUBJECT_WORDS:
        return be - 1, be
    return np_before(view, be, lo) or trim(view, lo, be)


SUBJECT_WORDS = frozenset(PRONOUNS | {"which", "who", "that"})


def passive_name(view: View, k: int, hi: int, form: str) -> bool:
    """After a passive verb of naming at ``k``: a name. "called" needs "a/an", a quotation or a
    word of judgement ("has been called a turning point"); dubbed, labeled, branded any word but
    a particle or preposition."""
    lower = view.lower
    if k >= hi or is_punct(view.words[k]) and view.words[k] not in QUOTES or lower[k] in NOT_A_NAME:
        return False
    if not form.startswith("call"):
        return True
    return lower[k] in ("a", "an") or view.words[k] in QUOTES or any(judging(lower[j]) for j in range(k, min(hi, k + 3)))


# Verbs whose content is an object (a name, a request, what is judged), not a clause: it ends
# before a subordinate clause or an adjunct of the writer's ("called for a pause | as he visited
# the camp", "described the raid as a massacre | when he spoke", "criticized the deal | during a
# visit"), and every time or channel phrase that ends it is cut ("| in a statement on Thursday").
OBJECT_LEMMAS = frozenset(("call", "call for", "call on", "sound a call for", "criticize", "describe", "characterize"))
