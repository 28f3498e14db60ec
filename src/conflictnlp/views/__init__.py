"""What people look at: :mod:`.compare` (figures across documents side by side, and a flat
table of claims), :mod:`.render` (one displaCy view of counts, attribution parts and hedge cues)
and :mod:`.colors` (displaCy colours for our labels, the ``spacy_displacy_colors`` entry point).

The public functions are ``conflictnlp.compare``, ``conflictnlp.claims_frame`` and
``conflictnlp.render``; this package only holds their modules (it re-exports nothing, so
``conflictnlp.views.compare`` stays the module).
"""
