"""A reviewer's commands on a store of a million claims: run by hand, not in CI.

    python benchmarks/million.py --claims 1000000 [--db /tmp/million.db] [--repeat 21]
    python benchmarks/million.py --db postgresql://user@host/million   # an empty database

Builds (or reuses, with --db pointing at a store already built) a synthetic store, SQLite or
PostgreSQL, made by a script in SQL (COPY on PostgreSQL): documents of 25 claims from 40
outlets over two years, a Zipf spread of speakers of every type, relays on one claim in ten,
reviews on one in fifty, one claim in ten first of a group that one in ten later claims join
(the same claim carried by other articles, as regrouping leaves them), claim texts from an
invented vocabulary (so that --search has something to find), then ANALYZE as ingest does
(claimtrack.store.db.refresh_statistics).
Then it times, in this process, the library call behind each command (what the CLI adds is
Python's start-up, the same for every command) and prints p50 and p95 over the repeats (21:
the p95 of fewer is their slowest, which one hiccup of a shared machine decides), with
each query's plan for the listing filters. Exports run in a child process that reports its peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

from peak import PEAK_MB
from sqlalchemy import make_url, text

from claimtrack.folding import fold_for_search
from claimtrack.reporting.profile import matching_documents, sourcing_profile
from claimtrack.reporting.reports import claim_detail, speakers
from claimtrack.store.db import Database, resolve_url, shown, sqlite_path
from claimtrack.store.queries import ClaimFilter, claim_query, iter_rows
from claimtrack.workflow.sampling import draw

TYPES = (("named", 0.45), ("unnamed", 0.12), ("outlet", 0.05), ("editorial", 0.38))
# a few accented syllables, so that folded search (`--search defa` finds "défa…") is measured too
SYLLABLES = ("ba cor di fa gen lo mi nor pa que ri sul ta ver zo cha tri mon bel gra pi ste lu vo dan fer"
             " dé rè ço").split()


def build(url: str, claims: int, seed: int = 1) -> None:
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", url, "db", "upgrade"], check=True,
                   capture_output=True)
    rng = random.Random(seed)
    words = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(20_000)})
    outlets = [f"Outlet {n}" for n in range(40)]
    names = sorted({" ".join(rng.choice(words).capitalize() for _ in range(2)) for _ in range(20_000)})
    speaker_rows = [(n, name, name.lower(), rng.choices([t for t, _ in TYPES[:3]], [w for _, w in TYPES[:3]])[0])
                    for n, name in enumerate(names, 1)]
    writer = _Writer(url)
    writer.rows("speakers", ("id", "name", "key", "type"), speaker_rows)
    per_document = 25
    day0 = date(2025, 1, 1)
    claim_id = 0
    groups: dict[int, list] = {}  # group id -> [first claim, first day, claims, documents]
    open_groups: list[int] = []  # the latest groups, which later claims may join
    for doc in range(claims // per_document):
        doc_id = doc + 1
        rows, vias, reviews = [], [], []
        for n in range(per_document):
            claim_id += 1
            speaker_type = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
            speaker = None if speaker_type == "editorial" else min(int(rng.paretovariate(0.8)), len(names))
            sentence = " ".join(words[min(int(rng.paretovariate(1.05)) - 1, len(words) - 1)]
                                for _ in range(rng.randint(10, 25))).capitalize() + "."
            status = "machine"
            if rng.random() < 0.02:
                status = rng.choice(["confirmed", "corrected", "rejected"])
                action = {"confirmed": "confirm", "corrected": "correct", "rejected": "reject"}[status]
                reviews.append((claim_id, action, status, f"reviewer{rng.randint(1, 9)}", "2026-01-01 00:00:00"))
            rows.append((claim_id, doc_id, "claim", n * 200, n * 200 + len(sentence), sentence,
                         fold_for_search(sentence), speaker, speaker_type,
                         "none" if speaker_type == "editorial" else "indirect", round(rng.random(), 2), "machine",
                         status))
            if speaker_type != "editorial" and rng.random() < 0.1:
                vias.append((claim_id, 0, rng.choice(outlets)))
            group_id, draw = None, rng.random()
            if draw < 0.1:
                group_id = len(groups) + 1
                groups[group_id] = [claim_id, (day0 + timedelta(days=doc % 700)).isoformat(), 1, {doc_id}]
                open_groups = (open_groups + [group_id])[-5000:]
            elif draw < 0.2 and open_groups:
                group_id = rng.choice(open_groups)
                groups[group_id][2] += 1
                groups[group_id][3].add(doc_id)
            rows[-1] = rows[-1] + (group_id,)
        writer.rows("documents", ("id", "name", "sha256", "outlet", "published", "language", "text", "ingested_at",
                                  "pipeline_backend", "pipeline_model", "pipeline_version"),
                    [(doc_id, f"doc{doc:07d}.txt", f"{doc:064x}", outlets[doc % len(outlets)],
                      (day0 + timedelta(days=doc % 700)).isoformat(), "fr", "", "2026-11-28 00:00:00",
                      "synthetic", "none", "1")])
        writer.rows("claims", ("id", "document_id", "kind", "start", "end", "text", "text_folded", "speaker_id",
                               "speaker_type", "mode", "confidence", "origin", "status", "group_id"), rows)
        writer.rows("claim_via", ("claim_id", "position", "outlet"), vias)
        writer.rows("reviews", ("claim_id", "action", "status", "reviewer", "created_at"), reviews)
    writer.rows("claim_groups", ("id", "first_claim_id", "first_seen", "claims", "documents", "speakers_differ",
                                 "updated_at"),
                [(group_id, first, day, count, len(documents), False, "2026-11-28 00:00:00")
                 for group_id, (first, day, count, documents) in groups.items()])
    writer.close()


class _Writer:
    """Rows into the store as fast as each database takes them: SQLite's executemany with
    synchronous off, PostgreSQL's COPY, a thousand documents to a transaction; then ANALYZE
    as ingest does (and, on PostgreSQL, the sequences moved past the ids written)."""

    FLUSH = 25_000

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith("postgresql")
        self.pending: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        self.count = 0
        if self.postgres:
            import psycopg

            self.connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
        else:
            self.connection = sqlite3.connect(sqlite_path(url))
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=OFF")

    def rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        self.pending.setdefault((table, columns), []).extend(rows)
        self.count += len(rows)
        if self.count >= self.FLUSH:
            self.flush()

    def flush(self) -> None:
        # tables in the order their foreign keys need
        order = ("speakers", "documents", "claims", "claim_via", "reviews", "claim_groups")
        for (table, columns), rows in sorted(self.pending.items(), key=lambda item: order.index(item[0][0])):
            quoted = ", ".join(f'"{c}"' for c in columns)
            if self.postgres:
                with self.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                self.connection.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)
        self.connection.commit()
        self.pending.clear()
        self.count = 0

    def close(self) -> None:
        self.flush()
        if self.postgres:
            with self.connection.cursor() as cursor:
                for table in ("speakers", "documents", "claims", "claim_via", "reviews", "claim_groups"):
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                   f"(SELECT coalesce(max(id), 1) FROM {table}))")
                cursor.execute("ANALYZE")
        else:
            self.connection.execute("ANALYZE")
        self.connection.commit()
        self.connection.close()


def matches(session, word: str) -> int:
    folded = fold_for_search(word)  # the index holds the folded copies (migration 0012)
    if session.bind.dialect.name == "postgresql":
        return session.scalar(text("SELECT count(*) FROM claims WHERE text_folded LIKE :p"), {"p": f"%{folded}%"})
    return session.scalar(text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH :p"), {"p": f'"{folded}"'})


def rarest_word(session, near_claim: int) -> str:
    """A word of some claims with the fewest matches (a name, a place: what one searches most)."""
    texts = session.scalars(text(f"SELECT text FROM claims WHERE id BETWEEN {near_claim} AND {near_claim + 40}"))
    words = {w.strip(".").lower() for t in texts for w in t.split() if len(w) > 6}
    return min(sorted(words), key=lambda w: matches(session, w))


def timed(work, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def export_peak(url: str, fmt: str) -> tuple[float, float]:
    code = (PEAK_MB + "import sys, time\n"
            "from claimtrack.cli import main\n"
            "t = time.perf_counter()\n"
            "try:\n"
            f"    main(['--db', {url!r}, 'export', '--format', {fmt!r}, '-o', '/dev/null'])\n"
            "except SystemExit:\n"
            "    pass\n"
            "print(time.perf_counter() - t, peak_mb())\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return float(out[-2]), float(out[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/claimtrack-million.db", help="a SQLite file or a PostgreSQL URL")
    parser.add_argument("--repeat", type=int, default=21)  # the p95 of 7 was their slowest
    args = parser.parse_args()
    url = resolve_url(args.db)
    print(f"machine: {os.cpu_count()} core(s); {make_url(url).get_backend_name()}")
    database = Database(url, create=True)
    with database.session() as session:
        built = session.scalar(text("SELECT count(*) FROM documents")) > 0
    if not built:
        start = time.perf_counter()
        build(url, args.claims)
        print(f"built {shown(url)} in {time.perf_counter() - start:.0f} s")
        # a SQLite connection opened before the build's ANALYZE keeps planning without its statistics
        database.engine.dispose()
    postgres = url.startswith("postgresql")
    with database.session() as session:
        total = session.scalar(text("SELECT count(*) FROM claims"))
        # a rare speaker, a document in the middle, a word of some claim
        some_speaker = session.scalar(text("SELECT name FROM speakers ORDER BY id DESC LIMIT 1 OFFSET 100"))
        some_doc = session.scalar(text("SELECT name FROM documents WHERE id = (SELECT max(id) / 2 FROM documents)"))
        some_claim = session.scalar(text("SELECT max(id) * 7 / 9 FROM claims"))
        some_word = session.scalar(text(f"SELECT text FROM claims WHERE id = {some_claim}")).split()[3]
        rare_word = rarest_word(session, some_claim)
        accented = session.scalar(text("SELECT text FROM claims WHERE text LIKE '%dé%' LIMIT 1"))
        folded_word = next(w for w in accented.split() if "dé" in w).strip(".").upper().replace("É", "E")
        print(f"{total:,} claims; searched: {some_word!r} ({matches(session, some_word):,} claims),"
              f" {rare_word!r} ({matches(session, rare_word):,})")
        filters = {
            "claims --unsourced": ClaimFilter(unsourced=True, limit=50),
            "claims --type unnamed": ClaimFilter(types=("unnamed",), limit=50),
            "claims --speaker": ClaimFilter(speaker=some_speaker, limit=50),
            "claims --doc": ClaimFilter(document=some_doc, limit=50),
            "claims --type named --doc": ClaimFilter(types=("named",), document=some_doc, limit=50),
            "claims --search (frequent word)": ClaimFilter(search=some_word, limit=50),
            "claims --search (rare word)": ClaimFilter(search=rare_word, limit=50),
            "claims --search (accents folded)": ClaimFilter(search=folded_word, limit=50),
            "claims --status confirmed": ClaimFilter(status=("confirmed",), limit=50),
            "claims --outlet": ClaimFilter(outlet="Outlet 17", limit=50),
            "claims --since --until (a month)": ClaimFilter(since="2025-06-01", until="2025-06-30", limit=50),
            "claims --reviewed-by": ClaimFilter(reviewed_by="reviewer3", limit=50),
            "claims --outlet --type named": ClaimFilter(outlet="Outlet 17", types=("named",), limit=50),
            "claims --sort confidence": ClaimFilter(sort="confidence", limit=50),
        }
        print(f"{'command':34} {'p50 ms':>8} {'p95 ms':>8}")
        for name, flt in filters.items():
            p50, p95 = timed(lambda flt=flt: list(iter_rows(session, flt)), args.repeat)
            print(f"{name:34} {p50:8.1f} {p95:8.1f}")
        for name, work in {
            "stats": lambda: sourcing_profile(session),
            "stats --by outlet": lambda: sourcing_profile(session, "outlet"),
            "stats --outlet": lambda: sourcing_profile(
                session, ids=matching_documents(session, "Outlet 17", None, None)),
            "stats --since --until (a month)": lambda: sourcing_profile(
                session, ids=matching_documents(session, None, "2025-06-01", "2025-06-30")),
            "speakers": lambda: speakers(session),
            "show": lambda: claim_detail(session, some_claim),
        }.items():
            p50, p95 = timed(work, args.repeat)
            print(f"{name:34} {p50:8.1f} {p95:8.1f}")

        def sample():  # drawn in a savepoint rolled back: the store keeps no batch
            savepoint = session.begin_nested()
            draw(session, 100, ClaimFilter(), seed=1, name=f"bench-{time.perf_counter_ns()}")
            savepoint.rollback()
        p50, p95 = timed(sample, max(3, args.repeat // 2))
        print(f"{'sample 100':34} {p50:8.1f} {p95:8.1f}")
        print("query plans:")
        for name, flt in filters.items():
            from claimtrack.store.queries import checked

            statement = claim_query(checked(session, flt)).with_only_columns(text("1"))
            compiled = str(statement.compile(session.bind, compile_kwargs={"literal_binds": True}))
            explain = "EXPLAIN (COSTS OFF) " if postgres else "EXPLAIN QUERY PLAN "
            rows = session.execute(text(explain + compiled))
            lines = [str(row[-1]).strip().removeprefix("-> ").strip() for row in rows]
            plan = "; ".join(line for line in lines if not postgres or "Scan" in line or "Join" in line)
            print(f"  {name}: {plan}")
    for fmt in ("jsonl", "csv"):
        seconds, peak = export_peak(url, fmt)
        print(f"export {fmt}: {seconds:.1f} s, peak RSS {peak:.0f} MB")



if __name__ == "__main__":
    main()
