"""``conflictnlp.render``: counts, attribution parts and hedge cues in one view.

By default the article view of :mod:`.article` (the text as written, marks with labels, a
legend and a panel of claims). ``style="displacy"`` gives the view of this module, which
uses displaCy's ``span`` style, which draws overlapping spans (a count inside a reported
content inside a sentence with a hedge cue) as stacked underlines. Labels:

- counts: their kind and normalized figure, plus the actor: ``TROOPS ~50,000 · Russia``;
- attribution parts: ``CUE``, ``SOURCE official · anonymous`` (or ``· state media``),
  ``CONTENT``, ``MEDIUM``;
- hedge cues: ``HEDGE evidential`` (the cue type).

Works on Docs and on export dicts (their text is re-tokenized to place the spans).
"""

from __future__ import annotations

import html
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from spacy import displacy
from spacy.displacy.templates import TPL_FIGURE, TPL_PAGE
from spacy.tokens import Doc

from .colors import label_color
from .compare import _is_export, describe_figure
from ..export import to_dict
from ..schema import DEFAULT_SPANS_KEYS

LAYERS = tuple(DEFAULT_SPANS_KEYS)  # the layers of the contract: "counts", "attribution", "hedging"

_TOKENIZER = None


def _tokenize(text: str) -> Doc:
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("en")
    return _TOKENIZER.make_doc(text)


def count_label(count: Mapping[str, Any]) -> str:
    kind = (count.get("kind") or "count").upper()
    label = f"{kind} {describe_figure(count)}"
    if count.get("actor"):
        label += f" · {count['actor']}"
    return label


def source_label(attribution: Mapping[str, Any]) -> str:
    parts = [attribution.get("source_type") or "unknown"]
    if attribution.get("anonymous"):
        parts.append("anonymous")
    if attribution.get("state_media"):
        parts.append("state media")
    if attribution.get("resolved") and attribution.get("source"):
        parts.append(f"= {' '.join(str(attribution['resolved']).split())}")  # "he" = the name it points to
    return "SOURCE " + " · ".join(parts)


def labelled_spans(export: Mapping[str, Any], layers: Sequence[str] = LAYERS) -> List[Tuple[int, int, str]]:
    """``(start_char, end_char, label)`` for everything :func:`render` draws."""
    spans: List[Tuple[int, int, str]] = []
    if "counts" in layers:
        spans += [(c["start"], c["end"], count_label(c)) for c in export.get("counts") or []]
    if "attribution" in layers:
        for a in export.get("attributions") or []:
            for field, label in (("cue", "CUE"), ("content", "CONTENT"), ("medium", "MEDIUM")):
                if a.get(field):
                    spans.append((a[field]["start"], a[field]["end"], label))
            if a.get("source"):
                spans.append((a["source"]["start"], a["source"]["end"], source_label(a)))
    if "hedging" in layers:
        for sentence in export.get("sentences") or []:
            for cue in sentence.get("cues") or []:
                spans.append((cue["start"], cue["end"], f"HEDGE {cue.get('type') or 'cue'}"))
    return spans


def _title(export: Mapping[str, Any]) -> Optional[str]:
    meta = export.get("meta") or {}
    title = meta.get("title") or meta.get("name") or meta.get("path")
    return str(title) if title is not None else None


def as_export(item: Union[Doc, Mapping[str, Any]], title: Optional[str] = None) -> Tuple[Mapping[str, Any], Optional[str]]:
    """The export dict and the title (given, else from the Doc's user_data or the export's meta)."""
    if isinstance(item, Doc):
        return to_dict(item), title or item.user_data.get("title")
    if _is_export(item):
        return item, title or _title(item)
    raise TypeError(f"conflictnlp.render expects a spaCy Doc or an export dict, got {type(item).__name__}")


def as_items(docs: Any) -> List[Union[Doc, Mapping[str, Any]]]:
    """One Doc or export, or an iterable of them, as a list."""
    return [docs] if isinstance(docs, Doc) or _is_export(docs) else list(docs)


