"""The article view (conflictnlp.views.article) without a browser: the text kept exactly, marks
that nest, escaping, the claims panel, empty and attribution-less documents, Jupyter.
Layout in a real browser: test_article_browser.py."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import conflictnlp
from conflictnlp.export import to_dict
from conflictnlp.views.article import ArticleView, article_marks, body_html, paragraphs

from docbuild import build, count_data

sys.path.insert(0, str(Path(__file__).parent))

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "div", "figure", "figcaption", "p", "span", "a",
                "table", "caption", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRS = {"class", "id", "title", "href", "lang", "dir", "charset", "name", "content"}
VOID = {"meta"}


class Reader(HTMLParser):
    """Checks that elements nest and collects what a reader sees: each paragraph's text without labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.attrs, self.paragraphs, self.ids, self.hrefs = [], set(), [], [], [], []
        self.label_depth = self.paragraph_depth = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs
        attrs = dict(attrs)
        self.ids += [attrs["id"]] if "id" in attrs else []
        self.hrefs += [attrs["href"]] if "href" in attrs else []
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "p" and "cn-p" in (attrs.get("class") or ""):
            self.paragraphs.append("")
            self.paragraph_depth = len(self.stack)
        if "cn-label" in (attrs.get("class") or "") and self.label_depth is None:
            self.label_depth = len(self.stack)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        if self.label_depth == len(self.stack):
            self.label_depth = None
        if self.paragraph_depth == len(self.stack):
            self.paragraph_depth = None
        self.stack.pop()

    def handle_data(self, data):
        if self.paragraph_depth is not None and self.label_depth is None:
            self.paragraphs[-1] += data


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.stack, f"unclosed: {reader.stack}"
    return reader


def lines(text: str):
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def view(item, **kwargs) -> str:
    return conflictnlp.render(item, jupyter=False, **kwargs)


REPORT = build(
    "Russia's 3,000-strong force  crossed the river, a Ukrainian officer told AFP.",
    [("3,000-strong force", dict(value=3000, kind="troops", actor="Russia"))],
    [{"cue": "told", "source": "a Ukrainian officer", "content": "Russia's 3,000-strong force  crossed the river",
      "medium": "AFP", "source_type": "military"}],
    [("crossed", "evidential", "probable")],
)

