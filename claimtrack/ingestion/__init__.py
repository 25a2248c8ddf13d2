"""Ingestion: files read into article text, analysed (in worker processes if asked) and stored."""
