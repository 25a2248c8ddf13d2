"""claimtrack: source-claim attribution and provenance tracking for fact-checkers."""

__version__ = "0.1.0"
