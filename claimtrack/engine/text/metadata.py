"""Document metadata that plain-text articles carry in their furniture lines."""

from __future__ import annotations

import re
from datetime import datetime

from claimtrack.engine.records import Segment

_SOURCE_LINE = re.compile(r"^\s*source\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_DATE_FORMATS = (
    (re.compile(r"\b(\w{3}, \d{2} \w{3} \d{4})"), "%a, %d %b %Y"),
    (re.compile(r"\b(\w{3} \d{2}, \d{4})"), "%b %d, %Y"),
    (re.compile(r"\b(\d{4}-\d{2}-\d{2})\b"), "%Y-%m-%d"),
)


def outlet_from_furniture(text: str, segments: tuple[Segment, ...]) -> str | None:
    """"SOURCE: FRENCH PRESS TV" at the foot of an article names its outlet."""
    for segment in segments:
        if segment.kind == "boilerplate":
            match = _SOURCE_LINE.match(segment.text)
            if match:
                return match.group("name")
    return None


def published_date(text: str, segments: tuple[Segment, ...]) -> str | None:
    """An ISO date from a timestamp line ("Apr 07, 2021 16:05 UTC"), when there is one."""
    for segment in segments:
        if segment.kind != "boilerplate":
            continue
        for pattern, fmt in _DATE_FORMATS:
            match = pattern.search(segment.text)
            if match:
                try:
                    return datetime.strptime(match.group(1), fmt).date().isoformat()
                except ValueError:
                    continue
    return None
