"""Claim grouping time and peak memory as the store grows: run by hand, not in CI.

    python benchmarks/grouping.py --sizes 25000 50000 100000

For each size, a script-made store of synthetic claims (invented French sentences from word
lists; one claim in five is a drifted copy of an earlier one in another document: shortened,
one word changed, or a hedge dropped) is grouped from scratch by `claimtrack regroup` in a
child process, which reports wall time and peak resident memory (ru_maxrss). Growth is
near-linear when time per claim stays flat across sizes. The planted copies found in their
original's group are counted too (the recall of near-duplicate detection).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from peak import PEAK_MB

from claimtrack.folding import fold_for_search

SYLLABLES = ["ba", "cor", "di", "fa", "gen", "lo", "mi", "nor", "pa", "que", "ri", "sul", "ta", "ver", "zo", "cha",
             "tri", "mon", "bel", "gra", "pi", "ste", "lu", "vo", "dan", "fer", "ol", "ur", "is", "ent"]
FUNCTION_WORDS = ["le", "la", "les", "de", "des", "du", "et", "à", "en", "que", "qui", "un", "une", "pour", "sur",
                  "dans", "par", "a", "est", "sont", "ne", "pas", "plus", "avec", "son", "sa", "ses", "ce", "il"]
HEDGES = ["probablement", "sans doute", "peut-être", "vraisemblablement"]


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    """Invented content words: news vocabulary is large, and a word's frequency falls with its rank."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, words: list[str]) -> str:
    out = []
    for _ in range(rng.randint(14, 26)):
        if rng.random() < 0.45:
            out.append(rng.choice(FUNCTION_WORDS))
        else:  # Zipf-like: low ranks are common
            out.append(words[min(int(rng.paretovariate(1.1)) - 1, len(words) - 1)])
    out.insert(rng.randint(3, len(out) - 2), rng.choice(HEDGES))
    return " ".join(out).capitalize() + "."


def drift(text: str, rng: random.Random, words: list[str]) -> str:
    tokens = text.rstrip(".").split()
    kind = rng.choice(["shortened", "changed", "hedge"])
    if kind == "shortened":
        return " ".join(tokens[: max(10, len(tokens) * 3 // 4)]) + "."
    if kind == "changed":
        tokens[rng.randrange(4, len(tokens))] = rng.choice(words)
        return " ".join(tokens) + "."
    hedges = {h.split()[0] for h in HEDGES} | {"doute"}
    return " ".join(t for t in tokens if t not in hedges) + "."


def build(path: Path, claims: int, seed: int = 1) -> int:
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(path), "db", "upgrade"], check=True,
                   capture_output=True)
    rng = random.Random(seed)
    words = vocabulary(rng)
    connection = sqlite3.connect(path)
    planted = 0
    texts: list[str] = []
    with connection:
        per_document = 20
        for doc in range(claims // per_document):
            doc_id = connection.execute(
                "INSERT INTO documents (name, sha256, outlet, published, language, text, ingested_at,"
                " pipeline_backend, pipeline_model, pipeline_version) VALUES (?, ?, ?, ?, 'fr', '', ?, 'synthetic',"
                " 'none', '1')", (f"doc{doc:06d}.txt", f"{doc:064x}", f"Outlet {doc % 40}",
                                  f"2026-{1 + doc % 12:02d}-{1 + doc % 28:02d}", "2026-11-28 00:00:00")).lastrowid
            rows = []
            for n in range(per_document):
                if texts and rng.random() < 0.2:
                    text = drift(rng.choice(texts), rng, words)
                    planted += 1
                else:
                    text = sentence(rng, words)
                    texts.append(text)
                rows.append((doc_id, n * 300, n * 300 + len(text), text, fold_for_search(text)))
            connection.executemany(
                "INSERT INTO claims (document_id, kind, start, \"end\", text, text_folded, speaker_type, mode,"
                " confidence, origin, status)"
                " VALUES (?, 'claim', ?, ?, ?, ?, 'editorial', 'none', 0.5, 'machine', 'machine')", rows)
    connection.close()
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} core(s); python {sys.version.split()[0]}")
    print(f"{'claims':>8} {'planted':>8} {'groups':>7} {'grouped':>8} {'time s':>7} {'µs/claim':>9} {'peak MB':>8}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "claims.db"
            planted = build(path, size)
            code = (PEAK_MB + "import json, sys, time\n"
                    "from claimtrack.store.db import Database\n"
                    "from claimtrack.provenance.grouping import rebuild_groups\n"
                    "t = time.perf_counter()\n"
                    f"database = Database({str(path)!r})\n"
                    "with database.session() as session:\n"
                    "    result = rebuild_groups(session)\n"
                    "print(json.dumps({'seconds': time.perf_counter() - t, 'groups': result.groups,"
                    " 'matched': result.matched, 'peak_kb': peak_mb() * 1024}))\n")
            child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            if child.returncode:
                raise SystemExit(f"grouping failed at {size} claims:\n{child.stderr[-3000:]}")
            figures = json.loads(child.stdout)
            connection = sqlite3.connect(path)
            grouped = connection.execute("SELECT count(*) FROM claims WHERE group_id IS NOT NULL").fetchone()[0]
            connection.close()
            print(f"{size:>8} {planted:>8} {figures['groups']:>7} {grouped:>8} {figures['seconds']:>7.1f} "
                  f"{1e6 * figures['seconds'] / size:>9.0f} {figures['peak_kb'] / 1024:>8.0f}")


if __name__ == "__main__":
    main()