def parse(item: Union[Doc, Mapping[str, Any]], layers: Sequence[str] = LAYERS, title: Optional[str] = None) -> Dict[str, Any]:
    """displaCy's manual ``span`` input for one Doc or export dict."""
    export, title = as_export(item, title)
    doc = item if isinstance(item, Doc) else _tokenize(export.get("text") or "")
    spans = []
    for start, end, label in labelled_spans(export, layers):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        spans.append({"start_token": span.start, "end_token": span.end, "label": html.escape(label)})
    return {
        "text": doc.text,
        "tokens": [t.text for t in doc],
        "spans": spans,
        "title": html.escape(title) if title else None,
    }


STYLES = ("article", "displacy")


def render(
    docs: Union[Doc, Mapping[str, Any], Iterable[Union[Doc, Mapping[str, Any]]]],
    *,
    jupyter: Optional[bool] = None,
    page: bool = False,
    minify: bool = False,
    layers: Sequence[str] = LAYERS,
    options: Optional[Dict[str, Any]] = None,
    style: str = "article",
) -> Optional[str]:
    """Show counts, attribution parts and hedge cues of one or more Docs (or exports).

    ``jupyter=None`` detects a notebook: there it displays the view and returns None;
    elsewhere it returns the HTML. ``page=True`` wraps all documents in one HTML page.
    ``layers`` picks among ``"counts"``, ``"attribution"``, ``"hedging"``. ``style`` is
    ``"article"`` (default: :mod:`.article`) or ``"displacy"`` (displaCy's span style).
    ``options``: with displaCy, displaCy's options (its ``colors`` are added to ours); with
    the article view, ``colors`` replace ours by label kind (``{"TROOPS": "#aaccee"}``).
    ``minify`` is displaCy's.
    """
    _check(layers, style)
    items = as_items(docs)
    if style == "article":
        from .article import ArticleView, article_html

        palette = (options or {}).get("colors")
        if _in_jupyter(jupyter) and not page:
            return _display(ArticleView(items, layers, palette))
        return article_html(items, layers, page=page, palette=palette)
    parsed = [parse(item, layers) for item in items]
    colors = {s["label"]: label_color(html.unescape(s["label"])) for p in parsed for s in p["spans"]}
    opts = dict(options or {})
    colors.update(opts.get("colors", {}))
    opts["colors"] = colors
    return displacy.render(parsed, style="span", manual=True, page=page, minify=minify, jupyter=jupyter, options=opts)


def _check(layers: Sequence[str], style: str) -> None:
    unknown = [layer for layer in layers if layer not in LAYERS]
    if unknown:
        raise ValueError(f"conflictnlp.render: unknown layer {unknown[0]!r} (choose from {', '.join(LAYERS)})")
    if style not in STYLES:
        raise ValueError(f"conflictnlp.render: unknown style {style!r} (choose from {', '.join(STYLES)})")


def _in_jupyter(jupyter: Optional[bool]) -> bool:
    if jupyter is None:
        from spacy.util import is_in_jupyter

        return is_in_jupyter()
    return bool(jupyter)


def _display(view: Any) -> None:
    from IPython.display import display

    display(view)
    return None


def page_frame(lang: str = "en", direction: str = "ltr", style: str = "article") -> Tuple[str, str]:
    """The start and the end of a page, to write documents between them one at a time
    (``conflictnlp extract --format html`` streams: each figure is written as its document is done)."""
    _check(LAYERS, style)
    if style == "article":
        from .article import page_frame as article_frame

        return article_frame(lang, direction)
    head, tail = TPL_PAGE.split("{content}")
    return head.replace("{lang}", lang).replace("{dir}", direction), tail


def render_figure(doc: Union[Doc, Mapping[str, Any]], index: int = 0, style: str = "article", **kwargs: Any) -> str:
    """One document's view as a ``<figure>`` of a page (see :func:`page_frame`); ``index`` (its
    place on the page) keeps the anchors of the article view apart."""
    _check(kwargs.get("layers", LAYERS), style)
    if style == "article":
        from .article import figure_html

        return figure_html(doc, index, kwargs.get("layers", LAYERS))
    return TPL_FIGURE.format(content=render(doc, jupyter=False, style=style, **kwargs))
