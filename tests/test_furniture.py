"""Page furniture of web copies stays out of the claims; running text never goes with it."""

from __future__ import annotations

WEB_COPY = """Le barrage de Serre-Ponçon sera vidé en 2027

Lire plus tard

Voir en plein écran

Temps de lecture : 3 min

Publicité

Le préfet a annoncé mardi que le barrage serait vidé pour des travaux de sécurité.

Partager sur Facebook

Lecteur vidéo

Votre avis : faut-il vider le barrage ?

Les habitants de la vallée craignent pour le tourisme de l'été prochain.
"""


def _kinds(analyzer, text):
    return {" ".join(s.text.split()): s.kind for s in analyzer.analyze(text).segments}


def test_web_copy_furniture_is_kept_out_of_the_claims(analyzer):
    kinds = _kinds(analyzer, WEB_COPY)
    for line in ("Lire plus tard", "Voir en plein écran", "Temps de lecture : 3 min", "Publicité",
                 "Partager sur Facebook", "Lecteur vidéo", "Votre avis : faut-il vider le barrage ?"):
        assert kinds[line] == "boilerplate", (line, kinds[line])
    assert kinds["Le préfet a annoncé mardi que le barrage serait vidé pour des travaux de sécurité."] == "claim"
    assert kinds["Les habitants de la vallée craignent pour le tourisme de l'été prochain."] == "claim"


def test_running_text_is_never_lost_as_furniture(analyzer):
    body = ("Le conseil régional a voté jeudi soir un budget de 2,3 milliards d'euros pour l'an prochain, "
            "en hausse de 4 % sur un an, malgré l'opposition des élus écologistes et centristes.")
    newsletter = ("La newsletter du ministère, diffusée lundi à tous les agents, annonce la fermeture de trois "
                  "centres des impôts dans le département avant la fin de l'année prochaine.")
    text = f"Budget régional : la hausse votée\n\nSource : AFP\n\n{body}\n\n{newsletter}\n\nPartager cet article\n"
    kinds = _kinds(analyzer, text)
    assert kinds["Source : AFP"] == "boilerplate"
    assert kinds[body] == "claim" and kinds[newsletter] == "claim"  # prose after a trailing-furniture line
    assert kinds["Partager cet article"] == "boilerplate"


def test_a_blogs_moderation_notice_is_furniture_though_written_as_prose(analyzer):
    """The notice under a blog's comment box is sentences (25 words and more, ending with a full
    stop), which the running-text guard keeps from the patterns found anywhere in a line; one
    anchored at its start makes it furniture, and a report about someone's comments stays a claim."""
    notice = ("Les commentaires injurieux, hors sujet ou comportant des attaques personnelles seront supprimés "
              "sans préavis. Les auteurs des textes publiés en sont les seuls responsables. Leur contenu "
              "n'engage pas la responsabilité de ce blog.")
    report = ("Les commentaires du ministre sur la réforme des retraites seront retirés du compte rendu "
              "officiel de la séance, a indiqué jeudi la présidence de l'Assemblée nationale.")
    text = f"Le débat continue\n\n{report}\n\nAucun commentaire:\n\n{notice}\n"
    kinds = _kinds(analyzer, text)
    assert kinds[report] == "claim"
    assert [k for line, k in kinds.items() if line.startswith(("Les commentaires injurieux", "Les auteurs",
                                                               "Leur contenu"))] == ["boilerplate"] * 3, kinds
