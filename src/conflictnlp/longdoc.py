"""Documents longer than ``nlp.max_length``: split, process, merge.

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters by default).
:func:`process_long` cuts such a text at paragraph boundaries (a blank line), and only
where a paragraph is itself too long, at line breaks, then after sentence-final
punctuation, then at whitespace (a hard cut is the very last resort, for a run of
``max_chars`` characters without any whitespace). The chunks go through ``nlp.pipe`` and
are merged back into one Doc whose text is exactly the input text:

- tokens, sentence boundaries and ``doc.spans`` groups are merged by
  ``Doc.from_docs(ensure_whitespace=False)``;
- span and token extension values (``sent._.conflict_certainty``, ``span._.conflict_count``, ...) are moved
  to their new character offsets, and so are the character offsets *inside* them
  (``sent._.conflict_hedge_cues``);
- ``doc._.conflict_attributions`` are concatenated with shifted offsets and renumbered ``id``;
- ``doc._.conflict_claims`` are concatenated with their ``count``, ``attribution`` and ``sentence``
  indices re-indexed into the merged Doc;
- ``doc.cats`` (written by ``conflict_hedging``) are recomputed from all sentences.

The merged Doc holds every chunk and their copy at once (several GB for a 50 MB text).
:func:`iter_long` gives the chunks' Docs one at a time instead, and :func:`iter_long_exports`
their exports with what :func:`document_layers` needs to move them into the whole document's
offsets and indices: ``conflictnlp extract`` writes each chunk's part and forgets it
(:mod:`conflictnlp.longwrite`); :func:`merge_exports` joins them into the export of the whole
document, equal to ``to_dict(process_long(...))`` without the merged Doc.

Because every conflictnlp component works within a sentence and sentences never cross a
blank line, the result equals what one pass would give whenever the cuts fall on
paragraph boundaries (see docs/performance.md for the two exceptions: a pronoun source
resolved from the last sentence of the previous paragraph, and a count's actor taken from
an earlier paragraph or the headline).

Standard library and spaCy only (this module is imported by ``conflictnlp``).
"""

from __future__ import annotations

import copy
import re
import warnings
from collections import deque
from typing import Any, Deque, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc._.conflict_attributions / Doc._.conflict_claims)
from .doctools import sentence_spans
from .export import to_dict
from .schema import CERTAINTY_LEVELS, DEFAULT_SPANS_KEYS, DOC_CATS, record_spans_key, spans_key


# Cut points, coarsest first. Each pattern matches a separator; a chunk ends right after it,
# so the separator stays with the text before it and the chunks concatenate to the input.
_SEPARATORS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: paragraph boundary
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?…][\"'”’)\]»]*\s+"),  # after sentence-final punctuation
    re.compile(r"\s+"),  # any whitespace
)


def split_text(text: str, max_chars: int) -> List[str]:
    """Cut ``text`` into chunks of at most ``max_chars`` characters, at the coarsest boundaries.

    ``"".join(split_text(text, n)) == text`` always holds.

    >>> split_text("One.\\n\\nTwo.\\n\\nThree.", 12)
    ['One.\\n\\nTwo.\\n\\n', 'Three.']
    """
    _check_max_chars(max_chars)
    if not text:
        return []
    return list(_split(text, max_chars, 0))


def _check_max_chars(max_chars: Any) -> None:
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive int, got {max_chars!r}")


def _pieces(text: str, pattern: "re.Pattern[str]") -> Iterator[str]:
    start = 0
    for match in pattern.finditer(text):
        if match.end() > start:
            yield text[start : match.end()]
            start = match.end()
    if start < len(text):
        yield text[start:]


def _split(text: str, max_chars: int, level: int) -> Iterator[str]:
    if len(text) <= max_chars:
        yield text
        return
    if level == len(_SEPARATORS):
        # No whitespace in max_chars characters: nothing better than a hard cut.
        for i in range(0, len(text), max_chars):
            yield text[i : i + max_chars]
        return
    parts: List[str] = []
    size = 0
    for piece in _pieces(text, _SEPARATORS[level]):
        if len(piece) > max_chars:
            if parts:
                yield "".join(parts)
                parts, size = [], 0
            yield from _split(piece, max_chars, level + 1)
        elif size + len(piece) > max_chars:
            yield "".join(parts)
            parts, size = [piece], len(piece)
        else:
            parts.append(piece)
            size += len(piece)
    if parts:
        yield "".join(parts)


