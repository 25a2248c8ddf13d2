"""How claim text is read for search: case and accents folded on both sides.

`--search etats-unis` must find "États-Unis" and `--search ÉTAT` "état", on SQLite and
PostgreSQL alike and through an index. Neither database folds accents by itself (SQLite's
trigram tokenizer learnt it after the version we meet; PostgreSQL's `unaccent` is an
extension a team's server may refuse), so every claim keeps a folded copy of its text
(`claims.text_folded`, migration 0012) that the trigram indexes cover, and a search folds its
words with the same function before it looks.

Changing this function changes what the stored copies mean: a change needs a migration that
folds the stored claims again.
"""

from __future__ import annotations

import unicodedata

# letters that carry no combining accent in Unicode, so NFKD leaves them whole
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
                          "’": "'", "ʼ": "'", "‘": "'"})


def fold_for_search(text: str) -> str:
    """`text` case-folded, its accents and ligatures undone ("Œuvre des États" → "oeuvre des etats"),
    its curly apostrophes straight. Other characters (Cyrillic, Arabic, digits) stay as they are."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
