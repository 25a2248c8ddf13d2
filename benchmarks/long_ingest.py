"""Whole `claimtrack ingest` of one long article: seconds per MB and peak memory by size. Run by hand.

    python benchmarks/long_ingest.py --corpus ../shared/corpus/news200 --sizes 1 5 20 [--speakers]

Builds one article of each size (in MB) from the paragraphs of a folder of real news articles,
taken in turn (numbers changed on each pass so no paragraph repeats), and ingests it into a new
SQLite file as a separate process; prints seconds, seconds per MB, their ratio to the smallest
size (past the model load, measured by a process ingesting one line) and the process's peak RSS,
also above that of the one-line process. `--speakers` appends to every paragraph a quotation by a
speaker of its own ("« … », a déclaré Prénom Nom123."), so that the article names thousands of
different speakers: the case where work per sentence could grow with the speakers met so far.
A linear ingest keeps seconds per MB flat.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peak import PEAK_MB

from claimtrack.engine.pipeline import PIECE_CHARS

FIRST = "Amélie Bruno Chloé Damien Élodie Fabrice Gaëlle Hugo Inès Julien Karim Léa Marius Noémie Olivier".split()
LAST = "Arnaud Besson Charpentier Delorme Estève Fournier Garnier Hébert Imbert Joly Lacroix Marchand".split()


def paragraphs(corpus: Path) -> list[str]:
    found = []
    for path in sorted(corpus.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = " ".join(block.split())
            if len(block.split()) >= 25 and block[-1:] in ".»\"":
                found.append(block)
    return found


def article(corpus: Path, megabytes: float, speakers: bool) -> str:
    source = paragraphs(corpus)
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        paragraph = source[n % len(source)]
        if n >= len(source):
            paragraph = paragraph.replace("20", str(10 + (n // len(source)) % 89))
        if speakers:
            name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}{n}"
            paragraph += f" « Nous verrons bien », a déclaré {name}."
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
        n += 1
    return "Un article très long\n\n" + "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20])
    parser.add_argument("--speakers", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} core(s); {'many speakers' if args.speakers else 'news text'}; "
          f"documents past {PIECE_CHARS:,} characters are analysed and stored in pieces")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.txt"
        path.write_text("Le maire a annoncé la fermeture du pont.\n", encoding="utf-8")
        load, load_peak, torch = ingest(path, Path(folder) / "one.db", 1)
    print(f"a process ingesting one line: {load:.1f} s, peak {load_peak:.0f} MB"
          f"{' (torch imported by spaCy: installed here)' if torch else ''}")
    print(f"{'MB':>5} {'seconds':>8} {'s/MB':>7} {'ratio':>6} {'peak MB':>8} {'above one line':>15}")
    base = None
    for megabytes in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "long.txt"
            path.write_text(article(args.corpus, megabytes, args.speakers), encoding="utf-8")
            seconds, peak, _ = ingest(path, Path(folder) / "long.db", megabytes)
            per = (seconds - load) / megabytes  # past the model load, which a long article pays once
            base = base or per
            print(f"{megabytes:5g} {seconds:8.1f} {per:7.1f} {per / base:6.2f} {peak:8.0f} {peak - load_peak:15.0f}")


def ingest(path: Path, database: Path, megabytes: float) -> tuple[float, float, bool]:
    """Seconds, peak RSS in MB, and whether torch was loaded, of a whole `ingest` process."""
    code = (PEAK_MB + "import sys\nfrom claimtrack.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('TORCH', 'torch' in sys.modules)\n"
            "print('PEAK', peak_mb())\n")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "--db", str(database), "ingest", "--json",
                           "--max-bytes", str(int(megabytes * 1_000_000) + 1_000_000), str(path)],
                          check=True, capture_output=True, text=True)
    if '"status": "ingested"' not in done.stdout:
        raise SystemExit(f"{path.name} was not ingested:\n{done.stdout}{done.stderr}")
    seconds = time.perf_counter() - started
    peak = float(done.stdout.rsplit("PEAK", 1)[1])
    return seconds, peak, "TORCH True" in done.stdout

if __name__ == "__main__":
    main()
