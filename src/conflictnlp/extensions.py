"""Custom attributes that conflictnlp writes on Docs and Spans.

All values are plain data (ints, strings, lists, dicts, char offsets), stored in
``doc.user_data``, so they survive ``doc.to_bytes()``, ``DocBin(store_user_data=True)``,
``pickle`` and ``nlp.pipe(n_process=2)``. Registration is idempotent: re-running a
notebook cell or re-importing a module never raises.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# name -> default, for each object type. Defaults are immutable (None) so that no
# list is shared between Docs; components always assign fresh values.
DOC_EXTENSIONS = {
    "attributions": None,  # list of Attribution dicts (conflict_attribution)
    "claims": None,  # list of Claim dicts (conflict_claims)
}
SPAN_EXTENSIONS = {
    "count": None,  # Count dict without its offsets (conflict_counts)
    "certainty": None,  # "certain" | "probable" | "possible" | "unverified" (conflict_hedging, on sentences)
    "hedged": None,  # bool (conflict_hedging, on sentences)
    "hedge_score": None,  # float 0..1 (conflict_hedging, on sentences)
    "hedge_cues": None,  # list of cue dicts {"start","end","text","type"} (conflict_hedging, on sentences)
    # conflict_hedging's span_keys: the certainty and cue dicts of the sentence a user's span starts in
    "conflict_certainty": None,  # str of schema.CERTAINTY_LEVELS
    "conflict_hedge_cues": None,  # list of cue dicts {"start","end","text","type"}
}


def install_extensions() -> None:
    """Register every conflictnlp extension that is not registered yet."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


install_extensions()


class SpanValues:
    """Writes span extension values for many spans of one Doc.

    ``span._.name = value`` builds an ``Underscore`` object and stores the value in
    ``doc.user_data`` under ``("._.", name, span.start_char, span.end_char)``. For a
    component that writes several values on every sentence, building those objects costs
    more than its rules, so this writer stores the values under the same keys directly,
    which is what ``span._`` reads back. It falls back to ``span._`` when an extension has
    a setter or getter (a user re-registered it) or when the installed spaCy keys span
    values differently (checked once, on a probe Doc).
    """

    __slots__ = ("_direct", "_names")

    def __init__(self, names) -> None:
        self._names = tuple(names)
        self._direct = _user_data_keys_match() and all(_plain(name) for name in self._names)

    def set(self, span: Span, values) -> None:
        """Store ``values`` (in the order of ``names``) as ``span._`` values."""
        if self._direct:
            user_data, start, end = span.doc.user_data, span.start_char, span.end_char
            for name, value in zip(self._names, values):
                user_data[("._.", name, start, end)] = value
        else:
            ext = span._
            for name, value in zip(self._names, values):
                setattr(ext, name, value)


def _plain(name: str) -> bool:
    """Is the span extension ``name`` a plain stored value (no getter, setter or method)?"""
    if not Span.has_extension(name):
        return False
    _default, method, getter, setter = Span.get_extension(name)
    return method is None and getter is None and setter is None


_KEYS_MATCH = None


def _user_data_keys_match() -> bool:
    """Does this spaCy store ``span._`` values under ``("._.", name, start_char, end_char)``?"""
    global _KEYS_MATCH
    if _KEYS_MATCH is None:
        from spacy.vocab import Vocab

        doc = Doc(Vocab(), words=["a", "b", "c"], spaces=[True, True, False])
        try:
            key = doc[1:3]._._get_key("certainty")
        except AttributeError:  # a spaCy whose Underscore no longer has this helper
            key = None
        _KEYS_MATCH = key == ("._.", "certainty", 2, 5)
    return _KEYS_MATCH
