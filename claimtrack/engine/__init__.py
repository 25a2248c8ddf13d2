"""The attribution engine: from an article's text to its claims with who says each.

Its names are loaded when first asked for (PEP 562), so that importing one of its light modules
(the text helpers that reading a file needs) does not load every rule: `claimtrack claims`
and `claimtrack show` never attribute anything and start half a second sooner for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimtrack.engine.backends import BackendUnavailable
    from claimtrack.engine.pipeline import RULES_VERSION, Analyzer, Request, analyze
    from claimtrack.engine.records import Analysis, Claim, Pipeline, Segment

_WHERE = {
    "BackendUnavailable": "claimtrack.engine.backends",
    "RULES_VERSION": "claimtrack.engine.pipeline",
    "Analyzer": "claimtrack.engine.pipeline",
    "Request": "claimtrack.engine.pipeline",
    "analyze": "claimtrack.engine.pipeline",
    "Analysis": "claimtrack.engine.records",
    "Claim": "claimtrack.engine.records",
    "Pipeline": "claimtrack.engine.records",
    "Segment": "claimtrack.engine.records",
}

__all__ = ["Analysis", "Analyzer", "BackendUnavailable", "Claim", "Pipeline", "RULES_VERSION", "Request", "Segment",
           "analyze"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value