def iter_long(
    nlp: Language,
    text: str,
    *,
    max_chars: Optional[int] = None,
    batch_size: int = 1,
) -> Iterator[Tuple[int, Doc]]:
    """``(offset, doc)`` for each chunk of ``text``: the chunk's Doc and where its text starts.

    The text is cut as :func:`process_long` cuts it (one chunk when it has at most ``max_chars``
    characters, default ``nlp.max_length``) and the chunks go through ``nlp.pipe`` one batch of
    ``batch_size`` at a time, as they are asked for: only the chunks of the current batch are
    in memory, so a text of any length is processed in bounded memory (besides the text itself).

    >>> import conflictnlp
    >>> nlp = conflictnlp.load()
    >>> text = "Some 300 troops arrived.\\n\\nAbout 2,000 soldiers left."
    >>> [(offset, doc.text) for offset, doc in conflictnlp.iter_long(nlp, text, max_chars=30)]
    [(0, 'Some 300 troops arrived.\\n\\n'), (26, 'About 2,000 soldiers left.')]
    """
    if not isinstance(text, str):
        raise TypeError(f"process_long expects a str, got {type(text).__name__}")
    limit = nlp.max_length if max_chars is None else max_chars
    _check_max_chars(limit)
    chunks = [text] if len(text) <= limit else _split(text, limit, 0)
    offsets: Deque[int] = deque()

    def inputs() -> Iterator[Any]:
        offset = 0
        for chunk in chunks:
            offsets.append(offset)
            offset += len(chunk)
            # A chunk may be longer than nlp.max_length where max_chars is: tokenized here, as nlp.pipe
            # takes a Doc as it is (nlp.max_length is not changed, which other callers would see).
            yield chunk if len(chunk) <= nlp.max_length else nlp.tokenizer(chunk)

    for doc in nlp.pipe(inputs(), batch_size=batch_size):
        yield offsets.popleft(), doc
        del doc  # not held while the next chunk is processed


def process_long(
    nlp: Language,
    text: str,
    *,
    max_chars: Optional[int] = None,
    batch_size: int = 8,
) -> Doc:
    """``nlp(text)`` for a text of any length.

    A text of at most ``max_chars`` characters (default: ``nlp.max_length``) is simply
    ``nlp(text)``. A longer one is cut at paragraph boundaries (see the module docstring),
    processed with ``nlp.pipe`` and merged into one Doc with correct offsets.

    The merged Doc holds every chunk at once and then their copy (a 50 MB text takes several GB):
    to go through a long text in bounded memory, use :func:`iter_long` (Docs) or
    :func:`iter_long_exports` (export dicts) instead.

    >>> import conflictnlp
    >>> nlp = conflictnlp.load()
    >>> doc = conflictnlp.process_long(nlp, "Some 300 troops arrived.\\n\\nAbout 2,000 soldiers left.", max_chars=30)
    >>> [span.text for span in doc.spans["conflict_counts"]]
    ['Some 300 troops', 'About 2,000 soldiers']
    """
    return merge_docs([doc for _, doc in iter_long(nlp, text, max_chars=max_chars, batch_size=batch_size)])


class LongChunk(NamedTuple):
    """One chunk of a long document (:func:`iter_long_exports`): where its text starts in the
    document, its own export (``to_dict`` of the chunk: offsets and indices within the chunk), and
    how many counts, attributions and sentences of the document come before it."""

    offset: int
    export: Dict[str, Any]
    before: Dict[str, int]


