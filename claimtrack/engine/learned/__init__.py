"""The learned decision layer: candidates the rules find, a model that chooses among them."""
