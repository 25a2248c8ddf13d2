"""Ingest time against article length: run by hand, not in CI.

    python benchmarks/long_articles.py --sizes 50 100 200 400 800

Builds one article of each size (in KB) by repeating the seeds' paragraphs with their numbers
changed, analyses it with the default backend, and prints seconds, seconds per 100 KB and the
ratio to the smallest size: a linear engine keeps seconds per 100 KB flat.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from claimtrack.engine import Analyzer
from claimtrack.engine.text.kinds import paragraph_kinds
from claimtrack.engine.text.segmenter import paragraphs as paragraphs_of
from claimtrack.engine.text.segmenter import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def running_text() -> list[str]:
    """The seeds' paragraphs of running text (no furniture, which would close the article)."""
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = segment(text)
        kinds = paragraph_kinds(text, spans)
        for number, (start, end, _lines) in enumerate(paragraphs_of(text)):
            if kinds.get(number) == "claim" and len(text[start:end].split()) > 8:
                paragraphs.append(" ".join(text[start:end].split()))
    return paragraphs


def article(kilobytes: int) -> str:
    paragraphs = running_text()
    parts, size, n = [], 0, 0
    while size < kilobytes * 1000:
        paragraph = paragraphs[n % len(paragraphs)].replace("2020", str(1900 + n % 120))
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
        n += 1
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400, 800])
    args = parser.parse_args()
    analyzer = Analyzer("spacy")
    analyzer.analyze(article(5))  # load the model and warm up
    base = None
    print(f"{'KB':>6} {'sentences':>10} {'seconds':>9} {'s/100KB':>8} {'ratio':>6}")
    for kb in args.sizes:
        text = article(kb)
        started = time.perf_counter()
        analysis = analyzer.analyze(text)
        elapsed = time.perf_counter() - started
        per = elapsed / kb * 100
        base = base or per
        print(f"{kb:6d} {len(analysis.segments):10d} {elapsed:9.2f} {per:8.2f} {per / base:6.2f}")


if __name__ == "__main__":
    main()
