"""Speakers a reviewer can trust across the store: aliases are name variants only, roles are
titles, unnamed sources stay in their article, and duplicates are names, surname first."""

from __future__ import annotations

import json

import pytest

from claimtrack.cli import main
from claimtrack.identity import clean_role, is_name_variant

ARTICLES = {
    "a.txt": ("La procureure Marie Dupont a déclaré que l'accusé avait tout organisé.\n\n"
              "« Il a menti », a ajouté la magistrate.\n\n"
              "« Je l'ai vu partir à minuit », a raconté un témoin.\n\n"
              "Selon des sources judiciaires, le verdict est attendu vendredi.\n"),
    "b.txt": ("« Je n'ai rien vu », a affirmé un témoin.\n\n"
              "Selon des sources judiciaires, l'enquête est close.\n\n"
              "« Le dossier est vide », a estimé Marie Dupont.\n\n"
              "La démocrate a répondu que le dossier était solide.\n"),
}


@pytest.mark.parametrize(("alias", "name", "variant"), [
    ("M. Nečas", "Petr Nečas", True), ("Necas", "Petr Nečas", True), ("P. Nečas", "Petr Nečas", True),
    ("al-Araji", "Qassim al-Araji", True), ("ce témoin", "Anne Roy", False), ("la démocrate", "Nancy Pelosi", False),
    ("la magistrate", "Marie Dupont", False), ("Jean Roy", "Paul Roy", False),
])
def test_only_name_variants_are_aliases(alias, name, variant):
    assert is_name_variant(alias, name) is variant


def test_roles_are_titles_never_fragments():
    assert clean_role("porte-parole de M.") == "porte-parole"
    assert clean_role("conseiller du") == "conseiller"
    assert clean_role("ministre des Affaires étrangères") == "ministre des Affaires étrangères"
    assert clean_role("de") is None
    assert clean_role("La procureure") == "procureure"


def test_descriptions_stay_mentions_and_unnamed_sources_stay_in_their_article(db_url, runner, tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "a.txt"),
                                str(tmp_path / "b.txt")]).exit_code == 0
    speakers = json.loads(runner.invoke(main, ["--db", db_url, "speakers", "--json"]).stdout)
    by_name = {}
    for row in speakers:
        by_name.setdefault(row["name"], []).append(row)
    [dupont] = by_name["Marie Dupont"]
    assert not any(word in alias.lower() for alias in dupont["aliases"] for word in ("magistrate", "démocrate",
                                                                                      "procureure"))
    assert dupont["role"] == "procureure"
    assert len(by_name["un témoin"]) == 2
    assert len(by_name.get("des sources judiciaires", [])) == 2  # one per article, never pooled
    assert all(row["documents"] == 1 for row in by_name.get("des sources judiciaires", []))
    claims = [json.loads(line) for line in
              runner.invoke(main, ["--db", db_url, "claims", "--speaker", "Dupont", "--json"]).stdout.splitlines()]
    assert {c["document"] for c in claims} == {"a.txt", "b.txt"}
    duplicates = runner.invoke(main, ["--db", db_url, "speakers", "--duplicates", "--json"])
    assert "des sources judiciaires" not in duplicates.stdout


def test_duplicates_are_names_and_a_first_name_beside_the_full_name_is_proposed(db_url, runner, tmp_path):
    from claimtrack.provenance.speakers import _shorter_form, _written_as_name

    assert not _written_as_name("article 5") and not _written_as_name("l'article") and _written_as_name("l'ONU")
    assert _shorter_form("paul", "paul durand", ("Paul", "Paul Durand"))
    assert _shorter_form("durand", "paul durand", ("Durand", "Paul Durand"))
    (tmp_path / "c.txt").write_text("« Nous partirons lundi », a déclaré Jorge Ramos, le capitaine.\n\n"
                                    "« Tout est prêt », a confirmé Jorge.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("« Le port ferme », a annoncé Ana Ramos, la directrice.\n", encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "c.txt"), str(tmp_path / "d.txt")]
                         ).exit_code == 0
    speakers = {s["name"] for s in json.loads(runner.invoke(main, ["--db", db_url, "speakers", "--json"]).stdout)}
    proposals = json.loads(runner.invoke(main, ["--db", db_url, "speakers", "--duplicates", "--json"]).stdout)
    pairs = [{p["keep"]["name"], p["other"]["name"]} for p in proposals]
    if "Jorge" in speakers:  # the engine left the first name apart: the pair is proposed, though in one article
        assert {"Jorge", "Jorge Ramos"} in pairs
    assert {"Jorge Ramos", "Ana Ramos"} not in pairs  # a shared surname alone is two people


def test_an_articles_speakers_are_found_together_past_one_chunk_of_keys(db_url):
    """stored_speakers looks up a whole article's speakers at once, 500 keys a query: every stored
    (key, type) pair is found, and a type apart stays apart."""
    from claimtrack.identity import speaker_for, stored_key, stored_speakers
    from claimtrack.store.db import Database

    database = Database(db_url, create=True)
    names = [f"Personne Numéro{n:04d}" for n in range(1203)]
    with database.session() as session:
        for name in names:
            speaker_for(session, name, "named").aliases  # noqa: B018 (loaded, as ingest leaves them)
        session.flush()
        wanted = {(stored_key(name), "named") for name in names} | {(stored_key(names[0]), "unnamed")}
        found = stored_speakers(session, wanted)
        assert len(found) == len(names)  # no unnamed speaker under that key
        assert all(found[(stored_key(name), "named")].name == name for name in names)
        assert (stored_key(names[0]), "unnamed") not in found
