"""The article view: the text as it was written, with counts, sources, cues and hedges marked in it.

``conflictnlp.render`` (and ``conflictnlp extract --format html``) draw this view by default;
``style="displacy"`` gives displaCy's span view (:mod:`.render`). What it draws:

- the original text, placed by the export's character offsets (never re-tokenized): spacing,
  punctuation and line breaks are kept; every non-blank line is a paragraph, and a first line
  set off by a blank line is drawn as the headline;
- counts, sources, cues, media and hedge cues as coloured marks, each opened by a small label
  (``TROOPS ~50,000 · Russia``, ``SOURCE official · anonymous``, ``CUE``, ``HEDGE evidential``);
  labels sit in the line like words, so they never cover text or each other;
- reported content underlined, hedged sentences tinted by the certainty they signal (a label
  ``PROBABLE``/``POSSIBLE``/``UNVERIFIED`` opens them);
- a legend, and a panel of the claims (figure, as written, actor, source, certainty) whose rows
  link to the figure in the text (and each count's label links to its row).

Overlapping spans that do not nest (a content that ends inside a count) are split into pieces;
the label and the link target are on the first piece. The HTML is self-contained (one
``<style>``, no scripts, no external assets) and every text and label is escaped.
"""

from __future__ import annotations

import hashlib
import html
from bisect import bisect_right
from typing import Any, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import colors
from .render import LAYERS, count_label, source_label
from ..schema import CERTAINTY_LEVELS, KINDS


class Mark(NamedTuple):
    """One thing drawn over ``text[start:end]``: ``depth`` orders marks that start together
    (lower = outer), ``cls`` the CSS classes, ``label`` the small label (None: none),
    ``title`` the tooltip, ``ident`` an anchor id, ``href`` where the label links to."""

    start: int
    end: int
    depth: int
    cls: str
    label: Optional[str] = None
    title: Optional[str] = None
    ident: Optional[str] = None
    href: Optional[str] = None


# ----------------------------------------------------------------------------- marks

def _span(value: Any) -> Optional[Tuple[int, int]]:
    if not isinstance(value, Mapping):
        return None
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or end <= start:
        return None
    return start, end


def _count_marks(export: Mapping[str, Any], prefix: str) -> List[Mark]:
    marks = []
    for i, count in enumerate(export.get("counts") or []):
        span = _span(count)
        if span is None:
            continue
        kind = count.get("kind") if count.get("kind") in KINDS else "count"
        label = count_label(count)
        marks.append(Mark(*span, 3, f"cn-mark cn-count cn-k-{kind}", label, label,
                          f"{prefix}-count-{i}", f"#{prefix}-claim-{i}"))
    return marks


def _attribution_marks(export: Mapping[str, Any], prefix: str) -> List[Mark]:
    marks = []
    for i, a in enumerate(export.get("attributions") or []):
        source = " ".join(str((a.get("source") or {}).get("text") or "(no source)").split())
        parts = a.get("content_parts") or ([a["content"]] if a.get("content") else [])
        for part in parts:
            span = _span(part)
            if span:
                marks.append(Mark(*span, 1, "cn-content", title=f"what {source} reported"))
        for field, label, depth in (("source", source_label(a), 2), ("cue", "CUE", 2), ("medium", "MEDIUM", 2)):
            span = _span(a.get(field))
            if span:
                ident = f"{prefix}-attr-{i}" if field == "source" else None
                marks.append(Mark(*span, depth, f"cn-mark cn-{field}", label, label, ident))
    return marks


def _hedge_marks(export: Mapping[str, Any]) -> List[Mark]:
    marks = []
    for sentence in export.get("sentences") or []:
        certainty = sentence.get("certainty")
        span = _span(sentence)
        if span and certainty in CERTAINTY_LEVELS and certainty != "certain":
            marks.append(Mark(*span, 0, f"cn-hedged cn-c-{certainty}", certainty.upper(),
                              f"hedged sentence: {certainty}"))
        for cue in sentence.get("cues") or []:
            span = _span(cue)
            if span:
                label = f"HEDGE {cue.get('type') or 'cue'}"
                marks.append(Mark(*span, 4, "cn-mark cn-hedge", label, label))
    return marks


def article_marks(export: Mapping[str, Any], layers: Sequence[str] = LAYERS, prefix: str = "cn") -> List[Mark]:
    """Every :class:`Mark` of one export, for the layers asked for, clipped to the text."""
    marks: List[Mark] = []
    if "hedging" in layers:
        marks += _hedge_marks(export)
    if "attribution" in layers:
        marks += _attribution_marks(export, prefix)
    if "counts" in layers:
        marks += _count_marks(export, prefix)
    size = len(export.get("text") or "")
    seen, out = set(), []
    for mark in marks:  # two attributions of one source draw it once
        key = (mark.start, mark.end, mark.cls, mark.label)
        if mark.start < size and key not in seen:
            seen.add(key)
            out.append(mark._replace(end=min(mark.end, size)))
    return out


