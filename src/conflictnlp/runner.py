"""Running a pipeline over many documents, as the command line does.

:func:`run_exports` gives the export dict of every document in input order, in batches through
``nlp.pipe`` (a trained pipeline batches its tagger and parser), and, with ``n_process`` above 1, in
worker processes that each load the pipeline once and send back the export dicts (plain data) rather
than Docs, whose user data makes shipping them back cost more than the work. A document that fails
becomes a :class:`Failure` naming it; the others are never lost.

A text above ``nlp.max_length`` is cut into chunks (:func:`conflictnlp.longdoc.iter_long_exports`),
always in this process. By default its export is joined from the chunks' exports
(:func:`conflictnlp.longdoc.merge_exports`); with ``stream_long`` it comes as a :class:`LongExport`,
whose chunks are processed only as its reader asks for them, so that a writer can write each chunk
and forget it (``conflictnlp extract``).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from itertools import islice
from typing import Any, Callable, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union


class Failure(NamedTuple):
    """A document that could not be processed: its meta and a one-line reason."""

    meta: Dict[str, Any]
    reason: str


class LongExport(NamedTuple):
    """A document above ``nlp.max_length``: its meta, its text and the :class:`~conflictnlp.longdoc.LongChunk`
    of each chunk, processed as they are asked for (a failure raises while they are read)."""

    meta: Dict[str, Any]
    text: str
    chunks: Iterator[Any]


class _Held(NamedTuple):
    """In place of a long document sent through worker processes: the document stays in this process."""


Result = Union[Dict[str, Any], Failure, LongExport]
# (text, meta) to process, or a result to pass through in its place (an input that failed earlier,
# a saved export reused as it is): the output keeps the order of the input.
Item = Union[Tuple[str, Dict[str, Any]], Result]


def _is_result(item: Item) -> bool:
    return isinstance(item, (dict, Failure, LongExport, _Held))


def _is_long(nlp: Any, item: Item) -> bool:
    limit = getattr(nlp, "max_length", None)
    return not _is_result(item) and limit is not None and len(item[0]) > limit


def one_line(err: BaseException) -> str:
    """An exception as one line: its message, with its type where the message alone is unclear."""
    message = (str(err).splitlines() or [""])[0][:300]
    return message if isinstance(err, ValueError) and message else f"{type(err).__name__}: {message}".rstrip(": ")


def export_one(nlp: Any, text: str, meta: Dict[str, Any], stream_long: bool = False) -> Result:
    """The export of one document, or its failure; a :class:`LongExport` for a long one with ``stream_long``."""
    from .export import to_dict
    from .longdoc import iter_long_exports, merge_exports

    try:
        if not _is_long(nlp, (text, meta)):
            return to_dict(nlp(text), meta)
        if stream_long:
            return LongExport(meta, text, iter_long_exports(nlp, text, meta))
        return merge_exports(text, iter_long_exports(nlp, text, meta))
    except Exception as err:  # one document's failure must not lose the others' output
        return Failure(meta, one_line(err))


def _serial_batch(nlp: Any, batch: List[Item], stream_long: bool = False) -> List[Result]:
    """One batch through ``nlp.pipe``; if the batch fails, each document alone (to name the bad one)."""
    from .export import to_dict

    short = [i for i, item in enumerate(batch) if not _is_result(item) and not _is_long(nlp, item)]
    results: List[Optional[Result]] = [item if _is_result(item) else None for item in batch]
    pipe = getattr(nlp, "pipe", None)
    if pipe is not None and short:
        try:
            for i, doc in zip(short, pipe((batch[i][0] for i in short), batch_size=len(short))):
                results[i] = to_dict(doc, batch[i][1])
        except Exception:
            results = [item if _is_result(item) else None for item in batch]
    return [result if result is not None else export_one(nlp, *batch[i], stream_long) for i, result in enumerate(results)]


# The worker's pipeline, loaded once per process by _start_worker.
_WORKER_NLP: Any = None


def _start_worker(load: Callable[[Optional[str]], Any], base: Optional[str]) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load(base)


def _work(item: Item) -> Result:
    return item if _is_result(item) else export_one(_WORKER_NLP, *item)


def run_exports(
    nlp: Any,
    items: Iterable[Item],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    base: Optional[str] = None,
    load: Optional[Callable[[Optional[str]], Any]] = None,
    stream_long: bool = False,
) -> Iterator[Result]:
    """The export (or :class:`Failure`) of every ``(text, meta)`` item, in input order (a result
    among the items passes through in its place); a :class:`LongExport` for a text above
    ``nlp.max_length`` with ``stream_long``.

    With ``n_process`` > 1, each worker builds its pipeline with ``load(base)`` (default
    :func:`conflictnlp.load`); ``nlp`` is then used only for the texts above its ``max_length``,
    which are not sent to the workers.
    """
    if batch_size < 1 or n_process < 1:
        raise ValueError(f"batch_size and n_process must be at least 1, got {batch_size} and {n_process}")
    iterator = iter(items)
    if n_process == 1:
        while True:
            batch = list(islice(iterator, batch_size))
            if not batch:
                return
            yield from _serial_batch(nlp, batch, stream_long)
    if load is None:
        from .pipeline import load
    held: "deque[Tuple[str, Dict[str, Any]]]" = deque()

    def routed() -> Iterator[Item]:  # read by the pool's feeder thread, in input order
        for item in iterator:
            if _is_long(nlp, item):
                held.append(item)  # type: ignore[arg-type]
                yield _Held()
            else:
                yield item

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(n_process, initializer=_start_worker, initargs=(load, base)) as pool:
        for result in pool.imap(_work, routed(), chunksize=batch_size):
            yield export_one(nlp, *held.popleft(), stream_long) if isinstance(result, _Held) else result
