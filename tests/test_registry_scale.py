"""The registry of names answers by index what it used to answer by a pass over every name:
the same answers (checked against that pass on invented names), at a cost that does not grow
with the names an article has met (an article naming thousands of people stays linear)."""

from __future__ import annotations

import itertools
import re

from claimtrack.engine.speakers.names import Person, Registry, _KeptNames, _short_for

NAMES = ["Mathilde Verlaine", "Reine Mathilde Verlaine", "Nacer Zemmal", "Nacereddine Zemmal", "Li", "Bo Li",
         "David Hallyday", "Johnny Hallyday", "Dupont", "Jean Dupont", "Lapont", "al-Assad", "Bachar al-Assad",
         "O'Neill", "Paul O'Neill", "Xi", "Lu", "Élodie Estève", "Elodie Esteve", "Ange", "Solange", "Marie-Ange"]


def _every_name_pass(kept: list[Person], person: Person) -> bool:
    """What the protagonist count asked before the index: a pass over every kept name."""
    return any(k.name.endswith(person.name) or person.name.endswith(k.name) or _short_for(k, person) for k in kept)


def test_kept_names_index_answers_as_a_pass_over_every_name():
    for order in (NAMES, list(reversed(NAMES)), NAMES[1::2] + NAMES[::2]):
        kept, indexed = [], _KeptNames()
        for name in order:
            person = Person(name, 0)
            assert indexed.overlaps(person) == _every_name_pass(kept, person), name
            kept.append(person)
            indexed.add(person)


def test_registry_look_ups_by_name_and_surname():
    registry = Registry("")
    for position, name in enumerate(NAMES):
        registry.add(name, position, human=True)
    registry.add("Jean Dupont", 99, role="maire de Lyon")  # met again: its role is learnt, no second entry
    assert [p.name for p in registry.people] == NAMES
    assert registry.person("Jean Dupont").role == "maire de Lyon"
    assert registry.person("Jean") is None and registry.person(None) is None
    # a surname alone is the first full name the article gave with that surname
    for surname in ("Dupont", "Verlaine", "Zemmal", "Hallyday", "Esteve", "Assad"):
        first = next(p.name for p in registry.people
                     if len(p.name.split()) > 1 and p.surname_key == Person(surname, 0).surname_key)
        assert registry.canonical(f"M. {surname}") == first


def test_protagonist_counts_surnames_as_whole_words():
    text = ("Jean Dupont arrive. Dupont parle. Les Duponts rient. Dupont-Aignan passe. "
            "Dupont revient, Dupont repart. Marie Curie aussi, Curie deux fois.")
    registry = Registry(text)
    registry.add("Jean Dupont", 0, human=True)
    registry.add("Marie Curie", 90, human=True)
    counted = len(re.findall(r"(?<![\w-])Dupont(?![\w-])", text))
    assert counted == 4
    assert registry.protagonist(text).name == "Jean Dupont"
    # of two named as often, the one named first leads; two of one surname cannot be told apart
    tie = "Marie Curie, Curie, Curie. Jean Dupont, Dupont, Dupont."
    registry = Registry(tie)
    for name, position in (("Jean Dupont", 27), ("Marie Curie", 0)):
        registry.add(name, position, human=True)
    assert registry.protagonist(tie).name == "Marie Curie"
    same = "Jean Dupont, Dupont, Dupont. Paul Dupont. Marie Curie, Curie, Curie."
    registry = Registry(same)
    for name, position in (("Jean Dupont", 0), ("Paul Dupont", 28), ("Marie Curie", 41)):
        registry.add(name, position, human=True)
    assert registry.protagonist(same) is None


def test_many_names_registered_once_each():
    registry = Registry("")
    names = [f"{first} {last}{n}" for n, (first, last) in
             enumerate(itertools.product(["Amélie", "Bruno", "Chloé"], ["Arnaud", "Besson"] * 400))]
    for position, name in enumerate(names + names):
        registry.add(name, position, human=True)
    assert len(registry.people) == len(set(names))


def test_uses_of_a_word_from_one_count_are_a_pass_over_the_text():
    """Registry.uses answers from one count of the article's words what word_uses finds by
    reading the whole text, for words whole, hyphenated, elided or with a particle."""
    from claimtrack.engine.speakers.names import word_uses

    text = ("Jean-Marie Le Pen a parlé. Le Pen, puis Le Penseur et Pen. O'Neill et Paul O'Neill, l'élu, "
            "Élodie Estève, Esteve, al-Assad et Bachar al-Assad ; Pen-Duick.")
    registry = Registry(text)
    for word in ["Pen", "Le", "Jean-Marie", "O'Neill", "Neill", "Estève", "Esteve", "al-Assad", "Assad",
                 "Pen-Duick", "Duick", "absent", "l'élu"]:
        assert registry.uses(word) == word_uses(text, word), word