def iter_long_exports(
    nlp: Language,
    text: str,
    meta: Optional[Dict[str, Any]] = None,
    *,
    max_chars: Optional[int] = None,
    batch_size: int = 1,
) -> Iterator[LongChunk]:
    """A :class:`LongChunk` for each chunk of ``text`` (:func:`iter_long`), made as it is processed.

    :func:`document_layers` moves a chunk's layers into the whole document's offsets and indices,
    and :func:`merge_exports` joins them into the export of the whole document.
    """
    before = {"counts": 0, "attributions": 0, "sentences": 0}
    for offset, doc in iter_long(nlp, text, max_chars=max_chars, batch_size=batch_size):
        export = to_dict(doc, meta)
        del doc
        sizes = {layer: len(export[layer]) for layer in before}
        yield LongChunk(offset, export, dict(before))
        del export  # not held while the next chunk is processed
        before = {layer: before[layer] + sizes[layer] for layer in before}


def document_layers(chunk: LongChunk) -> Dict[str, List[Any]]:
    """The chunk's counts, attributions, sentences and claims as they are in the export of the whole
    document: offsets shifted, attribution ids and claim indices continued from the chunks before."""
    export, offset, before = chunk.export, chunk.offset, chunk.before
    return {
        "counts": shift_offsets(export["counts"], offset),
        "attributions": [
            _shift_attribution(item, index, offset, before["attributions"])
            for index, item in enumerate(export["attributions"])
        ],
        "sentences": shift_offsets(export["sentences"], offset),
        "claims": [
            _reindex_claim(claim, before["counts"], before["attributions"], before["sentences"])
            for claim in export["claims"]
        ],
    }


def merge_exports(text: str, chunks: Iterable[LongChunk]) -> Dict[str, Any]:
    """The export of the whole document ``text`` from its chunks: ``to_dict(process_long(nlp, text),
    meta)`` without building the merged Doc (the export itself is held)."""
    merged: Optional[Dict[str, Any]] = None
    for chunk in chunks:
        layers = document_layers(chunk)
        if merged is None:  # to_dict's fields in its order, the layers empty
            merged = {key: text if key == "text" else [] if key in layers else value for key, value in chunk.export.items()}
        for layer, items in layers.items():
            merged[layer].extend(items)
    if merged is None:
        raise ValueError("merge_exports needs at least one chunk")
    return merged


def merge_docs(docs: Sequence[Doc]) -> Doc:
    """One Doc from consecutive chunks of a text, with conflictnlp's annotations merged.

    The merged text is the chunks' texts concatenated as they are (no whitespace added).
    """
    docs = list(docs)
    if not docs:
        raise ValueError("merge_docs needs at least one Doc")
    if len(docs) == 1:
        return docs[0]
    with warnings.catch_warnings():
        # W101/W102: doc-level extension values cannot be merged by spaCy; we do it below.
        warnings.filterwarnings("ignore", message=r"\[W10[12]\]")
        merged = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
    offsets = [0]
    for doc in docs[:-1]:
        offsets.append(offsets[-1] + len(doc.text))
    for doc, offset in zip(docs, offsets):
        _move_span_values(doc, merged, offset)
    for layer in DEFAULT_SPANS_KEYS:  # the chunks went through one pipeline: the first one's keys
        record_spans_key(merged, layer, spans_key(docs[0], layer))
    attributions = _merged_attributions(docs, offsets)
    if attributions is not None:
        merged._.conflict_attributions = attributions
    claims = _merged_claims(docs)
    if claims is not None:
        merged._.conflict_claims = claims
    cats = _merged_cats(docs, len(merged.text))
    if cats is not None:
        merged.cats = cats
    return merged


def _move_span_values(doc: Doc, merged: Doc, offset: int) -> None:
    """Copy the span and token extension values of ``doc`` onto ``merged``, ``offset`` characters on."""
    for key, value in doc.user_data.items():
        if isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is not None:
            _, name, start, end = key
            new_key = ("._.", name, start + offset, None if end is None else end + offset)
            merged.user_data[new_key] = shift_offsets(value, offset)


