"""Provenance across articles: the same claim in several documents (groups), its trail in
time with the wording changes, who relays whom, and one speaker written several ways."""
