"""Participles and gerunds of saying (issue 14, sixth pass): the speaker of the clause a gerund
hangs on when that clause does not open the sentence with its subject ("In August, several aid
groups granted ..., saying", "He then defended the remark, saying", "Regional leaders who ...
have embraced the plan, warning that")."""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from .chunker import appositive_source, np_after, skip_lead
from .grammar import DETERMINERS, PRONOUNS, QUOTES, SKIP_BEFORE_CUE
from .view import Range, View, is_cap, is_punct
from .words import DAYS, GERUND_HOSTS, MONTHS, OCCASION_NOUNS, RECORDING_NOUNS

# Finite verbs and auxiliaries that show the clause's own verb right after its subject.
FINITE = frozenset(("has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "did", "does",
                    "do", "should", "must", "may", "might"))
# Words that open a phrase before the subject, up to a comma ("In August, ...", "During a speech, ...").
OPENERS = frozenset(("in", "on", "at", "during", "after", "before", "since", "following", "despite", "with", "amid",
                     "under", "for", "from", "by", "over", "as", "while", "when", "earlier", "later", "last", "this",
                     "meanwhile", "however", "instead", "still", "now", "then", "but", "and", "so", "yet", "also",
                     "unlike", "like", "throughout", "within", "through", "speaking", "asked", "writing"))
# Lowercase words that open a subject after an opening phrase ("In August, several aid groups ...").
QUANTIFIERS = frozenset(("several", "many", "most", "both", "all", "other", "two", "three", "four", "five", "some",
                         "few", "each", "one", "dozens", "hundreds", "thousands"))


def gerund_speaker(view: View, lo: int, end: int, irregular: frozenset) -> Optional[Range]:
    """The subject of the clause that ends at ``end`` (the comma or link before a gerund of
    saying), past an opening phrase, with its appositive or relative clause; None when no
    subject followed by its verb is found. The last clause after ", and"/", but"/";" counts
    ("The army withdrew, and the rebels advanced, saying")."""
    for start in reversed(clause_starts(view, lo, end)):
        for s in subject_starts(view, start, end):
            subj = subject_with_verb(view, s, end, irregular)
            if subj is not None:
                return subj
    return None


def clause_starts(view: View, lo: int, end: int) -> List[int]:
    """Where the clauses of ``lo:end`` start: the sentence, and after ";" or ", and"/", but"."""
    words, lower = view.words, view.lower
    starts = [skip_lead(view, lo, end)]
    for k in range(lo, end - 1):
        if words[k] == ";" or (words[k] == "," and lower[k + 1] in ("and", "but")):
            starts.append(k + 1)
    return starts


def subject_starts(view: View, start: int, end: int) -> List[int]:
    """Where a subject may open the clause at ``start``: there, past a time phrase or a linking
    word, and after each comma of an opening phrase ("In a column on the eve of the talks, | ...")."""
    words, lower = view.words, view.lower
    out = []
    s = start
    while s < end and (lower[s] in ("and", "but", "so", "yet", "then", "meanwhile", "however") or words[s] == ","):
        s += 1
    when = next((e for f0, e, kind in view.frame_spans if f0 == s and kind == "time"), None)
    if when is not None:
        s = when + (1 if when < end and words[when] == "," else 0)  # "On March 3 they published ..."
    out.append(s)
    # after a comma, past a closing quotation mark: '“...,” | Blige sings to the general before asking'
    out.extend(k + 2 if k + 2 < end and (k + 1) in view.close_at else k + 1
               for k in range(s, min(end, s + 30)) if words[k] == ",")
    return out


