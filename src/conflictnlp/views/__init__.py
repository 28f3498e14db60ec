"""What people look at: :mod:`.compare` (figures across documents side by side, and a flat
table of claims), :mod:`.render` (one view of counts, attribution parts and hedge cues: the
article view of :mod:`.article` by default, or displaCy's) and :mod:`.colors` (the colours of our
labels, also displaCy's through the ``spacy_displacy_colors`` entry point).

The public functions are ``conflictnlp.compare``, ``conflictnlp.claims_frame`` and
``conflictnlp.render``; this package only holds their modules (it re-exports nothing, so
``conflictnlp.views.compare`` stays the module).
"""
