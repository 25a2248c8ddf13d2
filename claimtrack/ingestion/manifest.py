"""Outlet, publication date and address of articles that do not carry them (plain text files),
as a newsroom gives them: for a whole ingest (`--outlet`, `--date`) or per file in a manifest.

A manifest is a CSV file with a header: `file` (required: a path relative to the manifest's
folder, or a bare file name), and any of `outlet`, `date` (YYYY-MM-DD) and `url`. What it gives
overrides what a page's own metadata says; an empty cell gives nothing.
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from claimtrack.errors import ClaimtrackError
from claimtrack.ingestion.reading import SourceText, Unreadable


class ManifestError(ClaimtrackError, ValueError):
    """A manifest that cannot be read; the message names the line."""


@dataclass(frozen=True)
class Metadata:
    outlet: str | None = None
    published: str | None = None  # ISO day
    url: str | None = None


def parse_day(value: str, where: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as error:
        raise ManifestError(f"{where}: date {value!r} is not a day written YYYY-MM-DD") from error


def read_manifest(path: Path) -> dict[str, Metadata]:
    """File key (resolved path, and bare name) → its metadata."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise ManifestError(f"cannot read the manifest {path}: {error.strerror or error}") from error
    found: dict[str, Metadata] = {}
    with handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
            raise ManifestError(f"{path}:1: a manifest needs a header with a 'file' column (and outlet, date, url)")
        for number, row in enumerate(reader, 2):
            row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
            name = row.get("file", "")
            if not name:
                raise ManifestError(f"{path}:{number}: no file named")
            published = parse_day(row["date"], f"{path}:{number}") if row.get("date") else None
            metadata = Metadata(row.get("outlet") or None, published, row.get("url") or None)
            found[str((path.parent / name).resolve())] = metadata
            found.setdefault(Path(name).name, metadata)
    return found


def with_metadata(sources: list[SourceText | Unreadable], *, outlet: str | None = None, published: str | None = None,
                  manifest: dict[str, Metadata] | None = None) -> list[SourceText | Unreadable]:
    """The sources with the metadata given: a manifest's row first, then the ingest's options."""
    given = []
    for source in sources:
        if isinstance(source, Unreadable):
            given.append(source)
            continue
        row = Metadata()
        if manifest:
            key = str(Path(source.path).resolve()) if source.path else source.name
            row = manifest.get(key) or manifest.get(source.name) or Metadata()
        given.append(dataclasses.replace(source, outlet=row.outlet or outlet or source.outlet,
                                         published=row.published or published or source.published,
                                         url=row.url or source.url))
    return given