def subject_with_verb(view: View, s: int, end: int, irregular: frozenset) -> Optional[Range]:
    """The subject that opens ``s:end`` when its verb follows it, else None."""
    words, lower = view.words, view.lower
    if s >= end or lower[s] in OPENERS and lower[s] not in PRONOUNS:
        return None
    if lower[s] in PRONOUNS:
        subj: Optional[Range] = (s, s + 1)
    elif is_cap(words[s]) or lower[s] in DETERMINERS or lower[s] in QUANTIFIERS or words[s].isdigit() or (
            words[s].isalpha() and lower[s].endswith("s") and len(lower[s]) > 3 and lower[s] not in view.cue_forms):
        subj = np_after(view, s, end)
    else:
        return None
    if subj is not None:  # "The colonel | kept saying": an irregular past the chunker does not stop at
        subj = (subj[0], next((k for k in range(subj[0] + 1, subj[1]) if lower[k] in irregular), subj[1]))
    while subj is not None and subj[1] - 1 > subj[0] and lower[subj[1] - 1] in SKIP_BEFORE_CUE:
        subj = (subj[0], subj[1] - 1)  # "villagers | often say"
    if subj is None or subj[1] >= end:
        return None
    k = subj[1]
    if lower[k] == "and" and k + 1 < end and (is_cap(words[k + 1]) or lower[k + 1] in DETERMINERS):
        other = np_after(view, k + 1, end)  # "Two newspapers and a broadcaster filed ..."
        if other is not None and other[1] < end:
            subj, k = (subj[0], other[1]), other[1]
    if words[k] == ",":
        return appositive_subject_before(view, subj, k, end, irregular)
    if lower[k] in ("who", "that", "which"):
        return relative_subject(view, subj, k, end, irregular)
    if verb_at(view, k, end, irregular):
        return subj
    # "Blige sings to the general before asking": a present tense the chunker kept in the phrase
    cut = next((j for j in range(subj[0] + 1, subj[1]) if present_verb(view, j)), None)
    return (subj[0], cut) if cut is not None else None


def present_verb(view: View, j: int) -> bool:
    """A present tense inside a noun phrase the chunker read: a verb tag when the Doc is tagged,
    else a lowercase -s word right after a one-word name ("Blige | sings")."""
    token = view.doc[j]
    if token.tag_:
        return token.tag_ in ("VBZ", "VBD", "VBP")
    w = view.words[j]
    return (w.islower() and w.isalpha() and w.endswith("s") and not w.endswith("ss") and len(w) > 3
            and is_cap(view.words[j - 1]) and (j - 2 < 0 or not is_cap(view.words[j - 2])))


def appositive_subject_before(view: View, subj: Range, comma: int, end: int, irregular: frozenset) -> Optional[Range]:
    """ "Novak, a former general, then appeared ...": the subject with its appositive (the
    insert alone when it says what the subject was doing: "Novak, touring the front, said")."""
    close = next((k for k in range(comma + 1, min(end, comma + 26)) if view.words[k] == ","), None)
    if close is None or not verb_at(view, close + 1, end, irregular):
        return None
    return appositive_source(view, close, subj[0]) or subj


def relative_subject(view: View, subj: Range, rel: int, end: int, irregular: frozenset) -> Optional[Range]:
    """ "Regional leaders who have been the strongest opponents of the truce | have embraced ...":
    the subject with its relative clause, up to the auxiliary of the main verb."""
    lower = view.lower
    first = next((k for k in range(rel + 1, min(end, rel + 4)) if verb_at(view, k, end, irregular)), None)
    if first is None:
        return None
    k = first + 1
    while k < end and lower[k] in FINITE | {"been", "being"}:
        k += 1
    main = next((j for j in range(k + 1, end) if lower[j] in FINITE and lower[j - 1] not in ("to", "that", "who", "which")
                 and lower[j - 1] not in FINITE), None)
    return (subj[0], main) if main is not None else None


