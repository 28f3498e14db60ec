"""The spaCy shell of ``conflict_counts``: :class:`CountFinder` runs the reader over the tokens
that can start a quantity and writes the counts; its rule tables live in a
:class:`~conflictnlp.rules.RuleSet`, saved and restored with the pipeline. With a trained
model (:mod:`conflictnlp.tagging`), the layer's count phrases that the rules did not find are
read by the rules too (:mod:`.learned`); without one the component is its rules alone."""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import Model

from .. import schema
from ..extensions import SpanValues, install_aliases  # importing it registers Span._.conflict_count
from ..rules import RuleSource, TableSetting, initialize_method
from ..tagging import SpanTaggingPipe, Tagged
from .bounds import check_policy
from .learned import tagged_counts
from .reader import ReadOptions, read_counts
from .scorer import gold_counts, score_counts
from .tables import CountTables, make_rules

SPANS_KEY = schema.COUNTS_KEY


class CountFinder(SpanTaggingPipe):
    """Finds count phrases and normalizes them. See :mod:`conflictnlp.counts`. ``model`` (null
    by default) is the trainable layer that proposes count phrases labelled by kind."""

    tag_labels = schema.KINDS

    def __init__(
        self,
        nlp: Language,
        name: str = SPANS_KEY,
        *,
        tables: Optional[Dict[str, RuleSource]] = None,
        policy: Optional[Dict[str, Any]] = None,
        use_parser: bool = True,
        use_ner: bool = True,
        scorer: Optional[Callable] = None,
        spans_key: str = SPANS_KEY,
        model: Optional[Model] = None,
        threshold: float = 0.5,
    ) -> None:
        self.name = name
        install_aliases("conflict_count")  # the deprecated short name "count"
        self.setup_layer(nlp.vocab, model, threshold)
        self.make_doc = nlp.make_doc
        self.options = ReadOptions(check_policy(policy or {}), use_parser, use_ner)
        self.scorer = scorer
        self.spans_key = spans_key
        # A user file that is missing here may be restored by from_disk (a pipeline saved on
        # another machine): the rule set keeps the error and raises it on the first Doc.
        self.rules = make_rules().load(dict(tables or {}))
        self._compile_rules()

    def _compile_rules(self) -> None:
        """The lookups of the rule tables (again after a restore or an edit)."""
        self.tables = CountTables(self.rules.entries, self.vocab, self.make_doc)

    def annotate(self, doc: Doc, tagged: List[Tagged]) -> None:
        """The rules' counts of ``doc``, and those its candidates ``tagged`` add."""
        found = read_counts(self.tables, self.options, doc)
        if tagged:
            found = tagged_counts(self.tables, self.options, doc, found, tagged)
        self._write(doc, [(Span(doc, c.start, c.end, label=c.data["kind"]), c.data) for c in found])

    def _write(self, doc: Doc, found: List[Tuple[Span, Dict[str, Any]]]) -> None:
        doc.spans[self.spans_key] = [span for span, _ in found]
        schema.record_spans_key(doc, "counts", self.spans_key)
        values = SpanValues(("conflict_count",))
        for span, data in found:
            values.set(span, (data,))

    def gold_spans(self, example: Example) -> List[Tuple[int, int, str]]:
        """The reference's count phrases, labelled by kind (the layer's training target)."""
        return gold_counts(example)

    @initialize_method
    def initialize(
        self, get_examples: Any = None, *, nlp: Any = None, approximators: TableSetting = None,
        vague: TableSetting = None, units: TableSetting = None, nouns: TableSetting = None,
        modifiers: TableSetting = None, cues: TableSetting = None, actors: TableSetting = None,
    ) -> None:
        """Load the tables named in ``[initialize.components.conflict_counts]`` (a path or the
        entries; null keeps a table), saved with the pipeline; with a model, a fresh one sized
        from ``get_examples`` (trained by the updates that follow)."""
        self.initialize_tables(approximators=approximators, vague=vague, units=units, nouns=nouns,
                               modifiers=modifiers, cues=cues, actors=actors)
        self.initialize_layer(get_examples)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        scorer = self.scorer or score_counts
        return scorer(examples, **kwargs)


