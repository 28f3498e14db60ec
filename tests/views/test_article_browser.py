"""The article view in a real browser: headless Chromium (driven by Playwright) lays out pages of
war reporting, and the layout is checked: no two labels overlap, no label covers text, and the
text a reader sees (labels aside) is the input text, line for line.

Needs the ``playwright`` Python package (in the test extra; it drives an installed Chromium and
downloads no browser) and a Chromium: ``apt-get install chromium``, or a path in
``CONFLICTNLP_CHROMIUM``. Without either the tests are skipped with a message saying which is
missing.

Also the tool that makes the screenshots in docs/images/ (see docs/views.md)::

    PYTHONPATH=src python tests/views/test_article_browser.py --screenshots
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from article_pages import PAGES  # noqa: E402
from article_screenshots import IMAGES, load_exports, page_html, write_exports, write_stamp  # noqa: E402

WIDTHS = (1000, 420)  # a desktop window and a phone

# Every label's box, every line fragment of text outside labels, and the paragraphs' text with
# the labels taken out; run in the page.
LAYOUT = """() => {
  const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const labels = [...document.querySelectorAll('.cn-body .cn-label')].map(e => ({
    text: e.textContent, box: box(e.getBoundingClientRect())}));
  const texts = [];
  const walker = document.createTreeWalker(document.querySelector('body'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('.cn-body') || node.parentElement.closest('.cn-label')) continue;
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const para = [...document.querySelectorAll('.cn-body p')].indexOf(node.parentElement.closest('p'));
    for (const r of range.getClientRects()) texts.push({text: node.textContent, box: box(r), para});
  }
  const bodies = [...document.querySelectorAll('.cn-body')].map(e => box(e.getBoundingClientRect()));
  return {labels, texts, bodies};
}"""

VISIBLE_TEXT = """() => {
  const style = document.createElement('style');
  style.textContent = '.cn-label{display:none !important}';
  document.head.appendChild(style);
  return [...document.querySelectorAll('.cn-doc')].map(doc =>
    [...doc.querySelectorAll('.cn-body p')].map(p => p.innerText));
}"""


def find_chromium():
    given = os.environ.get("CONFLICTNLP_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright): browser layout not checked"
    )
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CONFLICTNLP_CHROMIUM): browser layout not checked")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        except Exception as error:  # a browser that does not start is reported, not hidden
            pytest.fail(f"Chromium at {chromium} did not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def live_exports():
    """The pages through the pipeline as it is now (not the stored exports of the screenshots)."""
    import conflictnlp

    nlp = conflictnlp.load()
    return [conflictnlp.to_dict(nlp(text), {"path": name}) for name, text in PAGES.items()]


def crossing_export():
    """Spans that cross (a content that ends inside a count) and marks side by side with long labels."""
    text = "Kherson: officials said some 2,500 troops and 30 tanks <massed> east of the river & waited."
    span = lambda part: {"start": text.index(part), "end": text.index(part) + len(part), "text": part}  # noqa: E731
    count = lambda part, kind, value: {**span(part), "value": value, "low": value, "high": value, "estimate": value,  # noqa: E731
                                       "qualifier": "exact", "kind": kind, "actor": "the Republic of Nowhere"}
    return {
        "schema": "conflictnlp/1", "text": text, "meta": {"path": "crossing <page>.txt"},
        "counts": [count("some 2,500 troops", "troops", 2500), count("30 tanks", "equipment", 30)],
        "attributions": [{"cue": span("said"), "source": span("officials"), "content": span("some 2,500"),
                          "source_type": "official", "anonymous": True, "state_media": True}],
        "sentences": [{**span(text), "certainty": "possible", "cues": [{**span("<massed>"), "type": "evidential"}]}],
    }


def overlap(a, b, tolerance=0.5):
    """Do two boxes share more than a hairline?"""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return width > tolerance and height > tolerance


def line_gaps(texts):
    """The space between one line of text and the next, within each paragraph."""
    gaps = []
    for para in {t["para"] for t in texts}:
        bands = []  # (top, bottom) of each line, lines found as text boxes that overlap vertically
        for b in sorted((t["box"] for t in texts if t["para"] == para), key=lambda b: b["top"]):
            if bands and b["top"] < bands[-1][1]:
                bands[-1] = (bands[-1][0], max(bands[-1][1], b["bottom"]))
            else:
                bands.append((b["top"], b["bottom"]))
        gaps += [below[0] - above[1] for above, below in zip(bands, bands[1:])]
    return gaps


def layout(browser, html, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.set_content(html)
        return page.evaluate(LAYOUT), page.evaluate(VISIBLE_TEXT)
    finally:
        page.close()


def lines(text):
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def check_page(browser, exports, width, html=None):
    boxes, visible = layout(browser, html or page_html(exports), width)
    labels, texts = boxes["labels"], boxes["texts"]
    assert labels, "no labels drawn"
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not overlap(a["box"], b["box"]), f"labels {a['text']!r} and {b['text']!r} overlap at {width}px"
        for t in texts:
            assert not overlap(a["box"], t["box"]), f"label {a['text']!r} covers the text {t['text']!r} at {width}px"
        assert any(a["box"]["right"] <= body["right"] + 1 for body in boxes["bodies"]), f"label {a['text']!r} sticks out"
    assert min(line_gaps(texts)) >= 12, f"lines of text closer than 12px at {width}px: no room for labels"
    for export, shown in zip(exports, visible):
        assert shown == lines(export["text"]), f"{export['meta'].get('path')}: the text shown is not the input at {width}px"
    assert len(visible) == len(exports)


@pytest.mark.parametrize("width", WIDTHS)
def test_live_pages_lay_out_cleanly(browser, live_exports, width):
    check_page(browser, live_exports, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_stored_pages_and_crossing_spans_lay_out_cleanly(browser, width):
    check_page(browser, load_exports() + [crossing_export()], width)


# Rules of the kind a notebook front end applies to the HTML outputs it shows (element selectors
# under its output area): the view's own rules must win.
NOTEBOOK_HOST = (
    ".output p{margin:0 0 1em;line-height:1.3;text-align:left}.output span{line-height:1}"
    ".output table{table-layout:fixed;margin:0 auto;font-size:12px;border:none}"
    ".output td,.output th{text-align:right;padding:.5em;border:none}"
    ".output tbody tr:nth-child(odd){background:#f5f5f5}.output a{color:red}.output *{box-sizing:border-box}"
)


@pytest.mark.parametrize("width", WIDTHS)
def test_notebook_output_lays_out_cleanly(browser, width):
    import conflictnlp

    exports = load_exports()
    fragment = conflictnlp.render(exports, jupyter=False)
    html = f'<html><head><style>{NOTEBOOK_HOST}</style></head><body><div class="output">{fragment}</div></body></html>'
    check_page(browser, exports, width, html)


def test_claim_links_reach_their_figures(browser):
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    try:
        page.set_content(page_html(load_exports()))
        targets = page.evaluate(
            "() => [...document.querySelectorAll('a[href^=\"#\"]')].map(a => "
            "[a.textContent, document.getElementById(a.getAttribute('href').slice(1)) !== null])"
        )
    finally:
        page.close()
    assert targets and all(found for _, found in targets), [text for text, found in targets if not found]


def make_screenshots(out: Path = IMAGES) -> None:
    """Store the pages' exports as the pipeline gives them now, write docs/images/article-view*.png
    of their view and the stamp of its HTML."""
    from playwright.sync_api import sync_playwright

    write_exports()
    exports = load_exports()
    html = page_html(exports)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox", "--disable-dev-shm-usage"])
        for name, width, selector in (("article-view.png", 960, ".cn-view"), ("article-view-phone.png", 420, ".cn-doc >> nth=2")):
            page = browser.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)
            page.set_content(html)
            if name == "article-view.png":  # the legend and the first document
                page.evaluate("() => document.querySelectorAll('.cn-doc').forEach((e, i) => { if (i) e.remove(); })")
            page.locator(selector).screenshot(path=str(out / name))
            page.close()
        browser.close()
    write_stamp(html)
    print(json.dumps({"written": [str(p) for p in sorted(out.glob("article-view*"))]}))


if __name__ == "__main__":
    if sys.argv[1:] == ["--screenshots"]:
        make_screenshots()
    else:
        print("usage: PYTHONPATH=src python tests/views/test_article_browser.py --screenshots")