def verb_at(view: View, k: int, end: int, irregular: frozenset) -> bool:
    """A finite verb (or its auxiliary) at ``k``, past adverbs and a time phrase ("then appeared",
    "recently appealed", "in 2015 sent")."""
    lower, words = view.lower, view.words
    for _ in range(4):
        if k >= end:
            return False
        when = next((e for f0, e, kind in view.frame_spans if f0 == k and kind == "time"), None)
        if when is not None:
            k = when
        elif lower[k] in ("in", "on", "since") and k + 1 < end and (lower[k + 1] in MONTHS or lower[k + 1] in DAYS or (
                words[k + 1].isdigit() and len(words[k + 1]) == 4)):
            k += 2  # "A group of medics in 2019 sent ...": a date the time patterns leave to the cue
        elif lower[k] in SKIP_BEFORE_CUE - FINITE or (lower[k].endswith("ly") and len(lower[k]) > 4 and words[k].islower()):
            k += 1
        else:
            break
    if k >= end:
        return False
    w, low = words[k], lower[k]
    if low in FINITE or low in irregular or (low in view.cue_forms and w.islower()):
        return True
    token = view.doc[k]
    if token.tag_:
        return token.tag_ in ("VBD", "VBZ", "VBP", "MD")
    return w.isalpha() and w.islower() and low.endswith("ed") and len(low) > 3


def speaker_like(lex: Any, view: View, src: Optional[Range]) -> bool:
    """``src`` can promise or threaten: a personal pronoun, a name, or a source the lexicon types
    ("The militia"); not "The storm" or "The fighting" ("..., threatening to flood the delta")."""
    if src is None:
        return False
    words = view.words
    if src[1] - src[0] == 1 and (view.lower[src[0]] in PRONOUNS - {"it"} or is_cap(words[src[0]])):
        return True
    if any(is_cap(words[k]) for k in range(src[0] + 1, src[1])):
        return True
    return lex.typer.classify(view.doc[src[0]:src[1]].text).source_type != "unknown"


# Adverbs between a comma and a gerund of saying: ", even suggesting", ", again saying".
GERUND_ADVERBS = frozenset(("even", "also", "again", "then", "later", "repeatedly", "once", "now", "still", "further",
                            "publicly", "falsely", "often", "twice"))
# Words that give a second gerund its own subject: "..., each touting X and saying ...".
OWN_SUBJECTS = frozenset(("each", "both", "all", "neither", "either"))


def comma_before(view: View, g: int, lo: int) -> Optional[int]:
    """The comma right before a gerund at ``g``, past adverbs (", even suggesting") and a closing
    quotation mark after it ('"...," adding that'); None when there is none."""
    words, lower = view.words, view.lower
    k = g - 1
    while k > lo and (lower[k] in GERUND_ADVERBS or (lower[k].endswith("ly") and len(lower[k]) > 4 and words[k].islower())):
        k -= 1
    if k > lo and k in view.close_at and words[k - 1] == ",":
        k -= 1
    return k if k >= lo and words[k] == "," else None


def chained_gerund(view: View, g: int, lo: int) -> Optional[Tuple[int, Optional[Range]]]:
    """ "..., (each) touting their record and | saying ...": a gerund after "and" whose first
    conjunct is a gerund after a comma. Returns that comma and the conjuncts' own subject ("each"),
    or None."""
    words, lower = view.words, view.lower
    if g - 2 <= lo or lower[g - 1] != "and":
        return None
    comma = next((k for k in range(g - 2, max(lo, g - 25) - 1, -1) if is_clause_mark(words[k])), None)
    if comma is None or words[comma] != ",":
        return None
    s = comma + 1
    own = (s, s + 1) if lower[s] in OWN_SUBJECTS else None
    first = s + 1 if own else s
    w = words[first]
    if first < g - 1 and w.islower() and w.isalpha() and w.endswith("ing") and len(w) > 4:
        return comma, own
    return None


def is_clause_mark(w: str) -> bool:
    return w in (",", ";", ":", ".") or w in QUOTES


