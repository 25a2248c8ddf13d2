"""Exports: JSON lines (what score.py reads), CSV safe for spreadsheets, ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import TextIO

from claimtrack.store.queries import ClaimRow

CSV_FIELDS = ("id", "document", "document_sha256", "title", "outlet", "start", "end", "kind", "text", "speaker",
              "mention", "speaker_type", "via", "mode", "cue", "confidence", "evidence", "status", "verdict", "note",
              "machine_extracted", "date", "ingested", "group_id", "first_seen_document", "first_seen_date", "reviewer",
              "reviewed_at")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """OWASP's advice against CSV injection: a cell that a spreadsheet would run as a formula
    is prefixed with a quote so that it shows as text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_jsonl(rows: Iterable[ClaimRow], out: TextIO) -> int:
    count = 0
    for row in rows:
        record = asdict(row)
        record["claim_id"] = record["id"]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[ClaimRow], out: TextIO, *, delimiter: str = ",", raw: bool = False) -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    count = 0
    for row in rows:
        record = asdict(row)
        record["via"] = " > ".join(row.via)
        cells = []
        for name in CSV_FIELDS:
            value = record[name]
            text = "" if value is None else str(value)
            cells.append(text if raw or not isinstance(value, str) else neutralise(text))
        writer.writerow(cells)
        count += 1
    return count
