"""The annotated corpus: its format and spaCy reader, and the tools around it.

- :mod:`.format`: the corpus format (JSONL, the contract's field names), gold Docs from records,
  and the registered reader ``conflictnlp.Corpus.v1`` (entry point ``spacy_readers``);
- :mod:`.authoring`: the authoring format (spans quoted as text, offsets computed);
- :mod:`.validate`: corpus checks, every defect with file, line and field;
- :mod:`.importers`: Prodigy / doccano exports in and out;
- :mod:`.labelstudio`: Label Studio exports in and out, and its labeling config;
- :mod:`.evaluate`: scoring the pipeline on annotated files, per component.

``conflictnlp.corpus`` re-exports what the module of that name exported before it became
this package (the format and the reader).
"""

from .format import (  # noqa: F401
    ConflictCorpus,
    CorpusError,
    PathLike,
    annotate_reference,
    corpus_files,
    create_conflict_corpus,
    read_examples,
    read_records,
    reference_doc,
)