# ----------------------------------------------------------------------------- text

def paragraphs(text: str) -> List[Tuple[int, int]]:
    """``(start, end)`` of each non-blank line (without its line break)."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        stop = end - 1 if line.endswith("\r") else end
        if line.strip():
            out.append((start, stop))
        start = end + 1
    return out


def _open(mark: Mark, first: bool) -> str:
    attrs = f' class="{mark.cls}"'
    if mark.title:
        attrs += f' title="{html.escape(mark.title)}"'
    if first and mark.ident:
        attrs += f' id="{mark.ident}"'
    label = ""
    if first and mark.label:
        tag = "a" if mark.href else "span"
        href = f' href="{mark.href}"' if mark.href else ""
        label = f'<{tag} class="cn-label"{href}>{html.escape(mark.label)}</{tag}>'
    return f"<span{attrs}>{label}"


def line_html(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    """``text[start:end]`` escaped, with the marks that touch it as nested ``<span>`` elements;
    a mark that crosses another (or the line's edge) is closed and opened again around it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {p for m in inside for p in (m.start, m.end) if start < p < end})
    order = sorted(inside, key=lambda m: (max(m.start, start), -m.end, m.depth))
    stack: List[Mark] = []
    out: List[str] = []
    nxt = 0
    for here, there in zip(cuts, cuts[1:]):
        stack = _close_ended(stack, here, out)
        while nxt < len(order) and max(order[nxt].start, start) <= here:
            mark = order[nxt]
            out.append(_open(mark, mark.start == here))
            stack.append(mark)
            nxt += 1
        out.append(html.escape(text[here:there]))
    out.append("</span>" * len(stack))
    return "".join(out)


def _close_ended(stack: List[Mark], here: int, out: List[str]) -> List[Mark]:
    """Close the marks that end at ``here``; those opened after them are closed too and
    opened again (without their label) so that the elements nest."""
    lowest = next((i for i, m in enumerate(stack) if m.end <= here), None)
    if lowest is None:
        return stack
    out.append("</span>" * (len(stack) - lowest))
    again = [m for m in stack[lowest:] if m.end > here]
    out += [_open(m, False) for m in again]
    return stack[:lowest] + again


def _is_headline(text: str, spans: List[Tuple[int, int]]) -> bool:
    if len(spans) < 2:
        return False
    (start, end), (after, _) = spans[0], spans[1]
    line = text[start:end].strip()
    set_off = text[end:after].count("\n") >= 2
    return set_off and len(line) <= 160 and not line.endswith((".", ":", ";", ","))


def _snap(marks: Sequence[Mark], spans: List[Tuple[int, int]]) -> List[Mark]:
    """Marks that start between paragraphs (on a line break) start at the next paragraph, so that
    their label is drawn; marks wholly between paragraphs are left out."""
    starts = [start for start, _ in spans]
    out = []
    for mark in marks:
        i = bisect_right(starts, mark.start) - 1
        if i >= 0 and mark.start < spans[i][1]:
            out.append(mark)
        elif i + 1 < len(spans) and spans[i + 1][0] < mark.end:
            out.append(mark._replace(start=spans[i + 1][0]))
    return out


def _by_paragraph(marks: Sequence[Mark], spans: List[Tuple[int, int]]) -> List[List[Mark]]:
    """The marks that touch each paragraph, in one sweep (long documents have many of both)."""
    order = sorted(marks, key=lambda m: m.start)
    active: List[Mark] = []
    nxt, out = 0, []
    for start, end in spans:
        while nxt < len(order) and order[nxt].start < end:
            active.append(order[nxt])
            nxt += 1
        active = [m for m in active if m.end > start]
        out.append(active)
    return out


def body_html(text: str, marks: Sequence[Mark]) -> str:
    """The text as ``<p>`` paragraphs (the headline as ``<p class="cn-headline">``)."""
    spans = paragraphs(text)
    headline = _is_headline(text, spans)
    out = []
    for i, ((start, end), touching) in enumerate(zip(spans, _by_paragraph(_snap(marks, spans), spans))):
        cls = "cn-p cn-headline" if headline and i == 0 else "cn-p"
        out.append(f'<p class="{cls}">{line_html(text, start, end, touching)}</p>')
    return "\n".join(out) or '<p class="cn-empty">(empty document)</p>'


# ----------------------------------------------------------------------------- panel, legend

def _cell(value: Any) -> str:
    return f"<td>{html.escape(str(value))}</td>" if value not in (None, "") else '<td class="cn-none">–</td>'


def claims_panel(export: Mapping[str, Any], prefix: str) -> str:
    """The table of claims: one row per count, its figure linked to the text."""
    from .compare import claim_rows

    rows = claim_rows(export)
    if not rows:
        return '<p class="cn-noclaims">No figures found.</p>'
    index = {(c.get("start"), c.get("end")): i for i, c in enumerate(export.get("counts") or [])}
    body = []
    for row in rows:
        i = index.get((row["start"], row["end"]), row["claim"])
        written = html.escape(" ".join(str(row["text"]).split()))
        source = row["source"] or None
        if source and row.get("source_type"):
            source += f" ({row['source_type']}{', anonymous' if row.get('anonymous') else ''})"
        certainty = (row["certainty"] or "") + (" · hypothetical" if row.get("hypothetical") else "")
        body.append(
            f'<tr id="{prefix}-claim-{i}"><td>{row["claim"] + 1}</td>{_cell(row["figure"])}'
            f'<td><a href="#{prefix}-count-{i}">{written}</a></td>{_cell(row["kind"])}{_cell(row["actor"])}'
            f"{_cell(source)}{_cell(certainty)}</tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("#", "figure", "as written", "kind", "actor", "source", "certainty"))
    return (f'<div class="cn-panel"><table class="cn-claims"><caption>Claims</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


LEGEND = (
    ("counts", "cn-mark cn-count cn-k-troops", "count (colour by kind)"),
    ("attribution", "cn-mark cn-source", "source"),
    ("attribution", "cn-mark cn-cue", "cue"),
    ("attribution", "cn-mark cn-medium", "medium"),
    ("attribution", "cn-content", "reported content"),
    ("hedging", "cn-mark cn-hedge", "hedge cue"),
    ("hedging", "cn-hedged cn-c-probable", "hedged sentence: probable"),
    ("hedging", "cn-hedged cn-c-possible", "possible"),
    ("hedging", "cn-hedged cn-c-unverified", "unverified"),
)


def legend_html(layers: Sequence[str] = LAYERS) -> str:
    items = [f'<span class="cn-key"><span class="{cls}">Abc</span> {html.escape(text)}</span>'
             for layer, cls, text in LEGEND if layer in layers]
    if "counts" in layers:
        kinds = "".join(f'<span class="cn-key"><span class="cn-mark cn-count cn-k-{k}">{k}</span></span>' for k in KINDS)
        items.append(f'<span class="cn-kinds">{kinds}</span>')
    return f'<div class="cn-legend">{"".join(items)}</div>'


# ----------------------------------------------------------------------------- styles, pages

def css(palette: Optional[Mapping[str, str]] = None) -> str:
    """The view's style sheet, every rule under ``.cn-view`` (safe to put in a notebook)."""
    tone = {**colors.COLORS, **dict(palette or {})}
    kinds = "".join(f".cn-view .cn-k-{k}{{background:{tone.get(k.upper(), colors.DEFAULT_COLOR)}}}" for k in KINDS)
    tints = "".join(f".cn-view .cn-c-{c}{{background:{t}}}" for c, t in colors.CERTAINTY_COLORS.items())
    return (
        ".cn-view{background:#fff;color:#1f1f1f;text-align:left;font-weight:400;padding:.5em .75em}"
        ".cn-view .cn-doc{margin:0 0 2.5em;padding:0;max-width:48em}"
        ".cn-view .cn-title{font:600 13px/1.4 system-ui,sans-serif;color:#555;margin:0 0 .6em;"
        "border-bottom:1px solid #e3e3e3;padding-bottom:.2em}"
        ".cn-view .cn-body{font:16px/2.2 Georgia,'Times New Roman',serif}"
        ".cn-view .cn-p{margin:0 0 .7em;line-height:2.2;text-align:left;white-space:pre-wrap;overflow-wrap:break-word}"
        ".cn-view .cn-headline{font-size:1.3em;font-weight:700;line-height:1.9;margin-bottom:.9em}"
        ".cn-view .cn-empty,.cn-view .cn-noclaims{color:#777;font:italic 14px system-ui,sans-serif}"
        ".cn-view .cn-body span:not(.cn-label),.cn-view .cn-legend span{line-height:inherit}"
        ".cn-view .cn-mark{border-radius:3px}"
        f".cn-view .cn-count{{background:{tone['COUNT']}}}{kinds}"
        f".cn-view .cn-source{{background:{tone['SOURCE']}}}.cn-view .cn-cue{{background:{tone['CUE']}}}"
        f".cn-view .cn-medium{{background:{tone['MEDIUM']}}}.cn-view .cn-hedge{{background:{tone['HEDGE']}}}"
        f".cn-view .cn-content{{text-decoration:underline 2px {colors.CONTENT_UNDERLINE};"
        "text-underline-offset:.3em;text-decoration-skip-ink:none}"
        f"{tints}"
        ".cn-view .cn-label{display:inline-block;font:600 10px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;"
        f"color:{colors.LABEL_TEXT};background:rgba(255,255,255,.72);border-radius:3px;padding:0 .35em;"
        "margin:0 .3em 0 .15em;vertical-align:.25em;white-space:nowrap;user-select:none;text-decoration:none;"
        "font-style:normal;letter-spacing:.02em}"
        ".cn-view a.cn-label:hover{text-decoration:underline}"
        ".cn-view :target{outline:2px solid #d9534f;outline-offset:1px}"
        ".cn-view .cn-legend{font:12px/2 system-ui,sans-serif;border:1px solid #e3e3e3;border-radius:4px;"
        "padding:.3em .7em;margin:0 0 1.5em;display:flex;flex-wrap:wrap;gap:0 1.2em}"
        ".cn-view .cn-legend .cn-mark,.cn-view .cn-legend .cn-hedged{padding:0 .3em}"
        ".cn-view .cn-kinds{display:flex;flex-wrap:wrap;gap:0 .4em}"
        ".cn-view .cn-panel{overflow-x:auto}"
        ".cn-view table.cn-claims{border-collapse:collapse;table-layout:auto;width:auto;font:13px/1.4 system-ui,sans-serif;margin:.5em 0 0}"
        ".cn-view .cn-claims caption{text-align:left;font-weight:600;padding:.3em 0}"
        ".cn-view .cn-claims th,.cn-view .cn-claims td{border-bottom:1px solid #e3e3e3;padding:.25em .6em;"
        "text-align:left;vertical-align:top;background:#fff;color:#1f1f1f}"
        f".cn-view .cn-claims a{{color:{colors.LINK}}}.cn-view .cn-none{{color:#999}}"
    )


def _export_of(item: Any, title: Optional[str] = None) -> Tuple[Mapping[str, Any], Optional[str]]:
    from .render import as_export

    return as_export(item, title)


def figure_html(item: Any, index: int = 0, layers: Sequence[str] = LAYERS, title: Optional[str] = None) -> str:
    """One document (a Doc or an export dict) as a ``<figure>``: title, text, claims."""
    export, title = _export_of(item, title)
    text = export.get("text") or ""
    prefix = f"cn{index}-{hashlib.sha1(text.encode('utf8', 'replace')).hexdigest()[:6]}"
    head = f'<figcaption class="cn-title">{html.escape(title)}</figcaption>' if title else ""
    body = body_html(text, article_marks(export, layers, prefix))
    panel = claims_panel(export, prefix) if "counts" in layers else ""
    return f'<figure class="cn-doc" id="{prefix}">{head}<div class="cn-body">{body}</div>{panel}</figure>\n'


PAGE_HEAD = (
    '<!DOCTYPE html>\n<html lang="{lang}" dir="{dir}">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>conflictnlp</title>\n'
    "<style>body{{margin:2em auto;max-width:60em;padding:0 1.5em;background:#fff}}{css}</style>\n"
    '</head>\n<body>\n<div class="cn-view">\n{legend}\n'
)
PAGE_TAIL = "</div>\n</body>\n</html>\n"


def page_frame(lang: str = "en", direction: str = "ltr", layers: Sequence[str] = LAYERS,
               palette: Optional[Mapping[str, str]] = None) -> Tuple[str, str]:
    """The start (style sheet and legend) and the end of a page, to write figures between."""
    head = PAGE_HEAD.format(lang=html.escape(lang), dir=html.escape(direction), css=css(palette), legend=legend_html(layers))
    return head, PAGE_TAIL


def article_html(items: Iterable[Any], layers: Sequence[str] = LAYERS, page: bool = False,
                 palette: Optional[Mapping[str, str]] = None) -> str:
    """The view of several documents: a page (``page=True``) or a fragment for a notebook."""
    figures = "".join(figure_html(item, i, layers) for i, item in enumerate(items))
    if page:
        head, tail = page_frame(layers=layers, palette=palette)
        return head + figures + tail
    return f'<div class="cn-view"><style>{css(palette)}</style>\n{legend_html(layers)}\n{figures}</div>'


class ArticleView:
    """The view as an object that Jupyter shows by itself (``_repr_html_``); ``str()`` is the HTML."""

    def __init__(self, docs: Any, layers: Sequence[str] = LAYERS, palette: Optional[Mapping[str, str]] = None) -> None:
        from .render import as_items

        items = as_items(docs)
        self.documents = len(items)
        self.html = article_html(items, layers, palette=palette)

    def __repr__(self) -> str:
        return f"<ArticleView of {self.documents} document{'s' if self.documents != 1 else ''}>"

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html
