"""Enough context to judge a claim: the sentences around it, in `show` and in `review`."""

from __future__ import annotations

from claimtrack.cli import main

# one sentence a line, as many web copies are: the paragraph alone does not say who speaks
ARTICLE = ("Le conseil municipal de Brest s'est réuni lundi.\n"
           "Jean Quéré, maire de 1995 à 2008, a pris la parole.\n"
           "Il a rappelé son opposition au projet de tramway.\n"
           "L'ancien élu a jugé le tracé « absurde et ruineux ».\n"
           "Le vote aura lieu en mars.\n"
           "La séance a duré trois heures.\n")


def _claim_ids(runner, url):
    import json

    listing = runner.invoke(main, ["--db", url, "claims", "--json"]).stdout
    return [json.loads(line)["id"] for line in listing.splitlines()]


def test_show_gives_two_sentences_before_and_one_after_by_default(db_url, runner, tmp_path):
    (tmp_path / "brest.txt").write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "brest.txt")]).exit_code == 0
    fourth = _claim_ids(runner, db_url)[3]
    shown = runner.invoke(main, ["--db", db_url, "show", str(fourth)], env={"COLUMNS": "250"}).output
    assert "Jean Quéré, maire de 1995" in shown and "Il a rappelé" in shown and "Le vote aura lieu" in shown
    assert "Le conseil municipal" not in shown and "La séance a duré" not in shown
    wide = runner.invoke(main, ["--db", db_url, "show", str(fourth), "--before", "3", "--after", "2"],
                         env={"COLUMNS": "250"}).output
    assert "Le conseil municipal" in wide and "La séance a duré" in wide


def test_review_widens_the_context_and_opens_the_article_and_history_reads_plainly(db_url, runner, tmp_path,
                                                                                   monkeypatch):
    import click

    (tmp_path / "brest.txt").write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "brest.txt")]).exit_code == 0
    paged = []
    monkeypatch.setattr(click, "echo_via_pager", lambda text: paged.append(text))
    fourth = _claim_ids(runner, db_url)[3]
    answers = "s\ns\ns\nw\no\ne\nnamed\nPaul Roux\n-\ndirect\nq\n"
    result = runner.invoke(main, ["--db", db_url, "review", "--reviewer", "eva"], input=answers,
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    widened = result.output.split("Action")[4]  # the fourth claim shown again after 'w'
    assert "Le conseil municipal" in widened
    assert paged and "La séance a duré trois heures." in paged[0]
    history = runner.invoke(main, ["--db", db_url, "show", str(fourth)], env={"COLUMNS": "250"}).output
    assert "speaker: Jean Quéré → Paul Roux" in history and '{"speaker"' not in history
