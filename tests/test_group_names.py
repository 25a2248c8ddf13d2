"""One source, one name (GUIDE §2): an unnamed group named again keeps the first full
description the article gives it, in every claim of the article; and the people of someone
("les avocats de M. Vidal") speak for themselves, not for that someone. Invented articles."""

from __future__ import annotations

import pytest

from claimtrack.engine.speakers.groups import group_noun


@pytest.fixture(scope="module")
def analyzer(rules_analyzer):
    return rules_analyzer


def _speakers(analyzer, text: str) -> list[tuple[str, str | None]]:
    return [(claim.speaker_type, claim.speaker) for claim in analyzer.analyze(text).claims]


def test_a_group_named_again_keeps_its_first_full_description_even_in_the_claims_before_it(analyzer):
    text = ("La défense a dénoncé un procès expédié.\n\n"
            "Les avocats de M. Vidal affirment que deux jurés connaissaient la victime.\n\n"
            "Les avocats de la défense ajoutent que le verdict sera contesté.\n")
    assert _speakers(analyzer, text) == [("unnamed", "les avocats de M. Vidal")] * 3


def test_synonyms_of_one_group_and_a_group_described_with_an_indefinite(analyzer):
    text = ("Des scientifiques de l'université de Gand ont étudié trois cents chiens.\n\n"
            "Les chercheurs estiment que les chiens âgés dorment davantage.\n")
    assert _speakers(analyzer, text)[-1] == ("unnamed", "des scientifiques de l'université de Gand")


@pytest.mark.parametrize("later, speaker", [
    ("Des avocats de Lyon estiment pourtant que le verdict tiendra.", "des avocats de lyon"),  # a group of its own
    ("Certains avocats estiment pourtant que le verdict tiendra.", "certains avocats"),  # a part of some group
    ("Les autres avocats estiment pourtant que le verdict tiendra.", "les autres avocats"),  # another group
    ("L'avocat estime pourtant que le verdict tiendra.", "avocat"),  # one of them, maybe: not the group
])
def test_what_is_not_the_group_named_again(analyzer, later, speaker):
    text = "Les avocats de M. Vidal affirment que deux jurés connaissaient la victime.\n\n" + later + "\n"
    first, last = _speakers(analyzer, text)
    assert first == ("unnamed", "les avocats de M. Vidal")
    assert last[0] == "unnamed" and last[1].lower() == speaker


def test_groups_named_apart_by_a_place_stay_apart(analyzer):
    text = ("Les habitants de Sarlat affirment manquer d'eau potable.\n\n"
            "Les habitants de Bergerac disent avoir été épargnés.\n")
    assert _speakers(analyzer, text) == [("unnamed", "les habitants de Sarlat"),
                                         ("unnamed", "les habitants de Bergerac")]


@pytest.mark.parametrize("text, speaker", [
    ("Les avocats de M. Vidal affirment que le jury a été influencé.", "les avocats de M. Vidal"),
    ("Le porte-parole de Mme Roux affirme que la candidate se maintiendra.", "porte-parole de Mme Roux"),
    ("Les proches de M. Vidal affirment qu'il est innocent.", "les proches de M. Vidal"),
])
def test_the_people_of_someone_named_with_an_honorific_speak_for_themselves(analyzer, text, speaker):
    assert _speakers(analyzer, text) == [("unnamed", speaker)]


def test_an_enumeration_speaks_for_whoever_made_it(analyzer):
    text = "Le sous-sol contient du cobalt et du lithium, selon l'énumération de M. Vidal.\n"
    assert _speakers(analyzer, text) == [("named", "Vidal")]


def test_group_nouns_share_their_line_of_the_lexicon():
    assert group_noun("défense") == group_noun("avocat") == group_noun("Avocat")
    assert group_noun("chercheur") == group_noun("scientifique")
    assert group_noun("habitant") != group_noun("avocat")
    assert group_noun("ingénieur") == "ingenieur"  # a noun of no line is its own group


def test_groups_set_apart_by_an_adjective_or_a_name_stay_apart(analyzer):
    text = ("Les opérateurs historiques affirment que les prix vont baisser.\n\n"
            "Les opérateurs virtuels estiment au contraire qu'ils vont monter.\n\n"
            "Les autorités sanitaires de la région affirment que l'eau est potable.\n\n"
            "Les autorités de Bordeaux disent le contraire.\n")
    assert [speaker for _, speaker in _speakers(analyzer, text)] == [
        "les opérateurs historiques", "les opérateurs virtuels", "les autorités sanitaires de la région",
        "les autorités de Bordeaux"]