def recorded_speaker(view: View, g: int, lo: int) -> Optional[Tuple[Range, Range]]:
    """ "footage of the general | asking, “...”": the speaker before a gerund of saying, after
    "of" and a recording noun (``words.jsonl`` ``recording_nouns``), and the recording; else None."""
    of = next((k for k in range(g - 2, max(lo, g - 7), -1) if view.lower[k] == "of"), None)
    if of is None or view.lower[of - 1] not in RECORDING_NOUNS:
        return None
    src = np_after(view, of + 1, g)
    return (src, (of - 1, of)) if src is not None and src[1] == g else None


# Words that open a short phrase between a gerund and its comma and quotation ("saying during
# the debate last week, “...”").
FRAME_OPENERS = frozenset(("during", "in", "at", "on", "after", "before", "last", "this", "earlier", "later"))


def quote_after(view: View, k: int, hi: int) -> Optional[int]:
    """The opening quotation mark after a comma at ``k`` ("tweeting, “...”"), or after a short
    phrase of time or occasion and a comma ("saying during the debate, “...”"); else None."""
    words = view.words
    if k < hi and view.lower[k] in FRAME_OPENERS:
        k = next((j for j in range(k + 1, min(hi, k + 8)) if is_punct(words[j]) or words[j] in QUOTES), hi)
    if k + 1 < hi and words[k] == "," and words[k + 1] in QUOTES and (k + 1) in view.open_at:
        return k + 1
    return None


# Words before a participle of saying that opens a sentence: "After saying ..., the medic ...".
OPENING_LINKS = frozenset(("after", "before", "while", "when", "since", "despite", "by"))


def opening_participle(view: View, g: int, e: int, lo: int, hi: int, irregular: frozenset) -> Optional[Tuple[Range, int]]:
    """ "Claiming that the border was secure, | the minister refused ...": a participle of saying
    (``g``; its cue ends at ``e``) that opens the sentence, alone or after "after", "while" ... .
    Returns the subject after the phrase's comma and where the phrase ends (that comma, or the
    closing quote after it: 'Bemoaning the "rigged system," | Novak ...'); else None."""
    start = skip_lead(view, lo, g + 1)
    if not (g == start or (g - 1 == start and view.lower[start] in OPENING_LINKS)):
        return None
    words, k, tried = view.words, e, 0
    while k < hi and tried < 4:
        close = view.open_at.get(k)
        if close is not None:
            if close + 1 < hi and words[close - 1] == ",":
                tried += 1
                subj = subject_with_verb(view, close + 1, hi, irregular)
                if subj is not None:
                    return subj, close + 1
            k = close + 1
            continue
        if words[k] in (";", ":", ".") or words[k] in QUOTES:
            return None
        if words[k] == ",":
            tried += 1
            subj = subject_with_verb(view, k + 1, hi, irregular)
            if subj is not None:
                return subj, k
        k += 1
    return None


def gerund_host(view: View, g: int, lo: int) -> Optional[int]:
    """Where the clause ends that a gerund without a comma hangs on: after a verb of perceiving or
    going on ("can be heard | yelling", "kept | saying": ``words.jsonl`` ``gerund_hosts``), or before
    the noun phrase of an occasion ("she said | at a news conference | announcing":
    ``occasion_nouns``); None otherwise ("a banner saying" has no speaker)."""
    lower = view.lower
    if g - 1 > lo and lower[g - 1] in GERUND_HOSTS:
        return g
    if g - 1 > lo and lower[g - 1] in OCCASION_NOUNS:
        k = g - 2
        while k > lo and not is_punct(view.words[k]) and lower[k] not in ("at", "in", "during", "to") and g - k < 7:
            k -= 1
        return k if k > lo and lower[k] in ("at", "in", "during", "to") else None
    return None


def to_addressee(view: View, e: int, hi: int) -> Optional[Range]:
    """The addressee after "to" when "that" follows it ("yelling | to the soldiers | that ..."), or None."""
    if e + 1 >= hi or view.lower[e] != "to":
        return None
    np = np_after(view, e + 1, hi)
    return (e + 1, np[1]) if np is not None and np[1] < hi and view.lower[np[1]] == "that" else None
