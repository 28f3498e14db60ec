"""``conflict_attribution``: who says what. The spaCy shell: it runs the algorithm of
:mod:`.sentence` over a Doc, stores the result (:mod:`.output`), scores, and saves and restores
its rule tables (:mod:`.lexicons`). With a trained model (:mod:`conflictnlp.tagging`), the
layer's cues, sources and contents go to the rules (:mod:`.learned`); without one the component
is its rules alone."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model

from .. import extensions  # noqa: F401  (registers Doc._.conflict_attributions)
from ..rules import PathLike, TableSetting, initialize_method
from ..schema import ATTRIBUTION_KEY, record_spans_key
from ..tagging import SpanTaggingPipe, Tagged
from .learned import ROLES, confirmed_records
from .lexicons import Lexicons, rule_set
from .objects import evidence_by_source
from .output import records_to_dicts, set_attributions
from .scorer import gold_parts, score_attribution
from .sentence import find_records
from .view import Record, View

NAME = "conflict_attribution"
# A lexicon setting: None (the bundled file), a path to a JSONL file, or the entries themselves.
Lexicon = Optional[Union[str, List[Dict[str, Any]]]]


class AttributionDetector(SpanTaggingPipe):
    """The ``conflict_attribution`` component. See ``docs/attribution.md``. ``model`` (null by
    default) is the trainable layer that tags cue, source and content tokens; it confirms reports
    the rules could not read (:mod:`.learned`)."""

    tag_labels = ROLES

    def __init__(
        self,
        nlp: Language,
        name: str = NAME,
        *,
        cues: Union[None, PathLike, List[dict]] = None,
        phrases: Union[None, PathLike, List[dict]] = None,
        mediums: Union[None, PathLike, List[dict]] = None,
        source_types: Union[None, PathLike, List[dict]] = None,
        outlets: Union[None, PathLike, List[dict]] = None,
        use_parser: bool = True,
        resolve_pronouns: bool = True,
        spans_key: str = ATTRIBUTION_KEY,
        scorer: Optional[Callable] = None,
        model: Optional[Model] = None,
        threshold: float = 0.5,
        new_cues: bool = False,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.setup_layer(nlp.vocab, model, threshold)
        self.new_cues = new_cues  # may a trained cue the lexicon lacks make a record (learned.py)?
        extensions.install_aliases("conflict_attributions")  # the deprecated short name "attributions"
        self.use_parser = use_parser
        self.resolve_pronouns = resolve_pronouns
        self.spans_key = spans_key  # the span group of the cues
        self.scorer = scorer
        self.rules = rule_set(name).load(
            {"cues": cues, "phrases": phrases, "mediums": mediums, "source_types": source_types, "outlets": outlets}
        )
        # A user file missing here (spacy.load builds from the config before from_disk restores
        # the saved tables) raises on the first Doc unless a saved copy replaced it.
        self._compile_rules()

    def _compile_rules(self) -> None:
        """The lookups of the rule tables (again after a restore or an edit)."""
        self.lexicons = Lexicons(self.nlp, self.rules.entries)

    @property
    def entries(self) -> Dict[str, List[dict]]:
        """The rule tables in use, by config key."""
        return self.rules.entries

    # ------------------------------------------------------------------ running
    def annotate(self, doc: Doc, tagged: List[Tagged]) -> None:
        """The rules' records of ``doc``, with the trained spans ``tagged`` given to them."""
        records: List[Record] = []
        view: Optional[View] = None
        lex = self.lexicons
        matches = lex.cue_matcher(doc) if len(doc) else []
        if matches:
            records, view = find_records(lex, doc, matches, self.use_parser)
        if tagged:
            confirmed = confirmed_records(lex, doc, records, tagged, self.new_cues, view)
            if confirmed:
                records = sorted(records + confirmed, key=lambda r: r.cue)
        items = records_to_dicts(doc, records, lex.typer, self.resolve_pronouns, view.text if view else None, lex.cue_types)
        evidence_by_source(lex, items)  # "the audit revealed ...": a document's verb of showing
        set_attributions(doc, items, self.spans_key, [r.cue for r in records])
        record_spans_key(doc, "attribution", self.spans_key)

    def gold_spans(self, example: Example) -> List[Tuple[int, int, str]]:
        """The reference's cues, sources and contents (the layer's training target)."""
        return gold_parts(example)

    @initialize_method
    def initialize(
        self, get_examples: Any = None, *, nlp: Any = None, cues: TableSetting = None, phrases: TableSetting = None,
        mediums: TableSetting = None, source_types: TableSetting = None, outlets: TableSetting = None,
    ) -> None:
        """Load the tables named in ``[initialize.components.conflict_attribution]`` (a path or
        the entries; null keeps a table), saved with the pipeline; with a model, a fresh one
        sized from ``get_examples`` (trained by the updates that follow)."""
        self.initialize_tables(cues=cues, phrases=phrases, mediums=mediums, source_types=source_types, outlets=outlets)
        self.initialize_layer(get_examples)

    def score(self, examples, **kwargs) -> Dict[str, Any]:
        """The configured scorer's scores (``conflictnlp.attribution_scorer.v1`` by default)."""
        scorer = self.scorer if self.scorer is not None else score_attribution
        return scorer(examples, **kwargs)

