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

SUBJECTS = ["le ministre", "la porte-parole", "le gouverneur", "un diplomate", "la présidente", "le général",
            "le maire", "une responsable", "le procureur", "la commission", "le syndicat", "l'ambassadeur"]
VERBS = ["a annoncé", "a dénoncé", "a confirmé", "a démenti", "a promis", "a rappelé", "a estimé", "a exigé"]
NOUNS = ["budget", "frontière", "réforme", "accord", "enquête", "élection", "hôpital", "port", "usine", "barrage",
         "traité", "sanction", "pipeline", "récolte", "grève", "vaccin", "tribunal", "convoi", "pont", "marché",
         "réseau", "garnison", "province", "douane", "centrale", "école", "aéroport", "chantier", "budget"]
ADJECTIVES = ["nouveau", "régional", "militaire", "fiscal", "provisoire", "national", "agricole", "nucléaire",
              "portuaire", "public", "secret", "frontalier", "urbain", "minier", "sanitaire"]
PLACES = ["Lyon", "Tripoli", "Bakou", "Quito", "Dakar", "Erbil", "Minsk", "Hanoï", "Lima", "Oran", "Gdańsk", "Mossoul"]
HEDGES = ["probablement", "sans doute", "peut-être", "vraisemblablement"]
OUTCOMES = ["achevé", "suspendu", "renforcé", "réduit", "vendu", "fermé"]
WHEN = ["mars", "juin", "octobre", "la fin de l’année", "les élections"]
DESPITE = ["les protestations", "le manque de fonds", "les combats", "la crise", "la pénurie"]
WHOSE = ["des habitants", "du gouvernement", "des syndicats", "des voisins", "des banques"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} que le {rng.choice(NOUNS)} "
            f"{rng.choice(ADJECTIVES)} de {rng.choice(PLACES)} serait {rng.choice(HEDGES)} {rng.choice(OUTCOMES)} "
            f"avant {rng.choice(WHEN)} malgré {rng.choice(DESPITE)} {rng.choice(WHOSE)}.")


def drift(text: str, rng: random.Random) -> str:
    words = text.rstrip(".").split()
    kind = rng.choice(["shortened", "changed", "hedge"])
    if kind == "shortened":
        return " ".join(words[: max(10, len(words) * 3 // 4)]) + "."
    if kind == "changed":
        position = rng.randrange(4, len(words))
        words[position] = rng.choice(NOUNS + ADJECTIVES)
        return " ".join(words) + "."
    return " ".join(w for w in words if w not in {h.split()[0] for h in HEDGES} and w != "doute") + "."


def build(path: Path, claims: int, seed: int = 1) -> int:
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(path), "db", "upgrade"], check=True,
                   capture_output=True)
    rng = random.Random(seed)
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
                    text = drift(rng.choice(texts), rng)
                    planted += 1
                else:
                    text = sentence(rng)
                    texts.append(text)
                rows.append((doc_id, n * 300, n * 300 + len(text), text))
            connection.executemany(
                "INSERT INTO claims (document_id, kind, start, \"end\", text, speaker_type, mode, confidence, origin,"
                " status) VALUES (?, 'claim', ?, ?, ?, 'editorial', 'none', 0.5, 'machine', 'machine')", rows)
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
            code = ("import json, resource, sys, time\n"
                    "from claimtrack.db import Database\n"
                    "from claimtrack.provenance.grouping import rebuild_groups\n"
                    "t = time.perf_counter()\n"
                    f"database = Database({str(path)!r})\n"
                    "with database.session() as session:\n"
                    "    result = rebuild_groups(session)\n"
                    "print(json.dumps({'seconds': time.perf_counter() - t, 'groups': result.groups,"
                    " 'matched': result.matched, 'peak_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))\n")
            out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
            figures = json.loads(out)
            connection = sqlite3.connect(path)
            grouped = connection.execute("SELECT count(*) FROM claims WHERE group_id IS NOT NULL").fetchone()[0]
            connection.close()
            print(f"{size:>8} {planted:>8} {figures['groups']:>7} {grouped:>8} {figures['seconds']:>7.1f} "
                  f"{1e6 * figures['seconds'] / size:>9.0f} {figures['peak_kb'] / 1024:>8.0f}")


if __name__ == "__main__":
    main()
