"""``conflict_attribution``: who says what.

Finds every act of reporting in a Doc: the cue ("said", "according to", "citing",
"reportedly", a headline colon), its source, the content, and the channel, time and
intermediate sources. Writes the cue spans to a span group and one plain dict per attribution
to ``doc._.conflict_attributions`` (see the contract's Attribution table and ``docs/attribution.md``).

The package, in reading order:

- :mod:`.factory` (config -> component) and :mod:`.component` (the spaCy shell);
- :mod:`.lexicons` (the five rule tables, checked and compiled), :mod:`.words` (domain word
  lists from ``components/attribution/words.jsonl``), :mod:`.grammar` (closed-class sets),
  :mod:`.patterns` (time and "it was reported" token patterns);
- :mod:`.sentence` (one sentence's records) over :mod:`.cues` (one function per cue case),
  :mod:`.chunker` (the source noun phrase), :mod:`.content` (what was said), :mod:`.frames`
  (times and channels), all reading a :class:`.view.View` of the Doc;
- :mod:`.output` (the Attribution dicts), :mod:`.resolve` (pronouns and antecedents),
  :mod:`.sources` (source typing, pure), :mod:`.scorer`.
"""

from .component import NAME, AttributionDetector, Lexicon
from .factory import make_conflict_attribution
from .lexicons import (
    CUE_FIELDS, CUE_LABELS, LEXICONS, MEDIUM_FIELDS, OUTLET_FIELDS, PHRASE_FIELDS, PHRASE_KINDS, SOURCE_TYPE_FIELDS,
)
from .output import records_to_dicts, set_attributions
from .patterns import TokenPatterns, longest_first
from .scorer import make_attribution_scorer, score_attribution
from .sources import SourceInfo, SourceTyper

__all__ = [
    "NAME", "AttributionDetector", "CUE_FIELDS", "CUE_LABELS", "LEXICONS", "Lexicon", "MEDIUM_FIELDS",
    "OUTLET_FIELDS", "PHRASE_FIELDS", "PHRASE_KINDS", "SOURCE_TYPE_FIELDS", "SourceInfo", "SourceTyper",
    "TokenPatterns", "longest_first", "make_attribution_scorer", "make_conflict_attribution",
    "records_to_dicts", "score_attribution", "set_attributions",
]