# texts whose every character must come out as written (spacing, line breaks, marks in them)
TEXTS = [
    "Russia's 3,000-strong force crossed.",
    "Two  spaces,\ttab and  trailing space ",
    "Headline of the day\n\nFirst paragraph.\nSecond line.\n\n\nThird after blanks.",
    "Windows lines\r\nare kept\r\n",
    "   indented line\n\n",
    "Quotes \"x\" & 'y' <b>not markup</b> &amp; kept.",
    "Accents: Dubău, Kyiv — ±5 soldiers 🚀 fled.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_text_is_kept_exactly(text):
    doc = build(text, [], [], [])
    assert read(view(doc)).paragraphs == lines(text)


@pytest.mark.parametrize("text", TEXTS)
def test_text_is_kept_exactly_with_marks(text):
    """Every word marked as a count, a source, a cue, a content and a hedge cue in a hedged sentence."""
    export = to_dict(build(text, [], [], []))
    spans = [{"start": i, "end": i + len(w), "text": w} for w, i in _positions(text, text.split())]
    export["counts"] = [{**s, **count_data(value=i)} for i, s in enumerate(spans)]
    export["attributions"] = [{"cue": s, "source": s, "content": s} for s in spans]
    export["sentences"] = [{**s, "certainty": "possible", "cues": [s]} for s in spans]
    assert read(view(export)).paragraphs == lines(text)


def _positions(text, words):
    at = 0
    for word in words:
        at = text.index(word, at)
        yield word, at
        at += len(word)


# (what is injected where)
HOSTILE = [
    ("text", "Kyiv said <script>alert(1)</script> 12 soldiers died."),
    ("actor", '"><img src=x onerror=alert(1)>'),
    ("title", "<script>alert('title')</script>.txt"),
    ("source_type", "x\" onmouseover=\"alert(1)"),
    ("cue type", "</span><iframe src=//evil>"),
]


@pytest.mark.parametrize("where,payload", HOSTILE)
def test_nothing_in_the_input_becomes_markup(where, payload):
    text = payload if where == "text" else "Kyiv said 12 soldiers died."
    doc = build(text, [("12 soldiers", dict(value=12, kind="killed", actor=payload if where == "actor" else None))],
                [{"cue": "said", "source": "Kyiv", "content": "12 soldiers died",
                  "source_type": payload if where == "source_type" else "government"}],
                [("said", payload if where == "cue type" else "evidential", "probable")])
    export = to_dict(doc, {"title": payload} if where == "title" else None)
    for page in (True, False):
        reader = read(view(export, page=page))
        assert reader.tags <= ALLOWED_TAGS, reader.tags - ALLOWED_TAGS
        assert {name for name, _ in reader.attrs} <= ALLOWED_ATTRS
        assert all(href.startswith("#") for href in reader.hrefs)
        assert reader.paragraphs == lines(text)


def crossing():
    """A content that ends inside a count, a count that starts inside a source, a cue also a hedge cue."""
    text = "Officials in Aden claimed some 400 fighters massed near the port."
    doc = build(text, [("some 400 fighters", dict(value=400, kind="troops"))],
                [{"cue": "claimed", "source": "Officials in Aden", "content": "Aden claimed some 400"}],
                [("claimed", "evidential", "unverified")])
    return to_dict(doc)


def test_crossing_spans_nest_and_keep_one_label_each():
    markup = view(crossing())
    reader = read(markup)
    assert reader.paragraphs == lines(crossing()["text"])
    body = markup.split('<div class="cn-body">', 1)[1]
    for label in ("TROOPS 400", "SOURCE unknown", "CUE", "HEDGE evidential", "UNVERIFIED"):
        assert body.count(f">{label}<") == 1, label
    assert len(reader.ids) == len(set(reader.ids))


def test_a_mark_split_by_another_is_opened_again_without_its_label():
    """The source holds the start of the content, the content the start of the count: each of
    the inner marks is closed where the outer one ends and opened again after it."""
    export = crossing()
    html = body_html(export["text"], article_marks(export))
    assert html.count('class="cn-content"') == 2
    assert html.count('class="cn-mark cn-count cn-k-troops"') == 2
    assert html.count('class="cn-mark cn-source"') == 1
    assert html.count(">TROOPS 400<") == 1


# (text, the span as start:end offsets, which starts or lies between paragraphs)
BETWEEN_PARAGRAPHS = [
    ("Border clash\n\nKyiv said 5 troops died.", (12, 18), 1),   # starts on the blank line: label on "Kyiv"
    ("Border clash\r\n\r\nKyiv said it.", (12, 20), 1),         # on a Windows line break
    ("Border clash\n\n\nKyiv said it.", (12, 14), 0),            # only line breaks: nothing to draw
]


@pytest.mark.parametrize("text,offsets,labels", BETWEEN_PARAGRAPHS)
def test_a_mark_that_starts_between_paragraphs_keeps_its_label(text, offsets, labels):
    export = to_dict(build(text, [], [], []))
    start, end = offsets
    export["attributions"] = [{"cue": None, "source": {"start": start, "end": end, "text": text[start:end]}}]
    markup = view(export)
    assert markup.count(">SOURCE unknown<") == labels and read(markup).paragraphs == lines(text)


def test_links_of_the_panel_and_the_labels_reach_their_targets():
    reader = read(view([to_dict(REPORT), crossing()], page=True))
    ids = set(reader.ids)
    assert reader.hrefs and {h[1:] for h in reader.hrefs} <= ids
    assert any("claim" in h for h in reader.hrefs) and any("count" in h for h in reader.hrefs)


def test_panel_lists_figure_source_and_certainty():
    markup = view(REPORT)
    panel = markup.split('<table class="cn-claims">', 1)[1]
    for cell in ("3,000", "3,000-strong force", "Russia", "a Ukrainian officer (military)", "probable"):
        assert cell in panel, cell


def test_empty_document():
    import spacy

    markup = view(spacy.blank("en")(""))
    assert "(empty document)" in markup and "No figures found." in markup
    read(markup)


def test_document_without_attributions():
    doc = build("Kyiv has 8,000 troops.", [("8,000 troops", dict(value=8000, actor="Ukraine"))])
    markup = view(doc)
    assert "cn-source" not in markup.split('<div class="cn-body">', 1)[1]
    assert "TROOPS 8,000 · Ukraine" in markup and read(markup).paragraphs == ["Kyiv has 8,000 troops."]


# (text, is the first line a headline)
HEADLINES = [
    ("Troops mass at the border\n\nThe army said 400 troops arrived.", True),
    ("The army said 400 troops arrived.\n\nMore later.", False),
    ("Troops mass at the border\nThe army said 400 troops arrived.", False),
    ("Troops mass at the border", False),
]


@pytest.mark.parametrize("text,headline", HEADLINES)
def test_headline(text, headline):
    assert ('class="cn-p cn-headline"' in body_html(text, [])) is headline


def test_paragraphs_are_the_non_blank_lines():
    text = "Head\r\n\r\n body one\nbody two\n  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Head", " body one", "body two"]


