"""The screenshots of the article view in docs/images/: what they show and whether they are current.

``article-view.jsonl`` holds the exports of the pages of :mod:`article_pages` as the pipeline gave
them when the screenshots were made; ``article-view.sha256`` the hash of the HTML page that
``conflictnlp.render`` makes of them. A change to the view changes that HTML, and the test of
freshness then asks for new screenshots (``tests/views/test_article_browser.py --screenshots``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, List

IMAGES = Path(__file__).parents[2] / "docs" / "images"
EXPORTS = IMAGES / "article-view.jsonl"
STAMP = IMAGES / "article-view.sha256"
SCREENSHOTS = ("article-view.png", "article-view-phone.png")


def write_exports() -> None:
    """Run the pages through the pipeline and store their exports."""
    import conflictnlp

    from article_pages import PAGES

    nlp = conflictnlp.load()
    lines = [json.dumps(conflictnlp.to_dict(nlp(text), {"path": name}), ensure_ascii=False) for name, text in PAGES.items()]
    EXPORTS.write_text("\n".join(lines) + "\n", encoding="utf8")


def load_exports() -> List[Dict[str, Any]]:
    return [json.loads(line) for line in EXPORTS.read_text(encoding="utf8").splitlines() if line.strip()]


def page_html(exports: List[Dict[str, Any]]) -> str:
    import conflictnlp

    return conflictnlp.render(exports, page=True, jupyter=False)


def stamp(html: str) -> str:
    return hashlib.sha256(html.encode("utf8")).hexdigest()


def write_stamp(html: str) -> None:
    STAMP.write_text(stamp(html) + "\n", encoding="utf8")
