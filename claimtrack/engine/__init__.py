"""The attribution engine: from an article's text to its claims with who says each."""

from claimtrack.engine.backends import BackendUnavailable
from claimtrack.engine.pipeline import RULES_VERSION, Analyzer, Request, analyze
from claimtrack.engine.records import Analysis, Claim, Pipeline, Segment

__all__ = ["Analysis", "Analyzer", "BackendUnavailable", "Claim", "Pipeline", "RULES_VERSION", "Request", "Segment",
           "analyze"]
