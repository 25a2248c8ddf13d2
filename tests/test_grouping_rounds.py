"""Grouping compares a new claim with its candidates in rounds and reads a candidate's words
only when it is compared (provenance.grouping._compare): a candidate already connected to the
claim is passed over, so the groups are those that comparing every candidate pair gives, and the
earlier copies of a repeated paragraph, all in one group, are not read one by one."""

from __future__ import annotations

import random

from sqlalchemy import select

from claimtrack.cli import main
from claimtrack.provenance import grouping
from claimtrack.provenance.fingerprint import claim_core, fingerprint, words
from claimtrack.provenance.matching import similarity
from claimtrack.store.db import Database
from claimtrack.store.models import Claim

BASE = ("Nous ne reculerons jamais devant les menaces répétées de nos voisins et nous défendrons "
        "chaque village de la vallée jusqu'au dernier jour").split()
SWAPS = ["pressions", "voisins", "toujours", "hameau", "montagne", "ultime", "soldats", "sans", "villes"]
OTHERS = [  # sentences with nothing in common, one an article
    "La mairie a fermé l'école du village pour tout l'hiver faute de chauffage.",
    "Les pêcheurs du port réclament une aide après trois mois de tempêtes.",
    "Une exposition de photographies anciennes ouvre samedi au musée de la ville.",
    "Le club de football local a remporté son premier match de la saison.",
    "Des travaux bloqueront la route départementale pendant deux semaines en mars.",
    "La bibliothèque prolonge ses horaires d'ouverture le mercredi soir.",
    "Un incendie a détruit un entrepôt agricole sans faire de victime.",
    "Les élèves du lycée ont planté cent arbres le long de la rivière.",
    "Le marché de Noël accueillera cette année quarante exposants.",
    "Une nouvelle ligne de bus reliera la gare à l'hôpital dès janvier.",
    "Le festival de musique a attiré un public record malgré la pluie.",
    "La piscine municipale rouvre après deux ans de rénovation.",
    "Les viticulteurs s'inquiètent d'une vendange plus précoce que prévu.",
    "Un nouveau médecin s'installe enfin dans le bourg après des années sans.",
    "La fromagerie familiale fête ses cent ans avec une journée portes ouvertes.",
    "Des bénévoles ont nettoyé les plages de la baie dimanche matin.",
    "Le conseil régional finance la rénovation du vieux pont de pierre.",
    "Une start-up locale lève deux millions pour ses capteurs agricoles.",
]
QUOTE = ("Nous ne céderons jamais devant les menaces de nos voisins du nord, ni aujourd'hui ni demain, "
         "quoi qu'il en coûte")


def _article(quote: str, other: str) -> str:
    return f"« {quote} », a déclaré le ministre Paul Durand.\n\n{other}\n"


def _ingest(runner, path, *files) -> None:
    result = runner.invoke(main, ["--db", str(path), "ingest", "--engine", "rules", *map(str, files)])
    assert result.exit_code == 0, result.output


def _partition(claims) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for claim_id, group_id in claims:
        if group_id is not None:
            groups.setdefault(group_id, set()).add(claim_id)
    return {frozenset(members) for members in groups.values()}


def test_groups_are_the_components_of_every_similar_pair(tmp_path, runner):
    """Drifting copies of one quotation (each a word or two away from the one before, so that
    the first and the last are no longer alike) and other sentences, in shuffled articles: the
    stored groups are the connected components of all pairs of claims the matcher finds alike."""
    rng = random.Random(7)
    variants, current = [], list(BASE)
    for swap in SWAPS:
        variants.append(" ".join(current))
        current[rng.randrange(len(current))] = swap
    files = []
    for n, quote in enumerate(variants * 2):
        other = OTHERS[n]
        path = tmp_path / f"a{n:02d}.txt"
        path.write_text(_article(quote, other), encoding="utf-8")
        files.append(path)
    rng.shuffle(files)
    database = tmp_path / "claims.db"
    _ingest(runner, database, *files[:7])
    _ingest(runner, database, *files[7:])
    with Database(f"sqlite:///{database}").session() as session:
        rows = session.execute(select(Claim.id, Claim.group_id, Claim.text, Claim.start, Claim.quote_start,
                                      Claim.quote_end)).all()
    cores = {r.id: claim_core(r.text, r.start, r.quote_start, r.quote_end) for r in rows}
    wording = {claim_id: tuple(words(core)) for claim_id, core in cores.items() if fingerprint(core) is not None}
    parent = {claim_id: claim_id for claim_id in wording}

    def root(item: int) -> int:
        while parent[item] != item:
            item = parent[item]
        return item

    for first in wording:
        for second in wording:
            if first < second and similarity(wording[first], wording[second]) is not None:
                parent[root(second)] = root(first)
    expected: dict[int, set[int]] = {}
    for claim_id in wording:
        expected.setdefault(root(claim_id), set()).add(claim_id)
    expected_groups = {frozenset(members) for members in expected.values() if len(members) > 1}
    assert len(expected_groups) == 1 and len(next(iter(expected_groups))) == len(variants) * 2
    assert similarity(tuple(words(variants[0])), tuple(words(variants[-1]))) is None  # joined through the chain
    assert _partition((r.id, r.group_id) for r in rows) == expected_groups


def test_the_copies_of_a_repeated_quotation_are_not_read_one_by_one(tmp_path, runner, monkeypatch):
    database = tmp_path / "claims.db"
    earlier = []
    for n in range(12):
        path = tmp_path / f"copy{n:02d}.txt"
        path.write_text(_article(QUOTE, OTHERS[n]), encoding="utf-8")
        earlier.append(path)
    _ingest(runner, database, *earlier[:11])
    with Database(f"sqlite:///{database}").session() as session:
        groups = session.scalars(select(Claim.group_id).where(Claim.text.contains("céderons"))).all()
    assert len(groups) == 11 and len(set(groups)) == 1 and groups[0] is not None
    read: list[int] = []
    cores = grouping._cores

    def counted(session, claim_ids):
        claim_ids = list(claim_ids)
        read.extend(claim_ids)
        return cores(session, claim_ids)

    monkeypatch.setattr(grouping, "_cores", counted)
    _ingest(runner, database, earlier[11])
    with Database(f"sqlite:///{database}").session() as session:
        new = set(session.scalars(select(Claim.id).where(Claim.document_id == 12)))
        joined = session.scalars(select(Claim.group_id).where(Claim.text.contains("céderons"))).all()
    assert len(joined) == 12 and set(joined) == {groups[0]}
    assert len([claim_id for claim_id in read if claim_id not in new]) == 1  # eleven copies, one read
