"""A news archive to try extraction, the ledger and trace at scale (a script, not a test).

    python bench/make_archive.py [--documents 20000] [--seed 7] [--out archive.jsonl.gz] [--parquet]

Every document is one line of ``.jsonl.gz`` (or one row of ``.parquet`` with ``--parquet``) with
``id``, ``date`` (spread over 2024), ``outlet`` (one of a dozen invented outlets), ``url`` and
``text``. The texts are those of our own corpus (``corpus/*.jsonl``), drawn at random (but see below). So that
``conflictnlp ledger trace`` has something to follow, some documents open with a paragraph in
which a figure travels: an invented source gives it first (in one outlet's document), other outlets
repeat it in the days after, "..., the Northern Ledger reported, citing U.S. officials", and others
still repeat them, "..., the Harbor Times reported, citing the Northern Ledger". The stories, their
sources and the outlets are invented; the same ``--seed`` gives the same archive.

The texts drawn leave out those of the corpus that already give one of a story's figures for the
story's subject (a text that names North Korea and "11,000" or "11000", say): their reports would
join the story's in ``ledger trace 11000 --actor "North Korea"`` and mix the corpus's sources with
its origin (see ``story_free_texts``).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
YEAR = datetime.date(2024, 1, 1)
DAYS = 366

OUTLETS = (
    "Northern Ledger", "Harbor Times", "Coastal Courier", "Valley Gazette", "Meridian Post", "Eastern Dispatch",
    "Lakeside Herald", "Granite Tribune", "Riverside Chronicle", "Summit Observer", "Frontier Wire", "Capital Bulletin",
)

# The travelling figures: (what, the figure's words after the number, the rest of the sentence, its origins).
# Each story runs in episodes over the year, each episode a new figure from one of its origins.
STORIES = (
    ("North Korean troops", "North Korean troops", "had been sent to the border region",
     ("U.S. officials", "Western intelligence officials", "a senior defence ministry official")),
    ("Russian losses", "Russian soldiers", "had been killed in the offensive near the river crossing",
     ("Western intelligence officials", "Colonel Ardan Velt, a military spokesman")),
    ("Belarusian troops", "Belarusian troops", "were massing near the frontier",
     ("Colonel Ardan Velt, a military spokesman", "U.S. officials")),
    ("Ukrainian prisoners", "Ukrainian soldiers", "had been captured near the village",
     ("a senior defence ministry official", "the regional governor")),
    ("Russian tanks", "Russian tanks", "had been destroyed in the battle for the plateau",
     ("a senior defence ministry official", "Western intelligence officials")),
    ("Hezbollah losses", "Hezbollah fighters", "had been killed since the spring",
     ("Israeli army officials", "a senior Israeli official")),
)
FIGURES = {  # the figures each story's episodes give, in order (a story grows over the year)
    "North Korean troops": (3000, 8000, 11000, 12000), "Russian losses": (1800, 4200, 6500),
    "Belarusian troops": (5000, 8500), "Ukrainian prisoners": (240, 650), "Russian tanks": (90, 150),
    "Hezbollah losses": (700, 1400),
}
SUBJECTS = {  # the name a text gives each story's subject in (a stem: "North Korea" is also "North Korean")
    "North Korean troops": "North Korea", "Russian losses": "Russia", "Belarusian troops": "Belarus",
    "Ukrainian prisoners": "Ukrain", "Russian tanks": "Russia", "Hezbollah losses": "Hezbollah",
}
APPROXIMATORS = ("About", "Some", "Roughly", "Nearly", "Around")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The paragraph of each kind of report: the origin's own words (in the first outlet), a repeat citing
# the first outlet and the origin, a repeat of such a repeat ("the {cited} reported, citing the
# {first}"), and one with "according to" (its chain goes on from that outlet's own report).
FIRST = "{origin_cap} said on {weekday} that {number} {noun} {rest}, a figure that could not be independently verified."
CITING_ORIGIN = "{approx} {number} {noun} {rest}, the {cited} reported on {weekday}, citing {origin}."
CITING_OUTLET = "{approx} {number} {noun} {rest}, the {cited} reported, citing the {first}."
ACCORDING = "According to the {cited}, {number} {noun} {rest}."


def corpus_texts(root: Path = ROOT) -> List[str]:
    """The texts of our corpus, in file and line order."""
    texts = []
    for name in ("train.jsonl", "dev.jsonl", "test.jsonl"):
        with open(root / "corpus" / name, encoding="utf8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts


def _figure_pattern(numbers: Sequence[int]) -> "re.Pattern[str]":
    """A number of ``numbers`` as a whole number, written ``11,000`` or ``11000`` (not ``111,000``, ``11,000.5``)."""
    forms = sorted({form for n in numbers for form in (f"{n:,}", str(n))}, key=len, reverse=True)
    return re.compile(r"(?<![\d,.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\d]|[,.]\d)")


def story_free_texts(texts: Sequence[str]) -> List[str]:
    """``texts`` (in order) without those that give one of a story's figures and name the story's subject."""
    tests = [(SUBJECTS[what], _figure_pattern(FIGURES[what])) for what, *_ in STORIES]
    return [text for text in texts if not any(subject in text and figure.search(text) for subject, figure in tests)]


def _day(offset: int) -> datetime.date:
    return YEAR + datetime.timedelta(days=min(max(offset, 0), DAYS - 1))


def _fill(template: str, rng: random.Random, **values: Any) -> str:
    values.setdefault("approx", rng.choice(APPROXIMATORS))
    values.setdefault("weekday", rng.choice(WEEKDAYS))
    origin = values.get("origin", "")
    values.setdefault("origin_cap", origin[:1].upper() + origin[1:])
    return template.format(**values)


def episode(rng: random.Random, story: Tuple[str, str, str, Sequence[str]], number: int,
            start: int) -> List[Tuple[int, str, str]]:
    """``(day, outlet, paragraph)`` of the reports of one figure: the first, then two waves of repeats."""
    _, noun, rest, origins = story
    origin = rng.choice(origins)
    words = dict(number=f"{number:,}", noun=noun, rest=rest, origin=origin)
    outlets = rng.sample(OUTLETS, 9)
    first, wave1, wave2 = outlets[0], outlets[1:5], outlets[5:]
    reports = [(start, first, _fill(FIRST, rng, **words))]
    for outlet in wave1:
        reports.append((start + rng.randint(1, 4), outlet, _fill(CITING_ORIGIN, rng, cited=first, **words)))
    for outlet in wave2:
        cited = rng.choice(wave1)
        template = ACCORDING if rng.random() < 0.3 else CITING_OUTLET
        reports.append((start + rng.randint(5, 20), outlet, _fill(template, rng, cited=cited, first=first, **words)))
    return reports


def story_reports(rng: random.Random) -> List[Tuple[int, str, str]]:
    """Every story paragraph of the year: the episodes of each story, spread over the year in order."""
    reports = []
    for story in STORIES:
        numbers = FIGURES[story[0]]
        span = (DAYS - 40) // len(numbers)
        for index, number in enumerate(numbers):
            reports.extend(episode(rng, story, number, index * span + rng.randint(0, span // 2)))
    return reports


def documents(count: int, seed: int, texts: Sequence[str]) -> Iterator[Dict[str, Any]]:
    """The archive's documents in date order (then id): a corpus text each, some opening with a story paragraph."""
    rng = random.Random(seed)
    stories = story_reports(rng)
    if count < len(stories):
        raise SystemExit(f"--documents {count}: at least {len(stories)} are needed for the story paragraphs")
    planned = [(day, outlet, paragraph) for day, outlet, paragraph in stories]
    planned += [(rng.randrange(DAYS), rng.choice(OUTLETS), None) for _ in range(count - len(stories))]
    planned.sort(key=lambda item: item[0])
    numbers: Dict[str, int] = {}
    for day, outlet, paragraph in planned:
        slug = outlet.lower().replace(" ", "-")
        numbers[slug] = numbers.get(slug, 0) + 1
        date = _day(day).isoformat()
        doc_id = f"{slug}-{numbers[slug]:05d}"
        body = rng.choice(texts)
        yield {"id": doc_id, "date": date, "outlet": outlet, "url": f"https://{slug}.example/{date}/{doc_id}",
               "text": f"{paragraph}\n\n{body}" if paragraph else body}