def test_jupyter_shows_the_view(monkeypatch):
    ipython_display = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(ipython_display, "display", shown.append)
    assert conflictnlp.render(REPORT, jupyter=True) is None
    assert isinstance(shown[0], ArticleView)
    assert shown[0]._repr_html_() == view(REPORT) == str(ArticleView(REPORT))
    assert "<script" not in view(REPORT) and "http" not in view(REPORT)  # no script, no outside asset


def test_layers_and_colours():
    only_hedges = view(REPORT, layers=["hedging"])
    body = only_hedges.split('<div class="cn-body">', 1)[1]
    assert "cn-count" not in body and "cn-claims" not in body and "HEDGE evidential" in body
    assert "#123456" in view(REPORT, options={"colors": {"TROOPS": "#123456"}})


def test_displacy_stays_available():
    markup = view(REPORT, style="displacy")
    assert "TROOPS 3,000 · Russia" in markup and "cn-view" not in markup
    with pytest.raises(ValueError, match="unknown style 'ruby'"):
        view(REPORT, style="ruby")


def test_cli_html_style(monkeypatch, tmp_path, capsys):
    import io

    from conflictnlp import cli

    from docbuild import stub_pipeline

    monkeypatch.setattr(cli, "load_pipeline", lambda base: stub_pipeline)
    (tmp_path / "a.txt").write_text("Russia has 50,000 troops.", encoding="utf8")
    pages = {}
    for style in ("article", "displacy"):
        out = io.StringIO()
        assert cli.main(["extract", "--format", "html", "--html-style", style, str(tmp_path / "a.txt")], stdout=out) == 0
        pages[style] = out.getvalue()
    assert "cn-view" in pages["article"] and "cn-view" not in pages["displacy"]
    assert cli.main(["extract", "--format", "html", "--html-style", "ruby", str(tmp_path / "a.txt")], stdout=io.StringIO()) == 2
    assert "--html-style ruby: unknown style (choose from article, displacy)" in capsys.readouterr().err


def test_screenshots_are_of_the_current_view():
    from article_screenshots import EXPORTS, IMAGES, SCREENSHOTS, STAMP, load_exports, page_html, stamp

    for name in SCREENSHOTS:
        assert (IMAGES / name).stat().st_size > 10_000, name
        assert (IMAGES / name).read_bytes().startswith(b"\x89PNG"), name
    assert EXPORTS.exists()
    assert STAMP.read_text().strip() == stamp(page_html(load_exports())), (
        "the article view changed since docs/images/article-view*.png were made: "
        "run PYTHONPATH=src python tests/views/test_article_browser.py --screenshots"
    )
