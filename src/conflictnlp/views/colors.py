"""displaCy colours for conflictnlp's labels.

Registered through spaCy's ``spacy_displacy_colors`` entry point (see pyproject.toml), so
``displacy.render(..., style="span")`` colours our labels in any interpreter once the
package is installed. Standard library only: spaCy imports it while rendering.

Keys are label *kinds*: ``conflictnlp.render`` labels read "TROOPS ~50,000 · Russia" or
"SOURCE official · anonymous", and takes the colour of their first word.
"""

# Counts: warm colours by kind (troops and equipment cooler, losses red).
COUNT_COLORS = {
    "TROOPS": "#f6c453",
    "EQUIPMENT": "#f2a65a",
    "KILLED": "#ef6f6c",
    "WOUNDED": "#f49b9b",
    "CASUALTIES": "#f28482",
    "CAPTURED": "#d4a5e8",
    "MISSING": "#c9b6e4",
    "DISPLACED": "#e6b89c",
    "COUNT": "#f6c453",
}

# Attribution parts: blues and greens.
ATTRIBUTION_COLORS = {
    "CUE": "#7fb3ff",
    "SOURCE": "#5ec8c8",
    "CONTENT": "#c9e4ff",
    "MEDIUM": "#9be3a5",
    "TIME": "#d7f0c2",
    "VIA": "#a5d8d8",
}

# Hedging cues: grey-violet, so they stand apart from counts and sources.
HEDGE_COLORS = {
    "HEDGE": "#b8b3e9",
}

COLORS = {**COUNT_COLORS, **ATTRIBUTION_COLORS, **HEDGE_COLORS}

DEFAULT_COLOR = "#dddddd"


# The article view (views/article.py) only: what has no displaCy label.
# Reported content is underlined; hedged sentences get a tint by the certainty they signal.
CONTENT_UNDERLINE = "#3f7fd6"
CERTAINTY_COLORS = {
    "probable": "#f1eefb",
    "possible": "#e7e2f8",
    "unverified": "#ddd5f4",
}
LABEL_TEXT = "#2b2b2b"
LINK = "#1d5fb8"


def label_color(label: str) -> str:
    """The colour of a rendered label, from its first word ("TROOPS ~50,000" -> TROOPS)."""
    head = label.split(" ", 1)[0].upper()
    return COLORS.get(head, DEFAULT_COLOR)
