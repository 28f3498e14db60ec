"""Custom attributes that conflictnlp writes on Docs and Spans: the one registry.

Every name has the prefix ``conflict_`` so that no other library's attribute clashes with ours
(``Span._.conflict_count``, not ``Span._.count``). All values are plain data (ints, strings,
lists, dicts, char offsets), stored in ``doc.user_data``, so they survive ``doc.to_bytes()``,
``DocBin(store_user_data=True)``, ``pickle`` and ``nlp.pipe(n_process=2)``. Registration is
idempotent: re-running a notebook cell or re-importing a module never raises.

The short names of earlier versions (``span._.count``, ``doc._.claims``, ``sent._.certainty``,
...; :data:`ALIASES`) stay for one release as deprecated aliases: reading or setting one works
on the new name and warns once (``DeprecationWarning``, naming the new name). They are
registered when a conflictnlp component is built (not on import, so that a library imported
later can still register the name), and never over another library's attribute: a name that
is taken is skipped with a one-time warning, and the new name works all the same.
:func:`remove_aliases` gives the short names back, for a library that registers them later.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span

# name -> default, for each object type. Defaults are immutable (None) so that no
# list is shared between Docs; components always assign fresh values.
DOC_EXTENSIONS = {
    "conflict_attributions": None,  # list of Attribution dicts (conflict_attribution)
    "conflict_claims": None,  # list of Claim dicts (conflict_claims)
}
SPAN_EXTENSIONS = {
    "conflict_count": None,  # Count dict without its offsets (conflict_counts)
    # conflict_hedging, on every sentence; with its span_keys, certainty and cues also on the
    # spans of those groups (the values of the sentence each span starts in)
    "conflict_certainty": None,  # str of schema.CERTAINTY_LEVELS
    "conflict_hedged": None,  # bool
    "conflict_hedge_score": None,  # float 0..1
    "conflict_hedge_cues": None,  # list of cue dicts {"start","end","text","type"}
}
# Deprecated short name -> (Doc or Span, new name). Kept for one release.
ALIASES = {
    "attributions": (Doc, "conflict_attributions"),
    "claims": (Doc, "conflict_claims"),
    "count": (Span, "conflict_count"),
    "certainty": (Span, "conflict_certainty"),
    "hedged": (Span, "conflict_hedged"),
    "hedge_score": (Span, "conflict_hedge_score"),
    "hedge_cues": (Span, "conflict_hedge_cues"),
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


def install_aliases(*new_names: str) -> None:
    """Register the deprecated short names of ``new_names`` (all of them without arguments),
    skipping, with a one-time warning, a short name that another library has registered."""
    for old, (cls, new) in ALIASES.items():
        if new_names and new not in new_names:
            continue
        if cls.has_extension(old):
            if not _is_alias(cls, old):
                _warn_taken(cls.__name__, old, new)
            continue
        cls.set_extension(old, getter=AliasGetter(cls.__name__, old, new), setter=AliasSetter(cls.__name__, old, new))


def remove_aliases() -> None:
    """Unregister our deprecated short names (never another library's)."""
    for old, (cls, _new) in ALIASES.items():
        if cls.has_extension(old) and _is_alias(cls, old):
            cls.remove_extension(old)


def _is_alias(cls, name: str) -> bool:
    """Is extension ``name`` of ``cls`` one of our aliases (not another library's)?"""
    return isinstance(cls.get_extension(name)[2], AliasGetter)


class AliasGetter(NamedTuple):
    """Reads the deprecated ``owner._.old`` from ``owner._.new`` and warns once. A module-level
    class, not a closure, so that spaCy can send the registry to worker processes (pickle)."""

    owner: str
    old: str
    new: str

    def __call__(self, obj):
        _warn_deprecated(self.owner, self.old, self.new)
        return getattr(obj._, self.new)


class AliasSetter(NamedTuple):
    """Writes the deprecated ``owner._.old`` to ``owner._.new`` and warns once."""

    owner: str
    old: str
    new: str

    def __call__(self, obj, value) -> None:
        _warn_deprecated(self.owner, self.old, self.new)
        setattr(obj._, self.new, value)


@lru_cache(maxsize=None)
def _warn_deprecated(owner: str, old: str, new: str) -> None:
    # stacklevel: this function, the alias's __call__, spaCy's Underscore, the caller
    warnings.warn(
        f"{owner}._.{old} is deprecated and will be removed in the next release; use {owner}._.{new}",
        DeprecationWarning, stacklevel=4,
    )


@lru_cache(maxsize=None)
def _warn_taken(owner: str, old: str, new: str) -> None:
    warnings.warn(
        f"conflictnlp: {owner}._.{old} is registered by another library, so conflictnlp leaves it alone "
        f"and writes {owner}._.{new} only", UserWarning, stacklevel=3,
    )


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
            key = doc[1:3]._._get_key("conflict_certainty")
        except AttributeError:  # a spaCy whose Underscore no longer has this helper
            key = None
        _KEYS_MATCH = key == ("._.", "conflict_certainty", 2, 5)
    return _KEYS_MATCH
