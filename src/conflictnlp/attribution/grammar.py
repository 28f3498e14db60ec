"""Closed-class grammar sets of ``conflict_attribution``: quotes, punctuation, determiners,
auxiliaries, pronouns and the function words the chunker and the clause finder stop at.

Domain word lists (months, title words, claim nouns ...) are data: see :mod:`.words`.
"""

from __future__ import annotations

OPEN_QUOTES = {"“", "«", "„", "``"}
CLOSE_QUOTES = {"”", "»"}
# '' is the closing (and, in some archives, also the opening) mark of two-apostrophe quotes
STRAIGHT_QUOTES = {'"', "''"}
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
TRIM = {".", ",", ";", ":", "!", "?", "…", "...", "—", "–", "-", "(", ")"}
# A question or exclamation mark is part of what was said; a full stop or comma is not.
TRIM_END = TRIM - {"?", "!", "?!", "!?"}

BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
POSSESSIVE = ("'s", "’s")
# Possessive pronouns that own a nominal cue: "his claim that ...".
OWNER_PRONOUNS = ("his", "her", "their", "its")
# Between a source and its verb: "X also said", "X has repeatedly denied".
SKIP_BEFORE_CUE = {
    "also", "has", "have", "had", "later", "previously", "earlier", "again", "repeatedly",
    "publicly", "separately", "further", "then", "subsequently", "reportedly", "once", "twice",
    "recently", "first", "initially", "already", "officially", "privately", "both", "falsely",
    "will", "would", "could", "can", "ca", "may", "might", "did", "does", "do", "not", "n't", "n’t", "never", "had", "since", "far", "so",
    "always", "consistently", "categorically", "now", "strongly", "firmly", "flatly", "vehemently", "still",
    "formally", "openly", "quickly", "swiftly", "immediately", "emphatically", "long",
    "often", "sometimes", "frequently", "usually", "all", "each", "even", "just", "only", "once", "too",
    "here", "there",  # "villagers here say", "officials there told me"
    "together",  # "which together vowed"
    "neither", "either",  # "would neither confirm nor deny"
    "'ve", "’ve", "'d", "’d", "'ll", "’ll",  # "We've warned", "they'd said", "I'll say": a contracted auxiliary
}
DETERMINERS = {"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some"}
# Words that cannot be inside a source noun phrase.
NP_STOP = {
    "that", "which", "who", "whom", "whose", "where", "when", "while", "as", "because", "since", "after",
    "before", "if", "although", "though", "but", "or", "nor", "so", "yet", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could", "should",
    "may", "might", "must", "can", "not", "also", "then", "than", "to", "by", "on", "into", "over", "under",
    "about", "against", "there", "here", "it", "he", "she", "they", "we", "i", "you", "this", "said",
    "says", "told", "last", "yesterday", "today", "during", "amid", "despite", "until", "like", "however",
    "according", "citing", "what", "how", "why", "him", "them", "us", "me", "saying", "adding", "and", "in", "at",
}
INNER_PREPS = {"of", "for", "with", "from"}
# Words that continue the writer's sentence after "..., X said, ...": what follows is not X's.
CONTINUATIONS = {"though", "although", "but", "and", "as", "while", "whereas", "because", "with", "which", "when"}
CLAUSE_LINKS = {"but", "and", "while", "whereas", "as", "though", "although", "yet"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
NP_MAX = 14

# Prepositions before a channel word: "in a statement", "on its Telegram channel".
SPOKEN_PREPS = {"in", "at", "during", "via", "through"}
PLATFORM_PREPS = {"on", "via", "through", "to"}
PLATFORM_FILLERS = {"its", "his", "her", "their", "the", "a", "an", "official", "own"}
# Words that open a phrase between a cue and its "that": "said in a statement on Sunday that",
# "told us by phone that", "claimed in January 2025 that".
LEAD_FRAME = {
    "in", "on", "at", "during", "by", "via", "through", "from", "earlier", "later", "last", "this", "here",
    "there", "me", "us", "him", "her", "them", "reporters", "journalists", "yesterday", "today", "shortly",
    "again", "also", "publicly", "privately", "separately", "repeatedly", "previously", "recently", "a",
}
# A reported clause that is only one of these short phrases is a channel, not what was said.
FRAME_ONLY_START = {"by", "on", "in", "asking", "speaking", "earlier", "later", "us", "me", "him", "her",
                    "them", "this", "reporters", "journalists", "at"}
# Phrases that end a reported clause: a comment of the writer appended after a comma.
TAIL_LINKS = {"but", "though", "although", "whereas", "while"}
# Words that open a relative clause's verb right after "that": "the demands that | come with",
# "reports that | were denied" (a noun's relative clause, not a reported clause).
RELATIVE_VERB_WORDS = frozenset(("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
                                 "might", "come", "came", "seem", "seemed", "appear", "appeared", "remain", "remained"))
# "X stopped short of | calling ...", "X fell short of | saying ...": a verb group before a verb of saying.
SHORT_OF_VERBS = frozenset(("stop", "stops", "stopped", "stopping", "fell", "falls", "fall", "falling"))