def _merged_attributions(docs: Sequence[Doc], offsets: Sequence[int]) -> Optional[List[Dict[str, Any]]]:
    """The chunks' ``doc._.conflict_attributions`` with shifted offsets and renumbered ids (None if none has them)."""
    attributions: Optional[List[Dict[str, Any]]] = None
    n_attributions = 0
    for doc, offset in zip(docs, offsets):
        if doc._.conflict_attributions is not None:
            attributions = attributions if attributions is not None else []
            for index, item in enumerate(doc._.conflict_attributions):
                attributions.append(_shift_attribution(item, index, offset, n_attributions))
        n_attributions += len(doc._.conflict_attributions or [])
    return attributions


def _shift_attribution(item: Any, index: int, offset: int, n_before: int) -> Any:
    """Attribution number ``index`` of a chunk, ``offset`` characters on, its id after the chunks' ``n_before``."""
    item = shift_offsets(item, offset)
    if isinstance(item, dict):
        item["id"] = n_before + (item["id"] if isinstance(item.get("id"), int) else index)
    return item


def _merged_claims(docs: Sequence[Doc]) -> Optional[List[Dict[str, Any]]]:
    """The chunks' ``doc._.conflict_claims`` re-indexed into the merged Doc (None if none has them)."""
    claims: Optional[List[Dict[str, Any]]] = None
    n_counts = n_attributions = n_sentences = 0
    for doc in docs:
        if doc._.conflict_claims is not None:
            claims = claims if claims is not None else []
            for item in doc._.conflict_claims:
                claims.append(_reindex_claim(item, n_counts, n_attributions, n_sentences))
        key = spans_key(doc, "counts")
        n_counts += len(doc.spans[key]) if key in doc.spans else 0
        n_attributions += len(doc._.conflict_attributions or [])
        n_sentences += len(sentence_spans(doc))
    return claims


def _merged_cats(docs: Sequence[Doc], length: int) -> Optional[Dict[str, float]]:
    """``doc.cats`` of the merged Doc (None if no chunk has any): conflict_hedging's shares from all
    sentences, another component's categories as the length-weighted mean over the chunks."""
    if not any(doc.cats for doc in docs):
        return None
    levels: List[Optional[str]] = []
    other_cats: Dict[str, float] = {}
    for doc in docs:
        levels.extend(sent._.conflict_certainty for sent in sentence_spans(doc))
        for label, score in doc.cats.items():
            if label not in DOC_CATS:
                other_cats[label] = other_cats.get(label, 0.0) + score * len(doc.text)
    cats: Dict[str, float] = {}
    if levels and all(level in CERTAINTY_LEVELS for level in levels):
        cats.update(certainty_shares(levels))
    for label, total in other_cats.items():
        cats[label] = total / max(1, length)
    return cats


def certainty_shares(levels: Sequence[str]) -> Dict[str, float]:
    """``doc.cats`` of ``conflict_hedging`` from the sentence levels: its own ``doc_shares``."""
    from .hedging import doc_shares  # on first use: this module is imported by conflictnlp, hedging needs thinc

    return doc_shares(levels)


def _reindex_claim(claim: Any, n_counts: int, n_attributions: int, n_sentences: int) -> Any:
    claim = copy.deepcopy(claim)
    if not isinstance(claim, dict):
        return claim
    for field, shift in (("count", n_counts), ("attribution", n_attributions), ("sentence", n_sentences)):
        if isinstance(claim.get(field), int) and not isinstance(claim[field], bool):
            claim[field] += shift
    return claim


def shift_offsets(value: Any, offset: int) -> Any:
    """A deep copy of ``value`` with every span object's ``start``/``end`` moved by ``offset``.

    A span object is a dict with int ``start`` and ``end`` and a str ``text`` (the
    contract's span shape, also used by hedge cues).
    """
    if isinstance(value, dict):
        out = {k: shift_offsets(v, offset) for k, v in value.items()}
        if (
            isinstance(out.get("text"), str)
            and isinstance(out.get("start"), int)
            and isinstance(out.get("end"), int)
            and not isinstance(out["start"], bool)
        ):
            out["start"] += offset
            out["end"] += offset
        return out
    if isinstance(value, list):
        return [shift_offsets(v, offset) for v in value]
    if isinstance(value, tuple):
        return tuple(shift_offsets(v, offset) for v in value)
    return copy.deepcopy(value)
