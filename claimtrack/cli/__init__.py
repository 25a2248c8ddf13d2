"""Command line: each command parses its options, calls one library function, renders the result."""

from claimtrack.cli.app import main, run

__all__ = ["main", "run"]
