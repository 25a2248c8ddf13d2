"""Many small files: documents a second for a whole `claimtrack ingest` process. Run by hand.

    python benchmarks/small_files.py --files 10000 --jobs 1 2

Writes N one-line articles (distinct, so none is skipped as already there) into a temporary
folder and times `claimtrack ingest --jobs J` on them as a separate process, model load included,
then prints documents a second with and without the model load (a process that only loads the
model and stops measures it). The machine's cores are printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(arguments: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    claimtrack = [sys.executable, "-m", "claimtrack"]
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles"
        articles.mkdir()
        for n in range(args.files):
            (articles / f"a{n:06d}.txt").write_text(
                f"Le maire numéro {n} a annoncé la fermeture du pont {n} et de la route {n * 7}.\n", encoding="utf-8")
        load = timed([*claimtrack, "--db", f"{folder}/load.db", "ingest", "--jobs", "1",
                      str(articles / "a000000.txt")])
        print(f"{os.cpu_count()} core(s); {args.files} one-line files; a process ingesting one file: {load:.1f} s")
        for jobs in args.jobs:
            seconds = timed([*claimtrack, "--db", f"{folder}/j{jobs}.db", "ingest", "--jobs", str(jobs), str(articles)])
            print(f"--jobs {jobs}: {seconds:6.1f} s  {args.files / seconds:6.1f} docs/s whole process, "
                  f"{args.files / max(seconds - load, 1e-9):6.1f} docs/s past the model load")


if __name__ == "__main__":
    main()