def write_jsonl_gz(path: Path, docs: Iterator[Dict[str, Any]]) -> int:
    """The documents as gzip-compressed JSON lines, byte for byte the same for the same documents (no time stamp)."""
    n = 0
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(path: Path, docs: Iterator[Dict[str, Any]], batch: int = 2000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.string()) for name in ("id", "date", "outlet", "url", "text")])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        rows: List[Dict[str, Any]] = []
        for doc in docs:
            rows.append(doc)
            if len(rows) == batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n, rows = n + len(rows), []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def main(argv: Sequence[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20000, help="how many documents (default 20000)")
    parser.add_argument("--seed", type=int, default=7, help="the random seed (default 7)")
    parser.add_argument("--out", default=None, help="the archive to write (default archive.jsonl.gz, or archive.parquet)")
    parser.add_argument("--parquet", action="store_true", help="write Parquet (needs pyarrow) instead of .jsonl.gz")
    args = parser.parse_args(argv)
    out = Path(args.out or ("archive.parquet" if args.parquet else "archive.jsonl.gz"))
    started = time.perf_counter()
    docs = documents(args.documents, args.seed, story_free_texts(corpus_texts()))
    written = (write_parquet if args.parquet else write_jsonl_gz)(out, docs)
    print(f"{written} documents written to {out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
