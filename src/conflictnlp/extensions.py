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
